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
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from ..i18n import Catalogue, Translator
from ..model import records as m
from ..numfmt import Figure, Formatter, decimals_of, rounded

SEVERITIES = ("contradiction", "notable", "rounding")
KNOCK_ON = "knock_on"
#: numfmt's units that :class:`numfmt.Figure` writes itself; any other unit of the plan goes through ``measure``
FIGURE_UNITS = frozenset({"亿元", "万元", "%", "pp"})


def Fig(  # noqa: N802  (named as the type it makes)
    value: float, unit: str = "", signed: bool = False, decimals: int | None = None, unit_en: str = ""
) -> Figure:
    """A figure of a finding as numfmt's one quantity type: in the plan's unit (``亿元``, ``%``, ``pp`` for
    percentage points, ``""`` for a bare number); ``decimals`` for a figure the audit computes (numfmt rounds it,
    never the audit); ``signed`` writes its sign (a difference); ``unit_en`` the record's English unit where the
    Chinese one does not say it all (万元 of a per-mu indicator: ``CNY 10,000 per mu``)."""
    return Figure(value, unit, unit_en, decimals=decimals, signed=signed)


def rounds_to(computed: float, stated: float) -> bool:
    """The audit's rounding rule: a computed figure is "explained by rounding" only when rounding it to the stated
    figure's printed precision gives the stated figure (12.79 rounds to 13, not to the stated 12)."""
    places = decimals_of(stated)
    return rounded(computed, places) == rounded(stated, places)


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


def show(fig: Figure, fmt: Formatter) -> str:
    """A figure in the page's language: numfmt rounds it (a computed one) and writes it in the page's unit."""
    number = fig.number()
    if number is None:
        return fmt.measure(None, fig.unit)
    if (fig.unit in FIGURE_UNITS or fig.unit_en) and not fig.signed:
        return fmt.show(fig)
    value = float(number)
    if fig.signed:
        return fmt.change(value, fig.unit)
    return fmt.measure(value, fig.unit) if fig.unit else fmt.number(value)


def _arg(value: Any, t: Translator, fmt: Formatter) -> str:
    if isinstance(value, Figure):
        return show(value, fmt)
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

    label: m.Text | Say  # a name from the data, or a catalogue sentence (``audit.label.*``)
    value: float | None
    unit: str = ""
    source: m.Source | m.Passage | None = None
    quote: str | None = None  # the plan's own words, in Chinese
    decimals: int | None = None  # for a figure the audit computes: the precision numfmt rounds it to
    unit_en: str = ""  # the record's English unit, where the Chinese one does not say it all

    def figure(self) -> Figure:
        return Figure(self.value, self.unit, self.unit_en, decimals=self.decimals)


@dataclass
class Finding:
    id: str
    rule: str  # one of RULE_NAMES (audit/__init__.py)
    subject: m.Text | Say  # a name from the data, or a catalogue sentence (worded in both languages by run_audit)
    values: list[Value]
    computation: Say
    difference: float
    unit: str  # the difference's unit (the plan's; ``pp`` for percentage points)
    severity: str
    entities: list[Any] = field(default_factory=list)  # the records it involves
    where: str | None = None  # the source (table or section) it is about: the audit page groups by it
    why: Say | None = None  # one sentence: why it matters to a reader
    classified: m.Text | Say | None = None  # the site's own classification it rests on (never a contradiction then)
    follows: str | None = None  # the finding this one is a knock-on of
    tolerance: Say | None = None  # how an approximate wording of the plan was read
    evidence: Say | None = None  # where the plan's own figures point to one of the values, which one and why

    def difference_figure(self) -> Figure:
        """The difference as the page shows it: to the finest precision of the figures it is the difference of."""
        places = max(
            (
                v.decimals if v.decimals is not None else decimals_of(v.value)
                for v in self.values
                if v.value is not None
            ),
            default=0,
        )
        return Figure(self.difference, self.unit, decimals=places, signed=True)

    def rests_on(self, classification: m.Text | Say) -> Finding:
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


def label(key: str, **args: Any) -> Say:
    """A label of the catalogue (``audit.label.<key>``): the audit's Python holds no reader's words."""
    return Say(f"label.{key}", args)


def words(value: m.Text | Say, t: Translator, fmt: Formatter) -> str:
    """A subject or label in the page's language."""
    return render(value, t, fmt) if isinstance(value, Say) else value[t.lang]


@dataclass(frozen=True)
class Skip:
    """A table or statement a rule met and could not read (a missing row, a blank cell, a total without parts):
    the rule skips it, and the audit page says so (never a traceback)."""

    rule: str
    subject: m.Text | Say
    reason: Say
    where: str | None = None


@dataclass
class Audit:
    findings: list[Finding]
    skipped: list[Skip] = field(default_factory=list)
    by_entity: dict[tuple[type, str], list[Finding]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for finding in self.findings:
            for entity in finding.entities:
                self.by_entity[(type(entity), entity.id)].append(finding)

    def worded(self, catalogue: Catalogue) -> Audit:
        """The audit with its subjects and classifications in both languages' words (what templates and the
        command line read as ``subject.zh`` / ``subject.en``), from the catalogue's ``audit.*`` strings."""
        bound = {lang: (catalogue.bound(lang), Formatter(lang)) for lang in ("zh", "en")}

        def text_of(value: m.Text | Say) -> m.Text:
            if isinstance(value, m.Text):
                return value
            return m.Text(zh=render(value, *bound["zh"]), en=render(value, *bound["en"]))

        for finding in self.findings:
            finding.subject = text_of(finding.subject)
            if finding.classified is not None:
                finding.classified = text_of(finding.classified)
        self.skipped = [replace(skip, subject=text_of(skip.subject)) for skip in self.skipped]
        return self

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
