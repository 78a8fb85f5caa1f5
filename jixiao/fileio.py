"""Writing files so that a user never loses one.

``atomic_output(path)`` yields a temporary path beside the target; only when
the block finishes is it renamed over the target (``os.replace``), so an
interrupted run leaves either the old file or the new one, never half.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"无法写入“{target}”：目录“{directory}”不存在")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                             dir=directory)
    except OSError as error:
        raise OutputError(f"无法写入“{target}”：{error.strerror or error}") from None
    os.close(handle)
    temporary_path = Path(temporary)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary_path, 0o666 & ~umask)  # mkstemp makes 0600; a workbook is for sharing
    try:
        yield temporary_path
        os.replace(temporary_path, target)
    except OSError as error:
        raise OutputError(f"无法写入“{target}”：{error.strerror or error}") from None
    finally:
        if temporary_path.exists():
            temporary_path.unlink()
