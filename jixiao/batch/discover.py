"""Finding the workbooks of a batch (``jixiao batch``) below folders, files and globs.

Only regular files are ever opened: an entry with a workbook's name that is
something else — a folder named ``x.xlsx``, a link that loops or points nowhere,
a named pipe (opening one waits forever), a device — is listed with the reason,
so that it becomes a row of the summary instead of a hang or a traceback. So is a
file a unit sent instead of its workbook (a zip, a PDF): known by its name, not opened.

(Over 400 lines: finding the files and the lines that describe what was found beside
them — other files, jixiao's own outputs, earlier annotated copies — kept together.)
"""

from __future__ import annotations

import glob
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from jixiao.batch.outcome import path_order

# Workbooks: .xlsx/.xlsm read whole; .xls, .xlsb, .ods and WPS's .et by value (a file that
# is none of them after all is a row saying why); a Word .docx's or .doc's tables by value
# too, and a WPS 文字 .wps's (Kingsoft's format is Word 97-2003's binary) — one without a
# 自评表 (a 自评报告) gets no row, only a count (``describe_without_table``).
# Excel's templates (.xltx, .xltm) are packages as .xlsx files are, read whole. A file
# without an extension (an .xlsx sent over WeChat or QQ, its name cut) is one if its bytes
# say so (``_sniffed_workbook``).
SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".ods", ".et", ".docx", ".doc",
            ".wps")

# What a unit sends instead of its workbook and jixiao cannot check: an archive of its files,
# a table printed to PDF or OFD. When no workbook was found in its folder (or below), each
# is a row of the summary (无法读取), in its folder — the reviewer sees whose submission
# went unchecked and what to ask for — and counts in the exit code as a file that could
# not be read; beside a workbook (the stamped PDF, the zip already unpacked) it is only
# named in the closing line (``SENT_BESIDE``). Known by the name alone: never opened (a
# scanned PDF of 50 MB is no workbook over the size limit). After the file's quoted name:
_UNPACK = "请解压后再校验（jixiao batch 可校验解压后的整个文件夹）"
_ASK_FOR_EXCEL = "请向填报单位索取 Excel 版（或 Word 原文件）"
UNCHECKED_KINDS = {
    ".zip": f"是压缩包，其中的文件未校验：{_UNPACK}",
    ".rar": f"是压缩包，其中的文件未校验：{_UNPACK}",
    ".7z": f"是压缩包，其中的文件未校验：{_UNPACK}",
    ".pdf": f"是 PDF 文件（打印的版面），其中的表格无法校验：{_ASK_FOR_EXCEL}",
    ".ofd": f"是 OFD 版式文件（与 PDF 一样是打印的版面），其中的表格无法校验：{_ASK_FOR_EXCEL}"}
SENT_BESIDE = {".zip": "压缩包", ".rar": "压缩包", ".7z": "压缩包",
               ".pdf": "PDF/OFD", ".ofd": "PDF/OFD"}

# What else a folder of submissions holds that may be a table jixiao cannot check: one
# exported as CSV (or a reviewer's own list). Named in the batch's closing line and its
# 统计 sheet, so that none is passed over unnoticed, but no row (images and other files
# are not mentioned at all).
# A table saved as a web page (.htm, .html) is read by ``jixiao check``, but an inbox's
# pages are seldom tables (a notice saved from a browser): named, with how to check one.
OTHER_KINDS = {".csv": "CSV 文本",  # a table exported as text: no merges, no layout to read
               ".htm": "网页", ".html": "网页"}
_CHECK_ONE_BY_ONE = {"网页": "网页格式的表格可用 jixiao check 逐个校验"}

# A download not finished: a browser's 自评表.xlsx.crdownload (Chrome, Edge; "Unconfirmed
# 123456.crdownload" before it is named), .part (Firefox), .download (Safari: a folder), a
# download tool's .tmp or .partial. A row (``_sort_sent``: the unit's table is not in yet),
# unless the finished file of its name (自评表.xlsx) is beside it: then named in the closing
# line — another workbook in the folder is no reason to pass it over. Only what clearly is
# one of a file the batch would have checked or named: the name before the suffix ends in
# a workbook's (or a zip's, a PDF's, a CSV's) suffix, or, a browser's, has no suffix at all;
# Excel's own 8F3A21C0.tmp, a photo's .part are no tables.
PARTIAL_DOWNLOAD = "未下载完的文件"
_DOWNLOADING = f"是{PARTIAL_DOWNLOAD}，请等下载完成后重新运行或重新下载"
_BROWSER_PARTIAL = (".crdownload", ".part", ".download")
_PARTIAL = (*_BROWSER_PARTIAL, ".tmp", ".partial")
_CHECK_ONE_BY_ONE[PARTIAL_DOWNLOAD] = f"{PARTIAL_DOWNLOAD}请等下载完成后重新运行或重新下载"


def partial_download(name: str) -> bool:
    """Whether a file named ``name`` is a table still downloading (a folder:
    ``downloading_folder``)."""
    stem, suffix = os.path.splitext(name)
    if suffix.lower() not in _PARTIAL:
        return False
    inner = os.path.splitext(stem.rstrip(" "))[1].lower()
    return inner in SUFFIXES or inner in UNCHECKED_KINDS or inner in OTHER_KINDS \
        or (not inner and suffix.lower() in _BROWSER_PARTIAL)


def downloading_folder(name: str) -> bool:
    """Whether a folder named ``name`` is Safari's download not finished: NAME.xlsx.download
    (the name before .download is one ``partial_download`` takes). Any other folder —
    资料.download, 备份.part — is entered as usual: it may hold the unit's table."""
    stem, suffix = os.path.splitext(name)
    return suffix.lower() == ".download" and bool(os.path.splitext(stem.rstrip(" "))[1]) \
        and partial_download(name)


def _unchecked(name: str) -> str | None:
    """Why a file sent instead of a workbook is not checked (a zip, a PDF, a download not
    finished), or None: not one."""
    if partial_download(name):
        return _DOWNLOADING
    return UNCHECKED_KINDS.get(os.path.splitext(name)[1].lower())


def discover(arguments: Iterable[str], skip: Iterable[str | Path] = (),
             odd: dict[str, str] | None = None,
             outputs: Iterable[str | Path] = (),
             others: dict[str, str] | None = None,
             own: dict[str, str] | None = None) -> list[str]:
    """Every workbook below the given folders, files or glob patterns, sorted
    (``outcome.path_order``: natural order, 项目2 before 项目10), each once.

    Office's lock files (``~$…``), hidden files and folders, and the paths in ``skip``
    (the folder of annotated copies) are left out. An entry with a workbook's name
    that is not a regular file (a folder named ``x.xlsx``, a link that loops or
    points nowhere, a named pipe, a device) is never opened: when ``odd`` is given
    it is listed too, with the reason in ``odd[path]``, so it becomes a row; so is a
    file sent instead of a workbook (an archive, a PDF: ``UNCHECKED_KINDS``).
    ``outputs`` (the summary, the JSON Lines) are left out if jixiao wrote them
    (``_ours``); a file the user submitted there is refused (``OutputError``).
    ``others``, when given, gets the documents found in the folders that are no
    workbooks (``OTHER_KINDS``: path → kind), for ``describe_others``.
    ``own``, when given, gets the workbooks jixiao wrote itself (an earlier summary, an
    annotated copy: ``xlsx.marks``; path → what it is), which are then not checked.
    """
    from jixiao.errors import JixiaoError, OutputError
    from jixiao.xlsx.marks import written_by_jixiao

    # Plain strings, not Paths: 2,000 files took 0.1 s of Path objects. normcase: on
    # Windows paths compare case-insensitively, as Paths do there.
    skipped = [os.path.normcase(os.path.realpath(item)) for item in skip]
    written = {os.path.normcase(os.path.realpath(item)): Path(item) for item in outputs}
    found: dict[str, str] = {}  # real path (normcase) → the path as found
    strange: dict[str, str] = {}  # the path as found → why it is not read
    sent: dict[str, str] = {}  # a zip or PDF: a row only if its unit sent no workbook
    for argument in arguments:
        named = os.path.lexists(argument)
        matches = [argument] if named else sorted(glob.glob(argument, recursive=True),
                                                          key=path_order)
        if not matches:
            raise JixiaoError(f"找不到“{argument}”：既不是文件或文件夹，也没有与之匹配的文件")
        for match in matches:
            if not named and os.path.basename(match).startswith(("~$", ".~lock.")):
                continue  # Office's lock file, matched by a pattern (收件/*.xlsx)
            # a file named on the command line is taken even if its name is hidden
            unchecked = _unchecked(os.path.basename(match))
            if unchecked and os.path.isfile(match):  # 收件/*: a zip among the files named
                sent[str(Path(match))] = unchecked
                continue
            candidates = _walk(Path(match), strange, others, sent) if os.path.isdir(match) \
                else _entry(str(Path(match)), None, strange, named=True)
            for path, real in candidates:
                key = os.path.normcase(real)
                if key in written:
                    if not _ours(path):
                        raise OutputError(
                            f"输出文件“{written[key]}”就是要校验的文件“{path}”，不能覆盖原文件；"
                            "请另选一个文件名")
                elif key in found and os.path.islink(found[key]) and not os.path.islink(path):
                    found[key] = path  # the file itself, not a link to it found first
                elif key not in found and not _skipped(key, skipped):
                    if own is not None and path.lower().endswith(_ZIPPED):
                        kind = written_by_jixiao(path)
                        if kind is not None:
                            own[path] = kind
                            continue
                    found[key] = path
    _sort_sent(sent, found.values(), strange, others)
    if odd is not None:
        odd.update((path, why) for path, why in strange.items()
                   if not _skipped(os.path.normcase(os.path.abspath(path)), skipped))
        return sorted([*found.values(), *odd], key=path_order)
    return sorted(found.values(), key=path_order)


_ZIPPED = (".xlsx", ".xlsm")  # what jixiao writes: only these can be its outputs


def _sort_sent(sent: dict[str, str], workbooks: Iterable[str], strange: dict[str, str],
               others: dict[str, str] | None) -> None:
    """A zip or PDF whose folder (or a folder below it) holds a workbook found is the
    unit's stamped copy or the archive already unpacked beside it: named in the closing
    line (``others``), as a 自评报告 is; otherwise it is what the unit sent instead of its
    workbook, a row of its own (``strange``) — the reviewer must ask for the table. A
    download not finished is named only when its finished file (自评表.xlsx beside
    自评表.xlsx.crdownload) is there; beside another workbook it is a row: that table is
    not in yet."""
    if not sent:
        return
    folders = set()
    for path in workbooks:
        folder = os.path.dirname(os.path.abspath(path))
        while folder not in folders:
            folders.add(folder)
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
    for path, why in sent.items():
        if why == _DOWNLOADING:
            alone = not _finished(path)
        else:
            alone = os.path.dirname(os.path.abspath(path)) not in folders
        if alone:
            strange[path] = why
        elif others is not None:
            others[path] = PARTIAL_DOWNLOAD if why == _DOWNLOADING \
                else SENT_BESIDE[os.path.splitext(path)[1].lower()]


def _finished(path: str) -> bool:
    """Whether the finished file of the download not finished ``path`` is beside it:
    自评表.xlsx for 自评表.xlsx.crdownload (or 自评表.xlsx .part)."""
    stem = os.path.splitext(path)[0]
    return os.path.isfile(stem) or os.path.isfile(stem.rstrip(" "))


def _walk(folder: Path, strange: dict[str, str],
          others: dict[str, str] | None = None,
          sent: dict[str, str] | None = None) -> Iterator[tuple[str, str]]:
    """Each workbook below ``folder`` but Office's lock files and hidden ones: its path,
    and its real path. A folder's real path is found once, not for each of its files:
    only a file that is a link is resolved itself. Linked folders are not entered (no
    loops); entries with a workbook's name that cannot be read go to ``strange``."""
    pending = [str(folder)]
    while pending:
        root = pending.pop()
        here, real_here = str(Path(root)), os.path.realpath(root)
        try:
            with os.scandir(root) as listing:
                entries = sorted(listing, key=lambda entry: path_order(entry.name))
        except OSError as error:
            strange[here] = _unreadable_folder(error)
            continue
        folders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder and downloading_folder(name) and sent is not None:
                sent[os.path.join(here, name)] = _DOWNLOADING  # Safari's: not entered
            elif is_folder:
                folders.append(os.path.join(here, name))
                if name.lower().endswith(SUFFIXES):
                    strange[os.path.join(here, name)] = "是一个文件夹，不是工作簿"
            elif not name.startswith("~$") and (
                    name.rstrip(" ").lower().endswith(SUFFIXES)  # x.xlsx␠ too
                    or (not os.path.splitext(name)[1] and _sniffed_workbook(entry))):
                yield from _entry(os.path.join(here, name), entry, strange,
                                  real=os.path.join(real_here, name))
            elif not name.startswith("~$"):
                extension = os.path.splitext(name)[1].lower()
                unchecked = _unchecked(name)
                if unchecked and sent is not None:  # sorted at the end
                    sent[os.path.join(here, name)] = unchecked
                elif others is not None and extension in OTHER_KINDS:
                    others[os.path.join(here, name)] = OTHER_KINDS[extension]
        pending.extend(reversed(folders))


def _sniffed_workbook(entry: os.DirEntry[str]) -> bool:
    """Whether a regular file without an extension is a workbook by its bytes: a zip whose
    directory lists a workbook part (.xlsx, .xlsm, .xlsb), an .ods, or an .xls. Only files
    without an extension are opened (a few, as a rule), each once: a zip's first and last
    bytes read, an OLE2 file's streams named (``foreign.file_ends``, ``foreign_format``)."""
    from jixiao.xlsx.foreign import CFB, file_ends, foreign_format

    try:
        if not entry.is_file(follow_symlinks=False):
            return False
        head, tail = file_ends(entry.path)
        if head.startswith(CFB):
            return foreign_format(head) == "xls"
    except OSError:
        return False
    return head.startswith(b"PK\x03\x04") \
        and (b"xl/workbook" in tail or foreign_format(head) == "ods")


def _entry(path: str, entry: os.DirEntry[str] | None, strange: dict[str, str], *,
           real: str | None = None, named: bool = False) -> Iterator[tuple[str, str]]:
    """``path`` and its real path if it is a regular file or a link to one; otherwise
    the reason it is not read goes to ``strange``. A plain file costs no system call
    here (the folder listing says what it is)."""
    import stat

    try:
        if entry is not None and entry.is_file(follow_symlinks=False):
            yield path, real or os.path.realpath(path)
            return
        mode = os.stat(path).st_mode  # follows a link; a loop or a dangling link fails
    except OSError as error:
        strange[path] = _why_unreadable(error, os.path.islink(path))
        return
    if stat.S_ISREG(mode):
        yield path, os.path.realpath(path)
    elif stat.S_ISDIR(mode):
        if not named:
            strange[path] = "是一个文件夹（或指向文件夹的链接），不是工作簿"
    else:
        strange[path] = "不是普通文件（而是命名管道、设备或套接字），未读取"


def _why_unreadable(error: OSError, link: bool) -> str:
    import errno

    from jixiao.fileio import os_error_text

    if error.errno == errno.ELOOP:
        return "是循环的符号链接（链接最终指向自己），未读取"
    if link and error.errno == errno.ENOENT:
        return "是符号链接，但它指向的文件不存在"
    return f"无法读取：{os_error_text(error)}"


def _unreadable_folder(error: OSError) -> str:
    from jixiao.fileio import os_error_text

    return f"是无法打开的文件夹（{os_error_text(error)}），其中的文件未校验"


def _ours(path: str) -> bool:
    """Whether an output file met among the inputs is one jixiao wrote: a summary
    (its 汇总 and 问题明细 sheets) or anything that is not a workbook (JSON Lines)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            workbook = archive.read("xl/workbook.xml")
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        try:
            with open(path, "rb") as stream:
                return stream.read(4) != b"PK\x03\x04"
        except OSError:
            return True
    from jixiao.batch.outcome import FINDINGS_SHEET, SUMMARY_SHEET

    return all(f'name="{sheet}"'.encode() in workbook for sheet in (SUMMARY_SHEET, FINDINGS_SHEET))


def _skipped(key: str, skipped: list[str]) -> bool:
    """Whether the real path ``key`` is one of ``skipped`` or inside one."""
    return any(key == item or key.startswith(item if item.endswith(os.sep) else item + os.sep)
               for item in skipped)


def _first_few(paths: Iterable[str], place: Callable[[str], str]) -> str:
    """The first three of ``paths`` in path order, each as ``place`` shows it (with its
    folder: every unit sends its 自评报告.docx), and “ 等” when there are more."""
    paths = sorted(paths, key=path_order)
    return "、".join(map(place, paths[:_NAMED])) + (" 等" if len(paths) > _NAMED else "")


_NAMED = 3  # files a note names


def describe_others(others: dict[str, str], place: Callable[[str], str] = str) -> str:
    """One line on the documents that are no workbooks: how many of each kind, a few
    of them, each as ``place`` shows it (the summary's: below the inbox's folder); empty
    when there are none."""
    if not others:
        return ""
    kinds = "、".join(f"{kind} {count} 个" for kind, count in Counter(others.values()).items())
    names = _first_few(others, place)
    hints = "".join(f"；{_CHECK_ONE_BY_ONE[kind]}" for kind in dict.fromkeys(others.values())
                    if kind in _CHECK_ONE_BY_ONE)
    review = "；其中若有自评表，须人工审核，或请填报单位提交 Excel 版" \
        if set(others.values()) - {PARTIAL_DOWNLOAD} else ""  # a partial one's table is beside it
    return f"另有 {len(others)} 个文件不是工作簿，未校验（{kinds}：{names}）{review}{hints}"


def describe_own(own: dict[str, str], place: Callable[[str], str] = str) -> str:
    """One line on the workbooks jixiao wrote itself found among the submissions (an
    earlier summary, annotated copies): how many of each, a few of them (as ``place``
    shows them); empty if none."""
    if not own:
        return ""
    kinds = "、".join(f"{kind} {count} 个" for kind, count in Counter(own.values()).items())
    return f"另有 {len(own)} 个文件是 jixiao 的输出，未校验（{kinds}：{_first_few(own, place)}）"


def earlier_copies(folder: str | Path, current: Iterable[str],
                   passed: Iterable[str | Path] = ()) -> list[str]:
    """The annotated copies below ``folder`` (``--annotate-dir``) that jixiao wrote and
    that are none of ``current`` (where this run's files have theirs): left by an earlier
    run of a file no longer in the inbox — renamed, or replaced by a corrected version —
    with that file's old marks. Known by jixiao's mark as discovery knows its own
    (``written_by_jixiao``), never by the name alone: a file the reviewer put there, or a
    copy edited and saved since, is not one. Only a copy not of this run is looked at,
    and only as far as that check reads (never parsed as a workbook); hidden files (temporary ones), Office's lock files and
    linked folders are left out, and so are the folders in ``passed`` (the inbox inside
    ``--annotate-dir .``: discovery lists the copies there as jixiao's own). Nothing is
    changed. Only the folders where this run has copies too are looked at: a run on
    part of the inbox says nothing of the other units' copies. Sorted (``path_order``)."""
    from jixiao.xlsx.marks import ANNOTATED_MARK, written_by_jixiao

    real_folders: dict[str, str] = {}  # a folder's real path, found once per folder

    def key(path: str) -> str:
        head, name = os.path.split(path)
        if head not in real_folders:
            real_folders[head] = os.path.realpath(head or ".")
        return os.path.normcase(os.path.join(real_folders[head], name))

    ours = {key(path) for path in current}
    # only beside this run's own copies: a run on one unit's folder (batch 收件/甲单位 with
    # the 标注 of the whole inbox) must not call every other unit's copy stale
    here = {os.path.dirname(path) for path in ours}
    left_out = {os.path.normcase(os.path.realpath(item)) for item in passed}
    found = []
    pending = [str(folder)]
    while pending:
        root = pending.pop()
        real_root = os.path.realpath(root)
        try:
            with os.scandir(root) as listing:
                entries = list(listing)
        except OSError:
            continue  # a folder that cannot be listed: no copy of it is named
        for entry in entries:
            name = entry.name
            if name.startswith((".", "~$")):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if os.path.normcase(os.path.join(real_root, name)) not in left_out:
                        pending.append(entry.path)
                    continue
                if not (name.lower().endswith(_ZIPPED) and entry.is_file(follow_symlinks=False)):
                    continue
            except OSError:
                continue
            if os.path.normcase(real_root) in here \
                    and os.path.normcase(os.path.join(real_root, name)) not in ours \
                    and written_by_jixiao(entry.path) == ANNOTATED_MARK:
                found.append(entry.path)
    return sorted(found, key=path_order)


def describe_earlier_copies(copies: list[str], folder: str | Path,
                            targets: dict[str, str] | None = None) -> str:
    """One line on ``earlier_copies``: how many, the first few below ``folder``; empty
    if none. A copy at a numbered name of a file's copy this run (``targets``: file →
    its copy's name; NAME-校验 (2).xlsx beside NAME-校验.xlsx, left from a run when a
    file was kept there) is an older copy of a file still in the inbox: said so, with
    that file's name, apart from the copies whose files are gone. Nothing is removed."""
    older = _older_copies(copies, targets or {})
    gone = [path for path in copies if path not in older]
    lines = []
    if older:
        names = "、".join(f"{os.path.relpath(path, folder)}（{os.path.basename(older[path])}）"
                         for path in list(older)[:_COPIES_NAMED])
        more = " 等" if len(older) > _COPIES_NAMED else ""
        lines.append(f"标注文件夹中另有 {len(older)} 个收件夹中文件的旧标注副本（本次已写入新的副本）："
                     f"{names}{more}；转发前请删除")
    if gone:
        names = "、".join(os.path.relpath(path, folder) for path in gone[:_COPIES_NAMED])
        more = " 等" if len(gone) > _COPIES_NAMED else ""
        lines.append(f"标注文件夹中另有 {len(gone)} 个以前的标注副本，对应的原文件已不在收件夹中"
                     f"（可能已改名或换成修改版）：{names}{more}；转发前请删除")
    return "；".join(lines)


def _older_copies(copies: list[str], targets: dict[str, str]) -> dict[str, str]:
    """Of ``copies``, those at a name of a file's copy (``targets``: file → NAME-校验.xlsx)
    or a numbered one of it (NAME-校验 (2).xlsx, ``fileio.numbered_name``): copy → file."""
    def key(path: str) -> str:
        return os.path.normcase(os.path.realpath(path))

    files = {key(target): file for file, target in targets.items()}
    older = {}
    for path in copies:
        head, name = os.path.split(path)
        stem, extension = os.path.splitext(name)
        base = _NUMBERED.sub("", stem)
        file = files.get(key(os.path.join(head, base + extension)))
        if file is not None:
            older[path] = file
    return older


_NUMBERED = re.compile(r" \(\d+\)$")  # the number NAME (2).xlsx carries


_COPIES_NAMED = 3


def describe_failed_copies(failed: dict[str, str]) -> str:
    """One line on the annotated copies that could not be written: how many, and why
    (each cause with its count); empty when there are none."""
    if not failed:
        return ""
    causes = Counter(failed.values())
    why = ("：" + next(iter(causes)) if len(causes) == 1 else "（" + "；".join(
        f"{cause} {count} 个" for cause, count in causes.most_common()) + "）")
    return (f"{len(failed)} 个文件的标注副本未能写出{why}；"
            "各文件在汇总的“原因”栏写明，请处理后重新运行")


def describe_without_table(files: list[str], place: Callable[[str], str] = str) -> str:
    """One line on the Word documents checked in which no 自评表 was found (自评报告, as a
    rule): how many, a few of them (as ``place`` shows them); empty when there are none.
    They get no row."""
    if not files:
        return ""
    return (f"Word 文档 {len(files)} 个中没有自评表（{_first_few(files, place)}），未列入汇总；"
            "多为自评报告，若其中应有自评表，请人工审核")


def describe_results_lists(files: list[str], place: Callable[[str], str] = str) -> str:
    """One line on the 自评结果汇总表 files (a department's list of its projects' results,
    ``errors.ResultsSummary``): how many, a few of them (as ``place`` shows them); empty
    when there are none. They get no row and raise no exit code."""
    if not files:
        return ""
    return (f"自评结果汇总表 {len(files)} 个（{_first_few(files, place)}）不是自评表，"
            "未校验，未列入汇总")


__all__ = ["OTHER_KINDS", "SUFFIXES", "UNCHECKED_KINDS", "describe_earlier_copies",
           "describe_failed_copies", "describe_others", "describe_own", "describe_results_lists",
           "describe_without_table", "discover", "earlier_copies"]
