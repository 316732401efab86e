"""The audit's general rules, each on the small fixture plan (a planted case, and the same plan with the case
fixed), the fixture with every case fixed (no finding at all), and what the real plan's audit finds."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, load_data

from plugins.plan_explorer.audit import Finding, render, run_audit
from plugins.plan_explorer.audit.wording import allowed, qualifier_in
from plugins.plan_explorer.errors import ProblemLog
from plugins.plan_explorer.i18n import load_catalogue
from plugins.plan_explorer.numfmt import Formatter

FIXTURE_DATA = FIXTURES / "plan" / "data"
CATALOGUE = load_catalogue(ROOT / "theme" / "i18n.yaml", ProblemLog())
#: each planted case of the fixture plan and the edit that fixes it (file, old, new)
PLANTED = {
    "totals-traditional-2020": ("industries.yaml", "total: {2020: 72", "total: {2020: 70"),
    "growth-indicator-gross-output": ("indicators.yaml", "growth_stated: 9\n", "growth_stated: 9.86\n"),
    "repeated-output-2020": ("statements.yaml", "value: 101", "value: 100"),
    "investment-widget-factory": ("projects.yaml", "total_investment_wan: 60000", "total_investment_wan: 50000"),
    "prose-widgets-output-2025": ("targets.yaml", "value: 65\n", "value: 60\n"),
    "yoy-value-added": ("history.yaml", "yoy: 20}", "yoy: 10}"),
    "parts-rubber-plant-floor-area": ("statements.yaml", "value: 500, source", "value: 400, source"),
    "categories-tbd-project-type": ("plan.yaml", "preparatory]", "preparatory, reserve]"),
    "parties-widget-factory": ("projects.yaml", "投资方为甲丙实业", "投资方为甲乙实业"),
}  # fmt: skip
#: rows the township rule sums by the site's classification: a zone that overlaps the townships
ZONE = ("townships.yaml", "kind: zone", "kind: enterprise")


def audit_of(tmp_path: Path, edits: list[tuple[str, str, str]] | None = None) -> dict[str, Finding]:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    for filename, old, new in edits or []:
        path = data / filename
        text = path.read_text(encoding="utf-8")
        assert old in text, (filename, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return {f.id: f for f in run_audit(load_data(data)).findings}


def said(finding: Finding, lang: str = "en", what: str = "computation") -> str:
    text = getattr(finding, what)
    return render(text, CATALOGUE.bound(lang), Formatter(lang))


# --- the original rules ------------------------------------------------------------------------------------


def test_table_total_off(tmp_path: Path) -> None:
    findings = audit_of(tmp_path)
    total = findings["totals-traditional-2020"]
    assert total.rule == "totals" and total.difference == 2 and total.severity == "contradiction"
    assert "totals-emerging-2020" not in findings  # 30 = 30
    assert said(total) == "70 = 70; stated 72" and said(total, "zh") == "70 = 70；所述 72"
    assert said(total, "en", "why") == (
        "The rows add up to CNY 7 billion but the total row says CNY 7.2 billion: a reader quoting the total and one "
        "adding up the rows get different figures."
    )


def test_growth_rate_off(tmp_path: Path) -> None:
    assert audit_of(tmp_path)["growth-indicator-gross-output"].severity == "rounding"  # 9 vs 9.86
    findings = audit_of(tmp_path / "b", [("industries.yaml", "growth_stated: 15\n", "growth_stated: 25\n")])
    growth = findings["growth-industry-widgets"]
    assert growth.severity == "contradiction" and round(growth.difference, 2) == round(25 - 14.87, 2)
    assert said(growth) == "(60 / 30)^(1/5) − 1 = 14.87%; stated 25%; difference +10.13 percentage points"
    assert said(growth, "zh") == "（60 ÷ 30）^(1/5) − 1 = 14.87%；所述 25%；相差 +10.13个百分点"


def test_duplicated_fact_with_two_values(tmp_path: Path) -> None:
    fact = audit_of(tmp_path)["repeated-output-2020"]
    assert fact.rule == "repeated" and [v.value for v in fact.values] == [100, 101]
    assert said(fact) == "CNY 10 billion ≠ CNY 10.1 billion" and said(fact, "zh") == "100亿元 ≠ 101亿元"
    assert "repeated-output-2020" not in audit_of(tmp_path / "b", [PLANTED["repeated-output-2020"]])


def test_overlapping_rows_rest_on_the_sites_classification(tmp_path: Path) -> None:
    findings = audit_of(tmp_path)
    overlap = findings["overlap-townships-2020"]
    assert overlap.rule == "overlap" and overlap.difference == 100 - 150
    assert "zone" in [e.id for e in overlap.entities]
    assert overlap.classified is not None and overlap.severity == "notable"
    assert "totals-townships-2020" not in findings  # the total holds without the zone
    # read as an enterprise (a row of its own), the same row breaks the total: still only notable, still classified
    total = audit_of(tmp_path / "b", [ZONE])["totals-townships-2020"]
    assert total.severity == "notable" and total.classified is not None


def test_share_off(tmp_path: Path) -> None:
    assert "share-widgets-share" not in audit_of(tmp_path)
    findings = audit_of(tmp_path / "b", [("statements.yaml", "value: 30,", "value: 40,")])
    assert findings["share-widgets-share"].severity == "contradiction"


def test_sum_off(tmp_path: Path) -> None:
    assert "sum-groups-2025" not in audit_of(tmp_path)
    findings = audit_of(tmp_path / "b", [("indicators.yaml", "2025: 160}", "2025: 170}")])
    assert findings["sum-groups-2025"].difference == 10


def test_project_investment_in_description(tmp_path: Path) -> None:
    finding = audit_of(tmp_path)["investment-widget-factory"]
    assert finding.values[0].value == 60000 and finding.values[1].value == 50000
    assert said(finding) == "description: CNY 500 million; table: CNY 600 million; difference −CNY 100 million"
    assert said(finding, "zh") == "建设内容所述 5亿元；表中 6亿元；相差 −1亿元"  # in the reader's unit (1亿元 or more)
    assert "investment-widget-factory" not in audit_of(tmp_path / "b", [PLANTED["investment-widget-factory"]])


# --- the new rules: each catches its planted case, and not the fixed one ------------------------------------------


@pytest.mark.parametrize(
    "finding_id", [k for k in PLANTED if k.split("-")[0] in ("prose", "yoy", "parts", "categories", "parties")]
)
def test_new_rule_catches_its_planted_case(tmp_path: Path, finding_id: str) -> None:
    planted = audit_of(tmp_path)
    assert finding_id in planted, sorted(planted)
    assert finding_id not in audit_of(tmp_path / "fixed", [PLANTED[finding_id]])


def test_new_rules_say_what_they_found(tmp_path: Path) -> None:
    f = audit_of(tmp_path)
    assert said(f["prose-widgets-output-2025"]) == (
        "text: CNY 6.5 billion or more; table: CNY 6 billion; difference −CNY 0.5 billion"  # one scale for 亿元
    )
    assert f["prose-widgets-output-2025"].severity == "contradiction"
    assert said(f["yoy-value-added"]) == "2020: 22 / 20 − 1 = 10%, stated 20%"
    assert said(f["parts-rubber-plant-floor-area"]) == (
        "600 + 500 = 1,100 m²; stated total 1,000 m²; difference +100 m²"
    )
    assert (
        said(f["parts-rubber-plant-floor-area"], "zh") == "600 + 500 = 1100平方米；所述总数 1000平方米；相差 +100平方米"
    )
    assert said(f["categories-tbd-project-type"]) == "Type: reserve; the note lists only implementation, preparatory"
    assert said(f["categories-tbd-project-type"], "zh") == "项目类型：储备类；表注只列实施类、前期类"
    parties = f["parties-widget-factory"]
    assert [v.quote for v in parties.values] == ["甲乙实业有限公司", "甲丙实业有限公司"]
    assert said(parties) == "characters that differ between the two spellings: 1"


def test_a_knock_on_names_the_finding_it_follows_from(tmp_path: Path) -> None:
    findings = audit_of(tmp_path)
    share = findings["share-widgets-share-text"]  # 29.7% = 30 / 101, the text's other value for the 2020 output
    assert share.follows == "repeated-output-2020"
    assert "CNY 10.1 billion" in said(share, "en", "why") and "29.7%" in said(share, "en", "why")
    alone = audit_of(tmp_path / "b", [PLANTED["repeated-output-2020"]])["share-widgets-share-text"]
    assert alone.follows is None  # with the fact stated once, the share stands on its own


def test_the_fixture_with_every_case_fixed_has_no_finding(tmp_path: Path) -> None:
    fixes = [*PLANTED.values(), ("statements.yaml", "value: 29.7", "value: 30")]
    findings = audit_of(tmp_path, fixes)
    assert not [f for f in findings if not f.startswith("overlap-")], sorted(findings)
    # the zone rows overlap the townships by design: the one thing a clean table still shows
    assert all(f.classified is not None for f in findings.values())


# --- approximate wording, classification ------------------------------------------------------------------------


def test_approximate_wording_is_read_at_its_precision() -> None:
    assert qualifier_in("占比达到近30%、17%", 30) == "nearly" and qualifier_in("占比达到近30%、17%", 17) is None
    assert qualifier_in("年均增速6%左右", 6) == "about" and qualifier_in("230亿元以上", 230) == "at_least"
    assert qualifier_in("约80万吨", 80) == "about"
    assert allowed(30, "nearly") == (25, 30) and allowed(6, "about") == (5.5, 6.5)
    assert allowed(93.3, None) == pytest.approx((93.25, 93.35)) and allowed(230, "at_least")[1] == float("inf")


def test_an_approximate_share_within_its_tolerance_is_no_finding(tmp_path: Path) -> None:
    def share(quote: str, value: int) -> list[tuple[str, str, str]]:  # value added 22 of gross output 100: 22%
        old = "stated: {value: 30, source: {ref: ch1}, quote: 占比30%}\n    numerator: industries/widgets/output/2020"
        new = (
            f"stated: {{value: {value}, source: {{ref: ch1}}, quote: {quote}}}\n    numerator: history/value-added/2020"
        )
        return [("statements.yaml", old, new)]

    assert "share-widgets-share" not in audit_of(tmp_path / "about", share("约占20%", 20))  # about 20%: 15–25%
    exact = audit_of(tmp_path / "exact", share("占20%", 20))["share-widgets-share"]
    assert exact.severity == "notable" and exact.tolerance is None
    stretched = audit_of(tmp_path / "nearly", share("占近30%", 30))["share-widgets-share"]  # nearly 30%: 25–30%
    assert stretched.severity == "notable"
    assert said(stretched, "en", "tolerance") == "“nearly 30%” is read as 25% to 30%"
    assert said(stretched, "zh", "tolerance") == "“近30%”按25%至30%理解"


def test_a_finding_that_rests_on_the_sites_classification_is_never_a_contradiction(tmp_path: Path) -> None:
    old = "stated: {value: 30, source: {ref: ch1}, quote: 占比30%}"
    edit = ("statements.yaml", old, old.replace("30", "40")[:-1] + ", classified: true}")
    finding = audit_of(tmp_path, [edit])["share-widgets-share"]
    assert finding.severity == "notable" and finding.classified is not None


# --- the real plan ---------------------------------------------------------------------------------------------


REAL = {f.id: f for f in run_audit(load_data(ROOT / "data")).findings}


def test_real_plan_keeps_its_findings() -> None:
    t2020, t2025 = REAL["totals-traditional-2020"], REAL["totals-traditional-2025"]
    assert round(t2020.difference, 2) == round(337.02 - 332.06, 2)
    assert t2025.difference == 5
    assert "totals-emerging-2020" not in REAL  # 25.6 + 30.27 + 20.56 = 76.43
    assert REAL["growth-industry-rubber-plastics-metal"].severity == "contradiction"  # stated 4, implied 14.4
    assert REAL["investment-nippon-paint-building-materials-base"].severity == "contradiction"
    assert REAL["repeated-academician-workstations"].severity == "contradiction"
    for fact in ("edz-output-2025", "hsr-output-2025", "digital-economy-value-added-2025"):
        assert REAL[f"repeated-{fact}"].severity == "contradiction"  # the text's target against the table's


def test_real_plan_changes_of_this_audit() -> None:
    assert "share-chemicals-share-2020" not in REAL  # “近30%” is 25–30%: 26.21% agrees
    hitech = REAL["share-hitech-park-share-2020"]  # 附件5's 高新园 taken to be 附件1's 高铁新区 row: ours
    assert hitech.severity == "notable" and hitech.classified is not None
    emerging = REAL["share-strategic-emerging-share-2020"]  # 8.8% = 11.82 / 135.06, the text's own value added
    assert emerging.follows == "repeated-strategic-emerging-value-added-2020"
    assert all(REAL[f"totals-townships-{y}"].classified for y in (2020, 2022, 2025))
    assert REAL["categories-nippon-paint-building-materials-base-type"].severity == "contradiction"  # 储备类
    assert REAL["parts-zhixin-qiantan-floor-area"].severity == "contradiction"  # 242,820 m² of 154,883.36
    assert [v.quote for v in REAL["parties-tcm-industrial-park"].values] == [
        "上海界龙实业集团股份有限公司",
        "上海易连龙实业集团股份有限公司",
    ]
    assert {f for f in REAL if f.startswith("yoy-")} == {
        "yoy-above-designated-size",
        "yoy-high-tech",
        "yoy-strategic-emerging",
        "yoy-equipment",
    }
    assert not [f for f in REAL if f.startswith("prose-")]  # every text target agrees with its table, or a fact says


# --- the page ----------------------------------------------------------------------------------------------------


class _Text(HTMLParser):
    """The text of a page's <main>, without what is marked as another language (and where it is)."""

    def __init__(self, other: str) -> None:
        super().__init__()
        self.other, self.depth, self.skip, self.parts, self.code = other, 0, [], [], []
        self.in_main = self.in_code = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.in_main = True
        self.skip.append(dict(attrs).get("lang") == self.other or (self.skip[-1] if self.skip else False))
        self.in_code = tag == "code"

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            self.skip.pop()
        self.in_code = False

    def handle_data(self, data: str) -> None:
        if self.in_main and not (self.skip and self.skip[-1]):
            self.parts.append(data)
            if self.in_code:
                self.code.append(data)


VOID = re.compile(r"<(br|img|input|meta|link|hr)\b[^>]*>")


def _main_text(html: str, other: str) -> _Text:
    parser = _Text(other)
    parser.feed(VOID.sub(" ", html))
    return parser


def test_audit_page_is_in_its_language_grouped_by_severity_then_table(built_site: Path) -> None:
    en = (built_site / "en" / "audit" / "index.html").read_text(encoding="utf-8")
    zh = (built_site / "audit" / "index.html").read_text(encoding="utf-8")
    english = " ".join(_main_text(en, "zh-CN").parts)
    assert not re.search(r"[\u3400-\u9fff]", english), re.findall(r".{20}[\u3400-\u9fff]+.{5}", english)[:5]
    assert "−CNY 200 million" in english and "percentage points" in english
    chinese = _main_text(zh, "en")
    code = " ".join(chinese.code)
    assert not re.search(r"[A-Za-z]{2,}", code), re.findall(r"[A-Za-z]{2,}", code)
    for word in ("stated", "difference", " pp", "CNY", "billion"):
        assert word not in " ".join(chinese.parts), word
    assert "−2亿元" in zh and "个百分点" in zh  # in the reader's unit
    # severities in order, each grouped by table or section, with counts; knock-ons inside their cause
    order = [zh.index(f'id="sev-{s}"') for s in ("contradiction", "notable", "rounding")]
    assert order == sorted(order)
    assert re.search(r'<h3 id="contradiction-table1">表一 <span class="muted">\(\d+\)</span></h3>', zh)
    cause = zh.index('id="repeated-strategic-emerging-value-added-2020"')
    knock_on = zh.index('id="share-strategic-emerging-share-2020"')
    assert cause < knock_on and "</article>" not in zh[cause:knock_on]  # inside the finding it follows from
    assert "Involves: </p>" not in en and "涉及: </p>" not in zh and 'class="why"' in en


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_entity_pages_mark_their_findings(built_site: Path, lang: str) -> None:
    prefix = built_site / ("en" if lang == "en" else "")
    audit = (prefix / "audit" / "index.html").read_text(encoding="utf-8")
    assert 'id="totals-traditional-2020"' in audit and "337.02" in audit and "332.06" in audit
    industry = (prefix / "industries" / "rubber-plastics-metal" / "index.html").read_text(encoding="utf-8")
    assert "audit/#growth-industry-rubber-plastics-metal" in industry
