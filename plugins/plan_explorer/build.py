"""Building a site atomically: Pelican runs into a hidden folder beside the output (see :mod:`outputdir`),
which replaces the output only on success, so a failed build never leaves a half-written site."""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .charts.service import VegaService
from .errors import BuildFailed, DataError, PlanError
from .i18n import LANGS
from .outputdir import OutputFolders
from .publish import precompress

#: what Ctrl-C during a build prints (the command line, the dev server): the one line it ends with
INTERRUPTED = "build interrupted; the previous site was left as it was"


class WarningCounter(logging.Handler):
    """Counts warnings so that fatal warnings can fail the build (as pelican's --fatal)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass(frozen=True)
class BuildOptions:
    plan: Path  # the plan's folder: data/ and content/
    settings: Path  # the Pelican settings file
    output: Path
    fatal_warnings: bool = True
    search: bool = True
    publish: bool = False  # the site's address must be real (publish.siteurl_problems); files precompressed


@dataclass
class BuildReport:
    output: Path
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        """What was built, counted: ``109 zh + 109 en pages, 182 charts, 214 search records``."""
        counts = self.counts
        pages = " + ".join(f"{counts.get(f'pages_{lang}', 0)} {lang}" for lang in LANGS)
        text = f"{pages} pages, {counts.get('charts', 0)} charts"
        text += f", {counts['records']} search records" if counts.get("records") else ", no search index"
        if "compressed" in counts:
            text += f", {counts['compressed']} files precompressed (.gz, .br)"
        return text


def pelican_settings(options: BuildOptions, output: Path, charts: VegaService | None = None) -> dict[str, Any]:
    from pelican.settings import read_settings

    # The plugin is passed as this very package, so the errors raised inside Pelican are ours.
    plugin = sys.modules[__package__]
    overrides = {
        "OUTPUT_PATH": str(output),
        "PLAN_ROOT": str(options.plan),
        "PLUGINS": [plugin],
        "PLAN_SEARCH": options.search,
        "PLAN_CHART_SERVICE": charts,
        "PLAN_REPORT": {},
        "PLAN_PUBLISH": options.publish,
    }
    settings: dict[str, Any] = read_settings(str(options.settings), override=overrides)
    return settings


def report(exc: PlanError, kept: str = "the previous site was left as it was") -> None:
    """Print what a user caused, one line per problem, and what became of the site."""
    for line in exc.lines():
        print(line, file=sys.stderr)
    if isinstance(exc, DataError):
        print(f"{len(exc.problems)} problem(s) found; {kept}.", file=sys.stderr)


def build(options: BuildOptions, wait: bool = True) -> BuildReport:
    """Build the site; on any error (a PlanError for what a user can cause) the previous output stays as it was.

    One build at a time per output folder (its lock, :meth:`OutputFolders.locked`): a second waits for the first,
    or with ``wait=False`` fails at once (:class:`BuildBusy`). Success is reported only once the site swapped in
    holds every file the build wrote."""
    folders = OutputFolders(options.output.resolve())
    with folders.locked(wait):
        return _build(options, folders)


def _build(options: BuildOptions, folders: OutputFolders) -> BuildReport:
    started = time.perf_counter()
    charts = VegaService()  # started by the first chart not drawn in Python (the plan's charts all are)
    counter = WarningCounter()
    logging.getLogger().addHandler(counter)
    pages: list[str] = []
    try:
        from pelican import Pelican
        from pelican.log import console

        settings = pelican_settings(options, folders.start(), charts)
        settings["PLAN_PAGES"] = pages
        console.quiet = True  # its summary counts articles and pages, of which this site has none: we report ours
        try:
            Pelican(settings).run()
        finally:
            console.quiet = False
        if options.fatal_warnings and counter.messages:
            raise BuildFailed("warnings are fatal: " + "; ".join(counter.messages[:5]))
        if not pages:
            raise BuildFailed("the plan's generator wrote nothing (is plan_explorer in the settings' PLUGINS?)")
        if options.publish:
            settings["PLAN_REPORT"]["compressed"] = precompress(folders.building, Path(settings["CACHE_PATH"]))
    except BaseException:
        folders.abandon()
        raise
    finally:
        logging.getLogger().removeHandler(counter)
        charts.stop(wait=False)  # already stopped after a build; at once after a failure
    folders.finish()
    if missing := folders.missing(pages):
        raise BuildFailed(
            f"the site swapped into {folders.output} lacks {len(missing)} of the {len(pages)} files written "
            f"(e.g. {missing[0]}): something else changed the folder during the build; build again"
        )
    return BuildReport(folders.output, time.perf_counter() - started, dict(settings["PLAN_REPORT"]))
