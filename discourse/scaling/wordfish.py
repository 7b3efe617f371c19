"""Wordfish: Slapin & Proksch's (2008) Poisson scaling model, fitted as they describe.

The model: ``y_ij ~ Poisson(λ_ij)``, ``log λ_ij = α_i + ψ_j + β_j θ_i`` for document ``i`` and
term ``j``; ``θ_i`` is the document's position, ``β_j`` the term's weight on the dimension,
``ψ_j`` its fixed effect (overall frequency) and ``α_i`` the document's (length). Priors, as in
the reference implementation: α and ψ flat, ``β ~ N(0, 3²)``, ``θ ~ N(0, 1)`` (``priors`` gives
the four standard deviations; ``inf`` is flat).

Estimation (maximum a posteriori by alternating Newton steps):

1. Start: θ from correspondence analysis (row standard coordinates of the first dimension,
   standardised), ``α_i = log(n_i / mean n)``, ``ψ_j = log(mean_i y_ij)``, β = 0.
2. Each pass: Newton steps for every term's (ψ_j, β_j) given the documents, then for every
   document's (α_i, θ_i) given the terms, each 2 x 2 system iterated to a change below 1e-8
   (vectorised over terms and over documents; a step that would lower a term's or document's
   objective is halved). Then the identification constraints are imposed: α centred, θ
   standardised (mean 0, sd 1); the next pass re-fits ψ and β to them.
3. The log-posterior is computed after each pass; the iterations stop at the first pass that
   does not raise it by more than ``tol`` (imposing the constraints can lower it slightly near
   the optimum, which ends the iterations) or after ``max_iter`` passes (with a warning).
4. ``dir=(left, right)`` fixes the sign: θ and β are flipped if θ(left) > θ(right).

Standard errors: for each document, the θ-θ element of the inverse of the negative Hessian of
the log-posterior in (α_i, θ_i) — Poisson information plus the θ prior — at the estimates,
holding the term parameters fixed; 95% intervals are ``θ ± 1.96 se``. These reproduce
quanteda.textmodels on the Laver, Benoit & Garry (2003) example (``tests/test_scaling.py``).

>>> import pandas as pd
>>> y = pd.DataFrame([[8, 4, 1, 0], [4, 6, 4, 1], [1, 4, 6, 5]], index=["a", "b", "c"],
...                  columns=["w", "x", "y", "z"])
>>> fit = fit_wordfish(y, dir=("a", "c"))
>>> bool(fit.documents["theta"].is_monotonic_increasing), fit.converged
(True, True)
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .._validation import check_choice, check_range
from ..errors import InputError
from ._input import align_terms, as_counts, doc_position, drop_empty
from ._wordfish_core import estimate, newton_pairs, theta_se

__all__ = ["fit_wordfish", "WordfishFit", "DOCUMENT_COLUMNS", "WORD_COLUMNS"]

DOCUMENT_COLUMNS = ["doc_id", "theta", "se", "ci_low", "ci_high", "alpha"]
WORD_COLUMNS = ["term", "beta", "psi"]
def _z(level: float) -> float:
    from scipy.stats import norm

    return float(norm.ppf(0.5 + level / 2))


class WordfishFit:
    """A fitted Wordfish model (see :func:`fit_wordfish`).

    Attributes
    ----------
    documents : DataFrame
        ``doc_id``, ``theta``, ``se``, ``ci_low``, ``ci_high`` (``level`` interval), ``alpha``,
        then the docvars when the input carried them.
    words : DataFrame
        ``term``, ``beta`` (weight on the dimension), ``psi`` (fixed effect), ``phi``
        (dispersion; 1 for Poisson).
    theta, se, alpha, beta, psi, phi : ndarray
    n_iter : int
    converged : bool
    log_posterior : list of float
        After each pass.
    dropped_documents, dropped_terms : list of str
        All-zero documents and terms removed before fitting.
    """

    def __init__(self, **attrs):
        self.__dict__.update(attrs)

    def __repr__(self) -> str:
        return (f"<WordfishFit: {len(self.doc_ids)} documents, {len(self.terms)} terms, "
                f"{self.n_iter} passes{'' if self.converged else ' (not converged)'}>")

    def predict(self, newdata=None, *, level: float | None = None) -> pd.DataFrame:
        """Out-of-sample positions of new documents, holding the term parameters fixed.

        ``newdata`` (DocTermMatrix or DataFrame) is aligned to the fitted vocabulary by term
        name; other terms are ignored. For each document, (α, θ) maximise its log-posterior
        (θ prior as in the fit) and ``se`` comes from the same 2x2 Hessian as in the fit.
        Columns: ``doc_id``, ``theta``, ``se``, ``ci_low``, ``ci_high``, ``n_tokens`` (tokens
        of fitted terms), ``n_unknown`` (tokens of other terms). A document with no token of
        a fitted term gets NaN, with a warning. ``newdata=None`` re-scores the training
        documents (close to, not identical with, ``documents.theta``: the fit ends on the
        standardised θ of its last pass).

        >>> import pandas as pd
        >>> y = pd.DataFrame([[8, 4, 1, 0], [4, 6, 4, 1], [1, 4, 6, 5]], index=list("abc"),
        ...                  columns=["w", "x", "y", "z"])
        >>> fit = fit_wordfish(y, dir=("a", "c"))
        >>> new = pd.DataFrame([[0, 1, 5, 9]], index=["new"], columns=["w", "x", "y", "z"])
        >>> bool(fit.predict(new)["theta"].iloc[0] > fit.documents["theta"].iloc[1])
        True
        """
        level = self.level if level is None else check_range("level", level, "predict",
                                                               low=0, high=1)
        counts = as_counts(self._training if newdata is None else newdata, "WordfishFit.predict")
        X, unknown = align_terms(counts, self.terms)
        n = np.asarray(X.sum(axis=1)).ravel()
        empty = n == 0
        if empty.any():
            warnings.warn(f"WordfishFit.predict: {int(empty.sum())} document(s) have no token of "
                          f"a fitted term; their theta is NaN: "
                          f"{[d for d, e in zip(counts.doc_ids, empty) if e][:5]}",
                          UserWarning, stacklevel=2)
        theta, se = np.full(len(n), np.nan), np.full(len(n), np.nan)
        if (~empty).any():
            Xk = X[np.flatnonzero(~empty)]
            a0 = np.log(n[~empty] / np.exp(self.psi).sum())
            a, t = newton_pairs(Xk.T, self.psi, a0, np.zeros(len(a0)), self.beta, 1.0 / self.phi,
                                np.ones(len(a0)), self._prec[0], self._prec[3])
            theta[~empty] = t
            se[~empty] = theta_se(a, self.psi, self.beta, t, self.phi, self._prec[0],
                                  self._prec[3])
        z = _z(level)
        return pd.DataFrame({"doc_id": counts.doc_ids, "theta": theta, "se": se,
                             "ci_low": theta - z * se, "ci_high": theta + z * se,
                             "n_tokens": n, "n_unknown": unknown})


def fit_wordfish(dtm, *, dir=(0, 1), priors=(np.inf, np.inf, 3.0, 1.0), tol: float = 1e-6,
                 tol_theta: float = 1e-5, max_iter: int = 1000, dispersion: str = "poisson",
                 level: float = 0.95) -> WordfishFit:
    """Fit Wordfish (Slapin & Proksch 2008): one latent position per document.

    Parameters
    ----------
    dtm : DocTermMatrix or DataFrame of counts (documents x terms, index = doc ids)
        All-zero documents and terms are dropped first (repeatedly), with a warning; the fit
        lists them in ``dropped_documents`` and ``dropped_terms``.
    dir : (left, right), default=(0, 1)
        Two different documents, by id or 0-based position: θ(left) < θ(right).
    priors : 4 floats, default=(inf, inf, 3, 1)
        Prior standard deviations of α, ψ, β, θ (normal, mean 0; ``inf`` = flat).
    tol : float, default=1e-6
        Stop when a pass raises the log-posterior by no more than ``tol`` (the reference rule).
    tol_theta : float, default=1e-5
        Also stop when no θ moves by more than ``tol_theta`` in a pass (on large matrices the
        log-posterior can creep up by ~1e-3 per pass long after the positions have settled).
    max_iter : int, default=1000
        Maximum passes (a warning says when it is reached).
    dispersion : {"poisson", "quasipoisson"}, default="poisson"
        ``"quasipoisson"``: a dispersion ``φ_j = max(1, Σ_i (y_ij - λ_ij)² / λ_ij / (N - 2))``
        per term, re-estimated after each pass, divides each term's log-likelihood (its
        information) — wider intervals for overdispersed terms.
    level : float, default=0.95
        Level of ``ci_low``/``ci_high``.

    Returns
    -------
    WordfishFit

    Raises
    ------
    InputError
        Fewer than 2 documents or terms with counts; ``dir`` naming one document twice, an
        unknown or a dropped document; parameters out of range.

    Examples
    --------
    >>> import pandas as pd
    >>> y = pd.DataFrame([[8, 4, 1, 0], [4, 6, 4, 1], [1, 4, 6, 5]], index=list("abc"),
    ...                  columns=["w", "x", "y", "z"])
    >>> fit = fit_wordfish(y, dir=("a", "c"))
    >>> fit.words.sort_values("beta")["term"].tolist()
    ['w', 'x', 'y', 'z']
    """
    func = "fit_wordfish"
    check_choice("dispersion", dispersion, ["poisson", "quasipoisson"], func)
    check_range("tol", tol, func, low=0)
    check_range("tol_theta", tol_theta, func, low=0)
    check_range("max_iter", max_iter, func, low=1, integer=True)
    check_range("level", level, func, low=0, high=1)
    if len(priors) != 4:
        raise InputError(f"The 'priors' parameter of {func} must hold 4 standard deviations "
                         f"(alpha, psi, beta, theta). Got {priors!r} instead.")
    for name, sd in zip(("alpha", "psi", "beta", "theta"), priors):
        if not (isinstance(sd, (int, float, np.floating)) and sd > 0):
            raise InputError(f"The 'priors' parameter of {func}: the {name} prior sd must be "
                             f"> 0 (inf for flat). Got {sd!r} instead.")
    if not (isinstance(dir, (tuple, list)) and len(dir) == 2):
        raise InputError(f"The 'dir' parameter of {func} must be a pair (left, right) of "
                         f"document ids or 0-based positions. Got {dir!r} instead.")
    original = as_counts(dtm, func)
    counts, dropped_docs, dropped_terms = drop_empty(original)
    if dropped_docs or dropped_terms:
        warnings.warn(f"{func}: dropped {len(dropped_docs)} empty document(s) {dropped_docs[:5]} "
                      f"and {len(dropped_terms)} empty term(s) {dropped_terms[:5]} "
                      "(see .dropped_documents, .dropped_terms)", UserWarning, stacklevel=2)
    N, K = counts.matrix.shape
    if N < 2 or K < 2:
        raise InputError(f"{func}: identification needs at least 2 documents and 2 terms with "
                         f"counts; got {N} document(s) and {K} term(s)")
    left, right = (doc_position(counts, d, "dir", func, dropped=dropped_docs) for d in dir)
    if left == right:
        raise InputError(f"The 'dir' parameter of {func} must name two different documents; "
                         f"both name {counts.doc_ids[left]!r}.")
    prec = tuple(0.0 if np.isinf(sd) else 1.0 / sd ** 2 for sd in priors)
    a, p, b, t, phi, history, converged = estimate(counts.matrix, prec, tol, tol_theta, max_iter,
                                                   dispersion)
    if not converged:
        warnings.warn(f"{func}: not converged after {max_iter} passes (last change of the "
                      f"log-posterior {history[-1] - history[-2]:.3g}); raise max_iter",
                      UserWarning, stacklevel=2)
    if t[left] > t[right]:
        t, b = -t, -b
    se = theta_se(a, p, b, t, phi, prec[0], prec[3])
    z = _z(level)
    documents = pd.DataFrame({"doc_id": counts.doc_ids, "theta": t, "se": se,
                              "ci_low": t - z * se, "ci_high": t + z * se, "alpha": a})
    if counts.docvars is not None:
        extra = counts.docvars.drop(columns=[c for c in counts.docvars.columns
                                             if c in documents.columns])
        documents = pd.concat([documents, extra], axis=1)
    words = pd.DataFrame({"term": counts.terms, "beta": b, "psi": p, "phi": phi})
    return WordfishFit(documents=documents, words=words, theta=t, se=se, alpha=a, beta=b,
                       psi=p, phi=phi, doc_ids=counts.doc_ids, terms=counts.terms,
                       dir=(counts.doc_ids[left], counts.doc_ids[right]), priors=tuple(priors),
                       dispersion=dispersion, level=level, n_iter=len(history) - 1,
                       converged=converged, log_posterior=history[1:],
                       dropped_documents=dropped_docs, dropped_terms=dropped_terms,
                       _prec=prec, _training=original)
