"""``make draft``: a plan folder drafted from the plan's Word file (see docs/NEW_PLAN.md).

:func:`draft_plan` reads the .docx (:mod:`.docxread`), finds its outline (:mod:`.outline`), writes the chapters and
the plan's text (:mod:`.chapters`), drafts ``plan.yaml`` and the collections of the tables it recognises
(:mod:`.tables`, ids from :mod:`.ids`), says what needs a person (:mod:`.report`) and writes the folder all at once
(:mod:`.write`). Every problem is one line (:class:`.problems.DraftError`); a draft with a problem writes nothing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .assemble import assemble
from .docxread import open_docx
from .outline import read_outline
from .problems import DraftError, DraftLog
from .write import Written, write_folder

__all__ = ["DraftError", "Written", "draft_plan"]


def draft_plan(docx: Path, folder: Path, force: bool = False) -> tuple[Written, list[str]]:
    """Draft the plan folder ``folder`` from ``docx``; returns what was written and the notes for a person."""
    log = DraftLog(docx.name)
    doc = open_docx(docx, log)
    log.raise_if_any()
    assert doc is not None
    outline = read_outline(doc, log)
    log.raise_if_any()
    assert outline is not None
    draft = assemble(doc, outline, log, docx.name)
    log.raise_if_any()
    source = f"{docx.name} sha256:{hashlib.sha256(docx.read_bytes()).hexdigest()}"
    return write_folder(folder, draft.files, source, force), log.notes
