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
ZH_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(万亿元|亿元|万元|亿|万)?")
EN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
#: the other ways English may write a figure of each scale, as multiples of the figure (亿元 in billions, …)
SCALES: dict[str, tuple[Decimal, ...]] = {
    "万亿元": (Decimal(1000), Decimal(10**6)),
    "亿元": (Decimal("0.1"), Decimal(100), Decimal(10**8)),
    "万元": (Decimal("0.01"), Decimal(10**4), Decimal("0.00001")),
    "亿": (Decimal(10**8), Decimal(100), Decimal("0.1")),
    "万": (Decimal(10**4), Decimal("0.01"), Decimal(10)),
}


@dataclass(frozen=True)
class Rendering:
    """A glossary term: its Chinese forms and the English forms a translation may use."""

    zh: tuple[str, ...]
    en: tuple[str, ...]


def glossary(plan: m.GlossaryFile | None) -> list[Rendering]:
    """The glossary's terms that have an English rendering (``zh_forms: []`` terms are not checked)."""
    if plan is None:
        return []
    out = []
    for term in plan.terms:
        if not term.term.en or term.zh_forms == []:
            continue
        zh = tuple(term.zh_forms or [f.strip() for f in term.term.zh.split(" / ")])
        en = tuple(dict.fromkeys([*(f.strip() for f in term.term.en.split(" / ")), *term.forms]))
        out.append(Rendering(tuple(f for f in zh if f), en))
    return out


def terms_in(zh: str, renderings: list[Rendering]) -> list[Rendering]:
    return [r for r in renderings if any(form in zh for form in r.zh)]


def _numbers(en: str) -> set[Decimal]:
    return {Decimal(n.replace(",", "")).normalize() for n in EN_NUMBER.findall(en)}


def figure_problems(zh: str, en: str) -> list[str]:
    """The figures of ``zh`` that ``en`` does not give, in the English reader's units."""
    have = _numbers(en)
    problems = []
    for match in ZH_FIGURE.finditer(zh):
        value, scale = Decimal(match.group(1)), match.group(2) or ""
        shown = numfmt.figure(float(value), scale, "", "en") if scale in ("亿元", "万元") else ""
        wanted = _numbers(shown) if shown else {value.normalize()}
        accepted = wanted | {(value * k).normalize() for k in SCALES.get(scale, ())} if scale in SCALES else wanted
        if scale in ("亿元", "万元"):
            accepted.discard(value.normalize())  # 491.2亿元 is never "491.2" in English
            accepted |= wanted
        if not accepted & have:
            expected = f" (as {shown})" if shown else ""
            problems.append(f"the figure {match.group().strip()} of the Chinese is not in the English{expected}")
    return problems


def glossary_problems(zh: str, en: str, renderings: list[Rendering]) -> list[str]:
    lower = en.lower()
    return [
        f"the glossary renders {'/'.join(r.zh)} as {' or '.join(r.en)}; the English uses neither"
        for r in terms_in(zh, renderings)
        if not any(form.lower() in lower for form in r.en)
    ]
