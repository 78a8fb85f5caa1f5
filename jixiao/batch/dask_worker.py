"""Loaded by each worker of the LocalCluster ``jixiao batch --engine dask`` starts
(Dask's ``preload``): the terminal's Ctrl-C is left to the batch's main process, which
stops the run and closes the cluster (a worker taking it dies with a traceback); and a
heartbeat that finds the scheduler already closed is not printed as an error with a
traceback (it is the cluster being closed, by this batch: ``_SchedulerGone``)."""

from __future__ import annotations

import logging
from typing import Any


class _SchedulerGone(logging.Filter):
    """Drops the worker's "Failed to communicate with scheduler during heartbeat." when
    the connection was closed (``CommClosedError``): the batch closes the cluster when it
    ends or is stopped, and a heartbeat in flight then logs a traceback on the reviewer's
    terminal. Any other record, and this one for another cause, is kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.exc_info or not str(record.msg).startswith(
                "Failed to communicate with scheduler during heartbeat"):
            return True
        from distributed.comm.core import CommClosedError

        return not isinstance(record.exc_info[1], CommClosedError)


def dask_setup(worker: Any) -> None:
    import signal

    logging.getLogger("distributed.worker").addFilter(_SchedulerGone())
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the worker process's main thread: nothing to do there
        pass
