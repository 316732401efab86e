"""What an entity type is: the unit of change (after Lektor's datamodel and Datasette's ``Urls``).

One :class:`EntityType` per collection says where its records are (file, list key, model), which of
their fields name other records, and — when it has them — how its pages, overview, charts and export
are made. Loading, id and reference checks, links, pages, URLs, navigation, sitemap, charts and the
open-data export all follow from the descriptors in :mod:`entities`; adding an entity type is one
descriptor there, one template and its UI strings.

The classes here hold callables typed loosely (``Callable[..., Any]``): the functions they point to live in
the stage modules (``site.pages``, ``charts``, ``export``), which must not import :mod:`entities`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from .model import records as m

#: a :class:`Ref` whose field may name a record of any list of the plan (``<list>/<id>``) or the plan itself
ANY_LIST = "*"


@dataclass(frozen=True)
class Ref:
    """``field`` of the records in the file's ``key`` list names records of the list ``target``.

    With ``target=ANY_LIST`` the field holds ``<list>/<id>`` (a record of any collection or auxiliary list of
    the plan, e.g. ``industries/chemicals``, ``industry_groups/emerging``) or ``plan`` (the plan itself)."""

    key: str
    field: str
    target: str


@dataclass(frozen=True)
class AuxList:
    """A second list in a collection's file whose records others refer to (e.g. an indicator's group); it is
    exported as a table of its own when it has an ``export`` (the industry groups' total rows)."""

    key: str  # list key in the file
    name: str  # its name in the plan's index (unique across collections), and its export's file name
    singular: str  # for messages: "unknown industry group 'x'"
    record: type[m.Model]
    export: Export | None = None


@dataclass(frozen=True)
class EntityPages:
    """One page per record: its template, its typed context and its charts."""

    template: str
    context: Callable[..., Any]  # (site, record, lang, t) -> Page
    charts: Callable[..., Any] | None = None  # (page, site, t, fmt) -> Iterator[Built]


@dataclass(frozen=True)
class Overview:
    """The collection's overview page (its path is the collection's URL segment)."""

    template: str
    context: Callable[..., Any]  # (site, base: Page) -> Page
    nav: Literal["main", "footer"]
    charts: Callable[..., Any] | None = None


@dataclass(frozen=True)
class Export:
    """The collection in the open-data export: CSV columns, JSON records and the Data Package entry."""

    title: Callable[..., str]  # (plan) -> title of the resource
    columns: Callable[..., list[Any]]  # (plan) -> list[export.Column]
    rows: Callable[..., list[Any]]  # (plan) -> the rows the columns read, in the plan's order
    records: Callable[..., list[Any]]  # (plan) -> the JSON records


@dataclass(frozen=True)
class EntityType:
    """A collection of the plan: ``data/<name>.yaml`` holding a list ``key`` of ``record`` models."""

    name: str  # the one spelling: file stem, list name, export file name, UI string keys (``nav.<name>``)
    file: type[m.Model]
    key: str
    record: type[m.Model]
    singular: str  # in messages: "unknown project 'x'"
    aux: tuple[AuxList, ...] = ()
    refs: tuple[Ref, ...] = ()
    pages: EntityPages | None = None
    overview: Overview | None = None
    export: Export | None = None
    kind: str = ""  # the search filter's type for its pages (``kind.<kind>`` in the catalogue)
    #: (plan, record) -> outcomes.goals.Goal: its records are targets, for which outcomes may be recorded
    goal: Callable[..., Any] | None = None
    #: further resources of the open-data export made from this collection (name, export), e.g. derived tables
    more_exports: tuple[tuple[str, Export], ...] = ()

    @property
    def filename(self) -> str:
        return f"{self.name}.yaml"

    @property
    def slug(self) -> str:
        """Its URL segment (and the anchor of its section on the data page)."""
        return self.name.replace("_", "-")

    @property
    def is_entity(self) -> bool:
        """Whether the collection is a plan's entities (indicators, projects …) rather than supporting data."""
        return self.pages is not None or self.overview is not None
