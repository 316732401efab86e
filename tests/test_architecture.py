"""The code's shape: no import cycles in the plugin (lazy imports included), and nothing of one plan — no place
name, plan title or year — in the code, the theme or the settings (they come from a plan's data)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml
from conftest import FIXTURES, ROOT

PACKAGE = ROOT / "plugins" / "plan_explorer"
NAME = "plugins.plan_explorer"
#: years that are part of a standard's name, not of a plan (XML namespaces, JSON Schema's dialect)
STANDARD_URLS = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml", "json-schema.org/draft/2020-12")
YEAR = re.compile(r"(?<![\d.\w])(?:19|20)\d\d(?![\d])")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every module of the package that ``name`` imports, at any depth of its code (function-level imports too)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in known else base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in known and m != name}


def test_the_plugin_has_no_import_cycle() -> None:
    known = modules()
    graph = {name: imports_of(name, path, known) for name, path in known.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []
    assert f"{NAME}.pipeline" in graph[f"{NAME}.generator"] and f"{NAME}.pipeline" in graph[f"{NAME}.devserver"]


def test_the_cycle_check_can_fail(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("def f():\n    from . import b\n", encoding="utf-8")
    known = {"p.a": tmp_path / "a.py", "p.b": tmp_path / "b.py"}
    assert imports_of("p.a", tmp_path / "a.py", known) == {"p.b"}


def _plan_words(data: Path) -> list[str]:
    plan = yaml.safe_load((data / "plan.yaml").read_text(encoding="utf-8"))["plan"]
    return [plan["title"]["zh"], plan["title"]["en"], plan["short_title"]["zh"], plan["short_title"]["en"]]


PLACES = ["建德", "Jiande", "杭州", "Hangzhou", "浙江", "Zhejiang", "新安", "Xin'an", "鹿溪", "Luxi"]


def code_files() -> list[Path]:
    files = [ROOT / "pelicanconf.py", ROOT / "publishconf.py"]
    files += [p for p in PACKAGE.rglob("*.py")]
    files += [p for p in (ROOT / "theme").rglob("*") if p.suffix in (".html", ".yaml", ".js", ".css")]
    return files


def test_no_place_title_or_year_of_a_plan_in_code_theme_or_settings() -> None:
    words = PLACES + _plan_words(ROOT / "data") + _plan_words(FIXTURES / "sample-county" / "data")
    found = []
    for path in code_files():
        text = path.read_text(encoding="utf-8")
        for url in STANDARD_URLS:
            text = text.replace(url, "")
        where = str(path.relative_to(ROOT))
        found += [(where, w) for w in words if w in text]
        found += [(where, m.group()) for m in YEAR.finditer(text)]
    assert found == []


# --- the tests: the real plan's counts in one acceptance module -------------------------------------------------

#: the fixtures that are the real plan's site (see conftest)
REAL_SITE = {"built_site", "site_url"}
#: a count of the plan in words: "25 projects", a counter cell ">111<"
COUNT_WORDS = re.compile(r"\b\d{2,} (?:projects|indicators|townships|industries|platforms|targets|pages)\b|>\d{2,}<")
ACCEPTANCE = "test_acceptance.py"


def _names_in(node: ast.AST, names: set[str]) -> bool:
    return any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(node))


def real_plan_counts(path: Path) -> list[str]:
    """Where a test that reads the real plan (its site, or anything made from ``ROOT``) asserts a count of it: a
    ``len(…)`` or ``….count(…)`` equal to a number, or a number of records in words. A line marked ``# shape:``
    counts something of the page's shape (two money columns), not of the plan."""
    source = path.read_text(encoding="utf-8")
    tree, lines = ast.parse(source), source.splitlines()
    real = {"ROOT"}  # module-level names made from the real project, to a fixpoint (PLAN = load_data(ROOT / …))
    while True:
        more = {
            n.id
            for node in tree.body
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None and _names_in(node.value, real)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            for n in ast.walk(target)
            if isinstance(n, ast.Name)
        } - real
        if not more:
            break
        real |= more
    found = []
    for fn in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        if not ({a.arg for a in fn.args.args} & REAL_SITE or any(_names_in(s, real) for s in fn.body)):
            continue
        for node in ast.walk(fn):
            counted = False
            if isinstance(node, ast.Compare) and any(isinstance(op, ast.Eq) for op in node.ops):
                sides = [node.left, *node.comparators]
                measured = any(
                    isinstance(s, ast.Call)
                    and (getattr(s.func, "id", "") == "len" or getattr(s.func, "attr", "") == "count")
                    for s in sides
                )
                counted = measured and any(
                    isinstance(s, ast.Constant) and type(s.value) is int and s.value > 1 for s in sides
                )
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                counted = bool(COUNT_WORDS.search(node.value))
            if counted and "# shape:" not in lines[node.lineno - 1]:
                found.append(f"{path.name}:{node.lineno} ({fn.name}): {lines[node.lineno - 1].strip()[:90]}")
    return found


def test_only_the_acceptance_module_counts_the_real_plan() -> None:
    """Staff edit ``data/`` (docs/EDITING.md: add a project, an industry, a platform, an outcome): the generator's
    tests must not break, so the real plan's counts live in tests/test_acceptance.py alone; elsewhere a test
    compares with what it computes from the plan (``len(plan.all(m.Project))``) or uses a fixture plan."""
    found = [
        hit
        for path in sorted((ROOT / "tests").glob("test_*.py"))
        if path.name != ACCEPTANCE
        for hit in real_plan_counts(path)
    ]
    assert found == [], "\n".join(found)
    assert real_plan_counts(ROOT / "tests" / ACCEPTANCE)  # it finds them where they are


def test_the_count_check_can_fail(tmp_path: Path) -> None:
    module = tmp_path / "test_x.py"
    module.write_text(
        "from conftest import ROOT, load_data\nPLAN = load_data(ROOT / 'data')\n"
        "def test_a():\n    assert len(PLAN.all(m.Project)) == 25\n"
        "def test_b(built_site):\n    assert '25 projects' in (built_site / 'index.html').read_text()\n"
        "def test_c(fixture_site):\n    assert len(fixture_site.read_text()) == 25\n",
        encoding="utf-8",
    )
    assert [hit.split(" ")[1] for hit in real_plan_counts(module)] == ["(test_a):", "(test_b):"]
