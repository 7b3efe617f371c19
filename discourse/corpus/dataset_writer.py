"""Writing a corpus as a partitioned Parquet dataset: :func:`write_parquet` (which
:meth:`Corpus.to_parquet <discourse.corpus.documents.Corpus.to_parquet>` calls) and
:func:`write_part`, the one-file writer the cache shares. Read a dataset back with
:func:`discourse.corpus.parquet.read_parquet`.

A dataset is a folder of ``part-NNNNN.parquet`` files, one row per document: ``doc_id``,
``text`` and the metadata columns; with ``partition_by`` each file holds one value of that
column, so that a filter on it skips the other files by their statistics.

>>> import tempfile
>>> from discourse.corpus.documents import Corpus
>>> corp = Corpus.from_texts(["Balance.", "Peace."], meta={"country": ["SYR", "RUS"]})
>>> folder = write_parquet(corp, tempfile.mkdtemp() + "/c", partition_by="country")
>>> sorted(p.name for p in folder.iterdir())
['part-00000.parquet', 'part-00001.parquet']
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InputError, file_error

__all__ = ["write_parquet", "write_part", "PART_ROWS", "ROW_GROUP_ROWS"]

#: Rows (documents) per file that :func:`write_parquet` writes by default.
PART_ROWS = 2_000
#: Rows per row group by default: small enough that a filter on a sorted column skips most
#: of a file, large enough that the footers stay small.
ROW_GROUP_ROWS = 64


# ---------------------------------------------------------------------------------------------

def write_parquet(corpus: Corpus, path: str | os.PathLike, *, partition_by: str | None = None,
                  rows_per_file: int = PART_ROWS, row_group_size: int = ROW_GROUP_ROWS,
                  compression: str = "zstd", raw: bool = False, prefix: str = "part-",
                  exist_ok: bool = False) -> Path:
    """Write a corpus as a partitioned Parquet dataset (a folder of files); return the folder.

    Parameters
    ----------
    corpus : Corpus or ParquetCorpus
        A :class:`ParquetCorpus` is copied partition by partition (never whole in memory).
    path : path
        A new or empty folder. An existing non-empty one is refused unless ``exist_ok``, and
        even then no existing file is overwritten (new files get new numbers).
    partition_by : str, optional
        A metadata column: each file then holds one value of it (``country``), so a filter
        on that column skips the other files. Files follow the sorted values.
    rows_per_file : int, default=2,000
    row_group_size : int, default=64
        Rows per row group (min/max statistics are written for every column but the text).
    compression : str, default="zstd"
        Any Parquet codec pyarrow knows ("zstd", "lz4", "snappy", "none").
    raw : bool, default=False
        Also write the ``raw`` column (the text before normalisation) when the corpus has it.
    prefix : str, default="part-"
        File names are ``<prefix><number>.parquet``.

    Files are written to a temporary name in the folder and renamed into place, so an
    interrupted write never leaves a file that looks complete.
    """
    from .._validation import check_range

    check_range("rows_per_file", rows_per_file, "write_parquet", low=1, integer=True)
    check_range("row_group_size", row_group_size, "write_parquet", low=1, integer=True)
    folder = Path(os.fspath(path)).expanduser()
    if folder.exists() and not folder.is_dir():
        raise file_error(InputError, folder, "exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not exist_ok:
        raise file_error(InputError, folder, "is not empty",
                         "write a dataset into a new folder, or pass exist_ok=True to add files")
    folder.mkdir(parents=True, exist_ok=True)
    if partition_by is not None and partition_by not in corpus.meta_columns:
        raise InputError(f"The 'partition_by' parameter of write_parquet must be a metadata "
                         f"column {corpus.meta_columns}. Got {partition_by!r} instead.")
    number = _next_number(folder, prefix)
    schema = None
    for frame in _frames_to_write(corpus, partition_by, rows_per_file, raw):
        if schema is None:  # the first part's (a lazy corpus's parts share the dataset's)
            schema = _schema(corpus, frame)
        name = f"{prefix}{number:05d}.parquet"
        write_part(frame, folder / name, row_group_size=row_group_size, compression=compression,
                   schema=schema)
        number += 1
    return folder


def _schema(corpus, first: pd.DataFrame) -> pa.Schema:
    """One schema for every file: from the whole in-memory corpus, or a lazy corpus's dataset."""
    if hasattr(corpus, "partitions"):
        source = corpus._dataset.schema
        rename = {corpus.id_column: "doc_id", corpus.text_column: "text"}
        fields = {rename.get(f.name, f.name): f.type for f in source}
        return pa.schema([(c, fields[c]) for c in first.columns])
    return pa.Schema.from_pandas(corpus.to_frame(raw="raw" in first.columns)[list(first.columns)],
                                 preserve_index=False)


def _next_number(folder: Path, prefix: str) -> int:
    taken = [p.name[len(prefix):-len(".parquet")] for p in folder.glob(f"{prefix}*.parquet")]
    numbers = [int(t) for t in taken if t.isdigit()]
    return max(numbers) + 1 if numbers else 0


def _frames_to_write(corpus, partition_by, rows_per_file, raw):
    """DataFrames of at most ``rows_per_file`` rows, one value of ``partition_by`` each. A
    :class:`ParquetCorpus` is read one partition at a time (in file order) unless the values
    of ``partition_by`` must be gathered from several files."""
    lazy = hasattr(corpus, "partitions")  # a ParquetCorpus (not imported: it imports us)
    if lazy and partition_by is None:
        corpora = (p.load(raw=raw) for p in corpus.partitions())
    else:
        corpora = [corpus.load(raw=raw) if lazy else corpus]
    for part in corpora:
        frame = part.to_frame(raw=raw)
        groups = [frame] if partition_by is None else \
            [g for _, g in frame.groupby(partition_by, sort=True, dropna=False)]
        for group in groups:
            for start in range(0, len(group), rows_per_file):
                yield group.iloc[start:start + rows_per_file]


def write_part(frame: pd.DataFrame, path: Path, *, row_group_size: int = ROW_GROUP_ROWS,
               compression: str = "zstd", schema: pa.Schema | None = None,
               hashing: bool = False) -> str | None:
    """Write one file of a dataset atomically (temporary name, then rename); with
    ``hashing``, return the SHA-256 of the file's bytes, computed as they are written.

    Every column but long texts gets min/max statistics and dictionary encoding (a text per
    row is all distinct: statistics and dictionaries would only cost). ``schema`` keeps the
    files of one dataset alike (a column that is empty in one file keeps its type).
    """
    table = pa.Table.from_pandas(frame.reset_index(drop=True), schema=schema, preserve_index=False)
    short = _short_columns(table)
    codec = {name: (compression if name not in short or compression != "none" else "lz4")
             for name in table.column_names}
    options = {"compression": codec, "row_group_size": row_group_size, "use_dictionary": short,
               "write_statistics": short, "write_page_checksum": True}
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(fd)
    digest = None
    try:
        with open(tmp, "wb") as fh:
            if hashing:
                from .cache import _HashingWriter

                with _HashingWriter(fh) as sink:
                    pq.write_table(table, sink, **options)
                digest = sink.hexdigest()
            else:
                pq.write_table(table, fh, **options)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return digest


def _short_columns(table: pa.Table) -> list[str]:
    n = max(table.num_rows, 1)
    return [name for name, column in zip(table.column_names, table.columns)
            if not (pa.types.is_large_string(column.type) or pa.types.is_string(column.type))
            or column.nbytes / n <= 256]
