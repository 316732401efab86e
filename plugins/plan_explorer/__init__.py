"""plan explorer: a Pelican plugin that builds the bilingual plan site from data/*.yaml."""

from __future__ import annotations


def get_generators(_pelican: object) -> type:
    from .generator import PlanSiteGenerator

    return PlanSiteGenerator


def register() -> None:
    from pelican import signals  # imported here: the command line starts vl-convert before Pelican loads

    signals.get_generators.connect(get_generators)
