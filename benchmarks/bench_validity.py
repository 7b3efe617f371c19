"""Precision and recall of the detectors on the hand-annotated validation set (issue #11).

    python benchmarks/bench_validity.py            # the table, goals and recorded floors
    python benchmarks/bench_validity.py --record   # write tests/validation/floors.json
    python benchmarks/bench_validity.py --diagnose # where the evaluation-target recall goes

The set (tests/validation/, 111 texts the detectors were not written on, guidelines in
docs/annotation.md) needs the UN corpus (DISCOURSE_UNGDC) and the Lee corpus (inside gensim).
Matching rules: tests/validation/score.py and docs/rhetoric.md ("Validity"). No timing here:
this is a measurement of validity, not of speed.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.validation.score import FLOORS_PATH as FLOORS, score_all  # noqa: E402


def floor(value: float) -> float | None:
    """The recorded floor: the measured value rounded down to two decimals."""
    return None if value is None or math.isnan(value) else math.floor(value * 100) / 100


def diagnose(split: str, batch) -> int:
    """Print the gold evaluation targets by stage (what the detector did) and target form."""
    import pandas as pd
    from tests.validation.diagnose import diagnose_targets
    d = diagnose_targets(split, batch)
    print(f"evaluation targets, {split} split" + (f", batch {batch}" if batch else "")
          + f": {len(d)} gold evaluations with an actor target")
    table = pd.crosstab(d["target_form"], d["stage"], margins=True, margins_name="all")
    order = [c for c in ("right", "wrong target", "no target", "evaluation missed", "all")
             if c in table.columns]
    print(table[order].to_string())
    print("\ntarget outside the evaluation's sentence:",
          int((d["sentence"] == "other").sum()), "of", len(d))
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true",
                        help=f"write the measured values, rounded down, to {FLOORS.relative_to(ROOT)}")
    parser.add_argument("--split", choices=("test", "dev"), default="test",
                        help="the held-out test set (default) or the dev set detectors are tuned on")
    parser.add_argument("--batch", type=int, default=None,
                        help="only the test set's texts of this batch (2: those annotated "
                             "after the detectors were last changed); default: all")
    parser.add_argument("--diagnose", action="store_true",
                        help="where the evaluation-target recall is lost: counts of the gold "
                             "targets by stage and form (tests/validation/diagnose.py)")
    args = parser.parse_args(argv)
    if args.record and (args.split != "test" or args.batch is not None):
        parser.error("floors are recorded on the whole test set only")
    if args.batch is not None and args.split != "test":
        parser.error("--batch selects texts of the test set")
    if args.diagnose:
        return diagnose(args.split, args.batch)
    table = score_all(split=args.split, batch=args.batch)
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() and args.split == "test" \
        and args.batch is None else {}
    print(f"validation set: {args.split} split"
          + (f", batch {args.batch}" if args.batch is not None else ""))

    def fmt(x):
        return "" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.2f}"

    print(f"{'detector':<29} {'gold':>5} {'pred':>5} {'P':>5} {'R':>5}  {'goal P':>6} {'goal R':>6}"
          f"  {'floor P':>7} {'floor R':>7}  verdict")
    for r in table.itertuples():
        if r.missing:
            print(f"{r.detector:<29} {r.n_gold:>5} {'':>5} {'—':>5} {'—':>5}  no detector")
            continue
        f = floors.get(r.detector, {})
        verdict = []
        for name, value, goal in (("P", r.precision, r.goal_precision),
                                  ("R", r.recall, r.goal_recall)):
            if goal is not None and not math.isnan(goal):
                verdict.append(f"{name} {'met' if value >= goal else 'NOT met'}")
        print(f"{r.detector:<29} {r.n_gold:>5} {int(r.n_predicted):>5} {fmt(r.precision):>5} "
              f"{fmt(r.recall):>5}  {fmt(r.goal_precision):>6} {fmt(r.goal_recall):>6}  "
              f"{fmt(f.get('precision')):>7} {fmt(f.get('recall')):>7}  {', '.join(verdict)}")
    if args.record:
        out = {r.detector: {"precision": floor(r.precision), "recall": floor(r.recall)}
               for r in table.itertuples() if not r.missing}
        FLOORS.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
        print(f"floors written to {FLOORS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
