"""``jixiao recalc``: recalculate a workbook without Excel, keeping its formulas.

Without ``-o`` the result goes to IN.recalc.xlsx, or, when that exists (an earlier result
the clerk may have edited), to the next free IN.recalc (2).xlsx …, as ``demo`` does. A
file named with ``-o`` is kept the same way (OUT (2).xlsx …: a slip of the tab key must
not replace another unit's workbook), as ``check --annotate`` keeps its. ``--force``
replaces either.

Exit codes: 0 every formula computed (an error value that is the formula's own result,
as Excel gives it — #DIV/0! of 0 ÷ 0 — listed as a note), 1 some cells jixiao could not
compute (an error value written instead) or that show a ⚠ text instead of a score, or a template row has a 分值 but no score formula (listed: the file
written is incomplete), or a native template changed (rows inserted or deleted, formulas
of the clerk's own, or formulas of an older jixiao's template: ``NotRecalculated``,
nothing written), 2 the input cannot be read
(or another error, printed by the CLI).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jixiao.model import Source
    from jixiao.recalc.workbook import Failure, Recalculation


def configure(parser: argparse.ArgumentParser) -> None:
    from jixiao.cli.main import unbroken

    parser.add_argument("input", metavar="输入.xlsx", help="要重算的工作簿（.xlsx 或 .xlsm）")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="输出.xlsx",
                       help="结果的保存位置（默认：输入文件名加 .recalc，放在输入文件旁边，"
                            "如 自评表.recalc.xlsx）；已存在时不覆盖，另存为 "
                            f"{unbroken('自评表.recalc (2).xlsx')}、输出 (2).xlsx 等"
                            "（加 --force 则替换）")
    where.add_argument("--in-place", action="store_true",
                       help="直接替换输入文件（先把原文件备份为 输入.xlsx.bak；已有不同的备份时"
                            "依次为 输入.xlsx.1.bak、输入.xlsx.2.bak……，从不覆盖已有备份）")
    parser.add_argument("--force", action="store_true",
                        help="输出文件（-o 指定的，或默认的 输入.recalc.xlsx）已存在时覆盖它，不另存为 (2)")
    parser.add_argument("--engine", choices=("auto", "core", "formulas"), default="auto",
                        help="计算方式：auto（默认，标准模板用核心快速计算，其余用通用公式引擎）、"
                             "core（只用核心）、formulas（只用通用公式引擎）")
    from jixiao.timeouts import add_timeout_option

    add_timeout_option(parser)


def run(args: argparse.Namespace) -> int:
    from jixiao.errors import folder_given
    from jixiao.recalc.workbook import recalc_file
    from jixiao.timeouts import file_seconds, time_limit

    if Path(args.input).is_dir():
        raise folder_given(args.input, "jixiao recalc 重算单个工作簿",
                           "，请给出文件夹中的一个 .xlsx 或 .xlsm 文件")
    from jixiao.cli.main import doing

    doing(f"正在重算“{Path(args.input).name}”")  # named if the run is stopped
    with time_limit(file_seconds(args.timeout), Path(args.input).name):
        written, result = recalc_file(args.input, args.output, in_place=args.in_place,
                                      engine=args.engine, force=args.force)
    print(report_text(result, written, Path(args.input)))
    return 1 if result.uncomputable or result.cycles or result.warnings or result.unscored else 0


def report_text(result: Recalculation, written: Path, source: Path | None = None) -> str:
    """The command's report: what was computed, what failed, where it was written.
    ``source``: the file recalculated, named where the clerk is to change it."""
    how = {"core": "核心快速计算", "native": "原生公式模板"}.get(result.engine, "通用公式引擎")
    from jixiao.fileio import not_replaced

    kept = not_replaced(result.existing) if result.existing is not None else ""
    lines = [f"已重算 {result.cell_count} 个公式单元格（{how}），结果已写入：{written}{kept}"]
    if source is not None and written.suffix.lower() != source.suffix.lower():
        named = f"扩展名是 {source.suffix}" if source.suffix else "没有扩展名"
        lines.append(f"“{source.name}”实际是 {written.suffix.lower()} 工作簿（{named}），"
                     f"重算结果以 {written.suffix.lower()} 为扩展名写出")
    if result.backup is not None:
        lines.append(f"原文件已备份为：{result.backup}")
    uncomputable = result.uncomputable
    if uncomputable:
        lines.append(f"有 {len(uncomputable)} 个单元格无法计算，已写入错误值，公式保留：")
        lines.extend(_failure_line(failure) for failure in uncomputable)
    errors = [failure for failure in result.failures if failure.computed]
    if errors:  # the formulas' own results: Excel shows the same (0 ÷ 0 of an unused line)
        lines.append(f"有 {len(errors)} 个单元格的公式结果是错误值（Excel 中同样如此），已写入：")
        lines.extend(_failure_line(failure) for failure in errors)
    if result.kept:
        lines.append(f"有 {len(result.kept)} 个单元格引用其他工作簿（jixiao 从不打开其他文件），未重算；"
                     "依赖它们的单元格按保留的值计算：")
        for kept in result.kept:
            lines.append(f"  {kept.sheet}!{kept.ref}  {kept.reason}")
    if result.stood:
        lines.append(f"有 {len(result.stood)} 个单元格 jixiao 无法计算，未重算：公式和文件保存的值原样保留，"
                     "依赖它们的单元格按这个值计算：")
        for stood in result.stood:
            lines.append(f"  {stood.source}  {stood.reason}，保留 {_shortened(_value_text(stood.stored), 40)}")
    if result.left:
        lines.append(f"有 {len(result.left)} 个单元格 jixiao 无法计算，但自评表不读取它们，也不由它们计分："
                     "未重算，公式和文件中保存的值原样保留：")
        for left in result.left:
            lines.append(f"  {left.source}  {left.reason}，保留 {_shortened(_value_text(left.stored), 40)}")
    if result.cycles:
        lines.append(f"发现 {len(result.cycles)} 处循环引用（未计算），每处涉及的单元格：")
        for cycle in result.cycles:
            lines.append("  " + "、".join(str(source) for source in cycle))
    warnings = result.warnings
    if result.unknown_rules is not None:
        told = result.rules_warnings
        lines.append(_unknown_rules(result.unknown_rules, len(told), source or written))
        warnings = [item for item in warnings if item not in told]
        from jixiao.native import WARN_TOTAL

        if all(text == WARN_TOTAL for _, text in warnings):  # the 总分 of those scores alone
            warnings = []
    if warnings:
        lines.append(f"有 {len(warnings)} 个单元格显示 ⚠（规则无法计算，请按提示修改输入）：")
        for source, text in warnings:
            lines.append(f"  {source}  {_shortened(text)}")
        lines.append(_incomplete(result))
    for source in result.unscored:
        row = source.cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        lines.append(f"第{row}行填了分值，得分单元格 {source} 却没有公式（新插入的行，或公式被删除），"
                     f"该行不计入总分：请从上一行复制 H 列（得分）和 K 列（是否达成）的公式后再重算"
                     "（退出码 1）")
    if result.unknown_rules is not None and not warnings:
        lines.append("结果不完整（退出码 1）：得分、总分和评分等级未能算出")
    if not uncomputable and not result.cycles and not result.warnings and not result.unscored:
        lines.append(f"{'其余' if result.kept or result.left or result.stood else '全部'}公式计算成功；用任何电子表格软件打开都能看到这些数值。")
    return "\n".join(lines)


def _failure_line(failure: Failure) -> str:
    """A cell showing an error value, as the report lists it: where, the error, why, the formula."""
    formula = f"  {_shortened(failure.formula)}" if failure.formula else ""
    return f"  {failure.source}  {failure.value}  {failure.reason}{formula}"


def _value_text(value: object) -> str:
    """A stored value as a cell shows it in General format: 12, not 12.0."""
    if not isinstance(value, float):
        return str(value)
    from jixiao.recalc.excel_text import general_text  # formulas: loaded by a recalc anyway

    return general_text(value)


def _unknown_rules(rules_cell: tuple[Source, str], scores: int, source: Path) -> str:
    """The one line for a 评分规则 naming no rule set: the cause of every score's ⚠."""
    from jixiao.rules import RULE_CHOICES

    cell, text = rules_cell
    shown = f"{scores} 个得分单元格显示 ⚠，" if scores else ""
    return (f"“{source.name}”的评分规则单元格 {cell} 填的是“{text}”，不是 jixiao 能识别的"
            f"评分规则，模板的公式不按它计分（{shown}总分和评分等级算不出）："
            f"请把 {cell} 改为 {RULE_CHOICES}后重算")


def _incomplete(result: Recalculation) -> str:
    """The line that says the file written is not a finished table (exit 1)."""
    from jixiao.native import WARN_TOTAL  # the 总分's ⚠, in either template

    if any(text == WARN_TOTAL for _, text in result.warnings):
        return ("结果不完整（退出码 1）：以上单元格显示 ⚠ 而不是数值，总分和评分等级未能算出；"
                "请按提示修改输入后再重算")
    return "结果不完整（退出码 1）：以上单元格显示 ⚠ 而不是数值；请按提示修改输入后再重算"


def _shortened(formula: str, length: int = 120) -> str:
    """A formula as the report shows it: a hostile one may be 32,767 characters."""
    return formula if len(formula) <= length else f"{formula[:length]}…（共 {len(formula):,} 个字符）"
