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


# --- any of the plan's units, in the page's language ---------------------------------------------------

MINUS = "\u2212"
#: Chinese counters: an English figure goes without them (its label says what is counted)
COUNTERS = frozenset("家个项座条所台套人次幢支")


def cny(yuan: float | Decimal) -> str:
    """An amount of yuan in English: ``CNY 152,700``, ``CNY 1.3 million``, ``CNY 4.9 billion``."""
    dec = _dec(yuan) if not isinstance(yuan, Decimal) else yuan
    if abs(dec) >= 1_000_000_000:
        return f"CNY {plain(dec / 1_000_000_000, 'en')} billion"
    if abs(dec) >= 1_000_000:
        return f"CNY {plain(dec / 1_000_000, 'en')} million"
    return f"CNY {plain(dec, 'en')}"


def measure(value: float | None, unit_zh: str, lang: str, unit_en: str = "", one: str = "") -> str:
    """A figure in the unit the plan gives it (``unit_zh``), written for ``lang``: money, per-mu amounts, land and
    energy are converted for English readers; a Chinese counter (家, 个) is dropped in English unless ``unit_en``
    names what is counted (``one``: its singular). An English page never shows a Chinese unit."""
    if value is None:
        return NONE_TEXT[lang]
    unit = unit_zh.strip().removeprefix("（").removesuffix("）")  # 表 headers print （%）, （家）
    dec = _dec(value)
    if unit == "亿元":
        return yi(value, lang)
    if unit == "万元":
        return wan(value, lang, "none")
    if unit in ("%", "（%）"):
        return percent(value, lang)
    zh_only = lang == "zh"
    if unit == "pp":
        points = "percentage point" if dec == 1 else "percentage points"
        return f"{plain(dec, lang)}个百分点" if zh_only else f"{plain(dec, lang)} {points}"
    if zh_only:
        return f"{plain(dec, 'zh')}{unit}"
    english = {
        "万元/亩": lambda d: f"{cny(d * 10000)} per mu",
        "万亩": lambda d: f"{plain(d * 10000, 'en')} mu",
        "亩": lambda d: f"{plain(d, 'en')} mu",
        "平方米": lambda d: f"{plain(d, 'en')} m²",
        "万平方米": lambda d: f"{plain(d * 10000, 'en')} m²",
        "兆瓦": lambda d: f"{plain(d, 'en')} MW",
        "亿千瓦时": lambda d: f"{plain(d * 100, 'en')} million kWh",
        "万吨": lambda d: f"{plain(d * 10000, 'en')} tonnes",
        "吨": lambda d: f"{plain(d, 'en')} tonnes",
        "倍": lambda d: f"{plain(d, 'en')} times",
    }.get(unit)
    if english is not None:
        return english(dec)
    if unit_en:
        return f"{plain(dec, 'en')} {one if one and dec == 1 else unit_en}"
    return plain(dec, "en")  # a counter, or a unit with no English: the figure alone


def change(value: float | None, unit_zh: str, lang: str) -> str:
    """A signed difference in the plan's unit (``+2亿元``, ``−1.25 percentage points``): shares change in points."""
    if value is None:
        return NONE_TEXT[lang]
    text = measure(abs(value), unit_zh, lang)
    return text if value == 0 else (MINUS if value < 0 else "+") + text


def value_range(low: float, high: float, unit_zh: str, lang: str, unit_en: str = "") -> str:
    """``5–8家`` / ``5–8 platforms``; amounts in full at both ends (``CNY 50–80 million`` would need rescaling)."""
    whole = measure(high, unit_zh, lang, unit_en)
    bare = measure(high, "", lang)
    if whole.startswith(bare):  # the unit follows the figure: write it once
        return f"{measure(low, '', lang)}–{whole}"
    return f"{measure(low, unit_zh, lang, unit_en)}–{whole}"


EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]  # fmt: skip


def date(value: datetime.date, lang: str) -> str:
    """A day as prose writes it: zh ``<y>年<m>月<d>日``, en ``<d> <Month> <y>``."""
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"


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

    def measure(self, value: float | None, unit_zh: str, unit_en: str = "", one: str = "") -> str:
        return measure(value, unit_zh, self.lang, unit_en, one)

    def change(self, value: float | None, unit_zh: str) -> str:
        return change(value, unit_zh, self.lang)

    def date(self, value: datetime.date) -> str:
        return date(value, self.lang)
