"""The sheet 填写说明: how to fill in the form, and what its formulas are — the add-in's
JX_ functions, or the native formulas of ``jixiao new --formulas native``."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from jixiao import rules as _rules
from jixiao.template.styles import FONT

_HELP_LINES: tuple[tuple[str, str], ...] = (
    ("填写说明", ""),
    ("本页", "供填写时参阅，不随自评表打印；要打印本页，请先取消其打印区域（页面布局 → 打印区域）。"),
    ("填写区", "浅黄色单元格为填写区；标题和公式单元格已锁定。工作表保护未设密码，"
               "需要时可在“审阅 → 撤销工作表保护”中解除。"),
    ("表头", "填写年度、项目名称、主管部门、实施单位。"),
    ("项目资金", "金额单位为万元，只填数字（如 30，不写“30万元”）。填写年初预算数、全年预算数(A)、"
                 "全年执行数(B)；执行率 = B / A，执行率得分 = 分值 × 执行率，不超过分值（默认 10 分）。"
                 "A、B 缺一个时执行率、总分显示 ⚠，不会少算执行率得分。执行率低于 90% 时，"
                 "在资金栏右侧“执行率偏低原因说明”中写明原因（四川规则要求）。"),
    ("年度总体目标", "分别填写预期目标和实际完成情况。"),
    ("绩效指标", "每行一个三级指标：年度指标值可写“≥90%”“≤3 小时”“及时”等；"
                 "实际完成值填写数值，定性指标可从下拉列表选择达成/部分达成/未达成；"
                 "分值填写该指标的权重。以“=”开头的指标值（如“=100%”）请写成全角“＝100%”"
                 "或在前面加英文单引号，否则 Excel 会把它当作公式。"),
    ("人工评分", "定性指标“部分达成”或“未达成”时，在右侧“人工评分”列填写分数，"
                 "须落在评分规则允许的区间内。"),
    ("偏差原因", "得分低于分值，或完成值远超目标时，须在“偏差原因分析及改进措施”中说明。"),
    ("红色、橙色标记", "红色标出校验（jixiao check）会报错的单元格：扣分未写偏差原因（或只写“无”）、"
                     "三级指标没有分值、有分值却没有年度指标值或实际完成值、分值合计不是 100；"
                     "橙色标出需要人工评分的单元格。填好后标记自动消失。"),
    ("评分等级", "分值合计（执行率分值与各指标分值之和）须为 100；不是 100 时评分等级显示 ⚠，不评等级。"),
    ("评分规则", "在“评分规则”单元格选择：" + "；".join(
        f"{name} — {ruleset.title}" for name, ruleset in _rules.RULE_SETS.items()) + "。"),
    ("函数", ""),
)
# What the functions part says instead in the native template (jixiao new --formulas native)
_HELP_NATIVE: tuple[tuple[str, str], ...] = (
    ("计分公式", ""),
    ("原生公式", "本表的执行率、得分、总分和等级只用 Excel、WPS、LibreOffice 都有的内置函数计算，"
                 "改了输入即自动更新，不需要加载项，也不需要 Python。"),
    ("能计算的写法", "≥ ＞ ≤ ＜ ＝（以及不低于、不少于、不超过、不高于、大于、小于、高于、低于）加数字，百分数或与完成值相同的"
                     "单位，一边带“万”的同一单位（“≥1.2万人”与“11800人”）；定性指标的完成值填达成、"
                     "部分达成或未达成（后两种在“人工评分”列填分数），完成值照写指标值的常见定性词"
                     "（“好”“健全”“明显改善”）为达成，指标值是用“/”或“、”隔开的等级选项"
                     "（“好/较好/一般/差”）时完成值写其中一级（第一级达成，其余在“人工评分”列填分数）；"
                     "时效指标的指标值和完成值都写带年份的日期（“2024年12月31日前”与“2024年12月20日”"
                     "“2024年11月完成”）：按时完成得满分，逾期完成在“人工评分”列按部分达成填分数。"),
    ("得分显示 ⚠ 时", "这种写法（其他单位换算、不写年份或填在日期格式单元格中的日期、无法识别的文字）"
                      "公式不能稳妥地计算，请用命令行 "
                      "jixiao check 计分；表中不会给出错误的分数。"),
    ("隐藏列", "右侧隐藏的列（M–AD）是计算用的辅助单元格，请勿删除或插入列。"),
    ("增加指标行", "指标行不够用时：先撤销工作表保护（审阅 → 撤销工作表保护），点上一行的行号"
                   "选中整行，复制，再在下一行的行号上点右键选"
                   "“插入复制的单元格”（LibreOffice：先插入一行，再选中新行整行粘贴），"
                   "然后改写或清空新行的指标名称、指标值、完成值、分值、人工评分等填写内容。"
                   "只复制得分（H 列）的公式不能计分：它要用同一行隐藏列的公式，总分会显示 ⚠。"),
)
_HELP_ADDIN: tuple[tuple[str, str], ...] = (
    ("JX_RATE(全年预算数, 全年执行数, 总额行)", "执行率（B/A），以百分比显示；年度资金总额行"
                                          "（TRUE）的预算数为 0 时不计执行率，显示 ⚠，总分也不合计。"),
    ("JX_EXEC_SCORE(执行率, 分值, 规则)", "执行率得分 = 分值 × 执行率，不超过分值；分值空着的执行率不计分，显示“—”（四川省规则计 10 分）。"),
    ("JX_SCORE(指标值, 完成值, 分值, 规则, 人工评分, 二级指标)",
     "一个三级指标的得分；成本指标未写符号时按“≤”理解。"),
    ("JX_MET(指标值, 完成值, 二级指标, 分值)", "是否达成：是 / 否，无法判断时为“未知”；未用的行为空。"),
    ("JX_WEIGHT_TOTAL(执行率分值, 分值列, 规则)", "分值合计，应为 100；四川省规则下执行率分值空着或填“—”的计 10 分。"),
    ("JX_POINTS(分值单元格)", "分值按分计，与 jixiao check 相同：分值格里输入 10%（百分比格式）的按 10 分计。"
                            "得分、执行率得分、分值合计都经它读分值。"),
    ("JX_TOTAL(执行率得分, 得分列)", "总分 = 执行率得分 + 各指标得分。"),
    ("JX_GRADE(总分, 分值合计)", "评分等级：优 ≥ 90，良 80–90，中 60–80，差 < 60；"
                              "分值合计不是 100 时不评等级（显示 ⚠）。"),
    ("公式显示 #NAME?", "说明 jixiao 的 Excel 加载项未安装或未启用（命令：jixiao addin install）；"
                        "也可在 Excel 之外用命令行 jixiao 计算和校验本表。"),
)


_HELP_PRINT_AREA = "D1"


def write_help(ws: Worksheet, formulas: str = "addin") -> None:
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 90
    # Printing the workbook (LibreOffice prints every sheet) gives the form alone: the
    # help's print area is one blank cell, and LibreOffice leaves out empty pages.
    ws.print_area = _HELP_PRINT_AREA
    lines = _HELP_LINES[:-1] + (_HELP_NATIVE if formulas == "native" else _HELP_LINES[-1:] + _HELP_ADDIN)
    for row, (topic, text) in enumerate(lines, start=1):
        heading = not text
        ws.cell(row, 1, topic).font = Font(name=FONT, size=14 if row == 1 else 11, bold=heading)
        ws.cell(row, 2, text or None).font = Font(name=FONT, size=11)
        for column in (1, 2):
            ws.cell(row, column).alignment = Alignment(vertical="top", wrap_text=True)
