"""Glossary terms linked at their first use (issue 25): only explained terms, once per text, never inside a tag or a
link, English plurals found, the definition escaped into the link's title; chapters and entity texts of a build."""

from __future__ import annotations

import re
from pathlib import Path

from plugins.plan_explorer.model import records as m
from plugins.plan_explorer.site.glossing import Glosser


def _term(id: str, zh: str, en: str, note: str | None = None, **extra: object) -> m.Term:
    return m.Term.model_validate(
        {"id": id, "term": {"zh": zh, "en": en}, **({"note": {"zh": note, "en": note}} if note else {}), **extra}
    )


TERMS = [
    _term("rubber", "橡塑制品", "rubber and plastic product", 'Tyres & "hoses"'),
    _term("edz", "开发区", "development zone", "The EDZ."),
    _term("plain", "平台", "platform"),  # no note: a translation, not a definition
]


def test_first_use_only_outside_tags_and_links() -> None:
    en = Glosser(TERMS, "en")
    html = (
        '<p>Rubber and plastic products <a href="x">development zone</a>, a development zone, '
        "rubber and plastic product.</p>"
    )
    out = str(en.link_html(html, set(), "../glossary/"))
    assert out.count('class="gloss"') == 2
    assert (
        '<a class="gloss" href="../glossary/#rubber" title="Tyres &amp; &#34;hoses&#34;">'
        "Rubber and plastic products</a>" in out
    )
    assert '<a href="x">development zone</a>' in out  # an existing link is left alone
    assert ', a <a class="gloss" href="../glossary/#edz" title="The EDZ.">development zone</a>' in out
    assert "platform" not in out or 'href="../glossary/#plain"' not in out


def test_chinese_terms_and_one_text_across_blocks() -> None:
    zh = Glosser(TERMS, "zh")
    seen: set[str] = set()
    first = str(zh.link_html("开发区的橡塑制品", seen, "g/"))
    second = str(zh.link_html("开发区和平台", seen, "g/"))
    assert first.count('class="gloss"') == 2 and 'class="gloss"' not in second
    assert (
        str(zh.link_text('<b title="开发区">', "g/"))
        == '&lt;b title=&#34;<a class="gloss" href="g/#edz" title="The EDZ.">开发区</a>&#34;&gt;'
    )


def test_chapters_and_entity_texts_link_their_terms(built_site: Path) -> None:
    glossary = (built_site / "en" / "glossary" / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'<tr id="([a-z0-9-]+)">', glossary))
    for path in (
        "plan/background/index.html",
        "en/plan/background/index.html",
        "en/platforms/aviation-town/index.html",
    ):
        page = (built_site / path).read_text(encoding="utf-8")
        linked = re.findall(r'<a class="gloss" href="[^"]*glossary/#([a-z0-9-]+)"', page)
        assert linked, path
        assert len(linked) == len(set(linked)), path  # each term once per page's text
        assert set(linked) <= ids
