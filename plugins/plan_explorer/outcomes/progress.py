"""A plan's outcomes gathered once per build: every target with its goal, actual values, recorded status and
status, and every project's progress. Pages, charts and the export read this; nothing here is presentation."""

from __future__ import annotations

import datetime
import math
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, get_args

from ..descriptor import EntityType
from ..model import records as m
from ..model.plan import Plan
from .goals import Goal, goal_maker, measured_within, target_collections
from .status import STATUSES, Assessment, Point, Status, assess, path, required_at

PROJECT_STATUSES: tuple[str, ...] = get_args(m.ProjectStatus)
RECORDABLE_STATUSES: tuple[str, ...] = get_args(m.RecordedStatusValue)
NOT_RECORDED = "not_recorded"  # a project whose progress nobody has recorded
DEFAULT_TOLERANCE = m.OutcomesFile.model_fields["tolerance_percent"].default


def subject_of(collection: str, record: Any) -> str:
    """How outcomes name a record: ``<collection>/<id>``."""
    return f"{collection}/{record.id}"


def build_date() -> datetime.date:
    """The day of the build, which decides whether the plan's period has ended: ``SOURCE_DATE_EPOCH`` (a
    reproducible build, a test) or today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.date.today()


def period_ended(plan: Plan, today: datetime.date) -> bool:
    """Whether the plan's period (its end year) is over on ``today``."""
    return today.year > plan.info.period.end


@dataclass(frozen=True)
class Commitment:
    """One commitment of the plan, counted once: a target of a table or of the text (its first statement), with
    the table records a text commitment names by year (``also``: the same quantity, stated in both places)."""

    subject: str
    collection: str
    record: Any
    goal: Goal
    also: tuple[str, ...] = ()


def commitments(plan: Plan, types: Sequence[EntityType]) -> list[Commitment]:
    """Every commitment of ``plan`` in the plan's order (``types``: the collections it has): a table's target that
    a commitment of the text restates (its goal is ``measured_as`` that record, with the same figure) is that
    commitment, not another; a text figure that differs from its table's (the audit reports it) is one more."""
    collections = [t for t in target_collections(list(types)) if plan.has(t.name)]
    names = {t.name for t in collections}
    found: list[Commitment] = []
    for etype in collections:
        maker = goal_maker(etype)
        assert maker is not None
        for record in plan.lists[etype.name]:
            goal = maker(plan, record)
            if goal is not None:  # None: not a target of its own (it restates another)
                found.append(
                    Commitment(subject_of(etype.name, record), etype.name, record, measured_within(goal, names))
                )
    goals = {c.subject: c.goal for c in found}
    also: dict[str, list[str]] = {}
    for c in found:
        table = goals.get(c.goal.measured_as or "")
        if table is not None and c.goal.measured_as != c.subject and _same_figure(c.goal, table):
            also.setdefault(c.subject, []).append(c.goal.measured_as or "")
    merged = {table for tables in also.values() for table in tables}
    return [replace(c, also=tuple(also.get(c.subject, ()))) for c in found if c.subject not in merged]


def _same_figure(text: Goal, table: Goal) -> bool:
    """Whether the text's figure is the table's, for the same year (both stated)."""
    if text.target is None or table.target is None or text.target_year != table.target_year:
        return False
    return math.isclose(text.target, table.target, rel_tol=1e-9, abs_tol=1e-9)


@dataclass
class SubjectProgress:
    """One target: its record, goal, recorded outcomes and status."""

    subject: str
    collection: str
    record: Any
    goal: Goal
    actuals: list[m.ActualValue]  # by year
    recorded: m.RecordedStatus | None
    assessment: Assessment
    path: list[tuple[int, float]]  # the required path, a value a year

    @property
    def status(self) -> Status:
        return self.assessment.status

    @property
    def base_actual(self) -> m.ActualValue | None:
        """A value recorded for the base year: a revised base figure (the path starts from it)."""
        return next((a for a in self.actuals if a.year == self.goal.base_year), None)

    @property
    def latest(self) -> m.ActualValue | None:
        return self.actuals[-1] if self.actuals else None

    @property
    def as_of(self) -> datetime.date | None:
        """When the status was last true: the as-of date of the latest value (or of the recorded status)."""
        if self.recorded is not None:
            return self.recorded.as_of
        return self.latest.as_of if self.latest else None

    @property
    def source_id(self) -> str | None:
        if self.recorded is not None:
            return self.recorded.source
        return self.latest.source if self.latest else None

    def required(self, year: int) -> float | None:
        """What the path requires in ``year`` (for the table of actual values)."""
        if not self.goal.numeric or self.goal.every_year or self.goal.kind == "growth":
            return None
        base = self.base_actual
        return required_at(self.goal, year, base.value if base else None)


@dataclass
class Progress:
    """Every target's progress (in the plan's order) and every project's recorded progress."""

    present: bool  # the plan has an outcomes file
    tolerance: float = DEFAULT_TOLERANCE
    sources: dict[str, m.OutcomeSource] = field(default_factory=dict)
    subjects: dict[str, SubjectProgress] = field(default_factory=dict)
    projects: dict[str, m.ProjectProgress] = field(default_factory=dict)
    collections: list[str] = field(default_factory=list)  # the collections whose records are targets
    ended: bool = False  # the plan's period is over (on the build date)
    #: the subjects counted once, as commitments: a table's target the text restates is the text's (its value
    #: ``also`` lists the table records); the others keep their own progress for their pages
    also: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def commitments(self) -> list[SubjectProgress]:
        """The targets counted once each (a table's target the text restates is part of the text's)."""
        return [s for s in self.subjects.values() if s.subject in self.also]

    @property
    def recorded(self) -> bool:
        """Whether anything at all has been recorded."""
        return bool(self.projects) or any(s.actuals or s.recorded for s in self.subjects.values())

    def of(self, collection: str, record: Any) -> SubjectProgress | None:
        return self.subjects.get(subject_of(collection, record))

    def source(self, ident: str | None) -> m.OutcomeSource | None:
        return self.sources.get(ident) if ident else None

    def counts(self) -> dict[Status, int]:
        counted = Counter(s.status for s in self.commitments)
        return {status: counted.get(status, 0) for status in STATUSES}

    def binding_counts(self) -> dict[Status, int]:
        counted = Counter(s.status for s in self.commitments if s.goal.binding)
        return {status: counted.get(status, 0) for status in STATUSES}

    def project_status(self, project_id: str) -> str:
        progress = self.projects.get(project_id)
        return progress.status if progress else NOT_RECORDED

    def project_counts(self, projects: Sequence[m.Project]) -> dict[str, int]:
        counted = Counter(self.project_status(p.id) for p in projects)
        return {status: counted.get(status, 0) for status in (*PROJECT_STATUSES, NOT_RECORDED)}


def build_progress(plan: Plan, types: Sequence[EntityType], today: datetime.date | None = None) -> Progress:
    """The progress of every target of ``plan`` (``types``: the collections it has) on ``today`` (default: the
    build date; after the plan's end year an outcome not recorded is "no outcome recorded")."""
    outcomes = plan.file(m.OutcomesFile)
    if outcomes is None:
        return Progress(False)
    ended = period_ended(plan, today or build_date())
    actuals: dict[str, list[m.ActualValue]] = {}
    for actual in outcomes.actuals:
        actuals.setdefault(actual.of, []).append(actual)
    recorded = {s.of: s for s in outcomes.statuses}
    progress = Progress(
        True,
        outcomes.tolerance_percent,
        {s.id: s for s in outcomes.sources},
        projects={p.project: p for p in outcomes.projects},
        ended=ended,
        also={c.subject: c.also for c in commitments(plan, types)},
    )
    collections = [t for t in target_collections(list(types)) if plan.has(t.name)]
    names = {t.name for t in collections}
    for etype in collections:
        maker = goal_maker(etype)
        assert maker is not None
        progress.collections.append(etype.name)
        for record in plan.lists[etype.name]:
            subject = subject_of(etype.name, record)
            goal = maker(plan, record)
            if goal is None:  # not a target of its own (it restates another)
                continue
            goal = measured_within(goal, names)
            values = sorted(actuals.get(goal.measured_as or subject, []), key=lambda a: a.year)
            status = recorded.get(subject)
            points = [Point(a.year, a.value) for a in values]
            judged = assess(goal, points, progress.tolerance, status.status if status else None, ended)
            base = next((a.value for a in values if a.year == goal.base_year), None)
            steps = path(goal, base) if goal.numeric and not goal.every_year and goal.kind != "growth" else []
            progress.subjects[subject] = SubjectProgress(
                subject, etype.name, record, goal, values, status, judged, steps
            )
    return progress
