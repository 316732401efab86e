"""The dev server: an edit of the data reaches the open page (browser reload), a data error leaves it as it was."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

PAGE = "projects/rubber-plant/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 — our own local server
        return response.read().decode("utf-8")


@pytest.fixture
def devserver(fixture_project: Path, tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    project = tmp_path / "p"
    shutil.copytree(fixture_project, project, ignore=shutil.ignore_patterns("output", "cache"))
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "plugins.plan_explorer", "devserver", "--port", str(port)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while True:
        try:
            _get(url + PAGE)
            break
        except OSError:
            assert process.poll() is None and time.monotonic() < deadline, "the dev server did not start"
            time.sleep(0.2)
    yield project, url, process
    process.terminate()
    process.wait(timeout=10)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_edited_figure_reaches_the_open_page(devserver: tuple[Path, str, subprocess.Popen[str]], page: Page) -> None:
    project, url, process = devserver
    page.goto(url + PAGE)
    expect(page.locator(".facts")).to_contain_text("3亿元")
    _edit(project / "data" / "projects.yaml", "total_investment_wan: 30000", "total_investment_wan: 45000")
    expect(page.locator(".facts")).to_contain_text("4.5亿元", timeout=60_000)  # the page reloaded by itself
    assert "4.5亿元" in (project / "output" / PAGE / "index.html").read_text(encoding="utf-8")


def test_an_edit_published_before_the_pages_first_poll_still_reloads_it(
    devserver: tuple[Path, str, subprocess.Popen[str]], page: Page
) -> None:
    project, url, process = devserver
    page.route("**/__build-id.txt", lambda route: route.abort())  # the page cannot poll yet
    page.goto(url + PAGE)
    expect(page.locator(".facts")).to_contain_text("3亿元")
    _edit(project / "data" / "projects.yaml", "total_investment_wan: 30000", "total_investment_wan: 45000")
    deadline = time.monotonic() + 60
    while "4.5亿元" not in _get(url + PAGE):  # the new page and its build id are published
        assert time.monotonic() < deadline, "the edit was not rebuilt"
        time.sleep(0.2)
    page.unroute("**/__build-id.txt")  # its first poll sees the new id: it must reload
    expect(page.locator(".facts")).to_contain_text("4.5亿元", timeout=10_000)


def test_a_data_error_is_reported_and_the_site_is_kept(devserver: tuple[Path, str, subprocess.Popen[str]]) -> None:
    project, url, process = devserver
    before = _get(url + PAGE)
    _edit(project / "data" / "projects.yaml", "total_investment_wan: 30000", "total_investment_wan: lots")
    time.sleep(8)  # a rebuild attempt, which must fail
    assert process.poll() is None
    assert _get(url + PAGE) == before
    process.terminate()
    output = process.communicate(timeout=10)[0]
    assert "projects.yaml:" in output and "total_investment_wan" in output and "Traceback" not in output


def test_stopped_during_a_rebuild_it_leaves_no_process_holding_its_port(
    devserver: tuple[Path, str, subprocess.Popen[str]],
) -> None:
    project, url, process = devserver
    port = int(url.rsplit(":", 1)[1].strip("/"))
    _edit(project / "data" / "projects.yaml", "total_investment_wan: 30000", "total_investment_wan: 45000")
    time.sleep(1)  # the rebuild has started (its chart renderer and search processes with it)
    process.terminate()
    assert process.wait(timeout=30) == 0
    deadline = time.monotonic() + 5
    while True:  # a forked child left behind would keep the listening socket open
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
                break
            except OSError:
                assert time.monotonic() < deadline, "a process of the dev server still holds its port"
        time.sleep(0.2)
