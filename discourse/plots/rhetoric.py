"""Rhetoric figures: the emotion–reason trend, and a text with its devices highlighted."""
from __future__ import annotations

import html as _html
import textwrap

import numpy as np
import pandas as pd

from .._validation import check_columns
from ..errors import EmptyInputError
from .style import ARTICLE_COLOUR, REFERENCE_COLOUR, styled
from ._axes import axes_or_new, legend_above, with_gaps

__all__ = ["plot_emotion_trend", "plot_devices", "devices_html", "DEVICE_COLOURS", "DRAW_PRIORITY"]

#: One colour per device (Okabe–Ito, colour-blind safe), used in HTML and PNG alike.
DEVICE_COLOURS = {
    "contrast": "#E69F00", "concession": "#0072B2", "balanced_pair": "#F0E442",
    "tricolon": "#56B4E9", "anaphora": "#009E73", "epistrophe": "#CC79A7",
    "rhetorical_question": "#D55E00",
}
#: Which device is drawn where detections overlap: short figures before the long clause pairs
#: of concessions (the table keeps every detection).
DRAW_PRIORITY = ("contrast", "tricolon", "balanced_pair", "anaphora", "epistrophe",
                 "rhetorical_question", "concession")
_FALLBACK = "#999999"


@styled
def plot_emotion_trend(trend: pd.DataFrame, *, by: str = "year", article: float | None = None,
                       article_label: str = "article", label: str = "UN speeches (mean)",
                       ax=None):
    """The mean emotion–reason score (standardised) per year with its 95% interval
    (:func:`discourse.rhetoric.emotion.stat_emotion_trend`), and the article as a marked line
    (vermilion; the statements in blue). The line breaks over years without a statement.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"year": [2000, 2001], "n_documents": [1, 1], "mean_z": [0.1, -0.2],
    ...                   "sd_z": [None, None], "ci_low": [None, None], "ci_high": [None, None]})
    >>> fig = plot_emotion_trend(t, article=0.5)
    >>> fig.axes[0].get_ylabel()
    'emotion − reason (z)'
    """
    check_columns(trend, [by, "mean_z", "ci_low", "ci_high"], "plot_emotion_trend")
    if trend.empty:
        raise EmptyInputError("plot_emotion_trend: empty table")
    own = ax is None
    fig, ax = axes_or_new(ax, figsize=(7.2, 3.0))
    data = trend.sort_values(by)
    if pd.api.types.is_integer_dtype(data[by]):
        data = with_gaps(data, by)
    x = data[by].to_numpy()
    lo = pd.to_numeric(data["ci_low"], errors="coerce").to_numpy(dtype=float)
    hi = pd.to_numeric(data["ci_high"], errors="coerce").to_numpy(dtype=float)
    if np.isfinite(lo).any():  # no interval where every group has one document
        ax.fill_between(x, lo, hi, color=REFERENCE_COLOUR, alpha=0.2, linewidth=0,
                        label="95% interval")
    ax.plot(x, pd.to_numeric(data["mean_z"], errors="coerce"), "o-", ms=3,
            color=REFERENCE_COLOUR, label=label)
    ax.axhline(0, color="#777777", lw=0.6)
    ax.annotate("average UN speech", (0, 0), xycoords=("axes fraction", "data"),
                xytext=(2, -9), textcoords="offset points", fontsize=7, color="#555555")
    if article is not None and np.isfinite(article):
        ax.axhline(article, color=ARTICLE_COLOUR, lw=1.2, ls="--", label=article_label)
    ax.set_xlabel(by)
    ax.set_ylabel("emotion − reason (z)")
    legend_above(fig, ax, own=own)
    return fig


def _spans(evidence: pd.DataFrame, doc_id) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, device)`` in text order: where detections overlap, the
    device earlier in :data:`DRAW_PRIORITY` (then the earlier one in the text) is drawn."""
    check_columns(evidence, ["doc_id", "device", "start", "end"], "devices")
    part = evidence[evidence["doc_id"] == doc_id]
    rank = {d: i for i, d in enumerate(DRAW_PRIORITY)}
    order = sorted(zip(part["start"], part["end"], part["device"]),
                   key=lambda x: (rank.get(x[2], len(rank)), x[0], x[1]))
    taken: list[tuple[int, int, str]] = []
    for s, e, d in order:
        if any(s < te and ts < e for ts, te, _ in taken):
            continue  # overlapping evidence: drawn once, the rest is in the table
        taken.append((int(s), int(e), str(d)))
    return sorted(taken)


def devices_html(document, evidence: pd.DataFrame, *, max_chars: int | None = None) -> str:
    """The document's body with each detected device highlighted (HTML for notebooks).

    ``evidence`` is :func:`discourse.rhetoric.devices.detect_devices` output (``start``/``end`` are
    offsets into ``document.text``). Overlapping detections are drawn once (by
    :data:`DRAW_PRIORITY`: contrasts and lists before the long clause pairs of concessions);
    the table keeps them all.
    """
    text = document.text if max_chars is None else document.text[:max_chars]
    out, pos = [], 0
    for s, e, d in _spans(evidence, document.id):
        if s >= len(text):
            break
        out.append(_html.escape(text[pos:s]))
        colour = DEVICE_COLOURS.get(d, _FALLBACK)
        out.append(f'<mark title="{_html.escape(d)}" style="background:{colour}55;'
                   f'border-bottom:2px solid {colour}">{_html.escape(text[s:min(e, len(text))])}'
                   f'</mark>')
        pos = min(e, len(text))
    out.append(_html.escape(text[pos:]))
    legend = " ".join(f'<span style="background:{c}55;border-bottom:2px solid {c};'
                      f'padding:0 4px">{_html.escape(n.replace("_", " "))}</span>'
                      for n, c in DEVICE_COLOURS.items())
    body = "".join(out).replace("\n\n", "</p><p>").replace("\n", " ")
    return (f'<div style="font-family:Georgia,serif;line-height:1.5;max-width:48em">'
            f'<p>{legend}</p><p>{body}</p></div>')


@styled
def plot_devices(document, evidence: pd.DataFrame, *, width: int = 100, max_lines: int = 60,
                 ax=None):
    """The document's body as wrapped lines with each device's words highlighted (PNG/PDF
    counterpart of :func:`devices_html`). Long texts are cut after ``max_lines`` lines.

    Each line is drawn as a chain of runs (plain text, then a highlighted run, then plain
    text ...), every run its own text placed at the end of the previous one as the renderer
    measures it, with the highlight as the run's own background box: the boxes sit on
    their words in PNG, PDF and SVG alike, whatever the font's advance widths.

    >>> import pandas as pd
    >>> from discourse.corpus.documents import Document
    >>> doc = Document("d", "Cooperation, not confrontation. And more.")
    >>> ev = pd.DataFrame({"doc_id": ["d"], "device": ["contrast"], "start": [0], "end": [30]})
    >>> fig = plot_devices(doc, ev)
    >>> [(t.get_text(), t.get_bbox_patch() is not None) for t in fig.axes[0].texts]
    [('Cooperation, not confrontation', True), ('. And more.', False)]
    """
    from matplotlib.patches import Patch

    spans = _spans(evidence, document.id)
    lines: list[tuple[int, int]] = []  # (start, end) offsets into document.text
    for block in document.body_blocks():
        para = document.text[block.start:block.end]
        pos = 0
        for line in textwrap.wrap(para, width=width, break_long_words=True,
                                  replace_whitespace=False, drop_whitespace=True):
            k = para.find(line, pos)
            lines.append((block.start + k, block.start + k + len(line)))
            pos = k + len(line)
        lines.append((-1, -1))  # paragraph gap
    if lines and lines[-1] == (-1, -1):
        lines.pop()
    lines = lines[:max_lines]
    n = max(len(lines), 1)
    if ax is None:
        import matplotlib.pyplot as plt

        fig = plt.figure(figsize=(7.2, 0.17 * n + 0.6), layout="none")
        ax = fig.add_axes((0.02, 0.02, 0.96, 1 - 0.5 / fig.get_figheight()))
    fig = ax.figure
    # a monospace character advances about 0.6 em: size the font so that ``width``
    # characters fit the axes (with a margin: the renderer's advances may be wider)
    box = ax.get_position()
    fontsize = box.width * fig.get_figwidth() * 72 / width / 0.64
    ax.set_xlim(0, 1)
    ax.set_ylim(n, -1.2)
    ax.axis("off")
    for row, (ls, le) in enumerate(lines):
        if ls < 0:
            continue
        previous = None
        for a, b, device in _runs(ls, le, spans):
            run = document.text[a:b].replace("\n", " ")
            style = {"family": "DejaVu Sans Mono", "fontsize": fontsize, "va": "center",
                     "ha": "left"}
            if device is not None:
                style["bbox"] = {"facecolor": DEVICE_COLOURS.get(device, _FALLBACK),
                                 "alpha": 0.45, "edgecolor": "none", "pad": 0.08,
                                 "boxstyle": "square"}
            if previous is None:
                previous = ax.text(0, row, run, **style)
            else:  # starts where the previous run ends, as the renderer measures it
                previous = ax.annotate(run, xy=(1, 0.5), xycoords=previous, **style)
    handles = [Patch(facecolor=c, alpha=0.45, label=k.replace("_", " "))
               for k, c in DEVICE_COLOURS.items()]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=7,
              frameon=False, fontsize=6, handlelength=1.2, columnspacing=0.8)
    return fig


def _runs(start: int, end: int, spans) -> list[tuple[int, int, str | None]]:
    """The pieces of ``[start, end)``: ``(a, b, device)`` with ``device`` None for plain text.

    >>> _runs(0, 10, [(2, 4, "x"), (8, 20, "y")])
    [(0, 2, None), (2, 4, 'x'), (4, 8, None), (8, 10, 'y')]
    """
    out, pos = [], start
    for s, e, d in spans:
        a, b = max(s, start), min(e, end)
        if a >= b:
            continue
        if a > pos:
            out.append((pos, a, None))
        out.append((a, b, d))
        pos = b
    if pos < end:
        out.append((pos, end, None))
    return out
