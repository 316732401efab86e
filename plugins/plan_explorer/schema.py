"""Publish the models as JSON Schema, one file per data file (plan.yaml and each collection), for editor completion."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from .descriptor import EntityType
from .model import records as m


def write_schemas(folder: Path, types: Sequence[EntityType]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    files: list[tuple[str, type[m.Model]]] = [("plan.yaml", m.PlanFile), *((t.filename, t.file) for t in types)]
    for filename, model in files:
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"data/{filename}"
        path = folder / filename.replace(".yaml", ".json")
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written
