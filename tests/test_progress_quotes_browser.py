"""Issue 25 in Chromium on the real site, both languages, at 390 px and 1280 px: /progress/ after the period (no
"not yet measurable", the period's end said, the same count of commitments as the home page and /targets/, groups
folded on a phone), /en/targets/ quoting in English with the Chinese one tap away, and a table's base beside its
target on a phone. axe stays clean on these pages."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import ROOT, real_commitments
from playwright.sync_api import expect

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
PHONE, WIDE = {"width": 390, "height": 844}, {"width": 1280, "height": 900}


def _axe(page: Any) -> list[Any]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]]


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("size", [PHONE, WIDE], ids=["390", "1280"])
def test_progress_after_the_period_and_one_count(browser: Any, site_url: str, lang: str, size: dict[str, int]) -> None:
    context = browser.new_context(viewport=size)
    page = context.new_page()
    counts = []
    for path in ("", "targets/"):
        page.goto(f"{site_url}/{lang}{path}")
        counts.append(page.get_by_test_id("commitment-count").first.get_attribute("data-count"))
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    page.goto(f"{site_url}/{lang}progress/")
    counts.append(page.get_by_test_id("commitment-count").get_attribute("data-count"))
    n = real_commitments()
    assert counts == [str(n.total)] * 3  # one count of the commitments on all three pages
    expect(page.locator("#period-ended")).to_be_visible()
    body = page.locator("main").inner_text()
    if lang:
        assert "not yet measurable" not in body.lower() and "ended at the close of 2025" in body
        assert "published statistics" in body
    else:
        assert "尚无法衡量" not in body and "已于2025年底结束" in body
    rows = page.locator("#progress-table tr[data-subject]")
    assert rows.count() == n.total
    expect(page.get_by_test_id("count-no_outcome")).to_have_text(str(n.total))
    assert page.locator("[data-testid=count-not_measurable]").count() == 0
    assert page.locator("#status-achieved").count() == 0  # nothing recorded: no row of zeros to misquote
    visible = page.locator("#progress-table tr[data-subject]:visible").count()
    assert visible == (0 if size is PHONE else n.total)  # a phone shows the groups folded
    if size is PHONE:
        page.locator("nav.toc a[href='#progress-group-1']").click()
        expect(page.locator("#progress-group-1 tr[data-subject]").first).to_be_visible()
        assert page.evaluate("document.documentElement.scrollHeight") < 20000  # not 33,000 px of identical rows
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    assert _axe(page) == []
    context.close()


@pytest.mark.parametrize("size", [PHONE, WIDE], ids=["390", "1280"])
def test_english_targets_quote_in_english_with_the_chinese_one_tap_away(
    browser: Any, site_url: str, size: dict[str, int]
) -> None:
    context = browser.new_context(viewport=size)
    page = context.new_page()
    page.goto(f"{site_url}/en/targets/")
    row = page.locator("tr#target-chemicals-output-2025")
    quote = row.locator("q.quote").first
    expect(quote).to_contain_text("the chemical industry will reach CNY 23.5 billion or more")
    assert quote.get_attribute("lang") is None  # English, in the page's language
    original = row.locator("details.quote-original q")
    expect(original).to_be_hidden()
    row.locator("details.quote-original summary").click()  # one tap
    expect(original).to_be_visible()
    expect(original).to_have_attribute("lang", "zh-CN")
    expect(original).to_contain_text("实现化工产业规上工业总产值235亿元以上")
    text = real_commitments().text
    assert page.locator("details.quote-original").count() == text
    assert page.locator("q.quote.muted[lang='zh-CN']").count() == 0  # no quote left in Chinese only
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    page.evaluate("document.querySelectorAll('details.quote-original').forEach(d => d.open = true)")
    assert _axe(page) == []
    page.goto(f"{site_url}/targets/")  # the Chinese page quotes the Chinese, with nothing to open
    assert page.locator("details.quote-original").count() == 0 and page.locator("q.quote").count() == text
    context.close()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_a_tables_base_stands_beside_its_target_on_a_phone(browser: Any, site_url: str, lang: str) -> None:
    phone = browser.new_context(viewport=PHONE)
    page = phone.new_page()
    page.goto(f"{site_url}/{lang}indicators/")
    table = page.locator("table.prio").first
    head = table.locator("thead th.col-main")
    assert head.inner_text().split() == ["2020", "→", "2025"]  # the base year above the target year
    cell = table.locator("tbody tr").first.locator("td.col-main")
    expect(cell.locator(".phone-base")).to_be_visible()
    expect(cell).to_contain_text("491.2亿元 →" if not lang else "CNY 49.12 billion →")
    expect(table.locator("tbody td.opt").first).to_be_hidden()
    page.locator(".more-cols input").first.check()  # every column: the base has its own again
    expect(cell.locator(".phone-base")).to_be_hidden()
    expect(table.locator("tbody td.opt").first).to_be_visible()
    assert _axe(page) == []
    page.goto(f"{site_url}/{lang}industries/")
    expect(page.locator("table.prio tbody td.col-main .phone-base").first).to_be_visible()
    phone.close()
    wide = browser.new_context(viewport=WIDE)
    page = wide.new_page()
    page.goto(f"{site_url}/{lang}indicators/")
    expect(page.locator("table.prio tbody td.col-main .phone-base").first).to_be_hidden()  # its own column shows
    assert page.locator("table.prio thead th.col-main").first.inner_text().strip() == "2025"
    wide.close()
