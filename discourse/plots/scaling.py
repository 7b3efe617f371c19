"""Figures for text scaling (:mod:`discourse.scaling`): documents on the dimension, the word
"Eiffel tower", and a position over time.

Each takes a tidy table of a scaling fit (``fit.documents``, ``fit.words``, or a
``predict()`` result) and ``ax=None``, and returns the Figure.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_columns, check_range
from ..errors import EmptyInputError, InputError
from .style import ARTICLE_COLOUR, PALETTE, REFERENCE_COLOUR, styled
from ._axes import axes_or_new, legend_above

__all__ = ["plot_scale1d", "plot_word_scale", "plot_scale_trend"]

THETA_LABEL = "position (θ)"
_GREY = "#9aa5b1"


def _as_list(value) -> list:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _interval(part: pd.DataFrame) -> np.ndarray | None:
    if "ci_low" not in part or part[["ci_low", "ci_high"]].isna().all().all():
        return None
    return np.vstack([(part["theta"] - part["ci_low"]).clip(lower=0).fillna(0),
                      (part["ci_high"] - part["theta"]).clip(lower=0).fillna(0)])


@styled
def plot_scale1d(table: pd.DataFrame, *, group: str | None = None, highlight=None,
                 annotate=None, label: str = "doc_id", max_labels: int = 60, ax=None):
    """Documents' positions with their intervals, sorted, one row per document.

    Parameters
    ----------
    table : DataFrame
        ``doc_id``, ``theta`` and optionally ``ci_low``/``ci_high`` (``fit.documents``).
    group : str, optional
        A column whose values colour the points (legend).
    highlight : str or list of str, optional
        Document ids drawn in vermilion, larger, and always labelled.
    annotate : str or list of str, optional
        Document ids always labelled (in black), even when there are too many to label all.
    label : str, default="doc_id"
        The column used for tick labels.
    max_labels : int, default=60
        With more documents than this, only highlighted documents are labelled.

    >>> t = pd.DataFrame({"doc_id": ["a", "b", "c"], "theta": [0.5, -1.0, 0.2],
    ...                   "ci_low": [0.3, -1.2, 0.0], "ci_high": [0.7, -0.8, 0.4]})
    >>> fig = plot_scale1d(t, highlight="c")
    >>> [tick.get_text() for tick in fig.axes[0].get_yticklabels()]
    ['b', 'c', 'a']
    """
    check_columns(table, ["doc_id", "theta", label] + ([group] if group else []), "plot_scale1d")
    check_range("max_labels", max_labels, "plot_scale1d", low=0, integer=True)
    data = table.dropna(subset=["theta"]).sort_values(["theta", "doc_id"], kind="stable")
    if data.empty:
        raise EmptyInputError("plot_scale1d: no document with a position")
    marked, named = set(_as_list(highlight)), set(_as_list(annotate))
    for param, ids in (("highlight", marked), ("annotate", named)):
        unknown = ids - set(data["doc_id"])
        if unknown:
            raise InputError(f"The {param!r} parameter of plot_scale1d names unknown documents "
                             f"{sorted(unknown)[:5]}")
    n = len(data)
    many = n > max_labels
    fig, ax = axes_or_new(ax, figsize=(4.8, min(9.0, 0.16 * n + 1.0) if not many else 5.0))
    data = data.assign(_y=np.arange(n))
    groups = list(dict.fromkeys(data[group])) if group else [None]
    for k, g in enumerate(groups):
        part = data if g is None else data[data[group] == g]
        plain = part[~part["doc_id"].isin(marked)]
        if plain.empty:
            continue
        colour = REFERENCE_COLOUR if g is None else PALETTE[k % len(PALETTE)]
        ax.errorbar(plain["theta"], plain["_y"], xerr=_interval(plain), fmt="o",
                    ms=2.5 if many else 3.5, color=colour, elinewidth=0.7, capsize=0,
                    label=None if g is None else str(g))
    hits = data[data["doc_id"].isin(marked)]
    if not hits.empty:
        ax.errorbar(hits["theta"], hits["_y"], xerr=_interval(hits), fmt="D", ms=5,
                    color=ARTICLE_COLOUR, elinewidth=1.2, capsize=2, zorder=5)
    if many:
        ax.set_yticks([])
        ann = data[data["doc_id"].isin(named - marked)]
        ax.plot(ann["theta"], ann["_y"], "o", ms=4, mfc="none", mec="black", mew=0.8, zorder=6)
        ax.set_xlim(*ax.get_xlim())  # fix the limits before measuring the labels
        ax.set_ylim(-1, n)
        rows = pd.concat([hits, ann])
        _place_labels(ax, list(zip(rows["theta"], rows["_y"])), [str(v) for v in rows[label]],
                      [ARTICLE_COLOUR] * len(hits) + ["black"] * len(ann), fontsize=6.5,
                      offsets=[(8, -3), (-8, -3), (8, 4), (-8, 4), (8, -10), (-8, -10),
                               (8, 11), (-8, 11)])
        ax.set_ylabel(f"{n} documents, sorted by position")
    else:
        ax.set_yticks(data["_y"], [str(v) for v in data[label]])
        for tick, doc in zip(ax.get_yticklabels(), data["doc_id"]):
            if doc in marked:
                tick.set_color(ARTICLE_COLOUR)
    ax.set_ylim(-1, n)
    ax.axvline(0, color="black", linewidth=0.4, zorder=0)
    ax.set_xlabel(THETA_LABEL + (" with 95% interval" if _interval(data) is not None else ""))
    if group:
        ax.legend(loc="lower right")
    return fig


def _place_labels(ax, points, texts, colours, fontsize=6.5, offsets=None):
    """Label points without overlapping earlier labels: try eight offsets around each point
    (in display space) and skip a label when none is free. Returns the labels placed."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    taken, placed = [], []
    offsets = offsets or [(3, 3), (3, -9), (-3, 3), (-3, -9), (6, -3), (-6, -3), (0, 8), (0, -13)]
    for (x, y), text, colour in zip(points, texts, colours):
        for dx, dy in offsets:
            ann = ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points",
                              fontsize=fontsize, color=colour,
                              ha="left" if dx >= 0 else "right")
            box = ann.get_window_extent(renderer).expanded(1.05, 1.1)
            if not any(box.overlaps(other) for other in taken):
                taken.append(box)
                placed.append(text)
                break
            ann.remove()
    return placed


@styled
def plot_word_scale(words: pd.DataFrame, *, label_top: int = 12, highlight=None, ax=None):
    """The "Eiffel tower": every term's weight β against its fixed effect ψ (``fit.words`` of
    :func:`discourse.scaling.fit_wordfish`). The ``label_top`` terms with the most negative
    and the ``label_top`` with the most positive β are labelled (blue and vermilion), plus
    any ``highlight`` terms (black); labels that would collide with one already placed are
    left out.

    >>> w = pd.DataFrame({"term": list("abcde"), "beta": [-2.0, -0.5, 0.0, 0.4, 1.8],
    ...                   "psi": [-3.0, 0.5, 2.0, 0.1, -2.5]})
    >>> fig = plot_word_scale(w, label_top=1)
    >>> sorted(t.get_text() for t in fig.axes[0].texts)
    ['a', 'e']
    """
    check_columns(words, ["term", "beta", "psi"], "plot_word_scale")
    check_range("label_top", label_top, "plot_word_scale", low=0, integer=True)
    data = words.dropna(subset=["beta", "psi"])
    if data.empty:
        raise EmptyInputError("plot_word_scale: no term with beta and psi")
    fig, ax = axes_or_new(ax, figsize=(4.8, 4.2))
    ax.scatter(data["beta"], data["psi"], s=3, color=_GREY, alpha=0.6, linewidths=0)
    ordered = data.sort_values(["beta", "term"], kind="stable")
    low, high = ordered.head(label_top), ordered.tail(label_top).iloc[::-1]
    extra = data[data["term"].isin(_as_list(highlight))]
    picks = [(r, REFERENCE_COLOUR) for _, r in low.iterrows()] + \
            [(r, ARTICLE_COLOUR) for _, r in high.iterrows()] + \
            [(r, "black") for _, r in extra.iterrows()]
    picks = list({r["term"]: (r, c) for r, c in picks}.values())
    for r, c in picks:
        ax.plot(r["beta"], r["psi"], "o", ms=2.5, color=c)
    ax.set_xlabel("word weight (β)")
    ax.set_ylabel("word fixed effect (ψ)")
    ax.axvline(0, color="black", linewidth=0.4, zorder=0)
    xs = data["beta"]
    pad = 0.08 * (xs.max() - xs.min() or 1.0)
    ax.set_xlim(xs.min() - pad, xs.max() + pad)
    _place_labels(ax, [(r["beta"], r["psi"]) for r, _ in picks], [str(r["term"]) for r, _ in picks],
                  [c for _, c in picks])
    return fig


@styled
def plot_scale_trend(table: pd.DataFrame, *, x: str = "year", y: str = "theta",
                     marks: dict | None = None, label: str | None = None, ax=None):
    """A position over time with its interval: one point per ``x`` (e.g. Syria's θ by year),
    the line broken where values of ``x`` are missing (years without a speech), and optional
    horizontal ``marks`` ``{label: (theta, ci_low, ci_high)}`` (e.g. the article).

    >>> t = pd.DataFrame({"year": [2000, 2001, 2003], "theta": [0.1, 0.3, -0.2],
    ...                   "ci_low": [0.0, 0.2, -0.3], "ci_high": [0.2, 0.4, -0.1]})
    >>> fig = plot_scale_trend(t)
    >>> int(np.isnan(fig.axes[0].lines[0].get_ydata()).sum())  # the gap in 2002
    1
    """
    check_columns(table, [x, y], "plot_scale_trend")
    data = table.dropna(subset=[y]).sort_values(x)
    if data.empty:
        raise EmptyInputError("plot_scale_trend: no row with a position")
    if data[x].duplicated().any():
        raise InputError(f"plot_scale_trend: one row per {x!r} is needed; "
                         f"{data.loc[data[x].duplicated(), x].iloc[0]!r} repeats")
    steps = pd.to_numeric(data[x])
    full = pd.DataFrame({x: np.arange(int(steps.min()), int(steps.max()) + 1)})
    line = full.merge(data.assign(**{x: steps.astype(int)}), on=x, how="left")
    own = ax is None
    fig, ax = axes_or_new(ax, figsize=(7.2, 3.0))
    ax.plot(line[x], line[y], "-", color=REFERENCE_COLOUR, linewidth=0.9,
            label=label or f"{y} by {x}")
    if {"ci_low", "ci_high"} <= set(line.columns):
        ax.fill_between(line[x], line["ci_low"], line["ci_high"], color=REFERENCE_COLOUR,
                        alpha=0.2, linewidth=0)
    ax.plot(data[x], data[y], "o", ms=2.5, color=REFERENCE_COLOUR)
    for k, (name, (value, lo, hi)) in enumerate((marks or {}).items()):
        colour = ARTICLE_COLOUR if k == 0 else PALETTE[(k + 1) % len(PALETTE)]
        ax.axhline(value, color=colour, linewidth=1.0, linestyle="--", label=name)
        if lo is not None and hi is not None and np.isfinite([lo, hi]).all():
            ax.axhspan(lo, hi, color=colour, alpha=0.12, linewidth=0)
    ax.set_xlabel(x)
    ax.set_ylabel(THETA_LABEL if y == "theta" else y)
    legend_above(fig, ax, own=own)
    return fig
