"""Benchmark: LDA with k = 20 on the full UN corpus, ours (gensim) against tomotopy (issue 5).

Both models see the same bag of words: the corpus prepared once by
``discourse.topics.prepare_topics`` (defaults: stop words and UN procedural words removed,
Phrases bigrams, min_df=5, max_df=0.5, at most 20,000 terms); tomotopy gets each document's
in-vocabulary tokens in order (``TopicCorpus.texts``), with no further filtering.

Rows:
  prepare (cold)   prepare_topics on the full corpus, cache disabled (for the record, untimed
                   against the goal)
  ours             fit_topics(tc, 20, model="lda", seed=0, passes=PASSES, iterations=ITERATIONS)
                   : gensim's single-process LdaModel (reproducible), as users get it, including
                   the document-topic table for every speech
  tomotopy         tomotopy.LDAModel(k=20, seed=0) with TOMOTOPY_ITERATIONS Gibbs sweeps,
                   workers=1 (one core, like ours)
Each step runs in a fresh subprocess; peak memory is that process's ru_maxrss (the corpus
loaded included). Coherence: c_npmi of each model's top-10 terms by p(term | topic), computed
by the same gensim CoherenceModel (window 10, one process) on the same token sequences.
Goal (issue 5): ours within 1.5x tomotopy's wall time at equal or better c_npmi, peak <= 4 GiB.

Run: DISCOURSE_UNGDC=../shared/data/ungdc nice python benchmarks/bench_topics.py
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

K = 20
SEED = 0
PASSES = 5
ITERATIONS = 50
TOMOTOPY_ITERATIONS = 500

STEP = r"""
import json, resource, sys, time
import numpy as np
from discourse import load_ungdc
from discourse.topics import prepare_topics, fit_topics
step, K, SEED, PASSES, ITERATIONS, TITER = sys.argv[1], *map(int, sys.argv[2:7])
corpus = load_ungdc(progress=False)
corpus.content_hash()
if step == "prepare":
    t0 = time.perf_counter()
    tc = prepare_topics(corpus, use_cache=False)
    elapsed = time.perf_counter() - t0
    prepare_topics(corpus)  # fill the cache for the next steps (untimed)
    top = None
    info = {"documents": len(tc), "terms": len(tc.dictionary), "phrases": len(tc.phrases),
            "tokens": int(tc.n_tokens.sum())}
else:
    tc = prepare_topics(corpus)
    if step == "ours":
        t0 = time.perf_counter()
        m = fit_topics(tc, K, model="lda", seed=SEED, passes=PASSES, iterations=ITERATIONS)
        elapsed = time.perf_counter() - t0
        phi = m.topic_word()
        terms = np.asarray(m.terms, dtype=object)
        top = [terms[np.argsort(-row, kind="stable")[:10]].tolist() for row in phi]
        info = {"settings": f"LdaModel passes={PASSES} iterations={ITERATIONS} chunksize=2000"}
    else:
        import tomotopy as tp
        texts = tc.texts
        t0 = time.perf_counter()
        mdl = tp.LDAModel(k=K, seed=SEED)
        for words in texts:
            if words:
                mdl.add_doc(words)
        mdl.train(TITER, workers=1)
        elapsed = time.perf_counter() - t0
        top = [[w for w, _ in mdl.get_topic_words(t, top_n=10)] for t in range(K)]
        info = {"settings": f"tomotopy {tp.__version__} LDAModel iter={TITER} workers=1"}
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_mib": peak / 1024, "top": top, "info": info}))
"""

COHERENCE = r"""
import json, sys
import numpy as np
from gensim.models import CoherenceModel
from discourse import load_ungdc
from discourse.topics import prepare_topics
tops = json.loads(sys.stdin.read())
tc = prepare_topics(load_ungdc(progress=False))
names = list(tops)
allt = [t for n in names for t in tops[n]]
cm = CoherenceModel(topics=allt, texts=tc.texts, dictionary=tc.dictionary, coherence="c_npmi",
                    topn=10, processes=1)
per = np.asarray(cm.get_coherence_per_topic())
out, i = {}, 0
for n in names:
    k = len(tops[n])
    out[n] = float(np.nanmean(per[i:i + k]))
    i += k
print(json.dumps(out))
"""


def run(step: str, env: dict) -> dict:
    out = subprocess.run([sys.executable, "-c", STEP, step, str(K), str(SEED), str(PASSES),
                          str(ITERATIONS), str(TOMOTOPY_ITERATIONS)], env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as data:
        # the data folder (corpus and preparation caches, untimed) is DISCOURSE_DATA when set
        env = dict(os.environ, DISCOURSE_DATA=os.environ.get("DISCOURSE_DATA") or data)
        results = {s: run(s, env) for s in ("prepare", "ours", "tomotopy")}
        coh = subprocess.run([sys.executable, "-c", COHERENCE], env=env, check=True,
                             capture_output=True, text=True,
                             input=json.dumps({s: results[s]["top"] for s in ("ours", "tomotopy")}))
        npmi = json.loads(coh.stdout.strip().splitlines()[-1])
    info = results["prepare"]["info"]
    print(f"LDA k={K} on the UN corpus: {info['documents']} speeches, {info['terms']} terms, "
          f"{info['phrases']} phrases, {info['tokens']:,} tokens — {os.cpu_count()} cores")
    print(f"{'step':<16}{'seconds':>10}{'peak MiB':>10}{'c_npmi':>9}  settings")
    print(f"{'prepare (cold)':<16}{results['prepare']['seconds']:>10.1f}"
          f"{results['prepare']['peak_mib']:>10.0f}{'':>9}  prepare_topics defaults, no cache")
    for s in ("ours", "tomotopy"):
        r = results[s]
        print(f"{s:<16}{r['seconds']:>10.1f}{r['peak_mib']:>10.0f}{npmi[s]:>9.3f}  "
              f"{r['info']['settings']}")
    ratio = results["ours"]["seconds"] / results["tomotopy"]["seconds"]
    ok = (ratio <= 1.5 and npmi["ours"] >= npmi["tomotopy"]
          and results["ours"]["peak_mib"] <= 4096)
    print(f"ours/tomotopy time: {ratio:.2f}x; c_npmi ours - tomotopy: "
          f"{npmi['ours'] - npmi['tomotopy']:+.3f}; goal (<= 1.5x, >= coherence, <= 4 GiB): "
          f"{'met' if ok else 'NOT met'}")
    for s in ("ours", "tomotopy"):
        print(f"\n{s} topics (top 10 by p(term|topic)):")
        for t, words in enumerate(results[s]["top"]):
            print(f"  {t:>2} {' '.join(words)}")


if __name__ == "__main__":
    main()
