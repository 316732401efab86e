"""Site search (/search/, /en/search/): Pagefind index per language, Chinese queries, filters, URL state, safety.

Chinese queries are checked against the built pages themselves: a query must find exactly the pages
whose indexed text contains it. Stock Pagefind missed many of them because its index-time and
browser-side Chinese word splitting disagree (亿元: 2 of 86 pages, 合金 and 梅城镇: none).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
import yaml
from conftest import ROOT, serve
from playwright.sync_api import Page, expect

from plugins.plan_explorer.search import ZWSP, han_separated_html

PREFIX = {"zh": "", "en": "en/"}
UI = yaml.safe_load((ROOT / "theme" / "i18n.yaml").read_text(encoding="utf-8"))
RESULT_TAGS = {"LI", "H2", "A", "SPAN", "P", "MARK"}

# Real vocabulary of the plan: companies, places, products, measures. The second group are words that
# stock Pagefind found on none or only a few of their pages.
ZH_TERMS = [
    "橡胶",
    "农夫山泉",
    "通航",
    "光伏",
    "装机",
    "有机硅",
    "碳酸钙",
    "水泥",
    "无人机",
    "新安化工",
    "航空小镇",
    "纳米",
    "万洋",
    "五金工具",
    "跨境电商",
    "亩均",
    "数字化",
    "生物医药",
    "专精特新",
    "碳达峰",
    "中策橡胶",
    "梅城镇",
    "合金",
    "亿元",
    "电池",
    "产值",
    "低压电器",
    "新安江街道",
    "大慈岩镇",
    "粉末",
    "招商",
]
EN_TERMS = ["rubber", "solar", "aviation", "cement", "silicone", "mineral water", "digital transformation"]


# ---- what the built pages say --------------------------------------------------------------------

BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
SKIPPED = {"script", "style", "nav", "form", "footer", "template", "noscript"}


class IndexedText(HTMLParser):
    """The text of a page's ``data-pagefind-body`` element, as Pagefind indexes it (skipped elements left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.inside = False
        self.skip: tuple[str, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "main" and "data-pagefind-body" in names:
            self.inside = True
        elif self.skip and self.skip[0] == tag:
            self.skip = (tag, self.skip[1] + 1)
        elif not self.skip and (tag in SKIPPED or "data-pagefind-ignore" in names):
            self.skip = (tag, 1)
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.inside = False
        if self.skip and self.skip[0] == tag:
            self.skip = (tag, self.skip[1] - 1) if self.skip[1] > 1 else None
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.inside and not self.skip:
            self.parts.append(data)


def indexed_text(path: Path) -> str:
    parser = IndexedText()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.parts)


@pytest.fixture(scope="module")
def zh_pages(built_site: Path) -> dict[str, str]:
    """URL path -> indexed text of every Chinese page in the search index."""
    pages = {}
    for path in built_site.rglob("index.html"):
        rel = path.relative_to(built_site)
        if rel.parts[0] in ("en", "pagefind"):
            continue
        text = indexed_text(path)
        if text.strip():
            pages["/" if rel.parent == Path(".") else f"/{rel.parent.as_posix()}/"] = text
    return pages


def containing(pages: dict[str, str], term: str) -> set[str]:
    return {url for url, text in pages.items() if term in text}


# ---- driving the search page ----------------------------------------------------------------------


def done_pattern(lang: str) -> re.Pattern[str]:
    """Status text once a search has finished: a count, or "no results"."""
    count = r"\d+".join(re.escape(part) for part in UI["search.count"][lang].split("{count}"))
    options = [count, re.escape(UI["search.count_one"][lang]), re.escape(UI["search.none"][lang])]
    return re.compile("^(" + "|".join(options) + ")$")


def finish(page: Page, lang: str) -> list[str]:
    """Waits for the search to finish, loads every page of results, returns the result URL paths."""
    status = page.locator("#search-status")
    expect(status).to_have_text(done_pattern(lang))
    items = page.locator("#search-results > li")
    more = page.locator("#search-more")
    while more.is_visible():
        shown = items.count()
        more.get_by_role("button").click()
        expect(items).not_to_have_count(shown)
    match = re.search(r"\d+", status.inner_text())
    total = int(match.group()) if match else 0
    hrefs = page.locator("#search-results > li h2 a").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) == total, "the status count and the listed results disagree"
    return [urlsplit(href).path for href in hrefs]


def search(page: Page, base: str, query: str, lang: str = "zh", kind: str | None = None) -> list[str]:
    params = {"q": query} | ({"type": kind} if kind else {})
    page.goto(f"{base}/{PREFIX[lang]}search/?{urlencode(params)}")
    return finish(page, lang)


# ---- the index -------------------------------------------------------------------------------------


def test_one_index_per_language_and_one_language_per_page(built_site: Path) -> None:
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    counts = {"zh-cn": 0, "en": 0}
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if "data-pagefind-body" in html and path.relative_to(built_site).parts[0] != "pagefind":
            lang = re.search(r'<html lang="([^"]+)"', html).group(1).lower()
            assert lang == ("en" if path.relative_to(built_site).parts[0] == "en" else "zh-cn"), path
            assert "bilingual" not in path.parts, f"{path}: one search result per chapter, not its side-by-side copy"
            counts[lang] += 1
    assert counts["zh-cn"] > 90 and counts["en"] == counts["zh-cn"]
    assert {lang: index["page_count"] for lang, index in entry["languages"].items()} == counts


def test_the_published_pages_are_not_altered_for_the_index(built_site: Path) -> None:
    """Only the copy Pagefind reads has its Han characters separated; the site keeps its own text."""
    assert not [p for p in built_site.rglob("*.html") if ZWSP in p.read_text(encoding="utf-8")]
    page = (built_site / "projects" / "zhongce-rubber-chunqiu-expansion" / "index.html").read_text(encoding="utf-8")
    copy = han_separated_html(page)
    assert copy.replace(ZWSP, "") == page
    assert f"{ZWSP}中{ZWSP}策{ZWSP}橡{ZWSP}胶" in copy
    assert '<span data-pagefind-filter="type">项目</span>' in copy  # filter values stay whole
    assert '<span data-pagefind-filter="location">下涯镇</span>' in copy


# ---- Chinese ------------------------------------------------------------------------------------


def test_rubber_finds_the_zhongce_project_first(page: Page, site_url: str) -> None:
    results = search(page, site_url, "橡胶")
    assert "/projects/zhongce-rubber-chunqiu-expansion/" in results[:3]


def test_nongfu_spring_finds_its_project(page: Page, site_url: str) -> None:
    results = search(page, site_url, "农夫山泉")
    assert "/projects/nongfu-spring-phases-5-7/" in results[:3]


def test_general_aviation_finds_the_industry_and_the_aviation_town(page: Page, site_url: str) -> None:
    results = search(page, site_url, "通航")
    assert "/industries/equipment-manufacturing/" in results
    assert "/platforms/aviation-town/" in results


def test_a_word_from_the_middle_of_a_sentence_is_found(page: Page, site_url: str, zh_pages: dict[str, str]) -> None:
    assert "太阳能光伏装机容量" in zh_pages["/industries/new-materials/"]  # 装机 sits inside a longer phrase
    results = search(page, site_url, "装机")
    assert "/industries/new-materials/" in results
    assert set(results) == containing(zh_pages, "装机")
    marks = page.locator("#search-results mark").all_inner_texts()
    assert marks and set(marks) == {"装机"}  # one highlight per occurrence, not one per character


@pytest.mark.parametrize("term", ZH_TERMS)
def test_plan_vocabulary_finds_exactly_the_pages_containing_it(
    page: Page, site_url: str, zh_pages: dict[str, str], term: str
) -> None:
    expected = containing(zh_pages, term)
    assert expected, f"{term} is not in the plan"
    results = search(page, site_url, term)
    assert len(results) >= 1
    assert set(results) == expected
    assert len(results) == len(set(results))


def test_a_word_absent_from_the_plan_finds_nothing(page: Page, site_url: str, zh_pages: dict[str, str]) -> None:
    assert not containing(zh_pages, "集装箱")  # stock Pagefind returned 19 unrelated pages for it
    assert search(page, site_url, "集装箱") == []
    expect(page.locator("#search-status")).to_have_text(UI["search.none"]["zh"])


def test_several_words_must_all_occur(page: Page, site_url: str, zh_pages: dict[str, str]) -> None:
    expected = containing(zh_pages, "梅城镇") & containing(zh_pages, "低压电器")
    assert expected
    assert set(search(page, site_url, "梅城镇 低压电器")) == expected


def test_chinese_results_are_chinese_pages(page: Page, site_url: str) -> None:
    results = search(page, site_url, "橡胶")
    assert results and not [url for url in results if url.startswith("/en/")]


# ---- English ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("rubber", ["/en/projects/zhongce-rubber-chunqiu-expansion/", "/en/industries/rubber-plastics-metal/"]),
        ("solar", ["/en/industries/new-materials/", "/en/projects/conch-pv-storage/"]),
        (
            "aviation",
            [
                "/en/platforms/aviation-town/",
                "/en/industries/equipment-manufacturing/",
                "/en/projects/avic-general-aviation/",
            ],
        ),
    ],
)
def test_english_terms_find_the_english_pages(page: Page, site_url: str, term: str, expected: list[str]) -> None:
    results = search(page, site_url, term, "en")
    assert set(expected) <= set(results[:5])
    assert all(url.startswith("/en/") for url in results)


@pytest.mark.parametrize("term", EN_TERMS)
def test_english_vocabulary_stays_in_english(page: Page, site_url: str, term: str) -> None:
    results = search(page, site_url, term, "en")
    assert results and all(url.startswith("/en/") for url in results)


# ---- filters, URL state, links ---------------------------------------------------------------------


def test_type_filter_narrows_to_projects(page: Page, site_url: str) -> None:
    everything = search(page, site_url, "橡胶")
    projects = search(page, site_url, "橡胶", kind=UI["kind.project"]["zh"])
    expect(page.locator("#search-type")).to_have_value(UI["kind.project"]["zh"])
    assert projects and set(projects) < set(everything)
    assert all(re.fullmatch(r"/projects/[^/]+/", url) for url in projects)
    assert set(page.locator("#search-results .type").all_inner_texts()) == {UI["kind.project"]["zh"]}
    assert projects[0] == "/projects/zhongce-rubber-chunqiu-expansion/"


def test_choosing_a_type_searches_again_and_updates_the_url(page: Page, site_url: str) -> None:
    search(page, site_url, "aviation", "en")
    page.select_option("#search-type", UI["kind.platform"]["en"])
    expect(page).to_have_url(re.compile(r"/en/search/\?q=aviation&type=Platform$"))
    results = finish(page, "en")
    assert "/en/platforms/aviation-town/" in results
    assert all(url.startswith("/en/platforms/") for url in results)


def test_submitting_the_form_puts_the_query_in_the_url(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/search/")
    expect(page.locator("#search-status")).to_have_text(UI["search.ready"]["zh"])
    page.fill("#search-q", "农夫山泉")
    page.press("#search-q", "Enter")
    expect(page).to_have_url(f"{site_url}/search/?{urlencode({'q': '农夫山泉'})}")
    assert "/projects/nongfu-spring-phases-5-7/" in finish(page, "zh")


def test_opening_the_search_url_directly_shows_results(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/search/?q=橡胶")
    expect(page.locator("#search-q")).to_have_value("橡胶")
    expect(page.locator("#search-results > li").first).to_be_visible()
    assert finish(page, "zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_header_search_box_leads_to_results(page: Page, site_url: str, lang: str) -> None:
    query = {"zh": "橡胶", "en": "rubber"}[lang]
    page.goto(f"{site_url}/{PREFIX[lang]}projects/")
    page.fill("header #q", query)
    page.press("header #q", "Enter")
    expect(page).to_have_url(re.compile(rf"/{PREFIX[lang]}search/\?q="))
    results = finish(page, lang)
    assert (f"/{PREFIX[lang]}projects/zhongce-rubber-chunqiu-expansion/") in results[:3]


def test_result_links_open_the_pages(page: Page, site_url: str) -> None:
    search(page, site_url, "通航")
    page.locator("#search-results > li h2 a").first.click()
    expect(page.locator("h1")).to_contain_text("通航")


@pytest.fixture(scope="module")
def subpath_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served under /plan-explorer/, as on a project host."""
    root = tmp_path_factory.mktemp("subpath")
    (root / "plan-explorer").symlink_to(built_site, target_is_directory=True)
    for url in serve(root):
        yield url + "/plan-explorer"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_result_links_work_under_a_base_path(page: Page, subpath_url: str, lang: str) -> None:
    query = {"zh": "农夫山泉", "en": "Nongfu Spring"}[lang]
    results = search(page, subpath_url, query, lang)
    target = f"/plan-explorer/{PREFIX[lang]}projects/nongfu-spring-phases-5-7/"
    assert target in results
    assert all(url.startswith(f"/plan-explorer/{PREFIX[lang]}") for url in results)
    page.locator(f'#search-results a[href="{target}"]').click()
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    expect(page.locator("h1")).to_be_visible()


# ---- rendering and safety ---------------------------------------------------------------------------


def test_results_are_built_from_text_and_marks_only(page: Page, site_url: str) -> None:
    search(page, site_url, "中策橡胶")
    tags = set(page.locator("#search-results *").evaluate_all("els => els.map(e => e.tagName)"))
    assert tags <= RESULT_TAGS and "MARK" in tags
    title = page.locator("#search-results > li h2 a").first.inner_text()
    assert ZWSP not in title and ZWSP not in page.locator("#search-results").inner_text()


def test_a_hostile_query_is_treated_as_text(page: Page, site_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    query = '<img src=x onerror=alert(1)>"橡胶"'
    page.goto(f"{site_url}/search/?{urlencode({'q': query})}")
    finish(page, "zh")
    expect(page.locator("#search-q")).to_have_value(query)
    assert page.locator("main img").count() == 0 and not dialogs
    tags = set(page.locator("#search-results *").evaluate_all("els => els.map(e => e.tagName)"))
    assert tags <= RESULT_TAGS


def test_more_results_load_on_request(page: Page, site_url: str, zh_pages: dict[str, str]) -> None:
    expected = containing(zh_pages, "项目")
    assert len(expected) > 20
    page.goto(f"{site_url}/search/?q=项目")
    expect(page.locator("#search-status")).to_have_text(done_pattern("zh"))
    expect(page.locator("#search-results > li")).to_have_count(20)
    expect(page.locator("#search-more")).to_be_visible()
    assert set(finish(page, "zh")) == expected
    expect(page.locator("#search-more")).to_be_hidden()


def test_an_index_that_cannot_load_is_reported(page: Page, site_url: str) -> None:
    page.route("**/pagefind/pagefind.js", lambda route: route.abort())
    page.goto(f"{site_url}/en/search/?q=rubber")
    expect(page.locator("#search-status")).to_have_text(UI["search.error"]["en"])
    expect(page.locator("#search-results > li")).to_have_count(0)


def test_without_javascript_the_page_says_so(page_nojs: Page, site_url: str) -> None:
    page_nojs.goto(f"{site_url}/search/?q=橡胶")
    expect(page_nojs.locator("#search-status")).to_have_text(UI["search.nojs"]["zh"])


def test_the_service_client_skips_log_lines_and_fails_waiting_replies_when_pagefind_stops() -> None:
    """Pagefind's service writes replies and its own log lines to one stream; a stopped service fails the build."""
    import base64
    import io
    import threading

    from plugins.plan_explorer.errors import BuildFailed
    from plugins.plan_explorer.search import PagefindService

    reply = {"message_id": 1, "payload": {"type": "NewIndex", "index_id": 0}}
    stream = b"WARN: a log line, with commas," + base64.b64encode(json.dumps(reply).encode()) + b",crashed"
    service = PagefindService.__new__(PagefindService)  # its reader only, on a recorded stream
    service._replies, service._arrived = {}, threading.Condition()
    service._process = type("Recorded", (), {"stdout": io.BufferedReader(io.BytesIO(stream))})()
    service._read_replies()
    assert service.reply(1) == reply["payload"]
    with pytest.raises(BuildFailed, match="crashed"):
        service.reply(2)


# ---- what a reader gets back (issue 15) --------------------------------------------------------------


def test_glossary_synonyms_find_the_terms_pages(page: Page, site_url: str) -> None:
    """ "drone" is a synonym of the glossary's "unmanned aerial vehicle" (the text's word): both find its pages."""
    drone = search(page, site_url, "drone", "en")
    assert "/en/industries/equipment-manufacturing/" in drone
    assert set(drone) == set(search(page, site_url, "unmanned aerial vehicle", "en")) | set(
        search(page, site_url, "UAV", "en")
    )


def test_a_query_that_finds_nothing_is_offered_the_other_language_and_the_glossary(page: Page, site_url: str) -> None:
    """ "rubber" on the Chinese site finds nothing: the page offers the English search for it and the glossary's
    Chinese (橡塑制品), each a link that finds something; "tire" (singular) finds the pages "tyres" finds."""
    assert search(page, site_url, "rubber", "zh") == []
    box = page.locator("#search-suggest")
    expect(box).to_be_visible()
    other = box.locator("a[lang=en]", has_text="rubber")
    assert urlsplit(other.get_attribute("href") or "").path.endswith("/en/search/")
    expect(box.get_by_role("link", name="橡塑制品", exact=True)).to_be_visible()
    box.get_by_role("link", name="橡塑制品", exact=True).click()
    assert finish(page, "zh") != []
    expect(page.locator("#search-suggest")).to_be_hidden()  # results: no suggestion
    page.goto(f"{site_url}/search/?q=rubber")
    finish(page, "zh")
    page.locator("#search-suggest a[lang=en]").click()
    assert "/en/projects/zhongce-rubber-chunqiu-expansion/" in finish(page, "en")
    assert set(search(page, site_url, "tire", "en")) == set(search(page, site_url, "tyres", "en")) != set()
    assert search(page, site_url, "不存在的词语", "en") == []
    expect(page.locator("#search-suggest a[lang=zh-CN]")).to_have_text("不存在的词语")


def test_each_language_index_holds_only_its_language(page: Page, site_url: str) -> None:
    """English text on Chinese pages (side-by-side copies, names marked lang="en") is not in the Chinese index."""
    assert search(page, site_url, "rubber", "zh") == []
    assert search(page, site_url, "中策橡胶", "en") == []


def test_excerpts_keep_labels_and_values_apart(page: Page, site_url: str) -> None:
    search(page, site_url, "chemicals", "en")
    excerpts = page.locator("#search-results > li p").all_inner_texts()
    assert excerpts
    joined = " ".join(excerpts)
    assert not re.search(r"\d{4}CNY|auditaudit|审计审计|核对核对", joined), joined


def test_titles_are_clean_and_chapter_hits_open_at_their_paragraph(page: Page, site_url: str) -> None:
    search(page, site_url, "橡胶")
    titles = page.locator("#search-results > li h2 a").all_inner_texts()
    assert not [t for t in titles if re.search(r"编辑补|editorial|\*", t)], titles
    hrefs = page.locator("#search-results > li h2 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    chapters = [h for h in hrefs if "/plan/" in h]
    assert chapters and all(re.search(r"#(p|sec)-\d+$", h) for h in chapters), chapters
    page.locator(f'#search-results a[href="{chapters[0]}"]').click()
    anchor = chapters[0].rsplit("#", 1)[1]
    expect(page.locator(f"#{anchor}")).to_contain_text("橡胶")
