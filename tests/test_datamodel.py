"""The data spine: counts, validation of bad data (file:line: field: message), every problem reported."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, build_here, copy_project, load_data, run_build, run_check

from plugins.plan_explorer.errors import DataError
from plugins.plan_explorer.model import records as m

DATA = ROOT / "data"
LINE = re.compile(r"^data/[a-z_]+\.yaml:\d+: \S.*: .+$")


def _broken(tmp_path: Path, filename: str, change: Callable[[str], str]) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / filename
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return data


def _line_of(data: Path, filename: str, needle: str) -> int:
    lines = (data / filename).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def _problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_data(data)
    return [str(p) for p in info.value.problems]


CASES = [
    # (name, file, change, marker in the changed file, expected field, expected message fragment)
    (
        "syntax error",
        "projects.yaml",
        lambda s: s.replace("  - id: tcm-industrial-park", "  - id: [tcm-industrial-park"),
        "[tcm-industrial-park",
        "(syntax)",
        "YAML syntax error",
    ),
    ("tab", "industries.yaml", lambda s: s.replace("    seq: 2\n", "\tseq: 2\n", 1), "\tseq: 2", "(syntax)", "tab"),
    (
        "duplicate key",
        "indicators.yaml",
        lambda s: s.replace(
            "    value: {2020: 491.2, 2025: 800}\n", "    value: {2020: 491.2, 2025: 800}\n    value: {}\n"
        ),
        "value: {}",
        "indicators[0].value",
        "duplicate key",
    ),
    (
        "missing field",
        "projects.yaml",
        lambda s: s.replace("    total_investment_wan: 350000\n", "", 1),
        "id: wanyang-innovation-city",
        "projects[0].total_investment_wan",
        "required field is missing",
    ),
    (
        "unknown field",
        "townships.yaml",
        lambda s: s.replace("    kind: township\n", "    kind: township\n    colour: red\n", 1),
        "colour: red",
        "townships[1].colour",
        "unknown field",
    ),
    (
        "wrong type",
        "industries.yaml",
        lambda s: s.replace("output: {2020: 25.6,", "output: {2020: lots,"),
        "output: {2020: lots",
        "industries[0].output[2020]",
        "must be a number",
    ),
    (
        "duplicate id",
        "industries.yaml",
        lambda s: s.replace("  - id: new-materials", "  - id: equipment-manufacturing"),
        "  - id: equipment-manufacturing\n    group: emerging\n    seq: 2",
        "industries[1].id",
        "duplicate id",
    ),
    (
        "dangling reference",
        "projects.yaml",
        lambda s: s.replace("industry: water-industry", "industry: water-park", 1),
        "industry: water-park",
        "projects",
        "unknown industry 'water-park'",
    ),
    (
        "blank English",  # a missing English is allowed (not translated yet: tests/test_translations.py)
        "policies.yaml",
        lambda s: re.sub(r"(name:\n\s+zh: 扶持通用航空业发展\n\s+en: )[^\n]+", r'\1" "', s),
        "zh: 扶持通用航空业发展",
        "policies[1].name.en",
        "empty English text",
    ),
    (
        "negative figure",
        "townships.yaml",
        lambda s: s.replace("2025: 183}", "2025: -183}"),
        "2025: -183",
        "townships[10].output[2025]",
        "must not be negative",
    ),
    (
        "target range upside down",
        "targets.yaml",
        lambda s: s.replace("    value_min: 5\n", "    value_min: 9\n", 1),
        "value_min: 9",
        ".value_min",
        "the range's minimum 9 is greater than its maximum 8",
    ),
    (
        "target comparison not in the list",
        "targets.yaml",
        lambda s: s.replace("comparison: about             # 左右", "comparison: roughly", 1),
        "comparison: roughly",
        ".comparison",
        "'roughly' is not one of at_least, at_most, about, exactly",
    ),
    (
        "target year outside the period",
        "targets.yaml",
        lambda s: s.replace(
            "    year: 2025\n    kind: count\n    quote: 完成浙江制造标准20个",
            "    year: 2027\n    kind: count\n    quote: 完成浙江制造标准20个",
        ),
        "year: 2027",
        ".year",
        "year 2027 is outside the plan's period 2021–2025",
    ),
    (
        "target of a missing entity",
        "targets.yaml",
        lambda s: s.replace("entity: platforms/datong-industrial-park", "entity: platforms/datong-park", 1),
        "entity: platforms/datong-park",
        ".entity",
        "unknown platform 'datong-park'",
    ),
    (
        "end before start",
        "projects.yaml",
        lambda s: s.replace("start: 2019\n      end: 2022", "start: 2019\n      end: 2012", 1),
        "end: 2012",
        "period",
        "end year 2012 is before start year 2019",
    ),
]


@pytest.mark.parametrize(("name", "filename", "change", "marker", "field", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_data_is_reported_with_file_line_field(
    tmp_path: Path, name: str, filename: str, change: Callable[[str], str], marker: str, field: str, message: str
) -> None:
    data = _broken(tmp_path, filename, change)
    problems = _problems(data)
    assert problems, name
    match = [p for p in problems if p.startswith(f"data/{filename}:") and message in p]
    assert match, problems
    assert field in match[0], match
    if "\n" not in marker:  # the line of the marker, or of its parent key (a missing field) / the next line
        expected = _line_of(data, filename, marker)
        reported = int(match[0].split(":")[1])
        assert abs(reported - expected) <= 1, (match, marker, expected)
    assert all(LINE.match(p) for p in problems), problems


def test_missing_file_and_bad_encoding(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "plan.yaml").unlink()
    (data / "reforms.yaml").unlink()  # a collection is optional: not a problem
    (data / "glossary.yaml").write_bytes("terms: []\n# 术语".encode("gb18030"))
    problems = _problems(data)
    assert "data/plan.yaml: (file): file is missing" in problems
    assert not any("reforms" in p for p in problems), problems
    assert any(p.startswith("data/glossary.yaml:2: (encoding):") for p in problems), problems


def test_every_problem_of_a_run_is_reported(tmp_path: Path) -> None:
    data = _broken(
        tmp_path,
        "projects.yaml",
        lambda s: s.replace("industry: water-industry", "industry: nope", 1).replace(
            "total_investment_wan: 350000", "total_investment_wan: -1"
        ),
    )
    (data / "townships.yaml").write_text((data / "townships.yaml").read_text().replace("kind: zone", "kind: park", 1))
    problems = _problems(data)
    assert any("projects.yaml" in p and "must not be negative" in p for p in problems)
    assert any("townships.yaml" in p and "'park' is not one of 'total', 'township'" in p for p in problems)


def test_cli_bad_data_exits_nonzero_without_traceback_and_keeps_old_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("previous good site", encoding="utf-8")
    yaml = project / "data" / "projects.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("seq: 3\n", "seq: three\n", 1), encoding="utf-8")
    result = run_build(project, out)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert re.search(r"^data/projects\.yaml:\d+: projects\[2\]\.seq: must be a whole number", result.stderr, re.M)
    assert (out / "index.html").read_text(encoding="utf-8") == "previous good site"
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    check = run_check(project)
    assert check.returncode == 1 and "projects[2].seq" in check.stderr and "Traceback" not in check.stderr


def _tree_digest(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


EXTRA_CASES = [
    ("file missing", "plan.yaml", None),
    ("not UTF-8", "glossary.yaml", "terms: []\n# 术语\n".encode("gb18030")),
]


@pytest.fixture(scope="module")
def shared_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("corpus") / "p")


@pytest.mark.parametrize("case", [c[:3] for c in CASES] + EXTRA_CASES, ids=[c[0] for c in CASES + EXTRA_CASES])
def test_broken_data_never_half_publishes(shared_project: Path, tmp_path: Path, case: tuple) -> None:
    name, filename, change = case
    project = tmp_path / "p"
    shutil.copytree(shared_project, project)
    target = project / "data" / filename
    if change is None:
        target.unlink()
    elif isinstance(change, bytes):
        target.write_bytes(change)
    else:
        target.write_text(change(target.read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "out"
    (out / "en").mkdir(parents=True)
    (out / "index.html").write_text("<p>the last good site</p>", encoding="utf-8")
    (out / "en" / "index.html").write_text("<p>the last good English site</p>", encoding="utf-8")
    before = _tree_digest(out)
    result = build_here(project, out)  # the command line's exit and messages: test_cli_bad_data_exits_nonzero_…
    assert result.returncode != 0, name
    assert "Traceback" not in result.stdout + result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith("data/")]
    assert problems and all(LINE.match(p) or re.match(r"^data/\S+: \(file\): ", p) for p in problems), result.stderr
    assert any(p.startswith(f"data/{filename}") for p in problems), result.stderr
    assert _tree_digest(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")] == [".out.lock"]  # the build lock only


def test_every_problem_of_the_targets_is_reported_in_one_run_and_nothing_is_built(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    path = project / "data" / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    for _, filename, change, *_ in CASES:
        if filename == "targets.yaml":
            text = change(text)
    text = text.replace("source: {ref: ch2-3, paragraph: 12}", "source: {ref: ch2-3, paragraph: 99}", 1)
    text = text.replace("source: {ref: ch2-3, paragraph: 13}", "source: {ref: ch3-1, paragraph: 8}", 1)
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run_build(project, out)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith("data/targets.yaml")]
    expected = [
        r"targets\[\d+\]\.value_min: the range's minimum 9 is greater than its maximum 8",
        r"targets\[\d+\]\.comparison: 'roughly' is not one of at_least, at_most, about, exactly",
        r"targets\[\d+\]\.year: year 2027 is outside the plan's period 2021–2025",
        r"targets\[\d+\]\.entity: unknown platform 'datong-park'",
        r"targets\[\d+\]\.source\.paragraph: chapter 'approach' has no paragraph 99 \(it has p-1 to p-\d+\)",
        r"targets\[\d+\]\.source\.paragraph: p-8 of 'priorities' is not in section 'ch3-1' \(sec-1\)",
    ]
    for pattern in expected:
        assert [p for p in problems if re.search(r"^data/targets\.yaml:\d+: " + pattern, p)], (pattern, problems)
    assert len(problems) == len(expected), problems
    assert not out.exists() or not any(out.iterdir())


def test_targets_count_by_entity_type_in_make_check() -> None:
    result = run_check(ROOT)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^targets: \d+ commitments \(\d+ statements: \d+ restate another\)$", result.stdout, re.M)
    line = next(line for line in result.stdout.splitlines() if line.startswith("  by entity type: "))
    counts = dict(part.rsplit(" ", 1) for part in line.removeprefix("  by entity type: ").split(", "))
    assert {"plan", "indicators", "industries", "industry_groups", "platforms", "reforms"} <= set(counts)
    plan = load_data(DATA)
    firsts = [t for t in plan.all(m.Target) if t.restates is None]
    assert sum(int(n) for n in counts.values()) == len(firsts)
    assert "  by kind: level " in result.stdout


def test_an_old_plan_file_with_targets_is_told_where_they_went(tmp_path: Path) -> None:
    data = _broken(
        tmp_path,
        "plan.yaml",
        lambda s: s.replace(
            "  guiding_principles:\n",
            "  targets:\n    - {id: x, label: {zh: 甲, en: A}, value: 1, unit: 个, year: 2025, source: {ref: ch2-3}}\n"
            "  guiding_principles:\n",
            1,
        ),
    )
    problems = _problems(data)
    assert [p for p in problems if "plan.targets: unknown field: moved to data/targets.yaml" in p], problems
