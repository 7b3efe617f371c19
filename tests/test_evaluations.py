"""Evaluations with their targets and the ideological square (issue #11, items 1 and 2):
the lexicon and its layers, part of speech and negation, each attachment rule on written
positive and negative sentences, descriptive references and pronouns, the own side, the square
table and figure, the profile columns and the `discourse actors --evaluations/--square` verb."""
from __future__ import annotations

import io
import math
import subprocess
import sys

import pandas as pd
import pytest

from discourse.actors.evaluations import EVALUATION_COLUMNS, EVALUATION_RULES, find_evaluations
from discourse.actors.references import author_actor, self_side
from discourse.actors.square import (SQUARE_COLUMNS, SQUARE_RATE_COLUMNS, square_rates,
                                     stat_evaluation)
from discourse.corpus.documents import Corpus, Document
from discourse.errors import CorpusFormatError, InputError, ResourceError
from discourse.rhetoric.evaluative import (EVALUATIVE_COLUMNS, evaluative_expressions,
                                           load_evaluation_lexicon, stat_evaluative)

from .conftest import ROOT

UN_SYRIA_2012 = {"country": "SYR", "source": "ungdc", "year": 2012}


def evaluate(text: str, meta: dict | None = None) -> list[tuple]:
    """``(match, polarity, actor_id, rule)`` of every evaluation of a one-document text."""
    ev = find_evaluations(Corpus.from_documents([Document("d", text, meta or {})]))
    return [(m, p, a if isinstance(a, str) else None, r if isinstance(r, str) else None)
            for m, p, a, r in ev[["match", "polarity", "actor_id", "rule"]].values.tolist()]


def target(text: str, word: str, meta: dict | None = None):
    """``(actor_id, rule)`` of the evaluation ``word`` in ``text`` (it must be found)."""
    hits = [(a, r) for m, _, a, r in evaluate(text, meta) if m == word]
    assert hits, f"{word!r} not found as an evaluation in {text!r}"
    return hits[0]


# ---------------------------------------------------------------------------------------------
# the done-when of issue #11 on the reference article
# ---------------------------------------------------------------------------------------------

def test_article_praises_syria_and_al_sharaa_and_blames_the_former_regime(article):
    doc = article[0]
    ev = find_evaluations(article)
    assert list(ev.columns) == EVALUATION_COLUMNS
    for row in ev.itertuples():  # every span is the text as written
        assert doc.text[row.start:row.end] == row.match
        if row.target_start >= 0:
            assert doc.text[row.target_start:row.target_end].strip()
    own = ev[ev.actor_id.isin(["SYR", "sharaa"])]
    former = ev[ev.actor_id.isin(["assad_regime", "bashar_assad"])]
    assert (own.polarity == "positive").all() and (former.polarity == "negative").all()
    praised = set(own["entry"])
    assert {"balanced", "pragmatic", "pragmatism", "rational", "sovereign", "calculated",
            "composed", "constructive", "independent", "maturity"} <= praised
    assert set(former["entry"]) == {"rigid", "narrow", "dependency"}
    # hand-checked spans and targets (offsets into Document.text)
    expected = {
        ("balanced", 210): ("SYR", "possessive"),       # "Syria's new, balanced diplomacy"
        ("pragmatism", 624): ("sharaa", "copula"),     # "His leadership ... defined by pragmatism"
        ("rigid", 1008): ("bashar_assad", "of"),       # "of his predecessor, Bashar al-Assad"
        ("narrow", 1105): ("assad_regime", "subject"),  # "the previous regime relied ... on narrow"
        ("dependency", 1577): ("assad_regime", "possessive"),  # "former regime's dependency"
        ("calculated", 3373): ("SYR", "copula"),       # "the response from Damascus was calculated"
        ("sovereign", 6316): ("SYR", "copula"),        # "reassert itself as a sovereign ... player"
    }
    got = {(r.match, r.start): (r.actor_id, r.rule) for r in ev.itertuples()}
    for key, value in expected.items():
        assert got[key] == value, key
    # nothing praises the former regime or blames Syria's side, and no other actor is evaluated
    assert set(ev["actor_id"].dropna()) == {"SYR", "sharaa", "assad_regime", "bashar_assad"}


def test_article_square(article):
    sq = stat_evaluation(article)
    assert list(sq.columns) == SQUARE_COLUMNS
    side = dict(zip(sq.actor_id, sq.side))
    assert side == {"SYR": "self", "sharaa": "self", "assad_regime": "other",
                    "bashar_assad": "other"}
    own, others = sq[sq.side == "self"], sq[sq.side == "other"]
    assert own["n_negative"].sum() == 0 and others["n_positive"].sum() == 0
    assert own["n_positive"].sum() == 17 and others["n_negative"].sum() == 3
    n_words = sq["n_words"].iloc[0]
    syr = sq.set_index("actor_id").loc["SYR"]
    assert syr["positive_per_1k"] == pytest.approx(syr["n_positive"] * 1000 / n_words)
    assert syr["positive_words"].startswith("balanced:3; rational:2")
    doc = article[0].text
    for spans, words in zip(sq["positive_spans"], sq["positive_words"]):
        pairs = [s.split("-") for s in spans.split("; ")] if spans else []
        found = sorted(doc[int(a):int(b)].lower() for a, b in pairs)
        items = [item.rsplit(":", 1) for item in words.split("; ")] if words else []
        listed = sorted(w for w, n in items for _ in range(int(n)))
        assert found == listed
    rates = square_rates(article)
    assert list(rates.columns) == SQUARE_RATE_COLUMNS
    assert rates["eval_self_positive_per_1k"].item() == pytest.approx(17 * 1000 / n_words)
    assert rates["eval_self_negative_per_1k"].item() == 0
    assert rates["eval_other_negative_per_1k"].item() == pytest.approx(3 * 1000 / n_words)


# ---------------------------------------------------------------------------------------------
# attachment rules: written positive and negative sentences
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, actor, rule", [
    # possessive: a name, a pronoun, a conduct noun's of-complement
    ("Syria's balanced diplomacy won friends.", "balanced", "SYR", "possessive"),
    ("The Arab states' rigid position did not change.", "rigid", "arab_states", "possessive"),
    ("Iran has pursued its reckless policy for years.", "reckless", "IRN", "possessive"),
    ("Israel's policy of aggression must end.", "aggression", "ISR", "possessive"),
    # modifier: a demonym in the noun phrase, or an adjective on the name itself
    ("The talks stalled over Iranian aggression in the Gulf.", "aggression", "IRN", "modifier"),
    ("The criminal Israeli forces fired again.", "criminal", "ISR", "modifier"),
    # of-phrase, and of + description + apposition
    ("Observers noted the rigid diplomacy of Iran.", "rigid", "IRN", "of"),
    ("Al-Sharaa broke with the rigid diplomacy of his predecessor, Bashar al-Assad.", "rigid",
     "bashar_assad", "of"),
    # agent
    ("It was a plot hatched by Russia and its allies.", "plot", "RUS", "agent"),
    ("They suffered from the aggression committed by Israel.", "aggression", "ISR", "agent"),
    # (nineteenth round) a by-agent that is a chain head with adjectives: "regime of X"
    ("Angola suffered a criminal attack perpetrated by the racist regime of Pretoria.",
     "criminal", "ZAF", "agent"),
    ("We condemn the massacres perpetrated by the racist regime of Pretoria.", "massacres",
     "ZAF", "agent"),
    ("We condemn the massacres committed by the Government of Iraq.", "massacres", "IRQ",
     "agent"),
    # (nineteenth round) a possessor head after a name or demonym: "the Iraqi regime's"
    ("The South African regime's brutal repression continues.", "brutal", "ZAF",
     "possessive"),
    ("The Israeli Government's reckless policy must end.", "reckless", "ISR", "possessive"),
    # (nineteenth round) a regime, Government, authorities ... in a state's name or capital
    ("The racist regime in South Africa is aggressive.", "aggressive", "ZAF", "copula"),
    ("The racist regime in South Africa is aggressive.", "racist", "ZAF", "of"),
    ("The regime in Pretoria is brutal.", "brutal", "ZAF", "copula"),
    ("The colonial regime in Pretoria is brutal.", "brutal", "ZAF", "copula"),  # a capital
    ("We condemn the racist regime in South Africa.", "condemn", "ZAF", "object"),
    ("We condemn the brutal policies of the Government in Tel Aviv.", "condemn", "ISR",
     "object"),
    ("We condemn the brutal policies of the Government in Tel Aviv.", "brutal", "ISR", "of"),
    ("We condemn the massacres perpetrated by the racist regime in South Africa.",
     "massacres", "ZAF", "agent"),
    # (twentieth round) the new words: an adjective the lexicon had as a VADER noun only, a
    # label whose possessor or of-phrase is its patron, a participle the tagger calls VBG
    ("The fascist junta in Chile violated human rights.", "fascist", "CHL", "of"),
    ("Nazi Germany and its henchmen murdered millions.", "henchmen", "other:henchmen",
     "label"),
    ("Moscow's obedient puppets rule the mainland.", "puppets", "other:puppets", "label"),
    ("The puppets of imperialism attacked Cuba.", "puppets", "other:puppets", "label"),
    ("Israel is a usurper of our land.", "usurper", "ISR", "copula"),
    ("The ruling clique in Pretoria is brutal.", "clique", "ZAF", "of"),  # an in_heads label
    ("We welcome the untiring efforts of the United States.", "untiring", "USA", "of"),
    # apposition, both orders
    ("Bashar al-Assad, a brutal dictator, fled to Moscow.", "brutal", "bashar_assad",
     "apposition"),
    ("The brutal dictator, Bashar al-Assad, fled to Moscow.", "brutal", "bashar_assad",
     "apposition"),
    # copula, its coordinations and the copula-like frames
    ("The response from Damascus was calculated and composed.", "composed", "SYR", "copula"),
    ("Russia remains pragmatic.", "pragmatic", "RUS", "copula"),
    ("Türkiye presents itself as a constructive and independent actor.", "independent", "TUR",
     "copula"),
    ("Al-Sharaa spoke in Moscow. His leadership has been defined by pragmatism and restraint.",
     "restraint", "sharaa", "copula"),
    ("Damascus has been careful not to let the transition hinder its relations.", "careful",
     "SYR", "copula"),
    # subject: act verbs, adverbs of the verb, conduct verbs, manner, relative clauses
    ("Israel violated the agreement.", "violated", "ISR", "subject"),
    ("Russia, which violated the treaty, was blamed.", "violated", "RUS", "subject"),
    ("Russia acted responsibly in the crisis.", "responsibly", "RUS", "subject"),
    ("Egypt maintained a balanced regional policy.", "balanced", "EGY", "subject"),
    ("While the previous regime relied heavily on narrow alliances, others did not.", "narrow",
     "assad_regime", "subject"),
    ("Damascus now seeks to engage with all powers on pragmatic terms.", "pragmatic", "SYR",
     "subject"),
    # sponsoring a blamed thing blames the sponsor (first conjunct, as the guidelines record;
    # the tagger's noun reading of "support" corrected; a relative on "X and others")
    ("Qatar and Turkey support terrorism in Syria.", "terrorism", "QAT", "subject"),
    ("Qatar, Turkey, France and others who explicitly induce and support terrorism must stop.",
     "terrorism", "QAT", "subject"),
    ("India has sponsored terrorism for years.", "terrorism", "IND", "subject"),
    ("The United States, France and Britain launched a wanton aggression.", "wanton", "USA",
     "subject"),  # a list split by commas: its first conjunct
    ("The Turkish regime continues to support terrorists.", "terrorists", "other:terrorists",
     "label"),  # a label names its own target, not its sponsor's
    # object of a judgement verb (praise and blame verbs evaluate their object)
    ("We condemn the Israeli occupiers.", "condemn", "ISR", "object"),
    ("We commend Iran for its patience.", "commend", "IRN", "object"),
    ("We pay tribute to the African Union for its efforts.", "pay tribute", "african_union",
     "object"),
    ("They condemned the invasion of Afghanistan by the Soviet Union.", "condemned", "RUS",
     "object"),  # the one invaded is not the one blamed
    # a label names the actor it evaluates; so does a label adjective on a group noun
    ("The terrorists attacked the town.", "terrorists", "other:terrorists", "label"),
    ("They armed the terrorist groups in the north.", "terrorist", "other:terrorists", "label"),
    ("A terrorist group under the name of Hamas attacked.", "terrorist", "hamas", "label"),
    # passive act verbs and adverbs take the by-agent
    ("The uprisings were hijacked by terrorists.", "hijacked", "other:terrorists", "subject"),
    ("Their cries have been cynically ignored by the Soviet Union.", "cynically", "RUS",
     "subject"),
    # accusations: the object, and the act it is accused of
    ("India accuses Pakistan of masterminding the assault.", "accuses", "PAK", "object"),
    ("India accuses Pakistan of masterminding the assault.", "masterminding", "PAK", "subject"),
    # an attitude noun: its possessor holds it; the subject of "deserves" receives it
    ("Pakistan's generous handling deserves our admiration.", "admiration", "PAK", "subject"),
    # a conjunct after an excluded one is excluded too; an of-phrase naming the one acted upon
    # is not the subject
    ("The Israeli invasion of Lebanon has been destructive.", "destructive", "ISR", "copula"),
    ("Israel has legitimate security concerns.", "legitimate", "ISR", "subject"),
    # an adverbial of conduct evaluates its clause's subject, before or after it; a passive
    # clause its agent
    ("Under the pretext of security, Israel seized the port.", "pretext", "ISR", "adverbial"),
    ("Israel seized the port in flagrant violation of resolution 242.", "violation", "ISR",
     "adverbial"),
    ("South Africa holds Namibia, in defiance of the Council.", "defiance", "ZAF",
     "adverbial"),
    ("The bases are being built by the United States in violation of the Charter.",
     "violation", "USA", "adverbial"),
    # the demonyms added in the eighth round
    ("They fought the yoke of Portuguese colonialism.", "colonialism", "PRT", "modifier"),
    ("We salute the brave Namibian people.", "brave", "NAM", "modifier"),
])
def test_rule_attaches(text, word, actor, rule):
    assert target(text, word) == (actor, rule)


@pytest.mark.parametrize("text, word", [
    # no actor linked: a thing, a situation, an implied agent
    ("At the heart of this approach lies a rational and balanced foreign policy.", "rational"),
    ("This pragmatic shift reflects a new understanding.", "pragmatic"),
    # of-phrases that name the one acted upon, and of + possessive (the possessor is not
    # what the noun phrase evaluates)
    ("Observers described the oppression of the Palestinian people.", "oppression"),
    ("Its rational pursuit of Syria's national interests went on.", "rational"),
    # not a conduct verb: the rejected or supported thing is not the subject's quality
    ("The new team avoided the zero-sum mentality of the past.", "zero-sum"),
    ("Russia supports a balanced solution for Cyprus.", "balanced"),
    ("Permanent members, who have launched wars under the pretext of combating terrorism, "
     "speak.", "terrorism"),
    # not an adverbial of conduct: a topic ("on violations"), a verb too far back (another
    # clause's), the representative's of-phrase (the represented, not the one praised)
    ("Iran spoke on violations of human rights.", "violations"),
    ("Iran described the maltreatment and execution of members of a faith, in defiance of the "
     "Declaration.", "defiance"),
    ("The sole legitimate representative of the Namibian people met them.", "legitimate"),
    ("We salute the brave Congolese people.", "brave"),  # ambiguous demonyms: not in the
    ("We salute the brave Dominican people.", "brave"),  # gazetteer (two states each)
    # (nineteenth round) a possessor head with no name before it, or a pronoun; a chain head
    # whose of-phrase names no actor, or none at all
    ("The regime's brutal repression continues.", "brutal"),
    ("Their government's reckless policy must end.", "reckless"),
    ("The massacres carried out by the brutal forces of nature were immense.", "massacres"),
    ("The massacres perpetrated by the racist regime went on.", "massacres"),
    ("The massacres perpetrated by the brutal forces against Iraq went on.", "massacres"),
    # (nineteenth round) an in-phrase: after a head that is no regime or Government, after a
    # colonial (illegal, occupation ...) regime in a country (the place ruled), a name that
    # modifies a noun or possesses, a place that is no state
    ("The brutal forces in Lebanon attacked the village.", "brutal"),
    ("The brutal attack in Lebanon shocked us.", "brutal"),
    ("The colonial regime in Angola is brutal.", "brutal"),
    ("We condemn the illegal regime in Namibia.", "condemn"),
    ("The brutal authorities in the Lebanon border area fired on them.", "brutal"),
    ("The brutal authorities in Iraq's north fired on them.", "brutal"),
    ("The brutal regime in the Arab world fell.", "brutal"),  # a bloc, not a state
    # passive act verb: the subject is acted upon
    ("Norway will not be intimidated.", "intimidated"),
    # a preposition before the name: not the subject
    ("In Syria the brutal repression went on.", "brutal"),
    # an adjective on a thing that merely carries a demonym
    ("He travelled on a fake British passport.", "fake"),
    # his/her with two leaders in view, or none
    ("Putin met Erdogan. His pragmatism was praised.", "pragmatism"),
    ("His pragmatism was praised.", "pragmatism"),
    # "it" is never resolved; victims are never targets
    ("It is balanced and rational.", "balanced"),
    ("Innocent Iraqis were killed by the bombs.", "Innocent"),
    # a word holding two actors ("Israeli-Palestinian") is ambiguous
    ("They called for an end to Israeli-Palestinian violence and chaos.", "violence"),
    # (the conflict between Iran and Iraq: now the chunk rules' first conjunct, as the
    # guidelines record coordinated actors; tests/test_evaluations_chunks.py)
    # the speaker's admiration, not its target
    ("We express our admiration.", "admiration"),
    # a plural demonym is a people, not a modifier (here the victims)
    ("The groups have committed against Syrians crimes and massacres.", "crimes"),
    # "support" as a noun: no verb, no subject; supporting a good thing is no quality
    ("The US support for terrorism must end.", "terrorism"),
    # "I think" is another clause: the subject of "might be useful" is the study
    ("It is a study which I think might be useful.", "useful"),
])
def test_rule_does_not_attach(text, word):
    assert target(text, word) == (None, None)


def test_descriptive_references_resolve_to_the_home_state_only_when_it_dominates():
    meta = {"country": "SYR", "genre": "opinion", "year": 2025}
    text = ("Syria has changed. Syria looks ahead. Al-Sharaa leads Syria. "
            "The new leadership has been pragmatic.")
    assert target(text, "pragmatic", meta) == ("SYR", "copula")
    ev = find_evaluations(Corpus.from_documents([Document("d", text, meta)]))
    row = ev[ev.match == "pragmatic"].iloc[0]
    assert row.target_via == "description" and text[row.target_start:row.target_end] == \
        "The new leadership"
    # the same text about a state the document is not about: no target
    other = text.replace("Syria", "Iraq")
    assert target(other, "pragmatic", meta) == (None, None)
    # no country in the metadata: no home state
    assert target(text, "pragmatic") == (None, None)
    # "the leadership of X": the of-phrase says who
    assert target("Syria spoke. Syria acted. The leadership of Iran was reckless.", "reckless",
                  meta) == ("IRN", "copula")


def test_first_person_is_the_speaker_of_a_statement():
    text = "We have always adopted a principled position. Our brave army defends the country."
    assert target(text, "principled", UN_SYRIA_2012) == ("SYR", "subject")
    assert target(text, "brave", UN_SYRIA_2012) == ("SYR", "possessive")
    assert target("My Government has been patient and reasonable.", "reasonable",
                  UN_SYRIA_2012) == ("SYR", "copula")
    # an op-ed or a news item has no author actor: "we" stays unresolved
    assert target(text, "principled", {"country": "SYR", "genre": "opinion"}) == (None, None)
    assert author_actor(Document("d", "x", {"author_actor": "PAK"})) == "PAK"


def test_its_is_the_subject_of_its_clause_or_the_actor_before_a_parenthesis():
    assert target("Iran clung to its intransigence for years.", "intransigence") == \
        ("IRN", "possessive")
    assert target("Syria, true to its principled position, received the envoy.",
                  "principled") == ("SYR", "possessive")
    # the subject is not an actor: no antecedent, even with a state named earlier
    assert target("Against Iraq the aggressor should not reap the fruits of its aggression.",
                  "aggression") == (None, None)


# ---------------------------------------------------------------------------------------------
# the lexical layer: lexicon, part of speech, negation
# ---------------------------------------------------------------------------------------------

def _expr(text):
    t = evaluative_expressions(Document("d", text))
    return [(m, p, n) for m, p, n in t[["match", "polarity", "negated"]].values.tolist()]


@pytest.mark.parametrize("text, expected", [
    ("Russia is not balanced.", [("balanced", "negative", True)]),
    ("Russia is by no means foolish.", [("foolish", "positive", True)]),
    ("It is far from rational.", [("rational", "negative", True)]),
    ("Israel never violated it.", [("violated", "positive", True)]),
    ("Russia isn't pragmatic.", [("pragmatic", "negative", True)]),
    # additive "not only ... but also": no negation
    ("Russia is not only balanced but also wise.", [("balanced", "positive", False),
                                                    ("wise", "positive", False)]),
    # a rejected noun keeps its polarity ...
    ("Russia chose dialogue, not aggression.", [("aggression", "negative", False)]),
    # ... but a negated predicate noun flips
    ("We are not warmongers.", [("warmongers", "positive", True)]),
    # a comma or a conjunction ends the scope
    ("Not now, but balanced.", [("balanced", "positive", False)]),
    # a prescription does not negate the act ("must not violate": violating is still blamed)
    ("States must not violate the Charter.", [("violate", "negative", False)]),
    # "failed to condemn" is no condemnation (the failure is the blame)
    ("The Council has failed to condemn it.", [("failed", "negative", False)]),
    # lack of, without
    ("They show a lack of genuine commitment.", [("genuine", "negative", True)]),
    # a degree adverb before an evaluative adjective is not counted apart from it
    ("It was horrifyingly destructive.", [("destructive", "negative", False)]),
])
def test_negation(text, expected):
    assert _expr(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A balanced policy.", ["balanced"]),
    ("It balanced such relations with Russia.", []),        # a verb, not the adjective
    ("Russia is a sovereign state.", []),                    # exclusion: "sovereign state"
    ("I have good reason to hope.", []),                      # exclusion: "good reason"
    ("It is the sovereign prerogative of Angola.", []),     # before a noun it classifies
    ("Russia acted as a sovereign and rational player.", ["sovereign", "rational"]),
    ("The peace and security of the region.", []),           # VADER values: not_evaluative
    ("It was a truly brutal and cruel war.", ["brutal", "cruel"]),  # "war": an event
    ("He was calculated by the ministry to be wrong.", ["wrong"]),  # "calculated by"
    ("The so-called regime of zero-sum thinking.", ["so-called", "zero-sum"]),
    ("They turned a blind eye to double standards.", ["turned a blind eye", "double standards"]),
    ("A blind eye.", ["blind eye"]),
    ("The Rational Party met.", []),                         # a capitalised name
    # the eighth round's words; "criminal" blames international criminal groups, not courts
    ("International criminal groups run the illicit trade.", ["criminal", "illicit"]),
    ("International criminal courts and tribunals were set up.", []),
    ("A cumbersome, intrusive Government is unthinkable.", ["cumbersome", "intrusive",
                                                           "unthinkable"]),
    ("The long-suffering people want an equitable and ambitious plan.",
     ["long-suffering", "equitable", "ambitious"]),
    ("Inequality made the region a hotbed of tension.", ["Inequality", "hotbed"]),
    # adjectives read from the bands below the Pattern and VADER thresholds
    ("A toothless, ineffectual Council and a decent, robust plan.",
     ["toothless", "ineffectual", "decent", "robust"]),
    ("Contradictory positions were put forward.", []),        # read, and taken out again
    # the twentieth round's words: families of listed words, the pejorative labels and
    # adjectives of Cold War and decolonisation prose, praise of conduct
    ("A fascist, revanchist and chauvinist campaign of slander.",
     ["fascist", "revanchist", "chauvinist", "slander"]),
    ("They coerced, harassed and slandered their neighbours.",
     ["coerced", "harassed", "slandered"]),
    ("We praise the untiring efforts of peace-loving and selfless peoples.",
     ["praise", "untiring", "peace-loving", "selfless"]),
    ("Their destabilizing activities.", ["destabilizing"]),   # a participle before its noun
    ("It aimed at destabilizing countries of the region.", []),  # after a preposition: a verb
    ("The destabilizing of the region went on.", []),   # a gerund, before no noun
    ("These challenging tasks remain.", []),  # a general lexicon's word: the tagger decides
    # descriptive and group names, and values named as goals, are not taken (section 7)
    ("The colonial period, the imperial palace and the military junta.", []),
    ("The effectiveness and legitimacy of the Council.", []),
])
def test_lexicon_and_part_of_speech(text, expected):
    assert [m for m, _, _ in _expr(text)] == expected


def test_lexicon_layers_and_strength():
    lex = load_evaluation_lexicon()
    own = lex.lookup("pragmatic", "JJ")
    assert (own.polarity, own.lexicon, own.strength) == (1, "political", 0.5)
    assert lex.lookup("pragmatically", "RB").lexicon == "political"  # derived adverb
    pattern = lex.lookup("abhorrent", "JJ")                # in the political list, Pattern-rated
    assert pattern.polarity == -1 and pattern.strength == 0.8  # the file's strength wins
    excellent = lex.lookup("excellent", "JJ")
    assert excellent.lexicon == "pattern" and 0 < excellent.strength <= 1
    vader = lex.lookup("terrorism", "NN")
    assert vader.lexicon == "political" and vader.strength == 0.9
    assert lex.lookup("murderous", "JJ").lexicon in ("political", "vader")
    tyranny = lex.lookup("brutality", "NN")
    assert tyranny.strength == pytest.approx(3.0 / 4)     # VADER's 3.0 / 4, taken for the list
    for word in ("peace", "war", "important", "great", "poor"):
        assert lex.lookup(word, "NN") is None and lex.lookup(word, "JJ") is None
    assert lex.lookup("condemned", "VBD").kind == "judgement"
    assert lex.lookup("violates", "VBZ").kind == "act"
    assert lex.lookup("committed", "VBD") is None


def test_the_lexicon_file_is_consistent():
    import yaml
    from importlib import resources

    data = yaml.safe_load(resources.files("discourse.data").joinpath(
        "lexicons", "evaluation.yaml").read_text("utf-8"))
    assert data["source"] and data["licence"] and "Pattern" in data["source"] and \
        "VADER" in data["source"]
    listed = [(w, pol, g) for pol, groups in data["entries"].items() for g, ws in groups.items()
              for w in ws]
    assert all(isinstance(w, str) and w == w.lower().strip() for w, _, _ in listed)
    keys = [(w, g.split("_")[0]) for w, _, g in listed]
    assert len(keys) == len(set(keys)), "a word listed twice in one word class"
    blocked = {w for ws in data["not_evaluative"].values() for w in ws}
    assert not blocked & {w for w, _, _ in listed}, "a listed word is also not_evaluative"
    assert len(blocked) == sum(len(ws) for ws in data["not_evaluative"].values())


def test_bad_lexicon_files(tmp_path):
    with pytest.raises(ResourceError, match="unknown evaluation lexicon"):
        load_evaluation_lexicon("nope")
    with pytest.raises(InputError, match="no such lexicon file"):
        load_evaluation_lexicon(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nsource: s\nlicence: l\nentries:\n  positive:\n    adjectives: [yes]\n")
    with pytest.raises(CorpusFormatError, match="bad.yaml.*quote yes, no"):
        load_evaluation_lexicon(bad)
    bad.write_text("name: x\nsource: s\nlicence: l\nentries:\n  positive:\n    adjectivs: [a]\n")
    with pytest.raises(CorpusFormatError, match="unknown group"):
        load_evaluation_lexicon(bad)
    bad.write_text("name: x\nsource: s\nlicence: l\nentries:\n  positive:\n    adjectives: [fine]\n"
                   "  negative:\n    adjectives: [fine]\n")
    with pytest.raises(CorpusFormatError, match="both positive and negative"):
        load_evaluation_lexicon(bad)
    good = tmp_path / "mine.yaml"
    good.write_text("name: mine\nsource: me\nlicence: CC0\nentries:\n  negative:\n"
                    "    adjectives: [grumpy]\n")
    mine = load_evaluation_lexicon(good)
    ev = find_evaluations(Corpus.from_texts(["Russia's grumpy diplomacy."]), lexicon=mine)
    assert ev[["match", "actor_id"]].values.tolist() == [["grumpy", "RUS"]]


def test_tagger_needs_no_download(tmp_path):
    """textblob's Pattern tagger reads its data from inside the package: the evaluations work
    with an empty home and no NLTK data path."""
    code = ("import discourse; ev = discourse.find_evaluations(discourse.load_article()); "
            "print(int(ev.actor_id.notna().sum()))")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NLTK_DATA": str(tmp_path / "none"),
           "PYTHONPATH": str(ROOT), "DISCOURSE_DATA": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=300)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 20


def test_evaluative_expressions_table_and_errors(article):
    t = evaluative_expressions(article[0])
    assert list(t.columns) == EVALUATIVE_COLUMNS
    ev = find_evaluations(article, include_headings=False)
    assert t[["start", "end", "polarity"]].values.tolist() == \
        ev[["start", "end", "polarity"]].values.tolist()  # same detections, targets aside
    with pytest.raises(InputError, match="needs a Document"):
        evaluative_expressions("text")
    assert evaluative_expressions(Document("d", "")).empty


def test_profile_evaluation_columns(article):
    from discourse.rhetoric.profile import PROFILE_COLUMNS, profile

    row = profile(article, progress=False).iloc[0]
    t = evaluative_expressions(article[0])
    assert row["evaluations_count"] == len(t)
    assert row["evaluations_positive_count"] == (t.polarity == "positive").sum()
    assert row["evaluations_negative_count"] == (t.polarity == "negative").sum()
    assert row["evaluations_n_tokens"] == row["n_tokens"] == 948
    assert row["evaluations_negative_per_1k"] == pytest.approx(
        row["evaluations_negative_count"] * 1000 / 948)
    assert set(PROFILE_COLUMNS["evaluation"]) <= set(row.index)
    empty = stat_evaluative(Corpus.from_texts([""], ids=["e"])).iloc[0]
    assert empty["evaluations_count"] == 0 and math.isnan(empty["evaluations_per_1k"])


# ---------------------------------------------------------------------------------------------
# the own side
# ---------------------------------------------------------------------------------------------

def test_self_side_is_the_country_and_its_office_holders_in_the_year():
    assert self_side(Document("a", "x", {"country": "SYR", "year": 2025})) == \
        (frozenset({"SYR", "sharaa", "shaibani"}), "metadata")
    assert self_side(Document("u", "x", UN_SYRIA_2012))[0] == \
        {"SYR", "bashar_assad", "muallem", "assad_regime"}
    assert self_side(Document("u", "x", {"country": "SYR", "year": 1990}))[0] == \
        {"SYR", "hafez_assad"}
    assert self_side(Document("t", "x", {"country": "USA", "year": 2019}))[0] == \
        {"USA", "trump"}  # "2017-2021;2025-"
    assert self_side(Document("n", "x", {"genre": "news"})) == (frozenset(), "none")
    assert self_side(Document("z", "x", {"country": "XXX"})) == (frozenset(), "none")


def test_stat_evaluation_by_hand_and_given_self():
    text = ("Syria's balanced policy impressed. Israel's brutal aggression went on. "
            "Iran's reckless policy and its narrow alliances collapsed.")
    corp = Corpus.from_documents([Document("d", text, {"country": "SYR", "year": 2012})])
    sq = stat_evaluation(corp).set_index("actor_id")
    assert sq.loc["SYR", "side"] == "self" and sq.loc["ISR", "side"] == "other"
    assert sq.loc["ISR", "n_negative"] == 2 and sq.loc["IRN", "n_negative"] == 2
    assert sq.loc["ISR", "negative_words"] == "aggression:1; brutal:1"
    assert sq.loc["IRN", "negative_per_1k"] == pytest.approx(2 * 1000 / 17)  # 4 + 5 + 8 words
    assert (sq["n_words"] == 17).all() and (sq["self_source"] == "metadata").all()
    given = stat_evaluation(corp, self=["IRN"]).set_index("actor_id")
    assert given.loc["IRN", "side"] == "self" and given.loc["SYR", "side"] == "other"
    assert (given["self_source"] == "given").all()
    per_doc = stat_evaluation(corp, self={"d": "ISR"}).set_index("actor_id")
    assert per_doc.loc["ISR", "side"] == "self"
    with pytest.raises(InputError, match="unknown actor id 'SYRIA'"):
        stat_evaluation(corp, self="SYRIA")
    with pytest.raises(InputError, match="not in the corpus"):
        stat_evaluation(corp, self={"other-doc": ["SYR"]})
    with pytest.raises(InputError, match="'self' parameter"):
        stat_evaluation(corp, self=3)
    rates = square_rates(Corpus.from_texts([text], ids=["n"]))  # no country: no own side
    assert math.isnan(rates["eval_self_positive_per_1k"].item())
    assert rates["eval_other_negative_per_1k"].item() == pytest.approx(4 * 1000 / 17)
    assert stat_evaluation(Corpus.from_texts(["Nothing to see."])).empty


def test_find_evaluations_is_deterministic_and_handles_empty_input(ungdc):
    docs = ungdc.subset(country="SYR", year=[1990, 2012])
    a, b = find_evaluations(docs), find_evaluations(docs)
    pd.testing.assert_frame_equal(a, b)
    assert set(a["rule"].dropna()) <= set(EVALUATION_RULES)
    assert find_evaluations(Corpus.from_texts(["Nothing happened here."])).empty
    empty = find_evaluations(Corpus.from_texts([""]))
    assert list(empty.columns) == EVALUATION_COLUMNS and empty.empty


# ---------------------------------------------------------------------------------------------
# figure and command line
# ---------------------------------------------------------------------------------------------

def test_plot_ideological_square_reads_back(article):
    from discourse.errors import EmptyInputError
    from discourse.plots.actors import plot_ideological_square

    sq = stat_evaluation(article)
    fig = plot_ideological_square(sq)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "praised (positive evaluations)" in texts and "us: the text's own side" in texts
    assert any(t.startswith("17 evaluations") for t in texts)
    assert any("Syria: balanced ×3, rational ×2" in t for t in texts)
    assert any("Bashar al-Assad: rigid" in t for t in texts)
    with pytest.raises(EmptyInputError):
        plot_ideological_square(sq, doc_id="nope")
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    assert plot_ideological_square(sq, ax=ax) is ax.figure


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "discourse.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_cli_evaluations_and_square():
    out = _cli("actors", "article", "--evaluations", "--format", "csv")
    assert out.returncode == 0, out.stderr
    ev = pd.read_csv(io.StringIO(out.stdout))
    assert list(ev.columns) == EVALUATION_COLUMNS
    assert ev.loc[ev.match == "rigid", "actor_id"].tolist() == ["bashar_assad"]
    out = _cli("actors", "article", "--square", "--self", "RUS", "--format", "csv")
    assert out.returncode == 0, out.stderr
    sq = pd.read_csv(io.StringIO(out.stdout))
    assert list(sq.columns) == SQUARE_COLUMNS and set(sq.side) == {"other"}  # RUS not evaluated
    bad = _cli("actors", "article", "--self", "SYR")
    assert bad.returncode != 0 and "--self is used only with --square" in bad.stderr
    both = _cli("actors", "article", "--square", "--balance")
    assert both.returncode == 2 and "not allowed with" in both.stderr
