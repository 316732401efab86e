"""Translations written back where their texts live: a YAML text gets its ``en`` and the ``zh_hash`` of the
Chinese it translates (spliced in place, :mod:`yamlsplice`: every other character of the file kept); an
English chapter gets its blocks, ``[[untranslated]]`` standing for a block still to do, and ``zh_hashes`` in its
front matter. Only files with a changed text are written, each whole at once."""

from __future__ import annotations

import io
import os
import re
from collections import defaultdict
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from ..content import Document
from .marks import UNTRANSLATED_BLOCK, zh_hash
from .units import TextUnit
from .yamlsplice import splice

ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def round_trip() -> YAML:
    """ruamel.yaml as :mod:`outcomes.yamlwrite` uses it on the plan's files."""
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long text
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    return yaml


def _replace(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def yaml_texts(root: Path, file: str, changes: list[tuple[TextUnit, str]]) -> str:
    """The new text of the YAML ``file`` with ``changes`` (unit, English) made, nothing else touched."""
    source = (root / file).read_text(encoding="utf-8")
    return splice(source, [(unit.path, {"en": en, "zh_hash": zh_hash(unit.zh)}) for unit, en in changes])


def english_number(number: str) -> str:
    """A chapter's number for its English file: ``三`` → ``3``, ``十二`` → ``12`` (other numbers as they are)."""
    if number and all(c in ZH_DIGITS or c == "十" for c in number) and len(number) <= 3:
        tens, _, ones = number.partition("十")
        if "十" not in number:
            return str(ZH_DIGITS[number]) if len(number) == 1 else number
        return str((ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + (ZH_DIGITS[ones] if ones else 0))
    return number


def _block_text(kind: str, text: str, editorial: bool) -> str:
    if kind == "heading":
        return f"## {text}" + (" {: .editorial}" if editorial else "")
    return text + (" [[editorial]]" if editorial else "")


def chapter_text(root: Path, file: str, zh: Document, en: Document, changes: list[tuple[TextUnit, str]]) -> str:
    """The new English Markdown of a chapter (or about page): its blocks, with ``changes`` made."""
    new = {unit.path[1]: text for unit, text in changes}
    path = root / file
    yaml = round_trip()
    if en.exists:
        raw = path.read_text(encoding="utf-8")
        match = re.match(r"^---\n(.*?)\n---\n", raw, re.S)
        assert match is not None  # the file loaded
        meta = yaml.load(match.group(1))
    else:
        meta = CommentedMap(
            [("id", zh.id), ("order", zh.order), ("number", english_number(zh.number)), ("title", UNTRANSLATED_BLOCK)]
        )
        meta["title_editorial"] = zh.title_editorial
    hashes = meta.get("zh_hashes") or CommentedMap()
    if "title" in new:
        meta["title"] = new["title"]
        hashes["title"] = zh_hash(zh.title)
    blocks = []
    for z, e in zip(zh.blocks, en.blocks, strict=True):
        if z.kind not in ("heading", "para"):
            blocks.append(z.source)
            continue
        if z.anchor in new:
            text = new[z.anchor]
            hashes[z.anchor] = zh_hash(z.source)
        else:
            text = UNTRANSLATED_BLOCK if e.state == "missing" else e.source
        blocks.append(_block_text(z.kind, text, z.editorial))
    if hashes:
        meta["zh_hashes"] = hashes
    out = io.StringIO()
    yaml.dump(meta, out)
    return f"---\n{out.getvalue()}---\n\n" + "\n\n".join(blocks) + "\n"


def write_translations(
    root: Path,
    changes: list[tuple[TextUnit, str]],
    documents: dict[str, dict[str, dict[str, Document]]],
) -> list[str]:
    """Write ``changes`` (checked) into the plan's folder ``root``; the files written. ``documents``: the chapters
    and about pages by the prefix of their units' ids (``chapter``, ``page``)."""
    by_file: dict[str, list[tuple[TextUnit, str]]] = defaultdict(list)
    for unit, en in changes:
        by_file[unit.file].append((unit, en))
    texts: dict[str, str] = {}
    for file, items in by_file.items():
        if file.endswith(".yaml"):
            texts[file] = yaml_texts(root, file, items)
        else:
            prefix = items[0][0].uid.split("/", 1)[0]
            pair = documents[prefix][items[0][0].path[0]]
            texts[file] = chapter_text(root, file, pair["zh"], pair["en"], items)
    for file, text in texts.items():  # everything made before anything is written
        (root / file).parent.mkdir(parents=True, exist_ok=True)
        _replace(root / file, text)
    return sorted(texts)
