"""The reader of the template's defined names (``jixiao.read.by_names``) on its own: any
source of ranges, and workbooks it cannot read. Round trips through a built template are
in tests/template/test_template.py."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from jixiao.errors import NotASelfEvaluation, UnreadableWorkbook
from jixiao.model import Source
from jixiao.read.by_names import read_template, table_from_ranges


def test_table_from_ranges_is_the_reader_for_any_source():
    values = {"JX_Name": [["甲"], [None]], "JX_Target": [["≥1 个"], [None]],
              "JX_Actual": [["2 个"], [None]], "JX_Weight": [[20.0], [None]],
              "JX_Level1": [["产出指标"], [None]], "JX_Level2": [["数量指标"], [None]],
              "JX_Year": [["2023 年"]], "JX_Rules": [["Ratio"]],
              "JX_TotalGrade": [["#NAME?"]], "JX_TotalScore": [["⚠ 有得分未能计算，总分无法合计"]]}

    def get_range(name):  # like the add-in: KeyError for a name that is not there
        if name not in values:
            raise KeyError(name)
        return "表", "C5", values[name]

    table = table_from_ranges(get_range)
    assert table.project.year == 2023 and table.rules.name == "ratio"
    (indicator,) = table.indicators
    assert (indicator.level1, indicator.level2, indicator.name, indicator.weight) == (
        "产出指标", "数量指标", "甲", 20.0)
    assert indicator.sources["target"] == Source("表", "C5")
    assert table.funds.total.budget is None and table.funds.weight is None
    assert table.grade_declared is None and table.total_declared is None  # errors are no value


def test_unreadable_and_foreign_workbooks(tmp_path):
    broken = tmp_path / "坏文件.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(UnreadableWorkbook, match="坏文件.xlsx"):
        read_template(broken)
    with pytest.raises(UnreadableWorkbook, match="找不到"):
        read_template(tmp_path / "没有.xlsx")
    foreign = tmp_path / "别的表.xlsx"
    openpyxl.Workbook().save(foreign)
    with pytest.raises(NotASelfEvaluation, match="别的表.xlsx"):
        read_template(foreign)


def test_both_readers_build_the_same_model_of_a_template(tmp_path):
    """The defined names and the header reader give one model of a workbook made by
    ``jixiao new``: jixiao's template, its money columns, where the 执行率's 分值 is, its
    rule set (a 评分规则 cell in words, resolved once), whichever reader ran."""
    from jixiao.model import INDICATOR_COLUMNS
    from jixiao.read.workbook import read_workbook
    from jixiao.samples import sample
    from jixiao.template.build import build_template

    path = tmp_path / "模板.xlsx"
    build_template(path, table=sample("putuo-1"), rules="四川")
    [by_header], by_names = read_workbook(path).tables, read_template(path)
    for fact in ("template", "fund_columns", "funds_weight_source", "execution_line", "rules",
                 "layout", "file", "external", "subtotals", "execution_row"):
        assert getattr(by_names, fact) == getattr(by_header, fact), fact
    assert by_names.template and by_names.rules.name == "sichuan"
    assert by_names.columns == INDICATOR_COLUMNS >= by_header.columns


def test_a_template_saved_without_cell_references_is_read_by_its_names(tmp_path):
    """left30: a filled template re-saved by an exporter that writes no r= (the .NET Open
    XML SDK), its 是否达成 column one shared formula. openpyxl refused it (a TypeError moving
    the shared formula from no cell); read with each cell placed as the check places it
    (``xlsx.placing``), it gives the table the template itself gives, cell for cell."""
    from workbooks import references_dropped

    from jixiao.samples import sample
    from jixiao.template.build import build_template

    path = tmp_path / "模板.xlsx"
    build_template(path, table=sample("putuo-1"))
    dropped = references_dropped(path, tmp_path / "导出.xlsx", shared="K13:K42")
    with zipfile.ZipFile(dropped) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert ' r="' not in sheet.split("<sheetData>")[1] and 't="shared"' in sheet
    original, exported = read_template(path), read_template(dropped)
    assert exported.indicators == original.indicators and exported.funds == original.funds
    assert exported.project == original.project and len(exported.indicators) == 5
    assert exported.indicators[0].sources["target"] == Source("自评表", "E13")
