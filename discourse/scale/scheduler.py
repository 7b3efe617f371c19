"""Where work runs: one option for the API, the command line and the environment.

=============================== ===============================================================
value                           where the work runs
=============================== ===============================================================
``None``, ``"none"``, ``""``    here, as always (the default; ``make report`` needs no cluster)
``"processes"``                 a local Dask cluster of one single-threaded worker process per
                                core, started on first use and kept for the session
``"tcp://host:8786"``           the Dask scheduler at that address (``tls://`` and ``ws://``
                                too); its workers must read the same files (``docs/scale.md``)
a ``distributed.Client``        the client you made (``Client(cluster)``), used as it is
=============================== ===============================================================

A function's ``scheduler=`` argument wins; otherwise the value set by
:func:`use_scheduler` (what ``--scheduler`` of the command line does); otherwise the
environment variable ``DISCOURSE_SCHEDULER``; otherwise none.

>>> requested(None) is None
True
>>> with use_scheduler("tcp://127.0.0.1:8786"):
...     requested(None)
'tcp://127.0.0.1:8786'
>>> requested("threads")
Traceback (most recent call last):
...
discourse.errors.InputError: The 'scheduler' parameter must be None, 'none', 'processes', a scheduler address such as 'tcp://host:8786', or a distributed.Client. Got 'threads' instead.
"""
from __future__ import annotations

import atexit
import contextlib
import contextvars
import os
import sys

from ..errors import InputError, ResourceError

__all__ = ["requested", "use_scheduler", "show_progress", "get_client", "describe", "close_clusters",
           "SCHEDULER_ENV", "ADDRESS_PREFIXES"]

SCHEDULER_ENV = "DISCOURSE_SCHEDULER"
ADDRESS_PREFIXES = ("tcp://", "tls://", "ws://", "wss://", "inproc://", "ucx://")
_CURRENT: contextvars.ContextVar = contextvars.ContextVar("discourse_scheduler", default=None)
_PROGRESS: contextvars.ContextVar = contextvars.ContextVar("discourse_progress", default=False)
_CLIENTS: dict[str, object] = {}   # "processes" or an address -> (client, cluster or None)
_ANNOUNCED: set[int] = set()


def _is_client(value) -> bool:
    cls = type(value)
    return cls.__name__ == "Client" and cls.__module__.split(".")[0] == "distributed"


def requested(scheduler=None):
    """The scheduler a call asks for (see the module docs), validated: ``None``,
    ``"processes"``, an address, or a Client."""
    value = scheduler
    if value is None:
        value = _CURRENT.get()
    if value is None:
        value = os.environ.get(SCHEDULER_ENV) or None
    if value is None or _is_client(value):
        return value
    if isinstance(value, str):
        text = value.strip()
        if text.lower() in ("", "none"):
            return None
        if text.lower() == "processes":
            return "processes"
        if text.startswith(ADDRESS_PREFIXES):
            return text
    raise InputError("The 'scheduler' parameter must be None, 'none', 'processes', a scheduler "
                     "address such as 'tcp://host:8786', or a distributed.Client. "
                     f"Got {value!r} instead.")


@contextlib.contextmanager
def use_scheduler(scheduler, *, progress: bool = False):
    """Within the block, calls without ``scheduler=`` run there (the CLI's ``--scheduler``),
    with a progress bar for every computation on the cluster if ``progress``."""
    token = _CURRENT.set(requested(scheduler))
    shown = _PROGRESS.set(progress)
    try:
        yield
    finally:
        _CURRENT.reset(token)
        _PROGRESS.reset(shown)


def show_progress() -> bool:
    """Whether :func:`use_scheduler` asked for progress bars."""
    return _PROGRESS.get()


def get_client(scheduler):
    """A ``distributed.Client`` for a validated scheduler value (made once per value and
    process, closed at exit; a user's Client is returned as it is)."""
    if _is_client(scheduler):
        return scheduler
    entry = _CLIENTS.get(scheduler)
    if entry is not None and entry[0].status == "running":
        return entry[0]
    try:
        import distributed
    except ImportError:
        raise ResourceError("A scheduler was asked for, but Dask is not installed: "
                            "pip install 'discourse[dask]' (dask and distributed)") from None
    if scheduler == "processes":
        import logging

        n = os.cpu_count() or 1
        cluster = distributed.LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, silence_logs=logging.ERROR,
            dashboard_address=":0" if _has_dashboard() else None)
        client = distributed.Client(cluster)
    else:
        cluster = None
        try:
            client = distributed.Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ResourceError(f"Cannot reach the Dask scheduler at {scheduler} ({exc}); start "
                                "one with `dask scheduler` and workers with `dask worker "
                                f"{scheduler}`, or use --scheduler processes") from None
    _CLIENTS[scheduler] = (client, cluster)
    return client


def _has_dashboard() -> bool:
    import importlib.util

    return importlib.util.find_spec("bokeh") is not None


def describe(client) -> str:
    """One line: the scheduler, its workers and the dashboard link when there is one."""
    info = client.scheduler_info()
    workers = info.get("workers", {})
    threads = sum(w.get("nthreads", 0) for w in workers.values())
    line = f"Dask scheduler {info.get('address', '?')}: {len(workers)} workers, {threads} threads"
    if "dashboard" in info.get("services", {}) and _has_dashboard():  # it needs bokeh
        line += f"; dashboard {client.dashboard_link}"
    return line


def announce(client) -> None:
    """Print :func:`describe` to stderr, once per client."""
    if id(client) not in _ANNOUNCED:
        _ANNOUNCED.add(id(client))
        print(describe(client), file=sys.stderr)


@atexit.register
def close_clusters() -> None:
    """Close the clients and local clusters this module started (not a user's Client)."""
    while _CLIENTS:
        _, (client, cluster) = _CLIENTS.popitem()
        with contextlib.suppress(Exception):
            client.close()
        if cluster is not None:
            with contextlib.suppress(Exception):
                cluster.close()
