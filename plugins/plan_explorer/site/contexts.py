"""One typed context per page type; a template receives ``page`` (one of these) and the helpers ``addr``, ``t``,
``fmt``. Everything a template shows is computed here or in :mod:`site.pages` — templates only place it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from ..audit import Finding
from ..content import Document
from ..model import records as m
from ..outcomes.progress import NOT_RECORDED, SubjectProgress
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


# --- outcomes (shown on entity pages, the progress page and the home page) ------------------------------


@dataclass
class OutcomeLine:
    """A recorded actual value as the page's table lists it, with what the required path asked for that year."""

    year: int
    value: str  # formatted in the target's unit
    required: str  # the required path's value that year, or "" where there is none
    source: m.OutcomeSource | None
    as_of: datetime.date
    note: m.Text | None
    revised_base: bool  # a base-year value recorded later (the path starts from it)


@dataclass
class TargetProgress:
    """Where one target stands, as an entity page and the progress table show it."""

    progress: SubjectProgress
    status: str
    explanation: str  # one sentence: the rule applied to its figures
    target: str  # the target as stated (figure, range or words)
    lines: list[OutcomeLine] = field(default_factory=list)
    source: m.OutcomeSource | None = None  # of the latest value (or of the recorded status)
    as_of: datetime.date | None = None


@dataclass
class TimelineEvent:
    """A point of a project's timeline: from the plan (its period) or recorded (start, completion, as of)."""

    sort_key: tuple[int, int, int]
    iso: str  # the year or date, machine-readable (``<time datetime>``)
    when: str  # the same, formatted
    label: str
    kind: str  # plan, actual, as_of


@dataclass
class ProjectProgressView:
    """A project's recorded progress (None: none recorded) and its timeline."""

    record: m.ProjectProgress | None
    source: m.OutcomeSource | None
    timeline: list[TimelineEvent] = field(default_factory=list)
    invested_share: float | None = None  # investment made so far, % of the total investment
    overdue: bool = False  # past the end of its period and neither completed nor cancelled

    @property
    def status(self) -> str:
        return self.record.status if self.record else NOT_RECORDED


@dataclass
class StatusCount:
    status: str
    count: int
    binding: int = 0  # of which binding targets


@dataclass
class ProgressRow:
    """A target in the progress table: what it is, where it stands, and the keys its columns sort by."""

    record: Any
    collection: str  # the collection's name in the page's language
    name: str
    binding: bool
    base: str
    target: str
    latest: str
    required: str
    progress: TargetProgress
    sort: dict[str, str] = field(default_factory=dict)  # column → sort key


@dataclass
class ProgressPage(Page):
    recorded: bool = False  # anything recorded at all
    counts: list[StatusCount] = field(default_factory=list)
    rows: list[ProgressRow] = field(default_factory=list)
    project_counts: list[StatusCount] = field(default_factory=list)  # by project status (the plan has projects)
    projects_recorded: bool = False  # any project's progress recorded
    tolerance: str = ""
    sources: list[m.OutcomeSource] = field(default_factory=list)


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
    progress: TargetProgress | None = None


@dataclass
class IndustryPage(Page):
    industry: m.Industry | None = None
    group: m.IndustryGroup | None = None
    figures: Figures | None = None
    share_of_target: float | None = None  # % of all industries' target-year output
    platforms: list[m.Platform] = field(default_factory=list)
    projects: list[m.Project] = field(default_factory=list)
    investment_wan: float = 0
    progress: TargetProgress | None = None


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
    count: int = 0  # projects in the plan
    progress: ProjectProgressView | None = None


@dataclass
class TownshipPage(Page):
    township: m.Township | None = None
    projects: list[m.Project] = field(default_factory=list)
    platform: m.Platform | None = None
    growth: float | None = None
    progress: TargetProgress | None = None


# --- overview pages ---------------------------------------------------------------------------------


@dataclass
class HomePage(Page):
    targets: list[m.Target] = field(default_factory=list)
    featured: m.Indicator | None = None
    industries: list[m.Industry] = field(default_factory=list)
    layout: m.Text | None = None
    platforms: list[tuple[m.Platform, m.PlatformRole]] = field(default_factory=list)
    top_projects: list[m.Project] = field(default_factory=list)
    project_count: int = 0
    star: m.StarList | None = None
    audiences: list[str] = field(default_factory=list)  # which entry points the plan supports: plan, projects …
    progress: list[StatusCount] | None = None  # the targets by status (None: the plan records no outcomes)
    progress_recorded: bool = False


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
    status: str = ""  # its recorded progress status (outcomes.progress.NOT_RECORDED if none)


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
    statuses: list[str] = field(default_factory=list)  # the status filter's options (none: no progress recorded)


@dataclass
class TownshipKindRows:
    kind: str
    townships: list[m.Township]


@dataclass
class TownshipsPage(Page):
    kinds: list[TownshipKindRows] = field(default_factory=list)
    years: list[int] = field(default_factory=list)


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


@dataclass
class ExportedCollection:
    name: str  # the file's name (and the section's anchor)
    title: str  # the collection's name in the page's language
    source: str  # the resource's title in the data package
    columns: list[Any]  # export.Column
    note: str = ""  # what a reader should know about it (``data.note.<name>`` in the catalogue)

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


@dataclass
class ChapterPage(Page):
    tables: dict[str, PlanTable] = field(default_factory=dict)  # by the block's anchor
    lost: dict[str, LostFigure] = field(default_factory=dict)  # figures lost in the conversion, by anchor
    doc: Document | None = None
    other: Document | None = None  # the same chapter in the other language
    bilingual: bool = False
    prev: Document | None = None
    next: Document | None = None


@dataclass
class NotFoundPage(Page):
    pass
