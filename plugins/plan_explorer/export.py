"""Open-data export: one CSV and one JSON per collection plus a Frictionless ``datapackage.json``.

The column table below is the single description of the export; the /data/ page shows it too.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import models as m
from .datamodel import Plan
from .numfmt import plain

PROJECT_TYPES = {
    "implementation": ("实施类", "implementation"),
    "preparatory": ("前期类", "preparatory"),
    "reserve": ("储备类", "reserve"),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless type: string, integer, number, boolean
    get: Callable[[Any], Any]
    description: str


def _text(attr: str, lang: str) -> Callable[[Any], Any]:
    return lambda rec: getattr(rec, attr)[lang] if getattr(rec, attr) is not None else None


def _joined(attr: str, lang: str) -> Callable[[Any], Any]:
    sep = "、" if lang == "zh" else "; "
    return lambda rec: sep.join(t[lang] for t in getattr(rec, attr))


def _output_of(year: int) -> Callable[[Any], Any]:
    return lambda rec: rec.output.get(year)


def _src(rec: Any) -> str:
    return f"{rec.source.ref}#{rec.source.row}" if rec.source.row else rec.source.ref


def _names(prefix: str = "name") -> list[Column]:
    return [
        Column(f"{prefix}_zh", "string", _text(prefix, "zh"), "Chinese name, as in the plan"),
        Column(f"{prefix}_en", "string", _text(prefix, "en"), "English name (our translation)"),
    ]


ID = Column("id", "string", lambda r: r.id, "stable identifier, used in the site's URLs")
SEQ = Column("seq", "integer", lambda r: r.seq, "row number in the plan's table")
SOURCE = Column("source", "string", _src, "table (and row) of the plan the record comes from")

COLLECTIONS: dict[str, tuple[str, list[Column]]] = {
    "indicators": (
        "表三 indicator system",
        [
            ID,
            SEQ,
            *_names(),
            Column("group", "string", lambda r: r.group, "indicator group id"),
            Column("group_zh", "string", lambda r: None, "indicator group, Chinese"),
            Column("group_en", "string", lambda r: None, "indicator group, English"),
            Column("unit_zh", "string", _text("unit", "zh"), "unit as printed in 表三"),
            Column("unit_en", "string", _text("unit", "en"), "unit in English"),
            Column("value_2020", "number", lambda r: r.value_2020, "2020 value (empty where the plan gives —)"),
            Column("value_2025", "number", lambda r: r.value_2025, "2025 target"),
            Column("growth_stated", "number", lambda r: r.growth_stated, "average annual growth stated by the plan, %"),
            Column("target_text_zh", "string", _text("target_text", "zh"), "target stated in words"),
            Column("nature", "string", lambda r: r.nature, "expected (预期性) or binding (约束性)"),
            SOURCE,
        ],
    ),
    "history": ("表一 value added 2016–2020", []),
    "innovation_platforms": (
        "表二 key innovation platforms",
        [
            ID,
            SEQ,
            *_names(),
            Column("direction_zh", "string", _text("direction", "zh"), "development direction, Chinese"),
            Column("direction_en", "string", _text("direction", "en"), "development direction, English"),
            SOURCE,
        ],
    ),
    "industries": (
        "表四, 表五 industries",
        [
            ID,
            *_names(),
            Column("group", "string", lambda r: r.group, "emerging (表五) or traditional (表四)"),
            Column("seq", "integer", lambda r: r.seq, "row number in its table"),
            Column("output_2020", "number", lambda r: r.output_2020, "2020 gross output, 亿元 (CNY 100 million)"),
            Column("output_2025", "number", lambda r: r.output_2025, "2025 target gross output, 亿元"),
            Column("growth_stated", "number", lambda r: r.growth_stated, "average annual growth stated, %"),
            SOURCE,
        ],
    ),
    "platforms": (
        "附件5 platforms",
        [
            ID,
            SEQ,
            *_names(),
            Column(
                "layout_role", "string", lambda r: r.layout_role, "role in the 2+2+X layout: main, park, micro, area"
            ),
            Column("parent", "string", lambda r: r.parent, "platform it lies within (editorial)"),
            Column("area_km2", "number", lambda r: r.area_km2, "area, km²"),
            Column(
                "focus_industries", "string", lambda r: ";".join(r.focus_industries), "focus industry ids (chapter 五)"
            ),
            Column("output_target_2025_yi", "number", lambda r: r.output_target_2025_yi, "2025 output target, 亿元"),
            Column(
                "land_target_wan_mu",
                "number",
                lambda r: r.land_target_wan_mu,
                "2025 industrial land target, 万亩 (10,000 mu)",
            ),
            Column("lead_unit_zh", "string", _text("lead_unit", "zh"), "lead unit, Chinese"),
            Column("lead_unit_en", "string", _text("lead_unit", "en"), "lead unit, English"),
            SOURCE,
        ],
    ),
    "projects": (
        "附件2 major projects",
        [
            ID,
            SEQ,
            *_names(),
            Column("type", "string", lambda r: r.type, "implementation, preparatory or reserve"),
            Column("type_zh", "string", lambda r: PROJECT_TYPES[r.type][0], "项目类型 as in the plan"),
            Column("start_year", "integer", lambda r: r.period.start if r.period else None, "start year (empty: 待定)"),
            Column("end_year", "integer", lambda r: r.period.end if r.period else None, "end year (empty: 待定)"),
            Column("location_zh", "string", _text("location", "zh"), "建设地点 as in the plan"),
            Column("location_en", "string", _text("location", "en"), "location, English"),
            Column("township", "string", lambda r: r.township, "township id (editorial link)"),
            Column("platform", "string", lambda r: r.platform, "platform id (editorial link)"),
            Column("industry", "string", lambda r: r.industry, "industry id (editorial link)"),
            Column(
                "total_investment_wan",
                "number",
                lambda r: r.total_investment_wan,
                "total investment, 万元 (empty: 待定)",
            ),
            Column(
                "plan_investment_wan",
                "number",
                lambda r: r.plan_investment_wan,
                "14th FYP investment, 万元 (empty: 待定)",
            ),
            Column(
                "hangzhou_major", "boolean", lambda r: r.hangzhou_major, "★ on Hangzhou's 14th FYP major project list"
            ),
            Column("builder_zh", "string", _text("builder", "zh"), "建设单位"),
            Column("builder_en", "string", _text("builder", "en"), "builder, English"),
            Column("origin_zh", "string", _text("origin", "zh"), "项目来源"),
            Column("content_zh", "string", _text("content", "zh"), "建设内容和规模"),
            Column("content_en", "string", _text("content", "en"), "content and scale, English"),
            SOURCE,
        ],
    ),
    "townships": (
        "附件1 output by township",
        [
            ID,
            SEQ,
            *_names(),
            Column(
                "kind", "string", lambda r: r.kind, "total, township, zone (overlaps townships), enterprise or utility"
            ),
            *[
                Column(f"output_{y}", "number", _output_of(y), f"{y} gross output, 亿元")
                for y in (2020, 2021, 2022, 2025)
            ],
            SOURCE,
        ],
    ),
    "reforms": ("附件3 major reforms", []),
    "policies": ("附件4 major policies", []),
    "glossary": (
        "zh ↔ en glossary",
        [
            ID,
            Column("term_zh", "string", _text("term", "zh"), "term, Chinese"),
            Column("term_en", "string", _text("term", "en"), "term, English"),
            Column("note_zh", "string", _text("note", "zh"), "note, Chinese"),
            Column("note_en", "string", _text("note", "en"), "note, English"),
        ],
    ),
}
MEASURE_COLUMNS = [
    ID,
    SEQ,
    *_names(),
    Column("basis_zh", "string", _text("basis", "zh"), "依据和理由"),
    Column("basis_en", "string", _text("basis", "en"), "basis and reason, English"),
    Column("measures_zh", "string", _text("measures", "zh"), "“十四五”具体举措/政策"),
    Column("measures_en", "string", _text("measures", "en"), "measures, English"),
    Column("lead_units_zh", "string", _joined("lead_units", "zh"), "牵头单位"),
    Column("lead_units_en", "string", _joined("lead_units", "en"), "lead units, English"),
    Column("partner_units_zh", "string", _joined("partner_units", "zh"), "配合单位"),
    Column("partner_units_en", "string", _joined("partner_units", "en"), "partner units, English"),
    SOURCE,
]
HISTORY_COLUMNS = [
    Column("series", "string", lambda r: r[0].id, "series id"),
    Column("name_zh", "string", lambda r: r[0].name.zh, "series, Chinese"),
    Column("name_en", "string", lambda r: r[0].name.en, "series, English"),
    Column("year", "integer", lambda r: r[1].year, "year"),
    Column("value", "number", lambda r: r[1].value, "value added, 亿元"),
    Column("yoy", "number", lambda r: r[1].yoy, "year-on-year growth stated, %"),
    Column("growth_stated", "number", lambda r: r[0].growth_stated, "average annual growth stated, %"),
    Column("source", "string", lambda r: f"table1#{r[0].source.row}", "table and row"),
]


def columns(name: str) -> list[Column]:
    if name in ("reforms", "policies"):
        return MEASURE_COLUMNS
    if name == "history":
        return HISTORY_COLUMNS
    return COLLECTIONS[name][1]


def records(plan: Plan, name: str) -> list[Any]:
    """The rows of one collection, in the plan's order."""
    by_name: dict[str, Callable[[], list[Any]]] = {
        "indicators": lambda: plan.indicators.indicators,
        "history": lambda: [(s, p) for s in plan.history.series for p in s.points],
        "innovation_platforms": lambda: plan.innovation_platforms.innovation_platforms,
        "industries": lambda: plan.industries.industries,
        "platforms": lambda: plan.platforms.platforms,
        "projects": lambda: plan.projects.projects,
        "townships": lambda: plan.townships.townships,
        "reforms": lambda: plan.reforms.reforms,
        "policies": lambda: plan.policies.policies,
        "glossary": lambda: plan.glossary.terms,
    }
    return by_name[name]()


def row_values(plan: Plan, name: str, rec: Any) -> dict[str, Any]:
    row = {col.name: col.get(rec) for col in columns(name)}
    if name == "indicators":
        group = plan.get("indicator-groups", rec.group)
        row["group_zh"], row["group_en"] = group.name.zh, group.name.en
    return row


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return plain(value, grouping=False)
    text = str(value)
    # a text cell that a spreadsheet would run as a formula is prefixed with an apostrophe
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def to_csv(plan: Plan, name: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in columns(name)])
    for rec in records(plan, name):
        row = row_values(plan, name, rec)
        writer.writerow([_cell(row[c.name]) for c in columns(name)])
    return out.getvalue()


def to_json(plan: Plan, name: str) -> str:
    if name == "history":
        items: list[Any] = [s.model_dump(mode="json") for s in plan.history.series]
    else:
        items = [rec.model_dump(mode="json") for rec in records(plan, name)]
    return json.dumps(items, ensure_ascii=False, indent=1)


def datapackage(plan: Plan) -> dict[str, Any]:
    resources = []
    for name, (title, _) in COLLECTIONS.items():
        fields = [{"name": c.name, "type": c.type, "description": c.description} for c in columns(name)]
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": title,
                "schema": {"fields": fields},
            }
        )
        resources.append(
            {
                "name": f"{name}-json",
                "path": f"{name}.json",
                "format": "json",
                "mediatype": "application/json",
                "title": f"{title} (JSON, full records)",
            }
        )
    return {
        "profile": "data-package",
        "name": "jiande-manufacturing-plan-2021-2025",
        "title": plan.plan.plan.title.en,
        "description": plan.plan.plan.title.zh,
        "licenses": [{"name": "other-pd", "title": "Government plan text; translation and structure by the site"}],
        "sources": [{"title": plan.plan.plan.title.zh, "path": "source/plan.txt"}],
        "resources": resources,
    }


def export_files(plan: Plan) -> dict[str, str]:
    """Every file of the export, as ``{relative path under data/: text}``."""
    files = {"datapackage.json": json.dumps(datapackage(plan), ensure_ascii=False, indent=1)}
    for name in COLLECTIONS:
        files[f"{name}.csv"] = to_csv(plan, name)
        files[f"{name}.json"] = to_json(plan, name)
    return files


__all__ = ["COLLECTIONS", "Column", "columns", "export_files", "m"]
