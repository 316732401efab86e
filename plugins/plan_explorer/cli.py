"""Command line: ``check`` validates a plan; ``build`` writes its site atomically; ``devserver``; ``schema``;
``workbook`` writes the spreadsheet staff record outcomes in, ``import`` brings it back into ``data/outcomes.yaml``;
``draft FILE --plan DIR`` drafts a plan folder from the plan's Word file (:mod:`.draft`).
``translations`` writes the texts that need English to an XLIFF file, ``import-translations`` brings it back.

``python -m plugins.plan_explorer check [--plan DIR]`` prints what the plan has, counts and audit findings;
``python -m plugins.plan_explorer build [--plan DIR] [--settings F] [--output DIR]`` builds the site. Anything
a user can cause (a :class:`PlanError`) prints as clean lines (data problems as ``file:line: field: message``)
and exits 1; nothing is written then.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from pathlib import Path

from .audit import render
from .audit.findings import words
from .build import INTERRUPTED, BuildOptions, build, report
from .devserver import run_devserver
from .entities import ENTITY_TYPES
from .errors import PlanError, WorkbookError
from .model import records as m
from .model.plan import Plan
from .outcomes.sheets import layout
from .pipeline import load_site
from .schema import write_schemas
from .serve import serve_site
from .targets import KINDS, entity_list
from .translations.units import Counts, all_units, count

ROOT = Path(__file__).resolve().parents[2]
THEME = ROOT / "theme"


def check(plan_root: Path) -> int:
    try:
        site = load_site(plan_root, THEME, history=False)
    except PlanError as exc:
        report(exc, "nothing was built")
        return 1
    plan = site.plan
    has = [t.name for t in site.types]
    lacks = [t.name for t in ENTITY_TYPES if t.name not in has]
    print(
        f"plan: {plan.info.title['en']} ({plan.info.period.start}–{plan.info.period.end}, base year {plan.base_year})"
    )
    print("collections: " + ", ".join(has) + (f" (not in this plan: {', '.join(lacks)})" if lacks else ""))
    counts = {name: len(items) for name, items in plan.lists.items() if name != "sources"}
    print("data OK: " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    print(f"content OK: {len(site.chapters)} chapters, {len(site.docs)} pages")
    print(translation_line(count(all_units(plan, site.chapters, site.docs))))
    for line in target_counts(plan):
        print(line)
    audit = site.audit.counts()
    print(f"audit: {len(site.audit.findings)} findings ({', '.join(f'{n} {s}' for s, n in audit.items())})")
    t, fmt = site.t("en"), site.fmt("en")
    for finding in site.audit.findings:
        tag = f"knock-on of {finding.follows}" if finding.follows else finding.severity
        note = " (rests on the site's classification)" if finding.classified else ""
        print(
            f"  [{tag}] {finding.rule}: {words(finding.subject, t, fmt)}: {render(finding.computation, t, fmt)}{note}"
        )
    for skip in site.audit.skipped:
        print(f"  [skipped] {skip.rule}: {words(skip.subject, t, fmt)}: {render(skip.reason, t, fmt)}")
    return 0


def translation_line(counts: Counts) -> str:
    """``translation: …``: how many of the plan's texts have their English, lack it or have it out of date."""
    if counts.complete:
        return f"translation: all {counts.total} texts translated"
    return (
        f"translation: {counts.translated} of {counts.total} texts translated, {counts.missing} untranslated, "
        f"{counts.outdated} outdated (make translations writes them to an XLIFF file)"
    )


def target_counts(plan: Plan) -> list[str]:
    """``targets: …`` lines: the plan's commitments by the kind of entity they belong to, and by kind."""
    targets = plan.all(m.Target)
    if not targets:
        return []
    firsts = [t for t in targets if t.restates is None]
    by_type = Counter(entity_list(t) for t in firsts)
    by_kind: Counter[str] = Counter(t.kind for t in firsts)
    restated = len(targets) - len(firsts)
    return [
        f"targets: {len(firsts)} commitments ({len(targets)} statements: {restated} restate another)",
        "  by entity type: " + ", ".join(f"{name} {n}" for name, n in by_type.most_common()),
        "  by kind: " + ", ".join(f"{kind} {by_kind[kind]}" for kind in KINDS if by_kind[kind]),
    ]


def workbook(plan_root: Path, output: Path) -> int:
    """Write the outcomes workbook of the plan, filled with what ``data/outcomes.yaml`` holds."""
    try:
        site = load_site(plan_root, THEME, history=False)  # the workbook holds no change history
    except PlanError as exc:
        report(exc, "no workbook was written")
        return 1
    from .outcomes.workbook import write_workbook  # openpyxl: loaded by the commands that use it, not by builds

    zh, en = site.t("zh"), site.t("en")
    sheets = layout(site.plan, site.types, zh, en)
    write_workbook(sheets, site.plan.file(m.OutcomesFile), output, zh, en)
    rows = ", ".join(f"{s.name} {len(s.rows)}" for s in sheets.sheets)
    print(f"wrote {output}: sheets {sheets.instructions}, {rows} (rows)")
    return 0


def import_outcomes(plan_root: Path, file: str) -> int:
    """Check a filled-in workbook and write ``data/outcomes.yaml`` from it (nothing on any problem)."""
    try:
        site = load_site(plan_root, THEME, history=False)  # the workbook holds no change history
    except PlanError as exc:
        report(exc, "nothing was imported")
        return 1
    from .outcomes.importer import import_workbook  # openpyxl: loaded by the commands that use it

    zh, en = site.t("zh"), site.t("en")
    try:
        result = import_workbook(Path(file), file, site.plan, ENTITY_TYPES, layout(site.plan, site.types, zh, en))
    except WorkbookError as exc:
        report(exc)
        print(f"{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return 1
    counts = ", ".join(f"{n} {name}" for name, n in result.counts.items())
    print(f"data/outcomes.yaml {'updated' if result.written else 'unchanged'}: {counts}")
    return 0


def draft(file: Path, folder: Path, force: bool) -> int:
    """Draft a plan folder from the plan's Word file (nothing is written on any problem)."""
    from .draft import DraftError, draft_plan  # python-docx and pypinyin: loaded by the draft only

    if folder.resolve() == ROOT.resolve() or ROOT.resolve().is_relative_to(folder.resolve()):
        print(f"{folder}: this is the generator's own folder; give PLAN=<a new folder>", file=sys.stderr)
        return 1
    try:
        written, notes = draft_plan(file, folder, force)
    except DraftError as exc:
        report(exc)
        print(f"{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return 1
    for note in notes:
        print(f"{file.name}: {note}", file=sys.stderr)
    print(f"drafted {folder}: {len(written.written)} files written, {len(written.unchanged)} unchanged")
    for name in written.kept:
        print(f"kept {name}: edited since the last draft; the new draft of it is {name}.draft")
    print(f"next: read {folder / 'draft-report.md'}")
    return 0


def export_translations(plan_root: Path, file: Path) -> int:
    """Write the plan's texts that need English (missing or outdated) to an XLIFF file for translators."""
    try:
        site = load_site(plan_root, THEME, history=False)
    except PlanError as exc:
        report(exc, "no file was written")
        return 1
    from .translations.exchange import export_translations as export  # translate-toolkit: only for this command

    try:
        units = export(site, file)
    except OSError as exc:
        print(f"{file}: cannot be written ({exc.strerror or exc})", file=sys.stderr)
        return 1
    missing = sum(u.state == "missing" for u in units)
    print(f"wrote {file}: {len(units)} texts to translate ({missing} untranslated, {len(units) - missing} outdated)")
    return 0


def import_translations(plan_root: Path, file: str) -> int:
    """Check a translated XLIFF file and write its English into the plan (nothing on any problem)."""
    try:
        site = load_site(plan_root, THEME, history=False)
    except PlanError as exc:
        report(exc, "nothing was imported")
        return 1
    from .translations.exchange import TranslationFileError
    from .translations.exchange import import_translations as read_back

    try:
        result = read_back(site, plan_root, Path(file), file)
    except TranslationFileError as exc:
        report(exc)
        print(f"{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return 1
    files = ", ".join(result.written) if result.written else "no file changed"
    print(f"imported {result.translated} translations ({result.skipped} units unchanged or empty): {files}")
    return 0


def run_build(options: BuildOptions) -> int:
    if not options.settings.is_file():
        print(f"build failed: no settings file {options.settings}", file=sys.stderr)
        return 2
    try:
        result = build(options)
    except PlanError as exc:
        report(exc)
        return 1
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return 130
    print(f"built {result.output}: {result.summary()} in {result.seconds:.1f}s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="plan_explorer")
    sub = parser.add_subparsers(dest="command", required=True)
    plan_help = "the plan's folder, holding data/ and content/ (default: this project's own plan)"
    c = sub.add_parser("check", help="validate the plan's data and content, print counts and audit findings")
    c.add_argument("--plan", default=str(ROOT), help=plan_help)
    b = sub.add_parser("build", help="build the site atomically")
    b.add_argument("--plan", default=str(ROOT), help=plan_help)
    b.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    b.add_argument("--output", default=str(ROOT / "output"))
    b.add_argument("--no-search", action="store_true")
    b.add_argument("--allow-warnings", action="store_true")
    p = sub.add_parser("publish", help="build the site to publish: absolute URLs under SITEURL, precompressed files")
    p.add_argument("--plan", default=str(ROOT), help=plan_help)
    p.add_argument("--settings", default=str(ROOT / "publishconf.py"))
    p.add_argument("--output", default=str(ROOT / "output"))
    v = sub.add_parser("serve", help="serve a built site on 127.0.0.1 (its own 404 pages), without rebuilding")
    v.add_argument("--output", default=str(ROOT / "output"))
    v.add_argument("--port", type=int, default=8000)
    v.add_argument("--build", action="store_true", help="build the site first, once the port is held")
    v.add_argument("--plan", default=str(ROOT), help=plan_help)
    s = sub.add_parser("schema", help="write the JSON Schemas to data/schema/")
    s.add_argument("--dir", default=str(ROOT / "data" / "schema"))
    w = sub.add_parser("workbook", help="write the spreadsheet staff record outcomes in")
    w.add_argument("--plan", default=str(ROOT), help=plan_help)
    w.add_argument("--output", default="outcomes.xlsx")
    i = sub.add_parser("import", help="check a filled-in workbook and write data/outcomes.yaml from it")
    i.add_argument("--plan", default=str(ROOT), help=plan_help)
    i.add_argument("file", help="the workbook (.xlsx)")
    f = sub.add_parser("draft", help="draft a plan folder from the plan's Word (.docx) file")
    f.add_argument("file", help="the plan's Word file (.docx)")
    f.add_argument("--plan", required=True, help="the plan folder to write (a new folder)")
    f.add_argument("--force", action="store_true", help="draft over an existing folder (edited files are kept)")
    x = sub.add_parser("translations", help="write the texts that need English to an XLIFF file for translators")
    x.add_argument("--plan", default=str(ROOT), help=plan_help)
    x.add_argument("--output", default="plan.xlf")
    y = sub.add_parser("import-translations", help="check a translated XLIFF file and write its English")
    y.add_argument("--plan", default=str(ROOT), help=plan_help)
    y.add_argument("file", help="the translated file (.xlf)")
    d = sub.add_parser("devserver", help="serve output/, rebuild on changes, reload the browser")
    d.add_argument("--plan", default=str(ROOT), help=plan_help)
    d.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    if args.command == "check":
        return check(Path(args.plan).resolve())
    if args.command in ("build", "publish"):
        publishing = args.command == "publish"
        options = BuildOptions(
            Path(args.plan).resolve(),
            Path(args.settings),
            Path(args.output),
            fatal_warnings=publishing or not args.allow_warnings,
            search=publishing or not args.no_search,
            publish=publishing,
        )
        return run_build(options)
    if args.command == "serve":
        output = Path(args.output)
        options = BuildOptions(Path(args.plan).resolve(), ROOT / "pelicanconf.py", output)
        return serve_site(output, args.port, (lambda: run_build(options)) if args.build else None)
    if args.command == "schema":
        write_schemas(Path(args.dir), ENTITY_TYPES)
        return 0
    if args.command == "workbook":
        return workbook(Path(args.plan).resolve(), Path(args.output))
    if args.command == "import":
        return import_outcomes(Path(args.plan).resolve(), args.file)
    if args.command == "draft":
        return draft(Path(args.file), Path(args.plan), args.force)
    if args.command == "translations":
        return export_translations(Path(args.plan).resolve(), Path(args.output))
    if args.command == "import-translations":
        return import_translations(Path(args.plan).resolve(), args.file)
    return run_devserver(ROOT, Path(args.plan).resolve(), args.port)
