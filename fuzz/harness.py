"""What a fuzz case runs: ``jixiao check`` and ``jixiao recalc`` on one workbook,
as the commands do, minus printing. Shared by tests/product/test_fuzz.py and fuzz/run.py.

``exercise(path, workdir)`` returns the problems found — empty when every step
either succeeded or refused the file with a ``JixiaoError`` (what the command
line prints as one Chinese line, exit 2). A problem is any other exception (a
crash), or a recalculated copy that is damaged although its input was sound.
"""

from __future__ import annotations

import traceback
import zipfile
from pathlib import Path
from xml.etree import ElementTree

# ---------------------------------------------------------------- what is mutated

def base_workbooks() -> dict[str, bytes]:
    """Valid workbooks to start from, name (with suffix) → bytes: the template filled
    and recalculated (JX_ formulas, core path), clerk-made tables in three layouts
    (general formulas: SUM, IF, ROUND), and a macro workbook."""
    import sys
    import tempfile

    root = Path(__file__).resolve().parent.parent
    sys.path[:0] = [str(root), str(root / "tests")]
    import hostile
    import workbooks

    from jixiao.recalc.workbook import recalc_file
    from jixiao.samples import sample
    from jixiao.template.build import build_template

    out: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="jixiao-fuzz-") as folder:
        directory = Path(folder)
        build_template(directory / "t.xlsx", year=2024, table=sample("putuo-3"))
        recalc_file(directory / "t.xlsx", directory / "template.xlsx")
        book = workbooks.Book()
        workbooks.standard_sheet(book.sheet())
        sheet = book.wb.create_sheet("计算")
        sheet["A1"], sheet["A2"], sheet["B1"] = 31.56, 31.5, "=ROUND(A2/A1*100,2)"
        sheet["B2"], sheet["B3"] = '=IF(B1>=90,"优","良")', "=SUM(A1:A2)+'自评表'!G8"
        sheet["C1"] = "=JX_RATE(A1,A2)"
        book.save(directory / "clerk.xlsx")
        workbooks.zizhou(directory / "zizhou.xlsx")
        workbooks.sichuan(directory / "sichuan.xlsx")
        hostile.macro(directory)
        for name in ("template.xlsx", "clerk.xlsx", "zizhou.xlsx", "sichuan.xlsx", "macro.xlsm"):
            out[name] = (directory / name).read_bytes()
    return out


def exercise(path: Path, workdir: Path) -> list[str]:
    """Check and recalculate ``path``; the problems, each a one-line description."""
    from jixiao.checks import run_checks
    from jixiao.errors import JixiaoError
    from jixiao.model import evaluate
    from jixiao.read.workbook import read_workbook
    from jixiao.recalc.workbook import recalc_file

    problems = []
    try:
        for table in read_workbook(path).tables:
            for rules in ("mof2020", "sichuan"):
                run_checks(table, evaluate(table, rules))
    except JixiaoError:
        pass
    except Exception as error:  # noqa: BLE001 — what the fuzzer looks for
        problems.append("check: " + _describe(error))
    output = workdir / f"out{path.suffix}"
    try:
        recalc_file(path, output, force=True)  # the last case's: scratch
    except JixiaoError:
        pass
    except Exception as error:  # noqa: BLE001
        problems.append("recalc: " + _describe(error))
    else:
        damaged = _damaged_parts(path, output)
        if damaged:
            problems.append(f"recalc: wrote malformed XML from well-formed input: {damaged}")
    finally:
        output.unlink(missing_ok=True)
    return problems


def _describe(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    inside = [frame for frame in frames if "/jixiao/" in frame.filename] or frames
    where = f"{Path(inside[-1].filename).name}:{inside[-1].lineno}" if inside else "?"
    return f"{type(error).__name__} at {where}: {str(error)[:200]}"


def _damaged_parts(source: Path, output: Path) -> list[str]:
    """Parts well-formed in the input and not in the recalculated copy."""
    damaged = []
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(output) as after:
        for info in after.infolist():
            if not info.filename.endswith(".xml"):
                continue
            new = after.read(info)
            try:
                old = before.read(info.filename)
            except KeyError:
                continue
            if old == new or not _well_formed(old):
                continue
            if not _well_formed(new):
                damaged.append(info.filename)
    return damaged


def _well_formed(data: bytes) -> bool:
    from jixiao.xlsx.xml import parse_xml

    try:
        parse_xml(data)
    except ElementTree.ParseError:
        return False
    return True
