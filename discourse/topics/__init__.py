"""Topic models of a corpus, with new documents (the article) placed in them.

The stages, one module each:

* :mod:`~discourse.topics.prepare` — words, stop words and the UN's procedural vocabulary,
  gensim ``Phrases`` bigrams, a filtered vocabulary, bags of words (cached by content):
  :func:`prepare_topics` → :class:`TopicCorpus`;
* :mod:`~discourse.topics.model` — :func:`fit_topics` (LDA, NMF, LSI) → :class:`TopicModel`
  with ``top_terms()``, ``doc_topics()``, ``infer()``, ``labels``;
* :mod:`~discourse.topics.select` — choosing k: :func:`stat_coherence`,
  :func:`stat_stability`, :func:`match_topics`;
* :mod:`~discourse.topics.place` — :func:`topic_prevalence`, :func:`nearest_documents`,
  :func:`stat_topic_mix`, :func:`stat_topic_map`;
* :mod:`~discourse.topics.store` — :meth:`TopicModel.save` / :func:`load_topic_model`
  (SHA-256 checked, cache-only unless ``trust=True``).

See ``docs/topics.md``.

May import: :mod:`discourse.corpus`, :mod:`discourse.text`, :mod:`discourse.keywords` and the
base modules.
"""
from .model import (DOC_TOPIC_COLUMNS, MIN_DOCUMENTS, TOP_TERM_COLUMNS, TOPIC_MODELS, TopicModel,
                    load_topic_model,
                    check_topic_parameters, fit_topics)
from .place import (DISTANCE_METRICS, NEAREST_COLUMNS, PREVALENCE_COLUMNS, TOPIC_MAP_COLUMNS,
                    TOPIC_MIX_COLUMNS, mix_distance, nearest_documents, stat_topic_map,
                    stat_topic_mix, topic_prevalence)
from .prepare import TopicCorpus, TopicSettings, merge_phrases, prepare_topics, procedural_words
from .select import (COHERENCE_COLUMNS, COHERENCE_MEASURES, MATCH_COLUMNS, STABILITY_COLUMNS,
                     match_topics, stat_coherence, stat_stability)
from .store import save_topic_model

__all__ = ["prepare_topics", "TopicCorpus", "TopicSettings", "procedural_words", "merge_phrases",
           "fit_topics", "TopicModel", "check_topic_parameters", "TOPIC_MODELS",
           "TOP_TERM_COLUMNS", "DOC_TOPIC_COLUMNS", "MIN_DOCUMENTS",
           "stat_coherence", "stat_stability", "match_topics", "COHERENCE_MEASURES",
           "COHERENCE_COLUMNS", "STABILITY_COLUMNS", "MATCH_COLUMNS",
           "topic_prevalence", "nearest_documents", "stat_topic_mix", "stat_topic_map",
           "mix_distance", "DISTANCE_METRICS", "PREVALENCE_COLUMNS", "NEAREST_COLUMNS",
           "TOPIC_MIX_COLUMNS", "TOPIC_MAP_COLUMNS", "save_topic_model", "load_topic_model"]
