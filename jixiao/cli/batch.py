"""``jixiao batch 文件夹... -o 汇总.xlsx``: check every workbook below some folders.

Exit 0 = no errors in any file (warnings allowed), 1 = some file has errors,
2 = some file could not be read or holds no 自评表 (a zip or a PDF sent instead of
a workbook too, not one beside it) — the codes of ``jixiao check``, unreadable first, because a file nobody could check is the one a
reviewer must chase; 2 also when annotated copies asked for could not be written (a full
or read-only disk: the terminal says how many and why). 130 = stopped by Ctrl-C, 143 by SIGTERM, 129 by SIGHUP (the
summary then holds the files finished before it).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="文件夹或通配符",
                        help="要校验的文件夹（含子文件夹）、文件或通配符（如 \"收件/**/*.xlsx\"）")
    parser.add_argument("-o", "--output", required=True, metavar="汇总.xlsx",
                        help="汇总工作簿（汇总、问题明细、统计三张表）。已有的文件是 jixiao 以前写出、"
                             "未经改动的汇总表时替换；审核人改过的或别的文件保留，汇总另存为 汇总 (2).xlsx 等")
    parser.add_argument("--json", metavar="结果.jsonl",
                        help="另存 JSON Lines：每个文件一行，与 jixiao check 文件 --json 的输出相同")
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="并行进程数（默认为 CPU 核数；1 表示在本进程中逐个校验）")
    parser.add_argument("--annotate-dir", metavar="目录",
                        help="为每个可读的文件另存标注副本到此目录（保持子文件夹结构），"
                             "副本名为 名字-校验.xlsx。已有同名文件时不覆盖，另存为 名字-校验 (2).xlsx 等"
                             "（jixiao 以前写出、未经改动的标注副本直接替换）")
    parser.add_argument("--rules", default=None, metavar="规则",
                        help="评分规则：mof2020、ratio、sichuan（默认用工作簿中写明的，否则 mof2020）")
    parser.add_argument("--timeout", type=float, default=None, metavar="秒",
                        help="单个文件最多处理多少秒，超时则放弃并在汇总中注明"
                             "（默认 60，或环境变量 JIXIAO_TIMEOUT；0 为不限）")
    parser.add_argument("--force", action="store_true",
                        help="不使用缓存，全部重新校验（默认跳过内容未变的文件），并覆盖 -o 处已有的文件"
                             "（默认只替换 jixiao 以前写出、未经改动的汇总表，审核人改过的"
                             "或别的文件保留，汇总另存为 汇总 (2).xlsx 等）；"
                             "标注副本文件名上已有的别的文件（如审核人改过的副本）照样保留")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local：本机多进程（默认）；dask：用 Dask 集群")
    parser.add_argument("--scheduler", metavar="地址",
                        help="Dask 调度器地址（如 tcp://10.0.0.5:8786），给出即使用 dask；"
                             "不给则 --engine dask 在本机启动 LocalCluster。文件内容随任务发给 worker，"
                             "集群中的机器不必能访问这些文件；只有同时用 --annotate-dir 时，"
                             "各 worker 须能以相同路径读写这些文件（共享目录）")
    parser.epilog = ("退出码：0 没有错误（可有警告），1 有文件有错误，2 有文件无法读取（含没有交工作簿的单位交来的压缩包、PDF）、"
                     "是空文件、不是自评表或未识别出表格，或有标注副本未能写出（磁盘已满、只读等），"
                     "130 被 Ctrl-C 中断、143 被终止（SIGTERM）、129 终端关闭（SIGHUP）："
                     "汇总只含已完成的文件。")


def run(args: argparse.Namespace) -> int:
    from jixiao.batch.discover import (
        SUFFIXES,
        describe_earlier_copies,
        describe_failed_copies,
        describe_others,
        describe_own,
        discover,
        earlier_copies,
    )
    from jixiao.batch.engines import start_workers_early
    from jixiao.batch.run import BatchOptions, Progress, ResultCache, Stop, run_batch, write_jsonl
    from jixiao.batch.summary import EMPTY, NOT_A_TABLE, UNRECOGNISED
    from jixiao.batch.summary_book import (
        Places,
        Summary,
        edited_summary,
        summary_name,
        write_summary,
    )
    from jixiao.errors import OutputError, UsageError, wrong_suffix
    from jixiao.fileio import (
        MAX_BACKUPS,
        ensure_writable,
        not_replaced,
        numbered_name,
        os_error_text,
        refuse_input_as_output,
        remove_stale_temporaries,
        temporary_name,
    )
    from jixiao.rules import rule_set
    from jixiao.timeouts import file_seconds
    from jixiao.xlsx.limits import Limits

    if args.rules:
        rule_set(args.rules)  # an unknown name is refused before any file is read
    # so are a bad JIXIAO_TIMEOUT or JIXIAO_MAX_…; both are part of the cache's key
    seconds, limits = file_seconds(args.timeout), Limits.from_environment()
    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        raise wrong_suffix(output, "汇总工作簿")
    for written in (output, *([Path(args.json)] if args.json else [])):
        try:  # "-o 结果/汇总.xlsx": the folder is made, as a reviewer expects
            written.resolve().parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"无法写入“{written}”：无法创建目录“{written.parent}”"
                              f"（{os_error_text(error)}）") from None
    # A file at -o that is not jixiao's own unedited summary (the reviewer typed 审核意见
    # into it, or it is another workbook) is kept: the summary goes to 汇总 (2).xlsx …, as
    # annotated copies do, unless --force. ``target``: the name it will be written to.
    target = output if args.force else summary_name(output)
    if target is None:
        raise OutputError(f"“{output.name}”和“{numbered_name(output, 2).name}”至"
                          f"“{numbered_name(output, MAX_BACKUPS).name}”都已存在，请清理后再试")
    for written in (target, *([Path(args.json)] if args.json else [])):
        # read-only, open in Excel, a folder that takes no file: said now, not after the run
        ensure_writable(written, "汇总表" if written == target else "JSON Lines")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers 须是正整数")
    if args.scheduler and args.engine != "dask":
        args.engine = "dask"
    annotate_dir = Path(args.annotate_dir) if args.annotate_dir else None
    outputs = [output] + ([target] if target != output else []) \
        + ([Path(args.json)] if args.json else [])
    odd: dict[str, str] = {}  # entries that are not regular files, zips, PDFs: rows saying why
    if args.engine == "local" and args.workers != 1:
        start_workers_early()  # a fork server, if one is used, imports jixiao meanwhile
    others: dict[str, str] = {}  # CSV files beside them: named at the end
    own: dict[str, str] = {}  # earlier summaries, annotated copies: named at the end
    # The folder of annotated copies is passed over, unless the submissions are in it
    # (--annotate-dir 收件 itself): then the copies of earlier runs are found by their mark
    # and listed as jixiao's own, and the inbox is still checked.
    skip = [annotate_dir] if annotate_dir and not _holds_inputs(annotate_dir, args.paths) else []
    files = discover(args.paths, skip=skip, odd=odd,
                     outputs=outputs, others=others, own=own)
    for written in outputs:  # a hard link to a submitted file is that file
        with contextlib.suppress(OSError):
            if os.stat(written).st_nlink > 1:
                refuse_input_as_output(written, files)
    for written in outputs:  # those of an earlier run killed while writing them
        written = written.resolve()
        remove_stale_temporaries(written.parent, temporary_name(written.name).__eq__)
    roots = [Path(path).resolve() for path in args.paths if Path(path).is_dir()]
    if not files:
        where = "、".join(f"“{path}”" for path in args.paths)
        print(f"jixiao batch：{where}中没有找到工作簿（{'、'.join(SUFFIXES)}），未写出汇总表；"
              "请检查文件夹路径", file=sys.stderr)
        place = Places(roots, None).named
        for text in (describe_own(own, place), describe_others(others, place)):
            if text:
                print(f"jixiao batch：{text}", file=sys.stderr)
        return 2

    options = BatchOptions(rules=args.rules, workers=args.workers, engine=args.engine,
                           scheduler=args.scheduler, annotate_dir=annotate_dir, force=args.force,
                           timeout=seconds)
    cache = ResultCache(output.resolve().parent, args.rules, limits)
    progress = Progress(len(files))
    stop = Stop()  # Ctrl-C, SIGTERM, SIGHUP: the files done so far still get their summary
    # The summary's rows are written as the files come (in path order); write_summary
    # adds the 统计 sheet and makes the file.
    with Summary(output, files, others, own, roots=roots,
                 annotate_dir=annotate_dir) as summary, stop.installed():
        try:
            run = run_batch(files, cache, options, on_outcome=summary.add, progress=progress,
                            roots=roots, odd=odd, stop=stop)
            if run.interrupted:
                print(f"\njixiao batch：已中断，正在写出已完成的 {len(run.done)} 个文件……",
                      file=sys.stderr)
            with stop.deferred(raising=False):  # a signal now waits for the summary
                # copies of files gone; where discovery walks (--annotate-dir 收件) they
                # are listed as jixiao's own outputs already
                if annotate_dir is not None and (
                        skip or not _inside_inputs(annotate_dir, args.paths)):
                    summary.earlier_copies = describe_earlier_copies(earlier_copies(
                        annotate_dir, [*run.targets.values(), *run.annotated.values()],
                        roots), annotate_dir, run.targets)
                summary.failed_copies = describe_failed_copies(run.copies_failed)
                # the cache this run made gives way on a full disk: the summary comes first
                cache.make_room(summary.size_estimate()
                                + (cache.outcome_bytes() if args.json else 0))
                target = write_summary(output, summary, run, args.rules,
                                       keep=not args.force)
                if args.json:
                    write_jsonl(Path(args.json), cache, run)
        finally:
            cache.close()
            for note in cache.notes:
                print(f"jixiao batch：{note}", file=sys.stderr)
    counts = summary.counts()
    # an archive or PDF is never opened, so never cached: not counted as a file changed
    unopened = f"；{run.unopened} 个未打开：压缩包、PDF 等" if run.unopened else ""
    print(f"已校验 {len(run.done)}/{len(files)} 个文件（{run.cached} 个未变化，取自缓存{unopened}），"
          f"用时 {run.seconds:.1f} 秒："
          + (f"{counts['未填写']} 张表未填写（应整表退回重填），" if counts['未填写'] else "")
          + f"{counts['有错误']} 张表有错误，{counts['有警告']} 张只有警告，"
          f"{counts['须人工审核']} 张须人工审核（得分无法按规则核对），{counts['通过']} 张通过，"
          f"{counts['无法读取']} 个文件无法读取"
          + "".join(f"，{counts[status]} 个文件{said}" for status, said in (
              (EMPTY, "是空的"), (NOT_A_TABLE, "不是自评表"),
              (UNRECOGNISED, "未识别出表格（须人工查看）")) if counts[status])
          + (f"；另有 {summary.duplicates} 个文件与另一文件内容相同（重复提交），不重复计数"
             if summary.duplicates else ""))
    if summary.notice:
        print(summary.notice)
    print(f"已写入汇总：{target}"
          + (not_replaced(output, edited=edited_summary(output)) if target != output else "")
          + (f"；JSON Lines：{args.json}" if args.json else ""))
    _say_renamed_copies(run.annotated, run.targets, run.written)
    if stop.received is not None:
        return 128 + stop.received  # 130 Ctrl-C, 143 SIGTERM, 129 SIGHUP
    # annotated copies asked for and not written (a full or read-only disk): an output of
    # the run is missing, as when ``jixiao check --annotate`` cannot write its copy
    return 2 if run.copies_failed else summary.exit_code()


def _say_renamed_copies(annotated: dict[str, str], targets: dict[str, str],
                        written: set[str]) -> None:
    """The annotated copies this run wrote (``written``: their files; not one found from
    the cache) under another name than their own, because a file there was kept (a unit's
    table, a copy the reviewer edited): each, as check says it (``fileio.not_replaced``;
    batch's --force only skips the cache, so the hint is to move the file), the first few."""
    from jixiao.fileio import not_replaced

    renamed = [(copy, targets[file]) for file, copy in annotated.items()
               if file in targets and file in written and copy != targets[file]]
    for copy, target in renamed[:_RENAMED_SHOWN]:
        print(f"已写入标注副本：{copy}{not_replaced(Path(target), force=False)}")
    if len(renamed) > _RENAMED_SHOWN:
        print(f"……共 {len(renamed)} 个标注副本因同名文件已存在而另存为“(2)”等新文件名，"
              "汇总表的“标注副本”栏链接到实际写出的文件")


_RENAMED_SHOWN = 5


def _inside_inputs(folder: Path, paths: list[str]) -> bool:
    """Whether ``folder`` is one of the folders given, or inside one (discovery walks it)."""
    real = os.path.normcase(os.path.realpath(folder))
    for path in paths:
        given = os.path.normcase(os.path.realpath(path)).rstrip(os.sep)
        if os.path.isdir(path) and (real == given or real.startswith(given + os.sep)):
            return True
    return False


def _holds_inputs(folder: Path, paths: list[str]) -> bool:
    """Whether ``folder`` is one of the folders (or files) given, or holds one."""
    real = os.path.normcase(os.path.realpath(folder))
    for path in paths:
        given = os.path.normcase(os.path.realpath(path))
        if given == real or given.startswith(real.rstrip(os.sep) + os.sep):
            return True
    return False
