"""The plan's targets as pages, the export and the audit read them: whom a target belongs to, which statement of a
commitment comes first and which repeat it, the table figure it names, and the base it starts from.

A status (met, on track …) is not computed here; what one needs is: the target's figure or range and its
``comparison``, its ``kind``, its ``year``, ``every_year`` or ``in_operation``, and the base below (the outcomes
supply the rest).

The words the plan puts on a figure (``qualifier``: 以上, 不低于 …; ``commitment``: 确保, 力争) are read here from
the quote, at the figure: a word the data gives that the quote does not say there, or one the quote says that
the data leaves out, is a problem of the data (:func:`word_problems`), so pages can show the data's words as the
plan's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .model import records as m
from .model.plan import Plan
from .numfmt import plain

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


# --- the plan's words at a target's figure ---------------------------------------------------------------------

#: the comparisons a status may read a qualified figure with; 以下 has none of its own: it often bounds what is
#: counted (亩均税收5万元以下低效土地 … 出清) rather than the target's figure
IMPLIES: dict[str, frozenset[str]] = {
    **dict.fromkeys(("以上", "不低于", "至少", "超过"), frozenset({"at_least"})),
    **dict.fromkeys(("不超过", "以内"), frozenset({"at_most"})),
    **dict.fromkeys(("左右", "约"), frozenset({"about"})),
    "近": frozenset({"about", "at_most"}),
}
COMMITMENTS = ("确保", "力争")
_BEFORE = sorted((w for w, at in m.TARGET_QUALIFIERS.items() if at == "before"), key=len, reverse=True)
_AFTER = sorted((w for w, at in m.TARGET_QUALIFIERS.items() if at == "after"), key=len, reverse=True)
#: a number in running text that is not a year (the … of 到…年)
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])(?!年)")


@dataclass(frozen=True)
class Words:
    """What the quote says at the target's figure: where the figure is (None: the quote prints no digit for it,
    say 全覆盖), the qualifier beside it and the commitment word that governs it."""

    at: tuple[int, int] | None
    qualifier: str | None
    commitment: str | None


def _figure_at(target: m.Target) -> tuple[int, int] | None:
    """Where the quote prints the target's figure (the last place: a quote runs up to its own figure)."""
    if target.value is not None:
        pattern = rf"(?<![\d.]){re.escape(plain(target.value, grouping=False))}(?![\d.])"
    else:
        assert target.value_min is not None and target.value_max is not None
        low, high = (re.escape(plain(v, grouping=False)) for v in (target.value_min, target.value_max))
        pattern = rf"(?<![\d.]){low}\s*[-–—~～至到]\s*{high}(?![\d.])"
    found = list(re.finditer(pattern, target.quote))
    return found[-1].span() if found else None


def _after_unit(text: str, unit: str) -> str:
    """``text`` past the unit the plan writes after a figure, whole or shortened (100亿 for 亿元, 130万元 for
    万元/亩)."""
    text = text.lstrip()
    for n in range(len(unit), 0, -1):
        if text.startswith(unit[:n]):
            return text[n:]
    return text


def read_words(target: m.Target) -> Words:
    """The qualifier and commitment the quote puts on the target's figure."""
    quote = target.quote
    at = _figure_at(target)
    end = at[0] if at else len(quote)
    qualifier = None
    if at is not None:
        before, after = quote[: at[0]].rstrip(), _after_unit(quote[at[1] :], target.unit.zh)
        qualifier = next((w for w in _BEFORE if before.endswith(w)), None)
        qualifier = qualifier or next((w for w in _AFTER if after.startswith(w)), None)
    lead = quote[:end]
    places = [(lead.rfind(w), w) for w in COMMITMENTS if w in lead]
    commitment = None
    if places:
        place, word = max(places)
        if not _NUMBER.search(lead[place:]):  # no other figure between the word and this one
            commitment = word
    return Words(at, qualifier, commitment)


def word_problems(target: m.Target) -> list[tuple[str, str]]:
    """(field, message) for each word the data puts on a target that its quote does not say at its figure, each
    word the quote says there that the data leaves out, and a comparison the qualifier contradicts."""
    said, problems = read_words(target), []
    if target.qualifier != said.qualifier:
        if target.qualifier is None:
            problems.append(("qualifier", f"the quote qualifies the figure with '{said.qualifier}': give it"))
        elif said.at is not None or target.qualifier not in target.quote:
            where = " at the figure" if said.at is not None else ""
            there = f" (it writes '{said.qualifier}')" if said.qualifier else ""
            problems.append(("qualifier", f"'{target.qualifier}' is not in the quote{where}{there}"))
    if target.commitment != said.commitment:
        before = target.quote[: said.at[0] if said.at else len(target.quote)]
        if target.commitment is None:
            problems.append(("commitment", f"the quote says '{said.commitment}' of the figure: give it"))
        elif target.commitment not in before:
            problems.append(("commitment", f"'{target.commitment}' is not in the quote before the figure"))
    known = target.comparison in m.COMPARISONS  # one outside the list is reported as such
    if known and target.qualifier in IMPLIES and target.comparison not in IMPLIES[target.qualifier]:
        allowed = " or ".join(sorted(IMPLIES[target.qualifier]))
        problems.append(
            ("comparison", f"the plan's '{target.qualifier}' is read as {allowed}, not {target.comparison}")
        )
    return problems


def nature_problem(plan: Plan, target: m.Target) -> str | None:
    """Why the target may not carry ``nature`` (预期性/约束性), if so: only a table labels a quantity so — a
    commitment of the text has the label where it names (``same_as``) a labelled record's figure (not the stretch
    goal beside it, not a figure of its own), with the same label. A text figure that differs from the table's is
    not refused here: the audit reports the difference (a target against its table figure), and the data then
    gives the label to neither or to the one the table prints."""
    if target.nature is None:
        return None
    if target.same_as is None:
        return "only a table's labelled figure has a nature, and the target names none (same_as)"
    name, ident, *_ = target.same_as.split("/")
    record = plan.index.get(name, {}).get(ident)
    labelled = getattr(record, "nature", None)
    if labelled is None:
        return f"'{name}/{ident}' carries no nature"
    if labelled != target.nature:
        return f"'{name}/{ident}' is {labelled}, not {target.nature}"
    if _figure(plan, target.same_as) is None:
        return f"the table prints no figure at {target.same_as} for its label to be on"
    return None
