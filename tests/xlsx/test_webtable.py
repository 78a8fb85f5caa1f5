"""A web page's tables named .xls (a budget system's "网页格式" export, a page saved by
Excel or LibreOffice) and Excel 2003's XML are read as Excel opens them: the same
table, the same findings as the .xlsx (before: refused, "请另存为 .xlsx")."""

import json
import shutil

import pytest
from libreoffice import convert
from workbooks import standard

from jixiao.errors import UnreadableWorkbook
from jixiao.pipeline import check_workbook
from jixiao.read.workbook import read_workbook
from jixiao.report.json import json_report
from jixiao.xlsx.webtable import text_format


def findings(path):
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    data = json.loads(json_report([result]))
    return data, sorted((item["code"], item["cell"]) for item in data["findings"])


def test_a_page_libreoffice_saved_reads_as_the_workbook(tmp_path):
    book = standard(tmp_path / "自评表.xlsx")
    out = convert(book, tmp_path, "html:HTML (StarCalc)")
    page = next(out.glob("*.html"), None)
    if page is None:
        pytest.skip("LibreOffice made no page")
    named = tmp_path / "系统导出.xls"
    shutil.copy(page, named)
    data, found = findings(named)
    expected, expected_found = findings(book)
    assert found == expected_found
    for key in ("total_declared", "total_computed", "grade_computed"):
        assert data[key] == expected[key]
    assert [i["score_computed"] for i in data["indicators"]] == \
        [i["score_computed"] for i in expected["indicators"]]


# A budget system's export: GB2312, the title outside the table, 一级 spanning its rows,
# the header's 绩效指标 spanning three columns, a line break inside a name.
EXPORT = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<style>td {{ mso-number-format:"\\@"; }}</style></head><body>
<h3>项目支出绩效自评表</h3><p>（2024年度）</p>
<table border="1">
<tr><td colspan="2">项目名称</td><td colspan="6">乡村道路养护</td></tr>
<tr><td colspan="2">项目资金（万元）</td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td>
<td>分值</td><td>执行率</td><td>得分</td></tr>
<tr><td></td><td>年度资金总额</td><td>100</td><td>100</td><td>95</td><td>10</td><td>95%</td><td>9.5</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td>
<td>分值</td><td>得分</td><td>偏差原因分析及改进措施</td></tr>
<tr><td rowspan="3">产出指标</td><td>数量指标</td><td>养护<br>里程</td><td>≥120公里</td><td>126公里</td>
<td>20</td><td>20</td><td></td></tr>
<tr><td>质量指标</td><td>优良路率</td><td>≥80%</td><td>76%</td><td>20</td><td>{score}</td><td>{reason}</td></tr>
<tr><td>时效指标</td><td>完工时间</td><td>2024年11月底前</td><td>2024年11月20日</td><td>10</td><td>10</td><td></td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>群众出行条件</td><td>明显改善</td><td>明显改善</td>
<td>30</td><td>30</td><td></td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td><td>93%</td>
<td>10</td><td>10</td><td></td></tr>
<tr><td colspan="5">总分</td><td>100</td><td>{total}</td><td></td></tr>
</table></body></html>"""


def export(path, score=19, reason="雨季施工，次年整改", total=98.5):
    path.write_bytes(EXPORT.format(score=score, reason=reason, total=total).encode("gb18030"))
    return path


def test_a_systems_gb2312_page_is_read(tmp_path):
    table = read_workbook(export(tmp_path / "导出.xls")).tables[0]
    assert table.project.name == "乡村道路养护"
    assert [(i.level1, i.name) for i in table.indicators][:3] == [
        ("产出指标", "养护\n里程"), ("产出指标", "优良路率"), ("产出指标", "完工时间")]
    assert table.funds.total.budget == 100 and table.funds.total.executed == 95
    assert table.total_declared == 98.5
    data, found = findings(tmp_path / "导出.xls")
    assert data["total_computed"] == 98.5
    assert found == []


def test_a_pages_mistakes_are_found_in_its_cells(tmp_path):
    _, found = findings(export(tmp_path / "错.xls", score=20, reason="", total=99.5))
    codes = dict(found)
    # (rows: the title 1, the year 2, the table from 3) 76% of ≥80%: full marks the rules
    assert codes["JX402"] == "G8"  # would not give
    assert "JX501" not in codes  # 99.5 is the sum written


def test_an_excel_2003_xml_workbook_is_read(tmp_path):
    rows = [("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"),
            ("产出指标", "数量指标", "养护里程", "≥120公里", "126公里", 50, 50),
            (None, "质量指标", "优良路率", "≥80%", 0.85, 30, 30),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", 0.93, 20, 20)]
    xml = ['<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
           '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
           '<Styles><Style ss:ID="p"><NumberFormat ss:Format="Percent"/></Style></Styles>'
           '<Worksheet ss:Name="自评表"><Table>'
           '<Row><Cell><Data ss:Type="String">项目名称</Data></Cell>'
           '<Cell ss:Index="3"><Data ss:Type="String">乡村道路养护</Data></Cell></Row>'
           '<Row ss:Index="3">']
    for number, values in enumerate(rows):
        if number:
            xml.append("<Row>")
        for column, value in enumerate(values):
            if value is None:
                continue
            down = ' ss:MergeDown="1"' if number == 1 and column == 0 else ""
            index = f' ss:Index="{column + 1}"'
            if isinstance(value, float):
                xml.append(f'<Cell{index} ss:StyleID="p"><Data ss:Type="Number">{value}</Data></Cell>')
            elif isinstance(value, int):
                xml.append(f'<Cell{index}><Data ss:Type="Number">{value}</Data></Cell>')
            else:
                xml.append(f'<Cell{index}{down}><Data ss:Type="String">{value}</Data></Cell>')
        xml.append("</Row>")
    xml.append("</Table></Worksheet></Workbook>")
    path = tmp_path / "XML表格.xls"
    path.write_text("".join(xml), encoding="utf-8")
    table = read_workbook(path).tables[0]
    assert table.project.name == "乡村道路养护"
    assert [(i.level1, i.name, i.actual, i.weight) for i in table.indicators] == [
        ("产出指标", "养护里程", "126公里", 50), ("产出指标", "优良路率", "85%", 30),
        ("满意度指标", "群众满意度", "93%", 20)]
    # LibreOffice opens it as Excel does: the same findings from its .xlsx
    out = convert(path, tmp_path, "xlsx")
    saved = next(out.glob("*.xlsx"), None)
    if saved is not None:
        assert findings(path)[1] == findings(saved)[1]


@pytest.mark.parametrize(("head", "kind"), [
    (b"\xef\xbb\xbf<html><body><table>", "html"), (b"<!DOCTYPE html><html>", "html"),
    (b"  <table><tr><td>1", "html"), (b"<meta charset=gbk><table>", "html"),
    (b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
     "xml2003"),
    (b"<?xml version='1.0'?><svg/>", None), (b"plain text", None), (b"PK\x03\x04", None),
])
def test_the_kind_is_told_by_the_bytes(head, kind):
    assert text_format(head) == kind


_BIG = "超出安全上限.*JIXIAO_MAX_CELLS"
_BROKEN = "“坏.xls”是XML 表格 2003"


@pytest.mark.parametrize(("data", "says"), [
    (b"<?xml version='1.0'?><Workbook xmlns='urn:schemas-microsoft-com:office:spreadsheet'><Works",
     _BROKEN),
    (b"<?xml version='1.0'?><!DOCTYPE l [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;'>]>"
     b"<Workbook xmlns='urn:schemas-microsoft-com:office:spreadsheet'>&b;</Workbook>", _BROKEN),
    # 2,000 cells each spanning 1,000 × 1,000: no table; a page built to exhaust memory
    (b"<html><table>" + b'<tr><td rowspan="1000" colspan="1000">x</td></tr>' * 2000
     + b"</table></html>", _BIG),
    (b"<?xml version='1.0'?><Workbook xmlns='urn:schemas-microsoft-com:office:spreadsheet' "
     b"xmlns:ss='urn:schemas-microsoft-com:office:spreadsheet'><Worksheet><Table><Row>"
     b"<Cell ss:MergeAcross='16000' ss:MergeDown='1000000'><Data ss:Type='String'>x</Data>"
     b"</Cell></Row></Table></Worksheet></Workbook>", _BIG),
])
def test_a_broken_hostile_or_huge_text_workbook_is_refused_by_name(tmp_path, data, says):
    path = tmp_path / "坏.xls"
    path.write_bytes(data)
    with pytest.raises(UnreadableWorkbook, match=says):
        read_workbook(path)


def test_cells_comments_are_no_text(tmp_path):
    """A commented cell saved as a web page (LibreOffice: <comment> inside the cell; Excel:
    an anchor "[1]"): its value alone (before: the comment glued to the 总分 99.5 and to
    a 得分 made them text — JX501 "总分未填写", JX406)."""
    page = EXPORT.format(score=19, reason="雨季施工，次年整改", total=98.5)
    page = page.replace("<td>98.5</td><td></td></tr>\n</table>",
                        '<td>98.5<a class="comment-indicator"></a><comment><p>JX501 总分不符'
                        "</p></comment></td><td></td></tr>\n</table>")
    page = page.replace("<td>30</td><td>30</td>",
                        '<td>30</td><td>30<a class=msocomanchor id="_anchor_1">[1]</a></td>', 1)
    assert "<comment>" in page and "msocomanchor" in page
    (tmp_path / "c.xls").write_bytes(page.encode("gb18030"))
    table = read_workbook(tmp_path / "c.xls").tables[0]
    assert table.total_declared == 98.5
    assert 30 in [indicator.score_declared for indicator in table.indicators]
