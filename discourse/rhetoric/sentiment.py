"""Sentiment with VADER (Hutto & Gilbert 2014) through NLTK, with no downloaded data.

NLTK's :class:`~nltk.sentiment.vader.SentimentIntensityAnalyzer` normally loads its lexicon
with ``nltk.download("vader_lexicon")``. Here the same lexicon file comes from the
``vaderSentiment`` pip package (``vaderSentiment/vader_lexicon.txt``, MIT licence, by the
VADER authors), read with :mod:`importlib.resources`, and handed to NLTK's analyser, so the
scoring rules are NLTK's and nothing is downloaded.

Scores are per sentence (:func:`discourse.text.sentences.sentence_spans`): ``neg``, ``neu``,
``pos`` (shares, summing to 1) and ``compound`` (normalised sum, -1 to 1). A document's score
is the mean over its sentences (:func:`stat_sentiment` with ``by="document"``).

>>> round(score_text("A great and welcome success.")["compound"], 3) > 0.5
True
"""
from __future__ import annotations

import string
from functools import cache
from importlib import resources

import pandas as pd
from nltk.sentiment.vader import SentiText, SentimentIntensityAnalyzer, VaderConstants

from .._validation import check_choice
from ..corpus.documents import Corpus
from ..text.parsed import parse, prepare_sentences

__all__ = ["analyzer", "score_text", "stat_sentiment", "SENTENCE_SENTIMENT_COLUMNS",
           "DOCUMENT_SENTIMENT_COLUMNS"]

SENTENCE_SENTIMENT_COLUMNS = ["doc_id", "sentence", "start", "end", "text", "neg", "neu", "pos",
                              "compound"]
DOCUMENT_SENTIMENT_COLUMNS = ["doc_id", "n_sentences", "neg", "neu", "pos", "compound",
                              "compound_sd", "share_positive", "share_negative"]


#: str.translate table deleting what VaderConstants.REGEX_REMOVE_PUNCTUATION matches
_DELETE_PUNCTUATION = str.maketrans("", "", string.punctuation)


class _FastSentiText(SentiText):
    """NLTK's SentiText with the same tokens, found without building NLTK's table of every
    punctuation mark glued to every word of the sentence (two thirds of VADER's time).

    NLTK maps a token ``p + w`` or ``w + p`` (``p`` in ``PUNC_LIST``, ``w`` a word of the
    sentence with its punctuation removed, longer than one character) to ``w``, the
    ``w + p`` reading winning when both apply; this looks each token's candidates up instead.
    ``tests/test_sentiment.py`` checks that the scores equal NLTK's on thousands of sentences.
    """

    def _words_and_emoticons(self):
        # NLTK removes string.punctuation with a time-limited regex (nltk.redos); deleting the
        # same characters with str.translate gives the same string at a fraction of the cost
        words_only = {w for w in self.text.translate(_DELETE_PUNCTUATION).split()
                      if len(w) > 1}
        wes = [we for we in self.text.split() if len(we) > 1]
        index, lengths, edge = _punctuation_table(tuple(self.PUNC_LIST))
        for i, we in enumerate(wes):
            if we[0] not in edge and we[-1] not in edge:
                continue
            # NLTK's loop over PUNC_LIST keeps the last mark (in list order) that matches at
            # each end; look up the marks of each possible length instead of trying them all
            before = after = None
            rank_before = rank_after = -1
            for k in lengths:
                if k >= len(we):
                    continue
                r = index.get(we[:k], -1)
                if r > rank_before and we[k:] in words_only:
                    rank_before, before = r, we[k:]
                r = index.get(we[-k:], -1)
                if r > rank_after and we[:-k] in words_only:
                    rank_after, after = r, we[:-k]
            if after is not None:
                wes[i] = after
            elif before is not None:
                wes[i] = before
        return wes


@cache
def _punctuation_table(puncs: tuple[str, ...]):
    """mark -> its last position in PUNC_LIST, the marks' lengths, their characters."""
    index = {p: r for r, p in enumerate(puncs)}
    return index, sorted({len(p) for p in puncs}), set("".join(puncs))


class _PackagedVader(SentimentIntensityAnalyzer):
    """NLTK's analyser with its lexicon read from the vaderSentiment package, the faster
    tokens of :class:`_FastSentiText`, and words outside the lexicon scored 0 without the call
    to ``sentiment_valence`` that would return 0 for them."""

    def __init__(self):  # noqa: D401 - replaces the nltk.data.load of the parent
        text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
        self.lexicon_file = text.strip("\n")
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()

    def polarity_scores(self, text):
        """NLTK's ``polarity_scores`` (3.9), with :class:`_FastSentiText` for the tokens."""
        sentitext = _FastSentiText(text, self.constants.PUNC_LIST,
                                   self.constants.REGEX_REMOVE_PUNCTUATION)
        sentiments = []
        append = sentiments.append
        words = sentitext.words_and_emoticons
        n = len(words)
        # NLTK scores each token at the index of its first occurrence (list.index)
        first_index = dict(zip(reversed(words), range(n - 1, -1, -1)))
        lexicon, boosters = self.lexicon, self.constants.BOOSTER_DICT
        for item in words:
            lower = item.lower()
            if lower in boosters:
                append(0)
                continue
            if lower == "kind":
                i = first_index[item]
                if i < n - 1 and words[i + 1].lower() == "of":
                    append(0)
                    continue
            if lower not in lexicon:  # what sentiment_valence(0, ...) appends for such a word
                append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, first_index[item], sentiments)
            append = sentiments.append
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)


    def _never_check(self, valence, words_and_emoticons, start_i, i):
        """NLTK's ``_never_check`` with ``negated([word])`` of one word written out (the
        negation list or "n't"; a one-word list has no "X least" pair)."""
        negate = self.constants.NEGATE
        if start_i == 0:
            w = words_and_emoticons[i - 1].lower()
            if w in negate or "n't" in w:
                valence = valence * self.constants.N_SCALAR
        if start_i == 1:
            if words_and_emoticons[i - 2] == "never" and (
                    words_and_emoticons[i - 1] == "so" or words_and_emoticons[i - 1] == "this"):
                valence = valence * 1.5
            else:
                w = words_and_emoticons[i - 2].lower()
                if w in negate or "n't" in w:
                    valence = valence * self.constants.N_SCALAR
        if start_i == 2:
            if (words_and_emoticons[i - 3] == "never"
                    and (words_and_emoticons[i - 2] == "so" or words_and_emoticons[i - 2] == "this")
                    or (words_and_emoticons[i - 1] == "so" or words_and_emoticons[i - 1] == "this")):
                valence = valence * 1.25
            else:
                w = words_and_emoticons[i - 3].lower()
                if w in negate or "n't" in w:
                    valence = valence * self.constants.N_SCALAR
        return valence


@cache
def analyzer() -> SentimentIntensityAnalyzer:
    """The shared VADER analyser (NLTK's rules, lexicon from the vaderSentiment package)."""
    return _PackagedVader()


def score_text(text: str) -> dict[str, float]:
    """VADER scores of one string: ``{"neg", "neu", "pos", "compound"}``."""
    return analyzer().polarity_scores(text)


def stat_sentiment(corpus: Corpus, *, by: str = "sentence") -> pd.DataFrame:
    """VADER sentiment per sentence, or aggregated per document.

    Parameters
    ----------
    corpus : Corpus
    by : {"sentence", "document"}, default="sentence"

    Returns
    -------
    DataFrame
        ``by="sentence"``: :data:`SENTENCE_SENTIMENT_COLUMNS` (offsets into ``Document.text``,
        ``sentence`` numbered from 0). ``by="document"``: :data:`DOCUMENT_SENTIMENT_COLUMNS`,
        means over sentences, ``compound_sd`` their standard deviation, and the shares of
        sentences with compound >= 0.05 / <= -0.05 (VADER's usual thresholds); NaN for a
        document without sentences.
    """
    check_choice("by", by, ["sentence", "document"], "stat_sentiment")
    sia = analyzer()
    rows = []
    prepare_sentences(corpus)  # large corpora: split on all cores, cached
    for doc in corpus:
        for i, (s, e) in enumerate(parse(doc).sentences):
            text = doc.text[s:e]
            sc = sia.polarity_scores(text)
            rows.append((doc.id, i, s, e, text, sc["neg"], sc["neu"], sc["pos"], sc["compound"]))
    table = pd.DataFrame(rows, columns=SENTENCE_SENTIMENT_COLUMNS)
    if by == "sentence":
        return table
    grouped = table.groupby("doc_id", sort=False)
    out = pd.DataFrame({
        "n_sentences": grouped.size(),
        "neg": grouped["neg"].mean(), "neu": grouped["neu"].mean(), "pos": grouped["pos"].mean(),
        "compound": grouped["compound"].mean(),
        "compound_sd": grouped["compound"].std(ddof=1),
        "share_positive": grouped["compound"].apply(lambda c: float((c >= 0.05).mean())),
        "share_negative": grouped["compound"].apply(lambda c: float((c <= -0.05).mean())),
    })
    out = out.reindex(corpus.ids)
    out["n_sentences"] = out["n_sentences"].fillna(0).astype(int)
    return out.rename_axis("doc_id").reset_index()[DOCUMENT_SENTIMENT_COLUMNS]
