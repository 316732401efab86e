"""Glossary terms linked where a text first uses them: a reader meeting 单列企业 or "CNY 10-billion enterprise" in a
chapter or an entity's text gets the glossary's explanation on hover (the link's title) and its entry on a tap.

One :class:`Glosser` per language, built once per site from ``glossary.yaml``: the forms of every term with a note
(a definition to show; a bare translation is not linked) in that
language (the Chinese forms the glossary test checks, or the English rendering and its forms), longest first, one
regular expression. Only text is linked, never inside a tag or an existing link; each term once per text (a chapter
counts as one text across its blocks).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from ..model import records as m
from ..numfmt import known_unit

TAG = re.compile(r"(<[^>]*>)")
#: shortest form linked (one Han character or a two-letter word says too little to be a term here)
MIN_ZH, MIN_EN = 2, 3


class Glosser:
    """Links the first use of each glossary term in a text of one language to its entry (``href#id``: ``href`` is
    the glossary page's address from the page the text is on)."""

    def __init__(self, terms: Iterable[m.Term], lang: str) -> None:
        self.lang = lang
        self.ids: dict[str, str] = {}  # a form as written (lower case in English) → the term's id
        self.titles: dict[str, str] = {}
        for term in terms:
            if term.note is None:  # a bare translation is no definition: only explained terms are linked
                continue
            if any(known_unit(f) for f in term.term.zh.split(" / ")):  # a unit after every figure: not a term to
                continue  # point at (its glossary entry stays)
            if lang == "zh":
                forms = term.zh_forms if term.zh_forms is not None else term.term.zh.split(" / ")
                forms = [f.strip('“”"') for f in forms if len(f.strip('“”"')) >= MIN_ZH]
            else:
                forms = [f for f in [*term.term.en.split(" / "), *term.forms] if len(f) >= MIN_EN]
            if not forms:
                continue
            self.titles[term.id] = term.note[lang]
            for form in forms:
                self.ids.setdefault(form if lang == "zh" else form.lower(), term.id)
        #: each form as it appears in escaped HTML text (lower case in English), longest first
        self.forms = sorted((str(escape(f)) for f in self.ids), key=len, reverse=True)
        self._needles = [(f, f if lang == "zh" else f.lower()) for f in self.forms]  # what a text is searched for
        self._patterns: dict[tuple[str, ...], re.Pattern[str]] = {}

    def _pattern(self, text: str) -> re.Pattern[str] | None:
        """The expression for the forms that occur in ``text`` (a large alternation is slow to run, a substring
        test is not: the expression is built from the few forms present, and kept)."""
        haystack = text if self.lang == "zh" else text.lower()
        present = tuple(f for f, needle in self._needles if needle in haystack)
        if not present:
            return None
        if present not in self._patterns:
            alternatives = "|".join(re.escape(f) for f in present)
            self._patterns[present] = (
                re.compile(alternatives)
                if self.lang == "zh"
                else re.compile(r"(?<![\w-])(?:" + alternatives + r")(?:e?s)?(?![\w-])", re.I)  # whole words
            )
        return self._patterns[present]

    def _id(self, found: str) -> str | None:
        if self.lang == "zh":
            return self.ids.get(found)
        lower = found.lower()
        for candidate in (lower, lower.removesuffix("s"), lower.removesuffix("es")):
            if candidate in self.ids:
                return self.ids[candidate]
        return None

    def link_html(self, html: str, seen: set[str], href: str) -> Markup:
        """``html`` (already safe) with the first use of each term not in ``seen`` linked; ``seen`` is updated."""
        pattern = self._pattern(html)
        if pattern is None:
            return Markup(html)  # noqa: S704 — the caller's HTML, unchanged
        out: list[str] = []
        in_link = 0
        for piece in TAG.split(html):
            if piece.startswith("<"):
                if re.match(r"<a[\s>]", piece):
                    in_link += 1
                elif piece.startswith("</a"):
                    in_link = max(0, in_link - 1)
                out.append(piece)
            elif in_link or not piece:
                out.append(piece)
            else:
                out.append(pattern.sub(lambda match: self._link(match.group(), seen, href), piece))
        return Markup("".join(out))  # noqa: S704 — the caller's HTML with links around its own escaped text

    def _link(self, found: str, seen: set[str], href: str) -> str:
        term = self._id(found)
        if term is None or term in seen:
            return found
        seen.add(term)
        title = escape(self.titles[term])
        return f'<a class="gloss" href="{href}#{term}" title="{title}">{found}</a>'

    def link_text(self, text: str | None, href: str) -> Markup:
        """A plain text, escaped, with the first use of each term linked (a text of its own)."""
        return self.link_html(str(escape(text or "")), set(), href)
