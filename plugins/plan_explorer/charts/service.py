"""A vl-convert process for the charts Python does not draw (the forms of draw.py need none).

vl-convert takes ~0.8 s to start (a JavaScript engine, then the fonts) before its first chart, so it is started
only by the first chart that needs it, in the process making that chart (a language worker, or the build
itself when the plan is too small to fork), and serves that process's charts; they wait for the SVG files it
writes into the chart cache (named by a hash of the spec).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import queue
import re
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BuildFailed
from ..outputdir import replace_whole

LOCALE = {"zh": "zh-CN", "en": "en-US"}
#: Rendered first: it loads the engine and the CJK and Latin fonts before a real chart arrives.
WARM_UP = {
    "data": {"values": [{"label": "规模以上 industry", "value": 1}]},
    "mark": "bar",
    "encoding": {"y": {"field": "label", "type": "nominal"}, "x": {"field": "value", "type": "quantitative"}},
}
WAIT_SECONDS = 120  # for one build's charts; vl-convert renders one in well under a second


def render_svg(spec_json: str, lang: str) -> str:
    import vl_convert as vlc

    locale: Any = LOCALE[lang]  # one of vl-convert's locale names
    return str(vlc.vegalite_to_svg(json.loads(spec_json), format_locale=locale))


def _serve(jobs: Any, parent: int) -> None:
    """The process: render each job into ``<folder>/<key>.svg`` (or ``<key>.error``) until ``None`` comes, or
    until the process that started it is gone (killed: it could not say so)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle; it then stops this process
    render_svg(json.dumps(WARM_UP), "zh")
    while os.getppid() == parent:
        try:
            job = jobs.get(timeout=1)
        except queue.Empty:
            continue
        if job is None:
            return
        folder, key, spec_json, lang = job
        target = Path(folder) / f"{key}.svg"
        try:
            text = render_svg(spec_json, lang)
        except Exception as exc:  # noqa: BLE001 — reported to the build, which fails with it
            message = re.split(r"\s+at\s", f"{type(exc).__name__}: {exc}")[0]  # without the JavaScript stack
            text, target = " ".join(message.split())[:400], target.with_suffix(".error")
        replace_whole(target, text.encode())


@dataclass
class VegaService:
    """The vl-convert process; :meth:`submit` a chart's spec, :meth:`wait` for SVGs (from any forked process)."""

    _process: Any = None
    _jobs: Any = None
    _owner: int = 0  # the process that started it, the only one that can stop it
    submitted: set[str] = field(default_factory=set)  # keys of the charts handed to it

    def start(self) -> None:
        if self._process is not None:
            return
        self._owner = os.getpid()
        methods = multiprocessing.get_all_start_methods()
        context: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._jobs = context.Queue()
        self._process = context.Process(target=_serve, args=(self._jobs, os.getpid()), daemon=True)
        self._process.start()

    @property
    def idle(self) -> bool:
        return not self.submitted

    def submit(self, folder: Path, key: str, spec_json: str, lang: str) -> None:
        """Render ``spec_json`` into ``folder`` as ``<key>.svg`` (once per key)."""
        if key in self.submitted:
            return
        self.start()
        (folder / f"{key}.error").unlink(missing_ok=True)
        self.submitted.add(key)
        self._jobs.put((str(folder), key, spec_json, lang))

    def wait(self, folder: Path, keys: set[str]) -> dict[str, str]:
        """The SVG of each key, once rendered into ``folder``; a failed or stalled render fails the build."""
        svgs: dict[str, str] = {}
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            for key in keys - svgs.keys():
                if (folder / f"{key}.error").exists():
                    message = (folder / f"{key}.error").read_text(encoding="utf-8")
                    raise BuildFailed(f"a chart could not be rendered: {message}")
                if (folder / f"{key}.svg").exists():
                    svgs[key] = (folder / f"{key}.svg").read_text(encoding="utf-8")
            if not (missing := keys - svgs.keys()):
                return svgs
            if time.monotonic() > deadline:
                raise BuildFailed(f"chart rendering stopped: {len(missing)} chart(s) not rendered")
            time.sleep(0.01)

    def stop(self, wait: bool = True) -> None:
        """End the process (only where it was started): after its queued charts, or now if it has none or
        the build failed (``wait=False``)."""
        if self._process is None or self._owner != os.getpid():
            return
        if self.idle or not wait:
            self._process.terminate()
        else:
            self._jobs.put(None)
        self._process.join(timeout=WAIT_SECONDS)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._jobs.close()
        self._process = self._jobs = None
        self.submitted.clear()
