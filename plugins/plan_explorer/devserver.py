"""``make devserver``: serve output/, rebuild when data/, content/, theme/ or plugins/ change, reload the browser.

After an edit of data, content or templates, the pages viewed most recently are written first, straight
into the served site (data loaded and those pages rendered: a fraction of a second), and the browser
reloads; then the whole site is rebuilt atomically, search index included, and swapped in. A change to
plugins/ restarts the server process, so the new code is what runs. The page polls ``__build-id.txt``
and reloads when it changes. Each step prints how long it took.
"""

from __future__ import annotations

import functools
import http.server
import io
import json
import os
import signal
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from .build import BuildOptions, build, report
from .errors import PlanError
from .pipeline import Theme, load_site, write_pages

WATCHED = ("theme", "plugins")  # of the project; the plan's data/ and content/ are watched too
PLAN_WATCHED = ("data", "content")
FAST = ("theme/templates", "theme/i18n.yaml")  # besides the plan's data and content: changes the viewed pages can be
# redrawn for
RECENT_PAGES = 4
# The page is served with the id of the build it shows, so an id published before its first poll still reloads it;
# a missing id file (the moment a full build swaps folders) is no change.
RELOAD_SCRIPT = (
    "<script>(function(){var u=new URL('/__build-id.txt',location.href),id=%s;setInterval(function(){"
    "fetch(u,{cache:'no-store'}).then(function(r){return r.ok?r.text():id}).then(function(t){"
    "if(t!==id){location.reload()}}).catch(function(){})},300)})();</script>"
)


def snapshot(folders: list[Path]) -> dict[Path, float]:
    return {p: p.stat().st_mtime for d in folders for p in d.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


class RecentPages:
    """The HTML files served most recently (relative to output/), newest first; shared with the handler threads."""

    def __init__(self) -> None:
        self._names: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def saw(self, name: str) -> None:
        with self._lock:
            self._names[name] = None
            self._names.move_to_end(name, last=False)
            while len(self._names) > RECENT_PAGES:
                self._names.popitem()

    def names(self) -> set[str]:
        with self._lock:
            return set(self._names)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves output/, appends the reload script to HTML pages and notes which pages are being viewed."""

    def __init__(self, *args: object, recent: RecentPages, build_id: Callable[[], str], **kwargs: object) -> None:
        self.recent, self.build_id = recent, build_id
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            return super().send_head()
        self.recent.saw(path.relative_to(self.directory).as_posix())
        script = RELOAD_SCRIPT % json.dumps(self.build_id())  # the id before the page: never older than its content
        body = path.read_bytes().replace(b"</body>", script.encode() + b"</body>")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)


def write_viewed_pages(options: BuildOptions, theme: Theme, cache: Path, names: set[str]) -> list[str]:
    """Render the pages ``names`` from the current data straight into the served output; [] if it has problems
    (they are reported by the full build that follows)."""
    try:
        site = load_site(options.plan, theme.folder)
        return write_pages(site, options.output, theme, cache, names)
    except PlanError:
        return []


class DevServer:
    """The served site, its build id (the page reloads when it changes) and the rebuild loop."""

    def __init__(self, root: Path, plan: Path, port: int) -> None:
        self.root, self.port, self.output = root, port, root / "output"
        self.options = BuildOptions(plan, root / "pelicanconf.py", self.output, fatal_warnings=False)
        self.theme = Theme(root / "theme", _jinja_options(self.options.settings))
        self.watched = [root / d for d in WATCHED] + [plan / d for d in PLAN_WATCHED]
        self.fast = [root / d for d in FAST] + [plan / d for d in PLAN_WATCHED]
        self.recent = RecentPages()
        self.build_id = str(time.time())

    def full_build(self) -> bool:
        try:
            build(self.options)
        except PlanError as exc:
            report(exc)
            return False
        return True

    def publish(self, new_id: bool) -> None:
        """Write the build id pages poll; a new id (set after the file, which pages may already see) reloads them."""
        next_id = str(time.time()) if new_id else self.build_id
        (self.output / "__build-id.txt").write_text(next_id, encoding="utf-8")
        self.build_id = next_id

    def rebuild(self, changed: list[Path]) -> None:
        started = time.perf_counter()
        fast = self.recent.names() and all(any(p.is_relative_to(d) for d in self.fast) for p in changed)
        cache = self.root / "cache"
        written = write_viewed_pages(self.options, self.theme, cache, self.recent.names()) if fast else []
        if written:
            self.publish(new_id=True)
            print(f"updated {', '.join(written)} in {time.perf_counter() - started:.2f}s")
        if self.full_build():
            self.publish(new_id=not written)
            print(f"rebuilt the site in {time.perf_counter() - started:.2f}s")

    def serve(self) -> int:
        signal.signal(signal.SIGTERM, _interrupt)  # stopped like Ctrl-C: a build under way ends its processes
        server = None
        try:
            seen = snapshot(self.watched)  # before the first build: an edit made while it runs is rebuilt after it
            self.full_build()
            self.publish(new_id=False)
            handler = functools.partial(
                _Handler, directory=str(self.output), recent=self.recent, build_id=lambda: self.build_id
            )
            server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            print(
                f"Serving http://127.0.0.1:{self.port}/ — watching {', '.join(map(str, self.watched))} (Ctrl-C to stop)"
            )
            while True:
                time.sleep(0.1)
                now = snapshot(self.watched)
                changed = [p for p in now.keys() | seen.keys() if now.get(p) != seen.get(p)]
                seen = now
                if any(p.is_relative_to(self.root / "plugins") for p in changed):
                    server.server_close()
                    print("plugins/ changed: restarting the server")
                    argv = [sys.executable, "-m", str(__package__), "devserver", "--port", str(self.port)]
                    argv += ["--plan", str(self.options.plan)]
                    os.execv(sys.executable, argv)  # noqa: S606 — this same server, restarted on the new code
                if changed:
                    self.rebuild(changed)
        except KeyboardInterrupt:
            if server is not None:
                server.shutdown()
        return 0


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _jinja_options(settings_file: Path) -> dict[str, object]:
    from pelican.settings import read_settings

    return dict(read_settings(str(settings_file)).get("JINJA_ENVIRONMENT", {}))


def run_devserver(root: Path, plan: Path, port: int) -> int:
    return DevServer(root, plan, port).serve()
