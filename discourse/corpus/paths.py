"""Where data lives: the data directory (downloads and caches) and the UN corpus source.

Nothing is ever written inside the package or next to a user's files. The data directory is,
in order of precedence:

1. the ``path`` argument of :func:`data_home`;
2. the environment variable ``DISCOURSE_DATA``;
3. the platform's per-user data directory (``~/.local/share/discourse`` on Linux), via
   ``platformdirs``.

The UN General Debate Corpus is found by :func:`ungdc_path`: an explicit path, else the
environment variable ``DISCOURSE_UNGDC`` (the ``.tgz`` archive, the folder holding it, or
the ``TXT`` folder it unpacks to), else a previous download inside the data directory.

>>> import os, tempfile
>>> d = tempfile.mkdtemp()
>>> data_home(d) == os.path.abspath(d)
True
"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from ..errors import InputError

__all__ = ["data_home", "cache_dir", "ungdc_path", "UNGDC_ENV", "DATA_ENV"]

DATA_ENV = "DISCOURSE_DATA"
UNGDC_ENV = "DISCOURSE_UNGDC"


def data_home(path: str | os.PathLike | None = None, *, create: bool = True) -> str:
    """Return the absolute data directory (downloads and caches), creating it if asked."""
    if path is None:
        path = os.environ.get(DATA_ENV) or platformdirs.user_data_dir("discourse", appauthor=False)
    path = os.path.abspath(os.path.expanduser(os.fspath(path)))
    if create:
        try:
            os.makedirs(path, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{path}: cannot create the data directory ({exc.strerror}; "
                             f"set {DATA_ENV} to a writable folder)") from exc
    return path


def cache_dir(path: str | os.PathLike | None = None) -> str:
    """Return ``<data_home>/cache``, creating it."""
    d = os.path.join(data_home(path), "cache")
    os.makedirs(d, exist_ok=True)
    return d


def ungdc_path(path: str | os.PathLike | None = None) -> Path | None:
    """Return the UN corpus source (archive or ``TXT`` folder) if one is configured or present.

    Looks at ``path``, then ``$DISCOURSE_UNGDC``, then ``<data_home>/ungdc/UNGDC_*.tgz``.
    A folder holding ``UNGDC_*.tgz`` resolves to the newest such archive; a folder holding
    ``TXT/`` resolves to that ``TXT`` folder. Returns ``None`` when nothing is found, so the
    caller can offer the download. An explicit ``path`` that does not exist is an error.
    """
    explicit = path if path is not None else os.environ.get(UNGDC_ENV)
    if explicit:
        p = Path(os.path.expanduser(os.fspath(explicit))).resolve()
        if not p.exists():
            origin = "given path" if path is not None else f"${UNGDC_ENV}"
            raise InputError(f"{p}: no such file or folder (the {origin} must name the "
                             f"UNGDC_*.tgz archive or the folder it unpacks to)")
        return _resolve_ungdc(p)
    local = Path(data_home()) / "ungdc"
    if local.is_dir():
        found = _resolve_ungdc(local)
        if found is not None and found != local:
            return found
    return None


def _resolve_ungdc(p: Path) -> Path:
    if p.is_file():
        return p
    archives = sorted(p.glob("UNGDC_*.tgz"))
    if archives:
        return archives[-1]
    if (p / "TXT").is_dir():
        return p / "TXT"
    return p


def try_lock(fh) -> bool | None:
    """An exclusive non-blocking ``flock`` on the open file ``fh``: ``True`` when taken,
    ``False`` if another process holds it, ``None`` where ``flock`` does not exist (the cache's
    and the downloader's temporary files use it to tell a live writer from a killed one)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True
