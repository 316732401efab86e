"""How a page names the part of the plan a figure comes from, in words a reader understands.

``data/plan.yaml`` labels sections tersely (``2 (3) Development goals`` / ``二（三）发展目标``), which reads as a
code. A citation names the chapter by its number and then the section by its heading, as the chapters show it:
``Chapter 2 (3) Development goals`` / ``第二章（三）发展目标``; a chapter without a section by its number and title;
the preface, a table (``表三`` / ``Table 3``) or an annex by its label. A table row is named in words too
(``表四第3行`` / ``Table 4, row 3``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content import Document
from ..i18n import Translator
from ..model import records as m


def cite_source(source: m.SourceDef, chapters: dict[str, dict[str, Document]], t: Translator) -> str:
    """The words for ``source`` in the language of ``t``."""
    lang = t.lang
    pair = chapters.get(source.chapter or "")
    if pair is None or source.title is not None or source.lost:  # a table, a figure, an annex: its label
        return source.label[lang]
    doc = pair[lang]
    if not doc.number:
        return doc.title
    chapter = t("cite.chapter", number=doc.number)
    heading = next((b.text for b in doc.blocks if b.kind == "heading" and b.anchor == source.anchor), None)
    if heading:
        return f"{chapter}{heading}" if lang == "zh" else f"{chapter} {heading}"
    return t("cite.chapter_titled", chapter=chapter, title=doc.title)


@dataclass
class Citations:
    """A page's citations (one language), each worded once per build: ``cite(record.source)`` in templates."""

    sources: dict[str, m.SourceDef]
    chapters: dict[str, dict[str, Document]]
    t: Translator
    _words: dict[str, str] = field(default_factory=dict)

    def of(self, source: m.SourceDef) -> str:
        if source.id not in self._words:
            self._words[source.id] = cite_source(source, self.chapters, self.t)
        return self._words[source.id]

    def __call__(self, source: m.Source) -> str:
        """A record's source (a section, or a table and its row) in words."""
        words = self.of(self.sources[source.ref])
        return self.t("cite.row", source=words, row=source.row) if source.row else words
