"""Count input for the scaling models: a DocTermMatrix (duck-typed) or a DataFrame of counts.

:func:`as_counts` turns either into a :class:`Counts` (CSR float counts, document ids, terms,
optional docvars); :func:`drop_empty` removes all-zero documents and terms (repeatedly, until
none is left) and says which were dropped; :func:`doc_position` resolves a document named by
id or 0-based position; :func:`align_terms` reorders a new matrix's columns to a fitted
vocabulary by term name.

>>> import pandas as pd
>>> c = as_counts(pd.DataFrame({"x": [1, 0], "y": [0, 0]}, index=["d1", "d2"]), "demo")
>>> kept, docs, terms = drop_empty(c)
>>> kept.doc_ids, docs, terms
(['d1'], ['d2'], ['y'])
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..errors import EmptyInputError, InputError

__all__ = ["Counts", "as_counts", "drop_empty", "doc_position", "align_terms"]


@dataclass(frozen=True)
class Counts:
    """Counts ready for a model: ``matrix[i, j]`` = count of ``terms[j]`` in ``doc_ids[i]``."""

    matrix: sp.csr_matrix
    doc_ids: list
    terms: list
    docvars: pd.DataFrame | None = None

    def subset(self, rows=None, cols=None) -> Counts:
        rows = np.arange(len(self.doc_ids)) if rows is None else np.asarray(rows)
        cols = np.arange(len(self.terms)) if cols is None else np.asarray(cols)
        docvars = None if self.docvars is None else self.docvars.iloc[rows].reset_index(drop=True)
        return Counts(self.matrix[rows][:, cols], [self.doc_ids[i] for i in rows],
                      [self.terms[j] for j in cols], docvars)


def as_counts(x, func: str) -> Counts:
    """Read a DocTermMatrix-like object or a DataFrame of counts (documents x terms)."""
    if isinstance(x, Counts):
        return x
    if isinstance(x, pd.DataFrame):
        values = x.to_numpy()
        if not (np.issubdtype(values.dtype, np.number) or values.dtype == bool) and values.size:
            raise InputError(f"{func}: the DataFrame of counts must be numeric "
                             f"(documents x terms); got dtype {values.dtype}")
        matrix, doc_ids = sp.csr_matrix(values.astype(np.float64)), [str(i) for i in x.index]
        terms, docvars = [str(c) for c in x.columns], None
    elif all(hasattr(x, a) for a in ("counts", "doc_ids", "terms")):
        matrix = sp.csr_matrix(x.counts, dtype=np.float64)
        doc_ids, terms = [str(d) for d in x.doc_ids], [str(t) for t in x.terms]
        docvars = getattr(x, "docvars", None)
        if docvars is not None and len(docvars) != len(doc_ids):
            docvars = None
    else:
        raise InputError(f"{func} expects a DocTermMatrix or a pandas DataFrame of counts "
                         f"(documents x terms, index = document ids); got {type(x).__name__}")
    if matrix.shape != (len(doc_ids), len(terms)):
        raise InputError(f"{func}: counts of shape {matrix.shape} for {len(doc_ids)} documents "
                         f"and {len(terms)} terms")
    data = matrix.data
    if data.size and (not np.all(np.isfinite(data)) or data.min() < 0):
        raise InputError(f"{func}: counts must be finite and >= 0")
    for what, names in (("document ids", doc_ids), ("terms", terms)):
        if len(set(names)) != len(names):
            dup = pd.Series(names)[pd.Series(names).duplicated()].iloc[0]
            raise InputError(f"{func}: the {what} must be unique; {dup!r} occurs more than once")
    if docvars is not None:
        docvars = docvars.reset_index(drop=True)
    matrix.eliminate_zeros()
    return Counts(matrix, doc_ids, terms, docvars)


def drop_empty(counts: Counts) -> tuple[Counts, list, list]:
    """Drop all-zero documents and terms until none is left.

    Returns ``(kept, dropped_doc_ids, dropped_terms)``. An empty result raises
    :class:`~discourse.errors.EmptyInputError`.
    """
    dropped_docs, dropped_terms = [], []
    current = counts
    while True:
        rows = np.asarray(current.matrix.sum(axis=1)).ravel() > 0
        cols = np.asarray(current.matrix.sum(axis=0)).ravel() > 0
        if rows.all() and cols.all():
            break
        dropped_docs += [d for d, keep in zip(current.doc_ids, rows) if not keep]
        dropped_terms += [t for t, keep in zip(current.terms, cols) if not keep]
        current = current.subset(np.flatnonzero(rows), np.flatnonzero(cols))
    if not current.doc_ids or not current.terms:
        raise EmptyInputError("no counts left: every document or every term is empty")
    return current, dropped_docs, dropped_terms


def doc_position(counts: Counts, key, param: str, func: str, *, dropped=()) -> int:
    """Row of the document named by id (str) or by 0-based position (int)."""
    if isinstance(key, (int, np.integer)) and not isinstance(key, bool):
        if not 0 <= key < len(counts.doc_ids):
            raise InputError(f"The {param!r} parameter of {func}: position {key} is out of range "
                             f"for {len(counts.doc_ids)} documents (0-based).")
        return int(key)
    key = str(key)
    if key in dropped:
        raise InputError(f"The {param!r} parameter of {func} names {key!r}, a document with no "
                         "counts, which was dropped; choose another document.")
    try:
        return counts.doc_ids.index(key)
    except ValueError:
        shown = ", ".join(repr(d) for d in counts.doc_ids[:5])
        raise InputError(f"The {param!r} parameter of {func} names an unknown document {key!r}; "
                         f"the documents are {shown}{', ...' if len(counts.doc_ids) > 5 else ''}."
                         ) from None


def align_terms(counts: Counts, terms: list) -> tuple[sp.csr_matrix, np.ndarray]:
    """Columns of ``counts`` in the order of ``terms`` (absent terms are zero).

    Returns ``(matrix, n_unknown)``: the aligned counts and, per document, the tokens of terms
    outside ``terms``.
    """
    index = {t: j for j, t in enumerate(terms)}
    src = np.array([j for j, t in enumerate(counts.terms) if t in index], dtype=np.int64)
    dst = np.array([index[counts.terms[j]] for j in src], dtype=np.int64)
    n = counts.matrix.shape[1]
    select = sp.csr_matrix((np.ones(len(src)), (src, dst)), shape=(n, len(terms)))
    aligned = (counts.matrix @ select).tocsr()
    total = np.asarray(counts.matrix.sum(axis=1)).ravel()
    return aligned, total - np.asarray(aligned.sum(axis=1)).ravel()
