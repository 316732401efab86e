"""docs/EDITING.md's examples are complete and true: applied to a copy of the project, the data passes `make check`,
the provenance and glossary checks of `make test`, and builds; the records staff added show where they come from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_project, run_build, run_check
from test_glossary import _data_pairs, compile_glossary, glossary_terms, violations
from test_provenance import not_verbatim, outcome_problems, unsourced_numbers

GUIDE = ROOT / "docs" / "EDITING.md"
BLOCK = re.compile(r"^```(\w+) file=(\S+)(?: action=(\w+))?\n(.*?)^```$", re.M | re.S)


def examples() -> list[tuple[str, str, str, str]]:
    """(kind, file, action, text) of every example block the guide marks with ``file=``."""
    return [(kind, file, action or "", text) for kind, file, action, text in BLOCK.findall(GUIDE.read_text("utf-8"))]


def apply(project: Path, kind: str, file: str, action: str, text: str) -> None:
    path = project / file
    if kind == "diff":
        old = "\n".join(line[1:] for line in text.splitlines() if line.startswith("-"))
        new = "\n".join(line[1:] for line in text.splitlines() if line.startswith("+"))
        current = path.read_text(encoding="utf-8")
        assert current.count(old) == 1, f"{file}: the example's old text is not in the file (once)"
        path.write_text(current.replace(old, new), encoding="utf-8")
    elif action == "create":
        path.write_text(text, encoding="utf-8")
    elif action == "append":
        current = path.read_text(encoding="utf-8")
        path.write_text(current.rstrip("\n") + "\n" + text, encoding="utf-8")
    else:
        raise AssertionError(f"unknown example action {kind} {action}")


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("docs") / "project")
    found = examples()
    assert {f for _, f, _, _ in found} >= {
        "data/plan.yaml",
        "data/projects.yaml",
        "data/industries.yaml",
        "data/platforms.yaml",
        "data/source/notice-example.txt",
        "data/outcomes.yaml",
    }
    for example in found:
        apply(project, *example)
    return project


def test_the_examples_pass_the_check(edited: Path) -> None:
    result = run_check(edited)
    assert result.returncode == 0, result.stderr
    assert "26 projects" in result.stdout and "9 industries" in result.stdout and "9 platforms" in result.stdout


def test_the_examples_pass_the_provenance_and_glossary_tests(edited: Path) -> None:
    assert unsourced_numbers(edited / "data") == []
    assert outcome_problems(edited / "data") == []
    assert not_verbatim(edited / "data") == []
    glossary = compile_glossary(glossary_terms())

    def found(root: Path) -> set[tuple[str, str, str, str]]:
        docs = [(p.name, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in sorted((root / "data").glob("*.yaml"))]
        return set(violations(glossary, [pair for name, doc in docs for pair in _data_pairs(doc, name)]))

    assert found(edited) - found(ROOT) == set()  # the examples use the glossary's renderings


def test_the_added_records_are_built_with_their_source(edited: Path) -> None:
    out = edited / "output"
    result = run_build(edited, out, "--no-search")
    assert result.returncode == 0, result.stderr
    zh = (out / "projects" / "cathode-materials-example" / "index.html").read_text(encoding="utf-8")
    en = (out / "en" / "projects" / "cathode-materials-example" / "index.html").read_text(encoding="utf-8")
    assert "12亿元" in zh and "非规划原文，工作人员据此补充" in zh
    assert "CNY 1.2 billion" in en and "not the plan: added by staff from this source" in en
    assert 'href="../../data/source/notice-example.txt"' in zh
    assert (out / "data" / "source" / "notice-example.txt").read_text(encoding="utf-8").startswith("关于增补")
    assert (out / "en" / "industries" / "battery-materials" / "index.html").is_file()
    assert (out / "platforms" / "battery-materials-park" / "index.html").is_file()
    about = (out / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert "Notice on additional major projects in manufacturing (example)" in about and "30 June 2023" in about
    summary = (out / "en" / "projects" / "wanyang-innovation-city" / "index.html").read_text(encoding="utf-8")
    assert "smart-healthcare industrial platform" in summary
    output = (out / "en" / "indicators" / "gross-output" / "index.html").read_text(encoding="utf-8")
    assert "CNY 55.55 billion" in output and "(example)" in output  # the outcome, with its source
    assert 'href="../../../data/source/bulletin-example.txt"' in output  # the source's text, published
    assert (out / "data" / "source" / "bulletin-example.txt").read_text(encoding="utf-8").startswith("2021年")
