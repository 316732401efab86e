"""The Vega-Lite specs of the simple chart forms: valid against the schema, with the chart's own rows."""

from __future__ import annotations

import json

import altair as alt
import pytest

from plugins.plan_explorer.charts.forms import (
    Drawn,
    FormCatalogue,
    _bars_grammar,
    _grouped_grammar,
    _lines_grammar,
    _ranges_grammar,
)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_grammar_is_valid_vega_lite(lang: str) -> None:
    grammars = (_bars_grammar("亿元", True, lang), _bars_grammar("%", False, lang), _lines_grammar("亿元", lang))
    for chart in (*grammars, _grouped_grammar("亿元", lang), _ranges_grammar("年份", lang)):
        chart.to_dict(validate=True)  # raises on a schema error


def test_a_spec_is_its_grammar_with_the_rows_put_in() -> None:
    rows = [{"series": "乙", "year": 2020, "value": 1, "shown": "1", "kind": "stated"}]
    rows += [{"series": "甲", "year": 2025, "value": 2, "shown": "2", "kind": "required"}]
    spec = json.loads(FormCatalogue().spec_json(Drawn("lines", rows, "亿元"), "zh"))
    assert spec["data"] == {"values": rows}
    assert spec["encoding"]["color"]["scale"]["domain"] == ["乙", "甲"]  # colours in order of appearance, as drawn
    alt.Chart.from_dict(spec, validate=True)


def test_grouped_and_ranges_specs_are_valid_with_their_rows() -> None:
    grouped = [{"label": "甲", "series": "2020", "value": 1.5, "shown": "1.5亿元"}]
    grouped += [{"label": "甲", "series": "2025", "value": 3, "shown": "3亿元"}]
    spec = json.loads(FormCatalogue().spec_json(Drawn("grouped", grouped, "亿元"), "zh"))
    assert spec["data"] == {"values": grouped} and spec["encoding"]["color"]["scale"]["domain"] == ["2020", "2025"]
    alt.Chart.from_dict(spec, validate=True)
    ranges = [{"label": "甲", "start": 2021, "end": 2023, "shown": "2021–2023"}]
    spec = json.loads(FormCatalogue().spec_json(Drawn("ranges", ranges, "年份"), "zh"))
    alt.Chart.from_dict(spec, validate=True)
