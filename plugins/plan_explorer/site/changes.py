"""The data's changes in the reader's language: the ``/changes/`` page, each entity page's own changes, the feeds.

A change (see :mod:`history.diff`) is plain data; here it becomes a line such as ``项目 X：总投资 35亿元 → 36.2亿元``
or ``New project: X (total investment CNY 1.2 billion)``, with figures in the page's units (:mod:`numfmt`) and the
record linked when it still has a page. A change of one language's text only (a translation fixed) is listed on
that language's pages only.

What a field is — its label, its unit, its categories — is read from the field's declared meaning
(:mod:`model.meaning`), never from a table of field names here: a new entity type's changes read right as it is.
Every word comes from the catalogue (the keys a type needs are checked at load, :mod:`required`); an id or a
path no reader knows is said to be revised, never printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..descriptor import ANY_LIST, EntityType
from ..history import ReleaseChanges
from ..i18n import Translator
from ..model import records as m
from ..model.meaning import Quantity, meaning, meanings
from ..numfmt import Formatter
from . import contexts as c
from .state import Site
from .urls import CHANGES, HOME

#: a value that is a key, an id or a path (``at_least``, ``industries/x``): never shown to a reader as it is
KEYLIKE = re.compile(r"^[a-z0-9]+([_/.@-][a-z0-9]+)+$")
#: a text longer than this is not quoted in a change's line (its old and new versions are shown apart)
LONG_TEXT = 40
#: the changes of one collection in one release shown before the rest are folded away
SHOWN = 12
OUTCOMES = "outcomes"  # actual values recorded (outcomes.yaml)
PLAIN = frozenset({"year", "seq", "paragraph", "row"})
FORMAT = ""  # the group of a release's files whose format changed


class ChangeWriter:
    """Turns changes into :class:`contexts.ChangeItem` for one language."""

    def __init__(self, site: Site, lang: str):
        self.site, self.lang = site, lang
        self.t: Translator = site.t(lang)
        self.fmt: Formatter = site.fmt(lang)
        self.types: dict[str, EntityType] = {t.name: t for t in site.types}

    # --- one change --------------------------------------------------------------------------------------

    def item(self, release: ReleaseChanges, change: dict[str, Any]) -> c.ChangeItem | None:
        """The change as a line of this language; None when it changed nothing this language shows."""
        t, action, collection = self.t, change["action"], change["collection"]
        if action == "format":  # said once per release (release_view)
            return None
        if collection == OUTCOMES:
            return self.outcome(release, change)
        record = self.current(collection, change)
        details = [d for d in (self.detail(collection, change, f) for f in change.get("fields", [])) if d]
        if action == "changed" and not details:
            return None
        if action == "added":
            details = [d for d in details if not d.long and d.new is not None]
        if action == "removed":
            details = []
        if action == "changed":  # a field that was or became empty: said so, not left out
            for d in details:
                d.old = d.old if d.old is not None else t("changes.none")
                d.new = d.new if d.new is not None else t("changes.none")
        lead = t(f"changes.{action}", subject=t(f"changes.subject.{collection}"))
        named = c.Named(self.name_of(change, record), record)
        return self.line(release, action, lead, named, details, joiner="paren" if action == "added" else "after")

    def outcome(self, release: ReleaseChanges, change: dict[str, Any]) -> c.ChangeItem:
        """An outcome recorded, revised or withdrawn: what it measures, the year, the value and its source."""
        target = self.outcome_target(change)
        action = {"added": "outcome_recorded", "changed": "outcome_revised", "removed": "outcome_withdrawn"}
        details: list[c.ChangeDetail | None] = []
        for f in change.get("fields", []):
            if f["field"] == "value":
                details.append(self.figure_change("value", f, change, target, label=""))
            elif f["field"] == "source" and change["action"] == "changed":
                titles = {**f, "old": self.outcome_source(f.get("old")), "new": self.outcome_source(f.get("new"))}
                details.append(self.text_change("source", titles))
        lead = self.t(f"changes.{action[change['action']]}", year=change.get("year", ""))
        name = (
            self._record_name(target, str(change.get("target", "")))
            if target is not None
            else self.name_of(change, None)
        )
        named = c.Named(name, target if target is not None and self.site.urls.has_page(target) else None)
        return self.line(release, change["action"], lead, named, [d for d in details if d], joiner="value")

    def outcome_source(self, ident: Any) -> Any:
        """An outcome's source by its title (as ``{zh, en}``), or its id where the plan no longer lists it."""
        source = self.site.progress.source(ident) if isinstance(ident, str) else None
        return source.title.model_dump() if source is not None else ident

    def line(
        self,
        release: ReleaseChanges,
        action: str,
        lead: str,
        named: c.Named | None = None,
        details: list[c.ChangeDetail] | None = None,
        joiner: str = "after",
    ) -> c.ChangeItem:
        """``joiner``: how the details follow the name — ``after`` a colon, in a ``paren``, or as its ``value``."""
        t = self.t
        parts = [d.inline(t) for d in details or []]
        inline = ""
        if parts:
            inline = t(f"changes.details_{joiner}", list=t("changes.detail_sep").join(parts))
        rel = release.release
        lead = lead[:1].upper() + lead[1:]
        long = [d for d in details or [] if d.long]
        return c.ChangeItem(self.fmt.date(rel.date), rel.version, action, lead, named, inline, long)

    # --- the parts of a line ----------------------------------------------------------------------------

    def detail(self, collection: str, change: dict[str, Any], f: dict[str, Any]) -> c.ChangeDetail | None:
        old, new = f.get("old"), f.get("new")
        if _is_text(old) or _is_text(new) or _is_text_list(old) or _is_text_list(new):
            return self.text_change(f["field"], f)
        if _is_number(old) or _is_number(new) or self.quantity(collection, f["field"]) is not None:
            return self.figure_change(f["field"], f, change, None)
        label = self.field_label(f["field"], f.get("key"))
        return c.ChangeDetail(label, self.value(collection, f["field"], old), self.value(collection, f["field"], new))

    def figure_change(
        self, fieldname: str, f: dict[str, Any], change: dict[str, Any], target: Any, label: str | None = None
    ) -> c.ChangeDetail:
        quantity = self.quantity(change["collection"], fieldname)
        unit = quantity.words_of(change) if quantity is not None else ("", "", "")
        if target is not None and fieldname == "value":
            unit = _measured_unit(target)
        if label is None:
            label = self.field_label(fieldname, f.get("key"))
        old = None if change["action"] == "added" else self.figure(fieldname, f.get("old"), unit, quantity)
        new = None if change["action"] == "removed" else self.figure(fieldname, f.get("new"), unit, quantity)
        return c.ChangeDetail(label, old, new)

    def quantity(self, collection: str, fieldname: str) -> Quantity | None:
        """The declared meaning of a figure field of ``collection``'s records (None: not a quantity)."""
        etype = self.types.get(collection)
        found = meaning(etype.record, fieldname) if etype is not None else None
        return found.quantity if found is not None else None

    def text_change(self, fieldname: str, f: dict[str, Any]) -> c.ChangeDetail | None:
        old, new = self.text(f.get("old")), self.text(f.get("new"))
        if old == new:
            return None  # the other language's text changed
        label = self.field_label(fieldname, f.get("key"))
        long = len(old or "") > LONG_TEXT or len(new or "") > LONG_TEXT
        return c.ChangeDetail(label, old, new, long=long)

    def field_label(self, fieldname: str, key: Any) -> str:
        """The field's label from the catalogue (its key declared with the field, :mod:`model.meaning`)."""
        label = self.t(f"changes.field.{fieldname}")
        return self.t("changes.field_in_year", field=label, year=key) if key is not None else label

    def figure(self, fieldname: str, value: Any, unit: tuple[str, str, str], quantity: Quantity | None = None) -> str:
        """A figure of the field in its declared unit, in the reader's unit (:mod:`numfmt`)."""
        fmt = self.fmt
        if fieldname in PLAIN and value is not None:
            return str(value)  # a year or a position, not a quantity in the record's unit
        if value is None:
            return fmt.wan(None) if unit[0] == "万元" and quantity is not None else self.t("changes.none")
        if not _is_number(value):
            return self.t("changes.revised")
        return fmt.measure(value, *unit) if unit[0] else fmt.number(value)

    def text(self, value: Any) -> str | None:
        if value is None:
            return None
        if _is_text(value):
            return str(value[self.lang])
        if _is_text_list(value):
            return ("、" if self.lang == "zh" else "; ").join(str(v[self.lang]) for v in value)
        return str(value)

    def value(self, collection: str, fieldname: str, value: Any) -> str:
        """A value that is neither a figure nor a text: a reference, a period, a source, a yes or no."""
        t, plan = self.t, self.site.plan
        if value is None or value == []:
            return t("changes.none")
        if isinstance(value, bool):
            return t("changes.yes") if value else t("changes.no")
        if isinstance(value, dict) and {"start", "end"} <= value.keys():
            return self.fmt.years(value["start"], value["end"])
        if isinstance(value, dict) and "ref" in value and isinstance(value["ref"], str):
            source = plan.index["sources"].get(value["ref"])
            label = source.label[self.lang] if source is not None else str(value["ref"])
            return f"{label} #{value['row']}" if value.get("row") else label
        target = self.reference_target(collection, fieldname)
        if target is not None:
            ids = value if isinstance(value, list) else [value]
            names = [self.referenced_name(target, str(i)) for i in ids]
            return ("、" if self.lang == "zh" else ", ").join(names)
        etype = self.types.get(collection)
        field = meaning(etype.record, fieldname) if etype is not None else None
        if isinstance(value, str) and field is not None and field.categories is not None:
            return t(f"{field.categories.key}.{value}")
        if isinstance(value, str) and not KEYLIKE.match(value):
            return value
        if isinstance(value, list) and all(isinstance(v, int | float) for v in value):
            return ("、" if self.lang == "zh" else ", ").join(str(v) for v in value)
        return t("changes.revised")

    def referenced_name(self, target: str, ident: str) -> str:
        """The name of a record a field names (``<list>/<id>`` for a field that may name any list's); a record
        the plan no longer has is said to be revised, its id never printed."""
        plan = self.site.plan
        if target == ANY_LIST:
            if ident == m.PLAN_ENTITY:
                return self.site.plan.info.short_title[self.lang]
            target, _, ident = ident.partition("/")
        record = plan.index.get(target, {}).get(ident)
        return self._record_name(record, self.t("changes.revised"))

    def reference_target(self, collection: str, fieldname: str) -> str | None:
        etype = self.types.get(collection)
        return next((r.target for r in etype.refs if r.field == fieldname), None) if etype else None

    # --- records ------------------------------------------------------------------------------------------

    def current(self, collection: str, change: dict[str, Any]) -> Any:
        """The record as the plan has it now, if it has a page to link to."""
        if collection == OUTCOMES:
            return self.outcome_target(change)
        record = self.site.plan.index.get(collection, {}).get(change.get("id", ""))
        return record if record is not None and self.site.urls.has_page(record) else None

    def outcome_target(self, change: dict[str, Any]) -> Any:
        collection, _, ident = str(change.get("target", "")).partition("/")
        return self.site.plan.index.get(collection, {}).get(ident)

    def name_of(self, change: dict[str, Any], record: Any) -> str:
        name = change.get("name")
        if isinstance(name, dict) and _is_text(name):
            return str(name[self.lang])
        return self._record_name(record, self.t("changes.revised"))

    def _record_name(self, record: Any, fallback: str) -> str:
        for attr in ("name", "label", "term"):
            value = getattr(record, attr, None)
            if isinstance(value, m.Text):
                return value[self.lang]
        return fallback

    def collection_title(self, collection: str) -> str:
        if collection == FORMAT:
            return self.t("changes.subjects.release")
        return self.t(f"changes.subjects.{collection}")

    # --- lists ---------------------------------------------------------------------------------------------

    def release_view(self, release: ReleaseChanges) -> c.ReleaseView | None:
        """A release as the changes page shows it: its changes by collection; None if it changed nothing shown."""
        groups: dict[str, list[c.ChangeItem]] = {}
        reformatted = [ch["collection"] for ch in release.changes if ch["action"] == "format"]
        for change in release.changes:
            item = self.item(release, change)
            if item is not None:
                groups.setdefault(change["collection"], []).append(item)
        if reformatted:  # one line for the files whose format changed
            titles = (", " if self.lang == "en" else "、").join(self.collection_title(n) for n in reformatted)
            groups[FORMAT] = [self.line(release, "format", self.t("changes.format", collection=titles))]
        if release.initial:
            groups[FORMAT] = [self.line(release, "initial", self.t("changes.initial"))]
        if not groups:
            return None
        order = [*(t.name for t in self.site.types if t.name != OUTCOMES), OUTCOMES, FORMAT]
        rows = [
            c.ChangeGroup(self.collection_title(name), items[:SHOWN], items[SHOWN:])
            for name, items in sorted(groups.items(), key=lambda g: order.index(g[0]) if g[0] in order else len(order))
        ]
        rel = release.release
        return c.ReleaseView(rel.version, self.fmt.date(rel.date), rel.created.isoformat(), rows)

    def of_record(self, record: Any, collection: str) -> list[c.ChangeItem]:
        """The changes of one record (its outcomes included), newest first."""
        outcome_target = f"{collection}/{getattr(record, 'id', '')}"
        items = []
        for release in self.site.history.releases:
            for change in release.changes:
                own = change["collection"] == collection and change.get("id") == record.id
                if own or (change["collection"] == OUTCOMES and change.get("target") == outcome_target):
                    item = self.item(release, change)
                    if item is not None:
                        items.append(item)
        return items


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"zh", "en"}


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(_is_text(v) for v in value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _measured_unit(record: Any) -> tuple[str, str, str]:
    """The unit an outcome of ``record`` is recorded in: that of its first figure field (an indicator's own
    unit, an industry's or a township's output in 亿元), as declared (:mod:`model.meaning`)."""
    if not isinstance(record, m.Model):
        return "", "", ""
    quantity = next((f.quantity for f in meanings(type(record)).values() if f.quantity is not None), None)
    return quantity.words_of(record) if quantity is not None else ("", "", "")


# --- pages ------------------------------------------------------------------------------------------------


def changes_page(site: Site, lang: str) -> c.ChangesPage:
    t = site.t(lang)
    writer = ChangeWriter(site, lang)
    releases = [view for view in (writer.release_view(r) for r in site.history.releases) if view is not None]
    title = t("changes.title")
    crumbs = [c.Crumb(t("nav.home"), HOME), c.Crumb(title, None)]
    return c.ChangesPage(
        site.address(lang, CHANGES),
        "other",
        title,
        t("changes.description"),
        crumbs,
        releases=releases,
        available=site.history.available,
        partial=site.history.partial,
        not_yet=site.history.not_yet,
    )


def record_changes(site: Site, record: Any, lang: str) -> list[c.ChangeItem]:
    """What the data's history changed in ``record`` (for its page)."""
    collection = site.plan.kinds.get(type(record), "")
    return ChangeWriter(site, lang).of_record(record, collection) if site.history.releases else []


def feed_entries(site: Site, lang: str) -> Iterator[tuple[str, c.ReleaseView, list[str]]]:
    """Each release (its commit, its view) with its changes as plain lines (``项目 X：总投资 35亿元 → 36.2亿元``),
    newest first; releases that changed nothing this language shows are left out, as on the changes page."""
    writer = ChangeWriter(site, lang)
    for release in site.history.releases:
        view = writer.release_view(release)
        if view is not None:
            yield release.release.commit, view, [item.text for group in view.groups for item in group.all]
