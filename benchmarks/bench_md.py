"""Writing one benchmark's section of BENCHMARKS.md between its markers."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_section(key: str, title: str, text: str, intro: str = "") -> None:
    """Replace the text between ``<!-- key:start -->`` and ``<!-- key:end -->``, or append it.

    A non-empty ``intro`` also replaces what stands between the section's heading and
    its start marker (the description of the method, which changes with the script).
    """
    start, end = f"<!-- {key}:start -->", f"<!-- {key}:end -->"
    path = ROOT / "BENCHMARKS.md"
    body = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    section = f"{start}\n{text}\n{end}"
    if start in body:
        body = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: section, body,
                      flags=re.S)
        if intro:
            heading = f"## {title}\n\n"
            body = re.sub(re.escape(heading) + r"(?:(?!\n## ).)*?" + re.escape(start),
                          lambda _: heading + intro + start, body, flags=re.S)
    else:
        body = body.rstrip("\n") + f"\n\n## {title}\n\n" + intro + section + "\n"
    path.write_text(body, encoding="utf-8")


def megabytes(value: float | None) -> str:
    return "?" if value is None else f"{value:.0f} MB"


# ``python -c MEASURED jixiao ARGS…`` runs ``python -m jixiao ARGS…`` and ends by writing
# "PEAK <own VmHWM KB> <largest child's maxrss KB>" to stderr. The process's own
# high-water mark, not its rusage: that would count pages shared with the parent
# before exec. The workers are this process's children (forked by it) or a fork
# server's: the ones still ending are waited for, and the fork server stopped (and so
# waited for), so that the largest of them counts among this process's children.
MEASURED = """
import multiprocessing, resource, runpy, sys, time
from multiprocessing import forkserver
sys.argv = sys.argv[1:]
try:
    runpy.run_module("jixiao", run_name="__main__")
except SystemExit as stop:
    code = stop.code
else:
    code = 0
deadline = time.monotonic() + 30
while multiprocessing.active_children() and time.monotonic() < deadline:
    time.sleep(0.01)  # active_children() reaps the workers that have ended
forkserver._forkserver._stop()
main = next(int(line.split()[1]) for line in open("/proc/self/status")
            if line.startswith("VmHWM:"))
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stderr.write(f"PEAK {main} {child}\\n")
sys.exit(code)
"""
