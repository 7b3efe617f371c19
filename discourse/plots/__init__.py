"""Figures: one ``plot_<noun>`` per ``stat_<noun>`` table, each taking ``ax=None`` and
returning the matplotlib Figure it drew on."""
from .corpus import plot_documents_per_year, plot_lengths

__all__ = ["plot_documents_per_year", "plot_lengths"]
