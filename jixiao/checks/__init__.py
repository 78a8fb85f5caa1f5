"""Checks of a self-evaluation, one small function each, like ruff's rules.

    JX0xx  the table as a whole         filled.py
    JX1xx  weights (分值/权重)          weights.py
    JX2xx  targets and actuals          targets.py
    JX3xx  the money block (执行率)     money.py
    JX4xx  indicator scores (得分)      scores.py
    JX5xx  总分, 等级, formulas          totals.py
    JX6xx  numbers beyond computing     numbers.py
    JX9xx  links out of the workbook    links.py

A check takes a ``SelfEvaluation`` and its ``Evaluation`` and yields
``Finding``s. Each is registered with a stable code, a severity and a short
name; its docstring is its user documentation (``jixiao rules`` prints it,
``docs/rules.md`` is generated from it by ``rules_markdown``). ``run_checks``
runs them all; the 校验 button and ``jixiao check`` use it. Rules are never
written here: every score comes from ``jixiao.rules`` via ``jixiao.model``.
"""

from __future__ import annotations

from jixiao.checks import filled, links, money, numbers, scores, targets, totals, weights  # noqa: F401  (registers the checks)
from jixiao.checks.base import (
    REGISTRY,
    SEVERITIES,
    SEVERITY_NAMES,
    Check,
    Finding,
    check,
    finding,
    findings_rows,
    run_checks,
)
from jixiao.checks.docs import rules_markdown, rules_text

__all__ = [
    "REGISTRY", "SEVERITIES", "SEVERITY_NAMES", "Check", "Finding", "check",
    "finding", "findings_rows", "rules_markdown", "rules_text", "run_checks",
]
