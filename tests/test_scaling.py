"""Text scaling (issue #12): Wordfish, Wordscores, correspondence analysis, LSS.

Oracles:

* the Laver, Benoit & Garry (2003) example as quanteda.textmodels documents it
  (``data_dfm_lbgexample``; ``textmodel_wordfish(dir = c(1, 5))`` and
  ``textmodel_wordscores`` with reference scores -1.5 ... 1.5), built here from its count
  pattern;
* Greenacre's smoking data (*Correspondence Analysis in Practice*, 2nd ed., 2007, exhibit 3.1
  and chapter 4): principal inertias 0.07476, 0.01002, 0.00041 and the published coordinates;
* hand computations on 2 x 3 and 3 x 2 tables.
"""
from __future__ import annotations

import string
import warnings

import numpy as np
import pandas as pd
import pytest

from discourse.errors import EmptyInputError, InputError
from discourse.scaling import fit_ca, fit_lss, fit_wordfish, fit_wordscores, load_seed_words

# -- the LBG (2003) example ------------------------------------------------------------------
PATTERN = [2, 3, 10, 22, 45, 78, 115, 146, 158, 146, 115, 78, 45, 22, 10, 3, 2]
# quanteda's data_dfm_lbgexample labels its 37 features A ... Z, ZA ... ZK
FEATURES = list(string.ascii_uppercase) + ["Z" + c for c in "ABCDEFGHIJK"]
STARTS = {"R1": 0, "R2": 5, "R3": 10, "R4": 15, "R5": 20, "V1": 7}  # 0-based first feature

WORDFISH_THETA = [-1.29056981, -0.61643907, 0.03350982, 0.70961244, 1.52333687, -0.35945025]
WORDFISH_SE = [0.01448422, 0.01059613, 0.01085375, 0.01214106, 0.01744178, 0.01070073]
REFERENCE = {"R1": -1.5, "R2": -0.75, "R3": 0.0, "R4": 0.75, "R5": 1.5}


def lbg_frame() -> pd.DataFrame:
    counts = np.zeros((6, 37), dtype=np.int64)
    for i, start in enumerate(STARTS.values()):
        counts[i, start:start + len(PATTERN)] = PATTERN
    return pd.DataFrame(counts, index=list(STARTS), columns=FEATURES)


@pytest.fixture(scope="module")
def lbg():
    return lbg_frame()


@pytest.fixture(scope="module")
def lbg_fish(lbg):
    return fit_wordfish(lbg, dir=("R1", "R5"))


def test_lbg_example_is_built_as_documented(lbg):
    assert lbg.shape == (6, 37)
    assert (lbg.sum(axis=1) == 1000).all()
    assert lbg.loc["R1", "A"] == 2 and lbg.loc["R1", "I"] == 158 and lbg.loc["R1", "R"] == 0
    assert lbg.loc["R5", "ZK"] == 2 and lbg.loc["V1", "H"] == 2 and lbg.loc["V1", "G"] == 0


def test_wordfish_matches_quanteda_on_lbg(lbg_fish):
    docs = lbg_fish.documents
    assert docs["doc_id"].tolist() == list(STARTS)
    np.testing.assert_allclose(docs["theta"], WORDFISH_THETA, atol=1e-6, rtol=0)
    np.testing.assert_allclose(docs["se"], WORDFISH_SE, atol=1e-5, rtol=0)
    assert lbg_fish.converged and lbg_fish.n_iter == 22


def test_wordfish_identification_holds(lbg_fish):
    theta = lbg_fish.documents["theta"]
    assert abs(theta.mean()) < 1e-12 and abs(theta.std(ddof=1) - 1) < 1e-12
    assert abs(lbg_fish.documents["alpha"].mean()) < 1e-12
    z = 1.959963984540054
    np.testing.assert_allclose(lbg_fish.documents["ci_high"] - theta,
                               z * lbg_fish.documents["se"], rtol=1e-12)
    assert list(lbg_fish.words.columns[:3]) == ["term", "beta", "psi"]
    # the dimension runs from R1's features (A ...) to R5's (... ZK)
    beta = lbg_fish.words.set_index("term")["beta"]
    assert beta["A"] < 0 < beta["ZK"]


def test_wordfish_dir_fixes_the_sign(lbg, lbg_fish):
    flipped = fit_wordfish(lbg, dir=(4, 0))  # positions: R5 left of R1
    np.testing.assert_allclose(flipped.theta, -lbg_fish.theta, atol=1e-12)
    np.testing.assert_allclose(flipped.se, lbg_fish.se, atol=1e-12)
    np.testing.assert_allclose(flipped.beta, -lbg_fish.beta, atol=1e-12)


def test_wordfish_is_deterministic(lbg):
    one, two = fit_wordfish(lbg, dir=("R1", "R5")), fit_wordfish(lbg, dir=("R1", "R5"))
    pd.testing.assert_frame_equal(one.documents, two.documents, check_exact=True)
    pd.testing.assert_frame_equal(one.words, two.words, check_exact=True)


def test_dataframe_and_doctermmatrix_give_the_same_fit(lbg):
    from discourse import DocTermMatrix

    dtm = DocTermMatrix(lbg.to_numpy(), list(lbg.index), list(lbg.columns),
                        pd.DataFrame({"doc_id": list(lbg.index), "kind": list("RRRRRV")}))
    a, b = fit_wordfish(lbg, dir=("R1", "R5")), fit_wordfish(dtm, dir=("R1", "R5"))
    core = ["doc_id", "theta", "se", "ci_low", "ci_high", "alpha"]
    pd.testing.assert_frame_equal(a.documents[core], b.documents[core])
    pd.testing.assert_frame_equal(a.words, b.words)
    assert b.documents["kind"].tolist() == list("RRRRRV")  # docvars carried along
    ws_a = fit_wordscores(lbg, REFERENCE).predict(rescaling="lbg")
    ws_b = fit_wordscores(dtm, REFERENCE).predict(rescaling="lbg")
    pd.testing.assert_frame_equal(ws_a, ws_b)


def test_wordfish_predict_reproduces_training_positions(lbg, lbg_fish):
    again = lbg_fish.predict()
    assert again["doc_id"].tolist() == list(STARTS)
    # the fit ends on the standardised theta of its last pass; re-estimating each document
    # against the final word parameters moves it by well under one standard error
    diff = np.abs(again["theta"] - lbg_fish.theta)
    assert diff.max() < 0.01 and (diff < lbg_fish.se).all()
    np.testing.assert_allclose(again["se"], lbg_fish.se, rtol=0.03)


def test_wordfish_predict_aligns_terms_by_name(lbg, lbg_fish):
    v1 = lbg.loc[["V1"]]
    shuffled = v1[v1.columns[::-1]].assign(unseen=7)  # reversed columns, one unknown term
    a, b = lbg_fish.predict(v1), lbg_fish.predict(shuffled.rename(index={"V1": "V1b"}))
    assert b["doc_id"].tolist() == ["V1b"]
    assert a["theta"].iloc[0] == pytest.approx(b["theta"].iloc[0], abs=1e-12)
    assert b["n_unknown"].iloc[0] == 7 and b["n_tokens"].iloc[0] == 1000


def test_wordfish_predict_empty_document_is_nan_with_warning(lbg_fish):
    empty = pd.DataFrame([[0, 0], [5, 3]], index=["blank", "ok"], columns=["A", "nope"])
    with pytest.warns(UserWarning, match="no token of a fitted term"):
        out = lbg_fish.predict(empty)
    assert np.isnan(out["theta"].iloc[0]) and np.isfinite(out["theta"].iloc[1])


def test_wordfish_recovers_simulated_positions():
    rng = np.random.default_rng(12)
    n_docs, n_terms = 40, 400
    theta = rng.normal(size=n_docs)
    beta = rng.normal(scale=0.6, size=n_terms)
    psi = rng.normal(-0.5, 1.0, size=n_terms)
    counts = rng.poisson(np.exp(psi[None, :] + np.outer(theta, beta)))
    frame = pd.DataFrame(counts, index=[f"d{i}" for i in range(n_docs)],
                         columns=[f"w{j}" for j in range(n_terms)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a few simulated terms are empty
        fit = fit_wordfish(frame, dir=(int(np.argmin(theta)), int(np.argmax(theta))))
        quasi = fit_wordfish(frame, dir=(int(np.argmin(theta)), int(np.argmax(theta))),
                             dispersion="quasipoisson")
    assert fit.converged
    assert np.corrcoef(fit.theta, theta)[0, 1] > 0.98
    kept = [int(t[1:]) for t in fit.terms]
    assert np.corrcoef(fit.beta, beta[kept])[0, 1] > 0.9
    # re-estimating a training document against the converged word parameters
    assert np.abs(fit.predict()["theta"] - fit.theta).max() < 0.02
    assert (quasi.se >= fit.se * 0.95).all() and (quasi.words["phi"] >= 1).all()


def test_sparse_input_drops_empty_rows_and_columns_without_nan(lbg):
    sparse = lbg.copy()
    sparse.loc["empty"] = 0
    sparse["never"] = 0
    sparse["only_in_empty"] = 0
    with pytest.warns(UserWarning, match=r"dropped 1 empty document\(s\) \['empty'\] and 2"):
        fit = fit_wordfish(sparse, dir=("R1", "R5"))
    assert fit.dropped_documents == ["empty"]
    assert fit.dropped_terms == ["never", "only_in_empty"]
    assert fit.documents["doc_id"].tolist() == list(STARTS)
    assert fit.documents[["theta", "se"]].notna().all().all()
    assert fit.words[["beta", "psi"]].notna().all().all()
    np.testing.assert_allclose(fit.theta, WORDFISH_THETA, atol=1e-6)


def test_sparse_realistic_matrix_has_no_nan():
    rng = np.random.default_rng(3)
    counts = rng.poisson(0.05, size=(30, 300)) * rng.integers(1, 4, size=(30, 300))
    counts[:, :20] += rng.poisson(3, size=(30, 20))  # a few common terms
    frame = pd.DataFrame(counts, index=[f"d{i}" for i in range(30)],
                         columns=[f"w{j}" for j in range(300)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        fit = fit_wordfish(frame)
    assert np.isfinite(fit.documents[["theta", "se"]].to_numpy()).all()
    assert np.isfinite(fit.words[["beta", "psi"]].to_numpy()).all()
    assert (np.abs(fit.beta) < 20).all()  # the N(0, 3^2) prior keeps one-document terms finite


@pytest.mark.parametrize(("dir_", "match"), [
    (("R1", "R1"), "two different documents"),
    ((0, 0), "two different documents"),
    (("R1", "R9"), "unknown document 'R9'"),
    ((0, 6), "position 6 is out of range"),
    (("R1",), "must be a pair"),
])
def test_wordfish_identification_errors(lbg, dir_, match):
    with pytest.raises(InputError, match=match):
        fit_wordfish(lbg, dir=dir_)


def test_wordfish_needs_two_documents(lbg):
    with pytest.raises(InputError, match="at least 2 documents"), \
            pytest.warns(UserWarning, match="20 empty term"):
        fit_wordfish(lbg.loc[["R1"]], dir=(0, 0))
    blank = lbg.copy()
    blank.loc[["R2", "R3", "R4", "R5", "V1"]] = 0
    with pytest.raises(InputError, match="at least 2 documents"), \
            pytest.warns(UserWarning, match="dropped 5 empty"):
        fit_wordfish(blank)


def test_wordfish_dir_naming_a_dropped_document(lbg):
    sparse = pd.concat([lbg, pd.DataFrame(0, index=["empty"], columns=lbg.columns)])
    with pytest.raises(InputError, match="'empty', a document with no counts"), \
            pytest.warns(UserWarning):
        fit_wordfish(sparse, dir=("empty", "R5"))


def test_all_empty_input_raises():
    with pytest.raises(EmptyInputError):
        fit_wordfish(pd.DataFrame([[0, 0], [0, 0]], index=["a", "b"], columns=["x", "y"]))


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"dispersion": "negbin"}, r"'dispersion' parameter of fit_wordfish must be one of "
                               r"\{'poisson', 'quasipoisson'\}. Got 'negbin'"),
    ({"priors": (1, 2, 3)}, "must hold 4 standard deviations"),
    ({"priors": (np.inf, np.inf, 0, 1)}, "beta prior sd must be > 0"),
    ({"max_iter": 0}, "'max_iter' parameter of fit_wordfish must be >= 1"),
    ({"level": 1.5}, "'level' parameter of fit_wordfish must be <= 1"),
])
def test_wordfish_validates_parameters(lbg, kwargs, match):
    with pytest.raises(InputError, match=match):
        fit_wordfish(lbg, **kwargs)


def test_bad_inputs_are_named():
    with pytest.raises(InputError, match="expects a DocTermMatrix or a pandas DataFrame"):
        fit_wordfish([[1, 2], [3, 4]])
    with pytest.raises(InputError, match="finite and >= 0"):
        fit_wordfish(pd.DataFrame([[1, -2], [3, 4]], index=["a", "b"], columns=["x", "y"]))
    with pytest.raises(InputError, match="'a' occurs more than once"):
        fit_wordfish(pd.DataFrame([[1, 2], [3, 4]], index=["a", "a"], columns=["x", "y"]))


def test_wordfish_stops_at_max_iter_with_warning(lbg):
    with pytest.warns(UserWarning, match="not converged after 3 passes"):
        fit = fit_wordfish(lbg, dir=("R1", "R5"), max_iter=3)
    assert not fit.converged and fit.n_iter == 3


# -- Wordscores ------------------------------------------------------------------------------
def test_wordscores_matches_quanteda_on_lbg(lbg):
    fit = fit_wordscores(lbg, REFERENCE)
    raw = fit.predict().set_index("doc_id").loc["V1"]
    assert raw["theta"] == pytest.approx(-0.4480591, abs=1e-6)
    assert raw["se"] == pytest.approx(0.011897667, abs=1e-8)
    lbg_ = fit.predict(rescaling="lbg").set_index("doc_id").loc["V1"]
    assert lbg_["theta"] == pytest.approx(-0.52967149, abs=1e-6)
    mv = fit.predict(rescaling="mv").set_index("doc_id").loc["V1"]
    assert mv["theta"] == pytest.approx(-0.5099572, abs=1e-6)


def test_wordscores_rescaled_se_is_scaled_not_shifted(lbg):
    fit = fit_wordscores(lbg, REFERENCE)
    raw = fit.predict()
    scale = np.std(list(REFERENCE.values()), ddof=1) / raw["theta"].std(ddof=1)
    out = fit.predict(rescaling="lbg")
    np.testing.assert_allclose(out["se"], raw["se"] * scale, rtol=1e-12)
    # quanteda's LBG se, the affine map applied to the se itself, is not what we report
    quanteda_style = (raw["se"] - raw["theta"].mean()) * scale + raw["theta"].mean()
    assert not np.allclose(out["se"], quanteda_style)
    mv = fit.predict(rescaling="mv").set_index("doc_id")
    assert mv.loc["R1", "theta"] == pytest.approx(-1.5) and mv.loc["R5", "theta"] == pytest.approx(1.5)


def test_wordscores_by_hand_on_a_2x3_case():
    # references L (score -1): a a a b, R (score +1): b c c c
    y = pd.DataFrame([[3, 1, 0], [0, 1, 3]], index=["L", "R"], columns=["a", "b", "c"])
    fit = fit_wordscores(y, [-1, 1])
    # F(L) = (3/4, 1/4, 0), F(R) = (0, 1/4, 3/4); P(L|a) = 1, P(L|b) = 1/2, P(L|c) = 0
    assert fit.words["score"].tolist() == [-1.0, 0.0, 1.0]
    new = pd.DataFrame([[1, 2, 1]], index=["V"], columns=["a", "b", "c"])
    out = fit.predict(new).iloc[0]
    assert out["theta"] == pytest.approx(0.0)  # (-1 + 0 + 0 + 1) / 4
    assert out["se"] == pytest.approx(np.sqrt((1 / 4 + 0 + 0 + 1 / 4)) / 2)
    # L scores (3 * -1 + 0) / 4 = -0.75
    assert fit.documents.set_index("doc_id").loc["L", "theta"] == pytest.approx(-0.75)


def test_wordscores_errors(lbg):
    with pytest.raises(InputError, match="at least 2 reference texts"):
        fit_wordscores(lbg, {"R1": 1.0})
    with pytest.raises(InputError, match="unknown documents"):
        fit_wordscores(lbg, {"R1": -1, "nope": 1})
    with pytest.raises(InputError, match="one value per document"):
        fit_wordscores(lbg, [1, 2])
    with pytest.raises(InputError, match=r"'rescaling' parameter of WordscoresFit.predict must be "
                                         r"one of \{'lbg', 'mv', 'none'\}"):
        fit_wordscores(lbg, REFERENCE).predict(rescaling="z")


# -- correspondence analysis -----------------------------------------------------------------
SMOKE = pd.DataFrame([[4, 2, 3, 2], [4, 3, 7, 4], [25, 10, 12, 4], [18, 24, 33, 13],
                      [10, 6, 7, 2]], index=["SM", "JM", "SE", "JE", "SC"],
                     columns=["none", "light", "medium", "heavy"])


def test_ca_matches_greenacre_smoking_example():
    fit = fit_ca(SMOKE, n_dims=3)
    np.testing.assert_allclose(fit.inertia["inertia"], [0.07476, 0.01002, 0.00041], atol=6e-6)
    assert fit.total_inertia == pytest.approx(0.08519, abs=1e-5)
    assert fit.inertia["share"].iloc[0] == pytest.approx(0.878, abs=1e-3)
    # Greenacre's row principal coordinates (signs of a dimension are arbitrary)
    rows = fit.documents.set_index("doc_id")
    np.testing.assert_allclose(np.abs(rows["dim_1"]), [0.066, 0.259, 0.381, 0.233, 0.201], atol=1e-3)
    np.testing.assert_allclose(np.abs(rows["dim_2"]), [0.194, 0.243, 0.011, 0.058, 0.079], atol=1e-3)
    cols = fit.words.set_index("term")["dim_1"]
    np.testing.assert_allclose(np.abs(cols), [0.393, 0.099, 0.196, 0.294], atol=1e-3)
    assert np.sign(cols["none"]) == -np.sign(cols["heavy"])


def test_ca_equals_eigen_decomposition_of_profiles():
    # written differently: eigenvectors of the chi-square row-profile cross-product
    N = SMOKE.to_numpy(float)
    n = N.sum()
    r, c = N.sum(1) / n, N.sum(0) / n
    profiles = (N / N.sum(1, keepdims=True)) - c  # centred row profiles
    M = (profiles * r[:, None]).T @ profiles / c[:, None] / c[None, :]  # weighted, chi2 metric
    M = np.diag(c ** 0.5) @ M @ np.diag(c ** 0.5)
    values, vectors = np.linalg.eigh(M)
    order = np.argsort(values)[::-1][:2]
    fit = fit_ca(SMOKE, n_dims=2)
    np.testing.assert_allclose(fit.inertia["inertia"], values[order], rtol=1e-10)
    row_coords = profiles / c @ (np.diag(c ** 0.5) @ vectors[:, order])
    for k in range(2):
        ours = fit.documents[f"dim_{k + 1}"].to_numpy()
        theirs = row_coords[:, k] * np.sign(row_coords[:, k] @ ours)
        np.testing.assert_allclose(ours, theirs, atol=1e-12)


def test_ca_dir_and_bounds():
    fit = fit_ca(SMOKE, n_dims=1, dir=("SE", "JE"))
    rows = fit.documents.set_index("doc_id")
    assert rows.loc["SE", "theta"] < rows.loc["JE", "theta"]
    assert fit.documents["se"].isna().all()
    with pytest.raises(InputError, match="'n_dims' parameter of fit_ca must be <= 3"):
        fit_ca(SMOKE, n_dims=4)


# -- LSS -------------------------------------------------------------------------------------
def test_lss_by_hand_on_tiny_vectors():
    vectors = {"good": np.array([1.0, 0.0]), "fine": np.array([2.0, 0.0]),
               "bad": np.array([0.0, 1.0]),
               "peace": np.array([3.0, 4.0]), "war": np.array([4.0, -3.0])}
    y = pd.DataFrame([[2, 0, 1], [1, 1, 5], [0, 3, 0]], index=["a", "b", "c"],
                     columns=["peace", "war", "unknown_word"])
    fit = fit_lss(y, vectors, seeds={"good": 1, "fine": 1, "bad": -1})
    # peace: cos to good = cos to fine = 0.6, to bad 0.8 -> 0.6 - 0.8 = -0.2
    # war:   cos to good = fine = 0.8, to bad -0.6 -> 0.8 + 0.6 = 1.4
    words = fit.words.set_index("term")["score"]
    assert words["peace"] == pytest.approx(-0.2) and words["war"] == pytest.approx(1.4)
    assert "unknown_word" not in words.index
    raw = fit.documents["raw"].to_numpy()
    np.testing.assert_allclose(raw, [-0.2, (-0.2 + 1.4) / 2, 1.4])
    np.testing.assert_allclose(fit.documents["n_scored"], [2, 2, 3])
    sd = np.std(raw, ddof=1)
    np.testing.assert_allclose(fit.documents["theta"], (raw - raw.mean()) / sd)
    # b: weighted sd of (-0.2, 1.4) around 0.6 is 0.8, over sqrt(2) tokens
    assert fit.documents["se"].iloc[1] == pytest.approx(0.8 / np.sqrt(2) / sd)
    assert fit.documents["se"].iloc[0] == pytest.approx(0.0)


def test_lss_accepts_keyedvectors_and_reports_seeds():
    from gensim.models import KeyedVectors

    kv = KeyedVectors(vector_size=2)
    kv.add_vectors(["good", "bad", "aid", "strike"],
                   np.array([[1, 0], [-1, 0], [2, 1], [-1, 2]], dtype=np.float32))
    y = pd.DataFrame([[4, 0], [3, 1], [0, 4]], index=list("abc"), columns=["aid", "strike"])
    fit = fit_lss(y, kv)  # the shipped seeds: only good and bad have vectors here
    assert fit.seeds.set_index("seed").loc[["good", "bad"], "found"].all()
    assert fit.seeds["found"].sum() == 2
    assert fit.documents["theta"].iloc[0] > fit.documents["theta"].iloc[2]


def test_lss_errors_and_shipped_seeds():
    seeds = load_seed_words()
    assert sum(v == 1 for v in seeds.values()) == 7 and sum(v == -1 for v in seeds.values()) == 7
    y = pd.DataFrame([[1, 2]], index=["a"], columns=["x", "y"])
    with pytest.raises(InputError, match="no negative seed word has a"):
        fit_lss(y, {"good": [1, 0]}, seeds={"good": 1, "bad": -1})
    with pytest.raises(InputError, match="must map words to \\+1 or -1"):
        fit_lss(y, {"good": [1, 0]}, seeds={"good": 2})
