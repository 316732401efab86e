"""What a text of the data may hold: no control characters, and a bounded length.

A control character pasted with a text (U+000B from a word processor, U+FFFE from a broken conversion) is
invisible in an editor and breaks what is made of it later: XML (the feeds, the sitemap) cannot hold it at
all, and CSV and HTML readers each treat it their own way. So every text read from the data is checked as
it is read (:mod:`.yamlsource`), each such character a problem with its file, line and field, and the
releases already in the history, which cannot be fixed any more, are read with them dropped (:func:`clean`).

The forbidden characters: C0 controls but tab and newline (U+0000–U+0008, U+000B–U+001F), DEL and the C1
controls (U+007F–U+009F), the noncharacters U+FFFE and U+FFFF, and lone surrogates (which no UTF-8 file can
hold, but a YAML escape such as ``"\\ud800"`` can).

Lengths: no text of the data (a name, a paragraph, a workbook cell) is longer than :data:`MAX_TEXT` characters
(the real plan's longest paragraph has about 2,200), so a stray paste cannot grow a site by megabytes; the
data's JSON Schemas state the bound (``maxLength``).
"""

from __future__ import annotations

import re

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
MAX_TEXT = 20_000


def describe(char: str) -> str:
    """``U+000B`` for a character (a lone surrogate too)."""
    return f"U+{ord(char):04X}"


def text_problem(value: str) -> str | None:
    """What is wrong with a text of the data (None: nothing)."""
    found = FORBIDDEN.search(value)
    if found is not None:
        return (
            f"control character {describe(found.group())} at character {found.start() + 1} "
            "(invisible, often pasted with the text): remove it"
        )
    if len(value) > MAX_TEXT:
        return f"text of {len(value):,} characters: at most {MAX_TEXT:,}"
    return None


def clean(value: str) -> str:
    """``value`` without its forbidden characters: how a text that cannot be fixed any more is read."""
    return FORBIDDEN.sub("", value)
