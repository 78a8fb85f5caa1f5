"""Writing one benchmark's section of BENCHMARKS.md between its markers."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_section(key: str, title: str, text: str, intro: str = "") -> None:
    """Replace the text between ``<!-- key:start -->`` and ``<!-- key:end -->``, or append it."""
    start, end = f"<!-- {key}:start -->", f"<!-- {key}:end -->"
    path = ROOT / "BENCHMARKS.md"
    body = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    section = f"{start}\n{text}\n{end}"
    if start in body:
        body = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: section, body,
                      flags=re.S)
    else:
        body = body.rstrip("\n") + f"\n\n## {title}\n\n" + intro + section + "\n"
    path.write_text(body, encoding="utf-8")
