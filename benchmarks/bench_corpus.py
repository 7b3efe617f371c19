"""Benchmark: reading the UN General Debate Corpus (issue: foundation).

Prints, in one run:
  floor  reading the archive and decoding every speech's bytes (nothing else)
  cold   load_ungdc() with an empty cache: read, decode, normalise (both cores), cache
  warm   load_ungdc() again: from the Parquet cache
Goals: warm <= 2 s; cold <= 3x the floor.

Run: DISCOURSE_UNGDC=../shared/data/ungdc python benchmarks/bench_corpus.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time


def timed(fn, repeat):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from discourse import load_ungdc
    from discourse.corpus.normalize import decode_bytes
    from discourse.corpus.paths import ungdc_path
    from discourse.corpus.ungdc import iter_ungdc_files

    source = ungdc_path()
    if source is None:
        raise SystemExit("set DISCOURSE_UNGDC to the UNGDC_*.tgz archive or its folder")

    def floor():
        n = 0
        for member, data in iter_ungdc_files(source):
            n += len(decode_bytes(data, path=member))
        return n

    rows = []
    fmin, fmed, chars = timed(floor, args.repeat)
    rows.append(("floor: read + decode archive", fmin, fmed, f"{chars / 1e6:.0f} M chars"))
    cold_times = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as d:
            t0 = time.perf_counter()
            corp = load_ungdc(path=source, data_dir=d, progress=False)
            cold_times.append(time.perf_counter() - t0)
    rows.append(("cold: load + normalise + cache", min(cold_times), statistics.median(cold_times),
                  f"{len(corp):,} speeches"))
    with tempfile.TemporaryDirectory() as d:
        load_ungdc(path=source, data_dir=d, progress=False)
        wmin, wmed, corp = timed(lambda: load_ungdc(path=source, data_dir=d, progress=False),
                                 args.repeat)
    rows.append(("warm: load from cache", wmin, wmed, f"{len(corp):,} speeches"))

    print(f"UN corpus load benchmark — {platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} cores, source {source.name}, "
          f"best/median of {args.repeat}")
    print(f"{'step':34} {'best s':>8} {'median s':>9}  notes")
    for name, best, med, note in rows:
        print(f"{name:34} {best:8.2f} {med:9.2f}  {note}")
    cold, warm = rows[1][1], rows[2][1]
    print(f"\ncold / floor = {cold / fmin:.2f}  (goal <= 3.00: {'met' if cold <= 3 * fmin else 'NOT met'})")
    print(f"warm = {warm:.2f} s  (goal <= 2.00 s: {'met' if warm <= 2 else 'NOT met'})")


if __name__ == "__main__":
    main()
