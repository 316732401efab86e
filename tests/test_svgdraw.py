"""The SVG drawer of the simple chart forms: ticks, layout, highlight and escaping."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from plugins.plan_explorer.charts.draw import WIDTHS, Style, draw_bars, draw_lines, nice_ticks, text_width

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
    assert float(bars[1].get("x", 0)) + float(bars[1].get("width", 0)) == pytest.approx(zero)


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
    tips = [c.find(f"{SVG}title").text for c in svg.iter(f"{SVG}circle") if c.find(f"{SVG}title") is not None]
    assert "实际值 · 2021: 40亿元" in tips


def test_text_from_data_is_escaped() -> None:
    hostile = '<script>alert(1)</script>&"'
    svg = draw_bars([{"label": hostile, "value": 1, "shown": hostile}], hostile, STYLE, "en", WIDTHS["narrow"])
    assert "<script>" not in svg
    root = ET.fromstring(svg)  # still well-formed XML
    assert hostile in [t.text for t in root.iter(f"{SVG}text")]
