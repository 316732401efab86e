"""Outcomes: the status rules, recorded outcomes checked like every plan figure (bad input, one line each, all in
one run, nothing written), the pages and the export that show them, and the real plan's honesty (nothing
recorded, nothing invented)."""

from __future__ import annotations

import csv
import datetime
import html
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT, copy_project, load_data, real_commitments, run_build, run_check

from plugins.plan_explorer.entities import ENTITY_TYPES
from plugins.plan_explorer.errors import DataError
from plugins.plan_explorer.model import records as m
from plugins.plan_explorer.outcomes.goals import Goal, goal_maker, stated_target_goal, target_goal
from plugins.plan_explorer.outcomes.progress import NOT_RECORDED, PROJECT_STATUSES, build_date, build_progress
from plugins.plan_explorer.outcomes.status import STATUSES, Point, assess, path, required_at

FIXTURE_DATA = FIXTURES / "plan" / "data"
IN_PERIOD, AFTER = datetime.date(2025, 6, 30), datetime.date(2026, 12, 8)  # the plans here end in 2025
LINE = re.compile(r"^data/outcomes\.yaml:\d+: \S+: .+$")


def goal(**kw: Any) -> Goal:
    """A target of 100 in the base year <b> and 160 five years later (the fixture's own years)."""
    values: dict[str, Any] = {"base_year": 2020, "target_year": 2025, "milestones": ((2020, 100.0), (2025, 160.0))}
    values["target"] = 160.0
    return Goal(**(values | kw))


def points(*pairs: tuple[int, float]) -> list[Point]:
    return [Point(y, v) for y, v in pairs]


# --- the rules -------------------------------------------------------------------------------------------


def test_achieved_at_or_after_the_target_year_and_not_achieved_otherwise() -> None:
    assert assess(goal(), points((2025, 160)), 2).status == "achieved"
    assert assess(goal(), points((2025, 159.9)), 2).status == "not_achieved"
    late = assess(goal(), points((2025, 150), (2026, 161)), 2)
    assert (late.status, late.year) == ("achieved", 2026)  # met a year late: achieved, in that year
    falling = goal(milestones=((2020, 100.0), (2025, 80.0)), target=80.0, comparison="at_most", kind="reduction")
    assert assess(falling, points((2025, 80)), 2).status == "achieved"  # a figure to fall: at or below it
    assert assess(falling, points((2025, 80.5)), 2).status == "not_achieved"
    ranged = goal(milestones=(), target=None, low=5.0, high=8.0, comparison="exactly", kind="count")
    assert [assess(ranged, points((2025, v)), 2).status for v in (4, 5, 8, 9)] == [
        "not_achieved",
        "achieved",
        "achieved",
        "not_achieved",
    ]


def test_on_track_is_the_latest_value_against_the_required_path_within_the_tolerance() -> None:
    required = required_at(goal(), 2022)
    assert required == pytest.approx(100 * 1.6 ** (2 / 5))  # compound, at the implied annual rate
    limit = required * 0.98
    assert assess(goal(), points((2021, 90), (2022, limit)), 2).status == "on_track"  # the latest value counts
    behind = assess(goal(), points((2021, 120), (2022, limit - 0.01)), 2)
    assert (behind.status, behind.year, behind.limit) == ("off_track", 2022, pytest.approx(limit))
    assert assess(goal(), points((2022, limit - 0.01)), 5).status == "on_track"  # a wider tolerance


def test_the_path_runs_through_the_plans_figures_and_from_a_revised_base() -> None:
    township = goal(milestones=((2020, 100.0), (2022, 130.0), (2025, 160.0)))
    assert required_at(township, 2022) == 130  # the plan's own figure for that year
    assert required_at(township, 2021) == pytest.approx((100 * 130) ** 0.5)
    revised = path(goal(), 90.0)
    assert revised[0] == (2020, 90.0) and revised[-1] == (2025, 160.0) and len(revised) == 6
    assert assess(goal(), points((2020, 90), (2021, 101)), 2).status == "on_track"  # 90 → 160 asks 101.3 in 2021
    assert assess(goal(), points((2021, 101)), 2).status == "off_track"  # 100 → 160 asks 109.9


def test_not_yet_measurable_without_a_value_after_the_base_year() -> None:
    assert assess(goal(), [], 2).reason == "none"
    assert assess(goal(), points((2020, 95)), 2).status == "not_measurable"  # a revised base alone
    no_base = goal(milestones=((2025, 160.0),))
    assert assess(no_base, points((2022, 120)), 2).status == "not_measurable"  # no path to judge against
    assert assess(no_base, points((2022, 170)), 2).status == "on_track"  # already past the target


def test_growth_targets_compare_the_average_rate_and_every_year_targets_each_year() -> None:
    growth = goal(milestones=(), target=6.0, comparison="about", kind="growth", first_year=2021)
    assert assess(growth, points((2021, 5), (2022, 7)), 2).status == "on_track"  # ~5.995 %, within 2 %
    assert assess(growth, points((2021, 5), (2022, 5)), 2).status == "off_track"
    done = points(*((y, 6.0) for y in range(2021, 2026)))
    assert assess(growth, done, 2).status == "achieved"
    yearly = goal(milestones=(), target=5.0, kind="count", every_year=True, first_year=2021)
    assert assess(yearly, points((2021, 5), (2022, 6)), 2).status == "on_track"
    assert assess(yearly, points((2021, 5), (2022, 4)), 2).status == "off_track"
    assert assess(yearly, points(*((y, 5.0) for y in range(2021, 2026))), 2).status == "achieved"
    assert assess(yearly, points((2021, 5), (2025, 5)), 2).status == "not_measurable"  # years never recorded


def test_a_target_in_words_takes_the_status_staff_recorded() -> None:
    words = Goal(2020, 2025, text=m.Text(zh="完成下达目标", en="Meet the assigned target"))
    assert not words.numeric
    assert (assess(words, [], 2).status, assess(words, [], 2).reason) == ("not_measurable", "no_status")
    recorded = assess(words, points((2022, 3)), 2, recorded="achieved")
    assert (recorded.status, recorded.recorded) == ("achieved", True)


def test_after_the_period_nothing_is_not_yet_measurable() -> None:
    """Once the plan's period is over an outcome not recorded is "no outcome recorded"; a status that rests on
    values (or that staff recorded) does not change."""
    assert (assess(goal(), [], 2, ended=True).status, assess(goal(), [], 2).status) == ("no_outcome", "not_measurable")
    assert assess(goal(), [], 2, ended=True).reason == "none"  # which rule decided stays said
    words = Goal(2020, 2025, text=m.Text(zh="完成下达目标", en="Meet the assigned target"))
    assert assess(words, [], 2, ended=True).status == "no_outcome"
    assert assess(words, [], 2, recorded="on_track", ended=True).status == "on_track"
    yearly = goal(milestones=(), target=5.0, kind="count", every_year=True, first_year=2021)
    assert assess(yearly, points((2021, 5), (2025, 5)), 2, ended=True).status == "no_outcome"  # years missing
    for values in (points((2025, 170)), points((2025, 150)), points((2022, 130))):
        assert assess(goal(), values, 2, ended=True) == assess(goal(), values, 2)


def test_each_commitment_of_the_text_is_a_target_with_its_base() -> None:
    plan = load_data(FIXTURE_DATA)
    etype = next(t for t in ENTITY_TYPES if t.name == "targets")
    assert goal_maker(etype) is target_goal
    platforms = target_goal(plan, plan.get(m.Target, "new-platforms"))
    assert platforms is not None
    assert (platforms.low, platforms.high, platforms.target_year, platforms.binding) == (2, 4, 2025, False)
    assert assess(platforms, points((2025, 3)), 2).status == "achieved"
    energy = target_goal(plan, plan.get(m.Target, "energy-reduction"))  # the table labels its words, not this 15%
    assert energy is not None and not energy.binding and assess(energy, points((2025, 12)), 2).status == "not_achieved"
    labelled = stated_target_goal(plan, plan.get(m.Target, "energy-reduction").model_copy(update={"nature": "binding"}))
    assert labelled is not None and labelled.binding
    yearly = target_goal(plan, plan.get(m.Target, "new-projects"))
    assert yearly is not None and yearly.every_year and yearly.first_year == 2021
    assert assess(yearly, points((2021, 3), (2022, 2)), 2).status == "off_track"  # each year judged on its own
    output = target_goal(plan, plan.get(m.Target, "output-2025"))  # names the table's 2025 figure: its base is 2020's
    assert output is not None and output.base == 100 and output.measured_as == "indicators/gross-output"
    assert stated_target_goal(plan, plan.get(m.Target, "new-platforms"), base=1) is not None
    assert target_goal(plan, plan.get(m.Target, "output-2025-again")) is None  # its first statement counts
    real = load_data(ROOT / "data")
    per_mu = target_goal(real, real.get(m.Target, "value-added-per-mu-2025"))  # the table's 2020 figure is its base
    assert per_mu is not None and per_mu.base == 93.28 and per_mu.measured_as == "indicators/value-added-per-mu"
    rate = target_goal(real, real.get(m.Target, "value-added-growth"))  # a rate does not start from a level
    assert rate is not None and rate.kind == "growth" and rate.base is None and rate.measured_as is None


def test_a_commitment_naming_a_table_figure_is_judged_on_that_records_values() -> None:
    """Recorded once (for the industry), judged twice: the table's 60 is met, the text's 65 is not."""
    plan = load_data(FIXTURE_DATA)
    progress = build_progress(plan, [t for t in ENTITY_TYPES if plan.has(t.name)])
    table, text = progress.subjects["industries/widgets"], progress.subjects["targets/widgets-output-2025"]
    assert [a.value for a in text.actuals] == [a.value for a in table.actuals] == [62]
    assert (table.status, text.status) == ("achieved", "not_achieved")
    assert "targets/output-2025-again" not in progress.subjects  # a restatement is no target of its own


# --- the fixture plan covers every status -------------------------------------------------------------------


def test_the_fixture_plan_covers_every_status() -> None:
    """Within the period every status but "no outcome recorded" (what "not yet measurable" becomes after it)."""
    plan = load_data(FIXTURE_DATA)
    progress = build_progress(plan, [t for t in ENTITY_TYPES if plan.has(t.name)], IN_PERIOD)
    counts = progress.counts()
    assert all(counts[s] >= 1 for s in STATUSES if s != "no_outcome") and counts["no_outcome"] == 0, counts
    after = build_progress(plan, [t for t in ENTITY_TYPES if plan.has(t.name)], AFTER).counts()
    assert after["not_measurable"] == 0 and after["no_outcome"] == counts["not_measurable"] >= 1, after
    assert {s: n for s, n in after.items() if s not in ("not_measurable", "no_outcome")} == {
        s: n for s, n in counts.items() if s not in ("not_measurable", "no_outcome")
    }  # nothing else changes when the period ends
    assert any(s.assessment.recorded for s in progress.subjects.values())
    assert any(s.base_actual is not None for s in progress.subjects.values())  # a revised base-year figure
    statuses = progress.project_counts(plan.all(m.Project))
    assert all(statuses[s] >= 1 for s in (*PROJECT_STATUSES, NOT_RECORDED)), statuses


def test_the_build_date_is_source_date_epoch_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert build_date() == datetime.date(2026, 1, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_date() == datetime.date.today()


def test_the_commented_example_of_outcomes_yaml_passes_check(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    lines = (data / "outcomes.yaml").read_text(encoding="utf-8").splitlines()
    start = lines.index(
        "# sources:                                  # each publication or record once; the records below name its id"
    )
    example = [line[2:] for line in lines[start:] if line.startswith("# ")]
    (data / "outcomes.yaml").write_text("\n".join(example) + "\n", encoding="utf-8")
    plan = load_data(data)
    outcomes = plan.file(m.OutcomesFile)
    assert outcomes is not None
    counts = [len(outcomes.sources), len(outcomes.actuals), len(outcomes.statuses), len(outcomes.projects)]
    assert counts == [1, 2, 1, 1]  # an indicator's value and a commitment's of the text


# --- bad input in outcomes.yaml: one line each, all in one run, nothing published ----------------------------

BAD = [
    # (name, text replaced, by, field, message)
    (
        "unknown id",
        "of: indicators/gross-output, year: 2021,",
        "of: indicators/gross-outpt, year: 2021,",
        "actuals[1].of",
        "unknown indicator 'gross-outpt'",
    ),
    (
        "year outside",
        "of: townships/east, year: 2021,",
        "of: townships/east, year: 2040,",
        "actuals[5].year",
        "year 2040 is outside 2020–2030",
    ),
    (
        "not a number",
        "year: 2022, value: 121,",
        "year: 2022, value: lots,",
        "actuals[2].value",
        "must be a number, not 'lots'",
    ),
    (
        "status outside",
        "status: cancelled,",
        "status: done,",
        "projects[4].status",
        "'done' is not one of 'not_started', 'under_construction'",
    ),
    (
        "missing source",
        "year: 2025, value: 95, source: bulletin-2025,",
        "year: 2025, value: 95,",
        "actuals[7].source",
        "required field is missing",
    ),
    (
        "twice",
        "of: townships/city-total, year: 2022,",
        "of: townships/city-total, year: 2021,",
        "actuals[4]",
        "townships/city-total 2021 is recorded twice (also actuals[3])",
    ),
    (
        "completion before start",
        "started: 2021-05-10,",
        "started: 2021-05-10, completed: 2021-01-04,",
        "projects[3].completed",
        "completion 2021-01-04 is before the start 2021-05-10",
    ),
]


def _outcomes_with(tmp_path: Path, *cases: tuple[str, ...]) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    path = data / "outcomes.yaml"
    text = path.read_text(encoding="utf-8")
    for _, old, new, *_ in cases:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return data


def _problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_data(data)
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize("case", BAD, ids=[c[0] for c in BAD])
def test_bad_outcomes_are_reported_with_file_line_field(tmp_path: Path, case: tuple[str, ...]) -> None:
    name, old, new, fieldname, message = case
    data = _outcomes_with(tmp_path, case)
    problems = _problems(data)
    assert len(problems) == 1, problems
    assert LINE.match(problems[0]) and f": {fieldname}: " in problems[0] and message in problems[0], problems
    line = int(problems[0].split(":")[1])
    text = (data / "outcomes.yaml").read_text(encoding="utf-8").splitlines()
    assert new.split(",")[0].strip() in text[line - 1] or fieldname.endswith("]"), (problems, text[line - 1])


def test_every_bad_outcome_is_reported_in_one_run_and_the_site_stays(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", FIXTURE_DATA, FIXTURES / "plan" / "content")
    data = _outcomes_with(tmp_path, *BAD)
    shutil.rmtree(project / "data")
    shutil.copytree(data, project / "data")
    problems = _problems(project / "data")
    for _, _, _, fieldname, message in BAD:
        assert sum(f": {fieldname}: " in p and message in p for p in problems) == 1, (fieldname, problems)
    assert len(problems) == len(BAD), problems
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("the published site", encoding="utf-8")
    result = run_build(project, out)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("data/")] == problems
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "the published site"
    check = run_check(project)
    assert check.returncode == 1 and "unknown indicator 'gross-outpt'" in check.stderr


def test_a_status_is_recorded_only_for_a_target_in_words(tmp_path: Path) -> None:
    data = _outcomes_with(tmp_path, ("", "  - of: indicators/energy\n", "  - of: indicators/gross-output\n"))
    (problem,) = _problems(data)
    assert "statuses[0].status: 'indicators/gross-output' has a target figure" in problem


# --- the export ----------------------------------------------------------------------------------------------


def _csv(site: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "data" / f"{name}.csv").read_text(encoding="utf-8"))))


def test_outcomes_are_exported_with_their_sources(fixture_site: Path) -> None:
    package = json.loads((fixture_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    for name in ("outcomes", "progress"):
        assert name in resources and f"{name}-json" in resources
        assert all(f["description"] for f in resources[name]["schema"]["fields"])
    rows = _csv(fixture_site, "outcomes")
    plan = load_data(FIXTURE_DATA)
    outcomes = plan.file(m.OutcomesFile)
    assert outcomes is not None
    assert len(rows) == len(outcomes.actuals) + len(outcomes.statuses) + len(outcomes.projects)
    first = rows[0]
    assert (first["record"], first["subject"], first["year"], first["value"]) == (
        "actual",
        "indicators/gross-output",
        "2020",
        "98",
    )
    assert (first["source_title_zh"], first["source_date"], first["source_url"]) == (
        "测试市2021年统计公报",
        "2022-03-31",
        "https://stats.test.example/bulletin/2021",
    )
    assert all(r["as_of"] and r["source"] and r["source_date"] for r in rows)
    progress = {r["subject"]: r for r in _csv(fixture_site, "progress")}
    assert progress["townships/city-total"]["status"] == "off_track"
    assert progress["townships/city-total"]["required_value"] == "121"  # as shown (the plan's 100, 160), not 120.68…
    assert progress["indicators/energy"]["recorded_by_staff"] == "true"
    records = json.loads((fixture_site / "data" / "outcomes.json").read_text(encoding="utf-8"))
    assert records[0]["source"]["title"]["en"] == "Test City statistical bulletin 2021"
    assert records[0]["source"]["document"] == "source/bulletin-2021.txt"  # published beside the plan's text
    assert "统计公报" in (fixture_site / "data" / "source" / "bulletin-2021.txt").read_text(encoding="utf-8")
    data_page = (fixture_site / "en" / "data" / "index.html").read_text(encoding="utf-8")
    assert 'id="outcomes"' in data_page and 'id="progress"' in data_page and "not in the plan" in data_page


# --- pages ---------------------------------------------------------------------------------------------------


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_progress_pages_count_and_list_every_target(fixture_site: Path) -> None:
    zh, en = _page(fixture_site, "progress"), _page(fixture_site, "en/progress")
    for page in (zh, en):
        # the tables' figures and the text's commitments, less the 2 the text restates with the table's figure
        assert page.count("<tr data-subject=") == 8 + 8 - 2
        assert 'data-subject="indicators/gross-output"' not in page and 'data-subject="industries/widgets"' in page
        for status, n in (  # the fixture site is built on 1 January 2026: its period (to 2025) has ended
            ("achieved", 3),
            ("on_track", 3),
            ("off_track", 1),
            ("not_achieved", 2),
            ("no_outcome", 5),
        ):
            assert f'data-testid="count-{status}">{n}<' in page
    assert "进度滞后" in zh and "2022年实际值112亿元；所需路径当年为121亿元，不低于118亿元（容差2%）" in _text(zh)
    text = _text(en)
    assert "2022: CNY 11.2 billion; the required path is at CNY 12.1 billion that year" in text
    assert "below it by at most 2% of the path's value" in text  # the rule, with its tolerance
    assert "binding" in text and "Test Province notice of energy-use assessment results" in text
    assert 'href="https://stats.test.example/bulletin/2021"' in en
    assert "?status=completed" in en  # project counts open the explorer, filtered


def test_entity_pages_show_values_against_the_path_with_status_source_and_date(fixture_site: Path) -> None:
    en = _page(fixture_site, "en/indicators/gross-output")
    text = _text(en)
    assert "on track" in text and "revised base-year figure" in text
    assert "CNY 11.2 billion" in text and "CNY 10.8 billion" in text  # 2021: actual, and the path from 98
    assert "As of 30 March 2023" in text and "Test City statistical bulletin 2022" in text
    assert "from CNY 9.8 billion (the revised 2020 figure) to CNY 16 billion" in text
    zh = _text(_page(fixture_site, "industries/rubber"))
    assert "未实现" in zh and "2025年实际值95亿元，未达到目标（2025年100亿元）" in zh
    township = _text(_page(fixture_site, "en/townships/west"))
    assert "no outcome recorded" in township and "No actual value has been recorded yet." in township
    assert "not yet measurable" not in township
    energy = _text(_page(fixture_site, "indicators/energy"))
    assert "已实现" in energy and "完成省下达的能耗下降目标" in energy and "约束性" in energy


def test_project_pages_show_the_status_and_a_timeline(fixture_site: Path) -> None:
    text = _text(_page(fixture_site, "en/projects/widget-factory"))
    assert "completed" in text and "CNY 580 million" in text and "96.7% of the total investment" in text
    order = [
        "2021 Project period begins",
        "1 March 2021 Construction started",
        "30 June 2023 Completed",
        "2023 Project period ends",
        "31 December 2024 Latest record: completed",
    ]
    positions = [text.index(event) for event in order]
    assert positions == sorted(positions)
    paint = _text(_page(fixture_site, "projects/paint-line"))
    assert "部分投产" in paint and "已超过项目期限" in paint  # not finished after its period ended
    assert "已超过项目期限" not in _text(_page(fixture_site, "projects/depot"))  # within its period
    cold = _text(_page(fixture_site, "en/projects/cold-store"))
    assert "No progress has been recorded for this project yet." in cold and "not recorded" in cold


def test_the_home_page_shows_the_summary(fixture_site: Path) -> None:
    home = _page(fixture_site, "en")
    assert "Progress towards the targets" in home and 'href="../en/progress/#status-off_track"' in home
    # that a plan recording nothing says so: test_acceptance (the real plan records no outcome)


def test_a_plan_without_outcomes_has_no_progress_page(tmp_path: Path) -> None:
    plan = load_data(FIXTURES / "sample-county" / "data")
    progress = build_progress(plan, [t for t in ENTITY_TYPES if plan.has(t.name)])
    assert not progress.present and not progress.subjects


def test_a_date_of_the_as_of_kind_must_not_precede_its_year(tmp_path: Path) -> None:
    data = _outcomes_with(
        tmp_path,
        (
            "",
            "year: 2022, value: 121, source: bulletin-2022, as_of: 2023-03-30",
            "year: 2022, value: 121, source: bulletin-2022, as_of: 2021-12-31",
        ),
    )
    (problem,) = _problems(data)
    assert "actuals[2].as_of: 2021-12-31 is before the year 2022 it reports" in problem


def _commitment_counts(site: Path, prefix: str) -> list[str]:
    pattern = r'data-testid="commitment-count" data-count="(\d+)"'
    return [re.findall(pattern, _page(site, f"{prefix}{path}"))[0] for path in ("", "targets", "progress")]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_home_targets_and_progress_state_one_count_of_commitments(built_site: Path, prefix: str) -> None:
    """A table's target the text restates is one commitment on every page (the real plan: 82 in the text, 43 in
    the tables, 13 of them restated by the text with the table's figure)."""
    n = real_commitments()
    assert _commitment_counts(built_site, prefix) == [str(n.total)] * 3
    targets, progress = _text(_page(built_site, f"{prefix}targets")), _page(built_site, f"{prefix}progress")
    if prefix:
        said = (
            f"The plan makes {n.total} commitments: {n.text} in its text (stated in {n.places} places) and "
            f"{n.tables_only} set only in its tables."
        )
        assert said in targets and said in _text(progress)
        assert "By kind: total" in targets and "Also stated in:" in progress
    else:
        said = f"规划共{n.total}项目标：正文提出{n.text}项（出现{n.places}处），另有{n.tables_only}项只见于规划的表格。"
        assert said in targets
    assert progress.count("<tr data-subject=") == n.total


def test_after_the_period_progress_says_it_ended_and_never_not_yet_measurable(built_site: Path) -> None:
    en, zh = _text(_page(built_site, "en/progress")), _text(_page(built_site, "progress"))
    assert "not yet measurable" not in en.lower() and "尚无法衡量" not in zh
    assert "The plan's period (2021–2025) ended at the close of 2025." in en
    assert "Outcomes will come from published statistics" in en and "公开发布的统计数据" in zh
    assert "that does not mean nothing was achieved" in en
    for page in ("en/indicators/gross-output", "en", "en/targets"):
        assert "not yet measurable" not in _text(_page(built_site, page)).lower()


def test_the_progress_table_is_grouped_with_a_jump_list(fixture_site: Path) -> None:
    page = _page(fixture_site, "en/progress")
    groups = re.findall(r'<tbody class="progress-group" id="([^"]+)">', page)
    assert len(groups) >= 3 and all(f'href="#{g}"' in page for g in groups)  # each group in the jump list
    heads = re.findall(r'<span class="group-name">([^<]+)</span>', page)
    assert heads[:2] == ["Indicators", "Industries"] and len(heads) == len(groups)
    assert 'href="#rules"' in page and "data-foldable" in page
