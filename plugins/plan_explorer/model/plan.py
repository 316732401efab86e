"""The loaded plan: every collection it has, looked up by record type, and the figure a path names.

Code asks for records by their model class (``plan.all(Project)``, ``plan.get(Industry, "x")``), so no stage
spells a collection's name; a collection the plan lacks simply has no records. Which collections exist,
and under which names, is decided by the descriptors (:mod:`entities`) at load time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from . import records as m
from .yamlsource import YamlDoc

T = TypeVar("T", bound=m.Model)


@dataclass
class Plan:
    """A validated plan: its metadata and records, indexed by list name and by record type."""

    data_dir: Path
    meta: m.PlanFile
    files: dict[str, m.Model]  # collection name → its file model, for the collections the plan has
    lists: dict[str, list[Any]]  # list name (collection or auxiliary list such as industry_groups) → records
    kinds: dict[type, str]  # record class → the name of the list it is kept in
    index: dict[str, dict[str, Any]] = field(default_factory=dict)
    docs: dict[str, YamlDoc] = field(default_factory=dict)  # the files as read, for the lines of later problems
    _referrers: dict[tuple[type, str, str], list[Any]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        self.lists.setdefault("sources", list(self.meta.sources))
        self.kinds.setdefault(m.SourceDef, "sources")
        self.index = {name: {r.id: r for r in items if hasattr(r, "id")} for name, items in self.lists.items()}

    # --- the plan's own facts ----------------------------------------------------------------------

    @property
    def info(self) -> m.PlanMeta:
        return self.meta.plan

    @property
    def base_year(self) -> int:
        return self.info.period.base_year

    @property
    def target_year(self) -> int:
        return self.info.period.end

    @property
    def years(self) -> int:
        return self.info.period.years

    # --- records ---------------------------------------------------------------------------------

    def has(self, name: str) -> bool:
        """Whether the plan has the collection ``name`` (its file exists)."""
        return name in self.files

    def all(self, kind: type[T]) -> list[T]:
        """Every record of ``kind``, in the plan's order ([] when the plan has no such collection)."""
        name = self.kinds.get(kind)
        return cast("list[T]", self.lists.get(name, [])) if name else []

    def get(self, kind: type[T], ident: str) -> T:
        return cast("T", self.index[self.kinds[kind]][ident])

    def find(self, kind: type[T], ident: str | None) -> T | None:
        if ident is None or kind not in self.kinds:
            return None
        return cast("T | None", self.index[self.kinds[kind]].get(ident))

    def file(self, kind: type[T]) -> T | None:
        """The file model of type ``kind``, if the plan has that file."""
        return next((f for f in self.files.values() if isinstance(f, kind)), None)

    def source(self, ref: str) -> m.SourceDef:
        return cast("m.SourceDef", self.index["sources"][ref])

    # --- links (set by the link stage) -----------------------------------------------------------

    def link(self, record: Any, fieldname: str, target_id: str) -> None:
        self._referrers[(type(record), fieldname, target_id)].append(record)

    def referring(self, kind: type[T], fieldname: str, target_id: str) -> list[T]:
        """The records of ``kind`` whose ``fieldname`` names ``target_id`` (e.g. the projects of an industry)."""
        return cast("list[T]", self._referrers.get((kind, fieldname, target_id), []))

    def line_of(self, filename: str, path: tuple[Any, ...]) -> int:
        """The line of ``path`` in the data file ``filename`` (0 when unknown)."""
        doc = self.docs.get(filename)
        return doc.line_of(path) if doc else 0

    # --- figures by path ---------------------------------------------------------------------------

    def resolve(self, path: str) -> float | None:
        """The figure at ``collection/id/field[/key]``; KeyError when the path names nothing.

        A series' points are addressed by year (``history/high-tech/<year>``), figures by year as a key
        (``industries/new-materials/output/<year>``).
        """
        collection, ident, *rest = path.split("/")
        obj: Any = self.index[collection][ident]
        if isinstance(obj, m.Series):
            (year,) = rest
            return next(p.value for p in obj.points if p.year == int(year))
        for part in rest:
            if isinstance(obj, dict):
                obj = obj[int(part)] if part.isdigit() else obj[part]
            elif hasattr(obj, part) and part in type(obj).model_fields:
                obj = getattr(obj, part)
            else:
                raise KeyError(path)
        if obj is not None and not isinstance(obj, int | float):
            raise KeyError(path)
        return cast("float | None", obj)
