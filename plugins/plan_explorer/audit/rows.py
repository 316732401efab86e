"""A figure the plan states about a whole against the rows of its tables: a city-wide figure against the records that
make it up, a count of things reaching a threshold ("N个百亿…") against the rows that reach it, and value added
against the gross output of the same category."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import records as m
from ..model.plan import Plan
from ..numfmt import precision
from .facts import qualifier_of, statement_value
from .findings import Fig, Finding, Listed, Say, Skip, Value, label, severity_of
from .statements import IDENTIFIED
from .wording import allowed, outside, read_as


def _selected(plan: Plan, collection: str, where: dict[str, str]) -> list[Any]:
    """The records of ``collection`` whose fields equal ``where`` (``kind: township``)."""
    records = list(plan.index.get(collection, {}).values())
    return [r for r in records if all(str(getattr(r, k, None)) == v for k, v in where.items())]


def _figure(plan: Plan, collection: str, record: Any, field: str) -> float | None:
    try:
        return plan.resolve(f"{collection}/{record.id}/{field}")
    except (KeyError, ValueError, StopIteration):
        return None


def record_sum_findings(plan: Plan) -> Iterator[Finding | Skip]:
    """A figure for a whole (statements.yaml ``record_sums``) against the sum (or count) of the records that make
    it up, as the figure's wording allows (以上, 约 …)."""
    statements = plan.file(m.StatementsFile)
    for item in statements.record_sums if statements else []:
        stated = statement_value(plan, item.total)
        records = _selected(plan, item.collection, item.where)
        where = item.total.source.ref
        if stated is None or not records:
            yield Skip("record_sum", item.label, Say("skip.no_parts"), where)
            continue
        if item.field == "count":
            parts = [(r, 1.0) for r in records]
        else:
            figures = [(r, _figure(plan, item.collection, r, item.field)) for r in records]
            if any(v is None for _, v in figures):
                yield Skip("record_sum", item.label, Say("skip.blank_cell"), where)
                continue
            parts = [(r, v) for r, v in figures if v is not None]
        summed = sum(v for _, v in parts)
        qualifier = qualifier_of(plan, item.total)
        gap = outside(summed, allowed(stated, qualifier))
        if gap == 0:
            continue
        places = precision(*(v for _, v in parts))
        values = [Value(label("stated_whole"), stated, item.unit, item.total.source, item.total.quote)]
        if item.field != "count":
            values += [Value(r.name, v, item.unit, getattr(r, "source", None)) for r, v in parts]
        values.append(Value(label("sum_of_records", count=len(parts)), summed, item.unit, decimals=places))
        shown = (
            Listed([Fig(v, item.unit) for _, v in parts])
            if item.field != "count"
            else Listed([r.name for r, _ in parts], ",")
        )
        computation = Say(
            f"computation.record_sum.{'count' if item.field == 'count' else 'sum'}",
            {"parts": shown, "sum": Fig(summed, item.unit, decimals=places), "stated": Fig(stated, item.unit)},
        )
        yield Finding(
            f"record-sum-{item.id}",
            "record_sum",
            item.label,
            values,
            computation,
            summed - stated,
            item.unit,
            severity_of(gap, 0, 0.05 * abs(stated)) or "notable",
            [r for r, _ in parts],
            where,
            Say("why.record_sum", {"sum": Fig(summed, item.unit, decimals=places), "stated": Fig(stated, item.unit)}),
            tolerance=read_as(stated, qualifier, item.unit),
        )


def count_findings(plan: Plan) -> Iterator[Finding | Skip]:
    """A count of things reaching a threshold (statements.yaml ``counts``: "N个百亿乡镇") against the rows of the
    table that reach it; the rows of the table outside the count's kind that reach it too are named beside."""
    statements = plan.file(m.StatementsFile)
    for item in statements.counts if statements else []:
        stated = statement_value(plan, item.stated)
        rows = _selected(plan, item.collection, item.where)
        where = item.stated.source.ref
        if stated is None or not rows:
            yield Skip("count", item.label, Say("skip.no_parts"), where)
            continue
        figures = [(r, _figure(plan, item.collection, r, item.field)) for r in rows]
        blank = [r for r, v in figures if v is None]
        if blank:
            yield Skip("count", item.label, Say("skip.blank_cell"), where)
            continue
        reaching = [(r, v) for r, v in figures if v is not None and v >= item.at_least]
        qualifier = qualifier_of(plan, item.stated)
        gap = outside(len(reaching), allowed(stated, qualifier))
        if gap == 0:
            continue
        chosen = {id(r) for r in rows}
        others = [
            (r, v)
            for r in plan.index.get(item.collection, {}).values()
            if id(r) not in chosen
            and (v := _figure(plan, item.collection, r, item.field)) is not None
            and v >= item.at_least
            and getattr(r, "kind", None) != "total"
        ]
        values = [Value(label("stated_count"), stated, "", item.stated.source, item.stated.quote)]
        values += [Value(r.name, v, item.unit, getattr(r, "source", None)) for r, v in reaching]
        values += [Value(label("other_row", name=r.name), v, item.unit, getattr(r, "source", None)) for r, v in others]
        computation = Say(
            "computation.count",
            {
                "threshold": Fig(item.at_least, item.unit),
                "rows": Listed([r.name for r, _ in reaching], ",") if reaching else "—",
                "count": len(reaching),
                "stated": Fig(stated),
            },
        )
        why = Say(
            "why.count_others" if others else "why.count",
            {
                "count": len(reaching),
                "stated": Fig(stated),
                "threshold": Fig(item.at_least, item.unit),
                "others": Listed([r.name for r, _ in others], ","),
            },
        )
        yield Finding(
            f"count-{item.id}",
            "count",
            item.label,
            values,
            computation,
            len(reaching) - stated,
            "",
            "notable" if others and len(reaching) + len(others) >= stated else "contradiction",
            [r for r, _ in reaching] + [r for r, _ in others],
            where,
            why,
            tolerance=read_as(stated, qualifier, ""),
        )


def value_added_findings(plan: Plan) -> Iterator[Finding | Skip]:
    """Value added against gross output of the same category (statements.yaml ``value_added``): value added is the
    output less what it used up, so it is below the output; equal or above, one of the two is wrong (or the two
    are not one category)."""
    statements = plan.file(m.StatementsFile)
    for item in statements.value_added if statements else []:
        va, out = statement_value(plan, item.value_added), statement_value(plan, item.output)
        if va is None or out is None or out <= 0:
            yield Skip("value_added", item.label, Say("skip.blank_figure"), item.value_added.source.ref)
            continue
        if va < out:
            continue
        ratio = va / out * 100
        unit = item.unit
        values = [
            Value(label("value_added"), va, unit, item.value_added.source, item.value_added.quote),
            Value(label("gross_output"), out, unit, item.output.source, item.output.quote),
            Value(label("value_added_rate"), ratio, "%", decimals=1),
        ]
        computation = Say(
            "computation.value_added",
            {"va": Fig(va, unit), "out": Fig(out, unit), "ratio": Fig(ratio, "%", decimals=1)},
        )
        finding = Finding(
            f"value-added-{item.id}",
            "value_added",
            item.label,
            values,
            computation,
            va - out,
            unit,
            "contradiction",
            [],
            item.value_added.source.ref,
            Say("why.value_added", {"va": Fig(va, unit), "out": Fig(out, unit)}),
        )
        if item.value_added.classified or item.output.classified:
            finding.rests_on(IDENTIFIED)
        yield finding
