"""Corpus and Document: construction, access, filtering, grouping, sampling."""
import pandas as pd
import pytest

from discourse import Corpus, Document
from discourse.errors import EmptyInputError, InputError

TEXTS = ["Cooperation, not confrontation.", "Engagement, not isolation.",
         "Balance, flexibility, and independence.", "Sovereignty first."]
META = {"country": ["SYR", "SYR", "RUS", "UKR"], "year": [2000, 2011, 2011, 2024]}


@pytest.fixture
def corp():
    return Corpus.from_texts(TEXTS, ids=["a", "b", "c", "d"], meta=META)


def test_access_by_position_and_id(corp):
    assert len(corp) == 4
    assert corp[0].id == "a" and corp["c"].text == TEXTS[2]
    assert corp[-1].id == "d"
    assert corp["b"].meta["year"] == 2011 and isinstance(corp["b"].meta["year"], int)
    with pytest.raises(KeyError, match="'zz'"):
        corp["zz"]
    with pytest.raises(IndexError):
        corp[4]


def test_meta_is_a_copy_with_plain_index(corp):
    meta = corp.meta
    assert list(meta.columns) == ["doc_id", "country", "year"]
    assert isinstance(meta.index, pd.RangeIndex)
    meta.loc[0, "country"] = "XXX"
    assert corp.meta.loc[0, "country"] == "SYR"


def test_subset_forms(corp):
    assert corp.subset(country="SYR").ids == ["a", "b"]
    assert corp.subset(country=["RUS", "UKR"]).ids == ["c", "d"]
    assert corp.subset(year=range(2010, 2020)).ids == ["b", "c"]
    assert corp.subset(year=lambda y: y > 2011).ids == ["d"]
    assert corp.subset([True, False, False, True]).ids == ["a", "d"]
    assert corp.subset(country="SYR", year=2011).ids == ["b"]
    assert len(corp.subset(country="FRA")) == 0
    with pytest.raises(InputError, match="unknown metadata column 'era'"):
        corp.subset(era="x")
    with pytest.raises(InputError, match="3 values for 4 documents"):
        corp.subset([True, False, True])


def test_group_is_ordered_and_complete(corp):
    groups = corp.group("year")
    assert list(groups) == [2000, 2011, 2024]
    assert groups[2011].ids == ["b", "c"]
    assert sum(len(g) for g in groups.values()) == len(corp)


def test_sample_is_reproducible_and_ordered(corp):
    s1, s2 = corp.sample(2, seed=3), corp.sample(2, seed=3)
    assert s1.ids == s2.ids and len(s1) == 2
    assert s1.ids == sorted(s1.ids, key=corp.ids.index)
    assert corp.sample(10).ids == corp.ids
    with pytest.raises(InputError, match="'n' parameter of Corpus.sample must be >= 1"):
        corp.sample(0)


def test_periods_and_assign(corp):
    eras = corp.with_periods({"before 2011": (1946, 2010), "2011-2024": (2011, 2024)})
    assert eras.meta["era"].tolist() == ["before 2011", "2011-2024", "2011-2024", "2011-2024"]
    assert "era" not in corp.meta_columns  # the original is unchanged
    with pytest.raises(InputError, match="cannot replace"):
        corp.assign(text="x")


def test_duplicate_and_empty_ids_are_refused():
    with pytest.raises(InputError, match="Duplicate document ids: \\['a'\\]"):
        Corpus.from_texts(["x", "y"], ids=["a", "a"])
    with pytest.raises(InputError, match="non-empty doc_id"):
        Corpus.from_texts(["x"], ids=[""])
    with pytest.raises(InputError, match="single string"):
        Corpus.from_texts("just one text")


def test_concat_checks_ids(corp):
    both = Corpus.concat([corp, Corpus.from_texts(["new"], ids=["e"], meta={"year": [2025]})])
    assert both.ids == ["a", "b", "c", "d", "e"] and both["e"].meta["country"] is None
    with pytest.raises(InputError, match="Duplicate"):
        corp + corp
    with pytest.raises(EmptyInputError):
        Corpus.concat([])


def test_content_hash_tracks_text_and_ids(corp):
    same = Corpus.from_texts(TEXTS, ids=["a", "b", "c", "d"])
    assert corp.content_hash() == same.content_hash()  # metadata does not change content
    changed = Corpus.from_texts(TEXTS[:3] + ["Sovereignty first!"], ids=["a", "b", "c", "d"])
    assert corp.content_hash() != changed.content_hash()
    renamed = Corpus.from_texts(TEXTS, ids=["a", "b", "c", "e"])
    assert corp.content_hash() != renamed.content_hash()


def test_document_validation_and_readonly_meta():
    doc = Document("x", "text", {"a": 1})
    with pytest.raises(TypeError):
        doc.meta["a"] = 2
    with pytest.raises(InputError):
        Document("", "text")
    with pytest.raises(InputError):
        Document("x", b"bytes")


def test_overlapping_or_backward_periods_and_negative_seeds_are_refused():
    """Found by tools/probe_inputs.py (#14): overlapping periods silently gave the first
    label; a negative sample seed was numpy's ValueError."""
    import pytest

    from discourse.errors import InputError

    corp = Corpus.from_texts(["a", "b"], meta={"year": [2000, 2011]})
    with pytest.raises(InputError, match="'x' .1990-2011. and 'y' .2011-2024. overlap"):
        corp.with_periods({"x": (1990, 2011), "y": (2011, 2024)})
    with pytest.raises(InputError, match="runs backwards"):
        corp.with_periods({"x": (2024, 2011)})
    with pytest.raises(InputError, match="'seed' parameter of Corpus.sample must be >= 0"):
        corp.sample(1, seed=-1)
    assert corp.with_periods({"x": (1990, 2010), "y": (2011, 2024)}).meta["era"].tolist() == ["x", "y"]


def test_from_documents_names_what_it_was_given_instead_of_documents():
    corpus = Corpus.from_texts(["One text."], ids=["a"])
    with pytest.raises(InputError, match=r"given a Corpus.*Corpus\.concat"):
        Corpus.from_documents(corpus)
    with pytest.raises(InputError, match=r"item 1 is a str, not a Document"):
        Corpus.from_documents([next(iter(corpus)), "a text"])
    assert Corpus.from_documents(iter(corpus)).ids == ["a"]
