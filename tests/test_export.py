"""Open-data export: columns, figures exactly as the plan, round trip of CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import ROOT, load_data

from plugins.plan_explorer.entities import ENTITY_TYPES
from plugins.plan_explorer.export import export_files, exported
from plugins.plan_explorer.model import records as m

PLAN = load_data(ROOT / "data")
FILES = export_files(PLAN, ENTITY_TYPES)
COLLECTIONS = [t.name for t in exported(PLAN, ENTITY_TYPES)]
#: the real plan's files, whose names and columns people's links and scripts rely on
REAL_PLAN_FILES = [
    "indicators", "history", "innovation_platforms", "industries", "platforms",
    "projects", "townships", "reforms", "policies", "glossary",
]  # fmt: skip


def rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(FILES[f"{name}.csv"])))


def num(cell: str) -> float | None:
    return float(cell) if cell else None


def test_datapackage_lists_every_collection_as_csv_and_json() -> None:
    assert COLLECTIONS[: len(REAL_PLAN_FILES)] == REAL_PLAN_FILES
    package = json.loads(FILES["datapackage.json"])
    names = {r["name"] for r in package["resources"]}
    for name in COLLECTIONS:
        assert name in names and f"{name}-json" in names
        assert f"{name}.csv" in FILES and f"{name}.json" in FILES
    for res in package["resources"]:
        if res["format"] == "csv":
            header = next(csv.reader(io.StringIO(FILES[res["path"]])))
            assert header == [f["name"] for f in res["schema"]["fields"]]


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        (
            "projects",
            [
                "id",
                "seq",
                "name_zh",
                "name_en",
                "type_zh",
                "start_year",
                "end_year",
                "location_zh",
                "total_investment_wan",
                "plan_investment_wan",
                "hangzhou_major",
            ],
        ),
        ("industries", ["id", "name_zh", "name_en", "group", "output_2020", "output_2025", "growth_stated"]),
        (
            "indicators",
            ["id", "name_zh", "name_en", "group_zh", "unit_zh", "value_2020", "value_2025", "growth_stated", "nature"],
        ),
        ("townships", ["id", "name_zh", "name_en", "kind", "output_2020", "output_2021", "output_2022", "output_2025"]),
    ],
)
def test_required_columns(name: str, columns: list[str]) -> None:
    header = list(rows(name)[0].keys())
    assert [c for c in columns if c not in header] == []


def test_projects_csv_round_trips_the_data() -> None:
    exported = rows("projects")
    assert exported
    for row, project in zip(exported, PLAN.all(m.Project), strict=True):  # one row per project, in order
        assert row["id"] == project.id and int(row["seq"]) == project.seq
        assert num(row["total_investment_wan"]) == project.total_investment_wan
        assert num(row["plan_investment_wan"]) == project.plan_investment_wan
        assert row["hangzhou_major"] == ("true" if project.starred else "false")
        assert row["name_zh"] == project.name.zh and row["location_zh"] == project.location.zh


def test_figures_exactly_as_the_plan_states() -> None:
    industries = {r["id"]: r for r in rows("industries")}
    assert industries["chemicals"]["output_2020"] == "128.73"
    assert industries["rubber-plastics-metal"]["growth_stated"] == "4"
    assert industries["digital-economy"]["output_2020"] == ""
    indicators = {r["id"]: r for r in rows("indicators")}
    assert indicators["gross-output"]["value_2020"] == "491.2" and indicators["gross-output"]["nature"] == "expected"
    assert indicators["pollutant-reduction"]["nature"] == "binding"
    townships = {r["id"]: r for r in rows("townships")}
    assert townships["genglou"]["output_2022"] == "18" and townships["hsr-new-area"]["kind"] == "zone"


def _renamed(item: dict[str, object], renames: dict[str, str]) -> dict[str, object]:
    return {renames.get(k, k): v for k, v in item.items()}


def test_json_round_trip_equals_models() -> None:
    """The JSON records are the models, under the names the export has always used."""
    projects = [_renamed(i, {"hangzhou_major": "starred"}) for i in json.loads(FILES["projects.json"])]
    assert [m.Project.model_validate(i) for i in projects] == PLAN.all(m.Project)
    platforms = json.loads(FILES["platforms.json"])
    assert all("output_target_2025_yi" in p and "output_target" not in p for p in platforms)
    for item in platforms:
        target = item.pop("output_target_2025_yi")
        item["output_target"] = {} if target is None else {2025: target}
    assert [m.Platform.model_validate(i) for i in platforms] == PLAN.all(m.Platform)
    reforms = json.loads(FILES["reforms.json"])
    assert [m.Reform.model_validate(i) for i in reforms] == PLAN.all(m.Reform)
    indicators = json.loads(FILES["indicators.json"])
    assert list(indicators[0])[:7] == ["id", "seq", "group", "name", "unit", "value_2020", "value_2025"]


def test_build_writes_the_export(built_site: Path) -> None:
    assert (built_site / "data" / "datapackage.json").is_file()
    for name in COLLECTIONS:
        assert (built_site / "data" / f"{name}.csv").read_text(encoding="utf-8") == FILES[f"{name}.csv"]
    assert (built_site / "data" / "source" / "plan.txt").is_file()


TARGET_COLUMNS = [
    "id", "entity_type", "entity_id", "name_zh", "name_en", "value", "value_min", "value_max", "unit_zh", "unit_en",
    "comparison", "year", "kind", "nature", "source_ref",
]  # fmt: skip


def test_targets_export_every_commitment_with_its_figure_and_source() -> None:
    assert "targets" in COLLECTIONS and "industry_groups" in COLLECTIONS
    table = rows("targets")
    assert [c for c in TARGET_COLUMNS if c not in table[0]] == []
    assert len(table) == len(PLAN.all(m.Target))
    by_id = {r["id"]: r for r in table}
    gross = by_id["gross-output-2025"]
    assert (gross["entity_type"], gross["entity_id"], gross["value"], gross["unit_zh"]) == (
        "indicators", "gross-output", "800", "亿元"
    )  # fmt: skip
    assert (gross["comparison"], gross["year"], gross["kind"], gross["nature"], gross["source_ref"]) == (
        "at_least", "2025", "level", "expected", "ch2-3"
    )  # fmt: skip
    assert (gross["table_value"], gross["base_year"], gross["base_value"]) == ("800", "2020", "491.2")
    platforms = by_id["public-innovation-platforms"]
    assert (platforms["value"], platforms["value_min"], platforms["value_max"]) == ("", "5", "8")
    yearly = by_id["project-152-yearly"]
    assert (yearly["year"], yearly["every_year"], yearly["entity_type"], yearly["entity_id"]) == (
        "",
        "true",
        "plan",
        "",
    )
    assert by_id["emerging-output-2025"]["entity_type"] == "industry_groups"
    assert by_id["digitalisation-2025"]["restates"] == "digitalisation-coverage-2025"
    records = json.loads(FILES["targets.json"])
    assert [m.Target.model_validate(r) for r in records] == PLAN.all(m.Target)


def test_industry_groups_export_the_tables_total_rows() -> None:
    groups = {r["id"]: r for r in rows("industry_groups")}
    assert list(rows("industry_groups")[0]) == [
        "id", "name_zh", "name_en", "total_2020", "total_2025", "growth_stated", "source"
    ]  # fmt: skip
    assert (groups["traditional"]["total_2020"], groups["traditional"]["total_2025"]) == ("337.02", "570")
    assert (groups["emerging"]["total_2020"], groups["emerging"]["growth_stated"]) == ("76.43", "25")
    assert groups["traditional"]["source"] == "table4"
    package = json.loads(FILES["datapackage.json"])
    resource = next(r for r in package["resources"] if r["name"] == "industry_groups")
    assert "表四" in resource["title"] and "表五" in resource["title"]
