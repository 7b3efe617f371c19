"""Matching the gazetteer's aliases in the sentences of a corpus: the scan that every actor
table (mentions, roles, tone, balance, evaluations) starts from. The rules (tokens, longest
match wins, blocked phrases) are described in :mod:`discourse.actors.mentions`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from ..corpus.documents import Corpus
from ..text.parsed import parse, prepare_sentences
from .gazetteer import BLOCKED, Gazetteer

__all__ = ["MENTION_COLUMNS"]

MENTION_COLUMNS = ["doc_id", "actor_id", "actor_name", "type", "alias", "start", "end", "sentence"]


def _match_sentence(tokens: list, idx: dict) -> list[tuple[int, int, str, str]]:
    """``(first token, last token + 1, actor_id, alias)`` after the longest-match rule."""
    words = [t[0] for t in tokens]
    n = len(words)
    cs, ci, cs_first, ci_first = idx["cs"], idx["ci"], idx["cs_first"], idx["ci_first"]
    lower = None
    cands = []
    for i, w in enumerate(words):
        in_cs = w in cs_first
        if not in_cs and w.casefold() not in ci_first:
            continue
        if lower is None:
            lower = [x.casefold() for x in words]
        for length in range(min(idx["max_len"], n - i), 0, -1):
            hit = cs.get(tuple(words[i:i + length])) if in_cs else None
            if hit is None:
                hit = ci.get(tuple(lower[i:i + length]))
            if hit is not None:
                cands.append((i, i + length, *hit))
                break
    if len(cands) > 1:
        cands.sort(key=lambda c: (-(tokens[c[1] - 1][2] - tokens[c[0]][1]), c[0]))
        used = np.zeros(n, dtype=bool)
        kept = []
        for c in cands:
            if not used[c[0]:c[1]].any():
                used[c[0]:c[1]] = True
                kept.append(c)
        cands = sorted(kept)
    return cands


def _scan(corpus: Corpus, gaz: Gazetteer, *, include_headings: bool, progress: bool):
    """Mentions (with token positions) and the sentence spans of every document."""
    idx = gaz.index()
    info = gaz._by_id()
    rows, sents = [], []
    prepare_sentences(corpus, progress=progress)  # large corpora: split on all cores, cached
    for doc in tqdm(corpus, total=len(corpus), disable=not progress, desc="actors"):
        parsed = parse(doc)
        spans = parsed.sentences_with_headings if include_headings else parsed.sentences
        for si, (s, e) in enumerate(spans):
            sents.append((doc.id, si, s, e))
            tokens = parsed.pieces_in(s, e)
            for i, j, actor_id, alias in _match_sentence(tokens, idx):
                if actor_id == BLOCKED:
                    continue
                a = info[actor_id]
                rows.append((doc.id, actor_id, a["name"], a["type"], alias, tokens[i][1],
                             tokens[j - 1][2], si, i, j))
    mentions = pd.DataFrame(rows, columns=[*MENTION_COLUMNS, "tok_start", "tok_end"])
    mentions[["start", "end", "sentence"]] = mentions[["start", "end", "sentence"]].astype(int)
    sentences = pd.DataFrame(sents, columns=["doc_id", "sentence", "start", "end"])
    return mentions, sentences
