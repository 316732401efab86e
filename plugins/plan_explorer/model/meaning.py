"""What a field of the plan's data means, declared once at the type, next to the field.

A field's annotation carries its meaning as metadata that pydantic keeps but does not act on::

    total_investment_wan: Annotated[Amount | None, Quantity("万元")]
    kind: Annotated[Literal["total", "township", ...], Categories("township.kind")]
    unit: Annotated[Unit, PlanUnit()]

Every surface reads it from here — the change history and its feeds, the export's column descriptions, the
workbook — instead of keeping a table keyed by field name, so a new entity type with a 万元 field is shown right
everywhere without touching another module. What the catalogue must hold for a model follows from it too
(:func:`required_keys`): a field's label (``changes.field.<name>``, or the ``label`` it names) and each category's
word (``<categories>.<value>``); a missing one is a build error.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ..numfmt import UNITS, known_unit

#: a field's label in the catalogue, unless its meaning names another key
LABEL_PREFIX = "changes.field."
#: fields every record has that no reader sees as a figure or a label of their own
UNLABELLED = frozenset({"id"})


@dataclass(frozen=True)
class Quantity:
    """A figure field: its ``unit`` as the plan writes it (a unit of :data:`numfmt.UNITS`), and ``decimals``
    where derived figures of it are rounded. A field of figures by year (``YearFigures``) has one unit for all."""

    unit: str
    decimals: int | None = None
    unit_field: str = ""  # the unit is the record's own, in this field (an indicator's ``unit``)

    def unit_of(self, record: object) -> str:
        """The unit of this field in ``record`` (a record's ``unit`` as ``{zh, en}`` or a plain string)."""
        return self.words_of(record)[0]

    def words_of(self, record: object) -> tuple[str, str, str]:
        """The unit of this field in ``record`` as the plan words it: Chinese, and the English of what a count
        counts (``platforms``) and of one (``platform``) where the record gives them (a model or its JSON)."""
        if not self.unit_field:
            return self.unit, "", ""
        own = record.get(self.unit_field) if isinstance(record, dict) else getattr(record, self.unit_field, None)
        if isinstance(own, BaseModel):
            own = own.model_dump()
        if isinstance(own, dict):
            return str(own.get("zh") or ""), str(own.get("en") or ""), str(own.get("one") or "")
        return (own, "", "") if isinstance(own, str) else ("", "", "")


@dataclass(frozen=True)
class Categories:
    """A field that holds one of a fixed list of values (a ``Literal``), each worded by the catalogue key
    ``<key>.<value>`` (``Categories("township.kind")`` → ``township.kind.zone``)."""

    key: str


@dataclass(frozen=True)
class Label:
    """A field whose label is not ``changes.field.<name>`` (or that readers never see: ``Label(None)``)."""

    key: str | None


@dataclass(frozen=True)
class PlanUnit:
    """A field that names a unit in the data (an indicator's ``{zh: 亿元, en: …}``): the unit must be one the
    registry knows, else the record is a data error (``unknown unit``)."""


@dataclass(frozen=True)
class FieldMeaning:
    name: str
    label: str | None  # the catalogue key of its label; None: never shown on its own
    quantity: Quantity | None = None
    categories: Categories | None = None
    values: tuple[str, ...] = ()  # the categories' values (from the Literal)
    plan_unit: bool = False


def _literal_values(annotation: Any) -> tuple[str, ...]:
    """The values of a ``Literal`` (or of ``Literal | None``) annotation."""
    origin = get_origin(annotation)
    if origin is Literal:
        return tuple(str(v) for v in get_args(annotation))
    if origin in (Union, types.UnionType) or origin is typing.Annotated:
        return tuple(v for arg in get_args(annotation) for v in _literal_values(arg))
    return ()


_CACHE: dict[type[BaseModel], dict[str, FieldMeaning]] = {}


def meanings(model: type[BaseModel]) -> dict[str, FieldMeaning]:
    """Every field of ``model`` with what it means, by field name (cached: models do not change)."""
    cached = _CACHE.get(model)
    if cached is not None:
        return cached
    result: dict[str, FieldMeaning] = {}
    for name, info in model.model_fields.items():
        meta = info.metadata
        label: str | None = None if name in UNLABELLED else LABEL_PREFIX + name
        quantity = next((x for x in meta if isinstance(x, Quantity)), None)
        categories = next((x for x in meta if isinstance(x, Categories)), None)
        named = next((x for x in meta if isinstance(x, Label)), None)
        if named is not None:
            label = named.key
        values = _literal_values(info.annotation) if categories is not None else ()
        plan_unit = any(isinstance(x, PlanUnit) for x in meta)
        result[name] = FieldMeaning(name, label, quantity, categories, values, plan_unit)
    _CACHE[model] = result
    return result


def meaning(model: type[BaseModel] | None, name: str) -> FieldMeaning | None:
    return meanings(model).get(name) if model is not None else None


def quantity(model: type[BaseModel] | None, name: str) -> Quantity | None:
    found = meaning(model, name)
    return found.quantity if found is not None else None


def required_keys(model: type[BaseModel]) -> dict[str, str]:
    """The catalogue keys ``model``'s fields need, each with the field that needs it."""
    keys: dict[str, str] = {}
    for field in meanings(model).values():
        if field.label is not None:
            keys.setdefault(field.label, field.name)
        if field.categories is not None:
            for value in field.values:
                keys.setdefault(f"{field.categories.key}.{value}", field.name)
    return keys


def unit_problems(value: object, path: tuple[object, ...] = ()) -> Iterator[tuple[tuple[object, ...], str]]:
    """Every unit named in the data below ``value`` (a field marked :class:`PlanUnit`) that the unit registry
    does not know, with its path: a figure in such a unit could not be written in the reader's words."""
    if isinstance(value, BaseModel):
        for name, field in meanings(type(value)).items():
            item = getattr(value, name)
            if field.plan_unit and item is not None:
                unit = getattr(item, "zh", item)
                if isinstance(unit, str) and not known_unit(unit):
                    yield (*path, name), f"unknown unit '{unit}' (the units numfmt.UNITS knows: {', '.join(UNITS)})"
            yield from unit_problems(item, (*path, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from unit_problems(item, (*path, i))
