"""What a translation must keep of its Chinese: every figure, in the units English readers read
(``491.2亿元`` → ``CNY 49.12 billion``, as :mod:`numfmt` writes it), and every glossary term as the glossary
renders it. Each problem is a sentence; the import prefixes the unit's id."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .. import numfmt
from ..model import records as m

#: a figure of a Chinese text and the scale word after it (亿元, 万元, 亿, 万, %)
ZH_FIGURE = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万亿元|亿元|万元|亿|万)?")
EN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
#: the other ways English may write a figure of each scale, as multiples of the figure (亿元 in billions, …)
SCALES: dict[str, tuple[Decimal, ...]] = {
    "万亿元": (Decimal(1000), Decimal(10**6)),
    "亿元": (Decimal("0.1"), Decimal(100), Decimal(10**8)),
    "万元": (Decimal("0.01"), Decimal(10**4), Decimal("0.00001")),
    "亿": (Decimal(10**8), Decimal(100), Decimal("0.1")),
    "万": (Decimal(10**4), Decimal("0.01"), Decimal(10)),
}


QUOTES = str.maketrans("", "", '“”‘’"')
MASK = "\u25a1"  # a character no Chinese form contains


@dataclass(frozen=True)
class Rendering:
    """A glossary term: its Chinese forms and the English forms a translation may use (any case, with a regular
    plural), as the glossary's own test reads them (tests/test_glossary.py)."""

    zh: tuple[str, ...]
    en: tuple[str, ...]

    @property
    def pattern(self) -> re.Pattern[str]:
        """Any of the English forms, in any case, singular or with a regular plural (``widgets``: a ``widget
        factory`` too)."""
        stems = {f.removesuffix("s") if f.endswith("s") and not f.endswith("ss") else f for f in self.en}
        forms = "|".join(re.escape(f) for f in sorted(stems, key=len, reverse=True))
        return re.compile(rf"(?<![A-Za-z])(?:{forms})(?:s|es)?(?![A-Za-z])", re.I)


def glossary(plan: m.GlossaryFile | None) -> list[Rendering]:
    """The glossary's terms that have an English rendering (``zh_forms: []`` terms are not checked), longest
    Chinese first: a longer term masks the shorter ones inside it."""
    if plan is None:
        return []
    out = []
    for term in plan.terms:
        if not term.term.en:
            continue
        forms = term.zh_forms if term.zh_forms is not None else term.term.zh.split(" / ")
        zh = tuple(f.strip().translate(QUOTES) for f in forms if f.strip())
        if zh:
            out.append(Rendering(zh, tuple(dict.fromkeys([term.term.en, *term.forms]))))
    return sorted(out, key=lambda r: -max(len(f) for f in r.zh))


def terms_in(zh: str, renderings: list[Rendering]) -> list[Rendering]:
    """The terms a Chinese text uses (a longer term's text is not searched for shorter ones)."""
    zh = zh.translate(QUOTES)
    found = []
    for rendering in renderings:
        for form in rendering.zh:
            if form in zh:
                zh = zh.replace(form, MASK * len(form))
                if rendering not in found:
                    found.append(rendering)
    return found


#: small counts as English prose writes them (numfmt.small_count: "eight"), and their ordinals
WORDS = {numfmt.small_count(n, "en").lower(): n for n in range(13)}
ORDINALS = dict(
    enumerate(
        [
            "",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
        ]
    )
)
WORDS |= {"twice": 2, "double": 2, "doubled": 2, "triple": 3, "tripled": 3}  # 翻一番, 2倍
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
EN_WORD = re.compile(r"[A-Za-z]+")


def _numbers(en: str) -> set[Decimal]:
    found = {Decimal(n.replace(",", "")).normalize() for n in EN_NUMBER.findall(en)}
    words = {w.lower() for w in EN_WORD.findall(en)}
    found |= {Decimal(n) for w, n in WORDS.items() if w in words}
    found |= {Decimal(n) for n, w in ORDINALS.items() if w and w in words}
    return found


def figure_problems(zh: str, en: str) -> list[str]:
    """The figures of ``zh`` that ``en`` does not give, in the English reader's units."""
    have = _numbers(en)
    words = {w.lower() for w in EN_WORD.findall(en)}
    problems = []
    for match in ZH_FIGURE.finditer(zh):
        value, scale = Decimal(match.group(1).replace(",", "")), match.group(2) or ""
        if zh[match.end() : match.end() + 1] == "月" and 1 <= value <= 12 and MONTHS[int(value) - 1] in words:
            continue  # 8月 → August
        shown = numfmt.figure(float(value), scale, "", "en") if scale in ("亿元", "万元") else ""
        wanted = _numbers(shown) if shown else {value.normalize()}
        accepted = wanted | {(value * k).normalize() for k in SCALES.get(scale, ())} if scale in SCALES else wanted
        if scale in ("亿元", "万元"):
            accepted.discard(value.normalize())  # 491.2亿元 is never "491.2" in English
            accepted |= wanted
        if not accepted & have:
            expected = f" (as {shown})" if shown else ""
            problems.append(f"the figure {match.group().strip()} of the Chinese is not in the English{expected}")
    return list(dict.fromkeys(problems))


def glossary_problems(zh: str, en: str, renderings: list[Rendering]) -> list[str]:
    en = en.replace("’", "'")
    return [
        f"the glossary renders {' / '.join(r.zh)} as {' or '.join(r.en)}; the English uses neither"
        for r in terms_in(zh, renderings)
        if not r.pattern.search(en)
    ]
