"""Figures about what a corpus holds (tables from :func:`discourse.stat_documents`)."""
from __future__ import annotations

import pandas as pd

from .._validation import check_columns
from ..errors import EmptyInputError
from .labels import group_label
from .style import ARTICLE_COLOUR, styled
from ._axes import axes_or_new, legend_above

__all__ = ["plot_documents_per_year", "plot_lengths"]


@styled
def plot_documents_per_year(table: pd.DataFrame, *, highlight: str | None = None, ax=None):
    """Bars of documents per year; with ``highlight`` (a country code), a strip of marks
    under the bars shows the years in which that country has a document.

    Parameters
    ----------
    table : DataFrame
        :func:`discourse.stat_documents` output (columns ``year`` and, for ``highlight``,
        ``country``).
    highlight : str, optional
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> import pandas as pd
    >>> fig = plot_documents_per_year(pd.DataFrame({"year": [2000, 2000, 2002],
    ...                                             "country": ["SYR", "RUS", "SYR"]}),
    ...                               highlight="SYR")
    >>> [round(p.get_height()) for p in fig.axes[0].patches]
    [2, 1]
    >>> fig.axes[0].lines[0].get_xdata().tolist()
    [2000, 2002]
    """
    check_columns(table, ["year"] + (["country"] if highlight else []), "plot_documents_per_year")
    years = pd.to_numeric(table["year"], errors="coerce").dropna().astype(int)
    if years.empty:
        raise EmptyInputError("plot_documents_per_year: the table has no year values.")
    counts = years.value_counts().sort_index()
    own = ax is None
    fig, ax = axes_or_new(ax)
    ax.bar(counts.index, counts.to_numpy(), width=0.85, color="#9aa5b1", label="all documents")
    if highlight:
        own = pd.to_numeric(table.loc[table["country"] == highlight, "year"], errors="coerce")
        own = sorted(own.dropna().astype(int).unique().tolist())
        level = -0.04 * counts.max()
        ax.plot(own, [level] * len(own), "|", ms=6, mew=1.2, color=ARTICLE_COLOUR,
                label=f"years with a document of {group_label(highlight)}")
        ax.set_ylim(bottom=2 * level)
        legend_above(fig, ax, own=own)
    ax.set_xlabel("year")
    ax.set_ylabel("documents")
    return fig


@styled
def plot_lengths(table: pd.DataFrame, *, highlight: str | None = None, ax=None):
    """Median document length (tokens) per year, with the interquartile band; with
    ``highlight``, that country's documents as points.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"year": [2000, 2000, 2001], "n_tokens": [10, 30, 20],
    ...                   "country": ["SYR", "RUS", "SYR"]})
    >>> fig = plot_lengths(t, highlight="SYR")
    >>> fig.axes[0].lines[0].get_ydata().tolist()
    [20.0, 20.0]
    """
    check_columns(table, ["year", "n_tokens"] + (["country"] if highlight else []), "plot_lengths")
    data = table.assign(year=pd.to_numeric(table["year"], errors="coerce")).dropna(subset=["year"])
    if data.empty:
        raise EmptyInputError("plot_lengths: the table has no year values.")
    by = data.groupby("year")["n_tokens"]
    q = pd.DataFrame({"q1": by.quantile(0.25), "median": by.median(), "q3": by.quantile(0.75)})
    own = ax is None
    fig, ax = axes_or_new(ax)
    ax.fill_between(q.index, q["q1"], q["q3"], color="#9aa5b1", alpha=0.4, linewidth=0,
                    label="all documents: middle half")
    ax.plot(q.index, q["median"], color="#52606d", label="all documents: median")
    if highlight:
        mine = data[data["country"] == highlight]
        ax.plot(mine["year"], mine["n_tokens"], "o", ms=3, color=ARTICLE_COLOUR,
                label=f"{group_label(highlight)}: each document")
    ax.set_xlabel("year")
    ax.set_ylabel("words per document")
    legend_above(fig, ax, own=own)
    return fig
