"""Topic models (issue 5): preparation, fitting, tables, choosing k, placement, safe storage,
bad input, figures and the CLI. Models are small (Syria's UN statements, k <= 5) to keep the
file fast."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from scipy.spatial.distance import jensenshannon

from discourse.corpus.documents import Corpus
from discourse.errors import EmptyInputError, InputError
from discourse.topics import (COHERENCE_COLUMNS, DOC_TOPIC_COLUMNS, NEAREST_COLUMNS,
                              PREVALENCE_COLUMNS, STABILITY_COLUMNS, TOP_TERM_COLUMNS,
                              TOPIC_MAP_COLUMNS, TOPIC_MIX_COLUMNS, TopicModel, fit_topics,
                              load_topic_model, match_topics, merge_phrases, mix_distance,
                              nearest_documents, prepare_topics, procedural_words,
                              stat_coherence, stat_stability, stat_topic_map, stat_topic_mix,
                              topic_prevalence)
from discourse.topics import model as topic_model_module

from .conftest import ROOT

FIT = {"passes": 4, "iterations": 50}

TOY = ["Golan occupation Israel Golan occupied", "Israel occupation Golan settlements",
       "refugees return reconstruction Syria", "reconstruction refugees sanctions return",
       "terrorism security Daesh terrorism", "security terrorism Daesh fighters",
       "Golan Israel occupied settlements", "refugees reconstruction return sanctions"]


@pytest.fixture(scope="module")
def syria(ungdc):
    return ungdc.subset(country="SYR")


@pytest.fixture(scope="module")
def prepared(syria):
    return prepare_topics(syria)


@pytest.fixture(scope="module")
def lda(prepared):
    return fit_topics(prepared, 4, seed=0, **FIT)


# -- preparation --------------------------------------------------------------------------
def test_procedural_words_removed_and_listed(prepared):
    words, globs = procedural_words()
    assert {"assembly", "mr_president", "delegation", "congratulate"} <= words
    assert not ({"sovereignty", "peace", "terrorism", "golan"} & words)
    terms = set(prepared.terms)
    assert not (terms & words)
    assert not any(globs.fullmatch(t) for t in terms)
    assert "golan" in terms and any("_" in t for t in terms)  # phrases were joined


def test_merge_phrases_matches_gensim():
    from gensim.models.phrases import Phrases

    sents = [["occupied", "golan", "heights", "israel"], ["golan", "heights", "syria"],
             ["security", "council", "golan", "heights"], ["security", "council", "resolution"]] * 5
    frozen = Phrases(sents, min_count=2, threshold=0.1, delimiter="_").freeze()
    phrases = frozenset(frozen.phrasegrams)
    assert phrases
    for s in sents[:4]:
        assert merge_phrases(s, phrases) == frozen[s]


def test_preparation_cached_by_content(syria, monkeypatch, tmp_path):
    import discourse.text.tokens

    monkeypatch.setenv("DISCOURSE_DATA", str(tmp_path))
    monkeypatch.setattr(discourse.text.tokens, "CACHE_MIN_DOCUMENTS", 10)
    first = prepare_topics(syria)
    assert list(tmp_path.rglob("topicdocs-*.parquet"))
    assert not list(tmp_path.rglob("*.pkl")) and not list(tmp_path.rglob("*.pickle"))
    second = prepare_topics(syria)
    assert second.terms == first.terms and second.phrases == first.phrases
    assert all(np.array_equal(a, b) for a, b in zip(first.docs, second.docs))
    other = prepare_topics(syria, min_df=10)
    assert len(other.dictionary) < len(first.dictionary)


# -- determinism and tables ---------------------------------------------------------------
def test_same_seed_same_topics_twice(prepared):
    topic_model_module._FITTED.clear()  # no memoised model: really fit twice
    a = fit_topics(prepared, 4, seed=3, **FIT)
    topic_model_module._FITTED.clear()
    b = fit_topics(prepared, 4, seed=3, **FIT)
    assert a is not b
    pd.testing.assert_frame_equal(a.top_terms(10), b.top_terms(10))
    np.testing.assert_array_equal(a.theta, b.theta)
    c = fit_topics(prepared, 4, seed=4, **FIT)
    assert not c.top_terms(10)["term"].equals(a.top_terms(10)["term"])


def test_tables_columns_and_ranges(lda, syria):
    top = lda.top_terms(7)
    assert list(top.columns) == TOP_TERM_COLUMNS
    assert len(top) == 4 * 7 and set(top["topic"]) == {0, 1, 2, 3}
    assert (top.groupby("topic")["relevance"].apply(lambda s: s.is_monotonic_decreasing)).all()
    docs = lda.doc_topics()
    assert list(docs.columns) == ["doc_id", *syria.meta_columns, *DOC_TOPIC_COLUMNS[1:]]
    sums = docs.groupby("doc_id")["proportion"].sum()
    np.testing.assert_allclose(sums, 1.0, atol=1e-9)
    wide = lda.doc_topics(wide=True)
    assert len(wide) == len(syria)
    assert [c for c in wide.columns if c.startswith("topic_")] == [f"topic_{t}" for t in range(4)]
    assert lda.deterministic and lda.labels[0] == top["label"].iloc[0]


def test_relevance_formula_by_hand():
    from gensim.corpora import Dictionary

    class Fixed:
        def get_topics(self):
            return np.array([[0.5, 0.3, 0.2], [0.1, 0.1, 0.8]])

    d = Dictionary()
    d.token2id = {"a": 0, "b": 1, "c": 2}
    d.id2token = {0: "a", 1: "b", 2: "c"}
    m = TopicModel(kind="lda", k=2, seed=0, params={}, model=Fixed(), dictionary=d,
                   phrases=[], settings=None, doc_ids=["x"], meta=pd.DataFrame({"doc_id": ["x"]}),
                   theta=np.array([[0.5, 0.5]]), n_tokens=[3], coverage=[1.0],
                   term_frequency=[10, 20, 70])
    tab = m.top_terms(3, relevance_lambda=0.6).set_index(["topic", "term"])
    # p(w) = (0.1, 0.2, 0.7); relevance = 0.6 ln(phi) + 0.4 ln(phi / p(w))
    expected = 0.6 * np.log(0.5) + 0.4 * np.log(0.5 / 0.1)
    assert tab.loc[(0, "a"), "relevance"] == pytest.approx(expected, abs=1e-12)
    assert tab.loc[(0, "a"), "lift"] == pytest.approx(5.0)
    assert tab.loc[(1, "c"), "relevance"] == pytest.approx(0.6 * np.log(0.8) + 0.4 * np.log(0.8 / 0.7))
    # topic 0 by relevance: a (0.228), b (0.6 ln .3 + .4 ln 1.5 = -0.560), c (-1.466)
    assert m.top_terms(3).query("topic == 0")["term"].tolist() == ["a", "b", "c"]
    # lambda = 1 ranks by weight; lambda = 0 by lift (topic 1: a and b tie on lift 1.0 / 0.5)
    assert m.top_terms(3, relevance_lambda=0).query("topic == 1")["term"].tolist() == ["c", "a", "b"]
    assert m.labels == {0: "a · b · c", 1: "c · a · b"}
    m.relabel({1: "reconstruction"})
    assert m.top_terms(1).query("topic == 1")["label"].item() == "reconstruction"
    with pytest.raises(InputError, match="no topic 5"):
        m.relabel({5: "x"})


@pytest.mark.parametrize("kind", ["nmf", "lsi"])
def test_other_models(prepared, kind, article):
    m = fit_topics(prepared, 3, model=kind, seed=0, passes=2)
    assert list(m.top_terms(5).columns) == TOP_TERM_COLUMNS
    mix = m.infer(article)["proportion"]
    assert mix.sum() == pytest.approx(1.0) and (mix >= 0).all()


# -- the article -----------------------------------------------------------------------------
def test_infer_article(lda, article):
    placed = lda.infer(article)
    assert list(placed.columns) == list(article.meta.columns) + DOC_TOPIC_COLUMNS[1:]
    assert len(placed) == 4 and placed["proportion"].sum() == pytest.approx(1.0)
    cov = placed["coverage"].iloc[0]
    assert 0.2 < cov < 1.0  # the model knows part of the article's words, not all
    pd.testing.assert_frame_equal(placed, lda.infer(article))  # reproducible


def test_article_words_absent_from_dictionary(lda):
    alien = Corpus.from_texts(["Quokkas photosynthesise xylophones."], ids=["alien"])
    with pytest.raises(EmptyInputError, match="alien"):
        lda.infer(alien)
    table = lda.infer(alien, on_empty="nan")
    assert table["proportion"].isna().all() and (table["n_tokens"] == 0).all()
    with pytest.raises(EmptyInputError, match="cannot be placed"):
        nearest_documents(lda, alien)


def test_nearest_documents_against_scipy(lda, article):
    near = nearest_documents(lda, article, n=5)
    assert list(near.columns)[:2] == NEAREST_COLUMNS[:2] and len(near) == 5
    assert near["distance"].is_monotonic_increasing
    mix = lda.infer(article, wide=True)[[f"topic_{t}" for t in range(4)]].to_numpy()[0]
    for _, row in near.iterrows():
        other = lda.theta[lda.doc_ids.index(row["doc_id"])]
        # tolerance: float64 sums of 4 terms, different evaluation order
        assert row["distance"] == pytest.approx(jensenshannon(mix, other, base=2), abs=1e-12)
    hel = nearest_documents(lda, article, metric="hellinger", n=3)
    other = lda.theta[lda.doc_ids.index(hel["doc_id"].iloc[0])]
    expected = np.sqrt(0.5 * ((np.sqrt(mix) - np.sqrt(other)) ** 2).sum())
    assert hel["distance"].iloc[0] == pytest.approx(expected, abs=1e-12)
    own = nearest_documents(lda, lda.doc_ids[0], n=3)
    assert lda.doc_ids[0] not in own["doc_id"].tolist()


def test_mix_distance_edge_cases():
    assert mix_distance([1, 0], [0, 1]) == pytest.approx(1.0)
    assert mix_distance([0.2, 0.8], [0.2, 0.8], metric="hellinger") == pytest.approx(0.0)
    p, q = np.array([0.1, 0.6, 0.3]), np.array([0.3, 0.3, 0.4])
    assert mix_distance(p, q) == pytest.approx(jensenshannon(p, q, base=2), abs=1e-12)


def test_prevalence_and_topic_mix(lda, ungdc, article):
    prev = topic_prevalence(lda, by="year")
    assert list(prev.columns) == PREVALENCE_COLUMNS
    np.testing.assert_allclose(prev.groupby("group")["prevalence"].sum(), 1.0)
    sets = {"Syria 2024": ungdc.subset(country="SYR", year=2024),
            "Russia 2024": ungdc.subset(country="RUS", year=2024)}  # Russia: inferred
    mix = stat_topic_mix(lda, article, sets)
    assert list(mix.columns) == TOPIC_MIX_COLUMNS
    assert list(dict.fromkeys(mix["set"])) == ["article", "Syria 2024", "Russia 2024"]
    assert (mix.loc[mix["set"] == "article", "distance_to_target"] == 0).all()
    d = mix.drop_duplicates("set").set_index("set")["distance_to_target"]
    assert 0 < d["Syria 2024"] <= 1 and 0 < d["Russia 2024"] <= 1
    syria_2024 = lda.theta[lda.doc_ids.index(sets["Syria 2024"].ids[0])]
    got = mix[mix["set"] == "Syria 2024"].sort_values("topic")["proportion"].to_numpy()
    np.testing.assert_allclose(got, syria_2024)


def test_topic_map(lda):
    tm = stat_topic_map(lda)
    assert list(tm.columns) == TOPIC_MAP_COLUMNS and tm["topic"].tolist() == [0, 1, 2, 3]
    assert tm["prevalence"].sum() == pytest.approx(1.0)
    # classical MDS keeps the largest distances roughly: the farthest pair stays far apart
    pts = tm[["x", "y"]].to_numpy()
    assert np.ptp(pts[:, 0]) > 0


# -- choosing k --------------------------------------------------------------------------------
def test_coherence_table(prepared):
    tab = stat_coherence(prepared, [3, 4], seeds=[0], fit=FIT)
    assert list(tab.columns) == COHERENCE_COLUMNS and len(tab) == 2 * 3
    assert set(tab["measure"]) == {"c_v", "c_npmi", "u_mass"}
    by = tab.set_index(["k", "measure"])["coherence"]
    assert all(0 <= by[(k, "c_v")] <= 1 for k in (3, 4))
    assert all(-1 <= by[(k, "c_npmi")] <= 1 for k in (3, 4))
    assert all(by[(k, "u_mass")] < 0.5 for k in (3, 4))
    assert tab["n_topics"].tolist() == [3, 3, 3, 4, 4, 4]


def test_stability_table_and_matching(prepared, lda):
    tab = stat_stability(prepared, [4], seeds=[0, 1, 2], fit=FIT)
    assert list(tab.columns) == STABILITY_COLUMNS and len(tab) == 3
    assert ((tab["mean_similarity"] > 0) & (tab["mean_similarity"] <= 1)).all()
    assert (tab["min_similarity"] <= tab["mean_similarity"]).all()
    same = match_topics(lda, lda)
    assert same["topic_a"].tolist() == same["topic_b"].tolist() == [0, 1, 2, 3]
    np.testing.assert_allclose(same["similarity"], 1.0, atol=1e-6)
    cos = match_topics(lda, lda, metric="cosine")
    np.testing.assert_allclose(cos["similarity"], 1.0, atol=1e-9)
    with pytest.raises(InputError, match="two different seeds"):
        stat_stability(prepared, [4], seeds=[0])


# -- saving and loading ----------------------------------------------------------------------
def test_save_load_and_refusals(lda, article, tmp_path, monkeypatch):
    """Saved as arrays and JSON (tests/test_topic_store.py checks the format in detail)."""
    import shutil

    monkeypatch.setenv("DISCOURSE_DATA", str(tmp_path / "data"))
    folder = lda.save()
    assert (folder / "SHA256SUMS").exists() and not (folder / "model.gensim").exists()
    back = load_topic_model(folder)
    pd.testing.assert_frame_equal(back.top_terms(8), lda.top_terms(8))
    pd.testing.assert_frame_equal(back.infer(article), lda.infer(article))
    np.testing.assert_array_equal(back.doc_topics(wide=True).filter(like="topic_").to_numpy(),
                                  lda.theta)
    # outside the cache: loaded too (nothing in the format can run code), after the checks
    outside = tmp_path / "elsewhere"
    shutil.copytree(folder, outside)
    assert load_topic_model(outside).k == 4
    # tampered array: refused
    with open(folder / "state.sstats.npy", "ab") as fh:
        fh.write(b"\x00")
    with pytest.raises(InputError, match="does not match the SHA-256"):
        load_topic_model(folder)
    # extra file, missing sums
    (outside / "evil.npy").write_bytes(b"x")
    with pytest.raises(InputError, match="not recorded"):
        load_topic_model(outside, trust=True)
    (outside / "evil.npy").unlink()
    (outside / "SHA256SUMS").unlink()
    with pytest.raises(InputError, match="no SHA256SUMS"):
        load_topic_model(outside)


# -- bad input ------------------------------------------------------------------------------
def test_k_larger_than_vocabulary():
    corp = Corpus.from_texts(TOY)
    with pytest.raises(InputError, match="vocabulary size"):
        fit_topics(corp, 50, min_df=1, max_df=1.0)
    with pytest.raises(InputError, match="'k' parameter of fit_topics must be >= 2"):
        fit_topics(corp, 1, min_df=1, max_df=1.0)
    with pytest.raises(InputError, match="'model' parameter"):
        fit_topics(corp, 2, model="hdp", min_df=1, max_df=1.0)


def test_corpus_too_small():
    with pytest.raises(EmptyInputError, match="at least 5"):
        fit_topics(Corpus.from_texts(TOY[:3]), 2, min_df=1, max_df=1.0)
    with pytest.raises(EmptyInputError, match="no term is left"):
        prepare_topics(Corpus.from_texts(TOY), min_df=50)
    with pytest.raises(EmptyInputError, match="no documents"):
        prepare_topics(Corpus.from_texts([]))


def test_documents_empty_after_filtering():
    corp = Corpus.from_texts(TOY + ["The and of, Mr. President.", "1946 2024"])
    with pytest.warns(UserWarning, match="2 document"):
        m = fit_topics(corp, 2, min_df=1, max_df=1.0)
    assert m.dropped == ["doc9", "doc10"]
    wide = m.doc_topics(wide=True)
    assert wide.loc[8:, ["topic_0", "topic_1"]].isna().all().all()
    assert wide.loc[:7, ["topic_0", "topic_1"]].notna().all().all()


# -- figures ----------------------------------------------------------------------------------
def test_figures(lda, article, prepared):
    from discourse.plots.topics import (plot_coherence, plot_stability, plot_top_terms,
                                        plot_topic_map, plot_topic_mix, plot_topic_prevalence,
                                        plot_topic_selection)

    top = lda.top_terms(5)
    fig = plot_top_terms(top)
    assert len([a for a in fig.axes if a.get_visible()]) == 4
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == \
        top.query("topic == 0")["term"].str.replace("_", " ").tolist()
    assert fig.axes[2].get_title(loc="right").startswith("2: ")
    fig = plot_topic_map(stat_topic_map(lda))
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["0", "1", "2", "3"]
    fig = plot_topic_prevalence(topic_prevalence(lda, by="year"), n=2)
    assert len(fig.axes[0].lines) == 2
    mix = stat_topic_mix(lda, article, {"other": Corpus.from_texts(
        ["Terrorism and the occupied Golan; sanctions and refugees."], ids=["x"])})
    fig = plot_topic_mix(mix)
    assert len(fig.axes[0].patches) == 4 * 2
    coh = pd.DataFrame({"k": [3, 3, 4], "seed": [0, 1, 0], "measure": "c_v",
                        "coherence": [0.4, 0.5, 0.6]})
    fig = plot_coherence(coh)
    assert fig.axes[0].lines[0].get_ydata().tolist() == [0.45, 0.6]
    stab = pd.DataFrame({"k": [3, 4], "mean_similarity": [0.8, 0.7], "min_similarity": [0.6, 0.5],
                         "metric": "jensen_shannon"})
    assert plot_stability(stab).axes[0].lines[0].get_ydata().tolist() == [0.8, 0.7]
    assert len(plot_topic_selection(coh, stab).axes) == 2


# -- command line -------------------------------------------------------------------------
def _cli(*args):
    return subprocess.run([sys.executable, "-m", "discourse.cli", *args], cwd=ROOT,
                          env=dict(os.environ), capture_output=True, text=True, timeout=600)


def test_cli_topics_syria_places_article(ungdc):
    out = _cli("topics", "ungdc:SYR", "--k", "3", "--passes", "3", "--format", "csv")
    assert out.returncode == 0, out.stderr
    tab = pd.read_csv(io.StringIO(out.stdout))
    assert list(tab.columns) == TOP_TERM_COLUMNS + ["placed_doc_id", "placed_proportion"]
    assert tab["topic"].nunique() == 3
    assert tab.drop_duplicates("topic")["placed_proportion"].sum() == pytest.approx(1.0, abs=1e-6)
    out = _cli("topics", "ungdc:SYR", "--k", "3", "--passes", "3", "--format", "json")
    data = json.loads(out.stdout)
    assert data["model"]["k"] == 3 and data["model"]["deterministic"] is True
    assert len(data["placement"]) == 3
    out = _cli("topics", "ungdc:SYR", "--k", "3", "--passes", "3")
    assert out.returncode == 0 and "placed" in out.stdout and "knows" in out.stdout
    bad = _cli("topics", "ungdc:SYR", "--k", "100000")  # refused by the parser, before loading
    assert bad.returncode == 2 and "argument --k: must be a whole number from 2 to 1000" in bad.stderr
