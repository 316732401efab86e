"""Read a YAML file into plain Python values while remembering the line of every node.

PyYAML's constructors forget where a value came from; we compose the node tree ourselves so
that a validation error deep in a file can be reported with its line. Duplicate keys, which
PyYAML silently accepts, are reported as problems.

Reading is bounded: the data needs no aliases (``*name``), and an alias is how a few kilobytes of YAML
become gigabytes (``&a [*a, *a, …]`` nested) or a value that contains itself, so every alias is a problem,
found in the node tree before anything is built from it; so is nesting deeper than :data:`MAX_DEPTH`
(libyaml itself stops at 1,000 levels). Every text is checked as it is read (:mod:`.texts`).
:func:`read_tolerant` reads what cannot be fixed any more (old releases in git) with the offending
characters dropped.
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ProblemLog
from .texts import clean, text_problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PathKey = tuple[Any, ...]
MAX_DEPTH = 24  # the data nests six levels at most


@dataclass(frozen=True)
class InvalidScalar:
    """A value that could not be read (a date with a 13th month), already reported: validation skips it, so the
    rest of the file is still checked and every problem is reported in one run."""

    text: str


@dataclass
class YamlDoc:
    """A parsed file: its values and a map from a value's path to its line (1-based)."""

    file: str
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)
    invalid: int = 0  # values reported as InvalidScalar

    def line_of(self, path: PathKey) -> int:
        """The line of ``path`` or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def format_path(path: PathKey) -> str:
    """``('projects', 3, 'name', 'en')`` → ``projects[3].name.en``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class _Reading:
    """One file being built from its node tree: the nodes met (a node met twice is an alias) and how texts are
    taken (checked, or cleaned for a release in the history)."""

    doc: YamlDoc
    log: ProblemLog
    tolerant: bool = False
    first_line: int = 1  # of the text in its file (a front matter block starts on line 2)
    met: set[int] = field(default_factory=set)
    aliases: int = 0

    def refuse(self, node: yaml.Node, path: PathKey, message: str) -> InvalidScalar:
        # an alias's node is the anchored one, marked where the anchor is: the line is that of the key holding it
        line = (self.doc.line_of(path) if path else node.start_mark.line + 1) + self.first_line - 1
        self.log.add(self.doc.file, line, format_path(path) or "(file)", message)
        self.doc.invalid += 1
        return InvalidScalar("")

    def text(self, node: yaml.Node, path: PathKey, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        if self.tolerant:
            return clean(value)
        problem = text_problem(value)
        return self.refuse(node, path, problem) if problem else value


def _construct(loader: Any, node: yaml.Node, path: PathKey, reading: _Reading) -> Any:
    doc, log = reading.doc, reading.log
    if id(node) in reading.met:  # one line for a file's aliases: a bomb has thousands
        reading.aliases += 1
        if reading.aliases > 1:
            doc.invalid += 1
            return InvalidScalar("")
        return reading.refuse(node, path, "YAML alias (*name): not allowed in the data; write the value out")
    reading.met.add(id(node))
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if len(path) > MAX_DEPTH:
        return reading.refuse(node, path, f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or id(key_node) in reading.met:
                reading.refuse(key_node, path, "a key must be a plain text or number (no alias, list or mapping)")
                continue
            reading.met.add(id(key_node))
            key = reading.text(key_node, path, loader.construct_object(key_node, deep=True))
            if isinstance(key, InvalidScalar):
                continue
            if key in result:
                log.add(doc.file, key_node.start_mark.line + 1, format_path((*path, key)), "duplicate key")
                continue
            doc.lines[(*path, key)] = key_node.start_mark.line + 1
            result[key] = _construct(loader, value_node, (*path, key), reading)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(loader, item, (*path, i), reading) for i, item in enumerate(node.value)]
    try:
        return reading.text(node, path, loader.construct_object(node, deep=True))
    except ValueError as exc:  # a scalar that looks like a date but is none (a 13th month): PyYAML raises as it reads
        log.add(doc.file, node.start_mark.line + 1, format_path(path), f"'{node.value}' is not a valid date: {exc}")
        doc.invalid += 1
        return InvalidScalar(str(node.value))


def _syntax_problem(file: str, exc: yaml.YAMLError, log: ProblemLog, first_line: int = 1) -> None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + first_line if mark is not None else first_line
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if "\\t" in str(problem) or "'\\t'" in str(exc):
        problem = "tab character: indent YAML with spaces"
    log.add(file, line, "(syntax)", f"YAML syntax error: {problem}")


def read_yaml(path: Path, display_name: str, log: ProblemLog) -> YamlDoc | None:
    """Parse ``path``; on any problem, record it in ``log`` and return None."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        log.add(display_name, 0, "(file)", "file is missing")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        log.add(display_name, line, "(encoding)", "file is not valid UTF-8; save it as UTF-8")
        return None
    return parse_yaml(text, display_name, log)


#: Files read without a problem, by their text: the dev server loads the plan again on every edit, and reads
#: only the edited file anew. (What is read is not changed afterwards: it is validated into models.)
_READ: dict[tuple[str, str, int], YamlDoc] = {}
MEMO_SIZE = 256


def parse_yaml(text: str, display_name: str, log: ProblemLog, first_line: int = 1) -> YamlDoc | None:
    """Parse YAML ``text`` that starts on line ``first_line`` of ``display_name`` (e.g. a front matter block)."""
    key = (text, display_name, first_line)
    if key in _READ:
        return _READ[key]
    before = len(log.problems)
    doc = _parse(text, display_name, log, first_line)
    if doc is not None and len(log.problems) == before:
        if len(_READ) >= MEMO_SIZE:
            _READ.clear()
        _READ[key] = doc
    return doc


def read_tolerant(text: str, display_name: str) -> Any:
    """The values of YAML ``text`` with the characters :mod:`.texts` forbids dropped (a release in the history,
    which a later commit fixed, must not fail the build); None if it cannot be read (bad syntax, an alias)."""
    log = ProblemLog()
    doc = _parse(text, display_name, log, 1, tolerant=True)
    return doc.data if doc is not None and not doc.invalid and not log.problems else None


def _parse(text: str, display_name: str, log: ProblemLog, first_line: int, tolerant: bool = False) -> YamlDoc | None:
    doc = YamlDoc(display_name, None)
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            log.add(display_name, first_line, "(file)", "file is empty")
            return None
        before = len(log.problems)
        doc.data = _construct(loader, node, (), _Reading(doc, log, tolerant, first_line))
        if len(log.problems) - doc.invalid > before:  # duplicate keys: the file cannot be read as meant
            return None
    except yaml.YAMLError as exc:
        _syntax_problem(display_name, exc, log, first_line)
        return None
    finally:
        loader.dispose()
    if first_line != 1:
        doc.lines = {path: line + first_line - 1 for path, line in doc.lines.items()}
    return doc


PARALLEL_CHARACTERS = 500_000  # below this much YAML to read, forked readers cost more than they save


def read_ahead(files: list[tuple[Path, str]]) -> None:
    """Parse ``files`` (path, display name) in forked processes, one per core, into the memo :func:`read_yaml`
    then answers from. PyYAML parses about 2 MB a second and the build waits for the plan before anything else:
    a plan many times the real one's size would keep one core of two idle for seconds. Files already in the memo
    (the dev server's unchanged files) are not read again; files with a problem are left to :func:`read_yaml`,
    which reports it."""
    cores = os.cpu_count() or 1
    if cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return
    texts: dict[tuple[Path, str], str] = {}
    for path, name in files:
        try:
            texts[(path, name)] = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    todo = [(len(text), file) for file, text in texts.items() if (text, file[1], 1) not in _READ]
    if sum(size for size, _ in todo) < PARALLEL_CHARACTERS:
        return
    groups: list[list[tuple[Path, str]]] = [[] for _ in range(min(cores, len(todo)))]
    loads = [0] * len(groups)
    for size, file in sorted(todo, key=lambda item: -item[0]):  # largest first, each to the lightest
        lightest = loads.index(min(loads))
        groups[lightest].append(file)
        loads[lightest] += size
    with multiprocessing.get_context("fork").Pool(len(groups)) as pool:
        for read in pool.map(_read_group, groups):
            for path, name, doc in read:
                if len(_READ) < MEMO_SIZE:
                    _READ[(texts[(path, name)], name, 1)] = doc


def _read_group(files: list[tuple[Path, str]]) -> list[tuple[Path, str, YamlDoc]]:
    """The files of ``files`` read without a problem (in a forked process)."""
    read = []
    for path, name in files:
        log = ProblemLog()
        doc = read_yaml(path, name, log)
        if doc is not None and not log.problems:
            read.append((path, name, doc))
    return read
