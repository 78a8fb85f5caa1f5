"""The one exception hierarchy of jixiao.

    JixiaoError                  every error a user may see; its text is Chinese
     ├── UnreadableWorkbook      corrupt, encrypted, .xls, too large, missing …
     ├── NotASelfEvaluation      readable, but no 自评表 found in it
     ├── UnknownRuleSet          a rule-set name that does not exist
     ├── OutputError             the result file could not be written
 ├── UsageError              the command was asked for something it does not do
     └── TimedOut                one file's work took longer than its time limit

The command line catches ``JixiaoError`` and prints ``str(error)`` — one line,
no traceback — with exit code 2.
"""

from __future__ import annotations


class JixiaoError(Exception):
    """Base class; ``str()`` is a complete Chinese sentence for the user."""

    exit_code = 2


class UnreadableWorkbook(JixiaoError):
    """The file cannot be opened as an .xlsx/.xlsm workbook."""


class NotASelfEvaluation(JixiaoError):
    """The workbook opens, but holds no 项目支出绩效自评表."""


class UnknownRuleSet(JixiaoError):
    """A rule-set name that jixiao does not know."""


class OutputError(JixiaoError):
    """The output file could not be written."""


class UsageError(JixiaoError):
    """A command given arguments it cannot act on (a folder to ``check``, …); the
    message says which command does it."""


class TimedOut(JixiaoError):
    """One file's work was abandoned after its time limit (``timeouts.time_limit``)."""
