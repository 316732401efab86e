"""Publish the models as JSON Schema, one file per data file (plan.yaml and each collection), for editor completion."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .descriptor import EntityType
from .model import records as m
from .model.texts import MAX_TEXT


def write_schemas(folder: Path, types: Sequence[EntityType]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    files: list[tuple[str, type[m.Model]]] = [("plan.yaml", m.PlanFile), *((t.filename, t.file) for t in types)]
    for filename, model in files:
        schema = _bounded(model.model_json_schema())
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"data/{filename}"
        path = folder / filename.replace(".yaml", ".json")
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written


def _bounded(schema: Any) -> Any:
    """Every text bounded as the loader bounds it (:data:`.model.texts.MAX_TEXT`), where the model says no less."""
    if isinstance(schema, dict):
        if schema.get("type") == "string" and "maxLength" not in schema:
            schema["maxLength"] = MAX_TEXT
        for value in schema.values():
            _bounded(value)
    elif isinstance(schema, list):
        for value in schema:
            _bounded(value)
    return schema
