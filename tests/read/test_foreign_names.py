"""An .ods's defined names are read with its sheets, in the one pass over content.xml
that reads what calamine does not tell (``foreign_layout``): jixiao's template saved as
.ods keeps JX_Rules on its 评分规则 cell, and the table takes the rule set written there.
Before, a second pass parsed the whole content.xml again only for the names."""

import zipfile
from xml.sax.saxutils import escape

from jixiao.read.workbook import read_workbook

_HEAD = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
         'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
         'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
         '<office:spreadsheet><table:table table:name="自评表">')
_NAMES = ('</table:table><table:named-expressions>'
          '<table:named-range table:name="JX_Rules" table:base-cell-address="$自评表.$K$1" '
          'table:cell-range-address="$自评表.$K$1"/>'
          '<table:named-range table:name="JX_Total" table:base-cell-address="$自评表.$G$13" '
          'table:cell-range-address="$自评表.$G$13"/></table:named-expressions>'
          '</office:spreadsheet></office:body></office:document-content>')

# The 2024 table of a training subsidy, scored under the ratio rules (K2 评分规则 ratio):
# 执行率 95 % of 10 → 9.5; indicators 30 + 20 + 27 + 10 = 87; 总分 96.5.
_GRID = [
    ["项目支出绩效自评表", None, None, None, None, None, None, None, None, "评分规则", "ratio"],
    ["（2024 年度）"], ["项目名称", "职业技能培训补贴项目"],
    ["主管部门", "某区人力资源和社会保障局", None, None, "实施单位", "某区就业促进中心"],
    ["项目资金（万元）", None, "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(%)", "得分"],
    [None, "年度资金总额", 100, 100, 95, 10, 95, 9.5],
    [None, "其中：当年财政拨款", 100, 100, 95, "—", 95, "—"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
     "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 30, 30],
    [None, "质量指标", "培训合格率", "≥95%", "98%", 20, 20],
    ["效益指标", "社会效益指标", "受益群众人数", "≥1万人", "0.9万人", 30, 27, "部分群众外出务工未参加"],
    ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "95%", 10, 10],
    ["总分", None, None, None, None, 100, 96.5],
    ["评分等级", "优"],
]


def _ods(path):
    rows = []
    for values in _GRID:
        cells = []
        for value in values:
            if value is None:
                cells.append("<table:table-cell/>")
            elif isinstance(value, (int, float)):
                cells.append(f'<table:table-cell office:value-type="float" office:value="{value}">'
                             f"<text:p>{value}</text:p></table:table-cell>")
            else:
                cells.append('<table:table-cell office:value-type="string">'
                             f"<text:p>{escape(value)}</text:p></table:table-cell>")
        rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", _HEAD + "".join(rows) + _NAMES)
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return path


def test_an_ods_names_are_read_with_its_sheets_in_one_pass(tmp_path, monkeypatch):
    import defusedxml.ElementTree as defused

    parsed = []
    iterparse = defused.iterparse
    monkeypatch.setattr(defused, "iterparse",
                        lambda source, *args, **options: parsed.append(getattr(
                            source, "name", source)) or iterparse(source, *args, **options))
    workbook = read_workbook(_ods(tmp_path / "模板另存.ods"))
    [table] = workbook.tables
    assert table.rules.name == "ratio" and table.template
    assert table.sources["rules"].cell == "K1"
    assert parsed.count("content.xml") == 1
