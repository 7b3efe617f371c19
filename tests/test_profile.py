"""profile() and percentiles(): one tidy row per document, the same in parallel and serial,
cached by content; the CLI verbs ``profile`` and ``devices``."""
from __future__ import annotations

import io
import json
import re
import warnings
from contextlib import redirect_stderr, redirect_stdout

import numpy as np
import pandas as pd
import pytest

import importlib
from discourse.cli import main
from discourse.compare.metrics import compare_to_reference
from discourse.corpus.documents import Corpus, Document
from discourse.errors import EmptyInputError, InputError
from discourse.compare.percentiles import percentiles
from discourse.rhetoric.profile import KEY_METRICS, PROFILE_COLUMNS, PROFILE_GROUPS, profile
from discourse.rhetoric.structure import stat_structure

profile_module = importlib.import_module("discourse.rhetoric.profile")


def _run(argv):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_profile_of_the_article_is_one_tidy_row(article):
    row = profile(article, progress=False)
    assert len(row) == 1 and row["doc_id"].item() == article.ids[0]
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", c) for c in row.columns)
    assert row.columns.is_unique
    numeric = row.drop(columns="doc_id")
    assert all(pd.api.types.is_numeric_dtype(numeric[c]) for c in numeric.columns)
    assert set(KEY_METRICS) <= set(row.columns)
    assert set(numeric.columns) <= set(PROFILE_GROUPS)
    assert {PROFILE_GROUPS[c] for c in numeric.columns} == {
        "structure", "readability", "diversity", "stance", "devices", "sentiment",
        "quotes", "evaluation"}
    # the size the rates rest on is the structure's token count, and the rates use it
    assert row["n_tokens"].item() == stat_structure(article)["n_tokens"].item() == 948
    assert row["contrast_count"].item() == 5
    assert row["contrast_per_1k"].item() == pytest.approx(5 / 948 * 1000)
    assert row["contrast_instead_count"].item() == 2
    assert row["concession_count"].item() == 9
    assert row["concession_per_1k"].item() == pytest.approx(9 / 948 * 1000)


def test_profile_parallel_equals_serial_and_is_cached(ungdc, tmp_path, monkeypatch):
    monkeypatch.setenv("DISCOURSE_DATA", str(tmp_path))
    docs = ungdc.sample(6, seed=4)
    serial = profile(docs, progress=False, n_jobs=1, use_cache=False)
    monkeypatch.setattr(profile_module, "PARALLEL_MIN_DOCUMENTS", 5)
    monkeypatch.setattr(profile_module, "_CHUNK", 2)
    parallel = profile(docs, progress=False, n_jobs=2)
    pd.testing.assert_frame_equal(serial, parallel)
    cached = list((tmp_path / "cache").glob("profile-*.parquet"))
    assert len(cached) == 1
    again = profile(docs, progress=False, n_jobs=2)
    pd.testing.assert_frame_equal(serial, again, check_dtype=False)
    # a corrupt entry is rebuilt, not trusted
    cached[0].write_bytes(b"not parquet")
    with pytest.warns(UserWarning, match="corrupt cache entry"):
        rebuilt = profile(docs, progress=False, n_jobs=2)
    pd.testing.assert_frame_equal(serial, rebuilt)


@pytest.mark.parametrize("text", ["Word", "NO SENTENCE HAS AN END HERE AT ALL",
                                  "سوريا دولة ذات سيادة وتتبع سياسة متوازنة",
                                  "and peace, " * 4000, "!!! ??? ..."])
def test_profile_bad_input_gives_values_not_warnings(text):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        row = profile(text, progress=False).iloc[0]
    assert row["n_tokens"] >= 0          # the profile says what it rests on
    if row["n_tokens"] < 50:
        assert np.isnan(row["mattr"])    # undefined below one window: NaN, not a number


def test_profile_errors():
    with pytest.raises(EmptyInputError):
        profile(Corpus.from_texts([]))
    with pytest.raises(InputError, match="expects a Corpus"):
        profile(3.5)


def test_percentiles_are_compare_to_reference_with_groups(article):
    art = profile(article, progress=False)
    ref = pd.concat([art.assign(doc_id=f"r{i}", n_tokens=art["n_tokens"] + i) for i in range(5)],
                    ignore_index=True)
    table = percentiles(art, ref, reference_name="toy")
    expected = compare_to_reference(art, ref, reference_name="toy")
    pd.testing.assert_frame_equal(table.drop(columns="group"), expected)
    n_tok = table.set_index("metric").loc["n_tokens"]
    assert n_tok["percentile"] == pytest.approx(10.0)   # ties with r0, below r1..r4: 0.5/5
    assert n_tok["group"] == "structure"
    assert table.set_index("metric").loc["mtld", "group"] == "diversity"


def test_profile_with_emotion_model():
    from discourse.rhetoric.emotion import train_emotion_model

    texts = ["We fear and mourn the tragic suffering and grief."] * 20 + \
            ["We analyse the evidence and consider the data."] * 20
    model = train_emotion_model(Corpus.from_texts(texts), min_count=1, epochs=5,
                                progress=False, use_cache=False)
    row = profile(Document("d", texts[0]), emotion_model=model, progress=False)
    assert {"emotionality", "emotionality_z", "emotion_n_in_vocab"} <= set(row.columns)
    assert PROFILE_GROUPS["emotionality_z"] == "emotion"
    expected = [c for cs in PROFILE_COLUMNS.values() for c in cs]
    assert list(row.columns) == ["doc_id", *expected]


def test_profile_columns_are_a_static_table_known_before_any_profile():
    """The column groups are known in a fresh process before any profile ran (they used to be
    filled at run time), and a profile without an emotion model has exactly the table's
    columns but the emotion ones, in order."""
    import subprocess
    import sys

    code = ("from discourse.rhetoric.profile import PROFILE_GROUPS; "
            "print(len(PROFILE_GROUPS), PROFILE_GROUPS['hedges_per_1k'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(len(PROFILE_GROUPS)), "stance"]
    row = profile(Document("d", "We act. They wait?"), progress=False)
    expected = [c for g, cs in PROFILE_COLUMNS.items() if g != "emotion" for c in cs]
    assert list(row.columns) == ["doc_id", *expected]


# --- command line -------------------------------------------------------------------------

def test_cli_profile_article_json(article):
    code, out, _ = _run(["profile", "article", "--format", "json"])
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 1 and rows[0]["doc_id"] == article.ids[0]
    assert rows[0]["n_tokens"] == 948 and "flesch_reading_ease" in rows[0]


def test_cli_profile_syria_csv(ungdc):
    code, out, _ = _run(["profile", "ungdc:SYR", "--format", "csv", "--metadata"])
    assert code == 0
    table = pd.read_csv(io.StringIO(out))
    syria = ungdc.subset(country="SYR")
    assert len(table) == len(syria) and table["doc_id"].tolist() == syria.ids
    assert {"year", "country", "mtld", "contrast_per_1k", "concession_per_1k"} <= set(table.columns)
    assert table["n_tokens"].gt(0).all()


def test_cli_devices(article):
    code, out, _ = _run(["devices", "article", "--format", "csv"])
    assert code == 0
    table = pd.read_csv(io.StringIO(out))
    assert table["device"].value_counts().to_dict() == {
        "concession": 9, "contrast": 5, "tricolon": 5, "balanced_pair": 2, "anaphora": 1}
    assert table.loc[table["device"] == "contrast", "kind"].value_counts().to_dict() == {
        "antithesis": 2, "instead": 2, "rather_than": 1}
    text = article[0].text
    assert all(text[s:e] == m for s, e, m in zip(table["start"], table["end"], table["match"]))
    code, out, _ = _run(["devices", "article", "--devices", "tricolon"])
    assert code == 0 and "contrast" not in out and "tricolon" in out
    code, _, err = _run(["devices", "article", "--devices", "chiasmus"])
    assert code == 2 and "unknown device(s) chiasmus" in err


def test_cli_profile_bad_file(tmp_path):
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02\xff" * 100)
    code, _, err = _run(["profile", str(bad)])
    assert code == 2 and "binary.txt" in err
