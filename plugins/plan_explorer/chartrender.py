"""Turns the charts of every page into inline SVG: simple forms drawn at once, the rest by vl-convert.

vl-convert renders the overview charts whose forms are not drawn here (grouped, faceted and ranged bars).
Their SVG is cached by a hash of the spec, and the charts missing from the cache are rendered in worker
processes started as soon as the first one is known, so rendering overlaps with the rest of the build.
"""

from __future__ import annotations

import hashlib
import json
import re
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import altair as alt
from markupsafe import Markup

from . import contexts as c
from .chartforms import Drawn, FormCatalogue
from .charts import Chart, shorten_labels
from .i18n import Translator
from .numfmt import Formatter

LOCALE = {"zh": "zh-CN", "en": "en-US"}


def _render_svg(spec_json: str, lang: str) -> str:
    """Render one Vega-Lite spec to SVG (in a worker process)."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(json.loads(spec_json), format_locale=LOCALE[lang])


@dataclass
class ChartRenderer:
    """Builds the charts of every page; draws the simple ones, renders the others (cached, in parallel)."""

    cache_dir: Path
    workers: int = 1  # vl-convert processes (each language's share of the build has its own renderer)
    drawn: int = 0  # charts drawn in Python
    rendered: int = 0  # distinct specs rendered by vl-convert in this build
    reused: int = 0  # vl-convert charts whose SVG came from the cache
    charts: int = 0  # charts placed on pages
    forms: FormCatalogue = field(default_factory=FormCatalogue)
    _pool: ProcessPoolExecutor | None = None
    _jobs: dict[str, Future[str]] = field(default_factory=dict)
    _waiting: list[tuple[Chart, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)

    def charts_for(self, page: c.Page, site: Any, t: Translator, fmt: Formatter) -> list[Chart]:
        """The page's charts; those rendered by vl-convert get their SVG in :meth:`finish`."""
        from .chartspecs import build_charts

        with alt.utils.schemapi.debug_mode(False):  # no validation on every constructor call
            return [self._prepare(chart, source, t.lang) for chart, source in build_charts(page, site, t, fmt)]

    def _prepare(self, chart: Chart, source: Drawn | alt.TopLevelMixin, lang: str) -> Chart:
        self.charts += 1
        if isinstance(source, Drawn):
            shorten_labels(source.rows, lang)
            chart.spec_json = self.forms.spec_json(source, lang)
            drawings = self.forms.svgs(source, lang)
            chart.svg = Markup("").join(_accessible(svg, chart, f"-{i}") for i, svg in enumerate(drawings))
            self.drawn += 1
            return chart
        spec = source.to_dict(validate=False)
        shorten_labels([row for table in _tables(spec) for row in table], lang)
        chart.spec_json = json.dumps(spec, ensure_ascii=False, separators=(",", ":"))
        key = hashlib.sha256(f"{lang}\n{chart.spec_json}".encode()).hexdigest()[:24]
        cached = self.cache_dir / f"{key}.svg"
        if cached.exists():
            self.reused += 1
            chart.svg = _accessible(cached.read_text(encoding="utf-8"), chart)
            return chart
        if key not in self._jobs:
            source.to_dict(validate=True)  # schema-check only specs that changed (it is slow)
            self._jobs[key] = self._executor().submit(_render_svg, chart.spec_json, lang)
        self._waiting.append((chart, key))
        return chart

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max(1, self.workers))
        return self._pool

    def finish(self) -> None:
        """Wait for the charts being rendered, cache them and give each waiting chart its SVG."""
        for key, job in self._jobs.items():
            (self.cache_dir / f"{key}.svg").write_text(job.result(), encoding="utf-8")
        self.rendered += len(self._jobs)
        for chart, key in self._waiting:
            chart.svg = _accessible((self.cache_dir / f"{key}.svg").read_text(encoding="utf-8"), chart)
        self._jobs.clear()
        self._waiting.clear()
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def counts(self) -> dict[str, int]:
        return {"drawn": self.drawn, "rendered": self.rendered, "reused": self.reused, "charts": self.charts}

    def save_index(self, shares: list[dict[str, int]]) -> None:
        """Write the counts of the build's shares (each counted by its own copy of this renderer)."""
        counts = {key: sum(share.get(key, 0) for share in shares) for key in self.counts()}
        (self.cache_dir / "last-build.json").write_text(json.dumps(counts), encoding="utf-8")


def _tables(spec: dict[str, Any]) -> list[list[dict[str, Any]]]:
    tables = list(spec.get("datasets", {}).values())
    if isinstance(spec.get("data"), dict) and "values" in spec["data"]:
        tables.append(spec["data"]["values"])
    return tables


def _accessible(svg: str, chart: Chart, suffix: str = "") -> Markup:
    """Give the root ``<svg>`` role=img, an accessible name and description (ids end in ``suffix``)."""
    name, desc = f"{chart.id}-t{suffix}", f"{chart.id}-d{suffix}"
    svg = re.sub(r"^<svg\b", f'<svg role="img" aria-labelledby="{name} {desc}" focusable="false"', svg.strip(), count=1)
    head = f'<title id="{name}">{escape(chart.title)}</title><desc id="{desc}">{escape(chart.description)}</desc>'

    # vl-convert escapes the text it writes, svgdraw escapes its own, the title and description are escaped here
    return Markup(re.sub(r"(<svg\b[^>]*>)", lambda m: m.group(1) + head, svg, count=1))  # noqa: S704
