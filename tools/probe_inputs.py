"""Probe every input path of the package with bad and extreme inputs; print case -> outcome.

The probe of issue #14, scripted: readers of every format, the SOURCE strings, the UN archive
(synthetic archives only, built in a temporary folder: never the real corpus's texts), the
Parquet cache, the topic-model store, the loaders' and analyses' parameters, every CLI verb
(run as a subprocess, as a user runs it) and the report's parameters.

Each case states what a careful tool must do:

* ``error`` -- refuse with a clear error: a :class:`~discourse.errors.DiscourseError` in
  Python, or exit status 2 with a one-line message and no traceback on the command line;
* ``ok`` -- accept the (valid but extreme) input and give the right answer (checked).

The outcome is ``clean`` when it did, else ``FAIL`` with what happened (a traceback of another
exception type, bad input accepted, a wrong answer). Cases run with bounded sizes (the bombs
are refused by limits, the long texts are 1 MB) and each records its wall time, under
whatever load the machine has.

Run (about 3 minutes; needs $DISCOURSE_UNGDC for the few cases that load the UN corpus):

    python tools/probe_inputs.py            # the table, then the counts
    python tools/probe_inputs.py --only archive,cli
"""
from __future__ import annotations

import argparse
import bz2
import gzip
import io
import json
import os
import pickle
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CASES: list[tuple[str, str, str, object]] = []  # (area, name, expect, function)


def case(area: str, name: str, expect: str = "error"):
    def register(func):
        CASES.append((area, name, expect, func))
        return func
    return register


class Wrong(Exception):
    """The call returned, but not what it should."""


def check(condition, message="wrong answer"):
    if not condition:
        raise Wrong(message)


TMP = Path(tempfile.mkdtemp(prefix="discourse-probe-"))
SENT = "The delegation of {c} speaks on eliminating poverty and the sovereignty of states. "
TEXTS = {f"TXT/Session 79 - 2024/{c}_79_2024.txt": (SENT.format(c=c) * 50).encode()
         for c in ("SYR", "RUS", "FRA")}


def path(name: str) -> Path:
    p = TMP / name
    p.parent.mkdir(parents=True, exist_ok=True)
    return p


def write(name: str, data: bytes | str) -> Path:
    p = path(name)
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


def tar_of(name: str, members: dict, mode: str = "w:gz", **info_fields) -> Path:
    p = path(name)
    with tarfile.open(p, mode) as tar:
        for member, data in members.items():
            info = tarfile.TarInfo(member)
            info.size = len(data)
            for k, v in info_fields.items():
                setattr(info, k, v)
            tar.addfile(info, io.BytesIO(data))
    return p


# =============================================================================================
# readers
# =============================================================================================
def _read(p, **kw):
    from discourse.corpus.readers import read_file

    return read_file(p, **kw)


for label, data in [("empty file", b""), ("only whitespace", b"  \n\t\n"),
                    ("NUL bytes (binary)", b"abc\x00def" * 10),
                    ("PNG header", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
                    ("invalid UTF-8", b"caf\xe9 au lait"),
                    ("UTF-16 without BOM", "Peace and sovereignty.".encode("utf-16-le")),
                    ("lone surrogate bytes", b"a\xed\xa0\x80b"),
                    ("many control characters", bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 100)]:
    case("readers", f"read_file: {label}")(lambda data=data, label=label: _read(
        write(f"r/{abs(hash(label))}.txt", data)))

for label, data, expected in [
        ("UTF-8 BOM", b"\xef\xbb\xbfHello there.", "Hello there."),
        ("UTF-16 with BOM", "Peace, not war.".encode("utf-16"), "Peace, not war."),
        ("UTF-16-BE with BOM", b"\xfe\xff" + "Peace.".encode("utf-16-be"), "Peace."),
        ("UTF-32 with BOM", "Balance.".encode("utf-32"), "Balance."),
        ("CRLF newlines", b"One line.\r\nTwo line.\r\n", None),
        ("no final newline", b"No newline at the end", "No newline at the end"),
        ("1 MB single paragraph of prose", (SENT.format(c="SYR") * 12_000).encode(), None),
        ("1 MB paragraph of 'a. '", b"a. " * 340_000, None),
        ("1 MB single word", b"x" * 1_000_000, None),
        ("NFD accents", "Cafe\u0301 talks.".encode(), None)]:
    def _ok(data=data, expected=expected, label=label):
        doc = _read(write(f"ok/{abs(hash(label))}.txt", data))
        if expected is not None:
            check(doc.text.strip() == expected, repr(doc.text[:60]))
        return f"{len(doc.text):,} chars"
    case("readers", f"read_file: {label}", "ok")(_ok)


@case("readers", "read_file: cp1252 with encoding='cp1252'", "ok")
def _():
    check(_read(write("r/cp.txt", "café".encode("cp1252")), encoding="cp1252").text == "café")


@case("readers", "read_file: unknown encoding name")
def _():
    _read(write("r/enc.txt", b"text"), encoding="klingon-8")


@case("readers", "read_file: missing file")
def _():
    _read(TMP / "nope.txt")


@case("readers", "read_file: a folder")
def _():
    _read(path("r/folder/x").parent)


@case("readers", "read_file: a Unix socket named .txt (cannot be opened)")
def _():
    p = path("r/sock.txt")
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(p))
    try:
        _read(p)
    finally:
        s.close()


@case("readers", "read_file: over max_bytes")
def _():
    _read(write("r/big.txt", b"word " * 1000), max_bytes=100)


@case("readers", "read_file: permission denied (simulated)")
def _():
    p = write("r/perm.txt", b"text")
    real = Path.read_bytes

    def denied(self):
        if self == p:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)
    Path.read_bytes = denied
    try:
        _read(p)
    finally:
        Path.read_bytes = real


for label, text in [("front matter never closed", "---\ngenre: x\nText."),
                    ("front matter malformed YAML", "---\ngenre: [x\n---\nText."),
                    ("front matter a list", "---\n- a\n- b\n---\nText."),
                    ("front matter reserved key", "---\ndoc_id: x\n---\nText."),
                    ("front matter but no text", "---\ngenre: x\n---\n\n")]:
    case("readers", f"read_file: {label}")(lambda text=text, label=label: _read(
        write(f"fm/{abs(hash(label))}.md", text)))


@case("readers", "read_file: front matter with a date", "ok")
def _():
    check(_read(write("fm/date.md", "---\ndate: 2025-10-16\n---\nText.")).meta["date"]
          == "2025-10-16")


def _folder(name, files: dict):
    root = path(f"folders/{name}/x").parent
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data if isinstance(data, bytes) else data.encode())
    from discourse.corpus.readers import read_folder

    return read_folder(root)


case("readers", "read_folder: no documents")(lambda: _folder("none", {"README.md": "x"}))
case("readers", "read_folder: missing folder")(
    lambda: __import__("discourse.corpus.readers", fromlist=["x"]).read_folder(TMP / "nofolder"))
case("readers", "read_folder: duplicate ids a.txt and a.md")(
    lambda: _folder("dup", {"a.txt": "One.", "a.md": "Two."}))
case("readers", "read_folder: sidecar names an unknown file")(
    lambda: _folder("side1", {"a.txt": "One.", "metadata.csv": "file,genre\nb.txt,x\n"}))
case("readers", "read_folder: sidecar without 'file' column")(
    lambda: _folder("side2", {"a.txt": "One.", "metadata.csv": "name,genre\na.txt,x\n"}))
case("readers", "read_folder: sidecar conflicts with front matter")(
    lambda: _folder("side3", {"a.md": "---\ngenre: x\n---\nOne.",
                              "metadata.csv": "file,genre\na.md,y\n"}))
case("readers", "read_folder: sidecar lists a file twice")(
    lambda: _folder("side4", {"a.txt": "One.", "metadata.csv": "file,g\na.txt,x\na.txt,y\n"}))
case("readers", "read_folder: sidecar row longer than header")(
    lambda: _folder("side5", {"a.txt": "One.", "metadata.csv": "file,g\na.txt,x,extra\n"}))
case("readers", "read_folder: one binary file among texts")(
    lambda: _folder("bin", {"a.txt": "One.", "b.txt": b"\x00\x01\x02" * 50}))
case("readers", "read_folder: hidden, _private and README skipped", "ok")(
    lambda: check(_folder("skip", {"a.txt": "One.", ".h.txt": "x", "_p.txt": "y",
                                   "README.md": "z"}).ids == ["a"]))


def _csv(name, text, **kw):
    from discourse.corpus.readers import read_csv

    return read_csv(write(f"csv/{name}.csv", text), **kw)


case("readers", "read_csv: no text column")(lambda: _csv("notext", "id,body\n1,x\n"))
case("readers", "read_csv: header only")(lambda: _csv("header", "id,text\n"))
case("readers", "read_csv: empty file")(lambda: _csv("empty", ""))
case("readers", "read_csv: empty text cell")(lambda: _csv("cell", "id,text\n1,\n2,ok\n"))
case("readers", "read_csv: unclosed quote")(lambda: _csv("quote", 'id,text\n1,"never closed\n'))
case("readers", "read_csv: duplicate ids")(lambda: _csv("dupid", "id,text\n1,a\n1,b\n",
                                                           id_col="id"))
case("readers", "read_csv: missing id column")(lambda: _csv("noid", "text\na\n", id_col="id"))
case("readers", "read_csv: ragged rows")(lambda: _csv("ragged", "id,text\n1,a,b,c\n2\n"))
case("readers", "read_csv: 10,000 rows", "ok")(
    lambda: check(len(_csv("many", "text\n" + "word\n" * 10_000)) == 10_000))


def _jsonl(name, text, **kw):
    from discourse.corpus.readers import read_jsonl

    return read_jsonl(write(f"jsonl/{name}.jsonl", text), **kw)


case("readers", "read_jsonl: invalid JSON line")(lambda: _jsonl("bad", '{"text": "a"}\n{oops\n'))
case("readers", "read_jsonl: a line that is a list")(lambda: _jsonl("list", '["a"]\n'))
case("readers", "read_jsonl: no text key")(lambda: _jsonl("nokey", '{"body": "a"}\n'))
case("readers", "read_jsonl: text is a number")(lambda: _jsonl("num", '{"text": 5}\n'))
case("readers", "read_jsonl: only blank lines")(lambda: _jsonl("blank", "\n\n\n"))
case("readers", "read_jsonl: deeply nested value", "ok")(
    lambda: _jsonl("deep", json.dumps({"text": "a", "x": [[[[[[1]]]]]]}) + "\n"))


# =============================================================================================
# SOURCE strings
# =============================================================================================
def _source(spec, **kw):
    from discourse.corpus.sources import load_source

    return load_source(spec, **kw)


for spec in ["", "   ", "ungdc:,,,:2024", "ungdc:SYR,:2024", "ungdc:XYZ", "ungdc:SYR:2024-2000",
             "ungdc:SYR:20x4", "ungdc:SYR:2024:extra", "lee:nope", str(TMP / "missing.txt"),
             "file.docx", "ungdc:SYR:99999"]:
    case("sources", f"load_source({spec!r})")(lambda spec=spec: _source(spec))


@case("sources", "load_source: unsupported suffix that exists")
def _():
    _source(write("src/x.docx", b"PK\x03\x04"))


@case("sources", "parse_ungdc_spec('ungdc::2024') means every country", "ok")
def _():
    from discourse.corpus.sources import parse_ungdc_spec

    check(parse_ungdc_spec("ungdc::2024") == (None, (2024, 2024)))


# =============================================================================================
# the UN archive (synthetic)
# =============================================================================================
def _members(p, **kw):
    from discourse.corpus.ungdc import iter_ungdc_files

    return dict(iter_ungdc_files(p, **kw))


def _load(p, **kw):
    from discourse import load_ungdc

    return load_ungdc(path=p, progress=False, n_jobs=1, **kw)


_GOOD = None


def good_archive() -> bytes:
    global _GOOD
    if _GOOD is None:
        _GOOD = tar_of("a/good.tgz", TEXTS).read_bytes()
    return _GOOD


def good_path() -> Path:
    good_archive()
    return path("a/good.tgz")


@case("archive", "a good synthetic archive loads", "ok")
def _():
    check(_members(good_path()) == TEXTS)


for pos_name, where in [("in the deflate data", 0.5), ("near the end", 0.9),
                        ("in the CRC trailer", -6), ("in the length trailer", -2)]:
    def _flip(where=where, pos_name=pos_name):
        data = bytearray(good_archive())
        pos = int(len(data) * where) if isinstance(where, float) else len(data) + where
        data[pos] ^= 0x10
        got = _members(write(f"a/flip{abs(hash(pos_name))}.tgz", bytes(data)))
        check(got == TEXTS, "altered text served")  # harmless flips are allowed, never altered
    case("archive", f"one flipped byte {pos_name}")(_flip)

for cut in (1, 8, 33, 500):
    case("archive", f"archive missing its last {cut} bytes")(
        lambda cut=cut: _members(write(f"a/cut{cut}.tgz", good_archive()[:-cut])))


@case("archive", "flipped archive: load_ungdc refuses and caches nothing")
def _():
    data = bytearray(good_archive())
    data[len(data) // 2] ^= 0x10
    os.environ["DISCOURSE_DATA"] = str(path("a/data/x").parent)
    try:
        _load(write("a/UNGDC_flip.tgz", bytes(data)))
    finally:
        check(not list(path("a/data/x").parent.rglob("*.parquet*")), "altered text cached")


@case("archive", "not a tar at all")
def _():
    _members(write("a/junk.tgz", b"this is not an archive"))


@case("archive", "empty file named .tgz")
def _():
    _members(write("a/zero.tgz", b""))


@case("archive", "gzip of garbage (not tar)")
def _():
    _members(write("a/gzjunk.tgz", gzip.compress(b"hello" * 1000)))


@case("archive", "empty tar (no members)")
def _():
    _load(tar_of("a/UNGDC_empty.tgz", {}))


def _bomb_subprocess(code: str) -> str:
    """Run a bomb case in a child process and report its outcome and peak memory."""
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=600)
    out = child.stdout.strip().splitlines()
    if child.returncode != 0 or not out:
        raise RuntimeError(child.stderr.strip().splitlines()[-1] if child.stderr else "crash")
    status, peak = out[-1].split("|")
    if status != "refused":
        raise Wrong(f"bomb read ({status})")
    return f"refused after allocating at most {int(peak) / 1e6:.1f} MB"


# Python's allocations while reading (tracemalloc, started after the imports): ru_maxrss would
# carry the parent's high-water mark across fork and exec.
_BOMB = """
import sys, tracemalloc
from discourse.corpus.ungdc import iter_ungdc_files
from discourse.errors import CorpusFormatError
tracemalloc.start()
try:
    n = sum(len(d) for _, d in iter_ungdc_files({path!r}))
    status = f"read {{n}} bytes"
except CorpusFormatError as exc:
    status = "refused"
print(status + "|" + str(tracemalloc.get_traced_memory()[1]))
"""


@case("archive", "bomb: one 200 MB member of zeros (200 KB archive)")
def _():
    p = path("a/bomb1.tgz")
    with tarfile.open(p, "w:gz", compresslevel=1) as tar:
        info = tarfile.TarInfo("TXT/Session 79 - 2024/SYR_79_2024.txt")
        info.size = 200_000_000

        class Zeros(io.RawIOBase):
            left = info.size

            def readable(self):
                return True

            def readinto(self, b):
                n = min(len(b), self.left)
                b[:n] = bytes(n)
                self.left -= n
                return n
        tar.addfile(info, io.BufferedReader(Zeros(), 1 << 20))
    raise Refused(_bomb_subprocess(_BOMB.format(path=str(p))))


@case("archive", "bomb: 200 members of 1 MB zeros (each under the member limit)")
def _():
    p = path("a/bomb2.tgz")
    zeros = bytes(1_000_000)
    with tarfile.open(p, "w:gz") as tar:
        for i in range(200):
            info = tarfile.TarInfo(f"TXT/Session 79 - 2024/X{i:03d}_79_2024.txt")
            info.size = len(zeros)
            tar.addfile(info, io.BytesIO(zeros))
    raise Refused(_bomb_subprocess(_BOMB.format(path=str(p))))


class Refused(Exception):
    """A case that must refuse did, with a message worth showing."""


@case("archive", "pax header of 20 MB")
def _():
    p = path("a/pax.tgz")
    with tarfile.open(p, "w:gz", format=tarfile.PAX_FORMAT) as tar:
        info = tarfile.TarInfo("TXT/Session 79 - 2024/SYR_79_2024.txt")
        info.pax_headers = {"comment": "x" * 20_000_000}
        info.size = 5
        tar.addfile(info, io.BytesIO(b"Text."))
    raise Refused(_bomb_subprocess(_BOMB.format(path=str(p))))


@case("archive", "member over a small member limit")
def _():
    _members(good_path(), max_member_bytes=100)


for kind, typ in (("hard link", tarfile.LNKTYPE), ("symbolic link", tarfile.SYMTYPE)):
    def _link(typ=typ, kind=kind):
        p = path(f"a/link{typ}.tgz")
        with tarfile.open(p, "w:gz") as tar:
            for name, data in TEXTS.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
            link = tarfile.TarInfo("TXT/Session 79 - 2024/GBR_79_2024.txt")
            link.type, link.linkname = typ, next(iter(TEXTS))
            tar.addfile(link)
        _members(p)
    case("archive", f"a .txt member that is a {kind}")(_link)

for label, members in [
        ("member escaping with ../", {"../../etc/SYR_79_2024.txt": b"x"}),
        ("absolute member path", {"/tmp/Session 79 - 2024/SYR_79_2024.txt": b"x"}),
        ("wrong layout", {"speeches/syria.txt": b"Text."}),
        ("unknown country code", {"TXT/Session 79 - 2024/XYZ_79_2024.txt": b"Text."}),
        ("session differs from folder", {"TXT/Session 78 - 2024/SYR_79_2024.txt": b"Text."}),
        ("binary speech", {"TXT/Session 79 - 2024/SYR_79_2024.txt": b"\x00\x01" * 100}),
        ("non-UTF-8 speech", {"TXT/Session 79 - 2024/SYR_79_2024.txt": b"caf\xe9"}),
        ("empty speech", {"TXT/Session 79 - 2024/SYR_79_2024.txt": b""}),
        ("duplicate speech in two folders", {
            "A/TXT/Session 79 - 2024/SYR_79_2024.txt": b"One.",
            "B/TXT/Session 79 - 2024/SYR_79_2024.txt": b"Two."})]:
    case("archive", f"archive: {label}")(lambda label=label, members=members: _load(
        tar_of(f"a/UNGDC_{abs(hash(label))}.tgz", members)))

for mode in ("w:bz2", "w:xz", "w"):
    case("archive", f"archive as {mode[2:] or 'plain tar'} reads", "ok")(
        lambda mode=mode: check(_members(tar_of(f"a/m{mode[2:]}.tar", TEXTS, mode)) == TEXTS))


@case("archive", "bz2 archive with a flipped byte")
def _():
    data = bytearray(tar_of("a/flip.tbz", TEXTS, "w:bz2").read_bytes())
    data[len(data) // 2] ^= 0x10
    got = _members(write("a/flip2.tbz", bytes(data)))
    check(got == TEXTS, "altered text served")


@case("archive", "folder source: a link leading outside")
def _():
    root = path("a/folder/TXT/Session 79 - 2024/x").parent
    for name, data in TEXTS.items():
        (root / Path(name).name).write_bytes(data)
    (root / "GBR_79_2024.txt").symlink_to(write("a/secret.txt", b"secret"))
    _members(root.parent)


# =============================================================================================
# the Parquet cache
# =============================================================================================
def _cache_case(damage):
    import warnings

    import pandas as pd

    from discourse.corpus.cache import cache_file, read_cached, write_cached

    d = path(f"cache/{damage.__name__}/x").parent
    write_cached(pd.DataFrame({"a": range(100), "t": ["x" * 300] * 100}), d, "k", "key")
    entry = cache_file(d, "k", "key")
    damage(entry)
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        check(read_cached(d, "k", "key") is None, "a damaged entry was trusted")
    return "missed and rebuilt"


def flipped(entry):
    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 1
    entry.write_bytes(bytes(data))


def truncated(entry):
    entry.write_bytes(entry.read_bytes()[:100])


def garbage(entry):
    entry.write_bytes(b"PAR1 garbage")


def digest_removed(entry):
    entry.with_name(entry.name + ".sha256").unlink()


def digest_wrong(entry):
    entry.with_name(entry.name + ".sha256").write_text("0" * 64)


def foreign_parquet(entry):
    import pandas as pd

    pd.DataFrame({"a": [1]}).to_parquet(entry)


for damage in (flipped, truncated, garbage, digest_removed, digest_wrong, foreign_parquet):
    case("cache", f"cache entry: {damage.__name__.replace('_', ' ')}", "ok")(
        lambda damage=damage: _cache_case(damage))


@case("cache", "unwritable cache folder")
def _():
    import pandas as pd

    from discourse.corpus.cache import write_cached

    blocker = write("cache/blocker", b"a file where a folder should be")
    write_cached(pd.DataFrame({"a": [1]}), blocker / "sub", "k", "key")


@case("cache", "stale temporary file of a dead writer is pruned", "ok")
def _():
    import pandas as pd

    from discourse.corpus.cache import STALE_SECONDS, write_cached

    d = path("cache/tmp/x").parent
    stale = write("cache/tmp/k-abc.parquetdead.tmp", b"partial")
    old = time.time() - 2 * STALE_SECONDS
    os.utime(stale, (old, old))
    write_cached(pd.DataFrame({"a": [1]}), d, "k", "key")
    check(not stale.exists(), "stale temporary file kept")


@case("cache", "temporary file held by a live writer is kept", "ok")
def _():
    import fcntl

    import pandas as pd

    from discourse.corpus.cache import STALE_SECONDS, write_cached

    d = path("cache/live/x").parent
    live = write("cache/live/k-abc.parquetlive.tmp", b"partial")
    with open(live, "rb") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        old = time.time() - 2 * STALE_SECONDS
        os.utime(live, (old, old))
        child = subprocess.run([sys.executable, "-c", (
            "import sys, pandas as pd; from discourse.corpus.cache import write_cached; "
            "write_cached(pd.DataFrame({'a': [1]}), sys.argv[1], 'k', 'key')"), str(d)],
            env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, timeout=120)
        check(child.returncode == 0, child.stderr.decode()[-200:])
        check(live.exists(), "a live writer's file was removed")


# =============================================================================================
# the topic-model store
# =============================================================================================
_MODEL = None


def model_folder(name: str) -> Path:
    global _MODEL
    from discourse.corpus.documents import Corpus
    from discourse.topics import fit_topics

    if _MODEL is None:
        texts = [("golan occupation israel " * 5) if i % 2 else ("refugees return aid " * 5)
                 for i in range(12)]
        model = fit_topics(Corpus.from_texts(texts), 2, min_df=1, max_df=1.0, passes=2,
                           use_cache=False)
        _MODEL = model.save(path("store/original/x").parent)
    copy = path(f"store/{name}")
    shutil.copytree(_MODEL, copy)
    return copy


def resum(folder: Path) -> Path:
    from discourse.corpus.cache import hash_file

    lines = [f"{hash_file(p)}  {p.name}" for p in sorted(folder.iterdir()) if p.name != "SHA256SUMS"]
    (folder / "SHA256SUMS").write_text("\n".join(lines) + "\n")
    return folder


def _load_model(folder):
    from discourse.topics import load_topic_model

    return load_topic_model(folder)


def _edit_meta(name, edit):
    folder = model_folder(name)
    meta = json.loads((folder / "topics.json").read_text())
    edit(meta)
    (folder / "topics.json").write_text(json.dumps(meta))
    return resum(folder)


case("store", "saved model loads", "ok")(lambda: check(_load_model(model_folder("ok")).k == 2))
case("store", "missing SHA256SUMS")(
    lambda: _load_model((lambda f: ((f / "SHA256SUMS").unlink(), f)[1])(model_folder("nosums"))))
case("store", "a flipped byte in an array")(lambda: _load_model(
    (lambda f: (f / "state.sstats.npy").write_bytes(
        (f / "state.sstats.npy").read_bytes()[:-1] + b"\x01") and f)(model_folder("flip"))))
case("store", "an extra file")(
    lambda: _load_model((lambda f: ((f / "evil.py").write_text("x"), f)[1])(model_folder("extra"))))
case("store", "topics.json of unknown kind (sums rewritten)")(
    lambda: _load_model(_edit_meta("kind", lambda m: m.update(kind="hdp"))))
case("store", "topics.json of another format")(
    lambda: _load_model(_edit_meta("format", lambda m: m.update(format="9"))))
case("store", "topics.json missing entries")(
    lambda: _load_model(_edit_meta("missing", lambda m: m.pop("gensim"))))
case("store", "topics.json scalar replaced by a dict")(
    lambda: _load_model(_edit_meta("scalar", lambda m: m["gensim"]["scalars"].update(
        iterations={"evil": 1}))))
case("store", "topics.json not JSON")(lambda: _load_model(resum(
    (lambda f: ((f / "topics.json").write_text("{nope"), f)[1])(model_folder("notjson")))))
case("store", "topics.json is a list")(lambda: _load_model(resum(
    (lambda f: ((f / "topics.json").write_text("[]"), f)[1])(model_folder("list")))))


@case("store", "array replaced by a pickled object array (sums rewritten)")
def _():
    import numpy as np

    folder = model_folder("objects")
    np.save(folder / "state.sstats.npy", np.array([{"a": 1}], dtype=object), allow_pickle=True)
    _load_model(resum(folder))


@case("store", "array of the wrong shape (sums rewritten)")
def _():
    import numpy as np

    folder = model_folder("shape")
    np.save(folder / "state.sstats.npy", np.zeros((3, 3)))
    _load_model(resum(folder))


@case("store", "old format: a model.gensim pickle")
def _():
    folder = model_folder("pickle")
    (folder / "model.gensim").write_bytes(pickle.dumps({"old": True}))
    _load_model(resum(folder))


case("store", "not a folder")(lambda: _load_model(write("store/file", b"x")))


# =============================================================================================
# parameters of the loaders and analyses
# =============================================================================================
def _article():
    from discourse import load_article

    return load_article()


def api(name, func):
    case("parameters", name)(func)


api("load_ungdc(years=(2024, 2000))", lambda: __import__("discourse").load_ungdc(
    "SYR", years=(2024, 2000)))
api("load_ungdc(years='1990s')", lambda: __import__("discourse").load_ungdc(years="1990s"))
api("load_ungdc(years=range(0))", lambda: __import__("discourse").load_ungdc(years=range(0)))
api("load_ungdc('XYZ')", lambda: __import__("discourse").load_ungdc("XYZ"))
api("load_ungdc(max_ratio=0)", lambda: __import__("discourse").load_ungdc(max_ratio=0))
api("load_ungdc(path=missing)", lambda: __import__("discourse").load_ungdc(path=TMP / "no"))
api("load_lee('nope')", lambda: __import__("discourse").load_lee("nope"))


def _fit(**kw):
    from discourse.corpus.documents import Corpus
    from discourse.topics import fit_topics

    texts = ["golan occupation israel settlements"] * 6 + ["refugees return aid camps"] * 6
    return fit_topics(Corpus.from_texts(texts), **{"k": 2, "min_df": 1, "max_df": 1.0, **kw})


for kw in [{"k": 1}, {"k": 2.5}, {"k": 10_000}, {"k": 50}, {"seed": -1}, {"model": "hdp"},
           {"passes": 0}, {"workers": 0}, {"alpha": "auto", "workers": 2}]:
    api(f"fit_topics({kw})", lambda kw=kw: _fit(**kw))
api("fit_topics on 3 documents", lambda: __import__("discourse.topics", fromlist=["x"])
    .fit_topics(__import__("discourse").Corpus.from_texts(["a b", "c d", "e f"]), 2,
                min_df=1, max_df=1.0))


def _keyness(**kw):
    from discourse.keywords.keyness import stat_keyness

    return stat_keyness(_article(), __import__("discourse").load_lee(), **kw)


for kw in [{"measure": "ll"}, {"min_count": 0}, {"ci": 2}, {"min_target": -1}]:
    api(f"stat_keyness({kw})", lambda kw=kw: _keyness(**kw))
api("kwic(window=-1)", lambda: __import__("discourse").kwic(_article(), "balanc*", window=-1))
api("keyword_frequencies(terms='')", lambda: __import__("discourse").keyword_frequencies(
    _article(), ""))
api("keyword_frequencies(by='nonexistent')", lambda: __import__("discourse")
    .keyword_frequencies(_article(), "balanc*", by="nonexistent"))
api("detect_devices(devices=['nope'])", lambda: __import__("discourse").detect_devices(
    _article(), devices=["nope"]))
api("stat_balance(n_boot=-1)", lambda: __import__("discourse").stat_balance(
    _article(), __import__("discourse").load_gazetteer(), n_boot=-1))
api("tokenize(numbers='sometimes')", lambda: __import__("discourse").tokenize(
    _article(), numbers="sometimes"))
api("profile(a str, not a corpus)", lambda: __import__("discourse").profile(12345))


def _corpus(*texts, **kw):
    from discourse.corpus.documents import Corpus

    return Corpus.from_texts(list(texts), **kw)


api("Corpus.from_texts('one string')", lambda: _corpus().from_texts("a string, not a list"))
api("Corpus.from_texts with duplicate ids", lambda: _corpus("a", "b", ids=["x", "x"]))
api("Corpus.sample(n=0)", lambda: _corpus("a", "b").sample(0))
api("Corpus.sample(seed=-1)", lambda: _corpus("a", "b").sample(1, seed=-1))
api("Corpus.group('missing column')", lambda: _corpus("a").group("nope"))
api("Corpus.with_periods overlapping", lambda: _corpus("a", meta={"year": [2000]}).with_periods(
    {"x": (1990, 2005), "y": (2000, 2010)}))
api("Corpus.subset(missing column)", lambda: _corpus("a").subset(nope=1))
api("prepare_topics(a list)", lambda: __import__("discourse.topics", fromlist=["x"])
    .prepare_topics(["a", "b"]))
api("prepare_topics(min_df=2, max_df=0.1) empties the vocabulary", lambda: __import__(
    "discourse.topics", fromlist=["x"]).prepare_topics(_corpus("a b", "c d"), min_df=2))
api("load_article(path=missing)", lambda: __import__("discourse").load_article(TMP / "nope"))
api("read_speakers(a text file)", lambda: __import__("discourse.corpus.ungdc", fromlist=["x"])
    .read_speakers(write("p/Speakers_by_session.xlsx", b"not a spreadsheet")))


def _remote(label="UNGDC_1946-2024.tgz", url="http://127.0.0.1:9/api/access/datafile/1"):
    from discourse.corpus.download import RemoteFile

    return RemoteFile(label, 1, 10, "MD5", "0" * 32, url)


api("download_file(file:// URL)", lambda: __import__("discourse.corpus.download", fromlist=["x"])
    .download_file(_remote(url="file:///etc/passwd"), TMP / "dl", progress=False))
api("download_file(label '../escape.tgz')", lambda: __import__(
    "discourse.corpus.download", fromlist=["x"]).download_file(
    _remote(label="../escape.tgz"), TMP / "dl", progress=False))
api("download_file(server refusing connections)", lambda: __import__(
    "discourse.corpus.download", fromlist=["x"]).download_file(
    _remote(), TMP / "dl", progress=False, retries=0, timeout=5))
api("find_ungdc_files(server='ftp://x')", lambda: __import__(
    "discourse.corpus.download", fromlist=["x"]).find_ungdc_files(server="ftp://x"))
api("find_ungdc_files(retries=-1)", lambda: __import__(
    "discourse.corpus.download", fromlist=["x"]).find_ungdc_files(retries=-1))


@case("parameters", "profile of a 1 MB paragraph of 'a. '", "ok")
def _():
    from discourse.corpus.documents import Corpus
    from discourse.text.sentences import sentence_spans

    corp = Corpus.from_texts(["a. " * 340_000])
    check(len(sentence_spans(corp[0])) >= 1)
    return "segmented"


# =============================================================================================
# the command line (subprocesses) and the report's parameters
# =============================================================================================
def cli(*args, module="discourse.cli", env=None):
    environ = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", COLUMNS="100",
                   **(env or {}))
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=900)


def expect_usage_error(*args, module="discourse.cli", env=None):
    out = cli(*args, module=module, env=env)
    if "Traceback" in out.stderr:
        raise RuntimeError("traceback: " + out.stderr.strip().splitlines()[-1][:120])
    if out.returncode == 0:
        raise Wrong("accepted (exit 0)")
    if out.returncode != 2:
        raise RuntimeError(f"exit {out.returncode}: {out.stderr.strip()[-120:]}")
    raise Refused(out.stderr.strip().splitlines()[-1][:140])


def expect_ok(*args, check_out=None):
    out = cli(*args)
    if out.returncode != 0:
        raise RuntimeError(f"exit {out.returncode}: {(out.stderr.strip() or '?').splitlines()[-1]}")
    if check_out:
        check(check_out(out.stdout), "wrong output")
    return f"{len(out.stdout.splitlines())} lines, widest {max(map(len, out.stdout.splitlines() or ['']))}"


CLI_ERRORS = [
    ("figures", "--seed", "-1", "--out", str(TMP / "f")), ("figures", "--sample", "0"),
    ("figures", "--sample", "many"), ("figures", "--only", "no_such_figure", "--out", str(TMP / "f")),
    ("actors", "article", "--balance", "--seed", "-1"), ("actors", "article", "--n-boot", "-1"),
    ("actors", "article", "--by", "nonexistent"), ("actors", "article", "--gazetteer", "missing.csv"),
    ("actors", "article", "--level", "planet"),
    ("keyness", "article", "--reference", "article", "--top", "-3"),
    ("keyness", "article", "--reference", "article", "--measure", "ll"),
    ("keyness", "article", "--reference", "article", "--min-count", "0"),
    ("keyness", "article"), ("keyness", "article", "--reference", "missing_folder/"),
    ("keywords", "article"), ("keywords", "article", "--terms", "a", "--dictionary", "frames"),
    ("keywords", "article", "--dictionary", "no_such_dictionary"),
    ("keywords", "article", "--terms", "balanc*", "--by", "nonexistent"),
    ("keywords", "article", "--terms", ""),
    ("devices", "article", "--devices", "sarcasm"), ("devices", "missing.txt"),
    ("profile", "missing.txt"), ("profile", "article", "--format", "xml"),
    ("topics", "article", "--k", "1"), ("topics", "article", "--k", "abc"),
    ("topics", "article", "--passes", "0"), ("topics", "article", "--seed", "-1"),
    ("topics", "article", "--model", "hdp"), ("topics", "article", "--top", "0"),
    ("topics", "articles", "--place", "lee", "--k", "2"),
    ("scale", "article", "--model", "wordfish"), ("scale", "article", "--min-doc-share", "2"),
    ("scale", "article", "--min-count", "0"), ("scale", "article", "--model", "wordscores"),
    ("scale", "lee:test", "--model", "wordscores", "--reference", "missing.csv"),
    ("scale", "lee:test", "--dir", "nope,nada"),
    ("corpus", "ungdc:,,,:2024"), ("corpus", "ungdc:XYZ"), ("corpus", "ungdc:SYR:2024-2000"),
    ("corpus", "nonexistent/path"), ("corpus", ""), ("corpus", "article", "--encoding", "klingon"),
    ("data", "--ungdc", "missing.tgz"), ("nosuchverb",), (),
]

for args in CLI_ERRORS:
    case("cli", "discourse " + " ".join(a if a else "''" for a in args))(
        lambda args=args: expect_usage_error(*args))

for args, checker in [
        (("--help",), lambda out: "COMMAND" in out), (("--version",), lambda out: "discourse" in out),
        (("devices", "article"), lambda out: max(map(len, out.splitlines())) <= 100),
        (("devices", "article", "--wide"), lambda out: max(map(len, out.splitlines())) > 100),
        (("keywords", "article", "--dictionary", "frames", "--by", "none"),
         lambda out: max(map(len, out.splitlines())) <= 100),
        (("figures", "--list"), lambda out: max(map(len, out.splitlines())) <= 100),
        (("corpus", "article", "--format", "json"), lambda out: json.loads(out)["documents"] == 1),
        (("profile", "article", "--format", "table"), lambda out: "metric" in out)]:
    case("cli", "discourse " + " ".join(args), "ok")(
        lambda args=args, checker=checker: expect_ok(*args, check_out=checker))


@case("cli", "discourse corpus <UTF-16 file with BOM>", "ok")
def _():
    p = write("cli/wide.txt", "Peace and balance.\n".encode("utf-16"))
    return expect_ok("corpus", str(p), "--format", "json",
                     check_out=lambda out: json.loads(out)["documents"] == 1)


@case("cli", "discourse profile <socket file>")
def _():
    p = path("cli/sock.txt")
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(p))
    try:
        expect_usage_error("profile", str(p))
    finally:
        s.close()


@case("cli", "discourse devices <1 MB paragraph of 'Mr. Dr. U.S. '>", "ok")
def _():
    p = write("cli/long.txt", b"Mr. Dr. U.S. " * 80_000)
    return expect_ok("devices", str(p), "--format", "csv")


for args in [("--seed", "-1"), ("--sample", "0"), ("--sample", "abc"), ("--seed", "1.5")]:
    case("report", "python -m discourse.paper.report " + " ".join(args))(
        lambda args=args: expect_usage_error(*args, "--build", str(TMP / "b"), "--figures",
                                             str(TMP / "b"), module="discourse.paper.report"))


# =============================================================================================
def run_case(func) -> tuple[bool | None, str]:
    """(raised a clean error?, detail): True for a DiscourseError or a clean exit 2, False
    for success, None for any other exception."""
    from discourse.errors import DiscourseError

    try:
        detail = func()
    except (Refused, DiscourseError) as exc:
        return True, str(exc).replace(str(TMP), "<tmp>")
    except Wrong as exc:
        return False, f"WRONG: {exc}"
    except Exception as exc:  # noqa: BLE001 - the probe reports whatever happened
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return None, (f"{type(exc).__name__}: {str(exc)[:100]} "
                      f"({Path(frame.filename).name}:{frame.lineno})").replace(str(TMP), "<tmp>")
    if detail is None:
        detail = "ok"
    elif not isinstance(detail, str):
        detail = f"returned a {type(detail).__name__}"
    return False, detail


def main(argv=None) -> int:
    import warnings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=None, help="comma-separated areas")
    args = parser.parse_args(argv)
    areas = set(args.only.split(",")) if args.only else None
    os.environ.setdefault("DISCOURSE_UNGDC", str(ROOT.parent / "shared" / "data" / "ungdc"))
    data = os.environ.get("DISCOURSE_DATA")
    rows, failures = [], []
    warnings.simplefilter("ignore")
    for area, name, expect, func in CASES:
        if areas and area not in areas:
            continue
        if data:
            os.environ["DISCOURSE_DATA"] = data
        t0 = time.perf_counter()
        raised, detail = run_case(func)
        seconds = time.perf_counter() - t0
        if expect == "error":
            ok = raised is True
            outcome = "clean" if ok else ("FAIL: accepted" if raised is False else "FAIL: traceback")
        else:
            ok = raised is False and not detail.startswith("WRONG")
            outcome = "clean" if ok else ("FAIL: " + ("wrong" if raised is False else "raised"))
        rows.append((area, name, expect, outcome, seconds, detail))
        print(f"{area:<10} {name[:62]:<62} {expect:<5} {outcome:<16} {seconds:6.2f}s  "
              f"{detail[:110]}", flush=True)
        if not ok:
            failures.append((area, name, detail))
    print()
    by_area = {}
    for area, _, _, outcome, _, _ in rows:
        tried, clean = by_area.get(area, (0, 0))
        by_area[area] = (tried + 1, clean + (outcome == "clean"))
    for area, (tried, clean) in by_area.items():
        print(f"{area:<12} {tried:4d} tried, {clean:4d} handled cleanly")
    total, clean = len(rows), sum(r[3] == "clean" for r in rows)
    print(f"{'all':<12} {total:4d} tried, {clean:4d} handled cleanly, {total - clean} not")
    for area, name, detail in failures:
        print(f"  NOT CLEAN  {area}: {name}: {detail[:160]}")
    shutil.rmtree(TMP, ignore_errors=True)
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
