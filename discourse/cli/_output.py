"""Shared output helpers for command-line verbs: tables as text, CSV or JSON."""
from __future__ import annotations

import json
import sys

FORMATS = ("table", "csv", "json")


def add_format_argument(parser, *, default: str = "table") -> None:
    """Add ``--format {table,csv,json}`` to a verb's parser."""
    parser.add_argument("--format", choices=FORMATS, default=default,
                        help=f"output format (default: {default})")


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


def write_table(table, fmt: str, *, out=None) -> None:
    """Print a tidy table in the chosen format; column names are the Python API's."""
    out = out or sys.stdout
    if fmt == "csv":
        table.to_csv(out, index=False, lineterminator="\n")
    elif fmt == "json":
        json.dump(frame_records(table), out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", 200, "display.width", 160,
                               "display.max_columns", 30):
            out.write(table.to_string(index=False) + "\n")


def write_json(obj, *, out=None) -> None:
    """Print a JSON object (sorted keys, UTF-8)."""
    out = out or sys.stdout
    json.dump(obj, out, ensure_ascii=False, indent=1, sort_keys=True, default=_jsonable)
    out.write("\n")
