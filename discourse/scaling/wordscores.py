"""Wordscores (Laver, Benoit & Garry 2003), with LBG and Martin & Vanberg (2008) rescaling.

Reference texts ``r`` with scores ``A_r``; ``F_rw`` is the relative frequency of term ``w`` in
reference ``r`` (after adding ``smooth`` to every count). A term's score is the reference
scores weighted by ``P_wr = F_rw / Σ_r F_rw``: ``S_w = Σ_r P_wr A_r``; only terms that occur in
some reference text are scored. A text ``v`` (virgin or not) scores
``S_v = Σ_w F_vw S_w``, with ``F_vw`` its relative frequencies over the scored terms, and
``se_v = sqrt(Σ_w F_vw (S_w - S_v)²) / sqrt(N_v)``, ``N_v`` its tokens of scored terms.

Rescaling (of the texts scored together in one :meth:`WordscoresFit.predict` call):

* ``"lbg"``: ``S*_v = (S_v - mean S) (sd A / sd S) + mean S`` (Laver, Benoit & Garry 2003,
  p. 316; sds over the reference scores and over the scored texts). The standard error is
  multiplied by the same ratio ``sd A / sd S`` and **not** shifted: a mean shift moves a
  position, not its uncertainty. (quanteda.textmodels applies the whole affine map, shift
  included, to the se; its LBG intervals therefore differ from these.)
* ``"mv"``: ``S*_v = (S_v - S_lo) / (S_hi - S_lo) (A_hi - A_lo) + A_lo``, with ``lo``/``hi``
  the reference texts of lowest and highest reference score and ``S_lo``/``S_hi`` their raw
  scores (Martin & Vanberg 2008); the se is multiplied by ``(A_hi - A_lo) / (S_hi - S_lo)``.

>>> import pandas as pd
>>> y = pd.DataFrame([[3, 1, 0], [0, 1, 3], [1, 1, 1]], index=["left", "right", "new"],
...                  columns=["a", "b", "c"])
>>> fit = fit_wordscores(y, {"left": -1, "right": 1})
>>> fit.words["score"].tolist()
[-1.0, 0.0, 1.0]
>>> float(fit.predict().set_index("doc_id").loc["new", "theta"])
0.0
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .._validation import check_choice, check_range
from ..errors import InputError
from ._input import align_terms, as_counts

__all__ = ["fit_wordscores", "WordscoresFit", "RESCALINGS"]

RESCALINGS = ("none", "lbg", "mv")


class WordscoresFit:
    """Fitted Wordscores (see :func:`fit_wordscores`).

    Attributes
    ----------
    words : DataFrame
        ``term``, ``score`` (only terms that occur in a reference text).
    references : DataFrame
        ``doc_id``, ``reference_score``.
    documents : DataFrame
        ``predict()`` of the training documents (raw scores).
    """

    def __init__(self, words, references, training, smooth):
        self.words, self.references = words, references
        self._training, self.smooth = training, smooth
        self.documents = self.predict()

    def __repr__(self) -> str:
        return f"<WordscoresFit: {len(self.references)} reference texts, {len(self.words)} scored terms>"

    def predict(self, newdata=None, *, rescaling: str = "none", interval: str = "confidence",
                level: float = 0.95) -> pd.DataFrame:
        """Score texts with the word scores.

        Parameters
        ----------
        newdata : DocTermMatrix or DataFrame, optional
            Default: the training documents (references included). Terms are aligned by
            name; unscored terms are ignored.
        rescaling : {"none", "lbg", "mv"}, default="none"
            See the module docs; ``"lbg"`` uses the mean and sd of the texts scored here.
        interval : {"confidence", "none"}, default="confidence"
        level : float, default=0.95

        Returns
        -------
        DataFrame
            ``doc_id``, ``theta`` (score), ``se``, ``ci_low``, ``ci_high``, ``n_scored``
            (tokens of scored terms). A text with no scored token has NaN.

        >>> import pandas as pd
        >>> y = pd.DataFrame([[3, 1, 0], [0, 1, 3], [2, 1, 0]], index=["l", "r", "v"],
        ...                  columns=["a", "b", "c"])
        >>> fit_wordscores(y, {"l": -1, "r": 1}).predict(rescaling="mv")["theta"].round(3).tolist()
        [-1.0, 1.0, -0.889]
        """
        func = "WordscoresFit.predict"
        check_choice("rescaling", rescaling, RESCALINGS, func)
        check_choice("interval", interval, ["confidence", "none"], func)
        check_range("level", level, func, low=0, high=1)
        counts = as_counts(self._training if newdata is None else newdata, func)
        X = align_terms(counts, list(self.words["term"]))[0].toarray()
        n = X.sum(axis=1)
        S = self.words["score"].to_numpy()
        with np.errstate(invalid="ignore", divide="ignore"):
            F = X / n[:, None]
            raw = F @ S
            se = np.sqrt((F * (S[None, :] - raw[:, None]) ** 2).sum(axis=1)) / np.sqrt(n)
        theta, scale = raw, 1.0
        A = self.references["reference_score"].to_numpy()
        if rescaling == "lbg":
            ok = np.isfinite(raw)
            if ok.sum() < 2:
                raise InputError("LBG rescaling needs at least 2 scored texts in newdata")
            mean, sd = raw[ok].mean(), raw[ok].std(ddof=1)
            scale = A.std(ddof=1) / sd
            theta = (raw - mean) * scale + mean
        elif rescaling == "mv":
            lo, hi = int(np.argmin(A)), int(np.argmax(A))
            ref_raw = self._reference_raw()
            scale = (A[hi] - A[lo]) / (ref_raw[hi] - ref_raw[lo])
            theta = (raw - ref_raw[lo]) * scale + A[lo]
        se = se * abs(scale)
        table = pd.DataFrame({"doc_id": counts.doc_ids, "theta": theta, "se": se})
        if interval == "confidence":
            from scipy.stats import norm

            z = norm.ppf(0.5 + level / 2)
            table["ci_low"], table["ci_high"] = theta - z * se, theta + z * se
        else:
            table["ci_low"] = table["ci_high"] = np.nan
        table["n_scored"] = n
        return table

    def _reference_raw(self) -> np.ndarray:
        scored = self.predict(self._training)
        return scored.set_index("doc_id").loc[self.references["doc_id"], "theta"].to_numpy()


def fit_wordscores(dtm, reference_scores, *, smooth: float = 0.0) -> WordscoresFit:
    """Word scores from reference texts with known positions.

    Parameters
    ----------
    dtm : DocTermMatrix or DataFrame of counts (documents x terms, index = doc ids)
    reference_scores : mapping doc_id -> score, or a sequence with one value per document
        (NaN/None for texts that are not references). At least two references with
        different scores.
    smooth : float, default=0
        Added to every count of the reference texts before relative frequencies.

    Returns
    -------
    WordscoresFit

    Examples
    --------
    >>> import pandas as pd
    >>> y = pd.DataFrame([[3, 1, 0], [0, 1, 3]], index=["l", "r"], columns=["a", "b", "c"])
    >>> fit_wordscores(y, [-1, 1]).words.values.tolist()
    [['a', -1.0], ['b', 0.0], ['c', 1.0]]
    """
    func = "fit_wordscores"
    check_range("smooth", smooth, func, low=0)
    counts = as_counts(dtm, func)
    ids = counts.doc_ids
    if isinstance(reference_scores, (Mapping, pd.Series)):
        scores = dict(reference_scores.items())
        unknown = [k for k in scores if str(k) not in ids]
        if unknown:
            raise InputError(f"The 'reference_scores' parameter of {func} names unknown "
                             f"documents {unknown[:5]}")
        scores = {str(k): v for k, v in scores.items()}
        values = np.array([np.nan if scores.get(d) is None else float(scores.get(d, np.nan))
                           for d in ids])
    else:
        values = np.array([np.nan if v is None else float(v) for v in reference_scores])
        if len(values) != len(ids):
            raise InputError(f"The 'reference_scores' parameter of {func} must give one value per "
                             f"document ({len(ids)}); got {len(values)}")
    refs = np.flatnonzero(np.isfinite(values))
    if len(refs) < 2 or np.unique(values[refs]).size < 2:
        raise InputError(f"{func} needs at least 2 reference texts with different scores; got "
                         f"{len(refs)} reference(s) with scores {sorted(set(values[refs]))}")
    R = counts.matrix[refs].toarray() + smooth
    totals = R.sum(axis=1)
    if (totals == 0).any():
        empty = [ids[refs[i]] for i in np.flatnonzero(totals == 0)]
        raise InputError(f"{func}: reference text(s) {empty} have no tokens")
    F = R / totals[:, None]
    used = F.sum(axis=0) > 0
    P = F[:, used] / F[:, used].sum(axis=0)
    words = pd.DataFrame({"term": [t for t, u in zip(counts.terms, used) if u],
                          "score": values[refs] @ P})
    references = pd.DataFrame({"doc_id": [ids[i] for i in refs], "reference_score": values[refs]})
    return WordscoresFit(words, references, counts, smooth)
