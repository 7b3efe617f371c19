"""N-grams, collocations and the collocates of a node word.

* :func:`stat_collocations` — bigrams scored with NLTK's association measures
  (:class:`nltk.metrics.BigramAssocMeasures`: PMI, log-likelihood ratio, Student's t, χ²),
  after a minimum frequency filter; ``window`` > 2 counts pairs within that many tokens.
* :func:`stat_ngrams` — the most frequent n-grams.
* :func:`stat_collocates` — AntConc's Collocate tool: words within ``span`` tokens left and
  right of a node pattern, with observed and expected co-occurrence (``E = f(node) · f(c) ·
  span_size / N``), mutual information ``log2(O/E)``, t-score ``(O − E)/sqrt(O)`` and the
  log-likelihood G² of the 2×2 table (collocate in / out of the node's spans).

Sentences and documents are not crossed: pairs are counted within each document's body.

>>> from discourse.corpus.documents import Corpus
>>> corp = Corpus.from_texts(["national interests and national interests again",
...                           "the national interests of states"])
>>> stat_collocations(corp, min_count=2)[["w1", "w2", "count"]].values.tolist()
[['national', 'interests', 3]]
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd
from nltk.collocations import BigramCollocationFinder
from nltk.metrics import BigramAssocMeasures

from .._validation import check_range
from ..corpus.documents import Corpus
from ..errors import EmptyInputError, InputError
from .keyness import keyness_from_counts
from .patterns import compile_patterns
from ..text.tokens import stopwords as shipped_stopwords, tokenize

__all__ = ["stat_collocations", "stat_ngrams", "stat_collocates", "COLLOCATION_COLUMNS",
           "COLLOCATE_COLUMNS"]

COLLOCATION_COLUMNS = ["w1", "w2", "count", "count_w1", "count_w2", "pmi", "llr", "t_score",
                       "chi2"]
COLLOCATE_COLUMNS = ["collocate", "count", "count_left", "count_right", "freq_collocate",
                     "expected", "mi", "t_score", "g2"]


def _token_lists(corpus, stopwords):
    if not isinstance(corpus, Corpus):
        raise InputError(f"expected a Corpus, got {type(corpus).__name__}")
    toks = tokenize(corpus, numbers="drop")
    stop = shipped_stopwords() if stopwords == "default" else frozenset(stopwords or ())
    return [list(t) for t in toks], stop


def stat_collocations(corpus: Corpus, *, min_count: int = 3, window: int = 2,
                      stopwords: str | Iterable[str] | None = "default",
                      sort: str = "llr", n: int | None = None) -> pd.DataFrame:
    """Bigram collocations with NLTK's association measures.

    Parameters
    ----------
    corpus : Corpus
    min_count : int, default=3
        Minimum frequency of the pair.
    window : int, default=2
        2 = adjacent words; larger counts pairs up to ``window - 1`` tokens apart (NLTK's
        ``window_size``).
    stopwords : "default", list or None
        Pairs containing a stop word are dropped (they are still counted in the totals).
    sort : {"llr", "pmi", "t_score", "chi2", "count"}
    n : int, optional
        Keep the top ``n`` rows.

    Returns
    -------
    DataFrame
        :data:`COLLOCATION_COLUMNS`, sorted by ``sort`` (descending) then by the words.
    """
    check_range("min_count", min_count, "stat_collocations", low=1, integer=True)
    check_range("window", window, "stat_collocations", low=2, high=20, integer=True)
    if sort not in ("llr", "pmi", "t_score", "chi2", "count"):
        raise InputError(f"The 'sort' parameter of stat_collocations must be one of "
                         f"{{'llr', 'pmi', 't_score', 'chi2', 'count'}}. Got {sort!r} instead.")
    docs, stop = _token_lists(corpus, stopwords)
    if not any(docs):
        raise EmptyInputError("stat_collocations: the corpus has no tokens")
    finder = BigramCollocationFinder.from_documents(docs) if window == 2 else \
        _windowed_finder(docs, window)
    finder.apply_freq_filter(min_count)
    if stop:
        finder.apply_word_filter(lambda w: w in stop)
    m = BigramAssocMeasures
    scores = {name: dict(finder.score_ngrams(func)) for name, func in
              (("pmi", m.pmi), ("llr", m.likelihood_ratio), ("t_score", m.student_t),
               ("chi2", m.chi_sq))}
    rows = [(w1, w2, c, finder.word_fd[w1], finder.word_fd[w2], scores["pmi"][(w1, w2)],
             scores["llr"][(w1, w2)], scores["t_score"][(w1, w2)], scores["chi2"][(w1, w2)])
            for (w1, w2), c in finder.ngram_fd.items()]
    table = pd.DataFrame(rows, columns=COLLOCATION_COLUMNS)
    key = "count" if sort == "count" else sort
    table = table.sort_values([key, "w1", "w2"], ascending=[False, True, True], kind="stable")
    table = table.reset_index(drop=True)
    return table.head(n) if n else table


def _windowed_finder(docs, window):
    # NLTK's from_words with window_size over each document, merged (no cross-document pairs)
    finder = None
    for words in docs:
        f = BigramCollocationFinder.from_words(words, window_size=window)
        if finder is None:
            finder = f
        else:
            finder.word_fd.update(f.word_fd)
            finder.ngram_fd.update(f.ngram_fd)
    finder.window_size = window
    return finder


def stat_ngrams(corpus: Corpus, *, n: int = 2, top: int = 50, min_count: int = 2,
                stopwords: str | Iterable[str] | None = None) -> pd.DataFrame:
    """The most frequent n-grams (``ngram``, ``count``, ``doc_freq``), within documents.

    With ``stopwords``, n-grams that begin or end with a stop word are dropped.
    """
    check_range("n", n, "stat_ngrams", low=1, high=8, integer=True)
    docs, stop = _token_lists(corpus, stopwords)
    counts, docfreq = Counter(), Counter()
    for words in docs:
        grams = [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]
        grams = [g for g in grams if not (stop and (g[0] in stop or g[-1] in stop))]
        counts.update(grams)
        docfreq.update(set(grams))
    rows = [(" ".join(g), c, docfreq[g]) for g, c in counts.items() if c >= min_count]
    table = pd.DataFrame(rows, columns=["ngram", "count", "doc_freq"])
    return table.sort_values(["count", "ngram"], ascending=[False, True],
                             kind="stable").head(top).reset_index(drop=True)


def stat_collocates(corpus: Corpus, node: str | Iterable[str], *, span: tuple[int, int] = (5, 5),
                    min_count: int = 2, stopwords: str | Iterable[str] | None = "default",
                    sort: str = "g2") -> pd.DataFrame:
    """Words that occur within ``span`` (left, right) tokens of the node pattern.

    Returns :data:`COLLOCATE_COLUMNS` (see the module docs for the measures), sorted by
    ``sort`` then by collocate. Overlapping spans of nearby nodes count a token once.
    """
    left, right = span
    check_range("span[0]", left, "stat_collocates", low=0, high=50, integer=True)
    check_range("span[1]", right, "stat_collocates", low=0, high=50, integer=True)
    if left + right == 0:
        raise InputError("stat_collocates: the span must cover at least one token")
    patterns = compile_patterns(node)
    docs, stop = _token_lists(corpus, stopwords)
    freq, near_l, near_r = Counter(), Counter(), Counter()
    n_nodes = span_tokens = total = 0
    for words in docs:
        freq.update(words)
        total += len(words)
        nodes = sorted({(s, e) for p in patterns for s, e in p.match_positions(words)})
        inside = set()
        covered_l, covered_r = set(), set()
        for s, e in nodes:
            n_nodes += 1
            covered_l.update(range(max(0, s - left), s))
            covered_r.update(range(e, min(len(words), e + right)))
            inside.update(range(s, e))
        covered_l -= inside
        covered_r -= inside | covered_l
        span_tokens += len(covered_l) + len(covered_r)
        near_l.update(words[i] for i in covered_l)
        near_r.update(words[i] for i in covered_r)
    if n_nodes == 0:
        raise EmptyInputError(f"stat_collocates: the node {node!r} does not occur in the corpus")
    near = near_l + near_r
    cands = [w for w, c in near.items() if c >= min_count and w not in stop]
    if not cands:
        return pd.DataFrame(columns=COLLOCATE_COLUMNS)
    obs = np.array([near[w] for w in cands], dtype=float)
    fc = np.array([freq[w] for w in cands], dtype=float)
    expected = fc * span_tokens / total
    with np.errstate(divide="ignore"):
        mi = np.log2(obs / expected)
    t = (obs - expected) / np.sqrt(obs)
    # G2 of collocate inside the node spans vs elsewhere in the corpus
    g2 = keyness_from_counts(cands, obs, fc - obs, span_tokens, total - span_tokens)["g2"]
    table = pd.DataFrame({"collocate": cands, "count": obs.astype(int),
                          "count_left": [near_l[w] for w in cands],
                          "count_right": [near_r[w] for w in cands],
                          "freq_collocate": fc.astype(int), "expected": expected, "mi": mi,
                          "t_score": t, "g2": g2.to_numpy()})
    table = table.sort_values([sort, "collocate"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True)[COLLOCATE_COLUMNS]
