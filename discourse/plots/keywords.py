"""Figures for the lexical analyses: keyness, frequencies, dispersion, trends, scatter.

Each takes the table of the matching ``stat_*``/``kwic`` function and ``ax=None`` and returns
the Figure.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_columns, check_range
from ..errors import EmptyInputError
from .labels import group_label, measure_label
from .style import ARTICLE_COLOUR, PALETTE, REFERENCE_COLOUR, styled
from ._axes import axes_or_new, legend_above, place_labels, with_gaps

__all__ = ["plot_keyness", "plot_frequency", "plot_dispersion", "plot_trend",
           "plot_frequency_scatter"]


@styled
def plot_keyness(table: pd.DataFrame, *, n: int = 15, measure: str = "g2",
                 labels: tuple[str, str] = ("target", "reference"), ax=None):
    """Two-sided bars: the ``n`` most key terms of the target (right, vermilion) and of the
    reference (left, blue), by ``measure``; the axis shows the measure's size on both sides.

    >>> from discourse.keywords.keyness import keyness_from_counts
    >>> t = keyness_from_counts(["a", "b", "c"], [30, 1, 5], [2, 40, 5], 1000, 1000)
    >>> fig = plot_keyness(t, n=1)
    >>> [tick.get_text() for tick in fig.axes[0].get_yticklabels()]
    ['b', 'a']
    >>> fig.axes[0].get_xlabel()
    'log-likelihood G² (right: key in target; left: key in reference)'
    """
    from matplotlib.ticker import FuncFormatter

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
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(v):g}"))
    ax.set_xlabel(f"{measure_label(measure)} (right: key in {labels[0]}; "
                  f"left: key in {labels[1]})")
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
    own = ax is None
    fig, ax = axes_or_new(ax, figsize=(7.2, 0.3 * len(terms) * max(1, len(groups)) / 1.5 + 1))
    height = 0.8 / len(groups)
    for k, g in enumerate(groups):
        part = table[table["group"] == g].set_index("term").reindex(terms)
        y = np.arange(len(terms)) + k * height
        err = np.vstack([part["rate_per_10k"] - part["ci_low"], part["ci_high"] - part["rate_per_10k"]])
        ax.barh(y, part["rate_per_10k"], height=height, xerr=err, label=str(g),
                color=PALETTE[k % len(PALETTE)], error_kw={"linewidth": 0.8})
    ax.set_yticks(np.arange(len(terms)) + 0.4 - height / 2,
                  [str(t).replace("_", " ") for t in terms])
    ax.invert_yaxis()
    ax.set_xlabel("rate per 10,000 words (95% CI)")
    if len(groups) > 1:
        legend_above(fig, ax, own=own)
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
    a band; the world baseline is drawn in grey. A group's line and band break over the
    years in which it has no statement (Syria 1958-61, part of the United Arab Republic);
    groups are named in words (``SYR`` -> Syria).

    >>> t = pd.DataFrame({"year": [1957, 1962], "group": "SYR", "term": "x",
    ...                   "rate_per_10k": [1.0, 2.0], "ci_low": [0.5, 1.0], "ci_high": [2.0, 3.0]})
    >>> fig = plot_trend(t)
    >>> int(np.isnan(fig.axes[0].lines[0].get_ydata()).sum())  # 1958-1961
    4
    """
    from matplotlib.patches import Patch

    check_columns(table, ["year", "group", "term", "rate_per_10k", "ci_low", "ci_high"], "plot_trend")
    terms = list(dict.fromkeys(table["term"]))
    term = term or terms[0]
    data = table[table["term"] == term]
    if data.empty:
        raise EmptyInputError(f"plot_trend: no row for term {term!r}")
    own = ax is None
    fig, ax = axes_or_new(ax, figsize=(7.2, 3.2))
    k = 0
    for group, part in data.groupby("group", sort=True):
        colour = "#7b8794" if group == "world" else [ARTICLE_COLOUR, *PALETTE][k % 9]
        k += group != "world"
        part = with_gaps(part.sort_values("year"), "year")
        ax.fill_between(part["year"], part["ci_low"], part["ci_high"], color=colour,
                        alpha=0.15 if group != "world" else 0.25, linewidth=0)
        ax.plot(part["year"], part["rate_per_10k"], color=colour, label=group_label(group),
                marker="o" if group != "world" else None, ms=2.5)
    ax.set_xlabel("year")
    ax.set_ylabel(f"'{term}' per 10,000 words")
    ax.set_ylim(bottom=0)
    handles, labels = ax.get_legend_handles_labels()
    handles.append(Patch(facecolor="#7b8794", alpha=0.25, edgecolor="none"))
    labels.append("95% interval")
    legend_above(fig, ax, handles, labels, own=own, ncols=len(handles))
    return fig


@styled
def plot_frequency_scatter(table: pd.DataFrame, *, n_labels: int = 12,
                           labels: tuple[str, str] = ("target", "reference"), ax=None):
    """Scattertext's chart for print: each term at (rate in reference, rate in target) on log
    axes; the terms most over- and under-used (by the log-odds z-score, among terms seen at
    least 3 times) are labelled, each label placed where it overprints no other label and no
    labelled point. A term absent from one side cannot sit on a log axis: it is drawn on a
    strip below (or left of) the axis, marked "0" and set off by a dashed line.
    Input: :func:`discourse.stat_keyness` output.

    >>> t = pd.DataFrame({"term": ["a", "b", "c"], "rate_target_per_10k": [5.0, 0.0, 1.0],
    ...                   "rate_reference_per_10k": [1.0, 2.0, 0.0], "log_ratio": [2.3, -9, 9],
    ...                   "n_target": [5, 0, 1], "n_reference": [1, 2, 0]})
    >>> fig = plot_frequency_scatter(t)
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text() == "0"]
    ['0']
    """
    from matplotlib.ticker import FixedLocator, LogLocator, NullFormatter

    check_columns(table, ["term", "rate_target_per_10k", "rate_reference_per_10k", "log_ratio",
                          "n_target", "n_reference"], "plot_frequency_scatter")
    if table.empty:
        raise EmptyInputError("plot_frequency_scatter: empty table")
    positive = pd.concat([table.loc[table["rate_target_per_10k"] > 0, "rate_target_per_10k"],
                          table.loc[table["rate_reference_per_10k"] > 0, "rate_reference_per_10k"]])
    if positive.empty:
        raise EmptyInputError("plot_frequency_scatter: no term with a positive rate")
    low = 10 ** np.floor(np.log10(positive.min()))  # the lowest decade with data
    floor = low / 4  # where zeros are drawn, a strip below the lowest decade
    cut = low / 2  # the dashed line between the strip and the log scale
    x = table["rate_reference_per_10k"].where(table["rate_reference_per_10k"] > 0, floor)
    y = table["rate_target_per_10k"].where(table["rate_target_per_10k"] > 0, floor)
    own = ax is None
    fig, ax = axes_or_new(ax, figsize=(4.8, 4.6))
    ax.scatter(x, y, s=4, color="#9aa5b1", alpha=0.6, linewidths=0)
    lim = (floor / 1.6, max(x.max(), y.max()) * 1.5)
    ax.plot([cut, lim[1]], [cut, lim[1]], color="black", linewidth=0.5)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(lim)
    ax.set_ylim(lim)
    for axis in (ax.xaxis, ax.yaxis):
        decades = [10.0 ** e for e in range(int(np.log10(low)), int(np.ceil(np.log10(lim[1]))))]
        axis.set_major_locator(FixedLocator([floor] + decades))
        axis.set_major_formatter(_ZeroOrPower(floor))
        axis.set_minor_locator(LogLocator(subs=np.arange(2, 10), numticks=20))
        axis.set_minor_formatter(NullFormatter())
    ax.axvline(cut, color="#7b8794", linewidth=0.6, linestyle="--")
    ax.axhline(cut, color="#7b8794", linewidth=0.6, linestyle="--")
    ax.fill_between([lim[0], lim[1]], lim[0], cut, color="#f3f4f6", zorder=0, linewidth=0)
    ax.fill_betweenx([lim[0], lim[1]], lim[0], cut, color="#f3f4f6", zorder=0, linewidth=0)
    frequent = table[(table["n_target"] + table["n_reference"]) >= 3]
    rank = "log_odds_z" if "log_odds_z" in table.columns else "log_ratio"
    picks = pd.concat([frequent.nlargest(n_labels // 2, rank),
                       frequent.nsmallest(n_labels - n_labels // 2, rank)])
    points, texts, colours = [], [], []
    for _, row in picks.iterrows():
        colour = ARTICLE_COLOUR if row["log_ratio"] > 0 else REFERENCE_COLOUR
        px = row["rate_reference_per_10k"] if row["rate_reference_per_10k"] > 0 else floor
        py = row["rate_target_per_10k"] if row["rate_target_per_10k"] > 0 else floor
        ax.plot(px, py, "o", ms=3, color=colour)
        points.append((px, py))
        texts.append(str(row["term"]))
        colours.append(colour)
    ax.set_xlabel(f"rate in {labels[1]} (per 10,000 words)")
    ax.set_ylabel(f"rate in {labels[0]} (per 10,000 words)")
    if own:
        fig.canvas.draw()  # fix the layout before measuring where labels fit
        fig.set_layout_engine("none")
    place_labels(ax, points, texts, colours, data=np.column_stack([x, y]))
    return fig


class _ZeroOrPower:
    """Tick labels of a log axis with a zero strip: "0" at the strip, powers of ten above."""

    def __init__(self, floor):
        self.floor = floor

    def __call__(self, value, pos=None):
        if np.isclose(value, self.floor):
            return "0"
        exponent = int(round(np.log10(value)))
        return {-2: "0.01", -1: "0.1", 0: "1", 1: "10", 2: "100", 3: "1,000",
                4: "10,000"}.get(exponent, f"$10^{{{exponent}}}$")
