"""Benchmark: the full rhetoric profile of every UN speech against textstat's readability.

Prints, in one run, on the same 10,952 normalised UN General Debate speeches:
  ours        discourse.profile (structure, seven readability formulas, six lexical-diversity
              measures, stance markers, five device detectors, VADER per sentence; both
              cores), from scratch: earlier profile cache entries are deleted first, and the
              time includes writing the new one
  textstat    textstat's seven readability formulas alone (flesch_reading_ease,
              flesch_kincaid_grade, gunning_fog, smog_index, coleman_liau_index,
              automated_readability_index, dale_chall_readability_score) on the same texts,
              one core (textstat has no parallel mode); its caches are warm after the first
              document, as in normal use
  ours warm   discourse.profile again, from the cache
Each step runs in a fresh subprocess (wall time and peak resident memory, ru_maxrss of the
process and its children). textstat needs NLTK's cmudict: NLTK_DATA is pointed at
../shared/data/nltk_data for its step only.
Goal (issue #10): ours <= 0.33x textstat's time for its readability alone (it was 0.5x in the
rhetoric issue).

Run: DISCOURSE_UNGDC=../shared/data/ungdc python benchmarks/bench_rhetoric.py [--sample N]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NLTK_DATA = ROOT.parent / "shared" / "data" / "nltk_data"

STEP = r"""
import json, resource, sys, time
from discourse import load_ungdc
step, sample = sys.argv[1], int(sys.argv[2])
corpus = load_ungdc(progress=False)
if sample:
    corpus = corpus.sample(sample, seed=1)
corpus.content_hash()
texts = corpus.texts
t0 = time.perf_counter()
if step in ("ours", "ours_warm"):
    from discourse.rhetoric.profile import profile
    if step == "ours":
        from pathlib import Path
        from discourse.corpus.paths import cache_dir
        for old in Path(cache_dir()).glob("profile-*.parquet*"):
            old.unlink()
        t0 = time.perf_counter()
    table = profile(corpus, use_cache=True, progress=False)
    shape = table.shape
else:
    import textstat
    formulas = (textstat.flesch_reading_ease, textstat.flesch_kincaid_grade,
                textstat.gunning_fog, textstat.smog_index, textstat.coleman_liau_index,
                textstat.automated_readability_index, textstat.dale_chall_readability_score)
    rows = [[f(t) for f in formulas] for t in texts]
    shape = (len(rows), len(formulas))
elapsed = time.perf_counter() - t0
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"seconds": elapsed, "peak_mib": peak / 1024, "shape": list(shape),
                  "documents": len(texts), "kwords": sum(len(t.split()) for t in texts) / 1000}))
"""


COMPONENTS = r"""
import json, sys, time
from discourse import load_ungdc
from discourse.corpus.documents import Corpus, Document
from discourse.rhetoric.profile import profile_components
from discourse.text.parsed import parse
un = load_ungdc(progress=False).sample(int(sys.argv[1]), seed=7)
words = sum(len(d.text.split()) for d in un) / 1000
warm = Corpus.from_texts(["We act. They wait? Balance, not rivalry."])
for _, f in profile_components():
    f(warm)  # dictionaries and lexicons loaded once, as in every worker
corpus = Corpus.from_documents([Document(d.id, d.text) for d in un])
clock = time.process_time
out = {}
t = clock(); [d.blocks for d in corpus]; out["blocks"] = clock() - t
t = clock(); [parse(d).sentences for d in corpus]; out["sentence splitting (Punkt)"] = clock() - t
t = clock(); [parse(d).n_words for d in corpus]; out["words with offsets"] = clock() - t
for name, f in profile_components():
    t = clock(); f(corpus); out[name] = clock() - t
print(json.dumps({k: 1000 * v / words for k, v in out.items()}))
"""


def components(sample: int) -> dict:
    """CPU milliseconds per 1,000 words of each part of the profile, one process."""
    out = subprocess.run([sys.executable, "-c", COMPONENTS, str(sample)], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(step: str, sample: int) -> dict:
    env = dict(os.environ)
    if step == "textstat":
        env["NLTK_DATA"] = str(NLTK_DATA)
    out = subprocess.run([sys.executable, "-c", STEP, step, str(sample)], env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=0,
                        help="profile a sample of this many speeches (default: all)")
    args = parser.parse_args()
    # "ours" computes the profile from scratch and writes the cache that "ours_warm" reads
    results = {"ours": run("ours", args.sample)}
    results["textstat"] = run("textstat", args.sample)
    results["ours_warm"] = run("ours_warm", args.sample)
    base = results["textstat"]["seconds"]
    print(f"{'step':<10} {'documents':>9} {'seconds':>9} {'× textstat':>10} {'peak MiB':>9}")
    for name, r in results.items():
        print(f"{name:<10} {r['documents']:>9,} {r['seconds']:>9.1f} {r['seconds'] / base:>10.2f} "
              f"{r['peak_mib']:>9.0f}")
    ratio = results["ours"]["seconds"] / base
    print(f"\ngoal: ours <= 0.33 x textstat  ->  {ratio:.2f} x  "
          f"({'met' if ratio <= 0.33 else 'NOT met'})")
    parts = components(300)
    print("\nwhere the profile's time goes (CPU ms per 1,000 words, one process, 300 speeches):")
    for name, ms in sorted(parts.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<28} {ms:6.2f}")
    print(f"  {'total':<28} {sum(parts.values()):6.2f}")
    ts = results["textstat"]
    print(f"  textstat, 7 formulas, one core: {1000 * ts['seconds'] / ts['kwords']:.2f} ms per "
          f"1,000 words (wall); the goal needs our total <= "
          f"{2 * 0.33 * 1000 * ts['seconds'] / ts['kwords']:.2f} on two cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
