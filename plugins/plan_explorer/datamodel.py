"""Load data/*.yaml into one validated :class:`Plan`: parse, validate each file, check references.

Every problem of a run is collected and raised together as one :class:`DataError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import models as m
from .errors import ProblemLog
from .references import check_references
from .yamlsource import YamlDoc, format_path, read_yaml

ERROR_MESSAGES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field",
    "float_type": "must be a number",
    "int_type": "must be a whole number",
    "string_type": "must be a text",
    "bool_type": "must be true or false",
    "literal_error": "not one of the allowed values",
    "greater_than_equal": "must not be negative",
}


@dataclass
class Plan:
    """The whole plan, validated: every collection as typed models, indexed by id."""

    data_dir: Path
    plan: m.PlanFile
    indicators: m.IndicatorsFile
    history: m.HistoryFile
    innovation_platforms: m.InnovationPlatformsFile
    industries: m.IndustriesFile
    platforms: m.PlatformsFile
    projects: m.ProjectsFile
    townships: m.TownshipsFile
    reforms: m.ReformsFile
    policies: m.PoliciesFile
    glossary: m.GlossaryFile
    statements: m.StatementsFile
    actuals: m.ActualsFile
    index: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index = {
            "sources": {s.id: s for s in self.plan.sources},
            "indicator-groups": {g.id: g for g in self.indicators.groups},
            "indicators": {i.id: i for i in self.indicators.indicators},
            "history": {s.id: s for s in self.history.series},
            "innovation-platforms": {p.id: p for p in self.innovation_platforms.innovation_platforms},
            "industry-groups": {g.id: g for g in self.industries.groups},
            "industries": {i.id: i for i in self.industries.industries},
            "platforms": {p.id: p for p in self.platforms.platforms},
            "projects": {p.id: p for p in self.projects.projects},
            "townships": {t.id: t for t in self.townships.townships},
            "reforms": {r.id: r for r in self.reforms.reforms},
            "policies": {p.id: p for p in self.policies.policies},
            "glossary": {t.id: t for t in self.glossary.terms},
        }

    def get(self, collection: str, ident: str) -> Any:
        return self.index[collection][ident]

    def resolve(self, path: str) -> float | None:
        """The figure at ``collection/id/field[/key]``; KeyError when the path names nothing."""
        collection, ident, *rest = path.split("/")
        obj: Any = self.index[collection][ident]
        if collection == "history":
            (year,) = rest
            return next(p.value for p in obj.points if p.year == int(year))
        for part in rest:
            if isinstance(obj, dict):
                obj = obj[int(part)] if part.isdigit() else obj[part]
            elif hasattr(obj, part):
                obj = getattr(obj, part)
            else:
                raise KeyError(path)
        if obj is not None and not isinstance(obj, int | float):
            raise KeyError(path)
        return obj


def _validation_problems(doc: YamlDoc, exc: ValidationError, log: ProblemLog) -> None:
    for err in exc.errors():
        loc = tuple(part for part in err["loc"] if not _is_union_tag(part))
        message = ERROR_MESSAGES.get(err["type"], err["msg"].removeprefix("Value error, "))
        if err["type"] == "missing" and loc and loc[-1] in ("zh", "en"):
            message = "missing Chinese text" if loc[-1] == "zh" else "missing English text"
        if err["type"] == "value_error" and "text must not be empty" in err["msg"]:
            message = "empty Chinese text" if loc[-1] == "zh" else "empty English text"
        if err["type"] == "string_pattern_mismatch":
            message = "id must be lowercase ASCII letters, digits and hyphens"
        if err["type"] in ("float_type", "int_type") and isinstance(err.get("input"), str):
            kind = "a whole number" if err["type"] == "int_type" else "a number"
            message = f"must be {kind}, not {err['input']!r}"
        if "is before start year" in message:
            loc = (*loc, "end")
        line = doc.line_of(loc)
        log.add(doc.file, line, format_path(loc), message)


def _is_union_tag(part: Any) -> bool:
    return isinstance(part, str) and ("[" in part or part in ("float", "int", "none", "str"))


def _check_unique_ids(doc: YamlDoc, key: str, items: Iterable[Any], log: ProblemLog) -> None:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.id in seen:
            log.add(
                doc.file,
                doc.line_of((key, i, "id")),
                format_path((key, i, "id")),
                f"duplicate id '{item.id}' (first at item {seen[item.id]})",
            )
        else:
            seen[item.id] = i


def _list_fields(model: m.Model) -> Iterator[tuple[str, list[Any]]]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, list) and value and hasattr(value[0], "id"):
            yield name, value


def load_plan(data_dir: Path) -> Plan:
    """Read, validate and cross-check every file of ``data_dir``; raise DataError on problems."""
    log = ProblemLog()
    docs: dict[str, YamlDoc] = {}
    parsed: dict[str, m.Model] = {}
    for filename, model in m.FILE_MODELS.items():
        doc = read_yaml(data_dir / filename, f"data/{filename}", log)
        if doc is None:
            continue
        docs[filename] = doc
        try:
            parsed[filename] = model.model_validate(doc.data)
        except ValidationError as exc:
            _validation_problems(doc, exc, log)
            continue
        for key, items in _list_fields(parsed[filename]):
            _check_unique_ids(doc, key, items, log)
    log.raise_if_any()
    plan = Plan(data_dir, **{name.removesuffix(".yaml"): parsed[name] for name in m.FILE_MODELS})
    check_references(plan, docs, log)
    log.raise_if_any()
    return plan
