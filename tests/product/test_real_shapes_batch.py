"""A reviewer's inbox as it really is after a few days (user test rt12): jixiao's own
summaries and annotated copies in it, an .xls beside its .xlsx, a duplicate under another
name, tables whose scores cannot be checked, long file names, one department written
with half- and full-width brackets, an encrypted file, weights that do not total 100."""

import io
import json
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from workbooks import broken, standard

from jixiao.cli.main import main


def batch(*args):
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["batch", *map(str, args), "--workers", "1"])
    return code, out.getvalue()


def sheet(path, name="汇总"):
    rows = list(load_workbook(path)[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def overview(path):
    stats = {}
    for row in load_workbook(path)["统计"].iter_rows(values_only=True):
        if row[0] and row[1] is not None and row[0] not in stats:
            stats[row[0]] = row[1]
    return stats


@pytest.fixture
def inbox(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = Path("收件")
    (folder / "甲单位").mkdir(parents=True)
    (folder / "乙单位").mkdir()
    standard(folder / "甲单位" / "a.xlsx")
    standard(folder / "乙单位" / "b.xlsx", total=(100, 90), name="乙单位的项目")  # not a's version
    return folder


# ---------------------------------------------------------------- jixiao's own outputs (item 5)

def test_earlier_summaries_and_annotated_copies_in_the_inbox_are_not_submissions(inbox):
    code, out = batch(inbox, "-o", inbox / "汇总-周一.xlsx", "--annotate-dir", inbox / "标注")
    assert "已校验 2/2" in out
    code, out = batch(inbox, "-o", inbox / "汇总-周二.xlsx")
    assert "已校验 2/2" in out, out  # not the Monday summary, not the two copies
    assert "另有 3 个文件是 jixiao 的输出，未校验（汇总表 1 个、标注副本 2 个" in out
    rows = sheet(inbox / "汇总-周二.xlsx")
    assert sorted(row["文件名"] for row in rows) == ["a.xlsx", "b.xlsx"]
    stats = overview(inbox / "汇总-周二.xlsx")
    assert stats["jixiao 的输出（汇总表、标注副本），未校验"] == 3
    assert stats["找到的文件"] == 5


def unmarked(source, target):
    """``source`` as jixiao wrote it before it marked its outputs."""
    import zipfile

    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "docProps/custom.xml":
                data = data.replace(b'name="jixiao"', b'name="other"')
            new.writestr(item, data)


def test_outputs_of_earlier_versions_are_known_by_their_sheets_and_names(inbox):
    """Before the mark: a summary is its three sheets, an annotated copy its -校验 name, its
    校验结果 sheet and its cells commented by jixiao. A submission that merely has some of
    these — a unit's workbook named "…-校验" holding the add-in's 校验结果 sheet — is
    checked (rt13 C3: one was skipped, its errors never in the summary)."""
    batch(inbox / "乙单位", "-o", "别处/汇总.xlsx")
    unmarked("别处/汇总.xlsx", inbox / "旧汇总.xlsx")
    book = Workbook()  # three sheets so named, no chart: a submission (no 自评表 in it)
    book.active.title = "汇总"
    book.create_sheet("问题明细")
    book.create_sheet("统计")
    book.save(inbox / "f.xlsx")
    standard(inbox / "甲单位" / "c.xlsx", total=(100, 90))  # a wrong 总分: a finding noted
    main(["check", str(inbox / "甲单位" / "c.xlsx"), "--annotate", str(inbox / "甲单位" / "old.xlsx")])
    unmarked(inbox / "甲单位" / "old.xlsx", inbox / "甲单位" / "c-校验-2.xlsx")
    unmarked(inbox / "甲单位" / "old.xlsx", inbox / "甲单位" / "d.xlsx")  # 校验结果 in a submission
    (inbox / "甲单位" / "old.xlsx").unlink()
    standard(inbox / "甲单位" / "e-校验.xlsx")  # a clerk's name: no 校验结果 sheet
    own = load_workbook(standard(inbox / "甲单位" / "g-校验.xlsx", total=(100, 90)))
    own.create_sheet("校验结果").append(["代码", "级别", "位置", "说明"])  # the add-in's sheet
    own.save(inbox / "甲单位" / "g-校验.xlsx")
    code, out = batch(inbox, "-o", "汇总.xlsx")
    rows = {Path(row["文件名"]).name: row for row in sheet("汇总.xlsx")}
    assert sorted(rows) == ["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx", "e-校验.xlsx", "f.xlsx",
                            "g-校验.xlsx"]
    assert rows["g-校验.xlsx"]["状态"] == "有错误"
    assert "另有 2 个文件是 jixiao 的输出" in out


def test_a_submission_with_wrong_values_beside_outputs_is_still_flagged(inbox):
    batch(inbox, "-o", inbox / "汇总.xlsx", "--annotate-dir", inbox / "标注")
    code, out = batch(inbox, "-o", inbox / "汇总.xlsx")
    assert code == 1
    [wrong] = [row for row in sheet(inbox / "汇总.xlsx") if row["文件名"] == "b.xlsx"]
    assert wrong["状态"] == "有错误"


def test_the_mark_is_read_from_the_zip_directory_not_the_sheets(tmp_path):
    from jixiao.xlsx.marks import ANNOTATED_MARK, SUMMARY_MARK, written_by_jixiao

    standard(tmp_path / "a.xlsx")
    assert written_by_jixiao(str(tmp_path / "a.xlsx")) is None
    assert written_by_jixiao(str(tmp_path)) is None
    (tmp_path / "empty.xlsx").write_bytes(b"")
    assert written_by_jixiao(str(tmp_path / "empty.xlsx")) is None
    batch(tmp_path / "a.xlsx", "-o", tmp_path / "s.xlsx", "--annotate-dir", tmp_path / "m")
    assert written_by_jixiao(str(tmp_path / "s.xlsx")) == SUMMARY_MARK
    renamed = tmp_path / "m" / "a-校验.xlsx"
    shutil.copy(renamed, tmp_path / "看看.xlsx")  # renamed: still known by its mark
    assert written_by_jixiao(str(tmp_path / "看看.xlsx")) == ANNOTATED_MARK


def test_an_annotated_copy_the_unit_corrected_and_saved_is_a_submission(tmp_path):
    """rt20 #3: a unit corrected the annotated copy and sent it back; the batch skipped it
    as "jixiao 的输出，未校验". The copy names its worksheet parts as written: a copy whose
    sheets differ was edited, and is checked."""
    from jixiao.xlsx.marks import ANNOTATED_MARK, written_by_jixiao

    inbox = tmp_path / "收件"
    inbox.mkdir()
    standard(tmp_path / "a.xlsx")
    main(["check", str(tmp_path / "a.xlsx"), "--annotate", str(inbox / "a-校验.xlsx")])
    assert written_by_jixiao(str(inbox / "a-校验.xlsx")) == ANNOTATED_MARK  # untouched
    book = load_workbook(inbox / "a-校验.xlsx")
    book.worksheets[0]["A1"] = book.worksheets[0]["A1"].value  # opened and saved again
    book.save(inbox / "改正.xlsx")
    assert written_by_jixiao(str(inbox / "改正.xlsx")) is None
    code, out = batch(inbox, "-o", tmp_path / "汇总.xlsx")
    assert "另有 1 个文件是 jixiao 的输出，未校验（标注副本 1 个：收件/a-校验.xlsx）" in out
    assert [row["文件名"] for row in sheet(tmp_path / "汇总.xlsx")] == ["改正.xlsx"]


# ---------------------------------------------------------------- counts that add up (item 10)

def test_the_overview_counts_add_up_to_the_files_found(inbox):
    from workbooks import several_tables

    several_tables(inbox / "乙单位" / "多表.xlsx")
    broken(inbox / "乙单位", "encrypted")
    from wordfiles import docx, paragraph

    docx(inbox / "乙单位" / "自评报告.docx", paragraph("2023年度项目支出绩效自评报告"))
    batch(inbox, "-o", inbox / "汇总.xlsx")
    code, out = batch(inbox, "-o", "汇总.xlsx")
    stats = overview("汇总.xlsx")
    assert stats["找到的文件"] == 6
    parts = ("含自评表的文件", "无法读取的文件", "Word 文档中没有自评表",
             "jixiao 的输出（汇总表、标注副本），未校验",
             "重复提交的文件（与另一文件内容相同，不重复计数）")
    assert [stats[part] for part in parts] == [3, 1, 1, 1, 0]
    assert stats["含多张自评表的文件"] == 1
    assert stats["读出的自评表"] == 2 + 3
    assert stats["读出的自评表"] == sum(stats[status] for status in (
        "有错误的表", "只有警告的表", "须人工审核的表（得分无法按规则核对）", "通过的表"))


# ---------------------------------------------------------------- annotated copies' names (item 4)

def test_an_xls_beside_its_xlsx_takes_no_copy_name_and_the_row_names_the_copy(inbox):
    """The .xls (read by value, no copy) took ``a-校验.xlsx``, so the .xlsx's copy was
    ``a-校验-2.xlsx`` and nothing said which row it belonged to."""
    from libreoffice import convert

    [xls] = convert(inbox / "甲单位" / "a.xlsx", Path("xls").resolve(), "xls").glob("*.xls")
    shutil.copy(xls, inbox / "甲单位" / "a.xls")
    standard(inbox / "甲单位" / "A.XLSX")  # a true clash still gets its own name
    code, out = batch(inbox, "-o", "汇总.xlsx", "--annotate-dir", "标注", "--json", "r.jsonl")
    copies = sorted(path.name for path in Path("标注", "甲单位").iterdir())
    assert copies == ["A-校验.xlsx", "a-校验-2.xlsx"], copies
    rows = {row["文件名"]: row for row in sheet("汇总.xlsx")}
    assert rows["a.xls"]["标注副本"] is None
    assert rows["a.xlsx"]["标注副本"] == str(Path("标注", "甲单位", "a-校验-2.xlsx"))
    assert rows["A.XLSX"]["标注副本"] == str(Path("标注", "甲单位", "A-校验.xlsx"))
    assert rows["b.xlsx"]["状态"] == "有错误"  # its copy beside: the finding still there
    assert rows["b.xlsx"]["文件夹"] == str(Path("收件", "乙单位"))
    cell = next(row for row in load_workbook("汇总.xlsx")["汇总"].iter_rows(min_row=2)
                if row[0].value == "a.xlsx")[13]
    assert cell.hyperlink.target == "./标注/甲单位/a-校验-2.xlsx"
    import json

    lines = {Path(item["file"]).name: item
             for item in map(json.loads, Path("r.jsonl").read_text("utf-8").splitlines())}
    assert lines["a.xlsx"]["annotated"] == rows["a.xlsx"]["标注副本"]
    assert "annotated" not in lines["a.xls"]
    code, out = batch(inbox, "-o", "汇总.xlsx", "--json", "r.jsonl")  # cached, no copies
    assert "annotated" not in Path("r.jsonl").read_text("utf-8")
    assert all(row["标注副本"] is None for row in sheet("汇总.xlsx"))


def test_folders_and_copies_are_shown_short_their_links_still_working(inbox, tmp_path):
    """rt19 #3: given absolute paths, 文件夹 and 标注副本 showed whole absolute paths
    (/home/…/收件/甲单位), the widest texts of the row: now below the inbox's and the
    标注 folder's names; the link still opens the copy."""
    out = tmp_path / "结果"
    code, _ = batch(inbox.resolve(), "-o", out / "汇总.xlsx", "--annotate-dir",
                    tmp_path / "标注")
    rows = {row["文件名"]: row for row in sheet(out / "汇总.xlsx")}
    assert rows["a.xlsx"]["文件夹"] == str(Path("收件", "甲单位"))
    assert rows["a.xlsx"]["标注副本"] == str(Path("标注", "甲单位", "a-校验.xlsx"))
    cell = next(row for row in load_workbook(out / "汇总.xlsx")["汇总"].iter_rows(min_row=2)
                if row[0].value == "a.xlsx")[13]
    assert cell.hyperlink.target == "../标注/甲单位/a-校验.xlsx"
    assert (out / cell.hyperlink.target).resolve() == tmp_path / "标注" / "甲单位" / "a-校验.xlsx"


def test_rows_are_top_aligned_and_short_columns_are_not_squeezed(inbox):
    """rt19 #3: numbers sat at the bottom of a row whose texts were at its top; a
    主管部门 of 7 characters was cut to 3 a line while the long texts kept most of the
    width (in proportion); 次数 and 涉及文件数 in 统计 printed a line below their code."""
    long = "县交通运输局农村公路养护中心二〇二四年度中小河流治理项目第一批补助资金"
    for number in range(3):
        standard(inbox / "甲单位" / f"长{number}.xlsx", name=long, total=(100, 90))
    batch(inbox, "-o", "汇总.xlsx")
    ws = load_workbook("汇总.xlsx")["汇总"]
    widths = _column_widths(ws)
    department = ws["C2"].value
    from jixiao.terminal import display_width

    # cut no narrower than the long texts' common width, never in proportion (rt19: 7
    # characters to 3 a line); whole where that width allows (rt29's 年度 column takes 6
    # of the page: 11 characters at 22.9 now wrap, as 项目名称 and 原因 do)
    assert widths["C"] >= min(display_width(department) + 2, widths["B"], widths["L"])
    for row in ws.iter_rows(min_row=2):
        assert {cell.alignment.vertical for cell in row if cell.value is not None} == {"top"}
    stats = load_workbook("汇总.xlsx")["统计"]
    codes = [row for row in stats.iter_rows() if str(row[0].value).startswith("JX")]
    assert codes and all(cell.alignment.vertical == "top" for row in codes for cell in row[:5])


# ---------------------------------------------------------------- duplicates (item 18)

def test_a_byte_identical_duplicate_under_another_name_says_so(inbox):
    shutil.copy(inbox / "甲单位" / "a.xlsx", inbox / "甲单位" / "临时救助自评表-最终版(1).xlsx")
    standard(inbox / "甲单位" / "c.xlsx", name="另一个项目")  # same form, other content
    for _ in range(2):  # checked, then from the cache
        batch(inbox, "-o", "汇总.xlsx")
        rows = {row["文件名"]: row for row in sheet("汇总.xlsx")}
        later, earlier = sorted(["临时救助自评表-最终版(1).xlsx", "a.xlsx"])[::-1]
        assert rows[later]["原因"] == f"与“{Path('收件', '甲单位', earlier)}”内容相同"
        assert rows[earlier]["原因"] is None and rows["c.xlsx"]["原因"] is None
        assert rows[later]["状态"] == rows[earlier]["状态"] == "通过"


def test_the_copy_windows_names_is_the_duplicate_not_its_original(inbox, tmp_path):
    """rt19 #5: of x.xlsx and x - 副本.xlsx (Windows' name for a copy), the original was
    marked as the duplicate (the space sorts before the dot), and the reason named the
    copy by its absolute path. Now the file named as a copy is the duplicate, whichever
    sorts first, and the other is named below the inbox's name."""
    folder = inbox / "甲单位"
    for name in ("a - 副本.xlsx", "a(1).xlsx", "a的副本.xlsx"):
        shutil.copy(folder / "a.xlsx", folder / name)
    standard(folder / "b - 副本.xlsx", name="另一个项目")  # its original is not here
    for _ in range(2):  # checked, then from the cache
        batch(inbox.resolve(), "-o", tmp_path / "汇总.xlsx")
        rows = {row["文件名"]: row for row in sheet(tmp_path / "汇总.xlsx")}
        same = f"与“{Path('收件', '甲单位', 'a.xlsx')}”内容相同"
        assert rows["a.xlsx"]["原因"] is None
        assert [rows[name]["原因"] for name in ("a - 副本.xlsx", "a(1).xlsx", "a的副本.xlsx")] \
            == [same] * 3
        assert rows["b - 副本.xlsx"]["原因"] is None


# ---------------------------------------------------------------- scores not checkable (item 7)

def test_a_table_whose_scores_cannot_be_checked_is_not_passed(inbox):
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from test_real_shapes_headers import NO_WEIGHT_ROWS, _no_weights

    _no_weights(inbox / "甲单位" / "襄阳.xlsx", NO_WEIGHT_ROWS, 99.8)
    _no_weights(inbox / "甲单位" / "襄阳-总分错.xlsx", NO_WEIGHT_ROWS, 100)
    code, out = batch(inbox, "-o", "汇总.xlsx")
    rows = {row["文件名"]: row for row in sheet("汇总.xlsx")}
    assert rows["襄阳.xlsx"]["状态"] == "须人工审核"
    assert rows["襄阳-总分错.xlsx"]["状态"] == "有错误"  # a wrong total is still found
    assert rows["a.xlsx"]["状态"] == "通过"
    assert "1 张须人工审核" in out and "1 张通过" in out
    assert overview("汇总.xlsx")["须人工审核的表（得分无法按规则核对）"] == 1

    from jixiao.batch.frame import check_folder, tables_frame

    frame = tables_frame(check_folder(str(inbox), workers=1))
    assert sorted(frame["status"]) == ["有错误", "有错误", "通过", "须人工审核"]


# ---------------------------------------------------------------- the file's name shown whole (item 8)

def test_the_file_name_is_shown_whole_and_the_sheet_prints_one_page_wide(inbox):
    long_names = ["t1-zhongjiang-nomerge.xlsx", "t1-zhongjiang.xlsx",
                  "t3f-split-reason-bothmerged.xlsx"]
    folder = inbox / "中江县农业农村局（2024年度第一批补交材料）"
    folder.mkdir()
    for name in long_names:
        standard(folder / name)
    batch(inbox, "-o", "汇总.xlsx")
    ws = load_workbook("汇总.xlsx")["汇总"]
    widths = _column_widths(ws)
    assert len(widths) == 16  # … 标注副本, 表样, 年度
    from jixiao.terminal import display_width

    assert widths["A"] >= max(map(display_width, long_names)) + 1
    names = [row[0].value for row in ws.iter_rows(min_row=2)]
    assert set(long_names) <= set(names)
    from jixiao.batch.summary_book import PRINT_WIDTH

    assert sum(widths.values()) <= PRINT_WIDTH + len(widths)  # XlsxWriter adds 0.71 a column
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.orientation == "landscape"


# ---------------------------------------------------------------- one department, two brackets (item 20)

def test_a_department_written_with_half_and_full_width_brackets_is_one_group(inbox):
    for name, department in (("1.xlsx", "内蒙古自治区巴彦淖尔市自然资源局(部门)"),
                             ("2.xlsx", "内蒙古自治区巴彦淖尔市自然资源局（部门）"),
                             ("3.xlsx", "内蒙古自治区巴彦淖尔市自然资源局 （部门）"),
                             ("4.xlsx", "[155]内蒙古自治区巴彦淖尔市自然资源局（部门）")):
        book = load_workbook(standard(inbox / "甲单位" / name))
        for row in book.active.iter_rows():
            for cell in row:
                if cell.value == "上海市普陀区医疗保障局":
                    cell.value = department
        book.save(inbox / "甲单位" / name)
    batch(inbox, "-o", "汇总.xlsx")
    rows = list(load_workbook("汇总.xlsx")["统计"].iter_rows(values_only=True))
    at = rows.index(("按主管部门", None, None, None, None, None, None))
    departments = {row[0]: row[1] for row in rows[at + 2:] if row[0]}
    assert departments["内蒙古自治区巴彦淖尔市自然资源局(部门)"] == 3  # as 1.xlsx writes it
    assert departments["[155]内蒙古自治区巴彦淖尔市自然资源局（部门）"] == 1  # a code: kept apart
    assert departments["上海市普陀区医疗保障局"] == 2


# ---------------------------------------------------------------- an encrypted file (item 19)

def test_an_encrypted_file_asks_the_unit_for_one_without_a_password(inbox, capsys):
    broken(inbox / "甲单位", "encrypted")
    code, out = batch(inbox, "-o", "汇总.xlsx", "--json", "r.jsonl")
    assert code == 2
    [row] = [row for row in sheet("汇总.xlsx") if row["文件名"] == "secret.xlsx"]
    assert row["状态"] == "无法读取"
    # one text for the clerk, who has the password, and the reviewer, who has none: in
    # 汇总, in check and its JSON, in the frame (rt25 L2 #4: 汇总 said another than these)
    assert row["原因"] == ("“secret.xlsx”设置了打开密码（已加密），请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用"
                         "密码进行加密，清空）后再试；没有密码的审核人，请填报单位提交未加密的文件")
    main(["check", str(inbox / "甲单位" / "secret.xlsx")])
    assert row["原因"] in capsys.readouterr().out
    [line] = [json.loads(line) for line in Path("r.jsonl").read_text("utf-8").splitlines()
              if "secret.xlsx" in line]
    assert (line["error"], line["encrypted"]) == (row["原因"], True)
    from jixiao.batch.frame import check_folder, tables_frame

    frame = tables_frame(check_folder(str(inbox), workers=1))
    assert list(frame.loc[frame["file"].str.endswith("secret.xlsx"), "error"]) == [row["原因"]]


# ---------------------------------------------------------------- weights of 110 (item 3)

HEAVY_ROWS = [  # 中江 2022: the indicators' 分值 total 100, and the 执行率 has its 10 beside
    ("产出指标", "数量指标", "预算资金执行率", "≥90.00(%)", "99.80(%)", 15, 15, None),
    ("产出指标", "质量指标", "预算编制规范性", "规范", "达成指标", 25, 25, None),
    ("产出指标", "时效指标", "资金拨付及时性", "及时", "达成指标", 20, 20, None),
    ("效益指标", "可持续影响指标", "网络安全防护能力", "稳步提升", "达成指标", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "满意", "达成指标", 10, 10, None),
]


def test_weights_of_110_point_at_the_weights_and_grade_nothing(inbox, capsys):
    """The 分值 total 110; every score full: the scores add up to 109.98. JX501 said
    “总分写为 100，各项得分之和为 109.98” — fix the total, it read; and the summary
    graded the computed 109.98 优 and averaged it into the department."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from test_real_shapes import checked, codes

    path = standard(inbox / "甲单位" / "c.xlsx", rows=HEAVY_ROWS, total=(100, 100))
    _, data = checked(path)
    assert codes(data) == ["JX101", "JX102", "JX501"]
    [total] = [item for item in data["findings"] if item["code"] == "JX501"]
    assert total["message"] == ("总分写为 100，各项得分之和为 109.98；但分值合计为 110，不是 100"
                                "（见 JX101）：应先改正各项分值，再据此重算得分和总分")
    assert data["weight_total"] == 110
    assert (data["total_computed"], data["grade_computed"]) == (109.98, None)  # JSON as the rest
    main(["check", str(path)])
    assert "总分 填报 100 / 计算 109.98；评分等级 填报 优 / 计算 —（分值合计 110，不是 100，不评等级）" \
        in capsys.readouterr().out
    code, out = batch(inbox, "-o", "汇总.xlsx")
    rows = {row["文件名"]: row for row in sheet("汇总.xlsx")}
    heavy = rows["c.xlsx"]
    assert (heavy["计算总分"], heavy["计算等级"], heavy["状态"]) == (109.98, None, "有错误")
    assert heavy["原因"].startswith("分值合计为 110，不是 100：计算总分不评等级")
    assert rows["a.xlsx"]["计算等级"] == "优"
    stats = list(load_workbook("汇总.xlsx")["统计"].iter_rows(values_only=True))
    at = stats.index(("按主管部门", None, None, None, None, None, None))
    [putuo] = [row for row in stats[at + 2:] if row[0] == "上海市普陀区医疗保障局"]
    assert putuo[1:3] == (3, 99.98)  # three tables; the average of the two that count
    grades = {row[0]: row[1] for row in stats if row[0] in ("优", "无法计算/未填写")}
    assert grades == {"优": 2, "无法计算/未填写": 1}


def test_a_wrong_total_under_right_weights_still_says_fix_the_total(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from test_real_shapes import checked

    _, data = checked(standard(tmp_path / "t.xlsx", total=(100, 90)))
    [total] = [item for item in data["findings"] if item["code"] == "JX501"]
    assert total["message"] == "总分写为 90，各项得分之和为 99.98"
    assert data["weight_total"] == 100


def _column_widths(ws):
    """Each column's width by its letter, as the summary sets them (ranges unfolded)."""
    from openpyxl.utils import get_column_letter

    widths = {}
    for dimension in ws.column_dimensions.values():
        for number in range(dimension.min, dimension.max + 1):
            widths[get_column_letter(number)] = dimension.width
    return widths
