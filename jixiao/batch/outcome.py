"""What a batch run produces, as plain data: one ``Outcome`` per file (what
``jixiao check FILE --json`` prints, plus notes), the ``BatchRun`` record, and the
names of the summary workbook's sheets (discovery skips jixiao's own summaries).
Everything here is small and plain, so it travels between processes and machines."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SUMMARY_SHEET, FINDINGS_SHEET, STATS_SHEET = "汇总", "问题明细", "统计"


@dataclass
class Outcome:
    """One checked file: what ``jixiao check FILE --json`` prints, and what it noted."""

    file: str
    report: Any                                     # the JSON value: one object, or a list
    notes: list[str] = field(default_factory=list)  # sheets skipped, annotation trouble
    annotated: str | None = None                    # the annotated copy written, if any
    # cut short by the time limit: the result holds for that limit only (not stored)
    given_up: bool = False

    @property
    def tables(self) -> list[dict[str, Any]]:
        return self.report if isinstance(self.report, list) else [self.report]

    @property
    def error(self) -> str | None:
        return next((table["error"] for table in self.tables if "error" in table), None)

    def to_json(self) -> str:
        return _json({"file": self.file, "report": self.report, "notes": self.notes,
                      "annotated": self.annotated}, self.file)

    @classmethod
    def from_json(cls, text: str) -> Outcome:
        return cls(**json.loads(text))

    def brief(self) -> Outcome:
        """The outcome without its tables' indicators and funds: all a summary row needs,
        in a quarter of the JSON (2,000 files: 25 ms to parse again, not 105 ms)."""
        tables = [{key: value for key, value in table.items() if key not in _DETAILS}
                  for table in self.tables]
        return Outcome(self.file, tables if isinstance(self.report, list) else tables[0],
                       self.notes, self.annotated)

    def texts(self) -> tuple[str, str]:
        """Its JSON in full (the JSON Lines) and in brief (the summary)."""
        return self.to_json(), self.brief().to_json()


_DETAILS = ("indicators", "funds")  # what a table's summary row does not need


def _json(value: Any, file: str) -> str:
    """``value`` as JSON text. A file name that is not Unicode (the GBK bytes of a
    Windows archive unzipped on Linux: Python holds them as lone surrogates) is kept
    exactly as ``\\udcxx`` escapes — valid JSON, and UTF-8 for SQLite and files."""
    return json.dumps(value, ensure_ascii=not is_unicode(file))


def is_unicode(text: str) -> bool:
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True


def shown_name(text: str) -> str:
    """A text holding a file name that is not Unicode, for people: each name (or path
    component) that is not UTF-8 read as GBK, what a Chinese Windows wrote (a Windows
    zip unpacked on Linux). The name is read whole: GBK bytes hold pairs that happen to
    be UTF-8 (乙单位's D2 B5 is "ҵ", 位's CE BB "λ"), which reading only the runs that
    are not UTF-8 would keep. A name of GBK bytes and real UTF-8 Chinese (甲乙 in GBK,
    then 报告: renamed on Linux) keeps its UTF-8; U+FFFD where no reading fits."""
    if is_unicode(text):
        return text
    return _NAME_WITH_BYTES.sub(lambda name: _gbk_name(name.group()), text)


# The bytes of a name that were not UTF-8, as Python holds them (surrogateescape)
_UNDECODED = re.compile("[\udc80-\udcff]+")
# A name, or the part of one, holding such bytes: what lies between the separators of a
# path or a message — white space, quotes, CJK punctuation, and the ASCII punctuation
# below "@" (no byte of a GBK character is one: each is 0x81–0xFE, then 0x40–0xFE)
_SEPARATORS = "\\s\x00-\x2f\x3a-\x3f“”‘’「」『』《》：，；。、" + re.escape(os.sep)
_NAME_WITH_BYTES = re.compile(f"[^{_SEPARATORS}]*[\udc80-\udcff][^{_SEPARATORS}]*")
# What real UTF-8 beside GBK bytes is: Chinese (GBK bytes read as UTF-8 are, as a rule,
# Cyrillic, Greek or other letters, and leave a lead byte alone: no clean reading)
_CHINESE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def _gbk_name(name: str) -> str:
    """A name holding bytes that are not UTF-8, read as GBK: whole, unless it is GBK
    runs between real Chinese (each run GBK, every other non-ASCII character Chinese)."""
    runs = [bytes(ord(char) - 0xDC00 for char in run) for run in _UNDECODED.findall(name)]
    rest = [char for char in _UNDECODED.sub("", name) if not char.isascii()]
    try:
        if all(_CHINESE.fullmatch(char) for char in rest):
            for run in runs:
                run.decode("gb18030")
            return _by_runs(name)  # GBK runs and real UTF-8: each as it is
    except UnicodeDecodeError:
        pass
    try:
        return name.encode("utf-8", "surrogateescape").decode("gb18030")
    except UnicodeDecodeError:
        return _by_runs(name)


def _by_runs(name: str) -> str:
    """Each run of bytes that is not UTF-8 read as GBK; U+FFFD where even that fails."""
    return _UNDECODED.sub(lambda run: bytes(ord(char) - 0xDC00 for char in run.group())
                          .decode("gb18030", "replace"), name)


def path_order(path: str) -> tuple[tuple[Any, ...], str]:
    """The order of a batch's files, wherever it sorts them (discovery, 汇总 and 问题明细,
    the JSON Lines, the names listed in 统计): folder by folder, names in natural order —
    the numbers in them by value (项目2 before 项目10), a name before the longer ones it
    begins (x.xlsx before x - 副本.xlsx: the stem is compared before the suffix); other
    text by code point, the order of its UTF-8 bytes (a name that is not UTF-8 too), the
    same on every platform. Ties (项目02 and 项目2) fall to the path as written.

    One string is split, not each part of the path (4 µs a path, not 30): each folder
    ends in "\0" and the suffix starts with "\1", below every character of a name, so
    comparing it compares folder by folder, then stem, then suffix."""
    folder, _, name = path.replace(os.sep, "/").rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    if not stem.strip("."):  # no suffix (".profile", "README")
        stem, suffix = name, ""
    return natural_order(
        f"{folder.replace('/', _FOLDER_END)}{_FOLDER_END if folder or path.startswith('/') else ''}"
        f"{stem}{_SUFFIX_START}{suffix}")[0], path


_DIGITS = re.compile(r"(\d+)")
_FOLDER_END, _SUFFIX_START = "\0", "\1"


def natural_order(text: str) -> tuple[tuple[Any, ...], str]:
    """A name's place in the natural order ``path_order`` sorts the files' names in (the
    numbers by value: 某县第2局 before 某县第10局), for what is no path (统计›按主管部门)."""
    parts: list[Any] = _DIGITS.split(text)
    parts[1::2] = map(int, parts[1::2])
    return tuple(parts), text


def moved(outcome: Outcome, file: str) -> Outcome | None:
    """``outcome``, checked at another path, as checking the same bytes at ``file`` gives
    it: its file fields changed. None when anything else in it names the old path or,
    for a file renamed, the old name (a message quoting it): then the file is checked
    again rather than shown a stale name."""
    old = outcome.file
    if old == file:
        return outcome
    report = json.loads(json.dumps(outcome.report))
    tables = report if isinstance(report, list) else [report]
    for table in tables:
        if not isinstance(table, dict):
            return None
        if table.get("file") == old:
            table["file"] = file
        elif table.get("file") == str(Path(old)):
            table["file"] = str(Path(file))
        else:
            return None
    names = {old, os.path.abspath(old), os.path.realpath(old)}
    if os.path.basename(old) != os.path.basename(file):
        names.add(os.path.basename(old))
    rest = [{key: value for key, value in table.items() if key != "file"} for table in tables]
    if any(name and name in text for text in _texts([rest, outcome.notes]) for name in names):
        return None
    return Outcome(file, report, list(outcome.notes))


def _texts(value: Any) -> Any:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


@dataclass
class BatchRun:
    """What a run did. The outcomes themselves went to ``on_outcome`` and the cache."""

    files: list[str]                 # all files found
    done: list[str]                  # those checked (or taken from the cache), in path order
    keys: dict[str, str]             # file → its cache key
    cached: int = 0                  # how many came from the cache
    interrupted: bool = False        # Ctrl-C: ``done`` is what was finished before it
    seconds: float = 0.0
    signal: int | None = None        # what stopped it: SIGINT (Ctrl-C), SIGTERM or SIGHUP
    annotated: dict[str, str] = field(default_factory=dict)  # file → its annotated copy
    # file → where its annotated copy goes (--annotate-dir), every file's, done or not
    targets: dict[str, str] = field(default_factory=dict)
    # file → why its annotated copy could not be written (a full or read-only disk …)
    copies_failed: dict[str, str] = field(default_factory=dict)
    # of ``done``, the entries never opened (an archive, a PDF, a folder named x.xlsx:
    # discovery's odd ones): neither checked again nor cached, whatever changed
    unopened: int = 0
    # of ``annotated``, the files whose copy this run wrote (the rest were found, cached)
    written: set[str] = field(default_factory=set)
