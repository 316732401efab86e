"""Locale formatting of the plan's figures (one module formats every number the site shows)."""

from __future__ import annotations

import pytest

from plugins.plan_explorer import numfmt


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (491.2, "491.2亿元", "CNY 49.12 billion"),
        (800, "800亿元", "CNY 80 billion"),
        (8.6, "8.6亿元", "CNY 860 million"),
        (135.06, "135.06亿元", "CNY 13.506 billion"),
        (0.5, "0.5亿元", "CNY 50 million"),
        (None, "—", "—"),
    ],
)
def test_yi(value: float | None, zh: str, en: str) -> None:
    assert numfmt.yi(value, "zh") == zh and numfmt.yi(value, "en") == en


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (350000, "35亿元", "CNY 3.5 billion"),
        (40407, "4.0407亿元", "CNY 404.07 million"),
        (5000, "5000万元", "CNY 50 million"),
        (1580000, "158亿元", "CNY 15.8 billion"),
        (None, "待定", "to be decided"),
    ],
)
def test_wan(value: float | None, zh: str, en: str) -> None:
    assert numfmt.wan(value, "zh") == zh and numfmt.wan(value, "en") == en


def test_no_float_artifacts_and_grouping() -> None:
    assert numfmt.plain(0.1 + 0.2) == "0.30000000000000004"  # shown as stored: the data never holds such values
    assert numfmt.plain(161792, "en") == "161,792" and numfmt.plain(161792, "zh") == "161792"
    assert numfmt.percent(12.3, "en") == "12.3%" and numfmt.signed_percent(-3.4, "zh") == "-3.4%"
    assert numfmt.figure(93.28, "万元", "CNY 10,000 per mu", "en") == "93.28 CNY 10,000 per mu"
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
        (6.2, "亿元", "6.2亿元", "CNY 620 million"),
        (20000, "万元", "2亿元", "CNY 200 million"),
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
    assert numfmt.change(-20000, "万元", "en") == "−CNY 200 million" and numfmt.change(-20000, "万元", "zh") == "−2亿元"
    assert numfmt.change(1.3, "pp", "zh") == "+1.3个百分点" and numfmt.change(1, "pp", "en") == "+1 percentage point"
    assert numfmt.value_range(5, 8, "家", "en", "platforms") == "5–8 platforms"
    assert numfmt.value_range(5, 8, "家", "zh") == "5–8家"
