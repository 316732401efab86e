"""Paper and a dark screen (issue 25): every kind of wide page prints on A4 without clipping, with a print-only
line naming its address, data version and date (and a filtered list's filters in words); a dark preference turns
the pages dark with no contrast violation (axe). On the real site, in the real browser, few page loads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import ROOT

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
#: A4 (210 mm) less the print stylesheet's 12 mm margins, in CSS pixels
A4_WIDTH = round((210 - 24) / 25.4 * 96)
WIDE_PAGES = [
    "projects/",
    "en/projects/",
    "en/progress/",
    "targets/",
    "en/audit/",
    "en/plan/annexes/",
    "en/indicators/",
]

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const over = Array.from(document.querySelectorAll('main *'))
    .filter(e => e.getClientRects().length && e.getBoundingClientRect().width > 2)
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className);
  return [document.documentElement.scrollWidth <= width, over.slice(0, 5)];
}"""


def _version(built_site: Path) -> str:
    text = (built_site / "index.html").read_text(encoding="utf-8")
    start = text.index('class="muted release"')
    return text[start : start + 400].split("版本 ")[1].split("）")[0]


def test_wide_pages_print_on_a4_with_their_address_and_filters(browser: Any, site_url: str, built_site: Path) -> None:
    context = browser.new_context(viewport={"width": A4_WIDTH, "height": 1100})
    page = context.new_page()
    version = _version(built_site)
    try:
        for path in WIDE_PAGES:
            page.goto(f"{site_url}/{path}")
            page.emulate_media(media="print")
            page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
            fits, over = page.evaluate(OVERFLOW)
            assert fits and over == [], (path, over)
            line = page.locator(".print-line")
            assert line.is_visible(), path
            text = line.inner_text()
            assert f"{site_url}/{path}" in text and version in text, (path, text)
            page.emulate_media(media="screen")
            assert not line.is_visible(), path  # on screen the line is not shown
        page.goto(f"{site_url}/en/projects/?type=implementation")
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        assert "Filters: Type: under way" in page.locator(".print-line").inner_text()
    finally:
        context.close()


def test_a_dark_preference_turns_the_pages_dark_and_legible(browser: Any, site_url: str) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    try:
        for path in ["", "en/audit/", "progress/", "en/projects/zhongce-rubber-chunqiu-expansion/", "en/search/?q=x"]:
            page.goto(f"{site_url}/{path}")
            page.wait_for_load_state("networkidle")
            background = page.evaluate("getComputedStyle(document.body).backgroundColor")
            red, green, blue = (int(v) for v in background.removeprefix("rgb(").removesuffix(")").split(",")[:3])
            assert red + green + blue < 120, (path, background)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                "async () => await axe.run(document, {resultTypes: ['violations'], runOnly: ['color-contrast']})"
            )
            violations = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]]
            assert violations == [], (path, violations)
    finally:
        context.close()
