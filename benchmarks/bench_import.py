"""Benchmark: how long ``import discourse`` and ``discourse --help`` take beyond Python itself.

Prints, in one run, the median wall time of 7 fresh interpreters each for: ``python -c pass``
(the floor), ``import discourse``, ``discourse --help`` (the parser of every verb), and
``import discourse; discourse.profile`` (the first real use: the rhetoric family loads).
Goal (issue #14 item 16): ``import discourse`` and ``discourse --help`` well under a second
more than Python itself.

Run: python benchmarks/bench_import.py
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time

CASES = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "import discourse": [sys.executable, "-c", "import discourse"],
    "discourse --help": [sys.executable, "-m", "discourse.cli", "--help"],
    "first use (discourse.profile)": [sys.executable, "-c", "import discourse; discourse.profile"],
}


def median_time(cmd: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    results = {name: median_time(cmd) for name, cmd in CASES.items()}
    floor = results["python -c pass"]
    print(f"{'step':<32} {'seconds':>8} {'beyond Python':>14}")
    for name, sec in results.items():
        print(f"{name:<32} {sec:8.3f} {sec - floor:14.3f}")
    worst = max(results["import discourse"], results["discourse --help"]) - floor
    print(f"\ngoal: import and --help < 0.5 s beyond Python -> {worst:.3f} s "
          f"({'met' if worst < 0.5 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
