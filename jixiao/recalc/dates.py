"""Excel's two date systems in the general engine.

A workbook saved with the 1904 date system (``<workbookPr date1904="1"/>``: Excel for Mac
before 2011, or 选项 → 使用 1904 日期系统) counts its day serials from 1904-01-01, so
2025-01-10 is 44205 where the 1900 system says 45667 — 1462 days apart. The formulas package
knows the 1900 system only. Its date functions meet serials at two places, ``_int2date``
(serial → year, month, day) and ``xdate`` (year, month, day → serial); jixiao's TEXT and
DATE call them too. Within ``date_system(True)`` both shift by 1462 days, so DATE, DATEVALUE,
YEAR, MONTH, DAY, TEXT, DATEDIF, EDATE, EOMONTH, WEEKNUM, WORKDAY, TODAY … read and write
the workbook's own serials, as Excel and LibreOffice compute them; WEEKDAY counts from the
serial itself and is shifted on its own. A difference of two dates is the same in both.

The system is a context variable: set for one evaluation, in its thread only.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
from collections.abc import Iterator
from typing import Any

import formulas.functions.date as formulas_dates
from formulas.errors import FoundError
from formulas.functions import Error, wrap_ufunc
from formulas.functions.date import text2num

from jixiao.xlsx.numformats import MAC_EPOCH, WINDOWS_EPOCH

DAYS_1900_TO_1904 = 1462  # 1904-01-01 is serial 1462 in the 1900 system, 0 in the 1904 one

_DATE1904: contextvars.ContextVar[bool] = contextvars.ContextVar("date1904", default=False)
_serial_to_date = formulas_dates._int2date  # the 1900 system's, as formulas has them
_date_to_serial = formulas_dates.xdate
_weekday = formulas_dates.xweekday


@contextlib.contextmanager
def date_system(date1904: bool) -> Iterator[None]:
    """Evaluate within the workbook's date system (``Package.date1904``)."""
    token = _DATE1904.set(date1904)
    try:
        yield
    finally:
        _DATE1904.reset(token)


def epoch() -> datetime.datetime:
    """Day 0 of the date system in use (``numformats.from_excel``'s epoch)."""
    return MAC_EPOCH if _DATE1904.get() else WINDOWS_EPOCH


def serial_to_date(serial: Any) -> tuple[int, int, int]:
    """(year, month, day) of a day serial of the workbook's system."""
    return _serial_to_date(serial + DAYS_1900_TO_1904 if _DATE1904.get() else serial)


def date_to_serial(year: Any, month: Any, day: Any) -> int:
    """The workbook's day serial of a date; before 1904-01-01 in the 1904 system, #NUM!."""
    serial = _date_to_serial(year, month, day)
    if not _DATE1904.get():
        return serial
    if serial < DAYS_1900_TO_1904:
        raise FoundError(err=Error.errors["#NUM!"])
    return serial - DAYS_1900_TO_1904


def _weekday_in_system(serial: Any, kind: Any = 1) -> Any:
    shift = DAYS_1900_TO_1904 if _DATE1904.get() else 0
    return _weekday(float(serial) + shift, kind)


def use_date_system(registry: dict[str, Any]) -> None:
    """Route formulas' date functions through the system in use (idempotent)."""
    formulas_dates._int2date = serial_to_date
    formulas_dates.xdate = date_to_serial
    registry["WEEKDAY"] = wrap_ufunc(_weekday_in_system, input_parser=lambda *a: text2num(a))


__all__ = ["DAYS_1900_TO_1904", "date_system", "date_to_serial", "epoch", "serial_to_date",
           "use_date_system"]
