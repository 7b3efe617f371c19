"""Benchmark: the pipeline past one machine (issue #13) - profile and to_dtm on Dask.

A large corpus is made by writing the UN corpus ten times over as a partitioned Parquet
dataset (``Corpus.to_parquet``): 109,520 documents, distinct ids (``SYR_79_2024~3``), a
``copy`` column, 1,000 documents per file, each file one copy (so ``copy < n`` selects
the first n copies at the files' statistics). Then, on local clusters of single-threaded
worker processes (``distributed.LocalCluster``; the workers read their partitions from the
files):

  local        profile / to_dtm of the plain UN corpus in memory, the local path (both
               cores: its own process pool), caches off
  reading      the UN corpus's cache dataset's partitions loaded one after the other in
               one process: the cost the Dask path pays (its workers read the texts) and
               the local path, its texts in memory, does not
  dask x1      the same on the UN corpus's own cache dataset (``load_ungdc(lazy=True)``),
               2 workers: Dask's overhead over the local path, and the results compared
               bit for bit; for to_dtm (12 s) also ``--repeat`` pairs of local and Dask
               runs alternated on that cluster, whose median ratio is the overhead (one
               pair moves by tens of per cent with the shared machine's speed)
  throughput   profile / to_dtm of the x2 corpus with 1 and with 2 workers
  memory       profile / to_dtm of the x2, x5 and x10 corpora with 2 workers, the peak
               proportional set size (PSS) of each worker process sampled every 5 s
               from outside (psutil; every 0.5 s until 2026-12-02, which cost the workers
               6 % of a core: see ``Poller``), and the kernel's peak RSS (``VmHWM``)

Every cluster is new for its measurement, and warmed (imports, lexicons) on one small
document before the clock starts, as the local path is by its first call. Each row also
gives the worker processes' CPU seconds and their share of the wall time times the
workers (1.0 = the workers never waited for a core): on this shared 2-core machine a low
share is the measured reason a goal is missed.

Goals (issue #13): peak memory per worker <= 1.5 GiB and flat as the corpus grows (x10
within 20 % of x2); 2 workers >= 1.8x the throughput of 1; Dask's overhead on the UN corpus
<= 10 % over the local path.

Run: DISCOURSE_UNGDC=../shared/data/ungdc python benchmarks/bench_scale.py
     [--sizes 2,5,10] [--throughput-size 2] [--functions profile,to_dtm] [--out DIR]
     [--repeat 5]
"""
from __future__ import annotations

import argparse
import logging
import os
import threading
import time
from pathlib import Path

GIB = 2 ** 30


def build_dataset(folder: Path, copies: int) -> Path:
    """The UN corpus written ``copies`` times into ``folder`` (kept: a dataset of as many copies
    or more is reused; ``copy < n`` selects the first n).

    Only this script's own files are ever removed (``copyNN-*.parquet`` and the ``_complete_N``
    markers), never the folder: the results file beside them (``_results.jsonl``) survives a
    rebuild, and a folder holding anything else is refused."""
    import discourse

    done = [int(m.name.rsplit("_", 1)[1]) for m in folder.glob("_complete_*")
            if m.name.rsplit("_", 1)[1].isdigit()]
    if done and max(done) >= copies:
        return folder
    if folder.exists():
        foreign = [p.name for p in folder.iterdir()
                   if not (p.name.startswith("_") or
                           (p.name.startswith("copy") and p.suffix == ".parquet"))]
        if foreign:
            raise SystemExit(f"{folder}: holds files this benchmark did not write "
                             f"({', '.join(sorted(foreign)[:5])}); give --out an empty folder")
        for p in list(folder.glob("copy*.parquet")) + list(folder.glob("_complete_*")):
            p.unlink()
    un = discourse.load_ungdc(progress=False)
    frame = un.to_frame()
    t0 = time.perf_counter()
    for k in range(copies):
        part = frame.assign(doc_id=frame["doc_id"] + f"~{k}", copy=k)
        discourse.Corpus(part).to_parquet(folder, rows_per_file=1000, prefix=f"copy{k:02d}-",
                                          exist_ok=True)
    (folder / f"_complete_{copies}").write_text("")
    size = sum(p.stat().st_size for p in folder.glob("*.parquet"))
    print(f"wrote {copies} x {len(frame):,} documents ({size / GIB:.2f} GiB of Parquet, zstd) "
          f"to {folder} in {time.perf_counter() - t0:.0f} s")
    return folder


class Poller:
    """Peak memory of each of some processes, measured from outside: the PSS sampled every
    ``interval`` seconds, and the kernel's exact peak RSS (``VmHWM``, reset at the start
    where ``/proc/PID/clear_refs`` may be written).

    Reading a process's PSS makes the kernel walk its pages: about 16 ms of CPU for a 0.9 GB
    worker, charged to the polling (client) process. Sampled every 0.5 s, as until
    2026-12-02, that took 6 % of a core from the workers it measured; every 5 s it is 0.6 %.
    Memory grows over minutes, so a 5 s sample misses little, and the high-water mark misses
    nothing (it counts shared library pages in full, so it is the higher of the two).
    """

    def __init__(self, pids, interval=5.0):
        import psutil

        self.procs = {pid: psutil.Process(pid) for pid in pids}
        self.peak = {pid: 0 for pid in pids}
        self.hwm: dict = {}
        self.interval, self.stop = interval, threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def reset_hwm(self) -> bool:
        try:
            for pid in self.procs:
                Path(f"/proc/{pid}/clear_refs").write_text("5")
            return True
        except OSError:
            return False

    def read_hwm(self) -> dict:
        peaks = {}
        for pid in self.procs:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peaks[pid] = int(line.split()[1]) * 1024
            except OSError:
                pass
        return peaks

    def run(self):
        while not self.stop.is_set():
            for pid, proc in self.procs.items():
                try:
                    self.peak[pid] = max(self.peak[pid], proc.memory_full_info().pss)
                except Exception:  # noqa: BLE001 - a process that ended
                    pass
            self.stop.wait(self.interval)

    def cpu(self) -> float:
        total = 0.0
        for proc in self.procs.values():
            try:
                t = proc.cpu_times()
                total += t.user + t.system
            except Exception:  # noqa: BLE001
                pass
        return total

    def __enter__(self):
        self.hwm_reset = self.reset_hwm()
        self.cpu0 = self.cpu()
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        self.cpu_seconds = self.cpu() - self.cpu0
        self.hwm = self.read_hwm() if self.hwm_reset else {}


ALTERNATED = "to_dtm, local path and dask x1 alternated"


def alternate(un, lazy_un, client, rows, repeat: int):
    """``repeat`` pairs of to_dtm runs, the local path on the UN corpus in memory then Dask on
    its cache dataset, one after the other: on a shared machine whose speed drifts by tens of
    per cent within minutes, the median of the pairs' ratios is the overhead, not one pair."""
    import statistics

    import discourse

    local, dask = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        discourse.to_dtm(un, use_cache=False)
        local.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        discourse.to_dtm(lazy_un, scheduler=client, use_cache=False)
        dask.append(time.perf_counter() - t0)
    ratios = [d / lo for d, lo in zip(dask, local)]
    rows.rows.append({"step": ALTERNATED, "workers": 2, "local_s": local, "dask_s": dask,
                      "ratios": ratios, "median_ratio": statistics.median(ratios),
                      "load": os.getloadavg()[1], "when": time.ctime()})
    rows.save_last()
    print_alternated(rows.rows[-1])


def print_alternated(r):
    print(f"| {r['step']} ({len(r['ratios'])} pairs): local "
          + ", ".join(f"{x:.1f}" for x in r["local_s"]) + " s; Dask "
          + ", ".join(f"{x:.1f}" for x in r["dask_s"]) + f" s; ratio median "
          f"{r['median_ratio']:.2f} (range {min(r['ratios']):.2f}-{max(r['ratios']):.2f}) |",
          flush=True)


def children_cpu() -> float:
    """CPU seconds of this process's ended children (the local path's process pools)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cluster(n_workers: int):
    from distributed import Client, LocalCluster

    c = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                     dashboard_address=None, silence_logs=logging.ERROR,
                     memory_limit=f"{20 // n_workers}GiB")
    client = Client(c)
    warm(client)
    return c, client


def warm(client):
    """Imports and lexicons loaded in every worker (as the local path's first call does)."""
    import discourse

    tiny = discourse.Corpus.from_texts(["We act. They wait? Russia and Syria met in 2024."] * 4)
    for _ in range(2):
        discourse.profile(tiny, scheduler=client, progress=False, use_cache=False)
        discourse.to_dtm(tiny, scheduler=client)


def digest(result) -> str:
    """SHA-256 of a profile table or a document-term matrix (to compare runs exactly)."""
    import hashlib

    import pandas as pd

    h = hashlib.sha256()
    if isinstance(result, pd.DataFrame):
        h.update("\x00".join(result.columns).encode())
        h.update(pd.util.hash_pandas_object(result, index=True).to_numpy().tobytes())
    else:
        h.update("\x00".join(result.terms).encode())
        h.update("\x00".join(result.doc_ids).encode())
        for a in (result.counts.indptr, result.counts.indices, result.counts.data):
            h.update(a.tobytes())
    return h.hexdigest()


class Results:
    """Rows measured so far, kept in a JSON-lines file: a run that was stopped resumes."""

    def __init__(self, path: Path):
        import json

        self.path, self.rows = path, []
        if path.exists():
            self.rows = [json.loads(line) for line in path.read_text().splitlines() if line]

    def find(self, step, workers):
        return next((r for r in self.rows if r["step"] == step and r["workers"] == workers), None)

    def add(self, row):
        self.rows.append(row)
        self.save_last()
        print_row(row)

    def save_last(self):
        import json

        with open(self.path, "a") as fh:
            fh.write(json.dumps(self.rows[-1]) + "\n")


def run(name, func, corpus, client, rows, *, n_docs, workers):
    done = rows.find(name, workers)
    if done is not None:
        print_row(done)
        return done
    from distributed import get_task_stream

    pids = list(client.run(os.getpid).values())
    with Poller(pids) as poll, get_task_stream(client) as stream:
        t0, c0, w0 = time.perf_counter(), time.process_time(), time.time()
        result = func(corpus, client)
        seconds, client_cpu, w1 = time.perf_counter() - t0, time.process_time() - c0, time.time()
    spans = [(ss["start"], ss["stop"]) for t in stream.data for ss in t["startstops"]
             if ss["action"] == "compute" and str(t["key"]).startswith("discourse-")]
    peak = max(poll.peak.values())
    share = poll.cpu_seconds / (seconds * workers)
    row = {"step": name, "documents": n_docs, "workers": workers, "seconds": seconds,
           "docs_per_s": n_docs / seconds, "peak_mib": peak / 2 ** 20,
           "worker_cpu_s": poll.cpu_seconds, "cpu_share": share, "client_cpu_s": client_cpu,
           "peak_rss_mib": max(poll.hwm.values()) / 2 ** 20 if poll.hwm else None,
           "pss_every_s": poll.interval, "tasks": len(spans),
           # the client alone: before the first task starts, after the last one ends
           "before_first_task_s": min(a for a, _ in spans) - w0 if spans else None,
           "after_last_task_s": w1 - max(b for _, b in spans) if spans else None,
           "digest": digest(result), "load": os.getloadavg()[1], "when": time.ctime()}
    rows.add(row)
    return row


def print_row(r):
    peak = f"{r['peak_mib']:,.0f}" if r.get("peak_mib") is not None else "-"
    cpu = f"{r['worker_cpu_s']:.0f}" if r.get("worker_cpu_s") is not None else "-"
    share = f"{r['cpu_share']:.2f}" if r.get("cpu_share") is not None else "-"
    client = f"{r['client_cpu_s']:.1f}" if r.get("client_cpu_s") is not None else "-"
    rss = f"{r['peak_rss_mib']:,.0f}" if r.get("peak_rss_mib") is not None else "-"
    every = f"{r.get('pss_every_s', 0.5):g}" if r.get("peak_mib") is not None else "-"
    print(f"| {r['step']} | {r['documents']:,} | {r['workers']} | {r['seconds']:.1f} | "
          f"{r['docs_per_s']:.0f} | {peak} | {every} | {rss} | {cpu} | {share} | {client} |",
          flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="2,5,10")
    parser.add_argument("--throughput-size", type=int, default=2)
    parser.add_argument("--functions", default="profile,to_dtm")
    parser.add_argument("--out", default=None, help="folder of the x10 dataset (kept)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="pairs of to_dtm runs, local path then Dask x1, alternated on "
                             "the same cluster, for the overhead (default 5)")
    args = parser.parse_args()
    import discourse
    from discourse.corpus.paths import data_home

    sizes = [int(s) for s in args.sizes.split(",") if s]
    functions = [f for f in args.functions.split(",") if f]
    copies = max(sizes + [args.throughput_size])
    out = Path(args.out) if args.out else Path(data_home()) / "bench" / "ungdc-copies"
    print(f"load average at the start: {os.getloadavg()}; {os.cpu_count()} cores")
    folder = build_dataset(out, copies)
    big = discourse.read_parquet(folder)

    def profile(corpus, client):
        return discourse.profile(corpus, scheduler=client, progress=False, use_cache=False)

    def to_dtm(corpus, client):
        return discourse.to_dtm(corpus, scheduler=client, use_cache=False)

    funcs = {"profile": profile, "to_dtm": to_dtm}
    rows = Results(out / "_results.jsonl")  # "_": not read as part of the dataset
    print("| step | documents | workers | seconds | docs/s | peak PSS per worker (MiB) | "
          "PSS sampled every (s) | peak RSS per worker (MiB) | worker CPU s | CPU share | "
          "client CPU s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    # the local path on the plain UN corpus
    un = discourse.load_ungdc(progress=False)
    discourse.profile(discourse.Corpus.from_texts(["We act. They wait?"]), progress=False)
    for name in functions:
        step = f"{name}, local path, UN corpus in memory"
        done = rows.find(step, os.cpu_count())
        if done is not None:
            print_row(done)
            continue
        t0, c0, k0 = time.perf_counter(), time.process_time(), children_cpu()
        result = (discourse.profile(un, progress=False, use_cache=False) if name == "profile"
                  else discourse.to_dtm(un, use_cache=False))
        seconds = time.perf_counter() - t0
        client_cpu = time.process_time() - c0
        rows.add({"step": step, "documents": len(un), "workers": os.cpu_count(),
                  "seconds": seconds, "docs_per_s": len(un) / seconds, "peak_mib": None,
                  "client_cpu_s": client_cpu, "worker_cpu_s": children_cpu() - k0,
                  "digest": digest(result), "load": os.getloadavg()[1], "when": time.ctime()})
        del result
    # what the Dask path pays and the local path (texts already in memory) does not
    step = "reading the UN cache dataset's partitions, one process"
    if rows.find(step, 1) is None:
        from discourse.corpus.parquet import corpus_partitions

        parts = corpus_partitions(discourse.load_ungdc(progress=False, lazy=True), n_workers=2)
        t0, c0 = time.perf_counter(), time.process_time()
        n_docs = sum(len(part.load()) for part in parts)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        rows.add({"step": step, "documents": n_docs, "workers": 1, "seconds": seconds,
                  "peak_mib": None, "docs_per_s": n_docs / seconds,
                  "client_cpu_s": cpu, "partitions": len(parts),
                  "load": os.getloadavg()[1], "when": time.ctime()})
    else:
        print_row(rows.find(step, 1))
    # Dask on the UN corpus's cache dataset
    lazy_un = discourse.load_ungdc(progress=False, lazy=True)
    c = client = None
    identical = {}
    for name in functions:
        step = f"{name}, dask x1 (UN cache dataset)"
        if rows.find(step, 2) is None and client is None:
            c, client = cluster(2)
        row = run(step, funcs[name], lazy_un, client, rows, n_docs=len(lazy_un), workers=2)
        identical[name] = row["digest"] == rows.find(f"{name}, local path, UN corpus in memory",
                                                     os.cpu_count())["digest"]
    if "to_dtm" in functions and args.repeat and rows.find(ALTERNATED, 2) is None:
        if client is None:
            c, client = cluster(2)
        alternate(un, lazy_un, client, rows, args.repeat)
    elif rows.find(ALTERNATED, 2) is not None:
        print_alternated(rows.find(ALTERNATED, 2))
    del un
    if client is not None:
        client.close()
        c.close()
    # throughput with 1 and 2 workers, memory as the corpus grows
    plan = [(args.throughput_size, 1)] + [(s, 2) for s in sorted(set(sizes) | {args.throughput_size})]
    for size, workers in plan:
        corpus = big.subset(copy=range(0, size))
        if all(rows.find(f"{name}, dask x{size}", workers) for name in functions):
            for name in functions:
                print_row(rows.find(f"{name}, dask x{size}", workers))
            continue
        c, client = cluster(workers)
        for name in functions:
            run(f"{name}, dask x{size}", funcs[name], corpus, client, rows, n_docs=len(corpus),
                workers=workers)
        client.close()
        c.close()
    print(f"load average at the end: {os.getloadavg()}")
    report(rows.rows, functions, sizes, args.throughput_size, identical)


def report(rows, functions, sizes, tsize, identical):
    def find(step, workers=None):
        for r in rows:
            if r["step"] == step and (workers is None or r["workers"] == workers):
                return r
        return None

    print()
    for name in functions:
        print(f"{name}: results on Dask identical to the local path, bit for bit (SHA-256 of "
              f"the table / matrix): "
              f"{'yes' if identical.get(name) else 'NO'}")
        loc, x1 = find(f"{name}, local path, UN corpus in memory"), find(f"{name}, dask x1 (UN cache dataset)")
        over = x1["seconds"] / loc["seconds"] - 1
        pairs = find(ALTERNATED) if name == "to_dtm" else None
        if pairs is not None:
            print(f"{name}: one pair {over:+.0%}; the median of {len(pairs['ratios'])} "
                  "alternated pairs is the overhead")
            over = pairs["median_ratio"] - 1
        read = find("reading the UN cache dataset's partitions, one process")
        local_cpu = (loc["client_cpu_s"] + loc["worker_cpu_s"]) if "worker_cpu_s" in loc else None
        tail = ""
        if x1.get("after_last_task_s") is not None:
            tail = (f"; the client alone {x1['before_first_task_s']:.1f} s before the first of "
                    f"{x1['tasks']} tasks and {x1['after_last_task_s']:.1f} s after the last")
        verdict = "met" if over <= 0.10 else (
            f"not met: the workers had {x1['cpu_share']:.2f} of two cores "
            f"({x1['worker_cpu_s']:.0f} CPU s in {x1['seconds']:.0f} s"
            + (f"; the local path {local_cpu:.0f} CPU s" if local_cpu else "")
            + (f"; reading the {read['partitions']} partitions' texts from Parquet alone "
               f"costs {read['client_cpu_s']:.1f} CPU s, which the local path, its texts in "
               f"memory, does not pay" if read else "") + tail + ")")
        print(f"{name}: Dask overhead on the UN corpus {over:+.0%} (goal <= +10 %): {verdict}")
        one, two = find(f"{name}, dask x{tsize}", 1), find(f"{name}, dask x{tsize}", 2)
        speed = two["docs_per_s"] / one["docs_per_s"]
        verdict = "met" if speed >= 1.8 else (
            f"not met: CPU share with 1 worker {one['cpu_share']:.2f}, with 2 workers "
            f"{two['cpu_share']:.2f}; CPU s {one['worker_cpu_s']:.0f} vs {two['worker_cpu_s']:.0f}"
            + (f"; the client alone after the last task {one['after_last_task_s']:.1f} s vs "
               f"{two['after_last_task_s']:.1f} s" if two.get("after_last_task_s") is not None
               else ""))
        print(f"{name}: 2 workers give {speed:.2f}x the throughput of 1 (goal >= 1.8x): {verdict}")
        peaks = [(s, find(f"{name}, dask x{s}", 2)["peak_mib"]) for s in sorted(sizes)]
        worst = max(p for _, p in peaks)
        growth = peaks[-1][1] / peaks[0][1] - 1
        ok = worst <= 1536 and growth <= 0.20
        print(f"{name}: peak PSS per worker " + ", ".join(f"x{s} {p:,.0f} MiB" for s, p in peaks)
              + f" (goal <= 1,536 MiB and flat: x{peaks[-1][0]} within 20 % of x{peaks[0][0]}; "
              f"{growth:+.0%}): {'met' if ok else 'not met'}")


if __name__ == "__main__":
    main()
