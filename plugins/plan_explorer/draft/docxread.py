"""A Word (.docx) file as the draft needs it: the body's paragraphs and tables in reading order.

python-docx opens the package; the body is read from its XML because python-docx's ``row.cells`` repeats a merged
cell and hides what is merged: here a table is its real grid (``w:tc`` with ``gridSpan`` across columns and
``vMerge`` down rows, a merged text repeated in every grid position it covers, ``w:gridBefore`` padded), a
paragraph's text is its runs joined (Word splits runs anywhere, inside a word or a number), a table of contents
(a ``w:sdt`` content control) is skipped, and a table continued after a page break with its header row repeated
is one table again.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.oxml.ns import nsmap

from .problems import DraftLog

W = "{" + nsmap["w"] + "}"  # WordprocessingML's namespace, as python-docx names it
#: text inside these is not the paragraph's own (a text box, a deleted run; the fallback copy of a drawing is
#: skipped by its local name, ``mc:Fallback``)
SKIPPED = {f"{W}txbxContent", f"{W}del"}
HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
#: values of an on/off property (``w:b``) that mean off
OFF = {"0", "false", "off", "none"}

#: an element of the document's XML tree (lxml, as python-docx parses it; lxml ships no type information)
Element = Any


@dataclass(frozen=True)
class Para:
    """A body paragraph: ``number`` counts the document's paragraphs outside tables, from 1."""

    number: int
    text: str  # the runs joined, white space at both ends removed
    style: str  # the paragraph style's name ("Heading 1", "Normal")
    style_level: int | None  # the heading level its style (or outline level) gives, 1 = top
    bold_lead: str  # the text of the bold runs it opens with ("" when it does not open bold)
    image: bool  # holds a picture
    centred: bool

    @property
    def all_bold(self) -> bool:
        return bool(self.text) and self.bold_lead.strip() == self.text


@dataclass
class Table:
    """A table: ``number`` counts the document's tables from 1 (a continued table keeps its first part's)."""

    number: int
    rows: list[list[str]]
    header_rows: int  # leading rows marked "repeat as header row"
    after: int  # the number of the paragraph before it (0 at the start)
    images: int = 0
    parts: int = 1  # Word tables it was read from (a continued table: more than one)


@dataclass
class Document:
    blocks: list[Para | Table] = field(default_factory=list)
    title: str = ""  # the title in the file's properties (File → Info), when the body has none

    @property
    def paragraphs(self) -> list[Para]:
        return [b for b in self.blocks if isinstance(b, Para)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


def open_docx(path: Path, log: DraftLog) -> Document | None:
    """The document of ``path``, or None after logging why it cannot be read (not a .docx, damaged)."""
    suffix = path.suffix.lower()
    if suffix == ".doc":
        log.problem("", "an old-format Word .doc file: open it in Word or LibreOffice and save it as .docx")
        return None
    if not path.is_file():
        log.problem("", "no such file")
        return None
    if suffix != ".docx" or not zipfile.is_zipfile(path):
        log.problem("", "not a Word .docx file")
        return None
    import docx  # python-docx: loaded by the draft only, not by builds
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        log.problem("", f"not a Word .docx file that can be read ({type(exc).__name__})")
        return None
    except Exception as exc:  # noqa: BLE001 — a damaged package can fail anywhere inside python-docx/lxml
        log.problem("", f"the .docx file is damaged and cannot be read ({type(exc).__name__})")
        return None
    styles = _Styles(document.styles.element)
    reader = _Reader(styles)
    reader.read(document.element.body)
    return Document(_join_continued(reader.blocks), str(document.core_properties.title or "").strip())


class _Styles:
    """Paragraph styles by id: their names, heading levels (by name or outline level) and bold runs."""

    def __init__(self, root: Element):
        self.names: dict[str, str] = {}
        self.levels: dict[str, int] = {}
        self.bold: set[str] = set()
        based: dict[str, str] = {}
        for style in root.iter(f"{W}style"):
            sid = str(style.get(f"{W}styleId") or "")
            name = style.find(f"{W}name")
            self.names[sid] = str(name.get(f"{W}val")) if name is not None else sid
            parent = style.find(f"{W}basedOn")
            if parent is not None:
                based[sid] = str(parent.get(f"{W}val"))
            outline = style.find(f"{W}pPr/{W}outlineLvl")
            match = HEADING_STYLE.match(self.names[sid])
            if match:
                self.levels[sid] = int(match.group(1))
            elif outline is not None and str(outline.get(f"{W}val", "9")).isdigit():
                level = int(str(outline.get(f"{W}val"))) + 1
                if level <= 6:
                    self.levels[sid] = level
            if _on(style.find(f"{W}rPr/{W}b")):
                self.bold.add(sid)
        for sid, parent in based.items():  # a style based on a heading is a heading of that level
            seen = {sid}
            while sid not in self.levels and parent in based and parent not in seen:
                seen.add(parent)
                parent = based[parent]
            if sid not in self.levels and parent in self.levels:
                self.levels[sid] = self.levels[parent]


class _Reader:
    def __init__(self, styles: _Styles):
        self.styles = styles
        self.blocks: list[Para | Table] = []
        self.paragraphs = 0
        self.tables = 0

    def read(self, container: Element) -> None:
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraphs += 1
                self.blocks.append(self.paragraph(child, self.paragraphs))
            elif tag == f"{W}tbl":
                self.tables += 1
                rows, header, images = _grid(child)
                self.blocks.append(Table(self.tables, rows, header, self.paragraphs, images))
            elif tag == f"{W}sdt":
                gallery = child.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
                if gallery is not None and "contents" in str(gallery.get(f"{W}val", "")).lower():
                    continue  # a table of contents: Word's copy of the headings, not the text
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.read(content)

    def paragraph(self, p: Element, number: int) -> Para:
        style_id = ""
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None:
            style_id = str(style.get(f"{W}val") or "")
        level = self.styles.levels.get(style_id)
        outline = p.find(f"{W}pPr/{W}outlineLvl")
        if outline is not None and str(outline.get(f"{W}val", "")).isdigit() and int(outline.get(f"{W}val")) < 6:
            level = int(outline.get(f"{W}val")) + 1
        jc = p.find(f"{W}pPr/{W}jc")
        centred = jc is not None and str(jc.get(f"{W}val")) == "center"
        style_bold = style_id in self.styles.bold
        pieces: list[tuple[str, bool]] = []
        for run in _runs(p):
            props = run.find(f"{W}rPr")
            bold = style_bold
            if props is not None:
                b = props.find(f"{W}b")
                if b is not None:
                    bold = _on(b)
                rstyle = props.find(f"{W}rStyle")
                if b is None and rstyle is not None and str(rstyle.get(f"{W}val")) in self.styles.bold:
                    bold = True
            pieces.append((_run_text(run), bold))
        text = "".join(t for t, _ in pieces)
        lead = ""
        for piece, bold in pieces:
            if not bold and piece.strip():
                break
            lead += piece
        if lead.strip() == text.strip():
            lead = text
        image = any(True for _ in p.iter(f"{W}drawing")) or any(True for _ in p.iter(f"{W}pict"))
        name = self.styles.names.get(style_id, style_id or "Normal")
        return Para(number, text.strip(), name, level, lead.strip() if lead.strip() else "", image, centred)


def _on(element: Element | None) -> bool:
    return element is not None and str(element.get(f"{W}val", "true")).lower() not in OFF


def _runs(p: Element) -> list[Element]:
    """The runs of a paragraph in order, those inside hyperlinks, fields and insertions included."""
    found: list[Element] = []

    def walk(node: Element) -> None:
        for child in node:
            if child.tag in SKIPPED or str(child.tag).endswith("}Fallback"):
                continue
            if child.tag == f"{W}r":
                found.append(child)
            elif child.tag != f"{W}pPr":
                walk(child)

    walk(p)
    return found


def _run_text(run: Element) -> str:
    out = []
    for child in run:
        tag = child.tag
        if tag == f"{W}t":
            out.append(str(child.text or ""))
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr") and str(child.get(f"{W}type", "textWrapping")) == "textWrapping":
            out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
    return "".join(out)


def _cell_text(tc: Element) -> str:
    lines = []
    for p in tc.iter(f"{W}p"):
        lines.append("".join(_run_text(r) for r in _runs(p)))
    return "\n".join(lines)


def _grid(tbl: Element) -> tuple[list[list[str]], int, int]:
    """The table's grid (merged cells expanded), its header rows and its pictures."""
    rows: list[list[str]] = []
    merged_from: dict[int, str] = {}  # column → the text of the vertical merge running down it
    header = 0
    images = sum(1 for _ in tbl.iter(f"{W}drawing"))
    for tr in tbl.findall(f"{W}tr"):
        row: list[str] = []
        props = tr.find(f"{W}trPr")
        before = props.find(f"{W}gridBefore") if props is not None else None
        if before is not None and str(before.get(f"{W}val", "0")).isdigit():
            row += [""] * int(before.get(f"{W}val"))
        for tc in _cells(tr):
            tcpr = tc.find(f"{W}tcPr")
            span_el = tcpr.find(f"{W}gridSpan") if tcpr is not None else None
            span = int(span_el.get(f"{W}val")) if span_el is not None and str(span_el.get(f"{W}val")).isdigit() else 1
            vmerge = tcpr.find(f"{W}vMerge") if tcpr is not None else None
            column = len(row)
            if vmerge is not None and str(vmerge.get(f"{W}val", "continue")) != "restart":
                text = merged_from.get(column, "")
            else:
                text = _cell_text(tc)
                for c in range(column, column + max(span, 1)):
                    if vmerge is not None:
                        merged_from[c] = text
                    else:
                        merged_from.pop(c, None)
            row += [text] * max(span, 1)
        if props is not None and props.find(f"{W}tblHeader") is not None and header == len(rows):
            header += 1
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows], header, images


def _cells(tr: Element) -> list[Element]:
    """The cells of a row, those inside content controls or custom XML included."""
    cells: list[Element] = []
    for child in tr:
        if child.tag == f"{W}tc":
            cells.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if content is not None:
                cells += _cells(content)
    return cells


def _join_continued(blocks: list[Para | Table]) -> list[Para | Table]:
    """A table that follows another with nothing but empty paragraphs between, as wide, is its continuation
    (Word split at a page break): one table, its repeated header rows dropped."""
    out: list[Para | Table] = []
    for block in blocks:
        if isinstance(block, Table):
            previous = next(
                (b for b in reversed(out) if not (isinstance(b, Para) and not b.text and not b.image)), None
            )
            if (
                isinstance(previous, Table)
                and previous.rows
                and block.rows
                and len(previous.rows[0]) == len(block.rows[0])
            ):
                repeated = 0
                while repeated < len(block.rows) and repeated < max(previous.header_rows, 1):
                    if block.rows[repeated] != previous.rows[repeated]:
                        break
                    repeated += 1
                previous.rows += block.rows[repeated:]
                previous.images += block.images
                previous.parts += 1
                while out and out[-1] is not previous:
                    out.pop()  # the empty paragraphs between the parts
                continue
        out.append(block)
    tables = 0
    for block in out:
        if isinstance(block, Table):
            tables += 1
            block.number = tables
    return out
