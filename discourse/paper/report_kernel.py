"""What a notebook kernel run by the report does before the notebook's first cell.

:func:`discourse.paper.report.run_notebook` starts each kernel with
``--IPKernelApp.exec_lines=import discourse.paper.report_kernel as _r; _r.setup()``. The
package's progress bars (``tqdm.auto``: reading the corpus, profiling, word2vec training,
topic preparation, the k grid ...) then write to the terminal that runs ``make report``
instead of into the notebook: the person waiting sees the long steps move, and the HTML
report keeps no frozen "0%" bar. In JupyterLab (no report) nothing of this runs and the bars
are the usual widgets.

Only bars created after :func:`setup` are affected, i.e. every bar of the package, whose
modules are imported by the notebook's cells.
"""
from __future__ import annotations

import os
import sys

__all__ = ["setup", "console_stream", "quiet_shutdown", "INDENT"]

#: Bars are indented under the report's ``cell i/n`` lines.
INDENT = "      "


def console_stream():
    """A text stream on the terminal the kernel was started from.

    ipykernel redirects file descriptor 2 into the notebook and keeps a copy of the
    original; writing to that copy reaches the terminal without entering the notebook.
    """
    fd = getattr(sys.stderr, "_original_stdstream_copy", None)
    if fd is None:  # not inside ipykernel, or fd capture disabled
        return sys.__stderr__
    return os.fdopen(os.dup(fd), "w", buffering=1, encoding="utf-8", errors="replace")


def quiet_shutdown(logger_name: str = "IPKernelApp") -> None:
    """Drop the kernel's "KeyboardInterrupt caught in kernel" log line.

    jupyter_client interrupts a kernel (SIGINT) before every shutdown request; when the
    signal lands while the kernel is handling a message, ipykernel logs that line to the
    terminal, so a report that ended normally printed an ERROR at random (CI on 2026-12-02).
    The report never interrupts a kernel otherwise, and a Ctrl-C of the person running it
    stops the runner with its own message.

    >>> import logging, io
    >>> log = logging.getLogger("demo-kernel"); out = io.StringIO()
    >>> log.addHandler(logging.StreamHandler(out)); log.propagate = False
    >>> quiet_shutdown("demo-kernel")
    >>> log.error("KeyboardInterrupt caught in kernel."); log.error("Exception in message handler:")
    >>> out.getvalue()
    'Exception in message handler:\\n'
    """
    import logging

    logger = logging.getLogger(logger_name)
    if not any(isinstance(f, _DropShutdownInterrupt) for f in logger.filters):
        logger.addFilter(_DropShutdownInterrupt())


class _DropShutdownInterrupt:
    """A logging filter: False for ipykernel's "KeyboardInterrupt caught in kernel"."""

    def filter(self, record) -> bool:
        return not str(record.msg).startswith("KeyboardInterrupt caught in kernel")


def setup(stream=None, *, label: str = "", lines: bool | None = None) -> type:
    """Make ``tqdm.auto.tqdm`` a text bar on ``stream`` (default: :func:`console_stream`);
    return the class. Bars that are disabled stay disabled; short steps (under 2 s) show
    nothing. ``label`` (the notebook) starts every bar's description. A bar redraws in place
    on a terminal; with ``lines`` (default: when the stream is not a terminal, e.g. a log
    file, or when notebooks run side by side) it writes one line at most every 30 s, and
    its final state.

    >>> import io, tqdm.auto
    >>> out = io.StringIO()
    >>> saved = tqdm.auto.tqdm
    >>> bar = setup(out)
    >>> for _ in bar(range(3), desc="reading", delay=0): pass
    >>> "reading: 100%" in out.getvalue() and out.getvalue().lstrip("\\r").startswith(INDENT)
    True
    >>> import time
    >>> out.truncate(0)
    0
    >>> with bar(total=2, desc="slow", delay=0.2) as b:  # a log file: no refresh fell due
    ...     time.sleep(0.3); b.update(2)
    >>> tqdm.auto.tqdm = saved
    >>> "slow: 100%" in out.getvalue()
    True
    """
    import tqdm.auto
    import tqdm.std

    quiet_shutdown()
    stream = console_stream() if stream is None else stream
    if lines is None:
        lines = not bool(getattr(stream, "isatty", lambda: False)())
    out = _Lines(stream) if lines else stream
    prefix = INDENT + (f"{label} · " if label else "")

    class ConsoleProgress(tqdm.std.tqdm):
        """A text progress bar on the report's terminal."""

        # no monitor thread: it redraws a bar that has not moved, one more line in a log
        monitor_interval = 0 if lines else tqdm.std.tqdm.monitor_interval

        def __init__(self, *args, **kwargs):
            if len(args) < 2:  # desc is the second positional argument
                kwargs["desc"] = prefix + (kwargs.get("desc") or "")
            kwargs.setdefault("file", out)
            kwargs.setdefault("delay", 2.0)
            kwargs.setdefault("ncols", 110)
            if lines:
                kwargs.setdefault("mininterval", 30.0)
            super().__init__(*args, **kwargs)

        def close(self):
            # tqdm prints nothing at the end of a bar it never drew; a step that outlasted
            # the delay gets its final line even when no refresh fell due (a log file)
            if (not self.disable and self.last_print_t < self.start_t + self.delay
                    and self._time() - self.start_t >= self.delay):
                self.last_print_t = self._time()
            super().close()

    tqdm.auto.tqdm = ConsoleProgress
    tqdm.auto.trange = lambda *args, **kwargs: ConsoleProgress(range(*args), **kwargs)
    return ConsoleProgress


class _Lines:
    """A stream for tqdm that turns each redraw into a line of its own (no carriage
    returns, no cursor movement): legible in a log file and beside another notebook's bars."""

    def __init__(self, stream):
        import re

        self.stream = stream
        self._escape = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

    def write(self, text: str) -> int:
        for piece in self._escape.sub("", text).replace("\r", "\n").split("\n"):
            if piece.strip():
                self.stream.write(piece.rstrip() + "\n")
        return len(text)

    def flush(self) -> None:
        self.stream.flush()
