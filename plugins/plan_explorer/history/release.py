"""The data's releases and what changed in each: which release the site shows (its version and date, for the
footer, the citations and the data package) and the record-level changes of every earlier release.

A release is a commit that changed the plan's ``data/`` (see :mod:`.git`). The changes of a commit never
change, so they are computed once — only the files it changed are read, from git's object store — and kept
in the build's cache by commit; a build reads the log and the cached changes (a few git calls). Without a
history (no git, a folder outside a repository, a shallow clone with nothing to compare) the site says the
history is not available; the release is then dated by ``SOURCE_DATE_EPOCH`` (reproducible builds) or by the
newest data file.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..descriptor import EntityType
from .diff import Change, collection_of, read_records, record_changes
from .git import Commit, GitFolder, folder_identity

#: bump when what a change records is computed differently: cached changes of older builds are then recomputed
CHANGES_FORMAT = 2  # 2: texts without control characters (:func:`..model.yamlsource.read_tolerant`)
#: collections whose records are no reader's news (the audit's statements of the plan's own facts)
IGNORED = frozenset({"statements"})


@dataclass(frozen=True)
class Release:
    """A version of the data: what the site shows, or one in the history."""

    version: str  # the release date, and a sequence number from the second release of a day: <date>.2
    created: datetime.datetime  # when it was made (the commit's time, with its offset)
    commit: str = ""  # '' when the data is not a commit (no git, or edits not committed)
    modified: bool = False  # built from edits not committed: no release yet

    @property
    def date(self) -> datetime.date:
        return self.created.date()


@dataclass
class ReleaseChanges:
    """One earlier release and what it changed against the release before it."""

    release: Release
    changes: list[Change] = field(default_factory=list)
    initial: bool = False  # the first release of the data: nothing before it


@dataclass
class History:
    """The release the site is built from and, newest first, the changes of every release that can be compared."""

    current: Release
    available: bool = False  # False: no git history of the data (the pages say so)
    partial: bool = False  # a shallow clone: the releases before its oldest commit are not known
    not_yet: bool = False  # in a repository, but no commit holds this plan's data yet (no release of its own)
    releases: list[ReleaseChanges] = field(default_factory=list)

    @property
    def last_updated(self) -> datetime.date:
        return self.current.date

    @classmethod
    def unread(cls) -> History:
        """No history read (a check of the data, a test's site): dated as :func:`read_history` dates a folder
        without one, from ``SOURCE_DATE_EPOCH`` or else now."""
        return cls(_undated_release(None))


def read_history(data_dir: Path, cache: Path | None, types: Sequence[EntityType]) -> History:
    """The history of the plan's data folder ``data_dir`` (changes cached in ``cache``)."""
    repo = GitFolder.open(data_dir)
    # only this plan's releases: a repository reused for another plan keeps the old plan's commits
    commits = repo.own_commits(folder_identity(data_dir)) if repo is not None else []
    if repo is None or not commits:
        return History(_undated_release(data_dir), not_yet=repo is not None)
    versions = _versions(commits)
    modified = repo.modified()
    newest = commits[0]
    if modified:  # edits not committed are no release: the site shows the last release, marked as edited
        current = Release(versions[newest.sha], newest.committed, newest.sha, modified=True)
    else:
        current = Release(versions[newest.sha], newest.committed, newest.sha)
    store = _ChangeStore(cache, repo, types)
    releases = [
        ReleaseChanges(Release(versions[c.sha], c.committed, c.sha), store.changes(c), initial=c.parent is None)
        for c in commits
        if c.parent is not None or c.first or not repo.shallow  # a shallow clone's oldest lacks its parent
    ]
    store.flush()
    return History(current, available=bool(releases), partial=repo.shallow, releases=releases)


def _versions(commits: list[Commit]) -> dict[str, str]:
    """Each release's version: its date, ``.2``, ``.3`` … for a day's later releases (oldest first)."""
    versions, per_day = {}, dict[str, int]()
    for commit in reversed(commits):
        day = commit.committed.date().isoformat()
        per_day[day] = per_day.get(day, 0) + 1
        versions[commit.sha] = day if per_day[day] == 1 else f"{day}.{per_day[day]}"
    return versions


def _undated_release(data_dir: Path | None) -> Release:
    """The release of a data folder without history: dated by ``SOURCE_DATE_EPOCH``, else by its newest file."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        created = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    else:
        times = [p.stat().st_mtime for p in data_dir.glob("*.yaml")] if data_dir is not None else []
        created = datetime.datetime.fromtimestamp(max(times) if times else time.time(), datetime.UTC).astimezone()
    return Release(created.date().isoformat(), created)


class _ChangeStore:
    """The changes of each commit, from the cache or computed from the blobs it changed (all missing at once)."""

    def __init__(self, cache: Path | None, repo: GitFolder, types: Sequence[EntityType]):
        self.repo, self.types = repo, types
        self.folder = cache / "history" if cache is not None else None
        self.salt = f"{CHANGES_FORMAT}:{repo.prefix}:{','.join(t.name for t in types)}"
        self.parsed: dict[tuple[str, str], dict[str, Any] | None] = {}  # a version read for one commit is the
        # version before of the next: read once
        self._pending: list[tuple[Path, list[Change]]] = []

    def records(self, name: str, sha: str | None, blobs: dict[str, bytes]) -> dict[str, Any] | None:
        if sha is None:
            return {}
        if (name, sha) not in self.parsed:
            self.parsed[(name, sha)] = read_records(name, blobs.get(sha), self.types) if sha in blobs else None
        return self.parsed[(name, sha)]

    def _path(self, commit: Commit) -> Path | None:
        if self.folder is None:
            return None
        key = hashlib.sha256(f"{self.salt}:{commit.sha}".encode()).hexdigest()[:32]
        return self.folder / f"{key}.json"

    def changes(self, commit: Commit) -> list[Change]:
        path = self._path(commit)
        if path is not None and path.is_file():
            try:
                cached: list[Change] = json.loads(path.read_text(encoding="utf-8"))
                return cached
            except (OSError, ValueError):
                pass
        files = [
            f for f in self.repo.changed_files(commit) if collection_of(f.name, self.types) not in (None, *IGNORED)
        ]
        wanted = [sha for f in files for sha in (f.old, f.new) if sha and (f.name, sha) not in self.parsed]
        blobs = self.repo.blobs(wanted)
        changes: list[Change] = []
        for f in files:
            collection = collection_of(f.name, self.types)
            assert collection is not None
            changes += record_changes(
                collection, self.records(f.name, f.old, blobs), self.records(f.name, f.new, blobs)
            )
        if path is not None:
            self._pending.append((path, changes))
        return changes

    def flush(self) -> None:
        """Write what was computed (each file whole: two builds may share the cache)."""
        for path, changes in self._pending:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                partial = path.with_name(f".{path.name}.{os.getpid()}")
                partial.write_text(json.dumps(changes, ensure_ascii=False, default=_json_default), encoding="utf-8")
                partial.replace(path)
            except OSError:
                pass  # a cache that cannot be written is computed again next time


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(type(value).__name__)
