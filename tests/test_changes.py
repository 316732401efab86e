"""The change history: a throwaway git repository holds two releases of the fixture plan's data; the site built
from it lists what the second changed (figures before and after, in each language's units and dates), on
/changes/, in valid Atom feeds and on the records' own pages; a shallow clone or no git says the history is not
available, without an error."""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, run_build

from plugins.plan_explorer.entities import ENTITY_TYPES
from plugins.plan_explorer.history import git as history_git
from plugins.plan_explorer.history import read_history

ATOM = "{http://www.w3.org/2005/Atom}"
FIRST = "2026-01-10T10:00:00+08:00"
SECOND = "2026-02-01T09:30:00+08:00"


def git(repo: Path, *args: str, when: str = FIRST) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    env |= {"GIT_AUTHOR_NAME": "staff", "GIT_AUTHOR_EMAIL": "staff@localhost"}
    env |= {"GIT_COMMITTER_NAME": "staff", "GIT_COMMITTER_EMAIL": "staff@localhost"}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def text_of(html: str) -> str:
    """The page's text as a reader sees it (tags dropped, entities of quotes undone, spaces collapsed)."""
    text = re.sub(r"<[^>]+>", "", html).replace("&#39;", "'").replace("&amp;", "&")
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture plan in a git repository: a first release, then a second that changes a project's investment,
    fixes an English name, records an outcome, revises one and withdraws another, and removes a project."""
    plan = FIXTURES / "plan"
    root = copy_project(tmp_path_factory.mktemp("history") / "project", plan / "data", plan / "content")
    edit(root / "data" / "outcomes.yaml", OUTCOME, "")  # recorded in the second release
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "First release of the data")
    data = root / "data"
    edit(data / "projects.yaml", "total_investment_wan: 30000", "total_investment_wan: 36200")
    edit(data / "projects.yaml", "en: Widget factory}", "en: Widget Factory project}")
    edit(data / "outcomes.yaml", "statuses:\n", OUTCOME.replace("value: 121", "value: 131.5") + "statuses:\n")
    edit(data / "outcomes.yaml", "2022, value: 112, source: bulletin-2022", "2022, value: 113.5, source: bulletin-2025")
    east = "  - {of: townships/east, year: 2021, value: 66, source: bulletin-2021, as_of: 2022-03-31}\n"
    edit(data / "outcomes.yaml", east, "")
    projects = (data / "projects.yaml").read_text(encoding="utf-8")
    start = projects.index("  - id: tbd-project")
    end = projects.index("  - id: ", start + 1)
    (data / "projects.yaml").write_text(projects[:start] + projects[end:], encoding="utf-8")
    edit(
        data / "outcomes.yaml",
        "  - {project: tbd-project, status: unknown, source: project-ledger, as_of: 2024-12-31}\n",
        "",
    )
    git(root, "commit", "--quiet", "-am", "Rubber plant investment revised; 2022 outcome", when=SECOND)
    return root


OUTCOME = "  - {of: indicators/gross-output, year: 2022, value: 121, source: bulletin-2022, as_of: 2023-03-30}\n"


@pytest.fixture(scope="module")
def history_site(repo: Path) -> Path:
    out = repo / "output"
    result = run_build(repo, out, "--no-search")
    assert result.returncode == 0, result.stderr
    return out


def test_the_changes_page_lists_the_change_with_before_and_after_in_both_languages(history_site: Path) -> None:
    zh = text_of((history_site / "changes" / "index.html").read_text(encoding="utf-8"))
    en = text_of((history_site / "en" / "changes" / "index.html").read_text(encoding="utf-8"))
    assert "项目 橡胶厂扩建项目：总投资 3亿元 → 3.62亿元" in zh
    assert "Project Rubber plant expansion: total investment CNY 300 million → CNY 362 million" in en
    assert "版本 2026-02-01" in zh and "发布于2026年2月1日" in zh
    assert "Version 2026-02-01" in en and "released 1 February 2026" in en
    assert "记录2022年实际值：规上工业总产值 131.5亿元" in zh
    assert "Outcome recorded for 2022: Gross industrial output, CNY 13.15 billion" in en
    assert "修订2022年实际值：全市合计 112亿元 → 113.5亿元" in zh
    assert "Outcome for 2022 revised: City total, CNY 11.2 billion → CNY 11.35 billion" in en
    assert "source Test City statistical bulletin 2022 → Test City statistical bulletin 2025" in en
    assert "撤回2021年实际值：东镇" in zh and "Outcome for 2021 withdrawn: East Town" in en
    assert "删除项目：待定项目" in zh and "Project removed: Undecided project" in en
    # a translation fixed: news for English readers only
    assert "Project Widget Factory project: name Widget factory → Widget Factory project" in en
    assert "Widget" not in zh
    assert "Version 2026-01-10 · released 10 January 2026 This release The first release of the data." in en


def test_a_records_page_lists_its_own_changes_and_the_footer_the_release(history_site: Path) -> None:
    zh = text_of((history_site / "projects" / "rubber-plant" / "index.html").read_text(encoding="utf-8"))
    en = text_of((history_site / "en" / "projects" / "rubber-plant" / "index.html").read_text(encoding="utf-8"))
    assert "本页数据的变更" in zh and "2026年2月1日 项目 橡胶厂扩建项目：总投资 3亿元 → 3.62亿元" in zh
    assert "Changes to this record" in en and "CNY 300 million → CNY 362 million" in en
    assert "数据更新于2026年2月1日（版本 2026-02-01）" in zh
    assert "Data last updated 1 February 2026 (version 2026-02-01)" in en
    indicator = text_of((history_site / "en" / "indicators" / "gross-output" / "index.html").read_text("utf-8"))
    assert "Outcome recorded for 2022" in indicator  # an outcome is a change of what it measures
    widgets = (history_site / "projects" / "widget-factory" / "index.html").read_text(encoding="utf-8")
    assert "本页数据的变更" not in widgets  # its only change was to its English name


def test_the_citation_and_the_data_package_carry_the_release(history_site: Path) -> None:
    page = text_of((history_site / "en" / "projects" / "rubber-plant" / "index.html").read_text(encoding="utf-8"))
    assert "[Site publisher not stated]. (2026, February 1). Rubber plant expansion (Version 2026-02-01)." in page
    assert "from /en/projects/rubber-plant/" in page
    package = json.loads((history_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == "2026-02-01"
    assert package["created"] == "2026-02-01T09:30:00+08:00"
    assert package["licenses"][0]["name"] == "CC0-1.0"
    for resource in package["resources"]:
        assert resource["version"] == "2026-02-01" and resource["licenses"] == package["licenses"]


@pytest.mark.parametrize("lang", ["", "en/"])
def test_the_feeds_are_valid_atom(history_site: Path, lang: str) -> None:
    feed = ET.parse(history_site / lang / "changes" / "atom.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    # RFC 4287: a feed has exactly one id, title and updated, and an author (or each entry has one)
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2  # the second release and the first
    ids = [feed.findtext(f"{ATOM}id")]
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
        content = entry.find(f"{ATOM}content")
        assert content is not None and content.get("type") == "html"
        ET.fromstring(f"<div>{content.text}</div>")  # the escaped HTML is well-formed
        ids.append(entry.findtext(f"{ATOM}id"))
    expected = "3.62亿元" if not lang else "CNY 362 million"
    assert expected in (entries[0].findtext(f"{ATOM}content") or "")
    for when in [feed.findtext(f"{ATOM}updated")] + [e.findtext(f"{ATOM}updated") for e in entries]:
        assert when and datetime.datetime.fromisoformat(when).tzinfo is not None  # RFC 3339, with an offset
    assert all(i and re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", i) for i in ids) and len(set(ids)) == len(ids)


def test_the_history_is_read_from_the_cache_the_second_time(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = read_history(repo / "data", tmp_path, ENTITY_TYPES)
    assert [r.release.version for r in first.releases] == ["2026-02-01", "2026-01-10"]
    assert [r.initial for r in first.releases] == [False, True]

    def no_diff(*_: object) -> list[object]:
        raise AssertionError("a cached commit's files were read again")

    monkeypatch.setattr(history_git.GitFolder, "changed_files", no_diff)
    second = read_history(repo / "data", tmp_path, ENTITY_TYPES)
    assert second.releases[0].changes == first.releases[0].changes


def test_a_shallow_clone_says_the_history_is_not_available(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    result = run_build(clone, clone / "output", "--no-search")
    assert result.returncode == 0, result.stderr
    zh = text_of((clone / "output" / "changes" / "index.html").read_text(encoding="utf-8"))
    assert "变更记录不可用" in zh
    footer = text_of((clone / "output" / "en" / "index.html").read_text(encoding="utf-8"))
    assert "Data last updated 1 February 2026 (version 2026-02-01)" in footer  # the commit it has


def test_without_git_the_history_is_not_available(fixture_site: Path) -> None:
    en = text_of((fixture_site / "en" / "changes" / "index.html").read_text(encoding="utf-8"))
    assert "The change history is not available" in en
    feed = ET.parse(fixture_site / "en" / "changes" / "atom.xml").getroot()
    assert feed.findall(f"{ATOM}entry") == [] and feed.findtext(f"{ATOM}updated")
