"""Per-topic coherence of a fitted model: :func:`topic_coherence` (gensim's
:class:`~gensim.models.CoherenceModel`, always one process). The measures are described in
:mod:`discourse.topics.select`, which runs them over a grid of k and seeds.

It reads a model through its ``topic_word()``, ``terms`` and ``corpus`` only, so that
:class:`~discourse.topics.model.TopicModel` can call it without an import circle.

Coherence over a corpus of 100 documents or more is cached (a Parquet cache entry, see
:mod:`discourse.corpus.cache`) keyed by the topics' top terms, the measure, ``topn``, the
prepared corpus's content key, gensim's version and this module's source: the k grid of a warm
``discourse figures`` neither refits (:mod:`discourse.topics.store`) nor recounts.
"""
from __future__ import annotations

import numpy as np

from .._validation import check_choice, check_range
from ..errors import InputError

__all__ = ["topic_coherence", "COHERENCE_MEASURES"]

COHERENCE_MEASURES = ("c_v", "c_npmi", "u_mass")


def topic_coherence(model, measure: str = "c_npmi", *, topn: int = 10,
                    corpus=None) -> np.ndarray:
    """Per-topic coherence of a fitted model (see the module docs); NaN where gensim
    cannot compute it (no co-occurrence)."""
    from gensim.models import CoherenceModel

    check_choice("measure", measure, COHERENCE_MEASURES, "topic_coherence")
    check_range("topn", topn, "topic_coherence", low=2, integer=True)
    tc = corpus if corpus is not None else model.corpus
    if tc is None:
        raise InputError("topic_coherence: this model was loaded without its corpus; pass "
                         "corpus=prepare_topics(...) with the training corpus")
    phi = model.topic_word()
    terms = np.asarray(model.terms, dtype=object)
    topics = [terms[np.argsort(-row, kind="stable")[:topn]].tolist() for row in phi]
    key = _cache_key(tc, topics, measure, topn)
    cached = _read(key, len(topics)) if key is not None else None
    if cached is not None:
        return cached
    kwargs = {"corpus": tc.bow} if measure == "u_mass" else {"texts": tc.texts}
    cm = CoherenceModel(topics=topics, dictionary=tc.dictionary, coherence=measure, topn=topn,
                        processes=1, **kwargs)
    per = np.asarray(cm.get_coherence_per_topic(), dtype=np.float64)
    if key is not None:
        _write(key, per)
    return per


def _cache_key(tc, topics, measure: str, topn: int) -> str | None:
    import json
    import sys

    import gensim

    from ..corpus.cache import code_version, hash_bytes
    from .store import FIT_CACHE_MIN_DOCUMENTS

    if len(tc) < FIT_CACHE_MIN_DOCUMENTS or not getattr(tc, "key", None):
        return None
    return hash_bytes("coherence", tc.key, measure, str(topn), json.dumps(topics),
                      gensim.__version__, code_version(sys.modules[__name__]))


def _read(key: str, k: int):
    from ..corpus.cache import read_cached
    from ..corpus.paths import cache_dir

    frame = read_cached(cache_dir(), "coherence", key)
    if frame is None or len(frame) != k:
        return None
    return frame["coherence"].to_numpy(dtype=np.float64)


def _write(key: str, per: np.ndarray) -> None:
    import pandas as pd

    from ..corpus.cache import write_cached
    from ..corpus.paths import cache_dir
    from ..errors import CacheError

    try:
        write_cached(pd.DataFrame({"coherence": per}), cache_dir(), "coherence", key,
                     keep_latest=512)
    except CacheError:  # a cache that cannot be written only costs a recount
        pass
