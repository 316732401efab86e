"""Everything one build knows, shared by the pages of both languages: the plan, its links and audit, the
chapters, the UI catalogue and the entity types the plan has."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ..audit import Audit
from ..content import Document
from ..descriptor import EntityType
from ..history import History
from ..i18n import LANGS, Catalogue, Translator
from ..model import records as m
from ..model.plan import Plan
from ..numfmt import Formatter
from ..outcomes.progress import Commitment, Progress, build_progress, commitments
from ..quotes import english_quote
from ..relations import Relations
from ..translations.units import Counts, all_units, count
from .citations import Citations
from .contexts import NavItem
from .glossing import Glosser
from .urls import AUDIT, DATA, PLAN, PROGRESS, SEARCH, PageAddress, Urls


def plan_strings(plan: Plan) -> dict[str, dict[str, Any]]:
    """What UI strings may name about the plan, by language: ``{base_year}``, ``{period_name}`` …"""
    info = plan.info
    period = info.period
    common = {
        "base_year": period.base_year,
        "start_year": period.start,
        "target_year": period.end,
        "outlook_year": info.outlook_year,
        "period": f"{period.start}–{period.end}",
    }
    return {lang: {**common, "period_name": period.name[lang], "short_title": info.short_title[lang]} for lang in LANGS}


@dataclass
class Site:
    """The loaded plan and content, and how to address and word its pages."""

    plan: Plan
    relations: Relations
    audit: Audit
    chapters: dict[str, dict[str, Document]]
    docs: dict[str, dict[str, Document]]  # the about pages
    types: list[EntityType]  # the plan's collections, in the descriptors' order
    catalogue: Catalogue
    siteurl: str = ""
    history: History = field(default_factory=History.unread)  # the data's releases (see history.read_history)
    urls: Urls = field(init=False)
    progress: Progress = field(init=False)  # every target's status, every project's progress
    commitments: list[Commitment] = field(init=False)  # the plan's commitments, each counted once (every page)
    _citations: dict[str, Citations] = field(init=False, default_factory=dict)
    _glossers: dict[str, Glosser] = field(init=False, default_factory=dict)
    _translation: Counts | None = field(init=False, default=None)
    _quotes: dict[str, str | None] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.catalogue = self.catalogue.with_defaults(plan_strings(self.plan))
        self.progress = build_progress(self.plan, self.types)
        self.commitments = commitments(self.plan, self.types)
        self.urls = Urls(
            slugs={t.record: t.slug for t in self.types if t.pages},
            overviews={t.name: f"{t.slug}/" for t in self.types if t.overview},
            docs=frozenset(self.docs),
        )

    def translation(self) -> Counts | None:
        """How much of the plan is translated into English, while it is not all (None when it is): the about
        page says it (counted once per build)."""
        if self._translation is None:
            self._translation = count(all_units(self.plan, self.chapters, self.docs))
        return None if self._translation.complete else self._translation

    def english_quote(self, target: m.Target) -> str | None:
        """The English of ``target``'s quote (:func:`quotes.english_quote`), found once per build: a target is
        listed on several pages."""
        if target.id not in self._quotes:
            self._quotes[target.id] = english_quote(self.plan, self.chapters, target)
        return self._quotes[target.id]

    def t(self, lang: str) -> Translator:
        return self.catalogue.bound(lang)

    def fmt(self, lang: str) -> Formatter:
        return Formatter(lang)

    def cite(self, lang: str) -> Citations:
        """The words for the plan's sections and tables in ``lang`` (``第二章（三）发展目标``)."""
        if lang not in self._citations:
            self._citations[lang] = Citations(self.plan.index["sources"], self.chapters, self.t(lang))
        return self._citations[lang]

    def glosser(self, lang: str) -> Glosser | None:
        """Links glossary terms in texts of ``lang`` (None: the plan has no glossary)."""
        if not self.plan.has("glossary"):
            return None
        if lang not in self._glossers:
            self._glossers[lang] = Glosser(self.plan.all(m.Term), lang)
        return self._glossers[lang]

    def glossed(self, text: str | None, address: PageAddress, seen: list[str] | None = None) -> Markup:
        """An entity's text on the page at ``address``, escaped, its glossary terms linked at their first use on the
        page: ``seen`` (a list the template keeps for the page) holds the terms linked in its texts so far."""
        glosser = self.glosser(address.lang)
        if glosser is None:
            return escape(text or "")
        known = set(seen or ())
        html = glosser.link_html(str(escape(text or "")), known, address.overview("glossary"))
        if seen is not None:
            seen.extend(sorted(known - set(seen)))
        return html

    def address(self, lang: str, path: str) -> PageAddress:
        return PageAddress(lang, path, self.siteurl, self.urls)

    def has(self, name: str) -> bool:
        """Whether the plan has the collection ``name`` (templates leave out what the plan lacks)."""
        return self.plan.has(name)

    def type_named(self, name: str) -> EntityType | None:
        return next((t for t in self.types if t.name == name), None)

    def nav(self, where: str, lang: str) -> list[NavItem]:
        """The main navigation (``main``) or the footer's links (``footer``): what the plan has, in order."""
        t = self.t(lang)
        own = [
            NavItem(t(f"nav.{e.name}"), self.urls.overview(e.name))
            for e in self.types
            if e.overview and e.overview.nav == where
        ]
        if where == "main":
            contents = [NavItem(t("nav.plan"), PLAN)] if self.chapters else []
            progress = [NavItem(t("nav.progress"), PROGRESS)] if self.progress.present else []
            return [*contents, *own, *progress, NavItem(t("nav.audit"), AUDIT), NavItem(t("nav.data"), DATA)]
        docs = [NavItem(pair[lang].title, self.urls.doc(doc_id)) for doc_id, pair in self.docs.items()]
        return [*docs, *own, NavItem(t("nav.search"), SEARCH)]

    def current_nav(self, lang: str, address: PageAddress) -> NavItem | None:
        """The main navigation's item the page belongs to (a phone's folded menu names it)."""
        return next((item for item in self.nav("main", lang) if address.within(item.path)), None)

    def star(self) -> m.StarList | None:
        projects = self.plan.file(m.ProjectsFile)
        return projects.star if projects else None
