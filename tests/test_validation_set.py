"""The hand-annotated validation sets (tests/validation, docs/annotation.md) are consistent:
spans lie inside their region and match their hashes against the texts the package loads,
values come from the allowed sets, actors exist in the gazetteer, no duplicates. Every check
runs on the test set and on the dev set (tests/validation/dev); the dev set holds other
documents than the test set."""
from __future__ import annotations

import json
import math

import pytest

from tests.validation.load import (ACTOR_ATTRS, ACTOR_SPECIAL, LAYERS, REQUIRED, SPAN_ATTRS,
                                   SPAN_LIST_ATTRS, VALUES, annotated_layers, load_annotations,
                                   load_documents, load_texts, span_sha, split_paths)


#: the reserve (texts annotated for a later round, not yet scored) is checked when it holds
#: texts (between rounds it may be only a header)
SPLITS = ["test", "dev"] + (["reserve"] if split_paths("reserve")[0].exists() and
                            len(load_texts("reserve")) else [])


@pytest.fixture(scope="module", params=SPLITS)
def split(request):
    return request.param


@pytest.fixture(scope="module")
def texts(split):
    return load_texts(split)


@pytest.fixture(scope="module")
def ann(split):
    return load_annotations(split=split)


@pytest.fixture(scope="module")
def docs(texts, ungdc):  # ungdc: the session fixture fails loudly when the corpus is missing
    return load_documents(texts)


@pytest.fixture(scope="module")
def gazetteer_ids():
    from discourse import load_gazetteer

    return set(load_gazetteer().actors["actor_id"]) - {"_none"}


def _missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def test_every_file_is_a_listed_text(texts, split):
    files = {p.stem for p in split_paths(split)[1].glob("*.jsonl")}
    listed = set(texts["source"] + "__" + texts["doc_id"])
    assert files == listed
    assert texts["doc_id"].is_unique


def test_the_set_has_the_texts_the_issue_asks_for():
    texts = load_texts("test")
    assert len(texts) >= 12
    assert (texts["source"] == "ungdc").sum() >= 8
    assert (texts["source"] == "lee").sum() >= 4
    un = texts[texts["source"] == "ungdc"]["doc_id"]
    assert un.str[:3].nunique() >= 6                       # several countries
    assert un.str[-4:].str[:3].nunique() >= 3              # several decades


def test_the_dev_set_holds_other_documents():
    dev, test = load_texts("dev"), load_texts("test")
    assert set(dev["source"]) <= {"ungdc", "lee"}          # not the reference article
    assert not set(dev["doc_id"]) & set(test["doc_id"])
    assert len(dev) >= 6
    un = dev[dev["source"] == "ungdc"]["doc_id"]
    assert un.str[:3].nunique() >= 3 and (dev["source"] == "lee").sum() >= 2


def test_the_reserve_holds_other_documents_and_is_not_scored():
    from tests.validation.score import score_all

    with pytest.raises(ValueError, match="reserve is not scored"):
        score_all(split="reserve")
    if "reserve" in SPLITS:
        reserve = set(load_texts("reserve")["doc_id"])
        assert reserve and not reserve & (set(load_texts("dev")["doc_id"])
                                          | set(load_texts("test")["doc_id"]))


def test_layers_column_names_known_layers(texts, split):
    for row in texts.itertuples():
        layers = row.layers.split()
        assert layers, row.doc_id
        assert len(set(layers)) == len(layers), row.doc_id
        assert set(layers) <= set(LAYERS), (row.doc_id, set(layers) - set(LAYERS))
    header = split_paths(split)[0].read_text(encoding="utf-8").splitlines()[0].split(",")
    if "layers" not in header:  # the test set: every text has every layer
        assert set(texts["layers"]) == {" ".join(LAYERS)}
    by_doc = annotated_layers(split)
    assert set(by_doc) == set(texts["doc_id"])
    assert all(isinstance(v, set) and v for v in by_doc.values())


def test_the_dev_set_has_full_texts_and_partial_texts():
    by_doc = annotated_layers("dev")
    full = [d for d, layers in by_doc.items() if layers == set(LAYERS)]
    assert len(full) >= 6                                  # the first six, all eight layers
    for layer in LAYERS:                                   # every layer has annotated texts
        assert any(layer in layers for layers in by_doc.values()), layer


def test_no_annotation_outside_its_texts_layers(ann, split):
    by_doc = annotated_layers(split)
    outside = ann[[layer not in by_doc[doc] for doc, layer in zip(ann["doc_id"], ann["layer"])]]
    assert outside.empty, outside[["doc_id", "layer", "line"]].to_string()


def test_regions_match_the_loaded_texts(texts, docs):
    for row in texts.itertuples():
        doc = docs[row.doc_id]
        assert 0 <= row.region_start < row.region_end <= len(doc.text), row.doc_id
        assert span_sha(doc.text[row.region_start:row.region_end]) == row.region_sha, row.doc_id


def test_layers_and_required_attributes(ann):
    assert set(ann["layer"]) <= set(LAYERS)
    for row in ann.to_dict("records"):
        for attr in REQUIRED[row["layer"]]:
            assert attr in row and (attr in ("target_span", "speaker_span")
                                    or not _missing(row[attr])), (row["doc_id"], row["line"], attr)


def test_values_are_from_the_allowed_sets(ann, gazetteer_ids):
    for row in ann.to_dict("records"):
        where = (row["doc_id"], row["line"])
        for attr, allowed in VALUES.get(row["layer"], {}).items():
            assert row[attr] in allowed, (where, attr, row[attr])
        if row["layer"] == "anaphora":
            assert int(row["key_words"]) >= 1
            n = len(row["units"])
            assert n >= 3 or (n == 2 and int(row["key_words"]) >= 2), where
        if row["layer"] == "tricolon":
            assert len(row["items"]) == 3, where
        if row["layer"] in ACTOR_ATTRS:
            actor = row[ACTOR_ATTRS[row["layer"]]]
            assert isinstance(actor, str) and actor, where
            if actor.startswith("other:"):
                assert len(actor) > len("other:") and " " not in actor, where
            else:
                allowed = {"none"} if row["layer"] == "evaluation" else (
                    {"unknown"} if row["layer"] == "quote" else {"author", "unknown"})
                assert actor in allowed or actor in gazetteer_ids, (where, actor)
        if row["layer"] == "evaluation":
            # a target span is given exactly when the target is an actor
            assert _missing(row["target_span"]) == (row["target_actor"] == "none"), where


def test_spans_lie_in_their_region_and_match_their_hashes(ann, texts, docs):
    regions = texts.set_index("doc_id")
    for row in ann.to_dict("records"):
        doc = docs[row["doc_id"]]
        lo, hi = regions.loc[row["doc_id"], ["region_start", "region_end"]]
        where = (row["doc_id"], row["line"], row["layer"])
        spans = [("", [row["start"], row["end"]], row["sha"])]
        for attr in SPAN_ATTRS:
            if attr in row and not _missing(row[attr]) and isinstance(row[attr], list):
                spans.append((attr, row[attr], row[attr + "_sha"]))
        for attr in SPAN_LIST_ATTRS:
            if attr in row and isinstance(row[attr], list):
                assert len(row[attr]) == len(row[attr + "_sha"]), where
                spans += [(attr, s, h) for s, h in zip(row[attr], row[attr + "_sha"])]
        for attr, (s, e), h in spans:
            assert lo <= s < e <= hi, (where, attr, s, e)
            text = doc.text[s:e]
            assert text == text.strip(), (where, attr, "span starts or ends with white space")
            assert span_sha(text) == h, (where, attr)
        # parts, items and units lie inside the annotation's own span
        for attr in ("part_a", "part_b", "items", "units"):
            if attr in row and isinstance(row[attr], list):
                inner = row[attr] if attr in SPAN_LIST_ATTRS else [row[attr]]
                if row["layer"] == "contrast" and attr in ("part_a", "part_b"):
                    continue  # "X instead": the rejected part may be the previous sentence
                for s, e in inner:
                    assert row["start"] <= s and e <= row["end"], (where, attr)


def test_no_duplicate_annotations(ann):
    key = ann[["doc_id", "layer", "start", "end"]].astype(str).agg("|".join, axis=1)
    dup = ann[key.duplicated(keep=False)]
    assert dup.empty, dup[["doc_id", "layer", "start", "end"]].to_string()


def test_files_are_sorted_json_lines(split):
    for path in split_paths(split)[1].glob("*.jsonl"):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert rows, path.name
        assert [(r["start"], r["end"], r["layer"]) for r in rows] == sorted(
            (r["start"], r["end"], r["layer"]) for r in rows), path.name


def test_test_set_batches():
    """Batch 1 is the first twelve texts; later batches are whole numbers in order of
    annotation, and ``load_texts(batch=n)`` gives exactly that batch's texts."""
    texts = load_texts("test")
    batches = sorted(set(texts["batch"]))
    assert batches[0] == 1 and batches == list(range(1, len(batches) + 1)), batches
    assert len(load_texts("test", batch=1)) == 12
    for b in batches:
        assert set(load_texts("test", batch=b)["doc_id"]) == \
            set(texts.loc[texts["batch"] == b, "doc_id"])
    with pytest.raises(ValueError, match="no text of batch 99"):
        load_texts("test", batch=99)


def test_an_empty_split_loads_as_empty_tables(tmp_path, monkeypatch):
    from tests.validation import load

    (tmp_path / "annotations").mkdir()
    header = split_paths("test")[0].read_text(encoding="utf-8").splitlines()[0]
    (tmp_path / "texts.csv").write_text(header + "\n", encoding="utf-8")
    monkeypatch.setitem(load.SPLITS, "reserve", (tmp_path / "texts.csv", tmp_path / "annotations"))
    assert load_texts("reserve").empty
    ann = load.load_annotations(split="reserve")
    assert ann.empty and list(ann.columns)[:6] == ["source", "doc_id", "layer", "start", "end",
                                                   "sha"]
