"""Stance and metadiscourse markers (issue 4, item 4): hand-computed cases, ambiguity rules,
the article read by hand, an independent re-count with discourse.keywords.patterns, bad input, speed."""
from collections import Counter

import numpy as np
import pytest
import yaml

import discourse
from discourse.corpus.documents import Corpus, Document
from discourse.errors import CorpusFormatError, InputError, ResourceError
from discourse.rhetoric.stance import (STANCE_CATEGORIES, STANCE_MARKER_COLUMNS,
                                     load_stance_lexicon, stance_columns, stance_markers,
                                     stat_stance)
from discourse.text.tokens import count_tokens


def _pairs(text, category):
    t = stance_markers(text, categories=[category])
    for r in t.itertuples():
        assert text[r.start:r.end] == r.match
    return list(zip(t["match"], t["start"]))


# --------------------------------------------------------------------------- hand-computed

HAND = ("Perhaps we should wait. Clearly, you must not fail us; in fact, it is true that "
        "they can’t win. Unfortunately, he might refuse.")


def _at(word, nth=0):
    """(word, offset of its nth whole occurrence in HAND), located independently."""
    import re
    hits = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", HAND)]
    return word, hits[nth]


HAND_EXPECTED = {
    # docs/annotation.md sec. 6: deontic "should" and "must" and the concessive "it is true"
    # are neither hedges nor boosters (they still count as modals)
    "hedges": [_at("Perhaps"), _at("might")],
    "boosters": [_at("Clearly"), _at("in fact")],
    "attitude_markers": [_at("Unfortunately")],
    "self_mentions": [_at("we"), _at("us")],
    "engagement_markers": [_at("you")],
    "modal_high": [_at("must"), _at("can’t")],
    "modal_medium": [_at("should")],
    "modal_low": [_at("might")],
    "negation": [_at("not"), _at("can’t")],
    "first_person_plural": [_at("we"), _at("us")],
    "third_person": [_at("it"), _at("they"), _at("he")],
}


def test_hand_offsets_are_what_they_seem():
    assert HAND_EXPECTED["boosters"][0] == ("Clearly", 24)
    assert HAND_EXPECTED["third_person"][2] == ("he", HAND.index("he might"))


@pytest.mark.parametrize("category", STANCE_CATEGORIES)
def test_hand_computed_matches(category):
    assert _pairs(HAND, category) == HAND_EXPECTED[category]


def test_hand_computed_rates():
    t = stat_stance(HAND)
    assert list(t.columns) == stance_columns()
    r = t.iloc[0]
    assert r["n_tokens"] == count_tokens(HAND) == 23
    for cat, pairs in HAND_EXPECTED.items():
        assert r[f"{cat}_count"] == len(pairs)
        assert r[f"{cat}_per_1k"] == pytest.approx(1000 * len(pairs) / 23)
    assert r["first_vs_third"] == pytest.approx(2 / 3)


def test_sentence_index_and_columns():
    t = stance_markers(HAND)
    assert list(t.columns) == STANCE_MARKER_COLUMNS
    assert set(t.loc[t["match"] == "Perhaps", "sentence"]) == {0}
    assert set(t.loc[t["match"] == "might", "sentence"]) == {2}
    assert t.loc[t["match"] == "in fact", "entry"].iloc[0] == "in fact"


# --------------------------------------------------------------------------- matching rules

@pytest.mark.parametrize("text,category,expected", [
    ("The mayor of the canal town acknowledged it.", "modal_low", []),        # whole words only
    ("Nothingness is notably knotty.", "negation", []),
    ("They don’t agree and won't.", "negation", [("don’t", 5), ("won't", 21)]),  # curly/straight
    ("In May 2024 the talks resumed.", "modal_low", []),                       # month + year
    ("On 3 May the talks resumed.", "modal_low", []),                           # day + month
    ("The talks of May were long.", "modal_low", []),                           # mid-sentence May
    ("May God protect Syria.", "modal_low", [("May", 0)]),                      # sentence-initial
    ("Talks may resume. May they succeed.", "modal_low", [("may", 6), ("May", 18)]),
    ("It is the will of the people and the political will of leaders.", "modal_high", []),
    ("We will act and they will follow.", "modal_high", [("will", 3), ("will", 21)]),
    ("The military might of the US cannot help us.", "modal_low", []),
    ("The US helped us.", "first_person_plural", [("us", 14)]),                 # US = country
    ("LET US WORK.", "first_person_plural", [("US", 4)]),                        # all caps text
    ("Resolution No. 242 says no to war.", "negation", [("no", 24)]),           # No. 242
    ("It is, in fact, over. In, fact, no.", "boosters", [("in fact", 7)]),      # no phrase over commas
    ("Mr. President, ladies and gentlemen.", "engagement_markers",
     [("Mr. President", 0), ("ladies and gentlemen", 15)]),
    ("There is no doubt about it.", "boosters", [("There is no doubt", 0)]),
    ("I have no doubt about it.", "boosters", [("no doubt", 7)]),
    ("About 300 people came to talk about peace.", "hedges", []),      # approximators: no
    ("It is certain that certain countries object.", "boosters", [("It is certain", 0)]),
    ("We are certain that it works.", "boosters", [("are certain that", 3)]),
    ("Certain countries object.", "boosters", []),
    ("We would rather negotiate rather than fight.", "hedges", []),    # volitional would
    ("The talks would address security.", "hedges", []),               # issue #11: no hedge
    ("It would seem that the talks failed.", "hedges", [("It would seem", 0)]),
    ("I would think the talks failed.", "hedges", [("I would think", 0)]),
    ("The army could not attend. We could see smoke.", "hedges", []),   # ability
    ("The ceasefire could collapse.", "hedges", [("could", 14)]),       # possibility
    ("No one can stop us. We can win.", "hedges", []),                  # can: never a hedge
    ("May I thank you. These principles may be listed as follows.", "hedges", []),
    ("However hard it may be, we go on.", "hedges", []),                # concessive may
    ("The deal may collapse.", "hedges", [("may", 9)]),
    ("We believe that talks are the only means.", "hedges", [("We believe", 0)]),
    ("We firmly believe that talks work.", "hedges", []),
    ("We firmly believe that talks work.", "boosters", [("firmly believe", 3)]),
    ("We believe in peace. He believes he will win.", "hedges", []),    # values; third person
    ("He believes he will win.", "boosters", []),
    ("The government must publish the report.", "boosters", []),       # deontic must
    ("They must have known.", "boosters", [("must have", 5)]),          # epistemic must
    ("We never give up and always try.", "boosters", []),
    ("The suspected bomb-maker is said to be in hiding.", "hedges",
     [("suspected", 4), ("is said to", 25)]),
    ("He alleged that the vote was rigged.", "hedges", []),             # a reporting verb
    ("Naturally, we agree. Such things occur naturally.", "boosters", [("Naturally", 0)]),
    ("A change of course. Of course it failed.", "boosters", [("Of course", 20)]),
    ("The tape proves he ordered it. It proved difficult.", "boosters", [("proves", 9)]),
    ("We know that it works. We know what we want.", "boosters", [("We know", 0)]),
])
def test_matching_rules(text, category, expected):
    assert _pairs(text, category) == expected


def test_longest_phrase_wins_within_a_category():
    # "It is clear that" (booster) and not also "It is clear"; "there is no doubt" is a booster
    # and "no" negation
    t = stance_markers("It is clear that there is no doubt.")
    assert list(t.loc[t["category"] == "boosters", "match"]) == ["It is clear that",
                                                                  "there is no doubt"]
    assert list(t.loc[t["category"] == "negation", "match"]) == ["no"]


# --------------------------------------------------------------------------- the article

def test_article_by_hand(article):
    t = stance_markers(article)
    by = {c: list(g["match"]) for c, g in t.groupby("category")}
    # read by hand against docs/annotation.md sec. 6: "a clear demonstration of", "made it
    # clear", "The message was clear", "sends a clear message" and "Syria demonstrated" are
    # descriptions, not boosters; "would not be drawn" (future in the past) and "often
    # reduced" (frequency) are not hedges; "may well serve" is the one hedge
    assert "boosters" not in by
    assert by["attitude_markers"] == ["notable", "Importantly", "welcomed", "crucial"]
    assert by["hedges"] == ["may"]
    assert set(t["attributed_to"]) == {"author"}  # the op-ed quotes nobody
    assert "self_mentions" not in by and "first_person_plural" not in by  # an op-ed about Syria
    assert by["modal_high"] == ["will", "will", "will"]
    assert len(by["negation"]) == 12
    s = stat_stance(article).iloc[0]
    assert s["n_tokens"] == sum(count_tokens(article[0].text[b.start:b.end])
                                for b in article[0].body_blocks())
    assert s["first_vs_third"] == 0


def test_independent_recount_with_patterns(tmp_path, article, ungdc):
    """Re-count the categories that have no exclusions or case rules with the package's other
    matcher (discourse.keywords.patterns on discourse.tokenize tokens): counts must agree exactly."""
    lexicon = yaml.safe_load((discourse.rhetoric.stance.resources.files("discourse.data")
                              / "lexicons" / "metadiscourse.yaml").read_text("utf-8"))
    path = tmp_path / "stance.yaml"
    path.write_text(yaml.safe_dump({k: lexicon[k] for k in ("name", "source", "licence")} |
                                   {"entries": {c: lexicon["entries"][c]["patterns"]
                                                for c in ("third_person", "attitude_markers",
                                                          "modal_medium")}}))
    dic = discourse.load_dictionary(path)
    docs = Corpus.concat([article, ungdc.subset(lambda m: m["country"] == "SYR").sample(5, seed=2)])
    toks = discourse.tokenize(docs, use_cache=False)
    ours = stat_stance(docs, categories=list(dic.categories), voice="all")
    for i, row in ours.iterrows():
        for cat, patterns in dic.categories.items():
            count = sum(len(p.match_positions(toks[i])) for p in patterns)
            assert row[f"{cat}_count"] == count, (row["doc_id"], cat)


# --------------------------------------------------------------------------- lexicon file

def test_lexicon_file_is_documented_and_clean():
    data = yaml.safe_load((discourse.rhetoric.stance.resources.files("discourse.data")
                           / "lexicons" / "metadiscourse.yaml").read_text("utf-8"))
    assert data["source"] and data["licence"] and data["name"] == "metadiscourse"
    assert list(data["entries"]) == STANCE_CATEGORIES
    for cat, spec in data["entries"].items():
        assert spec["description"] and spec["source"], cat
        pats = spec["patterns"]
        assert all(isinstance(p, str) and p == p.lower().strip() and p for p in pats), cat
        dup = [p for p, n in Counter(pats).items() if n > 1]
        assert not dup, (cat, dup)
    lex = load_stance_lexicon()
    assert lex.categories == tuple(STANCE_CATEGORIES)


def test_user_lexicon(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("name: mine\nsource: test\nlicence: CC0\nentries:\n  peace: [peace, 'cease*']\n")
    t = stance_markers("Peace and a ceasefire, peaceful.", lexicon=path)
    assert list(t["match"]) == ["Peace", "ceasefire"]
    assert list(stat_stance("Peace.", lexicon=path).columns) == stance_columns(["peace"])


@pytest.mark.parametrize("content,message", [
    ("name: x\nsource: s\nlicence: l\nentries: {}\n", "non-empty 'entries'"),
    ("name: x\nentries:\n  a: [b]\n", "missing provenance"),
    ("name: x\nsource: s\nlicence: l\nentries:\n  a: [b*c]\n", "is not a word"),
    ("name: x\nsource: s\nlicence: l\nentries:\n  a: ['no']\nexclusions:\n  'no': ['yes']\n",
     "does not contain"),
    ("name: x\nsource: s\nlicence: l\nentries:\n  a: ['no']\nexclusions:\n  'no': [yes]\n",
     "as strings"),
    ("name: [x\n", "malformed YAML"),
])
def test_bad_lexicon_files(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    with pytest.raises(CorpusFormatError, match=message):
        load_stance_lexicon(path)


def test_unknown_lexicon():
    with pytest.raises(ResourceError, match="unknown stance lexicon"):
        load_stance_lexicon("hyland")
    with pytest.raises(InputError, match="no such lexicon file"):
        load_stance_lexicon("/nonexistent/lex.yaml")


# --------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("bad", [None, 1.5, ["text"]])
def test_bad_type(bad):
    with pytest.raises(InputError, match="expects a Corpus, a Document or a str"):
        stat_stance(bad)


def test_unknown_category():
    with pytest.raises(InputError, match="'categories' parameter of stance_markers"):
        stance_markers("text", categories=["hedging"])


@pytest.mark.parametrize("text", ["", "   \n", "...!"])
def test_empty_text_gives_nan_rates(text):
    with np.errstate(all="raise"):
        r = stat_stance(text).iloc[0]
    assert r["n_tokens"] == 0 and r["hedges_count"] == 0
    assert np.isnan(r["hedges_per_1k"]) and np.isnan(r["first_vs_third"])
    assert stance_markers(text).empty


def test_single_word_and_no_punctuation():
    assert _pairs("perhaps", "hedges") == [("perhaps", 0)]
    t = stance_markers("we must clearly act and they will not wait")
    # we (self, 1pl), must (high modal), clearly (booster), they (3rd), will (high), not
    assert t["sentence"].eq(0).all() and len(t) == 7


def test_all_caps():
    t = stance_markers("WE MUST NOT FAIL. IT IS CLEAR.")
    assert set(t["category"]) >= {"self_mentions", "modal_high", "negation", "boosters"}


def test_non_english():
    assert stance_markers("La paix est réalisable. Der Frieden ist möglich. السلام ممكن").empty
    # words spelled alike in English do match (documented): French "crucial"
    assert list(stance_markers("Le dialogue est crucial.")["match"]) == ["crucial"]


def test_corpus_and_document_input():
    c = Corpus.from_texts(["We must.", "They may."], ids=["a", "b"])
    t = stat_stance(c, categories=["modal_high", "modal_low"])
    assert list(t["modal_high_count"]) == [1, 0] and list(t["modal_low_count"]) == [0, 1]
    assert list(stance_markers(c[1])["doc_id"].unique()) == ["b"]


def test_very_long_text():
    text = "We must clearly act, perhaps now. " * 5000
    r = stat_stance(text).iloc[0]
    assert r["boosters_count"] == 5000 and r["hedges_count"] == 5000
