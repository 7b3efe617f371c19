"""Figures: one ``plot_<noun>`` per ``stat_<noun>`` table, each taking ``ax=None`` and
returning the matplotlib Figure it drew on, in the paper style (:mod:`discourse.style`)."""
from .compare import plot_comparison
from .corpus import plot_documents_per_year, plot_lengths
from .keywords import (plot_dispersion, plot_frequency, plot_frequency_scatter, plot_keyness,
                       plot_trend)

__all__ = ["plot_documents_per_year", "plot_lengths", "plot_keyness", "plot_frequency",
           "plot_dispersion", "plot_trend", "plot_frequency_scatter", "plot_comparison"]
