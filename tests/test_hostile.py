"""Hostile data is inert: every text of a fixture plan holds markup and script payloads; the built site
escapes them in HTML, embedded JSON, SVG charts, the export and the search index, and no script runs."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, ROOT, copy_project, load_data, run_build, serve

from plugins.plan_explorer.entities import ENTITY_TYPES
from plugins.plan_explorer.export import export_files
from plugins.plan_explorer.model import records as m
from plugins.plan_explorer.model.texts import MAX_TEXT

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(2)</script>",
    "javascript:alert(1)",
    "{{ 7*7 }}",
    "<b onmouseover=alert(3)>x</b>",
    '=HYPERLINK("http://x")',
]


def poison(value: Any, counter: Iterator[int]) -> Any:
    if isinstance(value, dict):
        if set(value) == {"zh", "en"} or set(value) >= {"zh", "en"}:
            n = next(counter)
            payload = PAYLOADS[n % len(PAYLOADS)]
            return {k: (f"{v}{payload}" if k in ("zh", "en") else v) for k, v in value.items()}
        return {
            k: (f"{v} {PAYLOADS[0]}" if k == "quote" else _unit(v, counter) if k == "unit" else poison(v, counter))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [poison(v, counter) for v in value]
    return value


def _unit(value: Any, counter: Iterator[int]) -> Any:
    """A unit's Chinese is a name the unit registry knows (another is a data error): its English is poisoned."""
    if isinstance(value, dict) and "en" in value:
        return {**value, "en": f"{value['en']}{PAYLOADS[next(counter) % len(PAYLOADS)]}"}
    return value


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(FIXTURES / "plan" / "data", data)
    counter = iter(range(10**6))
    for path in data.glob("*.yaml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(poison(doc, counter), allow_unicode=True, sort_keys=False), encoding="utf-8")
    content = root / "content"
    shutil.copytree(FIXTURES / "plan" / "content", content)
    for md in content.rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        md.write_text(
            text.replace("重建标题下的段落。", "重建<script>alert(5)</script>[链](javascript:alert(6))").replace(
                "A paragraph under the reconstructed heading.",
                "Raw <img src=x onerror=alert(7)> [link](javascript:alert(8))",
            ),
            encoding="utf-8",
        )
    project = copy_project(root / "project", data, content)
    result = run_build(project, project / "output")
    assert result.returncode == 0, result.stderr
    return project / "output"


def pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "pagefind" not in p.parts]


class Elements(HTMLParser):
    """Collects what a browser would treat as live markup."""

    def __init__(self) -> None:
        super().__init__()
        self.inline_scripts = 0
        self.handlers: list[str] = []
        self.bad_links: list[str] = []
        self.tags: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "script":
            self._in_script = not a.get("src")
        self.handlers += [k for k in a if k.startswith("on")]
        for key in ("href", "src", "action"):
            if (a.get(key) or "").strip().lower().startswith("javascript:"):
                self.bad_links.append(f"{tag} {key}={a[key]}")

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False


def test_payloads_are_escaped_in_html(hostile_site: Path) -> None:
    for page in pages(hostile_site):
        html = page.read_text(encoding="utf-8")
        parsed = Elements()
        parsed.feed(html)
        assert parsed.inline_scripts == 0, page
        assert parsed.handlers == [], (page, parsed.handlers)
        assert parsed.bad_links == [], (page, parsed.bad_links)
        assert "b" not in parsed.tags and "img" not in parsed.tags, page
        assert ">49<" not in html
    home = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in home or "&lt;/script&gt;&lt;script&gt;" in home
    chapter = (hostile_site / "en" / "plan" / "intro" / "index.html").read_text(encoding="utf-8")
    assert "Raw &lt;img src=x onerror=alert(7)&gt;" in chapter


def test_payloads_are_escaped_in_svg_and_json(hostile_site: Path) -> None:
    html = (hostile_site / "projects" / "index.html").read_text(encoding="utf-8")
    svgs = re.findall(r"<svg role=\"img\".*?</svg>", html, re.S)
    assert svgs
    for svg in svgs:
        parsed = Elements()
        parsed.feed(svg)
        assert parsed.inline_scripts == 0 and parsed.handlers == [] and "img" not in parsed.tags
        assert "script" not in parsed.tags
    for spec in hostile_site.rglob("*.vl.json"):
        json.loads(spec.read_text(encoding="utf-8"))  # valid JSON whatever the strings hold


def test_payloads_are_data_in_the_export(hostile_site: Path) -> None:
    with (hostile_site / "data" / "projects.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert any("<script>alert(1)</script>" in v or "onerror" in v for r in rows for v in r.values())
    cells = [v for r in rows for v in r.values()]
    assert not any(v.startswith("=") for v in cells)  # no formula cells
    json.loads((hostile_site / "data" / "projects.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "path",
    [
        "",
        "en/",
        "projects/",
        "en/projects/widget-factory/",
        "plan/intro/",
        "en/plan/intro/",
        "audit/",
        "en/platforms/main-park/",
        "search/?q=alert",
    ],
)
def test_no_script_runs_in_the_browser(hostile_site: Path, page: Any, path: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for base in serve(hostile_site):
        page.goto(f"{base}/{path}")
        page.wait_for_load_state("networkidle")
        if path.startswith("search/"):
            page.wait_for_timeout(500)
        assert page.locator("img[src='x']").count() == 0
        assert page.locator("main script").count() == 0
    assert dialogs == []


# --- text hygiene and bounded reading: each probe a small generated input -----------------------------------


def _bounded_run(project: Path, *args: str, megabytes: int = 500) -> subprocess.CompletedProcess[str]:
    """The command line on ``project`` with at most ``megabytes`` of memory (a guard against a hang, not a timing)."""
    limit = megabytes * 2**20
    return subprocess.run(
        [sys.executable, "-m", "plugins.plan_explorer", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)),  # noqa: PLW1509 — no threads
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    plan = FIXTURES / "plan"
    return copy_project(tmp_path / "project", plan / "data", plan / "content")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(stderr: str) -> list[str]:
    lines = stderr.strip().splitlines()
    assert "Traceback" not in stderr
    assert re.fullmatch(r"\d+ problem\(s\) found; .*\.", lines[-1]), lines
    return lines[:-1]


@pytest.mark.parametrize(
    ("escape", "char"),
    [("\\v", "U+000B"), ("\\x1b", "U+001B"), ("\\x85", "U+0085"), ("\\uFFFE", "U+FFFE"), ("\\uFFFF", "U+FFFF")],
)
def test_a_control_character_in_a_text_is_a_data_problem_with_its_line(project: Path, escape: str, char: str) -> None:
    _edit(project / "data" / "projects.yaml", "en: Widget factory}", f'en: "Widget{escape}factory"}}')
    result = _bounded_run(project, "check")
    assert result.returncode == 1
    [line] = _problems(result.stderr)
    assert line.startswith("data/projects.yaml:10: projects[0].name.en: control character " + char), line


def test_a_control_character_in_a_chapter_is_a_problem_with_its_line(project: Path) -> None:
    chapter = next((project / "content" / "plan" / "en").glob("*.md"))
    lines = chapter.read_text(encoding="utf-8").split("\n")
    lines[-2] += "\x0b"
    chapter.write_text("\n".join(lines), encoding="utf-8")
    result = _bounded_run(project, "check")
    assert result.returncode == 1
    [line] = _problems(result.stderr)
    assert line.startswith(f"content/plan/en/{chapter.name}:{len(lines) - 1}: (text): control character U+000B")


def test_an_overlong_text_is_a_problem_and_the_schema_states_the_bound(project: Path) -> None:
    _edit(project / "data" / "projects.yaml", "en: Widget factory}", "en: " + "w" * (MAX_TEXT + 1) + "}")
    result = _bounded_run(project, "check")
    assert result.returncode == 1
    [line] = _problems(result.stderr)
    assert line == f"data/projects.yaml:10: projects[0].name.en: text of {MAX_TEXT + 1:,} characters: at most 20,000"
    schema = json.loads((ROOT / "data" / "schema" / "projects.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["Text"]["properties"]["en"]["maxLength"] == MAX_TEXT


def test_a_yaml_alias_bomb_is_one_line(project: Path) -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]  # 10**9 x's
    with (project / "data" / "glossary.yaml").open("a", encoding="utf-8") as file:
        file.write("\n".join(levels) + "\n")
    result = _bounded_run(project, "check")
    assert result.returncode == 1
    problems = _problems(result.stderr)
    line = (project / "data" / "glossary.yaml").read_text(encoding="utf-8").count("\n") - 8  # a1's
    alias = f"data/glossary.yaml:{line}: a1[0]: YAML alias (*name): not allowed in the data; write the value out"
    assert [p for p in problems if "alias" in p] == [alias]  # a0's node met again: one line for the file


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("loop: &a [*a]\n", "loop[0]: YAML alias (*name): not allowed"),  # a value holding itself: no RecursionError
        ("deep: " + "[" * 30 + "]" * 30 + "\n", "nested more than 24 levels deep"),
        ("deeper: " + "[" * 5000 + "]" * 5000 + "\n", "(syntax): YAML syntax error"),
    ],
)
def test_recursive_and_deep_yaml_is_one_line(project: Path, text: str, message: str) -> None:
    with (project / "data" / "glossary.yaml").open("a", encoding="utf-8") as file:
        file.write(text)
    result = _bounded_run(project, "check")
    assert result.returncode == 1
    problems = _problems(result.stderr)
    assert any(message in line for line in problems), problems
    assert all(line.startswith("data/glossary.yaml:") for line in problems)


def _git(repo: Path, *args: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    env |= {"GIT_AUTHOR_NAME": "staff", "GIT_AUTHOR_EMAIL": "staff@localhost"}
    env |= {"GIT_COMMITTER_NAME": "staff", "GIT_COMMITTER_EMAIL": "staff@localhost"}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def test_a_committed_control_character_is_refused_and_a_fixing_commit_is_enough(project: Path) -> None:
    projects = project / "data" / "projects.yaml"
    _git(project, "init", "--quiet", "--initial-branch=main", when="2026-01-10T10:00:00+08:00")
    _git(project, "add", "-A", when="2026-01-10T10:00:00+08:00")
    _git(project, "commit", "--quiet", "-m", "first", when="2026-01-10T10:00:00+08:00")
    _edit(projects, "en: Widget factory}", 'en: "Widget\\vfactory\\uFFFE"}')  # pasted, committed, published
    _git(project, "commit", "--quiet", "-am", "pasted", when="2026-01-11T10:00:00+08:00")
    for command in ("check", "build"):
        result = _bounded_run(project, command, megabytes=4000)
        assert result.returncode == 1
        [line] = _problems(result.stderr)
        assert line.startswith("data/projects.yaml:10: projects[0].name.en: control character U+000B")
    _edit(projects, 'en: "Widget\\vfactory\\uFFFE"}', "en: Widget factory (fixed)}")
    _git(project, "commit", "--quiet", "-am", "fixed", when="2026-01-12T10:00:00+08:00")
    result = run_build(project, project / "output", "--no-search")
    assert result.returncode == 0, result.stderr
    feed = (project / "output" / "en" / "changes" / "atom.xml").read_text(encoding="utf-8")
    root = ET.fromstring(feed)  # well-formed: nothing XML cannot hold
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 3  # the first release, the pasted one (read, its characters dropped) and the fix
    assert "Widgetfactory" in feed and "\ufffe" not in feed and "\x0b" not in feed


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("date: 2022-03-31", "date: 172800", "data/outcomes.yaml:10: sources[0].date: must be a date (YYYY-MM-DD)"),
        ("date: 2022-03-31", "date: '172800'", "data/outcomes.yaml:10: sources[0].date: must be a date (YYYY-MM-DD)"),
        (
            "url: https://stats.test.example/bulletin/2021",
            "url: stats bulletin 2021",
            "data/outcomes.yaml:11: sources[0].url: must be a web address starting with https:// or http://, "
            "without spaces",
        ),
    ],
)
def test_dates_are_only_real_dates_and_messages_name_what_is_wrong(
    project: Path, old: str, new: str, line: str
) -> None:
    _edit(project / "data" / "outcomes.yaml", old, new)
    result = _bounded_run(project, "check")
    assert result.returncode == 1
    assert _problems(result.stderr) == [line]


HOSTILE_CELLS = ["a\r=1+1", "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", 'q"uote, and comma', "line\n=2+2", "x\r\n@y"]


def test_no_csv_cell_can_start_a_formula_and_rows_survive_a_bare_cr() -> None:
    """Texts reach the export from the data (which refuses a CR) and from elsewhere: the writer holds either way."""
    plan = load_data(FIXTURES / "plan" / "data")
    projects = plan.lists["projects"]
    for i, project in enumerate(projects):
        name, location = HOSTILE_CELLS[i], HOSTILE_CELLS[(i + len(projects)) % len(HOSTILE_CELLS)]
        texts = {"name": m.Text(zh=name, en=name), "location": m.Text(zh=location, en=location)}
        projects[i] = project.model_copy(update=texts)
    files = export_files(plan, ENTITY_TYPES)
    rows = list(csv.reader(io.StringIO(files["projects.csv"], newline="")))
    assert len(rows) == 1 + len(projects)  # a bare CR splits no row
    assert {len(row) for row in rows} == {len(rows[0])}
    for row in rows:
        for cell in row:
            for line in re.split(r"[\r\n]", cell):
                assert not line or line[0] not in "=+-@\t", (cell, row)
    cells = {cell for row in rows[1:] for cell in row}
    assert {"a\r'=1+1", "'=1+1", "'\tx", "'\rx", 'q"uote, and comma', "line\n'=2+2", "x\r\n'@y"} <= cells


def test_the_explorers_csv_download_starts_no_formula(tmp_path: Path, page: Any) -> None:
    """The same rule in the browser (explorer.js): names and locations that start, or have a line that starts,
    with a formula character are neutralised; the file reads back as one row per project."""
    project = copy_project(tmp_path / "p", FIXTURES / "plan" / "data", FIXTURES / "plan" / "content")
    projects = project / "data" / "projects.yaml"
    _edit(projects, "en: Widget factory}", 'en: "=1+1\\n@SUM(A1)"}')
    _edit(projects, "location: {zh: 东镇, en: East Town}", 'location: {zh: "-2", en: "\\t+cmd|x"}')
    result = run_build(project, project / "output", "--no-search")
    assert result.returncode == 0, result.stderr
    for url in serve(project / "output"):
        page.goto(url + "/en/projects/")
        with page.expect_download() as info:
            page.locator("#explorer-csv").click()
        body = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body, newline="")))
    assert len(rows) == 1 + len(yaml.safe_load(projects.read_text(encoding="utf-8"))["projects"])
    cells = {cell for row in rows for cell in row}
    assert "'=1+1\n'@SUM(A1)" in cells and "'\t+cmd|x" in cells
    for cell in cells:
        assert all(not line or line[0] not in "=+-@\t" for line in re.split(r"[\r\n]", cell)), cell
