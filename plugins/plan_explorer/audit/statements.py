"""The plan against itself across places: a fact stated twice, a stated share against the figures it is a share
of, and a target stated in the text against the same quantity in a table."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import records as m
from ..model.plan import Plan
from ..numfmt import SHARE_DECIMALS, Figure, rounded
from .facts import alternatives, qualifier_of, repeated_id, statement_value
from .findings import Fig, Finding, Listed, Say, Value, decimals, half_unit, label, severity_of
from .labels import describe, unit_of
from .wording import allowed, outside, read_as

#: what a statement marked ``classified`` rests on
IDENTIFIED = label("classified.identified")
STATED = label("stated")
#: how a target's comparison reads its figure
QUALIFIER = {"at_least": "at_least", "at_most": "at_most", "about": "about", "exactly": None}


def _source(plan: Plan, path: str) -> m.Source | None:
    """Where the plan prints the figure at ``path``: its record's table and row."""
    collection, ident, *_ = path.split("/")
    source = getattr(plan.index.get(collection, {}).get(ident), "source", None)
    return source if isinstance(source, m.Source) else None


def _records(plan: Plan, *paths: str | None) -> list[Any]:
    found = []
    for path in paths:
        if path:
            collection, ident, *_ = path.split("/")
            found.append(plan.index[collection][ident])
    return found


# --- a fact stated more than once ----------------------------------------------------------------------------


def _disagreement(values: list[tuple[float, str | None]]) -> tuple[float, str | None] | None:
    """How far the statements ``(value, qualifier)`` disagree, and the severity; None when they agree. Plain
    figures must be equal (up to rounding); an approximate or bounded one must allow every plain one."""
    exact = [v for v, q in values if q is None]
    worst = 0.0
    if len(exact) >= 2 and max(exact) - min(exact) > 1e-9:
        coarse = min(decimals(v) for v in exact)
        spread = max(exact) - min(exact)
        if len({rounded(v, coarse) for v in exact}) == 1:
            return spread, "rounding"
        return spread, severity_of(spread, 0, 0.05 * max(exact)) or "notable"
    for value, qualifier in values:
        if qualifier is not None:
            worst = max([worst, *(abs(outside(e, allowed(value, qualifier))) for e in exact)])
    if worst > 1e-9:
        top = max(v for v, _ in values)
        return worst, "notable" if worst <= 0.05 * top else "contradiction"
    return None


def repeated_findings(plan: Plan) -> Iterator[Finding]:
    statements = plan.file(m.StatementsFile)
    for fact in statements.facts if statements else []:
        stated = [(st, statement_value(plan, st)) for st in fact.statements]
        known = [(v, qualifier_of(plan, st)) for st, v in stated if v is not None]
        found = _disagreement(known)
        if found is None:
            continue
        spread, severity = found
        values = [
            Value(describe(plan, st.path) if st.path else STATED, value, fact.unit, st.source, st.quote)
            for st, value in stated
        ]
        figures = [Fig(v, fact.unit) for v in dict.fromkeys(v for v, _ in known)]  # each distinct value once
        entities = _records(plan, *(st.path for st in fact.statements))
        finding = Finding(
            repeated_id(fact),
            "repeated",
            fact.label,
            values,
            Say("computation.repeated", {"values": Listed(figures, " ≠ ")}),
            spread,
            fact.unit,
            severity or "notable",
            entities,
            fact.statements[0].source.ref,
            Say("why.repeated", {"count": len({v for v, _ in known})}),
        )
        qualified = [(read_as(v, q, fact.unit)) for v, q in known if q is not None]
        finding.tolerance = next((q for q in qualified if q is not None), None)
        own_words = [(v, qualifier_of(plan, st)) for st, v in stated if v is not None and not st.classified]
        if len(own_words) < len(known) and _disagreement(own_words) is None:
            finding.rests_on(IDENTIFIED)
        yield finding


# --- shares ------------------------------------------------------------------------------------------------


def share_findings(plan: Plan) -> Iterator[Finding]:
    statements = plan.file(m.StatementsFile)
    for share in statements.shares if statements else []:
        stated = statement_value(plan, share.stated)
        num, den = plan.resolve(share.numerator), plan.resolve(share.denominator)
        if stated is None or num is None or not den:
            continue
        qualifier = qualifier_of(plan, share.stated)
        bounds = allowed(stated, qualifier)
        computed = num / den * 100
        gap = outside(computed, bounds)
        if gap == 0:
            continue
        diff = stated - computed
        # outside what the wording allows is never rounding; an approximate wording stretched is worth a look
        severity = (severity_of(diff, 0, 3.0) or "notable") if qualifier is None else "notable"
        places = max(SHARE_DECIMALS + 1, decimals(stated) + 1)
        num_unit, den_unit = unit_of(plan, share.numerator), unit_of(plan, share.denominator)
        where = plan.source(share.stated.source.ref).label
        values = [
            Value(label("stated_share"), stated, "%", share.stated.source, share.stated.quote),
            Value(describe(plan, share.numerator), num, num_unit, _source(plan, share.numerator)),
            Value(describe(plan, share.denominator), den, den_unit, _source(plan, share.denominator)),
            Value(label("computed_share"), computed, "%", decimals=places),
        ]
        computation = Say(
            "computation.share",
            {
                "num": Fig(num, num_unit),
                "den": Fig(den, den_unit),
                "computed": Fig(computed, "%", decimals=places),
                "stated": Fig(stated, "%"),
                "difference": Fig(diff, "pp", signed=True, decimals=places),
            },
        )
        why = Say(
            "why.share",
            {
                "num": describe(plan, share.numerator),
                "den": describe(plan, share.denominator),
                "computed": Fig(computed, "%", decimals=places),
                "stated": Fig(stated, "%"),
                "where": where,
            },
        )
        finding = Finding(
            f"share-{share.id}",
            "share",
            share.label,
            values,
            computation,
            diff,
            "pp",
            severity,
            _records(plan, share.stated.path, share.numerator, share.denominator),
            share.stated.source.ref,
            why,
            tolerance=read_as(stated, qualifier, "%"),
        )
        knock_on = _share_knock_on(plan, share, num, den, bounds)
        if knock_on is not None:
            finding.follows, other, recomputed = knock_on
            finding.why = Say(
                "why.knock_on",
                {"other": other, "computed": Fig(recomputed, "%", decimals=places), "stated": Fig(stated, "%")},
            )
        if share.stated.classified:
            finding.rests_on(IDENTIFIED)
        yield finding


def _share_knock_on(
    plan: Plan, share: m.Share, num: float, den: float, bounds: tuple[float, float]
) -> tuple[str, Figure, float] | None:
    """The fact finding this share follows from, the other value the plan states for its numerator or
    denominator, and the share with it — when with it the stated share holds."""
    for path, other_num in ((share.numerator, True), (share.denominator, False)):
        for value, cause in alternatives(plan, path):
            n, d = (value, den) if other_num else (num, value)
            if d and outside(n / d * 100, bounds) == 0:
                return cause, Fig(value, unit_of(plan, path)), n / d * 100
    return None


# --- a target in the text against the same quantity in a table ---------------------------------------------------


def fact_of(plan: Plan, target: m.Target) -> m.Fact | None:
    """The fact of statements.yaml that already sets this target's statement beside its table figure, if any (the
    fact's finding then speaks for the target)."""
    statements = plan.file(m.StatementsFile)
    for fact in statements.facts if statements else []:
        at_table = any(st.path == target.same_as for st in fact.statements)
        here = any(
            st.source.ref == target.source.ref and statement_value(plan, st) in target.values for st in fact.statements
        )
        if at_table and here:
            return fact
    return None


def target_finding_ids(plan: Plan, target: m.Target) -> set[str]:
    """The ids a finding about this target's figure may have: its own, or that of the fact that covers it."""
    fact = fact_of(plan, target) if target.same_as else None
    return {f"prose-{target.id}", *([repeated_id(fact)] if fact else [])}


def prose_findings(plan: Plan) -> Iterator[Finding]:
    """A target the text states (``以上``, ``左右``, a range …) against the table figure of the same quantity."""
    for target in plan.all(m.Target):
        if target.same_as is None or fact_of(plan, target) is not None:
            continue
        table = plan.resolve(target.same_as)
        if table is None:
            continue
        if target.value is not None:
            bounds = allowed(target.value, QUALIFIER[target.comparison])
            stated = target.value
        else:
            low, high = target.value_min or 0, target.value_max or 0
            bounds = (low - half_unit(low), high + half_unit(high))
            stated = high if table > high else low
        gap = outside(table, bounds)
        if gap == 0:
            continue
        unit = target.unit.zh
        severity = severity_of(gap, half_unit(stated), 0.05 * abs(stated)) or "notable"
        table_record = _records(plan, target.same_as)
        values = [
            Value(STATED, stated, unit, target.source, target.quote),
            Value(describe(plan, target.same_as), table, unit, getattr(table_record[0], "source", None)),
        ]
        computation = Say(
            f"computation.prose.{target.comparison}",
            {"prose": Fig(stated, unit), "table": Fig(table, unit), "difference": Fig(table - stated, unit, True)},
        )
        why = Say("why.prose", {"prose": Fig(stated, unit), "table": Fig(table, unit)})
        entities = [e for e in [*_records(plan, target.entity if "/" in target.entity else None), *table_record] if e]
        yield Finding(
            f"prose-{target.id}",
            "prose",
            target.name,
            values,
            computation,
            table - stated,
            unit,
            severity,
            entities,
            target.source.ref,
            why,
            tolerance=read_as(stated, QUALIFIER[target.comparison], unit),
        )
