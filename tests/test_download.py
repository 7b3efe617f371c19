"""Tests of discourse.corpus.download against a real local HTTP server that mimics Dataverse.

All traffic goes to 127.0.0.1; no test sleeps (backoff=0) and every request loop is bounded.
"""
from __future__ import annotations

import doctest
import hashlib
import http.server
import json
import os
import re
import socket
import struct
import threading
import time
from pathlib import Path

import pytest

from discourse.corpus import download as dl
from discourse.corpus.download import (DOI, RemoteFile, download_file, download_ungdc, find_ungdc_files,
                                newest_ungdc_archive)
from discourse.errors import DownloadError, InputError, ResourceError

ARCHIVE_ID, OLD_ARCHIVE_ID, SPEAKERS_ID = 101, 102, 103
ARCHIVE = bytes((i * 31 + i // 251) % 256 for i in range(300_000))
OLD_ARCHIVE = bytes((i * 7) % 256 for i in range(120_000))
SPEAKERS = b"PK\x03\x04 fake xlsx " * 2_000
FAST = dict(progress=False, timeout=5, backoff=0)


class FakeDataverse:
    """State of the fake server: what it serves and how it misbehaves."""

    def __init__(self):
        self.bodies = {ARCHIVE_ID: ARCHIVE, OLD_ARCHIVE_ID: OLD_ARCHIVE, SPEAKERS_ID: SPEAKERS}
        self.files = [
            self.entry("Speakers_by_session.xlsx", SPEAKERS_ID, SPEAKERS, "MD5"),
            self.entry("UNGDC_1946-2023.tgz", OLD_ARCHIVE_ID, OLD_ARCHIVE, "MD5"),
            self.entry("UNGDC_1946-2024.tgz", ARCHIVE_ID, ARCHIVE, "MD5"),
        ]
        self.listing_status = 200
        self.drops: dict[int, int] = {}      # file id -> how many more requests to cut short
        self.ranges = True                   # honour Range requests
        self.drop_mode = "close"             # "close" (FIN), "reset" (RST) or "stall"
        self.requests: list[tuple[str, dict]] = []
        self.lock = threading.Lock()

    @staticmethod
    def entry(label, file_id, body, ctype, *, checksum=None, size=None, legacy=False):
        algo = {"MD5": "md5", "SHA-1": "sha1", "SHA-256": "sha256"}[ctype]
        value = checksum or hashlib.new(algo, body).hexdigest()
        df = {"id": file_id, "filename": label, "contentType": "application/octet-stream",
              "filesize": len(body) if size is None else size}
        if legacy:
            df["md5"] = value
        else:
            df["checksum"] = {"type": ctype, "value": value}
            if ctype == "MD5":
                df["md5"] = value
        return {"label": label, "restricted": False, "version": 1, "dataFile": df}

    def listing(self):
        return {"status": "OK", "data": {"id": 1, "identifier": "DVN/0TJX8Y", "latestVersion": {
            "versionNumber": 13, "versionMinorNumber": 0, "versionState": "RELEASED",
            "files": self.files}}}

    def count(self, prefix):
        return sum(1 for path, _ in self.requests if path.startswith(prefix))


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass

    def do_GET(self):
        state: FakeDataverse = self.server.state
        with state.lock:
            state.requests.append((self.path, dict(self.headers)))
        if self.path.startswith("/api/datasets/:persistentId/"):
            return self.listing(state)
        m = re.fullmatch(r"/api/access/datafile/(\d+)", self.path)
        if m and int(m.group(1)) in state.bodies:
            return self.datafile(state, int(m.group(1)))
        self.send_error(404, "Not Found")

    def listing(self, state):
        query = self.path.split("?", 1)[1] if "?" in self.path else ""
        if query != f"persistentId={DOI}" or state.listing_status != 200:
            code = 404 if query != f"persistentId={DOI}" else state.listing_status
            body = json.dumps({"status": "ERROR", "message": "nope"}).encode()
            self.send_response(code)
        else:
            body = json.dumps(state.listing()).encode()
            self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def datafile(self, state, file_id):
        body = state.bodies[file_id]
        start = 0
        m = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", ""))
        if m and state.ranges:
            start = int(m.group(1))
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        else:
            self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body) - start))
        self.end_headers()
        with state.lock:
            drop = state.drops.get(file_id, 0) > 0
            if drop:
                state.drops[file_id] -= 1
        if drop:  # promise the whole body, send part of it, then hang up (or go silent)
            self.wfile.write(body[start:start + (len(body) - start) // 3])
            self.wfile.flush()
            if state.drop_mode == "stall":
                time.sleep(0.6)  # longer than the client's time-out in that test
            elif state.drop_mode == "reset":
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                           struct.pack("ii", 1, 0))
            else:
                self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        self.wfile.write(body[start:])


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.state = FakeDataverse()
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def _no_real_server(monkeypatch, tmp_path):
    # Never fall back to the real Dataverse or the user's data directory.
    monkeypatch.setenv(dl.SERVER_ENV, "http://127.0.0.1:9")
    monkeypatch.setenv("DISCOURSE_DATA", str(tmp_path / "data_home"))


def remote(srv, label="UNGDC_1946-2024.tgz"):
    return next(f for f in find_ungdc_files(server=srv.url, timeout=5) if f.label == label)


def leftovers(folder: Path):
    return sorted(p.name for p in folder.iterdir() if ".part-" in p.name)


# ---------------------------------------------------------------------------------- listing


def test_listing_parsed(server):
    files = find_ungdc_files(server=server.url, timeout=5)
    assert [f.label for f in files] == ["Speakers_by_session.xlsx", "UNGDC_1946-2023.tgz",
                                        "UNGDC_1946-2024.tgz"]
    f = files[2]
    assert f == RemoteFile("UNGDC_1946-2024.tgz", ARCHIVE_ID, len(ARCHIVE), "MD5",
                           hashlib.md5(ARCHIVE).hexdigest(),
                           f"{server.url}/api/access/datafile/{ARCHIVE_ID}")
    path, headers = server.state.requests[0]
    assert path == f"/api/datasets/:persistentId/?persistentId={DOI}"


def test_server_from_environment(server, monkeypatch):
    monkeypatch.setenv(dl.SERVER_ENV, server.url + "/")
    assert len(find_ungdc_files(timeout=5)) == 3


def test_legacy_md5_field_and_tabular_original(server):
    xlsx = server.state.files[0]
    xlsx["dataFile"].pop("checksum")
    xlsx["label"] = "Speakers_by_session.tab"
    xlsx["dataFile"].update(filename="Speakers_by_session.tab", filesize=999,
                            originalFileFormat="application/vnd.openxmlformats-officedocument"
                                               ".spreadsheetml.sheet",
                            originalFileSize=len(SPEAKERS),
                            originalFileName="Speakers_by_session.xlsx")
    f = find_ungdc_files(server=server.url, timeout=5)[0]
    assert (f.label, f.size, f.checksum_type) == ("Speakers_by_session.xlsx", len(SPEAKERS), "MD5")
    assert f.checksum == hashlib.md5(SPEAKERS).hexdigest()
    assert f.url.endswith(f"/api/access/datafile/{SPEAKERS_ID}?format=original")


@pytest.mark.parametrize("status", [404, 500])
def test_listing_http_error_names_url(server, status):
    server.state.listing_status = status
    with pytest.raises(DownloadError) as info:
        find_ungdc_files(server=server.url, timeout=5, retries=2, backoff=0)
    msg = str(info.value)
    assert msg.startswith(f"{server.url}/api/datasets/:persistentId/?persistentId={DOI}: ")
    assert f"HTTP error {status}" in msg
    # 404 is final; 500 may be transient and is retried a bounded number of times
    assert server.state.count("/api/datasets/") == (1 if status == 404 else 3)


def test_unreachable_server():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(DownloadError, match=r"^http://127\.0\.0\.1:\d+/api/datasets/.*cannot "
                                            r"connect"):
        find_ungdc_files(server=f"http://127.0.0.1:{port}", timeout=5, retries=1, backoff=0)


def test_bad_server_url():
    with pytest.raises(InputError, match="'server' parameter"):
        find_ungdc_files(server="file:///etc")


def test_no_archive_in_listing(server):
    server.state.files = [f for f in server.state.files if not f["label"].endswith(".tgz")]
    files = find_ungdc_files(server=server.url, timeout=5)
    with pytest.raises(ResourceError, match="No UNGDC_\\*.tgz archive.*Speakers_by_session"):
        newest_ungdc_archive(files)
    with pytest.raises(ResourceError):
        download_ungdc(server=server.url, **FAST)
    assert server.state.count("/api/access/") == 0


def test_newest_archive_picked():
    def rf(label, i):
        return RemoteFile(label, i, None, None, None, f"http://127.0.0.1/{i}")
    files = [rf("UNGDC_1946-2019.tgz", 1), rf("UNGDC_1946-2024.tgz", 2),
             rf("UNGDC_1970-2024.tgz", 3), rf("UNGDC_latest.tgz", 4), rf("UNGDC_1946-2030.zip", 5),
             rf("Speakers_by_session.xlsx", 6), rf("UNGDC_1946-2022.tgz", 7)]
    assert newest_ungdc_archive(files).file_id == 2
    assert newest_ungdc_archive(files[3:4]).file_id == 4
    assert newest_ungdc_archive(reversed(files)).file_id == 2


# ---------------------------------------------------------------------------------- downloads


def test_download_ungdc_success(server, tmp_path):
    dest = tmp_path / "ungdc"
    path = download_ungdc(dest, server=server.url, **FAST)
    assert path == dest / "UNGDC_1946-2024.tgz"
    assert path.read_bytes() == ARCHIVE
    assert (dest / "Speakers_by_session.xlsx").read_bytes() == SPEAKERS
    assert not (dest / "UNGDC_1946-2023.tgz").exists()  # only the newest
    assert leftovers(dest) == []
    assert server.state.count(f"/api/access/datafile/{ARCHIVE_ID}") == 1
    assert server.state.count(f"/api/access/datafile/{OLD_ARCHIVE_ID}") == 0


def test_download_without_speakers_and_default_dest(server, tmp_path):
    path = download_ungdc(server=server.url, with_speakers=False, **FAST)
    assert path == tmp_path / "data_home" / "ungdc" / "UNGDC_1946-2024.tgz"
    assert path.read_bytes() == ARCHIVE
    assert server.state.count(f"/api/access/datafile/{SPEAKERS_ID}") == 0


@pytest.mark.parametrize("ctype", ["MD5", "SHA-1", "SHA-256"])
def test_checksum_types_verified(server, tmp_path, ctype):
    server.state.files[2] = FakeDataverse.entry("UNGDC_1946-2024.tgz", ARCHIVE_ID, ARCHIVE, ctype)
    r = remote(server)
    assert r.checksum_type == ctype
    path = download_file(r, tmp_path, **FAST)
    assert path.read_bytes() == ARCHIVE
    # and the same type with a wrong value is caught
    server.state.files[2] = FakeDataverse.entry("UNGDC_1946-2024.tgz", ARCHIVE_ID, ARCHIVE, ctype,
                                                checksum="0" * 64)
    with pytest.raises(DownloadError, match=f"{ctype} checksum mismatch"):
        download_file(remote(server), tmp_path / "other", **FAST)
    assert not (tmp_path / "other" / "UNGDC_1946-2024.tgz").exists()
    assert leftovers(tmp_path / "other") == []


def test_wrong_checksum(server, tmp_path):
    server.state.files[2] = FakeDataverse.entry("UNGDC_1946-2024.tgz", ARCHIVE_ID, ARCHIVE, "MD5",
                                                checksum="f" * 32)
    r = remote(server)
    with pytest.raises(DownloadError) as info:
        download_file(r, tmp_path, **FAST)
    assert str(info.value).startswith(f"{r.url}: MD5 checksum mismatch")
    assert "(" in str(info.value) and str(info.value).endswith(")")
    assert list(tmp_path.iterdir()) == []
    assert server.state.count("/api/access/") == 1  # a mismatch is not retried


def test_wrong_size(server, tmp_path):
    server.state.files[2] = FakeDataverse.entry("UNGDC_1946-2024.tgz", ARCHIVE_ID, ARCHIVE, "MD5",
                                                size=len(ARCHIVE) + 10)
    with pytest.raises(DownloadError, match="announces 300000 bytes, the listing says 300010"):
        download_file(remote(server), tmp_path, **FAST)
    assert list(tmp_path.iterdir()) == []


def test_size_only_listing(server, tmp_path):
    r = remote(server)
    r = RemoteFile(r.label, r.file_id, r.size, None, None, r.url)
    assert download_file(r, tmp_path, **FAST).read_bytes() == ARCHIVE


@pytest.mark.parametrize("mode", ["close", "reset"])
def test_dropped_connection_resumes(server, tmp_path, mode):
    server.state.drop_mode = mode
    server.state.drops[ARCHIVE_ID] = 2
    path = download_file(remote(server), tmp_path, retries=3, **FAST)
    assert path.read_bytes() == ARCHIVE
    assert leftovers(tmp_path) == []
    reqs = [h for p, h in server.state.requests if p.startswith("/api/access/")]
    assert len(reqs) == 3
    assert "Range" not in reqs[0]
    if mode == "close":  # (after a RST the kernel may discard bytes not yet read)
        assert reqs[1]["Range"] == f"bytes={len(ARCHIVE) // 3}-"  # resumed, not restarted


def test_dropped_connection_restarts_without_range_support(server, tmp_path):
    server.state.ranges = False
    server.state.drops[ARCHIVE_ID] = 1
    path = download_file(remote(server), tmp_path, retries=1, **FAST)
    assert path.read_bytes() == ARCHIVE
    assert leftovers(tmp_path) == []
    assert server.state.count("/api/access/") == 2


def test_stalled_connection_times_out_and_resumes(server, tmp_path):
    server.state.drop_mode = "stall"
    server.state.drops[ARCHIVE_ID] = 1
    path = download_file(remote(server), tmp_path, retries=1, progress=False, timeout=0.2,
                         backoff=0)
    assert path.read_bytes() == ARCHIVE
    assert leftovers(tmp_path) == []
    assert server.state.count("/api/access/") == 2


def test_connection_always_drops(server, tmp_path):
    server.state.drops[ARCHIVE_ID] = 100
    r = remote(server)
    with pytest.raises(DownloadError) as info:
        download_file(r, tmp_path, retries=2, **FAST)
    msg = str(info.value)
    assert msg.startswith(f"{r.url}: connection dropped after ")
    assert "gave up after 3 attempts" in msg
    assert server.state.count("/api/access/") == 3  # bounded
    assert not (tmp_path / r.label).exists()
    assert leftovers(tmp_path) == []


def test_http_error_on_datafile(server, tmp_path):
    r = remote(server)
    missing = RemoteFile(r.label, 999, r.size, r.checksum_type, r.checksum,
                         f"{server.url}/api/access/datafile/999")
    with pytest.raises(DownloadError, match=r"/api/access/datafile/999: HTTP error 404"):
        download_file(missing, tmp_path, retries=3, **FAST)
    assert server.state.count("/api/access/datafile/999") == 1  # 404 is not retried
    assert list(tmp_path.iterdir()) == []


def test_existing_correct_file_not_downloaded_again(server, tmp_path):
    dest = tmp_path / "ungdc"
    download_ungdc(dest, server=server.url, **FAST)
    before = (dest / "UNGDC_1946-2024.tgz").stat().st_mtime_ns
    n = server.state.count("/api/access/")
    path = download_ungdc(dest, server=server.url, **FAST)
    assert server.state.count("/api/access/") == n  # only the listing was fetched again
    assert path.stat().st_mtime_ns == before


def test_existing_wrong_file_replaced_after_verification(server, tmp_path):
    stale = tmp_path / "UNGDC_1946-2024.tgz"
    stale.write_bytes(b"old, truncated download")
    assert download_file(remote(server), tmp_path, **FAST).read_bytes() == ARCHIVE
    assert server.state.count("/api/access/") == 1


def test_existing_wrong_file_untouched_when_download_fails(server, tmp_path):
    stale = tmp_path / "UNGDC_1946-2024.tgz"
    stale.write_bytes(b"something else")
    server.state.drops[ARCHIVE_ID] = 100
    with pytest.raises(DownloadError):
        download_file(remote(server), tmp_path, retries=1, **FAST)
    assert stale.read_bytes() == b"something else"
    assert leftovers(tmp_path) == []
    # and the same with a checksum failure
    server.state.drops[ARCHIVE_ID] = 0
    server.state.files[2] = FakeDataverse.entry("UNGDC_1946-2024.tgz", ARCHIVE_ID, ARCHIVE, "MD5",
                                                checksum="a" * 32)
    with pytest.raises(DownloadError, match="checksum mismatch"):
        download_file(remote(server), tmp_path, **FAST)
    assert stale.read_bytes() == b"something else"
    assert leftovers(tmp_path) == []


def test_speakers_failure_only_warns(server, tmp_path):
    server.state.drops[SPEAKERS_ID] = 100
    with pytest.warns(RuntimeWarning, match="Speakers|datafile/103"):
        path = download_ungdc(tmp_path, server=server.url, retries=0, progress=False, timeout=5,
                              backoff=0)
    assert path.read_bytes() == ARCHIVE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["UNGDC_1946-2024.tgz"]


def test_stale_part_files_cleaned(server, tmp_path):
    old = tmp_path / "UNGDC_1946-2024.tgz.part-deadbeef0000"
    fresh = tmp_path / "UNGDC_1946-2024.tgz.part-cafebabe0000"
    old.write_bytes(b"x")
    fresh.write_bytes(b"y")
    two_days_ago = time.time() - 2 * 86400
    os.utime(old, (two_days_ago, two_days_ago))
    download_file(remote(server), tmp_path, **FAST)
    assert not old.exists()
    assert fresh.exists()  # may belong to a download running right now


def test_unsafe_label_refused(server, tmp_path):
    r = remote(server)
    evil = RemoteFile("../evil.tgz", r.file_id, r.size, r.checksum_type, r.checksum, r.url)
    with pytest.raises(DownloadError, match="unsafe file name"):
        download_file(evil, tmp_path / "d", **FAST)
    assert not (tmp_path / "evil.tgz").exists()
    assert server.state.count("/api/access/") == 0


def test_progress_bar_goes_to_stderr(server, tmp_path, capsys):
    download_file(remote(server), tmp_path, progress=True, timeout=5, backoff=0)
    out, err = capsys.readouterr()
    assert out == ""


def test_doctests_do_not_touch_network():
    result = doctest.testmod(dl, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_stale_parts_removed_but_never_a_live_download(tmp_path):
    """A part file older than a day is removed, unless a running download holds its lock."""
    dest = tmp_path / "UNGDC_1946-2024.tgz"
    part, out = dl._open_part(dest)
    out.write(b"half")
    out.flush()
    old = time.time() - 2 * dl._STALE_PART_SECONDS
    os.utime(part, (old, old))
    dl._remove_stale_parts(dest)
    assert part.exists()  # locked by `out`: alive
    out.close()
    dl._remove_stale_parts(dest)
    assert not part.exists()
