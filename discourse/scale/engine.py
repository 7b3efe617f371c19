"""The hook between the analysis families and a cluster: :func:`plan` and :class:`Plan`.

An analysis function that can run on a cluster asks ``plan(corpus, scheduler)`` first. It
gets ``None`` - and runs its local path unchanged - for an in-memory corpus when no
scheduler is asked for. Otherwise it gets a :class:`Plan` over the corpus's partitions
(:func:`discourse.corpus.parquet.corpus_partitions`) and calls :meth:`Plan.map` with the
**same per-document function its local path uses**, applied to batches of at most
:data:`BATCH` documents of each partition, and a ``combine`` that turns the batch results (in
corpus order) into its answer: a concatenation of per-document rows, or integer sums
(vocabularies, document frequencies, term totals) from which the statistics are computed
once, on the client, by the local code. The results are therefore identical, to the last
bit, to the local path's.

Where the partitions run:

* with a scheduler: one Dask task per group of consecutive partitions (``client.submit``;
  the task reads its partitions from the dataset itself, or receives its slices of an
  in-memory corpus scattered to the workers). Small partitions are grouped into tasks of
  about :data:`TASK_DOCS` documents (:func:`group_partitions`), so that a dataset of many
  small files is not as many tasks; each partition of a group is still computed, and can
  fail, on its own, and a group's results go back when its task ends. Large shared objects
  (a gazetteer, an emotion model, a topic model) are broadcast once per worker
  (``client.scatter([obj], broadcast=True)``) and passed to every task by reference. A
  worker that dies is replaced and its tasks are rerun by Dask.
* without one (a :class:`~discourse.corpus.parquet.ParquetCorpus` and no scheduler): the
  partitions one after the other in this process, so that memory is bounded by a
  partition, not by the corpus.

A document that makes the function fail does not lose the other partitions' work: every
partition runs to its end, then :class:`PartitionError` names the failing document (and its
file), and carries the combined results of the partitions that finished in ``.partial``.

>>> from discourse.corpus.documents import Corpus
>>> corp = Corpus.from_texts(["a b", "c"], ids=["x", "y"])
>>> plan(corp) is None          # in memory, no scheduler: the local path
True
"""
from __future__ import annotations

import itertools
import os
import traceback
from collections.abc import Callable, Sequence

import numpy as np

from ..corpus.documents import Corpus
from ..corpus.parquet import ParquetCorpus, corpus_partitions, is_lazy
from ..errors import DiscourseError
from .scheduler import announce, get_client, requested, show_progress

__all__ = ["plan", "Plan", "PartitionError", "concat_rows", "group_partitions", "BATCH",
           "TASK_DOCS"]

#: Documents per call of a per-document function inside a partition. It stays below the
#: local path's thresholds for worker pools and caches (200 documents and more), so a batch
#: is always computed in the task's own process and nothing is cached from a worker.
BATCH = 128
#: Documents a Dask task gets at least, when partitions are smaller: they are grouped (see
#: :func:`group_partitions`). Dask spends about a millisecond per task on the scheduler,
#: whatever its size, which adds up over many thousand small files. (On the UN corpus's 200
#: per-country partitions of ~55 speeches grouping changed nothing measurable: README,
#: "Third run".)
TASK_DOCS = 1000
_COUNTER = itertools.count()


class PartitionError(DiscourseError, RuntimeError):
    """Partitions failed. ``failures``: ``(partition, doc_id or None, message)`` each;
    ``partial``: the combined results of the partitions that finished (or None)."""

    def __init__(self, message, failures, partial=None, completed=()):
        super().__init__(message)
        self.failures = list(failures)
        self.partial = partial
        self.completed = list(completed)


def plan(corpus, scheduler=None, *, always: bool = False) -> Plan | None:
    """A :class:`Plan` for computing over ``corpus`` partition by partition, or ``None`` for
    the local path (an in-memory corpus and no scheduler, see
    :mod:`discourse.scale.scheduler`; ``always``: a plan in this process even then)."""
    want = requested(scheduler)
    if want is None and not is_lazy(corpus) and not always:
        return None
    client = get_client(want) if want is not None else None
    n_workers = len(client.scheduler_info().get("workers", {})) if client is not None else 1
    return Plan(corpus, corpus_partitions(corpus, n_workers=max(n_workers, 1)), client)


def group_partitions(partitions: Sequence, n_workers: int = 1,
                     target: int = TASK_DOCS) -> list[list]:
    """Consecutive partitions grouped into tasks of at least ``target`` documents (by their
    row counts), but no larger than an eighth of the corpus per worker, so that every worker
    still gets several tasks; a partition as large as that is a task of its own. The groups
    keep the partitions' order.

    >>> from discourse.corpus.parquet import Partition
    >>> parts = [Partition(i, rows=n) for i, n in enumerate([200] * 6 + [3000, 10])]
    >>> [[p.index for p in g] for g in group_partitions(parts, n_workers=1, target=500)]
    [[0, 1, 2], [3, 4, 5], [6], [7]]
    >>> [[p.index for p in g] for g in group_partitions(parts, n_workers=2, target=500)]
    [[0, 1], [2, 3], [4, 5], [6], [7]]
    """
    total = sum(len(p) for p in partitions)
    size = max(1, min(target, total // (8 * max(n_workers, 1))))
    groups, current, rows = [], [], 0
    for part in partitions:
        current.append(part)
        rows += len(part)
        if rows >= size:
            groups.append(current)
            current, rows = [], 0
    if current:
        groups.append(current)
    return groups


class Plan:
    """A corpus split into partitions, and where they run (a Dask client, or here)."""

    def __init__(self, corpus: Corpus, partitions: list, client=None):
        self.corpus, self.partitions, self.client = corpus, partitions, client

    def __repr__(self) -> str:
        where = "this process" if self.client is None else str(self.client.scheduler.address)
        return f"<Plan: {len(self.partitions)} partitions on {where}>"

    @property
    def distributed(self) -> bool:
        return self.client is not None

    def map(self, func: Callable, *, args: Sequence = (), shared: Sequence = (),
            combine: Callable[[list], object] = list, desc: str = "computing",
            progress: bool = False, out: str | os.PathLike | None = None):
        """``combine(results)``, where ``results`` are ``func(batch, *shared, *args)`` for
        every batch of every partition, in corpus-partition order (batches of at most
        :data:`BATCH` documents, each an in-memory :class:`Corpus`).

        ``func`` must be a module-level function (workers import it by name); ``shared``
        objects are broadcast once per worker, ``args`` travel with every task.

        With ``out`` (a folder, or a URI such as ``s3://bucket/profile/``), ``func`` returns
        DataFrames and each task writes its partition's rows to
        ``<out>/part-<partition>.parquet`` itself instead of sending them back; the results
        are then the partitions' row counts. Per-document tables of any size stay off the
        client this way.
        """
        from tqdm.auto import tqdm

        if out is not None:
            out = _prepare_output(out)
            args = (*args, _Output(func, out))
            func = _write_output

        n = len(self.partitions)
        outcomes: list = [None] * n
        if self.client is not None:
            announce(self.client)
            progress = progress or show_progress()
        bar = tqdm(total=n, desc=desc, unit="partition", disable=not progress)
        try:
            if self.client is None:
                for part in self.partitions:
                    outcomes[part.index] = _run_partition(func, part, tuple(args), *shared)
                    bar.update(1)
            else:
                self._map_distributed(func, args, shared, desc, outcomes, bar, progress)
        finally:
            bar.close()
        failures = [o for o in outcomes if isinstance(o, _Failure)]
        batches = [r for o in outcomes if not isinstance(o, _Failure) for r in o]
        if failures:
            completed = [i for i, o in enumerate(outcomes) if not isinstance(o, _Failure)]
            try:
                partial = combine(batches)
            except Exception:  # noqa: BLE001 - the partial result is a courtesy
                partial = None
            raise PartitionError(_message(desc, failures, n), [f.as_tuple() for f in failures],
                                 partial, completed)
        return combine(batches)

    def _map_distributed(self, func, args, shared, desc, outcomes, bar, progress):
        from distributed import as_completed

        client = self.client
        token = f"discourse-{desc.replace(' ', '-')}-{os.getpid()}-{next(_COUNTER)}"
        shared_futures = client.scatter(list(shared), broadcast=True, hash=False) if shared else []
        in_memory = [p for p in self.partitions if p.fragment is None]
        scattered = {}
        if in_memory:  # slices of an in-memory corpus go to the workers once, directly
            for part, future in zip(in_memory, client.scatter(in_memory, hash=False)):
                scattered[part.index] = future
        n_workers = len(client.scheduler_info().get("workers", {}))
        futures = {}
        for group in group_partitions(self.partitions, n_workers):
            sources = [scattered.get(part.index, part) for part in group]
            future = client.submit(_run_group, func, sources, tuple(args), *shared_futures,
                                   key=f"{token}-{group[0].index}", pure=False, retries=1)
            futures[future] = [part.index for part in group]
        try:
            for future in as_completed(list(futures)):
                indices = futures[future]
                try:
                    for index, outcome in zip(indices, future.result(), strict=True):
                        outcomes[index] = outcome
                except Exception as exc:  # noqa: BLE001 - a lost task: KilledWorker, ...
                    for index in indices:
                        outcomes[index] = _Failure(index, self.partitions[index].describe(),
                                                   None, f"{type(exc).__name__}: {exc}")
                future.release()
                bar.update(len(indices))
        finally:
            for future in list(futures) + shared_futures + list(scattered.values()):
                future.release()

    # -- putting per-document results in corpus order -----------------------------------
    @property
    def reorders(self) -> bool:
        """Whether partition order differs from corpus order (a dataset with ``order=``)."""
        return isinstance(self.corpus, ParquetCorpus) and bool(self.corpus._order) \
            and len(self.partitions) > 1

    def order_of(self, doc_ids: Sequence[str]) -> np.ndarray | None:
        """The permutation that puts rows for ``doc_ids`` (in partition order) in corpus
        order (stable), or None when they already are."""
        if not self.reorders:
            return None
        position = self.corpus.positions()
        keys = np.fromiter((position[d] for d in doc_ids), dtype=np.int64, count=len(doc_ids))
        return np.argsort(keys, kind="stable")

    def in_order(self, frame, column: str = "doc_id"):
        """A table of per-document rows (any number per document) in corpus order."""
        order = self.order_of(frame[column].tolist())
        if order is not None:
            frame = frame.iloc[order]
        return frame.reset_index(drop=True)


def concat_rows(parts: list):
    """Per-document tables of batches as one (empty batches left out, so that they do not
    change the columns' types; the first batch's empty table if all are empty)."""
    import pandas as pd

    full = [p for p in parts if len(p)]
    if not full:
        return parts[0].iloc[:0].reset_index(drop=True) if parts else pd.DataFrame()
    return pd.concat(full, ignore_index=True)


class _Failure:
    """What a partition returns instead of raising (a deterministic error: not retried)."""

    def __init__(self, index, where, doc_id, message):
        self.index, self.where, self.doc_id, self.message = index, where, doc_id, message

    def as_tuple(self):
        return (self.index, self.doc_id, self.message)

    def __str__(self):
        doc = f"document {self.doc_id!r} " if self.doc_id is not None else ""
        return f"{doc}(partition {self.index}: {self.where}): {self.message}"


def _message(desc: str, failures: list[_Failure], n: int) -> str:
    shown = "; ".join(str(f) for f in failures[:3])
    more = f" (and {len(failures) - 3} more)" if len(failures) > 3 else ""
    kept = n - len(failures)
    return (f"{desc}: {len(failures)} of {n} partitions failed: {shown}{more}. The other {kept} "
            f"partitions finished; their combined result is this error's .partial")


def _run_group(func, partitions, args, *shared):
    """One task: :func:`_run_partition` on each partition of a group, in order."""
    return [_run_partition(func, part, args, *shared) for part in partitions]


def _run_partition(func, partition, args, *shared):
    """One task: read the partition, apply ``func`` batch by batch; a failure is returned,
    naming the document (found by running the failing batch one document at a time)."""
    try:
        corpus = partition.load()
    except DiscourseError as exc:
        return _Failure(partition.index, partition.describe(), None,
                        f"{type(exc).__name__}: {exc}")
    frame = corpus._frame
    output = args[-1] if func is _write_output else None
    inner = output.func if output is not None else func
    inner_args = args[:-1] if output is not None else args
    out = []
    for start in range(0, len(frame), BATCH):
        batch = Corpus(frame.iloc[start:start + BATCH])
        try:
            out.append(inner(batch, *shared, *inner_args))
        except Exception as exc:  # noqa: BLE001 - reported with the document that caused it
            return _Failure(partition.index, partition.describe(),
                            _culprit(inner, batch, shared, inner_args), _describe(exc))
    if output is not None:
        try:
            return [output.write(out, partition.index)]
        except (OSError, pa_errors()) as exc:
            return _Failure(partition.index, partition.describe(), None,
                            f"cannot write {output.folder}: {exc}")
    return out


class _Output:
    """Where a task writes its partition's rows (see :meth:`Plan.map`'s ``out``)."""

    def __init__(self, func, folder: str):
        self.func, self.folder = func, folder

    def write(self, frames: list, index: int) -> int:
        frame = concat_rows(frames)
        name = f"part-{index:05d}.parquet"
        if "://" in self.folder:
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pandas(frame, preserve_index=False),
                           f"{self.folder.rstrip('/')}/{name}", compression="zstd")
        else:
            from pathlib import Path

            from ..corpus.dataset_writer import write_part

            write_part(frame, Path(self.folder) / name, compression="zstd")
        return len(frame)


def _write_output(*_):  # a marker: _run_partition writes the outputs itself
    raise RuntimeError("_write_output is not called")


def _prepare_output(out) -> str:
    """The output folder, created (a local one must be new or empty: nothing is overwritten)."""
    from pathlib import Path

    from ..errors import InputError, file_error

    text = os.fspath(out)
    if "://" in text:
        return text
    folder = Path(text).expanduser().resolve()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise file_error(InputError, folder, "exists and is not an empty folder",
                         "write per-document outputs into a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder)


def pa_errors():
    import pyarrow as pa

    return pa.ArrowException


def _culprit(func, batch: Corpus, shared, args) -> str | None:
    frame = batch._frame
    for i in range(len(frame)):
        try:
            func(Corpus(frame.iloc[i:i + 1]), *shared, *args)
        except Exception:  # noqa: BLE001
            return str(frame["doc_id"].iloc[i])
    return None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, DiscourseError):
        return f"{type(exc).__name__}: {exc}"
    last = traceback.extract_tb(exc.__traceback__)[-1:]
    where = f" (at {last[0].filename}:{last[0].lineno})" if last else ""
    return f"{type(exc).__name__}: {exc}{where}"
