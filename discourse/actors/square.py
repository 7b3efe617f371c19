"""The ideological square (van Dijk 1998): how a text presents its own side and the others,
positively and negatively, from the evaluations with their targets
(:func:`discourse.actors.evaluations.find_evaluations`).

The own side ("us") is given (``self=``) or inferred per document
(:func:`discourse.actors.references.self_side`): the document's ``country`` (the speaking
state of a UN statement; the state an article is written for, as its metadata says) with
that state's leaders and governing bodies in office in the document's year; first-person
plural expressions ("we", "our Government") resolve to it. Every other actor an evaluation
is predicated of is "them". A document without a ``country`` has no own side.

>>> import discourse
>>> sq = stat_evaluation(discourse.load_article())
>>> sq.loc[sq.side == "self", "actor_id"].tolist()
['SYR', 'sharaa']
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..corpus.documents import as_corpus
from ..errors import InputError
from ..text.parsed import parse
from .evaluations import find_evaluations
from .gazetteer import gazetteer_or_default
from .references import self_side

__all__ = ["stat_evaluation", "square_rates", "SQUARE_COLUMNS", "SQUARE_RATE_COLUMNS"]

#: Columns of :func:`stat_evaluation`, one row per document and evaluated actor: ``side``
#: (``self`` or ``other``), counts and rates per 1,000 words of positive and negative
#: evaluations, the words (``"balanced:4; rational:3"``, lower case, most frequent first)
#: and their spans (``"210-218; 624-634"``, offsets into ``Document.text``), ``n_words``
#: (the words of the sentences read) and ``self_source`` (``given``, ``metadata``, ``none``).
SQUARE_COLUMNS = ["doc_id", "actor_id", "actor_name", "side", "n_positive", "n_negative",
                  "positive_per_1k", "negative_per_1k", "positive_words", "negative_words",
                  "positive_spans", "negative_spans", "n_words", "self_source"]
#: Columns of :func:`square_rates`: per document, evaluations of the own side and of the
#: others per 1,000 words (the own side's are NaN for a document without one).
SQUARE_RATE_COLUMNS = ["doc_id", "eval_self_positive_per_1k", "eval_self_negative_per_1k",
                       "eval_other_positive_per_1k", "eval_other_negative_per_1k"]


def _given_self(value, doc_ids, gaz) -> dict | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if isinstance(value, dict):
        unknown = sorted(set(value) - set(doc_ids))
        if unknown:
            raise InputError(f"The 'self' parameter of stat_evaluation names documents that "
                             f"are not in the corpus: {unknown[:5]}")
        per_doc = {d: ([v] if isinstance(v, str) else list(v)) for d, v in value.items()}
    elif isinstance(value, (list, tuple, set, frozenset)):
        per_doc = {d: list(value) for d in doc_ids}
    else:
        raise InputError("The 'self' parameter of stat_evaluation must be None, an actor id, "
                         f"a list of actor ids or a dict doc_id -> ids. Got {type(value).__name__}.")
    for ids in per_doc.values():
        for a in ids:
            if not str(a).startswith("other:"):
                gaz.actor(a)  # an unknown id raises InputError with close matches
    return {d: frozenset(map(str, ids)) for d, ids in per_doc.items()}


def _words(part: pd.DataFrame) -> str:
    counts = part["match"].str.lower().value_counts()
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return "; ".join(f"{w}:{n}" for w, n in order)


def _spans(part: pd.DataFrame) -> str:
    return "; ".join(f"{s}-{e}" for s, e in zip(part["start"], part["end"]))


def stat_evaluation(data, gazetteer=None, *, self=None, lexicon=None,
                    include_headings: bool = True, evaluations=None) -> pd.DataFrame:
    """Per document and actor: how often the text praises and blames it, in what words, and
    whether it is on the text's own side (see the module docs).

    Parameters
    ----------
    data : Corpus or Document
    gazetteer : Gazetteer, path or None
    self : actor id, list of ids, dict doc_id -> ids, or None, default=None
        The own side; None infers it from each document's metadata.
    lexicon : EvaluationLexicon, name or path, optional
    include_headings : bool, default=True
    evaluations : DataFrame, optional
        The output of :func:`~discourse.actors.evaluations.find_evaluations` for ``data``
        (computed when not given).

    Returns
    -------
    DataFrame
        :data:`SQUARE_COLUMNS`, one row per document and evaluated actor; own side first, then
        by number of evaluations.

    Examples
    --------
    >>> from discourse.corpus.documents import Corpus
    >>> corp = Corpus.from_texts(["Syria's balanced policy. Israel's brutal aggression."],
    ...                          ids=["d"])
    >>> stat_evaluation(corp, self="SYR")[["actor_id", "side", "n_positive", "n_negative",
    ...                                    "negative_words"]].values.tolist()
    [['SYR', 'self', 1, 0, ''], ['ISR', 'other', 0, 2, 'aggression:1; brutal:1']]
    """
    corpus = as_corpus(data, "stat_evaluation")
    gaz = gazetteer_or_default(gazetteer)
    given = _given_self(self, corpus.ids, gaz)
    ev = evaluations if evaluations is not None else find_evaluations(
        corpus, gaz, lexicon=lexicon, include_headings=include_headings)
    ev = ev[ev["actor_id"].notna()]
    rows = []
    for doc in corpus:
        parsed = parse(doc)
        spans = parsed.sentences_with_headings if include_headings else parsed.sentences
        n_words = sum(parsed.n_words_in(s, e) for s, e in spans)
        if given is not None:
            side, source = given.get(doc.id, frozenset()), "given"
        else:
            side, source = self_side(doc, gaz)
        part = ev[ev["doc_id"] == doc.id]
        per = 1000.0 / n_words if n_words else math.nan
        for actor_id, a in part.groupby("actor_id", sort=False):
            pos, neg = a[a["polarity"] == "positive"], a[a["polarity"] == "negative"]
            rows.append((doc.id, actor_id, a["actor_name"].iloc[0],
                         "self" if actor_id in side else "other", len(pos), len(neg),
                         len(pos) * per, len(neg) * per, _words(pos), _words(neg), _spans(pos),
                         _spans(neg), n_words, source))
    out = pd.DataFrame(rows, columns=SQUARE_COLUMNS)
    if out.empty:
        return out
    out["_order"] = (out["side"] != "self").astype(int)
    out["_n"] = out["n_positive"] + out["n_negative"]
    out["_doc"] = out["doc_id"].map({d: i for i, d in enumerate(corpus.ids)})
    out = out.sort_values(["_doc", "_order", "_n", "actor_id"],
                          ascending=[True, True, False, True], kind="mergesort")
    return out[SQUARE_COLUMNS].reset_index(drop=True)


def square_rates(data, gazetteer=None, *, self=None, table=None) -> pd.DataFrame:
    """Per document, the four corners of the square per 1,000 words: praise and blame of the
    own side and of the others (:data:`SQUARE_RATE_COLUMNS`). A document whose own side is
    empty has NaN for its own side's rates; one that evaluates nobody has zeros.

    >>> import discourse
    >>> r = square_rates(discourse.load_article())
    >>> bool(r["eval_self_positive_per_1k"].iloc[0] > r["eval_self_negative_per_1k"].iloc[0])
    True
    """
    corpus = as_corpus(data, "square_rates")
    gaz = gazetteer_or_default(gazetteer)
    table = table if table is not None else stat_evaluation(corpus, gaz, self=self)
    given = _given_self(self, corpus.ids, gaz)
    rows = []
    for doc in corpus:
        part = table[table["doc_id"] == doc.id]
        parsed = parse(doc)
        n_words = sum(parsed.n_words_in(s, e) for s, e in parsed.sentences_with_headings)
        per = 1000.0 / n_words if n_words else math.nan
        has_self = bool(given.get(doc.id)) if given is not None else bool(self_side(doc, gaz)[0])
        own, others = part[part["side"] == "self"], part[part["side"] == "other"]
        rows.append((doc.id,
                     own["n_positive"].sum() * per if has_self else np.nan,
                     own["n_negative"].sum() * per if has_self else np.nan,
                     others["n_positive"].sum() * per, others["n_negative"].sum() * per))
    return pd.DataFrame(rows, columns=SQUARE_RATE_COLUMNS).astype(
        {c: float for c in SQUARE_RATE_COLUMNS[1:]})
