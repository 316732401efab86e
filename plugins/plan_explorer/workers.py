"""Run shares of the build (one per language) in forked worker processes, one per core.

Jinja renders a page in a few milliseconds, and a plan 100 times the real one has 12,000 pages. Forked
workers inherit the loaded plan, the page contexts and the compiled templates, so nothing is pickled
but each worker's result: a count, or its error. Where ``fork`` is not available, or the shares are
small, they run one after the other in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import signal
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import BuildFailed
from .templateerrors import TemplateFailed

MIN_PAGES_TO_FORK = 100  # below this, forking costs more than it saves

TEMPLATE = "template: "  # a worker's error that is a template's, located (templateerrors.TemplateFailed)
Share = Callable[[], dict[str, int]]  # one share of the work; returns counts (of charts drawn, rendered...)


def _run(share: Share, index: int, results: Any) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # stopped at once (the dev server turns it into Ctrl-C)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to report; it ends the workers
    try:
        results.put((index, share(), ""))
    except TemplateFailed as exc:  # located already: the parent raises it as it is
        results.put((index, {}, TEMPLATE + str(exc)))
    except Exception as exc:  # noqa: BLE001 — any failure in a worker fails the build, reported by the parent
        results.put((index, {}, f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=-3)}"))


@dataclass
class Workers:
    """Shares started in forked processes (or run here); :meth:`join` waits for them and sums their counts."""

    shares: Sequence[Share]
    pages: int  # how much work the shares hold, to decide whether forking pays
    cores: int = field(default_factory=lambda: os.cpu_count() or 1)
    _processes: list[Any] = field(default_factory=list)
    _results: Any = None
    _done_here: list[dict[str, int]] = field(default_factory=list)

    def start(self) -> None:
        fork = "fork" in multiprocessing.get_all_start_methods()
        forking = fork and self.cores > 1 and self.pages >= MIN_PAGES_TO_FORK
        if not forking:
            self._done_here = [share() for share in self.shares]
            return
        context = multiprocessing.get_context("fork")
        self._results = context.Queue()
        self._processes = [
            context.Process(target=_run, args=(share, i, self._results)) for i, share in enumerate(self.shares)
        ]
        gc.freeze()  # the loaded plan outlives the build: the workers' collector leaves it alone, and unshared
        try:  # memory pages it would touch stay uncopied (about a tenth of the CPU time at 100 times the plan)
            for process in self._processes:
                process.start()
        finally:
            gc.unfreeze()  # this process may live on (the dev server): its next build's garbage is collected

    def stop(self) -> None:
        """End the workers early (this process failed: their work is of no use)."""
        for process in self._processes:
            process.terminate()
            process.join()
        self._processes = []

    def join(self) -> list[dict[str, int]]:
        """Wait for the workers; the counts of every share."""
        if not self._processes:
            return self._done_here
        outcomes: list[tuple[int, dict[str, int], str]] = []
        while len(outcomes) < len(self._processes):
            try:
                outcomes.append(self._results.get(timeout=1))
            except queue.Empty:
                if any(p.exitcode not in (None, 0) for p in self._processes):
                    outcomes.append((-1, {}, "a worker process stopped"))
                    break
        errors = [error for *_, error in outcomes if error]
        if errors:
            self.stop()
            if errors[0].startswith(TEMPLATE):
                raise TemplateFailed(errors[0].removeprefix(TEMPLATE))
            raise BuildFailed("rendering failed: " + errors[0].strip().splitlines()[0])
        for process in self._processes:
            process.join()
        return [counts for _, counts, _ in outcomes]
