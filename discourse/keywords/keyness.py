"""Keyness: which terms are distinctive of a target against a reference.

``stat_keyness(target, reference)`` takes two corpora (or two document-term matrices) and
returns one row per term with the counts behind every statistic and all of these measures:

============================ ===============================================================
column                       definition (a, b: term counts in target and reference;
                             T, R: their token totals; N = T + R)
============================ ===============================================================
``g2``, ``g2_p``             log-likelihood G² of the 2×2 table (term / other tokens ×
                             target / reference): ``2 Σ O ln(O/E)`` over the four cells
                             (Dunning 1993; Rayson & Garside 2000), p from χ²(1)
``chi2``, ``chi2_p``         Pearson χ² of the same table, p from χ²(1)
``chi2_yates``, ``…_p``      χ² with Yates' continuity correction (as scipy applies it:
                             each |O − E| reduced by 0.5, never past zero)
``log_ratio``                Hardie (2014) Log Ratio: ``log2((a/T) / (b/R))``, a zero count
                             replaced by 0.5
``log_ratio_ci_low/high``    its confidence interval: ``± z · sqrt(1/a + 1/b) / ln 2`` (the
                             usual interval for a ratio of two Poisson rates, on the log2 scale)
``pct_diff``                 %DIFF (Gabrielatos & Marchi 2012): ``100 (a/T − b/R) / (b/R)``;
                             ``inf`` when b = 0
``bic``                      Wilson (2013): ``G² − ln N`` (df = 1); BIC > 2 is positive, > 6
                             strong, > 10 very strong evidence
``log_odds``, ``log_odds_z`` Monroe, Colaresi & Quinn (2008) log-odds ratio with a Dirichlet
                             prior α_w (α0 = Σ α_w over the vocabulary compared),
                             ``δ = ln((a+α_w)/(T+α0−a−α_w)) − ln((b+α_w)/(R+α0−b−α_w))``,
                             and its z-score ``δ / sqrt(1/(a + α_w) + 1/(b + α_w))`` (their
                             eq. 16, 18-22). The prior is chosen with ``prior=`` (below)
``p_bonferroni``, ``q_bh``   G² p-values adjusted for the number of terms tested: Bonferroni
                             and Benjamini–Hochberg (1995)
============================ ===============================================================

The prior of the log-odds ratio (``prior=`` of :func:`stat_keyness` and
:func:`keyness_from_counts`):

- ``None`` (default): informative, from the pooled counts, α_w = prior_size · (a + b)/N with
  prior_size = N unless given, i.e. α_w = a + b;
- a number α > 0: uniform, α_w = α for every term of the vocabulary (Monroe et al.'s
  uninformative Dirichlet; the ``fightin-words`` package's ``prior=0.01``);
- a mapping or Series term → α_w > 0: one value per term; every term of the vocabulary must
  have one (others are ignored);
- a :class:`~discourse.corpus.documents.Corpus` or
  :class:`~discourse.keywords.dtm.DocTermMatrix`: informative, from a background corpus,
  α_w = prior_size · (c_w + 1)/(C + V) — the background's add-one smoothed term distribution
  over the V terms compared (c_w the background count, C its total), prior_size = C unless
  given, so a term the background never uses still has a positive prior.

``direction`` says where the term is relatively more frequent (``"target"``,
``"reference"`` or ``"none"``). Rows are sorted by the chosen ``measure``, signed by direction
(target-key terms first, reference-key terms last), then by term.

>>> from discourse.corpus.documents import Corpus
>>> t = Corpus.from_texts(["balance balance sovereignty pragmatism"], ids=["t"])
>>> r = Corpus.from_texts(["occupation occupation sovereignty aggression balance"], ids=["r"])
>>> tab = stat_keyness(t, r)
>>> tab[["term", "n_target", "n_reference", "direction"]].head(2).values.tolist()
[['pragmatism', 1, 0, 'target'], ['balance', 2, 1, 'target']]
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special

from .._validation import check_choice, check_range
from ..corpus.documents import Corpus
from .dtm import DocTermMatrix, to_dtm
from ..errors import EmptyInputError, InputError

__all__ = ["stat_keyness", "keyness_from_counts", "prior_alpha", "adjust_bh", "KEYNESS_COLUMNS", "MEASURES"]

KEYNESS_COLUMNS = [
    "term", "n_target", "n_reference", "total_target", "total_reference",
    "rate_target_per_10k", "rate_reference_per_10k", "g2", "g2_p", "chi2", "chi2_p",
    "chi2_yates", "chi2_yates_p", "log_ratio", "log_ratio_ci_low", "log_ratio_ci_high",
    "pct_diff", "bic", "log_odds", "log_odds_z", "p_bonferroni", "q_bh", "direction",
]
MEASURES = ("g2", "chi2", "chi2_yates", "log_ratio", "pct_diff", "bic", "log_odds_z")


def adjust_bh(p: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (q-values), as ``scipy.stats.false_discovery_control``.

    >>> adjust_bh(np.array([0.01, 0.04, 0.03])).round(3).tolist()
    [0.03, 0.04, 0.04]
    """
    p = np.asarray(p, dtype=float)
    m = len(p)
    if m == 0:
        return p
    order = np.argsort(p, kind="stable")
    ranked = p[order] * m / np.arange(1, m + 1)
    q = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(q, 1.0)
    return out


def _chi2_sf_df1(x):
    """Upper tail of χ²(1): ``P(Z² > x) = erfc(sqrt(x / 2))`` (what ``stats.chi2.sf(x, 1)``
    computes, without the distribution machinery: 20x faster on a large vocabulary)."""
    return special.erfc(np.sqrt(np.asarray(x, dtype=float) / 2))


def _xlogx_over(o, e):
    positive = o > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        if positive.all():  # the same values without the masks
            return o * np.log(o / e)
        return np.where(positive, o * np.log(np.where(positive, o, 1) / e), 0.0)


def keyness_from_counts(terms, a, b, total_target: int, total_reference: int, *,
                        ci: float = 0.95, prior=None,
                        prior_size: float | None = None) -> pd.DataFrame:
    """All keyness statistics from term counts ``a`` (target) and ``b`` (reference).

    ``total_target``/``total_reference`` are the token totals of the two sides. Terms with
    ``a + b == 0`` must be removed before. ``prior`` is the log-odds prior (module docs); the
    vocabulary it is spread over is ``terms``. Unsorted, unadjusted (``p_bonferroni``/``q_bh``
    are filled by :func:`stat_keyness`).

    >>> tab = keyness_from_counts(["war", "peace"], [3, 1], [1, 3], 4, 4, prior=0.5)
    >>> tab["log_odds"].round(4).tolist()
    [1.6946, -1.6946]
    """
    terms = list(terms)
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    alpha, alpha0 = prior_alpha(terms, a, b, prior, prior_size, "keyness_from_counts",
                                total=float(total_target) + float(total_reference))
    columns = _statistics(a, b, total_target, total_reference, ci=ci, alpha=alpha,
                          alpha0=alpha0)
    return _frame(terms, columns, slice(None))


def prior_alpha(terms, a, b, prior, prior_size, func: str, *,
                total: float | None = None, options: dict | None = None) -> tuple[np.ndarray, float]:
    """``(α_w per term, α0)`` of the log-odds prior ``prior`` over the vocabulary ``terms``
    with counts ``a``/``b`` (module docs for the kinds of prior); ``total`` is N, the two
    sides' token total (default: the sum of the counts); ``options`` tokenise a background
    corpus as the two sides were (``to_dtm`` options)."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if prior_size is not None:
        check_range("prior_size", prior_size, func)
        if not prior_size > 0:
            raise InputError(f"The 'prior_size' parameter of {func} must be > 0. "
                             f"Got {prior_size!r} instead.")
    if prior is None:
        row = a + b
        N = row.sum() if total is None else float(total)
        alpha0 = N if prior_size is None else float(prior_size)
        return alpha0 * row / N, alpha0
    if isinstance(prior, (Corpus, DocTermMatrix)):
        dtm = prior if isinstance(prior, DocTermMatrix) else to_dtm(prior, **(options or {}))
        background = dict(zip(dtm.terms, dtm.term_counts().tolist()))
        counts = np.array([background.get(w, 0) for w in terms], dtype=float)
        total = float(sum(background.values()))
        if total == 0:
            raise EmptyInputError(f"{func}: the background corpus of prior= has no tokens")
        alpha0 = total if prior_size is None else float(prior_size)
        alpha = alpha0 * (counts + 1) / (counts.sum() + len(terms))
        return alpha, float(alpha.sum())
    if prior_size is not None:
        raise InputError(f"{func}: prior_size= scales the pooled or background prior; with "
                         f"prior={type(prior).__name__} give the α values themselves")
    if isinstance(prior, (bool, np.bool_)):
        raise InputError(f"{func}: prior= must be a number, a mapping term → α, a Series, a "
                         f"Corpus or a DocTermMatrix; got {prior!r}")
    if isinstance(prior, (int, float, np.integer, np.floating)):
        value = float(prior)
        if not np.isfinite(value) or value <= 0:
            raise InputError(f"{func}: a uniform prior= must be a positive number; got {prior!r}")
        alpha = np.full(len(terms), value)
        return alpha, float(alpha.sum())
    if isinstance(prior, pd.Series) or hasattr(prior, "keys"):
        mapping = prior.to_dict() if isinstance(prior, pd.Series) else dict(prior)
        missing = [w for w in terms if w not in mapping]
        if missing:
            raise InputError(f"{func}: prior= has no α for {len(missing)} of the {len(terms)} "
                             f"terms compared (e.g. {missing[:5]}); give every term one")
        alpha = np.array([mapping[w] for w in terms], dtype=float)
        bad = ~np.isfinite(alpha) | (alpha <= 0)
        if bad.any():
            example = [terms[i] for i in np.flatnonzero(bad)[:5]]
            raise InputError(f"{func}: prior= must give every term a positive, finite α; "
                             f"not so for {example}")
        return alpha, float(alpha.sum())
    raise InputError(f"{func}: prior= must be a number, a mapping term → α, a Series, a Corpus "
                     f"or a DocTermMatrix; got {type(prior).__name__}")


def _statistics(a, b, total_target, total_reference, *, ci, alpha, alpha0) -> dict:
    """The numeric columns of :data:`KEYNESS_COLUMNS` (and ``direction`` as codes 0, 1, 2)."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    T, R = float(total_target), float(total_reference)
    N = T + R
    row = a + b
    e1, e2 = T * row / N, R * row / N
    c, d = T - a, R - b
    e3, e4 = T * (N - row) / N, R * (N - row) / N
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * (_xlogx_over(a, e1) + _xlogx_over(b, e2) + _xlogx_over(c, e3)
                  + _xlogx_over(d, e4))
        g2 = np.maximum(g2, 0.0)
        # the four cells summed in order, as a sum over the stacked (4, n) cells would
        chi2 = chi2_y = 0.0
        for o, e in ((a, e1), (b, e2), (c, e3), (d, e4)):
            diff = e - o
            shift = np.minimum(0.5, np.abs(diff)) * np.sign(diff)
            cell, cell_y = diff ** 2 / e, ((o + shift) - e) ** 2 / e
            positive = e > 0
            if not positive.all():  # empty cells count 0
                safe_e = np.where(positive, e, 1)
                cell = np.where(positive, (o - e) ** 2 / safe_e, 0)
                cell_y = np.where(positive, ((o + shift) - e) ** 2 / safe_e, 0)
            chi2, chi2_y = chi2 + cell, chi2_y + cell_y
        a_adj, b_adj = np.where(a > 0, a, 0.5), np.where(b > 0, b, 0.5)
        log_ratio = np.log2((a_adj / T) / (b_adj / R))
        z = special.ndtri(0.5 + ci / 2)  # what stats.norm.ppf computes
        half = z * np.sqrt(1 / a_adj + 1 / b_adj) / np.log(2)
        rate_t, rate_r = a / T, b / R
        pct = np.where(b > 0, 100 * (rate_t - rate_r) / np.where(b > 0, rate_r, 1), np.inf)
        delta = (np.log((a + alpha) / (T + alpha0 - a - alpha))
                 - np.log((b + alpha) / (R + alpha0 - b - alpha)))
        lo_z = delta / np.sqrt(1 / (a + alpha) + 1 / (b + alpha))
    codes = np.where(rate_t > rate_r, 0, np.where(rate_t < rate_r, 1, 2)).astype(np.int8)
    n = len(a)
    return {
        "n_target": a.astype(np.int64), "n_reference": b.astype(np.int64),
        "total_target": np.full(n, int(T)), "total_reference": np.full(n, int(R)),
        "rate_target_per_10k": 1e4 * rate_t, "rate_reference_per_10k": 1e4 * rate_r,
        "g2": g2, "g2_p": _chi2_sf_df1(g2), "chi2": chi2, "chi2_p": _chi2_sf_df1(chi2),
        "chi2_yates": chi2_y, "chi2_yates_p": _chi2_sf_df1(chi2_y),
        "log_ratio": log_ratio, "log_ratio_ci_low": log_ratio - half,
        "log_ratio_ci_high": log_ratio + half, "pct_diff": pct, "bic": g2 - np.log(N),
        "log_odds": delta, "log_odds_z": lo_z, "p_bonferroni": np.full(n, np.nan),
        "q_bh": np.full(n, np.nan), "direction": codes,
    }


def _frame(terms, columns: dict, order) -> pd.DataFrame:
    """The table of :data:`KEYNESS_COLUMNS`, rows taken in ``order`` (an index array)."""
    out = {"term": terms}
    for name in KEYNESS_COLUMNS[1:-1]:
        out[name] = columns[name][order]
    out["direction"] = pd.Categorical.from_codes(columns["direction"][order],
                                                 ["target", "reference", "none"])
    return pd.DataFrame(out, columns=KEYNESS_COLUMNS, copy=False)  # fresh arrays: no copy


def _as_dtms(target, reference, options) -> tuple[DocTermMatrix, DocTermMatrix]:
    if isinstance(target, Corpus) and isinstance(reference, Corpus):
        shared = set(target.ids) & set(reference.ids)
        if shared:
            raise InputError(f"stat_keyness: the reference contains {len(shared)} of the target's "
                             f"documents (e.g. {sorted(shared)[:3]}); compare a target with the "
                             "rest, e.g. reference=corpus.subset(lambda m: ~m.doc_id.isin(ids))")
        both = to_dtm(Corpus.concat([target, reference]), **options)
        n = len(target)
        mask = np.zeros(len(both.doc_ids), dtype=bool)
        mask[:n] = True
        return both.split(mask)
    if isinstance(target, DocTermMatrix) and isinstance(reference, DocTermMatrix):
        if options:
            raise InputError(f"stat_keyness: tokenisation options {sorted(options)} have no effect "
                             "on document-term matrices; pass them to to_dtm")
        return target, reference
    raise InputError("stat_keyness compares two Corpus objects or two DocTermMatrix objects; "
                     f"got {type(target).__name__} and {type(reference).__name__}")


def _aligned_counts(t: DocTermMatrix, r: DocTermMatrix):
    """``(terms, a, b, sorted)``: one vocabulary, both sides' counts on it; ``terms`` a
    pandas string array, ``sorted`` whether it is in sorted order."""
    a, b = t.term_counts(), r.term_counts()
    if t.terms is r.terms or t.terms == r.terms:
        strings, is_sorted = t.term_strings()
        return strings, a, b, is_sorted
    terms = sorted(set(t.terms) | set(r.terms))
    pos = {w: i for i, w in enumerate(terms)}
    full_a = np.zeros(len(terms), dtype=np.int64)
    full_b = np.zeros(len(terms), dtype=np.int64)
    full_a[[pos[w] for w in t.terms]] = a
    full_b[[pos[w] for w in r.terms]] = b
    return pd.Series(terms).array, full_a, full_b, True


def _on_cluster(target, reference, scheduler) -> bool:
    """Whether keyness of two corpora is counted partition by partition (a lazy corpus on
    either side, or a scheduler)."""
    from ..corpus.parquet import is_lazy
    from ..scale.scheduler import requested

    if not (isinstance(target, Corpus) and isinstance(reference, Corpus)):
        return False
    return is_lazy(target) or is_lazy(reference) or requested(scheduler) is not None


def _distributed_counts(target: Corpus, reference: Corpus, options: dict, scheduler):
    """Both sides' term totals as integer sums over partitions, on one sorted vocabulary."""
    from .dtm import term_totals

    allowed = {"lowercase", "numbers", "stem", "stopwords"}
    unknown = sorted(set(options) - allowed)
    if unknown:
        raise InputError(f"stat_keyness: unknown option(s) {unknown} for a corpus counted "
                         f"partition by partition; the options are {sorted(allowed)}")
    shared = set(target.ids) & set(reference.ids)
    if shared:
        raise InputError(f"stat_keyness: the reference contains {len(shared)} of the target's "
                         f"documents (e.g. {sorted(shared)[:3]}); compare a target with the "
                         "rest, e.g. reference=corpus.subset(lambda m: ~m.doc_id.isin(ids))")
    t_terms, a = term_totals(target, scheduler=scheduler, **options)
    r_terms, b = term_totals(reference, scheduler=scheduler, **options)
    terms = sorted(set(t_terms) | set(r_terms))
    pos = {w: i for i, w in enumerate(terms)}
    full_a = np.zeros(len(terms), dtype=np.int64)
    full_b = np.zeros(len(terms), dtype=np.int64)
    full_a[[pos[w] for w in t_terms]] = a
    full_b[[pos[w] for w in r_terms]] = b
    return pd.Series(terms).array, full_a, full_b, True


def stat_keyness(target, reference, *, measure: str = "g2", min_count: int = 1,
                 min_target: int = 0, ci: float = 0.95, prior=None,
                 prior_size: float | None = None, scheduler=None, **options) -> pd.DataFrame:
    """Keyness of every term of ``target`` against ``reference`` (module docs for the measures).

    Parameters
    ----------
    target, reference : Corpus or DocTermMatrix
        Two corpora (tokenised together with ``options``) or two matrices. To compare part of
        a matrix with the rest: ``stat_keyness(*dtm.split(mask))``. A reference that contains
        target documents is refused.
    measure : {"g2", "chi2", "chi2_yates", "log_ratio", "pct_diff", "bic", "log_odds_z"}
        The statistic to sort by (all are always computed), default "g2".
    min_count : int, default=1
        Keep terms seen at least this often in target and reference together.
    min_target : int, default=0
        Keep terms seen at least this often in the target.
    ci : float, default=0.95
        Confidence level of the Log Ratio interval.
    prior : None, float, mapping, Series, Corpus or DocTermMatrix
        The Dirichlet prior of the log-odds ratio (module docs): None for the pooled counts, a
        number for a uniform α per term, term → α, or a background corpus. It is spread over
        the whole vocabulary of the two sides, before ``min_count``/``min_target`` filter it,
        so a term's score does not depend on the filters.
    prior_size : float, optional
        α0 of the pooled or background prior (default: its token count).
    scheduler : None, "processes", "tcp://host:port" or a distributed.Client, optional
        Where to count two corpora (:mod:`discourse.scale.scheduler`; lazy corpora from
        :func:`discourse.read_parquet`, e.g. two subsets of one dataset, are counted
        partition by partition even without one). The term totals are integer sums and the
        statistics are computed once from them, so the table is identical.
    **options
        ``lowercase``, ``numbers``, ``stem``, ``stopwords`` for :func:`discourse.to_dtm`.

    Returns
    -------
    DataFrame
        :data:`KEYNESS_COLUMNS`, one row per term.

    Raises
    ------
    EmptyInputError
        The target or the reference has no tokens, or no term passes the filters.
    """
    check_choice("measure", measure, MEASURES, "stat_keyness")
    check_range("min_count", min_count, "stat_keyness", low=1, integer=True)
    check_range("min_target", min_target, "stat_keyness", low=0, integer=True)
    check_range("ci", ci, "stat_keyness", low=0.5, high=0.999)
    if _on_cluster(target, reference, scheduler):
        terms, a, b, terms_sorted = _distributed_counts(target, reference, options, scheduler)
    else:
        t, r = _as_dtms(target, reference, options)
        terms, a, b, terms_sorted = _aligned_counts(t, r)
    T, R = a.sum(), b.sum()
    if T == 0 or R == 0:
        side = "target" if T == 0 else "reference"
        raise EmptyInputError(f"stat_keyness: the {side} has no tokens")
    keep = np.flatnonzero(((a + b) >= min_count) & (a >= min_target) & ((a + b) > 0))
    if not len(keep):
        raise EmptyInputError(f"stat_keyness: no term passes min_count={min_count} and "
                              f"min_target={min_target}")
    alpha, alpha0 = prior_alpha(terms, a, b, prior, prior_size, "stat_keyness", options=options)
    columns = _statistics(a[keep], b[keep], T, R, ci=ci, alpha=alpha[keep], alpha0=alpha0)
    g2_p = columns["g2_p"]
    columns["p_bonferroni"] = np.minimum(g2_p * len(keep), 1.0)
    columns["q_bh"] = adjust_bh(g2_p)
    score = columns[measure]
    if measure in ("log_ratio", "pct_diff", "log_odds_z"):
        signed = score
    else:
        signed = np.where(columns["direction"] == 1, -1.0, 1.0) * score
    key = -np.nan_to_num(signed, posinf=1e300, neginf=-1e300)
    kept = terms.take(keep)
    if terms_sorted:  # ties in term order = in row order: a stable sort on the key alone
        order = np.argsort(key, kind="stable")
    else:
        order = np.lexsort((np.asarray(kept, dtype=object), key))
    return _frame(kept.take(order), columns, order)
