"""A recorded fake of the xlwings objects the 校验 button touches, what Excel
would store of what the button writes, and ``assert_button_agrees(path)``: the
button and ``jixiao check --json`` give the same findings on ``path``.

Used by tests/addin/test_addin_check.py and by conftest.py on every workbook any test
writes (unless ``JIXIAO_BUTTON_IDENTITY=0``).

The fake ``Book`` stands for a workbook open in Excel: its ``api.SaveCopyAs(path)``
copies the file the book was "opened" from, byte for byte, as Excel writes what
it holds. What the button writes is read back as Excel would store it: a text
with the ``'`` prefix is that text; a formula must be one of our HYPERLINKs, and
any other string fails (Excel would have made it a formula, number or date).
"""

import contextlib
import io
import json
import os
import re
import shutil
import stat
from pathlib import Path

from jixiao import addin_setup
from jixiao.checks import SEVERITY_NAMES, Finding
from jixiao.cli.main import main

addin = addin_setup.addin_package()  # jixiao_addin, installed or from addin/


# ------------------------------------------------------------ the recorded fake

class Log(list):
    """Every call the button makes on the fake, in order."""


class FakeApi:
    """The part of Excel's ``Workbook`` COM object the button uses."""

    def __init__(self, book, source, folder, file_format, fail=None):
        self._book, self._source, self._fail = book, source, fail
        self.Path, self.FileFormat, self.Saved = folder, file_format, False
        self.copies = []  # (path, its folder's mode, files already in the folder)

    def SaveCopyAs(self, filename):  # noqa: N802 (Excel's name)
        self._book.log.append(("SaveCopyAs", filename))
        if self._fail is not None:
            raise self._fail
        target = Path(filename)
        assert target.is_absolute()
        self.copies.append((target, stat.S_IMODE(target.parent.stat().st_mode),
                            sorted(target.parent.iterdir())))
        shutil.copyfile(self._source, target)
        # Excel opens no file cut short: such a copy stands for no real one, and keeps the
        # source's age so that the button says of it what check says (xlsx.guard._damaged)
        source = os.stat(self._source)
        os.utime(target, ns=(source.st_atime_ns, source.st_mtime_ns))


class FakeRange:
    def __init__(self, sheet, address):
        self.sheet, self.address = sheet, address
        self.font = type("Font", (), {"bold": False})()

    @property
    def value(self):
        """As xlwings reads one cell, or the row A1:D1 as a list: what Excel stores there
        (a clerk's sheet: ``a1``, its first cell or its first row)."""
        assert self.address in ("A1", "A1:D1")
        if "A1" in self.sheet.written:
            row = [self._kept(value) for value in self.sheet.written["A1"][0][:4]]
        elif isinstance(self.sheet.a1, list):
            row = list(self.sheet.a1[:4])
        else:
            row = [self.sheet.a1]
        row += [None] * (4 - len(row))
        return row[0] if self.address == "A1" else row

    @staticmethod
    def _kept(value):
        kept = stored(value)
        return kept[1] if kept and kept[0] == "text" else kept

    @value.setter
    def value(self, rows):
        self.sheet.book.log.append(("value", self.sheet.name, self.address))
        self.sheet.written[self.address] = rows

    def expand(self, direction):
        assert direction == "right"
        return self

    def autofit(self):
        pass


class FakeSheet:
    def __init__(self, book, name, a1=None):
        self.book, self.name, self.written, self.a1 = book, name, {}, a1

    def __getitem__(self, address):
        return FakeRange(self, address)

    def clear(self):
        self.book.log.append(("clear", self.name))
        if self.book.protected:
            raise RuntimeError(-2147352567, "发生意外。", (0, "Microsoft Excel", "工作表受保护", None, 0, 0))
        self.written.clear()

    def activate(self):
        self.book.active_sheet = self


class FakeSheets(list):
    def __init__(self, book, sheets):
        super().__init__(FakeSheet(book, *sheet) if isinstance(sheet, tuple)
                         else FakeSheet(book, sheet) for sheet in sheets)
        self.book = book

    def __getitem__(self, key):
        if isinstance(key, str):
            return next(sheet for sheet in self if sheet.name == key)
        return list.__getitem__(self, key)

    def add(self, name, after=None):
        self.book.log.append(("add", name, after.name))
        if self.book.protected:
            raise RuntimeError(-2147352567, "发生意外。",
                               (0, "Microsoft Excel", "无法更改受保护的工作簿结构。", None, 0, 0))
        sheet = FakeSheet(self.book, name)
        self.insert(self.index(after) + 1, sheet)
        return sheet


class FakeApp:
    def __init__(self, book):
        self.book, self._status, self.alerts = book, None, []

    @property
    def status_bar(self):
        return self._status

    @status_bar.setter
    def status_bar(self, text):
        self.book.log.append(("status_bar", text))
        self._status = text

    def alert(self, prompt, title=None, mode=None):
        self.book.log.append(("alert", prompt))
        self.alerts.append((prompt, title, mode))


class FakeBook:
    """A workbook open in Excel, "opened" from ``source``."""

    def __init__(self, source, *, name=None, folder=None, file_format=51, sheets=None,
                 fail=None, protected=False):
        source = Path(source)
        self.log, self.protected, self.active_sheet = Log(), protected, None
        self.name = source.name if name is None else name
        self.api = FakeApi(self, source, str(source.parent) if folder is None else folder,
                           file_format, fail)
        self.app = FakeApp(self)
        self.sheets = FakeSheets(self, sheets if sheets is not None else sheet_names(source))


def sheet_names(path):
    """The sheets Excel would show (calamine reads .xlsx/.xlsm/.xls/.ods), with the
    first row (A1:D1) of a 校验结果 sheet (only there: reading the hostile corpus' cells with
    calamine directly can abort the process); a dummy when the file cannot be read
    (Excel would not have opened it either)."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = []
        for name in workbook.sheet_names:
            a1 = None
            if name.startswith(addin.RESULT_SHEET):
                rows = workbook.get_sheet_by_name(name).to_python(nrows=1)
                a1 = [value if value != "" else None for value in rows[0][:4]] \
                    if rows and rows[0] else None
            sheets.append((name, a1))
        return sheets or [("Sheet1", None)]
    except Exception:
        return [("Sheet1", None)]


# ------------------------------------------------------------ what Excel stores

LINK = re.compile(r'=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)')


def stored(value):
    """What Excel holds after the button wrote ``value``: ("text", …), ("link",
    target, shown) or None for a blank; anything Excel would reinterpret fails."""
    if value is None or value == "":
        return None
    assert isinstance(value, str), value
    if value.startswith("'"):
        return ("text", value[1:])
    match = LINK.fullmatch(value)
    assert match, f"Excel would not store this as text: {value!r}"
    target, shown = (part.replace('""', '"') for part in match.groups())
    return ("link", target, shown)


_NAMES = {name: severity for severity, name in SEVERITY_NAMES.items()}


def written_findings(book):
    """(code, severity, sheet, cell, message) of each row the button wrote, each
    hyperlink checked to go to that cell of a sheet of the book; and the notes."""
    rows = book.active_sheet.written["A1"]  # 校验结果 (校验结果2 beside the unit's own)
    assert book.active_sheet.name.startswith(addin.RESULT_SHEET)
    assert all(len(row) == 4 for row in rows)
    assert [stored(value) for value in rows[0]] == [("text", t) for t in ["代码", "级别", "位置", "说明"]]
    findings, notes, body = [], [], rows[1:]
    if [stored(value) for value in body[0]] == [None, None, None, ("text", "未发现问题。")]:
        body = body[1:]
    for index, row in enumerate(body):
        cells = [stored(value) for value in row]
        if cells == [None] * 4:
            notes = [cell[1] for _, _, _, cell in (map(stored, r) for r in body[index + 1:])]
            break
        code, level, where, message = cells
        sheet = cell = None
        if where is not None and where[0] == "link":
            target, shown = where[1], where[2]
            sheet_part, _, cell = target.rpartition("!")
            assert sheet_part.startswith("#'") and sheet_part.endswith("'")
            sheet = sheet_part[2:-1].replace("''", "'")
            assert sheet in [s.name for s in book.sheets], (sheet, target)  # the link works
            assert re.fullmatch(r"[A-Z]{1,3}[0-9]+(:[A-Z]{1,3}[0-9]+)?", cell), cell
            if shown == sheet:
                assert cell == "A1"
                cell = None
            else:
                assert shown == f"{sheet}!{cell}"
        elif where is not None:  # no link possible: the sheet name as text
            sheet = where[1]
            names = [s.name for s in book.sheets]
            if "" in names and sheet not in names and re.fullmatch(r"[A-Z]{1,3}[0-9]+", sheet):
                sheet, cell = "", sheet  # the cell alone: on a sheet an export named ""
        findings.append((code[1], _NAMES[level[1]], sheet, cell, message[1]))
    return findings, notes


# ------------------------------------------------------------ jixiao check

def cli(*args):
    """``jixiao …`` in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(arg) for arg in args])
    return code, out.getvalue(), err.getvalue()


def cli_findings(path):
    """``jixiao check --json``: ("error", message) or the list of findings of all tables."""
    code, out, err = cli("check", "--json", path)
    assert "Traceback" not in err
    data = json.loads(out)
    objects = data if isinstance(data, list) else [data]
    if len(objects) == 1 and "error" in objects[0]:
        assert code == (0 if objects[0].get("results_summary") else 2)
        return ("error", ("" if objects[0].get("results_summary") else "无法校验：")
                + objects[0]["error"])
    return [(item["code"], item["severity"], item["sheet"], item["cell"], item["message"])
            for obj in objects for item in obj["findings"]]


def press(path, **options):
    """The button pressed on the workbook ``path`` opened in Excel: the fake book after."""
    book = FakeBook(path, **options)
    addin.check_book(book)
    return book


# ------------------------------------------------------------ the criterion

def assert_button_agrees(path):
    """The button pressed on ``path`` writes, finding for finding, what ``jixiao
    check --json`` says about it (or alerts its "无法校验：" line); the file is not
    touched and the private temporary folder is gone. Returns the fake book."""
    path = Path(path)
    before = path.read_bytes()
    expected = cli_findings(path)
    book = press(path)
    assert path.read_bytes() == before  # the clerk's file is never written
    ((copy, mode, already),) = book.api.copies
    assert copy.name == path.name and already == []
    assert not copy.parent.exists()  # the temporary folder is gone
    if os.name == "posix":
        assert mode == 0o700  # private to this user
    if isinstance(expected, tuple):  # a file jixiao cannot check: the same line, one alert
        _, error = expected
        ((message, title, _),) = book.app.alerts
        assert message == error and title == "绩效自评"
        _, text, _ = cli("check", path)
        assert message in text.splitlines()
        assert [sheet.name for sheet in book.sheets].count(addin.RESULT_SHEET) == 0
        return book
    findings, notes = written_findings(book)
    assert findings == expected
    assert book.app.alerts == []
    assert book.app.status_bar == addin.check_summary(
        [Finding(*item) for item in expected])
    _, text, _ = cli("check", path)
    assert notes == [line for line in text.splitlines() if line.startswith("注意：")]
    return book
