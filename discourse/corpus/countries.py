"""Country codes, names and regions, from the table shipped in ``discourse/data/tables``.

The table (``countries.csv``; sources in ``discourse/data/tables/README.md``) maps the ISO
3166-1 alpha-3 codes used by the UN General Debate Corpus (plus its historic codes such as
``YUG`` and ``DDR``, and ``EU``) to names and UN M49 regions.

>>> country_name("SYR")
'Syrian Arab Republic'
>>> resolve_country("syria")
'SYR'
>>> try:
...     resolve_country("Syrai")
... except ResourceError as err:
...     print(err)
unknown country code or name 'Syrai' (not in discourse/data/tables/countries.csv); did you mean 'SYR'?
"""
from __future__ import annotations

import difflib
import io
from functools import cache
from importlib import resources

import pandas as pd

from ..errors import ResourceError

__all__ = ["country_table", "country_name", "resolve_country", "check_countries"]

_TABLE = "discourse/data/tables/countries.csv"


@cache
def _table() -> pd.DataFrame:
    text = resources.files("discourse.data").joinpath("tables", "countries.csv").read_text("utf-8")
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
    for col in ("un_member_from", "un_member_to"):
        if col in frame:
            frame[col] = pd.to_numeric(frame[col]).astype("Int64")
    return frame


def country_table() -> pd.DataFrame:
    """The shipped country table (a copy): ``iso3, name, short_name, region, subregion, ...``."""
    return _table().copy()


@cache
def _lookup() -> dict[str, str]:
    t = _table()
    out = {}
    for row in t.itertuples(index=False):
        for key in (row.iso3, row.name, getattr(row, "short_name", None)):
            if isinstance(key, str) and key:
                out.setdefault(str(key).casefold(), row.iso3)
    return out


def resolve_country(code_or_name: str) -> str:
    """Return the ISO3 code for a code or a name (case-insensitive); unknown ones raise.

    Raises :class:`~discourse.errors.ResourceError` with the closest known codes and names.
    """
    key = str(code_or_name).strip().casefold()
    found = _lookup().get(key)
    if found is None:
        close = difflib.get_close_matches(key, list(_lookup()), n=5, cutoff=0.75)
        codes = list(dict.fromkeys(_lookup()[c] for c in close))[:3]
        hint = f"; did you mean {', '.join(repr(c) for c in codes)}?" if codes else ""
        raise ResourceError(f"unknown country code or name {code_or_name!r} (not in {_TABLE}){hint}")
    return found


def check_countries(codes) -> list[str]:
    """Resolve several codes or names; the first unknown one raises ResourceError."""
    return [resolve_country(c) for c in codes]


def country_name(iso3: str, *, short: bool = False) -> str:
    """The country's name (UN-style ``name``, or everyday ``short_name`` when ``short``)."""
    code = resolve_country(iso3)
    row = _table().loc[_table()["iso3"] == code].iloc[0]
    return (row.get("short_name") or row["name"]) if short else row["name"]
