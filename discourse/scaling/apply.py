"""The UN application: Wordfish on General Debate speeches, the article placed out of sample,
Syria's speeches placed year by year.

Counting policy (:func:`scaling_dtm`), documented once:

* the package's tokenisation (:func:`discourse.to_dtm`: lower case, possessives split), numbers
  dropped, the Snowball English stop words removed, and the UN's procedural vocabulary
  (``discourse/data/lexicons/un_procedural.txt``: "assembly", "session", "delegation", forms of
  address ...) removed, so the dimension is not about speaking at the UN;
* then terms kept only if they occur in at least ``min_doc_share`` (default 5%) of the
  documents and at least ``min_count`` (default 10) times in all; documents left empty are
  dropped by the model (with a warning).

Design for Syria over time (:func:`place_documents`): Wordfish is fitted **once**, on one
year's speeches of all states (2024 by default), and every Syrian speech 1946-2024 is placed
out of sample on that fitted dimension, holding its word parameters fixed. Fitting a separate
model per year would give 79 dimensions that cannot be compared (each year's first dimension
is whatever separates that year's speeches, with its own sign and scale), and a model pooled
over 1946-2024 finds time itself (the vocabulary of decolonisation against that of the
Sustainable Development Goals). The fixed-dimension design answers a narrower, well-defined
question: *how far along the 2024 dimension does each Syrian speech's vocabulary lie?* Its
limit: an old speech is scored only on the terms of the 2024 vocabulary it uses (see
``n_tokens`` and ``share_scored``), and the dimension means what its 2024 words say.

The functions import the counting stage lazily, so the scaling models stay free of it.
"""
from __future__ import annotations

import pandas as pd

from .._validation import check_range
from ..errors import InputError
from .wordfish import WordfishFit, fit_wordfish

__all__ = ["scaling_dtm", "country_doc", "scaling_set", "fit_un_wordfish", "place_documents",
           "with_placed", "pole_words", "fit_un_wordscores", "NAMED_STATES"]

#: The states the article names, and Syria: always in the scaling set.
NAMED_STATES = ("SYR", "RUS", "UKR", "TUR", "SAU", "EGY", "IRN", "USA")


def scaling_dtm(corpus, *, min_doc_share: float = 0.05, min_count: int = 10,
                vocabulary=None):
    """Counts for scaling with the documented policy (module docs).

    ``vocabulary`` (a list of terms) skips the trimming and keeps exactly those terms — use it
    to count new documents against a fitted model's terms (they are aligned by name anyway).

    >>> from discourse import Corpus
    >>> c = Corpus.from_texts(["The assembly of states.", "States of peace, states."])
    >>> scaling_dtm(c, min_doc_share=0, min_count=1).terms
    ['peace', 'states']
    """
    from ..keywords.dtm import to_dtm
    from ..topics.prepare import procedural_words

    check_range("min_doc_share", min_doc_share, "scaling_dtm", low=0, high=1)
    check_range("min_count", min_count, "scaling_dtm", low=1, integer=True)
    dtm = to_dtm(corpus, stopwords="default", numbers="drop")
    exact, globs = procedural_words()
    import numpy as np

    drop = np.array([t in exact or (globs is not None and globs.match(t) is not None)
                     for t in dtm.terms], dtype=bool)
    if vocabulary is not None:
        wanted = set(vocabulary)
        drop |= np.array([t not in wanted for t in dtm.terms], dtype=bool)
        keep = ~drop
    else:
        docs = np.asarray((dtm.counts > 0).sum(axis=0)).ravel()
        total = dtm.term_counts()
        keep = ~drop & (docs >= min_doc_share * len(dtm.doc_ids)) & (total >= min_count)
    cols = np.flatnonzero(keep)
    return type(dtm)(dtm.counts[:, cols], dtm.doc_ids, [dtm.terms[j] for j in cols], dtm.docvars)


def country_doc(corpus, country: str, year: int) -> str:
    """The doc id of ``country``'s speech in ``year`` (InputError when there is none).

    >>> from discourse import Corpus
    >>> c = Corpus.from_texts(["a", "b"], ids=["SYR_79_2024", "USA_79_2024"],
    ...                       meta={"country": ["SYR", "USA"], "year": [2024, 2024]})
    >>> country_doc(c, "USA", 2024)
    'USA_79_2024'
    """
    meta = corpus.meta
    hit = meta[(meta["country"] == country) & (meta["year"] == year)]
    if hit.empty:
        raise InputError(f"no speech of {country!r} in {year} in {corpus.name or 'the corpus'}")
    return str(hit["doc_id"].iloc[0])


def scaling_set(un, *, year: int = 2024, sample: int | None = None, seed: int = 1):
    """The speeches of ``year``: Syria's and the named states' (:data:`NAMED_STATES`) always,
    plus ``sample`` of the other states' drawn with ``seed`` (all of them when None).

    >>> from discourse import Corpus
    >>> c = Corpus.from_texts(["a", "b", "c"], ids=["SYR_1", "FRA_1", "PER_1"],
    ...                       meta={"country": ["SYR", "FRA", "PER"], "year": [2024] * 3})
    >>> scaling_set(c, sample=1, seed=1).ids
    ['SYR_1', 'FRA_1']
    """
    from ..errors import EmptyInputError

    year_set = un.subset(year=year)
    named = year_set.meta["country"].isin(NAMED_STATES).to_numpy()
    if not named.any():
        raise EmptyInputError(f"scaling_set: no speech of the named states in {year}")
    if sample is None or (~named).sum() <= sample:
        return year_set
    keep = set(year_set.subset(named).ids) | set(year_set.subset(~named).sample(sample, seed=seed).ids)
    return year_set.subset(lambda m: m["doc_id"].isin(keep))


def fit_un_wordfish(corpus, *, left: str = "RUS", right: str = "USA", year: int | None = None,
                    min_doc_share: float = 0.05, min_count: int = 10, **options) -> WordfishFit:
    """Wordfish on a set of UN speeches, counted by :func:`scaling_dtm`, oriented so that
    ``left``'s speech lies left of ``right``'s (a sign convention, not a claim about the
    dimension; with ``year`` None the corpus must hold one speech per country).

    >>> import discourse
    >>> fit = fit_un_wordfish(discourse.load_ungdc(years=2024))
    >>> theta = fit.documents.set_index("country")["theta"]
    >>> bool(theta["RUS"] < theta["USA"]), len(theta)
    (True, 192)
    """
    years = sorted(set(corpus.meta["year"]))
    if year is None:
        if len(years) != 1:
            raise InputError(f"fit_un_wordfish: the corpus spans {len(years)} years; say which "
                             "year's speeches of left and right orient the dimension (year=)")
        year = years[0]
    dtm = scaling_dtm(corpus, min_doc_share=min_doc_share, min_count=min_count)
    dir_ = (country_doc(corpus, left, year), country_doc(corpus, right, year))
    return fit_wordfish(dtm, dir=dir_, **options)


def place_documents(fit: WordfishFit, corpus) -> pd.DataFrame:
    """Out-of-sample positions of ``corpus``'s documents on a fitted dimension (word parameters
    fixed), with the corpus metadata and ``share_scored`` (the share of each document's
    counted tokens that belong to the fitted vocabulary).

    Columns: those of :meth:`WordfishFit.predict`, ``share_scored``, then the metadata
    (``country``, ``year`` ... as the corpus has them).

    >>> import discourse
    >>> fit = fit_un_wordfish(discourse.load_ungdc(years=2024))
    >>> placed = place_documents(fit, discourse.load_article())
    >>> round(float(placed["theta"].iloc[0]), 2)
    0.92
    """
    dtm = scaling_dtm(corpus, vocabulary=fit.terms)
    full = scaling_dtm(corpus, min_doc_share=0, min_count=1)
    out = fit.predict(dtm)
    counted = pd.Series(full.n_tokens, index=full.doc_ids)
    out["share_scored"] = (out["n_tokens"] / out["doc_id"].map(counted)).to_numpy()
    meta = corpus.meta.drop(columns=[c for c in ("theta", "se") if c in corpus.meta.columns])
    return out.merge(meta, on="doc_id", how="left")


def with_placed(fit: WordfishFit, placed: pd.DataFrame, *, label: str = "country",
                fit_set: str = "fit", placed_set: str = "placed") -> pd.DataFrame:
    """One table of the fitted documents and the documents placed out of sample, with a
    ``set`` column and a ``label`` column (the ``label`` docvar of fitted documents, the doc id
    of placed ones), ready for :func:`discourse.plots.scaling.plot_scale1d`.

    >>> fit = WordfishFit(documents=pd.DataFrame({"doc_id": ["a"], "theta": [0.0], "se": [.1],
    ...                                           "ci_low": [-.2], "ci_high": [.2], "country": ["X"]}))
    >>> placed = pd.DataFrame({"doc_id": ["new"], "theta": [1.0], "se": [.2], "ci_low": [.6],
    ...                        "ci_high": [1.4]})
    >>> with_placed(fit, placed)[["doc_id", "set", "label"]].values.tolist()
    [['a', 'fit', 'X'], ['new', 'placed', 'new']]
    """
    cols = ["doc_id", "theta", "se", "ci_low", "ci_high"]
    base = fit.documents[cols + ([label] if label in fit.documents.columns else [])]
    base = base.rename(columns={label: "label"}) if label in base.columns else \
        base.assign(label=base["doc_id"])
    extra = placed[cols].assign(label=placed["doc_id"].astype(str))
    return pd.concat([base.assign(set=fit_set), extra.assign(set=placed_set)], ignore_index=True)


def fit_un_wordscores(corpus, references: dict, *, year: int = 2024, min_doc_share: float = 0.05,
                      min_count: int = 10):
    """Wordscores on ``corpus`` (counted by :func:`scaling_dtm`) with reference scores given
    by country for ``year``'s speeches, e.g. ``{"RUS": -1, "USA": 1}``.

    >>> import discourse
    >>> ws = fit_un_wordscores(discourse.load_ungdc(years=2024), {"RUS": -1, "USA": 1})
    >>> ws.references["doc_id"].tolist()
    ['RUS_79_2024', 'USA_79_2024']
    >>> bool(ws.predict()["theta"].between(-1, 1).mean() > 0.9)
    True
    """
    from .wordscores import fit_wordscores

    dtm = scaling_dtm(corpus, min_doc_share=min_doc_share, min_count=min_count)
    scores = {country_doc(corpus, c, year): float(v) for c, v in references.items()}
    return fit_wordscores(dtm, scores)


def pole_words(fit: WordfishFit, n: int = 20) -> pd.DataFrame:
    """The ``n`` terms of most negative and of most positive β (``pole`` = "left"/"right"),
    to read what the dimension is about.

    >>> import numpy as np
    >>> fit = WordfishFit(words=pd.DataFrame({"term": list("abcd"), "beta": [-2., -1., 1., 3.],
    ...                                       "psi": [0., 1., 1., 0.]}))
    >>> pole_words(fit, 1)[["pole", "term"]].values.tolist()
    [['left', 'a'], ['right', 'd']]
    """
    check_range("n", n, "pole_words", low=1, integer=True)
    words = fit.words.sort_values(["beta", "term"], kind="stable")
    left = words.head(n).assign(pole="left")
    right = words.tail(n).iloc[::-1].assign(pole="right")
    return pd.concat([left, right], ignore_index=True)[["pole", "term", "beta", "psi"]]
