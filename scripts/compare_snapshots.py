"""Compare two JSON snapshot trees written by the test suite (``JIXIAO_JSON_SNAPSHOT``).

    JIXIAO_JSON_SNAPSHOT=/tmp/before python -m pytest --hypothesis-seed=0   # old code
    JIXIAO_JSON_SNAPSHOT=/tmp/after  python -m pytest --hypothesis-seed=0   # new code
    python scripts/compare_snapshots.py /tmp/before /tmp/after

Prints every workbook whose ``jixiao check --json`` differs (with a short unified diff),
and the workbooks found in only one tree; exit 1 when anything differs.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path


def _tree(root: Path) -> dict[Path, Path]:
    """Snapshot files by name; an older tree named its folders ``tests_<file>_<test>``
    (the test file's path), a newer one ``<file>_<test>`` (tests now live in folders)."""
    found = {}
    for path in root.rglob("*.json"):
        relative = path.relative_to(root)
        top = relative.parts[0].removeprefix("tests_")
        found[Path(top, *relative.parts[1:])] = path
    return found


def main(argv: list[str]) -> int:
    before, after = Path(argv[0]), Path(argv[1])
    old, new = _tree(before), _tree(after)
    changed = 0
    for name in sorted(old.keys() & new.keys()):
        a, b = old[name].read_text("utf-8"), new[name].read_text("utf-8")
        if a != b:
            changed += 1
            print(f"== {name}")
            diff = difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=1)
            print("\n".join(list(diff)[2:40]))
    only_old, only_new = sorted(old.keys() - new.keys()), sorted(new.keys() - old.keys())
    print(f"\n{len(old.keys() & new.keys())} workbooks in both, {changed} differ; "
          f"{len(only_old)} only before, {len(only_new)} only after")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
