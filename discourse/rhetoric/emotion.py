"""Emotion versus reason, in the manner of Gennaro & Ash (2022, *The Economic Journal*).

The index asks whether a text's words keep the company of affect or of cognition in the
comparison corpus itself:

1. **Vectors.** gensim :class:`~gensim.models.Word2Vec` (skip-gram, 100 dimensions, window 8,
   words seen at least ``min_count`` times) is trained on the comparison corpus (by default
   all UN General Debate speeches), the body of each document tokenised under the package's
   policy (:func:`discourse.text.tokens.term_list`) with numbers and the shipped stop words removed. Training is single-threaded with a fixed seed,
   so the same corpus gives the same vectors (gensim is not deterministic with several worker
   threads). Documents are cut into pieces of 1,000 tokens (gensim ignores words past 10,000
   in one "sentence").
2. **Seeds.** Two word lists that we wrote, shipped in
   ``discourse/data/lexicons/emotion_reason.yaml`` (affect and reason; read its header for
   the rules and why the article's own slogans are not among them). Each centroid is the mean
   of the unit-length vectors of its seeds present in the vocabulary
   (:func:`seed_coverage` lists the missing ones).
3. **Documents.** A document vector is the smooth-inverse-frequency (SIF) weighted mean of its
   in-vocabulary word vectors, weight ``a / (a + p(w))`` with ``a = 0.001`` and ``p(w)`` the
   word's relative frequency in the training corpus (Arora, Liang & Ma 2017; the weighting
   Gennaro & Ash use).
4. **Score.** ``emotionality = (cos(d, A) + b) / (cos(d, R) + b)`` with ``b = 1`` (Gennaro &
   Ash's smoothing, which keeps the ratio defined), and ``emotionality_z``: the score
   standardised by the mean and standard deviation over the training corpus's documents.
   Higher means more emotional, lower more reasoned. A document with no in-vocabulary word
   gets NaN.

The vectors and the training corpus's scores are cached (Parquet, checksummed, no pickle)
under :func:`discourse.corpus.paths.cache_dir`, keyed by the corpus content, the settings, the seed
and the version of this code.

>>> from discourse.corpus.documents import Corpus
>>> texts = ["We fear and mourn the tragic suffering, the pain and grief of our people."] * 30 + \\
...         ["We analyse the evidence and consider the data to understand the causes."] * 30
>>> model = train_emotion_model(Corpus.from_texts(texts), min_count=1, epochs=20, progress=False,
...                             use_cache=False)
>>> t = score_emotion(model, Corpus.from_texts([texts[0], texts[-1]]))
>>> bool(t["emotionality"].iloc[0] > t["emotionality"].iloc[1])
True
"""
from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd
import yaml

from ..corpus.documents import Corpus
from ..errors import EmptyInputError, InputError

__all__ = ["EmotionModel", "train_emotion_model", "score_emotion", "seed_coverage",
           "emotion_seeds", "stat_emotion_trend", "EMOTION_COLUMNS"]

#: Columns of :func:`score_emotion`.
EMOTION_COLUMNS = ["doc_id", "n_tokens", "n_in_vocab", "affect_similarity", "reason_similarity",
                   "emotionality", "emotionality_z"]

SIF_A = 1e-3
SMOOTHING_B = 1.0
CHUNK = 1000


@cache
def emotion_seeds() -> dict[str, tuple[str, ...]]:
    """The shipped seed lists: ``{"affect": (...), "reason": (...)}``."""
    text = resources.files("discourse.data").joinpath("lexicons/emotion_reason.yaml").read_text(
        encoding="utf-8")
    data = yaml.safe_load(text)
    return {k: tuple(dict.fromkeys(str(w).lower() for w in data[k])) for k in ("affect", "reason")}


@dataclass
class EmotionModel:
    """Word vectors trained on a comparison corpus, with the two seed centroids and the
    corpus's own score distribution (for standardising)."""

    words: list[str]
    vectors: np.ndarray           # (n_words, dim), float32
    counts: np.ndarray            # training counts per word
    settings: dict
    corpus_name: str = ""
    key: str = ""
    reference_mean: float = np.nan
    reference_sd: float = np.nan
    seeds: dict = field(default_factory=emotion_seeds)

    def __post_init__(self):
        self.index = {w: i for i, w in enumerate(self.words)}
        norms = np.linalg.norm(self.vectors, axis=1, keepdims=True)
        self.unit = (self.vectors / np.where(norms == 0, 1, norms)).astype(np.float32)
        prob = self.counts / max(self.counts.sum(), 1)
        self.sif = (SIF_A / (SIF_A + prob)).astype(np.float32)
        self.centroids = {}
        for name, words in self.seeds.items():
            ids = [self.index[w] for w in words if w in self.index]
            if not ids:
                raise EmptyInputError(
                    f"emotion model: none of the {name!r} seed words is in the vocabulary of "
                    f"{self.corpus_name or 'the training corpus'} ({len(self.words)} words); "
                    "train on a larger corpus or lower min_count")
            c = self.unit[ids].mean(axis=0)
            self.centroids[name] = c / np.linalg.norm(c)

    def __repr__(self) -> str:
        return (f"EmotionModel({len(self.words):,} words × {self.vectors.shape[1]}, "
                f"trained on {self.corpus_name or 'a corpus'})")


def _settings(vector_size, window, min_count, epochs, seed):
    return {"vector_size": int(vector_size), "window": int(window), "min_count": int(min_count),
            "epochs": int(epochs), "seed": int(seed), "sg": 1, "sample": 1e-4, "negative": 5,
            "chunk": CHUNK, "tokens": "lowercase, numbers dropped, default stop words removed"}


class _Encoded:
    """A corpus's words (numbers and stop words dropped) as integer ids into one shared
    vocabulary: 4 bytes a token instead of a string object, and an iterable of pieces of
    :data:`CHUNK` words that gensim can pass over once per epoch."""

    def __init__(self, corpus: Corpus, progress: bool):
        from tqdm.auto import tqdm

        from ..text.parsed import parse
        from ..text.tokens import _NUMBER, stopwords

        stop = stopwords()
        self.vocab: list[str] = []
        ids: dict[str, int] = {}
        self.docs: list[np.ndarray] = []
        for doc in tqdm(corpus, total=len(corpus), desc="reading words", disable=not progress):
            words = [w for w in parse(doc).body_terms if w not in stop and not _NUMBER.match(w)]
            arr = np.empty(len(words), dtype=np.int32)
            for k, w in enumerate(words):
                i = ids.get(w)
                if i is None:
                    i = ids[w] = len(self.vocab)
                    self.vocab.append(w)
                arr[k] = i
            self.docs.append(arr)

    def __iter__(self):
        vocab = self.vocab
        for arr in self.docs:
            for i in range(0, len(arr), CHUNK):
                yield [vocab[j] for j in arr[i:i + CHUNK].tolist()]

    def n_tokens(self) -> list[int]:
        return [len(a) for a in self.docs]


def _key(corpus: Corpus, settings: dict) -> str:
    from ..corpus import normalize
    from ..text import parsed, sentences, tokens
    from ..corpus.cache import code_version

    return (f"emotion|{corpus.content_hash()}|{json.dumps(settings, sort_keys=True)}|"
            f"{code_version(sys.modules[__name__], tokens, parsed, sentences, normalize)}")


def train_emotion_model(corpus: Corpus, *, seed: int = 1, vector_size: int = 100,
                        window: int = 8, min_count: int = 10, epochs: int = 5,
                        use_cache: bool = True, progress: bool = True) -> EmotionModel:
    """Train (or read from the cache) the word vectors of the emotion–reason index.

    Parameters
    ----------
    corpus : Corpus
        The comparison corpus (e.g. :func:`discourse.load_ungdc`).
    seed : int, default=1
    vector_size, window, min_count, epochs : int
        word2vec settings (skip-gram, negative sampling 5, down-sampling 1e-4).
    use_cache : bool, default=True
    progress : bool, default=True
        A progress bar over the training epochs.

    Example
    -------
    >>> import discourse
    >>> model = train_emotion_model(discourse.load_ungdc())   # doctest: +SKIP
    """
    if not isinstance(corpus, Corpus):
        raise InputError(f"train_emotion_model expects a Corpus, got {type(corpus).__name__}")
    if len(corpus) == 0:
        raise EmptyInputError("train_emotion_model: the corpus has no documents")
    for name, value, lo in (("vector_size", vector_size, 2), ("window", window, 1),
                            ("min_count", min_count, 1), ("epochs", epochs, 1)):
        if not isinstance(value, (int, np.integer)) or value < lo:
            raise InputError(f"train_emotion_model: {name} must be an integer ≥ {lo}, got {value!r}")
    settings = _settings(vector_size, window, min_count, epochs, seed)
    key = _key(corpus, settings)
    if use_cache:
        model = _read_model(key, settings, corpus.name)
        if model is not None:
            return model
    encoded = _Encoded(corpus, progress)
    if not any(len(a) for a in encoded.docs):
        raise EmptyInputError("train_emotion_model: the corpus has no word left after removing "
                              "numbers and stop words")
    words, vectors, counts = _train(encoded, settings, progress)
    model = EmotionModel(words, vectors, counts, settings, corpus_name=corpus.name or "", key=key)
    scores = _similarities(model, encoded)[2]
    finite = scores[np.isfinite(scores)]
    model.reference_mean = float(finite.mean()) if len(finite) else np.nan
    model.reference_sd = float(finite.std(ddof=1)) if len(finite) > 1 else np.nan
    if use_cache:
        _write_model(model)
    return model


def _train(chunks, settings, progress):
    import logging

    from gensim.models import Word2Vec
    from gensim.models.callbacks import CallbackAny2Vec
    from tqdm.auto import tqdm

    class _Bar(CallbackAny2Vec):
        def __init__(self, bar):
            self.bar = bar

        def on_epoch_end(self, model):
            self.bar.update(1)

    logging.getLogger("gensim").setLevel(logging.WARNING)
    with tqdm(total=settings["epochs"], desc="training word2vec", unit="epoch",
              disable=not progress) as bar:
        w2v = Word2Vec(chunks, vector_size=settings["vector_size"], window=settings["window"],
                       min_count=settings["min_count"], epochs=settings["epochs"],
                       seed=settings["seed"], sg=settings["sg"], sample=settings["sample"],
                       negative=settings["negative"], workers=1, callbacks=[_Bar(bar)])
    if len(w2v.wv) == 0:
        raise EmptyInputError(f"train_emotion_model: no word occurs {settings['min_count']} "
                              "times or more; lower min_count or use a larger corpus")
    words = list(w2v.wv.index_to_key)
    counts = np.array([w2v.wv.get_vecattr(w, "count") for w in words], dtype=np.int64)
    return words, np.asarray(w2v.wv.vectors, dtype=np.float32), counts


def _doc_vectors(model: EmotionModel, encoded: _Encoded) -> tuple[np.ndarray, np.ndarray]:
    dim = model.vectors.shape[1]
    out = np.full((len(encoded.docs), dim), np.nan, dtype=np.float64)
    n_in = np.zeros(len(encoded.docs), dtype=np.int64)
    # the corpus's vocabulary id -> the model's row (-1: unknown to the model)
    lookup = np.array([model.index.get(w, -1) for w in encoded.vocab] or [-1], dtype=np.int64)
    for i, arr in enumerate(encoded.docs):
        rows = lookup[arr]
        rows = rows[rows >= 0]
        n_in[i] = len(rows)
        if len(rows):
            w = model.sif[rows].astype(np.float64)
            out[i] = (w @ model.vectors[rows]) / w.sum()
    return out, n_in


def _similarities(model: EmotionModel, encoded: _Encoded):
    vecs, n_in = _doc_vectors(model, encoded)
    norms = np.linalg.norm(vecs, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        unit = vecs / norms[:, None]
    # one dot product per row in a fixed order (einsum's own loop, not BLAS, whose kernels
    # differ with the number of rows): a document's score depends on it alone, so a cluster
    # scoring it in another batch gives the same bits (#13)
    affect = np.einsum("ij,j->i", unit, model.centroids["affect"])
    reason = np.einsum("ij,j->i", unit, model.centroids["reason"])
    score = (affect + SMOOTHING_B) / (reason + SMOOTHING_B)
    return affect, reason, score, n_in


def score_emotion(model: EmotionModel, corpus: Corpus, *, scheduler=None,
                  progress: bool = False) -> pd.DataFrame:
    """The emotion–reason score of every document (:data:`EMOTION_COLUMNS`).

    ``n_tokens`` counts the document's words after dropping numbers and stop words,
    ``n_in_vocab`` those the model knows (the score rests on these); ``affect_similarity``
    and ``reason_similarity`` are cosines with the two centroids; ``emotionality`` and its
    standardised ``emotionality_z`` are defined in the module docs. A document's scores
    depend on it and the model alone, so on a cluster (``scheduler``, see
    :mod:`discourse.scale.scheduler`) each partition is scored by this same function, the
    model broadcast once to every worker.
    """
    if not isinstance(model, EmotionModel):
        raise InputError("score_emotion: the first argument must be an EmotionModel "
                         "(train_emotion_model)")
    if not isinstance(corpus, Corpus):
        raise InputError(f"score_emotion expects a Corpus, got {type(corpus).__name__}")
    from ..scale.engine import plan

    run = plan(corpus, scheduler)
    if run is not None:
        return run.map(_score_batch, shared=[model], desc="emotion scores", progress=progress,
                       combine=lambda parts: run.in_order(_concat(parts)))
    encoded = _Encoded(corpus, progress=progress)
    affect, reason, score, n_in = _similarities(model, encoded)
    sd = model.reference_sd
    z = (score - model.reference_mean) / sd if sd and np.isfinite(sd) and sd > 0 \
        else np.full(len(score), np.nan)
    return pd.DataFrame({"doc_id": corpus.ids, "n_tokens": encoded.n_tokens(), "n_in_vocab": n_in,
                         "affect_similarity": affect, "reason_similarity": reason,
                         "emotionality": score, "emotionality_z": z}, columns=EMOTION_COLUMNS)


def _score_batch(batch: Corpus, model: EmotionModel) -> pd.DataFrame:
    return score_emotion(model, batch)


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame(columns=EMOTION_COLUMNS)
    return pd.concat(parts, ignore_index=True)


def seed_coverage(model: EmotionModel) -> pd.DataFrame:
    """Each seed word, its category, whether the model knows it and its training count."""
    rows = []
    for cat, words in model.seeds.items():
        for w in words:
            i = model.index.get(w)
            rows.append((cat, w, i is not None, int(model.counts[i]) if i is not None else 0))
    return pd.DataFrame(rows, columns=["category", "word", "in_vocab", "count"])


def stat_emotion_trend(scores: pd.DataFrame, meta: pd.DataFrame, *, by: str = "year") -> pd.DataFrame:
    """Mean ``emotionality_z`` per value of a metadata column (e.g. year), with the number of
    documents and a normal-approximation 95% interval (NaN for a single document).

    Columns: ``by``, ``n_documents``, ``mean_z``, ``sd_z``, ``ci_low``, ``ci_high``.
    """
    from .._validation import check_columns

    check_columns(scores, ["doc_id", "emotionality_z"], "stat_emotion_trend")
    check_columns(meta, ["doc_id", by], "stat_emotion_trend")
    table = scores[["doc_id", "emotionality_z"]].merge(meta[["doc_id", by]], on="doc_id")
    rows = []
    for value, grp in table.groupby(by, sort=True):
        z = grp["emotionality_z"].dropna().to_numpy()
        n = len(z)
        mean = float(z.mean()) if n else np.nan
        sd = float(z.std(ddof=1)) if n > 1 else np.nan
        half = 1.96 * sd / np.sqrt(n) if n > 1 else np.nan
        rows.append((value, n, mean, sd, mean - half, mean + half))
    return pd.DataFrame(rows, columns=[by, "n_documents", "mean_z", "sd_z", "ci_low", "ci_high"])


# --- cache (Parquet, checksummed; never pickle) ---------------------------------------------

def _read_model(key: str, settings: dict, name: str | None) -> EmotionModel | None:
    from ..corpus.cache import read_cached
    from ..corpus.paths import cache_dir

    frame = read_cached(cache_dir(), "word2vec", key)
    if frame is None or frame.empty:
        return None
    try:
        info = json.loads(frame["info"].iloc[0])
        vectors = np.stack(frame["vector"].to_numpy()).astype(np.float32)
        model = EmotionModel(frame["word"].tolist(), vectors, frame["count"].to_numpy(np.int64),
                             settings, corpus_name=name or "", key=key,
                             reference_mean=float(info["mean"]), reference_sd=float(info["sd"]))
    except (KeyError, ValueError, TypeError) as exc:
        import warnings

        warnings.warn(f"the cached word vectors are unreadable ({exc}); they are retrained",
                      stacklevel=3)
        return None
    return model


def _write_model(model: EmotionModel) -> None:
    from ..corpus.cache import write_cached
    from ..corpus.paths import cache_dir

    info = json.dumps({"mean": model.reference_mean, "sd": model.reference_sd})
    frame = pd.DataFrame({"word": model.words, "count": model.counts,
                          "vector": list(model.vectors),
                          "info": [info] + [""] * (len(model.words) - 1)})
    write_cached(frame, cache_dir(), "word2vec", model.key, keep_latest=3)


def model_fingerprint(model: EmotionModel) -> str:
    """SHA-256 of the model's words and vectors (to record in figure manifests)."""
    h = hashlib.sha256()
    h.update("\n".join(model.words).encode("utf-8"))
    h.update(np.ascontiguousarray(model.vectors).tobytes())
    return h.hexdigest()
