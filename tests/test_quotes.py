"""An English page quotes the plan in English: the sentences of the translated block (a chapter's paragraph, or
an annex record's bilingual text) that render the quoted Chinese ones, paired by position or, where the two
languages cut the block into different numbers of sentences, by the alignment the data records
(``source.en_sentences``); the Chinese original stays one tap away, marked as Chinese."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT, load_data

from plugins.plan_explorer.content import load_documents
from plugins.plan_explorer.errors import ProblemLog
from plugins.plan_explorer.model import records as m
from plugins.plan_explorer.numfmt import plain
from plugins.plan_explorer.quotes import alignment_problems, locate, quoted_sentences, sentences
from plugins.plan_explorer.targets import read_words

PLAN = load_data(ROOT / "data")
CHAPTERS = load_documents(ROOT / "content" / "plan", "content/plan", ProblemLog())
TARGETS = PLAN.all(m.Target)
#: the scales an English figure may be written at: 亿元 → billion (÷10), 万元 → million (÷100), 万元 → yuan (×10⁴) …
SCALES = (Decimal(1), Decimal("0.1"), Decimal("0.01"), Decimal(10), Decimal(100), Decimal(1000), Decimal(10000))
NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def test_sentences_in_both_languages() -> None:
    assert sentences("1.化工。推动发展化工；到2025年，达到235亿元以上。", "zh") == [
        "1.化工。",  # a numbered lead is a sentence in both languages
        "推动发展化工；",
        "到2025年，达到235亿元以上。",
    ]
    assert sentences("1. Chemicals. We will develop it; by 2025 it will reach CNY 23.5 billion.", "en") == [
        "1. Chemicals.",  # "1." alone is a number, not a sentence
        "We will develop it; by 2025 it will reach CNY 23.5 billion.",  # no capital after ";": one sentence
    ]
    assert sentences("It grows. “Made in Zhejiang” follows. 20 standards will be set.", "en") == [
        "It grows.",
        "“Made in Zhejiang” follows.",
        "20 standards will be set.",
    ]
    assert quoted_sentences("甲。乙开发区、高铁新区分别达到100亿、600亿。丙。", "开发区、高铁新区……600亿") == [1]
    assert quoted_sentences("甲。乙。", "丁") is None


def test_every_quote_of_the_plan_has_its_english_sentences() -> None:
    """No quote left without English: each is in its block and its sentences pair (or the data pairs them)."""
    assert alignment_problems(PLAN, CHAPTERS, TARGETS) == []
    assert all(locate(PLAN, CHAPTERS, t) is not None for t in TARGETS)


def test_a_recorded_alignment_is_needed_exactly_where_the_sentences_do_not_pair() -> None:
    recorded = [t for t in TARGETS if t.source.en_sentences]
    assert recorded, "the real plan's translation joins and splits sentences in places"
    for target in recorded:  # without it, the quote has no English: the test names it
        bare = target.model_copy(update={"source": target.source.model_copy(update={"en_sentences": None})})
        problems = alignment_problems(PLAN, CHAPTERS, [bare])
        assert problems and "give en_sentences" in problems[0][1], target.id
    wrong = recorded[0].model_copy(update={"source": recorded[0].source.model_copy(update={"en_sentences": [99]})})
    assert "en_sentences: the English paragraph has" in alignment_problems(PLAN, CHAPTERS, [wrong])[0][1]
    moved = TARGETS[0].model_copy(update={"quote": "不在此段的话"})
    assert alignment_problems(PLAN, CHAPTERS, [moved]) == [(TARGETS[0].id, "the quote is not in the cited paragraph")]


def _states(english: str, value: float) -> bool:
    text = english.lower()
    for scale in SCALES:
        shown = re.escape(plain(Decimal(str(value)) * scale, "en"))
        if re.search(rf"(?<![\d.,]){shown}(?![\d])", text) or re.search(rf"(?<![\d.,]){shown}–", text):
            return True
    return NUMBER_WORDS.get(int(value), "\0") in text if value == int(value) else False


@pytest.mark.parametrize("target", TARGETS, ids=[t.id for t in TARGETS])
def test_the_english_sentence_states_the_targets_figure(target: m.Target) -> None:
    """The aligned English is the right sentence: it states the figure (in English scales: 800亿元 → 80 billion),
    unless the plan writes no digit for it (全覆盖, 零突破: the quote's words stand for the number)."""
    found = locate(PLAN, CHAPTERS, target)
    assert found is not None
    if read_words(target).at is None:
        return
    assert any(_states(found.english, v) for v in target.values), (target.quote, found.english)


def test_english_targets_page_quotes_in_english_with_the_chinese_one_tap_away(built_site: Path) -> None:
    page = (built_site / "en" / "targets" / "index.html").read_text(encoding="utf-8")
    originals = re.findall(
        r'<details class="quote-original" data-pagefind-ignore><summary>The Chinese original</summary>'
        r'<q class="quote" lang="zh-CN">',
        page,
    )
    first = len(PLAN.all(m.Target)) - sum(t.restates is not None for t in TARGETS)
    assert len(originals) == first
    assert '<q class="quote muted" lang="zh-CN">' not in page  # no quote left in Chinese only
    assert "By 2025 the gross industrial output (above designated size) of the chemical industry will reach" in page
    zh = (built_site / "targets" / "index.html").read_text(encoding="utf-8")
    assert "quote-original" not in zh and zh.count('<q class="quote muted" lang="zh-CN">') == first
    industry = (built_site / "en" / "industries" / "chemicals" / "index.html").read_text(encoding="utf-8")
    assert "of the chemical industry will reach CNY 23.5 billion or more." in industry  # "What the plan commits to"


def test_the_english_audit_quotes_the_plans_paragraphs_in_english(built_site: Path) -> None:
    """A finding's figure quoted from a paragraph of the text reads in English on the English audit page (its
    translated sentences), the Chinese one tap away; the Chinese page quotes the Chinese only."""
    page = (built_site / "en" / "audit" / "index.html").read_text(encoding="utf-8")
    english = re.findall(
        r'<q class="muted">([^<]+)</q><details class="quote-original" data-pagefind-ignore>'
        r"<summary>The Chinese original</summary>"
        r'<q lang="zh-CN">([^<]+)</q>',
        page,
    )
    assert english, "no quote of the text in English"
    assert all(re.search(r"[A-Za-z]{3}", en) and not re.search(r"[\u4e00-\u9fff]{2}", en) for en, _ in english)
    zh = (built_site / "audit" / "index.html").read_text(encoding="utf-8")
    assert "quote-original" not in zh
