"""Shared plumbing for plot functions: get an Axes, return its Figure."""
from __future__ import annotations


def axes_or_new(ax=None, *, figsize=None):
    """Return ``(fig, ax)``: the given Axes and its figure, or a new figure with one Axes
    (two-column width and constrained layout from the paper style when ``figsize`` is None)."""
    if ax is not None:
        return ax.figure, ax
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=figsize, layout="constrained")
    return fig, ax
