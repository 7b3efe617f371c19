"""The UN General Debate Corpus (UNGDC), read exactly as distributed.

Source: Jankin, Baturo & Dasandi, "United Nations General Debate Corpus 1946-2024", Harvard
Dataverse, doi:10.7910/DVN/0TJX8Y, CC0 1.0. The archive ``UNGDC_1946-2024.tgz`` holds
``TXT/Session NN - YYYY/ISO_NN_YYYY.txt``: one English statement per country and session.
``Speakers_by_session.xlsx``, published with it, names the speaker and their post.

Records (one row of :attr:`Corpus.meta` per speech):

============== ==================================================================
column         meaning
============== ==================================================================
doc_id         ``ISO_NN_YYYY`` as in the file name, e.g. ``SYR_79_2024``
country        ISO 3166-1 alpha-3 code (``EU`` for the European Union)
country_name   name from the shipped country table (:mod:`discourse.corpus.countries`)
region         UN M49 region; ``subregion`` the M49 sub-region
session        General Assembly session number (1 = 1946)
year           year of the session
speaker, post  from ``Speakers_by_session.xlsx`` when present (else missing)
source         ``"ungdc"``
genre          ``"UN General Debate statement"``
language       ``"en"``
member         the file's path inside the archive or folder
============== ==================================================================

Loading normalises every speech (BOM, CRLF, PDF hard-wraps, hyphenation; see
:mod:`discourse.corpus.normalize`) and caches the result as Parquet in the data directory, keyed by the
SHA-256 of the archive (and of the speakers file) and by the loader's and normaliser's
versions; a stale or corrupt cache is rebuilt. The source files are only ever read. The
cache is a partitioned dataset (:mod:`discourse.corpus.dataset_cache`: one checksummed file
per country, speeches by year in small row groups), so that ``load_ungdc("SYR")`` reads
Syria's file alone and ``load_ungdc(..., lazy=True)`` opens it as a lazy corpus for a
cluster (``docs/scale.md``).
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from tqdm.auto import tqdm

from . import archive, normalize
from .cache import code_version, hash_bytes, hash_file
from .dataset_cache import open_cached_dataset, read_cached_dataset, write_cached_dataset
from .documents import Corpus
from .countries import check_countries, country_table
from ..errors import (CacheError, CorpusFormatError, DiscourseError, InputError, ResourceError,
                      file_error)
from .paths import cache_dir, ungdc_path

__all__ = ["load_ungdc", "iter_ungdc_files", "read_speakers", "ungdc_source", "LOADER_VERSION"]

LOADER_VERSION = "1"
_MEMBER = re.compile(r"(?:^|/)Session (\d{2}) - (\d{4})/([A-Z]{2,3})_(\d{2})_(\d{4})\.txt$")
_SPEAKER_COLUMNS = {"Year": "year", "Session": "session", "ISO Code": "country",
                    "Name of Person Speaking": "speaker", "Post": "post"}


def ungdc_source(path: str | os.PathLike | None = None, *, download: bool = True,
                 progress: bool = True) -> Path:
    """The archive or ``TXT`` folder to read: ``path``, ``$DISCOURSE_UNGDC``, a previous
    download, or (if ``download``) a fresh download from the Dataverse record."""
    found = ungdc_path(path)
    if found is not None:
        return found
    if not download:
        raise ResourceError("The UN General Debate Corpus was not found: set DISCOURSE_UNGDC to "
                            "the UNGDC_*.tgz archive or its folder, or call "
                            "discourse.download_ungdc() (needs internet)")
    from .download import download_ungdc

    return download_ungdc(progress=progress)


def iter_ungdc_files(source: str | os.PathLike, *,
                     max_member_bytes: int | None = archive.MAX_MEMBER_BYTES,
                     max_total_bytes: int | None = archive.MAX_TOTAL_BYTES,
                     max_ratio: float | None = archive.MAX_RATIO) -> Iterator[tuple[str, bytes]]:
    """Yield ``(member_path, bytes)`` for every speech file of an archive or folder, in the
    archive's order (sorted paths for a folder). Hidden files (such as the stray
    ``.DS_Store-to-UTF-8.txt`` of session 47) and non-``.txt`` entries are skipped; a ``.txt``
    file whose name does not follow ``ISO_NN_YYYY.txt`` inside ``Session NN - YYYY/`` raises
    :class:`~discourse.errors.CorpusFormatError`, and so does a ``.txt`` member that is a hard
    or symbolic link (the corpus as distributed has none; a link is never silently dropped).

    An archive is decompressed with its checksums verified and read to its end before this
    generator finishes, so a flipped byte or a truncated archive raises
    :class:`~discourse.errors.CorpusFormatError` before the caller finishes; members over
    ``max_member_bytes``, or an archive unpacking to more than ``max_total_bytes`` or to more
    than ``max_ratio`` times its compressed size, are refused as decompression bombs (see
    :mod:`discourse.corpus.archive`). In a folder, files over ``max_member_bytes`` and links
    that lead out of the folder are refused."""
    source = Path(source)
    if source.is_dir():
        yield from _iter_folder(source, max_member_bytes, max_total_bytes)
        return

    def wanted(info) -> bool:
        return info.name.endswith(".txt") and not _skip(info.name)

    for info, data in archive.iter_members(source, max_member_bytes=max_member_bytes,
                                           max_total_bytes=max_total_bytes,
                                           max_ratio=max_ratio, wanted=wanted):
        if not wanted(info):
            continue
        if info.name.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", info.name):
            raise file_error(CorpusFormatError, f"{source}!{info.name}", "unsafe member path "
                             "(absolute, or with '..')", "the UN corpus archive holds "
                             "TXT/Session NN - YYYY/ISO_NN_YYYY.txt only")
        if not info.isfile():
            kind = (f"a hard link to {info.linkname!r}" if info.islnk() else
                    f"a symbolic link to {info.linkname!r}" if info.issym() else
                    "a folder" if info.isdir() else "a special file")
            raise file_error(CorpusFormatError, f"{source}!{info.name}", f"is {kind}, not a "
                             "file", "the UN corpus archive holds regular files only")
        yield info.name, data


def _iter_folder(root: Path, max_member_bytes, max_total_bytes) -> Iterator[tuple[str, bytes]]:
    total = 0
    inside = root.resolve()
    for p in sorted(root.rglob("*.txt")):
        rel = p.relative_to(root.parent if root.name == "TXT" else root).as_posix()
        if _skip(rel) or p.is_dir():
            continue
        if p.is_symlink() and not p.resolve().is_relative_to(inside):
            raise file_error(CorpusFormatError, p, "is a link to a file outside the folder",
                             f"it leads to {p.resolve()}")
        try:
            size = p.stat().st_size
            if max_member_bytes is not None and size > max_member_bytes:
                raise file_error(CorpusFormatError, p, f"file of {size:,} bytes, over the limit "
                                 f"of {max_member_bytes:,}", "pass max_member_bytes= to "
                                 "load_ungdc to raise the limit")
            total += size
            if max_total_bytes is not None and total > max_total_bytes:
                raise file_error(CorpusFormatError, root, f"holds more than {max_total_bytes:,} "
                                 "bytes of speeches", "pass max_total_bytes= to load_ungdc "
                                 "to raise the limit")
            yield rel, p.read_bytes()
        except OSError as exc:
            raise file_error(CorpusFormatError, p, f"cannot be read ({exc.strerror or exc})",
                             "check its permissions") from None


def _skip(member: str) -> bool:
    return Path(member).name.startswith(".")


def _parse_member(source: Path, member: str) -> tuple[str, int, int]:
    m = _MEMBER.search(member)
    if m is None:
        raise file_error(CorpusFormatError, f"{source}!{member}", "not in the UN corpus layout",
                         "expected TXT/Session NN - YYYY/ISO_NN_YYYY.txt")
    s_dir, y_dir, iso, s_file, y_file = m.groups()
    if s_dir != s_file or y_dir != y_file:
        raise file_error(CorpusFormatError, f"{source}!{member}", "session or year in the file "
                         "name differs from its folder")
    return iso, int(s_file), int(y_file)


def read_speakers(path: str | os.PathLike) -> pd.DataFrame:
    """Read ``Speakers_by_session.xlsx``: columns ``country, session, year, speaker, post``.

    Rows are unique per ``(country, session)``; where the file repeats a pair, the first row
    is kept. Empty cells stay missing.
    """
    path = Path(path)
    _check_spreadsheet(path)
    try:
        frame = pd.read_excel(path, sheet_name=0, dtype=str)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for bad files
        raise file_error(CorpusFormatError, path, "not a readable speakers spreadsheet",
                         str(exc)) from None
    missing = [c for c in _SPEAKER_COLUMNS if c not in frame.columns]
    if missing:
        raise file_error(CorpusFormatError, path, f"missing columns {missing}",
                         "expected the Speakers_by_session.xlsx published with the corpus")
    frame = frame[list(_SPEAKER_COLUMNS)].rename(columns=_SPEAKER_COLUMNS)
    for col in frame:
        frame[col] = frame[col].map(lambda v: v.strip() if isinstance(v, str) and v.strip() else None)
    frame["session"] = pd.to_numeric(frame["session"], errors="coerce").astype("Int64")
    frame["year"] = pd.to_numeric(frame["year"], errors="coerce").astype("Int64")
    frame = frame.dropna(subset=["country", "session"])
    return frame.drop_duplicates(["country", "session"], keep="first").reset_index(drop=True)


#: limits on what a speakers spreadsheet (a zip of XML files) may unpack to, checked from the
#: zip's directory before openpyxl reads it (Python's zipfile never inflates a member past
#: the size its directory declares): the published file is 0.5 MB and unpacks to 3.7 MB
#: (7.8 to 1).
MAX_SPREADSHEET_BYTES = 256_000_000
MAX_SPREADSHEET_RATIO = 100


def _check_spreadsheet(path: Path) -> None:
    """Refuse a spreadsheet that would unpack to more than the limits above (a zip bomb)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
    except (OSError, zipfile.BadZipFile) as exc:
        raise file_error(CorpusFormatError, path, "not a readable speakers spreadsheet",
                         str(exc)) from None
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    if total > MAX_SPREADSHEET_BYTES or total > MAX_SPREADSHEET_RATIO * packed + (1 << 20):
        raise file_error(CorpusFormatError, path,
                         f"the spreadsheet would unpack to {total:,} bytes from {packed:,} "
                         f"(at most {MAX_SPREADSHEET_BYTES:,} bytes and "
                         f"{MAX_SPREADSHEET_RATIO} to 1 are read)",
                         "expected the Speakers_by_session.xlsx published with the corpus")


def _speakers_path(source: Path) -> Path | None:
    folder = source.parent if source.is_file() or source.name == "TXT" else source
    p = folder / "Speakers_by_session.xlsx"
    return p if p.exists() else None


def _source_key(source: Path, speakers: Path | None, limits: dict) -> str:
    if source.is_file():
        content = hash_file(source)
    else:
        content = hash_bytes(*(part for member, data in iter_ungdc_files(source, **limits)
                               for part in (member, data)))
    speakers_hash = hash_file(speakers) if speakers else "none"
    import sys

    code = code_version(sys.modules[__name__], normalize)
    return "|".join(["ungdc", LOADER_VERSION, normalize.NORMALIZE_VERSION, code, content,
                     speakers_hash])


def _build_frame(source: Path, speakers: Path | None, *, progress: bool,
                 n_jobs: int, limits: dict) -> pd.DataFrame:
    """Read, decode and normalise every speech. Normalisation runs in ``n_jobs`` worker
    processes while the archive is still being read (batches of :data:`_BATCH` speeches),
    and the speakers spreadsheet is parsed in a worker at the same time. The workers return
    the raw and the normalised texts as Arrow string arrays (the storage of pandas' string
    columns and of the Parquet cache), so the main process neither converts nor copies them."""
    members, meta = [], []
    known = set(country_table()["iso3"])
    pool = ProcessPoolExecutor(max_workers=n_jobs) if n_jobs > 1 else None
    try:
        submit = pool.submit if pool else _run_now
        speakers_job = submit(read_speakers, speakers) if speakers is not None else None
        jobs, batch = [], []
        for member, data in tqdm(iter_ungdc_files(source, **limits), desc="reading UN speeches",
                                 unit=" files", disable=not progress, total=None):
            iso, session, year = _parse_member(source, member)
            if iso not in known:
                raise file_error(ResourceError, f"{source}!{member}",
                                 f"unknown country code {iso!r}",
                                 "not in discourse/data/tables/countries.csv")
            normalize.decode_bytes(data, path=f"{source}!{member}")  # checked here, errors named
            batch.append(data)  # bytes travel to the workers as they are (no re-encoding)
            members.append(member)
            meta.append((iso, session, year))
            if len(batch) == _BATCH:
                jobs.append(submit(_normalize_batch, batch))
                batch = []
        if batch:
            jobs.append(submit(_normalize_batch, batch))
        if not members:
            raise file_error(CorpusFormatError, source, "holds no speech file in the UN corpus "
                             "layout", "expected TXT/Session NN - YYYY/ISO_NN_YYYY.txt")
        done = [job.result() for job in tqdm(jobs, desc="normalising", unit=" batches",
                                             disable=not progress)]
        spk = speakers_job.result() if speakers_job is not None else None
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    # metadata first (merged and sorted without moving the texts), then the texts in that order
    frame = pd.DataFrame(meta, columns=["country", "session", "year"])
    frame.insert(0, "doc_id", [Path(m).stem for m in members])
    countries = country_table().set_index("iso3")
    frame["country_name"] = frame["country"].map(countries["name"])
    frame["region"] = frame["country"].map(countries["region"])
    frame["subregion"] = frame["country"].map(countries["subregion"])
    if spk is not None:
        spk = spk[["country", "session", "speaker", "post"]].astype({"session": "int64"})
        frame = frame.merge(spk, on=["country", "session"], how="left", validate="one_to_one")
    else:
        frame["speaker"] = None
        frame["post"] = None
    frame["source"] = "ungdc"
    frame["genre"] = "UN General Debate statement"
    frame["language"] = "en"
    frame["member"] = members
    frame = frame.sort_values(["year", "country"], kind="stable")
    order = frame.index.to_numpy()
    frame = frame.reset_index(drop=True)
    for position, name, column in ((1, "text", 1), (2, "raw", 0)):
        values = _strings([pair[column] for pair in done])
        if not (order == np.arange(len(order))).all():  # the archive is usually in this order
            values = values.take(order)
        frame.insert(position, name, values)
    dup = frame["doc_id"][frame["doc_id"].duplicated()]
    if len(dup):
        raise file_error(CorpusFormatError, source, f"duplicate speech files {sorted(set(dup))[:5]}")
    return frame


_BATCH = 128


def _normalize_batch(blobs: list[bytes]) -> tuple[pa.Array, pa.Array]:
    """The raw (decoded) and the normalised texts of a batch of files that
    :func:`~discourse.corpus.normalize.decode_bytes` has accepted, as Arrow strings."""
    raws = []
    for data in blobs:  # what decode_bytes returns for valid UTF-8: without a BOM
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        raws.append(data)
    texts = [normalize.normalize_text(data.decode("utf-8")).encode("utf-8") for data in raws]
    return _arrow_strings(raws), _arrow_strings(texts)


def _arrow_strings(blobs: list[bytes]) -> pa.Array:
    # from UTF-8 bytes: 7x faster than pa.array of str (which converts each object)
    return pa.array(blobs, type=pa.large_binary()).cast(pa.large_string())


def _strings(chunks: list[pa.Array]) -> pd.api.extensions.ExtensionArray:
    """A pandas string column over Arrow chunks, without copying them."""
    return pd.array(pa.chunked_array(chunks, type=pa.large_string()), dtype="str")


class _Done:
    """A finished 'future' for the single-process path."""

    def __init__(self, value):
        self._value = value

    def result(self):
        return self._value


def _run_now(func, *args):
    return _Done(func(*args))


def _load_frame(source: Path, *, keep_raw: bool, progress: bool, n_jobs: int,
                use_cache: bool, data_dir, limits: dict | None = None,
                countries=None) -> pd.DataFrame:
    limits = limits or {}
    speakers = _speakers_path(source)
    key = _source_key(source, speakers, limits)
    directory = cache_dir(data_dir)
    columns = None if keep_raw else _CACHED_COLUMNS
    frame = read_cached_dataset(directory, "ungdc", key, columns=columns,
                                values=countries) if use_cache else None
    if frame is None:
        try:
            frame = _build_frame(source, speakers, progress=progress, n_jobs=n_jobs,
                                 limits=limits)
        except DiscourseError:
            if source.is_file():  # a damaged archive is named as such (its checksum is at its
                archive.check_archive(source, **limits)  # end), not by its first symptom
            raise
        if use_cache:
            _write_dataset(frame, directory, key)
        if not keep_raw:
            frame = frame.drop(columns=["raw"])
    return frame


def _write_dataset(frame: pd.DataFrame, directory, key: str) -> None:
    """The cache entry: a dataset with one file per country, speeches by year in row groups
    of 16, so that a lazy corpus of some countries and years reads those alone (#13)."""
    write_cached_dataset(frame, directory, "ungdc", key, partition_by="country",
                         row_group_size=16, order=["year", "country"], keep_latest=2)


def _open_lazy(source: Path, codes, year_range, *, progress: bool, n_jobs: int, data_dir,
               label: str, limits: dict | None = None):
    """The cache entry as a :class:`~discourse.corpus.parquet.ParquetCorpus` of the chosen
    countries' files (checksums verified), the years filtered at the row groups."""
    from .parquet import ParquetCorpus, filters_for

    limits = limits or {}
    speakers = _speakers_path(source)
    key = _source_key(source, speakers, limits)
    directory = cache_dir(data_dir)
    opened = open_cached_dataset(directory, "ungdc", key, values=codes)
    if opened is None:
        _write_dataset(_build_frame(source, speakers, progress=progress, n_jobs=n_jobs,
                                    limits=limits), directory, key)
        opened = open_cached_dataset(directory, "ungdc", key, values=codes)
        if opened is None:
            raise CacheError(f"{directory}: the UN corpus cache cannot be read back after "
                             "writing it")
    files, manifest = opened
    if not files:  # countries without a speech: one file, of which the filter keeps no row
        files = open_cached_dataset(directory, "ungdc", key,
                                    values=[manifest["files"][0]["value"]])[0]
    corpus = ParquetCorpus(files, order=["year", "country"], name=label)
    expr = filters_for(codes, year_range)
    return corpus if expr is None else ParquetCorpus(
        files, order=["year", "country"], name=label, _dataset=corpus._dataset, _filter=expr)


_CACHED_COLUMNS = ["doc_id", "text", "country", "session", "year", "country_name", "region",
                   "subregion", "speaker", "post", "source", "genre", "language", "member"]


def load_ungdc(countries: str | Iterable[str] | None = None,
               years: int | tuple[int, int] | range | None = None, *,
               path: str | os.PathLike | None = None, data_dir: str | os.PathLike | None = None,
               keep_raw: bool = False, download: bool = True, use_cache: bool = True,
               n_jobs: int | None = None, progress: bool = True, lazy: bool = False,
               max_member_bytes: int | None = archive.MAX_MEMBER_BYTES,
               max_total_bytes: int | None = archive.MAX_TOTAL_BYTES,
               max_ratio: float | None = archive.MAX_RATIO) -> Corpus:
    """Load the UN General Debate Corpus, optionally only some countries and years.

    Parameters
    ----------
    countries : str or list of str, optional
        ISO3 codes or country names (``"SYR"``, ``["RUS", "Ukraine"]``); unknown ones raise
        :class:`~discourse.errors.ResourceError`. Default: all.
    years : int, (first, last) or range, optional
        A year, an inclusive pair of years, or a range. Default: all (1946-2024).
    path : path, optional
        The ``UNGDC_*.tgz`` archive or the folder it unpacks to; default ``$DISCOURSE_UNGDC``,
        then an earlier download in the data directory.
    data_dir : path, optional
        Data and cache directory; default ``$DISCOURSE_DATA`` or the user data directory.
    keep_raw : bool, default=False
        Also keep each speech as decoded, before normalisation (``Document.raw``).
    download : bool, default=True
        Download the archive from Harvard Dataverse if no copy is found.
    use_cache : bool, default=True
        Read and write the Parquet cache.
    n_jobs : int, optional
        Processes for normalising on a cold load; default: all cores.
    progress : bool, default=True
        Show tqdm progress bars.
    lazy : bool, default=False
        Return a :class:`~discourse.corpus.parquet.ParquetCorpus` over the cache (one file
        per country): nothing but the chosen countries' metadata is read until a function
        computes it, and the years are filtered at the Parquet row groups. For clusters
        (``docs/scale.md``); needs the cache, and not ``keep_raw``.
    max_member_bytes, max_total_bytes, max_ratio : optional
        Refuse (as a possible decompression bomb) a speech file over 16 MB, an archive that
        unpacks to over 2 GB or to more than 100 times its compressed size (the corpus as
        distributed: 127 KB, 199 MB, 3 to 1); ``None`` lifts a limit. See
        :mod:`discourse.corpus.archive`.

    Returns
    -------
    Corpus
        Speeches in order of year then country, metadata as in the module docs.

    Examples
    --------
    >>> syria = load_ungdc("SYR", years=(2000, 2024), progress=False)
    >>> len(syria), syria.meta[["doc_id", "year", "post"]].head(2).values.tolist()
    (25, [['SYR_55_2000', 2000, 'Minister for Foreign Affairs'], ['SYR_56_2001', 2001, 'Minister for Foreign Affairs']])
    """
    codes = None
    if countries is not None:
        codes = check_countries([countries] if isinstance(countries, str) else list(countries))
    year_range = _year_range(years)
    limits = _limits(max_member_bytes, max_total_bytes, max_ratio)
    source = ungdc_source(path, download=download, progress=progress)
    if lazy:
        if keep_raw or not use_cache:
            raise InputError("load_ungdc(lazy=True) reads the cache: it cannot keep_raw or "
                             "run with use_cache=False")
        return _open_lazy(source, codes, year_range, progress=progress,
                          n_jobs=n_jobs or os.cpu_count() or 1, data_dir=data_dir,
                          label=_label(codes, year_range), limits=limits)
    frame = _load_frame(source, keep_raw=keep_raw, progress=progress,
                        n_jobs=n_jobs or os.cpu_count() or 1, use_cache=use_cache,
                        data_dir=data_dir, limits=limits, countries=codes)
    keep = pd.Series(True, index=frame.index)
    if codes is not None:
        keep &= frame["country"].isin(codes)
    if year_range is not None:
        keep &= frame["year"].between(*year_range)
    frame = frame[keep]
    return Corpus(frame, name=_label(codes, year_range))


def _label(codes, year_range) -> str:
    return "ungdc" + (f":{','.join(codes)}" if codes else "") + \
        (f":{year_range[0]}-{year_range[1]}" if year_range else "")


def _limits(max_member_bytes, max_total_bytes, max_ratio) -> dict:
    for name, value in (("max_member_bytes", max_member_bytes),
                        ("max_total_bytes", max_total_bytes), ("max_ratio", max_ratio)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not value > 0):
            raise InputError(f"The {name!r} parameter of load_ungdc must be a number > 0 or "
                             f"None. Got {value!r} instead.")
    return {"max_member_bytes": max_member_bytes, "max_total_bytes": max_total_bytes,
            "max_ratio": max_ratio}


def _year_range(years) -> tuple[int, int] | None:
    if years is None:
        return None
    if isinstance(years, range):
        if len(years) == 0:
            raise InputError(f"The 'years' parameter of load_ungdc is an empty range: {years}.")
        return (years[0], years[-1])
    if isinstance(years, (int,)) and not isinstance(years, bool):
        return (years, years)
    if isinstance(years, (tuple, list)) and len(years) == 2 and all(
            isinstance(y, int) and not isinstance(y, bool) for y in years):
        lo, hi = years
        if lo > hi:
            raise InputError(f"The 'years' parameter of load_ungdc must be (first, last) with "
                             f"first <= last. Got {tuple(years)} instead.")
        return (lo, hi)
    raise InputError(f"The 'years' parameter of load_ungdc must be a year, a (first, last) pair "
                     f"or a range. Got {years!r} instead.")
