"""The per-file time bound's settings and its ``--timeout`` option: light, so that the
commands' ``configure`` (run for every ``jixiao --help``) need not import ``safety``."""

from __future__ import annotations

from typing import Any

TIMEOUT_VARIABLE = "JIXIAO_TIMEOUT"
DEFAULT_FILE_SECONDS = 60.0  # a file at every limit takes ~10 s here; a 自评表 well under 1 s


def add_timeout_option(parser: Any) -> None:
    """The ``--timeout`` option of every command that reads submitted files."""
    parser.add_argument("--timeout", type=float, default=None, metavar="秒数",
                        help=f"每个文件的处理时间上限（秒；默认 {DEFAULT_FILE_SECONDS:g}，或环境变量 "
                             f"{TIMEOUT_VARIABLE}；0 为不限）")
