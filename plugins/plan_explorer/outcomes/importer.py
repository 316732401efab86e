"""``make import FILE=outcomes.xlsx``: a filled-in workbook back into ``data/outcomes.yaml``.

The whole workbook is read into the records it means, and those are checked exactly as the build checks
``outcomes.yaml`` (the load stage, given the workbook's records in its place), so the import and the build
never disagree. Every problem is reported with its cell (``outcomes.xlsx!项目!F12: status: …``); on any
problem nothing is written. Otherwise only what changed is written (:mod:`outcomes.yamlwrite`).

A workbook is a zip of XML files from anyone's computer, so it is read within bounds, each refusal one line:
the zip's entry count, inflated size and compression ratio are checked before anything is parsed (a 1.6 MB
file can inflate to gigabytes); no XML part may declare a DTD (entities: the "billion laughs"; openpyxl parses
with defusedxml besides); each sheet is read streaming (openpyxl's read-only mode) and only within the rows and
columns the workbook command wrote for it (the layout: its ids and years are known), so a stray cell at
``AL1048576`` costs nothing; a cell's text is bounded and checked as the data's texts are (:mod:`..model.texts`).
"""

from __future__ import annotations

import datetime
import re
import xml.parsers.expat
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from ..descriptor import EntityType
from ..errors import DataError, WorkbookError
from ..load import load_plan
from ..model import records as m
from ..model.plan import Plan
from ..model.texts import text_problem
from ..model.yamlsource import YamlDoc, format_path
from .sheets import FIRST_ROW, SOURCE_ROWS, Choices, Layout, Sheet
from .yamlwrite import write_outcomes

OUTCOMES_FILE = "outcomes.yaml"
WORKBOOK = "(workbook)"
#: bounds of a workbook to import (the real plan's is 60 KB, 20 parts, inflating to under 1 MB)
MAX_ENTRIES = 1000
MAX_INFLATED = 32 * 2**20  # all parts together, as inflated
MAX_RATIO = 100  # inflated / compressed, for a part of more than RATIO_FROM bytes
RATIO_FROM = 2**20
#: right of a sheet's columns: read to say that a value there is not read (further right is not read at all)
EXTRA_COLUMNS = 10
SHEET_ROWS = 1_048_576  # a spreadsheet's last row: a part claiming rows beyond it is read no further
#: what openpyxl raises for a file that is no workbook it can read (XML syntax errors are SyntaxErrors)
UNREADABLE = (OSError, zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, SyntaxError, EOFError)


@dataclass(frozen=True)
class Cell:
    sheet: str
    order: int  # the sheet's place in the workbook
    row: int
    column: int

    @property
    def ref(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"


@dataclass
class Reading:
    """What a workbook says: the outcomes' records, the cell of each field, and what could not be read."""

    display: str  # the workbook's name as the user gave it
    records: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {"sources": [], "actuals": [], "statuses": [], "projects": []}
    )
    cells: dict[str, Cell] = field(default_factory=dict)  # formatted path (actuals[3].value) → its cell
    problems: dict[Cell, list[str]] = field(default_factory=dict)  # "field: message" by cell

    def problem(self, cell: Cell, fieldname: str, message: str) -> None:
        self.problems.setdefault(cell, []).append(f"{fieldname}: {message}")

    def lines(self) -> list[str]:
        ordered = sorted(self.problems.items(), key=lambda kv: (kv[0].order, kv[0].row, kv[0].column))
        return [f"{self.display}!{cell.sheet}!{cell.ref}: {text}" for cell, texts in ordered for text in texts]


# --- cell values ---------------------------------------------------------------------------------------


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str | None:
    return None if _blank(value) else str(value).strip()


def _number(value: Any) -> Any:
    """A number as the model takes it; anything else as it was typed (the check then names it)."""
    if isinstance(value, bool) or _blank(value):
        return None if _blank(value) else str(value)
    if isinstance(value, int | float):
        return int(value) if isinstance(value, float) and value.is_integer() else value
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        try:
            number = float(text)
        except ValueError:
            return value.strip()
        return int(number) if number.is_integer() and re.fullmatch(r"-?\d+", text) else number
    return str(value)


def _day(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date) or _blank(value):
        return None if _blank(value) else value
    text = str(value).strip()
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return text


def _year(value: Any) -> Any:
    number = _number(value)
    return int(number) if isinstance(number, float) and number.is_integer() else number


def _text_pair(zh: Any, en: Any) -> dict[str, str] | None:
    pair = {k: v for k, v in (("zh", _text(zh)), ("en", _text(en))) if v is not None}
    return pair or None


# --- reading the sheets ------------------------------------------------------------------------------------


class _SheetReader:
    """One sheet's cells within the rows and columns of its layout, read once (streaming), by position."""

    def __init__(self, ws: ReadOnlyWorksheet, sheet: Sheet, order: int, reading: Reading, layout: Layout):
        self.sheet, self.order, self.reading, self.layout = sheet, order, reading, layout
        self.last_row = FIRST_ROW - 1 + len(sheet.rows) + (SOURCE_ROWS if sheet.kind == "sources" else 0)
        self.last_column = len(sheet.columns)
        self.cells: dict[tuple[int, int], Any] = {}
        self.max_row = FIRST_ROW - 1  # the last row with a value, within the layout
        width = self.last_column + EXTRA_COLUMNS
        blank = (None,) * width
        outside: Cell | None = None
        # streaming: rows the sheet lacks cost a comparison (a cell at row 1,048,576 is a million of them)
        for r, values in enumerate(ws.iter_rows(min_row=1, max_row=SHEET_ROWS, max_col=width, values_only=True), 1):
            if values == blank or (r > self.last_row and outside is not None):
                continue
            for c, value in enumerate(values, 1):
                if _blank(value):
                    continue
                if r > self.last_row or c > self.last_column:
                    outside = outside or self.cell(r, c)
                    continue
                problem = text_problem(value) if isinstance(value, str) else None
                if problem is not None:
                    column = sheet.columns[c - 1]
                    self.reading.problem(self.cell(r, c), column.field.split(".")[0], problem)
                    continue
                self.cells[(r, c)] = value
                self.max_row = max(self.max_row, r)
        if outside is not None:
            last = f"{get_column_letter(self.last_column)}{self.last_row}"
            self.reading.problem(
                outside, "(cell)", f"outside the cells of this sheet (A1:{last}): not read; move it into them"
            )

    def cell(self, row: int, column: int) -> Cell:
        return Cell(self.sheet.name, self.order, row, column)

    def value(self, row: int, column: int) -> Any:
        return self.cells.get((row, column))

    def headings_match(self) -> bool:
        for i, column in enumerate(self.sheet.columns, 1):
            first_of_group = column.year is None or column.field == "value"
            expected = [
                (1, (f"{column.year}" if column.year is not None else column.heading_zh) if first_of_group else None),
                (2, f"{column.heading_zh} {column.heading_en}" if column.year is not None else column.heading_en),
            ]
            for row, text in expected:
                found = _text(self.value(row, i))
                if text is not None and (found is None or (text not in found if row == 1 else found != text)):
                    self.reading.problem(
                        self.cell(row, i),
                        "(heading)",
                        f"expected {text!r}: the columns of this sheet were changed; write a new workbook "
                        "(make workbook) and copy the figures into it",
                    )
                    return False
        return True

    def rows(self, existing: set[str]) -> list[tuple[int, str]]:
        """(row, key) of each record row. A row whose id is not the sheet's, or repeats another's, is a problem
        (and is not read); a missing row is one when it had outcomes recorded (they would be lost)."""
        keys = {str(row.shown[0]): row.key for row in self.sheet.rows}  # the id column → the row's key
        found: dict[str, int] = {}
        changed = False
        for r in range(FIRST_ROW, self.max_row + 1):
            ident = _text(self.value(r, 1))
            if ident is None:
                if any(not _blank(self.value(r, c)) for c in range(2, len(self.sheet.columns) + 1)):
                    self.reading.problem(self.cell(r, 1), "id", "a row without an id (rows cannot be added here)")
                continue
            if ident not in keys:
                message = f"unknown {self.sheet.singular} '{ident}' (the ids of this sheet are fixed)"
                self.reading.problem(self.cell(r, 1), "id", message)
                changed = True
            elif keys[ident] in found:
                message = f"'{ident}' is also in row {found[keys[ident]]}: each {self.sheet.singular} has one row"
                self.reading.problem(self.cell(r, 1), "id", message)
                changed = True
            else:
                found[keys[ident]] = r
        for row in self.sheet.rows:
            if row.key not in found and row.key in existing and not changed:  # a changed id is reported already
                self.reading.problem(
                    self.cell(FIRST_ROW, 1),
                    "id",
                    f"the row of '{row.shown[0]}' is missing: its recorded outcomes would be lost",
                )
        return [(r, key) for key, r in found.items()]

    def choice(self, row: int, column: int, choices: Choices, fieldname: str) -> str | None:
        text = _text(self.value(row, column))
        if text is None:
            return None
        code = choices.code(text)
        if code is None:
            self.reading.problem(self.cell(row, column), fieldname, f"{text!r} is not one of {choices.listed()}")
            return text
        return code

    def locate(self, path: tuple[Any, ...], row: int, column: int) -> None:
        self.reading.cells[format_path(path)] = self.cell(row, column)


def _columns(sheet: Sheet) -> dict[tuple[str, int | None], int]:
    return {(c.field, c.year): i for i, c in enumerate(sheet.columns, 1)}


def _read_sources(reader: _SheetReader, reading: Reading) -> None:
    cols = _columns(reader.sheet)
    for r in range(FIRST_ROW, reader.max_row + 1):
        values = [reader.value(r, c) for c in range(1, len(reader.sheet.columns) + 1)]
        if all(_blank(v) for v in values):
            continue
        i = len(reading.records["sources"])
        path = ("sources", i)
        kind = reader.choice(r, cols[("kind", None)], reader.layout.kinds, "kind")
        record = {
            "id": _text(values[0]),
            "kind": kind or "reported",
            "title": _text_pair(values[2], values[3]),
            "date": _day(values[4]),
            "url": _text(values[5]),
        }
        reading.records["sources"].append({k: v for k, v in record.items() if v is not None})
        reader.locate(path, r, 1)
        for (name, _), c in cols.items():
            reader.locate((*path, *name.split(".")), r, c)


def _source_dates(reading: Reading) -> dict[str, datetime.date]:
    return {
        s["id"]: s["date"]
        for s in reading.records["sources"]
        if isinstance(s.get("id"), str) and isinstance(s.get("date"), datetime.date)
    }


def _read_values(reader: _SheetReader, reading: Reading, existing: set[str]) -> None:
    cols = _columns(reader.sheet)
    dates = _source_dates(reading)
    for r, subject in reader.rows(existing):
        for year in reader.sheet.years:
            c_value, c_source, c_as_of = (cols[(f, year)] for f in ("value", "source", "as_of"))
            value, source, as_of = (reader.value(r, c) for c in (c_value, c_source, c_as_of))
            if _blank(value):
                if not _blank(source) or not _blank(as_of):
                    reader.reading.problem(
                        reader.cell(r, c_value), "value", f"no value for {year}, but a source or date is given"
                    )
                continue
            source_id = _text(source)
            record = {
                "of": subject,
                "year": year,
                "value": _number(value),
                "source": source_id,
                "as_of": _day(as_of) if not _blank(as_of) else dates.get(source_id or ""),
            }
            path = ("actuals", len(reading.records["actuals"]))
            reading.records["actuals"].append({k: v for k, v in record.items() if v is not None})
            reader.locate(path, r, c_value)
            for name, c in (("of", 1), ("year", c_value), ("value", c_value), ("source", c_source), ("as_of", c_as_of)):
                reader.locate((*path, name), r, c)


def _read_rows(reader: _SheetReader, reading: Reading, existing: set[str], kind: str) -> None:
    """The statuses or the projects sheet: one record per row that has anything filled in."""
    cols = _columns(reader.sheet)
    dates = _source_dates(reading)
    choices = reader.layout.statuses if kind == "statuses" else reader.layout.project_statuses
    to_fill = [c for c in reader.sheet.columns if c.kind != "locked"]
    for r, key in reader.rows(existing):
        if all(_blank(reader.value(r, cols[(c.field, None)])) for c in to_fill):
            continue
        get = {c.field: reader.value(r, cols[(c.field, None)]) for c in to_fill}
        source = _text(get["source"])
        record: dict[str, Any] = {"of": key} if kind == "statuses" else {"project": key}
        record["status"] = reader.choice(r, cols[("status", None)], choices, "status")
        if kind == "statuses":
            record["year"] = _year(get["year"])
        else:
            record |= {"started": _day(get["started"]), "completed": _day(get["completed"])}
            record["invested_wan"] = _number(get["invested_wan"])
        record |= {
            "note": _text_pair(get["note.zh"], get["note.en"]),
            "source": source,
            "as_of": _day(get["as_of"]) if not _blank(get["as_of"]) else dates.get(source or ""),
        }
        path = (kind, len(reading.records[kind]))
        reading.records[kind].append({k: v for k, v in record.items() if v is not None})
        reader.locate(path, r, cols[("status", None)])
        reader.locate((*path, "of" if kind == "statuses" else "project"), r, 1)
        reader.locate((*path, "note"), r, cols[("note.zh", None)])
        for (name, _), c in cols.items():
            reader.locate((*path, *name.split(".")), r, c)


def read_workbook(path: Path, display: str, layout: Layout, outcomes: m.OutcomesFile | None) -> Reading:
    """Every record the workbook at ``path`` holds, and what in it could not be read."""
    reading = Reading(display)
    check_package(path, display)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except UNREADABLE as exc:
        raise WorkbookError([f"{display}: not a workbook that can be read ({_why(exc)})"]) from None
    existing_subjects = {a.of for a in outcomes.actuals} | {s.of for s in outcomes.statuses} if outcomes else set()
    existing_projects = {p.project for p in outcomes.projects} if outcomes else set()
    try:
        for order, sheet in enumerate(layout.sheets):
            if sheet.name not in book.sheetnames:
                reading.problem(Cell(sheet.name, order, 1, 1), "(sheet)", "this sheet is missing from the workbook")
                continue
            try:
                reader = _SheetReader(book[sheet.name], sheet, order, reading, layout)
            except UNREADABLE as exc:
                raise WorkbookError([f"{display}!{sheet.name}: not a sheet that can be read ({_why(exc)})"]) from None
            if not reader.headings_match():
                continue
            if sheet.kind == "sources":
                _read_sources(reader, reading)
            elif sheet.kind == "values":
                _read_values(reader, reading, existing_subjects)
            else:
                _read_rows(
                    reader, reading, existing_projects if sheet.kind == "projects" else existing_subjects, sheet.kind
                )
    finally:
        book.close()
    return reading


def _why(exc: BaseException) -> str:
    text = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def check_package(path: Path, display: str) -> None:
    """Refuse, in one line and before any part is parsed, a file that is no zip, or one whose parts are too many,
    inflate too far or declare a DTD."""
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
            if len(parts) > MAX_ENTRIES:
                _refuse(display, f"it holds {len(parts):,} parts (a workbook has a few dozen; at most {MAX_ENTRIES:,})")
            inflated = sum(part.file_size for part in parts)
            if inflated > MAX_INFLATED:
                _refuse(display, f"it inflates to {inflated:,} bytes (at most {MAX_INFLATED:,})")
            for part in parts:
                if part.file_size > RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1):
                    ratio = part.file_size // max(part.compress_size, 1)
                    _refuse(display, f"its part {part.filename} inflates {ratio:,} times (a zip bomb?)")
            for part in parts:  # every part, whatever its name: a relationship may name any part as XML
                with package.open(part) as stream:
                    if _declares_dtd(stream):
                        _refuse(display, f"its part {part.filename} declares a DTD (entities are not allowed)")
    except (OSError, zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:
        _refuse(display, _why(exc))


def _refuse(display: str, why: str) -> None:
    raise WorkbookError([f"{display}: not a workbook that can be read ({why})"])


class _Prolog(Exception):
    """The first element was reached: the prolog, where a DTD would be, is over."""


def _declares_dtd(stream: Any) -> bool:
    """Whether the XML read from ``stream`` declares a DTD; reads only up to its first element."""
    parser = xml.parsers.expat.ParserCreate()
    found = False

    def doctype(*_: Any) -> None:
        nonlocal found
        found = True
        raise _Prolog

    def element(*_: Any) -> None:
        raise _Prolog

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = element
    try:
        while chunk := stream.read(65536):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Prolog:
        return found
    except xml.parsers.expat.ExpatError:
        return False  # not well-formed: openpyxl says so, in its one line
    return found


# --- checking and writing -------------------------------------------------------------------------------


def _candidate(reading: Reading, outcomes: m.OutcomesFile | None) -> dict[str, Any]:
    """The outcomes file the workbook means: its records, with what only the YAML holds (settings, a source's
    document, a value's note) kept."""
    doc: dict[str, Any] = {}
    if outcomes is not None:
        kept = outcomes.model_dump(exclude={"sources", "actuals", "statuses", "projects"}, exclude_defaults=True)
        doc |= {k: (v.model_dump() if isinstance(v, m.Model) else v) for k, v in kept.items()}
        documents = {s.id: s.document for s in outcomes.sources if s.document}
        notes: dict[tuple[Any, Any], Any] = {(a.of, a.year): a.note.model_dump() for a in outcomes.actuals if a.note}
        for source in reading.records["sources"]:
            if source.get("id") in documents:
                source["document"] = documents[source["id"]]
        for actual in reading.records["actuals"]:
            note = notes.get((actual.get("of"), actual.get("year")))
            if note is not None:
                actual["note"] = note
    return doc | reading.records


def _cell_of(reading: Reading, fieldpath: str) -> tuple[Cell | None, str]:
    """The cell a problem's path names (else its record's row), and the field to name in the message."""
    record, _, rest = fieldpath.partition("]")
    name = rest.lstrip(".") or fieldpath
    path = fieldpath
    while path:
        if path in reading.cells:
            return reading.cells[path], name
        if "." not in path[len(record) :]:
            break
        path = path.rsplit(".", 1)[0]
    return None, name


def check_reading(
    reading: Reading, plan: Plan, types: Sequence[EntityType], outcomes: m.OutcomesFile | None
) -> dict[str, Any]:
    """The records the workbook means, checked as the build checks them; WorkbookError on any problem."""
    doc = _candidate(reading, outcomes)
    display = WORKBOOK  # the problems in what the workbook says carry this file name
    given = {OUTCOMES_FILE: YamlDoc(display, doc)}
    other: list[str] = []
    try:
        load_plan(plan.data_dir, types, given=given)
    except DataError as exc:
        for problem in exc.problems:
            if problem.file != display:
                other.append(str(problem))
                continue
            cell, name = _cell_of(reading, problem.field)
            if cell is None:
                other.append(f"{reading.display}: {problem.field}: {problem.message}")
            elif cell not in reading.problems:  # what could not be read is reported once
                reading.problem(cell, name, problem.message)
    for cell, texts in list(reading.problems.items()):
        reading.problems[cell] = list(dict.fromkeys(texts))
    _drop_consequences(reading)
    lines = other + reading.lines()
    if lines:
        raise WorkbookError(lines)
    return doc


def _drop_consequences(reading: Reading) -> None:
    """A value without a source has no as-of date either (it defaults to the source's): one problem, not two."""
    missing = "required field is missing"
    for path, cell in reading.cells.items():
        if path.endswith(".source") and f"source: {missing}" in reading.problems.get(cell, []):
            as_of = reading.cells.get(path.removesuffix(".source") + ".as_of")
            if as_of is not None and f"as_of: {missing}" in reading.problems.get(as_of, []):
                reading.problems[as_of].remove(f"as_of: {missing}")
                if not reading.problems[as_of]:
                    del reading.problems[as_of]


@dataclass(frozen=True)
class ImportReport:
    written: bool
    counts: dict[str, int]


def import_workbook(path: Path, display: str, plan: Plan, types: Sequence[EntityType], layout: Layout) -> ImportReport:
    """Read, check and write: ``data/outcomes.yaml`` becomes what the workbook says (WorkbookError, and nothing
    written, on any problem)."""
    outcomes = plan.file(m.OutcomesFile)
    reading = read_workbook(path, display, layout, outcomes)
    doc = check_reading(reading, plan, types, outcomes)
    lists = {name: doc.get(name, []) for name in ("sources", "actuals", "statuses", "projects")}
    written = write_outcomes(plan.data_dir / OUTCOMES_FILE, lists)
    return ImportReport(written, {name: len(items) for name, items in lists.items()})
