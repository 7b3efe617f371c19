"""The article placed among comparison sets: percentile dot plot."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_columns
from ..errors import EmptyInputError
from .style import PALETTE, styled
from ._axes import axes_or_new

__all__ = ["plot_comparison"]


@styled
def plot_comparison(table: pd.DataFrame, *, doc_id: str | None = None, ax=None):
    """Percentile of the article on every metric in each comparison set
    (:func:`discourse.compare.metrics.compare_to_reference` output, several references concatenated).
    The band marks the comparison sets' interquartile range (25th-75th percentile).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"doc_id": "a", "reference": ["r1", "r2"], "metric": "x",
    ...                   "percentile": [90.0, 40.0]})
    >>> fig = plot_comparison(t)
    >>> [line.get_xdata().tolist() for line in fig.axes[0].lines]
    [[90.0], [40.0]]
    """
    check_columns(table, ["doc_id", "reference", "metric", "percentile"], "plot_comparison")
    if table.empty:
        raise EmptyInputError("plot_comparison: empty table")
    doc_id = doc_id or table["doc_id"].iloc[0]
    data = table[table["doc_id"] == doc_id]
    metrics = list(dict.fromkeys(data["metric"]))
    refs = list(dict.fromkeys(data["reference"]))
    fig, ax = axes_or_new(ax, figsize=(7.2, 0.28 * len(metrics) + 1.2))
    ax.axvspan(25, 75, color="#e4e7eb", zorder=0)
    for k, ref in enumerate(refs):
        part = data[data["reference"] == ref].set_index("metric").reindex(metrics)
        y = np.arange(len(metrics)) + (k - (len(refs) - 1) / 2) * 0.15
        ax.plot(part["percentile"], y, "o", ms=4, color=PALETTE[k % len(PALETTE)], label=ref)
    ax.set_yticks(range(len(metrics)), metrics)
    ax.invert_yaxis()
    ax.set_xlim(-2, 102)
    ax.set_xlabel(f"percentile of {doc_id} in the comparison set")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.5 / max(len(metrics), 1)),
              ncol=min(len(refs), 4))
    return fig
