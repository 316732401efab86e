"""Link stage: the references the descriptors declare, made navigable in both directions, and the rankings
the pages share — computed once per build.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .descriptor import EntityType
from .model import records as m
from .model.plan import Plan


def link_plan(plan: Plan, types: Sequence[EntityType]) -> None:
    """Record every id reference of the plan's records so that ``plan.referring`` answers the reverse question."""
    for etype in types:
        if not plan.has(etype.name):
            continue
        model = plan.files[etype.name]
        for ref in etype.refs:
            for record in getattr(model, ref.key):
                value = getattr(record, ref.field)
                for ident in value if isinstance(value, list) else [value]:
                    if ident is not None:
                        plan.link(record, ref.field, ident)


@dataclass
class Relations:
    """Rankings and sums over the plan's projects and industries (largest first)."""

    plan: Plan
    total_investment_wan: float = 0.0
    ranked_projects: list[m.Project] = field(default_factory=list)  # largest total investment first
    project_rank: dict[str, int] = field(default_factory=dict)  # 1 = largest; projects with an investment only
    ranked_industries: list[m.Industry] = field(default_factory=list)  # largest target-year output first

    def platform_projects(self, platform: m.Platform) -> list[m.Project]:
        """The projects of a platform and of the platforms directly within it."""
        own = list(self.plan.referring(m.Project, "platform", platform.id))
        for child in self.plan.referring(m.Platform, "parent", platform.id):
            own += self.plan.referring(m.Project, "platform", child.id)
        return sorted(own, key=lambda p: p.seq)

    def platform_investment_wan(self, platform: m.Platform) -> float:
        return investment_sum(self.platform_projects(platform))


def build_relations(plan: Plan) -> Relations:
    projects = plan.all(m.Project)
    rel = Relations(plan, total_investment_wan=investment_sum(projects))
    rel.ranked_projects = sorted(projects, key=lambda p: -(p.total_investment_wan or 0))
    rel.project_rank = {p.id: n for n, p in enumerate(rel.ranked_projects, 1) if p.total_investment_wan}
    target = plan.target_year
    rel.ranked_industries = sorted(plan.all(m.Industry), key=lambda i: -(i.output.get(target) or 0))
    return rel


def investment_sum(projects: list[m.Project]) -> float:
    return sum(p.total_investment_wan or 0 for p in projects)
