"""The plan audit: general rules that check the plan's arithmetic on the loaded data.

Findings never change a figure; they show the values side by side with the computation.
Severity: ``rounding`` (explained by rounding), ``notable`` (worth a look), ``contradiction``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .model import records as m
from .model.plan import Plan
from .numfmt import implied_growth, plain

SEVERITIES = ("contradiction", "notable", "rounding")


@dataclass(frozen=True)
class Value:
    label: m.Text
    value: float | None
    source: m.Source | None = None
    quote: str | None = None  # the plan's own words, in Chinese


#: how a figure at ``<collection>/<id>/<field>/<year>`` is named: (zh, en) for the base year and for later years
FIELD_LABELS = {
    "value": (("{y}年", "{y}"), ("{y}年目标", "{y} target")),
    "output": (("{y}年产值", "output {y}"), ("{y}年产值目标", "output target {y}")),
    "total": (("{y}年合计", "total {y}"), ("{y}年合计", "total {y}")),
    "output_target": (("{y}年产值目标", "output target {y}"), ("{y}年产值目标", "output target {y}")),
}


def describe(plan: Plan, path: str) -> m.Text:
    """A reader's name for the figure at ``path``: the entity's name and which of its figures."""
    collection, ident, *rest = path.split("/")
    name = plan.index[collection][ident].name
    if len(rest) == 1 and rest[0].isdigit():  # a point of a series
        zh, en = f"{rest[0]}年", rest[0]
    elif len(rest) == 2 and rest[1].isdigit() and rest[0] in FIELD_LABELS:
        year = int(rest[1])
        (zh, en) = FIELD_LABELS[rest[0]][0 if year <= plan.base_year else 1]
        zh, en = zh.format(y=year), en.format(y=year)
    else:
        zh, en = (rest[0], rest[0].replace("_", " ")) if rest else ("", "")
    return _t(f"{name.zh}，{zh}", f"{name.en}, {en}")


@dataclass
class Finding:
    id: str
    rule: str  # totals | overlap | growth | repeated | share | sum | investment
    subject: m.Text
    values: list[Value]
    computation: str
    difference: float
    unit: str
    severity: str
    entities: list[Any] = field(default_factory=list)  # the records it involves


def _decimals(value: float) -> int:
    exp = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -int(exp))


def _severity(diff: float, rounding: float, notable: float) -> str | None:
    diff = abs(diff)
    if diff < 1e-9:
        return None
    if diff <= rounding + 1e-9:
        return "rounding"
    return "notable" if diff <= notable else "contradiction"


def _t(zh: str, en: str) -> m.Text:
    return m.Text(zh=zh, en=en)


def _growth_finding(
    ident: str,
    subject: m.Text,
    start: float | None,
    end: float | None,
    years: int,
    stated: float | None,
    source: m.Source,
    entity: Any,
) -> Finding | None:
    implied = implied_growth(start, end, years)
    if implied is None or stated is None or start is None or end is None:
        return None
    diff = stated - implied
    half_unit = 0.5 * 10 ** -_decimals(stated)
    severity = None if abs(diff) <= half_unit else _severity(diff, 1.0, 3.0)
    if severity is None:
        return None
    computation = (
        f"({plain(end)} / {plain(start)})^(1/{years}) − 1 = {implied:.2f}% ; "
        f"stated {plain(stated)}% ; difference {diff:+.2f} pp"
    )
    values = [
        Value(_t("基期值", "baseline"), start, source),
        Value(_t("目标值", "target"), end, source),
        Value(_t("所述年均增长（%）", "stated average growth (%)"), stated, source),
        Value(_t("按基期和目标计算的年均增长（%）", "growth implied by baseline and target (%)"), round(implied, 2)),
    ]
    return Finding(f"growth-{ident}", "growth", subject, values, computation, round(diff, 2), "pp", severity, [entity])


def growth_findings(plan: Plan) -> Iterator[Finding]:
    """Stated average growth of every indicator, industry, industry group and history series."""
    base, target, years = plan.base_year, plan.target_year, plan.years
    checks: list[tuple[str, Any, float | None, float | None, int]] = [
        *((f"indicator-{i.id}", i, i.value.get(base), i.value.get(target), years) for i in plan.all(m.Indicator)),
        *((f"industry-{i.id}", i, i.output.get(base), i.output.get(target), years) for i in plan.all(m.Industry)),
        *((f"group-{g.id}", g, g.total.get(base), g.total.get(target), years) for g in plan.all(m.IndustryGroup)),
        *(
            (f"history-{s.id}", s, s.points[0].value, s.points[-1].value, s.points[-1].year - s.points[0].year)
            for s in plan.all(m.Series)
        ),
    ]
    for ident, record, start, end, span in checks:
        finding = _growth_finding(ident, record.name, start, end, span, record.growth_stated, record.source, record)
        if finding:
            yield finding


def _sum_finding(
    ident: str, rule: str, subject: m.Text, total: Value, parts: list[Value], entities: list[Any]
) -> Finding | None:
    known = [p.value for p in parts if p.value is not None]
    if total.value is None or not known:
        return None
    computed = sum(known)
    diff = total.value - computed
    tolerance = 0.5 * 10 ** -max(_decimals(v) for v in [*known, total.value]) * len(known)
    severity = _severity(diff, tolerance, 0.02 * total.value)
    if severity is None:
        return None
    computation = " + ".join(plain(v) for v in known) + f" = {plain(round(computed, 6))} ; stated {plain(total.value)}"
    values = [total, *parts, Value(_t("各行之和", "sum of the rows"), round(computed, 6))]
    return Finding(ident, rule, subject, values, computation, round(diff, 6), "", severity, entities)


def total_findings(plan: Plan) -> Iterator[Finding]:
    for group in plan.all(m.IndustryGroup):
        rows = plan.referring(m.Industry, "group", group.id)
        for year, total in sorted(group.total.items()):
            parts = [Value(i.name, i.output.get(year), i.source) for i in rows]
            subject = _t(f"{group.name.zh}合计（{year}年）", f"{group.name.en}: total, {year}")
            f = _sum_finding(
                f"totals-{group.id}-{year}",
                "totals",
                subject,
                Value(_t("合计行", "total row"), total, group.source),
                parts,
                [group, *rows],
            )
            if f:
                yield f
    yield from township_findings(plan)
    statements = plan.file(m.StatementsFile)
    for spec in statements.sums if statements else []:
        stated = Value(_t("合计", "total"), plan.resolve(spec.total))
        parts = [Value(describe(plan, p), plan.resolve(p)) for p in spec.parts]
        f = _sum_finding(f"sum-{spec.id}", "sum", spec.label, stated, parts, [])
        if f:
            yield f


def township_findings(plan: Plan) -> Iterator[Finding]:
    rows = plan.all(m.Township)
    totals = [t for t in rows if t.kind == "total"]
    if not totals:
        return
    total_row = totals[0]
    table = plan.source(total_row.source.ref).label
    additive = [t for t in rows if t.kind in ("township", "enterprise", "utility")]
    zones = [t for t in rows if t.kind == "zone"]
    for year, total in sorted(total_row.output.items()):
        parts = [Value(t.name, t.output.get(year), t.source) for t in additive]
        subject = _t(f"{table.zh}{total_row.name.zh}（{year}年）", f"{table.en}: {total_row.name.en}, {year}")
        f = _sum_finding(
            f"totals-townships-{year}",
            "totals",
            subject,
            Value(total_row.name, total, total_row.source),
            parts,
            [total_row],
        )
        if f:
            yield f
        if zones:
            with_zones = parts + [Value(z.name, z.output.get(year), z.source) for z in zones]
            f = _sum_finding(
                f"overlap-townships-{year}",
                "overlap",
                _t(f"{table.zh}含园区行之和（{year}年）", f"{table.en} rows including the zones, {year}"),
                Value(total_row.name, total, total_row.source),
                with_zones,
                [total_row, *zones],
            )
            if f:
                f.severity = "notable"
                yield f


def _statement_value(plan: Plan, st: m.Statement) -> float | None:
    return plan.resolve(st.path) if st.path else st.value


def _entity_of(plan: Plan, path: str | None) -> list[Any]:
    if not path:
        return []
    collection, ident, *_ = path.split("/")
    return [plan.index[collection][ident]]


def repeated_findings(plan: Plan) -> Iterator[Finding]:
    statements = plan.file(m.StatementsFile)
    for fact in statements.facts if statements else []:
        values = [
            Value(
                describe(plan, st.path) if st.path else _t("文中所述", "stated in the text"),
                _statement_value(plan, st),
                st.source,
                st.quote,
            )
            for st in fact.statements
        ]
        known = [v.value for v in values if v.value is not None]
        if len(known) < 2 or max(known) - min(known) < 1e-9:
            continue
        coarse = min(_decimals(v) for v in known)
        rounded = {round(v, coarse) for v in known}
        severity = "rounding" if len(rounded) == 1 else _severity(max(known) - min(known), 0, 0.05 * max(known))
        computation = " ≠ ".join(f"{plain(v)} {fact.unit}" for v in known)
        entities = [e for st in fact.statements for e in _entity_of(plan, st.path)]
        yield Finding(
            f"repeated-{fact.id}",
            "repeated",
            fact.label,
            values,
            computation,
            round(max(known) - min(known), 6),
            fact.unit,
            severity or "notable",
            entities,
        )


def share_findings(plan: Plan) -> Iterator[Finding]:
    statements = plan.file(m.StatementsFile)
    for share in statements.shares if statements else []:
        stated = _statement_value(plan, share.stated)
        num, den = plan.resolve(share.numerator), plan.resolve(share.denominator)
        if stated is None or num is None or not den:
            continue
        computed = num / den * 100
        diff = stated - computed
        if abs(diff) <= 0.5 * 10 ** -_decimals(stated):
            continue
        severity = _severity(diff, 1.0, 3.0) or "rounding"
        if share.stated.approximate and severity == "contradiction":
            severity = "notable"
        values = [
            Value(_t("所述比重（%）", "stated share (%)"), stated, share.stated.source, share.stated.quote),
            Value(describe(plan, share.numerator), num),
            Value(describe(plan, share.denominator), den),
            Value(_t("计算比重（%）", "computed share (%)"), round(computed, 2)),
        ]
        computation = f"{plain(num)} / {plain(den)} = {computed:.2f}% ; stated {plain(stated)}%"
        entities = [
            *_entity_of(plan, share.stated.path),
            *_entity_of(plan, share.numerator),
            *_entity_of(plan, share.denominator),
        ]
        yield Finding(
            f"share-{share.id}", "share", share.label, values, computation, round(diff, 2), "pp", severity, entities
        )


def investment_findings(plan: Plan) -> Iterator[Finding]:
    for project in plan.all(m.Project):
        table = plan.source(project.source.ref).label
        total = project.total_investment_wan
        if total is None or not project.stated_investments:
            continue
        wholes = [s for s in project.stated_investments if not s.part]
        parts = [s for s in project.stated_investments if s.part and not s.sub_part]
        compared = [s.wan for s in wholes] or ([sum(s.wan for s in parts)] if parts else [])
        for stated_wan in compared:
            diff = stated_wan - total
            if abs(diff) < 1e-6 or (not wholes and diff < 0):
                continue
            quotes = [s.quote for s in (wholes or parts)]
            values = [
                Value(
                    _t(f"{table.zh}表中总投资（万元）", f"total investment in the {table.en} table (万元)"),
                    total,
                    project.source,
                ),
                Value(
                    _t("建设内容所述（万元）", "stated in the project description (万元)"), stated_wan, project.source
                ),
            ]
            yield Finding(
                f"investment-{project.id}",
                "investment",
                project.name,
                values,
                f"{' + '.join(quotes)} = {plain(stated_wan)}万元 ; table {plain(total)}万元",
                round(diff, 2),
                "万元",
                _severity(diff, 0, 0.02 * total) or "notable",
                [project],
            )


@dataclass
class Audit:
    findings: list[Finding]
    by_entity: dict[tuple[type, str], list[Finding]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for finding in self.findings:
            for entity in finding.entities:
                self.by_entity[(type(entity), entity.id)].append(finding)

    def for_entity(self, record: Any) -> list[Finding]:
        return self.by_entity.get((type(record), record.id), [])

    def counts(self) -> dict[str, int]:
        return {sev: sum(f.severity == sev for f in self.findings) for sev in SEVERITIES}

    def by_rule(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            grouped[finding.rule].append(finding)
        return dict(grouped)


RULES = (total_findings, growth_findings, repeated_findings, share_findings, investment_findings)


def run_audit(plan: Plan) -> Audit:
    findings = [f for rule in RULES for f in rule(plan)]
    order = {sev: i for i, sev in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (order[f.severity], f.rule, f.id))
    return Audit(findings)
