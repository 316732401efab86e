"""Turns the charts of every page into inline SVG: simple forms drawn at once, the rest by vl-convert.

vl-convert renders the overview charts whose forms are not drawn here (grouped, faceted and ranged bars),
in a process of its own (:mod:`.service`), so rendering overlaps with the rest of the build. Their SVG
is cached by a hash of the spec.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from xml.sax.saxutils import escape

import altair as alt
from markupsafe import Markup

from ..descriptor import ChartMaker
from ..i18n import Translator
from ..numfmt import Formatter
from ..site.contexts import Page
from .base import Chart, shorten_labels
from .forms import Drawn, FormCatalogue
from .service import VegaService

P = TypeVar("P", bound=Page)
S = TypeVar("S")


@dataclass
class ChartRenderer:
    """Builds the charts of every page; draws the simple ones, renders the others (cached, in parallel)."""

    cache_dir: Path
    drawn: int = 0  # charts drawn in Python
    rendered: int = 0  # distinct specs sent to vl-convert in this build
    reused: int = 0  # vl-convert charts whose SVG came from the cache
    charts: int = 0  # charts placed on pages
    service: VegaService = field(default_factory=VegaService)  # started when first needed, unless given started
    forms: FormCatalogue = field(default_factory=FormCatalogue)

    def __post_init__(self) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)

    def charts_for(self, page: P, site: S, t: Translator, fmt: Formatter, maker: ChartMaker[P, S]) -> list[Chart]:
        """The page's charts, made by ``maker``; those rendered by vl-convert get their SVG in :meth:`finish`. A
        drawn chart with no row to draw (a valid plan may state no figure: every row "—") is left out."""
        with alt.utils.schemapi.debug_mode(False):  # no validation on every constructor call
            made = maker(page, site, t, fmt)
            return [self._prepare(chart, source, t.lang) for chart, source in made if _has_data(source)]

    def _prepare(self, chart: Chart, source: Drawn | alt.TopLevelMixin, lang: str) -> Chart:
        self.charts += 1
        if isinstance(source, Drawn):  # labels whole: the drawing wraps them (see draw.wrapped_labels)
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
        if key not in self.service.submitted:
            source.to_dict(validate=True)  # schema-check only specs that changed (it is slow)
            self.rendered += 1
        self.service.submit(self.cache_dir, key, chart.spec_json, lang)
        chart.pending = key
        return chart

    def finish(self, charts: list[Chart]) -> None:
        """Give each of ``charts`` still waiting for vl-convert its SVG, once rendered."""
        waiting = [chart for chart in charts if chart.pending]
        svgs = self.service.wait(self.cache_dir, {chart.pending for chart in waiting})
        for chart in waiting:
            chart.svg, chart.pending = _accessible(svgs[chart.pending], chart), ""

    def counts(self) -> dict[str, int]:
        return {"drawn": self.drawn, "rendered": self.rendered, "reused": self.reused, "charts": self.charts}

    def save_index(self, shares: list[dict[str, int]]) -> None:
        """Write the counts of the build's shares (each counted by its own copy of this renderer)."""
        counts = {key: sum(share.get(key, 0) for share in shares) for key in self.counts()}
        (self.cache_dir / "last-build.json").write_text(json.dumps(counts), encoding="utf-8")


def _has_data(source: Drawn | alt.TopLevelMixin) -> bool:
    return not isinstance(source, Drawn) or bool(source.rows)


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

    # vl-convert escapes the text it writes, charts.draw escapes its own, the title and description are escaped here
    return Markup(re.sub(r"(<svg\b[^>]*>)", lambda m: m.group(1) + head, svg, count=1))  # noqa: S704
