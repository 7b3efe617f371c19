"""How often, how widely and when: keyword frequencies, dispersion and trends.

:func:`keyword_frequencies` counts patterns (words, globs, phrases; see
:mod:`discourse.keywords.patterns`) or the categories of a dictionary per document, per group or over
the whole corpus, with for each:

* ``count``, ``n_tokens`` and ``rate_per_10k`` (``per`` tokens), with an exact Poisson
  confidence interval for the rate (Garwood 1936: ``χ²(α/2; 2k)/2`` and
  ``χ²(1 − α/2; 2k + 2)/2``, divided by the tokens);
* ``doc_freq`` of ``n_docs``: in how many of the group's documents it occurs;
* dispersion over the group's documents (or, for a single document, over ``segments``
  equal parts of it): Juilland's D (Juilland & Chang-Rodríguez 1964:
  ``1 − (sd(p)/mean(p)) / sqrt(n − 1)`` on the relative frequencies ``p`` of the parts,
  population sd) and Gries' DP (Gries 2008: ``0.5 Σ |v_i/f − s_i|``, parts' shares ``s_i``),
  with DP normalised by ``1 − min(s_i)`` (Lijffijt & Gries 2012). D is 1 and DP 0 for a
  perfectly even spread. Both are NaN for a term that does not occur (documented, no warning).

:func:`stat_trend` gives the rate per year for chosen countries with the world as baseline.

>>> from discourse.corpus.documents import Corpus
>>> corp = Corpus.from_texts(["Balance and balanced policy.", "No word of it here."])
>>> tab = keyword_frequencies(corp, ["balanc*"], by=None)
>>> tab[["term", "count", "n_tokens", "doc_freq", "n_docs"]].values.tolist()
[['balanc*', 2, 9, 1, 2]]
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from scipy import stats

from .._validation import check_range
from ..corpus.documents import Corpus
from ..errors import EmptyInputError, InputError
from .patterns import Dictionary, Pattern, compile_patterns
from ..text.parsed import parse

__all__ = ["keyword_frequencies", "stat_frequency", "stat_trend", "rates_by_period",
           "poisson_rate_ci",
           "juilland_d", "gries_dp", "FREQUENCY_COLUMNS", "TREND_COLUMNS"]

FREQUENCY_COLUMNS = ["by", "group", "term", "count", "n_tokens", "rate_per_10k", "ci_low",
                     "ci_high", "doc_freq", "n_docs", "juilland_d", "dp", "dp_norm",
                     "dispersion_over", "forms"]
TREND_COLUMNS = ["year", "group", "term", "count", "n_tokens", "n_docs", "rate_per_10k",
                 "ci_low", "ci_high"]


def poisson_rate_ci(count, exposure, *, ci: float = 0.95, per: float = 10_000):
    """Exact (Garwood) confidence interval of a Poisson rate, scaled ``per`` tokens.

    >>> [round(float(x), 4) for x in poisson_rate_ci(10, 1, per=1)]  # R: poisson.test(10)
    [4.7954, 18.3904]
    """
    count = np.asarray(count, dtype=float)
    exposure = np.asarray(exposure, dtype=float)
    alpha = 1 - ci
    low = np.where(count > 0, stats.chi2.ppf(alpha / 2, 2 * np.maximum(count, 1e-300)) / 2, 0.0)
    high = stats.chi2.ppf(1 - alpha / 2, 2 * count + 2) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(exposure > 0, per / np.where(exposure > 0, exposure, 1), np.nan)
    return low * scale, high * scale


def juilland_d(counts: Sequence[float], sizes: Sequence[float]) -> float:
    """Juilland's D over parts with token ``sizes`` (NaN if the term is absent or n < 2).

    >>> juilland_d([2, 2, 2], [100, 100, 100]), round(juilland_d([6, 0, 0], [100, 100, 100]), 6)
    (1.0, 0.0)
    """
    v = np.asarray(counts, dtype=float)
    s = np.asarray(sizes, dtype=float)
    keep = s > 0
    v, s = v[keep], s[keep]
    n = len(v)
    if n < 2 or v.sum() == 0:
        return float("nan")
    p = v / s
    return float(1 - (p.std(ddof=0) / p.mean()) / np.sqrt(n - 1))


def gries_dp(counts: Sequence[float], sizes: Sequence[float]) -> tuple[float, float]:
    """Gries' DP and its normalised form (NaN if the term is absent or n < 2).

    >>> gries_dp([1, 1], [50, 50])
    (0.0, 0.0)
    >>> gries_dp([2, 0], [50, 50])
    (0.5, 1.0)
    """
    v = np.asarray(counts, dtype=float)
    s = np.asarray(sizes, dtype=float)
    if len(v) < 2 or v.sum() == 0 or s.sum() == 0:
        return float("nan"), float("nan")
    share = s / s.sum()
    dp = 0.5 * np.abs(v / v.sum() - share).sum()
    return float(dp), float(dp / (1 - share.min()))


def _patterns(terms) -> tuple[list[str], list[list[Pattern]]]:
    """Labels and pattern lists: one per pattern, or one per dictionary category."""
    if isinstance(terms, Dictionary):
        return list(terms.categories), [list(p) for p in terms.categories.values()]
    pats = compile_patterns(terms)
    return [p.text for p in pats], [[p] for p in pats]


def _doc_matches(tokens: list[str], groups: list[list[Pattern]]):
    """Per label: count, matched forms, and match start positions (a token matched by two
    patterns of one category counts once)."""
    out = []
    for pats in groups:
        starts, forms = set(), Counter()
        for p in pats:
            for s, e in p.match_positions(tokens):
                if s not in starts:
                    starts.add(s)
                    forms[" ".join(tokens[s:e])] += 1
        out.append((len(starts), forms, sorted(starts)))
    return out


def _per_document(corpus: Corpus, groups: list[list[Pattern]], positions_for=frozenset()):
    """Per document: (n_tokens, [(count, forms, positions or None) per label]).

    Single-word patterns are counted from the (cached) document-term matrix; phrases from
    the token streams. The match positions (for dispersion over a lone document's segments)
    are found for the documents in ``positions_for`` only. A document's entries depend on
    it alone: a cluster computes them partition by partition with this same function."""
    if any(p.length > 1 for pats in groups for p in pats):
        out = []
        for doc in corpus:
            toks = parse(doc).body_terms
            out.append((len(toks), _doc_matches(toks, groups)))
        return out
    from .dtm import to_dtm

    dtm = to_dtm(corpus)
    terms = dtm.terms
    columns = []
    for pats in groups:
        cols = sorted({j for p in pats for j, t in enumerate(terms) if p.parts[0].fullmatch(t)})
        columns.append(cols)
    n_tokens = dtm.n_tokens
    sub = [dtm.counts[:, cols].tocsr() for cols in columns]
    out = []
    for i, doc_id in enumerate(dtm.doc_ids):
        positions = [None] * len(groups)
        if doc_id in positions_for:  # counted from the matrix: the positions from the tokens
            positions = [m[2] for m in _doc_matches(parse(corpus[i]).body_terms, groups)]
        entries = []
        for cols, m, where in zip(columns, sub, positions):
            row = m.getrow(i)
            forms = Counter({terms[cols[k]]: int(v) for k, v in zip(row.indices, row.data)})
            entries.append((int(row.data.sum()), forms, where))
        out.append((int(n_tokens[i]), entries))
    return out


def _frequency_batch(batch: Corpus, groups, positions_for):
    return batch.ids, _per_document(batch, groups, positions_for)


def _documents(corpus: Corpus, groups, positions_for, scheduler, progress: bool = False):
    """:func:`_per_document` of the whole corpus, here or partition by partition on a
    cluster (in corpus order either way)."""
    from ..scale.engine import plan

    run = plan(corpus, scheduler)
    if run is None:
        return _per_document(corpus, groups, positions_for)
    batches = run.map(_frequency_batch, shared=[groups, frozenset(positions_for)],
                      desc="counting patterns", progress=progress)
    ids = [d for batch_ids, _ in batches for d in batch_ids]
    rows = [r for _, part in batches for r in part]
    order = run.order_of(ids)
    if order is not None:
        rows = [rows[i] for i in order]
    return rows


def _singletons(keys: Sequence, ids: Sequence[str]) -> set[str]:
    """The documents alone in their group (their dispersion is over segments)."""
    counts = Counter(k for k in keys if k is not None and k == k)
    return {d for d, k in zip(ids, keys) if k is not None and k == k and counts[k] == 1}


def _segment_counts(positions: list[int], n_tokens: int, segments: int):
    edges = np.linspace(0, n_tokens, segments + 1)
    sizes = np.diff(np.floor(edges))
    counts = np.histogram(positions, bins=np.floor(edges))[0] if n_tokens else np.zeros(segments)
    return counts, sizes


def keyword_frequencies(corpus: Corpus, terms: str | Iterable[str] | Dictionary, *,
                        by: str | None = "document", per: int = 10_000, ci: float = 0.95,
                        segments: int = 10, scheduler=None) -> pd.DataFrame:
    """Counts, rates with confidence intervals, document frequency and dispersion of patterns.

    Parameters
    ----------
    corpus : Corpus
    terms : str, list of str or Dictionary
        Patterns (``"balanc*,sovereign*"`` or a list; phrases allowed) or a dictionary (one
        row per category, e.g. ``load_dictionary("frames")``).
    by : "document", a metadata column, or None
        One row per document, per value of the column, or for the whole corpus.
    per : int, default=10_000
        Rate base; the column keeps the name ``rate_per_10k`` only for 10,000 (otherwise
        ``rate_per_<per>``).
    ci : float, default=0.95
    segments : int, default=10
        Equal parts of a lone document over which dispersion is measured.
    scheduler : None, "processes", "tcp://host:port" or a distributed.Client, optional
        Where to count (:mod:`discourse.scale.scheduler`): the per-document counts are made
        partition by partition by the same function as here, and the table is computed from
        them once, so it is identical.

    Returns
    -------
    DataFrame
        :data:`FREQUENCY_COLUMNS`: ``by`` (the grouping), ``group`` (doc id, group value or
        ``"all"``), ``term`` (pattern or category), the counts, rate and interval, ``doc_freq``
        of ``n_docs``, ``juilland_d``, ``dp``, ``dp_norm``, ``dispersion_over``
        (``"documents"`` or ``"segments"``) and ``forms`` (matched forms with counts, most
        frequent first, ``"balanced:3; balance:2"``).
    """
    if not isinstance(corpus, Corpus):
        raise InputError(f"keyword_frequencies expects a Corpus, got {type(corpus).__name__}")
    if len(corpus) == 0:
        raise EmptyInputError("keyword_frequencies: the corpus has no documents")
    check_range("per", per, "keyword_frequencies", low=1)
    check_range("ci", ci, "keyword_frequencies", low=0.5, high=0.999)
    check_range("segments", segments, "keyword_frequencies", low=2, integer=True)
    labels, groups = _patterns(terms)
    meta = corpus.meta
    if by == "document":
        keys = corpus.ids
    elif by is None:
        keys = ["all"] * len(corpus)
    elif by in meta.columns:
        keys = meta[by].tolist()
    else:
        raise InputError(f"The 'by' parameter of keyword_frequencies must be 'document', None or "
                         f"a metadata column {list(meta.columns[1:])}. Got {by!r} instead.")
    per_doc = _documents(corpus, groups, _singletons(keys, corpus.ids), scheduler)
    return _frequency_table(per_doc, keys, labels, by, per=per, ci=ci, segments=segments)


def _frequency_table(per_doc, keys, labels, by, *, per, ci, segments) -> pd.DataFrame:
    """The rows of :func:`keyword_frequencies` from the per-document entries."""
    rows = []
    members: dict = {}  # key -> its documents' positions, keys in order of first appearance
    for i, key in enumerate(keys):
        if key is not None and key == key:
            members.setdefault(key, []).append(i)
    for key in members:
        idx = members[key]
        sizes = np.array([per_doc[i][0] for i in idx], dtype=float)
        for j, label in enumerate(labels):
            counts = np.array([per_doc[i][1][j][0] for i in idx], dtype=float)
            forms = Counter()
            for i in idx:
                forms.update(per_doc[i][1][j][1])
            if len(idx) >= 2:
                over, d_counts, d_sizes = "documents", counts, sizes
            else:
                over = "segments"
                positions = per_doc[idx[0]][1][j][2]
                d_counts, d_sizes = _segment_counts(positions, int(sizes[0]), segments)
            dp, dpn = gries_dp(d_counts, d_sizes)
            total, n_tok = counts.sum(), sizes.sum()
            low, high = poisson_rate_ci(total, n_tok, ci=ci, per=per)
            rate = per * total / n_tok if n_tok else float("nan")
            rows.append((by or "all", key, label, int(total), int(n_tok), rate, float(low),
                         float(high), int((counts > 0).sum()), len(idx),
                         juilland_d(d_counts, d_sizes), dp, dpn, over,
                         "; ".join(f"{f}:{c}" for f, c in sorted(forms.items(),
                                                                   key=lambda x: (-x[1], x[0])))))
    table = pd.DataFrame(rows, columns=FREQUENCY_COLUMNS)
    if per != 10_000:
        table = table.rename(columns={"rate_per_10k": f"rate_per_{per}"})
    return table


#: The grammar's name for :func:`keyword_frequencies`.
stat_frequency = keyword_frequencies


def stat_trend(corpus: Corpus, terms: str | Iterable[str] | Dictionary, *,
               countries: Sequence[str] = ("SYR",), baseline: bool = True,
               per: int = 10_000, ci: float = 0.95, scheduler=None) -> pd.DataFrame:
    """Rate of patterns (or dictionary categories) per year for chosen countries, with the
    world (every document of the corpus) as a baseline.

    Returns :data:`TREND_COLUMNS`; ``group`` is the country code or ``"world"``. Years in
    which a country has no document are absent from its rows. Each document is counted
    once (here, or on a cluster with ``scheduler``, as in :func:`keyword_frequencies`).
    """
    for col in ("year", "country"):
        if col not in corpus.meta_columns:
            raise InputError(f"stat_trend needs a corpus with a {col!r} column (the UN corpus)")
    check_range("per", per, "keyword_frequencies", low=1)
    check_range("ci", ci, "keyword_frequencies", low=0.5, high=0.999)
    codes = list(countries)
    if not codes and not baseline:
        raise InputError("stat_trend: give countries or baseline=True")
    meta = corpus.meta
    chosen = meta["country"].isin(codes).to_numpy()
    if codes and not chosen.any() or len(meta) == 0:
        raise EmptyInputError("keyword_frequencies: the corpus has no documents")
    ids = meta["doc_id"].tolist()
    country_keys = [f"{g}|{y}" if keep else None
                    for g, y, keep in zip(meta["country"], meta["year"], chosen)]
    world_keys = [f"world|{y}" for y in meta["year"]]
    need = _singletons(country_keys, ids) | (_singletons(world_keys, ids) if baseline else set())
    labels, groups = _patterns(terms)
    per_doc = _documents(corpus, groups, need, scheduler)
    parts = []
    if codes:
        rows = np.flatnonzero(chosen)
        parts.append(_frequency_table([per_doc[i] for i in rows], [country_keys[i] for i in rows],
                                      labels, "_key", per=per, ci=ci, segments=10))
    if baseline:
        parts.append(_frequency_table(per_doc, world_keys, labels, "_key", per=per, ci=ci,
                                      segments=10))
    table = pd.concat(parts, ignore_index=True)
    split = table["group"].str.split("|", expand=True)
    rate = "rate_per_10k" if per == 10_000 else f"rate_per_{per}"
    out = pd.DataFrame({"year": split[1].astype(int), "group": split[0], "term": table["term"],
                        "count": table["count"], "n_tokens": table["n_tokens"],
                        "n_docs": table["n_docs"], "rate_per_10k": table[rate],
                        "ci_low": table["ci_low"], "ci_high": table["ci_high"]})
    if per != 10_000:
        out = out.rename(columns={"rate_per_10k": rate})
    return out.sort_values(["term", "group", "year"], kind="stable").reset_index(drop=True)


def rates_by_period(trend: pd.DataFrame, periods: dict[str, tuple[int, int]], *,
                    ci: float = 0.95) -> pd.DataFrame:
    """Pool a :func:`stat_trend` table into periods: one row per term, group and period with
    ``count``, ``n_tokens``, ``rate_per_10k`` and its exact interval.

    >>> t = pd.DataFrame({"year": [2000, 2001], "group": "SYR", "term": "x", "count": [1, 3],
    ...                   "n_tokens": [1000, 1000], "n_docs": 1, "rate_per_10k": [10.0, 30.0],
    ...                   "ci_low": 0.0, "ci_high": 0.0})
    >>> rates_by_period(t, {"all": (2000, 2001)})[["period", "count", "rate_per_10k"]].values.tolist()
    [['all', 4, 20.0]]
    """
    rows = []
    for label, (lo, hi) in periods.items():
        part = trend[trend["year"].between(lo, hi)]
        for (term, group), g in part.groupby(["term", "group"], sort=True):
            count, n = int(g["count"].sum()), int(g["n_tokens"].sum())
            low, high = poisson_rate_ci(count, n, ci=ci)
            rows.append((term, group, label, count, n, 1e4 * count / n if n else float("nan"),
                         float(low), float(high)))
    return pd.DataFrame(rows, columns=["term", "group", "period", "count", "n_tokens",
                                       "rate_per_10k", "ci_low", "ci_high"])
