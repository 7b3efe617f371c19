"""Sentences and paragraphs (discourse.rhetoric.structure) and the emotion–reason index
(discourse.rhetoric.emotion): hand-computed cases, bad input, determinism and the cache."""
from __future__ import annotations

import contextlib
import io
import math
import warnings

import numpy as np
import pandas as pd
import pytest

from discourse.corpus.documents import Corpus, Document
from discourse.errors import EmptyInputError, InputError
from discourse.rhetoric.structure import sentence_kind, sentence_table, stat_structure


# --- structure ----------------------------------------------------------------------------

def test_structure_hand_counted():
    text = ("Is this balance? It is! Syria acts with calm and reason.\n\n"
            "A second paragraph has one sentence of nine words.")
    # sentences and word counts by hand: "Is this balance?" 3, "It is!" 2,
    # "Syria acts with calm and reason." 6, "A second paragraph ... words." 9
    row = stat_structure(Corpus.from_texts([text])).iloc[0]
    assert row["n_sentences"] == 4 and row["n_paragraphs"] == 2
    assert row["n_tokens"] == 3 + 2 + 6 + 9
    assert row["sentence_tokens_mean"] == pytest.approx(20 / 4)
    assert row["sentence_tokens_median"] == pytest.approx(4.5)
    assert row["sentence_tokens_max"] == 9
    assert row["sentence_tokens_sd"] == pytest.approx(np.std([3, 2, 6, 9], ddof=1))
    assert row["n_questions"] == 1 and row["n_exclamations"] == 1
    assert row["share_questions"] == pytest.approx(0.25)
    assert row["paragraph_sentences_mean"] == pytest.approx(2.0)
    assert row["paragraph_tokens_mean"] == pytest.approx(20 / 2)
    table = sentence_table(Document("d", text))
    assert table["paragraph"].tolist() == [0, 0, 0, 1]
    assert table["kind"].tolist() == ["question", "exclamation", "statement", "statement"]
    for s, e in zip(table["start"], table["end"]):
        assert text[s:e].strip() == text[s:e] and text[s:e]


@pytest.mark.parametrize("text, kind", [
    ("Who decides?", "question"), ("“Who decides?”", "question"), ("(Really?)", "question"),
    ("Never!", "exclamation"), ("We decide.", "statement"), ("no punctuation", "statement"),
    ("What? No.", "statement"),
])
def test_sentence_kind(text, kind):
    assert sentence_kind(text) == kind


@pytest.mark.parametrize("text", ["", "Word", "NO PUNCTUATION AT ALL IN THIS LINE",
                                  "سوريا دولة ذات سيادة", "and " * 3000])
def test_structure_bad_input_is_documented_not_a_crash(text):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        row = stat_structure(Corpus.from_texts([text]) if text else
                             Corpus.from_documents([Document("empty", "")])).iloc[0]
    if not text:
        assert row["n_sentences"] == 0 and math.isnan(row["sentence_tokens_mean"])
        assert math.isnan(row["share_questions"])
    else:
        assert row["n_sentences"] == 1          # no sentence-final punctuation: one sentence
        assert math.isnan(row["sentence_tokens_sd"])  # undefined for a single sentence


def test_structure_of_the_article(article):
    row = stat_structure(article).iloc[0]
    # the article's body has 36 sentences (counted when the Punkt list was curated) and no
    # question or exclamation
    assert row["n_sentences"] == 36
    assert row["n_questions"] == 0 and row["n_exclamations"] == 0
    assert row["n_paragraphs"] >= 10


def test_structure_rejects_other_types():
    with pytest.raises(InputError, match="expects a Corpus"):
        stat_structure(42)


# --- emotion ------------------------------------------------------------------------------

from discourse.rhetoric.emotion import (emotion_seeds, model_fingerprint, score_emotion,  # noqa: E402
                               seed_coverage, stat_emotion_trend, train_emotion_model)

AFFECT = "We fear and mourn the tragic suffering, the pain, grief and sorrow of our people."
REASON = "We analyse the evidence, consider the data and study the causes and consequences."


def _toy(n=40):
    return Corpus.from_texts([AFFECT] * n + [REASON] * n,
                             ids=[f"a{i}" for i in range(n)] + [f"r{i}" for i in range(n)])


def test_seeds_are_documented_lists_without_the_articles_slogans():
    seeds = emotion_seeds()
    assert set(seeds) == {"affect", "reason"}
    assert len(seeds["affect"]) >= 40 and len(seeds["reason"]) >= 40
    assert not set(seeds["affect"]) & set(seeds["reason"])
    for slogan in ("balanced", "pragmatic", "pragmatism", "rational", "realistic"):
        assert slogan not in seeds["reason"]


def test_emotion_orders_affect_above_reason_and_standardises():
    model = train_emotion_model(_toy(), min_count=1, epochs=30, progress=False, use_cache=False)
    table = score_emotion(model, Corpus.from_texts([AFFECT, REASON], ids=["a", "r"]))
    assert list(table.columns) == ["doc_id", "n_tokens", "n_in_vocab", "affect_similarity",
                                   "reason_similarity", "emotionality", "emotionality_z"]
    a, r = table.set_index("doc_id").loc["a"], table.set_index("doc_id").loc["r"]
    assert a["emotionality"] > r["emotionality"]
    assert a["affect_similarity"] > r["affect_similarity"]
    assert a["reason_similarity"] < r["reason_similarity"]
    # the score is (cos A + 1)/(cos R + 1), and z is standardised by the training corpus
    assert a["emotionality"] == pytest.approx((a["affect_similarity"] + 1) /
                                              (a["reason_similarity"] + 1))
    assert a["emotionality_z"] == pytest.approx(
        (a["emotionality"] - model.reference_mean) / model.reference_sd)
    train = score_emotion(model, _toy())
    assert train["emotionality_z"].mean() == pytest.approx(0, abs=1e-6)
    shown = io.StringIO()  # progress=True shows a bar on stderr and changes no number
    with contextlib.redirect_stderr(shown):
        again = score_emotion(model, _toy(), progress=True)
    assert "reading words" in shown.getvalue() and "100%" in shown.getvalue()
    pd.testing.assert_frame_equal(again, train)
    assert train["emotionality_z"].std(ddof=1) == pytest.approx(1, rel=1e-6)


def test_emotion_training_is_deterministic_and_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("DISCOURSE_DATA", str(tmp_path))
    one = train_emotion_model(_toy(), min_count=1, epochs=5, progress=False, use_cache=False)
    two = train_emotion_model(_toy(), min_count=1, epochs=5, progress=False, use_cache=True)
    assert model_fingerprint(one) == model_fingerprint(two)
    files = list((tmp_path / "cache").glob("word2vec-*.parquet"))
    assert len(files) == 1
    cached = train_emotion_model(_toy(), min_count=1, epochs=5, progress=False)
    assert model_fingerprint(cached) == model_fingerprint(one)
    assert cached.reference_sd == pytest.approx(one.reference_sd)
    # a corrupt cache entry is not trusted: warned about, removed, retrained
    files[0].write_bytes(files[0].read_bytes()[:-40] + b"\0" * 40)
    with pytest.warns(UserWarning, match="corrupt cache entry"):
        again = train_emotion_model(_toy(), min_count=1, epochs=5, progress=False)
    assert model_fingerprint(again) == model_fingerprint(one)


def test_emotion_edge_cases():
    model = train_emotion_model(_toy(), min_count=1, epochs=5, progress=False, use_cache=False)
    table = score_emotion(model, Corpus.from_texts(["", "Zzyzx qwerty."], ids=["e", "u"]))
    assert table["n_in_vocab"].tolist() == [0, 0]
    assert table["emotionality"].isna().all()
    cov = seed_coverage(model)
    assert set(cov.columns) == {"category", "word", "in_vocab", "count"}
    assert cov.loc[cov["word"] == "fear", "in_vocab"].item()
    assert not cov.loc[cov["word"] == "logic", "in_vocab"].item()
    with pytest.raises(EmptyInputError, match="seed words"):
        train_emotion_model(Corpus.from_texts(["Blue green red."] * 5), min_count=1,
                            progress=False, use_cache=False)
    with pytest.raises(InputError, match="min_count"):
        train_emotion_model(_toy(), min_count=0, progress=False, use_cache=False)
    with pytest.raises(EmptyInputError):
        train_emotion_model(Corpus.from_texts([]), progress=False)
    with pytest.raises(InputError, match="EmotionModel"):
        score_emotion("model", _toy())


def test_emotion_trend_hand_computed():
    scores = pd.DataFrame({"doc_id": list("abcd"), "emotionality_z": [1.0, 3.0, -1.0, np.nan]})
    meta = pd.DataFrame({"doc_id": list("abcd"), "year": [2000, 2000, 2001, 2001]})
    t = stat_emotion_trend(scores, meta).set_index("year")
    assert t.loc[2000, "mean_z"] == 2.0 and t.loc[2000, "n_documents"] == 2
    half = 1.96 * np.std([1.0, 3.0], ddof=1) / math.sqrt(2)
    assert t.loc[2000, "ci_low"] == pytest.approx(2.0 - half)
    assert t.loc[2001, "n_documents"] == 1 and math.isnan(t.loc[2001, "ci_low"])
