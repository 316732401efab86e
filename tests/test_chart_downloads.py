"""Charts people can take away (issue 25): every chart's SVG, data CSV and spec beside its page, the CSV equal to
the chart's data table; a PNG of what the page draws, made in the browser; required paths drawn as computed (dashed,
no dots between their ends) and planned changes titled as planned."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path
from typing import Any

CHART = re.compile(r'<figure class="chart" id="([^"]+)".*?</figure>', re.S)


def _cells(row_html: str) -> list[str]:
    return [
        html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
        for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row_html, re.S)
    ]


def test_every_chart_has_its_files_and_the_csv_is_its_table(built_site: Path) -> None:
    charts = 0
    for page in built_site.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        for match in CHART.finditer(text):
            chart, block = match.group(1), match.group(0)
            charts += 1
            folder = page.parent
            svg = (folder / f"{chart}.svg").read_text(encoding="utf-8")
            assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg'), (page, chart)
            assert (folder / f"{chart}.vl.json").is_file()
            table = re.search(r"<table class=\"prio\">(.*?)</table>", block, re.S)
            assert table, (page, chart)
            rows = [_cells(r) for r in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)]
            raw = (folder / f"{chart}.csv").read_text(encoding="utf-8")
            assert raw.startswith("\ufeff")
            got = list(csv.reader(io.StringIO(raw.removeprefix("\ufeff"))))
            # the table, cell for cell; a cell a spreadsheet would run as a formula ("+62.9%") starts with "'"
            assert [[c.removeprefix("'") if c[1:2] in "=+-@" else c for c in row] for row in got] == rows, (page, chart)
            assert not any(c[:1] in "=+-@" for row in got for c in row)
            for kind in ("svg", "csv", "vl.json"):
                assert f'href="{chart}.{kind}" download' in block, (page, chart, kind)
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


def test_the_png_is_what_the_page_draws(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/indicators/gross-output/")
    link = page.locator("figure.chart a[data-png]").first
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "chart-gross-output.png"
    data = Path(download.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    drawn = page.evaluate("document.querySelector('figure.chart svg.drawn.wide').width.baseVal.value")
    assert width == round(drawn * 2)
