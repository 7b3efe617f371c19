"""Phrase chunks of a tagged sentence, for the chunk rules of evaluation targets.

The chunker is Pattern's, shipped inside ``textblob`` (``textblob._text.find_chunks`` and
``find_prepositions``): regular expressions over the part-of-speech tags, no model, no download,
no NLTK data, so the same tags give the same chunks. It marks noun phrases (``NP``), verb groups
(``VP``), prepositions (``PP``), adjective and adverb phrases (``ADJP``, ``ADVP``), and whether a
chunk belongs to a prepositional noun phrase (``pnp``: a ``PP`` and the ``NP`` after it).
Tokens outside every chunk (punctuation, conjunctions, the possessive ``'s``, *which*) are in
none. The tokens are those of :func:`discourse.rhetoric.evaluative.sentence_analysis` (read from
``parse(doc)``), so every chunk maps back to character offsets through its tokens.

>>> from discourse.rhetoric.evaluative import Token
>>> toks = [Token("Iran", 0, 4, "NNP"), Token("acted", 5, 10, "VBD"),
...         Token("recklessly", 11, 21, "RB")]
>>> [(c.kind, c.first, c.last) for c in chunk_tokens(toks)]
[('NP', 0, 0), ('VP', 1, 1), ('ADVP', 2, 2)]
"""
from __future__ import annotations

from typing import NamedTuple

__all__ = ["Chunk", "chunk_tokens"]


class Chunk(NamedTuple):
    """Tokens ``first .. last`` of a sentence forming one phrase of ``kind``; ``pnp`` when the
    chunk is part of a prepositional noun phrase."""

    kind: str
    first: int
    last: int
    pnp: bool


def chunk_tokens(tokens) -> list[Chunk]:
    """The chunks of tagged ``tokens`` (objects with ``text`` and ``tag``), in text order;
    empty when a token has no tag (the tagger failed: nothing is guessed)."""
    if not tokens or any(not t.tag for t in tokens):
        return []
    from textblob._text import find_chunks, find_prepositions  # inside the package, no data

    tagged = find_prepositions(find_chunks([[t.text, t.tag] for t in tokens]))
    chunks: list[Chunk] = []
    for k, item in enumerate(tagged):
        iob, pnp = item[2], item[3]
        if iob == "O":
            continue
        position, kind = iob.split("-", 1)
        last = chunks[-1] if chunks else None
        if position == "B" or last is None or last.kind != kind or last.last != k - 1:
            chunks.append(Chunk(kind, k, k, pnp != "O"))
        else:
            chunks[-1] = last._replace(last=k)
    return chunks
