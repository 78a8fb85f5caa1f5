"""The JX_ worksheet functions (``udfs/``, package ``jixiao_udfs``) called as plain Python.

On a machine without Excel the xlwings decorators pass the functions through
unchanged, so the Excel-facing documentation (category, docstring, one
``xw.arg(doc=…)`` per parameter) is checked in the source.
"""

import ast
import importlib
import importlib.util
import inspect
import re
import sys
from pathlib import Path

import pytest

UDF_DIR = Path(__file__).resolve().parents[2] / "udfs"


def _load_udfs():
    """This checkout's udfs/ — not an installed jixiao_udfs, which may map another
    checkout's folder (an editable install in a shared venv)."""
    installed = importlib.util.find_spec("jixiao_udfs")
    if installed is not None and Path(installed.origin or "").resolve() == UDF_DIR / "__init__.py":
        return importlib.import_module("jixiao_udfs")
    spec = importlib.util.spec_from_file_location(
        "jixiao_udfs", UDF_DIR / "__init__.py", submodule_search_locations=[str(UDF_DIR)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["jixiao_udfs"] = module
    spec.loader.exec_module(module)
    return module


udfs = _load_udfs()
UDF_NAMES = sorted(name for name in vars(udfs) if name.startswith("JX_"))
CJK = re.compile(r"[\u4e00-\u9fff]")


def _is_error(value):
    return isinstance(value, str) and value.startswith("⚠")


# ------------------------------------------------------------ the numbers

def test_all_nine_functions_are_there():
    assert UDF_NAMES == ["JX_EXEC_SCORE", "JX_GRADE", "JX_MET", "JX_POINTS", "JX_RATE",
                         "JX_SCORE", "JX_SCORES", "JX_TOTAL", "JX_WEIGHT_TOTAL"]


def test_score_below_target_is_proportional():
    assert udfs.JX_SCORE("95%", "85%", 10) == pytest.approx(8.95)
    assert udfs.JX_SCORE("≥95%", "85%", 10) == pytest.approx(8.95)


def test_rate_and_execution_score():
    assert udfs.JX_RATE(200, 170) == pytest.approx(0.85)
    assert udfs.JX_EXEC_SCORE(0.85, 10) == pytest.approx(8.5)
    assert udfs.JX_EXEC_SCORE(udfs.JX_RATE(200, 170)) == pytest.approx(8.5)  # 分值 defaults to 10


def test_execution_score_never_exceeds_its_weight():
    assert udfs.JX_EXEC_SCORE(udfs.JX_RATE(100, 120), 10) == pytest.approx(10)


def test_scores_over_a_column_equal_score_per_cell():
    targets = [["≥95%"], ["≤3 小时"], ["及时"], [None], ["≥6 次"], ["=100%"]]
    actuals = [["85%"], ["4 小时"], ["达成"], [None], ["7 次"], ["90%"]]
    weights = [[10], [10], [5], [None], [5], [20]]
    column = udfs.JX_SCORES(targets, actuals, weights, "mof2020")
    assert len(column) == len(targets)
    for (t,), (a,), (w,), (out,) in zip(targets, actuals, weights, column, strict=True):
        assert out == udfs.JX_SCORE(t, a, w, "mof2020")
    assert column[0] == [pytest.approx(8.95)]
    assert column[3] == [""]


def test_scores_carry_a_merged_level2_down_as_score_does():
    """Excel passes a merged C24:C26 (成本指标) as 成本指标, None, None: each row is 成本
    (≤), as JX_SCORE reads $C$13:$C25. Before, the rows below the first read 50元/次 as
    “=”: [[5.0], [4.5], [5.0]]."""
    targets, actuals, weights = [["300元/人"], ["50元/次"], ["≤20万元"]], [[280], [45], [18]], \
        [[5], [5], [5]]
    assert udfs.JX_SCORES(targets, actuals, weights, None, None, [["成本指标"], [None], [None]]) \
        == [[5.0], [5.0], [5.0]]
    assert udfs.JX_SCORE("50元/次", 45, 5, None, None, [["成本指标"], [None]]) == 5.0
    # no 二级 above a row is none carried into it; a row's own 二级 is its own
    assert udfs.JX_SCORES([["50元/次"], ["50元/次"]], [[45], [45]], [[5], [5]], None, None,
                          [[None], ["成本指标"]]) == [[4.5], [5.0]]
    assert udfs.JX_SCORES([["50元/次"], ["50元/次"]], [[45], [45]], [[5], [5]], None, None,
                          [["成本指标"], ["质量指标"]]) == [[5.0], [4.5]]


def test_a_value_no_cell_holds_is_refused_in_words():
    """Before: JX_GRADE(NaN) showed “⚠ 计算出错：StopIteration: ”, JX_GRADE(95, inf) “⚠ 分值合计
    inf，不是 100…”, JX_POINTS(TRUE) TRUE, and a range in a one-cell argument “[[None]]”."""
    assert udfs.JX_GRADE(float("nan")) == "⚠ 总分不是数字"
    assert udfs.JX_GRADE(95, float("inf")) == "⚠ 分值合计不是数字"
    assert udfs.JX_POINTS(True) == "⚠ 分值不是数字"
    assert udfs.JX_SCORE("≥95%", "96%", float("nan")) == "⚠ 分值不是数字"
    assert udfs.JX_EXEC_SCORE(0.9, [[None], [None]]) == "⚠ 第2个参数应为一个单元格，不是区域"
    assert udfs.JX_MET([["≥95%", "≥90%"]], "96%") == "⚠ 第1个参数应为一个单元格，不是区域"
    assert udfs.JX_SCORE(0, [[]], 10) == "⚠ 第2个参数应为一个单元格，不是区域"
    # a one-cell range is that cell, as Excel passes it
    assert udfs.JX_SCORE([["≥95%"]], [["96%"]], [[10]]) == 10.0
    assert udfs.JX_GRADE([[95]]) == "优"


def test_blank_rows_give_empty_text():
    assert udfs.JX_SCORE(None, None, None) == ""
    assert udfs.JX_SCORE("", " ", None) == ""
    assert udfs.JX_RATE(None, None) == ""
    assert udfs.JX_EXEC_SCORE(None) == ""
    assert udfs.JX_MET(None, None) == ""
    assert udfs.JX_GRADE(None) == ""
    assert udfs.JX_TOTAL(None, [[None], [None]]) == ""
    assert udfs.JX_SCORES([[None], [None]], [[None], [None]], [[None], [None]]) == [[""], [""]]


def test_met():
    assert udfs.JX_MET("≥95%", "96%") == "是"
    assert udfs.JX_MET("≥95%", "85%") == "否"
    assert udfs.JX_MET("≤3 小时", "2 小时") == "是"


def test_total_grade_and_weight_total():
    assert udfs.JX_TOTAL(8.5, [[8.95], [10], [None], [""]]) == pytest.approx(27.45)
    assert udfs.JX_GRADE(95) == "优"
    assert udfs.JX_GRADE(85) == "良"
    assert udfs.JX_GRADE(70) == "中"
    assert udfs.JX_GRADE(59.99) == "差"
    assert udfs.JX_WEIGHT_TOTAL(10, [[50], [30], [10], [None]]) == pytest.approx(100)
    assert udfs.JX_WEIGHT_TOTAL(10, [[50], [20], [10]]) == pytest.approx(90)


def test_an_error_in_a_score_makes_the_total_an_error_not_a_wrong_number():
    assert _is_error(udfs.JX_TOTAL(8.5, [["⚠ 实际完成值为空"], [10]]))
    assert udfs.JX_GRADE("⚠ 有得分未能计算") == ""


# ------------------------------------------------------------ never an exception

GARBAGE = [[1, 2], True, False, "abc", {"a": 1}, float("nan"), -5, "≥", ["x", ["y"]], object()]


def _arguments(function, value):
    """``value`` in every parameter position, the others sensible."""
    sensible = {"budget": 100, "executed": 90, "rate": 0.9, "weight": 10, "target": "≥95%",
                "actual": "96%", "rules": "mof2020", "judged": None, "level2": None,
                "targets": [["≥95%"]], "actuals": [["96%"]], "weights": [[10]],
                "level2s": None, "exec_score": 10, "scores": [[8]], "total": 90,
                "exec_weight": 10, "weight_total": 100, "total_line": True}
    names = list(inspect.signature(function).parameters)
    for position in range(len(names)):
        arguments = [sensible[name] for name in names]
        arguments[position] = value
        yield arguments


# cellfuncs.scores zips the columns with strict=True outside the cell guard: a list in
# place of a single cell makes actuals/weights longer than targets → ValueError.
def _garbage_cases():
    for name in UDF_NAMES:
        for value in GARBAGE:
            # (an object's repr holds its address: the same id in every test process)
            shown = "object" if type(value) is object else repr(value)
            yield pytest.param(name, value, id=f"{name}-{shown}")


@pytest.mark.parametrize(("name", "value"), list(_garbage_cases()))
def test_garbage_comes_back_as_a_warning_text_never_an_exception(name, value):
    function = getattr(udfs, name)
    for arguments in _arguments(function, value):
        result = function(*arguments)  # must not raise
        cells = [cell for row in result for cell in row] if name == "JX_SCORES" else [result]
        for cell in cells:
            assert (cell == "" or _is_error(cell) or isinstance(cell, (bool, int, float))
                    or cell in ("优", "良", "中", "差", "是", "否", "未知")), (name, arguments, cell)


def test_scores_with_a_longer_actual_column_is_a_warning_not_an_exception():
    result = udfs.JX_SCORES([["≥95%"]], [["85%"], ["90%"]], [[10], [10]])
    assert _is_error(result[0][0]) or _is_error(result)


@pytest.mark.parametrize(("call", "expected"), [
    (lambda: udfs.JX_SCORE("≥95%", "85%", "abc"), "分值"),
    (lambda: udfs.JX_RATE("abc", 100), "全年预算数"),
    (lambda: udfs.JX_SCORE("≥95%", "85%", None), "分值为空"),
    (lambda: udfs.JX_SCORE("≥95%", "85%", 10, "nosuch"), "规则"),
])
def test_error_texts_are_chinese_and_say_what_is_wrong(call, expected):
    result = call()
    assert _is_error(result)
    assert expected in result
    assert "Traceback" not in result


# ------------------------------------------------------------ Excel documentation

def _functions_in_source():
    tree = ast.parse((UDF_DIR / "__init__.py").read_text(encoding="utf-8"))
    return {node.name: node for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("JX_")}


def _decorators(node):
    """(decorator name, positional args, keyword args) for each ``@xw.something(…)``."""
    for decorator in node.decorator_list:
        assert isinstance(decorator, ast.Call), ast.unparse(decorator)
        name = ast.unparse(decorator.func)
        args = [ast.unparse(arg) for arg in decorator.args]
        keywords = {kw.arg: kw.value for kw in decorator.keywords}
        yield name, args, keywords


def _literal(node, module):
    try:
        return ast.literal_eval(node)
    except ValueError:  # a module constant such as _RULES_DOC
        return getattr(module, ast.unparse(node))


def test_the_source_defines_exactly_the_module_functions():
    assert sorted(_functions_in_source()) == UDF_NAMES


@pytest.mark.parametrize("name", UDF_NAMES)
def test_each_udf_has_a_category_a_chinese_docstring_and_a_doc_per_parameter(name):
    node = _functions_in_source()[name]
    docstring = ast.get_docstring(node)
    assert docstring and CJK.search(docstring), name
    decorators = list(_decorators(node))
    funcs = [kw for dec, _, kw in decorators if dec == "xw.func"]
    assert len(funcs) == 1 and _literal(funcs[0]["category"], udfs) == "绩效自评"
    documented = {}
    for dec, args, keywords in decorators:
        if dec == "xw.arg":
            documented[ast.literal_eval(args[0])] = _literal(keywords["doc"], udfs)
    parameters = [arg.arg for arg in node.args.args]
    assert sorted(documented) == sorted(parameters), name
    for parameter, doc in documented.items():
        assert CJK.search(doc), (name, parameter)
        assert len(doc) <= 255  # Excel's limit for argument descriptions


def test_range_arguments_are_two_dimensional_and_the_column_function_spills():
    node = _functions_in_source()["JX_SCORES"]
    decorators = list(_decorators(node))
    two_d = {ast.literal_eval(args[0]) for dec, args, kw in decorators
             if dec == "xw.arg" and "ndim" in kw}
    assert {"targets", "actuals", "weights", "judged", "level2s"} <= two_d
    # Excel 365 spills a returned array by itself; xlwings' legacy expand="table"
    # is known to drop formulas that reference its output (xlwings issue #1164).
    assert not any(dec == "xw.ret" and "expand" in kw for dec, _, kw in decorators)


def test_a_zero_budget_on_the_total_line_is_no_rate():
    """rt20: 0 and 0 is an unused 其中 line (0 %), but on the 年度资金总额 line (TRUE) no
    rate can be computed, as check says (JX307): the 执行率得分 and 总分 show ⚠ too."""
    assert udfs.JX_RATE(0, 0) == 0.0
    rate = udfs.JX_RATE(0, 0, True)
    assert rate == "⚠ 全年预算数为 0，须大于 0 才能计算执行率"
    assert udfs.JX_EXEC_SCORE(rate, 10) == rate
    assert udfs.JX_TOTAL(udfs.JX_EXEC_SCORE(rate, 10), [[90]]) == "⚠ 有得分未能计算，总分无法合计"
    assert udfs.JX_RATE(200, 170, True) == pytest.approx(0.85)


class _Cell:
    """What xlwings gives JX_POINTS for its argument (``xw.arg(..., "range")``): the cell."""

    count = 1

    def __init__(self, value, number_format):
        self.value, self.number_format = value, number_format


class _Column:
    """A one-column range of ``_Cell``s, as xlwings' Range iterates it."""

    def __init__(self, *cells):
        self.count, self.number_format = len(cells), None
        self.rows = [type("Row", (), {"columns": [cell]})() for cell in cells]


def test_points_count_a_weight_typed_as_a_percent_as_check_does():
    """rt21: 10% typed into a 分值 is 0.1 in a percent-formatted cell; jixiao check counts
    10 points, so the template's JX_POINTS does: JX_SCORE and JX_WEIGHT_TOTAL read it."""
    assert udfs.JX_POINTS(_Cell(0.1, "0%")) == 10
    assert udfs.JX_POINTS(_Cell(0.125, "0.00%")) == 12.5
    assert udfs.JX_POINTS(_Cell(0.1, "General")) == 0.1
    assert udfs.JX_POINTS(_Cell(0.1, '0.0"%"')) == 0.1  # a literal % sign: 0.1 shown 0.1%
    assert udfs.JX_POINTS(_Cell(10, "0.00")) == 10
    assert udfs.JX_POINTS(_Cell(None, "0%")) == ""
    assert udfs.JX_POINTS(_Cell("5", "@")) == 5
    assert udfs.JX_POINTS(_Cell("十", "General")) == "⚠ 分值“十”不是数字"
    assert udfs.JX_SCORE("≥90%", "95%", udfs.JX_POINTS(_Cell(0.1, "0%"))) == 10
    assert udfs.JX_SCORE("≥90%", "81%", udfs.JX_POINTS(_Cell(0.1, "0%"))) == 9
    # a 分值 in words reads as JX_SCORE always said, not wrapped in a second message
    assert udfs.JX_SCORE("≥90%", "95%", udfs.JX_POINTS(_Cell("十", "General"))) == \
        udfs.JX_SCORE("≥90%", "95%", "十") == "⚠ 分值“十”不是数字"
    assert udfs.JX_WEIGHT_TOTAL(udfs.JX_POINTS(_Cell(0.1, "0%")), [[90], [""]]) == 100
    column = udfs.JX_POINTS(_Column(_Cell(0.3, "0%"), _Cell(None, "0.00"), _Cell(60, "0.00")))
    assert column == [[30], [""], [60]]
    assert udfs.JX_WEIGHT_TOTAL(udfs.JX_POINTS(_Cell(0.1, "0%")), column) == 100
    assert udfs.JX_EXEC_SCORE(0.9981, udfs.JX_POINTS(_Cell(0.1, "0%"))) == 9.98


def test_exec_score_reads_a_typed_rate_as_check_does():
    """rt24: a unit's own table types its 执行率 95 (General format) and scores it with
    =JX_EXEC_SCORE(G6,F6): 95 %, 9.5 points, as jixiao check reads the cell — not 9500 %
    and the full 10. A percent-formatted cell (JX_RATE's fraction) is read as shown,
    105 % included; a value given without its cell is JX_RATE's fraction."""
    assert udfs.JX_EXEC_SCORE(_Cell(95, "General"), 10) == 9.5
    assert udfs.JX_EXEC_SCORE(_Cell(0.95, "General"), 10) == 9.5
    assert udfs.JX_EXEC_SCORE(_Cell(0.95, "0.00%"), 10) == 9.5
    assert udfs.JX_EXEC_SCORE(_Cell(1.05, "0.00%"), 10) == 10
    assert udfs.JX_EXEC_SCORE(_Cell("95%", "@"), 10) == 9.5
    assert udfs.JX_EXEC_SCORE(1.05, 10) == 10
    assert udfs.JX_EXEC_SCORE(_Column(_Cell(0.9, "0%"), _Cell(0.8, "0%")), 10) == \
        "⚠ 执行率须为一个单元格"


def test_total_skips_the_slash_of_an_unused_row():
    """rt24: a paper form asks for “/” in an unused row's 得分; JX_TOTAL adds up the
    rest, as JX_WEIGHT_TOTAL skips the row's “/” 分值 — not “⚠ 得分“/”不是数字”."""
    assert udfs.JX_TOTAL(9.5, [[29.5], [10], ["/"], ["—"], [None]]) == 49
    assert udfs.JX_WEIGHT_TOTAL(10, [[30], [10], ["/"]]) == 50
    assert udfs.JX_TOTAL(9.5, [[29.5], ["十"]]) == "⚠ 得分“十”不是数字"


def test_score_and_met_read_a_percent_typed_actual_as_check_does():
    """rt30: 105% typed into a 完成值 is 1.05 in a percent-formatted cell; jixiao check
    reads 105 %, so JX_SCORE, JX_MET and JX_SCORES do: ≥100% met, the full 5 (was 5 × 1.05
    ÷ 100 = 0.05, 否); ≤100% typed 103%: 5 × (1 − 3 ÷ 100) = 4.85; ≥120% typed 110%:
    5 × 110 ÷ 120 = 4.58."""
    assert udfs.JX_SCORE(_Cell("≥100%", "General"), _Cell(1.05, "0%"), 5) == 5
    assert udfs.JX_MET(_Cell("≥100%", "General"), _Cell(1.05, "0%")) == "是"
    assert udfs.JX_SCORE(_Cell("≤100%", "@"), _Cell(1.03, "0.00%"), 5) == 4.85
    assert udfs.JX_SCORE(_Cell(1.2, "0%"), _Cell(1.1, "0%"), 5) == 4.58  # ≥ by default
    assert udfs.JX_SCORE("≥100%", 1.05, 5) == 0.05  # values, no cells: as typed
    assert udfs.JX_SCORE(_Cell("≥100%", "General"), _Cell(1.05, "General"), 5) == 0.05
    assert udfs.JX_SCORES(_Column(_Cell("≥100%", "General"), _Cell("≥120%", "General")),
                          _Column(_Cell(1.05, "0%"), _Cell(1.1, "0%")), [[5], [5]]) == \
        [[5], [4.58]]


def test_a_value_given_where_cells_are_read_is_that_value():
    """xlwings' "range" conversion gives None for an argument that names no cell
    (=JX_SCORE("≥95%",F5,10), a literal); ``_CellsOrValue`` hands over the value."""
    class Engine:
        class impl:  # noqa: N801 — xlwings' engine.impl
            @staticmethod
            def clean_value_data(data, *args, **kwargs):
                return data

    class Context:
        def __init__(self, rng, value):
            self.range, self.value, self.engine, self.meta = rng, value, Engine, {}

    cell = _Cell(1.05, "0%")
    given = Context(cell, None)
    udfs._CellsOrValue.reader({})(given)
    assert given.value is cell
    typed = Context(None, "≥95%")
    udfs._CellsOrValue.reader({})(typed)
    assert typed.value == "≥95%"
