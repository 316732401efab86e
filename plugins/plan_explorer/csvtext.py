"""CSV as the site writes it, for the open data and every chart's data file: RFC 4180 quoting, and no cell a
spreadsheet would run as a formula. A module of its own, so the charts and the export share it without importing
each other."""

from __future__ import annotations

import re
from collections.abc import Sequence

#: what a spreadsheet may run as a formula when a cell (or a line of it: a reader that splits rows at a bare CR
#: makes each line a cell) starts with it
FORMULA_START = re.compile(r"(^|[\r\n])(?=[=+\-@\t\r])")
#: a field holding one of these is quoted (RFC 4180; the csv module would leave a bare CR unquoted)
NEEDS_QUOTES = re.compile(r'[",\r\n]')


def defused(text: str) -> str:
    """A text cell no spreadsheet runs as a formula: an apostrophe before ``=``, ``+``, ``-``, ``@``, a tab or a CR
    at its start or after any line break in it (the same rule as the explorer's CSV download, explorer.js)."""
    return FORMULA_START.sub(lambda found: found.group(1) + "'", text)


def csv_row(fields: Sequence[str]) -> str:
    """One CSV record: fields with a quote, comma, CR or LF quoted, quotes doubled; ended by LF."""
    return ",".join('"' + f.replace('"', '""') + '"' if NEEDS_QUOTES.search(f) else f for f in fields) + "\n"
