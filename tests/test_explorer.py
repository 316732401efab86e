"""Investor explorer (/projects/, /en/projects/): filters, sorting, shareable URL state, CSV download, no-JS fallback.

Every expectation is computed from the built site's own open data (``data/projects.csv`` and
``data/platforms.csv``) and formatted with the server's formatter, never hard-coded.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
import yaml
from conftest import ROOT, copy_project, run_build, serve
from playwright.sync_api import Page, expect

from plugins.plan_explorer.numfmt import plain, wan, wan_total

Row = dict[str, str]

URL_KEYS = ["type", "industry", "platform", "township", "major", "min_investment", "start_from", "start_to", "sort"]
PREFIX = {"zh": "", "en": "en/"}
UI = yaml.safe_load((ROOT / "theme" / "i18n.yaml").read_text(encoding="utf-8"))
CSV_FIELDS = [  # the selection CSV's columns in order (explorer.js), by key; their headings come from the page
    *("id", "seq", "name", "type", "industry", "platform", "township", "location", "start_year", "end_year"),
    *("total_investment", "plan_investment", "builder", "origin", "major"),
]
WAN_PER_UNIT = {"zh": 10000, "en": 100}  # the money field is in 亿元 (zh) or CNY million (en); the URL in 万元


def amount(wan_value: Decimal | str, lang: str) -> str:
    """What the money field shows for a minimum of ``wan_value`` 万元."""
    return plain(Decimal(wan_value) / WAN_PER_UNIT[lang], grouping=False)


# ---- the data, read from the built site ---------------------------------------------------------


def read_csv(path: Path) -> list[Row]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def projects(built_site: Path) -> list[Row]:
    rows = read_csv(built_site / "data" / "projects.csv")
    assert rows  # how many: test_acceptance
    return sorted(rows, key=lambda r: int(r["seq"]))


@pytest.fixture(scope="module")
def parents(built_site: Path) -> dict[str, str]:
    return {r["id"]: r["parent"] for r in read_csv(built_site / "data" / "platforms.csv") if r["parent"]}


def dec(cell: str) -> Decimal | None:
    return Decimal(cell) if cell else None


def select(rows: list[Row], parents: dict[str, str], **f: str) -> list[Row]:
    """The rows the explorer should show for the filters ``f`` (URL keys), in plan order."""
    out = []
    for r in rows:
        if f.get("type") and r["type"] != f["type"]:
            continue
        if f.get("industry") and r["industry"] != f["industry"]:
            continue
        if f.get("platform") and f["platform"] not in (r["platform"], parents.get(r["platform"])):
            continue
        if f.get("township") and r["township"] != f["township"]:
            continue
        if f.get("major") and r["hangzhou_major"] != "true":
            continue
        total = dec(r["total_investment_wan"])
        if f.get("min_investment") and (total is None or total < Decimal(f["min_investment"])):
            continue
        start = dec(r["start_year"])
        if f.get("start_from") and (start is None or start < Decimal(f["start_from"])):
            continue
        if f.get("start_to") and (start is None or start > Decimal(f["start_to"])):
            continue
        out.append(r)
    return out


def total_of(rows: list[Row]) -> Decimal:
    return sum((dec(r["total_investment_wan"]) or Decimal(0) for r in rows), Decimal(0))


def nulls_last(column: str, direction: int) -> Callable[[Row], tuple[Any, ...]]:
    def key(r: Row) -> tuple[Any, ...]:
        value = dec(r[column])
        return (value is None, direction * (value or 0), int(r["seq"]))

    return key


SORT_KEYS = {
    "-investment": nulls_last("total_investment_wan", -1),
    "investment": nulls_last("total_investment_wan", 1),
    "-plan_investment": nulls_last("plan_investment_wan", -1),
    "start": nulls_last("start_year", 1),
}


def most_common(rows: list[Row], column: str) -> str:
    """The id in ``column`` shared by the most projects (at least two); ties by id."""
    counts = Counter(r[column] for r in rows if r[column])
    value, n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    assert n >= 2
    return value


# ---- the page -------------------------------------------------------------------------------------


def query(**state: str) -> str:
    """The explorer's canonical query string: non-empty keys in the explorer's stable order."""
    pairs = [(k, state[k]) for k in URL_KEYS if state.get(k)]
    return "?" + urlencode(pairs) if pairs else ""


def open_explorer(page: Page, base: str, lang: str = "zh", **state: str) -> list[str]:
    """Open the explorer with ``state`` in the URL; returns the list that collects script errors."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{base}/{PREFIX[lang]}projects/{query(**state)}")
    expect(page.locator("#explorer")).to_be_visible()
    return errors


def visible_ids(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "#projects-table tbody tr", "rows => rows.filter(r => r.offsetParent !== null).map(r => r.dataset.id)"
    )


def url_state(page: Page) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(page.url).query)


def expect_result(page: Page, rows: list[Row], lang: str) -> None:
    expect(page.get_by_test_id("result-count")).to_have_text(str(len(rows)))
    expect(page.get_by_test_id("result-total")).to_have_text(wan_total(float(total_of(rows)), lang))
    assert sorted(visible_ids(page)) == sorted(r["id"] for r in rows)


# ---- filters --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_industry_filter_from_url_shows_the_data_count_and_total(
    page: Page, site_url: str, projects: list[Row], parents: dict[str, str], lang: str
) -> None:
    industry = most_common(projects, "industry")
    expected = select(projects, parents, industry=industry)
    errors = open_explorer(page, site_url, lang, industry=industry)
    expect(page.locator("select[name=industry]")).to_have_value(industry)
    expect_result(page, expected, lang)
    assert visible_ids(page) == [r["id"] for r in expected]  # default order: plan order (seq)
    total = page.get_by_test_id("result-total").text_content() or ""
    assert total.endswith(("亿元", "万元") if lang == "zh" else ("billion", "million"))  # a sum, in the reader's unit
    assert errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_on_a_phone_each_project_shows_its_investment_within_the_screen(
    page: Page, site_url: str, projects: list[Row], parents: dict[str, str], lang: str
) -> None:
    width = 375
    page.set_viewport_size({"width": width, "height": 800})
    kind = most_common(projects, "type")
    expected = select(projects, parents, type=kind)
    errors = open_explorer(page, site_url, lang, type=kind)
    expect_result(page, expected, lang)  # the rows filtered out stay hidden in the phone layout too
    for row in expected:
        total = page.locator(f'#projects-table tr[data-id="{row["id"]}"] td.num').first
        expect(total).to_have_text(wan(dec(row["total_investment_wan"]), lang))
        box = total.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, row["id"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert errors == []


LAYOUT_SHIFTS = """
window.layoutShift = 0;
new PerformanceObserver(list => list.getEntries().forEach(e => {
  if (!e.hadRecentInput) window.layoutShift += e.value;  // a shift the reader caused (a tap) is no jump
})).observe({type: 'layout-shift', buffered: true});
"""


@pytest.mark.parametrize("width", [375, 1280])
def test_the_page_does_not_jump_when_the_explorer_starts(page: Page, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.add_init_script(LAYOUT_SHIFTS)
    errors = open_explorer(page, site_url)
    if width < 700:  # phones: the filters are folded behind one button from the first paint
        expect(page.locator("#explorer select[name=type]")).to_be_hidden()
        page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
        assert page.evaluate("window.layoutShift") < 0.05
        page.locator("#explorer-fold").click()
        expect(page.locator("#explorer-fold")).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#explorer select[name=type]")).to_be_visible()
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")  # painted
    shift = page.evaluate("window.layoutShift")
    # The form is in place from the first paint (revealed by the script it measured 0.44 at 375 px, 0.11 at
    # 1280 px); what may remain is the table's columns settling while its rows stream in (~0.01).
    assert shift < 0.05, shift
    assert errors == []


def test_industry_and_major_combine(page: Page, site_url: str, projects: list[Row], parents: dict[str, str]) -> None:
    # an industry with both Hangzhou major and other projects, so the second filter really narrows
    industry = next(
        i
        for i in sorted({r["industry"] for r in projects if r["industry"]})
        if 0 < len(select(projects, parents, industry=i, major="1")) < len(select(projects, parents, industry=i))
    )
    expected = select(projects, parents, industry=industry, major="1")
    errors = open_explorer(page, site_url, industry=industry, major="1")
    expect(page.locator("input[name=major]")).to_be_checked()
    expect_result(page, expected, "zh")
    assert errors == []


def test_type_and_min_investment_combine_inclusively(
    page: Page, site_url: str, projects: list[Row], parents: dict[str, str]
) -> None:
    kind = most_common(projects, "type")
    totals = sorted(
        dec(r["total_investment_wan"]) for r in select(projects, parents, type=kind) if r["total_investment_wan"]
    )
    threshold = totals[len(totals) // 2]  # an actual value: "at least" includes it
    expected = select(projects, parents, type=kind, min_investment=str(threshold))
    assert 0 < len(expected) < len(select(projects, parents, type=kind))
    assert any(dec(r["total_investment_wan"]) == threshold for r in expected)
    errors = open_explorer(page, site_url, "en", type=kind, min_investment=str(threshold))
    expect(page.locator("input[name=min_amount]")).to_have_value(amount(threshold, "en"))
    expect_result(page, expected, "en")
    assert errors == []


def test_platform_filter_includes_the_platforms_within_it(
    page: Page, site_url: str, projects: list[Row], parents: dict[str, str]
) -> None:
    parent = next(p for p in sorted(set(parents.values())) if any(parents.get(r["platform"]) == p for r in projects))
    expected = select(projects, parents, platform=parent)
    assert any(r["platform"] != parent for r in expected)
    open_explorer(page, site_url, platform=parent)
    expect_result(page, expected, "zh")


def test_start_year_range(page: Page, site_url: str, projects: list[Row], parents: dict[str, str]) -> None:
    years = sorted({int(r["start_year"]) for r in projects if r["start_year"]})
    low, high = years[1], years[-2]
    expected = select(projects, parents, start_from=str(low), start_to=str(high))
    assert 0 < len(expected) < len(projects)
    open_explorer(page, site_url, start_from=str(low), start_to=str(high))
    expect_result(page, expected, "zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_township_and_industry_total_is_formatted_like_the_server(
    page: Page, site_url: str, lang: str, projects: list[Row], parents: dict[str, str]
) -> None:
    errors = open_explorer(page, site_url, lang)
    for name in ("township", "industry"):
        control = page.locator(f"select[name={name}]")
        for value in control.locator("option").evaluate_all("os => os.map(o => o.value).filter(Boolean)"):
            control.select_option(value)
            expect_result(page, select(projects, parents, **{name: value}), lang)
        control.select_option("")
    expect_result(page, projects, lang)
    assert errors == []


def test_unknown_values_in_the_url_are_ignored(page: Page, site_url: str, projects: list[Row]) -> None:
    errors = open_explorer(
        page,
        site_url,
        type="<b>x</b>",
        industry="no-such-industry",
        platform="'\"",
        major="yes",
        min_investment="lots",
        start_from="20x",
        sort="cheapest",
    )
    expect_result(page, projects, "zh")
    for name in ("type", "industry", "platform", "township", "sort"):
        expect(page.locator(f"select[name={name}]")).to_have_value("")
    expect(page.locator("input[name=major]")).not_to_be_checked()
    assert url_state(page) == []
    assert page.locator("#explorer b").count() == 0
    assert errors == []


# ---- sorting --------------------------------------------------------------------------------------


@pytest.mark.parametrize("sort", list(SORT_KEYS))
def test_sort_orders_the_visible_rows(page: Page, site_url: str, projects: list[Row], sort: str) -> None:
    open_explorer(page, site_url, sort=sort)
    assert visible_ids(page) == [r["id"] for r in sorted(projects, key=SORT_KEYS[sort])]


def test_sort_by_investment_within_a_filter(
    page: Page, site_url: str, projects: list[Row], parents: dict[str, str]
) -> None:
    industry = most_common(projects, "industry")
    expected = sorted(select(projects, parents, industry=industry), key=SORT_KEYS["-investment"])
    open_explorer(page, site_url, industry=industry, sort="-investment")
    assert visible_ids(page) == [r["id"] for r in expected]
    page.locator("select[name=sort]").select_option("")
    assert visible_ids(page) == [r["id"] for r in sorted(expected, key=lambda r: int(r["seq"]))]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sort_by_name_uses_the_page_language_collation(
    page: Page, site_url: str, projects: list[Row], lang: str
) -> None:
    open_explorer(page, site_url, lang, sort="name")
    locale = "zh-CN" if lang == "zh" else "en"
    pairs = [[r[f"name_{lang}"], int(r["seq"])] for r in projects]
    order = page.evaluate(
        "([pairs, locale]) => { const c = new Intl.Collator(locale);"
        " return pairs.slice().sort((a, b) => c.compare(a[0], b[0]) || a[1] - b[1]); }",
        [pairs, locale],
    )
    by_seq = {int(r["seq"]): r["id"] for r in projects}
    assert visible_ids(page) == [by_seq[seq] for _, seq in order]
    if lang == "zh":  # pinyin order, not code-point order
        assert [name for name, _ in order] != sorted(name for name, _ in pairs)


# ---- URL state ------------------------------------------------------------------------------------


def test_changing_controls_updates_the_url_in_a_stable_order(
    page: Page, site_url: str, projects: list[Row], parents: dict[str, str]
) -> None:
    errors = open_explorer(page, site_url)
    assert url_state(page) == []
    industry = most_common(projects, "industry")
    # set in the reverse of the URL order: the URL keeps its own stable order
    page.locator("select[name=sort]").select_option("-investment")
    page.locator("input[name=start_from]").fill("2019")
    page.locator("input[name=major]").check()
    page.locator("select[name=industry]").select_option(industry)
    state = {"industry": industry, "major": "1", "start_from": "2019", "sort": "-investment"}
    expect(page).to_have_url(f"{site_url}/projects/{query(**state)}")
    assert [k for k, _ in url_state(page)] == ["industry", "major", "start_from", "sort"]
    expect_result(page, select(projects, parents, **state), "zh")
    page.locator("input[name=start_from]").fill("")
    page.locator("input[name=major]").uncheck()
    expect(page).to_have_url(f"{site_url}/projects/{query(industry=industry, sort='-investment')}")
    assert errors == []


def test_reload_keeps_the_state(page: Page, site_url: str, projects: list[Row], parents: dict[str, str]) -> None:
    township = most_common(projects, "township")
    open_explorer(page, site_url, "en")
    page.locator("select[name=township]").select_option(township)
    page.locator("select[name=sort]").select_option("-plan_investment")
    page.locator("input[name=min_amount]").fill("1")  # CNY 1 million: 100万元 in the URL
    url = f"{site_url}/en/projects/{query(township=township, min_investment='100', sort='-plan_investment')}"
    expect(page).to_have_url(url)
    page.reload()
    expect(page).to_have_url(url)
    expect(page.locator("select[name=township]")).to_have_value(township)
    expect(page.locator("select[name=sort]")).to_have_value("-plan_investment")
    expect(page.locator("input[name=min_amount]")).to_have_value("1")
    expected = sorted(
        select(projects, parents, township=township, min_investment="100"), key=SORT_KEYS["-plan_investment"]
    )
    expect_result(page, expected, "en")
    assert visible_ids(page) == [r["id"] for r in expected]


def test_reset_clears_every_filter(page: Page, site_url: str, projects: list[Row], parents: dict[str, str]) -> None:
    industry = most_common(projects, "industry")
    open_explorer(page, site_url, industry=industry, major="1", min_investment="1", start_to="2030")
    page.locator("#explorer-reset").click()
    expect_result(page, projects, "zh")
    expect(page.locator("#explorer-empty")).to_be_hidden()
    assert url_state(page) == []
    expect(page.locator("select[name=industry]")).to_have_value("")
    expect(page.locator("input[name=major]")).not_to_be_checked()
    expect(page.locator("input[name=min_amount]")).to_have_value("")


# ---- CSV ------------------------------------------------------------------------------------------


def download_csv(page: Page) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.locator("#explorer-csv").click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def names(built_site: Path, collection: str, lang: str) -> dict[str, str]:
    return {r["id"]: r[f"name_{lang}"] for r in read_csv(built_site / "data" / f"{collection}.csv")}


def csv_headings(page: Page) -> list[str]:
    """The headings the page gives its selection CSV, in the explorer's column order."""
    raw = page.locator("script[data-csv-headings]").get_attribute("data-csv-headings") or "{}"
    headings = json.loads(raw)
    return [headings[key] for key in CSV_FIELDS if key in headings]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_csv_has_exactly_the_visible_rows_in_order(
    page: Page, site_url: str, built_site: Path, projects: list[Row], parents: dict[str, str], lang: str
) -> None:
    industry = most_common(projects, "industry")
    open_explorer(page, site_url, lang, industry=industry, sort="-investment")
    filename, raw = download_csv(page)
    assert filename == page.locator("script[data-filename]").get_attribute("data-filename")
    assert filename.endswith(".csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    got = list(csv.reader(io.StringIO(text, newline="")))
    headings = csv_headings(page)
    assert got[0] == headings
    money = [h for h in headings if h.endswith("（万元）" if lang == "zh" else "(CNY million)")]
    assert len(money) == 2  # shape: total and planned investment say their unit in the reader's language
    expected = sorted(select(projects, parents, industry=industry), key=SORT_KEYS["-investment"])
    assert [r[0] for r in got[1:]] == [r["id"] for r in expected] == visible_ids(page)
    industries, platforms = names(built_site, "industries", lang), names(built_site, "platforms", lang)
    townships = names(built_site, "townships", lang)
    per_unit = 1 if lang == "zh" else 100
    origins = page.eval_on_selector_all(
        "#projects-table tr[data-id]", "rows => Object.fromEntries(rows.map(r => [r.dataset.id, r.dataset.origin]))"
    )
    for row, want in zip(got[1:], expected, strict=True):
        assert row == [
            want["id"],
            want["seq"],
            want[f"name_{lang}"],
            UI[f"project.type.{want['type']}"][lang],
            industries.get(want["industry"], ""),
            platforms.get(want["platform"], ""),
            townships.get(want["township"], ""),
            want[f"location_{lang}"],
            want["start_year"],
            want["end_year"],
            plain(Decimal(want["total_investment_wan"]) / per_unit, grouping=False),
            plain(Decimal(want["plan_investment_wan"]) / per_unit, grouping=False)
            if want["plan_investment_wan"]
            else "",
            want[f"builder_{lang}"],
            want["origin_zh"] if lang == "zh" else origins[want["id"]],  # the export has no English origin
            UI["common.yes" if want["hangzhou_major"] == "true" else "common.no"][lang],
        ]


def test_csv_of_an_empty_result_has_only_the_header(page: Page, site_url: str) -> None:
    open_explorer(page, site_url, min_investment="999999999999")
    expect(page.get_by_test_id("result-count")).to_have_text("0")
    expect(page.locator("#explorer-empty")).to_be_visible()
    _, raw = download_csv(page)
    assert raw.decode("utf-8-sig") == ",".join(csv_headings(page)) + "\r\n"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_money_field_is_in_the_readers_unit_with_presets(
    page: Page, site_url: str, projects: list[Row], parents: dict[str, str], lang: str
) -> None:
    """An investor types 亿元 (zh) or CNY million (en), or picks "at least 1亿 / 10亿"; shared links keep 万元."""
    errors = open_explorer(page, site_url, lang)
    page.locator("button[data-min-wan='100000']").click()  # ≥ 10亿元 / CNY 1 billion
    expect(page.locator("input[name=min_amount]")).to_have_value("10" if lang == "zh" else "1000")
    expect(page).to_have_url(re.compile(r"[?&]min_investment=100000$"))
    expect_result(page, select(projects, parents, min_investment="100000"), lang)
    page.locator("input[name=min_amount]").fill("1" if lang == "zh" else "100")  # 1亿元 = CNY 100 million
    expect(page).to_have_url(re.compile(r"[?&]min_investment=10000$"))
    expect_result(page, select(projects, parents, min_investment="10000"), lang)
    assert errors == []


# ---- without JavaScript ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_javascript_all_rows_show_and_the_form_stays_hidden(
    page_nojs: Page, site_url: str, projects: list[Row], lang: str
) -> None:
    industry = most_common(projects, "industry")
    page_nojs.goto(f"{site_url}/{PREFIX[lang]}projects/?industry={industry}&sort=name")
    expect(page_nojs.locator("#explorer")).to_be_hidden()
    assert visible_ids(page_nojs) == [r["id"] for r in projects]
    expect(page_nojs.locator("noscript p")).to_contain_text(wan_total(float(total_of(projects)), lang))


# ---- links into the explorer ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "key"), [("industries", "industry"), ("platforms", "platform"), ("townships", "township")]
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_detail_pages_link_into_the_explorer_pre_filtered(
    page: Page, site_url: str, projects: list[Row], parents: dict[str, str], section: str, key: str, lang: str
) -> None:
    if key == "platform":  # a platform with platforms within it: its link must include their projects
        ident = max(sorted(set(parents.values())), key=lambda p: len(select(projects, parents, platform=p)))
    else:
        ident = most_common(projects, key)
    expected = select(projects, parents, **{key: ident})
    assert len(expected) >= 2
    page.goto(f"{site_url}/{PREFIX[lang]}{section}/{ident}/")
    link = page.locator(f'a[href$="projects/?{key}={ident}"]')
    expect(link).to_have_count(1)
    # the detail page lists the same projects the explorer will show
    listed = page.locator("table.data tbody a[href*='/projects/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href').split('/').filter(Boolean).pop())"
    )
    assert sorted(listed) == sorted(r["id"] for r in expected)
    link.click()
    expect(page).to_have_url(f"{site_url}/{PREFIX[lang]}projects/?{key}={ident}")
    expect(page.locator(f"select[name={key}]")).to_have_value(ident)
    expect_result(page, expected, lang)


# ---- a plan with an investment to be decided and a hostile name -----------------------------------

HOSTILE_NAME = '=SUM(1,2) "quoted", name'


@pytest.fixture(scope="module")
def odd_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The real plan with one project's total investment 待定 and one English name that looks like a formula."""
    root = copy_project(tmp_path_factory.mktemp("odd"))
    if (ROOT / "cache").is_dir():
        shutil.copytree(ROOT / "cache", root / "cache")
    path = root / "data" / "projects.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = doc["projects"]
    # the undecided project has no platform or township: their overviews cannot sum a missing total
    tbd = next(p for p in items if not p.get("platform") and not p.get("township") and p.get("industry"))
    tbd["total_investment_wan"] = None
    items[0]["name"]["en"] = HOSTILE_NAME
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = root / "output"
    result = run_build(root, out)
    assert result.returncode == 0, result.stderr
    for base in serve(out):
        yield base, out


def test_investment_to_be_decided_sorts_last_and_adds_nothing(page: Page, odd_site: tuple[str, Path]) -> None:
    base, out = odd_site
    rows = sorted(read_csv(out / "data" / "projects.csv"), key=lambda r: int(r["seq"]))
    tbd = [r for r in rows if not r["total_investment_wan"]]
    assert len(tbd) == 1
    for sort in ("-investment", "investment"):
        open_explorer(page, base, sort=sort)
        ids = visible_ids(page)
        assert ids == [r["id"] for r in sorted(rows, key=SORT_KEYS[sort])]
        assert ids[-1] == tbd[0]["id"]
    industry = tbd[0]["industry"]
    expected = select(rows, {}, industry=industry)
    open_explorer(page, base, "en", industry=industry)
    expect_result(page, expected, "en")
    open_explorer(page, base, industry=industry, min_investment="0")
    assert tbd[0]["id"] not in visible_ids(page)


def test_csv_quotes_fields_and_defuses_formulas(page: Page, odd_site: tuple[str, Path]) -> None:
    base, out = odd_site
    rows = sorted(read_csv(out / "data" / "projects.csv"), key=lambda r: int(r["seq"]))
    open_explorer(page, base, "en")
    _, raw = download_csv(page)
    text = raw.decode("utf-8-sig")
    assert '"\'=SUM(1,2) ""quoted"", name"' in text
    got = list(csv.reader(io.StringIO(text, newline="")))[1:]
    assert [r[0] for r in got] == [r["id"] for r in rows]
    assert got[0][2] == "'" + HOSTILE_NAME
    tbd = next(r for r in got if not r[10])  # the total investment column
    assert tbd[0] == next(r["id"] for r in rows if not r["total_investment_wan"])
    # the name is shown as text on the page, never as markup
    expect(page.locator("#projects-table tbody tr").first).to_contain_text(HOSTILE_NAME)


# ---- for investors (issue 25) ---------------------------------------------------------------------


def test_headings_sort_and_the_selection_chart_follows_the_filters(
    page: Page, site_url: str, projects: list[Row], parents: dict[str, str]
) -> None:
    """A heading's button sorts by its column (again: the other way) with aria-sort, the URL and the sort menu
    following; the developer and origin columns are there; while a filter is set, a chart of the selection's
    investment by industry adds up to the result line's total."""
    errors = open_explorer(page, site_url, "en")
    heading = page.locator("#projects-table th[data-sort=investment]")
    heading.get_by_role("button").click()
    expect(heading).to_have_attribute("aria-sort", "descending")
    expect(page.locator("#explorer select[name=sort]")).to_have_value("-investment")
    assert ("sort", "-investment") in url_state(page)
    assert visible_ids(page) == [r["id"] for r in sorted(projects, key=SORT_KEYS["-investment"])]
    heading.get_by_role("button").click()
    expect(heading).to_have_attribute("aria-sort", "ascending")
    builder = page.locator("#projects-table th[data-sort=builder]")
    builder.get_by_role("button").click()
    expect(builder).to_have_attribute("aria-sort", "ascending")
    expect(heading).to_have_attribute("aria-sort", "none")
    assert ("sort", "builder") in url_state(page)
    first = page.locator("#projects-table tbody tr").first
    expect(first.locator("td[data-label=Developer]")).to_have_text(first.get_attribute("data-builder") or "x")
    chart = page.locator("#explorer-selection")
    expect(chart).to_be_hidden()  # no filter: the page's own charts show every project
    industry = most_common(projects, "industry")
    page.select_option("#explorer select[name=industry]", industry)
    expect(chart).to_be_visible()
    rows = select(projects, parents, industry=industry)
    expect(chart.locator(".bar-value")).to_have_text([wan_total(float(total_of(rows)), "en")])
    assert errors == []
