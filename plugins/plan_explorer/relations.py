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
    tied_ranks: set[int] = field(default_factory=set)  # ranks two or more projects share (equal investment)
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
    rel.project_rank, rel.tied_ranks = competition_ranks(rel.ranked_projects)
    target = plan.target_year
    rel.ranked_industries = sorted(plan.all(m.Industry), key=lambda i: -(i.output.get(target) or 0))
    return rel


def competition_ranks(ranked: list[m.Project]) -> tuple[dict[str, int], set[int]]:
    """Ranks as sport gives them (1, 2, =3, =3, 5): equal investments share a rank, which is then a tie."""
    ranks: dict[str, int] = {}
    counts: dict[int, int] = {}
    previous: float | None = None
    for n, project in enumerate(ranked, 1):
        if not project.total_investment_wan:
            continue
        rank = ranks[ranked[n - 2].id] if n > 1 and project.total_investment_wan == previous else n
        ranks[project.id] = rank
        counts[rank] = counts.get(rank, 0) + 1
        previous = project.total_investment_wan
    return ranks, {rank for rank, k in counts.items() if k > 1}


def investment_sum(projects: list[m.Project]) -> float:
    return sum(p.total_investment_wan or 0 for p in projects)
