"""``make devserver``: serve output/, rebuild when data/, content/, theme/ or plugins/ change, reload the browser.

The build runs in this process (imports stay warm); the page polls ``__build-id.txt`` and reloads when a
new build has been swapped in. Each rebuild prints how long the edit took to reach the served site.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path

from .build import build

WATCHED = ("data", "content", "theme", "plugins")
RELOAD_SCRIPT = (
    "<script>(function(){var u=new URL('/__build-id.txt',location.href),id=null;setInterval(function(){"
    "fetch(u,{cache:'no-store'}).then(function(r){return r.text()}).then(function(t){"
    "if(id!==null&&t!==id){location.reload()}id=t}).catch(function(){})},700)})();</script>"
)


def snapshot(root: Path) -> dict[Path, float]:
    return {
        p: p.stat().st_mtime
        for d in WATCHED
        for p in (root / d).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves output/ and appends the reload script to HTML pages."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            return super().send_head()
        body = path.read_bytes().replace(b"</body>", RELOAD_SCRIPT.encode() + b"</body>")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        import io

        return io.BytesIO(body)


def run_devserver(root: Path, port: int) -> int:
    output = root / "output"
    settings = root / "pelicanconf.py"
    build(root, settings, output, fatal_warnings=False)
    (output / "__build-id.txt").write_text(str(time.time()), encoding="utf-8")
    handler = functools.partial(_Handler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving http://127.0.0.1:{port}/ — watching {', '.join(WATCHED)} (Ctrl-C to stop)")
    seen = snapshot(root)
    try:
        while True:
            time.sleep(0.3)
            now = snapshot(root)
            if now == seen:
                continue
            changed = max((p for p in now if now[p] != seen.get(p)), key=lambda p: now[p], default=None)
            seen = now
            started = time.perf_counter()
            if build(root, settings, output, fatal_warnings=False) == 0:
                (output / "__build-id.txt").write_text(str(time.time()), encoding="utf-8")
                print(
                    f"rebuilt after {changed.relative_to(root) if changed else 'a change'} "
                    f"in {time.perf_counter() - started:.2f}s"
                )
    except KeyboardInterrupt:
        server.shutdown()
    return 0
