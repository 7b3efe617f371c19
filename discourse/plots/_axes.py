"""Shared plumbing for plot functions: get an Axes, return its Figure; lines that break
where data are missing; labels that do not overprint each other; legends beside the data."""
from __future__ import annotations

import numpy as np
import pandas as pd


def axes_or_new(ax=None, *, figsize=None):
    """Return ``(fig, ax)``: the given Axes and its figure, or a new figure with one Axes
    (two-column width and constrained layout from the paper style when ``figsize`` is None)."""
    if ax is not None:
        return ax.figure, ax
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=figsize, layout="constrained")
    return fig, ax


def with_gaps(table: pd.DataFrame, x: str, *, step: int = 1) -> pd.DataFrame:
    """``table`` (one row per integer ``x``, e.g. per year) with a row of NaN for every
    missing ``x`` between its first and last, so that a line drawn through it breaks where
    there is no observation instead of bridging the gap.

    >>> t = pd.DataFrame({"year": [1957, 1962], "rate": [1.0, 2.0]})
    >>> with_gaps(t, "year")["rate"].tolist()
    [1.0, nan, nan, nan, nan, 2.0]
    """
    if table.empty:
        return table
    values = pd.to_numeric(table[x]).astype(int)
    full = pd.DataFrame({x: np.arange(values.min(), values.max() + 1, step)})
    return full.merge(table.assign(**{x: values}), on=x, how="left")


def legend_above(fig, ax, handles=None, labels=None, *, own: bool, ncols: int | None = None,
                 **kwargs):
    """A legend above the plot, never over the data: on its own figure (constrained layout)
    centred above everything, on a given Axes just above that Axes."""
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    if not handles:
        return None
    ncols = ncols or min(len(handles), 3)
    if own:
        return fig.legend(handles, labels, loc="outside upper center", ncols=ncols,
                          frameon=False, **kwargs)
    return ax.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, 1.0),
                     ncols=ncols, frameon=False, **kwargs)


_OFFSETS = [(4, 3), (4, -10), (-4, 3), (-4, -10), (7, -3), (-7, -3), (0, 9), (0, -15),
            (6, 9), (-6, 9), (6, -16), (-6, -16)]
_RINGS = 8


def place_labels(ax, points, texts, colours, *, fontsize: float = 6.5, avoid=(),
                 data=None) -> list[str]:
    """Label points so that no two labels overlap and no label covers a labelled point.

    Each label tries offsets around its point (in points, display space), first close, then
    further out with a thin leader line; positions are measured with the figure's renderer
    after the axes limits are fixed. A label with no free position within 8 rings is left
    out (the function returns the texts placed). A label must lie nearer its own point than
    any other labelled point, so that it cannot be read as another's. ``avoid`` are
    display-space boxes already taken (e.g. a legend); ``data``, an array of (x, y) in data
    coordinates, are points no label may cover. Points closer than a marker's size share
    one label ("are, their").
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    radius = 2.0 * fig.dpi / 72  # a 3-point marker's half-size and a margin, in pixels
    points, texts, colours = _merge_coincident(ax, list(points), list(texts), list(colours),
                                               3.0 * fig.dpi / 72)
    marks = [ax.transData.transform((x, y)) for x, y in points]
    dots = [_box_around(m, radius) for m in marks]
    cloud = (ax.transData.transform(np.asarray(data, dtype=float)) if data is not None
             and len(data) else np.zeros((0, 2)))
    taken = list(avoid)
    placed = []
    for i, ((x, y), text, colour) in enumerate(zip(points, texts, colours)):
        others = taken + dots[:i] + dots[i + 1:]
        rivals = marks[:i] + marks[i + 1:]
        done = False
        for ring in range(_RINGS):
            scale = 1 + 1.2 * ring
            for dx, dy in _OFFSETS:
                ann = ax.annotate(
                    text, (x, y), xytext=(dx * scale, dy * scale), textcoords="offset points",
                    fontsize=fontsize, color=colour, ha="left" if dx > 0 else
                    ("right" if dx < 0 else "center"),
                    arrowprops=None if ring == 0 else {"arrowstyle": "-", "color": colour,
                                                       "linewidth": 0.4, "shrinkA": 0,
                                                       "shrinkB": 2})
                box = ann.get_window_extent(renderer).padded(1)
                inside = ax.get_window_extent(renderer)
                fits = (box.x0 >= inside.x0 and box.x1 <= inside.x1 and box.y0 >= inside.y0
                        and box.y1 <= inside.y1)
                near = _distance(box, marks[i])
                if (fits and not any(box.overlaps(o) for o in others)
                        and all(near < _distance(box, r) for r in rivals)
                        and not _covers(box, cloud)):
                    taken.append(box)
                    placed.append(text)
                    done = True
                    break
                ann.remove()
            if done:
                break
    return placed


def _box_around(xy, half):
    from matplotlib.transforms import Bbox

    return Bbox.from_extents(xy[0] - half, xy[1] - half, xy[0] + half, xy[1] + half)


def _distance(box, xy) -> float:
    """Distance from a point to a box (0 inside)."""
    dx = max(box.x0 - xy[0], 0.0, xy[0] - box.x1)
    dy = max(box.y0 - xy[1], 0.0, xy[1] - box.y1)
    return float(np.hypot(dx, dy))


def _merge_coincident(ax, points, texts, colours, within):
    """Points that overprint each other (closer than ``within`` pixels) get one label."""
    marks = [ax.transData.transform(p) for p in points]
    groups: list[list[int]] = []
    for i, m in enumerate(marks):
        for g in groups:
            if np.hypot(*(marks[g[0]] - m)) < within and colours[g[0]] == colours[i]:
                g.append(i)
                break
        else:
            groups.append([i])
    return ([points[g[0]] for g in groups], [", ".join(texts[i] for i in g) for g in groups],
            [colours[g[0]] for g in groups])


def _covers(box, xy) -> bool:
    """Whether a box covers any of the display points ``xy``."""
    if not len(xy):
        return False
    return bool(((xy[:, 0] > box.x0) & (xy[:, 0] < box.x1) & (xy[:, 1] > box.y0)
                 & (xy[:, 1] < box.y1)).any())
