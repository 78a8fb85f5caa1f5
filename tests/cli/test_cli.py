"""The command line as a user runs it: separate processes, Chinese output."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def jixiao(*args, cwd=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "jixiao", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd, timeout=120, env=env)


def test_help_lists_the_commands_in_chinese():
    result = jixiao("--help")
    assert result.returncode == 0
    for command in ("demo", "new", "addin"):
        assert command in result.stdout
    assert "子命令" in result.stdout


@pytest.mark.parametrize("columns", [60, 80])
def test_help_never_breaks_a_latin_word_and_fits_the_terminal(columns, monkeypatch, capsys):
    """argparse wraps at spaces or anywhere in a long run: Chinese help had
    "formula" / "s（只用通用公式引擎）" on two lines (rt14-b D10), and lines as long in
    characters as the terminal, twice as wide on screen. Now: each help text's Latin
    words stay whole on one line, and every line fits the terminal's columns."""
    import re

    from jixiao.cli.main import COMMANDS, build_parser
    from jixiao.terminal import display_width

    monkeypatch.setenv("COLUMNS", str(columns))
    parser = build_parser()
    for name, _, _ in COMMANDS:
        with pytest.raises(SystemExit):
            parser.parse_args([name, "--help"])
        out = capsys.readouterr().out
        command = parser._subparsers._group_actions[0].choices[name]
        words = {word for action in command._actions if action.help
                 for word in re.findall(r"[A-Za-z_][A-Za-z0-9_.\-]{3,}", action.help)}
        lines = out.splitlines()
        for word in words:
            assert any(word in line for line in lines), (name, word)
        for line in lines:
            if line.startswith(("用法", "usage", "  ")) and not line.startswith(" " * 8):
                continue  # argparse's own: the usage, an option's names and metavars
            # (a ，or ） never starts a line: it may stand one past the end)
            assert display_width(line.rstrip("，。、；：）”")) <= columns, (name, line)


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize(("command", "example"), [("batch", '"收件/**/*.xlsx"'),
                                                  ("demo", "jixiao-demo (2).xlsx"),
                                                  ("recalc", "自评表.recalc (2).xlsx")])
def test_an_example_in_the_help_stays_on_one_line(command, example, columns, monkeypatch,
                                                  capsys):
    """rt32 r6: at 80 columns ``batch --help`` broke its example glob after 收件 and
    ``demo --help`` the file name jixiao-demo (2).xlsx at its space (``recalc --help``'s
    自评表.recalc (2).xlsx alike)."""
    from jixiao.cli.main import build_parser

    monkeypatch.setenv("COLUMNS", str(columns))
    with pytest.raises(SystemExit):
        build_parser().parse_args([command, "--help"])
    lines = capsys.readouterr().out.splitlines()
    assert any(example in line for line in lines), lines


def test_demo_scores_the_putuo_table_as_published(tmp_path):
    result = jixiao("demo", "-o", str(tmp_path / "demo.xlsx"))
    assert result.returncode == 0, result.stderr
    assert "执行率 99.81%，得分 9.98 / 10.00" in result.stdout
    assert "总分：99.98    评分等级：优" in result.stdout
    assert "评分规则：mof2020（财政部 财预〔2020〕10号，默认）" in result.stdout  # (not （…（默认））)
    assert (tmp_path / "demo.xlsx").stat().st_size > 0


def test_a_second_demo_never_replaces_the_first_one(tmp_path):
    """rt23 #2: a second ``jixiao demo`` replaced jixiao-demo.xlsx, which the user may have
    opened and edited. Now it goes to the next free name, as Windows names a second copy
    (a planted link is a name taken, never followed), and says so; a file named with -o
    is replaced (demo has no --force; ``recalc -o`` and ``check --annotate`` keep theirs)."""
    from openpyxl import load_workbook

    first = jixiao("demo", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "已写入示例工作簿：jixiao-demo.xlsx\n" in first.stdout
    edited = tmp_path / "jixiao-demo.xlsx"
    book = load_workbook(edited)
    book.active["A1"] = "我改过的"
    book.save(edited)
    mine = edited.read_bytes()
    (tmp_path / "jixiao-demo (2).xlsx").symlink_to(tmp_path / "别处.xlsx")
    second = jixiao("demo", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "已写入示例工作簿：jixiao-demo (3).xlsx（“jixiao-demo.xlsx”已存在，未覆盖）\n" \
        in second.stdout
    assert edited.read_bytes() == mine and not (tmp_path / "别处.xlsx").exists()
    assert load_workbook(tmp_path / "jixiao-demo (3).xlsx").active["A1"].value != "我改过的"
    assert "总分：99.98" in second.stdout
    named = jixiao("demo", "-o", "jixiao-demo.xlsx", cwd=tmp_path)
    assert named.returncode == 0, named.stderr
    assert "已写入示例工作簿：jixiao-demo.xlsx\n" in named.stdout
    assert edited.read_bytes() != mine
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "jixiao-demo (2).xlsx", "jixiao-demo (3).xlsx", "jixiao-demo.xlsx"]


def test_demo_zizhou_shows_the_rule_score_and_why_one_score_is_missing(tmp_path):
    result = jixiao("demo", "--sample", "zizhou-2023", "-o", str(tmp_path / "z.xlsx"))
    assert result.returncode == 0, result.stderr
    assert "8.95" in result.stdout
    assert "单位不一致" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("demo", "--sample", "beijing"), "没有名为“beijing”的样例"),
    (("demo", "--rules", "nosuch"), "未知的评分规则"),
    (("demo", "-o", "/nonexistent-dir/x.xlsx"), "目录"),
    (("demo", "-o", "x.txt"), ".xlsx"),
    (("nosuchcommand",), "参数错误"),
])
def test_bad_input_is_one_chinese_line_and_exit_2(tmp_path, args, message):
    result = jixiao(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
