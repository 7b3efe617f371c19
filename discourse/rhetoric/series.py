"""Tricolons: lists of exactly three items (``device == "tricolon"``).

``A, B(,) and|or C``: B lies between a comma and the conjunction and is an item of at most
five words; A is the item just before B's comma with as many content words as B; C is the
item after the conjunction with at most one content word more than B. The three
content-word counts differ by at most two; a preposition opening B or C must also open A.
Rejected: any item without a letter (years), lists of four or more (a comma and a content
word before A), a first item that opens the sentence after an introductory function word or
adverb (*As a result, Syria and Iraq ...*; *Today, ...*), salutations (*Mr. President,
ladies and gentlemen*), *both/either/neither* opening B or C. ``part_a..part_c`` = A, B, C;
``kind`` = ``word`` when every item is one word (with its determiner), else ``phrase``.

>>> from discourse.rhetoric.devices import detect_devices
>>> t = detect_devices("We need peace, security and development.", devices="tricolon")
>>> t[["kind", "part_a", "part_b", "part_c"]].values.tolist()
[['word', 'peace', 'security', 'development']]
"""
from __future__ import annotations

from functools import cache

from .phrases import (HAS_LETTER, Found, SentenceView, backward_item, closed_class,
                      forward_item, is_ly, opener_kind)

__all__ = ["find_tricolons"]

_INTRO_ADVERBS = frozenset("today yesterday tomorrow now then recently lately currently "
                           "historically traditionally ultimately initially subsequently "
                           "additionally first second third last".split())
_SALUTATION = frozenset("ladies gentlemen excellencies excellency madam sir".split())
_CORRELATIVE = frozenset({"both", "either", "neither"})
_TITLES = frozenset("mr mrs ms madam dr".split())
_OF = frozenset({"of"})


@cache
def _introducers() -> frozenset[str]:
    cc = closed_class()
    return cc["prepositions"] | cc["conjunctions"] | cc["adverbs"]


def find_tricolons(sentences: list[SentenceView]) -> list[Found]:
    """Every tricolon of a document's body sentences, in text order."""
    out = []
    for s in sentences:
        out.extend(_tricolon(s))
    return out


def _tricolon(s: SentenceView):
    lw, n = s.lower, len(s.words)
    found = []
    for c in range(3, n - 1):
        if lw[c] not in ("and", "or") or not (s.space(c) or s.comma(c)):
            continue
        # B: words between a comma and the conjunction
        b0 = c - 1
        while b0 > 0 and s.space(b0) and c - b0 < 5:
            b0 -= 1
        if b0 == 0 or not s.comma(b0):
            continue
        b = forward_item(s, b0, 4, extend=_OF)
        if b is None or b[1] != c:
            continue
        a = backward_item(s, b0 - 1, b[3])
        if a is None or a[3] < 1:
            continue
        if a[2] is not None and opener_kind(lw[a[0]]) == "prep" and b[2] is None:
            a = (a[0] + 1, *a[1:]) if a[1] - a[0] > 1 else a
        if not s.space(c + 1):
            continue
        cc = forward_item(s, c + 1, b[3] + 1,
                          extend=_OF if b[1] - b[0] > b[3] + (1 if b[2] else 0) else False)
        if cc is None:
            continue
        items = (a, b, cc)
        counts = [it[3] for it in items]
        if max(counts) - min(counts) > 2:
            continue
        if any(it[2] not in (None, "<det>") and it[2] != a[2] for it in (b, cc)):
            continue
        words = [lw[t] for it in items for t in range(it[0], it[1])]
        if any(w in _SALUTATION for w in words) or any(lw[it[0]] in _CORRELATIVE for it in (b, cc)):
            continue
        if any(not any(HAS_LETTER.search(lw[t]) for t in range(it[0], it[1])) for it in items):
            continue
        if a[0] > 0:
            if lw[a[0] - 1] in _TITLES:
                continue
            if s.comma(a[0]) and s.content[a[0] - 1]:
                continue  # a longer list
            if lw[0] in _introducers() and not any(s.comma(t) for t in range(1, a[0] + 1)):
                continue  # "As a result, A and B", "In 2011, ..."
        elif len(lw[0]) > 4 and lw[0].endswith("ly") or lw[a[0]] in _INTRO_ADVERBS:
            continue
        ly = [is_ly(lw[it[0] + (1 if it[2] else 0)]) for it in items]
        if any(ly) and not all(ly):
            continue
        spans = [s.span(it[0], it[1]) for it in items]
        kind = "word" if all(it[3] == 1 and it[1] - it[0] <= 2 for it in items) else "phrase"
        found.append(Found(kind, "A, B and C", "", spans[0][0], spans[2][1], spans, s.index,
                           s.index))
    return found
