"""Anaphora and epistrophe: successive units that open (or end) with the same words.

**anaphora** (``docs/annotation.md`` §5). Units are the sentences of the body (``kind``
``sentence``) and, separately, the units of one sentence split at ``, ; :`` and dashes, and
before an *and/or* that repeats the unit's first word or two words of it (*by talking, by
trading and by building*; *a new opportunity and a new outlook*); such a unit is a ``clause`` when it has an auxiliary or opens with a subject
pronoun, a modal or *let*, else a ``phrase``. A leading *and/or/but/nor* is skipped, and so is a short frame ending in a colon before a
sentence unit (*I repeat: ...*). A run of
consecutive units opening with the same words (the key: the longest shared opening, at most
six words, that leaves every unit at least one more word) counts when there are three or more
units, or two when the key has two or more words; a key that is only an article (*the, a,
an*) or only a conjunction does not count. ``key`` = the shared words, ``part_a..part_c`` =
the first three units (each from the key to its end), ``n_parts`` = all of them.
One addition to the guidelines (``pattern = "parallel phrases"``): two groups of phrases of
the same opening words in the same order (*on cooperation, not confrontation, and on
engagement, not isolation*: key *on*), so that a parallel pair with a one-word key counts.

**epistrophe**: at least three consecutive units ending with the same 1-4 words, the last a
content word, every unit after the first at most 12 words long (*of the people, by the
people, for the people*); a proper name as the key needs three short units.

>>> from discourse.rhetoric.devices import detect_devices
>>> t = detect_devices("We must act now. We must act together.", devices="anaphora")
>>> t[["kind", "key", "n_parts"]].values.tolist()
[['sentence', 'we must act', 2]]
"""
from __future__ import annotations

import re

from .phrases import HAS_LETTER, EDGE_GAP, Found, SentenceView, closed_class, word_classes

__all__ = ["find_anaphora", "find_epistrophe"]

_SPLIT_GAP = re.compile(r"[,;:]|\s-{1,2}\s|—|–")
_ARTICLES = frozenset({"the", "a", "an"})
_LEADING = frozenset({"and", "or", "but", "nor"})
_CLAUSE_OPENERS = frozenset("i we you he she it they let must shall will should can may".split())


class _Unit(tuple):
    """(sentence index, first word, end word (exclusive), the sentence view)"""

    __slots__ = ()

    si = property(lambda self: self[0])
    i = property(lambda self: self[1])
    j = property(lambda self: self[2])
    s = property(lambda self: self[3])

    def lower(self):
        return self.s.lower[self.i:self.j]

    def raw(self):
        return self.s.words[self.i:self.j]

    def span(self):
        return self.s.span(self.i, self.j)


def _strip(s, i, j):
    if j - i > 1 and s.lower[i] in _LEADING:
        i += 1
    return i


def _clause_units(s: SentenceView) -> list[_Unit]:
    n = len(s.words)
    cuts = [0] + [k for k in range(1, n) if _SPLIT_GAP.search(s.gaps[k])] + [n]
    units = []
    for a, b in zip(cuts, cuts[1:]):
        a = _strip(s, a, b)
        # "by trading and by building": split before an and/or that repeats the first word
        start = a
        for t in range(a + 1, b - 1):
            if s.lower[t] not in ("and", "or") or t - start < 2:
                continue
            if s.lower[t + 1] == s.lower[start]:
                units.append(_Unit((s.index, start, t, s)))
                start = t + 1
            elif t + 2 < b:
                # "gives a new opportunity and a new outlook": two words repeated after "and"
                pair = s.lower[t + 1:t + 3]
                p = next((q for q in range(start + 1, t - 1) if s.lower[q:q + 2] == pair), None)
                if p is not None and pair[1] not in _ARTICLES:
                    units.append(_Unit((s.index, start, p, s)))
                    units.append(_Unit((s.index, p, t, s)))
                    start = t + 1
        if b > start:
            units.append(_Unit((s.index, start, b, s)))
    return units


def _sentence_units(sentences) -> list[_Unit]:
    """One unit per sentence, after a leading conjunction or a short frame ending in a colon
    (*I repeat: ...*, *Our message is clear: we will ...*)."""
    out = []
    for s in sentences:
        if not s.words:
            continue
        n = len(s.words)
        colon = next((k for k in range(1, min(n - 1, 12)) if ":" in s.gaps[k]), 0)
        out.append(_Unit((s.index, _strip(s, colon, n), n, s)))
    return out


def _is_proper(key_words, raw, folded) -> bool:
    """Are the key's content words proper names (capitalised, never written in lower case
    in the document)?"""
    function = word_classes()[0]
    content = [(w, r) for w, r in zip(key_words, raw) if w not in function]
    return bool(content) and all(r[:1].isupper() and
                                 re.search(rf"\b{re.escape(w)}\b", folded) is None
                                 for w, r in content)


def _with_opening_tail(units, start, run, k):
    """Prepend to a clause run the tail of the unit before it that opens with the key (*to
    promote a more effective, more accountable, more responsible ...*)."""
    if start == 0:
        return run
    key = run[0].lower()[:k]
    before = units[start - 1]
    words = before.lower()
    for p in range(len(words) - k - 1, 0, -1):
        if words[p:p + k] == key:
            return [_Unit((before.si, before.i + p, before.j, before.s)), *run]
    return run


def _runs(units, *, end: bool, max_key: int, tails: bool = False):
    """Runs of consecutive units sharing their first (or last) word: (run, key length)."""
    i = 0
    pick = (lambda u: u.s.lower[u.j - 1]) if end else (lambda u: u.s.lower[u.i])
    while i < len(units):
        j = i + 1
        while j < len(units) and pick(units[j]) == pick(units[i]):
            j += 1
        start, run = i, units[i:j]
        i = j
        if len(run) < 2:
            continue
        seqs = [u.lower()[::-1] if end else u.lower() for u in run]
        k = 0
        while k < max_key and all(len(q) > k + 1 and q[k] == seqs[0][k] for q in seqs):
            k += 1
        if k:
            yield (_with_opening_tail(units, start, run, k) if tails else run), k


def _unit_kind(run) -> str:
    aux = closed_class()["auxiliaries"]
    for u in run:
        words = u.lower()
        if words[0] in _CLAUSE_OPENERS or any(w in aux for w in words):
            return "clause"
    return "phrase"


def _found(device, kind, pattern, key, run):
    parts = [u.span() for u in run]
    return Found(kind, pattern, key, parts[0][0], parts[-1][1], parts[:3], run[0].si,
                 run[-1].si, n_parts=len(parts))


def find_anaphora(sentences: list[SentenceView]) -> list[Found]:
    """Every anaphora of a document's body sentences (sentence runs, then clause and phrase
    runs), in the order found."""
    out = []
    groups = [("sentences", _sentence_units(sentences))]
    groups += [("clauses", _clause_units(s)) for s in sentences if len(s.words) >= 4]
    for pattern, units in groups:
        if len(units) < 2:
            continue
        for run, k in _runs(units, end=False, max_key=6, tails=pattern == "clauses"):
            key_words = run[-1].lower()[:k]
            if k == 1 and (key_words[0] in _ARTICLES or key_words[0] in closed_class()["conjunctions"]):
                continue
            if all(w in _ARTICLES for w in key_words) or not any(HAS_LETTER.search(w) for w in key_words):
                continue
            if len(run) >= 3 or k >= 2:
                kind = "sentence" if pattern == "sentences" else _unit_kind(run)
                out.append(_found("anaphora", kind, pattern, " ".join(key_words), run))
        if pattern == "clauses":
            out.extend(_parallel_phrases(units))
    return out


def _parallel_phrases(units):
    """Two consecutive groups of two phrases whose openings repeat in order: ``A x, B y, (and)
    A z, B w`` with A and B different first words (one-word keys)."""
    out, i = [], 0
    while i + 3 < len(units):
        a, b, c, d = units[i:i + 4]
        la, lb, lc, ld = (u.lower() for u in (a, b, c, d))
        if la[0] != lc[0] and lc[0] in la[1:]:
            # the first phrase may close a longer unit: "... depends on cooperation, not ..."
            p = len(la) - 1 - la[::-1].index(lc[0])
            if p > 0 and len(la) - p >= 2:
                a = _Unit((a.si, a.i + p, a.j, a.s))
                la = la[p:]
        if (la[0] == lc[0] and lb[0] == ld[0] and la[0] != lb[0] and
                min(len(la), len(lb), len(lc), len(ld)) >= 2 and
                la[0] not in _ARTICLES and all(len(x) <= 6 for x in (la, lb, lc, ld)) and
                (i == 0 or units[i - 1].lower()[0] != la[0])):
            first, second = (a.si, a.i, b.j, a.s), (c.si, c.i, d.j, c.s)
            run = [_Unit(first), _Unit(second)]
            out.append(_found("anaphora", "phrase", "parallel phrases", la[0], run))
            i += 4
        else:
            i += 1
    return out


def find_epistrophe(sentences: list[SentenceView], folded: str) -> list[Found]:
    """Every epistrophe of a document's body sentences."""
    function = word_classes()[0]
    out = []
    groups = [("sentences", _sentence_units(sentences))]
    groups += [("clauses", _clause_units(s)) for s in sentences if len(s.words) >= 4]
    for pattern, units in groups:
        if len(units) < 3:
            continue
        for run, k in _runs(units, end=True, max_key=4):
            if len(run) < 3:
                continue
            key_words = run[0].lower()[::-1][:k][::-1]
            raw = run[0].raw()[-k:]
            if key_words[-1] in function or not HAS_LETTER.search(key_words[-1]):
                continue
            if any(len(u.lower()) > 12 for u in run[1:]):
                continue
            if _is_proper(key_words, raw, folded) and any(len(u.lower()) > 15 for u in run):
                continue
            kind = "sentence" if pattern == "sentences" else _unit_kind(run)
            out.append(_found("epistrophe", kind, pattern, " ".join(key_words), run))
    return out
