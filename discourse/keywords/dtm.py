"""The counts stage: a sparse document-term matrix, :class:`DocTermMatrix`.

:func:`to_dtm` counts the terms of every document's body with the tokenisation policy of
:mod:`discourse.text.tokens` (:func:`~discourse.text.tokens.count_terms`: lowercased, possessives split,
optional stemming and stop words). Large corpora are counted on all cores, in contiguous
chunks whose local vocabularies are merged at the end, and the matrix is cached in the data
directory (Parquet, checksummed, no pickle), keyed by the corpus content, the settings and the
version of the code.

>>> from discourse.corpus.documents import Corpus
>>> dtm = to_dtm(Corpus.from_texts(["Balance, not rivalry.", "Balance and balance."],
...                                meta={"year": [2024, 2025]}))
>>> dtm.terms
['and', 'balance', 'not', 'rivalry']
>>> dtm.counts.toarray().tolist()
[[0, 1, 1, 1], [1, 2, 0, 0]]
>>> dtm.group("year").counts.toarray().tolist()
[[0, 1, 1, 1], [1, 2, 0, 0]]
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from itertools import chain

import numpy as np
import pandas as pd
import scipy.sparse as sp
from tqdm.auto import tqdm

from ..corpus.documents import Corpus
from ..errors import EmptyInputError, InputError
from ..text.tokens import count_terms, stopwords as shipped_stopwords

__all__ = ["DocTermMatrix", "to_dtm", "term_totals", "CACHE_MIN_DOCUMENTS"]

#: Corpora with at least this many documents are counted on all cores and cached.
CACHE_MIN_DOCUMENTS = 500
_CHUNK = 256


class DocTermMatrix:
    """Term counts: ``counts[i, j]`` is how often term ``terms[j]`` occurs in document ``i``.

    Attributes
    ----------
    counts : scipy.sparse.csr_matrix of int64, shape (n_documents, n_terms)
    doc_ids : list of str
    terms : list of str, sorted
    docvars : pandas.DataFrame
        The corpus metadata, one row per document (``doc_id`` first).
    """

    def __init__(self, counts, doc_ids: Sequence[str], terms: Sequence[str],
                 docvars: pd.DataFrame):
        counts = sp.csr_matrix(counts, dtype=np.int64)
        if counts.shape != (len(doc_ids), len(terms)):
            raise InputError(f"DocTermMatrix: counts of shape {counts.shape} for "
                             f"{len(doc_ids)} documents and {len(terms)} terms")
        self._counts = counts
        self._doc_ids = list(doc_ids)
        self.terms = terms if isinstance(terms, list) else list(terms)  # shared, never mutated
        self._docvars = docvars.reset_index(drop=True)
        self._index = None
        self._view = None    # (parent, rows) of a subset whose rows are not copied yet
        self._totals = None  # term_counts() over all documents, computed once
        self._strings = None  # the terms as a pandas string array, and whether sorted

    @classmethod
    def _rows_of(cls, parent: DocTermMatrix, rows: np.ndarray) -> DocTermMatrix:
        """The documents ``rows`` of ``parent``, copied only when first read: a split for
        :func:`~discourse.keywords.keyness.stat_keyness` needs only the term counts."""
        view = cls.__new__(cls)
        view.terms, view._index, view._totals = parent.terms, parent._index, None
        view._strings = parent._strings
        view._counts = view._doc_ids = view._docvars = None
        view._view = (parent, rows)
        return view

    @property
    def counts(self) -> sp.csr_matrix:
        if self._counts is None:
            parent, rows = self._view
            self._counts = parent.counts[rows]
        return self._counts

    @property
    def doc_ids(self) -> list[str]:
        if self._doc_ids is None:
            parent, rows = self._view
            self._doc_ids = [parent.doc_ids[i] for i in rows]
        return self._doc_ids

    @property
    def docvars(self) -> pd.DataFrame:
        if self._docvars is None:
            parent, rows = self._view
            self._docvars = parent.docvars.iloc[rows].reset_index(drop=True)
        return self._docvars

    def __repr__(self) -> str:
        return (f"<DocTermMatrix: {len(self.doc_ids)} documents x {len(self.terms)} terms, "
                f"{int(self.counts.sum()):,} tokens>")

    @property
    def shape(self) -> tuple[int, int]:
        if self._counts is None:
            return (len(self._view[1]), len(self.terms))
        return self.counts.shape

    @property
    def n_tokens(self) -> np.ndarray:
        """Tokens per document."""
        return np.asarray(self.counts.sum(axis=1)).ravel()

    def term_index(self, term: str) -> int | None:
        """Column of ``term``, or None."""
        if self._index is None:
            self._index = {t: i for i, t in enumerate(self.terms)}
        return self._index.get(term)

    def term_counts(self, rows=None) -> np.ndarray:
        """Total count of every term over all documents (or the selected ``rows``).

        The total over all documents is computed once (``counts`` is never changed in
        place). A subset from :meth:`subset`/:meth:`split` that has not been copied sums the
        fewer of its rows and the other rows of the matrix it came from, and subtracts the
        latter from that matrix's total: integer counts, so the result is exact.
        """
        if rows is not None:
            return np.asarray(self.counts[rows].sum(axis=0)).ravel()
        if self._totals is None:
            if self._counts is None:
                parent, picked = self._view
                if 2 * len(picked) <= parent.shape[0]:
                    self._totals = parent.term_counts(picked)
                else:
                    rest = np.ones(parent.shape[0], dtype=bool)
                    rest[picked] = False
                    self._totals = parent.term_counts() - parent.term_counts(np.flatnonzero(rest))
            else:
                self._totals = np.asarray(self.counts.sum(axis=0)).ravel()
        return self._totals.copy()

    def term_strings(self) -> tuple[pd.api.extensions.ExtensionArray, bool]:
        """The terms as a pandas string array (built once, shared with subsets) and whether
        they are in sorted order, for tables with one row per term."""
        if self._strings is None:
            if self._view is not None:
                self._strings = self._view[0].term_strings()
            else:
                t = self.terms
                self._strings = (pd.Series(t).array,
                                 all(x <= y for x, y in zip(t, t[1:])))
        return self._strings

    def subset(self, mask) -> DocTermMatrix:
        """Documents selected by a boolean mask (or callable on ``docvars``)."""
        m = np.asarray(mask(self.docvars) if callable(mask) else mask, dtype=bool)
        if m.shape != (len(self.doc_ids),):
            raise InputError(f"DocTermMatrix.subset: mask of {m.size} values for "
                             f"{len(self.doc_ids)} documents")
        return DocTermMatrix._rows_of(self, np.flatnonzero(m))

    def split(self, mask) -> tuple[DocTermMatrix, DocTermMatrix]:
        """``(selected, rest)``: the documents of a boolean mask (or a callable on ``docvars``,
        or a list of doc ids) and all the others, e.g. for ``stat_keyness(*dtm.split(mask))``."""
        if not callable(mask) and len(mask) and isinstance(list(mask)[0], str):
            wanted = set(mask)
            unknown = wanted - set(self.doc_ids)
            if unknown:
                raise InputError(f"DocTermMatrix.split: unknown doc ids {sorted(unknown)[:5]}")
            mask = [d in wanted for d in self.doc_ids]
        m = np.asarray(mask(self.docvars) if callable(mask) else mask, dtype=bool)
        return self.subset(m), self.subset(~m)

    def group(self, by: str | Sequence) -> DocTermMatrix:
        """Sum documents by a docvar column (or a sequence of labels, one per document).

        Groups are sorted; documents with a missing label are left out. The result's
        ``doc_ids`` are the group labels as strings, its ``docvars`` has the column ``by``
        (or ``group``) and ``n_documents``.
        """
        if isinstance(by, str):
            if by not in self.docvars.columns:
                raise InputError(f"DocTermMatrix.group: unknown docvar {by!r}; available: "
                                 f"{list(self.docvars.columns)}")
            labels, name = self.docvars[by], by
        else:
            labels, name = pd.Series(list(by)), "group"
            if len(labels) != len(self.doc_ids):
                raise InputError("DocTermMatrix.group: one label per document is needed")
        labels = labels.reset_index(drop=True)
        keep = labels.notna().to_numpy()
        codes, uniques = pd.factorize(labels[keep], sort=True)
        rows = np.flatnonzero(keep)
        indicator = sp.csr_matrix((np.ones(len(rows), dtype=np.int64), (codes, rows)),
                                  shape=(len(uniques), len(self.doc_ids)))
        counts = indicator @ self.counts
        docvars = pd.DataFrame({name: list(uniques),
                                "n_documents": np.bincount(codes, minlength=len(uniques))})
        return DocTermMatrix(counts, [str(u) for u in uniques], self.terms, docvars)

    def trim(self, *, min_count: int = 1, min_docs: int = 1) -> DocTermMatrix:
        """Drop terms seen fewer than ``min_count`` times or in fewer than ``min_docs`` documents."""
        total = self.term_counts()
        docs = np.asarray((self.counts > 0).sum(axis=0)).ravel()
        cols = np.flatnonzero((total >= min_count) & (docs >= min_docs))
        return DocTermMatrix(self.counts[:, cols], self.doc_ids, [self.terms[j] for j in cols],
                             self.docvars)

    def to_frame(self) -> pd.DataFrame:
        """Long tidy form: ``doc_id, term, count`` for every non-zero cell."""
        coo = self.counts.tocoo()
        return pd.DataFrame({"doc_id": np.asarray(self.doc_ids, dtype=object)[coo.row],
                             "term": np.asarray(self.terms, dtype=object)[coo.col],
                             "count": coo.data})


def _count_chunk(args) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Count a chunk of texts: local sorted vocabulary plus CSR arrays (int32 indices)."""
    texts, kwargs = args
    rows = [count_terms(t, **kwargs) for t in texts]
    vocab = sorted(set().union(*rows)) if rows else []
    index = dict(zip(vocab, range(len(vocab))))
    sizes = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(sizes, out=indptr[1:])
    total = int(indptr[-1])
    # one C-level pass over every (document, term) pair: terms in each Counter's order
    indices = np.fromiter(map(index.__getitem__, chain.from_iterable(rows)), dtype=np.int32,
                          count=total)
    data = np.fromiter(chain.from_iterable(r.values() for r in rows), dtype=np.int64,
                       count=total)
    return vocab, indptr, indices, data


def _merge(chunks) -> tuple[list[str], sp.csr_matrix]:
    vocab = sorted(set().union(*(c[0] for c in chunks)))
    position = {t: i for i, t in enumerate(vocab)}
    blocks = []
    for local, indptr, indices, data in chunks:
        remap = np.fromiter((position[t] for t in local), dtype=np.int64, count=len(local))
        m = sp.csr_matrix((data, remap[indices] if len(indices) else indices, indptr),
                          shape=(len(indptr) - 1, len(vocab)))
        m.sort_indices()
        blocks.append(m)
    return vocab, sp.vstack(blocks, format="csr") if blocks else sp.csr_matrix((0, 0))


def _body_text(text: str) -> str:
    from ..corpus.normalize import split_blocks

    return "\n\n".join(text[b.start:b.end] for b in split_blocks(text) if b.kind == "paragraph")


def _count_texts(args):
    texts, kwargs = args
    return _count_chunk(([_body_text(t) for t in texts], kwargs))


#: The texts forked counting workers read (set just before the pool forks, cleared after):
#: the workers inherit them instead of receiving a pickled copy of every text.
_SHARED_TEXTS: list[str] | None = None


def _count_range(args):
    start, stop, kwargs = args
    return _count_texts((_SHARED_TEXTS[start:stop], kwargs))


def _count_parallel(texts: list[str], kwargs: dict, jobs: int, progress: bool) -> list:
    """Count chunks of ``texts`` in ``jobs`` processes, in order. Where the platform forks,
    the workers read the texts from the memory they inherit (no copy is sent); elsewhere each
    chunk's texts are sent to its worker."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    global _SHARED_TEXTS
    starts = range(0, len(texts), _CHUNK)
    bar = {"total": len(starts), "desc": "counting terms", "disable": not progress}
    if "fork" not in mp.get_all_start_methods():
        chunks = [(texts[i:i + _CHUNK], kwargs) for i in starts]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            return list(tqdm(pool.map(_count_texts, chunks), **bar))
    _SHARED_TEXTS = texts
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("fork")) as pool:
            ranges = [(i, min(i + _CHUNK, len(texts)), kwargs) for i in starts]
            return list(tqdm(pool.map(_count_range, ranges), **bar))
    finally:
        _SHARED_TEXTS = None


def _count_options(lowercase, numbers, stem, stopwords, func: str) -> dict:
    """The keyword arguments of :func:`~discourse.text.tokens.count_terms`, checked."""
    from .._validation import check_choice

    check_choice("numbers", numbers, ["keep", "drop"], func)
    stop = shipped_stopwords(stopwords) if isinstance(stopwords, str) else \
        (frozenset(stopwords) if stopwords is not None else None)
    return {"lowercase": lowercase, "numbers": numbers, "stem": stem, "stopwords": stop}


def _totals_batch(batch: Corpus, kwargs: dict) -> tuple[list[str], np.ndarray]:
    """A batch's vocabulary and each term's total count."""
    vocab, indptr, indices, data = _count_texts((batch.texts, kwargs))
    counts = sp.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, len(vocab)))
    return vocab, np.asarray(counts.sum(axis=0), dtype=np.int64).ravel()


def _sum_totals(parts) -> tuple[list[str], np.ndarray]:
    """Integer sums of term totals over vocabularies (exact in any order)."""
    terms = sorted(set().union(*(p[0] for p in parts))) if parts else []
    position = {t: i for i, t in enumerate(terms)}
    totals = np.zeros(len(terms), dtype=np.int64)
    for vocab, counts in parts:
        if vocab:
            totals[np.fromiter(map(position.__getitem__, vocab), dtype=np.int64,
                               count=len(vocab))] += counts
    return terms, totals


def term_totals(corpus: Corpus, *, lowercase: bool = True, numbers: str = "keep",
                stem: bool = False, stopwords=None, scheduler=None,
                progress: bool = False) -> tuple[list[str], np.ndarray]:
    """``(terms, totals)``: the sorted vocabulary of a corpus and every term's count, the
    column sums of :func:`to_dtm` (computed from it here; on a cluster as integer sums of the
    partitions' totals, which are exact: the same numbers)."""
    from ..scale.engine import plan

    run = plan(corpus, scheduler)
    if run is None:
        dtm = to_dtm(corpus, lowercase=lowercase, numbers=numbers, stem=stem,
                     stopwords=stopwords)
        return dtm.terms, dtm.term_counts()
    kwargs = _count_options(lowercase, numbers, stem, stopwords, "to_dtm")
    return run.map(_totals_batch, args=(kwargs,), combine=_sum_totals, desc="term totals",
                   progress=progress)


def _count_batch(batch: Corpus, kwargs: dict):
    """The counts of a batch of documents (a cluster task's unit), as :func:`_count_texts`
    counts a chunk of the local path."""
    return batch.ids, _count_texts((batch.texts, kwargs))


def to_dtm(corpus: Corpus, *, lowercase: bool = True, numbers: str = "keep", stem: bool = False,
           stopwords: str | Iterable[str] | None = None, n_jobs: int | None = None,
           use_cache: bool = True, progress: bool = False, scheduler=None) -> DocTermMatrix:
    """Count the terms of every document's body into a :class:`DocTermMatrix`.

    Parameters
    ----------
    corpus : Corpus
    lowercase, numbers, stem, stopwords
        As in :func:`discourse.tokenize`.
    n_jobs : int, optional
        Processes for large corpora (default: all cores).
    use_cache : bool, default=True
        Read/write the cache for corpora of :data:`CACHE_MIN_DOCUMENTS` documents or more.
    progress : bool, default=False
    scheduler : None, "processes", "tcp://host:port" or a distributed.Client, optional
        Where to count (:mod:`discourse.scale.scheduler`). Every partition is counted by the
        same function as here and the local vocabularies are merged on the client exactly
        as the local path merges its chunks, so the matrix is identical.
    """
    from ..corpus.parquet import is_lazy
    from ..scale.engine import plan

    if not isinstance(corpus, Corpus):
        raise InputError(f"to_dtm expects a Corpus, got {type(corpus).__name__}")
    kwargs = _count_options(lowercase, numbers, stem, stopwords, "to_dtm")
    stop = kwargs["stopwords"]
    run = plan(corpus, scheduler)
    key = None
    if use_cache and len(corpus) >= CACHE_MIN_DOCUMENTS and not is_lazy(corpus):
        from . import dtm as this
        from ..corpus import normalize
        from ..text import tokens
        from ..corpus.cache import code_version

        stop_key = ",".join(sorted(stop)) if stop else ""
        key = (f"dtm|{corpus.content_hash()}|{code_version(this, tokens, normalize)}|"
               f"{lowercase}|{numbers}|{stem}|{stop_key}")
        cached = _read(key)
        if cached is not None:
            counts, terms = cached
            return DocTermMatrix(counts, corpus.ids, terms, corpus.meta)
    ids = None
    if run is not None:
        batches = run.map(_count_batch, args=(kwargs,), desc="counting terms",
                          progress=progress)
        ids = [d for batch_ids, _ in batches for d in batch_ids]
        results = [chunk for _, chunk in batches]
    else:
        texts = corpus.texts
        jobs = n_jobs or os.cpu_count() or 1
        if jobs > 1 and len(texts) >= CACHE_MIN_DOCUMENTS:
            results = _count_parallel(texts, kwargs, jobs, progress)
        else:
            results = [_count_texts((texts[i:i + _CHUNK], kwargs))
                       for i in range(0, len(texts), _CHUNK)]
    if not results:
        raise EmptyInputError("to_dtm: the corpus has no documents")
    terms, counts = _merge(results)
    if ids is not None:  # rows came in partition order
        order = run.order_of(ids)
        if order is not None:
            counts, ids = counts[order], [ids[i] for i in order]
        if ids != corpus.ids:
            raise RuntimeError("to_dtm: the partitions did not return the corpus's documents")
    if key is not None:
        _write(key, counts, terms)
    return DocTermMatrix(counts, corpus.ids, terms, corpus.meta)


def _read(key: str):
    from ..corpus.cache import read_cached
    from ..corpus.paths import cache_dir

    cells = read_cached(cache_dir(), "dtm", key)
    vocab = read_cached(cache_dir(), "dtm-terms", key) if cells is not None else None
    if cells is None or vocab is None:
        return None
    n_docs = int(vocab["n_docs"].iloc[0])
    counts = sp.csr_matrix((cells["count"].to_numpy(), (cells["doc"].to_numpy(),
                                                        cells["term"].to_numpy())),
                           shape=(n_docs, len(vocab)), dtype=np.int64)
    return counts, vocab["term"].tolist()


def _write(key: str, counts: sp.csr_matrix, terms: list[str]) -> None:
    from ..corpus.cache import write_cached
    from ..corpus.paths import cache_dir

    coo = counts.tocoo()
    cells = pd.DataFrame({"doc": coo.row.astype(np.int32), "term": coo.col.astype(np.int32),
                          "count": coo.data.astype(np.int32)})
    write_cached(pd.DataFrame({"term": terms, "n_docs": counts.shape[0]}), cache_dir(),
                 "dtm-terms", key, keep_latest=8)
    write_cached(cells, cache_dir(), "dtm", key, keep_latest=8)
