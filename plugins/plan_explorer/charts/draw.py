"""Draws the two simple chart forms (labelled bars, yearly lines) as SVG, in Python.

Why not vl-convert for these: it measures every label by outlining its glyphs (measured: 0.3 ms per Latin
and 0.7 ms per Chinese character, ~25 ms per chart before any text), so the ~150 entity charts of the real
plan cost ~15 s of CPU and the 100× plan hours. These forms are drawn here in about a millisecond each, from
the same rows as their Vega-Lite spec (built by Altair and published next to the page); the complex overview
forms (grouped, faceted, ranged bars) are still rendered by vl-convert.

Layout is phone-first: bar labels sit above their bars (long Chinese project names need no label column),
each bar carries its value, and every mark has a native ``<title>`` tooltip (no JavaScript). All text is
escaped here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

#: widths drawn: a narrow drawing for phones and a wide one for larger screens (the page shows one by CSS)
WIDTHS = {"narrow": 360, "wide": 720}
FONT_SIZE = 13
TICK_FONT_SIZE = 11
INK, MUTED_INK, GRID, AXIS = "#1b2631", "#5b6670", "#e6ecf1", "#888888"
WIDE = re.compile(
    r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003ffff]"
)


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Estimated advance width: CJK and full-width characters are 1 em, other characters 0.58 em."""
    wide = len(WIDE.findall(text))
    return (wide + 0.58 * (len(text) - wide)) * size


def nice_ticks(lo: float, hi: float, count: int) -> list[float]:
    """d3's nice ticks: a step of 1, 2 or 5 × 10^k, a domain widened to whole steps, zero included."""
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    if hi == lo:
        hi = lo + 1
    raw = (hi - lo) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    ratio = raw / power
    step = power * (10 if ratio >= 7.07 else 5 if ratio >= 3.16 else 2 if ratio >= 1.41 else 1)
    first, last = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    return [round(i * step, 10) for i in range(first, last + 1)]


def tick_label(value: float, step: float, lang: str) -> str:
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
    return f"{value:,.{decimals}f}" if lang == "en" else f"{value:.{decimals}f}"


@dataclass(frozen=True)
class Style:
    font: str
    colors: tuple[str, ...]
    highlight: str
    muted: str


def _text(
    x: float, y: float, text: str, size: int = FONT_SIZE, anchor: str = "start", fill: str = INK, bold: bool = False
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{weight}>'
        f"{escape(text)}</text>"
    )


def _svg(width: float, height: float, style: Style, body: Iterable[str]) -> str:
    variant = next(name for name, w in WIDTHS.items() if w == width)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="drawn {variant}" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family={quoteattr(style.font)}>'
        f'<rect width="100%" height="100%" fill="#ffffff"/>' + "".join(body) + "</svg>"
    )


def _x_axis(ticks: list[float], x_of: Any, top: float, bottom: float, lang: str) -> list[str]:
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
    out = []
    for v in ticks:
        x = x_of(v)
        colour = AXIS if v == 0 else GRID
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top:.1f}" y2="{bottom:.1f}" stroke="{colour}"/>')
        out.append(_text(x, bottom + 14, tick_label(v, step, lang), TICK_FONT_SIZE, "middle", MUTED_INK))
    return out


def draw_bars(rows: list[dict[str, Any]], unit_title: str, style: Style, lang: str, width: int) -> str:
    """Horizontal bars, largest first as given; each row: label, value, shown, and hl (highlighted) if any."""
    left, right = 4.0, width - 4.0
    value_room = max((text_width(str(r["shown"]), FONT_SIZE - 1) for r in rows), default=0) + 6
    values = [float(r["value"] or 0) for r in rows]
    ticks = nice_ticks(min(values, default=0), max(values, default=0), 5)
    neg_room = value_room if ticks[0] < 0 else 0
    lo, hi = ticks[0], ticks[-1]

    def x_of(v: float) -> float:
        return left + neg_room + (v - lo) / (hi - lo) * (right - value_room - left - neg_room)

    row_h, bar_h, top = 38, 14, 6
    bottom = top + row_h * len(rows)
    body = _x_axis(ticks, x_of, top, bottom, lang)
    any_highlight = any(r.get("hl") for r in rows)
    for i, (row, value) in enumerate(zip(rows, values, strict=True)):
        y = top + i * row_h
        colour = (style.highlight if row.get("hl") else style.muted) if any_highlight else style.colors[0]
        x0, x1 = sorted((x_of(0), x_of(value)))
        body.append(_text(left, y + 14, str(row["label"]), bold=bool(row.get("hl"))))
        tip = escape(f"{row['label']}: {row['shown']}")
        body.append(
            f'<rect x="{x0:.1f}" y="{y + 19:.1f}" width="{max(x1 - x0, 1):.1f}" height="{bar_h}" '
            f'fill="{colour}"><title>{tip}</title></rect>'
        )
        if value < 0:
            body.append(_text(x0 - 4, y + 30, str(row["shown"]), FONT_SIZE - 1, "end", MUTED_INK))
        else:
            body.append(_text(x1 + 4, y + 30, str(row["shown"]), FONT_SIZE - 1, "start", MUTED_INK))
    body.append(_text(right, bottom + 32, unit_title, TICK_FONT_SIZE, "end", MUTED_INK))
    return _svg(width, bottom + 38, style, body)


def _legend(series: list[tuple[str, str, str]], top: float, width: int) -> tuple[list[str], float]:
    """Legend items (swatch + name) flowing left to right, wrapping; returns the marks and the bottom."""
    out, x, y = [], 4.0, top
    for name, colour, dash in series:
        item = 30 + text_width(name, TICK_FONT_SIZE + 1) + 14
        if x + item > width and x > 4:
            x, y = 4.0, y + 18
        out.append(
            f'<line x1="{x:.1f}" x2="{x + 22:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{colour}" stroke-width="2"'
            + (f' stroke-dasharray="{dash}"' if dash else "")
            + f'/><circle cx="{x + 11:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>'
        )
        out.append(_text(x + 28, y + 4, name, TICK_FONT_SIZE + 1, "start", INK))
        x += item
    return out, y + 10


def draw_lines(
    points: list[dict[str, Any]], unit_title: str, style: Style, lang: str, dashes: dict[str, str], width: int
) -> str:
    """Yearly lines with points; each point: series, year, value, shown, kind (its dash pattern)."""
    years = sorted({int(p["year"]) for p in points})
    names = list(dict.fromkeys(str(p["series"]) for p in points))
    colour_of = {n: style.colors[i % len(style.colors)] for i, n in enumerate(names)}
    dash_of = {str(p["series"]): dashes.get(str(p["kind"]), "") for p in points}
    values = [float(p["value"]) for p in points if p["value"] is not None]
    ticks = nice_ticks(min(values, default=0), max(values, default=0), 5)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
    tick_texts = [tick_label(v, step, lang) for v in ticks]
    left = max(text_width(s, TICK_FONT_SIZE) for s in tick_texts) + 10
    top, plot_h, right = 22.0, 190.0, width - 14
    band = (right - left) / max(len(years), 1)

    def x_of(year: int) -> float:
        return left + band * (years.index(year) + 0.5)

    def y_of(v: float) -> float:
        return top + plot_h - (v - ticks[0]) / (ticks[-1] - ticks[0]) * plot_h

    body = [_text(4, 12, unit_title, TICK_FONT_SIZE, "start", MUTED_INK)]
    for v, label in zip(ticks, tick_texts, strict=True):
        colour = AXIS if v == 0 else GRID
        body.append(f'<line x1="{left:.1f}" x2="{right:.1f}" y1="{y_of(v):.1f}" y2="{y_of(v):.1f}" stroke="{colour}"/>')
        body.append(_text(left - 6, y_of(v) + 4, label, TICK_FONT_SIZE, "end", MUTED_INK))
    for year in years:
        body.append(_text(x_of(year), top + plot_h + 16, str(year), TICK_FONT_SIZE, "middle", MUTED_INK))
    for name in names:
        series = sorted((p for p in points if p["series"] == name and p["value"] is not None), key=lambda p: p["year"])
        coords = [(x_of(int(p["year"])), y_of(float(p["value"]))) for p in series]
        dash = f' stroke-dasharray="{dash_of[name]}"' if dash_of[name] else ""
        if len(coords) > 1:
            d = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            body.append(f'<path d="{d}" fill="none" stroke="{colour_of[name]}" stroke-width="2"{dash}/>')
        for p, (x, y) in zip(series, coords, strict=True):
            tip = escape(f"{name} · {p['year']}: {p['shown']}")
            body.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour_of[name]}"><title>{tip}</title></circle>'
            )
    legend, bottom = _legend([(n, colour_of[n], dash_of[n]) for n in names], top + plot_h + 38, width)
    return _svg(width, bottom + 4, style, body + legend)
