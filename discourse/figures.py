"""Saving figures reproducibly: :func:`save_figure`.

Every figure of the notebooks, the report and ``discourse figures`` is written through
:func:`save_figure`, so that the same figure gives the same bytes on every run:

* PDF: no ``CreationDate``, ``Creator`` or ``Producer`` (matplotlib's defaults embed the date
  and version); SVG: no ``Date``, ``svg.hashsalt`` fixed so element ids are stable, text as
  paths; PNG: no ``Software`` entry, 300 dpi by default;
* each file is written to a temporary name in the target folder and renamed into place, so a
  failure never leaves a half-written figure under its final name;
* an unwritable target folder raises :class:`~discourse.errors.InputError` naming it.

>>> import tempfile, matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> _ = ax.plot([1, 2, 3])
>>> paths = save_figure(fig, "demo", tempfile.mkdtemp(), formats=("png", "pdf"))
>>> sorted(p.suffix for p in paths)
['.pdf', '.png']
"""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

import matplotlib

from .errors import InputError

__all__ = ["save_figure", "FIGURE_FORMATS"]

FIGURE_FORMATS = ("png", "pdf", "svg")
_METADATA = {
    "png": {"Software": None},
    "pdf": {"Creator": None, "Producer": None, "CreationDate": None},
    "svg": {"Date": None, "Creator": None},
}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def save_figure(fig, name: str, out_dir: str | os.PathLike, *,
                formats: Sequence[str] = ("png", "pdf"), dpi: int = 300) -> list[Path]:
    """Write ``fig`` as ``<out_dir>/<name>.<format>`` for each format, byte-reproducibly.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    name : str
        File stem: letters, digits, ``_``, ``-`` and ``.``.
    out_dir : path
        Target folder, created if missing.
    formats : sequence of {"png", "pdf", "svg"}, default=("png", "pdf")
    dpi : int, default=300
        Resolution of the PNG.

    Returns
    -------
    list of pathlib.Path
        The written files, in the order of ``formats``.
    """
    if not _NAME.match(name or ""):
        raise InputError(f"The 'name' parameter of save_figure must be a plain file stem "
                         f"(letters, digits, _ - .). Got {name!r} instead.")
    bad = [f for f in formats if f not in FIGURE_FORMATS]
    if bad or not formats:
        raise InputError(f"The 'formats' parameter of save_figure must list formats among "
                         f"{FIGURE_FORMATS}. Got {tuple(formats)!r} instead.")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out}: cannot create the figure folder ({exc.strerror})") from exc
    if not os.access(out, os.W_OK):
        raise InputError(f"{out}: the figure folder is not writable (choose another --out)")
    written = []
    with matplotlib.rc_context({"svg.hashsalt": "discourse", "svg.fonttype": "path",
                                "pdf.compression": 6, "path.simplify": True}):
        for fmt in formats:
            target = out / f"{name}.{fmt}"
            fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{name}.", suffix=f".{fmt}.tmp")
            os.close(fd)
            try:
                fig.savefig(tmp, format=fmt, dpi=dpi, metadata=_METADATA[fmt])
                os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; figures are shared
                os.replace(tmp, target)
            except OSError as exc:
                raise InputError(f"{target}: cannot write the figure ({exc.strerror})") from exc
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
            written.append(target)
    return written
