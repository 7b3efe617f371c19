"""Scaling figures (read from the artists), the UN application helpers, and the three paper
figures of issue #12 (registered by ``discourse.paper.scaling_figures``), built twice to identical
bytes."""
from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pytest

from discourse.errors import InputError
from discourse.plots.scaling import plot_scale1d, plot_scale_trend, plot_word_scale


def test_plot_scale1d_sorts_groups_and_highlights():
    t = pd.DataFrame({"doc_id": list("abcd"), "theta": [0.5, -1.0, 0.2, 0.9],
                      "ci_low": [0.3, -1.2, 0.0, 0.7], "ci_high": [0.7, -0.8, 0.4, 1.1],
                      "bloc": ["x", "y", "x", "y"]})
    fig = plot_scale1d(t, group="bloc", highlight="c")
    ax = fig.axes[0]
    assert [tick.get_text() for tick in ax.get_yticklabels()] == ["b", "c", "a", "d"]
    assert [tick.get_color() for tick in ax.get_yticklabels()][1] == "#D55E00"
    assert sorted(text.get_text() for text in ax.get_legend().get_texts()) == ["x", "y"]
    assert ax.get_xlabel() == "position (θ) with 95% interval"
    with pytest.raises(InputError, match="'highlight' parameter of plot_scale1d names unknown"):
        plot_scale1d(t, highlight="zz")


def test_plot_scale1d_many_documents_labels_only_the_chosen():
    n = 80
    t = pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "theta": np.linspace(-2, 2, n)})
    fig = plot_scale1d(t, highlight="d3", annotate=["d40", "d41"])
    ax = fig.axes[0]
    assert ax.get_yticks().size == 0
    assert sorted(text.get_text() for text in ax.texts) == ["d3", "d40", "d41"]
    assert ax.get_xlabel() == "position (θ)"  # no interval columns


def test_plot_word_scale_labels_poles_without_overlap():
    rng = np.random.default_rng(0)
    beta = rng.normal(size=300)
    words = pd.DataFrame({"term": [f"w{i}" for i in range(300)], "beta": beta,
                          "psi": -np.abs(beta) * 2 + rng.normal(scale=0.2, size=300)})
    fig = plot_word_scale(words, label_top=10)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "word weight (β)" and ax.get_ylabel() == "word fixed effect (ψ)"
    labels = [t.get_text() for t in ax.texts]
    extremes = set(words.nsmallest(10, "beta")["term"]) | set(words.nlargest(10, "beta")["term"])
    assert labels and set(labels) <= extremes
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_plot_scale_trend_breaks_at_missing_years_and_marks():
    t = pd.DataFrame({"year": [1990, 1991, 1995], "theta": [0.1, 0.2, 0.3],
                      "ci_low": [0.0, 0.1, 0.2], "ci_high": [0.2, 0.3, 0.4]})
    fig = plot_scale_trend(t, marks={"article": (0.25, 0.2, 0.3)})
    line = fig.axes[0].lines[0]
    assert list(line.get_xdata()) == list(range(1990, 1996))
    assert np.isnan(line.get_ydata()[2:5]).all()
    legends = fig.legends + [a.get_legend() for a in fig.axes if a.get_legend() is not None]
    assert "article" in [x.get_text() for legend in legends for x in legend.get_texts()]
    with pytest.raises(InputError, match="one row per 'year'"):
        plot_scale_trend(pd.concat([t, t]))


# -- the UN application ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def un2024(ungdc):
    from discourse.scaling.apply import scaling_set

    return scaling_set(ungdc, year=2024, sample=25, seed=1)


@pytest.fixture(scope="module")
def fit2024(un2024):
    from discourse.scaling.apply import fit_un_wordfish

    return fit_un_wordfish(un2024)


def test_scaling_dtm_policy(un2024):
    from discourse.scaling.apply import scaling_dtm

    dtm = scaling_dtm(un2024)
    docs = np.asarray((dtm.counts > 0).sum(axis=0)).ravel()
    assert (docs >= 0.05 * len(dtm.doc_ids)).all() and (dtm.term_counts() >= 10).all()
    assert not {"the", "assembly", "session", "2024"} & set(dtm.terms)
    assert {"peace", "war"} <= set(dtm.terms)


def test_un_fit_is_oriented_and_places_the_article(fit2024, un2024, article, ungdc):
    from discourse.scaling.apply import NAMED_STATES, place_documents, pole_words

    docs = fit2024.documents.set_index("country")
    assert set(NAMED_STATES) <= set(docs.index) and len(docs) == 25 + len(NAMED_STATES)
    assert docs.loc["RUS", "theta"] < docs.loc["USA", "theta"]
    placed = place_documents(fit2024, article)
    assert placed["doc_id"].tolist() == article.ids
    row = placed.iloc[0]
    assert np.isfinite(row["theta"]) and 0 < row["se"] < 1 and 0.3 < row["share_scored"] <= 1
    syria = place_documents(fit2024, ungdc.subset(country="SYR"))
    assert len(syria) == 74 and syria["year"].is_unique and syria["theta"].notna().all()
    # Syria's 2024 speech, re-estimated out of sample, stays near its in-sample position
    again = syria.set_index("year").loc[2024, "theta"]
    assert abs(again - docs.loc["SYR", "theta"]) < 2 * docs.loc["SYR", "se"]
    poles = pole_words(fit2024, 5)
    assert (poles.loc[poles["pole"] == "left", "beta"] < 0).all()
    assert (poles.loc[poles["pole"] == "right", "beta"] > 0).all()


def test_un_wordscores_with_russia_and_usa(un2024):
    from discourse.scaling.apply import fit_un_wordscores

    ws = fit_un_wordscores(un2024, {"RUS": -1, "USA": 1})
    mv = ws.predict(rescaling="mv").merge(un2024.meta[["doc_id", "country"]]).set_index("country")
    assert mv.loc["RUS", "theta"] == pytest.approx(-1) and mv.loc["USA", "theta"] == pytest.approx(1)
    raw = ws.predict().set_index("doc_id")["theta"]
    assert raw.between(-1, 1).all()  # raw Wordscores shrink towards the mean


def test_paper_scaling_figures_build_twice_identical(tmp_path, ungdc):
    import discourse.paper.scaling_figures  # noqa: F401  (registers; discourse.paper imports it once hooked)
    from discourse.paper.registry import FIGURES, build_figures

    names = ["scaling_wordfish_2024_article", "scaling_syria_trend", "scaling_words"]
    assert set(names) <= set(FIGURES)
    a = build_figures(tmp_path / "a", sample=20, seed=2, names=names, progress=False)
    b = build_figures(tmp_path / "b", sample=20, seed=2, names=names, progress=False)
    assert set(a["figures"]) == set(names) and a == b
    for name in names:
        for ext in ("png", "pdf", "svg"):
            one, two = (tmp_path / d / f"{name}.{ext}" for d in "ab")
            assert hashlib.sha256(one.read_bytes()).digest() == hashlib.sha256(two.read_bytes()).digest()
        assert a["figures"][name]["producer"].startswith("discourse.paper.scaling_figures.")
