"""Reported speech and quotations: who says what, found in the text alone (no gazetteer).

:func:`quote_spans` finds, in the body of a document,

* **direct** quotations: words inside quotation marks (straight or curly double quotes, and
  curly single quotes ``‘…’``) attributed to a speaker by a reporting clause in the same
  sentence (``"…," he said``; ``"…," said X``; ``X said: "…"``; ``X told reporters, "…"``;
  ``"…", according to X``), by the reported speech they sit in (``X said the shelling was
  "very heavy"``), by a verb of communication or judgement whose clause holds the fragment
  (``Sharon branded it a "sponsor of terrorism"``: the ``fragment`` list), or by the running
  speaker: a quotation that opens a sentence right after an attributed quotation (nothing but
  the attribution between them), after reported speech, or after a sentence whose named
  subject spoke (``Vedrine accused Israel of … . "…"``), and the news convention of a
  quotation reopened without being closed (``"… the hills. "He is here …``), continue the
  speaker before. Quotation marks without any of these (titles, scare quotes) are not quotes;
* **reported** speech: a verb of saying with a finite content clause, with or without *that*
  (``X said/told reporters/noted/announced/warned (that) …``), *according to X, …* and
  postposed attributions (``…, a spokesman said``). The verbs and what may follow them are the
  shipped list ``discourse/data/lexicons/reporting.yaml``: *say* takes any clause; *tell* an
  addressee first; *announce, warn, add, confirm …* a clause opening with *that* or a subject
  pronoun (``announced a plan`` is an object, not speech); nouns-or-verbs (*states, notes,
  reported, claims*) only *that*. Reports of thought (*believe, think, hope*), infinitives
  (``said to be``, ``told him to leave``), passives (``was told``) and the author's own present
  speech acts (``I say that``, ``we stress that``, outside quotation marks) are left out.

The **speaker** is the noun phrase of the reporting clause as it stands (``he``,
``Tony Sherbon``, ``a spokesman for the army``; the first of coordinated persons).
``speaker_name`` resolves it where the text allows: a pronoun (*he, she, they, it*; *I, we*
inside a quotation: its speaker; outside one: the author, ``speaker_kind = "author"``) and a
title used alone (*the Palestinian leader*) take the person who is the subject of the
sentence before, or the nearest earlier speaker of the same kind within three sentences when
no other person was named since, or, for *he/she*, the only person named before it in its
sentence (or in that sentence and the one before); titles are stripped from a person's name
(``Israeli Prime Minister Ariel Sharon`` → ``Ariel Sharon``) and a surname alone takes the full
name the document gives it elsewhere (``Mr Arafat`` → ``Yasser Arafat``). Unresolved pronouns
keep an empty ``speaker_name``. :func:`discourse.actors.quotes.find_quotes` adds the gazetteer
actor.

Offsets index ``Document.text``; the quoted or reported content excludes the quotation marks,
the word *that* and final punctuation (``docs/annotation.md`` §8).

>>> rows = quote_spans('"We will win," he said. Officials said the talks would resume.')
>>> rows[["kind", "text", "speaker", "cue"]].values.tolist()
[['direct', 'We will win', 'he', 'said'], ['reported', 'the talks would resume', 'Officials', 'said']]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import pandas as pd

from ..corpus.documents import as_corpus
from ..text.parsed import parse

__all__ = ["quote_spans", "quoted_regions", "stat_quoted", "QUOTE_SPAN_COLUMNS",
           "QUOTED_COLUMNS", "reporting_verbs"]

#: Columns of :func:`quote_spans`. ``start``/``end``: the content; ``text`` its text;
#: ``speaker_start``/``speaker_end``/``speaker``: the speaker as written (-1/-1/"" when none);
#: ``speaker_name``: the speaker resolved (antecedent of a pronoun, a person's name without
#: titles, a noun phrase without its article; "" when a pronoun is not resolved);
#: ``speaker_kind``: ``person``, ``group`` (a noun phrase or a name of a body) or ``pronoun``
#: (unresolved); ``cue``: the reporting verb (or ``according to``, or ``continued`` for a
#: quotation continuing the running speaker); ``rule``: the pattern that fired; ``sentence``:
#: index into the body sentences (:attr:`~discourse.text.parsed.Parsed.sentences`).
QUOTE_SPAN_COLUMNS = ["doc_id", "start", "end", "text", "kind", "speaker_start", "speaker_end",
                      "speaker", "speaker_name", "speaker_kind", "cue", "rule", "sentence"]


#: Columns of :func:`stat_quoted` (the profile's ``quotes`` component).
QUOTED_COLUMNS = ["doc_id", "n_quotes", "n_direct_quotes", "n_reported_speech",
                  "quotes_per_1k", "share_words_quoted", "share_words_direct"]


@cache
def reporting_verbs() -> dict[str, frozenset[str]]:
    """The shipped lists of ``reporting.yaml``: category -> words (lower case)."""
    from ..keywords.patterns import read_entries_yaml

    path = resources.files("discourse.data").joinpath("lexicons", "reporting.yaml")
    _, patterns, _ = read_entries_yaml(path.read_text("utf-8"),
                                       "discourse/data/lexicons/reporting.yaml", "word list")
    return {k: frozenset(v) for k, v in patterns.items()}


@cache
def _closed() -> dict[str, frozenset[str]]:
    from ..keywords.patterns import read_entries_yaml

    path = resources.files("discourse.data").joinpath("lexicons", "closed_class.yaml")
    _, patterns, _ = read_entries_yaml(path.read_text("utf-8"),
                                       "discourse/data/lexicons/closed_class.yaml", "word list")
    return {k: frozenset(v) for k, v in patterns.items()}


SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "it", "we", "they", "you", "there"})
_SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "i", "we"})
_OBJECT_PRONOUNS = frozenset({"me", "him", "her", "us", "them", "you", "it"})
_BOUNDARY_WORDS = frozenset("""and but or nor while whilst because as that which who whom whose
where when although though if unless since after before so yet meanwhile however than whether
once until what""".split())
_SKIP_BEFORE_VERB = frozenset("""also later earlier then again previously repeatedly further
publicly recently yesterday today once reportedly subsequently separately officially privately
immediately now has have had has since already still simply flatly""".split())
_TIME_WORDS = frozenset("""yesterday today tonight tomorrow earlier later again recently also
previously repeatedly publicly separately privately officially afterwards once""".split())
_PERIODS = frozenset("""week month year night morning evening afternoon weekend time
season""".split())
_DAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday""".split())
_ADJUNCT_PREPS = frozenset({"on", "in", "at", "during", "after", "before", "from", "via",
                            "through", "over", "to", "with", "by", "while", "when"})
_MODALS = frozenset({"would", "could", "might", "may", "can", "will", "shall", "should", "must",
                     "to", "let", "cannot", "needless"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "get", "got"})
_PARTICLES = frozenset({"bin", "al", "el", "de", "van", "von", "la", "le", "da", "du", "di",
                        "ibn", "abu", "der", "den", "ben", "st"})
_FINITE = frozenset("""is are was were has have had will would can could may might must should
shall did does do isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't cannot
couldn't didn't doesn't don't shouldn't it's that's there's they're we're i'm he's she's""".split())
#: Irregular past forms (with the auxiliaries and -ed forms: the finite verbs a content
#: clause is recognised by).
_IRREGULAR_PAST = frozenset("""went came made took gave knew saw got held left met began became
fell won lost kept told thought found brought led ran sent spent stood meant felt paid sold
built broke chose drove flew fought hid hit hurt put set shot shut spoke stole struck swore
threw understood woke wore wrote rose sought caught taught bought fled grew drew ate forgot
froze hung laid lay rode rang sank sat slept slid stuck swam swept tore won withdrew""".split())
#: Irregular past forms that are never part of a noun phrase (a phrase holding one has
#: crossed into a clause: "Sharon made a televised address").
_PAST_NOT_NOUN = _IRREGULAR_PAST - frozenset({"left", "set", "put", "hit", "lay", "won", "led",
                                              "lost", "hurt", "shot", "struck", "stuck", "spent",
                                              "held", "built", "broke", "hung", "fell"})
_NOT_CONTENT = frozenset({"to", "so", "nothing", "something", "goodbye", "yes", "hello",
                          "thanks", "sorry", "anything", "little", "much", "more", "less"})
_QUOTE_CHARS = '"\u201c\u201d\u2018\u2019'
_CLAUSE_PUNCT = set(',;:()[]"\u201c\u201d\u2018')


@dataclass
class _Quote:
    open: int               # position of the opening mark
    close: int | None       # position of the closing mark (None: not closed)
    end: int                # end of the segment (the closing mark, or where it stops)
    single: bool = False
    speaker: tuple | None = None   # (start, end) of the speaker phrase
    cue: str = ""
    rule: str = ""
    attr_end: int = -1      # end of the attribution clause after the quote
    verb: int = -1          # the word index of a preposed verb of saying ('X said: "…"')
    name: str = ""
    kind: str = ""
    follows: object = None  # the attributed quotation this one continues
    follows_row: object = None  # the reported speech this one continues


@dataclass
class _Doc:
    """What the detector reads of one document: its words, sentences and quotation marks."""

    parsed: object
    folded: str
    starts: list
    ends: list
    lower: list
    words: list
    sents: list
    sent_starts: list
    quotes: list = field(default_factory=list)

    def gap(self, k: int) -> str:
        """The text between word ``k - 1`` and word ``k``."""
        return self.folded[self.ends[k - 1] if k > 0 else 0:self.starts[k]]

    def sentence_of(self, pos: int) -> int:
        k = bisect.bisect_right(self.sent_starts, pos) - 1
        return k if k >= 0 and pos < self.sents[k][1] else -1

    def quote_at(self, pos: int):
        for q in self.quotes:
            if q.open < pos < q.end:
                return q
        return None


# ---------------------------------------------------------------------------------------------
# quotation marks
# ---------------------------------------------------------------------------------------------

def _marks(text: str, folded: str, start: int, end: int) -> list[_Quote]:
    """Quotation segments of one block, in order (double quotes; curly single quotes)."""
    out: list[_Quote] = []
    current: _Quote | None = None
    for i in range(start, end):
        ch = folded[i]
        if ch != '"':
            continue
        raw = text[i]
        before = folded[i - 1] if i > start else " "
        after = folded[i + 1] if i + 1 < end else " "
        opening = raw == "\u201c" or raw == "\u00ab" or raw == "\u201e" or (
            raw not in "\u201d\u00bb" and (before.isspace() or before in "([{-/")
            and not after.isspace())
        closing = raw == "\u201d" or raw == "\u00bb" or (
            raw not in "\u201c\u00ab\u201e" and not before.isspace()
            and (after.isspace() or after in ".,;:!?)]-'" or i + 1 == end))
        if opening and closing:  # ambiguous: by parity
            opening = current is None
            closing = not opening
        if opening:
            if current is not None:  # reopened without closing: the news convention
                stop = i
                while stop > current.open and folded[stop - 1].isspace():
                    stop -= 1
                current.end = stop
                out.append(current)
            current = _Quote(i, None, end)
        elif closing and current is not None:
            current.close = current.end = i
            out.append(current)
            current = None
    if current is not None:
        # not closed by the end of the block: a quotation continued in the next paragraph
        # (which then opens with a quotation mark), else a stray mark
        nxt = end
        while nxt < len(folded) and folded[nxt].isspace():
            nxt += 1
        if nxt < len(folded) and folded[nxt] == '"' and nxt > end:
            out.append(current)
    # curly single quotes: ‘ opens (after a space), the next ’ not followed by a letter closes
    for m in re.finditer("(?:(?<=[\\s(\\[-])|^)\u2018(?=\\S)", text[start:end]):
        i = start + m.start()
        j = i + 1
        while j < min(end, i + 600):
            if text[j] == "\u2019" and (j + 1 == end or not text[j + 1].isalpha()) \
                    and not text[j - 1].isspace():
                if not any(q.open <= i < q.end or i <= q.open < j for q in out if not q.single):
                    out.append(_Quote(i, j, j, single=True))
                break
            j += 1
    out.sort(key=lambda q: q.open)
    return out


# ---------------------------------------------------------------------------------------------
# noun phrases
# ---------------------------------------------------------------------------------------------

def _has_break(gap: str) -> bool:
    return any(c in _CLAUSE_PUNCT for c in gap) or " - " in gap or "--" in gap


def _np_back(d: _Doc, k: int, lo: int, limit: int = 14) -> tuple[int, int] | None:
    """The noun phrase ending right before word ``k`` (words ``start .. k-1``), not crossing
    word ``lo`` or a clause boundary; None if there is none or it is not a speaker."""
    end = k
    start = k - 1
    if start < lo:
        return None
    while start > lo:
        g = d.gap(start)
        if _has_break(g):
            break
        if d.words[start - 1][0].islower() and _verb_class(d.lower[start - 1]) is not None:
            break  # "Tim alleged a staff member ... told him": the subject starts after the verb
        if d.lower[start - 1] in _BOUNDARY_WORDS and not (
                d.lower[start - 1] == "and" and start - 2 >= lo and d.words[start][0].isupper()
                and d.words[start - 2][0].isupper()):
            break
        if end - start >= limit:
            return None
        start -= 1
    return _clean_np(d, start, end)


#: Words that open a speaker's noun phrase after a fronted adverbial ("In these
#: circumstances my Prime Minister", "In that connexion the Egyptian delegation").
_OPENING_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "its", "their", "his", "her"})
_DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})


def _clean_np(d: _Doc, start: int, end: int) -> tuple[int, int] | None:
    cc = _closed()
    low = d.lower
    if start >= end:
        return None
    for t in range(start + 1, end - 1):
        # "Britain's Prime Minister Tony Blair and US President George W Bush": the first
        if low[t] == "and" and d.words[t - 1][0].isupper() and d.words[t + 1][0].isupper():
            left = _person_runs(d.folded[d.starts[start]:d.ends[t - 1]], titled_ok=True)
            right = _person_runs(d.folded[d.starts[t + 1]:d.ends[end - 1]], titled_ok=True)
            if left and right:
                end = t
                break
        if low[t] == "and" and all(w.islower() for w in d.words[start:t]) and \
                low[start] not in cc["determiners"] and t - start <= 3:
            end = t  # "witnesses and Palestinian security officials": the first conjunct
            break
    if end - start > 1 and low[end - 1] in _SPEAKER_PRONOUNS:
        start = end - 1  # "when asked whether ... he replied": the pronoun
    if low[start] in cc["prepositions"] and start > 0 and low[start - 1] in (
            "who", "which", "that") and not _has_break(d.gap(start)):
        return None  # "The army, which during the day said ...": the subject is further back
    if low[start] in cc["prepositions"] or low[start] in _TIME_WORDS:
        # "On Tuesday the ministry", "In a statement the army", "In these circumstances my
        # Prime Minister": from the last article or possessive on
        dets = [t for t in range(start + 1, end) if low[t] in _OPENING_DETERMINERS]
        if dets:
            start = dets[-1]
        elif end - start > 2:
            start += 2
        else:
            return None
    while start < end and low[start] in _TIME_WORDS:
        start += 1
    if start + 2 < end and low[start].endswith("ed") and d.words[start][0].isupper() and \
            low[start + 1] in cc["prepositions"]:
        start += 2  # "Guided by Article 24 of the Charter, which states": a participle frame
    if start >= end:
        return None
    if start > 0 and (low[start - 1] in cc["prepositions"] or (
            start > 1 and low[start - 1] in _DEMONSTRATIVES and
            low[start - 2] in cc["prepositions"])):
        # "In that connexion the Egyptian delegation": the scan stopped inside a fronted
        # adverbial; the subject opens at its next determiner
        for t in range(start + 1, end - 1):
            if low[t] in _OPENING_DETERMINERS and all(
                    d.words[u][0].islower() and not _function_word(low[u])
                    for u in range(start, t)):
                start = t
                break
    words = low[start:end]
    if any(w in _FINITE or w in cc["auxiliaries"] or w in _PAST_NOT_NOUN for w in words):
        return None
    if words[-1] in _BOUNDARY_WORDS or (words[-1] in cc["pronouns"]
                                        and words[-1] not in _SPEAKER_PRONOUNS):
        return None
    if words[0] in ("who", "which", "what", "that", "this", "these", "those", "it's"):
        return None
    last = words[-1]
    if last in cc["determiners"] or last in cc["prepositions"] or last in cc["possessives"] \
            or last in cc["conjunctions"] or last.endswith("'s") or last in cc["adverbs"]:
        return None
    if len(words) == 1 and words[0] not in _SPEAKER_PRONOUNS and not d.words[start][0].isupper() \
            and words[0] not in reporting_verbs()["person_nouns"]:
        return None
    if words[0] in cc["pronouns"] and len(words) > 1 and words[0] != "one":
        return None
    if words[0] in ("you", "one", "someone", "anyone", "everyone", "nobody", "none"):
        return None
    return start, end


def _np_forward(d: _Doc, k: int, hi: int, limit: int = 10) -> tuple[int, int] | None:
    """The noun phrase starting at word ``k``, up to a clause boundary or word ``hi``."""
    end = k
    while end < hi and end - k < limit:
        if end > k and _has_break(d.gap(end)):
            break
        w = d.lower[end]
        if end > k and (w in _BOUNDARY_WORDS or w in _FINITE or w in _IRREGULAR_PAST
                        or (w.endswith("ed") and len(w) > 4) or w in reporting_verbs()["fragment"]):
            break
        end += 1
    if end - k >= limit:
        return None
    return _clean_np(d, k, end)


def _speaker_back(d: _Doc, k: int, lo: int) -> tuple[int, int] | None:
    """The subject of the reporting verb at word ``k``, with an apposition
    ("The chief executive, Tony Sherbon, says": the name) and auxiliaries skipped."""
    m = k
    while m - 1 >= lo and d.lower[m - 1] in _SKIP_BEFORE_VERB and not _has_break(d.gap(m)):
        m -= 1
    if m - 1 < lo:
        return None
    if d.lower[m - 1] in ("who", "which") and m - 1 > lo and not _has_break(d.gap(m)) and \
            "," in d.gap(m - 1) and not any(c in d.gap(m - 1) for c in _QUOTE_CHARS):
        # "The minister, who said that …", "Article 24 of the Charter, which states that …":
        # the antecedent before the comma speaks (seventeenth round); after a verb, from its
        # object's determiner ("We thank the Secretary-General, who reminded us that …")
        sp = _np_back(d, m - 1, lo)
        if sp is None:
            t = next((t for t in range(m - 2, max(lo, m - 8) - 1, -1)
                      if d.lower[t] in _OPENING_DETERMINERS), None)
            sp = _clean_np(d, t, m - 1) if t is not None else None
        return sp
    if d.lower[m - 1] in ("and", "but") and not _has_break(d.gap(m)):
        return _coordinated_subject(d, m - 1, lo)
    g = d.gap(m)
    if "," in g and not any(c in g for c in _QUOTE_CHARS):
        # an apposition or a parenthetical between the subject and the verb: back to the
        # comma that opens it
        t = m - 1
        while t > lo and "," not in d.gap(t):
            if any(c in d.gap(t) for c in ';:()"') or m - t > 14:
                return None
            t -= 1
        if t <= lo or "," not in d.gap(t):
            return None
        b = _np_back(d, t, lo)
        if b is None:
            return None
        first = d.lower[t]
        if first in ("who", "which", "whose") or first.endswith("ing") or \
                first in _closed()["prepositions"] or first in _TIME_WORDS or \
                first in _BOUNDARY_WORDS:
            return b  # "Saeb Erakat, speaking after the speech, said"; "X, when asked, said"
        a_ = _clean_np(d, t, m)
        if a_ is None:
            return b
        a_det = d.lower[a_[0]] in ("a", "an", "the") or d.words[a_[0]][0].islower()
        b_det = d.lower[b[0]] in ("a", "an", "the") or d.words[b[0]][0].islower()
        if a_det != b_det:
            return b if a_det else a_  # "Mr Lavarch, a former attorney-general": the name
        if _office(d, a_) and not _office(d, b):
            return b  # "Mr. Bourguiba, President of the Tunisian Republic, said": the name
        if _proper(d, a_):
            return a_
        return b if _proper(d, b) else a_
    if _has_break(g):
        return None
    sp = _np_back(d, m, lo)
    if sp is not None and sp[1] - sp[0] > 2 and d.lower[sp[1] - 2] == "on" and (
            d.lower[sp[1] - 1] in _DAYS or d.lower[sp[1] - 1].isdigit()):
        sp = (sp[0], sp[1] - 2)
    return sp


def _office(d: _Doc, span) -> bool:
    """Is the phrase an office without a name: titles only, or titles then "of" / "for"
    ("President of the Tunisian Republic", "Minister for Foreign Affairs")?"""
    s, e = span
    t = s
    while t < e and _is_title(d.words[t]):
        t += 1
    return t > s and (t == e or d.lower[t] in ("of", "for"))


def _coordinated_subject(d: _Doc, conj: int, lo: int) -> tuple[int, int] | None:
    """The subject of a reporting verb coordinated with the verb before it ("The Government
    is trying to find out whether he broke the law but says he could be a prisoner of war";
    "Mr Downer inspected the camps and says ..."): the named noun phrase opening the
    sentence, when the first conjunct is its finite clause with no other subject or report
    in between."""
    sp = _np_forward(d, lo, conj)
    if sp is None or sp[0] != lo or sp[1] >= conj or not _proper(d, sp):
        return None
    if d.lower[sp[1]] in ("and", "or", ",") or not _has_finite(d, sp[1], sp[1] + 2):
        return None  # "Smith and Jones met, and said": a coordinated subject, not a clause
    rv = reporting_verbs()
    for v in range(sp[1], conj):
        w = d.lower[v]
        if w in ("who", "which", "that", "while", "whereas", "when", "as", "because", "if") or \
                w in rv["free"] or w in rv["tell"] or w in rv["that_or_pronoun"] or \
                any(ch in d.gap(v) for ch in ';:()"'):
            return None
        if v > sp[1] and "," in d.gap(v):
            return None
    return sp


def _proper(d: _Doc, span) -> bool:
    """Does the phrase hold a capitalised word that is not its first word's capital at a
    sentence start?"""
    s, e = span
    for t in range(s, e):
        w = d.words[t]
        if w[0].isupper() and (t > s or not _sentence_initial(d, t) or e - s == 1):
            if d.lower[t] not in _closed()["determiners"]:
                return True
    return False


def _sentence_initial(d: _Doc, t: int) -> bool:
    si = d.sentence_of(d.starts[t])
    return si < 0 or d.parsed.words_in(*d.sents[si])[0] == t


# ---------------------------------------------------------------------------------------------
# clauses
# ---------------------------------------------------------------------------------------------

def _skip_adjuncts(d: _Doc, t: int, hi: int) -> int:
    """Skip time adjuncts after a verb: "yesterday", "on Tuesday", "last week"."""
    low = d.lower
    while t < hi:
        g = d.gap(t)
        if _has_break(g):
            break
        w = low[t]
        if w in _TIME_WORDS:
            t += 1
        elif w in ("last", "this", "next") and t + 1 < hi and low[t + 1] in _PERIODS:
            t += 2
        elif w in _DAYS:
            t += 1
        elif w == "on" and t + 1 < hi and (low[t + 1] in _DAYS or low[t + 1].isdigit()):
            t += 2
            if t < hi and low[t] in ("night", "morning", "evening", "afternoon"):
                t += 1
        else:
            break
    return t


def _that_ahead(d: _Doc, t: int, hi: int, within: int = 9) -> int | None:
    """Index of "that" within ``within`` words from ``t``, crossing no punctuation but commas."""
    for u in range(t, min(hi, t + within)):
        if u > t and any(c in d.gap(u) for c in ';:()"[]'):
            return None
        if d.lower[u] == "that":
            return u
        if d.lower[u] in _FINITE:
            return None
    return None


#: Subordinators that may open a content clause after *say* ("says while it is a good sign,
#: the Authority must act").
_SUBORDINATORS = frozenset({"if", "while", "although", "though", "when", "once", "unless",
                            "because", "since", "whereas"})


def _content_after(d: _Doc, k: int, hi: int, cls: str) -> int | None:
    """First word of the content clause after the reporting verb at ``k`` (None: none)."""
    low, cc = d.lower, _closed()
    t = k + 1
    if t >= hi:
        return None
    if any(c in d.gap(t) for c in ':"\u201c'):
        return None  # a direct quotation follows
    if cls == "tell":
        if low[t] in _OBJECT_PRONOUNS:
            t += 1
        else:
            u = t
            while u < hi and u - t < 5 and not _has_break(d.gap(u)):
                if u > t and (low[u] == "that" or low[u] in SUBJECT_PRONOUNS
                              or (low[u] in ("the", "a", "an") and low[u - 1] not in
                                  cc["prepositions"])):
                    break
                u += 1
            if u == t or u >= hi or u - t >= 5:
                return None
            t = u
        if t < hi and low[t] == "to":
            return None
    t = _skip_adjuncts(d, t, hi)
    if t >= hi:
        return None
    if cls == "free" and low[t] in _SUBORDINATORS and \
            _that_ahead(d, t, hi) in (None, t + 1):  # "said when asked that": the that-clause
        # "says if that happens, sea levels would rise": an adverbial clause, then the main one
        for u in range(t + 2, min(hi, t + 16)):
            if _has_break(d.gap(u)) and d.gap(u).strip() != ",":
                break
            if "," in d.gap(u):
                if _has_finite(d, t + 1, u) and _has_finite(d, u, min(hi, u + 12)):
                    return t
                break
    if low[t] in _ADJUNCT_PREPS or low[t] in ("out", "confidence") or \
            (cls == "that_only" and low[t] != "that"):
        u = _that_ahead(d, t, hi)
        if u is None:
            return None
        t = u
    if _has_break(d.gap(t)) and not (low[t] == "that" and d.gap(t).strip() == ","):
        return None
    if low[t] == "that":
        t += 1
        if t >= hi or low[t] in ("is", "was", "are", "were", "has", "had", "will", "would"):
            return None  # "said that was wrong": "that" is the subject
        return t
    if cls in ("that_only", "direct_only"):
        return None
    if cls == "that_or_pronoun":
        return t if low[t] in SUBJECT_PRONOUNS and low[t] != "you" else None
    w = d.words[t]
    if low[t] in _NOT_CONTENT or low[t] in cc["prepositions"] or low[t] in cc["conjunctions"]:
        return None
    if not (low[t] in SUBJECT_PRONOUNS or low[t] in cc["determiners"] or low[t] in
            cc["possessives"] or w[0].isupper() or w[0].isdigit()):
        if cls != "free" or low[t] in cc["adverbs"] or low[t].endswith("ly") or \
                any(low[t] in cc[c] for c in ("auxiliaries", "negators")) or \
                (low[t] in cc["pronouns"] and low[t] not in ("one", "none", "nobody",
                                                             "everyone", "someone")):
            return None
    # a finite verb among the first words: the content is a clause, not an object
    if not _has_finite(d, t + 1, min(hi, t + 15)):
        return None
    return t


def _has_finite(d: _Doc, a: int, b: int) -> bool:
    """Is there a finite verb among words ``a .. b-1``: an auxiliary, an -ed or irregular past
    form, or an -s form after a name or a pronoun ("Russia wants", "it holds")?"""
    low = d.lower
    for x in range(a, b):
        w = low[x]
        if w in _FINITE or w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4):
            return True
        if w.endswith("s") and not w.endswith(("ss", "'s")) and x > 0 and (
                low[x - 1] in ("he", "she", "it", "this", "that", "who", "which")
                or (d.words[x - 1][0].isupper() and x - 1 >= a - 1)):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# the detector
# ---------------------------------------------------------------------------------------------

def _verb_class(w: str) -> str | None:
    """The class of a reporting verb (lower case) in ``reporting.yaml``, or None."""
    rv = reporting_verbs()
    for cls in ("free", "tell", "that_or_pronoun", "that_only"):
        if w in rv[cls]:
            return cls
    return None


_DOC_SUBJECTS = frozenset("""charter resolution report article constitution declaration law
agreement treaty statement document paragraph text decision programme program plan government
ministry council minister president spokesman spokeswoman police he she it who which
secretary-general study survey letter communique communiqué memorandum note convention accord
protocol preamble principle rule rules act bill""".split())


#: Evidence verbs that report what a study says when a study is their subject ("A new study
#: shows that …", "The survey found that …"; docs/annotation.md sec. 8 and batch 4's "The
#: study shows X", a reported quote of the study's author), and the nouns of such sources
#: (seventeenth round).
_EVIDENCE_VERBS = frozenset({"shows", "show", "showed", "shown", "finds", "found"})
_STUDY_SUBJECTS = frozenset({"study", "studies", "report", "reports", "survey", "surveys",
                             "poll", "polls", "research", "findings", "review", "census",
                             "inquiry", "investigation"})


def _is_reporting_verb(d: _Doc, k: int, lo: int) -> str | None:
    if not d.words[k][0].islower():
        return None  # "the United States", "Said" as a name
    w = d.lower[k]
    if w in _EVIDENCE_VERBS and k > lo and d.lower[k - 1] in _STUDY_SUBJECTS and \
            not d.gap(k).strip():
        return "that_only"  # "A new study shows that …": the study reports
    cls = _verb_class(w)
    if cls is None:
        return None
    if k > lo:
        prev = d.lower[k - 1]
        if prev in _MODALS or prev in _BE or prev in _closed()["determiners"] \
                or prev in _closed()["possessives"] or prev in ("not", "never", "n't"):
            return None
        if prev.endswith("'s") and not d.gap(k).strip():
            return None
    if w in ("states", "notes", "reports", "claims", "points", "signals", "hints", "mentions",
             "state", "note", "report", "claim", "point", "signal", "hint", "mention"):
        if k == lo or d.lower[k - 1] not in _DOC_SUBJECTS and not d.lower[k - 1].isdigit():
            return None
    return cls


def _first_person_present(d: _Doc, sp, verb: str, k: int) -> bool:
    """"I say that", "we stress that": the speaker's own speech act now (a past report, "we
    have said that", "I told them", is a report)."""
    s, e = sp
    if e - s != 1 or d.lower[s] not in ("i", "we"):
        return False
    perfect = k > 0 and d.lower[k - 1] in ("have", "had", "repeatedly", "always", "also", "often",
                                           "already", "once")
    past = verb.endswith(("ed", "id", "ld", "te", "ote", "old")) or verb in ("said", "told")
    return not (past or perfect)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Content bounds without white space, enclosing quotation marks and final punctuation
    (a quotation mark that closes a quotation inside the content is kept)."""
    while start < end and (text[start].isspace() or text[start] in _QUOTE_CHARS):
        start += 1
    while end > start:
        ch = text[end - 1]
        if ch.isspace() or ch in ".,;:?!-\u2013\u2014":
            end -= 1
        elif ch in '"\u201d' and fold_count(text[start:end - 1]) % 2 == 0:
            end -= 1
        else:
            break
    return start, end


def fold_count(s: str) -> int:
    """Double quotation marks in ``s`` (straight or curly)."""
    return s.count('"') + s.count("\u201c") + s.count("\u201d")


#: Verbs that may precede their subject in an attribution ("..., said Mr Smith").
_INVERTED = frozenset({"said", "says", "added", "asked", "replied", "continued", "wrote",
                       "explained", "recalled", "quipped"})


def _postposed(d: _Doc, t: int, hi: int):
    """An attribution starting at word ``t``: ``SPEAKER VERB [adjuncts]`` or ``VERB SPEAKER``,
    ending the clause. Returns ``(speaker span, verb index, end offset)`` or None."""
    rv = reporting_verbs()
    low = d.lower
    if t >= hi:
        return None
    if low[t] in _INVERTED and t + 1 < hi and d.words[t][0].islower():
        sp = _np_forward(d, t + 1, hi)
        if sp is not None and (sp[1] >= hi or _has_break(d.gap(sp[1]))):
            if low[sp[0]] not in _SPEAKER_PRONOUNS or sp[1] - sp[0] > 1:
                return sp, t, d.ends[sp[1] - 1]
            return None
    for v in range(t + 1, min(hi, t + 9)):
        if _has_break(d.gap(v)):
            return None
        if low[v] in rv["postposed"] and d.words[v][0].islower():
            sp = _clean_np(d, t, v)
            if sp is None or sp[0] != t:
                return None
            u = v + 1
            if low[v] in ("told", "tells") and u < hi and not _has_break(d.gap(u)):
                u = min(hi, u + 1) if low[u] in _OBJECT_PRONOUNS else u
                while u < hi and not _has_break(d.gap(u)) and u - v <= 4:
                    u += 1
            u = _skip_adjuncts(d, u, hi)
            if u < hi and low[u] in ("in", "at", "on") and not _has_break(d.gap(u)):
                w = u
                while w < hi and w - u < 5 and not _has_break(d.gap(w)):
                    w += 1
                u = w
            if u < hi and not _has_break(d.gap(u)):
                return None
            return sp, v, d.ends[u - 1]
    return None


def _detect(d: _Doc, text: str, blocks) -> list[dict]:
    rows: list[dict] = []
    rv = reporting_verbs()
    low = d.lower
    for b in blocks:
        d.quotes.extend(_marks(text, d.folded, b.start, b.end))
    # --- reported speech, sentence by sentence --------------------------------------------
    reported = []
    for si, (s, e) in enumerate(d.sents):
        i, j = d.parsed.words_in(s, e)
        for k in range(i, j):
            w = low[k]
            if w == "according" and k + 1 < j and low[k + 1] == "to":
                reported.extend(_according(d, si, i, j, k))
                continue
            cls = _is_reporting_verb(d, k, i)
            if cls is None:
                continue
            q = d.quote_at(d.starts[k])
            lo = i
            hi = j
            if q is not None:
                lo = max(i, d.parsed.words_in(q.open, q.open)[0])
                hi = min(j, d.parsed.words_in(q.end, q.end)[0])
            if w.endswith("ing"):
                # "…, telling Israelis that …": the subject of the clause before the comma
                if "," not in d.gap(k):
                    continue
                c0 = k - 1
                while c0 > lo and not _has_break(d.gap(c0)):
                    c0 -= 1
                sp = _np_forward(d, c0, k)
                if sp is None or sp[0] != c0 or not (_proper(d, sp) or
                                                     d.lower[sp[0]] in _SPEAKER_PRONOUNS):
                    continue
            else:
                sp = _speaker_back(d, k, lo)
            if sp is None:
                continue
            if q is None and _first_person_present(d, sp, w, k):
                continue  # the author's own present speech acts are not reports
            c = _content_after(d, k, hi, cls)
            if c is None:
                continue
            cs = d.starts[c]
            ce = min(e, q.end) if q is not None else e
            # a postposed attribution inside the content ends it ("..., he added")
            for v in range(c + 2, hi):
                if "," in d.gap(v) and not any(ch in d.gap(v) for ch in _QUOTE_CHARS):
                    pp = _postposed(d, v, hi)
                    if pp is not None and pp[2] >= d.ends[hi - 1] - 1:
                        ce = d.ends[v - 1]
                        break
            cs, ce = _trim(text, cs, ce)
            if ce - cs < 3:
                continue
            reported.append({"kind": "reported", "start": cs, "end": ce, "speaker": sp,
                             "cue": d.words[k], "rule": "reporting verb", "sentence": si,
                             "verb": k})
        # postposed: "..., a spokesman said."
        for v in range(i + 3, j):
            g = d.gap(v)
            if "," not in g or any(ch in g for ch in _QUOTE_CHARS):
                continue
            if d.quote_at(d.starts[v]) is not None:
                continue
            pp = _postposed(d, v, j)
            if pp is None or pp[2] < d.ends[j - 1] - 0:
                continue
            sp, verb, _ = pp
            if d.lower[verb] in rv["direct_only"]:
                continue
            if any(r["sentence"] == si and r["kind"] == "reported" and r.get("verb") == verb
                   for r in reported):
                continue
            cs, ce = _trim(text, d.starts[i], d.ends[v - 1])
            if any(q.open <= cs < q.end for q in d.quotes):
                continue
            if not _has_finite(d, i, v):
                continue  # the part before the comma is not a clause
            reported.append({"kind": "reported", "start": cs, "end": ce, "speaker": sp,
                             "cue": d.words[verb], "rule": "postposed attribution",
                             "sentence": si, "verb": verb})
            break
    # --- direct quotations ------------------------------------------------------------------
    direct = []
    reported_subjects: list[dict] = []
    prev_attr: _Quote | None = None
    for q in d.quotes:
        cs, ce = _trim(text, q.open + 1, q.end)
        if ce <= cs or not any(ch.isalpha() for ch in text[cs:ce]):
            continue
        si = d.sentence_of(q.open + 1 if q.open + 1 < len(text) else q.open)
        if si < 0:
            si = d.sentence_of(cs)
        if si < 0:
            continue
        i, j = d.parsed.words_in(*d.sents[si])
        _attribute(d, q, si, i, j, reported)
        if q.speaker is None and prev_attr is not None:
            # the running speaker: nothing but the previous quote's attribution in between
            between = d.parsed.words_in(max(prev_attr.end, prev_attr.attr_end), q.open)
            sentence_start = d.parsed.words_in(d.sents[si][0], q.open)
            if between[1] - between[0] == 0 and sentence_start[1] - sentence_start[0] == 0:
                q.speaker, q.cue, q.rule = prev_attr.speaker, "continued", "running speaker"
                q.follows = prev_attr
        if q.speaker is None and si > 0 and \
                d.parsed.words_in(d.sents[si][0], q.open)[1] == d.parsed.words_in(
                    d.sents[si][0], q.open)[0]:
            # a quotation opening the sentence after reported speech: its speaker goes on
            pi, pj = d.parsed.words_in(*d.sents[si - 1])
            for r in reported:
                if r["sentence"] == si - 1 and r["kind"] == "reported" and pj > pi and \
                        r["end"] >= d.ends[pj - 1] - 1 and r["speaker"] is not None and \
                        d.quote_at(r["start"]) is None:
                    q.speaker, q.cue, q.rule = r["speaker"], "continued", "after reported speech"
                    q.follows_row = r
                    break
            if q.speaker is None and pj > pi:
                # "French Foreign Minister Hubert Vedrine accused Israel of …. "…""
                frag = rv["fragment"]
                for v in range(pi + 1, min(pj, pi + 12)):
                    if _has_break(d.gap(v)):
                        break
                    if low[v] in frag and d.words[v][0].islower():
                        sp = _clean_np(d, pi, v)
                        if sp is not None and sp[0] == pi and _proper(d, sp) and \
                                d.quote_at(d.starts[v]) is None:
                            row = {"kind": "subject", "start": d.starts[pi], "end": d.starts[pi],
                                   "speaker": sp, "sentence": si - 1}
                            q.speaker, q.cue, q.rule = sp, d.words[v], "after the speaker's verb"
                            q.follows_row = row
                            reported_subjects.append(row)
                        break
        if q.speaker is None:
            prev_attr = None  # an unattributed quotation ends the running speaker
            continue
        prev_attr = q
        direct.append({"kind": "direct", "start": cs, "end": ce, "speaker": q.speaker,
                       "cue": q.cue, "rule": q.rule, "sentence": si, "quote": q})
    direct.extend(_continued_before(d, text))
    direct.sort(key=lambda r: r["start"])
    _cut_stray(d, text, direct)
    for x in reported_subjects:  # named for the resolution only, not quotes themselves
        x["speaker_name"], x["speaker_kind"] = _name_of(d, x["speaker"])
    # a verb of saying that introduces a quotation ('X said on 12 April: "…"') does not also
    # report a content clause read after it
    quoting = {r["quote"].verb for r in direct if r["quote"].verb >= 0}
    rows = direct + [r for r in reported
                     if not any(x["start"] == r["start"] and x["end"] == r["end"] for x in direct)
                     and not (r.get("verb") in quoting and r["cue"] != "according to")]
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows


def _continued_before(d: _Doc, text: str) -> list[dict]:
    """Quotations left open by the news convention and attributed only after the mark that
    continues them: a paragraph of quotation whose closing mark is left out because the same
    speaker goes on in the next, which reopens with a mark and carries the attribution
    (' "I think it will work. "We are ready," he said.'). The open part, unattributed, ending a
    sentence, and followed by nothing but space before the reopening mark, takes the speaker of
    the part that continues it (back along a chain of such parts)."""
    out = []
    quotes = [q for q in d.quotes if not q.single]
    for q, q2 in reversed(list(zip(quotes, quotes[1:]))):
        if q.speaker is not None or q2.speaker is None or q.close is not None:
            continue
        if text[q.end:q2.open].strip() or not text[q.open + 1:q.end].rstrip().endswith(
                (".", "?", "!")):
            continue
        cs, ce = _trim(text, q.open + 1, q.end)
        si = d.sentence_of(cs)
        if ce <= cs or si < 0 or not any(ch.isalpha() for ch in text[cs:ce]):
            continue
        q.speaker = _mention_before(d, si, q2.speaker) or q2.speaker
        q.cue, q.rule = "continued", "continued after"  # resolved by its own mention
        out.append({"kind": "direct", "start": cs, "end": ce, "speaker": q.speaker,
                    "cue": q.cue, "rule": q.rule, "sentence": si, "quote": q})
    return out


def _mention_before(d: _Doc, si: int, sp) -> tuple[int, int] | None:
    """The speaker's last mention in the sentence before sentence ``si`` (docs/annotation.md
    sec. 8: a continued quotation's speaker span is the last mention): the same name as the
    speaker phrase ``sp`` ("Mr Phillips" -> "historian Walter Phillips"), or for a pronoun the
    sentence's named subject ("Steve Waugh is relaxed. "…. "…," he said."); None if neither."""
    if si <= 0 or sp is None:
        return None
    pi, pj = d.parsed.words_in(*d.sents[si - 1])
    last = d.lower[sp[1] - 1]
    if last in _SPEAKER_PRONOUNS:
        np_ = _np_forward(d, pi, pj)
        return np_ if np_ is not None and np_[0] == pi and _proper(d, np_) else None
    if not d.words[sp[1] - 1][:1].isupper():
        return None
    for k in range(pj - 1, pi - 1, -1):
        if d.lower[k] == last and d.words[k][:1].isupper():
            start = k
            while start - 1 >= pi and d.words[start - 1][:1].isupper() and \
                    not _has_break(d.gap(start)) and \
                    d.lower[start - 1] not in _closed()["determiners"]:
                start -= 1
            return start, k + 1
    return None


def _last_word(d: _Doc, sp) -> str:
    return d.lower[sp[1] - 1] if sp is not None and sp[1] > sp[0] else ""


def _cut_stray(d: _Doc, text: str, direct: list[dict]) -> None:
    """A quotation never closed and cut by the next opening mark runs on, by the news
    convention, as long as its speaker does; when the next quotation has a speaker of its own
    and another one, the first mark was stray and the journalist's sentences after it are no
    quotation: keep its first sentence only."""
    for r, nxt in zip(direct, direct[1:]):
        q, q2 = r["quote"], nxt["quote"]
        if q.close is not None or q2.follows is q or nxt["rule"] == "running speaker":
            continue
        a, b = _last_word(d, q.speaker), _last_word(d, q2.speaker)
        if not a or not b or a == b or a in _SPEAKER_PRONOUNS or b in _SPEAKER_PRONOUNS:
            continue
        si = d.sentence_of(r["start"])
        if si < 0 or d.sents[si][1] >= r["end"]:
            continue
        r["start"], r["end"] = _trim(text, r["start"], d.sents[si][1])
        q.end = d.sents[si][1]


def _np_head(d: _Doc, sp) -> str:
    """The head of a noun phrase: its last word before a preposition ("the dictates of
    self-interest" -> "dictates"), lower case."""
    preps = _closed()["prepositions"]
    s, e = sp
    h = s
    while h + 1 < e and d.lower[h + 1] not in preps:
        h += 1
    return d.lower[h]


def _according(d: _Doc, si: int, i: int, j: int, k: int) -> list[dict]:
    """*according to X, Y* and *Y, according to X*."""
    sp = _np_forward(d, k + 2, j)
    if sp is None or _np_head(d, sp) in reporting_verbs()["not_sources"]:
        return []  # "according to his ability": in accordance with, no source
    text = d.folded
    if sp[1] < j and "," in d.gap(sp[1]) and not (
            k > i and d.lower[sp[1]] in ("which", "who", "whose")):
        cs, ce = d.starts[sp[1]], d.ends[j - 1]
    elif sp[1] < j and k > i:
        # "Y, according to the Pentagon, which said Z": a relative clause on X, Y is before
        cs, ce = d.starts[i], d.ends[k - 1]
    elif sp[1] >= j and k > i:
        cs, ce = d.starts[i], d.ends[k - 1]
    else:
        return []
    cs, ce = _trim(text, cs, ce)
    if ce - cs < 3 or d.parsed.n_words_in(cs, ce) < 3:
        return []
    if any(q.open <= cs < q.end and not q.single for q in d.quotes) and \
            d.quote_at(d.starts[k]) is None:
        # "'…', according to X": the quotation is the content, attributed as direct
        return [{"kind": "according", "start": cs, "end": ce, "speaker": sp,
                 "cue": "according to", "rule": "according to", "sentence": si, "verb": k}]
    return [{"kind": "reported", "start": cs, "end": ce, "speaker": sp, "cue": "according to",
             "rule": "according to", "sentence": si, "verb": k}]


#: how far back from a colon before a quotation its reporting verb may stand (in words)
_COLON_REACH = 14
#: words that open a subordinate clause or a question: not part of an adjunct
_NOT_ADJUNCT = frozenset("""that which who whom whose whether if how what why where when
because although though while and but or""".split())


def _adjunct_word(d: _Doc, u: int) -> bool:
    """Can word ``u`` stand in an adjunct between a reporting verb and the colon before its
    quotation ("stated emphatically at the recent conference in Geneva:", "declared on
    6 November 1945:", "said in his report to the Assembly:")? Not a clause opener, not a
    verb of saying (the nearer one is the cue), no clause break before it."""
    w = d.lower[u]
    return (w not in _NOT_ADJUNCT and _verb_class(w) is None
            and not any(c in d.gap(u) for c in ".;()"))


def _words_of_speaker(d: _Doc, i: int, t: int):
    """The speaker of a quotation introduced by *in the words of X*, *to quote (the words
    of) X* or *as X put it / said / stated* just before the mark (words ``i .. t-1`` of its
    sentence) and the cue word (*words*, *quote*, the verb), or None."""
    low = d.lower
    for k in range(i, t - 1):
        if low[k] == "words" and k + 1 < t and low[k + 1] == "of" and k > i and \
                low[k - 1] in ("the", "own") and (k - 2 >= i and low[k - 2] in ("in", "quote")
                                                 or k - 3 >= i and low[k - 3] == "in"):
            a = k + 2
        elif low[k] == "quote" and k > i and low[k - 1] not in ("a", "the", "this", "that") \
                and d.words[k][0].islower() and low[k + 1] not in ("from",) and \
                low[k + 1] not in _SPEAKER_PRONOUNS - {"he", "she"}:
            a = k + 1  # "to quote X:", "I must quote with approval the words of X:"
        elif low[k] == "as" and (k == i or _has_break(d.gap(k))):
            # "As X put it," / "as X said,": the verb closes the adjunct right before the mark
            v = t - 1
            if low[v] == "it" and v - 1 > k and low[v - 1] in ("put", "puts"):
                v -= 1
            elif _verb_class(low[v]) is None or low[v].endswith("ing"):
                continue
            while v - 1 > k + 1 and (low[v - 1] in ("so", "also", "once", "then") or (
                    low[v - 1].endswith("ly") and d.words[v - 1][0].islower())):
                v -= 1  # "as Mr. X so aptly observed": the adverbs are not the speaker
            sp = _clean_np(d, k + 1, v) if v > k + 1 else None
            if sp is not None and sp[1] == v and (_proper(d, sp) or
                                                  low[sp[0]] in _SPEAKER_PRONOUNS):
                return sp, d.words[v]
            continue
        else:
            continue
        if a >= t:
            continue
        sp = _np_forward(d, a, t, limit=14)
        if sp is not None:  # "to quote with approval the words of X": X
            for u in range(sp[0], sp[1] - 2):
                if low[u] == "words" and low[u + 1] == "of":
                    sp = (u + 2, sp[1])
                    break
        if sp is not None and sp[1] < t and "," in d.gap(sp[1]):
            sp = _np_forward(d, sp[1], t, limit=8)  # "the famous jurist, Dr. X": the name
            if sp is None or not _proper(d, sp):
                continue
        if sp is not None and sp[1] == t and (_proper(d, sp) or low[sp[0]] in ("the", "a")):
            return sp, d.words[k]
    return None


#: Nouns of a text announced before a colon ('sent the following communication:').
_ANNOUNCED = frozenset("""communication communique communiqué declaration statement message
remarks remark terms words letter note resolution text passage appeal proposal proposals
provisions conclusion conclusions""".split())
#: The words of the frame that ends in the colon ('… the following:', 'in these terms:').
_FRAME_WORDS = frozenset("following follows terms these the as in".split())
#: Verbs whose subject reads or finds a text rather than speaking it ('we read the following:').
_READING = frozenset("""read reads find finds found see sees saw quote quotes quoted cite cites
cited recall recalls recalled remember note notes noted draw""".split())


def _frame_before_colon(d: _Doc, lo: int, t: int):
    """The speaker of a quotation announced by a frame ending in a colon (words ``lo .. t-1``):
    *X put it (well):*, *the (famous) words of X:*, *X issued a communique in these terms:*,
    *X sent the following communication:*, *X stated as follows:*; or None. The reader of a
    text (*we read the following:*, *I recall the following:*) is no speaker."""
    low = d.lower
    # 'X put it well:', 'X put it so aptly:'
    for k in range(max(lo, t - 5), t - 1):
        if low[k] == "put" and low[k + 1] == "it":
            sp = _speaker_back(d, k, lo)
            if sp is not None and (_proper(d, sp) or low[sp[0]] in _SPEAKER_PRONOUNS):
                return sp, d.words[k]
    # 'the (famous) words of Simon Bolivar, to whom ...:'
    for k in range(lo, t - 2):
        if low[k] == "words" and low[k + 1] == "of" and not (k > lo and low[k - 1] in (
                "other", "my", "our", "own", "these", "those", "few", "kind")):
            sp = _np_forward(d, k + 2, t, limit=8)
            if sp is not None and sp[1] < t and "," in d.gap(sp[1]):
                name = _np_forward(d, sp[1], t, limit=8)  # '…, Comrade Fidel Castro Ruz:'
                if name is not None and name[1] == t and _proper(d, name):
                    sp = name
            if sp is not None and _proper(d, sp):
                return sp, d.words[k]
            return None
    # '... the following (communication):', 'in these terms:', 'as follows:'
    tail = low[max(lo, t - 4):t]
    if not ("following" in tail or "follows" in tail or (
            "terms" in tail and ("these" in tail or "following" in tail))):
        return None
    k = max(lo, t - 4) + max(i for i, w in enumerate(tail) if w in _FRAME_WORDS)
    if any(w not in _ANNOUNCED and w not in _FRAME_WORDS for w in low[k:t]):
        return None
    for v in range(k - 1, max(lo, k - 8) - 1, -1):
        w = low[v]
        if _has_break(d.gap(v + 1)) and v + 1 < k:
            return None
        if w in _READING:
            return None
        if d.words[v][0].islower() and (_verb_class(w) is not None or w in _IRREGULAR_PAST or
                                        (w.endswith("ed") and len(w) > 4) or
                                        w in ("make", "makes", "issue", "issues", "send",
                                              "sends", "submit", "submits")):
            sp = _speaker_back(d, v, lo)
            if sp is not None and (_proper(d, sp) or low[sp[0]] in _SPEAKER_PRONOUNS):
                return sp, d.words[v]
            return None
    return None


def _attribute(d: _Doc, q: _Quote, si: int, i: int, j: int, reported: list) -> None:
    """Find the speaker of quotation ``q`` in its sentence (sets q.speaker, q.cue, q.rule)."""
    rv = reporting_verbs()
    low = d.lower
    # 2. postposed: '"…," he said' / '"…," said X'
    if q.close is not None:
        t = bisect.bisect_left(d.starts, q.close)
        block_end = j
        if t < len(d.starts):
            # the attribution may follow in the next Punkt sentence ('"…?" he asked.')
            si2 = d.sentence_of(d.starts[t])
            if si2 >= 0:
                block_end = d.parsed.words_in(*d.sents[si2])[1]
        ended = d.folded[q.close - 1:q.close] in (".", "!", "?") if q.close else False
        if t < len(d.starts) and "." in d.folded[q.close + 1:d.starts[t]]:
            ended = True  # '… begin". He said …': the full stop after the mark ends it
        if t < block_end and not any(c in d.gap(t)[1:] for c in ";:()") and not (
                ended and d.words[t][0].isupper() and d.lower[t] not in reporting_verbs()[
                    "postposed"]):
            pp = _postposed(d, t, block_end)
            if pp is not None:
                sp, verb, end = pp
                q.speaker, q.cue, q.rule = sp, d.words[verb], "quote, then speaker"
                q.attr_end = end
                return
    # 3. preposed: 'X said: "…"', 'X told reporters, "…"'; before a colon, adjuncts between
    #    the verb and the colon ('X stated at the conference in Geneva: "…"')
    t = bisect.bisect_left(d.starts, q.open)  # first word after the opening mark
    lo = i
    if t == i and si > 0 and t > 0 and d.folded[d.ends[t - 1]:q.open].strip() == ":":
        # the quotation opens the paragraph after 'As X stated at Berlin in 1979:'
        lo = d.parsed.words_in(*d.sents[si - 1])[0]
    if t > lo:
        gap = d.folded[d.ends[t - 1]:q.open]
        colon = gap.strip() == ":"
        if gap.strip() in ("", ",", ":", ", :") or gap.strip() in (":", ","):
            for v in range(t - 1, max(lo, t - (_COLON_REACH if colon else 6)) - 1, -1):
                if low[v] in rv["postposed"] or low[v] in rv["free"] or low[v] in rv["tell"] \
                        or low[v] in rv["that_or_pronoun"]:
                    if v < t - 1 and not gap.strip():
                        break  # 'telling Israelis a "war of terrorism"': a fragment
                    if v < t - 1 and low[v] not in rv["tell"] and not all(
                            low[u] in _TIME_WORDS or low[u] in _ADJUNCT_PREPS or
                            d.words[u][0].isupper() or
                            (colon and _adjunct_word(d, u)) for u in range(v + 1, t)):
                        break
                    if low[v].endswith("ing"):
                        break
                    if any(low[u] == "words" and low[u + 1] == "of" for u in range(v + 1, t - 1)):
                        break  # 'I recall the words of X:': X's words (3c)
                    if _is_reporting_verb(d, v, lo) is None:
                        break
                    sp = _speaker_back(d, v, lo)
                    if sp is not None:
                        q.speaker, q.cue, q.rule = sp, d.words[v], "speaker, then quote"
                        q.verb = v
                        return
                    break
                if any(c in d.gap(v) for c in ".;()"):
                    break
    # 3a. 'In the words of X, "…"', 'To quote (the words of) X: "…"', 'As X put it, "…"'
    if t > lo and d.folded[d.ends[t - 1]:q.open].strip() in (",", ":"):
        found = _words_of_speaker(d, lo, t)
        if found is not None:
            q.speaker, q.cue, q.rule = found[0], found[1], "in the words of"
            return
    # 3c. frames before a colon: 'X put it well:', 'the famous words of X:', 'X issued a
    #     communique in these terms:', 'X sent the following communication:'
    if t > lo and d.folded[d.ends[t - 1]:q.open].strip() == ":":
        found = _frame_before_colon(d, lo, t)
        if found is not None:
            q.speaker, q.cue, q.rule = found[0], found[1], "frame before a colon"
            return
    # 3b. "according to X" around the quotation
    for r in reported:
        if r["cue"] == "according to" and r["sentence"] == si and r["start"] <= q.open + 1 \
                and q.end <= r["end"] + 2:
            q.speaker, q.cue, q.rule = r["speaker"], "according to", "according to"
            q.attr_end = d.ends[r["speaker"][1] - 1]
            return
    # 4. inside the content of reported speech: 'X said the shelling was "very heavy"'
    for r in reported:
        if r["kind"] == "reported" and r["sentence"] == si and r["start"] <= q.open + 1 \
                and q.end <= r["end"] + 1 and r["cue"] != "according to":
            q.speaker, q.cue, q.rule = r["speaker"], r["cue"], "inside reported speech"
            return
    # 5. a fragment in the clause of a verb of communication or judgement:
    #    'Sharon branded his administration a "sponsor of terrorism"'
    t = bisect.bisect_left(d.starts, q.open)
    n_words = d.parsed.n_words_in(q.open, q.end)
    if t > i and 0 < n_words <= 25:
        frag = rv["fragment"]
        for v in range(t - 1, i - 1, -1):
            if low[v] in frag and d.words[v][0].islower():
                if low[v].endswith("ing") and v > i and low[v - 1] in _closed()["prepositions"]:
                    return  # "lashed out against X for calling him a "…"": X's words
                if low[v].endswith("ing"):
                    sp = _np_back(d, v, i)
                    if sp is None or any(c in d.gap(v) for c in ",;"):
                        sp = _np_forward(d, i, v)  # the subject of the sentence
                else:
                    sp = _speaker_back(d, v, i)
                if sp is not None and (d.words[sp[0]][0].isupper() or
                                       d.lower[sp[0]] in _SPEAKER_PRONOUNS):
                    q.speaker, q.cue, q.rule = sp, d.words[v], "fragment"
                    return
            if any(c in d.gap(v) for c in ';:(),') or low[v] in ("who", "which"):
                return  # a clause boundary: 'predicting the fall, in a hand-written "letter"'


# ---------------------------------------------------------------------------------------------
# speaker names
# ---------------------------------------------------------------------------------------------

def _is_demonym(w: str) -> bool:
    return len(w) > 4 and w[0].isupper() and w.endswith(("ian", "ean", "ese", "ish", "i", "an"))


def _is_title(w: str) -> bool:
    titles = reporting_verbs()["titles"]
    w = w.lower().rstrip(".")
    return w in titles or ("-" in w and all(part in titles for part in w.split("-")))


def _strip_titles(toks: list[str]) -> list[str]:
    """A capitalised run without its leading titles, articles and a demonym before a title
    ("Israeli Prime Minister Ariel Sharon" -> "Ariel Sharon"; "Logan International Airport
    Tom Kinton" -> "Tom Kinton"); the last word always stays."""
    nouns = reporting_verbs()["person_nouns"]
    for k in range(len(toks) - 2, -1, -1):
        if toks[k].lower() in nouns and k + 1 < len(toks):
            toks = toks[k + 1:]
            break
    k = 0
    while k < len(toks) - 1:
        w = toks[k]
        nxt = toks[k + 1]
        if _is_title(w) or w.lower() in _PARTICLES or _function_word(w.lower()):
            k += 1
        elif (_is_demonym(w) or (w.isupper() and len(w) <= 3)) and (
                _is_title(nxt) or not nxt[0].isupper()):
            k += 1
        elif w.lower().endswith("ly") and _is_title(nxt):
            k += 1  # "Recently Chancellor Adenauer": a sentence-opening adverb
        else:
            break
    return toks[k:]


def _function_word(w: str) -> bool:
    cc = _closed()
    return any(w in cc[c] for c in ("determiners", "prepositions", "conjunctions", "pronouns",
                                    "adverbs", "possessives"))


def _name_of(d: _Doc, sp) -> tuple[str, str]:
    """``(name, kind)`` of a speaker phrase that is not a pronoun: a person's name without
    titles (``person``; ``name`` for a lone capitalised word the document gives no fuller
    name or title), else the phrase without its article (``group``)."""
    s, e = sp
    nouns = reporting_verbs()["person_nouns"]
    words, low = d.words, d.lower
    # the trailing run of capitalised words (particles allowed inside)
    r = e
    while r > s and (words[r - 1][0].isupper() or (low[r - 1] in _PARTICLES and r < e)
                     or low[r - 1].split("-")[0] in _PARTICLES and "-" in low[r - 1]):
        if low[r - 1].endswith(("'s", "'")) and r < e:
            break
        r -= 1
        if r > s and _has_break(d.gap(r)):
            break
    run = [words[t] for t in range(r, e)]
    stripped = _strip_titles(run) if run else run
    titled = bool(run) and (len(stripped) < len(run) or (r > s and _is_title(words[r - 1])))
    before = low[r - 1] if r > s else ""
    cc = _closed()
    if before and not titled and (before in cc["prepositions"] or before in cc["conjunctions"]):
        stripped = []  # "Police in Karachi", "the presidents of Brazil and Chile": not a name
    if stripped and not any(w.lower() in nouns for w in stripped):
        name = " ".join(stripped)
        if len(stripped) == 1:
            full = _full_name(d, stripped[0])
            if full is None and not titled:
                return name, "name"
            name = full or name
        return name, "person"
    # "Doug Cameron from the Workers Union": the name before the preposition
    u = s
    while u < e and (words[u][0].isupper() or low[u] in _PARTICLES):
        u += 1
    if u < e and low[u] in _closed()["prepositions"] and u > s:
        head = _strip_titles(words[s:u])
        if (len(head) >= 2 or len(head) < u - s) and not any(w.lower() in nouns for w in head):
            return " ".join(head), "person"
    t = s
    while t < e and low[t] in ("the", "a", "an"):
        t += 1
    return d.folded[d.starts[t]:d.ends[e - 1]] if t < e else "", "group"


#: A run of capitalised words (a title with its full stop, "Mr.", counts as one: "Mr. Dulles").
_CAPS_RUN = re.compile(r"(?<![\w'\-])(?:(?:bin|ibn)\s+(?=[A-Z]))?(?:(?:Mr|Mrs|Ms|Dr|Messrs|Prof|Sen)\."
                       r"(?=\s+[A-Z])|[A-Z][\w'\-]*)(?:\s+(?:[A-Z][\w'\-]*|(?:bin|al|de|van|von|la|"
                       r"le|el|da|du|di|ibn|abu|ben)(?:-[\w'\-]+)?(?![\w'])))*")


def _person_runs(text: str, titled_ok: bool = False) -> list[list[str]]:
    """Runs of capitalised words in ``text`` that look like persons' names (two words or more
    after titles, or with ``titled_ok`` one word after a title: "Mr McGauran"; none of them a
    noun of a body, no possessive inside)."""
    nouns = reporting_verbs()["person_nouns"]
    out = []
    for m in _CAPS_RUN.finditer(text):
        toks = m.group(0).split()
        for k in range(len(toks) - 1, -1, -1):
            if toks[k].endswith(("'s", "'")) and k < len(toks) - 1:
                toks = toks[k + 1:]
                break
        stripped = _strip_titles(toks)
        titled = len(stripped) < len(toks) and _is_title(toks[len(toks) - len(stripped) - 1])
        particled = len(toks) == 2 and toks[0] in ("bin", "ibn")  # "bin Laden"
        if (len(stripped) >= 2 or (titled_ok and titled) or particled) and \
                not any(t.lower() in nouns for t in stripped) and \
                not stripped[-1].endswith(("'s", "'")):
            out.append(toks if particled else stripped)
    return out


def _full_name(d: _Doc, surname: str) -> str | None:
    """The longest person's name ending in ``surname`` anywhere in the document, if it is
    longer than the surname."""
    cache = d.__dict__.setdefault("_names", {})
    if surname not in cache:
        best = None
        for toks in d.__dict__.setdefault("_runs", None) or _doc_runs(d):
            if toks[-1] == surname and (best is None or len(toks) > len(best)):
                best = toks
        cache[surname] = " ".join(best) if best else None
    return cache[surname]


def _doc_runs(d: _Doc) -> list[list[str]]:
    runs = _person_runs(d.folded)
    d.__dict__["_runs"] = runs
    return runs


def _resolve(d: _Doc, rows: list[dict]) -> None:
    """Set ``speaker_name`` and ``speaker_kind`` of every row (pronouns resolved backwards)."""
    for r in rows:  # first the speakers named, so that a pronoun may look them up
        sp = r["speaker"]
        if sp is not None and r.get("quote") is None or (
                r.get("quote") is not None and r["quote"].follows is None
                and r["quote"].follows_row is None):
            if sp is not None and not (sp[1] - sp[0] == 1 and d.lower[sp[0]] in
                                       _SPEAKER_PRONOUNS):
                r["speaker_name"], r["speaker_kind"] = _name_of(d, sp)
    done: list[dict] = []
    for r in sorted(rows, key=lambda r: r["start"]):
        sp = r["speaker"]
        if sp is None:
            r["speaker_name"], r["speaker_kind"] = "", "none"
            r["speaker_end_pos"] = r["start"]
            done.append(r)
            continue
        q = r.get("quote")
        if q is not None and q.follows_row is not None:
            x = q.follows_row
            r["speaker_name"], r["speaker_kind"] = x.get("speaker_name", ""), \
                x.get("speaker_kind", "pronoun")
            r["speaker_end_pos"] = d.ends[sp[1] - 1]
            q.name, q.kind = r["speaker_name"], r["speaker_kind"]
            done.append(r)
            continue
        if q is not None and q.follows is not None:
            r["speaker_name"], r["speaker_kind"] = q.follows.name, q.follows.kind
            r["speaker_end_pos"] = d.ends[sp[1] - 1]
            q.name, q.kind = q.follows.name, q.follows.kind
            done.append(r)
            continue
        s, e = sp
        p = d.lower[s] if e - s == 1 else ""
        if p in _SPEAKER_PRONOUNS:
            name, kind = _antecedent(d, r, p, done, rows)
        else:
            name, kind = _name_of(d, sp)
            if kind == "group" and _title_reference(d, sp):
                # "the Palestinian leader said", "The President said": the person before
                n2, k2 = _antecedent(d, r, "he", done, rows)
                if n2:
                    name, kind = n2, k2
        r["speaker_name"], r["speaker_kind"] = name, kind
        r["speaker_end_pos"] = d.ends[e - 1]
        if q is not None:
            q.name, q.kind = name, kind
        done.append(r)


def _antecedent(d: _Doc, r: dict, p: str, done: list[dict], rows: list[dict]) -> tuple[str, str]:
    si = r["sentence"]
    if p in ("i", "we"):
        # inside a quotation: its speaker; outside: the author
        for x in rows:
            if x["kind"] == "direct" and x is not r and x["start"] <= r["start"] < x["end"] + 1:
                return x.get("speaker_name", ""), x.get("speaker_kind", "pronoun") \
                    if x.get("speaker_name") else "pronoun"
        return "", "author"
    want = "person" if p in ("he", "she") else "group"
    inside = [(x["start"], x["end"]) for x in rows if x["kind"] == "direct"]
    here = d.starts[r["speaker"][0]]
    if p in ("he", "she") and si > 0:
        # the person who is the subject of the sentence before ("President Musharraf repeated
        # his offer ... "…," he said"), when no speaker came between and no other person is
        # named in this sentence before the pronoun ("Mr. Stettinius, too, ... when he said")
        lo, _ = d.sents[si - 1]
        m = _CAPS_RUN.match(d.folded, lo)
        if m is not None:
            toks = _person_runs(m.group(0), titled_ok=True)
            here_runs = _person_runs(_narration(d, d.sents[si][0], here, inside),
                                     titled_ok=True)
            if toks and toks[0][-1] == m.group(0).split()[-1] and not any(
                    run[-1] != toks[0][-1] for run in here_runs) and not any(
                    x["sentence"] >= si - 1 and x["start"] < here and x is not r
                    and x.get("speaker_name") and x["speaker_kind"] in ("person", "name")
                    and x["speaker_name"].split()[-1] != toks[0][-1] for x in done):
                surname = toks[0][-1]
                return _full_name(d, surname) or " ".join(toks[0]), "person"
    for x in reversed(done):
        if si - x["sentence"] > 3:
            break
        if x["kind"] == "reported" and any(a <= x["start"] < b for a, b in inside):
            continue
        if not x.get("speaker_name") or x["speaker_kind"] not in (want, "name") and not (
                p in ("he", "she") and _one_person(d, x)):
            continue
        if p == "they" and not _plural(x["speaker_name"]):
            continue
        if p == "it" and _plural(x["speaker_name"]):
            continue
        if p in ("he", "she"):
            # another person named since that speaker: not confident
            last = x["speaker_name"].split()[-1]
            since = _narration(d, x["speaker_end_pos"], here, inside)
            if any(toks[-1] != last for toks in _person_runs(since, titled_ok=True)):
                break
        return x["speaker_name"], x["speaker_kind"]
    if p in ("he", "she"):
        # the only person named in this sentence before the pronoun ("with Mr Peres
        # denouncing what he called …")
        runs = _person_runs(_narration(d, d.sents[si][0], here, inside), titled_ok=True)
        if len({toks[-1] for toks in runs}) == 1:
            surname = runs[0][-1]
            return _full_name(d, surname) or " ".join(runs[0]), "person"
        if runs:
            return "", "pronoun"
        # the only person's name in this sentence (before the pronoun) and the one before
        lo = d.sents[max(0, si - 1)][0]
        known = {x["speaker_name"].split()[-1] for x in rows
                 if x.get("speaker_kind") in ("person", "name") and x.get("speaker_name")}
        runs = _person_runs(_narration(d, lo, here, inside), titled_ok=True)
        names = {toks[-1] for toks in runs}
        titled = {toks[-1] for toks in runs if len(toks) == 1} | known
        if len(names) == 1 and names <= titled | known or (len(names) == 1 and any(
                len(t) >= 2 for t in runs)):
            surname = names.pop()
            return _full_name(d, surname) or surname, "person"
        if not runs:
            # no person named: a state's representative in this sentence or the one before
            # ("the statement made by the United States representative ...; he urged")
            # or the one office named by its title alone ("the Secretary-General put it
            # well when he stated", "the President of the United States ..., he said")
            narration = _narration(d, lo, here, inside)
            found = list(_REPRESENTATIVE.finditer(narration))
            offices = [m for m in _OFFICE.finditer(narration)
                       if not any(f.start() <= m.start() < f.end() for f in found)]
            if len(found) == 1 and not offices:
                return found[0].group(0), "group"
            # or the one person whose speech or words are named ("quote Mr. Nelson Mandela's
            # speech of 24 September. He said, "…"")
            speakers = _speech_possessors(narration)
            if len(speakers) == 1 and not found and not offices:
                surname = speakers[0][-1]
                return _full_name(d, surname) or " ".join(speakers[0]), "person"
            if len(offices) == 1 and not found:
                office = offices[0].group(0)
                return (office[4:] if office[:4].lower() == "the " else office), "group"
    return "", "pronoun"


#: A state's or body's representative, named by the state or body ("the United States
#: representative", "the representative of the United Kingdom", "the Soviet delegate").
_REPRESENTATIVE = re.compile(
    r"\b(?:[Tt]he\s+)?(?:(?:[A-Z][\w\-]*\s+){1,3}(?:representative|delegate|delegation|"
    r"spokesman|ambassador|Foreign\s+Minister|Prime\s+Minister|Secretary\s+of\s+State)|"
    r"(?:representative|delegate|delegation|spokesman|ambassador)\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w\-]*)(?:\s+[A-Z][\w\-]*){0,3})\b")


#: Nouns of a person's speech after their possessive name ("Lincoln's words").
_SPEECH_NOUNS = frozenset({"speech", "speeches", "words", "statement", "address", "remarks",
                           "message", "letter", "appeal", "declaration", "testimony"})


def _speech_possessors(text: str) -> list[list[str]]:
    """The persons' names in ``text`` that own a speech noun within three words ("Abraham
    Lincoln's words", "Mr. Nelson Mandela's momentous speech"), one list per distinct
    surname."""
    out: dict[str, list[str]] = {}
    for m in _CAPS_RUN.finditer(text):
        run = m.group(0)
        if not run.endswith("'s"):
            continue
        after = text[m.end():m.end() + 60].split()[:3]
        if not any(w.strip(",.;:").lower() in _SPEECH_NOUNS for w in after):
            continue
        for toks in _person_runs(run[:-2], titled_ok=True):
            out.setdefault(toks[-1], toks)
    return list(out.values())


#: One office named by its title alone, with *the*, *our* or *my* ("the Secretary-General",
#: "our President", "the President of the United States"): a "he" with no person named
#: before it in its sentence or the one before is its holder (since the sixteenth round).
_OFFICE = re.compile(
    r"\b(?:[Tt]he|[Oo]ur|[Mm]y)\s+"
    r"(?:[Ss]ecretary-[Gg]eneral|[Pp]resident|[Pp]rime\s+[Mm]inister|[Ff]oreign\s+[Mm]inister|"
    r"[Cc]hancellor|[Kk]ing|[Ee]mir|[Cc]hairman)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})?(?![\w\-])")


#: Prepositions after which a capitalised run is a place, not a person ("in New York").
_PLACE_PREPS = frozenset({"in", "at", "from", "near", "into", "across", "outside", "inside",
                          "towards", "toward", "around", "throughout", "via"})


def _narration(d: _Doc, lo: int, hi: int, inside) -> str:
    """``folded[lo:hi]`` with quoted words blanked and places dropped: the stretch in which a
    pronoun's antecedent is looked for. A person named inside a quotation ("I was sitting
    with Dr X," he said) is the speaker's topic, not a speaker; a run after *in, at, from*
    ("the towers in New York") is a place."""
    chars = list(d.folded[lo:hi])
    for a, b in inside:
        for k in range(max(a, lo), min(b, hi)):
            chars[k - lo] = " "
    out = "".join(chars)
    for m in _CAPS_RUN.finditer(out):
        before = out[:m.start()].split()
        if before and before[-1].lower() in _PLACE_PREPS:
            out = out[:m.start()] + " " * (m.end() - m.start()) + out[m.end():]
    return out


def _title_reference(d: _Doc, sp) -> bool:
    """A definite description by a title alone: "the Palestinian leader", "The President"."""
    s, e = sp
    if d.lower[s] != "the" or e - s < 2 or e - s > 4:
        return False
    last = d.lower[e - 1]
    if last not in ("leader", "president", "minister", "premier", "king", "chancellor",
                    "secretary-general", "general", "commander", "envoy", "ambassador",
                    "spokesman", "spokeswoman", "chief", "mayor", "governor", "emir", "prince"):
        return False
    middle = d.words[s + 1:e - 1]
    return all(_is_demonym(w) or _is_title(w) or w.islower() for w in middle)


def _one_person(d: _Doc, x: dict) -> bool:
    """A speaker named by a noun phrase that is one person ("the Israeli official", "a
    police dispatcher", "my Prime Minister"): its last word is in ``person_heads``."""
    sp = x.get("speaker")
    return (x.get("speaker_kind") == "group" and sp is not None
            and d.lower[sp[1] - 1] in reporting_verbs()["person_heads"])


def _plural(name: str) -> bool:
    last = name.split()[-1].lower() if name.split() else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "'s")) or last in (
        "police", "people", "military", "media", "authorities")


# ---------------------------------------------------------------------------------------------
# public
# ---------------------------------------------------------------------------------------------

def _detected(doc):
    """``(d, rows)``: what the detector read of ``doc`` and its rows (None, [] when empty)."""
    parsed = parse(doc)
    d = _Doc(parsed, parsed.folded, parsed._starts_list, parsed._ends_list,
             parsed.lower_words(0, None), parsed.words(0, None), list(parsed.sentences),
             [s for s, _ in parsed.sentences])
    if not d.starts or not d.sents:
        return None, []
    return d, _detect(d, doc.text, doc.body_blocks())


def _doc_rows(doc, detected=None) -> list[dict]:
    d, rows = _detected(doc) if detected is None else detected
    if d is None:
        return []
    rows = [r for r in rows if r["kind"] != "according"]
    _resolve(d, rows)
    out = []
    for r in rows:
        sp = r["speaker"]
        s0, s1 = (d.starts[sp[0]], d.ends[sp[1] - 1]) if sp else (-1, -1)
        out.append((doc.id, r["start"], r["end"], doc.text[r["start"]:r["end"]], r["kind"],
                    s0, s1, doc.text[s0:s1] if sp else "", r["speaker_name"],
                    r["speaker_kind"], r["cue"], r["rule"], r["sentence"]))
    return out


def quote_spans(data) -> pd.DataFrame:
    """Direct quotations and reported speech of every document, with their speakers.

    Parameters
    ----------
    data : Corpus, Document or str

    Returns
    -------
    DataFrame
        :data:`QUOTE_SPAN_COLUMNS`, one row per quotation or reported clause, in text order.

    See Also
    --------
    discourse.actors.quotes.find_quotes : the same with the speaker's gazetteer actor.

    Examples
    --------
    >>> t = quote_spans('According to the ministry, 40 people died. "It was a massacre," '
    ...                 'said Ali Hassan, a witness.')
    >>> t[["kind", "text", "speaker_name"]].values.tolist()
    [['reported', '40 people died', 'ministry'], ['direct', 'It was a massacre', 'Ali Hassan']]
    """
    rows = []
    for doc in as_corpus(data, "quote_spans"):
        rows.extend(_doc_rows(doc))
    table = pd.DataFrame(rows, columns=QUOTE_SPAN_COLUMNS)
    return table.astype({c: "int64" for c in ("start", "end", "speaker_start", "speaker_end",
                                              "sentence")})


def quoted_regions(doc) -> list[tuple[int, int, str]]:
    """``(start, end, speaker)`` of the quoted and reported content of one document, sorted
    and without overlaps (an inner span inside an outer one keeps the outer one's extent and
    the inner speaker): what :mod:`discourse.rhetoric.stance` attributes markers by. The
    speaker is ``speaker_name``, or the speaker as written, or ``"unknown"``."""
    regions = []
    detected = _detected(doc)
    for r in _doc_rows(doc, detected):
        if r[9] == "author":
            continue  # "we have said that ...": the author's own words
        speaker = r[8] or r[7] or "unknown"
        regions.append((r[1], r[2], speaker))
    regions.extend((s, e, "unknown") for s, e in _unattributed(detected[0], doc.text))
    regions.sort(key=lambda x: (x[0], -x[1]))
    return regions


#: Words a quotation needs, with a finite verb among them, to be someone's words even when no
#: speaker is found: shorter ones are titles, names or scare quotes ("the 'road map'").
_MIN_QUOTED_WORDS = 6
#: Above this share of a document's words, quotation marks without a speaker are the record's
#: convention (a statement printed as one long quotation, paragraph by paragraph), not quotes.
_MAX_QUOTED_SHARE = 0.5


def unattributed_quotations(doc) -> list[tuple[int, int]]:
    """``(start, end)`` of the quotations in double marks that have no speaker the detector
    finds (not quotes in :func:`quote_spans`) but are someone's words: at least six words with
    a finite verb ("The Charter, which read: «The Organization shall ensure …»"). Their stance
    markers are no more the author's than a quoted speaker's (docs/annotation.md sec. 6). When
    such quotations hold more than half the document's words, the marks are the record's way of
    printing a statement and none is returned.

    Examples
    --------
    >>> text = ('We have read the Charter many times in this hall over the years. It reads: '
    ...         '"States shall settle their disputes by peaceful means." We agree.')
    >>> [text[s:e] for s, e in unattributed_quotations(text)]
    ['States shall settle their disputes by peaceful means']
    """
    doc = next(iter(as_corpus(doc, "unattributed_quotations"))) if isinstance(doc, str) else doc
    return _unattributed(_detected(doc)[0], doc.text)


def _unattributed(d, text: str) -> list[tuple[int, int]]:
    if d is None:
        return []
    out = []
    for q in d.quotes:
        if q.single or q.speaker is not None:
            continue
        cs, ce = _trim(text, q.open + 1, q.end)
        if ce <= cs:
            continue
        i, j = d.parsed.words_in(cs, ce)
        if j - i >= _MIN_QUOTED_WORDS and _has_finite(d, i, j):
            out.append((cs, ce))
    n = sum(j - i for i, j in d.parsed.body_word_ranges)
    if out and words_covered(d.parsed, out) > _MAX_QUOTED_SHARE * n:
        return []  # a record printed inside quotation marks: they say nothing of the voice
    return out


def words_covered(parsed, spans) -> int:
    """Words of ``parsed`` inside the union of the character ``spans`` (overlaps once)."""
    n, last = 0, -1
    for s, e in sorted(spans):
        s = max(s, last)
        if e > s:
            n += parsed.n_words_in(s, e)
            last = e
    return n


def stat_quoted(corpus) -> pd.DataFrame:
    """Per document: how much of it is other people's words.

    Parameters
    ----------
    corpus : Corpus, Document or str

    Returns
    -------
    DataFrame
        :data:`QUOTED_COLUMNS`: ``n_quotes`` (``n_direct_quotes`` + ``n_reported_speech``),
        ``quotes_per_1k`` (per 1,000 body words), ``share_words_quoted`` (body words inside
        quotations or reported content, overlaps counted once, over all body words) and
        ``share_words_direct`` (the same for direct quotations only); NaN for a document
        without words.

    Examples
    --------
    >>> stat_quoted('Officials said the talks would resume. "We are ready," Lavrov said.'
    ...             ).iloc[0, 1:].tolist()
    [2.0, 1.0, 1.0, 181.8181818181818, 0.6363636363636364, 0.2727272727272727]
    """
    import numpy as np

    rows = []
    for doc in as_corpus(corpus, "stat_quoted"):
        parsed = parse(doc)
        n = sum(j - i for i, j in parsed.body_word_ranges)
        quotes = _doc_rows(doc) if n else []
        direct = [(r[1], r[2]) for r in quotes if r[4] == "direct"]
        n_dir = len(direct)
        rows.append((doc.id, len(quotes), n_dir, len(quotes) - n_dir,
                     1000.0 * len(quotes) / n if n else np.nan,
                     words_covered(parsed, [(r[1], r[2]) for r in quotes]) / n if n else np.nan,
                     words_covered(parsed, direct) / n if n else np.nan))
    return pd.DataFrame(rows, columns=QUOTED_COLUMNS).astype(
        {"n_quotes": "int64", "n_direct_quotes": "int64", "n_reported_speech": "int64"})
