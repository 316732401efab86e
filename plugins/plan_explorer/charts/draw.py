"""Draws the chart forms (labelled bars, grouped bars, yearly lines, year ranges) as SVG, in Python.

Why not vl-convert: it measures every label by outlining its glyphs (measured: 0.3 ms per Latin and 0.7 ms per
Chinese character, ~25 ms per chart before any text), and it draws one width, which a phone shrinks until its
text is 4 px high. These forms are drawn here in about a millisecond each, at two widths (a narrow drawing that a
390 px phone shows at its own size, and a wide one; the page shows one by CSS), from the same rows as their
Vega-Lite spec (built by Altair and published next to the page).

Rules every drawing keeps, for readers on any screen:

- text at least 12 px in the drawing (the narrow one is shown at 1:1 on a 390 px phone);
- a label is never cut into ambiguity: it wraps (two lines, more where two labels would read alike), and the
  mark's tooltip and the data table give the full name;
- each mark (a row, a bar, a point, a line) carries a native ``<title>`` tooltip with its formatted value (no
  JavaScript);
- no visible bar thinner than 2 px unless its value is under 1 % of the axis;
- years on a time axis are placed in proportion to time (a gap of three years is three times one year's);
- rows are drawn in the order given (the chart's stated sort order is the caller's, and tested).

All text is escaped here.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

#: widths drawn: a narrow drawing for phones (a 390 px screen shows it at its own size) and a wide one
WIDTHS = {"narrow": 340, "wide": 720}
FONT_SIZE = 13
TICK_FONT_SIZE = 12  # the smallest text drawn
LINE_HEIGHT = 17
MIN_BAR = 2.0  # px: the thinnest bar drawn for a value of at least 1 % of the axis
INK, MUTED_INK, GRID, AXIS = "#1b2631", "#5b6670", "#e6ecf1", "#888888"
WIDE = re.compile(
    r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003ffff]"
)
BREAK_AFTER = re.compile(r"(?<=[\s/、，）)])|(?<=,)(?!\d)|(?=[（(])")


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Estimated advance width: CJK and full-width characters are 1 em, other characters 0.58 em."""
    wide, length = _counts(text)
    return _width(wide, length, size)


def _width(wide: int, length: int, size: float) -> float:
    return (wide + 0.58 * (length - wide)) * size


@functools.lru_cache(maxsize=1 << 16)
def _counts(text: str) -> tuple[int, int]:
    """How many of ``text``'s characters are wide, and how many it has."""
    return len(WIDE.findall(text)), len(text)


WIDE_SPLIT = re.compile(f"({WIDE.pattern})")


def _pieces(text: str) -> list[str]:
    """Where a line may break: after a space or a separator, before an opening bracket, between Han characters."""
    out: list[str] = []
    for chunk in BREAK_AFTER.split(text):
        out += [c for c in WIDE_SPLIT.split(chunk) if c]
    return out


def wrap(text: str, width: float, size: float = FONT_SIZE, lines: int = 2) -> list[str]:
    """``text`` in lines of at most ``width`` px; the last of ``lines`` lines ends in "…" if the text goes on."""
    return list(_wrap(text, width, size, lines))


@functools.lru_cache(maxsize=1 << 14)
def _wrap(text: str, width: float, size: float, lines: int) -> tuple[str, ...]:
    """:func:`wrap`, remembered: the same labels are drawn on many pages (and at two widths). A line's width is
    kept as counts of its characters, added piece by piece, so each piece is measured once."""
    out, line, wide, length = [], "", 0, 0
    for piece in _pieces(text):
        piece_wide, piece_length = _counts(piece.rstrip())
        if line and _width(wide + piece_wide, length + piece_length, size) > width:
            out.append(line.rstrip())
            line = piece.lstrip()
            wide, length = _counts(line)
        else:
            line += piece
            wide, length = wide + _counts(piece)[0], length + len(piece)
    out.append(line.rstrip())
    if len(out) <= lines:
        return tuple(out)
    last = out[lines - 1]
    while last and text_width(last + "…", size) > width:
        last = last[:-1]
    return (*out[: lines - 1], last.rstrip() + "…")


def wrapped_labels(labels: list[str], width: float, size: float = FONT_SIZE, most: int = 2) -> list[list[str]]:
    """Each label wrapped to ``most`` lines, or to as many as it takes where two shortened labels would read alike."""
    lines = [wrap(label, width, size, most) for label in labels]
    for more in (4, 8, 16):
        names: dict[tuple[str, ...], set[str]] = {}
        for label, wrapped in zip(labels, lines, strict=True):
            names.setdefault(tuple(wrapped), set()).add(label)
        alike = [i for i, wrapped in enumerate(lines) if len(names[tuple(wrapped)]) > 1]
        if not alike:
            break
        for i in alike:
            lines[i] = wrap(labels[i], width, size, more)
    return lines


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
    x: float,
    y: float,
    text: str,
    size: int = FONT_SIZE,
    anchor: str = "start",
    fill: str = INK,
    bold: bool = False,
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{weight}>'
        f"{escape(text)}</text>"
    )


def _lines_of_text(x: float, y: float, lines: list[str], bold: bool = False) -> list[str]:
    return [_text(x, y + i * LINE_HEIGHT, line, bold=bold) for i, line in enumerate(lines)]


def _title(text: str) -> str:
    return f"<title>{escape(text)}</title>"


def _svg(width: float, height: float, style: Style, body: Iterable[str]) -> str:
    variant = next(name for name, w in WIDTHS.items() if w == width)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="drawn {variant}" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family={quoteattr(style.font)}>'
        f'<rect width="100%" height="100%" fill="#ffffff"/>' + "".join(body) + "</svg>"
    )


def _bar_span(x_of: Callable[[float], float], value: float, lo: float, hi: float) -> tuple[float, float]:
    """A bar's left edge and width: at least MIN_BAR for a value of at least 1 % of the axis."""
    x0, x1 = sorted((x_of(0), x_of(value)))
    width = x1 - x0
    if value != 0 and abs(value) >= 0.01 * (hi - lo) and width < MIN_BAR:
        width = MIN_BAR
        x0 = x_of(0) - MIN_BAR if value < 0 else x0
    return x0, width


#: wide drawings put the labels in a column left of the marks (at most this wide); narrow ones above them
LABEL_COLUMN = 260
LABELS_ABOVE_BELOW = 500  # px: a drawing narrower than this puts each label above its marks


@dataclass(frozen=True)
class RowLayout:
    """Where a row's label and marks go: beside each other (wide) or the label above (narrow)."""

    plot_left: float  # where the marks' axis starts
    labels: list[list[str]]  # each row's label, wrapped
    beside: bool

    def marks_top(self, y: float, lines: list[str]) -> float:
        return y + 2 if self.beside else y + len(lines) * LINE_HEIGHT + 2

    def height(self, lines: list[str], marks: float) -> float:
        """A row's height: its label and its marks (``marks`` px tall), and the gap below."""
        if self.beside:
            return max(len(lines) * LINE_HEIGHT, marks + 4) + 10
        return len(lines) * LINE_HEIGHT + marks + 12


def _row_layout(labels: list[str], left: float, right: float, width: float) -> RowLayout:
    if width < LABELS_ABOVE_BELOW:
        return RowLayout(left, wrapped_labels(labels, right - left), beside=False)
    column = min(LABEL_COLUMN, max((text_width(label) for label in labels), default=0) + 14)
    return RowLayout(left + column, wrapped_labels(labels, column - 14, most=3), beside=True)


def _x_axis(ticks: list[float], x_of: Any, top: float, bottom: float, lang: str) -> list[str]:
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
    out = []
    last_right = -1e9
    for v in ticks:
        x = x_of(v)
        colour = AXIS if v == 0 else GRID
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top:.1f}" y2="{bottom:.1f}" stroke="{colour}"/>')
        label = tick_label(v, step, lang)
        half = text_width(label, TICK_FONT_SIZE) / 2
        if x - half > last_right + 4:  # a tick label that would overlap its neighbour is left out
            out.append(_text(x, bottom + 15, label, TICK_FONT_SIZE, "middle", MUTED_INK))
            last_right = x + half
    return out


def _value_axis(values: list[float], left: float, right: float, value_room: float) -> tuple[list[float], Any]:
    ticks = nice_ticks(min(values, default=0), max(values, default=0), 5 if right - left > 400 else 4)
    lo, hi = ticks[0], ticks[-1]
    neg_room = value_room if lo < 0 else 0

    def x_of(v: float) -> float:
        return left + neg_room + (v - lo) / (hi - lo) * (right - value_room - left - neg_room)

    return ticks, x_of


def draw_bars(rows: list[dict[str, Any]], unit_title: str, style: Style, lang: str, width: int) -> str:
    """Horizontal bars in the order given; each row: label, value, shown, and hl (highlighted) if any."""
    left, right = 4.0, width - 4.0
    value_room = max((text_width(str(r["shown"]), TICK_FONT_SIZE) for r in rows), default=0) + 8
    values = [float(r["value"] or 0) for r in rows]
    layout = _row_layout([str(r["label"]) for r in rows], left, right, width)
    ticks, x_of = _value_axis(values, layout.plot_left, right, value_room)
    bar_h, top = 14, 6.0
    heights = [layout.height(lines, bar_h) for lines in layout.labels]
    bottom = top + sum(heights)
    body = _x_axis(ticks, x_of, top, bottom, lang)
    any_highlight = any(r.get("hl") for r in rows)
    y = top
    for row, value, lines, height in zip(rows, values, layout.labels, heights, strict=True):
        colour = (style.highlight if row.get("hl") else style.muted) if any_highlight else style.colors[0]
        x0, w = _bar_span(x_of, value, ticks[0], ticks[-1])
        bar_y = layout.marks_top(y, lines)
        tip = f"{row.get('full', row['label'])}: {row['shown']}"
        mark = [_title(tip), *_lines_of_text(left, y + 13, lines, bold=bool(row.get("hl")))]
        mark.append(
            f'<rect x="{x0:.1f}" y="{bar_y:.1f}" width="{w:.1f}" height="{bar_h}" fill="{colour}">{_title(tip)}</rect>'
        )
        if value < 0:
            mark.append(_text(x0 - 4, bar_y + 11, str(row["shown"]), TICK_FONT_SIZE, "end", MUTED_INK))
        else:
            mark.append(_text(x0 + w + 4, bar_y + 11, str(row["shown"]), TICK_FONT_SIZE, "start", MUTED_INK))
        body.append('<g class="mark">' + "".join(mark) + "</g>")
        y += height
    body.append(_text(right, bottom + 34, unit_title, TICK_FONT_SIZE, "end", MUTED_INK))
    return _svg(width, bottom + 40, style, body)


def _legend(
    series: list[tuple[str, str, str]], top: float, width: int, swatch: str = "line"
) -> tuple[list[str], float]:
    """Legend items (swatch + name) flowing left to right, wrapping; returns the marks and the bottom."""
    out, x, y = [], 4.0, top
    for name, colour, dash in series:
        item = 30 + text_width(name, TICK_FONT_SIZE) + 14
        if x + item > width and x > 4:
            x, y = 4.0, y + 20
        if swatch == "line":
            out.append(
                f'<line x1="{x:.1f}" x2="{x + 22:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="{colour}" stroke-width="2"'
                + (f' stroke-dasharray="{dash}"' if dash else "")
                + f'/><circle cx="{x + 11:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>'
            )
        else:
            out.append(f'<rect x="{x + 4:.1f}" y="{y - 6:.1f}" width="16" height="12" fill="{colour}"/>')
        out.append(_text(x + 28, y + 4, name, TICK_FONT_SIZE, "start", INK))
        x += item
    return out, y + 12


def draw_lines(
    points: list[dict[str, Any]], unit_title: str, style: Style, lang: str, dashes: dict[str, str], width: int
) -> str:
    """Yearly lines with points, years in proportion to time; each point: series, year, value, shown, kind."""
    years = sorted({int(p["year"]) for p in points})
    names = list(dict.fromkeys(str(p["series"]) for p in points))
    colour_of = {n: style.colors[i % len(style.colors)] for i, n in enumerate(names)}
    dash_of = {str(p["series"]): dashes.get(str(p["kind"]), "") for p in points}
    values = [float(p["value"]) for p in points if p["value"] is not None]
    ticks = nice_ticks(min(values, default=0), max(values, default=0), 5)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
    tick_texts = [tick_label(v, step, lang) for v in ticks]
    left = max(text_width(s, TICK_FONT_SIZE) for s in tick_texts) + 10
    top, plot_h, right = 24.0, 190.0, width - 18
    pad = 16.0  # the first and last year sit this far inside the plot
    first, last = years[0], years[-1]

    def x_of(year: int) -> float:
        if last == first:
            return (left + right) / 2
        return left + pad + (year - first) / (last - first) * (right - left - 2 * pad)

    def y_of(v: float) -> float:
        return top + plot_h - (v - ticks[0]) / (ticks[-1] - ticks[0]) * plot_h

    body = [_text(4, 14, unit_title, TICK_FONT_SIZE, "start", MUTED_INK)]
    for v, label in zip(ticks, tick_texts, strict=True):
        colour = AXIS if v == 0 else GRID
        body.append(f'<line x1="{left:.1f}" x2="{right:.1f}" y1="{y_of(v):.1f}" y2="{y_of(v):.1f}" stroke="{colour}"/>')
        body.append(_text(left - 6, y_of(v) + 4, label, TICK_FONT_SIZE, "end", MUTED_INK))
    label_every = 1
    while (len(years) / label_every) * text_width("0000", TICK_FONT_SIZE) * 1.5 > right - left and label_every < 10:
        label_every += 1
    for i, year in enumerate(years):
        if i % label_every == 0 or year == last:
            body.append(_text(x_of(year), top + plot_h + 17, str(year), TICK_FONT_SIZE, "middle", MUTED_INK))
    for name in names:
        series = sorted((p for p in points if p["series"] == name and p["value"] is not None), key=lambda p: p["year"])
        coords = [(x_of(int(p["year"])), y_of(float(p["value"]))) for p in series]
        dash = f' stroke-dasharray="{dash_of[name]}"' if dash_of[name] else ""
        if len(coords) > 1:
            d = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            span = f"{name}: " + ", ".join(f"{p['year']} {p['shown']}" for p in series)
            body.append(
                f'<path d="{d}" fill="none" stroke="{colour_of[name]}" stroke-width="2"{dash}>{_title(span)}</path>'
            )
        for i, (p, (x, y)) in enumerate(zip(series, coords, strict=True)):
            if p.get("kind") == "required" and 0 < i < len(series) - 1:
                continue  # a required path is computed, not observed: no dot on its years between the ends
            tip = f"{name} · {p['year']}: {p['shown']}"
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour_of[name]}">{_title(tip)}</circle>')
    legend, bottom = _legend([(n, colour_of[n], dash_of[n]) for n in names], top + plot_h + 40, width)
    return _svg(width, bottom + 4, style, body + legend)


def draw_grouped(rows: list[dict[str, Any]], unit_title: str, style: Style, lang: str, width: int) -> str:
    """Rows of bars, one bar per series (e.g. a base year and a target), in the order given; each datum: label,
    series, value, shown, and optionally full (the whole name) and group (rows are headed by their group)."""
    left, right = 4.0, width - 4.0
    labels = list(dict.fromkeys(str(r["label"]) for r in rows))
    series = list(dict.fromkeys(str(r["series"]) for r in rows))
    colour_of = {s: style.colors[i % len(style.colors)] for i, s in enumerate(series)}
    of = {(str(r["label"]), str(r["series"])): r for r in rows}
    first = {str(r["label"]): r for r in reversed(rows)}
    last_series = series[-1]
    value_room = max((text_width(str(r["shown"]), TICK_FONT_SIZE) for r in rows), default=0) + 8
    values = [float(r["value"] or 0) for r in rows]
    layout = _row_layout(labels, left, right, width)
    ticks, x_of = _value_axis(values, layout.plot_left, right, value_room)
    wrapped = dict(zip(labels, layout.labels, strict=True))
    bar_h, gap = (7, 2) if len(series) > 2 else (10, 2)
    legend, top = _legend([(s, colour_of[s], "") for s in series], 14, width, swatch="box")
    top += 6
    y, group, body = top, None, []
    for label in labels:
        row_group = first[label].get("group")
        if row_group is not None and row_group != group:
            group = row_group
            body.append(_text(left, y + 16, str(group), FONT_SIZE, bold=True))
            y += 24
        lines = wrapped[label]
        full = str(first[label].get("full", label))
        tip = f"{full}: " + "; ".join(f"{s} {of[(label, s)]['shown']}" for s in series if (label, s) in of)
        mark = [_title(tip), *_lines_of_text(left, y + 13, lines)]
        bar_y = layout.marks_top(y, lines)
        row_top = y
        for s in series:
            datum = of.get((label, s))
            if datum is not None:
                x0, w = _bar_span(x_of, float(datum["value"] or 0), ticks[0], ticks[-1])
                bar_tip = _title(f"{full} · {s}: {datum['shown']}")
                mark.append(
                    f'<rect x="{x0:.1f}" y="{bar_y:.1f}" width="{w:.1f}" height="{bar_h}" fill="{colour_of[s]}">'
                    f"{bar_tip}</rect>"
                )
                if s == last_series:
                    mark.append(_text(x0 + w + 4, bar_y + bar_h - 1, str(datum["shown"]), TICK_FONT_SIZE, "start", INK))
            bar_y += bar_h + gap
        body.append('<g class="mark">' + "".join(mark) + "</g>")
        y = row_top + layout.height(lines, len(series) * (bar_h + gap) - gap)
    axis = _x_axis(ticks, x_of, top, y, lang)
    tail = [_text(right, y + 34, unit_title, TICK_FONT_SIZE, "end", MUTED_INK)]
    return _svg(width, y + 40, style, legend + axis + body + tail)


def draw_ranges(rows: list[dict[str, Any]], year_title: str, style: Style, lang: str, width: int) -> str:
    """A bar per row from its first year to the end of its last (a timeline), years in proportion to time; each
    row: label, start, end, shown (its period in words), and optionally full (the whole name)."""
    left, right = 4.0, width - 8.0
    first = min(int(r["start"]) for r in rows)
    last = max(int(r["end"]) for r in rows) + 1  # a bar runs to the end of its last year
    layout = _row_layout([str(r["label"]) for r in rows], left, right, width)

    def x_of(year: float) -> float:
        return layout.plot_left + (year - first) / max(last - first, 1) * (right - layout.plot_left)

    top, bar_h = 24.0, 12
    body = []
    y = top
    for row, lines in zip(rows, layout.labels, strict=True):
        x0, x1 = x_of(int(row["start"])), x_of(int(row["end"]) + 1)
        tip = f"{row.get('full', row['label'])}: {row['shown']}"
        bar_y = layout.marks_top(y, lines)
        mark = [_title(tip), *_lines_of_text(left, y + 13, lines)]
        mark.append(
            f'<rect x="{x0:.1f}" y="{bar_y:.1f}" width="{max(x1 - x0, MIN_BAR):.1f}" height="{bar_h}" '
            f'fill="{style.colors[0]}">{_title(tip)}</rect>'
        )
        shown = str(row["shown"])
        room = text_width(shown, TICK_FONT_SIZE) + 4
        if x1 + room <= width - 2:
            mark.append(_text(x1 + 4, bar_y + 10, shown, TICK_FONT_SIZE, "start", MUTED_INK))
        elif x0 - room >= layout.plot_left:
            mark.append(_text(x0 - 4, bar_y + 10, shown, TICK_FONT_SIZE, "end", MUTED_INK))
        else:  # a bar across the whole axis: its period inside it
            mark.append(_text(x1 - 4, bar_y + 10, shown, TICK_FONT_SIZE, "end", "#ffffff"))
        body.append('<g class="mark">' + "".join(mark) + "</g>")
        y += layout.height(lines, bar_h)
    grid, last_right = [], -1e9
    for year in range(first, last + 1):
        x = x_of(year)
        grid.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4:.1f}" y2="{y:.1f}" stroke="{GRID}"/>')
        if year < last:  # a year's label sits over its span, from its start to the next year's
            centre = (x + x_of(year + 1)) / 2
            half = text_width(str(year), TICK_FONT_SIZE) / 2
            if centre - half > last_right + 2:
                grid.append(_text(centre, top - 8, str(year), TICK_FONT_SIZE, "middle", MUTED_INK))
                last_right = centre + half
    tail = [_text(right, y + 16, year_title, TICK_FONT_SIZE, "end", MUTED_INK)]
    return _svg(width, y + 22, style, grid + body + tail)
