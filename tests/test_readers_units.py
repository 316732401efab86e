"""One meaning per figure on every surface: a walk over every HTML page and feed of the real plan and of the
fixture plans finds no raw field name, no English "CNY 1,000 million" or more, no Chinese amount of 1亿元 or more
led by 万元 (the plan's printed 万元 may follow in parentheses), and 万元/亩 on the per-mu indicators."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, run_build

from plugins.plan_explorer.model import records as m
from plugins.plan_explorer.numfmt import unit_of

#: a field name, key or id in snake_case (``value_min``, ``amount_wan``, ``at_least``) — not a file name
RAW_FIELD = re.compile(r"(?<![\w./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w-]|\.csv|\.json)")
#: the plan's own field names (a check that the walk would see one)
FIELD_NAMES = {name for model in vars(m).values() if isinstance(model, type) and issubclass(model, m.Model)
               for name in model.model_fields}  # fmt: skip
EN_MILLIONS = re.compile(r"CNY ([\d,]+(?:\.\d+)?) million")
#: a Chinese amount in 万元 that does not follow another figure in parentheses (the plan's printed figure)
ZH_WAN = re.compile(r"(?<![（(\d.,])(\d+(?:\.\d+)?)万元(?!/)")


def visible_text(page: str) -> str:
    """What a reader reads: no scripts, styles or tags (a feed's escaped HTML unescaped first)."""
    page = html.unescape(page) if page.lstrip().startswith("<?xml") else page
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def surfaces(out: Path) -> Iterator[tuple[str, str]]:
    """Every HTML page and Atom feed of a built site: (its path, its visible text)."""
    for path in sorted([*out.rglob("*.html"), *out.rglob("atom.xml")]):
        rel = path.relative_to(out).as_posix()
        if rel.startswith(("theme/", "pagefind/")):
            continue
        yield rel, visible_text(path.read_text(encoding="utf-8"))


def problems(out: Path) -> list[str]:
    found = []
    for rel, text in surfaces(out):
        if not rel.endswith("data/index.html"):  # the data page names the export's columns and their values
            found += [f"{rel}: raw field name {h.group()}" for h in RAW_FIELD.finditer(text)]
        for hit in EN_MILLIONS.finditer(text):
            if float(hit.group(1).replace(",", "")) >= 1000:
                found.append(f"{rel}: {hit.group()} (CNY billion from CNY 1 billion)")
        for hit in ZH_WAN.finditer(text):
            if float(hit.group(1)) >= 10000:
                found.append(f"{rel}: {hit.group()} (亿元 from 1亿元)")
        if "CNY 10,000 per" in text:
            found.append(f"{rel}: a CNY 10,000 unit")
    return found


def indicator_rows(out: Path) -> list[dict[str, str]]:
    path = out / "data" / "indicators.csv"
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))) if path.exists() else []


def per_mu_problems(out: Path) -> list[str]:
    """Each indicator whose unit is money per mu shows its unit in the indicators table of both languages."""
    found = []
    per_mu = [row["id"] for row in indicator_rows(out) if row["unit_en"].endswith(" per mu")]
    for lang, prefix, word in (("zh", "", "万元/亩"), ("en", "en/", "per mu")):
        page = (out / prefix / "indicators" / "index.html").read_text(encoding="utf-8")
        for ident in per_mu:
            row = re.search(rf'<tr><th scope="row" class="col-name"><a href="[^"]*/{ident}/">.*?</tr>', page, re.S)
            if row is None or visible_text(row.group()).count(word) < 2:  # its base and its target
                found.append(f"{lang} indicators: {ident} lacks {word}")
    return found


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("units-sample") / "output"
    result = run_build(ROOT, out, "--plan", str(FIXTURES / "sample-county"), "--no-search")
    assert result.returncode == 0, result.stderr
    return out


def test_the_real_plan_reads_in_the_readers_units_with_no_raw_key(built_site: Path) -> None:
    assert problems(built_site) == []
    assert per_mu_problems(built_site) == []
    assert any(row["unit_en"].endswith(" per mu") for row in indicator_rows(built_site))  # it has some


def test_the_fixture_plans_read_in_the_readers_units_with_no_raw_key(fixture_site: Path, sample_site: Path) -> None:
    assert problems(fixture_site) == []
    assert problems(sample_site) == []
    assert per_mu_problems(fixture_site) == []


def test_the_walk_finds_what_it_looks_for() -> None:
    """The checks above can fail: each finds its own kind of problem."""
    assert RAW_FIELD.search("value_min 5 platforms") and RAW_FIELD.search("amount_wan 5,000")
    assert not RAW_FIELD.search("value-min") and not RAW_FIELD.search("projects.csv")
    assert {"value_min", "total_investment_wan"} <= FIELD_NAMES
    assert [h.group(1) for h in ZH_WAN.finditer("总投资 350000万元 → 35亿元（350000万元）; 5000万元")] == [
        "350000",
        "5000",
    ]
    assert EN_MILLIONS.search("CNY 7,000 million")
    assert unit_of("万元/亩") is not None
