"""rt26 d: jixiao's own template filled, recalculated by the clerk's LibreOffice and saved
as .ods or .xls (Excel 97). The .xls/.ods readers gave formula cells otherwise than the
.xlsx reader: no formulas at all, an error result (#NAME?) as "", an empty text result as
a formula never calculated, the year 2024 as 2024.0, and no JX_ names. Each file must
give the findings its .xlsx gives (the recalc hint aside: jixiao recalc writes .xlsx only).
"""

from __future__ import annotations

import shutil

import openpyxl
import pytest
from libreoffice import convert
from test_real_shapes import checked

from jixiao.template.build import build_template

ROWS = {13: ("培训人次", "≥500人次", "520人次", 15, None),
        14: ("新建服务站点", "≥10个", "8个", 10, "2个站点选址未落实，延至次年建设"),
        17: ("服务合格率", "≥95%", "97%", 10, None),
        18: ("项目验收", "通过验收", "达成", 5, None),
        21: ("补贴发放时间", "年内完成", "2024年11月完成", 5, None),  # left to jixiao: ⚠
        24: ("人均服务成本", "≤300元/人", "280元/人", 5, None),
        30: ("受益老年人数", "≥2万人", "2.1万人", 15, None),
        37: ("长效机制", "健全", "达成", 15, None),
        40: ("服务对象满意度", "≥90%", "92%", 10, None)}


def _filled(path, formulas):
    """jixiao new (``formulas``) filled by a clerk: 2024, one project, the 上年结转 and
    其他资金 rows left empty, a 时效 row the native formulas leave to jixiao."""
    build_template(path, formulas=formulas)
    book = openpyxl.load_workbook(path)
    sheet = book["自评表"]
    sheet["E2"] = 2024
    sheet["D3"], sheet["D4"], sheet["G4"] = "社区居家养老服务补助项目", "某县民政局", "某县养老服务中心"
    for row, amounts in ((6, (100, 120, 114)), (7, (80, 100, 96)), (8, (20, 20, 18))):
        for column, amount in zip("DEF", amounts, strict=True):
            sheet[f"{column}{row}"] = amount
    sheet["D11"], sheet["G11"] = "为全县老年人提供居家养老服务", "全年服务老年人520人次"
    for row, (name, target, actual, weight, reason) in ROWS.items():
        sheet[f"D{row}"], sheet[f"E{row}"], sheet[f"F{row}"], sheet[f"G{row}"] = \
            name, target, actual, weight
        if reason:
            sheet[f"I{row}"] = reason
    book.save(path)
    return path


def _saved_as(tmp_path, formulas, *targets):
    """The filled template as LibreOffice recalculates and saves it: .xlsx, then each of
    ``targets`` (ods, xls) saved from that file."""
    filled = _filled(tmp_path / "filled.xlsx", formulas)
    [xlsx] = convert(filled, tmp_path, "xlsx", recalculate=True).glob("*.xlsx")
    shown = shutil.copy(xlsx, tmp_path / "shown.xlsx")
    files = [shown]
    for target in targets:
        found = list(convert(shown, tmp_path, target).glob(f"*.{target}"))
        if not found:
            pytest.skip(f"LibreOffice wrote no .{target}")
        files.append(found[0])
    return files


def _findings(path):
    table, data = checked(path)
    return [(item["code"], item["severity"], item["cell"], item["message"])
            for item in data["findings"]], data


def test_a_native_template_saved_as_ods_gives_the_xlsx_findings(tmp_path):
    """Found: JX406 ERROR at the locked H21 (its ⚠ read as a typed score), a false JX504
    at H9 (the empty 其他资金 row's 执行率 "" read as never calculated), the year lost."""
    xlsx, ods = _saved_as(tmp_path, "native", "ods")
    expected, xlsx_data = _findings(xlsx)
    assert expected == [("JX406", "warning", "E21",
                         "“补贴发放时间”的指标值“年内完成”表格公式不能读作日期：请写明年、月、日，"
                         "写成“2024年12月31日前”这样的文字日期，表格即可自行计分；"
                         "按财政部规则得分为 5（按时完成）")]
    found, ods_data = _findings(ods)
    assert found == expected
    assert ods_data["project"]["year"] == xlsx_data["project"]["year"] == 2024
    assert (ods_data["total_computed"], ods_data["grade_computed"]) == (97.5, "优")


def test_a_jx_template_saved_as_xls_or_ods_shows_name_errors_as_the_xlsx_does(tmp_path):
    """Found: LibreOffice shows the JX_ formulas as #NAME?; the .xlsx gives one JX504, the
    .xls and .ods gave 10 × JX406 未填写得分 (the #NAME? read as empty, no formulas, no
    template). Now one JX504 too, its hint saying to save as .xlsx before jixiao recalc."""
    xlsx, ods, xls = _saved_as(tmp_path, "addin", "ods", "xls")
    [(code, severity, cell, message)], _ = _findings(xlsx)
    assert (code, severity, cell) == ("JX504", "warning", None)
    assert message.startswith("68 个公式单元格（H6、I6、H7、H8、H9、H13 等）显示 #NAME?")
    for saved in (ods, xls):
        found, data = _findings(saved)
        assert found == [("JX504", "warning", None, message.replace(
            "请运行 jixiao recalc，或在装有 jixiao 加载项的 Excel 中点“一键重算”后保存",
            "请在 Excel、WPS 或 LibreOffice 中打开本表，另存为 .xlsx 后运行 jixiao recalc"
            "（jixiao recalc 不能写入 .xls、.ods 文件）"))], saved
        assert data["project"]["year"] == 2024


def test_recalc_of_a_template_saved_as_xls_says_to_save_it_as_xlsx(tmp_path, capsys):
    from jixiao.cli.main import main

    _, xls = _saved_as(tmp_path, "addin", "xls")
    assert main(["recalc", str(xls), "-o", str(tmp_path / "out.xlsx")]) == 2
    assert f"“{xls.name}”是旧版 Excel 97-2003（.xls）文件，不是 .xlsx 或 .xlsm 工作簿：jixiao 可以校验它，" \
           "但不能重新计算；请在 Excel、WPS 或 LibreOffice 中打开它，另存为 .xlsx 后再重新计算" \
           f"（或用 jixiao convert “{xls.name}” -o 新文件.xlsx 转换为模板）" in capsys.readouterr().err
    assert not (tmp_path / "out.xlsx").exists()
