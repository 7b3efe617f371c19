"""Evaluation targets beyond the gazetteer's names (issue #11, item 1): groups and persons the
gazetteer lacks as ``other:`` actors, *they / their / it* resolved to the last actor, the
subject behind a parenthetic relative clause, verb phrases and fronted adverbs evaluating their
subject. Written positive and negative sentences (invented, not from any validation text)."""
from __future__ import annotations

import pytest

from discourse.actors.references import other_id

from .test_evaluations import target

UN = {"country": "NOR", "source": "ungdc", "year": 2010}


def test_other_id_is_the_snake_name():
    assert other_id(["well-known", "States"]) == "other:well_known_states"
    assert other_id(["Yasser", "Arafat"]) == "other:yasser_arafat"


# ---- groups (rules.group_heads) -------------------------------------------------------------

@pytest.mark.parametrize("text, word, actor", [
    ("Some powerful countries violated the embargo.", "violated", "other:powerful_countries"),
    ("Certain Western powers were hypocritical.", "hypocritical", None),  # Western: gazetteer?
    ("The colonial powers acted cynically in the region.", "cynically", "other:colonial_powers"),
    ("Permanent members of the Security Council violated the charter.", "violated",
     "other:permanent_members_of_the_security_council"),
    ("Several states in the region behaved irresponsibly.", "irresponsibly",
     "other:states_in_the_region"),
])
def test_group_noun_phrases_are_actors(text, word, actor):
    got, _ = target(text, word)
    if actor is None:  # the gazetteer's name wins inside the phrase: no group of its own
        assert got is None or not got.startswith("other:")
    else:
        assert got == actor


def test_demonstrative_refers_back_to_the_last_group_with_that_head():
    text = ("Some rich countries showed hypocrisy. Under false pretences, these countries "
            "violated the sovereignty of their neighbours.")
    assert target(text, "hypocrisy")[0] == "other:rich_countries"  # conduct verb "show"
    assert target(text, "violated")[0] == "other:rich_countries"


def test_groups_negative():
    # generic victims are no actors; a label adjective before a group noun stays a label
    assert target("The innocent civilians suffered cruelly.", "cruelly")[0] is None
    assert target("They armed terrorist states.", "terrorist")[0] == "other:terrorists"
    # "these" without an earlier group of that head resolves to nothing
    assert target("These countries violated the truce.", "violated")[0] is None
    # an of-phrase that runs on into a thing is not part of the group
    got, _ = target("The defiance by members of fundamental principles continued.", "defiance")
    assert got == "other:members"


# ---- persons the gazetteer lacks ------------------------------------------------------------

def test_titled_person_is_an_actor_with_the_full_name():
    text = ("Prime Minister Jonas Verlaine spoke on Monday. Mr Verlaine acted recklessly. "
            "Jonas Verlaine was corrupt, critics said.")
    assert target(text, "corrupt")[0] == "other:jonas_verlaine"  # untitled, titled elsewhere
    assert target(text, "recklessly")[0] == "other:jonas_verlaine"
    assert target("Mr Verlaine is corrupt.", "corrupt")[0] == "other:verlaine"


def test_person_negative():
    # a capitalised run without a title that the document never gives as a name: no person
    assert target("Gaza City is a brutal place.", "brutal")[0] in (None,)


# ---- pronouns they / their / it -------------------------------------------------------------

def test_they_is_the_last_actor():
    text = ("Well-known states in the region have sponsored extremism. They also violate the "
            "truce.")
    assert target(text, "violate")[0] == "other:well_known_states_in_the_region"
    text = "Argentina invaded the islands. Suddenly and brutally they occupied the town."
    assert target(text, "brutally")[0] == "ARG"


def test_it_is_the_last_state_not_an_extraposition():
    text = "Argentina has not ended the war, which it so mistakenly began."
    assert target(text, "mistakenly")[0] == "ARG"
    # extraposed "it": no reference
    assert target("Argentina signed. It is regrettable that the talks failed.",
                  "regrettable")[0] is None
    # "it" never resolves to a group or a person
    assert target("Rich countries signed. It acted cynically.", "cynically")[0] is None


def test_their_is_the_subject_or_the_last_actor():
    text = "Some donor countries kept their hypocritical policies."
    assert target(text, "hypocritical")[0] == "other:donor_countries"


def test_they_negative_no_antecedent():
    assert target("They violated the truce.", "violated")[0] is None
    # a person is no antecedent of "they"; the object of a preposition neither
    assert target("Mr Verlaine spoke. They violated the truce.", "violated")[0] is None
    assert target("We spoke with Norway. They violated the truce.", "violated")[0] is None


# ---- clauses --------------------------------------------------------------------------------

def test_subject_behind_a_parenthetic_relative_clause():
    text = ("Permanent members of the Security Council, who have launched wars under false "
            "pretences, now support terrorism in the region.")
    assert target(text, "terrorism")[0] == "other:permanent_members_of_the_security_council"
    # not a relative clause: a plain adverb after the comma gives no subject
    assert target("In the end, now support terrorism.", "terrorism")[0] is None


def test_a_verb_phrase_evaluates_its_subject():
    assert target("Iran turned a blind eye to the smuggling.", "turned a blind eye")[0] == "IRN"
    # the judgement phrase still evaluates its object, not its subject
    assert target("We pay tribute to Ghana.", "pay tribute")[0] == "GHA"


def test_of_a_quantity_and_gerund_adjuncts_negative():
    # the quantity is evaluated, not the group of its of-phrase
    assert target("The Council needs a reasonable number of permanent members.",
                  "reasonable")[0] is None
    # a gerund after a preposition: the of-object before it is not its subject
    assert target("We thank the goodwill of Member States in successfully addressing it.",
                  "successfully")[0] is None
    # a collective head takes its of-phrase: "the community of nations", not "nations"
    assert target("Norway commends the community of nations.", "commends")[0] == \
        "other:community_of_nations"


def test_person_titles_and_their_of_coordinated_actors():
    # "National" is no person's title: the Covenant is no person
    assert target("Its citizens approved the National Covenant, a wise text.", "wise")[0] \
        is None
    assert target("Citizens applauded the National Covenant.", "applauded")[0] is None
    # "their" of coordinated actors is the first conjunct (docs/annotation.md section 1)
    assert target("It is violated by America and Britain through their ongoing aggression.",
                  "aggression")[0] == "USA"
    # a copula's "it" is not resolved ("as if it were the most dangerous situation")
    assert target("Iran spoke of the issue as if it were dangerous.", "dangerous")[0] is None


def test_plural_pronoun_with_a_nearer_plural_noun_negative():
    # "their" after "the Korean people": the people, not Zambia
    assert target("We in Zambia support the Korean people in their genuine efforts.",
                  "genuine")[0] is None
    # "they" after a plural common noun in its sentence: the methods, not Poland
    assert target("Poland spoke. Such methods are cruel, and they violate the law.",
                  "violate")[0] is None
    # an in-phrase of more than one noun, or without "the", is not the group's own
    assert target("We regret the dangerous intervention of external Powers in the internal "
                  "affairs of States.", "dangerous")[0] == "other:external_powers"


def test_possessed_and_embedded_groups_negative():
    # "our States" stays the author's; "community of nations" is not "nations"
    assert target("The societies of which our States are composed are balanced.",
                  "balanced")[0] != "other:states"
    assert target("We praise this indispensable community of nations.",
                  "indispensable")[0] != "other:nations"


def test_deterministic_across_hash_seeds():
    import os
    import subprocess
    import sys
    code = ("from discourse.actors.evaluations import find_evaluations;"
            "from discourse.corpus.documents import Corpus;"
            "t='President Ana Ruiz Soto spoke. Mr Soto and Ana Ruiz Soto acted recklessly. "
            "Some rich countries were hypocritical. Later these countries acted cynically.';"
            "print(find_evaluations(Corpus.from_texts([t])).to_csv())")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout
            for seed in ("1", "2", "3")}
    assert len(outs) == 1


# ---- fifth round: judgement verbs the tagger misread, long of-chains in their object --------

@pytest.mark.parametrize("text, word, actor", [
    # Pattern tags "welcome" after "We" as an adjective; before a determiner it is the verb
    ("We welcome the initiative of Qatar.", "welcome", ("QAT", "object")),
    ("We warmly welcome the initiative of Qatar.", "welcome", ("QAT", "object")),
    # the object's of-chain reaches the actor ("the Government of X")
    ("We commend the efforts of the Government of Qatar.", "commend", ("QAT", "object")),
    # a participle modifying the object's noun does not end the object
    ("We condemn the continued attacks of the armed forces of Israel.", "condemn",
     ("ISR", "object")),
])
def test_judgement_verbs_reach_the_actor_of_their_object(text, word, actor):
    assert target(text, word) == actor


@pytest.mark.parametrize("text, word", [
    ("The welcome news of the truce reached Qatar.", "welcome"),   # an adjective still
    ("We welcome the rain, which Qatar has long awaited.", "welcome"),  # a clause break
])
def test_judgement_verbs_without_an_actor_object_keep_no_target(text, word):
    assert target(text, word)[0] is None


# ---- sixth round: a people as its state (annotation.md sec. 1), of-chains through actor heads,
# a subject before an apposition ------------------------------------------------------------

@pytest.mark.parametrize("text, word, actor", [
    ("The courageous people of Palestine continue their struggle.", "courageous",
     ("PSE", "of")),
    ("Cuba is grateful to the brave people of Angola.", "brave", ("AGO", "of")),
    ("We welcome the wise decision of the Government of India.", "wise", ("IND", "of")),
    ("Pakistan, a peace-loving nation, has always acted responsibly.", "responsibly",
     ("PAK", "subject")),
    ("The United States accused Iran of reckless behaviour.", "reckless", ("IRN", "subject")),
    ("The United States, on behalf of the three Powers, made a constructive proposal.",
     "constructive", ("USA", "subject")),
    ("The issue of Soviet aggressive pressure against Yugoslavia is grave.", "aggressive",
     ("RUS", "modifier")),
    ("In the light of Dutch subversive activities, we protest.", "subversive",
     ("NLD", "modifier")),
    # "it" with an action verb after its auxiliary refers; "its" opening a sentence takes the
    # actor of the sentence before
    ("Israel attacked Gaza. It has acted irresponsibly.", "irresponsibly", ("ISR", "subject")),
    ("Israel attacked. Its conduct is criminal.", "criminal", ("ISR", "copula")),
    ("We thank Qatar. Its generous support has helped us.", "generous", ("QAT", "possessive")),
])
def test_peoples_governments_and_appositions_reach_their_state(text, word, actor):
    assert target(text, word) == actor


@pytest.mark.parametrize("text, word", [
    ("We condemn the oppression of the people of Namibia.", "oppression"),  # the oppressed
    ("The legitimate rights of the Palestinian people must be restored.", "legitimate"),
    ("We condemn the policy of brutal repression.", "brutal"),   # no accused object
    ("The United States, of all countries, made a constructive proposal.", "constructive"),
    ("Israel attacked. It has become clear that the attack was criminal.", "criminal"),
    ("The United Nations has opposed flagrant aggression.", "flagrant"),  # "has" an auxiliary
    ("For a year my country has faced organized terrorism.", "terrorism"),  # a participle
    ("The Assembly met. It should help the oppressed peoples in their righteous struggle.",
     "righteous"),                                         # "their" is not "it"
])
def test_victims_and_rights_of_a_people_keep_no_target(text, word):
    assert target(text, word)[0] is None


# ---- sixth round: singular labels (annotation.md sec. 7: a referring label is its own target)

@pytest.mark.parametrize("text, word, actor", [
    ("The aggressor must withdraw.", "aggressor", ("other:aggressor", "label")),
    ("Israel is an aggressor.", "aggressor", ("ISR", "copula")),
    ("Israel, the aggressor, must withdraw.", "aggressor", ("ISR", "apposition")),
    ("The United States Government has for many years been acting as an aggressor.",
     "aggressor", ("USA", "label")),
    ("It condemned the Chinese regime as an aggressor.", "aggressor", ("CHN", "label")),
    ("The invaders of Kuwait must leave.", "invaders", ("other:invaders", "label")),
])
def test_singular_labels_and_labels_given_with_as(text, word, actor):
    assert target(text, word) == actor


def test_an_indefinite_singular_label_names_no_one():
    assert target("An aggressor would be incapable of starting a war.", "aggressor")[0] is None


# ---- seventh round (read on unannotated UN speeches of 1946-1959)

@pytest.mark.parametrize("text, word, actor", [
    # a possessive before a label that acts on someone names its victim, not the label
    ("The peoples of Zimbabwe fought their oppressor.", "oppressor",
     ("other:oppressor", "label")),
    ("Kuwait resisted its invaders.", "invaders", ("other:invaders", "label")),
    # "had" after "has" is the conduct verb "have" when the next word is not a verb
    ("The United Nations has had undoubted successes.", "successes", ("un", "subject")),
    # "perform" takes the subject's own conduct as its object
    ("The United Nations has performed indispensable work.", "indispensable",
     ("un", "subject")),
    # a verb after a copula is a passive even when tagged as a past tense: its by-agent
    ("The truce was violated by Israel.", "violated", ("ISR", "subject")),
])
def test_seventh_round_targets(text, word, actor):
    assert target(text, word) == actor


def test_a_possessive_still_names_the_possessor_of_other_labels():
    # a label that does not act on someone keeps the possessive rule
    assert target("Israel and its mercenaries attacked.", "mercenaries") == ("ISR", "possessive")


@pytest.mark.parametrize("text, word", [
    # a verb after a copula is a passive even when the tagger reads it as a past tense
    ("Many principles on which the United Nations was based were subsequently violated.",
     "violated"),
    # a participle right after a noun is a reduced passive: the noun is acted upon
    ("There are still nations divided artificially.", "artificially"),
    # the partition of a country names the partitioned country (an of-patient)
    ("The infamous partition of Palestine was brought about by pressure.", "infamous"),
])
def test_seventh_round_victims_keep_no_target(text, word):
    assert target(text, word)[0] is None


# ---- twelfth round: groups named after an evaluative adjective ------------------------------

@pytest.mark.parametrize("text, word, actor", [
    ("The brutal militias attacked the village.", "brutal", "other:militias"),
    ("We thank the brotherly countries for their help.", "brotherly", "other:countries"),
    ("We call on friendly donor countries to help.", "friendly", "other:donor_countries"),
    ("Totalitarian regimes are based on force.", "Totalitarian", "other:regimes"),
    ("We thank our friendly countries.", "friendly", "other:countries"),  # not the speaker's
    ("We support the authentic liberation movements.", "authentic",
     "other:liberation_movements"),
])
def test_an_evaluative_adjective_evaluates_the_group_it_names(text, word, actor):
    assert target(text, word)[0] == actor


@pytest.mark.parametrize("text, word, actor", [
    ("The terrorist groups attacked.", "terrorist", "other:terrorists"),   # still a label
    ("The two racist regimes of Pretoria and Tel Aviv met.", "racist", "ZAF"),  # the name's
    ("The two brotherly countries of Iraq and Kuwait met.", "brotherly", "IRQ"),
    ("The vicious circles must end.", "vicious", None),                    # no group
    ("We have witnessed positive movements in the talks.", "positive", None),  # a trend
    ("We must meet the problems of volatile capital movements.", "volatile", None),
    ("Innocent civilians died.", "Innocent", None),                        # victims
])
def test_labels_named_of_phrases_idioms_and_victims_keep_their_targets(text, word, actor):
    got = target(text, word)[0]
    assert (got if isinstance(got, str) and got else None) == actor


def test_a_bare_plural_after_a_comma_is_the_next_item_of_a_list_not_an_apposition():
    text = "We met small States, peace-loving nations, hostile forces, and other delegations."
    got = target(text, "hostile")[0]
    assert not (isinstance(got, str) and got)  # not other:peace_loving_nations


def test_an_apposition_with_its_article_still_names_the_actor():
    assert target("Syria, a brave nation, resisted.", "brave") == ("SYR", "apposition")


# ---- fourteenth round: a praise of a conduct asked for names no property of the subject ----

@pytest.mark.parametrize("text, word", [
    ("The international community must contribute constructively to a settlement.",
     "constructively"),
    ("Norway should be bold enough to try every step.", "bold"),
    ("Norway calls upon all States to make a constructive contribution.", "constructive"),
    ("The Security Council needs to be more effective.", "effective"),
    ("Norway has to be careful in this debate.", "careful"),
    ("The Security Council ought to take effective measures.", "effective"),
    ("Norway should show goodwill.", "goodwill"),
])
def test_a_praise_of_a_conduct_asked_for_keeps_no_target(text, word):
    got = target(text, word)[0]
    assert not (isinstance(got, str) and got), got


@pytest.mark.parametrize("text, word, actor", [
    ("The international community contributed constructively to a settlement.",
     "constructively", "international_community"),
    ("Chile should be commended for its imaginative initiative.", "imaginative", "CHL"),
    ("I must emphasize that Norway has made a constructive contribution.", "constructive",
     "NOR"),
    ("We must renew our support for the heroic people of Namibia.", "heroic", "NAM"),
    ("Israel must be aggressive.", "aggressive", "ISR"),        # a blame keeps its target
    ("Israel should behave cruelly.", "cruelly", "ISR"),
])
def test_a_praise_outside_such_a_clause_or_a_blame_keeps_its_target(text, word, actor):
    assert target(text, word)[0] == actor


# ---- sixteenth round: a name inside a subject about something else --------------------------

@pytest.mark.parametrize("text, word", [
    ("Forward indicators of the Australian labour market are failing to improve.", "failing"),
    ("During the final day Zimbabwean umpire Ian Robinson made two controversial decisions.",
     "controversial"),
    ("This analysis of Soviet motives is wholly mistaken.", "mistaken"),
])
def test_a_name_inside_a_subject_about_something_else_is_no_target(text, word):
    assert target(text, word)[0] is None


@pytest.mark.parametrize("text, word, actor", [
    ("The French Government has obstinately refused to yield.", "obstinately", "FRA"),
    ("Soviet military commanders have forcibly occupied the newspapers.", "forcibly", "RUS"),
    ("The Israeli invasion of Lebanon was brutal.", "brutal", "ISR"),
    ("American imperialism has been hatching new aggressive plans.", "aggressive", "USA"),
    ("Israel and its allies brutally attacked the town.", "brutally", "ISR"),
    ("China's economy has great vitality and its prospects are bright.", "bright", "CHN"),
    ("The international community today is acting wisely.", "wisely", "international_community"),
])
def test_a_name_heading_its_subject_or_its_parts_stays_the_target(text, word, actor):
    assert target(text, word)[0] == actor


def test_their_after_a_nearer_plural_is_not_the_singular_subject():
    text = ("The Russian Federation also proposes studying the principle of the responsibility "
            "of States for their failure to take measures against terrorists.")
    assert target(text, "failure")[0] is None
    # with no plural between, the subject stays
    assert target("Some powerful countries defended their brutal policies.", "brutal")[0] == \
        "other:powerful_countries"
    assert target("The Western powers defended their brutal domination.", "brutal")[0] == \
        "the_west"
