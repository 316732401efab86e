"""The card a link to the site shows when it is shared (``og:image``): one PNG per language, drawn from the plan's
identity — its short title, full title, issuer and period — so a shared page of any plan previews as that plan.

The card is an SVG drawn here with the charts' own text measure and wrapping (``charts.draw``), turned into a PNG
by vl-convert (already the charts' converter); the PNG is kept in the build cache under the SVG's hash, so a
rebuild that changes nothing about the plan's identity converts nothing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from xml.sax.saxutils import escape

from .charts.draw import text_width, wrap
from .i18n import Translator
from .model import records as m
from .site.urls import CARD

__all__ = ["CARD", "card_png", "card_svg"]

WIDTH, HEIGHT = 1200, 630
FONT = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, sans-serif"
BRAND, INK, MUTED, PAPER = "#1f5f8b", "#1b2630", "#46525c", "#ffffff"


def card_svg(info: m.PlanMeta, t: Translator) -> str:
    """The card for ``t``'s language: a band with the short title, the full title in large type, issuer and period."""
    lang = t.lang
    short = escape(info.short_title[lang])
    lines = wrap(info.title[lang], WIDTH - 160, 56, 3)
    title = "".join(
        f'<text x="80" y="{250 + 76 * i}" font-size="56" font-weight="700" fill="{INK}">{escape(line)}</text>'
        for i, line in enumerate(lines)
    )
    who = info.issuer[lang] if info.issuer else ""
    period = f"{info.period.start}–{info.period.end}"
    footer_text = " · ".join(part for part in (who, period, t("share.tagline")) if part)
    footer_size = 32
    while footer_size > 20 and text_width(footer_text, footer_size) * 0.85 > WIDTH - 160:  # measure is wide for Latin
        footer_size -= 2
    footer = escape(footer_text)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" font-family="{FONT}">'
        f'<rect width="100%" height="100%" fill="{PAPER}"/>'
        f'<rect width="100%" height="120" fill="{BRAND}"/>'
        f'<text x="80" y="76" font-size="40" font-weight="700" fill="{PAPER}">{short}</text>'
        f"{title}"
        f'<rect x="80" y="{HEIGHT - 110}" width="{WIDTH - 160}" height="2" fill="{BRAND}"/>'
        f'<text x="80" y="{HEIGHT - 60}" font-size="{footer_size}" fill="{MUTED}">{footer}</text>'
        "</svg>"
    )


def card_png(svg: str, cache: Path) -> bytes:
    """The PNG of ``svg``, converted once and kept in ``cache`` under the SVG's hash."""
    kept = cache / f"{hashlib.sha256(svg.encode()).hexdigest()[:24]}.png"
    if kept.is_file():
        return kept.read_bytes()
    import vl_convert  # loaded only when a card is converted: most rebuilds find it in the cache

    png = bytes(vl_convert.svg_to_png(svg, scale=1))
    cache.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(png)
    return png
