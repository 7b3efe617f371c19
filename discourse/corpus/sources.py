"""One syntax for naming a corpus, shared by the CLI and by scripts: :func:`load_source`.

=============================== ===========================================================
SOURCE                          what it loads
=============================== ===========================================================
``article``                     the reference article (:func:`discourse.load_article`)
``articles``                    every article in the project's ``corpus/`` folder
``lee`` / ``lee:all``           the Lee news corpus from gensim (``background``/``test``/``all``)
``ungdc``                       the whole UN General Debate Corpus
``ungdc:SYR``                   one country (ISO3 code or name)
``ungdc:SYR,RUS:2000-2024``     countries and an inclusive year range
``ungdc:SYR:2024``              one country, one year
``ungdc:*:2024``                every country, one year (``ungdc::2024`` also works)
``ungdc:SYR:2024`` etc.         any of the above
``path/to/file.txt`` or ``.md`` one document
``path/to/file.csv``/``.jsonl`` one document per row (column ``text``)
``path/to/folder/``             every ``.txt``/``.md`` file (a UNGDC ``TXT`` folder is
                                recognised and read as the UN corpus)
``path/to/UNGDC_*.tgz``         the UN corpus from that archive
``path/to/dataset/``            a folder of Parquet files (:func:`discourse.read_parquet`;
                                columns ``doc_id``, ``text`` and metadata); also an
                                object store URI, ``s3://bucket/corpus/``
=============================== ===========================================================

Inside :func:`lazy_sources` (what the command line does when a scheduler is given) the UN
corpus and Parquet datasets are opened as lazy corpora
(:class:`~discourse.corpus.parquet.ParquetCorpus`), so that a cluster's workers read their
partitions themselves; otherwise they are loaded into memory as always.

>>> load_source("article").ids
['mem-2025-10-syria-balanced-diplomacy']
>>> parse_ungdc_spec("ungdc:SYR,RUS:2000-2024")
(['SYR', 'RUS'], (2000, 2024))
"""
from __future__ import annotations

import contextlib
import contextvars
import re
from pathlib import Path

from .documents import Corpus
from ..errors import InputError
from .readers import read_csv, read_file, read_folder, read_jsonl

__all__ = ["load_source", "parse_ungdc_spec", "lazy_sources"]

_LAZY: contextvars.ContextVar = contextvars.ContextVar("discourse_lazy_sources", default=False)
_YEARS = re.compile(r"^(\d{4})(?:\s*-\s*(\d{4}))?$")


def parse_ungdc_spec(spec: str) -> tuple[list[str] | None, tuple[int, int] | None]:
    """Split ``ungdc[:COUNTRIES[:YEARS]]`` into (country codes or None, year range or None)."""
    parts = spec.split(":")
    if parts[0].lower() != "ungdc" or len(parts) > 3:
        raise InputError(f"{spec!r}: not a UN corpus source; write ungdc, ungdc:SYR, "
                         "ungdc:SYR,RUS:2000-2024 or ungdc:*:2024")
    countries = None
    if len(parts) > 1 and parts[1].strip() not in ("", "*"):
        from .countries import check_countries

        names = [c.strip() for c in parts[1].split(",")]
        if not all(names):
            raise InputError(f"{spec!r}: the country part {parts[1]!r} has an empty name; "
                             "write ISO3 codes or names separated by commas (ungdc:SYR,RUS), "
                             "or * for every country")
        countries = check_countries(names)
    years = None
    if len(parts) > 2 and parts[2].strip() not in ("", "*"):
        m = _YEARS.match(parts[2].strip())
        if m is None:
            raise InputError(f"{spec!r}: the year part must be YYYY or YYYY-YYYY, "
                             f"got {parts[2]!r}")
        lo = int(m.group(1))
        hi = int(m.group(2) or lo)
        if lo > hi:
            raise InputError(f"{spec!r}: the year range {lo}-{hi} runs backwards")
        years = (lo, hi)
    return countries, years


def _options(loader, spec: str, options: dict) -> dict:
    """``options`` if ``loader`` takes them all; else an :class:`InputError` naming the ones
    that do not apply to this named source (``--encoding`` is for your own files)."""
    import inspect

    accepted = set(inspect.signature(loader).parameters) - {"countries", "years", "part"}
    unknown = sorted(set(options) - accepted)
    if unknown:
        raise InputError(f"{spec!r}: option(s) {', '.join(unknown)} do not apply to this named "
                         "source (they are for your own files: a path)")
    return options


@contextlib.contextmanager
def lazy_sources():
    """Within the block, :func:`load_source` opens the UN corpus and Parquet datasets lazily."""
    token = _LAZY.set(True)
    try:
        yield
    finally:
        _LAZY.reset(token)


def load_source(spec: str | Path, *, progress: bool = False, lazy: bool | None = None,
                **options) -> Corpus:
    """Load the corpus named by ``spec`` (see the table in the module docs).

    ``options`` go to the underlying loader (``encoding=``, ``text_col=``, ``id_col=``,
    ``path=`` for the UN archive ...). ``lazy`` opens the UN corpus and Parquet datasets
    as lazy corpora (default: inside :func:`lazy_sources` only).
    """
    from .datasets import load_article, load_articles, load_lee
    from .ungdc import load_ungdc

    lazy = _LAZY.get() if lazy is None else lazy

    text = str(spec).strip()
    if not text:
        raise InputError("An empty SOURCE was given; see `discourse --help` for the syntax.")
    low = text.lower()
    if low == "article":
        return load_article(**_options(load_article, text, options))
    if low == "articles":
        return load_articles(**_options(load_articles, text, options))
    if low == "lee" or low.startswith("lee:"):
        _options(load_lee, text, options)
        return load_lee(text.split(":", 1)[1] if ":" in text else "background")
    if low == "ungdc" or low.startswith("ungdc:"):
        countries, years = parse_ungdc_spec(text)
        options = _options(load_ungdc, text, options)
        if lazy and not options.get("keep_raw") and options.get("use_cache", True):
            return load_ungdc(countries, years, progress=progress, lazy=True, **options)
        return load_ungdc(countries, years, progress=progress, **options)
    if "://" in text:  # an object store: a Parquet dataset (s3://bucket/corpus/)
        from .parquet import read_parquet

        corpus = read_parquet(text, **options)
        return corpus if lazy else corpus.load()
    path = Path(text).expanduser()
    if not path.exists():
        raise InputError(f"{path}: no such file or folder (a SOURCE is a path, or one of "
                         "article, articles, lee, ungdc[:COUNTRIES[:YEARS]])")
    if path.is_dir():
        if path.name == "TXT" or (path / "TXT").is_dir() or any(path.glob("UNGDC_*.tgz")):
            return load_ungdc(path=path, progress=progress, **options)
        if any(path.rglob("*.parquet")):
            from .parquet import read_parquet

            corpus = read_parquet(path, **options)
            return corpus if lazy else corpus.load()
        return read_folder(path, **options)
    suffix = "".join(path.suffixes[-2:]).lower() if path.name.lower().endswith(".tar.gz") \
        else path.suffix.lower()
    if suffix in (".tgz", ".tar.gz", ".tar"):
        return load_ungdc(path=path, progress=progress, **options)
    if suffix == ".csv":
        return read_csv(path, **options)
    if suffix in (".jsonl", ".ndjson"):
        return read_jsonl(path, **options)
    if suffix in (".txt", ".md"):
        return Corpus.from_documents([read_file(path, **options)], name=path.stem)
    raise InputError(f"{path}: unsupported file type {suffix or '(none)'!r} (use .txt, .md, "
                     ".csv, .jsonl, a folder or the UNGDC .tgz archive)")
