"""The plan's targets on the site: the targets page, an entity's commitments on its page, the targets a chapter's
paragraph states, the headline targets of the home page. Every figure is read here in the page's language
(``at least 5 projects``, ``230亿元以上``) with the plan's own words on it and no other, so templates only place
it."""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any

from ..audit import target_finding_ids
from ..i18n import Translator
from ..model import records as m
from ..numfmt import Formatter, measure, value_range
from ..targets import KINDS, entity_list, entity_of, first_statements, restatements, table_figure
from . import contexts as c
from .state import Site


def _fill(base: c.Page, kind: type[c.TargetsPage], **values: Any) -> c.TargetsPage:
    own = {f.name: getattr(base, f.name) for f in fields(c.Page) if f.name not in values}
    return kind(**own, **values)


def amount(target: m.Target, lang: str) -> str:
    """The target's figure with its unit, in ``lang``: ``480 enterprises``, ``5–8家``, ``CNY 80 billion``."""
    unit = target.unit
    if target.value is not None:
        return measure(target.value, unit.zh, lang, unit.en, unit.one or "")
    assert target.value_min is not None and target.value_max is not None  # the model requires a value or a range
    return value_range(target.value_min, target.value_max, unit.zh, lang, unit.en)


def worded(target: m.Target, figure: str, t: Translator) -> str:
    """``figure`` with exactly the words the plan puts on it, in ``t``'s language: its qualifier (``800亿元以上`` /
    ``at least CNY 80 billion``) and its commitment (``力争1000亿元`` / ``CNY 100 billion (stretch goal)``); a bare
    达到/实现 leaves the figure alone."""
    if target.qualifier is not None:
        figure = t(f"targets.qualifier.{target.qualifier}", figure=figure)
    if target.commitment is not None:
        figure = t(f"targets.commitment.{target.commitment}", figure=figure)
    return figure


def when(target: m.Target, t: Translator) -> str:
    """By when: ``by <year>``, ``every year`` or ``once in operation``."""
    if target.every_year:
        return t("targets.every_year")
    if target.in_operation:
        return t("targets.in_operation")
    return t("targets.by", year=target.year)


def place(site: Site, target: m.Target, t: Translator) -> c.TargetPlace:
    source = site.plan.source(target.source.ref)
    label = source.label[t.lang]
    if target.source.paragraph is not None and source.chapter:
        return c.TargetPlace(
            target,
            source,
            t("targets.paragraph", label=label, n=target.source.paragraph),
            site.urls.paragraph(source.chapter, target.source.paragraph),
        )
    row = t("targets.row", label=label, n=target.source.row) if target.source.row else label
    return c.TargetPlace(target, source, row, site.urls.source(source))


def _entity_name(record: Any, t: Translator) -> str:
    return t("targets.entity.plan") if record is None else str(record.name[t.lang])


def _entity_path(site: Site, record: Any) -> str:
    """Where a record is shown: its own page, or its place on the page of the collection that lists it."""
    if record is None:
        return ""
    if site.urls.has_page(record):
        return site.urls.of(record)
    name = site.plan.kinds.get(type(record))
    for etype in site.types:
        if etype.overview and name in (etype.name, *(aux.name for aux in etype.aux)):
            return f"{site.urls.overview(etype.name)}#{record.id}"
    return ""


def _table(site: Site, target: m.Target, fmt: Formatter) -> c.TableFigure | None:
    figure = table_figure(site.plan, target)
    if target.same_as is None or figure is None:
        return None
    name, ident, *_ = target.same_as.split("/")
    record = site.plan.index.get(name, {}).get(ident)
    own = getattr(record, "source", None)
    source = site.plan.source(own.ref) if isinstance(own, m.Source) else None
    unit = target.unit
    text = fmt.measure(figure, unit.zh, unit.en, unit.one or "")
    linked = record if record is not None and site.urls.has_page(record) else None
    return c.TableFigure(text, source, own.row if isinstance(own, m.Source) else None, linked)


def row(site: Site, target: m.Target, t: Translator) -> c.TargetRow:
    """A commitment (its first statement ``target``) as a list shows it in ``t``'s language."""
    lang, fmt = t.lang, site.fmt(t.lang)
    figure = amount(target, lang)
    record = entity_of(site.plan, target)
    statements = [target, *restatements(site.plan, target)]
    ids = {i for s in statements for i in target_finding_ids(site.plan, s)}
    findings = [f for f in site.audit.findings if f.id in ids]
    return c.TargetRow(
        target,
        figure,
        worded(target, figure, t),
        when(target, t),
        record,
        _entity_name(record, t),
        entity_list(target),
        _entity_path(site, record),
        t(f"targets.kind.{target.kind}"),
        [place(site, s, t) for s in statements],
        _table(site, target, fmt),
        findings,
        site.english_quote(target) if lang == "en" else None,
    )


def rows_of(site: Site, record: Any, lang: str) -> list[c.TargetRow]:
    """The commitments that belong to ``record`` (an industry, a platform, a reform …)."""
    if not site.plan.has("targets"):
        return []
    t = site.t(lang)
    key = f"{site.plan.kinds[type(record)]}/{record.id}"
    return [row(site, tg, t) for tg in site.plan.referring(m.Target, "entity", key) if tg.restates is None]


def headline_rows(site: Site, lang: str) -> list[c.TargetRow]:
    t = site.t(lang)
    return [row(site, tg, t) for tg in first_statements(site.plan) if tg.headline]


def paragraph_rows(site: Site, chapter_id: str, lang: str) -> dict[str, list[c.TargetRow]]:
    """The commitments each paragraph of a chapter states (``p-N`` → rows), restatements included."""
    t = site.t(lang)
    by_paragraph: dict[str, list[c.TargetRow]] = {}
    firsts: dict[str, c.TargetRow] = {}
    for target in site.plan.all(m.Target):
        source = site.plan.source(target.source.ref)
        if source.chapter != chapter_id or target.source.paragraph is None:
            continue
        first = site.plan.get(m.Target, target.restates) if target.restates else target
        if first.id not in firsts:
            firsts[first.id] = row(site, first, t)
        rows = by_paragraph.setdefault(f"p-{target.source.paragraph}", [])
        if firsts[first.id] not in rows:
            rows.append(firsts[first.id])
    return by_paragraph


def _slug(text: str, n: int) -> str:
    ascii_only = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return f"group-{ascii_only or n}"


def _list_label(site: Site, name: str, t: Translator) -> str:
    key = f"targets.entity.{name}"
    return t(key) if t.has(key) else t(f"nav.{name}")


def _entity_options(site: Site, rows: list[c.TargetRow], t: Translator) -> list[c.FilterOption]:
    options = []
    plan_rows = [r for r in rows if r.entity is None]
    if plan_rows:
        options.append(c.FilterOption(m.PLAN_ENTITY, t("targets.entity.plan"), len(plan_rows)))
    lists = [name for name in site.plan.lists if any(r.entity_type == name for r in rows)]
    for name in lists:
        mine = [r for r in rows if r.entity_type == name]
        records: dict[str, c.FilterOption] = {}
        for r in mine:
            key = r.target.entity
            if key not in records:
                records[key] = c.FilterOption(key, r.entity_name, 0)
            records[key].count += 1
        options.append(c.FilterOption(f"type:{name}", _list_label(site, name, t), len(mine), list(records.values())))
    return options


def _table_targets(site: Site, t: Translator) -> list[c.TableTargets]:
    """The plan's tables whose rows set figures for years after the base year (kept there, linked from here)."""
    plan, found = site.plan, []
    for source in plan.meta.sources:
        name = source.shows or source.page
        if not name or name not in site.urls.overviews:
            continue
        count = 0
        for record in plan.lists.get(name, []):
            own = getattr(record, "source", None)
            if not isinstance(own, m.Source) or own.ref != source.id:
                continue
            if _sets_targets(record, plan.base_year):
                count += 1
        if count:
            found.append(c.TableTargets(name, source.label[t.lang], count))
    return found


def _sets_targets(record: Any, base_year: int) -> bool:
    """Whether a table's row sets a figure for a later year (in a field of its own, not one sourced elsewhere)."""
    for name, info in type(record).model_fields.items():
        if info.annotation != m.YearFigures or getattr(record, f"{name}_source", None) is not None:
            continue
        if any(year > base_year and value is not None for year, value in getattr(record, name).items()):
            return True
    return getattr(record, "target_text", None) is not None


def commitment_count(site: Site, lang: str) -> c.CommitmentCount:
    """The plan's commitments, each once (the home page, ``/targets/`` and ``/progress/`` state this number)."""
    t = site.t(lang)
    found = site.commitments
    text = sum(isinstance(c_.record, m.Target) for c_ in found)
    kinds = [
        c.FilterOption(kind, t(f"targets.kind.{kind}"), sum(c_.goal.kind == kind for c_ in found))
        for kind in KINDS
        if any(c_.goal.kind == kind for c_ in found)
    ]
    return c.CommitmentCount(len(found), text, len(site.plan.all(m.Target)), len(found) - text, kinds)


def targets_overview(site: Site, base: c.Page) -> c.TargetsPage:
    t = site.t(base.address.lang)
    rows = [row(site, tg, t) for tg in first_statements(site.plan)]
    groups: dict[str, c.TargetGroupRows] = {}
    for r in rows:
        name = r.target.group[t.lang] if r.target.group else t("targets.group.other")
        if name not in groups:
            slug = _slug(r.target.group.en if r.target.group else "other", len(groups) + 1)
            groups[name] = c.TargetGroupRows(name, slug, [])
        groups[name].rows.append(r)
    kinds = [
        c.FilterOption(kind, t(f"targets.kind.{kind}"), sum(r.target.kind == kind for r in rows))
        for kind in KINDS
        if any(r.target.kind == kind for r in rows)
    ]
    return _fill(
        base,
        c.TargetsPage,
        groups=list(groups.values()),
        kinds=kinds,
        entities=_entity_options(site, rows, t),
        count=len(rows),
        statements=len(site.plan.all(m.Target)),
        tables=_table_targets(site, t),
        commitments=commitment_count(site, t.lang),
    )
