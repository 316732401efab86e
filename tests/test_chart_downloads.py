"""Charts people can take away (issue 25): every chart offers its SVG, PNG and data CSV under names stable across
builds, made in the browser from what the page shows (the drawing, the data table), and its spec beside the page;
required paths drawn as computed (dashed, no dots between their ends) and planned changes titled as planned."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

CHART = re.compile(r'<figure class="chart" id="([^"]+)".*?</figure>', re.S)


def test_every_chart_offers_its_svg_png_csv_and_spec_under_stable_names(built_site: Path) -> None:
    charts = 0
    for page in built_site.rglob("index.html"):
        for match in CHART.finditer(page.read_text(encoding="utf-8")):
            chart, block = match.group(1), match.group(0)
            charts += 1
            for kind in ("svg", "png", "csv"):
                assert f'data-chart-file="{kind}" download="{chart}.{kind}"' in block, (page, chart, kind)
            assert f'href="{chart}.vl.json" download' in block and (page.parent / f"{chart}.vl.json").is_file()
    assert charts > 100


def test_required_paths_are_computed_lines_and_changes_planned(built_site: Path) -> None:
    page = (built_site / "en" / "indicators" / "gross-output" / "index.html").read_text(encoding="utf-8")
    wide = re.search(r'<svg[^>]*class="drawn wide".*?</svg>', page, re.S)
    assert wide and "stroke-dasharray" in wide.group(0)
    dots = re.findall(r"<circle [^>]*[^/]>", wide.group(0))  # the marks (the legend's swatch closes itself)
    assert len(dots) == 2  # shape: the base and the target, none on 2021–2024
    assert "(computed, not data)" in wide.group(0)
    overview = (built_site / "en" / "indicators" / "index.html").read_text(encoding="utf-8")
    assert "Planned change from" in overview


def test_the_downloads_are_what_the_page_shows(page: Any, site_url: str) -> None:
    """The SVG is the page's wide drawing, the PNG that drawing at twice its size, the CSV the chart's data table
    cell for cell (a cell a spreadsheet would run as a formula, such as "+62.9%", starts with "'")."""
    page.goto(f"{site_url}/en/indicators/")
    figure = page.locator("figure.chart").first
    chart = figure.get_attribute("id")
    got: dict[str, bytes] = {}
    for kind in ("svg", "png", "csv"):
        with page.expect_download() as info:
            figure.locator(f"a[data-chart-file={kind}]").click()
        assert info.value.suggested_filename == f"{chart}.{kind}"
        got[kind] = Path(info.value.path()).read_bytes()
    svg = got["svg"].decode("utf-8")
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg') and 'class="drawn wide"' in svg
    width = page.evaluate(f"document.querySelector('#{chart} svg.drawn.wide').width.baseVal.value")
    assert got["png"][:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(got["png"][16:20], "big") == round(width * 2)
    table = page.eval_on_selector_all(
        f"#{chart} .chart-table tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()))"
    )
    rows = list(csv.reader(io.StringIO(got["csv"].decode("utf-8").removeprefix("\ufeff"))))
    assert [[c.removeprefix("'") if c[1:2] in "=+-@" else c for c in row] for row in rows] == table
    assert not any(c[:1] in "=+-@" for row in rows for c in row)
