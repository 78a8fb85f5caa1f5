"""``jixiao convert IN.xlsx -o OUT.xlsx``: move a table of any layout into the
standard template, with live formulas — e.g. last year's table, to fill in anew."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jixiao.model import SelfEvaluation
    from jixiao.rules import RuleSet


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="输入.xlsx", help="要转换的自评表（任何可识别的版式）")
    parser.add_argument("-o", "--output", required=True, metavar="输出.xlsx",
                        help="标准模板的保存位置；原表有多张自评表时依次加 -1、-2 … 后缀")
    parser.add_argument("--rules", default=None, metavar="规则",
                        help="模板的评分规则：mof2020、ratio、sichuan（默认沿用原表）")
    parser.add_argument("--formulas", choices=("addin", "native"), default="addin",
                        help="得分公式：addin（默认，JX_ 函数）、native（只用各软件都有的函数，无需加载项）")
    parser.add_argument("--year", type=int, default=None, metavar="年度",
                        help="做成该年度的空白待填表：写入年度，清空实际完成值、偏差原因、人工评分、"
                             "资金栏金额和实际完成情况，保留项目、指标、指标值和分值"
                             "（不加时原样转换，保留原表自评表的全部内容；批注、图片、其他工作表和宏不转入，转换时写明）")
    parser.add_argument("--force", action="store_true", help="输出文件已存在时覆盖")
    from jixiao.timeouts import add_timeout_option

    add_timeout_option(parser)


def run(args: argparse.Namespace) -> int:
    from jixiao.errors import folder_given, wrong_suffix
    from jixiao.rules import rule_set
    from jixiao.timeouts import file_seconds, time_limit

    if Path(args.input).is_dir():
        raise folder_given(args.input, "jixiao convert 转换单个文件")
    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        raise wrong_suffix(output)
    chosen = rule_set(args.rules) if args.rules else None
    with time_limit(file_seconds(args.timeout), Path(args.input).name):
        return _convert(args, output, chosen)


def _convert(args: argparse.Namespace, output: Path, chosen: RuleSet | None) -> int:
    from jixiao.errors import OutputError
    from jixiao.fileio import refuse_input_as_output
    from jixiao.pipeline import read_as_opened

    tables = read_as_opened(args.input).tables
    numbered = [(table, output if len(tables) == 1
                 else output.with_name(f"{output.stem}-{number}{output.suffix}"))
                for number, table in enumerate(tables, start=1)]
    refused = [_whole_department(args.input, number, len(tables), table)
               for number, (table, _) in enumerate(numbered, start=1) if table.whole_department]
    kept = [(table, target) for table, target in numbered if not table.whole_department]
    for _, target in kept:  # --force replaces an earlier result, never the table read
        refuse_input_as_output(target, [args.input])
    existing = [str(target) for _, target in kept if target.exists()]
    if existing and not args.force:
        raise OutputError(f"文件“{'、'.join(existing)}”已存在；如要覆盖，请加 --force")
    for line in refused:  # up front; the workbook's other tables are converted all the same
        print(f"jixiao：{line}", file=sys.stderr)
    for table, target in kept:
        _convert_table(args, table, target, chosen)
    if kept:
        left = _left_behind(args.input, tables, kept[0][1])
        if left:
            print(f"注意：原表的{left}未转入，请对照原文件")
    return 2 if refused else 0


def _left_behind(file: str, tables: list[SelfEvaluation], converted: Path) -> str:
    """What of the workbook the template did not take, in words ("批注 1 条、图片 1 张、
    工作表“资金明细”、宏"); "" for nothing, or for a file read by value (no package to count)."""
    from jixiao.xlsx.extras import workbook_extras

    extras, made = workbook_extras(file), workbook_extras(converted)
    if extras is None:
        return ""
    read = {place.sheet for table in tables for place in (
        *table.cells, *table.sources.values(),
        *(source for indicator in table.indicators for source in indicator.sources.values()))}
    # the template's own sheets (填写说明 …) are in the new file: a jixiao form's are not lost
    sheets = [name for name in extras.sheets
              if name not in read and name not in (made.sheets if made else ())]
    named = "".join(f"“{name}”" for name in sheets[:_SHEETS_NAMED])
    more = f" 等 {len(sheets)} 张" if len(sheets) > _SHEETS_NAMED else ""
    return "、".join(text for text, present in (
        (f"批注 {extras.comments} 条", extras.comments), (f"图片 {extras.pictures} 张", extras.pictures),
        (f"图表 {extras.charts} 个", extras.charts), (f"工作表{named}{more}", sheets),
        ("宏（VBA）", extras.macros)) if present)


_SHEETS_NAMED = 3


def _whole_department(file: str, number: int, count: int, table: SelfEvaluation) -> str:
    """Why a 部门整体 table is not converted: the template is a project's form."""
    which = f"第 {number} 张表（{table.project.name or '未写名称'}）" if count > 1 else ""
    return (f"“{Path(file).name}”{which}是部门整体支出绩效自评表，未转换：标准模板是项目支出"
            "绩效自评表，部门整体表不能转入；jixiao check 可按原样读取和校验部门整体表")


def _convert_table(args: argparse.Namespace, table: SelfEvaluation, target: Path,
                   chosen: RuleSet | None) -> None:
    from jixiao.layout import FUND_REASON
    from jixiao.model import evaluate, plain_text
    from jixiao.template.build import build_template
    from jixiao.template.fill import (
        as_standard,
        for_new_year,
        native_unscored,
        not_kept,
        reasons_below,
    )
    from jixiao.template.money import money_notes

    ruleset = chosen or table.rules
    evaluation = evaluate(table, ruleset)
    standard = as_standard(table, evaluation)
    rows, money = reasons_below(table, evaluation) if args.year is None else ({}, None)
    told = [] if args.year is not None else not_kept(table, standard, ruleset)
    if args.year is not None:
        standard = for_new_year(standard, args.year)
    build_template(target, year=standard.project.year, rules=ruleset.name, table=standard,
                   formulas=args.formulas)
    name = table.project.name or "（未写项目名称）"
    print(f"已转换：{name}（{len(standard.indicators)} 个指标，评分规则 {ruleset.name}）→ {target}")
    if standard.indicators and all(indicator.weight is None for indicator in standard.indicators):
        print("  注意：原表没有分值，转换后的模板须逐项填写分值后才能计分")
    elif not table.execution_line and standard.funds.weight is None:
        print("  注意：原表没有单独计分的执行率，模板按执行率 10 分计，请相应调整各指标分值")
    elif not table.execution_line:  # the 预算执行率 row's points, now the money block's
        print(f"  注意：“预算执行率”行（{plain_text(standard.funds.weight)} 分）改由模板的资金栏按执行率计分")
    if rows:
        print("  表下的偏差原因说明已写入各扣分行的偏差原因栏")
    if money is not None:
        print(f"  表下的执行率偏低原因已写入执行率偏低原因说明（{FUND_REASON.replace('$', '')}）")
    if told:
        print("  注意：模板按规则计算得分，原表的以下内容未照原样转入：")
        for line in told:
            print(f"    {line}")
    for line in money_notes(table):
        print(line)
    unscored = native_unscored(target) if args.formulas == "native" else []
    if unscored:
        print("  注意：原生公式不能为以下指标计分，得分显示 ⚠，总分无法合计；请按提示修改：")
        for line in unscored:
            print(f"    {line}")
        print("  或不加 --formulas native 重新转换：默认模板用 jixiao 加载项的 JX_ 函数，"
              "可按规则为这些写法计分")
