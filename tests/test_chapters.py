"""The plan's chapters: verbatim Chinese, block-for-block English, reconstructed headings marked editorial."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

from plugins.plan_explorer.content import load_documents
from plugins.plan_explorer.errors import ProblemLog

SOURCE = (ROOT / "data" / "source" / "plan.txt").read_text(encoding="utf-8")
CLEAN = re.sub(r"\[bookmark: [^\]]+\]", "", SOURCE)


def test_real_chapters_pair_up_and_quote_the_source() -> None:
    log = ProblemLog()
    docs = load_documents(ROOT / "content" / "plan", "content/plan", log)
    assert log.problems == []
    assert [d["zh"].id for d in sorted(docs.values(), key=lambda d: d["zh"].order)] == [
        "preface",
        "background",
        "approach",
        "priorities",
        "measures",
        "spatial-layout",
        "safeguards",
        "annexes",
    ]
    for name in sorted((ROOT / "content" / "plan" / "zh").glob("*.md")):
        body = name.read_text(encoding="utf-8").split("---", 2)[2]
        for block in re.split(r"\n\s*\n", body.strip()):
            if block.startswith("[[") or "{: .editorial}" in block or "[[editorial]]" in block:
                continue
            text = block.removeprefix("## ").replace("**", "").replace("\\.", ".")
            assert text.strip() in CLEAN, (name.name, text[:40])


def test_reconstructed_titles_are_marked_editorial() -> None:
    docs = load_documents(ROOT / "content" / "plan", "content/plan", ProblemLog())
    assert docs["spatial-layout"]["zh"].title_editorial and docs["safeguards"]["en"].title_editorial
    measures = [h.editorial for h in docs["measures"]["zh"].headings]
    assert measures == [False, False, False, True, True, False]


def test_unpaired_blocks_are_a_build_error(tmp_path: Path) -> None:
    for lang, body in (("zh", "## （一）甲\n\n段落一。\n\n段落二。\n"), ("en", "## (1) A\n\nParagraph one.\n")):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "01-x.md").write_text(f"---\nid: x\ntitle: T\n---\n\n{body}", encoding="utf-8")
    (tmp_path / "zh" / "02-only-zh.md").write_text("---\nid: y\ntitle: 只有中文\n---\n\n文字。\n", encoding="utf-8")
    (tmp_path / "en" / "03-only-en.md").write_text("---\nid: z\ntitle: Only English\n---\n\nText.\n", "utf-8")
    log = ProblemLog()
    docs = load_documents(tmp_path, "content/plan", log)
    messages = [str(p) for p in log.problems]
    assert any(m.startswith("content/plan/en/01-x.md") and "pair one-to-one" in m for m in messages), messages
    assert any(m.startswith("content/plan/zh/03-only-en.md") and "missing Chinese text" in m for m in messages)
    # a chapter not translated yet is not an error: its Chinese stands in, marked as missing (tests/test_translations)
    assert not any("02-only-zh" in m for m in messages) and docs["y"]["en"].title_state == "missing"
    assert [b.state for b in docs["y"]["en"].blocks] == ["missing"]
