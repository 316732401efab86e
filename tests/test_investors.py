"""What an investor comes for (issue 25): every platform compared in one table (area, land and output targets, focus
industries, lead agency, contact, projects), a platform × industry matrix, contacts only with their source, the plan
saying what it does not state, and the site's own address for corrections in every footer."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from conftest import FIXTURES


def _rows(html: str, table_class: str) -> list[str]:
    table = re.search(rf'<table class="data[^"]*{table_class}[^"]*"[^>]*>(.*?)</table>', html, re.S)
    assert table, table_class
    return re.findall(r"<tr>(.*?)</tr>", table.group(1).split("<tbody>")[1], re.S)


def test_the_platforms_page_compares_every_platform(fixture_site: Path) -> None:
    platforms = yaml.safe_load((FIXTURES / "plan" / "data" / "platforms.yaml").read_text(encoding="utf-8"))["platforms"]
    for prefix, area, not_stated in (("", "10平方公里", "规划未写明"), ("en/", "10 km²", "not stated in the plan")):
        html = (fixture_site / prefix / "platforms" / "index.html").read_text(encoding="utf-8")
        rows = _rows(html, "compare-platforms")
        assert len(rows) == len(platforms)
        by_name = {pf["name"]["en" if prefix else "zh"]: row for pf in platforms for row in rows if pf["id"] in row}
        assert len(by_name) == len(platforms)  # each row links its platform
        main = next(row for name, row in by_name.items() if "main-park" in row)
        assert area in main and not_stated in main  # the main park has an area, no contact
        small = next(row for name, row in by_name.items() if "small-park" in row)
        assert "tel:057112345678" in small and "mailto:invest@small-park.test" in small
        assert 'class="prov prov-staff"' in small  # a contact is staff's, with its source
        assert 'id="matrix"' in html and "●" in html


def test_contacts_and_feedback_are_shown_only_where_the_data_gives_them(fixture_site: Path) -> None:
    small = (fixture_site / "en" / "platforms" / "small-park" / "index.html").read_text(encoding="utf-8")
    assert "<dt>Contact</dt>" in small and "Small Park Administrative Committee" in small
    main = (fixture_site / "platforms" / "main-park" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<dt>联系方式</dt><dd>规划未写明</dd>", main)
    for page in (small, main):
        assert '<a href="mailto:corrections@plan-site.test">' in page  # every footer: the site's feedback address
    about = (fixture_site / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert "Test City Economy and Information Technology Bureau" in about and "tel:057187654321" in about


def test_the_parks_table_shows_every_area_on_a_phone(browser: Any, site_url: str) -> None:
    """On the real site at 390 px: the comparison lists every platform with its area without "show all columns"."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{site_url}/en/platforms/")
        rows = page.locator("table.compare-platforms tbody tr")
        assert rows.count() >= 8
        for i in range(rows.count()):
            cells = rows.nth(i).locator("td:visible")
            texts = cells.all_inner_texts()
            assert any(re.search(r"km²|—", text) for text in texts), texts
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        context.close()
