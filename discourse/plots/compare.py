"""The article placed among comparison sets: percentile dot plot."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_columns
from ..errors import EmptyInputError
from .labels import metric_label
from .style import PALETTE, styled
from ._axes import axes_or_new

__all__ = ["plot_comparison"]

_MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
_BAND = "#e4e7eb"


@styled
def plot_comparison(table: pd.DataFrame, *, doc_id: str | None = None,
                    subject: str = "the article", labels: dict | None = None, ax=None):
    """Percentile of a document (default: the table's first) on every metric in each
    comparison set (:func:`discourse.compare.metrics.compare_to_reference` or
    :func:`discourse.compare.percentiles.percentiles` output, several references
    concatenated). One row per metric, labelled in words (:func:`discourse.plots.labels.metric_label`,
    or ``labels`` ``{metric: label}``); one marker shape per comparison set, the sets side by
    side within a row so that equal percentiles (0 or 100) stay visible; the shaded band is
    the middle half of each comparison set (25th to 75th percentile). ``subject`` names the
    document in the axis label.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": "a", "reference": ["r1", "r2"], "metric": "hedges_per_1k",
    ...                   "percentile": [90.0, 40.0]})
    >>> fig = plot_comparison(t)
    >>> [line.get_xdata().tolist() for line in fig.axes[0].lines]
    [[90.0], [40.0]]
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()], fig.axes[0].get_xlabel()
    (['hedges per 1,000 words'], 'percentile of the article in each comparison set')
    """
    from matplotlib.patches import Patch

    check_columns(table, ["doc_id", "reference", "metric", "percentile"], "plot_comparison")
    if table.empty:
        raise EmptyInputError("plot_comparison: empty table")
    doc_id = doc_id or table["doc_id"].iloc[0]
    data = table[table["doc_id"] == doc_id]
    if data.empty:
        raise EmptyInputError(f"plot_comparison: no row for document {doc_id!r}")
    metrics = list(dict.fromkeys(data["metric"]))
    refs = list(dict.fromkeys(data["reference"]))
    row = 0.1 + 0.05 * len(refs)  # inches per metric: room for every set's marker
    own = ax is None
    fig, ax = axes_or_new(ax, figsize=(7.2, row * len(metrics) + 1.1))
    ax.axvspan(25, 75, color=_BAND, zorder=0)
    for y in np.arange(len(metrics) - 1) + 0.5:
        ax.axhline(y, color="#d0d7de", linewidth=0.4, zorder=0)
    spread = 0.62  # share of a row the sets occupy
    for k, ref in enumerate(refs):
        part = data[data["reference"] == ref].drop_duplicates("metric").set_index("metric")
        part = part.reindex(metrics)
        offset = (k - (len(refs) - 1) / 2) * (spread / max(len(refs) - 1, 1)) if len(refs) > 1 else 0
        ax.plot(part["percentile"], np.arange(len(metrics)) + offset, linestyle="none",
                marker=_MARKERS[k % len(_MARKERS)], ms=3.6, color=PALETTE[k % len(PALETTE)],
                markeredgewidth=0.4, markeredgecolor="white", label=str(ref))
    names = {**{m: metric_label(m) for m in metrics}, **(labels or {})}
    ax.set_yticks(range(len(metrics)), [names[m] for m in metrics])
    ax.set_ylim(len(metrics) - 0.5, -0.5)
    ax.set_xlim(-2, 102)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel(f"percentile of {subject} in each comparison set")
    handles, texts = ax.get_legend_handles_labels()
    handles.append(Patch(facecolor=_BAND, edgecolor="none"))
    texts.append("middle half of each set (25th–75th percentile)")
    if own:  # a figure of its own: the key above the plot, centred on the figure
        fig.legend(handles, texts, loc="outside upper center", ncols=min(len(texts), 3),
                   frameon=False)
    else:
        ax.legend(handles, texts, loc="lower center", bbox_to_anchor=(0.5, 1.0),
                  ncols=min(len(texts), 3), frameon=False)
    return fig
