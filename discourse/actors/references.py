"""Who a phrase refers to beyond the gazetteer's names: descriptive references, pronouns,
first-person expressions, and the text's own side (the "us" of the ideological square).

* **Descriptive references** (``discourse/data/gazetteer/descriptions.csv``): phrases such
  as "the new leadership" (``home``: the document's own state, metadata ``country``, taken
  only when that state, with its leaders, is the party the document names most) or "my
  Government", "our people" (``author``: the speaker of a statement).
* **Pronouns**: *his, her, he, she* are the one leader named in the sentence before the pronoun
  and the sentence before it (no reference when two leaders are named there); *its, itself* are the nearest
  preceding state, bloc, organisation or non-state actor of the sentence that is not the
  object of a preposition; *we, us, our, ours, my, I, me* are the author; *they, their, them*
  and subject *it* (:func:`resolve_plural`) the nearest fitting actor before them, else the
  first of the sentence before (see docs/actors.md).
* **Actors the gazetteer lacks** (``other:<name>``): groups headed by a group noun
  (:func:`group_refs`: "some well-known countries") and persons after a title
  (:func:`person_refs`: "Mr Arafat", with the document's full name).
* **The author** of a document: its metadata ``author_actor`` when present, otherwise its
  ``country`` when it is a UN statement or a speech (``source == "ungdc"`` or a ``genre``
  naming a statement or speech). A news item or an op-ed has no author actor.
* **The text's own side** (:func:`self_side`): the document's ``country`` with the leaders
  and governing bodies of that state in office in the document's ``year`` (the gazetteer's
  ``period``): Syria, Al-Sharaa and al-Shaibani for the 2025 article, but not Bashar al-Assad
  or the former regime; Syria, Bashar al-Assad, al-Muallem and the Assad government for
  Syria's 2012 statement. Without a ``country`` there is no own side.

>>> from discourse.corpus.documents import Document
>>> sorted(self_side(Document("d", "x", {"country": "SYR", "year": 2025}))[0])
['SYR', 'shaibani', 'sharaa']
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..corpus.documents import Document
from ..errors import InputError, file_error
from .gazetteer import Gazetteer, gazetteer_or_default

__all__ = ["self_side", "author_actor", "home_actor", "load_descriptions", "Ref",
           "DocumentContext", "DESCRIPTION_KINDS", "group_refs", "person_refs", "other_id",
           "resolve_plural", "plural_noun_between", "name_id", "phrase_words"]

#: What a descriptive reference can refer to.
DESCRIPTION_KINDS = ("home", "author")
_FIRST_PERSON = frozenset({"we", "us", "our", "ours", "ourselves", "my", "i", "me"})
_HE = frozenset({"his", "her", "he", "she", "him", "himself", "herself"})
_ITS = frozenset({"its", "itself"})
_PREPOSITIONS = frozenset({"with", "to", "from", "toward", "towards", "against", "between",
                           "on", "of", "for", "into", "in", "among", "amid", "over", "at",
                           "about", "via", "through", "under", "without", "upon", "by",
                           "like", "than", "as"})


@dataclass(frozen=True)
class Ref:
    """A reference to an actor in a sentence: tokens ``first .. last``, the actor, how it was
    found (``name``, ``description``, ``pronoun``, ``first_person``), its character span."""

    first: int
    last: int
    actor_id: str
    via: str
    start: int
    end: int
    type: str = ""
    kind: str = ""   # the alias kind of a gazetteer mention (name, demonym, capital ...)
    prep: bool = False  # the object of a preposition (set for the previous sentence's refs)


@dataclass(frozen=True)
class DocumentContext:
    """What the reference rules know about a document."""

    home: str | None          # the document's state, when the document is about it
    author: str | None        # the speaker of a statement
    leaders: frozenset        # leader actor ids (for he/his)


@cache
def phrase_words(text: str) -> tuple[str, ...]:
    """The lower-case words of a phrase as descriptions.csv is matched ("My Government" ->
    ``("my", "government")``; hyphens and apostrophes stay inside words)."""
    return tuple(re.findall(r"[^\W_]+(?:['\-][^\W_]+)*", text.lower()))


def load_descriptions() -> tuple[tuple[tuple[str, ...], str], ...]:
    """The shipped descriptive references: ``((words, refers_to), ...)``, longest first."""
    label = "discourse/data/gazetteer/descriptions.csv"
    text = resources.files("discourse.data").joinpath("gazetteer", "descriptions.csv") \
        .read_text("utf-8")
    lines = [(i + 1, line) for i, line in enumerate(text.splitlines())
             if line.strip() and not line.lstrip().startswith("#")]
    rows = list(csv.reader([line for _, line in lines]))
    if not rows or rows[0][:2] != ["phrase", "refers_to"]:
        raise file_error(InputError, label, "the header must start with phrase,refers_to")
    out = []
    for (lineno, _), row in zip(lines[1:], rows[1:]):
        if len(row) < 2 or row[1] not in DESCRIPTION_KINDS or not row[0].strip():
            raise file_error(InputError, f"{label}:{lineno}", f"bad row {row!r}",
                             f"refers_to must be one of {list(DESCRIPTION_KINDS)}")
        out.append((phrase_words(row[0]), row[1]))
    return tuple(sorted(out, key=lambda r: -len(r[0])))


def _is_statement(meta: dict) -> bool:
    genre = str(meta.get("genre") or "").lower()
    return meta.get("source") == "ungdc" or "statement" in genre or "speech" in genre


def author_actor(doc: Document, gazetteer: Gazetteer | None = None) -> str | None:
    """The actor who speaks in ``doc`` (see the module docs), or None.

    >>> author_actor(Document("d", "x", {"country": "IND", "source": "ungdc"}))
    'IND'
    >>> author_actor(Document("d", "x", {"country": "SYR", "genre": "opinion"})) is None
    True
    """
    gaz = gazetteer_or_default(gazetteer)
    known = gaz._by_id()
    meta = doc.meta or {}
    value = meta.get("author_actor")
    if value and str(value) in known:
        return str(value)
    country = meta.get("country")
    if country and str(country) in known and _is_statement(meta):
        return str(country)
    return None


def home_actor(doc: Document, gazetteer: Gazetteer | None = None) -> str | None:
    """The document's own state: its metadata ``country`` if the gazetteer knows it."""
    gaz = gazetteer_or_default(gazetteer)
    country = (doc.meta or {}).get("country")
    return str(country) if country and str(country) in gaz._by_id() else None


def _periods(text: str) -> list[tuple[int, int]]:
    out = []
    for part in str(text or "").split(";"):
        m = re.fullmatch(r"\s*(\d{4})(?:-\d{2})?\s*-\s*(\d{4})?(?:-\d{2})?\s*", part)
        if m:
            out.append((int(m.group(1)), int(m.group(2)) if m.group(2) else 9999))
    return out


def self_side(doc: Document, gazetteer: Gazetteer | None = None) -> tuple[frozenset, str]:
    """The actors of the text's own side and how they were found: ``(ids, source)`` with
    source ``"metadata"`` (the document's country and its office-holders in its year) or
    ``"none"`` (no country: an empty side). See the module docs."""
    gaz = gazetteer_or_default(gazetteer)
    home = home_actor(doc, gaz)
    if home is None:
        return frozenset(), "none"
    year = (doc.meta or {}).get("year")
    try:
        year = int(year)
    except (TypeError, ValueError):
        year = None
    side = {home}
    for row in gaz.actors.itertuples(index=False):
        if row.state != home or row.type not in ("leader", "non_state") or year is None:
            continue
        if any(a <= year <= b for a, b in _periods(row.period)):
            side.add(row.actor_id)
    return frozenset(side), "metadata"


def document_context(doc: Document, gaz: Gazetteer, mentions) -> DocumentContext:
    """The context of the reference rules; ``mentions``: the document's mention table."""
    info = gaz._by_id()
    home = home_actor(doc, gaz)
    if home is not None:
        parties = [gaz.party(a) if a in info else a for a in mentions["actor_id"]]
        counts: dict[str, int] = {}
        for p in parties:
            counts[p] = counts.get(p, 0) + 1
        best = max(counts.values(), default=0)
        if counts.get(home, 0) < best or best == 0 or \
                sum(1 for v in counts.values() if v == best) > 1:
            home = None
    leaders = frozenset(a for a, r in info.items() if r["type"] == "leader")
    return DocumentContext(home, author_actor(doc, gaz), leaders)


def description_refs(tokens, taken: list[bool], ctx: DocumentContext) -> list[Ref]:
    """Descriptive references among ``tokens`` (words not ``taken`` by a mention)."""
    lower = [t.text.lower() for t in tokens]
    out = []
    k = 0
    while k < len(tokens):
        hit = None
        for words, kind in load_descriptions():
            n = len(words)
            if tuple(lower[k:k + n]) == words and not any(taken[k:k + n]):
                actor = ctx.home if kind == "home" else ctx.author
                hit = (n, actor) if actor is not None else None
                break
        if hit:
            n, actor = hit
            if lower[k + n:k + n + 1] == ["of"]:  # "the leadership of Syria": the of-phrase says who
                k += 1
                continue
            out.append(Ref(k, k + n - 1, actor, "description", tokens[k].start,
                           tokens[k + n - 1].end))
            k += n
        else:
            k += 1
    return out


def resolve_pronoun(tokens, k: int, refs: list[Ref], previous: list[Ref], ctx: DocumentContext,
                    types: dict) -> Ref | None:
    """The actor a pronoun at token ``k`` refers to (see the module docs), or None."""
    word = tokens[k].text.lower()
    t = tokens[k]
    if word in _FIRST_PERSON:
        return Ref(k, k, ctx.author, "first_person", t.start, t.end) if ctx.author else None
    if word in _HE:
        window = [r for r in previous if r.actor_id in ctx.leaders] + \
                 [r for r in refs if r.last < k and r.actor_id in ctx.leaders]
        ids = {r.actor_id for r in window}
        if len(ids) == 1:
            return Ref(k, k, ids.pop(), "pronoun", t.start, t.end)
        return None
    if word in _ITS:
        for r in sorted((r for r in refs if r.last < k), key=lambda r: -r.last):
            if types.get(r.actor_id) in ("leader", ""):
                continue
            if r.first > 0 and tokens[r.first - 1].text.lower() in _PREPOSITIONS:
                continue
            return Ref(k, k, r.actor_id, "pronoun", t.start, t.end)
    return None


# ---------------------------------------------------------------------------------------------
# actors the gazetteer lacks: groups and persons (other:<name>)
# ---------------------------------------------------------------------------------------------

_THEY = frozenset({"they", "their", "them", "theirs", "themselves"})
_GROUP_DROP = frozenset({"the", "a", "an", "some", "certain", "many", "several", "all", "other",
                         "such", "both", "most", "few", "these", "those", "any", "various",
                         "numerous", "two", "three"})
_DEMONSTRATIVES = frozenset({"these", "those", "such"})
#: titles a person's name follows (the last title word before the name): "Mr Arafat",
#: "Prime Minister Ariel Sharon"; not "the National Covenant"
PERSON_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady",
                           "president", "minister", "premier", "secretary", "chancellor",
                           "king", "queen", "prince", "princess", "emir", "sheikh", "sultan",
                           "ayatollah", "imam", "mullah", "pope", "senator", "ambassador",
                           "envoy", "governor", "general", "colonel", "commander", "captain",
                           "lieutenant", "brigadier", "admiral", "marshal", "judge",
                           "professor", "prof", "spokesman", "spokeswoman", "chairman",
                           "mayor", "leader"})
_PARTITIVE = frozenset({"members"})  # "members of the Council": a part, not the whole


def other_id(words) -> str:
    """``other:<snake name>`` of a phrase (``docs/annotation.md`` §1): lower-case ASCII words
    joined by ``_`` ("well-known States" -> ``other:well_known_states``)."""
    return name_id(" ".join(words))


def name_id(name: str) -> str:
    """``other:<snake name>`` of a name, ``unknown`` when it has no letter or digit."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    snake = re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_")
    return f"other:{snake}" if snake else "unknown"


def group_refs(tokens, taken: list[bool], heads: frozenset, memory: dict,
               evaluative=frozenset(), attributive=frozenset(), rules=None) -> list[Ref]:
    """Noun phrases headed by a group noun (``rules.group_heads``) with no gazetteer name in
    them: ``other:<phrase>`` refs, without the leading determiner or quantifier, with a
    following *of / in (the) N* phrase ("States in the region"; a gazetteer name inside it
    only after the partitive *members*). "these countries" is the last group of the document
    (``memory``: head -> actor id, updated) with that head. Tokens they cover become taken.
    After an evaluative word (``evaluative``: token indices) the phrase is no group of its own
    ("terrorist states": a label), unless the word is an evaluative adjective in
    ``attributive`` ("brutal militias", "brotherly countries"): the group is then the phrase
    after it, which the adjective evaluates, unless the lexicon's ``rules`` say the words name
    no group (``not_groups``: "vicious circles"; ``movement_kinds``: "movements" without one is
    a trend)."""
    rules = rules or {}
    not_groups = rules.get("not_groups", frozenset())
    movement_kinds = rules.get("movement_kinds", frozenset())
    out = []
    lower = [t.text.lower() for t in tokens]
    for k, t in enumerate(tokens):
        if lower[k] not in heads or taken[k] or not t.tag.startswith("NN"):
            continue
        i = k
        if k in evaluative:
            continue
        while i > 0 and not taken[i - 1] and lower[i - 1] not in _GROUP_DROP and \
                i - 1 not in evaluative and \
                tokens[i - 1].tag.startswith(("JJ", "NN", "VBN")) and \
                tokens[i - 1].text[:1].isalpha():
            i -= 1
        if i > 0 and (taken[i - 1] and i == k or i - 1 in evaluative - attributive):
            continue  # "Arab member states": the name's phrase; "terrorist states": a label
        if i > 0 and i - 1 in attributive and (
                f"{lower[i - 1]} {lower[k]}" in not_groups or lower[k + 1:k + 2] == ["of"] and any(
                    taken[x] for x in range(k + 2, min(len(tokens), k + 4))) or
                lower[k] in ("movement", "movements") and not movement_kinds & set(lower[i:k])):
            continue  # "the racist regimes of Pretoria": the name's; "vicious circles",
            # "positive movements", "volatile capital movements": no group of agents
        if i > 0 and (tokens[i - 1].tag == "PRP$" or lower[i - 1] in ("'s", "'")):
            continue  # "our States", "Syria's allies": the possessor's own
        if i >= 2 and lower[i - 1] == "of" and lower[i - 2] in heads:
            continue  # "community of nations": the of-phrase of a larger group
        j = k
        if lower[k + 1:k + 2] in (["of"], ["in"]):
            e = k + 2
            if lower[e:e + 1] == ["the"]:
                e += 1
            elif lower[k + 1] == "in":
                e = len(tokens)  # "in support": an adjunct, not the group's place
            f = e
            # the of/in phrase: common nouns and adjectives (no name in it), or, after the
            # partitive "members", one name as a whole ("of the Security Council")
            whole = lower[k] in _PARTITIVE
            if whole and not (e < len(tokens) and taken[e]):
                e = len(tokens)  # "members of fundamental principles": no group's whole
            while f < len(tokens) and f - e < 4 and tokens[f].tag.startswith(("NN", "JJ")) and \
                    taken[f] == whole and f not in evaluative:
                f += 1
            ends = f >= len(tokens) or not tokens[f].tag.startswith(("NN", "JJ"))
            if lower[k + 1] == "in" and f - e > 1:
                ends = False  # "Powers in the internal affairs": in-phrases of one noun only
            if f > e and ends:
                j = f - 1
        words = [tok.text for tok in tokens[i:j + 1]]
        if i == k and k > 0 and lower[k - 1] in _DEMONSTRATIVES and j == k:
            actor = memory.get(lower[k])
            if actor is None:
                continue
            first = k - 1
        else:
            actor = other_id(words)
            memory[lower[k]] = actor
            first = i
        out.append(Ref(first, j, actor, "group", tokens[first].start, tokens[j].end, "group"))
        for x in range(first, j + 1):
            taken[x] = True
    return out


def person_refs(tokens, taken: list[bool], people: tuple) -> list[Ref]:
    """Persons the gazetteer lacks: a run of capitalised words after a title ("Mr Arafat",
    "Prime Minister Ariel Sharon"), or, without a title, a name of two words or more whose
    surname the document uses after a title somewhere (``people``: ``(name runs, titled
    surnames)`` as :func:`discourse.rhetoric.reported` reads them); a surname alone takes the
    longest full name the document gives. ``other:<name>``."""
    from ..rhetoric.reported import _is_title
    runs, titled = people
    full = {}
    for run in runs:
        if len(run) >= 2 and (run[-1] not in full or len(run) > len(full[run[-1]])):
            full[run[-1]] = run
    # longest first, then alphabetical: deterministic whatever the string hash seed
    known = sorted({tuple(run) for run in runs if len(run) >= 2 and run[-1] in titled},
                   key=lambda run: (-len(run), run))
    out = []
    k = 0
    while k < len(tokens):
        if taken[k] or not _is_title(tokens[k].text) or not tokens[k].text[:1].isupper():
            k += 1
            continue
        j = k
        while j < len(tokens) and _is_title(tokens[j].text) and tokens[j].text[:1].isupper():
            j += 1
        e = j
        while e < len(tokens) and not taken[e] and tokens[e].tag in ("NNP", "NNPS") and \
                tokens[e].text[:1].isupper() and not _is_title(tokens[e].text):
            e += 1
        if e == j or tokens[j - 1].text.lower().rstrip(".") not in PERSON_TITLES:
            k = j
            continue
        name = [t.text for t in tokens[j:e]]
        if len(name) == 1 and name[0] in full:
            name = full[name[0]]
        out.append(Ref(j, e - 1, other_id(name), "person", tokens[j].start, tokens[e - 1].end,
                       "person"))
        for x in range(k, e):
            taken[x] = True
        k = e
    # untitled runs the document names as persons ("Yasser Arafat")
    for k in range(len(tokens)):
        for run in known:
            n = len(run)
            if tuple(t.text for t in tokens[k:k + n]) == run and not any(taken[k:k + n]):
                out.append(Ref(k, k + n - 1, other_id(run), "person", tokens[k].start,
                               tokens[k + n - 1].end, "person"))
                for x in range(k, k + n):
                    taken[x] = True
    return out


#: Plural nouns of groups whatever their tag (the tagger reads a capitalised "States" as a
#: singular proper noun): "the responsibility of States for their failure" (sixteenth round).
_PLURAL_GROUPS = frozenset({"people", "peoples", "states", "nations", "countries"})


def plural_noun_between(tokens, a: int, k: int, refs: list[Ref]) -> bool:
    """Is there a plural noun among tokens ``a .. k-1`` outside every actor reference but
    the groups the gazetteer lacks ("the Korean people in their efforts", "the
    responsibility of States for their failure")? Then a plural pronoun at ``k`` is that
    noun's."""
    inside = {x for r in refs if r.type != "group" for x in range(r.first, r.last + 1)}
    return any(tokens[x].tag in ("NNS", "NNPS") or tokens[x].text.lower() in _PLURAL_GROUPS
               for x in range(a, k) if x not in inside)


def resolve_plural(tokens, k: int, refs: list[Ref], previous: list[Ref], types: dict,
                   singular: bool = False) -> Ref | None:
    """*they, their, them* (``singular``: *it*): the nearest actor before the pronoun in its
    sentence that is not the object of a preposition, else the first such actor of the
    sentence before; never a person or the author (*it*: a state, bloc or organisation only,
    not a group)."""
    def fits(r):
        kind = r.type or types.get(r.actor_id, "")
        if r.via == "first_person" or kind in ("leader", "person", ""):
            return False
        return not singular or kind != "group"
    t = tokens[k]
    for r in sorted((r for r in refs if r.last < k), key=lambda r: -r.last):
        before = tokens[r.first - 1].text.lower() if r.first > 0 else ""
        if fits(r) and (before not in _PREPOSITIONS or before == "by"):
            if not singular and plural_noun_between(tokens, r.last + 1, k, refs):
                return None
            return Ref(k, k, r.actor_id, "pronoun", t.start, t.end, r.type)
    if not singular and plural_noun_between(tokens, 0, k, refs):
        return None  # "... methods are immoral; they violate": the nearer plural
    for r in previous:
        if fits(r) and not r.prep:
            return Ref(k, k, r.actor_id, "pronoun", t.start, t.end, r.type)
    return None
