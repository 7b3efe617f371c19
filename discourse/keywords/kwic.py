"""Concordance (keyword in context), AntConc/quanteda style, with offsets into the text.

>>> from discourse.corpus.documents import Corpus
>>> corp = Corpus.from_texts(["It seeks cooperation, not confrontation, and engagement, not isolation."])
>>> kw = kwic(corp, "not", window=2)
>>> kw[["pre", "match", "post"]].values.tolist()
[['seeks cooperation', 'not', 'confrontation and'], ['and engagement', 'not', 'isolation']]
>>> print(format_kwic(kw, width=20))
   seeks cooperation | not | confrontation and
      and engagement | not | isolation
"""
from __future__ import annotations

import html
from collections.abc import Iterable

import pandas as pd

from .._validation import check_choice, check_range
from ..corpus.documents import Corpus
from ..errors import InputError
from .patterns import compile_patterns
from ..text.tokens import tokenize

__all__ = ["kwic", "format_kwic", "kwic_html", "KWIC_COLUMNS"]

KWIC_COLUMNS = ["doc_id", "pattern", "start", "end", "token_start", "token_end", "n_tokens",
                "position", "pre", "match", "post", "context"]


def kwic(corpus: Corpus, pattern: str | Iterable[str], *, window: int = 5,
         sort: str | None = None, include_headings: bool = False) -> pd.DataFrame:
    """Every match of the pattern(s) with ``window`` tokens of context on each side.

    Parameters
    ----------
    corpus : Corpus
    pattern : str or list of str
        Words, globs, ``re:`` expressions or phrases (:mod:`discourse.keywords.patterns`); a
        comma-separated string works too.
    window : int, default=5
    sort : {None, "left", "right", "match"}
        None keeps text order; "left" sorts by the words just before the match (nearest
        first, as AntConc's 1L, 2L...), "right" by the words after it.
    include_headings : bool, default=False

    Returns
    -------
    DataFrame
        :data:`KWIC_COLUMNS`: ``start``/``end`` are character offsets of the match in
        ``Document.text``; ``token_start``/``token_end`` token positions; ``position`` the
        relative position of the match in the document (0-1, for dispersion plots);
        ``pre``/``match``/``post`` the lowercased tokens; ``context`` the original text of
        the whole window.
    """
    check_range("window", window, "kwic", low=0, high=200, integer=True)
    check_choice("sort", sort, [None, "left", "right", "match"], "kwic")
    if not isinstance(corpus, Corpus):
        raise InputError(f"kwic expects a Corpus, got {type(corpus).__name__}")
    patterns = compile_patterns(pattern)
    toks = tokenize(corpus, include_headings=include_headings)
    rows = []
    for doc, words, spans in zip(corpus, toks, toks.offsets):
        n = len(words)
        hits = sorted({(s, e, p.text) for p in patterns for s, e in p.match_positions(words)})
        for s, e, ptext in hits:
            lo, hi = max(0, s - window), min(n, e + window)
            rows.append((doc.id, ptext, spans[s][0], spans[e - 1][1], s, e, n,
                         s / n if n else 0.0, " ".join(words[lo:s]), " ".join(words[s:e]),
                         " ".join(words[e:hi]), doc.text[spans[lo][0]:spans[hi - 1][1]]))
    table = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    if sort == "left":
        key = table["pre"].map(lambda t: " ".join(reversed(t.split())))
        table = table.assign(_k=key).sort_values(["_k", "doc_id", "start"], kind="stable")
        table = table.drop(columns="_k")
    elif sort == "right":
        table = table.sort_values(["post", "doc_id", "start"], kind="stable")
    elif sort == "match":
        table = table.sort_values(["match", "doc_id", "start"], kind="stable")
    return table.reset_index(drop=True)


def format_kwic(table: pd.DataFrame, *, width: int = 40) -> str:
    """A plain-text concordance: left context right-aligned, the match, the right context."""
    lines = []
    for pre, match, post in zip(table["pre"], table["match"], table["post"]):
        left = pre[-width:].rjust(width)
        lines.append(f"{left} | {match} | {post[:width]}".rstrip())
    return "\n".join(lines)


def kwic_html(table: pd.DataFrame) -> str:
    """The concordance as an HTML table (for notebooks: ``IPython.display.HTML``)."""
    rows = "".join(
        f'<tr><td style="text-align:right;color:#555">{html.escape(pre)}</td>'
        f'<td style="text-align:center"><b>{html.escape(match)}</b></td>'
        f'<td style="text-align:left;color:#555">{html.escape(post)}</td>'
        f'<td style="color:#999">{html.escape(str(doc))}</td></tr>'
        for pre, match, post, doc in zip(table["pre"], table["match"], table["post"],
                                         table["doc_id"]))
    return f'<table class="kwic">{rows}</table>'
