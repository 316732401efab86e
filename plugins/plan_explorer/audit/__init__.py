"""The plan audit: general rules that check the plan's own figures against each other on the loaded data.

Findings never change a figure; they show the values side by side with the computation, say why it matters to a
reader and how serious it is (see :mod:`.findings`). No rule names a row: each reads a kind of statement
(a table's total, a stated growth, a fact stated twice, a target with its table figure, a description …).

- :mod:`.arithmetic`: totals and their rows, stated growth (average and year-on-year) against the levels, sums;
- :mod:`.statements`: a fact stated twice, stated shares, a target in the text against its table figure;
- :mod:`.descriptions`: a row's description against its row (investment, parts and total, party names);
- :mod:`.tables`: a column against the categories the table's own note defines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..model.plan import Plan
from .arithmetic import growth_findings, total_findings, yoy_findings
from .descriptions import investment_findings, parts_findings, party_findings
from .findings import KNOCK_ON, SEVERITIES, Audit, Fig, Finding, Say, Value, render
from .statements import prose_findings, repeated_findings, share_findings, target_finding_ids
from .tables import category_findings

__all__ = [
    "KNOCK_ON",
    "SEVERITIES",
    "Audit",
    "Fig",
    "Finding",
    "Say",
    "Value",
    "render",
    "run_audit",
    "target_finding_ids",
]

RULES: tuple[Callable[[Plan], Iterator[Finding]], ...] = (
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
)


def run_audit(plan: Plan) -> Audit:
    findings = [f for rule in RULES for f in rule(plan)]
    ids = {f.id for f in findings}
    for finding in findings:
        if finding.follows not in ids:
            finding.follows = None
    order = {sev: i for i, sev in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (order[f.severity], f.rule, f.id))
    return Audit(findings)
