"""Any plan: a sample plan of a fictional county and another period, with fewer collections, builds from its data
alone; nothing of either plan shows on the other's pages; what a plan lacks leaves no page and no link."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from conftest import FIXTURES, ROOT, build_here, run_build

SAMPLE = FIXTURES / "sample-county"
TEXT = {".html", ".csv", ".json", ".xml", ".txt"}
#: what only the real plan says: its places, title, period name and years (2025 is the sample's base year too)
REAL_ONLY = ["建德", "Jiande", "杭州", "Hangzhou", "浙江", "Zhejiang", "新安江", "十四五", "14th Five-Year"]
REAL_YEARS = [str(y) for y in range(2016, 2025)]
SAMPLE_ONLY = ["鹿溪", "Luxi", "十五五", "15th Five-Year", "示例", "sample"]
SAMPLE_YEARS = [str(y) for y in range(2026, 2031)]
LACKING = ["townships", "history", "innovation_platforms", "reforms", "policies"]


MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: the dates of the data's releases (footer, citations, data package), which are the site's, not the plan's
RELEASE_DATES = re.compile(
    rf"\d{{4}}-\d\d-\d\d[\dT:.+-]*|\d{{4}}年\d{{1,2}}月\d{{1,2}}日"
    rf"|\d{{1,2}} (?:{MONTHS}) \d{{4}}|\d{{4}}, (?:{MONTHS}) \d{{1,2}}"
)


def site_texts(site: Path) -> dict[str, str]:
    """The site's text files (the change history, which may quote any data of the past, left out), without the
    dates of its data releases."""
    return {
        str(p.relative_to(site)): RELEASE_DATES.sub("<release date>", p.read_text(encoding="utf-8"))
        for p in site.rglob("*")
        if p.is_file() and p.suffix in TEXT and "pagefind" not in p.parts and "changes" not in p.parts
    }


def sample_project(dest: Path) -> Path:
    """A copy of the sample plan's folder (data and content)."""
    shutil.copytree(SAMPLE, dest)
    return dest


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "output"
    result = run_build(ROOT, out, "--plan", str(SAMPLE), "--no-search")
    assert result.returncode == 0, result.stderr
    assert "built" in result.stdout and "Traceback" not in result.stderr
    return out


def _found(texts: dict[str, str], words: list[str], years: list[str]) -> list[tuple[str, str]]:
    hits = [(name, w) for name, text in texts.items() for w in words if w in text]
    year = re.compile(rf"(?<![\d.])(?:{'|'.join(years)})(?![\d])")
    hits += [(name, m.group()) for name, text in texts.items() for m in year.finditer(text)]
    return hits


def test_the_sample_plan_shows_nothing_of_the_real_one(sample_site: Path) -> None:
    texts = site_texts(sample_site)
    assert len(texts) > 50
    assert _found(texts, REAL_ONLY, REAL_YEARS) == []
    home = texts["en/index.html"]
    assert "Luxi County 15th Five-Year Manufacturing Development Plan (sample)" in home
    assert (
        "4 major projects" in texts["index.html"].replace("个", " major projects")
        or "4个重大项目" in texts["index.html"]
    )


def test_what_the_plan_lacks_leaves_no_page_and_no_link(sample_site: Path) -> None:
    texts = site_texts(sample_site)
    for name in LACKING:
        slug = name.replace("_", "-")
        assert not (sample_site / slug).exists() and not (sample_site / "en" / slug).exists()
        assert not [n for n, text in texts.items() if f"/{slug}/" in text or f'"{slug}/' in text], name
        assert f"{name}.csv" not in texts["data/datapackage.json"]
        assert not (sample_site / "data" / f"{name}.csv").exists()
    package = json.loads(texts["data/datapackage.json"])
    assert {r["name"] for r in package["resources"]} == {
        n
        for t in ("indicators", "industries", "platforms", "projects", "glossary", "targets", "industry_groups")
        for n in (t, f"{t}-json")
    }
    for lang, prefix in (("zh", ""), ("en", "en/")):
        search = texts[f"{prefix}search/index.html"]
        options = re.findall(r'<option value="([^"]*)"', search)
        assert ("乡镇" if lang == "zh" else "Town or township") not in options and len(options) == 7  # any + 6
        explorer = texts[f"{prefix}projects/index.html"]
        assert 'name="township"' not in explorer and 'name="industry"' in explorer and 'name="major"' in explorer
    sitemap = texts["sitemap.xml"]
    assert "townships" not in sitemap and "/projects/sensor-park/" in sitemap


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def test_every_link_of_the_sample_site_resolves(sample_site: Path) -> None:
    broken = []
    for page in sample_site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        base = "http://x/" + str(page.relative_to(sample_site))
        for link in parser.links:
            url = urlparse(urljoin(base, link))
            if url.netloc != "x" or url.path.startswith("/pagefind/"):
                continue
            target = sample_site / unquote(url.path).lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((str(page.relative_to(sample_site)), link))
    assert broken == []


def test_check_says_which_collections_the_plan_has() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "plugins.plan_explorer", "check", "--plan", str(SAMPLE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "collections: indicators, industries, platforms, projects, glossary" in result.stdout
    assert "not in this plan: history, innovation_platforms, townships, reforms, policies" in result.stdout
    assert "(2026–2030, base year 2025)" in result.stdout


def test_bad_period_years_and_missing_collections_are_one_line_each(tmp_path: Path) -> None:
    plan = sample_project(tmp_path / "plan")
    data = plan / "data"
    edits = {
        "plan.yaml": ("    end: 2030\n", "    end: 2020\n"),  # the period ends before it starts
        "industries.yaml": ("output: {2025: 12, 2030: 35}", "output: {2025: 12, 2031: 35}"),  # a year it lacks
        "projects.yaml": ("    platform: zhuxi-park\n", "    platform: zhuxi-park\n    township: zhuxi\n"),  # none
    }
    for name, (old, new) in edits.items():
        text = (data / name).read_text(encoding="utf-8")
        assert old in text
        (data / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("the last good site", encoding="utf-8")
    result = build_here(ROOT, out, "--plan", str(plan))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("data/")]
    assert any(
        re.match(r"data/plan\.yaml:\d+: plan\.period\.end: end year 2020 is before start year 2026", x) for x in lines
    )
    assert any(
        re.match(r"data/projects\.yaml:\d+: projects\[2\]\.township: 'zhuxi': the plan has no townships", x)
        for x in lines
    ), lines
    # the period is broken, so years are not checked against it this run; with the period right, the year is:
    (data / "plan.yaml").write_text(
        (data / "plan.yaml").read_text(encoding="utf-8").replace("    end: 2020\n", "    end: 2030\n"), encoding="utf-8"
    )
    result = build_here(ROOT, out, "--plan", str(plan))
    lines = [line for line in result.stderr.splitlines() if line.startswith("data/")]
    assert any(
        re.match(r"data/industries\.yaml:\d+: industries\[1\]\.output\[2031\]: year 2031 is outside the plan's", x)
        for x in lines
    ), lines
    assert any("the plan has no townships" in x for x in lines), lines
    assert len(lines) == 2, lines  # shape: one line per problem
    assert [p.name for p in out.iterdir()] == ["index.html"]


def test_a_plan_needs_its_metadata_and_one_collection(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    (plan / "data").mkdir(parents=True)
    shutil.copy2(SAMPLE / "data" / "plan.yaml", plan / "data" / "plan.yaml")
    shutil.copytree(SAMPLE / "content", plan / "content")
    (plan / "data" / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "plugins.plan_explorer", "check", "--plan", str(plan)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert any(line.startswith("data/plan.yaml: (plan): the plan has no collection: add one of") for line in lines)
    assert any(line.startswith("data/notes.yaml: (file): not a file this generator reads") for line in lines)
