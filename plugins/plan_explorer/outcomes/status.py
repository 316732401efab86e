"""Where a target stands: its goal judged against the actual values recorded for it (pure functions).

The rules, as the progress page states them:

- **achieved**: an actual value at or after the target year meets the target (at or above it; for a target the
  figure is to fall to, at or below it; within a range, inside it);
- **not achieved**: actual values at or after the target year are recorded and none meets it;
- **on track / off track**: the latest actual value before the target year against the required path — from the
  base value to the target at the implied annual (compound) rate, through any figure the plan states on the way —
  on track when it is on the path's good side or short of it by at most the tolerance (a per cent of the path's
  value). A recorded base-year value (a revised figure) replaces the plan's base as the path's start;
- **not yet measurable**: no actual value recorded after the base year (or, for a target stated in words, no
  status recorded by staff; those are never computed);
- **no outcome recorded**: the same once the plan's period has ended (``ended``: the build date is past its end
  year): nothing is left to wait for but the published figures, so "not yet measurable" would mislead.

A growth-rate target compares the average of the yearly rates recorded; a target for every year is met when
every recorded year meets it; a target the plan sets for a project once it is in operation (no year) is achieved
when a recorded value meets it, and until then not yet measurable. The plan's own words decide where they are
stricter than the comparison: a figure it says is to be exceeded (超过) is met only above it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from ..numfmt import implied_growth
from .goals import Goal

Status = Literal["achieved", "not_achieved", "on_track", "off_track", "not_measurable", "no_outcome"]
#: in the order the site lists them
STATUSES: tuple[Status, ...] = ("achieved", "on_track", "off_track", "not_achieved", "not_measurable", "no_outcome")
#: what is left of ``not_measurable`` after the plan's period: the outcome is due, it is not recorded
ENDED: dict[Status, Status] = {"not_measurable": "no_outcome"}
EPSILON = 1e-9


@dataclass(frozen=True)
class Point:
    year: int
    value: float


@dataclass(frozen=True)
class Assessment:
    """A goal's status and what it rests on (the year and value judged, the value required then)."""

    status: Status
    reason: str  # which rule decided: met, missed, on_path, behind, at_target, no_path, incomplete, in_operation,
    # none, recorded, no_status
    year: int | None = None
    value: float | None = None  # the value judged (for a growth target, the average rate)
    required: float | None = None  # what the path or target required in that year
    limit: float | None = None  # the required value less the tolerance: the bound the value was held to

    @property
    def recorded(self) -> bool:
        """Whether staff recorded it (a target without a number) rather than the rules computing it."""
        return self.reason == "recorded"


def anchors(goal: Goal, revised_base: float | None = None) -> list[tuple[int, float]]:
    """The figures the required path runs through: the plan's by year, its base replaced by a revised one."""
    points = dict(goal.milestones)
    if revised_base is not None:
        points[goal.base_year] = revised_base
    if goal.target is not None:
        points[goal.target_year] = goal.target
    return sorted((y, v) for y, v in points.items() if y <= goal.target_year)


def required_at(goal: Goal, year: int, revised_base: float | None = None) -> float | None:
    """The value the path requires in ``year`` (compound between stated figures; linear where one is not
    positive); None before the path starts or when it has fewer than two points."""
    points = anchors(goal, revised_base)
    if len(points) < 2 or year < points[0][0]:
        return None
    if year >= points[-1][0]:
        return points[-1][1]
    stated = dict(points)
    if year in stated:
        return stated[year]
    for (y0, v0), (y1, v1) in zip(points, points[1:], strict=False):
        if y0 < year < y1:
            share = (year - y0) / (y1 - y0)
            if v0 > 0 and v1 > 0:  # compound; in logarithms where the ratio would overflow
                compound = math.exp(math.log(v0) + (math.log(v1) - math.log(v0)) * share)
                if math.isfinite(compound):
                    return compound
            return v0 + (v1 - v0) * share
    return None  # unreachable: the years are sorted


def path(goal: Goal, revised_base: float | None = None) -> list[tuple[int, float]]:
    """The required path, one value a year from its first point to the target year."""
    points = anchors(goal, revised_base)
    if len(points) < 2:
        return []
    values = ((y, required_at(goal, y, revised_base)) for y in range(points[0][0], points[-1][0] + 1))
    return [(y, v) for y, v in values if v is not None]


def meets(goal: Goal, value: float, tolerance: float) -> bool:
    """Whether ``value`` meets the target itself (``about``: within the tolerance, a per cent of the target)."""
    if goal.low is not None or goal.high is not None:
        return (goal.low is None or value >= goal.low - EPSILON) and (goal.high is None or value <= goal.high + EPSILON)
    assert goal.target is not None
    target = goal.target
    if goal.comparison == "at_least":
        return value > target + EPSILON if goal.qualifier == "超过" else value >= target - EPSILON
    if goal.comparison == "at_most":
        return value <= target + EPSILON
    if goal.comparison == "exactly":
        return math.isclose(value, target, rel_tol=EPSILON, abs_tol=EPSILON)
    return abs(value - target) <= abs(target) * tolerance / 100 + EPSILON


def bound(goal: Goal, required: float, tolerance: float) -> float:
    """The least (for a target to fall to: the most) a value may be in a year to be on track."""
    slack = abs(required) * tolerance / 100
    return required + slack if goal.reduction else required - slack


def on_path(goal: Goal, value: float, required: float, tolerance: float) -> bool:
    limit = bound(goal, required, tolerance)
    if goal.comparison in ("about", "exactly") and goal.low is None and goal.high is None:
        return abs(value - required) <= abs(required) * tolerance / 100 + EPSILON
    if goal.reduction:
        return value <= limit + EPSILON
    return value >= limit - EPSILON and (goal.high is None or value <= goal.high + EPSILON)


def _average_rate(points: Sequence[Point]) -> float:
    """The compound average of yearly growth rates (per cent)."""
    product = math.prod(1 + p.value / 100 for p in points)
    rate = implied_growth(1, product, len(points))  # the growth from 1 to the product: numfmt's one formula
    return rate if rate is not None else sum(p.value for p in points) / len(points)


def assess(
    goal: Goal, actuals: Sequence[Point], tolerance: float, recorded: str | None = None, ended: bool = False
) -> Assessment:
    """The status of ``goal`` given its actual values by year (``recorded``: a status staff recorded, for a goal
    without a number; ``ended``: the plan's period is over, so an outcome still missing is "no outcome
    recorded", never "not yet measurable")."""
    judged = _assess(goal, actuals, tolerance, recorded)
    if ended and judged.status in ENDED:
        return replace(judged, status=ENDED[judged.status])
    return judged


def _assess(goal: Goal, actuals: Sequence[Point], tolerance: float, recorded: str | None) -> Assessment:
    if not goal.numeric:
        if recorded is None:
            return Assessment("not_measurable", "no_status")
        assert recorded in STATUSES
        return Assessment(recorded, "recorded")
    ordered = sorted(actuals, key=lambda p: p.year)
    later = [p for p in ordered if p.year > goal.base_year]
    if not later:
        return Assessment("not_measurable", "none")
    if goal.every_year:
        return _every_year(goal, later, tolerance)
    if goal.in_operation:
        return _in_operation(goal, later, tolerance)
    if goal.kind == "growth":
        return _growth(goal, later, tolerance)
    revised = next((p.value for p in ordered if p.year == goal.base_year), None)
    final = [p for p in later if p.year >= goal.target_year]
    target = goal.target if goal.target is not None else goal.low if goal.low is not None else goal.high
    met = next((p for p in final if meets(goal, p.value, tolerance)), None)
    if met is not None:
        return Assessment("achieved", "met", met.year, met.value, target)
    if final:
        return Assessment("not_achieved", "missed", final[-1].year, final[-1].value, target)
    latest = later[-1]
    required = required_at(goal, latest.year, revised)
    if required is None:
        if meets(goal, latest.value, tolerance):
            return Assessment("on_track", "at_target", latest.year, latest.value, target)
        return Assessment("not_measurable", "no_path", latest.year, latest.value)
    limit = bound(goal, required, tolerance)
    status: Status = "on_track" if on_path(goal, latest.value, required, tolerance) else "off_track"
    return Assessment(
        status, "on_path" if status == "on_track" else "behind", latest.year, latest.value, required, limit
    )


def _growth(goal: Goal, later: list[Point], tolerance: float) -> Assessment:
    first = goal.first_year if goal.first_year is not None else goal.base_year + 1
    rates = [p for p in later if first <= p.year <= goal.target_year]
    if not rates:
        return Assessment("not_measurable", "none")
    average, last = _average_rate(rates), rates[-1].year
    target = goal.target if goal.target is not None else goal.low
    if last >= goal.target_year:
        status: Status = "achieved" if meets(goal, average, tolerance) else "not_achieved"
        return Assessment(status, "met" if status == "achieved" else "missed", last, average, target)
    assert target is not None
    ok = on_path(goal, average, target, tolerance)
    limit = bound(goal, target, tolerance)
    return Assessment("on_track" if ok else "off_track", "on_path" if ok else "behind", last, average, target, limit)


def _every_year(goal: Goal, later: list[Point], tolerance: float) -> Assessment:
    first = goal.first_year if goal.first_year is not None else goal.base_year + 1
    years = [p for p in later if first <= p.year <= goal.target_year]
    if not years:
        return Assessment("not_measurable", "none")
    target = goal.target if goal.target is not None else goal.low
    missed = next((p for p in years if not meets(goal, p.value, tolerance)), None)
    complete = {p.year for p in years} >= set(range(first, goal.target_year + 1))
    over = years[-1].year >= goal.target_year
    if missed is not None:
        status: Status = "not_achieved" if over else "off_track"
        return Assessment(status, "missed" if over else "behind", missed.year, missed.value, target)
    latest = years[-1]
    if complete:
        return Assessment("achieved", "met", latest.year, latest.value, target)
    if over:  # the period is over but a year of it was never recorded
        return Assessment("not_measurable", "incomplete", latest.year, latest.value, target)
    return Assessment("on_track", "on_path", latest.year, latest.value, target)


def _in_operation(goal: Goal, later: list[Point], tolerance: float) -> Assessment:
    """A figure due once the project is in operation: met by the first recorded value that reaches it; before
    that no year says it is late, so it is not yet measurable (the latest value shown)."""
    target = goal.target if goal.target is not None else goal.low
    met = next((p for p in later if meets(goal, p.value, tolerance)), None)
    if met is not None:
        return Assessment("achieved", "met", met.year, met.value, target)
    latest = later[-1]
    return Assessment("not_measurable", "in_operation", latest.year, latest.value, target)
