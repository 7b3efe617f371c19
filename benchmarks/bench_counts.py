"""Benchmark: the document-term matrix of the full UN corpus (issue: keywords).

Prints, in one run, on the same 10,952 normalised speeches:
  ours cold     discourse.to_dtm (unigrams, lowercased, sparse; both cores), cache disabled
  sklearn       scikit-learn CountVectorizer(lowercase=True) on the same texts (one core:
                it has no parallel mode); its default token pattern differs slightly from ours
                (it drops one-letter words and splits on apostrophes and hyphens)
  ours warm     to_dtm again, from the cache
  keyness       stat_keyness of one subset (Syria) against the rest over the full vocabulary:
                best of 5 calls on one matrix (the first also sums the matrix's term totals,
                which later calls reuse; its time is printed too)
Peak memory is measured per step in a fresh subprocess (ru_maxrss), so steps do not share it;
for our parallel build it is the main process's peak plus two times the largest worker's (an
upper bound: the workers' peaks need not coincide).
Goals: ours <= 0.5x CountVectorizer's wall time with no more peak memory; warm load <= 1 s;
keyness <= 50 ms.

Run: DISCOURSE_UNGDC=../shared/data/ungdc python benchmarks/bench_counts.py
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

STEP = r"""
import json, resource, sys, time
from discourse import load_ungdc
step, data = sys.argv[1], sys.argv[2]
corpus = load_ungdc(progress=False)
corpus.content_hash()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
if step == "ours_cold":
    from discourse.keywords.dtm import to_dtm
    m = to_dtm(corpus, use_cache=False)
    shape = m.counts.shape
elif step == "sklearn":
    from sklearn.feature_extraction.text import CountVectorizer
    m = CountVectorizer(lowercase=True).fit_transform(corpus.texts)
    shape = m.shape
elif step == "ours_warm":
    from discourse.keywords.dtm import to_dtm
    m = to_dtm(corpus, use_cache=True)
    shape = m.counts.shape
elif step == "keyness":
    from discourse.keywords.dtm import to_dtm
    from discourse.keywords.keyness import stat_keyness
    m = to_dtm(corpus, use_cache=True)
    t0 = time.perf_counter()
    times = []
    for _ in range(5):
        t1 = time.perf_counter()
        table = stat_keyness(*m.split((m.docvars["country"] == "SYR").to_numpy()))
        times.append(time.perf_counter() - t1)
    shape = (len(table), 0)
    elapsed, first = min(times), times[0]
if step != "keyness":
    elapsed = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # largest worker process
n_workers = 2 if step == "ours_cold" else 0
print(json.dumps({"seconds": elapsed, "first": first if step == "keyness" else None,
                  "peak_mib": (peak + n_workers * workers) / 1024, "loaded_mib": base / 1024,
                  "shape": list(shape)}))
"""


def run(step: str, data: str) -> dict:
    env = dict(os.environ, DISCOURSE_DATA=data)
    out = subprocess.run([sys.executable, "-c", STEP, step, data], env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as data:
        run("ours_warm", data)  # builds the corpus cache and the DTM cache once, untimed
        results = {s: run(s, data) for s in ("ours_cold", "sklearn", "ours_warm", "keyness")}
    print(f"document-term matrix of the UN corpus — {os.cpu_count()} cores")
    print(f"{'step':12} {'seconds':>9} {'peak MiB':>9} {'of which corpus':>16}  shape")
    for step, r in results.items():
        print(f"{step:12} {r['seconds']:9.3f} {r['peak_mib']:9.0f} {r['loaded_mib']:16.0f}  "
              f"{tuple(r['shape'])}")
    ours, sk = results["ours_cold"], results["sklearn"]
    ratio = ours["seconds"] / sk["seconds"]
    print(f"\nours / CountVectorizer time = {ratio:.2f} (goal <= 0.50: "
          f"{'met' if ratio <= 0.5 else 'NOT met'})")
    extra_ours = ours["peak_mib"] - ours["loaded_mib"]
    extra_sk = sk["peak_mib"] - sk["loaded_mib"]
    print(f"peak memory above the loaded corpus: ours {extra_ours:.0f} MiB, CountVectorizer "
          f"{extra_sk:.0f} MiB (goal: no more: {'met' if extra_ours <= extra_sk else 'NOT met'})")
    print(f"warm load = {results['ours_warm']['seconds']:.3f} s (goal <= 1 s: "
          f"{'met' if results['ours_warm']['seconds'] <= 1 else 'NOT met'})")
    key = results["keyness"]
    print(f"keyness subset vs rest = {1000 * key['seconds']:.1f} ms, first call "
          f"{1000 * key['first']:.1f} ms (goal <= 50 ms: "
          f"{'met' if key['seconds'] <= 0.05 else 'NOT met'})")


if __name__ == "__main__":
    main()
