"""Sentence segmentation with NLTK's Punkt, without any downloaded model.

Punkt's parameters are built from :file:`discourse/data/punkt/abbreviations.txt` (learned with
NLTK's ``PunktTrainer`` on UN General Debate speeches and curated by hand; see the file's
header), so ``nltk.download("punkt")`` is never needed. Sentences never cross a block
boundary: each body paragraph (and heading, if asked) is segmented on its own, and headings,
boilerplate and page furniture are left out by default.

>>> from discourse.corpus.documents import Document
>>> doc = Document("d", "A heading\\n\\nMr. Putin met Al-Sharaa. It was cooperation, not confrontation.")
>>> [doc.text[s:e] for s, e in sentence_spans(doc)]
['Mr. Putin met Al-Sharaa.', 'It was cooperation, not confrontation.']
"""
from __future__ import annotations

import weakref
from functools import cache
from importlib import resources

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from ..corpus.documents import Document
from ..corpus.normalize import fold_typography

__all__ = ["sentence_spans", "sentences", "abbreviations"]


@cache
def abbreviations() -> frozenset[str]:
    """The abbreviation list Punkt uses (lower case, without the final period)."""
    text = resources.files("discourse.data").joinpath("punkt", "abbreviations.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.lstrip().startswith("#"))


@cache
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(params)


#: Sentence spans already computed, per live Document (several measures of one profile share
#: them; an entry disappears with its document).
_SPANS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def sentence_spans(doc: Document, *, include_headings: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` offsets into ``doc.text`` of each sentence of the body, in order.

    A heading, when included, is one sentence. The result is remembered for as long as the
    document lives (a new list is returned each time, so callers may change it).
    """
    memo = _SPANS.get(doc)
    if memo is None:
        memo = _SPANS[doc] = {}
    spans = memo.get(include_headings)
    if spans is None:
        spans = memo[include_headings] = tuple(_compute_spans(doc, include_headings))
    return list(spans)


def _compute_spans(doc: Document, include_headings: bool) -> list[tuple[int, int]]:
    punkt = _punkt()
    spans = []
    folded = fold_typography(doc.text)
    for block in doc.body_blocks(include_headings=include_headings):
        if block.kind == "heading":
            spans.append((block.start, block.end))
            continue
        for s, e in punkt.span_tokenize(folded[block.start:block.end]):
            spans.append((block.start + s, block.start + e))
    return spans


def sentences(doc: Document, *, include_headings: bool = False) -> list[str]:
    """The sentences of a document's body, as strings (see :func:`sentence_spans`)."""
    return [doc.text[s:e] for s, e in sentence_spans(doc, include_headings=include_headings)]
