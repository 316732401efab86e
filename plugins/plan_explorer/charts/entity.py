"""The charts of the entity pages (named by their descriptors), built from the page's context."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..i18n import Translator
from ..numfmt import Formatter, chart_value
from ..site import contexts as c
from ..site.state import Site
from .rows import Built, actual_points, bars, money_yi, path_chart, path_points, project_rows, required, top_and


def _against_path(
    progress: c.TargetProgress | None,
    fallback: list[dict[str, Any]],
    value: Callable[[float | None], float | None],
    fmt: Formatter,
    unit: tuple[str, str],
    t: Translator,
) -> list[dict[str, Any]]:
    """The required path (the outcomes' own when the plan records outcomes, else ``fallback``) and the actual
    values recorded. The path's values are derived: rounded to the precision of the plan's own figures."""
    if progress is None:
        return fallback
    sp = progress.progress
    decimals = sp.goal.precision
    path = path_points(t("chart.required_path"), sp.path, value, lambda v: fmt.figure(v, *unit, decimals))
    return (path if sp.path else fallback) + actual_points(sp.actuals, value, lambda v: fmt.figure(v, *unit), t)


def _path_desc(progress: c.TargetProgress | None, start: float, end: float, show: Any, t: Translator) -> str:
    """The path chart's description: from the plan's base, or from a revised base-year value recorded later."""
    revised = progress.progress.base_actual if progress else None
    if revised is not None:
        return t("chart.indicator_path.desc_revised", start=show(revised.value), end=show(end), year=revised.year)
    return t("chart.indicator_path.desc", start=show(start), end=show(end))


def indicator_charts(page: c.IndicatorPage, site: Site, t: Translator, fmt: Formatter) -> Iterator[Built]:
    ind, fig = page.indicator, page.figures
    if fig.base is None or fig.target is None:
        return
    conv: Callable[[float | None], float | None] = lambda v: chart_value(v, ind.unit.zh, t.lang, ind.unit.en)  # noqa: E731
    unit = (ind.unit.zh, ind.unit.en)
    pts = required(t("chart.required_path"), fig.base, fig.target, fig.base_year, fig.target_year, conv, fmt, unit)
    pts = _against_path(page.progress, pts, conv, fmt, unit, t)
    yield path_chart(
        f"chart-{ind.id}",
        t,
        t("chart.indicator_path.title", name=ind.name[t.lang]),
        _path_desc(page.progress, fig.base, fig.target, lambda v: fmt.figure(v, *unit), t),
        pts,
        fmt.unit(ind.unit.zh, ind.unit.en),
    )


def industry_charts(page: c.IndustryPage, site: Site, t: Translator, fmt: Formatter) -> Iterator[Built]:
    ind, fig = page.industry, page.figures
    if fig.base and fig.target:
        conv = lambda v: money_yi(v, t.lang)  # noqa: E731
        unit = ("亿元", "")
        pts = required(t("chart.required_path"), fig.base, fig.target, fig.base_year, fig.target_year, conv, fmt, unit)
        pts = _against_path(page.progress, pts, conv, fmt, unit, t)
        yield path_chart(
            f"chart-{ind.id}-path",
            t,
            t("chart.industry_path.title", name=ind.name[t.lang]),
            _path_desc(page.progress, fig.base, fig.target, fmt.yi, t),
            pts,
            t("unit.money_axis"),
        )
    target = fig.target_year
    rows = [
        {
            "key": i.id,
            "label": i.name[t.lang],
            "value": money_yi(i.output.get(target), t.lang),
            "shown": fmt.yi(i.output.get(target)),
        }
        for i in top_and(site.relations.ranked_industries, ind)
    ]
    yield bars(
        f"chart-{ind.id}-share",
        t,
        t("chart.industry_share.title", n=fmt.small_count(len(site.relations.ranked_industries))),
        t(
            "chart.industry_share.desc",
            name=ind.name[t.lang],
            share=fmt.share(page.share_of_target),
            n=fmt.small_count(len(site.relations.ranked_industries)),
        ),
        rows,
        t("unit.money_axis"),
        highlight=ind.id,
        value_title=t("industry.output_target"),
    )


def project_charts(page: c.ProjectPage, site: Site, t: Translator, fmt: Formatter) -> Iterator[Built]:
    pr = page.project
    desc = (
        t("chart.project_rank.desc", rank=fmt.rank(page.rank, page.tied), share=fmt.share(page.share))
        if page.rank
        else t("chart.project_rank.tbd")
    )
    yield bars(
        f"chart-{pr.id}",
        t,
        t("chart.project_rank.title", count=page.count),
        desc,
        project_rows(top_and(site.relations.ranked_projects, pr), t, fmt, ranked=True),
        t("unit.money_axis"),
        value_title=t("project.total"),
        highlight=pr.id,
    )


def platform_charts(page: c.PlatformPage, site: Site, t: Translator, fmt: Formatter) -> Iterator[Built]:
    if not page.projects:
        return
    yield bars(
        f"chart-{page.platform.id}",
        t,
        t("chart.platform_projects.title"),
        t("chart.platform_projects.desc", count=len(page.projects), total=fmt.wan_total(page.investment_wan)),
        project_rows(page.projects, t, fmt),
        t("unit.money_axis"),
        value_title=t("project.total"),
    )


def township_charts(page: c.TownshipPage, site: Site, t: Translator, fmt: Formatter) -> Iterator[Built]:
    tw = page.township
    pts = [
        {"series": tw.name[t.lang], "year": y, "value": money_yi(v, t.lang), "shown": fmt.yi(v), "kind": "stated"}
        for y, v in sorted(tw.output.items())
    ]
    pts = _against_path(page.progress, pts, lambda v: money_yi(v, t.lang), fmt, ("亿元", ""), t)
    later = [y for y in sorted(tw.output) if y > site.plan.base_year]
    table = site.cite(t.lang).of(site.plan.source(tw.source.ref))
    yield path_chart(
        f"chart-{tw.id}",
        t,
        t("chart.township.title", name=tw.name[t.lang]),
        t("chart.township.desc", table=table, later=fmt.year_list(later)),
        pts,
        t("unit.money_axis"),
    )
