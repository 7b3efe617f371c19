"""Figures for the lexical analyses: keyness, frequencies, dispersion, trends, scatter.

Each takes the table of the matching ``stat_*``/``kwic`` function and ``ax=None`` and returns
the Figure.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_columns, check_range
from ..errors import EmptyInputError
from .style import ARTICLE_COLOUR, PALETTE, REFERENCE_COLOUR, styled
from ._axes import axes_or_new

__all__ = ["plot_keyness", "plot_frequency", "plot_dispersion", "plot_trend",
           "plot_frequency_scatter"]


@styled
def plot_keyness(table: pd.DataFrame, *, n: int = 15, measure: str = "g2",
                 labels: tuple[str, str] = ("target", "reference"), ax=None):
    """Two-sided bars: the ``n`` most key terms of the target (right, vermilion) and of the
    reference (left, blue), by ``measure``.

    >>> from discourse.keywords.keyness import keyness_from_counts
    >>> t = keyness_from_counts(["a", "b", "c"], [30, 1, 5], [2, 40, 5], 1000, 1000)
    >>> fig = plot_keyness(t, n=1)
    >>> [tick.get_text() for tick in fig.axes[0].get_yticklabels()]
    ['b', 'a']
    """
    check_columns(table, ["term", measure, "direction"], "plot_keyness")
    check_range("n", n, "plot_keyness", low=1, integer=True)
    signed = np.where(table["direction"] == "reference", -1, 1) * table[measure].abs()
    data = table.assign(_s=signed)
    top = data[data["direction"] == "target"].nlargest(n, "_s")
    bottom = data[data["direction"] == "reference"].nsmallest(n, "_s")
    both = pd.concat([bottom.iloc[::-1], top.iloc[::-1]])
    if both.empty:
        raise EmptyInputError("plot_keyness: no key term in the table")
    fig, ax = axes_or_new(ax, figsize=(7.2, 0.22 * len(both) + 1.0))
    colours = [ARTICLE_COLOUR if d == "target" else REFERENCE_COLOUR for d in both["direction"]]
    y = np.arange(len(both))
    ax.barh(y, both["_s"], color=colours, height=0.7)
    ax.set_yticks(y, both["term"])
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel(f"{measure} (right: key in {labels[0]}; left: key in {labels[1]})")
    return fig


@styled
def plot_frequency(table: pd.DataFrame, *, ax=None):
    """Rates per 10,000 tokens with their confidence intervals, one bar per term and group
    (:func:`discourse.keyword_frequencies` output)."""
    check_columns(table, ["group", "term", "rate_per_10k", "ci_low", "ci_high"], "plot_frequency")
    if table.empty:
        raise EmptyInputError("plot_frequency: empty table")
    groups = list(dict.fromkeys(table["group"]))
    terms = list(dict.fromkeys(table["term"]))
    fig, ax = axes_or_new(ax, figsize=(7.2, 0.3 * len(terms) * max(1, len(groups)) / 1.5 + 1))
    height = 0.8 / len(groups)
    for k, g in enumerate(groups):
        part = table[table["group"] == g].set_index("term").reindex(terms)
        y = np.arange(len(terms)) + k * height
        err = np.vstack([part["rate_per_10k"] - part["ci_low"], part["ci_high"] - part["rate_per_10k"]])
        ax.barh(y, part["rate_per_10k"], height=height, xerr=err, label=str(g),
                color=PALETTE[k % len(PALETTE)], error_kw={"linewidth": 0.8})
    ax.set_yticks(np.arange(len(terms)) + 0.4 - height / 2, terms)
    ax.invert_yaxis()
    ax.set_xlabel("rate per 10,000 tokens (95% CI)")
    if len(groups) > 1:
        ax.legend()
    return fig


@styled
def plot_dispersion(table: pd.DataFrame, *, ax=None):
    """Lexical dispersion plot: where in each text the matches fall (:func:`discourse.kwic`
    output; x = relative position in the document, one row per pattern and document)."""
    check_columns(table, ["doc_id", "pattern", "position"], "plot_dispersion")
    if table.empty:
        raise EmptyInputError("plot_dispersion: no match to plot")
    rows = list(dict.fromkeys(zip(table["pattern"], table["doc_id"])))
    several = table["doc_id"].nunique() > 1
    fig, ax = axes_or_new(ax, figsize=(7.2, 0.3 * len(rows) + 0.9))
    for i, (pat, doc) in enumerate(rows):
        pos = table.loc[(table["pattern"] == pat) & (table["doc_id"] == doc), "position"]
        ax.plot(pos, np.full(len(pos), i), "|", ms=10, mew=1.5,
                color=PALETTE[list(dict.fromkeys(table["pattern"])).index(pat) % len(PALETTE)])
    ax.set_yticks(range(len(rows)), [f"{p} — {d}" if several else p for p, d in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("position in the text (0 = start, 1 = end)")
    return fig


@styled
def plot_trend(table: pd.DataFrame, *, term: str | None = None, ax=None):
    """Rate per year for each group (:func:`discourse.stat_trend` output), with the 95% CI as
    a band; the world baseline is drawn in grey."""
    check_columns(table, ["year", "group", "term", "rate_per_10k", "ci_low", "ci_high"], "plot_trend")
    terms = list(dict.fromkeys(table["term"]))
    term = term or terms[0]
    data = table[table["term"] == term]
    if data.empty:
        raise EmptyInputError(f"plot_trend: no row for term {term!r}")
    fig, ax = axes_or_new(ax)
    k = 0
    for group, part in data.groupby("group", sort=True):
        colour = "#7b8794" if group == "world" else [ARTICLE_COLOUR, *PALETTE][k % 9]
        k += group != "world"
        ax.fill_between(part["year"], part["ci_low"], part["ci_high"], color=colour, alpha=0.2,
                        linewidth=0)
        ax.plot(part["year"], part["rate_per_10k"], color=colour, label=str(group),
                marker="o" if group != "world" else None, ms=2.5)
    ax.set_xlabel("year")
    ax.set_ylabel(f"'{term}' per 10,000 tokens")
    ax.legend()
    return fig


@styled
def plot_frequency_scatter(table: pd.DataFrame, *, n_labels: int = 12,
                           labels: tuple[str, str] = ("target", "reference"), ax=None):
    """Scattertext's chart for print: each term at (rate in reference, rate in target) on log
    axes (a term absent from one side sits on the floor of that axis); the terms most over-
    and under-used (by the log-odds z-score, among terms seen at least 3 times) are labelled.
    Input: :func:`discourse.stat_keyness` output."""
    check_columns(table, ["term", "rate_target_per_10k", "rate_reference_per_10k", "log_ratio",
                          "n_target", "n_reference"], "plot_frequency_scatter")
    if table.empty:
        raise EmptyInputError("plot_frequency_scatter: empty table")
    floor = 0.5 * min(table.loc[table["rate_target_per_10k"] > 0, "rate_target_per_10k"].min(),
                      table.loc[table["rate_reference_per_10k"] > 0, "rate_reference_per_10k"].min())
    x = table["rate_reference_per_10k"].clip(lower=floor)
    y = table["rate_target_per_10k"].clip(lower=floor)
    fig, ax = axes_or_new(ax, figsize=(4.8, 4.6))
    ax.scatter(x, y, s=4, color="#9aa5b1", alpha=0.6, linewidths=0)
    lim = (floor * 0.8, max(x.max(), y.max()) * 1.3)
    ax.plot(lim, lim, color="black", linewidth=0.5)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(lim)
    ax.set_ylim(lim)
    frequent = table[(table["n_target"] + table["n_reference"]) >= 3]
    rank = "log_odds_z" if "log_odds_z" in table.columns else "log_ratio"
    picks = pd.concat([frequent.nlargest(n_labels // 2, rank),
                       frequent.nsmallest(n_labels - n_labels // 2, rank)])
    crowded = {}  # labels at (nearly) the same point are stacked, not overprinted
    for _, row in picks.iterrows():
        colour = ARTICLE_COLOUR if row["log_ratio"] > 0 else REFERENCE_COLOUR
        px, py = max(row["rate_reference_per_10k"], floor), max(row["rate_target_per_10k"], floor)
        spot = (round(np.log10(px), 1), round(np.log10(py), 1))
        k = crowded[spot] = crowded.get(spot, -1) + 1
        ax.plot(px, py, "o", ms=3, color=colour)
        ax.annotate(row["term"], (px, py), xytext=(3, 2 + 7 * k), textcoords="offset points",
                    fontsize=6.5, color=colour)
    ax.set_xlabel(f"rate in {labels[1]} (per 10,000 tokens)")
    ax.set_ylabel(f"rate in {labels[0]} (per 10,000 tokens)")
    return fig
