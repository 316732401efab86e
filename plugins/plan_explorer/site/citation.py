"""“Cite this page”: a reference to a page of the site, in the style its readers' journals ask for.

Chinese pages follow GB/T 7714 for an online resource (``责任者. 题名[EB/OL]//网站名. (更新日期)[引用日期]. 网址.``),
English pages APA (``Author. (Year, Month Day). *Title* (Version v). Site. Retrieved <date>, from URL``). The
date is the data release's, the version the release's; the date the reader cites it on is today's (filled in
by the page's script; without it the reference says where that date goes).

Who is responsible for what a page says decides its author, because a reader quotes the reference as that body's
words: only the plan's own text (a Chinese chapter page) is the issuer's; everything else — the pages made from the
data, the audit, the English translation — is the site's, so its author is the site's publisher
(``site.publisher`` in ``plan.yaml``), and the reference says what it is based on (the plan and its issuer). An
issuer or publisher the data does not name is said to be not stated, never guessed; an issuer that is the data's
inference (``issuer_editorial``) is bracketed, as GB/T 7714 marks what the cataloguer supplies.
"""

from __future__ import annotations

import datetime

from ..history import Release
from ..model import records as m
from ..numfmt import EN_MONTHS
from . import contexts as c
from .state import Site

#: the page kind whose Chinese text is the plan's own words (its English is the site's translation)
PLAN_TEXT = "chapter"


def _body(text: m.Text | None, lang: str, missing: str, inferred: bool = False) -> str:
    """A responsible body's name in ``lang``; ``missing`` when the data names none; ``[…]`` when inferred."""
    if text is None:
        return missing
    return f"[{text[lang]}]" if inferred else text[lang]


def citation(site: Site, page: c.Page) -> c.Citation:
    """The reference to ``page`` in its language's style."""
    lang = page.address.lang
    info, t = site.plan.info, site.t(lang)
    issuer = _body(info.issuer, lang, t("cite.no_issuer"), info.issuer_editorial)
    plans_own_words = page.kind == PLAN_TEXT and lang == "zh"
    if plans_own_words:
        author, basis = issuer, ""
    else:
        author = _body(site.plan.meta.site.publisher, lang, t("cite.no_publisher"))
        key = "cite.translation_of" if page.kind == PLAN_TEXT else "cite.based_on"
        basis = t(key, plan=info.title[lang], issuer=issuer)
    site_title = info.title[lang]
    url = page.address.absolute()
    release = site.history.current
    accessed = t("cite.accessed")
    own_title = page.title if page.title != site_title else ""
    if lang == "zh":
        parts = [c.CitePart(f"{author}. "), c.CitePart(f"{own_title or site_title}[EB/OL]")]
        if own_title:
            parts.append(c.CitePart(f"//{site_title}"))
        parts += [
            c.CitePart(f". ({release.date.isoformat()})["),
            c.CitePart(accessed, "accessed"),
            c.CitePart("]. "),
            c.CitePart(url, "url"),
            c.CitePart("."),
        ]
        if basis:
            parts.append(c.CitePart(f" {basis}"))
        return c.Citation(t("cite.style"), parts, url)
    title = [
        c.CitePart(own_title or site_title, "title"),
        c.CitePart(f" ({t('cite.version', version=release.version)})"),
    ]
    dated = c.CitePart(f"({_apa_date(release)}). ")
    parts = [c.CitePart(f"{author}. "), dated, *title, c.CitePart(". ")]
    if own_title:
        parts.append(c.CitePart(f"{site_title}. "))
    if basis:
        parts.append(c.CitePart(f"{basis} "))
    before, _, after = t("cite.retrieved").partition("{date}")  # "Retrieved {date}, from"
    parts += [c.CitePart(before), c.CitePart(accessed, "accessed"), c.CitePart(f"{after} "), c.CitePart(url, "url")]
    return c.Citation(t("cite.style"), parts, url)


def _apa_date(release: Release) -> str:
    day: datetime.date = release.date
    return f"{day.year}, {EN_MONTHS[day.month - 1]} {day.day}"
