"""The history belongs to its plan: in a copy of the repository whose plan folder now holds another county's plan
of another period, none of the first plan's releases is listed; edits not committed are never a release; a plan
with no release of its own says its history is not available yet; a plan folder outside the repository reads its
own repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_project, run_build
from test_changes import SECOND, edit, git

from plugins.plan_explorer.entities import ENTITY_TYPES
from plugins.plan_explorer.history import read_history
from plugins.plan_explorer.history.git import plan_identity

SAMPLE = FIXTURES / "sample-county"
LATER = "2026-03-05T11:00:00+08:00"


def shas(repo: Path) -> list[str]:
    out = subprocess.run(["git", "log", "--format=%H"], cwd=repo, check=True, capture_output=True, text=True)
    return out.stdout.split()


def swap_plan(root: Path, plan: Path) -> None:
    """The plan folder of ``root`` now holds ``plan`` (another county, another period)."""
    for name in ("data", "content"):
        shutil.rmtree(root / name)
        shutil.copytree(plan / name, root / name)


@pytest.fixture(scope="module")
def reused(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with two releases of the fixture plan (a copy of the project, as staff would reuse it)."""
    plan = FIXTURES / "plan"
    root = copy_project(tmp_path_factory.mktemp("reused") / "project", plan / "data", plan / "content")
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "First plan, first release")
    edit(root / "data" / "projects.yaml", "total_investment_wan: 30000", "total_investment_wan: 36200")
    git(root, "commit", "--quiet", "-am", "First plan, second release", when=SECOND)
    return root


def test_the_plan_identity_is_its_chinese_title_and_period() -> None:
    text = (SAMPLE / "data" / "plan.yaml").read_bytes()
    title, start, end = plan_identity(text) or ("", 0, 0)
    assert (start, end) == (2026, 2030) and title.startswith("鹿溪县")
    assert plan_identity(b"plan: [") is None and plan_identity(b"sources: []") is None and plan_identity(None) is None


def test_another_plan_in_a_copy_of_the_repository_shows_none_of_the_first_plans_releases(
    reused: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy"
    subprocess.run(["git", "clone", "--quiet", f"file://{reused}", str(copy)], check=True)
    old = set(shas(copy))
    assert len(read_history(copy / "data", None, ENTITY_TYPES).releases) == 2  # the first plan has its two

    swap_plan(copy, SAMPLE)  # not committed yet: no release of its own, and the old plan's are not its own
    history = read_history(copy / "data", None, ENTITY_TYPES)
    assert history.releases == [] and not history.available and history.not_yet
    assert history.current.commit == "" and not history.current.modified

    git(copy, "add", "-A")
    git(copy, "commit", "--quiet", "-m", "The next plan", when=LATER)
    history = read_history(copy / "data", None, ENTITY_TYPES)
    assert [r.release.version for r in history.releases] == ["2026-03-05"]
    assert history.releases[0].initial and history.releases[0].changes == []  # nothing compared with the old plan
    assert not {r.release.commit for r in history.releases} & old
    assert history.current.version == "2026-03-05" and history.current.commit not in old

    edit(copy / "data" / "projects.yaml", "total_investment_wan: 120000", "total_investment_wan: 125000")
    edited = read_history(copy / "data", None, ENTITY_TYPES)
    assert [r.release.version for r in edited.releases] == ["2026-03-05"]  # an edit is no release
    assert edited.current.version == "2026-03-05" and edited.current.modified
    assert edited.current.created == history.current.created


def test_a_plan_without_a_release_of_its_own_says_its_history_is_not_available_yet(
    reused: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy"
    subprocess.run(["git", "clone", "--quiet", f"file://{reused}", str(copy)], check=True)
    swap_plan(copy, SAMPLE)
    result = run_build(copy, copy / "output", "--no-search")
    assert result.returncode == 0, result.stderr
    pages = {
        lang: (copy / "output" / sub / "changes" / "index.html").read_text("utf-8")
        for lang, sub in (("zh", ""), ("en", "en"))
    }
    assert "变更记录暂不可用" in pages["zh"] and "not available yet" in pages["en"]
    site = " ".join(p.read_text("utf-8") for p in (copy / "output").rglob("*.html"))
    for old in ("2026-01-10", "2026-02-01", "测试市", "Test City"):
        assert old not in site
    assert 'class="release"' not in pages["zh"]


def test_a_plan_folder_outside_the_repository_reads_its_own_repository(reused: Path, tmp_path: Path) -> None:
    outside = tmp_path / "next-plan"
    shutil.copytree(SAMPLE / "data", outside / "data")
    git(outside, "init", "--quiet", "--initial-branch=main")
    git(outside, "add", "-A")
    git(outside, "commit", "--quiet", "-m", "Its own first release", when=LATER)
    history = read_history(outside / "data", None, ENTITY_TYPES)
    assert [r.release.commit for r in history.releases] == shas(outside)
    assert not set(shas(outside)) & set(shas(reused))


def test_a_shallow_clone_lists_the_plans_first_release_after_another_plans(reused: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    subprocess.run(["git", "clone", "--quiet", f"file://{reused}", str(copy)], check=True)
    swap_plan(copy, SAMPLE)
    git(copy, "add", "-A")
    git(copy, "commit", "--quiet", "-m", "The next plan", when=LATER)
    edit(copy / "data" / "projects.yaml", "total_investment_wan: 120000", "total_investment_wan: 125000")
    git(copy, "commit", "--quiet", "-am", "The next plan, second release", when="2026-04-01T10:00:00+08:00")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "--quiet", "--depth", "3", f"file://{copy}", str(shallow)], check=True)
    history = read_history(shallow / "data", None, ENTITY_TYPES)
    assert [(r.release.version, r.initial) for r in history.releases] == [("2026-04-01", False), ("2026-03-05", True)]
    assert [len(r.changes) for r in history.releases][0] == 1 and history.partial
