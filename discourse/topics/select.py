"""Choosing k: coherence over a grid of k and seeds, and stability of topics across seeds.

* **Coherence** (:func:`stat_coherence`): gensim's :class:`~gensim.models.CoherenceModel` on
  each topic's ``topn`` highest-weight terms, against the prepared training corpus: ``c_v``
  (sliding window 110, NPMI + cosine, Röder et al. 2015), ``c_npmi`` (window 10), ``u_mass``
  (document co-occurrence, Mimno et al. 2011; ≤ 0). Always one process (``processes=1``: no
  worker processes are spawned). Higher is better for all three.
* **Stability** (:func:`stat_stability`): for each pair of seeds at a given k, the topics of
  the two runs are matched one to one by the Hungarian algorithm (scipy
  ``linear_sum_assignment``) on the similarity of their topic-word distributions (cosine, or
  1 − Jensen–Shannon distance base 2); the table reports the mean and the minimum similarity
  of the matched pairs (1 = the same topics found again).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from .._validation import check_choice, check_range
from ..corpus.documents import Corpus
from ..errors import InputError
from .coherence import COHERENCE_MEASURES, topic_coherence
from .model import TopicModel, fit_topics
from .prepare import TopicCorpus, prepare_topics

__all__ = ["stat_coherence", "stat_stability", "match_topics", "topic_coherence",
           "COHERENCE_MEASURES", "COHERENCE_COLUMNS", "STABILITY_COLUMNS", "MATCH_COLUMNS"]

#: Columns of :func:`stat_coherence`: one row per model kind, k, seed and measure.
COHERENCE_COLUMNS = ["model", "k", "seed", "measure", "coherence", "coherence_sd",
                     "coherence_min", "n_topics", "topn"]
#: Columns of :func:`stat_stability`: one row per k and pair of seeds.
STABILITY_COLUMNS = ["model", "k", "seed_a", "seed_b", "metric", "mean_similarity",
                     "min_similarity"]
#: Columns of :func:`match_topics`.
MATCH_COLUMNS = ["topic_a", "topic_b", "similarity"]


def _prepared(corpus, prepare) -> TopicCorpus:
    if isinstance(corpus, TopicCorpus):
        return corpus
    if isinstance(corpus, Corpus):
        return prepare_topics(corpus, **prepare)
    raise InputError(f"expected a Corpus or a TopicCorpus, got {type(corpus).__name__}")


def _grid(ks, seeds, func) -> tuple[list[int], list[int]]:
    ks = [int(check_range("ks", k, func, low=2, integer=True)) for k in _listed(ks)]
    seeds = [int(check_range("seeds", s, func, low=0, integer=True)) for s in _listed(seeds)]
    if not ks or not seeds:
        raise InputError(f"{func}: give at least one k and one seed")
    return ks, seeds


def _listed(values) -> list:
    if isinstance(values, (int, np.integer)):
        return [values]
    return list(values)


def stat_coherence(corpus: Corpus | TopicCorpus, ks: Iterable[int], *,
                   seeds: Iterable[int] = (0,), measures: Sequence[str] = COHERENCE_MEASURES,
                   model: str = "lda", topn: int = 10, progress: bool = False,
                   fit: dict | None = None, **prepare) -> pd.DataFrame:
    """Coherence of models fitted over a grid of ``ks`` and ``seeds`` (columns
    :data:`COHERENCE_COLUMNS`; ``coherence`` is the mean over topics).

    ``fit`` passes training options to :func:`fit_topics` (``passes``, ``iterations``);
    ``**prepare`` the preparation settings. Fitted models are memoised in the process, so
    :func:`stat_stability` on the same grid does not fit them again.

    >>> from discourse.corpus.documents import Corpus
    >>> docs = ["golan occupation israel"] * 5 + ["refugees return reconstruction"] * 5
    >>> tab = stat_coherence(Corpus.from_texts(docs), [2], measures=["u_mass"], min_df=1,
    ...                      max_df=1.0, topn=3)
    >>> tab[["k", "measure", "n_topics"]].values.tolist()
    [[2, 'u_mass', 2]]
    """
    ks, seeds = _grid(ks, seeds, "stat_coherence")
    measures = [check_choice("measures", m, COHERENCE_MEASURES, "stat_coherence")
                for m in ([measures] if isinstance(measures, str) else measures)]
    tc = _prepared(corpus, prepare)
    rows = []
    for k in tqdm(ks, desc="coherence", disable=not progress):
        for seed in seeds:
            m = fit_topics(tc, k, model=model, seed=seed, **(fit or {}))
            for measure in measures:
                per = topic_coherence(m, measure, topn=topn, corpus=tc)
                ok = per[np.isfinite(per)]
                rows.append((model, k, seed, measure,
                             float(ok.mean()) if len(ok) else np.nan,
                             float(ok.std(ddof=1)) if len(ok) > 1 else np.nan,
                             float(ok.min()) if len(ok) else np.nan, len(ok), topn))
    return pd.DataFrame(rows, columns=COHERENCE_COLUMNS)


def _js_distance_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Jensen–Shannon distances (base 2, in [0, 1]) between the rows of a and of b."""
    out = np.empty((len(a), len(b)))
    for i, p in enumerate(a):
        m = 0.5 * (p[None, :] + b)
        with np.errstate(divide="ignore", invalid="ignore"):
            kl_p = np.where(p > 0, p * np.log2(np.where(p > 0, p, 1) / np.where(m > 0, m, 1)), 0)
            kl_q = np.where(b > 0, b * np.log2(np.where(b > 0, b, 1) / np.where(m > 0, m, 1)), 0)
        js = 0.5 * kl_p.sum(axis=1) + 0.5 * kl_q.sum(axis=1)
        out[i] = np.sqrt(np.clip(js, 0, 1))
    return out


def _similarity(a: np.ndarray, b: np.ndarray, metric: str) -> np.ndarray:
    if metric == "cosine":
        na = a / np.linalg.norm(a, axis=1, keepdims=True)
        nb = b / np.linalg.norm(b, axis=1, keepdims=True)
        return na @ nb.T
    return 1.0 - _js_distance_matrix(a, b)


def match_topics(a: TopicModel, b: TopicModel, *, metric: str = "jensen_shannon") -> pd.DataFrame:
    """Match the topics of two models one to one (Hungarian algorithm, maximal total
    similarity); columns :data:`MATCH_COLUMNS`, ordered by ``topic_a``.

    ``metric``: ``"jensen_shannon"`` (similarity = 1 − JS distance, base 2) or ``"cosine"``.
    Both models must share a vocabulary (be fitted on the same prepared corpus).
    """
    from scipy.optimize import linear_sum_assignment

    check_choice("metric", metric, ["jensen_shannon", "cosine"], "match_topics")
    if a.terms != b.terms:
        raise InputError("match_topics: the two models have different vocabularies; fit them "
                         "on the same prepared corpus")
    sim = _similarity(a.topic_word(), b.topic_word(), metric)
    rows, cols = linear_sum_assignment(sim, maximize=True)
    return pd.DataFrame({"topic_a": rows, "topic_b": cols, "similarity": sim[rows, cols]},
                        columns=MATCH_COLUMNS)


def stat_stability(corpus: Corpus | TopicCorpus, ks: Iterable[int], *,
                   seeds: Iterable[int] = (0, 1, 2), metric: str = "jensen_shannon",
                   model: str = "lda", progress: bool = False, fit: dict | None = None,
                   **prepare) -> pd.DataFrame:
    """Stability of topics across seeds, for each k (columns :data:`STABILITY_COLUMNS`):
    every pair of seeds, topics matched by :func:`match_topics`.

    >>> from discourse.corpus.documents import Corpus
    >>> docs = ["golan occupation israel"] * 5 + ["refugees return reconstruction"] * 5
    >>> tab = stat_stability(Corpus.from_texts(docs), [2], seeds=[0, 1], min_df=1, max_df=1.0)
    >>> tab[["k", "seed_a", "seed_b"]].values.tolist()
    [[2, 0, 1]]
    """
    ks, seeds = _grid(ks, seeds, "stat_stability")
    if len(set(seeds)) < 2:
        raise InputError("stat_stability needs at least two different seeds")
    check_choice("metric", metric, ["jensen_shannon", "cosine"], "stat_stability")
    tc = _prepared(corpus, prepare)
    seeds = sorted(set(seeds))
    rows = []
    for k in tqdm(ks, desc="stability", disable=not progress):
        models = {s: fit_topics(tc, k, model=model, seed=s, **(fit or {})) for s in seeds}
        for i, sa in enumerate(seeds):
            for sb in seeds[i + 1:]:
                match = match_topics(models[sa], models[sb], metric=metric)
                rows.append((model, k, sa, sb, metric, float(match["similarity"].mean()),
                             float(match["similarity"].min())))
    return pd.DataFrame(rows, columns=STABILITY_COLUMNS)
