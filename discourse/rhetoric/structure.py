"""Sentences and paragraphs: lengths, questions and exclamations.

Sentences are Punkt's (:func:`discourse.text.sentences.sentence_spans`), paragraphs are the body
blocks of :attr:`Document.blocks <discourse.corpus.documents.Document.blocks>` (headings, boilerplate
and page furniture left out), and a sentence's length is its number of word tokens under the
package's tokenisation policy (:func:`discourse.text.tokens.count_tokens`). A sentence is a
**question** when its last non-space, non-quote, non-bracket character is ``?`` and an
**exclamation** when it is ``!``; anything else is a statement (a text without sentence-final
punctuation is then one statement per paragraph).

>>> from discourse.corpus.documents import Corpus
>>> t = stat_structure(Corpus.from_texts(["Why not? We act! We act now.\\n\\nA second one."]))
>>> t[["n_sentences", "n_paragraphs", "n_questions", "n_exclamations"]].values.tolist()
[[4, 2, 1, 1]]
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from ..corpus.documents import Corpus, Document, as_corpus

__all__ = ["sentence_table", "stat_structure", "SENTENCE_COLUMNS", "STRUCTURE_COLUMNS",
           "sentence_kind"]

#: Columns of :func:`sentence_table`: one row per sentence.
SENTENCE_COLUMNS = ["doc_id", "sentence", "paragraph", "start", "end", "n_tokens", "kind"]
#: Columns of :func:`stat_structure`: one row per document. Lengths in word tokens; the
#: ``share_*`` columns are shares of sentences (0–1); NaN where the document has no sentence.
STRUCTURE_COLUMNS = ["doc_id", "n_tokens", "n_sentences", "n_paragraphs",
                     "sentence_tokens_mean", "sentence_tokens_median", "sentence_tokens_sd",
                     "sentence_tokens_p90", "sentence_tokens_max", "share_long_sentences",
                     "paragraph_sentences_mean", "paragraph_tokens_mean",
                     "n_questions", "n_exclamations", "share_questions", "share_exclamations"]

#: A sentence longer than this many words counts as long (``share_long_sentences``).
LONG_SENTENCE = 40
_TRAILING = " \t\n\"'”’»)]"


def sentence_kind(sentence: str) -> str:
    """``"question"``, ``"exclamation"`` or ``"statement"`` from the final punctuation.

    >>> sentence_kind('Is this balance?”'), sentence_kind("Never again!"), sentence_kind("No.")
    ('question', 'exclamation', 'statement')
    """
    end = sentence.rstrip(_TRAILING)
    if end.endswith("?"):
        return "question"
    if end.endswith("!"):
        return "exclamation"
    return "statement"


def _rows(doc: Document):
    from ..text.parsed import parse

    parsed = parse(doc)
    paragraphs = doc.body_blocks()
    p = 0
    for i, (s, e) in enumerate(parsed.sentences):
        while p < len(paragraphs) - 1 and s >= paragraphs[p].end:
            p += 1
        yield (doc.id, i, p, s, e, parsed.n_words_in(s, e), sentence_kind(doc.text[s:e]))


def sentence_table(corpus: Corpus | Document | str) -> pd.DataFrame:
    """One row per sentence (:data:`SENTENCE_COLUMNS`): offsets into ``Document.text``, the
    index of its paragraph, its length in word tokens and its kind."""
    corpus = as_corpus(corpus, "sentence_table")
    rows = [r for doc in corpus for r in _rows(doc)]
    return pd.DataFrame(rows, columns=SENTENCE_COLUMNS)


def _summary(doc: Document) -> tuple:
    rows = list(_rows(doc))
    n_par = len(doc.body_blocks())
    lengths = np.array([r[5] for r in rows], dtype=float)
    kinds = [r[6] for r in rows]
    n = len(rows)
    nq, ne = kinds.count("question"), kinds.count("exclamation")
    if n == 0:
        return (doc.id, 0, 0, n_par) + (np.nan,) * 8 + (0, 0, np.nan, np.nan)
    return (doc.id, int(lengths.sum()), n, n_par, float(lengths.mean()), float(np.median(lengths)),
            float(lengths.std(ddof=1)) if n > 1 else np.nan, float(np.percentile(lengths, 90)),
            float(lengths.max()), float(np.mean(lengths > LONG_SENTENCE)),
            n / n_par if n_par else np.nan, lengths.sum() / n_par if n_par else np.nan,
            nq, ne, nq / n, ne / n)


def stat_structure(corpus: Corpus | Document | str, *, progress: bool = False) -> pd.DataFrame:
    """Sentence and paragraph statistics per document (:data:`STRUCTURE_COLUMNS`).

    ``n_tokens`` is the number of words inside sentences (what the other columns rest on);
    ``sentence_tokens_sd`` needs two sentences (NaN otherwise); ``share_long_sentences`` is
    the share of sentences over :data:`LONG_SENTENCE` words.
    """
    corpus = as_corpus(corpus, "stat_structure")
    rows = [_summary(doc) for doc in tqdm(corpus, total=len(corpus), desc="sentences",
                                          disable=not progress)]
    return pd.DataFrame(rows, columns=STRUCTURE_COLUMNS)
