"""The entity types this generator knows: one descriptor each (see :mod:`descriptor`), in the order the site
lists them (navigation, overviews, the open-data export).

This module is where the stages meet: it names, for each type, the functions of :mod:`site.pages`,
:mod:`charts` and :mod:`export` that make its pages, charts and export. None of those modules imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import export as x
from .charts import entity as ec
from .charts import overviews as oc
from .descriptor import ANY_LIST, AuxList, ChartMaker, EntityType, Export, Ref, entity_pages, overview_page
from .model import records as m
from .model.plan import Plan
from .outcomes import goals as og
from .outcomes import tables as ot
from .site import contexts as c
from .site import pages as p
from .site import targetpages as tp
from .site.state import Site


def _all(kind: type[m.Model]) -> Callable[[Plan], list[Any]]:
    return lambda plan: list(plan.all(kind))


def _with_types(make: Callable[[Plan, Any], list[Any]]) -> Callable[[Plan], list[Any]]:
    """An export function that needs every entity type (which collections are targets), called with them."""
    return lambda plan: make(plan, ENTITY_TYPES)


# written without a declared type, so that mypy infers each descriptor's record and page types on their own and
# rejects one whose functions do not fit (a declared ``EntityType[Site, Any]`` would accept any record there)
_TYPES = (
    EntityType(
        "indicators",
        m.IndicatorsFile,
        "indicators",
        m.Indicator,
        "indicator",
        aux=(AuxList("groups", "indicator_groups", "indicator group", m.IndicatorGroup),),
        refs=(Ref("indicators", "group", "indicator_groups"), Ref("indicators", "related", "sources")),
        pages=entity_pages(c.IndicatorPage, p.indicator_page, ec.indicator_charts),
        overview=overview_page(c.IndicatorsPage, p.indicators_overview, "main", oc.indicators_charts),
        export=Export(
            x.titled(m.Indicator, "indicator system"),
            x.indicator_columns,
            _all(m.Indicator),
            x.dumped(m.Indicator, {"value": ("value_{year}", "both")}),
        ),
        kind="indicator",
        goal=og.indicator_goal,
    ),
    EntityType(
        "history",
        m.HistoryFile,
        "series",
        m.Series,
        "series",
        export=Export(x.history_title, x.history_columns, x.history_rows, x.history_records),
    ),
    EntityType(
        "innovation_platforms",
        m.InnovationPlatformsFile,
        "innovation_platforms",
        m.InnovationPlatform,
        "innovation platform",
        overview=overview_page(c.InnovationPlatformsPage, p.innovation_platforms_overview, "footer"),
        export=Export(
            x.titled(m.InnovationPlatform, "key innovation platforms"),
            x.innovation_platform_columns,
            _all(m.InnovationPlatform),
            x.dumped(m.InnovationPlatform),
        ),
    ),
    EntityType(
        "industries",
        m.IndustriesFile,
        "industries",
        m.Industry,
        "industry",
        aux=(
            AuxList(
                "groups",
                "industry_groups",
                "industry group",
                m.IndustryGroup,
                Export(
                    x.titled(m.IndustryGroup, "industry groups (total rows)"),
                    x.industry_group_columns,
                    _all(m.IndustryGroup),
                    x.industry_group_records,
                ),
            ),
        ),
        refs=(Ref("industries", "group", "industry_groups"),),
        pages=entity_pages(c.IndustryPage, p.industry_page, ec.industry_charts),
        overview=overview_page(c.IndustriesPage, p.industries_overview, "main", oc.industries_charts),
        export=Export(
            x.titled(m.Industry, "industries"),
            x.industry_columns,
            _all(m.Industry),
            x.dumped(m.Industry, {"output": ("output_{year}", "both")}),
        ),
        kind="industry",
        goal=og.industry_goal,
    ),
    EntityType(
        "platforms",
        m.PlatformsFile,
        "platforms",
        m.Platform,
        "platform",
        aux=(AuxList("roles", "platform_roles", "layout role", m.PlatformRole),),
        refs=(
            Ref("platforms", "layout_role", "platform_roles"),
            Ref("platforms", "parent", "platforms"),
            Ref("platforms", "focus_industries", "industries"),
        ),
        pages=entity_pages(c.PlatformPage, p.platform_page, ec.platform_charts),
        overview=overview_page(c.PlatformsPage, p.platforms_overview, "main", oc.platforms_charts),
        export=Export(
            x.titled(m.Platform, "platforms"),
            x.platform_columns,
            _all(m.Platform),
            x.dumped(m.Platform, {"output_target": ("output_target_{year}_yi", "target")}),
        ),
        kind="platform",
    ),
    EntityType(
        "projects",
        m.ProjectsFile,
        "projects",
        m.Project,
        "project",
        refs=(
            Ref("projects", "township", "townships"),
            Ref("projects", "platform", "platforms"),
            Ref("projects", "industry", "industries"),
        ),
        pages=entity_pages(c.ProjectPage, p.project_page, ec.project_charts),
        overview=overview_page(c.ProjectsPage, p.projects_overview, "main", oc.projects_charts),
        export=Export(x.titled(m.Project, "major projects"), x.project_columns, _all(m.Project), x.project_records),
        kind="project",
    ),
    EntityType(
        "townships",
        m.TownshipsFile,
        "townships",
        m.Township,
        "township",
        refs=(Ref("townships", "platform", "platforms"),),
        pages=entity_pages(c.TownshipPage, p.township_page, ec.township_charts),
        overview=overview_page(c.TownshipsPage, p.townships_overview, "main", oc.townships_charts),
        export=Export(
            x.titled(m.Township, "output by township"), x.township_columns, _all(m.Township), x.dumped(m.Township)
        ),
        kind="township",
        goal=og.township_goal,
    ),
    EntityType(
        "reforms",
        m.ReformsFile,
        "reforms",
        m.Reform,
        "reform",
        overview=overview_page(c.MeasuresPage, p.reforms_overview, "footer"),
        export=Export(x.titled(m.Reform, "major reforms"), x.measure_columns, _all(m.Reform), x.dumped(m.Reform)),
    ),
    EntityType(
        "policies",
        m.PoliciesFile,
        "policies",
        m.Policy,
        "policy",
        overview=overview_page(c.MeasuresPage, p.policies_overview, "footer"),
        export=Export(x.titled(m.Policy, "major policies"), x.measure_columns, _all(m.Policy), x.dumped(m.Policy)),
    ),
    EntityType(
        "glossary",
        m.GlossaryFile,
        "terms",
        m.Term,
        "glossary term",
        overview=overview_page(c.GlossaryPage, p.glossary_overview, "footer"),
        export=Export(lambda plan: "zh ↔ en glossary", x.glossary_columns, _all(m.Term), x.dumped(m.Term)),
    ),
    EntityType(
        "targets",
        m.TargetsFile,
        "targets",
        m.Target,
        "target",
        refs=(Ref("targets", "entity", ANY_LIST), Ref("targets", "restates", "targets")),
        overview=overview_page(c.TargetsPage, tp.targets_overview, "main"),
        export=Export(x.targets_title, x.target_columns, _all(m.Target), x.dumped(m.Target)),
        goal=og.target_goal,
    ),
    EntityType(
        "statements",
        m.StatementsFile,
        "facts",
        m.Fact,
        "fact",
        aux=(
            AuxList("shares", "statement_shares", "share", m.Share),
            AuxList("sums", "statement_sums", "sum", m.Sum),
        ),
    ),
    EntityType(
        "outcomes",
        m.OutcomesFile,
        "actuals",
        m.ActualValue,
        "outcome",
        aux=(
            AuxList("sources", "outcome_sources", "outcome source", m.OutcomeSource),
            AuxList("statuses", "outcome_statuses", "recorded status", m.RecordedStatus),
            AuxList("projects", "project_progress", "project progress", m.ProjectProgress),
        ),
        export=Export(
            ot.outcomes_title, ot.outcome_columns, _with_types(ot.outcome_rows), _with_types(ot.outcome_records)
        ),
        more_exports=(
            (
                "progress",
                Export(
                    ot.progress_title,
                    ot.progress_columns,
                    _with_types(ot.progress_rows),
                    _with_types(ot.progress_records),
                ),
            ),
        ),
    ),
)
ENTITY_TYPES: tuple[EntityType[Site, Any], ...] = _TYPES

#: what makes the charts of each kind of page, by the page's context class (the site's own pages: the home page)
CHART_MAKERS: dict[type[c.Page], ChartMaker[Any, Site]] = {
    c.HomePage: oc.home_charts,
    **{t.pages.page: t.pages.charts for t in ENTITY_TYPES if t.pages and t.pages.charts},
    **{t.overview.page: t.overview.charts for t in ENTITY_TYPES if t.overview and t.overview.charts},
}
