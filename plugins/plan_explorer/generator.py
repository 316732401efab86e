"""The Pelican generator: loads the data once, then writes each language's pages (and search index) in a
worker process of its own (see :mod:`workers`), the open-data export, sitemap and robots.txt here."""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from pelican.generators import Generator

from . import contexts as c
from .audit import run_audit
from .chapters import load_documents
from .chartrender import ChartRenderer
from .chartservice import VegaService
from .datamodel import load_plan
from .errors import DataError, ProblemLog
from .export import COLLECTIONS, columns, export_files
from .i18n import LANGS, Catalogue, load_catalogue
from .numfmt import Formatter
from .outputdir import replace_whole, rewrite
from .pages import SiteData, all_pages
from .relations import build_relations
from .search import BODY, SearchIndexer, merge_entries, search_copy
from .site import output_name
from .sitemap import robots_txt, sitemap_xml
from .workers import Workers

logger = logging.getLogger(__name__)
PAGE_TEMPLATES: dict[type, str] = {
    c.HomePage: "home.html",
    c.IndicatorPage: "indicator.html",
    c.IndustryPage: "industry.html",
    c.PlatformPage: "platform.html",
    c.ProjectPage: "project.html",
    c.TownshipPage: "township.html",
}


ENTITY_PAGES = (c.IndicatorPage, c.IndustryPage, c.PlatformPage, c.ProjectPage, c.TownshipPage)  # the many
SHARED_TEMPLATES = {"reforms": "measures", "policies": "measures"}  # 附件3 and 附件4 have the same columns


def template_for(page: c.Page) -> str:
    if isinstance(page, c.ChapterPage):
        return "chapter.html" if page.kind == "chapter" else "document.html"
    if isinstance(page, c.ListPage):
        name = page.address.path.rstrip("/").replace("-", "_")
        return "overview_" + SHARED_TEMPLATES.get(name, name) + ".html"
    return PAGE_TEMPLATES[type(page)]


def load_site(root: Path, siteurl: str) -> tuple[SiteData, Catalogue]:
    """Load data, content and the UI catalogue; every problem of all three is reported together."""
    log = ProblemLog()
    plan = None
    try:
        plan = load_plan(root / "data")
    except DataError as exc:  # merged with the content problems below, reported together
        log.problems += exc.problems
    chapters = load_documents(root / "content" / "plan", "content/plan", log)
    pages = load_documents(root / "content" / "pages", "content/pages", log)
    catalogue = load_catalogue(root / "theme" / "i18n.yaml", log)
    log.raise_if_any()
    assert plan is not None
    site = SiteData(plan, build_relations(plan), run_audit(plan), chapters, pages, siteurl)
    return site, catalogue


class PlanSiteGenerator(Generator):
    """Writes the plan's pages, open-data export, sitemap and robots.txt."""

    def generate_context(self) -> None:
        root = Path(self.settings["PLAN_ROOT"])
        self.site, self.catalogue = load_site(root, self.settings.get("SITEURL", ""))
        cache = Path(self.settings.get("CACHE_PATH", root / "cache"))
        self.charts = ChartRenderer(cache / "charts", service=self.settings.get("PLAN_CHART_SERVICE") or VegaService())
        (cache / "jinja").mkdir(parents=True, exist_ok=True)  # compiled templates, reused by the next build
        self.env.bytecode_cache = FileSystemBytecodeCache(str(cache / "jinja"))
        self.env.globals.update(export_collections=COLLECTIONS, export_columns=columns)

    def _add_charts(self, page: c.Page, lang: str) -> None:
        page.charts = self.charts.charts_for(page, self.site, self.catalogue.bound(lang), Formatter(lang))
        for chart in page.charts:
            self._write_text(f"{page.address.dir}{chart.id}.vl.json", chart.spec_json)

    def _render_page(self, page: c.Page, lang: str, indexer: SearchIndexer | None) -> None:
        name = output_name(lang, page.address.path)
        html = self._render(name, template_for(page), page, lang)
        if indexer is not None and BODY in html:
            indexer.add(name, search_copy(html))

    def _render(self, name: str, template: str, page: c.Page, lang: str) -> str:
        """Render one page and write it (the HTML is kept for the search index, not read back)."""
        html = self.get_template(template.removesuffix(".html")).render(
            {
                **self.context,
                "output_file": name,
                "page": page,
                "t": self.catalogue.bound(lang),
                "fmt": Formatter(lang),
                "lang": lang,
                "plan": self.site.plan,
                "rel": self.site.relations,
                "addr": page.address,
            }
        )
        self._write_text(name, html)
        return html

    def _write_text(self, name: str, text: str) -> None:
        path = Path(self.output_path) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.settings.get("PLAN_LIVE_OUTPUT"):
            replace_whole(path, text.encode())  # a served site: never show a half-written file
        else:
            rewrite(path, text.encode())

    def generate_output(self, writer: Any) -> None:  # noqa: ARG002 — Pelican's writer: pages are written here
        self._write_site()

    def write_pages(self, names: set[str]) -> list[str]:
        """Write only the pages whose output files are in ``names`` (the dev server's recently viewed pages)."""
        pages = [
            (lang, page)
            for lang in LANGS
            for page in all_pages(self.site, lang, self.catalogue.bound(lang))
            if output_name(lang, page.address.path) in names
        ]
        try:
            self._render_share(pages, None)
        finally:
            self.charts.service.stop()
        return [output_name(lang, page.address.path) for lang, page in pages]

    def _render_share(
        self, pages: list[tuple[str, c.Page]], indexer: SearchIndexer | None, charted: frozenset[int] = frozenset()
    ) -> None:
        """Charts and HTML of ``pages`` (those in ``charted`` have their charts): pages whose charts are ready
        first, then those waiting for vl-convert."""
        for lang, page in pages:
            if id(page) not in charted:
                self._add_charts(page, lang)
        waiting = [(lang, page) for lang, page in pages if any(chart.pending for chart in page.charts)]
        for lang, page in pages:
            if not any(chart.pending for chart in page.charts):
                self._render_page(page, lang, indexer)
        self.charts.finish([chart for _, page in waiting for chart in page.charts])
        for lang, page in waiting:
            self._render_page(page, lang, indexer)

    def _render_language(
        self, pages: list[tuple[str, c.Page]], entry: Path | None, charted: frozenset[int]
    ) -> dict[str, int]:
        """One language's pages and their search index (its entry file to ``entry``), in a worker process."""
        indexer = SearchIndexer() if entry is not None else None
        before = self.charts.counts()
        try:
            self._render_share(pages, indexer, charted)
            if indexer is not None and entry is not None:
                indexer.write(Path(self.output_path) / "pagefind", entry)
        finally:
            if indexer is not None:
                indexer.close()
        return {key: n - before[key] for key, n in self.charts.counts().items()}

    def _prepare_before_fork(self, pages: list[tuple[str, c.Page]]) -> frozenset[int]:
        """Work done once for both languages' workers: the overview pages' charts (vl-convert starts on them
        at once) and every template compiled; the pages whose charts are ready."""
        self.charts.service.start()  # if not yet started: that takes ~0.8 s, which overlaps the work below
        overviews = [(lang, page) for lang, page in pages if not isinstance(page, ENTITY_PAGES)]
        try:
            for lang, page in overviews:
                self._add_charts(page, lang)
            for template in sorted((Path(self.theme) / "templates").glob("*.html")):
                self.env.get_template(template.name)
        except BaseException:
            self.charts.service.stop(wait=False)
            raise
        if self.charts.service.idle:  # all of them were in the cache
            self.charts.service.stop()
        return frozenset(id(page) for _, page in overviews)

    def _write_site(self) -> None:
        pages = [(lang, page) for lang in LANGS for page in all_pages(self.site, lang, self.catalogue.bound(lang))]
        search = bool(self.settings.get("PLAN_SEARCH"))
        entries = {lang: Path(self.output_path) / f".pagefind-entry-{lang}.json" for lang in LANGS} if search else {}
        charted = self._prepare_before_fork(pages)
        done_here = self.charts.counts()
        shares = [
            functools.partial(
                self._render_language, [(lg, p) for lg, p in pages if lg == lang], entries.get(lang), charted
            )
            for lang in LANGS
        ]
        workers = Workers(shares, len(pages))  # one per language, each with its own Pagefind process
        workers.start()
        try:
            paths = [page.address.path for lang, page in pages if lang == "zh"]
            for lang in LANGS:
                not_found = c.Page(c.PageAddress(lang, "404.html", self.site.siteurl), "other", "404", "404")
                self._render(output_name(lang, "404.html"), "404.html", not_found, lang)
            for name, text in export_files(self.site.plan).items():
                self._write_text(f"data/{name}", text)
            source = self.site.plan.data_dir / "source" / "plan.txt"
            self._write_text("data/source/plan.txt", source.read_text(encoding="utf-8"))
            self._write_text("sitemap.xml", sitemap_xml(paths, self.site.siteurl))
            self._write_text("robots.txt", robots_txt(self.site.siteurl))
            counts = workers.join()
        except BaseException:
            workers.stop()
            self.charts.service.stop(wait=False)
            raise
        self.charts.service.stop()
        if search:
            merge_entries(list(entries.values()), Path(self.output_path) / "pagefind")
        self.charts.save_index([done_here, *counts])
