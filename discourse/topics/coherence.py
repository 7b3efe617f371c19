"""Per-topic coherence of a fitted model: :func:`topic_coherence` (gensim's
:class:`~gensim.models.CoherenceModel`, always one process). The measures are described in
:mod:`discourse.topics.select`, which runs them over a grid of k and seeds.

It reads a model through its ``topic_word()``, ``terms`` and ``corpus`` only, so that
:class:`~discourse.topics.model.TopicModel` can call it without an import circle.
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
    kwargs = {"corpus": tc.bow} if measure == "u_mass" else {"texts": tc.texts}
    cm = CoherenceModel(topics=topics, dictionary=tc.dictionary, coherence=measure, topn=topn,
                        processes=1, **kwargs)
    return np.asarray(cm.get_coherence_per_topic(), dtype=np.float64)
