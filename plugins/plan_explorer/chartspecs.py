"""Which charts each page type gets, built from the data (templates only place them)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from . import contexts as c
from .chartforms import Drawn
from .charts import Chart, required_path_points
from .i18n import Translator
from .numfmt import Formatter

CHART_MAX_ROWS = 40  # bar charts show the largest rows; the tables of the pages list every row
RANK_TOP = 10  # a project's (industry's) chart shows the largest projects (industries) and itself
Built = tuple[Chart, Any]  # the chart and its source: a Drawn form or an Altair chart


def _money_yi(value: float | None, lang: str) -> float | None:
    """亿元 → the chart unit: 亿元 (zh) or CNY billion (en)."""
    return None if value is None else (value if lang == "zh" else value / 10)


def _money_wan(value: float | None, lang: str) -> float | None:
    return None if value is None else (value / 10000 if lang == "zh" else value / 100000)


def _bars(
    cid: str,
    t: Translator,
    fmt: Formatter,
    title: str,
    desc: str,
    rows: list[dict[str, Any]],
    unit_title: str,
    highlight: str | None = None,
) -> Built:
    """Labelled bars, largest first as given; at most CHART_MAX_ROWS (and the highlighted row)."""
    shown = rows[:CHART_MAX_ROWS] + [r for r in rows[CHART_MAX_ROWS:] if r["key"] == highlight]
    data = [dict(r, hl=(r["key"] == highlight)) for r in shown]
    table = [[r["label"], r["shown"]] for r in shown]
    chart = Chart(cid, title, desc, [t("chart.item"), unit_title], table, "")
    return chart, Drawn("bars", data, unit_title, highlight is not None)


def _path_chart(cid: str, t: Translator, title: str, desc: str, points: list[dict[str, Any]], unit_title: str) -> Built:
    rows = [[p["series"], str(p["year"]), p["shown"]] for p in points]
    chart = Chart(cid, title, desc, [t("chart.series"), t("chart.year"), unit_title], rows, "")
    return chart, Drawn("lines", points, unit_title)


def _required(series: str, start: float, end: float, kind_value: Any, fmt_value: Any) -> list[dict[str, Any]]:
    return [
        {"series": series, "year": y, "value": kind_value(v), "shown": fmt_value(v), "kind": "required"}
        for y, v in required_path_points(start, end, 2020, 2025)
    ]


def _actual_points(actuals: list[Any], value_of: Any, shown_of: Any, t: Translator) -> list[dict[str, Any]]:
    """Recorded outcomes as points to draw against a required path."""
    return [
        {
            "series": t("chart.actual"),
            "year": a.year,
            "value": value_of(a.value),
            "shown": shown_of(a.value),
            "kind": "actual",
        }
        for a in actuals
    ]


def home_charts(page: c.Page, site: Any, t: Translator, fmt: Formatter) -> Iterator[Built]:
    lang = t.lang
    ind = site.plan.get("indicators", "gross-output")
    pts = _required(t("chart.required_path"), ind.value_2020, ind.value_2025, lambda v: _money_yi(v, lang), fmt.yi)
    pts += _actual_points(site.actuals_for("indicators/gross-output"), lambda v: _money_yi(v, lang), fmt.yi, t)
    yield _path_chart(
        "chart-output-path",
        t,
        t("chart.output_path.title"),
        t("chart.output_path.desc", start=fmt.yi(ind.value_2020), end=fmt.yi(ind.value_2025)),
        pts,
        t("unit.money_axis"),
    )
    hist = [
        {
            "series": s.name[lang],
            "year": p.year,
            "value": _money_yi(p.value, lang),
            "shown": fmt.yi(p.value),
            "kind": "stated",
        }
        for s in site.plan.history.series
        for p in s.points
    ]
    yield _path_chart("chart-history", t, t("chart.history.title"), t("chart.history.desc"), hist, t("unit.money_axis"))


def indicator_charts(page: c.IndicatorPage, site: Any, t: Translator, fmt: Formatter) -> Iterator[Built]:
    ind = page.indicator
    if ind is None or ind.value_2020 is None or ind.value_2025 is None:
        return
    unit = ind.unit[t.lang]
    money = ind.unit.zh == "亿元"
    conv = (lambda v: _money_yi(v, t.lang)) if money else (lambda v: v)
    show = fmt.yi if money else (lambda v: fmt.figure(round(v, 2), ind.unit.zh, ind.unit.en))
    pts = _required(t("chart.required_path"), ind.value_2020, ind.value_2025, conv, show)
    pts += _actual_points(page.actuals, conv, show, t)
    yield _path_chart(
        f"chart-{ind.id}",
        t,
        t("chart.indicator_path.title", name=ind.name[t.lang]),
        t("chart.indicator_path.desc", start=show(ind.value_2020), end=show(ind.value_2025)),
        pts,
        t("unit.money_axis") if money else unit,
    )


def industry_charts(page: c.IndustryPage, site: Any, t: Translator, fmt: Formatter) -> Iterator[Built]:
    ind = page.industry
    if ind is None:
        return
    if ind.output_2020 and ind.output_2025:
        pts = _required(
            t("chart.required_path"), ind.output_2020, ind.output_2025, lambda v: _money_yi(v, t.lang), fmt.yi
        )
        pts += _actual_points(page.actuals, lambda v: _money_yi(v, t.lang), fmt.yi, t)
        yield _path_chart(
            f"chart-{ind.id}-path",
            t,
            t("chart.industry_path.title", name=ind.name[t.lang]),
            t("chart.indicator_path.desc", start=fmt.yi(ind.output_2020), end=fmt.yi(ind.output_2025)),
            pts,
            t("unit.money_axis"),
        )
    ranked = site.relations.ranked_industries
    rows = [
        {
            "key": i.id,
            "label": i.name[t.lang],
            "value": _money_yi(i.output_2025, t.lang),
            "shown": fmt.yi(i.output_2025),
        }
        for i in _top_and(ranked, ind)
    ]
    yield _bars(
        f"chart-{ind.id}-share",
        t,
        fmt,
        t("chart.industry_share.title"),
        t("chart.industry_share.desc", name=ind.name[t.lang], share=fmt.percent(page.share_2025, 1)),
        rows,
        t("unit.money_axis"),
        highlight=ind.id,
    )


def _project_rows(projects: list[Any], t: Translator, fmt: Formatter, ranked: bool = False) -> list[dict[str, Any]]:
    """Chart rows of ``projects``, largest first (``ranked``: they already are)."""
    if not ranked:
        projects = sorted(projects, key=lambda p: -(p.total_investment_wan or 0))
    return [
        {
            "key": p.id,
            "label": ("★ " if p.hangzhou_major else "") + p.name[t.lang],
            "value": _money_wan(p.total_investment_wan, t.lang) or 0,
            "shown": fmt.wan(p.total_investment_wan),
        }
        for p in projects
    ]


def project_charts(page: c.ProjectPage, site: Any, t: Translator, fmt: Formatter) -> Iterator[Built]:
    pr = page.project
    if pr is None:
        return
    desc = (
        t("chart.project_rank.desc", rank=page.rank, share=fmt.percent(page.share, 1))
        if page.rank
        else t("chart.project_rank.tbd")
    )
    yield _bars(
        f"chart-{pr.id}",
        t,
        fmt,
        t("chart.project_rank.title", count=len(site.plan.projects.projects)),
        desc,
        _rank_rows(site.relations.ranked_projects, pr, t, fmt),
        t("unit.money_axis"),
        highlight=pr.id,
    )


def _top_and(ranked: list[Any], item: Any) -> list[Any]:
    """The RANK_TOP first of ``ranked``, and ``item`` after them if it is not one of them (any plan size)."""
    top = ranked[:RANK_TOP]
    return top if any(x.id == item.id for x in top) else [*top, item]


def _rank_rows(ranked: list[Any], project: Any, t: Translator, fmt: Formatter) -> list[dict[str, Any]]:
    return _project_rows(_top_and(ranked, project), t, fmt, ranked=True)


def platform_charts(page: c.PlatformPage, site: Any, t: Translator, fmt: Formatter) -> Iterator[Built]:
    if page.platform is None or not page.projects:
        return
    yield _bars(
        f"chart-{page.platform.id}",
        t,
        fmt,
        t("chart.platform_projects.title"),
        t("chart.platform_projects.desc", count=len(page.projects), total=fmt.wan(page.investment_wan)),
        _project_rows(page.projects, t, fmt),
        t("unit.money_axis"),
    )


def township_charts(page: c.TownshipPage, site: Any, t: Translator, fmt: Formatter) -> Iterator[Built]:
    tw = page.township
    if tw is None:
        return
    pts = [
        {"series": tw.name[t.lang], "year": y, "value": _money_yi(v, t.lang), "shown": fmt.yi(v), "kind": "stated"}
        for y, v in sorted(tw.output.items())
    ]
    pts += _actual_points(page.actuals, lambda v: _money_yi(v, t.lang), fmt.yi, t)
    yield _path_chart(
        f"chart-{tw.id}",
        t,
        t("chart.township.title", name=tw.name[t.lang]),
        t("chart.township.desc"),
        pts,
        t("unit.money_axis"),
    )


BY_TYPE = {
    c.HomePage: home_charts,
    c.IndicatorPage: indicator_charts,
    c.IndustryPage: industry_charts,
    c.ProjectPage: project_charts,
    c.PlatformPage: platform_charts,
    c.TownshipPage: township_charts,
}


def build_charts(page: c.Page, site: Any, t: Translator, fmt: Formatter) -> list[Built]:
    if isinstance(page, c.ListPage):
        from .chartoverviews import OVERVIEWS

        builder = OVERVIEWS.get(page.address.path)
        return list(builder(page, site, t, fmt)) if builder else []
    builder_fn = BY_TYPE.get(type(page))
    return list(builder_fn(page, site, t, fmt)) if builder_fn else []
