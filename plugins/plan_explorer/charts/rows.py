"""The rows charts are made of, shared by the entity pages' and the overviews' charts: money in the chart's
unit, ranked bars, paths from a base value to a target, recorded outcomes."""

from __future__ import annotations

from typing import Any

from ..i18n import Translator
from ..model import records as m
from ..numfmt import Formatter, axis_scale, chart_number, precision, wan_position
from .base import Chart, required_path_points
from .forms import Drawn

CHART_MAX_ROWS = 40  # bar charts show the largest rows; the tables of the pages list every row
RANK_TOP = 10  # a project's (industry's) chart shows the largest projects (industries) and itself
Built = tuple[Chart, Any]  # the chart and its source: a Drawn form or an Altair chart


def money_yi(value: float | None, lang: str) -> float | None:
    """亿元 → the chart unit: 亿元 (zh) or CNY billion (en), as a position (rounded: no float noise in specs)."""
    return None if value is None else chart_number(value if lang == "zh" else value / 10)


def money_wan(value: float | None, lang: str) -> float | None:
    """万元 → the chart unit: 亿元 (zh) or CNY billion (en), as a position."""
    return None if value is None else chart_number(value / 10000 if lang == "zh" else value / 100000)


def bars(
    cid: str,
    t: Translator,
    title: str,
    desc: str,
    rows: list[dict[str, Any]],
    unit_title: str,
    highlight: str | None = None,
    value_title: str = "",
) -> Built:
    """Labelled bars, largest first as given; at most CHART_MAX_ROWS (and the highlighted row). Rows of 万元 amounts
    (``wan``: the amount; ``derived``: a sum) are drawn and labelled in the one unit of the axis the largest of them
    reads in (:func:`numfmt.axis_scale`), which then titles the axis."""
    shown = rows[:CHART_MAX_ROWS] + [r for r in rows[CHART_MAX_ROWS:] if r["key"] == highlight]
    if shown and all("wan" in r for r in shown):
        unit_title, shown = _on_one_scale(shown, t.lang)
    data = [dict(r, hl=(r["key"] == highlight)) for r in shown]
    table = [[r["label"], r.get("exact", r["shown"])] for r in shown]
    chart = Chart(cid, title, desc, [t("chart.item"), value_title or t("chart.value")], table, "")
    return chart, Drawn("bars", data, unit_title, highlight is not None)


def _on_one_scale(rows: list[dict[str, Any]], lang: str) -> tuple[str, list[dict[str, Any]]]:
    """Money bars on one axis unit: their positions, their labels (rounded as a sum is, so that a label never
    needs more digits than the axis: CNY 0.404 billion) and the axis's title in it; the data table keeps each
    figure as its page shows it (``exact``: a stated amount exactly, in the reader's unit)."""
    scale = axis_scale([(r["wan"] or 0) * 10000 for r in rows], lang)
    fmt = Formatter(lang)
    placed = [
        dict(
            r,
            value=wan_position(r["wan"], lang, scale) or 0,
            shown=fmt.wan_on_axis(r["wan"], derived=True, scale=scale),
            exact=fmt.wan_total(r["wan"]) if r.get("derived") else fmt.wan(r["wan"], "none"),
        )
        for r in rows
    ]
    return fmt.unit("万元", scale=scale), placed


def path_chart(cid: str, t: Translator, title: str, desc: str, points: list[dict[str, Any]], unit_title: str) -> Built:
    """Yearly lines: a required path, stated figures, recorded outcomes."""
    rows = [[p["series"], str(p["year"]), p["shown"]] for p in points]
    chart = Chart(cid, title, desc, [t("chart.series"), t("chart.year"), t("chart.value")], rows, "")
    return chart, Drawn("lines", points, unit_title)


def required(
    series: str, start: float, end: float, first: int, last: int, value: Any, fmt: Formatter, unit: tuple[str, str]
) -> list[dict[str, Any]]:
    """The compound path from ``start`` in ``first`` to ``end`` in ``last``, one point a year: derived figures,
    shown to the precision of the plan's own two (``unit``: the plan's unit, Chinese and English)."""
    decimals = precision(start, end)
    return [
        {
            "series": series,
            "year": y,
            "value": value(v),
            "shown": fmt.figure(v, unit[0], unit[1], decimals),
            "kind": "required",
        }
        for y, v in required_path_points(start, end, first, last)
    ]


def path_points(series: str, steps: list[tuple[int, float]], value: Any, shown: Any) -> list[dict[str, Any]]:
    """A required path computed by the outcomes stage (through the plan's figures, from a revised base if any)."""
    return [{"series": series, "year": y, "value": value(v), "shown": shown(v), "kind": "required"} for y, v in steps]


def actual_points(actuals: list[m.ActualValue], value: Any, shown: Any, t: Translator) -> list[dict[str, Any]]:
    """Recorded outcomes as points to draw against a required path."""
    return [
        {
            "series": t("chart.actual"),
            "year": a.year,
            "value": value(a.value),
            "shown": shown(a.value),
            "kind": "actual",
        }
        for a in actuals
    ]


def project_rows(
    projects: list[m.Project], t: Translator, fmt: Formatter, ranked: bool = False
) -> list[dict[str, Any]]:
    """Chart rows of ``projects``, largest first (``ranked``: they already are)."""
    if not ranked:
        projects = sorted(projects, key=lambda p: -(p.total_investment_wan or 0))
    return [
        {
            "key": p.id,
            "label": ("★ " if p.starred else "") + p.name[t.lang],
            "value": money_wan(p.total_investment_wan, t.lang) or 0,
            "shown": fmt.wan_on_axis(p.total_investment_wan),
            "wan": p.total_investment_wan,
        }
        for p in projects
    ]


def top_and(ranked: list[Any], item: Any) -> list[Any]:
    """The RANK_TOP first of ``ranked``, and ``item`` after them if it is not one of them (any plan size)."""
    top = ranked[:RANK_TOP]
    return top if any(x.id == item.id for x in top) else [*top, item]
