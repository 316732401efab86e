"""A reader's name for a figure the audit names by its path in data/ (``industries/chemicals/output/<year>``)."""

from __future__ import annotations

from ..model import records as m
from ..model.plan import Plan

#: how a figure at ``<collection>/<id>/<field>/<year>`` is named: (zh, en) for the base year and for later years
FIELD_LABELS = {
    "value": (("{y}年", "{y}"), ("{y}年目标", "{y} target")),
    "output": (("{y}年产值", "output {y}"), ("{y}年产值目标", "output target {y}")),
    "total": (("{y}年合计", "total {y}"), ("{y}年合计", "total {y}")),
    "output_target": (("{y}年产值目标", "output target {y}"), ("{y}年产值目标", "output target {y}")),
}
OTHER_FIELDS = {
    "growth_stated": ("所述年均增长", "stated average growth"),
    "land_target_wan_mu": ("工业用地目标", "industrial land target"),
}


def describe(plan: Plan, path: str) -> m.Text:
    """A reader's name for the figure at ``path``: the entity's name and which of its figures."""
    collection, ident, *rest = path.split("/")
    name = plan.index[collection][ident].name
    if len(rest) == 1 and rest[0].isdigit():  # a point of a series
        zh, en = f"{rest[0]}年", rest[0]
    elif len(rest) == 2 and rest[1].isdigit() and rest[0] in FIELD_LABELS:
        year = int(rest[1])
        (zh, en) = FIELD_LABELS[rest[0]][0 if year <= plan.base_year else 1]
        zh, en = zh.format(y=year), en.format(y=year)
    elif rest and rest[0] in OTHER_FIELDS:
        zh, en = OTHER_FIELDS[rest[0]]
    else:
        zh, en = (rest[0], rest[0].replace("_", " ")) if rest else ("", "")
    return m.Text(zh=f"{name.zh}，{zh}", en=f"{name['en']}, {en}")


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
