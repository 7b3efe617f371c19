"""One hierarchy of exceptions for the whole package.

Every class also subclasses the builtin exception a user would naturally catch, so
``except ValueError`` keeps working in scripts that do not know about ``discourse``.

Messages follow one shape. For a file: ``"<path>: <problem> (<hint>)"``; for a parameter:
``"The 'measure' parameter of stat_keyness must be one of {...}. Got 'll' instead."``.

Example
-------
>>> from discourse.errors import InputError, file_error
>>> err = file_error(InputError, "speeches/a.txt", "file is empty", "remove it or add text")
>>> str(err)
'speeches/a.txt: file is empty (remove it or add text)'
>>> isinstance(err, ValueError)
True
"""
from __future__ import annotations

import os

__all__ = [
    "DiscourseError",
    "InputError",
    "EmptyInputError",
    "EncodingError",
    "CorpusFormatError",
    "ResourceError",
    "DownloadError",
    "CacheError",
    "file_error",
]


class DiscourseError(Exception):
    """Base class of every error raised on purpose by ``discourse``."""


class InputError(DiscourseError, ValueError):
    """Bad input: a parameter out of range, a malformed file, a missing path."""


class EmptyInputError(InputError):
    """The input has nothing to work on (empty file, empty corpus, no tokens)."""


class EncodingError(InputError, UnicodeError):
    """A file is not in the expected text encoding (or is binary)."""


class CorpusFormatError(InputError):
    """A corpus source does not have the layout it claims (archive, CSV, front matter)."""


class ResourceError(DiscourseError, LookupError):
    """A named resource (lexicon, country code, dataset) is unknown or missing."""


class DownloadError(DiscourseError, OSError):
    """A download failed, was interrupted, or did not match its expected size or checksum."""


class CacheError(DiscourseError, OSError):
    """A cache entry could not be written or read (a stale or corrupt one is rebuilt, not raised)."""


def file_error(cls: type[DiscourseError], path: str | os.PathLike, problem: str,
               hint: str | None = None) -> DiscourseError:
    """Build ``cls`` with the package's file message shape: ``"<path>: <problem> (<hint>)"``."""
    message = f"{os.fspath(path)}: {problem}"
    if hint:
        message += f" ({hint})"
    return cls(message)
