"""Atom feeds of the data's changes, one per language (``/changes/atom.xml``, ``/en/changes/atom.xml``).

One entry per release, its changes as a list (the same lines as the changes page), linked to the release on
that page. Ids are ``urn:uuid`` names made from the data package's name, the language and the commit, so they
stay the same from build to build and whatever the site's address (an Atom id must be an absolute IRI, which
a site built without ``SITEURL`` has none of). Written with feedgenerator (Pelican's own), which escapes; what
XML cannot hold at all (control characters, U+FFFE/U+FFFF, lone surrogates: the data refuses them, but a text
may come from a release in the history) is dropped from every text the feed holds.
"""

from __future__ import annotations

import datetime
import io
import uuid
from typing import Any

from feedgenerator import Atom1Feed
from markupsafe import escape

from ..model.texts import clean
from .changes import feed_entries
from .state import Site
from .urls import CHANGES, FEED

#: the most recent releases a feed lists
ENTRIES = 50


def atom_feed(site: Site, lang: str) -> str:
    t = site.t(lang)
    address = site.address(lang, CHANGES)
    plan_name = site.plan.meta.site.datapackage_name
    history = site.history
    newest = history.current.created
    feed = _Feed(
        newest,
        title=f"{site.plan.info.short_title[lang]} · {t('changes.title')}",
        link=address.absolute(),
        description=t("changes.description"),
        language=address.html_lang,
        feed_url=address.absolute_of(FEED),
        feed_guid=_urn(plan_name, lang, "feed"),
        author_name=_author(site, lang),
        feed_copyright=site.plan.meta.site.licence.id if site.plan.meta.site.licence else None,
    )
    for commit, view, lines in feed_entries(site, lang):
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        feed.add_item(
            title=t("changes.entry", version=view.version, date=view.date, count=len(lines)),
            link=f"{address.absolute()}#{view.anchor}",
            description=t("changes.entry_summary", count=len(lines)),
            content=f"<ul>{items}</ul>",
            unique_id=_urn(plan_name, lang, commit),
            pubdate=datetime.datetime.fromisoformat(view.created),
            updateddate=datetime.datetime.fromisoformat(view.created),
        )
        if len(feed.items) >= ENTRIES:
            break
    out = io.StringIO()
    feed.write(out, "utf-8")
    return out.getvalue()


class _Feed(Atom1Feed):  # type: ignore[misc]  # feedgenerator is untyped
    """A feed updated when the data was: feedgenerator would date a feed without entries by the clock."""

    def __init__(self, updated: datetime.datetime, *args: Any, **kwargs: Any) -> None:
        super().__init__(*map(_xml, args), **{key: _xml(value) for key, value in kwargs.items()})
        self.updated = updated

    def add_item(self, *args: Any, **kwargs: Any) -> None:
        super().add_item(*map(_xml, args), **{key: _xml(value) for key, value in kwargs.items()})

    def latest_post_date(self) -> datetime.datetime:
        dates: list[datetime.datetime] = [self.updated, *(i["updateddate"] for i in self.items if i.get("updateddate"))]
        return max(dates)


def _author(site: Site, lang: str) -> str:
    """Who publishes the feed (Atom requires an author): the site's publisher, else the site itself — never the
    plan's issuer, who did not write the site's change notes (see site/citation.py)."""
    publisher = site.plan.meta.site.publisher
    return publisher[lang] if publisher else site.plan.info.short_title[lang]


def _xml(value: Any) -> Any:
    """A text as XML can hold it (anything else as it is)."""
    return clean(value) if isinstance(value, str) else value


def _urn(*parts: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, "plan-explorer:" + ":".join(parts)).urn
