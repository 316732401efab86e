"""One context object per page type; templates receive ``page`` (one of these) and helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import models as m
from .audit import Finding
from .chapters import Document
from .site import PageAddress

__all__ = ["PageAddress"]


@dataclass
class Crumb:
    label: str
    path: str | None  # None: the current page


@dataclass
class Page:
    """What every page has: its address in both languages, title, description, breadcrumbs."""

    address: PageAddress
    kind: str  # home, indicator, industry, platform, project, township, chapter, other
    title: str
    description: str
    crumbs: list[Crumb] = field(default_factory=list)
    charts: list[Any] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    search_filters: dict[str, str] = field(default_factory=dict)


@dataclass
class HomePage(Page):
    targets: list[m.Target] = field(default_factory=list)
    top_projects: list[m.Project] = field(default_factory=list)


@dataclass
class IndicatorPage(Page):
    indicator: m.Indicator | None = None
    group: m.IndicatorGroup | None = None
    implied_growth: float | None = None
    actuals: list[m.Actual] = field(default_factory=list)


@dataclass
class IndustryPage(Page):
    industry: m.Industry | None = None
    group: m.IndustryGroup | None = None
    implied_growth: float | None = None
    share_2025: float | None = None
    platforms: list[m.Platform] = field(default_factory=list)
    projects: list[m.Project] = field(default_factory=list)
    investment_wan: float = 0
    actuals: list[m.Actual] = field(default_factory=list)


@dataclass
class PlatformPage(Page):
    platform: m.Platform | None = None
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
    industry: m.Industry | None = None
    platform: m.Platform | None = None
    township: m.Township | None = None
    share: float | None = None
    rank: int | None = None


@dataclass
class TownshipPage(Page):
    township: m.Township | None = None
    projects: list[m.Project] = field(default_factory=list)
    platform: m.Platform | None = None
    growth: float | None = None
    actuals: list[m.Actual] = field(default_factory=list)


@dataclass
class ListPage(Page):
    """An overview page: the items of one collection (and any grouping the template needs)."""

    items: list[Any] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ChapterPage(Page):
    doc: Document | None = None
    other: Document | None = None  # the same chapter in the other language
    bilingual: bool = False
    prev: Document | None = None
    next: Document | None = None
