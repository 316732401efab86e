"""What the audit finds, and how a finding is worded: every sentence of a finding is a UI string
(``audit.computation.<rule>``, ``audit.why.<rule>`` in ``theme/i18n.yaml``) filled with figures that are formatted
in the page's language (:class:`Fig`), so no English reaches the Chinese page and no Chinese unit the English one.

Severity: ``contradiction`` (the plan cannot be right twice), ``notable`` (worth a look: a gap beyond rounding, an
approximate wording stretched, or a finding that rests on this site's own classification), ``rounding`` (explained
by rounding). A finding that follows from another (a share computed from a figure the plan states twice) is a
*knock-on*: it names the finding it follows from (``follows``) and is shown with it, not on its own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..i18n import Translator
from ..model import records as m
from ..numfmt import Formatter

SEVERITIES = ("contradiction", "notable", "rounding")
KNOCK_ON = "knock_on"


@dataclass(frozen=True)
class Fig:
    """A figure in the plan's unit (``亿元``, ``%``, ``pp`` for percentage points, ``""`` for a bare number);
    ``signed`` writes its sign (a difference)."""

    value: float
    unit: str = ""
    signed: bool = False


@dataclass(frozen=True)
class Say:
    """A sentence of the catalogue (``audit.<key>``) and what fills its placeholders: figures, texts in both
    languages, lists of figures (added up: ``a + b + c``) or plain values."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Listed:
    """Figures or sentences written one after the other (``a ≠ b``, ``a; b``)."""

    items: list[Any]
    sep: str = " + "


@dataclass(frozen=True)
class Term:
    """A code of the data (a project's type ``reserve``), written as the catalogue names it (``key``), or as is."""

    key: str


#: separators of :class:`Listed` that differ by language
SEPARATORS = {";": {"zh": "；", "en": "; "}, ",": {"zh": "、", "en": ", "}}


def render(text: Say, t: Translator, fmt: Formatter) -> str:
    """``text`` in the language of ``t`` and ``fmt``."""
    return t(f"audit.{text.key}", **{name: _arg(value, t, fmt) for name, value in text.args.items()})


def _arg(value: Any, t: Translator, fmt: Formatter) -> str:
    if isinstance(value, Fig):
        if value.signed:
            return fmt.change(value.value, value.unit)
        return fmt.measure(value.value, value.unit) if value.unit else fmt.number(value.value)
    if isinstance(value, m.Text):
        return value[t.lang]
    if isinstance(value, Say):
        return render(value, t, fmt)
    if isinstance(value, Term):
        return t(value.key) if t.has(value.key) else value.key.rsplit(".", 1)[-1]
    if isinstance(value, Listed):
        sep = SEPARATORS.get(value.sep, {}).get(t.lang, value.sep)
        return sep.join(_arg(v, t, fmt) for v in value.items)
    if isinstance(value, list):
        return _arg(Listed(value), t, fmt)
    return str(value)


@dataclass(frozen=True)
class Value:
    """One figure a finding sets side by side with others: what it is, in which unit, where the plan states it."""

    label: m.Text
    value: float | None
    unit: str = ""
    source: m.Source | m.Passage | None = None
    quote: str | None = None  # the plan's own words, in Chinese


@dataclass
class Finding:
    id: str
    rule: str  # totals, overlap, growth, yoy, repeated, share, sum, prose, investment, parts, categories, parties
    subject: m.Text
    values: list[Value]
    computation: Say
    difference: float
    unit: str  # the difference's unit (the plan's; ``pp`` for percentage points)
    severity: str
    entities: list[Any] = field(default_factory=list)  # the records it involves
    where: str | None = None  # the source (table or section) it is about: the audit page groups by it
    why: Say | None = None  # one sentence: why it matters to a reader
    classified: m.Text | None = None  # the site's own classification it rests on (never a contradiction then)
    follows: str | None = None  # the finding this one is a knock-on of
    tolerance: Say | None = None  # how an approximate wording of the plan was read

    def rests_on(self, classification: m.Text) -> Finding:
        """This finding, marked as resting on the site's ``classification``: at most notable."""
        self.classified = classification
        if self.severity == "contradiction":
            self.severity = "notable"
        return self


def decimals(value: float) -> int:
    exp = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -int(exp))


def half_unit(value: float) -> float:
    """Half a unit of the last decimal written (0.05 for 93.3, 0.5 for 30): what rounding can explain."""
    return float(0.5 * 10.0 ** -decimals(value))


def severity_of(diff: float, rounding: float, notable: float) -> str | None:
    diff = abs(diff)
    if diff < 1e-9:
        return None
    if diff <= rounding + 1e-9:
        return "rounding"
    return "notable" if diff <= notable else "contradiction"


def text(zh: str, en: str) -> m.Text:
    return m.Text(zh=zh, en=en)


@dataclass
class Audit:
    findings: list[Finding]
    by_entity: dict[tuple[type, str], list[Finding]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for finding in self.findings:
            for entity in finding.entities:
                self.by_entity[(type(entity), entity.id)].append(finding)

    def for_entity(self, record: Any) -> list[Finding]:
        return self.by_entity.get((type(record), record.id), [])

    @property
    def standalone(self) -> list[Finding]:
        """The findings that stand on their own (knock-ons are shown with the finding they follow from)."""
        return [f for f in self.findings if f.follows is None]

    def knock_ons(self, finding: Finding) -> list[Finding]:
        return [f for f in self.findings if f.follows == finding.id]

    def counts(self) -> dict[str, int]:
        """Standalone findings by severity, and the knock-ons (``knock_on``)."""
        counts = {sev: sum(f.severity == sev for f in self.standalone) for sev in SEVERITIES}
        return {**counts, KNOCK_ON: sum(f.follows is not None for f in self.findings)}

    def by_rule(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            grouped[finding.rule].append(finding)
        return dict(grouped)
