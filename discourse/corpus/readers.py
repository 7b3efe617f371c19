"""Read a user's own texts: a single file, a folder of ``.txt``/``.md`` files, CSV or JSONL.

Every reader decodes strictly (no silent mojibake: a file that is not valid in ``encoding``
raises :class:`~discourse.errors.EncodingError` naming the file, line and column), refuses
empty and binary files, and never writes to or moves the files it reads. A file that starts
with a UTF-16 or UTF-32 byte-order mark is read in that encoding when none other than UTF-8
was asked for; a file or folder that cannot be read (permissions) raises
:class:`~discourse.errors.InputError` naming it.

Metadata for a folder comes from two optional places:

* **YAML front matter** at the top of a file, between two lines of ``---``::

      ---
      outlet: Middle East Monitor
      genre: opinion
      ---
      The text starts here.

* **a sidecar CSV** named ``metadata.csv`` in the folder, with a ``file`` column (the file's
  path relative to the folder, e.g. ``op-ed.txt``) and any other columns. Empty cells stay
  missing (``None``); they are never filled in. A value given both in front matter and in
  the sidecar must agree.

Document ids are file paths relative to the folder, without the suffix, with ``/`` as
separator (``news/2025-10-16``). Files named ``README*``, hidden files and files starting with
``_`` are not documents.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Cooperation, not confrontation.", encoding="utf-8")
>>> _ = (d / "b.md").write_text("---\\ngenre: opinion\\n---\\nBalance.", encoding="utf-8")
>>> corp = read_folder(d)
>>> corp.ids, corp["a"].meta["genre"], corp["b"].meta["genre"]
(['a', 'b'], None, 'opinion')
"""
from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path

import pandas as pd
import yaml

from .documents import Corpus, Document
from ..errors import CorpusFormatError, EmptyInputError, InputError, file_error
from .normalize import decode_bytes, normalize_text

__all__ = ["read_text", "read_file", "read_folder", "read_csv", "read_jsonl",
           "TEXT_SUFFIXES", "SIDECAR_NAME", "DEFAULT_MAX_BYTES"]

TEXT_SUFFIXES = (".txt", ".md")
SIDECAR_NAME = "metadata.csv"
DEFAULT_MAX_BYTES = 50_000_000  # 50 MB: far above any article or speech; pass None to lift
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def read_text(path: str | os.PathLike, *, encoding: str = "utf-8",
              max_bytes: int | None = DEFAULT_MAX_BYTES) -> str:
    """Read and strictly decode one text file (BOM stripped), checking size, emptiness, binary.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "x.txt")
    >>> _ = open(p, "wb").write(b"\\xef\\xbb\\xbfHello")
    >>> read_text(p)
    'Hello'
    """
    path = Path(path)
    if not path.exists():
        raise file_error(InputError, path, "no such file")
    if path.is_dir():
        raise file_error(InputError, path, "is a folder, not a file", "use read_folder")
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise file_error(InputError, path, f"file is {size:,} bytes, over the limit of "
                             f"{max_bytes:,}", "pass max_bytes=None to read it anyway")
        data = path.read_bytes()
    except OSError as exc:
        raise file_error(InputError, path, f"cannot be read ({exc.strerror or exc})",
                         "check the file's permissions") from None
    return decode_bytes(data, path=str(path), encoding=_bom_encoding(data, encoding))


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _bom_encoding(data: bytes, encoding: str) -> str:
    """``utf-16``/``utf-32`` for data that starts with their byte-order mark when UTF-8 was
    asked for (a UTF-8 reading of such a file could only fail); else ``encoding``.

    >>> _bom_encoding("Hi".encode("utf-16"), "utf-8"), _bom_encoding(b"Hi", "utf-8")
    ('utf-16', 'utf-8')
    """
    import codecs

    try:
        if codecs.lookup(encoding).name not in ("utf-8", "utf-8-sig"):
            return encoding
    except LookupError:
        return encoding  # decode_bytes names the unknown encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return encoding


def _split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    m = _FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if m is None:
        raise file_error(CorpusFormatError, path, "front matter opened with '---' on line 1 "
                         "is never closed", "end it with a line of '---'")
    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise file_error(CorpusFormatError, path, f"malformed YAML front matter{where}",
                         getattr(exc, "problem", None) or str(exc)) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise file_error(CorpusFormatError, path, "front matter must be a mapping of "
                         "'key: value' lines", f"got a {type(meta).__name__}")
    bad = [k for k in meta if not isinstance(k, str) or k in {"doc_id", "text", "raw"}]
    if bad:
        raise file_error(CorpusFormatError, path, f"front matter uses reserved or invalid "
                         f"keys {bad}", "doc_id, text and raw are set by the reader")
    body = text.replace("\r\n", "\n")[m.end():]
    return {k: _yaml_scalar(v) for k, v in meta.items()}, body


def _yaml_scalar(value):
    # YAML turns 2025-10-15 into a date; keep dates as ISO strings so tables stay plain.
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def read_file(path: str | os.PathLike, *, doc_id: str | None = None, encoding: str = "utf-8",
              keep_raw: bool = True, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Document:
    """Read one ``.txt``/``.md`` file (with optional front matter) into a :class:`Document`."""
    path = Path(path)
    text = read_text(path, encoding=encoding, max_bytes=max_bytes)
    meta, body = _split_front_matter(text, path)
    if not body.strip():
        raise file_error(EmptyInputError, path, "file has front matter but no text")
    meta = {"file": path.name, **meta}
    return Document(doc_id or path.stem, normalize_text(body), meta,
                    body if keep_raw else None)


def _is_document_file(path: Path, root: Path) -> bool:
    rel = path.relative_to(root)
    if any(part.startswith((".", "_")) for part in rel.parts):
        return False
    return path.suffix.lower() in TEXT_SUFFIXES and not path.name.upper().startswith("README")


def read_folder(path: str | os.PathLike, *, recursive: bool = True, encoding: str = "utf-8",
                keep_raw: bool = True, max_bytes: int | None = DEFAULT_MAX_BYTES,
                name: str | None = None) -> Corpus:
    """Read every ``.txt``/``.md`` file of a folder into a :class:`Corpus`, sorted by path.

    Metadata come from YAML front matter and from ``metadata.csv`` beside the files (see the
    module docs). Raises :class:`~discourse.errors.EmptyInputError` if the folder holds no
    document, and :class:`~discourse.errors.InputError` for duplicate ids (``a.txt`` and
    ``a.md``).
    """
    root = Path(path)
    if not root.exists():
        raise file_error(InputError, root, "no such folder")
    if not root.is_dir():
        raise file_error(InputError, root, "is not a folder", "use read_file for one file")
    _check_listable(root, recursive)
    pattern = "**/*" if recursive else "*"
    files = sorted(p for p in root.glob(pattern) if p.is_file() and _is_document_file(p, root))
    if not files:
        raise file_error(EmptyInputError, root, "folder holds no .txt or .md document",
                         "README files, hidden files and files starting with '_' are skipped")
    sidecar = _read_sidecar(root / SIDECAR_NAME, {p.relative_to(root).as_posix() for p in files})
    docs, seen = [], {}
    for p in files:
        rel = p.relative_to(root).as_posix()
        doc_id = rel.rsplit(".", 1)[0]
        if doc_id in seen:
            raise file_error(InputError, p, f"duplicate document id {doc_id!r} (also "
                             f"{seen[doc_id]})", "rename one of the files")
        seen[doc_id] = rel
        doc = read_file(p, doc_id=doc_id, encoding=encoding, keep_raw=keep_raw,
                        max_bytes=max_bytes)
        meta = dict(doc.meta)
        meta["file"] = rel
        for key, value in sidecar.get(rel, {}).items():
            if key in meta and meta[key] is not None and value is not None and meta[key] != value:
                raise file_error(CorpusFormatError, root / SIDECAR_NAME,
                                 f"{key!r} for {rel} is {value!r} here but {meta[key]!r} in the "
                                 f"file's front matter", "make them agree or drop one")
            if value is not None or key not in meta:
                meta[key] = value
        docs.append(Document(doc.id, doc.text, meta, doc.raw))
    return Corpus.from_documents(docs, name=name or root.name)


def _check_listable(root: Path, recursive: bool) -> None:
    """Raise :class:`InputError` for a folder (the root, or with ``recursive`` any folder
    whose files would be documents) that cannot be listed: ``glob`` would skip it silently."""
    def refuse(exc: OSError):
        where = Path(exc.filename) if exc.filename else root
        raise file_error(InputError, where, f"folder cannot be read ({exc.strerror or exc})",
                         "check its permissions; its files would be missed") from None

    if not os.access(root, os.R_OK | os.X_OK):
        refuse(PermissionError(13, "Permission denied", str(root)))
    if not recursive:
        return
    for folder, dirs, _ in os.walk(root, onerror=refuse):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        for d in dirs:
            if not os.access(os.path.join(folder, d), os.R_OK | os.X_OK):
                refuse(PermissionError(13, "Permission denied", os.path.join(folder, d)))


def _read_sidecar(path: Path, files: set[str]) -> dict[str, dict]:
    if not path.exists():
        return {}
    text = read_text(path)
    rows = list(csv.DictReader(text.splitlines()))
    if not rows:
        return {}
    if "file" not in rows[0]:
        raise file_error(CorpusFormatError, path, "the metadata CSV has no 'file' column",
                         f"columns are {list(rows[0])}")
    out = {}
    for line, row in enumerate(rows, start=2):
        if None in row:
            raise file_error(CorpusFormatError, path, f"line {line} has more cells than the header")
        rel = (row.pop("file") or "").strip()
        if rel not in files:
            raise file_error(CorpusFormatError, path, f"line {line} names {rel!r}, which is not "
                             "a document in the folder", f"documents: {sorted(files)[:5]}")
        if rel in out:
            raise file_error(CorpusFormatError, path, f"line {line}: {rel!r} is listed twice")
        reserved = {"doc_id", "text", "raw"} & set(row)
        if reserved:
            raise file_error(CorpusFormatError, path, f"columns {sorted(reserved)} are reserved")
        out[rel] = {k: _csv_value(v) for k, v in row.items()}
    return out


def _csv_value(value: str | None):
    if value is None or value.strip() == "":
        return None
    value = value.strip()
    if re.fullmatch(r"-?\d{1,9}", value):
        return int(value)
    return value


def _frame_to_corpus(frame: pd.DataFrame, path: Path, text_col: str, id_col: str | None,
                     name: str | None, line_of) -> Corpus:
    if text_col not in frame.columns:
        raise file_error(CorpusFormatError, path, f"no text column {text_col!r}",
                         f"columns are {list(frame.columns)}; pass text_col=")
    if id_col is not None and id_col not in frame.columns:
        raise file_error(CorpusFormatError, path, f"no id column {id_col!r}",
                         f"columns are {list(frame.columns)}")
    if frame.empty:
        raise file_error(EmptyInputError, path, "no rows")
    texts = []
    for i, t in enumerate(frame[text_col]):
        if not isinstance(t, str) or not t.strip():
            raise file_error(EmptyInputError, path, f"empty text in {line_of(i)}")
        texts.append(normalize_text(t))
    ids = (frame[id_col].astype(str).tolist() if id_col
           else [f"{path.stem}:{i + 1}" for i in range(len(frame))])
    dup = pd.Series(ids)[pd.Series(ids).duplicated()]
    if len(dup):
        raise file_error(InputError, path, f"duplicate ids {sorted(set(dup))[:5]} in column "
                         f"{id_col!r}")
    meta = frame.drop(columns=[c for c in (text_col, id_col) if c]).drop(
        columns=[c for c in ("doc_id", "raw") if c in frame.columns and c not in (text_col, id_col)])
    out = pd.concat([pd.DataFrame({"doc_id": ids, "text": texts}), meta.reset_index(drop=True)],
                    axis=1)
    return Corpus(out, name=name or path.stem)


def read_csv(path: str | os.PathLike, *, text_col: str = "text", id_col: str | None = None,
             encoding: str = "utf-8", max_bytes: int | None = DEFAULT_MAX_BYTES,
             name: str | None = None) -> Corpus:
    """Read a CSV file with one document per row; other columns become metadata.

    Ids come from ``id_col`` or, without one, are ``<file stem>:<row number>``.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "news.csv")
    >>> _ = open(p, "w", encoding="utf-8").write("id,text,outlet\\n1,Talks resumed.,AP\\n")
    >>> read_csv(p, id_col="id").meta.to_dict("records")
    [{'doc_id': '1', 'outlet': 'AP'}]
    """
    path = Path(path)
    text = read_text(path, encoding=encoding, max_bytes=max_bytes)
    import io

    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as exc:
        raise file_error(CorpusFormatError, path, "not a readable CSV file", str(exc)) from None
    for col in frame.columns:
        values = frame[col].dropna()
        if col not in (text_col, id_col) and len(values) and values.str.fullmatch(r"-?\d{1,9}").all():
            frame[col] = pd.to_numeric(frame[col]).astype("Int64")
    return _frame_to_corpus(frame, path, text_col, id_col, name, lambda i: f"row {i + 2}")


def read_jsonl(path: str | os.PathLike, *, text_col: str = "text", id_col: str | None = None,
               encoding: str = "utf-8", max_bytes: int | None = DEFAULT_MAX_BYTES,
               name: str | None = None) -> Corpus:
    """Read a JSON Lines file (one JSON object per line); other keys become metadata.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "news.jsonl")
    >>> _ = open(p, "w", encoding="utf-8").write('{"id": "a", "text": "Talks resumed."}\\n')
    >>> read_jsonl(p, id_col="id").ids
    ['a']
    """
    path = Path(path)
    text = read_text(path, encoding=encoding, max_bytes=max_bytes)
    records, lines = [], []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise file_error(CorpusFormatError, path, f"line {n} is not valid JSON",
                             exc.msg) from None
        if not isinstance(obj, dict):
            raise file_error(CorpusFormatError, path, f"line {n} is not a JSON object")
        records.append(obj)
        lines.append(n)
    frame = pd.DataFrame.from_records(records)
    return _frame_to_corpus(frame, path, text_col, id_col, name, lambda i: f"line {lines[i]}")
