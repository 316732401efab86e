"""The audit page: findings grouped by severity, then by the table or section of the plan they are about, each in
the page's language (its computation, why it matters, its figures), with its knock-ons beside it."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from ..audit import KNOCK_ON, RULE_NAMES, SEVERITIES, Finding, Skip, Value, render
from ..audit.findings import show, words
from ..i18n import Translator
from ..quotes import english_of_passage
from . import contexts as c
from .state import Site
from .urls import AUDIT


def _value(site: Site, value: Value, t: Translator) -> c.ValueView:
    fmt = site.fmt(t.lang)
    text = "—" if value.value is None else show(value.figure(), fmt)
    source = site.plan.source(value.source.ref) if value.source else None
    place, path = "", ""
    if source is not None and value.source is not None:
        path = site.urls.source(source)
        paragraph = getattr(value.source, "paragraph", None)
        if paragraph is not None and source.chapter:
            place, path = f" ¶{paragraph}", site.urls.paragraph(source.chapter, paragraph)
        elif value.source.row:
            place = f" #{value.source.row}"
    quote_en = None
    paragraph = getattr(value.source, "paragraph", None)
    if t.lang == "en" and value.quote and value.source is not None and paragraph is not None:
        quote_en = english_of_passage(site.plan, site.chapters, value.source.ref, paragraph, value.quote)
    return c.ValueView(words(value.label, t, fmt), text, value.quote, source, place, path, quote_en)


def view(site: Site, finding: Finding, t: Translator, by_id: dict[str, Finding]) -> c.FindingView:
    fmt = site.fmt(t.lang)
    linked = list({id(e): e for e in finding.entities if site.urls.has_page(e)}.values())
    return c.FindingView(
        finding,
        render(finding.why, t, fmt) if finding.why else "",
        render(finding.computation, t, fmt),
        show(finding.difference_figure(), fmt) if finding.difference else "",
        render(finding.tolerance, t, fmt) if finding.tolerance else "",
        [_value(site, v, t) for v in finding.values],
        linked,
        [view(site, k, t, by_id) for k in site.audit.knock_ons(finding)],
        by_id.get(finding.follows) if finding.follows else None,
        render(finding.evidence, t, fmt) if finding.evidence else "",
        words(finding.subject, t, fmt),
        words(finding.classified, t, fmt) if finding.classified else "",
        words(by_id[finding.follows].subject, t, fmt) if finding.follows in by_id else "",
    )


def _skip(site: Site, skip: Skip, t: Translator) -> c.SkipView:
    source = site.plan.source(skip.where) if skip.where else None
    return c.SkipView(
        t(f"audit.rule.{skip.rule}"),
        words(skip.subject, t, site.fmt(t.lang)),
        render(skip.reason, t, site.fmt(t.lang)),
        source,
        site.urls.source(source) if source else "",
    )


def _groups(site: Site, findings: list[Finding], t: Translator, by_id: dict[str, Finding]) -> list[c.AuditGroup]:
    order = {s.id: i for i, s in enumerate(site.plan.meta.sources)}
    keys = sorted({f.where or "" for f in findings}, key=lambda k: (k == "", order.get(k, len(order)), k))
    groups = []
    for key in keys:
        mine = [view(site, f, t, by_id) for f in findings if (f.where or "") == key]
        label = site.plan.source(key).label[t.lang] if key in order else t("audit.group.other")
        groups.append(c.AuditGroup(label, "", mine))
    return groups


def audit_page(site: Site, lang: str) -> c.AuditPage:
    t = site.t(lang)
    base = c.Page(
        site.address(lang, AUDIT),
        "other",
        t("nav.audit"),
        t("audit.description"),
        [c.Crumb(t("nav.home"), ""), c.Crumb(t("nav.audit"), None)],
    )
    audit = site.audit
    by_id = {f.id: f for f in audit.findings}
    sections = []
    for severity in SEVERITIES:
        mine = [f for f in audit.standalone if f.severity == severity]
        if not mine:
            continue
        groups = _groups(site, mine, t, by_id)
        for group in groups:
            group.anchor = f"{severity}-{group.findings[0].finding.where or 'other'}"
        sections.append(c.AuditSection(severity, len(mine), groups))
    rules = list(RULE_NAMES)
    own = {f.name: getattr(base, f.name) for f in fields(c.Page)}
    counts: dict[str, Any] = audit.counts()
    return c.AuditPage(
        **own,
        sections=sections,
        counts={k: v for k, v in counts.items() if v or k != KNOCK_ON},
        total=len(audit.findings),
        rules=rules,
        skipped=[_skip(site, s, t) for s in audit.skipped],
    )
