"""Writing files so that a user never loses one.

``atomic_output(path)`` yields a temporary path beside the target; only when
the block finishes is it flushed to disk and renamed over the target
(``os.replace``), so an interrupted run — an error, Ctrl-C, a killed process,
a power cut — leaves either the old file or the new one, never half. A killed
process may leave its hidden temporary file (``.NAME.xxxx.tmp``) behind; the
target is whole either way.

An existing target is replaced only if it may be: not a read-only file, and
not open in another program (a lock held on it, or the lock file LibreOffice,
WPS or Excel put beside it). Messages are Chinese (``os_error_text``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()  # replace the file the link points to, keep the link
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"无法写入“{target}”：目录“{directory}”不存在")
    if target.exists():
        ensure_replaceable(target)
    try:
        handle, temporary = tempfile.mkstemp(prefix=_temporary_prefix(target.name),
                                             suffix=".tmp", dir=directory)
    except OSError as error:
        raise OutputError(f"无法写入“{target}”：{os_error_text(error)}") from None
    os.close(handle)
    temporary_path = Path(temporary)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary_path, 0o666 & ~umask)  # mkstemp makes 0600; a workbook is for sharing
    try:
        yield temporary_path
        _flush(temporary_path)
        os.replace(temporary_path, target)
        _flush_directory(directory)
    except OSError as error:
        raise OutputError(f"无法写入“{target}”：{os_error_text(error)}") from None
    finally:
        if temporary_path.exists():
            temporary_path.unlink()


_TEMPORARY_NAME_BYTES = 200  # ".NAME." + 8 random + ".tmp" within a file name's 255 bytes


def _temporary_prefix(name: str) -> str:
    """".NAME.", the name shortened (by whole characters) to leave room for the rest."""
    while len(os.fsencode(name)) > _TEMPORARY_NAME_BYTES:
        name = name[:-1]
    return f".{name}."


def ensure_replaceable(target: Path) -> None:
    """Refuse, with ``OutputError``, to replace a read-only file or one open elsewhere."""
    if target.is_dir():
        raise OutputError(f"“{target}”是一个文件夹，不能写成文件")
    if not target.stat().st_mode & 0o222:
        raise OutputError(f"“{target.name}”是只读文件，未覆盖；如确要替换，请先取消只读属性")
    for lock in (target.with_name(f".~lock.{target.name}#"), target.with_name(f"~${target.name}")):
        if lock.exists():
            raise OutputError(f"“{target.name}”似乎正被 Excel/WPS/LibreOffice 打开（发现锁文件"
                              f"“{lock.name}”），请先关闭它；如确认没有打开，可删除该锁文件后再试")
    if _locked_by_another_process(target):
        raise OutputError(f"“{target.name}”正被其他程序使用（文件已加锁），请先关闭它再试")


def _locked_by_another_process(target: Path) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: a file open in Excel cannot be replaced, os.replace says so
        return False
    try:
        handle = os.open(target, os.O_RDWR)
    except OSError:
        return False
    try:
        for lock in (fcntl.flock, fcntl.lockf):
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
}


def os_error_text(error: OSError) -> str:
    """An operating-system error in Chinese: "没有权限", "磁盘空间不足" …"""
    if getattr(error, "winerror", None) in (32, 33):  # sharing / lock violation on Windows
        return "文件正被其他程序打开（如 Excel），请先关闭它"
    return _ERRNO_TEXTS.get(error.errno or 0, error.strerror or str(error))
