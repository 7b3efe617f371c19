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

from .validation.score import (FLOORS_PATH, match_spans, score_all, score_evaluation_target,
                               score_spans)


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


def test_evaluation_targets_by_hand():
    """A gazetteer target must be the same id; an ``other:`` target the same id or, unless
    strict, an overlapping target span; an unmatched evaluation scores no target."""
    gold = pd.DataFrame({
        "doc_id": ["a"] * 5, "start": [0, 20, 40, 60, 80], "end": [5, 25, 45, 65, 85],
        "target_actor": ["SYR", "other:terrorists", "other:terrorists", "ISR", "none"],
        "target_span": [[6, 11], [30, 39], [30, 39], [70, 75], None]})
    pred = pd.DataFrame({
        "doc_id": ["a"] * 6, "start": [0, 20, 40, 60, 80, 100], "end": [5, 25, 45, 65, 85, 105],
        "actor": ["SYR", "other:terrorist_groups", "other:armed_groups", "IRN", "USA", "SYR"],
        "target_start": [6, 28, 50, 70, 90, 106], "target_end": [11, 35, 55, 75, 95, 110]})
    s = score_evaluation_target(pred, gold)
    # right: SYR (id), the overlapping other: span; wrong: other: span elsewhere, IRN for ISR,
    # a target on a gold `none`; the sixth has no gold evaluation
    assert (s.n_gold, s.n_predicted, s.n_matched_gold) == (4, 6, 2)
    strict = score_evaluation_target(pred, gold, strict=True)
    assert strict.n_matched_gold == 1 and strict.detector == "evaluation target (strict id)"
    no_target = pred.assign(actor=[None] * 6)
    assert score_evaluation_target(no_target, gold).n_matched_gold == 0


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


def test_the_diagnosis_lists_no_item_of_the_test_set_or_the_reserve():
    from .validation.diagnose import diagnose_targets
    for split in ("test", "reserve"):
        with pytest.raises(ValueError, match="dev split only"):
            diagnose_targets(split, items=True)


def test_the_diagnosis_accounts_for_every_gold_target(ungdc):
    """Every gold evaluation with an actor target gets one stage, and the 'right' ones are
    exactly the evaluation-target score's matches (dev split, where items may be read)."""
    from .validation.diagnose import diagnose_targets
    from .validation.load import load_annotations
    from .validation.score import score_all
    d = diagnose_targets("dev", items=True)
    dev = score_all(split="dev").set_index("detector").loc["evaluation target"]
    assert len(d) == dev.n_gold
    assert (d["stage"] == "right").sum() == dev.n_matched_gold
    assert set(d["stage"]) <= {"right", "wrong target", "no target", "evaluation missed"}
    assert d["target_form"].notna().all() and (d["words"].str.len() > 0).all()
    gold = load_annotations("evaluation", split="dev")
    assert len(d) == gold["target_actor"].map(
        lambda a: isinstance(a, str) and a not in ("none", "unknown", "author", "")).sum()
