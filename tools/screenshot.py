"""Screenshot built pages in headless Chromium: python tools/screenshot.py URL_PATH... (site served on :8765)."""

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main(paths: list[str]) -> None:
    out = Path(tempfile.gettempdir()) / "shots"
    out.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for width in (375, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in paths:
                page.goto(f"http://127.0.0.1:8765/{path}")
                name = (path.strip("/").replace("/", "_") or "home") + f"-{width}.png"
                page.screenshot(path=str(out / name), full_page=True)
                print(out / name)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
