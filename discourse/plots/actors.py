"""Figures for actors and balance: attention shares, tone per actor, the co-occurrence network
and the balance index over time.

Each takes the table of the matching ``stat_*`` function and ``ax=None`` and returns the Figure.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_choice, check_columns, check_range
from ..errors import EmptyInputError
from .style import ARTICLE_COLOUR, PALETTE, REFERENCE_COLOUR, styled
from ._axes import axes_or_new, legend_above, place_labels, with_gaps

__all__ = ["plot_attention", "plot_actor_tone", "plot_cooccurrence", "plot_balance_trend"]


def _is_article(label: str) -> bool:
    return str(label).lower().startswith(("article", "mem-"))


@styled
def plot_attention(table: pd.DataFrame, *, n: int = 12, ax=None):
    """Share of mentions per actor, one bar per group (:func:`discourse.actors.mentions.stat_mentions`
    output; the article's group in vermilion). The ``n`` actors with the largest share in any
    group are shown.

    >>> t = pd.DataFrame({"group": ["article", "article", "UN"], "actor_id": ["RUS", "UKR", "RUS"],
    ...                   "actor_name": ["Russia", "Ukraine", "Russia"], "share": [0.75, 0.25, 1.0]})
    >>> fig = plot_attention(t)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Russia', 'Ukraine']
    """
    check_columns(table, ["group", "actor_id", "actor_name", "share"], "plot_attention")
    check_range("n", n, "plot_attention", low=1, integer=True)
    if table.empty:
        raise EmptyInputError("plot_attention: empty table (the texts name no actor)")
    top = (table.groupby(["actor_id", "actor_name"])["share"].max()
           .sort_values(ascending=False, kind="mergesort").head(n))
    actors = [a for a, _ in top.index]
    names = [nm for _, nm in top.index]
    groups = list(dict.fromkeys(table["group"]))
    groups = [g for g in groups if _is_article(g)] + [g for g in groups if not _is_article(g)]
    own = ax is None
    fig, ax = axes_or_new(ax, figsize=(7.2, 0.25 * len(actors) * max(1, len(groups)) / 1.5 + 1.2))
    height = 0.8 / len(groups)
    others = iter([c for c in PALETTE if c != ARTICLE_COLOUR])
    for k, g in enumerate(groups):
        part = table[table["group"] == g].groupby("actor_id")["share"].sum().reindex(actors).fillna(0)
        colour = ARTICLE_COLOUR if _is_article(g) else next(others)
        ax.barh(np.arange(len(actors)) + k * height, part.to_numpy(), height=height,
                label=str(g), color=colour)
    ax.set_yticks(np.arange(len(actors)) + 0.4 - height / 2, names)
    ax.invert_yaxis()
    ax.set_xlabel("share of actor mentions")
    if len(groups) > 1:
        legend_above(fig, ax, own=own)
    return fig


@styled
def plot_actor_tone(table: pd.DataFrame, *, n: int = 12, min_sentences: int = 1, ax=None):
    """Mean VADER compound of the sentences naming each actor, with its bootstrap interval
    (:func:`discourse.actors.mentions.stat_actor_tone` output); one marker per group.

    >>> t = pd.DataFrame({"group": ["a", "a"], "actor_id": ["RUS", "UKR"], "actor_name": ["Russia", "Ukraine"],
    ...                   "n_sentences": [5, 2], "tone": [0.4, 0.1], "tone_low": [0.2, -0.3], "tone_high": [0.6, 0.5]})
    >>> fig = plot_actor_tone(t)
    >>> [round(x, 2) for x in fig.axes[0].lines[0].get_xdata()]
    [0.4, 0.1]
    """
    check_columns(table, ["group", "actor_id", "actor_name", "n_sentences", "tone", "tone_low",
                          "tone_high"], "plot_actor_tone")
    check_range("n", n, "plot_actor_tone", low=1, integer=True)
    data = table[table["n_sentences"] >= min_sentences]
    if data.empty:
        raise EmptyInputError("plot_actor_tone: no actor named in enough sentences")
    order = (data.groupby(["actor_id", "actor_name"])["n_sentences"].sum()
             .sort_values(ascending=False, kind="mergesort").head(n))
    actors = [a for a, _ in order.index]
    groups = list(dict.fromkeys(data["group"]))
    own = ax is None
    fig, ax = axes_or_new(ax, figsize=(7.2, 0.28 * len(actors) + 1.2))
    step = 0.6 / max(1, len(groups))
    others = iter([c for c in PALETTE if c != ARTICLE_COLOUR])
    for k, g in enumerate(groups):
        part = data[data["group"] == g].set_index("actor_id").reindex(actors)
        y = np.arange(len(actors)) + k * step
        low = (part["tone"] - part["tone_low"]).fillna(0).clip(lower=0)
        high = (part["tone_high"] - part["tone"]).fillna(0).clip(lower=0)
        colour = ARTICLE_COLOUR if _is_article(g) or len(groups) == 1 else next(others)
        ax.errorbar(part["tone"], y, xerr=np.vstack([low, high]), fmt="o", color=colour,
                    label=str(g), markersize=4, capsize=2, linewidth=0.8)
    names = [nm for _, nm in order.index]
    ax.set_yticks(np.arange(len(actors)) + step * (len(groups) - 1) / 2, names)
    ax.invert_yaxis()
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("tone of sentences naming the actor (VADER compound, 95% bootstrap CI)")
    if len(groups) > 1:
        legend_above(fig, ax, own=own)
    return fig


@styled
def plot_cooccurrence(table: pd.DataFrame, *, counts: pd.DataFrame | None = None,
                      n: int = 15, ax=None):
    """The co-occurrence network (:func:`discourse.actors.mentions.stat_cooccurrence` output) on a
    circle: nodes in order of weight (clockwise from the top), edge width proportional to
    the count; node size from ``counts`` (a :func:`stat_mentions` table) when given,
    otherwise from the node's total edge weight. Deterministic: no random layout.

    >>> t = pd.DataFrame({"actor_a": ["RUS"], "actor_b": ["UKR"], "name_a": ["Russia"],
    ...                   "name_b": ["Ukraine"], "count": [2]})
    >>> fig = plot_cooccurrence(t)
    >>> sorted(t.get_text() for t in fig.axes[0].texts)
    ['Russia', 'Ukraine']
    """
    check_columns(table, ["actor_a", "actor_b", "name_a", "name_b", "count"], "plot_cooccurrence")
    check_range("n", n, "plot_cooccurrence", low=2, integer=True)
    if table.empty:
        raise EmptyInputError("plot_cooccurrence: no two actors are named together")
    edges = table.groupby(["actor_a", "actor_b"])["count"].sum().reset_index()
    names = {**dict(zip(table["actor_a"], table["name_a"])), **dict(zip(table["actor_b"], table["name_b"]))}
    if counts is not None:
        check_columns(counts, ["actor_id", "count"], "plot_cooccurrence")
        weight = counts.groupby("actor_id")["count"].sum()
    else:
        weight = pd.concat([edges.set_index("actor_a")["count"],
                            edges.set_index("actor_b")["count"]]).groupby(level=0).sum()
    weight = weight.reindex(list(names)).fillna(0)
    nodes = sorted(names, key=lambda a: (-weight[a], a))[:n]
    keep = set(nodes)
    edges = edges[edges["actor_a"].isin(keep) & edges["actor_b"].isin(keep)]
    angle = np.pi / 2 - 2 * np.pi * np.arange(len(nodes)) / len(nodes)
    pos = {a: (np.cos(t), np.sin(t)) for a, t in zip(nodes, angle)}
    fig, ax = axes_or_new(ax, figsize=(5.0, 5.0))
    top = edges["count"].max() if len(edges) else 1
    for a, b, c in edges.itertuples(index=False):
        (x0, y0), (x1, y1) = pos[a], pos[b]
        ax.plot([x0, x1], [y0, y1], color=REFERENCE_COLOUR, alpha=0.6,
                linewidth=0.5 + 4.0 * c / top, zorder=1)
    w = weight.reindex(nodes).to_numpy(dtype=float)
    sizes = 40 + 460 * w / (w.max() or 1)
    ax.scatter([pos[a][0] for a in nodes], [pos[a][1] for a in nodes], s=sizes,
               color=ARTICLE_COLOUR, zorder=2, edgecolors="white", linewidths=0.6)
    for a in nodes:
        x, y = pos[a]
        ax.text(1.16 * x, 1.16 * y, names[a], ha="center", va="center", fontsize=7)
    ax.set_xlim(-1.45, 1.45)
    ax.set_ylim(-1.3, 1.3)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig


@styled
def plot_balance_trend(table: pd.DataFrame, *, measure: str = "equidistance",
                       pair: str = "Russia–Ukraine", ax=None):
    """A balance measure per Syrian UN statement by year (blue, with bootstrap intervals;
    the line breaks over years without a statement or without a defined value), and, in a
    panel to its right, the 2024 statements of the named states (grey, labelled) and the
    article (vermilion), from :func:`discourse.actors.balance.stat_balance_comparison`.
    Undefined values (a side not named) are left out, and counted in the legend. With
    ``ax``, everything is drawn on that one Axes (the named states right of 2024).

    >>> t = pd.DataFrame({"set": ["Syria 2011-2024", "article"], "country": ["SYR", "SYR"],
    ...                   "year": [2020, 2025], "measure": ["equidistance"] * 2, "pair": ["Russia–Ukraine"] * 2,
    ...                   "value": [0.4, 0.7], "ci_low": [0.3, 0.5], "ci_high": [0.5, 0.9]})
    >>> fig = plot_balance_trend(t)
    >>> [len(a.containers) for a in fig.axes]
    [1, 1]
    """
    check_columns(table, ["set", "country", "year", "measure", "pair", "value", "ci_low",
                          "ci_high"], "plot_balance_trend")
    check_choice("measure", measure, sorted(set(table["measure"])), "plot_balance_trend")
    per_pair = measure in {"equidistance", "attention_gap", "tone_gap"}
    data = table[(table["measure"] == measure) & ((table["pair"] == pair) if per_pair else True)]
    if data.empty:
        raise EmptyInputError(f"plot_balance_trend: no row for {measure!r} / {pair!r}")
    own = ax is None
    if own:
        import matplotlib.pyplot as plt

        fig, (ax, side) = plt.subplots(1, 2, figsize=(7.2, 3.2), sharey=True,
                                       layout="constrained", width_ratios=[6, 1])
    else:
        fig, side = ax.figure, ax
    syria = data[data["set"].str.startswith("Syria")].sort_values("year")
    defined = syria.dropna(subset=["value"])
    years = pd.to_numeric(defined["year"])
    err = np.vstack([(defined["value"] - defined["ci_low"]).fillna(0).clip(lower=0),
                     (defined["ci_high"] - defined["value"]).fillna(0).clip(lower=0)])
    label = f"Syria at the UN ({len(defined)} of {len(syria)} statements defined; 95% interval)"
    ax.errorbar(years, defined["value"], yerr=err, fmt="o", color=REFERENCE_COLOUR,
                markersize=3, elinewidth=0.6, capsize=1.5, label=label)
    line = with_gaps(defined.assign(year=years.astype(int))[["year", "value"]], "year")
    ax.plot(line["year"], line["value"], "-", color=REFERENCE_COLOUR, linewidth=0.8)
    ax.axvline(2010.5, color="black", linewidth=0.5, linestyle=":")
    ax.set_xlabel("year")
    ax.set_ylabel(f"{measure.replace('_', ' ')}" + (f" ({pair})" if per_pair else ""))
    at_article, at_states = (0.0, 1.0) if own else (2025.5, 2027.0)
    art = data[data["set"] == "article"]
    for _, r in art.iterrows():
        lo = max(0.0, r["value"] - r["ci_low"]) if pd.notna(r["ci_low"]) else 0
        hi = max(0.0, r["ci_high"] - r["value"]) if pd.notna(r["ci_high"]) else 0
        side.errorbar([at_article], [r["value"]], yerr=[[lo], [hi]], fmt="*",
                      color=ARTICLE_COLOUR, markersize=8, capsize=2, elinewidth=0.8,
                      label="the article (2025)")
    named = data[data["set"] == "named states 2024"]
    others = named.dropna(subset=["value"])
    side.plot(np.full(len(others), at_states), others["value"], "o", color="#777777",
              markersize=3, label=f"the named states, 2024 ({len(others)} of {len(named)} defined)")
    if own:
        side.set_xlim(-0.6, 2.4)
        side.set_xticks([at_article, at_states], ["article", "2024"])
        side.tick_params(axis="y", left=False)
        side.spines["left"].set_visible(False)
    handles, texts = [], []
    for a in dict.fromkeys([ax, side]):
        h, t = a.get_legend_handles_labels()
        handles += h
        texts += t
    legend_above(fig, ax, handles, texts, own=own, ncols=2)
    if own:
        fig.canvas.draw()
        fig.set_layout_engine("none")  # fix the panels before measuring where labels fit
    place_labels(side, list(zip(np.full(len(others), at_states), others["value"])),
                 [str(c) for c in others["country"]], ["#555555"] * len(others), fontsize=6)
    return fig
