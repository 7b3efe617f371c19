"""Saving and loading topic models, safely.

gensim stores its models with :mod:`pickle`, and unpickling a file can run any code. So:

* :func:`save_topic_model` writes a folder (by default inside the project's cache,
  ``<data>/cache/topic_models/<key>``): the gensim model (``model.gensim`` plus any ``.npy``
  arrays gensim puts beside it), and, in plain formats, ``topics.json`` (kind, k, seed,
  parameters, preparation settings, labels), ``vocabulary.parquet``, ``phrases.parquet`` and
  ``documents.parquet`` (doc ids, metadata, token counts, topic mixes). Last, ``SHA256SUMS``
  lists the SHA-256 of every file in the folder.
* :func:`load_topic_model` checks, **before anything is unpickled**, that the folder lies
  inside the cache (else it refuses unless ``trust=True`` is passed explicitly: only for a
  folder you saved yourself), that ``SHA256SUMS`` exists, lists every file present, and that
  every file's bytes match. Any mismatch raises :class:`~discourse.errors.InputError` naming
  the file; nothing is loaded. A model file a user points at is never unpickled silently.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus.cache import hash_bytes, hash_file
from ..errors import InputError, file_error

__all__ = ["save_topic_model", "read_topic_store", "models_dir", "STORE_FORMAT"]

STORE_FORMAT = "1"
SUMS = "SHA256SUMS"


def models_dir() -> Path:
    """``<data>/cache/topic_models``: where models are saved by default and trusted."""
    from ..corpus.paths import cache_dir

    d = Path(cache_dir()) / "topic_models"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _default_name(model) -> str:
    key = model.corpus.key if model.corpus is not None else ",".join(model.doc_ids)
    return hash_bytes(key, model.kind, str(model.k), str(model.seed),
                      json.dumps(model.params, sort_keys=True, default=str))[:24]


def save_topic_model(model, path: str | os.PathLike | None = None) -> Path:
    """Save ``model`` into the folder ``path`` (default: inside :func:`models_dir`), written
    to a temporary folder and renamed into place; returns the folder."""
    from .prepare import vocabulary_frame

    target = Path(path) if path is not None else models_dir() / _default_name(model)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=target.name + ".tmp"))
    try:
        model.model.save(str(tmp / "model.gensim"))
        meta = {"format": STORE_FORMAT, "kind": model.kind, "k": model.k, "seed": model.seed,
                "params": model.params, "settings": _settings_dict(model.settings),
                "labels": {str(t): v for t, v in model.labels.items()},
                "deterministic": model.deterministic, "num_docs": model.dictionary.num_docs}
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
        lines = [f"{hash_file(p)}  {p.name}" for p in sorted(tmp.iterdir())]
        (tmp / SUMS).write_text("\n".join(lines) + "\n", encoding="ascii")
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target


class _Vocab:  # the attribute vocabulary_frame reads
    def __init__(self, dictionary):
        self.dictionary = dictionary


def _settings_dict(settings) -> dict:
    from dataclasses import asdict

    return asdict(settings)


def _verify(folder: Path, trust: bool) -> None:
    """Refuse a folder outside the cache (unless trusted) or whose files do not match."""
    if not folder.is_dir():
        raise file_error(InputError, folder, "no saved topic model here (not a folder)")
    inside = models_dir().resolve()
    real = folder.resolve()
    if not trust and inside not in real.parents:
        raise file_error(InputError, folder,
                         "refusing to load a topic model from outside the discourse cache "
                         f"({inside}): gensim models are pickles and can run code",
                         "pass trust=True only for a folder you saved yourself")
    sums = folder / SUMS
    if not sums.exists():
        raise file_error(InputError, folder, f"no {SUMS} file: not a model saved by discourse, "
                         "or an incomplete one", "refit and save it again")
    expected = {}
    for line in sums.read_text(encoding="ascii", errors="replace").splitlines():
        digest, _, name = line.partition("  ")
        if not name or "/" in name or name.startswith("."):
            raise file_error(InputError, sums, f"malformed line {line!r}")
        expected[name] = digest
    present = {p.name for p in folder.iterdir()} - {SUMS}
    extra = sorted(present - set(expected))
    if extra:
        raise file_error(InputError, folder, f"files not recorded at save time: {extra}",
                         "the folder was changed; refit and save again")
    for name, digest in expected.items():
        path = folder / name
        if not path.exists():
            raise file_error(InputError, path, "missing (listed in SHA256SUMS)")
        if hash_file(path) != digest:
            raise file_error(InputError, path, "content does not match the SHA-256 recorded "
                             "at save time: refusing to load it", "refit and save again")


def read_topic_store(path: str | os.PathLike, *, trust: bool = False) -> dict:
    """The checked contents of a model folder, as the keyword arguments of
    :class:`~discourse.topics.model.TopicModel` (:func:`discourse.topics.model.load_topic_model`
    builds the model from them; the checks are in the module docs)."""
    from gensim.models import LdaModel, LsiModel, Nmf

    from .prepare import TopicSettings, dictionary_from_frame

    folder = Path(path)
    _verify(folder, trust)
    meta = json.loads((folder / "topics.json").read_text(encoding="utf-8"))
    if meta.get("format") != STORE_FORMAT:
        raise file_error(InputError, folder, f"store format {meta.get('format')!r}, expected "
                         f"{STORE_FORMAT!r}", "refit and save again")
    cls = {"lda": LdaModel, "nmf": Nmf, "lsi": LsiModel}[meta["kind"]]
    gm = cls.load(str(folder / "model.gensim"))
    vocab = pd.read_parquet(folder / "vocabulary.parquet")
    dictionary = dictionary_from_frame(vocab, meta["num_docs"])
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
