"""The translation state of texts on a rendered page made visible: a missing English text shows the Chinese
marked ``lang="zh-CN"`` with a notice beside it, an outdated one its English with a notice.

Templates write texts as they always do; the Jinja environment's ``finalize`` (:func:`marks.in_html`) puts
private-use markers around a text whose English is missing or outdated, and :func:`finish` replaces them once the
page is rendered. Inside a tag (an attribute), ``<title>``, ``<script>``, ``<style>``, ``<textarea>`` and
``<option>`` no markup is allowed, so the markers are only removed there. A page without markers (every page of a
fully translated plan) is returned as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import escape

from ..i18n import HTML_LANG
from .marks import OUTDATED_CLOSE, OUTDATED_OPEN, UNTRANSLATED_CLOSE, UNTRANSLATED_OPEN

MARKERS = UNTRANSLATED_OPEN + UNTRANSLATED_CLOSE + OUTDATED_OPEN + OUTDATED_CLOSE
NO_MARKUP = re.compile(r"<(title|script|style|textarea|option)\b[^>]*>.*?</\1\s*>|<[^>]*>", re.S | re.I)
STRIP = str.maketrans("", "", MARKERS)
UNTRANSLATED = re.compile(f"{UNTRANSLATED_OPEN}(.*?){UNTRANSLATED_CLOSE}", re.S)
OUTDATED = re.compile(f"{OUTDATED_OPEN}(.*?){OUTDATED_CLOSE}", re.S)


@dataclass(frozen=True)
class Notices:
    """The notices of a page's language (``translation.missing`` / ``translation.outdated`` of the UI strings)."""

    missing: str
    outdated: str


def note(text: str) -> str:
    return f' <small class="translation-note" data-pagefind-ignore>({escape(text)})</small>'


def finish(html: str, notices: Notices) -> str:
    """``html`` with its translation markers replaced by marked spans and notices (see the module's doc)."""
    if not any(marker in html for marker in MARKERS):
        return html
    html = NO_MARKUP.sub(lambda m: m.group().translate(STRIP), html)
    zh = HTML_LANG["zh"]
    missing, outdated = note(notices.missing), note(notices.outdated)
    html = UNTRANSLATED.sub(lambda m: f'<span class="untranslated" lang="{zh}">{m.group(1)}</span>{missing}', html)
    html = OUTDATED.sub(lambda m: f'<span class="outdated">{m.group(1)}</span>{outdated}', html)
    return html.translate(STRIP)  # an unpaired marker (never expected) is dropped, not shown
