"""Read the hand-annotated validation set (``tests/validation``) into pandas tables.

The annotation files hold offsets, labels, attributes and a SHA-256 prefix of each span's
text, never the text: the texts are resolved through the package's own loaders
(``discourse.load_ungdc`` for the UN General Debate Corpus, ``discourse.load_lee`` for the
Lee news corpus), so offsets refer to the normalised ``Document.text``.

Two sets share the format: the TEST set (``split="test"``, the default: ``texts.csv`` and
``annotations/``), on which detectors are only measured, and the DEV set (``split="dev"``:
``dev/texts.csv`` and ``dev/annotations/``), other documents on which detectors may be tuned.
A third, the RESERVE (``split="reserve"``: ``reserve/``), holds texts annotated for a later
round and not yet measured: nothing scores it (``score_all`` refuses it) until a detector
change is measured on it once, when its texts move into the test set as a new batch.

This module does not import ``discourse`` at import time, and :func:`load_annotations` /
:func:`load_texts` need neither ``discourse`` nor the corpora: only :func:`load_documents`
does.

    >>> from tests.validation.load import load_annotations, load_texts
    >>> ann = load_annotations()          # one row per annotation, all layers (test set)
    >>> texts = load_texts()              # one row per text: its region, its author
    >>> dev = load_annotations(split="dev")   # the development set
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ANNOTATIONS = HERE / "annotations"
TEXTS = HERE / "texts.csv"
DEV = HERE / "dev"
#: the two sets: ``split -> (texts.csv, annotations folder)``
RESERVE = HERE / "reserve"
SPLITS = {"test": (TEXTS, ANNOTATIONS), "dev": (DEV / "texts.csv", DEV / "annotations"),
          "reserve": (RESERVE / "texts.csv", RESERVE / "annotations")}

LAYERS = ("contrast", "concession", "tricolon", "anaphora", "hedge", "booster",
          "evaluation", "quote")
#: attributes that are spans ([start, end], with a ``<name>_sha``)
SPAN_ATTRS = ("part_a", "part_b", "target_span", "speaker_span")
#: attributes that are lists of spans (with a ``<name>_sha`` list)
SPAN_LIST_ATTRS = ("items", "units")
#: closed value sets per layer and attribute
VALUES = {
    "contrast": {"kind": {"antithesis", "instead", "rather_than", "correction"},
                 "rejected": {"a", "b"}},
    "concession": {"marker": {"while", "although", "though", "even though", "whereas", "but",
                              "yet", "however", "despite", "in spite of", "even as",
                              "nevertheless", "nonetheless", "still"},
                   "conceded": {"a", "b"}},
    "tricolon": {"items_kind": {"word", "phrase", "clause"}, "named": {True, False}},
    "anaphora": {"unit_kind": {"phrase", "clause", "sentence"}},
    "evaluation": {"polarity": {"positive", "negative"}},
    "quote": {"kind": {"direct", "reported"}},
}
#: required attributes per layer (beyond layer, start, end, sha)
REQUIRED = {
    "contrast": ("kind", "rejected", "part_a", "part_b"),
    "concession": ("marker", "conceded", "part_a", "part_b"),
    "tricolon": ("items_kind", "named", "items"),
    "anaphora": ("key_words", "unit_kind", "units"),
    "hedge": ("attributed_to",),
    "booster": ("attributed_to",),
    "evaluation": ("polarity", "target_actor", "target_span"),
    "quote": ("kind", "speaker_actor", "speaker_span"),
}
#: attributes whose value is an actor: a gazetteer id, or one of these forms
ACTOR_ATTRS = {"evaluation": "target_actor", "quote": "speaker_actor",
               "hedge": "attributed_to", "booster": "attributed_to"}
ACTOR_SPECIAL = {"none", "unknown", "author"}


def span_sha(text: str) -> str:
    """First 12 hex digits of the SHA-256 of ``text`` (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def split_paths(split: str = "test") -> tuple[Path, Path]:
    """``(texts.csv, annotations folder)`` of a set: ``"test"`` or ``"dev"``."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {sorted(SPLITS)}, got {split!r}")
    return SPLITS[split]


def load_texts(split: str = "test", batch: int | None = None) -> pd.DataFrame:
    """One row per annotated text of the set: source, doc_id, region_start, region_end,
    region_sha, author_actor, words (of the region), notes, layers, batch.

    ``batch`` (test set) numbers the rounds in which texts were added: texts of a later batch
    were annotated after the detectors were last changed, so a detector's figures on them
    alone are a measurement on text nobody has seen (``batch=2``: only those; default: all).
    A ``texts.csv`` without the column has every text in batch 1.

    ``layers`` names the layers annotated in the text, space-separated (a text of the dev set
    may be annotated for some layers only; :func:`annotated_layers` reads it as sets). A
    ``texts.csv`` without the column (the test set) has every text annotated for all
    :data:`LAYERS`."""
    texts, _ = split_paths(split)
    frame = pd.read_csv(texts, dtype={"notes": str, "author_actor": str, "layers": str},
                        keep_default_na=False)
    if "layers" not in frame.columns:
        frame["layers"] = " ".join(LAYERS)
    frame["batch"] = frame["batch"].astype("int64") if "batch" in frame.columns else 1
    if batch is not None:
        if batch not in set(frame["batch"]):
            raise ValueError(f"{texts}: no text of batch {batch} (batches: "
                             f"{sorted(set(frame['batch']))})")
        frame = frame[frame["batch"] == batch].reset_index(drop=True)
    return frame


def annotated_layers(split: str = "test") -> dict[str, set[str]]:
    """``{doc_id: set of layers}``: the layers annotated in each text of the set. A detector's
    precision and recall on a layer are measured only on the texts annotated for it.

        >>> annotated_layers("dev")["CHN_70_2015"] == set(LAYERS)
        True
    """
    texts = load_texts(split)
    return {row.doc_id: set(row.layers.split()) for row in texts.itertuples()}


def load_annotations(layer: str | None = None, split: str = "test") -> pd.DataFrame:
    """All annotations of the set (or one layer's) as a table: ``source``, ``doc_id``,
    ``layer``, ``start``, ``end``, ``sha`` and the attributes (missing ones are NaN/None)."""
    _, folder = split_paths(split)
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        source, doc_id = path.stem.split("__", 1)
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                row.update(source=source, doc_id=doc_id, line=n)
                rows.append(row)
    first = ["source", "doc_id", "layer", "start", "end", "sha"]
    frame = pd.DataFrame(rows, columns=None if rows else first)  # (an empty reserve: no files)
    if layer is not None:
        frame = frame[frame["layer"] == layer].dropna(axis=1, how="all").reset_index(drop=True)
    return frame[first + [c for c in frame.columns if c not in first]]


def load_documents(texts: pd.DataFrame | None = None, split: str = "test") -> dict:
    """``{doc_id: Document}`` for the annotated texts (``texts``, or those of the set
    ``split``), through the package loaders."""
    import discourse

    texts = load_texts(split) if texts is None else texts
    docs = {}
    sources = set(texts["source"])
    if "ungdc" in sources:
        un = discourse.load_ungdc(progress=False)
        ids = list(texts.loc[texts["source"] == "ungdc", "doc_id"])
        for doc in un.subset(doc_id=ids):
            docs[doc.id] = doc
    if "lee" in sources:
        for part in ("test", "background"):
            for doc in discourse.load_lee(part):
                if doc.id in set(texts["doc_id"]):
                    docs[doc.id] = doc
    return docs


def span_text(doc, span) -> str:
    """The text of a ``[start, end]`` span of ``doc``."""
    return doc.text[span[0]:span[1]]


def long_table(layer: str, attr: str, split: str = "test") -> pd.DataFrame:
    """The spans of one list attribute (tricolon ``items``, anaphora ``units``), one row each."""
    frame = load_annotations(layer, split=split)
    rows = []
    for ann_id, row in frame.iterrows():
        for i, (s, e) in enumerate(row[attr]):
            rows.append({"doc_id": row["doc_id"], "annotation": ann_id, "index": i,
                         "start": s, "end": e, "sha": row[attr + "_sha"][i]})
    return pd.DataFrame(rows)
