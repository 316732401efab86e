"""The Chinese chapter files (``content/plan/zh/NN-<id>.md``) in the blocks of docs/CHAPTER_FORMAT.md, and the
plan's text (``data/source/plan.txt``) in reading order, tables as rows.

Every paragraph is copied verbatim: a bold run-in head goes in ``**…**`` and Markdown's own marks are escaped, so
the page shows the words the plan printed. A table the site draws in a chapter (indicators, industries) is a
``[[table:…]]`` placeholder and its caption goes into the table; any other table's caption stays a paragraph.
"""

from __future__ import annotations

import re

import yaml

from .docxread import Document, Para, Table
from .outline import Block, Chapter

#: Markdown's marks that would change a paragraph's words (emphasis, code, links, escapes)
MARKS = re.compile(r"([\\*_`\[\]])")
LINE_START = re.compile(r"^(#|>|[-+] |\d+\) )")


def escape(text: str) -> str:
    """Text as Markdown that shows exactly it (line breaks inside a paragraph kept as spaces-free joins)."""
    text = re.sub(r"\s*\n\s*", "", text)
    text = MARKS.sub(r"\\\1", text)
    return "\\" + text if LINE_START.match(text) else text


def paragraph(block: Block) -> str:
    lead = block.lead.strip()
    if lead and block.text.startswith(lead):
        rest = block.text[len(lead) :]
        return f"**{escape(lead)}**{escape(rest)}" if rest.strip() else f"**{escape(lead)}**"
    return escape(block.text)


def chapter_file(chapter: Chapter, chapter_id: str, order: int, placeholders: dict[int, str]) -> str:
    """The chapter's Markdown; ``placeholders``: by the id() of a table or figure block, its placeholder name."""
    meta = {
        "id": chapter_id,
        "order": order,
        "number": chapter.number,
        "title": chapter.title,
        "title_editorial": False,
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    parts: list[str] = []
    for block in chapter.blocks:
        if block.kind == "heading":
            parts.append(f"## {escape(block.text)}")
        elif block.kind == "para":
            parts.append(paragraph(block))
        elif id(block) in placeholders:
            parts.append(f"[[{block.kind}:{placeholders[id(block)]}]]")
        else:  # a table the site does not draw in a chapter, a picture without its collection: its caption stays
            if block.caption is not None:
                parts.append(escape(block.caption.text))
    body = "\n\n".join(parts)
    return f"---\n{front}---\n\n{body}\n"


def plan_text(doc: Document) -> str:
    """The document's text in reading order: one line per paragraph, a table's rows as tab-indented lines of
    tab-separated cells (a blank line after the table); the provenance test's source."""
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Para):
            if block.text:
                lines.append(re.sub(r"\s*\n\s*", " ", block.text))
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append("\t" + "\t".join(re.sub(r"\s*\n\s*", " ", c).strip() for c in row))
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
