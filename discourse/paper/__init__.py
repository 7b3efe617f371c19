"""The paper family: figures that go into a paper, and the report.

``figures`` (:func:`save_figure`: byte-reproducible PNG/PDF/SVG and ``MANIFEST.json``),
``registry`` (the registry of paper figures and :func:`build_figures`), ``catalogue`` and
``scaling_figures`` (the figure functions, registered on import), ``notebooks`` (parameter checks and output stripping
for the notebooks), ``report`` (running the notebooks and writing the HTML report).

May import: everything but :mod:`discourse.cli`. Importing this package fills the registry.
"""
from . import catalogue as _catalogue  # noqa: F401  (registers every figure)
from . import scaling_figures as _scaling_figures  # noqa: F401  (and the scaling figures)
from .registry import FIGURES, build_figures, list_figures

__all__ = ["FIGURES", "build_figures", "list_figures"]
