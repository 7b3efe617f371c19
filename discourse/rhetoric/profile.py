"""One row per document with every rhetoric metric: :func:`profile` (the article placed in a
comparison distribution is :func:`discourse.compare.percentiles.percentiles`).

A profile joins, on ``doc_id``, the tables of

* :func:`discourse.rhetoric.structure.stat_structure` — sentence and paragraph lengths, questions,
  exclamations (its ``n_tokens``, the words inside sentences, is the size every rate rests on);
* :func:`discourse.rhetoric.readability.stat_readability` — the seven readability formulas;
* :func:`discourse.rhetoric.diversity.stat_diversity` — TTR, root TTR, MATTR, MSTTR, MTLD, HD-D;
* :func:`discourse.rhetoric.stance.stat_stance` — hedges, boosters, attitude markers,
  self-mentions, engagement markers, modals by strength, negation, person reference
  (the author's markers: counts and rates per 1,000 of the author's words, quotations and
  reported speech left out);
* :func:`discourse.rhetoric.devices.stat_devices` — contrasts (and each contrast kind:
  antithesis, instead, rather than, correction), concessions, balanced pairs, tricolons,
  anaphora, epistrophe, rhetorical questions (counts and rates per 1,000 words);
* :func:`discourse.rhetoric.sentiment.stat_sentiment` — VADER, mean over sentences;
* :func:`discourse.rhetoric.reported.stat_quoted` — quotations and reported speech (counts,
  rate per 1,000 words, shares of the words that are other people's);
* :func:`discourse.rhetoric.evaluative.stat_evaluative` — evaluative words and phrases (praise
  and blame), positive and negative, per 1,000 words, and how many were negated (whom they
  evaluate, and the text's own side against the others, is
  :func:`discourse.actors.square.square_rates`, in
  :func:`discourse.compare.metrics.stat_comparison_metrics`: the actors family sits above
  this one);
* optionally :func:`discourse.rhetoric.emotion.score_emotion` — the emotion–reason index, given a
  trained :class:`~discourse.rhetoric.emotion.EmotionModel`.

Every column is snake_case and numeric except ``doc_id``; :data:`PROFILE_GROUPS` says which
component each column comes from. A column name that two components share (their token
counts) is kept once, from the first component, and the others' are prefixed with the
component name (``readability_n_words`` ...).

Large corpora (:data:`PARALLEL_MIN_DOCUMENTS` documents or more) are profiled on all cores, in
chunks of documents, with a progress bar, and the table is cached by the corpus content and
the version of every module involved.

>>> from discourse.corpus.documents import Corpus
>>> row = profile(Corpus.from_texts(["We will act. We will not wait, we will not fail!"]))
>>> int(row["n_sentences"].iloc[0]), int(row["n_exclamations"].iloc[0])
(2, 1)
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable

import pandas as pd
from tqdm.auto import tqdm

from ..corpus.documents import Corpus, Document, as_corpus
from ..errors import EmptyInputError

__all__ = ["profile", "PROFILE_COLUMNS", "PROFILE_GROUPS", "KEY_METRICS",
           "PARALLEL_MIN_DOCUMENTS", "profile_components"]

#: Corpora with at least this many documents are profiled in parallel and cached.
PARALLEL_MIN_DOCUMENTS = 200
_CHUNK = 48

#: A readable subset of the profile for figures: one or two metrics per component.
KEY_METRICS = ["sentence_tokens_mean", "flesch_reading_ease", "dale_chall", "mattr", "mtld",
               "hedges_per_1k", "boosters_per_1k", "attitude_markers_per_1k",
               "engagement_markers_per_1k", "self_mentions_per_1k", "modal_high_per_1k",
               "negation_per_1k", "first_person_plural_per_1k", "contrast_per_1k",
               "concession_per_1k", "tricolon_per_1k", "anaphora_per_1k", "rhetorical_question_per_1k",
               "sentiment_compound", "share_negative_sentences", "evaluations_positive_per_1k",
               "evaluations_negative_per_1k"]

#: The profile's columns, in order, by the component that computes them (the emotion columns
#: only with an ``emotion_model``). A test checks that :func:`profile` returns exactly these.
PROFILE_COLUMNS: dict[str, list[str]] = {
    "structure": [
        "n_tokens", "n_sentences", "n_paragraphs", "sentence_tokens_mean",
        "sentence_tokens_median", "sentence_tokens_sd", "sentence_tokens_p90",
        "sentence_tokens_max", "share_long_sentences", "paragraph_sentences_mean",
        "paragraph_tokens_mean", "n_questions", "n_exclamations", "share_questions",
        "share_exclamations",
    ],
    "readability": [
        "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau",
        "ari", "dale_chall", "readability_n_sentences", "n_words", "n_syllables", "n_characters",
        "n_polysyllables", "n_difficult_words", "n_words_by_rules",
    ],
    "diversity": [
        "ttr", "root_ttr", "mattr", "msttr", "mtld", "hdd", "diversity_n_tokens", "n_types",
    ],
    "stance": [
        "stance_n_tokens", "n_author_tokens", "hedges_count", "hedges_per_1k", "boosters_count", "boosters_per_1k",
        "attitude_markers_count", "attitude_markers_per_1k", "self_mentions_count",
        "self_mentions_per_1k", "engagement_markers_count", "engagement_markers_per_1k",
        "modal_high_count", "modal_high_per_1k", "modal_medium_count", "modal_medium_per_1k",
        "modal_low_count", "modal_low_per_1k", "negation_count", "negation_per_1k",
        "first_person_plural_count", "first_person_plural_per_1k", "third_person_count",
        "third_person_per_1k", "first_vs_third",
    ],
    "devices": [
        "devices_n_tokens", "devices_n_sentences", "contrast_count", "contrast_per_1k",
        "contrast_antithesis_count", "contrast_antithesis_per_1k", "contrast_instead_count",
        "contrast_instead_per_1k", "contrast_rather_than_count", "contrast_rather_than_per_1k",
        "contrast_correction_count", "contrast_correction_per_1k", "concession_count",
        "concession_per_1k", "balanced_pair_count", "balanced_pair_per_1k", "tricolon_count",
        "tricolon_per_1k", "anaphora_count", "anaphora_per_1k", "epistrophe_count",
        "epistrophe_per_1k", "rhetorical_question_count", "rhetorical_question_per_1k",
    ],
    "sentiment": [
        "sentiment_compound", "sentiment_compound_sd", "share_positive_sentences",
        "share_negative_sentences",
    ],
    "quotes": [
        "n_quotes", "n_direct_quotes", "n_reported_speech", "quotes_per_1k",
        "share_words_quoted", "share_words_direct",
    ],
    "evaluation": [
        "evaluations_n_tokens", "evaluations_count", "evaluations_per_1k",
        "evaluations_positive_count", "evaluations_positive_per_1k",
        "evaluations_negative_count", "evaluations_negative_per_1k",
        "evaluations_negated_count",
    ],
    "emotion": [
        "emotion_n_in_vocab", "affect_similarity", "reason_similarity", "emotionality",
        "emotionality_z",
    ],
}

#: column name -> component name (a static table, the same in every process).
PROFILE_GROUPS: dict[str, str] = {c: g for g, cs in PROFILE_COLUMNS.items() for c in cs}


def _sentiment(corpus: Corpus) -> pd.DataFrame:
    from .sentiment import stat_sentiment

    t = stat_sentiment(corpus, by="document")
    return pd.DataFrame({"doc_id": t["doc_id"], "sentiment_compound": t["compound"],
                         "sentiment_compound_sd": t["compound_sd"],
                         "share_positive_sentences": t["share_positive"],
                         "share_negative_sentences": t["share_negative"]})


def profile_components() -> list[tuple[str, Callable[[Corpus], pd.DataFrame]]]:
    """The components of a profile, in column order: ``(name, function of a Corpus)``."""
    from .devices import stat_devices
    from .diversity import stat_diversity
    from .reported import stat_quoted
    from .evaluative import stat_evaluative
    from .stance import stat_stance
    from .readability import stat_readability
    from .structure import stat_structure

    return [("structure", stat_structure), ("readability", stat_readability),
            ("diversity", stat_diversity), ("stance", stat_stance), ("devices", stat_devices),
            ("sentiment", _sentiment), ("quotes", stat_quoted),
            ("evaluation", stat_evaluative)]


def _profile_chunk(items: list[tuple[str, str]]) -> pd.DataFrame:
    corpus = Corpus.from_documents([Document(i, t) for i, t in items])
    return _join([(name, func(corpus)) for name, func in profile_components()])


def _profile_batch(batch: Corpus) -> pd.DataFrame:
    """The profile of a batch of documents in chunks of :data:`_CHUNK`, as the local path
    computes a corpus (what a cluster task runs, see :mod:`discourse.scale.engine`)."""
    items = [(d.id, d.text) for d in batch]
    return pd.concat([_profile_chunk(items[i:i + _CHUNK]) for i in range(0, len(items), _CHUNK)],
                     ignore_index=True)


def _profile_emotion_batch(batch: Corpus, emotion_model) -> pd.DataFrame:
    """:func:`_profile_batch` with the emotion columns, joined as :func:`profile` joins them."""
    from .emotion import score_emotion

    emo = score_emotion(emotion_model, batch)
    emo = emo.drop(columns=["n_tokens"]).rename(columns={"n_in_vocab": "emotion_n_in_vocab"})
    return _profile_batch(batch).merge(emo, on="doc_id", how="left", validate="one_to_one")


def _join(tables: list[tuple[str, pd.DataFrame]]) -> pd.DataFrame:
    out = None
    for name, table in tables:
        table = table.reset_index(drop=True)
        if out is None:
            out = table
            continue
        if list(table["doc_id"]) != list(out["doc_id"]):
            raise RuntimeError(f"profile: component {name!r} returned documents in another order")
        renames = {c: f"{name}_{c}" for c in table.columns if c != "doc_id" and c in out.columns}
        table = table.rename(columns=renames).drop(columns="doc_id")
        out = pd.concat([out, table], axis=1)
    return out


_MODULES = ("rhetoric.devices", "rhetoric.phrases", "rhetoric.contrasts", "rhetoric.concessions",
            "rhetoric.pairs", "rhetoric.series", "rhetoric.repetition", "rhetoric.diversity",
            "rhetoric.stance", "rhetoric.reported", "rhetoric.evaluative", "corpus.normalize",
            "rhetoric.readability", "text.sentences", "rhetoric.sentiment", "rhetoric.structure",
            "text.syllables", "text.tokens", "text.parsed")


def _cache_key(corpus: Corpus) -> str:
    import importlib

    from ..corpus.cache import code_version

    import hashlib
    from importlib import resources

    modules = [importlib.import_module(f"discourse.{m}") for m in _MODULES]
    version = code_version(sys.modules[__name__], *modules)
    lexicons = hashlib.sha256()  # the word lists are part of the measures too
    for entry in sorted(resources.files("discourse.data").joinpath("lexicons").iterdir(),
                        key=lambda p: p.name):
        if entry.name.endswith((".yaml", ".txt")):
            lexicons.update(entry.name.encode() + entry.read_bytes())
    return f"profile|{corpus.content_hash()}|{version}|{lexicons.hexdigest()[:16]}"


def profile(corpus: Corpus | Document | str, *, emotion_model=None, progress: bool = True,
            n_jobs: int | None = None, use_cache: bool = True, scheduler=None,
            out=None) -> pd.DataFrame:
    """Every rhetoric metric, one tidy row per document (see the module docs).

    Parameters
    ----------
    corpus : Corpus, Document or str
    emotion_model : EmotionModel, optional
        Adds the emotion–reason columns (:func:`discourse.rhetoric.emotion.score_emotion`).
    progress : bool, default=True
    n_jobs : int, optional
        Processes for large corpora (default: all cores).
    use_cache : bool, default=True
    scheduler : None, "processes", "tcp://host:port" or a distributed.Client, optional
        Where to compute (:mod:`discourse.scale.scheduler`; default ``$DISCOURSE_SCHEDULER``,
        else here). On a cluster every partition is profiled by the same function as here,
        so the table is identical; a lazy corpus (:func:`discourse.read_parquet`) is never
        read whole.
    out : folder or URI, optional
        Write the table as Parquet files instead of returning it: each partition's rows are
        written by the task that computed them (``<out>/part-NNNNN.parquet``, rows in
        partition order), so a table larger than memory never reaches this process. Returns
        the folder; read it with ``pandas.read_parquet(out)``.

    Returns
    -------
    DataFrame
        ``doc_id`` and one numeric column per metric (or the folder, with ``out``).

    Example
    -------
    >>> import discourse
    >>> table = profile(discourse.load_ungdc())     # doctest: +SKIP
    """
    from ..corpus.parquet import is_lazy
    from ..scale.engine import plan

    corpus = corpus if is_lazy(corpus) else as_corpus(corpus, "profile")
    run = plan(corpus, scheduler, always=out is not None)
    if len(corpus) == 0:
        raise EmptyInputError("profile: the corpus has no documents")
    if out is not None:
        func, shared = ((_profile_batch, ()) if emotion_model is None
                        else (_profile_emotion_batch, (emotion_model,)))
        run.map(func, shared=shared, out=out, desc="profiling", progress=progress, combine=sum)
        return out
    large = len(corpus) >= PARALLEL_MIN_DOCUMENTS
    table = None
    key = _cache_key(corpus) if (use_cache and large and not is_lazy(corpus)) else None
    if key is not None:
        from ..corpus.cache import read_cached
        from ..corpus.paths import cache_dir

        table = read_cached(cache_dir(), "profile", key)
    cached = table is not None
    if table is None and run is not None:
        table = run.map(_profile_batch, desc="profiling", progress=progress,
                        combine=lambda parts: run.in_order(pd.concat(parts, ignore_index=True)))
    if table is None:
        items = [(d.id, d.text) for d in corpus]
        chunks = [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)]
        jobs = n_jobs or os.cpu_count() or 1
        if large and jobs > 1:
            from concurrent.futures import ProcessPoolExecutor

            # load the dictionaries and lexicons once here: forked workers inherit them
            _profile_chunk([("warm-up", "We act. They wait?")])

            with ProcessPoolExecutor(max_workers=jobs) as pool:
                parts = list(tqdm(pool.map(_profile_chunk, chunks), total=len(chunks),
                                  desc="profiling", unit=f"×{_CHUNK} docs", disable=not progress))
        else:
            parts = [_profile_chunk(c) for c in tqdm(chunks, desc="profiling",
                                                     disable=not (progress and large))]
        table = pd.concat(parts, ignore_index=True)
    if key is not None and not cached:
        from ..corpus.cache import write_cached
        from ..corpus.paths import cache_dir

        write_cached(table, cache_dir(), "profile", key, keep_latest=16)
    if emotion_model is not None:
        from .emotion import score_emotion

        emo = score_emotion(emotion_model, corpus, scheduler=scheduler)
        emo = emo.drop(columns=["n_tokens"]).rename(columns={"n_in_vocab": "emotion_n_in_vocab"})
        table = table.merge(emo, on="doc_id", how="left", validate="one_to_one")
    return table

