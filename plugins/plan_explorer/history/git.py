"""The git history of a plan's ``data/`` folder, read with the ``git`` command (a handful of calls per build).

Releases are the commits on the first-parent line (what was merged is dated when it was merged, as a reader
saw it) that changed the folder. Without git, outside a repository, or with no commit that touches the
folder, there is no history; a shallow clone has the commits it fetched, and its oldest cannot be compared.
Nothing here raises: a git that fails is a history that is not available.

A repository reused for another plan (the next period's plan, or another county's, in a copy of this one) keeps
the old plan's commits: a release belongs to the current plan only when the plan's identity in that commit's
``plan.yaml`` (its Chinese title and its period, :func:`plan_identity`) is the current one's
(:meth:`GitFolder.own_commits`); the first release of the plan is then its first commit, compared with nothing.
The folder's own repository is read (``git -C <folder>``), so a plan outside this one has its own history.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

#: a blob id git reports for a side of a diff that does not exist (a file added or deleted)
NO_BLOB = "0" * 40
#: what makes a plan the same plan from release to release: its Chinese title, its first and last year
PlanIdentity = tuple[str, int, int]
#: git's own settings and a caller's GIT_* variables (a hook's GIT_DIR …) must not redirect what is read
GIT_ENV_KEEP = ("PATH", "HOME", "LANG", "LC_ALL", "TZ", "SYSTEMROOT")


@dataclass(frozen=True)
class Commit:
    sha: str
    parent: str | None  # its first parent; None for the first commit, or the oldest of a shallow clone
    committed: datetime.datetime  # with the committer's offset: its date is the day the change was published
    first: bool = False  # the plan's first release, after commits of another plan: compared with nothing


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

    def own_commits(self, identity: PlanIdentity | None) -> list[Commit]:
        """The commits that changed the folder while it held the plan ``identity``, newest first.

        A commit whose ``plan.yaml`` names another plan (or none that can be read) is not this plan's release;
        the oldest of this plan's commits whose parent held another plan is its first release (no parent)."""
        commits = self.commits()
        if identity is None or not commits:
            return []
        owned = self._identities(commits)
        own = []
        for at, (commit, held) in enumerate(zip(commits, owned, strict=True)):
            if held != identity:
                continue
            if at + 1 < len(commits) and owned[at + 1] != identity:  # the commit before held another plan
                commit = Commit(commit.sha, None, commit.committed, first=True)
            own.append(commit)
        return own

    def _identities(self, commits: list[Commit]) -> list[PlanIdentity | None]:
        """The plan identity each of ``commits`` (newest first) holds: read at the commits that changed
        ``plan.yaml`` (one ``cat-file``), carried to the commits between them."""
        path = f"{self.prefix}/plan.yaml" if self.prefix else "plan.yaml"
        out = self.git("log", "--first-parent", "--format=%H", "--", path)
        changed = set((out or "").split())
        shas = [c.sha for c in commits if c.sha in changed]
        texts = self.files([f"{sha}:{path}" for sha in shas])
        at_change = {sha: plan_identity(text) for sha, text in zip(shas, texts, strict=True)}
        held: PlanIdentity | None = None
        result: list[PlanIdentity | None] = []
        for commit in reversed(commits):
            if commit.sha in at_change:
                held = at_change[commit.sha]
            result.append(held)
        return result[::-1]

    def files(self, names: list[str]) -> list[bytes | None]:
        """The content of each ``<commit>:<path>`` of ``names`` (None where it does not exist), in one call."""
        if not names:
            return []
        out = self._batch("".join(f"{name}\n" for name in names).encode())
        result: list[bytes | None] = []
        at = 0
        for _ in names:
            if out is None or at >= len(out):
                result.append(None)
                continue
            end = out.index(b"\n", at)
            header = out[at:end].split()
            at = end + 1
            if len(header) != 3:  # "<name> missing" or ambiguous
                result.append(None)
                continue
            size = int(header[2])
            result.append(out[at : at + size])
            at += size + 1
        return result

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
        out = self._batch("".join(f"{sha}\n" for sha in shas).encode())
        if out is None:
            return {}
        found, at = {}, 0
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

    def _batch(self, names: bytes) -> bytes | None:
        try:
            done = subprocess.run(
                ["git", "cat-file", "--batch"],
                cwd=self.top,
                input=names,
                capture_output=True,
                check=True,
                env=_env(),
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout


def plan_identity(text: bytes | str | None) -> PlanIdentity | None:
    """The identity of the plan a ``plan.yaml`` describes, or None when it names none that can be read."""
    if text is None:
        return None
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(text, Loader=loader)  # noqa: S506 — a safe loader
        plan = data["plan"]
        title, period = plan["title"], plan["period"]
        zh = title["zh"] if isinstance(title, dict) else title
        start, end = period["start"], period["end"]
    except (yaml.YAMLError, KeyError, TypeError, ValueError, IndexError, UnicodeDecodeError):
        return None
    if not isinstance(zh, str) or not isinstance(start, int) or not isinstance(end, int):
        return None
    return (zh.strip(), start, end)


def folder_identity(folder: Path) -> PlanIdentity | None:
    """The identity of the plan in ``folder/plan.yaml`` as it is on disk now (the plan being built)."""
    try:
        return plan_identity((folder / "plan.yaml").read_bytes())
    except OSError:
        return None


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
