"""Saving figures reproducibly: :func:`save_figure`.

Every figure of the notebooks, the report and ``discourse figures`` is written through
:func:`save_figure`, so that the same figure gives the same bytes on every run:

* PDF: no ``CreationDate``, ``Creator`` or ``Producer`` (matplotlib's defaults embed the date
  and version); SVG: no ``Date``, ``svg.hashsalt`` fixed so element ids are stable, text as
  paths; PNG: no ``Software`` entry, 300 dpi by default;
* each file is written to a temporary name in the target folder and renamed into place, so a
  failure never leaves a half-written figure under its final name;
* an unwritable target folder raises :class:`~discourse.errors.InputError` naming it;
* every save is recorded in ``<out_dir>/MANIFEST.json``: per figure its files with their
  SHA-256, the producer (a notebook or a function), the hashes of its inputs, its parameters
  and the versions of discourse, Python and the libraries. The manifest has sorted keys and no
  wall-clock time, so it is reproducible too.

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

import hashlib
import json
import os
import platform
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

import matplotlib

from ..errors import InputError

__all__ = ["save_figure", "read_manifest", "input_hashes", "library_versions", "FIGURE_FORMATS",
           "MANIFEST_NAME", "PRODUCER_ENV"]

MANIFEST_NAME = "MANIFEST.json"
#: Set by the report runner to the notebook being executed; the default producer.
PRODUCER_ENV = "DISCOURSE_PRODUCER"

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
                formats: Sequence[str] = ("png", "pdf"), dpi: int = 300,
                producer: str | None = None, inputs: dict | None = None,
                params: dict | None = None) -> list[Path]:
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
    producer : str, optional
        What made the figure (a function's dotted name or a notebook); default
        ``$DISCOURSE_PRODUCER`` (set by the report runner) or ``"interactive"``.
    inputs : dict, optional
        Names and content hashes of the inputs, e.g. ``input_hashes(article=art, un=un)``.
    params : dict, optional
        Parameters worth recording (sample size, seed, k ...); JSON-serialisable.

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
    read_manifest(out)  # a broken manifest fails before any file is written
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
    _record(out, name, written, producer=producer or os.environ.get(PRODUCER_ENV) or "interactive",
            inputs=inputs or {}, params=params or {})
    return written


def library_versions() -> dict[str, str]:
    """Versions of discourse, Python and the libraries that shape a figure."""
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for package in ("discourse", "numpy", "pandas", "matplotlib", "scipy", "gensim", "nltk"):
        try:
            out[package] = version(package)
        except PackageNotFoundError:
            out[package] = "not installed"
    return out


def input_hashes(**inputs) -> dict[str, str]:
    """Content hashes for a manifest: corpora (``content_hash()``), strings or bytes.

    >>> from discourse.corpus.documents import Corpus
    >>> a, b = Corpus.from_texts(["x"]), Corpus.from_texts(["x", "y"])
    >>> input_hashes(a=a) == input_hashes(a=Corpus.from_texts(["x"])), input_hashes(a=a) == input_hashes(a=b)
    (True, False)
    """
    out = {}
    for name, value in inputs.items():
        if hasattr(value, "content_hash"):
            out[name] = value.content_hash()
        elif isinstance(value, (bytes, str)):
            data = value.encode("utf-8") if isinstance(value, str) else value
            out[name] = hashlib.sha256(data).hexdigest()
        else:
            raise InputError(f"input_hashes: cannot hash {name}={type(value).__name__} (give a "
                             "Corpus, a str or bytes)")
    return out


def read_manifest(out_dir: str | os.PathLike) -> dict:
    """The figure manifest of ``out_dir`` (an empty one if there is none yet)."""
    path = Path(out_dir) / MANIFEST_NAME
    if not path.exists():
        return {"figures": {}}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a readable figure manifest ({exc}); delete it to start "
                         "a new one") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("figures"), dict):
        raise InputError(f"{path}: not a discourse figure manifest (no 'figures' mapping)")
    return manifest


def _record(out: Path, name: str, files: list[Path], *, producer: str, inputs: dict,
            params: dict) -> None:
    with _manifest_lock(out):  # notebooks run side by side write to the same manifest
        _update(out, name, files, producer=producer, inputs=inputs, params=params)


class _manifest_lock:
    """An exclusive lock on the figure folder while its manifest is read and rewritten
    (POSIX ``flock`` on the folder itself, so that no lock file is left beside the figures;
    where there is none, no lock)."""

    def __init__(self, out: Path):
        self.out = out
        self.fd = None

    def __enter__(self):
        try:
            import fcntl
        except ImportError:  # pragma: no cover (Windows)
            return self
        self.fd = os.open(self.out, os.O_RDONLY)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        if self.fd is not None:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)


def _update(out: Path, name: str, files: list[Path], *, producer: str, inputs: dict,
            params: dict) -> None:
    manifest = read_manifest(out)
    manifest["figures"][name] = {
        "files": {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files},
        "producer": producer,
        "inputs": dict(sorted(inputs.items())),
        "params": params,
        "versions": library_versions(),
    }
    text = json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False, default=str) + "\n"
    fd, tmp = tempfile.mkstemp(dir=out, prefix=".manifest.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, out / MANIFEST_NAME)
