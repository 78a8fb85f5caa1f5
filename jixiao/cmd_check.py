"""``jixiao check FILE...``: find every mistake a reviewer would, with cell references.

Exit 0 = no errors (warnings allowed), 1 = errors, 2 = a file unreadable or
not a 自评表.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="文件.xlsx",
                        help="要校验的自评表（.xlsx/.xlsm），可以多个")
    parser.add_argument("--json", action="store_true",
                        help="输出 JSON（格式见 docs/json-schema.md）")
    parser.add_argument("--annotate", metavar="输出.xlsx",
                        help="另存一份标注副本：问题单元格着色并加批注，附“校验结果”工作表；"
                             "校验多个文件时为输出目录")
    parser.add_argument("--rules", default=None, metavar="规则",
                        help="评分规则：mof2020、ratio、sichuan（默认用工作簿中写明的，否则 mof2020）")
    from .safety import add_timeout_option

    add_timeout_option(parser)
    parser.epilog = ("退出码：0 没有错误（可有警告），1 有错误，2 文件无法读取或不是自评表。"
                     "全部代码见 jixiao rules。")


def run(args: argparse.Namespace) -> int:
    from .check_report import check_file, exit_code, json_report, text_report
    from .rules import rule_set
    from .safety import file_seconds, time_limit

    if args.rules:
        rule_set(args.rules)  # an unknown name is refused before any file is read
    targets = _annotation_targets(args.files, args.annotate) if args.annotate else {}
    results = []
    seconds = file_seconds(args.timeout)
    for path in args.files:
        with time_limit(seconds, Path(path).name):
            results.append(check_file(path, args.rules))
    written = []
    for result in results:
        target = targets.get(str(result.path))
        if target is None or result.error:
            continue
        from .annotate import annotate

        annotate(result.path, target, result.findings)
        written.append(target)
    print(json_report(results) if args.json else text_report(results))
    for result in results:
        if result.error and args.json:
            print(f"jixiao：{result.error}", file=sys.stderr)
    for target in written:
        print(f"已写入标注副本：{target}", file=sys.stderr if args.json else sys.stdout)
    return exit_code(results)


def _annotation_targets(files: list[str], annotate: str) -> dict[str, Path]:
    from .errors import OutputError

    out = Path(annotate)
    if len(files) == 1:
        if out.is_dir():
            return {files[0]: out / _annotated_name(Path(files[0]))}
        if out.suffix.lower() not in (".xlsx", ".xlsm"):
            raise OutputError(f"标注副本“{out}”须以 .xlsx 或 .xlsm 结尾")
        return {files[0]: out}
    if not out.is_dir():
        raise OutputError(f"校验多个文件时，--annotate 须是已存在的目录，“{out}”不是")
    return {path: out / _annotated_name(Path(path)) for path in files}


def _annotated_name(path: Path) -> str:
    return f"{path.stem}-校验{path.suffix if path.suffix.lower() == '.xlsm' else '.xlsx'}"
