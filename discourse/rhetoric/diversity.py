"""Lexical diversity: TTR, root TTR, MATTR, MSTTR, MTLD and HD-D.

Every measure takes a list of tokens. :func:`stat_diversity` uses the package's tokens of each
document's body, lowercased, **numbers dropped** (:func:`discourse.text.tokens.term_list` with
``numbers="drop"``; lexicalrichness's own tokenizer drops digits too), so "balance" and
"Balance" are one type and "syria's" is "syria".

=========== ============================================================ ===============================
column      definition                                                   reference
=========== ============================================================ ===============================
ttr         types / tokens                                               Templin (1957)
root_ttr    types / sqrt(tokens) (Guiraud's R)                           Guiraud (1960)
mattr       mean TTR of every window of ``window`` (50) consecutive      Covington & McFall (2010)
            tokens (windows moved one token at a time)
msttr       mean TTR of the consecutive, non-overlapping segments of     Johnson (1944)
            ``segment`` (50) tokens; a last, incomplete segment is left
            out
mtld        mean length of the runs of tokens whose running TTR stays    McCarthy & Jarvis (2010)
            above ``threshold`` (0.72), averaged over a forward and a
            backward pass; the last, incomplete run counts as the
            partial factor ``(1 - TTR) / (1 - threshold)``
hdd         sum over types of ``P(type drawn at least once in draws      McCarthy & Jarvis (2007)
            (42) tokens) / draws``, hypergeometric, without replacement
=========== ============================================================ ===============================

MTLD follows lexicalrichness 0.5.1 exactly: a factor ends as soon as the running TTR is
``<= threshold``, and the TTR is computed on the tokens of the current run.

Undefined values are NaN, never 0.0 and never a warning:

* no token: every measure;
* fewer than ``window`` tokens: ``mattr`` (lexicalrichness raises; falling back to the TTR
  would mix two measures in one column);
* fewer than ``segment`` tokens (no complete segment): ``msttr``;
* fewer than ``draws`` tokens: ``hdd`` (lexicalrichness raises);
* no repeated token at all: ``mtld`` (no factor is ever completed and the partial factor is 0,
  so tokens / factors divides by zero; lexicalrichness returns the number of tokens by
  convention).

References: Templin, M. (1957). *Certain language skills in children*. Univ. of Minnesota
Press. Guiraud, P. (1960). *Problèmes et méthodes de la statistique linguistique*. Johnson, W.
(1944). Studies in language behavior. *Psychological Monographs* 56(2). Covington, M. A. &
McFall, J. D. (2010). Cutting the Gordian knot: the moving-average type-token ratio (MATTR).
*J. Quantitative Linguistics* 17(2):94-100. McCarthy, P. M. & Jarvis, S. (2007). vocd: a
theoretical and empirical evaluation. *Language Testing* 24(4):459-488. McCarthy, P. M. &
Jarvis, S. (2010). MTLD, vocd-D, and HD-D: a validation study of sophisticated approaches to
lexical diversity assessment. *Behavior Research Methods* 42(2):381-392.

>>> d = lexical_diversity("a b a c".split())
>>> d["n_tokens"], d["n_types"], d["ttr"], d["root_ttr"]
(4, 3, 0.75, 1.5)
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from .._validation import check_range
from ..corpus.documents import Corpus
from ..errors import InputError
from ..text.parsed import parse
from ..text.tokens import _NUMBER

__all__ = ["lexical_diversity", "stat_diversity", "mattr", "msttr", "mtld", "hdd",
           "DIVERSITY_COLUMNS", "DIVERSITY_SCORES"]

#: The measures, in column order.
DIVERSITY_SCORES = ["ttr", "root_ttr", "mattr", "msttr", "mtld", "hdd"]
#: Columns of :func:`stat_diversity`.
DIVERSITY_COLUMNS = ["doc_id", *DIVERSITY_SCORES, "n_tokens", "n_types"]

_NAN = math.nan


def _ids(tokens: Sequence[str]) -> np.ndarray:
    """Integer type ids of the tokens, in order of first appearance."""
    index = {t: i for i, t in enumerate(dict.fromkeys(tokens))}
    return np.fromiter(map(index.__getitem__, tokens), dtype=np.int64, count=len(tokens))


def _previous(ids: np.ndarray) -> np.ndarray:
    """Position of the previous occurrence of each token's type (-1 for a first occurrence)."""
    order = np.argsort(ids, kind="stable")
    prev = np.full(len(ids), -1, dtype=np.int64)
    same = ids[order[1:]] == ids[order[:-1]]
    prev[order[1:][same]] = order[:-1][same]
    return prev


def _next(ids: np.ndarray) -> np.ndarray:
    """Position of the next occurrence of each token's type (len(ids) for a last occurrence)."""
    order = np.argsort(ids, kind="stable")
    nxt = np.full(len(ids), len(ids), dtype=np.int64)
    same = ids[order[1:]] == ids[order[:-1]]
    nxt[order[:-1][same]] = order[1:][same]
    return nxt


def _mattr_ids(ids: np.ndarray, window: int) -> float:
    n = len(ids)
    if n < window or n == 0:
        return _NAN
    # A token at i adds one type to every window [s, s + window) that contains it and does not
    # contain the previous occurrence of its type: s in [max(prev+1, i-window+1), min(i, n-window)].
    i = np.arange(n)
    low = np.maximum(_previous(ids) + 1, i - window + 1)
    high = np.minimum(i, n - window)
    total = int(np.clip(high - low + 1, 0, None).sum())
    return total / (window * (n - window + 1))


def mattr(tokens: Sequence[str], window: int = 50) -> float:
    """Moving-average TTR over windows of ``window`` tokens (NaN if fewer tokens).

    Computed in O(n log n) without building the windows: a token adds one type to every
    window that contains it but not the previous occurrence of its type.

    >>> mattr("a b a b c".split(), window=2)
    1.0
    >>> mattr("a a a b".split(), window=2)  # windows aa, aa, ab: (1 + 1 + 2) / (2 * 3)
    0.6666666666666666
    """
    return _mattr_ids(_ids(tokens), window)


def msttr(tokens: Sequence[str], segment: int = 50) -> float:
    """Mean TTR of the complete, non-overlapping segments of ``segment`` tokens (NaN if none).

    >>> msttr("a b a a c d e".split(), segment=2)  # ab, aa, cd (e left out): 5 / 6
    0.8333333333333334
    """
    full = len(tokens) // segment
    if full == 0:
        return _NAN
    return sum(len(set(tokens[i * segment:(i + 1) * segment])) for i in range(full)) / \
        (segment * full)


@lru_cache(maxsize=8)
def _max_types(threshold: float, n: int) -> list[int]:
    """``t_max[c]``: the largest number of types t with ``t / c <= threshold`` (float division,
    as lexicalrichness computes the running TTR), for c = 0..n."""
    c = np.arange(1, n + 1, dtype=np.float64)
    t = np.floor(threshold * c)
    t = np.where((t + 1) / c <= threshold, t + 1, t)
    t = np.where(t / c > threshold, t - 1, t)
    return [-1, *t.astype(np.int64).tolist()]


def _mtld_pass(ids: np.ndarray, forward: bool, threshold: float) -> float:
    """Number of factors of one MTLD pass (lexicalrichness's algorithm, on positions)."""
    n = len(ids)
    tmax = _max_types(threshold, 1 << max(n - 1, 1).bit_length())
    if forward:
        prev = _previous(ids).tolist()
        positions = range(n)
    else:
        prev = _next(ids).tolist()
        positions = range(n - 1, -1, -1)
    start = 0 if forward else n - 1  # first position of the current run
    types = count = 0
    factors = 0.0
    for i in positions:
        count += 1
        p = prev[i]
        if (p < start) if forward else (p > start):  # type not yet seen in this run
            types += 1
        if types <= tmax[count]:
            factors += 1
            types = count = 0
            start = i + 1 if forward else i - 1
    if count > 0:
        factors += (1 - types / count) / (1 - threshold)
    return factors


def _mtld_ids(ids: np.ndarray, threshold: float) -> float:
    n = len(ids)
    if n == 0:
        return _NAN
    forward = _mtld_pass(ids, True, threshold)
    backward = _mtld_pass(ids, False, threshold)
    if forward == 0 or backward == 0:
        return _NAN
    return (n / forward + n / backward) / 2


def mtld(tokens: Sequence[str], threshold: float = 0.72) -> float:
    """Bidirectional MTLD (McCarthy & Jarvis 2010): mean of forward and backward passes.

    NaN when there is no token or no token repeats (see the module docs).

    >>> mtld("a b a b a b c c".split())  # 3 complete factors each way: 8 / 3
    2.6666666666666665
    >>> round(mtld("a b c a".split()), 10)  # no complete factor; partial (1 - 3/4) / (1 - 0.72)
    4.48
    """
    return _mtld_ids(_ids(tokens), threshold)


def _hdd_counts(counts, n: int, draws: int) -> float:
    if n < draws or n == 0:
        return _NAN
    spectrum = Counter(counts)  # frequency -> number of types
    total = 0.0
    for f, n_types in spectrum.items():
        p0 = 1.0
        if n - f < draws:
            p0 = 0.0
        else:
            for i in range(draws):
                p0 *= (n - f - i) / (n - i)
        total += n_types * (1.0 - p0)
    return total / draws


def hdd(tokens: Sequence[str], draws: int = 42) -> float:
    """HD-D (McCarthy & Jarvis 2007): expected TTR contribution of a random draw of ``draws`` tokens.

    ``sum over types of (1 - P(X = 0)) / draws`` with ``X`` hypergeometric (population = the
    tokens, successes = the type's frequency, ``draws`` draws). ``P(X = 0) = C(N - f, draws) /
    C(N, draws)``, computed as a product once per distinct frequency. NaN with fewer than
    ``draws`` tokens.

    >>> hdd("a b".split(), draws=1)
    1.0
    >>> round(hdd("a a b c".split(), draws=2), 12)  # (5/6 + 1/2 + 1/2) / 2
    0.916666666667
    """
    return _hdd_counts(Counter(tokens).values(), len(tokens), draws)


def lexical_diversity(tokens: Sequence[str], *, window: int = 50, segment: int = 50,
                      threshold: float = 0.72, draws: int = 42) -> dict:
    """All six diversity measures of one token list, with ``n_tokens`` and ``n_types``.

    Parameters
    ----------
    tokens : list of str
        Already tokenised (and normalised) words, e.g. ``discourse.text.tokens.term_list(text,
        numbers="drop")``.
    window : int, default=50
        MATTR window.
    segment : int, default=50
        MSTTR segment length.
    threshold : float, default=0.72
        MTLD factor threshold (McCarthy & Jarvis recommend 0.66 to 0.75).
    draws : int, default=42
        HD-D sample size.

    Returns
    -------
    dict
        Keys :data:`DIVERSITY_SCORES` (floats, NaN where undefined: module docs), then
        ``n_tokens`` and ``n_types``.

    Examples
    --------
    >>> d = lexical_diversity("cooperation not confrontation".split())
    >>> d["ttr"], d["mattr"], d["n_types"]
    (1.0, nan, 3)
    """
    if isinstance(tokens, str):
        raise InputError("lexical_diversity expects a list of tokens, got a str; tokenise it "
                         "first, e.g. discourse.text.tokens.term_list(text, numbers='drop').")
    tokens = list(tokens)
    if not set(map(type, tokens)) <= {str}:
        raise InputError("lexical_diversity expects a list of str tokens.")
    check_range("window", window, "lexical_diversity", low=1, integer=True)
    check_range("segment", segment, "lexical_diversity", low=1, integer=True)
    check_range("draws", draws, "lexical_diversity", low=1, integer=True)
    check_range("threshold", threshold, "lexical_diversity", low=0.0, high=0.999)
    n = len(tokens)
    ids = _ids(tokens)
    counts = np.bincount(ids).tolist() if n else []
    n_types = len(counts)
    return {
        "ttr": n_types / n if n else _NAN,
        "root_ttr": n_types / math.sqrt(n) if n else _NAN,
        "mattr": _mattr_ids(ids, int(window)),
        "msttr": msttr(tokens, int(segment)),
        "mtld": _mtld_ids(ids, float(threshold)),
        "hdd": _hdd_counts(counts, n, int(draws)),
        "n_tokens": n,
        "n_types": n_types,
    }


def stat_diversity(corpus: Corpus, *, progress: bool = False, **params) -> pd.DataFrame:
    """Lexical diversity of every document of a corpus: one row per document.

    Tokens: each document's body, lowercased, numbers dropped (module docs).

    Parameters
    ----------
    corpus : Corpus
    progress : bool, default=False
        Show a progress bar.
    **params
        ``window``, ``segment``, ``threshold``, ``draws`` of :func:`lexical_diversity`.

    Returns
    -------
    DataFrame
        :data:`DIVERSITY_COLUMNS`, in corpus order.

    Examples
    --------
    >>> from discourse.corpus.documents import Corpus
    >>> stat_diversity(Corpus.from_texts(["Balance, balance and restraint in 2025."]))[
    ...     ["doc_id", "ttr", "n_tokens", "n_types"]]
      doc_id  ttr  n_tokens  n_types
    0   doc1  0.8         5        4
    """
    if not isinstance(corpus, Corpus):
        raise InputError(f"stat_diversity expects a Corpus, got {type(corpus).__name__}; "
                         "for one token list use lexical_diversity(tokens).")
    unknown = set(params) - {"window", "segment", "threshold", "draws"}
    if unknown:
        raise InputError(f"stat_diversity got unexpected parameter(s) {sorted(unknown)}; "
                         "allowed: window, segment, threshold, draws.")
    rows = []
    for doc in tqdm(corpus, total=len(corpus), desc="diversity", disable=not progress):
        toks = [t for t in parse(doc).body_terms
                if not (t[0].isdigit() and _NUMBER.match(t))]  # = numbers="drop", faster
        rows.append({"doc_id": doc.id, **lexical_diversity(toks, **params)})
    table = pd.DataFrame(rows, columns=DIVERSITY_COLUMNS)
    table[DIVERSITY_SCORES] = table[DIVERSITY_SCORES].astype(float)
    table[["n_tokens", "n_types"]] = table[["n_tokens", "n_types"]].astype(int)
    return table
