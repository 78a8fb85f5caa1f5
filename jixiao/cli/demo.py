"""``jixiao demo``: a published table typed into the template, then scored.

Without ``-o`` the workbook goes to jixiao-demo.xlsx, or, when that exists (the user
may have opened and edited it), to the next free ``jixiao-demo (2).xlsx`` …: a second
run never loses the first one's file. A file named with ``-o`` is replaced (``recalc -o``
and ``check --annotate`` keep theirs unless ``--force``: demo has no --force)."""

from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT_OUTPUT = "jixiao-demo.xlsx"


def configure(parser: argparse.ArgumentParser) -> None:
    from jixiao.cli.main import unbroken
    from jixiao.fileio import numbered_name

    parser.add_argument("-o", "--output", default=None, metavar="输出.xlsx",
                        help=f"示例工作簿的保存位置，已存在则替换（不给时写到 {DEFAULT_OUTPUT}；"
                             f"它已存在时另存为 {unbroken(numbered_name(Path(DEFAULT_OUTPUT), 2).name)} 等，不覆盖）")
    parser.add_argument("--sample", default="putuo-1", metavar="样例",
                        help="putuo-1 … putuo-7（普陀区 2024）或 zizhou-2023（子洲县），默认 putuo-1")
    parser.add_argument("--rules", default=None, metavar="规则",
                        help="评分规则：mof2020（默认）、ratio、sichuan")


def run(args: argparse.Namespace) -> int:
    import shutil
    import tempfile
    from functools import partial

    from jixiao.errors import wrong_suffix
    from jixiao.fileio import write_new
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
    output = Path(args.output or DEFAULT_OUTPUT)
    if output.suffix.lower() != ".xlsx":
        raise wrong_suffix(output)
    with tempfile.TemporaryDirectory(prefix="jixiao-demo-") as folder:
        filled = Path(folder) / "demo.xlsx"
        build_template(filled, year=table.project.year, rules=ruleset.name, table=table)
        # Store the results in the file, so any spreadsheet program shows them.
        if args.output:
            recalc_file(filled, output, force=True)
            written = output
        else:
            recalc_file(filled, Path(folder) / DEFAULT_OUTPUT)
            written = write_new(output, partial(shutil.copy2, Path(folder) / DEFAULT_OUTPUT))
    scored = read_template(written)  # score what the workbook holds, not the sample
    print(evaluation_text(scored, evaluate(scored, ruleset)))
    print()
    kept = f"（“{output}”已存在，未覆盖）" if written != output else ""
    print(f"已写入示例工作簿：{written}{kept}")
    print("得分单元格是 JX_ 公式：在装有加载项的 Excel 中实时计算；文件中已存有计算结果，"
          "WPS、LibreOffice 打开也能看到。")
    return 0

