"""Correspondence analysis of a document-term matrix (Greenacre 2007, ch. 4 and appendix A).

With ``P = N / n`` (``n`` the grand total), row masses ``r`` and column masses ``c``, the matrix
of standardised residuals ``S = D_r^(-1/2) (P - r c') D_c^(-1/2)`` has the singular value
decomposition ``S = U Σ V'``. Row (document) principal coordinates are ``D_r^(-1/2) U Σ``,
column (term) principal coordinates ``D_c^(-1/2) V Σ``; the principal inertias are ``σ_k²``
and sum to the total inertia ``χ² / n``. Dimension signs are fixed so that the document with
the largest absolute coordinate is positive (or by ``dir``), which makes fits reproducible.

>>> import pandas as pd
>>> m = pd.DataFrame([[4, 1], [1, 4], [2, 2]], index=["a", "b", "c"], columns=["x", "y"])
>>> fit = fit_ca(m, n_dims=1, dir=("a", "b"))
>>> fit.documents[["doc_id", "theta"]].round(3).values.tolist()
[['a', -0.6], ['b', 0.6], ['c', 0.0]]
>>> fit.inertia["inertia"].round(4).tolist()  # total inertia: chi2 / n = 3.6 / 14
[0.2571]
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .._validation import check_range
from ..errors import InputError
from ._input import as_counts, doc_position, drop_empty

__all__ = ["fit_ca", "CAFit", "ca_svd"]


def ca_svd(Y, n_dims: int | None = None):
    """The SVD of the standardised residuals of a count matrix (dense or sparse) without empty
    rows or columns: returns ``(U, sigma, Vt, r, c)`` with masses ``r`` (rows) and ``c``
    (columns). With ``n_dims`` and a matrix larger than 50 x 50, only the leading triplets are
    computed (ARPACK, from a fixed start vector, so the result is deterministic)."""
    import scipy.sparse as sp

    Y = Y.toarray() if sp.issparse(Y) else np.asarray(Y, dtype=float)
    n = Y.sum()
    r, c = Y.sum(axis=1) / n, Y.sum(axis=0) / n
    S = (Y / n - np.outer(r, c)) / np.sqrt(np.outer(r, c))
    if n_dims is not None and min(S.shape) > 50 and n_dims < min(S.shape) - 1:
        from scipy.sparse.linalg import LinearOperator, svds

        # products by einsum, not BLAS (threaded BLAS stalls on oversubscribed cores)
        op = LinearOperator(S.shape, dtype=float,
                            matvec=lambda x: np.einsum("ij,j->i", S, np.ravel(x)),
                            rmatvec=lambda x: np.einsum("ij,i->j", S, np.ravel(x)))
        U, sigma, Vt = svds(op, k=n_dims, v0=np.full(min(S.shape), 1.0), tol=0)
        order = np.argsort(sigma)[::-1]
        return U[:, order], sigma[order], Vt[order], r, c
    U, sigma, Vt = np.linalg.svd(S, full_matrices=False)
    return U, sigma, Vt, r, c


class CAFit:
    """A fitted correspondence analysis (see :func:`fit_ca`).

    Attributes
    ----------
    documents : DataFrame
        ``doc_id``, ``theta`` (principal coordinate on dimension 1), ``se``, ``ci_low``,
        ``ci_high`` (NaN: CA has no sampling model), ``dim_1`` ... ``dim_k`` (principal
        coordinates), then the docvars when the input carried them.
    words : DataFrame
        ``term``, ``dim_1`` ... ``dim_k`` (principal coordinates), ``mass``.
    inertia : DataFrame
        ``dim``, ``singular_value``, ``inertia`` (σ²), ``share`` of the total inertia.
    total_inertia : float
    dropped_documents, dropped_terms : list of str
    """

    def __init__(self, documents, words, inertia, total_inertia, dropped_documents, dropped_terms):
        self.documents, self.words, self.inertia = documents, words, inertia
        self.total_inertia = total_inertia
        self.dropped_documents, self.dropped_terms = dropped_documents, dropped_terms

    def __repr__(self) -> str:
        share = ", ".join(f"{s:.1%}" for s in self.inertia["share"])
        return f"<CAFit: {len(self.documents)} documents, {len(self.words)} terms; inertia {share}>"


def fit_ca(dtm, n_dims: int = 2, *, dir=None) -> CAFit:
    """Correspondence analysis of documents and terms.

    Parameters
    ----------
    dtm : DocTermMatrix or DataFrame of counts (documents x terms, index = doc ids)
        All-zero documents and terms are dropped first, with a warning naming them.
    n_dims : int, default=2
        Dimensions kept (at most ``min(n_documents, n_terms) - 1``).
    dir : (left, right), optional
        Two documents (ids or 0-based positions): dimension 1 is oriented so that
        ``theta(left) < theta(right)``. Default: the document with the largest absolute
        coordinate on each dimension is positive.

    Returns
    -------
    CAFit

    Examples
    --------
    >>> import pandas as pd
    >>> m = pd.DataFrame([[5, 0, 1], [0, 5, 1], [2, 2, 2]], index=list("abc"),
    ...                  columns=["x", "y", "z"])
    >>> fit_ca(m).inertia["dim"].tolist()
    [1, 2]
    """
    check_range("n_dims", n_dims, "fit_ca", low=1, integer=True)
    counts, dropped_docs, dropped_terms = drop_empty(as_counts(dtm, "fit_ca"))
    if dropped_docs or dropped_terms:
        warnings.warn(f"fit_ca: dropped {len(dropped_docs)} empty document(s) "
                      f"{dropped_docs[:5]} and {len(dropped_terms)} empty term(s) "
                      f"{dropped_terms[:5]}", UserWarning, stacklevel=2)
    Y = counts.matrix
    most = min(Y.shape) - 1
    if most < 1:
        raise InputError("fit_ca needs at least 2 documents and 2 terms with counts; "
                         f"got {Y.shape[0]} x {Y.shape[1]}")
    if n_dims > most:
        raise InputError(f"The 'n_dims' parameter of fit_ca must be <= {most} for a "
                         f"{Y.shape[0]} x {Y.shape[1]} matrix. Got {n_dims} instead.")
    U, sigma, Vt, r, c = ca_svd(Y, n_dims=n_dims)
    U, sigma, V = U[:, :n_dims], sigma[:n_dims], Vt[:n_dims].T
    flip = np.sign(U[np.argmax(np.abs(U), axis=0), np.arange(n_dims)])
    if dir is not None:
        left, right = (doc_position(counts, d, "dir", "fit_ca", dropped=dropped_docs) for d in dir)
        if left == right:
            raise InputError("The 'dir' parameter of fit_ca must name two different documents.")
        flip[0] = 1.0 if U[left, 0] <= U[right, 0] else -1.0
    U, V = U * flip, V * flip
    rows = U * sigma / np.sqrt(r)[:, None]
    cols = V * sigma / np.sqrt(c)[:, None]
    dims = [f"dim_{k + 1}" for k in range(n_dims)]
    nan = np.full(len(counts.doc_ids), np.nan)
    documents = pd.DataFrame({"doc_id": counts.doc_ids, "theta": rows[:, 0], "se": nan,
                              "ci_low": nan, "ci_high": nan})
    documents[dims] = rows
    if counts.docvars is not None:
        extra = counts.docvars.drop(columns=[k for k in counts.docvars.columns
                                             if k in documents.columns], errors="ignore")
        documents = pd.concat([documents, extra.reset_index(drop=True)], axis=1)
    words = pd.DataFrame({"term": counts.terms})
    words[dims] = cols
    words["mass"] = c
    dense = Y.toarray()
    expected = np.outer(dense.sum(axis=1), dense.sum(axis=0)) / dense.sum()
    total = float(((dense - expected) ** 2 / expected).sum() / dense.sum())  # chi2 / n
    inertia = pd.DataFrame({"dim": np.arange(1, n_dims + 1), "singular_value": sigma,
                            "inertia": sigma ** 2, "share": sigma ** 2 / total})
    return CAFit(documents, words, inertia, total, dropped_docs, dropped_terms)
