"""Typed models of the plan's data, one per YAML file (pydantic, extra fields forbidden)."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Year = Annotated[int, Field(strict=True, ge=1900, le=2100)]
Amount = Annotated[float, Field(strict=True, ge=0, allow_inf_nan=False)]
Rate = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Seq = Annotated[int, Field(strict=True, ge=1)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """A text in both languages; neither may be empty."""

    zh: str
    en: str

    @field_validator("zh", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text must not be empty")
        return value

    def __getitem__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


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


# --- plan.yaml -------------------------------------------------------------------------------


class Principle(Model):
    id: Id
    name: Text
    source: Source


class Target(Model):
    id: Id
    label: Text
    value: Amount
    unit: str
    year: Year
    source: Source


class PlanMeta(Model):
    title: Text
    short_title: Text
    issuer: Text
    issuer_editorial: bool = False
    period: Period
    outlook_year: Year
    source: Source
    summary: Text
    guiding_principles: list[Principle]
    targets: list[Target]


class SourceDef(Model):
    """A table or section of the plan that data cites; links to a chapter anchor or a page."""

    id: Id
    label: Text
    chapter: Id | None = None
    anchor: str | None = None
    page: str | None = None


class PlanFile(Model):
    plan: PlanMeta
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
    unit: Text
    value_2020: Amount | None
    value_2025: Amount | None
    growth_stated: Rate | None
    target_text: Text | None = None
    nature: Literal["expected", "binding"]
    related: list[Id] = []
    source: Source


class IndicatorsFile(Model):
    groups: list[IndicatorGroup]
    indicators: list[Indicator]


class HistoryPoint(Model):
    year: Year
    value: Amount
    yoy: Rate | None = None


class Series(Model):
    id: Id
    seq: Seq
    name: Text
    unit: Text
    growth_stated: Rate | None
    points: Annotated[list[HistoryPoint], Field(min_length=2)]
    source: Source


class HistoryFile(Model):
    series: list[Series]


class InnovationPlatform(Model):
    id: Id
    seq: Seq
    name: Text
    direction: Text
    source: Source


class InnovationPlatformsFile(Model):
    innovation_platforms: list[InnovationPlatform]


# --- industries.yaml ---------------------------------------------------------------------------


class IndustryGroup(Model):
    id: Literal["emerging", "traditional"]
    name: Text
    total_2020: Amount | None
    total_2025: Amount | None
    growth_stated: Rate | None
    source: Source


class OtherTarget(Model):
    label: Text
    value: Amount
    unit: Text
    year: Year
    source: Source


class Industry(Model):
    id: Id
    group: Literal["emerging", "traditional"]
    seq: Seq
    name: Text
    output_2020: Amount | None
    output_2025: Amount | None
    growth_stated: Rate | None
    source: Source
    section: Source
    narrative: Text
    leading_enterprises: list[Text] = []
    other_targets: list[OtherTarget] = []


class IndustriesFile(Model):
    groups: list[IndustryGroup]
    industries: list[Industry]


# --- platforms.yaml, projects.yaml, townships.yaml ---------------------------------------------


class Platform(Model):
    id: Id
    seq: Seq
    name: Text
    location: Text
    area_km2: Amount | None = None
    boundaries: Text | None = None
    rationale: Text
    goals: Text
    approach: Text | None = None
    lead_unit: Text | None = None
    partner_units: Text | None = None
    layout_role: Literal["main", "park", "micro", "area"]
    parent: Id | None = None
    parent_editorial: bool = False
    focus_industries: list[Id] = []
    focus_text: Text | None = None
    output_target_2025_yi: Amount | None = None
    output_target_source: Source | None = None
    land_target_wan_mu: Amount | None = None  # 万亩 (10,000 mu), as printed
    source: Source


class PlatformsFile(Model):
    platforms: list[Platform]


class StatedInvestment(Model):
    value: Amount
    unit: Literal["亿元", "万元"]
    quote: str
    part: bool = False
    sub_part: bool = False  # a breakdown of another stated part, not added again

    @property
    def wan(self) -> float:
        return self.value * 10000 if self.unit == "亿元" else self.value


class Project(Model):
    id: Id
    seq: Seq
    hangzhou_major: bool
    name: Text
    type: Literal["implementation", "preparatory", "reserve"]
    period: Period | None
    location: Text
    township: Id | None = None
    platform: Id | None = None
    industry: Id | None = None
    content: Text
    summary: Text
    total_investment_wan: Amount | None
    plan_investment_wan: Amount | None
    builder: Text
    origin: Text
    stated_investments: list[StatedInvestment] = []
    source: Source
    notes: list[Text] = []


class ProjectsFile(Model):
    projects: list[Project]


class Township(Model):
    id: Id
    seq: Seq
    name: Text
    kind: Literal["total", "township", "zone", "enterprise", "utility"]
    platform: Id | None = None
    output: dict[Year, Amount]
    note: Text | None = None
    source: Source


class TownshipsFile(Model):
    townships: list[Township]


# --- reforms.yaml, policies.yaml, glossary.yaml -----------------------------------------------


class Measure(Model):
    """A row of 附件3 (reform) or 附件4 (policy)."""

    id: Id
    seq: Seq
    name: Text
    basis: Text
    measures: Text
    lead_units: list[Text]
    partner_units: list[Text] = []
    source: Source


class ReformsFile(Model):
    reforms: list[Measure]


class PoliciesFile(Model):
    policies: list[Measure]


class Term(Model):
    id: Id
    term: Text
    note: Text | None = None
    zh_forms: list[str] | None = None  # Chinese forms the glossary test looks for ([] = not checked)
    forms: list[str] = []  # further accepted English forms in running text
    synonyms: list[str] = []  # English words readers search for (never used in our texts)


class GlossaryFile(Model):
    terms: list[Term]


# --- statements.yaml, actuals.yaml ----------------------------------------------------------------


class Statement(Model):
    """One statement of a fact: a value printed in the plan, or a path to a figure in data/."""

    value: Amount | None = None
    path: str | None = None
    source: Source
    quote: str | None = None
    approximate: bool = False  # the plan says 近/约/左右: a difference is at most notable

    @model_validator(mode="after")
    def _value_or_path(self) -> Statement:
        if (self.value is None) == (self.path is None):
            raise ValueError("give exactly one of value and path")
        return self


class Fact(Model):
    id: Id
    label: Text
    unit: str
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


class StatementsFile(Model):
    facts: list[Fact] = []
    shares: list[Share] = []
    sums: list[Sum] = []


class Actual(Model):
    """An outcome recorded by staff: the actual value of an indicator, industry or township."""

    target: str
    year: Year
    value: Amount
    source: Text
    as_of: datetime.date


class ActualsFile(Model):
    actuals: list[Actual] = []


FILE_MODELS: dict[str, type[Model]] = {
    "plan.yaml": PlanFile,
    "indicators.yaml": IndicatorsFile,
    "history.yaml": HistoryFile,
    "innovation_platforms.yaml": InnovationPlatformsFile,
    "industries.yaml": IndustriesFile,
    "platforms.yaml": PlatformsFile,
    "projects.yaml": ProjectsFile,
    "townships.yaml": TownshipsFile,
    "reforms.yaml": ReformsFile,
    "policies.yaml": PoliciesFile,
    "glossary.yaml": GlossaryFile,
    "statements.yaml": StatementsFile,
    "actuals.yaml": ActualsFile,
}
