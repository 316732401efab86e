"""The command line's own failures are one line and an exit status, like data errors."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, run_build


def test_a_missing_settings_file_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    result = run_build(ROOT, tmp_path / "out", "--settings", str(tmp_path / "nowhere.py"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"build failed: no settings file {tmp_path / 'nowhere.py'}"
    assert not (tmp_path / "out").exists()
