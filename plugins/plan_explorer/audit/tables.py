"""A table against its own note: the values of a column against the categories the note says it holds."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import records as m
from ..model.plan import Plan
from .findings import Finding, Listed, Say, Term, Value, label


def category_findings(plan: Plan) -> Iterator[Finding]:
    """Every row of a table whose column holds a value its note does not list (``defines`` of the table's source)."""
    for source in plan.meta.sources:
        for spec in source.defines:
            allowed = set(spec.values)
            for records in plan.lists.values():
                for record in records:
                    own = getattr(record, "source", None)
                    if not isinstance(own, m.Source) or own.ref != source.id or not hasattr(record, spec.field):
                        continue
                    value = getattr(record, spec.field)
                    if value is None or str(value) in allowed:
                        continue
                    prefix = type(record).__name__.lower()  # the catalogue's names: project.type.reserve
                    yield Finding(
                        f"categories-{record.id}-{spec.field}",
                        "categories",
                        record.name,
                        [Value(label("table_note"), None, "", m.Source(ref=source.id), spec.quote)],
                        Say(
                            "computation.categories",
                            {
                                "column": Term(f"{prefix}.{spec.field}"),
                                "value": Term(f"{prefix}.{spec.field}.{value}"),
                                "allowed": Listed([Term(f"{prefix}.{spec.field}.{v}") for v in spec.values], ","),
                            },
                        ),
                        0,
                        "",
                        "contradiction",
                        [record],
                        source.id,
                        Say("why.categories", {"count": len(spec.values)}),
                    )
