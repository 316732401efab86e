"""Recorded outcomes checked across files: each names a target the plan has, once per year, from the base year
to a few years after the target year; each names a source of the file; a status is recorded only for a target
without a number; dates are in order; a source's document exists.

Run by the load stage (:mod:`references`) on ``data/outcomes.yaml`` and by the workbook import on what a
workbook says, so both report the same problems (the import maps each path to its cell).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import ValidationError

from ..descriptor import EntityType
from ..model import records as m
from ..model.plan import Plan
from .goals import goal_maker, measured_within, target_collections

Add = Callable[[tuple[Any, ...], str], None]  # (path in the file, message)
OUTCOME_YEARS_AFTER = 5  # outcomes may be recorded from the base year to a few years after the target year


def _first_seen(
    items: Sequence[tuple[int, Any]], key: Callable[[Any], Any], label: Callable[[Any], str], where: str, add: Add
) -> None:
    seen: dict[Any, int] = {}
    for i, item in items:
        k = key(item)
        if k in seen:
            add((where, i), f"{label(item)} is recorded twice (also {where}[{seen[k]}])")
        else:
            seen[k] = i


#: the lists of an outcomes file and their records
LISTS: dict[str, type[m.Model]] = {
    "sources": m.OutcomeSource,
    "actuals": m.ActualValue,
    "statuses": m.RecordedStatus,
    "projects": m.ProjectProgress,
}
Records = dict[str, list[tuple[int, Any]]]  # list name → (index in the file, record)


def records_of(outcomes: m.OutcomesFile) -> Records:
    return {name: list(enumerate(getattr(outcomes, name))) for name in LISTS}


def source_ids(raw: Any) -> set[str]:
    """The ids the sources of a file as read give (valid or not), so a record naming one is not reported too."""
    items = raw.get("sources") if isinstance(raw, dict) else None
    return {i["id"] for i in items or [] if isinstance(i, dict) and isinstance(i.get("id"), str)}


def valid_records(raw: Any) -> Records:
    """The records of a file that failed validation which are valid on their own (checked across files too, so
    one run reports every problem: a bad status and an unknown id in another record alike)."""
    out: Records = {name: [] for name in LISTS}
    if not isinstance(raw, dict):
        return out
    for name, model in LISTS.items():
        items = raw.get(name)
        for i, item in enumerate(items if isinstance(items, list) else []):
            try:
                out[name].append((i, model.model_validate(item)))
            except ValidationError:
                continue
    return out


class OutcomeChecker:
    """Checks the records of one outcomes file against the plan (``known``: every entity type the generator
    knows; ``unchecked``: whether a collection's file is invalid this run, so its ids are unknown)."""

    def __init__(self, plan: Plan, known: Sequence[EntityType], add: Add, unchecked: Callable[[str], bool]):
        self.plan, self.add, self.unchecked = plan, add, unchecked
        self.known = {t.name: t for t in known}
        self.targets = [t.name for t in target_collections(list(known))]
        base, end = plan.base_year, plan.target_year + OUTCOME_YEARS_AFTER
        self.years = (base, end)

    def subject(self, path: tuple[Any, ...], subject: str) -> Any | None:
        """The record ``subject`` names, or None after recording why it names none."""
        collection, _, ident = subject.partition("/")
        etype = self.known.get(collection)
        maker = goal_maker(etype) if etype is not None else None
        if etype is None or maker is None:
            kinds = ", ".join(self.targets)
            self.add(path, f"'{subject}': outcomes are recorded for the targets of {kinds} (<collection>/<id>)")
            return None
        if self.unchecked(collection):
            return None
        if not self.plan.has(collection):
            self.add(path, f"'{subject}': the plan has no {collection} (data/{etype.filename})")
            return None
        record = self.plan.index[collection].get(ident)
        goal = maker(self.plan, record) if record is not None else None
        if record is None:
            self.add(path, f"unknown {etype.singular} '{ident}'")
        elif goal is None:
            self.add(path, f"'{subject}' restates another {etype.singular}: record its outcomes for the first one")
            return None
        elif (measured := measured_within(goal, set(self.targets)).measured_as) is not None:
            self.add(path, f"'{subject}' is the figure of {measured} in the plan's tables: record its values there")
            return None
        return record

    def goal_is_numeric(self, subject: str, record: Any) -> bool:
        maker = goal_maker(self.known[subject.partition("/")[0]])
        goal = maker(self.plan, record) if maker is not None else None
        return goal is not None and goal.numeric

    def check(self, records: Records, source_ids: set[str] | None = None) -> None:
        """Check ``records`` (``source_ids``: the ids of every source, invalid ones too, when not all are valid)."""
        sources = {s.id for _, s in records["sources"]} | (source_ids or set())
        for name in ("actuals", "statuses", "projects"):
            for i, record in records[name]:
                if record.source not in sources:
                    self.add((name, i, "source"), f"unknown outcome source '{record.source}' (list it under sources)")
        for i, actual in records["actuals"]:
            self.subject(("actuals", i, "of"), actual.of)
            self._year(("actuals", i), actual.year, actual.as_of)
        for i, status in records["statuses"]:
            record = self.subject(("statuses", i, "of"), status.of)
            if record is not None and self.goal_is_numeric(status.of, record):
                self.add(
                    ("statuses", i, "status"),
                    f"'{status.of}' has a target figure: record its actual values (its status follows from them)",
                )
            self._year(("statuses", i), status.year, status.as_of)
        for i, progress in records["projects"]:
            self._project(("projects", i), progress)
        _first_seen(records["actuals"], lambda a: (a.of, a.year), lambda a: f"{a.of} {a.year}", "actuals", self.add)
        _first_seen(records["statuses"], lambda s: s.of, lambda s: s.of, "statuses", self.add)
        _first_seen(records["projects"], lambda p: p.project, lambda p: f"projects/{p.project}", "projects", self.add)
        _first_seen(records["sources"], lambda s: s.id, lambda s: f"source '{s.id}'", "sources", self.add)
        for i, source in records["sources"]:
            if source.document is not None and not (self.plan.data_dir / source.document).is_file():
                self.add(("sources", i, "document"), f"no file data/{source.document}")

    def _year(self, path: tuple[Any, ...], year: int, as_of: datetime.date) -> None:
        low, high = self.years
        if not low <= year <= high:
            self.add((*path, "year"), f"year {year} is outside {low}–{high}")
        elif as_of < datetime.date(year, 1, 1):
            self.add((*path, "as_of"), f"{as_of} is before the year {year} it reports")

    def _project(self, path: tuple[Any, ...], progress: m.ProjectProgress) -> None:
        if not self.unchecked("projects"):
            if not self.plan.has("projects"):
                self.add((*path, "project"), f"'{progress.project}': the plan has no projects (data/projects.yaml)")
            elif progress.project not in self.plan.index["projects"]:
                self.add((*path, "project"), f"unknown project '{progress.project}'")
        started, completed = progress.started, progress.completed
        if started is not None and completed is not None and completed < started:
            self.add((*path, "completed"), f"completion {completed} is before the start {started}")
        for name, day in (("started", started), ("completed", completed)):
            if day is not None and day > progress.as_of:
                self.add((*path, name), f"{day} is after the as-of date {progress.as_of}")
        if progress.status == "not_started" and started is not None:
            self.add((*path, "started"), "a project not started has no start date")
        if completed is not None and progress.status in ("not_started", "under_construction"):
            self.add((*path, "status"), f"'{progress.status}' but a completion date is given")
