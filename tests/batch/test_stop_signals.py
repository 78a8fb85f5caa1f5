"""rev30 E: ``jixiao batch`` under nohup (SIGHUP ignored from the start) must go on when the
terminal closes, as every other command does (``fileio.stopped_by_signals`` keeps an
ignored signal ignored). ``Stop.installed`` took SIGHUP all the same: closing the terminal
stopped a long unattended batch part-way (exit 129)."""

import signal

from jixiao.batch.progress import Stop


def test_a_signal_ignored_from_the_start_stays_ignored_while_the_batch_runs():
    before = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        stop = Stop()
        with stop.installed():
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
            assert signal.getsignal(signal.SIGTERM) == stop._handle
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, before)


def test_a_signal_not_ignored_is_taken_and_given_back():
    before = signal.signal(signal.SIGHUP, signal.SIG_DFL)
    try:
        stop = Stop()
        with stop.installed():
            assert signal.getsignal(signal.SIGHUP) == stop._handle
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_DFL
    finally:
        signal.signal(signal.SIGHUP, before)
