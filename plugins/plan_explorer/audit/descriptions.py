"""A row's description against the row itself: the investment it states against the table's column, the parts
it lists against the total it states beside them, and the parties it names against the row's own party columns."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import Any

from ..model import records as m
from ..model.plan import Plan
from .facts import qualifier_of, statement_value
from .findings import Fig, Finding, Say, Value, half_unit, severity_of, text
from .wording import significant_half_unit

#: a name shorter than this is too short to be told from another by its spelling (发改局, 经信局)
PARTY_MIN_CHARS = 6
#: how alike two spellings must be to be taken for one party written two ways
PARTY_LIKENESS = 0.8


# --- investment ------------------------------------------------------------------------------------------------


def investment_findings(plan: Plan) -> Iterator[Finding]:
    """The investment a project's description states (its whole, or the sum of its phases) against the table."""
    for project in plan.all(m.Project):
        table = plan.source(project.source.ref).label
        total = project.total_investment_wan
        if total is None or not project.stated_investments:
            continue
        wholes = [s for s in project.stated_investments if not s.part]
        parts = [s for s in project.stated_investments if s.part and not s.sub_part]
        compared = [(s.wan, [s]) for s in wholes] or ([(sum(s.wan for s in parts), parts)] if parts else [])
        for stated_wan, said in compared:
            diff = stated_wan - total
            if abs(diff) < 1e-6 or (not wholes and diff < 0):
                continue
            values = [
                Value(
                    text(f"{table.zh}表中总投资", f"total investment in {table['en']}"), total, "万元", project.source
                ),
                *(
                    Value(
                        text("建设内容所述", "stated in the project description"),
                        s.wan,
                        "万元",
                        project.source,
                        s.quote,
                    )
                    for s in said
                ),
            ]
            computation = Say(
                "computation.investment",
                {
                    "parts": [Fig(s.wan, "万元") for s in said],
                    "stated": Fig(stated_wan, "万元"),
                    "table": Fig(total, "万元"),
                    "difference": Fig(diff, "万元", signed=True),
                },
            )
            why = Say("why.investment", {"stated": Fig(stated_wan, "万元"), "table": Fig(total, "万元")})
            yield Finding(
                f"investment-{project.id}",
                "investment",
                project.name,
                values,
                computation,
                round(diff, 2),
                "万元",
                severity_of(diff, 0, 0.02 * total) or "notable",
                [project],
                project.source.ref,
                why,
            )


# --- parts and the total stated beside them ------------------------------------------------------------------


def _tolerance(plan: Plan, st: m.Statement, value: float) -> float:
    """What rounding (or an approximate wording, 约) allows the statement's figure."""
    return significant_half_unit(value) if qualifier_of(plan, st) in ("about", "nearly") else half_unit(value)


def parts_findings(plan: Plan) -> Iterator[Finding]:
    """Each breakdown of statements.yaml: the parts a description lists against the total it states beside them."""
    statements = plan.file(m.StatementsFile)
    for item in statements.breakdowns if statements else []:
        total = statement_value(plan, item.total)
        parts = [(st, statement_value(plan, st)) for st in item.parts]
        known = [(st, v) for st, v in parts if v is not None]
        if total is None or not known:
            continue
        summed = sum(v for _, v in known)
        diff = summed - total
        slack = _tolerance(plan, item.total, total) + sum(_tolerance(plan, st, v) for st, v in known)
        if abs(diff) <= slack + 1e-9:
            continue
        severity = "notable" if abs(diff) <= 0.02 * total else "contradiction"
        unit = item.unit
        values = [
            Value(text("所述总数", "stated total"), total, unit, item.total.source, item.total.quote),
            *(Value(text("所列分项", "part listed"), v, unit, st.source, st.quote) for st, v in known),
            Value(text("分项之和", "sum of the parts"), round(summed, 6), unit),
        ]
        computation = Say(
            "computation.parts",
            {
                "parts": [Fig(v) for _, v in known],
                "sum": Fig(round(summed, 6), unit),
                "total": Fig(total, unit),
                "difference": Fig(round(diff, 6), unit, signed=True),
            },
        )
        record = _record(plan, item.of)
        yield Finding(
            f"parts-{item.id}",
            "parts",
            item.label,
            values,
            computation,
            round(diff, 6),
            unit,
            severity,
            [record] if record is not None else [],
            item.total.source.ref,
            Say("why.parts", {"sum": Fig(round(summed, 6), unit), "total": Fig(total, unit)}),
        )


def _record(plan: Plan, path: str | None) -> Any | None:
    if not path:
        return None
    name, _, ident = path.partition("/")
    return plan.index.get(name, {}).get(ident)


# --- one party, two spellings ----------------------------------------------------------------------------------


def _parties(record: Any) -> tuple[list[str], list[str]]:
    """A row's named parties (builder, lead and partner units) and the texts that may name them again."""
    names: list[str] = []
    for attr in ("builder", "lead_unit", "lead_units", "partner_units"):
        value = getattr(record, attr, None)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, m.Text):
                names += [n.strip() for n in item.zh.replace("；", "、").split("、") if n.strip()]
    texts = [
        getattr(record, attr).zh
        for attr in ("content", "measures", "basis", "goals", "approach", "rationale")
        if isinstance(getattr(record, attr, None), m.Text)
    ]
    return names, texts


def _near_spelling(name: str, textual: str) -> str | None:
    """The span of ``textual`` that spells ``name`` differently (most of its characters, in order, close together),
    or None when ``textual`` writes it exactly, shortened, or not at all."""
    if len(name) < PARTY_MIN_CHARS or name in textual:
        return None
    blocks = [b for b in SequenceMatcher(None, name, textual, autojunk=False).get_matching_blocks() if b.size]
    if not blocks or max(b.size for b in blocks) < 3:
        return None
    # the densest run of blocks: consecutive blocks whose span in the text is not much longer than the name
    best: str | None = None
    for i in range(len(blocks)):
        for j in range(i, len(blocks)):
            start, end = blocks[i].b, blocks[j].b + blocks[j].size
            if end - start > len(name) + 3:
                break
            span = textual[start:end]
            matched = sum(b.size for b in blocks[i : j + 1])
            if matched >= PARTY_LIKENESS * len(name) and SequenceMatcher(None, name, span).ratio() >= PARTY_LIKENESS:
                best = span if best is None or len(span) > len(best) else best
    if best is None or best in name or name in best:  # the same spelling, or one shortened (开发区 for 经济开发区)
        return None
    return best


def _differing(a: str, b: str) -> int:
    """How many characters two spellings differ in (those of the longer one not matched in the other)."""
    same = sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return max(len(a), len(b)) - same


def party_findings(plan: Plan) -> Iterator[Finding]:
    """A row that names one party in two spellings: in its party columns and again in its own texts, or twice in
    its party columns."""
    rows: list[Any] = [*plan.all(m.Project), *plan.all(m.Reform), *plan.all(m.Policy), *plan.all(m.Platform)]
    for record in rows:
        names, texts = _parties(record)
        pairs: list[tuple[str, str]] = []
        for i, name in enumerate(names):
            for other in names[i + 1 :]:
                if other != name and (spelt := _near_spelling(name, other)) is not None and spelt == other:
                    pairs.append((name, other))
            for textual in texts:
                spelt = _near_spelling(name, textual)
                if spelt is not None and (name, spelt) not in pairs:
                    pairs.append((name, spelt))
        for n, (name, other) in enumerate(pairs, 1):
            values = [
                Value(text("列中所写", "as the row's column writes it"), None, "", record.source, name),
                Value(text("同一行另处所写", "as the same row writes it elsewhere"), None, "", record.source, other),
            ]
            suffix = f"-{n}" if len(pairs) > 1 else ""
            yield Finding(
                f"parties-{record.id}{suffix}",
                "parties",
                record.name,
                values,
                Say("computation.parties", {"chars": _differing(name, other)}),
                0,
                "",
                "notable",
                [record],
                record.source.ref,
                Say("why.parties"),
            )
