"""Balance measures: how evenly a text spreads its attention and its tone across the actors
it names, and how equidistant it stands between chosen pairs.

All measures are computed on **parties** (:meth:`discourse.actors.gazetteer.Gazetteer.party`: a
leader counts as their state, so Putin and Moscow are both Russia) after dropping the
speaker's own party (``exclude_self``: the document's ``country`` metadata, SYR for the
article). For a group of sentences (a document, or all the documents of a group):

* ``c_a``: mentions of party ``a``; ``t_a``: mean VADER compound (-1..1) of the distinct
  sentences naming ``a``; ``K``: the number of parties named (of the types counted, default
  states, blocs and non-state actors; organisations such as the UN, which dominate UN
  speeches as their venue, are left out unless asked).
* **attention_entropy** ``H = -sum_a p_a ln p_a / ln K`` with ``p_a = c_a / sum c``:
  1 = attention spread evenly over the parties named, 0 = all on one. NaN if ``K < 2``.
* **tone_dispersion** ``sqrt(mean_a (t_a - mean t)^2)``: the (population) standard deviation
  of the parties' tones; 0 = every party named in the same tone. NaN if ``K < 2``.
* for a pair of sides ``(A, B)`` (each a set of parties; :data:`BALANCE_PAIRS`):
  **attention_gap** ``|c_A - c_B| / (c_A + c_B)`` (0 = equal attention, 1 = only one side
  named; NaN if neither is), **tone_gap** ``|t_A - t_B| / 2`` (0..1; NaN unless both sides
  are named) and **equidistance** ``1 - (attention_gap + tone_gap) / 2`` (1 = equal
  attention in equal tone; NaN unless both sides are named).

Intervals: percentile bootstrap over sentences (every sentence of the group, with or without
mentions, resampled with replacement; ``n_boot`` resamples drawn with ``seed``); a resample in
which a measure is undefined is left out of its interval.

>>> round(entropy_from_counts([2, 2]), 6), entropy_from_counts([4, 0, 0])
(1.0, nan)
>>> round(equidistance(3, 1, 0.5, -0.5), 6)
0.5
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_range
from .mentions import _group_labels, _scan, _to_party, sentence_tone
from ..corpus.documents import as_corpus
from ..corpus.comparisons import SYRIA_PERIODS, comparison_sets
from ..corpus.documents import Corpus
from ..errors import InputError
from .gazetteer import gazetteer_or_default

__all__ = ["stat_balance", "stat_balance_comparison", "comparison_corpus", "entropy_from_counts",
           "equidistance", "BALANCE_COLUMNS", "BALANCE_PAIRS", "ARAB_SIDE", "BALANCE_TYPES"]

BALANCE_COLUMNS = ["by", "group", "measure", "pair", "value", "ci_low", "ci_high", "n_sentences",
                   "n_mentions", "n_actors"]
#: Members of the League of Arab States (ISO3) and the Arab blocs and organisations.
ARAB_SIDE = ("arab_states", "arab_league", "gulf_states", "gcc", "DZA", "BHR", "COM", "DJI", "EGY",
             "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN", "PSE", "QAT", "SAU", "SOM",
             "SDN", "SYR", "TUN", "ARE", "YEM")
#: The pairs the article claims Syria stands equidistant between.
BALANCE_PAIRS = {
    "Russia–Ukraine": (("RUS",), ("UKR",)),
    "Türkiye–Arab states": (("TUR",), ARAB_SIDE),
    "Russia–United States": (("RUS",), ("USA",)),
}
BALANCE_TYPES = ("state", "bloc", "non_state")


def entropy_from_counts(counts) -> float:
    """Normalised entropy of the non-zero counts (NaN for fewer than two).

    >>> round(entropy_from_counts([1, 1, 2]), 4)
    0.9464
    """
    return float(_entropy(np.asarray(counts, dtype=float)[None, :])[0])


def equidistance(c_a: float, c_b: float, t_a: float, t_b: float) -> float:
    """``1 - (|c_a - c_b| / (c_a + c_b) + |t_a - t_b| / 2) / 2`` (NaN if a side is unnamed).

    >>> equidistance(2, 2, 0.1, 0.1)
    1.0
    """
    if not (c_a > 0 and c_b > 0):
        return float("nan")
    return 1 - (abs(c_a - c_b) / (c_a + c_b) + abs(t_a - t_b) / 2) / 2


# ---------------------------------------------------------------------------------------------
# vectorised measures over rows of (resample x party) arrays
# ---------------------------------------------------------------------------------------------

def _entropy(counts: np.ndarray) -> np.ndarray:
    total = counts.sum(axis=1, keepdims=True)
    k = (counts > 0).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = counts / total
        h = -np.where(p > 0, p * np.log(np.where(p > 0, p, 1)), 0).sum(axis=1)
        out = h / np.log(k)
    return np.where(k >= 2, out, np.nan)


def _dispersion(tone: np.ndarray, counts: np.ndarray) -> np.ndarray:
    named = counts > 0
    k = named.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(named, tone, 0.0)
        mean = t.sum(axis=1) / k
        var = np.where(named, (tone - mean[:, None]) ** 2, 0.0).sum(axis=1) / k
    return np.where(k >= 2, np.sqrt(var), np.nan)


def _pair(ca, cb, ta, tb):
    with np.errstate(invalid="ignore", divide="ignore"):
        att = np.where(ca + cb > 0, np.abs(ca - cb) / (ca + cb), np.nan)
        both = (ca > 0) & (cb > 0)
        tone = np.where(both, np.abs(ta - tb) / 2, np.nan)
    return att, tone, 1 - (att + tone) / 2


def _measures(W, C, M, t, columns, keep, pairs) -> dict[tuple[str, str], np.ndarray]:
    """Every measure for each row of the sentence-weight matrix ``W`` (resamples x sentences)."""
    counts = W @ C
    n_sent = W @ M
    with np.errstate(invalid="ignore", divide="ignore"):
        tone = (W @ (M * t[:, None])) / n_sent
    out = {("attention_entropy", ""): _entropy(counts[:, keep]),
           ("tone_dispersion", ""): _dispersion(tone[:, keep], counts[:, keep])}
    col = {c: i for i, c in enumerate(columns)}
    for name, (side_a, side_b) in pairs.items():
        sides = []
        for side in (side_a, side_b):
            ids = [col[c] for c in side if c in col]
            any_m = (M[:, ids].sum(axis=1) > 0).astype(float) if ids else np.zeros(len(t))
            c_side = counts[:, ids].sum(axis=1) if ids else np.zeros(len(W))
            n_side = W @ any_m
            with np.errstate(invalid="ignore", divide="ignore"):
                t_side = (W @ (any_m * t)) / n_side
            sides.append((c_side, t_side))
        att, tgap, eq = _pair(sides[0][0], sides[1][0], sides[0][1], sides[1][1])
        out[("attention_gap", name)] = att
        out[("tone_gap", name)] = tgap
        out[("equidistance", name)] = eq
    return out


def _balance_inputs(corpus: Corpus, gaz, include_headings: bool, exclude_self: bool):
    """What the measures need of each document, which depends on it alone: its mentions
    (as parties; its own party left out with ``exclude_self``), its number of sentences, and
    the tone of each of its sentences that names someone (``{(doc_id, sentence): tone}``)."""
    mentions, sentences = _scan(corpus, gaz, include_headings=include_headings, progress=False)
    mentions = _to_party(mentions, gaz)
    if exclude_self and "country" in corpus.meta_columns:
        own = dict(zip(corpus.meta["doc_id"], corpus.meta["country"]))
        mentions = mentions[mentions["actor_id"] != mentions["doc_id"].map(own)]
    tone_rows = sentences.merge(mentions[["doc_id", "sentence"]].drop_duplicates())
    tone = dict(zip(zip(tone_rows.doc_id, tone_rows.sentence), sentence_tone(corpus, tone_rows)))
    n_sentences = sentences.groupby("doc_id", sort=False).size().to_dict()
    return mentions[["doc_id", "sentence", "actor_id"]], n_sentences, tone


def _combine_inputs(parts):
    from ..scale.engine import concat_rows

    n_sentences, tone = {}, {}
    for _, n, t in parts:
        n_sentences.update(n)
        tone.update(t)
    return concat_rows([p[0] for p in parts]), n_sentences, tone


def stat_balance(data, gazetteer=None, *, by: str | None = "document",
                 pairs: dict | None = None, types=BALANCE_TYPES, exclude_self: bool = True,
                 n_boot: int = 1000, seed: int = 1, ci: float = 0.95,
                 include_headings: bool = True, scheduler=None) -> pd.DataFrame:
    """Attention entropy, tone dispersion and equidistance per document or group.

    Parameters
    ----------
    data : Corpus or Document
    gazetteer : Gazetteer, path or None
    by : "document", a metadata column, or None, default="document"
        Documents of a group are pooled (their sentences resampled together).
    pairs : dict, default=BALANCE_PAIRS
        ``{name: (side_a, side_b)}``, each side a tuple of party ids.
    types : tuple of str, default=("state", "bloc", "non_state")
        Actor types counted by the entropy and the dispersion (pairs use every party).
    exclude_self : bool, default=True
        Drop the party named by each document's ``country`` metadata (if it has one).
    n_boot : int, default=1000
        Bootstrap resamples over sentences (0: no interval).
    seed : int, default=1
    ci : float, default=0.95
    scheduler : None, "processes", "tcp://host:port" or a distributed.Client, optional
        Where the mentions and the sentences' tone are found (:mod:`discourse.scale.scheduler`;
        per document, by the same function as here, the gazetteer broadcast once); the
        measures and their bootstrap are then computed here, so the table is the same.

    Returns
    -------
    DataFrame
        :data:`BALANCE_COLUMNS`, one row per group and measure (``pair`` empty for the
        entropy and the dispersion). ``n_sentences``: sentences in the group; ``n_mentions``:
        mentions counted (after ``exclude_self``); ``n_actors``: parties of ``types`` named.
        A text that names no actor gets NaN values, never an error.

    Examples
    --------
    >>> import discourse
    >>> b = stat_balance(discourse.load_article(), n_boot=200)
    >>> float(b.set_index(["measure", "pair"]).loc[("attention_gap", "Russia–Ukraine"), "value"])
    0.5
    """
    check_range("n_boot", n_boot, "stat_balance", low=0, integer=True)
    check_range("ci", ci, "stat_balance", low=0.5, high=0.999)
    check_range("seed", seed, "stat_balance", low=0, integer=True)
    pairs = BALANCE_PAIRS if pairs is None else pairs
    _check_pairs(pairs)
    from ..scale.engine import plan

    corpus = as_corpus(data, "stat_balance")
    gaz = gazetteer_or_default(gazetteer)
    groups = _group_labels(corpus, by, "stat_balance")
    run = plan(corpus, scheduler)
    if run is None:
        mentions, n_sentences, tone = _balance_inputs(corpus, gaz, include_headings, exclude_self)
    else:
        mentions, n_sentences, tone = run.map(
            _balance_batch, shared=[gaz], args=(include_headings, exclude_self),
            combine=_combine_inputs, desc="balance: actors and tone")
    columns = sorted(mentions["actor_id"].unique())
    info = gaz._by_id()
    keep = np.array([info[c]["type"] in types for c in columns], dtype=bool)
    # each group's sentences: its documents in corpus order, each one's sentences in order
    members: dict = {}
    for doc_id in corpus.ids:
        if n_sentences.get(doc_id, 0):
            members.setdefault(groups[doc_id], []).append(doc_id)
    mentions = mentions.assign(group=mentions["doc_id"].map(groups))
    by_group = dict(iter(mentions.groupby("group", sort=False)))
    rows = []
    for gi, group in enumerate(sorted(members)):
        keys = [(d, s) for d in members[group] for s in range(n_sentences[d])]
        rows += _group_rows(_by_name(by), group, keys, by_group.get(group, mentions.iloc[:0]),
                            tone, columns, keep, pairs, n_boot=n_boot, seed=seed + gi, ci=ci)
    for group in sorted(set(groups.values()) - set(members)):  # documents without sentences
        rows += _group_rows(_by_name(by), group, [], mentions.iloc[:0], tone,
                            columns, keep, pairs, n_boot=0, seed=seed, ci=ci)
    return pd.DataFrame(rows, columns=BALANCE_COLUMNS)


def _balance_batch(batch: Corpus, gaz, include_headings: bool, exclude_self: bool):
    return _balance_inputs(batch, gaz, include_headings, exclude_self)


def _by_name(by) -> str:
    return "none" if by is None else str(by)


def _check_pairs(pairs) -> None:
    if not isinstance(pairs, dict):
        raise InputError("The 'pairs' parameter of stat_balance must be a dict "
                         "{name: (side_a, side_b)}.")
    for name, sides in pairs.items():
        if not (isinstance(sides, (tuple, list)) and len(sides) == 2
                and all(isinstance(s, (tuple, list)) and s for s in sides)):
            raise InputError(f"stat_balance: pair {name!r} must be two non-empty tuples of "
                             f"party ids, e.g. (('RUS',), ('UKR',)); got {sides!r}")


def _group_rows(by, group, keys, ment, tone, columns, keep, pairs, *, n_boot, seed, ci):
    """The rows of one group from its sentences ``keys`` (``(doc_id, sentence)`` in order)."""
    n = len(keys)
    pos = {k: i for i, k in enumerate(keys)}
    col = {c: i for i, c in enumerate(columns)}
    C = np.zeros((n, len(columns)))
    for d, s, a in zip(ment["doc_id"], ment["sentence"], ment["actor_id"]):
        C[pos[(d, s)], col[a]] += 1
    M = (C > 0).astype(float)
    t = np.array([tone.get(k, 0.0) for k in pos], dtype=float)
    point = _measures(np.ones((1, n)), C, M, t, columns, keep, pairs)
    boot = None
    if n_boot and n:
        W = np.random.default_rng(seed).multinomial(n, np.full(n, 1 / n), size=n_boot).astype(float)
        boot = _measures(W, C, M, t, columns, keep, pairs)
    n_mentions = int(C.sum())
    n_actors = int(((C.sum(axis=0) > 0) & keep).sum()) if n else 0
    rows = []
    alpha = (1 - ci) / 2
    for (measure, pair), value in point.items():
        low = high = np.nan
        if boot is not None:
            vals = boot[(measure, pair)]
            vals = vals[~np.isnan(vals)]
            if len(vals) and not np.isnan(value[0]):
                low, high = (float(q) for q in np.quantile(vals, [alpha, 1 - alpha]))
        rows.append((by, group, measure, pair, float(value[0]), low, high, n, n_mentions, n_actors))
    return rows


# ---------------------------------------------------------------------------------------------
# comparison: the article among Syria's UN statements and the named states' 2024 statements
# ---------------------------------------------------------------------------------------------

def comparison_corpus(article: Corpus, un: Corpus, *, sample: int | None = None,
                      seed: int = 1) -> Corpus:
    """The article(s) and the UN comparison sets in one corpus, labelled in a ``set`` column.

    Sets: ``"article"``, ``"Syria before 2011"``, ``"Syria 2011-2024"`` (the periods of
    :data:`discourse.corpus.comparisons.SYRIA_PERIODS`) and ``"named states 2024"`` (the 2024
    statements of :data:`discourse.corpus.comparisons.ARTICLE_STATES`); ``sample`` caps each UN set.
    Metadata kept: ``doc_id, set, country, year``.

    >>> import discourse
    >>> corp = comparison_corpus(discourse.load_article(), discourse.load_ungdc(progress=False), sample=3)
    >>> corp.meta["set"].value_counts().to_dict()
    {'Syria before 2011': 3, 'Syria 2011-2024': 3, 'named states 2024': 3, 'article': 1}
    """
    sets = comparison_sets(un, sample=sample, seed=seed)
    parts = [article.assign(set="article")]
    for name in [f"Syria {p}" for p in SYRIA_PERIODS] + ["named states 2024"]:
        parts.append(sets[name].assign(set=name))
    frames = []
    for p in parts:
        f = p.to_frame()
        for c in ("country", "year"):
            if c not in f:
                f[c] = pd.NA
        frames.append(f[["doc_id", "text", "set", "country", "year"]])
    return Corpus(pd.concat(frames, ignore_index=True), name="balance comparison")


def stat_balance_comparison(article: Corpus, un: Corpus, gazetteer=None, *,
                            sample: int | None = None, seed: int = 1, n_boot: int = 500,
                            pairs: dict | None = None) -> pd.DataFrame:
    """:func:`stat_balance` per document for the article and the comparison sets, with the
    set, country and year of each document (see :func:`comparison_corpus`).

    Returns
    -------
    DataFrame
        ``set, country, year`` then :data:`BALANCE_COLUMNS` (``group`` is the doc_id).
    """
    corp = comparison_corpus(article, un, sample=sample, seed=seed)
    table = stat_balance(corp, gazetteer, by="document", n_boot=n_boot, seed=seed, pairs=pairs)
    meta = corp.meta.rename(columns={"doc_id": "group"})[["group", "set", "country", "year"]]
    table = meta.merge(table, on="group", how="right")
    return table[["set", "country", "year", *BALANCE_COLUMNS]]

