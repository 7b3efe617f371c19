"""Benchmark: Wordfish on the UN General Debate corpus (issue #12).

Prints one row per fit:
  2024          every 2024 speech (~190 documents), counted by discourse.scaling.apply.scaling_dtm
                (stop words, numbers and UN procedural words removed; terms in >= 5% of the
                speeches and seen >= 10 times)
  1940s ...     every speech of one decade, counted the same way (one fit per decade)
Columns: documents and terms after trimming, passes, whether the stopping rule was met,
seconds to count (to_dtm + trimming; the DTM cache is warm after the first run) and to fit,
and the peak memory the fit allocated (tracemalloc, numpy buffers included).
Goal: a fit of a few thousand terms in seconds, not minutes.

Run: DISCOURSE_UNGDC=../shared/data/ungdc python benchmarks/bench_scaling.py
"""
from __future__ import annotations

import os
import time
import tracemalloc
import warnings


def _fit(corpus):
    from discourse.scaling import fit_wordfish
    from discourse.scaling.apply import scaling_dtm

    t0 = time.perf_counter()
    dtm = scaling_dtm(corpus)
    counted = time.perf_counter() - t0
    tracemalloc.start()
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # reported in the 'converged' column
        fit = fit_wordfish(dtm)
    seconds = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"documents": len(fit.doc_ids), "terms": len(fit.terms), "passes": fit.n_iter,
            "converged": fit.converged, "count_s": counted, "fit_s": seconds,
            "peak_mib": peak / 2 ** 20}


def main() -> None:
    from discourse import load_ungdc

    un = load_ungdc(progress=False)
    rows = [("2024", _fit(un.subset(year=2024)))]
    for decade in range(1940, 2030, 10):
        rows.append((f"{decade}s", _fit(un.subset(year=range(decade, decade + 10)))))
    print(f"Wordfish on the UN General Debate corpus — {os.cpu_count()} cores")
    print(f"{'set':<7}{'docs':>6}{'terms':>7}{'passes':>8}{'conv.':>7}{'count s':>9}"
          f"{'fit s':>8}{'s/pass':>8}{'peak MiB':>10}")
    for name, r in rows:
        print(f"{name:<7}{r['documents']:>6}{r['terms']:>7}{r['passes']:>8}"
              f"{'yes' if r['converged'] else 'no':>7}{r['count_s']:>9.2f}{r['fit_s']:>8.2f}"
              f"{r['fit_s'] / r['passes']:>8.3f}{r['peak_mib']:>10.1f}")


if __name__ == "__main__":
    main()
