"""Who a page's "Cite this page" names as its author: the issuer for the plan's own words only, the site's publisher
for everything the site made (pages from the data, the audit, the English translation), "not stated" where the data
names no one — on the small fixture plan, loaded in process."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

from plugins.plan_explorer.pipeline import load_site
from plugins.plan_explorer.site.pages import all_pages
from plugins.plan_explorer.site.state import Site

ROOT = Path(__file__).parent.parent


def _site(tmp_path: Path, publisher: str = "", issuer: bool = True) -> Site:
    plan = tmp_path / "plan"
    shutil.copytree(FIXTURES / "plan", plan)
    meta = plan / "data" / "plan.yaml"
    text = meta.read_text(encoding="utf-8")
    if not issuer:
        text, n = re.subn(r"(?m)^  issuer: .*\n", "", text)
        assert n == 1
    if publisher:
        text, n = re.subn(r"(?m)^site:\n", f"site:\n  publisher: {publisher}\n", text)
        assert n == 1
    meta.write_text(text, encoding="utf-8")
    return load_site(plan, ROOT / "theme", history=False)


def _cited(site: Site, lang: str) -> dict[str, str]:
    """Each page's reference by path; a chapter's path ends in ``#chapter`` (so it is told apart below)."""
    return {
        p.address.path + ("#chapter" if p.kind == "chapter" else ""): "".join(part.text for part in p.citation.parts)
        for p in all_pages(site, lang)
        if p.citation
    }


def _chapter(cited: dict[str, str]) -> str:
    return next(text for path, text in cited.items() if path.endswith("#chapter"))


def test_only_the_plans_own_text_is_the_issuers(tmp_path: Path) -> None:
    site = _site(tmp_path)
    zh, en = _cited(site, "zh"), _cited(site, "en")
    assert _chapter(zh).startswith("测试市人民政府. ")  # the plan's words: its issuer's
    assert "依据" not in _chapter(zh)
    chapter_en = _chapter(en)
    assert chapter_en.startswith("[Site publisher not stated]. ")  # the translation is the site's
    assert "Unofficial translation of " in chapter_en and "issued by Test City Government" in chapter_en
    others = {path: text for path, text in zh.items() if not path.endswith("#chapter")}
    assert others and all(text.startswith("[网站发布者未注明]. ") for text in others.values())
    assert all("依据测试市人民政府发布的《" in text for text in others.values())
    assert all("测试市人民政府. " not in text for text in others.values())


@pytest.mark.parametrize("issuer", [True, False])
def test_a_stated_publisher_authors_the_sites_pages(tmp_path: Path, issuer: bool) -> None:
    site = _site(tmp_path, publisher="{zh: 测试市经信局, en: Test City Economy Bureau}", issuer=issuer)
    zh, en = _cited(site, "zh"), _cited(site, "en")
    assert zh["audit/"].startswith("测试市经信局. ") and en["audit/"].startswith("Test City Economy Bureau. ")
    if issuer:
        assert _chapter(zh).startswith("测试市人民政府. ")
    else:  # no issuer in the data: said, not guessed
        assert _chapter(zh).startswith("[发布机关未注明]. ")
        assert "issued by [Issuer not stated]" in en["audit/"]
