"""Evaluative language: the words and fixed phrases that praise or blame, with polarity,
strength and negation (whom they are predicated of is :mod:`discourse.actors.evaluations`).

The lexicon is :file:`discourse/data/lexicons/evaluation.yaml` (its header gives sources and
rules): a hand-made list of political evaluation words, then the Pattern adjective lexicon
shipped in ``textblob`` and the VADER lexicon shipped in ``vaderSentiment``, each filtered by
thresholds and a documented ``not_evaluative`` list. Words are tagged with textblob's Pattern
tagger (``textblob.en.parser``, data inside the package, no download), so that a lexicon word
counts only in its part of speech ("*balanced* diplomacy" yes, "it *balanced* such relations"
no).

**Negation.** An adjective, adverb or verb within four words after *not, never, no, nor,
neither, hardly, scarcely, barely*, a word ending in *n't*, *cannot*, *far from*, *by no
means*, *anything but*, *without*, *lack of*, *absence of* (only articles, adverbs, *be* forms
and *become* between them, no comma or conjunction) takes the opposite polarity and is marked
``negated``: "not balanced" is negative. *not only / just / merely / simply* is additive, not
a negation; a verb after a deontic modal keeps its polarity ("must not violate"). A noun keeps
its polarity ("cooperation, not *confrontation*": the confrontation is still blamed), except
as a negated predicate ("we are not *warmongers*").

>>> from discourse.corpus.documents import Document
>>> t = evaluative_expressions(Document("d", "A balanced and not rigid policy. It balanced them."))
>>> t[["match", "polarity", "negated"]].values.tolist()
[['balanced', 'positive', False], ['rigid', 'positive', True]]
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..corpus.documents import Document
from ..corpus.normalize import fold_typography
from ..errors import CorpusFormatError, InputError, ResourceError, file_error
from ..text.parsed import parse
from ..text.tokens import KEEP_S

__all__ = ["evaluative_expressions", "load_evaluation_lexicon", "EvaluationLexicon",
           "EVALUATIVE_COLUMNS", "sentence_analysis", "SentenceAnalysis", "Token", "Match"]

#: Columns of :func:`evaluative_expressions`, one row per evaluative expression: ``sentence``
#: indexes the document's sentences (body, or with headings), ``entry`` is the lexicon form
#: that matched, ``match`` the text as written (``Document.text[start:end]``), ``pos`` its
#: word class (``adjective``, ``noun``, ``verb``, ``adverb``, ``phrase``), ``kind`` what it
#: evaluates (``quality``; verbs: ``act`` = its subject, ``judgement`` = its object;
#: ``label`` = an evaluative name of an actor), ``polarity`` after negation, ``strength``
#: 0..1, ``negated``, and ``lexicon`` the layer it came from (``political``, ``pattern``,
#: ``vader``).
EVALUATIVE_COLUMNS = ["doc_id", "sentence", "start", "end", "match", "entry", "pos", "kind",
                      "polarity", "strength", "negated", "lexicon"]

_POS = ("adjective", "noun", "verb", "adverb", "phrase")
_NEGATORS = frozenset({"not", "never", "no", "nor", "neither", "hardly", "scarcely", "barely",
                       "cannot"})
_NOT_NEGATION_AFTER = frozenset({"only", "just", "merely", "simply", "least"})
_SKIPPABLE = frozenset({"a", "an", "the", "be", "is", "are", "was", "were", "been", "being",
                        "become", "becomes", "became", "very", "so", "too", "particularly",
                        "entirely", "at", "all", "always", "necessarily", "overly", "quite",
                        "really", "remain", "remains", "remained", "seem", "seems", "seemed",
                        "to", "did", "does", "do", "has", "have", "had", "will", "would",
                        "should", "could", "can", "may", "might", "must", "shall"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "his",
                          "her", "their", "our", "my", "your", "such", "any", "some", "every",
                          "each", "no"})


# ---------------------------------------------------------------------------------------------
# the lexicon
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """One lexicon sense: ``pos`` (adjective, noun, verb, adverb, phrase), ``kind`` (quality,
    act, judgement, label), ``polarity`` (+1/-1), ``strength`` (0..1), ``lexicon`` (layer)."""

    key: str
    pos: str
    kind: str
    polarity: int
    strength: float
    lexicon: str


@dataclass(frozen=True, eq=False)
class EvaluationLexicon:
    """The evaluation lexicon: word forms -> senses by part of speech, phrases, exclusions.

    Build it with :func:`load_evaluation_lexicon`.
    """

    name: str
    version: str
    source: str
    words: dict = field(repr=False)        # lower-case form -> {pos: Entry}
    phrases: dict = field(repr=False)      # tuple of lower-case words -> Entry
    exclusions: dict = field(repr=False)   # word -> ((index of the word, phrase words), ...)
    labels: frozenset = field(repr=False)
    rules: dict = field(default_factory=dict, repr=False)  # name -> frozenset of words

    def __repr__(self) -> str:
        return (f"<EvaluationLexicon {self.name!r} v{self.version}: {len(self.words)} word "
                f"forms, {len(self.phrases)} phrases>")

    def lookup(self, word: str, tag: str, previous: str = "") -> Entry | None:
        """The sense of ``word`` (lower case) as tagged ``tag`` (Penn), or None. A participle
        (VBN, or VBD after a determiner, adverb, 'and' or a comma) is an adjective only for
        the political list's adjectives ("calculated", "balanced"), never after *have* or a
        subject pronoun; a political-list adjective tagged as a noun (the tagger's guess for
        a word it does not know) counts when the word is not also a listed noun."""
        senses = self.words.get(word)
        if not senses:
            return None
        classes = _tag_classes(tag, previous)
        if previous in _VERB_AFTER and word.endswith("ed") and "adjective" in classes:
            classes = ("verb",)  # "it balanced such relations": tagged JJ, but a verb
        for pos in classes:
            sense = senses.get(pos)
            if sense is not None and (pos != "adjective" or tag.startswith("JJ")
                                      or sense.lexicon == "political"):
                return sense
        sense = senses.get("adjective")
        if tag.startswith("NN") and "noun" not in senses and sense is not None and \
                sense.lexicon == "political":
            return sense  # a rare adjective the tagger does not know ("grumpy" -> NN)
        return None


_HAVE = frozenset({"have", "has", "had", "having", "'ve"})
#: After these a participle is a verb ("it balanced such relations", "which violated").
_VERB_AFTER = _HAVE | {"it", "he", "she", "they", "we", "i", "you", "who", "which"}


def _tag_classes(tag: str, previous: str) -> tuple[str, ...]:
    if tag.startswith("JJ"):
        return ("adjective",)
    if tag == "VBN":
        return ("verb",) if previous in _VERB_AFTER else ("adjective", "verb")
    if tag == "VBD":  # "a calculated, balanced response" is often tagged VBD
        return ("adjective", "verb") if previous in _DETERMINERS or previous in {
            "and", ",", "or", "more", "most", "very", "so", "too", "less"} else ("verb",)
    if tag.startswith("VB"):
        return ("verb",)
    if tag.startswith("NN"):
        return ("noun",)
    if tag.startswith("RB"):
        return ("adverb",)
    return ()


def _plural(noun: str) -> list[str]:
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return [noun + "es"]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return [noun[:-1] + "ies"]
    return [noun + "s"]


#: Irregular past forms of the verbs the lexicon lists.
_IRREGULAR = {"take": ["took", "taken"], "make": ["made"], "lead": ["led"], "deal": ["dealt"],
              "show": ["shown"], "slay": ["slew", "slain"], "win": ["won"],
              "have": ["has", "had", "having"]}


def _verb_forms(verb: str) -> list[str]:
    """The verb's -s, -ed and -ing forms (a doubled final consonant is added as a second
    spelling: a form that is not English never occurs in a text)."""
    out = [verb] + _IRREGULAR.get(verb, [])
    if verb.endswith("e"):
        out += [verb + "s", verb + "d", verb[:-1] + "ing"]
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        out += [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    else:
        out += [verb + ("es" if verb.endswith(("s", "x", "z", "ch", "sh")) else "s"),
                verb + "ed", verb + "ing"]
        if re.fullmatch(r".*[^aeiou][aeiou][bdgklmnprt]", verb):
            out += [verb + verb[-1] + "ed", verb + verb[-1] + "ing"]  # "commit" -> "committed"
    return out


def _adverb(adjective: str) -> str | None:
    if "-" in adjective or adjective.endswith("ly"):
        return None
    if adjective.endswith("ic"):
        return adjective + "ally"
    if adjective.endswith("le"):
        return adjective[:-1] + "y"
    if adjective.endswith("y"):
        return adjective[:-1] + "ily"
    return adjective + "ly"


def _string_list(value, where: str, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise file_error(CorpusFormatError, where, f"{what} must be a list of words (strings; "
                         "quote yes, no, on, off)")
    return [fold_typography(v).strip().lower() for v in value]


def _pip_layers(settings: dict, blocked: set, where: str) -> tuple[dict, dict]:
    """form -> {pos: Entry} from Pattern's adjectives and VADER (see the YAML header), and
    form -> {pos: strength} of every word those lexicons rate (for the political list)."""
    import xml.etree.ElementTree as ET

    import textblob

    from .sentiment import analyzer

    base = Path(textblob.__file__).parent / "en"
    pattern = settings.get("pattern") or {}
    vader = settings.get("vader") or {}
    try:
        min_pol, min_subj = float(pattern["min_polarity"]), float(pattern["min_subjectivity"])
        v_adj, v_adv, v_noun = (float(vader[k]) for k in ("adjective", "adverb", "noun"))
    except (KeyError, TypeError, ValueError):
        raise file_error(CorpusFormatError, where, "settings need pattern.min_polarity, "
                         "pattern.min_subjectivity and vader.adjective/adverb/noun numbers") from None
    senses: dict[str, list[tuple[float, float]]] = {}
    for w in ET.parse(base / "en-sentiment.xml").getroot().iter("word"):
        form = (w.get("form") or "").lower()
        if (w.get("pos") or "").startswith("JJ") and form and " " not in form:
            senses.setdefault(form, []).append((float(w.get("polarity")),
                                                float(w.get("subjectivity"))))
    out: dict[str, dict] = {}
    rated: dict[str, dict] = {}
    for form, values in senses.items():
        pol = sum(p for p, _ in values) / len(values)
        subj = sum(s for _, s in values) / len(values)
        if abs(pol) >= 0.1:
            rated.setdefault(form, {})["adjective"] = round(min(1.0, abs(pol)), 3)
        if abs(pol) >= min_pol and subj >= min_subj and form not in blocked:
            entry = Entry(form, "adjective", "quality", 1 if pol > 0 else -1,
                          round(min(1.0, abs(pol)), 3), "pattern")
            out.setdefault(form, {})["adjective"] = entry
            adverb = _adverb(form)
            if adverb and adverb not in blocked:
                out.setdefault(adverb, {})["adverb"] = Entry(adverb, "adverb", "quality",
                                                             entry.polarity, entry.strength,
                                                             "pattern")
    word_class = {}
    with open(base / "en-lexicon.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and not line.startswith(";;;"):
                word_class.setdefault(parts[0].lower(), parts[1])
    for word, valence in analyzer().lexicon.items():
        for pos in ("adjective", "adverb", "noun", "verb", "phrase"):
            rated.setdefault(word, {}).setdefault(pos, round(min(1.0, abs(valence) / 4), 3))
        if not word.isalpha() or word in blocked:
            continue
        tag = word_class.get(word, "")
        if tag.startswith("JJ") and word not in senses and abs(valence) >= v_adj:
            pos = "adjective"
        elif tag.startswith("RB") and word.endswith("ly") and abs(valence) >= v_adv:
            pos = "adverb"
        elif tag.startswith("NN") and abs(valence) >= v_noun:
            pos = "noun"
        else:
            continue
        out.setdefault(word, {}).setdefault(pos, Entry(word, pos, "quality",
                                                       1 if valence > 0 else -1,
                                                       round(min(1.0, abs(valence) / 4), 3),
                                                       "vader"))
    return out, rated


def _parse_lexicon(text: str, where: str) -> EvaluationLexicon:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise file_error(CorpusFormatError, where, f"not valid YAML ({err})") from None
    if not isinstance(data, dict) or not all(k in data for k in ("name", "source", "licence",
                                                                  "entries")):
        raise file_error(CorpusFormatError, where, "an evaluation lexicon needs name, source, "
                         "licence and entries")
    settings = data.get("settings") or {}
    default = float(settings.get("default_strength", 0.5))
    strengths = {fold_typography(str(k)).lower(): float(v)
                 for k, v in (data.get("strength") or {}).items()}
    blocked = set()
    for group, words in (data.get("not_evaluative") or {}).items():
        blocked.update(_string_list(words, where, f"not_evaluative.{group}"))
    pip, rated = _pip_layers(settings, blocked, where) if settings else ({}, {})
    own: dict[str, dict] = {}
    phrases: dict[tuple, Entry] = {}
    labels = frozenset(_string_list(data.get("labels"), where, "labels"))
    slots = {"adjectives": ("adjective", "quality"), "nouns": ("noun", "quality"),
             "verbs_act": ("verb", "act"), "verbs_judgement": ("verb", "judgement"),
             "adverbs": ("adverb", "quality"), "phrases": ("phrase", "quality"),
             "phrases_judgement": ("phrase", "judgement"), "phrases_act": ("phrase", "act")}

    def strength_of(key: str, pos: str) -> float:
        if key in strengths:
            return strengths[key]
        return rated.get(key, {}).get(pos, default)

    for polarity_name, sign in (("positive", 1), ("negative", -1)):
        block = data["entries"].get(polarity_name) or {}
        unknown = set(block) - set(slots)
        if unknown:
            raise file_error(CorpusFormatError, where, f"entries.{polarity_name}: unknown "
                             f"group(s) {sorted(unknown)}", f"allowed: {sorted(slots)}")
        for group, (pos, kind) in slots.items():
            for key in _string_list(block.get(group), where, f"entries.{polarity_name}.{group}"):
                if pos == "phrase" or " " in key:
                    phrases[tuple(key.split())] = Entry(key, "phrase", kind, sign,
                                                        strength_of(key, "phrase"), "political")
                    continue
                forms = [key]
                if pos == "noun":
                    forms += _plural(key)
                elif pos == "verb":
                    forms = _verb_forms(key)
                entry = Entry(key, pos, kind, sign, strength_of(key, pos), "political")
                for form in forms:
                    previous = own.get(form, {}).get(pos)
                    if previous is not None and previous.polarity != sign:
                        raise file_error(CorpusFormatError, where, f"{form!r} ({pos}) is both "
                                         "positive and negative")
                    own.setdefault(form, {})[pos] = entry
                if pos == "adjective":
                    adverb = _adverb(key)
                    if adverb and adverb not in blocked:
                        own.setdefault(adverb, {}).setdefault(
                            "adverb", Entry(adverb, "adverb", kind, sign,
                                            strength_of(key, pos), "political"))
    for label in labels:
        sense = own.get(label, {}).get("noun") or pip.get(label, {}).get("noun")
        entry = Entry(label, "noun", "label", sense.polarity if sense else -1,
                      sense.strength if sense else strength_of(label, "noun"),
                      sense.lexicon if sense else "political")
        own.setdefault(label, {})["noun"] = entry
    words = {w: dict(s) for w, s in pip.items()}
    for w, senses in own.items():  # the political list wins over the general lexicons
        words.setdefault(w, {}).update(senses)
    exclusions = {}
    for word, items in (data.get("exclusions") or {}).items():
        word = str(word).lower()
        for phrase in _string_list(items, where, f"exclusions.{word}"):
            parts = tuple(phrase.split())
            if word not in parts:
                raise file_error(CorpusFormatError, where, f"exclusion {phrase!r} does not "
                                 f"contain the word {word!r} it excludes")
            exclusions.setdefault(word, []).append((parts.index(word), parts))
    rules = {}
    for name, spec in (data.get("rules") or {}).items():
        words_ = spec.get("words") if isinstance(spec, dict) else spec
        rules[str(name)] = frozenset(_string_list(words_, where, f"rules.{name}"))
    for name in ("conduct_verbs", "sponsor_verbs"):
        if name in rules:
            rules[name] = frozenset(f for v in rules[name] for f in _verb_forms(v))
    return EvaluationLexicon(str(data["name"]), str(data.get("version", "")),
                             str(data["source"]), words, phrases,
                             {k: tuple(v) for k, v in exclusions.items()}, labels, rules)


@cache
def _shipped() -> EvaluationLexicon:
    path = resources.files("discourse.data").joinpath("lexicons", "evaluation.yaml")
    return _parse_lexicon(path.read_text("utf-8"), "discourse/data/lexicons/evaluation.yaml")


def load_evaluation_lexicon(name_or_path: str | os.PathLike = "evaluation") -> EvaluationLexicon:
    """The shipped evaluation lexicon (``"evaluation"``) or a YAML file in its format.

    >>> lex = load_evaluation_lexicon()
    >>> lex.lookup("pragmatic", "JJ").polarity, lex.lookup("rigid", "JJ").lexicon
    (1, 'political')
    """
    if isinstance(name_or_path, EvaluationLexicon):
        return name_or_path
    if name_or_path == "evaluation":
        return _shipped()
    path = Path(name_or_path)
    if not path.suffix:
        raise ResourceError(f"unknown evaluation lexicon {str(name_or_path)!r}; shipped: "
                            "['evaluation'] (or give the path of a YAML file)")
    if not path.exists():
        raise file_error(InputError, path, "no such lexicon file")
    return _parse_lexicon(path.read_text("utf-8"), str(path))


# ---------------------------------------------------------------------------------------------
# one sentence: tokens, tags, matches
# ---------------------------------------------------------------------------------------------

class Token(NamedTuple):
    """A word (possessive ``'s`` split off) or a punctuation mark, with its span and tag."""

    text: str
    start: int
    end: int
    tag: str = ""


@dataclass(frozen=True)
class Match:
    """An evaluative expression: tokens ``first .. last`` of its sentence and its sense."""

    first: int
    last: int
    entry: Entry
    polarity: int
    negated: bool


@dataclass
class SentenceAnalysis:
    """A sentence as the evaluation rules read it: tokens with Penn tags, and matches."""

    start: int
    end: int
    tokens: list
    matches: list


def _tokens(parsed, start: int, end: int) -> list[tuple[str, int, int]]:
    """``(text, start, end)`` of the words (possessive 's split off) and punctuation marks."""
    folded = parsed.folded
    i, j = parsed.words_in(start, end)
    out = []
    append = out.append
    pos = start
    for s, e in parsed.word_spans(i, j):
        if s > pos:
            gap = folded[pos:s]
            if not gap.isspace():
                for k, ch in enumerate(gap, pos):
                    if not ch.isspace():
                        append((ch, k, k + 1))
        if e - s > 2 and folded[e - 2] == "'" and folded[e - 1] in "sS" and \
                folded[s:e].lower() not in KEEP_S:
            append((folded[s:e - 2], s, e - 2))
            append((folded[e - 2:e], e - 2, e))
        else:
            append((folded[s:e], s, e))
        pos = e
    for k in range(pos, end):
        if not folded[k].isspace():
            append((folded[k], k, k + 1))
    return out


@cache
def _candidate_forms(lex: EvaluationLexicon) -> frozenset:
    return frozenset(lex.words) | frozenset(p[0] for p in lex.phrases)


@cache
def _phrase_starts(lex: EvaluationLexicon) -> frozenset:
    return frozenset(p[0] for p in lex.phrases)


def _tag(tokens: list[tuple[str, int, int]]) -> list[Token]:
    from textblob.en import parser  # Pattern's tagger: lexicon and rules inside the package

    tagged = parser.find_tags([t[0] for t in tokens])
    if len(tagged) != len(tokens):  # never seen; keep the tokens untagged rather than guess
        return [Token(*t) for t in tokens]
    tags = [tag[1] for tag in tagged]
    words = [t[0] for t in tokens]
    for k in range(1, len(tokens) - 1):
        # "We welcome the initiative", "we strongly condemn these acts": after a subject
        # pronoun (and manner adverbs) and before a determiner, a word the tagger read as an
        # adjective or a noun is the clause's verb
        if not tags[k].startswith(("JJ", "NN")) or tags[k].startswith("NNP") or \
                not words[k].islower():
            continue
        j = k - 1
        while j > 0 and tags[j] == "RB" and words[j].lower().endswith("ly"):
            j -= 1
        if words[j].lower() in _SUBJECT_PRONOUNS and (
                words[k + 1].lower() in _OBJECT_OPENERS or tags[k + 1] in ("NNP", "PRP$")):
            tags[k] = "VBP"
    return [Token(a, b, c, tag) for (a, b, c), tag in zip(tokens, tags)]


_SUBJECT_PRONOUNS = frozenset({"we", "i", "they", "you"})
_OBJECT_OPENERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "all",
                             "every", "any", "such", "his", "her", "its", "their", "our"})


def _excluded(word: str, k: int, lower: list[str], lex: EvaluationLexicon) -> bool:
    for index, parts in lex.exclusions.get(word, ()):
        i = k - index
        if i >= 0 and tuple(lower[i:i + len(parts)]) == parts:
            return True
    return False


def _negated(k: int, lower: list[str]) -> bool:
    """Is the word at ``k`` (adjective, adverb or verb) in the scope of a negation?"""
    seen = 0
    i = k - 1
    while i >= 0 and seen < 4:
        w = lower[i]
        if w == "means" and i >= 2 and lower[i - 2:i] == ["by", "no"]:
            return True
        if w == "from" and i >= 1 and lower[i - 1] == "far":
            return True
        if w == "but" and i >= 1 and lower[i - 1] == "anything":
            return True
        if w == "without" or (w == "of" and i >= 1 and lower[i - 1] in ("lack", "absence")):
            return True  # "the lack of genuine commitment", "without sincere intentions"
        if w in _NEGATORS or w.endswith("n't"):
            return not (k > i + 1 and lower[i + 1] in _NOT_NEGATION_AFTER)
        if w not in _SKIPPABLE and not w.endswith("ly"):
            return False
        seen += 1
        i -= 1
    return False


_BE = frozenset({"is", "are", "was", "were", "be", "been", "am", "'re", "'s", "remain",
                 "remains", "remained", "become", "became", "becomes"})


def _predicate_negated(k: int, lower: list[str]) -> bool:
    """A noun negated as a predicate: *be* + *not / never / no longer* + (article, adjectives)
    + the noun ("we are not warmongers")."""
    i = k - 1
    while i >= 0 and lower[i] in ("a", "an"):
        i -= 1
    if i >= 1 and lower[i] == "longer" and lower[i - 1] == "no":
        i -= 1
    return i >= 1 and lower[i] in ("not", "never", "no") and lower[i - 1] in _BE


def _capitalised_name(tokens: list[Token], k: int) -> bool:
    t = tokens[k].text
    if not t[:1].isupper() or k == 0:
        return False
    prev = tokens[k - 1].text
    return prev not in {".", ":", "\"", "(", "-", "!", "?", "'"}


def match_tokens(tokens: list[Token], lex: EvaluationLexicon) -> list[Match]:
    """Evaluative expressions among tagged ``tokens`` (phrases first, longest first)."""
    lower = [t.text.lower() for t in tokens]
    used = [False] * len(tokens)
    out: list[Match] = []
    longest = max(map(len, lex.phrases), default=0)
    starts = _phrase_starts(lex)
    forms = _candidate_forms(lex)
    for k in range(len(tokens)):
        if lower[k] not in starts:
            continue
        for n in range(min(longest, len(tokens) - k), 1, -1):
            entry = lex.phrases.get(tuple(lower[k:k + n]))
            if entry is not None and not any(used[k:k + n]):
                for m in range(k, k + n):
                    used[m] = True
                out.append(Match(k, k + n - 1, entry, entry.polarity, False))
                break
    for k, tok in enumerate(tokens):
        word = lower[k]
        if word not in forms or used[k] or _capitalised_name(tokens, k):
            continue
        entry = lex.lookup(word, tok.tag, lower[k - 1] if k else "")
        if entry is None and tok.tag == "VBG":
            entry = _prenominal_participle(tokens, k, lower, lex)
        if entry is None:
            entry = lex.phrases.get((word,))
            if entry is None:
                continue
        if _excluded(word, k, lower, lex):
            continue
        if word in lex.rules.get("predicative_only", ()) and k + 1 < len(tokens) and \
                tokens[k + 1].tag.startswith("NN"):
            continue  # "the sovereign prerogative of Angola" classifies, it does not praise
        if entry.pos == "adverb" and k + 1 < len(tokens) and tokens[k + 1].tag.startswith("JJ"):
            continue  # a degree modifier: "horrifyingly destructive" counts as "destructive"
        if entry.kind == "judgement" and k >= 2 and lower[k - 1] == "to" and \
                lower[k - 2] in _FAILED:
            continue  # "has failed to condemn": no condemnation
        if entry.pos in ("adjective", "adverb"):
            negated = _negated(k, lower)
        elif entry.pos == "verb":  # "must not violate" prescribes: the act is still blamed
            negated = _negated(k, lower) and not _deontic(k, lower)
        else:
            negated = entry.pos == "noun" and _predicate_negated(k, lower)
        out.append(Match(k, k, entry, -entry.polarity if negated else entry.polarity, negated))
    return sorted(out, key=lambda m: m.first)


#: Before a participle in -ing, these open the noun phrase it modifies ("his untiring
#: efforts", "tireless and untiring efforts"); after a preposition or a verb it is the verb
#: ("aimed at destabilizing countries").
_PRENOMINAL_AFTER = _DETERMINERS | {"and", ",", "or", "most", "more", "very", "so", "truly"}


def _prenominal_participle(tokens: list[Token], k: int, lower: list[str],
                           lex: EvaluationLexicon) -> Entry | None:
    """The political list's adjective sense of a word tagged VBG ("untiring": the tagger
    knows no such adjective) when it stands before a noun, after a determiner, a degree
    adverb, *and* or a comma."""
    senses = lex.words.get(lower[k], {})
    sense = senses.get("adjective")
    if sense is None or sense.lexicon != "political" or k == 0:
        return None
    if lower[k - 1] in _PRENOMINAL_AFTER and k + 1 < len(tokens) and \
            tokens[k + 1].tag.startswith("NN"):
        return sense
    return None


_DEONTIC = frozenset({"should", "must", "shall", "ought"})


def _deontic(k: int, lower: list[str]) -> bool:
    """Is the negation before the verb at ``k`` that of a deontic modal ("should not")?"""
    window = lower[max(0, k - 4):k]
    return any(w in _DEONTIC or w in ("shouldn't", "mustn't") for w in window)


_FAILED = frozenset({"fail", "fails", "failed", "failing", "refuse", "refuses", "refused",
                     "refusing", "declined", "declines", "decline"})


def sentence_analysis(parsed, start: int, end: int,
                      lexicon: EvaluationLexicon | None = None) -> SentenceAnalysis | None:
    """Tokens, tags and evaluative matches of the sentence ``[start, end)`` of an analysed
    document (:func:`discourse.text.parsed.parse`); None when no word of it is a lexicon
    candidate (the sentence is then not tagged)."""
    lex = lexicon or _shipped()
    forms = _candidate_forms(lex)
    if forms.isdisjoint(parsed.lower_words(*parsed.words_in(start, end))):
        return None  # no word of the sentence is in the lexicon (possessives: "policy's"
        # never is; the words keep their 's, and no lexicon form ends in one)
    tokens = _tag(_tokens(parsed, start, end))
    matches = match_tokens(tokens, lex)
    return SentenceAnalysis(start, end, tokens, matches) if matches else None


def evaluative_expressions(doc: Document, *, lexicon=None,
                           include_headings: bool = False) -> pd.DataFrame:
    """Every evaluative expression of a document, without targets (see the module docs).

    Parameters
    ----------
    doc : Document
    lexicon : EvaluationLexicon, name or path, optional
        Default: the shipped ``"evaluation"`` lexicon.
    include_headings : bool, default=False
        Read headings too (each one sentence); ``sentence`` then indexes
        ``parse(doc).sentences_with_headings``, else ``parse(doc).sentences``.

    Returns
    -------
    DataFrame
        :data:`EVALUATIVE_COLUMNS`, in text order.

    Examples
    --------
    >>> import discourse
    >>> t = evaluative_expressions(discourse.load_article()[0])
    >>> sorted(set(t.loc[t.polarity == "negative", "entry"]))[:3]
    ['dependency', 'narrow', 'rigid']
    """
    if not isinstance(doc, Document):
        raise InputError(f"evaluative_expressions needs a Document, not {type(doc).__name__}")
    lex = load_evaluation_lexicon(lexicon) if lexicon is not None else _shipped()
    parsed = parse(doc)
    spans = parsed.sentences_with_headings if include_headings else parsed.sentences
    rows = []
    for si, (s, e) in enumerate(spans):
        sa = sentence_analysis(parsed, s, e, lex)
        if sa is None:
            continue
        for m in sa.matches:
            a, b = sa.tokens[m.first].start, sa.tokens[m.last].end
            rows.append((doc.id, si, a, b, doc.text[a:b], m.entry.key, m.entry.pos,
                         m.entry.kind, "positive" if m.polarity > 0 else "negative",
                         m.entry.strength, m.negated, m.entry.lexicon))
    return pd.DataFrame(rows, columns=EVALUATIVE_COLUMNS)


def stat_evaluative(corpus) -> pd.DataFrame:
    """Per document: evaluative expressions in body sentences, positive and negative, counts
    and rates per 1,000 words (the words of the body sentences), and how many were negated.
    The profile's ``evaluation`` component.

    >>> from discourse.corpus.documents import Corpus
    >>> t = stat_evaluative(Corpus.from_texts(["A rigid, narrow and brutal policy."], ids=["d"]))
    >>> t[["evaluations_count", "evaluations_negative_count"]].values.tolist()
    [[3, 3]]
    """
    from ..corpus.documents import as_corpus

    corpus = as_corpus(corpus, "stat_evaluative")
    lex = _shipped()
    rows = []
    for doc in corpus:
        parsed = parse(doc)
        n_words = sum(parsed.n_words_in(s, e) for s, e in parsed.sentences)
        pos = neg = negated = 0
        for s, e in parsed.sentences:
            sa = sentence_analysis(parsed, s, e, lex)
            if sa is None:
                continue
            for m in sa.matches:
                pos += m.polarity > 0
                neg += m.polarity < 0
                negated += m.negated
        per = 1000.0 / n_words if n_words else float("nan")
        rows.append((doc.id, n_words, pos + neg, (pos + neg) * per, pos, pos * per, neg,
                     neg * per, negated))
    return pd.DataFrame(rows, columns=["doc_id", "evaluations_n_tokens", "evaluations_count",
                                       "evaluations_per_1k", "evaluations_positive_count",
                                       "evaluations_positive_per_1k",
                                       "evaluations_negative_count",
                                       "evaluations_negative_per_1k",
                                       "evaluations_negated_count"])
