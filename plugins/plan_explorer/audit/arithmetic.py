"""The plan's arithmetic within its tables: totals and their rows, stated growth against the levels it connects
(average annual growth and year-on-year rates), and sums of targets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import records as m
from ..model.plan import Plan
from ..numfmt import GROWTH_DECIMALS, implied_growth
from .facts import alternatives
from .findings import Fig, Finding, Listed, Say, Skip, Value, decimals, half_unit, label, rounds_to, severity_of
from .labels import describe, unit_of

#: year-on-year rates that differ from the levels by no more than this many points are not reported: official
#: rates are computed at comparable prices and on the same set of enterprises, the levels at current prices
YOY_TOLERANCE = 5.0
#: a township table's rows are added by this site's classification of them (the table itself does not say)
TOWNSHIP_CLASSES = label("classified.township_rows")


# --- totals ------------------------------------------------------------------------------------------------


def _sum_finding(
    ident: str,
    rule: str,
    subject: m.Text | Say,
    total: Value,
    parts: list[Value],
    entities: list[Any],
    where: str | None,
) -> Finding | Skip | None:
    """A total against the sum of its parts. Rounding explains the gap only when it is within half a unit of the
    last printed digit of each part and of the total (n rows: n + 1 half units)."""
    known = [p.value for p in parts if p.value is not None]
    if total.value is None:
        return Skip(rule, subject, Say("skip.blank_total"), where)
    if not known:
        return Skip(rule, subject, Say("skip.no_parts"), where)
    computed = sum(known)
    diff = total.value - computed
    unit = total.unit
    places = max(decimals(v) for v in [*known, total.value])
    tolerance = sum(half_unit(v) for v in [*known, total.value])
    severity = severity_of(diff, tolerance, 0.02 * total.value)
    if severity is None:
        return None
    computation = Say(
        "computation.sum",
        {
            "parts": [Fig(v, unit) for v in known],
            "sum": Fig(computed, unit, decimals=places),
            "stated": Fig(total.value, unit),
        },
    )
    values = [total, *parts, Value(label("sum_of_rows"), computed, unit, decimals=places)]
    why = Say(f"why.{rule}", {"sum": Fig(computed, unit, decimals=places), "total": Fig(total.value, unit)})
    return Finding(ident, rule, subject, values, computation, diff, unit, severity, entities, where, why)


def total_findings(plan: Plan) -> Iterator[Finding | Skip]:
    """Each table's own total row against the sum of its rows; each stated sum of targets against its parts."""
    for group in plan.all(m.IndustryGroup):
        rows = plan.referring(m.Industry, "group", group.id)
        for year, total in sorted(group.total.items()):
            parts = [Value(i.name, i.output.get(year), "亿元", i.source) for i in rows]
            subject = label("subject.group_total", name=group.name, year=year)
            if not rows:
                yield Skip("totals", subject, Say("skip.no_parts"), group.source.ref)
                continue
            f = _sum_finding(
                f"totals-{group.id}-{year}",
                "totals",
                subject,
                Value(label("total_row"), total, "亿元", group.source),
                parts,
                [group, *rows],
                group.source.ref,
            )
            if f:
                yield f
    yield from township_findings(plan)
    statements = plan.file(m.StatementsFile)
    for spec in statements.sums if statements else []:
        unit = unit_of(plan, spec.total)
        stated = Value(label("total"), plan.resolve(spec.total), unit, _source(plan, spec.total))
        parts = [Value(describe(plan, p), plan.resolve(p), unit, _source(plan, p)) for p in spec.parts]
        where = _source_of(plan, spec.total)
        f = _sum_finding(f"sum-{spec.id}", "sum", spec.label, stated, parts, [], where)
        if f:
            yield f


def _source(plan: Plan, path: str) -> m.Source | None:
    """Where the plan prints the figure at ``path``: its record's table and row."""
    collection, ident, *_ = path.split("/")
    record = plan.index.get(collection, {}).get(ident)
    source = getattr(record, "source", None)
    return source if isinstance(source, m.Source) else None


def _source_of(plan: Plan, path: str) -> str | None:
    source = _source(plan, path)
    return source.ref if source else None


def township_findings(plan: Plan) -> Iterator[Finding | Skip]:
    """The township table's total row against its townships, enterprise and power rows (not the zones, which
    overlap the townships) — and, once for the table, what adding the zones too would give. Both rest on the
    rows' classification."""
    rows = plan.all(m.Township)
    totals = [t for t in rows if t.kind == "total"]
    if not rows:
        return
    if not totals:
        table = plan.source(rows[0].source.ref).label
        yield Skip("totals", table, Say("skip.no_total_row"), rows[0].source.ref)
        return
    total_row = totals[0]
    table = plan.source(total_row.source.ref).label
    additive = [t for t in rows if t.kind in ("township", "enterprise", "utility")]
    zones = [t for t in rows if t.kind == "zone"]
    where = total_row.source.ref
    overlaps: list[tuple[int, float, float]] = []
    for year, total in sorted(total_row.output.items()):
        parts = [Value(t.name, t.output.get(year), "亿元", t.source) for t in additive]
        subject = label("subject.table_row_year", table=table, name=total_row.name, year=year)
        stated = Value(total_row.name, total, "亿元", total_row.source)
        f = _sum_finding(f"totals-townships-{year}", "totals", subject, stated, parts, [total_row], where)
        if isinstance(f, Finding):
            yield f.rests_on(TOWNSHIP_CLASSES)
        elif f is not None:
            yield f
        with_zones = [v for v in (t.output.get(year) for t in [*additive, *zones]) if v is not None]
        if zones and total is not None and sum(with_zones) > total + sum(half_unit(v) for v in with_zones):
            overlaps.append((year, total, sum(with_zones)))
    if overlaps:
        yield _overlap_finding(table, total_row, zones, overlaps, where)


def _overlap_finding(
    table: m.Text, total_row: m.Township, zones: list[m.Township], years: list[tuple[int, float, float]], where: str
) -> Finding:
    """One caution for the whole table: its zone rows overlap the townships (shown once, with every year)."""
    values: list[Value] = []
    lines: list[Say] = []
    for year, total, summed in years:
        values += [
            Value(label("total_in_year", year=year), total, "亿元", total_row.source),
            Value(label("rows_with_zones_in_year", year=year), summed, "亿元", decimals=1),
        ]
        lines.append(
            Say(
                "computation.overlap.year",
                {"year": year, "sum": Fig(summed, "亿元", decimals=1), "total": Fig(total, "亿元")},
            )
        )
    values += [Value(z.name, None, "", z.source) for z in zones]
    year, total, summed = years[-1]
    finding = Finding(
        "overlap-townships",
        "overlap",
        label("subject.overlap", table=table),
        values,
        Say("computation.overlap", {"lines": Listed(lines, ";")}),
        total - summed,
        "亿元",
        "notable",
        [total_row, *zones],
        where,
        Say("why.overlap", {"sum": Fig(summed, "亿元", decimals=1), "total": Fig(total, "亿元")}),
    )
    return finding.rests_on(TOWNSHIP_CLASSES)


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
    if rounds_to(implied, stated):  # the stated rate is the implied one as the plan prints it
        return None
    severity = severity_of(diff, 0, 3.0)
    if severity is None:
        return None
    unit = record.unit.zh if isinstance(getattr(record, "unit", None), m.Text) else "亿元"
    source = record.source
    places = GROWTH_DECIMALS
    computation = Say(
        "computation.growth",
        {
            "end": Fig(end, unit),
            "start": Fig(start, unit),
            "years": years,
            "implied": Fig(implied, "%", decimals=places),
            "stated": Fig(stated, "%"),
            "difference": Fig(diff, "pp", signed=True, decimals=places),
        },
    )
    values = [
        Value(label("baseline_year", year=first), start, unit, source),
        Value(label("year", year=last), end, unit, source),
        Value(label("stated_growth"), stated, "%", source),
        Value(label("implied_growth"), implied, "%", decimals=places),
    ]
    why = Say(
        "why.growth",
        {
            "start": Fig(start, unit),
            "end": Fig(end, unit),
            "first": first,
            "last": last,
            "implied": Fig(implied, "%", decimals=places),
            "stated": Fig(stated, "%"),
        },
    )
    finding = Finding(
        f"growth-{ident}",
        "growth",
        record.name,
        values,
        computation,
        diff,
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
            {"other": Fig(other, unit), "computed": Fig(recomputed, "%", decimals=places), "stated": Fig(stated, "%")},
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
            if implied is not None and rounds_to(implied, stated):
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
        if any(p.yoy is not None for p in series.points):
            continue  # levels at current prices, rates at comparable ones: the yearly rates speak (rates.py)
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
            implied = implied_growth(prev.value, cur.value, 1) or 0.0
            if abs(cur.yoy - implied) > YOY_TOLERANCE + half_unit(cur.yoy):
                off.append((prev, cur, implied))
        if not off:
            continue
        levels = {p.year: p for prev, cur, _ in off for p in (prev, cur)}
        values = [Value(label("year", year=year), levels[year].value, unit, series.source) for year in sorted(levels)]
        lines: list[Say] = []
        for prev, cur, implied in off:
            values += [
                Value(label("stated_yoy", year=cur.year), cur.yoy, "%", series.source),
                Value(label("implied_yoy", year=cur.year), implied, "%", decimals=GROWTH_DECIMALS),
            ]
            lines.append(
                Say(
                    "computation.yoy.year",
                    {
                        "year": cur.year,
                        "cur": Fig(cur.value, unit),
                        "prev": Fig(prev.value, unit),
                        "implied": Fig(implied, "%", decimals=GROWTH_DECIMALS),
                        "stated": Fig(cur.yoy or 0, "%"),
                    },
                )
            )
        worst = max(off, key=lambda o: abs((o[1].yoy or 0) - o[2]))
        diff = (worst[1].yoy or 0) - worst[2]
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
