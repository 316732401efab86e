"""One typed context per page type; a template receives ``page`` (one of these) and the helpers ``addr``, ``t``,
``fmt``. Everything a template shows is computed here or in :mod:`site.pages` — templates only place it.

Page contexts are frozen: each is made in one call (:func:`site.pages._from` adds a page type's own fields to what
every page has); the stages after it (its citation, its charts) make a copy with theirs (``dataclasses.replace``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, ClassVar

from markupsafe import Markup

from ..audit import Finding
from ..content import Block, Document
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
class Named:
    """A record named in a line of text, linked when it has a page (``record`` None: not linked)."""

    name: str
    record: Any = None


@dataclass
class ChangeDetail:
    """One field of a record changed: ``总投资 35亿元 → 36.2亿元``; a long text is shown before and after apart."""

    label: str
    old: str | None
    new: str | None
    long: bool = False

    def inline(self, t: Any) -> str:
        """The change in a line (a long text is only said to be revised)."""
        if self.long:
            return str(t("changes.text_revised", field=self.label))
        if self.old is None or self.new is None:
            value = self.new if self.new is not None else self.old
            return f"{self.label} {value}".strip()
        return f"{self.label} {self.old} → {self.new}".strip()


@dataclass
class ChangeItem:
    """A change of the data in the reader's language: ``<lead><name><inline>``, e.g. ``New project: X (…)``."""

    date: str  # in the reader's language
    version: str
    action: str  # added, removed, changed, format
    lead: str
    named: Named | None
    inline: str
    long: list[ChangeDetail] = field(default_factory=list)

    @property
    def text(self) -> str:
        return f"{self.lead}{self.named.name if self.named else ''}{self.inline}"


@dataclass
class ChangeGroup:
    """A release's changes of one collection; beyond the first few, folded away."""

    title: str
    shown: list[ChangeItem]
    more: list[ChangeItem]

    @property
    def all(self) -> list[ChangeItem]:
        return self.shown + self.more


@dataclass
class ReleaseView:
    version: str
    date: str  # in the reader's language
    created: str  # ISO 8601, for <time datetime>
    groups: list[ChangeGroup]

    @property
    def anchor(self) -> str:
        return "v" + self.version.replace(".", "-")


@dataclass
class CitePart:
    """A run of a reference: ``kind`` is '' (plain), 'title' (set in italics by APA), 'accessed' (the date the
    reader looked: filled in by the page's script, a placeholder without it) or 'url'."""

    text: str
    kind: str = ""


@dataclass
class Citation:
    """How to cite a page: the reference in the page's style (GB/T 7714 in Chinese, APA in English)."""

    style: str  # the style's name, for the reader
    parts: list[CitePart]
    url: str  # the page's address within it

    @property
    def text(self) -> str:
        return "".join(part.text for part in self.parts)


@dataclass
class LicenceView:
    id: str  # SPDX
    name: str  # in the page's language (the identifier where the plan names it no other way)
    url: str


@dataclass
class Identity:
    """Who issued the plan, when, under which number, where its official text is; the data's licence and release.
    What the plan's text does not state is None (the page says so)."""

    issuer: str | None
    issuer_editorial: bool
    document_number: str | None
    date_issued: str | None  # in the page's language
    official_url: str | None
    licence: LicenceView | None
    version: str
    released: str  # the release's date, in the page's language
    staff_sources: list[m.SourceDef] = field(default_factory=list)


@dataclass(frozen=True)
class Page:
    """What every page has: its address in both languages, title, description, breadcrumbs."""

    template: ClassVar[str] = ""  # the template that renders it: each page class names its own

    address: PageAddress
    kind: str  # home, indicator, industry, platform, project, township, chapter, other
    title: str
    description: str
    crumbs: list[Crumb] = field(default_factory=list)
    charts: list[Any] = field(default_factory=list)  # charts.base.Chart, set by the chart stage
    findings: list[Finding] = field(default_factory=list)
    search_filters: dict[str, str] = field(default_factory=dict)
    targets: list[TargetRow] = field(default_factory=list)  # an entity's commitments (its page lists them)
    citation: Citation | None = None  # how to cite it (every page but the 404 page)
    changes: list[ChangeItem] = field(default_factory=list)  # an entity page: what the data's releases changed
    indexed: bool = True  # in the search index (not: the search page, the 404, the side-by-side copy of a chapter)


# --- targets ----------------------------------------------------------------------------------------------


@dataclass
class TargetPlace:
    """One place the plan states a commitment: its section or table, and the paragraph or row."""

    target: m.Target  # the statement made there
    source: m.SourceDef
    label: str  # 二（三）发展目标 ¶8 / Annex 5 #7, in the page's language
    path: str  # the site path of the paragraph (chapter#p-N) or of the annex's page


@dataclass
class TableFigure:
    """The same quantity in one of the plan's tables (a target's ``same_as``)."""

    text: str  # the figure, in the page's language
    source: m.SourceDef | None
    row: int | None
    record: Any = None  # its record, when that has a page


@dataclass
class TargetRow:
    """A commitment as the site lists it: its first statement, read in the page's language, whom it belongs to
    and every place the plan states it."""

    target: m.Target
    amount: str  # the figure with its unit: 480家 / 480 enterprises; 5–8家
    figure: str  # with the plan's words on it only: 5个以上 / at least 5 projects; 力争1000亿元; 480家
    when: str  # <year>年 / by <year>; 每年 / every year; 项目投产后 / once in operation
    entity: Any  # the record it belongs to; None: the plan's own
    entity_name: str
    entity_type: str  # the list it belongs to, or plan
    entity_path: str  # the site path of the record's page (or of its place on its list's page); "" for the plan
    kind: str  # its kind in the page's language
    places: list[TargetPlace] = field(default_factory=list)
    table: TableFigure | None = None
    findings: list[Finding] = field(default_factory=list)
    #: on an English page, the English of the quote (the translated sentences of its paragraph); None: the
    #: Chinese page, or a quote with no translated sentence to show (an annex's row)
    quote_en: str | None = None

    @property
    def anchor(self) -> str:
        return f"target-{self.target.id}"


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
    href: str = ""  # where the target is shown: its record's page, or its row on the targets page
    #: the other places that state the same commitment (a table's row the text restates): (label, site path)
    also: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ProgressGroup:
    """The progress table's rows of one collection or theme (a group the phone folds)."""

    name: str
    anchor: str
    rows: list[ProgressRow]


@dataclass(frozen=True)
class ProgressPage(Page):
    template: ClassVar[str] = "overview_progress.html"
    recorded: bool = False  # anything recorded at all
    counts: list[StatusCount] = field(default_factory=list)
    rows: list[ProgressRow] = field(default_factory=list)
    project_counts: list[StatusCount] = field(default_factory=list)  # by project status (the plan has projects)
    projects_recorded: bool = False  # any project's progress recorded
    tolerance: str = ""
    sources: list[m.OutcomeSource] = field(default_factory=list)
    groups: list[ProgressGroup] = field(default_factory=list)  # ``rows`` by collection, the text's by theme
    commitments: CommitmentCount | None = None  # the plan's commitments (as the home page and /targets/ count)
    ended: bool = False  # the plan's period is over on the build date


# --- entity pages -----------------------------------------------------------------------------------


@dataclass
class Figures:
    """A record's figure at the plan's base year and at its target year, and the growth between them."""

    base_year: int
    target_year: int
    base: float | None = None
    target: float | None = None
    implied_growth: float | None = None  # compound average annual growth from base to target, %


@dataclass(frozen=True, kw_only=True)  # its subject is required: made by keyword (site.pages._from)
class IndicatorPage(Page):
    template: ClassVar[str] = "indicator.html"
    indicator: m.Indicator
    group: m.IndicatorGroup | None = None
    figures: Figures
    related: list[m.SourceDef] = field(default_factory=list)
    progress: TargetProgress | None = None


@dataclass(frozen=True, kw_only=True)  # its subject is required: made by keyword (site.pages._from)
class IndustryPage(Page):
    template: ClassVar[str] = "industry.html"
    industry: m.Industry
    group: m.IndustryGroup | None = None
    figures: Figures
    share_of_target: float | None = None  # % of all industries' target-year output
    platforms: list[m.Platform] = field(default_factory=list)
    projects: list[m.Project] = field(default_factory=list)
    investment_wan: float = 0
    progress: TargetProgress | None = None


@dataclass(frozen=True, kw_only=True)  # its subject is required: made by keyword (site.pages._from)
class PlatformPage(Page):
    template: ClassVar[str] = "platform.html"
    platform: m.Platform
    role: m.PlatformRole | None = None
    output_target: float | None = None  # by the target year, 亿元
    parent: m.Platform | None = None
    children: list[m.Platform] = field(default_factory=list)
    industries: list[m.Industry] = field(default_factory=list)
    projects: list[m.Project] = field(default_factory=list)
    investment_wan: float = 0
    townships: list[m.Township] = field(default_factory=list)
    zone: m.Township | None = None


@dataclass(frozen=True, kw_only=True)  # its subject is required: made by keyword (site.pages._from)
class ProjectPage(Page):
    template: ClassVar[str] = "project.html"
    project: m.Project
    star: m.StarList | None = None
    industry: m.Industry | None = None
    platform: m.Platform | None = None
    township: m.Township | None = None
    share: float | None = None
    rank: int | None = None
    tied: bool = False  # another project has the same investment, so the same rank
    count: int = 0  # projects in the plan
    progress: ProjectProgressView | None = None


@dataclass(frozen=True, kw_only=True)  # its subject is required: made by keyword (site.pages._from)
class TownshipPage(Page):
    template: ClassVar[str] = "township.html"
    township: m.Township
    projects: list[m.Project] = field(default_factory=list)
    platform: m.Platform | None = None
    growth: float | None = None
    progress: TargetProgress | None = None


@dataclass
class FieldFact:
    """One field of a record as its page shows it: the field's label and its value, in the page's words."""

    label: str
    text: str


@dataclass(frozen=True)
class RecordPage(Page):
    """The page of a record of a type with no page of its own: its fields by their declared meanings."""

    template: ClassVar[str] = "record.html"
    record: Any = None
    facts: list[FieldFact] = field(default_factory=list)


# --- overview pages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HomePage(Page):
    template: ClassVar[str] = "home.html"
    headline: list[TargetRow] = field(default_factory=list)  # the plan's headline targets
    headline_source: m.SourceDef | None = None  # the section all of them come from, cited once
    target_count: int = 0  # all its commitments
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
    commitments: CommitmentCount | None = None  # every commitment of the plan, counted as /targets/ counts them
    progress_ended: bool = False  # the plan's period is over on the build date


@dataclass
class IndicatorGroupRows:
    group: m.IndicatorGroup
    indicators: list[m.Indicator]


@dataclass(frozen=True)
class IndicatorsPage(Page):
    template: ClassVar[str] = "overview_indicators.html"
    groups: list[IndicatorGroupRows] = field(default_factory=list)


@dataclass(frozen=True)
class IndustriesPage(Page):
    template: ClassVar[str] = "overview_industries.html"
    tables: list[PlanTable] = field(default_factory=list)  # one per group, as the plan prints it
    group_targets: dict[str, list[TargetRow]] = field(default_factory=dict)  # by group id: the text's commitments


@dataclass
class PlatformCard:
    platform: m.Platform
    projects: int
    investment_wan: float
    role: m.PlatformRole | None = None
    output_target: float | None = None  # by the target year, 亿元
    industries: list[m.Industry] = field(default_factory=list)  # its focus industries
    by_industry: dict[str, int] = field(default_factory=dict)  # its projects per industry id


@dataclass(frozen=True)
class MatrixCell:
    """A platform × industry cell: whether the plan names the industry a focus of the platform, and its projects."""

    focus: bool
    projects: int


@dataclass
class PlatformRoleRows:
    role: m.PlatformRole
    cards: list[PlatformCard]


@dataclass(frozen=True)
class PlatformsPage(Page):
    template: ClassVar[str] = "overview_platforms.html"
    roles: list[PlatformRoleRows] = field(default_factory=list)
    compared: list[PlatformCard] = field(default_factory=list)  # every platform, in the roles' order
    #: the industries of the platform × industry matrix (a focus of some platform, or with a project on one)
    matrix_industries: list[m.Industry] = field(default_factory=list)
    matrix: dict[str, list[MatrixCell]] = field(default_factory=dict)  # by platform id, one cell per industry


@dataclass
class ExplorerRow:
    """A project as the explorer lists it: the record and the entities it is classified under."""

    project: m.Project
    industry: m.Industry | None
    platform: m.Platform | None
    parent_platform: m.Platform | None
    township: m.Township | None = None
    status: str = ""  # its recorded progress status (outcomes.progress.NOT_RECORDED if none)


@dataclass(frozen=True)
class ProjectsPage(Page):
    template: ClassVar[str] = "overview_projects.html"
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
    statuses: list[str] = field(default_factory=list)  # the status filter's options (none: no progress recorded)


@dataclass
class TownshipKindRows:
    kind: str
    townships: list[m.Township]


@dataclass(frozen=True)
class TownshipsPage(Page):
    template: ClassVar[str] = "overview_townships.html"
    kinds: list[TownshipKindRows] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    main_year: int = 0  # the column a phone shows beside the names: the plan's target year (or the last)


@dataclass(frozen=True)
class InnovationPlatformsPage(Page):
    template: ClassVar[str] = "overview_innovation_platforms.html"
    items: list[m.InnovationPlatform] = field(default_factory=list)


@dataclass(frozen=True)
class MeasuresPage(Page):
    template: ClassVar[str] = "overview_measures.html"
    items: list[m.Measure] = field(default_factory=list)
    item_targets: dict[str, list[TargetRow]] = field(default_factory=dict)  # by item id


@dataclass(frozen=True)
class GlossaryPage(Page):
    template: ClassVar[str] = "overview_glossary.html"
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


@dataclass(frozen=True)
class PlanContentsPage(Page):
    template: ClassVar[str] = "overview_plan.html"
    chapters: list[Document] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    editorial: bool = False  # some title or heading was rebuilt by the site (marked *, explained once)


@dataclass
class FilterOption:
    value: str
    label: str
    count: int
    options: list[FilterOption] = field(default_factory=list)  # the records of a list (an optgroup)


@dataclass
class CommitmentCount:
    """The plan's commitments counted once each, the same on every page that states the number: how many the text
    states (in how many places), how many only a table, and how many of each kind."""

    count: int
    text: int  # commitments of the text (their first statements)
    statements: int  # the places the text states them
    tables: int  # targets only a table sets (a table's target the text restates is counted with the text)
    kinds: list[FilterOption] = field(default_factory=list)


@dataclass
class TargetGroupRows:
    name: str
    anchor: str
    rows: list[TargetRow]


@dataclass
class TableTargets:
    """Targets the plan sets in a table (kept there, not copied): where to read them."""

    name: str  # the collection whose overview shows the table
    label: str  # 表三 / Table 3
    count: int


@dataclass(frozen=True)
class TargetsPage(Page):
    template: ClassVar[str] = "overview_targets.html"
    groups: list[TargetGroupRows] = field(default_factory=list)
    kinds: list[FilterOption] = field(default_factory=list)
    entities: list[FilterOption] = field(default_factory=list)
    count: int = 0  # commitments
    statements: int = 0  # statements of them (a commitment may be stated more than once)
    tables: list[TableTargets] = field(default_factory=list)
    commitments: CommitmentCount | None = None  # every commitment of the plan, tables included


@dataclass
class ExportedCollection:
    name: str  # the file's name (and the section's anchor)
    title: str  # the collection's name in the page's language
    source: str  # the plan's tables it comes from, in the page's language (表三 / Table 3)
    columns: list[Any]  # export.Column
    note: str = ""  # what a reader should know about it (``data.note.<name>`` in the catalogue)

    @property
    def csv(self) -> str:
        return f"{self.name}.csv"

    @property
    def json(self) -> str:
        return f"{self.name}.json"


@dataclass(frozen=True)
class DataPage(Page):
    template: ClassVar[str] = "overview_data.html"
    collections: list[ExportedCollection] = field(default_factory=list)
    identity: Identity | None = None


@dataclass
class ValueView:
    """A figure of a finding as the page shows it: what it is, the figure in the page's language, its source."""

    label: str
    text: str
    quote: str | None
    source: m.SourceDef | None
    place: str  # #row or ¶paragraph
    path: str  # the site path of the source (with the paragraph's anchor)
    quote_en: str | None = None  # on an English page: the translation of the quoted sentences, where they pair


@dataclass
class FindingView:
    """A finding in the page's language: its sentences rendered, its figures formatted, what it involves."""

    finding: Finding
    why: str
    computation: str
    difference: str
    tolerance: str
    values: list[ValueView]
    linked: list[Any]  # the records it involves that have pages
    knock_ons: list[FindingView] = field(default_factory=list)
    follows: Finding | None = None  # the finding it is a knock-on of
    evidence: str = ""  # where the plan's own figures point to one of the values, which one
    subject: str = ""  # the finding's subject in the page's language
    classified: str = ""  # the site's classification it rests on, in the page's language
    follows_subject: str = ""  # the subject of the finding it is a knock-on of


@dataclass
class AuditGroup:
    """The findings about one table or section of the plan."""

    label: str
    anchor: str
    findings: list[FindingView]


@dataclass
class AuditSection:
    severity: str
    count: int
    groups: list[AuditGroup]


@dataclass(frozen=True)
class AuditPage(Page):
    template: ClassVar[str] = "overview_audit.html"
    sections: list[AuditSection] = field(default_factory=list)  # by severity, then by table or section
    counts: dict[str, int] = field(default_factory=dict)  # standalone findings by severity, and knock_on
    total: int = 0
    rules: list[str] = field(default_factory=list)  # every rule, in the order the page states them
    skipped: list[SkipView] = field(default_factory=list)  # tables a rule could not read, and why


@dataclass(frozen=True)
class SkipView:
    """A table or statement a rule skipped, in the page's language."""

    rule: str
    subject: str
    reason: str
    source: m.SourceDef | None
    path: str


@dataclass(frozen=True)
class SearchPage(Page):
    template: ClassVar[str] = "overview_search.html"
    kinds: list[str] = field(default_factory=list)  # the page types a search can be narrowed to
    synonyms: list[list[str]] = field(default_factory=list)  # words searched for together (the glossary's)
    #: the glossary as [English words, Chinese forms] per term: a query with no results is offered its translation
    glossary: list[tuple[list[str], list[str]]] = field(default_factory=list)


@dataclass(frozen=True)
class ChapterPage(Page):
    template: ClassVar[str] = "chapter.html"
    tables: dict[str, PlanTable] = field(default_factory=dict)  # by the block's anchor
    paragraph_targets: dict[str, list[TargetRow]] = field(default_factory=dict)  # by paragraph anchor (p-N)
    lost: dict[str, LostFigure] = field(default_factory=dict)  # figures lost in the conversion, by anchor
    doc: Document | None = None
    other: Document | None = None  # the same chapter in the other language
    bilingual: bool = False
    editorial: bool = False  # some title, heading or paragraph was rebuilt by the site (marked *, explained once)
    prev: Document | None = None
    next: Document | None = None
    identity: Identity | None = None  # the about page: the plan's identity, licence and release
    #: paragraphs with their glossary terms linked at first use, by (the block's language, its anchor)
    glossed: dict[tuple[str, str], Markup] = field(default_factory=dict)

    def html_of(self, block: Block, doc: Document) -> Markup:
        """A block's HTML as the page shows it: glossed where it is a paragraph of the chapter's text."""
        return self.glossed.get((doc.lang, block.anchor), block.html)


@dataclass(frozen=True)
class DocumentPage(ChapterPage):
    """An about page (``content/pages``): a document of the site's own, not of the plan."""

    template: ClassVar[str] = "document.html"


@dataclass(frozen=True)
class NotFoundPage(Page):
    template: ClassVar[str] = "404.html"
    other_text: str = ""  # one line in the other language: hosts that have one 404 page serve this one for both


@dataclass(frozen=True)
class ChangesPage(Page):
    template: ClassVar[str] = "changes.html"
    releases: list[ReleaseView] = field(default_factory=list)  # newest first
    available: bool = False  # whether the data's history could be read
    not_yet: bool = False  # the repository holds no release of this plan yet
    partial: bool = False  # a shallow clone: earlier releases are not known
