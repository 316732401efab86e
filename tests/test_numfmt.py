"""Locale formatting of the plan's figures (one module formats every number the site shows): a stated figure
exactly as stated, a derived one rounded to its stated precision, one scale per kind of figure, units and counters
in the page's language."""

from __future__ import annotations

from decimal import Decimal

import pytest

from plugins.plan_explorer import numfmt
from plugins.plan_explorer.numfmt import Figure, Formatter


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (491.2, "491.2亿元", "CNY 49.12 billion"),
        (800, "800亿元", "CNY 80 billion"),
        (8.6, "8.6亿元", "CNY 0.86 billion"),  # one scale: a column of billions never switches to millions
        (135.06, "135.06亿元", "CNY 13.506 billion"),
        (None, "—", "—"),
    ],
)
def test_yi_is_stated_exactly_in_one_scale(value: float | None, zh: str, en: str) -> None:
    assert numfmt.yi(value, "zh") == zh and numfmt.yi(value, "en") == en


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (350000, "35亿元", "CNY 3.5 billion"),  # the reader's unit: 1亿元 or more in 亿元, CNY billion
        (40407, "4.0407亿元", "CNY 404.07 million"),  # below CNY 1 billion in millions
        (730407, "73.0407亿元", "CNY 7.30407 billion"),  # exactly as stated, only shifted
        (5000, "5000万元", "CNY 50 million"),
        (None, "待定", "to be decided"),
    ],
)
def test_wan_is_stated_exactly_in_the_readers_unit(value: float | None, zh: str, en: str) -> None:
    assert numfmt.wan(value, "zh") == zh and numfmt.wan(value, "en") == en


@pytest.mark.parametrize(
    ("total", "zh", "en"),
    [
        (4901407, "490.14亿元", "CNY 49.014 billion"),  # a sum: rounded to 0.01亿元, the same number in both
        (730407, "73.04亿元", "CNY 7.304 billion"),
        (800000, "80亿元", "CNY 8 billion"),
        (0, "0亿元", "CNY 0"),
        (5000, "5000万元", "CNY 50 million"),  # under 1亿元: 万元 / CNY million
        (55000, "5.5亿元", "CNY 550 million"),
    ],
)
def test_sums_are_rounded_to_their_stated_precision(total: float, zh: str, en: str) -> None:
    assert numfmt.wan_total(total, "zh") == zh and numfmt.wan_total(total, "en") == en


def test_a_large_stated_amount_also_in_the_larger_unit() -> None:
    assert numfmt.wan_approx(356000, "zh") == "35.6亿元" and numfmt.wan_approx(356000, "en") == "CNY 3.56 billion"
    assert (
        numfmt.wan_approx(730407, "zh") == "约73.04亿元"
        and numfmt.wan_approx(730407, "en") == "about CNY 7.304 billion"
    )
    assert numfmt.wan_approx(5000, "zh") == ""  # under 1亿元 it says nothing new
    assert numfmt.wan_printed(350000, "zh") == "（350000万元）" and numfmt.wan_printed(350000, "en") == ""
    assert numfmt.wan_printed(5000, "zh") == ""


def test_derived_figures_round_float_noise_away() -> None:
    assert Figure(597.0229274935224, "亿元", decimals=1).text("zh") == "597亿元"
    assert Figure(541.5326970597604, "亿元", decimals=1).text("en") == "CNY 54.15 billion"
    assert Figure(79.99999999999998, "亿元", decimals=2).text("en") == "CNY 8 billion"
    assert numfmt.precision(491.2, 800) == 1 and numfmt.precision(135.06, 200) == 2
    assert numfmt.rounded(2.25, 1) == Decimal("2.3")  # half up, as people round
    assert numfmt.chart_number(0.1 + 0.2) == 0.3


def test_units_and_counters_in_the_pages_language() -> None:
    assert numfmt.figure(93.28, "万元/亩", "CNY 10,000 per mu", "en") == "CNY 932,800 per mu"
    assert numfmt.figure(93.28, "万元/亩", "CNY 10,000 per mu", "zh") == "93.28万元/亩"
    # a table that prints 万元 above figures per mu: they keep their /亩 (the data keeps the table's word)
    assert numfmt.figure(130, "万元", "CNY 10,000 per mu", "zh") == "130万元/亩"
    assert numfmt.figure(130, "万元", "CNY 10,000 per mu", "en") == "CNY 1.3 million per mu"
    assert Formatter("zh").unit("万元", "CNY 10,000 per mu") == "万元/亩"
    assert (
        numfmt.figure(480, "家", "", "en") == "480 enterprises" and numfmt.figure(1, "家", "", "en") == "1 enterprise"
    )
    assert numfmt.figure(480, "家", "", "zh") == "480家"
    assert numfmt.figure(3, "个", "", "en") == "3" and numfmt.figure(3, "个", "", "zh") == "3个"
    assert numfmt.figure(1.2, "万亩", "", "en") == "12,000 mu" and numfmt.figure(1.2, "万亩", "", "zh") == "1.2万亩"
    assert numfmt.figure(1.09, "亿千瓦时", "100 million kWh", "en") == "109 million kWh"
    assert numfmt.figure(10, "家以上", "or more enterprises", "en") == "10 or more enterprises"
    assert numfmt.figure(800, "亿元", "CNY 100 million", "en") == "CNY 80 billion"


def test_shares_growth_and_changes_of_a_share() -> None:
    fmt_zh, fmt_en = Formatter("zh"), Formatter("en")
    assert fmt_en.share(10.126) == "10.1%" and fmt_en.growth(10.2534) == "10.25%"
    assert fmt_en.points(15 - 8.8) == "+6.2 pp" and fmt_zh.points(15 - 8.8) == "+6.2个百分点"
    assert fmt_en.points(-0.04) == "0 pp"  # never "-0"
    assert numfmt.signed_percent(-3.4, "zh") == "-3.4%" and numfmt.percent(12.3, "en") == "12.3%"


def test_ranks_show_ties() -> None:
    assert Formatter("en").rank(16, tied=True) == "=16" and Formatter("en").rank(3) == "3"
    assert Formatter("zh").rank(16, tied=True) == "并列第16位" and Formatter("zh").rank(3) == "排第3位"


def test_grouping_and_ranges() -> None:
    assert numfmt.plain(161792, "en") == "161,792" and numfmt.plain(161792, "zh") == "161792"
    assert numfmt.year_range(None, None, "en") == "to be decided"


def test_implied_growth_and_required_path() -> None:
    assert round(numfmt.implied_growth(491.2, 800, 5), 2) == 10.25
    assert numfmt.implied_growth(None, 800, 5) is None and numfmt.implied_growth(0, 800, 5) is None
    path = numfmt.required_path(100, 10, 2020, 2022)
    assert [y for y, _ in path] == [2020, 2021, 2022] and round(path[-1][1], 6) == 121


@pytest.mark.parametrize(
    ("value", "unit", "zh", "en"),
    [
        (93.28, "万元/亩", "93.28万元/亩", "CNY 932,800 per mu"),
        (130, "万元/亩", "130万元/亩", "CNY 1.3 million per mu"),
        (1.2, "万亩", "1.2万亩", "12,000 mu"),
        (104, "家", "104家", "104"),  # a counter: the label says what is counted
        (104, "（家）", "104家", "104"),
        (6.2, "亿元", "6.2亿元", "CNY 0.62 billion"),  # 亿元 are billions in English: one scale a column
        (20000, "万元", "2亿元", "CNY 200 million"),  # 万元 in the reader's unit
        (1.09, "亿千瓦时", "1.09亿千瓦时", "109 million kWh"),
        (4.12, "pp", "4.12个百分点", "4.12 percentage points"),
        (12.3, "（%）", "12.3%", "12.3%"),
    ],
)
def test_measure_writes_any_unit_of_the_plan_in_the_pages_language(value: float, unit: str, zh: str, en: str) -> None:
    assert numfmt.measure(value, unit, "zh") == zh and numfmt.measure(value, unit, "en") == en


def test_counts_and_changes() -> None:
    assert numfmt.measure(480, "家", "en", "enterprises") == "480 enterprises"
    assert numfmt.measure(1, "家", "en", "enterprises", "enterprise") == "1 enterprise"
    assert numfmt.change(-20000, "万元", "en") == "−CNY 200 million"
    assert numfmt.change(-20000, "万元", "zh") == "−2亿元"
    assert numfmt.change(1.3, "pp", "zh") == "+1.3个百分点" and numfmt.change(1, "pp", "en") == "+1 percentage point"
    assert numfmt.value_range(5, 8, "家", "en", "platforms") == "5–8 platforms"
    assert numfmt.value_range(5, 8, "家", "zh") == "5–8家"


def test_one_unit_registry_for_every_path() -> None:
    """Figure, measure and the formatter's unit names read the same registry: a unit added there is formatted
    everywhere; no path keeps a table of its own."""
    assert numfmt.unit_of("（%）") is numfmt.UNITS["%"] and numfmt.unit_of("吨标煤") is None
    for unit in ("亿元", "万元", "万元/亩", "万亩", "亿千瓦时", "兆瓦", "平方米"):
        for lang in ("zh", "en"):
            assert numfmt.measure(3, unit, lang) == Figure(3, unit).text(lang)
    assert numfmt.unit_label("亿元", "en") == "CNY billion" and numfmt.unit_label("万元", "en") == "CNY million"
    assert numfmt.unit_label("万元/亩", "zh") == "万元/亩" and numfmt.unit_label("万元/亩", "en") == "CNY per mu"
    assert "10,000" not in numfmt.unit_label("万亩", "en")


def test_an_axis_has_one_money_unit() -> None:
    scale = numfmt.axis_scale([5000 * 10000, 700000 * 10000])
    assert scale == "亿元"
    assert Formatter("en").on_scale(700000, "万元", scale) == "CNY 7 billion"
    assert Formatter("en").on_scale(5000, "万元", scale) == "CNY 0.05 billion"
    assert Formatter("zh").on_scale(700000, "万元", scale) == "70亿元"
    assert numfmt.axis_scale([5000 * 10000]) == "万元"


def test_the_explorers_money_table_is_the_formatters() -> None:
    table = numfmt.money_table("en")
    steps = table["steps"]
    assert isinstance(steps, list) and steps[0]["suffix"] == " billion" and steps[-1]["suffix"] == " million"
    assert table["zero"] == numfmt.wan_total(0, "en")
