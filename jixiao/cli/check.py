"""``jixiao check FILE...``: find every mistake a reviewer would, with cell references.

Exit 0 = no errors (warnings allowed), 1 = errors, 2 = a file unreadable or
not a 自评表, or an annotated copy asked for that could not be written (a Strict Open XML
workbook; an .xls given one copy's name; a folder that cannot be written: the findings are
reported all the same, as ``jixiao batch --annotate-dir`` does). In a folder of copies a
file read by value (.xls, .ods, Word) gets a note and no copy, no failure — as batch.

A file already at the copy's name is not replaced (another unit's table given by mistake,
a copy the reviewer edited): the copy goes to NAME (2).xlsx …, as recalc's default output
(``fileio.write_new``), unless ``--force``. One jixiao wrote and nobody changed since
(``marks.written_by_jixiao``) is replaced: the reviewer runs again. In a folder of copies
each file has its own name, as batch names them (``batch.run.copy_target``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jixiao.report.result import FileResult


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="文件.xlsx",
                        help="要校验的自评表（.xlsx/.xlsm；.xls/.xlsb/.ods、WPS 的 .et/.wps 及 Word 的 .docx/.doc 按数值读取），可以多个")
    parser.add_argument("--json", action="store_true",
                        help="输出 JSON（格式见 docs/json-schema.md）")
    parser.add_argument("--annotate", metavar="输出.xlsx",
                        help="另存一份标注副本：问题单元格着色并加批注，附“校验结果”工作表。"
                             "给 .xlsx 文件名时写到该文件（仅校验一个文件时）；否则视为目录，"
                             "不存在时自动创建，副本名为 名字-校验.xlsx。已有同名文件时不覆盖，"
                             "另存为 名字 (2).xlsx 等（jixiao 以前写出、未经改动的标注副本直接替换）")
    parser.add_argument("--force", action="store_true",
                        help="标注副本的文件名已存在时覆盖它，不另存为 (2)")
    parser.add_argument("--rules", default=None, metavar="规则",
                        help="评分规则：mof2020、ratio、sichuan（默认用工作簿中写明的，否则 mof2020）")
    from jixiao.timeouts import add_timeout_option

    add_timeout_option(parser)
    parser.epilog = ("退出码：0 没有错误（可有警告；自评结果汇总表说明后也是 0），1 有错误，"
                     "2 文件无法读取、是空文件、不是自评表或未识别出表格，或要求的标注副本未能写出。"
                     "全部代码见 jixiao rules。")


def run(args: argparse.Namespace) -> int:
    from jixiao.fileio import refuse_input_as_output
    from jixiao.pipeline import check_workbook
    from jixiao.report.json import json_report
    from jixiao.report.result import ANNOTATION_FAILED, exit_code
    from jixiao.report.text import text_report
    from jixiao.rules import rule_set
    from jixiao.timeouts import file_seconds, time_limit

    if args.rules:
        rule_set(args.rules)  # an unknown name is refused before any file is read
    _refuse_folders(args.files)
    targets, folder = _annotation_targets(args.files, args.annotate) if args.annotate \
        else ({}, None)
    # copies named in a folder: one that cannot be made fails each copy, as batch's does
    unmade = _made_folder(folder) if folder else None
    if folder:
        from jixiao.batch.run import NO_COPY_BY_VALUE
    for target in targets.values():  # never onto a file given to be checked
        refuse_input_as_output(target, args.files, "标注副本")
    results, written, unwritten = [], [], 0
    seconds = file_seconds(args.timeout)
    for path in args.files:
        with time_limit(seconds, Path(path).name):
            result = check_workbook(path, args.rules)
        results.append(result)
        target = targets.get(str(result.path))
        if folder and target is None and not result.error:
            # as batch --annotate-dir: a file read by value has no copy (and no name), said,
            # no failure (_annotation_targets named none)
            result.notes.append(NO_COPY_BY_VALUE)
        elif target is not None and not result.error:
            if (copy := _annotated(result, target, folder=bool(folder), force=args.force,
                                   unmade=unmade)) is not None:
                written.append((copy, target))
            else:
                unwritten += 1
        # the copy read as opened is the annotated copy's only: never held for the report
        result.opened = None
    print(json_report(results) if args.json else text_report(results))
    for result in results:
        if result.error and args.json:
            print(f"jixiao：{result.error}", file=sys.stderr)
        elif args.json:  # the text report has said it (注意); the JSON has it in its notes
            for note in result.notes:
                if note.startswith(ANNOTATION_FAILED):
                    print(f"jixiao：{note.removeprefix(ANNOTATION_FAILED + '：')}",
                          file=sys.stderr)
    from jixiao.fileio import not_replaced

    for copy, target in written:
        kept = not_replaced(target) if copy != target else ""
        print(f"已写入标注副本：{copy}{kept}", file=sys.stderr if args.json else sys.stdout)
    # a copy asked for and not made: a reviewer's script must notice (as batch's does)
    return 2 if unwritten else exit_code(results)


# After a copy that could not be written for want of a writable folder: where else
UNWRITABLE_HINT = "；请换一个可写入的文件夹（如桌面），用 --annotate 给出其中的文件名或文件夹，校验结果不受影响"


def _annotated(result: FileResult, target: Path, *, folder: bool, force: bool,
               unmade: str | None) -> Path | None:
    """Write the annotated copy of a file just checked, and return its name (another than
    ``target`` where a file there was kept); None where it could not be written — said in
    its notes (``ANNOTATION_FAILED``), which the text report and the JSON show: its format
    cannot be written back, or the folder cannot be written (``unmade``: the folder of
    copies could not be made), with a hint where to write it instead."""
    from jixiao.errors import OutputError, UnreadableWorkbook
    from jixiao.report.annotate import annotate
    from jixiao.report.result import ANNOTATION_FAILED

    if unmade is not None:
        result.notes.append(f"{ANNOTATION_FAILED}：{unmade}{UNWRITABLE_HINT}")
        return None
    try:
        # jixiao's own unchanged copy at the name (as batch --annotate-dir's) is replaced:
        # the reviewer runs again; a name jixiao made up is never written through a link
        notes: list[str] = []
        copy = annotate(result.path, target, result.findings, derived=folder, notes=notes,
                        result=result, keep=not force, own_replaced=True)
    except UnreadableWorkbook as error:  # an .xls checked by its values: report it still
        result.notes.append(f"{ANNOTATION_FAILED}：{error}")
        return None
    except OutputError as error:  # a read-only folder, a full disk: the report still stands
        hint = UNWRITABLE_HINT if str(error).startswith("无法写入") else ""
        result.notes.append(f"{ANNOTATION_FAILED}：{error}{hint}")
        return None
    for note in notes:  # the copy written through openpyxl: some content simplified
        print(f"jixiao：{note}", file=sys.stderr)
    return copy


def _refuse_folders(files: list[str]) -> None:
    """A folder is the batch's job: say so instead of reporting it as an unreadable file."""
    from jixiao.errors import folder_given

    for name in files:
        if Path(name).is_dir():
            raise folder_given(name, "jixiao check 校验单个文件",
                               f"。校验整个文件夹请用：jixiao batch \"{name}\" -o 汇总.xlsx")


def _annotation_targets(files: list[str], annotate: str) -> tuple[dict[str, Path], Path | None]:
    """Where each annotated copy goes, and the folder jixiao names them in (None: the copy's
    name was given). One file and a name ending in .xlsx/.xlsm: that file; otherwise a
    folder, made if missing (``_made_folder``, as ``batch --annotate-dir`` does)."""
    from jixiao.errors import OutputError

    out = Path(annotate)
    if len(files) == 1 and not out.is_dir() and out.suffix.lower() in (".xlsx", ".xlsm"):
        return {files[0]: out}, None
    if out.exists() and not out.is_dir():
        raise OutputError(f"校验多个文件时，--annotate 须是目录，“{out}”是一个文件")
    if not out.exists() and out.suffix.lower() in (".xlsx", ".xlsm"):  # not a folder "x.xlsx"
        raise OutputError(f"--annotate 给的“{out}”是工作簿文件名，只能用于校验一个文件；"
                          f"校验 {len(files)} 个文件时请给一个目录（如 --annotate 标注副本）")
    # each file its own name, as batch names them: a/z.xlsx and b/z.xlsx get z-校验.xlsx
    # and z-校验-2.xlsx (the second never replaces the copy this run made of the first)
    # a file read by value (.xls, .ods, Word) gets no copy, so no name, as in batch's
    # annotation_targets: x.xls beside x.xlsx leaves x-校验.xlsx to x.xlsx's copy
    from jixiao.batch.run import copy_target, read_by_value

    taken = {os.path.realpath(path).casefold() for path in files}
    return {path: Path(copy_target(out, Path(path).stem, Path(path).suffix.lower() == ".xlsm",
                                   taken)) for path in files if not read_by_value(path)}, out


def _made_folder(out: Path) -> str | None:
    """Make the folder of annotated copies if missing; why it could not be, or None."""
    from jixiao.fileio import os_error_text

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return f"无法创建标注副本目录“{out}”（{os_error_text(error)}）"
    return None

