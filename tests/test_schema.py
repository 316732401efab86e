"""The published JSON Schemas (data/schema/) are the models' own, so editors validate what the build validates."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml
from conftest import ROOT

from plugins.plan_explorer.entities import ENTITY_TYPES
from plugins.plan_explorer.schema import write_schemas

FILES = ["plan.yaml", *(t.filename for t in ENTITY_TYPES)]


def test_committed_schemas_match_the_models(tmp_path: Path) -> None:
    for path in write_schemas(tmp_path, ENTITY_TYPES):
        committed = ROOT / "data" / "schema" / path.name
        assert committed.is_file(), f"run `make schema`: {committed} is missing"
        assert json.loads(committed.read_text(encoding="utf-8")) == json.loads(path.read_text(encoding="utf-8")), (
            f"run `make schema`: {committed.name} is stale"
        )


def test_real_data_validates_against_the_published_schemas() -> None:
    for filename in FILES:
        schema = json.loads((ROOT / "data" / "schema" / filename.replace(".yaml", ".json")).read_text(encoding="utf-8"))
        data = yaml.safe_load((ROOT / "data" / filename).read_text(encoding="utf-8"))
        data = json.loads(json.dumps(data, default=str))  # YAML dates and int keys as JSON would see them
        jsonschema.validate(data, schema)
