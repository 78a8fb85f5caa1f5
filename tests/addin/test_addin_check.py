"""The 校验 button's Python (``jixiao_addin.check_book``) against a recorded fake of
the xlwings objects it touches (tests/addin_fake.py), and the done-criterion of
issue 12: on every workbook of the corpus below — what the test builders write
(tests/workbooks.py), ``jixiao new``/``demo``/``recalc`` outputs,
templates with typed-over scores or rules, the hostile corpus — what the button
writes into 校验结果 is, finding for finding, what ``jixiao check --json`` says
about the same file. conftest.py also compares them on every workbook any other test
writes (``JIXIAO_BUTTON_IDENTITY=0`` turns that off).
"""

import json
import re
from pathlib import Path

import pytest
from addin_fake import (
    LINK,
    FakeBook,
    addin,
    assert_button_agrees,
    cli,
    cli_findings,
    press,
    stored,
    written_findings,
)
from openpyxl import load_workbook
from workbooks import (
    BROKEN_KINDS,
    NO_REASON,
    PUTUO_1_ROWS,
    big_sheet,
    broken,
    putuo,
    sichuan,
    standard,
    zizhou,
)

from jixiao.checks import Finding
from jixiao.samples import PUTUO_2024

# ------------------------------------------------------------ the corpus

def _jixiao(*args):
    code, out, err = cli(*args)
    assert code == 0, out + err


def _new(rules):
    def make(d):
        _jixiao("new", d / f"模板-{rules}.xlsx", "--year", "2024", "--rules", rules)
        return d / f"模板-{rules}.xlsx"
    return make


def _demo(sample, rules=None):
    def make(d):
        path = d / f"{sample}-{rules or '默认'}.xlsx"
        _jixiao("demo", "-o", path, "--sample", sample, *(["--rules", rules] if rules else []))
        return path
    return make


def _recalculated(make):
    def recalc(d):
        source = make(d)
        target = source.with_name(source.stem + "-重算" + source.suffix)
        code, out, err = cli("recalc", source, "-o", target)
        assert code in (0, 1) and target.is_file(), out + err
        return target
    return recalc


def _template_cell(path, name):
    book = load_workbook(path)
    ((sheet, ref),) = book.defined_names[name].destinations
    return book, book[sheet], ref.replace("$", "").split(":")[0]


def _typed_over(make, score=1.5, grade="优"):
    """A filled template whose first score and the grade were typed over their formulas."""
    def typed(d):
        path = make(d)
        book, sheet, top = _template_cell(path, "JX_IndicatorScore")
        sheet[top] = score
        _, grade_sheet, grade_cell = _template_cell(path, "JX_TotalGrade")
        book[grade_sheet.title][grade_cell] = grade
        out = path.with_name(path.stem + "-改分" + path.suffix)
        book.save(out)
        return out
    return typed


def _rules_cell(make, text):
    """A filled template whose 评分规则 cell says ``text`` (as a clerk types it)."""
    def retyped(d):
        path = make(d)
        book, sheet, cell = _template_cell(path, "JX_Rules")
        sheet[cell] = text
        out = path.with_name(f"{path.stem}-规则{text}{path.suffix}")
        book.save(out)
        return out
    return retyped


def _attachment(d):
    from workbooks import attachment

    return attachment(d / "附件表.xlsx")


def _third_party(d):
    from workbooks import third_party

    return third_party(d / "第三方.xlsx")


def _several(d):
    from workbooks import several_tables

    return several_tables(d / "三张表.xlsx")


def _low_scores(d):
    rows = [("产出指标", "数量指标", "预算资金执行率", "≥90%", "50%", 5, 2.78, "进度滞后"),
            *[(*row[:7], None) for row in PUTUO_1_ROWS[1:]]]
    return standard(d / "低分.xlsx", rows=rows, total=(100, 97.76), grade="优")


def _gaps(d):
    rows = [("产出指标", "数量指标", "预算资金执行率", None, "99.8%", 10, 5, None),
            *PUTUO_1_ROWS[1:]]
    return standard(d / "缺指标值.xlsx", rows=rows, total=(100, 95), grade="良")


def _hostile_sheet_name(d):
    """A table on a sheet named like a DDE formula, with a message quoting text that
    starts with "="."""
    from workbooks import Book, standard_sheet

    book = Book()
    rows = [("产出指标", "数量指标", "预算资金执行率", "=1+1", "@SUM(A1)", 5, 5, "=cmd|' /C calc'!A0"),
            *PUTUO_1_ROWS[1:]]
    standard_sheet(book.sheet("=powershell|calc"), rows=rows, total=(100, 90), grade="+1")
    return book.save(d / "恶意表名.xlsx")


CORPUS = {
    "standard": lambda d: standard(d / "标准.xlsx"),
    "standard-no-reason": lambda d: standard(d / "无原因列.xlsx", header=NO_REASON,
                                             rows=[row[:7] for row in PUTUO_1_ROWS]),
    "wrong-total": lambda d: standard(d / "总分写错.xlsx", total=(100, 90), grade="优"),
    "low-scores": _low_scores,
    "gaps": _gaps,
    "xlsm": lambda d: standard(d / "带宏.xlsm"),
    **{item.key: (lambda d, k=item.key: putuo(d / f"{k}.xlsx", k)) for item in PUTUO_2024},
    "zizhou": lambda d: zizhou(d / "子洲.xlsx"),
    **{f"sichuan-{rate}": (lambda d, r=rate: sichuan(d / "四川.xlsx", rate=r))
       for rate in ("75%", "95%", "100%")},
    "sichuan-reason": lambda d: sichuan(d / "四川.xlsx", rate="80%", reason="采购延期"),
    "sichuan-ratio": lambda d: sichuan(d / "四川.xlsx", rules="ratio"),
    "sichuan-四川": lambda d: sichuan(d / "四川.xlsx", rules="四川"),
    "attachment": _attachment,
    "third-party": _third_party,
    "several-tables": _several,
    "skipped-sheet": lambda d: big_sheet(d / "大表.xlsx", 6000, table=True),
    "hostile-sheet-name": _hostile_sheet_name,
    **{f"broken-{kind}": (lambda d, k=kind: broken(d, k)) for kind in BROKEN_KINDS},
    **{f"new-{rules}": _new(rules) for rules in ("mof2020", "ratio", "sichuan")},
    **{f"demo-{item.key}": _demo(item.key) for item in PUTUO_2024},
    "demo-zizhou": _demo("zizhou-2023"),
    "demo-ratio": _demo("putuo-3", "ratio"),
    "demo-sichuan": _demo("zizhou-2023", "sichuan"),
    "recalculated-putuo": _recalculated(_demo("putuo-2")),
    "recalculated-zizhou": _recalculated(_demo("zizhou-2023")),
    "recalculated-new": _recalculated(_new("mof2020")),
    "typed-over": _typed_over(_demo("putuo-1")),
    "typed-over-recalculated": _recalculated(_typed_over(_demo("zizhou-2023"), 3, "差")),
    "rules-四川": _rules_cell(_demo("putuo-4"), "四川"),
    "rules-四川-recalculated": _recalculated(_rules_cell(_demo("zizhou-2023"), "四川")),
    "rules-比例法": _recalculated(_rules_cell(_demo("putuo-5"), "比例法")),
    "rules-unknown": _rules_cell(_demo("putuo-6"), "浙江"),
    "rules-省标准-recalculated": _recalculated(_rules_cell(_demo("putuo-1"), "省标准")),
    "rules-blank": _rules_cell(_demo("putuo-1"), None),
}


def _hostile():
    from hostile import CORPUS as HOSTILE

    # "locked" is a good file held by another process: Excel would hold it itself
    return [kind for kind in HOSTILE if kind != "locked"]


HOSTILE = _hostile()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Every corpus file, built on first use (outside tmp_path: the cell-source
    comparison of conftest.py runs on the test suite's own workbooks)."""
    root = tmp_path_factory.mktemp("button-corpus")
    built = {}

    def get(kind):
        if kind not in built:
            directory = root / re.sub(r"\W", "_", kind)
            directory.mkdir()
            if kind.startswith("hostile:"):
                from hostile import build

                built[kind] = build(kind.split(":", 1)[1], directory)
            else:
                built[kind] = CORPUS[kind](directory)
        return built[kind]

    return get


def test_the_corpus_covers_what_the_tests_write():
    assert len(CORPUS) >= 50 and len(HOSTILE) >= 50
    assert {f"broken-{kind}" for kind in BROKEN_KINDS} <= set(CORPUS)


@pytest.mark.parametrize("kind", [*CORPUS, *(f"hostile:{kind}" for kind in HOSTILE)])
def test_the_button_writes_what_jixiao_check_json_says(kind, corpus):
    assert_button_agrees(corpus(kind))


# ------------------------------------------------------------ the bugs it fixes

def test_a_template_whose_rules_cell_says_sichuan_is_checked_with_the_sichuan_rules(corpus):
    """Was UnknownRuleSet outside the button's try (a Python error dialog in Excel);
    and JX503/JX504/JX901 could never fire from the button."""
    path = corpus("rules-四川-recalculated")
    code, out, _ = cli("check", "--json", path)
    assert json.loads(out)["rules"] == "sichuan"
    book = press(path)
    findings, _ = written_findings(book)
    assert book.app.alerts == [] and findings == cli_findings(path)
    # recalc reads 四川 as check does (rules.rule_name): the stored scores are current
    assert "JX504" not in {code for code, *_ in findings}


UNKNOWN_RULES = ("评分规则“{}”不是 jixiao 能识别的评分规则，表中的公式不按它计分（得分显示 ⚠）；"
                 "本次按 mof2020（财政部 财预〔2020〕10号，默认）校验。请改为 mof2020、ratio、sichuan "
                 "之一后重算")


@pytest.mark.parametrize(("kind", "word"), [("rules-unknown", "浙江"),
                                            ("rules-省标准-recalculated", "省标准")])
def test_a_rules_cell_naming_no_rule_set_is_told_by_check_and_the_button(corpus, kind, word):
    """rt22 2: a 评分规则 of 浙江 was scored by mof2020 without a word. check and the
    button say so at the cell, naming the rule set used and the template's choices."""
    path = corpus(kind)
    code, out, _ = cli("check", "--json", path)
    assert json.loads(out)["rules"] == "mof2020"
    expected = ("JX505", "warning", "自评表", "K2", UNKNOWN_RULES.format(word))
    assert [item for item in cli_findings(path) if item[0] == "JX505"] == [expected]
    book = press(path)
    findings, _ = written_findings(book)
    assert book.app.alerts == [] and findings == cli_findings(path)
    assert [item for item in findings if item[0] == "JX505"] == [expected]
    if kind.endswith("recalculated"):  # (the other was never calculated: JX504 says so)
        # the ⚠ the template's functions show under it are JX505's, not a score missing
        # (JX406 "写法须由 jixiao 计分") or a stale result (JX504) for each cell
        assert not {"JX406", "JX504"} & {item[0] for item in findings}, findings


def test_a_blank_rules_cell_is_mof2020_without_a_finding(corpus):
    path = corpus("rules-blank")
    code, out, _ = cli("check", "--json", path)
    data = json.loads(out)
    assert data["rules"] == "mof2020"
    assert "JX505" not in {item["code"] for item in data["findings"]}


def test_a_received_file_not_made_from_the_template_is_checked(corpus):
    """Was refused: "不是由标准模板生成的自评表"."""
    for kind in ("zizhou", "sichuan-reason", "attachment", "hostile:external-link"):
        path = corpus(kind)
        book = press(path)
        findings, _ = written_findings(book)
        assert book.app.alerts == [] and findings == cli_findings(path), kind


def test_workbook_text_stays_text_and_links_are_ours(corpus):
    path = corpus("hostile-sheet-name")
    book = press(path)
    rows = book.sheets[addin.RESULT_SHEET].written["A1"]
    formulas = [value for row in rows for value in row
                if isinstance(value, str) and value.startswith("=")]
    assert len(formulas) == len(rows) - 1 and all(LINK.fullmatch(value) for value in formulas)
    assert all(value.startswith('=HYPERLINK("#\'=powershell|calc\'!') for value in formulas)
    messages = [row[3] for row in rows[1:]]
    assert all(message.startswith("'") for message in messages)
    assert any("=1+1" in message for message in messages)
    assert any("@SUM(A1)" in message for message in messages)
    findings, _ = written_findings(book)
    assert findings == cli_findings(path)
    assert {sheet for _, _, sheet, _, _ in findings} == {"=powershell|calc"}


def test_every_string_written_has_the_text_prefix():
    findings = [Finding("JX101", "error", "自评表", "H44", "分值合计为 90，应为 100"),
                Finding("JX201", "error", None, None, "=没有位置"),
                Finding("JX901", "info", "=cmd|' /C calc'!A0", None, "+1"),
                Finding("JX301", "warning", "表", "H14", "001")]
    rows = addin.result_rows(findings)
    assert rows[0] == ["'代码", "'级别", "'位置", "'说明"]
    assert rows[1] == ["'JX101", "'错误", '=HYPERLINK("#\'自评表\'!H44","自评表!H44")',
                       "'分值合计为 90，应为 100"]
    assert rows[2] == ["'JX201", "'错误", "", "'=没有位置"]
    assert rows[3] == ["'JX901", "'提示", '=HYPERLINK("#\'=cmd|\'\' /C calc\'\'!A0\'!A1",'
                       '"=cmd|\' /C calc\'!A0")', "'+1"]
    assert rows[4][3] == "'001"
    assert addin.result_rows([]) == [["'代码", "'级别", "'位置", "'说明"],
                                     ["", "", "", "'未发现问题。"]]
    assert addin.result_rows([], ["工作表“明细”有 6000 行"])[-2:] == [
        ["", "", "", ""], ["", "", "", "'注意：工作表“明细”有 6000 行"]]


def test_hyperlink_formula_quotes_and_refuses_what_excel_cannot_hold():
    assert addin.hyperlink_formula("自评表", "F14") == '=HYPERLINK("#\'自评表\'!F14","自评表!F14")'
    assert addin.hyperlink_formula("Bob's \"表\"", "A1") == (
        '=HYPERLINK("#\'Bob\'\'s ""表""\'!A1","Bob\'s ""表""!A1")')
    assert addin.hyperlink_formula("表", None) == '=HYPERLINK("#\'表\'!A1","表")'
    assert addin.hyperlink_formula("表", "H14:H20") == '=HYPERLINK("#\'表\'!H14:H20","表!H14:H20")'
    assert addin.hyperlink_formula("表", "第 3 行") is None  # not a cell: no link
    assert addin.hyperlink_formula("长" * 250, "A1") is None  # an .ods sheet name over 255
    row = addin.result_rows([Finding("JX101", "error", "长" * 250, "A1", "x")])[1]
    assert row[2] == "'" + "长" * 250 + "!A1"


def test_a_message_longer_than_a_cell_is_clipped_to_what_excel_keeps():
    row = addin.result_rows([Finding("JX101", "error", None, None, "字" * 40000)])[1]
    assert row[3] == "'" + "字" * 32767


def test_summaries():
    findings = [Finding("A", "error", None, None, ""), Finding("B", "warning", None, None, ""),
                Finding("C", "error", None, None, "")]
    assert addin.check_summary(findings) == "校验完成：2 个错误，1 个警告，详见“校验结果”工作表"
    assert addin.check_summary([]) == "校验完成：未发现问题"


# ------------------------------------------------------------ the COM sequence

def test_the_com_sequence_and_a_second_run(corpus):
    path = corpus("gaps")
    book = FakeBook(path)
    addin.check_book(book)
    rows = book.sheets[addin.RESULT_SHEET].written["A1"]
    (save,) = [entry for entry in book.log if entry[0] == "SaveCopyAs"]
    assert book.log[0] == save and Path(save[1]).name == "缺指标值.xlsx"
    assert book.log[1:] == [("add", "校验结果", "自评表"), ("value", "校验结果", "A1"),
                            ("status_bar", book.app.status_bar)]
    assert book.api.Saved is False  # untouched: SaveCopyAs leaves the clerk's changes unsaved
    assert book.api.Path == str(path.parent)
    book.log.clear()
    addin.check_book(book)  # again: the same sheet cleared and rewritten
    assert [entry[0] for entry in book.log] == ["SaveCopyAs", "clear", "value", "status_bar"]
    assert [sheet.name for sheet in book.sheets].count("校验结果") == 1
    assert book.sheets[addin.RESULT_SHEET].written["A1"] == rows


def test_a_workbook_never_saved_is_copied_under_its_format(corpus):
    path = corpus("xlsm")
    book = press(path, name="工作簿1", folder="", file_format=52)
    ((copy, _, _),) = book.api.copies
    assert copy.name == "工作簿1.xlsm"
    assert written_findings(book)[0] == cli_findings(path)
    assert addin.copy_name("工作簿2", "", 51) == "工作簿2.xlsx"
    assert addin.copy_name("工作簿2", "", 56) == "工作簿2.xls"
    assert addin.copy_name("自评表", "D:\\收件", 51) == "自评表"  # saved without extension: as is
    assert addin.copy_name("自评表.XLS", "D:\\收件", 51) == "自评表.XLS"


class ComError(Exception):
    """What pywintypes.com_error carries: (hresult, text, excepinfo, argerror)."""


def test_excel_failing_to_save_the_copy_is_one_chinese_alert(corpus):
    path = corpus("standard")
    failure = ComError(-2147352567, "发生意外。",
                       (0, "Microsoft Excel", "无法访问该文件。", None, 0, -2146827284), None)
    book = press(path, fail=failure)
    ((message, title, _),) = book.app.alerts
    assert message.startswith("Excel 无法为校验另存“标准.xlsx”的副本（无法访问该文件）")
    assert title == "绩效自评"
    assert [sheet.name for sheet in book.sheets] == ["自评表"]


def test_the_temporary_folder_goes_even_when_the_check_fails(corpus, monkeypatch):
    import jixiao.pipeline

    seen = []

    def exploding(copy, rules=None):
        seen.append(Path(copy))
        raise KeyboardInterrupt  # not even a JixiaoError: the folder must still go

    monkeypatch.setattr(jixiao.pipeline, "check_workbook", exploding)
    with pytest.raises(KeyboardInterrupt):
        press(corpus("standard"))
    (copy,) = seen
    assert not copy.parent.exists()


def test_a_protected_workbook_gets_the_counts_and_why_in_one_alert(corpus):
    path = corpus("wrong-total")
    book = press(path, protected=True)
    ((message, _, _),) = book.app.alerts
    errors = sum(1 for item in cli_findings(path) if item[1] == "error")
    assert message.startswith(f"校验完成（{errors} 个错误")
    assert "无法写入“校验结果”工作表（无法更改受保护的工作簿结构）。" in message
    assert "撤销保护" in message


def test_nothing_escapes_the_button_as_a_python_error(monkeypatch, corpus):
    book = FakeBook(corpus("standard"))
    monkeypatch.setattr(addin, "_active_book", lambda: book)

    def bug(_book):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(addin, "check_book", bug)
    addin.check()
    ((message, title, _),) = book.app.alerts
    assert message == ("校验时出现内部错误（ZeroDivisionError: division by zero），"
                       "请将此工作簿反馈给 jixiao 维护者") and title == "绩效自评"


def test_check_runs_the_button_on_the_active_book(monkeypatch, corpus):
    path = corpus("zizhou")
    book = FakeBook(path)
    monkeypatch.setattr(addin, "_active_book", lambda: book)
    addin.check()
    assert written_findings(book)[0] == cli_findings(path)


# ------------------------------------------------------------ pressed twice

def _as_excel_saves_it(build_table, rows, path):
    """The workbook of ``build_table`` with a 校验结果 sheet holding ``rows`` as Excel
    stores what the button wrote: texts as texts, our HYPERLINKs as formulas with
    their shown text cached."""
    from openpyxl.utils import get_column_letter
    from workbooks import Book

    book = Book()
    build_table(book)
    if not rows:
        return book.save(path)
    sheet = book.wb.create_sheet(addin.RESULT_SHEET)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            ref, kept = f"{get_column_letter(c)}{r}", stored(value)
            if kept is None:
                continue
            if kept[0] == "text":
                sheet[ref] = kept[1]
                sheet[ref].data_type = "s"  # openpyxl would take "=…" for a formula
            else:
                sheet[ref] = value
                book.cached[(addin.RESULT_SHEET, ref)] = kept[2]
    return book.save(path)


def _hostile_table(book):
    from workbooks import standard_sheet

    rows = [("产出指标", "数量指标", "预算资金执行率", "=1+1", "@SUM(A1)", 5, 5, "=cmd|' /C calc'!A0"),
            *PUTUO_1_ROWS[1:]]
    standard_sheet(book.sheet("=powershell|calc"), rows=rows, total=(100, 90), grade="+1")


def _gaps_table(book):
    from workbooks import standard_sheet

    rows = [("产出指标", "数量指标", "预算资金执行率", None, "99.8%", 10, 5, None),
            *PUTUO_1_ROWS[1:]]
    standard_sheet(book.sheet(), rows=rows, total=(100, 95), grade="良")


@pytest.mark.parametrize("build_table", [_hostile_table, _gaps_table])
def test_pressing_again_finds_the_same_the_results_sheet_is_not_read_as_content(
        build_table, tmp_path):
    """SaveCopyAs copies what Excel holds, 校验结果 of the last press included: that
    sheet (links to odd sheet names, messages quoting cells) adds no finding."""
    first = _as_excel_saves_it(build_table, [], tmp_path / "first.xlsx")
    first_rows = press(first).sheets[addin.RESULT_SHEET].written["A1"]
    again = _as_excel_saves_it(build_table, first_rows, tmp_path / "again.xlsx")
    book = press(again)
    assert written_findings(book)[0] == cli_findings(again) == cli_findings(first)
    assert book.sheets[addin.RESULT_SHEET].written["A1"] == first_rows


def test_a_pipe_in_a_formula_string_is_no_dde_a_dde_formula_still_is(tmp_path):
    """The scanner took ``=HYPERLINK("#'a|b'!A1",…)`` for DDE (the "|" inside the
    literal): our own links to a sheet named "=powershell|calc" were reported back."""
    from workbooks import Book, standard_sheet

    book = Book()
    standard_sheet(book.sheet())
    sheet = book.wb.create_sheet("附表")
    sheet["A1"] = '=HYPERLINK("#\'=powershell|calc\'!A1","=powershell|calc")'
    sheet["A2"] = '=IF(TRUE,"x|y",cmd|\' /C calc\'!A0)'
    book.cached.update({("附表", "A1"): "=powershell|calc", ("附表", "A2"): "x|y"})
    path = book.save(tmp_path / "links.xlsx")
    dde = [(sheet, cell) for code, _, sheet, cell, message in cli_findings(path)
           if code == "JX901"]
    assert dde == [("附表", "A2")]
    assert written_findings(press(path))[0] == cli_findings(path)


def test_a_clerks_review_log_starting_with_code_is_not_taken_for_ours(corpus):
    """A clerk's 校验结果 log 代码 | 单位 | 问题 | 处理意见 (rt19-c 2: before, its A1 “代码”
    made it ours, and it was cleared — a macro's change Excel cannot undo)."""
    book = FakeBook(corpus("gaps"), sheets=["自评表", "校验结果"])
    book.sheets["校验结果"].a1 = ["代码", "单位", "问题", "处理意见"]
    addin.check_book(book)
    assert [sheet.name for sheet in book.sheets] == ["自评表", "校验结果", "校验结果2"]
    assert ("clear", "校验结果") not in book.log


def test_a_clerks_own_sheet_named_like_the_results_is_left_alone(corpus):
    path = corpus("gaps")
    book = FakeBook(path, sheets=["自评表", "校验结果"])
    book.sheets["校验结果"].a1 = "我的备注"  # not ours: A1 is not "代码"
    addin.check_book(book)
    assert [sheet.name for sheet in book.sheets] == ["自评表", "校验结果", "校验结果2"]
    assert book.sheets["校验结果"].written == {}
    assert ("clear", "校验结果") not in book.log
    rows = book.sheets["校验结果2"].written["A1"]
    addin.check_book(book)  # the next press finds its own sheet by its A1
    assert [sheet.name for sheet in book.sheets] == ["自评表", "校验结果", "校验结果2"]
    assert book.log.count(("clear", "校验结果2")) == 1
    assert book.sheets["校验结果2"].written["A1"] == rows
    assert book.active_sheet is book.sheets["校验结果2"]
