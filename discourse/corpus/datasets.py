"""Named data sets: the reference article, the project's ``corpus/`` and the Lee news corpus.

* :func:`load_article` — the opinion article the project is built around (Middle East
  Monitor, October 2025), kept in the project's ``corpus/`` folder with its metadata.
* :func:`load_articles` — every article in ``corpus/`` (users add their own there).
* :func:`load_lee` — a general-news baseline shipped inside gensim: the Lee corpus (Lee,
  Pincombe & Welsh 2005, "An empirical evaluation of models of text document similarity",
  CogSci), Australian Broadcasting Corporation news items, as installed with gensim in
  ``gensim/test/test_data/lee_background.cor`` (300 documents, one per line, UTF-8) and
  ``lee.cor`` (50 documents, Latin-1).
* :func:`discourse.load_ungdc` (in :mod:`discourse.corpus.ungdc`) — the UN General Debate Corpus.

>>> lee = load_lee()
>>> len(lee), lee.meta.loc[0, "genre"]
(300, 'news')
"""
from __future__ import annotations

import os
from pathlib import Path

from .documents import Corpus
from ..errors import InputError, ResourceError
from .normalize import decode_bytes, normalize_text
from .readers import read_folder

__all__ = ["load_article", "load_articles", "load_lee", "corpus_dir", "ARTICLE_ID", "CORPUS_ENV"]

ARTICLE_ID = "mem-2025-10-syria-balanced-diplomacy"
CORPUS_ENV = "DISCOURSE_CORPUS"
_LEE_FILES = {"background": ("lee_background.cor", "utf-8"), "test": ("lee.cor", "latin-1")}


def corpus_dir(path: str | os.PathLike | None = None) -> Path:
    """The folder of articles: ``path``, ``$DISCOURSE_CORPUS``, or the project's ``corpus/``."""
    if path is None:
        path = os.environ.get(CORPUS_ENV)
    if path is None:
        path = Path(__file__).resolve().parents[2] / "corpus"
        if not path.is_dir():
            raise ResourceError("The project's corpus/ folder was not found next to the package "
                                f"(installed outside a clone?); set {CORPUS_ENV} to a folder "
                                "of articles")
    path = Path(path)
    if not path.is_dir():
        raise InputError(f"{path}: not a folder of articles")
    return path


def load_articles(path: str | os.PathLike | None = None) -> Corpus:
    """Every article in the articles folder (see :func:`corpus_dir`), with its metadata."""
    return read_folder(corpus_dir(path), name="articles")


def load_article(path: str | os.PathLike | None = None) -> Corpus:
    """The reference article alone, as a one-document corpus.

    >>> art = load_article()
    >>> art.ids, art.meta.loc[0, "outlet"]
    (['mem-2025-10-syria-balanced-diplomacy'], 'Middle East Monitor')
    """
    articles = load_articles(path)
    if ARTICLE_ID not in articles.ids:
        raise ResourceError(f"{corpus_dir(path)}: the reference article {ARTICLE_ID}.txt is "
                            "missing")
    return articles.subset(doc_id=ARTICLE_ID)


def load_lee(part: str = "background") -> Corpus:
    """The Lee news corpus shipped in gensim's test data, as a general-news baseline.

    Parameters
    ----------
    part : {"background", "test", "all"}, default="background"
        ``background``: the 300 documents of ``lee_background.cor``; ``test``: the 50 of
        ``lee.cor``; ``all``: both (350).
    """
    from gensim.test.utils import datapath

    from .._validation import check_choice

    check_choice("part", part, ["background", "test", "all"], "load_lee")
    parts = ["background", "test"] if part == "all" else [part]
    frames = []
    for name in parts:
        filename, encoding = _LEE_FILES[name]
        path = datapath(filename)
        text = decode_bytes(Path(path).read_bytes(), path=path, encoding=encoding)
        lines = [line for line in text.splitlines() if line.strip()]
        frames.append(Corpus.from_texts(
            [normalize_text(line) for line in lines],
            ids=[f"lee_{name}_{i + 1:03d}" for i in range(len(lines))],
            meta={"source": "lee", "genre": "news", "language": "en",
                  "outlet": "Australian Broadcasting Corporation",
                  "file": f"gensim/test/test_data/{filename}",
                  "part": [name] * len(lines)}))
    return Corpus.concat(frames, name=f"lee:{part}") if len(frames) > 1 else \
        Corpus(frames[0].to_frame(), name=f"lee:{part}")
