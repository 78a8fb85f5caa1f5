"""``jixiao new``: a blank standard 自评表 (see ``jixiao.template.build``)."""

from __future__ import annotations

import argparse
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("output", metavar="输出.xlsx", help="新模板的保存位置")
    parser.add_argument("--year", type=int, default=None, metavar="年度",
                        help="表头年度，如 2024（默认留空）")
    parser.add_argument("--rules", default="mof2020", metavar="规则",
                        help="评分规则：mof2020（默认）、ratio、sichuan")
    parser.add_argument("--formulas", choices=("addin", "native"), default="addin",
                        help="得分公式：addin（默认，JX_ 函数，需 jixiao 加载项或 jixiao recalc）、"
                             "native（只用 Excel 2010+、WPS、LibreOffice 都有的函数，无需 Python；"
                             "常见写法以外显示 ⚠，请用 jixiao check）")
    parser.add_argument("--force", action="store_true", help="文件已存在时覆盖")


def run(args: argparse.Namespace) -> int:
    from jixiao.errors import OutputError, wrong_suffix
    from jixiao.rules import rule_set
    from jixiao.template.build import build_template

    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        raise wrong_suffix(output)
    if output.exists() and not args.force:
        raise OutputError(f"文件“{output}”已存在；如要覆盖，请加 --force")
    ruleset = rule_set(args.rules)
    build_template(output, year=args.year, rules=ruleset.name, formulas=args.formulas)
    year = f"{args.year} 年度，" if args.year else ""
    kind = "，原生公式（无需加载项）" if args.formulas == "native" else ""
    print(f"已生成空白自评表模板：{output}（{year}评分规则 {ruleset.name}：{ruleset.title}{kind}）")
    return 0
