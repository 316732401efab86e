"""The dev server: an edit of the data reaches the open page (browser reload), a data error leaves it as it was."""

from __future__ import annotations

import functools
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT
from playwright.sync_api import Page, expect

from plugins.plan_explorer.serve import SiteHandler, bind

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


def test_a_data_error_shows_over_the_open_page_until_it_is_fixed(
    devserver: tuple[Path, str, subprocess.Popen[str]], page: Page
) -> None:
    project, url, process = devserver
    projects = project / "data" / "projects.yaml"
    page.goto(url + PAGE)
    expect(page.locator(".facts")).to_contain_text("3亿元")
    _edit(projects, "total_investment_wan: 30000", "total_investment_wan: lots")
    overlay = page.locator("#dev-problems")
    expect(overlay).to_be_visible(timeout=60_000)  # the open page reloaded to show it, as Hugo's and Vite's do
    problem = "data/projects.yaml:37: projects[1].total_investment_wan: must be a number, not 'lots'"
    expect(overlay).to_contain_text(problem)
    expect(overlay).to_contain_text("数据有误，网站未更新")
    expect(page.locator(".facts")).to_contain_text("3亿元")  # the last good build's page, under the notice
    before = _get(url + "__build-id.txt")
    _edit(projects, "summary: {zh: 西镇橡胶厂扩建。", "summary: {zh: 西镇橡胶厂的扩建。")  # still the same problem
    deadline = time.monotonic() + 60
    while _get(url + "__build-id.txt") == before:  # that edit was built (and failed) too
        assert time.monotonic() < deadline, "the second edit was not built"
        time.sleep(0.2)
    _edit(projects, "total_investment_wan: lots", "total_investment_wan: 45000")
    expect(page.locator(".facts")).to_contain_text("4.5亿元", timeout=60_000)
    expect(overlay).to_have_count(0)
    page.goto(url + "en/" + PAGE)
    expect(page.locator(".facts")).to_be_visible()
    expect(page.locator("#dev-problems")).to_have_count(0)
    process.terminate()
    output = process.communicate(timeout=30)[0]
    assert output.count(problem) == 1, output  # each problem printed once, not again while it stays
    assert "the problems are fixed" in output
    assert "Traceback" not in output.split("the problems are fixed")[0]  # (stopped mid-build, a worker may say so)


def test_the_overlay_is_in_the_pages_language(devserver: tuple[Path, str, subprocess.Popen[str]], page: Page) -> None:
    project, url, process = devserver
    page.goto(url + "en/" + PAGE)
    _edit(project / "data" / "plan.yaml", "  licence: {id: CC0-1.0}", "  licence: {id: CC-ZERO}")
    overlay = page.locator("#dev-problems")
    expect(overlay).to_be_visible(timeout=60_000)
    expect(overlay).to_contain_text("The data has problems: the site was not rebuilt")
    expect(overlay).to_contain_text("site.licence.id: 'CC-ZERO' is not an SPDX licence identifier")
    page.get_by_role("button", name="Close").click()
    expect(overlay).to_have_count(0)


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


def _listening() -> tuple[socket.socket, int]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock, sock.getsockname()[1]


@pytest.mark.parametrize("command", ["devserver", "serve"])
def test_a_busy_port_is_one_line(fixture_project: Path, command: str) -> None:
    sock, port = _listening()
    with sock:
        result = subprocess.run(
            [sys.executable, "-m", "plugins.plan_explorer", command, "--port", str(port)],
            cwd=fixture_project,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"serve failed: port {port} is in use (another server?): stop it, or choose another port: "
        f"make serve PORT={port + 1}"
    ]


def test_serve_answers_a_missing_page_with_the_sites_404_page(fixture_site: Path) -> None:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "plugins.plan_explorer", "serve", "--output", str(fixture_site), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 30
        while True:
            try:
                assert "<html" in _get(url)
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.1)
        for path, lang, title in (
            ("no/such/page/", "zh-CN", "页面不存在"),
            ("en/no/such/page/", "en", "Page not found"),
        ):
            with pytest.raises(urllib.error.HTTPError) as missing:
                _get(url + path)
            assert missing.value.code == 404
            body = missing.value.read().decode("utf-8")
            assert f'<html lang="{lang}">' in body and title in body
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("{% if page %}", "(template): Encountered unknown tag 'endblock'"),  # a syntax error
        ("{{ page.no_such_field.deeper }}", "(template): UndefinedError: "),  # a runtime error
    ],
)
def test_a_broken_template_shows_over_the_open_page_and_the_server_lives_on(
    devserver: tuple[Path, str, subprocess.Popen[str]], page: Page, broken: str, message: str
) -> None:
    project, url, process = devserver
    template = project / "theme" / "templates" / "project.html"
    good = template.read_text(encoding="utf-8")
    page.goto(url + PAGE)
    expect(page.locator(".facts")).to_contain_text("3亿元")
    lines = good.split("\n")
    line = next(i for i, text in enumerate(lines, 1) if "{% block content %}" in text) + 1
    lines.insert(line - 1, broken)
    template.write_text("\n".join(lines), encoding="utf-8")
    overlay = page.locator("#dev-problems")
    expect(overlay).to_be_visible(timeout=60_000)
    expect(overlay).to_contain_text(f"theme/templates/project.html:{line if 'if' not in broken else ''}")
    expect(overlay).to_contain_text(message)
    expect(page.locator(".facts")).to_contain_text("3亿元")  # the last good page, under the notice
    assert process.poll() is None  # alive
    assert "3亿元" in _get(url + PAGE)
    _edit(project / "data" / "projects.yaml", "total_investment_wan: 30000", "total_investment_wan: 45000")
    template.write_text(good, encoding="utf-8")  # fixed, with a data edit: the rebuilt page shows it
    expect(page.locator(".facts")).to_contain_text("4.5亿元", timeout=60_000)
    expect(overlay).to_have_count(0)
    process.terminate()
    output = process.communicate(timeout=30)[0]
    assert "Traceback" not in output.split("the problems are fixed")[0], output
    located = [text for text in output.splitlines() if text.startswith("theme/templates/project.html:")]
    assert len(located) == 1 and message in located[0], output  # in the terminal once


def _raw(port: int, request: bytes) -> bytes:
    """What the server answers to the bytes ``request`` (a request line a client library would not send)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
        return answer


@pytest.fixture
def served(fixture_site: Path, tmp_path: Path) -> Iterator[int]:
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    (site / "no-index").mkdir()
    (site / "no-index" / "file.txt").write_text("x", encoding="utf-8")
    server = bind(0, functools.partial(SiteHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", b"414"),  # an over-long URL
        (b"\x16\x03\x01garbage\r\n\r\n", b"400"),  # a garbage request line (a TLS hello, say)
        (b"GET /%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", b"400"),
        (b"GET /index.html%00.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", b"400"),
        (b"GET /no-index/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", b"404"),  # no directory listing
    ],
)
def test_serve_answers_bad_requests_with_a_status(served: int, request_bytes: bytes, status: bytes) -> None:
    answer = _raw(served, request_bytes)
    assert answer.split(b" ", 2)[1] == status, answer[:200]
    assert b"Index of" not in answer and b"file.txt" not in answer


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("", "text/html; charset=utf-8"),
        ("data/projects.csv", "text/csv; charset=utf-8"),
        ("data/projects.json", "application/json; charset=utf-8"),
        ("sitemap.xml", "application/xml; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("theme/js/explorer.js", "text/javascript; charset=utf-8"),
    ],
)
def test_serve_sends_text_as_utf8(served: int, path: str, kind: str) -> None:
    with urllib.request.urlopen(f"http://127.0.0.1:{served}/{path}", timeout=5) as response:  # noqa: S310
        assert response.headers["Content-Type"] == kind


def test_ctrl_c_during_the_first_build_is_one_line_and_stops_the_server(fixture_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(fixture_project, project, ignore=shutil.ignore_patterns("output", "cache"))
    process = subprocess.Popen(
        [sys.executable, "-m", "plugins.plan_explorer", "devserver", "--port", str(_free_port())],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not (project / ".output.building").exists():  # the first build is under way
        assert process.poll() is None and time.monotonic() < deadline, "the first build did not start"
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)
    output = process.communicate(timeout=30)[0]  # it stops (it waited forever for a server never started)
    assert output.splitlines() == ["build interrupted; the previous site was left as it was"], output
