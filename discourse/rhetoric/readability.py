"""Readability formulas for English, with the counts each one rests on.

Counting policy
---------------
* **Text**: the body of a :class:`~discourse.corpus.documents.Document` (headings, boilerplate and page
  furniture left out, as everywhere in the package). A ``str`` is read as a Document, so the
  same rule applies to it.
* **Sentences**: :func:`discourse.text.sentences.sentence_spans` (Punkt with the package's
  abbreviation list). A sentence without any letter (a paragraph number such as ``45.``, a
  row of dots) is left out, with its numbers. Text without any sentence-final punctuation is
  one sentence per paragraph.
* **Words**: in the sentences kept, the package's tokens (:func:`discourse.text.tokens.term_list`: runs of letters and
  digits with internal hyphens and apostrophes, possessive ``'s`` dropped). Numbers are words
  (they are read); they have one syllable and count as familiar for Dale–Chall.
* **Syllables**: :func:`discourse.text.syllables.count_syllables` (CMU Pronouncing Dictionary, rules
  for the rest). **Polysyllables**: words of three syllables or more.
* **Characters** (Coleman–Liau, ARI): letters and digits of the words (no hyphens,
  apostrophes, punctuation or spaces).
* **Difficult words** (Dale–Chall): words not on the Dale–Chall list of familiar words
  (``discourse/data/wordlists/dale_chall_easy.txt``), counting as familiar, after the
  Dale–Chall counting rules, numbers, the regular inflections of listed words (``-s``,
  ``-es``, ``-ies``, ``-ed``, ``-ied``, ``-ing``, ``-er``, ``-est``, ``-ier``, ``-iest``,
  ``-ly``, ``-ily``, with a dropped final ``e`` or a doubled final consonant restored) and
  hyphenated compounds whose parts are all familiar. Proper names are not recognised and count
  as difficult when they are not on the list.

Formulas
--------
With ``ASL = words / sentences``, ``ASW = syllables / words``:

==================== ===================================================================== ==========================
column               formula                                                               reference
==================== ===================================================================== ==========================
flesch_reading_ease  ``206.835 - 1.015 ASL - 84.6 ASW`` (higher = easier, 0-100 for most  Flesch (1948)
                     prose)
flesch_kincaid_grade ``0.39 ASL + 11.8 ASW - 15.59`` (US school grade)                    Kincaid et al. (1975)
gunning_fog          ``0.4 (ASL + 100 polysyllables / words)``                             Gunning (1952)
smog                 ``1.0430 sqrt(30 polysyllables / sentences) + 3.1291``                McLaughlin (1969)
coleman_liau         ``0.0588 L - 0.296 S - 15.8``, L = characters and S = sentences per   Coleman & Liau (1975)
                     100 words
ari                  ``4.71 characters / words + 0.5 ASL - 21.43``                         Senter & Smith (1967)
dale_chall           ``0.1579 PDW + 0.0496 ASL``, plus ``3.6365`` when PDW > 5, PDW = per  Dale & Chall (1948);
                     cent difficult words                                                  list: Chall & Dale (1995)
==================== ===================================================================== ==========================

Gunning's "complex words" exclude proper names, familiar compounds and three-syllable forms
made by ``-es``/``-ed``/``-ing``; like most software we count every word of three syllables or
more. McLaughlin designed SMOG for samples of 30 sentences; for other lengths the normalised
form above is used (it is computed for any text with at least one sentence, but is least
reliable for short texts).

Every value is NaN (never a warning, never 0.0) when the text has no word.

References: Flesch, R. (1948). A new readability yardstick. *J. Applied Psychology* 32:221-233.
Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975). *Derivation of new
readability formulas for Navy enlisted personnel*. Research Branch Report 8-75. Gunning, R.
(1952). *The technique of clear writing*. McGraw-Hill. McLaughlin, G. H. (1969). SMOG grading:
a new readability formula. *J. Reading* 12(8):639-646. Coleman, M. & Liau, T. L. (1975). A
computer readability formula designed for machine scoring. *J. Applied Psychology*
60(2):283-284. Senter, R. J. & Smith, E. A. (1967). *Automated Readability Index*. AMRL-TR-66-220.
Dale, E. & Chall, J. S. (1948). A formula for predicting readability. *Educational Research
Bulletin* 27:11-20, 37-54. Chall, J. S. & Dale, E. (1995). *Readability revisited: the new
Dale-Chall readability formula*. Brookline Books.

>>> r = readability("The cat sat on the mat. It was happy.")
>>> r["n_sentences"], r["n_words"], r["n_syllables"], round(r["flesch_reading_ease"], 2)
(2, 9, 10, 108.27)
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache, lru_cache
from importlib import resources

import pandas as pd
from tqdm.auto import tqdm

from ..corpus.documents import Corpus, Document
from ..errors import InputError
from ..text.parsed import parse
from ..text.syllables import _lookup

__all__ = ["readability", "stat_readability", "easy_words", "is_difficult_word",
           "READABILITY_COLUMNS", "READABILITY_SCORES"]

#: The formulas, in column order.
READABILITY_SCORES = ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog",
                      "coleman_liau", "ari", "dale_chall"]
_COUNTS = ["n_sentences", "n_words", "n_syllables", "n_characters", "n_polysyllables",
           "n_difficult_words", "n_words_by_rules"]
#: Columns of :func:`stat_readability`: ``doc_id``, the seven scores, then the counts they rest
#: on (``n_words_by_rules``: words whose syllables come from the rules, not the dictionary).
READABILITY_COLUMNS = ["doc_id", *READABILITY_SCORES, *_COUNTS]

_HAS_LETTER = re.compile(r"[^\W\d_]")
_NUMBER = re.compile(r"^[\d.,:/\-]+$")


@cache
def easy_words() -> frozenset[str]:
    """The Dale–Chall list of familiar words (2,941 entries, see the data file's header).

    >>> len(easy_words()), "peace" in easy_words(), "sovereignty" in easy_words()
    (2941, True, False)
    """
    text = resources.files("discourse.data").joinpath("wordlists", "dale_chall_easy.txt") \
        .read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _stems(w: str):
    """Candidate base forms of a regular inflection of ``w`` (Dale–Chall counting rules)."""
    for suffix, repl in (("iest", "y"), ("ier", "y"), ("ies", "y"), ("ied", "y"), ("ily", "y")):
        if w.endswith(suffix):
            yield w[:-len(suffix)] + repl
    for suffix in ("ing", "est", "es", "ed", "er", "ly", "s"):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[:-len(suffix)]
            yield stem
            if suffix in ("ing", "est", "ed", "er"):
                yield stem + "e"  # making -> make, used -> use, larger -> large
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    yield stem[:-1]  # stopped -> stop, bigger -> big


@lru_cache(maxsize=200_000)
def _is_easy(w: str) -> bool:
    easy = easy_words()
    if w in easy or _NUMBER.match(w):
        return True
    if "-" in w:
        parts = [p for p in w.split("-") if p]
        return bool(parts) and all(_is_easy(p) for p in parts)
    return any(s in easy for s in _stems(w))


def is_difficult_word(word: str) -> bool:
    """Is ``word`` difficult for the Dale–Chall formula (module docs: list, inflections, numbers)?

    >>> [is_difficult_word(w) for w in ["peace", "Countries", "stopped", "2024", "sovereignty"]]
    [False, False, False, False, True]
    """
    if not isinstance(word, str):
        raise InputError(f"is_difficult_word expects a word (str), got {type(word).__name__}.")
    w = word.replace("\u2019", "'").lower()
    return bool(w) and not _is_easy(w)


@lru_cache(maxsize=200_000)
def _word_profile(w: str) -> tuple[int, int, bool, bool]:
    """(syllables, characters, difficult, syllables by rules) of a lowercased token."""
    syl, source = _lookup(w)
    return syl, len(w) - w.count("-") - w.count("'"), not _is_easy(w), source == "rules"


def _as_document(text_or_document) -> Document:
    if isinstance(text_or_document, Document):
        return text_or_document
    if isinstance(text_or_document, str):
        return Document("text", text_or_document)
    if isinstance(text_or_document, Corpus):
        raise InputError("readability expects one text or Document; for a Corpus use "
                         "stat_readability(corpus).")
    raise InputError(f"readability expects a str or a Document, got "
                     f"{type(text_or_document).__name__}.")


def _count(doc: Document) -> dict[str, int]:
    parsed = parse(doc)
    text = doc.text
    kept = [(s, e) for s, e in parsed.sentences if _HAS_LETTER.search(text, s, e)]
    counts = Counter()
    for s, e in kept:
        counts.update(parsed.terms_in(s, e))
    n_sentences = len(kept)
    n_words = n_syl = n_chars = n_poly = n_diff = n_rules = 0
    for w, k in counts.items():
        syl, chars, diff, rules = _word_profile(w)
        n_words += k
        n_syl += k * syl
        n_chars += k * chars
        if syl >= 3:
            n_poly += k
        if diff:
            n_diff += k
        if rules:
            n_rules += k
    return {"n_sentences": n_sentences, "n_words": n_words, "n_syllables": n_syl,
            "n_characters": n_chars, "n_polysyllables": n_poly, "n_difficult_words": n_diff,
            "n_words_by_rules": n_rules}


def _scores(c: dict[str, int]) -> dict[str, float]:
    words, sents = c["n_words"], c["n_sentences"]
    if words == 0 or sents == 0:
        return dict.fromkeys(READABILITY_SCORES, math.nan)
    asl = words / sents
    asw = c["n_syllables"] / words
    pdw = 100 * c["n_difficult_words"] / words
    letters = 100 * c["n_characters"] / words
    sentences_100 = 100 * sents / words
    return {
        "flesch_reading_ease": 206.835 - 1.015 * asl - 84.6 * asw,
        "flesch_kincaid_grade": 0.39 * asl + 11.8 * asw - 15.59,
        "gunning_fog": 0.4 * (asl + 100 * c["n_polysyllables"] / words),
        "smog": 1.0430 * math.sqrt(30 * c["n_polysyllables"] / sents) + 3.1291,
        "coleman_liau": 0.0588 * letters - 0.296 * sentences_100 - 15.8,
        "ari": 4.71 * c["n_characters"] / words + 0.5 * asl - 21.43,
        "dale_chall": 0.1579 * pdw + 0.0496 * asl + (3.6365 if pdw > 5 else 0.0),
    }


def readability(text_or_document: str | Document) -> dict:
    """The seven readability scores of one text, and the counts they rest on.

    Parameters
    ----------
    text_or_document : str or Document

    Returns
    -------
    dict
        Keys :data:`READABILITY_SCORES` (floats, NaN when the text has no word) then
        ``n_sentences``, ``n_words``, ``n_syllables``, ``n_characters``, ``n_polysyllables``,
        ``n_difficult_words``, ``n_words_by_rules`` (ints). Definitions in the module docs.

    Examples
    --------
    >>> r = readability("Cooperation, not confrontation")
    >>> r["n_sentences"], r["n_words"], r["n_polysyllables"], round(r["smog"], 2)
    (1, 3, 2, 11.21)
    """
    counts = _count(_as_document(text_or_document))
    return {**_scores(counts), **counts}


def stat_readability(corpus: Corpus, *, progress: bool = False) -> pd.DataFrame:
    """Readability of every document of a corpus: one row per document.

    Parameters
    ----------
    corpus : Corpus
    progress : bool, default=False
        Show a progress bar.

    Returns
    -------
    DataFrame
        :data:`READABILITY_COLUMNS`, in corpus order (see :func:`readability`).

    Examples
    --------
    >>> from discourse.corpus.documents import Corpus
    >>> stat_readability(Corpus.from_texts(["The cat sat.", ""], ids=["a", "b"]))[
    ...     ["doc_id", "n_words", "flesch_kincaid_grade"]].round(2)
      doc_id  n_words  flesch_kincaid_grade
    0      a        3                 -2.62
    1      b        0                   NaN
    """
    if not isinstance(corpus, Corpus):
        raise InputError(f"stat_readability expects a Corpus, got {type(corpus).__name__}; "
                         "for one text use readability(text).")
    rows = []
    for doc in tqdm(corpus, total=len(corpus), desc="readability", disable=not progress):
        rows.append({"doc_id": doc.id, **readability(doc)})
    table = pd.DataFrame(rows, columns=READABILITY_COLUMNS)
    table[READABILITY_SCORES] = table[READABILITY_SCORES].astype(float)
    table[_COUNTS] = table[_COUNTS].astype(int)
    return table
