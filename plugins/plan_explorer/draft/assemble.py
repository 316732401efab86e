"""The drafted plan folder, file by file: chapters, ``plan.txt``, ``plan.yaml`` (identity, period, the sources of
every chapter, section and table), one file per recognised collection, and ``draft-report.md``.

What the draft cannot know is left for a person and said in the report: the English of every text, the links
between collections (a project's industry, township, platform), tables it does not recognise, the targets stated
in the prose, short title and site texts (drafted from the title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .chapters import chapter_file, plan_text
from .docxread import Document
from .ids import IdMaker, slug
from .outline import ITEM_NUM, Block, Chapter, Outline
from .problems import DraftLog
from .report import Summary, report
from .tables import Recognised, cell, recognise, zh

#: collections a chapter can draw where the plan printed the table; the others are the page of their collection
IN_CHAPTER = ("indicators", "industries")
COLLECTIONS = ("indicators", "industries", "townships", "projects")
PERIOD_STATED = re.compile(
    r"规划(?:期限|期|时限|年限)?(?:为|是|：|:|从)?\s*((?:19|20)\d{2})\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*年"
)
PERIOD_ANYWHERE = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-—–~～至]\s*((?:19|20)\d{2})\s*年")
OUTLOOK = re.compile(r"(?:远景目标)?展望(?:到|至)\s*((?:19|20)\d{2})\s*年|((?:19|20)\d{2})\s*年远景目标")
PERIOD_NAME = re.compile(r"“?十[一二三四五六七八九]五”?")
ISSUER = re.compile(r"^\S{2,30}(人民政府|委员会|办公室|办公厅)$")


@dataclass
class Draft:
    files: dict[str, str] = field(default_factory=dict)  # path in the folder → text
    summary: Summary = field(default_factory=Summary)


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)


def assemble(doc: Document, outline: Outline, log: DraftLog, docx_name: str) -> Draft:
    draft = Draft()
    summary = draft.summary
    chapter_ids = IdMaker()
    ids = {name: IdMaker() for name in (*COLLECTIONS, "industry_groups")}
    sources: list[dict[str, Any]] = []
    recognised: dict[str, list[Recognised]] = {name: [] for name in COLLECTIONS}
    placeholders: dict[int, str] = {}
    placeholder_names = IdMaker()
    section_of: dict[int, str] = {}  # paragraph number → the source id of its section
    figures: list[tuple[Block, str, str]] = []  # (block, chapter id, source id)
    chapter_files: list[tuple[Chapter, str]] = []
    tables = 0
    for order, chapter in enumerate(outline.chapters):
        chapter_id = chapter_ids.make(chapter.title, "chapter")
        chapter_files.append((chapter, chapter_id))
        full = f"{chapter.number}、{chapter.title}" if chapter.number else chapter.title
        sources.append({"id": chapter_id, "label": zh(full), "chapter": chapter_id})
        summary.chapters.append(f"{order:02d}-{chapter_id}.md: {full}")
        current, sections = chapter_id, 0
        for block in chapter.blocks:
            if block.kind == "heading":
                sections += 1
                current = f"{chapter_id}-{sections}"
                label = f"{chapter.number}{block.text}" if chapter.number else block.text
                sources.append({"id": current, "label": zh(label), "chapter": chapter_id, "anchor": f"sec-{sections}"})
            elif block.kind == "para":
                section_of[block.para] = current
                summary.paragraphs += 1
            elif block.kind == "table" and block.table is not None:
                tables += 1
                source_id = f"table-{tables}"
                label = block.label or block.title or f"表{tables}"
                source: dict[str, Any] = {"id": source_id, "label": zh(label)}
                if block.title and block.title != label:
                    source["title"] = zh(block.title)
                found = recognise(block.table, source_id, block.title, log, ids)
                where = f"table {block.table.number}" + (f" ({label})" if label else "")
                header = " | ".join(cell(c) for c in block.table.rows[0]) if block.table.rows else ""
                if found is not None and not found.records:
                    log.note(where, f"its header is that of {found.collection}, but it has no rows: left for a person")
                    found = None
                elif found is None:
                    log.note(where, f"header row not recognised ({header[:80]}): left for a person")
                if found is None:
                    summary.unrecognised.append(f"{where}, after paragraph {block.para}: {header[:80]}")
                    source["chapter"] = chapter_id
                elif found.collection in IN_CHAPTER:
                    name = placeholder_names.make(found.collection.replace("_", "-"))
                    placeholders[id(block)] = name
                    source |= {"chapter": chapter_id, "anchor": f"table-{name}", "shows": found.collection}
                    if found.collection == "industries":
                        source["group"] = found.groups[0]["id"]
                else:
                    source["page"] = found.collection
                if found is not None:
                    recognised[found.collection].append(found)
                    summary.tables.append(f"{where}: {found.collection} ({len(found.records)} records)")
                    if block.table.parts > 1:
                        summary.tables[-1] += f", continued over {block.table.parts} Word tables"
                sources.append(source)
            elif block.kind == "figure":
                figures.append((block, chapter_id, f"figure-{len(figures) + 1}"))
    present = [name for name in ("projects", "industries", "townships", "indicators") if recognised[name]]
    for block, chapter_id, source_id in figures:
        label = block.label or f"图{len(summary.figures) + 1}"
        if present:
            name = placeholder_names.make(f"figure-{source_id.removeprefix('figure-')}")
            placeholders[id(block)] = name
            figure: dict[str, Any] = {"id": source_id, "label": zh(label)}
            if block.title:
                figure["title"] = zh(block.title)
            figure |= {"chapter": chapter_id, "anchor": f"figure-{name}", "lost": True, "see": present[0]}
            sources.append(figure)
            summary.figures.append(
                f"{label} {block.title}".strip() + f" (paragraph {block.para}): the picture is not "
                f"carried over; the page points readers to {present[0]} (`see:` in data/plan.yaml)"
            )
        else:
            summary.figures.append(
                f"{label} {block.title}".strip() + f" (paragraph {block.para}): left out (no collection to point to)"
            )

    for order, (chapter, chapter_id) in enumerate(chapter_files):
        draft.files[f"content/plan/zh/{order:02d}-{chapter_id}.md"] = chapter_file(
            chapter, chapter_id, order, placeholders
        )
    draft.files["data/source/plan.txt"] = plan_text(doc)

    meta = _plan_meta(doc, outline, log, recognised, chapter_files[0][1] if chapter_files else "")
    collections = _collections(recognised, outline, section_of, log, summary)
    if meta is not None:
        site = _site(meta, collections)
        draft.files["data/plan.yaml"] = dump({"plan": meta, "site": site, "sources": sources})
    for name, data in collections.items():
        draft.files[f"data/{name}.yaml"] = dump(data)
        summary.records[name] = len(data[name])
    for maker in ids.values():
        for name, given in maker.repeated:
            log.note(
                "", f"the name '{name}' appears twice in one list: the second is '{given}' (check it is no duplicate)"
            )
    summary.notes = list(log.notes)
    draft.files["draft-report.md"] = report(summary, docx_name, meta)
    return draft


def _texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs if p.text]


def _plan_meta(
    doc: Document, outline: Outline, log: DraftLog, recognised: dict[str, list[Recognised]], first_chapter: str
) -> dict[str, Any] | None:
    texts = _texts(doc)
    title = outline.title
    found = next((m for t in texts if (m := PERIOD_STATED.search(t))), None) or PERIOD_ANYWHERE.search(title)
    if found is None:
        log.problem("", "no period found: the plan should state it (规划期限为XXXX-XXXX年) or name it in its title")
        return None
    start, end = int(found.group(1)), int(found.group(2))
    if end < start:
        log.problem("", f"the period {start}–{end} ends before it starts")
        return None
    outlook = next((m for t in texts if (m := OUTLOOK.search(t))), None)
    outlook_year = int(outlook.group(1) or outlook.group(2)) if outlook else end
    named = PERIOD_NAME.search(title) or next((m for t in texts if (m := PERIOD_NAME.search(t))), None)
    period: dict[str, Any] = {"start": start, "end": end}
    base = _base_year(recognised, start)
    if base is not None and base != start - 1:
        period["base"] = base
    period["name"] = zh(named.group(0) if named else f"{start}—{end}年")
    meta: dict[str, Any] = {"title": zh(title), "short_title": zh(title)}
    issuer = next((t for t in reversed(texts) if ISSUER.match(t)), None)
    if issuer:
        meta["issuer"] = zh(issuer)
    summary_text = next((_from_sentence(t, "本规划") for t in texts if "规划期限" in t or "规划期为" in t), "") or title
    meta |= {
        "period": period,
        "outlook_year": max(outlook_year, end),
        "source": {"ref": first_chapter},
        "summary": zh(summary_text),
        "guiding_principles": [],
    }
    return meta


def _from_sentence(text: str, opening: str) -> str:
    """``text`` from the sentence that opens with ``opening`` (the plan's words about itself), else all of it."""
    if text.startswith(opening):
        return text
    at = text.find(f"。{opening}")
    return text[at + 1 :] if at >= 0 else text


def _base_year(recognised: dict[str, list[Recognised]], start: int) -> int | None:
    years = [int(y) for r in recognised["indicators"] for rec in r.records for y in rec["value"]]
    earlier = [y for y in years if y < start]
    return max(earlier) if earlier else None


def _collections(
    recognised: dict[str, list[Recognised]],
    outline: Outline,
    section_of: dict[int, str],
    log: DraftLog,
    summary: Summary,
) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    if recognised["indicators"]:
        groups: dict[str, Any] = {}
        records: list[dict[str, Any]] = []
        for found in recognised["indicators"]:
            for group in found.groups:
                groups.setdefault(group["id"], group)
            records += found.records
        out["indicators"] = {"groups": list(groups.values()), "indicators": records}
    if recognised["industries"]:
        paragraphs = [(b, section_of.get(b.para, "")) for c in outline.chapters for b in c.blocks if b.kind == "para"]
        groups_list, industries = [], []
        for found in recognised["industries"]:
            groups_list += found.groups
            for record in found.records:
                section, narrative = _narrative(record["name"]["zh"], paragraphs)
                if narrative is None:
                    log.note(
                        f"industry '{record['name']['zh']}'",
                        "no paragraph of the text opens with its name: "
                        "its narrative is its name, for a person to replace",
                    )
                record["section"] = section or {"ref": record["source"]["ref"]}
                record["narrative"] = zh(narrative or record["name"]["zh"])
                industries.append(record)
        out["industries"] = {"groups": groups_list, "industries": industries}
    if recognised["townships"]:
        out["townships"] = {"townships": [r for f in recognised["townships"] for r in f.records]}
    if recognised["projects"]:
        projects: dict[str, Any] = {}
        star = next((f.star for f in recognised["projects"] if f.star), None)
        if star is not None:
            projects["star"] = star
            summary.person.append("projects.yaml `star`: what ★ means (the table's note), in your words")
        projects["projects"] = [r for f in recognised["projects"] for r in f.records]
        out["projects"] = projects
    return out


def _narrative(name: str, paragraphs: list[tuple[Block, str]]) -> tuple[dict[str, Any] | None, str | None]:
    """The paragraph of the text about an industry (a numbered item opening with its name) and where it is."""
    for block, section in paragraphs:
        text = block.text
        match = ITEM_NUM.match(text)
        if match and text[match.end() :].lstrip().startswith(name) and section:
            row = int(match.group(1) or match.group(2))
            return ({"ref": section, "row": row} if row else {"ref": section}), text
    return None, None


def _site(meta: dict[str, Any], collections: dict[str, dict[str, Any]]) -> dict[str, Any]:
    title = meta["title"]["zh"]
    period = meta["period"]
    names = [
        r["name"]["zh"]
        for name in ("industries", "projects", "indicators")
        for r in collections.get(name, {}).get(name, [])
    ]
    site: dict[str, Any] = {
        "description": zh(f"{title}的数据网站。"),
        "footer_source": zh(f"数据来源：{title}。"),
        "search_examples": zh("如：" + "、".join(names[:3]) if names else "如：" + title[:6]),
        "explorer_filename": zh(f"{slug(title, max_length=40)}-projects.csv"),
        "datapackage_name": f"{slug(title, max_length=60)}-{period['start']}-{period['end']}",
    }
    indicators = collections.get("indicators", {}).get("indicators", [])
    if indicators:
        site["featured_indicator"] = indicators[0]["id"]
    return site
