"""Typed models of a plan's data, one file model per YAML file (pydantic, extra fields forbidden).

Nothing here names a plan, a place or a year: figures that belong to a year are keyed by that year
(``output: {<base year>: 76.43, <target year>: 230}``), and which years a plan allows follows from its period
(checked across files by :mod:`references`). Labels that differ from plan to plan (a layout's roles, the
list a starred project is on, the tables' titles) are data too.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    field_validator,
    model_serializer,
    model_validator,
)

from ..licences import licence_page, spdx_identifier
from ..translations.marks import Outdated, Untranslated, zh_hash
from .meaning import Categories, PlanUnit, Quantity

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Year = Annotated[int, Field(strict=True, ge=1000, le=9999)]  # which years a plan allows: see references
Amount = Annotated[float, Field(strict=True, ge=0, allow_inf_nan=False)]
Rate = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Seq = Annotated[int, Field(strict=True, ge=1)]
Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]  # a collection's name, e.g. projects
#: a calendar date written ``YYYY-MM-DD`` (strict: a bare number is not read as a timestamp)
Date = Annotated[datetime.date, Field(strict=True)]
#: an address on the web, ``http://`` or ``https://`` and a host
WebAddress = Annotated[str, Field(pattern=r"^https?://[^\s/?#]+[^\s]*$", max_length=4000)]
#: figures by year; ``null`` where the plan prints "—" for that year
YearFigures = dict[Year, Amount | None]
#: what a field means (see :mod:`model.meaning`): amounts the plan states in 亿元 / 万元, rates in per cent
Yi = Annotated[YearFigures, Quantity("亿元")]
Percent = Annotated[Rate | None, Quantity("%")]
#: a figure in the unit its record names (``unit``)
InUnit = Quantity("", unit_field="unit")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """A text in both languages. The Chinese is required; the English may be missing until it is translated (its
    pages then show the Chinese, marked); ``zh_hash`` records the Chinese a translation was made from (see
    :mod:`translations.marks`): when the Chinese changes, the English is outdated until translated again."""

    zh: str
    en: str = ""
    zh_hash: str | None = Field(default=None, pattern=r"^[0-9a-f]{6,64}$")

    @field_validator("zh", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must not be empty (leave out en while it is not translated)")
        return value

    @model_serializer(mode="wrap")
    def _dump(self, handler: SerializerFunctionWrapHandler) -> dict[str, object]:
        data: dict[str, object] = handler(self)
        data.pop("zh_hash", None)  # bookkeeping of the translation, not the plan's data
        return data

    @property
    def translated(self) -> bool:
        return bool(self.en)

    @property
    def outdated(self) -> bool:
        """Its English was made from another Chinese text than the current one."""
        return bool(self.en) and self.zh_hash is not None and self.zh_hash != zh_hash(self.zh)

    def __getitem__(self, lang: str) -> str:
        if lang == "zh":
            return self.zh
        if not self.en:
            return Untranslated(self.zh)
        if self.zh_hash is not None and self.zh_hash != zh_hash(self.zh):
            return Outdated(self.en)
        return self.en


class Source(Model):
    """Where a figure or text comes from: a table or section of the plan, optionally a row."""

    ref: Id
    row: Seq | None = None


class Period(Model):
    start: Year
    end: Year

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"end year {self.end} is before start year {self.start}")
        return self


#: an e-mail address (for the site's feedback and contacts)
EmailAddress = Annotated[str, Field(pattern=r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$", max_length=254)]
#: a telephone number as printed: digits, spaces, + - ( ) and 转 / ext. for an extension
Phone = Annotated[str, Field(pattern=r"^[0-9+() \-]{3,40}((转|ext\. ?)[0-9]{1,6})?$", max_length=60)]


class Contact(Model):
    """Whom to ask: an agency with any of an address, telephone, e-mail and web address, and where the contact comes
    from (the plan itself rarely prints one: usually a staff source of ``plan.yaml``, like any staff record)."""

    agency: Text
    address: Text | None = None
    phone: Phone | None = None
    email: EmailAddress | None = None
    web: WebAddress | None = None
    source: Source

    def tel(self) -> str | None:
        """The phone number as a ``tel:`` address (digits and +, an extension dropped)."""
        if self.phone is None:
            return None
        number = self.phone.split("转")[0].split("ext")[0]
        return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")

    def mailto(self) -> str | None:
        return None if self.email is None else f"mailto:{self.email}"


class Collection(Model):
    """What every collection file may say about itself: a description for its overview page.

    ``{count}`` in a description is replaced by the number of records, so it stays true when rows are added.
    """

    description: Text | None = None


# --- plan.yaml -------------------------------------------------------------------------------


class Principle(Model):
    id: Id
    name: Text
    source: Source


class PlanPeriod(Model):
    """The years the plan covers; its base year (the last year before it) defaults to the year before ``start``.

    Its order is checked with the other files (see :mod:`references`), so a period that ends before it starts
    is reported together with every other problem of the plan."""

    start: Year
    end: Year
    base: Year | None = None
    name: Text  # what the period is called, e.g. a five-year plan's number

    @property
    def base_year(self) -> int:
        return self.base if self.base is not None else self.start - 1

    @property
    def years(self) -> int:
        """Years from the base year to the target year: what average annual growth is computed over."""
        return self.end - self.base_year


class PlanMeta(Model):
    """The plan's identity. What the plan's text does not state (its document number, date, official address) is
    left out, and the site says "not stated in the source" rather than guess."""

    title: Text
    short_title: Text
    issuer: Text | None = None
    issuer_editorial: bool = False  # the issuer is our inference, not stated by the source
    document_number: str | None = None  # the issuing document's number as printed, e.g. 〔<year>〕12号
    date_issued: Date | None = None
    official_url: WebAddress | None = None  # where the issuer publishes the official text
    period: PlanPeriod
    outlook_year: Year
    source: Source
    summary: Text
    guiding_principles: list[Principle]


class ColumnCategories(Model):
    """What a table's own note says a column may hold: ``field`` of the table's records takes one of ``values``
    (the audit compares the rows with it)."""

    field: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    values: Annotated[list[str], Field(min_length=1)]
    quote: str  # the note, verbatim


class SourceDef(Model):
    """A table, figure or section of the plan that data cites; links to a chapter anchor or a page.

    A table or figure shown in a chapter (``[[table:name]]`` at ``anchor: table-name``) names the collection it
    presents (``shows``, and a ``group`` of it) and its ``title`` as printed; a figure lost in the conversion
    points readers to a collection instead (``see``). ``defines``: the categories the table's note sets for a
    column.

    ``kind: staff`` is a document other than the plan that staff cite for what they add (a project, an industry,
    a platform the plan does not name): its text is kept under ``data/`` (``document``), published with the
    site, and every figure of a record citing it must appear in that text, as the plan's figures in the plan's.
    """

    id: Id
    kind: Literal["plan", "staff"] = "plan"
    label: Text
    title: Text | None = None
    chapter: Id | None = None
    anchor: str | None = None
    page: Name | None = None  # a collection whose overview page is the source (an annex)
    shows: Name | None = None
    group: Id | None = None
    lost: bool = False
    see: Name | None = None
    defines: list[ColumnCategories] = []
    document: Annotated[str, Field(pattern=r"^source/[A-Za-z0-9._-]+\.txt$")] | None = None  # under data/
    issuer: Text | None = None
    date: Date | None = None
    url: WebAddress | None = None


class Licence(Model):
    """Under which licence the site's data and translations may be reused: an SPDX identifier (``CC-BY-4.0``),
    checked against the SPDX licence list; its name in both languages and its address are optional (the
    address defaults to the licence's page on spdx.org)."""

    id: Annotated[str, Field(max_length=100)]
    name: Text | None = None
    url: WebAddress | None = None

    @field_validator("id")
    @classmethod
    def _spdx(cls, value: str) -> str:
        return spdx_identifier(value)

    @model_validator(mode="after")
    def _own_licence_described(self) -> Licence:
        if self.id.startswith("LicenseRef-") and (self.name is None or self.url is None):
            raise ValueError(f"a licence not on the SPDX list ({self.id}) needs its name and url")
        return self

    @property
    def address(self) -> str:
        return self.url or licence_page(self.id)


class SiteSettings(Model):
    """What the site says about this plan outside its data: descriptions, file names, examples.

    ``{projects}``, ``{industries}`` … in ``description`` are replaced by the number of records of that collection.
    """

    description: Text
    footer_source: Text
    search_examples: Text
    explorer_filename: Text
    datapackage_name: Id
    featured_indicator: Id | None = None  # drawn on the home page (its path to the target)
    licence: Licence | None = None  # of the site's data and translations
    publisher: Text | None = None  # who publishes the site: the author of its pages (but the plan's own text)
    feedback: EmailAddress | WebAddress | None = None  # where readers send corrections (in every footer when set)
    contact: Contact | None = None  # whom to ask about the plan (on the about page when set)

    def feedback_href(self) -> str | None:
        """The feedback address as a link: ``mailto:`` for an e-mail address, else the web address itself."""
        if self.feedback is None:
            return None
        return self.feedback if self.feedback.startswith(("http://", "https://")) else f"mailto:{self.feedback}"


class PlanFile(Model):
    plan: PlanMeta
    site: SiteSettings
    sources: list[SourceDef]


# --- indicators.yaml, history.yaml, innovation_platforms.yaml --------------------------------


class IndicatorGroup(Model):
    id: Id
    name: Text


class Indicator(Model):
    id: Id
    seq: Seq
    group: Id
    name: Text
    unit: Annotated[Text, PlanUnit()]
    value: Annotated[YearFigures, InUnit]  # the base year's value and the target
    growth_stated: Percent
    target_text: Text | None = None  # words printed in the growth column instead of a rate (no figure by year)
    nature: Annotated[Literal["expected", "binding"], Categories("indicator.nature")]
    comparison: Literal["at_least", "at_most"] = "at_least"  # at_most: a figure to fall to its target (an intensity)
    related: list[Id] = []
    source: Source


class IndicatorsFile(Collection):
    groups: list[IndicatorGroup]
    indicators: list[Indicator]


class HistoryPoint(Model):
    year: Year
    value: Amount
    yoy: Percent = None


class Series(Model):
    id: Id
    seq: Seq
    name: Text
    unit: Annotated[Text, PlanUnit()]
    growth_stated: Percent
    points: Annotated[list[HistoryPoint], Field(min_length=2)]
    source: Source


class HistoryFile(Collection):
    series: list[Series]


class InnovationPlatform(Model):
    id: Id
    seq: Seq
    name: Text
    direction: Text
    source: Source


class InnovationPlatformsFile(Collection):
    innovation_platforms: list[InnovationPlatform]


# --- industries.yaml ---------------------------------------------------------------------------


class IndustryGroup(Model):
    id: Id
    name: Text
    total: Yi  # the table's own total row, as printed
    growth_stated: Percent
    source: Source


class Industry(Model):
    id: Id
    group: Id
    seq: Seq
    name: Text
    output: Yi  # gross output
    growth_stated: Percent
    source: Source
    section: Source
    narrative: Text
    leading_enterprises: list[Text] = []


class IndustriesFile(Collection):
    groups: list[IndustryGroup]
    industries: list[Industry]


# --- platforms.yaml, projects.yaml, townships.yaml ---------------------------------------------


class PlatformRole(Model):
    """A role in the plan's spatial layout (e.g. main platforms, parks); roles order the platforms page."""

    id: Id
    name: Text
    on_home: bool = True


class Platform(Model):
    id: Id
    seq: Seq
    name: Text
    location: Text
    area_km2: Annotated[Amount | None, Quantity("平方公里")] = None
    boundaries: Text | None = None
    rationale: Text
    goals: Text
    approach: Text | None = None
    lead_unit: Text | None = None
    partner_units: Text | None = None
    layout_role: Id
    parent: Id | None = None
    parent_editorial: bool = False
    focus_industries: list[Id] = []
    focus_text: Text | None = None
    output_target: Yi = {}  # gross output targets
    output_target_source: Source | None = None
    land_target_wan_mu: Annotated[Amount | None, Quantity("万亩")] = None  # industrial land by the target year
    contact: Contact | None = None  # for investors; none: the page says the plan states none
    source: Source


class PlatformsFile(Collection):
    layout: Text | None = None  # the layout's name, heading the platforms on the home page
    roles: list[PlatformRole]
    platforms: list[Platform]


class StatedInvestment(Model):
    value: Annotated[Amount, InUnit]
    unit: Annotated[Literal["亿元", "万元"], PlanUnit()]
    quote: str
    part: bool = False
    sub_part: bool = False  # a breakdown of another stated part, not added again

    @property
    def wan(self) -> float:
        return self.value * 10000 if self.unit == "亿元" else self.value


class Project(Model):
    id: Id
    seq: Seq
    starred: bool = False  # on the list the file's ``star`` describes
    name: Text
    type: Annotated[Literal["implementation", "preparatory", "reserve"], Categories("project.type")]
    period: Period | None
    location: Text
    township: Id | None = None
    platform: Id | None = None
    industry: Id | None = None
    content: Text
    summary: Text
    total_investment_wan: Annotated[Amount | None, Quantity("万元")]
    plan_investment_wan: Annotated[Amount | None, Quantity("万元")]
    builder: Text
    origin: Text
    stated_investments: list[StatedInvestment] = []
    source: Source
    notes: list[Text] = []


class StarList(Model):
    """The list a starred (★) project is on, as the plan's table notes it."""

    column: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]  # its column in the open-data export
    name: Text  # what a ★ project is (one)
    plural: Text  # the projects on the list, as a short plural ("… major projects")
    explained: Text  # the plan's own note on the ★


class ProjectsFile(Collection):
    star: StarList | None = None
    projects: list[Project]


class Township(Model):
    id: Id
    seq: Seq
    name: Text
    kind: Annotated[Literal["total", "township", "zone", "enterprise", "utility"], Categories("township.kind")]
    platform: Id | None = None
    output: Yi
    note: Text | None = None
    source: Source


class TownshipsFile(Collection):
    townships: list[Township]


# --- reforms.yaml, policies.yaml, glossary.yaml -----------------------------------------------


class Measure(Model):
    """A row of a list of reforms or of policies (the two lists have the same columns)."""

    id: Id
    seq: Seq
    name: Text
    basis: Text
    measures: Text
    lead_units: list[Text]
    partner_units: list[Text] = []
    source: Source


class Reform(Measure):
    """A major reform (its own type: a record's type says which collection it is in)."""


class Policy(Measure):
    """A major policy."""


class ReformsFile(Collection):
    reforms: list[Reform]


class PoliciesFile(Collection):
    policies: list[Policy]


class Term(Model):
    id: Id
    term: Text
    note: Text | None = None
    zh_forms: list[str] | None = None  # Chinese forms the glossary test looks for ([] = not checked)
    forms: list[str] = []  # further accepted English forms in running text
    synonyms: list[str] = []  # English words readers search for (never used in our texts)


class GlossaryFile(Collection):
    terms: list[Term]


# --- targets.yaml ------------------------------------------------------------------------------------

#: how a target's figure is to be read: at least, at most, about (约/左右) or exactly (a range: within it)
COMPARISONS = ("at_least", "at_most", "about", "exactly")
#: checked across files (see :mod:`references`), so that one run reports it with every other problem
Comparison = Annotated[str, Field(json_schema_extra={"enum": list(COMPARISONS)})]
#: what a target measures: a level (an amount), a count, a share (%), a growth rate or a reduction
TargetKind = Literal["level", "count", "share", "growth", "reduction"]
#: what a target belongs to: the plan itself, or ``<collection>/<id>`` of any collection of the plan
PLAN_ENTITY = "plan"
#: the words the plan qualifies a target's figure with, as it prints them, and where they stand: before the figure
#: (不低于50%) or after it and its unit (5个以上). Pages show exactly these words (``targets.qualifier.<word>``).
TARGET_QUALIFIERS: dict[str, Literal["before", "after"]] = {
    "以上": "after",
    "以下": "after",
    "左右": "after",
    "以内": "after",
    "不低于": "before",
    "至少": "before",
    "不超过": "before",
    "超过": "before",
    "近": "before",
    "约": "before",
}
TargetQualifier = Literal["以上", "以下", "左右", "以内", "不低于", "至少", "不超过", "超过", "近", "约"]
#: how firmly the plan commits to a figure: 确保 (assured) or 力争 (a stretch goal); none for a plain 达到/实现
Commitment = Literal["确保", "力争"]


class Unit(Text):
    """A target's unit in both languages; ``one``: the English for a count of one (``enterprise``)."""

    one: str | None = None


class Passage(Model):
    """Where the plan states a commitment: a section of the text and its paragraph (``#p-N`` of the section's
    chapter), or a table of an annex and its row."""

    ref: Id
    paragraph: Seq | None = None
    row: Seq | None = None
    #: the sentences (1-based) of the English paragraph that render the quote, where the two languages' sentences
    #: do not pair by position (see :mod:`quotes`)
    en_sentences: list[Seq] | None = None

    @model_validator(mode="after")
    def _one_place(self) -> Passage:
        if self.paragraph is not None and self.row is not None:
            raise ValueError("paragraph: give a paragraph (of a chapter) or a row (of a table), not both")
        return self


class Target(Model):
    """A quantified commitment of the plan's text, as the plan states it.

    The figure is ``value`` or a range ``value_min``–``value_max`` (``comparison: exactly``: within it), by
    ``year``, ``every_year`` or once its project is in operation (``in_operation``: 附件2's 投产后/达产后 figures);
    ``same_as`` names the same quantity in a table (a path, as in statements.yaml) — where a table holds the
    figure, the target links it rather than copying it — and ``restates`` the target this one repeats.
    ``qualifier`` and ``commitment`` are the plan's own words at the figure (以上, 力争 …), checked against the quote
    (:func:`targets.word_problems`): pages show them and nothing else, while ``comparison`` is how a status reads
    the figure (确保实现800亿元 has no qualifier, yet 800 is a floor). What a status needs later follows from these
    fields (see :mod:`targets`).
    """

    id: Id
    name: Text
    entity: str  # ``plan`` or ``<collection>/<id>`` (checked across files)
    value: Annotated[Rate | None, InUnit] = None
    value_min: Annotated[Rate | None, InUnit] = None
    value_max: Annotated[Rate | None, InUnit] = None
    unit: Annotated[Unit, PlanUnit()]
    comparison: Comparison
    year: Year | None = None
    every_year: bool = False
    in_operation: bool = False  # a figure the project is to reach once in operation (no year)
    kind: TargetKind
    nature: Literal["expected", "binding"] | None = None
    quote: str  # the plan's words, verbatim
    qualifier: TargetQualifier | None = None  # the plan's word at the figure, as printed
    commitment: Commitment | None = None  # 确保 or 力争, where the plan says it of this figure
    source: Passage
    same_as: str | None = None
    restates: Id | None = None
    headline: bool = False
    group: Text | None = None

    @field_validator("quote")
    @classmethod
    def _quoted(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must not be empty")
        return value

    @model_validator(mode="after")
    def _figure_and_time(self) -> Target:
        ranged = self.value_min is not None or self.value_max is not None
        if self.value is not None and ranged:
            raise ValueError("value: give value, or value_min and value_max, not both")
        if self.value is None and (self.value_min is None or self.value_max is None):
            raise ValueError("value: give value, or both value_min and value_max")
        if (self.year is not None) + self.every_year + self.in_operation != 1:
            raise ValueError("year: give a year, every_year: true or in_operation: true (one of them)")
        return self

    @property
    def values(self) -> list[float]:
        """The figure(s) the plan states: the value, or the range's two ends."""
        return [v for v in (self.value, self.value_min, self.value_max) if v is not None]


class TargetsFile(Collection):
    targets: list[Target]


# --- statements.yaml ----------------------------------------------------------------


#: how the plan qualifies a figure: 约/左右 (about), 近 (nearly), 以上 (or more), 以下 (or less)
Qualifier = Literal["about", "nearly", "at_least", "at_most"]


class Statement(Model):
    """One statement of a fact: a value printed in the plan, or a path to a figure in data/.

    ``qualifier`` is how the plan words the figure (read from ``quote`` when not given: 近30% is ``nearly``);
    ``classified`` marks a statement tied to the others by this site's classification (a platform taken to be a
    row of a table, say), not by the plan's own words: a disagreement that needs it is never a contradiction.
    """

    value: Amount | None = None
    path: str | None = None
    source: Passage  # a table and its row, or a section and its paragraph
    quote: str | None = None
    qualifier: Qualifier | None = None
    classified: bool = False

    @model_validator(mode="after")
    def _value_or_path(self) -> Statement:
        if (self.value is None) == (self.path is None):
            raise ValueError("give exactly one of value and path")
        return self


class Fact(Model):
    id: Id
    label: Text
    unit: Annotated[str, PlanUnit()]
    statements: Annotated[list[Statement], Field(min_length=2)]


class Share(Model):
    id: Id
    label: Text
    stated: Statement
    numerator: str
    denominator: str


class Sum(Model):
    id: Id
    label: Text
    total: str
    parts: Annotated[list[str], Field(min_length=2)]


class Breakdown(Model):
    """A total a description states beside the parts it lists (a floor area and its buildings, say)."""

    id: Id
    label: Text
    unit: Annotated[str, PlanUnit()]  # the plan's unit, e.g. 平方米
    of: str | None = None  # the record it describes: <collection>/<id>
    total: Statement
    parts: Annotated[list[Statement], Field(min_length=2)]


class RecordSum(Model):
    """A figure the plan states for a whole (a city-wide capacity, output or count) against the records that make it
    up: ``field`` (``output/<year>``; ``count`` counts the records) of every record of ``collection`` whose fields
    equal ``where``."""

    id: Id
    label: Text
    unit: str
    total: Statement
    collection: Name
    field: str = "count"
    where: dict[str, str] = {}


class Count(Model):
    """A count of things reaching a threshold ("N个百亿乡镇") against the rows of a table that reach it: the rows of
    ``collection`` matching ``where`` whose ``field`` (``output/<year>``) is at least ``at_least``."""

    id: Id
    label: Text
    stated: Statement
    collection: Name
    field: str
    at_least: float
    unit: str  # the unit of ``field`` (亿元)
    where: dict[str, str] = {}


class Multiple(Model):
    """A multiplicative target ("提高…2倍以上", "翻番") against the levels the plan gives: ``stated`` holds the
    words (its quote); ``base`` and ``level`` are the two figures (paths)."""

    id: Id
    label: Text
    stated: Statement
    base: str
    level: str


class Compound(Model):
    """The figures of one sentence against each other: a level reached at a stated average rate from a stated base
    over ``years`` (a level "突破N亿元" at "年均增速r%左右" from the base year's figure)."""

    id: Id
    label: Text
    unit: str
    base: Statement
    rate: Statement
    level: Statement
    years: Annotated[int, Field(ge=1, le=50)]


class ValueAdded(Model):
    """Value added against gross output of the same category (value added is part of output; ``classified`` on a
    statement marks the two taken for one category by this site's reading)."""

    id: Id
    label: Text
    unit: str
    value_added: Statement
    output: Statement


class NameForm(Model):
    name: str
    source: Passage


class Names(Model):
    """One enterprise, park or institution the plan names in several ways; ``one`` is true only where the plan
    itself makes them one (a name in brackets, 简称 …, quoted in ``because``)."""

    id: Id
    label: Text
    forms: Annotated[list[NameForm], Field(min_length=2)]
    one: bool = False
    because: str | None = None


class StatementsFile(Model):
    facts: list[Fact] = []
    shares: list[Share] = []
    sums: list[Sum] = []
    breakdowns: list[Breakdown] = []
    record_sums: list[RecordSum] = []
    counts: list[Count] = []
    multiples: list[Multiple] = []
    compounds: list[Compound] = []
    value_added: list[ValueAdded] = []
    names: list[Names] = []


# --- outcomes.yaml: what happened after the plan was issued (reported, never a plan fact) ----------

#: a record an outcome is about: ``<collection>/<id>`` (``indicators/gross-output``); which collections accept
#: outcomes follows from their descriptors (:mod:`outcomes.goals`)
Subject = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*/[a-z0-9]+(-[a-z0-9]+)*$", max_length=120)]
Url = Annotated[str, Field(pattern=r"^https?://[^\s<>\"]+$", max_length=4096)]
Figure = Annotated[float, Field(strict=True, allow_inf_nan=False)]  # an outcome may be negative (a growth rate)
#: what staff may record for a target stated without a number (a computed status also knows ``not_measurable``)
RecordedStatusValue = Literal["achieved", "not_achieved", "on_track", "off_track"]
ProjectStatus = Literal["not_started", "under_construction", "partly_operating", "completed", "cancelled", "unknown"]


class OutcomeSource(Model):
    """Where outcomes come from: a publication (``reported``: a statistical bulletin, a government work report)
    or the city's own records (``staff``: a department's project ledger), dated; optionally its URL and, as for a
    source of ``kind: staff`` in ``plan.yaml``, its text kept under ``data/`` (``document: source/<file>.txt``),
    published with the open data, against which the provenance test checks every figure taken from it."""

    id: Id
    kind: Literal["reported", "staff"] = "reported"
    title: Text
    date: Date  # a date (a workbook's date cell or ISO text), never a number read as a timestamp
    url: Url | None = None
    document: Annotated[str, Field(pattern=r"^source/[A-Za-z0-9._-]+\.txt$")] | None = None  # under data/


class ActualValue(Model):
    """The actual value of a target in a year, in the unit of its figures (a revised base-year figure too)."""

    of: Subject
    year: Year
    value: Figure
    source: Id
    as_of: Date
    note: Text | None = None


class RecordedStatus(Model):
    """The status staff judged, with its source, for a target the plan states without a number."""

    of: Subject
    status: RecordedStatusValue
    year: Year  # the year it was judged for
    source: Id
    as_of: Date
    note: Text | None = None


class ProjectProgress(Model):
    """Where a major project stands: status, start and completion dates, investment made so far (万元)."""

    project: Id
    status: Annotated[ProjectStatus, Categories("project_status")]
    started: Date | None = None
    completed: Date | None = None
    invested_wan: Annotated[Amount | None, Quantity("万元")] = None
    note: Text | None = None
    source: Id
    as_of: Date


class OutcomesFile(Collection):
    """Outcomes recorded by staff (``make import`` writes them from the workbook ``make workbook`` makes)."""

    tolerance_percent: Annotated[float, Field(ge=0, le=50, allow_inf_nan=False)] = (
        2  # on track: within this of the path
    )
    sources: list[OutcomeSource] = []
    actuals: list[ActualValue] = []
    statuses: list[RecordedStatus] = []
    projects: list[ProjectProgress] = []
