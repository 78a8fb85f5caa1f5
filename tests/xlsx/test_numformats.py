"""jixiao.xlsx.numformats gives what openpyxl gives: the same built-in format codes, the
same answer to "is this a date / a duration format", the same date for a serial.
(tests/conftest.py also compares the predicates on every format code of every
workbook a test writes.)"""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.styles import numbers as reference
from openpyxl.utils import datetime as reference_dates

from jixiao.xlsx import numformats
from jixiao.xlsx.numformats import BUILTIN_FORMATS, BUILTIN_LIMIT, from_excel


def test_builtin_formats_are_openpyxls():
    assert BUILTIN_LIMIT == reference.BUILTIN_FORMATS_MAX_SIZE
    for number in range(BUILTIN_LIMIT):
        assert BUILTIN_FORMATS.get(number) == reference.BUILTIN_FORMATS.get(number), number


TRICKY = [
    None, "", "General", "@", "0", "0.00", "0.00%", "0%", "#,##0.00", "0.00E+00", "# ?/?",
    "yyyy-mm-dd", 'yyyy"年"m"月"d"日"', 'yyyy"年"m"月"', 'm"月"d"日"', "[$-409]mmmm d, yyyy",
    "[$-804]yyyy年m月d日", "[DBNum1][$-804]yyyy年m月d日", "[Red]0.00", "[Red]yyyy",
    "[h]:mm", "[h]:mm:ss", "[hh]:mm:ss.000", "[mm]:ss", "[ss].0", "[H]:mm", "[HH]", "[m]",
    "h:mm AM/PM", "mm:ss.0", 'General"天"', '"day"', '"d"0', '0"d"', r"0\d", r"\h0", "_d0",
    "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)", '0;"date d";@', "0;yyyy", "yyyy;0",
    '"a;b"yyyy', '"yyyy', 'yy"yy', "[Red", "[$-409", "[h", "d[Red]", "[Blue][<=100]0;yyyy",
    '"x\ny"d', '"x\ny"0', "[\n]0", "[\n]d", "ſ", "[ſ]", "[ſ]0", "\\ſ", "#,##0 ;(#,##0)",
    "¥#,##0.00;¥-#,##0.00", "[$¥-804]#,##0.00", "0.0 \"万元\"", "0.00\"%\"", "s", "S", "E+",
]
FRAGMENTS = ["yyyy", "yy", "mm", "m", "d", "dd", "h", "hh", "ss", "s", "AM/PM", "0", "0.00",
             "#,##0", "%", "@", "E+00", "General", '"', '"年"', '"d;h"', "[", "]", "[Red]",
             "[h]", "[hh]", "[m]", "[mm]", "[s]", "[ss]", "[H]", "[$-409]", "[$€-2]", ";", "\\",
             "\\d", "_", "_)", "_d", "*", "?", " ", "\n", ".0", ":", "-", "/", "ſ", "Y", "D"]


@pytest.mark.parametrize("code", TRICKY + list(reference.BUILTIN_FORMATS.values()))
def test_date_and_duration_formats_are_told_as_openpyxl_tells_them(code):
    assert numformats.is_date_format(code) == reference.is_date_format(code)
    assert numformats.is_timedelta_format(code) == reference.is_timedelta_format(code)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=8).map("".join)
       | st.text(alphabet='0#.,;:"[]\\_ dmhysDMHYSabſ$-@%\n', max_size=12))
def test_any_code_is_told_as_openpyxl_tells_it(code):
    assert numformats.is_date_format(code) == reference.is_date_format(code)
    assert numformats.is_timedelta_format(code) == reference.is_timedelta_format(code)


def _converted(function, serial, epoch, duration):
    try:
        return function(serial, epoch, timedelta=duration)
    except (OverflowError, ValueError) as error:
        return type(error)


SERIALS = [0, 0.0, 0.5, 0.999999, 0.9999999999, 1, 1.5, 59, 59.999, 60, 60.5, 61, 45657,
           45657.000011574, 45657.99999999, 2958465, 2958466, 2958465.9999999, -1, -0.5,
           -693594, -693595, 1e-9, 1e20, -1e20, float("inf"), float("nan"), 10 ** 9, 36525.25]


@pytest.mark.parametrize("serial", SERIALS)
def test_serials_become_the_dates_openpyxl_gives(serial):
    for epoch in (numformats.WINDOWS_EPOCH, numformats.MAC_EPOCH):
        for duration in (False, True):
            assert _converted(from_excel, serial, epoch, duration) == _converted(
                reference_dates.from_excel, serial, epoch, duration), (serial, epoch, duration)


@settings(max_examples=500, deadline=None)
@given(serial=st.floats(min_value=-800_000, max_value=3_000_000, allow_nan=False)
       | st.integers(min_value=-800_000, max_value=3_000_000),
       mac=st.booleans(), duration=st.booleans())
def test_any_serial_becomes_the_date_openpyxl_gives(serial, mac, duration):
    epoch = numformats.MAC_EPOCH if mac else numformats.WINDOWS_EPOCH
    mine = _converted(from_excel, serial, epoch, duration)
    theirs = _converted(reference_dates.from_excel, serial, epoch, duration)
    assert mine == theirs and type(mine) is type(theirs)


def test_epochs_are_openpyxls():
    assert numformats.WINDOWS_EPOCH == reference_dates.WINDOWS_EPOCH == dt.datetime(1899, 12, 30)
    assert numformats.MAC_EPOCH == reference_dates.MAC_EPOCH


@pytest.mark.parametrize(("code", "shows"), [
    ("0%", True), ("0.00%", True), ("0.0%;[Red]-0.0%", True),
    ('0.00"%"', False), ("0.00\\%", False), ('[$-804]0"%"', False), ("General", False),
    ("#,##0.00", False),
])
def test_a_percent_sign_in_quotes_or_escaped_is_text_not_a_percent_format(code, shows):
    assert numformats.shows_percent(code) is shows


@pytest.mark.parametrize(("value", "code", "shown"), [
    (5, '"≤"0"件"', "≤5件"), (1.2, '0.0"万人"', "1.2万人"), (300, '"≤"0"万元"', "≤300万元"),
    (0.9, '"≥"0%', "≥90%"), (8, '"≤"0"%"', "≤8%"), (0.8049, '"≤"0.00"%"', "≤0.80%"),
    (2.125, '0.00"天"', "2.13天"), (0, '"≥"0"件"', "≥0件"), (5, "0件", "5件"),
    (5, '[Red]"≤"0"件"', "≤5件"), (12.5, '"≥"General"公里"', "≥12.5公里"),
    (2950000, '#,##0,"千元"', "2,950千元"), (1234567, '#,##0"元"', "1,234,567元"),
    (3000000, '0!.0,"万"', "300.0万"), (3000000, '0!.0000"万元"', "300.0000万元"),
    (0.5, '#.#"件"', "0.5件"), (300, '¥#,##0"元"', "300元"), (5, '"≤"0"件";;;@', "≤5件"),
    (0, '0"件";-0"件";"≥"0"件"', "≥0件"),
])
def test_a_number_is_shown_with_the_text_of_its_format(value, code, shown):
    assert numformats.number_shown(value, code) == shown


@pytest.mark.parametrize(("value", "code"), [
    (0.95, "0.00%"), (0.8, '0.00"%"'), (0.8, "0.00\\%"), (1234.5, "#,##0.00"), (5, "General"),
    (300, "[$¥-804]#,##0.00"), (300, '"$"#,##0_);("$"#,##0)'),  # a currency sign: an amount
    (0, numformats.BUILTIN_FORMATS[41]),  # the "-" of an accounting zero shows no number
    (45646, 'yyyy"年"m"月"d"日"'), (1.2, '# ?/?"件"'), (5, '[>100]0"件"'), (-5, '0"件"'),
    (float("inf"), '0"件"'), (float("nan"), '0"件"'), (5, '0.0E+00"件"'), (5.2, '.00"件"'),
])
def test_a_format_without_text_of_its_own_or_not_rendered_shows_none(value, code):
    assert numformats.number_shown(value, code) is None


@pytest.mark.parametrize(("value", "code", "prefix"), [
    (5, '"≤"0"件"', "≤"), (5, '0"件"', ""), (5, '"不超过"#,##0.00"元"', "不超过"),
    (0.9, '"≥"0%', "≥"), (5, '¥"≤"#,##0"元"', "≤"), (0, '0"件";-0"件";"≥"0"件"', "≥"),
    (5, "0.00", ""),
])
def test_the_text_a_format_writes_before_the_number_is_its_sign(value, code, prefix):
    assert numformats.number_prefix(value, code) == prefix


@pytest.mark.parametrize(("value", "code", "shown"), [
    (8.125, "0", 8), (8.5, "0", 9), (8.125, "0.0", 8.1), (8.125, "0.00", 8.13),
    (8.125, "0.000", 8.125), (19.9951, "0.000", 19.995), (1234.5, "#,##0", 1235),
    (8.125, '0.00"分"', 8.13), (8.125, "0.0#", 8.13), (8.125, "0.00_);(0.00)", 8.13),
    (8.334999999999999, "0.00", 8.34),  # 15 significant digits, as Excel keeps them
])
def test_a_number_is_shown_rounded_half_up_to_its_formats_decimals(value, code, shown):
    assert numformats.number_as_shown(value, code) == shown


@pytest.mark.parametrize("code", ["General", "@", "0%", "0.00%", "0.00E+00", "# ?/?",
                                  "yyyy-mm-dd", "[>10]0;0.0", "0.0,", '"≥"General"分"'])
def test_a_format_showing_a_number_as_held_or_not_plainly_has_no_decimals(code):
    assert numformats.number_decimals(code) is None
    assert numformats.number_as_shown(8.125, code) is None
