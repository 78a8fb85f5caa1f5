"""Writing files so that a user never loses one.

``atomic_output(path)`` yields a temporary path beside the target; only when
the block finishes is it flushed to disk and renamed over the target
(``os.replace``), so an interrupted run — an error, Ctrl-C, a killed process,
a power cut — leaves either the old file or the new one, never half. A killed
process may leave its hidden temporary file (``.NAME.xxxx.tmp``) behind; the
target is whole either way. So a temporary file is held locked while it is written
(``remove_stale_temporaries`` removes those no process holds: each finished write
sweeps its own target's), and a process stopped by a signal removes its own
(``remove_live_temporaries``; every command, ``stopped_by_signals``, which also makes sure
a stop is not lost).

An existing target is replaced only if it may be: not a read-only file, and
not open in another program (a lock held on it, or the lock file LibreOffice,
WPS or Excel put beside it). Messages are Chinese (``os_error_text``).

Folders jixiao writes into are often shared inboxes, where anyone (or an
unzipped archive) may have planted a symbolic link. So a name jixiao makes up
(``derived``: IN.recalc.xlsx, annotated copies) is never written through a link,
a backup (``keep_backup``) is created exclusively and never overwritten, a file
replaced in place is held locked (``held_for_replacement``), and no output may
be one of the inputs (``refuse_input_as_output``).

(Over 400 lines: every way jixiao writes a file, kept together so that each
follows the same rules.)
"""

from __future__ import annotations

import contextlib
import errno
import filecmp
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from jixiao.errors import OutputError, os_error_text


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], *, derived: bool = False) -> Iterator[Path]:
    """A temporary path beside ``path``; renamed over it when the block ends without error.

    ``path`` as the user named it (``-o 文件``) may be a symbolic link: the file it
    points to is replaced, the link kept. A ``derived`` name is one jixiao made up
    (IN.recalc.xlsx, an annotated copy): anyone who can write the folder could have
    planted a link there, so it is never followed — an existing link or anything
    but a regular file is refused, and the rename replaces only the name itself.
    """
    target = Path(path)
    if target.is_symlink() and not derived:
        target = target.resolve()  # replace the file the link points to, keep the link
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"无法写入“{target}”：目录“{directory}”不存在")
    if derived:
        _refuse_planted(target)
    if target.exists():
        ensure_replaceable(target)
    temporary_path, handle = _temporary_beside(target, directory)
    _LIVE.add(temporary_path)
    try:
        yield temporary_path
        _flush(temporary_path)
        raise_if_stopping()
        if derived:
            _refuse_planted(target)  # a link planted while the file was being written
        os.replace(temporary_path, target)  # a rename never follows a link at ``target``
        _flush_directory(directory)
    except OSError as error:
        raise OutputError(f"无法写入“{target}”：{os_error_text(error)}") from None
    finally:
        try:
            if temporary_path.exists():
                temporary_path.unlink()
        finally:
            _LIVE.discard(temporary_path)
            if handle is not None:
                os.close(handle)
    _sweep(target)


def _refuse_planted(target: Path) -> None:
    """A derived name that is a link (even a broken one) or not a regular file is refused."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise OutputError(f"无法写入“{target}”：{os_error_text(error)}") from None
    if stat.S_ISLNK(mode):
        raise OutputError(f"“{target}”是一个符号链接，jixiao 不会写入链接指向的文件；"
                          "请删除或移走这个链接后再试")
    if stat.S_ISDIR(mode):
        raise OutputError(f"“{target}”是一个文件夹，不能写成文件")
    if not stat.S_ISREG(mode):
        raise OutputError(f"“{target}”不是普通文件，jixiao 不会写入它；请移走它后再试")


def _temporary_beside(target: Path, directory: Path) -> tuple[Path, int | None]:
    """A new hidden file in ``directory`` (created exclusively, so never a planted one),
    its name short enough for a 255-byte file system however long the target's is; and,
    where there is ``flock``, a handle holding it locked until it is renamed (so a sweep
    of stale ones leaves it alone). On Windows no handle is kept: an open file could not
    be renamed, and one being written cannot be removed anyway."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=_temporary_prefix(target.name),
                                             suffix=".tmp", dir=directory)
    except OSError as error:
        raise OutputError(f"无法写入“{target}”：{os_error_text(error)}") from None
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; a workbook is for sharing
    try:
        import fcntl
    except ImportError:
        os.close(handle)
        return Path(temporary), None
    with contextlib.suppress(OSError):  # not supported on some network file systems
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return Path(temporary), handle


def _temporary_prefix(name: str) -> str:
    return "." + temporary_name(name) + "."


def temporary_name(name: str) -> str:
    """A target's name as its temporary file's name holds it (cut to 200 bytes)."""
    raw = os.fsencode(name)
    return os.fsdecode(raw[:_NAME_BYTES_KEPT]) if len(raw) > _NAME_BYTES_KEPT else name


_LIVE: set[Path] = set()  # the temporary files this process is writing now
_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")  # mkstemp's: 8 characters


def remove_live_temporaries() -> None:
    """Remove the temporary files this process is writing: a signal is ending it (a
    batch's worker stopped mid-write), and no ``finally`` will run."""
    for path in list(_LIVE):
        with contextlib.suppress(OSError):
            path.unlink()
        _LIVE.discard(path)


def temporary_files(directory: str | os.PathLike[str],
                    matches: Callable[[str], bool]) -> list[Path]:
    """The hidden temporary files ``atomic_output`` makes in ``directory`` for a target
    whose name (as kept in the temporary's: cut to 200 bytes) ``matches``."""
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    found = []
    for name in names:
        match = _TEMPORARY.fullmatch(name)
        if match and matches(match.group("name")):
            found.append(Path(directory) / name)
    return sorted(found)


def remove_stale_temporaries(directory: str | os.PathLike[str],
                             matches: Callable[[str], bool]) -> int:
    """Remove the temporary files (``temporary_files``) a process killed while writing
    left in ``directory``: those no process holds locked (one still being written is).
    Returns how many were removed."""
    removed = 0
    for path in temporary_files(directory, matches):
        if path.is_symlink() or not path.is_file() or path in _LIVE \
                or _locked_by_another_process(path):
            continue
        with contextlib.suppress(OSError):  # Windows: one open elsewhere cannot be removed
            path.unlink()
            removed += 1
    return removed


def _sweep(target: Path) -> None:
    """After a finished write to ``target``: the temporary files of the same target a
    process killed while writing it left beside it (``remove_stale_temporaries``)."""
    directory = target.parent if str(target.parent) else Path(".")
    with contextlib.suppress(OSError):
        remove_stale_temporaries(directory, temporary_name(target.name).__eq__)


class Stopped(KeyboardInterrupt):
    """SIGTERM (``kill``, a service stopped), SIGHUP (the terminal closed) or SIGINT
    (Ctrl-C) ends a command: it unwinds, so every ``finally`` runs. ``number``: the signal."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


_STOPPING: list[int] = []  # the signal ending this command, once one came (stopped_by_signals)
STOP_GRACE_SECONDS = 1.0  # after a stop, how long the unwinding may take before it is helped
_STOP_RETRIES = 3  # then ``Stopped`` raised again, this many times, half a grace apart


def raise_if_stopping() -> None:
    """Raise ``Stopped`` where a signal came and its ``Stopped`` was lost — raised inside a
    ``__del__`` or a callback, where Python prints and ignores it: no file is finished after
    the user stopped the command (``atomic_output`` and ``write_new`` ask before naming one)."""
    if _STOPPING:
        raise Stopped(_STOPPING[0])


@contextlib.contextmanager
def stopped_by_signals(said: str | Callable[[], str] = "") -> Iterator[None]:
    """SIGTERM, SIGHUP and SIGINT raise ``Stopped`` in the block, once this process's
    temporary files are removed (the unwinding would remove them, unless the signal lands
    inside a ``finally``). A signal ignored when the block begins (``nohup``, a job started
    in the background) stays ignored.

    A ``Stopped`` raised while Python runs a ``__del__``, a weakref or import callback is
    printed and ignored, and the command would go on; so the stop is made sure of: the
    block ends in ``Stopped`` whatever else it ends in (an error its ``Stopped`` caused —
    an import half done —, or none), no file is finished after it (``raise_if_stopping``),
    and a block still running after ``STOP_GRACE_SECONDS`` gets ``Stopped`` again, a few
    times, then the process ends at once (``said`` printed — or what it gives, a function —,
    temporaries removed), 128 + the
    signal. So does a second signal while unwinding. (A batch puts its own handlers over
    these: it writes a summary first.)"""
    import _thread
    import signal
    import sys
    import threading

    _STOPPING.clear()
    finished = threading.Event()
    resent = threading.Event()

    def stop(number: int, frame: object) -> None:
        if _STOPPING and resent.is_set():  # the watch's: unwind again, unless it has
            resent.clear()
            if finished.is_set():
                return
            raise Stopped(_STOPPING[0])
        remove_live_temporaries()
        if _STOPPING:
            _end_now(_STOPPING[0], said)
        _STOPPING.append(number)
        threading.Thread(target=watch, args=(number,), daemon=True).start()
        raise Stopped(number)

    def watch(number: int) -> None:
        if finished.wait(STOP_GRACE_SECONDS):
            return
        for _attempt in range(_STOP_RETRIES):
            resent.set()
            _thread.interrupt_main(number)
            if finished.wait(STOP_GRACE_SECONDS / 2):
                return
        remove_live_temporaries()
        _end_now(number, said)

    def unraisable(what: Any) -> None:  # a Stopped lost in a __del__: made sure of, not shown
        if not isinstance(what.exc_value, Stopped):
            hook(what)

    hook, sys.unraisablehook = sys.unraisablehook, unraisable
    previous = {}
    with contextlib.suppress(ValueError):  # not the main thread: signals go elsewhere
        for name in ("SIGTERM", "SIGHUP", "SIGINT"):
            number = getattr(signal, name, None)
            if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
                previous[number] = signal.signal(number, stop)
    try:
        yield
    except Stopped:
        raise
    except BaseException:
        if _STOPPING:  # what the lost Stopped left behind (an import half done)
            raise Stopped(_STOPPING[0]) from None
        raise
    else:
        raise_if_stopping()  # the block finished all the same
    finally:
        finished.set()
        sys.unraisablehook = hook
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)


def _end_now(number: int, said: str | Callable[[], str]) -> None:
    """End the process at once, 128 + ``number``, ``said`` on stderr (written directly: the
    interpreter may be anywhere, holding any lock)."""
    import sys

    if callable(said):  # a text made up of strings only: no lock taken
        said = said()

    if said:
        with contextlib.suppress(OSError, ValueError):
            os.write(2, (said + "\n").encode(sys.stderr.encoding or "utf-8", "replace"))
    os._exit(128 + number)


_NAME_BYTES_KEPT = 200  # of a long name, in its temporary file's: ".", ".xxxxxxxx.tmp" fit


def ensure_replaceable(target: Path, shown: str = "") -> None:
    """Refuse, with ``OutputError``, to replace a read-only file or one open elsewhere;
    ``shown``: how the message names it (its name by default)."""
    shown = shown or f"“{target.name}”"
    if target.is_dir():
        raise OutputError(f"“{target}”是一个文件夹，不能写成文件")
    if not target.stat().st_mode & 0o222:
        raise OutputError(f"{shown}是只读文件，未覆盖；如确要替换，请先取消只读属性")
    for lock in (target.with_name(f".~lock.{target.name}#"), target.with_name(f"~${target.name}")):
        if lock.exists():
            raise OutputError(f"{shown}似乎正被 Excel/WPS/LibreOffice 打开（发现锁文件"
                              f"“{lock.name}”），请先关闭它；如确认没有打开，可删除该锁文件后再试")
    if _locked_by_another_process(target):
        raise OutputError(f"{shown}正被其他程序使用（文件已加锁），请先关闭它再试")


def ensure_writable(path: str | os.PathLike[str], what: str = "") -> None:
    """Refuse, with ``OutputError`` naming ``what`` ("汇总表") and the path as given, an
    output ``atomic_output`` could not write when its time comes: a file there it may not
    replace (``ensure_replaceable``: read-only, open in Excel) or a folder where no file
    can be made (no permission, a read-only disk). For a command that works long before
    it writes (``jixiao batch``), told before the work. The folder is tried by making and
    removing the temporary file the write makes: a test that holds for root, ACLs and
    read-only disks alike (``os.access`` does not)."""
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()  # as atomic_output: the file the link points to
    if target.exists():
        ensure_replaceable(target, f"{what}“{path}”")
    directory = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=_temporary_prefix(target.name),
                                             suffix=".tmp", dir=directory)
    except OSError as error:
        raise OutputError(f"无法写入{what}“{path}”：不能在文件夹“{directory}”中新建文件"
                          f"（{os_error_text(error)}）") from None
    os.close(handle)
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def _locked_by_another_process(target: Path) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: a file open in Excel cannot be replaced, os.replace says so
        return False
    try:
        handle = os.open(target, os.O_RDWR | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return False
        held = _file_id(handle) in _HELD
        for lock in (fcntl.lockf,) if held else (fcntl.flock, fcntl.lockf):
            try:
                lock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    return True
                continue  # locks not supported here (some network file systems)
            lock(handle, fcntl.LOCK_UN)
        return False
    finally:
        os.close(handle)


# ================================================================ replacing an input

_HELD: set[tuple[int, int]] = set()  # (device, inode) of the files this process holds locked


def _file_id(handle: int) -> tuple[int, int]:
    info = os.fstat(handle)
    return info.st_dev, info.st_ino


@contextlib.contextmanager
def held_for_replacement(path: Path) -> Iterator[None]:
    """Hold ``path`` while jixiao replaces it (``recalc --in-place``): an exclusive lock
    (flock) on the file, so a second jixiao on the same file is refused with a Chinese
    line instead of interleaving with the first — which once left the backup holding
    the already-recalculated file. Where the file system has no locks, the numbered
    backups (``keep_backup``) still keep the original."""
    try:
        import fcntl
    except ImportError:  # Windows: os.replace of a file open elsewhere fails there anyway
        yield
        return
    for _attempt in range(5):
        try:
            handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError as error:
            raise OutputError(f"无法读取“{path}”：{os_error_text(error)}") from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(handle)
            if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise OutputError(f"“{path.name}”正被其他程序使用（文件已加锁，可能是另一个 "
                                  "jixiao 正在处理它），请等它结束后再试") from None
            yield  # no locks on this file system
            return
        try:
            if os.stat(path).st_ino == os.fstat(handle).st_ino:
                break  # still the file at ``path``: another run did not replace it meanwhile
        except OSError:
            pass
        os.close(handle)
    else:
        raise OutputError(f"“{path.name}”正被反复替换，请等其他程序结束后再试")
    held = _file_id(handle)
    _HELD.add(held)
    try:
        yield
    finally:
        _HELD.discard(held)
        os.close(handle)


MAX_BACKUPS = 1000


def keep_backup(source: Path) -> Path:
    """Keep a copy of ``source`` before it is replaced, and return its name.

    The first backup is ``IN.xlsx.bak``; it is never overwritten, so the original
    survives any number of later runs: a file that differs from every backup
    already there is copied to the first free name of ``IN.xlsx.1.bak``,
    ``IN.xlsx.2.bak`` …; a backup identical to the file is reused. A name is
    taken only if nothing exists there — not even a link planted to point
    elsewhere (``os.link`` creates a name exclusively and atomically, and
    follows no link).
    """
    names = (source.with_name(f"{source.name}.bak" if number == 0
                              else f"{source.name}.{number}.bak") for number in range(MAX_BACKUPS))
    with _finished(source, lambda temporary: shutil.copy2(source, temporary),
                   f"无法备份“{source}”") as temporary:
        for name in names:
            if _same_regular_content(name, temporary):
                return name
            if _claimed(temporary, name, "备份"):
                return name
    raise OutputError(f"“{source.name}”已有 {MAX_BACKUPS} 个备份（.bak），请清理后再试")


def write_new(target: Path, fill: Callable[[Path], object],
              replaceable: Callable[[Path], bool] | None = None) -> Path:
    """Write a new file — ``fill(temporary)`` writes it — to ``target``, or, when anything
    is there (a file the user may have opened and edited), to the first free name of
    ``NAME (2).xlsx``, ``NAME (3).xlsx`` … as Windows and Excel name a second copy; return
    the name written. Nothing is replaced: each name is taken exclusively, as
    ``keep_backup``'s are (so a link planted at a name is never followed either) — but for
    a regular file that ``replaceable`` accepts (jixiao's own unedited annotated copy:
    ``report.annotate.own_copy``), which is replaced where it stands. ``next_name`` says
    which name that is before anything is written."""
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"无法写入“{target}”：目录“{directory}”不存在")
    names = (numbered_name(target, number) for number in range(1, MAX_BACKUPS + 1))
    with _finished(target, fill, f"无法写入“{target}”") as temporary:
        raise_if_stopping()
        written = next((name for name in names if _claimed(temporary, name)
                        or _replaced(temporary, name, replaceable)), None)
    if written is not None:
        _sweep(target)  # those of NAME.xlsx a killed run left, whichever name was taken
        return written
    raise OutputError(f"“{target.name}”和“{numbered_name(target, 2).name}”至"
                      f"“{numbered_name(target, MAX_BACKUPS).name}”都已存在，请清理后再试")


def next_name(target: Path, replaceable: Callable[[Path], bool] | None = None) -> Path | None:
    """The name ``write_new(target, …, replaceable)`` would write now: the first of
    ``target``, NAME (2).xlsx … that is free or holds a file ``replaceable`` accepts;
    None when all are taken (a batch finds there the copy an earlier run wrote)."""
    return next((name for number in range(1, MAX_BACKUPS + 1)
                 if not os.path.lexists(name := numbered_name(target, number))
                 or _may_replace(name, replaceable)), None)


def _may_replace(name: Path, replaceable: Callable[[Path], bool] | None) -> bool:
    """Whether ``write_new`` replaces the file at ``name``: a regular file (never a link)
    that ``replaceable`` accepts."""
    if replaceable is None:
        return False
    try:
        if not stat.S_ISREG(os.lstat(name).st_mode):
            return False
    except OSError:
        return False
    return replaceable(name)


def _replaced(temporary: Path, name: Path, replaceable: Callable[[Path], bool] | None) -> bool:
    """Whether the finished file ``temporary`` replaced the file at ``name`` (``_may_replace``)."""
    if not _may_replace(name, replaceable):
        return False
    try:
        os.replace(temporary, name)  # a rename never follows a link planted meanwhile
    except OSError as error:
        raise OutputError(f"无法写入“{name}”：{os_error_text(error)}") from None
    _flush_directory(name.parent if str(name.parent) else Path("."))
    return True


def not_replaced(existing: Path, *, force: bool = True, edited: bool = False) -> str:
    """What a command says after its report of the name ``write_new`` wrote, when that is
    not the name asked for: the file there was kept — why: jixiao's own output ``edited``
    (opened and saved, or changed, since it was written), else another file of that name —
    and how to replace it: ``--force``, or (``force`` False: a command whose --force
    replaces nothing, batch's annotated copies) moving it away."""
    how = "要覆盖它请加 --force" if force else "请把它移走或改名"
    why = "在上次生成后被打开保存或改动过" if edited else "已存在"
    return f"（“{existing.name}”{why}，未覆盖；{how}）"


def numbered_name(path: Path, number: int) -> Path:
    """The ``number``-th name of a file's copies: ``path`` itself, then NAME (2).xlsx …"""
    return path if number == 1 else path.with_name(f"{path.stem} ({number}){path.suffix}")


@contextlib.contextmanager
def _finished(target: Path, fill: Callable[[Path], object], failure: str) -> Iterator[Path]:
    """A new hidden file beside ``target``, written by ``fill`` and flushed, for
    ``_claimed`` to name; removed afterwards if it was not. ``failure``: what a failed
    write is reported as."""
    directory = target.parent if str(target.parent) else Path(".")
    temporary, handle = _temporary_beside(target, directory)
    _LIVE.add(temporary)
    try:
        try:
            fill(temporary)
            _flush(temporary)
        except OSError as error:
            raise OutputError(f"{failure}：{os_error_text(error)}") from None
        yield temporary
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
        _LIVE.discard(temporary)
        if handle is not None:
            os.close(handle)


def _claimed(temporary: Path, name: Path, what: str = "") -> bool:
    """Whether the finished file ``temporary`` took the name ``name`` (False: taken)."""
    try:
        _create_exclusively(temporary, name)
    except FileExistsError:
        return False
    except OSError as error:
        raise OutputError(f"无法写入{what}“{name}”：{os_error_text(error)}") from None
    _flush_directory(name.parent if str(name.parent) else Path("."))
    return True


def _create_exclusively(temporary: Path, name: Path) -> None:
    """Give the finished file ``temporary`` the new name ``name``, only if ``name`` is free."""
    try:
        os.link(temporary, name)  # EEXIST if anything, a dangling link included, is there
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                               errno.EMLINK):
            raise
        # no hard links here (FAT, some network shares): claim the name first, then fill it
        handle = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        os.close(handle)
        os.replace(temporary, name)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _same_regular_content(name: Path, copy: Path) -> bool:
    try:
        if not stat.S_ISREG(os.lstat(name).st_mode):
            return False
        return filecmp.cmp(name, copy, shallow=False)
    except OSError:
        return False


# ================================================================ outputs that are inputs

def refuse_input_as_output(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]],
                           option: str = "输出文件") -> None:
    """Refuse an output that is one of the inputs — the same name, a link to it, or a
    hard link (the same file under another name): writing it would replace a file the
    user gave to be read. ``--in-place`` is the only way to replace an input."""
    try:
        written = os.stat(output)
    except OSError:
        return  # nothing there yet: it cannot be an input
    for path in inputs:
        try:
            read = os.stat(path)
        except OSError:
            continue
        if (read.st_dev, read.st_ino) == (written.st_dev, written.st_ino):
            raise OutputError(f"{option}“{output}”就是要读取的文件“{path}”，不能覆盖原文件；"
                              "请另选一个文件名（只有 recalc --in-place 会替换原文件）")


def _flush(path: Path) -> None:
    """The new file's bytes on disk before its name is, so a power cut cannot leave it empty."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _flush_directory(directory: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        handle = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
