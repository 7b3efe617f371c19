"""Latent Semantic Scaling (Watanabe 2021): seed words with a polarity, scored through word
vectors.

With seed words ``s`` of polarity ``p_s = ±1`` and unit word vectors ``v``, a term's polarity is
its mean cosine similarity to the positive seeds minus its mean cosine similarity to the
negative seeds: ``g_w = mean_{s+} cos(v_w, v_s) - mean_{s-} cos(v_w, v_s)``. A document's raw
score is the frequency-weighted mean polarity of its terms that have a vector,
``y_d = Σ_w F_dw g_w`` (``F_dw`` relative frequencies over those terms), with the weighted
standard error ``se_d = sqrt(Σ_w F_dw (g_w - y_d)²) / sqrt(N_d)`` (as in Wordscores). Scores are
then standardised over the documents scored together (``theta = (y - mean y) / sd y``; ``se``
divided by the same sd). Seed words themselves are scored like any other term.

The default seeds (``discourse/data/lexicons/lss_seeds.yaml``) are the sentiment seed words of
Turney & Littman (2003) that Watanabe (2021) uses.

>>> import numpy as np, pandas as pd
>>> vectors = {"good": np.array([1.0, 0.0]), "bad": np.array([-1.0, 0.0]),
...            "peace": np.array([1.0, 1.0]), "war": np.array([-1.0, 1.0])}
>>> y = pd.DataFrame([[3, 1], [1, 3]], index=["d1", "d2"], columns=["peace", "war"])
>>> fit = fit_lss(y, vectors, seeds={"good": 1, "bad": -1})
>>> fit.words.round(3).values.tolist()
[['peace', 1.414], ['war', -1.414]]
>>> fit.documents["theta"].round(3).tolist()
[0.707, -0.707]
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import numpy as np
import pandas as pd

from .._validation import check_range
from ..errors import InputError
from ._input import as_counts

__all__ = ["fit_lss", "LSSFit", "load_seed_words"]


@cache
def _shipped_seeds() -> tuple[tuple[str, int], ...]:
    from importlib import resources

    import yaml

    text = resources.files("discourse.data").joinpath("lexicons", "lss_seeds.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    out = [(w, 1) for w in data["entries"]["positive"]] + [(w, -1) for w in data["entries"]["negative"]]
    return tuple(out)


def load_seed_words() -> dict[str, int]:
    """The shipped LSS seed words, word -> polarity (+1/-1).

    >>> seeds = load_seed_words()
    >>> seeds["good"], seeds["bad"]
    (1, -1)
    """
    return dict(_shipped_seeds())


def _lookup(vectors, word):
    """A word's vector from gensim KeyedVectors (duck-typed) or a mapping, or None."""
    if hasattr(vectors, "key_to_index"):
        return np.asarray(vectors[word], dtype=float) if word in vectors.key_to_index else None
    value = vectors.get(word) if isinstance(vectors, Mapping) else None
    return None if value is None else np.asarray(value, dtype=float)


class LSSFit:
    """A fitted LSS model (see :func:`fit_lss`).

    Attributes
    ----------
    documents : DataFrame
        ``doc_id``, ``theta`` (standardised score), ``se``, ``ci_low``, ``ci_high``,
        ``raw`` (unstandardised score), ``n_scored`` (tokens of terms with a vector).
    words : DataFrame
        ``term``, ``score`` (polarity ``g_w``), sorted by term.
    seeds : DataFrame
        ``seed``, ``polarity``, ``found`` (whether it has a vector).
    """

    def __init__(self, documents, words, seeds):
        self.documents, self.words, self.seeds = documents, words, seeds

    def __repr__(self) -> str:
        return (f"<LSSFit: {len(self.documents)} documents, {len(self.words)} terms, "
                f"{int(self.seeds['found'].sum())}/{len(self.seeds)} seeds with a vector>")


def fit_lss(dtm, vectors, seeds: Mapping[str, int] | None = None, *,
            level: float = 0.95) -> LSSFit:
    """Latent Semantic Scaling of documents from seed words and word vectors.

    Parameters
    ----------
    dtm : DocTermMatrix or DataFrame of counts (documents x terms, index = doc ids)
    vectors : gensim KeyedVectors or mapping word -> vector
    seeds : mapping word -> +1/-1, optional
        Default: :func:`load_seed_words`. Seeds without a vector are ignored (listed in
        ``.seeds``); at least one positive and one negative seed must have a vector.
    level : float, default=0.95

    Returns
    -------
    LSSFit

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> v = {"good": [1, 0], "bad": [-1, 0], "aid": [2, 1], "strike": [-1, 2]}
    >>> y = pd.DataFrame([[4, 0], [3, 1], [0, 4]], index=list("abc"), columns=["aid", "strike"])
    >>> fit = fit_lss(y, v, seeds={"good": 1, "bad": -1})
    >>> fit.words["score"].round(3).tolist()  # 2 * 2/sqrt(5), 2 * -1/sqrt(5)
    [1.789, -0.894]
    >>> fit.documents["raw"].round(3).tolist()  # (3 * 1.789 - 0.894) / 4 for b
    [1.789, 1.118, -0.894]
    """
    func = "fit_lss"
    check_range("level", level, func, low=0, high=1)
    counts = as_counts(dtm, func)
    seeds = load_seed_words() if seeds is None else dict(seeds)
    bad = {w: p for w, p in seeds.items() if p not in (1, -1)}
    if bad:
        raise InputError(f"The 'seeds' parameter of {func} must map words to +1 or -1; got {bad}")
    found = {w: _lookup(vectors, w) for w in seeds}
    table = pd.DataFrame({"seed": list(seeds), "polarity": list(seeds.values()),
                          "found": [found[w] is not None for w in seeds]})

    def unit(v):
        norm = np.linalg.norm(v)
        return v / norm if norm > 0 else None

    groups = {}
    for sign in (1, -1):
        vecs = [unit(found[w]) for w in seeds if seeds[w] == sign and found[w] is not None]
        vecs = [v for v in vecs if v is not None]
        if not vecs:
            raise InputError(f"{func}: no {'positive' if sign > 0 else 'negative'} seed word has a "
                             f"(non-zero) vector; seeds: {sorted(w for w in seeds if seeds[w] == sign)}")
        groups[sign] = np.vstack(vecs)
    keep, rows = [], []
    for j, term in enumerate(counts.terms):
        v = _lookup(vectors, term)
        v = None if v is None else unit(v)
        if v is not None:
            keep.append(j)
            rows.append(v)
    if not keep:
        raise InputError(f"{func}: no term of the matrix has a vector")
    V = np.vstack(rows)
    g = (V @ groups[1].T).mean(axis=1) - (V @ groups[-1].T).mean(axis=1)
    X = counts.matrix[:, keep].toarray()
    n = X.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        F = X / n[:, None]
        raw = F @ g
        se_raw = np.sqrt((F * (g[None, :] - raw[:, None]) ** 2).sum(axis=1)) / np.sqrt(n)
    ok = np.isfinite(raw)
    if ok.sum() < 2:
        raise InputError(f"{func}: at least 2 documents need a term with a vector to standardise")
    sd = raw[ok].std(ddof=1)
    if sd == 0:
        raise InputError(f"{func}: every document has the same raw score; nothing to scale")
    theta, se = (raw - raw[ok].mean()) / sd, se_raw / sd
    from scipy.stats import norm

    z = norm.ppf(0.5 + level / 2)
    documents = pd.DataFrame({"doc_id": counts.doc_ids, "theta": theta, "se": se,
                              "ci_low": theta - z * se, "ci_high": theta + z * se, "raw": raw,
                              "n_scored": n})
    words = pd.DataFrame({"term": [counts.terms[j] for j in keep], "score": g})
    return LSSFit(documents, words, table)
