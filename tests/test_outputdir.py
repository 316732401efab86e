"""The output folder's life: builds reuse the previous site's files, remove what they did not write, and a
failed build leaves the served site as it was."""

from __future__ import annotations

import threading
from pathlib import Path

from plugins.plan_explorer.outputdir import OutputFolders, rewrite


def _build(folders: OutputFolders, pages: dict[str, str]) -> Path:
    building = folders.start()
    for name, text in pages.items():
        (building / name).parent.mkdir(parents=True, exist_ok=True)
        rewrite(building / name, text.encode())
    return building


def test_a_rebuild_overwrites_the_previous_sites_files_and_removes_the_rest(tmp_path: Path) -> None:
    folders = OutputFolders(tmp_path / "output")
    first = {"index.html": "home, first and rather long", "projects/a/index.html": "a", "projects/b/index.html": "b"}
    second = {"index.html": "home, second", "projects/a/index.html": "a again", "projects/c/index.html": "c"}
    for pages in (first, first, second):
        _build(folders, pages)
        folders.finish()
    served = {str(p.relative_to(folders.output)): p.read_text() for p in folders.output.rglob("*") if p.is_file()}
    assert served == second  # shorter content is cut to length; the page b is gone, its folder too
    assert not (folders.output / "projects" / "b").exists()
    assert {p.name for p in tmp_path.iterdir()} == {"output", ".output.previous"}
    previous = folders.previous / "index.html"
    assert previous.read_text() == "home, first and rather long"  # the site before, kept to be rewritten next


def test_the_next_build_writes_into_the_previous_sites_files(tmp_path: Path) -> None:
    folders = OutputFolders(tmp_path / "output")
    for _ in range(2):
        _build(folders, {"index.html": "home"})
        folders.finish()
    inode = (folders.previous / "index.html").stat().st_ino
    building = _build(folders, {"index.html": "home, edited"})
    assert (building / "index.html").stat().st_ino == inode  # no file deleted and created again


def test_a_failed_build_leaves_the_served_site_and_keeps_its_files_for_the_next(tmp_path: Path) -> None:
    folders = OutputFolders(tmp_path / "output")
    _build(folders, {"index.html": "good"})
    folders.finish()
    _build(folders, {"index.html": "half", "projects/x/index.html": "x"})
    folders.abandon()
    assert [p.read_text() for p in folders.output.rglob("*.html")] == ["good"]
    assert not folders.building.exists()
    _build(folders, {"index.html": "good again"})
    folders.finish()
    assert [p.read_text() for p in folders.output.rglob("*.html")] == ["good again"]


def test_a_build_that_wrote_nothing_leaves_no_folder(tmp_path: Path) -> None:
    folders = OutputFolders(tmp_path / "output")
    folders.start()
    folders.abandon()
    assert list(tmp_path.iterdir()) == []


def test_the_served_folder_is_never_missing_while_builds_swap_in(tmp_path: Path) -> None:
    folders = OutputFolders(tmp_path / "output")
    _build(folders, {"index.html": "home"})
    folders.finish()
    misses: list[int] = []
    done = threading.Event()

    def read_the_site() -> None:  # as the dev server does between two requests
        while not done.is_set():
            if not (folders.output / "index.html").exists():
                misses.append(1)

    reader = threading.Thread(target=read_the_site)
    reader.start()
    try:
        for round_number in range(200):
            _build(folders, {"index.html": f"home {round_number}"})
            folders.finish()
    finally:
        done.set()
        reader.join()
    assert (folders.output / "index.html").read_text() == "home 199"
    assert misses == []
