"""``make workbook``: the spreadsheet staff fill in to record outcomes (openpyxl), laid out by
:mod:`outcomes.sheets` and filled with what ``data/outcomes.yaml`` already holds.

Ids, names, units and targets are locked (the sheets are protected without a password, so nobody changes them
by accident); drop-down lists offer the statuses, the kinds of source and the sources' ids; an instructions
sheet explains it all in Chinese and English.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..i18n import Translator
from ..model import records as m
from .sheets import FIRST_ROW, SOURCE_ROWS, Column, Layout, Sheet

HEADING = PatternFill("solid", fgColor="DCE6EE")
LOCKED = PatternFill("solid", fgColor="EEF1F3")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "yyyy-mm-dd"
HELP_KEYS = ("intro", "locked", "sources", "values", "statuses", "projects", "clear", "problems")


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


class _Writer:
    def __init__(self, layout: Layout, outcomes: m.OutcomesFile | None, zh: Translator, en: Translator):
        self.layout, self.zh, self.en = layout, zh, en
        self.outcomes = outcomes or m.OutcomesFile()
        self.book = Workbook()
        self.lists: dict[str, str] = {}  # drop-down name → its range on the lists sheet

    # --- cells ------------------------------------------------------------------------------------

    def _put(self, ws: Worksheet, row: int, col: int, value: Any, column: Column) -> None:
        cell = ws.cell(row=row, column=col, value=value)
        if column.kind == "locked":
            cell.fill = LOCKED
            return
        cell.protection = Protection(locked=False)
        if column.kind == "date":
            cell.number_format = DATE_FORMAT

    def _headings(self, ws: Worksheet, sheet: Sheet) -> None:
        for i, column in enumerate(sheet.columns, 1):
            top = column.heading_zh
            bottom = f"{column.heading_zh} {column.heading_en}" if column.year is not None else column.heading_en
            if column.year is not None:
                top = self.zh("workbook.col.year_group", year=column.year)
            for row, text in ((1, top), (2, bottom)):
                cell = ws.cell(row=row, column=i, value=text)
                cell.font, cell.fill, cell.alignment = BOLD, HEADING, WRAP
            ws.column_dimensions[get_column_letter(i)].width = column.width
        for start in range(1, len(sheet.columns) + 1):  # a year over its group of columns
            column = sheet.columns[start - 1]
            if column.year is not None and column.field == "value":
                ws.merge_cells(start_row=1, start_column=start, end_row=1, end_column=start + 2)
        ws.freeze_panes = ws.cell(row=FIRST_ROW, column=sheet.locked + 1 if sheet.locked else 2)

    def _validate(self, ws: Worksheet, sheet: Sheet, last_row: int) -> None:
        """Drop-down lists and number or date checks on the cells to fill."""
        sources = self.layout.sheet("sources")
        assert sources is not None
        source_range = f"{_quoted(sources.name)}!$A${FIRST_ROW}:$A${FIRST_ROW + len(sources.rows) + SOURCE_ROWS - 1}"
        formulas = {
            "source": f"={source_range}",
            "status": f"={self.lists['status']}",
            "project_status": f"={self.lists['project_status']}",
            "kind": f"={self.lists['kind']}",
        }
        checks: dict[str, DataValidation] = {}
        for i, column in enumerate(sheet.columns, 1):
            kind = column.kind
            if kind in formulas:
                dv = checks.setdefault(kind, DataValidation(type="list", formula1=formulas[kind], allow_blank=True))
            elif kind == "number":
                dv = checks.setdefault(
                    kind,
                    DataValidation(
                        type="decimal", operator="between", formula1="-1E15", formula2="1E15", allow_blank=True
                    ),
                )
            elif kind == "date":
                dv = checks.setdefault(
                    kind, DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True)
                )
            elif kind == "year":
                first, last = self.layout.years[0], self.layout.years[-1]
                dv = checks.setdefault(
                    kind,
                    DataValidation(
                        type="whole", operator="between", formula1=str(first), formula2=str(last), allow_blank=True
                    ),
                )
            else:
                continue
            dv.add(f"{get_column_letter(i)}{FIRST_ROW}:{get_column_letter(i)}{max(last_row, FIRST_ROW)}")
        for dv in checks.values():
            dv.showErrorMessage = True
            dv.errorStyle = "warning"  # Excel warns and lets a value through; the import reports it with its cell
            ws.add_data_validation(dv)

    def _protect(self, ws: Worksheet) -> None:
        ws.protection.sheet = True
        ws.protection.formatColumns = False  # staff may widen columns and rows
        ws.protection.formatRows = False

    # --- sheets -----------------------------------------------------------------------------------

    def instructions(self) -> None:
        ws = self.book.active
        assert ws is not None
        ws.title = self.layout.instructions
        ws.column_dimensions["A"].width = 110
        lines: list[tuple[str, bool]] = [(self.zh("workbook.title"), True)]
        lines += [(self.zh(f"workbook.help.{k}"), False) for k in HELP_KEYS] + [("", False)]
        lines += [(self.en("workbook.title"), True)]
        lines += [(self.en(f"workbook.help.{k}"), False) for k in HELP_KEYS] + [("", False)]
        for key, choices in (
            ("statuses_list", self.layout.statuses),
            ("projects_list", self.layout.project_statuses),
            ("kinds_list", self.layout.kinds),
        ):
            lines.append((f"{self.zh(f'workbook.help.{key}')} / {self.en(f'workbook.help.{key}')}", True))
            lines += [(label, False) for label in choices.labels]
        for row, (text, bold) in enumerate(lines, 1):
            cell = ws.cell(row=row, column=1, value=text)
            cell.alignment = WRAP
            cell.font = Font(bold=bold, size=12 if bold else 11)
        self._protect(ws)

    def choice_lists(self) -> None:
        ws = self.book.create_sheet(self.layout.lists)
        for col, (name, choices) in enumerate(
            (
                ("status", self.layout.statuses),
                ("project_status", self.layout.project_statuses),
                ("kind", self.layout.kinds),
            ),
            1,
        ):
            for row, label in enumerate(choices.labels, 1):
                ws.cell(row=row, column=col, value=label)
            letter = get_column_letter(col)
            self.lists[name] = f"{_quoted(ws.title)}!${letter}$1:${letter}${len(choices.labels)}"
        ws.sheet_state = "hidden"
        self._protect(ws)

    def sheet(self, sheet: Sheet) -> None:
        ws = self.book.create_sheet(sheet.name)
        self._headings(ws, sheet)
        rows = list(self._rows(sheet))
        for r, values in enumerate(rows, FIRST_ROW):
            for c, (column, value) in enumerate(zip(sheet.columns, values, strict=True), 1):
                self._put(ws, r, c, value, column)
        last = FIRST_ROW + len(rows) - 1
        if sheet.kind == "sources":  # room for new sources
            for r in range(last + 1, last + 1 + SOURCE_ROWS):
                for c, column in enumerate(sheet.columns, 1):
                    self._put(ws, r, c, None, column)
            last += SOURCE_ROWS
        self._validate(ws, sheet, last)
        self._protect(ws)

    def _rows(self, sheet: Sheet) -> Iterable[list[Any]]:
        o, layout = self.outcomes, self.layout
        if sheet.kind == "sources":
            for source in o.sources:
                yield [
                    source.id,
                    layout.kinds.label(source.kind),
                    source.title.zh,
                    source.title.en,
                    source.date,
                    source.url,
                ]
            return
        if sheet.kind == "values":
            actuals = {(a.of, a.year): a for a in o.actuals}
            for row in sheet.rows:
                cells = list(row.shown)
                for year in sheet.years:
                    a = actuals.get((row.key, year))
                    cells += [a.value, a.source, a.as_of] if a else [None, None, None]
                yield cells
            return
        if sheet.kind == "statuses":
            recorded = {s.of: s for s in o.statuses}
            for row in sheet.rows:
                s = recorded.get(row.key)
                note = s.note if s else None
                yield [
                    *row.shown,
                    *(
                        [
                            layout.statuses.label(s.status),
                            s.year,
                            note.zh if note else None,
                            note.en if note else None,
                            s.source,
                            s.as_of,
                        ]
                        if s
                        else [None] * 6
                    ),
                ]
            return
        progress = {p.project: p for p in o.projects}
        for row in sheet.rows:
            p = progress.get(row.key)
            note = p.note if p else None
            yield [
                *row.shown,
                *(
                    [
                        layout.project_statuses.label(p.status),
                        p.started,
                        p.completed,
                        p.invested_wan,
                        note.zh if note else None,
                        note.en if note else None,
                        p.source,
                        p.as_of,
                    ]
                    if p
                    else [None] * 8
                ),
            ]


def write_workbook(layout: Layout, outcomes: m.OutcomesFile | None, path: Path, zh: Translator, en: Translator) -> Path:
    """Write the workbook of ``layout`` to ``path``, filled with ``outcomes``."""
    writer = _Writer(layout, outcomes, zh, en)
    writer.instructions()
    writer.choice_lists()
    for sheet in layout.sheets:
        writer.sheet(sheet)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer.book.save(path)
    return path
