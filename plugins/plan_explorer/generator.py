"""Pelican's side: a generator that runs the pipeline (:mod:`pipeline`) — load in ``generate_context``, write in
``generate_output``. Pelican itself reads the settings and copies the theme's static files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican.generators import Generator

from .pipeline import Theme, build_site, load_site


class PlanSiteGenerator(Generator):  # type: ignore[misc]  # Pelican is untyped
    """Writes the plan's pages, open-data export, sitemap and robots.txt (counts into ``PLAN_REPORT``)."""

    def generate_context(self) -> None:
        self.site = load_site(
            Path(self.settings["PLAN_ROOT"]),
            Path(self.theme),
            self.settings.get("SITEURL", ""),
            cache=Path(self.settings["CACHE_PATH"]),
            publish=bool(self.settings.get("PLAN_PUBLISH", False)),
        )

    def generate_output(self, writer: Any) -> None:  # noqa: ARG002 — Pelican's writer: pages are written here
        theme = Theme(Path(self.theme), dict(self.settings.get("JINJA_ENVIRONMENT", {})))
        counts = build_site(
            self.site,
            Path(self.output_path),
            theme,
            Path(self.settings["CACHE_PATH"]),
            charts=self.settings.get("PLAN_CHART_SERVICE"),
            search=bool(self.settings.get("PLAN_SEARCH", True)),
            pages=self.settings.get("PLAN_PAGES"),
        )
        self.settings.get("PLAN_REPORT", {}).update(counts)
