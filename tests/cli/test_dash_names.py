"""A file whose name begins with “-” (rt34 r7 #5): ``jixiao recalc -甲.xlsx`` said
“缺少必需的参数：输入.xlsx” — argparse took the name for an unknown option. Every command
that takes a path takes it as written: an argument naming no option is a file when it
exists, or when no option could be spelled so (a dot, a Chinese character)."""

import pytest
from workbooks import standard

from jixiao.cli.main import main


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    standard(tmp_path / "-甲.xlsx")
    (tmp_path / "-收件").mkdir()
    standard(tmp_path / "-收件" / "乙.xlsx")
    return tmp_path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "参数错误" not in err and "Traceback" not in out + err, err
    return code, out + err


def test_check_and_its_annotated_copy(here, capsys):
    code, said = run(capsys, "check", "-甲.xlsx", "--annotate", "-甲-标注.xlsx")
    assert code == 0 and "-甲.xlsx" in said
    assert (here / "-甲-标注.xlsx").is_file()
    code, said = run(capsys, "check", "--json", "-甲.xlsx")
    assert code == 0 and "-甲.xlsx" in said


def test_recalc_input_and_output(here, capsys):
    assert run(capsys, "recalc", "-甲.xlsx")[0] == 0
    assert (here / "-甲.recalc.xlsx").is_file()
    assert run(capsys, "recalc", "-甲.xlsx", "-o", "-乙.xlsx")[0] == 0
    assert (here / "-乙.xlsx").is_file()
    assert run(capsys, "recalc", "-甲.xlsx", "--output=-丙.xlsx")[0] == 0
    assert (here / "-丙.xlsx").is_file()


def test_batch_folder_and_summary(here, capsys):
    code, said = run(capsys, "batch", "-收件", "-o", "-汇总.xlsx")
    assert code == 0, said
    assert (here / "-汇总.xlsx").is_file()


def test_convert_new_and_demo(here, capsys):
    assert run(capsys, "convert", "-甲.xlsx", "-o", "-转入.xlsx")[0] in (0, 1)
    assert (here / "-转入.xlsx").is_file()
    assert run(capsys, "new", "-空白.xlsx")[0] == 0
    assert (here / "-空白.xlsx").is_file()
    assert run(capsys, "demo", "-o", "-示例.xlsx")[0] == 0
    assert (here / "-示例.xlsx").is_file()


def test_a_missing_file_is_missing_not_a_missing_argument(here, capsys):
    assert main(["check", "-丁.xlsx"]) == 2
    out, err = capsys.readouterr()
    assert "-丁.xlsx" in out + err and "缺少必需的参数" not in err


def test_options_stay_options(here, capsys):
    """A real option is one, even beside a file of its name; a mistyped option is still
    refused as one; ./-甲.xlsx and -- work as before."""
    (here / "--force").write_bytes(b"")
    assert run(capsys, "recalc", "-甲.xlsx", "--force")[0] == 0
    assert run(capsys, "recalc", "./-甲.xlsx", "--force")[0] == 0
    assert run(capsys, "recalc", "--force", "--", "-甲.xlsx")[0] == 0
    for typo in ("--forse", "-x"):
        with pytest.raises(SystemExit) as stopped:
            main(["recalc", "-甲.xlsx", typo])
        assert stopped.value.code == 2
        assert f"无法识别的参数：{typo}" in capsys.readouterr().err


@pytest.mark.parametrize("typo, meant", [
    ("--annotate＝标注.xlsx", "--annotate=标注.xlsx"),  # a Chinese input method's ＝
    ("--json，", "--json"),  # … and its trailing ，
    ("--rules＝ratio", "--rules=ratio"),
    ("-–json", "--json"),  # en dash
    ("—json", "--json"),  # em dash for --
    ("--forcé", None),
    ("--annotate-dir＝标注", None),  # not an option of check
])
def test_a_mistyped_option_is_an_option_not_a_file(here, capsys, typo, meant):
    """rt35 r7 #2: an argument starting with -- (or - and a dash) that names no option is
    refused as an option, never checked as a missing file; a known option typed with
    full-width characters is named as it was meant."""
    with pytest.raises(SystemExit) as stopped:
        main(["check", "-甲.xlsx", typo])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and f"参数错误：无法识别的参数：{typo}" in err
    assert "找不到文件" not in err
    assert (f"是否想写 {meant}？" in err) if meant else "是否想写" not in err
    assert not (here / "标注.xlsx").exists()


@pytest.mark.parametrize("name", ["—A单位自评表.xlsx", "–report.xlsx", "—Ａ.xlsx", "-ｊson.xlsx"])
def test_an_existing_file_with_a_dash_and_a_letter_is_a_file(here, capsys, name):
    """review B #2: a file whose name an input method's dash and a letter begin is
    checked when it exists (as -甲.xlsx is); only a name that does not exist is taken
    for a mistyped option."""
    standard(here / name)
    code, said = run(capsys, "check", name)
    assert code == 0 and name in said


@pytest.mark.parametrize("argv, meant", [
    (["check", "-ｊson"], "--json"),  # full-width letters after a single -
    (["recalc", "-ｏ", "y.xlsx"], "-o"),
    (["recalc", "－ｏ", "y.xlsx"], "-o"),
    (["check", "—ｊson"], "--json"),
])
def test_full_width_letters_after_a_dash_are_an_option(here, capsys, argv, meant):
    """review B #3: -ｊson, -ｏ y.xlsx (full-width letters) are a mistyped option, refused
    with the option meant, never looked for as a file."""
    with pytest.raises(SystemExit) as stopped:
        main([argv[0], "-甲.xlsx", *argv[1:]])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and f"无法识别的参数：{argv[1]}" in err
    assert f"是否想写 {meant}？" in err and "请用半角" in err
    assert "找不到文件" not in err
