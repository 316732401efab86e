"""Text of the other language inside a page marked with its ``lang``, so that screen readers pronounce it, fonts
and line breaking follow it, and the search index of each language holds only its own text.

English pages cite Chinese originals (``亿元 = CNY 100 million``, ``also written 洋溪创智片区``); Chinese pages name
formats and software in English (``CSV``, ``JSON``). :func:`marked` wraps such runs in
``<span lang="zh-CN">`` / ``<span lang="en">``; :func:`marked_html` does the same inside the text of rendered HTML.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..i18n import HTML_LANG
from ..translations.marks import in_html

#: a run of Han characters with the CJK punctuation and full-width forms between and around them
HAN_RUN = re.compile(
    r"[“‘「『（]?[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]"
    r"(?:[\u3000-\u303f\uff00-\uffef\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f“”‘’·]*"
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f”）」』])?"
)
#: in Chinese text: a run of Latin words (two letters or more, with what joins them)
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9]+(?:[ .\-–/][A-Za-z][A-Za-z0-9]*)*")
OTHER = {"en": (HAN_RUN, HTML_LANG["zh"]), "zh": (LATIN_RUN, HTML_LANG["en"])}
TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


def _wrap(escaped: str, lang: str) -> str:
    pattern, other = OTHER[lang]
    return pattern.sub(lambda m: f'<span lang="{other}">{m.group()}</span>', escaped)


def marked(text: str | None, lang: str) -> Markup:
    """``text`` (plain, escaped here) with its runs of the other language marked."""
    if not text:
        return Markup("")
    # a missing or outdated English keeps its translation markers (translations.html)
    return Markup(_wrap(str(escape(in_html(text))), lang))  # noqa: S704 — escaped above; only spans added


VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})


def marked_html(html: str, lang: str) -> Markup:
    """Rendered HTML with the runs of the other language in its text marked (tags and attributes untouched;
    text inside an element already marked with a ``lang`` is left alone)."""
    out: list[str] = []
    stack: list[bool] = []  # the open elements: whether each carries a lang
    for piece in TAG_OR_TEXT.split(str(html)):
        if not piece.startswith("<"):
            out.append(piece if any(stack) else _wrap(piece, lang))
            continue
        out.append(piece)
        name = re.match(r"<(/?)([A-Za-z][\w-]*)", piece)
        if name is None or piece.endswith("/>") or name.group(2).lower() in VOID:
            continue
        if name.group(1):
            if stack:
                stack.pop()
        else:
            stack.append(" lang=" in piece)
    return Markup("".join(out))  # noqa: S704 — the HTML was safe; only spans added
