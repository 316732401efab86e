"""Record-level differences between two versions of a data file, in no language (rendered per page later).

A file is read with today's models: a version the current generator cannot read (written for an older data
format) is not compared — the reader is told the format changed, not shown every record as new. Records are
matched by id (outcomes by what and which year they record); a figure keyed by year differs year by year.
Each difference is plain JSON, so a commit's differences are computed once and cached.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from ..descriptor import EntityType
from ..model import records as m
from ..model.yamlsource import read_tolerant

OUTCOMES = "outcomes"  # the collection of actual values (outcomes.yaml), matched by what and which year
#: fields that are no reader's news: positions in a table, the glossary's aids to search and to its own test
UNCOMPARED = frozenset({"seq", "id", "zh_forms", "forms", "synonyms"})

Change = dict[str, Any]  # {collection, id, action: added|removed|changed|format, name, unit, fields: [...]}


def read_records(name: str, text: bytes | None, types: Sequence[EntityType]) -> dict[str, BaseModel] | None:
    """The records of the file ``name`` by id ({} for a file that does not exist); None if it cannot be read."""
    if text is None:
        return {}
    try:  # bounded as the data is (no aliases), its control characters dropped: a later commit fixed them
        data = read_tolerant(text.decode("utf-8"), name)
    except UnicodeDecodeError:
        return None
    if data is None:
        return None
    try:
        etype = next((t for t in types if t.filename == name), None)
        if etype is None:
            return None
        model = etype.file.model_validate(data)
    except ValidationError:
        return None
    items = getattr(model, etype.key, [])
    if etype.record is m.ActualValue:
        return {f"{a.of}@{a.year}": a for a in items}
    return {item.id: item for item in items if hasattr(item, "id")}


def collection_of(name: str, types: Sequence[EntityType]) -> str | None:
    """The collection a data file holds (``projects.yaml`` → ``projects``); None for files that hold no records."""
    return next((t.name for t in types if t.filename == name), None)


def file_changes(
    name: str, old: bytes | None, new: bytes | None, types: Sequence[EntityType], ignored: frozenset[str]
) -> list[Change]:
    """What changed in the file ``name`` between the texts ``old`` and ``new`` (None: the file did not exist)."""
    collection = collection_of(name, types)
    if collection is None or collection in ignored:
        return []
    return record_changes(collection, read_records(name, old, types), read_records(name, new, types))


def record_changes(
    collection: str, before: dict[str, BaseModel] | None, after: dict[str, BaseModel] | None
) -> list[Change]:
    """What changed in a collection's records, by id (None: a version that cannot be read: its format changed)."""
    if before is None or after is None:
        return [{"collection": collection, "id": "", "action": "format", "name": None, "fields": []}]
    changes = []
    for ident in [*before, *(i for i in after if i not in before)]:
        was, now = before.get(ident), after.get(ident)
        record = now if now is not None else was
        assert record is not None
        change: Change = {
            "collection": collection,
            "id": ident,
            "name": _name(record),
            "unit": _unit(record),
        }
        if was is None:
            change |= {"action": "added", "fields": _fields(None, record)}
        elif now is None:
            change |= {"action": "removed", "fields": []}
        else:
            fields = _fields(was, now)
            if not fields:
                continue
            change |= {"action": "changed", "fields": fields}
        if isinstance(record, m.ActualValue):
            change |= {"target": record.of, "year": record.year}
        changes.append(change)
    return changes


def _name(record: BaseModel) -> Any:
    for attr in ("name", "label", "term"):
        value = getattr(record, attr, None)
        if isinstance(value, m.Text):
            return value.model_dump()
    return None


def _unit(record: BaseModel) -> Any:
    unit = getattr(record, "unit", None)
    if isinstance(unit, m.Text):
        return unit.model_dump()
    return unit if isinstance(unit, str) else None


def _fields(was: BaseModel | None, now: BaseModel) -> list[dict[str, Any]]:
    """The fields that differ (for a new record: its figures, what a reader wants to know of it)."""
    out: list[dict[str, Any]] = []
    for fieldname, info in type(now).model_fields.items():
        if fieldname in UNCOMPARED:
            continue
        new_value = getattr(now, fieldname)
        old_value = getattr(was, fieldname) if was is not None else None
        if info.annotation == m.YearFigures:
            old_years, new_years = old_value or {}, new_value or {}
            for year in sorted({*old_years, *new_years}):
                a, b = old_years.get(year), new_years.get(year)
                if (was is None and b is not None) or (
                    was is not None and (a != b or (year in old_years) != (year in new_years))
                ):
                    out.append({"field": fieldname, "key": year, "old": a, "new": b})
        elif was is None:
            if isinstance(new_value, int | float) and not isinstance(new_value, bool):
                out.append({"field": fieldname, "key": None, "old": None, "new": new_value})
        elif old_value != new_value:
            out.append({"field": fieldname, "key": None, "old": _plain(old_value), "new": _plain(new_value)})
    return out


def _plain(value: Any) -> Any:
    """A field's value as JSON (texts as ``{zh, en}``, sources as ``{ref, row}``, dates as ``YYYY-MM-DD``)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
