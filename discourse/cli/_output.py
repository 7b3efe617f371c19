"""Shared output helpers for command-line verbs: tables as text, CSV or JSON.

Text tables fit the terminal's width (``$COLUMNS``, else the terminal's size, else 100
characters when the output is not a terminal): long text cells -- the evidence of a device,
a figure's description -- are cut with an ellipsis (``…``), the widest first, and a table
with more columns than fit is wrapped into blocks of columns. ``--wide`` prints every cell
whole; ``--format csv`` and ``json`` never cut anything.

>>> import pandas as pd
>>> t = pd.DataFrame({"id": [1, 2], "evidence": ["x" * 60, "short"]})
>>> print(fit_table(t, width=30))
 id                   evidence
  1 xxxxxxxxxxxxxxxxxxxxxxxxx…
  2                      short
"""
from __future__ import annotations

import json
import sys

FORMATS = ("table", "csv", "json")
ELLIPSIS = "…"
#: Width of a text table when the output is not a terminal and ``$COLUMNS`` is unset.
DEFAULT_WIDTH = 100
_MIN_TEXT = 8  # a text column is never cut below this (or its header), unless it is shorter


def add_format_argument(parser, *, default: str = "table") -> None:
    """Add ``--format {table,csv,json}`` and ``--wide`` to a verb's parser."""
    parser.add_argument("--format", choices=FORMATS, default=default,
                        help=f"output format (default: {default})")
    add_wide_argument(parser)


def add_wide_argument(parser) -> None:
    """Add ``--wide``: text tables show every cell whole instead of fitting the terminal."""
    parser.add_argument("--wide", action="store_true",
                        help="text tables: show every cell whole (default: fit the terminal's "
                             "width, long cells cut with …)")


def _jsonable(value):
    import pandas as pd

    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def frame_records(table) -> list[dict]:
    """A DataFrame as JSON-ready records (NaN and NA become null)."""
    return [{k: _jsonable(v) for k, v in row.items()} for row in table.to_dict("records")]


def terminal_width(out=None) -> int:
    """``$COLUMNS``, else the width of the terminal ``out`` writes to, else
    :data:`DEFAULT_WIDTH`."""
    import os
    import shutil

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    out = out or sys.stdout
    try:
        if out.isatty():
            return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    except (AttributeError, ValueError, OSError):
        pass
    return DEFAULT_WIDTH


def _render(table, width: int | None) -> str:
    import pandas as pd

    with pd.option_context("display.max_rows", 200, "display.width", width or 100_000,
                           "display.max_columns", None, "display.max_colwidth", None):
        return table.to_string(index=False, line_width=width)


def _line_width(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


def fit_table(table, *, width: int) -> str:
    """The text rendering of ``table`` in at most ``width`` characters per line: text cells
    cut with an ellipsis (the widest columns first, to a common length, none below 8
    characters or its header), then, if the columns still do not fit, blocks of columns one
    under the other."""
    full = _render(table, None)
    if _line_width(full) <= width or table.empty:
        return full
    text_cols = [c for c in table.columns if table[c].map(lambda v: isinstance(v, str)).any()]
    if text_cols:
        lengths = {c: int(table[c].map(lambda v: len(v) if isinstance(v, str) else 0).max())
                   for c in text_cols}
        floor = {c: min(lengths[c], max(_MIN_TEXT, len(str(c)))) for c in text_cols}
        overflow = _line_width(full) - width
        cap = max(lengths.values())
        cut = table
        while cap > 0 and overflow > 0:
            # the largest common cap that removes the overflow, then check the rendering
            while cap > 0 and sum(lengths[c] - max(floor[c], min(lengths[c], cap))
                                  for c in text_cols) < overflow:
                cap -= 1
            cut = table.copy()
            for c in text_cols:
                n = max(floor[c], min(lengths[c], cap))
                cut[c] = table[c].map(lambda v, n=n: v if not isinstance(v, str) or len(v) <= n
                                      else v[:n - 1] + ELLIPSIS)
            fitted = _render(cut, None)
            if _line_width(fitted) <= width:
                return fitted
            overflow += _line_width(fitted) - width  # alignment the estimate missed
            cap -= 1
        table = cut
    return _render(table, width)


def write_table(table, fmt: str, *, out=None, wide: bool = False) -> None:
    """Print a tidy table in the chosen format; column names are the Python API's. A text
    table fits the terminal's width (see the module docs) unless ``wide``."""
    out = out or sys.stdout
    if fmt == "csv":
        table.to_csv(out, index=False, lineterminator="\n")
    elif fmt == "json":
        json.dump(frame_records(table), out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        text = _render(table, None) if wide else fit_table(table, width=terminal_width(out))
        out.write(text + "\n")


def write_json(obj, *, out=None) -> None:
    """Print a JSON object (sorted keys, UTF-8)."""
    out = out or sys.stdout
    json.dump(obj, out, ensure_ascii=False, indent=1, sort_keys=True, default=_jsonable)
    out.write("\n")
