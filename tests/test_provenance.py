"""Every number in data/ appears in the plan's own text (the project's copy, so this runs in a fresh clone)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml
from conftest import ROOT

from plugins.plan_explorer.numfmt import plain

SOURCE = (ROOT / "data" / "source" / "plan.txt").read_text(encoding="utf-8")
NOT_FIGURES = {"seq", "row"}  # positions in the plan's tables, not figures


def numbers(value: Any, path: str = "") -> Iterator[tuple[str, float]]:
    if isinstance(value, dict):
        if value.get("derived") is True:
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


def in_source(value: float) -> bool:
    forms = {plain(value, grouping=False), repr(value)}
    if float(value).is_integer():
        forms.add(str(int(value)))
    return any(re.search(rf"(?<![\d.]){re.escape(f)}(?![\d])", SOURCE) for f in forms)


def test_source_copy_is_the_plan() -> None:
    assert "建德市“十四五”制造业发展重大项目清单" in SOURCE
    assert len(SOURCE) > 30000


def test_every_number_in_data_appears_in_the_plan() -> None:
    missing = []
    for path in sorted((ROOT / "data").glob("*.yaml")):
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
