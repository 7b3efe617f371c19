"""Download the UN General Debate Corpus from Harvard Dataverse, once, safely.

The corpus is the dataset ``doi:10.7910/DVN/0TJX8Y``. Its file listing comes from the Dataverse
native API (``/api/datasets/:persistentId/?persistentId=<doi>``) and each file from the data
access API (``/api/access/datafile/<id>``). Only the standard library talks HTTP.

Every download is streamed to a temporary file next to the destination
(``<name>.part-<random>``) while its checksum is computed; the size and the checksum are
compared with what the server listed, and only then is the file renamed into place with
:func:`os.replace` (atomic). Whatever goes wrong -- a dropped connection that does not recover
after ``retries`` attempts, a short read, an HTTP error, a wrong size or checksum, Ctrl-C --
the temporary file is deleted, nothing appears under the final name, a file already there is
left untouched, and :class:`~discourse.errors.DownloadError` is raised. A dropped connection is
resumed with an HTTP ``Range`` request when the server supports it (else restarted).

The server defaults to ``https://dataverse.harvard.edu``; the ``server`` argument or the
environment variable ``DISCOURSE_DATAVERSE_URL`` points elsewhere (a mirror, or a test server).

Example
-------
Picking the archive from a listing does not need the network:

>>> from discourse.corpus.download import RemoteFile, newest_ungdc_archive
>>> files = [RemoteFile("UNGDC_1946-2023.tgz", 1, 10, "MD5", "0" * 32, "https://x/1"),
...          RemoteFile("UNGDC_1946-2024.tgz", 2, 10, "MD5", "1" * 32, "https://x/2"),
...          RemoteFile("Speakers_by_session.xlsx", 3, 5, "MD5", "2" * 32, "https://x/3")]
>>> newest_ungdc_archive(files).label
'UNGDC_1946-2024.tgz'

Downloading needs the network (not run in the tests, which use a local server)::

    path = download_ungdc()
"""
from __future__ import annotations

import glob
import hashlib
import http.client
import json
import os
import re
import secrets
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tqdm.auto import tqdm

from . import paths
from .paths import try_lock as _lock
from ..errors import DownloadError, InputError, ResourceError, file_error

__all__ = [
    "DOI",
    "DEFAULT_SERVER",
    "SERVER_ENV",
    "SPEAKERS_LABEL",
    "RemoteFile",
    "find_ungdc_files",
    "newest_ungdc_archive",
    "download_file",
    "download_ungdc",
]

DOI = "doi:10.7910/DVN/0TJX8Y"
DEFAULT_SERVER = "https://dataverse.harvard.edu"
SERVER_ENV = "DISCOURSE_DATAVERSE_URL"
SPEAKERS_LABEL = "Speakers_by_session.xlsx"

_USER_AGENT = "discourse (Python urllib; UN General Debate Corpus downloader)"
_CHUNK = 256 * 1024
_ARCHIVE = re.compile(r"^UNGDC_(?:(\d{4})-(\d{4}))?.*\.tgz$", re.IGNORECASE)
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_STALE_PART_SECONDS = 24 * 3600
_OFFLINE_HINT = (f"check the internet connection, or set {SERVER_ENV} to a reachable Dataverse "
                 f"server, or download the archive by hand and set {paths.UNGDC_ENV}")


@dataclass(frozen=True)
class RemoteFile:
    """One file of a Dataverse dataset, as listed by the native API.

    Attributes
    ----------
    label : str
        File name to save under (the original name for a file Dataverse ingested as tabular).
    file_id : int
        Dataverse datafile id.
    size : int or None
        Size in bytes, if listed.
    checksum_type : str or None
        Algorithm as Dataverse names it (``"MD5"``, ``"SHA-1"``, ``"SHA-256"``, ``"SHA-512"``).
    checksum : str or None
        Hexadecimal digest, if listed.
    url : str
        Download URL (data access API).
    """

    label: str
    file_id: int
    size: int | None
    checksum_type: str | None
    checksum: str | None
    url: str


# --------------------------------------------------------------------------------------------
# listing


def _server_url(server: str | None, func: str) -> str:
    server = server or os.environ.get(SERVER_ENV) or DEFAULT_SERVER
    parsed = urllib.parse.urlsplit(server)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise InputError(f"The 'server' parameter of {func} must be an http(s) URL such as "
                         f"{DEFAULT_SERVER!r} (or set {SERVER_ENV}). Got {server!r} instead.")
    return server.rstrip("/")


def _request(url: str, headers: dict[str, str] | None = None) -> urllib.request.Request:
    return urllib.request.Request(url, headers={"User-Agent": _USER_AGENT,
                                                "Accept-Encoding": "identity",
                                                **(headers or {})})


def _http_problem(exc: urllib.error.HTTPError) -> str:
    return f"HTTP error {exc.code} {exc.reason}".rstrip()


def _network_problem(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
        reason = exc.reason
        return f"cannot connect ({reason})"
    if isinstance(exc, TimeoutError):
        return "the server did not answer in time"
    return f"connection failed ({type(exc).__name__}: {exc})".replace(": )", ")")


def _is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, urllib.error.HTTPError):
        return exc.code in _RETRY_STATUS
    if isinstance(getattr(exc, "reason", None), ssl.SSLCertVerificationError):
        return False
    return isinstance(exc, (urllib.error.URLError, http.client.HTTPException, OSError))


def _sleep(backoff: float, attempt: int) -> None:
    if backoff > 0:
        time.sleep(backoff * 2 ** attempt)


def _check_retries(retries: int, backoff: float, timeout: float, func: str) -> None:
    if not isinstance(retries, int) or isinstance(retries, bool) or retries < 0:
        raise InputError(f"The 'retries' parameter of {func} must be an integer >= 0. "
                         f"Got {retries!r} instead.")
    if not backoff >= 0:
        raise InputError(f"The 'backoff' parameter of {func} must be a number >= 0. "
                         f"Got {backoff!r} instead.")
    if timeout is not None and not timeout > 0:
        raise InputError(f"The 'timeout' parameter of {func} must be a number > 0 or None. "
                         f"Got {timeout!r} instead.")


def _fetch_json(url: str, *, timeout: float, retries: int, backoff: float) -> object:
    for attempt in range(retries + 1):
        try:
            with urllib.request.urlopen(_request(url, {"Accept": "application/json"}),
                                        timeout=timeout) as resp:
                body = resp.read()
                length = resp.headers.get("Content-Length")
                if length is not None and length.isdigit() and len(body) != int(length):
                    raise http.client.IncompleteRead(body, int(length) - len(body))
            break
        except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            if attempt < retries and _is_retryable(exc):
                _sleep(backoff, attempt)
                continue
            if isinstance(exc, urllib.error.HTTPError):
                hint = ("the dataset was not found on this server; check the DOI and the server "
                        f"URL ({SERVER_ENV})" if exc.code == 404 else _OFFLINE_HINT)
                raise file_error(DownloadError, url, _http_problem(exc), hint) from exc
            raise file_error(DownloadError, url, _network_problem(exc), _OFFLINE_HINT) from exc
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise file_error(DownloadError, url, "the server did not answer with JSON",
                         f"is {SERVER_ENV} the address of a Dataverse server?") from exc


def _parse_file(entry: object, server: str) -> RemoteFile | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("dataFile"), dict):
        return None
    df = entry["dataFile"]
    file_id = df.get("id")
    if not isinstance(file_id, int) or isinstance(file_id, bool):
        return None
    label = entry.get("label") or df.get("filename")
    size = df.get("filesize")
    url = f"{server}/api/access/datafile/{file_id}"
    if df.get("originalFileFormat") and isinstance(df.get("originalFileSize"), int):
        # Ingested as tabular (.tab): fetch the saved original, whose size is listed apart
        # and to which the checksum refers.
        label = df.get("originalFileName") or label
        size = df["originalFileSize"]
        url += "?format=original"
    checksum_type = checksum = None
    if isinstance(df.get("checksum"), dict) and df["checksum"].get("value"):
        checksum_type = str(df["checksum"].get("type") or "MD5")
        checksum = str(df["checksum"]["value"]).lower()
    elif df.get("md5"):
        checksum_type, checksum = "MD5", str(df["md5"]).lower()
    if not isinstance(label, str) or not label:
        return None
    return RemoteFile(label=label, file_id=file_id,
                      size=size if isinstance(size, int) and not isinstance(size, bool) else None,
                      checksum_type=checksum_type, checksum=checksum, url=url)


def find_ungdc_files(*, server: str | None = None, doi: str = DOI, timeout: float = 60,
                     retries: int = 3, backoff: float = 1.0) -> list[RemoteFile]:
    """List the files of the latest version of the UNGDC dataset on Dataverse.

    Parameters
    ----------
    server : str, optional
        Dataverse base URL; default ``$DISCOURSE_DATAVERSE_URL``, else
        ``https://dataverse.harvard.edu``.
    doi : str, default=DOI
        Persistent id of the dataset, ``"doi:10.7910/DVN/0TJX8Y"``.
    timeout : float, default=60
        Seconds to wait for the server on each request.
    retries : int, default=3
        Extra attempts after a dropped connection, a time-out or an HTTP 5xx/429 answer.
    backoff : float, default=1.0
        Seconds before the first retry, doubled for each further one.

    Returns
    -------
    list of RemoteFile
        In the order the server lists them.

    Raises
    ------
    DownloadError
        The server cannot be reached, answers with an HTTP error, or not with a dataset.

    Examples
    --------
    Needs the network::

        files = find_ungdc_files()
        [f.label for f in files]
    ['Speakers_by_session.xlsx', 'UNGDC_1946-2024.tgz']
    """
    _check_retries(retries, backoff, timeout, "find_ungdc_files")
    base = _server_url(server, "find_ungdc_files")
    url = (f"{base}/api/datasets/:persistentId/?persistentId="
           f"{urllib.parse.quote(doi, safe=':/')}")
    payload = _fetch_json(url, timeout=timeout, retries=retries, backoff=backoff)
    if isinstance(payload, dict) and payload.get("status") not in (None, "OK"):
        message = payload.get("message") or payload.get("status")
        raise file_error(DownloadError, url, f"the server refused the request: {message}",
                         "check the DOI and the server URL")
    try:
        files = payload["data"]["latestVersion"]["files"]  # type: ignore[index]
        if not isinstance(files, list):
            raise TypeError
    except (KeyError, TypeError) as exc:
        raise file_error(DownloadError, url, "the answer lists no files (no "
                         "data.latestVersion.files)", "is this a Dataverse dataset?") from exc
    return [f for f in (_parse_file(e, base) for e in files) if f is not None]


def _archive_key(f: RemoteFile) -> tuple:
    m = _ARCHIVE.match(f.label)
    assert m is not None
    if m.group(1):
        return (1, int(m.group(2)), -int(m.group(1)), f.label)
    return (0, 0, 0, f.label)


def newest_ungdc_archive(files: Iterable[RemoteFile]) -> RemoteFile:
    """Return the newest ``UNGDC_*.tgz`` archive of a listing.

    Newest means the latest end year in ``UNGDC_<start>-<end>.tgz``, then the earliest start
    year (widest coverage), then the label; archives without a year range rank last.

    Parameters
    ----------
    files : iterable of RemoteFile
        A listing, as returned by :func:`find_ungdc_files`.

    Returns
    -------
    RemoteFile

    Raises
    ------
    ResourceError
        No file of the listing is a ``UNGDC_*.tgz`` archive.

    Examples
    --------
    >>> fs = [RemoteFile("UNGDC_1946-2022.tgz", 1, None, None, None, "https://x/1"),
    ...       RemoteFile("UNGDC_1946-2024.tgz", 2, None, None, None, "https://x/2")]
    >>> newest_ungdc_archive(fs).file_id
    2
    """
    files = list(files)
    archives = [f for f in files if _ARCHIVE.match(f.label)]
    if not archives:
        listed = ", ".join(sorted(f.label for f in files)) or "none"
        raise ResourceError(f"No UNGDC_*.tgz archive in the dataset's file listing (files: "
                            f"{listed}). The dataset layout may have changed: download the "
                            f"archive by hand and set {paths.UNGDC_ENV} to it.")
    return max(archives, key=_archive_key)


def _find_speakers(files: Iterable[RemoteFile]) -> RemoteFile | None:
    for f in files:
        if f.label.lower() == SPEAKERS_LABEL.lower():
            return f
    return None


# --------------------------------------------------------------------------------------------
# downloading


def _hasher(remote: RemoteFile):
    """A hashlib object for the listed checksum, or None (size-only check)."""
    if not remote.checksum or not remote.checksum_type:
        return None
    name = remote.checksum_type.replace("-", "").replace("_", "").lower()
    try:
        return hashlib.new(name)
    except (ValueError, TypeError):
        warnings.warn(f"{remote.url}: checksum type {remote.checksum_type!r} is not supported; "
                      "only the size is verified", RuntimeWarning, stacklevel=3)
        return None


def _matches(path: Path, remote: RemoteFile) -> bool:
    """Whether a local file has the listed size and checksum."""
    try:
        if remote.size is not None and path.stat().st_size != remote.size:
            return False
        h = _hasher(remote)
        if h is None:
            return True
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return False
    return h.hexdigest() == remote.checksum


def _safe_label(remote: RemoteFile) -> str:
    label = remote.label
    if (not label or label in (".", "..") or "/" in label or "\\" in label or "\0" in label
            or os.path.basename(label) != label):
        raise file_error(DownloadError, remote.url, f"unsafe file name {label!r} in the listing",
                         "refusing to write outside the destination folder")
    return label


def _open_part(dest: Path):
    """Create ``<dest>.part-<random>`` exclusively (mode 0666 minus umask) and open it."""
    for _ in range(100):
        part = dest.with_name(f"{dest.name}.part-{secrets.token_hex(6)}")
        try:
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                         0o666)
        except FileExistsError:
            continue
        out = os.fdopen(fd, "wb")
        _lock(out)  # held until the download is moved into place or deleted
        return part, out
    raise FileExistsError(f"{dest}.part-*")  # pragma: no cover




def _remove_stale_parts(dest: Path) -> None:
    """Best effort: delete ``<dest>.part-*`` left by a killed run more than a day ago --
    never one a running download holds locked."""
    now = time.time()
    try:
        for p in dest.parent.glob(f"{glob.escape(dest.name)}.part-*"):
            try:
                if now - p.stat().st_mtime <= _STALE_PART_SECONDS:
                    continue
                with open(p, "rb") as fh:
                    if _lock(fh) is False:
                        continue  # a live download: not ours to remove
                p.unlink()
            except OSError:
                pass
    except OSError:
        pass


class _Restart(Exception):
    """The partial data must be thrown away: start again without a Range request."""


class _Fatal(Exception):
    """A problem that another attempt would not fix (message, hint)."""

    def __init__(self, problem: str, hint: str):
        super().__init__(problem)
        self.problem, self.hint = problem, hint


def _content_range_start(value: str | None) -> int | None:
    m = re.match(r"\s*bytes\s+(\d+)-\d+/(?:\d+|\*)\s*$", value or "")
    return int(m.group(1)) if m else None


def download_file(remote: RemoteFile, dest_dir: str | os.PathLike, *, progress: bool = True,
                  retries: int = 3, timeout: float = 60, backoff: float = 1.0) -> Path:
    """Download one Dataverse file into ``dest_dir``, verified, atomically.

    A file already at ``dest_dir/remote.label`` with the listed size and checksum is returned
    without any request. Otherwise the file is streamed to ``<label>.part-<random>`` in the same
    folder, verified, and renamed into place; an existing file that does not match is replaced
    only once the new one has been verified.

    Parameters
    ----------
    remote : RemoteFile
        The file, from :func:`find_ungdc_files`.
    dest_dir : str or os.PathLike
        Folder to save into (created if missing).
    progress : bool, default=True
        Show a tqdm progress bar (on stderr).
    retries : int, default=3
        Extra attempts after a dropped connection, a time-out or an HTTP 5xx/429 answer; the
        transfer resumes where it stopped when the server honours ``Range``.
    timeout : float, default=60
        Seconds to wait for the server on each connection or read.
    backoff : float, default=1.0
        Seconds before the first retry, doubled for each further one.

    Returns
    -------
    pathlib.Path
        ``dest_dir/remote.label``.

    Raises
    ------
    DownloadError
        The download failed, was cut short, or did not match the listed size or checksum.
        Nothing is then left under the final name (an older file there is untouched) and no
        temporary file remains.

    Examples
    --------
    Needs the network::

        files = find_ungdc_files()
        download_file(newest_ungdc_archive(files), "data/ungdc")
    PosixPath('data/ungdc/UNGDC_1946-2024.tgz')
    """
    _check_retries(retries, backoff, timeout, "download_file")
    if urllib.parse.urlsplit(remote.url).scheme not in ("http", "https"):
        raise InputError(f"The 'remote' parameter of download_file must have an http(s) URL. "
                         f"Got {remote.url!r} instead.")
    dest_dir = Path(os.path.expanduser(os.fspath(dest_dir)))
    dest = dest_dir / _safe_label(remote)
    if dest.is_file() and _matches(dest, remote):
        return dest
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise file_error(DownloadError, dest_dir, f"cannot create the folder ({exc.strerror})",
                         "choose a writable destination") from exc
    _remove_stale_parts(dest)
    try:
        part, out = _open_part(dest)
    except OSError as exc:
        raise file_error(DownloadError, dest_dir, f"cannot write here ({exc.strerror})",
                         "choose a writable destination") from exc

    done = False
    bar = tqdm(total=remote.size, unit="B", unit_scale=True, unit_divisor=1024,
               desc=remote.label, disable=not progress, file=sys.stderr)
    try:
        with out:
            digest = _stream(remote, out, part, bar, retries=retries, timeout=timeout,
                             backoff=backoff)
            out.flush()
            os.fsync(out.fileno())
        size = part.stat().st_size
        if remote.size is not None and size != remote.size:
            raise file_error(DownloadError, remote.url, f"received {size} bytes, the listing "
                             f"says {remote.size}", "try again later; the file may be changing")
        if digest is not None and digest != remote.checksum:
            raise file_error(DownloadError, remote.url, f"{remote.checksum_type} checksum "
                             f"mismatch (got {digest}, expected {remote.checksum})",
                             "the download was corrupted; try again")
        try:
            os.replace(part, dest)
        except OSError as exc:
            raise file_error(DownloadError, dest, f"cannot move the download into place "
                             f"({exc.strerror})", "check the folder's permissions") from exc
        done = True
    finally:
        bar.close()
        if not done:
            try:
                part.unlink()
            except FileNotFoundError:
                pass
            except OSError:  # pragma: no cover - e.g. Windows sharing violation
                pass
    return dest


def _stream(remote: RemoteFile, out, part: Path, bar, *, retries: int, timeout: float,
            backoff: float) -> str | None:
    """Write the body of ``remote.url`` to ``out``; return the hex digest (None if unchecked)."""
    hasher = _hasher(remote)
    written = 0
    use_range = True
    attempt = 0

    def reset() -> None:
        nonlocal hasher, written
        out.seek(0)
        out.truncate()
        hasher = _hasher(remote)
        written = 0
        bar.reset(total=remote.size)

    while True:
        headers = {"Range": f"bytes={written}-"} if written and use_range else {}
        try:
            with urllib.request.urlopen(_request(remote.url, headers), timeout=timeout) as resp:
                length = resp.headers.get("Content-Length")
                length = int(length) if length and length.strip().isdigit() else None
                if written and resp.status == 206:
                    if _content_range_start(resp.headers.get("Content-Range")) != written:
                        use_range = False
                        raise _Restart
                elif written:  # the server ignored Range: start over from this body
                    reset()
                if resp.status == 200 and length is not None and remote.size is not None \
                        and length != remote.size:
                    raise _Fatal(f"the server announces {length} bytes, the listing says "
                                 f"{remote.size}", "try again later; the file may be changing")
                received = 0
                while True:
                    chunk = resp.read(_CHUNK)
                    if not chunk:
                        break
                    try:
                        out.write(chunk)
                    except OSError as exc:
                        raise _Fatal(f"cannot write {part} ({exc.strerror})",
                                     "free some disk space or choose another folder") from exc
                    if hasher is not None:
                        hasher.update(chunk)
                    written += len(chunk)
                    received += len(chunk)
                    bar.update(len(chunk))
                    if remote.size is not None and written > remote.size:
                        raise _Fatal(f"the server sent more than the {remote.size} bytes listed",
                                     "try again later; the file may be changing")
                if length is not None and received < length:
                    raise http.client.IncompleteRead(b"", length - received)
            return hasher.hexdigest() if hasher is not None else None
        except _Fatal as exc:
            raise file_error(DownloadError, remote.url, exc.problem, exc.hint) from exc
        except _Restart:
            reset()
        except urllib.error.HTTPError as exc:
            if exc.code == 416 and written:  # Range not satisfiable: restart from zero
                use_range = False
                reset()
            elif attempt >= retries or not _is_retryable(exc):
                raise file_error(DownloadError, remote.url, _http_problem(exc),
                                 "the file may have been removed or restricted" if exc.code < 500
                                 else "the server has a problem; try again later") from exc
        except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            if attempt >= retries:
                problem = ("connection dropped after "
                           f"{written} of {remote.size if remote.size is not None else '?'} "
                           f"bytes" if isinstance(exc, (http.client.IncompleteRead,
                                                        ConnectionError))
                           else _network_problem(exc))
                raise file_error(DownloadError, remote.url,
                                 f"{problem}; gave up after {retries + 1} attempts",
                                 _OFFLINE_HINT) from exc
        _sleep(backoff, attempt)
        attempt += 1


def download_ungdc(dest_dir: str | os.PathLike | None = None, *, server: str | None = None,
                   with_speakers: bool = True, progress: bool = True, retries: int = 3,
                   timeout: float = 60, backoff: float = 1.0) -> Path:
    """Download the newest UN General Debate Corpus archive (once) and return its path.

    Parameters
    ----------
    dest_dir : str or os.PathLike, optional
        Folder to save into; default ``<data_home>/ungdc`` (see :func:`discourse.corpus.paths.data_home`),
        where :func:`discourse.corpus.paths.ungdc_path` finds it later.
    server : str, optional
        Dataverse base URL; default ``$DISCOURSE_DATAVERSE_URL``, else
        ``https://dataverse.harvard.edu``.
    with_speakers : bool, default=True
        Also fetch ``Speakers_by_session.xlsx`` when the dataset lists it. A failure there only
        warns: the archive is what the corpus needs.
    progress : bool, default=True
        Show tqdm progress bars (on stderr).
    retries, timeout, backoff
        As in :func:`download_file`.

    Returns
    -------
    pathlib.Path
        The ``UNGDC_*.tgz`` archive.

    Raises
    ------
    DownloadError
        The listing or the archive could not be downloaded and verified.
    ResourceError
        The dataset lists no ``UNGDC_*.tgz`` archive.

    Examples
    --------
    Needs the network::

        path = download_ungdc()
        path.name
    'UNGDC_1946-2024.tgz'
    """
    if dest_dir is None:
        dest_dir = os.path.join(paths.data_home(), "ungdc")
    files = find_ungdc_files(server=server, timeout=timeout, retries=retries, backoff=backoff)
    archive = newest_ungdc_archive(files)
    path = download_file(archive, dest_dir, progress=progress, retries=retries,
                         timeout=timeout, backoff=backoff)
    speakers = _find_speakers(files) if with_speakers else None
    if speakers is not None:
        try:
            download_file(speakers, dest_dir, progress=progress, retries=retries,
                          timeout=timeout, backoff=backoff)
        except DownloadError as exc:
            warnings.warn(f"{exc} -- the speeches are available, speaker names are not",
                          RuntimeWarning, stacklevel=2)
    return path
