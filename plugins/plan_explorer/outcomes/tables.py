"""Outcomes in the open-data export: ``outcomes`` (every recorded outcome, one row each, with its source) and
``progress`` (every target with its status and what the status rests on)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..descriptor import EntityType
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
        Column("source", "string", attr("id"), "id of the source in outcomes.yaml"),
        Column("source_kind", "string", attr("kind"), "reported (a publication) or staff (the city's own records)"),
        Column("source_title_zh", "string", attr("title", "zh"), "source"),
        Column("source_title_en", "string", attr("title", "en"), "source, English"),
        Column("source_date", "date", attr("date"), "date the source was published (or recorded)"),
        Column("source_url", "string", attr("url"), "where the source is published (if online)"),
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
            "actual (a value in a year), status (recorded by staff for a "
            "target without a number) or project (a project's progress)",
        ),
        Column("subject", "string", lambda r: r.subject, "what it is about: <collection>/<id>"),
        Column("collection", "string", lambda r: r.subject.partition("/")[0], "collection of the plan"),
        Column("id", "string", lambda r: r.subject.partition("/")[2], "id in that collection"),
        Column("name_zh", "string", _text(lambda r: _name(r.entity), "zh"), "its name, Chinese"),
        Column("name_en", "string", _text(lambda r: _name(r.entity), "en"), "its name, English"),
        Column("year", "integer", _item("year"), "year of the value (actual) or judged (status)"),
        Column("value", "number", _item("value"), "actual value, in the unit of the target's figures"),
        Column("unit_zh", "string", _text(lambda r: r.unit, "zh"), "unit of the value"),
        Column("unit_en", "string", _text(lambda r: r.unit, "en"), "unit of the value, English"),
        Column(
            "status",
            "string",
            _item("status"),
            "status recorded: achieved, not_achieved, on_track, off_track; "
            "of a project: not_started, under_construction, partly_operating, completed, cancelled, unknown",
        ),
        Column("started", "date", _item("started"), "project: date construction started"),
        Column("completed", "date", _item("completed"), "project: date of completion"),
        Column("invested_wan", "number", _item("invested_wan"), "project: investment made so far, 万元"),
        Column("note_zh", "string", _text(lambda r: r.item.note, "zh"), "note, Chinese"),
        Column("note_en", "string", _text(lambda r: r.item.note, "en"), "note, English"),
        Column("as_of", "date", _item("as_of"), "date the figure or status was true"),
        *_source_columns(lambda r: r.source),
    ]


def outcome_records(plan: Plan, types: Sequence[EntityType]) -> list[Any]:
    """Each recorded outcome as recorded, its source written out in full."""
    out = []
    for row in outcome_rows(plan, types):
        data = {"record": row.record, **row.item.model_dump(mode="json", exclude_none=True)}
        if row.source is not None:  # written out in full; its text copy is for the provenance test, not published
            data["source"] = row.source.model_dump(mode="json", exclude_none=True, exclude={"text"})
        out.append(data)
    return out


# --- progress: where every target stands ------------------------------------------------------------


def progress_title(plan: Plan) -> str:
    return "status of every target (computed from the recorded outcomes)"


def progress_rows(plan: Plan, types: Sequence[EntityType]) -> list[SubjectProgress]:
    return list(build_progress(plan, types).subjects.values())


def _required(s: SubjectProgress) -> float | None:
    """What was required, rounded as the site shows a derived figure (one decimal more than the plan's own)."""
    value, goal = s.assessment.required, s.goal
    like = [v for _, v in goal.milestones] + [v for v in (goal.target, goal.low, goal.high) if v is not None]
    return rounded(value, like) if value is not None else None


def _goal(name: str) -> Callable[[SubjectProgress], Any]:
    return lambda s: getattr(s.goal, name)


def progress_columns(plan: Plan) -> list[Column]:
    outcomes = plan.file(m.OutcomesFile)
    tolerance = outcomes.tolerance_percent if outcomes else m.OutcomesFile().tolerance_percent
    return [
        Column("subject", "string", lambda s: s.subject, "the target: <collection>/<id>"),
        Column("collection", "string", lambda s: s.collection, "collection of the plan"),
        Column("id", "string", lambda s: s.record.id, "id in that collection"),
        Column("name_zh", "string", _text(lambda s: _name(s.record), "zh"), "name, Chinese"),
        Column("name_en", "string", _text(lambda s: _name(s.record), "en"), "name, English"),
        Column("binding", "boolean", _goal("binding"), "a binding (约束性) target"),
        Column("unit_zh", "string", _text(lambda s: s.goal.unit or OUTPUT_UNIT, "zh"), "unit of its figures"),
        Column("unit_en", "string", _text(lambda s: s.goal.unit or OUTPUT_UNIT, "en"), "unit, English"),
        Column("base_year", "integer", _goal("base_year"), "base year of the plan"),
        Column("base_value", "number", _goal("base"), "the plan's base-year figure"),
        Column(
            "revised_base_value",
            "number",
            lambda s: s.base_actual.value if s.base_actual else None,
            "a base-year value recorded later (a revision); the required path starts from it",
        ),
        Column("target_year", "integer", _goal("target_year"), "year the target is for"),
        Column("every_year", "boolean", _goal("every_year"), "the target applies to every year of the period"),
        Column("target_value", "number", _goal("target"), "target figure"),
        Column("target_min", "number", _goal("low"), "a target range's minimum"),
        Column("target_max", "number", _goal("high"), "a target range's maximum"),
        Column("target_text_zh", "string", _text(lambda s: s.goal.text, "zh"), "a target stated in words"),
        Column("comparison", "string", _goal("comparison"), "at_least, at_most (a figure to fall), about or exactly"),
        Column("latest_year", "integer", lambda s: s.assessment.year, "year of the value the status rests on"),
        Column(
            "latest_value",
            "number",
            lambda s: s.assessment.value,
            "that value (a growth-rate target: the average of the yearly rates)",
        ),
        Column(
            "required_value",
            "number",
            _required,
            "what the target (or its required path) asked for in that year",
        ),
        Column(
            "status",
            "string",
            lambda s: s.status,
            "achieved, on_track, off_track, not_achieved or not_measurable (no value recorded)",
        ),
        Column("status_rule", "string", lambda s: s.assessment.reason, "which rule gave the status (see /progress/)"),
        Column(
            "recorded_by_staff", "boolean", lambda s: s.assessment.recorded, "the status was recorded, not computed"
        ),
        Column("tolerance_percent", "number", lambda s: tolerance, "on track: at most this % short of the path"),
        Column("as_of", "date", lambda s: _date(s.as_of), "as-of date of the latest value or status"),
        *_source_columns(lambda s: _source_of(plan, s)),
    ]


def _source_of(plan: Plan, s: SubjectProgress) -> m.OutcomeSource | None:
    ident = s.source_id
    return next((src for src in plan.all(m.OutcomeSource) if src.id == ident), None) if ident else None


def progress_records(plan: Plan, types: Sequence[EntityType]) -> list[Any]:
    columns = progress_columns(plan)
    return [{c.name: c.get(row) for c in columns} for row in progress_rows(plan, types)]
