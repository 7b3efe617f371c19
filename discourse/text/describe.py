"""What is in a corpus: per-document sizes and a summary (the ``discourse corpus`` verb).

>>> from discourse.corpus.documents import Corpus
>>> corp = Corpus.from_texts(["Cooperation, not confrontation.", "Balance."],
...                          meta={"country": ["SYR", "SYR"], "year": [2024, 2025]})
>>> stat_documents(corp)[["doc_id", "n_tokens"]].to_dict("records")
[{'doc_id': 'doc1', 'n_tokens': 3}, {'doc_id': 'doc2', 'n_tokens': 1}]
>>> summarize_corpus(corp)["year_max"]
2025
"""
from __future__ import annotations

import os

import pandas as pd
from tqdm.auto import tqdm

from ..corpus.documents import Corpus
from ..errors import EmptyInputError
from .tokens import count_tokens

__all__ = ["stat_documents", "stat_blocks", "summarize_corpus", "DOCUMENT_COLUMNS", "BLOCK_COLUMNS"]

#: Columns of :func:`stat_documents` (then the corpus's metadata columns).
DOCUMENT_COLUMNS = ["doc_id", "n_chars", "n_tokens", "n_paragraphs", "n_headings"]


def _document_counts(text: str) -> tuple[int, int, int, int]:
    from ..corpus.normalize import split_blocks

    blocks = split_blocks(text)
    body = [b for b in blocks if b.kind == "paragraph"]
    return (len(text), sum(count_tokens(text[b.start:b.end]) for b in body), len(body),
            sum(b.kind == "heading" for b in blocks))


#: Corpora of at least this many documents have their counts computed on all cores and cached.
CACHE_MIN_DOCUMENTS = 500


def stat_documents(corpus: Corpus, *, progress: bool = False, n_jobs: int | None = None,
                   use_cache: bool = True) -> pd.DataFrame:
    """One row per document: its size and its metadata.

    Columns: ``doc_id``; ``n_chars`` (characters of the normalised text); ``n_tokens`` (word
    tokens of the body, as :func:`discourse.tokenize` counts them); ``n_paragraphs`` (body
    paragraphs); ``n_headings``; then every metadata column of the corpus.

    Large corpora (:data:`CACHE_MIN_DOCUMENTS` documents or more) are counted in parallel
    (``n_jobs`` processes, default all cores) and the counts cached in the data directory,
    keyed by the corpus content and the tokeniser's and normaliser's versions.
    """
    texts = corpus.texts
    counts = None
    key = None
    if use_cache and len(texts) >= CACHE_MIN_DOCUMENTS:
        from ..corpus import normalize
        from . import tokens
        from ..corpus.cache import code_version, read_cached
        from ..corpus.paths import cache_dir

        key = f"documents|{corpus.content_hash()}|{code_version(normalize, tokens)}"
        cached = read_cached(cache_dir(), "documents", key)
        if cached is not None:
            counts = list(cached.itertuples(index=False, name=None))
    if counts is None:
        counts = _count_all(texts, progress=progress, n_jobs=n_jobs or os.cpu_count() or 1)
        if key is not None:
            from ..corpus.cache import write_cached
            from ..corpus.paths import cache_dir

            write_cached(pd.DataFrame(counts, columns=DOCUMENT_COLUMNS[1:]), cache_dir(),
                         "documents", key)
    table = pd.DataFrame(counts, columns=DOCUMENT_COLUMNS[1:])
    table.insert(0, "doc_id", corpus.ids)
    meta = corpus.meta.drop(columns="doc_id").reset_index(drop=True)
    return pd.concat([table, meta], axis=1)


def _count_all(texts: list[str], *, progress: bool, n_jobs: int) -> list[tuple]:
    if n_jobs <= 1 or len(texts) < CACHE_MIN_DOCUMENTS:
        return [_document_counts(t) for t in tqdm(texts, desc="counting", disable=not progress)]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=n_jobs) as pool:
        return list(tqdm(pool.map(_document_counts, texts, chunksize=64), total=len(texts),
                         desc="counting", disable=not progress))


def summarize_corpus(corpus: Corpus, *, progress: bool = False) -> dict:
    """A summary: documents, tokens, year range and counts per country / genre / outlet.

    Raises :class:`~discourse.errors.EmptyInputError` for a corpus without documents.
    """
    if len(corpus) == 0:
        raise EmptyInputError(f"The corpus {corpus.name or ''} has no documents (check the "
                              "source and its filters).")
    docs = stat_documents(corpus, progress=progress)
    out = {"name": corpus.name, "documents": int(len(docs)), "tokens": int(docs["n_tokens"].sum()),
           "characters": int(docs["n_chars"].sum())}
    years = pd.to_numeric(docs["year"], errors="coerce").dropna() if "year" in docs else pd.Series([])
    out["year_min"] = int(years.min()) if len(years) else None
    out["year_max"] = int(years.max()) if len(years) else None
    for column, key in (("country", "per_country"), ("genre", "per_genre"), ("outlet", "per_outlet")):
        if column in docs and docs[column].notna().any():
            counts = docs[column].dropna().value_counts()
            out[key] = {str(k): int(v) for k, v in sorted(counts.items())}
    return out


#: Columns of :func:`stat_blocks`.
BLOCK_COLUMNS = ["doc_id", "block", "kind", "start", "end", "n_tokens", "text"]


def stat_blocks(corpus: Corpus) -> pd.DataFrame:
    """One row per block (paragraph, heading, boilerplate, page furniture) of each document.

    Columns: ``doc_id``, ``block`` (position, from 0), ``kind``, ``start``/``end`` (offsets into
    ``Document.text``), ``n_tokens`` and ``text`` (the block itself).

    >>> from discourse.corpus.documents import Corpus
    >>> stat_blocks(Corpus.from_texts(["A heading\\n\\nThe body text."]))[["kind", "n_tokens"]].values.tolist()
    [['heading', 2], ['paragraph', 3]]
    """
    rows = [(doc.id, i, b.kind, b.start, b.end, count_tokens(doc.text[b.start:b.end]),
             doc.text[b.start:b.end])
            for doc in corpus for i, b in enumerate(doc.blocks)]
    return pd.DataFrame(rows, columns=BLOCK_COLUMNS)
