"""Every per-document measure of the package on a fixed set of documents, as plain tables.

Used twice: by ``make_fixture.py`` (run once, on the commit recorded in ``README.md``, before
the analysed document of issue #10 replaced the measures' own tokenisation) to write the
fixture, and by ``tests/test_regression.py`` to recompute the same tables with today's code
and compare them exactly. Only the public API (``import discourse``) is called, so the
tables do not depend on where the modules live.

UN speeches' texts never enter the fixture: columns that carry text (matches, evidence,
context) are replaced by their SHA-256, and bags of words by one digest per document.
"""
from __future__ import annotations

import hashlib

import pandas as pd

#: The documents: the article and this sample of UN speeches (``Corpus.sample``) plus every
#: Syrian statement of these years, and the Lee news items of the test set.
UN_SAMPLE = 36
UN_SEED = 20261201
SYRIA_YEARS = (1975, 1990, 2005, 2012, 2024)


def _digest(value) -> str:
    return hashlib.sha256(str(value).encode("utf-8")).hexdigest()[:16]


def documents(ungdc):
    """The article, the Lee test items and the UN sample as one corpus (ids kept)."""
    import discourse

    un = ungdc.sample(UN_SAMPLE, seed=UN_SEED)
    syr = ungdc.subset(country="SYR", year=list(SYRIA_YEARS))
    docs = [discourse.load_article()[0]]
    docs += list(discourse.load_lee("test"))[:12]
    seen = set()
    for d in list(un) + list(syr):
        if d.id not in seen:
            seen.add(d.id)
            docs.append(d)
    return discourse.Corpus.from_documents(docs)


def _hash_text_columns(table: pd.DataFrame, text_columns) -> pd.DataFrame:
    t = table.copy()
    for c in text_columns:
        if c in t.columns:
            t[c] = [_digest(v) for v in t[c]]
    return t


def _by_doc_digest(doc_ids, values) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": list(doc_ids), "digest": [_digest(v) for v in values]})


def compute(corpus) -> dict[str, pd.DataFrame]:
    """name -> table for every measure (deterministic; no cache used)."""
    import discourse

    out: dict[str, pd.DataFrame] = {}
    out["profile"] = discourse.profile(corpus, progress=False, use_cache=False)
    out["structure_sentences"] = discourse.sentence_table(corpus)
    dev = discourse.detect_devices(corpus)
    out["devices"] = dev
    out["stance_markers"] = pd.concat([discourse.stance_markers(d) for d in corpus],
                                      ignore_index=True)
    out["sentiment_sentences"] = discourse.stat_sentiment(corpus, by="sentence")
    out["mentions"] = discourse.find_mentions(corpus)
    out["roles"] = discourse.find_roles(corpus)
    out["evaluations"] = discourse.find_evaluations(corpus)
    out["actor_tone"] = discourse.stat_actor_tone(corpus, n_boot=200, seed=3)
    out["frames"] = discourse.keyword_frequencies(corpus, discourse.load_dictionary("frames"))
    out["kwic"] = discourse.kwic(corpus, ["balanc*", "sovereign*", "peace"])
    out["collocations"] = discourse.stat_collocations(corpus, min_count=3)
    toks = discourse.tokenize(corpus, use_cache=False)
    out["tokens"] = pd.DataFrame({"doc_id": toks.ids, "n": toks.n_tokens,
                                  "tokens": [_digest(t) for t in toks],
                                  "offsets": [_digest(o) for o in toks.offsets]})
    dtm = discourse.to_dtm(corpus, use_cache=False)
    rows = []
    for i, doc_id in enumerate(dtm.doc_ids):
        row = dtm.counts[i]
        pairs = sorted((dtm.terms[j], int(c)) for j, c in zip(row.indices, row.data))
        rows.append((doc_id, int(row.sum()), len(pairs), _digest(pairs)))
    out["dtm"] = pd.DataFrame(rows, columns=["doc_id", "n_tokens", "n_terms", "digest"])
    tc = discourse.prepare_topics(corpus, min_df=2, phrase_min_count=5, use_cache=False)
    out["topic_bow"] = _by_doc_digest(corpus.ids, [[(tc.terms[j], c) for j, c in b]
                                                   for b in tc.bow])
    model = discourse.train_emotion_model(corpus, min_count=3, epochs=3, use_cache=False,
                                          progress=False)
    out["emotion"] = discourse.score_emotion(model, corpus)
    return out


def publishable(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables with every text-bearing (object) column hashed, numbers kept as they are."""
    out = {}
    for name, t in tables.items():
        t = t.reset_index(drop=True)
        textual = [c for c in t.columns if c != "doc_id"
                   and not pd.api.types.is_numeric_dtype(t[c])
                   and not pd.api.types.is_bool_dtype(t[c])
                   and c not in ("device", "category", "kind", "actor_id", "actor_type", "role",
                                 "level", "party", "group", "subcategory", "polarity", "source",
                                 "digest", "tokens", "offsets", "set", "pattern", "rejected",
                                 "conceded")]
        out[name] = _hash_text_columns(t, textual)
    return out


def write(tables: dict[str, pd.DataFrame], folder) -> None:
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, t in tables.items():
        t.to_csv(folder / f"{name}.csv", index=False, float_format="%.17g", lineterminator="\n")


def read(folder) -> dict[str, pd.DataFrame]:
    from pathlib import Path

    return {p.stem: pd.read_csv(p, keep_default_na=False,
                                na_values=[""], dtype={"doc_id": str})
            for p in sorted(Path(folder).glob("*.csv"))}


def roundtrip(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables as they read back from CSV (so that fresh results compare like with like)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        write(tables, tmp)
        return read(tmp)


#: The one table not compared bit for bit: the emotion scores come from word2vec vectors that
#: gensim trains in float32 through compiled BLAS routines. Within one installation training is
#: bit-identical (tests/test_structure_emotion.py trains twice and compares); across library
#: builds (a fresh venv resolving newer numpy/scipy/gensim wheels) the vectors differ in the
#: last float32 bits: measured 2026-12-02, similarities within 6e-9 relative, emotionality
#: within 1.1e-9 — and the z-score over 54 near-equal values within 4e-5. Tolerances: a
#: hundred times those, far below any difference a change of the code makes (the scores move
#: in the third decimal when a seed word changes).
FLOAT32_TOLERANCE = {"emotion": {"affect_similarity": (1e-6, 0), "reason_similarity": (1e-6, 0),
                                 "emotionality": (1e-6, 0), "emotionality_z": (0, 4e-3)}}


def assert_identical(expected: dict[str, pd.DataFrame], actual: dict[str, pd.DataFrame]) -> None:
    assert sorted(expected) == sorted(actual), (sorted(expected), sorted(actual))
    for name in expected:
        e, a = expected[name], actual[name]
        assert list(e.columns) == list(a.columns), f"{name}: columns {list(a.columns)}"
        tolerant = FLOAT32_TOLERANCE.get(name, {})
        exact = [c for c in e.columns if c not in tolerant]
        pd.testing.assert_frame_equal(e[exact], a[exact], check_exact=True, check_dtype=False,
                                      obj=f"regression table {name!r}")
        for column, (rtol, atol) in tolerant.items():
            pd.testing.assert_series_equal(e[column], a[column], check_exact=False, rtol=rtol,
                                           atol=atol, check_dtype=False,
                                           obj=f"regression table {name!r}, {column}")
