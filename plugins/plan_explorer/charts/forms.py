"""The chart forms, drawn in Python: labelled bars, grouped bars (a base year and a target side by side, rows
under group headings), yearly lines, and year ranges (a timeline).

Their grammar (encodings, scales, colours, fonts) is an Altair chart built once per form, unit and
language in a build (and schema-checked by the tests); each chart's Vega-Lite spec is that grammar
with the chart's own rows put in, so building thousands of specs costs no Altair object per chart. The SVG is drawn by
:mod:`charts.draw` from the same rows (see there for why not vl-convert).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

import altair as alt

from .base import FONTS, PALETTE, base, configure
from .draw import WIDTHS, Style, draw_bars, draw_grouped, draw_lines, draw_ranges

#: stroke dash of each kind of point: stated figures and actual values solid, required paths dashed
DASHES = {"stated": (1, 0), "required": (5, 4), "actual": (1, 0)}
LINE_COLOURS = (PALETTE["main"], PALETTE["target"], PALETTE["accent"], "#6c757d")
#: grouped bars: earlier years lighter, the last (the target) darkest
SERIES_COLOURS = {2: (PALETTE["muted"], PALETTE["main"]), 3: ("#c6d8e6", "#5f8db0", PALETTE["main"])}
SERIES_COLOURS_MANY = ("#c6d8e6", PALETTE["muted"], "#5f8db0", PALETTE["main"])


@dataclass
class Drawn:
    """A chart of a simple form: its rows, axis unit and whether one row is highlighted."""

    form: Literal["bars", "lines", "grouped", "ranges"]
    rows: list[dict[str, Any]]
    unit_title: str  # the value axis's unit (the year axis's title for ranges)
    highlight: bool = False


def _bars_grammar(unit_title: str, highlight: bool, lang: str) -> alt.TopLevelMixin:
    colour: Any = alt.value(PALETTE["main"])
    if highlight:
        colour = alt.condition(alt.datum.hl, alt.value(PALETTE["accent"]), alt.value(PALETTE["muted"]))
    chart = (
        base([])
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=None, title=None),
            x=alt.X("value:Q", title=unit_title, axis=alt.Axis(format="~r")),
            color=colour,
            tooltip=[alt.Tooltip("label:N"), alt.Tooltip("shown:N", title=unit_title)],
        )
    )
    return configure(chart, lang)


def _lines_grammar(unit_title: str, lang: str) -> alt.TopLevelMixin:
    chart = (
        base([])
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=unit_title, axis=alt.Axis(format="~r")),
            color=alt.Color("series:N", title=None, scale=alt.Scale(range=list(LINE_COLOURS))),
            strokeDash=alt.StrokeDash(
                "kind:N", legend=None, scale=alt.Scale(domain=list(DASHES), range=[list(d) for d in DASHES.values()])
            ),
            tooltip=[alt.Tooltip("series:N"), alt.Tooltip("year:O"), alt.Tooltip("shown:N", title=unit_title)],
        )
    )
    return configure(chart, lang)


def _grouped_grammar(unit_title: str, lang: str) -> alt.TopLevelMixin:
    chart = (
        base([])
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=None, title=None),
            yOffset=alt.YOffset("series:N", sort=None),
            x=alt.X("value:Q", title=unit_title, axis=alt.Axis(format="~r")),
            color=alt.Color("series:N", title=None, sort=None),
            tooltip=[alt.Tooltip("label:N"), alt.Tooltip("series:N"), alt.Tooltip("shown:N", title=unit_title)],
        )
    )
    return configure(chart, lang)


def _ranges_grammar(year_title: str, lang: str) -> alt.TopLevelMixin:
    chart = (
        base([])
        .transform_calculate(through="datum.end + 1")  # a bar runs to the start of the next year: its last year whole
        .mark_bar(color=PALETTE["main"])
        .encode(
            y=alt.Y("label:N", sort=None, title=None),
            x=alt.X("start:Q", title=year_title, scale=alt.Scale(zero=False), axis=alt.Axis(format="d")),
            x2="through:Q",
            tooltip=[alt.Tooltip("label:N"), alt.Tooltip("shown:N", title=year_title)],
        )
    )
    return configure(chart, lang)


GRAMMARS = {
    "bars": lambda d, lang: _bars_grammar(d.unit_title, d.highlight, lang),
    "lines": lambda d, lang: _lines_grammar(d.unit_title, lang),
    "grouped": lambda d, lang: _grouped_grammar(d.unit_title, lang),
    "ranges": lambda d, lang: _ranges_grammar(d.unit_title, lang),
}


@dataclass
class FormCatalogue:
    """Grammar dicts by (form, unit, highlight, language), built once per build; specs and SVG of each chart."""

    _grammars: dict[tuple[str, str, bool, str], dict[str, Any]] = field(default_factory=dict)

    def _grammar(self, drawn: Drawn, lang: str) -> dict[str, Any]:
        key = (drawn.form, drawn.unit_title, drawn.highlight, lang)
        if key not in self._grammars:
            chart = GRAMMARS[drawn.form](drawn, lang)
            self._grammars[key] = chart.to_dict(validate=False)  # fixed grammars: schema-checked by the tests
        return self._grammars[key]

    def spec_json(self, drawn: Drawn, lang: str) -> str:
        """The grammar with the chart's rows (the grammar is shared: only what changes is copied)."""
        grammar = self._grammar(drawn, lang)
        spec = {**grammar, "data": {"values": drawn.rows}}
        if drawn.form in ("bars", "ranges"):
            spec["height"] = max(120, 24 * len(drawn.rows))
        elif drawn.form == "grouped":
            spec["height"] = max(120, 12 * len(drawn.rows))
            colours = list(_series_colours(drawn.rows))
            color = grammar["encoding"]["color"]
            domain = list(dict.fromkeys(r["series"] for r in drawn.rows))
            spec["encoding"] = {
                **grammar["encoding"],
                "color": {**color, "scale": {"domain": domain, "range": colours}},
            }
        else:  # colours in order of appearance, as drawn
            color = grammar["encoding"]["color"]
            domain = list(dict.fromkeys(r["series"] for r in drawn.rows))
            color = {**color, "scale": {**color["scale"], "domain": domain}}
            spec["encoding"] = {**grammar["encoding"], "color": color}
        return json.dumps(spec, ensure_ascii=False, separators=(",", ":"))  # compact: the C encoder

    @staticmethod
    def svgs(drawn: Drawn, lang: str) -> list[str]:
        """The chart drawn at each width of :data:`draw.WIDTHS` (the page shows one by CSS)."""
        style = Style(FONTS[lang], LINE_COLOURS, PALETTE["accent"], PALETTE["muted"])
        if drawn.form == "bars":
            return [draw_bars(drawn.rows, drawn.unit_title, style, lang, w) for w in WIDTHS.values()]
        if drawn.form == "grouped":
            grouped = Style(FONTS[lang], _series_colours(drawn.rows), PALETTE["accent"], PALETTE["muted"])
            return [draw_grouped(drawn.rows, drawn.unit_title, grouped, lang, w) for w in WIDTHS.values()]
        if drawn.form == "ranges":
            return [draw_ranges(drawn.rows, drawn.unit_title, style, lang, w) for w in WIDTHS.values()]
        dashes = {kind: "" if dash[1] == 0 else f"{dash[0]},{dash[1]}" for kind, dash in DASHES.items()}
        return [draw_lines(drawn.rows, drawn.unit_title, style, lang, dashes, w) for w in WIDTHS.values()]


def _series_colours(rows: list[dict[str, Any]]) -> tuple[str, ...]:
    """Colours of grouped bars' series in order: light to dark (the last series, the target, darkest)."""
    n = len(dict.fromkeys(r["series"] for r in rows))
    return SERIES_COLOURS.get(n, SERIES_COLOURS_MANY[-n:] if n <= len(SERIES_COLOURS_MANY) else LINE_COLOURS)
