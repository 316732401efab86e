"""Index the built site with Pagefind's extended binary (Chinese segmentation), one index per language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .errors import BuildFailed


def index_site(site: Path) -> None:
    """Run Pagefind over ``site``; raises on failure so the build is not swapped in."""
    result = subprocess.run(  # noqa: S603 — fixed arguments, our own interpreter
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BuildFailed(f"pagefind failed: {result.stderr.strip() or result.stdout.strip()}")
