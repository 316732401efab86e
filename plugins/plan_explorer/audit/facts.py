"""The facts the plan states more than once (``statements.yaml``), as the rules need them: the value of a statement,
and the other values the plan gives for the figure at a path (what a knock-on is recomputed with)."""

from __future__ import annotations

from ..model import records as m
from ..model.plan import Plan
from .wording import qualifier_in


def statement_value(plan: Plan, st: m.Statement) -> float | None:
    return plan.resolve(st.path) if st.path else st.value


def qualifier_of(plan: Plan, st: m.Statement) -> str | None:
    """How the plan words the statement's figure: as given, else as its quote says."""
    if st.qualifier is not None:
        return st.qualifier
    value = statement_value(plan, st)
    return qualifier_in(st.quote, value) if value is not None else None


def repeated_id(fact: m.Fact) -> str:
    return f"repeated-{fact.id}"


def alternatives(plan: Plan, path: str) -> list[tuple[float, str]]:
    """Other values the plan states for the figure at ``path`` (a fact with a statement at that path), each with
    the id of the finding that reports the disagreement."""
    statements = plan.file(m.StatementsFile)
    here = plan.resolve(path)
    found: list[tuple[float, str]] = []
    for fact in statements.facts if statements else []:
        if not any(st.path == path for st in fact.statements):
            continue
        for st in fact.statements:
            value = statement_value(plan, st)
            if value is not None and here is not None and abs(value - here) > 1e-9:
                found.append((value, repeated_id(fact)))
    return found
