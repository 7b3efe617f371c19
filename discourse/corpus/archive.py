"""Read the members of a tar archive with every compressed byte checked and every size bounded.

:mod:`tarfile`'s own stream mode inflates gzip as raw deflate and never looks at the gzip
trailer, so an archive with a flipped byte can unpack, without an error, to altered text, and
one missing its last bytes loads as if complete. Here the decompression is done by
:mod:`gzip` (CRC-32 and length of every gzip member checked), :mod:`bz2` or :mod:`lzma`
(their own block checks), and the stream is read to its very end, so that a damaged or
truncated archive raises :class:`~discourse.errors.CorpusFormatError` before the caller has
finished (and so before anything is cached).

Sizes are bounded so that a decompression bomb is refused early, with bounded memory:

* a member whose header announces more than ``max_member_bytes`` is refused before a byte
  of it is read (:data:`MAX_MEMBER_BYTES`, 16 MB: the largest UN speech is 127 KB);
* the whole archive may unpack to at most ``max_total_bytes`` (:data:`MAX_TOTAL_BYTES`, 2 GB:
  the UN corpus unpacks to 199 MB) and, at any point, to at most ``max_ratio`` times the
  compressed bytes read so far plus :data:`RATIO_SLACK` (100 and 64 MB: the UN corpus is
  3 to 1, text rarely beats 10 to 1, a bomb is 1,000 to 1);
* the headers between two members (long names, pax records) may not exceed
  :data:`MAX_HEADER_BYTES` (1 MB; a real header is 512 bytes, a long name a few more).

Links (hard or symbolic) are reported to the caller, who decides; nothing is ever written.

>>> import io, tarfile, tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "a.tgz")
>>> with tarfile.open(path, "w:gz") as tar:
...     info = tarfile.TarInfo("a.txt"); info.size = 5
...     tar.addfile(info, io.BytesIO(b"Hello"))
>>> [(info.name, data) for info, data in iter_members(path)]
[('a.txt', b'Hello')]
"""
from __future__ import annotations

import bz2
import gzip
import lzma
import os
import tarfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import CorpusFormatError, file_error

__all__ = ["iter_members", "check_archive", "open_checked", "MAX_MEMBER_BYTES", "MAX_TOTAL_BYTES",
           "MAX_RATIO", "RATIO_SLACK", "MAX_HEADER_BYTES"]

MAX_MEMBER_BYTES = 16_000_000
MAX_TOTAL_BYTES = 2_000_000_000
MAX_RATIO = 100
RATIO_SLACK = 64_000_000
MAX_HEADER_BYTES = 1 << 20
_READ_AHEAD = 1 << 16  # tarfile reads its stream in records: what it may have read ahead
_LIFT = "pass max_member_bytes=, max_total_bytes= or max_ratio= to load_ungdc to raise the limit"


class _Refused(Exception):
    """A size limit was reached (the message says which)."""


class _Bounded:
    """A read-only binary stream over a decompressed stream that counts what it returns and
    refuses to return more than the limits allow (checked before the bytes are handed on)."""

    def __init__(self, inner, raw, *, max_total: int | None, max_ratio: float | None):
        self.inner, self.raw = inner, raw
        self.max_total, self.max_ratio = max_total, max_ratio
        self.total = 0
        self.mark = 0  # where the headers of the next member start (see iter_members)
        self.max_step: int | None = MAX_HEADER_BYTES + _READ_AHEAD

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = 1 << 20  # tarfile always asks for a size; never read all at once
        data = self.inner.read(size)
        self.total += len(data)
        if self.max_total is not None and self.total > self.max_total:
            raise _Refused(f"unpacks to more than {self.max_total:,} bytes")
        if self.max_ratio is not None:
            compressed = max(self.raw.tell(), 1)
            if self.total > self.max_ratio * compressed + RATIO_SLACK:
                raise _Refused(f"unpacks to {self.total:,} bytes from the first {compressed:,} "
                               f"compressed bytes, more than {self.max_ratio:g} to 1")
        if self.max_step is not None and self.total - self.mark > self.max_step:
            raise _Refused(f"holds a member header of more than {self.max_step:,} bytes")
        return data

    def drain(self) -> None:
        while self.read(1 << 20):
            pass


def open_checked(path: str | os.PathLike):
    """Open ``path`` as a decompressed, integrity-checked binary stream (gzip, bzip2, xz, or
    an uncompressed tar), chosen by the file's first bytes. Returns ``(stream, raw)``: the
    stream to read and the raw file (whose position counts the compressed bytes read)."""
    raw = open(path, "rb")  # noqa: SIM115 - closed by the caller
    head = raw.read(6)
    raw.seek(0)
    if head[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw, mode="rb"), raw
    if head[:3] == b"BZh":
        return bz2.BZ2File(raw, mode="rb"), raw
    if head == b"\xfd7zXZ\x00":
        return lzma.LZMAFile(raw, mode="rb"), raw
    return raw, raw


def _problem(exc: BaseException) -> str:
    if isinstance(exc, EOFError) or "unexpected end" in str(exc):
        return "the archive is truncated or corrupt (it ends early: some of it is missing)"
    text = str(exc)
    if "CRC check failed" in text or "Incorrect length" in text:
        return (f"the archive is truncated or corrupt (its gzip checksum does not match its "
                f"content: {text})")
    return f"the archive is truncated or corrupt ({text or type(exc).__name__})"


def iter_members(path: str | os.PathLike, *, max_member_bytes: int | None = MAX_MEMBER_BYTES,
                 max_total_bytes: int | None = MAX_TOTAL_BYTES,
                 max_ratio: float | None = MAX_RATIO,
                 wanted: Callable[[tarfile.TarInfo], bool] | None = None,
                 ) -> Iterator[tuple[tarfile.TarInfo, bytes | None]]:
    """Yield ``(info, data)`` for every member of the tar archive at ``path``, in order.

    ``data`` is the member's bytes for a regular file that ``wanted(info)`` accepts (default:
    every regular file), else ``None``. The archive is read to its end after the last member,
    so its checksums are verified before this generator finishes; a damaged, truncated or
    oversized archive raises :class:`~discourse.errors.CorpusFormatError` naming the file and
    the problem. A limit of ``None`` is no limit.
    """
    path = Path(path)
    try:
        stream, raw = open_checked(path)
    except OSError as exc:
        raise file_error(CorpusFormatError, path, "not a readable tar archive",
                         exc.strerror or str(exc)) from None
    bounded = _Bounded(stream, raw, max_total=max_total_bytes, max_ratio=max_ratio)
    member = None
    try:
        with raw, stream:
            try:
                tar = tarfile.open(fileobj=bounded, mode="r|")
            except tarfile.ReadError as exc:
                raise file_error(CorpusFormatError, path, "not a readable tar archive",
                                 f"{exc}; expected the UNGDC_*.tgz file as distributed") from None
            with tar:
                for info in tar:
                    member = info.name
                    # from here tarfile reads this member's data (now, or skipping it), then
                    # the next member's headers: only those are bounded by max_step
                    bounded.mark = bounded.total + -(-info.size // 512) * 512
                    if max_member_bytes is not None and info.size > max_member_bytes:
                        raise file_error(CorpusFormatError, f"{path}!{info.name}",
                                         f"member of {info.size:,} bytes, over the limit of "
                                         f"{max_member_bytes:,} (refused unread as a possible "
                                         "decompression bomb)", _LIFT)
                    data = None
                    if info.isfile() and (wanted is None or wanted(info)):
                        data = tar.extractfile(info).read()
                        if len(data) != info.size:
                            raise EOFError("unexpected end of data")
                    yield info, data
                member = None
            bounded.drain()  # the gzip trailer (CRC-32, length) is checked only at the end
    except _Refused as exc:
        where = f"{path}!{member}" if member else path
        raise file_error(CorpusFormatError, where, f"{exc} (refused as a possible "
                         "decompression bomb)", _LIFT) from None
    except (tarfile.TarError, EOFError, OSError, zlib.error, lzma.LZMAError) as exc:
        raise file_error(CorpusFormatError, path, _problem(exc)) from None


def check_archive(path: str | os.PathLike, **limits) -> None:
    """Read the whole archive, keeping nothing; raise what :func:`iter_members` would."""
    for _ in iter_members(path, wanted=lambda info: False, **limits):
        pass
