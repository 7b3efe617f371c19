"""`discourse scale` as a subprocess (issue #12): the LBG oracle end to end from text files,
the UN subset with the article placed, and one-line errors (exit 2) for bad reference files."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from .conftest import ROOT
from .test_scaling import FEATURES, REFERENCE, WORDFISH_SE, WORDFISH_THETA, lbg_frame


def run(*args):
    return subprocess.run([sys.executable, "-m", "discourse.cli", "scale", *args], cwd=ROOT,
                          env=dict(os.environ), capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def lbg_folder(tmp_path_factory):
    """The LBG example as six text files: feature ``A`` is the word ``terma``, and so on."""
    folder = tmp_path_factory.mktemp("lbg")
    frame = lbg_frame()
    for doc, row in frame.iterrows():
        words = [f"term{feature.lower()}" for feature in FEATURES for _ in range(row[feature])]
        (folder / f"{doc}.txt").write_text(" ".join(words) + ".\n", encoding="utf-8")
    return folder


def test_scale_wordfish_reproduces_the_oracle_from_text_files(lbg_folder):
    out = run(str(lbg_folder), "--dir", "R1,R5", "--min-doc-share", "0", "--min-count", "1",
              "--format", "csv")
    assert out.returncode == 0, out.stderr
    table = pd.read_csv(io.StringIO(out.stdout))
    assert list(table.columns) == ["doc_id", "theta", "se", "ci_low", "ci_high"]
    np.testing.assert_allclose(table["theta"], WORDFISH_THETA, atol=1e-6)
    np.testing.assert_allclose(table["se"], WORDFISH_SE, atol=1e-5)


def test_scale_wordscores_and_ca_from_text_files(lbg_folder, tmp_path):
    ref = tmp_path / "ref.csv"
    ref.write_text("doc_id,score\n" + "".join(f"{k},{v}\n" for k, v in REFERENCE.items()),
                   encoding="utf-8")
    out = run(str(lbg_folder), "--model", "wordscores", "--reference", str(ref), "--rescaling",
              "mv", "--min-doc-share", "0", "--min-count", "1", "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = {r["doc_id"]: r for r in json.loads(out.stdout)}
    assert rows["V1"]["theta"] == pytest.approx(-0.5099572, abs=1e-6)
    out = run(str(lbg_folder), "--model", "ca", "--dir", "R1,R5", "--min-doc-share", "0",
              "--min-count", "1", "--format", "csv")
    assert out.returncode == 0, out.stderr
    ca = pd.read_csv(io.StringIO(out.stdout)).set_index("doc_id")
    assert ca.loc["R1", "theta"] < ca.loc["R3", "theta"] < ca.loc["R5", "theta"]


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such reference file"),
    ("doc,value\nR1,1\n", "needs the columns doc_id and score (found ['doc', 'value'])"),
    ("doc_id,score\nR1,-1\nR5,high\n", "line 3: score 'high' is not a number"),
    ("doc_id,score\nR1,-1\nR9,1\n", "unknown doc ids ['R9']"),
])
def test_scale_bad_reference_file_is_one_line_exit_2(lbg_folder, tmp_path, content, message):
    ref = tmp_path / "ref.csv"
    if content is not None:
        ref.write_text(content, encoding="utf-8")
    out = run(str(lbg_folder), "--model", "wordscores", "--reference", str(ref),
              "--min-doc-share", "0", "--min-count", "1")
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and str(ref) in lines[0] and message in lines[0], out.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--model", "wordscores"], "needs --reference"),
    (["--reference", "x.csv"], "--reference is used only by --model wordscores"),
    (["--dir", "R1"], "--dir must be LEFT,RIGHT"),
    (["--dir", "R1,nobody"], "'nobody' is neither a doc id"),
    (["--dir", "R1,R1"], "two different documents"),
])
def test_scale_usage_errors(lbg_folder, args, message):
    out = run(str(lbg_folder), "--min-doc-share", "0", "--min-count", "1", *args)
    assert out.returncode == 2 and message in out.stderr, out.stderr


def test_scale_article_alone_cannot_be_scaled():
    out = run("article")
    assert out.returncode == 2
    assert "at least 2 documents" in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_scale_un_subset_places_the_article(ungdc):
    out = run("ungdc:RUS,USA,SYR,TUR,EGY,IRN,SAU,UKR:2024", "--dir", "RUS,USA", "--place",
              "article", "--min-doc-share", "0.3", "--min-count", "5", "--format", "csv")
    assert out.returncode == 0, out.stderr
    table = pd.read_csv(io.StringIO(out.stdout))
    assert table["set"].value_counts().to_dict() == {"fit": 8, "placed": 1}
    fit = table[table["set"] == "fit"].set_index("doc_id")
    assert fit.loc["RUS_79_2024", "theta"] < fit.loc["USA_79_2024", "theta"]
    article = table[table["set"] == "placed"].iloc[0]
    assert article["doc_id"] == "mem-2025-10-syria-balanced-diplomacy"
    assert np.isfinite(article["theta"]) and article["se"] > 0
