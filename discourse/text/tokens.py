"""The tokens stage: words (and optionally punctuation) with character offsets, and sentences.

Tokenisation policy (documented once, used everywhere):

* Matching runs on :func:`discourse.corpus.normalize.fold_typography` of the text, a
  length-preserving fold, so "Syria’s" and "Syria's" give the same token and every offset
  still points into ``Document.text``.
* A **word** is a run of letters and digits, with internal hyphens and apostrophes kept
  (``zero-sum``, ``al-assad``, ``don't``, ``covid-19``): the pattern :data:`WORD_PATTERN`,
  matched as NLTK's :class:`~nltk.tokenize.RegexpTokenizer` matches it (the same ``regex``
  engine and flags), without NLTK's wall-clock limit.
* A **possessive** ``'s`` is split off and dropped: ``Syria's`` → ``syria`` (its offsets cover
  ``Syria`` only). Other contractions stay whole (``don't``, ``it's``: see :data:`KEEP_S`).
* **Numbers** (tokens made only of digits and separators, ``2011``, ``1,000``) are kept by
  default; ``numbers="drop"`` removes them.
* **Punctuation** tokens (one character each) are dropped unless ``punct=True``.
* **Case**: lowercased unless ``lowercase=False``.
* Only **body** text is tokenised: headings, boilerplate and page furniture (see
  :meth:`Document.blocks <discourse.corpus.documents.Document.blocks>`) are left out unless
  ``include_headings=True``.
* **Stemming** (optional, ``stem=True``): NLTK's Snowball stemmer for English (Porter2),
  which needs no downloaded data.
* **Stop words** (optional, ``stopwords="default"`` or any list): the shipped Snowball
  English list, ``discourse/data/lexicons/stopwords_en.txt`` (:func:`stopwords`).

:func:`count_terms` is the fast path for counting (used by the document-term matrix): the same
policy as :func:`tokenize`, without offsets, one compiled regular expression per text.

>>> from discourse.corpus.documents import Corpus
>>> toks = tokenize(Corpus.from_texts(["Syria’s policy: cooperation, not confrontation."]))
>>> toks[0]
['syria', 'policy', 'cooperation', 'not', 'confrontation']
>>> toks.offsets[0][0]
(0, 5)
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd

from ..corpus.documents import Corpus, Document
from ..errors import InputError
from tqdm.auto import tqdm

from ..corpus.normalize import fold_typography

__all__ = ["tokenize", "Tokens", "word_spans", "count_tokens", "count_terms", "term_list", "stopwords",
           "stemmer", "WORD_PATTERN", "KEEP_S"]

_LETTER = r"[^\W_]"  # a letter or digit (texts are NFC-composed by discourse.corpus.normalize)
WORD_PATTERN = rf"{_LETTER}+(?:['\-]{_LETTER}+)*|[^\w\s]"


@cache
def _word_tokenizer():
    """:data:`WORD_PATTERN` compiled as NLTK's RegexpTokenizer compiles it (the ``regex``
    engine, its default flags) but without NLTK's 5 s wall-clock limit, which a long text
    could exceed under load (see :mod:`discourse.text.sentences`); same spans as
    ``RegexpTokenizer(WORD_PATTERN).span_tokenize``."""
    import regex

    return regex.compile(WORD_PATTERN, regex.UNICODE | regex.MULTILINE | regex.DOTALL)

_NUMBER = re.compile(r"^[\d.,:/\-]+$")
_IS_WORD = re.compile(r"\w")
#: Forms ending in 's that are contractions, not possessives, and so stay whole.
KEEP_S = frozenset({"it's", "that's", "there's", "here's", "what's", "who's", "he's", "she's",
                    "let's", "where's", "how's"})


def word_spans(text: str, *, punct: bool = False) -> list[tuple[int, int]]:
    """Character spans of the words (and punctuation if asked) of ``text``, possessives split.

    >>> word_spans("Russia’s role")
    [(0, 6), (9, 13)]
    """
    folded = fold_typography(text)
    spans = []
    for match in _word_tokenizer().finditer(folded):
        start, end = match.span()
        if not _IS_WORD.match(folded, start):
            if punct:
                spans.append((start, end))
            continue
        if end - start > 2 and folded[end - 2:end].lower() == "'s" and \
                folded[start:end].lower() not in KEEP_S:
            end -= 2
        spans.append((start, end))
    return spans


_WORDS_ONLY = re.compile(rf"{_LETTER}+(?:['\-]{_LETTER}+)*")
#: The same matches as :data:`_WORDS_ONLY` on a text without "_" (``\w`` is ``[^\W_]`` plus
#: "_"), about 12 % faster: used when the text has no underscore.
_WORDS_NO_UNDERSCORE = re.compile(r"\w+(?:['\-]\w+)*")


def count_tokens(text: str) -> int:
    """Number of word tokens (no punctuation) under the package's policy.

    >>> count_tokens("Syria’s policy: cooperation, not confrontation.")
    5
    """
    return len(_WORDS_ONLY.findall(fold_typography(text)))


@cache
def stopwords(name: str = "default") -> frozenset[str]:
    """The shipped stop word list (``"default"``: Snowball English, 174 words).

    >>> "the" in stopwords(), "sovereignty" in stopwords()
    (True, False)
    """
    from .._validation import check_choice

    check_choice("name", name, ["default"], "stopwords")
    text = resources.files("discourse.data").joinpath("lexicons", "stopwords_en.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@cache
def stemmer():
    """NLTK's Snowball (Porter2) stemmer for English; needs no downloaded data."""
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


_WORD_END = re.compile(r"[^\W_]")
_WORD_BACK = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*$")


def _drop_possessives(folded: str) -> str:
    """Remove the possessive 's of every word token (KEEP_S contractions kept), as
    :func:`word_spans` does, by visiting only the (rare) apostrophes."""
    pieces, last = [], 0
    i = folded.find("'")
    while i != -1:
        nxt = i + 2
        if (i > 0 and folded[i + 1:nxt] in ("s", "S") and _WORD_END.match(folded, i - 1)
                and not _continues(folded, nxt)):
            start = _WORD_BACK.search(folded, max(0, i - 60), i)
            word = folded[start.start() if start else i - 1:nxt].lower()
            if word not in KEEP_S:
                pieces.append(folded[last:i])
                last = nxt
        i = folded.find("'", i + 1)
    if not pieces:
        return folded
    pieces.append(folded[last:])
    return "".join(pieces)


def _continues(text: str, j: int) -> bool:
    """Does a word continue at ``j`` (a letter, or ' or - followed by a letter)?"""
    if j >= len(text):
        return False
    if _WORD_END.match(text, j):
        return True
    return text[j] in "'-" and _WORD_END.match(text, j + 1) is not None


def count_terms(text: str, *, lowercase: bool = True, numbers: str = "keep",
                stem: bool = False, stopwords: frozenset[str] | None = None) -> Counter:
    """Term counts of one (body) text under the tokenisation policy, without offsets.

    >>> count_terms("Syria’s balance, Syria's balanced policy.")
    Counter({'syria': 2, 'balance': 1, 'balanced': 1, 'policy': 1})
    """
    counts = Counter(term_list(text, lowercase=lowercase, numbers=numbers, stem=stem))
    if stopwords:
        for w in stopwords & counts.keys():
            del counts[w]
    return counts


def term_list(text: str, *, lowercase: bool = True, numbers: str = "keep",
              stem: bool = False) -> list[str]:
    """The word tokens of one (body) text, in order, without offsets (fast path).

    >>> term_list("Syria’s balanced policy, 2025.", numbers="drop")
    ['syria', 'balanced', 'policy']
    """
    folded = _drop_possessives(fold_typography(text))
    words = _WORDS_ONLY if "_" in folded else _WORDS_NO_UNDERSCORE
    if lowercase:
        low = folded.lower()
        if len(low) == len(folded):  # no character expanded ("İ" does): lowercase the text
            toks = words.findall(low)
        else:
            toks = [t.lower() for t in words.findall(folded)]
    else:
        toks = words.findall(folded)
    if numbers == "drop":
        toks = [t for t in toks if not _NUMBER.match(t)]
    if stem:
        st = stemmer().stem
        toks = [st(t) for t in toks]
    return toks


@dataclass(frozen=True)
class TokenizerSettings:
    """The settings a token stream was made with (part of every token cache key)."""

    lowercase: bool = True
    numbers: str = "keep"
    punct: bool = False
    include_headings: bool = False
    stem: bool = False
    stopwords: frozenset[str] | None = None

    def key(self) -> str:
        stop = ",".join(sorted(self.stopwords)) if self.stopwords else ""
        return f"lc={self.lowercase};num={self.numbers};punct={self.punct};" \
               f"head={self.include_headings};stem={self.stem};stop={stop};pattern={WORD_PATTERN}"


class Tokens:
    """Token streams of a corpus: one list of strings per document, with offsets.

    Attributes
    ----------
    ids : list of str
        Document ids, in corpus order.
    meta : pandas.DataFrame
        The corpus metadata table (one row per document).
    offsets : list of list of (int, int)
        Character spans of each token in ``Document.text``.
    settings : TokenizerSettings
    """

    def __init__(self, docs: Sequence[list[str]], offsets: Sequence[list[tuple[int, int]]],
                 ids: Sequence[str], meta: pd.DataFrame, settings: TokenizerSettings):
        self._docs = list(docs)
        self.offsets = list(offsets)
        self.ids = list(ids)
        self.meta = meta.reset_index(drop=True)
        self.settings = settings

    def __len__(self) -> int:
        return len(self._docs)

    def __getitem__(self, i: int) -> list[str]:
        return self._docs[i]

    def __iter__(self) -> Iterator[list[str]]:
        return iter(self._docs)

    @property
    def n_tokens(self) -> list[int]:
        """Number of tokens per document."""
        return [len(d) for d in self._docs]

    def remove(self, words: Iterable[str]) -> Tokens:
        """A new Tokens without the given word forms (e.g. a stopword list)."""
        drop = set(words)
        docs, offs = [], []
        for toks, spans in zip(self._docs, self.offsets):
            keep = [i for i, t in enumerate(toks) if t not in drop]
            docs.append([toks[i] for i in keep])
            offs.append([spans[i] for i in keep])
        return Tokens(docs, offs, self.ids, self.meta, self.settings)

    def __repr__(self) -> str:
        return f"<Tokens: {len(self)} documents, {sum(self.n_tokens)} tokens>"


def _doc_tokens(doc: Document, settings: TokenizerSettings) -> tuple[list[str], list[tuple[int, int]]]:
    folded = fold_typography(doc.text)
    st = stemmer().stem if settings.stem else None
    stop = settings.stopwords or ()
    toks, offs = [], []
    for block in doc.body_blocks(include_headings=settings.include_headings):
        for start, end in word_spans(doc.text[block.start:block.end], punct=settings.punct):
            start += block.start
            end += block.start
            tok = folded[start:end]
            if settings.numbers == "drop" and _NUMBER.match(tok) and _IS_WORD.search(tok):
                continue
            tok = tok.lower() if settings.lowercase else tok
            if st is not None and _IS_WORD.match(tok):
                tok = st(tok)
            if tok in stop:
                continue
            toks.append(tok)
            offs.append((start, end))
    return toks, offs


def _stopword_set(stopwords) -> frozenset[str] | None:
    if stopwords is None:
        return None
    if isinstance(stopwords, str):
        return globals()["stopwords"](stopwords)
    return frozenset(stopwords)


def tokenize(corpus: Corpus, *, lowercase: bool = True, numbers: str = "keep",
             punct: bool = False, include_headings: bool = False, stem: bool = False,
             stopwords: str | Iterable[str] | None = None, use_cache: bool = True,
             progress: bool = False) -> Tokens:
    """Tokenise every document of a corpus under the package's policy (module docs).

    Parameters
    ----------
    corpus : Corpus
    lowercase : bool, default=True
    numbers : {"keep", "drop"}, default="keep"
    punct : bool, default=False
        Keep punctuation characters as tokens.
    include_headings : bool, default=False
        Also tokenise section headings.
    stem : bool, default=False
        Replace each word by its Snowball stem.
    stopwords : "default", iterable of str or None, default=None
        Remove these words (after lowercasing and stemming); ``"default"`` is the shipped list.
    use_cache : bool, default=True
        Corpora of :data:`CACHE_MIN_DOCUMENTS` documents or more: read/write the token streams
        from/to the cache (Parquet), keyed by the corpus content, these settings and the
        version of the code.
    progress : bool, default=False

    Examples
    --------
    >>> from discourse.corpus.documents import Corpus
    >>> tokenize(Corpus.from_texts(["The balanced policies balance."]), stem=True,
    ...          stopwords="default")[0]
    ['balanc', 'polici', 'balanc']
    """
    from .._validation import check_choice

    if isinstance(corpus, str):
        raise InputError("tokenize expects a Corpus, got a str; wrap text with "
                         "Corpus.from_texts([text])")
    if not isinstance(corpus, Corpus):
        raise InputError(f"tokenize expects a Corpus, got {type(corpus).__name__}")
    check_choice("numbers", numbers, ["keep", "drop"], "tokenize")
    settings = TokenizerSettings(lowercase, numbers, punct, include_headings, stem,
                                 _stopword_set(stopwords))
    key = None
    if use_cache and len(corpus) >= CACHE_MIN_DOCUMENTS:
        key = _cache_key(corpus, settings)
        cached = _read_tokens(key)
        if cached is not None:
            return Tokens(*cached, corpus.ids, corpus.meta, settings)
    docs, offs = [], []
    for doc in tqdm(corpus, total=len(corpus), desc="tokenising", disable=not progress):
        t, o = _doc_tokens(doc, settings)
        docs.append(t)
        offs.append(o)
    if key is not None:
        _write_tokens(key, docs, offs)
    return Tokens(docs, offs, corpus.ids, corpus.meta, settings)


#: Corpora with at least this many documents have their token streams cached.
CACHE_MIN_DOCUMENTS = 500


def _cache_key(corpus: Corpus, settings: TokenizerSettings) -> str:
    import sys

    from ..corpus import normalize
    from ..corpus.cache import code_version

    return f"tokens|{corpus.content_hash()}|{settings.key()}|" \
           f"{code_version(sys.modules[__name__], normalize)}"


def _read_tokens(key: str):
    from ..corpus.cache import read_cached
    from ..corpus.paths import cache_dir

    frame = read_cached(cache_dir(), "tokens", key)
    if frame is None:
        return None
    docs = [list(t) for t in frame["tokens"]]
    offs = [list(zip(s.tolist(), e.tolist())) for s, e in zip(frame["starts"], frame["ends"])]
    return docs, offs


def _write_tokens(key: str, docs, offs) -> None:
    import numpy as np

    from ..corpus.cache import write_cached
    from ..corpus.paths import cache_dir

    frame = pd.DataFrame({
        "tokens": docs,
        "starts": [np.fromiter((s for s, _ in o), dtype=np.int32, count=len(o)) for o in offs],
        "ends": [np.fromiter((e for _, e in o), dtype=np.int32, count=len(o)) for o in offs]})
    write_cached(frame, cache_dir(), "tokens", key, keep_latest=8)
