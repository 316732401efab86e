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
SVG = re.compile(  # drawn charts come in two widths: ids end in -0 and -1
    r'<svg role="img" aria-labelledby="([^" ]+)-t(-\d|) \1-d\2"[^>]*><title id="\1-t\2">([^<]+)</title>'
    r'<desc id="\1-d\2">([^<]+)</desc>'
)


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("path", OVERVIEWS + ENTITY_PAGES)
def test_page_has_accessible_inline_svg_and_table(built_site: Path, lang: str, path: str) -> None:
    html = (built_site / lang / path / "index.html").read_text(encoding="utf-8")
    charts = SVG.findall(html)
    assert charts, f"{lang}{path} has no accessible inline chart"
    for chart_id, _, title, desc in charts:
        assert title.strip() and desc.strip()
        assert f'<figure class="chart" id="{chart_id}" data-pagefind-ignore>' in html
        assert (built_site / lang / path / f"{chart_id}.vl.json").is_file()
    assert html.count('<details class="chart-table">') == len({chart_id for chart_id, *_ in charts})


def test_chart_table_numbers_match_the_data(built_site: Path) -> None:
    html = (built_site / "en" / "industries" / "index.html").read_text(encoding="utf-8")
    table = html.split('<figure class="chart" id="chart-industries" data-pagefind-ignore>', 1)[1].split("</figure>", 1)[
        0
    ]
    for name, v2020, v2025 in (("Chemicals", 128.73, 235), ("New materials", 30.27, 80)):
        cell = "<td[^>]*>([^<]*)</td>"
        row = re.search(rf"<tr><td[^>]*>{re.escape(name)}</td>{cell}{cell}{cell}</tr>", table)
        assert row and row.groups()[1:] == (numfmt.yi(v2020, "en"), numfmt.yi(v2025, "en")), name
    spec = json.loads((built_site / "industries" / "chart-industries.vl.json").read_text(encoding="utf-8"))
    values = spec["data"]["values"]
    assert {"label": "化工", "series": "2020", "value": 128.73} in [
        {k: r[k] for k in ("label", "series", "value")} for r in values
    ]
    targets = [r["value"] for r in values if r["series"] == "2025"]
    assert targets == sorted(targets, reverse=True)  # "sorted by the 2025 target", as the description says


@pytest.mark.parametrize("path", ["industries/", "industries/chemicals/"])
def test_chinese_labels_render_as_text_with_a_cjk_font(built_site: Path, path: str) -> None:
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    svgs = re.findall(r"<svg\b.*?</svg>", html.split('<div class="chart-svg">', 1)[1], flags=re.S)
    assert any("化工" in re.sub(r"<[^>]+>", "", svg) for svg in svgs)
    for svg in svgs:
        assert "Noto Sans CJK SC" in svg
        assert not re.search(r">\d+(\.\d+)?G<", svg)  # never d3's SI format for money


def _counts(project: Path) -> dict[str, int]:
    return json.loads((project / "cache" / "charts" / "last-build.json").read_text())


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_every_chart_is_drawn_and_a_changed_figure_changes_only_its_charts(
    fixture_project: Path, tmp_path: Path
) -> None:
    """The plan's charts are all drawn in Python (phone and wide drawings), so no build starts vl-convert."""
    project = tmp_path / "p"
    shutil.copytree(fixture_project, project, ignore=shutil.ignore_patterns("output", "cache"))  # a cold build
    out = project / "out"
    assert run_build(project, out, "--no-search").returncode == 0
    first = _counts(project)
    assert first["rendered"] == first["reused"] == 0 and first["drawn"] == first["charts"] > 0
    township_page = (out / "townships" / "east" / "index.html").read_text(encoding="utf-8")
    project_page = (out / "projects" / "rubber-plant" / "index.html").read_text(encoding="utf-8")
    overview = (out / "townships" / "index.html").read_text(encoding="utf-8")

    # a project's investment is drawn on its own page (its rank) and not on a township's
    _edit(project / "data" / "projects.yaml", "total_investment_wan: 30000", "total_investment_wan: 45000")
    assert run_build(project, out, "--no-search").returncode == 0
    new_page = (out / "projects" / "rubber-plant" / "index.html").read_text(encoding="utf-8")
    assert new_page != project_page and "4.5亿元" in new_page.split('class="chart-svg"', 1)[1]
    assert (out / "townships" / "east" / "index.html").read_text(encoding="utf-8") == township_page

    # a township figure: its chart and the townships overview's change
    _edit(project / "data" / "townships.yaml", "output: {2020: 60, 2025: 100}", "output: {2020: 60, 2025: 120}")
    assert run_build(project, out, "--no-search").returncode == 0
    assert "120亿元" in (out / "townships" / "east" / "index.html").read_text(encoding="utf-8").split("chart-svg", 1)[1]
    assert "120亿元" in (out / "townships" / "index.html").read_text(encoding="utf-8").split("chart-svg", 1)[1]
    assert (out / "townships" / "index.html").read_text(encoding="utf-8") != overview
