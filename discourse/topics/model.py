"""Topic models through gensim (LDA, NMF, LSI) with tidy tables: :func:`fit_topics`.

**Determinism.** ``model="lda"`` trains gensim's single-process
:class:`~gensim.models.LdaModel` with ``random_state=seed`` in float64: the same corpus, ``k``
and seed give the same topics, twice (tested). ``workers=n`` switches to
:class:`~gensim.models.LdaMulticore`, faster on several cores but *not* reproducible
(gensim PR #2953); the model then says ``deterministic=False``. Inference
starts every new document from the same seeded variational state, so ``infer`` is
reproducible too, and a document's mix depends on it and the model alone (not on the
documents inferred with it): a cluster inferring it in another batch gets the same numbers.

**Cached fits.** A deterministic fit of a corpus of
:data:`~discourse.topics.store.FIT_CACHE_MIN_DOCUMENTS` (100) documents or more is stored in
the data directory in a format that cannot run code (arrays and JSON,
:mod:`discourse.topics.store`) and read back the next time the same fit is asked for
(``use_cache=False`` refits).

**Topic ids** are the model's own (0 .. k-1) everywhere: tables, labels, figures. Nothing is
renumbered by prevalence (pyLDAvis does; we do not).

**LSI** has signed loadings, not distributions. For its tables, maps and distances the
topic-word matrix is ``|loading|`` normalised per topic and a document's mix is
``|projection|`` normalised: a convenient, documented approximation, not a probability.
"""
from __future__ import annotations

import warnings
from collections import OrderedDict
from collections.abc import Mapping

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from .._validation import check_choice, check_range
from ..corpus.documents import Corpus, Document, as_corpus
from ..errors import EmptyInputError, InputError
from .prepare import PHRASE_DELIMITER, TopicCorpus, bags_of_words, prepare_topics

__all__ = ["TopicModel", "fit_topics", "load_topic_model", "check_topic_parameters", "TOPIC_MODELS",
           "TOP_TERM_COLUMNS", "DOC_TOPIC_COLUMNS", "MIN_DOCUMENTS"]

TOPIC_MODELS = ("lda", "nmf", "lsi")
#: Columns of :meth:`TopicModel.top_terms`.
TOP_TERM_COLUMNS = ["topic", "label", "rank", "term", "weight", "lift", "relevance"]
#: Columns of :meth:`TopicModel.doc_topics` (long form; the corpus metadata columns follow
#: ``doc_id``) and of :meth:`TopicModel.infer`.
DOC_TOPIC_COLUMNS = ["doc_id", "topic", "label", "proportion", "n_tokens", "coverage"]
#: Fewest non-empty documents a model is fitted on.
MIN_DOCUMENTS = 5


def check_topic_parameters(k: int, model: str = "lda", *, where: str = "fit_topics") -> tuple[int, str]:
    """Validate ``k`` (2..1000, a whole number) and ``model`` (one of :data:`TOPIC_MODELS`).

    >>> check_topic_parameters(20, "lda")
    (20, 'lda')
    >>> check_topic_parameters(1, "lda")
    Traceback (most recent call last):
    ...
    discourse.errors.InputError: The 'k' parameter of fit_topics must be >= 2. Got 1 instead.
    """
    check_range("k", k, where, low=2, high=1000, integer=True)
    check_choice("model", model, TOPIC_MODELS, where)
    return int(k), model


class _Progress:
    """A corpus wrapper that advances a tqdm bar as gensim reads documents."""

    def __init__(self, docs, bar):
        self.docs, self.bar = docs, bar

    def __len__(self):
        return len(self.docs)

    def __iter__(self):
        for d in self.docs:
            self.bar.update(1)
            yield d


class TopicModel:
    """A fitted topic model with its vocabulary and document mixes (see :func:`fit_topics`).

    Attributes
    ----------
    kind : {"lda", "nmf", "lsi"}
    k : int
    seed : int
    params : dict
        Training parameters (passes, iterations, alpha ...).
    model : gensim model
    dictionary : gensim.corpora.Dictionary
    phrases : frozenset of str
    settings : TopicSettings
        The preparation settings (applied to new documents by :meth:`infer`).
    doc_ids : list of str
        Training documents (documents empty after filtering included, with NaN mixes).
    meta : pandas.DataFrame
    theta : numpy.ndarray
        Document-topic proportions, shape ``(n_documents, k)``; NaN rows for empty documents.
    n_tokens : numpy.ndarray
    coverage : numpy.ndarray
    term_frequency : numpy.ndarray
        Corpus frequency of each term (the marginal of the relevance formula).
    corpus : TopicCorpus or None
        The prepared training corpus (``None`` after :func:`load_topic_model`).
    deterministic : bool
    dropped : list of str
        Ids of documents left empty by the preparation (not used in training).
    """

    def __init__(self, *, kind, k, seed, params, model, dictionary, phrases, settings, doc_ids,
                 meta, theta, n_tokens, coverage, term_frequency, corpus=None,
                 deterministic=True, labels=None):
        self.kind, self.k, self.seed, self.params = kind, int(k), int(seed), dict(params)
        self.model, self.dictionary = model, dictionary
        self.phrases, self.settings = frozenset(phrases), settings
        self.doc_ids, self.meta = list(doc_ids), meta.reset_index(drop=True)
        self.theta = np.asarray(theta, dtype=np.float64)
        self.n_tokens = np.asarray(n_tokens, dtype=np.int64)
        self.coverage = np.asarray(coverage, dtype=np.float64)
        self.term_frequency = np.asarray(term_frequency, dtype=np.float64)
        self.corpus, self.deterministic = corpus, deterministic
        self._labels = dict(labels) if labels else self._automatic_labels()

    def __repr__(self) -> str:
        return (f"<TopicModel {self.kind} k={self.k} seed={self.seed}: {len(self.doc_ids)} "
                f"documents, {len(self.dictionary)} terms>")

    @property
    def dropped(self) -> list[str]:
        return [d for d, n in zip(self.doc_ids, self.n_tokens) if n == 0]

    @property
    def terms(self) -> list[str]:
        return [self.dictionary[i] for i in range(len(self.dictionary))]

    # -- topic-word -------------------------------------------------------------------------
    def topic_word(self) -> np.ndarray:
        """Topic-word distributions, shape ``(k, n_terms)``, rows summing to 1."""
        if getattr(self, "_phi", None) is None:
            raw = np.abs(np.asarray(self.model.get_topics(), dtype=np.float64))
            self._phi = raw / raw.sum(axis=1, keepdims=True)
        return self._phi

    def top_terms(self, n: int = 10, *, relevance_lambda: float = 0.6) -> pd.DataFrame:
        """The ``n`` most relevant terms of every topic (columns :data:`TOP_TERM_COLUMNS`).

        ``weight`` is p(term | topic); ``lift`` is weight / p(term) (p(term) the term's share
        of the training tokens); ``relevance`` = λ log(weight) + (1 - λ) log(lift) (Sievert &
        Shirley 2014, LDAvis); ``rank`` orders terms by relevance (ties: by term).
        ``relevance_lambda=1`` ranks by weight alone.

        >>> from discourse.corpus.documents import Corpus
        >>> m = fit_topics(Corpus.from_texts(["golan occupation israel"] * 3 +
        ...                ["refugees return reconstruction"] * 3), 2, min_df=1, max_df=1.0)
        >>> sorted(m.top_terms(3)["term"].unique())
        ['golan', 'israel', 'occupation', 'reconstruction', 'refugees', 'return']
        """
        check_range("n", n, "top_terms", low=1, integer=True)
        check_range("relevance_lambda", relevance_lambda, "top_terms", low=0, high=1)
        phi = self.topic_word()
        p_w = self.term_frequency / self.term_frequency.sum()
        with np.errstate(divide="ignore"):
            log_phi = np.log(phi)
            lift = phi / np.where(p_w > 0, p_w, np.nan)
            relevance = relevance_lambda * log_phi + (1 - relevance_lambda) * np.log(lift)
        terms = np.asarray(self.terms, dtype=object)
        order_terms = np.argsort(terms)  # alphabetical tie-break
        rows = []
        for t in range(self.k):
            rel = np.nan_to_num(relevance[t, order_terms], nan=-np.inf)
            top = order_terms[np.argsort(-rel, kind="stable")[:n]]
            for rank, j in enumerate(top, start=1):
                rows.append((t, self._labels[t], rank, terms[j], phi[t, j], lift[t, j],
                             relevance[t, j]))
        return pd.DataFrame(rows, columns=TOP_TERM_COLUMNS)

    # -- labels -----------------------------------------------------------------------------
    @property
    def labels(self) -> dict[int, str]:
        """Topic labels by topic id: automatic (the three most relevant terms at λ = 0.6)
        unless set with :meth:`relabel`."""
        return dict(self._labels)

    def relabel(self, labels: Mapping[int, str]) -> TopicModel:
        """Set labels for some topics (``{3: "Golan"}``); returns the model itself."""
        for t, label in labels.items():
            if t not in self._labels:
                raise InputError(f"relabel: no topic {t!r}; topics are 0..{self.k - 1}")
            if not isinstance(label, str) or not label.strip():
                raise InputError(f"relabel: the label of topic {t} must be a non-empty string")
            self._labels[int(t)] = label
        return self

    def _automatic_labels(self) -> dict[int, str]:
        self._labels = {t: str(t) for t in range(self.k)}
        top = self.top_terms(3, relevance_lambda=0.6)
        return {t: " · ".join(g["term"].str.replace(PHRASE_DELIMITER, " ")) for t, g in
                top.groupby("topic", sort=True)}

    # -- documents --------------------------------------------------------------------------
    def doc_topics(self, *, wide: bool = False) -> pd.DataFrame:
        """Topic proportions of the training documents.

        Long form (default): one row per document and topic, columns
        :data:`DOC_TOPIC_COLUMNS` with the corpus metadata after ``doc_id``. Wide form:
        one row per document, ``doc_id``, metadata, ``n_tokens``, ``coverage`` then one
        column per topic, ``topic_0`` .. ``topic_{k-1}``. Documents empty after preparation
        have ``n_tokens == 0`` and NaN proportions.
        """
        return _mix_table(self, self.theta, self.meta, self.n_tokens, self.coverage, wide=wide)

    def infer(self, docs: Corpus | Document | str, *, on_empty: str = "raise",
              wide: bool = False, scheduler=None) -> pd.DataFrame:
        """Topic proportions of new documents (the article), prepared like the training
        corpus (its phrases and vocabulary; unknown words are ignored and reported through
        ``coverage``, the share of the document's words the model knows).

        Parameters
        ----------
        docs : Corpus, Document or str
        on_empty : {"raise", "nan"}, default="raise"
            A document with no word in the vocabulary raises
            :class:`~discourse.errors.EmptyInputError` (naming it), or gets NaN proportions.
        wide : bool, default=False
            Table shape, as in :meth:`doc_topics`.
        scheduler : None, "processes", "tcp://host:port" or a distributed.Client, optional
            Where to infer (:mod:`discourse.scale.scheduler`): each partition by the same
            function as here, the model broadcast once to every worker. A document's mix
            depends on it and the model alone (LDA starts every document from the same
            seeded state), so the table is the same.
        """
        check_choice("on_empty", on_empty, ["raise", "nan"], "TopicModel.infer")
        corpus = as_corpus(docs, "infer")
        theta, known, n_words = self.mixes(corpus, scheduler=scheduler)
        empty = [i for i, n in enumerate(known) if n == 0]
        if empty and on_empty == "raise":
            names = [corpus.ids[i] for i in empty][:5]
            raise EmptyInputError(
                f"TopicModel.infer: {len(empty)} document(s) have no word in the model's "
                f"vocabulary of {len(self.dictionary)} terms ({names}); pass on_empty='nan' "
                f"to get NaN proportions for them")
        with np.errstate(invalid="ignore", divide="ignore"):
            cov = np.where(n_words > 0, known / np.maximum(n_words, 1), np.nan)
        return _mix_table(self, theta, corpus.meta, known, cov, wide=wide)

    def mixes(self, corpus: Corpus, *, scheduler=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Topic mixes of new documents as an array ``(n, k)`` (NaN rows for documents with
        no known word), with the known-token and word counts."""
        from ..scale.engine import plan

        inference = _Inference(self)
        run = plan(corpus, scheduler)
        if run is None:
            return inference.mixes(corpus)
        parts = run.map(_mix_batch, shared=[inference], desc="inferring topics")
        ids = [d for batch_ids, *_ in parts for d in batch_ids]
        theta = np.vstack([p[1] for p in parts]) if parts else np.zeros((0, self.k))
        known = np.concatenate([p[2] for p in parts]) if parts else np.zeros(0, np.int64)
        words = np.concatenate([p[3] for p in parts]) if parts else np.zeros(0, np.int64)
        order = run.order_of(ids)
        if order is not None:
            theta, known, words = theta[order], known[order], words[order]
        return theta, known, words

    def _infer_bows(self, bows) -> np.ndarray:
        return _Inference(self).infer_bows(bows)

    # -- coherence --------------------------------------------------------------------------
    def coherence(self, measure: str = "c_npmi", *, topn: int = 10,
                  corpus: TopicCorpus | None = None) -> np.ndarray:
        """Per-topic coherence of the ``topn`` highest-weight terms (gensim
        :class:`~gensim.models.CoherenceModel`, one process) against the training corpus
        (or ``corpus``)."""
        from .coherence import topic_coherence

        return topic_coherence(self, measure, topn=topn, corpus=corpus)

    # -- storage ----------------------------------------------------------------------------
    def save(self, path=None):
        """Save into ``path`` (default: the cache, ``<data>/cache/topic_models/<key>``) with
        SHA-256 sums; see :mod:`discourse.topics.store`. Returns the folder."""
        from .store import save_topic_model

        return save_topic_model(self, path)


class _Inference:
    """What inferring new documents needs of a model, and nothing more (not the training
    corpus): small enough to broadcast to the workers of a cluster."""

    def __init__(self, model: TopicModel):
        self.kind, self.model, self.k, self.seed = model.kind, model.model, model.k, model.seed
        self.dictionary, self.phrases, self.settings = model.dictionary, model.phrases, model.settings

    def mixes(self, corpus: Corpus):
        bows, known, words = bags_of_words(corpus, self.dictionary, self.phrases, self.settings)
        return self.infer_bows(bows), known, words

    def infer_bows(self, bows) -> np.ndarray:
        out = np.full((len(bows), self.k), np.nan)
        idx = [i for i, b in enumerate(bows) if b]
        if idx:
            out[idx] = _infer(self.kind, self.model, [bows[i] for i in idx], self.k, self.seed,
                              len(self.dictionary), same_start=True)
        return out


def _mix_batch(batch: Corpus, inference: _Inference):
    theta, known, words = inference.mixes(batch)
    return batch.ids, theta, known, words


class _SameStart:
    """A stand-in for the LDA model's random state during inference of new documents: every
    document starts from the same seeded variational state (the first draw of
    ``RandomState(seed)``), so that a document's mix does not depend on which documents are
    inferred with it (gensim draws one state per document of a chunk)."""

    def __init__(self, seed: int, k: int):
        self.start = np.random.RandomState(seed).gamma(100.0, 1.0 / 100.0, (1, k))

    def gamma(self, shape, scale, size):
        if (shape, scale) != (100.0, 1.0 / 100.0) or size[1] != self.start.shape[1]:
            raise RuntimeError("gensim's LDA inference drew its state unexpectedly")
        return np.repeat(self.start, size[0], axis=0)


def _mix_table(model: TopicModel, theta, meta, n_tokens, coverage, *, wide: bool) -> pd.DataFrame:
    meta = meta.reset_index(drop=True)
    if wide:
        out = meta.copy()
        out["n_tokens"] = n_tokens
        out["coverage"] = coverage
        for t in range(model.k):
            out[f"topic_{t}"] = theta[:, t]
        return out
    n, k = theta.shape
    rows = meta.loc[np.repeat(np.arange(n), k)].reset_index(drop=True)
    topics = np.tile(np.arange(k), n)
    rows["topic"] = topics
    rows["label"] = [model._labels[t] for t in topics]
    rows["proportion"] = theta.reshape(-1)
    rows["n_tokens"] = np.repeat(n_tokens, k)
    rows["coverage"] = np.repeat(coverage, k)
    front = [c for c in meta.columns]
    return rows[front + DOC_TOPIC_COLUMNS[1:]]


def _infer(kind, model, bows, k, seed, n_terms, *, same_start: bool = False) -> np.ndarray:
    """Topic mixes of non-empty bags of words, deterministic for a given seed. LDA draws
    each document's starting state from ``RandomState(seed)`` in turn (the training corpus's
    mixes), or, with ``same_start``, starts every document from the same state (new
    documents: each mix then depends on its document alone, see :class:`_SameStart`)."""
    if kind == "lda":
        before = model.random_state
        model.random_state = _SameStart(seed, k) if same_start else np.random.RandomState(seed)
        try:
            out = []
            for i in range(0, len(bows), 2000):
                gamma, _ = model.inference(bows[i:i + 2000])
                out.append(gamma)
        finally:
            model.random_state = before if same_start else model.random_state
        gamma = np.vstack(out)
        return gamma / gamma.sum(axis=1, keepdims=True)
    if kind == "nmf":
        model.random_state = np.random.RandomState(seed)  # its projection permutes at random
        theta = np.zeros((len(bows), k))
        for i, b in enumerate(bows):
            for t, v in model.get_document_topics(b, minimum_probability=0.0):
                theta[i, t] = v
    else:  # lsi on tf-idf
        from gensim.models import TfidfModel

        tfidf = TfidfModel(dictionary=model.id2word)
        theta = np.zeros((len(bows), k))
        for i, b in enumerate(bows):
            for t, v in model[tfidf[b]]:
                theta[i, t] = abs(v)
    sums = theta.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(sums > 0, theta / np.where(sums > 0, sums, 1), 1.0 / k)


# -- fitting ---------------------------------------------------------------------------------
_FITTED: OrderedDict = OrderedDict()
_FITTED_MAX = 24


def fit_topics(corpus: Corpus | TopicCorpus, k: int, *, model: str = "lda", seed: int = 0,
               passes: int = 10, iterations: int = 100, chunksize: int = 2000,
               alpha: str | float = "symmetric", workers: int | None = None,
               progress: bool = False, use_cache: bool = True, **prepare) -> TopicModel:
    """Fit a topic model with ``k`` topics (LDA, NMF or LSI through gensim).

    Parameters
    ----------
    corpus : Corpus or TopicCorpus
        A corpus (prepared with :func:`prepare_topics` and ``**prepare``) or a prepared one.
    k : int
        Number of topics, 2 .. min(1000, vocabulary size).
    model : {"lda", "nmf", "lsi"}, default="lda"
    seed : int, default=0
        Random seed (``random_state``/``random_seed`` of the gensim model).
    passes : int, default=10
        Passes over the corpus (LDA, NMF; LSI makes one).
    iterations : int, default=100
        LDA: maximum E-step iterations per document.
    chunksize : int, default=2000
    alpha : "symmetric", "asymmetric", "auto" or float, default="symmetric"
        LDA document-topic prior.
    workers : int, optional
        LDA only: train with ``LdaMulticore(workers=workers)`` (faster, NOT reproducible).
    progress : bool, default=False
        A progress bar over documents read (passes × documents).
    use_cache : bool, default=True
        Read and write the cache of fits (deterministic fits of corpora of
        :data:`~discourse.topics.store.FIT_CACHE_MIN_DOCUMENTS` documents or more; see
        :mod:`discourse.topics.store`).
    **prepare
        Settings of :func:`prepare_topics` (``min_df``, ``max_df``, ``phrases`` ...).

    Raises
    ------
    InputError
        Bad ``k`` (e.g. larger than the vocabulary) or ``model``.
    EmptyInputError
        Fewer than :data:`MIN_DOCUMENTS` documents with words left after preparation.

    Examples
    --------
    >>> from discourse.corpus.documents import Corpus
    >>> docs = ["golan occupation israel golan"] * 4 + ["refugees return reconstruction"] * 4
    >>> m = fit_topics(Corpus.from_texts(docs), 2, seed=1, min_df=1, max_df=1.0)
    >>> m.doc_topics(wide=True).columns.tolist()
    ['doc_id', 'n_tokens', 'coverage', 'topic_0', 'topic_1']
    """
    k, model = check_topic_parameters(k, model)
    for name, value in (("passes", passes), ("iterations", iterations), ("chunksize", chunksize)):
        check_range(name, value, "fit_topics", low=1, integer=True)
    check_range("seed", seed, "fit_topics", low=0, integer=True)
    if workers is not None:
        check_range("workers", workers, "fit_topics", low=1, integer=True)
        if model != "lda":
            raise InputError("The 'workers' parameter of fit_topics applies to model='lda' only.")
    if isinstance(corpus, TopicCorpus):
        if prepare:
            raise InputError(f"fit_topics: preparation settings {sorted(prepare)} were given "
                             f"with an already prepared TopicCorpus")
        tc = corpus
    elif isinstance(corpus, Corpus):
        tc = prepare_topics(corpus, progress=progress, **prepare)
    else:
        raise InputError(f"fit_topics expects a Corpus or a TopicCorpus, got {type(corpus).__name__}")
    params = {"passes": int(passes), "iterations": int(iterations), "chunksize": int(chunksize),
              "alpha": alpha, "workers": workers}
    memo = (tc.key, k, model, int(seed), tuple(sorted((a, str(b)) for a, b in params.items())))
    if memo in _FITTED and workers is None:
        _FITTED.move_to_end(memo)
        return _FITTED[memo]
    fitted = _cached_fit(tc, k, model, int(seed), params) if use_cache and workers is None \
        else None
    if fitted is None:
        fitted = _fit(tc, k, model, int(seed), params, progress)
        if use_cache and workers is None and _cacheable(tc):
            from .store import write_fitted

            write_fitted(fitted)
    if workers is None:
        _FITTED[memo] = fitted
        while len(_FITTED) > _FITTED_MAX:
            _FITTED.popitem(last=False)
    return fitted


def _cacheable(tc: TopicCorpus) -> bool:
    from .store import FIT_CACHE_MIN_DOCUMENTS

    return len(tc) >= FIT_CACHE_MIN_DOCUMENTS


def _cached_fit(tc: TopicCorpus, k: int, kind: str, seed: int, params: dict) -> TopicModel | None:
    if not _cacheable(tc):
        return None
    from .store import read_fitted

    found = read_fitted(tc, kind, k, seed, params)
    return TopicModel(**found) if found is not None else None


def _fit(tc: TopicCorpus, k: int, kind: str, seed: int, params: dict, progress: bool) -> TopicModel:
    n_terms = len(tc.dictionary)
    if k > n_terms:
        raise InputError(f"The 'k' parameter of fit_topics must be <= the vocabulary size "
                         f"({n_terms} terms after filtering). Got {k} instead (lower k, or "
                         f"relax min_df/max_df)")
    n_tokens = tc.n_tokens
    keep = np.flatnonzero(n_tokens > 0)
    if len(keep) < MIN_DOCUMENTS:
        raise EmptyInputError(f"fit_topics: only {len(keep)} document(s) have words left after "
                              f"preparation; a topic model needs at least {MIN_DOCUMENTS}")
    if len(keep) < len(tc):
        warnings.warn(f"fit_topics: {len(tc) - len(keep)} document(s) are empty after "
                      f"preparation and are left out of training (NaN proportions)",
                      stacklevel=3)
    bow_all = tc.bow
    bows = [bow_all[i] for i in keep]
    passes = 1 if kind == "lsi" else params["passes"]
    with tqdm(total=passes * len(bows), desc=f"fitting {kind} k={k}", disable=not progress,
              unit="doc") as bar:
        gm = _train(kind, _Progress(bows, bar), tc.dictionary, k, seed, params)
    theta = np.full((len(tc), k), np.nan)
    theta[keep] = _infer(kind, gm, bows, k, seed, n_terms)
    return TopicModel(kind=kind, k=k, seed=seed, params=params, model=gm,
                      dictionary=tc.dictionary, phrases=tc.phrases, settings=tc.settings,
                      doc_ids=tc.doc_ids, meta=tc.meta, theta=theta, n_tokens=n_tokens,
                      coverage=tc.coverage, term_frequency=tc.term_frequency(), corpus=tc,
                      deterministic=params["workers"] is None)


def _train(kind, bows, dictionary, k, seed, params):
    import logging

    logging.getLogger("gensim").setLevel(logging.WARNING)
    if kind == "lda":
        from gensim.models import LdaModel, LdaMulticore

        common = dict(corpus=bows, id2word=dictionary, num_topics=k, passes=params["passes"],
                      iterations=params["iterations"], chunksize=params["chunksize"],
                      alpha=params["alpha"], eval_every=None, random_state=seed,
                      dtype=np.float64)
        if params["workers"] is not None:
            if common["alpha"] == "auto":
                raise InputError("alpha='auto' is not available with workers (LdaMulticore)")
            return LdaMulticore(workers=params["workers"], **common)
        return LdaModel(**common)
    if kind == "nmf":
        from gensim.models import Nmf

        return Nmf(corpus=bows, id2word=dictionary, num_topics=k, passes=params["passes"],
                   chunksize=params["chunksize"], random_state=seed, eval_every=None,
                   minimum_probability=0.0, normalize=True)
    from gensim.models import LsiModel, TfidfModel

    tfidf = TfidfModel(dictionary=dictionary)
    return LsiModel(corpus=_Mapped(bows, tfidf), id2word=dictionary, num_topics=k,
                    chunksize=params["chunksize"], random_seed=seed)


class _Mapped:
    def __init__(self, docs, transform):
        self.docs, self.transform = docs, transform

    def __len__(self):
        return len(self.docs)

    def __iter__(self):
        for d in self.docs:
            yield self.transform[d]


def load_topic_model(path, *, trust: bool = False) -> TopicModel:
    """Load a model saved by :meth:`TopicModel.save`, after the checks of
    :mod:`discourse.topics.store` (nothing is unpickled: the format is arrays and JSON).

    Parameters
    ----------
    path : str or path
        The folder :meth:`TopicModel.save` returned.
    trust : bool, default=False
        Kept for compatibility; not needed (a folder is loaded from anywhere, after the
        checks, since the format runs no code).

    Raises
    ------
    InputError
        Checksums missing or not matching, extra files, arrays of the wrong shape or dtype,
        an unknown model kind, or a folder in the old (pickle) format.
    """
    from .store import read_topic_store

    return TopicModel(**read_topic_store(path, trust=trust))
