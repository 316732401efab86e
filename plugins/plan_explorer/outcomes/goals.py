"""What a target is, for judging progress towards it: one small protocol every kind of target maps onto.

A :class:`Goal` is a base value and year (when known), a target value or range, the target year (or every year
of the period), a comparison, a kind and whether it is binding, plus any figures the plan states on the way
(a township's intermediate years). Which records are targets is said by their descriptors (``goal=`` in
:mod:`entities`); a collection of stated targets whose records carry ``value`` (or ``value_min``/``value_max``),
``comparison``, ``kind`` and ``year`` (or ``every_year``) needs no function of its own (:func:`stated_target_goal`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from ..descriptor import EntityType
from ..model import records as m
from ..model.plan import Plan

Comparison = Literal["at_least", "at_most", "about", "exactly"]
Kind = Literal["level", "count", "share", "growth", "reduction"]
#: how a collection's record becomes a goal; None for a record that is not a target of its own (one that restates
#: another: its outcomes are recorded for the first statement)
GoalMaker = Callable[[Plan, Any], "Goal | None"]
#: the unit of gross output in the plan's tables (industries, townships)
OUTPUT_UNIT = m.Text(zh="亿元", en="CNY 100 million")


@dataclass(frozen=True)
class Goal:
    """A target as progress is judged against it."""

    base_year: int
    target_year: int
    unit: m.Text | None = None  # the unit of its figures (actual values are recorded in it)
    milestones: tuple[tuple[int, float], ...] = ()  # figures the plan states by year, the base and target included
    target: float | None = None
    low: float | None = None  # a range: at least ``low`` …
    high: float | None = None  # … and at most ``high``
    comparison: Comparison = "at_least"
    kind: Kind = "level"
    binding: bool = False
    every_year: bool = False  # to be met in every year from ``first_year`` to ``target_year``
    first_year: int | None = None
    text: m.Text | None = None  # a target the plan states in words only ("meet the targets set …")

    @property
    def numeric(self) -> bool:
        """Whether the plan gives it a number (else its status can only be recorded by staff)."""
        return self.target is not None or self.low is not None or self.high is not None

    @property
    def base(self) -> float | None:
        return dict(self.milestones).get(self.base_year)

    @property
    def reduction(self) -> bool:
        """Whether the figure is to fall to the target (met at or below it)."""
        return self.comparison == "at_most"


def figures_goal(
    plan: Plan,
    figures: m.YearFigures,
    unit: m.Text,
    binding: bool = False,
    text: m.Text | None = None,
    falling: bool = False,
) -> Goal:
    """A target given as figures by year (the base year's and the target's, perhaps some in between): a level to
    reach (at least; a target below the base too: output that is to shrink still has to reach it), or — where
    the data says the figure is to fall (``falling``: an intensity) — to fall to (at most)."""
    stated = tuple((year, value) for year, value in sorted(figures.items()) if value is not None)
    return Goal(
        plan.base_year,
        plan.target_year,
        unit,
        stated,
        dict(stated).get(plan.target_year),
        comparison="at_most" if falling else "at_least",
        kind="reduction" if falling else "level",
        binding=binding,
        text=text,
    )


def indicator_goal(plan: Plan, indicator: m.Indicator) -> Goal:
    binding, falling = indicator.nature == "binding", indicator.comparison == "at_most"
    return figures_goal(plan, indicator.value, indicator.unit, binding, indicator.target_text, falling)


def industry_goal(plan: Plan, industry: m.Industry) -> Goal:
    return figures_goal(plan, industry.output, OUTPUT_UNIT)


def township_goal(plan: Plan, township: m.Township) -> Goal:
    return figures_goal(plan, township.output, OUTPUT_UNIT)


def stated_target_goal(plan: Plan, record: Any, base: float | None = None, base_year: int | None = None) -> Goal | None:
    """A target stated on its own: a record with ``value`` or ``value_min``/``value_max``, ``comparison``, ``kind``,
    ``year`` or ``every_year``, and optionally ``unit`` and ``nature``; None when it ``restates`` another.

    ``base`` (in ``base_year``, default the plan's base year) is where it starts, when the caller knows it (say the
    base-year figure of the table quantity it names): with it, progress before the target year has a path."""
    if getattr(record, "restates", None):
        return None
    every = bool(getattr(record, "every_year", False))
    year = getattr(record, "year", None) or plan.target_year
    target = getattr(record, "value", None)
    start = base_year or plan.base_year
    milestones = sorted({start: base, year: target}.items()) if not every else []
    return Goal(
        start,
        year,
        getattr(record, "unit", None),
        tuple((y, v) for y, v in milestones if v is not None),
        target,
        getattr(record, "value_min", None),
        getattr(record, "value_max", None),
        getattr(record, "comparison", "at_least"),
        getattr(record, "kind", "level"),
        getattr(record, "nature", None) == "binding",
        every,
        plan.info.period.start if every or getattr(record, "kind", "") == "growth" else None,
    )


def looks_like_stated_targets(record: type[m.Model]) -> bool:
    fields = record.model_fields
    return "comparison" in fields and "kind" in fields and ("value" in fields or "value_min" in fields)


def goal_maker(etype: EntityType) -> GoalMaker | None:
    """How the records of ``etype`` become goals, if they are targets."""
    if etype.goal is not None:
        maker: GoalMaker = etype.goal
        return maker
    return stated_target_goal if looks_like_stated_targets(etype.record) else None


def target_collections(types: list[EntityType] | tuple[EntityType, ...]) -> list[EntityType]:
    """The collections whose records are targets (outcomes may be recorded for them), in the descriptors' order."""
    return [t for t in types if goal_maker(t) is not None]
