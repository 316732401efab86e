"""Property tests over the data model: any valid generated plan loads, audits, exports, lays out its pages and
renders them with their charts; any invalid one fails with clear file:line messages, never a traceback."""

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
from plugins.plan_explorer.charts.render import ChartRenderer
from plugins.plan_explorer.charts.rows import CHART_MAX_ROWS
from plugins.plan_explorer.entities import CHART_MAKERS, ENTITY_TYPES
from plugins.plan_explorer.errors import DataError, ProblemLog
from plugins.plan_explorer.export import export_files
from plugins.plan_explorer.i18n import load_catalogue
from plugins.plan_explorer.model import records as m
from plugins.plan_explorer.pipeline import Theme, write_pages
from plugins.plan_explorer.relations import build_relations
from plugins.plan_explorer.site.pages import all_pages
from plugins.plan_explorer.site.state import Site
from plugins.plan_explorer.site.urls import output_name

BASE = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (FIXTURES / "plan" / "data").glob("*.yaml")}
CATALOGUE = load_catalogue(ROOT / "theme" / "i18n.yaml", ProblemLog())
LINE = re.compile(r"^data/[a-z_]+\.yaml:\d+: \S.*: .+$|^data/[a-z_]+\.yaml: \(file\): .+$")

texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(str.strip)
#: figures as a plan prints them: up to four decimals (not 1e-308, whose growth to any figure overflows a float)
figures = st.floats(min_value=0, max_value=1e7, allow_nan=False, allow_infinity=False).map(lambda v: round(v, 4))
amounts = st.one_of(st.none(), figures)
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
    townships = files["townships.yaml"]["townships"]
    # a few rows, or more than a chart shows (CHART_MAX_ROWS), "—" figures among them
    extra = draw(st.sampled_from([0, 2, CHART_MAX_ROWS + 1]))
    last = max(tw["source"]["row"] for tw in townships)
    townships += [
        {
            "id": f"town-{i}",
            "seq": len(townships) + i + 1,
            "name": {"zh": f"镇{i}", "en": f"Town {i}"},
            "kind": draw(st.sampled_from(["township", "zone", "enterprise", "utility"])),
            "output": {},
            "source": {"ref": "annex1", "row": last + i + 1},
        }
        for i in range(extra)
    ]
    for township in townships:
        township["output"] = {y: draw(amounts) for y in (2020, 2025)}
    return files


THEME = Theme(ROOT / "theme", {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True})


def site_of(files: dict[str, Any], folder: Path) -> Site:
    plan = load_data(write(files, folder / "data"))
    types = [t for t in ENTITY_TYPES if plan.has(t.name)]
    return Site(plan, build_relations(plan), run_audit(plan), {}, {}, types, CATALOGUE)


def _townships_stated(site: Site) -> bool:
    return any(v is not None for tw in site.plan.all(m.Township) if tw.kind != "total" for v in tw.output.values())


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_plans())
def test_any_valid_plan_loads_audits_exports_lays_out_and_charts(files: dict[str, Any]) -> None:
    """Every stage after the checks but the templates: a plan ``make check`` accepts gets its export, its pages
    and every chart its pages have (no valid figure — none, zero, more rows than a chart shows — fails a chart)."""
    with tempfile.TemporaryDirectory() as tmp:
        site = site_of(files, Path(tmp))
        export_files(site.plan, ENTITY_TYPES)
        charts, ids = ChartRenderer(Path(tmp) / "charts"), set()
        for lang in ("zh", "en"):
            pages = all_pages(site, lang)
            assert pages
            for page in pages:
                if maker := CHART_MAKERS.get(type(page)):
                    ids |= {chart.id for chart in charts.charts_for(page, site, site.t(lang), site.fmt(lang), maker)}
        assert charts.service.idle and charts.drawn == charts.charts > 0  # every chart drawn in Python
        assert ("chart-townships" in ids) == _townships_stated(site)  # drawn whenever a row states a figure


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_plans())
def test_any_valid_plan_renders_every_page_with_its_charts(files: dict[str, Any]) -> None:
    """The templates too, on fewer plans (rendering every page is the slow part): a plan that ``make check``
    accepts builds."""
    with tempfile.TemporaryDirectory() as tmp:
        site = site_of(files, Path(tmp))
        names = {output_name(lang, page.address.path) for lang in ("zh", "en") for page in all_pages(site, lang)}
        written = write_pages(site, Path(tmp) / "output", THEME, Path(tmp) / "cache", names)
        assert set(written) == names
        townships = (Path(tmp) / "output" / "townships" / "index.html").read_text(encoding="utf-8")
        assert ('id="chart-townships"' in townships) == _townships_stated(site)


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
        ("projects.yaml", "projects", "name", {"en": "no Chinese"}),  # English is optional, Chinese never
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
