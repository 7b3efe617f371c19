"""Tricolons: lists of exactly three items (``device == "tricolon"``).

``A, B(,) and|or C``: B lies between a comma and the conjunction and is an item of at most
five words; A is the item just before B's comma with as many content words as B; C is the
item after the conjunction with at most one content word more than B. The three
content-word counts differ by at most two; a preposition opening B or C must also open A.
Rejected: any item without a letter (years), lists of four or more (a comma and a content
word before A), a first item that opens the sentence after an introductory function word or
adverb (*As a result, Syria and Iraq ...*; *Today, ...*), salutations (*Mr. President,
ladies and gentlemen*), *both/either/neither* opening B or C, open lists (*among others*,
*inter alia*, *etc.*, *and so on* — not an item that merely ends in *of others*), a one-word C
with an article after it behind noun phrases (*the notions of X, and form the United
Nations*: a verb), appositions (*X, head of Y, and Z, head of W*), a sentence adverbial as A
(*For example, the success and the failure*; ``_INTRODUCERS``), the words of one institution's
name (*the Food and Agriculture Organization*); since the sixth round, a noun as A before
two adjectives of one head (*opposing camps, anomalous and dangerous situations*; word classes
from the Brill lexicon inside ``textblob``, an adjective's ending also counting), a number
(*two and a half*), pairs of adjectives after a noun (*the peoples, great or small, rich or
poor*), a name before A's comma when A ends a longer name (*the United Kingdom, the United
States, France and Turkey*: four; A then spans the whole name, *Hong Kong*); since the
seventh, two single adjectives after a noun A (*Member States, large and small*; *the war, the
greatest and bloodiest*), a relative clause as B (*the Church, whose devotion and
concern*), a short parenthesis as A (*we have, for instance, established X and Y*) and B and C
that open *of which* after an article (*the importance and seriousness of which*). Allowed
since devices3: a
one-word A opening the sentence (*Greed, fear and ...*), an opening place phrase before A
(*In New York, firemen, nurses and ...*), A after *, and* (a new
conjunct: *civil rights, on the one hand, and economic, social and cultural rights*), a
focusing adverb before C (*or even interpretation*), a lone closed-class adverb as B among
content words (*a fair, just and lasting peace*; not *first and foremost*). ``part_a..part_c`` = A, B, C;
``kind`` = ``word`` when every item is one word (with its determiner), else ``phrase``.

Fourteenth round: a longer list whose item before A ends in A (*war, sectarian tensions,
terrorism and extremism*: up to three premodifiers before A, then a comma and a content word)
and a verb after an auxiliary before a noun B (*even if it is adopted, risks and uncertainties*)
are rejected; an article and an adjective as A (*after a long, dark and turbulent period*) is
no introductory phrase or parenthesis.

Two more patterns: ``parallel A, B and C`` — three segments (A and B separated by a comma,
the third after a comma or *and/or*) opening with the same word or all with an *-ing* form,
each at most 20 words, exactly three (no fourth segment with that opening before or after),
*the* lists need a conjunction (*X, the Y, the Z* are appositions), two relative clauses
about A are not items (*in the fields, in which … and in which …*), B may hold its own
*and/or* coordination (*between war and peace, between disorder and integration, between fear
and hope*; not across a comma before another opener: a longer list), *B and, therefore, C*
drops the adverb, and their items all or none
with an auxiliary: *in the eradication of terrorism, in paving the way for democracy and in
ensuring ...*, *our towns, our cities, our establishments*; and ``A, B, C`` — three single
lower-case content words separated by commas, with no conjunction and no item before or after
(*militancy, extremism, intolerance*).

Two patterns of issue #11 item 3: ``verb phrases A, B and C`` — three verb phrases governed
by one modal or *to*, A right after it (*should treat each other as equals, engage in mutual
consultation and show mutual understanding*); ``first, second, third`` — three clauses opened
by *first(ly), second(ly), third(ly)* and a comma, in order, with no fourth ordinal
(*fourthly, finally, lastly*) after them.

Sixth round (docs/annotation.md sec. 4, "clauses or sentences … that jointly form one list"):
``three sentences`` / ``three clauses`` — exactly three consecutive sentences of one paragraph,
or three clauses of one sentence between semicolons, opening with the same words (a key of
two words or more, or one word when every unit is at most eight words), each at most 20
words (*We want peace. We want justice. We want dignity.*); ``kind`` = ``clause``.

>>> from discourse.rhetoric.devices import detect_devices
>>> t = detect_devices("We need peace, security and development.", devices="tricolon")
>>> t[["kind", "part_a", "part_b", "part_c"]].values.tolist()
[['word', 'peace', 'security', 'development']]
"""
from __future__ import annotations

from functools import cache

from ..text.brill import lexical_tags
from .phrases import (AUXILIARIES, HAS_LETTER, Found, SentenceView, backward_item,
                      closed_class, forward_item, is_ly, opener_kind, word_classes)

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


def find_tricolons(sentences: list[SentenceView],
                   paragraph_starts: frozenset = frozenset()) -> list[Found]:
    """Every tricolon of a document's body sentences, in text order."""
    out = []
    for s in sentences:
        parallel = _parallel(s) + _asyndeton(s) + _verb_phrases(s)
        short = [f for f in _tricolon(s)
                 if not any(f.start < p.end and p.start < f.end for p in parallel)]
        out.extend(sorted(short + parallel, key=lambda f: (f.start, f.end)))
    ordinal = _ordinals(sentences)
    out = [f for f in out if not any(o.start <= f.start and f.end <= o.end and
                                     f.first == o.first for o in ordinal
                                     if f.pattern == "parallel A, B and C")]
    three = [f for f in _three_units(sentences, paragraph_starts)
             if not any(f.start < o.end and o.start < f.end for o in out + ordinal)]
    return sorted(out + ordinal + three, key=lambda f: (f.start, f.end))


#: Words per unit of a three-unit list of sentences or semicolon clauses, at most.
_MAX_UNIT = 20


def _three_units(sentences, paragraph_starts=frozenset()) -> list[Found]:
    """Exactly three consecutive sentences, or three clauses of one sentence between
    semicolons, that open with the same words and jointly form one list (docs/annotation.md
    sec. 4: *In our cities, … In our villages, … In our camps, …*; *We want peace. We want
    justice. We want dignity.*): a key of two words or more (one word when every unit is at
    most eight words), no fourth unit with the same first word, each unit at most 20 words,
    in one paragraph. ``kind`` = ``clause``, ``pattern`` = ``three sentences`` or ``three
    clauses``."""
    from .repetition import _clause_units, _runs, _sentence_units

    groups = [("three sentences", _sentence_units(sentences))]
    for s in sentences:
        units = [u for u in _clause_units(s)]
        if len(units) >= 3 and any(";" in s.gaps[u.i] or ";" in s.gaps[max(0, u.i - 1)]
                                   for u in units[1:]):
            groups.append(("three clauses", units))
    out = []
    for pattern, units in groups:
        for run, k in _runs(units, end=False, max_key=6):
            if len(run) != 3 or any(u.j - u.i > _MAX_UNIT for u in run):
                continue
            key = run[0].lower()[:k]
            if key[0] in ("the", "a", "an") and k == 1:
                continue
            if k == 1 and (any(u.j - u.i > 8 for u in run) or not run[0].s.content[run[0].i]
                           and key[0] not in ("we", "i", "they", "it", "he", "she")):
                continue
            if pattern == "three sentences" and any(u.si in paragraph_starts for u in run[1:]):
                continue
            if pattern == "three clauses" and any(
                    ";" not in b.s.gaps[b.i] and ";" not in b.s.gaps[max(0, b.i - 1)]
                    for b in run[1:]):
                continue
            parts = [u.span() for u in run]
            out.append(Found("clause", pattern, " ".join(key), parts[0][0], parts[2][1],
                             parts, run[0].si, run[-1].si))
    return out


_ORDINALS = {"first": 1, "firstly": 1, "second": 2, "secondly": 2, "third": 3, "thirdly": 3}
_LATER = frozenset("fourth fourthly fifth fifthly finally lastly".split())
_ANCHORS = frozenset("should must will would can could may might shall to".split())


def _ordinal_units(sentences):
    """(rank, sentence, first word of the item, end word) for every clause (a sentence, or a
    part of one between ``; :`` and dashes) that opens with an ordinal and a comma (*First,
    ...*, *and, thirdly, ...*; rank 4 for *fourthly, finally ...*), else rank 0."""
    for s in sentences:
        n = len(s.words)
        bounds = [0] + [k for k in range(1, n) if s.edge(k)] + [n]
        for a, b in zip(bounds, bounds[1:]):
            i = a + 1 if a < b and s.lower[a] == "and" else a
            w = s.lower[i] if i < b else ""
            j = i + 1
            if w == "first" and s.lower[i + 1:i + 3] == ["of", "all"]:
                j = i + 3
            rank = _ORDINALS.get(w, 4 if w in _LATER else 0)
            if rank and j < b and s.comma(j):
                yield rank, s, j, b
            else:
                yield 0, s, a, b


def _ordinals(sentences) -> list[Found]:
    """*First, X. Secondly, Y. Thirdly, Z.* (or *first, X; second, Y; and third, Z* in one
    sentence): three clauses opened by the ordinals 1-2-3 in order, at most two other clauses
    between them, no fourth ordinal (*fourthly, finally, lastly*) after the third."""
    units = list(_ordinal_units(sentences))
    out = []
    for u, (rank, s, i, e) in enumerate(units):
        if rank != 1:
            continue
        picked, want, gap = [(s, i, e)], 2, 0
        for rank2, s2, i2, e2 in units[u + 1:]:
            if rank2 == want:
                picked.append((s2, i2, e2))
                want, gap = want + 1, 0
                if want == 4:
                    break
            elif rank2 or gap == 2:
                break
            else:
                gap += 1
        if len(picked) != 3:
            continue
        last = units.index(next(x for x in units if x[1] is picked[2][0] and x[2] == picked[2][1]))
        if any(r == 4 for r, *_ in units[last + 1:last + 4]):
            continue
        spans = [sv.span(a, b) for sv, a, b in picked]
        kind = "word" if all(b - a <= 2 and sum(sv.content[t] for t in range(a, b)) == 1
                             for sv, a, b in picked) else "phrase"
        out.append(Found(kind, "first, second, third", "", spans[0][0], spans[2][1], spans,
                         picked[0][0].index, picked[2][0].index))
    return out


def _verb_phrases(s: SentenceView) -> list[Found]:
    """Three verb phrases governed by one modal or *to*: ``MODAL A, B(,) and C`` where A starts
    right after the modal (*should treat each other as equals, engage in mutual consultation
    and show mutual understanding*): no comma inside A (else a longer list), B and C of at
    least two words opening with a lower-case content word, B at most 10 words, C up to the
    next comma or clause edge and at most 4 words longer than B."""
    n, lw = len(s.words), s.lower
    out = []
    for c in range(4, n - 2):
        if lw[c] not in ("and", "or") or not (s.space(c) or s.comma(c)):
            continue
        b0 = next((t for t in range(c - 1, max(0, c - 11), -1) if not s.space(t)), None)
        if b0 is None or not s.comma(b0) or c - b0 < 2:
            continue
        anchor = None
        for t in range(b0 - 1, max(-1, b0 - 12), -1):
            if not s.space(t + 1) and t + 1 < b0:
                break  # a comma or an edge inside A
            if lw[t] in _ANCHORS and s.content[t + 1] and t + 1 < b0:
                anchor = t
                break
        if anchor is None or b0 - anchor - 1 < 2:
            continue
        e = c + 1
        while e < n and s.space(e) and e - c <= (c - b0) + 5:
            e += 1
        if e - (c + 1) < 2 or (e < n and s.space(e)):
            continue  # C too short, or runs on beyond B's length
        if e < n and s.comma(e) and s.content[e]:
            continue  # a fourth item after C
        items = [(anchor + 1, b0), (b0, c), (c + 1, e)]
        if any(not s.content[i] or s.words[i][:1].isupper() or is_ly(lw[i]) or
               lw[i] in closed_class()["auxiliaries"] for i, _ in items):
            continue
        if _open_tail(lw, c + 1, e):
            continue
        ing = [lw[i].endswith("ing") for i, _ in items]
        if any(ing) and not all(ing):
            continue  # "to address the roots, using best practices and ...": a participle
        spans = [s.span(a, b) for a, b in items]
        out.append(Found("phrase", "verb phrases A, B and C", "", spans[0][0], spans[2][1],
                         spans, s.index, s.index))
    return out


_ENDERS = frozenset("others other so forth on the like rest".split())


def _open_tail(lw, i: int, e: int) -> bool:
    """Does the item i..e-1 close an open list (*and others*, *and so on*, *the like*, *the
    rest*)? Not an item that merely ends in such a word (*the insecurity of others*)."""
    if lw[e - 1] not in _ENDERS:
        return False
    return e - i <= 2 or lw[e - 2] not in word_classes()[2] or lw[e - 2] in ("and", "or")
_MAX_ITEM = 20


def _segment_starts(s: SentenceView, lo: int, hi: int) -> list[int]:
    """Words in lo..hi-1 that open a list segment: after a comma, or after *and/or* (with or
    without a comma before it)."""
    out = []
    for t in range(max(lo, 1), hi):
        if s.lower[t] in ("and", "or"):
            continue
        if s.comma(t) or (s.lower[t - 1] in ("and", "or") and s.space(t)
                          and (t - 1 == 0 or s.space(t - 1) or s.comma(t - 1))):
            out.append(t)
    return out


def _opener(s: SentenceView, t: int) -> str:
    w = s.lower[t]
    return "<ing>" if s.content[t] and w.endswith("ing") and len(w) > 5 else w


def _parallel(s: SentenceView) -> list[Found]:
    """Three parallel segments opening with the same word (or three *-ing* forms), with or
    without a conjunction before the third: *in the eradication of terrorism, in paving the way
    for democracy and in ensuring ...*, *our towns, our cities, our establishments*,
    *Pakistan stands for peace, Pakistan wants peace, Pakistan wants to reduce tension*."""
    n = len(s.words)
    if n < 6:
        return []
    starts = _segment_starts(s, 0, n)
    found, used = [], -1
    for i in range(len(starts) - 1):
        b0 = starts[i]
        if b0 <= used:
            continue
        w = _opener(s, b0)
        # the third segment: the next one with the same opener; B may hold its own
        # coordination ("between war and peace, between disorder and integration, ...")
        c0 = starts[i + 1]
        for t in starts[i + 1:]:
            if t - b0 > _MAX_ITEM or _opener(s, t) == w:
                # past B's own "and" only when a comma marks C's start ("..., and C"):
                # not "concluded by Egypt, the Sudan and Ethiopia in 2015 and the statement"
                if _opener(s, t) == w and (t == c0 or s.comma(t) or
                                           (s.lower[t - 1] in ("and", "or") and s.comma(t - 1))):
                    c0 = t
                break
            if s.comma(t) and not (s.lower[t] in closed_class()["adverbs"] and t + 1 < n
                                   and s.comma(t + 1)):
                break  # a segment after a comma with another opener (not ", therefore,")
        if w in ("and", "or", "but", "nor") or not _HAS_WORD(w) or _opener(s, c0) != w:
            continue
        if c0 - b0 > _MAX_ITEM or any(s.edge(t) for t in range(b0 + 1, c0 + 1)):
            continue
        # the first item: the last place before b0 where the opener stands, in the same clause
        a0 = next((t for t in range(b0 - 1, max(-1, b0 - _MAX_ITEM - 1), -1)
                   if _opener(s, t) == w), None)
        if a0 is not None and a0 > 0 and s.lower[a0 - 1] == "of" and s.lower[b0 - 1] != "of":
            # "the unity of the country, the safety ...": A opens before its of-tail
            earlier = next((t for t in range(a0 - 1, max(-1, b0 - _MAX_ITEM - 1), -1)
                            if _opener(s, t) == w or s.comma(t + 1) or s.edge(t + 1)), None)
            if earlier is not None and _opener(s, earlier) == w and \
                    not any(s.comma(t) or s.edge(t) for t in range(earlier + 1, a0 + 1)):
                a0 = earlier
        if a0 is None or not s.comma(b0) or \
                any(s.edge(t) or s.comma(t) for t in range(a0 + 1, b0)):
            continue  # A and B separated by a comma, with none inside A
        if w == "<ing>" and a0 > 0 and not (s.comma(a0) or s.lower[a0 - 1] in ("and", "or")
                                            or s.lower[a0 - 1] in word_classes()[2]):
            continue  # "we are talking about ...": an -ing item opens a segment or follows a preposition
        if a0 > 0 and (s.comma(a0) or s.lower[a0 - 1] in ("and", "or")) and \
                any(_opener(s, t) == w and (w != "<ing>" or s.comma(t))
                    for t in range(max(0, a0 - _MAX_ITEM), a0)):
            continue  # a fourth item before: a longer list (for -ing forms, after a comma)
        # the third item ends at the clause's edge, a comma or the sentence's end
        e = c0 + 1
        while e < n and e - c0 < _MAX_ITEM and s.space(e) and \
                not (s.lower[e] in ("and", "or") and e + 1 < n and _opener(s, e + 1) == w):
            e += 1
        if e - c0 >= _MAX_ITEM:
            continue
        if e < n and s.comma(e) and _opener(s, e) == w:
            continue  # a fourth item after
        if e + 1 < n and s.lower[e] in ("and", "or") and _opener(s, e + 1) == w:
            continue
        # the second item ends before the comma or the conjunction that opens the third
        b1 = c0 - 1 if s.lower[c0 - 1] in ("and", "or") else c0
        while b1 - 1 > b0 and s.lower[b1 - 1] in closed_class()["adverbs"] and \
                s.lower[b1 - 2] in ("and", "or") and s.comma(b1 - 1):
            b1 -= 2  # "B and, therefore, C": the adverb belongs to neither item
        if w == "the" and b1 == c0:
            continue  # "X, the Y, the Z" without a conjunction: appositions
        dets = word_classes()[1]
        if b1 == c0 and w in dets and any(s.lower[t] in ("and", "or") and s.lower[t + 1] in dets
                                          for t in range(c0 + 1, e - 1)):
            continue  # "our A, our B, our C and many of D": the conjunction opens a fourth item
        if _open_ended(s, c0) or _open_ended(s, e):
            continue  # "A, B and C among others": an open list
        items = [(a0, b0), (b0, b1), (c0, e)]
        if any(j <= i0 or not any(s.content[t] for t in range(i0, j)) for i0, j in items):
            continue
        if a0 > 1 and opener_kind(s.lower[a0 - 1]) == "prep" and s.comma(a0 - 1) and \
                s.lower[a0 - 1] != w and _parenthetical_adjunct(s, a0 - 1, b0) is not None:
            continue  # "mention, in the end, the problems and the questions": A is the
            # object of a parenthetical preposition the other items lack
        if _open_tail(s.lower, c0, e):
            continue
        if w in word_classes()[2] | word_classes()[1] and any(j - i0 < 2 for i0, j in items):
            continue  # a bare opener is no item
        aux = closed_class()["auxiliaries"]
        if w in word_classes()[1] and \
                len({any(s.lower[t] in aux for t in range(i0, j)) for i0, j in items}) > 1:
            continue  # a noun phrase and two clauses are not one list
        if b0 + 1 < n and c0 + 1 < n and s.lower[b0 + 1] in _RELATIVES and \
                s.lower[c0 + 1] == s.lower[b0 + 1] and s.lower[a0 + 1] != s.lower[b0 + 1]:
            continue  # "in the fields, in which we ... and in which ...": two relative clauses
            # about A, not three items
        spans = [s.span(i0, j) for i0, j in items]
        kind = "word" if all(j - i0 <= 2 and sum(s.content[t] for t in range(i0, j)) == 1
                             for i0, j in items) else "phrase"
        found.append(Found(kind, "parallel A, B and C", "", spans[0][0], spans[2][1], spans,
                           s.index, s.index))
        used = c0
    return found


def _asyndeton(s: SentenceView) -> list[Found]:
    """*A, B, C* without a conjunction: three single lower-case content words (not *-ly*)
    separated by commas, no list item before A or after C (*militancy, extremism,
    intolerance*)."""
    n, lw = len(s.words), s.lower
    out = []
    for a in range(0, n - 2):
        b, c = a + 1, a + 2
        if not (s.comma(b) and s.comma(c)):
            continue
        if not all(s.content[t] and s.words[t].islower() and not is_ly(lw[t]) and
                   lw[t].isalpha() for t in (a, b, c)):
            continue
        if a > 0 and (s.comma(a) or lw[a - 1] in ("and", "or")):
            continue  # an item before A
        if c + 1 < n and (s.comma(c + 1) or lw[c + 1] in ("and", "or")):
            continue  # an item after C
        if c + 1 < n and s.space(c + 1) and (s.content[c + 1] or lw[c + 1] == "of"):
            continue  # C only modifies a noun ("new, strong, stable peace") or heads a longer one
        spans = [s.span(t, t + 1) for t in (a, b, c)]
        out.append(Found("word", "A, B, C", "", spans[0][0], spans[2][1], spans, s.index,
                         s.index))
    return out


_FOCUS = frozenset("even also especially particularly notably".split())
_ARTICLES = frozenset("a an the my your his her its our their".split())
_OPEN_END = frozenset({("among", "others"), ("inter", "alia")})
#: Sentence adverbials that open a sentence before a comma: never a list's first item
#: ("For example, the success and the failure ...", "In his opinion, the Assembly and ...").
_INTRODUCERS = frozenset(tuple(x.split()) for x in (
    "for example", "for instance", "in fact", "in short", "in brief", "in particular",
    "in addition", "in conclusion", "in general", "in sum", "in other words",
    "in my opinion", "in his opinion", "in her opinion", "in our opinion", "in their opinion",
    "in my view", "in his view", "in her view", "in our view", "in their view",
    "in this connexion", "in this connection", "in this respect", "in this regard",
    "in that connexion", "in that connection", "in that respect", "in that regard",
    "on the other hand", "on the contrary", "of course", "at present", "at the same time",
    "above all", "after all", "first of all", "in the first place", "in any case",
    "in the meantime", "by contrast", "as a result", "as a matter of fact"))
#: Head nouns of institutions' names: "the Food and Agriculture Organization", "Educational,
#: Scientific and Cultural Organization" are one name, not a list of three.
_NAME_HEADS = frozenset("organization organisation council committee commission conference "
                        "fund agency programme program office bank court union institute "
                        "authority board tribunal".split())


def _inside_a_name(s: SentenceView, b, cc) -> bool:
    """B and C are words of one institution's name: C is capitalised words ending in an
    institutional head, with no determiner, and B one capitalised word (after *the*)."""
    words = s.words
    if cc[2] is not None or cc[1] - cc[0] < 2:
        return False
    if s.lower[cc[1] - 1] not in _NAME_HEADS or \
            not all(words[t][:1].isupper() for t in range(cc[0], cc[1])):
        return False
    b_words = [t for t in range(b[0], b[1]) if s.lower[t] != "the"]
    return len(b_words) == 1 and words[b_words[0]][:1].isupper() and \
        s.lower[b_words[0]] not in _NAME_HEADS


def _open_ended(s: SentenceView, k: int) -> bool:
    """Words k.. (to the next comma or clause edge, at most 20) hold *among others*, *inter
    alia* or *etc.*: the list before is open (the guidelines' "X or the like")."""
    n, lw = len(s.words), s.lower
    for t in range(k, min(n, k + _MAX_ITEM)):
        if t > k and not s.space(t):
            return False
        nxt = lw[t + 1] if t + 1 < n and s.space(t + 1) else ""
        if (lw[t], nxt) in _OPEN_END or lw[t] == "etc":
            return True
    return False


def _introductory_name(s: SentenceView, a0: int) -> bool:
    """The words before A's comma are the sentence's opening prepositional phrase naming a
    place or a date (*In New York, firefighters, police officers and ...*): a preposition
    first, then only capitalised words or numbers, while A opens with a lower-case word."""
    lw = s.lower
    if not (a0 >= 2 and opener_kind(lw[0]) == "prep" and s.words[0][:1].isupper()):
        return False
    if any(not s.space(t) for t in range(1, a0)):
        return False  # another comma inside the opening phrase
    names = [t for t in range(1, a0) if s.content[t] or HAS_LETTER.search(lw[t]) is None]
    return bool(names) and all(s.words[t][:1].isupper() or not HAS_LETTER.search(lw[t])
                               for t in names) and s.words[a0][:1].islower()


_RELATIVES = frozenset({"which", "whom", "whose", "where", "when"})
_FRACTIONS = frozenset({"half", "quarter", "third"})
_ADJECTIVE_SUFFIXES = ("al", "ic", "ive", "ous", "ful", "ible", "able", "ant", "ent", "ary",
                       "ish", "less")


def _name_start(s: SentenceView, a0: int) -> int:
    """Where a capitalised name that ends in A's first word begins (*the United States* for A
    = *States*), across capitalised words and a *the* before them; ``a0`` when A opens none."""
    t = a0
    if not s.words[a0][:1].isupper():
        return a0
    while t > 0 and s.space(t) and s.words[t - 1][:1].isupper() and t - 1 > 0:
        t -= 1
    if t < a0 and t > 0 and s.space(t) and s.lower[t - 1] == "the":
        t -= 1
    return t


def _modifier(s: SentenceView, t: int) -> bool:
    """Word ``t`` is an adjective or participle in the lexicon, has an adjective's ending, or
    is unknown to the lexicon (a rare word is given the benefit of the doubt): not a noun,
    name, pronoun or number."""
    word, low = s.words[t], s.lower[t]
    tag = lexical_tags().get(word) or lexical_tags().get(low)
    if tag is None:
        return not word[:1].isupper()
    if low.endswith(_ADJECTIVE_SUFFIXES) and not low.endswith("ment"):
        return True  # "their material, spiritual and moral progress": a noun-or-adjective
    return tag.startswith(("JJ", "VBN", "VBG", "VBD", "RB"))


def _modifiers_of_a_head(s: SentenceView, b, cc) -> bool:
    """B and C are single adjectives (by the lexicon) before one shared lower-case head noun,
    which C's item may hold (*the political and ideological slogans*)."""
    n, tags = len(s.words), lexical_tags()
    b_words = [t for t in range(b[0], b[1]) if s.content[t]]
    c_words = [t for t in range(cc[0], cc[1]) if s.content[t]]
    if len(b_words) != 1 or not c_words or len(c_words) > 2:
        return False
    if len(c_words) == 2:
        head = c_words[1]
    elif cc[1] < n and s.space(cc[1]) and s.content[cc[1]]:
        head = cc[1]
    else:
        return False
    return s.words[head][:1].islower() and \
        all((tags.get(s.lower[t]) or "").startswith("JJ") for t in (b_words[0], c_words[0])) \
        and (tags.get(s.lower[head]) or "NN").startswith("NN")


def _parenthetical_adjunct(s: SentenceView, a0: int, a1: int) -> str | None:
    """The preposition that opens, after a comma, a short parenthesis ending in A (words
    ``a0 .. a1-1``): *mention, in the near future, a conference and a treaty*; *stated,
    according to X, that*; *or, at least, restriction*. The comma follows a verb (not a noun
    the lexicon also reads as one: *by peaceful means, of a unified, independent and ...*) or a
    conjunction, and the parenthesis holds at most five words, no verb and no second
    preposition (not *in the struggle for freedom, independence and peace*: a list inside it)."""
    lw, aux = s.lower, closed_class()["auxiliaries"]
    t = a0
    while t > 0 and not s.comma(t) and a1 - t <= 5:
        t -= 1
    if t < 1 or not s.comma(t) or a1 - t > 5:
        return None
    before, tags = lw[t - 1], lexical_tags()
    verb = (tags.get(before) or "").startswith("VB") and not (
        t >= 2 and (tags.get(lw[t - 2]) or "").startswith(("DT", "JJ", "PRP$", "CD", "IN")))
    if not (verb or before in ("or", "and", "but", "nor", "if", "that")):
        return None  # not "Peace, in Asia, Africa and Europe,": a noun before the comma
    p = t + 1 if lw[t] == "according" and lw[t + 1] == "to" else t
    if opener_kind(lw[p]) != "prep" or any(
            lw[k] in aux or (k > p and opener_kind(lw[k]) == "prep") for k in range(t, a1)):
        return None
    return lw[p]


def _adjective_pair_after(s: SentenceView, a, b, cc) -> bool:
    """B and C are single adjectives (by the lexicon; *the greatest* keeps its article) after
    A, a noun, and nothing continues C's phrase: *States, large and small* describes A, while
    *large and small States* or *peaceful, prosperous and just* stay lists."""
    n, tags = len(s.words), lexical_tags()
    if _modifier(s, a[1] - 1):
        return False
    for it in (b, cc):
        words = [t for t in range(it[0], it[1]) if s.content[t]]
        if len(words) != 1 or not (tags.get(s.lower[words[0]]) or "").startswith("JJ"):
            return False
    return cc[1] >= n or not (s.space(cc[1]) and s.content[cc[1]])


def _HAS_WORD(w: str) -> bool:
    return w == "<ing>" or HAS_LETTER.search(w) is not None


def _modifiers_before(s: SentenceView, a0: int) -> int:
    """Start of the premodifiers joined by spaces right before word a0 (at most three
    lower-case content words that the Brill lexicon tags as nouns, adjectives or past
    participles, or does not know): the rest of an item whose end A was taken for
    (*brutal repression*, *millions of unemployed*). A verb, adverb or conjunction is no
    premodifier (*recognizing the courage*, *plus the United States*), nor is anything before
    a preposition other than *of* (*located in Europe*, *characterized by*)."""
    lw = s.lower
    if opener_kind(lw[a0]) == "prep" and lw[a0] != "of":
        return a0
    tags = lexical_tags()
    r = a0
    while r > 0 and a0 - r < 3 and s.space(r) and not s.words[r - 1][:1].isupper() and \
            s.content[r - 1] and \
            (tags.get(lw[r - 1]) or "NN").startswith(("NN", "JJ", "VBN")):
        r -= 1
    return r


def _verb_ends_clause(s: SentenceView, a, b) -> bool:
    """Is A one word after an auxiliary that the Brill lexicon tags as a verb, while B is a
    noun phrase (a plural noun, or a noun after a determiner; not *must reduce, limit and
    eliminate*, nor a gapped clause whose B ends in a verb: *no battles were fought, no cities
    besieged and no crusades commenced*)? Then A's comma ends a clause, not a list item."""
    if a[1] - a[0] != 1 or a[0] == 0 or s.lower[a[0] - 1] not in AUXILIARIES:
        return False
    tags = lexical_tags()
    head = next((t for t in range(b[0], b[1]) if s.content[t]), b[0])
    noun, last = tags.get(s.lower[head]) or "", tags.get(s.lower[b[1] - 1]) or ""
    return (tags.get(s.lower[a[0]]) or "").startswith("VB") and not last.startswith("VB") and \
        (noun == "NNS" or (noun.startswith("NN") and b[2] == "<det>"))


def _adjectives_after_article(s: SentenceView, a, b) -> bool:
    """Are A an article and one adjective, and B one adjective (the Brill lexicon's tags)?"""
    tags = lexical_tags()
    return a[1] - a[0] == 2 and s.lower[a[0]] in ("a", "an", "the") and b[1] - b[0] == 1 and \
        all((tags.get(s.lower[t]) or "").startswith("JJ") for t in (a[0] + 1, b[0]))


def _tricolon(s: SentenceView):
    lw, n = s.lower, len(s.words)
    found = []
    for c in range(2, n - 1):
        if lw[c] not in ("and", "or") or not (s.space(c) or s.comma(c)):
            continue
        # B: words between a comma and the conjunction
        b0 = c - 1
        while b0 > 0 and s.space(b0) and c - b0 < 8:
            b0 -= 1
        if b0 == 0 or not s.comma(b0):
            continue
        b = forward_item(s, b0, 4, extend=_OF if c - b0 <= 5 else True)
        if b is None and c == b0 + 1 and s.space(c) and lw[b0] in closed_class()["adverbs"] and \
                lw[b0] not in _ORDINALS and lw[b0] not in _LATER and lw[b0] not in _INTRO_ADVERBS and \
                s.content[b0 - 1] and s.content[c + 1] if c + 1 < n else False:
            b = (b0, c, None, 1)  # "a fair, just and civilized world": a listed word is no adverb
        if b is None or b[1] != c:
            continue
        a = backward_item(s, b0 - 1, b[3])
        if a is None or a[3] < 1:
            continue
        if c - b0 > 5 and a[2] == "of":
            continue  # a long B after an of-tail: "the consolidation of reforms, the establishment of ..."
        if a[2] is not None and opener_kind(lw[a[0]]) == "prep" and b[2] is None:
            a = (a[0] + 1, *a[1:]) if a[1] - a[0] > 1 else a
        if not s.space(c + 1):
            continue
        c1 = c + 2 if lw[c + 1] in _FOCUS and c + 2 < n and s.space(c + 2) else c + 1
        cc = forward_item(s, c1, b[3] + 1,
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
        if _open_tail(lw, cc[0], cc[1]):
            continue  # "X, Y and others" (the guidelines' "X or the like")
        if _inside_a_name(s, b, cc):
            continue  # "United Nations Educational, Scientific and Cultural Organization"
        if tuple(lw[a[0]:a[1]]) in _INTRODUCERS or tuple(lw[0:a[1]]) in _INTRODUCERS:
            continue  # "For example, the success and the failure ...": a sentence adverbial
        if cc[1] < n and s.space(cc[1]) and lw[cc[1]] in _ARTICLES and cc[2] is None \
                and cc[3] == 1 and "<det>" in (a[2], b[2]):
            continue  # "the forces of X, the notions of Y, and form the United Nations": C is a
            # verb with its object after noun phrases (not "respect, uphold and advance the ...")
        if _open_ended(s, cc[1]):
            continue  # "A, B and C among others": an open list
        if cc[1] + 1 < n and s.comma(cc[1]) and lw[cc[1]] == lw[b[0]] and s.content[b[0]]:
            continue  # "Osama bin Laden, head of X, and Ayman al-Zawahiri, head of Y": appositions
        if cc[1] + 1 < n and s.comma(cc[1]) and lw[cc[1]] == lw[a[0]] and a[2] is not None:
            continue  # "our A, our B and C, our D ...": a longer list
        if a[0] > 0:
            if lw[a[0] - 1] in _TITLES:
                continue
            if lw[a[0] - 1] in ("and", "or") and not (a[0] >= 2 and s.comma(a[0] - 1)):
                continue  # A is itself part of a coordination (not after ", and": a new conjunct)
            ly_items = all(is_ly(lw[it[0]]) for it in (a, b, cc))
            if s.comma(a[0]) and s.content[a[0] - 1] and not (ly_items and not is_ly(lw[a[0] - 1])) \
                    and not _introductory_name(s, a[0]) and tuple(lw[0:a[0]]) not in _INTRODUCERS:
                continue  # a longer list (not for -ly adverbs after a verb: "negotiate, earnestly, ...")
            r = _modifiers_before(s, a[0])
            if r < a[0] and r > 0 and s.comma(r) and s.content[r - 1] and not ly_items \
                    and not _introductory_name(s, r) and tuple(lw[0:r]) not in _INTRODUCERS \
                    and tuple(lw[max(0, r - 2):r]) not in _INTRODUCERS:
                continue  # "torture, brutal repression, slavery and X": A is the end of a second
                # item, a longer list ("millions of unemployed, an undernourished population ...")
            if lw[0] in _introducers() and not any(s.comma(t) for t in range(1, a[0] + 1)) \
                    and tuple(lw[0:a[0]]) not in _INTRODUCERS \
                    and not _adjectives_after_article(s, a, b):
                continue  # "As a result, A and B", "In 2011, ..."; also after "And/But ..."
                # (not "After a long, dark and turbulent period": no phrase ends in "a long,")
        elif len(lw[0]) > 4 and lw[0].endswith("ly") or lw[a[0]] in _INTRO_ADVERBS or \
                lw[0].endswith(("where", "ever", "time", "times")):
            continue  # "Everywhere, X and Y", "However, ..."
        ly = [is_ly(lw[it[0] + (1 if it[2] else 0)]) for it in items]
        if any(ly) and not all(ly):
            continue
        if b[2] is None and lw[b[0]].endswith("ing") and len(lw[b[0]]) >= 5 and \
                not lw[a[0] + (0 if s.content[a[0]] else 1)].endswith("ing"):
            continue  # "the roots of extremism, using best practices and ...": a participle
        if c + 2 < n and lw[c + 1] == "a" and lw[c + 2] in _FRACTIONS:
            continue  # "two and a half years": a number
        if cc[1] + 2 < n and s.comma(cc[1]) and s.content[cc[1]] and \
                lw[cc[1] + 1] in ("and", "or") and s.space(cc[1] + 1) and \
                (cc[1] + 3 >= n or not s.space(cc[1] + 3)) and \
                all(b[3] == 1 and (lexical_tags().get(lw[t]) or "").startswith("JJ")
                    for t in (b[1] - 1, cc[1] - 1)):
            continue  # "all the peoples, great or small, rich or poor": pairs of adjectives
            # after a noun, not a list of three
        a_start = _name_start(s, a[0])
        if a_start < a[0] and a_start > 0 and s.comma(a_start) and \
                s.words[a_start - 1][:1].isupper():
            continue  # "the United Kingdom, the United States, France and Turkey": four names
        if _modifiers_of_a_head(s, b, cc) and not _modifier(s, a[1] - 1) and \
                not all(s.words[it[1] - 1][:1].isupper() for it in (a, b, cc)):
            continue  # "opposing camps, anomalous and dangerous situations": B and C modify
            # one head, A is a noun (not demonyms: "Lebanese, Egyptian and Jordanian borders")
        if _parenthetical_adjunct(s, a[0], a[1]) not in (None, lw[b[0]]) and \
                not _adjectives_after_article(s, a, b):
            continue  # "we have, for instance, established X and Y", "stated, according to
            # Le Monde, that X and Y": A is a parenthesis
        if cc[1] + 1 < n and lw[cc[1]] == "of" and lw[cc[1] + 1] in ("which", "whom") and \
                lw[b[0]] == "the" and lw[cc[0]] != "the":
            continue  # "the problem involved, the importance and seriousness of which": B and C
            # open a relative clause about A (not "the upheavals, dictatorships and tyrannies
            # of which": a list the clause is about)
        if _verb_ends_clause(s, a, b):
            continue  # "whatever form of society one may live, the wonders and successes ...",
            # "even if it is adopted, risks and uncertainties remain": A ends a clause
        if _adjective_pair_after(s, a, b, cc):
            continue  # "Member States, large and small", "the war, the greatest and
            # bloodiest": two adjectives describe A, a noun; they are not two more items
        if (lw[b[0]] in _RELATIVES or lw[b[0]] == "who") and lw[a[0]] != lw[b[0]]:
            continue  # "the Church, whose devotion and concern": a relative clause about A
            # (not "whose A, whose B and whose C": three parallel items)
        if lw[b[0]] in ("a", "an") and lw[cc[0]] in ("a", "an") and \
                lw[a[0]] not in ("a", "an") and any(
                    s.words[t][:1].isupper() for t in range(a[0], a[1])):
            continue  # "the United States, a great Power and a permanent member of the
            # Council": two appositions describe a name (sixteenth round)
        if opener_kind(lw[a[0]]) == "prep" and a[1] - a[0] >= 2 and s.comma(a[1]) and \
                opener_kind(lw[b[0]]) != "prep" and (a[0] == 0 or s.comma(a[0])):
            continue  # "Without a doubt, his skills and experience", "a third, in Georgia's
            # case, the lack of fuel and raw materials": A is an adverbial before or inside
            # the clause, not an item (sixteenth round)
        if a_start < a[0]:
            a = (a_start, *a[1:])  # "Hong Kong, Quemoy and Taiwan": A is the whole name
            items = (a, b, cc)
        spans = [s.span(it[0], it[1]) for it in items]
        kind = "word" if all(it[3] == 1 and it[1] - it[0] <= 2 for it in items) else "phrase"
        found.append(Found(kind, "A, B and C", "", spans[0][0], spans[2][1], spans, s.index,
                           s.index))
    return found
