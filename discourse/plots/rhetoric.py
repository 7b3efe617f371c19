"""Rhetoric figures: the emotion–reason trend, and a text with its devices highlighted."""
from __future__ import annotations

import html as _html
import textwrap

import numpy as np
import pandas as pd

from .._validation import check_columns
from ..errors import EmptyInputError
from .style import PALETTE, styled
from ._axes import axes_or_new

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
    (:func:`discourse.rhetoric.emotion.stat_emotion_trend`), and the article as a marked line.

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
    fig, ax = axes_or_new(ax, figsize=(7.2, 3.0))
    x = trend[by].to_numpy()
    lo = pd.to_numeric(trend["ci_low"], errors="coerce").to_numpy(dtype=float)
    hi = pd.to_numeric(trend["ci_high"], errors="coerce").to_numpy(dtype=float)
    if np.isfinite(lo).any():  # no interval where every group has one document
        ax.fill_between(x, lo, hi, color=PALETTE[1], alpha=0.25, linewidth=0,
                        label="95% interval")
    ax.plot(x, trend["mean_z"], "o-", ms=3, color=PALETTE[1], label=label)
    ax.axhline(0, color="#777777", lw=0.6)
    ax.annotate("average UN speech", (x[0], 0), xytext=(2, -9), textcoords="offset points",
                fontsize=7, color="#555555")
    if article is not None and np.isfinite(article):
        ax.axhline(article, color=PALETTE[0], lw=1.2, ls="--", label=article_label)
    ax.set_xlabel(by)
    ax.set_ylabel("emotion − reason (z)")
    ax.legend(loc="best")
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

    >>> import pandas as pd
    >>> from discourse.corpus.documents import Document
    >>> doc = Document("d", "Cooperation, not confrontation.")
    >>> ev = pd.DataFrame({"doc_id": ["d"], "device": ["contrast"], "start": [0], "end": [30]})
    >>> fig = plot_devices(doc, ev)
    >>> len(fig.axes[0].patches) >= 1
    True
    """
    from matplotlib.patches import Patch, Rectangle

    spans = _spans(evidence, document.id)
    # character -> device, over the body paragraphs only
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
    # a monospace character advances 0.602 em (DejaVu Sans Mono): size the font so that
    # ``width`` characters fill the axes, and highlight boxes line up with the letters
    box = ax.get_position()
    fontsize = box.width * fig.get_figwidth() * 72 / width / 0.602
    ax.set_xlim(0, width)
    ax.set_ylim(n, -1.2)
    ax.axis("off")
    for row, (ls, le) in enumerate(lines):
        if ls < 0:
            continue
        for s, e, d in spans:
            a, b = max(s, ls), min(e, le)
            if a < b:
                ax.add_patch(Rectangle((a - ls, row - 0.45), b - a, 0.9, linewidth=0,
                                       facecolor=DEVICE_COLOURS.get(d, _FALLBACK), alpha=0.45))
        ax.text(0, row, document.text[ls:le].replace("\n", " "), family="DejaVu Sans Mono",
                fontsize=fontsize, va="center", ha="left")
    handles = [Patch(facecolor=c, alpha=0.45, label=k.replace("_", " "))
               for k, c in DEVICE_COLOURS.items()]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=7,
              frameon=False, fontsize=6, handlelength=1.2, columnspacing=0.8)
    return fig
