"""How the plan qualifies a figure, and what range of values that wording allows.

An approximate figure is read at the precision it is written to: half a unit of its last significant digit
either side (约/左右: 6%左右 is 5.5–6.5%, 约80 is 75–85), below it only for 近 (近30% is 25–30%). ``以上`` (or more)
and ``以下`` (or less) bound one side. An exact figure allows what rounding allows: half a unit of its last
decimal (93.3 covers 93.25–93.35).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from ..model import records as m
from ..numfmt import plain
from .findings import Fig, Say, half_unit

#: a qualifier before the figure, perhaps with a verb between (近30%, 约占20%, 约为5亿元)
BEFORE = re.compile(r"(将近|接近|近|大约|约)(占|为|达|达到|合)?$")
BEFORE_WORDS = {"将近": "nearly", "接近": "nearly", "近": "nearly", "大约": "about", "约": "about"}
AFTER = re.compile(r"^[^\d，。；、,;（）()]{0,4}?(左右|以上|以下|以内|多)")
AFTER_WORDS = {"左右": "about", "以上": "at_least", "多": "at_least", "以下": "at_most", "以内": "at_most"}


def qualifier_in(quote: str | None, value: float) -> m.Qualifier | None:
    """The qualifier the plan's words put on ``value`` (近30% → nearly, 230亿元以上 → at_least), if any."""
    if not quote:
        return None
    written = plain(value, grouping=False)
    for match in re.finditer(rf"(?<![\d.]){re.escape(written)}(?![\d.])", quote):
        before = BEFORE.search(quote[: match.start()].rstrip())
        if before:
            return BEFORE_WORDS[before.group(1)]  # type: ignore[return-value]  # one of the Qualifier literals
        after = AFTER.match(quote[match.end() :])
        if after:
            return AFTER_WORDS[after.group(1)]  # type: ignore[return-value]
    return None


def significant_half_unit(value: float) -> float:
    """Half a unit of the last significant digit: 5 for 30, 50 for 1200, 0.5 for 6, 0.05 for 93.3."""
    dec = Decimal(repr(float(value))).normalize()
    if dec == 0:
        return 0.5
    return 0.5 * 10.0 ** int(dec.as_tuple().exponent)


def allowed(value: float, qualifier: str | None) -> tuple[float, float]:
    """The values a figure stated with ``qualifier`` (``exactly``/None for a plain figure) is consistent with."""
    exact, approx = half_unit(value), significant_half_unit(value)
    if qualifier == "about":
        return value - approx, value + approx
    if qualifier == "nearly":
        return value - approx, value
    if qualifier == "at_least":
        return value - exact, math.inf
    if qualifier == "at_most":
        return -math.inf, value + exact
    return value - exact, value + exact


def outside(x: float, bounds: tuple[float, float]) -> float:
    """How far ``x`` lies outside ``bounds`` (0 inside), signed: positive above, negative below."""
    low, high = bounds
    if x > high + 1e-9:
        return x - high
    if x < low - 1e-9:
        return x - low
    return 0.0


def read_as(value: float, qualifier: str | None, unit: str) -> Say | None:
    """How an approximate or bounded wording was read (shown with the finding), or None for a plain figure."""
    if qualifier is None or qualifier == "exactly":
        return None
    low, high = allowed(value, qualifier)
    args = {"stated": Fig(value, unit)}
    if qualifier in ("about", "nearly"):
        return Say(f"tolerance.{qualifier}", {**args, "low": Fig(low, unit), "high": Fig(high, unit)})
    return Say(f"tolerance.{qualifier}", args)
