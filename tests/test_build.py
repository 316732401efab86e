"""The command line's own failures are one line and an exit status, like data errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plugins.plan_explorer.build import BuildOptions, build
from plugins.plan_explorer.errors import BuildFailed
from plugins.plan_explorer.outputdir import BuildBusy, OutputFolders
from tests.conftest import FIXTURES, ROOT, copy_project, run_build


def test_a_missing_settings_file_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    result = run_build(ROOT, tmp_path / "out", "--settings", str(tmp_path / "nowhere.py"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"build failed: no settings file {tmp_path / 'nowhere.py'}"
    assert not (tmp_path / "out").exists()


def _start_build(project: Path, output: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "plugins.plan_explorer", "build", "--output", str(output), "--no-search"]
    return subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("apart", [1.0, 2.5])
def test_two_builds_started_seconds_apart_both_leave_a_complete_site(
    fixture_project: Path, tmp_path: Path, apart: float
) -> None:
    reference = tmp_path / "reference"
    assert run_build(fixture_project, reference, "--no-search").returncode == 0
    output = tmp_path / "output"
    first = _start_build(fixture_project, output)
    time.sleep(apart)
    second = _start_build(fixture_project, output)
    outs = [process.communicate(timeout=120) for process in (first, second)]
    for process, (stdout, stderr) in zip((first, second), outs, strict=True):
        assert process.returncode == 0, stderr
        assert "Traceback" not in stderr
        assert stdout.startswith(f"built {output}: ")
    assert _files(output) == _files(reference)  # index.html, en/index.html, glossary/ … all there
    assert {"index.html", "en/index.html", "glossary/index.html"} <= _files(output)


def test_a_second_build_waits_for_the_lock_and_says_so_in_one_line(fixture_project: Path, tmp_path: Path) -> None:
    output = tmp_path / "output"
    folders = OutputFolders(output)
    with folders.locked():  # a build under way
        waiting = _start_build(fixture_project, output)
        deadline = time.monotonic() + 60
        while not _blocked(waiting) and waiting.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)
        assert waiting.poll() is None  # still waiting: nothing was built meanwhile
        assert not output.exists()
    stdout, stderr = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, stderr
    assert stderr.strip() == f"another build of {output} is running: waiting for it to finish"
    assert (output / "index.html").is_file()


def _blocked(process: subprocess.Popen[str]) -> bool:
    """Whether the process sleeps in flock (Linux: its wait channel, ``flock_…`` or ``locks_lock_inode_wait`` by
    kernel version)."""
    try:
        channel = Path(f"/proc/{process.pid}/wchan").read_text()
        return "flock" in channel or "locks_lock" in channel
    except OSError:
        return False


def test_a_dev_server_rebuild_that_cannot_wait_is_one_line(tmp_path: Path) -> None:
    folders = OutputFolders(tmp_path / "output")
    with folders.locked(), pytest.raises(BuildBusy) as raised, folders.locked(wait=False):
        pass
    assert raised.value.lines() == [f"build failed: another build of {tmp_path / 'output'} is running"]


def test_success_is_reported_only_for_a_complete_site(
    fixture_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    finish = OutputFolders.finish

    def finish_then_lose_a_page(self: OutputFolders) -> None:  # as a second build's swap did before the lock
        finish(self)
        (self.output / "en" / "index.html").unlink()

    monkeypatch.setattr(OutputFolders, "finish", finish_then_lose_a_page)
    options = BuildOptions(fixture_project, fixture_project / "pelicanconf.py", tmp_path / "output", search=False)
    with pytest.raises(BuildFailed, match=r"lacks 1 of the \d+ files written \(e\.g\. en/index\.html\)"):
        build(options)


@pytest.mark.parametrize("after", [0.5, 1.5, 2.5])
def test_ctrl_c_during_a_build_is_one_line_and_leaves_the_site(
    fixture_project: Path, tmp_path: Path, after: float
) -> None:
    output = tmp_path / "output"
    assert run_build(fixture_project, output, "--no-search").returncode == 0
    before = {name: (output / name).read_bytes() for name in _files(output)}
    command = [sys.executable, "-m", "plugins.plan_explorer", "build", "--output", str(output), "--no-search"]
    process = subprocess.Popen(
        command, cwd=fixture_project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    time.sleep(after)
    os.killpg(process.pid, signal.SIGINT)  # as the terminal sends it: to the build and every process it started
    stdout, stderr = process.communicate(timeout=60)
    if process.returncode == 0:  # it finished first
        assert stdout.startswith("built ")
        return
    assert process.returncode == 130
    assert stderr.splitlines() in (
        ["build interrupted; the previous site was left as it was"],
        ["interrupted; nothing was written"],  # still loading the code
    )
    assert {name: (output / name).read_bytes() for name in _files(output)} == before


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("{% for %}", "(template): Expected an expression, got 'end of statement block'"),
        ("{{ page.no_such_field.deeper }}", "(template): UndefinedError: "),
        ("{{ page.address.path + 1 }}", "(template): TypeError: "),
    ],
)
def test_a_broken_template_is_one_located_line(tmp_path: Path, broken: str, message: str) -> None:
    project = copy_project(tmp_path / "p", FIXTURES / "plan" / "data", FIXTURES / "plan" / "content")
    template = project / "theme" / "templates" / "project.html"
    lines = template.read_text(encoding="utf-8").split("\n")
    line = next(i for i, text in enumerate(lines, 1) if "{% block content %}" in text) + 1
    lines.insert(line - 1, broken)
    template.write_text("\n".join(lines), encoding="utf-8")
    result = run_build(project, project / "output", "--no-search")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [problem] = result.stderr.strip().splitlines()
    assert problem.startswith(f"theme/templates/project.html:{line}: {message}"), problem
    assert not (project / "output").exists()
