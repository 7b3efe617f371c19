"""VADER through NLTK with the lexicon from the vaderSentiment package.

Oracle: NLTK's own SentimentIntensityAnalyzer loading its official vader_lexicon from the
NLTK data in ../shared (the product never needs it; this test does, to prove equality)."""
import math

import pytest

import discourse

from discourse import Corpus
from discourse.errors import InputError
from discourse.rhetoric.sentiment import score_text, stat_sentiment

from .conftest import NLTK_DATA

SENTENCES = ["Syria demonstrated a sophisticated understanding of realpolitik.",
             "The former regime relied heavily on narrow alliances.",
             "It offers hope that the country can overcome division and isolation.",
             "Terrorism is a horrible, deadly threat!", "The meeting took place on Monday."]


def test_matches_nltk_with_official_lexicon(monkeypatch):
    monkeypatch.setenv("NLTK_DATA", str(NLTK_DATA))
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(NLTK_DATA)])
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    official = SentimentIntensityAnalyzer()
    for s in SENTENCES:
        assert score_text(s) == official.polarity_scores(s)  # exact: same lexicon, same rules


def test_sentence_and_document_tables():
    corp = Corpus.from_texts(["A great success. A terrible failure.", "Heading only"],
                             ids=["a", "b"])
    sent = stat_sentiment(corp)
    assert sent["doc_id"].tolist() == ["a", "a", "b"]
    assert sent.loc[0, "compound"] > 0.5 and sent.loc[1, "compound"] < -0.4
    doc = stat_sentiment(corp, by="document")
    assert doc.loc[0, "n_sentences"] == 2
    assert math.isclose(doc.loc[0, "compound"], sent.loc[:1, "compound"].mean())
    assert doc.loc[0, "share_positive"] == 0.5 and doc.loc[0, "share_negative"] == 0.5
    with pytest.raises(InputError, match="'by' parameter of stat_sentiment"):
        stat_sentiment(corp, by="word")


def test_fast_tokens_give_nltks_scores_exactly(ungdc):
    """Our analyser finds VADER's tokens without NLTK's punctuation table; its scores must be
    NLTK's own, to the last bit, on real sentences and on punctuation-heavy edge cases."""
    from importlib import resources

    from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

    from discourse.text.sentences import sentence_spans
    from discourse.rhetoric.sentiment import analyzer

    class Reference(SentimentIntensityAnalyzer):  # NLTK's class, same lexicon, no download
        def __init__(self):
            text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
            self.lexicon_file = text.strip("\n")
            self.lexicon = self.make_lex_dict()
            self.constants = VaderConstants()

    sentences = [d.text[s:e] for d in ungdc.sample(60, seed=11) for s, e in sentence_spans(d)]
    sentences += ["!!wow!! great :) 'quoted' \"yes\" -- no?!?", "It's kind of bad, but GREAT!!!",
                  "Not good...", "?!?!hello!?!? world-wide", "'good' 'bad' -ok- ,fine,",
                  "!? ?! :-) :( <3", "", "a", "GOOD good Good!!", "no, never: not bad at all.",
                  "never so good", "never this bad", "it isn't good", "they aren't GREAT",
                  "not so bad", "at least good", "the least good", "very least bad",
                  "!!!good!!! ???bad??? ?!?nice?!? .,;:good:;,. -'\"ok\"'-",
                  "good. .good ..good.. !good !!good good!! good!?!? !?!?good",
                  "We are not without hope, but never so hopeless; hardly a kind of joy."]
    sentences += [t for d in discourse.load_lee("test") for t in d.text.split(". ")]
    ref, ours = Reference(), analyzer()
    mismatches = [s for s in sentences if ref.polarity_scores(s) != ours.polarity_scores(s)]
    assert len(sentences) > 2000 and not mismatches, mismatches[:5]
    from nltk.sentiment.vader import SentiText

    from discourse.rhetoric.sentiment import _FastSentiText

    c = VaderConstants()
    for text in sentences:
        assert _FastSentiText(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION).words_and_emoticons \
            == SentiText(text, c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION).words_and_emoticons


def test_punctuation_deletion_equals_nltks_regex():
    """The str.translate table deletes exactly what VaderConstants.REGEX_REMOVE_PUNCTUATION
    removes (every ASCII punctuation mark, nothing else: typographic quotes stay)."""
    import string

    from nltk.sentiment.vader import VaderConstants

    from discourse.rhetoric.sentiment import _DELETE_PUNCTUATION

    rx = VaderConstants.REGEX_REMOVE_PUNCTUATION
    samples = [string.printable, "“Balance” — isn’t it? (Yes!) 50% [x] {y} a\\b ~`^_|",
               "".join(chr(c) for c in range(32, 0x2100))]
    for text in samples:
        assert text.translate(_DELETE_PUNCTUATION) == rx.sub("", text)
