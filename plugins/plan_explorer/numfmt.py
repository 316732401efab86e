"""Locale formatting of the plan's figures — the only place numbers become text.

zh keeps the plan's units (491.2亿元, 35亿元 from 350000万元); en uses CNY billion / million
(CNY 49.12 billion, CNY 3.5 billion). Values are shifted as decimals, never rounded away.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

NONE_TEXT = {"zh": "—", "en": "—"}
TBD_TEXT = {"zh": "待定", "en": "to be decided"}


def _dec(value: float) -> Decimal:
    return Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)


def plain(value: float | Decimal, lang: str = "zh", grouping: bool | None = None) -> str:
    """A number with no trailing zeros; en groups thousands with commas."""
    dec = _dec(value) if not isinstance(value, Decimal) else value
    dec = dec.normalize()
    if dec == dec.to_integral_value():
        dec = dec.quantize(Decimal(1))
    use_grouping = (lang == "en") if grouping is None else grouping
    text = f"{dec:,f}" if use_grouping else f"{dec:f}"
    return text


def yi(value: float | None, lang: str, missing: str = "none") -> str:
    """An amount in 亿元: zh ``491.2亿元``; en ``CNY 49.12 billion`` or ``CNY 860 million``."""
    if value is None:
        return (TBD_TEXT if missing == "tbd" else NONE_TEXT)[lang]
    dec = _dec(value)
    if lang == "zh":
        return f"{plain(dec, 'zh')}亿元"
    if dec >= 10:
        return f"CNY {plain(dec / 10, 'en')} billion"
    return f"CNY {plain(dec * 100, 'en')} million"


def wan(value: float | None, lang: str, missing: str = "tbd") -> str:
    """An amount in 万元: zh ``35亿元`` / ``5000万元``; en ``CNY 3.5 billion`` / ``CNY 50 million``."""
    if value is None:
        return (TBD_TEXT if missing == "tbd" else NONE_TEXT)[lang]
    dec = _dec(value)
    if lang == "zh":
        return f"{plain(dec / 10000, 'zh')}亿元" if dec >= 10000 else f"{plain(dec, 'zh')}万元"
    if dec >= 100000:
        return f"CNY {plain(dec / 100000, 'en')} billion"
    return f"CNY {plain(dec / 100, 'en')} million"


def wan_raw(value: float | None, lang: str) -> str:
    """An amount in 万元 as the plan prints it: ``350000万元`` / ``CNY 3,500,000 ten-thousand``."""
    if value is None:
        return TBD_TEXT[lang]
    return f"{plain(value, 'zh')}万元" if lang == "zh" else f"{plain(value, 'en')} × CNY 10,000"


def percent(value: float | None, lang: str, digits: int | None = None) -> str:
    if value is None:
        return NONE_TEXT[lang]
    dec = _dec(value)
    if digits is not None:
        dec = dec.quantize(Decimal(1).scaleb(-digits))
    return f"{plain(dec, lang)}%"


def signed_percent(value: float | None, lang: str, digits: int = 1) -> str:
    if value is None:
        return NONE_TEXT[lang]
    text = percent(value, lang, digits)
    return text if value < 0 else f"+{text}"


def count(value: float | None, lang: str, unit_zh: str = "") -> str:
    if value is None:
        return NONE_TEXT[lang]
    return f"{plain(value, lang)}{unit_zh}" if lang == "zh" else plain(value, lang)


def figure(value: float | None, unit_zh: str, unit_en: str, lang: str) -> str:
    """A figure with the unit the plan gives it: 亿元 and 万元 amounts use the money formats."""
    if value is None:
        return NONE_TEXT[lang]
    if unit_zh == "亿元":
        return yi(value, lang)
    if unit_zh in ("%", "（%）"):
        return percent(value, lang)
    if lang == "zh":
        return f"{plain(value, 'zh')}{unit_zh}"
    return f"{plain(value, 'en')} {unit_en}".strip()


def year_range(start: int | None, end: int | None, lang: str) -> str:
    if start is None or end is None:
        return TBD_TEXT[lang]
    return f"{start}–{end}"


def implied_growth(start: float | None, end: float | None, years: int) -> float | None:
    """Compound average annual growth (%) from ``start`` to ``end`` over ``years``."""
    if start is None or end is None or start <= 0 or years <= 0:
        return None
    return float(((end / start) ** (1 / years) - 1) * 100)


def required_path(start: float, growth_pct: float, first_year: int, last_year: int) -> list[tuple[int, float]]:
    """The yearly values of ``start`` compounding at ``growth_pct`` from first to last year."""
    return [(year, start * (1 + growth_pct / 100) ** (year - first_year)) for year in range(first_year, last_year + 1)]


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def date(value: datetime.date | None, lang: str) -> str:
    """A date as prose writes it: zh ``<y>年<m>月<d>日``, en ``<d> <Month> <y>``."""
    if value is None:
        return NONE_TEXT[lang]
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def rounded(value: float, like: list[float]) -> float:
    """A derived figure (a value on a required path) to one decimal more than the most precise of the figures
    ``like`` it is derived from, and at most three, so no false precision is shown."""
    places = max((len(plain(v).partition(".")[2]) for v in like), default=0)
    return round(value, min(places + 1, 3))


CN_DIGITS = "零一二三四五六七八九"
EN_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def small_count(value: int, lang: str) -> str:
    """A count in words as prose writes it: zh ``八`` (up to 99), en ``eight`` (up to twelve); digits beyond."""
    if lang == "en":
        return EN_WORDS[value] if 0 <= value < len(EN_WORDS) else plain(value, "en")
    if not 0 <= value < 100:
        return str(value)
    tens, units = divmod(value, 10)
    if tens == 0:
        return CN_DIGITS[units]
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[units] if units else "")


def year_list(years: list[int], lang: str) -> str:
    """``<a>、<b>和<c>`` / ``<a>, <b> and <c>``: years as prose lists them."""
    words = [str(y) for y in years]
    if len(words) < 2:
        return "".join(words)
    return ("、".join(words[:-1]) + "和" + words[-1]) if lang == "zh" else (", ".join(words[:-1]) + " and " + words[-1])


class Formatter:
    """The formatting functions bound to one language, for templates."""

    def __init__(self, lang: str):
        self.lang = lang

    def yi(self, value: float | None, missing: str = "none") -> str:
        return yi(value, self.lang, missing)

    def wan(self, value: float | None, missing: str = "tbd") -> str:
        return wan(value, self.lang, missing)

    def wan_raw(self, value: float | None) -> str:
        return wan_raw(value, self.lang)

    def percent(self, value: float | None, digits: int | None = None) -> str:
        return percent(value, self.lang, digits)

    def signed_percent(self, value: float | None, digits: int = 1) -> str:
        return signed_percent(value, self.lang, digits)

    def number(self, value: float | None) -> str:
        return NONE_TEXT[self.lang] if value is None else plain(value, self.lang)

    def count(self, value: float | None, unit_zh: str = "") -> str:
        return count(value, self.lang, unit_zh)

    def figure(self, value: float | None, unit_zh: str, unit_en: str) -> str:
        return figure(value, unit_zh, unit_en, self.lang)

    def years(self, start: int | None, end: int | None) -> str:
        return year_range(start, end, self.lang)

    def small_count(self, value: int) -> str:
        return small_count(value, self.lang)

    def year_list(self, years: list[int]) -> str:
        return year_list(years, self.lang)

    def date(self, value: datetime.date | None) -> str:
        return date(value, self.lang)
