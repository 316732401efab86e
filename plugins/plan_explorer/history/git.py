"""The git history of a plan's ``data/`` folder, read with the ``git`` command (a handful of calls per build).

Releases are the commits on the first-parent line (what was merged is dated when it was merged, as a reader
saw it) that changed the folder. Without git, outside a repository, or with no commit that touches the
folder, there is no history; a shallow clone has the commits it fetched, and its oldest cannot be compared.
Nothing here raises: a git that fails is a history that is not available.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

#: a blob id git reports for a side of a diff that does not exist (a file added or deleted)
NO_BLOB = "0" * 40
#: git's own settings and a caller's GIT_* variables (a hook's GIT_DIR …) must not redirect what is read
GIT_ENV_KEEP = ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "SYSTEMROOT")


@dataclass(frozen=True)
class Commit:
    sha: str
    parent: str | None  # its first parent; None for the first commit, or the oldest of a shallow clone
    committed: datetime.datetime  # with the committer's offset: its date is the day the change was published


@dataclass(frozen=True)
class FileChange:
    """A file of the data folder changed by a commit: its name within the folder and the blobs before and after."""

    name: str
    old: str | None
    new: str | None


class GitFolder:
    """A folder inside a git work tree: its commits, the files each changed, the blobs, uncommitted edits."""

    def __init__(self, top: Path, prefix: str, shallow: bool):
        self.top, self.prefix, self.shallow = top, prefix, shallow

    @classmethod
    def open(cls, folder: Path) -> GitFolder | None:
        """The repository ``folder`` is tracked in, or None (no git, not in a repository, git failed)."""
        if shutil.which("git") is None or not folder.is_dir():
            return None
        out = _git(folder, "rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository")
        if out is None:
            return None
        lines = out.splitlines()
        if len(lines) != 3:
            return None
        top, prefix, shallow = lines
        return cls(Path(top), prefix.rstrip("/"), shallow.strip() == "true")

    def commits(self) -> list[Commit]:
        """The commits that changed the folder, newest first (first-parent line of HEAD)."""
        out = self.git("log", "--first-parent", "--format=%H %P %cI", "--", self.prefix or ".")
        commits = []
        for line in (out or "").splitlines():
            sha, *parents, when = line.split()
            try:
                committed = datetime.datetime.fromisoformat(when)
            except ValueError:
                continue
            commits.append(Commit(sha, parents[0] if parents else None, committed))
        return commits

    def changed_files(self, commit: Commit) -> list[FileChange]:
        """The files directly in the folder that ``commit`` changed against its first parent."""
        if commit.parent is None:
            return []
        out = self.git("diff-tree", "-r", "--no-renames", "-z", commit.parent, commit.sha, "--", self.prefix or ".")
        if out is None:
            return []
        fields = out.split("\0")
        changes = []
        for meta, path in zip(fields[0::2], fields[1::2], strict=False):
            parts = meta.split()
            if len(parts) < 5:
                continue
            name = path.removeprefix(f"{self.prefix}/") if self.prefix else path
            if "/" in name:
                continue  # a file in a subfolder (source texts, schemas): not the plan's records
            old, new = parts[2], parts[3]
            changes.append(FileChange(name, None if old == NO_BLOB else old, None if new == NO_BLOB else new))
        return changes

    def blobs(self, shas: list[str]) -> dict[str, bytes]:
        """The content of the blobs ``shas``, in one ``git cat-file --batch``."""
        if not shas:
            return {}
        try:
            done = subprocess.run(
                ["git", "cat-file", "--batch"],
                cwd=self.top,
                input="".join(f"{sha}\n" for sha in shas).encode(),
                capture_output=True,
                check=True,
                env=_env(),
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError):
            return {}
        out, found, at = done.stdout, {}, 0
        while at < len(out):
            end = out.index(b"\n", at)
            header = out[at:end].split()
            at = end + 1
            if len(header) != 3:  # "<sha> missing"
                continue
            size = int(header[2])
            found[header[0].decode()] = out[at : at + size]
            at += size + 1
        return found

    def modified(self) -> bool:
        """Whether the folder has edits not committed (they are built, but are no release yet)."""
        out = self.git("status", "--porcelain", "--untracked-files=normal", "--", self.prefix or ".")
        return bool(out and out.strip())

    def git(self, *args: str) -> str | None:
        return _git(self.top, *args)


def _env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key in GIT_ENV_KEEP}
    env["GIT_OPTIONAL_LOCKS"] = "0"  # reading must not take the index lock a concurrent git command holds
    return env


def _git(cwd: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, env=_env(), timeout=60
        )
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return None
    return done.stdout
