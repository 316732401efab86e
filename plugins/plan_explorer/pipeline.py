"""The build as one plain pipeline: load → validate → link → audit (:func:`load_site`), then render → charts →
search → write (:func:`build_site`). Pelican's generator and the dev server are thin adapters over these two.

A plan is a folder with ``data/`` and ``content/``; the theme (templates, UI strings, static files) is the
generator's own. Each language's pages (and its search index) are written by a worker process of its own
(see :mod:`workers`); the open-data export, sitemap and robots.txt are written here meanwhile.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, TemplateError

from .audit import run_audit
from .charts.render import ChartRenderer
from .charts.service import VegaService
from .content import Document, load_documents
from .descriptor import EntityType
from .entities import CHART_MAKERS, ENTITY_TYPES
from .errors import DataError, PlanError, ProblemLog
from .export import export_files
from .history import read_history
from .i18n import LANGS, LOCALES, load_catalogue
from .load import load_plan
from .model import records as m
from .model.plan import Plan
from .outputdir import replace_whole, rewrite
from .publish import SETTINGS_FILE, siteurl_problems
from .relations import build_relations
from .required import check_catalogue
from .search import BODY, SearchIndexer, merge_entries, search_copy
from .sharecard import CARD, card_png, card_svg
from .site import contexts as c
from .site.feeds import atom_feed
from .site.langmark import marked, marked_html
from .site.pages import PagePlan, all_pages, not_found_page, page_plans
from .site.sitemap import robots_txt, sitemap_xml
from .site.state import Site
from .site.urls import FEED, lang_prefix, output_name
from .templateerrors import template_failure
from .translations.html import Notices, finish
from .translations.marks import in_html
from .workers import Workers

logger = logging.getLogger(__name__)
SOURCE_TEXT = Path("source") / "plan.txt"
FAVICON = "favicon.ico"


# --- load, validate, link, audit ----------------------------------------------------------------------


def check_content(plan: Plan, chapters: dict[str, dict[str, Document]], log: ProblemLog) -> None:
    """The chapters and the plan's sources agree: every table or figure placeholder is described by a source,
    every source's chapter and anchor exist."""
    anchors = {doc_id: {b.anchor for b in pair["zh"].blocks} for doc_id, pair in chapters.items()}
    described = {(s.chapter, s.anchor): s for s in plan.meta.sources if s.chapter}
    for doc_id, pair in chapters.items():
        for lang, doc in pair.items():
            for block in doc.blocks:
                if block.kind not in ("table", "figure"):
                    continue
                source = described.get((doc_id, block.anchor))
                wanted = "shows" if block.kind == "table" else "see"
                if source is None or getattr(source, wanted) is None:
                    log.add(
                        f"content/plan/{lang}/{doc.filename}",
                        block.line,
                        f"[[{block.kind}:{block.name}]]",
                        f"no source in data/plan.yaml describes it (one with chapter: {doc_id}, "
                        f"anchor: {block.anchor}, {wanted}: <collection>)",
                    )
    for i, source in enumerate(plan.meta.sources):
        if source.chapter is None:
            continue
        where, line = f"sources[{i}]", plan.line_of("plan.yaml", ("sources", i))
        if source.chapter not in chapters:
            log.add("data/plan.yaml", line, f"{where}.chapter", f"no chapter '{source.chapter}' in content/plan")
        elif source.anchor and source.anchor not in anchors[source.chapter]:
            log.add("data/plan.yaml", line, f"{where}.anchor", f"chapter '{source.chapter}' has no '{source.anchor}'")


def paragraph_index(chapters: dict[str, dict[str, Document]]) -> dict[str, dict[int, int]]:
    """Chapter → {paragraph number (``#p-N``): the number of the section it lies in} (0 before the first heading)."""
    index: dict[str, dict[int, int]] = {}
    for doc_id, pair in chapters.items():
        section, numbered = 0, {}
        for block in pair["zh"].blocks:
            if block.kind == "heading":
                section += 1
            elif block.kind == "para":
                numbered[int(block.anchor.removeprefix("p-"))] = section
        index[doc_id] = numbered
    return index


def load_site(
    root: Path,
    theme: Path,
    siteurl: str = "",
    types: Sequence[EntityType] = ENTITY_TYPES,
    cache: Path | None = None,
    history: bool = True,
    publish: bool = False,
) -> Site:
    """Load the plan of the folder ``root`` (its data and content) and the theme's UI strings, validate,
    link and audit them; every problem of all of them is reported together (DataError). ``history``: read the
    data's releases from git (changes cached in ``cache``); ``publish``: the site's address must be a real one."""
    log = ProblemLog()
    if publish:
        for problem in siteurl_problems(siteurl):
            log.add(SETTINGS_FILE, 0, "SITEURL", problem)
    plan = None
    chapters = load_documents(root / "content" / "plan", "content/plan", log)
    docs = load_documents(root / "content" / "pages", "content/pages", log)
    try:
        plan = load_plan(root / "data", types, paragraph_index(chapters))
    except DataError as exc:  # merged with the content problems, reported together
        log.problems += exc.problems
    catalogue = load_catalogue(theme / "i18n.yaml", log)
    check_catalogue(catalogue, types, log)
    if plan is not None:
        check_content(plan, chapters, log)
    log.raise_if_any()
    assert plan is not None
    present = [t for t in types if plan.has(t.name)]
    site = Site(plan, build_relations(plan), run_audit(plan, catalogue), chapters, docs, present, catalogue, siteurl)
    if history:
        site.history = read_history(root / "data", cache, types)
    return site


# --- render, charts, search, write --------------------------------------------------------------------


def environment(
    theme: Path, options: dict[str, Any], cache: Path | None = None, translation_marks: bool = True
) -> Environment:
    """The Jinja environment of the theme's templates (compiled templates cached in ``cache``).

    ``translation_marks``: texts whose English is missing or outdated are marked on the page (a hook on every value
    a page writes, compiled into the templates: a fully translated plan's build goes without it)."""
    # one environment per build (the dev server makes a new one for each): templates never change under it
    options = {"auto_reload": False, **options}
    env = Environment(loader=FileSystemLoader(str(theme / "templates")), **options)  # noqa: S701 — autoescape is on
    env.filters["marked"] = marked  # {{ text|marked(lang) }}: the other language's runs marked with their lang
    env.filters["marked_html"] = marked_html
    if translation_marks:
        env.finalize = in_html  # a text whose English is missing or outdated is marked on the page (translations.html)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(cache))
    return env


@dataclass
class SiteWriter:
    """Writes a loaded site into ``output``: pages with their charts, search index, export, sitemap."""

    site: Site
    env: Environment
    output: Path
    charts: ChartRenderer
    theme: Path
    search: bool = True
    live: bool = False  # writing into a site being served: every file replaced whole
    marked: bool = True  # pages carry the translation marks (the plan is not all translated): finish them
    written: dict[str, int] = field(default_factory=dict)  # counts, for the build's report
    pages: list[str] = field(default_factory=list)  # every file the site must hold, checked once swapped in

    def _add_charts(self, page: c.Page, lang: str) -> c.Page:
        """The page with its charts (their specs written beside it)."""
        maker = CHART_MAKERS.get(type(page))
        if maker is None:
            return page
        charts = self.charts.charts_for(page, self.site, self.site.t(lang), self.site.fmt(lang), maker)
        for chart in charts:  # its spec beside the page; its SVG, PNG and CSV are made from the page on request
            self._write_text(f"{page.address.dir}{chart.files['spec']}", chart.spec_json)
        return dataclasses.replace(page, charts=charts)

    def _render_page(self, page: c.Page, lang: str, indexer: SearchIndexer | None) -> None:
        name = output_name(lang, page.address.path)
        html = self._render(name, page, lang)
        if indexer is not None and BODY in html:
            indexer.add(name, search_copy(html))

    def _render(self, name: str, page: c.Page, lang: str) -> str:
        """Render one page and write it (the HTML is kept for the search index, not read back)."""
        site = self.site
        try:
            html = self.env.get_template(page.template).render(
                page=page,
                addr=page.address,
                t=site.t(lang),
                fmt=site.fmt(lang),
                lang=lang,
                loc=LOCALES[lang],
                locales=list(LOCALES.values()),
                site=site,
                info=site.plan.info,
                sources=site.plan.index["sources"],
                cite=site.cite(lang),
            )
        except PlanError:
            raise
        except Exception as exc:  # the theme's error, located (file:line): one line, not a traceback
            raise template_failure(exc, self.theme / "templates") from exc
        if self.marked:
            t = site.t(lang)
            html = finish(html, Notices(t("translation.missing"), t("translation.outdated")))
        self._write_text(name, html)
        return html

    def _write_text(self, name: str, text: str) -> None:
        self._write_bytes(name, text.encode())

    def _write_bytes(self, name: str, data: bytes) -> None:
        path = self.output / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.live:
            replace_whole(path, data)  # a served site: never show a half-written file
        else:
            rewrite(path, data)

    def write_pages(self, names: set[str]) -> list[str]:
        """Write only the pages whose output files are in ``names`` (the dev server's recently viewed pages)."""
        pages = [(lang, page) for lang in LANGS for page in all_pages(self.site, lang, _in(names, lang))]
        try:
            self._render_share(pages, None)
        finally:
            self.charts.service.stop()
        return [output_name(lang, page.address.path) for lang, page in pages]

    def _render_share(self, pages: list[tuple[str, c.Page]], indexer: SearchIndexer | None) -> None:
        """Charts and HTML of ``pages``, in one pass: each page's charts, then the page. Charts are drawn in
        Python; a chart maker that returns an Altair chart instead opts into vl-convert, and its page waits here
        for its SVG (none of the chart makers does)."""
        for lang, made in pages:
            page = self._add_charts(made, lang)
            if any(chart.pending for chart in page.charts):
                self.charts.finish(page.charts)
            self._render_page(page, lang, indexer)

    def _render_language(self, lang: str, entry: Path | None) -> dict[str, int]:
        """One language's pages, made here, and their search index (its entry file to ``entry``), in a worker
        process."""
        pages = [(lang, page) for page in all_pages(self.site, lang)]
        indexer = SearchIndexer() if entry is not None else None
        before = self.charts.counts()
        try:
            self._render_share(pages, indexer)
            if indexer is not None and entry is not None:
                indexer.write(self.output / "pagefind", entry)
        finally:
            if indexer is not None:
                indexer.close()
        counts = {key: n - before[key] for key, n in self.charts.counts().items()}
        return {**counts, "records": indexer.count if indexer is not None else 0}

    def write_all(self) -> dict[str, int]:
        """The whole site; returns its counts (pages per language, charts, search records)."""
        paths = {lang: [plan.path for plan in page_plans(self.site, lang)] for lang in LANGS}
        entries = {lang: self.output / f".pagefind-entry-{lang}.json" for lang in LANGS} if self.search else {}
        for template in sorted((self.theme / "templates").glob("*.html")):  # compiled once, for both workers
            try:
                self.env.get_template(template.name)
            except TemplateError as exc:
                raise template_failure(exc, self.theme / "templates") from exc
        shares = [functools.partial(self._render_language, lang, entries.get(lang)) for lang in LANGS]
        # one per language, each making its pages and feeding its own Pagefind process
        workers = Workers(shares, sum(map(len, paths.values())))
        workers.start()
        try:
            for lang in LANGS:
                self._render(output_name(lang, "404.html"), not_found_page(self.site, lang), lang)
            self._write_extras(paths[LANGS[0]])
            counts = workers.join()
        except BaseException:
            workers.stop()
            self.charts.service.stop(wait=False)
            raise
        self.charts.service.stop()
        if self.search:
            merge_entries(list(entries.values()), self.output / "pagefind")
        self.charts.save_index(counts)
        totals = {key: sum(share.get(key, 0) for share in counts) for key in ("charts", "records")}
        per_lang = {f"pages_{lang}": len(paths[lang]) + 1 for lang in LANGS}  # with the 404
        self.written = {**per_lang, **totals}
        self.pages += [output_name(lang, path) for lang in LANGS for path in [*paths[lang], "404.html"]]
        return self.written

    def _write_extras(self, paths: list[str]) -> None:
        """The open data, the plan's text, sitemap, robots.txt and the favicon."""
        plan = self.site.plan
        for name, text in export_files(plan, self.site.types, self.site.history.current, self.site.catalogue).items():
            self._write_text(f"data/{name}", text)
            self.pages.append(f"data/{name}")
        outcomes = plan.file(m.OutcomesFile)
        cited: list[m.SourceDef | m.OutcomeSource] = [*plan.meta.sources, *(outcomes.sources if outcomes else [])]
        documents = [SOURCE_TEXT.as_posix(), *(s.document for s in cited if s.document)]
        for document in dict.fromkeys(documents):  # the plan's text and the documents staff and outcomes cite
            source = plan.data_dir / document
            if source.is_file():
                self._write_text(f"data/{document}", source.read_text(encoding="utf-8"))
        for lang in LANGS:
            self._write_text(lang_prefix(lang) + FEED, atom_feed(self.site, lang))
        self._write_text("sitemap.xml", sitemap_xml(paths, self.site.siteurl))
        self._write_text("robots.txt", robots_txt(self.site.siteurl))
        self.pages += [*(lang_prefix(lang) + FEED for lang in LANGS), "sitemap.xml", "robots.txt"]
        favicon = self.theme / FAVICON
        if favicon.is_file():
            self._write_bytes(FAVICON, favicon.read_bytes())
        for lang in LANGS if self.site.siteurl else ():  # the card a shared link previews (og:image): a published
            # site's (a preview needs the card's absolute address; a local build skips the conversion)
            svg = card_svg(plan.info, self.site.t(lang))
            self._write_bytes(lang_prefix(lang) + CARD, card_png(svg, self.charts.cache_dir.parent / "cards"))


def _in(names: set[str], lang: str) -> Callable[[PagePlan], bool]:
    """Whether a page of ``lang`` is written to one of the files ``names``."""
    return lambda plan: output_name(lang, plan.path) in names


@dataclass(frozen=True)
class Theme:
    """The generator's look: templates, UI strings, static files; and how Jinja is set up for it."""

    folder: Path
    jinja: dict[str, Any]


def site_writer(
    site: Site, output: Path, theme: Theme, cache: Path, charts: VegaService | None = None, **options: Any
) -> SiteWriter:
    marks = site.translation() is not None  # some text lacks its English, or has an outdated one
    # the templates are compiled with or without the marking hook: each kind in a cache of its own
    env = environment(theme.folder, theme.jinja, cache / ("jinja-marked" if marks else "jinja-plain"), marks)
    renderer = ChartRenderer(cache / "charts", service=charts or VegaService())
    return SiteWriter(site, env, output, renderer, theme.folder, marked=marks, **options)


def build_site(
    site: Site,
    output: Path,
    theme: Theme,
    cache: Path,
    charts: VegaService | None = None,
    search: bool = True,
    pages: list[str] | None = None,
) -> dict[str, int]:
    """Write the whole of ``site`` into ``output``; its counts (pages per language, charts, search records).
    ``pages`` gets the names of the files written (relative to ``output``), which the site must then hold."""
    writer = site_writer(site, output, theme, cache, charts, search=search)
    counts = writer.write_all()
    if pages is not None:
        pages += writer.pages
    return counts


def write_pages(site: Site, output: Path, theme: Theme, cache: Path, names: set[str]) -> list[str]:
    """Write the pages of ``site`` whose files are ``names`` into the served ``output`` (each file replaced whole)."""
    return site_writer(site, output, theme, cache, search=False, live=True).write_pages(names)
