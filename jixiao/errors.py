"""The one exception hierarchy of jixiao.

    JixiaoError                  every error a user may see; its text is Chinese
     ├── UnreadableWorkbook      corrupt, encrypted, .xls, too large, missing …
     │    ├── Encrypted          protected by a password to open
     │    └── StrictOpenXml      Strict Open XML: checked, but never written into
     ├── NotASelfEvaluation      readable, but no 自评表 found in it
 │    ├── EmptyWorkbook      nothing at all in it (every sheet blank, or 0 bytes)
 │    ├── TargetsOnly        a 绩效目标表
 │    ├── UnrecognisedTable  titled a 自评表, its header row not found
 │    └── ResultsSummary     a 自评结果汇总表: a list of projects' results, no 自评表
     ├── UnknownRuleSet          a rule-set name that does not exist
     ├── ScoreInputError         inputs a rule cannot score (a budget of 0 …)
     ├── OutputError             the result file could not be written
     ├── UsageError              the command was asked for something it does not do
     ├── NoExcel                 no desktop Excel here to install the add-in into
     └── TimedOut                one file's work took longer than its time limit

The command line catches ``JixiaoError`` and prints ``str(error)`` — one line,
no traceback — with exit code 2. A mistake made in several places is raised by
one function here (``missing_file``, ``wrong_suffix``), so it always reads alike.
"""

from __future__ import annotations

import errno


class JixiaoError(Exception):
    """Base class; ``str()`` is a complete Chinese sentence for the user."""

    exit_code = 2


class UnreadableWorkbook(JixiaoError):
    """The file cannot be opened as an .xlsx/.xlsm workbook."""


class Encrypted(UnreadableWorkbook):
    """The file is protected by a password to open (made by ``encrypted``)."""


def encrypted(for_clerk: str) -> Encrypted:
    """The refusal of a file with a password: ``for_clerk`` tells the clerk, who knows
    the password, how to take it off, and it goes on to the reviewer, who has none — one
    text for ``check``, its JSON, and a batch's 汇总 and frame."""
    return Encrypted(f"{for_clerk}；{_FOR_REVIEWER}")


_FOR_REVIEWER = "没有密码的审核人，请填报单位提交未加密的文件"

# Said of a file cut short and modified moments ago (``xlsx.guard``): its refusal depends on
# when it is checked, so a batch's cache keeps no such result (``in_transit``).
IN_TRANSIT = "可能正在复制或下载"


def in_transit(error: str | None) -> bool:
    """Whether a refusal says the file may still be being copied or downloaded."""
    return error is not None and IN_TRANSIT in error


class StrictOpenXml(UnreadableWorkbook):
    """A Strict Open XML workbook given to what writes into the file (recalculation, the
    annotated copy): the reader reads it (``xlsx.strict``), these refuse it."""


class NotRecalculated(JixiaoError):
    """A readable workbook ``jixiao recalc`` leaves to the spreadsheet program: jixiao's
    native template with rows inserted or deleted, formulas of the clerk's own, or formulas
    an older jixiao wrote (``native.older_formulas``). Nothing
    is written; exit 1 (the results are not computed), not 2 (the file reads)."""

    exit_code = 1


class NotASelfEvaluation(JixiaoError):
    """The workbook opens, but no 项目支出绩效自评表 was read from it: another form, or
    sheets of something else (a 工资表). Its subclasses say what a reviewer does instead
    of ignoring it or asking for the 自评表 (a batch's 汇总 gives each its 状态)."""


class EmptyWorkbook(NotASelfEvaluation):
    """Every sheet of the workbook is blank, or the file has no bytes at all (a failed
    upload): the unit is asked to send the file again."""


class TargetsOnly(NotASelfEvaluation):
    """The workbook holds a 绩效目标表 (targets only, no 完成值 or 得分), not the 自评表."""


class UnrecognisedTable(NotASelfEvaluation):
    """The workbook is titled a 自评表, but no header row of a layout jixiao reads was
    found under it: the reviewer opens it by hand."""


class ResultsSummary(NotASelfEvaluation):
    """The workbook is a department's 自评结果汇总表 (its projects' 自评得分 or 等级, with
    their money or not, one line or column each): sent beside the 自评表 it sums up, nothing to check and nothing
    wrong — it raises no exit code, and a batch gives it no row."""


class UnknownRuleSet(JixiaoError):
    """A rule-set name that jixiao does not know."""


class ScoreInputError(JixiaoError):
    """Inputs a rule cannot score (a budget of 0, a negative 分值 …)."""


class OutputError(JixiaoError):
    """The output file could not be written."""


class UsageError(JixiaoError):
    """A command given arguments it cannot act on (a folder to ``check``, …); the
    message says which command does it."""


class NoExcel(JixiaoError):
    """This operating system has no desktop Excel to install the add-in into."""


class TimedOut(JixiaoError):
    """One file's work was abandoned after its time limit (``timeouts.time_limit``)."""


def missing_file(path: object) -> UnreadableWorkbook:
    """The error of a file that is not there, wherever it is looked for."""
    return UnreadableWorkbook(f"找不到文件“{path}”")


_ERRNO_TEXTS = {
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "所在磁盘是只读的",
    errno.ENOENT: "找不到文件或目录",
    errno.EISDIR: "这是一个文件夹",
    errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EDQUOT: "磁盘配额已满",
    errno.EIO: "磁盘读写错误",
    errno.ELOOP: "符号链接循环（链接最终指向自己）",
    errno.ENXIO: "不是普通文件（如命名管道），无法读取",
    errno.EEXIST: "同名的文件已存在",
    errno.ENOTDIR: "路径中有一段是文件而不是文件夹",
}


def os_error_text(error: OSError) -> str:
    """An operating-system error in Chinese: "没有权限", "磁盘空间不足" …"""
    if getattr(error, "winerror", None) in (32, 33):  # sharing / lock violation on Windows
        return "文件正被其他程序打开（如 Excel），请先关闭它"
    return _ERRNO_TEXTS.get(error.errno or 0, error.strerror or str(error))


def damage_text(error: BaseException) -> str:
    """What a reader's exception says is wrong with a file, in Chinese — never the class
    name, which tells a user nothing: a member missing by its name, XML not well-formed by
    its line, a zip damaged, cut short … The exception chain is followed to its most
    telling link (openpyxl wraps the cause in a ValueError of its own)."""
    import re
    import zipfile
    import zlib
    from xml.etree.ElementTree import ParseError

    link: BaseException | None = error
    seen = 0
    while link is not None and seen < 8:
        seen += 1
        if isinstance(link, KeyError):
            said = str(link.args[0]) if link.args else ""
            named = re.search(r"named '([^']+)'", said)  # zipfile's "There is no item named …"
            member = named.group(1) if named else said if "/" in said or "." in said else ""
            return f"缺少部件 {member}" if member else "缺少必需的部件"
        if isinstance(link, ParseError):
            line, column = getattr(link, "position", (0, 0))
            return f"XML 格式错误，第 {line} 行第 {column} 列" if line else "XML 格式错误"
        if isinstance(link, UnicodeDecodeError):
            return "文字编码不是 UTF-8"
        if isinstance(link, zlib.error):
            return "压缩数据损坏"
        if isinstance(link, zipfile.BadZipFile):
            return "校验和不符，内容已改变" if "CRC" in str(link) else "压缩包已损坏"
        if isinstance(link, EOFError):
            return "文件提前结束"
        if isinstance(link, NotImplementedError):
            return "不支持的压缩方式"
        if isinstance(link, MemoryError):
            return "内容过大，内存不足"
        if isinstance(link, OSError):
            return os_error_text(link)
        link = link.__cause__ or link.__context__
    return "内容格式异常"


def sheet_part_missing(file_name: str, sheet: str, member: str) -> UnreadableWorkbook:
    """The error of a workbook that lists a sheet whose part is not in its zip: damaged
    (cut short, or a member deleted), whichever reader meets it."""
    return UnreadableWorkbook(f"“{file_name}”已损坏：工作表“{sheet}”的内容（{member}）不在文件中；"
                              "请向填报单位重新索取原文件（或在 Excel 中打开、让它修复后另存）")


def folder_given(path: object, task: str = "", instead: str = "",
                 kind: type[JixiaoError] = UsageError) -> JixiaoError:
    """The error of a folder given where one file is read: ``task`` says what the command
    does with one file (“jixiao check 校验单个文件”), ``instead`` what to run for a folder;
    ``kind``: UnreadableWorkbook where a reader meets it."""
    return kind(f"“{path}”是文件夹；{task or '这里需要一个文件'}{instead}")


def wrong_suffix(path: object, what: str = "输出文件", suffix: str = ".xlsx") -> OutputError:
    """The error of an output file named with the wrong ending."""
    return OutputError(f"{what}“{path}”须以 {suffix} 结尾")
