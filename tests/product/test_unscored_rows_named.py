"""Every row whose score jixiao cannot compute is named by a finding on its row: a table
whose total cannot be computed always says why. (Before: a 定性 target answered by a bare
date, or a deadline answered by 优 or 全覆盖, was neither scored nor reported — no total,
no finding.) Targets and actuals as real tables write them, each against each."""

import itertools
import json
import re

from workbooks import standard

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

TARGETS = ["≥90%", "≤3小时", "＜24小时", "≥96.7万人", "＝47个", "30万元", "及时", "通过", "稳步提升",
           "2023年12月31日前完成", "12月底前", "年内完成", "每月10日前", "按时完成", "=100%",
           "≤100万元", "0起", "无", "优", "90%-100%", "不低于上年", "较上年增长10%", "每季度1次",
           "全覆盖", "2024年第三季度", "优良中低差", "每亩300元", "控制在30万元以内"]
ACTUALS = ["95%", "2小时", "91.8万人", "47个", "28万元", "及时", "达到预期", "2023年12月20日完成",
           "11月", "2024年11月", "次年1月", "每月8日", "0.95", "100%", "0", "未发生", "1起", "优", "良",
           "部分达成", "未达成", "全覆盖", "增长12%", "4次", "—", "已完成", "2024.12", "延期完成", "约95%",
           "暂无数据", "正在实施", "不适用", "有", "350元/亩"]
PER_TABLE = 40


def _row_of(cell):
    return int(re.sub(r"\D", "", cell)) if cell else None


def test_every_unscored_row_is_named(tmp_path):
    pairs = list(itertools.product(TARGETS, ACTUALS))
    unnamed = []
    for start in range(0, len(pairs), PER_TABLE):
        rows = [("产出指标", "数量指标", f"指标{number}", target, actual, 5, 5, None)
                for number, (target, actual) in enumerate(pairs[start:start + PER_TABLE])]
        path = standard(tmp_path / f"t{start}.xlsx", rows=rows)
        data = json.loads(json_report([check_workbook(path)]))
        named = {_row_of(item.get("cell")) for item in data["findings"]}
        unnamed += [(item["target"], item["actual"]) for item in data["indicators"]
                    if item["score_computed"] is None and _row_of(item["cell"]) not in named]
    assert len(pairs) > 900
    assert unnamed == []
