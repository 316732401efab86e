"""What a text's English is: missing (the Chinese shown in its place), outdated (its Chinese changed after it
was translated) or current, carried by the string itself so that every consumer (pages, search, feeds, charts)
reads a plain ``str`` and the HTML pages can still mark it.

A translation records the Chinese it was made from as a short hash beside the English (``zh_hash``); a text
without one is current (a plan translated by hand needs no bookkeeping until its first XLIFF import).
"""

from __future__ import annotations

import functools
import hashlib
import re
from typing import cast

from markupsafe import Markup

#: around a missing English text (the Chinese shown instead) in rendered HTML, until the page is finished
UNTRANSLATED_OPEN, UNTRANSLATED_CLOSE = "\ue000", "\ue001"
#: around an English text whose Chinese changed after it was translated
OUTDATED_OPEN, OUTDATED_CLOSE = "\ue002", "\ue003"
#: an English chapter block (or title) that is not translated yet
UNTRANSLATED_BLOCK = "[[untranslated]]"


class Untranslated(str):
    """The Chinese text standing in for a missing English one."""

    __slots__ = ()


class Outdated(str):
    """An English text translated from an earlier version of its Chinese."""

    __slots__ = ()


@functools.lru_cache(maxsize=1 << 16)  # asked for by every ``text["en"]`` of a text that records one
def zh_hash(zh: str) -> str:
    """The short hash of a Chinese text recorded with its translation (surrounding white space ignored)."""
    return hashlib.sha256(zh.strip().encode("utf-8")).hexdigest()[:10]


#: the markers, which a text of the plan cannot bring into a page itself
MARKER = re.compile(f"[{UNTRANSLATED_OPEN}{UNTRANSLATED_CLOSE}{OUTDATED_OPEN}{OUTDATED_CLOSE}]")


def _marked(text: str) -> bool:
    """Whether ``text`` holds a marker character (four substring tests: much faster than a search, and asked of
    every value a page writes)."""
    return UNTRANSLATED_OPEN in text or UNTRANSLATED_CLOSE in text or OUTDATED_OPEN in text or OUTDATED_CLOSE in text


def in_html(value: object) -> object:
    """A value about to be written into a page, its translation state (if any) made visible as private-use
    markers that :func:`translations.html.finish` turns into marked spans (or strips inside tags and titles)."""
    kind = type(value)
    if kind is str or kind is Markup:  # the common case: a plain text or safe HTML, nearly always unmarked
        text = cast(str, value)  # no copy: a Markup is a str
        if not _marked(text):
            return value
        cleaned = MARKER.sub("", text)
        return Markup(cleaned) if kind is Markup else cleaned  # noqa: S704 — safe HTML already; characters removed
    if isinstance(value, Untranslated):
        return f"{UNTRANSLATED_OPEN}{MARKER.sub('', value)}{UNTRANSLATED_CLOSE}"
    if isinstance(value, Outdated):
        return f"{OUTDATED_OPEN}{MARKER.sub('', value)}{OUTDATED_CLOSE}"
    if isinstance(value, str) and MARKER.search(value):  # the characters themselves, in a text: dropped
        if isinstance(value, Markup):
            return Markup(MARKER.sub("", value))  # noqa: S704 — safe HTML already; only characters removed
        return MARKER.sub("", value)
    return value
