"""Charts of the overview pages (indicators, industries, platforms, projects, townships)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import altair as alt

from . import contexts as c
from .charts import PALETTE, Chart, base, configure
from .chartspecs import CHART_MAX_ROWS, Built, _bars, _money_wan, _money_yi, _project_rows
from .i18n import Translator
from .numfmt import Formatter


def indicators_overview(page: c.ListPage, site: Any, t: Translator, fmt: Formatter) -> Iterator[Built]:
    rows = [
        {
            "key": i.id,
            "label": i.name[t.lang],
            "value": round(i.value_2025 / i.value_2020 * 100 - 100, 1),
            "shown": fmt.percent(round(i.value_2025 / i.value_2020 * 100 - 100, 1)),
        }
        for i in site.plan.indicators.indicators
        if i.value_2020 and i.value_2025
    ]
    yield _bars(
        "chart-indicators",
        t,
        fmt,
        t("chart.indicators.title"),
        t("chart.indicators.desc"),
        rows,
        t("chart.change_percent"),
    )


def industries_overview(page: c.ListPage, site: Any, t: Translator, fmt: Formatter) -> Iterator[Built]:
    lang = t.lang
    inds = sorted(site.plan.industries.industries, key=lambda i: -(i.output_2025 or 0))[:CHART_MAX_ROWS]
    data = []
    for i in inds:
        for year in (2020, 2025):
            v = getattr(i, f"output_{year}")
            if v is not None:
                data.append(
                    {
                        "label": i.name[lang],
                        "year": str(year),
                        "value": _money_yi(v, lang),
                        "shown": fmt.yi(v),
                        "group": t(f"industry.group.{i.group}"),
                    }
                )
    chart = (
        base(data, height=320)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=[i.name[lang] for i in inds], title=None),
            yOffset="year:N",
            x=alt.X("value:Q", title=t("unit.money_axis"), axis=alt.Axis(format="~r")),
            color=alt.Color("year:N", title=None, scale=alt.Scale(range=[PALETTE["muted"], PALETTE["main"]])),
            tooltip=["label:N", "year:N", alt.Tooltip("shown:N", title=t("unit.money_axis"))],
        )
    )
    rows = [[i.name[lang], t(f"industry.group.{i.group}"), fmt.yi(i.output_2020), fmt.yi(i.output_2025)] for i in inds]
    yield (
        Chart(
            "chart-industries",
            t("chart.industries.title"),
            t("chart.industries.desc"),
            [t("chart.item"), t("industry.group"), "2020", "2025"],
            rows,
            "",
        ),
        configure(chart, t.lang),
    )
    groups = [
        {
            "key": f"{g.id}-{year}",
            "label": f"{g.name[lang]} {year}",
            "value": _money_yi(total, lang),
            "shown": fmt.yi(total),
        }
        for g in site.plan.industries.groups
        for year, total in ((2020, g.total_2020), (2025, g.total_2025))
        if total is not None
    ]
    yield _bars(
        "chart-industry-groups",
        t,
        fmt,
        t("chart.industry_groups.title"),
        t("chart.industry_groups.desc"),
        groups,
        t("unit.money_axis"),
    )


def _sum_by(projects: list[Any], key_of: Any, t: Translator, fmt: Formatter) -> list[dict[str, Any]]:
    """Total investment of the projects grouped by ``key_of`` (None: not classified), largest first."""
    totals: dict[str, float] = {}
    for p in projects:
        key = key_of(p) or t("common.unclassified")
        totals[key] = totals.get(key, 0) + (p.total_investment_wan or 0)
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])
    return [{"key": k, "label": k, "value": _money_wan(v, t.lang), "shown": fmt.wan(v)} for k, v in ranked]


def _largest(projects: list[Any]) -> list[Any]:
    """The CHART_MAX_ROWS projects of largest investment (all of them in the real plan)."""
    return sorted(projects, key=lambda p: -(p.total_investment_wan or 0))[:CHART_MAX_ROWS]


def projects_overview(page: c.ListPage, site: Any, t: Translator, fmt: Formatter) -> Iterator[Built]:
    projects = site.plan.projects.projects
    yield _bars(
        "chart-projects",
        t,
        fmt,
        t("chart.projects.title", count=len(projects)),
        t("chart.projects.desc"),
        _project_rows(site.relations.ranked_projects[:CHART_MAX_ROWS], t, fmt, ranked=True),
        t("unit.money_axis"),
    )
    groupings = {
        "industry": lambda p: site.plan.get("industries", p.industry).name[t.lang] if p.industry else None,
        "type": lambda p: t(f"project.type.{p.type}"),
        "location": lambda p: p.location[t.lang],
    }
    for name, key_of in groupings.items():
        yield _bars(
            f"chart-projects-{name}",
            t,
            fmt,
            t(f"chart.projects_{name}.title"),
            t(f"chart.projects_{name}.desc"),
            _sum_by(projects, key_of, t, fmt),
            t("unit.money_axis"),
        )
    timeline = [
        {
            "label": ("★ " if p.hangzhou_major else "") + p.name[t.lang],
            "start": p.period.start,
            "end": p.period.end + 1,
            "shown": fmt.years(p.period.start, p.period.end),
        }
        for p in sorted(_largest(projects), key=lambda p: (p.period.start if p.period else 9999, p.seq))
        if p.period
    ]
    chart = (
        base(timeline, height=24 * len(timeline))
        .mark_bar(color=PALETTE["main"])
        .encode(
            y=alt.Y("label:N", sort=None, title=None),
            x=alt.X("start:Q", title=t("chart.year"), scale=alt.Scale(zero=False), axis=alt.Axis(format="d")),
            x2="end:Q",
            tooltip=["label:N", alt.Tooltip("shown:N", title=t("project.period"))],
        )
    )
    tbd = [p.name[t.lang] for p in _largest(projects) if not p.period]
    rows = [[r["label"], r["shown"]] for r in timeline] + [[n, t("common.tbd")] for n in tbd]
    yield (
        Chart(
            "chart-projects-timeline",
            t("chart.timeline.title"),
            t("chart.timeline.desc", tbd=len(tbd)),
            [t("chart.item"), t("project.period")],
            rows,
            "",
        ),
        configure(chart, t.lang),
    )


def platforms_overview(page: c.ListPage, site: Any, t: Translator, fmt: Formatter) -> Iterator[Built]:
    rel = site.relations
    rows = [
        {
            "key": p.id,
            "label": p.name[t.lang],
            "value": _money_wan(sum(x.total_investment_wan or 0 for x in rel.platform_projects(p.id)), t.lang),
            "shown": fmt.wan(sum(x.total_investment_wan or 0 for x in rel.platform_projects(p.id))),
        }
        for p in site.plan.platforms.platforms
    ]
    yield _bars(
        "chart-platforms", t, fmt, t("chart.platforms.title"), t("chart.platforms.desc"), rows, t("unit.money_axis")
    )
    targets = [
        {
            "key": p.id,
            "label": p.name[t.lang],
            "value": _money_yi(p.output_target_2025_yi, t.lang),
            "shown": fmt.yi(p.output_target_2025_yi),
        }
        for p in site.plan.platforms.platforms
        if p.output_target_2025_yi
    ]
    yield _bars(
        "chart-platform-targets",
        t,
        fmt,
        t("chart.platform_targets.title"),
        t("chart.platform_targets.desc"),
        targets,
        t("unit.money_axis"),
    )


def townships_overview(page: c.ListPage, site: Any, t: Translator, fmt: Formatter) -> Iterator[Built]:
    rows = [tw for tw in site.plan.townships.townships if tw.kind != "total"]
    if len(rows) > CHART_MAX_ROWS:  # the largest by their latest target, in the plan's order
        largest = {id(tw) for tw in sorted(rows, key=lambda tw: -max(tw.output.values(), default=0))[:CHART_MAX_ROWS]}
        rows = [tw for tw in rows if id(tw) in largest]
    data = [
        {
            "label": tw.name[t.lang],
            "year": str(y),
            "value": _money_yi(v, t.lang),
            "shown": fmt.yi(v),
            "kind": t(f"township.kind.{tw.kind}"),
        }
        for tw in rows
        for y, v in sorted(tw.output.items())
    ]
    chart = (
        base(data, height=520)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=None, title=None),
            yOffset="year:N",
            x=alt.X("value:Q", title=t("unit.money_axis"), axis=alt.Axis(format="~r")),
            color=alt.Color(
                "year:N", title=None, scale=alt.Scale(range=["#c6d8e6", PALETTE["muted"], "#5f8db0", PALETTE["main"]])
            ),
            row=alt.Row(
                "kind:N",
                title=None,
                sort=[t(f"township.kind.{k}") for k in ("township", "zone", "enterprise", "utility")],
                header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold"),
            ),
            tooltip=["label:N", "year:N", alt.Tooltip("shown:N", title=t("unit.money_axis"))],
        )
        .resolve_scale(y="independent")
    )
    table = [
        [tw.name[t.lang], t(f"township.kind.{tw.kind}")] + [fmt.yi(tw.output.get(y)) for y in (2020, 2021, 2022, 2025)]
        for tw in rows
    ]
    yield (
        Chart(
            "chart-townships",
            t("chart.townships.title"),
            t("chart.townships.desc"),
            [t("chart.item"), t("township.kind"), "2020", "2021", "2022", "2025"],
            table,
            "",
        ),
        configure(chart, t.lang),
    )


OVERVIEWS = {
    "indicators/": indicators_overview,
    "industries/": industries_overview,
    "projects/": projects_overview,
    "platforms/": platforms_overview,
    "townships/": townships_overview,
}
