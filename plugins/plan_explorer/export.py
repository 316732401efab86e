"""Open-data export: one CSV and one JSON per collection plus a Frictionless ``datapackage.json``.

Each entity type's descriptor names its columns, rows and JSON records (functions here); the /data/ page
shows the same columns. Column names that carry a year are made from the plan's own years (``value_<base year>``,
``output_target_<target year>_yi``), so a plan's export keeps its file names and columns from release to release.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .descriptor import EntityType, Export
from .model import records as m
from .model.plan import Plan
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


def _at(attr: str, year: int) -> Callable[[Any], Any]:
    return lambda rec: getattr(rec, attr).get(year)


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


def source_labels(plan: Plan, records: Sequence[Any]) -> str:
    """The Chinese labels of the tables ``records`` come from, in the order of the plan's sources (``表四, 表五``)."""
    refs = {r.source.ref for r in records}
    return ", ".join(s.label.zh for s in plan.meta.sources if s.id in refs)


def titled(kind: type[m.Model], what: str) -> Callable[[Plan], str]:
    """A resource title: the plan's table labels, then ``what`` (``表三 indicator system``)."""
    return lambda plan: f"{source_labels(plan, plan.all(kind))} {what}".strip()


# --- the columns of each collection ---------------------------------------------------------------


def indicator_columns(plan: Plan) -> list[Column]:
    base, target, table = plan.base_year, plan.target_year, source_labels(plan, plan.all(m.Indicator))
    groups = {g.id: g for g in plan.all(m.IndicatorGroup)}
    return [
        ID,
        SEQ,
        *_names(),
        Column("group", "string", lambda r: r.group, "indicator group id"),
        Column("group_zh", "string", lambda r: groups[r.group].name.zh, "indicator group, Chinese"),
        Column("group_en", "string", lambda r: groups[r.group].name.en, "indicator group, English"),
        Column("unit_zh", "string", _text("unit", "zh"), f"unit as printed in {table}"),
        Column("unit_en", "string", _text("unit", "en"), "unit in English"),
        Column(f"value_{base}", "number", _at("value", base), f"{base} value (empty where the plan gives —)"),
        Column(f"value_{target}", "number", _at("value", target), f"{target} target"),
        Column("growth_stated", "number", lambda r: r.growth_stated, "average annual growth stated by the plan, %"),
        Column("target_text_zh", "string", _text("target_text", "zh"), "target stated in words"),
        Column("nature", "string", lambda r: r.nature, "expected (预期性) or binding (约束性)"),
        SOURCE,
    ]


def history_rows(plan: Plan) -> list[tuple[m.Series, m.HistoryPoint]]:
    return [(s, p) for s in plan.all(m.Series) for p in s.points]


def history_title(plan: Plan) -> str:
    years = [p.year for s in plan.all(m.Series) for p in s.points]
    span = f" {min(years)}–{max(years)}" if years else ""
    return f"{source_labels(plan, plan.all(m.Series))} value added{span}".strip()


def history_columns(plan: Plan) -> list[Column]:
    return [
        Column("series", "string", lambda r: r[0].id, "series id"),
        Column("name_zh", "string", lambda r: r[0].name.zh, "series, Chinese"),
        Column("name_en", "string", lambda r: r[0].name.en, "series, English"),
        Column("year", "integer", lambda r: r[1].year, "year"),
        Column("value", "number", lambda r: r[1].value, "value added, 亿元"),
        Column("yoy", "number", lambda r: r[1].yoy, "year-on-year growth stated, %"),
        Column("growth_stated", "number", lambda r: r[0].growth_stated, "average annual growth stated, %"),
        Column("source", "string", lambda r: _src(r[0]), "table and row"),
    ]


def innovation_platform_columns(plan: Plan) -> list[Column]:
    return [
        ID,
        SEQ,
        *_names(),
        Column("direction_zh", "string", _text("direction", "zh"), "development direction, Chinese"),
        Column("direction_en", "string", _text("direction", "en"), "development direction, English"),
        SOURCE,
    ]


def industry_columns(plan: Plan) -> list[Column]:
    base, target = plan.base_year, plan.target_year
    groups = " or ".join(f"{g.id} ({plan.source(g.source.ref).label.zh})" for g in plan.all(m.IndustryGroup))
    return [
        ID,
        *_names(),
        Column("group", "string", lambda r: r.group, groups),
        Column("seq", "integer", lambda r: r.seq, "row number in its table"),
        Column(f"output_{base}", "number", _at("output", base), f"{base} gross output, 亿元 (CNY 100 million)"),
        Column(f"output_{target}", "number", _at("output", target), f"{target} target gross output, 亿元"),
        Column("growth_stated", "number", lambda r: r.growth_stated, "average annual growth stated, %"),
        SOURCE,
    ]


def platform_columns(plan: Plan) -> list[Column]:
    target = plan.target_year
    roles = ", ".join(r.id for r in plan.all(m.PlatformRole))
    return [
        ID,
        SEQ,
        *_names(),
        Column("layout_role", "string", lambda r: r.layout_role, f"role in the plan's spatial layout: {roles}"),
        Column("parent", "string", lambda r: r.parent, "platform it lies within (editorial)"),
        Column("area_km2", "number", lambda r: r.area_km2, "area, km²"),
        Column("focus_industries", "string", lambda r: ";".join(r.focus_industries), "focus industry ids"),
        Column(f"output_target_{target}_yi", "number", _at("output_target", target), f"{target} output target, 亿元"),
        Column(
            "land_target_wan_mu",
            "number",
            lambda r: r.land_target_wan_mu,
            f"{target} industrial land target, 万亩 (10,000 mu)",
        ),
        Column("lead_unit_zh", "string", _text("lead_unit", "zh"), "lead unit, Chinese"),
        Column("lead_unit_en", "string", _text("lead_unit", "en"), "lead unit, English"),
        SOURCE,
    ]


def project_columns(plan: Plan) -> list[Column]:
    info = plan.info
    projects = plan.file(m.ProjectsFile)
    star = projects.star if projects else None
    starred = [Column(star.column, "boolean", lambda r: r.starred, f"★ {star.name.en}")] if star else []
    return [
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
            "total_investment_wan", "number", lambda r: r.total_investment_wan, "total investment, 万元 (empty: 待定)"
        ),
        Column(
            "plan_investment_wan",
            "number",
            lambda r: r.plan_investment_wan,
            f"investment planned for {info.period.start}–{info.period.end}, 万元 (empty: 待定)",
        ),
        *starred,
        Column("builder_zh", "string", _text("builder", "zh"), "建设单位"),
        Column("builder_en", "string", _text("builder", "en"), "builder, English"),
        Column("origin_zh", "string", _text("origin", "zh"), "项目来源"),
        Column("content_zh", "string", _text("content", "zh"), "建设内容和规模"),
        Column("content_en", "string", _text("content", "en"), "content and scale, English"),
        SOURCE,
    ]


def township_years(plan: Plan) -> list[int]:
    """The years of the townships' table: every year any row gives a figure for."""
    return sorted({year for t in plan.all(m.Township) for year in t.output})


def township_columns(plan: Plan) -> list[Column]:
    return [
        ID,
        SEQ,
        *_names(),
        Column("kind", "string", lambda r: r.kind, "total, township, zone (overlaps townships), enterprise or utility"),
        *[Column(f"output_{y}", "number", _at("output", y), f"{y} gross output, 亿元") for y in township_years(plan)],
        SOURCE,
    ]


def measure_columns(plan: Plan) -> list[Column]:
    period = plan.info.period.name.zh
    return [
        ID,
        SEQ,
        *_names(),
        Column("basis_zh", "string", _text("basis", "zh"), "依据和理由"),
        Column("basis_en", "string", _text("basis", "en"), "basis and reason, English"),
        Column("measures_zh", "string", _text("measures", "zh"), f"{period}具体举措/政策"),
        Column("measures_en", "string", _text("measures", "en"), "measures, English"),
        Column("lead_units_zh", "string", _joined("lead_units", "zh"), "牵头单位"),
        Column("lead_units_en", "string", _joined("lead_units", "en"), "lead units, English"),
        Column("partner_units_zh", "string", _joined("partner_units", "zh"), "配合单位"),
        Column("partner_units_en", "string", _joined("partner_units", "en"), "partner units, English"),
        SOURCE,
    ]


def glossary_columns(plan: Plan) -> list[Column]:
    return [
        ID,
        Column("term_zh", "string", _text("term", "zh"), "term, Chinese"),
        Column("term_en", "string", _text("term", "en"), "term, English"),
        Column("note_zh", "string", _text("note", "zh"), "note, Chinese"),
        Column("note_en", "string", _text("note", "en"), "note, English"),
    ]


# --- JSON records -----------------------------------------------------------------------------------


def dumped(kind: type[m.Model], by_year: dict[str, tuple[str, str]] | None = None) -> Callable[[Plan], list[Any]]:
    """The full records of ``kind`` as JSON values; ``by_year`` flattens a field of figures by year into one key
    per year of the plan (``{"value": ("value_{year}", "both")}`` → ``value_<base year>``, ``value_<target year>``),
    as the export has always named them."""

    def records(plan: Plan) -> list[Any]:
        years = {"both": (plan.base_year, plan.target_year), "target": (plan.target_year,)}
        out = []
        for record in plan.all(kind):
            data = record.model_dump(mode="json")
            for fieldname, (pattern, which) in (by_year or {}).items():
                figures = getattr(record, fieldname)
                flat = {pattern.format(year=y): figures.get(y) for y in years[which]}
                data = _replace_key(data, fieldname, flat)
            out.append(data)
        return out

    return records


def project_records(plan: Plan) -> list[Any]:
    """Projects as JSON; ``starred`` is named by the list's own column name."""
    projects = plan.file(m.ProjectsFile)
    column = projects.star.column if projects and projects.star else "starred"
    return [_replace_key(p.model_dump(mode="json"), "starred", {column: p.starred}) for p in plan.all(m.Project)]


def history_records(plan: Plan) -> list[Any]:
    return [s.model_dump(mode="json") for s in plan.all(m.Series)]


def _replace_key(data: dict[str, Any], key: str, replacement: dict[str, Any]) -> dict[str, Any]:
    """``data`` with ``key`` replaced in place (same position) by the keys of ``replacement``."""
    out: dict[str, Any] = {}
    for k, v in data.items():
        if k == key:
            out.update(replacement)
        else:
            out[k] = v
    return out


# --- files ------------------------------------------------------------------------------------------


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


def to_csv(plan: Plan, export: Export) -> str:
    columns = export.columns(plan)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    for rec in export.rows(plan):
        writer.writerow([_cell(c.get(rec)) for c in columns])
    return out.getvalue()


def to_json(plan: Plan, export: Export) -> str:
    return json.dumps(export.records(plan), ensure_ascii=False, indent=1)


def exported(plan: Plan, types: Sequence[EntityType]) -> list[EntityType]:
    """The collections of the plan that are exported, in the descriptors' order."""
    return [t for t in types if t.export is not None and plan.has(t.name)]


def resources(plan: Plan, types: Sequence[EntityType]) -> list[tuple[str, Export]]:
    """Every resource of the export, by name: each exported collection, then the tables made from it."""
    out: list[tuple[str, Export]] = []
    for etype in exported(plan, types):
        assert etype.export is not None
        out += [(etype.name, etype.export), *etype.more_exports]
    return out


def datapackage(plan: Plan, types: Sequence[EntityType]) -> dict[str, Any]:
    entries = []
    for name, export in resources(plan, types):
        title = export.title(plan)
        fields = [{"name": c.name, "type": c.type, "description": c.description} for c in export.columns(plan)]
        entries.append(
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
        entries.append(
            {
                "name": f"{name}-json",
                "path": f"{name}.json",
                "format": "json",
                "mediatype": "application/json",
                "title": f"{title} (JSON, full records)",
            }
        )
    info = plan.info
    return {
        "profile": "data-package",
        "name": plan.meta.site.datapackage_name,
        "title": info.title.en,
        "description": info.title.zh,
        "licenses": [{"name": "other-pd", "title": "Government plan text; translation and structure by the site"}],
        "sources": [{"title": info.title.zh, "path": "source/plan.txt"}],
        "resources": entries,
    }


def export_files(plan: Plan, types: Sequence[EntityType]) -> dict[str, str]:
    """Every file of the export, as ``{relative path under data/: text}``."""
    files = {"datapackage.json": json.dumps(datapackage(plan, types), ensure_ascii=False, indent=1)}
    for name, export in resources(plan, types):
        files[f"{name}.csv"] = to_csv(plan, export)
        files[f"{name}.json"] = to_json(plan, export)
    return files
