"""``draft-report.md``: what the draft recognised (chapters, paragraphs, tables, records per collection), what
needs a person (English, links between collections, tables not recognised, the targets in the prose, the site's
texts) and the commands to go on. It holds nothing that changes from run to run, so a re-run gives the same file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Summary:
    chapters: list[str] = field(default_factory=list)
    paragraphs: int = 0
    tables: list[str] = field(default_factory=list)
    unrecognised: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    records: dict[str, int] = field(default_factory=dict)
    person: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _items(lines: list[str], empty: str = "none") -> list[str]:
    return [f"- {line}" for line in lines] if lines else [f"- {empty}"]


def report(summary: Summary, docx_name: str, meta: dict[str, Any] | None) -> str:
    title = meta["title"]["zh"] if meta else ""
    period = f"{meta['period']['start']}–{meta['period']['end']}" if meta else ""
    records = [f"{name}: {n} records (data/{name}.yaml)" for name, n in summary.records.items()]
    person = [
        "English: every text is Chinese only — the chapters' English files (content/plan/en/, the same blocks "
        "as the Chinese) and the `en` of every name in data/ (see docs/NEW_PLAN.md, Translating)",
        "links between collections the tables do not state: a project's `industry`, `township`, `platform`; an "
        "indicator's `related` sections",
        "the targets stated in the prose (data/targets.yaml) and the plan's facts stated twice (data/statements.yaml)",
        "plan.yaml: `short_title` (drafted as the title), `issuer` (only when the text states it), "
        "`guiding_principles`, and the site texts under `site:` (drafted from the title)",
        "projects: `summary` is drafted as the first sentence of 建设内容; check every `type` and `period`",
        "indicators: `comparison: at_most` for a figure that is to fall (an intensity), and the group ids",
        *(
            []
            if summary.records
            else ["no table was recognised as a collection: `make check` needs at least one (docs/EDITING.md)"]
        ),
        *summary.person,
        *[f"table not recognised — {line}" for line in summary.unrecognised],
        *[f"figure {line}" for line in summary.figures],
    ]
    lines = [
        "# Draft report",
        "",
        f"Drafted from `{docx_name}`: {title} ({period}). The folder is a draft: read this, then go on below.",
        "",
        "## Recognised",
        "",
        f"- {len(summary.chapters)} chapters, {summary.paragraphs} paragraphs (content/plan/zh/):",
        *[f"  - {line}" for line in summary.chapters],
        f"- {len(summary.tables)} tables drafted as collections:",
        *[f"  - {line}" for line in summary.tables],
        *_items(records, "no collection recognised"),
        "- data/source/plan.txt: the document's text in reading order, tables as rows",
        "",
        "## Needs a person",
        "",
        *_items(person),
        "",
        "## Notes from the Word file",
        "",
        *_items(summary.notes),
        "",
        "## Go on",
        "",
        "```",
        "make check PLAN=<this folder>     # what is still missing, one line each",
        "make html PLAN=<this folder>      # build the site (output/)",
        "make serve PLAN=<this folder>     # look at it on http://127.0.0.1:8000/",
        "```",
        "",
        "A new draft over this folder: `make draft FILE=<plan.docx> PLAN=<this folder> FORCE=1`; a file you have "
        "edited since is kept, and the new draft of it is written beside it (`<file>.draft`).",
        "",
    ]
    return "\n".join(lines)
