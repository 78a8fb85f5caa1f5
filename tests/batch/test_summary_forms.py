"""rt27 (batch summary): what 汇总 and 统计 say of a table whose total could not be computed,
of a 部门整体支出绩效自评表 among project tables, of a file that is another form (只交了
目标表), and of a code given two severities (JX306: 提示 under mof2020, 警告 under sichuan).
The outcomes are the JSON ``jixiao check --json`` printed for the red team's files."""

from openpyxl import load_workbook

from jixiao.batch.run import BatchRun, Outcome
from jixiao.batch.summary_book import Summary, write_summary


def _table(file, name, department, total, grade, findings=(), form="project", rules="mof2020",
           unit="某中心"):
    return {"file": file, "sheet": "自评表", "layout": "standard", "form": form, "rules": rules,
            "project": {"name": name, "department": department, "unit": unit, "year": 2024},
            "total_declared": 96.98, "total_computed": total, "grade_declared": "优",
            "grade_computed": grade, "weight_total": 100.0, "findings": list(findings)}


def _finding(code, severity, message, cell="G19"):
    return {"code": code, "severity": severity, "sheet": "自评表", "cell": cell, "message": message}


_LOW_RATE = "执行率 75% 低于 90%，未说明原因"
OUTCOMES = [
    # a project table that passes: 94.45, 优
    Outcome("收件/民政局/09-良-正确.xlsx", _table("收件/民政局/09-良-正确.xlsx", "养老服务项目",
                                            "某区民政局", 94.45, "优")),
    # JX306 as a 提示 (mof2020)
    Outcome("收件/民政局/40-执行率低.xlsx", _table(
        "收件/民政局/40-执行率低.xlsx", "社区服务项目", "某区民政局", 85.0, "良",
        [_finding("JX306", "info", _LOW_RATE, "F6")])),
    # JX306 as a 警告 (sichuan)
    Outcome("收件/民政局/44-四川式.xlsx", _table(
        "收件/民政局/44-四川式.xlsx", "农村饮水项目", "某区民政局", 80.0, "良",
        [_finding("JX306", "warning", _LOW_RATE, "J6")], rules="sichuan")),
    # the department's own 部门整体 table: 99.86, 优 — no project
    Outcome("收件/民政局/49-部门整体支出自评表.xlsx", _table(
        "收件/民政局/49-部门整体支出自评表.xlsx", "某区民政局", "某区民政局", 99.86, "优",
        form="department", unit=None)),
    # a qualitative row scored outside its band: the rules' total unknown
    Outcome("收件/民政局/77-定性未达成给80%.xlsx", _table(
        "收件/民政局/77-定性未达成给80%.xlsx", "长效机制项目", "某区民政局", None, None,
        [_finding("JX408", "warning", "“宣传工作长效机制”为“未达成”，得分应在 0–9 之间，填写为 12")])),
    # a 绩效目标表 sent for the 自评表
    Outcome("收件/民政局/89-只交了目标表.xlsx", {
        "file": "收件/民政局/89-只交了目标表.xlsx", "findings": [], "no_table": True,
        "targets_only": True,
        "error": "“89-只交了目标表.xlsx”是绩效目标表（只有年度指标值，没有实际完成值和得分），"
                 "不是自评表：请提交填好实际完成值和得分的项目支出绩效自评表"}),
    # a file that cannot be read at all
    Outcome("收件/民政局/99-损坏.xlsx", {"file": "收件/民政局/99-损坏.xlsx", "findings": [],
                                     "error": "“99-损坏.xlsx”已损坏，无法读取工作簿结构"}),
]


def _summary(tmp_path):
    files = [outcome.file for outcome in OUTCOMES]
    with Summary() as summary:
        for outcome in OUTCOMES:
            summary.add(outcome)
        write_summary(tmp_path / "汇总.xlsx", summary, BatchRun(files, files, {}))
    book = load_workbook(tmp_path / "汇总.xlsx")
    header, *rows = book["汇总"].iter_rows(values_only=True)
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    stats: dict[str, list[tuple]] = {}
    title = None
    for row in book["统计"].iter_rows(values_only=True):
        values = tuple(value for value in row if value is not None)
        if len(values) == 1:
            title = values[0]
            stats[title] = []
        elif values and title:
            stats[title].append(values)
    return summary, rows, stats


def test_a_table_without_a_computed_total_says_why(tmp_path):
    _, rows, _ = _summary(tmp_path)
    row = rows["77-定性未达成给80%.xlsx"]
    assert (row["计算总分"], row["计算等级"], row["状态"]) == (None, None, "有警告")
    # before: 原因 empty — said only of a table without warnings (须人工审核)
    assert row["原因"] == "算不出总分，计算总分和计算等级空着：各指标得分和总分须人工按评分规则核对"


def test_a_department_table_is_marked_and_kept_out_of_the_project_aggregates(tmp_path):
    summary, rows, stats = _summary(tmp_path)
    department = rows["49-部门整体支出自评表.xlsx"]
    assert department["表样"] == "部门整体支出" and rows["09-良-正确.xlsx"]["表样"] == "项目支出"
    assert department["计算总分"] == 99.86 and department["状态"] == "通过"
    assert department["原因"] == ("部门整体支出绩效自评表，不是项目支出自评表：不计入项目数、"
                                "评分等级分布和按主管部门的平均计算总分")
    overview = dict(stats["概况"][1:])
    # 09, 40, 44, 77 are projects (77 has no total); 49 is the department's own table
    assert overview["读出的自评表"] == 5
    assert overview["其中部门整体支出、转移支付等非项目表"] == 1
    assert overview["其中不同的项目（项目名称和单位相同的算一个）"] == 4
    # grades of the projects only: 优 09; 良 40, 44; 无法计算 77 (49's 优 not counted)
    # (each project declares 优)
    assert stats["评分等级分布"][1:] == [("优", 1, 4), ("良", 2, 0), ("中", 0, 0), ("差", 0, 0),
                                   ("无法计算/未填写", 1, 0)]
    # average of the projects' computed totals: (94.45 + 85 + 80) / 3 = 86.48
    # (with 49's 99.86 it was 89.83); 表数 4 projects and the department's own table
    assert stats["按主管部门"][1:] == [("某区民政局", 5, 86.48, 0, 0, 2, 0)]


def test_a_file_of_another_form_is_not_a_self_evaluation(tmp_path):
    summary, rows, stats = _summary(tmp_path)
    assert rows["89-只交了目标表.xlsx"]["状态"] == "不是自评表"
    assert rows["89-只交了目标表.xlsx"]["原因"].startswith("“89-只交了目标表.xlsx”是绩效目标表")
    assert rows["99-损坏.xlsx"]["状态"] == "无法读取"
    overview = dict(stats["概况"][1:])
    assert overview["无法读取的文件"] == 1 and overview["不是自评表的文件（如只交了绩效目标表）"] == 1
    assert summary.exit_code() == 2  # as before: a file that is no 自评表 fails the batch


def test_a_code_of_two_severities_names_the_rule_sets(tmp_path):
    _, _, stats = _summary(tmp_path)
    codes = {row[:2]: row for row in stats["问题代码统计（按次数）"][1:]}
    assert stats["问题代码统计（按次数）"][0] == ("代码", "级别", "问题", "次数", "涉及文件数", "评分规则")
    assert codes["JX306", "提示"][3:] == (1, 1, "mof2020")
    assert codes["JX306", "警告"][3:] == (1, 1, "sichuan")
    assert codes["JX408", "警告"][3:] == (1, 1, "mof2020")


def test_the_reviewers_frame_agrees_on_what_is_scored():
    """``frame.tables_frame``'s ``scored`` is 统计's average: not the 部门整体 table's."""
    from jixiao.batch.summary import FileSummary
    from jixiao.batch.summary_book import counted_score

    tables = {outcome.file.rsplit("/", 1)[1]: FileSummary.from_report(outcome.file, outcome.report)
              .tables[0] for outcome in OUTCOMES}
    assert counted_score(tables["49-部门整体支出自评表.xlsx"]) is None
    assert counted_score(tables["09-良-正确.xlsx"]) == 94.45
    assert tables["49-部门整体支出自评表.xlsx"].status == "通过"
    assert tables["89-只交了目标表.xlsx"].status == "不是自评表"
