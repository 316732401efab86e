"""Charts: what every chart has, and the shared look of the Altair grammar.

Each chart has an accessible name and description, a data table alternative and its Vega-Lite
spec (written next to the page); :mod:`charts.render` turns it into inline SVG. Money is pre-scaled
(亿元 / CNY billion), never d3's SI format.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import altair as alt
from markupsafe import Markup

from ..numfmt import implied_growth, required_path

# Chinese charts name a CJK face first; English ones a Latin stack (measuring Latin text with the large
# CJK font is several times slower in vl-convert, and plain sans-serif picks a *serif* CJK face for Chinese).
FONTS = {
    "zh": "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif",
    "en": "Helvetica Neue, Arial, Liberation Sans, DejaVu Sans, sans-serif",
}
LABEL_CHARS = {"zh": 22, "en": 40}
CHART_WIDTH = 560  # px of the plot area; the SVG scales down with the page (max-width: 100%)
PALETTE = {"main": "#1f5f8b", "accent": "#c8553d", "muted": "#9bb3c7", "target": "#2a9d8f"}


PHONE_COLUMNS = 3  # a data table of more columns shows its name and main figure on phones, the rest on demand


@dataclass
class Chart:
    id: str
    title: str
    description: str
    columns: list[str]
    rows: list[list[str]]
    spec_json: str
    svg: Markup = Markup("")
    pending: str = ""  # while vl-convert renders it: the key of its SVG in the chart cache
    main_column: int = -1  # the data table's main figure (a phone shows it with the name; -1: the last column)

    @property
    def files(self) -> dict[str, str]:
        """The files a reader can take away, by format, named after the chart (stable across builds): the spec is
        written beside the page; the SVG, PNG and CSV are made in the browser from what the page shows (its drawing,
        its data table), so a build writes no file per chart and format."""
        return {"svg": f"{self.id}.svg", "csv": f"{self.id}.csv", "png": f"{self.id}.png", "spec": f"{self.id}.vl.json"}

    def column_class(self, index: int) -> Markup:
        """The data table's cell class attribute: the name (first) and main-figure columns are always shown, the
        others of a wide table on a phone only on demand."""
        main = self.main_column % len(self.columns)
        name = "col-name" if index == 0 else "col-main" if index == main else ""
        if not name and len(self.columns) > PHONE_COLUMNS:
            name = "opt"
        return Markup(f' class="{name}"') if name else Markup("")  # noqa: S704 — one of three fixed names


def base(data: list[dict[str, Any]], height: int = 260) -> alt.Chart:
    chart: alt.Chart = alt.Chart(alt.Data(values=data)).properties(width=CHART_WIDTH, height=height)  # type: ignore[no-untyped-call]
    return chart


def short_label(text: str, lang: str) -> str:
    """Labels are shortened here, not by Vega's labelLimit (whose measuring loop is slow); tables keep them whole."""
    limit = LABEL_CHARS[lang]
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shorten_labels(rows: list[dict[str, Any]], lang: str) -> None:
    for row in rows:
        for key in ("label", "series"):
            if isinstance(row.get(key), str):
                row[key] = short_label(row[key], lang)


def configure(chart: alt.TopLevelMixin, lang: str = "zh") -> alt.TopLevelMixin:
    font = FONTS[lang]
    configured: alt.TopLevelMixin = (
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
    return configured


def required_path_points(start: float, end: float, first: int, last: int) -> list[tuple[int, float]]:
    """The compound path from ``start`` to ``end``, at the growth rate numfmt computes (one function for it)."""
    growth = implied_growth(start, end, last - first)
    return required_path(start, growth, first, last) if growth is not None else [(first, start), (last, end)]
