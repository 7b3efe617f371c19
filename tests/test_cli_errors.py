"""Errors a user saw as tracebacks or not at all (#14 item 9), and terminal tables that fit
the terminal's width (item 17). The CLI runs as a real subprocess, as a user runs it."""
from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from discourse.corpus.readers import read_file, read_folder
from discourse.corpus.sources import load_source, parse_ungdc_spec
from discourse.errors import InputError

ROOT = Path(__file__).resolve().parents[1]


def run(*args, columns=None, env=None):
    environ = dict(os.environ, PYTHONIOENCODING="utf-8", **(env or {}))
    environ.pop("COLUMNS", None)
    if columns is not None:
        environ["COLUMNS"] = str(columns)
    return subprocess.run([sys.executable, "-m", "discourse.cli", *args], cwd=ROOT,
                          env=environ, capture_output=True, text=True, timeout=600)


def one_line_error(out, *needles):
    assert out.returncode == 2, (out.returncode, out.stdout[-500:], out.stderr[-2000:])
    assert "Traceback" not in out.stderr
    last = out.stderr.strip().splitlines()[-1]
    for needle in needles:
        assert needle in last, last
    return last


# -- item 9: the listed cases ----------------------------------------------------------------
@pytest.mark.parametrize("args, option", [
    (["figures", "--seed", "-1", "--out", "never"], "--seed"),
    (["actors", "article", "--balance", "--seed", "-1"], "--seed"),
    (["keyness", "article", "--reference", "article", "--top", "-3"], "--top"),
    (["keyness", "article", "--reference", "article", "--top", "zero"], "--top"),
    (["topics", "article", "--k", "1"], "--k"),
    (["topics", "article", "--passes", "0"], "--passes"),
    (["figures", "--sample", "0", "--out", "never"], "--sample"),
    (["actors", "article", "--n-boot", "-5"], "--n-boot"),
])
def test_bad_numbers_name_the_option(args, option):
    one_line_error(run(*args), f"argument {option}: must be a whole number")
    assert not (ROOT / "never").exists()


def test_report_seed_names_the_parameter():
    out = subprocess.run([sys.executable, "-m", "discourse.paper.report", "--seed", "-1",
                          "--build", "never", "--figures", "never"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    one_line_error(out, "argument --seed: must be a whole number from 0 to", "a random seed")


def test_unreadable_file_is_a_clean_error(tmp_path, monkeypatch):
    # a Unix socket named like a text file: even root cannot open(2) it for reading
    path = tmp_path / "speech.txt"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    try:
        with pytest.raises(InputError, match=r"speech.txt: cannot be read \(No such device"):
            read_file(path)
        one_line_error(run("profile", str(path)), "speech.txt: cannot be read")
    finally:
        sock.close()
    # permissions (simulated: the tests run as root, whom chmod does not stop)
    locked = tmp_path / "locked.txt"
    locked.write_text("Text.")

    def denied(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(InputError, match=r"locked.txt: cannot be read \(Permission denied\)"):
        read_file(locked)


def test_unlistable_folder_is_named(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("One text.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Another.")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p).endswith("sub")
                        else real(p, mode))
    with pytest.raises(InputError, match=r"sub: folder cannot be read"):
        read_folder(tmp_path)
    assert read_folder(tmp_path, recursive=False).ids == ["a"]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_read(tmp_path, codec):
    text = "Syria’s balanced diplomacy: cooperation, not confrontation.\n"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + text.encode(codec))
    assert read_file(path).text == text.strip() or read_file(path).text == text
    out = run("corpus", str(path), "--format", "json")
    assert out.returncode == 0, out.stderr
    # without a BOM, UTF-16 is still refused (as binary), and says so
    path.write_bytes(text.encode("utf-16-le"))
    with pytest.raises(InputError, match="binary"):
        read_file(path)


def test_empty_country_names_in_a_ungdc_source_are_refused():
    for spec in ("ungdc:,,,:2024", "ungdc:SYR,:2024", "ungdc: , "):
        with pytest.raises(InputError, match="empty name"):
            parse_ungdc_spec(spec)
    assert parse_ungdc_spec("ungdc:*:2024") == (None, (2024, 2024))
    assert parse_ungdc_spec("ungdc::2024") == (None, (2024, 2024))
    one_line_error(run("corpus", "ungdc:,,,:2024"), "empty name")


def test_load_source_still_reads_the_article():
    assert load_source("article").ids == ["mem-2025-10-syria-balanced-diplomacy"]


# -- item 17: tables fit the terminal -----------------------------------------------------------
def widest(text):
    return max(len(line) for line in text.splitlines())


@pytest.mark.parametrize("args", [["devices", "article"],
                                  ["keywords", "article", "--dictionary", "frames", "--by", "none"],
                                  ["figures", "--list"]])
def test_tables_fit_the_terminal_and_wide_shows_all(args):
    narrow = run(*args, columns=80)
    assert narrow.returncode == 0, narrow.stderr
    assert widest(narrow.stdout) <= 80
    wide = run(*args, "--wide", columns=80)
    assert wide.returncode == 0, wide.stderr
    assert widest(wide.stdout) > 80  # the cells the narrow table cut
    if args[0] != "keywords":  # its table is numbers: wrapped, not cut
        assert "…" in narrow.stdout and "…" not in wide.stdout
    assert len(narrow.stdout.splitlines()) >= len(wide.stdout.splitlines())


def test_not_a_terminal_means_100_columns_and_csv_is_never_cut():
    out = run("devices", "article")
    assert widest(out.stdout) <= 100
    csv = run("devices", "article", "--format", "csv", columns=40)
    table = pd.read_csv(io.StringIO(csv.stdout))
    assert not table["match"].str.contains("…").any()
    assert table["context"].str.len().max() > 100


def test_reader_options_on_a_named_source_are_refused_not_a_traceback():
    """Found by tools/probe_inputs.py: corpus article --encoding x was a TypeError."""
    with pytest.raises(InputError, match="option.s. encoding do not apply"):
        load_source("article", encoding="latin-1")
    one_line_error(run("corpus", "lee", "--encoding", "latin-1"), "do not apply")
