"""The Pelican generator: loads the data once and writes every page of both languages in one pass."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from . import contexts as c
from .audit import run_audit
from .chapters import load_documents
from .chartrender import ChartRenderer
from .datamodel import load_plan
from .errors import DataError, ProblemLog
from .export import COLLECTIONS, columns, export_files
from .i18n import LANGS, Catalogue, load_catalogue
from .numfmt import Formatter
from .pages import SiteData, all_pages
from .relations import build_relations
from .search import SearchIndexer
from .site import output_name
from .sitemap import robots_txt, sitemap_xml

logger = logging.getLogger(__name__)
PAGE_TEMPLATES: dict[type, str] = {
    c.HomePage: "home.html",
    c.IndicatorPage: "indicator.html",
    c.IndustryPage: "industry.html",
    c.PlatformPage: "platform.html",
    c.ProjectPage: "project.html",
    c.TownshipPage: "township.html",
}


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
        cache = Path(self.settings.get("CACHE_PATH", root / "cache")) / "charts"
        self.charts = ChartRenderer(cache)
        self.indexer = SearchIndexer() if self.settings.get("PLAN_SEARCH") else None
        self.env.globals.update(export_collections=COLLECTIONS, export_columns=columns)

    def _add_charts(self, page: c.Page, lang: str) -> None:
        page.charts = self.charts.charts_for(page, self.site, self.catalogue.bound(lang), Formatter(lang))
        for chart in page.charts:
            self._write_text(f"{page.address.dir}{chart.id}.vl.json", chart.spec_json)

    def _render_page(self, writer: Any, page: c.Page, lang: str) -> None:
        t = self.catalogue.bound(lang)
        name = output_name(lang, page.address.path)
        writer.write_file(
            name,
            self.get_template(template_for(page)[:-5]),
            self.context,
            page=page,
            t=t,
            fmt=Formatter(lang),
            lang=lang,
            plan=self.site.plan,
            rel=self.site.relations,
            addr=page.address,
            relative_urls=False,
        )
        if self.indexer is not None:
            self.indexer.add(name, (Path(self.output_path) / name).read_text(encoding="utf-8"))

    def _write_text(self, name: str, text: str) -> None:
        path = Path(self.output_path) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def generate_output(self, writer: Any) -> None:
        try:
            self._write_site(writer)
            if self.indexer is not None:
                self.indexer.write(Path(self.output_path) / "pagefind")
        finally:
            if self.indexer is not None:
                self.indexer.close()

    def _write_site(self, writer: Any) -> None:
        pages = [(lang, page) for lang in LANGS for page in all_pages(self.site, lang, self.catalogue.bound(lang))]
        for lang, page in pages:
            self._add_charts(page, lang)
        waiting = [(lang, page) for lang, page in pages if any(not chart.svg for chart in page.charts)]
        waiting_ids = {id(page) for _, page in waiting}
        for lang, page in pages:  # pages whose charts are ready first, while vl-convert renders the others
            if id(page) not in waiting_ids:
                self._render_page(writer, page, lang)
        self.charts.finish()
        for lang, page in waiting:
            self._render_page(writer, page, lang)
        paths = [page.address.path for lang, page in pages if lang == "zh"]
        for lang in LANGS:
            writer.write_file(
                output_name(lang, "404.html"),
                self.get_template("404"),
                self.context,
                page=c.Page(c.PageAddress(lang, "404.html", self.site.siteurl), "other", "404", "404"),
                t=self.catalogue.bound(lang),
                fmt=Formatter(lang),
                lang=lang,
                plan=self.site.plan,
                rel=self.site.relations,
                addr=c.PageAddress(lang, "404.html", self.site.siteurl),
            )
        for name, text in export_files(self.site.plan).items():
            self._write_text(f"data/{name}", text)
        source = self.site.plan.data_dir / "source" / "plan.txt"
        self._write_text("data/source/plan.txt", source.read_text(encoding="utf-8"))
        self._write_text("sitemap.xml", sitemap_xml(paths, self.site.siteurl))
        self._write_text("robots.txt", robots_txt(self.site.siteurl))
        self.charts.save_index()
