"""The plan's outline from its paragraphs: the title, the chapters and their sections, tables and figures.

A heading is recognised from its Word style (Heading 1, 标题 2, an outline level) or from the plan's manual
numbering — 一、 chapter, （一） section, a stand-alone bold 1. or （1） head, 附件N an annex — when the paragraph
reads as a heading (short, no sentence in it). A bold run-in head ("1.总量规模持续扩大。" opening its paragraph)
stays in its paragraph. The text is kept verbatim; only white space around it (full-width spaces too) is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .docxread import Document, Para, Table
from .problems import DraftLog

CN_NUM = "一二三四五六七八九十百零〇"
CHAPTER_NUM = re.compile(rf"^([{CN_NUM}]+)\s*[、.．]\s*(.*)$")
SECTION_NUM = re.compile(rf"^[（(]\s*[{CN_NUM}]+\s*[）)]")
ITEM_NUM = re.compile(r"^(?:(\d+)\s*[.．、]|[（(]\s*(\d+)\s*[）)])")  # 1. or （1）
PREFACE = re.compile(r"^(前|序|引)\s*言$")
ANNEX = re.compile(r"^附\s*件\s*([0-9一二三四五六七八九十]*)\s*[:：]?$")
TABLE_LABEL = re.compile(rf"^((?:附\s*)?表\s*[0-9{CN_NUM}]+(?:[-—–.．]\d+)?)[\s:：、.．]*(.*)$")
FIGURE_LABEL = re.compile(r"^(图\s*[0-9一二三四五六七八九十]+(?:[-—–.．]\d+)?)[\s:：、.．]*(.*)$")
SENTENCE_END = ("。", "；", "！", "？", "：", ";", "!", "?")
HEADING_MAX = 50  # characters: a longer paragraph is text, however it is numbered


@dataclass
class Block:
    """One block of a chapter: a section heading, a paragraph, a table or a figure."""

    kind: str  # heading | para | table | figure
    text: str = ""  # heading or paragraph text, verbatim
    lead: str = ""  # a paragraph's bold run-in head (a prefix of text)
    para: int = 0  # the paragraph of the Word file it comes from
    table: Table | None = None
    label: str = ""  # a table's or figure's label as printed (表一, 附件2, 图1)
    title: str = ""  # its title as printed
    caption: Para | None = None  # the caption paragraph (dropped from the text when the table has a placeholder)
    annex: bool = False  # a table of an annex


@dataclass
class Chapter:
    number: str  # 一, 二 … ("" for a preface or the annexes)
    title: str
    para: int  # the paragraph of its heading
    blocks: list[Block] = field(default_factory=list)
    annexes: bool = False


@dataclass
class Outline:
    title: str
    title_para: int
    chapters: list[Chapter]
    before: list[Para]  # paragraphs before the first chapter other than the title


def heading_level(para: Para) -> int | None:
    """1 chapter, 2 section, 3 a stand-alone head (kept as a bold paragraph); None for text."""
    text = _plain(para.text)
    if not text:
        return None
    if PREFACE.match(text) or (ANNEX.match(text) and len(text) <= 8):
        return 1
    if para.style_level is not None:
        return min(para.style_level, 3)
    if len(text) > HEADING_MAX or any(mark in text.rstrip("。") for mark in SENTENCE_END):
        return None
    if CHAPTER_NUM.match(text):
        return 1
    if SECTION_NUM.match(text):
        return 2
    if ITEM_NUM.match(text) and para.all_bold:
        return 3
    return None


def _plain(text: str) -> str:
    """Text as numbering is matched: full-width digits and letters as ASCII, white space at the ends dropped."""
    return unicodedata.normalize("NFKC", text).strip()


def title_text(text: str) -> str:
    """A heading as a title: white space between Chinese characters (spacing out 前  言) dropped."""
    text = text.strip()
    return re.sub(r"(?<=[\u4e00-\u9fff])[\s\u3000]+(?=[\u4e00-\u9fff])", "", text) if len(text) <= 12 else text


def read_outline(doc: Document, log: DraftLog) -> Outline | None:
    """The outline of ``doc``; None (logged) when no heading is recognised."""
    blocks = doc.blocks
    levels = {b.number: heading_level(b) for b in blocks if isinstance(b, Para)}
    if not any(level == 1 for level in levels.values()):
        if any(level == 2 for level in levels.values()):
            levels = {k: (1 if v == 2 else v) for k, v in levels.items()}  # sections only: they are the chapters
        else:
            log.problem(
                "",
                "no headings recognised: give the chapter headings Word's Heading 1 style, or number them "
                "一、 二、 … (sections （一） （二） …)",
            )
            return None
    first = next((b for b in blocks if isinstance(b, Para) and b.text), None)
    if first is not None and levels.get(first.number) == 1 and sum(1 for v in levels.values() if v == 1) > 1:
        plain = _plain(first.text)
        if not (CHAPTER_NUM.match(plain) or PREFACE.match(plain) or ANNEX.match(plain)):
            levels[first.number] = None  # the title in a heading style: the plan's title, not a chapter
    title, title_para = "", 0
    before: list[Para] = []
    chapters: list[Chapter] = []
    annexes: Chapter | None = None
    figure_at: int | None = None
    for block in blocks:
        if isinstance(block, Table):
            if not chapters:
                log.note(f"table {block.number}", "a table before the first chapter heading: in plan.txt only")
                continue
            chapter = chapters[-1]
            caption = _caption_before(chapter, block)
            label, table_title = _split(caption.text if caption else "", TABLE_LABEL)
            if (
                caption is None
                and block.rows
                and len(block.rows[0]) > 1
                and len(set(block.rows[0])) == 1
                and block.rows[0][0].strip()
            ):
                table_title = block.rows[0][0].strip()  # a merged title row
                label, table_title = _split(table_title, TABLE_LABEL)
                block.rows = block.rows[1:]
                block.header_rows = max(block.header_rows - 1, 0)
            annex_label = _annex_label(chapter) if chapter.annexes else ""
            chapter.blocks.append(
                Block(
                    "table",
                    table=block,
                    label=label or annex_label,
                    title=table_title,
                    caption=caption,
                    annex=chapter.annexes,
                    para=block.after,
                )
            )
            continue
        para = block
        level = levels.get(para.number)
        if not chapters and level != 1:
            if para.text and not title:
                title, title_para = para.text, para.number
            elif para.text:
                before.append(para)
            continue
        if para.image and not para.text:
            figure_at = len(chapters[-1].blocks)
            chapters[-1].blocks.append(Block("figure", para=para.number))
            continue
        if not para.text:
            continue
        if figure_at is not None:
            label, fig_title = _split(para.text, FIGURE_LABEL)
            figure = chapters[-1].blocks[figure_at]
            figure_at = None
            if label:
                figure.label, figure.title, figure.caption = label, fig_title, para
                continue
        text = para.text
        if level == 1:
            annex = ANNEX.match(_plain(text))
            if annex and annexes is not None:
                annexes.blocks.append(Block("heading", text=re.sub(r"\s+", "", text), para=para.number))
                continue
            if annex:
                annexes = Chapter("", "附件", para.number, annexes=True)
                chapters.append(annexes)
                if annex.group(1):
                    annexes.blocks.append(Block("heading", text=re.sub(r"\s+", "", text), para=para.number))
                continue
            numbered = CHAPTER_NUM.match(text.strip())
            if numbered and numbered.group(2).strip():
                chapters.append(Chapter(numbered.group(1), title_text(numbered.group(2)), para.number))
            else:
                chapters.append(Chapter("", title_text(text), para.number))
            continue
        chapter = chapters[-1]
        if level == 2:
            chapter.blocks.append(Block("heading", text=text, para=para.number))
        elif level == 3:
            chapter.blocks.append(Block("para", text=text, lead=text, para=para.number))
        else:
            chapter.blocks.append(Block("para", text=text, lead=_lead(para), para=para.number))
    title = title or doc.title
    for para in before:
        log.note(f"paragraph {para.number}", f"before the first chapter, in plan.txt only: {para.text[:40]}")
    if not title:
        log.problem("", "no title: the plan's title should be the first paragraph, before the first heading")
    return Outline(title, title_para, chapters, before)


def _lead(para: Para) -> str:
    """The bold run-in head of a paragraph: its bold opening runs, or a numbered item's words up to its first 。."""
    if para.bold_lead and para.text.startswith(para.bold_lead):
        return para.bold_lead
    if ITEM_NUM.match(_plain(para.text)):
        end = para.text.find("。")
        if 0 < end <= 40:
            return para.text[: end + 1]
    return ""


def _caption_before(chapter: Chapter, table: Table) -> Para | None:
    """The paragraph just before a table that reads as its caption (a label 表N, or a short line that is no
    sentence): it is taken out of the chapter's text into the table."""
    if not chapter.blocks or chapter.blocks[-1].kind != "para" or chapter.blocks[-1].para > table.after:
        return None
    last = chapter.blocks[-1]
    text = _plain(last.text)
    if TABLE_LABEL.match(text) or (len(text) <= 80 and not text.endswith(SENTENCE_END) and not last.lead):
        chapter.blocks.pop()
        return Para(last.para, last.text, "", None, "", False, False)
    return None


def _split(text: str, pattern: re.Pattern[str]) -> tuple[str, str]:
    """(label, title) of a caption: 表一  规上工业发展情况 → (表一, 规上工业发展情况); no label → ("", text)."""
    text = text.strip()
    match = pattern.match(text)
    if not match or not match.group(2).strip():
        return "", text
    return re.sub(r"\s+", "", match.group(1)), match.group(2).strip()


def _annex_label(chapter: Chapter) -> str:
    for block in reversed(chapter.blocks):
        if block.kind == "heading":
            return block.text if ANNEX.match(_plain(block.text)) else ""
    return ""
