"""The two simple chart forms every entity page uses: labelled bars and yearly lines.

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
from .draw import WIDTHS, Style, draw_bars, draw_lines

#: stroke dash of each kind of point: stated figures and actual values solid, required paths dashed
DASHES = {"stated": (1, 0), "required": (5, 4), "actual": (1, 0)}
LINE_COLOURS = (PALETTE["main"], PALETTE["target"], PALETTE["accent"], "#6c757d")


@dataclass
class Drawn:
    """A chart of a simple form: its rows, axis unit and whether one row is highlighted."""

    form: Literal["bars", "lines"]
    rows: list[dict[str, Any]]
    unit_title: str
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


@dataclass
class FormCatalogue:
    """Grammar dicts by (form, unit, highlight, language), built once per build; specs and SVG of each chart."""

    _grammars: dict[tuple[str, str, bool, str], dict[str, Any]] = field(default_factory=dict)

    def _grammar(self, drawn: Drawn, lang: str) -> dict[str, Any]:
        key = (drawn.form, drawn.unit_title, drawn.highlight, lang)
        if key not in self._grammars:
            chart = (
                _bars_grammar(drawn.unit_title, drawn.highlight, lang)
                if drawn.form == "bars"
                else _lines_grammar(drawn.unit_title, lang)
            )
            self._grammars[key] = chart.to_dict(validate=False)  # fixed grammars: schema-checked by the tests
        return self._grammars[key]

    def spec_json(self, drawn: Drawn, lang: str) -> str:
        """The grammar with the chart's rows (the grammar is shared: only what changes is copied)."""
        grammar = self._grammar(drawn, lang)
        spec = {**grammar, "data": {"values": drawn.rows}}
        if drawn.form == "bars":
            spec["height"] = max(120, 24 * len(drawn.rows))
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
        dashes = {kind: "" if dash[1] == 0 else f"{dash[0]},{dash[1]}" for kind, dash in DASHES.items()}
        return [draw_lines(drawn.rows, drawn.unit_title, style, lang, dashes, w) for w in WIDTHS.values()]
