"""The content-keyed Parquet cache: hits, misses, stale keys, corruption, atomic writes."""
import os

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
