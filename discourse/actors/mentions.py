"""Actors in a text: mentions, counts, co-occurrence, tone and roles.

Mentions are found with the gazetteer (:mod:`discourse.actors.gazetteer`) sentence by sentence
(:func:`discourse.text.sentences.sentence_spans`; headings included by default, because a heading
such as "Balancing between Türkiye and the Arab states" is part of what a text names; the
closing boilerplate and page furniture are left out). Matching is on tokens (runs of letters
and digits, and single punctuation marks, after the typographic fold), so ``Syria’s``,
``Syrian-Russian`` and ``Russia's`` expose ``Syria``, ``Syrian`` and ``Russia``.

**Longest match wins**: every alias that matches at a token position is a candidate; the
candidates are taken longest first (in characters; ties: leftmost first) and a candidate that
overlaps one already taken is dropped. "Gulf Arab states" is therefore one mention of the
Gulf states, not also one of the Arab states; "Syrian Arab Republic" is Syria, not the Arab
states. Blocked phrases (gazetteer actor ``_none``: "Middle East", "West Bank", "Paris
Agreement") take part and are then dropped, so "East" in "Middle East" names no one.

A text that names no actor gives an empty table (with its columns), never an error.

>>> from discourse.corpus.documents import Corpus
>>> corp = Corpus.from_texts(["The Gulf Arab states met Russian officials in Moscow."], ids=["d"])
>>> find_mentions(corp)[["actor_id", "alias", "start", "end"]].values.tolist()
[['gulf_states', 'Gulf Arab states', 4, 20], ['RUS', 'Russian', 25, 32], ['RUS', 'Moscow', 46, 52]]
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_choice, check_range
from ..corpus.documents import Corpus, as_corpus
from ..errors import InputError
from .gazetteer import Gazetteer, gazetteer_or_default
from .matching import MENTION_COLUMNS, _scan
from ..text.parsed import parse

__all__ = ["find_mentions", "stat_mentions", "stat_cooccurrence", "find_roles",
           "stat_actor_tone", "MENTION_COLUMNS", "MENTION_COUNT_COLUMNS", "COOCCURRENCE_COLUMNS",
           "ROLE_COLUMNS", "ACTOR_TONE_COLUMNS"]

MENTION_COUNT_COLUMNS = ["by", "group", "actor_id", "actor_name", "type", "count", "share",
                         "n_sentences", "n_docs"]
COOCCURRENCE_COLUMNS = ["by", "group", "actor_a", "actor_b", "name_a", "name_b", "count", "unit",
                        "window"]
ROLE_COLUMNS = [*MENTION_COLUMNS, "role", "cue"]
ACTOR_TONE_COLUMNS = ["by", "group", "actor_id", "actor_name", "type", "n_mentions", "n_sentences",
                      "tone", "tone_low", "tone_high", "n_eval_words", "eval_valence",
                      "eval_words", "n_agent", "n_target"]



# ---------------------------------------------------------------------------------------------
# input handling
# ---------------------------------------------------------------------------------------------

def _group_labels(corpus: Corpus, by: str | None, func: str) -> dict[str, str]:
    """doc_id -> group label for ``by`` = "document", a metadata column, or None ("all")."""
    if by is None:
        return {d: "all" for d in corpus.ids}
    if by == "document":
        return {d: d for d in corpus.ids}
    if by not in corpus.meta_columns:
        raise InputError(f"The 'by' parameter of {func} must be 'document', None or a metadata "
                         f"column {corpus.meta_columns}. Got {by!r} instead.")
    meta = corpus.meta
    return {d: str(v) for d, v in zip(meta["doc_id"], meta[by])}


def _by_name(by) -> str:
    return "none" if by is None else str(by)


# ---------------------------------------------------------------------------------------------
# mentions
# ---------------------------------------------------------------------------------------------

def _mentions_batch(batch: Corpus, gaz: Gazetteer, include_headings: bool) -> pd.DataFrame:
    return _scan(batch, gaz, include_headings=include_headings, progress=False)[0][MENTION_COLUMNS]


def find_mentions(data, gazetteer=None, *, include_headings: bool = True,
                  progress: bool = False, scheduler=None, out=None) -> pd.DataFrame:
    """Every mention of a gazetteer actor, with character offsets and sentence index.

    Parameters
    ----------
    data : Corpus or Document
    gazetteer : Gazetteer, path or None, default=None
        None: the shipped gazetteer; a path: the shipped one extended with that user file.
    include_headings : bool, default=True
        Search headings too (each heading is one sentence). Boilerplate is never searched.
    progress : bool, default=False
    scheduler : None, "processes", "tcp://host:port" or a distributed.Client, optional
        Where to search (:mod:`discourse.scale.scheduler`): each partition by this same
        function, the gazetteer broadcast once to every worker; the same table.
    out : folder or URI, optional
        Write the table as Parquet files, one per partition, from the tasks themselves, and
        return the folder (as :func:`discourse.profile` does).

    Returns
    -------
    DataFrame
        :data:`MENTION_COLUMNS`: ``doc_id``, ``actor_id``, ``actor_name``, ``type``, ``alias``
        (the gazetteer form that matched; the text is ``Document.text[start:end]``),
        ``start``, ``end`` (offsets into ``Document.text``) and ``sentence`` (index into
        ``sentence_spans(doc, include_headings=include_headings)``). Empty (with these
        columns) when the text names no actor.

    Examples
    --------
    >>> import discourse
    >>> m = find_mentions(discourse.load_article())
    >>> int((m.actor_id == "TUR").sum())
    5
    """
    from ..scale.engine import concat_rows, plan

    corpus = as_corpus(data, "find_mentions")
    gaz = gazetteer_or_default(gazetteer)
    run = plan(corpus, scheduler, always=out is not None)
    if out is not None:
        run.map(_mentions_batch, shared=[gaz], args=(include_headings,), out=out, combine=sum,
                desc="finding actors", progress=progress)
        return out
    if run is not None:
        return run.map(_mentions_batch, shared=[gaz], args=(include_headings,),
                       desc="finding actors", progress=progress,
                       combine=lambda parts: run.in_order(concat_rows(parts)))
    mentions, _ = _scan(corpus, gaz, include_headings=include_headings, progress=progress)
    return mentions[MENTION_COLUMNS]


def _mentions_of(data, gazetteer, func: str, include_headings: bool = True,
                 scheduler=None) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        missing = [c for c in MENTION_COLUMNS if c not in data.columns]
        if missing:
            raise InputError(f"The table given to {func} lacks the column(s) {missing}; "
                             "give a Corpus or the output of find_mentions.")
        return data
    return find_mentions(as_corpus(data, func), gazetteer, include_headings=include_headings,
                         scheduler=scheduler)


def _to_party(mentions: pd.DataFrame, gaz: Gazetteer) -> pd.DataFrame:
    """Mentions with leaders folded into their state (:meth:`Gazetteer.party`)."""
    info = gaz._by_id()
    party = mentions["actor_id"].map(lambda a: gaz.party(a) if a in info else a)
    return mentions.assign(actor_id=party, actor_name=party.map(lambda a: info[a]["name"]),
                           type=party.map(lambda a: info[a]["type"]))


def stat_mentions(data, gazetteer=None, *, by: str | None = "document", level: str = "actor",
                  groups: dict | None = None, scheduler=None) -> pd.DataFrame:
    """Mentions per actor and document (or group), with each actor's share.

    Parameters
    ----------
    data : Corpus, Document, or the table of :func:`find_mentions`
    gazetteer : Gazetteer, path or None
    by : "document", a metadata column, or None, default="document"
        With a mentions table only "document" and None are possible (or give ``groups``).
    level : {"actor", "party"}, default="actor"
        "party" counts a leader as their state (Putin as Russia).
    groups : dict, optional
        doc_id -> group label (overrides ``by``'s labels).
    scheduler : optional
        Where :func:`find_mentions` runs (:mod:`discourse.scale.scheduler`); the counts are
        made from its table here, so they are the same.

    Returns
    -------
    DataFrame
        :data:`MENTION_COUNT_COLUMNS`: ``count`` mentions, ``share`` of the group's mentions
        (sums to 1 per group), ``n_sentences`` with at least one mention, ``n_docs`` naming
        the actor. Sorted by group, then count (descending).

    Examples
    --------
    >>> import discourse
    >>> t = stat_mentions(discourse.load_article(), level="party")
    >>> int(t.set_index("actor_id").loc["RUS", "count"])
    15
    """
    check_choice("level", level, ["actor", "party"], "stat_mentions")
    gaz = gazetteer_or_default(gazetteer)
    mentions = _mentions_of(data, gaz, "stat_mentions", scheduler=scheduler)
    if groups is None:
        if isinstance(data, pd.DataFrame):
            check_choice("by", by, ["document", None], "stat_mentions (given a mentions table)")
            groups = {d: (d if by == "document" else "all") for d in mentions["doc_id"].unique()}
        else:
            groups = _group_labels(as_corpus(data, "stat_mentions"), by, "stat_mentions")
    if level == "party":
        mentions = _to_party(mentions, gaz)
    m = mentions.assign(group=mentions["doc_id"].map(groups))
    if m.empty:
        return pd.DataFrame(columns=MENTION_COUNT_COLUMNS)
    keys = ["group", "actor_id", "actor_name", "type"]
    out = m.groupby(keys, sort=False).agg(
        count=("actor_id", "size"),
        n_sentences=("sentence", lambda s: len(set(zip(m.loc[s.index, "doc_id"], s)))),
        n_docs=("doc_id", "nunique")).reset_index()
    out["share"] = out["count"] / out.groupby("group")["count"].transform("sum")
    out.insert(0, "by", _by_name(by))
    out = out.sort_values(["group", "count", "actor_id"], ascending=[True, False, True],
                          kind="mergesort")
    return out[MENTION_COUNT_COLUMNS].reset_index(drop=True)


def stat_cooccurrence(data, gazetteer=None, *, unit: str = "sentence", window: int = 1,
                      level: str = "actor", by: str | None = None) -> pd.DataFrame:
    """How often two actors are named together.

    Parameters
    ----------
    data : Corpus, Document, or the table of :func:`find_mentions`
    unit : {"sentence", "window"}, default="sentence"
        "sentence": the number of sentences naming both actors. "window": the number of
        units of ``window`` consecutive sentences (a sliding window, one unit per starting
        sentence of a document; sentences without mentions count as positions) naming both.
        ``window=1`` equals ``unit="sentence"``.
    window : int, default=1
    level : {"actor", "party"}, default="actor"
    by : "document" or None, default=None
        Pool all documents (None, group "all") or one set of pairs per document.

    Returns
    -------
    DataFrame
        :data:`COOCCURRENCE_COLUMNS`, one row per unordered pair (``actor_a < actor_b``),
        most frequent first.

    Examples
    --------
    >>> import discourse
    >>> t = stat_cooccurrence(discourse.load_article(), level="party")
    >>> int(t[(t.actor_a == "RUS") & (t.actor_b == "UKR")]["count"].iloc[0])
    2
    """
    check_choice("unit", unit, ["sentence", "window"], "stat_cooccurrence")
    check_choice("level", level, ["actor", "party"], "stat_cooccurrence")
    check_choice("by", by, ["document", None], "stat_cooccurrence")
    check_range("window", window, "stat_cooccurrence", low=1, integer=True)
    gaz = gazetteer_or_default(gazetteer)
    mentions = _mentions_of(data, gaz, "stat_cooccurrence")
    if level == "party":
        mentions = _to_party(mentions, gaz)
    span = 1 if unit == "sentence" else int(window)
    counts: dict = {}
    names = dict(zip(mentions["actor_id"], mentions["actor_name"]))
    for doc_id, part in mentions.groupby("doc_id", sort=False):
        group = doc_id if by == "document" else "all"
        per_sentence: dict[int, set] = {}
        for s, a in zip(part["sentence"], part["actor_id"]):
            per_sentence.setdefault(int(s), set()).add(a)
        last = max(per_sentence)
        for start in range(0, last + 1):
            actors = set().union(*(per_sentence.get(k, set()) for k in range(start, start + span)))
            if len(actors) < 2 or not any(k in per_sentence for k in range(start, start + span)):
                continue
            for a in actors:
                for b in actors:
                    if a < b:
                        counts[(group, a, b)] = counts.get((group, a, b), 0) + 1
    rows = [(_by_name(by), g, a, b, names[a], names[b], n, unit, span)
            for (g, a, b), n in counts.items()]
    out = pd.DataFrame(rows, columns=COOCCURRENCE_COLUMNS)
    return out.sort_values(["group", "count", "actor_a", "actor_b"],
                           ascending=[True, False, True, True], kind="mergesort").reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# stance: roles, tone (evaluations with their targets: discourse.actors.evaluations)
# ---------------------------------------------------------------------------------------------

#: Closed-class and frequent verbs of political prose for the role approximation (base forms;
#: -s, -ed and -ing forms are derived), plus irregular past forms and auxiliaries.
_AUX = frozenset("is are was were be been being am has have had do does did will would shall "
                 "should can could may might must".split())
_VERBS = frozenset("""accept achieve act address affirm agree aim allow antagonise antagonize
attack back become begin believe build call cause chart choose condemn confirm continue
cooperate create defend demand demonstrate deny depend destroy discuss distance emphasise
emphasize encourage engage ensure establish face fail favour favor fight follow give help hinder
host illustrate impose include invade join keep lead let maintain make manage meet navigate
need occupy offer oppose persuade place play position preserve protect provide pursue reaffirm
receive recognise recognize redefine reduce reflect refuse reinforce reject rely remain
represent respect restore return say see seek send separate serve sever show sign signal stand
start stop strengthen support take tell threaten try underscore undermine urge use violate
visit want warn welcome withdraw work supply arm sanction bomb kill invite host reassert
overcome rebuild dictate allow sends seeks""".split())
_IRREGULAR = frozenset("met made took gave went said saw sought held led kept became began built "
                       "chose fought told sent stood withdrew brought thought won lost left put "
                       "set".split())
_PREPOSITIONS = frozenset("with to from toward towards against between on of for into in among "
                          "amid over at about via through under without upon".split())
_SUBORDINATORS = frozenset("while although though because which who whom whose that when where "
                           "whereas if but yet however".split())
_DETERMINERS = frozenset("the a an its his her their our your my this that these those".split())
_CLAUSE_PUNCT = frozenset(",;:()[]\"")
_LIST_GLUE = frozenset({",", "and", "or", "the", "a", "an", "to"})


def _verb_like(words: list[str], k: int) -> bool:
    w = words[k]
    low = w.lower()
    if low in _AUX or low in _IRREGULAR:
        return True
    if w[:1].isupper() and k > 0:  # a capitalised word inside a sentence is a name
        return False
    prev = words[k - 1].lower() if k > 0 else ""
    if prev in _DETERMINERS or prev == "'":
        return False
    for base in (low, low[:-1], low[:-2], low[:-3]):
        if base in _VERBS and low in {base, base + "s", base + "es", base + "d", base + "ed",
                                      base + "ing", base[:-1] + "ing" if base.endswith("e") else "",
                                      base + base[-1:] + "ed", base + base[-1:] + "ing"}:
            return True
        if low.endswith(("ied", "ies")) and low[:-3] + "y" in _VERBS:
            return True
    return False


def _clause(tokens: list, text: str, i: int, j: int) -> tuple[int, int]:
    """Token range of the clause around tokens ``i:j`` (punctuation, dashes, subordinators)."""
    def boundary(k):
        w, s, e = tokens[k]
        if w in _CLAUSE_PUNCT or w.lower() in _SUBORDINATORS:
            return True
        return w == "-" and ((s > 0 and text[s - 1].isspace()) or (e < len(text) and text[e:e + 1].isspace()))
    lo = i
    while lo > 0 and not boundary(lo - 1):
        lo -= 1
    hi = j
    while hi < len(tokens) and not boundary(hi):
        hi += 1
    return lo, hi


def _role(tokens: list, text: str, i: int, j: int) -> tuple[str, str]:
    lo, hi = _clause(tokens, text, i, j)
    words = [t[0] for t in tokens]
    for k in range(i - 1, lo - 1, -1):  # the nearest cue before the mention
        if words[k].lower() == "by" and k > lo and _verb_like(words, k - 1):
            return "agent", words[k]  # passive: "led by X"
        if words[k].lower() in _PREPOSITIONS or _verb_like(words, k):
            return "target", words[k]
    for k in range(j, hi):
        if _verb_like(words, k):
            return "agent", words[k]
    return "none", ""


def find_roles(data, gazetteer=None, *, include_headings: bool = True) -> pd.DataFrame:
    """Each mention labelled ``agent``, ``target`` or ``none`` by a position rule.

    The approximation (no parser, no downloaded model): within the mention's clause (cut at
    commas, semicolons, colons, brackets, spaced dashes and subordinators such as *while*,
    *which*, *that*), the nearest preposition or verb-like word before the mention makes it
    a **target** (but "*verb-ed* by X" an **agent**); with none, a verb-like word after it
    makes it an **agent**; otherwise **none**. A mention joined to the previous one by
    "and"/"or" takes its role. Verb-like: auxiliaries and modals, irregular past forms, and the inflected
    forms of a list of frequent verbs of political prose, unless capitalised inside the
    sentence or preceded by a determiner. Its accuracy on hand-labelled sentences is reported
    in ``docs/actors.md``.

    Returns
    -------
    DataFrame
        :data:`ROLE_COLUMNS`: the mention columns, ``role`` and ``cue`` (the word that
        decided it).

    Examples
    --------
    >>> from discourse.corpus.documents import Corpus
    >>> r = find_roles(Corpus.from_texts(["Russia supports Iran."]))
    >>> r[["actor_id", "role", "cue"]].values.tolist()
    [['RUS', 'agent', 'supports'], ['IRN', 'target', 'supports']]
    """
    corpus = as_corpus(data, "find_roles")
    mentions, sentences = _scan(corpus, gazetteer_or_default(gazetteer),
                                include_headings=include_headings, progress=False)
    docs = {d.id: d for d in corpus}  # analysed on demand: mentions come document by document
    spans = {(d, s): (a, b) for d, s, a, b in sentences.itertuples(index=False)}
    roles, cues = [], []
    cache: dict = {}
    previous = None  # (sentence key, token end, role, cue) of the last mention
    for m in mentions.itertuples(index=False):
        key = (m.doc_id, m.sentence)
        if key not in cache:
            a, b = spans[key]
            cache = {key: parse(docs[m.doc_id]).pieces_in(a, b)}
        tokens = cache[key]
        role, cue = _role(tokens, parse(docs[m.doc_id]).folded, m.tok_start, m.tok_end)
        glue = [t[0].lower() for t in tokens[previous[1]:m.tok_start]] if previous else []
        if previous is not None and previous[0] == key and set(glue) <= _LIST_GLUE and (
                role == "none" or "and" in glue or "or" in glue):
            role, cue = previous[2], previous[3]  # a list: "Russia, Türkiye, and the Arab world"
        previous = (key, m.tok_end, role, cue)
        roles.append(role)
        cues.append(cue)
    return mentions[MENTION_COLUMNS].assign(role=roles, cue=cues)[ROLE_COLUMNS]


def sentence_tone(corpus: Corpus, sentences: pd.DataFrame) -> pd.Series:
    """VADER compound of each row of a ``(doc_id, sentence, start, end)`` table."""
    from ..rhetoric.sentiment import analyzer

    sia = analyzer()
    texts = {d.id: d.text for d in corpus}
    return pd.Series([sia.polarity_scores(texts[d][s:e])["compound"]
                      for d, s, e in zip(sentences["doc_id"], sentences["start"], sentences["end"])],
                     index=sentences.index, dtype=float)


def bootstrap_mean(values, *, n_boot: int, seed: int, ci: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval of a mean (NaN for fewer than two values)."""
    v = np.asarray(values, dtype=float)
    if len(v) < 2 or n_boot == 0:
        return (np.nan, np.nan)
    rng = np.random.default_rng(seed)
    means = v[rng.integers(0, len(v), size=(n_boot, len(v)))].mean(axis=1)
    alpha = (1 - ci) / 2
    return float(np.quantile(means, alpha)), float(np.quantile(means, 1 - alpha))


def stat_actor_tone(data, gazetteer=None, *, by: str | None = "document", level: str = "actor",
                    n_boot: int = 1000, seed: int = 1,
                    include_headings: bool = True) -> pd.DataFrame:
    """Tone of the sentences that name each actor, the evaluations predicated of it, and its
    roles.

    ``tone`` is the mean VADER compound (-1 to 1) over the distinct sentences naming the
    actor (a sentence naming it twice counts once), with a percentile bootstrap interval over
    those sentences (``n_boot`` resamples, ``seed``; NaN below two sentences). It is the tone
    of the *context*, not a stance detected toward the actor. ``n_eval_words`` counts the
    evaluations whose target is the actor (:func:`discourse.actors.evaluations.find_evaluations`),
    ``eval_valence`` is their mean signed strength (-1 to 1: +strength for praise,
    -strength for blame), ``eval_words`` lists them (lower case), most frequent first.
    ``n_agent``/``n_target`` count :func:`find_roles` labels.

    Returns
    -------
    DataFrame
        :data:`ACTOR_TONE_COLUMNS`, one row per group and actor, most mentioned first.

    Examples
    --------
    >>> import discourse
    >>> t = stat_actor_tone(discourse.load_article(), n_boot=200)
    >>> int(t.set_index("actor_id").loc["RUS", "n_sentences"])
    12
    """
    check_choice("level", level, ["actor", "party"], "stat_actor_tone")
    check_range("n_boot", n_boot, "stat_actor_tone", low=0, integer=True)
    corpus = as_corpus(data, "stat_actor_tone")
    gaz = gazetteer_or_default(gazetteer)
    groups = _group_labels(corpus, by, "stat_actor_tone")
    roles = find_roles(corpus, gaz, include_headings=include_headings)
    if roles.empty:
        return pd.DataFrame(columns=ACTOR_TONE_COLUMNS)
    from .evaluations import find_evaluations

    evals = find_evaluations(corpus, gaz, include_headings=include_headings)
    evals = evals[evals["actor_id"].notna()]
    evals = evals.assign(signed=np.where(evals["polarity"] == "positive", 1.0, -1.0)
                         * evals["strength"].astype(float))
    if level == "party":
        roles = _to_party(roles, gaz)
        info = gaz._by_id()
        evals = evals.assign(actor_id=evals["actor_id"].map(
            lambda a: gaz.party(a) if a in info else a))
    sent = roles[["doc_id", "sentence"]].drop_duplicates()
    spans = {(d, s): (a, b) for d, s, a, b in _scan(corpus, gaz, include_headings=include_headings,
                                                     progress=False)[1].itertuples(index=False)}
    sent = sent.assign(start=[spans[k][0] for k in zip(sent.doc_id, sent.sentence)],
                       end=[spans[k][1] for k in zip(sent.doc_id, sent.sentence)])
    tone = dict(zip(zip(sent.doc_id, sent.sentence), sentence_tone(corpus, sent)))
    roles = roles.assign(group=roles["doc_id"].map(groups))
    evals = evals.assign(group=evals["doc_id"].map(groups))
    rows = []
    for (group, actor_id), part in roles.groupby(["group", "actor_id"], sort=False):
        keys = sorted(set(zip(part["doc_id"], part["sentence"])))
        values = [tone[k] for k in keys]
        low, high = bootstrap_mean(values, n_boot=n_boot, seed=seed)
        ev = evals[(evals["group"] == group) & (evals["actor_id"] == actor_id)]
        words = ev["match"].str.lower().value_counts()
        rows.append((_by_name(by), group, actor_id, part["actor_name"].iloc[0], part["type"].iloc[0],
                     len(part), len(keys), float(np.mean(values)), low, high, len(ev),
                     float(ev["signed"].mean()) if len(ev) else np.nan,
                     "; ".join(f"{w}:{n}" for w, n in words.items()),
                     int((part["role"] == "agent").sum()), int((part["role"] == "target").sum())))
    out = pd.DataFrame(rows, columns=ACTOR_TONE_COLUMNS)
    return out.sort_values(["group", "n_mentions", "actor_id"], ascending=[True, False, True],
                           kind="mergesort").reset_index(drop=True)
