"""sitemap.xml with correct hreflang alternates (written by us: pelican-sitemap's are broken).

The site's address is checked where it is set (:func:`..publish.siteurl_problems`), but every use escapes it for
its context all the same: XML text and attributes here (``&`` is legal in an address's path), and robots.txt,
one directive a line, names the sitemap only under an address without whitespace or controls.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from ..i18n import HTML_LANG
from ..model.texts import clean
from .urls import lang_prefix


def _loc(siteurl: str, lang: str, path: str) -> str:
    return clean(f"{siteurl}/{lang_prefix(lang)}{path}")  # only what XML can hold


def sitemap_xml(paths: list[str], siteurl: str) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for path in paths:
        for lang in ("zh", "en"):
            lines.append(f"  <url><loc>{escape(_loc(siteurl, lang, path))}</loc>")
            for alt in ("zh", "en"):
                lines.append(
                    f'    <xhtml:link rel="alternate" hreflang="{HTML_LANG[alt]}" '
                    f"href={quoteattr(_loc(siteurl, alt, path))}/>"
                )
            lines.append(
                f'    <xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(_loc(siteurl, "zh", path))}/>'
            )
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(siteurl: str) -> str:
    """robots.txt; it names the sitemap only when the site's URL is known (robots.txt needs an absolute URL)."""
    one_line = not re.search(r"[\s\x00-\x1f\x7f-\x9f]", siteurl)  # a line break would start a directive of its own
    sitemap = f"Sitemap: {siteurl}/sitemap.xml\n" if siteurl.startswith(("https://", "http://")) and one_line else ""
    return f"User-agent: *\nAllow: /\n{sitemap}"
