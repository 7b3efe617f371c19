"""Where the evaluation-target recall is lost: each gold evaluation with an actor target,
classified by what the detector did with it (``benchmarks/bench_validity.py --diagnose``).

``stage`` (the first that fails, in pipeline order):

- ``evaluation missed``: no predicted evaluation matches the gold span (the lexicon, its
  part-of-speech senses, or an exclusion);
- ``no target``: matched, ``actor_id`` None (no rule fired);
- ``wrong target``: matched, another actor (or a non-overlapping ``other:`` span);
- ``right``.

and ``target_form``, what the gold target is, read off the gold annotation and the
gazetteer's mentions only: ``gazetteer mention`` (the gold ``target_span`` overlaps a
:func:`~discourse.find_mentions` mention of the gold actor), ``pronoun`` (the span is a
personal or possessive pronoun), ``other: label`` (the gold actor is an ``other:`` id: a
group, person or label the gazetteer lacks), ``unlisted form`` (a gazetteer actor named by a
form the gazetteer does not list: "the regime in Damascus"), and ``sentence`` (``same``, or
``other`` when the target span lies outside the evaluation's sentence).

On the test set and the reserve only the counts may be printed: the rule of
``tests/validation/README.md`` (no one changing a detector reads those texts or their
annotations) forbids listing the items; :func:`diagnose_targets` refuses ``items=True`` there.
"""
from __future__ import annotations

import pandas as pd

from .load import load_annotations, load_documents, load_texts
from .score import _is_actor, _per_doc, _target_right, predictions

_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "he", "his", "him", "she", "her",
                       "we", "our", "us", "itself", "themselves", "i", "my"})


def _form(doc, span, actor, mentions) -> str:
    if str(actor).startswith("other:"):
        return "other: label"
    if not isinstance(span, list):
        return "unlisted form"
    s, e = span
    if doc.text[s:e].strip().lower() in _PRONOUNS:
        return "pronoun"
    m = mentions[(mentions["doc_id"] == doc.id) & (mentions["actor_id"] == actor)
                 & (mentions["start"] < e) & (mentions["end"] > s)]
    return "gazetteer mention" if len(m) else "unlisted form"


def diagnose_targets(split: str = "test", batch: int | None = None,
                     items: bool = False) -> pd.DataFrame:
    """One row per gold evaluation whose target is an actor: ``doc_id``, ``start``, ``end``,
    ``stage``, ``target_form``, ``sentence``; with ``items=True`` (dev split only) also the
    evaluated words, the gold and the predicted actor."""
    if items and split != "dev":
        raise ValueError("items are listed on the dev split only: the test set and the reserve "
                         "are measured, never read (tests/validation/README.md)")
    from discourse import Corpus, find_mentions
    from discourse.text.parsed import parse

    texts = load_texts(split, batch)
    docs = {k: d for k, d in load_documents(split=split).items() if k in set(texts["doc_id"])}
    pred = predictions(docs, split, batch, layers=("evaluation",))["evaluation"]
    gold = load_annotations("evaluation", split=split)
    gold = gold[gold["doc_id"].isin(docs) & gold["target_actor"].map(_is_actor)]
    gold = gold.reset_index(drop=True)
    mentions = find_mentions(Corpus.from_documents(list(docs.values()), name="diagnosis"))
    rows = []
    for p, g, pairs in _per_doc(pred, gold):
        matched = {j: i for i, j in pairs.items()}
        for j in range(len(g)):
            gr = g.loc[j]
            doc = docs[gr["doc_id"]]
            if j not in matched:
                stage, actor = "evaluation missed", None
            else:
                pr = p.loc[matched[j]]
                actor = pr["actor"]
                stage = ("no target" if actor is None or pd.isna(actor) else
                         "right" if _target_right(pr, gr, False) else "wrong target")
            span = gr["target_span"]
            sentence = "same"
            if isinstance(span, list):
                for a, b in parse(doc).sentences_with_headings:
                    if a <= gr["start"] < b:
                        sentence = "same" if a <= span[0] < b else "other"
                        break
            row = {"doc_id": gr["doc_id"], "start": int(gr["start"]), "end": int(gr["end"]),
                   "stage": stage,
                   "target_form": _form(doc, span, gr["target_actor"], mentions),
                   "sentence": sentence}
            if items:
                row.update(words=doc.text[gr["start"]:gr["end"]], gold=gr["target_actor"],
                           target=(doc.text[span[0]:span[1]] if isinstance(span, list)
                                   else None),
                           predicted=actor)
            rows.append(row)
    return pd.DataFrame(rows)
