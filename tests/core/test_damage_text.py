"""``errors.damage_text``: what a reader's exception says is wrong, in Chinese — never the
exception's class name (“（KeyError）”, “（ValueError）”, rt33)."""

from __future__ import annotations

import errno
import zipfile
import zlib
from xml.etree.ElementTree import ParseError

from jixiao.errors import damage_text


def _wrapped(cause: BaseException) -> ValueError:
    """As openpyxl raises: its own ValueError from the cause."""
    try:
        try:
            raise cause
        except BaseException as error:
            raise ValueError("Unable to read workbook") from error
    except ValueError as wrapped:
        return wrapped


def test_each_cause_in_words():
    parse = ParseError("not well-formed")
    parse.position = (3, 14)
    assert damage_text(KeyError("There is no item named 'xl/styles.xml' in the archive")) == \
        "缺少部件 xl/styles.xml"
    assert damage_text(KeyError("xl/worksheets/sheet2.xml")) == "缺少部件 xl/worksheets/sheet2.xml"
    assert damage_text(parse) == "XML 格式错误，第 3 行第 14 列"
    assert damage_text(zlib.error("bad")) == "压缩数据损坏"
    assert damage_text(zipfile.BadZipFile("Bad CRC-32")) == "校验和不符，内容已改变"
    assert damage_text(OSError(errno.EACCES, "Permission denied")) == "没有权限"
    assert damage_text(_wrapped(KeyError("xl/sharedStrings.xml"))) == "缺少部件 xl/sharedStrings.xml"
    assert damage_text(ValueError("could not convert string to float: '七'")) == "内容格式异常"
