"""Golden site: the fixture plan built into tmp and compared with the committed expected output.

Refresh the expected output after an intended change with ``make golden``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

EXPECTED = FIXTURES / "expected"
SUFFIXES = {".html", ".csv", ".json", ".xml", ".txt"}


def site_files(root: Path) -> dict[str, Path]:
    return {
        str(p.relative_to(root)): p
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix in SUFFIXES and "theme" not in p.relative_to(root).parts
    }


def test_fixture_site_matches_expected(fixture_site: Path, request: pytest.FixtureRequest) -> None:
    built = site_files(fixture_site)
    if request.config.getoption("--update-golden"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for name, path in built.items():
            (EXPECTED / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, EXPECTED / name)
    expected = site_files(EXPECTED)
    assert sorted(built) == sorted(expected), "files differ; run `make golden` if the change is intended"
    changed = [n for n in built if built[n].read_bytes() != expected[n].read_bytes()]
    assert not changed, f"{len(changed)} files differ from tests/fixtures/expected, e.g. {changed[:5]}"


def test_fixture_site_has_both_languages(fixture_site: Path) -> None:
    for path in ("projects/widget-factory/index.html", "townships/zone/index.html", "plan/intro/index.html"):
        assert (fixture_site / path).is_file() and (fixture_site / "en" / path).is_file()
    zh = (fixture_site / "projects" / "widget-factory" / "index.html").read_text(encoding="utf-8")
    en = (fixture_site / "en" / "projects" / "widget-factory" / "index.html").read_text(encoding="utf-8")
    assert "6亿元" in zh and "CNY 600 million" in en
    assert "audit/#investment-widget-factory" in zh


def test_actual_values_are_shown_against_the_required_path(fixture_site: Path) -> None:
    page = (fixture_site / "en" / "indicators" / "gross-output" / "index.html").read_text(encoding="utf-8")
    assert "revised base-year figure" in page and "Test City statistical bulletin 2021" in page
    assert "CNY 11.2 billion" in page  # the fixture's 2021 actual, in the table and the chart's data table
