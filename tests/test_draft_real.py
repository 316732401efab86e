"""The real plan from its Word file: ``../shared/fixtures/word/plan-jiande-styled.docx`` (a reconstruction of the
plan's Word original, kept beside the clone) drafts into a folder whose Chinese chapters hold every paragraph of
``data/source/plan.txt`` and whose indicators and projects are the figures of ``data/indicators.yaml`` and
``data/projects.yaml``; the folder builds. Skipped where the shared fixtures are not beside the clone."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, copy_project, run_build
from test_draft import with_english

from plugins.plan_explorer.draft import draft_plan

WORD = ROOT.parent / "shared" / "fixtures" / "word" / "plan-jiande-styled.docx"
pytestmark = pytest.mark.skipif(not WORD.is_file(), reason=f"{WORD} is not beside the clone")


def squeeze(text: str) -> str:
    """Text as compared: Markdown's marks and escapes and all white space dropped."""
    text = re.sub(r"\\(.)", r"\1", text.replace("**", ""))
    return re.sub(r"\s+", "", text)


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("real") / "plan"
    draft_plan(WORD, folder)
    return folder


def test_the_chinese_chapters_hold_every_paragraph_of_the_plan(drafted: Path) -> None:
    chapters = []
    for path in sorted((drafted / "content" / "plan" / "zh").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---", 2)
        meta = yaml.safe_load(front)
        chapters.append(f"{meta['number']}、{meta['title']}" if meta["number"] else meta["title"])
        chapters += [block.removeprefix("## ") for block in re.split(r"\n\s*\n", body.strip())]
    text = {squeeze(block) for block in chapters}
    sources = load(drafted / "data" / "plan.yaml")["sources"]
    placed = {squeeze(s["label"]["zh"] + s.get("title", {}).get("zh", "")) for s in sources if "anchor" in s}
    missing = []
    source = (ROOT / "data" / "source" / "plan.txt").read_text(encoding="utf-8")
    in_cell = False
    for line in source.splitlines():
        if line.startswith("\t") or (in_cell and line):
            in_cell = True
            continue  # a table's cell (a cell of several lines goes on without the tab)
        in_cell = False
        paragraph = squeeze(re.sub(r"\[(bookmark|image): [^\]]*\]", "", line))
        if paragraph and paragraph not in text and paragraph not in placed:
            missing.append(line.strip()[:40])
    assert missing == []
    assert len(chapters) > 100


def plans_own(record: dict[str, Any]) -> bool:
    """A record of the plan's own tables (staff add records citing a staff source: the Word file has none)."""
    staff = {s["id"] for s in load(ROOT / "data" / "plan.yaml")["sources"] if s.get("kind") == "staff"}
    return record["source"]["ref"] not in staff


def test_the_indicators_are_the_real_plans_figures(drafted: Path) -> None:
    def figures(data: Any) -> list[tuple[Any, ...]]:
        return [
            (
                i["seq"],
                i["name"]["zh"],
                i["unit"]["zh"].removesuffix("/亩"),  # 表三 prints 万元 for per-mu figures; data/ names the /亩
                i["value"],
                i["growth_stated"],
                i["nature"],
                i.get("target_text", {}).get("zh"),
                i["source"]["row"],
            )
            for i in data["indicators"]
            if plans_own(i)
        ]

    real = figures(load(ROOT / "data" / "indicators.yaml"))
    assert figures(load(drafted / "data" / "indicators.yaml")) == real != []


def test_the_projects_are_the_real_plans_figures(drafted: Path) -> None:
    def figures(data: Any) -> list[tuple[Any, ...]]:
        return [
            (
                p["seq"],
                p.get("starred", False),
                p["name"]["zh"],
                p["type"],
                p["period"],
                p["total_investment_wan"],
                p["plan_investment_wan"],
                p["location"]["zh"],
                p["content"]["zh"],
                p["builder"]["zh"],
                p["origin"]["zh"],
                p["source"]["row"],
            )
            for p in data["projects"]
            if plans_own(p)
        ]

    real = figures(load(ROOT / "data" / "projects.yaml"))
    assert figures(load(drafted / "data" / "projects.yaml")) == real != []


def test_the_drafted_real_plan_builds_once_its_english_is_added(drafted: Path, tmp_path: Path) -> None:
    plan = with_english(drafted, tmp_path / "plan")
    project = copy_project(tmp_path / "project", plan / "data", plan / "content")
    result = run_build(project, project / "output", "--no-search")
    assert result.returncode == 0, result.stderr
    home = (project / "output" / "index.html").read_text(encoding="utf-8")
    assert "建德市制造业高质量发展“十四五”规划" in home and (project / "output" / "en" / "index.html").is_file()


def test_the_drafted_real_plan_builds(drafted: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", drafted / "data", drafted / "content")
    result = run_build(project, project / "output", "--no-search")
    assert result.returncode == 0, result.stderr
