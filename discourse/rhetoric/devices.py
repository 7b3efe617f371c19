"""Rhetorical devices, each detection with its evidence: sentence, offsets, matched parts.

Seven detectors, tuned for precision over recall (``docs/rhetoric.md`` says what each one
misses), following the definitions of the annotation guidelines (``docs/annotation.md``) where
they have one. They read the body sentences of the analysed document
(:func:`discourse.text.parsed.parse`; headings left out) on the length-preserving typography
fold, so every offset points into ``Document.text``. Phrase shapes are judged with closed-class
word lists (:mod:`discourse.rhetoric.phrases`).

contrast (:mod:`~discourse.rhetoric.contrasts`)
    One alternative rejected, the other affirmed; ``kind`` ``antithesis`` (*X, not Y*; *not X
    but Y*; *X and not Y*), ``instead`` (*Y instead of X*; *Instead of X, Y*; *X. Instead, Y*;
    *Y … instead*), ``rather_than`` (*Y rather than X*; *Rather than X, Y*) or ``correction``
    (*We are not here to X — we are here to Y*); ``rejected`` says which part is denied.
concession (:mod:`~discourse.rhetoric.concessions`)
    Two clauses set against each other by *while, whereas, although, though, even though, but,
    yet, however, despite, in spite of, even as, nevertheless, nonetheless, still*: ``key`` the
    marker, ``kind`` its class, ``conceded`` the part conceded.
balanced_pair (:mod:`~discourse.rhetoric.pairs`)
    *both X and Y*, *neither X nor Y*, *either X or Y*, *not only X but also Y*.
tricolon (:mod:`~discourse.rhetoric.series`)
    ``A, B(,) and|or C``: exactly three items of the same shape.
anaphora, epistrophe (:mod:`~discourse.rhetoric.repetition`)
    Successive sentences, clauses or phrases opening (ending) with the same words; ``kind``
    is the unit (``sentence``, ``clause``, ``phrase``).
rhetorical_question
    A body sentence ending in ``?``, in a text that is not a dialogue (no two paragraphs open
    with a speaker label such as ``Q:`` or ``Name:``), and not itself quoted (no quotation mark
    left open before its ``?``). ``pattern`` is ``"hypophora"`` when the next sentence of the
    paragraph answers it (opens with *No, Yes, Of course, Certainly, Because, The answer ...*),
    else ``"question"``; ``part_b`` is that answer.

Every row carries its parts as text and as offsets, and a bounded ``context`` (the sentence,
or at most :data:`CONTEXT_CHARS` characters on each side of the match within it), so the
table grows linearly with the text even for a run-on sentence of many detections: the whole
sentence is ``doc.text[sentence_start:sentence_end]``.

>>> t = detect_devices("We chose cooperation, not confrontation.")
>>> t[["device", "kind", "pattern", "part_a", "part_b", "rejected"]].values.tolist()
[['contrast', 'antithesis', 'X, not Y', 'cooperation', 'confrontation', 'b']]
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from .._validation import check_choice
from ..corpus.documents import Document, as_corpus
from .phrases import Found, SentenceView, closed_class

__all__ = ["detect_devices", "stat_devices", "closed_class", "DEVICES", "DEVICE_COLUMNS",
           "DEVICE_KINDS", "device_columns", "CONTEXT_CHARS"]

#: The detectors, in table order.
DEVICES = ("contrast", "concession", "balanced_pair", "tricolon", "anaphora", "epistrophe",
           "rhetorical_question")
#: The kinds of each device that :func:`stat_devices` counts separately.
DEVICE_KINDS = {"contrast": ("antithesis", "instead", "rather_than", "correction")}
#: Characters of context kept on each side of a match inside a long sentence.
CONTEXT_CHARS = 200
#: Columns of :func:`detect_devices`: one row per detection. ``kind`` is the device's variety
#: (contrast: antithesis, instead, rather_than, correction; concession: subordinating,
#: coordinating, adverbial; balanced_pair: both, neither, either, not_only; tricolon: word,
#: phrase; anaphora and epistrophe: sentence, clause, phrase; rhetorical_question: question,
#: hypophora); ``pattern`` names the frame; ``key`` the repeated words (anaphora, epistrophe)
#: or the marker (concession). ``sentence`` is the index of the (first) sentence in the
#: document's body sentences, ``sentence_start``/``sentence_end`` the offsets of the
#: sentence(s) involved; ``start``/``end`` the offsets of ``match``
#: (``doc.text[start:end] == match``); ``part_a``, ``part_b``, ``part_c`` the matched parts
#: (empty string when a device has fewer) with their offsets ``part_*_start``/``part_*_end``
#: (-1 when absent); ``n_parts`` how many parts the detection has (anaphora: all its units);
#: ``rejected`` (contrast) and ``conceded`` (concession) the part, ``"a"`` or ``"b"`` (empty
#: otherwise); ``context`` the sentence(s), cut to :data:`CONTEXT_CHARS` characters on each
#: side of the match (with "…") when longer.
DEVICE_COLUMNS = ["doc_id", "device", "kind", "pattern", "key", "sentence", "sentence_start",
                  "sentence_end", "start", "end", "match", "part_a", "part_b", "part_c",
                  "part_a_start", "part_a_end", "part_b_start", "part_b_end", "part_c_start",
                  "part_c_end", "n_parts", "rejected", "conceded", "context"]
_INT_COLUMNS = ["sentence", "sentence_start", "sentence_end", "start", "end", "part_a_start",
                "part_a_end", "part_b_start", "part_b_end", "part_c_start", "part_c_end",
                "n_parts"]

_ANSWER = re.compile(r"^\W*(no|yes|of course|certainly|surely not|because|the answer|never|"
                     r"absolutely|not at all|indeed|clearly)\b", re.IGNORECASE)
_SPEAKER_LABEL = re.compile(r"^(?:Q|A|Question|Answer|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})\s?:\s")
_CONTRAST_BUTS = ("not X but Y", "X, but not Y", "X but not Y")


def _rhetorical_questions(sentences, folded, doc) -> list[Found]:
    if sum(1 for b in doc.body_blocks() if _SPEAKER_LABEL.match(folded[b.start:b.end])) >= 2:
        return []
    found = []
    for idx, s in enumerate(sentences):
        if not s.words:
            continue
        tail = folded[s.spans[-1][1]:s.end]  # the punctuation after the last word
        text_end = s.spans[-1][1] + len(tail.rstrip())
        stripped = tail.rstrip().rstrip("\"')]")
        if not stripped.endswith("?"):
            continue
        body = folded[s.start:s.spans[-1][1] + len(stripped)]
        if body.count('"') % 2 == 1 or '"' in tail.rstrip()[len(stripped):]:
            continue
        pattern, answer = "question", None
        nxt = sentences[idx + 1] if idx + 1 < len(sentences) else None
        if nxt is not None and nxt.words and "\n" not in folded[s.end:nxt.start] and \
                "?" not in folded[nxt.spans[-1][1]:nxt.end] and \
                _ANSWER.match(folded[nxt.start:min(nxt.end, nxt.start + 40)]):
            pattern, answer = "hypophora", (nxt.start, nxt.end)
        parts = [(s.start, text_end)] + ([answer] if answer else [])
        found.append(Found(pattern, pattern, "", s.start, text_end, parts, idx,
                           idx + 1 if answer else idx))
    return found


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------

def _check_devices(devices, func):
    if devices is None:
        return list(DEVICES)
    if isinstance(devices, str):
        devices = [devices]
    for d in devices:
        check_choice("devices", d, DEVICES, func)
    return list(devices)


def _paragraph_starts(sentences, folded) -> frozenset[int]:
    return frozenset(i for i in range(1, len(sentences))
                     if "\n" in folded[sentences[i - 1].end:sentences[i].start])


def _context(text, s0, s1, start, end) -> str:
    if s1 - s0 <= 2 * CONTEXT_CHARS + (end - start):
        return text[s0:s1]
    a, b = max(s0, start - CONTEXT_CHARS), min(s1, end + CONTEXT_CHARS)
    return ("…" if a > s0 else "") + text[a:b] + ("…" if b < s1 else "")


def _doc_rows(doc: Document, devices) -> tuple[list, int, int]:
    from ..text.parsed import parse

    parsed = parse(doc)
    folded = parsed.folded
    sentences = [SentenceView(i, a, b, parsed) for i, (a, b) in enumerate(parsed.sentences)]
    rows = []
    text = doc.text

    def add(device, f: Found):
        parts = list(f.parts[:3])
        ps = [text[a:b] for a, b in parts] + [""] * (3 - len(parts))
        offs = [x for a, b in parts for x in (a, b)] + [-1, -1] * (3 - len(parts))
        s0, s1 = sentences[f.first].start, sentences[f.last].end
        rows.append((doc.id, device, f.kind, f.pattern, f.key, f.first, s0, s1, f.start, f.end,
                     text[f.start:f.end], *ps, *offs, f.n_parts, f.rejected, f.conceded,
                     _context(text, s0, s1, f.start, f.end)))

    contrasts = []
    if "contrast" in devices or "concession" in devices:
        from .contrasts import find_contrasts

        contrasts = find_contrasts(sentences, _paragraph_starts(sentences, folded))
    if "contrast" in devices:
        for f in contrasts:
            add("contrast", f)
    if "concession" in devices:
        from .concessions import find_concessions

        # the *but* of a contrast lies between its two parts (not a marker inside X: "It is
        # not our intention, however, to X but rather to Y" keeps its *however*)
        taken = [(f.parts[0][1], f.parts[1][0]) for f in contrasts
                 if f.pattern in _CONTRAST_BUTS]
        for f in find_concessions(sentences, taken):
            add("concession", f)
    if "balanced_pair" in devices:
        from .pairs import find_pairs

        for f in find_pairs(sentences):
            add("balanced_pair", f)
    if "tricolon" in devices:
        from .series import find_tricolons

        for f in find_tricolons(sentences, _paragraph_starts(sentences, folded)):
            add("tricolon", f)
    if "anaphora" in devices:
        from .repetition import find_anaphora

        for f in find_anaphora(sentences):
            add("anaphora", f)
    if "epistrophe" in devices:
        from .repetition import find_epistrophe

        for f in find_epistrophe(sentences, folded):
            add("epistrophe", f)
    if "rhetorical_question" in devices:
        for f in _rhetorical_questions(sentences, folded, doc):
            add("rhetorical_question", f)
    n_tokens = sum(len(s.words) for s in sentences)
    return rows, n_tokens, len(sentences)


def detect_devices(document_or_corpus, *, devices=None, progress: bool = False) -> pd.DataFrame:
    """Every detection of the rhetorical devices, with its evidence.

    Parameters
    ----------
    document_or_corpus : Document, Corpus or str
        A bare string becomes a document with id ``"text"``.
    devices : str or list of str, optional
        Subset of :data:`DEVICES` (default: all).
    progress : bool, default=False

    Returns
    -------
    DataFrame
        :data:`DEVICE_COLUMNS`, one row per detection, sorted by document, offset, device.

    Examples
    --------
    >>> t = detect_devices("We need peace, security and development.", devices=["tricolon"])
    >>> t[["part_a", "part_b", "part_c", "start", "end"]].values.tolist()
    [['peace', 'security', 'development', 8, 39]]
    >>> t = detect_devices("The plan is costly, but it will save lives.", devices="concession")
    >>> t[["key", "part_a", "part_b", "conceded"]].values.tolist()
    [['but', 'The plan is costly', 'it will save lives', 'a']]
    """
    devs = _check_devices(devices, "detect_devices")
    rows = []
    for doc in tqdm(list(as_corpus(document_or_corpus, "detect_devices")), desc="devices",
                    disable=not progress):
        rows.extend(_doc_rows(doc, devs)[0])
    table = pd.DataFrame(rows, columns=DEVICE_COLUMNS)
    if len(table):
        order = {d: i for i, d in enumerate(DEVICES)}
        table = (table.assign(_o=table["device"].map(order))
                 .sort_values(["doc_id", "start", "_o", "end"], kind="stable")
                 .drop(columns="_o").reset_index(drop=True))
    return table.astype({c: "int64" for c in _INT_COLUMNS})


def device_columns(devices=DEVICES) -> list[str]:
    """Columns of :func:`stat_devices` for the given devices: counts and rates of each device
    and, after a device's own two, of each of its :data:`DEVICE_KINDS`.

    >>> device_columns(["tricolon"])
    ['doc_id', 'n_tokens', 'n_sentences', 'tricolon_count', 'tricolon_per_1k']
    >>> device_columns(["contrast"])[3:7]
    ['contrast_count', 'contrast_per_1k', 'contrast_antithesis_count', 'contrast_antithesis_per_1k']
    """
    cols = ["doc_id", "n_tokens", "n_sentences"]
    for d in devices:
        cols += [f"{d}_count", f"{d}_per_1k"]
        for k in DEVICE_KINDS.get(d, ()):
            cols += [f"{d}_{k}_count", f"{d}_{k}_per_1k"]
    return cols


def stat_devices(corpus, *, devices=None, progress: bool = False) -> pd.DataFrame:
    """Per-document counts and rates per 1,000 words of each rhetorical device.

    Parameters
    ----------
    corpus : Corpus, Document or str
    devices : str or list of str, optional
        Subset of :data:`DEVICES` (default: all).
    progress : bool, default=False

    Returns
    -------
    DataFrame
        :func:`device_columns`: ``doc_id``, ``n_tokens`` (word tokens of the body sentences),
        ``n_sentences``, ``<device>_count`` and ``<device>_per_1k`` (NaN for a document
        without tokens), and the same for each contrast kind (``contrast_instead_count``
        ...). The detections behind the counts are :func:`detect_devices`.

    Examples
    --------
    >>> t = stat_devices("Cooperation, not confrontation.", devices=["contrast"])
    >>> cols = ["n_tokens", "contrast_count", "contrast_per_1k", "contrast_instead_count"]
    >>> t[cols].values.tolist()
    [[3.0, 1.0, 333.3333333333333, 0.0]]
    """
    devs = _check_devices(devices, "stat_devices")
    out = []
    for doc in tqdm(list(as_corpus(corpus, "stat_devices")), desc="devices", disable=not progress):
        rows, n_tokens, n_sentences = _doc_rows(doc, devs)
        rec = {"doc_id": doc.id, "n_tokens": n_tokens, "n_sentences": n_sentences}

        def rate(count):
            return 1000.0 * count / n_tokens if n_tokens else np.nan

        for d in devs:
            count = sum(1 for r in rows if r[1] == d)
            rec[f"{d}_count"], rec[f"{d}_per_1k"] = count, rate(count)
            for k in DEVICE_KINDS.get(d, ()):
                count = sum(1 for r in rows if r[1] == d and r[2] == k)
                rec[f"{d}_{k}_count"], rec[f"{d}_{k}_per_1k"] = count, rate(count)
        out.append(rec)
    return pd.DataFrame(out, columns=device_columns(devs))
