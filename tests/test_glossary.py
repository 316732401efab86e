"""One consistent glossary: the English texts use the glossary's renderings, not variants of them."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT

# variants a translator might write for a glossary term → the term they must use instead
VARIANTS = {
    r"\babove[- ]scale\b": "above designated size",
    r"\bdesignated scale\b": "above designated size",
    r"\baquatic products?\b|\baquaculture industry\b": "water industry",
    r"\bten[- ]thousand yuan\b|\bRMB\b": "CNY 10,000 / CNY",
    r"\bmus\b": "mu",
    r"\bMade-in-Zhejiang\b": "“Made in Zhejiang”",
}


def _en_values(value: object) -> list[str]:
    if isinstance(value, dict):
        own = [value["en"]] if isinstance(value.get("en"), str) else []
        return own + [text for item in value.values() for text in _en_values(item)]
    if isinstance(value, list):
        return [text for item in value for text in _en_values(item)]
    return []


def english_texts() -> list[tuple[str, str]]:
    texts = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in (ROOT / "content").rglob("en/*.md")]
    for path in sorted((ROOT / "data").glob("*.yaml")):
        if path.name != "glossary.yaml":
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            texts += [(path.name, text) for text in _en_values(doc)]
    return texts


def test_english_uses_the_glossary_renderings() -> None:
    found = [
        (where, m.group(0), use)
        for where, text in english_texts()
        for pattern, use in VARIANTS.items()
        for m in re.finditer(pattern, text, re.I)
    ]
    assert found == [], found


def test_glossary_terms_cover_the_sites_key_terms() -> None:
    terms = {t["id"]: t for t in yaml.safe_load((ROOT / "data" / "glossary.yaml").read_text(encoding="utf-8"))["terms"]}
    assert terms["above-designated-size"]["term"]["en"] == "industrial enterprises above designated size"
    assert terms["mu"]["term"]["en"] == "mu" and terms["water-industry"]["term"]["en"] == "water industry"
    english = " ".join(text for _, text in english_texts())
    assert english.count("above designated size") > 20
