"""Command line: ``check`` validates the data; ``build`` writes the site atomically.

``python -m plugins.plan_explorer check`` prints counts and audit findings;
``python -m plugins.plan_explorer build [--settings F] [--output DIR]`` builds into a hidden folder
beside the output (see :mod:`outputdir`), indexes it for search and swaps it in only on success, so a
failed build never leaves a half-written site. Data problems print as ``file:line: field: message`` and exit 1.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import Any

from .chartservice import VegaService
from .errors import BuildFailed, DataError
from .i18n import MissingTranslation
from .outputdir import OutputFolders

ROOT = Path(__file__).resolve().parents[2]


class WarningCounter(logging.Handler):
    """Counts warnings so that ``--fatal-warnings`` can fail the build (as pelican's --fatal)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def check(root: Path) -> int:
    from .generator import load_site

    try:
        site, _ = load_site(root, "")
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found; nothing was built.", file=sys.stderr)
        return 1
    plan = site.plan
    counts = {name: len(items) for name, items in plan.index.items() if name != "sources"}
    print("data OK: " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    print(f"content OK: {len(site.chapters)} chapters, {len(site.pages)} pages, both languages")
    audit = site.audit.counts()
    print(f"audit: {len(site.audit.findings)} findings ({', '.join(f'{n} {s}' for s, n in audit.items())})")
    for finding in site.audit.findings:
        print(f"  [{finding.severity}] {finding.subject.en}: {finding.computation}")
    return 0


def pelican_settings(
    root: Path, settings_file: Path, output: Path, search: bool, charts: VegaService | None = None
) -> dict[str, Any]:
    from pelican.settings import read_settings

    # The plugin is passed as this very module, so the DataError raised inside Pelican is ours.
    plugin = sys.modules[__package__]
    overrides = {
        "OUTPUT_PATH": str(output),
        "PLAN_ROOT": str(root),
        "PLUGINS": [plugin],
        "PLAN_SEARCH": search,
        "PLAN_CHART_SERVICE": charts,
    }
    return read_settings(str(settings_file), override=overrides)


def build(root: Path, settings_file: Path, output: Path, fatal_warnings: bool = True, search: bool = True) -> int:
    started = time.perf_counter()
    charts = VegaService()
    charts.start()  # vl-convert's start-up (~0.8 s) passes while Pelican is imported and the plan loaded
    folders = OutputFolders(output.resolve())
    counter = WarningCounter()
    logging.getLogger().addHandler(counter)
    try:
        from pelican import Pelican

        Pelican(pelican_settings(root, settings_file, folders.start(), search, charts)).run()
        if fatal_warnings and counter.messages:
            raise BuildFailed("warnings are fatal: " + "; ".join(counter.messages[:5]))
    except DataError as exc:
        folders.abandon()
        report_problems(exc)
        return 1
    except (BuildFailed, MissingTranslation) as exc:
        folders.abandon()
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    finally:
        logging.getLogger().removeHandler(counter)
        charts.stop(wait=False)  # already stopped after a build; at once after a failure
    folders.finish()
    print(f"built {folders.output} in {time.perf_counter() - started:.1f}s")
    return 0


def report_problems(exc: DataError) -> None:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    print(f"{len(exc.problems)} problem(s) found; the previous site was left as it was.", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="plan_explorer")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate data/ and content/, print counts and audit findings")
    b = sub.add_parser("build", help="build the site atomically")
    b.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    b.add_argument("--output", default=str(ROOT / "output"))
    b.add_argument("--no-search", action="store_true")
    b.add_argument("--allow-warnings", action="store_true")
    s = sub.add_parser("schema", help="write the JSON Schemas to data/schema/")
    s.add_argument("--dir", default=str(ROOT / "data" / "schema"))
    d = sub.add_parser("devserver", help="serve output/, rebuild on changes, reload the browser")
    d.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    if args.command == "check":
        return check(ROOT)
    if args.command == "build":
        if not Path(args.settings).is_file():
            print(f"build failed: no settings file {args.settings}", file=sys.stderr)
            return 2
        return build(ROOT, Path(args.settings), Path(args.output), not args.allow_warnings, not args.no_search)
    if args.command == "schema":
        from .schema import write_schemas

        write_schemas(Path(args.dir))
        return 0
    from .devserver import run_devserver

    return run_devserver(ROOT, args.port)
