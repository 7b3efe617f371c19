"""Placing documents and groups in a topic space: prevalence, nearest documents, topic mixes
of the article against comparison sets, and the intertopic distance map.

Distances between topic mixes (or topic-word distributions):

* **Jensen–Shannon distance**: the square root of the JS divergence, base 2, in [0, 1]
  (scipy's ``jensenshannon(p, q, base=2)``, which the tests use as the oracle);
* **Hellinger distance**: ``sqrt(0.5 * sum((sqrt(p) - sqrt(q))**2))``, in [0, 1].
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .._validation import check_choice, check_range
from ..corpus.documents import Corpus, Document
from ..errors import EmptyInputError, InputError
from ..corpus.documents import as_corpus
from .model import TopicModel
from .select import _js_distance_matrix

__all__ = ["topic_prevalence", "nearest_documents", "stat_topic_mix", "stat_topic_map",
           "mix_distance", "PREVALENCE_COLUMNS", "NEAREST_COLUMNS", "TOPIC_MIX_COLUMNS",
           "TOPIC_MAP_COLUMNS", "DISTANCE_METRICS"]

DISTANCE_METRICS = ("jensen_shannon", "hellinger")
#: Columns of :func:`topic_prevalence`: one row per group and topic.
PREVALENCE_COLUMNS = ["by", "group", "topic", "label", "prevalence", "n_documents"]
#: Columns of :func:`nearest_documents` (the corpus metadata columns follow ``doc_id``).
NEAREST_COLUMNS = ["rank", "doc_id", "distance", "metric"]
#: Columns of :func:`stat_topic_mix`: one row per set and topic.
TOPIC_MIX_COLUMNS = ["set", "topic", "label", "proportion", "n_documents", "distance_to_target"]
#: Columns of :func:`stat_topic_map`: one row per topic.
TOPIC_MAP_COLUMNS = ["topic", "label", "x", "y", "prevalence"]


def mix_distance(p, q, *, metric: str = "jensen_shannon") -> np.ndarray:
    """Distance between a distribution ``p`` (1-D) and each row of ``q`` (or ``q`` itself).

    >>> round(float(mix_distance([1, 0], [0, 1])), 6), round(float(mix_distance([0.5, 0.5], [0.5, 0.5])), 6)
    (1.0, 0.0)
    """
    check_choice("metric", metric, DISTANCE_METRICS, "mix_distance")
    p = np.asarray(p, dtype=np.float64)
    q = np.asarray(q, dtype=np.float64)
    single = q.ndim == 1
    q2 = np.atleast_2d(q)
    p = p / p.sum()
    q2 = q2 / q2.sum(axis=1, keepdims=True)
    if metric == "jensen_shannon":
        d = _js_distance_matrix(p[None, :], q2)[0]
    else:
        d = np.sqrt(np.clip(0.5 * ((np.sqrt(p)[None, :] - np.sqrt(q2)) ** 2).sum(axis=1), 0, 1))
    return d[0] if single else d


def _mix_of(model: TopicModel, docs) -> tuple[np.ndarray, str | None]:
    """A single topic mix from a doc id, a one-document Corpus/Document/str, or an array."""
    if isinstance(docs, str) and docs in set(model.doc_ids):
        i = model.doc_ids.index(docs)
        return model.theta[i], docs
    if isinstance(docs, (np.ndarray, list, tuple)):
        mix = np.asarray(docs, dtype=np.float64)
        if mix.shape != (model.k,):
            raise InputError(f"a topic mix must have {model.k} values, got shape {mix.shape}")
        return mix, None
    corpus = as_corpus(docs, "topic placement")
    if len(corpus) != 1:
        raise InputError(f"nearest_documents expects one document, got {len(corpus)}")
    theta, known, _ = model.mixes(corpus)
    if known[0] == 0:
        raise EmptyInputError(f"{corpus.ids[0]}: no word of this document is in the model's "
                              f"vocabulary; it cannot be placed")
    return theta[0], corpus.ids[0]


def nearest_documents(model: TopicModel, doc: Corpus | Document | str, *,
                      metric: str = "jensen_shannon", n: int = 10) -> pd.DataFrame:
    """The ``n`` training documents whose topic mix is nearest to ``doc``'s.

    ``doc`` is a training doc id, a one-document Corpus/Document/text (inferred with
    :meth:`TopicModel.infer`) or a topic mix. The document itself is left out. Columns
    :data:`NEAREST_COLUMNS`, with the corpus metadata after ``doc_id``.
    """
    check_choice("metric", metric, DISTANCE_METRICS, "nearest_documents")
    check_range("n", n, "nearest_documents", low=1, integer=True)
    mix, own = _mix_of(model, doc)
    ok = np.flatnonzero(np.isfinite(model.theta).all(axis=1))
    if own is not None:
        ok = np.array([i for i in ok if model.doc_ids[i] != own], dtype=np.int64)
    dist = mix_distance(mix, model.theta[ok], metric=metric)
    order = np.lexsort((np.asarray(model.doc_ids, dtype=object)[ok].astype(str), dist))[:n]
    out = model.meta.iloc[ok[order]].reset_index(drop=True)
    out.insert(0, "rank", np.arange(1, len(order) + 1))
    out["distance"] = dist[order]
    out["metric"] = metric
    return out


def _group_mixes(model: TopicModel, by) -> list[tuple[str, object, np.ndarray]]:
    """(by, group, mixes) triples for a metadata column or a mapping of named sets."""
    if isinstance(by, str):
        if by not in model.meta.columns:
            raise InputError(f"topic_prevalence: unknown metadata column {by!r}; available: "
                             f"{list(model.meta.columns)}")
        col = model.meta[by]
        out = []
        for key in sorted(col.dropna().unique(), key=lambda v: (str(type(v)), v)):
            rows = np.flatnonzero((col == key).to_numpy())
            out.append((by, key.item() if hasattr(key, "item") else key, model.theta[rows]))
        return out
    if isinstance(by, Mapping):
        index = {d: i for i, d in enumerate(model.doc_ids)}
        out = []
        for name, docs in by.items():
            corpus = as_corpus(docs, "topic placement")
            inside = [index.get(d) for d in corpus.ids]
            known = [i for i in inside if i is not None]
            mixes = [model.theta[known]] if known else []
            missing = corpus.subset(np.array([i is None for i in inside], dtype=bool))
            if len(missing):
                mixes.append(model.mixes(missing)[0])
            out.append(("set", name, np.vstack(mixes)))
        return out
    raise InputError("topic_prevalence: 'by' must be a metadata column name or a mapping of "
                     "names to corpora")


def topic_prevalence(model: TopicModel, *, by: str | Mapping[str, Corpus] = "year") -> pd.DataFrame:
    """Mean topic proportion per group (columns :data:`PREVALENCE_COLUMNS`).

    ``by`` is a metadata column of the training corpus (``"year"``, ``"country"``, a column
    you added with ``Corpus.assign``) or a mapping ``{name: Corpus}`` of named sets (e.g.
    :func:`discourse.corpus.comparisons.comparison_sets`): their documents' mixes are taken from the
    model when they were in training, else inferred. Documents empty after preparation are
    left out (``n_documents`` counts the others).
    """
    rows = []
    for label, group, mixes in _group_mixes(model, by):
        ok = mixes[np.isfinite(mixes).all(axis=1)]
        mean = ok.mean(axis=0) if len(ok) else np.full(model.k, np.nan)
        for t in range(model.k):
            rows.append((label, group, t, model.labels[t], mean[t], len(ok)))
    return pd.DataFrame(rows, columns=PREVALENCE_COLUMNS)


def stat_topic_mix(model: TopicModel, target: Corpus | Document, sets: Mapping[str, Corpus], *,
                   target_name: str = "article", metric: str = "jensen_shannon") -> pd.DataFrame:
    """The target's topic mix (the article) against the mean mix of each comparison set,
    with the distance between them (columns :data:`TOPIC_MIX_COLUMNS`; the target's rows
    come first, with distance 0).
    """
    check_choice("metric", metric, DISTANCE_METRICS, "stat_topic_mix")
    target_corpus = as_corpus(target, "stat_topic_mix")
    named = {target_name: target_corpus, **{k: v for k, v in sets.items() if k != target_name}}
    table = topic_prevalence(model, by=named)
    wide = table.pivot(index="group", columns="topic", values="prevalence")
    ref = wide.loc[target_name].to_numpy()
    if not np.isfinite(ref).all():
        raise EmptyInputError(f"stat_topic_mix: the target {target_name!r} has no word in the "
                              f"model's vocabulary")
    dist = {g: (float(mix_distance(ref, row.to_numpy(), metric=metric))
                if np.isfinite(row.to_numpy()).all() else np.nan) for g, row in wide.iterrows()}
    out = table.rename(columns={"group": "set", "prevalence": "proportion"})
    out["distance_to_target"] = out["set"].map(dist)
    return out[TOPIC_MIX_COLUMNS].reset_index(drop=True)


def stat_topic_map(model: TopicModel) -> pd.DataFrame:
    """Coordinates of an intertopic distance map (a static LDAvis): Jensen–Shannon distances
    between topic-word distributions, projected to two dimensions by classical
    multidimensional scaling (PCoA). ``prevalence`` is each topic's share of the training
    tokens (Σ_d θ_dk n_d / Σ_d n_d). Topic ids are the model's own. Columns
    :data:`TOPIC_MAP_COLUMNS`.
    """
    phi = model.topic_word()
    d = _js_distance_matrix(phi, phi)
    d = 0.5 * (d + d.T)
    np.fill_diagonal(d, 0.0)
    k = len(d)
    j = np.eye(k) - np.full((k, k), 1.0 / k)
    b = -0.5 * j @ (d ** 2) @ j
    vals, vecs = np.linalg.eigh(b)
    order = np.argsort(vals)[::-1][:2]
    coords = vecs[:, order] * np.sqrt(np.clip(vals[order], 0, None))
    for c in range(coords.shape[1]):  # deterministic sign: largest |value| positive
        if coords[np.argmax(np.abs(coords[:, c])), c] < 0:
            coords[:, c] *= -1
    ok = np.isfinite(model.theta).all(axis=1)
    weight = (model.theta[ok] * model.n_tokens[ok, None]).sum(axis=0)
    prevalence = weight / weight.sum()
    return pd.DataFrame({"topic": np.arange(k), "label": [model.labels[t] for t in range(k)],
                         "x": coords[:, 0], "y": coords[:, 1] if coords.shape[1] > 1 else 0.0,
                         "prevalence": prevalence}, columns=TOPIC_MAP_COLUMNS)
