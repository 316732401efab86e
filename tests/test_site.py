"""The real site built into a temp dir: both languages, counterparts, hreflang, links, cross-links, figures."""

from __future__ import annotations

import csv
import functools
import html
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from plugins.plan_explorer import numfmt
from plugins.plan_explorer.site.sitemap import robots_txt

COLLECTIONS = ("indicators", "industries", "platforms", "projects", "townships")


class Parsed(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.links: list[str] = []
        self.assets: list[str] = []
        self.alternates: dict[str, str] = {}
        self.canonical = ""
        self.ids: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "link" and a.get("rel") == "alternate" and "type" not in a:  # not the feed
            self.alternates[a["hreflang"]] = a["href"]
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a["href"]
        if (
            tag in ("link", "script", "img")
            and (a.get("href") or a.get("src"))
            and a.get("rel") not in ("alternate", "canonical")
        ):
            self.assets.append(a.get("href") or a.get("src") or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@functools.cache  # a page is parsed once per run: the link check reads the page a fragment points into per link
def parse(path: Path) -> Parsed:
    parsed = Parsed()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


def ids(site: Path, collection: str) -> list[str]:
    with (site / "data" / f"{collection}.csv").open(encoding="utf-8") as fh:
        return [row["id"] for row in csv.DictReader(fh)]


def resolve(site: Path, page: Path, href: str) -> Path | None:
    href = href.split("#", 1)[0].split("?", 1)[0]
    if not href or re.match(r"^[a-z]+:", href):
        return None
    target = site / href.lstrip("/") if href.startswith("/") else page.parent / href
    if href.endswith("/") or target.is_dir():
        target = target / "index.html"
    return Path(os.path.normpath(target))


def html_pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "pagefind" not in p.parts]


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_every_entity_has_both_language_pages(built_site: Path, collection: str) -> None:
    for ident in ids(built_site, collection):
        zh = built_site / collection / ident / "index.html"
        en = built_site / "en" / collection / ident / "index.html"
        assert zh.is_file() and en.is_file(), ident
        assert parse(zh).lang == "zh-CN" and parse(en).lang == "en"


def test_counterparts_and_hreflang(built_site: Path) -> None:
    for page in html_pages(built_site):
        rel = page.relative_to(built_site)
        parsed = parse(page)
        is_en = rel.parts[0] == "en"
        assert parsed.lang == ("en" if is_en else "zh-CN"), rel
        other = built_site / rel.relative_to("en") if is_en else built_site / "en" / rel
        assert other.is_file(), f"{rel} has no counterpart"
        if rel.name == "404.html":
            continue
        targets = {resolve(built_site, page, h) for h in parsed.links}
        assert other in targets, f"{rel} does not link to its counterpart"
        assert set(parsed.alternates) == {"zh-CN", "en", "x-default"}, rel
        for lang, href in parsed.alternates.items():
            target = resolve(built_site, built_site / "index.html", href)
            assert target is not None and target.is_file(), (rel, lang, href)
        assert parsed.canonical == parsed.alternates["en" if is_en else "zh-CN"], rel


def test_no_broken_internal_link_or_asset(built_site: Path) -> None:
    broken = []
    for page in html_pages(built_site):
        parsed = parse(page)
        for href in parsed.links + parsed.assets:
            target = resolve(built_site, page, href)
            if target is not None and not target.exists():
                broken.append(f"{page.relative_to(built_site)} → {href}")
                continue
            fragment = href.split("#", 1)[1] if "#" in href else ""
            if target is not None and fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                broken.append(f"{page.relative_to(built_site)} → {href} (no such anchor)")
    assert not broken, "\n".join(broken[:30])


def test_no_external_resources(built_site: Path) -> None:
    for page in html_pages(built_site):
        for asset in parse(page).assets:
            assert not re.match(r"^(https?:)?//", asset), (page, asset)


def test_project_pages_show_investment_in_both_formats(built_site: Path) -> None:
    with (built_site / "data" / "projects.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            total = float(row["total_investment_wan"]) if row["total_investment_wan"] else None
            zh = " ".join(parse(built_site / "projects" / row["id"] / "index.html").text)
            en = " ".join(parse(built_site / "en" / "projects" / row["id"] / "index.html").text)
            assert numfmt.wan(total, "zh") in zh, row["id"]
            assert numfmt.wan(total, "en") in en, row["id"]
    wanyang = " ".join(parse(built_site / "en" / "projects" / "wanyang-innovation-city" / "index.html").text)
    assert "CNY 3.5 billion" in wanyang
    assert "35亿元" in " ".join(parse(built_site / "projects" / "wanyang-innovation-city" / "index.html").text)


def test_cross_links_are_symmetric(built_site: Path) -> None:
    with (built_site / "data" / "projects.csv").open(encoding="utf-8") as fh:
        projects = list(csv.DictReader(fh))
    for lang_dir in (built_site, built_site / "en"):
        for row in projects:
            page = lang_dir / "projects" / row["id"] / "index.html"
            links = {resolve(built_site, page, h) for h in parse(page).links}
            for collection, key in (("industries", "industry"), ("platforms", "platform"), ("townships", "township")):
                if not row[key]:
                    continue
                other = lang_dir / collection / row[key] / "index.html"
                assert other in links, (row["id"], key)
                back = {resolve(built_site, other, h) for h in parse(other).links}
                assert page in back, f"{collection}/{row[key]} does not list {row['id']}"


def test_english_pages_are_english(built_site: Path) -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    for name in ("", "industries/", "projects/", "platforms/hitech-park/", "indicators/gross-output/"):
        parsed = parse(built_site / "en" / name / "index.html")
        text = " ".join(parsed.text)
        chinese = "".join(han.findall(text))
        # names may appear alongside their translation (e.g. the language switch "中文"); prose may not
        assert len(chinese) < 0.02 * len(text), (name, chinese[:80])


def test_sitemap_robots_favicon_404(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="zh-CN" href="/projects/wanyang-innovation-city/"' in sitemap
    assert 'hreflang="en" href="/en/projects/wanyang-innovation-city/"' in sitemap
    assert "Sitemap:" not in (built_site / "robots.txt").read_text(encoding="utf-8")  # no SITEURL: no absolute URL
    assert robots_txt("https://plan.example") == "User-agent: *\nAllow: /\nSitemap: https://plan.example/sitemap.xml\n"
    assert (built_site / "favicon.ico").stat().st_size > 0
    assert (built_site / "404.html").is_file() and (built_site / "en" / "404.html").is_file()
    # served for any missing URL, so its relative links resolve against the site root, not the missing path
    assert '<base href="/">' in (built_site / "404.html").read_text(encoding="utf-8")
    assert '<base href="/en/">' in (built_site / "en" / "404.html").read_text(encoding="utf-8")


def test_chapters_have_paragraph_permalinks_and_bilingual_mode(built_site: Path) -> None:
    zh = parse(built_site / "plan" / "background" / "index.html")
    en = parse(built_site / "en" / "plan" / "background" / "index.html")
    paragraph_ids = {i for i in zh.ids if i.startswith("p-")}
    assert len(paragraph_ids) > 5 and paragraph_ids == {i for i in en.ids if i.startswith("p-")}
    both = " ".join(parse(built_site / "en" / "plan" / "background" / "bilingual" / "index.html").text)
    assert "491.2亿元" in both and "CNY 49.12 billion" in both
    measures = (built_site / "plan" / "measures" / "index.html").read_text(encoding="utf-8")
    assert measures.count('class="editorial"') >= 2  # the two reconstructed headings of chapter 四


def _platform_cards(page: Path) -> dict[str, str]:
    """The platforms overview's cards: platform id → the card's line under the name."""
    text = page.read_text(encoding="utf-8")
    pattern = r'<li class="card"><a href="[^"]*platforms/([a-z0-9-]+)/"><strong>[^<]*</strong></a><span>([^<]*)</span>'
    return dict(re.findall(pattern, text))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_platform_cards_count_their_projects_and_an_empty_one_says_so(built_site: Path, lang: str) -> None:
    with (built_site / "data" / "platforms.csv").open(encoding="utf-8") as fh:
        parent = {row["id"]: row["parent"] for row in csv.DictReader(fh)}
    with (built_site / "data" / "projects.csv").open(encoding="utf-8") as fh:
        projects = list(csv.DictReader(fh))
    phrases = yaml.safe_load((ROOT / "theme" / "i18n.yaml").read_text(encoding="utf-8"))
    cards = _platform_cards(built_site / ("en/" if lang == "en" else "") / "platforms" / "index.html")
    assert set(cards) == set(parent)
    for platform in parent:
        mine = [p for p in projects if platform in (p["platform"], parent.get(p["platform"]))]  # and its children
        total = numfmt.wan_total(sum(float(p["total_investment_wan"] or 0) for p in mine), lang)
        key = {0: "none", 1: "one"}.get(len(mine), "many")
        expected = phrases[f"platform.projects.{key}"][lang].format(count=len(mine), total=total)
        assert html.unescape(cards[platform]) == expected, platform
    assert phrases["platform.projects.none"][lang] in cards.values()  # the real plan has such a platform


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_table_in_the_side_by_side_chapter_is_in_the_pages_language(built_site: Path, lang: str) -> None:
    with (built_site / "data" / "history.csv").open(encoding="utf-8") as fh:
        first = next(csv.DictReader(fh))  # 表一's first series
    other = "zh" if lang == "en" else "en"
    page = built_site / ("en/" if lang == "en" else "") / "plan" / "background" / "bilingual" / "index.html"
    table = page.read_text(encoding="utf-8").split('id="table-history"', 1)[1].split("</table>", 1)[0]
    assert f'<th scope="row" class="col-name">{html.escape(first[f"name_{lang}"])}</th>' in table
    assert html.escape(first[f"name_{other}"]) not in table
    assert numfmt.yi(float(first["value"]), lang) in table
