"""The data's history: which release a site shows, and what each earlier release changed (from git)."""

from __future__ import annotations

from .release import History, Release, ReleaseChanges, read_history

__all__ = ["History", "Release", "ReleaseChanges", "read_history"]
