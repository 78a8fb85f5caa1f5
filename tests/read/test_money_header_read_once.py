"""A money block's header is read once for the block, not once more for each of its lines:
``_money_lines`` hands the header's columns to the helpers that ask about a line
(``_continues_lines``, ``_header_again``) instead of each reading the header again."""

import pytest
from workbooks import PUTUO_1_ROWS, Book

import jixiao.read.money as money_reader
from jixiao.read.workbook import read_tables

_INDICATORS = [(*PUTUO_1_ROWS[0][:4], "95.60(%)", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]]
_LABELS = ["县财政安排资金", "衔接资金", "整合涉农资金", "彩票公益金"]


def _headers_read(tmp_path, monkeypatch, unfamiliar: int) -> tuple[int, list[float]]:
    """How often a money header was read (a row that is one) for a block of 年度资金总额
    500 / 478 over 其中：中央补助资金 300 / 288 and ``unfamiliar`` lines of names no
    vocabulary knows (each 200 ÷ ``unfamiliar`` of budget, 190 ÷ ``unfamiliar`` spent), and
    the 全年执行数 of the lines read."""
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2023年度）")
    sheet.project("高素质农民培育项目", "某县农业农村局", "某县农业技术推广中心")
    budget, spent = 200 / unfamiliar, 190 / unfamiliar
    sheet.money([("年度资金总额", 500, 500, 478, 10, "95.6%", 9.56),
                 ("其中：中央补助资金", 300, 300, 288, "—", "96%", "—"),
                 *((label, budget, budget, spent, "—", "95%", "—")
                   for label in _LABELS[:unfamiliar])])
    sheet.indicators(_INDICATORS)
    sheet.total(100, 99.56)
    sheet.grade("优")
    path = book.save(tmp_path / f"t{unfamiliar}.xlsx")
    read = money_reader._money_header
    headers = []

    def counted(grid, row, projects=False):
        columns = read(grid, row, projects)
        if columns is not None:
            headers.append(row)
        return columns

    monkeypatch.setattr(money_reader, "_money_header", counted)
    (table,) = read_tables(path)
    return len(headers), [line.executed for line in table.funds.parts]


@pytest.mark.parametrize("unfamiliar", [2, 4])
def test_the_header_is_read_as_often_for_more_lines(tmp_path, monkeypatch, unfamiliar):
    """Two or four lines more under 中央补助资金 (95 + 95, or 47.5 × 4): every line read,
    the header read as often as for one such line."""
    once, _ = _headers_read(tmp_path, monkeypatch, 1)
    more, executed = _headers_read(tmp_path, monkeypatch, unfamiliar)
    assert executed == [288, *[190 / unfamiliar] * unfamiliar]
    assert more == once
