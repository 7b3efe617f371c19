"""Notebook plumbing: parameter checks for the ``parameters`` cell, and output stripping.

Notebooks are committed without outputs; ``python -m discourse.paper.notebooks strip FILE...``
(``make strip``) removes outputs, execution counts and volatile metadata in place.

>>> check_sample(None, "00_corpus") is None
True
>>> check_sample(0, "00_corpus")
Traceback (most recent call last):
...
discourse.errors.InputError: The 'SAMPLE' parameter of notebook 00_corpus must be >= 1. Got 0 instead.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .._validation import check_range

__all__ = ["check_sample", "check_parameter", "strip_notebook"]

_VOLATILE_CELL_META = ("execution", "ExecuteTime", "collapsed", "scrolled", "papermill")
_VOLATILE_NB_META = ("widgets", "papermill", "toc", "varInspector")


def check_sample(sample, notebook: str):
    """Validate a notebook's ``SAMPLE`` parameter: ``None`` (everything) or an int >= 1."""
    if sample is None:
        return None
    return int(check_range("SAMPLE", sample, f"notebook {notebook}", low=1, integer=True))


def check_parameter(name: str, value, notebook: str, *, low=None, high=None, integer=False):
    """Validate a numeric notebook parameter with the package's message format."""
    return check_range(name, value, f"notebook {notebook}", low=low, high=high, integer=integer)


def strip_notebook(path: str | Path) -> bool:
    """Remove outputs, execution counts and volatile metadata; return True if it changed."""
    path = Path(path)
    original = path.read_text(encoding="utf-8")
    nb = json.loads(original)
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in _VOLATILE_CELL_META:
            cell.get("metadata", {}).pop(key, None)
        cell.pop("id", None) if nb.get("nbformat_minor", 0) < 5 else None
    for key in _VOLATILE_NB_META:
        nb.get("metadata", {}).pop(key, None)
    text = json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if text != original:
        path.write_text(text, encoding="utf-8")
        return True
    return False


def _main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "strip":
        print("usage: python -m discourse.paper.notebooks strip NOTEBOOK...", file=sys.stderr)
        return 2
    for name in argv[1:]:
        if strip_notebook(name):
            print(f"stripped {name}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(_main(sys.argv[1:]))
