"""The English of a quote of the plan: the sentences of the translated block that render the Chinese ones quoted.

The chapters are translated block for block (``content/plan/zh`` ↔ ``content/plan/en``, :mod:`content`), so a
quote's paragraph (a target's ``source: {ref, paragraph}``) has its English twin; a quote of an annex's row (no
paragraph) is of its record's bilingual text (a project's content …), paired the same way. Within the pair the sentences
are matched by position: the Chinese ones end at 。；！？, the English at . ; ! ? (a leading ``1.`` is a number,
not a sentence). Where the two blocks have as many sentences, the quote's sentences are the English ones at the
same places; where they do not (a translation that joins or splits a sentence), the data says which English
sentences render the quote (``source.en_sentences``, 1-based), and :func:`alignment_problems` (run by the tests)
reports a block the positions cannot align and no recorded alignment covers, and a recorded one out of range.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .content import Document
from .model import records as m
from .model.plan import Plan
from .targets import entity_of

_TAGS = re.compile(r"<[^>]+>")
_ZH_END = re.compile(r"(?<=[。；！？])")
_EN_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z“\"(0-9—])|(?<=[.;!?][”\"])\s+")
_NUMBER_ONLY = re.compile(r"\s*[\d一二三四五六七八九十]+[.、]\s*")
_ELLIPSIS = re.compile(r"……|…")


def plain_text(block_html: str) -> str:
    """A block's text without its markup (bold leads, links), as a reader sees it."""
    return html.unescape(_TAGS.sub("", block_html)).strip()


def sentences(text: str, lang: str) -> list[str]:
    """``text`` cut into sentences (a leading number such as ``1.`` stays with the sentence after it)."""
    parts = [p.strip() for p in (_ZH_END if lang == "zh" else _EN_END).split(text) if p.strip()]
    joined: list[str] = []
    for part in parts:
        if joined and _NUMBER_ONLY.fullmatch(joined[-1]):
            joined[-1] = f"{joined[-1]} {part}" if lang == "en" else joined[-1] + part
        else:
            joined.append(part)
    return joined


def _span(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` stands in ``text`` (a quote that elides with …… spans from its first part to its last)."""
    parts = [p for p in _ELLIPSIS.split(quote) if p]
    if not parts:
        return None
    start = text.find(parts[0])
    if start < 0:
        return None
    end, at = start + len(parts[0]), start + len(parts[0])
    for part in parts[1:]:
        found = text.find(part, at)
        if found < 0:
            return None
        end = at = found + len(part)
    return start, end


def quoted_sentences(text: str, quote: str) -> list[int] | None:
    """The 0-based sentences of the Chinese ``text`` that ``quote`` overlaps; None when it is not in the text."""
    span = _span(text, quote)
    if span is None:
        return None
    found, offset = [], 0
    for i, sentence in enumerate(sentences(text, "zh")):
        at = text.find(sentence, offset)
        begin, end = at, at + len(sentence)
        offset = end
        if begin < span[1] and span[0] < end:
            found.append(i)
    return found


@dataclass(frozen=True)
class Quoted:
    """A quote's place in its block pair: its Chinese sentences, the English ones, and what decided them."""

    zh: list[int]
    en: list[int]
    english: str  # the English sentences, joined
    recorded: bool  # the data's alignment (else by position)


def _pair(plan: Plan, chapters: Mapping[str, Mapping[str, Document]], target: m.Target) -> tuple[str, str] | None:
    """The Chinese and English of the text ``target`` quotes: its chapter's paragraph, or (a row of an annex) the
    text of its record that holds the quote (a project's content, a reform's measures, a platform's goals)."""
    passage = target.source
    if passage.paragraph is None:
        return _record_text(plan, target)
    return _paragraph_pair(plan, chapters, passage.ref, passage.paragraph)


def _paragraph_pair(
    plan: Plan, chapters: Mapping[str, Mapping[str, Document]], ref: str, paragraph: int
) -> tuple[str, str] | None:
    """The Chinese and English text of paragraph ``paragraph`` of the chapter the source ``ref`` is in."""
    source = plan.index.get("sources", {}).get(ref)
    chapter = getattr(source, "chapter", None)
    pair = chapters.get(chapter) if chapter else None
    if pair is None or "zh" not in pair or "en" not in pair:
        return None
    anchor = f"p-{paragraph}"
    blocks = [next((b for b in pair[lang].blocks if b.anchor == anchor), None) for lang in ("zh", "en")]
    if blocks[0] is None or blocks[1] is None or blocks[1].state == "missing":
        return None
    return plain_text(str(blocks[0].html)), plain_text(str(blocks[1].html))


def _record_text(plan: Plan, target: m.Target) -> tuple[str, str] | None:
    record = entity_of(plan, target)
    if record is None:
        return None
    for name in type(record).model_fields:
        text = getattr(record, name)
        if isinstance(text, m.Text) and text.en and _span(text.zh, target.quote) is not None:
            return text.zh, text.en
    return None


def locate(plan: Plan, chapters: Mapping[str, Mapping[str, Document]], target: m.Target) -> Quoted | None:
    """Where ``target``'s quote is in its paragraph, in both languages; None when it cites no paragraph, the
    quote is not in it, or the sentences cannot be matched (no recorded alignment where the counts differ)."""
    texts = _pair(plan, chapters, target)
    return _aligned(texts, target.quote, target.source.en_sentences)


def _aligned(texts: tuple[str, str] | None, quote: str, recorded: list[int] | None) -> Quoted | None:
    """The quote's sentences in a block pair, and the English ones that render them (``recorded``: the data's
    alignment, 1-based; else by position, when both texts have as many sentences)."""
    if texts is None:
        return None
    zh_text, en_text = texts
    zh = quoted_sentences(zh_text, quote)
    if not zh:
        return None
    en_sentences = sentences(en_text, "en")
    if recorded:
        en = [n - 1 for n in recorded]
    elif len(sentences(zh_text, "zh")) == len(en_sentences):
        en = zh
    else:
        return None
    if any(not 0 <= n < len(en_sentences) for n in en):
        return None
    return Quoted(zh, en, " ".join(en_sentences[n] for n in en), bool(recorded))


def english_of_passage(
    plan: Plan, chapters: Mapping[str, Mapping[str, Document]], ref: str, paragraph: int, quote: str
) -> str | None:
    """The English of a quote of paragraph ``paragraph`` (a statement's, on the audit page), by position (None:
    the paragraph's sentences do not pair, or it is not translated)."""
    found = _aligned(_paragraph_pair(plan, chapters, ref, paragraph), quote, None)
    return found.english if found else None


def english_quote(plan: Plan, chapters: Mapping[str, Mapping[str, Document]], target: m.Target) -> str | None:
    """The English of ``target``'s quote: the translated sentences of its paragraph (None: none to show)."""
    found = locate(plan, chapters, target)
    return found.english if found else None


def alignment_problems(
    plan: Plan, chapters: Mapping[str, Mapping[str, Document]], targets: Sequence[m.Target]
) -> list[tuple[str, str]]:
    """(target id, problem) for each quote whose English cannot be found: the quote is not in its paragraph (an
    annex's quote in no text of its record), the blocks' sentences do not pair and no alignment is recorded, or a
    recorded one is out of range."""
    problems = []
    for target in targets:
        texts = _pair(plan, chapters, target)
        if texts is None:
            problems.append((target.id, "no translated text holds the quote (its paragraph, or a text of its record)"))
            continue
        zh_text, en_text = texts
        counts = len(sentences(zh_text, "zh")), len(sentences(en_text, "en"))
        recorded = target.source.en_sentences
        if not quoted_sentences(zh_text, target.quote):
            problems.append((target.id, "the quote is not in the cited paragraph"))
        elif recorded and any(not 1 <= n <= counts[1] for n in recorded):
            problems.append((target.id, f"en_sentences: the English paragraph has {counts[1]} sentences"))
        elif not recorded and counts[0] != counts[1]:
            problems.append(
                (
                    target.id,
                    f"the paragraph has {counts[0]} sentences in Chinese, {counts[1]} in English: give en_sentences",
                )
            )
    return problems
