"""A field carries its meaning: a new entity type registered here — a model with a 万元 field, a descriptor, its
words in the catalogue, nothing else — gets a right change history (and feed), export and page, in the reader's
units; a unit the registry lacks, a field without a label and a category outside its list are data errors."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Annotated, Literal

import pytest
from conftest import FIXTURES, copy_project
from test_changes import git, text_of

from plugins.plan_explorer import export as x
from plugins.plan_explorer.descriptor import EntityType, Export, Ref, entity_pages
from plugins.plan_explorer.entities import ENTITY_TYPES
from plugins.plan_explorer.errors import DataError
from plugins.plan_explorer.model import records as m
from plugins.plan_explorer.model.meaning import Categories, Quantity, required_keys
from plugins.plan_explorer.pipeline import Theme, build_site, load_site
from plugins.plan_explorer.site import contexts as c
from plugins.plan_explorer.site import pages as p

JINJA = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}


class Grant(m.Model):
    """A synthetic record type: a grant to a project, its amount in 万元 as a plan would print it."""

    id: m.Id
    seq: m.Seq
    name: m.Text
    funds: Annotated[m.Amount | None, Quantity("万元")]
    stage: Annotated[Literal["approved", "paid"], Categories("grant.stage")]
    project: m.Id | None = None
    source: m.Source


class GrantsFile(m.Collection):
    grants: list[Grant]


GRANTS = EntityType(
    "grants",
    GrantsFile,
    "grants",
    Grant,
    "grant",
    refs=(Ref("grants", "project", "projects"),),
    pages=entity_pages(c.RecordPage, p.record_page),
    export=Export(
        x.titled(Grant, "grants"), x.model_columns(Grant), lambda plan: list(plan.all(Grant)), x.dumped(Grant)
    ),
)
TYPES = (*ENTITY_TYPES, GRANTS)

#: the words the type needs, and nothing else of the generator changed
WORDS = """
changes.subject.grants: {zh: 补助, en: grant}
changes.subjects.grants: {zh: 补助资金, en: Grants}
data.collection.grants: {zh: 补助资金, en: Grants}
changes.field.funds: {zh: 补助金额, en: grant amount}
changes.field.stage: {zh: 阶段, en: stage}
grant.stage.approved: {zh: 已批准, en: approved}
grant.stage.paid: {zh: 已拨付, en: paid}
"""
GRANTS_YAML = """grants:
  - id: big-grant
    seq: 1
    name: {zh: 大额补助, en: Large grant}
    funds: 350000
    stage: approved
    project: rubber-plant
    source: {ref: annex2}
  - id: small-grant
    seq: 2
    name: {zh: 小额补助, en: Small grant}
    funds: 5000
    stage: paid
    source: {ref: annex2}
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture plan with a grants file, in git: a first release, then a second that changes a grant's amount
    and stage (the theme copy holds the type's words)."""
    plan = FIXTURES / "plan"
    root = copy_project(tmp_path_factory.mktemp("meaning") / "project", plan / "data", plan / "content")
    with (root / "theme" / "i18n.yaml").open("a", encoding="utf-8") as catalogue:
        catalogue.write(WORDS)
    (root / "data" / "grants.yaml").write_text(GRANTS_YAML, encoding="utf-8")
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "First release")
    grants = root / "data" / "grants.yaml"
    text = grants.read_text(encoding="utf-8").replace("funds: 350000", "funds: 362000")
    grants.write_text(text.replace("stage: approved", "stage: paid"), encoding="utf-8")
    git(root, "commit", "--quiet", "-am", "Grant revised", when="2026-02-01T09:30:00+08:00")
    return root


@pytest.fixture(scope="module")
def built(project: Path) -> Path:
    out = project / "output"
    site = load_site(project, project / "theme", types=TYPES, cache=project / "cache")
    build_site(site, out, Theme(project / "theme", JINJA), project / "cache", search=False)
    return out


def test_a_new_types_change_history_reads_its_fields_meaning(built: Path) -> None:
    zh = text_of((built / "changes" / "index.html").read_text(encoding="utf-8"))
    en = text_of((built / "en" / "changes" / "index.html").read_text(encoding="utf-8"))
    assert "补助 大额补助：补助金额 35亿元 → 36.2亿元；阶段 已批准 → 已拨付" in zh
    assert "grant amount CNY 3.5 billion → CNY 3.62 billion; stage approved → paid" in en
    for text in (zh, en):
        assert "funds" not in text and "350000" not in text and "approved → paid" not in zh
    feed = (built / "en" / "changes" / "atom.xml").read_text(encoding="utf-8")
    assert "CNY 3.62 billion" in feed and "funds" not in feed


def test_a_new_types_page_shows_its_figures_in_the_readers_unit(built: Path) -> None:
    zh = text_of((built / "grants" / "big-grant" / "index.html").read_text(encoding="utf-8"))
    en = text_of((built / "en" / "grants" / "small-grant" / "index.html").read_text(encoding="utf-8"))
    assert "补助金额36.2亿元" in zh and "阶段已拨付" in zh and "项目橡胶厂扩建项目" in zh
    assert "grant amountCNY 50 million" in en and "stagepaid" in en
    assert "funds" not in zh + en


def test_a_new_types_export_has_its_columns_described_by_the_catalogue(built: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((built / "data" / "grants.csv").read_text(encoding="utf-8"))))
    assert [r["funds"] for r in rows] == ["362000", "5000"]  # values as the plan states them, in 万元
    assert rows[0]["name_zh"] == "大额补助" and rows[1]["stage"] == "paid"
    package = json.loads((built / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in package["resources"] if r["name"] == "grants")["schema"]["fields"]
    described = {f["name"]: f["description"] for f in fields}
    assert described["funds"] == "grant amount, 万元" and described["name_en"] == "name, English"
    data_page = text_of((built / "data" / "index.html").read_text(encoding="utf-8"))
    assert "补助金额（万元）" in data_page


def test_every_word_a_type_needs_is_derived_and_a_missing_one_is_a_data_error(project: Path, tmp_path: Path) -> None:
    assert {"changes.field.funds", "grant.stage.approved", "grant.stage.paid"} <= set(required_keys(Grant))
    theme = tmp_path / "theme"
    shutil.copytree(project / "theme", theme)
    catalogue = theme / "i18n.yaml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace("changes.field.funds:", "unused.funds:").replace("grant.stage.paid:", "x:"))
    with pytest.raises(DataError) as caught:
        load_site(project, theme, types=TYPES, history=False)
    lines = caught.value.lines()
    assert any(line.startswith("theme/i18n.yaml: changes.field.funds: missing") for line in lines), lines
    assert any("grant.stage.paid: missing" in line for line in lines), lines


def test_an_unknown_unit_and_a_category_outside_its_list_are_data_errors(project: Path, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "bad", project / "data", project / "content")
    shutil.rmtree(root / "theme")
    shutil.copytree(project / "theme", root / "theme")
    indicators = root / "data" / "indicators.yaml"
    text = indicators.read_text(encoding="utf-8")
    assert "unit: {zh: 亿元" in text
    indicators.write_text(text.replace("unit: {zh: 亿元", "unit: {zh: 亿吨", 1), encoding="utf-8")
    grants = root / "data" / "grants.yaml"
    grants.write_text(grants.read_text(encoding="utf-8").replace("stage: paid", "stage: promised"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(root, root / "theme", types=TYPES, history=False)
    lines = caught.value.lines()
    assert any(line.startswith("data/indicators.yaml:") and "unknown unit '亿吨'" in line for line in lines), lines
    assert any(line.startswith("data/grants.yaml:") and "stage: " in line for line in lines), lines


class Pledge(m.Model):
    """A record whose figure the plan states in 亿元: its workbook column says so, from the field alone."""

    id: m.Id
    pledged: Annotated[m.Amount | None, Quantity("亿元")]


def test_a_workbook_column_is_headed_with_its_fields_declared_unit(project: Path) -> None:
    from plugins.plan_explorer.outcomes.sheets import _figure_col

    site = load_site(project, project / "theme", types=TYPES, history=False)
    zh, en = site.t("zh"), site.t("en")
    grant = _figure_col("invested", "number", Grant, "funds", zh, en, 14, "funds")
    pledge = _figure_col("invested", "number", Pledge, "pledged", zh, en, 14, "pledged")
    assert (grant.heading_zh, grant.heading_en) == ("累计完成投资（万元）", "Invested so far (CNY 10,000)")
    assert (pledge.heading_zh, pledge.heading_en) == ("累计完成投资（亿元）", "Invested so far (CNY 100 million)")
