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
#: a sum of money is rounded to this many yuan: 0.01亿元 from 1亿元 up, 0.01万元 below (both languages alike)
SUM_QUANTA = ((Decimal(100_000_000), Decimal(1_000_000)), (Decimal(0), Decimal(100)))
ZERO_TOTAL = {"zh": "0亿元", "en": "CNY 0"}

#: Chinese counters → (English singular, English plural): a figure the site shows without the plan's English unit
#: names what is counted where the word is general (家 → enterprises); kept for callers that read it
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


# --- the unit registry: what every unit of the plan means and how a reader reads it ---------------------

#: money of at least this many yuan reads in 亿元 (zh); at least CNY 1 billion in billions (en): the reader's unit
YI_YUAN = Decimal(100_000_000)
BILLION = Decimal(1_000_000_000)
MILLION = Decimal(1_000_000)
WAN_YUAN = Decimal(10_000)


@dataclass(frozen=True)
class MoneyStep:
    """One step of the reader's money units: amounts of at least ``from_yuan`` are shown in ``per_yuan`` with
    ``prefix``/``suffix`` (``亿元``; ``CNY `` … `` billion``). Emitted as JSON for the explorer's script."""

    from_yuan: Decimal
    per_yuan: Decimal
    prefix: str
    suffix: str

    def json(self) -> dict[str, str | float | bool]:
        return {"from": float(self.from_yuan), "per": float(self.per_yuan), "prefix": self.prefix,
                "suffix": self.suffix}  # fmt: skip


#: the reader's money units, largest first (the last applies to every smaller amount)
MONEY_STEPS: dict[str, tuple[MoneyStep, ...]] = {
    "zh": (MoneyStep(YI_YUAN, YI_YUAN, "", "亿元"), MoneyStep(Decimal(0), WAN_YUAN, "", "万元")),
    "en": (MoneyStep(BILLION, BILLION, "CNY ", " billion"), MoneyStep(Decimal(0), MILLION, "CNY ", " million")),
}
#: a money unit a chart axis or a table column may be fixed to → its step in each language
MONEY_SCALES: dict[str, dict[str, MoneyStep]] = {
    "亿元": {"zh": MONEY_STEPS["zh"][0], "en": MONEY_STEPS["en"][0]},
    "万元": {"zh": MONEY_STEPS["zh"][1], "en": MONEY_STEPS["en"][1]},
}


def money_step(yuan: Decimal, lang: str, scale: str = "") -> MoneyStep:
    """The unit an amount of ``yuan`` reads in (the reader's rule), or the one ``scale`` fixes."""
    if scale:
        return MONEY_SCALES[scale][lang]
    return next(step for step in MONEY_STEPS[lang] if abs(yuan) >= step.from_yuan)


def money_text(yuan: Decimal, lang: str, scale: str = "", suffix: str = "") -> str:
    step = money_step(yuan, lang, scale)
    return f"{step.prefix}{plain(yuan / step.per_yuan, lang)}{step.suffix}{suffix}"


def axis_scale(values_yuan: list[Decimal | float | None], lang: str = "zh") -> str:
    """The one money unit of a chart axis (or a table column) holding these amounts, by the reader's rule for its
    largest: ``亿元`` (亿元 / CNY billion) when that reads in 亿元 (zh) or billions (en), else ``万元`` (万元 /
    CNY million)."""
    largest = max((abs(_dec(v)) for v in values_yuan if v is not None), default=Decimal(0))
    return "亿元" if largest >= MONEY_STEPS[lang][0].from_yuan else "万元"


@dataclass(frozen=True)
class UnitMeaning:
    """What a unit of the plan means: its ``kind`` (money, money per mu, percent, points, counter, measure), how
    many of the kind's base it is (``factor``: yuan for money, mu for land …) and its English word(s)."""

    zh: str
    kind: str
    factor: Decimal = Decimal(1)
    en: str = ""  # the English unit (measures) or the general word for what is counted (counters: plural)
    one: str = ""  # a counter's English word for one
    stored_en: str = ""  # the unit itself in English, for those who enter or reuse figures in it (CNY 10,000)

    def text(
        self, value: Decimal, lang: str, unit_en: str = "", scale: str = "", bare: bool = False, one: str = ""
    ) -> str:
        kind = self.kind
        if kind == "money":  # a figure the plan states in 亿元 keeps that scale: its columns never switch
            return money_text(value * self.factor, lang, scale or ("亿元" if self.factor == YI_YUAN else ""))
        if kind == "money_per_mu":
            if lang == "zh":
                return f"{plain(value, 'zh')}{self.zh}"
            return f"{cny(value * self.factor)} per mu"
        if kind == "percent":
            return f"{plain(value, lang)}%"
        if kind == "points":
            if lang == "zh":
                return f"{plain(value, lang)}个百分点"
            word = "pp" if not bare else "percentage point" if value == 1 else "percentage points"
            return f"{plain(value, lang)} {word}"
        if lang == "zh":
            return f"{plain(value, 'zh')}{self.zh}"
        if kind == "counter":
            plan_word = unit_en.strip()
            if plan_word:
                return f"{plain(value, 'en')} {one if one and value == 1 else plan_word}"
            if bare or not self.en:
                return plain(value, "en")
            return f"{plain(value, 'en')} {self.one if value == 1 else self.en}"
        return f"{plain(value * self.factor, 'en')} {self.en}"  # a measure: land, area, energy, mass, a ratio


def _units(*meanings: UnitMeaning) -> dict[str, UnitMeaning]:
    return {u.zh: u for u in meanings}


#: every unit the plan's data may give (an indicator's, a target's, a fact's, a field's): one that is not here is a
#: data error (``unknown unit``). Add a unit here, with its kind and English; nothing else formats it.
UNITS: dict[str, UnitMeaning] = _units(
    UnitMeaning("元", "money"),
    UnitMeaning("万元", "money", WAN_YUAN, stored_en="CNY 10,000"),
    UnitMeaning("亿元", "money", YI_YUAN, stored_en="CNY 100 million"),
    UnitMeaning("万元/亩", "money_per_mu", WAN_YUAN),
    UnitMeaning("元/亩", "money_per_mu"),
    UnitMeaning("%", "percent"),
    UnitMeaning("pp", "points"),
    UnitMeaning("家", "counter", en="enterprises", one="enterprise"),
    UnitMeaning("人", "counter", en="people", one="person"),
    UnitMeaning("架", "counter", en="aircraft", one="aircraft"),
    *(UnitMeaning(c, "counter") for c in "个项件座条所台套次幢支"),
    UnitMeaning("亩", "measure", en="mu"),
    UnitMeaning("万亩", "measure", WAN_YUAN, "mu"),
    UnitMeaning("平方米", "measure", en="m²"),
    UnitMeaning("万平方米", "measure", WAN_YUAN, "m²"),
    UnitMeaning("万㎡", "measure", WAN_YUAN, "m²"),
    UnitMeaning("万立方米", "measure", WAN_YUAN, "m³"),
    UnitMeaning("万套", "measure", WAN_YUAN, "sets"),
    UnitMeaning("平方公里", "measure", en="km²"),
    UnitMeaning("兆瓦", "measure", en="MW"),
    UnitMeaning("亿千瓦时", "measure", Decimal(100), "million kWh"),
    UnitMeaning("吨", "measure", en="tonnes"),
    UnitMeaning("万吨", "measure", WAN_YUAN, "tonnes"),
    UnitMeaning("倍", "measure", en="times"),
)


#: what an English unit's "per …" says the Chinese unit is per, where a table prints only the money (万元)
PER = {" per mu": "亩"}


def unit_of(unit: str, unit_en: str = "") -> UnitMeaning | None:
    """The registry's meaning of a unit as the plan writes it (a table header's ``（%）`` or ``（家）`` too). A table
    that prints ``万元`` above figures per mu (its English: ``CNY 10,000 per mu``) means 万元/亩: the figures keep
    their /亩 (the data keeps the table's own word)."""
    meaning = UNITS.get(unit.strip().removeprefix("（").removesuffix("）"))
    if meaning is not None and meaning.kind == "money" and unit_en:
        per = next((zh for en, zh in PER.items() if unit_en.rstrip().endswith(en)), None)
        return UNITS.get(f"{meaning.zh}/{per}", meaning) if per else meaning
    return meaning


def known_unit(unit: str) -> bool:
    return unit_of(unit) is not None


def unit_label(unit: str, lang: str, scale: str = "", unit_en: str = "") -> str:
    """A unit's name for a column heading or an axis, as the cells under it read: ``亿元`` / ``CNY billion``,
    ``万元/亩`` / ``CNY per mu``, ``万亩`` / ``mu`` (never ``CNY 10,000``)."""
    meaning = unit_of(unit, unit_en)
    if meaning is None:
        return unit
    if meaning.kind == "money":
        step = MONEY_SCALES[scale or ("亿元" if meaning.factor >= YI_YUAN else "万元")][lang]
        return (step.prefix + step.suffix.strip()).strip() if lang == "en" else step.suffix
    if lang == "zh":
        return "个百分点" if meaning.kind == "points" else meaning.zh
    return {"money_per_mu": "CNY per mu", "percent": "%", "points": "pp"}.get(meaning.kind, meaning.en)


def stored_unit(unit: str, lang: str) -> str:
    """A unit as figures are entered and exported in it (a workbook's column, a data file's): ``万元`` /
    ``CNY 10,000`` — not the reader's unit, which pages use."""
    meaning = unit_of(unit)
    if lang == "zh" or meaning is None:
        return unit
    return meaning.stored_en or meaning.en or unit


def money_table(lang: str) -> dict[str, object]:
    """The reader's money units as JSON for scripts that sum amounts on the page (the explorer): the steps
    (largest first), how a sum is rounded (``quanta``, yuan) and the text of nothing."""
    return {
        "steps": [step.json() for step in MONEY_STEPS[lang]],
        "quanta": [[float(least), float(q)] for least, q in SUM_QUANTA],
        "zero": ZERO_TOTAL[lang],
    }


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
    scale: str = ""  # a money unit the figure is shown in (a chart axis's, a column's) instead of its own

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
        return sign + _with_unit(value, self.unit, self.unit_en, lang, self.scale)


def _with_unit(
    value: Decimal, unit: str, unit_en: str, lang: str, scale: str = "", bare: bool = False, one: str = ""
) -> str:
    """``value`` (already rounded) in ``unit``, in the words of ``lang``, by the unit registry; scales shift exactly.

    ``scale``: a money unit every figure of a chart axis or column is shown in (``亿元``), instead of each
    figure's own (:func:`money_step`); ``bare``: a counter with no English word of the plan's is left out in
    English (its label says what is counted)."""
    meaning = unit_of(unit, unit_en)
    if meaning is None:  # not a unit of the registry (a data error where the plan gives it): as written
        if lang == "zh":
            return f"{plain(value, 'zh')}{unit}"
        return f"{plain(value, 'en')} {unit_en}".strip()
    return meaning.text(value, lang, unit_en, scale, bare, one)


# --- the kinds of figure the site shows --------------------------------------------------------------------


def yi(value: float | None, lang: str, missing: str = "none") -> str:
    """An amount the plan states in 亿元: zh ``491.2亿元``; en ``CNY 49.12 billion`` (``CNY 0.86 billion``)."""
    return Figure(value, "亿元").text(lang, missing)


def wan(value: float | None, lang: str, missing: str = "tbd") -> str:
    """An amount the plan states in 万元 (a project's investment): ``350000万元`` / ``CNY 3,500 million``."""
    return Figure(value, "万元").text(lang, missing)


def wan_total(value: float | None, lang: str) -> str:
    """A sum of 万元 amounts (derived), in the reader's unit (:data:`MONEY_STEPS`), rounded to its stated
    precision (:data:`SUM_QUANTA`): ``490.14亿元`` / ``CNY 49.014 billion``, ``5000万元`` / ``CNY 50 million``."""
    if value is None:
        return NONE_TEXT[lang]
    if value == 0:
        return ZERO_TOTAL[lang]
    yuan = _dec(value) * WAN_YUAN
    quantum = next(q for least, q in SUM_QUANTA if abs(yuan) >= least)
    return money_text((yuan / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum, lang)


def wan_printed(value: float | None, lang: str) -> str:
    """The 万元 figure the plan printed, after the reader's 亿元 (zh only): ``（350000万元）``; empty when the
    reader's figure is already in 万元, and in English."""
    if value is None or lang != "zh" or _dec(value) * WAN_YUAN < YI_YUAN:
        return ""
    return f"（{plain(value, 'zh')}万元）"


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


def chart_number(value: float | Decimal | None, decimals: int = 3) -> float | None:
    """A position for a chart (a bar's length, a point's height), rounded: a spec never carries 0.30000000000000004."""
    return None if value is None else float(rounded(value, decimals))


def wan_position(value: float | None, lang: str, scale: str = "亿元") -> float | None:
    """A 万元 amount as a position on a money axis of ``scale`` (亿元 / CNY billion, or 万元 / CNY million)."""
    if value is None:
        return None
    return chart_number(_dec(value) * WAN_YUAN / MONEY_SCALES[scale][lang].per_yuan)


def chart_value(value: float | None, unit: str, lang: str, unit_en: str = "") -> float | None:
    """A figure in ``unit`` as a position on a chart axis titled :func:`unit_label` (``unit``): money in 亿元 /
    CNY billion, per-mu amounts and measures in the English unit's own size (CNY per mu, mu), else as stated."""
    meaning = unit_of(unit, unit_en)
    if value is None or meaning is None:
        return chart_number(value)
    dec = _dec(value)
    if meaning.kind == "money":
        return chart_number(dec * meaning.factor / MONEY_SCALES["亿元"][lang].per_yuan)
    if lang == "en" and meaning.kind in ("money_per_mu", "measure"):
        return chart_number(dec * meaning.factor)
    return chart_number(dec)


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
    """A figure in the unit the plan gives it (``unit_zh``), written for ``lang`` by the unit registry: money in the
    reader's unit, per-mu amounts, land and energy converted for English readers; a Chinese counter (家, 个) is
    dropped in English unless ``unit_en`` names what is counted (``one``: its singular). An English page never
    shows a Chinese unit."""
    if value is None:
        return NONE_TEXT[lang]
    dec = _dec(value)
    if unit_of(unit_zh, unit_en) is None:
        return f"{plain(dec, 'zh')}{unit_zh}" if lang == "zh" else f"{plain(dec, 'en')} {unit_en}".strip()
    return _with_unit(dec, unit_zh, unit_en, lang, bare=True, one=one)


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

    def wan_printed(self, value: float | None) -> str:
        return wan_printed(value, self.lang)

    def unit(self, unit_zh: str, unit_en: str = "", scale: str = "") -> str:
        """A unit's name for a heading or an axis, as the figures under it read (:func:`unit_label`); a counter
        by the plan's English word for what it counts (``unit_en``: ``listed companies``)."""
        meaning = unit_of(unit_zh, unit_en)
        if self.lang == "en" and unit_en and (meaning is None or meaning.kind == "counter"):
            return unit_en
        return unit_label(unit_zh, self.lang, scale, unit_en)

    def on_scale(self, value: float | None, unit_zh: str, scale: str, decimals: int | None = None) -> str:
        """A money figure in the one unit of its axis or column (``scale``: 亿元 or 万元)."""
        return Figure(value, unit_zh, decimals=decimals, scale=scale).text(self.lang)

    def money_table(self) -> dict[str, object]:
        """The reader's money units as JSON, for a script that sums amounts (:func:`money_table`)."""
        return money_table(self.lang)

    def wan_on_axis(self, value: float | None, derived: bool = False, scale: str = "亿元") -> str:
        """A 万元 amount (stated, or a ``derived`` sum, rounded as :func:`wan_total` rounds) as a label on a money
        axis: in the axis's one unit (``scale``), whatever its size (never ``CNY 700 million`` on a ``CNY billion``
        axis)."""
        decimals = None
        if derived and value is not None:  # 0.01亿元 from 1亿元 up, 0.01万元 below; counted in 万元
            decimals = 4 - int(next(q for least, q in SUM_QUANTA if abs(_dec(value)) * WAN_YUAN >= least).adjusted())
        return Figure(value, "万元", decimals=decimals, scale=scale).text(self.lang)

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
