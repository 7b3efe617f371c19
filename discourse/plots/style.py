"""The paper style every figure function uses (``discourse/data/styles/paper.mplstyle``).

Font sizes for print, the colour-blind-safe Okabe–Ito palette, and the two usual widths:
:data:`ONE_COLUMN_IN` (3.5 in) and :data:`TWO_COLUMN_IN` (7.2 in). Plot functions are wrapped
with :func:`styled`, so they draw in this style whatever the user's global settings, and
notebooks can call :func:`use_paper_style` to make their own plots match.

>>> import matplotlib
>>> with paper_style():
...     matplotlib.rcParams["font.size"]
8.5
"""
from __future__ import annotations

import contextlib
import functools
from importlib import resources

import matplotlib
import matplotlib.style

__all__ = ["paper_style", "use_paper_style", "styled", "style_path", "PALETTE",
           "ONE_COLUMN_IN", "TWO_COLUMN_IN", "ARTICLE_COLOUR", "REFERENCE_COLOUR"]

ONE_COLUMN_IN = 3.5
TWO_COLUMN_IN = 7.2
#: Okabe & Ito (2008) colour-blind-safe palette, in the style's cycle order.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
#: The article is always drawn in vermilion, comparison corpora in blue/grey.
ARTICLE_COLOUR = "#D55E00"
REFERENCE_COLOUR = "#0072B2"


def style_path() -> str:
    """Path of the shipped ``paper.mplstyle``."""
    return str(resources.files("discourse.data").joinpath("styles", "paper.mplstyle"))


@contextlib.contextmanager
def paper_style():
    """A context in which matplotlib uses the paper style.

    Leaving it restores the rcParams it changed, but not ``interactive``: a backend chosen
    while inside (Jupyter's inline backend is loaded by the first figure of a kernel, and
    turns interactivity on) must stay as it left it, or every later figure of the session
    stays hidden.

    >>> matplotlib.interactive(False)
    >>> with paper_style():
    ...     matplotlib.interactive(True)  # what the inline backend does when it loads
    >>> matplotlib.is_interactive()
    True
    >>> matplotlib.interactive(False)
    """
    interactive = None
    try:
        with matplotlib.style.context(style_path()):
            try:
                yield
            finally:
                interactive = matplotlib.is_interactive()
    finally:
        if interactive is not None:
            matplotlib.interactive(interactive)


def use_paper_style() -> None:
    """Make the paper style the global matplotlib style (for a notebook's own plots)."""
    matplotlib.style.use(style_path())


def styled(func):
    """Decorator for plot functions: draw inside :func:`paper_style`."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with paper_style():
            return func(*args, **kwargs)

    return wrapper
