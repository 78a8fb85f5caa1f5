"""A stuck file is abandoned with a message; the batch goes on."""

import time

import pytest

from jixiao.batch import work as batch
from jixiao.errors import TimedOut
from jixiao.timeouts import time_limit


def test_time_limit_interrupts_a_stuck_block():
    started = time.monotonic()
    with pytest.raises(TimedOut, match="“慢.xlsx”处理超过 0.2 秒"), time_limit(0.2, "慢.xlsx"):
        while True:
            time.sleep(0.01)
    assert time.monotonic() - started < 2


def test_time_limit_lets_quick_work_finish_and_clears_the_timer():
    with time_limit(0.5, "快.xlsx"):
        value = sum(range(1000))
    time.sleep(0.7)  # the timer must not fire after the block
    assert value == 499500


def test_no_limit_means_no_timer():
    with time_limit(None):
        time.sleep(0.05)


def test_batch_row_of_a_stuck_file_says_it_was_abandoned(monkeypatch, tmp_path):
    def stuck(file, rules, annotate_to, *read):
        time.sleep(30)

    monkeypatch.setattr(batch, "_check_and_annotate", stuck)
    outcome = batch.check_one(str(tmp_path / "卡住.xlsx"), None, None, timeout=0.3)
    assert "处理超过 0.3 秒，已放弃" in outcome.error


def test_batch_option_and_command_line_carry_the_limit():
    from jixiao.cli.main import build_parser

    args = build_parser().parse_args(["batch", "收件", "-o", "汇总.xlsx", "--timeout", "5"])
    assert args.timeout == 5.0
    assert batch.BatchOptions().timeout == batch.DEFAULT_TIMEOUT
