"""``jixiao demo``: a published table typed into the template, then scored."""

from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT_OUTPUT = "jixiao-demo.xlsx"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", default=DEFAULT_OUTPUT, metavar="输出.xlsx",
                        help=f"示例工作簿的保存位置（默认 {DEFAULT_OUTPUT}，已存在则覆盖）")
    parser.add_argument("--sample", default="putuo-1", metavar="样例",
                        help="putuo-1 … putuo-7（普陀区 2024）或 zizhou-2023（子洲县），默认 putuo-1")
    parser.add_argument("--rules", default=None, metavar="规则",
                        help="评分规则：mof2020（默认）、ratio、sichuan")


def run(args: argparse.Namespace) -> int:
    import tempfile

    from jixiao.errors import wrong_suffix
    from jixiao.model import evaluate
    from jixiao.read.by_names import read_template
    from jixiao.recalc.workbook import recalc_file
    from jixiao.report.text import evaluation_text
    from jixiao.rules import rule_set
    from jixiao.samples import sample
    from jixiao.template.build import build_template

    table = sample(args.sample)
    ruleset = rule_set(args.rules) if args.rules else table.rules
    table.rules = ruleset
    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        raise wrong_suffix(output)
    with tempfile.TemporaryDirectory(prefix="jixiao-demo-") as folder:
        filled = Path(folder) / "demo.xlsx"
        build_template(filled, year=table.project.year, rules=ruleset.name, table=table)
        # Store the results in the file, so any spreadsheet program shows them.
        recalc_file(filled, output)
    written = read_template(output)  # score what the workbook holds, not the sample
    print(evaluation_text(written, evaluate(written, ruleset)))
    print()
    print(f"已写入示例工作簿：{output}")
    print("得分单元格是 JX_ 公式：在装有加载项的 Excel 中实时计算；文件中已存有计算结果，"
          "WPS、LibreOffice 打开也能看到。")
    return 0
