"""Locale formatting of the plan's figures — the only place numbers become text.

One rule for every figure the site shows (page, table, chart, tooltip, search excerpt), held by :class:`Figure`:

- a figure **stated** by the plan is shown as stated: its value exactly, only shifted between scales
  (491.2亿元 ↔ CNY 49.12 billion, 730407万元 ↔ CNY 7,304.07 million), never rounded;
- a figure the site **derives** (a required path, a share, a growth rate, a sum, a change) is rounded to a
  precision it states (``decimals``, counted in the plan's unit: never finer than the plan's own figures
  plus one digit), then shifted exactly, so both languages show the same number;
- one scale per kind of figure, so a table column never mixes scales: 亿元 figures are CNY billion in English,
  万元 figures 万元 / CNY million, derived sums of 万元 amounts 亿元 / CNY billion;
- units and counters in the page's language (家 ↔ enterprises, 万亩 ↔ mu); changes of a share in
  percentage points (个百分点 / pp), never as a percentage of a percentage.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal

NONE_TEXT = {"zh": "—", "en": "—"}
TBD_TEXT = {"zh": "待定", "en": "to be decided"}

#: decimals of derived figures, in the plan's unit
SHARE_DECIMALS = 1  # a share of a total, %
GROWTH_DECIMALS = 2  # a compound growth rate the site computes, % (the plan states rates to 0.1)
POINTS_DECIMALS = 1  # a change of a share, percentage points
SUM_DECIMALS = 2  # a sum of 万元 amounts, shown in 亿元

#: Chinese counters and units → (English singular, English plural, factor): 家 → enterprises; 万亩 → 10,000 mu
UNITS_EN: dict[str, tuple[str, str, int]] = {
    "家": ("enterprise", "enterprises", 1),
    "个": ("", "", 1),
    "项": ("", "", 1),
    "亩": ("mu", "mu", 1),
    "万亩": ("mu", "mu", 10000),
    "人": ("person", "people", 1),
    "件": ("", "", 1),
}


def _dec(value: float | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    return Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)


def decimals_of(value: float | Decimal | None) -> int:
    """How many decimals a stated figure has (``491.2`` → 1, ``800`` → 0)."""
    if value is None:
        return 0
    exponent = int(_dec(value).normalize().as_tuple().exponent)
    return max(0, -exponent)


def precision(*values: float | None) -> int:
    """The plan's own precision for figures derived from ``values``: the most decimals any of them has."""
    return max((decimals_of(v) for v in values if v is not None), default=0)


def rounded(value: float | Decimal, decimals: int) -> Decimal:
    """``value`` rounded half up to ``decimals`` (as people round, not banker's rounding)."""
    dec = _dec(value)
    context = Context(prec=max(28, dec.adjusted() + decimals + 2))
    return dec.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=context)


def plain(value: float | Decimal, lang: str = "zh", grouping: bool | None = None) -> str:
    """A number with no trailing zeros; en groups thousands with commas."""
    dec = _dec(value).normalize()
    if dec == dec.to_integral_value():  # 1E+3 → 1000 (enough digits for any figure, however large)
        dec = dec.quantize(Decimal(1), context=Context(prec=max(28, dec.adjusted() + 2)))
    if dec.is_zero():
        dec = Decimal(0)  # never "-0"
    use_grouping = (lang == "en") if grouping is None else grouping
    return f"{dec:,f}" if use_grouping else f"{dec:f}"


@dataclass(frozen=True)
class Figure:
    """A figure as the site shows it: its value in the plan's ``unit`` and whether the plan states it.

    ``decimals`` is None for a figure the plan states (shown exactly); for a derived figure it is the precision
    it is rounded to, in ``unit``. ``unit`` is the plan's Chinese unit (亿元, 万元, %, 家 …) or ``pp``
    (percentage points); ``unit_en`` the plan's English unit where it gives one (``CNY 10,000 per mu``).
    """

    value: float | Decimal | None
    unit: str = ""
    unit_en: str = ""
    decimals: int | None = None
    signed: bool = False  # a change: "+" before a positive value

    @property
    def stated(self) -> bool:
        return self.decimals is None

    def number(self) -> Decimal | None:
        """The value as shown (rounded if derived), in ``unit``."""
        if self.value is None:
            return None
        return _dec(self.value) if self.decimals is None else rounded(self.value, self.decimals)

    def text(self, lang: str, missing: str = "none") -> str:
        value = self.number()
        if value is None:
            return (TBD_TEXT if missing == "tbd" else NONE_TEXT)[lang]
        sign = "+" if self.signed and value > 0 else ""
        return sign + _with_unit(value, self.unit, self.unit_en, lang)


def _with_unit(value: Decimal, unit: str, unit_en: str, lang: str) -> str:
    """``value`` (already rounded) in ``unit``, in the words of ``lang``; scales shift exactly."""
    if unit == "亿元":
        return f"{plain(value, 'zh')}亿元" if lang == "zh" else f"CNY {plain(value / 10, 'en')} billion"
    if unit == "万元" and not unit_en.startswith("CNY 10,000 "):
        return f"{plain(value, 'zh')}万元" if lang == "zh" else f"CNY {plain(value / 100, 'en')} million"
    if unit in ("%", "（%）"):
        return f"{plain(value, lang)}%"
    if unit == "pp":
        return f"{plain(value, lang)}个百分点" if lang == "zh" else f"{plain(value, lang)} pp"
    if lang == "zh":
        return f"{plain(value, 'zh')}{unit}"
    if unit_en.startswith("CNY 10,000"):  # 万元 per something: shown in CNY
        return f"CNY {plain(value * 10000, 'en')}{unit_en.removeprefix('CNY 10,000')}"
    if unit_en.startswith("CNY 100 million"):
        return f"CNY {plain(value / 10, 'en')} billion{unit_en.removeprefix('CNY 100 million')}"
    if unit_en.startswith("100 million "):  # 亿千瓦时 → million kWh
        return f"{plain(value * 100, 'en')} million {unit_en.removeprefix('100 million ')}"
    if unit_en.startswith("10,000 "):
        return f"{plain(value * 10000, 'en')} {unit_en.removeprefix('10,000 ')}"
    if unit in UNITS_EN and not unit_en:
        one, many, factor = UNITS_EN[unit]
        word = one if value * factor == 1 else many
        return f"{plain(value * factor, 'en')} {word}".strip()
    return f"{plain(value, 'en')} {unit_en}".strip()


# --- the kinds of figure the site shows --------------------------------------------------------------------


def yi(value: float | None, lang: str, missing: str = "none") -> str:
    """An amount the plan states in 亿元: zh ``491.2亿元``; en ``CNY 49.12 billion`` (``CNY 0.86 billion``)."""
    return Figure(value, "亿元").text(lang, missing)


def wan(value: float | None, lang: str, missing: str = "tbd") -> str:
    """An amount the plan states in 万元 (a project's investment): ``350000万元`` / ``CNY 3,500 million``."""
    return Figure(value, "万元").text(lang, missing)


def wan_total(value: float | None, lang: str) -> str:
    """A sum of 万元 amounts (derived), in 亿元 to two decimals: ``490.14亿元`` / ``CNY 49.014 billion``."""
    if value is None:
        return NONE_TEXT[lang]
    if value == 0:
        return "0亿元" if lang == "zh" else "CNY 0"
    return Figure(_dec(value) / 10000, "亿元", decimals=SUM_DECIMALS).text(lang)


def wan_approx(value: float | None, lang: str) -> str:
    """A stated 万元 amount of 1亿元 or more, rounded to 0.01亿元 for reading: ``约73.04亿元`` / ``about CNY 7.304
    billion``."""
    if value is None or value < 10000:
        return ""
    fig = Figure(_dec(value) / 10000, "亿元", decimals=SUM_DECIMALS)
    if fig.number() == _dec(value) / 10000:  # the same amount, only in the larger unit: no "about"
        return fig.text(lang)
    return f"约{fig.text(lang)}" if lang == "zh" else f"about {fig.text(lang)}"


def percent(value: float | None, lang: str, digits: int | None = None) -> str:
    """A percentage: stated (``digits`` None, shown exactly) or derived (rounded to ``digits``)."""
    return Figure(value, "%", decimals=digits).text(lang)


def signed_percent(value: float | None, lang: str, digits: int = 1) -> str:
    return Figure(value, "%", decimals=digits, signed=True).text(lang)


def points(value: float | None, lang: str) -> str:
    """A change of a share (derived), in percentage points: ``+6.2个百分点`` / ``+6.2 pp``."""
    return Figure(value, "pp", decimals=POINTS_DECIMALS, signed=True).text(lang)


def count(value: float | None, lang: str, unit_zh: str = "") -> str:
    return Figure(value, unit_zh).text(lang)


def figure(value: float | None, unit_zh: str, unit_en: str, lang: str, decimals: int | None = None) -> str:
    """A figure with the unit the plan gives it (stated, or derived when ``decimals`` is given)."""
    return Figure(value, unit_zh, unit_en, decimals).text(lang)


def year_range(start: int | None, end: int | None, lang: str) -> str:
    if start is None or end is None:
        return TBD_TEXT[lang]
    return f"{start}–{end}"


def ordinal_rank(rank: int, tied: bool, lang: str) -> str:
    """A rank as people write it, ties marked: ``排第3位`` / ``并列第16位``; ``3`` / ``=16``."""
    if lang == "zh":
        return f"并列第{rank}位" if tied else f"排第{rank}位"
    return f"={rank}" if tied else str(rank)


def implied_growth(start: float | None, end: float | None, years: int) -> float | None:
    """Compound average annual growth (%) from ``start`` to ``end`` over ``years``."""
    if start is None or end is None or start <= 0 or years <= 0:
        return None
    return float(((end / start) ** (1 / years) - 1) * 100)


def required_path(start: float, growth_pct: float, first_year: int, last_year: int) -> list[tuple[int, float]]:
    """The yearly values of ``start`` compounding at ``growth_pct`` from first to last year."""
    return [(year, start * (1 + growth_pct / 100) ** (year - first_year)) for year in range(first_year, last_year + 1)]


def chart_number(value: float | None, decimals: int = 3) -> float | None:
    """A position for a chart (a bar's length, a point's height), rounded: a spec never carries 0.30000000000000004."""
    return None if value is None else float(rounded(value, decimals))


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
    if unit.startswith("万") and unit_en.startswith("10,000 "):  # 万套 "10,000 sets": 6,700,000 sets
        return f"{plain(dec * 10000, 'en')} {unit_en.removeprefix('10,000 ')}"
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


def date(value: datetime.date | None, lang: str) -> str:
    """A day as prose writes it: zh ``<y>年<m>月<d>日``, en ``<d> <Month> <y>`` (— for none)."""
    if value is None:
        return NONE_TEXT[lang]
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"


class Formatter:
    """The formatting functions bound to one language, for templates and charts."""

    def __init__(self, lang: str):
        self.lang = lang

    def show(self, fig: Figure, missing: str = "none") -> str:
        return fig.text(self.lang, missing)

    def yi(self, value: float | None, missing: str = "none") -> str:
        return yi(value, self.lang, missing)

    def wan(self, value: float | None, missing: str = "tbd") -> str:
        return wan(value, self.lang, missing)

    def wan_total(self, value: float | None) -> str:
        return wan_total(value, self.lang)

    def wan_approx(self, value: float | None) -> str:
        return wan_approx(value, self.lang)

    def percent(self, value: float | None, digits: int | None = None) -> str:
        return percent(value, self.lang, digits)

    def share(self, value: float | None) -> str:
        """A share the site computes (of a total), to 0.1 %."""
        return percent(value, self.lang, SHARE_DECIMALS)

    def growth(self, value: float | None) -> str:
        """A compound growth rate the site computes, to 0.01 %."""
        return percent(value, self.lang, GROWTH_DECIMALS)

    def signed_percent(self, value: float | None, digits: int = 1) -> str:
        return signed_percent(value, self.lang, digits)

    def points(self, value: float | None) -> str:
        return points(value, self.lang)

    def number(self, value: float | None) -> str:
        return NONE_TEXT[self.lang] if value is None else plain(value, self.lang)

    def count(self, value: float | None, unit_zh: str = "") -> str:
        return count(value, self.lang, unit_zh)

    def figure(self, value: float | None, unit_zh: str, unit_en: str = "", decimals: int | None = None) -> str:
        return figure(value, unit_zh, unit_en, self.lang, decimals)

    def years(self, start: int | None, end: int | None) -> str:
        return year_range(start, end, self.lang)

    def rank(self, rank: int, tied: bool = False) -> str:
        return ordinal_rank(rank, tied, self.lang)

    def small_count(self, value: int) -> str:
        return small_count(value, self.lang)

    def year_list(self, years: list[int]) -> str:
        return year_list(years, self.lang)

    def measure(self, value: float | None, unit_zh: str, unit_en: str = "", one: str = "") -> str:
        return measure(value, unit_zh, self.lang, unit_en, one)

    def change(self, value: float | None, unit_zh: str) -> str:
        return change(value, unit_zh, self.lang)

    def date(self, value: datetime.date | None) -> str:
        return date(value, self.lang)
