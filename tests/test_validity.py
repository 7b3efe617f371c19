"""The detectors' precision and recall on the validation set must not fall below the floors
recorded in tests/validation/floors.json (``python benchmarks/bench_validity.py --record``
writes them, the measured values rounded down to two decimals). The goals of issue #11 and the
figures are in docs/rhetoric.md ("Validity"); this test guards against regressions, and fails
too when a detector that had a floor disappears.

The matching code itself is checked on hand-made spans first.
"""
import json
import math

import pandas as pd
import pytest

from .validation.score import FLOORS_PATH, match_spans, score_all, score_spans


def test_matching_is_one_to_one_by_overlap():
    pred = [(0, 10), (12, 20), (100, 110)]
    gold = [(0, 9), (5, 20), (200, 210)]
    # (0,10)~(0,9) overlap 9; (0,10)~(5,20) overlap 5 ≥ half of 10; (12,20)~(5,20) overlap 8
    assert match_spans(pred, gold) == {0: 0, 1: 1}
    assert match_spans([(0, 10)], [(8, 30)]) == {}  # overlap 2 < half of the shorter (10)
    assert match_spans([(0, 4)], [(2, 30)]) == {0: 0}  # overlap 2 = half of the shorter (4)


def test_precision_and_recall_by_hand():
    pred = pd.DataFrame({"doc_id": ["a", "a", "b"], "start": [0, 50, 0], "end": [10, 60, 5]})
    gold = pd.DataFrame({"doc_id": ["a", "b", "b"], "start": [1, 0, 40], "end": [10, 5, 45]})
    s = score_spans("x", pred, gold)
    assert (s.n_predicted, s.n_gold, s.n_matched_predicted) == (3, 3, 2)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 3)


@pytest.fixture(scope="module")
def validity(ungdc):
    return score_all().set_index("detector")


def test_detectors_hold_their_recorded_floors(validity):
    floors = json.loads(FLOORS_PATH.read_text())
    assert floors, "no floors recorded"
    failures = []
    for detector, floor in sorted(floors.items()):
        assert detector in validity.index and not validity.loc[detector, "missing"], detector
        row = validity.loc[detector]
        for metric in ("precision", "recall"):
            if floor.get(metric) is None:
                continue
            value = row[metric]
            if math.isnan(value) or value < floor[metric]:
                failures.append(f"{detector} {metric} {value:.3f} < floor {floor[metric]:.2f}")
    assert not failures, failures
