"""The corpus stage: :class:`Document` and :class:`Corpus`.

A :class:`Corpus` is an ordered collection of documents plus a pandas metadata table with one
row per document (``doc_id`` first, then whatever metadata the source provides: ``country``,
``year``, ``outlet``, ``genre`` ...). Same-stage transforms (:meth:`Corpus.subset`,
:meth:`Corpus.group`, :meth:`Corpus.sample`, :meth:`Corpus.assign`) always return a **new**
corpus; nothing is mutated.

``Document.text`` is the *normalised* text (see :mod:`discourse.corpus.normalize`); every character
offset the package reports refers to it. ``Document.raw`` keeps the text as decoded from the
source when the loader was asked to keep it.

>>> corp = Corpus.from_texts(["Cooperation, not confrontation.", "Balance and restraint."],
...                          ids=["a", "b"], meta={"year": [2024, 2025]})
>>> len(corp), corp.ids
(2, ['a', 'b'])
>>> corp.subset(year=2025).ids
['b']
>>> corp["a"].text
'Cooperation, not confrontation.'
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from ..errors import EmptyInputError, InputError

__all__ = ["Document", "Corpus", "as_corpus"]

_RESERVED = {"doc_id", "text", "raw"}


@dataclass(frozen=True, eq=False)
class Document:
    """One text with a stable id and its metadata.

    Parameters
    ----------
    id : str
        Stable identifier, unique within a corpus (for the UN corpus ``"SYR_79_2024"``; for a
        folder, the file's path relative to the folder without its suffix).
    text : str
        The normalised text. Offsets reported anywhere in the package refer to this string.
    meta : mapping
        Metadata (read-only view).
    raw : str or None
        The text as decoded from the source, before normalisation, if the loader kept it.

    Examples
    --------
    >>> doc = Document("d1", "A heading\\n\\nThe body. It has two sentences.")
    >>> [b.kind for b in doc.blocks]
    ['heading', 'paragraph']
    >>> doc.body_text()
    'The body. It has two sentences.'
    """

    id: str
    text: str
    meta: Mapping[str, Any] = field(default_factory=dict)
    raw: str | None = None

    def __post_init__(self):
        if not isinstance(self.id, str) or not self.id:
            raise InputError(f"A Document id must be a non-empty string. Got {self.id!r} instead.")
        if not isinstance(self.text, str):
            raise InputError(f"Document {self.id!r}: text must be a str, got {type(self.text).__name__}.")
        object.__setattr__(self, "meta", MappingProxyType(dict(self.meta)))

    @cached_property
    def blocks(self):
        """Paragraphs, headings, boilerplate and page furniture, as ``Block(start, end, kind)``."""
        from .normalize import split_blocks

        return tuple(split_blocks(self.text))

    def body_blocks(self, *, include_headings: bool = False):
        """The blocks that count as body text (paragraphs; headings too if asked)."""
        kinds = {"paragraph", "heading"} if include_headings else {"paragraph"}
        return [b for b in self.blocks if b.kind in kinds]

    def body_text(self, *, include_headings: bool = False) -> str:
        """The body paragraphs joined by blank lines (headings and boilerplate left out)."""
        return "\n\n".join(self.text[b.start:b.end]
                           for b in self.body_blocks(include_headings=include_headings))

    def __repr__(self) -> str:
        preview = self.text[:40].replace("\n", " ")
        return f"Document(id={self.id!r}, chars={len(self.text)}, text={preview!r}...)"


class Corpus:
    """An ordered collection of documents with a metadata table.

    Build one with a loader (:func:`discourse.read_folder`, :func:`discourse.load_ungdc`,
    :func:`discourse.load_article`, ...) or with :meth:`Corpus.from_texts` /
    :meth:`Corpus.from_documents`.

    Attributes
    ----------
    meta : pandas.DataFrame
        One row per document, ``doc_id`` first, in corpus order, with a plain RangeIndex.
        A copy is returned; changing it does not change the corpus.
    """

    def __init__(self, frame: pd.DataFrame, *, name: str | None = None):
        if "doc_id" not in frame.columns or "text" not in frame.columns:
            raise InputError("A Corpus frame needs the columns 'doc_id' and 'text'.")
        frame = frame.reset_index(drop=True)
        ids = frame["doc_id"]
        if ids.isna().any() or (ids.astype(str) == "").any():
            raise InputError("Every document needs a non-empty doc_id.")
        dup = ids[ids.duplicated()]
        if len(dup):
            raise InputError(f"Duplicate document ids: {sorted(set(dup))[:10]} "
                             f"(ids must be unique within a corpus)")
        self._frame = frame
        self.name = name
        self._position = None
        self._hash = None
        self._docs: list[Document] | None = None

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def from_texts(cls, texts: Sequence[str], *, ids: Sequence[str] | None = None,
                   meta: Mapping[str, Sequence] | pd.DataFrame | None = None,
                   name: str | None = None) -> Corpus:
        """Build a corpus from plain strings (already normalised), with optional metadata."""
        if isinstance(texts, str):
            raise InputError("Corpus.from_texts expects a list of texts, got a single string "
                             "(wrap it in a list).")
        texts = list(texts)
        if ids is None:
            ids = [f"doc{i + 1}" for i in range(len(texts))]
        frame = pd.DataFrame({"doc_id": list(ids), "text": texts})
        if meta is not None:
            meta_frame = pd.DataFrame(meta).reset_index(drop=True)
            if len(meta_frame) != len(frame):
                raise InputError(f"meta has {len(meta_frame)} rows for {len(frame)} texts.")
            frame = pd.concat([frame, meta_frame.drop(columns=[c for c in meta_frame.columns
                                                              if c in _RESERVED])], axis=1)
        return cls(frame, name=name)

    @classmethod
    def from_documents(cls, documents: Iterable[Document], *, name: str | None = None) -> Corpus:
        """Build a corpus from :class:`Document` objects (metadata keys become columns)."""
        if isinstance(documents, Corpus):
            raise InputError("Corpus.from_documents: given a Corpus, which is one already "
                             "(to combine corpora: Corpus.concat([a, b]))")
        rows = []
        for i, doc in enumerate(documents):
            if not isinstance(doc, Document):
                raise InputError(f"Corpus.from_documents: item {i} is a {type(doc).__name__}, "
                                 "not a Document (to combine corpora: Corpus.concat)")
            row = {"doc_id": doc.id, "text": doc.text}
            if doc.raw is not None:
                row["raw"] = doc.raw
            row.update({k: v for k, v in doc.meta.items() if k not in _RESERVED})
            rows.append(row)
        frame = pd.DataFrame(rows) if rows else pd.DataFrame({"doc_id": [], "text": []})
        return cls(frame, name=name)

    @classmethod
    def concat(cls, corpora: Iterable[Corpus], *, name: str | None = None) -> Corpus:
        """Concatenate corpora (ids must stay unique; metadata columns are unioned)."""
        corpora = list(corpora)
        if not corpora:
            raise EmptyInputError("Corpus.concat needs at least one corpus.")
        frame = pd.concat([c._frame for c in corpora], ignore_index=True, sort=False)
        return cls(frame, name=name)

    def __add__(self, other: Corpus) -> Corpus:
        return Corpus.concat([self, other])

    # -- access ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._frame)

    def __iter__(self) -> Iterator[Document]:
        # The Document objects are made once and kept: a corpus never changes, and what a
        # document computes about itself (its blocks, its sentences) is then shared by every
        # measure that iterates over the corpus.
        if self._docs is None:
            self._docs = list(self._make_documents())
        return iter(self._docs)

    def _make_documents(self) -> Iterator[Document]:
        columns = [self._frame[c].tolist() for c in self.meta_columns]
        raws = self._frame["raw"].tolist() if "raw" in self._frame.columns else None
        names = self.meta_columns
        for i, (doc_id, text) in enumerate(zip(self._frame["doc_id"].tolist(),
                                               self._frame["text"].tolist())):
            meta = {name: _plain(col[i]) for name, col in zip(names, columns)}
            raw = _plain(raws[i]) if raws is not None else None
            yield Document(str(doc_id), text, meta, raw)

    def __getitem__(self, key) -> Document:
        if isinstance(key, (int, np.integer)):
            n = len(self)
            if not -n <= key < n:
                raise IndexError(f"document index {key} out of range for a corpus of {n}")
            return self._document(int(key) % n)
        if isinstance(key, str):
            if self._position is None:
                self._position = {d: i for i, d in enumerate(self._frame["doc_id"])}
            if key not in self._position:
                raise KeyError(f"no document with id {key!r} in this corpus")
            return self._document(self._position[key])
        raise TypeError("index a Corpus with an int position or a str doc_id; "
                        "use .subset() to select several documents")

    def _document(self, i: int) -> Document:
        if self._docs is not None:
            return self._docs[i]
        row = self._frame.iloc[i]
        meta = {k: _plain(row[k]) for k in self.meta_columns}
        raw = _plain(row["raw"]) if "raw" in self._frame.columns else None
        return Document(str(row["doc_id"]), row["text"], meta, raw)

    @property
    def ids(self) -> list[str]:
        """Document ids, in order."""
        return self._frame["doc_id"].astype(str).tolist()

    @property
    def texts(self) -> list[str]:
        """Normalised texts, in order."""
        return self._frame["text"].tolist()

    @property
    def meta_columns(self) -> list[str]:
        """Names of the metadata columns (everything but doc_id, text and raw)."""
        return [c for c in self._frame.columns if c not in _RESERVED]

    @property
    def meta(self) -> pd.DataFrame:
        """The metadata table: ``doc_id`` plus metadata columns, one row per document."""
        return self._frame[["doc_id", *self.meta_columns]].copy()

    def to_frame(self, *, raw: bool = False) -> pd.DataFrame:
        """The whole corpus as one DataFrame (``doc_id``, ``text``, metadata; ``raw`` if asked)."""
        cols = ["doc_id", "text", *(["raw"] if raw and "raw" in self._frame else []),
                *self.meta_columns]
        return self._frame[cols].copy()

    def to_parquet(self, path, **options):
        """Write the corpus as a partitioned Parquet dataset (a folder; options and layout in
        :func:`discourse.corpus.dataset_writer.write_parquet`) and return the folder; read it
        back lazily with :func:`discourse.read_parquet`."""
        from .dataset_writer import write_parquet

        return write_parquet(self, path, **options)

    def content_hash(self) -> str:
        """SHA-256 over ids and texts, in order: the key for caches derived from this corpus
        (computed once per corpus object: a corpus never changes)."""
        if self._hash is None:
            self._hash = self._compute_hash()
        return self._hash

    def _compute_hash(self) -> str:
        h = hashlib.sha256()
        for doc_id, text in zip(self._frame["doc_id"], self._frame["text"]):
            h.update(str(doc_id).encode("utf-8"))
            h.update(b"\x00")
            h.update(text.encode("utf-8"))
            h.update(b"\x01")
        return h.hexdigest()

    # -- same-stage transforms ------------------------------------------------------------
    def subset(self, mask: Sequence[bool] | Callable[[pd.DataFrame], Sequence[bool]] | None = None,
               **filters) -> Corpus:
        """Documents that satisfy a boolean mask and/or metadata filters.

        Each filter ``column=value`` keeps rows whose column equals ``value``; a list, set or
        tuple of values keeps any of them; a ``range`` keeps ints in it; a callable receives
        the column (a Series) and returns a mask. ``doc_id`` may be filtered too.

        >>> corp = Corpus.from_texts(["a", "b", "c"], meta={"year": [1990, 2005, 2024]})
        >>> corp.subset(year=range(2000, 2025)).ids
        ['doc2', 'doc3']
        >>> corp.subset(lambda m: m["year"] < 2000).ids
        ['doc1']
        """
        keep = np.ones(len(self), dtype=bool)
        if mask is not None:
            m = mask(self.meta) if callable(mask) else mask
            m = np.asarray(m, dtype=bool)
            if m.shape != (len(self),):
                raise InputError(f"The mask given to Corpus.subset has {m.size} values for "
                                 f"{len(self)} documents.")
            keep &= m
        for column, value in filters.items():
            if column not in self._frame.columns:
                raise InputError(f"Corpus.subset: unknown metadata column {column!r}; "
                                 f"available: {['doc_id', *self.meta_columns]}")
            col = self._frame[column]
            if callable(value):
                keep &= np.asarray(value(col), dtype=bool)
            elif isinstance(value, range):
                keep &= col.isin(list(value)).to_numpy()
            elif isinstance(value, (list, set, tuple, frozenset)):
                keep &= col.isin(list(value)).to_numpy()
            else:
                keep &= (col == value).fillna(False).to_numpy(dtype=bool)
        return Corpus(self._frame[keep], name=self.name)

    def group(self, by: str) -> dict[Any, Corpus]:
        """Split into corpora by a metadata column, ordered by key (missing values left out).

        >>> corp = Corpus.from_texts(["a", "b", "c"], meta={"era": ["old", "new", "old"]})
        >>> {k: g.ids for k, g in corp.group("era").items()}
        {'new': ['doc2'], 'old': ['doc1', 'doc3']}
        """
        if by not in self._frame.columns:
            raise InputError(f"Corpus.group: unknown metadata column {by!r}; "
                             f"available: {self.meta_columns}")
        out = {}
        for key, part in self._frame.groupby(by, sort=True, dropna=True):
            out[_plain(key)] = Corpus(part, name=f"{self.name or 'corpus'}[{by}={key}]")
        return out

    def sample(self, n: int, *, seed: int = 0) -> Corpus:
        """A random sample of ``n`` documents (in corpus order), reproducible by ``seed``."""
        from .._validation import check_range

        check_range("n", n, "Corpus.sample", low=1, integer=True)
        check_range("seed", seed, "Corpus.sample", low=0, integer=True)
        if n >= len(self):
            return Corpus(self._frame, name=self.name)
        rng = np.random.default_rng(seed)
        rows = np.sort(rng.choice(len(self), size=int(n), replace=False))
        return Corpus(self._frame.iloc[rows], name=self.name)

    def assign(self, **columns) -> Corpus:
        """A corpus with metadata columns added or replaced (values, Series or callables)."""
        bad = _RESERVED & set(columns)
        if bad:
            raise InputError(f"Corpus.assign cannot replace {sorted(bad)}.")
        frame = self._frame.copy()
        for name, value in columns.items():
            frame[name] = value(frame) if callable(value) else value
        return Corpus(frame, name=self.name)

    def with_periods(self, periods: Mapping[str, tuple[int, int]], *, column: str = "era",
                     year_column: str = "year") -> Corpus:
        """Label each document with the period its year falls in (inclusive bounds).

        >>> corp = Corpus.from_texts(["a", "b"], meta={"year": [1999, 2015]})
        >>> corp.with_periods({"before 2011": (1946, 2010), "2011-2024": (2011, 2024)}).meta["era"].tolist()
        ['before 2011', '2011-2024']
        """
        if year_column not in self._frame.columns:
            raise InputError(f"Corpus.with_periods: the corpus has no {year_column!r} column.")
        spans = sorted((lo, hi, label) for label, (lo, hi) in periods.items())
        for lo, hi, label in spans:
            if lo > hi:
                raise InputError(f"Corpus.with_periods: period {label!r} runs backwards "
                                 f"({lo}-{hi}).")
        for (lo1, hi1, a), (lo2, hi2, b) in zip(spans, spans[1:]):
            if lo2 <= hi1:
                raise InputError(f"Corpus.with_periods: periods {a!r} ({lo1}-{hi1}) and {b!r} "
                                 f"({lo2}-{hi2}) overlap; a year belongs to one period.")
        years = pd.to_numeric(self._frame[year_column], errors="coerce")
        labels = pd.Series(pd.NA, index=self._frame.index, dtype="object")
        for label, (lo, hi) in periods.items():
            labels[(years >= lo) & (years <= hi) & labels.isna()] = label
        return self.assign(**{column: labels.to_numpy()})

    def __repr__(self) -> str:
        name = f" {self.name!r}" if self.name else ""
        return f"<Corpus{name}: {len(self)} documents, metadata {self.meta_columns}>"


def as_corpus(obj, func: str = "this function") -> Corpus:
    """A Corpus from what analysis functions accept: a Corpus (returned as is), a Document,
    or a bare string (one document with id ``"text"``). Anything else raises
    :class:`~discourse.errors.InputError` naming ``func``.

    >>> as_corpus("Cooperation, not confrontation.").ids
    ['text']
    """
    if isinstance(obj, Corpus):
        return obj
    if isinstance(obj, Document):
        return Corpus.from_documents([obj])
    if isinstance(obj, str):
        return Corpus.from_texts([obj], ids=["text"])
    raise InputError(f"{func} expects a Corpus, a Document or a str, got {type(obj).__name__}")


def _plain(value):
    """numpy/pandas scalars to plain Python values; missing values to None."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value
