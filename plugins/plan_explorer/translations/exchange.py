"""``make translations`` and ``make import-translations``: a plan's texts that need English out to an XLIFF
file, and the translated file back in — every unit checked first (a known id, its Chinese unchanged since the
export, the figures and glossary terms of the Chinese in the English); on any problem, one line per unit and
nothing written; otherwise only the texts whose English changed are written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import PlanError
from ..model import records as m
from ..site.state import Site
from .checks import Rendering, figure_problems, glossary, glossary_problems, terms_in
from .units import TextUnit, all_units
from .write import write_translations
from .xliff import Glossed, Translated, read_xliff, to_xliff
from .yamlsplice import SpliceError

#: texts the glossary check leaves alone: a term's own entry explains it in other words; file names, search examples
NOT_PROSE = ("/explorer_filename", "/search_examples")


class TranslationFileError(PlanError):
    """A translated file that cannot be imported: one line per problem (``<file>: unit <id>: message``)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))

    def lines(self) -> list[str]:
        return list(self.problems)


def page_of(site: Site, unit: TextUnit) -> str | None:
    """The English page a text appears on (its record's page, or its chapter's), when it has one of its own."""
    parts = unit.uid.split("/")
    if parts[0] == "chapter":
        return "/en/" + site.urls.chapter(parts[1])
    if parts[0] == "page":
        return "/en/" + site.urls.doc(parts[1])
    if len(parts) >= 4:
        record = site.plan.index.get(parts[1], {}).get(parts[2])
        if record is not None and site.urls.has_page(record):
            return "/en/" + site.urls.of(record)
    return None


def export_translations(site: Site, output: Path) -> list[TextUnit]:
    """Write every text lacking English, or whose Chinese changed since its translation, to ``output``."""
    renderings = glossary(site.plan.file(m.GlossaryFile))
    wanted = [u for u in all_units(site.plan, site.chapters, site.docs) if u.state]
    units = []
    for unit in wanted:
        terms = [(r.zh[0], " / ".join(r.en)) for r in terms_in(unit.zh, renderings)]
        units.append(Glossed(unit, terms, page_of(site, unit)))
    output.write_bytes(to_xliff(units))
    return wanted


@dataclass(frozen=True)
class Imported:
    written: list[str]  # the files written
    translated: int  # units whose English was written
    skipped: int  # units left without a translation (empty target) or translated as they already were


def _problems(unit: TextUnit | None, got: Translated, renderings: list[Rendering]) -> list[str]:
    if unit is None:
        return ["no text of the plan has this id (exported from another plan or version?)"]
    if got.source.strip() != unit.zh.strip():
        return ["its Chinese source is not the plan's text any more: export the translations again"]
    en = got.target.strip()
    problems = figure_problems(unit.zh, en)
    if not unit.uid.startswith("glossary/") and not unit.uid.endswith(NOT_PROSE):  # as tests/test_glossary.py
        problems += glossary_problems(unit.zh, en, renderings)
    if unit.kind in ("heading", "title") and "\n" in en:
        problems.append("a heading or title is one line")
    if unit.kind == "para" and ("\n\n" in en or en.startswith("## ") or en.startswith("[[")):
        problems.append("a paragraph is one block: no blank line, no heading mark, no placeholder")
    return problems


def import_translations(site: Site, root: Path, file: Path, display: str) -> Imported:
    """Check the translated ``file`` against the plan of ``site`` (folder ``root``) and write what changed."""
    try:
        got = read_xliff(file)
    except (OSError, ValueError) as exc:
        raise TranslationFileError([f"{display}: {exc}"]) from exc
    units = {u.uid: u for u in all_units(site.plan, site.chapters, site.docs)}
    renderings = glossary(site.plan.file(m.GlossaryFile))
    problems: list[str] = []
    changes: list[tuple[TextUnit, str]] = []
    seen: set[str] = set()
    skipped = 0
    for item in got:
        if item.uid in seen:
            problems.append(f"{display}: unit {item.uid}: appears twice in the file")
            continue
        seen.add(item.uid)
        unit = units.get(item.uid)
        if unit is not None and not item.target.strip():
            skipped += 1  # not translated yet: nothing to check or write
            continue
        found = _problems(unit, item, renderings)
        problems += [f"{display}: unit {item.uid or '(no id)'}: {p}" for p in found]
        if found or unit is None:
            continue
        if item.target.strip() == unit.en.strip() and not unit.state:
            skipped += 1
            continue
        changes.append((unit, item.target.strip()))
    if problems:
        raise TranslationFileError(problems)
    documents = {"chapter": site.chapters, "page": site.docs}
    try:
        written = write_translations(root, changes, documents) if changes else []
    except SpliceError as exc:  # checked before anything is written
        raise TranslationFileError([f"{display}: the translations could not be written in place: {exc}"]) from exc
    return Imported(written, len(changes), skipped)
