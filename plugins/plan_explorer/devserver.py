"""``make devserver``: serve output/, rebuild when data/, content/, theme/ or plugins/ change, reload the browser.

After an edit of data, content or templates, the pages viewed most recently are written first, straight
into the served site (data loaded and those pages rendered: a fraction of a second), and the browser
reloads; then the whole site is rebuilt atomically, search index included, and swapped in. A change to
plugins/ restarts the server process, so the new code is what runs. The page polls ``__build-id.txt``
and reloads when it changes. Each step prints how long it took.

A build that fails leaves the site as it was; its problems (``file:line: field: message``) are printed once each
and shown over every page served, the open ones reloading to show them, until a build succeeds (as Hugo's and
Vite's dev servers do). An editor's save is one change even when it truncates the file first and writes it
after: the files are read once they stop changing. A template that fails (a syntax error, or one at run time) is
such a problem too, located ``theme/templates/x.html:line`` (:mod:`templateerrors`); whatever fails, the server
keeps serving the last good pages. Its rebuilds take the output's build lock as every build does.
"""

from __future__ import annotations

import functools
import html
import io
import json
import os
import signal
import sys
import threading
import time
from collections import OrderedDict
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from .build import INTERRUPTED, BuildOptions, build
from .errors import PlanError, ProblemLog
from .i18n import Catalogue, load_catalogue
from .outputdir import OutputFolders
from .pipeline import Theme, load_site, write_pages
from .serve import ServeFailed, SiteHandler, bind
from .site.state import Site

WATCHED = ("theme", "plugins")  # of the project; the plan's data/ and content/ are watched too
PLAN_WATCHED = ("data", "content")
FAST = ("theme/templates", "theme/i18n.yaml")  # besides the plan's data and content: changes the viewed pages can be
# redrawn for
RECENT_PAGES = 4
SETTLE = 0.05  # seconds between two looks at an edited file, until it stops changing
OVERLAY_STYLE = (
    "position:fixed;inset:auto 1rem 1rem 1rem;max-height:70vh;overflow:auto;z-index:2147483647;"
    "background:#fff5f5;color:#5c0000;border:3px solid #c00;border-radius:6px;padding:1rem 1.2rem;"
    "box-shadow:0 4px 24px rgba(0,0,0,.35);font:15px/1.5 system-ui,sans-serif"
)
# The page is served with the id of the build it shows, so an id published before its first poll still reloads it;
# a missing id file (the moment a full build swaps folders) is no change.
RELOAD_SCRIPT = (
    "<script>(function(){var u=new URL('/__build-id.txt',location.href),id=%s;setInterval(function(){"
    "fetch(u,{cache:'no-store'}).then(function(r){return r.ok?r.text():id}).then(function(t){"
    "if(t!==id){location.reload()}}).catch(function(){})},300)})();</script>"
)


def snapshot(folders: list[Path]) -> dict[Path, tuple[int, int]]:
    """Each file's modification time and size: a save within the same clock tick as the last still differs."""
    found = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if "__pycache__" in path.parts:
                continue
            try:
                stat = path.stat()
            except OSError:  # removed meanwhile
                continue
            if not path.is_dir():
                found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


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


class _Handler(SiteHandler):
    """Serves output/, appends the reload script (and the overlay of the last build's problems) to HTML pages and
    notes which pages are being viewed."""

    def __init__(self, *args: object, server_state: DevServer, **kwargs: object) -> None:
        self.state = server_state
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def decorate(self, body: bytes) -> bytes:
        lang = "en" if self.path.startswith("/en/") else "zh"
        script = RELOAD_SCRIPT % json.dumps(self.state.build_id)  # the id before the page: never older than it
        extra = overlay(self.state.problems, self.state.strings, lang) + script
        return body.replace(b"</body>", extra.encode() + b"</body>")

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            return super().send_head()
        self.state.recent.saw(path.relative_to(self.directory).as_posix())
        body = self.decorate(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)


def overlay(problems: list[str], strings: Catalogue, lang: str) -> str:
    """The notice over the page while the data has problems (as Hugo's and Vite's dev servers show theirs)."""
    if not problems:
        return ""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in problems)
    title, hint, close = (html.escape(strings.get(f"devserver.{key}", lang)) for key in ("title", "hint", "close"))
    return (
        f'<div id="dev-problems" role="alertdialog" aria-labelledby="dev-problems-title" style="{OVERLAY_STYLE}">'
        f'<h2 id="dev-problems-title" style="margin:0 0 .5em;font-size:1.2em">{title}</h2>'
        f'<ul style="margin:0 0 .8em;padding-left:1.2em;font-family:monospace;white-space:pre-wrap">{items}</ul>'
        f'<p style="margin:0 0 .8em">{hint}</p><button type="button" '
        f'onclick="this.parentNode.remove()">{close}</button></div>'
    )


def write_viewed_pages(site: Site, options: BuildOptions, theme: Theme, cache: Path, names: set[str]) -> list[str]:
    """Render the pages ``names`` of the loaded ``site`` straight into the served output (once no other build
    holds the output's lock: ``make publish`` swapping in its site meanwhile would lose them)."""
    with OutputFolders(options.output.resolve()).locked():
        return write_pages(site, options.output, theme, cache, names)


class DevServer:
    """The served site, its build id (the page reloads when it changes), the last build's problems and the
    rebuild loop."""

    def __init__(self, root: Path, plan: Path, port: int) -> None:
        self.root, self.port, self.output = root, port, root / "output"
        self.options = BuildOptions(plan, root / "pelicanconf.py", self.output, fatal_warnings=False)
        self.theme = Theme(root / "theme", _jinja_options(self.options.settings))
        self.watched = [root / d for d in WATCHED] + [plan / d for d in PLAN_WATCHED]
        self.fast = [root / d for d in FAST] + [plan / d for d in PLAN_WATCHED]
        self.recent = RecentPages()
        self.build_id = str(time.time())
        self.built = ""  # what the last full build wrote, counted
        self.problems: list[str] = []  # of the last build: shown over every page served until a build succeeds
        self.strings = load_catalogue(root / "theme" / "i18n.yaml", ProblemLog())

    def failed(self, exc: BaseException) -> None:
        """A build failed: print each problem once (not again while it stays), show them in the open pages."""
        lines = problem_lines(exc)
        for line in lines:
            if line not in self.problems:
                print(line, file=sys.stderr)
        print(f"{len(lines)} problem(s): the site was not rebuilt (shown in the open pages)", file=sys.stderr)
        self.problems = lines
        self.publish(new_id=True)

    def full_build(self) -> bool:
        try:
            self.built = build(self.options).summary()
        except Exception as exc:  # noqa: BLE001 — whatever failed, the server goes on serving the last good site
            self.failed(exc)
            return False
        self.fixed()
        return True

    def fixed(self) -> None:
        if self.problems:
            print("the problems are fixed")
            self.problems = []

    def publish(self, new_id: bool) -> None:
        """Write the build id pages poll; a new id (set after the file, which pages may already see) reloads them."""
        next_id = str(time.time()) if new_id else self.build_id
        if self.output.is_dir():
            (self.output / "__build-id.txt").write_text(next_id, encoding="utf-8")
        self.build_id = next_id

    def rebuild(self, changed: list[Path]) -> None:
        started = time.perf_counter()
        fast = self.recent.names() and all(any(p.is_relative_to(d) for d in self.fast) for p in changed)
        cache = self.root / "cache"
        written: list[str] = []
        if fast:
            try:
                site = load_site(self.options.plan, self.theme.folder, cache=cache)
            except (PlanError, TemplateError) as exc:  # the full build would find the same: no need to run it
                self.failed(exc)
                return
            try:
                written = write_viewed_pages(site, self.options, self.theme, cache, self.recent.names())
            except Exception as exc:  # noqa: BLE001 — a template that fails (located): shown, the server goes on
                self.failed(exc)
                return
        if written:
            self.fixed()  # the data loads again
            self.publish(new_id=True)
            print(f"updated {', '.join(written)} in {time.perf_counter() - started:.2f}s")
        if self.full_build():
            self.publish(new_id=not written)
            print(f"rebuilt the site: {self.built} in {time.perf_counter() - started:.2f}s")

    def serve(self) -> int:
        signal.signal(signal.SIGTERM, _interrupt)  # stopped like Ctrl-C: a build under way ends its processes
        handler = functools.partial(_Handler, directory=str(self.output), server_state=self)
        try:
            server = bind(self.port, handler)  # before the first build: a port in use is said at once
        except ServeFailed as exc:
            print(*exc.lines(), file=sys.stderr)
            return 1
        serving = building = False
        try:
            seen = snapshot(self.watched)  # before the first build: an edit made while it runs is rebuilt after it
            building = True
            self.full_build()
            building = False
            self.publish(new_id=False)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            serving = True
            print(
                f"Serving http://127.0.0.1:{self.port}/ — watching {', '.join(map(str, self.watched))} (Ctrl-C to stop)"
            )
            while True:
                time.sleep(0.1)
                now = snapshot(self.watched)
                if now == seen:
                    continue
                now = settled(self.watched, now)  # an editor's save may be several writes: wait for the last
                changed = [p for p in now.keys() | seen.keys() if now.get(p) != seen.get(p)]
                seen = now
                if any(p.is_relative_to(self.root / "plugins") for p in changed):
                    server.server_close()
                    print("plugins/ changed: restarting the server")
                    argv = [sys.executable, "-m", str(__package__), "devserver", "--port", str(self.port)]
                    argv += ["--plan", str(self.options.plan)]
                    os.execv(sys.executable, argv)  # noqa: S606 — this same server, restarted on the new code
                if changed:
                    building = True
                    self.rebuild(changed)
                    building = False
        except KeyboardInterrupt:
            if building:
                print(INTERRUPTED, file=sys.stderr)
            if serving:  # shutdown() waits for serve_forever(), which a stop during the first build never began
                server.shutdown()
        finally:
            server.server_close()
        return 0


def problem_lines(exc: BaseException) -> list[str]:
    """What a failed build reports, one line each (a template's syntax error located like a data problem)."""
    if isinstance(exc, PlanError):
        return exc.lines()
    if isinstance(exc, TemplateSyntaxError):
        return [f"{exc.filename or exc.name}:{exc.lineno}: (template): {exc.message}"]
    return [f"build failed: {type(exc).__name__}: {exc}"]


def settled(folders: list[Path], seen: dict[Path, tuple[int, int]]) -> dict[Path, tuple[int, int]]:
    """The files once they stop changing (for up to a second): a save that truncates, then writes, is one edit."""
    deadline = time.monotonic() + 1
    while time.monotonic() < deadline:
        time.sleep(SETTLE)
        now = snapshot(folders)
        if now == seen:
            break
        seen = now
    return seen


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _jinja_options(settings_file: Path) -> dict[str, object]:
    from pelican.settings import read_settings

    return dict(read_settings(str(settings_file)).get("JINJA_ENVIRONMENT", {}))


def run_devserver(root: Path, plan: Path, port: int) -> int:
    return DevServer(root, plan, port).serve()
