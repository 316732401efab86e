"""A record's fields as a reader reads them, from their declared meanings (:mod:`model.meaning`).

What a generic entity page lists (:func:`site.pages.record_page`): each field's label from the catalogue and its
value in the page's language — a figure in the reader's unit, a figure by year one line a year, a category by its
word, a text in the page's language, a reference by the record's name. A new entity type gets a right page from
its model alone.
"""

from __future__ import annotations

from typing import Any

from ..model import records as m
from ..model.meaning import meanings
from . import contexts as c
from .state import Site

#: fields a generic page shows elsewhere (its title, its source line) or not at all
SHOWN_ELSEWHERE = frozenset({"id", "seq", "name", "source"})


def field_facts(site: Site, record: m.Model, lang: str) -> list[c.FieldFact]:
    t, fmt = site.t(lang), site.fmt(lang)
    collection = site.plan.kinds.get(type(record), "")
    refs = {r.field: r.target for e in site.types if e.name == collection for r in e.refs}
    facts: list[c.FieldFact] = []
    for name, field in meanings(type(record)).items():
        value: Any = getattr(record, name)
        if name in SHOWN_ELSEWHERE or field.label is None or value is None or value == [] or value == {}:
            continue
        label = t(field.label)
        if field.quantity is not None:
            unit = field.quantity.words_of(record)
            if isinstance(value, dict):  # figures by year
                for year, figure in sorted(value.items()):
                    facts.append(
                        c.FieldFact(t("changes.field_in_year", field=label, year=year), fmt.measure(figure, *unit))
                    )
                continue
            facts.append(c.FieldFact(label, fmt.measure(value, *unit)))
        elif field.categories is not None:
            facts.append(c.FieldFact(label, t(f"{field.categories.key}.{value}")))
        elif name in refs and isinstance(value, str):  # a record it names, by its name
            named = site.plan.index.get(refs[name], {}).get(value)
            text = getattr(named, "name", None)
            if isinstance(text, m.Text):
                facts.append(c.FieldFact(label, text[lang]))
        elif isinstance(value, m.Text):
            facts.append(c.FieldFact(label, value[lang]))
        elif isinstance(value, bool):
            facts.append(c.FieldFact(label, t("common.yes") if value else t("common.no")))
        elif isinstance(value, int | float):
            facts.append(c.FieldFact(label, fmt.number(value)))
    return facts
