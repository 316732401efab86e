"""A text's English written into its YAML file in place: only the characters of that text change.

The plan's files mix styles (a top-level list at column 0 or indented, ``null`` written or left empty, texts as
``{zh: …, en: …}`` on one line or as an indented block), so dumping a whole document again, even with ruamel.yaml's
round trip, would rewrite lines no one changed. ruamel.yaml is used to find where each text is (the line and column
of its mapping and of every key); the new ``en`` and ``zh_hash`` are spliced in there, and the result is read back
and compared with what was meant before anything is written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

TEXT_ORDER = ("zh", "en", "zh_hash")
PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n#]*$")


class SpliceError(Exception):
    """The file could not be edited in place (a bug or a construct this writer does not know)."""


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


def _loader() -> YAML:
    return YAML()  # round trip: keeps the line and column of every node


def scalar(value: str, flow: bool) -> str:
    """``value`` as a YAML scalar: plain when it reads back as itself, else double-quoted (JSON escapes)."""
    if PLAIN_SAFE.match(value) and value == value.strip() and ": " not in value and not (flow and "," in value):
        try:
            back = _loader().load(f"{{k: {value}}}" if flow else f"k: {value}\n")
        except Exception:  # noqa: BLE001 — anything ruamel rejects is quoted instead
            back = None
        if isinstance(back, dict) and back.get("k") == value and isinstance(back.get("k"), str):
            return value
    return json.dumps(value, ensure_ascii=False)


def _offsets(source: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(source):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _flow_end(source: str, start: int) -> int:
    """The offset just after the ``}`` closing the flow mapping opened at ``start``."""
    depth, i, quote, last = 0, start, "", ""  # last: the previous non-blank character outside quotes
    while i < len(source):
        ch = source[i]
        if not quote and ch in "\"'" and last not in "{[,:":  # an apostrophe inside a plain scalar (People's)
            last = ch
            i += 1
            continue
        if quote == '"':
            if ch == "\\":
                i += 1
            elif ch == '"':
                quote = ""
        elif quote == "'":
            if ch == "'":
                if source[i + 1 : i + 2] == "'":
                    i += 1
                else:
                    quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                return i + 1
        if not quote and not ch.isspace():
            last = ch
        i += 1
    raise SpliceError("unclosed flow mapping")


def _flow_edit(source: str, lines: list[int], node: CommentedMap, wanted: dict[str, str]) -> Edit:
    start = lines[node.lc.line] + node.lc.col
    end = _flow_end(source, start)
    keys = list(node)
    key_at = [lines[node.lc.key(k)[0]] + node.lc.key(k)[1] for k in keys]
    segments: dict[str, str] = {}
    for i, key in enumerate(keys):
        value_at = lines[node.lc.value(key)[0]] + node.lc.value(key)[1]
        stop = source.rindex(",", value_at, key_at[i + 1]) if i + 1 < len(keys) else end - 1
        segments[str(key)] = source[value_at:stop].strip()
    for key, value in wanted.items():
        segments[key] = scalar(value, flow=True)
    order = [k for k in TEXT_ORDER if k in segments] + [k for k in segments if k not in TEXT_ORDER]
    return Edit(start, end, "{" + ", ".join(f"{k}: {segments[k]}" for k in order) + "}")


def _block_extent(source_lines: list[str], first: int, col: int, next_key: int | None) -> int:
    """The line after the entry that starts on line ``first`` (its value may continue on deeper lines)."""
    if next_key is not None:
        end = next_key
    else:
        end = first + 1
        while end < len(source_lines):
            text = source_lines[end]
            if text.strip() and len(text) - len(text.lstrip(" ")) <= col:
                break
            end += 1
    while end - 1 > first and not source_lines[end - 1].strip():
        end -= 1  # blank lines after a value belong to what follows
    return end


def _block_edits(source: str, lines: list[int], node: CommentedMap, wanted: dict[str, str]) -> list[Edit]:
    source_lines = source.split("\n")
    keys = list(node)
    at = {str(k): node.lc.key(k) for k in keys}
    col = at["zh"][1]
    indent = " " * col
    edits: list[Edit] = []
    extents: dict[str, tuple[int, int]] = {}
    for i, key in enumerate(keys):
        line = at[str(key)][0]
        nxt = at[str(keys[i + 1])][0] if i + 1 < len(keys) else None
        extents[str(key)] = (line, _block_extent(source_lines, line, col, nxt))
    after = extents["zh"][1]
    for key in ("en", "zh_hash"):
        if key not in wanted:
            continue
        entry = f"{indent}{key}: {scalar(wanted[key], flow=False)}\n"
        if key in extents:
            first, stop = extents[key]
            edits.append(Edit(lines[first], lines[stop] if stop < len(lines) else len(source), entry))
            after = stop
        else:
            offset = lines[after] if after < len(lines) else len(source)
            edits.append(Edit(offset, offset, entry))
    return edits


def _node_at(doc: Any, path: tuple[Any, ...]) -> Any:
    node = doc
    for key in path:
        node = node[key]
    return node


def splice(source: str, changes: list[tuple[tuple[Any, ...], dict[str, str]]]) -> str:
    """``source`` with the text at each path given the keys ``wanted`` (``en``, ``zh_hash``), nothing else touched."""
    doc = _loader().load(source)
    lines = _offsets(source)
    edits: list[Edit] = []
    for path, wanted in changes:
        node = _node_at(doc, path)
        if not isinstance(node, CommentedMap) or "zh" not in node:
            raise SpliceError(f"no text at {path}")
        if node.fa.flow_style():
            edits.append(_flow_edit(source, lines, node, wanted))
        else:
            edits += _block_edits(source, lines, node, wanted)
    edits.sort(key=lambda e: (e.start, e.end))
    for a, b in zip(edits, edits[1:], strict=False):
        if b.start < a.end:
            raise SpliceError("overlapping edits")
    out = source
    for edit in reversed(edits):
        out = out[: edit.start] + edit.text + out[edit.end :]
    _verify(source, out, changes)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _verify(before: str, after: str, changes: list[tuple[tuple[Any, ...], dict[str, str]]]) -> None:
    """What ``after`` holds is ``before`` with exactly the wanted keys set."""
    expected = _plain(_loader().load(before))
    for path, wanted in changes:
        node = _node_at(expected, path)
        node.update(wanted)
    try:
        got = _plain(_loader().load(after))
    except Exception as exc:  # noqa: BLE001 — reported as this writer's failure, nothing is written
        raise SpliceError(f"the edited file does not read back: {exc}") from exc
    if got != expected:
        raise SpliceError("the edited file does not hold what was meant")
