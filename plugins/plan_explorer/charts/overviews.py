"""Charts of the overview pages (named by their collections' descriptors) and of the home page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..i18n import Translator
from ..model import records as m
from ..numfmt import POINTS_DECIMALS, SHARE_DECIMALS, Formatter, rounded
from ..site import contexts as c
from ..site.pages import caption
from ..site.state import Site
from .base import Chart
from .forms import Drawn
from .rows import CHART_MAX_ROWS, Built, actual_points, bars, money_wan, money_yi, path_chart, project_rows, required

PERCENT_UNITS = ("%", "（%）")  # an indicator in % is a share: its change is in percentage points


def home_charts(page: c.HomePage, site: Site, t: Translator, fmt: Formatter) -> Iterator[Built]:
    """The featured indicator's path to its target, and the plan's history series."""
    lang, plan = t.lang, site.plan
    ind = page.featured
    start, end = (ind.value.get(plan.base_year), ind.value.get(plan.target_year)) if ind else (None, None)
    if ind is not None and start and end:
        conv = lambda v: money_yi(v, lang)  # noqa: E731
        unit = (ind.unit.zh, ind.unit.en)
        pts = required(t("chart.required_path"), start, end, plan.base_year, plan.target_year, conv, fmt, unit)
        progress = site.progress.of("indicators", ind)
        pts += actual_points(progress.actuals if progress else [], conv, fmt.yi, t)
        yield path_chart(
            "chart-output-path",
            t,
            t("chart.output_path.title", name=ind.name[lang]),
            t("chart.output_path.desc", start=fmt.yi(start), end=fmt.yi(end)),
            pts,
            t("unit.money_axis"),
        )
    series = plan.all(m.Series)
    if series:
        years = [p.year for s in series for p in s.points]
        hist = [
            {
                "series": s.name[lang],
                "year": p.year,
                "value": money_yi(p.value, lang),
                "shown": fmt.yi(p.value),
                "kind": "stated",
            }
            for s in series
            for p in s.points
        ]
        source = plan.source(series[0].source.ref)
        names = "、".join(s.name.zh for s in series) if lang == "zh" else "; ".join(s.name["en"] for s in series)
        title = caption(source, lang) if source.title else t("chart.history.title", first=min(years), last=max(years))
        yield path_chart(
            "chart-history",
            t,
            title,
            t("chart.history.desc", names=names),
            hist,
            t("unit.money_axis"),
        )


def indicators_charts(page: c.IndicatorsPage, site: Site, t: Translator, fmt: Formatter) -> Iterator[Built]:
    """How far each indicator's target lies from its baseline: quantities by their change in per cent, shares
    (figures in %) by their change in percentage points (8.8 % → 15 % is +6.2 points, not +70.5 %)."""
    base_year, target = site.plan.base_year, site.plan.target_year
    pairs = [
        (i, start, end)
        for g in page.groups
        for i in g.indicators
        if (start := i.value.get(base_year)) is not None and (end := i.value.get(target)) is not None
    ]
    relative = [
        (i, float(rounded(end / start * 100 - 100, SHARE_DECIMALS)))
        for i, start, end in pairs
        if i.unit.zh not in PERCENT_UNITS and start
    ]
    points = [
        (i, float(rounded(end - start, POINTS_DECIMALS))) for i, start, end in pairs if i.unit.zh in PERCENT_UNITS
    ]
    if relative:
        rows = [
            {"key": i.id, "label": i.name[t.lang], "value": change, "shown": fmt.signed_percent(change)}
            for i, change in relative
        ]
        yield bars(
            "chart-indicators",
            t,
            t("chart.indicators.title"),
            t("chart.indicators.desc"),
            rows,
            t("chart.change_percent"),
        )
    if points:
        rows = [
            {"key": i.id, "label": i.name[t.lang], "value": change, "shown": fmt.points(change)} for i, change in points
        ]
        yield bars(
            "chart-indicator-shares",
            t,
            t("chart.indicator_shares.title"),
            t("chart.indicator_shares.desc"),
            rows,
            t("chart.change_points"),
        )


def industries_charts(page: c.IndustriesPage, site: Site, t: Translator, fmt: Formatter) -> Iterator[Built]:
    lang, plan = t.lang, site.plan
    years = (plan.base_year, plan.target_year)
    groups = {g.id: g for g in plan.all(m.IndustryGroup)}
    inds = site.relations.ranked_industries[:CHART_MAX_ROWS]  # largest target first, as the description says
    data = [
        {"label": i.name[lang], "series": str(year), "value": money_yi(v, lang), "shown": fmt.yi(v)}
        for i in inds
        for year in years
        if (v := i.output.get(year)) is not None
    ]
    rows = [[i.name[lang], groups[i.group].name[lang], *(fmt.yi(i.output.get(y)) for y in years)] for i in inds]
    n = fmt.small_count(len(plan.all(m.Industry)))
    yield (
        Chart(
            "chart-industries",
            t("chart.industries.title", n=n),
            t("chart.industries.desc"),
            [t("chart.item"), t("industry.group"), *(str(y) for y in years)],
            rows,
            "",
        ),
        Drawn("grouped", data, t("unit.money_axis")),
    )
    totals = [
        {"label": g.name[lang], "series": str(year), "value": money_yi(total, lang), "shown": fmt.yi(total)}
        for g in groups.values()
        for year in years
        if (total := g.total.get(year)) is not None
    ]
    if totals:
        order = [s.id for s in plan.meta.sources]
        refs = sorted({g.source.ref for g in groups.values()}, key=order.index)
        labels = [plan.source(ref).label[lang] for ref in refs]
        table = [[g.name[lang], *(fmt.yi(g.total.get(y)) for y in years)] for g in groups.values()]
        yield (
            Chart(
                "chart-industry-groups",
                t("chart.industry_groups.title", tables=("、" if lang == "zh" else " and ").join(labels)),
                t("chart.industry_groups.desc"),
                [t("industry.group"), *(str(y) for y in years)],
                table,
                "",
            ),
            Drawn("grouped", totals, t("unit.money_axis")),
        )


def _sum_by(projects: list[Any], key_of: Any, t: Translator, fmt: Formatter) -> list[dict[str, Any]]:
    """Total investment of the projects grouped by ``key_of`` (None: not classified), largest first."""
    totals: dict[str, float] = {}
    for p in projects:
        key = key_of(p) or t("common.unclassified")
        totals[key] = totals.get(key, 0) + (p.total_investment_wan or 0)
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])
    return [
        {
            "key": k,
            "label": k,
            "value": money_wan(v, t.lang),
            "shown": fmt.wan_on_axis(v, derived=True),
            "wan": v,
            "derived": True,
        }
        for k, v in ranked
    ]


def _largest(projects: list[Any]) -> list[Any]:
    """The CHART_MAX_ROWS projects of largest investment (all of them in the real plan)."""
    return sorted(projects, key=lambda p: -(p.total_investment_wan or 0))[:CHART_MAX_ROWS]


def projects_charts(page: c.ProjectsPage, site: Site, t: Translator, fmt: Formatter) -> Iterator[Built]:
    plan = site.plan
    projects = plan.all(m.Project)
    star = t("chart.projects.star", star=page.star.plural[t.lang]) if page.star else ""
    yield bars(
        "chart-projects",
        t,
        t("chart.projects.title", count=len(projects)),
        t("chart.projects.desc", star=star),
        project_rows(site.relations.ranked_projects[:CHART_MAX_ROWS], t, fmt, ranked=True),
        t("unit.money_axis"),
        value_title=t("project.total"),
    )
    groupings = {
        "industry": lambda p: plan.get(m.Industry, p.industry).name[t.lang] if p.industry else None,
        "type": lambda p: t(f"project.type.{p.type}"),
        "location": lambda p: p.location[t.lang],
    }
    if not plan.has("industries"):
        del groupings["industry"]
    for name, key_of in groupings.items():
        yield bars(
            f"chart-projects-{name}",
            t,
            t(f"chart.projects_{name}.title"),
            t(f"chart.projects_{name}.desc"),
            _sum_by(projects, key_of, t, fmt),
            t("unit.money_axis"),
            value_title=t("project.total"),
        )
    timeline = [
        {
            "label": ("★ " if p.starred else "") + p.name[t.lang],
            "start": p.period.start,
            "end": p.period.end,
            "shown": fmt.years(p.period.start, p.period.end),
        }
        for p in sorted(_largest(projects), key=lambda p: (p.period is None, p.period.start if p.period else 0, p.seq))
        if p.period
    ]
    if not timeline:
        return
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
        Drawn("ranges", timeline, t("chart.year")),
    )


def platforms_charts(page: c.PlatformsPage, site: Site, t: Translator, fmt: Formatter) -> Iterator[Built]:
    platforms = site.plan.all(m.Platform)
    cards = {card.platform.id: card for role in page.roles for card in role.cards}
    ranked = sorted(platforms, key=lambda p: -cards[p.id].investment_wan)
    rows = [
        {
            "key": p.id,
            "label": p.name[t.lang],
            "value": money_wan(cards[p.id].investment_wan, t.lang),
            "shown": fmt.wan_on_axis(cards[p.id].investment_wan, derived=True),
            "wan": cards[p.id].investment_wan,
            "derived": True,
        }
        for p in ranked
    ]
    yield bars(
        "chart-platforms",
        t,
        t("chart.platforms.title"),
        t("chart.platforms.desc"),
        rows,
        t("unit.money_axis"),
        value_title=t("project.total"),
    )
    target = site.plan.target_year
    targets = [
        {
            "key": p.id,
            "label": p.name[t.lang],
            "value": money_yi(p.output_target.get(target), t.lang),
            "shown": fmt.yi(p.output_target.get(target)),
        }
        for p in sorted(platforms, key=lambda p: -(p.output_target.get(target) or 0))
        if p.output_target.get(target)
    ]
    if not targets:
        return
    yield bars(
        "chart-platform-targets",
        t,
        t("chart.platform_targets.title"),
        t("chart.platform_targets.desc"),
        targets,
        t("unit.money_axis"),
        value_title=t("platform.output_target"),
    )


def townships_charts(page: c.TownshipsPage, site: Site, t: Translator, fmt: Formatter) -> Iterator[Built]:
    """Every row of the townships' table with a bar per year, under its kind's heading (towns, zones, the
    enterprise, power): one scale, each row readable on a phone, its figures in its tooltip and the table."""
    rows = [tw for tw in site.plan.all(m.Township) if tw.kind != "total"]
    if len(rows) > CHART_MAX_ROWS:  # the largest by their largest figure ("—" figures aside), in the plan's order
        latest = {id(tw): max((v for v in tw.output.values() if v is not None), default=0.0) for tw in rows}
        largest = {id(tw) for tw in sorted(rows, key=lambda tw: -latest[id(tw)])[:CHART_MAX_ROWS]}
        rows = [tw for tw in rows if id(tw) in largest]
    order = {kind: i for i, kind in enumerate(("township", "zone", "enterprise", "utility"))}
    rows = sorted(rows, key=lambda tw: order.get(tw.kind, len(order)))  # stable: the plan's order within a kind
    data = [
        {
            "label": tw.name[t.lang],
            "series": str(y),
            "value": money_yi(v, t.lang),
            "shown": fmt.yi(v),
            "group": t(f"township.kind.{tw.kind}"),
        }
        for tw in rows
        for y in page.years
        if (v := tw.output.get(y)) is not None
    ]
    table = [
        [tw.name[t.lang], t(f"township.kind.{tw.kind}")] + [fmt.yi(tw.output.get(y)) for y in page.years] for tw in rows
    ]
    main = page.years.index(page.main_year) + 2 if page.main_year in page.years else -1
    yield (
        Chart(
            "chart-townships",
            t("chart.townships.title"),
            t("chart.townships.desc", years=fmt.year_list(page.years)),
            [t("chart.item"), t("township.kind"), *(str(y) for y in page.years)],
            table,
            "",
            main_column=main,
        ),
        Drawn("grouped", data, t("unit.money_axis")),
    )
