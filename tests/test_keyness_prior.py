"""Fightin' Words with the prior as a parameter (issue #11, item 6).

Checked three ways:

- Monroe, Colaresi & Quinn (2008), eq. 16 and 18–22, written out term by term in this file (a
  loop, not the vectorised code), for a uniform, a per-term and a background prior, and one
  case worked by hand;
- the ``fightin-words`` package (1.0.5, Kenneth Lim; the maintained PyPI port of Jack Hessel's
  script): its README example, reproduced to 1e-6 (it computes in float32). Two facts about the package, stated so the
  comparison is honest: it is Python 2 code (``xrange``), so the test gives its module
  ``xrange = range``; and its ``transform`` joins the two texts into one document before
  counting, so the numbers its README example prints are the log-odds of the *pooled* text
  against an empty second sample. The test reproduces exactly those numbers from the same
  counts, and checks separately (against the loop above) that ours compares the two samples;
- properties: the prior is spread over the whole vocabulary, so filters do not change a term's
  score; the default (pooled counts) is the earlier behaviour.
"""
import importlib
import math

import numpy as np
import pandas as pd
import pytest

from discourse import Corpus
from discourse.errors import EmptyInputError, InputError
from discourse.keywords.dtm import to_dtm
from discourse.keywords.keyness import keyness_from_counts, stat_keyness


def monroe(a: dict, b: dict, alpha: dict) -> dict:
    """z-scores of Monroe et al.'s log-odds ratio with prior ``alpha``, term by term."""
    n_i, n_j = sum(a.values()), sum(b.values())
    alpha0 = sum(alpha.values())
    out = {}
    for w in alpha:
        y_i, y_j, a_w = a.get(w, 0), b.get(w, 0), alpha[w]
        delta = (math.log((y_i + a_w) / (n_i + alpha0 - y_i - a_w))       # eq. 16
                 - math.log((y_j + a_w) / (n_j + alpha0 - y_j - a_w)))
        variance = 1 / (y_i + a_w) + 1 / (y_j + a_w)                      # eq. 20
        out[w] = (delta, delta / math.sqrt(variance))                      # eq. 22
    return out


TARGET = Corpus.from_texts(["war war war peace sanctions occupation war",
                            "occupation resistance war sovereignty"], ids=["t1", "t2"])
REFERENCE = Corpus.from_texts(["peace peace cooperation development war",
                               "development peace sovereignty partnership"], ids=["r1", "r2"])
BACKGROUND = Corpus.from_texts(["peace development war cooperation peace the of",
                                "partnership peace development"], ids=["b1", "b2"])


def counts(corpus) -> dict:
    dtm = to_dtm(corpus)
    return dict(zip(dtm.terms, dtm.term_counts().tolist()))


def check_against_monroe(table: pd.DataFrame, alpha: dict):
    expected = monroe(counts(TARGET), counts(REFERENCE), alpha)
    assert sorted(table["term"]) == sorted(expected)
    for row in table.itertuples():
        delta, z = expected[row.term]
        assert row.log_odds == pytest.approx(delta, rel=1e-12, abs=1e-14)
        assert row.log_odds_z == pytest.approx(z, rel=1e-12, abs=1e-14)


def vocabulary():
    return sorted(set(counts(TARGET)) | set(counts(REFERENCE)))


def test_worked_by_hand():
    # a = (3, 1), b = (1, 3), T = R = 4, α = 0.5 each, α0 = 1:
    # δ_war = ln(3.5 / (4 + 1 - 3.5)) - ln(1.5 / (4 + 1 - 1.5)) = ln(7/3) - ln(3/7) = 2 ln(7/3)
    # var = 1/3.5 + 1/1.5;  z = δ / sqrt(var)
    tab = keyness_from_counts(["war", "peace"], [3, 1], [1, 3], 4, 4, prior=0.5)
    delta = 2 * math.log(7 / 3)
    assert tab["log_odds"].tolist() == pytest.approx([delta, -delta], rel=1e-14)
    z = delta / math.sqrt(1 / 3.5 + 1 / 1.5)
    assert tab["log_odds_z"].tolist() == pytest.approx([z, -z], rel=1e-14)


def test_uniform_prior_is_monroe_uninformative_dirichlet():
    table = stat_keyness(TARGET, REFERENCE, prior=0.01)
    check_against_monroe(table, {w: 0.01 for w in vocabulary()})


def test_per_term_prior_as_mapping_and_series():
    alpha = {w: 0.1 + 0.05 * i for i, w in enumerate(vocabulary())}
    check_against_monroe(stat_keyness(TARGET, REFERENCE, prior=alpha), alpha)
    check_against_monroe(stat_keyness(TARGET, REFERENCE, prior=pd.Series(alpha)), alpha)
    extra = {**alpha, "unrelated": 5.0}  # terms outside the vocabulary are ignored
    check_against_monroe(stat_keyness(TARGET, REFERENCE, prior=extra), alpha)


def test_background_prior_is_add_one_smoothed_background_distribution():
    bg = counts(BACKGROUND)
    vocab = vocabulary()
    total = sum(bg.values())  # prior_size defaults to the background's token count
    seen = sum(bg.get(w, 0) for w in vocab)
    alpha = {w: total * (bg.get(w, 0) + 1) / (seen + len(vocab)) for w in vocab}
    check_against_monroe(stat_keyness(TARGET, REFERENCE, prior=BACKGROUND), alpha)
    # the same from a matrix, and scaled by prior_size
    check_against_monroe(stat_keyness(TARGET, REFERENCE, prior=to_dtm(BACKGROUND)), alpha)
    scaled = {w: 10 * (bg.get(w, 0) + 1) / (seen + len(vocab)) for w in vocab}
    check_against_monroe(stat_keyness(TARGET, REFERENCE, prior=BACKGROUND, prior_size=10),
                         scaled)


def test_default_prior_is_the_pooled_counts():
    pooled = {w: counts(TARGET).get(w, 0) + counts(REFERENCE).get(w, 0) for w in vocabulary()}
    check_against_monroe(stat_keyness(TARGET, REFERENCE), pooled)
    check_against_monroe(stat_keyness(TARGET, REFERENCE, prior=None), pooled)


def test_filters_do_not_change_a_terms_score():
    full = stat_keyness(TARGET, REFERENCE, prior=0.01).set_index("term")
    kept = stat_keyness(TARGET, REFERENCE, prior=0.01, min_count=2).set_index("term")
    assert len(kept) < len(full)
    pd.testing.assert_series_equal(kept["log_odds_z"], full.loc[kept.index, "log_odds_z"])


def test_sorting_by_log_odds_z_follows_the_prior():
    table = stat_keyness(TARGET, REFERENCE, prior=0.01, measure="log_odds_z")
    assert table["log_odds_z"].is_monotonic_decreasing
    assert table["term"].iloc[0] == "war" and table["term"].iloc[-1] == "peace"


@pytest.fixture(scope="module")
def fightin_words():
    module = importlib.import_module("fightin-words.fightin-words")
    module.xrange = range  # Python 2 code: see the module docstring
    return module


def test_fightin_words_readme_example(fightin_words):
    from sklearn.feature_extraction.text import CountVectorizer
    l1 = "The quick brown fox jumps over the lazy pig"
    l2 = "The lazy purple pig jumps over the lazier donkey"
    theirs = dict(fightin_words.FWExtractor(0.05, CountVectorizer(max_features=15000))
                  .fit_transform([l1, l2]))
    # what the package counts: both texts as one document (its transform joins them)
    cv = CountVectorizer(max_features=15000)
    pooled = cv.fit_transform([" ".join([l1, l2])]).toarray()[0]
    terms = cv.get_feature_names_out().tolist()
    ours = keyness_from_counts(terms, pooled, np.zeros(len(terms)), int(pooled.sum()), 0,
                               prior=0.05).set_index("term")["log_odds_z"]
    assert set(ours.index) == set(theirs)
    # tolerance 1e-6: the package computes in float32 (its count matrix is float32, and under
    # NumPy 2's promotion rules adding a Python float keeps float32: ~6e-8 relative per step)
    for term, z in theirs.items():
        assert ours[term] == pytest.approx(float(z), rel=1e-6)
    # and the two-sample comparison the example means, against the loop above
    cv2 = CountVectorizer(max_features=15000).fit([l1, l2])
    rows = cv2.transform([l1, l2]).toarray()
    terms = cv2.get_feature_names_out().tolist()
    a, b = dict(zip(terms, rows[0].tolist())), dict(zip(terms, rows[1].tolist()))
    expected = monroe(a, b, {w: 0.05 for w in terms})
    ours = keyness_from_counts(terms, rows[0], rows[1], int(rows[0].sum()), int(rows[1].sum()),
                               prior=0.05).set_index("term")
    for term, (delta, z) in expected.items():
        assert ours.loc[term, "log_odds_z"] == pytest.approx(z, rel=1e-12, abs=1e-14)
    assert ours.loc["brown", "log_odds_z"] > 0 > ours.loc["donkey", "log_odds_z"]


@pytest.mark.parametrize("prior, message", [
    (0, "positive"), (-1.0, "positive"), (float("nan"), "positive"), (True, "must be a number"),
    ("0.1", "must be a number"), ({"war": 1.0}, "has no α"),
    ({w: (0.0 if w == "war" else 1.0) for w in
      ["cooperation", "development", "occupation", "partnership", "peace", "resistance",
       "sanctions", "sovereignty", "war"]}, "positive, finite"),
])
def test_bad_priors_are_refused_with_a_reason(prior, message):
    with pytest.raises(InputError, match=message):
        stat_keyness(TARGET, REFERENCE, prior=prior)


def test_prior_size_only_with_pooled_or_background_prior():
    with pytest.raises(InputError, match="prior_size"):
        stat_keyness(TARGET, REFERENCE, prior=0.01, prior_size=5)
    with pytest.raises(InputError, match="prior_size"):
        stat_keyness(TARGET, REFERENCE, prior_size=0)
    with pytest.raises(EmptyInputError, match="background"):
        stat_keyness(TARGET, REFERENCE, prior=Corpus.from_texts(["... !!"], ids=["e"]))


def test_background_prior_is_tokenised_like_the_two_sides():
    upper = Corpus.from_texts(["War war Peace"], ids=["t"])
    lower = Corpus.from_texts(["peace Peace war"], ids=["r"])
    bg = Corpus.from_texts(["War Peace Peace"], ids=["b"])
    table = stat_keyness(upper, lower, prior=bg, lowercase=False).set_index("term")
    background = dict(zip(*(lambda d: (d.terms, d.term_counts().tolist()))(
        to_dtm(bg, lowercase=False))))
    assert set(table.index) == {"War", "war", "Peace", "peace"}
    vocab = sorted(table.index)
    total = sum(background.values())
    seen = sum(background.get(w, 0) for w in vocab)
    alpha = {w: total * (background.get(w, 0) + 1) / (seen + len(vocab)) for w in vocab}
    a = {"War": 1, "war": 1, "Peace": 1}
    b = {"peace": 1, "Peace": 1, "war": 1}
    expected = monroe(a, b, alpha)
    for w in vocab:
        assert table.loc[w, "log_odds_z"] == pytest.approx(expected[w][1], rel=1e-12)
