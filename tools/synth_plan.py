"""Make a valid synthetic plan N times the size of the real one (for benchmarks).

python tools/synth_plan.py N DEST — DEST gets a copy of the project whose data/ holds N copies of every
industry, platform, project and township row (the real ones plus N-1 renamed clones wired to each other).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CLONED = {
    "industries.yaml": "industries",
    "platforms.yaml": "platforms",
    "projects.yaml": "projects",
    "townships.yaml": "townships",
}
REFS = {"industry": "industries", "platform": "platforms", "township": "townships", "parent": "platforms"}


def _clone(record: dict[str, Any], n: int, seq_offset: int) -> dict[str, Any]:
    out = yaml.safe_load(yaml.safe_dump(record, allow_unicode=True))
    out["id"] = f"{record['id']}-x{n}"
    out["seq"] = record["seq"] + seq_offset
    for key in ("name",):
        out[key] = {"zh": f"{record[key]['zh']}（{n}）", "en": f"{record[key]['en']} ({n})"}
    for key in REFS:
        if out.get(key):
            out[key] = f"{out[key]}-x{n}"
    if "focus_industries" in out:
        out["focus_industries"] = [f"{i}-x{n}" for i in out["focus_industries"]]
    return out


def synthesize(factor: int, dest: Path) -> Path:
    for name in ("plugins", "theme", "content", "pelicanconf.py", "publishconf.py"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    shutil.copytree(ROOT / "data", dest / "data")
    for filename, key in CLONED.items():
        path = dest / "data" / filename
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        originals = [r for r in doc[key] if r.get("kind") != "total"]
        size = max(r["seq"] for r in doc[key])
        for n in range(1, factor):
            doc[key] += [_clone(r, n, size * n) for r in originals]
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


if __name__ == "__main__":
    print(synthesize(int(sys.argv[1]), Path(sys.argv[2])))
