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
Peak memory is measured per step in a fresh subprocess, so steps do not share it: the
benchmark polls, every 50 ms from outside, the summed proportional set size (PSS) of the
step's process and all its worker processes (psutil). A forked worker's pages shared with
its parent (the loaded corpus it reads) are counted once, split between the processes that
share them, not once per process as ru_maxrss counts them.
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
import threading
import time

STEP = r"""
import json, sys, time
from discourse import load_ungdc
step, data = sys.argv[1], sys.argv[2]
corpus = load_ungdc(progress=False)
corpus.content_hash()
print("LOADED", flush=True)
sys.stdin.readline()  # the benchmark has measured the loaded corpus
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
print(json.dumps({"seconds": elapsed, "first": first if step == "keyness" else None,
                  "shape": list(shape)}), flush=True)
sys.stdin.readline()  # the benchmark has taken its last memory sample
"""


BREAKDOWN = r"""
import json, time
from collections import Counter
from discourse import load_ungdc
from discourse.corpus.normalize import fold_typography
from discourse.keywords.dtm import _body_text, _count_chunk
from discourse.text.tokens import _WORDS_NO_UNDERSCORE, _drop_possessives
texts = load_ungdc(progress=False).sample(1000, seed=3).texts
clock = time.process_time
out = {}
t = clock(); bodies = [_body_text(x) for x in texts]; out["body blocks"] = clock() - t
t = clock(); low = [_drop_possessives(fold_typography(b)).lower() for b in bodies]
out["fold, possessives, lower case"] = clock() - t
t = clock(); toks = [_WORDS_NO_UNDERSCORE.findall(x) for x in low]; out["word pattern (findall)"] = clock() - t
t = clock(); rows = [Counter(x) for x in toks]; out["Counter"] = clock() - t
kw = {"lowercase": True, "numbers": "keep", "stem": False, "stopwords": None}
t = clock(); _count_chunk((bodies, kw)); whole = clock() - t
out["sparse rows (rest of the chunk)"] = max(0.0, whole - out["fold, possessives, lower case"]
                                            - out["word pattern (findall)"] - out["Counter"])
from sklearn.feature_extraction.text import CountVectorizer
t = clock(); CountVectorizer().fit_transform(texts); out["sklearn CountVectorizer"] = clock() - t
print(json.dumps(out))
"""


def pss_tree(proc) -> int:
    """Summed PSS (bytes) of a process and all its descendants."""
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_full_info().pss
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            pass
    return total


def run(step: str, data: str) -> dict:
    import psutil

    env = dict(os.environ, DISCOURSE_DATA=data)
    child = subprocess.Popen([sys.executable, "-c", STEP, step, data], env=env, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    proc = psutil.Process(child.pid)
    assert child.stdout.readline().strip() == "LOADED"
    loaded = pss_tree(proc)
    peak = [loaded]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], pss_tree(proc))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    child.stdin.write("\n")
    child.stdin.flush()
    result = json.loads(child.stdout.readline())
    done.set()
    sampler.join()
    peak[0] = max(peak[0], pss_tree(proc))
    child.stdin.write("\n")
    child.stdin.flush()
    if child.wait() != 0:
        raise RuntimeError(f"benchmark step {step} failed")
    return {**result, "peak_mib": peak[0] / 2**20, "loaded_mib": loaded / 2**20}


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
    out = subprocess.run([sys.executable, "-c", BREAKDOWN], check=True, capture_output=True,
                         text=True)
    parts = json.loads(out.stdout.strip().splitlines()[-1])
    sk_cpu = parts.pop("sklearn CountVectorizer")
    print("where to_dtm's time goes (CPU seconds per 1,000 speeches, one process):")
    for name, sec in parts.items():
        print(f"  {name:<34} {sec:6.3f}")
    print(f"  {'total':<34} {sum(parts.values()):6.3f}   (CountVectorizer: {sk_cpu:.3f})")
    print(f"warm load = {results['ours_warm']['seconds']:.3f} s (goal <= 1 s: "
          f"{'met' if results['ours_warm']['seconds'] <= 1 else 'NOT met'})")
    key = results["keyness"]
    print(f"keyness subset vs rest = {1000 * key['seconds']:.1f} ms, first call "
          f"{1000 * key['first']:.1f} ms (goal <= 50 ms: "
          f"{'met' if key['seconds'] <= 0.05 else 'NOT met'})")


if __name__ == "__main__":
    main()
