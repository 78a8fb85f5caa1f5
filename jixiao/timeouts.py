"""The per-file time budget: its setting (``--timeout``, ``JIXIAO_TIMEOUT``) and ``time_limit``.

Light (the standard library only), so that the commands' ``configure`` (run for every
``jixiao --help``) and a batch worker import nothing more for it."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.errors import JixiaoError, TimedOut

TIMEOUT_VARIABLE = "JIXIAO_TIMEOUT"
DEFAULT_FILE_SECONDS = 60.0  # a file at every limit takes ~10 s here; a 自评表 well under 1 s


def add_timeout_option(parser: Any) -> None:
    """The ``--timeout`` option of every command that reads submitted files."""
    parser.add_argument("--timeout", type=float, default=None, metavar="秒数",
                        help=f"每个文件的处理时间上限（秒；默认 {DEFAULT_FILE_SECONDS:g}，或环境变量 "
                             f"{TIMEOUT_VARIABLE}；0 为不限）")


def file_seconds(given: float | None = None, environ: Mapping[str, str] | None = None
                 ) -> float | None:
    """Seconds one file's work may take: ``given`` (--timeout), else ``JIXIAO_TIMEOUT``,
    else 60; None (0 given) for no limit."""
    if given is None:
        text = (os.environ if environ is None else environ).get(TIMEOUT_VARIABLE, "").strip()
        if not text:
            return DEFAULT_FILE_SECONDS
        try:
            given = float(text)
        except ValueError:
            given = float("nan")
        if not 0 <= given < float("inf"):
            raise JixiaoError(f"环境变量 {TIMEOUT_VARIABLE} 的值“{text}”不是有效的秒数"
                              "（应为 0 或正数，0 为不限）")
    if not 0 <= given < float("inf"):
        raise JixiaoError(f"--timeout 的值 {given:g} 不是有效的秒数（应为 0 或正数，0 为不限）")
    return given or None


class Expiry:
    """What ``time_limit`` yields: ``expired`` once the limit was reached, whether or
    not the ``TimedOut`` it raised got out of the block (``check_workbook`` turns it into
    the file's error): a result made then was cut short by the limit."""

    __slots__ = ("expired",)

    def __init__(self) -> None:
        self.expired = False


@contextlib.contextmanager
def time_limit(seconds: float | None, name: str = "") -> Iterator[Expiry]:
    """Raise ``TimedOut`` in this process if the block runs past ``seconds``; yields
    its ``Expiry``.

    Cheap (a timer signal, no extra process), so a batch uses it for every
    file. Where there is no SIGALRM (Windows) or outside the main thread
    (a Dask worker thread) it does nothing. Work stuck inside C code is
    interrupted when it next returns to Python.
    """
    import signal
    import threading

    usable = (seconds is not None and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    expiry = Expiry()
    if not usable:
        yield expiry
        return
    label = f"“{name}”" if name else "该文件"

    def expire(signum: int, frame: object) -> None:
        # Again each second until the block ends: code that catches every Exception
        # (a library's, a fallback's) must not swallow the one chance to stop.
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        expiry.expired = True
        raise TimedOut(f"{label}处理超过 {seconds:g} 秒，已放弃（文件可能异常庞大或构造异常；"
                       f"如确属正常文件，可用 --timeout 或环境变量 {TIMEOUT_VARIABLE} 调高上限）")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield expiry
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
