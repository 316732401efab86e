"""The seams are typed: a descriptor whose functions do not fit each other — a page context of another type, a
chart maker of another page, a goal of another record — is a type error (mypy --strict, as ``make lint`` runs it),
not a build that fails later or draws the wrong chart."""

from __future__ import annotations

import os
import re
from pathlib import Path

from conftest import ROOT
from mypy import api

HEADER = """\
from typing import Any
from plugins.plan_explorer.charts import entity as ec
from plugins.plan_explorer.charts import overviews as oc
from plugins.plan_explorer.descriptor import EntityType, entity_pages, overview_page
from plugins.plan_explorer.model import records as m
from plugins.plan_explorer.outcomes import goals as og
from plugins.plan_explorer.site import contexts as c
from plugins.plan_explorer.site import pages as p
from plugins.plan_explorer.site.state import Site
"""
RIGHT = """\
right = (
    EntityType("industries", m.IndustriesFile, "industries", m.Industry, "industry",
               pages=entity_pages(c.IndustryPage, p.industry_page, ec.industry_charts),
               overview=overview_page(c.IndustriesPage, p.industries_overview, "main", oc.industries_charts),
               goal=og.industry_goal),
)
types: tuple[EntityType[Site, Any], ...] = right
"""
#: one wrong descriptor a line: each must be an error on its own line
WRONG = {
    "chart maker of another page": "entity_pages(c.IndustryPage, p.industry_page, ec.indicator_charts)",
    "context of another page": "entity_pages(c.IndustryPage, p.project_page, ec.industry_charts)",
    "page class of another page": "entity_pages(c.ProjectPage, p.industry_page, ec.industry_charts)",
    "overview chart maker": 'overview_page(c.ProjectsPage, p.projects_overview, "main", oc.platforms_charts)',
    "pages of another record": '(EntityType("industries", m.IndustriesFile, "industries", m.Industry, "industry",'
    " pages=entity_pages(c.IndicatorPage, p.indicator_page, ec.indicator_charts)),)",
    "goal of another record": '(EntityType("townships", m.TownshipsFile, "townships", m.Township, "township",'
    " goal=og.industry_goal),)",
}


def mypy_errors(module: Path) -> list[str]:
    os.environ.setdefault("MYPYPATH", str(ROOT))
    stdout, stderr, _ = api.run(
        [str(module), "--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(ROOT / ".mypy_cache")]
    )
    assert not stderr, stderr
    return [line for line in stdout.splitlines() if ": error:" in line]


def test_mypy_rejects_a_descriptor_whose_functions_do_not_fit(tmp_path: Path) -> None:
    lines = [HEADER, RIGHT, *(f"wrong_{i} = {code}  # {why}\n" for i, (why, code) in enumerate(WRONG.items()))]
    module = tmp_path / "descriptors.py"
    module.write_text("".join(lines), encoding="utf-8")
    first_wrong = "".join([HEADER, RIGHT]).count("\n") + 1
    errors = mypy_errors(module)
    flagged = {int(m.group(1)) for e in errors if (m := re.search(r"descriptors\.py:(\d+):", e))}
    assert flagged == set(range(first_wrong, first_wrong + len(WRONG))), errors
