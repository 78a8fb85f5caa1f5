"""The findings as JSON for programs (schema: docs/json-schema.md): one object per table
read, strict RFC 8259 — a number that is not finite is null, and says so in a finding."""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jixiao.checks import REGISTRY
from jixiao.model import (
    Evaluation,
    SelfEvaluation,
    actual_shown,
    content_digest,
    indicator_target,
    not_filled_in,
)
from jixiao.report.result import CheckedTable, FileResult, table_place
from jixiao.rules import round2, written
from jixiao.terminal import CONTROL_EXCEPT_NEWLINE


def _json_value(value: Any) -> Any:
    """A cell value as JSON: numbers as numbers (``_number``), dates as ISO text."""
    if isinstance(value, float):
        return _number(value)
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, _dt.datetime) and value.time() == _dt.time():
        return value.date().isoformat()  # a date cell, as every reader shows it (plain_text)
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    return str(value)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round2(value)


def _number(value: float | None) -> float | None:
    """A number as a spreadsheet shows it, to its 15 significant digits: a formula's sum
    9.55 + 89.29 is 98.84, not the 98.83999999999999 of binary arithmetic. What a person
    typed has no more digits (a spreadsheet keeps no more), so it stays as typed;
    an infinite number stays for ``_finite_only`` to make null."""
    if value is None or not math.isfinite(value):
        return value
    return float(written(value))


def table_json(checked: CheckedTable, path: Path, notes: Sequence[str] = ()) -> dict[str, Any]:
    """One table's object; ``notes``: its file's (``FileResult.notes``), the 注意 lines
    of the text report, the annotated copy and the batch summary's 原因."""
    table, evaluation = checked.table, checked.evaluation
    funds = table.funds
    rate = evaluation.rate if evaluation.rate is not None else funds.scored.rate_declared
    where = table.sources.get("header")
    indicators = []
    for indicator, score in zip(table.indicators, evaluation.scores, strict=True):
        source = (indicator.sources.get("name") or indicator.sources.get("weight")
                  or next(iter(indicator.sources.values()), None))
        indicators.append({
            "level1": indicator.level1, "level2": indicator.level2, "name": indicator.name,
            "target": _json_value(indicator_target(indicator)),
            "actual": _json_value(actual_shown(indicator)),
            "weight": _number(indicator.weight),
            "score_declared": _number(indicator.score_declared),
            "score_computed": _number(score.value), "met": score.met,
            "sheet": source.sheet if source else None, "cell": source.cell if source else None,
            "place": _place(table, source.sheet, source.cell) if source else None,
        })
    return {
        "file": str(path),
        "sheet": where.sheet if where else None,
        "place": table_place(table),
        "layout": table.layout,
        "form": table.form,
        "rules": evaluation.rules.name,
        "project": {"name": table.project.name, "department": table.project.department,
                    "unit": table.project.unit, "year": table.project.year},
        "funds": {
            "budget": _number(funds.total.budget), "executed": _number(funds.total.executed),
            "rate": _rounded(rate), "rate_declared": _number(funds.scored.rate_declared),
            "rate_line": funds.rate_line.label if funds.rate_line is not None else None,
            "weight": _number(funds.weight) if table.execution_line else None,
            "weight_source": table.funds_weight_source if table.execution_line else None,
            "score_declared": _number(funds.score_declared),
            "score_computed": _number(evaluation.execution_score),
        },
        "indicators": indicators,
        "total_declared": _number(table.total_declared),
        "total_computed": _number(evaluation.total),
        "total_basis": evaluation.total_basis,
        "total_range": _total_range(evaluation),
        "weight_total": _number(_weight_total(table)),
        "grade_declared": table.grade_declared,
        "grade_computed": checked.grade,
        "content": content_digest(table),
        "not_filled_in": not_filled_in(table),
        "notes": list(notes),
        "findings": [{"code": item.code, "severity": item.severity, "sheet": item.sheet,
                      "cell": item.cell, "place": _place(table, item.sheet, item.cell),
                      "message": item.message}
                     for item in checked.findings],
    }



def _total_range(evaluation: Evaluation) -> list[float | None] | None:
    """The 总分's range where a person still scores rows within their bands; null where
    there is one total (the range's two ends equal) or none (docs/json-schema.md)."""
    span = evaluation.total_range
    if span is None or evaluation.total is not None or span[0] == span[1]:
        return None
    return [_number(end) for end in span]

def _place(table: SelfEvaluation, sheet: str | None, cell: str | None) -> str | None:
    """A cell of a document (Word, a web page) in the document's own terms, else None."""
    return table.document.place(sheet, cell) if table.document is not None else None


def _weight_total(table: Any) -> float | None:
    """The 分值合计 as JX101 adds it (indicators and 执行率); None when it cannot be known."""
    from jixiao.checks.weights import weight_parts

    parts = weight_parts(table)
    return None if parts is None else parts[2]


def json_objects(results: list[FileResult]) -> list[dict[str, Any]]:
    """The JSON of each table read (or of each file that could not be): only finite
    numbers — an infinite one (``1e999``) is null, and the table has a JX601 finding."""
    objects: list[dict[str, Any]] = []
    for result in results:
        if result.error:
            failed = {"file": str(result.path), "error": result.error, "findings": []}
            if result.no_table:  # read, but no 自评表 in it: a report, a 绩效目标表 …
                failed["no_table"] = True
            if result.encrypted:  # a password to open it: the reviewer asks for another
                failed["encrypted"] = True
            if result.targets_only:  # a 绩效目标表 sent for the 自评表
                failed["targets_only"] = True
            if result.empty:  # nothing in it: the unit sends it again
                failed["empty"] = True
            if result.unrecognised:  # titled a 自评表, its header not found: read by hand
                failed["unrecognised"] = True
            if result.results_summary:  # a 自评结果汇总表: nothing to check, nothing wrong
                failed["results_summary"] = True
            objects.append(failed)
            continue
        objects.extend(_finite_only(table_json(checked, result.path, result.notes))
                       for checked in result.tables)
    return objects


NOT_FINITE = "JX601"  # the check of numbers beyond computing (checks/numbers.py)


def _finite_only(table: dict[str, Any]) -> dict[str, Any]:
    """``table`` with every number that is not finite (inf, -inf, NaN) made null: JSON has
    no such numbers (``Infinity`` breaks jq and JSON.parse). The JX601 check reports them;
    should one have escaped it, a finding says so here."""
    # The number fields first: as good as always all finite, and looking at them costs a
    # seventh of walking the whole table (10 µs, not 70). A number field added later and
    # not listed here is still made null by json_text.
    numbers = [*table["funds"].values(), table["total_declared"], table["total_computed"],
               *(table.get("total_range") or ())]
    for indicator in table["indicators"]:
        numbers += (indicator["target"], indicator["actual"], indicator["weight"],
                    indicator["score_declared"], indicator["score_computed"])
    if all(type(number) is not float or math.isfinite(number) for number in numbers):
        return table
    table, replaced = _nulled(table)
    if replaced and not any(item["code"] == NOT_FINITE for item in table["findings"]):
        table["findings"].append({
            "code": NOT_FINITE, "severity": REGISTRY[NOT_FINITE].severity, "sheet": table["sheet"],
            "cell": None, "place": None, "message": f"有 {replaced} 个数值超出可计算的范围（无穷大或非数字），"
                                     "JSON 中写为 null"})
    return table


def _nulled(value: Any) -> tuple[Any, int]:
    """``value`` with its numbers that are not finite made None, and how many there were."""
    if isinstance(value, float) and not math.isfinite(value):
        return None, 1
    if isinstance(value, dict):
        pairs = [(key, *_nulled(item)) for key, item in value.items()]
        return {key: item for key, item, _ in pairs}, sum(count for _, _, count in pairs)
    if isinstance(value, list):
        items = [_nulled(item) for item in value]
        return [item for item, _ in items], sum(count for _, count in items)
    return value, 0


def json_text(value: Any, indent: int | None = None) -> str:
    """Strict JSON (RFC 8259), safe to print and to write as UTF-8 whatever a file name
    holds: no ``NaN``/``Infinity`` (a number that is not finite is null — ``json_objects``
    has reported it already), every control character escaped (``\\u009b``)."""
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False, indent=indent)
    except ValueError:  # Out of range float values are not JSON compliant
        text = json.dumps(_nulled(value)[0], ensure_ascii=False, allow_nan=False, indent=indent)
    # json.dumps escaped C0 in strings already (a raw line feed is indent); DEL, C1, bidi
    # controls and lone surrogates remain raw
    if CONTROL_EXCEPT_NEWLINE.search(text):
        text = CONTROL_EXCEPT_NEWLINE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text


def json_report(results: list[FileResult]) -> str:
    """One object per table read (the usual case: one per file); a list when several."""
    objects = json_objects(results)
    data: Any = objects[0] if len(objects) == 1 else objects
    return json_text(data, indent=2)
