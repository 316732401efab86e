"""The audit's general rules, each on the small synthetic fixture plan, plus the real plan's 表四 totals."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, load_data

from plugins.plan_explorer.audit import run_audit

FIXTURE_DATA = FIXTURES / "plan" / "data"


def audit_of(tmp_path: Path, edits: dict[str, tuple[str, str]] | None = None) -> dict[str, object]:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    for filename, (old, new) in (edits or {}).items():
        path = data / filename
        text = path.read_text(encoding="utf-8")
        assert old in text, (filename, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return {f.id: f for f in run_audit(load_data(data)).findings}


def test_table_total_off(tmp_path: Path) -> None:
    findings = audit_of(tmp_path)
    total = findings["totals-traditional-2020"]
    assert total.rule == "totals" and total.difference == 2 and total.severity == "contradiction"
    assert "totals-emerging-2020" not in findings  # 30 = 30
    fixed = audit_of(tmp_path / "b", {"industries.yaml": ("total: {2020: 72", "total: {2020: 70")})
    assert "totals-traditional-2020" not in fixed


def test_growth_rate_off(tmp_path: Path) -> None:
    assert audit_of(tmp_path)["growth-indicator-gross-output"].severity == "rounding"  # 9 vs 9.86
    findings = audit_of(tmp_path / "b", {"industries.yaml": ("growth_stated: 15\n", "growth_stated: 25\n")})
    growth = findings["growth-industry-widgets"]
    assert growth.severity == "contradiction" and round(growth.difference, 2) == round(25 - 14.87, 2)
    assert "(60 / 30)^(1/5)" in growth.computation


def test_duplicated_fact_with_two_values(tmp_path: Path) -> None:
    fact = audit_of(tmp_path)["repeated-output-2020"]
    assert fact.rule == "repeated" and [v.value for v in fact.values] == [100, 101]
    same = audit_of(tmp_path / "b", {"statements.yaml": ("value: 101", "value: 100")})
    assert "repeated-output-2020" not in same


def test_overlapping_rows(tmp_path: Path) -> None:
    findings = audit_of(tmp_path)
    overlap = findings["overlap-townships-2020"]
    assert overlap.rule == "overlap" and overlap.difference == 100 - 150
    assert "zone" in [e.id for e in overlap.entities]
    assert "totals-townships-2020" not in findings  # the total holds without the zone


def test_share_off(tmp_path: Path) -> None:
    assert "share-widgets-share" not in audit_of(tmp_path)
    findings = audit_of(tmp_path / "b", {"statements.yaml": ("value: 30,", "value: 40,")})
    assert findings["share-widgets-share"].severity == "contradiction"


def test_sum_off(tmp_path: Path) -> None:
    assert "sum-groups-2025" not in audit_of(tmp_path)
    findings = audit_of(tmp_path / "b", {"indicators.yaml": ("2025: 160}", "2025: 170}")})
    assert findings["sum-groups-2025"].difference == 10


def test_project_investment_in_description(tmp_path: Path) -> None:
    finding = audit_of(tmp_path)["investment-widget-factory"]
    assert finding.values[0].value == 60000 and finding.values[1].value == 50000
    fixed = audit_of(tmp_path / "b", {"projects.yaml": ("total_investment_wan: 60000", "total_investment_wan: 50000")})
    assert "investment-widget-factory" not in fixed


def test_real_plan_finds_table4_totals() -> None:
    findings = {f.id: f for f in run_audit(load_data(ROOT / "data")).findings}
    t2020, t2025 = findings["totals-traditional-2020"], findings["totals-traditional-2025"]
    assert round(t2020.difference, 2) == round(337.02 - 332.06, 2)
    assert t2025.difference == 5
    assert "totals-emerging-2020" not in findings  # 25.6 + 30.27 + 20.56 = 76.43
    assert findings["growth-industry-rubber-plastics-metal"].severity == "contradiction"  # stated 4, implied 14.4
    assert findings["investment-nippon-paint-building-materials-base"].severity == "contradiction"
    assert findings["repeated-academician-workstations"].severity == "contradiction"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_audit_page_and_markers(built_site: Path, lang: str) -> None:
    prefix = built_site / ("en" if lang == "en" else "")
    audit = (prefix / "audit" / "index.html").read_text(encoding="utf-8")
    assert 'id="totals-traditional-2020"' in audit and "337.02" in audit and "332.06" in audit
    industry = (prefix / "industries" / "rubber-plastics-metal" / "index.html").read_text(encoding="utf-8")
    assert "audit/#growth-industry-rubber-plastics-metal" in industry
