"""The plan's targets as pages, the export and the audit read them: whom a target belongs to, which statement of a
commitment comes first and which repeat it, the table figure it names, and the base it starts from.

A status (met, on track …) is not computed here; what one needs is: the target's figure or range and its
``comparison``, its ``kind``, its ``year`` or ``every_year``, and the base below (the outcomes supply the rest).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import records as m
from .model.plan import Plan

#: the order readers meet the kinds in (filters, counts)
KINDS = ("level", "count", "share", "growth", "reduction")


@dataclass(frozen=True)
class Baseline:
    """Where a target starts: the base year and, where the plan gives it, the figure (and the path it is at)."""

    year: int
    value: float | None = None
    path: str | None = None


def entity_list(target: m.Target) -> str:
    """The list a target belongs to (``industries``), or ``plan``."""
    return target.entity.partition("/")[0]


def entity_of(plan: Plan, target: m.Target) -> Any | None:
    """The record a target belongs to, or None when it is the plan's own."""
    if target.entity == m.PLAN_ENTITY:
        return None
    name, _, ident = target.entity.partition("/")
    return plan.index.get(name, {}).get(ident)


def key_of(plan: Plan, record: Any) -> str:
    """How a target names ``record``: ``<list>/<id>``."""
    return f"{plan.kinds[type(record)]}/{record.id}"


def targets_of(plan: Plan, record: Any) -> list[m.Target]:
    """The first statements of the commitments that belong to ``record`` (restatements are listed with them)."""
    return [t for t in plan.referring(m.Target, "entity", key_of(plan, record)) if t.restates is None]


def restatements(plan: Plan, target: m.Target) -> list[m.Target]:
    """The later statements of the same commitment, in the plan's order."""
    return plan.referring(m.Target, "restates", target.id)


def first_statements(plan: Plan) -> list[m.Target]:
    return [t for t in plan.all(m.Target) if t.restates is None]


def table_figure(plan: Plan, target: m.Target) -> float | None:
    """The figure of the table cell the target names (``same_as``), if any."""
    return plan.resolve(target.same_as) if target.same_as else None


def _year_field(record: Any) -> str | None:
    """The record's figures by year (an indicator's ``value``, an industry's ``output`` …)."""
    return next((n for n, f in type(record).model_fields.items() if f.annotation == m.YearFigures), None)


def _figure(plan: Plan, path: str) -> float | None:
    try:
        return plan.resolve(path)
    except (KeyError, ValueError, StopIteration):
        return None


def baseline(plan: Plan, target: m.Target) -> Baseline | None:
    """The base a target is measured from: the base year's figure of the quantity it names in a table (a
    ``same_as`` by year, or the record whose stated growth it is), else for a growth or a reduction the base year
    alone; None for a target that needs no base (a count to reach)."""
    base = plan.base_year
    if target.same_as:
        name, ident, *rest = target.same_as.split("/")
        record = plan.index.get(name, {}).get(ident)
        if rest and rest[-1].isdigit():
            path = "/".join([name, ident, *rest[:-1], str(base)])
            return Baseline(base, _figure(plan, path), path) if _figure(plan, path) is not None else Baseline(base)
        if rest == ["growth_stated"] and record is not None and (field := _year_field(record)):
            path = f"{name}/{ident}/{field}/{base}"
            return Baseline(base, _figure(plan, path), path)
    if target.kind in ("growth", "reduction"):
        return Baseline(base)
    return None
