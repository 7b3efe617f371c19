"""discourse: computational discourse analysis of political texts.

The pipeline, one family (subpackage) per stage::

    corpus -> text -> keywords -> rhetoric / actors / topics -> compare -> plots -> paper -> cli

Every public function is available from the top (``discourse.profile(...)``); a name is
imported from its module the first time it is used, so ``import discourse`` stays light.

>>> import discourse
>>> article = discourse.load_article()
>>> article[0].meta["outlet"]
'Middle East Monitor'
"""
from __future__ import annotations

import importlib

from ._version import __version__

#: public name -> the module (under ``discourse.``) that defines it
_EXPORTS = {
    "Corpus": "corpus.documents",
    "Document": "corpus.documents",
    "ARTICLE_ID": "corpus.datasets",
    "corpus_dir": "corpus.datasets",
    "load_article": "corpus.datasets",
    "load_articles": "corpus.datasets",
    "load_lee": "corpus.datasets",
    "stat_blocks": "text.describe",
    "stat_documents": "text.describe",
    "summarize_corpus": "text.describe",
    "CacheError": "errors",
    "CorpusFormatError": "errors",
    "DiscourseError": "errors",
    "DownloadError": "errors",
    "EmptyInputError": "errors",
    "EncodingError": "errors",
    "InputError": "errors",
    "ResourceError": "errors",
    "data_home": "corpus.paths",
    "read_csv": "corpus.readers",
    "read_file": "corpus.readers",
    "read_folder": "corpus.readers",
    "read_jsonl": "corpus.readers",
    "load_source": "corpus.sources",
    "Tokens": "text.tokens",
    "tokenize": "text.tokens",
    "load_ungdc": "corpus.ungdc",
    "ParquetCorpus": "corpus.parquet",
    "read_parquet": "corpus.parquet",
    "write_parquet": "corpus.dataset_writer",
    "PartitionError": "scale.engine",
    "use_scheduler": "scale.scheduler",
    "DocTermMatrix": "keywords.dtm",
    "to_dtm": "keywords.dtm",
    "compile_pattern": "keywords.patterns",
    "list_dictionaries": "keywords.patterns",
    "load_dictionary": "keywords.patterns",
    "keyword_frequencies": "keywords.frequencies",
    "rates_by_period": "keywords.frequencies",
    "stat_frequency": "keywords.frequencies",
    "stat_trend": "keywords.frequencies",
    "stat_keyness": "keywords.keyness",
    "format_kwic": "keywords.kwic",
    "kwic": "keywords.kwic",
    "stat_collocates": "keywords.collocations",
    "stat_collocations": "keywords.collocations",
    "stat_ngrams": "keywords.collocations",
    "sentence_table": "rhetoric.structure",
    "stat_structure": "rhetoric.structure",
    "readability": "rhetoric.readability",
    "stat_readability": "rhetoric.readability",
    "lexical_diversity": "rhetoric.diversity",
    "stat_diversity": "rhetoric.diversity",
    "load_stance_lexicon": "rhetoric.stance",
    "stance_markers": "rhetoric.stance",
    "stat_stance": "rhetoric.stance",
    "DEVICES": "rhetoric.devices",
    "detect_devices": "rhetoric.devices",
    "stat_devices": "rhetoric.devices",
    "stat_sentiment": "rhetoric.sentiment",
    "score_emotion": "rhetoric.emotion",
    "stat_emotion_trend": "rhetoric.emotion",
    "train_emotion_model": "rhetoric.emotion",
    "percentiles": "compare.percentiles",
    "profile": "rhetoric.profile",
    "Gazetteer": "actors.gazetteer",
    "load_gazetteer": "actors.gazetteer",
    "find_evaluations": "actors.evaluations",
    "stat_evaluation": "actors.square",
    "evaluative_expressions": "rhetoric.evaluative",
    "load_evaluation_lexicon": "rhetoric.evaluative",
    "find_mentions": "actors.mentions",
    "find_quotes": "actors.quotes",
    "stat_quotes": "actors.quotes",
    "attribute_stance": "actors.quotes",
    "quote_spans": "rhetoric.reported",
    "find_roles": "actors.mentions",
    "stat_actor_tone": "actors.mentions",
    "stat_cooccurrence": "actors.mentions",
    "stat_mentions": "actors.mentions",
    "stat_balance": "actors.balance",
    "stat_balance_comparison": "actors.balance",
    "fit_topics": "topics",
    "load_topic_model": "topics",
    "nearest_documents": "topics",
    "prepare_topics": "topics",
    "stat_coherence": "topics",
    "stat_stability": "topics",
    "stat_topic_map": "topics",
    "stat_topic_mix": "topics",
    "topic_prevalence": "topics",
    "download_ungdc": "corpus.download",
    "Parsed": "text.parsed",
    "fit_wordfish": "scaling",
    "fit_wordscores": "scaling",
    "fit_ca": "scaling",
    "fit_lss": "scaling",
    "parse": "text.parsed",
    "prepare_sentences": "text.parsed",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'discourse' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"discourse.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
