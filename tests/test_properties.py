"""Property tests over the data model: any valid generated plan loads, audits, exports and lays out its pages;
any invalid one fails with clear file:line messages, never a traceback."""

from __future__ import annotations

import copy
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from conftest import FIXTURES, ROOT, load_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugins.plan_explorer.audit import run_audit
from plugins.plan_explorer.entities import ENTITY_TYPES
from plugins.plan_explorer.errors import DataError, ProblemLog
from plugins.plan_explorer.export import export_files
from plugins.plan_explorer.i18n import load_catalogue
from plugins.plan_explorer.relations import build_relations
from plugins.plan_explorer.site.pages import all_pages
from plugins.plan_explorer.site.state import Site

BASE = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (FIXTURES / "plan" / "data").glob("*.yaml")}
CATALOGUE = load_catalogue(ROOT / "theme" / "i18n.yaml", ProblemLog())
LINE = re.compile(r"^data/[a-z_]+\.yaml:\d+: \S.*: .+$|^data/[a-z_]+\.yaml: \(file\): .+$")

texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(str.strip)
amounts = st.one_of(st.none(), st.floats(min_value=0, max_value=1e7, allow_nan=False, allow_infinity=False))
years = st.integers(min_value=2000, max_value=2040)  # project periods may lie anywhere


def write(files: dict[str, Any], folder: Path) -> Path:
    shutil.copytree(FIXTURES / "plan" / "data" / "source", folder / "source")  # the sources' text copies
    folder.mkdir(parents=True, exist_ok=True)
    for name, doc in files.items():
        (folder / name).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


@st.composite
def valid_plans(draw: st.DrawFn) -> dict[str, Any]:
    files = copy.deepcopy(BASE)
    for project in files["projects.yaml"]["projects"]:
        project["name"] = {"zh": draw(texts), "en": draw(texts)}
        project["total_investment_wan"] = draw(amounts)
        project["plan_investment_wan"] = draw(amounts)
        start = draw(years)
        project["period"] = draw(
            st.one_of(st.none(), st.just({"start": start, "end": start + draw(st.integers(0, 9))}))
        )
    for industry in files["industries.yaml"]["industries"]:
        industry["output"] = {2020: draw(amounts), 2025: draw(amounts)}
        industry["growth_stated"] = draw(st.one_of(st.none(), st.floats(-50, 300, allow_nan=False)))
    for township in files["townships.yaml"]["townships"]:
        township["output"] = {y: draw(st.floats(0, 1e5, allow_nan=False)) for y in (2020, 2025)}
    return files


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_plans())
def test_any_valid_plan_loads_audits_exports_and_lays_out(files: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plan = load_data(write(files, Path(tmp) / "data"))
        audit = run_audit(plan)
        export_files(plan, ENTITY_TYPES)
        types = [t for t in ENTITY_TYPES if plan.has(t.name)]
        site = Site(plan, build_relations(plan), audit, {}, {}, types, CATALOGUE)
        for lang in ("zh", "en"):
            assert all_pages(site, lang)


def test_a_page_made_alone_is_the_page_made_with_all_the_others() -> None:
    """The dev server makes only the pages open in the browser: each must come out as in the whole site."""
    with tempfile.TemporaryDirectory() as tmp:
        plan = load_data(write(copy.deepcopy(BASE), Path(tmp) / "data"))
        types = [t for t in ENTITY_TYPES if plan.has(t.name)]
        site = Site(plan, build_relations(plan), run_audit(plan), {}, {}, types, CATALOGUE)
        for lang in ("zh", "en"):
            everything = all_pages(site, lang)
            assert len({page.address.path for page in everything}) == len(everything)
            for page in everything:
                alone = all_pages(site, lang, lambda plan, wanted=page.address.path: plan.path == wanted)
                assert [(p.address.path, p.title, p.template) for p in alone] == [
                    (page.address.path, page.title, page.template)
                ]


MUTATIONS = st.sampled_from(
    [
        ("projects.yaml", "projects", "total_investment_wan", "many"),
        ("projects.yaml", "projects", "total_investment_wan", -5),
        ("projects.yaml", "projects", "seq", 0),
        ("projects.yaml", "projects", "name", {"zh": "名"}),
        ("projects.yaml", "projects", "industry", "no-such-industry"),
        ("projects.yaml", "projects", "type", "someday"),
        ("projects.yaml", "projects", "period", {"start": 2025, "end": 2020}),
        ("industries.yaml", "industries", "output", [1, 2]),
        ("industries.yaml", "industries", "output", {2031: 5}),
        ("townships.yaml", "townships", "kind", "county"),
        ("platforms.yaml", "platforms", "parent", "nowhere"),
        ("indicators.yaml", "indicators", "nature", "optional"),
        ("projects.yaml", "projects", "id", "Not An Id"),
        ("projects.yaml", "projects", "colour", "red"),
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MUTATIONS, st.integers(min_value=0, max_value=10))
def test_any_invalid_plan_fails_with_clear_messages(mutation: tuple[str, str, str, Any], index: int) -> None:
    filename, key, field, value = mutation
    files = copy.deepcopy(BASE)
    records = files[filename][key]
    records[index % len(records)][field] = value
    with tempfile.TemporaryDirectory() as tmp:
        try:
            load_data(write(files, Path(tmp) / "data"))
        except DataError as exc:
            messages = [str(p) for p in exc.problems]
        else:
            raise AssertionError(f"{mutation} was accepted")
    assert messages and all(LINE.match(m) for m in messages), messages
    assert any(m.startswith(f"data/{filename}:") for m in messages), messages
