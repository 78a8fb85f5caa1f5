"""A native-template workbook made before rt33 stores ⚠ on rows its formulas could not
score then and jixiao's can now (健全 beside 健全, a level of a 好/较好/一般/差 scale, 万 beside
the unit). JX406 said to choose 达成 from the drop-down, or to rewrite an approved 指标值 “in
the common way” (≥95%) — for a row with nothing wrong in it. Now: the formulas are an older
template's; jixiao convert brings the table into today's, nothing typed to change."""

from __future__ import annotations

import re
import zipfile

import pytest

from jixiao import native
from jixiao.errors import NotRecalculated
from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalc_file
from jixiao.samples import sample
from jixiao.template.build import build_template


def _older(tmp_path, target, actual):
    """putuo-1 in the native template, row 17 written ``target`` | ``actual``, its results
    stored by jixiao recalc, then H17 stored as an older template's formulas showed it."""
    from openpyxl import load_workbook

    path = tmp_path / "t.xlsx"
    build_template(path, year=2024, table=sample("putuo-1"), formulas="native")
    book = load_workbook(path)
    book["自评表"]["E17"], book["自评表"]["F17"] = target, actual
    book.save(path)
    stored, _ = recalc_file(path, tmp_path / "stored.xlsx")
    older = tmp_path / "older.xlsx"
    with zipfile.ZipFile(stored) as source, zipfile.ZipFile(older, "w") as target_zip:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                cell = re.search(r'<c r="H17"[^>]*>.*?</c>', text)
                assert cell is not None
                formula = re.search(r"<f>.*?</f>", cell.group(0)).group(0)
                text = text.replace(cell.group(0), f'<c r="H17" s="{_style(cell.group(0))}" '
                                    f't="str">{formula}<v>{native.WARN_INPUT}</v></c>')
                data = text.encode("utf-8")
            target_zip.writestr(item, data)
    return older


def _style(cell: str) -> str:
    found = re.search(r' s="(\d+)"', cell)
    return found.group(1) if found else "0"


@pytest.mark.parametrize(("target", "actual", "points"), [
    ("健全", "健全", 25),
    ("好/较好/一般/差", "好", 25),
    ("≥1.2万人", "13000人", 25),
])
def test_a_row_older_formulas_could_not_score_is_told_to_convert(tmp_path, target, actual,
                                                                 points):
    findings = [f for f in check_workbook(_older(tmp_path, target, actual)).findings
                if f.code == "JX406"]
    assert [(f.cell, f.severity) for f in findings] == [("F17", "warning")]
    assert "得分公式是旧版 jixiao 模板的" in findings[0].message
    assert "jixiao convert" in findings[0].message and "不必改动" in findings[0].message
    assert findings[0].message.endswith(f"得分为 {points}（定性指标：达成）") \
        or findings[0].message.endswith(f"得分为 {points}（完成值达到指标值）")


def test_a_row_no_formulas_score_keeps_its_own_advice(tmp_path):
    """≥1.2亿元 beside 13000万元 the formulas of today do not score either: the advice to
    write the 完成值 in the 指标值's unit stays."""
    findings = [f for f in check_workbook(_older(tmp_path, "≥1.2亿元", "13000万元")).findings
                if f.code == "JX406"]
    assert len(findings) == 1 and "旧版" not in findings[0].message
    assert "按指标值的单位“亿元”填写" in findings[0].message


@pytest.mark.parametrize(("target", "actual", "cell", "said"), [
    ("≥３０处", "32处", "E17", "指标值“≥３０处”中的数字是全角字符（３０），"),
    ("≥95%", "９６％", "F17", "完成值“９６％”中的数字是全角字符（９６），"),
    ("≥１．２万人", "1.25万人", "E17", "指标值“≥１．２万人”中的数字是全角字符（１．２），"),
])
def test_full_width_digits_older_formulas_could_not_read_are_named(tmp_path, target, actual,
                                                                   cell, said):
    """rt34 F2: an older native template's formulas read no full-width digits (≥３０处);
    JX406 said to write the row “in the common way (≥95%)”, as it already looked. Now it
    names the full-width digits and says to type them half-width, or to convert."""
    findings = [f for f in check_workbook(_older(tmp_path, target, actual)).findings
                if f.code == "JX406"]
    assert [(f.cell, f.severity) for f in findings] == [(cell, "warning")]
    message = findings[0].message
    assert said in message and "请改为半角（" in message and "jixiao convert" in message
    assert "常见写法" not in message


def _without_raw_helpers(older, tmp_path):
    """``older`` as a native template made before the t_raw/a_raw helpers (rt34): no cell
    in the hidden columns AC:AD."""
    stripped = tmp_path / "before-rt34.xlsx"
    cells = re.compile(r'<c r="A[CD]\d+"[^>]*?(?:/>|>.*?</c>)')
    with zipfile.ZipFile(older) as source, zipfile.ZipFile(stripped, "w") as target_zip:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text, count = cells.subn("", data.decode("utf-8"))
                assert count >= 2 * 28
                data = text.encode("utf-8")
            target_zip.writestr(item, data)
    return stripped


def test_a_native_template_without_the_raw_helper_columns_is_older(tmp_path):
    """A native template made before rt34 has no hidden AC:AD (its M and Q normalise the
    whole 指标值/完成值): JX406 still tells its full-width digits and jixiao convert, and
    recalc, which computes today's formulas only, writes nothing and says the same (rt35:
    it stored today's results under the older formulas, which programs recompute on opening:
    tests/recalc/test_older_native.py)."""
    older = _without_raw_helpers(_older(tmp_path, "≥３０处", "32处"), tmp_path)
    findings = [f for f in check_workbook(older).findings if f.code == "JX406"]
    assert [f.cell for f in findings] == ["E17"]
    assert "全角" in findings[0].message and "jixiao convert" in findings[0].message
    with pytest.raises(NotRecalculated, match="原生公式与当前版本 jixiao 的模板不同.*jixiao convert"):
        recalc_file(older, tmp_path / "again.xlsx")
    assert not (tmp_path / "again.xlsx").exists()
