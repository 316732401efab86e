"""The plan's text and the about pages from ``content/``: Markdown with front matter, one file per
chapter per language. Both languages must have the same sequence of blocks, so paragraphs pair
one-to-one (permalinks ``#p-N`` are the same in both languages; side-by-side mode aligns them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .errors import ProblemLog
from .i18n import LANGS
from .model.texts import clean, text_problem
from .model.yamlsource import parse_yaml
from .translations.marks import UNTRANSLATED_BLOCK, Outdated, Untranslated, zh_hash

PLACEHOLDER = re.compile(r"^\[\[(table|figure):([a-z0-9-]+)\]\]$")
EDITORIAL_HEADING = re.compile(r"\s*\{:\s*\.editorial\s*\}\s*$")
EDITORIAL_MARK = " [[editorial]]"


@dataclass(frozen=True)
class Block:
    kind: str  # heading | para | table | figure
    html: Markup
    anchor: str
    editorial: bool = False
    name: str = ""  # table or figure name
    text: str = ""  # plain text of a heading
    line: int = 0  # where the block starts in its file
    source: str = ""  # the block as written (a heading's text without ``## `` and its editorial mark)
    state: str = ""  # an English block: "" (translated), "missing" (the Chinese shown) or "outdated"


@dataclass
class Document:
    """One chapter (or about page) in one language."""

    id: str
    lang: str
    order: int
    number: str
    title: str
    title_editorial: bool
    blocks: list[Block] = field(default_factory=list)
    filename: str = ""  # its file in content/…/<lang>/
    title_state: str = ""  # as a block's state
    zh_hashes: dict[str, str] = field(default_factory=dict)  # an English file's: the Chinese each block translates
    exists: bool = True  # False: an English chapter not written yet, standing in with the Chinese

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    @property
    def full_title(self) -> str:
        if not self.number:
            return self.title
        if isinstance(self.title, Untranslated):  # the Chinese standing in: written as Chinese, still marked
            return Untranslated(f"{self.number}、{self.title}")
        full = f"{self.number}、{self.title}" if self.lang == "zh" else f"{self.number}. {self.title}"
        return Outdated(full) if isinstance(self.title, Outdated) else full


SAFE_LINK = re.compile(r"^(https?:|mailto:|#|/|\.|[a-z0-9-]+/|[a-z0-9-]+$)", re.I)


class _SafeLinks(Treeprocessor):  # type: ignore[misc]  # Markdown is untyped
    """Drops link and image targets with a scheme other than http(s)/mailto (e.g. ``javascript:``)."""

    def run(self, root: Element) -> None:
        for el in root.iter():
            for attr in ("href", "src"):
                value = el.get(attr)
                if value is not None and not SAFE_LINK.match(value.strip()):
                    el.set(attr, "#")


def markdown_renderer() -> markdown.Markdown:
    """Markdown with raw HTML disabled (``<tag>`` is shown, not interpreted) and only safe link targets."""
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)
    return md


def _render_inline(md: markdown.Markdown, text: str) -> Markup:
    md.reset()
    return Markup(md.convert(text))  # noqa: S704 — raw HTML is disabled in the renderer


#: A chapter's blocks by its text: the dev server loads the plan on every edit, and most chapters are unchanged.
_PARSED: dict[tuple[str, int], tuple[Block, ...]] = {}
MEMO_SIZE = 64


def _blocks_of(body: str, md: markdown.Markdown, first_line: int) -> tuple[Block, ...]:
    key = (body, first_line)
    if key not in _PARSED:
        if len(_PARSED) >= MEMO_SIZE:
            _PARSED.clear()
        _PARSED[key] = tuple(_parse_blocks(body, md, first_line))
    return _PARSED[key]


def _parse_blocks(body: str, md: markdown.Markdown, first_line: int = 1) -> list[Block]:
    blocks: list[Block] = []
    sections = paragraphs = 0
    for match in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", body):
        raw = match.group().strip()
        if not raw:
            continue
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        line = first_line + body.count("\n", 0, start)
        placeholder = PLACEHOLDER.match(raw)
        if raw.startswith("## "):
            sections += 1
            text = raw[3:]
            editorial = bool(EDITORIAL_HEADING.search(text))
            text = EDITORIAL_HEADING.sub("", text).strip()
            blocks.append(
                Block(
                    "heading",
                    _render_inline(md, text).removeprefix(Markup("<p>")).removesuffix(Markup("</p>")),
                    f"sec-{sections}",
                    editorial,
                    text=text,
                    line=line,
                    source=text,
                )
            )
        elif placeholder:
            kind, name = placeholder.groups()
            blocks.append(Block(kind, Markup(""), f"{kind}-{name}", name=name, line=line, source=raw))
        else:
            paragraphs += 1
            editorial = raw.endswith(EDITORIAL_MARK.strip()) and EDITORIAL_MARK.strip() in raw
            text = raw.replace("[[editorial]]", "").rstrip() if editorial else raw
            text = re.sub(r"^(\d+)\.", r"\1\\.", text)  # "1.text" is a paragraph, not a list
            source = raw.replace("[[editorial]]", "").rstrip() if editorial else raw
            html = _render_inline(md, text)
            blocks.append(Block("para", html, f"p-{paragraphs}", editorial, line=line, source=source))
    return blocks


def _read_document(path: Path, display: str, lang: str, md: markdown.Markdown, log: ProblemLog) -> Document | None:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        log.add(display, 1, "(encoding)", "file is not valid UTF-8")
        return None
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not match:
        log.add(display, 1, "(front matter)", "file must start with a --- front matter block")
        return None
    body = text[match.end() :]
    first = text.count("\n", 0, match.end()) + 1
    bad = [(n, problem) for n, line in enumerate(body.split("\n"), first) if (problem := text_problem(line))]
    for number, problem in bad:  # a control character or a paragraph beyond any bound (see model.texts)
        log.add(display, number, "(text)", problem)
    body = clean(body)  # reported: the rest of the file is still checked
    meta_doc = parse_yaml(match.group(1), display, log, first_line=2)
    if meta_doc is None:
        return None
    if not isinstance(meta_doc.data, dict):
        log.add(display, 2, "(front matter)", "front matter must be a mapping")
        return None
    meta = meta_doc.data
    hashes = meta.get("zh_hashes", {})
    if not isinstance(hashes, dict) or not all(isinstance(v, str) for v in hashes.values()):
        log.add(display, meta_doc.line_of(("zh_hashes",)), "zh_hashes", "must map block anchors to hashes")
        hashes = {}
    missing = [k for k in ("id", "title") if not meta.get(k)]
    for key in missing:
        log.add(display, meta_doc.line_of((key,)), key, "required field is missing")
    if missing:
        return None
    return Document(
        str(meta["id"]),
        lang,
        int(meta.get("order", 0)),
        str(meta.get("number", "")),
        str(meta["title"]),
        bool(meta.get("title_editorial", False)),
        list(_blocks_of(body, md, first)),
        path.name,
        zh_hashes={str(k): v for k, v in hashes.items()},
    )


def _shape(doc: Document) -> list[tuple[str, str, bool]]:
    return [(b.kind, b.name, b.editorial) for b in doc.blocks]


def load_documents(folder: Path, display_root: str, log: ProblemLog) -> dict[str, dict[str, Document]]:
    """``{id: {lang: Document}}`` for the files of ``folder/zh`` and ``folder/en``; both required."""
    md = markdown_renderer()
    docs: dict[str, dict[str, Document]] = {}
    names = sorted({p.name for lang in LANGS for p in (folder / lang).glob("*.md")})
    for name in names:
        pair: dict[str, Document] = {}
        for lang in LANGS:
            path = folder / lang / name
            display = f"{display_root}/{lang}/{name}"
            if not path.exists():
                if lang == "en" and "zh" in pair:  # not translated yet: the Chinese stands in
                    pair["en"] = untranslated(pair["zh"])
                    continue
                log.add(display, 0, "(file)", f"missing Chinese text: {name} exists only in the other language")
                continue
            doc = _read_document(path, display, lang, md, log)
            if doc is not None:
                pair[lang] = doc
        if len(pair) == 2:
            if pair["en"].exists:
                pair["en"] = _fill(pair["zh"], pair["en"])
            _check_pair(pair, f"{display_root}/en/{name}", log)
            docs[pair["zh"].id] = pair
    return docs


def _check_pair(pair: dict[str, Document], display: str, log: ProblemLog) -> None:
    zh, en = pair["zh"], pair["en"]
    if zh.id != en.id or zh.title_editorial != en.title_editorial:
        log.add(display, 2, "id", "id and title_editorial must match the Chinese file")
    if _shape(zh) != _shape(en):
        log.add(
            display,
            0,
            "(blocks)",
            f"the English file has {len(en.blocks)} blocks shaped differently from the "
            f"Chinese file's {len(zh.blocks)}: headings, paragraphs and placeholders must pair one-to-one",
        )


def _missing(block: Block) -> Block:
    """A Chinese block standing in for its missing English one."""
    text = Untranslated(block.text) if block.kind == "heading" else block.text
    return replace(block, text=text, state="missing" if block.kind in ("heading", "para") else "")


def untranslated(zh: Document) -> Document:
    """The English chapter of a Chinese one not translated yet: its blocks, in Chinese, marked as missing."""
    return replace(
        zh,
        lang="en",
        title=Untranslated(zh.title),
        title_state="missing",
        blocks=[_missing(b) for b in zh.blocks],
        exists=False,
    )


def _fill(zh: Document, en: Document) -> Document:
    """The English file's blocks written ``[[untranslated]]`` replaced by their Chinese ones (marked missing),
    and blocks translated from another Chinese text than the current one (``zh_hashes``) marked outdated."""
    hashes = en.zh_hashes
    title, title_state = en.title, ""
    if en.title == UNTRANSLATED_BLOCK:
        title, title_state = Untranslated(zh.title), "missing"
    elif hashes.get("title", zh_hash(zh.title)) != zh_hash(zh.title):
        title, title_state = Outdated(en.title), "outdated"
    if len(zh.blocks) != len(en.blocks):
        return replace(en, title=title, title_state=title_state)  # reported by the shape check
    blocks: list[Block] = []
    for z, e in zip(zh.blocks, en.blocks, strict=True):
        if e.kind in ("heading", "para") and e.source == UNTRANSLATED_BLOCK and z.kind == e.kind:
            blocks.append(_missing(z))
        elif e.kind in ("heading", "para") and hashes.get(e.anchor, zh_hash(z.source)) != zh_hash(z.source):
            blocks.append(replace(e, state="outdated", text=Outdated(e.text) if e.kind == "heading" else e.text))
        else:
            blocks.append(e)
    return replace(en, title=title, title_state=title_state, blocks=blocks)
