"""Cross-file checks: every id a record names must exist, every path must name a figure."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .errors import ProblemLog
from .yamlsource import YamlDoc, format_path

if TYPE_CHECKING:
    from .datamodel import Plan

# (file, list key, field, collection the field's ids must exist in)
ID_REFERENCES = [
    ("indicators.yaml", "indicators", "group", "indicator-groups"),
    ("indicators.yaml", "indicators", "related", "sources"),
    ("industries.yaml", "industries", "group", "industry-groups"),
    ("platforms.yaml", "platforms", "parent", "platforms"),
    ("platforms.yaml", "platforms", "focus_industries", "industries"),
    ("projects.yaml", "projects", "township", "townships"),
    ("projects.yaml", "projects", "platform", "platforms"),
    ("projects.yaml", "projects", "industry", "industries"),
    ("townships.yaml", "townships", "platform", "platforms"),
]
SINGULAR = {
    "indicator-groups": "indicator group",
    "sources": "source",
    "industry-groups": "industry group",
    "platforms": "platform",
    "industries": "industry",
    "townships": "township",
}


def _walk_sources(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every ``source``-like ``{ref: …}`` below ``value`` with its path."""
    if isinstance(value, dict):
        if "ref" in value and isinstance(value["ref"], str):
            yield (*path, "ref"), value["ref"]
        for key, item in value.items():
            yield from _walk_sources(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk_sources(item, (*path, i))


def _check_ids(plan: Plan, docs: dict[str, YamlDoc], log: ProblemLog) -> None:
    for filename, key, fieldname, collection in ID_REFERENCES:
        doc = docs[filename]
        known = plan.index[collection]
        for i, record in enumerate(doc.data[key]):
            value = record.get(fieldname)
            values = value if isinstance(value, list) else [value]
            for j, ident in enumerate(values):
                if ident is None or ident in known:
                    continue
                path = (key, i, fieldname, j) if isinstance(value, list) else (key, i, fieldname)
                log.add(doc.file, doc.line_of(path), format_path(path), f"unknown {SINGULAR[collection]} '{ident}'")


def _check_paths(plan: Plan, docs: dict[str, YamlDoc], log: ProblemLog) -> None:
    doc = docs["statements.yaml"]
    data = doc.data or {}
    checks: list[tuple[tuple[Any, ...], str]] = []
    for i, fact in enumerate(data.get("facts", [])):
        for j, st in enumerate(fact["statements"]):
            if st.get("path"):
                checks.append((("facts", i, "statements", j, "path"), st["path"]))
    for i, share in enumerate(data.get("shares", [])):
        if share["stated"].get("path"):
            checks.append((("shares", i, "stated", "path"), share["stated"]["path"]))
        for name in ("numerator", "denominator"):
            checks.append((("shares", i, name), share[name]))
    for i, total in enumerate(data.get("sums", [])):
        checks.append((("sums", i, "total"), total["total"]))
        checks += [(("sums", i, "parts", j), part) for j, part in enumerate(total["parts"])]
    for loc, path in checks:
        try:
            plan.resolve(path)
        except (KeyError, ValueError, StopIteration):
            log.add(doc.file, doc.line_of(loc), format_path(loc), f"'{path}' names no figure in data/")
    actuals = docs["actuals.yaml"]
    for i, actual in enumerate((actuals.data or {}).get("actuals", [])):
        collection, _, ident = actual["target"].partition("/")
        if collection not in ("indicators", "industries", "townships") or ident not in plan.index[collection]:
            loc = ("actuals", i, "target")
            log.add(
                actuals.file,
                actuals.line_of(loc),
                format_path(loc),
                f"'{actual['target']}' is not an indicator, industry or township (e.g. indicators/gross-output)",
            )


def check_references(plan: Plan, docs: dict[str, YamlDoc], log: ProblemLog) -> None:
    """Record a problem for every reference in ``docs`` that names nothing in ``plan``."""
    _check_ids(plan, docs, log)
    sources = plan.index["sources"]
    for filename, doc in docs.items():
        for path, ref in _walk_sources(doc.data, ()):
            if filename == "plan.yaml" and path[0] == "sources":
                continue
            if ref not in sources:
                log.add(doc.file, doc.line_of(path), format_path(path), f"unknown source '{ref}'")
    for src in plan.plan.sources:
        if src.chapter is None and src.page is None:
            log.add(
                "data/plan.yaml",
                docs["plan.yaml"].line_of(("sources",)),
                f"sources.{src.id}",
                "a source needs a chapter or a page",
            )
    _check_paths(plan, docs, log)
