"""Build the context object of every page of one language (no rendering here)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from . import contexts as c
from .audit import Audit
from .chapters import Document
from .datamodel import Plan
from .i18n import Translator
from .numfmt import implied_growth
from .relations import Relations, investment_sum
from .site import PageAddress


@dataclass
class SiteData:
    """Everything a build knows, shared by the pages of both languages."""

    plan: Plan
    relations: Relations
    audit: Audit
    chapters: dict[str, dict[str, Document]]
    pages: dict[str, dict[str, Document]]
    siteurl: str = ""

    def actuals_for(self, target: str) -> list:
        return sorted((a for a in self.plan.actuals.actuals if a.target == target), key=lambda a: a.year)


def _crumbs(t: Translator, section: str | None, title: str) -> list[c.Crumb]:
    crumbs = [c.Crumb(t("nav.home"), "")]
    if section:
        crumbs.append(c.Crumb(t(f"nav.{section.rstrip('/').replace('-', '_')}"), section))
    crumbs.append(c.Crumb(title, None))
    return crumbs


def overview_pages(site: SiteData, lang: str, t: Translator) -> Iterator[c.Page]:
    plan, rel = site.plan, site.relations
    addr = lambda path: PageAddress(lang, path, site.siteurl)  # noqa: E731
    top = sorted(plan.projects.projects, key=lambda p: -(p.total_investment_wan or 0))[:6]
    yield c.HomePage(
        addr(""),
        "home",
        plan.plan.plan.title[lang],
        t("home.description"),
        [c.Crumb(t("nav.home"), None)],
        targets=plan.plan.plan.targets,
        top_projects=top,
    )
    lists = {
        "indicators/": (plan.indicators.indicators, {"groups": plan.indicators.groups}),
        "industries/": (plan.industries.industries, {"groups": plan.industries.groups}),
        "platforms/": (plan.platforms.platforms, {}),
        "projects/": (plan.projects.projects, {"total_wan": rel.total_investment_wan}),
        "townships/": (plan.townships.townships, {}),
        "innovation-platforms/": (plan.innovation_platforms.innovation_platforms, {}),
        "reforms/": (plan.reforms.reforms, {}),
        "policies/": (plan.policies.policies, {}),
        "glossary/": (plan.glossary.terms, {}),
        "plan/": (
            [site.chapters[k][lang] for k in sorted(site.chapters, key=lambda k: site.chapters[k][lang].order)],
            {},
        ),
        "data/": ([], {}),
        "audit/": (site.audit.findings, {"by_rule": site.audit.by_rule(), "counts": site.audit.counts()}),
        "search/": ([], {}),
    }
    for path, (items, extra) in lists.items():
        key = path.rstrip("/").replace("-", "_")
        title = t(f"nav.{key}")
        yield c.ListPage(
            addr(path), "other", title, t(f"{key}.description"), _crumbs(t, None, title), items=list(items), extra=extra
        )


def indicator_pages(site: SiteData, lang: str, t: Translator) -> Iterator[c.Page]:
    plan = site.plan
    for ind in plan.indicators.indicators:
        yield c.IndicatorPage(
            PageAddress(lang, f"indicators/{ind.id}/", site.siteurl),
            "indicator",
            ind.name[lang],
            t("indicator.description", name=ind.name[lang]),
            _crumbs(t, "indicators/", ind.name[lang]),
            findings=site.audit.for_entity("indicators", ind.id),
            indicator=ind,
            group=plan.get("indicator-groups", ind.group),
            implied_growth=implied_growth(ind.value_2020, ind.value_2025, 5),
            actuals=site.actuals_for(f"indicators/{ind.id}"),
        )


def industry_pages(site: SiteData, lang: str, t: Translator) -> Iterator[c.Page]:
    plan, rel = site.plan, site.relations
    total_2025 = sum(i.output_2025 or 0 for i in plan.industries.industries)
    for ind in plan.industries.industries:
        projects = rel.projects_by_industry.get(ind.id, [])
        yield c.IndustryPage(
            PageAddress(lang, f"industries/{ind.id}/", site.siteurl),
            "industry",
            ind.name[lang],
            t("industry.description", name=ind.name[lang]),
            _crumbs(t, "industries/", ind.name[lang]),
            findings=site.audit.for_entity("industries", ind.id),
            industry=ind,
            group=plan.get("industry-groups", ind.group),
            implied_growth=implied_growth(ind.output_2020, ind.output_2025, 5),
            share_2025=(ind.output_2025 / total_2025 * 100) if ind.output_2025 and total_2025 else None,
            platforms=rel.platforms_by_industry.get(ind.id, []),
            projects=projects,
            investment_wan=investment_sum(projects),
            actuals=site.actuals_for(f"industries/{ind.id}"),
        )


def platform_pages(site: SiteData, lang: str, t: Translator) -> Iterator[c.Page]:
    plan, rel = site.plan, site.relations
    for pf in plan.platforms.platforms:
        projects = rel.platform_projects(pf.id)
        townships = sorted({p.township for p in projects if p.township})
        yield c.PlatformPage(
            PageAddress(lang, f"platforms/{pf.id}/", site.siteurl),
            "platform",
            pf.name[lang],
            t("platform.description", name=pf.name[lang]),
            _crumbs(t, "platforms/", pf.name[lang]),
            findings=site.audit.for_entity("platforms", pf.id),
            platform=pf,
            parent=plan.get("platforms", pf.parent) if pf.parent else None,
            children=rel.children_of_platform.get(pf.id, []),
            industries=[plan.get("industries", i) for i in pf.focus_industries],
            projects=projects,
            investment_wan=investment_sum(projects),
            townships=[plan.get("townships", i) for i in townships],
            zone=rel.zone_of_platform.get(pf.id),
        )


def project_pages(site: SiteData, lang: str, t: Translator) -> Iterator[c.Page]:
    plan, rel = site.plan, site.relations
    for pr in plan.projects.projects:
        share = (pr.total_investment_wan / rel.total_investment_wan * 100) if pr.total_investment_wan else None
        industry = plan.get("industries", pr.industry) if pr.industry else None
        platform = plan.get("platforms", pr.platform) if pr.platform else None
        filters = {
            "industry": industry.name[lang] if industry else t("common.none"),
            "platform": platform.name[lang] if platform else t("common.none"),
            "location": pr.location[lang],
        }
        yield c.ProjectPage(
            PageAddress(lang, f"projects/{pr.id}/", site.siteurl),
            "project",
            pr.name[lang],
            pr.summary[lang],
            _crumbs(t, "projects/", pr.name[lang]),
            findings=site.audit.for_entity("projects", pr.id),
            search_filters=filters,
            project=pr,
            industry=industry,
            platform=platform,
            township=plan.get("townships", pr.township) if pr.township else None,
            share=share,
            rank=rel.project_rank.get(pr.id),
        )


def township_pages(site: SiteData, lang: str, t: Translator) -> Iterator[c.Page]:
    plan, rel = site.plan, site.relations
    for tw in plan.townships.townships:
        yield c.TownshipPage(
            PageAddress(lang, f"townships/{tw.id}/", site.siteurl),
            "township",
            tw.name[lang],
            t("township.description", name=tw.name[lang]),
            _crumbs(t, "townships/", tw.name[lang]),
            findings=site.audit.for_entity("townships", tw.id),
            township=tw,
            projects=rel.projects_by_township.get(tw.id, []),
            platform=plan.get("platforms", tw.platform) if tw.platform else None,
            growth=implied_growth(tw.output.get(2020), tw.output.get(2025), 5),
            actuals=site.actuals_for(f"townships/{tw.id}"),
        )


def chapter_pages(site: SiteData, lang: str, t: Translator) -> Iterator[c.Page]:
    ordered = sorted(site.chapters.values(), key=lambda pair: pair["zh"].order)
    for i, pair in enumerate(ordered):
        doc, other = pair[lang], pair["en" if lang == "zh" else "zh"]
        prev = ordered[i - 1][lang] if i else None
        nxt = ordered[i + 1][lang] if i + 1 < len(ordered) else None
        for bilingual in (False, True):
            path = f"plan/{doc.id}/" + ("bilingual/" if bilingual else "")
            title = doc.full_title + (f" · {t('chapter.bilingual')}" if bilingual else "")
            crumbs = [c.Crumb(t("nav.home"), ""), c.Crumb(t("nav.plan"), "plan/"), c.Crumb(doc.full_title, None)]
            yield c.ChapterPage(
                PageAddress(lang, path, site.siteurl),
                "chapter",
                title,
                t("chapter.description", title=doc.full_title),
                crumbs,
                doc=doc,
                other=other,
                bilingual=bilingual,
                prev=prev,
                next=nxt,
            )
    for pair in site.pages.values():
        doc = pair[lang]
        yield c.ChapterPage(
            PageAddress(lang, f"{doc.id}/", site.siteurl),
            "other",
            doc.title,
            doc.title,
            _crumbs(t, None, doc.title),
            doc=doc,
            other=pair["en" if lang == "zh" else "zh"],
        )


BUILDERS = (
    overview_pages,
    indicator_pages,
    industry_pages,
    platform_pages,
    project_pages,
    township_pages,
    chapter_pages,
)


def all_pages(site: SiteData, lang: str, t: Translator) -> list[c.Page]:
    return [page for build in BUILDERS for page in build(site, lang, t)]
