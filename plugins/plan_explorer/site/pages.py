"""Render stage, first half: the typed context of every page of one language (no HTML here).

Entity pages and overviews are made by the functions the descriptors name; the site's own pages (home, the
plan's contents and chapters, data, audit, search, about, 404) are made here for any plan.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar

from markupsafe import Markup

from ..content import Document
from ..descriptor import EntityPages
from ..export import exported, source_labels, township_years
from ..i18n import OTHER, Translator
from ..model import records as m
from ..model.meaning import meanings
from ..numfmt import implied_growth
from ..relations import investment_sum
from ..targets import first_statements
from . import auditpage
from . import contexts as c
from . import targetpages as tp
from .changes import changes_page, record_changes
from .citation import citation
from .fields import field_facts
from .progress import progress_page, project_progress, project_statuses, status_counts, target_progress
from .state import Site
from .urls import AUDIT, CHANGES, DATA, HOME, NOT_FOUND, PLAN, PROGRESS, SEARCH, PageAddress

P = TypeVar("P", bound=c.Page)
HOME_TOP_PROJECTS = 6
ABOUT = "about"  # the about page (content/pages/<lang>/about.md) states the plan's identity and the data's licence
TOWNSHIP_KINDS = meanings(m.Township)["kind"].values  # the categories the field declares, in its order


def _from(base: c.Page, kind: type[P], **values: Any) -> P:
    """A page of type ``kind`` with the fields of ``base`` and ``values``."""
    own = {f.name: getattr(base, f.name) for f in fields(c.Page) if f.name not in values}
    return kind(**own, **values)


def _crumbs(site: Site, lang: str, section: str | None, title: str) -> list[c.Crumb]:
    t = site.t(lang)
    crumbs = [c.Crumb(t("nav.home"), HOME)]
    if section:
        crumbs.append(c.Crumb(t(f"nav.{section}"), site.urls.overview(section)))
    crumbs.append(c.Crumb(title, None))
    return crumbs


def _base(site: Site, lang: str, path: str, kind: str, title: str, description: str, section: str | None) -> c.Page:
    return c.Page(site.address(lang, path), kind, title, description, _crumbs(site, lang, section, title))


def _described(site: Site, name: str, t: Translator) -> str:
    """An overview's description: the plan's own (its ``{count}`` filled in), else the generic one."""
    model = site.plan.files[name]
    count = len(site.plan.lists[name])
    own = getattr(model, "description", None)
    return own[t.lang].format(count=count) if own else t(f"{name}.description", count=count)


def _figures(site: Site, figures: dict[int, float | None]) -> c.Figures:
    plan = site.plan
    base, target = figures.get(plan.base_year), figures.get(plan.target_year)
    return c.Figures(plan.base_year, plan.target_year, base, target, implied_growth(base, target, plan.years))


# --- entity pages (named by the descriptors) ---------------------------------------------------------


def _entity_base(
    site: Site, record: Any, lang: str, kind: str, section: str | None, description: str, **more: Any
) -> c.Page:
    """What every entity page has (``more``: further fields of :class:`contexts.Page`), made in one call."""
    title = record.name[lang]
    return c.Page(
        site.address(lang, site.urls.of(record)),
        kind,
        title,
        description,
        _crumbs(site, lang, section, title),
        findings=site.audit.for_entity(record),
        targets=tp.rows_of(site, record, lang),
        changes=record_changes(site, record, lang),
        **more,
    )


def indicator_page(site: Site, ind: m.Indicator, lang: str, t: Translator) -> c.IndicatorPage:
    base = _entity_base(site, ind, lang, "indicator", "indicators", t("indicator.description", name=ind.name[lang]))
    return _from(
        base,
        c.IndicatorPage,
        indicator=ind,
        group=site.plan.get(m.IndicatorGroup, ind.group),
        figures=_figures(site, ind.value),
        related=[site.plan.source(ref) for ref in ind.related],
        progress=target_progress(site, "indicators", ind, lang),
    )


def industry_page(site: Site, ind: m.Industry, lang: str, t: Translator) -> c.IndustryPage:
    plan = site.plan
    target = plan.target_year
    total = sum(i.output.get(target) or 0 for i in plan.all(m.Industry))
    projects = plan.referring(m.Project, "industry", ind.id)
    own = ind.output.get(target)
    return _from(
        _entity_base(site, ind, lang, "industry", "industries", t("industry.description", name=ind.name[lang])),
        c.IndustryPage,
        industry=ind,
        group=plan.get(m.IndustryGroup, ind.group),
        figures=_figures(site, ind.output),
        share_of_target=(own / total * 100) if own and total else None,
        platforms=plan.referring(m.Platform, "focus_industries", ind.id),
        projects=projects,
        investment_wan=investment_sum(projects),
        progress=target_progress(site, "industries", ind, lang),
    )


def platform_page(site: Site, pf: m.Platform, lang: str, t: Translator) -> c.PlatformPage:
    plan, rel = site.plan, site.relations
    projects = rel.platform_projects(pf)
    townships = sorted({p.township for p in projects if p.township})
    zones = plan.referring(m.Township, "platform", pf.id)
    return _from(
        _entity_base(site, pf, lang, "platform", "platforms", t("platform.description", name=pf.name[lang])),
        c.PlatformPage,
        platform=pf,
        role=plan.get(m.PlatformRole, pf.layout_role),
        output_target=pf.output_target.get(plan.target_year),
        parent=plan.find(m.Platform, pf.parent),
        children=plan.referring(m.Platform, "parent", pf.id),
        industries=[plan.get(m.Industry, i) for i in pf.focus_industries],
        projects=projects,
        investment_wan=investment_sum(projects),
        townships=[t for t in (plan.find(m.Township, i) for i in townships) if t],
        zone=zones[-1] if zones else None,
    )


def project_page(site: Site, pr: m.Project, lang: str, t: Translator) -> c.ProjectPage:
    plan, rel = site.plan, site.relations
    share = (pr.total_investment_wan / rel.total_investment_wan * 100) if pr.total_investment_wan else None
    industry, platform = plan.find(m.Industry, pr.industry), plan.find(m.Platform, pr.platform)
    filters = {
        "industry": industry.name[lang] if industry else t("common.none"),
        "platform": platform.name[lang] if platform else t("common.none"),
        "location": pr.location[lang],
    }
    return _from(
        _entity_base(site, pr, lang, "project", "projects", pr.summary[lang], search_filters=filters),
        c.ProjectPage,
        project=pr,
        star=site.star(),
        industry=industry,
        platform=platform,
        township=plan.find(m.Township, pr.township),
        share=share,
        rank=rel.project_rank.get(pr.id),
        tied=rel.project_rank.get(pr.id) in rel.tied_ranks,
        count=len(plan.all(m.Project)),
        progress=project_progress(site, pr, lang),
    )


def township_page(site: Site, tw: m.Township, lang: str, t: Translator) -> c.TownshipPage:
    plan, fmt = site.plan, site.fmt(lang)
    years = sorted(tw.output)
    later = fmt.year_list([y for y in years if y > plan.base_year])
    description = t("township.description", name=tw.name[lang], years=fmt.year_list(years), later=later)
    return _from(
        _entity_base(site, tw, lang, "township", "townships", description),
        c.TownshipPage,
        township=tw,
        projects=plan.referring(m.Project, "township", tw.id),
        platform=plan.find(m.Platform, tw.platform),
        growth=implied_growth(tw.output.get(plan.base_year), tw.output.get(plan.target_year), plan.years),
        progress=target_progress(site, "townships", tw, lang),
    )


def record_page(site: Site, record: Any, lang: str, t: Translator) -> c.RecordPage:
    """A generic entity page (template ``record.html``): a record's fields as their meanings say, for a type
    with no page of its own (its descriptor names this function)."""
    name = site.plan.kinds[type(record)]
    etype = next(e for e in site.types if e.name == name)
    section = name if etype.overview is not None else None
    return _from(
        _entity_base(site, record, lang, etype.kind or "other", section, record.name[lang]),
        c.RecordPage,
        record=record,
        facts=field_facts(site, record, lang),
    )


# --- overviews (named by the descriptors) ----------------------------------------------------------------


def indicators_overview(site: Site, base: c.Page) -> c.IndicatorsPage:
    plan = site.plan
    groups = [c.IndicatorGroupRows(g, plan.referring(m.Indicator, "group", g.id)) for g in plan.all(m.IndicatorGroup)]
    return _from(base, c.IndicatorsPage, groups=groups)


def industries_overview(site: Site, base: c.Page) -> c.IndustriesPage:
    lang = base.address.lang
    groups = site.plan.all(m.IndustryGroup)
    tables = [group_table(site, g, lang) for g in groups]
    targets = {g.id: tp.rows_of(site, g, lang) for g in groups}
    return _from(base, c.IndustriesPage, tables=tables, group_targets=targets)


def platforms_overview(site: Site, base: c.Page) -> c.PlatformsPage:
    """The platforms by role, and for investors one table comparing them all and a platform × industry matrix."""
    plan = site.plan
    roles = []
    for role in plan.all(m.PlatformRole):
        cards = [_platform_card(site, pf, role) for pf in plan.all(m.Platform) if pf.layout_role == role.id]
        roles.append(c.PlatformRoleRows(role, cards))
    compared = [card for row in roles for card in row.cards]
    wanted = {i.id for card in compared for i in card.industries} | {i for card in compared for i in card.by_industry}
    industries = [i for i in plan.all(m.Industry) if i.id in wanted]
    matrix = {
        card.platform.id: [c.MatrixCell(i in card.industries, card.by_industry.get(i.id, 0)) for i in industries]
        for card in compared
    }
    return _from(base, c.PlatformsPage, roles=roles, compared=compared, matrix_industries=industries, matrix=matrix)


def _platform_card(site: Site, pf: m.Platform, role: m.PlatformRole) -> c.PlatformCard:
    plan, rel = site.plan, site.relations
    projects = rel.platform_projects(pf)
    by_industry: dict[str, int] = {}
    for project in projects:
        if project.industry:
            by_industry[project.industry] = by_industry.get(project.industry, 0) + 1
    return c.PlatformCard(
        pf,
        len(projects),
        rel.platform_investment_wan(pf),
        role,
        pf.output_target.get(plan.target_year),
        [i for i in (plan.find(m.Industry, i) for i in pf.focus_industries) if i],
        by_industry,
    )


def projects_overview(site: Site, base: c.Page) -> c.ProjectsPage:
    plan = site.plan
    projects = plan.all(m.Project)
    rows = []
    for p in projects:
        platform = plan.find(m.Platform, p.platform)
        rows.append(
            c.ExplorerRow(
                p,
                plan.find(m.Industry, p.industry),
                platform,
                plan.find(m.Platform, platform.parent if platform else None),
                plan.find(m.Township, p.township),
                site.progress.project_status(p.id),
            )
        )
    years = [y for p in projects if p.period for y in (p.period.start, p.period.end)]
    info = plan.info.period
    lang, t = base.address.lang, site.t(base.address.lang)
    star = site.star()
    return _from(
        base,
        c.ProjectsPage,
        wan_per_unit=EXPLORER_UNIT[lang],
        presets=[(wan, t(f"explorer.preset.{wan}")) for wan in EXPLORER_PRESETS],
        csv_headings=_csv_headings(site, t, star),
        rows=rows,
        total_wan=site.relations.total_investment_wan,
        industries=plan.all(m.Industry),
        platforms=plan.all(m.Platform),
        townships=[t for t in plan.all(m.Township) if t.kind == "township"],
        star=site.star(),
        first_year=min([*years, info.base_year]) - 10,
        last_year=max([*years, info.end]) + 10,
        statuses=project_statuses(site),
    )


#: the explorer's money field: 万元 per unit the reader types (zh 亿元, en CNY million); its presets, in 万元
EXPLORER_UNIT = {"zh": 10000, "en": 100}
EXPLORER_PRESETS = (10000, 100000)
#: the selection CSV's columns, in order (explorer.js writes them; their headings come from the UI strings)
CSV_FIELDS = (
    "id", "seq", "name", "type", "industry", "platform", "township", "location", "start_year", "end_year",
    "total_investment", "plan_investment", "builder", "origin",
)  # fmt: skip


def _csv_headings(site: Site, t: Translator, star: m.StarList | None) -> dict[str, str]:
    headings = {name: t(f"explorer.csv.{name}") for name in CSV_FIELDS}
    if star is not None:
        headings["major"] = star.name[t.lang]
    if project_statuses(site):
        headings["status"] = t("explorer.status")
    return headings


def townships_overview(site: Site, base: c.Page) -> c.TownshipsPage:
    rows = site.plan.all(m.Township)
    kinds = [c.TownshipKindRows(k, [t for t in rows if t.kind == k]) for k in TOWNSHIP_KINDS]
    years = township_years(site.plan)
    main = site.plan.target_year if site.plan.target_year in years else (years[-1] if years else 0)
    return _from(base, c.TownshipsPage, kinds=[k for k in kinds if k.townships], years=years, main_year=main)


def innovation_platforms_overview(site: Site, base: c.Page) -> c.InnovationPlatformsPage:
    return _from(base, c.InnovationPlatformsPage, items=site.plan.all(m.InnovationPlatform))


def _measures(site: Site, base: c.Page, items: list[m.Measure]) -> c.MeasuresPage:
    targets = {item.id: tp.rows_of(site, item, base.address.lang) for item in items}
    return _from(base, c.MeasuresPage, items=items, item_targets=targets)


def reforms_overview(site: Site, base: c.Page) -> c.MeasuresPage:
    return _measures(site, base, list(site.plan.all(m.Reform)))


def policies_overview(site: Site, base: c.Page) -> c.MeasuresPage:
    return _measures(site, base, list(site.plan.all(m.Policy)))


def glossary_overview(site: Site, base: c.Page) -> c.GlossaryPage:
    return _from(base, c.GlossaryPage, terms=site.plan.all(m.Term))


# --- the plan's tables --------------------------------------------------------------------------------


def caption(source: m.SourceDef, lang: str) -> str:
    """``表一 <title>`` / ``Table 1. <title>``: the table's label and its title as printed."""
    if source.title is None:
        return source.label[lang]
    return f"{source.label.zh} {source.title.zh}" if lang == "zh" else f"{source.label['en']}. {source.title['en']}"


def group_table(site: Site, group: m.IndustryGroup, lang: str) -> c.PlanTable:
    source = site.plan.source(group.source.ref)
    rows = site.plan.referring(m.Industry, "group", group.id)
    anchor = source.anchor or f"table-{group.id}"
    return c.PlanTable(anchor, caption(source, lang), "industries", rows, group=group)


def plan_table(site: Site, source: m.SourceDef, anchor: str, lang: str) -> c.PlanTable:
    """The table a chapter's ``[[table:…]]`` block shows (its source says which collection)."""
    plan = site.plan
    name = source.shows or ""
    if name == "industries" and source.group:
        return group_table(site, plan.get(m.IndustryGroup, source.group), lang)
    rows = list(plan.lists.get(name, []))
    years = sorted({p.year for s in rows if isinstance(s, m.Series) for p in s.points})
    return c.PlanTable(anchor, caption(source, lang), name, rows, years=years)


# --- the site's own pages ----------------------------------------------------------------------------


def home_page(site: Site, lang: str) -> c.HomePage:
    plan, t = site.plan, site.t(lang)
    info = plan.info
    counts = {name: len(plan.lists[name]) for name in plan.files}
    base = c.Page(
        site.address(lang, HOME),
        "home",
        info.title[lang],
        plan.meta.site.description[lang].format(**counts),
        [c.Crumb(t("nav.home"), None)],
    )
    platforms_file = plan.file(m.PlatformsFile)
    roles = {r.id: r for r in plan.all(m.PlatformRole)}
    audiences = [name for name in ("plan", "projects") if name == "plan" and site.chapters or plan.has(name)]
    headline = tp.headline_rows(site, lang)
    sections = {r.places[0].source.id for r in headline if r.places}
    return _from(
        base,
        c.HomePage,
        headline=headline,
        headline_source=plan.source(sections.pop()) if len(sections) == 1 else None,
        target_count=len(first_statements(plan)),
        featured=plan.find(m.Indicator, plan.meta.site.featured_indicator),
        industries=plan.all(m.Industry),
        layout=platforms_file.layout if platforms_file else None,
        platforms=[(p, roles[p.layout_role]) for p in plan.all(m.Platform) if roles[p.layout_role].on_home],
        top_projects=site.relations.ranked_projects[:HOME_TOP_PROJECTS],
        project_count=len(plan.all(m.Project)),
        star=site.star(),
        audiences=audiences,
        progress=status_counts(site) if site.progress.present else None,
        progress_recorded=site.progress.recorded,
        commitments=tp.commitment_count(site, lang),
        progress_ended=site.progress.ended,
    )


def overview_page(site: Site, name: str, lang: str) -> c.Page:
    etype = site.type_named(name)
    assert etype is not None and etype.overview is not None
    t = site.t(lang)
    title = t(f"nav.{name}")
    base = _base(site, lang, site.urls.overview(name), "other", title, _described(site, name, t), None)
    page: c.Page = etype.overview.context(site, base)
    return page


def contents_page(site: Site, lang: str) -> c.PlanContentsPage:
    t = site.t(lang)
    chapters = sorted((pair[lang] for pair in site.chapters.values()), key=lambda d: d.order)
    annexes = [
        c.Annex(s, t(f"nav.{s.page}")) for s in site.plan.meta.sources if s.page and s.page in site.urls.overviews
    ]
    base = _base(site, lang, PLAN, "other", t("nav.plan"), t("plan.description"), None)
    editorial = any(d.title_editorial or any(h.editorial for h in d.headings) for d in chapters)
    return _from(base, c.PlanContentsPage, chapters=chapters, annexes=annexes, editorial=editorial)


def data_page(site: Site, lang: str) -> c.DataPage:
    t = site.t(lang)
    collections = []
    for resource in exported(site.plan, site.types):
        note = f"data.note.{resource.name}"
        collections.append(
            c.ExportedCollection(
                resource.name,
                t(f"data.collection.{resource.name}"),
                source_labels(site.plan, site.plan.lists.get(resource.name, []), lang, "、" if lang == "zh" else ", "),
                resource.export.columns(site.plan),
                t(note) if t.has(note) else "",
            )
        )
    base = _base(site, lang, DATA, "other", t("nav.data"), t("data.description"), None)
    return _from(base, c.DataPage, collections=collections, identity=identity(site, lang))


def identity(site: Site, lang: str) -> c.Identity:
    """The plan's identity, the licence of the site's data and the data's release, in ``lang``."""
    info, fmt = site.plan.info, site.fmt(lang)
    licence = site.plan.meta.site.licence
    view = None
    if licence is not None:
        view = c.LicenceView(licence.id, licence.name[lang] if licence.name else licence.id, licence.address)
    release = site.history.current
    return c.Identity(
        issuer=info.issuer[lang] if info.issuer else None,
        issuer_editorial=info.issuer_editorial,
        document_number=info.document_number,
        date_issued=fmt.date(info.date_issued) if info.date_issued else None,
        official_url=info.official_url,
        licence=view,
        version=release.version,
        released=fmt.date(release.date),
        staff_sources=[s for s in site.plan.meta.sources if s.kind == "staff"],
    )


def audit_page(site: Site, lang: str) -> c.AuditPage:
    return auditpage.audit_page(site, lang)


def overall_progress_page(site: Site, lang: str) -> c.ProgressPage:
    """Every target's status (the plan records outcomes in ``outcomes.yaml``)."""
    t = site.t(lang)
    base = _base(site, lang, PROGRESS, "other", t("nav.progress"), t("progress.description"), None)
    return progress_page(site, base)


def search_page(site: Site, lang: str) -> c.SearchPage:
    t = site.t(lang)
    kinds = [e.kind for e in site.types if e.pages and e.kind]
    kinds += ["chapter"] if site.chapters else []
    base = _base(site, lang, SEARCH, "other", t("nav.search"), t("search.description"), None)
    return _from(
        base,
        c.SearchPage,
        kinds=[*kinds, "other"],
        synonyms=synonym_groups(site, lang),
        glossary=glossary_pairs(site),
        indexed=False,
    )


def synonym_groups(site: Site, lang: str) -> list[list[str]]:
    """Words a reader may search for one glossary term by (English only): ``[drone, UAV, unmanned aerial vehicle]``."""
    if lang != "en":
        return []
    return [
        list(dict.fromkeys([t.term.en, *t.forms, *t.synonyms]))
        for t in site.plan.all(m.Term)
        if t.synonyms and " / " not in t.term.en
    ]


def glossary_pairs(site: Site) -> list[tuple[list[str], list[str]]]:
    """Each glossary term's English words (rendering, forms, synonyms) and Chinese forms, for the search page to
    offer a query that found nothing in one language the glossary's words for it in the other."""
    pairs = []
    for term in site.plan.all(m.Term):
        english = list(dict.fromkeys([*term.term.en.split(" / "), *term.forms, *term.synonyms]))
        chinese = [z.strip('“”"') for z in term.term.zh.split(" / ")]
        pairs.append((english, list(dict.fromkeys([*chinese, *(term.zh_forms or [])]))))
    return pairs


def not_found_page(site: Site, lang: str) -> c.NotFoundPage:
    t = site.t(lang)
    return c.NotFoundPage(
        site.address(lang, NOT_FOUND),
        "other",
        t("404.title"),
        t("404.body"),
        indexed=False,
        other_text=site.t(OTHER[lang])("404.other"),
    )


def _chapter_blocks(site: Site, doc: Document, lang: str) -> tuple[dict[str, c.PlanTable], dict[str, c.LostFigure]]:
    tables, lost = {}, {}
    by_anchor = {s.anchor: s for s in site.plan.meta.sources if s.chapter == doc.id and s.anchor}
    for block in doc.blocks:
        source = by_anchor.get(block.anchor)
        if source is None:
            continue
        if block.kind == "table":
            tables[block.anchor] = plan_table(site, source, block.anchor, lang)
        elif block.kind == "figure" and source.see:
            lost[block.anchor] = c.LostFigure(f"{source.label[lang]}{_quoted(source.title, lang)}", source.see)
    return tables, lost


def _quoted(title: m.Text | None, lang: str) -> str:
    if title is None:
        return ""
    return f"“{title.zh}”" if lang == "zh" else f", {title.en},"


def _chapter_plans(site: Site, lang: str) -> list[PagePlan]:
    """Each chapter's page and its side-by-side copy."""
    ordered = sorted(site.chapters.values(), key=lambda pair: pair["zh"].order)
    return [
        PagePlan(
            site.urls.chapter(pair[lang].id, bilingual),
            functools.partial(_chapter_page, site, lang, ordered, i, bilingual),
        )
        for i, pair in enumerate(ordered)
        for bilingual in (False, True)
    ]


def _chapter_page(site: Site, lang: str, ordered: list[dict[str, Document]], i: int, bilingual: bool) -> c.ChapterPage:
    t = site.t(lang)
    pair = ordered[i]
    doc, other = pair[lang], pair[OTHER[lang]]
    prev = ordered[i - 1][lang] if i else None
    nxt = ordered[i + 1][lang] if i + 1 < len(ordered) else None
    tables, lost = _chapter_blocks(site, pair["zh"], lang)
    targets = tp.paragraph_rows(site, doc.id, lang) if site.plan.has("targets") else {}
    title = doc.full_title + (f" · {t('chapter.bilingual')}" if bilingual else "")
    crumbs = [c.Crumb(t("nav.home"), HOME), c.Crumb(t("nav.plan"), PLAN), c.Crumb(doc.full_title, None)]
    address = site.address(lang, site.urls.chapter(doc.id, bilingual))
    return c.ChapterPage(
        address,
        "chapter",
        title,
        t("chapter.description", title=doc.full_title),
        crumbs,
        tables=tables,
        paragraph_targets=targets,
        lost=lost,
        doc=doc,
        other=other,
        bilingual=bilingual,
        editorial=doc.title_editorial or any(b.editorial for b in doc.blocks),
        indexed=not bilingual,  # one search result per chapter: the side-by-side copy is not indexed
        prev=prev,
        next=nxt,
        glossed=_glossed(site, [doc, other] if bilingual else [doc], address),
    )


def _glossed(site: Site, docs: list[Document], address: PageAddress) -> dict[tuple[str, str], Markup]:
    """Each text block of ``docs`` with the glossary terms linked at their first use in the chapter."""
    out: dict[tuple[str, str], Markup] = {}
    for doc in docs:
        glosser, seen = site.glosser(doc.lang), set[str]()
        if glosser is None:  # the plan has no glossary
            continue
        href = address.overview("glossary")
        for block in doc.blocks:
            if block.kind == "para":
                out[(doc.lang, block.anchor)] = glosser.link_html(block.html, seen, href)
    return out


def _doc_page(site: Site, lang: str, pair: dict[str, Document]) -> c.DocumentPage:
    doc = pair[lang]
    return c.DocumentPage(
        site.address(lang, site.urls.doc(doc.id)),
        "other",
        doc.title,
        doc.title,
        _crumbs(site, lang, None, doc.title),
        doc=doc,
        other=pair[OTHER[lang]],
        identity=identity(site, lang) if doc.id == ABOUT else None,
    )


@dataclass(frozen=True)
class PagePlan:
    """A page of the site before it is made: its path, and how to make it."""

    path: str
    make: Callable[[], c.Page]


def page_plans(site: Site, lang: str) -> list[PagePlan]:
    """Every page of one language, in the site's order: home, overviews, the site's own pages, entity pages,
    chapters, about pages, the change history. Nothing is made yet: the dev server makes only the pages open in
    the browser, and a build makes each language's pages in its rendering worker (the paths alone give the
    sitemap and the page counts)."""
    t = site.t(lang)
    plans = [PagePlan(HOME, functools.partial(home_page, site, lang))]
    plans += [
        PagePlan(site.urls.overview(e.name), functools.partial(overview_page, site, e.name, lang))
        for e in site.types
        if e.overview
    ]
    plans += [
        PagePlan(PLAN, functools.partial(contents_page, site, lang)),
        PagePlan(DATA, functools.partial(data_page, site, lang)),
        PagePlan(AUDIT, functools.partial(audit_page, site, lang)),
        PagePlan(SEARCH, functools.partial(search_page, site, lang)),
    ]
    if site.progress.present:
        plans.append(PagePlan(PROGRESS, functools.partial(overall_progress_page, site, lang)))
    for etype in site.types:
        if etype.pages:
            for record in site.plan.lists[etype.name]:
                make = functools.partial(_entity_page, site, etype.pages, record, lang, t)
                plans.append(PagePlan(site.urls.of(record), make))
    plans += _chapter_plans(site, lang)
    plans += [
        PagePlan(site.urls.doc(pair[lang].id), functools.partial(_doc_page, site, lang, pair))
        for pair in site.docs.values()
    ]
    plans.append(PagePlan(CHANGES, functools.partial(changes_page, site, lang)))
    return plans


def all_pages(site: Site, lang: str, wanted: Callable[[PagePlan], bool] | None = None) -> list[c.Page]:
    """The pages of one language (those ``wanted``, or all), made, each with its citation."""
    made = [plan.make() for plan in page_plans(site, lang) if wanted is None or wanted(plan)]
    return [replace(page, citation=citation(site, page)) for page in made]


def _entity_page(site: Site, pages: EntityPages[Site, Any, Any], record: Any, lang: str, t: Translator) -> c.Page:
    page: c.Page = pages.context(site, record, lang, t)
    return page
