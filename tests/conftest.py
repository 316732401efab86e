"""Shared fixtures: the real site built once per session, served on 127.0.0.1, and a real Chromium."""

from __future__ import annotations

import datetime
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def load_data(data: Path) -> Any:
    """The plan of a data folder, loaded as the build loads it (every entity type this generator knows)."""
    from plugins.plan_explorer.entities import ENTITY_TYPES
    from plugins.plan_explorer.load import load_plan

    return load_plan(data, ENTITY_TYPES)


#: the data release of a plan folder without git history, for output that is the same from run to run (its date is
#: in every page's footer and citation, the feeds and the data package)
FIXED_RELEASE = {"SOURCE_DATE_EPOCH": "1767225600"}


@dataclass(frozen=True)
class Commitments:
    """The real plan's commitments as the site counts them, computed from data/ (so a staff edit moves them)."""

    total: int  # one per commitment: a table's target the text restates counted once
    text: int  # stated in the text (first statements)
    places: int  # every statement of them in the text
    tables_only: int  # set only in a table


def real_commitments() -> Commitments:
    from plugins.plan_explorer.entities import ENTITY_TYPES
    from plugins.plan_explorer.model import records as m
    from plugins.plan_explorer.outcomes.progress import build_progress
    from plugins.plan_explorer.targets import first_statements

    plan = load_data(ROOT / "data")
    progress = build_progress(plan, [t for t in ENTITY_TYPES if plan.has(t.name)], datetime.date(2026, 12, 8))
    total, text = len(progress.commitments), len(first_statements(plan))
    return Commitments(total, text, len(plan.all(m.Target)), total - text)


def run_build(
    root: Path, output: Path, *extra: str, env: dict[str, str] | None = None, command: str = "build"
) -> subprocess.CompletedProcess[str]:
    """Build the site of ``root`` (a copy of the project or the project itself) into ``output``."""
    return subprocess.run(
        [sys.executable, "-m", "plugins.plan_explorer", command, "--output", str(output), *extra],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


def build_here(root: Path, output: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """What ``run_build`` does, in this process (the command line's own code, its output captured): for the tests
    of a build's outcome, where starting a Python process is not the point. ``root`` is a copy of the project."""
    import contextlib
    import io

    from plugins.plan_explorer.cli import main

    args = ["build", "--plan", str(root), "--settings", str(root / "pelicanconf.py"), "--output", str(output), *extra]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plugins.plan_explorer", "check"], cwd=root, capture_output=True, text=True, check=False
    )


def copy_project(dest: Path, data: Path | None = None, content: Path | None = None) -> Path:
    """A throwaway copy of the project (code, theme) with ``data`` and ``content`` (default: the real ones)."""
    if content is not None:
        shutil.copytree(content, dest / "content")
    for name in ("plugins", "theme", "pelicanconf.py", "publishconf.py", *(() if content else ("content",))):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    shutil.copytree(data or ROOT / "data", dest / "data")
    return dest


@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project whose data and content are the small zh+en fixture plan."""
    plan = FIXTURES / "plan"
    return copy_project(tmp_path_factory.mktemp("fixture") / "project", plan / "data", plan / "content")


@pytest.fixture(scope="session")
def fixture_site(fixture_project: Path) -> Path:
    """The fixture plan built (no search index: its binary output is not byte-stable)."""
    out = fixture_project / "output"
    result = run_build(fixture_project, out, "--no-search", env=FIXED_RELEASE)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real plan built into a temporary folder (charts, export, search index)."""
    out = tmp_path_factory.mktemp("site") / "output"
    result = run_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL of the built real site served on 127.0.0.1."""
    yield from serve(built_site)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(accept_downloads=True)  # type: ignore[attr-defined]
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def page_nojs(browser: object) -> Iterator[object]:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    tab = context.new_page()
    yield tab
    context.close()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/fixtures/expected from the build")
