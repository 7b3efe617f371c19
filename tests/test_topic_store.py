"""The topic-model store holds no pickle (#14 item 4) and caches fits by content (item 14):
models are saved as arrays and JSON, rebuilt exactly, checked before use; a second fit of the
same corpus, k, seed and parameters is read back, not refitted, and gives the same tables."""
from __future__ import annotations

import json
import pickle
import shutil

import numpy as np
import pandas as pd
import pytest

from discourse.corpus.documents import Corpus
from discourse.errors import InputError
from discourse.topics import fit_topics, load_topic_model, prepare_topics
from discourse.topics import model as topic_model_module
from discourse.topics import store

WORDS = {"golan": "golan occupation israel settlements occupied heights withdrawal",
         "refugees": "refugees return reconstruction sanctions displaced camps aid",
         "terror": "terrorism security daesh fighters extremism borders weapons"}
PROBE = Corpus.from_texts(["Occupation of the Golan and the return of refugees.",
                           "Terrorism and sanctions harm reconstruction."])


def toy_corpus(n=40, seed=7) -> Corpus:
    rng = np.random.default_rng(seed)
    themes = list(WORDS.values())
    texts = []
    for i in range(n):
        main = themes[i % 3].split()
        other = themes[(i + 1) % 3].split()
        words = list(rng.choice(main, 30)) + list(rng.choice(other, 8))
        texts.append(" ".join(words))
    return Corpus.from_texts(texts)


@pytest.fixture()
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DISCOURSE_DATA", str(tmp_path / "data"))
    monkeypatch.setattr(store, "FIT_CACHE_MIN_DOCUMENTS", 10)
    topic_model_module._FITTED.clear()
    yield tmp_path / "data"
    topic_model_module._FITTED.clear()


def _no_pickle(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("something was unpickled")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pickle, "Unpickler", refuse)


def _same(a, b):
    pd.testing.assert_frame_equal(a.top_terms(8), b.top_terms(8))
    np.testing.assert_array_equal(a.topic_word(), b.topic_word())
    np.testing.assert_array_equal(a.theta, b.theta)
    pd.testing.assert_frame_equal(a.infer(PROBE), b.infer(PROBE))
    pd.testing.assert_frame_equal(a.doc_topics(), b.doc_topics())
    assert a.labels == b.labels


@pytest.mark.parametrize("kind", ["lda", "nmf", "lsi"])
def test_round_trip_is_exact_and_unpickles_nothing(kind, tmp_path, monkeypatch):
    m = fit_topics(toy_corpus(), 3, model=kind, seed=2, passes=3, min_df=1, max_df=1.0,
                   use_cache=False)
    folder = m.save(tmp_path / "m")
    names = sorted(p.name for p in folder.iterdir())
    assert "model.gensim" not in names and "SHA256SUMS" in names
    assert all(not (folder / n).read_bytes().startswith(b"\x80") for n in names)  # no pickle
    _no_pickle(monkeypatch)
    back = load_topic_model(folder)
    assert type(back.model) is type(m.model)
    _same(m, back)


def test_infer_is_reproducible_for_nmf():
    """NMF's projection draws random permutations: infer re-seeds, so repeated calls agree."""
    m = fit_topics(toy_corpus(), 3, model="nmf", seed=2, passes=3, min_df=1, max_df=1.0,
                   use_cache=False)
    pd.testing.assert_frame_equal(m.infer(PROBE), m.infer(PROBE))


def test_damaged_or_forged_folders_are_refused(tmp_path):
    m = fit_topics(toy_corpus(), 3, seed=2, passes=3, min_df=1, max_df=1.0, use_cache=False)
    folder = m.save(tmp_path / "m")

    def fresh(name):
        copy = tmp_path / name
        shutil.copytree(folder, copy)
        return copy

    flipped = fresh("flipped")
    data = bytearray((flipped / "state.sstats.npy").read_bytes())
    data[-3] ^= 0x01
    (flipped / "state.sstats.npy").write_bytes(bytes(data))
    with pytest.raises(InputError, match="state.sstats.npy: content does not match the SHA-256"):
        load_topic_model(flipped)
    extra = fresh("extra")
    (extra / "evil.npy").write_bytes(b"x")
    with pytest.raises(InputError, match="not recorded"):
        load_topic_model(extra)
    nosums = fresh("nosums")
    (nosums / "SHA256SUMS").unlink()
    with pytest.raises(InputError, match="no SHA256SUMS"):
        load_topic_model(nosums)

    def forge(name, edit_meta=None, array=None):
        """Change a file and rewrite SHA256SUMS: what the checksums cannot catch."""
        copy = fresh(name)
        if edit_meta:
            meta = json.loads((copy / "topics.json").read_text())
            edit_meta(meta)
            (copy / "topics.json").write_text(json.dumps(meta))
        if array is not None:
            np.save(copy / "state.sstats.npy", array, allow_pickle=True)
        from discourse.corpus.cache import hash_file

        lines = [f"{hash_file(p)}  {p.name}" for p in sorted(copy.iterdir())
                 if p.name != "SHA256SUMS"]
        (copy / "SHA256SUMS").write_text("\n".join(lines) + "\n")
        return copy

    with pytest.raises(InputError, match="unknown model kind 'hdp'"):  # was a KeyError
        load_topic_model(forge("kind", lambda meta: meta.update(kind="hdp")))
    with pytest.raises(InputError, match="not a plain numeric array"):  # an object array
        load_topic_model(forge("objects", array=np.array([{"a": 1}], dtype=object)))
    with pytest.raises(InputError, match="array of shape"):
        load_topic_model(forge("shape", array=np.zeros((2, 2))))
    with pytest.raises(InputError, match="store format '1'"):
        load_topic_model(forge("format", lambda meta: meta.update(format="1")))
    old = fresh("old")
    (old / "model.gensim").write_bytes(pickle.dumps({"old": 1}))
    with pytest.raises(InputError, match="old store format .a gensim pickle"):
        load_topic_model(old)


def test_second_fit_is_read_from_the_cache_not_refitted(data_dir, monkeypatch):
    corpus = toy_corpus()
    tc = prepare_topics(corpus, min_df=1, max_df=1.0)
    first = fit_topics(tc, 3, seed=1, passes=3)
    entries = list((data_dir / "cache" / "topic_fits").iterdir())
    assert len(entries) == 1 and (entries[0] / "SHA256SUMS").exists()
    topic_model_module._FITTED.clear()  # as in a new process

    def no_training(*args, **kwargs):
        raise AssertionError("refitted")

    monkeypatch.setattr(topic_model_module, "_train", no_training)
    again = prepare_topics(corpus, min_df=1, max_df=1.0)  # (gensim's Phrases pickles in memory)
    _no_pickle(monkeypatch)
    second = fit_topics(again, 3, seed=1, passes=3)
    assert second is not first and second.corpus is not None
    _same(first, second)
    assert second.coherence("u_mass").shape == (3,)
    # another seed, k or parameter is another fit
    with pytest.raises(AssertionError, match="refitted"):
        fit_topics(tc, 3, seed=2, passes=3)
    with pytest.raises(AssertionError, match="refitted"):
        fit_topics(tc, 3, seed=1, passes=4)
    topic_model_module._FITTED.clear()
    with pytest.raises(AssertionError, match="refitted"):
        fit_topics(tc, 3, seed=1, passes=3, use_cache=False)


def test_damaged_cache_entry_is_refitted(data_dir):
    tc = prepare_topics(toy_corpus(), min_df=1, max_df=1.0)
    first = fit_topics(tc, 3, seed=1, passes=3)
    entry = next((data_dir / "cache" / "topic_fits").iterdir())
    (entry / "expElogbeta.npy").write_bytes(b"garbage")
    topic_model_module._FITTED.clear()
    with pytest.warns(UserWarning, match="unusable cached topic model"):
        again = fit_topics(tc, 3, seed=1, passes=3)
    _same(first, again)
    assert (entry / "SHA256SUMS").exists()  # written anew


def test_small_corpora_are_not_cached(data_dir):
    tc = prepare_topics(toy_corpus(9), min_df=1, max_df=1.0)  # under the threshold of 10
    fit_topics(tc, 2, seed=1, passes=2)
    assert not (data_dir / "cache" / "topic_fits").exists() or \
        not list((data_dir / "cache" / "topic_fits").iterdir())
    assert store.FIT_CACHE_MIN_DOCUMENTS == 10


def test_coherence_is_cached_by_content(data_dir, monkeypatch):
    """The k grid's coherence is read back on a warm run, not recounted, and is the same."""
    from gensim.models import coherencemodel

    tc = prepare_topics(toy_corpus(), min_df=1, max_df=1.0)
    m = fit_topics(tc, 3, seed=1, passes=3)
    first = {measure: m.coherence(measure, topn=4) for measure in ("u_mass", "c_npmi")}
    assert len(list((data_dir / "cache").glob("coherence-*.parquet"))) == 2

    def no_counting(self, *args, **kwargs):
        raise AssertionError("recounted")

    monkeypatch.setattr(coherencemodel.CoherenceModel, "get_coherence_per_topic", no_counting)
    for measure, values in first.items():
        np.testing.assert_array_equal(m.coherence(measure, topn=4), values)
    with pytest.raises(AssertionError, match="recounted"):
        m.coherence("u_mass", topn=5)  # other top terms: another entry


def test_temporary_folders_of_dead_writers_are_pruned_live_ones_kept(data_dir):
    import fcntl
    import os
    import time

    from discourse.corpus.cache import STALE_SECONDS

    fits = store.fits_dir()
    dead = fits / "abc.tmp-dead"
    live = fits / "abc.tmp-live"
    for folder in (dead, live):
        folder.mkdir()
        (folder / ".lock").write_bytes(b"")
        (folder / "alpha.npy").write_bytes(b"partial")
    with open(live / ".lock", "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # a writer still at work
        old = time.time() - 2 * STALE_SECONDS
        for folder in (dead, live):
            os.utime(folder, (old, old))
        fit_topics(prepare_topics(toy_corpus(), min_df=1, max_df=1.0), 3, seed=5, passes=2)
        assert not dead.exists() and live.exists()
    # a user's own folder is never pruned
    mine = data_dir.parent / "mine"
    (mine / "notes.tmp-1").mkdir(parents=True)
    os.utime(mine / "notes.tmp-1", (old, old))
    fit_topics(prepare_topics(toy_corpus(), min_df=1, max_df=1.0), 3, seed=5, passes=2,
               use_cache=False).save(mine / "model")
    assert (mine / "notes.tmp-1").exists()
