"""Who says what (issue #11, item 4): quotations and reported speech with their speakers,
on written positive and negative sentences (docs/annotation.md sec. 8)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import discourse
from discourse.actors.quotes import (QUOTE_COLUMNS, QUOTE_STAT_COLUMNS, find_quotes,
                                     speaker_id, stat_quotes)
from discourse.corpus.documents import Corpus, Document
from discourse.errors import InputError
from discourse.rhetoric.stance import stance_markers
from discourse.rhetoric.reported import (QUOTE_SPAN_COLUMNS, QUOTED_COLUMNS, quote_spans,
                                         quoted_regions, reporting_verbs, stat_quoted)


def _quotes(text):
    t = find_quotes(text)
    for r in t.itertuples():  # offsets point into the text
        assert text[r.start:r.end] == r.text
        if r.speaker_start >= 0:
            assert text[r.speaker_start:r.speaker_end] == r.speaker
    return [(r.kind, r.text, r.speaker, r.speaker_actor) for r in t.itertuples()]


# --------------------------------------------------------------------------- direct quotations

@pytest.mark.parametrize("text, expected", [
    ('"We will not back down," Putin said.',
     [("direct", "We will not back down", "Putin", "putin")]),
    ('"We will not back down," said Vladimir Putin.',
     [("direct", "We will not back down", "Vladimir Putin", "putin")]),
    ('Lavrov said: "Our position is clear."',
     [("direct", "Our position is clear", "Lavrov", "lavrov")]),
    ('\u201cThe visit is historic,\u201d the Kremlin said on Wednesday.',
     [("direct", "The visit is historic", "the Kremlin", "RUS")]),
    ('"The ceasefire holds", according to a spokesman for the Israeli army.',
     [("direct", "The ceasefire holds", "a spokesman for the Israeli army", "ISR")]),
    ('"It was a massacre," said Ali Hassan, a witness.',
     [("direct", "It was a massacre", "Ali Hassan", "other:ali_hassan")]),
    ('"Talks first," Erdogan told reporters in Ankara, "then a deal."',
     [("direct", "Talks first", "Erdogan", "erdogan"),
      ("direct", "then a deal", "Erdogan", "erdogan")]),
])
def test_direct_quotations_and_their_speakers(text, expected):
    assert _quotes(text) == expected


def test_a_pronoun_takes_the_speaker_named_before():
    text = ('Russian President Vladimir Putin said the talks would address security. '
            '"We respect Syria\'s choice," he said.')
    t = find_quotes(text)
    assert list(t["kind"]) == ["reported", "direct"]
    assert t["speaker"].tolist() == ["Russian President Vladimir Putin", "he"]
    assert t["actor_id"].tolist() == ["putin", "putin"]
    assert t["actor_name"].tolist() == ["Vladimir Putin", "Vladimir Putin"]


def test_a_pronoun_is_not_resolved_without_confidence():
    # no speaker before; and another person named between the speaker and the pronoun
    assert find_quotes('"We act," he said.')["speaker_actor"].tolist() == ["unknown"]
    text = ('Putin said the talks went well. Erdogan arrived later with Ali Hassan and Omar '
            'Khaled. "We act," he said.')
    assert find_quotes(text)["speaker_actor"].tolist() == ["putin", "unknown"]


def test_titles_and_demonyms_do_not_make_the_speaker():
    text = ('Israeli Prime Minister Ariel Sharon told reporters the leader was responsible. '
            '"Arafat is to blame," Mr Sharon said. Pakistani cricket captain Waqar Younis '
            'said his team would win.')
    t = find_quotes(text)
    assert t["speaker_name"].tolist() == ["Ariel Sharon", "Ariel Sharon", "Waqar Younis"]
    assert t["speaker_actor"].tolist() == ["other:ariel_sharon", "other:ariel_sharon",
                                           "other:waqar_younis"]
    assert (t["actor_id"] == "").all()


def test_continued_quotations_keep_the_running_speaker():
    # the news convention: a quotation reopened without closing, and one that follows
    text = ('Gambill said the win was a great start. "I got a little tentative," he said. '
            '"Arnaud is a great scrapper. "That is one of the reasons I am here."')
    t = find_quotes(text)
    assert t["text"].tolist() == ["the win was a great start", "I got a little tentative",
                                  "Arnaud is a great scrapper", "That is one of the reasons I am here"]
    assert t["speaker_name"].tolist() == ["Gambill"] * 4
    assert t["rule"].tolist()[2:] == ["running speaker", "running speaker"]


def test_fragments_inside_reported_speech():
    t = find_quotes('The commander said the shelling was "very heavy".')
    assert t[["kind", "text"]].values.tolist() == [["reported", 'the shelling was "very heavy"'],
                                                   ["direct", "very heavy"]]
    assert t["speaker"].tolist() == ["The commander"] * 2


@pytest.mark.parametrize("text", [
    'The report was published in "The Times".',                # a title
    'So-called "moderate" rebels crossed the border.',          # scare quotes
    'He was called "the butcher" by his victims.',
    'The "Astana format" brought Russia, Iran and Türkiye together.',
    '"Stray opening mark and the journalist goes on without closing it.',
])
def test_quotation_marks_without_a_speaker_are_not_quotes(text):
    assert find_quotes(text).empty


# --------------------------------------------------------------------------- reported speech

@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Officials said the talks would resume.", "the talks would resume", "Officials", "said"),
    ("Lavrov told reporters that Moscow would not back down.", "Moscow would not back down",
     "Lavrov", "told"),
    ("Lavrov told the BBC the talks would resume.", "the talks would resume", "Lavrov", "told"),
    ("Pakistan announced it had arrested the chief.", "it had arrested the chief", "Pakistan",
     "announced"),
    ("The minister warned that sanctions would follow.", "sanctions would follow",
     "The minister", "warned"),
    ("The Secretary-General noted that the mission had ended.", "the mission had ended",
     "The Secretary-General", "noted"),
    ("The Charter states that all members are equal.", "all members are equal", "The Charter",
     "states"),
    ("The army said on Tuesday that troops had left.", "troops had left", "The army", "said"),
    ("According to the ministry, 40 people died.", "40 people died", "the ministry",
     "according to"),
    ("Forty people died, according to the ministry.", "Forty people died", "the ministry",
     "according to"),
    ("The talks will resume next week, a spokesman said.", "The talks will resume next week",
     "a spokesman", "said"),
    ("The service's chief executive, Tony Sherbon, says no one was put at risk.",
     "no one was put at risk", "Tony Sherbon", "says"),
])
def test_reported_speech(text, content, speaker, cue):
    t = find_quotes(text)
    assert t[["kind", "text", "speaker", "cue"]].values.tolist() == [
        ["reported", content, speaker, cue]]


@pytest.mark.parametrize("text", [
    "He is said to be in hiding.",                       # infinitive
    "The minister told him to resign.",                  # infinitive after an addressee
    "The government announced a new plan.",              # an object, not a clause
    "The rebels claimed to have taken the town.",
    "He was told the town had fallen.",                  # passive: no speaker named
    "The council called for more talks.",
    "Member States that have ratified the treaty will meet.",   # "States" is a noun
    "He believes he will win. Some imagine that war is near.",  # reports of thought
    "I say that we are strong. We stress that peace is possible.",  # the author's speech acts
    "Reuters said so. Moscow said nothing.",
    "The said agreement was signed. That is to say, it failed.",
    "The United States and Russia agreed.",
    "Some would say the talks failed.",                  # hypothetical
])
def test_not_reported_speech(text):
    assert find_quotes(text).empty, find_quotes(text)[["text", "speaker"]]


def test_nested_reported_speech_inside_a_quotation():
    text = '"Some people told me that the army had left," the witness said.'
    t = find_quotes(text)
    assert t[["kind", "text", "speaker"]].values.tolist() == [
        ["direct", "Some people told me that the army had left", "the witness"],
        ["reported", "the army had left", "Some people"]]


# --------------------------------------------------------------------------- tables

def test_columns_and_empty_input():
    assert list(find_quotes("No quotation here.").columns) == QUOTE_COLUMNS
    assert list(quote_spans("Nothing.").columns) == QUOTE_SPAN_COLUMNS
    assert find_quotes("").empty and quote_spans("...").empty
    assert QUOTE_COLUMNS[:8] == QUOTE_SPAN_COLUMNS[:8]


def test_corpus_input_and_doc_ids():
    c = Corpus.from_texts(['"We act," Putin said.', "No one speaks here."], ids=["a", "b"])
    t = find_quotes(c)
    assert t["doc_id"].tolist() == ["a"]
    assert list(discourse.find_quotes(c[0])["actor_id"]) == ["putin"]


def test_bad_input():
    with pytest.raises(InputError, match="expects a Corpus, a Document or a str"):
        find_quotes(None)
    with pytest.raises(InputError, match="'level' parameter of stat_quotes"):
        stat_quotes("x", level="sentence")
    with pytest.raises(InputError, match="give the Corpus"):
        stat_quotes(pd.DataFrame())


def test_stat_quotes_hand_computed():
    text = ('Officials said the talks would resume. "We are ready," Lavrov said. '
            '"We are not," Putin said.')
    t = stat_quotes(text)
    assert list(t.columns) == QUOTE_STAT_COLUMNS
    # words: 6 + 5 + 5 = 16; quoted: "the talks would resume" 4, "We are ready" 3, "We are not" 3
    assert t[["n_quotes", "n_direct", "n_reported", "n_words_quoted", "n_words"]].values.tolist() \
        == [[3, 2, 1, 10, 16]]
    assert t["share_words_quoted"].iloc[0] == pytest.approx(10 / 16)
    s = stat_quotes(text, level="speaker")
    assert s["speaker_actor"].tolist() == ["lavrov", "other:officials", "putin"]
    assert s["n_words_quoted"].tolist() == [3, 4, 3]
    assert stat_quotes("").iloc[0]["n_words"] == 0 and np.isnan(
        stat_quotes("").iloc[0]["share_words_quoted"])


def test_stat_quoted_is_the_profile_component():
    text = 'Officials said the talks would resume. "We are ready," Lavrov said.'
    r = stat_quoted(text).iloc[0]
    assert list(stat_quoted(text).columns) == QUOTED_COLUMNS
    assert (r["n_quotes"], r["n_direct_quotes"], r["n_reported_speech"]) == (2, 1, 1)
    assert r["quotes_per_1k"] == pytest.approx(2000 / 11)
    assert r["share_words_quoted"] == pytest.approx(7 / 11)
    assert r["share_words_direct"] == pytest.approx(3 / 11)


def test_quoted_regions():
    doc = Document("d", '"We act," Putin said. Officials said the talks would resume.')
    assert quoted_regions(doc) == [(1, 7, "Putin"), (37, 59, "Officials")]


def test_speaker_id():
    assert speaker_id("Ariel Sharon") == "other:ariel_sharon"
    assert speaker_id("   ") == "unknown"


def test_reporting_verbs_file_is_clean():
    from collections import Counter
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("discourse.data").joinpath(
        "lexicons", "reporting.yaml").read_text("utf-8"))
    assert data["source"] and data["licence"] and data["name"] == "reporting"
    for cat, spec in data["entries"].items():
        assert spec["description"], cat
        dup = [w for w, n in Counter(spec["patterns"]).items() if n > 1]
        assert not dup, (cat, dup)
    lists = reporting_verbs()
    assert {"free", "tell", "that_or_pronoun", "that_only", "postposed"} <= set(lists)
    assert "believe" not in set().union(*lists.values())  # reports of thought are not speech
    for cat, words in lists.items():
        assert all(w == w.lower().strip() and w for w in words), cat


def test_the_article_quotes_nobody(article):
    # the op-ed reports no speech: its "made it clear" and "signalled" are not quotations
    assert find_quotes(article).empty


def test_dateline_news_item():
    text = ("MOSCOW, October 15. /TASS/. Russian President Vladimir Putin said the talks "
            "would address security. Putin would meet Al-Sharaa again, the Kremlin said.")
    t = find_quotes(text)
    assert t[["text", "actor_id"]].values.tolist() == [
        ["the talks would address security", "putin"],
        ["Putin would meet Al-Sharaa again", "RUS"]]


# --------------------------------------------------------------------------- command line

def test_cli_actors_quotes(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    news = tmp_path / "news.txt"
    news.write_text('MOSCOW, October 15. /TASS/. Russian President Vladimir Putin said the talks '
                    'would address security. "We respect Syria\'s choice," he said.\n',
                    encoding="utf-8")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "discourse.cli", "actors", str(news), *args],
                              capture_output=True, text=True, cwd=root)

    out = run("--quotes", "--format", "csv")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0].split(",")[:5] == ["doc_id", "start", "end", "text", "kind"]
    assert len(lines) == 3 and all(",putin,Vladimir Putin,putin," in line for line in lines[1:])
    out = run("--quotes", "--by", "speaker", "--format", "csv")
    assert out.returncode == 0 and "share_words_quoted" in out.stdout and "putin" in out.stdout
    bad = run("--quotes", "--by", "year")
    assert bad.returncode != 0 and "'speaker' or 'document'" in bad.stderr


# --------------------------------------------------------------------------- the harder rules

def test_fragments_of_verbs_of_judgement():
    text = ('Prime Minister Ariel Sharon branded his administration a "sponsor of terrorism". '
            'Mr Sharon made an address, accusing Mr Arafat of having "chosen the path of terrorism".')
    t = find_quotes(text)
    assert t[["text", "rule"]].values.tolist() == [["sponsor of terrorism", "fragment"],
                                                   ["chosen the path of terrorism", "fragment"]]
    assert t["speaker_actor"].tolist() == ["other:ariel_sharon"] * 2


def test_a_quotation_after_reported_speech_or_the_speakers_verb():
    text = ('President Musharraf also said he welcomed the intervention. "We would like anybody '
            'to play a useful role." French Foreign Minister Hubert Vedrine accused Israel of a '
            'deliberate policy. "Arafat has been weakened by the harassment."')
    t = find_quotes(text)
    assert t["kind"].tolist() == ["reported", "direct", "direct"]
    assert t["rule"].tolist()[1:] == ["after reported speech", "after the speaker's verb"]
    assert t["speaker_name"].tolist() == ["Musharraf", "Musharraf", "Hubert Vedrine"]


def test_a_title_alone_and_the_subject_of_the_sentence_before():
    text = ('Mr Arafat told CNN that the strikes would fail. "He does not want me to succeed," '
            'the Palestinian leader said. President Musharraf repeated his offer of talks with '
            'Prime Minister Vajpayee. "I am for dialogue," he said.')
    t = find_quotes(text)
    assert t["speaker"].tolist() == ["Mr Arafat", "the Palestinian leader", "he"]
    assert t["speaker_name"].tolist() == ["Arafat", "Arafat", "Musharraf"]


def test_coordinated_speakers_take_the_first_conjunct():
    text = ('Britain\'s Prime Minister Tony Blair and US President George W Bush expressed '
            '"sympathy" with Israel.')
    t = find_quotes(text)
    assert t[["speaker", "speaker_actor"]].values.tolist() == [
        ["Britain's Prime Minister Tony Blair", "other:tony_blair"]]


def test_a_named_spokesman_speaks_for_the_body_and_unnamed_sources_are_unknown():
    text = ("Israeli army spokesman Brigadier General Ron Kitrey said Mr Arafat was not targeted. "
            "But two policemen were wounded, officials said.")
    assert find_quotes(text)["speaker_actor"].tolist() == ["ISR", "unknown"]


def test_the_authors_own_past_statement():
    doc = Document("IRN_70_2015", "We have repeatedly said that the only way to uproot "
                                  "terrorism is development. We stress that peace is possible.",
                   {"country": "IRN"})
    t = find_quotes(doc)
    assert t[["text", "speaker_kind", "speaker_actor"]].values.tolist() == [
        ["the only way to uproot terrorism is development", "author", "IRN"]]
    assert quoted_regions(doc) == []  # the author's own words: stance stays the author's


def test_according_to_x_which_said_keeps_the_clause_before_as_content():
    # "Y, according to X, which said Z": the relative clause is about X; Y is the content
    text = ("Jets stopped bombing the hills, according to the ministry, which said there were "
            "still pockets of resistance.")
    t = find_quotes(text)
    row = t[t["cue"] == "according to"]
    assert row[["text", "speaker"]].values.tolist() == [["Jets stopped bombing the hills",
                                                        "the ministry"]]


STRAY = ('"The wrongs are being righted," Mr Bush said. "We have far to go, yet there can be '
         'no doubt how this will end. Firefighters gathered at the site. A plane crashed in a '
         'field, apparently after a struggle. "They showed they would fight back," Mr Rumsfeld '
         'said.')
RUNNING = ('"The wrongs are being righted," Mr Bush said. "We have far to go, yet there can be '
           'no doubt how this will end. The hills are empty. "He is here, we will find him," '
           'Mr Bush said.')


def test_an_unclosed_quotation_cut_by_another_speakers_quotation_keeps_one_sentence():
    t = find_quotes(STRAY)
    assert t["text"].tolist() == [
        "The wrongs are being righted",
        "We have far to go, yet there can be no doubt how this will end",
        "They showed they would fight back"]
    assert t["speaker"].tolist() == ["Mr Bush", "Mr Bush", "Mr Rumsfeld"]
    # the journalist's sentences after the stray mark are the author's again
    from discourse.rhetoric.stance import stance_markers
    m = stance_markers(STRAY, categories=["hedges", "boosters"])
    assert m[["match", "attributed_to"]].values.tolist() == [["no doubt", "Bush"],
                                                            ["apparently", "author"]]


def test_an_unclosed_quotation_reopened_by_the_same_speaker_runs_on():
    t = find_quotes(RUNNING)
    assert t["text"].tolist()[1] == ("We have far to go, yet there can be no doubt how this "
                                     "will end. The hills are empty")


def test_a_pronoun_speaker_is_not_resolved_to_a_place_or_a_name_inside_the_quotation():
    text = ("In the tape bin Laden explains the damage to the towers in New York. He said he "
            "expected the floors to fall. \"I was sitting with Dr Ahmad Khair,\" he said.")
    t = find_quotes(text)
    assert t["speaker_name"].tolist() == ["bin Laden", "bin Laden"]
    assert t["kind"].tolist() == ["reported", "direct"]
    # a place after "in" is no antecedent: with no person named, the pronoun stays unresolved
    t = find_quotes("The towers fell in New York. He said he expected the floors to fall.")
    assert t["speaker_actor"].tolist() == ["unknown"]
    # a person named in the narration still is one
    t = find_quotes("Ahmad Khair met the press in Kabul. He said he expected the floors to fall.")
    assert t["speaker_name"].tolist() == ["Ahmad Khair"]


def test_a_full_stop_after_the_closing_mark_ends_the_quotation_before_the_next_speaker():
    text = ('Mr Powell said: "We are trying to get the violence down". He said "we will '
            'continue to work", Israel and Palestine, back to the talks.')
    t = find_quotes(text)
    first = t[t["text"] == "We are trying to get the violence down"]
    assert first[["speaker", "rule"]].values.tolist() == [["Mr Powell", "speaker, then quote"]]
    assert t[t["text"] == "we will continue to work"]["speaker"].tolist() == ["He"]
    # the attribution right after the closing mark is unchanged
    t = find_quotes('"We are trying to get the violence down," he said.')
    assert t["speaker"].tolist() == ["he"]


@pytest.mark.parametrize("text, actor", [
    ("Peskov, the Kremlin spokesman, said Putin had spoken with Erdogan.", "RUS"),
    ("Ron Kitrey, a spokesman for the Israeli army, said troops had left.", "ISR"),
])
def test_a_named_spokesman_with_the_office_in_apposition_speaks_for_the_body(text, actor):
    assert find_quotes(text)["actor_id"].tolist() == [actor]


def test_an_apposition_that_is_no_office_leaves_the_person():
    t = find_quotes("Ron Kitrey, the father of two, said troops had left.")
    assert t[["actor_id", "speaker_actor"]].values.tolist() == [["", "other:ron_kitrey"]]
    t = find_quotes("Sergei Lavrov, the foreign minister, said Russia would help.")
    assert t["actor_id"].tolist() == ["lavrov"]  # a person the gazetteer knows stays himself


@pytest.mark.parametrize("text, content, speaker", [
    ("The Australian Government is trying to find out whether he broke the law but says he "
     "could be a prisoner of war.", "he could be a prisoner of war", "The Australian Government"),
    ("Mr Downer inspected the camps and says conditions are poor.", "conditions are poor",
     "Mr Downer"),
    ("Putin met Erdogan and said the talks had gone well.", "the talks had gone well", "Putin"),
])
def test_a_reporting_verb_coordinated_with_the_verb_before_takes_the_sentences_subject(
        text, content, speaker):
    t = find_quotes(text)
    assert t[["text", "speaker"]].values.tolist() == [[content, speaker]]


@pytest.mark.parametrize("text", [
    "Smith and Jones met on Monday and said the talks had failed.",   # coordinated subject
    "The rebels attacked the town, and said they would return.",      # a comma: not sure
    "The army, which lost two men, shelled the town and said it had hit the rebels.",
    "He said the town fell and says it will be retaken.",             # a report in between
])
def test_a_coordinated_reporting_verb_without_a_clear_subject_is_left_out(text):
    t = find_quotes(text)
    assert not (t["cue"].isin(["said", "says"]) & (t["rule"] == "reporting verb")
                & (t["speaker"] != "He")).any()


@pytest.mark.parametrize("text, content", [
    ("Scientist David Vaughan says if that happens, sea levels would rise by one metre.",
     "if that happens, sea levels would rise by one metre"),
    ("The minister, Ephraim Sneh, says while it is a positive sign, the Authority has to act.",
     "while it is a positive sign, the Authority has to act"),
    ("He said when the war ended, his village was rebuilt.",
     "when the war ended, his village was rebuilt"),
])
def test_say_with_a_content_clause_opening_with_an_adverbial_clause(text, content):
    assert find_quotes(text)["text"].tolist() == [content]


@pytest.mark.parametrize("text", [
    "He said if asked.",                       # no main clause after the adverbial one
    "She says when in doubt, ask.",            # no finite verb in the adverbial clause
    "He spoke while they said nothing.",
])
def test_say_with_a_subordinator_and_no_clause_pair_is_no_report(text):
    assert find_quotes(text).empty


# ------------------------------------------- quotations introduced in speeches (fifth round)

@pytest.mark.parametrize("text, speaker", [
    # adjuncts between the verb of saying and the colon
    ('The Foreign Minister of Ruritania stated emphatically at the recent conference in '
     'Geneva: "It is not legal for a State to act alone."', "The Foreign Minister of Ruritania"),
    ('Mr. Molotov declared on 6 November 1945: "We shall have atomic energy too."',
     "Mr. Molotov"),
    ('Sir John Ward, when visiting the camps, said on 12 April last: "They cannot wait."',
     "Sir John Ward"),
    # in the words of X / to quote X / as X put it
    ('To quote the words of the famous jurist, Dr. Juan Alvarez: "States are increasingly '
     'interdependent."', "Dr. Juan Alvarez"),
    ('In the words of the Secretary-General, "the Organization must act now."',
     "the Secretary-General"),
    ('As the Prime Minister of Ruritania so aptly put it, "we shall not yield to pressure."',
     "the Prime Minister of Ruritania"),
    ('I must quote with full approval the memorable words of Mr. Brown: "Force settles '
     'nothing."', "Mr. Brown"),
])
def test_quotations_introduced_the_way_speeches_introduce_them(text, speaker):
    rows = _quotes(text)
    assert len(rows) == 1 and rows[0][0] == "direct" and rows[0][2] == speaker, rows


@pytest.mark.parametrize("text", [
    # a document's text: a verb that is not one of saying before the colon
    'The draft resolution, which we submitted last week, reads as follows: "The General '
    'Assembly requests the Council to meet."',
    # no verb of saying at all
    'The draft resolution would be as follows: "The General Assembly requests the Council '
    'to meet."',
    # "as" that is no attribution: a comparison before a quoted term
    'The plan is as good as "a fair deal".',
])
def test_quotations_without_a_speaker_in_the_sentence_stay_unattributed(text):
    assert [r for r in _quotes(text) if r[0] == "direct"] == []


@pytest.mark.parametrize("text", [
    "The Middle East faces a grave crisis. He said that peace would come.",
    "North Africa is in turmoil. He declared that the war would end soon.",
    "The Charter binds us all. He said that it would be respected.",
])
def test_a_pronoun_speaker_never_resolves_to_a_region_or_a_document(text):
    assert find_quotes(text)[["speaker_name", "speaker_actor"]].values.tolist() == [
        ["", "unknown"]]


def test_a_person_named_before_the_pronoun_is_its_antecedent_not_the_subject_before():
    text = ("President Truman opened the conference. Mr. Stettinius, too, recalled the Charter "
            "when he said that peace was indivisible.")
    assert find_quotes(text)["speaker_name"].tolist() == ["Stettinius"]
    # with nobody named in between, the subject of the sentence before ("Mr." and its name
    # are one run)
    text = "Mr. Stettinius opened the conference. He said that peace was indivisible."
    assert find_quotes(text)["speaker_name"].tolist() == ["Stettinius"]


@pytest.mark.parametrize("text, actor", [
    ("We listened carefully to the statement of the United States representative. He said "
     "that the plan would fail.", "USA"),
    ("The representative of Canada spoke yesterday. He said that the plan would fail.", "CAN"),
])
def test_a_pronoun_takes_the_single_representative_named_when_no_person_is(text, actor):
    assert find_quotes(text)["speaker_actor"].tolist() == [actor]


def test_a_pronoun_with_two_representatives_before_it_stays_unresolved():
    text = ("The representative of Canada and the Soviet delegate spoke yesterday. He said that "
            "the plan would fail.")
    assert find_quotes(text)["speaker_actor"].tolist() == ["unknown"]


@pytest.mark.parametrize("text", [
    "Mr. Bourguiba, President of the Tunisian Republic, said that his country would never yield.",
    "President of the Republic, Mr. Bourguiba, said that his country would never yield.",
])
def test_a_name_with_an_office_in_apposition_speaks_as_the_person(text):
    t = find_quotes(text)
    assert t[["speaker", "speaker_actor"]].values.tolist() == [["Mr. Bourguiba",
                                                                "other:bourguiba"]]


def test_a_quotation_left_open_takes_the_speaker_of_the_part_that_continues_it():
    # the news convention read backwards: the first paragraph's closing mark is left out and
    # the attribution comes with the part that reopens
    text = ('Steve Waugh is relaxed about the milestone. "I do not want to read too much into '
            'it, I guess. "It is nice for the family," he said.')
    t = find_quotes(text)
    assert t["text"].tolist() == ["I do not want to read too much into it, I guess",
                                  "It is nice for the family"]
    assert t["rule"].tolist() == ["continued after", "quote, then speaker"]
    # the speaker span is the last mention before (docs/annotation.md sec. 8), which also
    # resolves the "he" after
    assert t["speaker"].tolist() == ["Steve Waugh", "he"]
    assert t["speaker_name"].tolist() == ["Steve Waugh", "Steve Waugh"]
    # and the hedge inside it is the speaker's, not the author's
    hedges = stance_markers(text, categories=["hedges"])
    assert hedges[["match", "attributed_to"]].values.tolist() == [["I guess", "Steve Waugh"]]


@pytest.mark.parametrize("before, speaker", [
    ("One of them, historian Walter Phillips, hopes for a vote.", "Walter Phillips"),
    ("The weather was fine.", "Mr Phillips"),   # no mention before: the one after
])
def test_a_quotation_left_open_names_the_speakers_last_mention_before_it(before, speaker):
    text = before + (' "I think that in five years we should be near. "Now we have to '
                     'persuade our leaders," Mr Phillips said.')
    t = find_quotes(text)
    assert t["speaker"].tolist() == [speaker, "Mr Phillips"]


@pytest.mark.parametrize("text", [
    # closed: a quotation of its own, with no speaker
    'The slogan was "We want peace now." "It is nice," he said.',
    # not ending a sentence before the reopening mark: a stray mark
    'The word "peace is near "It is nice," he said.',
])
def test_a_closed_or_unfinished_quotation_takes_no_speaker_from_the_next(text):
    t = find_quotes(text)
    assert t["text"].tolist() == ["It is nice"]


@pytest.mark.parametrize("text, speaker", [
    ('The Soviet Union is ready. As Leonid Brezhnev stated at Berlin on 6 October 1979:\n\n'
     '"We are prepared to reduce the number of medium-range weapons."\n\nWe act.',
     "Leonid Brezhnev"),
    ('Relations hamper us. As Jawaharlal Nehru stated at the United Nations in 1948:\n\n'
     '"We have got into a cycle of hatred and violence."\n\nWe act.', "Jawaharlal Nehru"),
    ('We recall the words. To quote the words of Dag Hammarskjold:\n\n'
     '"The pursuit of peace and progress cannot end in a few years."\n\nWe act.',
     "Dag Hammarskjold"),
])
def test_a_quotation_opening_the_paragraph_after_the_speakers_colon(text, speaker):
    t = find_quotes(text)
    assert t[["kind", "speaker"]].values.tolist() == [["direct", speaker]]


@pytest.mark.parametrize("text", [
    # no verb of saying before the colon: a list, not a speaker
    'We list the points as follows:\n\n"States shall settle their disputes by peaceful means."'
    '\n\nWe agree.',
    # the colon ends the sentence before, but the quotation does not open the paragraph
    'Leonid Brezhnev stated at Berlin in 1979:\n\nThe record shows it. "We are prepared to '
    'reduce the number of weapons."',
])
def test_no_speaker_across_the_paragraph_without_the_colon_and_the_verb(text):
    assert find_quotes(text).empty


@pytest.mark.parametrize("text, speaker", [
    ('At the end the Prime Minister of Laos issued a communique in these terms: "The signature '
     'of this communique has been facilitated by the Commission." We agree.',
     "the Prime Minister of Laos"),
    ('The Government of India sent the following communication: "The Government of India '
     'have stated that the Commission must stay." We agree.', "The Government of India"),
    ('In 1893 Jose Marti defined this union as follows:\n\n"In the days to come those of Cuba '
     'will fall for Puerto Rico."\n\nWe agree.', "Jose Marti"),
    ('I am reminded of the famous words of Simon Bolivar, to whom our continent owes so '
     'much:\n\n"Slavery is the daughter of darkness."\n\nWe agree.', "Simon Bolivar"),
    ('I recall the words of the leader of the Revolution, Comrade Fidel Castro Ruz: "A world '
     'without hunger is possible." We agree.', "Comrade Fidel Castro Ruz"),
    ('President Truman put it well:\n\n"Many people have talked as if all we had to do to get '
     'peace was to sign."\n\nWe agree.', "President Truman"),
])
def test_a_frame_before_the_colon_names_the_speaker(text, speaker):
    t = find_quotes(text)
    t = t[t["kind"] == "direct"]  # ("have stated that …" inside is reported speech too)
    assert t[["speaker", "rule"]].values.tolist() == [[speaker, "frame before a colon"]]


@pytest.mark.parametrize("text", [
    # the subject reads or recalls the text: no speaker
    'In that book we read the following: "We have lived through seven years of fear." We agree.',
    'In the archives we found the following: "We have lived through seven years of fear." '
    'We agree.',
    # no verb: a list announced
    'The conditions are as follows: "States shall settle their disputes by peaceful means." '
    'We agree.',
    # the speaker's own earlier words: no one else's
    'I repeat my words of 1998 to the Assembly: "States shall settle their disputes by '
    'peaceful means." We agree.',
    # a noun that announces no text
    'The Council adopted the following measures in its session: "States shall settle their '
    'disputes by peaceful means." We agree.',
])
def test_no_speaker_from_a_reader_a_list_or_other_words(text):
    assert find_quotes(text).empty


# ------------------------------------------------- sixteenth round: one person named by a noun

@pytest.mark.parametrize("text, actor", [
    ("The Israeli official says Hamas will attack buildings and he admits that stopping the "
     "group will be impossible.", "ISR"),
    ('"We have been unable to get inside," said a Goshen police dispatcher. She said the '
     'gunman was still inside.', "other:goshen_police_dispatcher"),
])
def test_he_or_she_takes_the_one_person_a_noun_phrase_named_as_speaker(text, actor):
    t = find_quotes(text)
    assert t["speaker"].str.lower().isin(["he", "she"]).sum() == 1
    assert t["speaker_actor"].tolist() == [actor, actor]


@pytest.mark.parametrize("text", [
    # a body is no "he"
    "The Israeli army says troops entered the town and he admits that the operation failed.",
    # a plural noun is no "he"
    "Israeli officials say Hamas will attack buildings and he admits that it will be hard.",
    # another person named since the noun phrase: not confident
    "The Israeli official says Hamas will attack. Mr Sharon met the cabinet. He said that the "
    "operation would go on.",
])
def test_he_or_she_does_not_take_a_body_a_plural_or_a_speaker_before_another_person(text):
    t = find_quotes(text)
    row = t[t["speaker"].str.lower() == "he"]
    assert len(row) == 1
    assert row["speaker_actor"].iloc[0] != "ISR"


@pytest.mark.parametrize("text", [
    "From each according to his ability, to each according to his needs, the plan said nothing.",
    "Nations act outside the framework of the Organization according to the dictates of "
    "self-interest, and then seek to justify their actions.",
    "According to the wishes of the nation, the King launched the country's first draft "
    "constitution in June.",
    "The burden should be shared judiciously according to resource usage, waste production "
    "and need.",
])
def test_according_to_in_accordance_with_is_no_source(text):
    assert find_quotes(text).empty


@pytest.mark.parametrize("text, speaker", [
    ("According to the Secretary-General, the debt burden represents 300 per cent of exports.",
     "the Secretary-General"),
    ("According to some forecasts, the gap will sharply increase.", "some forecasts"),
    ("According to the Charter, the Council bears the primary responsibility for peace.",
     "the Charter"),
])
def test_according_to_a_source_still_reports(text, speaker):
    assert find_quotes(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text, speaker, actor", [
    # a fronted adverbial is not part of the speaker
    ("In that connexion the Egyptian delegation recalled with regret that the resolution "
     "remained unimplemented.", "the Egyptian delegation", "EGY"),
    ("In these circumstances my Prime Minister stated that he was prepared to negotiate.",
     "my Prime Minister", "unknown"),
    # the office named in the sentence before is the title's holder
    ("The president of the United States has expressed his anxiety. The President has pointed "
     "out that the problems are not bilateral.", "The President", "USA"),
])
def test_speaker_phrases_after_an_adverbial_and_a_title_alone(text, speaker, actor):
    t = find_quotes(text)
    assert t[["speaker", "speaker_actor"]].values.tolist() == [[speaker, actor]]


def test_the_author_by_description_and_a_country_not_widened_to_a_region():
    doc = Document("d", "My delegation again expresses the hope that every effort will be "
                        "encouraged.", {"country": "TGO", "source": "ungdc"})
    assert find_quotes(doc)["speaker_actor"].tolist() == ["TGO"]
    doc = Document("d", "Peace in Northern Ireland holds. In 2006, Ireland declared that it "
                        "would seek election.", {"country": "IRL", "source": "ungdc"})
    assert find_quotes(doc)["speaker_actor"].tolist() == ["IRL"]
    # without an author (a news item), "my delegation" stays unresolved
    t = find_quotes("My delegation again expresses the hope that every effort will be "
                    "encouraged.")
    assert t["speaker_actor"].tolist() != ["TGO"]


def test_a_sentence_opening_adverb_is_no_part_of_a_name():
    text = ("Recently Chancellor Adenauer declared that the army must have atomic weapons. "
            "Chancellor Adenauer calls coexistence an \"illusion\".")
    assert set(find_quotes(text)["speaker_actor"]) == {"other:adenauer"}


@pytest.mark.parametrize("text, actor", [
    ("I can do no better than quote Mr. Nelson Mandela's momentous speech of 24 September. He "
     "said, \"The countdown to democracy has begun.\"", "other:nelson_mandela"),
    ("In his report this year, the Secretary-General put it well when he stated: \"Compliance "
     "continues to be of grave concern.\"", "other:secretary_general"),
    ("They were stated by the President of the United States, in the course of which he said: "
     "\"Certainly, troops must be withdrawn.\"", "USA"),
])
def test_he_takes_the_one_person_whose_speech_or_office_is_named_before(text, actor):
    assert find_quotes(text)["speaker_actor"].tolist() == [actor]


@pytest.mark.parametrize("text", [
    # two speeches, two persons: not confident
    "We recall Abraham Lincoln's words and Winston Churchill's speech. He said that freedom "
    "was indivisible.",
    # a possessive that owns no speech
    "We recall Abraham Lincoln's house. He said that freedom was indivisible.",
    # two offices
    "The President of the Assembly and the Secretary-General opened the session. He said that "
    "the agenda was long.",
])
def test_he_stays_unresolved_with_two_candidates_or_no_speech(text):
    assert find_quotes(text)["speaker_actor"].tolist() == ["unknown"]


# ------------------------------------------------ seventeenth round: a relative clause's speaker

@pytest.mark.parametrize("text, speaker", [
    ("The minister, who said that the talks had failed, left early.", "The minister"),
    ("We thank the Secretary-General, who reminded us that peace is fragile.",
     "the Secretary-General"),
    ("Guided by Article 24 of the Charter, which states that the Council acts on behalf of all "
     "Members, we support reform.", "Article 24 of the Charter"),
])
def test_the_antecedent_of_a_relative_clause_is_the_speaker(text, speaker):
    t = find_quotes(text)
    assert t[["kind", "speaker"]].values.tolist() == [["reported", speaker]]


@pytest.mark.parametrize("text", [
    "The countries, which believe that peace is near, met.",   # a report of thought
    "The ministers who said nothing left early.",              # no content clause
])
def test_a_relative_clause_without_speech_is_no_quote(text):
    assert find_quotes(text).empty


@pytest.mark.parametrize("text, speaker", [
    ("A new study shows that nearly one third of the people were arrested.", "A new study"),
    ("The survey found that most voters were undecided.", "The survey"),
])
def test_a_study_that_shows_or_finds_reports(text, speaker):
    assert find_quotes(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text", [
    "This fact clearly shows that terrorism has no religion.",   # the author's inference
    "The study shows the rate of obesity.",                      # no content clause
    "Experience shows that force fails.",                        # no study
])
def test_shows_without_a_study_or_a_clause_is_no_quote(text):
    assert find_quotes(text).empty
