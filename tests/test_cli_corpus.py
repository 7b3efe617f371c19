"""`discourse corpus SOURCE` and the CLI's error handling, run as a real subprocess."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args, cwd=ROOT):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "discourse.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def test_corpus_folder_reports_the_article():
    out = run("corpus", "corpus/", "--format", "json")
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["documents"] == 1 and summary["per_outlet"] == {"Middle East Monitor": 1}
    assert 900 < summary["tokens"] < 1100  # "about 1,000 words", headings left out
    table = run("corpus", "corpus/")
    assert "documents  1" in table.stdout


def test_corpus_ungdc_whole(ungdc):  # the fixture warms the cache
    out = run("corpus", "ungdc", "--format", "json")
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["documents"] == 10_952
    assert (summary["year_min"], summary["year_max"]) == (1946, 2024)
    assert summary["per_country"]["SYR"] == 74
    assert sum(summary["per_country"].values()) == 10_952


def test_corpus_ungdc_filtered(ungdc):
    out = run("corpus", "ungdc:SYR:2000-2024", "--format", "json")
    summary = json.loads(out.stdout)
    assert summary["per_country"] == {"SYR": 25}
    assert (summary["year_min"], summary["year_max"]) == (2000, 2024)
    csv = run("corpus", "ungdc:*:2024", "--format", "csv")
    lines = csv.stdout.strip().splitlines()
    expected = ungdc.subset(year=2024).meta["country"].value_counts()
    assert lines[0] == "country,documents" and len(lines) == 1 + len(expected)
    assert "SYR,1" in lines and "EU,1" in lines


@pytest.mark.parametrize("args, message", [
    (["corpus", "no/such/path"], "no/such/path: no such file or folder"),
    (["corpus", "ungdc:XYZ"], "unknown country code or name 'XYZ'"),
    (["corpus", "ungdc:SYR:2024-2000"], "runs backwards"),
    (["corpus", "ungdc:SYR:20x4"], "must be YYYY or YYYY-YYYY"),
])
def test_bad_sources_exit_nonzero_with_one_line(args, message):
    out = run(*args)
    assert out.returncode == 2
    assert message in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_bad_files_exit_nonzero(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9".encode("cp1252"))
    for path, message in ((empty, "file is empty"), (binary, "binary"), (latin, "not valid UTF-8")):
        out = run("corpus", str(path))
        assert out.returncode == 2 and str(path) in out.stderr and message in out.stderr
    ok = run("corpus", str(latin), "--encoding", "cp1252", "--format", "json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["tokens"] == 1


def test_data_verb_without_corpus_and_without_download(tmp_path):
    env = dict(os.environ, DISCOURSE_DATA=str(tmp_path / "d"))
    env.pop("DISCOURSE_UNGDC", None)
    out = subprocess.run([sys.executable, "-m", "discourse.cli", "data", "--no-download"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert "was not found: set DISCOURSE_UNGDC" in out.stderr


def test_data_verb_reports_the_corpus(ungdc):
    out = run("data", "--no-download")
    assert out.returncode == 0, out.stderr
    assert "10,952 speeches, 1946–2024" in out.stdout
