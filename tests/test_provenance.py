"""Every figure in data/ is checked against the text it comes from — one rule, by the source a record cites:

- the plan's own text (``data/source/plan.txt``, the project's copy, so this runs in a fresh clone) for the plan's
  records;
- the ``document`` of the source a record cites, kept under ``data/source/``: a record staff added from another
  document cites a source of ``kind: staff`` in ``plan.yaml`` (docs/EDITING.md); an outcome (``outcomes.yaml``)
  cites one of the outcome sources listed in that file (``kind: reported`` or ``staff``), which may keep its
  document too — every outcome names a dated source, and where the source has a document each figure is in it;

and every target quotes the plan's words, in the passage it cites, with its figure, year and comparison."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import yaml
from conftest import FIXTURES, ROOT, load_data

from plugins.plan_explorer.audit.wording import qualifier_in
from plugins.plan_explorer.content import load_documents
from plugins.plan_explorer.errors import ProblemLog
from plugins.plan_explorer.model import records as m
from plugins.plan_explorer.numfmt import plain

SOURCE = (ROOT / "data" / "source" / "plan.txt").read_text(encoding="utf-8")
NOT_FIGURES = {"seq", "row", "paragraph"}  # positions in the plan's tables and chapters, not figures
OUTCOMES = "outcomes.yaml"  # reported after the plan: each record cites a source listed in the file
#: fields of an outcome that are not figures taken from its source (when, and the site's settings)
NOT_REPORTED = {"year", "tolerance_percent"}


def staff_texts(data: Path) -> dict[str, str]:
    """The text of each source of ``kind: staff`` (a document other than the plan), by source id."""
    plan = yaml.safe_load((data / "plan.yaml").read_text(encoding="utf-8"))
    return {
        s["id"]: (data / s["document"]).read_text(encoding="utf-8")
        for s in plan.get("sources", [])
        if s.get("kind") == "staff"
    }


def numbers(
    value: Any, path: str = "", text: str = SOURCE, staff: dict[str, str] | None = None
) -> Iterator[tuple[str, float, str]]:
    """Every figure below ``value`` with the text it must appear in (a record citing a staff source: that one)."""
    if isinstance(value, dict):
        if value.get("derived") is True:
            return
        source = value.get("source")
        if isinstance(source, dict) and source.get("ref") in (staff or {}):
            text = (staff or {})[source["ref"]]
        for key, item in value.items():
            if key in NOT_FIGURES:
                continue
            if isinstance(key, int):  # year keys such as output: {2020: …}
                yield f"{path}.{key}(key)", key, text
            yield from numbers(item, f"{path}.{key}", text, staff)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from numbers(item, f"{path}[{i}]", text, staff)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield path, value, text


def in_source(value: float, text: str = SOURCE) -> bool:
    forms = {plain(value, grouping=False), repr(value)}
    if float(value).is_integer():
        forms.add(str(int(value)))
    return any(re.search(rf"(?<![\d.]){re.escape(f)}(?![\d])", text) for f in forms)


def unsourced_numbers(data: Path) -> list[str]:
    """The figures of the plan's files in the data folder ``data`` that are not in their source's text (the
    outcomes are checked by :func:`outcome_problems`)."""
    plan_text = (data / "source" / "plan.txt").read_text(encoding="utf-8")
    staff = staff_texts(data)
    missing = []
    for path in sorted(data.glob("*.yaml")):
        if path.name == OUTCOMES:
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, value, text in numbers(doc, path.name, plan_text, staff):
            if not in_source(value, text):
                missing.append(f"{where} = {value}")
    return missing


def outcome_problems(data: Path) -> list[str]:
    """Every figure of ``data/outcomes.yaml`` that names no dated source, or is not in its source's document."""
    path = data / OUTCOMES
    if not path.is_file():
        return []
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    sources = {s["id"]: s for s in doc.get("sources") or []}
    problems = []
    for name in ("actuals", "statuses", "projects"):
        for i, record in enumerate(doc.get(name) or []):
            fields = {k: v for k, v in record.items() if k not in NOT_REPORTED and k != "source"}
            figures = [(w, v) for w, v, _ in numbers(fields) if "(key)" not in w]
            source = sources.get(record.get("source"))
            if figures and (source is None or not source.get("date")):
                problems.append(f"{name}[{i}]: figures without a dated source")
                continue
            document = source.get("document") if source else None
            text = (data / document).read_text(encoding="utf-8") if document else None
            problems += [
                f"{name}[{i}]{w} = {v} not in {document}"
                for w, v in figures
                if text is not None and not in_source(v, text)
            ]
    return problems


def test_source_copy_is_the_plan() -> None:
    assert "建德市“十四五”制造业发展重大项目清单" in SOURCE
    assert len(SOURCE) > 30000


def test_every_number_in_data_appears_in_the_plan() -> None:
    missing = unsourced_numbers(ROOT / "data")
    assert not missing, "numbers not found in data/source/plan.txt:\n" + "\n".join(missing)


def test_a_staff_records_figures_are_checked_against_its_own_source() -> None:
    staff = {"notice": "新增项目总投资120000万元。"}
    record = {"id": "x", "total_investment_wan": 120000, "plan_investment_wan": 90000, "source": {"ref": "notice"}}
    found = {where: text for where, _, text in numbers({"projects": [record]}, "p", SOURCE, staff)}
    assert set(found.values()) == {staff["notice"]}
    assert [w for w, v, t in numbers({"projects": [record]}, "p", SOURCE, staff) if not in_source(v, t)] == [
        "p.projects[0].plan_investment_wan"
    ]


def test_the_check_can_fail() -> None:
    assert not in_source(491.3)
    assert in_source(491.2) and in_source(350000)


def test_every_outcome_is_checked_against_its_own_source() -> None:
    """The real plan's outcomes and the fixture plan's (whose sources keep their documents, so each figure is
    found)."""
    assert outcome_problems(ROOT / "data") == []
    fixture = FIXTURES / "plan" / "data"
    assert outcome_problems(fixture) == []
    doc = yaml.safe_load((fixture / OUTCOMES).read_text(encoding="utf-8"))
    assert any(s.get("document") for s in doc["sources"]) and doc["actuals"] and doc["projects"]


def test_the_outcome_check_can_fail(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "plan" / "data", data)
    path = data / OUTCOMES
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("year: 2021, value: 112,", "year: 2021, value: 113,"), encoding="utf-8")
    assert outcome_problems(data) == ["actuals[1].value = 113 not in source/bulletin-2021.txt"]
    path.write_text(text.replace("source: bulletin-2022, as_of", "source: nowhere, as_of", 1), encoding="utf-8")
    assert outcome_problems(data) == ["actuals[2]: figures without a dated source"]


def not_verbatim(data: Path) -> list[tuple[str, str]]:
    """The projects whose Chinese name, content or builder is not, word for word, in the text they come from
    (the plan's, or the document of the staff source they cite)."""
    plan_text = (data / "source" / "plan.txt").read_text(encoding="utf-8").replace("\n", "")
    staff = {ref: text.replace("\n", "") for ref, text in staff_texts(data).items()}
    doc = yaml.safe_load((data / "projects.yaml").read_text(encoding="utf-8"))
    missing = []
    for project in doc["projects"]:
        text = staff.get(project["source"]["ref"], plan_text)
        missing += [(project["id"], key) for key in ("name", "content", "builder") if project[key]["zh"] not in text]
    return missing


def test_chinese_project_texts_are_verbatim() -> None:
    assert not_verbatim(ROOT / "data") == []


# --- targets: every commitment's figure is in the plan's own words, where the target says -------------------------

FLAT = SOURCE.replace("\n", "")
#: wordings that stand for a figure the quote does not print: target id → (wording, the figure it means)
WORDINGS: dict[str, tuple[str, float]] = {
    "hangzhou-quality-award": ("零突破", 1),  # the first award ever
    "datong-listed-companies": ("零的突破", 1),  # the first listed company
    "qiantan-listed-companies": ("零的突破", 1),
    "digitalisation-coverage-2025": ("全覆盖", 100),  # full coverage; 四（二）1 writes 数字化水平100%全覆盖
    "erp-mes-coverage": ("全覆盖", 100),
    "5g-coverage": ("全覆盖", 100),
    "digital-micro-parks-coverage": ("全覆盖", 100),
    "solid-waste-harmless-treatment": ("全部", 100),  # all solid waste
}
#: targets whose quote names no year: "sentence" — the cited paragraph names it earlier in the sentence the quote
#: continues (到2025年，…); "period" — the passage names none: a target of the plan's period, of its last year
YEAR_CONTEXT: dict[str, str] = {
    **dict.fromkeys(  # 二（三）2 产业规模 names no year: the specific goals are the 2025 goals (p-11 to p-14, 表三)
        [
            "value-added-2025", "value-added-growth", "investment-2025", "investment-growth",
            "renovation-investment-2025", "enterprises-above-size-2025", "industries-10bn-ch2-3-2",
            "hundred-billion-townships", "enterprises-revenue-1bn",
        ],
        "period",
    ),
    **dict.fromkeys(
        [
            "value-added-per-mu-2025", "tax-per-mu-2025", "made-in-zhejiang-standards",
            "made-in-zhejiang-certified-enterprises", "hangzhou-quality-award", "product-quality-pass-rate",
            "digitalisation-coverage-2025", "digital-economy-enterprises", "water-industry-output-2025",
            "digitalisation-2025", "enterprises-1bn-ch4-3", "enterprises-100m-ch4-3", "new-listed-enterprises",
            "land-space-consolidated", "contiguous-land-blocks",
        ],
        "sentence",
    ),
    **dict.fromkeys(  # 四 and 五 outside their 到2025年 sentences, 附件3's “十四五”具体举措, 附件5's “十四五”目标
        [
            "erp-mes-coverage", "enterprise-industrial-internet-platforms", "sector-industrial-internet-platforms",
            "5g-coverage", "solid-waste-harmless-treatment", "water-reuse-rate",
            "micro-park-output-per-mu-manufacturing",
            "micro-park-output-per-mu-services", "tax-per-mu-multiple", "industrial-land-freed",
            "listing-industrial-clusters", "digital-micro-parks-coverage", "datong-enterprises-above-size",
            "datong-listed-companies", "qiantan-enterprises-above-size", "qiantan-listed-companies",
        ],
        "period",
    ),
}  # fmt: skip
#: a figure the quote qualifies as a threshold (…以下 land), not as the target's own bound
THRESHOLDS = {"low-yield-land-cleared"}
#: what a qualifier in the plan's words says of a target's comparison
AGREES = {"at_least": {"at_least"}, "at_most": {"at_most"}, "about": {"about"}, "nearly": {"about", "at_most"}}

PLAN = load_data(ROOT / "data")
TARGETS = PLAN.all(m.Target)
CHAPTERS = load_documents(ROOT / "content" / "plan", "content/plan", ProblemLog())


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unescape(re.sub(r"<[^>]+>", "", text)))


def _paragraph(chapter: str, number: int) -> str:
    blocks = [b for b in CHAPTERS[chapter]["zh"].blocks if b.kind == "para"]
    return _squeeze(str(blocks[number - 1].html))


def _annex_rows() -> dict[str, dict[int, str]]:
    """{annex source id: {row: its text}} of the annex tables of plan.txt whose rows start with a number."""
    lines = SOURCE.split("\n")
    starts = [i for i, line in enumerate(lines) if re.fullmatch(r"\s*附件\d\s*", line)]
    rows: dict[str, dict[int, str]] = {}
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        seq = [(i, int(mt.group(1))) for i in range(start, end) if (mt := re.fullmatch(r"\t★?(\d+)", lines[i]))]
        rows[f"annex{lines[start].strip()[-1]}"] = {
            num: "".join(lines[i : (seq[k + 1][0] if k + 1 < len(seq) else end)]) for k, (i, num) in enumerate(seq)
        }
    return rows


ANNEX_ROWS = _annex_rows()


def _numbers(text: str) -> set[float]:
    return {float(x) for x in re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])", text)}


def quote_problems(t: m.Target) -> list[str]:
    """Where the target's quote is not the plan's words in the passage it cites."""
    problems = []
    if t.quote not in FLAT:
        problems.append(f"{t.id}: the quote is not verbatim in plan.txt")
    source = PLAN.source(t.source.ref)
    if t.source.paragraph is not None:
        assert source.chapter is not None
        if _squeeze(t.quote) not in _paragraph(source.chapter, t.source.paragraph):
            problems.append(f"{t.id}: the quote is not in {source.chapter} p-{t.source.paragraph}")
    else:
        row = ANNEX_ROWS.get(t.source.ref, {}).get(t.source.row or 0, "")
        if t.quote not in row:
            problems.append(f"{t.id}: the quote is not in {t.source.ref} row {t.source.row}")
        name, _, ident = t.entity.partition("/")
        own = getattr(PLAN.index.get(name, {}).get(ident), "source", None)
        if own is not None and own.ref == t.source.ref and own.row != t.source.row:
            problems.append(f"{t.id}: {t.source.ref} row {t.source.row}, but its entity is row {own.row}")
    return problems


def figure_problems(t: m.Target) -> list[str]:
    """Where the target's figure, year or comparison is not what its quote says."""
    problems = []
    found = _numbers(t.quote)
    wording = WORDINGS.get(t.id)
    for figure in t.values:
        if figure not in found and not (wording and wording[0] in t.quote and wording[1] == figure):
            problems.append(f"{t.id}: {figure:g} is not in its quote")
    if t.value is not None and t.id not in THRESHOLDS:
        said = qualifier_in(t.quote, t.value)
        if said is not None and t.comparison not in AGREES[said]:
            problems.append(f"{t.id}: the quote says {said}, the comparison is {t.comparison}")
    if t.every_year and "每年" not in t.quote:
        problems.append(f"{t.id}: every_year, but the quote does not say 每年")
    if t.year is not None and float(t.year) not in found:
        how = YEAR_CONTEXT.get(t.id)
        source = PLAN.source(t.source.ref)
        if how == "period":
            if t.year != PLAN.target_year:
                problems.append(f"{t.id}: a target of the plan's period is one of {PLAN.target_year}")
        elif how == "sentence" and source.chapter and t.source.paragraph:
            passage = _paragraph(source.chapter, t.source.paragraph)
            if f"{t.year}年" not in passage[: passage.find(_squeeze(t.quote))]:
                problems.append(f"{t.id}: {t.year} is neither in the quote nor before it in its sentence")
        else:
            problems.append(f"{t.id}: {t.year} is not in the quote (and the test's YEAR_CONTEXT says nothing)")
    if t.kind == "share" and t.unit.zh != "%":
        problems.append(f"{t.id}: a share is in %")
    return problems


def test_every_target_quotes_the_plan_in_the_passage_it_cites() -> None:
    problems = [p for t in TARGETS for p in quote_problems(t)]
    assert not problems, "\n".join(problems)


def test_every_target_figure_is_in_its_quote() -> None:
    stale = (set(WORDINGS) | set(YEAR_CONTEXT) | THRESHOLDS) - {t.id for t in TARGETS}
    assert not stale, f"the test names targets that are gone: {sorted(stale)}"
    problems = [p for t in TARGETS for p in figure_problems(t)]
    assert not problems, "\n".join(problems)


def test_the_target_checks_can_fail() -> None:
    target = PLAN.get(m.Target, "water-reuse-rate")  # 企业用水重复利用率达到75%以上 (四（六）, paragraph 23)
    assert not quote_problems(target) and not figure_problems(target)
    moved = target.model_copy(update={"source": m.Passage(ref="ch4-6", paragraph=22)})
    assert quote_problems(moved) == ["water-reuse-rate: the quote is not in measures p-22"]
    assert figure_problems(target.model_copy(update={"value": 76.0})) == ["water-reuse-rate: 76 is not in its quote"]
    assert figure_problems(target.model_copy(update={"comparison": "at_most"})) == [
        "water-reuse-rate: the quote says at_least, the comparison is at_most"
    ]
    assert figure_problems(target.model_copy(update={"year": 2024})) == [
        "water-reuse-rate: a target of the plan's period is one of 2025"
    ]
    assert quote_problems(target.model_copy(update={"quote": "企业用水重复利用率达到76%以上"}))
    assert _squeeze("<strong>到2025年，</strong>新增") == "到2025年，新增"
    assert "规模以上企业数达到30家" in ANNEX_ROWS["annex5"][7]


def test_targets_use_one_english_name_per_theme() -> None:
    themes: dict[str, set[str]] = {}
    for t in TARGETS:
        if t.group:
            themes.setdefault(t.group.zh, set()).add(t.group.en)
    assert all(len(en) == 1 for en in themes.values()), themes
    assert len(themes) <= 12
