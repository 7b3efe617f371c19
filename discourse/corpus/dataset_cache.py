"""Content-keyed cache entries that are partitioned Parquet datasets (the UN corpus).

An entry is a folder ``<cache_dir>/<kind>-<key hash>.dataset/`` holding one file per value
of a column (``part-00000.parquet`` ..., one country each for the UN corpus, rows in corpus
order, small row groups) and ``_manifest.json``: the format, the full key, the row count,
and for every file its name, rows, value and SHA-256; the manifest's own SHA-256 is in
``_manifest.json.sha256``. Because each file holds one value, a reader that wants some
values opens only their files (:func:`open_cached_dataset`), and a
:class:`~discourse.corpus.parquet.ParquetCorpus` over them pushes the other filters down to
the row groups.

Integrity is that of :mod:`discourse.corpus.cache`: every file that is read is hashed first
(any changed byte, even in a column that is not read), the row counts are checked, and a
missing, garbled or mismatching manifest or file makes the whole entry corrupt: it is
removed with a warning and the caller rebuilds it. An entry written for another key is
stale (``None`` without a warning). Entries are written into a temporary folder in the cache
and renamed into place, so a crash never leaves a half entry under the final name; nothing
is unpickled.

>>> import tempfile, pandas as pd
>>> d = tempfile.mkdtemp()
>>> frame = pd.DataFrame({"doc_id": ["a", "b", "c"], "country": ["X", "Y", "X"]})
>>> _ = write_cached_dataset(frame, d, "demo", "k1", partition_by="country")
>>> read_cached_dataset(d, "demo", "k1", values=["X"])["doc_id"].tolist()
['a', 'c']
>>> read_cached_dataset(d, "demo", "other-key") is None
True
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .cache import hash_bytes, hash_file
from .dataset_writer import write_part
from ..errors import CacheError

__all__ = ["dataset_dir", "write_cached_dataset", "open_cached_dataset", "read_cached_dataset",
           "DATASET_FORMAT"]

DATASET_FORMAT = "1"
MANIFEST = "_manifest.json"
_STALE_TMP_SECONDS = 6 * 3600  # temporary folders older than this are left by a crash


def dataset_dir(directory: str | os.PathLike, kind: str, key: str) -> Path:
    """The folder of the entry for ``kind`` and ``key``."""
    return Path(directory) / f"{kind}-{hash_bytes(key)[:24]}.dataset"


def write_cached_dataset(frame: pd.DataFrame, directory: str | os.PathLike, kind: str, key: str,
                         *, partition_by: str, row_group_size: int = 16,
                         order: Sequence[str] | None = None,
                         keep_latest: int | None = None) -> Path:
    """Write ``frame`` as the dataset entry for ``kind``/``key``, one file per value of
    ``partition_by`` (in sorted order; rows keep their order within a file); return its
    folder. ``order`` (columns) is recorded: :func:`read_cached_dataset` sorts by it.
    ``keep_latest`` prunes older entries of the same kind, as
    :func:`discourse.corpus.cache.write_cached` does."""
    directory = Path(directory)
    final = dataset_dir(directory, kind, key)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        _prune_tmp(directory, kind)
        tmp = Path(tempfile.mkdtemp(dir=directory, prefix=final.name + ".", suffix=".tmp"))
        try:
            schema = pa.Schema.from_pandas(frame, preserve_index=False)
            files = []
            for number, (value, group) in enumerate(frame.groupby(partition_by, sort=True,
                                                                  dropna=False)):
                name = f"part-{number:05d}.parquet"
                digest = write_part(group, tmp / name, row_group_size=row_group_size,
                                    compression="none", schema=schema, hashing=True)
                files.append({"name": name, "rows": len(group), "value": _plain(value),
                              "sha256": digest})
            manifest = {"format": DATASET_FORMAT, "kind": kind, "key": key, "rows": len(frame),
                        "partition_by": partition_by, "order": list(order or []),
                        "columns": list(frame.columns), "files": files}
            text = json.dumps(manifest, indent=1, sort_keys=True)
            (tmp / MANIFEST).write_text(text, encoding="utf-8")
            (tmp / (MANIFEST + ".sha256")).write_text(hash_bytes(text) + "\n", encoding="ascii")
            if final.exists():
                shutil.rmtree(final)
            os.replace(tmp, final)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
    except OSError as exc:
        raise CacheError(f"{final}: cannot write the cache entry ({exc.strerror or exc}; "
                         f"set DISCOURSE_DATA to a writable folder)") from exc
    if keep_latest is not None:
        _prune(directory, kind, keep_latest, current=final)
    return final


def open_cached_dataset(directory: str | os.PathLike, kind: str, key: str, *,
                        values: Iterable | None = None) -> tuple[list[Path], dict] | None:
    """The verified files of the entry (those of ``values``, or all) and its manifest; or
    ``None`` when the entry is missing, stale or corrupt (corrupt: warned and removed)."""
    folder = dataset_dir(directory, kind, key)
    if not (folder / MANIFEST).exists() and not folder.exists():
        return None
    try:
        manifest = _manifest(folder)
        if manifest.get("format") != DATASET_FORMAT or manifest.get("key") != key:
            return None  # stale: another key hashed to the same name, or an old format
        wanted = None if values is None else {_plain(v) for v in values}
        chosen = [f for f in manifest["files"] if wanted is None or f["value"] in wanted]
        paths = []
        for entry in chosen:
            path = folder / entry["name"]
            if not path.exists():
                raise ValueError(f"its file {entry['name']} is missing")
            if hash_file(path) != entry["sha256"]:
                raise ValueError(f"{entry['name']} does not match its checksum")
            paths.append(path)
    except Exception as exc:  # noqa: BLE001 - any failure means a corrupt entry
        _corrupt(folder, exc)
        return None
    return paths, manifest


def read_cached_dataset(directory: str | os.PathLike, kind: str, key: str, *,
                        columns: Iterable[str] | None = None,
                        values: Iterable | None = None) -> pd.DataFrame | None:
    """The entry's rows (of ``values`` only, if given) as one DataFrame in the recorded
    order, or ``None`` when missing, stale or corrupt (see :func:`open_cached_dataset`)."""
    opened = open_cached_dataset(directory, kind, key, values=values)
    if opened is None:
        return None
    paths, manifest = opened
    folder = dataset_dir(directory, kind, key)
    rows = {f["name"]: f["rows"] for f in manifest["files"]}
    order = manifest.get("order") or []
    wanted = None if columns is None else list(dict.fromkeys([*columns]))
    read = None if wanted is None else list(dict.fromkeys([*wanted, *order]))
    try:
        tables = []
        for path in paths:
            table = pq.ParquetFile(path, page_checksum_verification=True).read(columns=read)
            if table.num_rows != rows[path.name]:
                raise ValueError(f"{path.name} holds {table.num_rows} rows instead of "
                                 f"{rows[path.name]}")
            tables.append(table)
        if not tables:
            schema = pq.read_schema(folder / manifest["files"][0]["name"]) \
                if manifest["files"] else pa.schema([])
            table = schema.empty_table() if read is None else schema.empty_table().select(read)
        else:
            table = pa.concat_tables(tables)
    except Exception as exc:  # noqa: BLE001
        _corrupt(folder, exc)
        return None
    if order and table.num_rows:
        # contiguous columns first: a take across hundreds of chunks is ten times slower
        table = table.combine_chunks()
        table = table.take(pc.sort_indices(table, sort_keys=[(c, "ascending") for c in order]))
    if wanted is not None:
        table = table.select(wanted)
    return table.to_pandas()


def _manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    digest = folder / (MANIFEST + ".sha256")
    if not path.exists():
        raise ValueError("its manifest is missing")
    if not digest.exists():
        raise ValueError("its manifest's checksum file is missing")
    text = path.read_text(encoding="utf-8")
    if digest.read_text(encoding="ascii").strip() != hash_bytes(text):
        raise ValueError("its manifest does not match its checksum")
    return json.loads(text)


def _corrupt(folder: Path, exc: Exception) -> None:
    warnings.warn(f"{folder}: corrupt cache entry ({exc}); it is removed and rebuilt",
                  stacklevel=3)
    shutil.rmtree(folder, ignore_errors=True)


def _plain(value):
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def _prune(directory: Path, kind: str, keep: int, *, current: Path) -> None:
    entries = sorted(directory.glob(f"{kind}-*.dataset"), key=lambda p: p.stat().st_mtime,
                     reverse=True)
    entries = [current] + [p for p in entries if p != current]
    for old in entries[max(keep, 1):]:
        shutil.rmtree(old, ignore_errors=True)


def _prune_tmp(directory: Path, kind: str) -> None:
    """Temporary folders of this kind left by a crash (old enough not to be another
    process's write in progress)."""
    now = time.time()
    for tmp in directory.glob(f"{kind}-*.dataset.*.tmp"):
        try:
            if now - tmp.stat().st_mtime > _STALE_TMP_SECONDS:
                shutil.rmtree(tmp, ignore_errors=True)
        except OSError:
            pass
