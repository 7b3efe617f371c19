"""Keyness statistics, each checked against its published formula on hand-computed cases and
against scipy where scipy has the test.

Sources: Dunning (1993) and Rayson & Garside (2000) for G²; Pearson's χ² and Yates' correction
as in scipy.stats.chi2_contingency; Hardie (2014) Log Ratio; Gabrielatos & Marchi (2012) %DIFF;
Wilson (2013) BIC; Monroe, Colaresi & Quinn (2008) log-odds with informative Dirichlet prior;
Benjamini & Hochberg (1995).
"""
import math

import numpy as np
import pytest
from scipy import stats

from discourse import Corpus
from discourse.keywords.dtm import to_dtm
from discourse.errors import EmptyInputError, InputError
from discourse.keywords.keyness import KEYNESS_COLUMNS, adjust_bh, keyness_from_counts, stat_keyness

# a term seen 30 times in 10,000 target tokens and 20 times in 20,000 reference tokens
A, B, T, R = 30, 20, 10_000, 20_000


def one_row(**kw):
    return keyness_from_counts(["w"], [A], [B], T, R, **kw).iloc[0]


def test_g2_and_chi2_against_scipy():
    row = one_row()
    table = np.array([[A, B], [T - A, R - B]])
    g2, p, _, _ = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")
    assert row["g2"] == pytest.approx(g2, rel=1e-12) and row["g2_p"] == pytest.approx(p, rel=1e-9)
    chi2, p, _, _ = stats.chi2_contingency(table, correction=False)
    assert row["chi2"] == pytest.approx(chi2, rel=1e-12) and row["chi2_p"] == pytest.approx(p, rel=1e-9)
    chi2y, p, _, _ = stats.chi2_contingency(table, correction=True)
    assert row["chi2_yates"] == pytest.approx(chi2y, rel=1e-12)
    assert row["chi2_yates_p"] == pytest.approx(p, rel=1e-9)


def test_g2_by_hand():
    # Dunning (1993): G2 = 2 sum O ln(O/E). E for the term: 10,000*50/30,000 and 20,000*50/30,000.
    e1, e2 = T * 50 / 30_000, R * 50 / 30_000
    e3, e4 = T * 29_950 / 30_000, R * 29_950 / 30_000
    hand = 2 * (A * math.log(A / e1) + B * math.log(B / e2) + (T - A) * math.log((T - A) / e3)
                + (R - B) * math.log((R - B) / e4))
    assert one_row()["g2"] == pytest.approx(hand, rel=1e-12)
    # Rayson & Garside's two-cell approximation is within 0.2 % here (a << T)
    two_cell = 2 * (A * math.log(A / e1) + B * math.log(B / e2))
    assert one_row()["g2"] == pytest.approx(two_cell, rel=2e-3)


def test_log_ratio_pct_diff_bic_by_hand():
    row = one_row()
    assert row["log_ratio"] == pytest.approx(math.log2((30 / 10_000) / (20 / 20_000)))  # = log2 3
    half = 1.959963984540054 * math.sqrt(1 / 30 + 1 / 20) / math.log(2)
    assert row["log_ratio_ci_low"] == pytest.approx(math.log2(3) - half)
    assert row["log_ratio_ci_high"] == pytest.approx(math.log2(3) + half)
    assert row["pct_diff"] == pytest.approx(200.0)  # (0.003 - 0.001) * 100 / 0.001
    assert row["bic"] == pytest.approx(row["g2"] - math.log(30_000))
    assert row["rate_target_per_10k"] == pytest.approx(30.0)
    assert row["rate_reference_per_10k"] == pytest.approx(10.0)


def test_zero_counts_follow_the_published_conventions():
    row = keyness_from_counts(["new"], [5], [0], T, R).iloc[0]
    assert row["log_ratio"] == pytest.approx(math.log2((5 / T) / (0.5 / R)))  # Hardie: 0 -> 0.5
    assert row["pct_diff"] == math.inf  # Gabrielatos & Marchi: undefined, reported as inf
    assert np.isfinite(row["g2"]) and row["direction"] == "target"


def test_log_odds_dirichlet_by_hand():
    # Monroe et al. (2008), eq. 16 and 18-22, with alpha_w = a + b (prior = pooled counts)
    alpha, alpha0 = A + B, T + R
    delta = (math.log((A + alpha) / (T + alpha0 - A - alpha))
             - math.log((B + alpha) / (R + alpha0 - B - alpha)))
    z = delta / math.sqrt(1 / (A + alpha) + 1 / (B + alpha))
    row = one_row()
    assert row["log_odds"] == pytest.approx(delta) and row["log_odds_z"] == pytest.approx(z)
    smaller = one_row(prior_size=500)  # alpha_w = 500 * 50 / 30,000
    alpha, alpha0 = 500 * 50 / 30_000, 500
    delta = (math.log((A + alpha) / (T + alpha0 - A - alpha))
             - math.log((B + alpha) / (R + alpha0 - B - alpha)))
    assert smaller["log_odds"] == pytest.approx(delta)


def test_bh_matches_scipy():
    rng = np.random.default_rng(0)
    p = rng.uniform(size=200) ** 3
    np.testing.assert_allclose(adjust_bh(p), stats.false_discovery_control(p), rtol=1e-12)


TARGET = Corpus.from_texts(["Balance and pragmatism. Balance, not rivalry. Sovereignty first."],
                           ids=["article"])
REFERENCE = Corpus.from_texts(["Occupation and aggression. The occupation must end.",
                               "Sovereignty and territorial integrity. Balance matters."],
                              ids=["r1", "r2"])


def test_table_shape_sorting_and_adjustments():
    tab = stat_keyness(TARGET, REFERENCE)
    assert list(tab.columns) == KEYNESS_COLUMNS
    assert tab["term"].is_unique and tab.index.equals(__import__("pandas").RangeIndex(len(tab)))
    assert tab.iloc[0]["direction"] == "target" and tab.iloc[-1]["direction"] == "reference"
    assert tab.loc[tab.term == "occupation", "n_reference"].item() == 2
    m = len(tab)
    np.testing.assert_allclose(tab["p_bonferroni"], np.minimum(tab["g2_p"] * m, 1))
    assert (tab["q_bh"] >= tab["g2_p"] - 1e-15).all()
    by_lr = stat_keyness(TARGET, REFERENCE, measure="log_ratio")
    assert by_lr["log_ratio"].is_monotonic_decreasing


def test_filters_and_dtm_inputs():
    tab = stat_keyness(TARGET, REFERENCE, min_count=2)
    assert ((tab["n_target"] + tab["n_reference"]) >= 2).all()
    dtm = to_dtm(Corpus.concat([TARGET, REFERENCE]))
    same = stat_keyness(*dtm.split(["article"]))
    np.testing.assert_allclose(same["g2"].to_numpy(),
                               stat_keyness(TARGET, REFERENCE)["g2"].to_numpy())


def test_bad_input():
    with pytest.raises(InputError, match="reference contains 1 of the target's documents"):
        stat_keyness(TARGET, Corpus.concat([REFERENCE, TARGET]))
    empty = Corpus.from_texts(["..."], ids=["e"])
    with pytest.raises(EmptyInputError, match="target has no tokens"):
        stat_keyness(empty, REFERENCE)
    with pytest.raises(EmptyInputError, match="no term passes"):
        stat_keyness(TARGET, REFERENCE, min_count=100)
    with pytest.raises(InputError, match="'measure' parameter of stat_keyness"):
        stat_keyness(TARGET, REFERENCE, measure="ll")
    with pytest.raises(InputError, match="two Corpus objects or two DocTermMatrix"):
        stat_keyness(TARGET, "reference text")


def test_article_against_syria_un(article, ungdc):
    syria = ungdc.subset(country="SYR")
    tab = stat_keyness(article, syria, min_count=3)
    top = tab[tab["direction"] == "target"].head(40)["term"].tolist()
    # the article's own vocabulary of "balance" and "pragmatism" is key against Syria's speeches
    assert {"balanced", "al-sharaa"} <= set(top)
    assert tab.loc[tab.term == "balanced", "q_bh"].item() < 0.01
    # and the occupation vocabulary of Syria's UN speeches is key on the reference side
    assert tab.loc[tab.term == "israel", "direction"].item() == "reference"


@pytest.fixture(scope="module")
def un_dtm(ungdc):
    return to_dtm(ungdc)


@pytest.mark.parametrize("iso", ["SYR", "USA", "TUV", "FRA"])
def test_split_fast_path_equals_the_copies_on_the_un_corpus(un_dtm, iso):
    """``stat_keyness(*dtm.split(mask))`` reads uncopied subsets (term counts from the smaller
    side and the matrix total, ties sorted by position in the sorted vocabulary); the same
    comparison from plain copies, with the vocabulary in reverse column order (so the counts
    are summed from the copied rows and ties are sorted by the term strings), is the same
    table to the last bit."""
    import pandas as pd
    from discourse.keywords.dtm import DocTermMatrix

    m = un_dtm
    mask = (m.docvars["country"] == iso).to_numpy()
    fast = stat_keyness(*m.split(mask))
    reverse = np.arange(len(m.terms))[::-1]
    terms = [m.terms[j] for j in reverse]

    def copy(rows):
        return DocTermMatrix(m.counts[rows][:, reverse], [m.doc_ids[i] for i in rows], terms,
                             m.docvars.iloc[rows])

    slow = stat_keyness(copy(np.flatnonzero(mask)), copy(np.flatnonzero(~mask)))
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    for col in fast.columns:
        if fast[col].dtype.kind == "f":
            assert fast[col].to_numpy().tobytes() == slow[col].to_numpy().tobytes(), col
    assert fast["n_target"].sum() == m.counts[np.flatnonzero(mask)].sum()


def test_split_subsets_are_the_rows_they_select(un_dtm):
    m = un_dtm
    mask = (m.docvars["year"] == 1990).to_numpy()
    picked, rest = m.split(mask)
    rows = np.flatnonzero(~mask)
    assert rest.shape == (len(rows), len(m.terms))
    np.testing.assert_array_equal(rest.term_counts(), np.asarray(m.counts[rows].sum(axis=0)).ravel())
    assert (rest.counts != m.counts[rows]).nnz == 0
    assert rest.doc_ids == [m.doc_ids[i] for i in rows]
    assert rest.docvars["doc_id"].tolist() == rest.doc_ids
    assert picked.subset(picked.docvars["country"] == "SYR").doc_ids == \
        [d for d in picked.doc_ids if d.startswith("SYR_")]
