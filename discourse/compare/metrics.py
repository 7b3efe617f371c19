"""Place an article among comparison documents, metric by metric.

``compare_to_reference(article_table, reference_table)`` takes two per-document metric tables
(one row per document, one numeric column per metric, a ``doc_id`` column) and returns, for
every article and every metric shared by both tables, the article's value, the comparison
set's median and interquartile range, the article's percentile in the comparison set (the
share of comparison documents with a lower value plus half the share with an equal one, in
percent: the "mid-rank" percentile, so that ties do not bias it) and a robust effect size
``(value − median) / (1.4826 · MAD)`` (a z-score for normal data, undefined — NaN — when the
comparison set has no spread).

:func:`stat_metrics` builds such a table from the package's per-document measures that do not
depend on a model: size, sentence length, VADER sentiment and the rate of each frame of a
dictionary.

>>> import pandas as pd
>>> ref = pd.DataFrame({"doc_id": list("abcde"), "x": [1.0, 2.0, 3.0, 4.0, 5.0]})
>>> art = pd.DataFrame({"doc_id": ["art"], "x": [4.0]})
>>> compare_to_reference(art, ref)[["metric", "value", "median", "percentile"]].values.tolist()
[['x', 4.0, 3.0, 70.0]]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_columns
from ..corpus.documents import Corpus
from ..errors import EmptyInputError, InputError

__all__ = ["compare_to_reference", "stat_metrics", "stat_comparison_metrics", "key_metrics",
           "COMPARISON_COLUMNS"]

COMPARISON_COLUMNS = ["doc_id", "reference", "metric", "value", "n_reference", "median", "q1",
                      "q3", "percentile", "effect_size"]


def compare_to_reference(article: pd.DataFrame, reference: pd.DataFrame, *,
                         reference_name: str = "reference",
                         metrics: list[str] | None = None) -> pd.DataFrame:
    """One row per article document and metric: value, comparison median and IQR,
    percentile and robust effect size (see the module docs).

    Parameters
    ----------
    article, reference : DataFrame
        Per-document tables with ``doc_id`` and numeric metric columns.
    reference_name : str
        Label written in the ``reference`` column.
    metrics : list of str, optional
        Metrics to compare (default: every numeric column both tables have).

    Returns
    -------
    DataFrame
        :data:`COMPARISON_COLUMNS`.
    """
    check_columns(article, ["doc_id"], "compare_to_reference")
    check_columns(reference, ["doc_id"], "compare_to_reference")
    if reference.empty:
        raise EmptyInputError(f"compare_to_reference: the comparison set {reference_name!r} "
                              "has no document")
    if article.empty:
        raise EmptyInputError("compare_to_reference: no article to compare")
    if metrics is None:
        metrics = [c for c in article.columns if c in reference.columns and c != "doc_id"
                   and pd.api.types.is_numeric_dtype(article[c])
                   and pd.api.types.is_numeric_dtype(reference[c])]
    else:
        check_columns(article, metrics, "compare_to_reference")
        check_columns(reference, metrics, "compare_to_reference")
    if not metrics:
        raise InputError("compare_to_reference: the two tables share no numeric metric column")
    rows = []
    for metric in metrics:
        ref = pd.to_numeric(reference[metric], errors="coerce").dropna().to_numpy(dtype=float)
        n = len(ref)
        if n:
            q1, med, q3 = np.percentile(ref, [25, 50, 75])
            mad = 1.4826 * np.median(np.abs(ref - med))
        else:
            q1 = med = q3 = mad = np.nan
        for doc_id, value in zip(article["doc_id"], pd.to_numeric(article[metric], errors="coerce")):
            if n == 0 or pd.isna(value):
                pct = effect = np.nan
            else:
                pct = 100.0 * (np.sum(ref < value) + 0.5 * np.sum(ref == value)) / n
                effect = (value - med) / mad if mad > 0 else np.nan
            rows.append((doc_id, reference_name, metric, float(value), n, float(med), float(q1),
                         float(q3), float(pct), float(effect)))
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


def stat_metrics(corpus: Corpus, *, dictionary=None) -> pd.DataFrame:
    """Per-document metrics that need no model: ``n_tokens``, ``n_sentences``,
    ``mean_sentence_tokens``, VADER ``sentiment_compound`` (mean over sentences) and
    ``share_negative_sentences``, and, with a dictionary, ``rate_<category>`` per 10,000
    tokens for each of its categories. One row per document, ``doc_id`` first.
    """
    from ..rhetoric.sentiment import stat_sentiment
    from ..text.parsed import parse

    if len(corpus) == 0:
        raise EmptyInputError("stat_metrics: the corpus has no documents")
    rows = []
    for doc in corpus:
        parsed = parse(doc)
        spans = parsed.sentences
        lengths = [parsed.n_words_in(s, e) for s, e in spans]
        rows.append((doc.id, sum(lengths), len(spans),
                     float(np.mean(lengths)) if lengths else np.nan))
    table = pd.DataFrame(rows, columns=["doc_id", "n_tokens", "n_sentences",
                                        "mean_sentence_tokens"])
    tone = stat_sentiment(corpus, by="document")
    table["sentiment_compound"] = tone["compound"].to_numpy()
    table["share_negative_sentences"] = tone["share_negative"].to_numpy()
    if dictionary is not None:
        table = table.merge(_frame_rates(corpus, dictionary), on="doc_id", how="left")
    return table


def _frame_rates(corpus: Corpus, dictionary) -> pd.DataFrame:
    """``doc_id`` and ``rate_<category>`` per 10,000 tokens for each category of a dictionary."""
    from ..keywords.frequencies import keyword_frequencies

    freq = keyword_frequencies(corpus, dictionary, by="document")
    wide = freq.pivot(index="group", columns="term", values="rate_per_10k").reindex(corpus.ids)
    out = pd.DataFrame({"doc_id": corpus.ids})
    for category in dictionary.categories:
        out[f"rate_{category}"] = wide[category].to_numpy()
    return out


def _slug(text: str) -> str:
    import re
    import unicodedata

    text = re.sub(r"[\u2010-\u2015]", " ", text)  # dashes separate words
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def stat_comparison_metrics(corpus: Corpus, *, dictionary=None, actors: bool = True,
                            progress: bool = False) -> pd.DataFrame:
    """Every per-document measure the package has, one row per document: the frame rates of
    :func:`stat_metrics` (with ``dictionary``), the rhetoric profile
    (:func:`discourse.rhetoric.profile.profile`) and, with ``actors``, the balance measures of
    :func:`discourse.actors.balance.stat_balance` without intervals (``attention_entropy``,
    ``tone_dispersion`` and, per pair, ``attention_gap_<pair>``, ``tone_gap_<pair>``,
    ``equidistance_<pair>``, e.g. ``equidistance_russia_ukraine``) and the ideological square
    of :func:`discourse.actors.square.square_rates` (``eval_self_positive_per_1k``,
    ``eval_self_negative_per_1k``, ``eval_other_positive_per_1k``,
    ``eval_other_negative_per_1k``).

    Size, sentence length and tone come from the profile (not recomputed).
    """
    from ..rhetoric.profile import profile

    table = profile(corpus, progress=progress)
    if dictionary is not None:  # size, sentence length and tone are already the profile's
        table = table.merge(_frame_rates(corpus, dictionary), on="doc_id", how="left",
                            validate="one_to_one")
    if actors:
        from ..actors.balance import stat_balance

        bal = stat_balance(corpus, by="document", n_boot=0)
        names = [m if not p else f"{m}_{_slug(p)}" for m, p in zip(bal["measure"],
                                                                     bal["pair"].fillna(""))]
        wide = (bal.assign(column=names)
                   .pivot(index="group", columns="column", values="value")
                   .reindex(table["doc_id"]))
        from ..actors.square import square_rates

        square = square_rates(corpus).set_index("doc_id").reindex(table["doc_id"])
        added = {column: frame[column].to_numpy(dtype=float)
                 for frame in (wide, square) for column in frame.columns}
        table = pd.concat([table.drop(columns=[c for c in added if c in table.columns]),
                           pd.DataFrame(added, index=table.index)], axis=1)
    return table


def key_metrics(metrics) -> list[str]:
    """The subset of ``metrics`` shown in summary figures: the profile's
    :data:`~discourse.rhetoric.profile.KEY_METRICS`, every frame rate (``rate_*``), the attention
    entropy, the tone dispersion, the equidistance of each pair, and the square's praise of
    the own side and blame of the others; in that order.

    >>> key_metrics(["n_tokens", "rate_balance", "mtld", "equidistance_russia_ukraine"])
    ['mtld', 'rate_balance', 'equidistance_russia_ukraine']
    """
    from ..rhetoric.profile import KEY_METRICS

    metrics = list(dict.fromkeys(metrics))
    order = [m for m in KEY_METRICS if m in metrics]
    order += [m for m in metrics if m.startswith("rate_")]
    order += [m for m in ("attention_entropy", "tone_dispersion") if m in metrics]
    order += [m for m in metrics if m.startswith("equidistance_")]
    order += [m for m in ("eval_self_positive_per_1k", "eval_other_negative_per_1k")
              if m in metrics]
    return order
