"""Outcomes: what happened after the plan was issued, and where each target stands.

``goals`` maps every kind of target (an indicator, an industry, a township, a stated target) onto one small
protocol; ``status`` judges a goal against the actual values recorded for it; ``progress`` gathers a plan's
outcomes and judgements; ``checks`` validates recorded outcomes across files; ``workbook`` and ``importer``
are the spreadsheet staff fill in and its way back into ``data/outcomes.yaml``.
"""
