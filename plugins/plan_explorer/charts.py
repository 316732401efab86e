"""Charts: Altair specs built from the loaded data, rendered at build time to inline SVG.

Each chart has an accessible name and description, a data table alternative and its Vega-Lite
spec (written next to the page). SVG is cached by a hash of the spec, so a rebuild renders only
the charts whose data changed. Money is pre-scaled (亿元 / CNY billion), never d3's SI format.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import altair as alt
from markupsafe import Markup

from . import contexts as c
from .i18n import Translator
from .numfmt import Formatter, required_path

# Chinese charts name a CJK face first; English ones a Latin stack (measuring Latin text with the large
# CJK font is several times slower in vl-convert, and plain sans-serif picks a *serif* CJK face for Chinese).
FONTS = {
    "zh": "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif",
    "en": "Helvetica Neue, Arial, Liberation Sans, DejaVu Sans, sans-serif",
}
LABEL_CHARS = {"zh": 22, "en": 40}
CHART_WIDTH = 560  # px of the plot area; the SVG scales down with the page (max-width: 100%)
PALETTE = {"main": "#1f5f8b", "accent": "#c8553d", "muted": "#9bb3c7", "target": "#2a9d8f"}
LOCALE = {"zh": "zh-CN", "en": "en-US"}


@dataclass
class Chart:
    id: str
    title: str
    description: str
    columns: list[str]
    rows: list[list[str]]
    spec_json: str
    svg: Markup = Markup("")


def _render_svg(spec_json: str, lang: str) -> str:
    """Render one Vega-Lite spec to SVG (runs in a worker process when many charts changed)."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(json.loads(spec_json), format_locale=LOCALE[lang])


@dataclass
class ChartRenderer:
    """Builds the charts of every page, then renders the ones not in the cache, in parallel."""

    cache_dir: Path
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    rendered: int = 0  # distinct specs rendered in this build
    reused: int = 0  # charts whose SVG came from the cache
    charts: int = 0  # charts placed on pages
    _pending: dict[str, tuple[str, str, alt.TopLevelMixin]] = field(default_factory=dict)
    _charts: list[tuple[Chart, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)

    def _prepare(self, chart: Chart, chart_obj: alt.TopLevelMixin, lang: str) -> Chart:
        spec = chart_obj.to_dict(validate=False)
        _shorten_labels(spec, lang)
        chart.spec_json = json.dumps(spec, ensure_ascii=False, indent=1)
        key = hashlib.sha256(f"{lang}\n{chart.spec_json}".encode()).hexdigest()[:24]
        if (self.cache_dir / f"{key}.svg").exists():
            self.reused += 1
        elif key not in self._pending:
            self._pending[key] = (chart.spec_json, lang, chart_obj)
        self._charts.append((chart, key))
        return chart

    def charts_for(self, page: c.Page, site: Any, t: Translator, fmt: Formatter) -> list[Chart]:
        """The page's charts; their SVG is filled in by :meth:`render_pending`."""
        from .chartspecs import build_charts

        with alt.utils.schemapi.debug_mode(False):  # no validation on every constructor call
            return [self._prepare(chart, obj, t.lang) for chart, obj in build_charts(page, site, t, fmt)]

    def render_pending(self) -> None:
        """Render every chart not in the cache (schema-checked first), then give each chart its SVG."""
        jobs = list(self._pending.items())
        for _, (_, _, chart_obj) in jobs:
            chart_obj.to_dict(validate=True)  # schema-check only specs that changed (it is slow)
        if len(jobs) >= 8 and self.workers > 1:
            with ProcessPoolExecutor(self.workers) as pool:
                svgs = list(pool.map(_render_svg, [j[1][0] for j in jobs], [j[1][1] for j in jobs], chunksize=4))
        else:
            svgs = [_render_svg(spec_json, lang) for _, (spec_json, lang, _) in jobs]
        for (key, _), svg in zip(jobs, svgs, strict=True):
            (self.cache_dir / f"{key}.svg").write_text(svg, encoding="utf-8")
        self.rendered += len(jobs)
        self.charts += len(self._charts)
        for chart, key in self._charts:
            svg = (self.cache_dir / f"{key}.svg").read_text(encoding="utf-8")
            chart.svg = Markup(_accessible(svg, chart))  # noqa: S704 — vl-convert escapes text; we escape ours
        self._pending.clear()
        self._charts.clear()

    def save_index(self) -> None:
        (self.cache_dir / "last-build.json").write_text(
            json.dumps({"rendered": self.rendered, "reused": self.reused, "charts": self.charts}), encoding="utf-8"
        )


def _accessible(svg: str, chart: Chart) -> str:
    """Give the root ``<svg>`` role=img, an accessible name and description."""
    svg = re.sub(
        r"^<svg\b",
        f'<svg role="img" aria-labelledby="{chart.id}-t {chart.id}-d" focusable="false"',
        svg.strip(),
        count=1,
    )
    head = (
        f'<title id="{chart.id}-t">{escape(chart.title)}</title>'
        f'<desc id="{chart.id}-d">{escape(chart.description)}</desc>'
    )
    return re.sub(r"(<svg\b[^>]*>)", lambda m: m.group(1) + head, svg, count=1)


def base(data: list[dict[str, Any]], height: int = 260) -> alt.Chart:
    return alt.Chart(alt.Data(values=data)).properties(width=CHART_WIDTH, height=height)


def short_label(text: str, lang: str) -> str:
    """Labels are shortened here, not by Vega's labelLimit (whose measuring loop is slow); tables keep them whole."""
    limit = LABEL_CHARS[lang]
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _shorten_labels(spec: dict[str, Any], lang: str) -> None:
    tables = list(spec.get("datasets", {}).values())
    if isinstance(spec.get("data"), dict) and "values" in spec["data"]:
        tables.append(spec["data"]["values"])
    for rows in tables:
        for row in rows:
            for key in ("label", "series"):
                if isinstance(row.get(key), str):
                    row[key] = short_label(row[key], lang)


def configure(chart: alt.TopLevelMixin, lang: str = "zh") -> alt.TopLevelMixin:
    font = FONTS[lang]
    return (
        chart.configure(font=font, background="#ffffff")
        .configure_axis(
            labelFont=font,
            titleFont=font,
            labelFontSize=12,
            titleFontSize=12,
            grid=True,
            gridColor="#e6ecf1",
            labelLimit=0,
        )
        .configure_legend(labelFont=font, titleFont=font, orient="bottom", labelLimit=0)
        .configure_view(stroke=None)
    )


def required_path_points(start: float, end: float, first: int, last: int) -> list[tuple[int, float]]:
    growth = ((end / start) ** (1 / (last - first)) - 1) * 100
    return required_path(start, growth, first, last)
