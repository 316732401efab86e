"""``make serve``: a built site on 127.0.0.1, as a web server would serve it — a missing page gets the site's own
404 page in the language of its address (``/en/…`` the English one), with status 404.

The dev server (:mod:`devserver`) serves with the same handler and adds its reload script. A port another
program holds is one line (:class:`ServeFailed`), not a traceback. Bad requests get a status, not an empty
reply: 414 for an over-long request line, 400 for a garbage one or a path holding a NUL or control character;
a folder without an index page is a 404 (no listings); text is sent with ``charset=utf-8``.
"""

from __future__ import annotations

import errno
import functools
import http.server
import os
import re
import signal
import sys
import threading
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import PlanError

HOST = "127.0.0.1"
#: types sent as UTF-8 text (``charset=utf-8``), besides every ``text/*``
TEXT_TYPES = frozenset(
    {"application/json", "application/javascript", "application/xml", "application/atom+xml", "image/svg+xml"}
)
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class ServeFailed(PlanError):
    """The site cannot be served (its port is taken, its folder is missing)."""

    def lines(self) -> list[str]:
        return [f"serve failed: {self}"]


def not_found_page(root: Path, url_path: str) -> Path:
    """The 404 page for a request of ``url_path``: the English one under ``/en/``, else the Chinese one."""
    english = url_path == "/en" or url_path.startswith("/en/")
    return root / ("en/404.html" if english else "404.html")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder of a built site; a file that does not exist gets the site's 404 page."""

    def log_message(self, *args: object) -> None:
        pass

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".csv": "text/csv",
        ".xml": "application/xml",
    }

    def parse_request(self) -> bool:
        """The request line read; a path holding a NUL or a control character (``%00``) is a 400."""
        if not super().parse_request():
            return False
        if CONTROL.search(urllib.parse.unquote(self.path.split("?", 1)[0])):
            self.send_error(400, "Bad request path")
            return False
        return True

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        kind = super().guess_type(path)
        return f"{kind}; charset=utf-8" if kind.startswith("text/") or kind in TEXT_TYPES else kind

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        """No listings: a folder without an index page is not a page."""
        self.send_error(404)

    def decorate(self, body: bytes) -> bytes:
        """The HTML of a page as sent (the dev server adds its script)."""
        return body

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        requested = getattr(self, "path", "/")  # a request line that could not be read has none
        if getattr(self, "request_version", "HTTP/0.9") == "HTTP/0.9":  # garbage reads as HTTP/0.9, which has no
            self.request_version = "HTTP/1.0"  # status line: the answer would be a bare page, read as no answer
        page = not_found_page(Path(self.directory), requested.split("?", 1)[0].split("#", 1)[0])
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = self.decorate(page.read_bytes())
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    """A browser that reloads or leaves a page closes its connections: that is no error worth a traceback."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):  # broken pipe, reset by the browser
            return
        print(f"serve: a request failed: {error!r}", file=sys.stderr)


def bind(port: int, handler: Callable[..., Any]) -> http.server.ThreadingHTTPServer:
    """A server listening on 127.0.0.1:``port``; ServeFailed if the port is taken or not allowed."""
    try:
        return _Server((HOST, port), handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeFailed(
                f"port {port} is in use (another server?): stop it, or choose another port: make serve PORT={port + 1}"
            ) from None
        raise ServeFailed(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}") from None


def serve_site(output: Path, port: int, before: Callable[[], int] | None = None) -> int:
    """Serve the built site in ``output`` until Ctrl-C (``before``: a build to run once the port is held)."""
    try:
        server = bind(port, functools.partial(SiteHandler, directory=str(output)))
    except ServeFailed as exc:
        print(*exc.lines(), file=sys.stderr)
        return 1
    with server:
        if before is not None and (status := before()) != 0:
            return status
        if not (output / "index.html").is_file():
            print(f"serve failed: no site in {output}: build it first (make html)", file=sys.stderr)
            return 1
        signal.signal(signal.SIGTERM, _interrupt)
        print(f"Serving {output} at http://{HOST}:{port}/ (Ctrl-C to stop)")
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            thread.join()
        except KeyboardInterrupt:
            server.shutdown()
    return 0


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt
