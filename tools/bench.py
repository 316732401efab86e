"""make bench: build times, pages, size and memory for the real plan and synthetic 10× / 100× plans.

Environment: BENCH_RUNS (runs per measurement, default 3; medians), BENCH_SCALES (default "10,100"),
BENCH_LIGHTHOUSE=1 to add a Lighthouse run (tools/lighthouse.sh) of the real site.
"""

from __future__ import annotations

import gzip
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth_plan import synthesize  # noqa: E402 — tools/ is not a package

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SCALES = [int(s) for s in os.environ.get("BENCH_SCALES", "10,100").split(",") if s]


def build(project: Path, *extra: str) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "plugins.plan_explorer", "build", *extra],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(result.stderr)
    return time.perf_counter() - started


def cold(project: Path) -> float:
    shutil.rmtree(project / "output", ignore_errors=True)
    shutil.rmtree(project / "cache", ignore_errors=True)
    return build(project)


def median(fn, runs: int = RUNS) -> float:  # type: ignore[no-untyped-def]
    return statistics.median(fn() for _ in range(runs))


def edit_figure(project: Path, step: int) -> None:
    path = project / "data" / "projects.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r"total_investment_wan: (\d+)", f"total_investment_wan: {350000 + step}", text, count=1),
        encoding="utf-8",
    )


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


def devserver_latency(project: Path) -> float:
    port = 8790
    proc = subprocess.Popen(
        [sys.executable, "-m", "plugins.plan_explorer", "devserver", "--port", str(port)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/projects/wanyang-innovation-city/"
    try:
        for _ in range(600):
            try:
                before = urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        time.sleep(1)
        started = time.perf_counter()
        edit_figure(project, 777)
        while time.perf_counter() - started < 120:
            if urllib.request.urlopen(url, timeout=2).read() != before:
                return time.perf_counter() - started
            time.sleep(0.05)
        return float("nan")
    finally:
        proc.terminate()
        proc.wait()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        real = synthesize(1, Path(tmp) / "real")
        t_cold = median(lambda: cold(real))
        t_warm = median(lambda: build(real))
        steps = iter(range(1, 1000))
        t_edit = median(lambda: (edit_figure(real, next(steps)), build(real))[1])
        pages, size = site_stats(real / "output")
        weight = page_weight(real / "output", "projects/wanyang-innovation-city/index.html")
        mem = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        latency = devserver_latency(real)
        print(
            f"real plan: cold {t_cold:.1f}s · warm rebuild {t_warm:.1f}s · one figure edited {t_edit:.1f}s · "
            f"{pages} pages · {size:.1f} MB · peak memory {mem:.0f} MB · entity page weight {weight:.0f} KB gz · "
            f"devserver edit→page {latency:.1f}s (medians of {RUNS})"
        )
        times = {}
        for factor in SCALES:
            synth = synthesize(factor, Path(tmp) / f"x{factor}")
            times[factor] = median(lambda synth=synth: cold(synth), 1)
            pages, size = site_stats(synth / "output")
            print(f"{factor}× plan: cold {times[factor]:.1f}s · {pages} pages · {size:.0f} MB")
        if 10 in times and 100 in times:
            print(f"t(100×)/t(10×) = {times[100] / times[10]:.1f}")
        if os.environ.get("BENCH_LIGHTHOUSE"):
            subprocess.run(["bash", str(ROOT / "tools" / "lighthouse.sh"), str(real / "output")], check=False)


if __name__ == "__main__":
    main()
