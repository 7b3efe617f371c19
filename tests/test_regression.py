"""Every measure gives today exactly what it gave before the analysed document (issue #10):
the fixture in ``tests/regression/fixture`` (see its README) against a fresh computation."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "regression"
sys.path.insert(0, str(HERE))

import measures  # noqa: E402


@pytest.fixture(scope="module")
def fresh(ungdc):
    return measures.roundtrip(measures.publishable(measures.compute(measures.documents(ungdc))))


@pytest.fixture(scope="module")
def expected():
    return measures.read(HERE / "fixture")


def test_fixture_covers_every_measure(expected):
    assert {"profile", "devices", "stance_markers", "sentiment_sentences", "mentions", "dtm",
            "tokens", "topic_bow", "emotion", "frames"} <= set(expected)
    assert len(expected["profile"]) == 54


def test_the_same_documents(fresh, expected):
    assert list(fresh["profile"]["doc_id"]) == list(expected["profile"]["doc_id"])


@pytest.mark.parametrize("name", sorted(p.stem for p in (HERE / "fixture").glob("*.csv")))
def test_identical_to_the_fixture(name, fresh, expected):
    measures.assert_identical({name: expected[name]}, {name: fresh[name]})


def test_the_comparison_detects_a_change(expected):
    import pandas as pd

    changed = {k: v.copy() for k, v in expected.items()}
    col = "flesch_reading_ease"
    changed["profile"][col] = changed["profile"][col] + 1e-12
    with pytest.raises(AssertionError):
        measures.assert_identical(expected, changed)
    assert isinstance(changed["profile"], pd.DataFrame)


def test_the_float32_tolerance_still_detects_a_change(expected):
    changed = {k: v.copy() for k, v in expected.items()}
    changed["emotion"]["affect_similarity"] = changed["emotion"]["affect_similarity"] * (1 + 1e-4)
    with pytest.raises(AssertionError):
        measures.assert_identical(expected, changed)
    changed = {k: v.copy() for k, v in expected.items()}
    changed["emotion"]["emotionality_z"] = changed["emotion"]["emotionality_z"] + 0.01
    with pytest.raises(AssertionError):
        measures.assert_identical(expected, changed)
