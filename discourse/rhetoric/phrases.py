"""Phrase shapes without a tagger: the sentence view the device detectors read.

No part-of-speech tagger is available without downloaded data, so the detectors of
:mod:`discourse.rhetoric.devices` judge phrase shapes with closed-class word lists
(:file:`discourse/data/lexicons/closed_class.yaml`). A *content word* is a word in none of
those lists with a letter; an *item* is an optional opener (determiner, possessive,
preposition, infinitival *to*) followed by content words, with no punctuation inside; a
*clause edge* is a semicolon, a colon, a dash or the sentence's end.

:class:`SentenceView` holds one body sentence's words (from the analysed document,
:func:`discourse.text.parsed.parse`), their lower-case forms, offsets and the text between
them (``gaps[k]``: the text between word ``k-1`` and word ``k``).

>>> from discourse.corpus.documents import Document
>>> from discourse.text.parsed import parse
>>> p = parse(Document("d", "We chose peace, not war."))
>>> s = SentenceView(0, *p.sentences[0], p)
>>> s.lower, s.gaps[3], s.content
(['we', 'chose', 'peace', 'not', 'war'], ', ', [False, True, True, False, True])
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from ..errors import ResourceError

__all__ = ["closed_class", "SentenceView", "forward_item", "backward_item", "compatible",
           "clause_end", "content_len", "is_ly", "opener_kind", "SPACE_ONLY", "COMMA_GAP",
           "HAS_LETTER", "word_classes", "Found", "EDGE_GAP", "AUXILIARIES"]

#: auxiliaries and modals (a one-word item right after one is a verb)
AUXILIARIES = frozenset("is are was were am be been will would shall should can could may "
                        "might must do does did has have had".split())
SPACE_ONLY = re.compile(r"^[ \t\n]+$")
#: a comma gap, with a closing quotation mark before the comma allowed ("the various “poles”,
#: rather than", "not “A”, but B")
COMMA_GAP = re.compile(r'^["\u201d\u2019]?[ \t]*,[ \t\n]+$')
HAS_LETTER = re.compile(r"[^\W\d_]")
#: a gap that ends a clause: semicolon, colon, a dash between spaces (or an em dash)
EDGE_GAP = re.compile(r"[;:]|\s[-–]{1,2}\s|—|\(|\)")
_LY_NOUNS = frozenset("family italy ally assembly supply rally reply anomaly july monopoly "
                      "homily folly belly jelly lily bully".split())


@cache
def closed_class() -> dict[str, frozenset[str]]:
    """The closed-class word lists (``discourse/data/lexicons/closed_class.yaml``) by class.

    >>> sorted(closed_class())[:3]
    ['adverbs', 'auxiliaries', 'conjunctions']
    >>> "the" in closed_class()["determiners"]
    True
    """
    text = resources.files("discourse.data").joinpath("lexicons", "closed_class.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    out = {}
    for k, words in data["entries"].items():
        if not all(isinstance(w, str) for w in words):  # YAML 1.1 reads on/off/no as booleans
            raise ResourceError(f"closed_class.yaml: class {k!r} has a non-string entry "
                                "(quote on, off, no, yes)")
        out[k] = frozenset(w.lower() for w in words)
    return out


@cache
def word_classes():
    """``(function, determiners, prepositions, trivial)``: every closed-class word; determiners
    with possessives; prepositions; function words that cannot carry an anaphora key alone."""
    cc = closed_class()
    function = frozenset().union(*cc.values())
    determiners = cc["determiners"] | cc["possessives"]
    prepositions = cc["prepositions"]
    trivial = (function - cc["negators"] - {"no", "never", "will", "shall", "must", "can",
                                             "cannot", "should", "would", "could", "may", "might"})
    return function, determiners, prepositions, trivial


@cache
def _content_memo() -> dict:
    """lower-case word -> is it a content word (not a function word, has a letter)?"""
    return {}


def _is_content(word: str, memo: dict) -> bool:
    value = word not in word_classes()[0] and (word.isalpha() or HAS_LETTER.search(word) is not None)
    if len(memo) < 500_000:
        memo[word] = value
    return value


class SentenceView:
    """One body sentence: ``words``, ``lower``, ``spans`` (offsets into the text), ``gaps``
    (``gaps[k]``: the text between word ``k-1`` and word ``k``; ``gaps[0]``: from the
    sentence's start) and ``content`` (is word ``k`` a content word?)."""

    __slots__ = ("index", "start", "end", "words", "lower", "spans", "gaps", "content")

    def __init__(self, index, start, end, parsed):
        self.index, self.start, self.end = index, start, end
        i, j = parsed.words_in(start, end)
        self.words = parsed.words(i, j)
        self.spans = parsed.word_spans(i, j)
        self.lower = parsed.lower_words(i, j)
        self.gaps = parsed.gaps(i, j)
        if self.gaps:
            self.gaps[0] = parsed.folded[start:self.spans[0][0]]
        content = _content_memo()
        self.content = [content[w] if w in content else _is_content(w, content)
                        for w in self.lower]

    def __len__(self) -> int:
        return len(self.words)

    def joined(self, i, j) -> bool:
        """Words i..j-1 joined by whitespace only?"""
        return all(SPACE_ONLY.match(self.gaps[k]) for k in range(i + 1, j))

    def space(self, k) -> bool:
        """Only white space before word k?"""
        return SPACE_ONLY.match(self.gaps[k]) is not None

    def comma(self, k) -> bool:
        """A comma (and white space) right before word k?"""
        return COMMA_GAP.match(self.gaps[k]) is not None

    def edge(self, k) -> bool:
        """A clause edge (``; :``, a dash, a bracket) right before word k?"""
        return k < len(self.words) and EDGE_GAP.search(self.gaps[k]) is not None

    def dash(self, k) -> bool:
        """A dash right before word k (a clause edge that is no ``; :`` or bracket)?"""
        return self.edge(k) and not any(c in self.gaps[k] for c in ";:()")

    def span(self, i, j) -> tuple[int, int]:
        """Offsets of words i..j-1 (first word's start, last word's end)."""
        return self.spans[i][0], self.spans[j - 1][1]


def opener_kind(word):
    _, determiners, prepositions, _ = word_classes()
    if word in prepositions:
        return "prep"
    if word in determiners:
        return "det"
    return None


def forward_item(s: SentenceView, i: int, max_content: int, *, extend=False,
                 coordinate: bool = False):
    """An item starting at word i: openers (at most a preposition and a determiner) then
    1..max_content content words; with ``extend``, ``of``/prepositional tails (or the given
    set of links) and ``and``/``or`` coordination may continue it.
    Returns (i, j, opener, n_content) or None."""
    n = len(s.words)
    j, opener = i, None
    for _ in range(2):
        if j < n and opener_kind(s.lower[j]) and (j == i or s.space(j)):
            if opener is None:
                opener = s.lower[j] if opener_kind(s.lower[j]) == "prep" else "<det>"
            j += 1
    if j > i and j < n and not s.space(j):
        return None
    k, count = j, 0
    while k < n and s.content[k] and count < max_content and (k == j or s.space(k)):
        k += 1
        count += 1
    if count == 0:
        return None
    while (extend or coordinate) and k + 1 < n and s.space(k):
        link = s.lower[k]
        if not ((extend is True and opener_kind(link) == "prep") or
                (isinstance(extend, frozenset) and link in extend) or
                (coordinate and link in ("and", "or"))):
            break
        tail = forward_item(s, k + 1, max_content)
        if tail is None or not s.space(k + 1):
            break
        k = tail[1]
        count += tail[3]
    return i, k, opener, count


def backward_item(s: SentenceView, j: int, n_content: int, *, coordinate: bool = False):
    """An item ending at word j (inclusive) with up to n_content content words (plus one
    ``A and B`` coordination if asked), and the openers just before it.
    Returns (i, j + 1, opener, n_content) or None."""
    k, count = j, 0
    while k >= 0 and s.content[k] and count < n_content and (k == j or s.space(k + 1)):
        k -= 1
        count += 1
    if count == 0:
        return None
    if (coordinate and k >= 1 and s.lower[k] in ("and", "or") and s.content[k - 1]
            and s.space(k + 1) and s.space(k)):
        k -= 1
        while k >= 0 and s.content[k] and s.space(k + 1) and count < n_content + 3:
            k -= 1
            count += 1
    first = k + 1
    opener = None
    for _ in range(2):
        if k >= 0 and opener_kind(s.lower[k]) and s.space(k + 1):
            kind = opener_kind(s.lower[k])
            if opener is None or (opener == "<det>" and kind == "prep"):
                opener = s.lower[k] if kind == "prep" else "<det>"
            first = k
            k -= 1
        else:
            break
    return first, j + 1, opener, count


def compatible(opener_x, opener_y) -> bool:
    """Openers of two contrasted items: a preposition (or *to*) must be repeated; a
    determiner in Y needs one in X."""
    if opener_y is None:
        return True
    if opener_y == "<det>":
        return opener_x is not None
    return opener_x == opener_y


def clause_end(s: SentenceView, i: int, max_words: int = 25) -> int:
    """End (exclusive word index) of the clause starting at word i: stops before a dash,
    ; : or a comma followed by a function word (a comma between two content words, as in
    "new, balanced diplomacy", is crossed)."""
    n = len(s.words)
    k = i + 1
    while k < n and k - i < max_words:
        if not s.space(k):
            if not (s.comma(k) and s.content[k] and s.content[k - 1]):
                break
        k += 1
    return k


def content_len(s: SentenceView, item) -> int:
    """Number of words of an item after its openers."""
    i, j = item[0], item[1]
    while i < j and not s.content[i] and opener_kind(s.lower[i]):
        i += 1
    return j - i


def is_ly(word: str) -> bool:
    """An *-ly* adverb (not *family, Italy, assembly ...*)?"""
    return len(word) > 4 and word.endswith("ly") and word not in _LY_NOUNS


class Found(tuple):
    """One detection: ``(kind, pattern, key, start, end, parts, first, last, rejected,
    conceded, n_parts)``; ``parts`` a list of ``(start, end)``, ``first``/``last`` the
    indices of the first and last sentence involved."""

    __slots__ = ()

    def __new__(cls, kind, pattern, key, start, end, parts, first, last, rejected="",
                conceded="", n_parts=None):
        return tuple.__new__(cls, (kind, pattern, key, start, end, parts, first, last,
                                   rejected, conceded, n_parts or len(parts)))

    kind = property(lambda self: self[0])
    pattern = property(lambda self: self[1])
    key = property(lambda self: self[2])
    start = property(lambda self: self[3])
    end = property(lambda self: self[4])
    parts = property(lambda self: self[5])
    first = property(lambda self: self[6])
    last = property(lambda self: self[7])
    rejected = property(lambda self: self[8])
    conceded = property(lambda self: self[9])
    n_parts = property(lambda self: self[10])
