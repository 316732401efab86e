"""A fresh clone (committed files only, no ../shared beside it) validates and builds on its own."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import ROOT, load_data, run_build, run_check

from plugins.plan_explorer.model import records as m


def test_fresh_clone_checks_and_builds(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    assert not (clone.parent / "shared").exists()
    assert (clone / "data" / "source" / "plan.txt").is_file()
    check = run_check(clone)
    assert check.returncode == 0, check.stderr
    projects = load_data(clone / "data").all(m.Project)
    assert f"{len(projects)} projects" in check.stdout
    build = run_build(clone, clone / "output", "--no-search")
    assert build.returncode == 0, build.stderr
    assert (clone / "output" / "en" / "projects" / projects[0].id / "index.html").is_file()
    makefile = (clone / "Makefile").read_text(encoding="utf-8")
    assert "python3 -m venv" in makefile.replace("$(PY_SYS)", "python3") and "requirements.txt" in makefile
