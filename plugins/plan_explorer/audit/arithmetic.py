"""The plan's arithmetic within its tables: totals and their rows, stated growth against the levels it connects
(average annual growth and year-on-year rates), and sums of targets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import records as m
from ..model.plan import Plan
from ..numfmt import implied_growth
from .facts import alternatives
from .findings import Fig, Finding, Listed, Say, Value, decimals, half_unit, severity_of, text
from .labels import describe

#: year-on-year rates that differ from the levels by no more than this many points are not reported: official
#: rates are computed at comparable prices and on the same set of enterprises, the levels at current prices
YOY_TOLERANCE = 5.0
#: a township table's rows are added by this site's classification of them (the table itself does not say)
TOWNSHIP_CLASSES = text(
    "本站对附表各行的分类（乡镇、园区、单列企业、电力）：原表未说明哪些行相加得合计",
    "this site's classification of the table's rows (townships, zones, an enterprise, power): the table does not "
    "say which rows add up to its total",
)


# --- totals ------------------------------------------------------------------------------------------------


def _sum_finding(
    ident: str, rule: str, subject: m.Text, total: Value, parts: list[Value], entities: list[Any], where: str | None
) -> Finding | None:
    known = [p.value for p in parts if p.value is not None]
    if total.value is None or not known:
        return None
    computed = sum(known)
    diff = total.value - computed
    tolerance = 0.5 * 10 ** -max(decimals(v) for v in [*known, total.value]) * len(known)
    severity = severity_of(diff, tolerance, 0.02 * total.value)
    if severity is None:
        return None
    unit = total.unit
    computation = Say(
        "computation.sum",
        {"parts": [Fig(v) for v in known], "sum": Fig(round(computed, 6)), "stated": Fig(total.value)},
    )
    values = [total, *parts, Value(text("各行之和", "sum of the rows"), round(computed, 6), unit)]
    why = Say(f"why.{rule}", {"sum": Fig(round(computed, 6), unit), "total": Fig(total.value, unit)})
    return Finding(ident, rule, subject, values, computation, round(diff, 6), unit, severity, entities, where, why)


def total_findings(plan: Plan) -> Iterator[Finding]:
    """Each table's own total row against the sum of its rows; each stated sum of targets against its parts."""
    for group in plan.all(m.IndustryGroup):
        rows = plan.referring(m.Industry, "group", group.id)
        for year, total in sorted(group.total.items()):
            parts = [Value(i.name, i.output.get(year), "亿元", i.source) for i in rows]
            subject = text(f"{group.name.zh}合计（{year}年）", f"{group.name['en']}: total, {year}")
            f = _sum_finding(
                f"totals-{group.id}-{year}",
                "totals",
                subject,
                Value(text("合计行", "total row"), total, "亿元", group.source),
                parts,
                [group, *rows],
                group.source.ref,
            )
            if f:
                yield f
    yield from township_findings(plan)
    statements = plan.file(m.StatementsFile)
    for spec in statements.sums if statements else []:
        stated = Value(text("合计", "total"), plan.resolve(spec.total))
        parts = [Value(describe(plan, p), plan.resolve(p)) for p in spec.parts]
        where = _source_of(plan, spec.total)
        f = _sum_finding(f"sum-{spec.id}", "sum", spec.label, stated, parts, [], where)
        if f:
            yield f


def _source_of(plan: Plan, path: str) -> str | None:
    collection, ident, *_ = path.split("/")
    record = plan.index.get(collection, {}).get(ident)
    source = getattr(record, "source", None)
    return source.ref if isinstance(source, m.Source) else None


def township_findings(plan: Plan) -> Iterator[Finding]:
    """The township table's total row against its townships, enterprise and power rows (not the zones, which
    overlap the townships) — and what adding the zones too would give. Both rest on the rows' classification."""
    rows = plan.all(m.Township)
    totals = [t for t in rows if t.kind == "total"]
    if not totals:
        return
    total_row = totals[0]
    table = plan.source(total_row.source.ref).label
    additive = [t for t in rows if t.kind in ("township", "enterprise", "utility")]
    zones = [t for t in rows if t.kind == "zone"]
    for year, total in sorted(total_row.output.items()):
        parts = [Value(t.name, t.output.get(year), "亿元", t.source) for t in additive]
        subject = text(f"{table.zh}{total_row.name.zh}（{year}年）", f"{table['en']}: {total_row.name['en']}, {year}")
        stated = Value(total_row.name, total, "亿元", total_row.source)
        where = total_row.source.ref
        f = _sum_finding(f"totals-townships-{year}", "totals", subject, stated, parts, [total_row], where)
        if f:
            yield f.rests_on(TOWNSHIP_CLASSES)
        if zones:
            with_zones = parts + [Value(z.name, z.output.get(year), "亿元", z.source) for z in zones]
            f = _sum_finding(
                f"overlap-townships-{year}",
                "overlap",
                text(f"{table.zh}含园区行之和（{year}年）", f"{table['en']} rows including the zones, {year}"),
                stated,
                with_zones,
                [total_row, *zones],
                where,
            )
            if f:
                f.severity = "notable"
                yield f.rests_on(TOWNSHIP_CLASSES)


# --- growth ------------------------------------------------------------------------------------------------


def _path(record: Any, plan: Plan, year: int) -> str | None:
    """The path of a record's figure for ``year`` (``industries/x/output/<year>``, ``history/x/<year>``)."""
    name = plan.kinds.get(type(record))
    if isinstance(record, m.Series):
        return f"{name}/{record.id}/{year}"
    fields: dict[type, str] = {m.Indicator: "value", m.Industry: "output", m.IndustryGroup: "total"}
    field = fields.get(type(record))
    return f"{name}/{record.id}/{field}/{year}" if field else None


def _growth_finding(
    plan: Plan, ident: str, record: Any, first: int, last: int, start: float | None, end: float | None
) -> Finding | None:
    years, stated = last - first, record.growth_stated
    implied = implied_growth(start, end, years)
    if implied is None or stated is None or start is None or end is None:
        return None
    diff = stated - implied
    severity = None if abs(diff) <= half_unit(stated) else severity_of(diff, 1.0, 3.0)
    if severity is None:
        return None
    unit = record.unit.zh if isinstance(getattr(record, "unit", None), m.Text) else "亿元"
    source = record.source
    computation = Say(
        "computation.growth",
        {
            "end": Fig(end),
            "start": Fig(start),
            "years": years,
            "implied": Fig(round(implied, 2), "%"),
            "stated": Fig(stated, "%"),
            "difference": Fig(round(diff, 2), "pp", signed=True),
        },
    )
    values = [
        Value(text(f"{first}年（基期）", f"{first} (baseline)"), start, unit, source),
        Value(text(f"{last}年", f"{last}"), end, unit, source),
        Value(text("所述年均增长", "stated average growth"), stated, "%", source),
        Value(text("按两端数值计算的年均增长", "growth implied by the two levels"), round(implied, 2), "%"),
    ]
    why = Say(
        "why.growth",
        {
            "start": Fig(start, unit),
            "end": Fig(end, unit),
            "first": first,
            "last": last,
            "implied": Fig(round(implied, 2), "%"),
            "stated": Fig(stated, "%"),
        },
    )
    finding = Finding(
        f"growth-{ident}",
        "growth",
        record.name,
        values,
        computation,
        round(diff, 2),
        "pp",
        severity,
        [record],
        source.ref,
        why,
    )
    knock_on = _growth_knock_on(plan, record, first, last, start, end, years, stated)
    if knock_on is not None:
        finding.follows, other, recomputed = knock_on
        finding.why = Say(
            "why.knock_on",
            {"other": Fig(other, unit), "computed": Fig(round(recomputed, 2), "%"), "stated": Fig(stated, "%")},
        )
    return finding


def _growth_knock_on(
    plan: Plan, record: Any, first: int, last: int, start: float, end: float, years: int, stated: float
) -> tuple[str, float, float] | None:
    """The finding this one follows from, the other value the plan states for one end, and the growth with it —
    when with it the stated growth holds."""
    for year, keep in ((first, end), (last, start)):
        path = _path(record, plan, year)
        for other, cause in alternatives(plan, path) if path else []:
            pair = (other, keep) if year == first else (keep, other)
            implied = implied_growth(pair[0], pair[1], years)
            if implied is not None and abs(stated - implied) <= half_unit(stated):
                return cause, other, implied
    return None


def growth_findings(plan: Plan) -> Iterator[Finding]:
    """Stated average growth of every indicator, industry, industry group and history series."""
    base, target = plan.base_year, plan.target_year
    records: list[tuple[str, Any, m.YearFigures]] = [
        *(("indicator", i, i.value) for i in plan.all(m.Indicator)),
        *(("industry", i, i.output) for i in plan.all(m.Industry)),
        *(("group", g, g.total) for g in plan.all(m.IndustryGroup)),
    ]
    for prefix, record, figures in records:
        f = _growth_finding(plan, f"{prefix}-{record.id}", record, base, target, figures.get(base), figures.get(target))
        if f:
            yield f
    for series in plan.all(m.Series):
        first, last = series.points[0], series.points[-1]
        f = _growth_finding(plan, f"history-{series.id}", series, first.year, last.year, first.value, last.value)
        if f:
            yield f


def yoy_findings(plan: Plan) -> Iterator[Finding]:
    """Each series' stated year-on-year rates against the levels they connect (one finding per series, listing
    the years whose rate differs from the levels by more than the tolerance)."""
    for series in plan.all(m.Series):
        unit = series.unit.zh
        off: list[tuple[m.HistoryPoint, m.HistoryPoint, float]] = []
        for prev, cur in zip(series.points, series.points[1:], strict=False):
            if cur.yoy is None or prev.value <= 0 or cur.year != prev.year + 1:
                continue
            implied = (cur.value / prev.value - 1) * 100
            if abs(cur.yoy - implied) > YOY_TOLERANCE + half_unit(cur.yoy):
                off.append((prev, cur, implied))
        if not off:
            continue
        levels = {p.year: p for prev, cur, _ in off for p in (prev, cur)}
        values = [
            Value(text(f"{year}年", str(year)), levels[year].value, unit, series.source) for year in sorted(levels)
        ]
        lines: list[Say] = []
        for prev, cur, implied in off:
            values += [
                Value(text(f"{cur.year}年所述同比增长", f"{cur.year}: stated growth"), cur.yoy, "%", series.source),
                Value(
                    text(f"{cur.year}年按数值计算的增长", f"{cur.year}: growth from the levels"), round(implied, 2), "%"
                ),
            ]
            lines.append(
                Say(
                    "computation.yoy.year",
                    {
                        "year": cur.year,
                        "cur": Fig(cur.value),
                        "prev": Fig(prev.value),
                        "implied": Fig(round(implied, 2), "%"),
                        "stated": Fig(cur.yoy or 0, "%"),
                    },
                )
            )
        worst = max(off, key=lambda o: abs((o[1].yoy or 0) - o[2]))
        diff = round((worst[1].yoy or 0) - worst[2], 2)
        why = Say("why.yoy", {"years": len(off), "all": len(series.points) - 1, "tolerance": Fig(YOY_TOLERANCE, "pp")})
        yield Finding(
            f"yoy-{series.id}",
            "yoy",
            series.name,
            values,
            Say("computation.yoy", {"lines": Listed(lines, ";")}),
            diff,
            "pp",
            "notable",
            [series],
            series.source.ref,
            why,
        )
