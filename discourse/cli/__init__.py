"""The ``discourse`` command line: :func:`main` (in ``app``, with the parser) and one module per verb.

A verb module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``
and is found automatically; ``_output`` formats tables for the terminal.

May import: everything.
"""
from .app import main

__all__ = ["main"]
