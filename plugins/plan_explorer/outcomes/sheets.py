"""The outcomes workbook's layout, shared by the writer (:mod:`outcomes.workbook`) and the import
(:mod:`outcomes.importer`) so both agree on every sheet, column and row.

Every sheet has two heading rows (Chinese, then English; a sheet of values by year has the year above each
group of columns instead) and one row per record from the third row on. A sheet is one of: the sources;
one per collection of targets (a value, its source and as-of date for each year); the statuses of targets
stated without a number; the projects' progress.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..descriptor import EntityType
from ..i18n import Translator
from ..model import records as m
from ..model.meaning import quantity
from ..model.plan import Plan
from ..numfmt import TBD_TEXT, plain, stored_unit
from .checks import OUTCOME_YEARS_AFTER
from .goals import Goal, goal_maker, measured_within, target_collections
from .progress import PROJECT_STATUSES, RECORDABLE_STATUSES, subject_of

FIRST_ROW = 3  # the first row of records (two heading rows above)
SOURCE_ROWS = 200  # empty rows the sources sheet offers for new sources
CellKind = Literal["locked", "number", "text", "date", "year", "source", "status", "project_status", "kind", "url"]
SheetKind = Literal["sources", "values", "statuses", "projects"]
BAD_SHEET_CHARS = str.maketrans({c: "-" for c in "[]:*?/\\"})


@dataclass(frozen=True)
class Column:
    """A column: what its cells hold (``field`` of the YAML record, e.g. ``value``, ``note.zh``), for which year."""

    field: str
    kind: CellKind
    heading_zh: str
    heading_en: str
    year: int | None = None
    width: int = 14


@dataclass
class Row:
    """A record's row: the entity (or source) it is for and the locked cells shown beside the cells to fill."""

    key: str  # the subject (``indicators/x``), project id or source id
    shown: list[Any] = field(default_factory=list)  # the locked cells' values, in column order


@dataclass
class Sheet:
    name: str
    kind: SheetKind
    collection: str  # the collection whose records are its rows (sources: "")
    columns: list[Column]
    rows: list[Row]
    years: list[int] = field(default_factory=list)  # a sheet of values: its years, one group of columns each
    singular: str = "row"  # what a row is, in messages ("unknown indicator 'x'")

    @property
    def locked(self) -> int:
        """How many columns on the left are locked (id, names …)."""
        return sum(1 for c in self.columns if c.kind == "locked")


@dataclass(frozen=True)
class Choices:
    """The labels a drop-down offers for a list of codes, and how a cell's text is read back as a code."""

    codes: tuple[str, ...]
    labels: tuple[str, ...]  # "在建 / under construction"

    def label(self, code: str) -> str:
        return self.labels[self.codes.index(code)]

    def code(self, text: str) -> str | None:
        """The code a cell names: its label, its code, or either language's part of the label."""
        wanted = " ".join(text.split()).casefold()
        for code, label in zip(self.codes, self.labels, strict=True):
            zh, _, en = label.partition(" / ")
            if wanted in (code.casefold(), label.casefold(), zh.casefold(), en.casefold()):
                return code
        return None

    def listed(self) -> str:
        return ", ".join(self.labels)


@dataclass
class Layout:
    """Every sheet of the workbook for one plan, and the drop-down choices."""

    plan: Plan
    instructions: str
    lists: str
    sheets: list[Sheet]
    statuses: Choices
    project_statuses: Choices
    kinds: Choices
    years: list[int]

    def sheet(self, kind: SheetKind, collection: str = "") -> Sheet | None:
        return next((s for s in self.sheets if s.kind == kind and s.collection == collection), None)


def sheet_name(text: str) -> str:
    return text.translate(BAD_SHEET_CHARS)[:31]


def _choices(codes: Sequence[str], prefix: str, zh: Translator, en: Translator) -> Choices:
    return Choices(tuple(codes), tuple(f"{zh(prefix + c)} / {en(prefix + c)}" for c in codes))


def _col(key: str, kind: CellKind, zh: Translator, en: Translator, width: int = 14, name: str = "") -> Column:
    return Column(name or key, kind, zh(f"workbook.col.{key}"), en(f"workbook.col.{key}"), width=width)


def _figure_col(
    key: str,
    kind: CellKind,
    model: type[m.Model],
    field_name: str,
    zh: Translator,
    en: Translator,
    width: int,
    name: str = "",
) -> Column:
    """A column of a figure field, headed with the unit its values are entered in, as the field declares it."""
    column = _col(key, kind, zh, en, width, name)
    found = quantity(model, field_name)
    if found is None or not found.unit:
        return column
    heading_zh = zh("workbook.col_unit", field=column.heading_zh, unit=stored_unit(found.unit, "zh"))
    heading_en = en("workbook.col_unit", field=column.heading_en, unit=stored_unit(found.unit, "en"))
    return Column(column.field, kind, heading_zh, heading_en, width=width)


def goal_text(goal: Goal, plan: Plan) -> str:
    """The plan's target as the locked column shows it (Chinese, the plan's own figures)."""
    if not goal.numeric:
        return goal.text.zh if goal.text else ""
    if goal.low is not None and goal.high is not None:
        return f"{goal.target_year}年{plain(goal.low)}–{plain(goal.high)}"
    if not goal.milestones and goal.target is not None:  # every year, or once a project is in operation: no path
        return plain(goal.target)
    return "，".join(f"{y}年{plain(v)}" for y, v in goal.milestones)


def layout(plan: Plan, types: Sequence[EntityType], zh: Translator, en: Translator) -> Layout:
    """The workbook of ``plan`` (``types``: the collections it has)."""
    years = list(range(plan.base_year, plan.target_year + OUTCOME_YEARS_AFTER + 1))
    outcomes = plan.file(m.OutcomesFile)
    sources = outcomes.sources if outcomes else []
    sheets = [
        Sheet(
            sheet_name(zh("workbook.sheet.sources")),
            "sources",
            "",
            [
                _col("id", "text", zh, en, 18),
                _col("kind", "kind", zh, en, 16),
                _col("title_zh", "text", zh, en, 36, "title.zh"),
                _col("title_en", "text", zh, en, 36, "title.en"),
                _col("date", "date", zh, en, 12),
                _col("url", "url", zh, en, 30),
            ],
            [Row(s.id) for s in sources],
        )
    ]
    statuses: list[Row] = []
    collections = [t for t in target_collections(list(types)) if plan.has(t.name)]
    names = {t.name for t in collections}
    for etype in collections:
        maker = goal_maker(etype)
        assert maker is not None
        rows = []
        for record in plan.lists[etype.name]:
            goal = maker(plan, record)
            if goal is None or measured_within(goal, names).measured_as is not None:
                continue  # not a target of its own, or judged on a table's figure, recorded on that record's row
            subject = subject_of(etype.name, record)
            unit = f"{goal.unit.zh} / {goal.unit.en}" if goal.unit else ""
            rows.append(Row(subject, [record.id, record.name.zh, record.name.en, unit, goal_text(goal, plan)]))
            if not goal.numeric:
                statuses.append(Row(subject, [subject, record.name.zh, record.name.en, goal_text(goal, plan)]))
        name = f"workbook.sheet.{etype.name}"
        title = zh(name) if zh.has(name) else zh(f"data.collection.{etype.name}")
        columns = [
            _col("id", "locked", zh, en, 22),
            _col("name_zh", "locked", zh, en, 24),
            _col("name_en", "locked", zh, en, 30),
            _col("unit", "locked", zh, en, 14),
            _col("target", "locked", zh, en, 22),
        ]
        for year in years:
            groups: tuple[tuple[str, CellKind, int], ...] = (
                ("value", "number", 11),
                ("source", "source", 16),
                ("as_of", "date", 12),
            )
            for key, kind, width in groups:
                column = _col(key, kind, zh, en, width)
                columns.append(Column(column.field, kind, column.heading_zh, column.heading_en, year, width))
        sheets.append(Sheet(sheet_name(title), "values", etype.name, columns, rows, years, etype.singular))
    if statuses:
        sheets.append(
            Sheet(
                sheet_name(zh("workbook.sheet.statuses")),
                "statuses",
                "",
                [
                    _col("subject", "locked", zh, en, 34),
                    _col("name_zh", "locked", zh, en, 24),
                    _col("name_en", "locked", zh, en, 30),
                    _col("target", "locked", zh, en, 22),
                    _col("status", "status", zh, en, 24),
                    _col("year", "year", zh, en, 8),
                    _col("note_zh", "text", zh, en, 30, "note.zh"),
                    _col("note_en", "text", zh, en, 30, "note.en"),
                    _col("source", "source", zh, en, 16),
                    _col("as_of", "date", zh, en, 12),
                ],
                statuses,
                singular="target",
            )
        )
    if plan.has("projects"):
        rows = []
        for project in plan.all(m.Project):
            period = f"{project.period.start}–{project.period.end}" if project.period else TBD_TEXT["zh"]
            total = project.total_investment_wan
            rows.append(Row(project.id, [project.id, project.name.zh, project.name.en, period, total]))
        sheets.append(
            Sheet(
                sheet_name(zh("workbook.sheet.projects")),
                "projects",
                "projects",
                [
                    _col("id", "locked", zh, en, 24),
                    _col("name_zh", "locked", zh, en, 28),
                    _col("name_en", "locked", zh, en, 30),
                    _col("period", "locked", zh, en, 11),
                    _figure_col("total", "locked", m.Project, "total_investment_wan", zh, en, 13),
                    _col("status", "project_status", zh, en, 26),
                    _col("started", "date", zh, en, 12),
                    _col("completed", "date", zh, en, 12),
                    _figure_col("invested", "number", m.ProjectProgress, "invested_wan", zh, en, 14, "invested_wan"),
                    _col("note_zh", "text", zh, en, 30, "note.zh"),
                    _col("note_en", "text", zh, en, 30, "note.en"),
                    _col("source", "source", zh, en, 16),
                    _col("as_of", "date", zh, en, 12),
                ],
                rows,
                singular="project",
            )
        )
    return Layout(
        plan,
        sheet_name(zh("workbook.sheet.instructions")),
        sheet_name(zh("workbook.sheet.lists")),
        sheets,
        _choices(RECORDABLE_STATUSES, "status.", zh, en),
        _choices(PROJECT_STATUSES, "project_status.", zh, en),
        _choices(("reported", "staff"), "workbook.kind.", zh, en),
        years,
    )
