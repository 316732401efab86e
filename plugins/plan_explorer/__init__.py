"""plan explorer: a Pelican plugin that builds the bilingual plan site from data/*.yaml."""

from __future__ import annotations

from pelican import signals


def get_generators(_pelican: object) -> type:
    from .generator import PlanSiteGenerator

    return PlanSiteGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
