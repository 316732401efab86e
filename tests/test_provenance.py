"""Every figure is checked against its own source, by its provenance kind:

- **plan** (every file of data/ but the outcomes): each number appears in the plan's own text
  (``data/source/plan.txt``, the project's copy, so this runs in a fresh clone);
- **reported** and **staff** (``outcomes.yaml``, and any record that says ``provenance: {kind: reported | staff,
  source: …}``): each figure names a dated source; where the source has a copy of its text under data/
  (``text:``), the figure appears in it.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from conftest import FIXTURES, ROOT

from plugins.plan_explorer.numfmt import plain

SOURCE = (ROOT / "data" / "source" / "plan.txt").read_text(encoding="utf-8")
NOT_FIGURES = {"seq", "row"}  # positions in the plan's tables, not figures
OUTCOMES = "outcomes.yaml"  # every record in it is reported after the plan, with its own source
#: fields of an outcome that are not figures taken from its source (when, and the site's settings)
NOT_REPORTED = {"year", "tolerance_percent"}


def reported(value: Any) -> bool:
    """A record whose figures are not the plan's: it says so with ``provenance: {kind: reported | staff}``."""
    provenance = value.get("provenance") if isinstance(value, dict) else None
    return isinstance(provenance, dict) and provenance.get("kind") in ("reported", "staff")


def numbers(value: Any, path: str = "") -> Iterator[tuple[str, float]]:
    """The plan's figures below ``value`` (not those of a record reported from another source)."""
    if isinstance(value, dict):
        if value.get("derived") is True or reported(value):
            return
        for key, item in value.items():
            if key in NOT_FIGURES:
                continue
            if isinstance(key, int):  # year keys such as output: {2020: …}
                yield f"{path}.{key}(key)", key
            yield from numbers(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from numbers(item, f"{path}[{i}]")
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield path, value


def in_source(value: float, text: str = SOURCE) -> bool:
    forms = {plain(value, grouping=False), repr(value)}
    if float(value).is_integer():
        forms.add(str(int(value)))
    return any(re.search(rf"(?<![\d.]){re.escape(f)}(?![\d])", text) for f in forms)


def outcome_problems(data: Path) -> list[str]:
    """Every figure of ``data/outcomes.yaml`` that names no dated source, or is not in its source's text copy."""
    path = data / OUTCOMES
    if not path.is_file():
        return []
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    sources = {s["id"]: s for s in doc.get("sources") or []}
    problems = []
    for name in ("actuals", "statuses", "projects"):
        for i, record in enumerate(doc.get(name) or []):
            figures = [
                (w, v)
                for w, v in numbers({k: v for k, v in record.items() if k not in NOT_REPORTED})
                if "(key)" not in w
            ]
            source = sources.get(record.get("source"))
            if figures and (source is None or not source.get("date")):
                problems.append(f"{name}[{i}]: figures without a dated source")
                continue
            copy = source.get("text") if source else None
            text = (data / copy).read_text(encoding="utf-8") if copy else None
            problems += [
                f"{name}[{i}]{w} = {v} not in {copy}" for w, v in figures if text is not None and not in_source(v, text)
            ]
    return problems


def test_source_copy_is_the_plan() -> None:
    assert "建德市“十四五”制造业发展重大项目清单" in SOURCE
    assert len(SOURCE) > 30000


def test_every_number_in_data_appears_in_the_plan() -> None:
    missing = []
    for path in sorted((ROOT / "data").glob("*.yaml")):
        if path.name == OUTCOMES:
            continue  # reported afterwards: checked against their own sources below
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, value in numbers(doc, path.name):
            if not in_source(value):
                missing.append(f"{where} = {value}")
    assert not missing, "numbers not found in data/source/plan.txt:\n" + "\n".join(missing)


def test_the_check_can_fail() -> None:
    assert not in_source(491.3)
    assert in_source(491.2) and in_source(350000)


def test_chinese_project_texts_are_verbatim() -> None:
    flat = SOURCE.replace("\n", "")
    doc = yaml.safe_load((ROOT / "data" / "projects.yaml").read_text(encoding="utf-8"))
    for project in doc["projects"]:
        for key in ("name", "content", "builder"):
            assert project[key]["zh"] in flat, (project["id"], key)


def test_every_outcome_is_checked_against_its_own_source() -> None:
    """The real plan's outcomes and the fixture plan's (whose sources have text copies, so each figure is found)."""
    assert outcome_problems(ROOT / "data") == []
    fixture = FIXTURES / "plan" / "data"
    assert outcome_problems(fixture) == []
    doc = yaml.safe_load((fixture / OUTCOMES).read_text(encoding="utf-8"))
    assert any(s.get("text") for s in doc["sources"]) and doc["actuals"] and doc["projects"]


def test_the_outcome_check_can_fail(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "plan" / "data", data)
    path = data / OUTCOMES
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("year: 2021, value: 112,", "year: 2021, value: 113,"), encoding="utf-8")
    assert outcome_problems(data) == ["actuals[1].value = 113 not in source/bulletin-2021.txt"]
    path.write_text(text.replace("source: bulletin-2022, as_of", "source: nowhere, as_of", 1), encoding="utf-8")
    assert outcome_problems(data) == ["actuals[2]: figures without a dated source"]


def test_records_reported_later_are_not_held_to_the_plans_text() -> None:
    """A record that states its provenance (e.g. a project staff add that the plan lacks) is its own source's."""
    staff = {"id": "new-plant", "total_investment_wan": 12345, "provenance": {"kind": "staff", "source": "ledger"}}
    plan = {"id": "old-plant", "total_investment_wan": 12345}
    assert list(numbers({"projects": [staff]})) == []
    assert list(numbers({"projects": [plan]})) == [(".projects[0].total_investment_wan", 12345)]
