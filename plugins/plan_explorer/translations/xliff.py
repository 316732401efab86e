"""XLIFF 1.2 files of a plan's texts (translate-toolkit writes and reads them): the format OmegaT, Trados, memoQ
and Weblate open. Each unit is one text: its id (see :mod:`units`), the Chinese as its source, notes saying where
the text appears, the glossary's renderings of the terms it contains and, for an outdated text, its previous
English; the target is left for the translator."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from translate.storage import xliff

from ..i18n import HTML_LANG
from .units import TextUnit

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"


class Unit12(xliff.xliffunit):
    namespace = NAMESPACE


class Xliff12(xliff.xlifffile):  # type: ignore[type-arg]  # generic in its stubs, not at run time
    """translate-toolkit's XLIFF store, writing version 1.2 (it writes 1.1 by default and reads both)."""

    UnitClass = Unit12
    namespace = NAMESPACE
    XMLskeleton = f"""<?xml version="1.0" ?>
<xliff version='1.2' xmlns='{NAMESPACE}'>
<file original='plan' source-language='{HTML_LANG["zh"]}' target-language='{HTML_LANG["en"]}' datatype='plaintext'>
<body>
</body>
</file>
</xliff>"""


@dataclass(frozen=True)
class Glossed:
    """A unit to export and the glossary's renderings of the terms its Chinese contains (``小部件 → widgets``)."""

    unit: TextUnit
    terms: list[tuple[str, str]]
    page: str | None = None  # the English page it appears on


def to_xliff(units: list[Glossed]) -> bytes:
    store = Xliff12(sourcelanguage=HTML_LANG["zh"], targetlanguage=HTML_LANG["en"])
    for item in units:
        unit = item.unit
        tu = store.addsourceunit(unit.zh, filename="plan")  # type: ignore[no-untyped-call]
        tu.xmlelement.set("id", unit.uid)
        tu.addnote(
            f"{unit.where} ({'outdated: the Chinese changed' if unit.state == 'outdated' else 'new'})", "developer"
        )
        if item.page:
            tu.addnote(f"shown on {item.page}", "developer")
        for zh, en in item.terms:
            tu.addnote(f"glossary: {zh} → {en}", "developer")
        if unit.state == "outdated" and unit.en:
            tu.addnote(f"previous translation: {unit.en}", "developer")
    return bytes(store)


@dataclass(frozen=True)
class Translated:
    """A unit of a translated file: its id, its source as the file holds it, the translator's English."""

    uid: str
    source: str
    target: str


def read_xliff(path: Path) -> list[Translated]:
    """The units of an XLIFF file (1.1 or 1.2); ValueError when it is not one."""
    if not path.is_file():
        raise ValueError("no such file")
    try:
        store = xliff.xlifffile.parsefile(str(path))  # type: ignore[no-untyped-call]
    except Exception as exc:  # lxml's and translate-toolkit's errors alike: the file is not XLIFF
        raise ValueError(f"not an XLIFF file ({exc.__class__.__name__}: {exc})") from exc
    out = []
    for tu in store.units:
        if tu.isheader():
            continue
        out.append(Translated(str(tu.xmlelement.get("id") or ""), str(tu.source or ""), str(tu.target or "")))
    return out
