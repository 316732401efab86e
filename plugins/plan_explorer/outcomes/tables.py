"""Outcomes in the open-data export: ``outcomes`` (every recorded outcome, one row each, with its source) and
``progress`` (every target with its status and what the status rests on)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..descriptor import EntityType
from ..dictionary import words
from ..export import Column
from ..model import records as m
from ..model.plan import Plan
from ..numfmt import rounded
from .goals import OUTPUT_UNIT, goal_maker, target_collections
from .progress import SubjectProgress, build_progress


@dataclass(frozen=True)
class OutcomeRow:
    """One recorded outcome: an actual value, a recorded status or a project's progress."""

    record: str  # actual, status, project
    subject: str
    entity: Any  # the record it is about (None if the plan no longer has it)
    item: m.ActualValue | m.RecordedStatus | m.ProjectProgress
    source: m.OutcomeSource | None
    unit: m.Text | None


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _text(get: Callable[[Any], m.Text | None], lang: str) -> Callable[[Any], str | None]:
    def read(row: Any) -> str | None:
        text = get(row)
        return text[lang] if text is not None else None

    return read


def _name(entity: Any) -> m.Text | None:
    name = getattr(entity, "name", None)
    return name if isinstance(name, m.Text) else None


def _source_columns(get: Callable[[Any], m.OutcomeSource | None]) -> list[Column]:
    def attr(name: str, lang: str = "") -> Callable[[Any], Any]:
        def read(row: Any) -> Any:
            source = get(row)
            value = getattr(source, name) if source is not None else None
            if isinstance(value, m.Text):
                return value[lang]
            return _date(value) if isinstance(value, datetime.date) else value

        return read

    return [
        Column("source", "string", attr("id"), *words("column.outcomes.source.source")),
        Column(
            "source_kind",
            "string",
            attr("kind"),
            *words("column.outcomes.source.source_kind"),
        ),
        Column("source_title_zh", "string", attr("title", "zh"), *words("column.outcomes.source.source_title_zh")),
        Column("source_title_en", "string", attr("title", "en"), *words("column.outcomes.source.source_title_en")),
        Column("source_date", "date", attr("date"), *words("column.outcomes.source.source_date")),
        Column("source_url", "string", attr("url"), *words("column.outcomes.source.source_url")),
    ]


# --- outcomes: what was recorded -------------------------------------------------------------------


def outcomes_title(plan: Plan) -> str:
    return "recorded outcomes (not in the plan: reported afterwards, each with its source)"


def outcome_rows(plan: Plan, types: Sequence[EntityType]) -> list[OutcomeRow]:
    outcomes = plan.file(m.OutcomesFile)
    if outcomes is None:
        return []
    sources = {s.id: s for s in outcomes.sources}
    makers = {t.name: goal_maker(t) for t in target_collections(list(types))}

    def about(subject: str) -> tuple[Any, m.Text | None]:
        collection, _, ident = subject.partition("/")
        entity = plan.index.get(collection, {}).get(ident)
        maker = makers.get(collection)
        goal = maker(plan, entity) if maker and entity is not None else None
        return entity, (goal.unit if goal else None)

    rows = []
    for actual in outcomes.actuals:
        entity, unit = about(actual.of)
        rows.append(OutcomeRow("actual", actual.of, entity, actual, sources.get(actual.source), unit))
    for status in outcomes.statuses:
        entity, unit = about(status.of)
        rows.append(OutcomeRow("status", status.of, entity, status, sources.get(status.source), unit))
    for progress in outcomes.projects:
        entity = plan.index.get("projects", {}).get(progress.project)
        subject = f"projects/{progress.project}"
        rows.append(OutcomeRow("project", subject, entity, progress, sources.get(progress.source), None))
    return rows


def _item(name: str) -> Callable[[OutcomeRow], Any]:
    def read(row: OutcomeRow) -> Any:
        value = getattr(row.item, name, None)
        return _date(value) if isinstance(value, datetime.date) else value

    return read


def outcome_columns(plan: Plan) -> list[Column]:
    return [
        Column(
            "record",
            "string",
            lambda r: r.record,
            *words("column.outcomes.outcome.record"),
        ),
        Column("subject", "string", lambda r: r.subject, *words("column.outcomes.outcome.subject")),
        Column(
            "collection", "string", lambda r: r.subject.partition("/")[0], *words("column.outcomes.outcome.collection")
        ),
        Column("id", "string", lambda r: r.subject.partition("/")[2], *words("column.outcomes.outcome.id")),
        Column("name_zh", "string", _text(lambda r: _name(r.entity), "zh"), *words("column.outcomes.outcome.name_zh")),
        Column("name_en", "string", _text(lambda r: _name(r.entity), "en"), *words("column.outcomes.outcome.name_en")),
        Column(
            "year",
            "integer",
            _item("year"),
            *words("column.outcomes.outcome.year"),
        ),
        Column(
            "value",
            "number",
            _item("value"),
            *words("column.outcomes.outcome.value"),
        ),
        Column("unit_zh", "string", _text(lambda r: r.unit, "zh"), *words("column.outcomes.outcome.unit_zh")),
        Column("unit_en", "string", _text(lambda r: r.unit, "en"), *words("column.outcomes.outcome.unit_en")),
        Column(
            "status",
            "string",
            _item("status"),
            *words("column.outcomes.outcome.status"),
        ),
        Column("started", "date", _item("started"), *words("column.outcomes.outcome.started")),
        Column("completed", "date", _item("completed"), *words("column.outcomes.outcome.completed")),
        Column(
            "invested_wan",
            "number",
            _item("invested_wan"),
            *words("column.outcomes.outcome.invested_wan"),
        ),
        Column("note_zh", "string", _text(lambda r: r.item.note, "zh"), *words("column.outcomes.outcome.note_zh")),
        Column("note_en", "string", _text(lambda r: r.item.note, "en"), *words("column.outcomes.outcome.note_en")),
        Column("as_of", "date", _item("as_of"), *words("column.outcomes.outcome.as_of")),
        *_source_columns(lambda r: r.source),
    ]


def outcome_records(plan: Plan, types: Sequence[EntityType]) -> list[Any]:
    """Each recorded outcome as recorded, its source written out in full."""
    out = []
    for row in outcome_rows(plan, types):
        data = {"record": row.record, **row.item.model_dump(mode="json", exclude_none=True)}
        if row.source is not None:  # written out in full (its document: published beside the plan's text)
            data["source"] = row.source.model_dump(mode="json", exclude_none=True)
        out.append(data)
    return out


# --- progress: where every target stands ------------------------------------------------------------


def progress_title(plan: Plan) -> str:
    return "status of every target (computed from the recorded outcomes)"


def progress_rows(plan: Plan, types: Sequence[EntityType]) -> list[SubjectProgress]:
    return list(build_progress(plan, types).subjects.values())


def _required(s: SubjectProgress) -> float | None:
    """What was required, rounded as the site shows a derived figure (to the plan's own precision)."""
    value = s.assessment.required
    return float(rounded(value, s.goal.precision)) if value is not None else None


def _goal(name: str) -> Callable[[SubjectProgress], Any]:
    return lambda s: getattr(s.goal, name)


def progress_columns(plan: Plan) -> list[Column]:
    outcomes = plan.file(m.OutcomesFile)
    tolerance = outcomes.tolerance_percent if outcomes else m.OutcomesFile().tolerance_percent
    return [
        Column("subject", "string", lambda s: s.subject, *words("column.outcomes.progress.subject")),
        Column("collection", "string", lambda s: s.collection, *words("column.outcomes.progress.collection")),
        Column("id", "string", lambda s: s.record.id, *words("column.outcomes.progress.id")),
        Column(
            "values_of",
            "string",
            lambda s: s.goal.measured_as or s.subject,
            *words("column.outcomes.progress.values_of"),
        ),
        Column("name_zh", "string", _text(lambda s: _name(s.record), "zh"), *words("column.outcomes.progress.name_zh")),
        Column("name_en", "string", _text(lambda s: _name(s.record), "en"), *words("column.outcomes.progress.name_en")),
        Column("binding", "boolean", _goal("binding"), *words("column.outcomes.progress.binding")),
        Column(
            "unit_zh",
            "string",
            _text(lambda s: s.goal.unit or OUTPUT_UNIT, "zh"),
            *words("column.outcomes.progress.unit_zh"),
        ),
        Column(
            "unit_en",
            "string",
            _text(lambda s: s.goal.unit or OUTPUT_UNIT, "en"),
            *words("column.outcomes.progress.unit_en"),
        ),
        Column("base_year", "integer", _goal("base_year"), *words("column.outcomes.progress.base_year")),
        Column("base_value", "number", _goal("base"), *words("column.outcomes.progress.base_value")),
        Column(
            "revised_base_value",
            "number",
            lambda s: s.base_actual.value if s.base_actual else None,
            *words("column.outcomes.progress.revised_base_value"),
        ),
        Column("target_year", "integer", _goal("target_year"), *words("column.outcomes.progress.target_year")),
        Column(
            "every_year",
            "boolean",
            _goal("every_year"),
            *words("column.outcomes.progress.every_year"),
        ),
        Column("target_value", "number", _goal("target"), *words("column.outcomes.progress.target_value")),
        Column("target_min", "number", _goal("low"), *words("column.outcomes.progress.target_min")),
        Column("target_max", "number", _goal("high"), *words("column.outcomes.progress.target_max")),
        Column(
            "target_text_zh",
            "string",
            _text(lambda s: s.goal.text, "zh"),
            *words("column.outcomes.progress.target_text_zh"),
        ),
        Column(
            "comparison",
            "string",
            _goal("comparison"),
            *words("column.outcomes.progress.comparison"),
        ),
        Column(
            "latest_year",
            "integer",
            lambda s: s.assessment.year,
            *words("column.outcomes.progress.latest_year"),
        ),
        Column(
            "latest_value",
            "number",
            lambda s: s.assessment.value,
            *words("column.outcomes.progress.latest_value"),
        ),
        Column(
            "required_value",
            "number",
            _required,
            *words("column.outcomes.progress.required_value"),
        ),
        Column(
            "status",
            "string",
            lambda s: s.status,
            *words("column.outcomes.progress.status"),
        ),
        Column(
            "status_rule",
            "string",
            lambda s: s.assessment.reason,
            *words("column.outcomes.progress.status_rule"),
        ),
        Column(
            "recorded_by_staff",
            "boolean",
            lambda s: s.assessment.recorded,
            *words("column.outcomes.progress.recorded_by_staff"),
        ),
        Column(
            "tolerance_percent",
            "number",
            lambda s: tolerance,
            *words("column.outcomes.progress.tolerance_percent"),
        ),
        Column(
            "as_of",
            "date",
            lambda s: _date(s.as_of),
            *words("column.outcomes.progress.as_of"),
        ),
        *_source_columns(lambda s: _source_of(plan, s)),
    ]


def _source_of(plan: Plan, s: SubjectProgress) -> m.OutcomeSource | None:
    ident = s.source_id
    return next((src for src in plan.all(m.OutcomeSource) if src.id == ident), None) if ident else None


def progress_records(plan: Plan, types: Sequence[EntityType]) -> list[Any]:
    columns = progress_columns(plan)
    return [{c.name: c.get(row) for c in columns} for row in progress_rows(plan, types)]
