"""Publish the models as JSON Schema, one file per data file, for editor completion."""

from __future__ import annotations

import json
from pathlib import Path

from .models import FILE_MODELS


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, model in FILE_MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"data/{filename}"
        path = folder / filename.replace(".yaml", ".json")
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written
