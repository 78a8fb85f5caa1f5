"""Loaded by each worker of the LocalCluster ``jixiao batch --engine dask`` starts
(Dask's ``preload``): the terminal's Ctrl-C is left to the batch's main process, which
stops the run and closes the cluster (a worker taking it dies with a traceback)."""

from __future__ import annotations

from typing import Any


def dask_setup(worker: Any) -> None:
    import signal

    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the worker process's main thread: nothing to do there
        pass
