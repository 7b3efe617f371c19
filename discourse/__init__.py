"""discourse: computational discourse analysis of political texts.

The pipeline, one stage per module::

    corpus (Corpus, Document) -> tokens (Tokens) -> counts -> stat_* tables -> plot_* figures

>>> import discourse
>>> article = discourse.load_article()
>>> article[0].meta["outlet"]
'Middle East Monitor'
"""
from __future__ import annotations

__version__ = "0.1.0"

from .corpus import Corpus, Document
from .datasets import ARTICLE_ID, corpus_dir, load_article, load_articles, load_lee
from .describe import stat_blocks, stat_documents, summarize_corpus
from .errors import (CacheError, CorpusFormatError, DiscourseError, DownloadError, EmptyInputError,
                     EncodingError, InputError, ResourceError)
from .paths import data_home
from .readers import read_csv, read_file, read_folder, read_jsonl
from .sources import load_source
from .tokens import Tokens, tokenize
from .ungdc import load_ungdc
from .dtm import DocTermMatrix, to_dtm
from .patterns import compile_pattern, list_dictionaries, load_dictionary
from .frequencies import keyword_frequencies, rates_by_period, stat_frequency, stat_trend
from .keyness import stat_keyness
from .kwic import format_kwic, kwic
from .collocations import stat_collocates, stat_collocations, stat_ngrams
from .structure import sentence_table, stat_structure
from .readability import readability, stat_readability
from .diversity import lexical_diversity, stat_diversity
from .metadiscourse import load_stance_lexicon, stance_markers, stat_stance
from .devices import DEVICES, detect_devices, stat_devices
from .sentiment import stat_sentiment
from .emotion import score_emotion, stat_emotion_trend, train_emotion_model
from .profile import percentiles, profile
from .gazetteer import Gazetteer, load_gazetteer
from .actors import (find_evaluations, find_mentions, find_roles, stat_actor_tone,
                     stat_cooccurrence, stat_mentions)
from .balance import stat_balance, stat_balance_comparison
from .topics import (fit_topics, load_topic_model, nearest_documents, prepare_topics,
                     stat_coherence, stat_stability, stat_topic_map, stat_topic_mix,
                     topic_prevalence)


def download_ungdc(*args, **kwargs):
    """Download the UN General Debate Corpus from Harvard Dataverse (see
    :func:`discourse.download.download_ungdc`)."""
    from .download import download_ungdc as _download

    return _download(*args, **kwargs)


__all__ = [
    "__version__",
    "Corpus", "Document", "Tokens",
    "load_article", "load_articles", "load_lee", "load_ungdc", "load_source", "corpus_dir",
    "ARTICLE_ID", "read_file", "read_folder", "read_csv", "read_jsonl", "download_ungdc",
    "data_home", "tokenize", "stat_documents", "stat_blocks", "summarize_corpus",
    "DocTermMatrix", "to_dtm", "compile_pattern", "load_dictionary", "list_dictionaries",
    "keyword_frequencies", "stat_frequency", "stat_trend", "rates_by_period", "stat_keyness",
    "kwic", "format_kwic", "stat_collocations", "stat_collocates", "stat_ngrams",
    "sentence_table", "stat_structure", "readability", "stat_readability", "lexical_diversity",
    "stat_diversity", "load_stance_lexicon", "stance_markers", "stat_stance", "DEVICES",
    "detect_devices", "stat_devices", "stat_sentiment", "train_emotion_model", "score_emotion",
    "stat_emotion_trend", "profile", "percentiles",
    "Gazetteer", "load_gazetteer", "find_mentions", "find_evaluations", "find_roles",
    "stat_mentions", "stat_cooccurrence", "stat_actor_tone", "stat_balance",
    "stat_balance_comparison",
    "prepare_topics", "fit_topics", "load_topic_model", "stat_coherence", "stat_stability",
    "topic_prevalence", "stat_topic_mix", "stat_topic_map", "nearest_documents",
    "DiscourseError", "InputError", "EmptyInputError", "EncodingError", "CorpusFormatError",
    "ResourceError", "DownloadError", "CacheError",
]
