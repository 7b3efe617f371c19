"""Concessions: two clause-level propositions set against each other
(``device == "concession"``), as the annotation guidelines define them
(``docs/annotation.md`` §3).

``key`` is the marker, lower-cased: *while* (*whilst*), *whereas*, *although*, *though*,
*even though*, *but*, *yet* (also *and yet*), *however*, *despite*, *in spite of*, *even as*,
*nevertheless*, *nonetheless*, *still*. ``kind`` is its class: ``subordinating``
(*although, though, even though, while, whereas, despite, in spite of, even as*, and
*however* + adjective: *however long it takes*), ``coordinating`` (*but, yet*) or
``adverbial`` (*however, nevertheless, nonetheless, still*, and *though* after a comma at a
clause's end). ``part_a``/``part_b`` are the two sides in text order, without the marker;
``conceded`` is the side the marker concedes: for subordinating markers the clause they
introduce (*Although X, Y* → ``a``; *Y, although X* → ``b``), for the others the side before
the marker (``a``). A sentence-initial *But, Yet, However, Nevertheless, Nonetheless, Still,*
(and a parenthetical *, however,*) links to the sentence before: ``part_a`` is that sentence,
``part_b`` the sentence with the marker, and the span covers both.

Each side is the clause on its side of the marker: back to the sentence's start, a ``; :``, a
dash or a comma before another marker; on to the sentence's end, such an edge, or a comma
before another marker; at most 60 words (a longer side is cut after the last comma within 60
words, so that a run-on sentence gives bounded parts).

Not concessions (§3): *but* meaning "except" (*no one but the army, all but, nothing but*),
*cannot but*, *not only … but (also)*, additive *but also*, the *but* of a contrast *not X but
Y*; *but/yet* between two words or phrases without a comma (*small but important*); *yet*
meaning "so far" (*not yet, has yet to, yet another/again/more, the best yet*); *still*
meaning "continuing" (anything but a sentence-initial *Still,*); temporal or concurrent
*while* (without a comma before it in mid-sentence: *it armed while it negotiated*; before an
*-ing* word or a preposition: *while maintaining*, *while in office*; a while-clause in the
progressive: *While the talks were going on, ...*; a postposed while-clause in the past tense,
which narrates concurrent events: *Jets struck the city, while helicopters fired rockets*;
the noun: *for a while*); *as though*,
*even as* before *a/an*.

>>> from discourse.rhetoric.devices import detect_devices
>>> t = detect_devices("Although the talks failed, the ceasefire held.", devices="concession")
>>> t[["key", "part_a", "part_b", "conceded"]].values.tolist()
[['although', 'the talks failed', 'the ceasefire held', 'a']]
"""
from __future__ import annotations

from .phrases import Found, SentenceView, is_ly, word_classes

__all__ = ["find_concessions", "CONCESSION_MARKERS"]

#: marker -> its class
CONCESSION_MARKERS = {
    "although": "subordinating", "though": "subordinating", "even though": "subordinating",
    "while": "subordinating", "whereas": "subordinating", "despite": "subordinating",
    "in spite of": "subordinating", "even as": "subordinating",
    "but": "coordinating", "yet": "coordinating",
    "however": "adverbial", "nevertheless": "adverbial", "nonetheless": "adverbial",
    "still": "adverbial",
}
_MAX_SIDE = 60
_SUBJECTS = frozenset("i we you he she it they this that these those there one".split())
_EXCEPT_BEFORE = frozenset("all nothing none anything everything everyone anyone nobody anybody "
                           "everybody no any last one nowhere who what".split())
_YET_AFTER = frozenset("to another more again further been seen known unknown undetermined "
                       "done complete completed over ended achieved realized realised reached "
                       "arrived come begun ratified implemented".split())
_NOT_WHILE_BEFORE = frozenset("a the worth little short long whole good great".split())
_NOT_WHILE_AFTER = frozenset("simultaneously also at still in on under during within".split())
_DEGREE = frozenset("much many little few far long often well".split())
_BE = frozenset("is are was were be been being am".split())
_STARTERS = frozenset({"and", "but"})
_PRESENT = frozenset("is are am has have says say remains remain does do will can must".split())
_INDEFINITE = frozenset("nothing nobody none everyone everything someone something".split())
_CLAUSE_CONJUNCTIONS = frozenset("as if when because since once unless then now".split())
_FINITE = frozenset("is are was were has have had will would can could should must may might "
                    "do does did shall cannot".split())
_REPORTING_WORDS = frozenset(
    "says said say warns warned notes noted adds added argues argued insists insisted believes "
    "believed stresses stressed explains explained claims claimed thinks thought".split())
#: words after which a subordinating marker opens a clause of its own (*that while X, Y*)
_PREPOSING = frozenset({"that", "and", "but"}) | _REPORTING_WORDS
#: the markers that open another clause when a comma precedes them (a side stops there)
_CLAUSE_MARKERS = frozenset("but yet although though while whilst whereas".split())


def _marker_at(lw, k):
    """(marker, number of words) of a concession marker starting at word k, or None."""
    w = lw[k]
    nxt = lw[k + 1] if k + 1 < len(lw) else ""
    if w == "even" and nxt in ("though", "as"):
        return f"even {nxt}", 2
    if w == "in" and nxt == "spite" and k + 2 < len(lw) and lw[k + 2] == "of":
        return "in spite of", 3
    if w == "whilst":
        return "while", 1
    if w in CONCESSION_MARKERS and w not in ("even though", "even as", "in spite of"):
        if w == "though" and k > 0 and lw[k - 1] in ("as", "even"):
            return None
        return w, 1
    return None


def _stop(s: SentenceView, k: int) -> bool:
    """Does a side stop before word k (a clause edge, or a quotation mark next to a comma or
    a full stop: the edge of a quotation, not scare quotes)?"""
    gap = s.gaps[k]
    return s.edge(k) or ('"' in gap and any(c in gap for c in ",.!?"))


def _side_back(s: SentenceView, k: int) -> int:
    """First word of the clause that ends before word k (see the module docs)."""
    t = k - 1
    floor = max(0, k - _MAX_SIDE - 1)
    while t > floor and not _stop(s, t) and not (s.comma(t) and s.lower[t] in _CLAUSE_MARKERS):
        t -= 1
    if k - t > _MAX_SIDE or (t == floor and t > 0):
        lo = k - _MAX_SIDE
        t = next((u for u in range(lo, k) if s.comma(u)), lo)
    return t


def _side_forward(s: SentenceView, j: int) -> int:
    """End (exclusive) of the clause that starts at word j (see the module docs)."""
    n = len(s.words)
    k = j + 1
    while k < n and k - j < _MAX_SIDE and not _stop(s, k) and \
            not (s.comma(k) and _marker_at(s.lower, k) is not None
                 and s.lower[k] in _CLAUSE_MARKERS | {"even"}):
        k += 1
    if k - j >= _MAX_SIDE and k < n:
        k = next((u for u in range(k - 1, j + 1, -1) if s.comma(u)), k)
    return k


def _whole(s: SentenceView, j: int = 0) -> tuple[int, int] | None:
    """Words j.. of a sentence as one side (at most 60 words from j)."""
    if j >= len(s.words):
        return None
    return j, min(len(s.words), j + _MAX_SIDE)


def _main_clause_comma(s: SentenceView, m: int) -> int | None:
    """The comma that ends a preposed clause starting at word m: the first one (before any
    clause edge) after which a clause can start (not a preposition, an *-ly* adverb, *and/or*
    or an *-ing* form: *While X relied on alliances, primarily with Russia, the new leadership
    ...*); the first comma if none qualifies."""
    n = len(s.words)
    first = None
    for t in range(m + 1, min(n, m + _MAX_SIDE)):
        if s.edge(t):
            break
        if not s.comma(t):
            continue
        if first is None:
            first = t
        w = s.lower[t]
        if n - t >= 2 and w not in word_classes()[2] and w not in ("and", "or") \
                and not is_ly(w) and not (s.content[t] and w.endswith("ing")):
            return t
    return first


def _clause_follows(s: SentenceView, m: int) -> bool:
    """Without a comma before it, does a clause (or a verb phrase) follow a *but/yet/though*
    at word m-1? A subject pronoun or a conjunction (*but we, but if*), a finite auxiliary
    within the next four words before any punctuation (*but fire authorities are*), or a
    past-tense verb followed by a function word or an *-ly* adverb (*but failed to*, *but
    recovered quickly*); not two coordinated adjectives (*small but important*)."""
    n = len(s.words)
    if m >= n:
        return False
    w = s.lower[m]
    if w in _SUBJECTS or w in _CLAUSE_CONJUNCTIONS or w in _INDEFINITE or \
            ("'" in w and w.split("'")[0] in _SUBJECTS):
        return True
    for t in range(m, min(n, m + 4)):
        if t > m and not s.space(t):
            break
        if s.lower[t] in _FINITE or s.lower[t].endswith("n't"):
            return True
    if s.content[m] and w.endswith("ed") and len(w) > 4 and m + 1 < n and s.space(m + 1):
        after = s.lower[m + 1]
        return (after in word_classes()[0] and after not in ("and", "or")) or is_ly(after)
    return False


def _opens(s: SentenceView, k: int) -> bool:
    """Does the marker at word k open its sentence (perhaps after *and/but*)?"""
    return k == 0 or (k == 1 and s.lower[0] in _STARTERS)


def _looks_like_clause(s: SentenceView, j: int) -> bool:
    """Can a clause start at word j (a subject pronoun, a determiner, a name, an auxiliary, a
    negator or a content word that is not an *-ing* form)?"""
    if j >= len(s.words):
        return False
    w = s.lower[j]
    function, determiners, prepositions, _ = word_classes()
    if w in _SUBJECTS or w in determiners or w in _CLAUSE_CONJUNCTIONS:
        return True
    if "'" in w and w.split("'")[0] in _SUBJECTS:
        return True  # it's, we'll, they're
    if w in prepositions:
        return False
    if w in function:
        return w in ("will", "would", "can", "could", "must", "should", "may", "might", "is",
                     "are", "was", "were", "has", "have", "had", "did", "does", "do", "not",
                     "never", "cannot") or w.endswith("n't")
    return s.content[j]


class _Finder:
    def __init__(self, sentences, exclude_spans):
        self.sentences = sentences
        self.exclude = sorted(exclude_spans)
        self.out: list[Found] = []

    def excluded(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.exclude)

    def emit(self, marker, pattern, a, b, first, last, conceded, start=None, kind=None):
        (sa, a0, a1), (sb, b0, b1) = a, b
        if a1 <= a0 or b1 <= b0:
            return
        pa, pb = sa.span(a0, a1), sb.span(b0, b1)
        self.out.append(Found(kind or CONCESSION_MARKERS[marker], pattern, marker,
                              pa[0] if start is None else start, pb[1], [pa, pb], first, last,
                              "", conceded))

    def linked(self, idx, marker, s, j):
        """*X. Marker, Y*: part_a the previous sentence, part_b this one from word j."""
        if idx == 0 or not self.sentences[idx - 1].words:
            return
        prev = self.sentences[idx - 1]
        pa = _whole(prev, max(0, len(prev.words) - _MAX_SIDE))
        pb = _whole(s, j)
        if pb is None:
            return
        self.emit(marker, f"X. {marker.capitalize()}, Y", (prev, *pa), (s, *pb), prev.index,
                  s.index, "a")

    def within(self, marker, s, k, m, conceded, pattern, kind=None):
        """*X, marker Y* inside one sentence: X the clause before word k, Y from word m."""
        a0 = _side_back(s, k)
        if k - a0 < 2 or m >= len(s.words):
            return
        b1 = _side_forward(s, m)
        self.emit(marker, pattern, (s, a0, k), (s, m, b1), s.index, s.index, conceded,
                  kind=kind)

    def preposed(self, marker, s, k, m, pattern, kind=None):
        """*Marker X, Y*: X from word m to the comma after which a clause starts, Y that
        clause; the span starts at the marker."""
        c = _main_clause_comma(s, m)
        if c is None:
            return None
        y1 = _side_forward(s, c)
        if y1 - c < 2:
            return None
        self.emit(marker, pattern, (s, m, c), (s, c, y1), s.index, s.index, "a",
                  start=s.spans[k][0], kind=kind)
        return c

    def sentence(self, idx: int):
        s = self.sentences[idx]
        lw, n = s.lower, len(s.words)
        k = 0
        while k < n:
            found = _marker_at(lw, k)
            if found is None or self.excluded(s.spans[k][0]):
                k += 1
                continue
            marker, width = found
            m = k + width
            getattr(self, "_" + marker.replace(" ", "_"))(idx, s, k, m)
            k = m

    # -- subordinating markers ---------------------------------------------------------
    def _subordinate(self, idx, s, k, m, marker):
        lw = s.lower
        if m >= len(s.words):
            return
        cap = marker.capitalize()
        if _opens(s, k) or s.edge(k) or (k > 0 and lw[k - 1] in _PREPOSING
                                          and not s.comma(k)):
            self.preposed(marker, s, k, m, f"{cap} X, Y", kind="subordinating")
        elif k > 0:
            if marker == "though" and not s.comma(k) and not _clause_follows(s, m):
                return  # "strange though it may seem"
            self.within(marker, s, k, m, "b", f"Y, {marker} X", kind="subordinating")

    def _although(self, idx, s, k, m):
        self._subordinate(idx, s, k, m, "although")

    def _whereas(self, idx, s, k, m):
        self._subordinate(idx, s, k, m, "whereas")

    def _even_though(self, idx, s, k, m):
        self._subordinate(idx, s, k, m, "even though")

    def _despite(self, idx, s, k, m):
        self._subordinate(idx, s, k, m, "despite")

    def _in_spite_of(self, idx, s, k, m):
        self._subordinate(idx, s, k, m, "in spite of")

    def _though(self, idx, s, k, m):
        if m >= len(s.words) or (s.comma(k) and not s.space(m) and not _opens(s, k)):
            # ", though." / ", though," at a clause's end: an adverb linking to the sentence before
            if k > 0 and s.comma(k):
                self.linked(idx, "though", s, 0)
            return
        self._subordinate(idx, s, k, m, "though")

    def _even_as(self, idx, s, k, m):
        if m < len(s.words) and s.lower[m] in ("a", "an"):
            return
        if not _looks_like_clause(s, m):
            return
        self._subordinate(idx, s, k, m, "even as")

    def _while(self, idx, s, k, m):
        lw, n = s.lower, len(s.words)
        if m >= n or (k > 0 and lw[k - 1] in _NOT_WHILE_BEFORE):
            return
        w = lw[m]
        if w in _NOT_WHILE_AFTER or (s.content[m] and w.endswith("ing") and len(w) > 4):
            return
        if w == "not" and m + 1 < n and lw[m + 1].endswith("ing"):
            return
        preposed = _opens(s, k) or s.edge(k) or (lw[k - 1] in _PREPOSING
                                                 and not s.comma(k))
        if not preposed and not s.comma(k):
            return  # "it armed its militias while it negotiated": temporal
        if not _looks_like_clause(s, m):
            return
        if preposed:
            c = next((t for t in range(m + 1, min(n, m + _MAX_SIDE)) if s.comma(t) or s.edge(t)),
                     m)
            if any(lw[t] in _BE and t + 1 < c and lw[t + 1].endswith("ing") and s.content[t + 1]
                   for t in range(m, c)):
                return  # "While the talks were going on, ...": concurrent
            self.preposed("while", s, k, m, "While X, Y")
        else:
            for t in range(m, min(n, m + 6)):
                if lw[t] in _PRESENT:
                    break
                if lw[t] in ("was", "were") or (s.content[t] and lw[t].endswith("ed")):
                    return  # "Jets struck the city, while helicopters fired rockets": narrative
            self.within("while", s, k, m, "b", "Y, while X")

    # -- coordinating markers ----------------------------------------------------------
    def _but(self, idx, s, k, m):
        lw, n = s.lower, len(s.words)
        nxt = lw[m] if m < n else ""
        if nxt in ("also", "for") or m >= n:
            return
        if k > 0 and (lw[k - 1] in _EXCEPT_BEFORE or lw[k - 1] in ("cannot", "can't") or
                      (lw[k - 1] == "not" and k > 1 and lw[k - 2] in ("can", "could"))):
            return
        if any(lw[t] == "not" and lw[t + 1] in ("only", "just", "merely", "simply")
               for t in range(max(0, k - 31), k - 1)) and "but" not in lw[max(0, k - 31):k]:
            return  # the "but" of "not only ... but"
        if nxt == "rather" and "not" in lw[max(0, k - 12):k]:
            return  # "not X but rather Y": a contrast
        if _opens(s, k):
            j = m + 1 if m < n and nxt in ("nevertheless", "nonetheless", "still", "yet") else m
            self.linked(idx, "but", s, j)
            return
        if not (s.comma(k) or s.edge(k)) and not _clause_follows(s, m):
            return  # "a small but important step"
        self.within("but", s, k, m, "a", "X, but Y")

    def _yet(self, idx, s, k, m):
        lw, n = s.lower, len(s.words)
        prev = lw[k - 1] if k > 0 else ""
        nxt = lw[m] if m < n else ""
        if prev in ("not", "never", "as", "nor", "but") or prev.endswith("n't"):
            return
        if nxt in _YET_AFTER or m >= n or not (s.space(m) or s.comma(m)):
            return  # "has yet to", "yet another", "the best yet."
        if _opens(s, k):
            self.linked(idx, "yet", s, m)
            return
        if s.comma(k) or s.edge(k) or prev == "and":
            k0 = k - 1 if prev == "and" else k
            self.within("yet", s, k0, m, "a", "X, yet Y")
        elif _clause_follows(s, m) and s.content[m] is False:
            self.within("yet", s, k, m, "a", "X, yet Y")

    # -- adverbial markers -------------------------------------------------------------
    def _adverbial(self, idx, s, k, m, marker):
        lw, n = s.lower, len(s.words)
        if k > 0 and lw[k - 1] == "but":
            return  # "but nevertheless": the "but" is the marker
        if s.edge(k) or (k > 1 and lw[k - 1] == "and" and (s.comma(k - 1) or s.edge(k - 1))):
            k0 = k - 1 if lw[k - 1] == "and" else k
            self.within(marker, s, k0, m, "a", f"X; {marker} Y")
        elif _opens(s, k) or s.comma(k) or (m < n and s.comma(m)) or m >= n:
            self.linked(idx, marker, s, m if _opens(s, k) else 0)
        else:
            self.linked(idx, marker, s, 0)

    def _however(self, idx, s, k, m):
        lw, n = s.lower, len(s.words)
        if m < n and s.space(m) and (lw[m] in _DEGREE or (s.content[m] and lw[m].islower()
                                                           and s.words[m].islower())):
            after = lw[m + 1] if m + 1 < n else ""
            if after in _SUBJECTS or after in word_classes()[1] or after in ("may", "might"):
                # "however long it takes": concessive, the clause it opens is conceded
                self._subordinate(idx, s, k, m, "however")
                return
        self._adverbial(idx, s, k, m, "however")

    def _nevertheless(self, idx, s, k, m):
        self._adverbial(idx, s, k, m, "nevertheless")

    def _nonetheless(self, idx, s, k, m):
        self._adverbial(idx, s, k, m, "nonetheless")

    def _still(self, idx, s, k, m):
        if k == 0 and m < len(s.words) and s.comma(m):
            self.linked(idx, "still", s, m)


def find_concessions(sentences: list[SentenceView], exclude_spans=()) -> list[Found]:
    """Every concession of a document's body sentences, in text order.

    ``exclude_spans``: ``(start, end)`` offsets whose markers belong to another device (the
    *but* of a contrast *not X but Y*)."""
    finder = _Finder(sentences, exclude_spans)
    for idx in range(len(sentences)):
        finder.sentence(idx)
    return finder.out
