"""What an entity type is: the unit of change (after Lektor's datamodel and Datasette's ``Urls``).

One :class:`EntityType` per collection says where its records are (file, list key, model), which of
their fields name other records, and — when it has them — how its pages, overview, charts and export
are made. Loading, id and reference checks, links, pages, URLs, navigation, sitemap, charts and the
open-data export all follow from the descriptors in :mod:`entities`; adding an entity type is one
descriptor there, one template and its UI strings.

The page parts are generic: ``EntityPages[S, R, P]`` ties a record type ``R`` to its page context class ``P``
(which names its template), the function making ``P`` from ``R`` and the chart maker reading ``P`` — mypy rejects
a descriptor whose functions do not fit each other (a swapped context or chart function). ``S`` is the build's
:class:`site.state.Site`, a type parameter here because that module imports this one (no cycle, not even for
type checking); :mod:`entities` fixes it. The functions live in the stage modules (``site.pages``, ``charts``,
``export``), which must not import :mod:`entities`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Literal, Protocol

from typing_extensions import TypeVar

from .charts.rows import Built
from .i18n import Translator
from .model import records as m
from .model.plan import Plan
from .numfmt import Formatter

# defaults: a stage that only reads a descriptor's files, lists and references writes plain ``EntityType``
S = TypeVar("S", default=Any)  # the build's site (site.state.Site)
R = TypeVar("R", bound=m.Model, default=Any)  # a collection's record
P = TypeVar("P", bound="Templated", default=Any)  # a page's context (site.contexts.Page)


class Templated(Protocol):
    """A page context class: it names the template that renders it."""

    template: ClassVar[str]


#: what makes a page's charts from its context: (page, site, t, fmt) -> the charts and their sources
ChartMaker = Callable[[P, S, Translator, Formatter], Iterable[Built]]

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
class EntityPages(Generic[S, R, P]):
    """One page per record: its context class (which names its template), the function making it, its charts."""

    page: type[P]
    context: Callable[[S, R, str, Translator], P]  # (site, record, lang, t) -> its page
    charts: ChartMaker[P, S] | None = None

    @property
    def template(self) -> str:
        return self.page.template


@dataclass(frozen=True)
class Overview(Generic[S, P]):
    """The collection's overview page (its path is the collection's URL segment)."""

    page: type[P]
    context: Callable[[S, Any], P]  # (site, base: contexts.Page) -> its page
    nav: Literal["main", "footer"]
    charts: ChartMaker[P, S] | None = None

    @property
    def template(self) -> str:
        return self.page.template


def entity_pages(
    page: type[P], context: Callable[[S, R, str, Translator], P], charts: ChartMaker[P, S] | None = None
) -> EntityPages[S, R]:
    """An entity type's pages, its parts checked against each other: ``P`` is inferred from them alone (an
    ``EntityPages(…)`` written inside an ``EntityType(…)`` would take ``P = Any`` from the field's type)."""
    return EntityPages(page, context, charts)


def overview_page(
    page: type[P],
    context: Callable[[S, Any], P],
    nav: Literal["main", "footer"],
    charts: ChartMaker[P, S] | None = None,
) -> Overview[S]:
    """A collection's overview, its parts checked against each other (see :func:`entity_pages`)."""
    return Overview(page, context, nav, charts)


@dataclass(frozen=True)
class Export:
    """The collection in the open-data export: CSV columns, JSON records and the Data Package entry."""

    title: Callable[..., str]  # (plan) -> title of the resource
    columns: Callable[..., list[Any]]  # (plan) -> list[export.Column]
    rows: Callable[..., list[Any]]  # (plan) -> the rows the columns read, in the plan's order
    records: Callable[..., list[Any]]  # (plan) -> the JSON records


@dataclass(frozen=True)
class EntityType(Generic[S, R]):
    """A collection of the plan: ``data/<name>.yaml`` holding a list ``key`` of ``record`` models."""

    name: str  # the one spelling: file stem, list name, export file name, UI string keys (``nav.<name>``)
    file: type[m.Model]
    key: str
    record: type[R]
    singular: str  # in messages: "unknown project 'x'"
    aux: tuple[AuxList, ...] = ()
    refs: tuple[Ref, ...] = ()
    pages: EntityPages[S, R] | None = None  # made by entity_pages(…), which checks its parts fit
    overview: Overview[S] | None = None  # made by overview_page(…)
    export: Export | None = None
    kind: str = ""  # the search filter's type for its pages (``kind.<kind>`` in the catalogue)
    #: (plan, record) -> outcomes.goals.Goal: its records are targets, for which outcomes may be recorded
    goal: Callable[[Plan, R], Any] | None = None
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
