"""One typed context per page type; a template receives ``page`` (one of these) and the helpers ``addr``, ``t``,
``fmt``. Everything a template shows is computed here or in :mod:`site.pages` — templates only place it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..audit import Finding
from ..content import Document
from ..model import records as m
from .urls import PageAddress

__all__ = ["PageAddress"]


@dataclass
class Crumb:
    label: str
    path: str | None  # None: the current page


@dataclass
class NavItem:
    label: str
    path: str


@dataclass
class Page:
    """What every page has: its address in both languages, title, description, breadcrumbs."""

    address: PageAddress
    kind: str  # home, indicator, industry, platform, project, township, chapter, other
    title: str
    description: str
    crumbs: list[Crumb] = field(default_factory=list)
    charts: list[Any] = field(default_factory=list)  # charts.base.Chart, set by the chart stage
    findings: list[Finding] = field(default_factory=list)
    search_filters: dict[str, str] = field(default_factory=dict)
    template: str = ""  # set by the page's maker: the descriptor's template, or the site page's own
    indexed: bool = True  # in the search index (not: the search page, the 404, the side-by-side copy of a chapter)


@dataclass
class PlanTable:
    """A table of the plan (``[[table:…]]`` in a chapter, or a group's table on its overview): the collection it
    shows decides how it is drawn."""

    anchor: str
    caption: str
    shows: str  # the collection's name
    rows: list[Any]
    group: Any = None  # the group whose own total row closes the table
    years: list[int] = field(default_factory=list)  # the years of its columns, where it has some


# --- entity pages -----------------------------------------------------------------------------------


@dataclass
class Figures:
    """A record's figure at the plan's base year and at its target year, and the growth between them."""

    base_year: int
    target_year: int
    base: float | None = None
    target: float | None = None
    implied_growth: float | None = None  # compound average annual growth from base to target, %


@dataclass
class IndicatorPage(Page):
    indicator: m.Indicator | None = None
    group: m.IndicatorGroup | None = None
    figures: Figures | None = None
    related: list[m.SourceDef] = field(default_factory=list)
    actuals: list[m.Actual] = field(default_factory=list)


@dataclass
class IndustryPage(Page):
    industry: m.Industry | None = None
    group: m.IndustryGroup | None = None
    figures: Figures | None = None
    share_of_target: float | None = None  # % of all industries' target-year output
    platforms: list[m.Platform] = field(default_factory=list)
    projects: list[m.Project] = field(default_factory=list)
    investment_wan: float = 0
    actuals: list[m.Actual] = field(default_factory=list)


@dataclass
class PlatformPage(Page):
    platform: m.Platform | None = None
    role: m.PlatformRole | None = None
    output_target: float | None = None  # by the target year, 亿元
    parent: m.Platform | None = None
    children: list[m.Platform] = field(default_factory=list)
    industries: list[m.Industry] = field(default_factory=list)
    projects: list[m.Project] = field(default_factory=list)
    investment_wan: float = 0
    townships: list[m.Township] = field(default_factory=list)
    zone: m.Township | None = None


@dataclass
class ProjectPage(Page):
    project: m.Project | None = None
    star: m.StarList | None = None
    industry: m.Industry | None = None
    platform: m.Platform | None = None
    township: m.Township | None = None
    share: float | None = None
    rank: int | None = None
    tied: bool = False  # another project has the same investment, so the same rank
    count: int = 0  # projects in the plan


@dataclass
class TownshipPage(Page):
    township: m.Township | None = None
    projects: list[m.Project] = field(default_factory=list)
    platform: m.Platform | None = None
    growth: float | None = None
    actuals: list[m.Actual] = field(default_factory=list)


# --- overview pages ---------------------------------------------------------------------------------


@dataclass
class HomePage(Page):
    targets: list[m.Target] = field(default_factory=list)
    targets_source: m.Source | None = None  # the one source of all the targets shown, cited once
    featured: m.Indicator | None = None
    industries: list[m.Industry] = field(default_factory=list)
    layout: m.Text | None = None
    platforms: list[tuple[m.Platform, m.PlatformRole]] = field(default_factory=list)
    top_projects: list[m.Project] = field(default_factory=list)
    project_count: int = 0
    star: m.StarList | None = None
    audiences: list[str] = field(default_factory=list)  # which entry points the plan supports: plan, projects …


@dataclass
class IndicatorGroupRows:
    group: m.IndicatorGroup
    indicators: list[m.Indicator]


@dataclass
class IndicatorsPage(Page):
    groups: list[IndicatorGroupRows] = field(default_factory=list)


@dataclass
class IndustriesPage(Page):
    tables: list[PlanTable] = field(default_factory=list)  # one per group, as the plan prints it


@dataclass
class PlatformCard:
    platform: m.Platform
    projects: int
    investment_wan: float


@dataclass
class PlatformRoleRows:
    role: m.PlatformRole
    cards: list[PlatformCard]


@dataclass
class PlatformsPage(Page):
    roles: list[PlatformRoleRows] = field(default_factory=list)


@dataclass
class ExplorerRow:
    """A project as the explorer lists it: the record and the entities it is classified under."""

    project: m.Project
    industry: m.Industry | None
    platform: m.Platform | None
    parent_platform: m.Platform | None
    township: m.Township | None = None


@dataclass
class ProjectsPage(Page):
    rows: list[ExplorerRow] = field(default_factory=list)
    total_wan: float = 0
    industries: list[m.Industry] = field(default_factory=list)
    platforms: list[m.Platform] = field(default_factory=list)
    townships: list[m.Township] = field(default_factory=list)
    star: m.StarList | None = None
    first_year: int = 0  # the range the start-year fields accept
    last_year: int = 0
    wan_per_unit: int = (
        10000  # the minimum-investment field is in the reader's unit (亿元, CNY million); the URL in 万元
    )
    presets: list[tuple[int, str]] = field(default_factory=list)  # (万元, label) of the preset minimums
    csv_headings: dict[str, str] = field(default_factory=dict)  # the selection CSV's columns, in the reader's words


@dataclass
class TownshipKindRows:
    kind: str
    townships: list[m.Township]


@dataclass
class TownshipsPage(Page):
    kinds: list[TownshipKindRows] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    main_year: int = 0  # the column a phone shows beside the names: the plan's target year (or the last)


@dataclass
class InnovationPlatformsPage(Page):
    items: list[m.InnovationPlatform] = field(default_factory=list)


@dataclass
class MeasuresPage(Page):
    items: list[m.Measure] = field(default_factory=list)


@dataclass
class GlossaryPage(Page):
    terms: list[m.Term] = field(default_factory=list)


@dataclass
class LostFigure:
    """A figure of the plan lost in the conversion: what it was, and where to look instead."""

    name: str
    see: str  # a collection's name


@dataclass
class Annex:
    source: m.SourceDef
    title: str  # the overview page's title


@dataclass
class PlanContentsPage(Page):
    chapters: list[Document] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    editorial: bool = False  # some title or heading was rebuilt by the site (marked *, explained once)


@dataclass
class ExportedCollection:
    name: str  # the file's name (and the section's anchor)
    title: str  # the collection's name in the page's language
    source: str  # the plan's tables it comes from, in the page's language (表三 / Table 3)
    columns: list[Any]  # export.Column

    @property
    def csv(self) -> str:
        return f"{self.name}.csv"

    @property
    def json(self) -> str:
        return f"{self.name}.json"


@dataclass
class DataPage(Page):
    collections: list[ExportedCollection] = field(default_factory=list)


@dataclass
class AuditPage(Page):
    findings: list[Finding] = field(default_factory=list)
    by_rule: dict[str, list[Finding]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    linked: dict[str, list[Any]] = field(default_factory=dict)  # by finding: the records it involves that have pages


@dataclass
class SearchPage(Page):
    kinds: list[str] = field(default_factory=list)  # the page types a search can be narrowed to
    synonyms: list[list[str]] = field(default_factory=list)  # words searched for together (the glossary's)


@dataclass
class ChapterPage(Page):
    tables: dict[str, PlanTable] = field(default_factory=dict)  # by the block's anchor
    lost: dict[str, LostFigure] = field(default_factory=dict)  # figures lost in the conversion, by anchor
    doc: Document | None = None
    other: Document | None = None  # the same chapter in the other language
    bilingual: bool = False
    editorial: bool = False  # some title, heading or paragraph was rebuilt by the site (marked *, explained once)
    prev: Document | None = None
    next: Document | None = None


@dataclass
class NotFoundPage(Page):
    pass
