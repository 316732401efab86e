"""The staff's spreadsheet: ``make workbook`` → fill in cells → ``make import`` → ``make html`` (run as the
command-line calls the Makefile makes, so the shared venv is not reinstalled); bad cells reported with their
cell, nothing written; a workbook imported unchanged changes no file."""

from __future__ import annotations

import datetime
import html
import re
import resource
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl.xml
import pytest
from conftest import FIXTURES, copy_project, run_build
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

FIXTURE = FIXTURES / "plan"


def cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plugins.plan_explorer", *args], cwd=project, capture_output=True, text=True, check=False
    )


def digest(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time: what "changes no file" means."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()
    }


def row_of(ws: Worksheet, ident: str) -> int:
    return next(r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value == ident)


def column_of(ws: Worksheet, heading: str, year: int | None = None) -> int:
    """The column headed ``heading`` (its English heading), or in ``year``'s group: its value, source or as-of."""
    if year is not None:
        first = next(c for c in range(1, ws.max_column + 1) if ws.cell(1, c).value == f"{year}年")
        return first + ("value", "source", "as_of").index(heading)
    return next(c for c in range(1, ws.max_column + 1) if ws.cell(2, c).value == heading)


def fill(path: Path, cells: list[tuple[str, str, str, int | None, Any]]) -> None:
    """Write ``(sheet, row id, heading, year, value)`` cells as staff would, and save."""
    book = load_workbook(path)
    for sheet, ident, heading, year, value in cells:
        ws = book[sheet]
        ws.cell(row_of(ws, ident), column_of(ws, heading, year)).value = value
    book.save(path)


@pytest.fixture
def fixture_project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p", FIXTURE / "data", FIXTURE / "content")


def test_the_workbook_has_a_sheet_per_collection_locked_ids_and_drop_downs(fixture_project: Path) -> None:
    result = cli(fixture_project, "workbook", "--output", "outcomes.xlsx")
    assert result.returncode == 0, result.stderr
    book = load_workbook(fixture_project / "outcomes.xlsx")
    assert book.sheetnames == ["说明", "选项", "来源", "指标", "产业", "乡镇", "目标", "状态", "项目"]
    assert book["选项"].sheet_state == "hidden"
    help_text = "\n".join(str(c.value) for c in book["说明"]["A"] if c.value)
    assert "make import FILE=outcomes.xlsx" in help_text and "灰色单元格" in help_text and "Grey cells" in help_text
    assert "在建 / under construction" in help_text and "已实现 / achieved" in help_text
    ws = book["指标"]
    assert ws.protection.sheet
    row = row_of(ws, "gross-output")
    assert [ws.cell(row, c).value for c in range(1, 4)] == ["gross-output", "规上工业总产值", "Gross industrial output"]
    assert all(ws.cell(row, c).protection.locked for c in range(1, 6))
    value = ws.cell(row, column_of(ws, "value", 2021))
    assert value.value == 112 and not value.protection.locked
    assert ws.cell(row, column_of(ws, "as_of", 2021)).value == datetime.datetime(2022, 3, 31)
    years = [ws.cell(1, c).value for c in range(6, ws.max_column + 1, 3)]
    assert years == [f"{y}年" for y in range(2020, 2031)]  # the base year to five years after the target
    targets = book["目标"]  # the text's commitments: not restatements, nor those that name a table's figure
    ids = [targets.cell(r, 1).value for r in range(3, targets.max_row + 1) if targets.cell(r, 1).value]
    assert ids == ["new-projects", "new-platforms", "main-park-enterprises", "reform-a-share", "energy-reduction"]
    row = row_of(targets, "new-platforms")
    assert [targets.cell(row, c).value for c in (4, 5)] == ["家 / platforms", "2025年2–4"]
    assert targets.cell(row, column_of(targets, "value", 2025)).value == 3
    lists = {str(dv.formula1) for name in ("指标", "项目", "状态") for dv in book[name].data_validations.dataValidation}
    assert "='选项'!$B$1:$B$6" in lists and "='选项'!$A$1:$A$4" in lists and "='来源'!$A$3:$A$207" in lists
    projects = book["项目"]
    assert projects.cell(row_of(projects, "widget-factory"), column_of(projects, "Status")).value == (
        "已竣工 / completed"
    )


@pytest.mark.parametrize("plan", ["fixture", "real"])
def test_a_workbook_imported_unchanged_changes_no_file(tmp_path: Path, plan: str) -> None:
    project = copy_project(tmp_path / "p", *((FIXTURE / "data", FIXTURE / "content") if plan == "fixture" else ()))
    assert cli(project, "workbook", "--output", "outcomes.xlsx").returncode == 0
    before = digest(project / "data")
    result = cli(project, "import", "outcomes.xlsx")
    assert result.returncode == 0, result.stderr
    assert "data/outcomes.yaml unchanged" in result.stdout
    assert digest(project / "data") == before


def test_every_bad_cell_is_reported_with_its_cell_and_nothing_is_written(fixture_project: Path) -> None:
    assert cli(fixture_project, "workbook", "--output", "outcomes.xlsx").returncode == 0
    book = load_workbook(fixture_project / "outcomes.xlsx")
    indicators, townships = book["指标"], book["乡镇"]
    indicators.cell(row_of(indicators, "energy"), 1).value = "energie"  # an id that is not the plan's
    fill_cells = [
        ("状态", "indicators/energy", "Year", None, 2040),  # a year outside the allowed range
        ("指标", "gross-output", "value", 2023, "lots"),  # a value that is not a number
        ("指标", "gross-output", "source", 2023, "bulletin-2022"),
        ("项目", "old-mill", "Status", None, "done"),  # a status outside the list
        ("产业", "widgets", "value", 2024, 64),  # a value without its source
        ("项目", "paint-line", "Completed", None, datetime.date(2021, 1, 4)),  # before the start (2021-05-10)
    ]
    for sheet, ident, heading, year, value in fill_cells:
        ws = book[sheet]
        ws.cell(row_of(ws, ident), column_of(ws, heading, year)).value = value
    townships.cell(row_of(townships, "west"), 1).value = "east"  # the same township (and its years) twice
    book.save(fixture_project / "outcomes.xlsx")
    before = digest(fixture_project / "data")
    result = cli(fixture_project, "import", "outcomes.xlsx")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("outcomes.xlsx!")]
    assert lines == [
        "outcomes.xlsx!指标!O3: value: must be a number, not 'lots'",
        "outcomes.xlsx!指标!A4: id: unknown indicator 'energie' (the ids of this sheet are fixed)",
        "outcomes.xlsx!产业!S3: source: required field is missing",
        "outcomes.xlsx!乡镇!A5: id: 'east' is also in row 4: each township has one row",
        "outcomes.xlsx!状态!F3: year: year 2040 is outside 2020–2030",
        "outcomes.xlsx!项目!H6: completed: completion 2021-01-04 is before the start 2021-05-10",
        "outcomes.xlsx!项目!F7: status: 'done' is not one of 未开工 / not started, 在建 / under construction, "
        "部分投产 / partly in operation, 已竣工 / completed, 已取消 / cancelled, 情况不明 / unknown",
    ], result.stderr
    assert "7 problem(s) found; nothing was written." in result.stderr
    assert digest(fixture_project / "data") == before


def test_a_file_that_is_not_a_workbook_is_one_line(fixture_project: Path) -> None:
    (fixture_project / "notes.xlsx").write_text("not a spreadsheet", encoding="utf-8")
    result = cli(fixture_project, "import", "notes.xlsx")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("notes.xlsx: not a workbook that can be read")


def test_the_staff_journey(tmp_path: Path) -> None:
    """The real plan, nothing recorded: write the workbook, record a source, two years of an indicator, a status
    for a target in words and a project's progress, import, build; the pages show them."""
    project = copy_project(tmp_path / "p")
    yaml_before = (project / "data" / "outcomes.yaml").read_text(encoding="utf-8")
    assert cli(project, "workbook", "--output", "outcomes.xlsx").returncode == 0
    book = load_workbook(project / "outcomes.xlsx")
    sources = book["来源"]
    for col, value in enumerate(
        [
            "bulletin-2022",
            "公开发布 / published",
            "建德市2022年统计公报",
            "Jiande Statistical Bulletin 2022",
            datetime.date(2023, 3, 20),
            "https://example.org/bulletin-2022",
        ],
        1,
    ):
        sources.cell(3, col).value = value
    book.save(project / "outcomes.xlsx")
    fill(
        project / "outcomes.xlsx",
        [
            ("指标", "gross-output", "value", 2021, 560),
            ("指标", "gross-output", "source", 2021, "bulletin-2022"),
            ("指标", "gross-output", "value", 2022, 600.5),
            ("指标", "gross-output", "source", 2022, "bulletin-2022"),
            ("状态", "indicators/energy-intensity-reduction", "Status", None, "进展顺利 / on track"),
            ("状态", "indicators/energy-intensity-reduction", "Year", None, 2022),
            ("状态", "indicators/energy-intensity-reduction", "Source", None, "bulletin-2022"),
            ("项目", "wanyang-innovation-city", "Status", None, "在建"),  # a label's Chinese alone will do
            ("项目", "wanyang-innovation-city", "Started", None, datetime.date(2021, 3, 1)),
            ("项目", "wanyang-innovation-city", "Invested so far (CNY 10,000)", None, 120000),
            ("项目", "wanyang-innovation-city", "Source", None, "bulletin-2022"),
        ],
    )
    result = cli(project, "import", "outcomes.xlsx")
    assert result.returncode == 0, result.stderr
    assert "data/outcomes.yaml updated: 1 sources, 2 actuals, 1 statuses, 1 projects" in result.stdout
    yaml_after = (project / "data" / "outcomes.yaml").read_text(encoding="utf-8")
    comments = [line for line in yaml_before.splitlines() if line.startswith("#")]
    assert [line for line in yaml_after.splitlines() if line.startswith("#")] == comments  # comments kept
    assert "  - {of: indicators/gross-output, year: 2021, value: 560, source: bulletin-2022, as_of: 2023-03-20}" in (
        yaml_after
    )  # the as-of date defaults to the source's
    out = tmp_path / "out"
    build = run_build(project, out, "--no-search")
    assert build.returncode == 0, build.stderr

    def text(path: str) -> str:
        page = (out / path / "index.html").read_text(encoding="utf-8")
        return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))

    indicator = text("en/indicators/gross-output")
    assert "CNY 60.05 billion" in indicator and "on track" in indicator
    assert "Jiande Statistical Bulletin 2022" in indicator and "As of 20 March 2023" in indicator
    progress = text("progress")
    assert "进展顺利" in progress and "尚未录入任何实际完成情况" not in progress
    assert "600.5亿元（2022年）" in progress
    home = text("en")
    assert "Progress towards the targets" in home and "No outcomes have been recorded yet" not in home
    project_page = text("en/projects/wanyang-innovation-city")
    assert "under construction" in project_page and "1 March 2021 Construction started" in project_page
    explorer = (out / "projects" / "index.html").read_text(encoding="utf-8")
    assert 'name="status"' in explorer and 'data-status="under_construction"' in explorer
    # and back: a workbook written now holds what was imported, and importing it again changes nothing
    assert cli(project, "workbook", "--output", "again.xlsx").returncode == 0
    before = digest(project / "data")
    assert "unchanged" in cli(project, "import", "again.xlsx").stdout
    assert digest(project / "data") == before


def test_an_import_rewrites_only_what_changed_in_place(fixture_project: Path) -> None:
    path = fixture_project / "data" / "outcomes.yaml"
    before = path.read_text(encoding="utf-8").splitlines()
    assert cli(fixture_project, "workbook", "--output", "outcomes.xlsx").returncode == 0
    fill(
        fixture_project / "outcomes.xlsx",
        [
            ("指标", "gross-output", "value", 2021, 112.4),  # a revised figure
            ("乡镇", "east", "value", 2021, None),  # cleared: the record goes
            ("乡镇", "east", "source", 2021, None),
            ("乡镇", "east", "as_of", 2021, None),
            ("项目", "widget-factory", "Note (English)", None, "Completed; in production since July."),
        ],
    )
    result = cli(fixture_project, "import", "outcomes.xlsx")
    assert result.returncode == 0, result.stderr
    after = path.read_text(encoding="utf-8").splitlines()
    removed = [line for line in before if line not in after]
    added = [line for line in after if line not in before]
    assert removed == [
        "  - {of: indicators/gross-output, year: 2021, value: 112, source: bulletin-2021, as_of: 2022-03-31}",
        "  - {of: townships/east, year: 2021, value: 66, source: bulletin-2021, as_of: 2022-03-31}",
        "    note: {zh: 已竣工投产。, en: Completed and in production.}",
    ]
    assert added == [
        "  - {of: indicators/gross-output, year: 2021, value: 112.4, source: bulletin-2021, as_of: 2022-03-31}",
        "    note: {zh: 已竣工投产。, en: Completed; in production since July.}",
    ]
    assert after.index(added[0]) == before.index(removed[0])  # in place, not moved


# --- hostile workbooks: each a small generated file, refused in one line within bounds, nothing written ---------


def _bounded_import(project: Path, file: str = "outcomes.xlsx") -> subprocess.CompletedProcess[str]:
    """``make import`` with at most 500 MB of memory (the timeout is a guard against a hang, not a timing)."""
    limit = 500 * 2**20
    return subprocess.run(
        [sys.executable, "-m", "plugins.plan_explorer", "import", file],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)),  # noqa: PLW1509 — no threads
    )


def _repack(path: Path, change: Callable[[str, bytes], bytes | None], extra: dict[str, bytes] | None = None) -> None:
    """Rewrite the workbook's zip: each part through ``change`` (None: as it was), then the ``extra`` parts."""
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name, data in parts:
            changed = change(name, data)
            target.writestr(name, data if changed is None else changed)
        for name, data in (extra or {}).items():
            target.writestr(name, data)


SHEET = "xl/worksheets/sheet4.xml"  # 指标
DTDS = {
    "xxe": b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    "billion laughs": b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
}


def _with_dtd(dtd: bytes) -> Callable[[str, bytes], bytes | None]:
    def change(name: str, data: bytes) -> bytes | None:
        if name != SHEET:
            return None
        return b'<?xml version="1.0" encoding="UTF-8"?>' + dtd + data.replace(b"<worksheet ", b"<r ", 0)

    return change


@pytest.fixture
def workbook_project(fixture_project: Path) -> tuple[Path, Path, dict[str, tuple[bytes, int]]]:
    assert cli(fixture_project, "workbook", "--output", "outcomes.xlsx").returncode == 0
    return fixture_project, fixture_project / "outcomes.xlsx", digest(fixture_project / "data")


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    first, count = result.stderr.strip().splitlines()
    assert count == "1 problem(s) found; nothing was written."
    return first


@pytest.mark.parametrize("kind", list(DTDS))
def test_a_workbook_declaring_entities_is_refused_in_one_line(
    workbook_project: tuple[Path, Path, dict[str, tuple[bytes, int]]], kind: str
) -> None:
    project, path, before = workbook_project
    _repack(path, _with_dtd(DTDS[kind]))
    line = _one_line(_bounded_import(project))
    assert line == f"outcomes.xlsx: not a workbook that can be read (its part {SHEET} declares a DTD (entities are " + (
        "not allowed))"
    )
    assert digest(project / "data") == before
    assert openpyxl.xml.DEFUSEDXML  # openpyxl itself parses with defusedxml too


def test_a_zip_bomb_is_refused_before_it_is_parsed(
    workbook_project: tuple[Path, Path, dict[str, tuple[bytes, int]]],
) -> None:
    project, path, before = workbook_project
    _repack(path, lambda name, data: data + b" " * (40 * 2**20) if name == SHEET else None)  # 40 KB on disk
    assert path.stat().st_size < 200_000
    line = _one_line(_bounded_import(project))
    assert re.fullmatch(r"outcomes\.xlsx: not a workbook that can be read \(it inflates to [\d,]+ bytes .*\)", line)
    _repack(path, lambda name, data: data[: -(40 * 2**20)] + b" " * (2 * 2**20) if name == SHEET else None)
    line = _one_line(_bounded_import(project))
    assert line.startswith(f"outcomes.xlsx: not a workbook that can be read (its part {SHEET} inflates ")
    assert digest(project / "data") == before


def test_a_zip_of_many_parts_and_a_malformed_part_are_one_line(
    workbook_project: tuple[Path, Path, dict[str, tuple[bytes, int]]],
) -> None:
    project, path, before = workbook_project
    original = path.read_bytes()
    _repack(path, lambda name, data: None, {f"junk/{i}.bin": b"" for i in range(1001)})
    assert "it holds 1,018 parts" in _one_line(_bounded_import(project))
    path.write_bytes(original)
    _repack(path, lambda name, data: data[: len(data) // 2] if name == "xl/workbook.xml" else None)
    assert _one_line(_bounded_import(project)).startswith("outcomes.xlsx: not a workbook that can be read (")
    path.write_bytes(original)
    _repack(path, lambda name, data: data[: len(data) // 2] if name == SHEET else None)
    assert _one_line(_bounded_import(project)).startswith("outcomes.xlsx!指标: not a sheet that can be read (")
    assert digest(project / "data") == before


def test_a_far_cell_costs_nothing_and_a_value_there_is_one_line(
    workbook_project: tuple[Path, Path, dict[str, tuple[bytes, int]]],
) -> None:
    project, path, before = workbook_project
    book = load_workbook(path)
    book["指标"]["AL1048576"].number_format = "0.00"  # a blank cell with a format: the sheet reaches row 1,048,576
    book.save(path)
    result = _bounded_import(project)
    assert result.returncode == 0, result.stderr
    assert "data/outcomes.yaml unchanged" in result.stdout
    book = load_workbook(path)
    book["指标"]["AL1048576"] = 12.5
    book.save(path)
    line = _one_line(_bounded_import(project))
    assert (
        line
        == "outcomes.xlsx!指标!AL1048576: (cell): outside the cells of this sheet (A1:AL4): not read; move it "
        + ("into them")
    )
    assert digest(project / "data") == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("bad\x7fnote", "note: control character U+007F at character 4"),
        ("n" * 20_001, "note: text of 20,001 characters: at most 20,000"),
    ],
)
def test_a_cells_text_is_checked_as_the_datas(
    workbook_project: tuple[Path, Path, dict[str, tuple[bytes, int]]], text: str, message: str
) -> None:
    project, path, before = workbook_project
    book = load_workbook(path)
    ws = book["项目"]
    ws.cell(row_of(ws, "old-mill"), column_of(ws, "Note (English)")).value = text
    book.save(path)
    line = _one_line(_bounded_import(project))
    assert re.fullmatch(r"outcomes\.xlsx!项目![A-Z]+\d+: " + re.escape(message) + ".*", line), line
    assert digest(project / "data") == before


@pytest.mark.parametrize("typed", ["172800", "2024-13-01"])  # a number in a date cell is a date, as Excel shows it
def test_a_date_cell_takes_only_a_date(
    workbook_project: tuple[Path, Path, dict[str, tuple[bytes, int]]], typed: object
) -> None:
    project, path, before = workbook_project
    book = load_workbook(path)
    ws = book["项目"]
    ws.cell(row_of(ws, "old-mill"), column_of(ws, "Started")).value = typed  # not stored as 1970-01-03
    book.save(path)
    line = _one_line(_bounded_import(project))
    assert re.fullmatch(r"outcomes\.xlsx!项目!G\d+: started: must be a date \(YYYY-MM-DD\)", line), line
    assert digest(project / "data") == before


def test_a_dtd_in_a_part_of_any_name_is_refused(
    workbook_project: tuple[Path, Path, dict[str, tuple[bytes, int]]],
) -> None:
    project, path, before = workbook_project
    _repack(path, lambda name, data: None, {"xl/media/evil.dat": b'<?xml version="1.0"?>' + DTDS["xxe"] + b"<r/>"})
    line = _one_line(_bounded_import(project))
    assert line.endswith("(its part xl/media/evil.dat declares a DTD (entities are not allowed))"), line
    assert digest(project / "data") == before
