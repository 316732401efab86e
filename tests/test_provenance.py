"""Every number in data/ appears in the text it comes from: the plan's own (the project's copy, so this runs in a
fresh clone), or — for a record staff added from another document (its source is of ``kind: staff``) — that
document's text, kept under data/source/ (docs/EDITING.md)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from conftest import ROOT

from plugins.plan_explorer.numfmt import plain

SOURCE = (ROOT / "data" / "source" / "plan.txt").read_text(encoding="utf-8")
NOT_FIGURES = {"seq", "row"}  # positions in the plan's tables, not figures


def staff_texts(data: Path) -> dict[str, str]:
    """The text of each source of ``kind: staff`` (a document other than the plan), by source id."""
    plan = yaml.safe_load((data / "plan.yaml").read_text(encoding="utf-8"))
    return {
        s["id"]: (data / s["document"]).read_text(encoding="utf-8")
        for s in plan.get("sources", [])
        if s.get("kind") == "staff"
    }


def numbers(
    value: Any, path: str = "", text: str = SOURCE, staff: dict[str, str] | None = None
) -> Iterator[tuple[str, float, str]]:
    """Every figure below ``value`` with the text it must appear in (a record citing a staff source: that one)."""
    if isinstance(value, dict):
        if value.get("derived") is True:
            return
        source = value.get("source")
        if isinstance(source, dict) and source.get("ref") in (staff or {}):
            text = (staff or {})[source["ref"]]
        for key, item in value.items():
            if key in NOT_FIGURES:
                continue
            if isinstance(key, int):  # year keys such as output: {2020: …}
                yield f"{path}.{key}(key)", key, text
            yield from numbers(item, f"{path}.{key}", text, staff)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from numbers(item, f"{path}[{i}]", text, staff)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield path, value, text


def in_source(value: float, text: str = SOURCE) -> bool:
    forms = {plain(value, grouping=False), repr(value)}
    if float(value).is_integer():
        forms.add(str(int(value)))
    return any(re.search(rf"(?<![\d.]){re.escape(f)}(?![\d])", text) for f in forms)


def unsourced_numbers(data: Path) -> list[str]:
    """The figures of the data folder ``data`` that are not in their source's text."""
    plan_text = (data / "source" / "plan.txt").read_text(encoding="utf-8")
    staff = staff_texts(data)
    missing = []
    for path in sorted(data.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for where, value, text in numbers(doc, path.name, plan_text, staff):
            if not in_source(value, text):
                missing.append(f"{where} = {value}")
    return missing


def test_source_copy_is_the_plan() -> None:
    assert "建德市“十四五”制造业发展重大项目清单" in SOURCE
    assert len(SOURCE) > 30000


def test_every_number_in_data_appears_in_the_plan() -> None:
    missing = unsourced_numbers(ROOT / "data")
    assert not missing, "numbers not found in data/source/plan.txt:\n" + "\n".join(missing)


def test_a_staff_records_figures_are_checked_against_its_own_source() -> None:
    staff = {"notice": "新增项目总投资120000万元。"}
    record = {"id": "x", "total_investment_wan": 120000, "plan_investment_wan": 90000, "source": {"ref": "notice"}}
    found = {where: text for where, _, text in numbers({"projects": [record]}, "p", SOURCE, staff)}
    assert set(found.values()) == {staff["notice"]}
    assert [w for w, v, t in numbers({"projects": [record]}, "p", SOURCE, staff) if not in_source(v, t)] == [
        "p.projects[0].plan_investment_wan"
    ]


def test_the_check_can_fail() -> None:
    assert not in_source(491.3)
    assert in_source(491.2) and in_source(350000)


def not_verbatim(data: Path) -> list[tuple[str, str]]:
    """The projects whose Chinese name, content or builder is not, word for word, in the text they come from
    (the plan's, or the document of the staff source they cite)."""
    plan_text = (data / "source" / "plan.txt").read_text(encoding="utf-8").replace("\n", "")
    staff = {ref: text.replace("\n", "") for ref, text in staff_texts(data).items()}
    doc = yaml.safe_load((data / "projects.yaml").read_text(encoding="utf-8"))
    missing = []
    for project in doc["projects"]:
        text = staff.get(project["source"]["ref"], plan_text)
        missing += [(project["id"], key) for key in ("name", "content", "builder") if project[key]["zh"] not in text]
    return missing


def test_chinese_project_texts_are_verbatim() -> None:
    assert not_verbatim(ROOT / "data") == []
