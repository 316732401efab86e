"""Outcomes as the pages show them: a target's status with the sentence that explains it, its recorded values
against the required path, a project's progress and timeline, and the progress page's counts and table.

The judging is :mod:`outcomes.status`'s; here it is only worded and formatted, in the page's language.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from ..i18n import Translator
from ..model import records as m
from ..numfmt import Formatter, rounded
from ..outcomes.goals import Goal
from ..outcomes.progress import NOT_RECORDED, PROJECT_STATUSES, SubjectProgress
from ..outcomes.status import STATUSES
from . import contexts as c
from .state import Site
from .targetpages import commitment_count
from .urls import PageAddress

#: project statuses after which a project is no longer expected to finish within its period
SETTLED = ("completed", "cancelled")


def shown(value: float | None, goal: Goal, fmt: Formatter) -> str:
    """A figure of a target (stated, or recorded), in its unit as the page's language writes it."""
    unit = goal.unit
    if value is None or unit is None:
        return fmt.number(value)
    return fmt.measure(value, unit.zh, unit.en, getattr(unit, "one", None) or "")


def derived(value: float | None, goal: Goal, fmt: Formatter) -> str:
    """A figure the site computed (a required path's value, an average rate): rounded to the plan's own
    precision, then written as a stated one is."""
    if value is None:
        return ""
    return shown(float(rounded(value, goal.precision)), goal, fmt)


def target_text(goal: Goal, t: Translator, fmt: Formatter) -> str:
    """The target as stated: a figure (a commitment of the text with the plan's own words on it; a table's figure
    with its comparison where it is not "at least"), a range, or words."""
    if not goal.numeric:
        return goal.text[t.lang] if goal.text else "—"
    if goal.low is not None or goal.high is not None:
        value = t("progress.target.range", low=shown(goal.low, goal, fmt), high=shown(goal.high, goal, fmt))
    else:
        value = shown(goal.target, goal, fmt)
        if goal.worded and goal.qualifier is not None:  # a commitment of the text: the plan's words only
            value = t(f"targets.qualifier.{goal.qualifier}", figure=value)
        elif not goal.worded and goal.comparison in ("at_most", "about"):
            value = t(f"progress.comparison.{goal.comparison}", value=value)
    if goal.worded and goal.commitment is not None:
        value = t(f"targets.commitment.{goal.commitment}", figure=value)
    if goal.every_year:
        return t("progress.target.every_year", value=value)
    if goal.in_operation:
        return t("progress.target.in_operation", value=value)
    return t("progress.target.by_year", value=value, year=goal.target_year)


def explanation(sp: SubjectProgress, tolerance: float, t: Translator, fmt: Formatter) -> str:
    """One sentence: which rule gave the status, with the figures it compared."""
    goal, judged = sp.goal, sp.assessment
    reason = judged.reason
    key = f"progress.reason.{reason}"
    if reason == "none" and sp.status == "no_outcome":  # the period is over: the outcome is due, not recorded
        key = "progress.reason.none_ended"
    if reason in ("on_path", "behind"):
        key = "progress.reason.path_down" if goal.reduction else "progress.reason.path"
    if goal.kind == "growth" and reason in ("met", "missed", "on_path", "behind"):
        key = "progress.reason.rate"
    elif goal.every_year and reason in ("met", "missed", "on_path", "behind", "incomplete"):
        key = "progress.reason.every_year" if reason != "incomplete" else key
    rate = goal.kind == "growth" and reason in ("met", "missed", "on_path", "behind")  # an average of yearly rates
    return t(
        key,
        year=judged.year or "",
        value=fmt.growth(judged.value) if rate else shown(judged.value, goal, fmt),
        target=target_text(goal, t, fmt),
        required=derived(judged.required, goal, fmt),
        limit=derived(judged.limit, goal, fmt),
        tolerance=fmt.percent(tolerance),
        base_year=goal.base_year,
        target_year=goal.target_year,
    )


def target_progress(site: Site, collection: str, record: Any, lang: str) -> c.TargetProgress | None:
    """How an entity page (and the progress table) shows a target's progress; None when the plan records no
    outcomes or the record is not a target."""
    sp = site.progress.of(collection, record)
    if sp is None:
        return None
    t, fmt = site.t(lang), site.fmt(lang)
    lines = [
        c.OutcomeLine(
            a.year,
            shown(a.value, sp.goal, fmt),
            derived(sp.required(a.year), sp.goal, fmt) if a.year > sp.goal.base_year else "",
            site.progress.source(a.source),
            a.as_of,
            a.note,
            a.year == sp.goal.base_year,
        )
        for a in sp.actuals
    ]
    return c.TargetProgress(
        sp,
        sp.status,
        explanation(sp, site.progress.tolerance, t, fmt),
        target_text(sp.goal, t, fmt),
        lines,
        site.progress.source(sp.source_id),
        sp.as_of,
    )


def project_progress(site: Site, project: m.Project, lang: str) -> c.ProjectProgressView | None:
    """A project's recorded progress and its timeline (the plan's period, then what was recorded)."""
    if not site.progress.present:
        return None
    t, fmt = site.t(lang), site.fmt(lang)
    record = site.progress.projects.get(project.id)
    events: list[c.TimelineEvent] = []
    if project.period:
        start, end = project.period.start, project.period.end
        events += [
            c.TimelineEvent((start, 1, 0), str(start), str(start), t("progress.timeline.period_start"), "plan"),
            c.TimelineEvent((end, 12, 31), str(end), str(end), t("progress.timeline.period_end"), "plan"),
        ]
    share, overdue = None, False
    if record is not None:
        for day, label in ((record.started, "started"), (record.completed, "completed")):
            if day is not None:
                key = (day.year, day.month, day.day)
                when = fmt.date(day)
                events.append(c.TimelineEvent(key, day.isoformat(), when, t(f"progress.timeline.{label}"), "actual"))
        status = t(f"project_status.{record.status}")
        label = t("progress.timeline.as_of", status=status)
        if record.invested_wan is not None:
            label = t("progress.timeline.as_of_invested", status=status, invested=fmt.wan(record.invested_wan))
        day = record.as_of
        events.append(c.TimelineEvent((day.year, day.month, day.day), day.isoformat(), fmt.date(day), label, "as_of"))
        if record.invested_wan is not None and project.total_investment_wan:
            share = record.invested_wan / project.total_investment_wan * 100
        overdue = bool(project.period and day.year > project.period.end and record.status not in SETTLED)
    events.sort(key=lambda e: (e.sort_key, e.kind != "plan"))
    source = site.progress.source(record.source) if record else None
    return c.ProjectProgressView(record, source, events, share, overdue)


def status_counts(site: Site) -> list[c.StatusCount]:
    """The commitments by status; of "not yet measurable" and "no outcome recorded" only the one the date allows
    (before the plan's period ends, and after)."""
    counts, binding = site.progress.counts(), site.progress.binding_counts()
    moot = "not_measurable" if site.progress.ended else "no_outcome"
    return [
        c.StatusCount(status, counts[status], binding[status])
        for status in STATUSES
        if status != moot or counts[status]
    ]


def project_statuses(site: Site) -> list[str]:
    """The explorer's status filter: every project status, and "not recorded" (none when nothing is recorded)."""
    return [*PROJECT_STATUSES, NOT_RECORDED] if site.progress.projects else []


def _href(site: Site, addr: PageAddress, record: Any) -> str:
    if site.urls.has_page(record):
        return addr.to(record)
    return addr.target(record) if isinstance(record, m.Target) else ""


def _also(site: Site, addr: PageAddress, sp: SubjectProgress) -> list[tuple[str, str]]:
    """The table rows that state the same commitment as ``sp`` (a commitment of the text): label and address."""
    t, found = site.t(addr.lang), []
    for subject in site.progress.also.get(sp.subject, ()):
        table = site.progress.subjects.get(subject)
        own = getattr(table.record, "source", None) if table else None
        if table is None or not isinstance(own, m.Source):
            continue
        label = site.plan.source(own.ref).label[addr.lang]
        text = t("targets.row", label=label, n=own.row) if own.row else label
        found.append((text, _href(site, addr, table.record) or addr.source(site.plan.source(own.ref))))
    return found


def progress_rows(site: Site, addr: PageAddress) -> list[c.ProgressRow]:
    """The progress table: every commitment once (a table's target the text restates is the text's row)."""
    lang = addr.lang
    t, fmt = site.t(lang), site.fmt(lang)
    rank = {status: f"{i}" for i, status in enumerate(STATUSES)}
    order = {name: i for i, name in enumerate(site.progress.collections)}
    rows = []
    for i, sp in enumerate(site.progress.commitments):
        view = target_progress(site, sp.collection, sp.record, lang)
        assert view is not None
        goal, latest = sp.goal, sp.latest
        base = goal.base
        rows.append(
            c.ProgressRow(
                sp.record,
                t(f"data.collection.{sp.collection}"),
                sp.record.name[lang],
                goal.binding,
                t("progress.in_year", value=shown(base, goal, fmt), year=goal.base_year) if base is not None else "—",
                view.target,
                t("progress.in_year", value=shown(latest.value, goal, fmt), year=latest.year) if latest else "—",
                derived(sp.assessment.required, goal, fmt) if sp.assessment.limit is not None else "",
                view,
                {
                    "plan": f"{i:05d}",
                    "collection": f"{order.get(sp.collection, 0):03d}",
                    "status": rank[sp.status],
                    "latest": str(latest.year) if latest else "",
                    "as_of": sp.as_of.isoformat() if sp.as_of else "",
                    "binding": "0" if goal.binding else "1",
                },
                _href(site, addr, sp.record),
                _also(site, addr, sp),
            )
        )
    return rows


def progress_groups(site: Site, rows: list[c.ProgressRow], lang: str) -> list[c.ProgressGroup]:
    """The rows by collection, a commitment of the text by its theme (the targets page's groups), in the plan's
    order: what a phone folds, and what the page's jump list names."""
    groups: dict[str, c.ProgressGroup] = {}
    for r in rows:
        record = r.record
        theme = record.group if isinstance(record, m.Target) else None
        name = theme[lang] if theme is not None else r.collection
        if name not in groups:
            groups[name] = c.ProgressGroup(name, f"progress-group-{len(groups) + 1}", [])
        groups[name].rows.append(r)
    return list(groups.values())


def progress_page(site: Site, base: c.Page) -> c.ProgressPage:
    lang = base.address.lang
    fmt = site.fmt(lang)
    projects = site.plan.all(m.Project)
    project_counts = site.progress.project_counts(projects) if projects else {}
    rows = progress_rows(site, base.address)
    return c.ProgressPage(
        **{f.name: getattr(base, f.name) for f in fields(c.Page)},
        recorded=site.progress.recorded,
        counts=status_counts(site),
        rows=rows,
        project_counts=[c.StatusCount(status, n) for status, n in project_counts.items()],
        projects_recorded=bool(site.progress.projects),
        tolerance=fmt.percent(site.progress.tolerance),
        sources=list(site.progress.sources.values()),
        groups=progress_groups(site, rows, lang),
        commitments=commitment_count(site, lang),
        ended=site.progress.ended,
    )
