"""Where pages live: every URL of the site comes from here (one language-independent path per page).

:class:`Urls` knows the site's paths (from the entity types' descriptors); :class:`PageAddress` is one page in
one language and makes every link from it relative, so a template writes ``addr.to(project)`` or
``addr.overview('projects')`` and never builds a URL from strings. Chinese pages are at ``/``, English at ``/en/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from ..i18n import HTML_LANG, OTHER
from ..model import records as m

#: the card a shared link previews (og:image), one per language at the language's root
CARD = "share-card.png"

#: pages that are not a collection's: language-independent paths
HOME, PLAN, AUDIT, DATA, SEARCH, NOT_FOUND = "", "plan/", "audit/", "data/", "search/", "404.html"
PROGRESS = "progress/"  # every target's status (when the plan records outcomes)
CHANGES = "changes/"
FEED = f"{CHANGES}atom.xml"  # the changes of the data's releases, one Atom feed per language


def lang_prefix(lang: str) -> str:
    return "en/" if lang == "en" else ""


def output_name(lang: str, path: str) -> str:
    """The file a page is written to, e.g. ``en/projects/x/index.html``; ``path`` ends with ``/``."""
    if path.endswith(".html"):
        return lang_prefix(lang) + path
    return f"{lang_prefix(lang)}{path}index.html"


def relative(from_dir: str, target: str) -> str:
    """A link from the page whose directory is ``from_dir`` to the site path ``target``."""
    up = "../" * from_dir.count("/")
    return (up + target) or "./"


@dataclass(frozen=True)
class Urls:
    """The path of every page: entity pages by record type, overviews by collection name, chapters, sources."""

    slugs: dict[type, str] = field(default_factory=dict)  # record class → its collection's URL segment
    overviews: dict[str, str] = field(default_factory=dict)  # collection name → its overview's path
    docs: frozenset[str] = frozenset()  # ids of the about pages (content/pages)

    def of(self, record: Any) -> str:
        return f"{self.slugs[type(record)]}/{record.id}/"

    def has_page(self, record: Any) -> bool:
        return type(record) in self.slugs

    def overview(self, name: str) -> str:
        return self.overviews[name]

    def chapter(self, chapter_id: str, bilingual: bool = False) -> str:
        return f"{PLAN}{chapter_id}/" + ("bilingual/" if bilingual else "")

    def doc(self, doc_id: str) -> str:
        return f"{doc_id}/"

    def source(self, source: m.SourceDef) -> str:
        """A table, figure or section of the plan: its chapter and anchor, or the overview page of its annex; a
        document staff cite: its text, published with the open data."""
        if source.document:
            return f"{DATA}{source.document}"
        if source.page:
            return self.overview(source.page)
        assert source.chapter is not None  # checked at load time
        return self.chapter(source.chapter) + (f"#{source.anchor}" if source.anchor else "")

    def paragraph(self, chapter_id: str, number: int) -> str:
        return f"{self.chapter(chapter_id)}#p-{number}"

    def target(self, target: m.Target) -> str:
        """A commitment on the targets page (a restatement's anchor is on its commitment's row)."""
        return f"{self.overview('targets')}#target-{target.id}"


@dataclass(frozen=True)
class PageAddress:
    """The address of one page in one language, and every link from it (relative, so the site works anywhere)."""

    lang: str
    path: str  # language-independent: '' for home, 'projects/x/' for an entity
    siteurl: str = ""
    urls: Urls = field(default_factory=Urls)

    @property
    def dir(self) -> str:
        name = output_name(self.lang, self.path)
        return name.rsplit("/", 1)[0] + "/" if "/" in name else ""

    @property
    def html_lang(self) -> str:
        return HTML_LANG[self.lang]

    @property
    def other_lang(self) -> str:
        return OTHER[self.lang]

    @property
    def other_html_lang(self) -> str:
        return HTML_LANG[self.other_lang]

    def url(self, path: str, lang: str | None = None) -> str:
        """Relative link to the site path ``path`` in ``lang`` (default: this page's language). A file of the open
        data (``data/projects.csv``, a staff document ``data/source/notice.txt``) is published once, for both."""
        if path.startswith(DATA) and "." in path.split("#", 1)[0].rsplit("/", 1)[-1]:
            return relative(self.dir, path)
        return relative(self.dir, lang_prefix(lang or self.lang) + path)

    def within(self, path: str) -> bool:
        """Whether this page is ``path`` or below it (the current item of a navigation)."""
        return bool(path) and self.path.startswith(path)

    # --- links to the site's pages ----------------------------------------------------------------

    def home(self) -> str:
        return self.url(HOME)

    def search(self) -> str:
        return self.url(SEARCH)

    def contents(self) -> str:
        """The plan's table of contents."""
        return self.url(PLAN)

    def audit(self) -> str:
        return self.url(AUDIT)

    def data(self) -> str:
        """The open-data page."""
        return self.url(DATA)

    def progress(self, status: str = "") -> str:
        """The progress page (at the count of ``status``)."""
        return self.url(PROGRESS) + (f"#status-{status}" if status else "")

    def changes(self) -> str:
        """The data's change history."""
        return self.url(CHANGES)

    def feed(self) -> str:
        """The Atom feed of the data's changes, in this page's language."""
        return self.url(FEED)

    def to(self, record: Any) -> str:
        """The page of an entity (a project, an industry …)."""
        return self.url(self.urls.of(record))

    def overview(self, name: str) -> str:
        return self.url(self.urls.overview(name))

    def page(self, path: str) -> str:
        """One of the site's own pages: ``PLAN``, ``AUDIT``, ``DATA``, ``SEARCH`` or an about page's path."""
        return self.url(path)

    def chapter(self, chapter_id: str, bilingual: bool = False, anchor: str = "") -> str:
        return self.url(self.urls.chapter(chapter_id, bilingual)) + (f"#{anchor}" if anchor else "")

    def source(self, source: m.SourceDef) -> str:
        return self.url(self.urls.source(source))

    def finding(self, finding_id: str) -> str:
        return f"{self.url(AUDIT)}#{finding_id}"

    def target(self, target: m.Target) -> str:
        """A commitment on the targets page."""
        return self.url(self.urls.target(target))

    def explorer(self, **query: str) -> str:
        """The projects explorer, filtered (``addr.explorer(industry='x')``)."""
        return f"{self.overview('projects')}?{urlencode(query)}" if query else self.overview("projects")

    def static(self, asset: str) -> str:
        return relative(self.dir, asset)

    def data_file(self, name: str) -> str:
        return relative(self.dir, f"data/{name}")

    def absolute(self, lang: str | None = None) -> str:
        """Canonical URL of this page (root-relative when SITEURL is empty)."""
        return f"{self.siteurl}/{lang_prefix(lang or self.lang)}{self.path}"

    def absolute_of(self, path: str, lang: str | None = None) -> str:
        """Canonical URL of the site path ``path`` (root-relative when SITEURL is empty)."""
        return f"{self.siteurl}/{lang_prefix(lang or self.lang)}{path}"

    def share_card(self) -> str:
        """The language's card for shared links (``og:image``): absolute when SITEURL is set."""
        return self.absolute_of(CARD, self.lang)

    def counterpart(self) -> str:
        return self.url(self.path, self.other_lang)
