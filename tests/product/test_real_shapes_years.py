"""The 年度 a table is of, where no 年度 line and no title states it: the year its project's
name starts with or names (随州 2021: 项目名称 | 2021年卫生健康人才培养培训一次性开办费 under a
title without a year), shown in the report's heading and the JSON's project.year."""

import pytest
from test_real_shapes import QUALITATIVE_MET, checked, medical_insurance
from test_real_shapes_hubei_blocks import hubei

from jixiao.cli.main import main


def test_the_year_the_project_name_starts_with(tmp_path, capsys):
    """随州's form: no 年度 line, the title 随州市财政预算支出项目绩效目标自评表 without a
    year, 填报日期：2023年4月23日 (when it was filled in, no year evaluated): the project's
    name 2021年卫生健康… gives 2021 (before: no year at all)."""
    path = hubei(tmp_path / "自评表.xlsx")
    table, data = checked(path)
    assert table.project.year == 2021
    assert data["project"]["year"] == 2021
    main(["check", str(path)])
    assert "表 1/1：2021年卫生健康人才培养培训一次性开办费（2021 年度）" in capsys.readouterr().out


@pytest.mark.parametrize(("name", "year"), [
    ("2021年随州市急救中心运行补助项目", 2021),
    ("随州市2022年度城区道路维修", 2022),
    ("２０２３年农村饮水安全巩固提升", 2023),    # full-width digits
    ("2021-随州市急救中心运行补助", 2021),
    ("2030亩高标准农田建设", None),              # a quantity, not a year
    ("XM2021-35 急救中心运行补助", None),         # a project code
    ("2020-2022年三年行动计划", None),            # two years: none evaluated named
    ("2009年遗留工程收尾", None),                 # not a plausible 年度
    ("医保经办能力提升", None),
])
def test_which_project_names_give_a_year(tmp_path, name, year):
    table, data = checked(medical_insurance(tmp_path / "t.xlsx", QUALITATIVE_MET, total=100,
                                            project=(name,)))
    assert table.project.year == year, name
    assert data["project"]["year"] == year


def test_a_year_written_for_the_table_wins_over_the_projects_name(tmp_path):
    """项目支出绩效自评表（2022年度） over a project named 2021年…: the table's 2022 (the
    project's money of 2021, evaluated for 2022)."""
    table, _ = checked(medical_insurance(tmp_path / "t.xlsx", QUALITATIVE_MET, total=100,
                                         title="项目支出绩效自评表（2022年度）",
                                         project=("2021年医保经办能力提升",)))
    assert table.project.year == 2022


def test_the_projects_name_wins_over_the_files_name(tmp_path):
    """Written in the table, the name's year comes before a file's name (a folder's
    collection, 2020年度.xlsx) — the sheet's or file's name still serve where the name has
    none (test_real_shapes_round9)."""
    table, _ = checked(medical_insurance(tmp_path / "2020年度.xlsx", QUALITATIVE_MET, total=100,
                                         project=("2021年医保经办能力提升",)))
    assert table.project.year == 2021


def test_a_year_inside_an_indicator_is_no_years_table(tmp_path):
    """2023年12月31日前完成 as a 时效 target, a project name without a year: no 年度."""
    rows = [*QUALITATIVE_MET[:1],
            ("产出指标", "时效指标", "完成时间", "2023年12月31日前完成", "2023年11月30日完成", 10, 10,
             None), *QUALITATIVE_MET[2:]]
    table, _ = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=100))
    assert table.project.year is None


def test_the_year_in_brackets_after_the_title(tmp_path):
    """银川市本级部门项目支出绩效自评表（2021年）: the title's year in brackets, without 度
    (before: none — only （2021年度） was read)."""
    from test_real_shapes_yinchuan import yinchuan

    table, data = checked(yinchuan(tmp_path / "t.xlsx"))
    assert table.project.year == 2021 and data["project"]["year"] == 2021
