"""A batch's progress on stderr, and its way of stopping (Ctrl-C, SIGTERM, SIGHUP)."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

_SIGINT = 2


class Stop:
    """Ctrl-C (SIGINT), SIGTERM (a service stopped, ``kill``) and SIGHUP (the terminal
    closed) all end a batch the same way: a ``KeyboardInterrupt`` in the main process,
    which then writes the summary of the files done. Inside ``deferred`` a signal
    takes effect only at the block's end, so a file is never half recorded."""

    SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")

    def __init__(self) -> None:
        self.received: int | None = None
        self._deferring = 0  # how many ``deferred`` blocks are open (they nest)
        self._pending = False

    def _handle(self, number: int, frame: object) -> None:
        self.received = self.received or number
        if self._deferring:
            self._pending = True
        else:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        import signal

        previous = {}
        try:
            for name in self.SIGNALS:
                if hasattr(signal, name):
                    number = getattr(signal, name)
                    if signal.getsignal(number) is signal.SIG_IGN:
                        continue  # ignored from the start (nohup, a background job): kept so
                    previous[number] = signal.signal(number, self._handle)
        except ValueError:  # not the main thread: signals go elsewhere anyway
            pass
        try:
            yield
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler if handler is not None else signal.SIG_DFL)

    @contextlib.contextmanager
    def deferred(self, *, raising: bool = True) -> Iterator[None]:
        """Signals in the block wait for its end; then, if ``raising``, they interrupt
        (otherwise only ``received`` tells). Blocks nest: a signal waits for the outermost
        block's end, which alone decides whether it interrupts."""
        self._deferring += 1
        try:
            yield
        finally:
            self._deferring -= 1
            if self._pending and not self._deferring:
                self._pending = False
                if raising:
                    raise KeyboardInterrupt



STEADY_FILES, STEADY_SECONDS = 20, 10.0  # what a rate is measured over before it is shown


class Progress:
    """Files done, rate and time left on stderr: a rich bar on a terminal, otherwise a
    plain line every few seconds (for logs and CI)."""

    def __init__(self, total: int, *, quiet: bool = False, interval: float = 5.0) -> None:
        self.total, self.done = total, 0
        self.quiet, self.interval = quiet, interval
        self.started = self._last = time.monotonic()
        self._first: float | None = None  # when the first file was done
        self._printed = False
        self._bar: Any = None
        # The bar (and its refresh thread) starts with the first file done: the worker
        # processes are forked before it, from a process with one thread (engines.py).
        self._wants_bar = not quiet and sys.stderr.isatty()

    def advance(self) -> None:
        self.done += 1
        if self._first is None:
            self._first = time.monotonic()
        if self._wants_bar:
            self._wants_bar = False
            self._bar = _rich_bar(self.total, self.estimate)
        if self._bar is not None:
            self._bar.advance(self._bar.task_ids[0])
        elif not self.quiet and time.monotonic() - self._last >= self.interval:
            self._last = time.monotonic()
            self._printed = True
            print(f"jixiao batch：{self.line()}", file=sys.stderr, flush=True)

    def line(self) -> str:
        """Files done; the rate and the time left only once they are steady (``estimate``).
        (The first line once said 1/305 files, 0 a second, 1689 s left, of a 41 s job.)"""
        done = f"已完成 {self.done}/{self.total} 个文件"
        estimate = self.estimate()
        return f"{done}（{estimate}）" if estimate else done

    def estimate(self) -> str:
        """The rate and the time left (“10 个/秒，预计还需 28 秒”), the plain line's and the
        bar's; empty until they are steady: measured from the first file done (not from
        the start, which the workers' start-up and the first, slow imports weigh on) over
        ``STEADY_FILES`` files or ``STEADY_SECONDS``."""
        counted = self.done - 1  # files done since the first
        since = time.monotonic() - self._first if self._first is not None else 0.0
        if since <= 0 or not (counted >= STEADY_FILES
                              or (counted >= 2 and since >= STEADY_SECONDS)):
            return ""
        rate = counted / since
        shown = f"{rate:.1f}" if rate < 10 else f"{rate:.0f}"
        left = (f"，预计还需 {(self.total - self.done) / rate:.0f} 秒"
                if self.done < self.total else "")
        return f"{shown} 个/秒{left}"

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        elif self._printed and self.done != self.total:
            print(f"jixiao batch：{self.line()}", file=sys.stderr, flush=True)


def _rich_bar(total: int, estimate: Callable[[], str]) -> Any:
    """The bar: files done, then ``estimate`` — the rate and time left of the plain line,
    shown by the same rule (none until steady), not rich's own (which counts the
    workers' start-up)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn
    from rich.text import Text

    from jixiao.terminal import raw_stream

    class Estimate(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(estimate(), style="progress.data.speed")

    # The bar's own escape sequences go to the terminal itself; anything else printed
    # meanwhile still goes through sys.stderr, which escapes control characters (terminal.py).
    bar = Progress(TextColumn("校验"), BarColumn(), MofNCompleteColumn(), Estimate(),
                   console=Console(file=raw_stream(sys.stderr)), transient=False,
                   redirect_stdout=False, redirect_stderr=False)
    bar.add_task("校验", total=total)
    bar.start()
    return bar
