"""JX205 says where a share misfiled under 成本指标 belongs by what it is: an execution
rate with the money block's 执行率 points or under 产出/过程 (not 效益/满意度, as it said
for every kind before: red team rt29 c64c), a 合格率 under 质量指标, a 及时率 under
时效指标, a 知晓率 under 效益指标, a 满意度 under 满意度指标."""

import pytest
from test_validator import findings, rows
from workbooks import standard

_LISTED = "是{kind}，不是成本，却列在成本指标下（{where}）；“≥”的方向本身没有错"


@pytest.mark.parametrize(("name", "target", "actual", "kind", "where"), [
    ("预算资金执行率", "≥90.00(%)", "99.80(%)", "执行率",
     "应按资金栏的执行率计分，或列在产出指标、过程指标下"),
    ("验收合格率", "≥95%", "100%", "合格率", "应归入质量指标"),
    ("资金拨付及时率", "≥95%", "100%", "及时率", "应归入时效指标"),
    ("政策知晓率", "≥90%", "95%", "知晓率", "应归入效益指标"),
    ("服务对象满意度", "≥90%", "95%", "满意度", "应归入满意度指标"),
])
def test_a_share_under_cost_is_sent_where_it_belongs(tmp_path, name, target, actual, kind,
                                                      where):
    bad = rows((0, {"level2": "成本指标", "name": name, "target": target, "actual": actual}))
    found = findings(standard(tmp_path / "t.xlsx", rows=bad), ["JX205"])
    assert [(f.cell, f.message) for f in found] == [
        ("C11", f"“{name}”" + _LISTED.format(kind=kind, where=where))]
