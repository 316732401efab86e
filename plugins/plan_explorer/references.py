"""Validate stage, across files: every id a record names must exist in a collection the plan has, every
``{ref: …}`` must name a source, every path a figure, every year must lie in the plan's period.

The id references come from the descriptors (:class:`descriptor.Ref`), so a new entity type's references
are checked by declaring them. A reference to a collection the plan does not have is reported as such.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterator, Sequence
from typing import Any

from .descriptor import ANY_LIST, EntityType
from .errors import ProblemLog
from .model import records as m
from .model.meaning import unit_problems
from .model.plan import Plan
from .model.yamlsource import YamlDoc, format_path
from .outcomes.checks import OUTCOME_YEARS_AFTER, OutcomeChecker, records_of, source_ids, valid_records
from .targets import nature_problem, word_problems

PLAN_FILE = "plan.yaml"
__all__ = ["OUTCOME_YEARS_AFTER", "check_references"]  # the years outcomes may be recorded for: see outcomes.checks


def _walk_sources(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every ``source``-like ``{ref: …}`` below ``value`` with its path."""
    if isinstance(value, dict):
        if "ref" in value and isinstance(value["ref"], str):
            yield (*path, "ref"), value["ref"]
        for key, item in value.items():
            yield from _walk_sources(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk_sources(item, (*path, i))


def _walk_models(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Any, Any]]:
    """Every field of every model below ``value``: (path, field's annotation, value)."""
    if isinstance(value, m.Model):
        for name, info in type(value).model_fields.items():
            item = getattr(value, name)
            yield (*path, name), info.annotation, item
            yield from _walk_models(item, (*path, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk_models(item, (*path, i))


class _Checker:
    def __init__(
        self,
        plan: Plan,
        present: Sequence[EntityType],
        known: Sequence[EntityType],
        docs: dict[str, YamlDoc],
        log: ProblemLog,
        failed: set[str],
        invalid: dict[str, YamlDoc],
    ):
        self.plan, self.present, self.docs, self.log, self.known = plan, present, docs, log, known
        self.invalid = invalid  # files that failed validation on their own, as read
        self.failed = failed  # collections whose files are invalid on their own: references into them are not judged
        self.singular = {"sources": "source"}
        self.owner: dict[str, EntityType] = {}  # list name → the type whose file holds it
        for etype in known:
            self.singular[etype.name] = etype.singular
            self.owner[etype.name] = etype
            for aux in etype.aux:
                self.singular[aux.name], self.owner[aux.name] = aux.singular, etype

    def add(self, filename: str, path: tuple[Any, ...], message: str) -> None:
        doc = self.docs[filename]
        self.log.add(doc.file, doc.line_of(path), format_path(path), message)

    def unchecked(self, list_name: str) -> bool:
        """Whether ``list_name`` is in a file that failed validation (its ids are not known this run)."""
        owner = self.owner.get(list_name)
        return owner is not None and owner.name in self.failed

    def missing_collection(self, list_name: str) -> str | None:
        """The message for a reference into a collection the plan lacks, if it lacks it."""
        if list_name in self.plan.index:
            return None
        owner = self.owner.get(list_name)
        filename = owner.filename if owner else f"{list_name}.yaml"
        return f"the plan has no {owner.name if owner else list_name} (data/{filename})"

    # --- ids ------------------------------------------------------------------------------------

    def ids(self) -> None:
        for etype in self.present:
            model = self.plan.files[etype.name]
            for ref in etype.refs:
                for i, record in enumerate(getattr(model, ref.key)):
                    value = getattr(record, ref.field)
                    values = value if isinstance(value, list) else [value]
                    for j, ident in enumerate(values):
                        path = (ref.key, i, ref.field, j) if isinstance(value, list) else (ref.key, i, ref.field)
                        if ref.target == ANY_LIST:
                            self.any_record(etype, path, ident)
                            continue
                        if ident is None or self.unchecked(ref.target):
                            continue
                        absent = self.missing_collection(ref.target)
                        if absent:
                            self.add(etype.filename, path, f"'{ident}': {absent}")
                        elif ident not in self.plan.index[ref.target]:
                            self.add(etype.filename, path, f"unknown {self.singular[ref.target]} '{ident}'")

    def any_record(self, etype: EntityType, path: tuple[Any, ...], value: str | None) -> None:
        """``value`` names the plan itself or a record of any list of the plan (``<list>/<id>``)."""
        if value is None or value == m.PLAN_ENTITY:
            return
        filename = etype.filename
        name, _, ident = value.partition("/")
        owners = {n: t for n, t in self.owner.items() if t.is_entity and t.name != etype.name}
        lists = sorted(owners)
        if name not in lists or not ident:
            self.add(filename, path, f"'{value}': not {m.PLAN_ENTITY} or <list>/<id> (lists: {', '.join(lists)})")
        elif self.unchecked(name):
            return
        elif absent := self.missing_collection(name):
            self.add(filename, path, f"'{value}': {absent}")
        elif ident not in self.plan.index[name]:
            self.add(filename, path, f"unknown {self.singular[name]} '{ident}'")

    def sources(self) -> None:
        sources = self.plan.index["sources"]
        for filename, doc in self.docs.items():
            for path, ref in _walk_sources(doc.data, ()):
                if filename == PLAN_FILE and path[0] == "sources":
                    continue
                if ref not in sources:
                    self.add(filename, path, f"unknown source '{ref}'")
        for i, src in enumerate(self.plan.meta.sources):
            if src.kind == "staff":
                self.staff_source(i, src)
            elif src.document is not None:
                self.add(PLAN_FILE, ("sources", i, "document"), "only a source of kind: staff has a document")
            elif src.chapter is None and src.page is None:
                self.add(PLAN_FILE, ("sources", i), "a source needs a chapter or a page")
            for fieldname in ("page", "shows", "see"):
                name = getattr(src, fieldname)
                if name is not None and name not in self.failed and not self.plan.has(name):
                    self.add(
                        PLAN_FILE,
                        ("sources", i, fieldname),
                        f"'{name}': {self.missing_collection(name) or 'no such collection'}",
                    )

    def staff_source(self, i: int, src: m.SourceDef) -> None:
        """A document staff cite (not the plan): its text is kept under data/, and it is no part of the plan."""
        if src.document is None:
            self.add(PLAN_FILE, ("sources", i), "a source of kind: staff needs its text: document: source/<file>.txt")
        elif not (self.plan.data_dir / src.document).is_file():
            self.add(PLAN_FILE, ("sources", i, "document"), f"no file data/{src.document}")
        for fieldname in ("chapter", "page", "shows", "see"):
            if getattr(src, fieldname) is not None:
                self.add(PLAN_FILE, ("sources", i, fieldname), "a source of kind: staff is no part of the plan")

    # --- years ----------------------------------------------------------------------------------

    def period(self) -> bool:
        """Whether the plan's period is in order (else its years cannot be checked)."""
        period = self.plan.info.period
        if period.end < period.start:
            self.add(PLAN_FILE, ("plan", "period", "end"), f"end year {period.end} is before start year {period.start}")
            return False
        if period.base is not None and period.base >= period.start:
            self.add(
                PLAN_FILE, ("plan", "period", "base"), f"the base year {period.base} must be before {period.start}"
            )
            return False
        return True

    def years(self) -> None:
        plan = self.plan
        base, start, end = plan.base_year, plan.info.period.start, plan.target_year
        allowed = {
            "figure": (base, end, f"the plan's years {base}–{end}"),
            "target": (start, end, f"the plan's period {start}–{end}"),
            "history": (None, base, f"the years up to the plan's base year {base}"),
        }
        for etype in self.present:
            if isinstance(self.plan.files[etype.name], m.OutcomesFile):
                continue  # outcomes have their years checked with them (see outcomes())
            for path, annotation, value in _walk_models(self.plan.files[etype.name], ()):
                if annotation == m.YearFigures and isinstance(value, dict):
                    for year in value:
                        self._year(etype.filename, (*path, year), year, allowed["figure"])
                elif path[-1] == "year" and isinstance(value, int):
                    kinds: dict[type, str] = {m.HistoryPoint: "history"}
                    kind = kinds.get(self._owner_type(etype, path), "target")
                    self._year(etype.filename, path, value, allowed[kind])

    def _owner_type(self, etype: EntityType, path: tuple[Any, ...]) -> type:
        obj: Any = self.plan.files[etype.name]
        for part in path[:-1]:
            obj = obj[part] if isinstance(part, int) else getattr(obj, part)
        return type(obj)

    def _year(self, filename: str, path: tuple[Any, ...], year: int, bounds: tuple[int | None, int, str]) -> None:
        low, high, what = bounds
        if (low is not None and year < low) or year > high:
            self.add(filename, path, f"year {year} is outside {what}")

    # --- paths, settings --------------------------------------------------------------------------

    def paths(self) -> None:
        if self.failed:  # a path may name a figure of a file that is not valid this run
            return
        if self.plan.has("statements"):
            statements = self.plan.files["statements"]
            assert isinstance(statements, m.StatementsFile)
            checks: list[tuple[tuple[Any, ...], str]] = []
            for i, fact in enumerate(statements.facts):
                checks += [
                    (("facts", i, "statements", j, "path"), st.path) for j, st in enumerate(fact.statements) if st.path
                ]
            for i, share in enumerate(statements.shares):
                if share.stated.path:
                    checks.append((("shares", i, "stated", "path"), share.stated.path))
                checks += [
                    (("shares", i, "numerator"), share.numerator),
                    (("shares", i, "denominator"), share.denominator),
                ]
            for i, total in enumerate(statements.sums):
                checks += [(("sums", i, "total"), total.total)] + [
                    (("sums", i, "parts", j), p) for j, p in enumerate(total.parts)
                ]
            checks += self.audit_paths(statements)
            for loc, path in checks:
                try:
                    self.plan.resolve(path)
                except (KeyError, ValueError, StopIteration):
                    self.add("statements.yaml", loc, f"'{path}' names no figure in data/")
        if self.plan.has("statements"):
            self.breakdowns()
        if self.plan.has("targets"):
            self.target_paths()

    def audit_paths(self, statements: m.StatementsFile) -> list[tuple[tuple[Any, ...], str]]:
        """The paths the audit's further statements name (multiples, compounds, value added, counts, record sums);
        a count or record sum naming a collection the plan lacks is reported here."""
        checks: list[tuple[tuple[Any, ...], str]] = []
        for i, multiple in enumerate(statements.multiples):
            checks += [(("multiples", i, "base"), multiple.base), (("multiples", i, "level"), multiple.level)]
        named: list[tuple[str, int, str, m.Statement]] = [
            *(
                ("compounds", i, k, getattr(c, k))
                for i, c in enumerate(statements.compounds)
                for k in ("base", "rate", "level")
            ),
            *(
                ("value_added", i, k, getattr(v, k))
                for i, v in enumerate(statements.value_added)
                for k in ("value_added", "output")
            ),
            *(("counts", i, "stated", c.stated) for i, c in enumerate(statements.counts)),
            *(("record_sums", i, "total", r.total) for i, r in enumerate(statements.record_sums)),
            *(("multiples", i, "stated", x.stated) for i, x in enumerate(statements.multiples)),
        ]
        checks += [((key, i, k, "path"), st.path) for key, i, k, st in named if st.path]
        collections = [("counts", i, c.collection) for i, c in enumerate(statements.counts)]
        collections += [("record_sums", i, r.collection) for i, r in enumerate(statements.record_sums)]
        for key, i, name in collections:
            if name not in self.plan.index:
                self.add("statements.yaml", (key, i, "collection"), f"'{name}': no such collection")
        return checks

    def glossary_forms(self) -> None:
        """A Chinese form listed under two glossary terms is a data error: the glossary would give one name two
        renderings (the audit's ``names`` rule says which forms the plan itself makes one)."""
        glossary = self.plan.files.get("glossary")
        if not isinstance(glossary, m.GlossaryFile):
            return
        seen: dict[str, str] = {}
        for i, term in enumerate(glossary.terms):
            written: list[tuple[tuple[Any, ...], str]] = [  # the term's forms as glossary.yaml defines them
                (("terms", i, "term", "zh"), f.strip()) for f in term.term.zh.split(" / ") if f.strip()
            ]
            written += [(("terms", i, "zh_forms", j), f) for j, f in enumerate(term.zh_forms or [])]
            for form, loc in dict((f, loc) for loc, f in written).items():
                if form in seen and seen[form] != term.id:
                    self.add("glossary.yaml", loc, f"'{form}' is also a form of the term '{seen[form]}'")
                seen.setdefault(form, term.id)

    def outcomes(self) -> None:
        """Outcomes name targets the plan has (see :mod:`outcomes.checks`); a file of outcomes that failed
        validation has its valid records checked too, so one run reports every problem."""
        for etype in self.known:
            if etype.file is not m.OutcomesFile:
                continue
            add = functools.partial(self.add, etype.filename)
            model = self.plan.files.get(etype.name)
            checker = OutcomeChecker(self.plan, self.known, add, self.unchecked)
            if isinstance(model, m.OutcomesFile):
                checker.check(records_of(model))
            elif etype.filename in self.invalid:
                raw = self.invalid[etype.filename]
                self.docs.setdefault(etype.filename, raw)
                checker.check(valid_records(raw.data), source_ids(raw.data))

    def _names_figure(self, path: str) -> bool:
        try:
            self.plan.resolve(path)
        except (KeyError, ValueError, StopIteration):
            return False
        return True

    def units(self) -> None:
        """Every unit the data names is one the unit registry knows (see :mod:`model.meaning`)."""
        for etype in self.present:
            for path, message in unit_problems(self.plan.files[etype.name]):
                self.add(etype.filename, path, message)

    def breakdowns(self) -> None:
        statements = self.plan.files["statements"]
        assert isinstance(statements, m.StatementsFile)
        for i, item in enumerate(statements.breakdowns):
            if item.of is not None:
                name, _, ident = item.of.partition("/")
                if ident not in self.plan.index.get(name, {}):
                    self.add("statements.yaml", ("breakdowns", i, "of"), f"'{item.of}' names no record of the plan")
            for where, st in [(("total",), item.total), *((("parts", j), p) for j, p in enumerate(item.parts))]:
                if st.path is not None and not self._names_figure(st.path):
                    loc = ("breakdowns", i, *where, "path")
                    self.add("statements.yaml", loc, f"'{st.path}' names no figure in data/")

    def targets(self, paragraphs: dict[str, dict[int, int]] | None) -> None:
        """Each target's comparison is one of the list, its qualifier and commitment are the quote's words at its
        figure (and the comparison agrees with them), its range runs from low to high, and it cites a paragraph
        that exists in the section it names (``paragraphs``: chapter → {paragraph: section}, when the content is
        known) or a row of a table."""
        targets = self.plan.files["targets"]
        assert isinstance(targets, m.TargetsFile)
        for i, target in enumerate(targets.targets):
            at = ("targets", i)
            if target.comparison not in m.COMPARISONS:
                allowed = ", ".join(m.COMPARISONS)
                self.add("targets.yaml", (*at, "comparison"), f"'{target.comparison}' is not one of {allowed}")
            elif target.value is None and target.comparison != "exactly":
                self.add(
                    "targets.yaml", (*at, "comparison"), "a range (value_min–value_max) is read as within it: exactly"
                )
            for field, message in word_problems(target):  # the plan's words at the figure (以上, 力争 …)
                self.add("targets.yaml", (*at, field), message)
            labelled_in = (target.same_as or "").partition("/")[0]
            if (unlabelled := nature_problem(self.plan, target)) is not None and not self.unchecked(labelled_in):
                self.add("targets.yaml", (*at, "nature"), unlabelled)
            low, high = target.value_min, target.value_max
            if low is not None and high is not None and low > high:
                message = f"the range's minimum {low:g} is greater than its maximum {high:g}"
                self.add("targets.yaml", (*at, "value_min"), message)
            if paragraphs is not None:
                self._passage(i, target.source, paragraphs)

    def _passage(
        self,
        i: int,
        cited: m.Passage,
        paragraphs: dict[str, dict[int, int]],
        filename: str = "targets.yaml",
        at: tuple[Any, ...] | None = None,
    ) -> None:
        source = self.plan.index["sources"].get(cited.ref)
        if source is None:
            return  # reported with the sources
        at = at or ("targets", i, "source")
        if cited.paragraph is None:
            if source.chapter is not None and cited.row is None and filename == "targets.yaml":
                self.add(filename, at, f"'{cited.ref}' is a section of the text: cite its paragraph")
            return
        if source.chapter is None:
            self.add(filename, (*at, "paragraph"), f"'{cited.ref}' is a table: cite its row")
            return
        found = paragraphs.get(source.chapter, {})
        if cited.paragraph not in found:
            last = max(found, default=0)
            message = f"chapter '{source.chapter}' has no paragraph {cited.paragraph} (it has p-1 to p-{last})"
            self.add(filename, (*at, "paragraph"), message)
        elif source.anchor and source.anchor.startswith("sec-") and found[cited.paragraph] != int(source.anchor[4:]):
            message = f"p-{cited.paragraph} of '{source.chapter}' is not in section '{cited.ref}' ({source.anchor})"
            self.add(filename, (*at, "paragraph"), message)

    def statement_passages(self, paragraphs: dict[str, dict[int, int]]) -> None:
        """A paragraph a statement of statements.yaml cites exists in the section it names (a paragraph is optional
        there: the audit page links to it when given)."""
        statements = self.plan.files.get("statements")
        if not isinstance(statements, m.StatementsFile):
            return
        for loc, cited in _statement_sources(statements.model_dump(), ()):
            self._passage(0, m.Passage(**cited), paragraphs, "statements.yaml", loc)

    def target_paths(self) -> None:
        """A target's ``same_as`` names a figure; what it ``restates`` is the first statement, not a restatement."""
        targets = self.plan.files["targets"]
        assert isinstance(targets, m.TargetsFile)
        by_id = {t.id: t for t in targets.targets}
        for i, target in enumerate(targets.targets):
            if target.same_as is not None and not self._names_figure(target.same_as):
                self.add("targets.yaml", ("targets", i, "same_as"), f"'{target.same_as}' names no figure in data/")
            first = by_id.get(target.restates or "")
            if target.restates == target.id:
                self.add("targets.yaml", ("targets", i, "restates"), "a target cannot restate itself")
            elif first is not None and first.restates is not None:
                self.add(
                    "targets.yaml",
                    ("targets", i, "restates"),
                    f"'{first.id}' itself restates '{first.restates}': name the first statement",
                )

    def settings(self) -> None:
        site = self.plan.meta.site
        if site.featured_indicator is not None and "indicators" not in self.failed:
            absent = self.missing_collection("indicators")
            if absent or site.featured_indicator not in self.plan.index["indicators"]:
                self.add(
                    PLAN_FILE,
                    ("site", "featured_indicator"),
                    absent or f"unknown indicator '{site.featured_indicator}'",
                )
        counts = set(self.plan.files) | self.failed
        for lang in ("zh", "en"):
            for name in _fields(site.description[lang]):
                if name not in counts:
                    self.add(PLAN_FILE, ("site", "description", lang), f"'{{{name}}}' is not a collection of the plan")
        for etype in self.present:
            description = getattr(self.plan.files[etype.name], "description", None)
            for lang in ("zh", "en"):
                for name in _fields(description[lang]) if description else ():
                    if name != "count":
                        self.add(
                            etype.filename, ("description", lang), f"'{{{name}}}': only {{count}} can be filled in"
                        )
        projects = self.plan.files.get("projects")
        if isinstance(projects, m.ProjectsFile) and projects.star is None:
            for i, project in enumerate(projects.projects):
                if project.starred:
                    self.add(
                        "projects.yaml", ("projects", i, "starred"), "no `star:` in the file says which list ★ means"
                    )


def _fields(text: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return ["{"]


def check_references(
    plan: Plan,
    present: Sequence[EntityType],
    known: Sequence[EntityType],
    docs: dict[str, YamlDoc],
    log: ProblemLog,
    failed: set[str] | None = None,
    invalid: dict[str, YamlDoc] | None = None,
    paragraphs: dict[str, dict[int, int]] | None = None,
) -> None:
    """Record a problem for every reference in ``docs`` that names nothing in ``plan`` (and, when ``paragraphs``
    gives the chapters' paragraphs by their sections, every cited paragraph that does not exist; ``invalid``: the
    files that failed validation, as read, whose valid records are checked where that is useful)."""
    checker = _Checker(plan, present, known, docs, log, failed or set(), invalid or {})
    checker.ids()
    checker.sources()
    if checker.period():
        checker.years()
    checker.paths()
    checker.glossary_forms()
    checker.units()
    if plan.has("targets"):
        checker.targets(paragraphs)
    if paragraphs is not None:
        checker.statement_passages(paragraphs)
    checker.outcomes()
    checker.settings()


def _statement_sources(data: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """Every ``source`` of statements.yaml (a statement's, a name form's) with where it is."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "source" and isinstance(value, dict) and "ref" in value:
                yield (*path, key), value
            else:
                yield from _statement_sources(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _statement_sources(value, (*path, i))
