"""Saving and loading topic models in a format that cannot run code, and the cache of fits.

gensim stores its models with :mod:`pickle`, and unpickling a file can run any code. The
store therefore holds no pickle at all: a fitted model is its **arrays and its settings**,
and the gensim object is rebuilt from them on load, by the gensim class's own constructor
(with no training data) and the stored arrays put back. A model folder holds:

* ``topics.json`` — kind, k, seed, training parameters, preparation settings, labels, the
  gensim class with the plain scalar attributes inference reads (``iterations``,
  ``gamma_threshold`` ...), and the name, shape and dtype of every array;
* one ``.npy`` file per array (LDA: ``alpha``, ``eta``, ``state.eta``, ``state.sstats``,
  ``expElogbeta``; NMF: ``_W``; LSI: ``projection.u``, ``projection.s``), read with
  ``numpy.load(allow_pickle=False)``, which refuses object arrays;
* ``vocabulary.parquet``, ``phrases.parquet`` and ``documents.parquet`` (doc ids, metadata,
  token counts, topic mixes): plain columns;
* ``SHA256SUMS``, written last: the SHA-256 of every file.

:func:`load_topic_model` (and the cache below) check, before reading anything, that
``SHA256SUMS`` exists, lists every file present and matches every file's bytes; then that
every array has the recorded shape and a float dtype. Any mismatch raises
:class:`~discourse.errors.InputError` naming the file.

**What the checksums protect against** (said plainly): accidental damage — a truncated or
interrupted write, a disk or copy error, a file changed or added by mistake. They do *not*
protect against someone who can write the folder on purpose: they can rewrite
``SHA256SUMS`` too. What protects against them is the format: nothing in a model folder is
executed or unpickled, so a forged folder can at worst give wrong numbers, not run code.
(Parquet is read with pyarrow >= 15, which has no pickled extension types.) A folder in the
old format (``model.gensim``, a pickle) is refused, never loaded.

**The cache of fits.** :func:`~discourse.topics.model.fit_topics` stores every
deterministic fit of a corpus of :data:`FIT_CACHE_MIN_DOCUMENTS` (100) documents or more
in ``<data>/cache/topic_fits/<key>`` in this format, keyed by the prepared corpus's
content key, the kind, k, seed, training parameters, this store's format, the source of the
fitting code and gensim's version; the same fit is then read back instead of refitted (a
warm ``discourse figures`` refits nothing), and gives the same tables, byte for byte. A
corrupt entry is removed with a warning and refitted; the :data:`FITS_KEPT` most recently
used entries are kept.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus.cache import hash_bytes, hash_file
from ..errors import InputError, file_error

__all__ = ["save_topic_model", "read_topic_store", "read_fitted", "write_fitted", "models_dir",
           "fits_dir", "STORE_FORMAT", "FITS_KEPT", "FIT_CACHE_MIN_DOCUMENTS"]

STORE_FORMAT = "2"
SUMS = "SHA256SUMS"
FITS_KEPT = 48
#: Fits of corpora this large or larger are cached (smaller ones take a moment to refit:
#: toy corpora, doctests).
FIT_CACHE_MIN_DOCUMENTS = 100
_OLD_PICKLE = "model.gensim"

#: Per kind: the gensim class, the plain attributes inference reads, and the arrays.
_STATE = {
    "lda": ("LdaModel", ["iterations", "gamma_threshold", "minimum_probability",
                         "minimum_phi_value", "per_word_topics", "decay", "offset", "chunksize",
                         "passes", "update_every", "num_updates", "optimize_alpha",
                         "optimize_eta", "state.numdocs"],
            ["alpha", "eta", "state.eta", "state.sstats", "expElogbeta"]),
    "nmf": ("Nmf", ["_kappa", "minimum_probability", "_w_max_iter", "_w_stop_condition",
                    "_h_max_iter", "_h_stop_condition", "normalize", "chunksize", "passes",
                    "num_tokens"],
            ["_W"]),
    "lsi": ("LsiModel", ["num_topics", "num_terms", "chunksize", "decay", "onepass",
                         "extra_samples", "power_iters", "docs_processed"],
            ["projection.u", "projection.s"]),
}


def models_dir() -> Path:
    """``<data>/cache/topic_models``: where :meth:`TopicModel.save` saves by default."""
    from ..corpus.paths import cache_dir

    d = Path(cache_dir()) / "topic_models"
    d.mkdir(parents=True, exist_ok=True)
    return d


def fits_dir() -> Path:
    """``<data>/cache/topic_fits``: the cache of fitted models (see the module docs)."""
    from ..corpus.paths import cache_dir

    d = Path(cache_dir()) / "topic_fits"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _default_name(model) -> str:
    key = model.corpus.key if model.corpus is not None else ",".join(model.doc_ids)
    return hash_bytes(key, model.kind, str(model.k), str(model.seed),
                      json.dumps(model.params, sort_keys=True, default=str))[:24]


def _get(obj, dotted: str):
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def _set(obj, dotted: str, value) -> None:
    *path, last = dotted.split(".")
    for part in path:
        obj = getattr(obj, part)
    setattr(obj, last, value)


def _plain(value, name: str):
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"topic store: attribute {name} is a {type(value).__name__}, not a scalar")


def save_topic_model(model, path: str | os.PathLike | None = None) -> Path:
    """Save ``model`` into the folder ``path`` (default: inside :func:`models_dir`) in the
    format of the module docs, written to a temporary folder and renamed into place; returns
    the folder.

    >>> from discourse.corpus.documents import Corpus
    >>> from discourse.topics import fit_topics, load_topic_model
    >>> import tempfile, os
    >>> m = fit_topics(Corpus.from_texts(["golan occupation israel"] * 4 +
    ...                ["refugees return reconstruction"] * 4), 2, min_df=1, max_df=1.0)
    >>> folder = save_topic_model(m, os.path.join(tempfile.mkdtemp(), "m"))
    >>> sorted(p.name for p in folder.iterdir())[:3]
    ['SHA256SUMS', 'alpha.npy', 'documents.parquet']
    >>> load_topic_model(folder).top_terms(3).equals(m.top_terms(3))
    True
    """
    target = Path(path) if path is not None else models_dir() / _default_name(model)
    return _save(model, target, prune=path is None)


def _save(model, target: Path, *, prune: bool) -> Path:
    """:func:`save_topic_model` into ``target``; with ``prune`` (a folder of the cache, never
    a user's) the temporary folders that dead writers left beside it are removed first."""
    from ..corpus.cache import prune_temporary
    from .prepare import vocabulary_frame

    target.parent.mkdir(parents=True, exist_ok=True)
    if prune:
        prune_temporary(target.parent, (f"*{_TMP}*",))
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}"))
    lock = None
    try:
        lock = _lock_folder(tmp)
        tmp = _visible(tmp, target.name)
        cls_name, scalar_names, array_names = _STATE[model.kind]
        arrays = {}
        for name in array_names:
            value = np.ascontiguousarray(_get(model.model, name))
            if value.dtype.kind != "f":
                raise TypeError(f"topic store: array {name} has dtype {value.dtype}")
            np.save(tmp / f"{name}.npy", value, allow_pickle=False)
            arrays[name] = {"shape": list(value.shape), "dtype": value.dtype.str}
        import gensim

        meta = {"format": STORE_FORMAT, "kind": model.kind, "k": model.k, "seed": model.seed,
                "params": model.params, "settings": _settings_dict(model.settings),
                "labels": {str(t): v for t, v in model.labels.items()},
                "deterministic": model.deterministic, "num_docs": model.dictionary.num_docs,
                "gensim": {"class": cls_name, "version": gensim.__version__,
                           "scalars": {n: _plain(_get(model.model, n), n)
                                       for n in scalar_names},
                           "arrays": arrays}}
        (tmp / "topics.json").write_text(json.dumps(meta, indent=1, sort_keys=True, default=str),
                                         encoding="utf-8")
        vocab = vocabulary_frame(_Vocab(model.dictionary))
        vocab["frequency"] = model.term_frequency
        vocab.to_parquet(tmp / "vocabulary.parquet", index=False)
        pd.DataFrame({"phrase": sorted(model.phrases)}, dtype=object) \
            .to_parquet(tmp / "phrases.parquet", index=False)
        docs = model.meta.copy()
        docs["_n_tokens"] = model.n_tokens
        docs["_coverage"] = model.coverage
        for t in range(model.k):
            docs[f"_topic_{t}"] = model.theta[:, t]
        docs.to_parquet(tmp / "documents.parquet", index=False)
        (tmp / _LOCK).unlink()
        lines = [f"{hash_file(p)}  {p.name}" for p in sorted(tmp.iterdir())]
        (tmp / SUMS).write_text("\n".join(lines) + "\n", encoding="ascii")
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
        if lock is not None:
            lock.close()
    return target


_TMP = ".tmp-"
_LOCK = ".lock"


def _lock_folder(folder: Path):
    """Lock ``folder/.lock`` (see :func:`discourse.corpus.cache.prune_temporary`)."""
    from ..corpus.cache import _lock

    fh = open(folder / _LOCK, "w+b")  # noqa: SIM115 - held until the folder is renamed
    _lock(fh)
    return fh


def _visible(hidden: Path, name: str) -> Path:
    """Rename a locked hidden temporary folder to ``<name>.tmp-<random>``."""
    import secrets

    for _ in range(100):
        path = hidden.with_name(f"{name}{_TMP}{secrets.token_hex(6)}")
        try:
            os.rename(hidden, path)  # a folder rename fails on an existing non-empty target
        except OSError:
            if path.exists():
                continue
            raise
        return path
    raise FileExistsError(f"{hidden.parent}: no free temporary name for {name}")  # pragma: no cover


class _Vocab:  # the attribute vocabulary_frame reads
    def __init__(self, dictionary):
        self.dictionary = dictionary


def _settings_dict(settings) -> dict:
    from dataclasses import asdict

    return asdict(settings)


def _verify(folder: Path) -> None:
    """Refuse a folder whose files do not match its ``SHA256SUMS`` (or an old pickle)."""
    if not folder.is_dir():
        raise file_error(InputError, folder, "no saved topic model here (not a folder)")
    if (folder / _OLD_PICKLE).exists():
        raise file_error(InputError, folder, "a topic model in the old store format (a gensim "
                         "pickle, which can run code when loaded): it is not loaded",
                         "refit the model and save it again")
    sums = folder / SUMS
    if not sums.exists():
        raise file_error(InputError, folder, f"no {SUMS} file: not a model saved by discourse, "
                         "or an incomplete one", "refit and save it again")
    expected = {}
    for line in sums.read_text(encoding="ascii", errors="replace").splitlines():
        digest, _, name = line.partition("  ")
        if not name or "/" in name or "\\" in name or name.startswith("."):
            raise file_error(InputError, sums, f"malformed line {line!r}")
        expected[name] = digest
    present = {p.name for p in folder.iterdir()} - {SUMS}
    extra = sorted(present - set(expected))
    if extra:
        raise file_error(InputError, folder, f"files not recorded at save time: {extra}",
                         "the folder was changed; refit and save again")
    for name, digest in expected.items():
        path = folder / name
        if not path.is_file():
            raise file_error(InputError, path, f"missing (listed in {SUMS})")
        if hash_file(path) != digest:
            raise file_error(InputError, path, "content does not match the SHA-256 recorded "
                             "at save time: refusing to load it", "refit and save again")


def _read_meta(folder: Path) -> dict:
    path = folder / "topics.json"
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise file_error(InputError, path, "not readable JSON", str(exc)) from None
    if not isinstance(meta, dict):
        raise file_error(InputError, path, "not a JSON object")
    if meta.get("format") != STORE_FORMAT:
        raise file_error(InputError, folder, f"store format {meta.get('format')!r}, expected "
                         f"{STORE_FORMAT!r}", "refit and save again")
    kind = meta.get("kind")
    if kind not in _STATE:
        raise file_error(InputError, path, f"unknown model kind {kind!r}",
                         f"expected one of {sorted(_STATE)}")
    missing = [key for key in ("k", "seed", "params", "settings", "labels", "deterministic",
                               "num_docs", "gensim") if key not in meta]
    if missing:
        raise file_error(InputError, path, f"missing entries {missing}")
    return meta


def _rebuild(folder: Path, meta: dict, dictionary):
    """The gensim model, built by its class (no training data) with its arrays put back."""
    import logging

    from gensim.models import LdaModel, LsiModel, Nmf

    logging.getLogger("gensim").setLevel(logging.WARNING)
    kind, k, seed = meta["kind"], int(meta["k"]), int(meta["seed"])
    cls_name, scalar_names, array_names = _STATE[kind]
    stored = meta["gensim"]
    if not isinstance(stored, dict) or stored.get("class") != cls_name:
        raise file_error(InputError, folder / "topics.json", f"the gensim class of a {kind} "
                         f"model must be {cls_name}")
    scalars, shapes = stored.get("scalars", {}), stored.get("arrays", {})
    if sorted(scalars) != sorted(scalar_names) or sorted(shapes) != sorted(array_names):
        raise file_error(InputError, folder / "topics.json", "the recorded gensim state does "
                         f"not match a {kind} model", "refit and save again")
    if kind == "lda":
        gm = LdaModel(id2word=dictionary, num_topics=k, random_state=seed, dtype=np.float64,
                      eval_every=None)
    elif kind == "nmf":
        gm = Nmf(id2word=dictionary, num_topics=k, random_state=seed, eval_every=None,
                 minimum_probability=0.0, normalize=True)
    else:
        gm = LsiModel(id2word=dictionary, num_topics=k, random_seed=seed)
    for name, value in scalars.items():
        if not (value is None or isinstance(value, (bool, int, float, str))):
            raise file_error(InputError, folder / "topics.json", f"{name} is not a scalar")
        _set(gm, name, value)
    for name in array_names:
        path = folder / f"{name}.npy"
        try:
            value = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise file_error(InputError, path, "not a plain numeric array", str(exc)) from None
        want = shapes[name]
        if value.dtype.kind != "f" or list(value.shape) != want.get("shape") \
                or value.dtype.str != want.get("dtype"):
            raise file_error(InputError, path, f"array of shape {list(value.shape)} and dtype "
                             f"{value.dtype}, recorded as {want}")
        _set(gm, name, value)
    return gm


def read_topic_store(path: str | os.PathLike, *, trust: bool = False) -> dict:
    """The checked contents of a model folder, as the keyword arguments of
    :class:`~discourse.topics.model.TopicModel` (:func:`discourse.topics.model.load_topic_model`
    builds the model from them; the checks are in the module docs). ``trust`` is accepted
    for compatibility and not needed: the format runs no code, so a folder is loaded from
    anywhere, after the same checks."""
    from .prepare import TopicSettings, dictionary_from_frame

    folder = Path(path)
    _verify(folder)
    meta = _read_meta(folder)
    vocab = pd.read_parquet(folder / "vocabulary.parquet")
    dictionary = dictionary_from_frame(vocab, meta["num_docs"])
    gm = _rebuild(folder, meta, dictionary)
    phrases = pd.read_parquet(folder / "phrases.parquet")["phrase"].tolist()
    docs = pd.read_parquet(folder / "documents.parquet")
    k = int(meta["k"])
    theta = docs[[f"_topic_{t}" for t in range(k)]].to_numpy(dtype=np.float64)
    meta_cols = [c for c in docs.columns if not c.startswith("_")]
    return dict(kind=meta["kind"], k=k, seed=meta["seed"], params=meta["params"], model=gm,
                dictionary=dictionary, phrases=phrases,
                settings=TopicSettings(**meta["settings"]),
                doc_ids=docs["doc_id"].astype(str).tolist(), meta=docs[meta_cols],
                theta=theta, n_tokens=docs["_n_tokens"].to_numpy(),
                coverage=docs["_coverage"].to_numpy(),
                term_frequency=vocab.sort_values("term_id")["frequency"].to_numpy(),
                corpus=None, deterministic=meta["deterministic"],
                labels={int(t): v for t, v in meta["labels"].items()})


# -- the cache of fits -----------------------------------------------------------------------
def fit_key(tc, kind: str, k: int, seed: int, params: dict) -> str:
    """The cache key of a fit (see the module docs)."""
    import sys

    import gensim

    from ..corpus.cache import code_version

    code = code_version(sys.modules[__name__], sys.modules[__package__ + ".model"])
    return hash_bytes("topicfit", STORE_FORMAT, code, gensim.__version__, tc.key, kind,
                      str(k), str(seed), json.dumps(params, sort_keys=True, default=str))


def read_fitted(tc, kind: str, k: int, seed: int, params: dict) -> dict | None:
    """The cached fit as keyword arguments of
    :class:`~discourse.topics.model.TopicModel` (with ``tc``'s vocabulary, documents and
    corpus), or ``None`` when there is none; a damaged entry warns, is removed, and gives
    ``None``."""
    folder = fits_dir() / fit_key(tc, kind, k, seed, params)[:32]
    if not folder.is_dir():
        return None
    try:
        _verify(folder)
        meta = _read_meta(folder)
        if meta["kind"] != kind or int(meta["k"]) != k or int(meta["seed"]) != seed:
            raise ValueError("it holds another model")
        docs = pd.read_parquet(folder / "documents.parquet",
                               columns=["doc_id"] + [f"_topic_{t}" for t in range(k)])
        if docs["doc_id"].astype(str).tolist() != list(tc.doc_ids):
            raise ValueError("its documents are not the corpus's")
        gm = _rebuild(folder, meta, tc.dictionary)
    except (InputError, ValueError, OSError, KeyError) as exc:
        warnings.warn(f"{folder}: unusable cached topic model ({exc}); it is removed and "
                      "refitted", stacklevel=3)
        shutil.rmtree(folder, ignore_errors=True)
        return None
    os.utime(folder)  # most recently used: kept longest
    theta = docs[[f"_topic_{t}" for t in range(k)]].to_numpy(dtype=np.float64)
    return dict(kind=kind, k=k, seed=seed, params=meta["params"], model=gm,
                dictionary=tc.dictionary, phrases=tc.phrases, settings=tc.settings,
                doc_ids=tc.doc_ids, meta=tc.meta, theta=theta, n_tokens=tc.n_tokens,
                coverage=tc.coverage, term_frequency=tc.term_frequency(), corpus=tc,
                deterministic=meta["deterministic"],
                labels={int(t): v for t, v in meta["labels"].items()})


def write_fitted(model) -> Path | None:
    """Store a fresh deterministic fit in the cache (best effort: a cache that cannot be
    written only warns). Returns the folder, or ``None``."""
    tc = model.corpus
    directory = fits_dir()
    folder = directory / fit_key(tc, model.kind, model.k, model.seed, model.params)[:32]
    try:
        _save(model, folder, prune=True)
    except OSError as exc:
        warnings.warn(f"{folder}: cannot cache the fitted topic model ({exc})", stacklevel=3)
        return None
    entries = sorted((p for p in directory.iterdir() if p.is_dir() and _TMP not in p.name
                      and not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[FITS_KEPT:]:
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    return folder
