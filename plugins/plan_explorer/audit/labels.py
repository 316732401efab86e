"""A reader's name for a figure the audit names by its path in data/ (``industries/chemicals/output/<year>``): a
catalogue sentence (``audit.label.path.*``) filled with the record's name and the year, so the audit's Python holds
no reader's words."""

from __future__ import annotations

from ..model import records as m
from ..model.plan import Plan
from .findings import Say, label

#: the fields whose figures are named by year: the base year's figure, and a later year's (a target)
YEAR_FIELDS = ("value", "output", "total", "output_target")
#: the fields named without a year
OTHER_FIELDS = ("growth_stated", "land_target_wan_mu")


def describe(plan: Plan, path: str) -> Say:
    """A reader's name for the figure at ``path``: the entity's name and which of its figures."""
    collection, ident, *rest = path.split("/")
    name: m.Text = plan.index[collection][ident].name
    if len(rest) == 1 and rest[0].isdigit():  # a point of a series
        return label("path.point", name=name, year=int(rest[0]))
    if len(rest) == 2 and rest[1].isdigit() and rest[0] in YEAR_FIELDS:
        year = int(rest[1])
        when = "base" if year <= plan.base_year else "later"
        return label(f"path.{rest[0]}.{when}", name=name, year=year)
    if rest and rest[0] in OTHER_FIELDS:
        return label(f"path.{rest[0]}", name=name)
    return label("path.figure", name=name)


def unit_of(plan: Plan, path: str) -> str:
    """The plan's unit of the figure at ``path`` (its record's unit; 亿元 for outputs and totals)."""
    collection, ident, *rest = path.split("/")
    record = plan.index[collection][ident]
    if rest and rest[0] == "growth_stated":
        return "%"
    if rest and rest[0] == "land_target_wan_mu":
        return "万亩"
    unit = getattr(record, "unit", None)
    if isinstance(unit, m.Text):
        return unit.zh
    return "亿元" if rest and rest[0] in ("output", "total", "output_target") else ""


def unit_en_of(plan: Plan, path: str) -> str:
    """The record's English unit of the figure at ``path`` where it says more than the Chinese one (``CNY 10,000
    per mu`` for a per-mu indicator in 万元), else ""."""
    collection, ident, *rest = path.split("/")
    unit = getattr(plan.index[collection][ident], "unit", None)
    if not isinstance(unit, m.Text) or (rest and rest[0] == "growth_stated"):
        return ""
    return unit.en if unit.en.startswith("CNY 10,000 ") else ""
