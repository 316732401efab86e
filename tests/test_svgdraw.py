"""The SVG drawer of the chart forms: ticks, layout, highlight, escaping, and the rules readers need (text of
12 px or more, labels wrapped not cut, a tooltip on every mark, no hairline bars, years in proportion to time)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from plugins.plan_explorer.charts.draw import (
    TICK_FONT_SIZE,
    WIDTHS,
    Style,
    draw_bars,
    draw_grouped,
    draw_lines,
    draw_ranges,
    nice_ticks,
    text_width,
    wrap,
    wrapped_labels,
)

STYLE = Style("Noto Sans CJK SC, sans-serif", ("#111111", "#222222"), "#ff0000", "#cccccc")
SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("lo", "hi", "count", "expected"),
    [
        (0, 70, 5, [0, 10, 20, 30, 40, 50, 60, 70]),  # as d3.ticks(0, 70, 5)
        (3.027, 8, 5, [0, 2, 4, 6, 8]),
        (-12.5, 30, 5, [-20, -10, 0, 10, 20, 30]),
        (0, 0, 5, [0, 0.2, 0.4, 0.6, 0.8, 1]),
        (0, 0.37, 5, [0, 0.1, 0.2, 0.3, 0.4]),
    ],
)
def test_nice_ticks_cover_the_data_and_zero(lo: float, hi: float, count: int, expected: list[float]) -> None:
    assert nice_ticks(lo, hi, count) == expected


def test_chinese_is_measured_wider_than_latin() -> None:
    assert text_width("化工化工") == pytest.approx(4 * 13)
    assert text_width("abcd") < text_width("化工化工")
    assert text_width("𠀀") == pytest.approx(13)  # extension B: wide too


def _bars(rows: list[dict[str, object]], width: int = WIDTHS["wide"]) -> ET.Element:
    return ET.fromstring(draw_bars(rows, "亿元", STYLE, "zh", width))


def test_bars_are_proportional_and_the_highlight_stands_out() -> None:
    rows = [
        {"label": "甲", "value": 70, "shown": "70亿元", "hl": False},
        {"label": "乙", "value": 35, "shown": "35亿元", "hl": True},
    ]
    svg = _bars(rows)
    bars = [r for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert [b.get("fill") for b in bars] == ["#cccccc", "#ff0000"]
    assert [b.find(f"{SVG}title").text for b in bars] == ["甲: 70亿元", "乙: 35亿元"]
    widths = [float(b.get("width", 0)) for b in bars]
    assert widths[0] == pytest.approx(2 * widths[1], rel=0.01)
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert {"甲", "乙", "70亿元", "35亿元", "亿元"} <= set(texts)
    assert float(svg.get("width", 0)) == WIDTHS["wide"]


def test_negative_bars_extend_left_of_zero() -> None:
    svg = _bars([{"label": "a", "value": 10, "shown": "10%"}, {"label": "b", "value": -5, "shown": "-5%"}])
    zero = next(float(line.get("x1", 0)) for line in svg.iter(f"{SVG}line") if line.get("stroke") == "#888888")
    bars = [r for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert float(bars[0].get("x", 0)) == pytest.approx(zero)
    assert float(bars[1].get("x", 0)) + float(bars[1].get("width", 0)) == pytest.approx(zero, abs=0.15)


def test_lines_put_each_series_in_year_order_with_its_dash() -> None:
    points = [
        {"series": "所需路径", "year": y, "value": v, "shown": f"{v}亿元", "kind": "required"}
        for y, v in ((2025, 80), (2020, 30), (2021, 36))
    ] + [{"series": "实际值", "year": 2021, "value": 40, "shown": "40亿元", "kind": "actual"}]
    svg = ET.fromstring(draw_lines(points, "亿元", STYLE, "zh", {"required": "5,4", "actual": ""}, WIDTHS["narrow"]))
    paths = list(svg.iter(f"{SVG}path"))
    assert len(paths) == 1 and paths[0].get("stroke-dasharray") == "5,4"
    xs = [float(x) for x in re.findall(r"[ML]([\d.]+),", paths[0].get("d", ""))]
    assert xs == sorted(xs) and len(xs) == 3
    # years in proportion to time: 2021 → 2025 is four times 2020 → 2021
    assert xs[2] - xs[1] == pytest.approx(4 * (xs[1] - xs[0]), rel=0.01)
    assert paths[0].find(f"{SVG}title") is not None  # the line itself has a tooltip too
    tips = [c.find(f"{SVG}title").text for c in svg.iter(f"{SVG}circle") if c.find(f"{SVG}title") is not None]
    assert "实际值 · 2021: 40亿元" in tips


def test_text_from_data_is_escaped() -> None:
    hostile = '<script>alert(1)</script>&"'
    svg = draw_bars([{"label": hostile, "value": 1, "shown": hostile}], hostile, STYLE, "en", WIDTHS["narrow"])
    assert "<script>" not in svg
    root = ET.fromstring(svg)  # still well-formed XML
    assert hostile in [t.text for t in root.iter(f"{SVG}text")]


def test_no_hairline_bars() -> None:
    """A bar of at least 1 % of the axis is at least 2 px long; a smaller one may be thinner."""
    rows = [{"label": "big", "value": 1000, "shown": "1000"}, {"label": "small", "value": 11, "shown": "11"}]
    rows += [{"label": "tiny", "value": 1, "shown": "1"}]
    bars = [r for r in _bars(rows, WIDTHS["narrow"]).iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    widths = [float(b.get("width", 0)) for b in bars]
    assert widths[1] >= 2 and widths[2] < 2


def test_long_labels_wrap_and_never_read_alike() -> None:
    assert "".join(wrap("装备制造（通航制造）", 80)) == "装备制造（通航制造）"  # wrapped whole, never cut
    assert not any(line.endswith("130,") for line in wrap("A project for 130,000 tonnes a year", 100, lines=4))
    names = [
        "Hangzhou silk culture industrial park construction project, phase one of three",
        "Hangzhou silk culture industrial park construction project, phase two of three",
    ]
    first, second = wrapped_labels(names, 200)
    assert first != second and "".join(first).replace(" ", "") == names[0].replace(" ", "")


@pytest.mark.parametrize("width", WIDTHS.values())
def test_every_text_is_at_least_12_px_and_every_row_has_a_tooltip(width: int) -> None:
    rows = [
        {"label": name, "series": year, "value": v, "shown": f"{v}亿元", "group": group}
        for name, group, values in (("新安江街道", "乡镇（街道）", (54, 78)), ("高铁新区", "产业园区", (120, 384)))
        for year, v in zip(("2020", "2025"), values, strict=True)
    ]
    svg = ET.fromstring(draw_grouped(rows, "亿元", STYLE, "zh", width))
    assert min(int(t.get("font-size", 0)) for t in svg.iter(f"{SVG}text")) >= TICK_FONT_SIZE >= 12
    marks = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "mark"]
    assert [g.find(f"{SVG}title").text for g in marks] == [
        "新安江街道: 2020 54亿元; 2025 78亿元",
        "高铁新区: 2020 120亿元; 2025 384亿元",
    ]
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert {"乡镇（街道）", "产业园区", "78亿元", "384亿元"} <= set(texts)  # group headings; the target's value
    bars = [r for g in marks for r in g.iter(f"{SVG}rect")]
    assert all(b.find(f"{SVG}title") is not None for b in bars) and len(bars) == 4
    assert float(bars[3].get("width", 0)) == pytest.approx(384 / 78 * float(bars[1].get("width", 0)), rel=0.01)


def test_ranges_run_from_the_first_year_to_the_end_of_the_last() -> None:
    rows = [
        {"label": "A", "start": 2019, "end": 2022, "shown": "2019–2022"},
        {"label": "B", "start": 2021, "end": 2021, "shown": "2021–2021"},
    ]
    svg = ET.fromstring(draw_ranges(rows, "年份", STYLE, "zh", WIDTHS["narrow"]))
    bars = [r for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    a, b = (float(r.get("width", 0)) for r in bars)
    assert a == pytest.approx(4 * b, rel=0.01)  # four years against one
    assert bars[0].find(f"{SVG}title").text == "A: 2019–2022"
    assert {"2019", "2022", "年份"} <= {t.text for t in svg.iter(f"{SVG}text")}
