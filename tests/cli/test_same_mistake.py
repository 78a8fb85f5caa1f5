"""The same mistake gives the same error and the same Chinese line in every command
(errors.wrong_suffix)."""

import pytest


@pytest.mark.parametrize("command", [["new", "模板.txt"], ["demo", "-o", "演示.txt"],
                                     ["convert", "甲.xlsx", "-o", "乙.txt"]])
def test_an_output_without_xlsx_is_one_error_for_every_command(command, tmp_path, capsys,
                                                               monkeypatch):
    from jixiao.cli.main import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "甲.xlsx").write_bytes(b"")
    assert main(command) == 2
    err = capsys.readouterr().err.strip()
    assert err.endswith(f"输出文件“{command[-1]}”须以 .xlsx 结尾"), err
