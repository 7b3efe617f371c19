"""Balanced pairs: two members held together by correlative conjunctions
(``device == "balanced_pair"``).

``kind`` names the correlatives: ``both`` (*both X and Y*), ``neither`` (*neither X nor Y*),
``either`` (*either X or Y*) and ``not_only`` (*not only/just/merely/simply X but (also) Y*,
additive: not a contrast, ``docs/annotation.md`` §2). ``part_a`` = X, ``part_b`` = Y.

Rules: X lies between the first correlative and the second (*and/nor/or/but*) in the same
sentence, at most 8 words (30 for *not only*), with no clause edge (``; :`` or a dash) inside
and at most one comma; Y is an item as long as X plus two words (*both/either/neither*) or
runs to the clause's end (*not only*). Rejected: *both/either/neither of ...* and *either
side*, a lone plural noun after *both* (*both sides and ...* coordinates a noun phrase that
*both* only determines), and a second correlative whose Y is empty.

>>> from discourse.rhetoric.devices import detect_devices
>>> t = detect_devices("The attack was neither legal nor wise.", devices="balanced_pair")
>>> t[["kind", "part_a", "part_b", "match"]].values.tolist()
[['neither', 'legal', 'wise', 'neither legal nor wise']]
"""
from __future__ import annotations

from .phrases import Found, SentenceView, clause_end, forward_item

__all__ = ["find_pairs", "PAIR_KINDS"]

#: The kinds of balanced pairs, in table order.
PAIR_KINDS = ("both", "neither", "either", "not_only")

_SECOND = {"both": "and", "neither": "nor", "either": "or"}
_NOT_AFTER = frozenset("of side sides way case hand".split())


def find_pairs(sentences: list[SentenceView]) -> list[Found]:
    """Every balanced pair of a document's body sentences, in text order."""
    out = []
    for s in sentences:
        lw = s.lower
        for k, w in enumerate(lw):
            if w in _SECOND:
                out.extend(_correlative(s, k, w))
            elif w == "not" and k + 1 < len(lw) and lw[k + 1] in ("only", "just", "merely",
                                                                   "simply"):
                out.extend(_not_only(s, k))
    return out


def _correlative(s: SentenceView, k: int, first: str):
    lw, n = s.lower, len(s.words)
    second = _SECOND[first]
    if k + 1 >= n or lw[k + 1] in _NOT_AFTER or not s.space(k + 1):
        return []
    if first == "either" and k > 0 and lw[k - 1] in ("on", "from", "in", "to", "by"):
        return []  # "on either side"
    c = next((t for t in range(k + 2, min(n, k + 10)) if lw[t] == second), None)
    if c is None:
        return []
    commas = 0
    for t in range(k + 1, c + 1):
        if s.edge(t) or not (s.space(t) or s.comma(t)):
            return []
        commas += s.comma(t)
    if commas > 1 or c + 1 >= n or not s.space(c + 1):
        return []
    x0, x1 = k + 1, c
    if first == "both" and x1 - x0 == 1 and lw[x0].endswith("s") and s.words[x0].islower():
        return []  # "both sides and the mediators": "both" determines a plural noun
    if not any(s.content[t] for t in range(x0, x1)):
        return []
    n_x = x1 - x0
    y = forward_item(s, c + 1, n_x + 2, extend=True, coordinate=False)
    if y is None:
        # Y may be a verb phrase or a clause: "neither X nor will it ...": to the clause end
        e = clause_end(s, c + 1, n_x + 3)
        if e <= c + 1:
            return []
        y = (c + 1, e)
    (xs, xe), (ys, ye) = s.span(x0, x1), s.span(y[0], y[1])
    return [Found(first, f"{first} X {second} Y", "", s.spans[k][0], ye, [(xs, xe), (ys, ye)],
                  s.index, s.index)]


def _not_only(s: SentenceView, k: int):
    lw, n = s.lower, len(s.words)
    i = k + 2
    if i >= n:
        return []
    b = next((t for t in range(i + 1, min(n, i + 31)) if lw[t] == "but"), None)
    if b is None or any(not (s.space(t) or s.comma(t)) for t in range(i, b + 1)):
        return []
    j = b + 1
    if j < n and lw[j] in ("also", "too") and s.space(j):
        j += 1
    if j >= n or not s.space(j):
        return []
    e = clause_end(s, j)
    xs, xe = s.span(i, b)
    ys, ye = s.span(j, e)
    return [Found("not_only", "not only X but also Y", "", s.spans[k][0], ye,
                  [(xs, xe), (ys, ye)], s.index, s.index)]
