"""The chunk rules of evaluation targets (issue #11 item 1, fourth round): the subject of a verb
chunk found across coordinated verb phrases, objects and prepositional phrases; the predicate
after a copula chunk; an evaluation in the object of a conduct verb; the actor a noun chunk
names. Written positive and negative sentences (invented, not from any validation text)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from discourse.actors.chunks import Chunk, chunk_tokens
from discourse.actors.evaluations import EVALUATION_RULES
from discourse.rhetoric.evaluative import Token

from .test_evaluations import target

ROOT = Path(__file__).resolve().parents[1]


def _toks(pairs):
    out, pos = [], 0
    for word, tag in pairs:
        out.append(Token(word, pos, pos + len(word), tag))
        pos += len(word) + 1
    return out


def test_chunks_of_a_tagged_sentence():
    toks = _toks([("The", "DT"), ("government", "NN"), ("of", "IN"), ("Iran", "NNP"),
                  ("has", "VBZ"), ("acted", "VBN"), ("recklessly", "RB"), (".", ".")])
    assert chunk_tokens(toks) == [Chunk("NP", 0, 1, False), Chunk("PP", 2, 2, True),
                                  Chunk("NP", 3, 3, True), Chunk("VP", 4, 5, False),
                                  Chunk("ADVP", 6, 6, False)]
    assert chunk_tokens(toks) == chunk_tokens(list(toks))  # deterministic
    assert chunk_tokens([]) == []
    assert chunk_tokens([Token("x", 0, 1, "")]) == []  # untagged: nothing guessed


def test_chunker_needs_no_nltk_data(tmp_path):
    code = ("from discourse.actors.chunks import chunk_tokens; "
            "from discourse.rhetoric.evaluative import Token; "
            "print(len(chunk_tokens([Token('Iran', 0, 4, 'NNP'), Token('acted', 5, 10, 'VBD')])))")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NLTK_DATA": str(tmp_path / "none"),
           "PYTHONPATH": str(ROOT), "DISCOURSE_DATA": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "2"


def test_chunk_rules_are_listed_last():
    assert EVALUATION_RULES[-4:] == ("chunk_subject", "chunk_copula", "chunk_conduct",
                                     "chunk_np")


# ---- chunk_subject ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, actor", [
    # a coordination of verb phrases: the subject of the first
    ("Israel occupies the land and violates the resolutions.", "violates", "ISR"),
    ("Iran supports Hezbollah and violates the truce.", "violates", "IRN"),
    # a complement clause: its own subject
    ("We believe Iran acted recklessly.", "recklessly", "IRN"),
    # a passive: the agent (the plain verb, tagged as a past tense, is read as a passive by
    # the subject rule since the seventh round: tests/test_evaluations_targets.py)
    ("The truce was brutally violated by Israel.", "brutally", "ISR"),
])
def test_chunk_subject(text, word, actor):
    assert target(text, word) == (actor, "chunk_subject")


@pytest.mark.parametrize("text, word", [
    ("The sanctions imposed on Syria violate the law.", "violate"),  # Syria is acted upon
    ("The truce was violated.", "violated"),  # a passive without its agent
    ("Iran said the decision violated the truce.", "violated"),  # the decision, not Iran
])
def test_chunk_subject_negative(text, word):
    assert target(text, word)[0] is None


# ---- chunk_copula -----------------------------------------------------------------------------

def test_chunk_copula():
    # a subject with a prepositional phrase: the first conjunct of its noun chunk
    text = "The conflict between Iran and Iraq has been ruthless and bloody."
    assert target(text, "ruthless") == ("IRN", "chunk_copula")
    assert target(text, "bloody") == ("IRN", "chunk_copula")
    # a coordinated second clause
    text = "The people said the land was fertile and the Israeli occupation was brutal."
    assert target(text, "brutal") == ("ISR", "chunk_copula")


def test_chunk_copula_negative():
    assert target("It is clear that the plan was reckless.", "reckless")[0] is None
    # a place after "in" is no possessor of the subject
    assert target("The weather in Iran during the long winter months was brutal.",
                  "brutal")[0] is None


# ---- chunk_conduct ----------------------------------------------------------------------------

def test_chunk_conduct():
    # the object of "deserves" behind a long possessed subject
    text = "Pakistan's careful handling of the refugee problem in the region deserves our admiration."
    assert target(text, "admiration") == ("PAK", "chunk_conduct")
    # a prepositional phrase attached to the conduct verb's object
    text = "Some well-known countries still pursue a policy built on hypocrisy."
    assert target(text, "hypocrisy") == ("other:well_known_countries", "chunk_conduct")


def test_chunk_conduct_negative():
    # not a conduct verb: the object is someone else's
    assert target("Iran condemned the policies based on hypocrisy.", "hypocrisy")[0] is None
    # a passive conduct verb: no subject
    assert target("Policies based on hypocrisy were pursued.", "hypocrisy")[0] is None


# ---- chunk_np ---------------------------------------------------------------------------------

def test_chunk_np():
    # an adjective in a noun chunk whose head is followed by the actor's of-phrase, whose own
    # head is an actor head behind another noun (the of-rule reads "Israeli security" only)
    text = "We saw the brutal conduct of the Israeli security forces."
    assert target(text, "brutal") == ("ISR", "chunk_np")


def test_chunk_np_negative():
    # an evaluative head noun's of-phrase may be the one acted upon
    text = "It was pursued in defiance of the demands of the Security Council."
    assert target(text, "defiance")[0] is None
    # a thing modified by a demonym is not the actor
    assert target("They carried a fake Israeli passport.", "fake")[0] is None
    # the one acted upon
    assert target("The brutal occupation of Iraq continues.", "brutal")[0] is None


def test_chunk_subject_of_an_infinitive_is_the_controller():
    # "call upon X to", "urge X to": the infinitive's subject is X, not the caller (a blame;
    # a praise there names a conduct asked for and keeps no target since the fifteenth round)
    text = "We call upon the Iraqi Government to stop responding cruelly to these appeals."
    assert target(text, "cruelly")[0] == "IRQ"
    text = "We call upon the Iraqi Government to respond generously to these appeals."
    assert target(text, "generously")[0] is None


def test_chunk_conduct_through_an_infinitive():
    text = "The reforms will enable the United Nations to adopt a more coherent course."
    assert target(text, "coherent") == ("un", "chunk_conduct")


def test_chunk_np_follows_no_of_phrase_of_a_thing():
    # the adjective evaluates the conditions, not the of-phrase's actor
    text = "Aid must relieve the distressing conditions of many countries in debt."
    assert target(text, "distressing")[0] is None
