"""Figures: one ``plot_<noun>`` per ``stat_<noun>`` table, each taking ``ax=None`` and
returning the matplotlib Figure it drew on, in the paper style (:mod:`discourse.plots.style`).

One module per family (``corpus``, ``keywords``, ``rhetoric``, ``actors``, ``topics``,
``compare``, ``scaling``), ``style`` (the shipped paper style), ``labels`` (metric and group names in
words) and ``_axes`` (shared axis helpers: gaps, label placement, legends). A plot
function takes a table and draws it: it computes nothing.

May import: the base modules only (``errors``, ``_validation``); tables come in as arguments.
"""
from .actors import (plot_actor_tone, plot_attention, plot_balance_trend, plot_cooccurrence,
                     plot_ideological_square)
from .compare import plot_comparison
from .corpus import plot_documents_per_year, plot_lengths
from .keywords import (plot_dispersion, plot_frequency, plot_frequency_scatter, plot_keyness,
                       plot_trend)
from .rhetoric import devices_html, plot_devices, plot_emotion_trend
from .scaling import plot_scale1d, plot_scale_trend, plot_word_scale
from .topics import (plot_coherence, plot_stability, plot_top_terms, plot_topic_map,
                     plot_topic_mix, plot_topic_prevalence, plot_topic_selection)

__all__ = ["plot_scale1d", "plot_scale_trend", "plot_word_scale", "plot_documents_per_year", "plot_lengths", "plot_keyness", "plot_frequency",
           "plot_dispersion", "plot_trend", "plot_frequency_scatter", "plot_comparison",
           "plot_devices", "devices_html", "plot_emotion_trend", "plot_attention", "plot_actor_tone",
           "plot_cooccurrence", "plot_balance_trend", "plot_ideological_square", "plot_top_terms", "plot_topic_prevalence",
           "plot_coherence", "plot_stability", "plot_topic_selection", "plot_topic_map",
           "plot_topic_mix"]
