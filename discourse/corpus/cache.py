"""A small content-keyed cache of DataFrames stored as Parquet files.

A cache entry is a Parquet file ``<cache_dir>/<kind>-<key>.parquet`` whose schema metadata
records the full key, the row count and the format version, with a sidecar
``<...>.parquet.sha256`` holding the SHA-256 of the whole file. :func:`read_cached` returns
``None`` (and the caller rebuilds) when the entry is missing, was written for another key,
or is corrupt: a missing or different checksum (any changed byte, even in a column that is
not read), the wrong row count, or a file Parquet cannot read. Entries are written to a temporary file in the same folder and
renamed into place, so a crash never leaves a half entry under the final name. Nothing here
unpickles anything: Parquet holds plain columns.

**Temporary files.** A writer holds an exclusive lock (``flock``) on its temporary file
(``<entry>.parquet<random>.tmp``, made by :func:`locked_temporary`) from before the file
appears under that name until it is renamed or deleted; the lock goes with the process, even
on ``kill -9``. Every write then removes, with :func:`prune_temporary`, the temporary files
left by writers that died: those nobody holds a lock on and that have not changed for
:data:`STALE_SECONDS` (15 minutes: the margin for a writer of an older version, which did
not lock). A temporary file of a live process is never removed. Where ``flock`` is missing
(Windows), only files unchanged for a day are removed.

>>> import tempfile, pandas as pd
>>> d = tempfile.mkdtemp()
>>> _ = write_cached(pd.DataFrame({"a": [1, 2]}), d, "demo", "k1")
>>> read_cached(d, "demo", "k1")["a"].tolist()
[1, 2]
>>> read_cached(d, "demo", "other-key") is None
True
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import warnings
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .paths import try_lock as _lock

from ..errors import CacheError

__all__ = ["read_cached", "write_cached", "cache_file", "hash_bytes", "hash_file", "code_version",
           "locked_temporary", "prune_temporary", "CACHE_FORMAT", "STALE_SECONDS"]

CACHE_FORMAT = "1"
_META_KEY = b"discourse.corpus.cache"


def hash_bytes(*parts: bytes | str) -> str:
    """SHA-256 hex digest of the parts, each length-prefixed so that boundaries count."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def hash_file(path: str | os.PathLike, *, chunk: int = 1 << 22) -> str:
    """SHA-256 hex digest of a file's bytes, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def code_version(*modules) -> str:
    """SHA-256 of the source files of ``modules``: part of a cache key, so that a cache made
    by older code (a changed normaliser or tokeniser) is never taken for a current one."""
    h = hashlib.sha256()
    for module in modules:
        with open(module.__file__, "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()[:16]


def cache_file(directory: str | os.PathLike, kind: str, key: str) -> Path:
    """Path of the cache entry for ``kind`` and ``key`` (the key is shortened to 24 hex chars)."""
    return Path(directory) / f"{kind}-{hash_bytes(key)[:24]}.parquet"


def read_cached(directory: str | os.PathLike, kind: str, key: str,
                columns: Iterable[str] | None = None) -> pd.DataFrame | None:
    """Return the cached DataFrame, or ``None`` if missing, stale or corrupt (with a warning
    for corrupt entries, which are then removed so that they are rebuilt)."""
    path = cache_file(directory, kind, key)
    if not path.exists():
        return None
    try:
        digest = _checksum_path(path)
        if not digest.exists():
            raise ValueError("its checksum file is missing")
        if digest.read_text(encoding="ascii").strip() != hash_file(path):
            raise ValueError("its content does not match its checksum")
        pf = pq.ParquetFile(path, page_checksum_verification=True)
        meta = (pf.schema_arrow.metadata or {}).get(_META_KEY)
        if meta is None:
            raise ValueError("no discourse cache metadata")
        fmt, stored_key, n_rows = meta.decode("utf-8").split("\n", 2)
        if fmt != CACHE_FORMAT or stored_key != key:
            return None  # stale: another key hashed to the same name, or an old format
        table = pf.read(columns=list(columns) if columns is not None else None)
        if table.num_rows != int(n_rows):
            raise ValueError(f"{table.num_rows} rows instead of {n_rows}")
        frame = table.to_pandas()
    except Exception as exc:  # noqa: BLE001 - any read failure means a corrupt entry
        warnings.warn(f"{path}: corrupt cache entry ({exc}); it is removed and rebuilt",
                      stacklevel=2)
        for stale in (path, _checksum_path(path)):
            try:
                stale.unlink()
            except OSError:
                pass
        return None
    try:
        os.utime(path)  # used now: pruning keeps the entries that are read (least recently used)
    except OSError:
        pass  # a read-only cache is still read
    return frame


def _checksum_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def write_cached(frame: pd.DataFrame, directory: str | os.PathLike, kind: str, key: str, *,
                 keep_latest: int | None = None) -> Path:
    """Write ``frame`` as the cache entry for ``kind``/``key`` atomically; return its path.

    With ``keep_latest``, the least recently used entries of the same ``kind`` beyond that many
    are deleted (:func:`read_cached` marks an entry used): an entry made by older code or for
    an older source is never read again, so it need not fill the disk, while the entries a
    run reads every time stay.
    """
    directory = Path(directory)
    path = cache_file(directory, kind, key)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pandas(frame, preserve_index=False)
        meta = dict(table.schema.metadata or {})
        meta[_META_KEY] = f"{CACHE_FORMAT}\n{key}\n{len(frame)}".encode("utf-8")
        table = table.replace_schema_metadata(meta)
        prune_temporary(directory)
        raw, tmp = locked_temporary(directory, path.name)
        tmp_digest = tmp + ".sha256"
        try:
            short = _short_columns(table)
            compression = {name: "lz4" if name in short else _TEXT_COMPRESSION
                           for name in table.column_names}
            with _HashingWriter(raw) as sink:
                pq.write_table(table, sink, compression=compression, write_page_checksum=True,
                               use_dictionary=short, write_statistics=short)
            raw.flush()
            with open(tmp_digest, "w", encoding="ascii") as fh:
                fh.write(sink.hexdigest() + "\n")
            os.replace(tmp, path)  # a crash between the two renames leaves a mismatch: rebuilt
            os.replace(tmp_digest, _checksum_path(path))
        finally:
            for leftover in (tmp, tmp_digest):
                if os.path.exists(leftover):
                    os.unlink(leftover)
            raw.close()  # releases the lock, after the files are renamed or gone
    except OSError as exc:
        raise CacheError(f"{path}: cannot write the cache entry ({exc.strerror or exc}; "
                         f"set DISCOURSE_DATA to a writable folder)") from exc
    if keep_latest is not None:
        _prune(directory, kind, keep_latest, current=path)
    return path


STALE_SECONDS = 15 * 60
_STALE_UNLOCKED_SECONDS = 24 * 3600  # without flock: only what is surely abandoned
_TMP_PATTERNS = ("*.parquet*.tmp", "*.parquet*.tmp.sha256", ".*.parquet*.new")




def locked_temporary(directory: str | os.PathLike, prefix: str, suffix: str = ".tmp"):
    """Create ``<directory>/<prefix><random><suffix>``, locked, and return ``(file, path)``.

    The file is made and locked under a hidden name first and only then renamed to its
    temporary name, so :func:`prune_temporary` never sees it unlocked. Close the file (after
    renaming or deleting it) to release the lock."""
    import secrets

    fd, hidden = tempfile.mkstemp(dir=directory, prefix=f".{prefix}", suffix=".new")
    fh = os.fdopen(fd, "w+b")
    try:
        _lock(fh)
        for _ in range(100):
            path = os.path.join(directory, f"{prefix}{secrets.token_hex(6)}{suffix}")
            try:
                os.link(hidden, path)  # fails rather than replace another writer's file
            except FileExistsError:
                continue
            except OSError:  # pragma: no cover - a file system without hard links
                if os.path.exists(path):
                    continue
                os.rename(hidden, path)
            break
        else:  # pragma: no cover
            raise FileExistsError(f"{directory}: no free temporary name for {prefix}")
        if os.path.exists(hidden):
            os.unlink(hidden)
    except BaseException:
        fh.close()
        if os.path.exists(hidden):
            os.unlink(hidden)
        raise
    return fh, path


def prune_temporary(directory: str | os.PathLike, patterns: Iterable[str] = _TMP_PATTERNS,
                    *, now: float | None = None) -> list[Path]:
    """Remove the temporary files (and folders) in ``directory`` matching ``patterns`` that a
    dead writer left: unlocked and unchanged for :data:`STALE_SECONDS`. A temporary file a
    live process holds locked is never removed. Returns what was removed.

    A ``<tmp>.sha256`` beside a ``<tmp>`` follows it; alone, it is removed when stale. A
    folder counts as locked when a ``.lock`` file inside it is."""
    import time

    now = time.time() if now is None else now
    removed = []
    directory = Path(directory)
    try:
        candidates = sorted({p for pattern in patterns for p in directory.glob(pattern)})
    except OSError:
        return removed
    for p in candidates:
        try:
            if now - p.lstat().st_mtime < STALE_SECONDS:
                continue
            owner = p.with_name(p.name[:-len(".sha256")]) if p.name.endswith(".tmp.sha256") else p
            if owner != p and owner.exists():
                continue  # decided with its owner
            if owner.exists() and not _abandoned(owner, now):
                continue
            _remove(p)
            removed.append(p)
            companion = p.with_name(p.name + ".sha256")
            if companion.exists():
                _remove(companion)
                removed.append(companion)
        except OSError:
            continue  # gone meanwhile, or not ours to remove
    return removed


def _abandoned(path: Path, now: float) -> bool:
    target = path / ".lock" if path.is_dir() else path
    if not target.exists():
        return True  # a folder without its lock file: its writer never got going
    with open(target, "rb") as fh:
        held = _lock(fh)  # released when fh closes
    if held is None:
        return now - path.lstat().st_mtime > _STALE_UNLOCKED_SECONDS
    return held


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        import shutil

        shutil.rmtree(path)
    else:
        path.unlink()


class _HashingWriter:
    """A binary file that also hashes what is written (SHA-256, as :func:`hash_file`), in a
    thread while Parquet encodes the next pages, instead of reading the file again after."""

    def __init__(self, fh):
        from concurrent.futures import ThreadPoolExecutor

        self.fh, self.sha, self.position, self.closed = fh, hashlib.sha256(), 0, False
        self.pool = ThreadPoolExecutor(max_workers=1)  # one thread: updates stay in order

    def write(self, data) -> int:
        block = bytes(data)  # the writer may reuse its buffer
        self.fh.write(block)
        self.pool.submit(self.sha.update, block)
        self.position += len(block)
        return len(block)

    def tell(self) -> int:
        return self.position

    def flush(self) -> None:
        self.fh.flush()

    def close(self) -> None:
        self.closed = True

    def hexdigest(self) -> str:
        self.pool.shutdown(wait=True)
        return self.sha.hexdigest()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.pool.shutdown(wait=True)
        self.closed = True


def _short_columns(table: pa.Table) -> list[str]:
    """Columns worth a dictionary and min/max statistics: all but long texts (a speech per
    row), whose values are all distinct and would be hashed and compared for nothing."""
    n = max(table.num_rows, 1)
    return [name for name, column in zip(table.column_names, table.columns)
            if not (pa.types.is_large_string(column.type) or pa.types.is_string(column.type))
            or column.nbytes / n <= _LONG_TEXT]


_LONG_TEXT = 256  # bytes per value (with offsets) above which a column holds texts
_TEXT_COMPRESSION = "none"  # lz4 would halve the file but cost ~1 s per UN corpus write


def _prune(directory: Path, kind: str, keep: int, *, current: Path) -> None:
    entries = sorted(directory.glob(f"{kind}-*.parquet"), key=lambda p: p.stat().st_mtime,
                     reverse=True)
    entries = [current] + [p for p in entries if p != current]
    for old in entries[max(keep, 1):]:
        for stale in (old, _checksum_path(old)):
            try:
                stale.unlink()
            except OSError:
                pass
