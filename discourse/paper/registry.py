"""The paper figures: one registry, one producer per figure (``discourse figures --out DIR``).

Each entry of :data:`FIGURES` names a figure, says what it shows and which notebook shows it,
and builds it from package calls only, so that the command line, ``make report`` and the
notebooks cannot disagree. :func:`build_figures` writes every figure through
:func:`discourse.paper.figures.save_figure` (PNG at 300 dpi, PDF, SVG; byte-reproducible) and
records it in ``MANIFEST.json`` with the hashes of its inputs.

>>> names = [spec.name for spec in list_figures()]
>>> names == sorted(names) and 'corpus_lengths' in names
True
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from tqdm.auto import tqdm

from ..errors import InputError

__all__ = ["FigureSpec", "PaperInputs", "FIGURES", "register", "build_figures", "list_figures"]


class PaperInputs:
    """The corpora the paper figures use, loaded once per build (lazily).

    ``sample`` (an int) limits each UN comparison set to that many speeches, drawn with
    ``seed``; ``None`` uses everything.
    """

    def __init__(self, *, sample: int | None = None, seed: int = 1):
        from .notebooks import check_sample

        self.sample = check_sample(sample, "paper figures")
        self.seed = seed

    def _sampled(self, corpus):
        return corpus.sample(self.sample, seed=self.seed) if self.sample else corpus

    @cached_property
    def article(self):
        from ..corpus.datasets import load_article

        return load_article()

    @cached_property
    def articles(self):
        from ..corpus.datasets import load_articles

        return load_articles()

    @cached_property
    def un(self):
        """The whole UN corpus (sampled when ``sample`` is set)."""
        from ..corpus.ungdc import load_ungdc

        return self._sampled(load_ungdc(progress=False))

    @cached_property
    def un_with_syria(self):
        """Every Syrian statement, the named states' 2024 statements and the (sampled) rest:
        :func:`discourse.corpus.comparisons.sampled_world`."""
        from ..corpus.comparisons import sampled_world
        from ..corpus.ungdc import load_ungdc

        return sampled_world(load_ungdc(progress=False), sample=self.sample, seed=self.seed)

    @cached_property
    def syria(self):
        """Syria's UN speeches (all of them: 74 speeches are small enough)."""
        from ..corpus.ungdc import load_ungdc

        return load_ungdc("SYR", progress=False)

    @cached_property
    def lee(self):
        from ..corpus.datasets import load_lee

        return load_lee()

    def hashes(self, *names: str) -> dict[str, str]:
        """Content hashes of the named inputs, for the manifest."""
        from .figures import input_hashes

        return input_hashes(**{n: getattr(self, n) for n in names})


@dataclass(frozen=True)
class FigureSpec:
    """A paper figure: its name, what it shows, the notebook that shows it, how to make it,
    and the inputs (attributes of :class:`PaperInputs`) it depends on."""

    name: str
    description: str
    notebook: str
    make: Callable[[PaperInputs], object]
    inputs: tuple[str, ...]

    @property
    def producer(self) -> str:
        return f"{self.make.__module__}.{self.make.__qualname__}"


FIGURES: dict[str, FigureSpec] = {}


def register(name: str, description: str, notebook: str, inputs: Iterable[str]):
    """Decorator adding a figure function ``make(inputs) -> Figure`` to :data:`FIGURES`."""

    def decorate(make):
        if name in FIGURES:
            raise ValueError(f"figure {name!r} is registered twice")
        FIGURES[name] = FigureSpec(name, description, notebook, make, tuple(inputs))
        return make

    return decorate


def list_figures() -> list[FigureSpec]:
    """Every registered figure, sorted by name."""
    return [FIGURES[n] for n in sorted(FIGURES)]


def build_figures(out_dir: str | Path, *, sample: int | None = None, seed: int = 1,
                  names: Iterable[str] | None = None, formats=("png", "pdf", "svg"),
                  progress: bool = True) -> dict:
    """Make the paper figures into ``out_dir``; return the manifest (a dict).

    Parameters
    ----------
    out_dir : path
    sample : int, optional
        Use at most this many UN speeches per comparison set (quick builds, tests).
    seed : int, default=1
    names : iterable of str, optional
        Only these figures (default: all). Unknown names raise InputError.
    formats : tuple, default=("png", "pdf", "svg")
    """
    import matplotlib.pyplot as plt

    from .._validation import check_range
    from .figures import read_manifest, save_figure

    check_range("seed", seed, "build_figures", low=0, integer=True)
    specs = list_figures()
    if names is not None:
        names = list(names)
        unknown = sorted(set(names) - set(FIGURES))
        if unknown:
            raise InputError(f"unknown figure(s) {unknown}; known: {sorted(FIGURES)}")
        specs = [s for s in specs if s.name in names]
    inputs = PaperInputs(sample=sample, seed=seed)
    for spec in tqdm(specs, desc="figures", disable=not progress, file=sys.stderr):
        fig = spec.make(inputs)
        save_figure(fig, spec.name, out_dir, formats=formats, producer=spec.producer,
                    inputs=inputs.hashes(*spec.inputs),
                    params={"sample": inputs.sample, "seed": seed, "notebook": spec.notebook})
        plt.close(fig)
    return read_manifest(out_dir)

