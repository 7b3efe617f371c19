"""Parameter checks for public functions, with one message format (after scikit-learn).

>>> check_choice("measure", "g2", {"g2", "chi2"}, "stat_keyness")
'g2'
>>> check_range("n", 0, "kwic", low=1)
Traceback (most recent call last):
...
discourse.errors.InputError: The 'n' parameter of kwic must be >= 1. Got 0 instead.
"""
from __future__ import annotations

from collections.abc import Iterable
from numbers import Real

from .errors import InputError


def check_choice(name: str, value, allowed: Iterable, func: str):
    """Return ``value`` if it is one of ``allowed``; raise :class:`InputError` otherwise."""
    allowed = list(allowed)
    if value not in allowed:
        shown = "{" + ", ".join(repr(a) for a in sorted(allowed, key=str)) + "}"
        raise InputError(f"The {name!r} parameter of {func} must be one of {shown}. "
                         f"Got {value!r} instead.")
    return value


def check_range(name: str, value, func: str, *, low: Real | None = None,
                high: Real | None = None, integer: bool = False):
    """Return ``value`` if ``low <= value <= high`` (and an int when ``integer``)."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise InputError(f"The {name!r} parameter of {func} must be a number. Got {value!r} instead.")
    if integer and int(value) != value:
        raise InputError(f"The {name!r} parameter of {func} must be a whole number. Got {value!r} instead.")
    if low is not None and value < low:
        raise InputError(f"The {name!r} parameter of {func} must be >= {low}. Got {value!r} instead.")
    if high is not None and value > high:
        raise InputError(f"The {name!r} parameter of {func} must be <= {high}. Got {value!r} instead.")
    return value


def check_columns(table, required: Iterable[str], func: str):
    """Raise :class:`InputError` if the DataFrame ``table`` lacks any ``required`` column."""
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise InputError(f"The table given to {func} lacks the column(s) {missing}; "
                         f"it has {list(table.columns)}.")
    return table
