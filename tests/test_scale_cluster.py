"""The analyses on a real Dask cluster (#13): a ``distributed.LocalCluster`` of two worker
processes, no mocks. Every function that knows partitions is compared, exactly, with the
local path on the same corpus; the work is checked to run in both worker processes, shared
objects to be broadcast once, a worker killed during a computation not to change the
result, and a bad document to be named without losing the other partitions' results."""
from __future__ import annotations

import logging
import os
import signal
import threading
import time

import numpy as np
import pandas as pd
import pytest
from distributed import Client, LocalCluster, get_task_stream

import discourse
from discourse import Corpus, read_parquet
from discourse.scale.engine import PartitionError


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def speeches(ungdc):
    """120 UN speeches of four years (several per country), as a corpus in memory."""
    return ungdc.subset(year=[1990, 2005, 2012, 2024]).sample(120, seed=7)


@pytest.fixture(scope="module")
def lazy(speeches, tmp_path_factory):
    """The same speeches as a Parquet dataset (one file per country), read lazily in
    year/country order: the workers read their partitions from the files."""
    folder = tmp_path_factory.mktemp("cluster") / "un"
    speeches.to_parquet(folder, partition_by="country", row_group_size=4)
    return read_parquet(folder, order=["year", "country"])


@pytest.fixture(scope="module")
def eager(lazy):
    return lazy.load()


@pytest.fixture(scope="module")
def local_profile(eager):
    """The local path's profile of the speeches (computed once for several tests)."""
    return discourse.profile(eager, use_cache=False, progress=False)


def _same(a, b):
    pd.testing.assert_frame_equal(a, b, check_exact=True)


def test_the_work_runs_in_two_worker_processes(client, lazy, local_profile):
    pids = client.run(os.getpid)
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()
    with get_task_stream(client) as stream:
        table = discourse.profile(lazy, scheduler=client, progress=False)
    workers = {t["worker"] for t in stream.data if t["key"].startswith("discourse-profiling")}
    assert workers == set(pids), workers
    _same(table, local_profile)


def test_counts_keyness_and_keywords_equal_the_local_path(client, lazy, eager):
    a, b = discourse.to_dtm(lazy, scheduler=client), discourse.to_dtm(eager, use_cache=False)
    assert a.terms == b.terms and a.doc_ids == b.doc_ids and (a.counts != b.counts).nnz == 0
    assert a.counts.dtype == b.counts.dtype
    _same(a.docvars, b.docvars)
    terms = ["balanc*", "sovereign*", "united nations", "peace"]
    for by in ("document", "year"):
        _same(discourse.keyword_frequencies(lazy, terms, by=by, scheduler=client),
              discourse.keyword_frequencies(eager, terms, by=by))
    _same(discourse.stat_trend(lazy, terms, countries=["SYR", "FRA", "USA"], scheduler=client),
          discourse.stat_trend(eager, terms, countries=["SYR", "FRA", "USA"]))
    target, rest = lazy.subset(year=2024), lazy.subset(year=range(1946, 2024))
    _same(discourse.stat_keyness(target, rest, scheduler=client, measure="log_ratio"),
          discourse.stat_keyness(eager.subset(year=2024), eager.subset(year=range(1946, 2024)),
                                 measure="log_ratio"))


def test_an_in_memory_corpus_runs_on_the_cluster_too(client, article):
    lee = discourse.load_lee("test")
    with get_task_stream(client) as stream:
        table = discourse.profile(lee, scheduler=client, progress=False, use_cache=False)
    assert len({t["worker"] for t in stream.data}) == 2
    _same(table, discourse.profile(lee, progress=False, use_cache=False))
    _same(discourse.profile(article, scheduler=client, progress=False),
          discourse.profile(article, progress=False))
    d1, d2 = discourse.to_dtm(lee, scheduler=client), discourse.to_dtm(lee, use_cache=False)
    assert d1.terms == d2.terms and (d1.counts != d2.counts).nnz == 0
    _same(discourse.stat_keyness(article, lee, scheduler=client), discourse.stat_keyness(article, lee))


def test_actor_measures_equal_the_local_path(client, lazy, eager, monkeypatch):
    lazy, eager = lazy.subset(year=[2005, 2024]), eager.subset(year=[2005, 2024])
    calls = []
    scatter = client.scatter

    def recording(data, *args, **kwargs):  # the real scatter, recorded
        calls.append((kwargs.get("broadcast", False), [type(x).__name__ for x in data]))
        return scatter(data, *args, **kwargs)

    monkeypatch.setattr(client, "scatter", recording)
    with get_task_stream(client) as stream:
        mentions = discourse.find_mentions(lazy, scheduler=client)
    tasks = [t for t in stream.data if t["key"].startswith("discourse-finding-actors")]
    # the gazetteer went to the workers once, broadcast, not with each of the tasks
    assert calls == [(True, ["Gazetteer"])] and len(tasks) > 10
    _same(mentions, discourse.find_mentions(eager))
    _same(discourse.stat_mentions(lazy, by="year", level="party", scheduler=client),
          discourse.stat_mentions(eager, by="year", level="party"))
    _same(discourse.stat_balance(lazy, by="year", n_boot=200, scheduler=client),
          discourse.stat_balance(eager, by="year", n_boot=200))


def test_emotion_scores_topic_inference_and_percentiles(client, lazy, eager, article):
    lazy, eager = lazy.subset(year=2024), eager.subset(year=2024)
    lee = discourse.load_lee("background")
    model = discourse.train_emotion_model(lee, min_count=3, epochs=2, use_cache=False,
                                          progress=False)
    _same(discourse.score_emotion(model, lazy, scheduler=client),
          discourse.score_emotion(model, eager))
    with_emotion = discourse.profile(lazy, emotion_model=model, scheduler=client, progress=False)
    local = discourse.profile(eager, emotion_model=model, use_cache=False, progress=False)
    _same(with_emotion, local)
    topics = discourse.fit_topics(lee, 6, seed=2, passes=2, min_df=3)
    _same(topics.infer(lazy, scheduler=client, on_empty="nan"), topics.infer(eager, on_empty="nan"))
    # a document's mix depends on it alone: inferred alone or among others, the same numbers
    alone = topics.infer(eager[eager.ids[5]])
    among = topics.infer(eager, on_empty="nan").query(f"doc_id == '{eager.ids[5]}'")
    np.testing.assert_array_equal(alone["proportion"].to_numpy(), among["proportion"].to_numpy())
    _same(discourse.percentiles(article, lazy, scheduler=client, emotion_model=model),
          discourse.percentiles(article, local, emotion_model=model))


def test_large_outputs_are_written_by_the_workers(client, lazy, eager, local_profile, tmp_path):
    """``out=``: every task writes its partition's rows; nothing but counts comes back."""
    lazy, eager = lazy.subset(year=2024), eager.subset(year=2024)
    folder = discourse.profile(lazy, scheduler=client, out=tmp_path / "profile", progress=False)
    files = sorted(folder.glob("part-*.parquet"))
    assert len(files) == len(lazy.partitions())
    written = pd.read_parquet(folder)
    order = np.argsort(written["doc_id"].map(lazy.positions()).to_numpy(), kind="stable")
    expected = local_profile[local_profile["doc_id"].isin(eager.ids)].reset_index(drop=True)
    _same(written.iloc[order].reset_index(drop=True), expected)
    mentions = discourse.find_mentions(lazy, scheduler=client, out=tmp_path / "mentions")
    back = pd.read_parquet(mentions)
    back = back.iloc[np.argsort(back["doc_id"].map(lazy.positions()).to_numpy(), kind="stable")]
    _same(back.reset_index(drop=True), discourse.find_mentions(eager))
    with pytest.raises(discourse.InputError, match="not an empty folder"):
        discourse.profile(lazy, scheduler=client, out=folder)


def test_a_killed_worker_does_not_change_the_result(client, lazy, eager, local_profile):
    expected = discourse.to_dtm(eager, use_cache=False)
    before = set(client.run(os.getpid).values())
    result = {}

    def compute():
        result["table"] = discourse.profile(lazy, scheduler=client, progress=False)

    worker = threading.Thread(target=compute)
    worker.start()
    deadline = time.time() + 120
    while time.time() < deadline:  # wait until both workers are computing partitions
        busy = [w for w, keys in client.processing().items()
                if any(str(k).startswith("discourse-profiling") for k in keys)]
        if len(busy) == 2:
            break
        time.sleep(0.05)
    victim = client.run(os.getpid, workers=[busy[0]])[busy[0]]
    os.kill(victim, signal.SIGKILL)
    worker.join(timeout=600)
    assert "table" in result
    _same(result["table"], local_profile)
    client.wait_for_workers(2, timeout=60)  # the nanny started a new worker process
    after = set(client.run(os.getpid).values())
    assert victim in before and victim not in after and len(after) == 2
    dtm = discourse.to_dtm(lazy, scheduler=client)  # and the cluster keeps working
    assert (dtm.counts != expected.counts).nnz == 0


def test_a_bad_document_on_the_cluster(client, speeches, tmp_path):
    frame = speeches.subset(year=2024).to_frame()
    bad = frame["doc_id"].iloc[6]
    frame.loc[frame.index[6], "text"] = None
    frame.to_parquet(tmp_path / "speeches.parquet", index=False, row_group_size=5)
    corpus = read_parquet(tmp_path)
    with pytest.raises(PartitionError, match=rf"document {bad!r} has no text") as info:
        discourse.profile(corpus, scheduler=client, progress=False)
    assert [f[0] for f in info.value.failures] == [1]  # the second row group of five
    rest = Corpus(frame.drop(index=frame.index[5:10]).reset_index(drop=True))
    _same(info.value.partial, discourse.profile(rest, use_cache=False, progress=False))


def test_small_partitions_are_grouped_into_tasks_each_still_failing_alone(client, speeches,
                                                                         tmp_path):
    """60 row groups of two speeches: a task per ~7 documents (four row groups), not per row
    group; a bad document fails its own row group only, not the others of its task."""
    frame = speeches.to_frame()
    bad = frame["doc_id"].iloc[11]  # the sixth row group, inside the second task
    frame.loc[frame.index[11], "text"] = None
    frame.to_parquet(tmp_path / "speeches.parquet", index=False, row_group_size=2)
    corpus = read_parquet(tmp_path)
    with get_task_stream(client) as stream:
        with pytest.raises(PartitionError, match=rf"document {bad!r} has no text") as info:
            discourse.profile(corpus, scheduler=client, progress=False)
    tasks = {t["key"] for t in stream.data if t["key"].startswith("discourse-profiling")}
    assert len(tasks) == 15, sorted(tasks)  # 60 partitions in groups of four
    assert [f[0] for f in info.value.failures] == [5]
    assert len(info.value.completed) == 59
    rest = Corpus(frame.drop(index=frame.index[10:12]).reset_index(drop=True))
    _same(info.value.partial, discourse.profile(rest, use_cache=False, progress=False))


def test_the_scheduler_option(client, article, monkeypatch):
    from discourse.errors import InputError
    from discourse.scale.scheduler import close_clusters, requested

    with pytest.raises(InputError, match="The 'scheduler' parameter must be"):
        discourse.profile(article, scheduler="threads")
    address = client.scheduler.address
    monkeypatch.setenv("DISCOURSE_SCHEDULER", address)
    assert requested(None) == address
    with get_task_stream(client) as stream:  # the environment variable picks the cluster
        table = discourse.profile(article, progress=False)
    assert stream.data and table.equals(discourse.profile(article, progress=False,
                                                          scheduler="none"))
    monkeypatch.setenv("DISCOURSE_SCHEDULER", "none")
    assert requested(None) is None
    close_clusters()  # the client the variable made (the cluster is the fixture's)
