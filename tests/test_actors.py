"""Actors, stance and balance (issue 6): gazetteer, mentions, co-occurrence, tone, roles,
balance measures, figures and the `discourse actors` verb."""
import io
import json
import math
import os
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from discourse.actors.mentions import (ACTOR_TONE_COLUMNS, COOCCURRENCE_COLUMNS, MENTION_COLUMNS,
                              MENTION_COUNT_COLUMNS, bootstrap_mean, find_mentions, find_roles, stat_actor_tone, stat_cooccurrence,
                              stat_mentions)
from discourse.actors.balance import (BALANCE_COLUMNS, comparison_corpus, entropy_from_counts,
                               equidistance, stat_balance, stat_balance_comparison)
from discourse.corpus.documents import Corpus
from discourse.errors import InputError
from discourse.actors.gazetteer import ACTOR_TYPES, BLOCKED, load_gazetteer

from .conftest import ROOT

# ---------------------------------------------------------------------------------------------
# Counted BY HAND in corpus/mem-2025-10-syria-balanced-diplomacy.txt (headings included, the
# closing disclaimer excluded), reading the text line by line. Aliases counted per actor:
HAND_COUNTS = {
    # Russia: "Russia" 7 (incl. "Russia’s" and the heading), "Russian" 3 ("Russian President",
    # "Syrian-Russian", "Russian-Ukrainian"), "Moscow" 4
    "RUS": 14,
    # Ukraine: "Ukrainian" 2 ("Ukrainian delegation", "Russian-Ukrainian"), "Kyiv’s" 1, "Ukraine" 1
    "UKR": 4,
    # Türkiye: "Türkiye" 4 (heading, "between Türkiye", "role of Türkiye", "Russia, Türkiye"),
    # "Ankara" 1
    "TUR": 5,
    # the Arab states: "Arab states" (heading), "Arab countries" x2, "Arab partnerships",
    # "Arab world"
    "arab_states": 5,
    # United States: "the United States" 1
    "USA": 1,
    # Israel: not named at all
    "ISR": 0,
    # Iran: "Russia and Iran" 1
    "IRN": 1,
    # Al-Sharaa: "Al-Sharaa" 12 (3 of them "Ahmad Al-Sharaa")
    "sharaa": 12,
    # the former regime: "former regime" x3, "former Syrian regime", "previous regime",
    # "Assad regime" x2
    "assad_regime": 7,
    # Bashar al-Assad: "Bashar al-Assad" x3, "Assad’s ouster", "the Assad era"
    "bashar_assad": 5,
    # Syria: "Syria" 23 + "Syrian" 6 - 1 (inside "former Syrian regime") + "Damascus" 6
    "SYR": 34,
}


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "discourse.cli", *args], cwd=ROOT,
                          env=dict(os.environ), capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def mentions(article):
    return find_mentions(article)


# -- gazetteer ---------------------------------------------------------------------------------

def test_gazetteer_covers_every_country_and_links_iso3():
    from discourse.corpus.countries import country_table

    gaz = load_gazetteer()
    states = gaz.actors[gaz.actors["type"] == "state"]
    codes = set(country_table()["iso3"]) - {"EU"}
    assert codes <= set(states["actor_id"])
    assert (states["actor_id"] == states["iso3"]).all()
    assert set(gaz.actors["type"]) <= set(ACTOR_TYPES)
    assert gaz.actors["actor_id"].is_unique
    # leaders point at a state of the gazetteer
    leaders = gaz.actors[(gaz.actors["type"] == "leader") & (gaz.actors["state"] != "")]
    assert set(leaders["state"]) <= set(states["actor_id"])
    for alias, actor in [("Kremlin", "RUS"), ("Ankara", "TUR"), ("Damascus", "SYR"),
                         ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Erdoğan", "erdogan"),
                         ("Daesh", "isis"), ("International Community", "international_community"),
                         ("Gulf Arab states", "gulf_states"), ("Zelenskyy", "zelensky"),
                         ("Syrian Arab Republic", "SYR"), ("the West", "the_west")]:
        assert gaz.resolve(alias) == actor, alias


def test_the_warsaw_treaty_is_the_pact_and_warsaw_alone_the_capital():
    t = find_mentions('The leaders of the States Parties to the Warsaw Treaty met in Warsaw.')
    assert t[["alias", "actor_id"]].values.tolist() == [["Warsaw Treaty", "warsaw_pact"],
                                                       ["Warsaw", "POL"]]


def test_ambiguous_aliases_are_case_sensitive():
    gaz = load_gazetteer()
    corp = Corpus.from_texts(["We ate turkey and china plates in the west of Jordan's valley; "
                              "Chad and Georgia spoke. The West and Turkey replied."])
    found = find_mentions(corp, gaz)["alias"].tolist()
    assert found == ["Jordan", "Chad", "Georgia", "the West", "Turkey"]


# -- mentions ----------------------------------------------------------------------------------

@pytest.mark.parametrize("actor_id", sorted(HAND_COUNTS))
def test_article_mentions_match_hand_count(mentions, actor_id):
    assert int((mentions["actor_id"] == actor_id).sum()) == HAND_COUNTS[actor_id]


def test_mentions_offsets_and_sentences(article, mentions):
    from discourse.text.sentences import sentence_spans

    doc = article[0]
    assert list(mentions.columns) == MENTION_COLUMNS
    spans = sentence_spans(doc, include_headings=True)
    for m in mentions.itertuples():
        s, e = spans[m.sentence]
        assert s <= m.start < m.end <= e
    moscow = mentions[mentions["alias"] == "Moscow"]
    assert set(doc.text[s:e] for s, e in zip(moscow.start, moscow.end)) == {"Moscow"}
    # the closing disclaimer ("Middle East Monitor") is boilerplate: never searched
    assert mentions["end"].max() < doc.text.index("The views expressed")


def test_longest_match_wins():
    corp = Corpus.from_texts(["The Gulf Arab states and the Arab states met the Syrian Arab "
                              "Republic, the Arab League and the United Arab Emirates in the "
                              "Middle East, near the West Bank."])
    m = find_mentions(corp)
    assert m["actor_id"].tolist() == ["gulf_states", "arab_states", "SYR", "arab_league", "ARE"]
    assert m["alias"].tolist()[:2] == ["Gulf Arab states", "Arab states"]


def test_other_organizations_are_not_the_un():
    corp = Corpus.from_texts(["We commend the Organization of American States and the "
                              "Organization for Security and Co-operation in Europe; the "
                              "Organization itself must reform."])
    assert find_mentions(corp)["actor_id"].tolist() == ["un"]


def test_hyphens_and_possessives_expose_names():
    m = find_mentions(Corpus.from_texts(["Syrian-Russian ties and Russia’s role; Al-Sharaa’s visit."]))
    assert m["actor_id"].tolist() == ["SYR", "RUS", "RUS", "sharaa"]


def test_text_naming_no_actor_gives_empty_tables_and_nan_balance():
    corp = Corpus.from_texts(["Cooperation, not confrontation. Balance and restraint."], ids=["x"])
    assert find_mentions(corp).empty and list(find_mentions(corp).columns) == MENTION_COLUMNS
    assert stat_mentions(corp).empty and list(stat_mentions(corp).columns) == MENTION_COUNT_COLUMNS
    assert stat_cooccurrence(corp).empty and list(stat_cooccurrence(corp).columns) == COOCCURRENCE_COLUMNS
    assert stat_actor_tone(corp).empty and list(stat_actor_tone(corp).columns) == ACTOR_TONE_COLUMNS
    bal = stat_balance(corp, n_boot=50)
    assert list(bal.columns) == BALANCE_COLUMNS
    assert bal["value"].isna().all() and (bal["n_mentions"] == 0).all()


def test_bad_inputs_raise():
    assert find_mentions("Moscow met Kyiv.")["actor_id"].tolist() == ["RUS", "UKR"]  # a str is a document
    with pytest.raises(InputError, match="expects a Corpus, a Document or a str"):
        find_mentions(["Russia"])
    corp = Corpus.from_texts(["Russia."])
    with pytest.raises(InputError, match="'level' parameter"):
        stat_mentions(corp, level="country")
    with pytest.raises(InputError, match="'unit' parameter"):
        stat_cooccurrence(corp, unit="paragraph")
    with pytest.raises(InputError, match="pair 'x' must be two"):
        stat_balance(corp, pairs={"x": ("RUS", "UKR")})
    with pytest.raises(InputError, match="'seed' parameter of stat_balance"):
        stat_balance(corp, seed=-1)


# -- user gazetteer files -----------------------------------------------------------------------

def test_user_file_extends_and_overrides(tmp_path):
    f = tmp_path / "mine.csv"
    f.write_text("# my actors\nactor_id,alias,type,name,state,case_sensitive\n"
                 "shaheen,Shaheen,leader,Hassan Shaheen,SYR,1\n"
                 "RUS,Rossiya,,,,\n"
                 "hafez_assad,Assad,,,,1\n", encoding="utf-8")
    gaz = load_gazetteer(extend=f)
    m = find_mentions(Corpus.from_texts(["Shaheen went to Rossiya; Assad stayed."]), gaz)
    assert m["actor_id"].tolist() == ["shaheen", "RUS", "hafez_assad"]
    assert gaz.party("shaheen") == "SYR"
    assert str(f) in gaz.sources


@pytest.mark.parametrize("content, message", [
    ("actor_id,alias\nnobody,Somebody\n", r"mine\.csv:2: unknown actor id 'nobody'"),
    ("actor_id,alias\nRUs,Rossiya\n", r"did you mean 'RUS'"),
    ("actor_id,nickname\nRUS,x\n", r"mine\.csv:1: missing column\(s\) \['alias'\]"),
    ("actor_id,alias,colour\nRUS,x,red\n", r"unknown column\(s\) \['colour'\]"),
    ("actor_id,alias,type,name\nnew,New,empire,New Empire\n", r"mine\.csv:2: unknown type 'empire'"),
    ("actor_id,alias\nRUS,\n", r"mine\.csv:2: empty alias"),
    ("actor_id,alias,case_sensitive\nRUS,Rossiya,maybe\n", r"case_sensitive must be 1/0"),
    ("actor_id,alias\nRUS,Rossiya\nUKR,Rossiya\n", r"mine\.csv:3: alias 'Rossiya' is given to both"),
    ("actor_id,alias\nRUS,a,b,c\n", r"mine\.csv:2: 4 fields for 2 columns"),
    ("# only a comment\n", r"mine\.csv: gazetteer file is empty"),
])
def test_malformed_user_file_errors(tmp_path, content, message):
    f = tmp_path / "mine.csv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_gazetteer(extend=f)


def test_missing_gazetteer_file(tmp_path):
    with pytest.raises(InputError, match="gazetteer file not found"):
        load_gazetteer(extend=tmp_path / "nope.csv")


def test_self_contained_gazetteer_file(tmp_path):
    f = tmp_path / "tiny.csv"
    f.write_text("actor_id,alias,type,name\nA,Alpha,state,Alpha\nA,Alfa\n", encoding="utf-8")
    gaz = load_gazetteer(f)
    assert find_mentions(Corpus.from_texts(["Alpha and Alfa, not Russia."]), gaz)["actor_id"].tolist() == ["A", "A"]


# -- counts and co-occurrence ----------------------------------------------------------------------

def test_stat_mentions_shares_and_party_level(article):
    actor = stat_mentions(article)
    assert math.isclose(actor["share"].sum(), 1.0)
    party = stat_mentions(article, level="party").set_index("actor_id")
    assert party.loc["RUS", "count"] == HAND_COUNTS["RUS"] + 1            # + Vladimir Putin
    assert party.loc["SYR", "count"] == HAND_COUNTS["SYR"] + 12 + 5       # + Al-Sharaa, Assad
    assert "putin" not in party.index


def test_cooccurrence_sentence_and_window():
    corp = Corpus.from_texts(["Russia and Ukraine met. Nothing. Türkiye spoke. Russia and Türkiye agreed."])
    sent = stat_cooccurrence(corp).set_index(["actor_a", "actor_b"])["count"]
    assert sent.to_dict() == {("RUS", "TUR"): 1, ("RUS", "UKR"): 1}
    win = stat_cooccurrence(corp, unit="window", window=3).set_index(["actor_a", "actor_b"])["count"]
    # windows of 3 sentences starting at 0 (RUS, UKR, TUR), 1 (TUR, RUS), 2, 3 (TUR, RUS)
    assert win.to_dict() == {("RUS", "TUR"): 4, ("RUS", "UKR"): 1, ("TUR", "UKR"): 1}


# -- tone, evaluations, roles ---------------------------------------------------------------------

def test_actor_tone_is_mean_of_sentence_compounds(article):
    from discourse.text.sentences import sentence_spans
    from discourse.rhetoric.sentiment import score_text

    doc = article[0]
    spans = sentence_spans(doc, include_headings=True)
    m = find_mentions(article)
    sent = sorted(set(m.loc[m.actor_id == "TUR", "sentence"]))
    expected = np.mean([score_text(doc.text[slice(*spans[i])])["compound"] for i in sent])
    tone = stat_actor_tone(article, n_boot=100).set_index("actor_id")
    assert tone.loc["TUR", "n_sentences"] == len(sent) == 5
    assert math.isclose(tone.loc["TUR", "tone"], expected, abs_tol=1e-12)
    assert tone.loc["TUR", "tone_low"] <= tone.loc["TUR", "tone"] <= tone.loc["TUR", "tone_high"]


def test_actor_tone_counts_the_evaluations_predicated_of_the_actor(article):
    """``n_eval_words``/``eval_valence``/``eval_words`` summarise find_evaluations' rows whose
    target is the actor (issue #11: they used to be VADER words near a mention)."""
    from discourse.actors.evaluations import find_evaluations

    ev = find_evaluations(article)
    tone = stat_actor_tone(article, n_boot=0).set_index("actor_id")
    syr = ev[ev.actor_id == "SYR"]
    assert tone.loc["SYR", "n_eval_words"] == len(syr) > 5
    assert tone.loc["SYR", "eval_valence"] == pytest.approx(syr["strength"].mean())  # all praise
    assert tone.loc["assad_regime", "eval_valence"] < 0
    assert tone.loc["SYR", "eval_words"].startswith("balanced:3")
    assert tone.loc["RUS", "n_eval_words"] == 0 and tone.loc["RUS", "eval_words"] == ""


#: Hand-labelled roles in the article (sentence index with headings, alias, gold role):
#: agent = the actor does what the clause says; target = it undergoes it, or is its partner,
#: goal or object. Labelled before looking at the heuristic's output for these mentions.
ROLE_GOLD = [
    (0, "Ahmad Al-Sharaa", "agent"), (0, "Russia", "target"), (0, "former regime", "target"),
    (0, "Bashar al-Assad", "target"), (2, "Ahmad Al-Sharaa", "agent"),
    (2, "former Syrian regime", "target"), (5, "Al-Sharaa", "agent"),
    (5, "Bashar al-Assad", "target"), (6, "previous regime", "agent"), (6, "Russia", "target"),
    (6, "Iran", "target"), (7, "Syria", "agent"), (8, "Russia", "target"),
    (9, "Al-Sharaa", "agent"), (9, "Moscow", "target"), (9, "Vladimir Putin", "target"),
    (11, "Damascus", "agent"), (11, "Moscow", "target"), (12, "Syrian", "agent"),
    (12, "Russia", "target"), (13, "Syria", "agent"), (13, "Bashar al-Assad", "target"),
    (14, "Russia", "agent"), (14, "Al-Sharaa", "agent"), (15, "Damascus", "agent"),
    (17, "Syria", "agent"), (17, "Andrii Sybiha", "agent"), (17, "Damascus", "target"),
    (20, "Syrian", "agent"), (21, "Russia", "target"), (21, "Ukraine", "target"),
    (21, "Syria", "agent"), (24, "Türkiye", "target"), (24, "Arab states", "target"),
    (27, "Arab countries", "target"), (27, "Saudi Arabia", "target"), (28, "Al-Sharaa", "agent"),
    (30, "Ankara", "target"), (30, "Syria", "agent"), (34, "Damascus", "agent"),
    (34, "global powers", "target"), (35, "the United States", "target"), (35, "Russia", "target"),
    (35, "Türkiye", "target"), (35, "Arab world", "target"), (37, "Al-Sharaa", "agent"),
    (38, "Damascus", "agent"), (36, "international community", "target"),
]
ROLE_ACCURACY = 0.917  # 44 of 48: reported in docs/actors.md


def test_role_approximation_accuracy(article):
    roles = find_roles(article)
    got = {(r.sentence, r.alias): r.role for r in roles.itertuples()}
    hits = [got[(s, a)] == gold for s, a, gold in ROLE_GOLD]
    assert len(hits) == 48
    assert round(sum(hits) / len(hits), 3) == ROLE_ACCURACY


def test_roles_on_simple_sentences():
    r = find_roles(Corpus.from_texts(["Russia supports Iran. Talks with Türkiye, and the Arab "
                                      "states were held. Damascus was visited by Kyiv."]))
    assert r["role"].tolist() == ["agent", "target", "target", "target", "agent", "agent"]


# -- balance ------------------------------------------------------------------------------------

def test_entropy_and_equidistance_by_hand():
    # counts 1, 1, 2: p = 1/4, 1/4, 1/2; H = (2 * 1/4 ln 4 + 1/2 ln 2) / ln 3
    assert math.isclose(entropy_from_counts([1, 1, 2]), (0.5 * math.log(4) + 0.5 * math.log(2)) / math.log(3))
    assert math.isclose(entropy_from_counts([3, 3, 3, 0]), 1.0)
    assert math.isnan(entropy_from_counts([5]))
    # scipy as the reference implementation of the entropy
    from scipy.stats import entropy

    c = [7, 1, 3, 2]
    assert math.isclose(entropy_from_counts(c), entropy(c) / math.log(4), rel_tol=1e-12)
    # attention gap |3-1|/4 = 0.5, tone gap |0.5-(-0.5)|/2 = 0.5 -> 1 - (0.5+0.5)/2 = 0.5
    assert math.isclose(equidistance(3, 1, 0.5, -0.5), 0.5)
    assert equidistance(2, 2, 0.3, 0.3) == 1.0
    assert math.isnan(equidistance(2, 0, 0.3, 0.0))


def test_stat_balance_article_by_hand(article):
    b = stat_balance(article, n_boot=200).set_index(["measure", "pair"])
    # party level, Syria excluded: Russia 14 + Putin 1 = 15, Ukraine 4 + Sybiha 1 = 5
    assert math.isclose(b.loc[("attention_gap", "Russia–Ukraine"), "value"], 10 / 20)
    # Türkiye 5; Arab side: the Arab states 5 + Saudi Arabia 1 + Egypt 1 = 7
    assert math.isclose(b.loc[("attention_gap", "Türkiye–Arab states"), "value"], 2 / 12)
    assert math.isclose(b.loc[("attention_gap", "Russia–United States"), "value"], 14 / 16)
    counts = stat_mentions(article, level="party")
    counts = counts[(counts.actor_id != "SYR") & counts.type.isin(["state", "bloc", "non_state"])]
    assert b.loc[("attention_entropy", ""), "n_actors"] == len(counts) == 14
    assert math.isclose(b.loc[("attention_entropy", ""), "value"],
                        entropy_from_counts(counts["count"]), rel_tol=1e-12)
    tone = stat_actor_tone(article, level="party", n_boot=0).set_index("actor_id")
    expected = 1 - (0.5 + abs(tone.loc["RUS", "tone"] - tone.loc["UKR", "tone"]) / 2) / 2
    assert math.isclose(b.loc[("equidistance", "Russia–Ukraine"), "value"], expected, rel_tol=1e-12)
    kept = tone.loc[counts["actor_id"], "tone"]
    assert math.isclose(b.loc[("tone_dispersion", ""), "value"], float(np.std(kept)), rel_tol=1e-12)
    for row in b.itertuples():
        assert row.ci_low <= row.value + 1e-12 and row.value <= row.ci_high + 1e-12


def test_bootstrap_is_deterministic_with_seed(article):
    a = stat_balance(article, n_boot=300, seed=7)
    b = stat_balance(article, n_boot=300, seed=7)
    c = stat_balance(article, n_boot=300, seed=8)
    pd.testing.assert_frame_equal(a, b)
    assert not a["ci_low"].equals(c["ci_low"])
    assert bootstrap_mean([1, 2, 3, 4], n_boot=100, seed=1) == bootstrap_mean([1, 2, 3, 4], n_boot=100, seed=1)
    assert all(math.isnan(x) for x in bootstrap_mean([1.0], n_boot=100, seed=1))


def test_balance_comparison_places_article(ungdc, article):
    table = stat_balance_comparison(article, ungdc, sample=4, n_boot=50)
    assert set(table["set"]) == {"article", "Syria before 2011", "Syria 2011-2024", "named states 2024"}
    assert (table.loc[table["set"] == "named states 2024", "country"] != "SYR").all()
    assert table.groupby("group").size().nunique() == 1
    corp = comparison_corpus(article, ungdc, sample=4)
    pooled = stat_balance(corp, by="set", n_boot=0)
    assert set(pooled["group"]) == set(table["set"])


# -- figures -----------------------------------------------------------------------------------

def test_figures_read_back(article, ungdc):
    from discourse.plots.actors import (plot_actor_tone, plot_attention, plot_balance_trend,
                                        plot_cooccurrence)

    att = stat_mentions(article, level="party", by=None)
    fig = plot_attention(att, n=5)
    bars = fig.axes[0].patches
    assert len(bars) == 5 and math.isclose(max(b.get_width() for b in bars), att["share"].max())
    tone = stat_actor_tone(article, level="party", n_boot=100)
    fig = plot_actor_tone(tone, n=4)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Syria", "Russia",
                                                                      "the former (Assad) regime", "Türkiye"]
    cooc = stat_cooccurrence(article, level="party")
    fig = plot_cooccurrence(cooc, counts=stat_mentions(article, level="party"), n=6)
    assert len(fig.axes[0].texts) == 6
    comp = stat_balance_comparison(article, ungdc, sample=3, n_boot=20)
    fig = plot_balance_trend(comp, measure="attention_entropy")
    # the article (and the named states) sit in a panel of their own beside the years (#14 item 15)
    assert len(fig.axes) == 2
    star = [line for line in fig.axes[1].lines if line.get_marker() == "*"]
    assert len(star) == 1
    assert [t.get_text() for t in fig.axes[1].get_xticklabels()] == ["article", "2024"]
    value = comp.loc[comp["set"] == "article", "value"].iloc[0]
    assert math.isclose(star[0].get_ydata()[0], value)


# -- CLI ---------------------------------------------------------------------------------------

def test_cli_article_csv():
    out = run_cli("actors", "article", "--format", "csv")
    assert out.returncode == 0, out.stderr
    tab = pd.read_csv(io.StringIO(out.stdout))
    assert list(tab.columns) == MENTION_COUNT_COLUMNS
    counts = tab.set_index("actor_id")["count"]
    for actor_id, n in HAND_COUNTS.items():
        assert counts.get(actor_id, 0) == n


def test_cli_ungdc_syria_2024_json_and_balance(ungdc):
    out = run_cli("actors", "ungdc:SYR:2024", "--format", "json", "--level", "party")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    doc = ungdc.subset(country="SYR", year=2024).ids
    assert {r["group"] for r in rows} == set(doc)
    assert {"ISR", "RUS", "USA"} <= {r["actor_id"] for r in rows}
    out = run_cli("actors", "ungdc:SYR:2024", "--balance", "--n-boot", "50", "--format", "csv")
    assert out.returncode == 0, out.stderr
    bal = pd.read_csv(io.StringIO(out.stdout))
    assert list(bal.columns) == BALANCE_COLUMNS and len(bal) == 11


def test_cli_bad_gazetteer_is_one_line(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("actor_id,alias\nnobody,Somebody\n", encoding="utf-8")
    out = run_cli("actors", "article", "--gazetteer", str(f))
    assert out.returncode == 2
    assert "bad.csv:2: unknown actor id 'nobody'" in out.stderr
    assert "Traceback" not in out.stderr


#: Held-out check, written and labelled AFTER the rule was fixed and never used to tune it:
#: sentences in the register of UN General Debate statements (text, alias, gold role).
ROLE_HELDOUT = [
    ("Israel continues to occupy the Syrian Golan.", "Israel", "agent"),
    ("Israel continues to occupy the Syrian Golan.", "Syrian", "target"),
    ("We thank Russia and China for their principled positions.", "Russia", "target"),
    ("We thank Russia and China for their principled positions.", "China", "target"),
    ("The United States imposed unilateral coercive measures on our people.", "the United States", "agent"),
    ("Turkish forces have violated our sovereignty.", "Turkish", "agent"),
    ("Syria calls on the international community to act.", "Syria", "agent"),
    ("Syria calls on the international community to act.", "international community", "target"),
    ("The Security Council must shoulder its responsibilities.", "Security Council", "agent"),
    ("Our people were attacked by ISIS and the Nusra Front.", "ISIS", "agent"),
    ("Our people were attacked by ISIS and the Nusra Front.", "Nusra Front", "agent"),
    ("Iran has stood by Syria in its fight against terrorism.", "Iran", "agent"),
    ("Iran has stood by Syria in its fight against terrorism.", "Syria", "target"),
    ("The sanctions imposed by the European Union harm civilians.", "European Union", "agent"),
    ("Lebanon and Jordan host millions of refugees.", "Lebanon", "agent"),
    ("Lebanon and Jordan host millions of refugees.", "Jordan", "agent"),
    ("Cooperation with Iraq against terrorism continues.", "Iraq", "target"),
    ("The Palestinian people deserve their own State.", "Palestinian", "agent"),
    ("Western countries finance the armed groups.", "Western countries", "agent"),
    ("Damascus welcomed the delegation from Riyadh.", "Damascus", "agent"),
    ("Damascus welcomed the delegation from Riyadh.", "Riyadh", "target"),
    ("The occupation forces of the United States remain in the north-east.", "the United States", "agent"),
]
ROLE_HELDOUT_ACCURACY = 0.727  # 16 of 22 on the first (and only) run; in docs/actors.md


def test_role_approximation_heldout():
    texts = list(dict.fromkeys(t for t, _, _ in ROLE_HELDOUT))
    corp = Corpus.from_texts(texts, ids=[f"s{i}" for i in range(len(texts))])
    roles = find_roles(corp)
    doc_of = {t: f"s{i}" for i, t in enumerate(texts)}
    got = {(r.doc_id, r.alias): r.role for r in roles.itertuples()}
    hits = [got.get((doc_of[t], a)) == gold for t, a, gold in ROLE_HELDOUT]
    assert round(sum(hits) / len(hits), 3) == ROLE_HELDOUT_ACCURACY
