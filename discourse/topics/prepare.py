"""Preparation for topic models: words, phrases, a filtered vocabulary and bags of words.

Steps, in order (each one a setting of :class:`TopicSettings`, all part of the cache key):

1. **Words** of each document's body (headings and boilerplate left out) under the package's
   tokenisation policy (:func:`discourse.text.tokens.term_list`: lowercased, possessives split off,
   numbers dropped), words shorter than ``min_length`` characters dropped.
2. **Stop words** (the shipped Snowball English list) removed.
3. **Phrases**: gensim :class:`~gensim.models.phrases.Phrases` learns bigrams (``min_count``,
   ``threshold``, Mikolov scoring) on the words left; pairs are joined with ``_``
   (``golan_heights``) by one greedy left-to-right pass (:func:`merge_phrases`, gensim's own
   rule without connector words), used for training and for new documents alike.
4. **Procedural words** of the UN (``discourse/data/lexicons/un_procedural.txt``:
   ``assembly``, ``mr_president``, ``congratulate`` ...) removed after phrases were joined.
5. **Vocabulary**: gensim :class:`~gensim.corpora.Dictionary` with
   ``filter_extremes(no_below=min_df, no_above=max_df, keep_n=max_terms)``.
6. **Bags of words** and the ordered token-id sequences (for sliding-window coherence).

Corpora of :data:`~discourse.text.tokens.CACHE_MIN_DOCUMENTS` documents or more are cached by
content: the key is the corpus content hash, these settings and the source of the modules
involved. The cache holds plain Parquet tables (vocabulary, phrases, token ids), never pickle.

>>> from discourse.corpus.documents import Corpus
>>> tc = prepare_topics(Corpus.from_texts(["Mr. President, the Golan Heights are occupied."] * 3),
...                     min_df=1, max_df=1.0, phrase_min_count=1, phrase_threshold=0.1)
>>> tc.terms
['golan_heights', 'occupied']
"""
from __future__ import annotations

import fnmatch
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from .._validation import check_range
from ..corpus.documents import Corpus
from ..errors import EmptyInputError, InputError

__all__ = ["TopicSettings", "TopicCorpus", "prepare_topics", "bags_of_words", "procedural_words", "merge_phrases",
           "PHRASE_DELIMITER"]

PHRASE_DELIMITER = "_"


@dataclass(frozen=True)
class TopicSettings:
    """Settings of :func:`prepare_topics` (documented there); part of every cache key."""

    stopwords: bool = True
    procedural: bool = True
    phrases: bool = True
    phrase_min_count: int = 20
    phrase_threshold: float = 10.0
    min_length: int = 2
    min_df: int = 5
    max_df: float = 0.5
    max_terms: int = 20000

    def key(self) -> str:
        return ";".join(f"{k}={v}" for k, v in sorted(asdict(self).items()))

    def validate(self) -> TopicSettings:
        f = "prepare_topics"
        check_range("phrase_min_count", self.phrase_min_count, f, low=1, integer=True)
        check_range("phrase_threshold", self.phrase_threshold, f, low=0)
        check_range("min_length", self.min_length, f, low=1, integer=True)
        check_range("min_df", self.min_df, f, low=1, integer=True)
        check_range("max_df", self.max_df, f, low=0, high=1)
        if self.max_df == 0:
            raise InputError("The 'max_df' parameter of prepare_topics must be > 0. Got 0 instead.")
        check_range("max_terms", self.max_terms, f, low=1, integer=True)
        return self


@cache
def procedural_words() -> tuple[frozenset[str], re.Pattern | None]:
    """The UN's procedural vocabulary (``un_procedural.txt``): exact words and a compiled
    regular expression for its glob lines.

    >>> words, globs = procedural_words()
    >>> "mr_president" in words, "sovereignty" in words, bool(globs.match("seventy-ninth"))
    (True, False, True)
    """
    text = resources.files("discourse.data").joinpath("lexicons", "un_procedural.txt") \
        .read_text("utf-8")
    lines = [w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    exact = frozenset(w for w in lines if "*" not in w)
    globs = [fnmatch.translate(w) for w in lines if "*" in w]
    return exact, (re.compile("|".join(globs)) if globs else None)


def merge_phrases(tokens: Sequence[str], phrases: frozenset[str] | set[str]) -> list[str]:
    """Join adjacent pairs that are known phrases, greedily from the left (gensim's
    ``FrozenPhrases`` rule when there are no connector words).

    >>> merge_phrases(["occupied", "golan", "heights", "syria"], {"golan_heights"})
    ['occupied', 'golan_heights', 'syria']
    """
    if not phrases:
        return list(tokens)
    out, i, n = [], 0, len(tokens)
    while i < n:
        if i + 1 < n:
            joined = tokens[i] + PHRASE_DELIMITER + tokens[i + 1]
            if joined in phrases:
                out.append(joined)
                i += 2
                continue
        out.append(tokens[i])
        i += 1
    return out


def _words(text: str, settings: TopicSettings) -> list[str]:
    from ..corpus.documents import Document
    from ..text.parsed import parse
    from ..text.tokens import _NUMBER, stopwords

    toks = [t for t in parse(Document("text", text)).body_terms if not _NUMBER.match(t)]
    stop = stopwords() if settings.stopwords else frozenset()
    return [t for t in toks if len(t) >= settings.min_length and t not in stop]


def _drop_procedural(tokens: list[str], settings: TopicSettings) -> list[str]:
    if not settings.procedural:
        return tokens
    exact, globs = procedural_words()
    return [t for t in tokens if t not in exact and not (globs and globs.fullmatch(t))]


class TopicCorpus:
    """A corpus prepared for topic models: vocabulary, bags of words, token-id sequences.

    Attributes
    ----------
    dictionary : gensim.corpora.Dictionary
        The filtered vocabulary (ids are contiguous, ``0 .. n_terms-1``).
    docs : list of numpy.ndarray
        For each document, the ids of its in-vocabulary tokens, in text order.
    doc_ids : list of str
    meta : pandas.DataFrame
        The corpus metadata (``doc_id`` first), one row per document.
    n_words : numpy.ndarray
        Words per document after stop words and procedural words were removed (before the
        vocabulary filter): the denominator of :attr:`coverage`.
    phrases : frozenset of str
        Bigram phrases learnt on this corpus (``a_b``).
    settings : TopicSettings
    key : str
        Content key (corpus hash, settings, code version).
    """

    def __init__(self, dictionary, docs, doc_ids, meta, n_words, phrases, settings, key):
        self.dictionary = dictionary
        self.docs = list(docs)
        self.doc_ids = list(doc_ids)
        self.meta = meta.reset_index(drop=True)
        self.n_words = np.asarray(n_words, dtype=np.int64)
        self.phrases = frozenset(phrases)
        self.settings = settings
        self.key = key

    def __len__(self) -> int:
        return len(self.docs)

    def __repr__(self) -> str:
        return (f"<TopicCorpus: {len(self)} documents, {len(self.dictionary)} terms, "
                f"{len(self.phrases)} phrases>")

    @property
    def terms(self) -> list[str]:
        """The vocabulary, by term id."""
        return [self.dictionary[i] for i in range(len(self.dictionary))]

    @property
    def n_tokens(self) -> np.ndarray:
        """In-vocabulary tokens per document."""
        return np.fromiter((len(d) for d in self.docs), dtype=np.int64, count=len(self.docs))

    @property
    def coverage(self) -> np.ndarray:
        """Share of each document's words kept in the vocabulary (NaN for no words)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.n_words > 0, self.n_tokens / np.maximum(self.n_words, 1), np.nan)

    @property
    def bow(self) -> list[list[tuple[int, int]]]:
        """Bags of words (gensim format: sorted ``(term_id, count)`` pairs), one per document."""
        out = []
        for d in self.docs:
            ids, counts = np.unique(d, return_counts=True)
            out.append(list(zip(ids.tolist(), counts.tolist())))
        return out

    @property
    def texts(self) -> list[list[str]]:
        """Token sequences restricted to the vocabulary (for c_v / c_npmi coherence)."""
        terms = np.asarray(self.terms, dtype=object)
        return [terms[d].tolist() for d in self.docs]

    def term_frequency(self) -> np.ndarray:
        """Corpus frequency of each term (by id)."""
        freq = np.zeros(len(self.dictionary), dtype=np.int64)
        for d in self.docs:
            np.add.at(freq, d, 1)
        return freq

    def transform(self, corpus: Corpus):
        """Bags of words of *new* documents in this vocabulary (see :func:`bags_of_words`)."""
        return bags_of_words(corpus, self.dictionary, self.phrases, self.settings)


def bags_of_words(corpus: Corpus, dictionary, phrases, settings: TopicSettings):
    """Bags of words of documents in a fixed vocabulary, with the preparation's steps (the
    given phrases; words outside the vocabulary ignored).

    Returns ``(bows, n_known, n_words)``: gensim bags of words, the in-vocabulary tokens and
    the words (after stop and procedural words) of each document.
    """
    token2id = dictionary.token2id
    bows, known, words = [], [], []
    for text in corpus.texts:
        toks = _drop_procedural(merge_phrases(_words(text, settings), phrases), settings)
        ids = [token2id[t] for t in toks if t in token2id]
        bows.append(sorted(Counter(ids).items()))
        known.append(len(ids))
        words.append(len(toks))
    return bows, np.asarray(known, dtype=np.int64), np.asarray(words, dtype=np.int64)


def prepare_topics(corpus: Corpus, *, stopwords: bool = True, procedural: bool = True,
                   phrases: bool = True, phrase_min_count: int = 20, phrase_threshold: float = 10.0,
                   min_length: int = 2, min_df: int = 5, max_df: float = 0.5,
                   max_terms: int = 20000, use_cache: bool = True,
                   progress: bool = False, scheduler=None) -> TopicCorpus:
    """Prepare a corpus for topic models (steps in the module docs).

    Parameters
    ----------
    corpus : Corpus
    stopwords : bool, default=True
        Remove the shipped Snowball English stop words.
    procedural : bool, default=True
        Remove the UN's procedural vocabulary (:func:`procedural_words`).
    phrases : bool, default=True
        Learn and join bigram phrases (gensim ``Phrases``).
    phrase_min_count : int, default=20
        Minimum count of a bigram (gensim ``min_count``).
    phrase_threshold : float, default=10.0
        Score threshold of gensim's default (Mikolov) scorer.
    min_length : int, default=2
        Drop words shorter than this (characters).
    min_df : int, default=5
        Keep terms in at least this many documents (``no_below``).
    max_df : float, default=0.5
        Keep terms in at most this share of documents (``no_above``).
    max_terms : int, default=20000
        Keep at most this many terms, the most frequent (``keep_n``).
    use_cache : bool, default=True
    progress : bool, default=False
    scheduler : None, "processes", "tcp://host:port" or a distributed.Client, optional
        Where step 1 (each document's words) runs (:mod:`discourse.scale.scheduler`); the
        words come back as integer ids and the later steps run here on them, so the result
        is the same.

    Raises
    ------
    EmptyInputError
        The corpus is empty, or no term survives the filters (the message says which to relax).

    Examples
    --------
    >>> from discourse.corpus.documents import Corpus
    >>> tc = prepare_topics(Corpus.from_texts(["Peace and sovereignty.", "Sovereignty now."]),
    ...                     min_df=2, max_df=1.0)
    >>> tc.terms, tc.bow
    (['sovereignty'], [[(0, 1)], [(0, 1)]])
    """
    if not isinstance(corpus, Corpus):
        raise InputError(f"prepare_topics expects a Corpus, got {type(corpus).__name__}")
    if len(corpus) == 0:
        raise EmptyInputError("prepare_topics: the corpus has no documents")
    settings = TopicSettings(stopwords, procedural, phrases, phrase_min_count, phrase_threshold,
                             min_length, min_df, max_df, max_terms).validate()
    from ..corpus.parquet import is_lazy
    from ..text.tokens import CACHE_MIN_DOCUMENTS

    cacheable = use_cache and len(corpus) >= CACHE_MIN_DOCUMENTS and not is_lazy(corpus)
    key = None if is_lazy(corpus) else _cache_key(corpus, settings)  # lazy: from its words
    if cacheable:
        cached = _read(key, corpus, settings)
        if cached is not None:
            return cached
    tc = _build(corpus, settings, key, progress, scheduler)
    if cacheable:
        _write(tc)
    return tc


class _Vocabulary:
    """Words as integer ids: every distinct word is held once, a document as an array of
    4-byte ids (#13: the UN corpus's 30 million tokens as Python strings took 3 GiB)."""

    def __init__(self):
        self.strings: list[str] = []
        self.ids: dict[str, int] = {}

    def encode(self, words: Sequence[str]) -> np.ndarray:
        ids, strings = self.ids, self.strings
        out = np.empty(len(words), dtype=np.int32)
        for k, w in enumerate(words):
            i = ids.get(w)
            if i is None:
                i = ids[w] = len(strings)
                strings.append(w)
            out[k] = i
        return out

    def decode(self, arr: np.ndarray) -> list[str]:
        strings = self.strings
        return [strings[i] for i in arr.tolist()]

    def documents(self, docs: list[np.ndarray]):
        """The documents as lists of words, one at a time (an iterable gensim can read)."""
        vocab = self

        class _Stream:
            def __iter__(self):
                return (vocab.decode(d) for d in docs)

            def __len__(self):
                return len(docs)

        return _Stream()


def _words_batch(batch: Corpus, settings: TopicSettings):
    """Step 1 (words, stop words) of a batch of documents, as ids into a batch vocabulary."""
    vocab = _Vocabulary()
    return vocab.strings, [vocab.encode(_words(t, settings)) for t in batch.texts]


def _encoded_words(corpus: Corpus, settings: TopicSettings, scheduler, progress: bool):
    """Every document's words (step 1) as ids into one vocabulary, here or partition by
    partition on a cluster (:mod:`discourse.scale.engine`), in corpus order."""
    from ..scale.engine import plan

    vocab = _Vocabulary()
    run = plan(corpus, scheduler)
    if run is None:
        texts = tqdm(corpus.texts, desc="topics: words", disable=not progress)
        return vocab, [vocab.encode(_words(t, settings)) for t in texts]
    docs, ids = [], []
    for (strings, arrays), batch_ids in run.map(
            _words_batch_with_ids, args=(settings,), desc="topics: words", progress=progress,
            combine=lambda parts: [((s, a), i) for s, a, i in parts]):
        lookup = vocab.encode(strings)  # batch id -> corpus id
        docs += [lookup[a] if len(a) else a for a in arrays]
        ids += batch_ids
    order = run.order_of(ids)
    if order is not None:
        docs = [docs[i] for i in order]
    return vocab, docs


def _words_batch_with_ids(batch: Corpus, settings: TopicSettings):
    strings, arrays = _words_batch(batch, settings)
    return strings, arrays, batch.ids


def _build(corpus: Corpus, settings: TopicSettings, key: str, progress: bool,
           scheduler=None) -> TopicCorpus:
    from gensim.corpora import Dictionary

    vocab, words = _encoded_words(corpus, settings, scheduler, progress)
    if key is None:  # a lazy corpus: its texts were never here, its words are
        from ..corpus.cache import hash_bytes

        key = (f"topicprep|words|{hash_bytes(*corpus.ids, *vocab.strings, *(w.tobytes() for w in words))}"
               f"|{settings.key()}")
    phrase_set: frozenset[str] = frozenset()
    if settings.phrases:
        phrase_set = _learn_phrases(vocab.documents(words), settings)
    words = [vocab.encode(_drop_procedural(merge_phrases(vocab.decode(w), phrase_set), settings))
             for w in words]
    n_words = [len(w) for w in words]
    dictionary = Dictionary(vocab.documents(words))
    dictionary.filter_extremes(no_below=settings.min_df, no_above=settings.max_df,
                               keep_n=settings.max_terms)
    if len(dictionary) == 0:
        raise EmptyInputError(
            f"prepare_topics: no term is left after filtering {len(corpus)} documents "
            f"(min_df={settings.min_df}, max_df={settings.max_df}); lower min_df or raise "
            f"max_df, or give a larger corpus")
    dictionary = _sorted_dictionary(dictionary)
    token2id = dictionary.token2id
    lookup = np.array([token2id.get(t, -1) for t in vocab.strings] or [-1], dtype=np.int64)
    docs = []
    for w in words:
        ids = lookup[w]
        docs.append(ids[ids >= 0].astype(np.int32))
    return TopicCorpus(dictionary, docs, corpus.ids, corpus.meta, n_words, phrase_set, settings, key)


def _learn_phrases(words, settings: TopicSettings) -> frozenset[str]:
    from gensim.models.phrases import Phrases

    model = Phrases(words, min_count=settings.phrase_min_count,
                    threshold=settings.phrase_threshold, delimiter=PHRASE_DELIMITER)
    return frozenset(model.freeze().phrasegrams)


def _sorted_dictionary(dictionary):
    """A Dictionary whose ids follow the terms' alphabetical order (stable across runs)."""
    terms = sorted(dictionary.token2id)
    return _make_dictionary(terms, [dictionary.dfs[dictionary.token2id[t]] for t in terms],
                            [dictionary.cfs.get(dictionary.token2id[t], 0) for t in terms],
                            dictionary.num_docs)


def _make_dictionary(terms, dfs, cfs, num_docs):
    from gensim.corpora import Dictionary

    d = Dictionary()
    d.token2id = {t: i for i, t in enumerate(terms)}
    d.id2token = dict(enumerate(terms))
    d.dfs = {i: int(x) for i, x in enumerate(dfs)}
    d.cfs = {i: int(x) for i, x in enumerate(cfs)}
    d.num_docs = int(num_docs)
    d.num_pos = int(sum(cfs))
    d.num_nnz = int(sum(dfs))
    return d


def vocabulary_frame(tc: TopicCorpus) -> pd.DataFrame:
    """The vocabulary as a plain table (``term_id``, ``term``, ``df``, ``cf``)."""
    d = tc.dictionary
    n = len(d)
    return pd.DataFrame({"term_id": np.arange(n, dtype=np.int32),
                         "term": [d[i] for i in range(n)],
                         "df": [d.dfs.get(i, 0) for i in range(n)],
                         "cf": [d.cfs.get(i, 0) for i in range(n)]})


def dictionary_from_frame(frame: pd.DataFrame, num_docs: int):
    """Rebuild the gensim Dictionary from :func:`vocabulary_frame` output."""
    frame = frame.sort_values("term_id")
    if not np.array_equal(frame["term_id"].to_numpy(), np.arange(len(frame))):
        raise InputError("vocabulary table: term ids are not contiguous")
    return _make_dictionary(frame["term"].tolist(), frame["df"].tolist(), frame["cf"].tolist(),
                            num_docs)


def _cache_key(corpus: Corpus, settings: TopicSettings) -> str:
    from ..corpus import normalize
    from ..text import parsed, tokens
    from ..corpus.cache import code_version

    return (f"topicprep|{corpus.content_hash()}|{settings.key()}|"
            f"{code_version(sys.modules[__name__], tokens, parsed, normalize)}|{_lexicon_hash()}")


@cache
def _lexicon_hash() -> str:
    from ..corpus.cache import hash_bytes

    root = resources.files("discourse.data").joinpath("lexicons")
    return hash_bytes(root.joinpath("un_procedural.txt").read_bytes(),
                      root.joinpath("stopwords_en.txt").read_bytes())[:16]


def _read(key: str, corpus: Corpus, settings: TopicSettings) -> TopicCorpus | None:
    from ..corpus.cache import read_cached
    from ..corpus.paths import cache_dir

    docs = read_cached(cache_dir(), "topicdocs", key)
    vocab = read_cached(cache_dir(), "topicvocab", key)
    phr = read_cached(cache_dir(), "topicphrases", key)
    if docs is None or vocab is None or phr is None or len(docs) != len(corpus):
        return None
    dictionary = dictionary_from_frame(vocab, len(corpus))
    ids = [np.asarray(d, dtype=np.int32) for d in docs["ids"]]
    return TopicCorpus(dictionary, ids, corpus.ids, corpus.meta, docs["n_words"].to_numpy(),
                       phr["phrase"].tolist(), settings, key)


def _write(tc: TopicCorpus) -> None:
    from ..corpus.cache import write_cached
    from ..corpus.paths import cache_dir

    d = cache_dir()
    write_cached(pd.DataFrame({"ids": tc.docs, "n_words": tc.n_words}), d, "topicdocs", tc.key,
                 keep_latest=4)
    write_cached(vocabulary_frame(tc), d, "topicvocab", tc.key, keep_latest=4)
    write_cached(pd.DataFrame({"phrase": sorted(tc.phrases)}, dtype=object), d, "topicphrases",
                 tc.key, keep_latest=4)

