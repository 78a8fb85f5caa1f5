"""A 事前绩效评估评分表 (scored before the project is approved: 立项必要性, 投入经济性, 绩效
目标合理性 …) is no 项目支出绩效自评表 (rt32 r8 n3b, n2b): refused as one, as a 绩效目标表
or a 绩效监控表 is, exit 2. Before, one with 一级/二级/三级 | 分值 | 评分标准 | 得分 |
评估意见 was checked as a 第三方 index system (未发现问题; a batch's 通过, 计算等级 良,
counted in the grade distribution), one with 评估内容 | 评估要点 | 分值 | 得分 was “没有找到
项目支出绩效自评表：没有一行表头……”."""

import pytest
from workbooks import Book, standard_sheet

from jixiao.cli.main import main
from jixiao.pipeline import check_workbook

PRIOR = ("是事前绩效评估表，不是项目支出绩效自评表：事前评估在项目立项前评分，"
         "请在年度结束后提交填好实际完成值和得分的项目支出绩效自评表")


def _levels(sheet, title="智慧养老服务平台建设项目事前绩效评估评分表"):
    """n3b_prior_levels: 一级/二级/三级 | 分值 | 评分标准 | 得分 | 评估意见, 总分 100 / 88."""
    sheet.line(title)
    sheet.line("一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分", "评估意见")
    sheet.line("项目立项必要性", "政策相关性", "与政策规划的相符性", 10, "相符得10分", 10, None)
    sheet.line(None, "需求", "需求迫切性", 10, "迫切得10分", 8, "需求调研不足")
    sheet.line("投入经济性", "成本", "投入成本合理性", 20, "合理得20分", 16, "设备单价偏高")
    sheet.line("绩效目标合理性", "目标", "绩效目标明确性", 20, "明确得20分", 16, "部分指标未量化")
    sheet.line("实施方案可行性", "方案", "实施方案完整性", 20, "完整得20分", 18, "进度安排较粗")
    sheet.line("筹资合规性", "筹资", "财政承受能力", 20, "可承受得20分", 20, None)
    sheet.line("总分", None, None, 100, None, 88, None)
    sheet.line("评估结论", "予以支持，建议核减预算20万元")


def _contents(sheet):
    """n2b_prior: 评估内容 | 评估要点 | 分值 | 评分标准 | 得分 | 评估意见 (no header jixiao reads)."""
    sheet.line("2025年度新增重大项目事前绩效评估评分表")
    sheet.line("项目名称", "智慧养老服务平台建设项目")
    sheet.line("评估内容", "评估要点", "分值", "评分标准", "得分", "评估意见")
    sheet.line("立项必要性", "项目与部门职能的相关性", 10, "相关得10分，否则酌情扣分", 10, "与职能相符")
    sheet.line(None, "项目需求的紧迫性", 10, "需求迫切得10分", 8, "需求论证不够充分")
    sheet.line("投入经济性", "投入成本的合理性", 80, "成本测算依据充分得满分", 72, "部分设备单价偏高")
    sheet.line("总分", None, 100, None, 90, None)


@pytest.mark.parametrize("fill", [_levels, _contents])
def test_a_prior_assessment_is_refused_as_one(tmp_path, capsys, fill):
    book = Book()
    fill(book.sheet("事前评估"))
    path = book.save(tmp_path / "p.xlsx")
    result = check_workbook(path)
    assert result.no_table and result.tables == []
    assert result.error == f"“p.xlsx”{PRIOR}"
    assert main(["check", str(path)]) == 2
    assert PRIOR in capsys.readouterr().out


def test_a_prior_assessment_beside_the_self_evaluation_is_set_aside(tmp_path):
    """The project's 事前评估 kept on a sheet beside its 自评表: the 自评表 alone is checked."""
    book = Book()
    standard_sheet(book.sheet("自评表"))
    _levels(book.sheet("事前评估"))
    result = check_workbook(book.save(tmp_path / "t.xlsx"))
    assert result.error is None
    assert [checked.table.sources["header"].sheet for checked in result.tables] == ["自评表"]
    assert result.notes == ["事前绩效评估表“事前评估”未校验：以自评表为准"]
    assert [finding.code for checked in result.tables for finding in checked.findings] == []


def test_a_self_evaluation_naming_its_prior_assessment_is_still_checked(tmp_path):
    """A 自评表 whose sheet also says 事前绩效评估 in a note is a 自评表: its title says so."""
    book = Book()
    sheet = standard_sheet(book.sheet("自评表"))
    sheet.line("注：指标值按事前绩效评估表核定。")
    result = check_workbook(book.save(tmp_path / "t.xlsx"))
    assert result.error is None and result.notes == []
    assert [checked.table.layout for checked in result.tables] == ["standard"]
