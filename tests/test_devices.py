"""Rhetorical device detectors (issue 4, item 5): hand-written positives and negatives with
exact parts and offsets, the article's devices judged by hand, bad input, speed."""

import numpy as np
import pytest

from discourse.corpus.documents import Corpus, Document
from discourse.rhetoric.devices import (DEVICE_COLUMNS, DEVICES, closed_class, detect_devices,
                               device_columns, stat_devices)
from discourse.errors import InputError


def _found(text, device):
    t = detect_devices(text, devices=[device])
    for r in t.itertuples():
        assert text[r.start:r.end] == r.match
        assert text[r.sentence_start:r.sentence_end] == r.sentence_text
        for part in (r.part_a, r.part_b, r.part_c):
            assert part in r.match or part in r.sentence_text
    return t


# --------------------------------------------------------------------------- antithesis

ANTITHESIS_POSITIVE = [
    ("Syria chose cooperation, not confrontation.", "X, not Y", "cooperation", "confrontation",
     "cooperation, not confrontation"),
    ("We want a partner, not a pawn.", "X, not Y", "a partner", "a pawn", "a partner, not a pawn"),
    ("We came to build, not to destroy.", "X, not Y", "to build", "to destroy",
     "to build, not to destroy"),
    ("The answer lies not in words but in deeds.", "not X but Y", "in words", "in deeds",
     "not in words but in deeds"),
    ("This is not a threat, but an opportunity.", "not X but Y", "a threat", "an opportunity",
     "not a threat, but an opportunity"),
    ("Relations rest on respect and reciprocity rather than dependency.", "X rather than Y",
     "respect and reciprocity", "dependency", "respect and reciprocity rather than dependency"),
    ("We must choose dialogue instead of war.", "X instead of Y", "dialogue", "war",
     "dialogue instead of war"),
    ("The visit was not only a courtesy but also a strategic signal.", "not only X but also Y",
     "a courtesy", "a strategic signal", "not only a courtesy but also a strategic signal"),
    ("It was not just a shift in direction but a broader vision for the future, a vision of peace.",
     "not only X but also Y", "a shift in direction", "a broader vision for the future",
     "not just a shift in direction but a broader vision for the future"),
    ("Instead of sanctions, the region needs investment.", "instead of X, Y", "sanctions",
     "the region needs investment", "Instead of sanctions, the region needs investment"),
]

ANTITHESIS_NEGATIVE = [
    "It is not easy, but we will try.",              # clause-level but: Y starts with a pronoun
    "However, not all states agreed.",                # quantifier after not
    "In 2011, not many observers expected this.",     # quantifier, number before the comma
    "The plan failed, not surprisingly.",             # sentence adverb
    "We did not act.",                                # plain negation
    "He would rather stay than leave.",               # "would rather ... than", no adjacency
    "As the minister said, not a single soldier moved.",  # determiner in Y, none in X
    "Instead, Damascus now seeks to engage.",         # "instead" as a connective
    "They are not only late.",                        # no "but"
    "Peace, not least in the region, matters.",       # "not least"
]


@pytest.mark.parametrize("text,pattern,a,b,match", ANTITHESIS_POSITIVE)
def test_antithesis_positive(text, pattern, a, b, match):
    t = _found(text, "antithesis")
    assert len(t) == 1, t
    r = t.iloc[0]
    assert (r["pattern"], r["part_a"], r["part_b"], r["match"]) == (pattern, a, b, match)
    assert r["start"] == text.index(match) and r["end"] == text.index(match) + len(match)
    assert r["n_parts"] == 2 and r["part_c"] == ""


@pytest.mark.parametrize("text", ANTITHESIS_NEGATIVE)
def test_antithesis_negative(text):
    assert _found(text, "antithesis").empty


# --------------------------------------------------------------------------- tricolon

TRICOLON_POSITIVE = [
    ("We need peace, security and development.", ("peace", "security", "development")),
    ("Its policy rests on balance, flexibility, and independence.",
     ("balance", "flexibility", "independence")),
    ("They lost their homes, their land and their future.",
     ("their homes", "their land", "their future")),
    ("The region needs economic growth, social justice and political stability.",
     ("economic growth", "social justice", "political stability")),
    ("Ties reach from Russia, Türkiye, and the Arab world.", ("Russia", "Türkiye", "the Arab world")),
    ("We came, saw and conquered.", ("came", "saw", "conquered")),
    ("Do you prefer trade, aid or investment?", ("trade", "aid", "investment")),
]

TRICOLON_NEGATIVE = [
    "Mr. President, ladies and gentlemen, welcome.",         # salutation
    "In 2011, 2012 and 2013 the war grew.",                   # years, introductory phrase
    "We met Russia, China, India and Brazil.",                # a list of four
    "As a result, Syria and Iraq agreed.",                    # introductory phrase
    "Today, Syria and Iraq signed the deal.",                 # introductory adverb
    "Unfortunately, Syria and Iraq disagreed.",               # sentence adverb
    "The leadership relied on narrow alliances, primarily with Russia and Iran.",  # -ly item
    "Natural disasters, both natural and man-made, strike.",  # correlative both ... and
    "We support peace and security.",                         # two items
]


@pytest.mark.parametrize("text,parts", TRICOLON_POSITIVE)
def test_tricolon_positive(text, parts):
    t = _found(text, "tricolon")
    assert len(t) == 1, t
    r = t.iloc[0]
    assert (r["part_a"], r["part_b"], r["part_c"]) == parts
    assert r["start"] == text.index(parts[0])
    assert r["end"] == text.index(parts[2]) + len(parts[2])
    assert r["n_parts"] == 3


@pytest.mark.parametrize("text", TRICOLON_NEGATIVE)
def test_tricolon_negative(text):
    assert _found(text, "tricolon").empty


# --------------------------------------------------------------------------- anaphora

ANAPHORA_POSITIVE = [
    ("We must act now. We must act together. Time is short.", "sentences", "we must act", 2),
    ("Never again war. Never again hunger. Never again fear. That is our promise.",
     "sentences", "never again", 3),
    ("We shall fight on the beaches, we shall fight on the landing grounds, we shall fight in "
     "the fields.", "clauses", "we shall fight", 3),
    ("Syria wants peace. Syria wants bread. Syria wants dignity.", "sentences", "syria wants", 3),
    ("No more war; no more bloodshed; no more exile.", "clauses", "no more", 3),
    ("Freedom from fear, freedom from want, freedom of worship.", "clauses", "freedom", 3),
]

ANAPHORA_NEGATIVE = [
    "The war ended. The people returned. The city rebuilt.",         # trivial opener "the"
    "It is late. It is dark.",                                         # "it is" is trivial
    "We are here. We are ready.",                                      # pronoun + be: trivial
    "In Syria, in Iraq, in Lebanon, people suffer.",                  # preposition opener
    "The United Nations met. The United Nations voted.",              # proper name, pair
    "Peace matters. Security matters. Growth matters.",               # different openers
    "Thank you. Thank you.",                                           # nothing after the opener
]


@pytest.mark.parametrize("text,scope,key,n", ANAPHORA_POSITIVE)
def test_anaphora_positive(text, scope, key, n):
    t = _found(text, "anaphora")
    assert len(t) == 1, t
    r = t.iloc[0]
    assert (r["pattern"], r["key"], r["n_parts"]) == (scope, key, n)
    assert r["start"] == 0
    assert r["part_a"] and r["part_b"] and text.startswith(r["part_a"])


def test_anaphora_sentences_offsets():
    text = "Time is short. We must act now. We must act together."
    r = _found(text, "anaphora").iloc[0]
    assert (r["part_a"], r["part_b"]) == ("We must act now.", "We must act together.")
    assert (r["start"], r["end"]) == (15, len(text))
    assert r["sentence"] == 1 and r["sentence_start"] == 15


@pytest.mark.parametrize("text", ANAPHORA_NEGATIVE)
def test_anaphora_negative(text):
    assert _found(text, "anaphora").empty


# --------------------------------------------------------------------------- epistrophe

EPISTROPHE_POSITIVE = [
    ("Government of the people, by the people, for the people.", "the people"),
    ("They get their money from Iran, they get their arms from Iran, and they get their orders "
     "from Iran.", "from iran"),
    ("We paid a price: an economic price, a human price, a moral price.", "price"),
    ("Would the world be safer today? Would Iraq be better today? Would we be stronger today?",
     "today"),
    ("We want food security, energy security, water security.", "security"),
    ("When I was a child, I spoke as a child, I thought as a child.", "a child"),
    ("Talks began in Geneva. Talks ended in Geneva. Talks resumed in Geneva.", "in geneva"),
]

EPISTROPHE_NEGATIVE = [
    "We met the people. We saw the people.",                   # only two units
    "He went to the market, she went to the market.",          # two units
    ("My delegation warmly congratulates you, Sir, on your election to the presidency of this "
     "session. We are confident that your long experience will guide the work of this session. "
     "We also thank your predecessor for the able way in which he conducted the last session."),
    # long sentences that happen to end alike
    "We did it for them, with them, because of them.",         # function word at the end
    "In 2010, in 2011, in 2012.",                               # numbers, not content words
    "Peace is good. War is bad. Hunger is cruel.",             # different endings
]


@pytest.mark.parametrize("text,key", EPISTROPHE_POSITIVE)
def test_epistrophe_positive(text, key):
    t = _found(text, "epistrophe")
    assert len(t) == 1, t
    r = t.iloc[0]
    assert r["key"] == key and r["n_parts"] >= 3
    assert r["part_a"].lower().rstrip(".?").endswith(key)
    assert r["match"].lower().rstrip(".?").endswith(key)


@pytest.mark.parametrize("text", EPISTROPHE_NEGATIVE)
def test_epistrophe_negative(text):
    assert _found(text, "epistrophe").empty


# --------------------------------------------------------------------------- questions

QUESTION_POSITIVE = [
    ("Who benefits from this war? Not the people.", "question"),
    ("Is this justice? No. It is revenge.", "hypophora"),
    ("How long must we wait?", "question"),
    ("Can anyone deny it? Of course not.", "hypophora"),
    ("Why? Because the world stayed silent.", "hypophora"),
    ("Are we not all responsible for the failure of this Organization?", "question"),
]

QUESTION_NEGATIVE = [
    'He asked: "Where is the money?" Nobody answered.',       # quoted question
    "We asked where the money was.",                          # indirect question
    "Q: Will you run? A: Yes. Q: When? A: Soon.",            # dialogue text (one paragraph)
    "The question is open.",
    "Peace is possible!",
    "This matters.",
]


@pytest.mark.parametrize("text,pattern", QUESTION_POSITIVE)
def test_question_positive(text, pattern):
    t = _found(text, "rhetorical_question")
    assert len(t) == 1, t
    r = t.iloc[0]
    q = text[:text.index("?") + 1]
    assert (r["pattern"], r["match"], r["start"], r["end"]) == (pattern, q, 0, len(q))
    if pattern == "hypophora":
        assert r["part_b"] and text.index(r["part_b"]) > len(q) - 1


def test_question_dialogue_is_skipped():
    text = "Q: Will you run again?\n\nA: Yes, I will.\n\nQ: When?\n\nA: Soon."
    assert _found(text, "rhetorical_question").empty
    speech = "Will we run again?\n\nYes, we will.\n\nWhen? Soon."
    assert len(_found(speech, "rhetorical_question")) == 2


@pytest.mark.parametrize("text", QUESTION_NEGATIVE)
def test_question_negative(text):
    if text.startswith("Q:"):
        doc = Document("d", text.replace(" A:", "\n\nA:").replace(" Q:", "\n\nQ:"))
        assert detect_devices(doc, devices=["rhetorical_question"]).empty
    else:
        assert _found(text, "rhetorical_question").empty


# --------------------------------------------------------------------------- the article

# Read by hand (corpus/mem-2025-10-syria-balanced-diplomacy.txt). Contrast frames in the body:
# "not only his first ... but also a clear demonstration ...", "cooperation, not
# confrontation", "engagement, not isolation", "respect and reciprocity rather than
# dependency", "not just a shift ... but a broader vision". (The heading "through pragmatism,
# not former regime's dependency" is a contrast too, but headings are not body sentences.)
# Lists of three: "pragmatism, restraint, and a commitment ...", "balance, flexibility, and
# independence", "Russia, Türkiye, and the Arab world", "stability, inclusion, and
# reintegration", "dialogue, partnership, and balance". No anaphora, epistrophe or question.
ARTICLE_EXPECTED = [
    ("antithesis", "not only X but also Y",
     "his first to a country that had long supported the former regime of Bashar al-Assad",
     "a clear demonstration of Syria’s new, balanced diplomacy", ""),
    ("tricolon", "A, B and C", "pragmatism", "restraint", "a commitment"),
    ("antithesis", "X, not Y", "cooperation", "confrontation", ""),
    ("antithesis", "X, not Y", "engagement", "isolation", ""),
    ("antithesis", "X rather than Y", "respect and reciprocity", "dependency", ""),
    ("tricolon", "A, B and C", "balance", "flexibility", "independence"),
    ("tricolon", "A, B and C", "Russia", "Türkiye", "the Arab world"),
    ("antithesis", "not only X but also Y", "a shift in diplomatic direction",
     "a broader vision for Syria’s future", ""),
    ("tricolon", "A, B and C", "stability", "inclusion", "reintegration"),
    ("tricolon", "A, B and C", "dialogue", "partnership", "balance"),
]


def test_article_devices_are_exactly_the_hand_judged_ones(article):
    t = detect_devices(article)
    got = [tuple(r) for r in t[["device", "pattern", "part_a", "part_b", "part_c"]].values]
    assert got == ARTICLE_EXPECTED
    text = article[0].text
    assert all(text[r.start:r.end] == r.match for r in t.itertuples())
    assert "cooperation, not confrontation" in set(t["match"])


def test_article_counts(article):
    s = stat_devices(article)
    assert list(s.columns) == device_columns()
    r = s.iloc[0]
    assert (r["antithesis_count"], r["tricolon_count"], r["anaphora_count"],
            r["epistrophe_count"], r["rhetorical_question_count"]) == (5, 5, 0, 0, 0)
    assert r["antithesis_per_1k"] == pytest.approx(5000 / r["n_tokens"])


def test_headings_are_not_read(article):
    doc = article[0]
    heading = "Reaffirming relations with Russia through pragmatism, not former regime’s dependency"
    pos = doc.text.index(heading)
    assert not ((detect_devices(doc)["start"] >= pos) &
                (detect_devices(doc)["end"] <= pos + len(heading))).any()


# --------------------------------------------------------------------------- API, bad input

def test_columns_and_empty_table():
    t = detect_devices("Nothing to see here.")
    assert list(t.columns) == DEVICE_COLUMNS and t.empty
    assert str(t["start"].dtype) == "int64"


def test_corpus_input_and_order():
    c = Corpus.from_texts(["Peace, not war.", "Is it fair? We need bread, work and hope."],
                          ids=["a", "b"])
    t = detect_devices(c)
    assert list(t["doc_id"]) == ["a", "b", "b"]
    assert list(t["device"]) == ["antithesis", "rhetorical_question", "tricolon"]
    s = stat_devices(c)
    assert list(s["doc_id"]) == ["a", "b"] and list(s["n_sentences"]) == [1, 2]


@pytest.mark.parametrize("bad", [None, 3, ["a text"]])
def test_bad_type(bad):
    with pytest.raises(InputError, match="expects a Corpus, a Document or a str"):
        detect_devices(bad)


def test_bad_device_name():
    with pytest.raises(InputError, match="'devices' parameter of detect_devices"):
        detect_devices("Peace, not war.", devices=["chiasmus"])


@pytest.mark.parametrize("text", ["", "   ", "Peace", "sovereignty"])
def test_empty_and_single_word(text):
    t = detect_devices(text)
    assert t.empty
    s = stat_devices(text)
    assert s["n_tokens"].iloc[0] in (0, 1)
    if s["n_tokens"].iloc[0] == 0:
        assert np.isnan(s["antithesis_per_1k"].iloc[0])
    else:
        assert s["antithesis_per_1k"].iloc[0] == 0


def test_all_caps_and_no_punctuation():
    caps = "WE CHOSE COOPERATION, NOT CONFRONTATION. WE NEED PEACE, SECURITY AND DEVELOPMENT."
    t = detect_devices(caps)
    assert list(t["device"]) == ["antithesis", "tricolon"]
    assert list(t["part_b"]) == ["CONFRONTATION", "SECURITY"]
    nopunct = "we chose cooperation not confrontation and we need peace security and development"
    assert detect_devices(nopunct).empty  # without commas no frame can be read: documented gap


def test_non_english_gives_no_false_detection():
    t = detect_devices("La coopération, pas la confrontation. Paix, sécurité et développement. "
                       "Wir wollen Frieden, Arbeit und Brot.")
    assert t.empty


def test_very_long_sentence():
    text = ("We need peace, security and development, " * 2000).rstrip(", ") + "."
    t = detect_devices(text)
    assert (t["device"] == "tricolon").sum() >= 1
    assert all(text[r.start:r.end] == r.match for r in t.itertuples())


def test_closed_class_lists_are_strings_and_disjoint_enough():
    cc = closed_class()
    assert {"on", "off", "no"} <= cc["prepositions"] | cc["determiners"]
    for words in cc.values():
        assert all(w == w.lower() and w.strip() == w and w for w in words)
