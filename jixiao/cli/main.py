"""The ``jixiao`` command line.

Each sub-command lives in its own module ``jixiao.cli.<name>`` exposing
``configure(parser)`` and ``run(args) -> int``; those modules import nothing
heavy at top level, so ``jixiao --help`` is instant. Every ``JixiaoError``
becomes one Chinese line on stderr and exit code 2 — never a traceback. Whatever is
printed goes through ``terminal.printable`` (no control character from a file reaches
the terminal), and a closed pipe or a full disk on stdout ends the output quietly.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
import warnings
from typing import Any

from jixiao.errors import JixiaoError

# (command, module, one-line help) — the order of ``jixiao --help``.
COMMANDS = (
    ("demo", "demo", "生成并计算一份示例自评表（普陀区 2024 年公开数据）"),
    ("new", "new", "生成空白的标准自评表模板"),
    ("check", "check", "校验自评表（各种版式）：找出审核人会发现的问题，并指明单元格"),
    ("batch", "batch", "批量校验一个或多个文件夹中的全部自评表，写出带图表的汇总工作簿"),
    ("rules", "rules", "列出全部校验代码及其说明"),
    ("convert", "convert", "把任何版式的自评表转入标准模板（带公式），如沿用上一年的表"),
    ("addin", "addin", "安装或卸载 Excel 加载项（绩效自评选项卡）"),
    ("recalc", "recalc", "不用 Excel 重算工作簿中的全部公式，并保存计算结果"),
)


# argparse's own texts, in Chinese: every word a user sees is Chinese.
_ARGPARSE_TEXTS = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "ignored explicit argument %r": "不接受值，却给了 %r",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "最多只能有一个值",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是：%(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "必须给出参数 %s 之一",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的子命令 %(parser_name)r（可选：%(choices)s）",
}
argparse._ = lambda text: _ARGPARSE_TEXTS.get(text, text)  # type: ignore[attr-defined]


class _Formatter(argparse.HelpFormatter):
    """Help text wrapped as Chinese is: a line may break between any two Chinese
    characters, never inside a word of Latin letters or digits (formulas, .xlsx,
    JIXIAO_TIMEOUT), nor inside an example quoted ("收件/**/*.xlsx") or joined by a
    no-break space (jixiao-demo\u00a0(2).xlsx, shown with a plain space); a Chinese
    character takes two columns of the terminal."""

    # a quoted example, a word joined by no-break spaces, a run of printable ASCII,
    # spaces, or one character
    _TOKENS = re.compile(r'"[^"\s]+"|\S*\u00a0(?:\S|\u00a0)*|[!-~]+|\s+|.')
    _NO_LINE_START = frozenset("，。、；：？！）》」』”’…")  # stays at the end of its line

    def _split_lines(self, text: str, width: int) -> list[str]:
        from jixiao.terminal import display_width

        text = self._whitespace_matcher.sub(" ", text).strip()
        lines, line = [], ""
        for token in self._TOKENS.findall(text):
            if line.strip() and display_width(line + token.rstrip()) > width \
                    and token not in self._NO_LINE_START:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line += token
        if line.strip():
            lines.append(line.rstrip())
        return [line.replace("\u00a0", " ") for line in lines]

    def _fill_text(self, text: str, width: int, indent: str) -> str:  # description, epilog
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))


def unbroken(example: str) -> str:
    """``example`` (a file name with a space: jixiao-demo (2).xlsx) kept on one line of
    the help: its spaces no-break ones, which ``_Formatter`` prints as plain spaces."""
    return example.replace(" ", "\u00a0")


# what an option's name looks like (an unknown one is refused as such): -x, --any-word, --x=…
_OPTION_SHAPED = re.compile(r"--?[A-Za-z][A-Za-z0-9_-]*(=.*)?", re.DOTALL)
# dashes a Chinese input method types for - (en, em, full-width, hyphen)
_DASHES = "\u2013\u2014\uff0d\u2010"
# Latin letters, half- and full-width (an input method's ｊｓｏｎ)
_LETTERS = "A-Za-z\uff21-\uff3a\uff41-\uff5a"
# an option as typed: --anything (--forcé, --json，), -– or —— and a letter, - and a
# full-width letter (-ｊson, -ｏ) — a file only when it exists (—A单位自评表.xlsx), never
# when it starts with --
_OPTION_TYPED = re.compile(rf"--.|-?[{_DASHES}][-{_DASHES}]*[{_LETTERS}]|-[\uff21-\uff3a\uff41-\uff5a]",
                           re.DOTALL)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def _parse_optional(self, arg_string: str) -> Any:
        """A file named like an option (-甲.xlsx, -收件箱) is a file: an argument after a
        single - that names no option of this command is taken as one when it exists, or
        when it cannot be an option's name at all (a dot, a path separator, a Chinese
        character) — so ``jixiao recalc -甲.xlsx`` and ``--annotate -甲-标注.xlsx`` work as
        written. A known option (-o, -ox.xlsx, --force, --json=x) is one, even if a file has
        its name; so is whatever starts with --, or with a dash an input method typed and a
        letter, or with - and a full-width letter (-–json, ——json, -ｊson, -ｏ,
        --annotate＝标注.xlsx, --json，): refused as an unknown option, never looked for
        as a file — unless it exists and does not start with -- (—A单位自评表.xlsx)."""
        found = super()._parse_optional(arg_string)
        typed = bool(_OPTION_TYPED.match(arg_string)) \
            and (arg_string.startswith("--") or not os.path.lexists(arg_string))
        if found is None:  # ——json, --x y z (a space): an unknown option, not a file
            return self._unknown(arg_string) if typed else None
        first = found[0] if isinstance(found, list) and found else found  # list: Python 3.12+
        if isinstance(first, tuple) and first[0] is None and arg_string.startswith("-") \
                and not typed \
                and (not _OPTION_SHAPED.fullmatch(arg_string) or os.path.lexists(arg_string)):
            return None
        return found

    def _unknown(self, arg_string: str) -> Any:
        """What argparse returns for an option this command does not have, in the shape
        of the running Python's argparse."""
        probe = super()._parse_optional("--\0")  # names no option
        if isinstance(probe, list):
            return [(None, arg_string, *probe[0][2:])]
        return (None, arg_string, *probe[2:])

    def error(self, message: str) -> None:  # Chinese, exit 2, no traceback
        self.print_usage(sys.stderr)
        sys.stderr.write(f"jixiao：参数错误：{message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="jixiao",
        description="项目支出绩效自评表：自动计分、校验与无 Excel 重算。",
        epilog="各子命令的用法：jixiao 子命令 --help",
    )
    parser.add_argument("--version", action="version", version=_version(), help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", metavar="子命令", parser_class=_Parser)
    for name, module_name, help_text in COMMANDS:
        module = importlib.import_module(f"jixiao.cli.{module_name}")
        command = sub.add_parser(name, help=help_text, description=help_text)
        module.configure(command)
        command.set_defaults(_run=module.run, _parser=command)
    return parser


def main(argv: list[str] | None = None) -> int:
    from jixiao.terminal import guarded_output

    _utf8_output()
    if not sys.warnoptions:  # libraries' warnings are English, for developers (-W shows them)
        warnings.simplefilter("ignore")
    with guarded_output() as guard:  # no control character from a file reaches the terminal
        try:
            code = _run(argv)
        except SystemExit as stop:  # argparse: --help, --version, a wrong argument
            code = stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 2
            sys.stdout.flush()
            raise SystemExit(guard.exit_code(code)) from None
        sys.stdout.flush()
        return guard.exit_code(code)


def _option_meant(parser: argparse.ArgumentParser, typed: str) -> str:
    """``（是否想写 --annotate=标注.xlsx？请用半角等号）`` when ``typed`` is a known option
    of ``parser`` as a Chinese input method types it (＝, a trailing ，, –/—/－ for -,
    full-width letters); else ""."""
    from jixiao.parsing import compact_text

    lead = re.match(rf"[-{_DASHES}]+", typed)
    if not lead:
        return ""
    name, equals, value = (re.split("([=\uff1d])", typed[lead.end():], maxsplit=1) + ["", ""])[:3]
    name = compact_text(name).rstrip(",.;:。、")  # the one normaliser: NFKC
    # one dash typed (-, －): -o, or --json typed -ｊson; more: --json
    tried = ("-", "--") if len(lead.group()) == 1 else ("--",)
    dashes = next((dashes for dashes in tried if dashes + name in parser._option_string_actions), "")
    meant = dashes + name + (f"={value.rstrip('，,。、')}" if equals else "")
    if not dashes or meant == typed:
        return ""
    why = [text for wrong, text in (("\uff1d", "半角等号"), (_DASHES, "半角短横线"))
           if any(c in typed for c in wrong)]
    advice = f"请用{'、'.join(why)}" if why else "请用半角字符"
    if typed.rstrip("，,。、") != typed:
        advice = "选项后不要加逗号" if not why else advice + "，选项后不要加逗号"
    return f"（是否想写 {meant}？{advice}）"


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # "jixiao check f.xlsx --bogus": the usage of check, not of jixiao
        command = getattr(args, "_parser", None) or parser
        command.error(argparse._("unrecognized arguments: %s") % " ".join(unknown)  # type: ignore[attr-defined]
                      + "".join(_option_meant(command, text) for text in unknown))
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    from jixiao.fileio import stopped_by_signals

    try:
        _check_environment()
        _UNDER_WAY.clear()
        with stopped_by_signals(stopped_text):  # SIGTERM, SIGHUP, Ctrl-C: no temporary file left
            return int(args._run(args) or 0)
    except JixiaoError as error:
        print(f"jixiao：{error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt as stop:  # 130 Ctrl-C, 143 SIGTERM, 129 SIGHUP
        print(stopped_text(), file=sys.stderr)
        return 128 + getattr(stop, "number", _SIGINT)
    except (OSError, MemoryError) as error:  # the machine, not a file: disk full, no memory …
        print(f"jixiao：{_environment_error_text(error)}", file=sys.stderr)
        return 2
    except Exception as error:
        if type(error).__module__ != "sqlite3":  # the cache (SQLite): disk full …
            raise
        print(f"jixiao：{_environment_error_text(error)}", file=sys.stderr)
        return 2


_SIGINT = 2
STOPPED = "jixiao：已中断"
_UNDER_WAY: list[str] = []  # what the command was doing, where it says (``doing``)


def doing(what: str) -> None:
    """Name what the command is doing (正在重算“自评表.xlsx”), for the line that says it was
    stopped."""
    _UNDER_WAY[:] = [what]


def stopped_text() -> str:
    """The line a stopped command prints: 已中断, and what it was doing where it said."""
    return f"{STOPPED}（{_UNDER_WAY[0]}）" if _UNDER_WAY else STOPPED


def _environment_error_text(error: BaseException) -> str:
    """One Chinese line for an error of the machine a command ran on."""
    from jixiao.fileio import os_error_text

    if isinstance(error, MemoryError):
        return "内存不足，无法完成；请关闭其他程序，或分批处理"
    if isinstance(error, OSError):
        where = f"“{error.filename}”：" if error.filename else ""
        return f"无法完成：{where}{os_error_text(error)}"
    from jixiao.batch.cache import sqlite_error_text

    return f"无法完成：读写缓存时出错（{sqlite_error_text(error)}）；请检查磁盘空间后重试"


def _check_environment() -> None:
    """A limit set to junk (``JIXIAO_MAX_CELLS=inf``) is refused before any file is read,
    naming the variable, rather than in every file of a batch."""
    from jixiao.xlsx.limits import Limits

    Limits.from_environment()


def _version() -> str:
    from jixiao import __version__
    return f"jixiao {__version__}"


def _utf8_output() -> None:
    """Chinese text must print on a Windows console with a legacy code page too."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            pass


if __name__ == "__main__":
    sys.exit(main())
