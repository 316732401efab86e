"""Derived links between entities, computed once per build (both directions)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from . import models as m
from .datamodel import Plan


@dataclass
class Relations:
    projects_by_industry: dict[str, list[m.Project]] = field(default_factory=lambda: defaultdict(list))
    projects_by_platform: dict[str, list[m.Project]] = field(default_factory=lambda: defaultdict(list))
    projects_by_township: dict[str, list[m.Project]] = field(default_factory=lambda: defaultdict(list))
    platforms_by_industry: dict[str, list[m.Platform]] = field(default_factory=lambda: defaultdict(list))
    children_of_platform: dict[str, list[m.Platform]] = field(default_factory=lambda: defaultdict(list))
    zone_of_platform: dict[str, m.Township] = field(default_factory=dict)
    total_investment_wan: float = 0.0
    ranked_projects: list[m.Project] = field(default_factory=list)  # largest total investment first
    project_rank: dict[str, int] = field(default_factory=dict)  # 1 = largest; projects with an investment only
    ranked_industries: list[m.Industry] = field(default_factory=list)  # largest 2025 target first

    def platform_projects(self, platform_id: str) -> list[m.Project]:
        """The projects of a platform and of the platforms within it."""
        own = list(self.projects_by_platform.get(platform_id, []))
        for child in self.children_of_platform.get(platform_id, []):
            own += self.projects_by_platform.get(child.id, [])
        return sorted(own, key=lambda p: p.seq)

    def platform_investment_wan(self, platform_id: str) -> float:
        return investment_sum(self.platform_projects(platform_id))


def build_relations(plan: Plan) -> Relations:
    rel = Relations()
    for project in plan.projects.projects:
        if project.industry:
            rel.projects_by_industry[project.industry].append(project)
        if project.platform:
            rel.projects_by_platform[project.platform].append(project)
        if project.township:
            rel.projects_by_township[project.township].append(project)
        rel.total_investment_wan += project.total_investment_wan or 0
    for platform in plan.platforms.platforms:
        for industry in platform.focus_industries:
            rel.platforms_by_industry[industry].append(platform)
        if platform.parent:
            rel.children_of_platform[platform.parent].append(platform)
    for township in plan.townships.townships:
        if township.platform:
            rel.zone_of_platform[township.platform] = township
    rel.ranked_projects = sorted(plan.projects.projects, key=lambda p: -(p.total_investment_wan or 0))
    rel.project_rank = {p.id: n for n, p in enumerate(rel.ranked_projects, 1) if p.total_investment_wan}
    rel.ranked_industries = sorted(plan.industries.industries, key=lambda i: -(i.output_2025 or 0))
    return rel


def investment_sum(projects: list[m.Project]) -> float:
    return sum(p.total_investment_wan or 0 for p in projects)
