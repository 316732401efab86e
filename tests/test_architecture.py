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
