"""“Cite this page”: a reference to a page of the site, in the style its readers' journals ask for.

Chinese pages follow GB/T 7714 for an online resource (``责任者. 题名[EB/OL]//网站名. (更新日期)[引用日期]. 网址.``),
English pages APA (``Author. (Year, Month Day). *Title* (Version v). Site. Retrieved <date>, from URL``). The
date is the data release's, the version the release's; the date the reader cites it on is today's (filled in
by the page's script; without it the reference says where that date goes).
"""

from __future__ import annotations

import datetime

from ..history import Release
from ..numfmt import EN_MONTHS
from . import contexts as c
from .state import Site


def citation(site: Site, page: c.Page) -> c.Citation:
    """The reference to ``page`` in its language's style."""
    lang = page.address.lang
    info, t = site.plan.info, site.t(lang)
    responsible = site.plan.meta.site.publisher or info.issuer  # none known: the reference starts with its title
    author = responsible[lang] if responsible else ""
    site_title = info.title[lang]
    url = page.address.absolute()
    release = site.history.current
    accessed = t("cite.accessed")
    own_title = page.title if page.title != site_title else ""
    if lang == "zh":
        parts = [c.CitePart(f"{author}. " if author else ""), c.CitePart(f"{own_title or site_title}[EB/OL]")]
        if own_title:
            parts.append(c.CitePart(f"//{site_title}"))
        parts += [
            c.CitePart(f". ({release.date.isoformat()})["),
            c.CitePart(accessed, "accessed"),
            c.CitePart("]. "),
            c.CitePart(url, "url"),
            c.CitePart("."),
        ]
        return c.Citation(t("cite.style"), [p for p in parts if p.text], url)
    title = [
        c.CitePart(own_title or site_title, "title"),
        c.CitePart(f" ({t('cite.version', version=release.version)})"),
    ]
    dated = c.CitePart(f"({_apa_date(release)}). ")
    # APA: the author, the date, the title; without an author, the title takes the author's place
    parts = (
        [c.CitePart(f"{author}. "), dated, *title, c.CitePart(". ")] if author else [*title, c.CitePart(". "), dated]
    )
    if own_title:
        parts.append(c.CitePart(f"{site_title}. "))
    before, _, after = t("cite.retrieved").partition("{date}")  # "Retrieved {date}, from"
    parts += [c.CitePart(before), c.CitePart(accessed, "accessed"), c.CitePart(f"{after} "), c.CitePart(url, "url")]
    return c.Citation(t("cite.style"), parts, url)


def _apa_date(release: Release) -> str:
    day: datetime.date = release.date
    return f"{day.year}, {EN_MONTHS[day.month - 1]} {day.day}"
