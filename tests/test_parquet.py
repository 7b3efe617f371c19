"""Corpora on disk as partitioned Parquet (#13): writing, lazy reading, filters pushed down to
the files and row groups, the UN cache as such a dataset, and every function that knows
partitions giving, on a lazy corpus computed here partition by partition, exactly what it
gives on the same corpus in memory. (The same functions on a real two-process cluster:
tests/test_scale_cluster.py.)"""
from __future__ import annotations

import warnings

import pandas as pd
import pyarrow.parquet as pq
import pytest

import discourse
from discourse import Corpus, read_parquet
from discourse.corpus.parquet import ParquetCorpus
from discourse.errors import CorpusFormatError, InputError
from discourse.scale.engine import PartitionError, plan


@pytest.fixture(scope="module")
def sample(ungdc):
    """A few hundred UN speeches of three decades (each country in several years)."""
    return ungdc.subset(year=[1975, 1990, 2005, 2012, 2024]).sample(180, seed=13)


@pytest.fixture(scope="module")
def dataset(sample, tmp_path_factory):
    """The sample as a dataset, one file per country, row groups of 2 speeches."""
    folder = tmp_path_factory.mktemp("ds") / "un"
    sample.to_parquet(folder, partition_by="country", row_group_size=2)
    return folder


def _text_chunks(path):
    """(row group, min year, max year, byte range) of the text column of each row group."""
    meta = pq.ParquetFile(path).metadata
    names = [meta.schema.column(j).name for j in range(meta.num_columns)]
    out = []
    for i in range(meta.num_row_groups):
        rg = meta.row_group(i)
        col = rg.column(names.index("text"))
        start = col.dictionary_page_offset or col.data_page_offset
        year = rg.column(names.index("year")).statistics
        out.append((i, year.min, year.max, (start, start + col.total_compressed_size)))
    return out


def _poison(path, keep):
    """Overwrite the text of every row group of ``path`` but those in ``keep`` with zeros:
    reading such a row group's texts fails (zstd and the page headers reject them)."""
    data = bytearray(path.read_bytes())
    for i, _, _, (a, b) in _text_chunks(path):
        if i not in keep:
            data[a:b] = bytes(b - a)
    path.write_bytes(bytes(data))


# -- writing and reading --------------------------------------------------------------------
def test_round_trip_is_the_same_corpus(sample, dataset):
    lazy = read_parquet(dataset)
    assert isinstance(lazy, ParquetCorpus) and len(lazy) == len(sample)
    assert lazy.meta_columns == sample.meta_columns
    assert sorted(lazy.ids) == sorted(sample.ids)
    ordered = read_parquet(dataset, order=["year", "country"])
    assert ordered.ids == sample.meta.sort_values(["year", "country"], kind="stable")["doc_id"].tolist()
    expected = sample.to_frame().sort_values(["year", "country"], kind="stable")
    pd.testing.assert_frame_equal(ordered.load().to_frame(), expected.reset_index(drop=True))
    # one file per country, rows in corpus order inside it
    files = sorted(dataset.glob("part-*.parquet"))
    assert len(files) == sample.meta["country"].nunique()
    countries = [pq.read_table(f, columns=["country"]).column(0).unique().to_pylist() for f in files]
    assert all(len(c) == 1 for c in countries) and [c[0] for c in countries] == sorted(
        sample.meta["country"].unique())


def test_metadata_is_read_without_the_texts(dataset):
    """The metadata, the partitions and the filters never touch a text: with every text of
    the dataset destroyed they still work; loading the texts then fails, naming the file."""
    import shutil

    poisoned = dataset.parent / "poisoned"
    shutil.copytree(dataset, poisoned)
    for f in poisoned.glob("part-*.parquet"):
        _poison(f, keep=set())
    lazy = read_parquet(poisoned)
    meta = lazy.meta
    assert len(meta) == len(read_parquet(dataset)) and "text" not in meta.columns
    assert len(lazy.subset(year=2024)) == int((meta["year"] == 2024).sum())
    assert lazy.subset(year=2024).partitions()
    with pytest.raises(CorpusFormatError, match=r"part-\d+\.parquet.*cannot read"):
        lazy.load()


def test_filters_are_pushed_down_to_files_and_row_groups(dataset, sample):
    """``subset(country=, year=)`` reads only the texts of the row groups whose statistics
    can match: every other text in the dataset is destroyed, and the subset still reads
    (and profiles) correctly."""
    import shutil

    meta = sample.meta
    early = meta[meta["year"] < 2000].groupby("country").size()
    late = meta[meta["year"] >= 2000].groupby("country").size()
    # a country whose first row group (two speeches before 2000) the year filter skips
    target = sorted(set(early[early >= 2].index) & set(late.index))[0]
    copy = dataset.parent / "pushdown"
    shutil.copytree(dataset, copy)
    wanted = set()
    for f in copy.glob("part-*.parquet"):
        country = pq.read_table(f, columns=["country"]).column(0)[0].as_py()
        keep = {i for i, lo, hi, _ in _text_chunks(f) if country == target and hi >= 2000}
        if keep:
            wanted.add(f.name)
        _poison(f, keep)
    lazy = read_parquet(copy, order=["year", "country"]).subset(country=target,
                                                                year=range(2000, 2025))
    parts = lazy.partitions()
    assert {p.fragment.path.rsplit("/", 1)[1] for p in parts} == wanted
    expected = sample.subset(country=target, year=range(2000, 2025))
    assert lazy.ids == expected.ids and lazy.load().texts == expected.texts
    pd.testing.assert_frame_equal(discourse.profile(lazy, progress=False),
                                  discourse.profile(expected, progress=False, use_cache=False))
    # the poison is real: the target's early speeches, and every other text, do not read
    with pytest.raises(CorpusFormatError, match="cannot read"):
        read_parquet(copy).subset(country=target).load()
    with pytest.raises(CorpusFormatError, match="cannot read"):
        read_parquet(copy).subset(country=[c for c in meta["country"] if c != target][0]).load()


def test_subset_forms(dataset, sample):
    lazy = read_parquet(dataset, order=["year", "country"])
    eager = lazy.load()
    for filters in ({"year": 2024}, {"year": [1975, 2024]}, {"year": range(1990, 2006)},
                    {"country": ("SYR", "RUS", "FRA"), "year": range(2000, 2030)},
                    {"year": lambda y: y % 2 == 0}, {"doc_id": eager.ids[:5]}):
        assert lazy.subset(**filters).ids == eager.subset(**filters).ids, filters
    mask = (eager.meta["year"] > 2000).to_numpy()
    assert lazy.subset(mask).ids == eager.subset(mask).ids
    assert lazy.subset(lambda m: m["region"] == "Europe").ids == \
        eager.subset(lambda m: m["region"] == "Europe").ids
    assert len(lazy.subset(year=range(3000, 3001))) == 0 and lazy.subset(year=[]).ids == []
    with pytest.raises(InputError, match="unknown metadata column 'decade'"):
        lazy.subset(decade=1990)


def test_other_functions_read_the_lazy_corpus_into_memory(dataset):
    lazy = read_parquet(dataset, order=["year", "country"]).subset(year=2024)
    assert discourse.stat_documents(lazy).equals(discourse.stat_documents(lazy.load()))
    assert lazy[lazy.ids[0]].text == lazy.load()[0].text and len(list(lazy)) == len(lazy)


def test_writer_and_reader_refuse_bad_input(tmp_path, sample):
    sample.to_parquet(tmp_path / "a")
    with pytest.raises(InputError, match="is not empty"):
        sample.to_parquet(tmp_path / "a")
    before = sorted(p.name for p in (tmp_path / "a").iterdir())
    sample.to_parquet(tmp_path / "a", exist_ok=True)  # adds files, overwrites none
    after = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert set(before) < set(after)
    with pytest.raises(CorpusFormatError, match="duplicate document ids"):
        len(read_parquet(tmp_path / "a"))
    with pytest.raises(InputError, match="must be a metadata column"):
        sample.to_parquet(tmp_path / "b", partition_by="decade")
    with pytest.raises(CorpusFormatError, match="no column 'speech'"):
        read_parquet(tmp_path / "a", text="speech")
    with pytest.raises(InputError, match="no such file or folder"):
        read_parquet(tmp_path / "missing")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "part-0.parquet").write_bytes(b"PAR1 not parquet")
    with pytest.raises(CorpusFormatError, match="not a readable Parquet dataset"):
        read_parquet(tmp_path / "c")


def test_other_column_names(tmp_path):
    frame = pd.DataFrame({"speech_id": [3, 1, 2], "body": ["Peace.", "War.", "Balance."],
                          "party": ["a", "b", "a"]})
    frame.to_parquet(tmp_path / "x.parquet")
    lazy = read_parquet(tmp_path, text="body", id="speech_id")
    assert lazy.ids == ["3", "1", "2"] and lazy.meta_columns == ["party"]
    assert lazy.subset(party="a").load().texts == ["Peace.", "Balance."]


def test_a_bad_document_is_named_and_other_partitions_are_kept(tmp_path, sample):
    """A document without a text fails its partition with an error naming it and its file;
    the other partitions are computed, and their result is the error's ``partial``."""
    frame = sample.subset(year=2024).to_frame()
    frame.loc[frame.index[3], "text"] = None
    bad_id = frame["doc_id"].iloc[3]
    frame.to_parquet(tmp_path / "part-0.parquet", index=False, row_group_size=4)
    lazy = read_parquet(tmp_path).subset(year=2024)
    with pytest.raises(PartitionError, match=rf"document {bad_id!r} has no text") as info:
        discourse.profile(lazy, progress=False)
    assert "part-0.parquet" in str(info.value)
    good = Corpus(frame.drop(index=frame.index[:4]).reset_index(drop=True))  # row groups 1...
    pd.testing.assert_frame_equal(info.value.partial,
                                  discourse.profile(good, progress=False, use_cache=False))
    assert [f[0] for f in info.value.failures] == [0]


def test_a_failing_function_names_its_document(tmp_path):
    corp = Corpus.from_texts(["fine", "fine too", "boom here", "fine again"],
                             ids=["a", "b", "c", "d"])
    run = plan(read_parquet(corp.to_parquet(tmp_path / "c", rows_per_file=2)))
    assert len(run.partitions) == 2
    with pytest.raises(PartitionError, match=r"1 of 2 partitions failed: document 'c' "
                                             r"\(partition 1: .*part-00001.parquet.*ValueError: boom"
                       ) as info:
        run.map(_explode, combine=lambda parts: [i for p in parts for i in p])
    assert info.value.partial == ["a", "b"] and info.value.completed == [0]


def _explode(batch):
    for doc in batch:
        if "boom" in doc.text:
            raise ValueError("boom")
    return batch.ids


# -- the UN cache as a dataset ----------------------------------------------------------------
def test_ungdc_lazy_reads_only_the_chosen_country(tmp_path, ungdc_source, monkeypatch):
    """``ungdc:SYR:2000-2024`` reads Syria's file alone: another country's file, damaged,
    goes unnoticed (it is neither hashed nor read) until the whole corpus is asked for, and
    is then caught by its checksum and rebuilt."""
    from tests.test_ungdc import small_archive

    monkeypatch.setenv("DISCOURSE_DATA", str(tmp_path / "data"))
    archive = small_archive(tmp_path, ungdc_source)
    whole = discourse.load_ungdc(path=archive, progress=False)
    entry = next((tmp_path / "data" / "cache").glob("ungdc-*.dataset"))
    russia = sorted(entry.glob("part-*.parquet"))[1]  # ARG, RUS, SYR, UKR
    data = bytearray(russia.read_bytes())
    data[len(data) // 2] ^= 0xFF
    russia.write_bytes(bytes(data))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lazy = discourse.load_ungdc("SYR", years=(2000, 2024), path=archive, progress=False,
                                    lazy=True)
        parts = lazy.partitions()
        assert {p.fragment.path for p in parts} == {str(sorted(entry.glob("part-*.parquet"))[2])}
        expected = whole.subset(country="SYR", year=range(2000, 2025))
        assert lazy.ids == expected.ids == ["SYR_65_2010", "SYR_79_2024"]
        pd.testing.assert_frame_equal(lazy.load().to_frame(), expected.to_frame())
        pd.testing.assert_frame_equal(lazy.meta, expected.meta)
    with pytest.warns(UserWarning, match="corrupt cache entry"):
        again = discourse.load_ungdc(path=archive, progress=False, lazy=True)
    pd.testing.assert_frame_equal(again.load().to_frame(), whole.to_frame())


def test_ungdc_lazy_equals_eager(ungdc):
    lazy = discourse.load_ungdc("SYR", progress=False, lazy=True)
    eager = ungdc.subset(country="SYR")
    assert lazy.name == "ungdc:SYR" and len(lazy) == 74
    pd.testing.assert_frame_equal(lazy.meta, eager.meta)
    pd.testing.assert_frame_equal(lazy.load().to_frame(), eager.to_frame())
    with pytest.raises(InputError, match="cannot keep_raw"):
        discourse.load_ungdc("SYR", lazy=True, keep_raw=True)


def test_load_source_opens_datasets(dataset):
    from discourse.corpus.sources import lazy_sources, load_source

    eager = load_source(str(dataset))
    assert not isinstance(eager, ParquetCorpus) and len(eager) == len(read_parquet(dataset))
    with lazy_sources():
        assert isinstance(load_source(str(dataset)), ParquetCorpus)
        assert isinstance(load_source("ungdc:SYR:2024"), ParquetCorpus)
    assert not isinstance(load_source("ungdc:SYR:2024"), ParquetCorpus)


# -- every function on a lazy corpus, computed here partition by partition ---------------------
def _same(a, b):
    pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_every_function_on_a_lazy_corpus_equals_the_local_path(dataset, article):
    lazy = read_parquet(dataset, order=["year", "country"]).subset(year=[1990, 2024])
    eager = lazy.load()
    assert plan(eager) is None and len(plan(lazy).partitions) > 10
    _same(discourse.profile(lazy, progress=False), discourse.profile(eager, use_cache=False,
                                                                      progress=False))
    a, b = discourse.to_dtm(lazy), discourse.to_dtm(eager, use_cache=False)
    assert a.terms == b.terms and a.doc_ids == b.doc_ids and (a.counts != b.counts).nnz == 0
    _same(a.docvars, b.docvars)
    for by in ("document", "year", None):
        _same(discourse.keyword_frequencies(lazy, ["balanc*", "sovereign*", "united nations"], by=by),
              discourse.keyword_frequencies(eager, ["balanc*", "sovereign*", "united nations"], by=by))
    _same(discourse.stat_trend(lazy, "peace*", countries=["SYR", "FRA", "USA"]),
          discourse.stat_trend(eager, "peace*", countries=["SYR", "FRA", "USA"]))
    _same(discourse.stat_keyness(lazy.subset(year=2024), lazy.subset(year=range(1946, 2024))),
          discourse.stat_keyness(eager.subset(year=2024), eager.subset(year=range(1946, 2024))))
    _same(discourse.find_mentions(lazy), discourse.find_mentions(eager))
    _same(discourse.stat_mentions(lazy, by="year", level="party"),
          discourse.stat_mentions(eager, by="year", level="party"))
    _same(discourse.stat_balance(lazy, by="year", n_boot=100),
          discourse.stat_balance(eager, by="year", n_boot=100))
    _same(discourse.percentiles(article, lazy), discourse.percentiles(article, eager))
