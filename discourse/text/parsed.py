"""The analysed document: a document read once, shared by every measure.

:func:`parse` gives the :class:`Parsed` view of a :class:`~discourse.corpus.documents.Document`:
its typography fold, blocks, body sentences and word tokens with their character offsets,
lower-case forms and terms (possessives split, the counting policy of
:mod:`discourse.text.tokens`), each computed the first time a measure asks for it and then
kept for as long as the document lives. Structure, readability, diversity, stance markers and
devices all read their words from here instead of tokenising the text again, so a profile folds
and tokenises each document once.

A **word** is a match of :data:`discourse.text.tokens.WORD_PATTERN`'s word part on the folded
text (letters and digits with internal hyphens and apostrophes); words never cross a block or a
sentence boundary, which always falls on white space, so "the words of a sentence" is a slice
of the document's words (:meth:`Parsed.words_in`). A **term** is a word with a possessive
``'s`` split off (except the contractions of :data:`~discourse.text.tokens.KEEP_S`),
lower-cased: what the document-term matrix, diversity and readability count.

Offsets are into ``Document.text`` (the fold preserves length).

>>> from discourse.corpus.documents import Document
>>> p = parse(Document("d", "A Heading\\n\\nSyria’s policy: balance. It holds."))
>>> p.n_words, [p.folded[s:e] for s, e in p.word_spans(*p.words_in(*p.sentences[0]))]
(7, ["Syria's", 'policy', 'balance'])
>>> p.terms_in(*p.sentences[0])
['syria', 'policy', 'balance']
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import OrderedDict
from functools import cached_property

import numpy as np

from ..corpus.documents import Document
from ..corpus.normalize import fold_typography
from .tokens import _WORDS_ONLY, KEEP_S

__all__ = ["Parsed", "parse", "prepare_sentences", "WORD_RE", "PIECE_RE", "PARSED_KEPT",
           "PARSE_CACHE_MIN_DOCUMENTS"]

#: One word (no punctuation): the word part of :data:`discourse.text.tokens.WORD_PATTERN`,
#: the pattern the counting policy uses.
WORD_RE = _WORDS_ONLY
#: One piece for matching names: a run of letters and digits, or one punctuation mark (so
#: "al-Sharaa's" is ``al - Sharaa ' s``): what the gazetteer matches aliases against.
PIECE_RE = re.compile(r"[^\W_]+|[^\w\s]")


class Parsed:
    """A document analysed once (see the module docs); build it with :func:`parse`.

    Attributes (each computed on first use)
    ----------------------------------------
    doc : Document
    folded : str
        :func:`~discourse.corpus.normalize.fold_typography` of the text (same length).
    sentences : tuple of (int, int)
        Body sentence spans (:func:`discourse.text.sentences.sentence_spans`).
    starts, ends : numpy.ndarray of int64
        Character span of every word of the text, in order.
    """

    def __init__(self, doc: Document):
        self.doc = doc

    def __repr__(self) -> str:
        return f"<Parsed {self.doc.id!r}>"

    @property
    def id(self) -> str:
        return self.doc.id

    @property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def folded(self) -> str:
        return fold_typography(self.doc.text)

    @cached_property
    def _lowered(self) -> str | None:
        low = self.folded.lower()
        return low if len(low) == len(self.folded) else None  # "İ" expands: word by word then

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        from .sentences import sentence_spans

        return tuple(sentence_spans(self.doc))

    @cached_property
    def sentences_with_headings(self) -> tuple[tuple[int, int], ...]:
        """Sentence spans with each heading as one sentence (what actor mentions read)."""
        from .sentences import sentence_spans

        return tuple(sentence_spans(self.doc, include_headings=True))

    @cached_property
    def _pieces(self) -> tuple[list[str], list[int], list[int]]:
        texts, starts, ends = [], [], []
        for m in PIECE_RE.finditer(self.folded):
            texts.append(m.group())
            starts.append(m.start())
            ends.append(m.end())
        return texts, starts, ends

    def pieces_in(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """``(piece, start, end)`` of the name-matching pieces (:data:`PIECE_RE`) inside
        ``[start, end)``, a span that begins and ends at a piece boundary (a sentence)."""
        texts, starts, ends = self._pieces
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        return list(zip(texts[i:j], starts[i:j], ends[i:j]))

    @cached_property
    def _spans(self) -> tuple[list[int], list[int]]:
        starts, ends = [], []
        for m in WORD_RE.finditer(self.folded):
            starts.append(m.start())
            ends.append(m.end())
        return starts, ends

    @property
    def _starts_list(self) -> list[int]:
        return self._spans[0]

    @property
    def _ends_list(self) -> list[int]:
        return self._spans[1]

    @property
    def starts(self) -> np.ndarray:
        return np.asarray(self._spans[0], dtype=np.int64)

    @property
    def ends(self) -> np.ndarray:
        return np.asarray(self._spans[1], dtype=np.int64)

    @property
    def n_words(self) -> int:
        return len(self._starts_list)

    def words_in(self, start: int, end: int) -> tuple[int, int]:
        """``(i, j)``: the words ``i .. j-1`` lie inside ``[start, end)``."""
        starts = self._starts_list
        return bisect_left(starts, start), bisect_left(starts, end)

    def word_spans(self, i: int, j: int) -> list[tuple[int, int]]:
        """Character spans of words ``i .. j-1``."""
        return list(zip(self._starts_list[i:j], self._ends_list[i:j]))

    def words(self, i: int, j: int) -> list[str]:
        """The words ``i .. j-1`` as they stand in the folded text."""
        return self._words_list[i:j]

    @cached_property
    def _words_list(self) -> list[str]:
        f = self.folded
        return [f[s:e] for s, e in zip(self._starts_list, self._ends_list)]

    @cached_property
    def _lower_list(self) -> list[str]:
        return [w.lower() for w in self._words_list]

    @cached_property
    def _gaps_list(self) -> list[str]:
        f, starts, ends = self.folded, self._starts_list, self._ends_list
        return [f[0:starts[0]]] + [f[a:b] for a, b in zip(ends, starts[1:])] if starts else []

    def lower_words(self, i: int, j: int) -> list[str]:
        """The words ``i .. j-1`` lower-cased one by one (``str.lower`` of each word)."""
        return self._lower_list[i:j]

    def gaps(self, i: int, j: int) -> list[str]:
        """The text before each of the words ``i .. j-1``, back to the previous word (for
        word ``i`` the gap reaches back to the previous word of the document, or its start)."""
        return self._gaps_list[i:j]

    def n_words_in(self, start: int, end: int) -> int:
        i, j = self.words_in(start, end)
        return j - i

    @cached_property
    def body_word_ranges(self) -> tuple[tuple[int, int], ...]:
        """``(i, j)`` word ranges of the body blocks (paragraphs), in order."""
        return tuple(self.words_in(b.start, b.end) for b in self.doc.body_blocks())

    @cached_property
    def _terms(self) -> list[str]:
        """Every word as a term (possessive split off, lower-cased)."""
        f, low = self.folded, self._lowered
        out = []
        append = out.append
        for s, e in zip(self._starts_list, self._ends_list):
            if e - s > 2 and f[e - 2] == "'" and f[e - 1] in "sS":
                if (low[s:e] if low is not None else f[s:e].lower()) not in KEEP_S:
                    e -= 2
            append(low[s:e] if low is not None else f[s:e].lower())
        return out

    def terms(self, i: int = 0, j: int | None = None) -> list[str]:
        """Terms of words ``i .. j-1`` (all words by default)."""
        return self._terms[i:j]

    def terms_in(self, start: int, end: int) -> list[str]:
        """Terms of the words inside ``[start, end)``."""
        i, j = self.words_in(start, end)
        return self._terms[i:j]

    @cached_property
    def body_terms(self) -> list[str]:
        """Terms of the body paragraphs, in order (what ``term_list(doc.body_text())`` gives)."""
        t = self._terms
        return [w for i, j in self.body_word_ranges for w in t[i:j]]


#: The analyses of the documents used most recently. A measure reads a corpus document by
#: document, and a profile runs its measures chunk by chunk (fewer documents than this), so
#: every measure of a chunk finds the analysis made by the first; memory stays bounded by
#: this many documents, however large the corpus a measure walks through.
PARSED_KEPT = 256
_PARSED: OrderedDict = OrderedDict()


def parse(doc: Document) -> Parsed:
    """The analysed document of ``doc``, built once and shared by the measures that read it
    (one of the :data:`PARSED_KEPT` most recently used).

    >>> from discourse.corpus.documents import Document
    >>> d = Document("d", "We act.")
    >>> parse(d) is parse(d)
    True
    """
    p = _PARSED.get(doc)
    if p is None:
        p = _PARSED[doc] = Parsed(doc)
        if len(_PARSED) > PARSED_KEPT:
            _PARSED.popitem(last=False)
    else:
        _PARSED.move_to_end(doc)
    return p


# ---------------------------------------------------------------------------------------------
# A whole corpus: sentences split in worker processes, cached by content
# ---------------------------------------------------------------------------------------------

#: Corpora with at least this many documents have their sentences split on all cores and
#: cached.
PARSE_CACHE_MIN_DOCUMENTS = 200
_CHUNK = 64


def _sentence_arrays(item: tuple[str, str]) -> dict:
    """One document's sentence spans (body; with headings) as int32 arrays (worker side)."""
    from .sentences import _compute_spans

    doc = Document(item[0], item[1])
    out = {"doc_id": doc.id}
    for name, with_headings in (("sent", False), ("head", True)):
        arr = np.asarray(_compute_spans(doc, with_headings), dtype=np.int32).reshape(-1, 2)
        out[f"{name}_starts"], out[f"{name}_ends"] = arr[:, 0], arr[:, 1]
    return out


def _sentence_chunk(items):
    return [_sentence_arrays(it) for it in items]


def _cache_key(corpus) -> str:
    import sys

    from ..corpus import normalize
    from ..corpus.cache import code_version
    from . import sentences

    return f"sentences|{corpus.content_hash()}|" \
           f"{code_version(sys.modules[__name__], sentences, normalize)}"


def prepare_sentences(corpus, *, n_jobs: int | None = None, use_cache: bool = True,
                      progress: bool = False):
    """Split the sentences of every document of a corpus ahead of the measures, and return
    the corpus.

    Sentence splitting is the costly part of a document's analysis. For corpora of
    :data:`PARSE_CACHE_MIN_DOCUMENTS` documents or more it runs here in worker processes,
    and the spans are cached in the data directory by the corpus content and the version of
    the code (Parquet, checksummed, no pickle), so that a later call, in any process, reads
    them back; every measure that then reads the corpus's documents
    (:func:`discourse.text.sentences.sentence_spans`, :func:`parse`) finds them split. Smaller
    corpora are left as they are (their sentences are split when first needed).

    >>> from discourse.corpus.documents import Corpus
    >>> corpus = prepare_sentences(Corpus.from_texts(["We act. Now.", "Balance."]))
    >>> [len(parse(d).sentences) for d in corpus]
    [2, 1]
    """
    import os

    import pandas as pd
    from tqdm.auto import tqdm

    from .sentences import _SPANS

    docs = list(corpus)
    todo = [d for d in docs if len(_SPANS.get(d, ())) < 2]
    if len(docs) < PARSE_CACHE_MIN_DOCUMENTS or not todo:
        return corpus
    from ..corpus.cache import read_cached, write_cached
    from ..corpus.paths import cache_dir

    key = _cache_key(corpus) if use_cache else None
    frame = read_cached(cache_dir(), "sentences", key) if key else None
    if frame is None or list(frame["doc_id"]) != [d.id for d in docs]:
        items = [(d.id, d.text) for d in docs]
        chunks = [items[i:i + _CHUNK] for i in range(0, len(items), _CHUNK)]
        jobs = n_jobs or os.cpu_count() or 1
        bar = {"total": len(chunks), "desc": "splitting sentences", "unit": f"×{_CHUNK} docs",
               "disable": not progress}
        if jobs > 1:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=jobs) as pool:
                rows = [r for part in tqdm(pool.map(_sentence_chunk, chunks), **bar)
                        for r in part]
        else:
            rows = [r for c in tqdm(chunks, **bar) for r in _sentence_chunk(c)]
        frame = pd.DataFrame(rows)
        if key:
            write_cached(frame, cache_dir(), "sentences", key, keep_latest=8)
    columns = [frame[c].tolist() for c in ("sent_starts", "sent_ends", "head_starts", "head_ends")]
    for doc, (s0, s1, h0, h1) in zip(docs, zip(*columns)):
        _SPANS[doc] = {False: tuple(zip(np.asarray(s0).tolist(), np.asarray(s1).tolist())),
                       True: tuple(zip(np.asarray(h0).tolist(), np.asarray(h1).tolist()))}
    return corpus
