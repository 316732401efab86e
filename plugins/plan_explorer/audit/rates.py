"""Rates against what they summarise or imply: a stated average annual rate against the yearly rates of the same
table, the figures of one sentence (a level reached at a rate from a base), a multiplicative target ("提高…N倍",
"翻番") against the plan's levels, and a total's growth compared like for like (a base that leaves out a row the
target includes)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ..model import records as m
from ..model.plan import Plan
from ..numfmt import GROWTH_DECIMALS, decimals_of, implied_growth, precision, rounded
from .facts import qualifier_of, statement_value
from .findings import Fig, Finding, Listed, Say, Skip, Value, half_unit, label, rounds_to, severity_of
from .labels import describe, unit_en_of, unit_of
from .statements import IDENTIFIED
from .wording import allowed, outside, read_as

# --- a stated average against the yearly rates it summarises -----------------------------------------------------


def compounded_mean(rates: list[float]) -> float | None:
    """The average annual rate (%) the yearly rates ``rates`` (%) compound to (None past a fall of 100 %)."""
    product = math.prod(1 + r / 100 for r in rates)
    return float((product ** (1 / len(rates)) - 1) * 100) if product > 0 else None


def _factor(rate: float) -> Say:
    """``(1 + 7%)``, ``(1 − 3.4%)``: one year's growth factor."""
    return Say("computation.average.factor", {"sign": "−" if rate < 0 else "+", "rate": Fig(abs(rate), "%")})


def average_findings(plan: Plan) -> Iterator[Finding | Skip]:
    """Each series' stated average annual growth against its stated yearly rates: an average of yearly rates cannot
    lie outside their range (a contradiction), and should be their compounded mean as printed (else notable).
    Rates and average are both the table's own (comparable prices), so no level at current prices is needed."""
    for series in plan.all(m.Series):
        stated = series.growth_stated
        points = sorted(series.points, key=lambda p: p.year)
        given = [p for p in points if p.yoy is not None]
        if stated is None or not given:
            continue
        if any(p.yoy is None for p in points[1:]):  # a blank rate inside the years the average covers
            yield Skip("average", series.name, Say("skip.blank_rate"), series.source.ref)
            continue
        rates = [p.yoy for p in given if p.yoy is not None]
        mean = compounded_mean(rates)
        if mean is None:
            yield Skip("average", series.name, Say("skip.blank_rate"), series.source.ref)
            continue
        if rounds_to(mean, stated):
            continue
        low, high = min(rates), max(rates)
        # a table prints its rates to one precision (7.0 is read as 7, so take the finest of them)
        slack = half_unit(stated) + 0.5 * 10.0 ** -precision(*rates)
        beyond = outside(stated, (low - slack, high + slack))
        severity = "contradiction" if beyond else "notable"  # inside the range: another period or basis, perhaps
        unit = "%"
        values = [Value(label("stated_yoy", year=p.year), p.yoy, unit, series.source) for p in given]
        values += [
            Value(label("stated_average"), stated, unit, series.source),
            Value(label("compounded_mean"), mean, unit, decimals=GROWTH_DECIMALS),
        ]
        computation = Say(
            "computation.average",
            {
                "rates": Listed([_factor(r) for r in rates], " × "),
                "years": len(rates),
                "mean": Fig(mean, unit, decimals=GROWTH_DECIMALS),
                "low": Fig(low, unit),
                "high": Fig(high, unit),
                "stated": Fig(stated, unit),
            },
        )
        why = Say(
            "why.average_outside" if beyond else "why.average",
            {
                "stated": Fig(stated, unit),
                "low": Fig(low, unit),
                "high": Fig(high, unit),
                "mean": computation.args["mean"],
            },
        )
        yield Finding(
            f"average-{series.id}",
            "average",
            series.name,
            values,
            computation,
            stated - mean,
            "pp",
            severity,
            [series],
            series.source.ref,
            why,
        )


# --- the figures of one sentence ------------------------------------------------------------------------------------


def compound_findings(plan: Plan) -> Iterator[Finding | Skip]:
    """A level, the average rate and the base one sentence connects (statements.yaml ``compounds``): the level the
    base reaches at the rate (as the rate's wording allows) against the level stated (as its wording allows)."""
    statements = plan.file(m.StatementsFile)
    for item in statements.compounds if statements else []:
        base, rate, level = (statement_value(plan, st) for st in (item.base, item.rate, item.level))
        if base is None or rate is None or level is None or base <= 0:
            yield Skip("compound", item.label, Say("skip.blank_figure"), item.level.source.ref)
            continue
        q_rate, q_level = qualifier_of(plan, item.rate), qualifier_of(plan, item.level)
        r_low, r_high = allowed(rate, q_rate)
        reach = (base * (1 + r_low / 100) ** item.years, base * (1 + r_high / 100) ** item.years)
        want = allowed(level, q_level)
        if reach[1] >= want[0] - 1e-9 and reach[0] <= want[1] + 1e-9:
            continue  # some rate the wording allows takes the base to some level the wording allows
        reached = base * (1 + rate / 100) ** item.years
        needed = implied_growth(base, level, item.years) or 0.0
        places = precision(base, level)
        unit = item.unit
        gap = level - reached
        values = [
            Value(label("base"), base, unit, item.base.source, item.base.quote),
            Value(label("stated_rate"), rate, "%", item.rate.source, item.rate.quote),
            Value(label("stated_level"), level, unit, item.level.source, item.level.quote),
            Value(label("level_at_rate"), reached, unit, decimals=places),
            Value(label("rate_for_level"), needed, "%", decimals=GROWTH_DECIMALS),
        ]
        computation = Say(
            "computation.compound",
            {
                "base": Fig(base, unit),
                "rate": Fig(rate, "%"),
                "years": item.years,
                "reached": Fig(reached, unit, decimals=places),
                "level": Fig(level, unit),
                "needed": Fig(needed, "%", decimals=GROWTH_DECIMALS),
            },
        )
        why = Say("why.compound", {"reached": computation.args["reached"], "level": Fig(level, unit)})
        finding = Finding(
            f"compound-{item.id}",
            "compound",
            item.label,
            values,
            computation,
            gap,
            unit,
            severity_of(gap, 0, 0.05 * level) or "notable",
            [],
            item.level.source.ref,
            why,
            tolerance=read_as(rate, q_rate, "%") or read_as(level, q_level, unit),
        )
        yield finding


# --- multiplicative targets -----------------------------------------------------------------------------------------

#: how the plan's words set a factor: 翻番 doubles, 翻两番 quadruples; 提高到N倍 is N times the base, 提高N倍 is read
#: strictly as the base plus N times it (N + 1 times), and in the common loose sense as N times
DOUBLINGS = {"翻两番": 4.0, "翻一番": 2.0, "翻番": 2.0}
TO_TIMES = re.compile(r"(?:到|至|为)\s*([\d.]+)\s*倍")
BY_TIMES = re.compile(r"([\d.]+)\s*倍")


def factors(quote: str, value: float | None) -> tuple[float, float] | None:
    """The factors (strict, loose) the plan's words state: equal unless the wording is "提高N倍"."""
    for word, factor in DOUBLINGS.items():
        if word in quote:
            return factor, factor
    to = TO_TIMES.search(quote)
    if to:
        return float(to.group(1)), float(to.group(1))
    match = BY_TIMES.search(quote)
    n = float(match.group(1)) if match else value
    return (n + 1, n) if n is not None else None


def _holds(required: float, level: float, qualifier: str | None) -> bool:
    """Does the stated ``level`` meet ``required`` as printed (``required`` rounded to the level's precision)?"""
    shown = float(rounded(required, decimals_of(level)))
    if qualifier in ("at_least", None):
        return level >= shown if qualifier else shown == level
    if qualifier == "at_most":
        return level <= shown
    return outside(required, allowed(level, "about")) == 0


def multiple_findings(plan: Plan) -> Iterator[Finding | Skip]:
    """A factor the plan states ("提高…2倍以上", "翻番") against the ratio of the two levels it gives."""
    statements = plan.file(m.StatementsFile)
    for item in statements.multiples if statements else []:
        base, level = plan.resolve(item.base), plan.resolve(item.level)
        read = factors(item.stated.quote or "", statement_value(plan, item.stated))
        if base is None or level is None or not base or read is None:
            yield Skip("multiple", item.label, Say("skip.blank_figure"), item.stated.source.ref)
            continue
        strict, loose = read
        qualifier = "at_least" if qualifier_of(plan, item.stated) == "at_least" else None
        if _holds(base * strict, level, qualifier or "about"):
            continue
        both = strict == loose or not _holds(base * loose, level, qualifier or "about")
        unit, unit_en = unit_of(plan, item.level), unit_en_of(plan, item.level)
        ratio = level / base
        places = precision(base, level) + 1
        values = [
            Value(label("stated_factor"), None, "", item.stated.source, item.stated.quote),
            Value(describe(plan, item.base), base, unit, _source(plan, item.base), unit_en=unit_en),
            Value(describe(plan, item.level), level, unit, _source(plan, item.level), unit_en=unit_en),
            Value(label("ratio"), ratio, "倍", decimals=2),
        ]
        readings = [
            Say(
                "computation.multiple.reading",
                {"factor": Fig(f, "倍"), "needed": Fig(base * f, unit, decimals=places, unit_en=unit_en)},
            )
            for f in dict.fromkeys((strict, loose))
        ]
        computation = Say(
            "computation.multiple",
            {
                "level": Fig(level, unit, unit_en=unit_en),
                "base": Fig(base, unit, unit_en=unit_en),
                "ratio": Fig(ratio, "倍", decimals=2),
                "readings": Listed(readings, ";"),
            },
        )
        finding = Finding(
            f"multiple-{item.id}",
            "multiple",
            item.label,
            values,
            computation,
            level - base * loose,
            unit,
            "contradiction" if both else "notable",
            _records(plan, item.base, item.level),
            item.stated.source.ref,
            Say(
                "why.multiple" if both else "why.multiple_loose",
                {"ratio": computation.args["ratio"], "loose": Fig(loose, "倍"), "strict": Fig(strict, "倍")},
            ),
        )
        yield finding.rests_on(IDENTIFIED) if item.stated.classified else finding


def _source(plan: Plan, path: str) -> m.Source | None:
    collection, ident, *_ = path.split("/")
    source = getattr(plan.index.get(collection, {}).get(ident), "source", None)
    return source if isinstance(source, m.Source) else None


def _records(plan: Plan, *paths: str) -> list[object]:
    return [plan.index[p.split("/")[0]][p.split("/")[1]] for p in paths]


# --- a total's growth, like for like --------------------------------------------------------------------------------


def like_for_like_findings(plan: Plan) -> Iterator[Finding | Skip]:
    """A group total's growth from the base year to the target year when a row is in one end and not the other (a
    row with no base-year figure whose target the total includes): the total's growth mixes new rows with growth;
    shown beside the growth of the rows present at both ends."""
    first, last = plan.base_year, plan.target_year
    years = last - first
    for group in plan.all(m.IndustryGroup):
        start, end = group.total.get(first), group.total.get(last)
        rows = plan.referring(m.Industry, "group", group.id)
        if start is None or end is None or not rows:
            continue
        only_end = [r for r in rows if r.output.get(first) is None and r.output.get(last) is not None]
        only_start = [r for r in rows if r.output.get(first) is not None and r.output.get(last) is None]
        if not only_end and not only_start:
            continue
        added = sum(r.output.get(last) or 0 for r in only_end)
        dropped = sum(r.output.get(first) or 0 for r in only_start)
        if end - added <= 0 or start - dropped <= 0:  # the rows at one end only are all the total: no like for like
            yield Skip("like_for_like", group.name, Say("skip.no_parts"), group.source.ref)
            continue
        as_printed = implied_growth(start, end, years)
        like = implied_growth(start - dropped, end - added, years)
        if as_printed is None or like is None:
            continue
        unit = "亿元"
        values = [
            Value(label("total_in_year", year=first), start, unit, group.source),
            Value(label("total_in_year", year=last), end, unit, group.source),
            *(
                Value(label("row_without_base", name=r.name, year=first), r.output.get(last), unit, r.source)
                for r in only_end
            ),
            *(
                Value(label("row_without_target", name=r.name, year=last), r.output.get(first), unit, r.source)
                for r in only_start
            ),
            Value(label("growth_as_printed"), as_printed, "%", decimals=GROWTH_DECIMALS),
            Value(label("growth_like_for_like"), like, "%", decimals=GROWTH_DECIMALS),
        ]
        if group.growth_stated is not None:
            values.insert(2, Value(label("stated_growth"), group.growth_stated, "%", group.source))
        computation = Say(
            "computation.like_for_like" if dropped else "computation.like_for_like.added",
            {
                "end": Fig(end, unit),
                "added": Fig(added, unit),
                "start": Fig(start, unit),
                "dropped": Fig(dropped, unit),
                "years": years,
                "like": Fig(like, "%", decimals=GROWTH_DECIMALS),
                "printed": Fig(as_printed, "%", decimals=GROWTH_DECIMALS),
            },
        )
        names = Listed([r.name for r in [*only_end, *only_start]], ",")
        why = Say(
            "why.like_for_like",
            {"rows": names, "like": computation.args["like"], "printed": computation.args["printed"]},
        )
        yield Finding(
            f"like-for-like-{group.id}",
            "like_for_like",
            group.name,
            values,
            computation,
            as_printed - like,
            "pp",
            "notable",
            [group, *only_end, *only_start],
            group.source.ref,
            why,
        )
