"""The plan's targets on the built site: the targets page (grouped, filterable by kind and entity, a plain list
without JavaScript), each entity's commitments on its page, paragraphs that state a target linked both ways with
it, the headline targets on the home page (units in the page's language) and the export on the data page.

Expectations come from the data (``data/targets.yaml``) and the built site's own export, never hard-coded counts."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from conftest import ROOT, load_data
from playwright.sync_api import Page, expect

from plugins.plan_explorer.model import records as m

PLAN = load_data(ROOT / "data")
FIRSTS = [t for t in PLAN.all(m.Target) if t.restates is None]
PREFIX = {"zh": "", "en": "en/"}


def html_of(site: Path, lang: str, path: str) -> str:
    return (site / PREFIX[lang] / path / "index.html").read_text(encoding="utf-8")


def rows_of(html: str) -> list[str]:
    return re.findall(r'<tr id="target-([a-z0-9-]+)" data-kind', html)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_targets_page_lists_every_commitment_once_grouped_with_every_place(built_site: Path, lang: str) -> None:
    html = html_of(built_site, lang, "targets")
    assert rows_of(html) == [t.id for t in sorted(FIRSTS, key=_group_order)]
    for restated in (t for t in PLAN.all(m.Target) if t.restates):
        assert f'<span id="target-{restated.id}"></span>' in html  # a link to a restatement lands on its row
    groups = re.findall(r'<section class="target-group" id="(group-[a-z0-9-]+)">', html)
    assert len(groups) == len({t.group.en for t in FIRSTS if t.group})
    assert not re.search(r"<(tr|section)[^>]* hidden", html)  # every row shown: the filters only ever hide
    row = re.search(r'<tr id="target-enterprises-10bn".*?</tr>', html, re.S).group()  # type: ignore[union-attr]
    assert row.count('class="prov"') == 2  # shape: 二（三）1 and 四（三）1 state it
    assert ("1 enterprise" if lang == "en" else "1家") in row
    assert "plan/approach/#p-8" in row and "plan/measures/#p-10" in row


def _group_order(target: m.Target) -> int:
    names = list(dict.fromkeys(t.group.en for t in FIRSTS if t.group))
    return names.index(target.group.en) if target.group else len(names)


def test_targets_export_is_on_the_data_page_and_in_the_package(built_site: Path) -> None:
    exported = list(csv.DictReader(io.StringIO((built_site / "data" / "targets.csv").read_text(encoding="utf-8"))))
    assert len(exported) == len(PLAN.all(m.Target))
    for lang in ("zh", "en"):
        page = html_of(built_site, lang, "data")
        assert 'id="targets"' in page and "targets.csv" in page
        assert 'id="industry_groups"' in page and "industry_groups.csv" in page and "total_2025" in page


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("indicators/gross-output", "gross-output-2025-stretch"),
        ("indicators/water-intensity-reduction", "water-use-reduction"),
        ("industries/digital-economy", "digital-economy-enterprises"),
        ("industries/new-materials", "solar-pv-generation-2025"),
        ("platforms/datong-industrial-park", "datong-listed-companies"),
        ("platforms/micro-enterprise-parks", "provincial-micro-parks-2025"),
        ("reforms", "tax-per-mu-multiple"),
        ("industries", "emerging-output-2025"),
    ],
)
def test_entity_pages_list_their_targets(built_site: Path, path: str, target: str) -> None:
    for lang in ("zh", "en"):
        html = html_of(built_site, lang, path)
        assert f"targets/#target-{target}" in html, (lang, path)


def test_an_entity_lists_exactly_the_commitments_that_belong_to_it(built_site: Path) -> None:
    for record_path in ("industries/digital-economy", "platforms/hitech-park", "indicators/digitalisation"):
        mine = {t.id for t in FIRSTS if t.entity == record_path}
        listed = set(re.findall(r"targets/#target-([a-z0-9-]+)", html_of(built_site, "en", record_path)))
        assert listed == mine, record_path


def test_paragraphs_and_targets_link_both_ways(built_site: Path) -> None:
    for lang in ("zh", "en"):
        chapter = html_of(built_site, lang, "plan/approach")
        p8 = re.search(r'<div class="para" id="p-8">.*?</div>', chapter, re.S).group()  # type: ignore[union-attr]
        stated = {t.id for t in FIRSTS if t.source.ref == "ch2-3" and t.source.paragraph == 8}
        assert set(re.findall(r"targets/#target-([a-z0-9-]+)", p8)) == stated
        assert "data-pagefind-ignore" in p8
    targets = html_of(built_site, "en", "targets")
    paragraphs = set(re.findall(r'href="\.\./plan/([a-z-]+)/#(p-\d+)"', targets.replace("../../en/", "../")))
    assert len(paragraphs) > 15
    for chapter, anchor in paragraphs:
        assert f'id="{anchor}"' in html_of(built_site, "en", f"plan/{chapter}")


def test_headline_targets_on_the_home_page_have_units_in_the_pages_language(built_site: Path) -> None:
    headline = [t for t in FIRSTS if t.headline]
    assert headline  # how many: test_acceptance
    en, zh = html_of(built_site, "en", ""), html_of(built_site, "zh", "")
    cards = re.findall(r'<li class="card"><span class="big">([^<]+)</span><span><a href="[^"]*targets/', en)
    assert len(cards) == len(headline)
    assert "480 enterprises" in cards and "1 enterprise" in cards and "CNY 80 billion" in cards and "12,000 mu" in cards
    assert "480家" in re.findall(r'<span class="big">([^<]+)</span>', zh)
    assert not [c for c in cards if re.search(r"[\u3400-\u9fff]", c)]
    # every commitment, the tables' own included (a table's target the text restates counted once): as /targets/
    assert "All 112 commitments" in en and "全部112项目标" in zh


def test_targets_filters_by_kind_and_entity(site_url: str, page: Page) -> None:
    kinds = Counter(t.kind for t in FIRSTS)
    platforms = [t for t in FIRSTS if t.entity.startswith("platforms/")]
    datong = [t for t in FIRSTS if t.entity == "platforms/datong-industrial-park"]
    page.goto(f"{site_url}/en/targets/")
    count = page.get_by_test_id("target-count")
    rows = page.locator("section.target-group tbody tr:visible")
    expect(count).to_have_text(str(len(FIRSTS)))
    page.select_option("select[name=kind]", "count")
    expect(count).to_have_text(str(kinds["count"]))
    expect(rows).to_have_count(kinds["count"])
    assert dict(parse_qsl(urlsplit(page.url).query)) == {"kind": "count"}
    page.select_option("select[name=kind]", "")
    page.select_option("select[name=entity]", "type:platforms")
    expect(rows).to_have_count(len(platforms))
    page.select_option("select[name=entity]", "platforms/datong-industrial-park")
    expect(rows).to_have_count(len(datong))
    expect(page.locator("section.target-group:visible")).to_have_count(1)
    page.select_option("select[name=kind]", "growth")
    expect(count).to_have_text("0")
    expect(page.locator("#targets-empty")).to_be_visible()
    page.reload()  # the filters live in the URL
    expect(page.locator("select[name=entity]")).to_have_value("platforms/datong-industrial-park")
    expect(count).to_have_text("0")
    page.click("#targets-reset")
    expect(rows).to_have_count(len(FIRSTS))
    assert urlsplit(page.url).query == ""


def test_targets_page_is_a_plain_list_without_javascript(site_url: str, page_nojs: Page) -> None:
    page_nojs.goto(f"{site_url}/targets/")
    expect(page_nojs.locator("#target-filters")).to_be_hidden()
    expect(page_nojs.locator("section.target-group tbody tr:visible")).to_have_count(len(FIRSTS))
