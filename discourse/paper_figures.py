"""The figure functions of the paper, registered in :data:`discourse.paper.FIGURES`.

Each function builds one figure from package calls only; the notebook named in its
registration shows the same figure with the same calls.
"""
from __future__ import annotations

from .describe import stat_documents
from .paper import PaperInputs, register
from .plots.corpus import plot_documents_per_year, plot_lengths


@register("corpus_speeches_per_year", "UN General Debate speeches per year, with the years in "
          "which Syria spoke", "00_corpus.ipynb", inputs=("un",))
def corpus_speeches_per_year(inputs: PaperInputs):
    return plot_documents_per_year(stat_documents(inputs.un), highlight="SYR")


@register("corpus_lengths", "Length of UN speeches per year (median and interquartile range) "
          "with Syria's speeches", "00_corpus.ipynb", inputs=("un",))
def corpus_lengths(inputs: PaperInputs):
    return plot_lengths(stat_documents(inputs.un), highlight="SYR")
