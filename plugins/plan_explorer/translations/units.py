"""A plan's translatable texts, each with a stable id: every bilingual text of its YAML files and every heading,
paragraph and title of its chapters and about pages, with whether its English is there, missing or outdated.

Ids name records by their ``id`` rather than their position, so that an XLIFF file stays valid while rows are
added elsewhere: ``projects/projects/xyz/name``, ``plan/plan/guiding_principles/innovation/name``,
``chapter/intro/p-3``, ``chapter/intro/title``, ``page/about/sec-1``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..content import Document
from ..model.plan import Plan
from ..model.yamlsource import format_path
from .marks import zh_hash

TEXT_KEYS = frozenset({"zh", "en", "zh_hash", "one"})  # a bilingual text (a target's unit has ``one``)
#: the content folders whose documents are translated, and the prefix of their units' ids
CONTENT = (("chapter", "content/plan"), ("page", "content/pages"))


@dataclass(frozen=True)
class TextUnit:
    """One translatable text. ``file`` is where its English is written: a YAML file (``path`` the keys and list
    positions of the text) or an English Markdown file (``path`` = (document id, block anchor or ``title``))."""

    uid: str
    zh: str
    en: str  # "" when missing
    state: str  # "" (translated and current), "missing" or "outdated"
    where: str  # where a person finds it: file, line and field
    file: str
    path: tuple[Any, ...]
    kind: str = "text"  # text (YAML) | heading | para | title


@dataclass(frozen=True)
class Counts:
    total: int
    missing: int
    outdated: int

    @property
    def translated(self) -> int:
        return self.total - self.missing - self.outdated

    @property
    def complete(self) -> bool:
        return self.missing == 0 and self.outdated == 0


def is_text(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("zh"), str)
        and set(value) <= TEXT_KEYS
        and all(isinstance(value.get(k, ""), str) for k in ("en", "zh_hash"))
    )


def text_state(value: dict[str, Any]) -> str:
    if not value.get("en"):
        return "missing"
    recorded = value.get("zh_hash")
    return "outdated" if recorded is not None and recorded != zh_hash(value["zh"]) else ""


def walk(
    data: Any, path: tuple[Any, ...] = (), names: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], str, Any]]:
    """``(path, id path, text)`` of every bilingual text in ``data``: list items are named by their ``id``."""
    if is_text(data):
        yield path, "/".join(names), data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, (*path, key), (*names, str(key)))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            ident = item.get("id") if isinstance(item, dict) else None
            yield from walk(item, (*path, i), (*names, ident if isinstance(ident, str) else str(i + 1)))


def data_units(plan: Plan) -> list[TextUnit]:
    units: list[TextUnit] = []
    for name in sorted(plan.docs):
        doc = plan.docs[name]
        stem = name.removesuffix(".yaml")
        for path, names, text in walk(doc.data):
            where = f"data/{name} line {doc.line_of(path)}: {format_path(path)}"
            units.append(
                TextUnit(
                    f"{stem}/{names}", text["zh"], text.get("en", ""), text_state(text), where, f"data/{name}", path
                )
            )
    return units


def document_units(prefix: str, folder: str, docs: dict[str, dict[str, Document]]) -> list[TextUnit]:
    units: list[TextUnit] = []
    for ident, pair in docs.items():
        zh, en = pair["zh"], pair["en"]
        target = f"{folder}/en/{zh.filename}"
        where = f"{folder}/zh/{zh.filename}"
        en_title = "" if en.title_state == "missing" else str(en.title)
        units.append(
            TextUnit(
                f"{prefix}/{ident}/title",
                zh.title,
                en_title,
                en.title_state,
                f"{where}: title",
                target,
                (ident, "title"),
                "title",
            )
        )
        if len(zh.blocks) != len(en.blocks):
            continue  # reported by the content check
        for z, e in zip(zh.blocks, en.blocks, strict=True):
            if z.kind not in ("heading", "para"):
                continue
            english = "" if e.state == "missing" else e.source
            units.append(
                TextUnit(
                    f"{prefix}/{ident}/{z.anchor}",
                    z.source,
                    english,
                    e.state,
                    f"{where} line {z.line}: {z.anchor}",
                    target,
                    (ident, z.anchor),
                    z.kind,
                )
            )
    return units


def all_units(
    plan: Plan, chapters: dict[str, dict[str, Document]], pages: dict[str, dict[str, Document]]
) -> list[TextUnit]:
    """Every translatable text of a plan, in the order of its files."""
    return [
        *data_units(plan),
        *document_units("chapter", "content/plan", chapters),
        *document_units("page", "content/pages", pages),
    ]


def count(units: list[TextUnit]) -> Counts:
    return Counts(len(units), sum(u.state == "missing" for u in units), sum(u.state == "outdated" for u in units))
