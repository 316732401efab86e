"""Ids from Chinese names: the name transliterated (pypinyin, tone marks dropped), ASCII letters and digits kept,
joined by hyphens, cut at a syllable to stay short; a name met twice gets ``-2``, ``-3`` … in the order the plan
lists them, so a re-run on the same file gives the same ids."""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 48


def slug(name: str, fallback: str = "item", max_length: int = MAX_LENGTH) -> str:
    """``规模以上工业总产值`` → ``gui-mo-yi-shang-gong-ye-zong-chan-zhi``."""
    from pypinyin import Style, lazy_pinyin  # loaded by the draft only

    words = lazy_pinyin(unicodedata.normalize("NFKC", name), style=Style.NORMAL, errors=lambda chars: chars)
    parts: list[str] = []
    for word in words:
        parts += re.findall(r"[a-z0-9]+", word.lower().replace("ü", "v"))
    out = ""
    for part in parts:
        if out and len(out) + 1 + len(part) > max_length:
            break
        out = f"{out}-{part}" if out else part[:max_length]
    return out or fallback


class IdMaker:
    """Unique ids within one list, stable from run to run (the plan's order decides the suffixes)."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.repeated: list[tuple[str, str]] = []  # (name, the id it was given) for names met again

    def make(self, name: str, fallback: str = "item") -> str:
        base = slug(name, fallback)
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        if n > 1:
            self.repeated.append((name, candidate))
        self.used.add(candidate)
        return candidate
