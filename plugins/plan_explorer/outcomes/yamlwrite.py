"""Write recorded outcomes into ``data/outcomes.yaml`` changing only what changed (ruamel.yaml round trip).

Records are matched by their key (a source's id; an actual's target and year; a status's target; a project's id):
a matched record has only its changed fields rewritten, in place; a record no longer wanted is removed; a new
one is appended to its list. Comments, key order and the formatting of untouched records stay as they were, and
when nothing changed the file is not written at all.
"""

from __future__ import annotations

import datetime
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

#: the lists of an outcomes file: how a record is keyed, which of its fields a workbook sets (the others, such as
#: a source's ``document`` or an actual value's ``note``, are kept), and whether a new record is written on one line
LISTS: dict[str, tuple[Callable[[Any], Any], tuple[str, ...], bool]] = {
    "sources": (lambda r: r["id"], ("id", "kind", "title", "date", "url"), False),
    "actuals": (lambda r: (r["of"], r["year"]), ("of", "year", "value", "source", "as_of"), True),
    "statuses": (lambda r: r["of"], ("of", "status", "year", "source", "as_of", "note"), False),
    "projects": (
        lambda r: r["project"],
        ("project", "status", "started", "completed", "invested_wan", "note", "source", "as_of"),
        False,
    ),
}
HEADER = "# yaml-language-server: $schema=schema/outcomes.json\n# Outcomes recorded by staff (see data/README.md).\n"


def _yaml() -> YAML:
    yaml = YAML()  # round trip
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long text
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    yaml.representer.ignore_aliases = lambda *_: True  # one date shared by records is written out each time
    return yaml


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, dict) and isinstance(new, dict):
        return set(old) == set(new) and all(_same(old[k], new[k]) for k in new)
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, int | float) and isinstance(new, int | float):
        return float(old) == float(new)
    if isinstance(old, datetime.datetime) or isinstance(new, datetime.datetime):
        return False
    return bool(old == new)


def _node(value: Any, flow: bool = True) -> Any:
    """A new value as ruamel writes it: a text in both languages as ``{zh: …, en: …}`` on one line."""
    if isinstance(value, dict):
        node = CommentedMap(value.items())
        if flow:
            node.fa.set_flow_style()
        return node
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _update(record: CommentedMap, wanted: dict[str, Any], fields: tuple[str, ...]) -> bool:
    changed = False
    for name in fields:
        new = wanted.get(name)
        if new is None:
            if name in record:
                del record[name]
                changed = True
        elif name not in record:
            record.insert(_position(record, name, fields), name, _node(new))
            changed = True
        elif not _same(record[name], new):
            record[name] = _node(new)
            changed = True
    return changed


def _position(record: CommentedMap, name: str, fields: tuple[str, ...]) -> int:
    """Where a new field goes: after the fields that come before it in the model's order."""
    before = fields[: fields.index(name)]
    return max((i + 1 for i, key in enumerate(record) if key in before), default=0)


def _new(wanted: dict[str, Any], fields: tuple[str, ...], flow: bool) -> CommentedMap:
    record = CommentedMap((k, _node(wanted[k])) for k in fields if wanted.get(k) is not None)
    if flow:
        record.fa.set_flow_style()
    return record


def merge(doc: CommentedMap, wanted: dict[str, list[dict[str, Any]]]) -> bool:
    """Make the lists of ``doc`` hold the records ``wanted``; whether anything changed."""
    changed = False
    for name, (key, fields, flow) in LISTS.items():
        records = wanted.get(name, [])
        by_key = {key(r): r for r in records}
        seq = doc.get(name)
        if seq is None:
            if not records:
                continue
            seq = CommentedSeq()
            doc[name] = seq
        kept = set()
        for i in reversed(range(len(seq))):
            k = key(seq[i])
            if k in by_key:
                kept.add(k)
                changed |= _update(seq[i], by_key[k], fields)
            else:
                del seq[i]
                changed = True
        added = [r for r in records if key(r) not in kept]
        if added and not len(seq):
            seq.fa.set_block_style()  # was ``name: []``
        for record in added:
            seq.append(_new(record, fields, flow))
            changed = True
        if not len(seq):
            seq.fa.set_flow_style()  # ``name: []``
    return changed


def write_outcomes(path: Path, wanted: dict[str, list[dict[str, Any]]]) -> bool:
    """Bring ``path`` (an outcomes file, perhaps not there yet) to ``wanted``; whether it was written."""
    yaml = _yaml()
    existing = path.is_file()
    doc = (yaml.load(path.read_text(encoding="utf-8")) if existing else None) or CommentedMap()
    if not merge(doc, wanted):
        return False
    out = io.StringIO()
    if not existing:
        out.write(HEADER)
    yaml.dump(doc, out)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(out.getvalue(), encoding="utf-8")
    os.replace(tmp, path)  # whole or not at all
    return True
