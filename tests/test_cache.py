"""The content-keyed Parquet cache: hits, misses, stale keys, corruption, atomic writes."""
import os
from pathlib import Path

import pandas as pd
import pytest

from discourse.corpus.cache import cache_file, hash_bytes, hash_file, read_cached, write_cached
from discourse.errors import CacheError

FRAME = pd.DataFrame({"doc_id": ["a", "b"], "text": ["x" * 5000, "y" * 5000], "n": [1, 2]})


def test_round_trip_and_columns(tmp_path):
    write_cached(FRAME, tmp_path, "t", "key-1")
    pd.testing.assert_frame_equal(read_cached(tmp_path, "t", "key-1"), FRAME)
    assert list(read_cached(tmp_path, "t", "key-1", columns=["n"]).columns) == ["n"]
    assert read_cached(tmp_path, "t", "key-2") is None
    assert read_cached(tmp_path, "other", "key-1") is None
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".parquet", ".sha256"]


def test_garbage_file_is_warned_removed_and_missed(tmp_path):
    path = cache_file(tmp_path, "t", "k")
    path.write_bytes(b"PAR1 not really parquet")
    with pytest.warns(UserWarning, match="corrupt cache entry"):
        assert read_cached(tmp_path, "t", "k") is None
    assert not path.exists()


def test_foreign_parquet_is_not_trusted(tmp_path):
    path = cache_file(tmp_path, "t", "k")
    FRAME.to_parquet(path)  # right name, no checksum, no discourse metadata
    with pytest.warns(UserWarning, match="checksum file is missing"):
        assert read_cached(tmp_path, "t", "k") is None
    FRAME.to_parquet(path)
    path.with_name(path.name + ".sha256").write_text(hash_file(path))
    with pytest.warns(UserWarning, match="no discourse cache metadata"):
        assert read_cached(tmp_path, "t", "k") is None


def test_any_changed_byte_is_caught_even_in_unread_columns(tmp_path):
    path = write_cached(FRAME, tmp_path, "t", "k")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.warns(UserWarning, match="does not match its checksum"):
        assert read_cached(tmp_path, "t", "k", columns=["n"]) is None
    assert not path.exists()


def test_unwritable_directory_raises_cache_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(CacheError, match="cannot write the cache entry"):
        write_cached(FRAME, blocker / "sub", "t", "k")


def test_hashes_are_boundary_aware(tmp_path):
    assert hash_bytes("ab", "c") != hash_bytes("a", "bc")
    p = tmp_path / "f"
    p.write_bytes(b"hello")
    import hashlib

    assert hash_file(p) == hashlib.sha256(b"hello").hexdigest()
    assert os.path.basename(cache_file(tmp_path, "t", "k")).startswith("t-")


def test_keep_latest_prunes_older_entries_of_the_same_kind(tmp_path):
    import time

    for i in range(4):
        write_cached(FRAME, tmp_path, "big", f"k{i}", keep_latest=2)
        time.sleep(0.01)
    write_cached(FRAME, tmp_path, "other", "x")
    assert read_cached(tmp_path, "big", "k3") is not None and read_cached(tmp_path, "big", "k2") is not None
    assert read_cached(tmp_path, "big", "k0") is None and read_cached(tmp_path, "big", "k1") is None
    assert read_cached(tmp_path, "other", "x") is not None
    assert len(list(tmp_path.glob("*.sha256"))) == 3


def test_keep_latest_keeps_the_entries_that_are_read(tmp_path):
    """Least recently used, not first written: a run that reads five entries of a kind every
    time, with four kept, must not evict and rebuild one of them on every run."""
    import time

    for i in range(3):
        write_cached(FRAME, tmp_path, "big", f"k{i}", keep_latest=3)
        time.sleep(0.01)
    assert read_cached(tmp_path, "big", "k0") is not None  # the oldest write, read again
    time.sleep(0.01)
    write_cached(FRAME, tmp_path, "big", "k3", keep_latest=3)
    assert read_cached(tmp_path, "big", "k0") is not None
    assert read_cached(tmp_path, "big", "k1") is None  # the least recently used went
    assert read_cached(tmp_path, "big", "k2") is not None


# -- temporary files left by a killed writer (#14 item 3) -----------------------------------
_WRITER = """
import sys, pandas as pd, pyarrow.parquet as pq
from discourse.corpus import cache
real = pq.write_table
def stalled(table, sink, **kw):  # write part of the file, then wait to be killed
    sink.write(b"PAR1" + bytes(100_000)); sink.flush()
    print("writing", flush=True)
    sys.stdin.read()
pq.write_table = stalled
cache.write_cached(pd.DataFrame({"a": range(1000)}), sys.argv[1], "big", "k")
"""


def _stalled_writer(directory):
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(directory)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(
                                [str(Path(__file__).resolve().parents[1]),
                                 os.environ.get("PYTHONPATH", "")])})
    assert proc.stdout.readline().strip() == "writing"
    return proc


def _age(paths, seconds):
    import time

    for p in paths:
        past = time.time() - seconds
        os.utime(p, (past, past), follow_symlinks=False)


def test_killed_writer_leaves_no_temporary_file_for_ever(tmp_path):
    """kill -9 during a write leaves ``*.parquet*.tmp``; the next write removes it once it
    is stale, and never while its writer lives (it holds a lock on it)."""
    import signal

    from discourse.corpus.cache import STALE_SECONDS, prune_temporary

    proc = _stalled_writer(tmp_path)
    try:
        tmp = list(tmp_path.glob("*.parquet*.tmp"))
        assert len(tmp) == 1 and tmp[0].stat().st_size > 0
        _age(tmp, 2 * STALE_SECONDS)  # old enough: only the lock protects it now
        assert prune_temporary(tmp_path) == []
        write_cached(FRAME, tmp_path, "other", "x")  # a write by another process prunes too
        assert tmp[0].exists(), "a live writer's temporary file was removed"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert tmp[0].exists()  # kill -9: nothing cleaned up after the writer
    write_cached(FRAME, tmp_path, "other", "y")
    assert not tmp[0].exists()
    assert not list(tmp_path.glob("*.tmp*")) and not list(tmp_path.glob(".*"))
    assert read_cached(tmp_path, "other", "x") is not None


def test_fresh_or_foreign_temporary_files_are_kept(tmp_path):
    """Unlocked but recently changed (a writer of an older version, which did not lock) is
    kept; so are files that only look similar. A stale digest left alone goes."""
    from discourse.corpus.cache import STALE_SECONDS, prune_temporary

    fresh = tmp_path / "t-abc.parquetq1w2e3.tmp"
    fresh.write_bytes(b"partial")
    other = tmp_path / "notes.tmp"
    other.write_bytes(b"mine")
    digest = tmp_path / "t-abc.parquetz9.tmp.sha256"
    digest.write_text("0" * 64)
    _age([other, digest], 2 * STALE_SECONDS)
    assert prune_temporary(tmp_path) == [digest]
    assert fresh.exists() and other.exists()
    _age([fresh], STALE_SECONDS + 5)
    assert prune_temporary(tmp_path) == [fresh]
