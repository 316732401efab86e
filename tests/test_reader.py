"""Pages as readers see them, on a 390 px phone and a 1280 px screen, in both languages (the issue's Done-when).

One page load per page type and language; the checks run at 390 px, then again after the window is widened:

- no page scrolls sideways;
- no number in visible text has more than four decimals (nor in the chart tooltips and Vega-Lite specs);
- an English page shows no Han character outside an element marked ``lang="zh-CN"``;
- at 390 px every table shows its name and main-figure columns (``col-name``, ``col-main``) inside the screen;
- chart text is at least 11 CSS px at 390 px;
- the header is at most 100 px tall at 390 px, and its menu names the current section;
- the counterpart-language link keeps ``?…`` and ``#…``; a search for 橡胶 lists no title twice.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from playwright.sync_api import Page

from plugins.plan_explorer.pipeline import load_site
from plugins.plan_explorer.site import contexts as c
from plugins.plan_explorer.site.pages import all_pages
from plugins.plan_explorer.site.urls import SEARCH

PREFIX = {"zh": "", "en": "en/"}
NOT_FOUND = "no-such-page/"


def page_types(root: Path) -> list[str]:
    """One page of every type, from the site's own page plans (so a page type the site gains is read too, and a
    record staff add or remove changes nothing): every page of the site's own and every overview, the first
    record of each entity type, the first chapter showing a table of the plan and its side-by-side copy; the
    search page with a query (its results are part of it), and a missing page (the 404)."""
    site = load_site(root, root / "theme", history=False)
    seen: set[object] = set()
    paths = []
    pages = all_pages(site, "zh")
    tabled = {p.doc.id for p in pages if isinstance(p, c.ChapterPage) and p.tables and p.doc}  # chapters with tables
    for page in pages:
        key: object = page.address.path
        if isinstance(page, c.ChapterPage) and not isinstance(page, c.DocumentPage):
            if tabled and page.doc and page.doc.id not in tabled:
                continue  # the first chapter with a plan's table stands for the chapters
            key = (type(page), page.bilingual)
        elif page.kind in {e.kind for e in site.types if e.pages}:
            key = type(page)
        if key not in seen:
            seen.add(key)
            paths.append(page.address.path + ("?q={query}" if page.address.path == SEARCH else ""))
    return [*paths, NOT_FOUND]


QUERY = {"zh": "%E6%A9%A1%E8%83%B6", "en": "rubber"}  # 橡胶
LONG_DECIMALS = re.compile(r"\d\.\d{5,}")

#: Everything measured in one evaluation: what each check needs, from the page as laid out now.
MEASURE = """
() => {
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
    && getComputedStyle(el).visibility !== 'hidden';
  const width = window.innerWidth;
  const out = {width, scrollWidth: document.documentElement.scrollWidth, text: document.body.innerText};
  const han = /[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  out.hanOutsideZh = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!han.test(node.data) || !el || !visible(el) || el.closest('svg, script, style, [hidden]')) continue;
    const marked = el.closest('[lang]');
    if (!marked || !/^zh/i.test(marked.getAttribute('lang'))) out.hanOutsideZh.push(node.data.trim().slice(0, 40));
  }
  out.tables = [];
  for (const table of document.querySelectorAll('main table')) {
    if (!visible(table)) continue;
    // rows of a visually hidden header (clipped, as the explorer's on phones) are not shown
    const shown = (r) => {
      const b = r.getBoundingClientRect();
      const clip = r.parentElement === table ? 'auto' : getComputedStyle(r.parentElement).clip;
      return b.width > 2 && b.height > 2 && clip === 'auto';
    };
    const rows = [...table.rows].filter(shown).filter((r) => !r.classList.contains('group-head'));  // a group's heading
    const cells = (cls) => rows.map((r) => r.querySelector('.' + cls)).filter(Boolean);
    const outside = (cell) => {
      const b = cell.getBoundingClientRect();
      return b.left < -0.5 || b.right > width + 0.5 || b.width < 1;
    };
    out.tables.push({
      id: (table.closest('[id]') || {}).id || table.className,
      rows: rows.length,
      names: cells('col-name').length, mains: cells('col-main').length,
      hidden: cells('col-name').concat(cells('col-main')).filter(outside).length,
    });
  }
  out.smallText = [];
  for (const text of document.querySelectorAll('.chart-svg svg text')) {
    if (!visible(text)) continue;
    const size = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
    if (size < 11) out.smallText.push([text.textContent.slice(0, 20), Math.round(size * 10) / 10]);
  }
  out.titles = [...document.querySelectorAll('.chart-svg title')].map((t) => t.textContent);
  const header = document.querySelector('.site-header');
  out.header = header ? header.getBoundingClientRect().height : 0;
  const toggle = document.querySelector('.menu-toggle');
  out.menu = toggle && visible(toggle) ? toggle.textContent : null;
  const current = document.querySelector('.main-nav a[aria-current="page"]');
  out.current = current ? current.textContent.trim() : null;
  return out;
}
"""


def _check(page: Page, where: str, lang: str, phone: bool) -> list[str]:
    m: dict[str, Any] = page.evaluate(MEASURE)
    problems = []
    if m["scrollWidth"] > m["width"]:
        problems.append(f"scrolls sideways: {m['scrollWidth']} px in {m['width']}")
    problems += [f"long decimals: {x}" for x in LONG_DECIMALS.findall(m["text"] + " ".join(m["titles"]))]
    if lang == "en":
        problems += [f"Han outside lang=zh-CN: {x!r}" for x in m["hanOutsideZh"]]
    if phone:
        for table in m["tables"]:
            if table["names"] < table["rows"] or table["mains"] < table["rows"] or table["hidden"]:
                problems.append(f"table {table['id']}: name/main column missing or off-screen: {table}")
        problems += [f"chart text under 11 px: {x}" for x in m["smallText"]]
        if m["header"] > 100:
            problems.append(f"header {m['header']} px tall")
        if m["current"] and (m["menu"] is None or m["current"] not in m["menu"]):
            problems.append(f"the folded menu does not name the current section {m['current']!r}: {m['menu']!r}")
    return [f"{where} at {m['width']} px: {p}" for p in problems]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_type_reads_right_on_a_phone_and_a_desktop(page: Page, site_url: str, lang: str) -> None:
    problems = []
    pages = page_types(ROOT)
    assert len(pages) > 20 and "plan/" in pages and "projects/" in pages  # it finds the site's page types
    for path in (p.format(query=QUERY[lang]) for p in pages):
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(f"{site_url}/{PREFIX[lang]}{path}")
        if path.startswith("search/"):
            page.wait_for_selector("#search-results li", timeout=10000)
        problems += _check(page, f"/{PREFIX[lang]}{path}", lang, phone=True)
        page.set_viewport_size({"width": 1280, "height": 900})
        problems += _check(page, f"/{PREFIX[lang]}{path}", lang, phone=False)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_language_switch_keeps_the_query_and_the_fragment(page: Page, site_url: str, lang: str) -> None:
    other = PREFIX["en" if lang == "zh" else "zh"]
    page.goto(f"{site_url}/{PREFIX[lang]}projects/?type=implementation#projects-table")
    switch = page.locator("a.lang-switch")
    assert switch.get_attribute("href", timeout=5000).endswith(f"{other}projects/?type=implementation#projects-table")
    page.locator("select[name=sort]").select_option("-investment")  # the explorer rewrites its URL
    switch.focus()
    assert switch.get_attribute("href").endswith("?type=implementation&sort=-investment#projects-table")
    page.goto(f"{site_url}/{PREFIX[lang]}plan/background/#p-3")
    switch.click()
    page.wait_for_url(re.compile(rf"/{other}plan/background/#p-3$"))
    page.goto(f"{site_url}/{PREFIX[lang]}search/?q=rubber")
    switch.click()
    page.wait_for_url(re.compile(rf"/{other}search/\?q=rubber$"))


def test_a_search_lists_each_page_once(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/search/?q=%E6%A9%A1%E8%83%B6")
    page.wait_for_selector("#search-results li")
    titles = page.locator("#search-results h2 a").all_text_contents()
    assert titles and len(titles) == len(set(titles)), titles
    hrefs = page.locator("#search-results h2 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if "/bilingual/" in h]
    assert any(re.search(r"/plan/[a-z-]+/#p-\d+$", h) for h in hrefs), hrefs  # a chapter hit opens at its paragraph


def test_no_spec_or_tooltip_carries_false_precision(built_site: Path) -> None:
    """Every number in a chart's Vega-Lite spec has at most four decimals; so has every text of every page
    (chart tooltips included), and an English page's chart tooltips hold no Chinese."""
    problems = []
    for spec in built_site.rglob("*.vl.json"):
        numbers = re.findall(r"-?\d+\.\d+", json.dumps(json.loads(spec.read_text(encoding="utf-8"))))
        problems += [f"{spec.relative_to(built_site)}: {n}" for n in numbers if len(n.split(".")[1]) > 4]
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        text = re.sub(r"<[^>]+>", " ", html)
        problems += [f"{html_file.relative_to(built_site)}: {x}" for x in LONG_DECIMALS.findall(text)]
        if html_file.relative_to(built_site).parts[0] == "en":
            for title in re.findall(r"<title>([^<]*)</title>", html.split("<body", 1)[1]):
                if re.search(r"[\u4e00-\u9fff]", title):
                    problems.append(f"{html_file.relative_to(built_site)}: Chinese in a chart tooltip: {title}")
    assert problems == [], "\n".join(problems[:40])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_phone_menu_folds_and_opens_within_the_screen(page: Page, site_url: str, lang: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}/{PREFIX[lang]}industries/chemicals/")
    toggle, nav = page.locator(".menu-toggle"), page.locator("#main-nav")
    current = nav.locator('a[aria-current="page"]')
    assert nav.is_hidden() and toggle.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and current.is_visible()
    boxes = nav.locator("a").evaluate_all("links => links.map(a => a.getBoundingClientRect().right)")
    assert max(boxes) <= 390
    page.keyboard.press("Escape")
    assert nav.is_hidden()
    page.set_viewport_size({"width": 1280, "height": 900})
    assert nav.is_visible() and toggle.is_hidden()


def _page(built_site: Path, lang: str, path: str) -> str:
    return (built_site / PREFIX[lang] / path / "index.html").read_text(encoding="utf-8")


def test_references_read_as_words(built_site: Path) -> None:
    """Sources are named by chapter and section (第二章（三）发展目标), table rows in words, numbering once."""
    assert "第二章（三）发展目标" in _page(built_site, "zh", "") and "Chapter 2 (3) Development goals" in _page(
        built_site, "en", ""
    )
    assert ">二（三）发展目标<" not in _page(built_site, "zh", "")
    assert "表五第1行" in _page(built_site, "zh", "industries/equipment-manufacturing")
    assert "Table 5, row 1" in _page(built_site, "en", "industries/equipment-manufacturing")
    contents = _page(built_site, "en", "plan")
    assert '<ol class="toc-chapters">' in contents and "1. Development Background" in contents
    assert "badge" not in contents  # no "editorial" tags cluttering the contents: a quiet * explained once


def test_ties_stars_and_audit_marks(built_site: Path) -> None:
    with (built_site / "data" / "projects.csv").open(encoding="utf-8") as fh:
        totals = [float(r["total_investment_wan"]) for r in csv.DictReader(fh) if r["total_investment_wan"]]
    tied = next(t for t in sorted(set(totals), reverse=True) if totals.count(t) > 1)
    rank = 1 + sum(t > tied for t in totals)
    pages = "".join(p.read_text(encoding="utf-8") for p in (built_site / "en" / "projects").glob("*/index.html"))
    ranks = re.findall(r"rank (=?\d+) of \d+", pages)
    assert ranks.count(f"={rank}") == totals.count(tied) and str(rank) not in ranks  # a tie is shown as a tie
    zh = _page(built_site, "zh", "")
    assert '<p class="legend"><span class="star">★</span> 标★的项目' in zh  # the ★ explained in visible text
    for html_file in built_site.rglob("*.html"):
        if "audit" in html_file.parts:
            continue
        html = html_file.read_text(encoding="utf-8")
        assert not re.search(r'class="audit-mark[^>]*>[^<]*</a>\s*<a class="audit-mark', html), html_file


def test_the_chinese_data_page_is_chinese(built_site: Path) -> None:
    page = _page(built_site, "zh", "data")
    meanings = re.findall(r'<td class="col-main">(.*?)</td>', page)
    assert len(meanings) > 50
    plain = [re.sub(r'<span lang="en">[^<]*</span>|<[^>]+>', "", m) for m in meanings]
    assert not [m for m in plain if re.search(r"[A-Za-z]{3,}", m)], plain
    english = json.loads((built_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert all(
        not re.search(r"[\u4e00-\u9fff]{4,}", f["description"])
        for r in english["resources"]
        if "schema" in r
        for f in r["schema"]["fields"]
        if f["name"].endswith("_en")
    )  # the Data Package keeps English descriptions
