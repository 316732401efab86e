"""The Vega-Lite specs of the simple chart forms: valid against the schema, with the chart's own rows."""

from __future__ import annotations

import json

import altair as alt
import pytest

from plugins.plan_explorer.charts.forms import Drawn, FormCatalogue, _bars_grammar, _lines_grammar


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_grammar_is_valid_vega_lite(lang: str) -> None:
    for chart in (_bars_grammar("亿元", True, lang), _bars_grammar("%", False, lang), _lines_grammar("亿元", lang)):
        chart.to_dict(validate=True)  # raises on a schema error


def test_a_spec_is_its_grammar_with_the_rows_put_in() -> None:
    rows = [{"series": "乙", "year": 2020, "value": 1, "shown": "1", "kind": "stated"}]
    rows += [{"series": "甲", "year": 2025, "value": 2, "shown": "2", "kind": "required"}]
    spec = json.loads(FormCatalogue().spec_json(Drawn("lines", rows, "亿元"), "zh"))
    assert spec["data"] == {"values": rows}
    assert spec["encoding"]["color"]["scale"]["domain"] == ["乙", "甲"]  # colours in order of appearance, as drawn
    alt.Chart.from_dict(spec, validate=True)
