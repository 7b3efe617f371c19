"""Who says what: quotations and reported speech with their speakers resolved to actors.

:func:`find_quotes` takes the quotations and reported clauses that
:func:`discourse.rhetoric.reported.quote_spans` finds in the text (direct quotations in
quotation marks; *X said/told/noted/announced/warned (that) …*; *according to X, …*;
postposed *…, a spokesman said*; the running speaker of quotations continued across sentences)
and resolves each speaker through the gazetteer:

* a **person** named in the reporting clause (``Russian President Vladimir Putin``,
  ``Mr Arafat`` → the full name the text gives, ``Yasser Arafat``) is the gazetteer actor
  whose alias is in that name (``putin``); a person the gazetteer does not know has no
  ``actor_id`` and the ``speaker_actor`` ``other:<name>`` (``other:ariel_sharon``), the
  convention of ``docs/annotation.md`` §1 — a demonym or office before the name ("Israeli
  Prime Minister") does not make the state the speaker;
* a **body or group** (``the Kremlin``, ``a spokesman for the Israeli army``, ``Pakistani
  police``) is the first gazetteer actor named in the phrase (``RUS``, ``ISR``, ``PAK``): a
  spokesman, official or statement speaks for its organisation; without one, ``other:<the
  phrase>`` (``other:witnesses``);
* a **pronoun** takes the actor of the speaker it was resolved to (``he`` after *Putin said*
  → ``putin``); one that could not be resolved with confidence is ``unknown``.

>>> import discourse
>>> from discourse.corpus.documents import Corpus
>>> news = Corpus.from_texts(['MOSCOW, Oct 15 (Reuters) - Russian President Vladimir Putin '
...     'said the talks would address security. "We respect Syria\\'s choice," he said.'])
>>> find_quotes(news)[["kind", "text", "speaker", "actor_id", "cue"]].values.tolist()
[['reported', 'the talks would address security', 'Russian President Vladimir Putin', 'putin', 'said'], ['direct', "We respect Syria's choice", 'he', 'putin', 'said']]
"""
from __future__ import annotations

import re
from functools import cache

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from .._validation import check_choice
from ..corpus.documents import as_corpus
from ..errors import InputError
from ..rhetoric.reported import QUOTE_SPAN_COLUMNS, quote_spans, words_covered
from ..text.parsed import PIECE_RE, parse
from .gazetteer import BLOCKED, gazetteer_or_default
from .references import author_actor, load_descriptions, name_id, phrase_words

__all__ = ["find_quotes", "stat_quotes", "attribute_stance", "QUOTE_COLUMNS",
           "QUOTE_STAT_COLUMNS", "ATTRIBUTED_STANCE_COLUMNS", "speaker_id"]

#: Columns of :func:`find_quotes`: those of
#: :data:`~discourse.rhetoric.reported.QUOTE_SPAN_COLUMNS` and ``actor_id``, ``actor_name``
#: (the gazetteer actor of the speaker, "" when the gazetteer does not know them) and
#: ``speaker_actor`` (the annotation value: the actor id, ``other:<name>`` or ``unknown``).
QUOTE_COLUMNS = ["doc_id", "start", "end", "text", "kind", "speaker_start", "speaker_end",
                 "speaker", "speaker_name", "speaker_kind", "actor_id", "actor_name",
                 "speaker_actor", "cue", "rule", "sentence"]
#: Columns of :func:`attribute_stance`: the stance markers' columns and ``speaker_actor``.
ATTRIBUTED_STANCE_COLUMNS = ["doc_id", "category", "entry", "match", "start", "end", "sentence",
                             "attributed_to", "speaker_actor"]
#: Columns of :func:`stat_quotes`.
QUOTE_STAT_COLUMNS = ["doc_id", "speaker_actor", "actor_id", "actor_name", "n_quotes",
                      "n_direct", "n_reported", "n_words_quoted", "n_words",
                      "share_words_quoted"]


def speaker_id(name: str) -> str:
    """The ``other:`` value of a speaker the gazetteer lacks: the name in lower-case ASCII
    words joined by ``_`` (``docs/annotation.md`` §1).

    >>> speaker_id("Ariel Sharon"), speaker_id("Recep Tayyip Erdoğan's office")
    ('other:ariel_sharon', 'other:recep_tayyip_erdogan_s_office')
    """
    return name_id(name)


def _mentions(text: str, idx: dict) -> list[tuple[int, int, str]]:
    """Gazetteer mentions in a short text: ``(start, end, actor_id)``, longest match first
    (the rule of :func:`discourse.actors.mentions.find_mentions`), blocked phrases dropped."""
    from ..corpus.normalize import fold_typography

    toks = [(m.group(), m.start(), m.end()) for m in PIECE_RE.finditer(fold_typography(text))]
    words = [t[0] for t in toks]
    lower = [w.casefold() for w in words]
    cands = []
    for i, w in enumerate(words):
        if w not in idx["cs_first"] and lower[i] not in idx["ci_first"]:
            continue
        for length in range(min(idx["max_len"], len(words) - i), 0, -1):
            hit = idx["cs"].get(tuple(words[i:i + length])) or \
                idx["ci"].get(tuple(lower[i:i + length]))
            if hit is not None:
                cands.append((toks[i][1], toks[i + length - 1][2], hit[0]))
                break
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    kept = []
    for c in cands:
        if not any(c[0] < k[1] and k[0] < c[1] for k in kept):
            kept.append(c)
    return sorted(k for k in kept if k[2] != BLOCKED)


_SPOKES = re.compile(r"\b(?:spokes(?:man|woman|men|women|person|people)|official|officials|"
                     r"statement|envoy|ambassador|representative|delegation|ministry|army|"
                     r"military|forces|troops|police|embassy|government|office|agency)\b", re.I)
_DEMONYM = re.compile(r"[A-Z]\w+(?:ian|ean|ese|ish|i|an)$")


def _descriptive(doc_text: str, phrase: str) -> str | None:
    """The person a descriptive reference names elsewhere in the document: "the Palestinian
    leader" -> "Yasser Arafat" when the text writes "Palestinian leader Yasser Arafat"."""
    from ..rhetoric.reported import _person_runs

    words = phrase.split()
    if words and words[0].lower() in ("the", "a"):
        words = words[1:]
    if not words or not all(w[0].isupper() or w.islower() for w in words):
        return None
    pat = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words) +
                     r"\s+((?:[A-Z][\w'\-]*\s+){0,3}[A-Z][\w'\-]*)")
    names = set()
    for m in pat.finditer(doc_text):
        runs = _person_runs(m.group(1))
        if runs:
            names.add(" ".join(runs[0]))
    return names.pop() if len(names) == 1 else None


_APPOSITION = re.compile(r",\s+((?:the|a|an)\s+[^,.;:\"]{1,60}?),\s")


def _apposition(text: str, row) -> str:
    """The office in apposition after a named speaker ("Peskov, the Kremlin spokesman,
    said"), with a space before it, or "": the body a spokesman or official speaks for."""
    if row.speaker_kind not in ("person", "name") or row.speaker_end < 0:
        return ""
    m = _APPOSITION.match(text, int(row.speaker_end))
    return " " + m.group(1) if m and _SPOKES.search(m.group(1)) else ""


@cache
def _author_phrases() -> frozenset:
    """The descriptive references that name the author ("my delegation", "our Government")."""
    return frozenset(words for words, kind in load_descriptions() if kind == "author")


def _resolve(row, phrase: str, gaz, idx, known: dict, doc) -> tuple[str, str]:
    """``(actor_id, speaker_actor)`` of one quotation's speaker."""
    name, kind = row.speaker_name, row.speaker_kind
    if kind == "author":
        author = str(doc.meta.get("country", "") or "")
        return (author, author) if author and author in gaz._by_id() else ("", "unknown")
    if kind == "none" or not name:
        return "", "unknown"
    info = gaz._by_id()
    if kind in ("person", "name"):
        whole = _mentions(row.speaker, idx)
        if len(whole) == 1 and whole[0][0] == 0 and whole[0][1] >= len(row.speaker) - 1 and \
                info[whole[0][2]]["type"] != "leader":
            return whole[0][2], whole[0][2]  # "Ireland declared": the name as written, not a
            # longer name the document gives elsewhere ("Northern Ireland")
        hits = whole if name == row.speaker else _mentions(name, idx)
        leaders = [h for h in hits if info[h[2]]["type"] == "leader"]
        if leaders:
            return leaders[0][2], leaders[0][2]
        if kind == "name" or (hits and hits[0][1] - hits[0][0] >= len(name) - 1):
            if hits:
                return hits[0][2], hits[0][2]
        if phrase and _SPOKES.search(phrase) and phrase != name:
            # a named spokesman or official speaks for the body named with them
            hits = [h for h in _mentions(phrase, idx) if info[h[2]]["type"] != "leader"]
            if hits:
                return hits[0][2], hits[0][2]
        if name in known:
            return known[name]
        return "", speaker_id(name)
    # "My delegation", "our Government" (descriptions.csv, refers_to author): the author
    if phrase_words(row.speaker) in _author_phrases():
        author = author_actor(doc, gaz)
        if author:
            return author, author
    # a body or a group, or a descriptive reference to a person named elsewhere
    person = _descriptive(doc.text, phrase) if phrase else None
    if person:
        hits = [h for h in _mentions(person, idx) if info[h[2]]["type"] == "leader"]
        return (hits[0][2], hits[0][2]) if hits else ("", speaker_id(person))
    m = re.match(r"(?:the\s+)?[\w.\-]+(?:\s+[A-Z][\w.\-]*)*'s?\s+([A-Z].*)$", phrase, re.I)
    if m and not _SPOKES.search(m.group(1)):
        # "Australia's Commonwealth Bank": the body named, not its country
        head = m.group(1)
        hits = _mentions(head, idx)
        return (hits[0][2], hits[0][2]) if hits else ("", speaker_id(head))
    hits = _mentions(phrase, idx) or _mentions(name, idx)
    if hits:
        return hits[0][2], hits[0][2]
    words = [w for w in name.split() if not _DEMONYM.match(w)]
    if words and words[0][:1].isupper():
        return "", speaker_id(name)  # a named body the gazetteer lacks
    # "officials", "Kurdish officials", "a staff member at the college": who, the text does
    # not say
    return "", "unknown"


def find_quotes(data, gazetteer=None, *, progress: bool = False) -> pd.DataFrame:
    """Every quotation and reported clause, with its speaker and the speaker's actor.

    Parameters
    ----------
    data : Corpus, Document or str
    gazetteer : Gazetteer, path or None, default=None
        None: the shipped gazetteer; a path: the shipped one extended with that user file.
    progress : bool, default=False

    Returns
    -------
    DataFrame
        :data:`QUOTE_COLUMNS`, one row per quotation or reported clause, in text order:
        ``start``/``end`` the quoted or reported content (without quotation marks, *that*
        and final punctuation), ``kind`` (``direct`` or ``reported``), the speaker as written
        (``speaker_start``, ``speaker_end``, ``speaker``; -1, -1, "" when none), the speaker
        resolved (``speaker_name``, ``speaker_kind``), its gazetteer actor (``actor_id``,
        ``actor_name``; "" when the gazetteer does not know the speaker), ``speaker_actor``
        (actor id, ``other:<name>`` or ``unknown``), the reporting verb (``cue``), the
        pattern (``rule``) and the body sentence (``sentence``).

    See Also
    --------
    stat_quotes : counts and shares of quoted words per document and speaker.
    discourse.rhetoric.reported.quote_spans : the same without the gazetteer.

    Examples
    --------
    >>> t = find_quotes("The Kremlin said the visit would deepen ties.")
    >>> t[["speaker", "actor_id", "actor_name"]].values.tolist()
    [['The Kremlin', 'RUS', 'Russia']]
    """
    corpus = as_corpus(data, "find_quotes")
    gaz = gazetteer_or_default(gazetteer)
    idx = gaz.index()
    info = gaz._by_id()
    parts = []
    for doc in tqdm(corpus, total=len(corpus), desc="quotes", disable=not progress):
        spans = quote_spans(doc)
        ids, others = [], []
        known: dict = {}
        for row in spans.itertuples(index=False):
            if row.speaker_kind in ("person", "name", "pronoun") and row.speaker_name in known \
                    and row.speaker != row.speaker_name and not _SPOKES.search(row.speaker):
                actor, other = known[row.speaker_name]  # a pronoun: its antecedent's actor
            else:
                actor, other = _resolve(row, row.speaker + _apposition(doc.text, row), gaz,
                                        idx, known, doc)
            if row.speaker_name and row.speaker_kind in ("person", "name", "group"):
                known.setdefault(row.speaker_name, (actor, other))
            ids.append(actor)
            others.append(other)
        spans["actor_id"] = ids
        spans["actor_name"] = [info[a]["name"] if a else "" for a in ids]
        spans["speaker_actor"] = others
        parts.append(spans)
    if not parts:
        return pd.DataFrame(columns=QUOTE_COLUMNS)
    table = pd.concat(parts, ignore_index=True)
    return table[QUOTE_COLUMNS]


def stat_quotes(data, gazetteer=None, *, level: str = "document") -> pd.DataFrame:
    """Quotations per document, or per document and speaker: counts and the share of the
    document's words they quote or report.

    Parameters
    ----------
    data : Corpus, Document, str, or the table of :func:`find_quotes`
        A table needs the corpus to count words, so give the corpus itself.
    gazetteer : Gazetteer, path or None, default=None
    level : {"document", "speaker"}, default="document"
        ``document``: one row per document (``speaker_actor`` = ``all``); ``speaker``: one
        row per document and ``speaker_actor``.

    Returns
    -------
    DataFrame
        :data:`QUOTE_STAT_COLUMNS`: ``n_quotes`` (``n_direct`` + ``n_reported``),
        ``n_words_quoted`` (body words inside the quoted or reported content, overlaps counted
        once), ``n_words`` (body words of the document) and ``share_words_quoted``
        (``n_words_quoted / n_words``; NaN for a document without words).

    Examples
    --------
    >>> t = stat_quotes('Officials said the talks would resume. "We are ready," Lavrov said.')
    >>> t[["n_quotes", "n_direct", "n_words_quoted", "n_words"]].values.tolist()
    [[2, 1, 7, 11]]
    """
    check_choice("level", level, ("document", "speaker"), "stat_quotes")
    if isinstance(data, pd.DataFrame):
        raise InputError("stat_quotes counts words of the documents: give the Corpus or "
                         "Document (it finds the quotes itself), not a table.")
    corpus = as_corpus(data, "stat_quotes")
    quotes = find_quotes(corpus, gazetteer)
    rows = []
    for doc in corpus:
        parsed = parse(doc)
        n_words = sum(j - i for i, j in parsed.body_word_ranges)
        q = quotes[quotes["doc_id"] == doc.id]
        groups = [("all", "", "", q)] if level == "document" else [
            (k, g["actor_id"].iloc[0], g["actor_name"].iloc[0], g)
            for k, g in q.groupby("speaker_actor", sort=True)]
        for key, actor, name, g in groups:
            quoted = words_covered(parsed, zip(g["start"], g["end"]))
            rows.append((doc.id, key, actor, name, len(g), int((g["kind"] == "direct").sum()),
                         int((g["kind"] == "reported").sum()), quoted, n_words,
                         quoted / n_words if n_words else np.nan))
    table = pd.DataFrame(rows, columns=QUOTE_STAT_COLUMNS)
    return table.astype({c: "int64" for c in ("n_quotes", "n_direct", "n_reported",
                                              "n_words_quoted", "n_words")})


def attribute_stance(data, gazetteer=None, *, categories=None) -> pd.DataFrame:
    """Stance markers with the actor they belong to: ``author``, or the quoted speaker's actor.

    Parameters
    ----------
    data : Corpus, Document or str
    gazetteer : Gazetteer, path or None, default=None
    categories : list of str, optional
        Stance categories (default: all; see :func:`discourse.rhetoric.stance.stance_markers`).

    Returns
    -------
    DataFrame
        :data:`ATTRIBUTED_STANCE_COLUMNS`: the markers of
        :func:`~discourse.rhetoric.stance.stance_markers` and ``speaker_actor``: ``author`` for
        the author's markers, else the ``speaker_actor`` of the innermost quotation or reported
        clause holding the marker (:func:`find_quotes`: an actor id, ``other:<name>`` or
        ``unknown``), the value ``docs/annotation.md`` §6 calls ``attributed_to``.

    Examples
    --------
    >>> t = attribute_stance('Perhaps it rains. "It may well rain," Putin said.',
    ...                      categories=["hedges"])
    >>> t[["match", "attributed_to", "speaker_actor"]].values.tolist()
    [['Perhaps', 'author', 'author'], ['may', 'Putin', 'putin']]
    """
    from ..rhetoric.stance import stance_markers

    corpus = as_corpus(data, "attribute_stance")
    markers = stance_markers(corpus, categories=categories)
    quotes = find_quotes(corpus, gazetteer)
    quotes = quotes[quotes["speaker_kind"] != "author"]
    by_doc = {d: g for d, g in quotes.groupby("doc_id", sort=False)}
    actors = []
    for row in markers.itertuples(index=False):
        actor = "author"
        if row.attributed_to != "author" and row.doc_id in by_doc:
            g = by_doc[row.doc_id]
            inside = g[(g["start"] <= row.start) & (row.end <= g["end"])]
            if len(inside):
                inner = inside.iloc[int(np.argmin((inside["end"] - inside["start"]).to_numpy()))]
                actor = inner["speaker_actor"]
            else:
                actor = "unknown"
        actors.append(actor)
    return markers.assign(speaker_actor=actors)[ATTRIBUTED_STANCE_COLUMNS]
