"""Sentence segmentation with NLTK's Punkt, without any downloaded model.

Punkt's parameters are built from :file:`discourse/data/punkt/abbreviations.txt` (learned with
NLTK's ``PunktTrainer`` on UN General Debate speeches and curated by hand; see the file's
header), so ``nltk.download("punkt")`` is never needed. Sentences never cross a block
boundary: each body paragraph (and heading, if asked) is segmented on its own, and headings,
boilerplate and page furniture are left out by default.

**No wall-clock limit.** NLTK (3.9.3 and later) runs every regular expression under a 5 s
wall-clock limit (``nltk.redos``), and a lazy ``finditer`` counts the caller's time between
matches too: a 1 MB paragraph of short sentences then failed with ``TimeoutError``, or not,
depending on the machine's load. Punkt's own patterns are fixed and linear (no backtracking
blow-up on any input), so here Punkt runs with the very same patterns and flags, compiled by
the same ``regex`` engine, without the limit (:func:`untimed`): the same sentences, whatever
the load.

>>> from discourse.corpus.documents import Document
>>> doc = Document("d", "A heading\\n\\nMr. Putin met Al-Sharaa. It was cooperation, not confrontation.")
>>> [doc.text[s:e] for s, e in sentence_spans(doc)]
['Mr. Putin met Al-Sharaa.', 'It was cooperation, not confrontation.']
"""
from __future__ import annotations

import weakref
from functools import cache
from importlib import resources

from nltk.tokenize.punkt import (PunktLanguageVars, PunktParameters, PunktSentenceTokenizer,
                                  PunktToken)

from ..corpus.documents import Document
from ..corpus.normalize import fold_typography

__all__ = ["sentence_spans", "sentences", "abbreviations", "untimed"]


@cache
def abbreviations() -> frozenset[str]:
    """The abbreviation list Punkt uses (lower case, without the final period)."""
    text = resources.files("discourse.data").joinpath("punkt", "abbreviations.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.lstrip().startswith("#"))


def untimed(pattern):
    """``pattern`` (a compiled NLTK pattern) compiled again, with its source and flags, by the
    engine NLTK uses (``regex``) but without NLTK's wall-clock limit; a pattern without a
    limit is returned as it is.

    >>> from nltk.tokenize.punkt import PunktLanguageVars
    >>> rx = untimed(PunktLanguageVars().period_context_re())
    >>> type(rx).__name__, [m.start() for m in rx.finditer("One. Two.")]
    ('Pattern', [3])
    """
    if type(pattern).__name__ != "TimedPattern":
        return pattern
    import regex

    return regex.compile(pattern.pattern, pattern.flags)


class _LanguageVars(PunktLanguageVars):
    """Punkt's English language variables with untimed patterns (see the module docs)."""

    __slots__ = ("_untimed",)
    re_boundary_realignment = untimed(PunktLanguageVars.re_boundary_realignment)

    def _cached(self, name, make):
        try:
            found = self._untimed
        except AttributeError:
            found = self._untimed = {}
        if name not in found:
            found[name] = untimed(make())
        return found[name]

    def period_context_re(self):
        return self._cached("period", super().period_context_re)

    def _word_tokenizer_re(self):
        return self._cached("words", super()._word_tokenizer_re)


class _Token(PunktToken):
    """Punkt's token with its class patterns untimed (see the module docs)."""

    __slots__ = ()
    _RE_ELLIPSIS = untimed(PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = untimed(PunktToken._RE_NUMERIC)
    _RE_INITIAL = untimed(PunktToken._RE_INITIAL)
    _RE_ALPHA = untimed(PunktToken._RE_ALPHA)

    @property
    def is_non_punct(self):
        """True if the token is either a number or is alphabetic (as NLTK's)."""
        return _NON_PUNCT.search(self.type)


def _non_punct():
    from nltk.tokenize import punkt

    return untimed(punkt._re_non_punct)


_NON_PUNCT = _non_punct()


@cache
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(params, lang_vars=_LanguageVars(), token_cls=_Token)


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
