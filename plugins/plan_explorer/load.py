"""Load stage: read ``data/*.yaml`` into one validated :class:`Plan` — parse, validate each file, check references.

Which files are read follows from the descriptors: ``plan.yaml`` is required, every collection is optional,
and a plan needs at least one collection of entities. Every problem of a run is collected and raised
together as one :class:`DataError`; the plan returned is linked (``plan.referring`` answers).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .descriptor import EntityType
from .errors import ProblemLog
from .model import records as m
from .model.plan import Plan
from .model.yamlsource import InvalidScalar, YamlDoc, format_path, read_ahead, read_yaml
from .references import check_references
from .relations import link_plan

PLAN_FILE = "plan.yaml"
ERROR_MESSAGES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field",
    "float_type": "must be a number",
    "int_type": "must be a whole number",
    "string_type": "must be a text",
    "bool_type": "must be true or false",
    "literal_error": "not one of the allowed values",
    "greater_than_equal": "must not be negative",
    "dict_type": "must be a mapping",
    "list_type": "must be a list",
    "date_from_datetime_parsing": "must be a date (YYYY-MM-DD)",
    "date_type": "must be a date (YYYY-MM-DD)",
}


#: fields that moved to another file: what an old file that still has them is told
MOVED = {
    ("plan", "targets"): "moved to data/targets.yaml (one target each, headline: true for the home page)",
    ("other_targets",): "moved to data/targets.yaml (entity: industries/<id>)",
}
#: a model's own check names the field it is about: ``"<field>: <message>"``
FIELD_MESSAGE = re.compile(r"^([a-z_]+): (.+)$", re.S)


def _validation_problems(doc: YamlDoc, exc: ValidationError, log: ProblemLog) -> None:
    for err in exc.errors():
        if isinstance(err.get("input"), InvalidScalar):
            continue  # reported as it was read
        loc = tuple(part for part in err["loc"] if not _is_union_tag(part))
        message = ERROR_MESSAGES.get(err["type"], err["msg"].removeprefix("Value error, "))
        if err["type"] == "literal_error":
            message = f"{message} ({err.get('ctx', {}).get('expected', '')})".replace(" ()", "")
        if err["type"] == "extra_forbidden":
            moved = next((why for key, why in MOVED.items() if loc[-len(key) :] == key), None)
            message = f"{message}: {moved}" if moved else message
        own = FIELD_MESSAGE.match(message) if err["type"] == "value_error" else None
        if own:
            loc, message = (*loc, own.group(1)), own.group(2)
        if err["type"] == "missing" and loc and loc[-1] in ("zh", "en"):
            message = "missing Chinese text" if loc[-1] == "zh" else "missing English text"
        if err["type"] == "value_error" and "text must not be empty" in err["msg"] and loc[-1] in ("zh", "en"):
            message = "empty Chinese text" if loc[-1] == "zh" else "empty English text"
        if err["type"] == "string_pattern_mismatch":
            message = _pattern_message(str(err.get("ctx", {}).get("pattern", "")), loc)
        if err["type"] in ("float_type", "int_type") and isinstance(err.get("input"), str):
            kind = "a whole number" if err["type"] == "int_type" else "a number"
            message = f"must be {kind}, not {err['input']!r}"
        if err["type"] in ("greater_than_equal", "less_than_equal") and "year" in str(err.get("ctx", "")).lower():
            message = "must be a year (four digits)"
        if err["type"] == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            message = f"{err['input']!r} is not one of {expected}" if expected else message
        if "is before start year" in message:
            loc = (*loc, "end")
        log.add(doc.file, doc.line_of(loc), format_path(loc), message)


def _pattern_message(pattern: str, loc: tuple[Any, ...]) -> str:
    """What a text that does not have its field's form is told: what the form is (the message names the field)."""
    if pattern.startswith("^https?://"):
        return "must be a web address starting with https:// or http://, without spaces"
    if pattern.startswith("^source/"):
        return "must be a file under data/source/ ending in .txt, e.g. source/report.txt"
    if "/" in pattern:
        return "must name a record as <collection>/<id>, e.g. indicators/gross-output"
    if "_" in pattern:
        return "must be lowercase ASCII letters, digits and underscores"
    if loc and loc[-1] == "id":
        return "id must be lowercase ASCII letters, digits and hyphens"
    return "must be an id: lowercase ASCII letters, digits and hyphens"


def _is_union_tag(part: Any) -> bool:
    return isinstance(part, str) and ("[" in part or part in ("float", "int", "none", "str"))


def _check_unique_ids(doc: YamlDoc, key: str, items: Iterable[Any], log: ProblemLog) -> None:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.id in seen:
            path = (key, i, "id")
            log.add(
                doc.file,
                doc.line_of(path),
                format_path(path),
                f"duplicate id '{item.id}' (first at item {seen[item.id]})",
            )
        else:
            seen[item.id] = i


def _read(
    path: Path, display: str, model: type[m.Model], log: ProblemLog, given: YamlDoc | None = None
) -> tuple[YamlDoc | None, m.Model | None]:
    """The file as read (None: unreadable) and as validated (None: invalid; its problems are in ``log``)."""
    doc = given or read_yaml(path, display, log)
    if doc is None:
        return None, None
    try:
        return doc, model.model_validate(doc.data)
    except ValidationError as exc:
        _validation_problems(doc, exc, log)
        return doc, None


def load_plan(
    data_dir: Path,
    types: Sequence[EntityType],
    paragraphs: dict[str, dict[int, int]] | None = None,
    given: dict[str, YamlDoc] | None = None,
) -> Plan:
    """Read, validate and cross-check the files of ``data_dir`` that ``types`` describe; DataError on problems.

    ``paragraphs`` (chapter → {paragraph number: section number}) lets the paragraphs data cites be checked too.
    ``given`` holds files already read, by file name, used instead of the folder's (the workbook import checks
    the outcomes a workbook holds as if they were the plan's ``outcomes.yaml``)."""
    given = given or {}
    log = ProblemLog()
    docs: dict[str, YamlDoc] = {}
    files: dict[str, m.Model] = {}
    known = {PLAN_FILE} | {t.filename for t in types}
    for path in sorted(data_dir.glob("*.yaml")):
        if path.name not in known:
            names = ", ".join(sorted(t.filename for t in types))
            log.add(
                f"data/{path.name}",
                0,
                "(file)",
                f"not a file this generator reads (a plan's files: plan.yaml, {names})",
            )
    read_ahead([(data_dir / name, f"data/{name}") for name in sorted(known - set(given))])
    meta_doc, meta = _read(data_dir / PLAN_FILE, f"data/{PLAN_FILE}", m.PlanFile, log)
    if meta_doc is not None and meta is not None:
        docs[PLAN_FILE] = meta_doc
    present = [t for t in types if (data_dir / t.filename).exists() or t.filename in given]
    if meta is not None and not any(t.is_entity for t in present):
        names = ", ".join(t.filename for t in types if t.is_entity)
        log.add(f"data/{PLAN_FILE}", 0, "(plan)", f"the plan has no collection: add one of {names} to data/")
    failed: set[str] = set()
    invalid: dict[str, YamlDoc] = {}  # files read but not valid on their own
    for etype in present:
        doc, model = _read(
            data_dir / etype.filename, f"data/{etype.filename}", etype.file, log, given.get(etype.filename)
        )
        if doc is None or model is None:
            failed.add(etype.name)
            if doc is not None:
                invalid[etype.filename] = doc
            continue
        docs[etype.filename], files[etype.name] = doc, model
        for key, record in ((etype.key, etype.record), *((aux.key, aux.record) for aux in etype.aux)):
            if "id" in record.model_fields:
                _check_unique_ids(doc, key, getattr(model, key), log)
    if meta is None:  # nothing can be checked across files without the plan's metadata
        log.raise_if_any()
    assert meta is not None
    valid = [t for t in present if t.name not in failed]
    lists: dict[str, list[Any]] = {}
    kinds: dict[type, str] = {}
    for etype in valid:
        model = files[etype.name]
        lists[etype.name], kinds[etype.record] = list(getattr(model, etype.key)), etype.name
        for aux in etype.aux:
            lists[aux.name], kinds[aux.record] = list(getattr(model, aux.key)), aux.name
    assert isinstance(meta, m.PlanFile)
    plan = Plan(data_dir, meta, files, lists, kinds)
    plan.docs = docs
    check_references(plan, valid, types, docs, log, failed, invalid, paragraphs)  # across the files valid alone
    log.raise_if_any()
    link_plan(plan, valid)
    return plan
