"""Figures for topic models: top terms, prevalence over time, choosing k, the intertopic
distance map and the article's topic mix against comparison sets.

Each takes the table of the matching function of :mod:`discourse.topics` and returns the
Figure; topic ids are always the model's own.
"""
from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from .._validation import check_columns, check_range
from ..errors import EmptyInputError, InputError
from .style import ARTICLE_COLOUR, PALETTE, REFERENCE_COLOUR, TWO_COLUMN_IN, styled
from ._axes import axes_or_new, legend_above

#: Coherence measures (gensim's names) in the literature's notation (Röder et al. 2015).
COHERENCE_LABELS = {"c_v": "$C_V$", "c_npmi": "$C_{NPMI}$", "u_mass": "$C_{UMass}$",
                    "c_uci": "$C_{UCI}$"}

__all__ = ["plot_top_terms", "plot_topic_prevalence", "plot_coherence", "plot_stability",
           "plot_topic_selection", "plot_topic_map", "plot_topic_mix"]


@styled
def plot_top_terms(table: pd.DataFrame, *, topics=None, n: int = 8, ncols: int = 4, ax=None):
    """One small bar chart of term weights per topic (:meth:`TopicModel.top_terms` output),
    terms in relevance order; with ``ax`` draw one topic (``topics=[id]``) on it.

    >>> t = pd.DataFrame({"topic": [0, 0, 1], "label": ["a", "a", "b"], "rank": [1, 2, 1],
    ...                   "term": ["golan", "israel", "refugees"], "weight": [.2, .1, .3]})
    >>> fig = plot_top_terms(t)
    >>> [tick.get_text() for tick in fig.axes[0].get_yticklabels()]
    ['golan', 'israel']
    """
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    check_columns(table, ["topic", "label", "rank", "term", "weight"], "plot_top_terms")
    check_range("n", n, "plot_top_terms", low=1, integer=True)
    check_range("ncols", ncols, "plot_top_terms", low=1, integer=True)
    ids = sorted(table["topic"].unique()) if topics is None else list(topics)
    if not ids:
        raise EmptyInputError("plot_top_terms: no topic to draw")
    if ax is not None and len(ids) != 1:
        raise InputError("plot_top_terms: with ax=..., pass topics=[one topic id]")
    if ax is None:
        import matplotlib.pyplot as plt

        ncols = min(ncols, len(ids))
        nrows = int(np.ceil(len(ids) / ncols))
        fig, axes = plt.subplots(nrows, ncols, figsize=(TWO_COLUMN_IN, 0.16 * n * nrows + 0.5 * nrows + 0.3),
                                 layout="constrained", squeeze=False, sharex=True)
        axes = axes.ravel()
        for extra in axes[len(ids):]:
            extra.set_visible(False)
        fig.supxlabel("weight of the term in the topic, % (the same scale in every panel)",
                      fontsize="small")
    else:
        fig, axes = ax.figure, [ax]
    for i, (t, a) in enumerate(zip(ids, axes)):
        part = table[table["topic"] == t].sort_values("rank").head(n)
        if part.empty:
            raise EmptyInputError(f"plot_top_terms: no row for topic {t!r}")
        y = np.arange(len(part))
        a.barh(y, part["weight"], color=PALETTE[i % len(PALETTE)], height=0.7)
        a.set_yticks(y, part["term"].str.replace("_", " "))
        a.invert_yaxis()
        # right-aligned: a long label grows over the free space of the term labels, never past
        # the figure's right edge
        a.set_title(textwrap.fill(f"{t}: {part['label'].iloc[0]}", 26), fontsize="x-small",
                    loc="right")
        a.tick_params(axis="x", labelsize="x-small", labelbottom=True)
        a.xaxis.set_major_locator(MaxNLocator(3))
        a.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{100 * v:.2g}"))
    if ax is not None:
        ax.set_xlabel("weight of the term in the topic, %")
    return fig


@styled
def plot_topic_prevalence(table: pd.DataFrame, *, topics=None, n: int = 6, ax=None):
    """Mean topic proportion by group (:func:`topic_prevalence` output, e.g. by year): one
    line per topic; by default the ``n`` topics of highest mean prevalence."""
    check_columns(table, ["group", "topic", "label", "prevalence"], "plot_topic_prevalence")
    if table.empty:
        raise EmptyInputError("plot_topic_prevalence: empty table")
    if topics is None:
        mean = table.groupby("topic")["prevalence"].mean().sort_values(ascending=False)
        topics = sorted(mean.index[:n])
    own = ax is None
    fig, ax = axes_or_new(ax)
    for i, t in enumerate(topics):
        part = table[table["topic"] == t].sort_values("group")
        ax.plot(part["group"], part["prevalence"], color=PALETTE[i % len(PALETTE)],
                label=f"{t}: {part['label'].iloc[0]}", marker="o", ms=2)
    ax.set_xlabel(str(table["by"].iloc[0]) if "by" in table else "group")
    ax.set_ylabel("mean topic proportion")
    ax.set_ylim(bottom=0)
    legend_above(fig, ax, own=own, ncols=2, fontsize="x-small")
    return fig


@styled
def plot_coherence(table: pd.DataFrame, *, measure: str | None = None, ax=None):
    """Coherence against k (:func:`stat_coherence` output), the mean over seeds with the
    seeds' range as error bars, for one measure (default: the first in the table)."""
    check_columns(table, ["k", "seed", "measure", "coherence"], "plot_coherence")
    if table.empty:
        raise EmptyInputError("plot_coherence: empty table")
    measure = measure or table["measure"].iloc[0]
    part = table[table["measure"] == measure]
    if part.empty:
        raise EmptyInputError(f"plot_coherence: no row for measure {measure!r}")
    g = part.groupby("k")["coherence"].agg(["mean", "min", "max"]).reset_index()
    fig, ax = axes_or_new(ax, figsize=(3.5, 2.4))
    ax.errorbar(g["k"], g["mean"], yerr=[g["mean"] - g["min"], g["max"] - g["mean"]],
                color=REFERENCE_COLOUR, marker="o", ms=3, capsize=2)
    ax.set_xlabel("number of topics k")
    ax.set_xticks(sorted(g["k"]))
    ax.set_ylabel(f"coherence {COHERENCE_LABELS.get(measure, measure)}")
    return fig


@styled
def plot_stability(table: pd.DataFrame, *, ax=None):
    """Mean similarity of matched topics between seeds against k (:func:`stat_stability`
    output), with the weakest matched pair as a dashed line."""
    check_columns(table, ["k", "mean_similarity", "min_similarity"], "plot_stability")
    if table.empty:
        raise EmptyInputError("plot_stability: empty table")
    g = table.groupby("k")[["mean_similarity", "min_similarity"]].mean().reset_index()
    fig, ax = axes_or_new(ax, figsize=(3.5, 2.4))
    ax.plot(g["k"], g["mean_similarity"], color=ARTICLE_COLOUR, marker="o", ms=3,
            label="mean of matched topics")
    ax.plot(g["k"], g["min_similarity"], color=ARTICLE_COLOUR, linestyle="--", label="weakest match")
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("number of topics k")
    ax.set_xticks(sorted(g["k"]))
    metric = table["metric"].iloc[0] if "metric" in table else "similarity"
    names = {"jensen_shannon": "1 − JSD", "cosine": "cosine"}
    ax.set_ylabel(f"stability ({names.get(metric, metric.replace('_', ' '))})")
    ax.legend(fontsize="x-small", loc="lower left")
    return fig


@styled
def plot_topic_selection(coherence: pd.DataFrame, stability: pd.DataFrame | None = None):
    """Choosing k in one figure: one panel per coherence measure, then stability."""
    import matplotlib.pyplot as plt

    measures = list(dict.fromkeys(coherence["measure"]))
    n = len(measures) + (stability is not None)
    fig, axes = plt.subplots(1, n, figsize=(TWO_COLUMN_IN, 2.4), layout="constrained",
                             squeeze=False, sharex=True)
    for a, m in zip(axes[0], measures):
        plot_coherence(coherence, measure=m, ax=a)
    if stability is not None:
        plot_stability(stability, ax=axes[0][-1])
    for a in axes[0]:
        a.set_xlabel("")
    fig.supxlabel("number of topics k (the same grid in every panel)", fontsize="small")
    return fig


@styled
def plot_topic_map(table: pd.DataFrame, *, ax=None):
    """Intertopic distance map (:func:`stat_topic_map` output): circles at the PCoA
    coordinates, area proportional to prevalence, numbered with the model's topic ids."""
    check_columns(table, ["topic", "x", "y", "prevalence"], "plot_topic_map")
    if table.empty:
        raise EmptyInputError("plot_topic_map: empty table")
    fig, ax = axes_or_new(ax, figsize=(4.5, 4.2))
    size = 3000 * table["prevalence"] / table["prevalence"].max()
    ax.scatter(table["x"], table["y"], s=size, color=REFERENCE_COLOUR, alpha=0.35,
               edgecolor=REFERENCE_COLOUR)
    for _, row in table.iterrows():
        ax.annotate(str(row["topic"]), (row["x"], row["y"]), ha="center", va="center",
                    fontsize="small")
    pad = 0.15 * max(np.ptp(table["x"]), np.ptp(table["y"]), 1e-9)
    ax.set_xlim(table["x"].min() - pad, table["x"].max() + pad)
    ax.set_ylim(table["y"].min() - pad, table["y"].max() + pad)
    ax.set_xlabel("PC1 (Jensen–Shannon distance, classical MDS)")
    ax.set_ylabel("PC2")
    ax.set_aspect("equal", adjustable="box")
    return fig


@styled
def plot_topic_mix(table: pd.DataFrame, *, target: str | None = None, ax=None):
    """The article's topic mix against each comparison set (:func:`stat_topic_mix` output):
    grouped horizontal bars per topic, the target (first set) in vermilion."""
    check_columns(table, ["set", "topic", "label", "proportion"], "plot_topic_mix")
    if table.empty:
        raise EmptyInputError("plot_topic_mix: empty table")
    sets = list(dict.fromkeys(table["set"]))
    target = target or sets[0]
    topics = sorted(table["topic"].unique())
    labels = table.drop_duplicates("topic").set_index("topic")["label"]
    own = ax is None
    fig, ax = axes_or_new(ax, figsize=(TWO_COLUMN_IN, min(0.11 * len(topics) * max(1, len(sets)) + 1.2, 9.0)))
    height = 0.8 / len(sets)
    others = [s for s in sets if s != target]
    for j, s in enumerate([target, *others]):
        part = table[table["set"] == s].set_index("topic").reindex(topics)
        colour = ARTICLE_COLOUR if s == target else [REFERENCE_COLOUR, *PALETTE[2:]][(j - 1) % 7]
        ax.barh(np.arange(len(topics)) + j * height, part["proportion"], height=height,
                color=colour, label=str(s))
    ax.set_yticks(np.arange(len(topics)) + 0.4 - height / 2,
                  [f"{t}: {labels[t]}" for t in topics], fontsize="x-small")
    ax.invert_yaxis()
    ax.set_xlabel("topic proportion (sets: mean over documents)")
    legend_above(fig, ax, own=own, fontsize="x-small")
    return fig
