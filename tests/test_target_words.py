"""The plan's own words on a target's figure (issue 22 item 3): its qualifier (以上, 不低于 …) and commitment (确保,
力争) are data, read from its quote at the figure and checked against it; every page that lists a commitment shows
exactly those words (in English their one rendering each) and no other; the export and the status rules carry them.

Expectations come from each plan's own data, never from a hard-coded list of rows."""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest
import yaml
from conftest import FIXTURES, ROOT, load_data, run_build

from plugins.plan_explorer.model import records as m
from plugins.plan_explorer.outcomes.goals import Goal
from plugins.plan_explorer.outcomes.status import Point, assess
from plugins.plan_explorer.targets import nature_problem, read_words, table_figure, word_problems

SAMPLE = FIXTURES / "sample-county"
#: the English each of the plan's words is rendered with on the site (theme/i18n.yaml), longest first
ENGLISH = {
    "no less than": {"不低于"},
    "no more than": {"不超过"},
    "more than": {"超过"},
    "at least": {"以上", "至少"},
    "below": {"以下"},
    "about": {"左右", "约"},
    "within": {"以内"},
    "nearly": {"近"},
    "(assured)": {"确保"},
    "(stretch goal)": {"力争"},
}
CHINESE = [*m.TARGET_QUALIFIERS, "确保", "力争"]
#: a target row of a targets table (the targets page, an entity's commitments) and a paragraph's list of its targets
ROW = re.compile(
    r'<tr(?: id="target-(?P<own>[a-z0-9-]+)")? data-kind.*?(?:targets/#target-(?P<linked>[a-z0-9-]+)".*?)?'
    r'<td class="col-main"[^>]*><strong>(?P<figure>.*?)</strong>',
    re.S,
)
ITEM = re.compile(
    r'<li><a href="[^"]*targets/#target-(?P<linked>[a-z0-9-]+)">[^<]*</a>: (?P<figure>[^<]*?), [^,<]*</li>'
)


def _words_shown(figure: str, lang: str) -> set[str]:
    """The plan's words a figure shows, as Chinese (an English rendering maps back to the words it renders)."""
    if lang == "zh":
        return {w for w in CHINESE if w in figure and not any(w in o and o != w and o in figure for o in CHINESE)}
    shown, rest = set(), figure
    for phrase in ENGLISH:
        if phrase in rest:
            shown.add(phrase)
            rest = rest.replace(phrase, "")
    return shown


def walk(site: Path, plan: m.Model) -> tuple[int, list[str]]:
    """(rows seen, problems): every commitment on every page of ``site`` whose figure shows a word its quote lacks
    or leaves out one the data gives."""
    targets = {t.id: t for t in plan.all(m.Target)}
    seen, problems = 0, []
    for page in sorted(site.rglob("*.html")):
        lang = "en" if page.relative_to(site).parts[0] == "en" else "zh"
        text = page.read_text(encoding="utf-8")
        for found in [*ROW.finditer(text), *ITEM.finditer(text)]:
            ident = found.groupdict().get("own") or found.group("linked")
            if ident not in targets:
                continue
            target, figure = targets[ident], html.unescape(found.group("figure"))
            seen += 1
            given = {w for w in (target.qualifier, target.commitment) if w}
            if lang == "zh":
                shown = _words_shown(figure, lang)
                if shown - {w for w in shown if w in target.quote} or shown != given:
                    problems.append(f"{page.relative_to(site)}: {ident} shows {figure!r}; its quote: {target.quote}")
            else:
                phrases = _words_shown(figure, lang)
                meant = {
                    p for p in phrases if ENGLISH[p] & given and all(w in target.quote for w in ENGLISH[p] & given)
                }
                if phrases != meant or len(phrases) != len(given):
                    problems.append(f"{page.relative_to(site)}: {ident} shows {figure!r}; its quote: {target.quote}")
    return seen, problems


@pytest.fixture(scope="module")
def sample_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample-words") / "output"
    result = run_build(ROOT, out, "--plan", str(SAMPLE), "--no-search")
    assert result.returncode == 0, result.stderr
    return out


def test_no_page_shows_a_qualifier_its_quote_lacks(built_site: Path, fixture_site: Path, sample_built: Path) -> None:
    for site, data in (
        (built_site, ROOT / "data"),
        (fixture_site, FIXTURES / "plan" / "data"),
        (sample_built, SAMPLE / "data"),
    ):
        plan = load_data(data)
        seen, problems = walk(site, plan)
        firsts = [t for t in plan.all(m.Target) if t.restates is None]
        assert seen >= 2 * len(firsts), (data, seen)  # each commitment at least on /targets/ in both languages
        assert problems == [], problems


def test_the_walk_finds_an_added_word(tmp_path: Path, built_site: Path) -> None:
    """A page that adds 以上 to a bare figure (the site before the words were data) is caught."""
    plan = load_data(ROOT / "data")
    page = tmp_path / "targets" / "index.html"
    page.parent.mkdir(parents=True)
    shutil.copy(built_site / "targets" / "index.html", page)
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("<strong>确保800亿元</strong>", "<strong>800亿元以上</strong>"), encoding="utf-8")
    assert "确保800亿元" in text
    en = tmp_path / "en" / "targets" / "index.html"
    en.parent.mkdir(parents=True)
    english = (built_site / "en" / "targets" / "index.html").read_text(encoding="utf-8")
    assert "<strong>below CNY 50,000 per mu</strong>" in english
    en.write_text(
        english.replace("<strong>below CNY 50,000 per mu</strong>", "<strong>at least CNY 50,000 per mu</strong>"),
        "utf-8",
    )
    _, problems = walk(tmp_path, plan)
    assert {p.split(":")[1].split()[0] for p in problems} == {"gross-output-2025", "low-yield-land-cleared"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_targets_page_shows_the_plans_words(built_site: Path, lang: str) -> None:
    page = (built_site / ("en/" if lang == "en" else "") / "targets" / "index.html").read_text(encoding="utf-8")
    expected = {
        "zh": [
            "确保800亿元",
            "力争1000亿元",
            "5万元/亩以下",
            "不低于50%",
            "至少3000亩",
            "超过1.09亿千瓦时",
            "近80万吨",
        ],
        "en": [
            "CNY 80 billion (assured)",
            "CNY 100 billion (stretch goal)",
            "below CNY 50,000 per mu",
            "no less than 50%",
            "at least 3,000 mu",
            "more than 109 million kWh",
            "nearly 800,000 tonnes",
        ],
    }[lang]
    for figure in expected:
        assert f"<strong>{figure}</strong>" in page, figure
    row = re.search(r'<tr id="target-enterprises-10bn".*?</tr>', page, re.S).group()  # type: ignore[union-attr]
    assert ("<strong>1 enterprise</strong>" if lang == "en" else "<strong>1家</strong>") in row  # a bare figure
    assert "once in operation" in page if lang == "en" else "项目投产后" in page


def test_a_project_page_lists_its_outcome_targets(built_site: Path) -> None:
    plan = load_data(ROOT / "data")
    mine = [t for t in plan.all(m.Target) if t.entity == "projects/nippon-paint-building-materials-base"]
    assert mine and all(t.in_operation for t in mine)
    for prefix in ("", "en/"):
        page = (built_site / prefix / "projects" / "nippon-paint-building-materials-base" / "index.html").read_text()
        assert set(re.findall(r"targets/#target-([a-z0-9-]+)", page)) == {t.id for t in mine}
    assert (
        "不低于8000万元"
        in (built_site / "projects" / "nippon-paint-building-materials-base" / "index.html").read_text()
    )


def test_the_export_carries_the_words(built_site: Path) -> None:
    plan = load_data(ROOT / "data")
    rows = list(csv.DictReader(io.StringIO((built_site / "data" / "targets.csv").read_text(encoding="utf-8"))))
    assert {"comparison", "qualifier", "commitment", "in_operation", "quote_zh"} <= set(rows[0])
    by_id = {r["id"]: r for r in rows}
    for target in plan.all(m.Target):
        assert by_id[target.id]["qualifier"] == (target.qualifier or ""), target.id
        assert by_id[target.id]["commitment"] == (target.commitment or ""), target.id
    assert by_id["gross-output-2025"]["commitment"] == "确保" and by_id["gross-output-2025"]["comparison"] == "at_least"
    records = {r["id"]: r for r in yaml.safe_load((built_site / "data" / "targets.json").read_text(encoding="utf-8"))}
    assert records["hongshi-waste-disposal-capacity"]["qualifier"] == "近"
    assert records["hongshi-waste-disposal-capacity"]["in_operation"] is True


# --- the checks -----------------------------------------------------------------------------------------------------


def _target(quote: str, value: float = 5, **fields: object) -> m.Target:
    data: dict[str, object] = {
        "id": "t",
        "name": {"zh": "项目", "en": "Projects"},
        "entity": "plan",
        "value": value,
        "unit": {"zh": "个", "en": "projects"},
        "comparison": "at_least",
        "year": 2025,
        "kind": "count",
        "quote": quote,
        "source": {"ref": "ch1", "paragraph": 1},
        **fields,
    }
    return m.Target.model_validate(data)


def test_words_are_read_at_the_figure() -> None:
    both = "确保实现800亿元、力争1000亿元"
    assert read_words(_target(both, 800, unit={"zh": "亿元", "en": "CNY 100 million"})).commitment == "确保"
    assert read_words(_target(both, 1000, unit={"zh": "亿元", "en": "CNY 100 million"})).commitment == "力争"
    listed = "每年新建项目5个以上（其中制造业项目2个以上）"
    assert read_words(_target(listed, 2)).qualifier == "以上"
    assert read_words(_target("整理出至少3000亩的土地空间，其中100亩以上的连片区块5个", 5)).qualifier is None
    assert read_words(_target("占比不低于50%", 50, unit={"zh": "%", "en": "%"})).qualifier == "不低于"
    shortened = read_words(_target("产值分别达到100亿、600亿以上", 600, unit={"zh": "亿元", "en": "CNY 100 million"}))
    assert shortened.qualifier == "以上"  # the unit elided (亿 for 亿元)
    assert read_words(_target("力争实现零突破", 1)).commitment == "力争"  # no digit: the whole quote


def test_a_word_the_quote_lacks_or_says_is_a_problem() -> None:
    assert word_problems(_target("新建项目5个以上", qualifier="以上")) == []
    assert word_problems(_target("新建项目5个", qualifier="以上")) == [
        ("qualifier", "'以上' is not in the quote at the figure")
    ]
    assert word_problems(_target("新建项目5个以上")) == [
        ("qualifier", "the quote qualifies the figure with '以上': give it")
    ]
    assert word_problems(_target("新建项目5个", commitment="力争")) == [
        ("commitment", "'力争' is not in the quote before the figure")
    ]
    assert word_problems(_target("力争新建项目5个")) == [("commitment", "the quote says '力争' of the figure: give it")]
    assert word_problems(_target("新建项目5个以上", qualifier="以上", comparison="at_most")) == [
        ("comparison", "the plan's '以上' is read as at_least, not at_most")
    ]
    assert word_problems(_target("约5个", qualifier="约", comparison="about")) == []


def test_nature_only_on_the_figure_the_table_labels() -> None:
    plan = load_data(ROOT / "data")
    assert all(nature_problem(plan, t) is None for t in plan.all(m.Target))
    labelled = [t for t in plan.all(m.Target) if t.nature]
    assert {t.id for t in labelled} >= {"gross-output-2025", "value-added-2025"}
    assert not {"gross-output-2025-stretch", "digital-economy-value-added-2025", "water-use-reduction"} & {
        t.id for t in labelled
    }
    assert all(table_figure(plan, t) == t.value for t in labelled)  # the figure 表三 prints, and no other
    stretch = plan.get(m.Target, "gross-output-2025-stretch")
    assert nature_problem(plan, stretch.model_copy(update={"nature": "expected"})) is not None
    water = plan.get(m.Target, "water-use-reduction")  # the prose's 50%; 表三 labels only its own words
    assert nature_problem(plan, water.model_copy(update={"nature": "binding"})) is not None
    named = plan.get(m.Target, "value-added-2025")
    assert nature_problem(plan, named.model_copy(update={"nature": "binding"})) == (
        "'indicators/value-added' is expected, not binding"
    )


def test_bad_words_are_reported_with_file_line_and_field_all_in_one_run(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(FIXTURES / "plan", plan)
    path = plan / "data" / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "quote: 到2025年，总产值达到160亿元\n", "quote: 到2025年，总产值达到160亿元\n    qualifier: 以上\n", 1
    )
    text = text.replace(
        "quote: 小部件产值达到65亿元以上\n    qualifier: 以上\n", "quote: 小部件产值达到65亿元以上\n", 1
    )
    text = text.replace("quote: 每年新建项目3个以上\n", "quote: 每年新建项目3个以上\n    commitment: 确保\n", 1)
    text = text.replace("    kind: reduction\n", "    kind: reduction\n    nature: binding\n", 1)
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "plugins.plan_explorer", "check", "--plan", str(plan)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "Traceback" not in result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("data/targets.yaml:")]
    assert [re.sub(r":\d+:", ":N:", line).split(" ", 2)[1] for line in lines] == [
        "targets[0].qualifier:",
        "targets[1].qualifier:",
        "targets[2].commitment:",
        "targets[7].nature:",
    ], lines
    assert all(re.match(r"data/targets\.yaml:\d+: ", line) for line in lines)


# --- status ----------------------------------------------------------------------------------------------------------


def test_more_than_is_met_only_above_the_figure() -> None:
    goal = Goal(2020, 2025, target=1.09, worded=True, qualifier="超过")
    assert assess(goal, [Point(2025, 1.09)], 5).status == "not_achieved"
    assert assess(goal, [Point(2025, 1.1)], 5).status == "achieved"
    assert assess(Goal(2020, 2025, target=1.09), [Point(2025, 1.09)], 5).status == "achieved"  # 达到: at it


def test_a_figure_due_once_in_operation_has_no_year_to_miss() -> None:
    goal = Goal(2020, 2025, target=30, in_operation=True)
    assert assess(goal, [Point(2026, 12)], 5).status == "not_measurable"  # not late: it has no year
    assert assess(goal, [Point(2026, 12)], 5).reason == "in_operation"
    assert assess(goal, [Point(2026, 12), Point(2027, 31)], 5).status == "achieved"
    assert assess(Goal(2020, 2025, target=30), [Point(2026, 12)], 5).status == "not_achieved"


def test_the_glossary_holds_the_commitment_renderings() -> None:
    terms = {
        t["term"]["zh"]: t["term"]["en"] for t in yaml.safe_load((ROOT / "data" / "glossary.yaml").read_text())["terms"]
    }
    strings = yaml.safe_load((ROOT / "theme" / "i18n.yaml").read_text(encoding="utf-8"))
    for word in ("确保", "力争"):
        assert terms[word] in strings[f"targets.commitment.{word}"]["en"]


def test_every_word_has_one_rendering_that_keeps_it() -> None:
    """Each of the plan's words is a key of the catalogue whose Chinese writes exactly that word beside the figure
    (before or after it, as records.TARGET_QUALIFIERS says) and whose English is the one rendering the pages use."""
    assert set(get_args(m.TargetQualifier)) == set(m.TARGET_QUALIFIERS)
    assert set(get_args(m.Commitment)) == {"确保", "力争"}
    strings = yaml.safe_load((ROOT / "theme" / "i18n.yaml").read_text(encoding="utf-8"))
    for word, where in m.TARGET_QUALIFIERS.items():
        zh, en = strings[f"targets.qualifier.{word}"]["zh"], strings[f"targets.qualifier.{word}"]["en"]
        assert zh == ("{figure}" + word if where == "after" else word + "{figure}"), word
        assert word in {w for phrase, ws in ENGLISH.items() if phrase in en for w in ws}, (word, en)
    for word in ("确保", "力争"):
        assert strings[f"targets.commitment.{word}"]["zh"] == word + "{figure}"
