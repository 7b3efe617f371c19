"""Word patterns and dictionaries of them, matched against token streams.

A pattern is written once and used everywhere (keyword counts, concordances, trends):

========================= ===================================================================
pattern                   matches
========================= ===================================================================
``sovereignty``           exactly that token (case-insensitive, typography folded)
``balanc*``               a glob: ``*`` any run of characters, ``?`` one character
``re:^pragmati(c|sm)$``   a regular expression on one token (Python ``re``, full match)
``national interest*``    a phrase: consecutive tokens, each part a word or a glob
========================= ===================================================================

A :class:`Dictionary` groups patterns into named categories; it is read from YAML in the
layout quanteda uses for its dictionaries (a mapping of categories to lists of patterns), with
our provenance header (``name``, ``version``, ``source``, ``licence``)::

    name: frames
    version: 1
    source: "..."
    licence: "CC0-1.0"
    entries:
      balance:
        description: "balance, equidistance"
        patterns: ["balanc*", "equidistan*"]
      sovereignty: ["sovereign*", "non-interference"]

>>> p = compile_pattern("national interest*")
>>> p.match_positions(["our", "national", "interests", "first"])
[(1, 3)]
>>> sorted(load_dictionary("frames").categories)[:3]
['balance', 'confrontation', 'cooperation']
"""
from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import CorpusFormatError, InputError, ResourceError, file_error
from ..corpus.normalize import fold_typography

__all__ = ["Pattern", "compile_pattern", "compile_patterns", "Dictionary", "load_dictionary",
           "list_dictionaries"]


@dataclass(frozen=True)
class Pattern:
    """A compiled pattern: one regular expression per token of the phrase."""

    text: str
    parts: tuple[re.Pattern, ...] = field(compare=False)

    @property
    def length(self) -> int:
        return len(self.parts)

    def match_positions(self, tokens: Sequence[str]) -> list[tuple[int, int]]:
        """``(start, end)`` token positions (end-exclusive) where the pattern matches."""
        n, k = len(tokens), len(self.parts)
        first = self.parts[0].fullmatch
        out = []
        for i in range(n - k + 1):
            if first(tokens[i]) and all(self.parts[j].fullmatch(tokens[i + j]) for j in range(1, k)):
                out.append((i, i + k))
        return out


def _part(word: str, source: str) -> re.Pattern:
    if word.startswith("re:"):
        try:
            return re.compile(word[3:], re.IGNORECASE)
        except re.error as exc:
            raise InputError(f"pattern {source!r}: invalid regular expression ({exc})") from None
    if not word:
        raise InputError(f"pattern {source!r} has an empty part")
    return re.compile(fnmatch.translate(word).replace("\\Z", "").replace("(?s:", "(?:"),
                      re.IGNORECASE)


def compile_pattern(text: str) -> Pattern:
    """Compile one pattern (see the module docs). Case and typography are folded."""
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"A pattern must be a non-empty string. Got {text!r} instead.")
    folded = fold_typography(text.strip()).lower() if not text.startswith("re:") else text.strip()
    if folded.startswith("re:"):
        return Pattern(text, (_part(folded, text),))
    words = folded.split()
    return Pattern(text, tuple(_part(w, text) for w in words))


def compile_patterns(patterns: str | Iterable[str]) -> list[Pattern]:
    """Compile a list of patterns, or a comma-separated string of them (``"balanc*,sovereign*"``)."""
    if isinstance(patterns, str):
        patterns = [p for p in (x.strip() for x in patterns.split(",")) if p]
    out = [compile_pattern(p) for p in patterns]
    if not out:
        raise InputError("No pattern given.")
    return out


@dataclass(frozen=True)
class Dictionary:
    """Named categories of patterns, with provenance."""

    name: str
    version: str
    source: str
    licence: str
    categories: Mapping[str, tuple[Pattern, ...]]
    descriptions: Mapping[str, str]


def list_dictionaries() -> list[str]:
    """Names of the dictionaries shipped in ``discourse/data/dictionaries``."""
    folder = resources.files("discourse.data").joinpath("dictionaries")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


@cache
def _shipped(name: str) -> Dictionary:
    path = resources.files("discourse.data").joinpath("dictionaries", f"{name}.yaml")
    return _parse(path.read_text("utf-8"), f"discourse/data/dictionaries/{name}.yaml")


def load_dictionary(name_or_path: str | os.PathLike) -> Dictionary:
    """A shipped dictionary by name (:func:`list_dictionaries`) or a user's YAML file."""
    if isinstance(name_or_path, str) and name_or_path in list_dictionaries():
        return _shipped(name_or_path)
    path = Path(name_or_path)
    if not path.suffix:
        raise ResourceError(f"unknown dictionary {str(name_or_path)!r}; shipped: "
                            f"{list_dictionaries()} (or give the path of a YAML file)")
    if not path.exists():
        raise file_error(InputError, path, "no such dictionary file")
    from ..corpus.readers import read_text

    return _parse(read_text(path), str(path))


def read_entries_yaml(text: str, where: str, kind: str = "dictionary"):
    """Read a YAML word-list file of the package's format (dictionaries, stance lexicons):
    provenance fields ``name``, ``source``, ``licence`` (``version`` optional) and ``entries``
    mapping each category to a list of pattern strings, or to ``{description, patterns, ...}``.

    Returns ``(data, {category: [patterns]}, {category: description})``; a malformed file
    raises :class:`~discourse.errors.CorpusFormatError` naming ``where`` (and the YAML line).
    """
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise file_error(CorpusFormatError, where, f"malformed YAML{line}",
                         getattr(exc, "problem", None) or str(exc)) from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), dict) or not data["entries"]:
        raise file_error(CorpusFormatError, where, f"a {kind} needs a non-empty 'entries' "
                         "mapping of categories to lists of patterns")
    missing = [k for k in ("name", "source", "licence") if not data.get(k)]
    if missing:
        raise file_error(CorpusFormatError, where, f"missing provenance field(s) {missing}")
    patterns, descriptions = {}, {}
    for cat, value in data["entries"].items():
        desc = ""
        if isinstance(value, dict):
            desc = " ".join(str(value.get("description", "")).split())
            value = value.get("patterns")
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise file_error(CorpusFormatError, where, f"category {cat!r} must list its patterns "
                             "as strings")
        patterns[str(cat)] = value
        descriptions[str(cat)] = desc
    return data, patterns, descriptions


def _parse(text: str, where: str) -> Dictionary:
    data, patterns, descriptions = read_entries_yaml(text, where, "dictionary")
    categories = {}
    for cat, value in patterns.items():
        try:
            categories[cat] = tuple(compile_pattern(v) for v in value)
        except InputError as exc:
            raise file_error(CorpusFormatError, where, f"category {cat!r}: {exc}") from None
    return Dictionary(str(data["name"]), str(data.get("version", "")), str(data["source"]),
                      str(data["licence"]), categories, descriptions)
