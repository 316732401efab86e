"""Charts: inline SVG with accessible names and data tables on every overview and entity page, in both
languages; a changed figure changes its chart; the cache re-renders only what changed."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import run_build

from plugins.plan_explorer import numfmt

OVERVIEWS = ("", "indicators/", "industries/", "platforms/", "projects/", "townships/")
ENTITY_PAGES = (
    "industries/chemicals/",
    "projects/wanyang-innovation-city/",
    "townships/xiaya/",
    "indicators/gross-output/",
    "platforms/hitech-park/",
)
SVG = re.compile(
    r'<svg role="img" aria-labelledby="([^" ]+)-t \1-d"[^>]*><title id="\1-t">([^<]+)</title>'
    r'<desc id="\1-d">([^<]+)</desc>'
)


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("path", OVERVIEWS + ENTITY_PAGES)
def test_page_has_accessible_inline_svg_and_table(built_site: Path, lang: str, path: str) -> None:
    html = (built_site / lang / path / "index.html").read_text(encoding="utf-8")
    charts = SVG.findall(html)
    assert charts, f"{lang}{path} has no accessible inline chart"
    for chart_id, title, desc in charts:
        assert title.strip() and desc.strip()
        assert f'<figure class="chart" id="{chart_id}" data-pagefind-ignore>' in html
        assert (built_site / lang / path / f"{chart_id}.vl.json").is_file()
    assert html.count('<details class="chart-table">') == len(charts)


def test_chart_table_numbers_match_the_data(built_site: Path) -> None:
    html = (built_site / "en" / "industries" / "index.html").read_text(encoding="utf-8")
    table = html.split('<figure class="chart" id="chart-industries" data-pagefind-ignore>', 1)[1].split("</figure>", 1)[
        0
    ]
    for name, v2020, v2025 in (("Chemicals", 128.73, 235), ("New materials", 30.27, 80)):
        row = re.search(rf"<tr><td>{re.escape(name)}</td><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td></tr>", table)
        assert row and row.groups() == (numfmt.yi(v2020, "en"), numfmt.yi(v2025, "en")), name
    spec = json.loads((built_site / "industries" / "chart-industries.vl.json").read_text(encoding="utf-8"))
    values = spec["data"]["values"]
    assert {"label": "化工", "year": "2020", "value": 128.73} in [
        {k: r[k] for k in ("label", "year", "value")} for r in values
    ]


def test_chinese_labels_render_as_text_with_a_cjk_font(built_site: Path) -> None:
    html = (built_site / "industries" / "index.html").read_text(encoding="utf-8")
    svg = html.split('<div class="chart-svg">', 1)[1].split("</svg>", 1)[0]
    assert "化工" in svg and "Noto Sans CJK SC" in svg
    assert not re.search(r">\d+(\.\d+)?G<", svg)  # never d3's SI format for money


def test_changed_figure_rerenders_only_its_charts(fixture_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(fixture_project, project, ignore=shutil.ignore_patterns("output"))
    out = project / "out"
    assert run_build(project, out, "--no-search").returncode == 0
    first = json.loads((project / "cache" / "charts" / "last-build.json").read_text())
    township_chart = (out / "townships" / "east" / "index.html").read_text(encoding="utf-8")
    project_page = (out / "projects" / "rubber-plant" / "index.html").read_text(encoding="utf-8")

    assert run_build(project, out, "--no-search").returncode == 0
    warm = json.loads((project / "cache" / "charts" / "last-build.json").read_text())
    assert first["rendered"] > 0 and warm["rendered"] == 0 and warm["reused"] == warm["charts"] == first["charts"]

    data = project / "data" / "projects.yaml"
    data.write_text(
        data.read_text(encoding="utf-8").replace("total_investment_wan: 30000", "total_investment_wan: 45000"),
        encoding="utf-8",
    )
    assert run_build(project, out, "--no-search").returncode == 0
    changed = json.loads((project / "cache" / "charts" / "last-build.json").read_text())
    assert 0 < changed["rendered"] < first["rendered"]
    assert changed["reused"] == changed["charts"] - changed["rendered"] > 0
    assert (out / "townships" / "east" / "index.html").read_text(encoding="utf-8") == township_chart
    new_page = (out / "projects" / "rubber-plant" / "index.html").read_text(encoding="utf-8")
    assert new_page != project_page and "4.5亿元" in new_page
