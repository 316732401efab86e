"""The vl-convert process: renders into the chart cache for any forked process, fails the build on a bad spec."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plugins.plan_explorer.charts.service import VegaService
from plugins.plan_explorer.errors import BuildFailed
from tests.conftest import ROOT

BARS = {
    "data": {"values": [{"label": "高新园", "value": 384}, {"label": "Meicheng", "value": 120}]},
    "mark": "bar",
    "encoding": {"y": {"field": "label", "type": "nominal"}, "x": {"field": "value", "type": "quantitative"}},
}


@pytest.fixture
def service() -> VegaService:
    started = VegaService()
    started.start()
    yield started
    started.stop(wait=False)


def test_charts_handed_over_before_a_fork_are_rendered_for_the_forked_process(
    service: VegaService, tmp_path: Path
) -> None:
    service.submit(tmp_path, "zh-bars", json.dumps(BARS, ensure_ascii=False), "zh")
    service.submit(tmp_path, "en-bars", json.dumps(BARS, ensure_ascii=False), "en")

    def child(result: Path) -> None:  # a language worker: waits for the files the service writes
        svgs = service.wait(tmp_path, {"zh-bars", "en-bars"})
        result.write_text(json.dumps(svgs), encoding="utf-8")

    result = tmp_path / "result.json"
    worker = multiprocessing.get_context("fork").Process(target=child, args=(result,))
    worker.start()
    worker.join(timeout=60)
    svgs = json.loads(result.read_text(encoding="utf-8"))
    assert svgs["zh-bars"].startswith("<svg") and "高新园" in svgs["zh-bars"]
    assert (tmp_path / "en-bars.svg").read_text(encoding="utf-8") == svgs["en-bars"]
    service.stop()
    assert service.idle


def test_a_spec_vl_convert_rejects_fails_the_build_with_its_message(service: VegaService, tmp_path: Path) -> None:
    broken = {**BARS, "mark": "no-such-mark"}
    service.submit(tmp_path, "broken", json.dumps(broken), "en")
    one_line = r"^a chart could not be rendered: ValueError: Vega-Lite to SVG conversion failed: \w+Error: [^\n]+\)$"
    with pytest.raises(BuildFailed, match=one_line):  # without vl-convert's JavaScript stack
        service.wait(tmp_path, {"broken"})
    assert not (tmp_path / "broken.svg").exists()


def test_a_chart_is_rendered_once_however_often_it_is_handed_over(service: VegaService, tmp_path: Path) -> None:
    for _ in range(3):
        service.submit(tmp_path, "bars", json.dumps(BARS), "en")
    assert service.submitted == {"bars"}
    assert service.wait(tmp_path, {"bars"})["bars"].startswith("<svg")


def test_the_process_ends_when_the_build_that_started_it_is_killed(tmp_path: Path) -> None:
    script = (
        "import os, sys; from plugins.plan_explorer.charts.service import VegaService\n"
        "service = VegaService(); service.start(); print(service._process.pid, flush=True); os._exit(0)\n"
    )
    # Its output pipe is held open by the orphan until it ends: without a way to notice, this would hang.
    command = [sys.executable, "-c", script]
    killed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True, timeout=30)
    orphan = Path(f"/proc/{int(killed.stdout)}/status")
    deadline = time.monotonic() + 10
    while orphan.exists() and "zombie" not in orphan.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not orphan.exists() or "zombie" in orphan.read_text()
