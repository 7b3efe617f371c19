"""Precision and recall of the package's detectors on the hand-annotated validation set.

The rules of matching (stated in docs/rhetoric.md, "Validity"):

- Only the annotated region of each text counts: a prediction is scored when its span lies
  inside the region (at least half of it); the region was annotated exhaustively.
- A prediction **matches** a gold annotation of the same layer when their character spans
  overlap by at least half of the shorter of the two (``MIN_OVERLAP``): tools and annotators
  draw device boundaries differently, and a contrast found with one word more or less is
  still found. Matching is one to one, the largest overlaps first (ties by position).
- Precision = matched predictions / predictions; recall = matched gold / gold.
- Attributes are scored on top of the span: for evaluations the **target** (the predicted
  ``actor_id`` equals the gold ``target_actor``, or, for targets the gazetteer lacks
  (``other:<name>``), the predicted target span overlaps the gold ``target_span``, as for
  quote speakers: the ``other:`` value is a name the annotator spelled, "terrorists" or
  "terrorist groups"; precision over predictions that name a target, recall over gold
  evaluations whose target is an actor; ``evaluation target (strict id)`` also asks the
  ``other:`` values to be equal, the only rule before 2026-12-03); for quotations the
  **speaker** (the predicted ``actor_id`` equals the gold ``speaker_actor``, or, for speakers
  the gazetteer lacks, the predicted speaker span overlaps the gold ``speaker_span``;
  precision over all predicted quotations); for hedges and boosters the **voice** (markers
  the detector attributes to the author against gold markers attributed to the author).

Each detector is reached through one adapter below that turns its table into
``doc_id, start, end`` (+ the attribute). An adapter may return ``None`` (a layer without a
detector), and the layer is then reported as missing.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .load import annotated_layers, load_annotations, load_documents, load_texts

from pathlib import Path

MIN_OVERLAP = 0.5
#: the recorded floors (benchmarks/bench_validity.py --record), checked by tests/test_validity.py
FLOORS_PATH = Path(__file__).resolve().parent / "floors.json"

#: the goals of issue #11 (precision, recall); None = no goal stated
GOALS = {
    "contrast": (0.9, 0.8), "tricolon": (0.9, 0.8), "concession": (0.85, 0.75),
    "hedge (author)": (0.85, None), "booster (author)": (0.85, None),
    "evaluation target": (0.8, 0.6), "quote speaker": (0.9, None),
}

CONTRAST_KINDS = {"antithesis", "contrast", "instead", "rather_than", "correction"}


@dataclass
class Score:
    detector: str
    n_gold: int
    n_predicted: int
    n_matched_predicted: int
    n_matched_gold: int

    @property
    def precision(self) -> float:
        return self.n_matched_predicted / self.n_predicted if self.n_predicted else float("nan")

    @property
    def recall(self) -> float:
        return self.n_matched_gold / self.n_gold if self.n_gold else float("nan")


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> dict[int, int]:
    """One-to-one matching ``{pred index: gold index}`` (largest overlaps first)."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            o = overlap(p, g)
            shorter = min(p[1] - p[0], g[1] - g[0])
            if o > 0 and shorter > 0 and o >= MIN_OVERLAP * shorter:
                pairs.append((-o, p[0], g[0], i, j))
    pairs.sort()
    out, used = {}, set()
    for _, _, _, i, j in pairs:
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def in_region(frame: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """The rows of ``frame`` whose span lies at least half inside ``[start, end)``."""
    if frame.empty:
        return frame
    inside = [overlap((s, e), (start, end)) >= MIN_OVERLAP * max(e - s, 1)
              for s, e in zip(frame["start"], frame["end"])]
    return frame[inside]


# ---- adapters: detector output -> doc_id, start, end (+ attribute) ---------------------

def _devices(corpus, kinds):
    from discourse import detect_devices
    table = detect_devices(corpus)
    keep = table["device"].isin(kinds)
    return table.loc[keep, ["doc_id", "start", "end"]]


def predict_contrast(corpus):
    return _devices(corpus, CONTRAST_KINDS)


def predict_concession(corpus):
    return _devices(corpus, {"concession"})


def predict_tricolon(corpus):
    return _devices(corpus, {"tricolon"})


def predict_anaphora(corpus):
    return _devices(corpus, {"anaphora"})


def _markers(corpus, category):
    from discourse import stance_markers
    table = stance_markers(corpus)
    table = table[table["category"] == category]
    return table.assign(voice=table["attributed_to"])[["doc_id", "start", "end", "voice"]]


def predict_hedge(corpus):
    return _markers(corpus, "hedges")


def predict_booster(corpus):
    return _markers(corpus, "boosters")


def predict_evaluation(corpus):
    from discourse import find_evaluations
    table = find_evaluations(corpus)
    actor = table["actor_id"].where(table["actor_id"].notna() & (table["actor_id"] != ""), None)
    return table.assign(actor=actor)[["doc_id", "start", "end", "actor", "target_start",
                                      "target_end"]]


def predict_quote(corpus):
    from discourse import find_quotes
    table = find_quotes(corpus)
    actor = table["actor_id"].where(table["actor_id"].notna() & (table["actor_id"] != ""), None)
    return table.assign(actor=actor)[["doc_id", "start", "end", "actor", "speaker_start",
                                      "speaker_end"]]


ADAPTERS = {
    "contrast": predict_contrast, "concession": predict_concession,
    "tricolon": predict_tricolon, "anaphora": predict_anaphora,
    "hedge": predict_hedge, "booster": predict_booster,
    "evaluation": predict_evaluation, "quote": predict_quote,
}


# ---- scoring -------------------------------------------------------------------------

def _corpus(docs: dict):
    from discourse import Corpus
    return Corpus.from_documents(list(docs.values()), name="validation set")


def predictions(docs: dict | None = None, split: str = "test",
                batch: int | None = None,
                layers: tuple[str, ...] | None = None) -> dict[str, pd.DataFrame | None]:
    """Each adapter's predictions on the annotated texts (of one ``batch``, or all),
    restricted to their regions (and, in the dev set, to the texts annotated for that
    layer); ``layers`` runs only those adapters (default: all)."""
    texts = load_texts(split, batch).set_index("doc_id")
    docs = load_documents(split=split) if docs is None else docs
    docs = {k: d for k, d in docs.items() if k in texts.index}
    layers_of = annotated_layers(split)
    corpus = _corpus(docs)
    out = {}
    for layer, adapter in ADAPTERS.items():
        if layers is not None and layer not in layers:
            continue
        table = adapter(corpus)
        if table is None:
            out[layer] = None
            continue
        parts = [in_region(group, texts.loc[doc_id, "region_start"],
                           texts.loc[doc_id, "region_end"])
                 for doc_id, group in table.groupby("doc_id", sort=True)
                 if doc_id in texts.index and layer in layers_of.get(doc_id, ())]
        out[layer] = (pd.concat(parts, ignore_index=True) if parts
                      else table.iloc[:0].reset_index(drop=True))
    return out


def _per_doc(pred: pd.DataFrame, gold: pd.DataFrame):
    for doc_id in sorted(set(gold["doc_id"]) | set(pred["doc_id"])):
        p = pred[pred["doc_id"] == doc_id].reset_index(drop=True)
        g = gold[gold["doc_id"] == doc_id].reset_index(drop=True)
        spans_p = list(zip(p["start"], p["end"]))
        spans_g = list(zip(g["start"], g["end"]))
        yield p, g, match_spans(spans_p, spans_g)


def score_spans(name: str, pred: pd.DataFrame, gold: pd.DataFrame) -> Score:
    matched = 0
    for _, _, pairs in _per_doc(pred, gold):
        matched += len(pairs)
    return Score(name, len(gold), len(pred), matched, matched)


def _is_actor(value) -> bool:
    return isinstance(value, str) and value not in ("none", "unknown", "author", "")


def _target_right(p: pd.Series, g: pd.Series, strict: bool) -> bool:
    actor, gold_actor = p["actor"], g["target_actor"]
    if actor is None or (isinstance(actor, float) and pd.isna(actor)) or not _is_actor(gold_actor):
        return False
    if actor == gold_actor:
        return True
    if strict or not str(gold_actor).startswith("other:"):
        return False
    span = g["target_span"]
    s, e = p.get("target_start", -1), p.get("target_end", -1)
    return (isinstance(span, list) and pd.notna(s) and pd.notna(e) and int(s) >= 0
            and overlap((int(s), int(e)), tuple(span)) > 0)


def score_evaluation_target(pred: pd.DataFrame, gold: pd.DataFrame,
                            strict: bool = False) -> Score:
    """Targets right on matched evaluations. A gazetteer target must be the same id; an
    ``other:`` target the same id or (unless ``strict``) a predicted target span that
    overlaps the gold one."""
    n_pred = int(pred["actor"].notna().sum())
    n_gold = int(gold["target_actor"].map(_is_actor).sum())
    correct = 0
    for p, g, pairs in _per_doc(pred, gold):
        for i, j in pairs.items():
            correct += _target_right(p.loc[i], g.loc[j], strict)
    name = "evaluation target (strict id)" if strict else "evaluation target"
    return Score(name, n_gold, n_pred, correct, correct)


def score_quote_speaker(pred: pd.DataFrame, gold: pd.DataFrame) -> Score:
    correct = 0
    for p, g, pairs in _per_doc(pred, gold):
        for i, j in pairs.items():
            gold_actor = g.loc[j, "speaker_actor"]
            if _is_actor(gold_actor) and not str(gold_actor).startswith("other:"):
                ok = p.loc[i, "actor"] == gold_actor
            else:
                span = g.loc[j, "speaker_span"]
                s, e = p.loc[i, "speaker_start"], p.loc[i, "speaker_end"]
                ok = (isinstance(span, list) and pd.notna(s) and pd.notna(e)
                      and overlap((int(s), int(e)), tuple(span)) > 0)
            correct += bool(ok)
    return Score("quote speaker", len(gold), len(pred), correct, correct)


def score_all(docs: dict | None = None, split: str = "test",
              batch: int | None = None) -> pd.DataFrame:
    """The validity table: one row per detector (and attribute), with counts, precision,
    recall and the issue's goals. ``missing`` marks layers the package has no detector for.
    ``split="dev"`` scores the dev set (which detectors may be tuned on); ``batch`` the test
    set's texts of one batch only (see :func:`~tests.validation.load.load_texts`). The
    reserve is not scored: its texts wait for a round to be measured on once."""
    if split == "reserve":
        raise ValueError("the reserve is not scored: move its texts into the test set as a "
                         "new batch when a detector change is measured on them")
    pred = predictions(docs, split, batch)
    ids = set(load_texts(split, batch)["doc_id"])
    rows = []
    for layer in ADAPTERS:
        gold = load_annotations(layer, split=split)
        gold = gold[gold["doc_id"].isin(ids)].reset_index(drop=True)
        p = pred[layer]
        if p is None:
            rows.append({"detector": layer, "missing": True, "n_gold": len(gold)})
            continue
        if layer in ("hedge", "booster"):
            rows.append(vars(score_spans(f"{layer} (all)", p, gold)))
            author_gold = gold[gold["attributed_to"] == "author"]
            author_pred = p[p["voice"] == "author"]
            rows.append(vars(score_spans(f"{layer} (author)", author_pred, author_gold)))
            continue
        rows.append(vars(score_spans(layer, p, gold)))
        if layer == "evaluation":
            rows.append(vars(score_evaluation_target(p, gold)))
            rows.append(vars(score_evaluation_target(p, gold, strict=True)))
        if layer == "quote":
            rows.append(vars(score_quote_speaker(p, gold)))
    table = pd.DataFrame(rows)
    if "missing" not in table:
        table["missing"] = False
    table["missing"] = table["missing"].fillna(False).astype(bool)
    for col in ("n_predicted", "n_matched_predicted", "n_matched_gold"):
        if col not in table:
            table[col] = pd.NA
    table["precision"] = [r.n_matched_predicted / r.n_predicted if not r.missing and r.n_predicted
                          else float("nan") for r in table.itertuples()]
    table["recall"] = [r.n_matched_gold / r.n_gold if not r.missing and r.n_gold
                       else float("nan") for r in table.itertuples()]
    table["goal_precision"] = [GOALS.get(d, (None, None))[0] for d in table["detector"]]
    table["goal_recall"] = [GOALS.get(d, (None, None))[1] for d in table["detector"]]
    return table[["detector", "n_gold", "n_predicted", "n_matched_predicted", "n_matched_gold",
                  "precision", "recall", "goal_precision", "goal_recall", "missing"]]
