"""Open-data export: one CSV and one JSON per collection plus a Frictionless ``datapackage.json``.

Each entity type's descriptor names its columns, rows and JSON records (functions here); the /data/ page
shows the same columns. Column names that carry a year are made from the plan's own years (``value_<base year>``,
``output_target_<target year>_yi``), so a plan's export keeps its file names and columns from release to release.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .csvtext import csv_row, defused
from .descriptor import EntityType, Export
from .dictionary import words
from .history import History, Release
from .i18n import Catalogue
from .model import records as m
from .model.meaning import meanings
from .model.plan import Plan
from .numfmt import plain
from .targets import baseline, entity_list, table_figure

#: a project's type as the export writes it (Chinese, English), from the data dictionary
PROJECT_TYPES = {kind: words(f"column.value.project_type.{kind}")[::-1] for kind in meanings(m.Project)["type"].values}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless type: string, integer, number, boolean
    get: Callable[[Any], Any]
    description: str  # English: the Data Package's field description
    zh: str = ""  # the same in Chinese, for the Chinese data page
    #: a column made from a field's declared meaning (:func:`model_columns`): its label's catalogue key, its unit
    #: and what it adds (``{year}``, ``zh``/``en``); its words are the catalogue's (``data.column.*``)
    key: str = ""
    unit: str = ""
    part: str = ""

    def describe(self, lang: str, catalogue: Catalogue | None = None) -> str:
        """What the column holds, in the data page's language (a declared column in the catalogue's words)."""
        if self.key and catalogue is not None:
            label = catalogue.get(self.key, lang)
            if self.part:
                label = catalogue.get(f"data.column.{self.part}", lang, field=label, year=self.name.rsplit("_", 1)[-1])
            if self.unit:
                label = catalogue.get("data.column.unit", lang, field=label, unit=self.unit)  # as stored
            return label
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


def _pair(name: str, what: str) -> list[Column]:
    """``<name>_zh`` and ``<name>_en``: a text as the plan gives it and in our English (``what``: the dictionary's
    words for it)."""
    what_en, what_zh = words(what)
    return [
        Column(
            f"{name}_zh", "string", _text(name, "zh"), *words("column.pair.name_zh", what_en=what_en, what_zh=what_zh)
        ),
        Column(
            f"{name}_en", "string", _text(name, "en"), *words("column.pair.name_en", what_en=what_en, what_zh=what_zh)
        ),
    ]


def _names(prefix: str = "name") -> list[Column]:
    return [
        Column(f"{prefix}_zh", "string", _text(prefix, "zh"), *words("column.names.prefix_zh")),
        Column(f"{prefix}_en", "string", _text(prefix, "en"), *words("column.names.prefix_en")),
    ]


ID = Column("id", "string", lambda r: r.id, *words("column.common.id"))
SEQ = Column("seq", "integer", lambda r: r.seq, *words("column.common.seq"))
SOURCE = Column("source", "string", _src, *words("column.common.source"))


def source_labels(plan: Plan, records: Sequence[Any], lang: str = "zh", sep: str = ", ") -> str:
    """The labels of the tables ``records`` come from, in the order of the plan's sources (``表四, 表五``)."""
    refs = {getattr(r.source, "ref", None) for r in records if hasattr(r, "source")}  # an outcome's: its own
    return sep.join(s.label[lang] for s in plan.meta.sources if s.id in refs)


def titled(kind: type[m.Model], what: str) -> Callable[[Plan], str]:
    """A resource title: the plan's table labels, then ``what`` (``表三 indicator system``)."""
    return lambda plan: f"{source_labels(plan, plan.all(kind))} {what}".strip()


def model_columns(kind: type[m.Model]) -> Callable[[Plan], list[Column]]:
    """The columns of a collection made from its model's declared field meanings (:mod:`model.meaning`), for a
    new entity type that needs no columns of its own: a text in two columns (``_zh``, ``_en``), a figure by year one
    column a year of the plan (``<field>_<year>``), a figure, a category or a reference as it is, the source as
    ``ref#row``. The words describing them are the catalogue's (the field's label and its unit)."""

    def columns(plan: Plan) -> list[Column]:
        out: list[Column] = []
        for name, field in meanings(kind).items():
            info = kind.model_fields[name]
            key = field.label or ""
            unit = field.quantity.unit if field.quantity is not None else ""
            if name == "id":
                out.append(ID)
            elif name == "source":
                out.append(SOURCE)
            elif info.annotation in (m.Text, m.Text | None):
                for lang in ("zh", "en"):
                    out.append(Column(f"{name}_{lang}", "string", _text(name, lang), "", key=key, part=lang))
            elif info.annotation == m.YearFigures:
                for year in (plan.base_year, plan.target_year):
                    out.append(Column(f"{name}_{year}", "number", _at(name, year), "", key=key, unit=unit, part="year"))
            elif info.annotation in (bool, bool | None):
                out.append(Column(name, "boolean", _field(name), "", key=key))
            elif field.quantity is not None or info.annotation in (float, float | None):
                out.append(Column(name, "number", _field(name), "", key=key, unit=unit))
            elif info.annotation in (int, int | None):
                out.append(Column(name, "integer", _field(name), "", key=key))
            else:
                out.append(Column(name, "string", _field(name, _plain_value), "", key=key))
        return out

    return columns


def _field(name: str, convert: Callable[[Any], Any] = lambda v: v) -> Callable[[Any], Any]:
    return lambda rec: convert(getattr(rec, name))


def _plain_value(value: Any) -> Any:
    """A value for a CSV cell: a list joined, a model as its JSON, anything else as it is."""
    if isinstance(value, list):
        return "; ".join(str(_plain_value(v)) for v in value)
    if isinstance(value, m.Model):
        return json.dumps(value.model_dump(mode="json"), ensure_ascii=False)
    return value


# --- the columns of each collection ---------------------------------------------------------------


def indicator_columns(plan: Plan) -> list[Column]:
    base, target, table = plan.base_year, plan.target_year, source_labels(plan, plan.all(m.Indicator))
    groups = {g.id: g for g in plan.all(m.IndicatorGroup)}
    return [
        ID,
        SEQ,
        *_names(),
        Column("group", "string", lambda r: r.group, *words("column.indicator.group")),
        Column("group_zh", "string", lambda r: groups[r.group].name.zh, *words("column.indicator.group_zh")),
        Column("group_en", "string", lambda r: groups[r.group].name.en, *words("column.indicator.group_en")),
        Column("unit_zh", "string", _text("unit", "zh"), *words("column.indicator.unit_zh", table=table)),
        Column("unit_en", "string", _text("unit", "en"), *words("column.indicator.unit_en")),
        Column(
            f"value_{base}",
            "number",
            _at("value", base),
            *words("column.indicator.value_base", base=base),
        ),
        Column(
            f"value_{target}", "number", _at("value", target), *words("column.indicator.value_target", target=target)
        ),
        Column(
            "growth_stated",
            "number",
            lambda r: r.growth_stated,
            *words("column.indicator.growth_stated"),
        ),
        Column("target_text_zh", "string", _text("target_text", "zh"), *words("column.indicator.target_text_zh")),
        Column(
            "nature",
            "string",
            lambda r: r.nature,
            *words("column.indicator.nature"),
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
        Column("series", "string", lambda r: r[0].id, *words("column.history.series")),
        Column("name_zh", "string", lambda r: r[0].name.zh, *words("column.history.name_zh")),
        Column("name_en", "string", lambda r: r[0].name.en, *words("column.history.name_en")),
        Column("year", "integer", lambda r: r[1].year, *words("column.history.year")),
        Column("value", "number", lambda r: r[1].value, *words("column.history.value")),
        Column("yoy", "number", lambda r: r[1].yoy, *words("column.history.yoy")),
        Column(
            "growth_stated",
            "number",
            lambda r: r[0].growth_stated,
            *words("column.history.growth_stated"),
        ),
        Column("source", "string", lambda r: _src(r[0]), *words("column.history.source")),
    ]


def innovation_platform_columns(plan: Plan) -> list[Column]:
    return [ID, SEQ, *_names(), *_pair("direction", "column.what.direction"), SOURCE]


def industry_columns(plan: Plan) -> list[Column]:
    base, target = plan.base_year, plan.target_year
    labelled = [(g.id, plan.source(g.source.ref).label.zh) for g in plan.all(m.IndustryGroup)]
    groups = " or ".join(words("column.industry.group_one", id=i, label=label)[0] for i, label in labelled)
    groups_zh = words("column.industry.group_or")[1].join(
        words("column.industry.group_one", id=i, label=label)[1] for i, label in labelled
    )
    return [
        ID,
        *_names(),
        Column("group", "string", lambda r: r.group, *words("column.industry.group", en=groups, zh=groups_zh)),
        Column("seq", "integer", lambda r: r.seq, *words("column.industry.seq")),
        Column(
            f"output_{base}",
            "number",
            _at("output", base),
            *words("column.industry.output_base", base=base),
        ),
        Column(
            f"output_{target}",
            "number",
            _at("output", target),
            *words("column.industry.output_target", target=target),
        ),
        Column("growth_stated", "number", lambda r: r.growth_stated, *words("column.industry.growth_stated")),
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
            *words("column.platform.layout_role", roles=roles, v1=roles.replace(", ", "、")),
        ),
        Column("parent", "string", lambda r: r.parent, *words("column.platform.parent")),
        Column("area_km2", "number", lambda r: r.area_km2, *words("column.platform.area_km2")),
        Column(
            "focus_industries",
            "string",
            lambda r: ";".join(r.focus_industries),
            *words("column.platform.focus_industries"),
        ),
        Column(
            f"output_target_{target}_yi",
            "number",
            _at("output_target", target),
            *words("column.platform.output_target_target_yi", target=target),
        ),
        Column(
            "land_target_wan_mu",
            "number",
            lambda r: r.land_target_wan_mu,
            *words("column.platform.land_target_wan_mu", target=target),
        ),
        *_pair("lead_unit", "column.what.lead_unit"),
        SOURCE,
    ]


def project_columns(plan: Plan) -> list[Column]:
    info = plan.info
    projects = plan.file(m.ProjectsFile)
    star = projects.star if projects else None
    starred = (
        [
            Column(
                star.column,
                "boolean",
                lambda r: r.starred,
                *words("column.project.x", v1=star.name["en"], v2=star.name.zh),
            )
        ]
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
            *words("column.project.type"),
        ),
        Column(
            "type_zh",
            "string",
            lambda r: PROJECT_TYPES[r.type][0],
            *words("column.project.type_zh"),
        ),
        Column(
            "start_year",
            "integer",
            lambda r: r.period.start if r.period else None,
            *words("column.project.start_year"),
        ),
        Column(
            "end_year",
            "integer",
            lambda r: r.period.end if r.period else None,
            *words("column.project.end_year"),
        ),
        Column("location_zh", "string", _text("location", "zh"), *words("column.project.location_zh")),
        Column("location_en", "string", _text("location", "en"), *words("column.project.location_en")),
        Column(
            "township",
            "string",
            lambda r: r.township,
            *words("column.project.township"),
        ),
        Column("platform", "string", lambda r: r.platform, *words("column.project.platform")),
        Column("industry", "string", lambda r: r.industry, *words("column.project.industry")),
        Column(
            "total_investment_wan",
            "number",
            lambda r: r.total_investment_wan,
            *words("column.project.total_investment_wan"),
        ),
        Column(
            "plan_investment_wan",
            "number",
            lambda r: r.plan_investment_wan,
            *words("column.project.plan_investment_wan", period=period),
        ),
        *starred,
        Column("builder_zh", "string", _text("builder", "zh"), *words("column.project.builder_zh")),
        Column("builder_en", "string", _text("builder", "en"), *words("column.project.builder_en")),
        Column("origin_zh", "string", _text("origin", "zh"), *words("column.project.origin_zh")),
        *_pair("content", "column.what.content"),
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
            *words("column.township.kind"),
        ),
        *[
            Column(f"output_{y}", "number", _at("output", y), *words("column.township.output_y", y=y))
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
        Column("basis_zh", "string", _text("basis", "zh"), *words("column.measure.basis_zh")),
        Column("basis_en", "string", _text("basis", "en"), *words("column.measure.basis_en")),
        Column("measures_zh", "string", _text("measures", "zh"), *words("column.measure.measures_zh", period=period)),
        Column("measures_en", "string", _text("measures", "en"), *words("column.measure.measures_en")),
        Column("lead_units_zh", "string", _joined("lead_units", "zh"), *words("column.measure.lead_units_zh")),
        Column("lead_units_en", "string", _joined("lead_units", "en"), *words("column.measure.lead_units_en")),
        Column("partner_units_zh", "string", _joined("partner_units", "zh"), *words("column.measure.partner_units_zh")),
        Column("partner_units_en", "string", _joined("partner_units", "en"), *words("column.measure.partner_units_en")),
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
        Column(
            "year",
            "integer",
            lambda r: r.year,
            f"year by which ({start}–{end}); empty: every year or once in operation",
        ),
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
        Column(
            "qualifier",
            "string",
            lambda r: r.qualifier,
            "the plan's word at its figure: 以上 (at least), 以下 (below), 左右/约 (about), 以内 (within), 不低于"
            " (no less than), 至少 (at least), 不超过 (no more than), 超过 (more than), 近 (nearly); empty: none",
        ),
        Column(
            "commitment",
            "string",
            lambda r: r.commitment,
            "确保 (assured) or 力争 (stretch goal), where the plan says it of the figure; empty: neither",
        ),
        Column("in_operation", "boolean", lambda r: r.in_operation, "a figure due once the project is in operation"),
    ]


def _base(plan: Plan, target: m.Target, attr: str) -> Any:
    base = baseline(plan, target)
    return getattr(base, attr) if base else None


def targets_title(plan: Plan) -> str:
    return "targets stated in the plan's text"


def glossary_columns(plan: Plan) -> list[Column]:
    return [
        ID,
        Column("term_zh", "string", _text("term", "zh"), *words("column.glossary.term_zh")),
        Column("term_en", "string", _text("term", "en"), *words("column.glossary.term_en")),
        Column("note_zh", "string", _text("note", "zh"), *words("column.glossary.note_zh")),
        Column("note_en", "string", _text("note", "en"), *words("column.glossary.note_en")),
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
    return defused(str(value))


@dataclass(frozen=True)
class Resource:
    """One exported table: a collection, or an auxiliary list with an export of its own (``<name>.csv/.json``)."""

    name: str
    export: Export


def to_csv(plan: Plan, resource: Resource) -> str:
    columns = resource.export.columns(plan)
    out = io.StringIO()
    out.write(csv_row([c.name for c in columns]))
    for rec in resource.export.rows(plan):
        out.write(csv_row([_cell(c.get(rec)) for c in columns]))
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


def datapackage(
    plan: Plan, types: Sequence[EntityType], release: Release, catalogue: Catalogue | None = None
) -> dict[str, Any]:
    """The Frictionless Data Package: every resource with the release's version, its date and the licence (the
    CSV files keep their columns: what a file is and may be used for is said here, not in extra columns)."""
    stamp = {"version": release.version, "created": release.created.isoformat(), "licenses": licences(plan)}
    resources = []
    for resource in exported(plan, types):
        name, title = resource.name, resource.export.title(plan)
        fields = [
            {"name": c.name, "type": c.type, "description": c.describe("en", catalogue)}
            for c in resource.export.columns(plan)
        ]
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


def export_files(
    plan: Plan, types: Sequence[EntityType], release: Release | None = None, catalogue: Catalogue | None = None
) -> dict[str, str]:
    """Every file of the export, as ``{relative path under data/: text}`` (``release``: the data's version; by
    default one dated as a data folder without history is; ``catalogue``: the words of declared columns)."""
    release = release or History.unread().current
    package = datapackage(plan, types, release, catalogue)
    files = {"datapackage.json": json.dumps(package, ensure_ascii=False, indent=1)}
    for resource in exported(plan, types):
        files[f"{resource.name}.csv"] = to_csv(plan, resource)
        files[f"{resource.name}.json"] = to_json(plan, resource)
    return files
