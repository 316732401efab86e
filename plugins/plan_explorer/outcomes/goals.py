"""What a target is, for judging progress towards it: one small protocol every kind of target maps onto.

A :class:`Goal` is a base value and year (when known), a target value or range, the target year (or every year
of the period), a comparison, a kind and whether it is binding, plus any figures the plan states on the way
(a township's intermediate years). Which records are targets is said by their descriptors (``goal=`` in
:mod:`entities`): an indicator's, an industry's and a township's figures by year, and each commitment of the
plan's text (``targets.yaml``, :func:`target_goal`: its figure or range, comparison, kind, year or every year, and
the base :func:`targets.baseline` finds for it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal, cast, get_args

from ..descriptor import EntityType
from ..model import records as m
from ..model.plan import Plan
from ..numfmt import precision
from ..targets import baseline

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
    #: the record whose recorded values it is judged on (``indicators/x``): a commitment of the text that names
    #: a table's figure by year is the same quantity, recorded once, judged against its own figure
    measured_as: str | None = None
    #: a commitment of the text: the plan's own words at its figure (以上, 超过 …; 确保, 力争), shown instead of
    #: ``comparison`` (which stays how the rules read it); 超过 (more than) is met only above the figure
    worded: bool = False
    qualifier: str | None = None
    commitment: str | None = None
    #: a figure to reach once its project is in operation (附件2's 投产后 …): no year, no path; met once reached
    in_operation: bool = False

    @property
    def numeric(self) -> bool:
        """Whether the plan gives it a number (else its status can only be recorded by staff)."""
        return self.target is not None or self.low is not None or self.high is not None

    @property
    def precision(self) -> int:
        """The decimals a figure derived from it (a required path's value) is shown to: the plan's own."""
        return precision(*(v for _, v in self.milestones), self.target, self.low, self.high)

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


def stated_target_goal(
    plan: Plan, target: m.Target, base: float | None = None, base_year: int | None = None
) -> Goal | None:
    """A target stated on its own: its ``value`` or ``value_min``/``value_max``, ``comparison``, ``kind``, ``year``,
    ``every_year`` or ``in_operation``, ``unit``, ``nature`` and the plan's words at the figure (``qualifier``,
    ``commitment``); None when it ``restates`` another.

    ``base`` (in ``base_year``, default the plan's base year) is where it starts, when the caller knows it (say the
    base-year figure of the table quantity it names): with it, progress before the target year has a path."""
    if target.restates is not None:
        return None
    every = target.every_year
    year = target.year or plan.target_year
    start = base_year or plan.base_year
    milestones = sorted({start: base, year: target.value}.items()) if not (every or target.in_operation) else []
    return Goal(
        start,
        year,
        target.unit,
        tuple((y, v) for y, v in milestones if v is not None),
        target.value,
        target.value_min,
        target.value_max,
        _comparison(target.comparison),
        target.kind,
        target.nature == "binding",
        every,
        plan.info.period.start if every or target.kind == "growth" else None,
        worded=True,
        qualifier=target.qualifier,
        commitment=target.commitment,
        in_operation=target.in_operation,
    )


def _comparison(value: str) -> Comparison:
    """A target's comparison (checked against the list when the plan is loaded)."""
    return cast("Comparison", value) if value in get_args(Comparison) else "at_least"


def target_goal(plan: Plan, target: m.Target) -> Goal | None:
    """A commitment of the plan's text (None for a restatement: its first statement is the target). Its path
    starts from the base :func:`targets.baseline` gives (the table's base-year figure, where it names one); a
    commitment that names a table's figure by year (``same_as: indicators/x/value/<year>``) is judged on the
    values recorded for that record."""
    if target.restates is not None:
        return None
    base = baseline(plan, target)
    # a growth rate's base is a level (the figure it grows from), not a rate: the rate has no path, only its target
    start = base.value if base is not None and target.kind != "growth" else None
    goal = stated_target_goal(plan, target, start, base.year if base else None)
    if goal is None or target.same_as is None:
        return goal
    name, ident, *rest = target.same_as.split("/")
    if len(rest) == 2 and rest[-1].isdigit() and ident in plan.index.get(name, {}):
        return replace(goal, measured_as=f"{name}/{ident}")
    return goal


def measured_within(goal: Goal, collections: set[str] | frozenset[str]) -> Goal:
    """``goal`` judged on another record's values only where that record's list records outcomes (``collections``:
    the target collections of the plan); a table figure of another kind of list (a group's total) is its own."""
    if goal.measured_as is not None and goal.measured_as.partition("/")[0] not in collections:
        return replace(goal, measured_as=None)
    return goal


def goal_maker(etype: EntityType) -> GoalMaker | None:
    """How the records of ``etype`` become goals, if they are targets (its descriptor's ``goal``)."""
    maker: GoalMaker | None = etype.goal
    return maker


def target_collections(types: list[EntityType] | tuple[EntityType, ...]) -> list[EntityType]:
    """The collections whose records are targets (outcomes may be recorded for them), in the descriptors' order."""
    return [t for t in types if goal_maker(t) is not None]
