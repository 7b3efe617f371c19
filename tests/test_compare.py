"""Placing the article among comparison sets: percentiles, effect sizes, bad input."""
import math

import pandas as pd
import pytest

from discourse import Corpus
from discourse.compare.metrics import COMPARISON_COLUMNS, compare_to_reference, stat_metrics
from discourse.corpus.comparisons import comparison_sets, sampled_world
from discourse.errors import EmptyInputError, InputError


def test_percentile_and_effect_by_hand():
    ref = pd.DataFrame({"doc_id": list("abcdef"), "x": [1.0, 2, 2, 3, 4, 10], "flat": 5.0})
    art = pd.DataFrame({"doc_id": ["art"], "x": [2.0], "flat": [5.0]})
    raw = compare_to_reference(art, ref, reference_name="ref")
    assert list(raw.columns) == COMPARISON_COLUMNS
    tab = raw.set_index("metric")
    # mid-rank: 1 value below, 2 equal of 6 -> (1 + 0.5 * 2) / 6 = 33.33 %
    assert tab.loc["x", "percentile"] == pytest.approx(100 * 2 / 6)
    median, mad = 2.5, 1.4826 * 1.0  # |x - 2.5| = 1.5 .5 .5 .5 1.5 7.5 -> median 1.0
    assert tab.loc["x", "median"] == median and tab.loc["x", "q1"] == 2.0 and tab.loc["x", "q3"] == 3.75
    assert tab.loc["x", "effect_size"] == pytest.approx((2 - median) / mad)
    assert tab.loc["flat", "percentile"] == 50.0 and math.isnan(tab.loc["flat", "effect_size"])


def test_bad_input():
    art = pd.DataFrame({"doc_id": ["art"], "x": [1.0]})
    with pytest.raises(EmptyInputError, match="comparison set 'empty' has no document"):
        compare_to_reference(art, pd.DataFrame({"doc_id": [], "x": []}), reference_name="empty")
    with pytest.raises(InputError, match="share no numeric metric"):
        compare_to_reference(art, pd.DataFrame({"doc_id": ["a"], "y": [1.0]}))
    tiny = Corpus.from_texts(["x"], meta={"country": ["FRA"], "year": [2000]})
    with pytest.raises(EmptyInputError, match="comparison set 'Syria before 2011' selects no document"):
        comparison_sets(tiny)


def test_metrics_of_the_article(article):
    from discourse import load_dictionary

    tab = stat_metrics(article, dictionary=load_dictionary("frames"))
    row = tab.iloc[0]
    assert row["n_sentences"] == 36 and row["n_tokens"] == 948
    assert row["rate_balance"] == pytest.approx(1e4 * 12 / 948)
    assert -1 <= row["sentiment_compound"] <= 1


def test_sampled_world_keeps_every_set(ungdc):
    world = sampled_world(ungdc, sample=20, seed=1)
    sets = comparison_sets(world)
    assert len(sets["Syria before 2011"]) + len(sets["Syria 2011-2024"]) == 74
    assert sorted(sets["named states 2024"].meta["country"]) == ["EGY", "IRN", "RUS", "SAU", "TUR", "UKR", "USA"]
    assert len(world) == 74 + 7 + 20


def test_era_sets(ungdc):
    from discourse.corpus.comparisons import era_sets

    sets = era_sets(sampled_world(ungdc, sample=20, seed=1))
    assert list(sets) == ["Syria before 2011", "Syria 2011-2024", "Syria 2024", "named states 2024"]
    assert sets["Syria 2024"].ids == ["SYR_79_2024"]
    assert sorted(sets["Syria 2011-2024"].meta["year"]) == list(range(2011, 2025))
    assert max(sets["Syria before 2011"].meta["year"]) == 2010
