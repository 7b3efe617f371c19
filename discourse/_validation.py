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


#: The seeds numpy's generators accept (``RandomState``: 0 .. 2**32 - 1).
SEED_MAX = 2**32 - 1


def int_argument(low: int | None = None, high: int | None = None, *, what: str = ""):
    """An ``argparse`` ``type=`` for whole numbers in ``low .. high``: a bad value becomes
    argparse's usage error naming the option (``argument --seed: must be a whole number
    >= 0 (a random seed); got '-1'``), exit status 2, before any work starts.

    >>> int_argument(0, what="a random seed")("7")
    7
    >>> int_argument(0, what="a random seed")("-1")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: must be a whole number >= 0 (a random seed); got '-1'
    """
    import argparse

    if low is not None and high is not None:
        rule = f"from {low} to {high}"
    elif low is not None:
        rule = f">= {low}"
    elif high is not None:
        rule = f"<= {high}"
    else:
        rule = ""
    note = f" ({what})" if what else ""

    def parse(text: str) -> int:
        try:
            value = int(str(text).strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number {rule}{note}; "
                                             f"got {text!r}") from None
        if (low is not None and value < low) or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"must be a whole number {rule}{note}; "
                                             f"got {text!r}")
        return value

    parse.__name__ = "int"
    return parse


def seed_argument():
    """``int_argument`` for a random seed (0 .. :data:`SEED_MAX`)."""
    return int_argument(0, SEED_MAX, what="a random seed")
