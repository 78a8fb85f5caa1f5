"""What jixiao prints to a terminal: never a control character from a file, never a
traceback because the terminal went away.

File names, sheet names, cell texts and formulas come from the files a reviewer is
sent. Printed raw, an ESC sequence in one (``ESC]0;…BEL`` sets the window title,
``ESC[2J`` clears the screen, some terminals answer queries with input), a bidi
override (U+202E turns ``xslx.exe`` round) or a carriage return (overwrites the
line before it) would act on the reviewer's terminal. ``printable`` shows each
such character as an escape (``\\x1b``, ``\\u202e``) instead.

``guarded_output()`` puts every line the command line prints through
``printable`` (keeping the line breaks jixiao itself writes). When stdout goes away —
a closed pipe (``jixiao check *.xlsx | head -1``) or a full disk (``> /dev/full``) —
the command finishes its work printing nothing more, and ``Guard.exit_code`` gives
its exit code: the command's own after a closed pipe (quietly: the reader chose to
stop), 2 after a full disk, with one line on stderr.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from typing import IO, Any

# C0 controls (tab and line feed included: a line break inside a name splits a report
# line), DEL, C1 controls (U+009B is a CSI on 8-bit terminals), the bidi controls, the
# line and paragraph separators, and lone surrogates (bytes of a file name that are not
# UTF-8, as Python decodes them).
_NOT_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
CONTROL = re.compile(f"[\x00-\x1f{_NOT_C0}]")
CONTROL_EXCEPT_NEWLINE = re.compile(f"[\x00-\x09\x0b-\x1f{_NOT_C0}]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escaped(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    if character in _NAMED:
        return _NAMED[character]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` safe to print: each control character shown as an escape (``\\x1b``).
    ``keep_newlines``: line feeds stay (a whole report); otherwise they are escaped too
    (one name, one message)."""
    pattern = CONTROL_EXCEPT_NEWLINE if keep_newlines else CONTROL
    return pattern.sub(_escaped, text) if pattern.search(text) else text


def has_control(text: str) -> bool:
    """Whether printing ``text`` as is could act on a terminal (line feeds allowed)."""
    return CONTROL_EXCEPT_NEWLINE.search(text) is not None


class _GuardedStream(io.TextIOBase):
    """A text stream whose writes go through ``printable``; a write that fails because
    the reader left (EPIPE) or the disk is full ends this stream's output, quietly."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self.failed: OSError | None = None

    def write(self, text: str) -> int:
        if self.failed is None:
            try:
                self._stream.write(printable(text, keep_newlines=True))
            except OSError as error:
                self._fail(error)
        return len(text)

    def flush(self) -> None:
        if self.failed is None:
            try:
                self._stream.flush()
            except OSError as error:
                self._fail(error)

    def _fail(self, error: OSError) -> None:
        """No more output here; what is still buffered goes to /dev/null, so that
        Python's own flush at exit does not fail again ("Exception ignored …")."""
        self.failed = error
        with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, self._stream.fileno())
            finally:
                os.close(devnull)

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._stream, "errors", None)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class Guard:
    """The guarded stdout and stderr of one run of the command line."""

    def __init__(self, stdout: _GuardedStream, stderr: _GuardedStream) -> None:
        self.stdout, self.stderr = stdout, stderr

    def exit_code(self, code: int) -> int:
        """The command's exit code, given what became of its output. A reader that left
        early (a closed pipe) changes nothing: the work was done and the reader chose to
        stop. Output lost otherwise (a full disk) is a failure: one line on stderr, 2."""
        error = self.stdout.failed
        if error is None or error.errno == errno.EPIPE:
            return code
        from jixiao.fileio import os_error_text

        print(f"jixiao：无法输出结果（{os_error_text(error)}）", file=self.stderr)
        return max(code, 2)


def raw_stream(stream: IO[str]) -> IO[str]:
    """The terminal behind a guarded stream: for a progress bar's own escape sequences."""
    return stream._stream if isinstance(stream, _GuardedStream) else stream


@contextlib.contextmanager
def guarded_output() -> Iterator[Guard]:
    """stdout and stderr through ``printable`` for the block; see the module's doc."""
    saved = sys.stdout, sys.stderr
    guard = Guard(_GuardedStream(saved[0]), _GuardedStream(saved[1]))
    sys.stdout, sys.stderr = guard.stdout, guard.stderr  # type: ignore[assignment]
    try:
        yield guard
    finally:
        guard.stdout.flush()
        guard.stderr.flush()
        sys.stdout, sys.stderr = saved


__all__ = ["CONTROL", "CONTROL_EXCEPT_NEWLINE", "Guard", "guarded_output", "has_control",
           "printable", "raw_stream"]


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal or a cell: 2 for a wide (CJK) character."""
    if text.isascii():
        return len(text)
    # east_asian_width gives "W", "F", "Na", "H", "A" or "N": only W and F are wide
    kinds = "".join(map(unicodedata.east_asian_width, text))
    return len(text) + kinds.count("W") + kinds.count("F")
