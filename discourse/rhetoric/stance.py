"""Stance and metadiscourse markers (after Hyland 2005), modality, negation, person reference.

The lexicon is :file:`discourse/data/lexicons/metadiscourse.yaml` (its header gives the
sources, and each category its definition and what was added or dropped for political texts):

=====================  ====================================================================
category               what it counts
=====================  ====================================================================
hedges                 withheld commitment: *perhaps, possibly, in our view, about 300*
boosters               certainty: *clearly, indeed, in fact, demonstrated, it is true*
attitude_markers       affective evaluation: *importantly, unfortunately, crucial, welcome*
self_mentions          the speaker: *I, me, my, we, us, our*
engagement_markers     the audience: *you, your, let us, Mr. President, excellencies*
modal_high             *must, will, shall, cannot, have to*
modal_medium           *should, would, ought to*
modal_low              *may, might, could, can*
negation               *not, no, never, n't, nor, neither, nothing, none, without*
first_person_plural    *we, us, our, ours, ourselves*
third_person           *he, she, it, they* and their other forms
=====================  ====================================================================

Matching policy
---------------
* Only body text is read (headings, boilerplate and page furniture are left out, as in
  :mod:`discourse.text.tokens`); tokens are :data:`discourse.text.tokens.WORD_PATTERN` words of the
  :func:`~discourse.corpus.normalize.fold_typography` fold of the text, so "don’t" matches "don't"
  and every offset points into ``Document.text``. ``n_tokens`` is the same count as
  :func:`discourse.text.tokens.count_tokens` of the body paragraphs.
* Entries are whole words or phrases (consecutive tokens separated by spaces only; a period
  may follow *mr, mrs, ms, dr*), case-insensitive; ``word*`` is a prefix glob, ``*n't`` a
  suffix glob, ``<num>`` a number token.
* Within a category the longest entry starting at a token wins and its tokens are not counted
  again; categories overlap on purpose (*must have* is a booster, *must* a high modal).
* Ambiguity: the ``exclusions`` of the lexicon drop a word inside listed phrases (*the will of
  the people*, *military might*, *No. 242*); in code, capitalised *May* that is not
  sentence-initial or stands next to a number is the month, and *US* in capitals (in a text
  that is not all capitals) is the United States.

>>> rows = stance_markers("We must, in fact, act. Perhaps not in May 2024.")
>>> list(zip(rows["category"], rows["match"]))[:4]
[('self_mentions', 'We'), ('first_person_plural', 'We'), ('modal_high', 'must'), ('boosters', 'in fact')]
>>> "May" in set(rows["match"])
False
"""
from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from ..corpus.documents import Document, as_corpus
from ..errors import CorpusFormatError, InputError, ResourceError, file_error
from ..corpus.normalize import fold_typography
from ..text.parsed import parse
from ..text.tokens import _WORDS_ONLY as _WORD  # the word part of the counting policy
from .phrases import closed_class

__all__ = ["stance_markers", "stat_stance", "load_stance_lexicon", "StanceLexicon",
           "STANCE_CATEGORIES", "STANCE_MARKER_COLUMNS", "stance_columns", "VOICES"]

#: Categories of the shipped lexicon, in table order.
STANCE_CATEGORIES = ["hedges", "boosters", "attitude_markers", "self_mentions",
                     "engagement_markers", "modal_high", "modal_medium", "modal_low", "negation",
                     "first_person_plural", "third_person"]
#: Columns of :func:`stance_markers`: one row per match. ``entry`` is the lexicon entry that
#: matched (``"in fact"``), ``match`` the text as written (``doc.text[start:end]``),
#: ``sentence`` the index of the sentence in :func:`discourse.text.sentences.sentence_spans`
#: (-1 if the match lies outside every sentence span).
#: ``attributed_to`` is ``"author"`` for the author's own markers, or, for a marker inside a
#: quotation or the content of reported speech, the quoted speaker
#: (:func:`discourse.rhetoric.reported.quoted_regions`: the speaker's name, or the speaker as
#: written, or ``"unknown"``).
STANCE_MARKER_COLUMNS = ["doc_id", "category", "entry", "match", "start", "end", "sentence",
                         "attributed_to"]
#: Values of the ``voice`` parameter of :func:`stat_stance`.
VOICES = ("author", "all")

_DIGITS = re.compile(r"^\d[\d,.]*$")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions dozen dozens half "
    "several".split())
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "no"})  # "No. 242"
_SENSE_CATEGORIES = frozenset({"hedges", "boosters"})


def stance_columns(categories=STANCE_CATEGORIES) -> list[str]:
    """Columns of :func:`stat_stance` for the given categories.

    >>> stance_columns(["hedges"])
    ['doc_id', 'n_tokens', 'n_author_tokens', 'hedges_count', 'hedges_per_1k', 'first_vs_third']
    """
    cols = ["doc_id", "n_tokens", "n_author_tokens"]
    for c in categories:
        cols += [f"{c}_count", f"{c}_per_1k"]
    return cols + ["first_vs_third"]


# ---------------------------------------------------------------------------------------------
# Lexicon
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Part:
    kind: str  # "word", "prefix", "suffix", "num"
    text: str

    def matches(self, token: str) -> bool:
        if self.kind == "word":
            return token == self.text
        if self.kind == "prefix":
            return token.startswith(self.text)
        if self.kind == "suffix":
            return token.endswith(self.text) and len(token) > len(self.text)
        return bool(_DIGITS.match(token)) or token in _NUMBER_WORDS


def _parse_part(word: str, where: str) -> _Part:
    if word == "<num>":
        return _Part("num", "")
    if word.endswith("*") and len(word) > 1 and "*" not in word[:-1]:
        return _Part("prefix", word[:-1])
    if word.startswith("*") and len(word) > 1 and "*" not in word[1:]:
        return _Part("suffix", word[1:])
    if "*" in word or not _WORD.fullmatch(word):
        raise file_error(CorpusFormatError, where, f"entry part {word!r} is not a word, "
                         "'word*', '*suffix' or '<num>'")
    return _Part("word", word)


@dataclass(frozen=True)
class StanceLexicon:
    """A compiled stance lexicon: categories of entries (phrases of parts) and exclusions."""

    name: str
    version: str
    source: str
    licence: str
    categories: tuple[str, ...]
    descriptions: dict
    entries: dict          # category -> list of (entry text, tuple of _Part)
    exclusions: dict       # word -> list of (index of the word in the phrase, tuple of _Part)

    def __post_init__(self):
        exact, prefix, suffix, num = {}, {}, [], []
        for cat in self.categories:
            for text, parts in self.entries[cat]:
                first = parts[0]
                item = (cat, text, parts)
                if first.kind == "word":
                    exact.setdefault(first.text, []).append(item)
                elif first.kind == "prefix":
                    prefix.setdefault(first.text, []).append(item)
                elif first.kind == "suffix":
                    suffix.append(item)
                else:
                    num.append(item)
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_prefix", prefix)
        object.__setattr__(self, "_prefix_lengths", sorted({len(p) for p in prefix}))
        object.__setattr__(self, "_suffix", suffix)
        object.__setattr__(self, "_num", num)
        object.__setattr__(self, "_memo", {})  # token -> candidates (a pure function of it)

    def candidates(self, token: str) -> tuple:
        """Entries whose first part matches ``token`` (lower case); remembered per token."""
        memo = self._memo
        found = memo.get(token)
        if found is None:
            if len(memo) > 500_000:  # bounded on any corpus
                memo.clear()
            found = memo[token] = tuple(self._candidates(token))
        return found

    def _candidates(self, token: str) -> list:
        out = list(self._exact.get(token, ()))
        for k in self._prefix_lengths:
            if k <= len(token):
                out.extend(self._prefix.get(token[:k], ()))
        for item in self._suffix:
            if item[2][0].matches(token):
                out.append(item)
        if self._num and (_DIGITS.match(token) or token in _NUMBER_WORDS):
            out.extend(self._num)
        return out


def _parse_lexicon(text: str, where: str) -> StanceLexicon:
    from ..keywords.patterns import read_entries_yaml

    data, patterns, descriptions = read_entries_yaml(text, where, "stance lexicon")
    entries = {}
    for cat, value in patterns.items():
        compiled = []
        for v in value:
            words = fold_typography(v).lower().split()
            if not words:
                raise file_error(CorpusFormatError, where, f"category {cat!r} has an empty entry")
            compiled.append((" ".join(words), tuple(_parse_part(w, where) for w in words)))
        entries[cat] = compiled
    exclusions = {}
    for word, phrases in (data.get("exclusions") or {}).items():
        if not isinstance(word, str) or not isinstance(phrases, list) or \
                not all(isinstance(p, str) for p in phrases):
            raise file_error(CorpusFormatError, where, f"exclusions: {word!r} must map a word to "
                             "a list of phrases, as strings (quote yes, no, on, off)")
        word = word.lower()
        for phrase in phrases:
            words = fold_typography(phrase).lower().split()
            if word not in words:
                raise file_error(CorpusFormatError, where, f"exclusion {phrase!r} does not "
                                 f"contain the word {word!r} it excludes")
            parts = tuple(_parse_part(w, where) for w in words)
            exclusions.setdefault(word, []).append((words.index(word), parts))
    return StanceLexicon(str(data["name"]), str(data.get("version", "")), str(data["source"]),
                         str(data["licence"]), tuple(entries), descriptions, entries, exclusions)


@cache
def _shipped_lexicon() -> StanceLexicon:
    path = resources.files("discourse.data").joinpath("lexicons", "metadiscourse.yaml")
    return _parse_lexicon(path.read_text("utf-8"), "discourse/data/lexicons/metadiscourse.yaml")


def load_stance_lexicon(name_or_path: str | os.PathLike = "metadiscourse") -> StanceLexicon:
    """The shipped stance lexicon (``"metadiscourse"``) or a user's YAML file in its format.

    >>> lex = load_stance_lexicon()
    >>> lex.categories[:3]
    ('hedges', 'boosters', 'attitude_markers')
    """
    if isinstance(name_or_path, StanceLexicon):
        return name_or_path
    if name_or_path == "metadiscourse":
        return _shipped_lexicon()
    path = Path(name_or_path)
    if not path.suffix:
        raise ResourceError(f"unknown stance lexicon {str(name_or_path)!r}; shipped: "
                            "['metadiscourse'] (or give the path of a YAML file)")
    if not path.exists():
        raise file_error(InputError, path, "no such lexicon file")
    return _parse_lexicon(path.read_text("utf-8"), str(path))


# ---------------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------------

def _body_tokens(parsed):
    """The words of the body blocks (as they stand in the folded text) and their spans, from
    the analysed document."""
    toks, spans = [], []
    for i, j in parsed.body_word_ranges:
        toks += parsed.words(i, j)
        spans += parsed.word_spans(i, j)
    return toks, spans


def _gap_ok(folded: str, spans, i: int, j: int, toks_lower) -> bool:
    """Can token ``i`` and the next token ``j`` be parts of one phrase?"""
    gap = folded[spans[i][1]:spans[j][0]]
    if gap.isspace():
        return True
    return gap[:1] == "." and gap[1:].isspace() and toks_lower[i] in _ABBREVIATIONS


def _phrase_at(parts, i: int, lower, spans, folded) -> bool:
    k = len(parts)
    if i < 0 or i + k > len(lower):
        return False
    for j in range(k):
        if not parts[j].matches(lower[i + j]):
            return False
        if j and not _gap_ok(folded, spans, i + j - 1, i + j, lower):
            return False
    return True


def _sentence_initial(folded: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (folded[i].isspace() or folded[i] in "\"'([“‘"):
        i -= 1
    return i < 0 or folded[i] in ".!?:\n"


def _is_number(token: str) -> bool:
    return bool(_DIGITS.match(token))


def _excluded(word: str, i: int, lex: StanceLexicon, lower, raw, spans, folded,
              all_caps: bool) -> bool:
    if word == "may":
        near_number = (i > 0 and _is_number(lower[i - 1])) or \
                      (i + 1 < len(lower) and _is_number(lower[i + 1]))
        if near_number or (raw[i] == "May" and not _sentence_initial(folded, spans[i][0])):
            return True
    elif word == "us" and raw[i] == "US" and not all_caps:
        return True
    for index, parts in lex.exclusions.get(word, ()):
        if _phrase_at(parts, i - index, lower, spans, folded):
            return True
    return False


#: Words after *could* that make it ability or perception ("could not attend", "could see").
_ABILITY_AFTER = frozenset({"not", "n't", "see", "hear", "feel", "afford", "hardly", "barely",
                            "never", "only", "no", "scarcely", "understand", "imagine",
                            "remember", "recall", "tell", "count", "do"})
#: Participles of perception and expression after which *clearly* is an adverb of manner
#: ("could be clearly heard", "clearly defined"), not a booster.
_MANNER_PARTICIPLES = frozenset({"heard", "seen", "visible", "audible", "legible", "defined",
                                 "stated", "marked", "written", "expressed", "articulated",
                                 "spelled", "spelt", "labelled", "labeled", "worded",
                                 "formulated", "delineated", "signposted", "displayed"})
#: Verbs after which *clearly* is an adverb of manner ("see clearly", "speak clearly").
_MANNER_VERBS = frozenset({"see", "sees", "saw", "hear", "hears", "speak", "speaks", "spoke",
                           "spoken", "think", "thinks", "express", "expressed", "explain",
                           "explained", "define", "defined", "state", "stated", "write",
                           "wrote", "written", "say", "said", "read", "articulate", "show",
                           "showed", "shown", "mark", "marked", "set", "laid", "spell",
                           "speaking", "seeing", "thinking"})
#: Participles after *could be* that make it ability or perception ("could be seen").
_PERCEIVED = frozenset({"seen", "heard", "felt", "noticed", "observed", "smelt", "smelled"})
#: Determiners and prepositions before an attributive epithet ("the suspected bomber").
_EPITHET_BEFORE = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her",
                             "its", "their", "our", "of", "to", "for", "with", "by", "on",
                             "from", "against", "about", "two", "three", "several", "some",
                             "other", "another", "many"})
#: Hedges that a reporter inserts as epithets into a report ("access to suspected fighter
#: X", "the potentially explosive crisis"): the author's, even inside reported speech.
_EPITHETS = frozenset({"alleged", "suspected", "potentially", "reputed", "purported",
                       "presumed", "supposed", "apparent"})
_COURSE_NOUNS = frozenset({"change", "changes", "changed", "reversal", "alteration", "shift",
                           "matter", "off", "plotted"})


#: Openers of a purpose clause: a modal after them enables, it does not doubt ("in order that
#: we may", "so that they could").
_PURPOSE = (("in", "order", "that"), ("so", "that"), ("so", "as"))
#: How far back (in words) a purpose clause may open before its modal (:func:`_in_purpose_clause`):
#: its subject can be long ("so that the hopes and aspirations of the ordinary peoples of that
#: region to live together in peace as good neighbours may be realized"; since the sixteenth
#: round, eight before).
_PURPOSE_REACH = 24
#: Openers of a condition: a modal inside one states a hypothesis, not the speaker's doubt
#: ("provided it could expect", "if they could agree").
_CONDITION = frozenset({"if", "provided", "providing", "unless", "whether"})
#: Openers of a clause of extent: a modal inside one measures what can be done ("so far as
#: they could", "in so far as may be necessary"), it doubts nothing.
_EXTENT = (("so", "far", "as"), ("as", "far", "as"), ("insofar", "as"), ("to", "the", "extent"),
           ("as", "best"))
#: Others as the subject of a modal verb of thought or saying: "some might think that",
#: "others may argue": a stance the speaker attributes to others (docs/annotation.md sec. 6,
#: third-person attributions of belief), not the speaker's own doubt.
_OTHERS = frozenset({"some", "others", "many", "critics", "sceptics", "skeptics", "cynics"})
_THOUGHT_VERBS = frozenset({"think", "say", "argue", "believe", "claim", "imagine", "suggest",
                            "object", "wonder", "ask", "feel", "contend", "assume", "conclude",
                            "expect", "perceive", "see", "regard", "consider", "question",
                            "doubt", "fear", "maintain", "insist", "reply", "retort"})
#: Nouns' company: "give serious thought to the question" is the noun *thought*, not the
#: evidential *is thought to*.
_THOUGHT_NOUN_AFTER = frozenset({"the", "a", "an", "this", "that", "these", "those", "its",
                                 "their", "our", "his", "her", "my", "your", "such", "all",
                                 "any", "how", "what", "whether", "ways", "it", "them"})


#: Subjects that act: before *could* they make it the agent's ability or open option
#: ("Washington could lift the ban", "we could consider", "the Council could adopt"), which
#: docs/annotation.md sec. 6 excludes with *can* of ability; *it*, *this*, *there* do not act.
_AGENT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who", "one"})
_AGENT_NOUNS = frozenset({"government", "governments", "country", "countries", "state",
                          "states", "nation", "nations", "people", "peoples", "member",
                          "members", "power", "powers", "party", "parties", "leader",
                          "leaders", "delegation", "delegations", "organization",
                          "organisation", "organizations", "organisations", "community",
                          "council", "assembly", "committee", "commission", "secretariat",
                          "administration", "president", "minister", "ministers", "side",
                          "sides", "authorities", "army", "forces", "negotiators", "union"})
#: Words that close no subject even when capitalised ("This could mean", "There could be").
_NOT_SUBJECT_NAMES = frozenset({"it", "this", "that", "there", "these", "those", "which",
                                "what", "such", "nothing", "anything", "something", "all", "everything",
                                "much", "more", "less", "here", "both", "either", "neither",
                                "and", "or", "but", "so", "then", "now", "yet", "also"})
#: Verbs after *could* that do not act: with them *could* states a possibility even of an
#: agent ("they could be wrong", "we could face disaster", "Iran could have the bomb"), and a
#: potential ("Germany could play a key role", a hedge in the dev set's annotation).
_NOT_ACTION = frozenset({"be", "have", "become", "lead", "result", "mean", "cause", "happen",
                         "prove", "turn", "seem", "appear", "face", "suffer", "lose", "fall",
                         "die", "end", "get", "well", "find", "remain", "last", "spread",
                         "break", "collapse", "fail", "count", "possibly", "conceivably",
                         "easily", "even", "still", "soon", "play", "contribute", "serve",
                         "perhaps", "probably", "likely",
                         "very", "in", "at", "on", "of", "by", "with", "under", "for", "from",
                         "to", "the", "a", "an", "not", "no", "never", "hardly"})


def _agentive_could(i: int, j: int, lower, raw, spans, folded) -> bool:
    """*could* of an agent's ability or open option: an acting subject right before it (a
    pronoun of persons, a name inside the sentence, or a noun of a government or body) and a
    verb of action after it, an adverb such as *also* or *then* skipped ("the Council could
    then adopt"). A capitalised first word of a sentence is not taken for a name."""
    if i == 0 or j >= len(lower) or not folded[spans[i - 1][1]:spans[i][0]].isspace():
        return False
    prev, word = lower[i - 1], raw[i - 1]
    named = word[:1].isupper() and prev not in _NOT_SUBJECT_NAMES and \
        not _sentence_initial(folded, spans[i - 1][0])  # "Conflict could arise": a noun
    if not (prev in _AGENT_PRONOUNS or prev in _AGENT_NOUNS or named):
        return False
    k = j
    while k < len(lower) and lower[k] in ("also", "then", "therefore", "thus", "now",
                                          "together", "jointly", "themselves", "itself"):
        k += 1
    return k < len(lower) and lower[k].isalpha() and lower[k] not in _NOT_ACTION


#: Verbs of the speaker's own discourse after *I/we may* ("I may add", "we may recall"): a
#: polite performative (docs/annotation.md sec. 6), not a doubt about a proposition.
_SPEECH_ACTS = frozenset({"add", "say", "mention", "recall", "note", "remind", "observe",
                          "remark", "point", "affirm", "state", "repeat", "emphasize",
                          "emphasise", "stress", "express", "extend", "quote", "cite", "refer",
                          "ask", "recount", "explain", "summarize", "summarise", "reiterate",
                          "underline", "assure", "inform", "conclude", "begin", "turn",
                          "speak", "describe"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "you", "i", "one", "that", "this"})
#: Words before *as it may* that make it a concession ("be that as it may", "try as they
#: may", "strange as it may seem"), with adjective endings ("paradoxical as it may seem").
_CONCEDED = frozenset({"that", "this", "try", "strange", "hard", "odd", "true", "sad",
                       "much", "far", "little", "high", "great", "late", "long", "bad"})
_ADJECTIVE_ENDINGS = ("ous", "ble", "ful", "al", "ic", "ing", "ent", "ant", "ive", "ed", "ate",
                       "ile", "ary")
#: Verbs whose *that*-clause is a wish: a *may* inside it wishes ("we hope that peace may
#: prevail"), it does not doubt.
_WISH = frozenset({"hope", "hopes", "hoped", "hoping", "pray", "prays", "prayed", "praying",
                   "wish", "wishes", "wished", "trust", "trusts", "trusted"})


def _gap(k: int, spans, folded) -> str:
    """The text between word ``k - 1`` and word ``k`` (punctuation, spaces)."""
    return folded[spans[k - 1][1]:spans[k][0]]


def _may_of_speech_act_concession_or_wish(i: int, j: int, lower, spans, folded) -> bool:
    """*may* that doubts nothing (docs/annotation.md sec. 6, *may* of permission, wish or
    concession): the speaker's own speech act ("I may add", "we may recall"), a concession
    ("incredible as it may sound", "try as they may", "be that as it may"; not a sentence that
    opens with causal *As*), a wish in the *that*-clause of *hope, pray, wish, trust* at most
    eight words back with no clause break ("we hope that something may be achieved")."""
    prev = lower[i - 1] if i > 0 else ""
    nxt = lower[j] if j < len(lower) else ""
    if prev in ("i", "we") and nxt in _SPEECH_ACTS:
        return True
    if i >= 3 and prev in _PRONOUNS and lower[i - 2] == "as" and \
            not _sentence_initial(folded, spans[i - 2][0]) and (
                lower[i - 3] in _CONCEDED or lower[i - 3].endswith(_ADJECTIVE_ENDINGS)):
        return True
    return _in_wish_clause(i, lower, spans, folded)


#: Words that open a noun phrase right after *may*: the modal stands before its subject, so it
#: wishes or asks leave ("and may its essential purpose be", "may God protect"); an epistemic
#: *may* is followed by its verb. (Not *this, that, all, both, each*: "it may this time be",
#: "they may all agree".)
_INVERSION_OPENERS = frozenset({"the", "a", "an", "its", "our", "their", "his", "her", "my",
                                "your", "god", "allah", "heaven", "providence"})


def _inverted_may(i: int, j: int, lower, raw, spans, folded) -> bool:
    """*may* before its subject (a wish or a request, docs/annotation.md sec. 6, *may* of
    permission or wish: "Finally, may the new order be more human"), or in the fixed *as
    the case may be*; neither doubts a proposition."""
    if i >= 3 and lower[i - 3:i] == ["as", "the", "case"]:
        return True
    if j >= len(lower) or not _gap(j, spans, folded).isspace():
        return False
    return lower[j] in _INVERSION_OPENERS or (
        raw[j][:1].isupper() and lower[j] not in ("i",) and not _sentence_initial(
            folded, spans[j][0]))


def _in_wish_clause(i: int, lower, spans, folded) -> bool:
    """Is word ``i`` in the *that*-clause of *hope, pray, wish, trust* (the verb at most two
    words before *that*) opened at most eight words back with no clause break ("we hope that
    peace may prevail", "in the hope that it might put an end to wars")?"""
    k = i - 1
    while k >= 0 and i - k <= 8 and not any(
            c in _gap(k + 1, spans, folded) for c in ".;:?!()"):
        if lower[k] == "that" and k > 0 and any(w in _WISH for w in lower[max(0, k - 2):k]):
            return True  # "hope that", "pray God that", "hope and trust that"
        k -= 1
    return False


#: Words that open the subject of a relative clause after its noun ("any measure *this*
#: Organization may adopt", "any steps *that the* Council might take").
_RELATIVE_SUBJECT = frozenset({"that", "which", "we", "they", "you", "i", "he", "she", "it",
                               "the", "this", "these", "those", "our", "its", "their", "his",
                               "her", "my", "your"})
_RELATIVE_PRONOUNS = frozenset({"that", "which"})
#: Past participles of speech acts: "the question may be asked", "it may be recalled that":
#: the speaker's own discourse (docs/annotation.md sec. 9, "may be listed as follows").
_SPEECH_PARTICIPLES = frozenset({"asked", "said", "recalled", "noted", "added", "mentioned",
                                 "observed", "remarked", "stated", "repeated",
                                 "emphasized", "emphasised", "stressed", "pointed", "answered",
                                 "replied", "listed", "summarized", "summarised", "cited",
                                 "quoted"})


def _free_choice_relative(i: int, lower, spans, folded) -> bool:
    """*may/might* in a relative clause with its own subject on a noun after *any* or
    *every* at most eight words back, no comma or clause break between ("we support any
    measure this Organization may adopt", "any steps that the Council might take"): the
    modal ranges over choices, as after *whatever* (a concessive free relative); it does not
    doubt. Not when *any* heads the modal's own subject ("any attack may trigger a war") or
    a relative pronoun is the subject ("any initiative that may help")."""
    k = i - 1
    while k >= 0 and i - k <= 8 and not any(
            c in _gap(k + 1, spans, folded) for c in ".;:?!(),"):
        if lower[k] in ("any", "every"):
            for s in range(k + 2, i):
                w = lower[s]
                if w in _RELATIVE_SUBJECT and not (w in _RELATIVE_PRONOUNS and s + 1 == i) \
                        and lower[s - 1] not in closed_class()["prepositions"]:
                    return True
            return False
        k -= 1
    return False


#: Gerunds after *may be worth* that name the speaker's own discourse ("it may be worth
#: stating that …"): a suggestion of what to say, not a doubt.
_WORTH_GERUNDS = frozenset({"stating", "noting", "recording", "mentioning", "pointing",
                            "recalling", "repeating", "adding", "saying", "stressing",
                            "emphasizing", "emphasising", "underlining", "observing",
                            "remembering"})
#: Words after *would appear* that make it "come into view": a place or a time.
_PLACE_AFTER_APPEAR = frozenset({"on", "in", "at", "before", "among", "from", "over", "when",
                                 "where"})


#: Comparatives after *nothing/what could be*: an emphatic comparison, not a possibility.
_COMPARATIVES = frozenset({"more", "less", "worse", "better", "greater", "further", "farther",
                           "higher", "clearer", "truer", "graver", "stronger", "worthier"})
#: Abbreviations whose full stop ends no clause ("whatever Mr. Vyshinsky may say").
_TITLE_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "messrs", "prof", "gen"})
#: Openers of a concessive free relative: a *may* in their clause concedes ("whatever
#: procedures we may adopt", "no matter how strong it may be").
_CONCESSIVE_RELATIVES = frozenset({"whatever", "whichever", "wherever", "whoever",
                                   "whenever", "matter"})


def _concessive_modal(i: int, lower, spans, folded) -> bool:
    """*may/might* in a concession (docs/annotation.md sec. 6): after *however* + an adjective
    or adverb ("however strict an interpretation may be"; not the connective "However, it
    may"), a concessive free relative ("whatever we may adopt") at most ten words back with no
    clause break, or *though/although* at most five words back."""
    k = i - 1
    while k >= 0 and i - k <= 10 and not any(
            c in _gap(k + 1, spans, folded) for c in ";:?!()") and not (
            "." in _gap(k + 1, spans, folded) and lower[k] not in _TITLE_ABBREVIATIONS):
        w = lower[k]
        if w in _CONCESSIVE_RELATIVES and (w != "matter" or lower[k - 1:k] == ["no"]):
            return True
        if w == "however" and k + 1 < i and "," not in _gap(k + 1, spans, folded):
            return True
        if w in ("though", "although") and i - k <= 5:
            return True
        k -= 1
    return False


def _conceded_before_but(i: int, j: int, lower, spans, folded) -> bool:
    """Does the clause of a *may* end in a comma and *but* (at most 25 words on, no clause
    break; not *but also*)? Then *may* concedes (docs/annotation.md sec. 6, concessive *may*):
    *These may be commendable in principle, but …*, *International recovery may be in its
    fourth year, but …*. Not when a *not* stands before it in its clause: the *but* then
    corrects the negation (*not by preaching virtues that may be alien to them, but by …*)."""
    k = i - 1
    while k >= 0 and i - k <= 12 and not any(
            c in _gap(k + 1, spans, folded) for c in ".;:?!"):
        if lower[k] in ("not", "never"):
            return False
        k -= 1
    for k in range(j, min(len(lower), j + 25)):
        gap = _gap(k, spans, folded)
        if any(c in gap for c in ".;:?!()"):
            return False
        if lower[k] == "but" and "," in gap:
            return k + 1 >= len(lower) or lower[k + 1] != "also"
    return False


def _not_epistemic_modal(i: int, j: int, lower, spans, folded) -> bool:
    """*may, might, could* that is no epistemic modal: a noun or a stranded word (nothing
    verbal after it: "a right attained by might."), or a modal of a purpose clause ("in order
    that we may confer"), of a clause of extent ("so far as they could", "to the extent
    that we may") or of a condition ("provided it could expect") opened at most five
    words before it (a clause of extent: eight; of purpose: :func:`_in_purpose_clause`), with
    no comma or clause break in between."""
    n = len(lower)
    if j >= n or any(c in _gap(j, spans, folded) for c in ".;:?!"):
        return True
    if _in_purpose_clause(i, lower, spans, folded):
        return True
    lo = i
    while lo > 0 and i - lo < 8 and not any(
            c in _gap(lo, spans, folded) for c in ".;:?!,()"):
        lo -= 1
    window = lower[lo:i]
    for opener in _EXTENT:
        for k in range(len(window) - len(opener) + 1):
            if tuple(window[k:k + len(opener)]) == opener:
                return True
    return any(w in _CONDITION for w in window[-5:])


def _in_purpose_clause(i: int, lower, spans, folded) -> bool:
    """Is word ``i`` in a purpose clause (*in order that, so that, so as*) opened at most
    :data:`_PURPOSE_REACH` words back, with no clause break between: no ``.;:?!()``, and no
    comma before a conjunction or a subject pronoun (a new clause: "so that peace would
    come, and the talks may fail"); commas only as those of an aside: an even number ("so
    that, out of its deliberations, the problems may be dealt with"), or a first one before a
    participle ("so that all countries of the region, freed at last from war, its burdens and
    commitments, may devote themselves") or in a list ("so that peace, freedom and human values
    may prevail"); not in a purpose clause that is itself the aside ("The plan, drafted in
    order that all sides agree, might fail")?"""
    commas = []  # words after a comma, nearest the modal first
    k = i - 1
    while k >= 0 and i - k <= _PURPOSE_REACH:
        gap = _gap(k + 1, spans, folded)
        if any(c in gap for c in ".;:?!()"):
            return False
        if "," in gap:
            if lower[k + 1] in _CLAUSE_OPENERS or lower[k + 1] in _PRONOUNS:
                return False
            commas.append(k + 1)
        if (k == i - 1 or (k == i - 2 and lower[k + 1] in _PRONOUNS)) and (
                lower[k] in ("which", "who", "whom") or (
                    lower[k] == "that" and not (k > 0 and lower[k - 1] in ("so", "order")))):
            return False  # "so that we avoid a war that could engulf the region": the modal
            # is the relative clause's (not "so that this age, which is witnessing X, may",
            # "so that that review may take place")
        for opener in _PURPOSE:
            n = len(opener)
            if k - n + 1 >= 0 and tuple(lower[k - n + 1:k + 1]) == opener:
                if len(commas) % 2 == 0:
                    return True
                first = commas[-1]  # the comma nearest the opener
                return first > k + 1 and (lower[first].endswith(("ed", "ing")) or any(
                    w in ("and", "or") for w in lower[first:i]))
        k -= 1
    return False


#: Words after a comma that open a new clause (ends a purpose clause's reach).
_CLAUSE_OPENERS = frozenset({"and", "but", "or", "nor", "yet", "while", "whereas", "although",
                             "though", "because", "since", "which", "who", "when", "if",
                             "unless", "as", "so", "whilst", "where"})


def _sense_ok(cat: str, entry: str, i: int, j: int, lower, raw, spans, folded) -> bool:
    """Rules of sense for hedges and boosters (docs/annotation.md sec. 6): *may, might, could*
    of purpose or condition and *might* as a noun (:func:`_not_epistemic_modal`), *could* of ability,
    *could* of perception (*could be heard*), counterfactual *could/may/might have* (*had
    …*, *if …*), *more likely than*, *may* of permission, wish or concession, *of course* as a
    noun phrase, *naturally* and *clearly* of manner, *alleged* as a reporting verb, *think of*, *believe in*, *appear to* of
    appearance in a place, *prove* as "turn out"; the noun *thought to* ("give thought to
    the matter"), others' modal thought ("some might think"), *I/we believe* in a condition
    ("as if we believe")."""
    n = len(lower)
    nxt = lower[j] if j < n else ""
    prev = lower[i - 1] if i > 0 else ""
    if cat == "hedges":
        if entry in ("may", "might", "could") and _not_epistemic_modal(i, j, lower, spans,
                                                                      folded):
            return False
        if entry in ("may", "might", "could") and prev in _OTHERS and nxt in _THOUGHT_VERBS:
            return False  # "some might think that": others' stance, attributed
        if entry == "could" and (prev == "nobody" or (
                prev == "one" and i > 1 and lower[i - 2] == "no") or (
                prev in ("us", "them", "you") and lower[max(0, i - 3):i - 1] == ["none", "of"])):
            return False  # "no one could fail to desire", "none of us could justly claim": a
            # negated ability, emphatic
        if entry in ("may", "might") and nxt == "be" and lower[j + 1:j + 2] == ["worth"] and \
                lower[j + 2:j + 3] and lower[j + 2] in _WORTH_GERUNDS:
            return False  # "it may be worth stating that": the speaker's own discourse
        if entry in ("could", "might") and (prev in ("nor", "neither") or (
                prev in ("nothing", "what") and nxt == "be" and j + 1 < n and
                lower[j + 1] in _COMPARATIVES)):
            return False  # "nothing could be further from", "what could be more natural":
            # an emphatic comparison; "nor could X": a negated ability
        if entry == "could":
            if nxt == "be" and j + 1 < n and lower[j + 1] in _PERCEIVED and \
                    (j + 2 >= n or lower[j + 2] != "as"):
                return False  # "could be heard": perception (but "could be seen as")
            if nxt == "have" and _counterfactual(i, lower, spans, folded):
                return False
            if _agentive_could(i, j, lower, raw, spans, folded):
                return False  # "Washington could lift the ban": the agent's ability
            if nxt == "to":
                return False  # "everything we could to help": an ability whose verb is left out
            if nxt == "be" and lower[j + 1:j + 2] == ["no"] and lower[j + 2:j + 3] and \
                    lower[j + 2] in _COMPARATIVES:
                return False  # "there could be no better defence": an emphatic comparison
            return nxt not in _ABILITY_AFTER and not nxt.endswith("n't")
        if entry in ("likely", "unlikely") and prev in ("more", "less") and nxt == "than":
            return False  # "more likely than ever to be literate": a comparison of chances
        if entry == "thought to" and nxt in _THOUGHT_NOUN_AFTER:
            return False  # "give serious thought to the situation": the noun
        if entry in ("believed to", "thought to"):
            return prev not in ("i", "we", "you", "they", "he", "she", "who", "had", "have")
        if entry == "may" and _may_of_speech_act_concession_or_wish(i, j, lower, spans,
                                                                   folded):
            return False
        if entry == "might" and prev in ("i", "we", "one") and nxt in _SPEECH_ACTS:
            return False  # "we might say": the speaker's own speech act
        if entry == "might" and _in_wish_clause(i, lower, spans, folded):
            return False  # "in the hope that it might put an end to wars": a wish
        if entry in ("may", "might") and nxt == "be" and j + 1 < n and \
                lower[j + 1] in _SPEECH_PARTICIPLES and lower[j + 2:j + 3] != ["to"]:
            return False  # "the question may be asked": the speaker's own discourse (but
            # "may be said to have failed" distances)
        if entry in ("may", "might") and _free_choice_relative(i, lower, spans, folded):
            return False  # "any measure this Organization may adopt"
        if entry in ("may", "might"):
            if raw[i][0] == "M" and _sentence_initial(folded, spans[i][0]):
                return False  # "May I ...", "May God protect ...": permission, wish
            if nxt in ("i", "we") and entry == "may":
                return False
            if entry == "may" and _inverted_may(i, j, lower, raw, spans, folded):
                return False  # "and may its purpose be", "as the case may be"
            if prev == "i" and i > 1 and lower[i - 2] == "if":
                return False  # "if I may"
            if _concessive_modal(i, lower, spans, folded):
                return False  # "however hard it may be", "whatever procedures we may adopt"
            if entry == "may" and _conceded_before_but(i, j, lower, spans, folded):
                return False  # "There may be a truce, but peace will remain a mirage"
            if "follows" in lower[j:j + 5] and "as" in lower[j:j + 5]:
                return False  # "may be listed as follows": the speaker's own discourse
            if nxt == "have" and _counterfactual(i, lower, spans, folded):
                return False
            return True
        if entry in ("i think", "we think", "i believe", "we believe"):
            # "as if we believe", "even if we think": a condition, no stance taken
            return nxt not in ("of", "about", "in", "so") and prev not in _CONDITION
        if entry == "alleged":
            return nxt != "that" and prev not in ("he", "she", "they", "it", "who")
        if entry in ("appear to", "appears to", "appeared to"):
            return nxt not in ("the", "a", "an", "be") or nxt == "be"
        if entry == "would appear":
            return nxt not in _PLACE_AFTER_APPEAR  # "figures would appear on the scene"
    elif cat == "boosters":
        if entry == "of course":
            return prev not in _COURSE_NOUNS and nxt != "of"
        if entry == "clearly":
            if _sentence_initial(folded, spans[i][0]):
                return True
            gap_before = folded[spans[i - 1][1]:spans[i][0]]
            if nxt in _MANNER_PARTICIPLES or (prev in _MANNER_VERBS and gap_before.isspace()):
                return False  # "could be clearly heard", "speak clearly": manner
            return True
        if entry == "naturally":
            gap_after = folded[spans[i][1]:spans[j][0]] if j < n else ""
            return _sentence_initial(folded, spans[i][0]) or gap_after.startswith(",")
        if entry in ("prove", "proves", "proved", "proven", "show that", "shows that",
                     "showed that", "shown that") and prev == "to":
            return False  # "ready to show that", "for Argentina to prove that": a purpose
        if entry in ("prove", "proves", "proved", "proven", "show that", "shows that",
                     "showed that", "shown that") and any(
                w in ("if", "unless", "whether") for w in lower[max(0, i - 3):i]):
            return False  # "If he proves that he means it": a condition, nothing asserted
        if entry in ("prove", "proves", "proved", "proven"):
            return nxt not in ("to", "difficult", "impossible", "elusive", "costly", "fatal",
                               "futile", "successful", "unable", "able", "useful", "hard")
        if entry == "proof":
            return prev not in ("bullet", "fire", "water", "future", "fool")
        if entry in ("we know", "i know"):
            return nxt not in ("what", "how", "where", "when", "who", "whether", "if")
    return True


def _counterfactual(i: int, lower, spans, folded) -> bool:
    """*could/might/may have* with an unreal condition in its sentence ("could have been
    solved, had the countries ...", "might have won if ..."): a conditional, not a hedge."""
    lo = i
    while lo > 0 and i - lo < 25 and not _sentence_initial(folded, spans[lo][0]):
        lo -= 1
    hi = i + 1
    while hi < len(lower) and hi - i < 25 and not _sentence_initial(folded, spans[hi][0]):
        hi += 1
    for k in range(lo, hi):
        if lower[k] == "if" or (lower[k] == "had" and k > 0 and
                                "," in _gap(k, spans, folded)):
            return True
    # "could have become had the United States not intervened": the condition by inversion
    # right after the participle
    for k in range(i + 3, min(hi, i + 5)):
        if lower[k] == "had" and k + 1 < len(lower) and lower[i + 1] == "have" and (
                lower[k + 1] in _RELATIVE_SUBJECT - {"that", "which"} | {"a", "an", "not"}
                or folded[spans[k + 1][0]].isupper()):
            return True
    return False


def _epithet(entry: str, i: int, lower) -> bool:
    """An attributive evidential epithet ("the suspected bomber", "to suspected fighter X",
    "the potentially explosive crisis"): the reporter's word (docs/annotation.md sec. 6)."""
    return entry in _EPITHETS and i > 0 and lower[i - 1] in _EPITHET_BEFORE


def _match_tokens(lex: StanceLexicon, raw, spans, folded, categories):
    """Yield ``(category, entry, first token, last token + 1)`` for every match."""
    lower = [t.lower() for t in raw]
    letters = [t for t in raw[:2000] if not t.isdigit()]
    all_caps = bool(letters) and all(t.isupper() for t in letters)
    wanted = set(categories)
    covered = {c: -1 for c in categories}  # last token index consumed by a phrase, per category
    excluded_cache = {}
    for i, tok in enumerate(lower):
        cands = lex.candidates(tok)
        if not cands:
            continue
        best = {}
        for cat, text, parts in cands:
            if cat not in wanted or i <= covered[cat]:
                continue
            if len(parts) > 1 and not _phrase_at(parts, i, lower, spans, folded):
                continue
            if cat not in best or len(parts) > len(best[cat][1]):
                best[cat] = (text, parts)
        for cat, (text, parts) in best.items():
            if len(parts) == 1:
                if i not in excluded_cache:
                    excluded_cache[i] = _excluded(tok, i, lex, lower, raw, spans, folded, all_caps)
                if excluded_cache[i]:
                    continue
            if cat in _SENSE_CATEGORIES and not _sense_ok(cat, text, i, i + len(parts), lower,
                                                         raw, spans, folded):
                continue
            covered[cat] = i + len(parts) - 1
            yield cat, text, i, i + len(parts)


def _check_categories(lex: StanceLexicon, categories, func: str) -> list[str]:
    if categories is None:
        return list(lex.categories)
    if isinstance(categories, str):
        categories = [categories]
    from .._validation import check_choice

    for c in categories:
        check_choice("categories", c, lex.categories, func)
    return list(categories)


def stance_markers(document_or_text, *, categories=None,
                   lexicon: str | os.PathLike | StanceLexicon = "metadiscourse") -> pd.DataFrame:
    """Every stance/metadiscourse marker of a text, with its offsets and sentence.

    Parameters
    ----------
    document_or_text : Document, Corpus or str
        A bare string becomes a document with id ``"text"``.
    categories : list of str, optional
        Subset of the lexicon's categories (default: all, :data:`STANCE_CATEGORIES`).
    lexicon : str, path or StanceLexicon, default="metadiscourse"

    Returns
    -------
    DataFrame
        :data:`STANCE_MARKER_COLUMNS`, one row per match, in text order (a token in several
        categories gives several rows). ``doc.text[start:end] == match``.

    Examples
    --------
    >>> t = stance_markers("It is clearly not the will of the people.", categories=["boosters", "negation", "modal_high"])
    >>> t[["category", "match", "start", "end"]].values.tolist()
    [['boosters', 'clearly', 6, 13], ['negation', 'not', 14, 17]]
    """
    lex = load_stance_lexicon(lexicon)
    cats = _check_categories(lex, categories, "stance_markers")
    rows = []
    for doc in list(as_corpus(document_or_text, "stance_markers")):
        parsed = parse(doc)
        folded = parsed.folded
        raw, spans = _body_tokens(parsed)
        if not raw:
            continue
        sent = list(parsed.sentences)
        starts = [s for s, _ in sent]
        voice = _Voices(doc)
        lower = [t.lower() for t in raw]
        for cat, entry, i, j in _match_tokens(lex, raw, spans, folded, cats):
            start, end = spans[i][0], spans[j - 1][1]
            who = "author" if cat == "hedges" and _epithet(entry, i, lower) else \
                voice.of(start, end)
            k = bisect.bisect_right(starts, start) - 1
            k = k if k >= 0 and start < sent[k][1] else -1
            rows.append((doc.id, cat, entry, doc.text[start:end], start, end, k, who))
    table = pd.DataFrame(rows, columns=STANCE_MARKER_COLUMNS)
    return table.astype({"start": "int64", "end": "int64", "sentence": "int64"})


class _Voices:
    """Who speaks where in a document: the quoted and reported regions of
    :func:`discourse.rhetoric.reported.quoted_regions` (the innermost region wins)."""

    def __init__(self, doc: Document):
        from .reported import quoted_regions

        self.regions = quoted_regions(doc)
        self.starts = [r[0] for r in self.regions]

    def of(self, start: int, end: int) -> str:
        if not self.regions:
            return "author"
        best = None
        for k in range(bisect.bisect_right(self.starts, start) - 1, -1, -1):
            s, e, speaker = self.regions[k]
            if s <= start and end <= e and (best is None or e - s < best[1] - best[0]):
                best = (s, e, speaker)
            if self.regions[k][0] < start - 20000:
                break
        return best[2] if best else "author"

    def author_tokens(self, spans) -> int:
        """Tokens outside every quoted or reported region."""
        if not self.regions:
            return len(spans)
        merged = []
        for s, e, _ in sorted(self.regions):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        mstarts = [m[0] for m in merged]
        n = 0
        for s, e in spans:
            k = bisect.bisect_right(mstarts, s) - 1
            if not (k >= 0 and s < merged[k][1]):
                n += 1
        return n


def _stance_counts(doc: Document, lex: StanceLexicon, cats, voice: str = "author"):
    parsed = parse(doc)
    folded = parsed.folded
    raw, spans = _body_tokens(parsed)
    counts = dict.fromkeys(cats, 0)
    voices = _Voices(doc) if raw else None
    n_author = voices.author_tokens(spans) if raw else 0
    lower = [t.lower() for t in raw]
    for cat, entry, i, j in _match_tokens(lex, raw, spans, folded, cats):
        if voice == "author" and not (cat == "hedges" and _epithet(entry, i, lower)) and \
                voices.of(spans[i][0], spans[j - 1][1]) != "author":
            continue
        counts[cat] += 1
    return len(raw), n_author, counts


def stat_stance(corpus, *, categories=None, lexicon="metadiscourse", voice: str = "author",
                progress: bool = False) -> pd.DataFrame:
    """Per-document counts and rates per 1,000 words of each stance category.

    Parameters
    ----------
    corpus : Corpus, Document or str
    categories : list of str, optional
        Default: every category of the lexicon.
    lexicon : str, path or StanceLexicon, default="metadiscourse"
    voice : {"author", "all"}, default="author"
        ``author``: only the author's markers are counted, and rates rest on the author's
        words; markers inside quotations and the content of reported speech belong to the
        quoted speaker (``attributed_to`` in :func:`stance_markers`) and are left out.
        ``all``: every marker, rates on every body word.
    progress : bool, default=False
        Show a tqdm progress bar.

    Returns
    -------
    DataFrame
        :func:`stance_columns`: ``doc_id``, ``n_tokens`` (body word tokens),
        ``n_author_tokens`` (those outside quotations and reported speech: what the rates
        rest on with ``voice="author"``), ``<category>_count``, ``<category>_per_1k``
        (``1000 * count / words``, NaN when the document has no such word) and
        ``first_vs_third`` (first-person plural count divided by third-person count; NaN when
        there is no third-person reference or when either category is not computed). The
        matches behind each count are :func:`stance_markers`.

    Examples
    --------
    >>> t = stat_stance("We must act. They will not.", categories=["modal_high", "negation"])
    >>> t[["n_tokens", "modal_high_count", "negation_per_1k"]].values.tolist()
    [[6.0, 2.0, 166.66666666666666]]
    >>> news = 'Perhaps it rains. "It may well rain," he said.'
    >>> stat_stance(news, categories=["hedges"])[["hedges_count", "n_author_tokens"]].values.tolist()
    [[1, 5]]
    >>> stat_stance(news, categories=["hedges"], voice="all")["hedges_count"].tolist()
    [2]
    """
    from .._validation import check_choice

    check_choice("voice", voice, VOICES, "stat_stance")
    lex = load_stance_lexicon(lexicon)
    cats = _check_categories(lex, categories, "stat_stance")
    docs = list(as_corpus(corpus, "stat_stance"))
    rows = []
    for doc in tqdm(docs, desc="stance", disable=not progress):
        n, n_author, counts = _stance_counts(
            doc, lex, list(set(cats) | {"first_person_plural", "third_person"}
                           & set(lex.categories)), voice)
        row = {"doc_id": doc.id, "n_tokens": n, "n_author_tokens": n_author}
        base = n_author if voice == "author" else n
        for c in cats:
            row[f"{c}_count"] = counts[c]
            row[f"{c}_per_1k"] = 1000.0 * counts[c] / base if base else np.nan
        third = counts.get("third_person", 0)
        row["first_vs_third"] = counts["first_person_plural"] / third \
            if third and "first_person_plural" in counts else np.nan
        rows.append(row)
    return pd.DataFrame(rows, columns=stance_columns(cats))
