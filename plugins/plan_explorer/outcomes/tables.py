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
        Column("source", "string", attr("id"), "id of the source in outcomes.yaml", "来源在 outcomes.yaml 中的标识"),
        Column(
            "source_kind",
            "string",
            attr("kind"),
            "reported (a publication) or staff (the city's own records)",
            "reported（公开发布的资料）或 staff（本市部门记录）",
        ),
        Column("source_title_zh", "string", attr("title", "zh"), "source", "来源名称"),
        Column("source_title_en", "string", attr("title", "en"), "source, English", "来源名称（英文）"),
        Column(
            "source_date", "date", attr("date"), "date the source was published (or recorded)", "来源发布（或记录）日期"
        ),
        Column("source_url", "string", attr("url"), "where the source is published (if online)", "来源网址（如有）"),
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
            "actual（某年实际值）、status（无数字目标由工作人员录入的状态）或 project（项目进展）",
        ),
        Column(
            "subject", "string", lambda r: r.subject, "what it is about: <collection>/<id>", "所指对象：<类别>/<标识>"
        ),
        Column("collection", "string", lambda r: r.subject.partition("/")[0], "collection of the plan", "规划数据类别"),
        Column("id", "string", lambda r: r.subject.partition("/")[2], "id in that collection", "在该类别中的标识"),
        Column("name_zh", "string", _text(lambda r: _name(r.entity), "zh"), "its name, Chinese", "名称（中文）"),
        Column("name_en", "string", _text(lambda r: _name(r.entity), "en"), "its name, English", "名称（英文）"),
        Column(
            "year",
            "integer",
            _item("year"),
            "year of the value (actual) or judged (status)",
            "实际值所属年份（或状态评定年份）",
        ),
        Column(
            "value",
            "number",
            _item("value"),
            "actual value, in the unit of the target's figures",
            "实际值，单位与目标数字相同",
        ),
        Column("unit_zh", "string", _text(lambda r: r.unit, "zh"), "unit of the value", "单位"),
        Column("unit_en", "string", _text(lambda r: r.unit, "en"), "unit of the value, English", "单位（英文）"),
        Column(
            "status",
            "string",
            _item("status"),
            "status recorded: achieved, not_achieved, on_track, off_track; "
            "of a project: not_started, under_construction, partly_operating, completed, cancelled, unknown",
            "录入的状态：achieved、not_achieved、on_track、off_track；项目：not_started（未开工）、"
            "under_construction（在建）、partly_operating（部分投产）、completed（竣工）、cancelled（取消）、unknown（不明）",
        ),
        Column("started", "date", _item("started"), "project: date construction started", "项目：开工日期"),
        Column("completed", "date", _item("completed"), "project: date of completion", "项目：竣工日期"),
        Column(
            "invested_wan",
            "number",
            _item("invested_wan"),
            "project: investment made so far, 万元",
            "项目：累计完成投资，万元",
        ),
        Column("note_zh", "string", _text(lambda r: r.item.note, "zh"), "note, Chinese", "说明（中文）"),
        Column("note_en", "string", _text(lambda r: r.item.note, "en"), "note, English", "说明（英文）"),
        Column("as_of", "date", _item("as_of"), "date the figure or status was true", "数字或状态的截至日期"),
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
        Column("subject", "string", lambda s: s.subject, "the target: <collection>/<id>", "目标：<类别>/<标识>"),
        Column("collection", "string", lambda s: s.collection, "collection of the plan", "规划数据类别"),
        Column("id", "string", lambda s: s.record.id, "id in that collection", "在该类别中的标识"),
        Column(
            "values_of",
            "string",
            lambda s: s.goal.measured_as or s.subject,
            "the record whose recorded values it is judged on (a commitment naming a table's figure: that record)",
            "据以评定的实际值所属对象（与表中数字相同的目标：该表中的对象）",
        ),
        Column("name_zh", "string", _text(lambda s: _name(s.record), "zh"), "name, Chinese", "名称（中文）"),
        Column("name_en", "string", _text(lambda s: _name(s.record), "en"), "name, English", "名称（英文）"),
        Column("binding", "boolean", _goal("binding"), "a binding (约束性) target", "是否为约束性目标"),
        Column(
            "unit_zh", "string", _text(lambda s: s.goal.unit or OUTPUT_UNIT, "zh"), "unit of its figures", "数字的单位"
        ),
        Column("unit_en", "string", _text(lambda s: s.goal.unit or OUTPUT_UNIT, "en"), "unit, English", "单位（英文）"),
        Column("base_year", "integer", _goal("base_year"), "base year of the plan", "基期年份"),
        Column("base_value", "number", _goal("base"), "the plan's base-year figure", "规划中的基期数字"),
        Column(
            "revised_base_value",
            "number",
            lambda s: s.base_actual.value if s.base_actual else None,
            "a base-year value recorded later (a revision); the required path starts from it",
            "事后录入的基期修订值；所需路径由此起算",
        ),
        Column("target_year", "integer", _goal("target_year"), "year the target is for", "目标年份"),
        Column(
            "every_year",
            "boolean",
            _goal("every_year"),
            "the target applies to every year of the period",
            "目标适用于规划期每一年",
        ),
        Column("target_value", "number", _goal("target"), "target figure", "目标值"),
        Column("target_min", "number", _goal("low"), "a target range's minimum", "目标区间下限"),
        Column("target_max", "number", _goal("high"), "a target range's maximum", "目标区间上限"),
        Column(
            "target_text_zh",
            "string",
            _text(lambda s: s.goal.text, "zh"),
            "a target stated in words",
            "以文字表述的目标",
        ),
        Column(
            "comparison",
            "string",
            _goal("comparison"),
            "at_least, at_most (a figure to fall), about or exactly",
            "at_least（不低于）、at_most（不高于，须下降的数字）、about（左右）或 exactly（恰为/区间内）",
        ),
        Column(
            "latest_year",
            "integer",
            lambda s: s.assessment.year,
            "year of the value the status rests on",
            "状态所依据实际值的年份",
        ),
        Column(
            "latest_value",
            "number",
            lambda s: s.assessment.value,
            "that value (a growth-rate target: the average of the yearly rates)",
            "该实际值（增速目标：各年增速的平均值）",
        ),
        Column(
            "required_value",
            "number",
            _required,
            "what the target (or its required path) asked for in that year",
            "目标（或所需路径）对该年的要求",
        ),
        Column(
            "status",
            "string",
            lambda s: s.status,
            "achieved, on_track, off_track, not_achieved, not_measurable (no value recorded) or no_outcome (no value"
            " recorded and the plan's period has ended)",
            "achieved（已实现）、on_track（进度正常）、off_track（进度滞后）、not_achieved（未实现）、"
            "not_measurable（暂无实际值）或 no_outcome（规划期已结束，尚未录入结果）",
        ),
        Column(
            "status_rule",
            "string",
            lambda s: s.assessment.reason,
            "which rule gave the status (see /progress/)",
            "得出状态的规则（见“完成情况”页）",
        ),
        Column(
            "recorded_by_staff",
            "boolean",
            lambda s: s.assessment.recorded,
            "the status was recorded, not computed",
            "状态由工作人员录入，而非计算",
        ),
        Column(
            "tolerance_percent",
            "number",
            lambda s: tolerance,
            "on track: at most this % short of the path",
            "进度正常：与所需路径相差不超过此百分比",
        ),
        Column(
            "as_of",
            "date",
            lambda s: _date(s.as_of),
            "as-of date of the latest value or status",
            "最新实际值或状态的截至日期",
        ),
        *_source_columns(lambda s: _source_of(plan, s)),
    ]


def _source_of(plan: Plan, s: SubjectProgress) -> m.OutcomeSource | None:
    ident = s.source_id
    return next((src for src in plan.all(m.OutcomeSource) if src.id == ident), None) if ident else None


def progress_records(plan: Plan, types: Sequence[EntityType]) -> list[Any]:
    columns = progress_columns(plan)
    return [{c.name: c.get(row) for c in columns} for row in progress_rows(plan, types)]
