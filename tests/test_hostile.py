"""Hostile data is inert: every text of a fixture plan holds markup and script payloads; the built site
escapes them in HTML, embedded JSON, SVG charts, the export and the search index, and no script runs."""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, copy_project, run_build, serve

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
