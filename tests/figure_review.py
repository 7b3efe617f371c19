"""An automatic reviewer of paper figures at print size (issue #14 item 15).

:func:`review` draws a figure with the Agg renderer at 300 dpi and lists what a reviewer
would send back:

* ``outside``: a text cut by the figure's edge;
* ``overlap``: two texts drawn over each other (data labels piled up, tick labels colliding);
* ``raw name``: a column name or code in a text (``sentence_tokens_mean``, ``g2``);
* ``covers data``: a legend drawn over data points or lines;

Tolerances: texts may touch (1 px at 300 dpi); a legend may sit over at most 0 data points.
"""
from __future__ import annotations

import re

import numpy as np

DPI = 300
_RAW = re.compile(r"\b[a-z]+_[a-z0-9_]+\b|^g2\b|\bg2$")
_ALLOWED_RAW = set()  # identifiers allowed in figure text (none so far)


def _hidden_tick_labels(fig) -> set[int]:
    """Tick labels matplotlib does not draw (their tick lies outside the view)."""
    hidden = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            drawn = {id(t) for t in axis._update_ticks()} if ax.axison else set()
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if id(tick) not in drawn:
                    hidden.update({id(tick.label1), id(tick.label2)})
    return hidden


def _texts(fig, renderer):
    out, seen = [], _hidden_tick_labels(fig)
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        if id(text) in seen:
            continue
        seen.add(id(text))
        if not text.get_visible() or not str(text.get_text()).strip():
            continue
        if text.axes is not None and not text.axes.get_visible():
            continue
        try:
            box = text.get_window_extent(renderer)
        except (RuntimeError, ValueError):
            continue
        if box.width <= 0 or box.height <= 0 or not np.isfinite(box.get_points()).all():
            continue
        out.append((text, box))
    return out


def _data_points(ax):
    """Display coordinates of the data an Axes draws (line vertices, scatter offsets)."""
    points = []
    for line in ax.get_lines():
        # reference lines (axhline, axvline) span the axes in axes coordinates: not data
        if not line.get_visible() or line.get_transform() != ax.transData:
            continue
        xy = np.column_stack([np.asarray(line.get_xdata(), dtype=float),
                              np.asarray(line.get_ydata(), dtype=float)])
        xy = xy[np.isfinite(xy).all(axis=1)]
        if len(xy):
            points.append(ax.transData.transform(xy))
    for coll in ax.collections:
        offsets = np.asarray(coll.get_offsets(), dtype=float)
        if offsets.ndim == 2 and len(offsets) and coll.get_visible():
            offsets = offsets[np.isfinite(offsets).all(axis=1)]
            points.append(coll.get_offset_transform().transform(offsets))
    return np.vstack(points) if points else np.zeros((0, 2))


def review(fig) -> list[str]:
    """Problems of a figure at print size (an empty list: nothing to send back)."""
    fig.set_dpi(DPI)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    problems = []
    width, height = fig.bbox.width, fig.bbox.height
    texts = _texts(fig, renderer)
    for text, box in texts:
        label = str(text.get_text())
        if box.x0 < -1 or box.y0 < -1 or box.x1 > width + 1 or box.y1 > height + 1:
            problems.append(f"outside: {label!r}")
        for word in _RAW.findall(label):
            if word not in _ALLOWED_RAW:
                problems.append(f"raw name: {word!r} in {label!r}")
    for i, (a, box_a) in enumerate(texts):
        for b, box_b in texts[i + 1:]:
            if a.axes is not b.axes and a.axes is not None and b.axes is not None:
                continue
            dx = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
            dy = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
            if dx > 1 and dy > 1:
                problems.append(f"overlap: {a.get_text()!r} and {b.get_text()!r}")
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is None or not legend.get_visible():
            continue
        box = legend.get_window_extent(renderer)
        points = _data_points(ax)
        inside = ((points[:, 0] > box.x0) & (points[:, 0] < box.x1) &
                  (points[:, 1] > box.y0) & (points[:, 1] < box.y1)).sum() if len(points) else 0
        if inside:
            problems.append(f"covers data: the legend of {ax.get_title() or 'an axes'!r} lies "
                            f"over {inside} data points")
    return problems
