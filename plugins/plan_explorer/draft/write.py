"""Writing a draft folder: all of it or nothing, and never over a person's edits.

The files are written to a temporary folder beside the target and moved into place. A folder that exists is
refused unless the caller says to overwrite (``--force``); even then a file changed since the last draft (the
folder's ``.draft.json`` records what each drafted file held) is kept, and the new draft of it is written beside
it as ``<file>.draft``, and said so.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .problems import DraftError

MANIFEST = ".draft.json"


@dataclass
class Written:
    folder: Path
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # edited by a person: the new draft is beside it (.draft)
    unchanged: list[str] = field(default_factory=list)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_folder(folder: Path, files: dict[str, str], source: str, force: bool) -> Written:
    if folder.exists() and not folder.is_dir():
        raise DraftError([f"{folder}: exists and is not a folder; nothing was written"])
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise DraftError(
            [f"{folder}: the folder exists; nothing was written (FORCE=1 / --force drafts over it, keeping your edits)"]
        )
    folder.parent.mkdir(parents=True, exist_ok=True)
    data = {name: text.encode("utf-8") for name, text in sorted(files.items())}
    manifest: dict[str, object] = {"source": source, "files": {name: digest(c) for name, c in data.items()}}
    temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.draft-", dir=folder.parent))
    try:
        for name, content in data.items():
            path = temp / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        result = Written(folder)
        if not folder.exists() or not any(folder.iterdir()):
            (temp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            if folder.exists():
                folder.rmdir()
            os.replace(temp, folder)
            result.written = sorted(data)
            return result
        return _over(folder, temp, data, manifest, result)
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)


def _over(folder: Path, temp: Path, data: dict[str, bytes], manifest: dict[str, object], result: Written) -> Written:
    """Draft over an existing folder: replace what the last draft wrote and nobody changed, keep the rest."""
    try:
        old = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("files", {})
    except (OSError, ValueError, AttributeError):
        old = {}  # not a draft folder (or its record is gone): every file in it is someone's
    recorded: dict[str, str] = old if isinstance(old, dict) else {}
    for name, content in data.items():
        target = folder / name
        if target.exists():
            current = digest(target.read_bytes())
            if current == digest(content):
                result.unchanged.append(name)
                continue
            if recorded.get(name) != current:  # changed since the draft wrote it (or not the draft's at all)
                os.replace(temp / name, folder / f"{name}.draft")
                result.kept.append(name)
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temp / name, target)
        result.written.append(name)
    for name, recorded_digest in recorded.items():
        target = folder / name
        if name not in data and target.is_file() and digest(target.read_bytes()) == recorded_digest:
            target.unlink()  # the last draft's file the new one no longer has, unchanged
    kept = {name: recorded.get(name, "") for name in result.kept}
    files = manifest["files"]
    assert isinstance(files, dict)
    files.update(kept)  # a kept file is still the person's: the next draft keeps it too
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return result
