"""One enterprise, park or institution the plan names in several ways (statements.yaml ``names``), in its tables,
text and annexes: shown as a finding with each form and where it stands; the glossary records the forms as one term
only where the plan itself makes them one (``one``), otherwise the finding says the glossary merges them."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import records as m
from ..model.plan import Plan
from .findings import Finding, Say, Skip, Value, label


def glossary_forms(term: m.Term) -> list[str]:
    """The Chinese forms a glossary term records: its term (``a / b``) and its ``zh_forms``."""
    forms = [f.strip() for f in term.term.zh.split("/") if f.strip()]
    return list(dict.fromkeys([*forms, *(term.zh_forms or [])]))


def name_findings(plan: Plan) -> Iterator[Finding | Skip]:
    statements = plan.file(m.StatementsFile)
    terms = plan.all(m.Term)
    for group in statements.names if statements else []:
        names = list(dict.fromkeys(f.name for f in group.forms))
        if len(names) < 2:
            yield Skip("names", group.label, Say("skip.one_form"), group.forms[0].source.ref)
            continue
        merged = [t for t in terms if sum(n in glossary_forms(t) for n in names) >= 2]
        values = [Value(label("name_form"), None, "", f.source, f.name) for f in group.forms]
        if group.one:
            key = "why.names_one"
        elif merged:
            key = "why.names_merged"
        else:
            key = "why.names"
        args: dict[str, object] = {"count": len(names)}
        if merged:
            args["term"] = merged[0].term
        if group.because:  # the plan's own words that make the forms one
            values.append(Value(label("plan_makes_one"), None, "", group.forms[0].source, group.because))
        yield Finding(
            f"names-{group.id}",
            "names",
            group.label,
            values,
            Say("computation.names", {"count": len(names)}),  # the forms themselves: the values, marked Chinese
            0,
            "",
            "notable",
            merged,
            group.forms[0].source.ref,
            Say(key, args),
        )
