"""Acceptance: the real plan, as this project publishes it — its counts, ids and figures, and the state of its data
(no outcome recorded yet, none of the sample plan's words). The only test module that may name them: the generator's
own tests run on fixture plans, or read the real plan only through what they compute from it, so that staff editing
``data/`` as ``docs/EDITING.md`` describes (adding a project, an industry, a platform, an outcome) breaks nothing
but this file (``test_architecture`` holds the other modules to it)."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

from conftest import ROOT, load_data, run_check
from test_any_plan import SAMPLE_ONLY, SAMPLE_YEARS, _found, site_texts
from test_export import rows
from test_outcomes import _csv, _page, _text
from test_targets import FIRSTS

from plugins.plan_explorer.entities import ENTITY_TYPES
from plugins.plan_explorer.model import records as m
from plugins.plan_explorer.outcomes.progress import build_progress
from plugins.plan_explorer.outcomes.status import STATUSES

IN_PERIOD, AFTER = datetime.date(2025, 6, 30), datetime.date(2026, 12, 8)  # the real plan ends in 2025

DATA = ROOT / "data"

# --- the data (from test_datamodel) --------------------------------------------------------------------------


def test_real_plan_counts() -> None:
    plan = load_data(DATA)
    counts = {name: len(items) for name, items in plan.index.items()}
    assert counts["indicators"] == 14
    assert counts["history"] == 4
    assert counts["innovation_platforms"] == 4
    assert counts["industries"] == 8
    assert counts["platforms"] == 8
    assert counts["projects"] == 25
    assert counts["townships"] == 21  # the 全市合计 row + the 20 rows below it
    assert counts["reforms"] == 6
    assert counts["policies"] == 6
    assert counts["glossary"] >= 50
    assert sorted(p.seq for p in plan.all(m.Project)) == list(range(1, 26))
    assert {i.group for i in plan.all(m.Industry)} == {"emerging", "traditional"}
    assert [i.nature for i in plan.all(m.Indicator)].count("binding") == 3


def test_columns_swapped_rows_read_by_meaning() -> None:
    plan = load_data(DATA)
    rows = {p.seq: p for p in plan.all(m.Project)}
    assert rows[21].type == "reserve" and (rows[21].period.start, rows[21].period.end) == (2021, 2023)
    for seq in (22, 23, 24, 25):
        assert rows[seq].type == "implementation"
        assert rows[seq].notes, f"row {seq} must note the column swap"
    assert rows[2].period is None and rows[2].plan_investment_wan is None
    assert [p.seq for p in plan.all(m.Project) if p.starred] == [1, 14, 16]


def test_township_kinds_mark_overlapping_rows() -> None:
    plan = load_data(DATA)
    kinds = {t.name.zh: t.kind for t in plan.all(m.Township)}
    assert kinds["全市合计"] == "total"
    assert kinds["高铁新区"] == "zone" and kinds["开发区"] == "zone"
    assert kinds["新安化工"] == "enterprise" and kinds["发电厂+供电"] == "utility"
    assert sum(k == "township" for k in kinds.values()) == 16


def test_make_check_reports_full_counts() -> None:
    result = run_check(ROOT)
    assert result.returncode == 0, result.stderr
    assert "25 projects" in result.stdout and "14 indicators" in result.stdout and "21 townships" in result.stdout
    assert "audit:" in result.stdout


# --- the open data (from test_export) ------------------------------------------------------------------------


def test_the_projects_csv_holds_the_annexs_rows() -> None:
    by_seq = {int(r["seq"]): r for r in rows("projects")}
    assert len(by_seq) == 25
    assert by_seq[1]["total_investment_wan"] == "350000" and by_seq[1]["hangzhou_major"] == "true"
    assert by_seq[2]["plan_investment_wan"] == "" and by_seq[2]["start_year"] == ""  # 待定
    assert by_seq[21]["type_zh"] == "储备类" and by_seq[21]["start_year"] == "2021"


def test_the_built_projects_csv_has_every_project(built_site: Path) -> None:
    with (built_site / "data" / "projects.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 25


# --- targets (from test_targets) ------------------------------------------------------------------------------


def test_the_plan_has_fourteen_headline_targets() -> None:
    assert len([t for t in FIRSTS if t.headline]) == 14


# --- outcomes: none recorded yet (from test_outcomes) ---------------------------------------------------------


def test_the_real_plan_records_nothing_and_invents_nothing() -> None:
    plan = load_data(ROOT / "data")
    types = [t for t in ENTITY_TYPES if plan.has(t.name)]
    progress = build_progress(plan, types, IN_PERIOD)
    assert progress.present and not progress.recorded
    assert len(progress.subjects) == 43 + 82  # the tables' figures (indicators, industries, townships), the text's
    # a table's figure the text restates (its figure, its year) is one commitment with it: 13 of them
    targets = 43 + 82 - 13
    assert len(progress.commitments) == targets and not progress.ended
    others = {s: 0 for s in STATUSES if s != "not_measurable"}
    assert progress.counts() == {**others, "not_measurable": targets}
    ended = build_progress(plan, types, AFTER)  # the real plan ended in 2025: nothing recorded is no outcome
    assert ended.ended and ended.counts() == {**{s: 0 for s in STATUSES if s != "no_outcome"}, "no_outcome": targets}
    assert build_progress(plan, types, datetime.date(2025, 12, 31)).counts()["no_outcome"] == 0  # its last day
    merged = {s for c in ended.commitments for s in ended.also[c.subject]}
    assert {
        "indicators/gross-output",
        "industries/chemicals",
    } <= merged and "indicators/energy-intensity-reduction" not in merged


def test_the_real_plans_export_has_empty_outcomes_and_every_target_without_outcome(built_site: Path) -> None:
    assert _csv(built_site, "outcomes") == []
    header = (built_site / "data" / "outcomes.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("record,subject,") and "source_url" in header
    progress = _csv(built_site, "progress")
    # every target of the tables and the text (the export lists each); built after 2025: no outcome recorded
    assert len(progress) == 43 + 82 and {r["status"] for r in progress} == {"no_outcome"}
    assert all(not r["latest_value"] and not r["source"] for r in progress)


def test_the_home_page_says_nothing_is_recorded(built_site: Path) -> None:
    real_zh, real_en = _text(_page(built_site, "")), _text(_page(built_site, "en"))
    assert "尚未录入任何实际完成情况" in real_zh and "no outcomes have been recorded yet" in real_en
    assert "The plan's period ended in 2025" in real_en and "规划期已于2025年结束" in real_zh  # built after 2025
    progress = _page(built_site, "en/progress")
    assert "No outcomes have been recorded yet," in progress and 'data-testid="count-no_outcome">112<' in progress
    assert progress.count('data-label="Latest actual">—</td>') == 112  # no figure shown, none invented
    explorer = _page(built_site, "projects")
    assert 'name="status"' not in explorer and "data-status=" not in explorer  # nothing to filter by


# --- nothing of the sample plan (from test_any_plan) ----------------------------------------------------------


def test_the_real_plan_shows_nothing_of_the_sample(built_site: Path) -> None:
    assert _found(site_texts(built_site), SAMPLE_ONLY, SAMPLE_YEARS) == []
