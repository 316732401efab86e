"""The plan audit: general rules that check the plan's own figures against each other on the loaded data.

Findings never change a figure; they show the values side by side with the computation, say why it matters to a
reader and how serious it is (see :mod:`.findings`). No rule names a row: each reads a kind of statement
(a table's total, a stated growth, a fact stated twice, a target with its table figure, a description …).

- :mod:`.arithmetic`: totals and their rows, stated growth (average and year-on-year) against the levels, sums;
- :mod:`.statements`: a fact stated twice, stated shares, a target in the text against its table figure;
- :mod:`.descriptions`: a row's description against its row (investment, parts and total, party names);
- :mod:`.tables`: a column against the categories the table's own note defines;
- :mod:`.rates`: a stated average against the yearly rates, one sentence's base, rate and level, multiplicative
  targets, a total's growth like for like;
- :mod:`.rows`: a whole against the records that make it up, a count of rows reaching a threshold, value added
  against gross output;
- :mod:`.names`: one enterprise, park or institution named in several ways.

A rule that meets a table it cannot read (a missing row, a blank cell, a total without parts) yields a
:class:`Skip` instead: the audit page lists it, and the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..i18n import Catalogue
from ..model.plan import Plan
from .arithmetic import growth_findings, total_findings, yoy_findings
from .descriptions import investment_findings, parts_findings, party_findings
from .findings import KNOCK_ON, SEVERITIES, Audit, Fig, Finding, Say, Skip, Value, render
from .names import name_findings
from .rates import average_findings, compound_findings, like_for_like_findings, multiple_findings
from .rows import count_findings, record_sum_findings, value_added_findings
from .statements import prose_findings, repeated_findings, share_findings, target_finding_ids
from .tables import category_findings

__all__ = [
    "KNOCK_ON",
    "RULE_NAMES",
    "SEVERITIES",
    "Audit",
    "Fig",
    "Finding",
    "Say",
    "Skip",
    "Value",
    "render",
    "run_audit",
    "target_finding_ids",
]

#: every rule, in the order the audit page states them
RULES: tuple[Callable[[Plan], Iterator[Finding | Skip]], ...] = (
    total_findings,
    growth_findings,
    yoy_findings,
    repeated_findings,
    share_findings,
    prose_findings,
    investment_findings,
    parts_findings,
    category_findings,
    party_findings,
    average_findings,
    record_sum_findings,
    count_findings,
    compound_findings,
    multiple_findings,
    like_for_like_findings,
    value_added_findings,
    name_findings,
)
#: the rules' names (``audit.rule.<name>``), as the audit page states them whether or not they find anything
RULE_NAMES = (
    "totals",
    "overlap",
    "sum",
    "growth",
    "average",
    "yoy",
    "repeated",
    "share",
    "prose",
    "investment",
    "parts",
    "categories",
    "parties",
    "record_sum",
    "count",
    "compound",
    "multiple",
    "like_for_like",
    "value_added",
    "names",
)


def run_audit(plan: Plan, catalogue: Catalogue | None = None) -> Audit:
    """Every rule on ``plan``; with ``catalogue``, the findings' subjects worded in both languages."""
    found = [f for rule in RULES for f in rule(plan)]
    findings = [f for f in found if isinstance(f, Finding)]
    skipped = [f for f in found if isinstance(f, Skip)]
    by_id = {f.id: f for f in findings}
    for finding in findings:
        if finding.follows not in by_id:
            finding.follows = None
        elif finding.why is not None and "other" in finding.why.args:
            # the plan's own figures point to the other value: with it, this finding's figure holds
            cause = by_id[finding.follows]
            cause.evidence = Say("evidence.knock_on", {"other": finding.why.args["other"], "subject": finding.subject})
    order = {sev: i for i, sev in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (order[f.severity], f.rule, f.id))
    audit = Audit(findings, skipped)
    return audit.worded(catalogue) if catalogue is not None else audit
