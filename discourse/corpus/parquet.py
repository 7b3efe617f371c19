"""Corpora on disk as partitioned Parquet datasets, opened lazily.

A dataset is a folder of Parquet files (``part-00000.parquet`` ...), one row per document:
the id column, the text column and any metadata columns. :func:`write_parquet` (also
:meth:`Corpus.to_parquet <discourse.corpus.documents.Corpus.to_parquet>`) writes one from
any corpus; :func:`read_parquet` opens one - a local folder, a list of files, or an object
store URI such as ``s3://bucket/corpus/`` - as a :class:`ParquetCorpus`.

A :class:`ParquetCorpus` reads nothing but the schema when it is opened. Its metadata table
(:attr:`ParquetCorpus.meta`) reads the metadata columns only, never the texts; its
:meth:`~ParquetCorpus.subset` adds a filter that is pushed down to the Parquet reader, so that
files and row groups whose statistics exclude the filter are not read at all
(``subset(country="SYR")`` on a dataset written with ``partition_by="country"`` reads one
file). Its :meth:`~ParquetCorpus.partitions` are the units a cluster reads and computes
(one file, or the row groups of a file that pass the filter); each becomes an in-memory
:class:`~discourse.corpus.documents.Corpus` only inside the task that computes it. The
functions that know partitions (:func:`discourse.profile`, :func:`discourse.to_dtm`, the
keyword counts, keyness, the actor measures, the emotion scores, topic inference; see
``docs/scale.md``) never hold the whole corpus; any other function that is given a
:class:`ParquetCorpus` reads it into memory first, as if it had been loaded eagerly.

Corpus order is the order of the files (sorted names) and of the rows in them, or the order
of ``order=`` columns (a stable sort of the metadata).

>>> import tempfile
>>> from discourse.corpus.documents import Corpus
>>> corp = Corpus.from_texts(["Balance.", "Sovereignty.", "Peace."], ids=["a", "b", "c"],
...                          meta={"country": ["SYR", "RUS", "SYR"], "year": [2000, 2001, 2002]})
>>> path = corp.to_parquet(tempfile.mkdtemp() + "/corpus", partition_by="country")
>>> lazy = read_parquet(path)
>>> len(lazy), lazy.meta_columns
(3, ['country', 'year'])
>>> syria = lazy.subset(country="SYR")
>>> [len(p) for p in syria.partitions()], syria.ids
([2], ['a', 'c'])
>>> syria.load().texts
['Balance.', 'Peace.']
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from .dataset_writer import write_parquet
from .documents import Corpus
from ..errors import CorpusFormatError, InputError, file_error

__all__ = ["ParquetCorpus", "Partition", "read_parquet", "write_parquet", "corpus_partitions",
           "is_lazy", "filters_for"]

_SKIP = {"raw"}  # never read as metadata (the text as decoded, kept by some loaders)


# ---------------------------------------------------------------------------------------------
# reading
# ---------------------------------------------------------------------------------------------

def read_parquet(path, *, text: str = "text", id: str = "doc_id", filesystem=None,
                 order: Sequence[str] | None = None, name: str | None = None) -> ParquetCorpus:
    """Open a Parquet dataset as a lazy corpus (nothing but the schema is read now).

    Parameters
    ----------
    path : str, path, or list of files
        A folder of Parquet files (local, or a URI pyarrow reads: ``s3://bucket/corpus/``,
        ``gs://...``, ``hdfs://...``), possibly Hive-partitioned (``country=SYR/...``).
        Files whose names start with ``_`` or ``.`` are ignored.
    text, id : str
        The columns holding the texts and the document ids (ids must be unique).
    filesystem : pyarrow.fs.FileSystem, optional
        For credentials or a custom store; default: from the URI.
    order : list of str, optional
        Metadata columns that define the corpus order (a stable sort), e.g.
        ``["year", "country"]``; default: file order.
    name : str, optional

    Example (a dataset on an object store, profiled on a cluster)::

        corp = discourse.read_parquet("s3://my-bucket/parlspeech/", id="speech_id")
        table = discourse.profile(corp.subset(country="GBR"), scheduler="tcp://10.0.0.5:8786")
    """
    return ParquetCorpus(path, text=text, id=id, filesystem=filesystem, order=order, name=name)


def is_lazy(corpus) -> bool:
    """Whether ``corpus`` is a :class:`ParquetCorpus` (its texts not read yet)."""
    return isinstance(corpus, ParquetCorpus)


class Partition:
    """A piece of a corpus that one task reads and computes: a Parquet file (only the row
    groups that pass the filter) or a slice of an in-memory corpus. Picklable; small.

    ``load()`` returns it as an in-memory :class:`~discourse.corpus.documents.Corpus`.
    """

    def __init__(self, index: int, *, fragment=None, schema=None, filter=None, columns=None,
                 id: str = "doc_id", text: str = "text", frame: pd.DataFrame | None = None,
                 rows: int | None = None):
        self.index = index
        self.fragment, self.schema, self.filter = fragment, schema, filter
        self.columns, self.id, self.text = columns, id, text
        self.frame = frame
        self.rows = rows if rows is not None else (len(frame) if frame is not None else None)

    def __len__(self) -> int:
        return int(self.rows or 0)

    def describe(self) -> str:
        """Where the partition comes from (for messages)."""
        if self.fragment is None:
            return f"rows {self.frame.index[0]}-{self.frame.index[-1]} of the corpus" \
                if self.frame is not None and len(self.frame) else "an empty slice"
        groups = [rg.id for rg in self.fragment.row_groups]
        return f"{self.fragment.path}, row groups {groups}"

    def load(self, *, raw: bool = False) -> Corpus:
        """The partition's documents as an in-memory corpus (ids as strings)."""
        if self.fragment is None:
            return Corpus(self.frame.reset_index(drop=True))
        return _as_corpus(self.read_table(raw=raw).to_pandas(), self.id, self.text,
                          where=self.describe())

    def read_table(self, *, raw: bool = False) -> pa.Table:
        """The partition's rows as an Arrow table (a file partition only)."""
        columns = list(self.columns)
        if raw and "raw" in self.schema.names and "raw" not in columns:
            columns.append("raw")
        try:
            return self.fragment.to_table(schema=self.schema, columns=columns,
                                          filter=self.filter)
        except (OSError, pa.ArrowException) as exc:
            raise file_error(CorpusFormatError, self.fragment.path,
                             "cannot read this part of the dataset", str(exc)) from None

    def __repr__(self) -> str:
        return f"<Partition {self.index}: {self.rows} documents, {self.describe()}>"


def _as_corpus(frame: pd.DataFrame, id: str, text: str, *, where: str) -> Corpus:
    """A corpus from a table read from Parquet, with ``doc_id``/``text`` renamed and checked:
    a missing text or id names the document and the file."""
    frame = frame.rename(columns={id: "doc_id", text: "text"})
    ids = frame["doc_id"]
    if ids.isna().any():
        raise file_error(CorpusFormatError, where, f"{int(ids.isna().sum())} document(s) "
                         "without an id")
    if not (pd.api.types.is_string_dtype(ids) and not pd.api.types.is_object_dtype(ids)):
        frame["doc_id"] = ids.astype(str)
    bad = frame["text"].isna().to_numpy()
    if bad.any():
        named = frame["doc_id"][bad].tolist()
        raise file_error(CorpusFormatError, where, f"document {named[0]!r} has no text"
                         + (f" (and {len(named) - 1} more: {named[1:4]})" if len(named) > 1 else ""))
    return Corpus(frame)


class ParquetCorpus(Corpus):
    """A corpus whose documents stay in a Parquet dataset until computed (see the module docs).

    It is a :class:`~discourse.corpus.documents.Corpus`: ``len``, :attr:`ids`,
    :attr:`meta`, :attr:`meta_columns` and :meth:`subset` work on the metadata alone;
    everything else (iterating, :attr:`texts`, :meth:`group` ...) reads the corpus into
    memory first, once.
    """

    def __init__(self, source, *, text: str = "text", id: str = "doc_id", filesystem=None,
                 order: Sequence[str] | None = None, name: str | None = None,
                 _dataset=None, _filter=None):
        self.source = source
        self.text_column, self.id_column = text, id
        self.filesystem = filesystem
        self._filter = _filter
        self._order = list(order) if order else None
        if _dataset is None:
            _dataset = _open(source, filesystem)
        self._dataset = _dataset
        names = self._dataset.schema.names
        missing = [c for c in (id, text) if c not in names]
        if missing:
            raise file_error(CorpusFormatError, _label(source),
                             f"no column {missing[0]!r} in the dataset",
                             f"its columns are {names}; say which hold the ids and the texts "
                             f"with id= and text=")
        clash = [c for c in ("doc_id", "text") if c in names and c not in (id, text)]
        if clash:
            raise file_error(CorpusFormatError, _label(source),
                             f"a metadata column is named {clash[0]!r}",
                             "it would clash with the document ids or texts of the corpus")
        self._meta_names = [c for c in names if c not in (id, text) and c not in _SKIP]
        for c in self._order or ():
            if c not in self._meta_names:
                raise InputError(f"The 'order' parameter of read_parquet names {c!r}, which "
                                 f"is not a metadata column {self._meta_names}.")
        self.name = name if name is not None else Path(_label(source).rstrip("/")).name
        self._meta_frame = None
        self._loaded = None
        self._position = None
        self._hash = None
        self._docs = None

    # -- what is known without reading texts ---------------------------------------------
    @property
    def meta_columns(self) -> list[str]:
        return list(self._meta_names)

    @property
    def meta(self) -> pd.DataFrame:
        """The metadata table (``doc_id`` first), read from the metadata columns only."""
        return self._metadata().copy()

    @property
    def ids(self) -> list[str]:
        return self._metadata()["doc_id"].tolist()

    def __len__(self) -> int:
        return len(self._metadata())

    def _metadata(self) -> pd.DataFrame:
        if self._meta_frame is None:
            columns = [self.id_column, *self._meta_names]
            try:
                table = self._dataset.to_table(columns=columns, filter=self._filter)
            except (OSError, pa.ArrowException) as exc:
                raise file_error(CorpusFormatError, _label(self.source),
                                 "cannot read the dataset's metadata", str(exc)) from None
            frame = table.to_pandas().rename(columns={self.id_column: "doc_id"})
            ids = frame["doc_id"]
            if ids.isna().any():
                raise file_error(CorpusFormatError, _label(self.source),
                                 f"{int(ids.isna().sum())} document(s) without an id")
            if not (pd.api.types.is_string_dtype(ids) and not pd.api.types.is_object_dtype(ids)):
                frame["doc_id"] = ids.astype(str)
            dup = frame["doc_id"][frame["doc_id"].duplicated()]
            if len(dup):
                raise file_error(CorpusFormatError, _label(self.source),
                                 f"duplicate document ids {sorted(set(dup))[:5]}",
                                 "ids must be unique within a corpus")
            if self._order:
                frame = frame.sort_values(self._order, kind="mergesort")
            self._meta_frame = frame.reset_index(drop=True)
        return self._meta_frame

    def positions(self) -> dict[str, int]:
        """doc_id -> position in corpus order."""
        if self._position is None:
            self._position = {d: i for i, d in enumerate(self.ids)}
        return self._position

    # -- partitions -----------------------------------------------------------------------
    def partitions(self, *, by_row_group: bool = False) -> list[Partition]:
        """The files (and their row groups) that the filter does not exclude, in file order,
        or each such row group on its own; footers are read here, texts never."""
        columns = [self.id_column, self.text_column, *self._meta_names]
        out = []
        for fragment in self._dataset.get_fragments(filter=self._filter):
            if self._filter is not None:
                fragment = fragment.subset(filter=self._filter, schema=self._dataset.schema)
            groups = fragment.row_groups
            if not groups:
                continue
            pieces = [(fragment, groups)]
            if by_row_group and len(groups) > 1:
                pieces = [(fragment.format.make_fragment(
                    fragment.path, filesystem=fragment.filesystem,
                    partition_expression=fragment.partition_expression, row_groups=[rg.id]),
                    [rg]) for rg in groups]
            for piece, piece_groups in pieces:
                out.append(Partition(len(out), fragment=piece, schema=self._dataset.schema,
                                     filter=self._filter, columns=columns, id=self.id_column,
                                     text=self.text_column,
                                     rows=sum(rg.num_rows for rg in piece_groups)))
        return out

    # -- same-stage transforms ------------------------------------------------------------
    def subset(self, mask=None, **filters) -> ParquetCorpus:
        """Documents that pass metadata filters, pushed down to the Parquet reader.

        ``column=value`` (equality), a list/set/tuple (any of them), a ``range`` of ints (an
        inclusive min/max when its step is 1); ``doc_id`` may be filtered too. A callable or
        a boolean ``mask`` is evaluated on the metadata and becomes a filter on the ids.
        """
        expr = self._filter
        meta = None
        for column, value in filters.items():
            if column != "doc_id" and column not in self._meta_names:
                raise InputError(f"Corpus.subset: unknown metadata column {column!r}; "
                                 f"available: {['doc_id', *self._meta_names]}")
            field = pc.field(self.id_column if column == "doc_id" else column)
            if callable(value):
                meta = self._metadata() if meta is None else meta
                keep = np.asarray(value(meta[column]), dtype=bool)
                term = pc.field(self.id_column).isin(meta["doc_id"][keep].tolist())
            elif isinstance(value, range) and value.step == 1:
                if len(value) == 0:
                    term = pc.scalar(False)
                else:
                    term = (field >= value.start) & (field <= value[-1])
            elif isinstance(value, (list, set, tuple, frozenset, range)):
                term = field.isin(sorted(value, key=str) if isinstance(value, (set, frozenset))
                                  else list(value))
            else:
                term = field == value
            expr = term if expr is None else (expr & term)
        if mask is not None:
            meta = self._metadata() if meta is None else meta
            m = mask(meta) if callable(mask) else mask
            m = np.asarray(m, dtype=bool)
            if m.shape != (len(meta),):
                raise InputError(f"The mask given to Corpus.subset has {m.size} values for "
                                 f"{len(meta)} documents.")
            term = pc.field(self.id_column).isin(meta["doc_id"][m].tolist())
            expr = term if expr is None else (expr & term)
        return ParquetCorpus(self.source, text=self.text_column, id=self.id_column,
                             filesystem=self.filesystem, order=self._order, name=self.name,
                             _dataset=self._dataset, _filter=expr)

    # -- reading into memory --------------------------------------------------------------
    def load(self, *, raw: bool = False) -> Corpus:
        """The whole (filtered) corpus in memory, in corpus order."""
        if self._loaded is not None and not raw:
            return self._loaded
        parts = self.partitions()
        tables = [p.read_table(raw=raw) for p in parts]
        if tables:
            table = pa.concat_tables(tables).combine_chunks()  # contiguous: a fast take
        else:
            columns = [self.id_column, self.text_column, *self._meta_names]
            table = self._dataset.schema.empty_table().select(columns)
        if self._order and table.num_rows > 1:
            position = self.positions()
            ids = table.column(self.id_column).to_pylist()
            keys = np.fromiter((position[str(d)] for d in ids), dtype=np.int64, count=len(ids))
            table = table.take(np.argsort(keys, kind="stable"))
        where = _label(self.source)
        frame = _as_corpus(table.to_pandas(), self.id_column, self.text_column, where=where)._frame
        corpus = Corpus(frame, name=self.name)
        if not raw:
            self._loaded = corpus
        return corpus

    @property
    def _frame(self) -> pd.DataFrame:  # what every other Corpus method reads
        return self.load()._frame

    def __repr__(self) -> str:
        where = _label(self.source)
        filt = f", filter {self._filter}" if self._filter is not None else ""
        return f"<ParquetCorpus {self.name!r}: {len(self)} documents in {where}{filt}>"


def _label(source) -> str:
    if isinstance(source, (list, tuple)):
        return f"{len(source)} files ({os.fspath(source[0])} ...)" if source else "no files"
    return os.fspath(source)


def _open(source, filesystem):
    if isinstance(source, (list, tuple)):
        source = [os.fspath(s) for s in source]
        if not source:
            raise InputError("read_parquet: an empty list of files was given")
    else:
        source = os.fspath(source)
        if "://" not in source and not os.path.exists(source):
            raise file_error(InputError, source, "no such file or folder")
    try:
        return ds.dataset(source, format="parquet", partitioning="hive", filesystem=filesystem)
    except (OSError, pa.ArrowException) as exc:
        raise file_error(CorpusFormatError, _label(source), "not a readable Parquet dataset",
                         str(exc)) from None


def corpus_partitions(corpus: Corpus, *, size: int | None = None,
                      n_workers: int = 1) -> list[Partition]:
    """The partitions of a corpus: a :class:`ParquetCorpus`'s files (its row groups when
    there are fewer than two files per worker), or slices of an in-memory corpus (``size``
    documents each; default: about eight per worker, between 16 and 512 documents)."""
    if isinstance(corpus, ParquetCorpus):
        parts = corpus.partitions()
        if len(parts) < 2 * n_workers:  # too few files to keep every worker busy
            parts = corpus.partitions(by_row_group=True)
        return parts
    n = len(corpus)
    if size is None:
        size = int(min(512, max(16, -(-n // max(8 * n_workers, 1)))))
    frame = corpus._frame
    return [Partition(i, frame=frame.iloc[start:start + size])
            for i, start in enumerate(range(0, n, size))]


def filters_for(countries: Iterable[str] | None, years: tuple[int, int] | None,
                *, country: str = "country", year: str = "year"):
    """The pushed-down filter of a country list and an inclusive year range (or None)."""
    expr = None
    if countries is not None:
        expr = pc.field(country).isin(list(countries))
    if years is not None:
        term = (pc.field(year) >= years[0]) & (pc.field(year) <= years[1])
        expr = term if expr is None else expr & term
    return expr

