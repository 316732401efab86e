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
from .history import History, Release
from .model import records as m
from .model.plan import Plan
from .numfmt import plain
from .targets import baseline, entity_list, table_figure

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
    description: str  # English: the Data Package's field description
    zh: str = ""  # the same in Chinese, for the Chinese data page

    def describe(self, lang: str) -> str:
        """What the column holds, in the data page's language."""
        return self.zh if lang == "zh" and self.zh else self.description


def _text(attr: str, lang: str) -> Callable[[Any], Any]:
    return lambda rec: getattr(rec, attr)[lang] if getattr(rec, attr) is not None else None


def _joined(attr: str, lang: str) -> Callable[[Any], Any]:
    sep = "、" if lang == "zh" else "; "
    return lambda rec: sep.join(t[lang] for t in getattr(rec, attr))


def _at(attr: str, year: int) -> Callable[[Any], Any]:
    return lambda rec: getattr(rec, attr).get(year)


def _src(rec: Any) -> str:
    return f"{rec.source.ref}#{rec.source.row}" if rec.source.row else rec.source.ref


def _pair(name: str, what_en: str, what_zh: str) -> list[Column]:
    """``<name>_zh`` and ``<name>_en``: a text as the plan gives it and in our English."""
    return [
        Column(f"{name}_zh", "string", _text(name, "zh"), f"{what_en}, Chinese", f"{what_zh}（中文）"),
        Column(f"{name}_en", "string", _text(name, "en"), f"{what_en}, English", f"{what_zh}（英文）"),
    ]


def _names(prefix: str = "name") -> list[Column]:
    return [
        Column(
            f"{prefix}_zh", "string", _text(prefix, "zh"), "Chinese name, as in the plan", "中文名称，与规划原文一致"
        ),
        Column(f"{prefix}_en", "string", _text(prefix, "en"), "English name (our translation)", "英文名称（本站译文）"),
    ]


ID = Column("id", "string", lambda r: r.id, "stable identifier, used in the site's URLs", "稳定标识，用于本站网址")
SEQ = Column("seq", "integer", lambda r: r.seq, "row number in the plan's table", "在规划表格中的序号")
SOURCE = Column(
    "source", "string", _src, "table (and row) of the plan the record comes from", "数据出处：规划的表格（及行）"
)


def source_labels(plan: Plan, records: Sequence[Any], lang: str = "zh", sep: str = ", ") -> str:
    """The labels of the tables ``records`` come from, in the order of the plan's sources (``表四, 表五``)."""
    refs = {getattr(r.source, "ref", None) for r in records if hasattr(r, "source")}  # an outcome's: its own
    return sep.join(s.label[lang] for s in plan.meta.sources if s.id in refs)


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
        Column("group", "string", lambda r: r.group, "indicator group id", "指标类别标识"),
        Column("group_zh", "string", lambda r: groups[r.group].name.zh, "indicator group, Chinese", "指标类别（中文）"),
        Column("group_en", "string", lambda r: groups[r.group].name.en, "indicator group, English", "指标类别（英文）"),
        Column("unit_zh", "string", _text("unit", "zh"), f"unit as printed in {table}", f"单位，与{table}一致"),
        Column("unit_en", "string", _text("unit", "en"), "unit in English", "单位（英文）"),
        Column(
            f"value_{base}",
            "number",
            _at("value", base),
            f"{base} value (empty where the plan gives —)",
            f"{base}年数值（规划为“—”时留空）",
        ),
        Column(f"value_{target}", "number", _at("value", target), f"{target} target", f"{target}年目标"),
        Column(
            "growth_stated",
            "number",
            lambda r: r.growth_stated,
            "average annual growth stated by the plan, %",
            "规划所述年均增长（%）",
        ),
        Column("target_text_zh", "string", _text("target_text", "zh"), "target stated in words", "以文字表述的目标"),
        Column(
            "nature",
            "string",
            lambda r: r.nature,
            "expected (预期性) or binding (约束性)",
            "指标属性：expected（预期性）或binding（约束性）",
        ),
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
        Column("series", "string", lambda r: r[0].id, "series id", "系列标识"),
        Column("name_zh", "string", lambda r: r[0].name.zh, "series, Chinese", "系列（中文）"),
        Column("name_en", "string", lambda r: r[0].name.en, "series, English", "系列（英文）"),
        Column("year", "integer", lambda r: r[1].year, "year", "年份"),
        Column("value", "number", lambda r: r[1].value, "value added, 亿元", "增加值（亿元）"),
        Column("yoy", "number", lambda r: r[1].yoy, "year-on-year growth stated, %", "所述同比增长（%）"),
        Column(
            "growth_stated",
            "number",
            lambda r: r[0].growth_stated,
            "average annual growth stated, %",
            "所述年均增长（%）",
        ),
        Column("source", "string", lambda r: _src(r[0]), "table and row", "出处：表格及行"),
    ]


def innovation_platform_columns(plan: Plan) -> list[Column]:
    return [ID, SEQ, *_names(), *_pair("direction", "development direction", "发展方向"), SOURCE]


def industry_columns(plan: Plan) -> list[Column]:
    base, target = plan.base_year, plan.target_year
    groups = " or ".join(f"{g.id} ({plan.source(g.source.ref).label.zh})" for g in plan.all(m.IndustryGroup))
    groups_zh = "或".join(f"{g.id}（{plan.source(g.source.ref).label.zh}）" for g in plan.all(m.IndustryGroup))
    return [
        ID,
        *_names(),
        Column("group", "string", lambda r: r.group, groups, f"产业类别：{groups_zh}"),
        Column("seq", "integer", lambda r: r.seq, "row number in its table", "在所属表格中的序号"),
        Column(
            f"output_{base}",
            "number",
            _at("output", base),
            f"{base} gross output, 亿元 (CNY 100 million)",
            f"{base}年规上工业总产值（亿元）",
        ),
        Column(
            f"output_{target}",
            "number",
            _at("output", target),
            f"{target} target gross output, 亿元",
            f"{target}年规上工业总产值目标（亿元）",
        ),
        Column(
            "growth_stated", "number", lambda r: r.growth_stated, "average annual growth stated, %", "所述年均增长（%）"
        ),
        SOURCE,
    ]


def platform_columns(plan: Plan) -> list[Column]:
    target = plan.target_year
    roles = ", ".join(r.id for r in plan.all(m.PlatformRole))
    return [
        ID,
        SEQ,
        *_names(),
        Column(
            "layout_role",
            "string",
            lambda r: r.layout_role,
            f"role in the plan's spatial layout: {roles}",
            f"在空间布局中的定位：{roles.replace(', ', '、')}",
        ),
        Column(
            "parent", "string", lambda r: r.parent, "platform it lies within (editorial)", "所在的上级平台（本站归类）"
        ),
        Column("area_km2", "number", lambda r: r.area_km2, "area, km²", "面积（平方公里）"),
        Column(
            "focus_industries",
            "string",
            lambda r: ";".join(r.focus_industries),
            "focus industry ids",
            "主导产业标识",
        ),
        Column(
            f"output_target_{target}_yi",
            "number",
            _at("output_target", target),
            f"{target} output target, 亿元",
            f"{target}年产值目标（亿元）",
        ),
        Column(
            "land_target_wan_mu",
            "number",
            lambda r: r.land_target_wan_mu,
            f"{target} industrial land target, 万亩 (10,000 mu)",
            f"{target}年工业用地目标（万亩）",
        ),
        *_pair("lead_unit", "lead unit", "牵头单位"),
        SOURCE,
    ]


def project_columns(plan: Plan) -> list[Column]:
    info = plan.info
    projects = plan.file(m.ProjectsFile)
    star = projects.star if projects else None
    starred = (
        [Column(star.column, "boolean", lambda r: r.starred, f"★ {star.name['en']}", f"★ {star.name.zh}")]
        if star
        else []
    )
    period = f"{info.period.start}–{info.period.end}"
    return [
        ID,
        SEQ,
        *_names(),
        Column(
            "type",
            "string",
            lambda r: r.type,
            "implementation, preparatory or reserve",
            "项目类型标识：implementation（实施类）、preparatory（前期类）或reserve（储备类）",
        ),
        Column(
            "type_zh",
            "string",
            lambda r: PROJECT_TYPES[r.type][0],
            "项目类型 as in the plan",
            "项目类型，与规划原文一致",
        ),
        Column(
            "start_year",
            "integer",
            lambda r: r.period.start if r.period else None,
            "start year (empty: 待定)",
            "开工年份（待定则留空）",
        ),
        Column(
            "end_year",
            "integer",
            lambda r: r.period.end if r.period else None,
            "end year (empty: 待定)",
            "完工年份（待定则留空）",
        ),
        Column("location_zh", "string", _text("location", "zh"), "建设地点 as in the plan", "建设地点，与规划原文一致"),
        Column("location_en", "string", _text("location", "en"), "location, English", "建设地点（英文）"),
        Column(
            "township",
            "string",
            lambda r: r.township,
            "township id (editorial link)",
            "所在乡镇（街道）标识（本站归类）",
        ),
        Column("platform", "string", lambda r: r.platform, "platform id (editorial link)", "所属平台标识（本站归类）"),
        Column("industry", "string", lambda r: r.industry, "industry id (editorial link)", "所属产业标识（本站归类）"),
        Column(
            "total_investment_wan",
            "number",
            lambda r: r.total_investment_wan,
            "total investment, 万元 (empty: 待定)",
            "总投资（万元；待定则留空）",
        ),
        Column(
            "plan_investment_wan",
            "number",
            lambda r: r.plan_investment_wan,
            f"investment planned for {period}, 万元 (empty: 待定)",
            f"{period}年计划投资（万元；待定则留空）",
        ),
        *starred,
        Column("builder_zh", "string", _text("builder", "zh"), "建设单位", "建设单位（中文）"),
        Column("builder_en", "string", _text("builder", "en"), "builder, English", "建设单位（英文）"),
        Column("origin_zh", "string", _text("origin", "zh"), "项目来源", "项目来源（中文）"),
        *_pair("content", "content and scale", "建设内容和规模"),
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
        Column(
            "kind",
            "string",
            lambda r: r.kind,
            "total, township, zone (overlaps townships), enterprise or utility",
            "类别：total（全市合计）、township（乡镇、街道）、zone（园区，与乡镇重叠）、enterprise（单列企业）或utility（电力）",
        ),
        *[
            Column(f"output_{y}", "number", _at("output", y), f"{y} gross output, 亿元", f"{y}年规上工业总产值（亿元）")
            for y in township_years(plan)
        ],
        SOURCE,
    ]


def measure_columns(plan: Plan) -> list[Column]:
    period = plan.info.period.name.zh
    return [
        ID,
        SEQ,
        *_names(),
        Column("basis_zh", "string", _text("basis", "zh"), "依据和理由", "依据和理由（中文）"),
        Column("basis_en", "string", _text("basis", "en"), "basis and reason, English", "依据和理由（英文）"),
        Column("measures_zh", "string", _text("measures", "zh"), f"{period}具体举措/政策", f"{period}具体举措（中文）"),
        Column("measures_en", "string", _text("measures", "en"), "measures, English", "具体举措（英文）"),
        Column("lead_units_zh", "string", _joined("lead_units", "zh"), "牵头单位", "牵头单位（中文）"),
        Column("lead_units_en", "string", _joined("lead_units", "en"), "lead units, English", "牵头单位（英文）"),
        Column("partner_units_zh", "string", _joined("partner_units", "zh"), "配合单位", "配合单位（中文）"),
        Column(
            "partner_units_en", "string", _joined("partner_units", "en"), "partner units, English", "配合单位（英文）"
        ),
        SOURCE,
    ]


def industry_group_years(plan: Plan) -> list[int]:
    return sorted({year for g in plan.all(m.IndustryGroup) for year in g.total})


def industry_group_columns(plan: Plan) -> list[Column]:
    return [
        ID,
        *_names(),
        *[
            Column(f"total_{y}", "number", _at("total", y), f"{y} total row of the group's table, 亿元, as printed")
            for y in industry_group_years(plan)
        ],
        Column("growth_stated", "number", lambda r: r.growth_stated, "average annual growth stated, %"),
        SOURCE,
    ]


def industry_group_records(plan: Plan) -> list[Any]:
    return dumped(m.IndustryGroup, {"total": ("total_{year}", "all")})(plan)


def target_columns(plan: Plan) -> list[Column]:
    start, end = plan.info.period.start, plan.target_year
    return [
        ID,
        Column("entity_type", "string", lambda r: entity_list(r), "what the target belongs to: plan or a list"),
        Column("entity_id", "string", lambda r: r.entity.partition("/")[2] or None, "its id in that list"),
        *_names(),
        Column("value", "number", lambda r: r.value, "the figure (empty for a range)"),
        Column("value_min", "number", lambda r: r.value_min, "a range's minimum"),
        Column("value_max", "number", lambda r: r.value_max, "a range's maximum"),
        Column("unit_zh", "string", lambda r: r.unit.zh, "unit, Chinese"),
        Column("unit_en", "string", lambda r: r.unit.en, "unit, English"),
        Column("comparison", "string", lambda r: r.comparison, "at_least, at_most, about or exactly (a range: within)"),
        Column("year", "integer", lambda r: r.year, f"year by which ({start}–{end}); empty: every year"),
        Column("every_year", "boolean", lambda r: r.every_year, "a figure to reach every year"),
        Column("kind", "string", lambda r: r.kind, "level, count, share, growth or reduction"),
        Column("nature", "string", lambda r: r.nature, "expected (预期性) or binding (约束性), where the plan says"),
        Column("source_ref", "string", lambda r: r.source.ref, "the section or table of the plan that states it"),
        Column("source_paragraph", "integer", lambda r: r.source.paragraph, "paragraph of the chapter (#p-N)"),
        Column("source_row", "integer", lambda r: r.source.row, "row of the annex table"),
        Column("quote_zh", "string", lambda r: r.quote, "the plan's words, verbatim"),
        Column("same_as", "string", lambda r: r.same_as, "the same quantity in a table of data/ (a path)"),
        Column("table_value", "number", lambda r: table_figure(plan, r), "the figure at same_as"),
        Column("restates", "string", lambda r: r.restates, "the target this statement repeats"),
        Column("base_year", "integer", lambda r: _base(plan, r, "year"), "year the target is measured from"),
        Column("base_value", "number", lambda r: _base(plan, r, "value"), "the plan's figure for that year"),
        Column("headline", "boolean", lambda r: r.headline, "on the home page"),
        Column("group_zh", "string", _text("group", "zh"), "theme, Chinese"),
        Column("group_en", "string", _text("group", "en"), "theme, English"),
    ]


def _base(plan: Plan, target: m.Target, attr: str) -> Any:
    base = baseline(plan, target)
    return getattr(base, attr) if base else None


def targets_title(plan: Plan) -> str:
    return "targets stated in the plan's text"


def glossary_columns(plan: Plan) -> list[Column]:
    return [
        ID,
        Column("term_zh", "string", _text("term", "zh"), "term, Chinese", "术语（中文）"),
        Column("term_en", "string", _text("term", "en"), "term, English", "术语（英文）"),
        Column("note_zh", "string", _text("note", "zh"), "note, Chinese", "说明（中文）"),
        Column("note_en", "string", _text("note", "en"), "note, English", "说明（英文）"),
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
                flat = {pattern.format(year=y): figures.get(y) for y in years.get(which, sorted(figures))}
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


@dataclass(frozen=True)
class Resource:
    """One exported table: a collection, or an auxiliary list with an export of its own (``<name>.csv/.json``)."""

    name: str
    export: Export


def to_csv(plan: Plan, resource: Resource) -> str:
    columns = resource.export.columns(plan)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    for rec in resource.export.rows(plan):
        writer.writerow([_cell(c.get(rec)) for c in columns])
    return out.getvalue()


def to_json(plan: Plan, resource: Resource) -> str:
    return json.dumps(resource.export.records(plan), ensure_ascii=False, indent=1)


def exported(plan: Plan, types: Sequence[EntityType]) -> list[Resource]:
    """The tables of the plan that are exported: its collections in the descriptors' order (each followed by the
    tables made from it, ``more_exports``), then the auxiliary lists that have an export (so a plan's existing
    files keep their place in the data package)."""
    own = [
        resource
        for t in types
        if t.export is not None and plan.has(t.name)
        for resource in (Resource(t.name, t.export), *(Resource(n, e) for n, e in t.more_exports))
    ]
    aux = [Resource(a.name, a.export) for t in types if plan.has(t.name) for a in t.aux if a.export is not None]
    return own + aux


def licences(plan: Plan) -> list[dict[str, str]]:
    """The licence of the site's data and translations, as a Data Package ``licenses`` entry ([]: none stated)."""
    licence = plan.meta.site.licence
    if licence is None:
        return []
    title = licence.name["en"] if licence.name else licence.id
    return [{"name": licence.id, "path": licence.address, "title": title}]


def datapackage(plan: Plan, types: Sequence[EntityType], release: Release) -> dict[str, Any]:
    """The Frictionless Data Package: every resource with the release's version, its date and the licence (the
    CSV files keep their columns: what a file is and may be used for is said here, not in extra columns)."""
    stamp = {"version": release.version, "created": release.created.isoformat(), "licenses": licences(plan)}
    resources = []
    for resource in exported(plan, types):
        name, title = resource.name, resource.export.title(plan)
        fields = [{"name": c.name, "type": c.type, "description": c.description} for c in resource.export.columns(plan)]
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": title,
                **stamp,
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
                **stamp,
            }
        )
    info = plan.info
    sources = [{"title": info.title.zh, "path": "source/plan.txt"}]
    if info.official_url:
        sources.append({"title": f"{info.title.zh} (official text)", "path": info.official_url})
    sources += [
        {"title": s.label.zh, "path": s.url or s.document or ""} for s in plan.meta.sources if s.kind == "staff"
    ]
    outcomes = plan.file(m.OutcomesFile)  # where the outcomes recorded after the plan come from
    sources += [{"title": s.title.zh, "path": s.url or s.document or ""} for s in outcomes.sources] if outcomes else []
    return {
        "profile": "data-package",
        "name": plan.meta.site.datapackage_name,
        "title": info.title["en"],
        "description": info.title.zh,
        **stamp,
        "sources": sources,
        "resources": resources,
    }


def export_files(plan: Plan, types: Sequence[EntityType], release: Release | None = None) -> dict[str, str]:
    """Every file of the export, as ``{relative path under data/: text}`` (``release``: the data's version; by
    default one dated as a data folder without history is)."""
    release = release or History.unread().current
    files = {"datapackage.json": json.dumps(datapackage(plan, types, release), ensure_ascii=False, indent=1)}
    for resource in exported(plan, types):
        files[f"{resource.name}.csv"] = to_csv(plan, resource)
        files[f"{resource.name}.json"] = to_json(plan, resource)
    return files
