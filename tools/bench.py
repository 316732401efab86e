"""make bench: build times, pages, size and memory for the real plan and synthetic 10× / 100× plans.

Prints, for the real plan, medians of: a cold build (no output, no chart cache), a warm full rebuild,
a full rebuild after one figure of data/projects.yaml changed (command line), and the dev server's time
from that edit to the updated page being served; then cold builds of the synthetic plans and the ratio
t(100×)/t(10×). Peak memory is the largest resident set of the build or any process it started.

Environment: BENCH_RUNS (runs per measurement, default 3; medians), BENCH_SCALES (default "10,100"),
BENCH_LIGHTHOUSE=1 to add a Lighthouse run (tools/lighthouse.sh) of the real site as published (make publish).
"""

from __future__ import annotations

import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools"), str(ROOT)]
from synth_plan import synthesize  # noqa: E402 — tools/ is not a package, found by the path set above

from plugins.plan_explorer.numfmt import wan  # noqa: E402 — the project root, set above
from plugins.plan_explorer.outputdir import OutputFolders  # noqa: E402 — the project root, set above

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SCALES = [int(s) for s in os.environ.get("BENCH_SCALES", "10,100").split(",") if s]


@dataclass
class Builds:
    """Runs builds of one project and keeps the peak memory they reached."""

    project: Path
    trash: Path  # on the same file system as project
    peak_mb: float = 0.0

    def build(self) -> float:
        seconds, peak = _build(self.project)
        self.peak_mb = max(self.peak_mb, peak)
        return seconds

    def cold(self) -> float:
        """A build as in a fresh clone: no site, no working folders, no caches.

        They are moved to ``trash``, deleted when the benchmark ends: on a file system without a journal
        (this machine's), files created soon after thousands were deleted take several times as long,
        which would charge one run's clean-up to the next (see plugins/plan_explorer/outputdir.py).
        """
        folders = OutputFolders(self.project / "output")
        for path in (folders.output, folders.building, folders.previous, self.project / "cache"):
            if path.exists():
                path.rename(self.trash / f"{self.project.name}-{path.name}-{time.monotonic_ns()}")
        return self.build()


def _build(project: Path) -> tuple[float, float]:
    """Seconds and peak memory (MB: the largest process of the build) of one build of ``project``."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "plugins.plan_explorer", "build"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)  # usage: the build and the processes it waited for
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(errors)
    return elapsed, usage.ru_maxrss / 1024


def median(fn, runs: int = RUNS) -> float:  # type: ignore[no-untyped-def]
    return statistics.median(fn() for _ in range(runs))


def edit_figure(project: Path, step: int) -> int:
    """Change the total investment of the project whose page the dev server benchmark watches; the new value."""
    path = project / "data" / "projects.yaml"
    text = path.read_text(encoding="utf-8")
    record = re.compile(r"(id: wanyang-innovation-city\n(?:[ ]+.*\n)*?[ ]+total_investment_wan: )\d+")
    value = 350000 + 1000 * step
    edited = record.sub(lambda m: f"{m.group(1)}{value}", text, count=1)
    assert edited != text, "the benchmark's edit found no figure to change"
    path.write_text(edited, encoding="utf-8")
    return value


def site_stats(output: Path) -> tuple[int, float]:
    pages = sum(1 for p in output.rglob("*.html") if "pagefind" not in p.parts)
    size = sum(p.stat().st_size for p in output.rglob("*") if p.is_file())
    return pages, size / 1e6


def page_weight(output: Path, page: str) -> float:
    """gzip bytes of the HTML + CSS + JS needed to show one page (KB)."""
    html = (output / page).read_bytes()
    assets = [output / "theme" / "css" / "site.css"] + [
        output / "theme" / "js" / m.decode() for m in re.findall(rb"theme/js/([\w.-]+\.js)", html)
    ]
    return sum(len(gzip.compress(p.read_bytes())) for p in [output / page, *assets]) / 1024


def devserver_latency(project: Path, edits: int = RUNS) -> float:
    """Median time from an edit of data/projects.yaml to the dev server serving the changed page."""
    port = 8790
    proc = subprocess.Popen(
        [sys.executable, "-m", "plugins.plan_explorer", "devserver", "--port", str(port)],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/projects/wanyang-innovation-city/"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        latencies = []
        for step in range(edits):
            time.sleep(8)  # the previous edit's full rebuild is done
            started = time.perf_counter()
            shown = f'class="big">{wan(edit_figure(project, 50 + step), "zh")}'.encode()  # in the reader's unit
            while time.perf_counter() - started < 120:
                if shown in urllib.request.urlopen(url, timeout=2).read():
                    latencies.append(time.perf_counter() - started)
                    break
                time.sleep(0.02)
        return statistics.median(latencies) if latencies else float("nan")
    finally:
        proc.terminate()
        proc.wait()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        real = synthesize(1, Path(tmp) / "real")
        trash = Path(tmp) / "trash"
        trash.mkdir()
        builds = Builds(real, trash)
        t_cold = median(builds.cold)
        t_warm = median(builds.build)
        steps = iter(range(1, 1000))
        t_edit = median(lambda: (edit_figure(real, next(steps)), builds.build())[1])
        pages, size = site_stats(real / "output")
        weight = page_weight(real / "output", "projects/wanyang-innovation-city/index.html")
        mem = builds.peak_mb
        latency = devserver_latency(real)
        print(
            f"real plan: cold {t_cold:.2f}s · warm rebuild {t_warm:.2f}s · one figure edited (CLI) {t_edit:.2f}s · "
            f"dev server edit→page {latency:.2f}s · {pages} pages · {size:.1f} MB · peak memory {mem:.0f} MB · "
            f"entity page weight {weight:.0f} KB gz (medians of {RUNS})",
            flush=True,
        )
        times = {}
        for factor in SCALES:
            synth = synthesize(factor, Path(tmp) / f"x{factor}")
            scaled = Builds(synth, trash)
            times[factor] = median(scaled.cold)
            pages, size = site_stats(synth / "output")
            print(
                f"{factor}× plan: cold {times[factor]:.1f}s · {pages} pages · {size:.0f} MB · "
                f"peak memory {scaled.peak_mb:.0f} MB (median of {RUNS})",
                flush=True,
            )
        if 10 in times and 100 in times:
            print(f"t(100×)/t(10×) = {times[100] / times[10]:.1f}")
        if os.environ.get("BENCH_LIGHTHOUSE"):  # on the site as published (absolute canonical URLs, sitemap)
            published = Path(tmp) / "published"
            command = [sys.executable, "-m", "plugins.plan_explorer", "build", "--settings", "publishconf.py"]
            subprocess.run([*command, "--output", str(published)], cwd=real, check=True, capture_output=True)
            subprocess.run(["bash", str(ROOT / "tools" / "lighthouse.sh"), str(published)], check=False)


if __name__ == "__main__":
    main()
