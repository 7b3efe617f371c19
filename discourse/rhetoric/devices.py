"""Rhetorical devices, each detection with its evidence: sentence, offsets, matched parts.

Five detectors, tuned for precision over recall (see ``docs/rhetoric.md`` for what
each one misses). They read the body sentences of :func:`discourse.text.sentences.sentence_spans`
(headings left out), on the length-preserving :func:`~discourse.corpus.normalize.fold_typography`
fold, so every offset points into ``Document.text``. Without a part-of-speech tagger, phrase
shapes are judged with closed-class word lists (:file:`discourse/data/lexicons/closed_class.yaml`):
a *content word* is a word in none of those lists and not a bare number; an *item* is an
optional opener (determiner, possessive, preposition, infinitival *to*) followed by content
words, with no punctuation inside.

antithesis
    Contrast frames, ``pattern`` says which: ``"X, not Y"`` (X and Y items of the same shape:
    X with at most as many content words as Y, the same preposition if Y has one, a determiner
    in X if Y has one), ``"not X but Y"`` (both items, the same opening preposition or *to*;
    Y may not start with a pronoun, so a clause-level *but* does not count), ``"X rather than
    Y"``, ``"X instead of Y"`` (X as long as Y, a coordination *A and B* allowed),
    ``"not only X but also Y"`` (also *not just/merely/simply*, with or without *also*; X is
    everything up to *but*, Y runs to the next clause boundary), ``"instead of X, Y"`` (and
    *rather than X, Y*, opening a sentence). ``part_a`` = X, ``part_b`` = Y.
tricolon
    ``A, B(,) and|or C``: three items; B lies between a comma and the conjunction and is an
    item of at most five words; A is the item just before B's comma with as many content words
    as B; C is the item after the conjunction with at most one content word more than B. The
    three content-word counts differ by at most two; a preposition opening B or C must also
    open A. Rejected: any item without a letter (years), lists of four or more (a comma and a
    content word before A), a first item that opens the sentence after an introductory function
    word or adverb (*As a result, Syria and Iraq ...*; *Today, ...*), salutations
    (*Mr. President, ladies and gentlemen*). ``part_a..part_c`` = A, B, C.
anaphora
    Consecutive units (sentences; and, separately, clauses of one sentence split at ``, ; :``
    and dashes) opening with the same 1-4 words. The shared words must include a non-trivial
    word (not an article, preposition, conjunction, pronoun, or a form of *be/have/do*), every
    unit must go on for at least one more word (two for sentences), and there must be at least
    three units, or two when the shared opening has two or more words and is not a proper name
    (*We must ... We must ...*, but not *The United Nations ... The United Nations ...*).
    ``key`` = the shared words, ``part_a..part_c`` = the first three units, ``n_parts`` = all.
epistrophe
    The mirror image: at least three consecutive units ending with the same 1-4 words, the last
    of which is a content word (*... of the people, by the people, for the people*).
rhetorical_question
    A body sentence ending in ``?``, in a text that is not a dialogue (no two paragraphs open
    with a speaker label such as ``Q:`` or ``Name:``), and not itself quoted (no quotation mark
    left open before its ``?``). ``pattern`` is ``"hypophora"`` when the next sentence of the
    paragraph answers it (opens with *No, Yes, Of course, Certainly, Because, The answer ...*),
    else ``"question"``; ``part_b`` is that answer.

>>> t = detect_devices("We chose cooperation, not confrontation.")
>>> t[["device", "pattern", "part_a", "part_b", "match"]].values.tolist()
[['antithesis', 'X, not Y', 'cooperation', 'confrontation', 'cooperation, not confrontation']]
"""
from __future__ import annotations

import bisect
import re
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd
import yaml
from tqdm.auto import tqdm

from .._validation import check_choice
from ..corpus.documents import Document, as_corpus
from ..errors import ResourceError

__all__ = ["detect_devices", "stat_devices", "closed_class", "DEVICES", "DEVICE_COLUMNS",
           "device_columns"]

#: The detectors, in table order.
DEVICES = ("antithesis", "tricolon", "anaphora", "epistrophe", "rhetorical_question")
#: Columns of :func:`detect_devices`: one row per detection. ``pattern`` names the frame or
#: variant, ``key`` the repeated words (anaphora, epistrophe); ``sentence`` is the index of
#: the (first) sentence in :func:`discourse.text.sentences.sentence_spans`, ``sentence_start`` /
#: ``sentence_end`` the offsets of the sentence(s) involved and ``sentence_text`` their text;
#: ``start``/``end`` the offsets of ``match`` (``doc.text[start:end] == match``); ``part_a``,
#: ``part_b``, ``part_c`` the matched parts (empty string when a device has fewer), ``n_parts``
#: how many parts the detection has.
DEVICE_COLUMNS = ["doc_id", "device", "pattern", "key", "sentence", "sentence_start",
                  "sentence_end", "start", "end", "match", "part_a", "part_b", "part_c",
                  "n_parts", "sentence_text"]

_SPACE_ONLY = re.compile(r"^[ \t\n]+$")
_COMMA_GAP = re.compile(r"^[ \t]*,[ \t\n]+$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_NOT_FOLLOWERS = frozenset("only just merely simply least even yet necessarily always so too "
                           "because all many much more most every each any one quite exactly "
                           "entirely completely really once since until that this these those "
                           "enough far long".split())
_LY_NOUNS = frozenset("family italy ally assembly supply rally reply anomaly july monopoly "
                      "homily folly belly jelly lily bully".split())
_INTRO_ADVERBS = frozenset("today yesterday tomorrow now then recently lately currently "
                           "historically traditionally ultimately initially subsequently "
                           "additionally first second third last".split())
_SALUTATION = frozenset("ladies gentlemen excellencies excellency madam sir".split())
_CORRELATIVE = frozenset({"both", "either", "neither"})
_TITLES = frozenset("mr mrs ms madam dr".split())
_ANSWER = re.compile(r"^\W*(no|yes|of course|certainly|surely not|because|the answer|never|"
                     r"absolutely|not at all|indeed|clearly)\b", re.IGNORECASE)
_SPEAKER_LABEL = re.compile(r"^(?:Q|A|Question|Answer|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})\s?:\s")
_CLAUSE_SPLIT = re.compile(r"\s*(?:[,;:]|\s-{1,2}\s|\s?—\s?)\s*")


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
def _classes():
    cc = closed_class()
    function = frozenset().union(*cc.values())
    determiners = cc["determiners"] | cc["possessives"]
    prepositions = cc["prepositions"]
    trivial = (function - cc["negators"] - {"no", "never", "will", "shall", "must", "can",
                                             "cannot", "should", "would", "could", "may", "might"})
    return function, determiners, prepositions, trivial


# ---------------------------------------------------------------------------------------------
# Sentence view: words with offsets and the gaps between them
# ---------------------------------------------------------------------------------------------

@cache
def _content_memo() -> dict:
    """lower-case word -> is it a content word (not a function word, has a letter)?"""
    return {}


def _is_content(word: str, memo: dict) -> bool:
    value = word not in _classes()[0] and (word.isalpha() or _HAS_LETTER.search(word) is not None)
    if len(memo) < 500_000:
        memo[word] = value
    return value


class _Sentence:
    __slots__ = ("index", "start", "end", "words", "lower", "spans", "gaps", "content")

    def __init__(self, index, start, end, parsed):
        self.index, self.start, self.end = index, start, end
        i, j = parsed.words_in(start, end)
        self.words = parsed.words(i, j)
        self.spans = parsed.word_spans(i, j)
        self.lower = parsed.lower_words(i, j)
        # gaps[i] = text between word i-1 and word i (gaps[0]: sentence start to word 0)
        self.gaps = parsed.gaps(i, j)
        if self.gaps:
            self.gaps[0] = parsed.folded[start:self.spans[0][0]]
        content = _content_memo()
        self.content = [content[w] if w in content else _is_content(w, content)
                        for w in self.lower]

    def joined(self, i, j):
        """Words i..j-1 joined by whitespace only?"""
        return all(_SPACE_ONLY.match(self.gaps[k]) for k in range(i + 1, j))


def _opener_kind(word):
    _, determiners, prepositions, _ = _classes()
    if word in prepositions:
        return "prep"
    if word in determiners:
        return "det"
    return None


def _forward_item(s: _Sentence, i: int, max_content: int, *, extend: bool = False,
                  coordinate: bool = False):
    """An item starting at word i: openers (at most a preposition and a determiner) then
    1..max_content content words; with ``extend``, ``of``/prepositional tails and
    ``and``/``or`` coordination may continue it. Returns (i, j, opener, n_content) or None."""
    n = len(s.words)
    j, opener = i, None
    for _ in range(2):
        if j < n and _opener_kind(s.lower[j]) and (j == i or _SPACE_ONLY.match(s.gaps[j])):
            if opener is None:
                opener = s.lower[j] if _opener_kind(s.lower[j]) == "prep" else "<det>"
            j += 1
    if j > i and j < n and not _SPACE_ONLY.match(s.gaps[j]):
        return None
    k, count = j, 0
    while k < n and s.content[k] and count < max_content and (k == j or _SPACE_ONLY.match(s.gaps[k])):
        k += 1
        count += 1
    if count == 0:
        return None
    while (extend or coordinate) and k + 1 < n and _SPACE_ONLY.match(s.gaps[k]):
        link = s.lower[k]
        if not ((extend is True and _opener_kind(link) == "prep") or
                (isinstance(extend, frozenset) and link in extend) or
                (coordinate and link in ("and", "or"))):
            break
        tail = _forward_item(s, k + 1, max_content)
        if tail is None or not _SPACE_ONLY.match(s.gaps[k + 1]):
            break
        k = tail[1]
        count += tail[3]
    return i, k, opener, count


def _backward_item(s: _Sentence, j: int, n_content: int, *, coordinate: bool = False):
    """An item ending at word j (inclusive) with up to n_content content words (plus one
    ``A and B`` coordination if asked), and the openers just before it.
    Returns (i, j + 1, opener, n_content) or None."""
    k, count = j, 0
    while k >= 0 and s.content[k] and count < n_content and (k == j or _SPACE_ONLY.match(s.gaps[k + 1])):
        k -= 1
        count += 1
    if count == 0:
        return None
    if (coordinate and k >= 1 and s.lower[k] in ("and", "or") and s.content[k - 1]
            and _SPACE_ONLY.match(s.gaps[k + 1]) and _SPACE_ONLY.match(s.gaps[k])):
        k -= 1
        while k >= 0 and s.content[k] and _SPACE_ONLY.match(s.gaps[k + 1]) and count < n_content + 3:
            k -= 1
            count += 1
    first = k + 1
    opener = None
    for _ in range(2):
        if k >= 0 and _opener_kind(s.lower[k]) and _SPACE_ONLY.match(s.gaps[k + 1]):
            kind = _opener_kind(s.lower[k])
            if opener is None or (opener == "<det>" and kind == "prep"):
                opener = s.lower[k] if kind == "prep" else "<det>"
            first = k
            k -= 1
        else:
            break
    return first, j + 1, opener, count


def _compatible(opener_x, opener_y) -> bool:
    """Openers of two contrasted items: a preposition (or *to*) must be repeated; a
    determiner in Y needs one in X."""
    if opener_y is None:
        return True
    if opener_y == "<det>":
        return opener_x is not None
    return opener_x == opener_y


def _clause_end(s: _Sentence, i: int, max_words: int = 25) -> int:
    """End (exclusive word index) of the clause starting at word i: stops before a dash,
    ; : or a comma followed by a function word (a comma between two content words, as in
    "new, balanced diplomacy", is crossed)."""
    n = len(s.words)
    k = i + 1
    while k < n and k - i < max_words:
        gap = s.gaps[k]
        if not _SPACE_ONLY.match(gap):
            if not (_COMMA_GAP.match(gap) and s.content[k] and s.content[k - 1]):
                break
        k += 1
    return k


# ---------------------------------------------------------------------------------------------
# Detectors: each yields (pattern, key, start, end, parts) with parts = [(start, end), ...]
# ---------------------------------------------------------------------------------------------

def _span(s, item):
    return s.spans[item[0]][0], s.spans[item[1] - 1][1]


def _antithesis(s: _Sentence):
    lw, n = s.lower, len(s.words)
    found = []
    for k, w in enumerate(lw):
        nxt = lw[k + 1] if k + 1 < n else ""
        if w == "not" and k + 1 < n:
            if nxt in ("only", "just", "merely", "simply"):
                found.extend(_not_only(s, k))
            else:
                found.extend(_not_but(s, k))
                if k > 0 and _COMMA_GAP.match(s.gaps[k]) and nxt not in _NOT_FOLLOWERS:
                    found.extend(_x_not_y(s, k))
        elif (w, nxt) in (("rather", "than"), ("instead", "of")) and _SPACE_ONLY.match(s.gaps[k + 1]):
            if k == 0:
                found.extend(_instead_of_x_y(s, k))
            elif k > 0 and _SPACE_ONLY.match(s.gaps[k]):
                found.extend(_x_rather_than_y(s, k))
    return found


def _x_not_y(s, k):
    y = _forward_item(s, k + 1, 4)
    if y is None:
        return []
    first_y = s.lower[y[0] + (1 if y[2] else 0)]
    if (_is_ly(first_y) and y[3] == 1) or s.lower[k + 1:k + 3] in (["a", "single"], ["a", "few"]):
        return []
    x = _backward_item(s, k - 1, y[3])
    if x is None or not _compatible(x[2], y[2]):
        return []
    if y[2] is None and x[2] is not None:  # X's opener is not part of the contrast
        x = (x[1] - _content_len(s, x), *x[1:])
    (xs, xe), (ys, ye) = _span(s, x), _span(s, y)
    return [("X, not Y", "", xs, ye, [(xs, xe), (ys, ye)])]


def _not_but(s, k):
    x = _forward_item(s, k + 1, 4, extend=True)
    if x is None or x[1] >= len(s.words) or s.lower[x[1]] != "but":
        return []
    b = x[1]
    if not (_SPACE_ONLY.match(s.gaps[b]) or _COMMA_GAP.match(s.gaps[b])):
        return []
    j = b + 1
    if j < len(s.words) and s.lower[j] in ("rather", "also") and _SPACE_ONLY.match(s.gaps[j]):
        j += 1
    if j >= len(s.words) or not _SPACE_ONLY.match(s.gaps[j]):
        return []
    y = _forward_item(s, j, x[3] + 2, extend=True)
    if y is None:
        return []
    if (x[2] or y[2]) and x[2] != y[2] and not (x[2] == "<det>" and y[2] is None) \
            and not (y[2] == "<det>" and x[2] is None):
        return []
    (xs, xe), (ys, ye) = _span(s, x), _span(s, y)
    return [("not X but Y", "", s.spans[k][0], ye, [(xs, xe), (ys, ye)])]


def _not_only(s, k):
    lw, n = s.lower, len(s.words)
    i = k + 2
    if i >= n:
        return []
    b = next((t for t in range(i + 1, min(n, i + 31)) if lw[t] == "but"), None)
    if b is None or any(not (_SPACE_ONLY.match(s.gaps[t]) or _COMMA_GAP.match(s.gaps[t]))
                        for t in range(i, b + 1)):
        return []
    j = b + 1
    if j < n and lw[j] in ("also", "too") and _SPACE_ONLY.match(s.gaps[j]):
        j += 1
    if j >= n or not _SPACE_ONLY.match(s.gaps[j]):
        return []
    e = _clause_end(s, j)
    xs, xe = s.spans[i][0], s.spans[b - 1][1]
    ys, ye = s.spans[j][0], s.spans[e - 1][1]
    return [("not only X but also Y", "", s.spans[k][0], ye, [(xs, xe), (ys, ye)])]


def _x_rather_than_y(s, k):
    y = _forward_item(s, k + 2, 4, coordinate=True)
    if y is None:
        return []
    x = _backward_item(s, k - 1, y[3], coordinate=True)
    if x is None or not _compatible(x[2], y[2]):
        return []
    if y[2] is None and x[2] is not None:
        x = (x[1] - _content_len(s, x), *x[1:])
    pattern = "X rather than Y" if s.lower[k] == "rather" else "X instead of Y"
    (xs, xe), (ys, ye) = _span(s, x), _span(s, y)
    return [(pattern, "", xs, ye, [(xs, xe), (ys, ye)])]


def _content_len(s, item):
    """Number of words of an item after its openers."""
    i, j = item[0], item[1]
    while i < j and not s.content[i] and _opener_kind(s.lower[i]):
        i += 1
    return j - i


def _instead_of_x_y(s, k):
    n = len(s.words)
    i = k + 2
    c = next((t for t in range(i + 1, min(n, i + 13)) if not _SPACE_ONLY.match(s.gaps[t])), None)
    if c is None or not _COMMA_GAP.match(s.gaps[c]):
        return []
    e = _clause_end(s, c, 20)
    xs, xe = s.spans[i][0], s.spans[c - 1][1]
    ys, ye = s.spans[c][0], s.spans[e - 1][1]
    pattern = "instead of X, Y" if s.lower[k] == "instead" else "rather than X, Y"
    return [(pattern, "", s.spans[k][0], ye, [(xs, xe), (ys, ye)])]


_OF = frozenset({"of"})


def _is_ly(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly") and word not in _LY_NOUNS


@cache
def _introducers() -> frozenset[str]:
    cc = closed_class()
    return cc["prepositions"] | cc["conjunctions"] | cc["adverbs"]


def _tricolon(s: _Sentence):
    lw, n = s.lower, len(s.words)
    found = []
    for c in range(3, n - 1):
        if lw[c] not in ("and", "or") or not (_SPACE_ONLY.match(s.gaps[c]) or _COMMA_GAP.match(s.gaps[c])):
            continue
        # B: words between a comma and the conjunction
        b0 = c - 1
        while b0 > 0 and _SPACE_ONLY.match(s.gaps[b0]) and c - b0 < 5:
            b0 -= 1
        if b0 == 0 or not _COMMA_GAP.match(s.gaps[b0]):
            continue
        b = _forward_item(s, b0, 4, extend=_OF)
        if b is None or b[1] != c:
            continue
        a = _backward_item(s, b0 - 1, b[3])
        if a is None or a[3] < 1:
            continue
        if a[2] is not None and _opener_kind(lw[a[0]]) == "prep" and b[2] is None:
            a = (a[0] + 1, *a[1:]) if a[1] - a[0] > 1 else a
        if not _SPACE_ONLY.match(s.gaps[c + 1]):
            continue
        cc = _forward_item(s, c + 1, b[3] + 1,
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
        if any(not any(_HAS_LETTER.search(lw[t]) for t in range(it[0], it[1])) for it in items):
            continue
        if a[0] > 0:
            if lw[a[0] - 1] in _TITLES:
                continue
            if _COMMA_GAP.match(s.gaps[a[0]]) and s.content[a[0] - 1]:
                continue  # a longer list
            if lw[0] in _introducers() and not any(_COMMA_GAP.match(s.gaps[t]) for t in range(1, a[0] + 1)):
                continue  # "As a result, A and B", "In 2011, ..."
        elif len(lw[0]) > 4 and lw[0].endswith("ly") or lw[a[0]] in _INTRO_ADVERBS:
            continue
        ly = [_is_ly(lw[it[0] + (1 if it[2] else 0)]) for it in items]
        if any(ly) and not all(ly):
            continue
        spans = [_span(s, it) for it in items]
        found.append(("A, B and C", "", spans[0][0], spans[2][1], spans))
    return found


def _units(sentences, folded):
    """Clause units of each sentence: (sentence index, start, end, words lower, words raw)."""
    out = []
    for si, s in enumerate(sentences):
        pos = s.start
        text = folded[s.start:s.end]
        pieces = []
        for m in _CLAUSE_SPLIT.finditer(text):
            pieces.append((pos, s.start + m.start()))
            pos = s.start + m.end()
        pieces.append((pos, s.end))
        starts = [ws for ws, _ in s.spans]
        for a, b in pieces:
            lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
            while hi > lo and s.spans[hi - 1][1] > b:
                hi -= 1
            if hi - lo > 1 and s.lower[lo] in ("and", "or", "but", "nor"):
                lo += 1  # "..., and they get their orders from Iran"
            if hi > lo:
                out.append((si, s.spans[lo][0], s.spans[hi - 1][1], s.lower[lo:hi], s.words[lo:hi]))
    return out


def _is_proper(key_words, raw, folded) -> bool:
    """Are the key's content words proper names (capitalised, never written in lower case
    in the document)?"""
    function = _classes()[0]
    content = [(w, r) for w, r in zip(key_words, raw) if w not in function]
    return bool(content) and all(r[:1].isupper() and
                                 re.search(rf"\b{re.escape(w)}\b", folded) is None
                                 for w, r in content)


def _repetitions(units, folded, *, end: bool, min_extra: int, pairs_ok: bool):
    """Runs of consecutive units sharing their first (or last) 1-4 words."""
    function, _, _, trivial = _classes()
    found, i = [], 0
    pick = (lambda u: u[3][-1]) if end else (lambda u: u[3][0])
    while i < len(units):
        j = i + 1
        while j < len(units) and pick(units[j]) == pick(units[i]):
            j += 1
        run = units[i:j]
        i = j
        if len(run) < 2:
            continue
        seqs = [u[3][::-1] if end else u[3] for u in run]
        k = 0
        while k < 4 and all(len(q) > k + min_extra and q[k] == seqs[0][k] for q in seqs):
            k += 1
        if k == 0:
            continue
        key_words = seqs[0][:k][::-1] if end else seqs[0][:k]
        raw = run[0][4][-k:] if end else run[0][4][:k]
        if not any(w not in trivial and _HAS_LETTER.search(w) for w in key_words):
            continue
        if end and key_words[-1] in function:
            continue
        if end and any(len(u[3]) > 12 for u in run[1:]):
            continue
        if _is_proper(key_words, raw, folded) and (len(run) < 3 or any(len(u[3]) > 15 for u in run)):
            continue  # "The United Nations ... The United Nations ...": repeated name, no device
        if len(run) >= 3 or (pairs_ok and k >= 2):
            found.append((" ".join(key_words), run))
    return found


def _rhetorical_questions(sentences, folded, doc):
    if sum(1 for b in doc.body_blocks() if _SPEAKER_LABEL.match(folded[b.start:b.end])) >= 2:
        return []
    found = []
    for idx, s in enumerate(sentences):
        text = folded[s.start:s.end].rstrip()
        stripped = text.rstrip("\"')]")
        if not stripped.endswith("?") or not s.words:
            continue
        if stripped.count('"') % 2 == 1 or (stripped != text and '"' in text[len(stripped):]):
            continue
        pattern, answer = "question", None
        nxt = sentences[idx + 1] if idx + 1 < len(sentences) else None
        if nxt is not None and "\n" not in folded[s.end:nxt.start] and \
                not folded[nxt.start:nxt.end].rstrip().endswith("?") and \
                _ANSWER.match(folded[nxt.start:nxt.end]):
            pattern, answer = "hypophora", (nxt.start, nxt.end)
        end = s.start + len(text)
        parts = [(s.start, end)] + ([answer] if answer else [])
        found.append((idx, pattern, s.start, end, parts, answer))
    return found


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------

def _check_devices(devices, func):
    if devices is None:
        return list(DEVICES)
    if isinstance(devices, str):
        devices = [devices]
    for d in devices:
        check_choice("devices", d, DEVICES, func)
    return list(devices)


def _doc_rows(doc: Document, devices) -> tuple[list, int, int]:
    from ..text.parsed import parse

    parsed = parse(doc)
    folded = parsed.folded
    sentences = [_Sentence(i, a, b, parsed) for i, (a, b) in enumerate(parsed.sentences)]
    rows = []
    text = doc.text

    def row(device, pattern, key, first, last, start, end, parts, n_parts=None):
        ps = [text[a:b] for a, b in parts] + [""] * (3 - min(3, len(parts)))
        s0, s1 = first.start, last.end
        rows.append((doc.id, device, pattern, key, first.index, s0, s1, start, end,
                     text[start:end], ps[0], ps[1], ps[2], n_parts or len(parts), text[s0:s1]))

    for s in sentences:
        if "antithesis" in devices:
            seen = set()
            for pattern, key, a, b, parts in _antithesis(s):
                if (a, b) not in seen:
                    seen.add((a, b))
                    row("antithesis", pattern, key, s, s, a, b, parts)
        if "tricolon" in devices:
            for pattern, key, a, b, parts in _tricolon(s):
                row("tricolon", pattern, key, s, s, a, b, parts)
    units = _units(sentences, folded) if {"anaphora", "epistrophe"} & set(devices) else []
    for device, end in (("anaphora", False), ("epistrophe", True)):
        if device not in devices:
            continue
        # sentence-level runs: each sentence as one unit; clause-level runs: inside one sentence
        whole = [(si, s.start, s.end, s.lower, s.words) for si, s in enumerate(sentences) if s.words]
        runs = [("sentences", r) for r in _repetitions(whole, folded, end=end, min_extra=1,
                                                        pairs_ok=not end)]
        by_sentence = {}
        for u in units:
            by_sentence.setdefault(u[0], []).append(u)
        for us in by_sentence.values():
            if len(us) >= 2:
                runs += [("clauses", r) for r in _repetitions(us, folded, end=end, min_extra=1,
                                                               pairs_ok=not end)]
        for scope, (key, run) in runs:
            parts = [(u[1], u[2]) for u in run]
            row(device, scope, key, sentences[run[0][0]], sentences[run[-1][0]],
                run[0][1], run[-1][2], parts[:3], len(parts))
    if "rhetorical_question" in devices:
        for idx, pattern, a, b, parts, answer in _rhetorical_questions(sentences, folded, doc):
            last = sentences[idx + 1] if answer else sentences[idx]
            row("rhetorical_question", pattern, "", sentences[idx], last, a, b, parts)
    n_tokens = sum(len(s.words) for s in sentences)
    return rows, n_tokens, len(sentences)


def detect_devices(document_or_corpus, *, devices=None, progress: bool = False) -> pd.DataFrame:
    """Every detection of the rhetorical devices, with its evidence.

    Parameters
    ----------
    document_or_corpus : Document, Corpus or str
        A bare string becomes a document with id ``"text"``.
    devices : list of str, optional
        Subset of :data:`DEVICES` (default: all).
    progress : bool, default=False

    Returns
    -------
    DataFrame
        :data:`DEVICE_COLUMNS`, one row per detection, sorted by document, offset, device.

    Examples
    --------
    >>> t = detect_devices("We need peace, security and development.", devices=["tricolon"])
    >>> t[["part_a", "part_b", "part_c", "start", "end"]].values.tolist()
    [['peace', 'security', 'development', 8, 39]]
    """
    devs = _check_devices(devices, "detect_devices")
    rows = []
    for doc in tqdm(list(as_corpus(document_or_corpus, "detect_devices")), desc="devices",
                    disable=not progress):
        rows.extend(_doc_rows(doc, devs)[0])
    table = pd.DataFrame(rows, columns=DEVICE_COLUMNS)
    if len(table):
        order = {d: i for i, d in enumerate(DEVICES)}
        table = (table.assign(_o=table["device"].map(order))
                 .sort_values(["doc_id", "start", "_o", "end"], kind="stable")
                 .drop(columns="_o").reset_index(drop=True))
    ints = ["sentence", "sentence_start", "sentence_end", "start", "end", "n_parts"]
    return table.astype({c: "int64" for c in ints})


def device_columns(devices=DEVICES) -> list[str]:
    """Columns of :func:`stat_devices` for the given devices.

    >>> device_columns(["tricolon"])
    ['doc_id', 'n_tokens', 'n_sentences', 'tricolon_count', 'tricolon_per_1k']
    """
    cols = ["doc_id", "n_tokens", "n_sentences"]
    for d in devices:
        cols += [f"{d}_count", f"{d}_per_1k"]
    return cols


def stat_devices(corpus, *, devices=None, progress: bool = False) -> pd.DataFrame:
    """Per-document counts and rates per 1,000 words of each rhetorical device.

    Parameters
    ----------
    corpus : Corpus, Document or str
    devices : list of str, optional
        Subset of :data:`DEVICES` (default: all).
    progress : bool, default=False

    Returns
    -------
    DataFrame
        :func:`device_columns`: ``doc_id``, ``n_tokens`` (word tokens of the body sentences),
        ``n_sentences``, ``<device>_count`` and ``<device>_per_1k`` (NaN for a document
        without tokens). The detections behind the counts are :func:`detect_devices`.

    Examples
    --------
    >>> t = stat_devices("Cooperation, not confrontation.", devices=["antithesis"])
    >>> t[["n_tokens", "antithesis_count", "antithesis_per_1k"]].values.tolist()
    [[3.0, 1.0, 333.3333333333333]]
    """
    devs = _check_devices(devices, "stat_devices")
    out = []
    for doc in tqdm(list(as_corpus(corpus, "stat_devices")), desc="devices", disable=not progress):
        rows, n_tokens, n_sentences = _doc_rows(doc, devs)
        rec = {"doc_id": doc.id, "n_tokens": n_tokens, "n_sentences": n_sentences}
        for d in devs:
            count = sum(1 for r in rows if r[1] == d)
            rec[f"{d}_count"] = count
            rec[f"{d}_per_1k"] = 1000.0 * count / n_tokens if n_tokens else np.nan
        out.append(rec)
    return pd.DataFrame(out, columns=device_columns(devs))
