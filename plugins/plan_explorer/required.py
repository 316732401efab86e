"""The catalogue keys a plan's types need, derived from the descriptors and the models' field meanings.

Every word a page or a feed shows comes from ``theme/i18n.yaml``: a collection's names (``changes.subject.<name>``,
``nav.<name>`` …), each field's label and each category's word (:func:`model.meaning.required_keys`). A key the
catalogue lacks is a build error reported with the data's problems — never a raw field name or key on a page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .descriptor import EntityType
from .errors import ProblemLog
from .i18n import Catalogue
from .model.meaning import required_keys

CATALOGUE_FILE = "theme/i18n.yaml"


def type_keys(etype: EntityType) -> Iterator[tuple[str, str]]:
    """(key, what needs it) for one entity type: its names and its records' fields and categories."""
    name = etype.name
    yield f"changes.subject.{name}", f"collection {name}"
    yield f"changes.subjects.{name}", f"collection {name}"
    if etype.overview is not None:
        yield f"nav.{name}", f"collection {name}"
        yield f"{name}.description", f"collection {name}"
    if etype.export is not None:
        yield f"data.collection.{name}", f"collection {name}"
    if etype.kind:
        yield f"kind.{etype.kind}", f"collection {name}"
    for model in (etype.record, *(aux.record for aux in etype.aux)):
        for key, field in required_keys(model).items():
            yield key, f"{model.__name__}.{field}"


def check_catalogue(catalogue: Catalogue, types: Sequence[EntityType], log: ProblemLog) -> None:
    """One problem per key the types need that the catalogue lacks (a language missing is load_catalogue's)."""
    seen: set[str] = set()
    for etype in types:
        for key, needed_by in type_keys(etype):
            if key not in seen and not catalogue.has(key):
                log.add(CATALOGUE_FILE, 0, key, f"missing: {needed_by} needs its words in both languages")
            seen.add(key)
