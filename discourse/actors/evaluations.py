"""Evaluations with their targets: who is praised and who is blamed, in what words.

Every evaluative expression of :mod:`discourse.rhetoric.evaluative` (lexicon, part of speech,
negation) is attached to the actor it is predicated of when one of these rules fires
(``rule`` column; tried in this order, the first that fires wins). *EV* is the evaluative
word, its *noun phrase* the determiner, modifiers and head noun around it:

=============  ==================================================================  ===========
rule           form                                                                example
=============  ==================================================================  ===========
possessive     *ACTOR's* / *its, his, our* … before EV's noun phrase, also *ACTOR    "Syria's balanced diplomacy", "its diplomatic maturity", "Israel's policy of aggression", "the Iraqi regime's aggression"
               regime's / Government's …*; or EV as the of-complement of a
               conduct noun (policy, campaign, acts) so possessed
modifier       a name or demonym inside EV's noun phrase, or EV modifying the       "Iranian aggression", "the brutal Assad regime"
               name itself
of             EV's noun phrase + *of (the) ACTOR* (not ``of ACTOR's``; not after  "the rigid diplomacy of his predecessor, Bashar al-Assad", "the brave people of Angola", "the racist regime in South Africa"
               nouns whose of-phrase is the one acted upon: *oppression of*), on
               through *the Government / people / leaders … of ACTOR*
               or *regime / Government … in STATE* (its name or capital; a name
               not after *colonial, illegal, occupation …*)
agent          EV's noun phrase + (*committed, hatched* …) *by ACTOR*, or *by the   "a plot hatched by the colonial powers", "an attack perpetrated by the racist regime of Pretoria"
               (adjectives) regime / Government … of ACTOR*
apposition     *ACTOR, EV-phrase,* or *EV-phrase, ACTOR*                            "Bashar al-Assad, a brutal dictator,"
copula         subject + *is, was, remains, seems, becomes, proves*, *defined by*,  "the response from Damascus was calculated and composed", "reassert itself as a sovereign and rational player"
               *seen as*, or *-self as* + EV (and coordinated EVs)
subject        the subject of an evaluative act verb, of a verb EV (adverb)        "Israel violated", "Russia acted responsibly", "the previous regime relied heavily on narrow alliances", "Qatar supports terrorism"
               modifies, of a conduct verb whose object holds EV, or of a
               sponsor verb whose object is a negative EV noun (also before a
               relative clause or an apposition: *Pakistan, a … nation, has*);
               the object of a judgement verb before EV's *of*: *accused X of
               reckless behaviour*
adverbial      the subject of the clause an adverbial of conduct modifies (*in      "Israel seized the port in violation of the truce", "Under the pretext of security, X seized"
               violation of*, *in defiance of*, *under the pretext of*), before
               it or at most six words after its verb; a passive's *by*-agent
object         the object of a judgement verb                                      "we condemn the Israeli occupiers", "commend Iran"
label          EV is an evaluative name of the actor (``other:<label>``)           "terrorists" -> ``other:terrorists``
chunk_subject  (chunks) the subject of EV's verb chunk (or the verb chunk an EV      "Israel occupies the land and violates the resolutions", "the truce was violated by Israel"
               adverb stands in or next to): back over adverbs, *to*, objects of
               prepositions and, in a coordination, earlier verbs and their
               objects; a passive gives its *by*-agent
chunk_copula   (chunks) EV after a copula chunk (and coordinated EVs): the subject  "the conflict between Iran and Iraq has been ruthless"
               as chunk_subject finds it
chunk_conduct  (chunks) EV in the object chunk of a conduct verb, or in a           "Pakistan's handling of the problem in the region deserves our admiration", "pursue policies based on hypocrisy"
               prepositional phrase attached to it: the verb's subject
chunk_np       (chunks) the actor EV's noun chunk names: its possessor, the actor   "the brutal conduct of the Israeli security forces"
               that is its head or modifies an actor head, or (from an adjective's
               head, one step) its *of*-phrase
=============  ==================================================================  ===========

The ``chunk_`` rules (fourth round) read the sentence's phrase chunks
(:mod:`discourse.actors.chunks`, Pattern's chunker inside ``textblob``); they are tried only
when none of the rules above fires, and the sentence is chunked only then. A noun chunk names
its actor as ``chunk_np`` says; through *of, from, between* the chunk after it (at most three
steps for a subject: "the government of the Islamic Republic of Iran"), unless its head is one
acted upon (``of_patient``) or a quantity; coordinated actors give the first.

The subject of a clause is the stretch between the clause start (sentence start, a comma,
colon, semicolon, dash, bracket or a subordinator: *while, although, because, which, who,
that, when, whereas, if, but, yet, however*) and its verb group, at most eight words without
a verb; it names its actor when exactly one actor in it is not the object of a preposition
other than *of* or *from* ("the response from Damascus"), or through a pronoun.

References are gazetteer mentions, descriptive references ("the new leadership"), pronouns
(*they, their* and subject *it* included), and groups and titled persons the gazetteer lacks as
``other:<name>`` ("some well-known countries", "Mr Arafat")
(:mod:`discourse.actors.references`); ``target_via`` says which. Where no rule is
confident the row keeps its evaluation with ``actor_id`` None: precision comes first.

>>> from discourse.corpus.documents import Corpus
>>> ev = find_evaluations(Corpus.from_texts(["Syria's balanced diplomacy differs from the "
...                                          "rigid diplomacy of Iran."]))
>>> ev[["match", "polarity", "actor_id", "rule"]].values.tolist()
[['balanced', 'positive', 'SYR', 'possessive'], ['rigid', 'negative', 'IRN', 'of']]
"""
from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ..corpus.documents import as_corpus
from ..rhetoric.evaluative import (SentenceAnalysis, load_evaluation_lexicon, sentence_analysis,
                                   _shipped)
from ..text.brill import lexical_tags
from ..text.parsed import parse
from .chunks import Chunk, chunk_tokens
from .gazetteer import gazetteer_or_default
from .references import (PERSON_TITLES, Ref, description_refs, document_context, group_refs, person_refs,
                         plural_noun_between, resolve_plural, resolve_pronoun)

__all__ = ["find_evaluations", "EVALUATION_COLUMNS", "EVALUATION_RULES"]

#: Columns of :func:`find_evaluations`, one row per evaluative expression: ``sentence`` (index
#: into ``parse(doc).sentences_with_headings``, or ``.sentences`` without headings), ``start``,
#: ``end``, ``match`` (the text as written), ``entry`` (lexicon form), ``pos`` (adjective,
#: noun, verb, adverb, phrase), ``kind`` (quality, act, judgement, label), ``polarity``
#: (positive/negative, after negation), ``strength`` (0..1), ``negated``; the target:
#: ``actor_id`` and ``actor_name`` (None when no rule attaches one), ``target_start``,
#: ``target_end`` (the span of the actor's mention, pronoun or description; -1 without one),
#: ``target_via`` (name, description, pronoun, first_person, label, group, person: the
#: last two ``other:`` actors the gazetteer lacks), ``rule``; ``lexicon``
#: (political, pattern, vader).
EVALUATION_COLUMNS = ["doc_id", "sentence", "start", "end", "match", "entry", "pos", "kind",
                      "polarity", "strength", "negated", "actor_id", "actor_name",
                      "target_start", "target_end", "target_via", "rule", "lexicon"]
#: The attachment rules, in the order they are tried.
EVALUATION_RULES = ("possessive", "modifier", "of", "agent", "apposition", "copula", "subject",
                    "adverbial", "object", "label", "chunk_subject", "chunk_copula",
                    "chunk_conduct", "chunk_np")

_CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "[", "]", "\"", "-", "!", "?", "."})
_SUBORDINATORS = frozenset({"while", "although", "though", "because", "which", "who", "whom",
                            "whose", "when", "where", "whereas", "if", "but", "yet", "however",
                            "unless", "since"})
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "remain",
                      "remains", "remained", "seem", "seems", "seemed", "appear", "appears",
                      "appeared", "become", "becomes", "became", "prove", "proves", "proved",
                      "proven", "stay", "stays", "stayed"})
_BY_COPULAS = frozenset({"defined", "marked", "characterised", "characterized", "guided",
                         "driven", "shaped", "distinguished"})
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "has",
                          "have", "had", "do", "does", "did", "will", "would", "shall",
                          "should", "can", "could", "may", "might", "must", "'s", "'ve",
                          "'re", "get", "got", "gets", "keep", "keeps", "kept"})
_AS_COPULAS = frozenset({"seen", "regarded", "viewed", "considered", "perceived", "known"})
_REFLEXIVE = frozenset({"itself", "themselves", "himself", "herself", "ourselves"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "our", "my", "their"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "we", "i", "it", "they"})
#: after these, a subject *it* is the empty subject of an extraposition ("it is clear that",
#: "it seems"), not a reference
_EXTRAPOSING = frozenset({"seem", "seems", "seemed", "appear", "appears", "appeared", "is",
                          "was", "'s", "would", "will", "may", "might", "must", "should",
                          "remains", "remained", "becomes", "became", "has", "had"})
#: Auxiliaries after *it* that leave it a reference when an action verb follows ("it has
#: acted", "it will pay"), not a verb of being or seeming ("it has become clear that").
_IT_AUXILIARIES = frozenset({"has", "had", "would", "will", "may", "might", "must", "should"})
_EXTRAPOSED_VERBS = frozenset({"be", "been", "become", "seem", "seemed", "appear", "appeared",
                               "proved", "proven", "turned", "remain", "remained", "happen",
                               "happened", "come", "not", "never", "always", "also"})
_PREPS = frozenset({"with", "to", "from", "toward", "towards", "against", "between", "on", "of",
                    "for", "into", "in", "among", "amid", "over", "at", "about", "via",
                    "through", "under", "without", "upon", "by", "like", "than", "as",
                    "after", "before", "during", "since", "despite", "following", "within"})
_AGENT_PARTICIPLES = frozenset({"committed", "perpetrated", "hatched", "carried", "waged",
                                "practised", "practiced", "launched", "imposed", "pursued",
                                "conducted", "orchestrated", "planned", "sponsored", "led",
                                "directed", "instigated", "staged"})


# ---------------------------------------------------------------------------------------------
# token classes
# ---------------------------------------------------------------------------------------------

def _low(tokens, k: int) -> str:
    return tokens[k].text.lower() if 0 <= k < len(tokens) else ""


def _is_boundary(tokens, k: int) -> bool:
    t = tokens[k]
    low = t.text.lower()
    if t.text in _CLAUSE_PUNCT:
        return True
    if low == "that":
        return t.tag in ("IN", "WDT")
    return low in _SUBORDINATORS


def _modifier(t, following=None) -> bool:
    """Can ``t`` be a modifier in a noun phrase (before ``following``)? A participle only
    before an adjective or noun ("the previously estranged actors")."""
    if t.text.lower() in _COPULAS or t.text.lower() in ("has", "have", "had"):
        return False
    if t.tag == "VBN":
        return following is not None and following.tag.startswith(("JJ", "NN"))
    return t.tag.startswith(("JJ", "RB", "CD", "NN"))


def _verbs_retagged(tokens, lex) -> list:
    """The tagger's noun reading of a sponsor or conduct verb corrected where the context
    makes it a verb: after a subject (a name, a pronoun) or a modal, *to*, or "verb and",
    and before its object ("Qatar and Turkey support terrorism"; not "US support for Israel")."""
    verbs = lex.rules.get("sponsor_verbs", frozenset()) | lex.rules.get("conduct_verbs",
                                                                         frozenset())
    out = list(tokens)
    for k in range(1, len(out) - 1):
        t = out[k]
        if not t.tag.startswith("NN") or t.text.lower() not in verbs:
            continue
        prev, nxt = out[k - 1], out[k + 1]
        after_subject = prev.tag in ("NNP", "NNPS", "PRP", "MD", "TO") or (
            prev.tag == "RB" and k >= 2 and (out[k - 2].text == "," or
                                             out[k - 2].tag in ("NNP", "NNPS", "PRP"))) or (
            prev.text.lower() in ("and", "or") and k >= 2 and out[k - 2].tag.startswith("VB"))
        object_next = nxt.tag.startswith(("NN", "DT", "JJ", "PRP$")) and \
            nxt.text.lower() not in _PREPS
        if after_subject and object_next:
            out[k] = t._replace(tag="VBP")
    return out


class _Sentence:
    """One sentence with its evaluations, references and the previous sentence's references."""

    def __init__(self, sa: SentenceAnalysis, refs: list[Ref], previous: list[Ref], ctx, types,
                 lex):
        self.tokens = _verbs_retagged(sa.tokens, lex)
        self.refs = refs
        self.previous = previous
        self.ctx = ctx
        self.types = types
        self.lex = lex
        self.ref_at = {}
        for r in refs:
            for k in range(r.first, r.last + 1):
                self.ref_at[k] = r
        self.matches = sa.matches
        self.eval_tokens = {k for m in sa.matches for k in range(m.first, m.last + 1)}
        self._chunks = None

    # -- chunks (the chunk rules; computed only when one is tried) --------------------------
    @property
    def chunks(self) -> list[Chunk]:
        if self._chunks is None:
            self._chunks = chunk_tokens(self.tokens)
            self.chunk_at = {k: c for c, ch in enumerate(self._chunks)
                             for k in range(ch.first, ch.last + 1)}
        return self._chunks

    # -- references -----------------------------------------------------------------------
    def ref_ending(self, k: int) -> Ref | None:
        r = self.ref_at.get(k)
        return r if r is not None and r.last == k else None

    def ref_starting(self, k: int) -> Ref | None:
        r = self.ref_at.get(k)
        return r if r is not None and r.first == k else None

    def pronoun(self, k: int) -> Ref | None:
        low = _low(self.tokens, k)
        if low in ("its", "itself"):
            return self.its(k)
        if low == "their":  # the subject of its clause, else the nearest actor before
            r = self.its(k)
            if r is not None and self._singular_it_subject(k):
                r = None  # "it should help the peoples in their struggle": not "it"
            if r is not None and plural_noun_between(self.tokens, r.last + 1, k, self.refs):
                r = None  # "Russia proposes the responsibility of States for their failure":
                # the nearer plural (sixteenth round)
            return r or self._conjunct(k, resolve_plural(
                self.tokens, k, self.refs, self.previous, self.types))
        if low in ("they", "them"):
            return self._conjunct(k, resolve_plural(self.tokens, k, self.refs, self.previous,
                                                    self.types))
        if low == "it":
            return resolve_plural(self.tokens, k, self.refs, self.previous, self.types,
                                  singular=True)
        return resolve_pronoun(self.tokens, k, self.refs, self.previous, self.ctx, self.types)

    def _singular_it_subject(self, k: int) -> bool:
        """The clause of token ``k`` has the subject *it* (before its verb)."""
        i = k - 1
        while i >= 0 and not _is_boundary(self.tokens, i):
            if _low(self.tokens, i) == "it" and i + 1 < k and \
                    self.tokens[i + 1].tag.startswith(("VB", "MD")):
                return True
            i -= 1
        return False

    def _conjunct(self, k: int, r: Ref | None) -> Ref | None:
        """A plural pronoun's antecedent in a coordination is its first conjunct ("America
        and Britain ... their" -> America), as the guidelines record coordinated actors."""
        if r is None:
            return None
        ante = next((x for x in reversed(self.refs) if x.actor_id == r.actor_id and x.last < k),
                    None)
        first = self._first_conjunct(ante.last) if ante is not None else None
        if first is not None and first.actor_id != r.actor_id:
            return replace(r, actor_id=first.actor_id, type=first.type)
        return r

    def its(self, k: int) -> Ref | None:
        """*its* is the subject of its clause ("Iran clung to its intransigence"),
        or the actor just before a parenthesis that holds it ("Syria, true to its principled
        position, received ..."), when that is not a person."""
        tokens = self.tokens
        i = k - 1
        while i >= 0 and not _is_boundary(tokens, i):
            if tokens[i].tag.startswith(("VB", "MD")) and i not in self.ref_at:
                between = {self.types.get(x.actor_id) for x in self.refs if i < x.first < k}
                if between - {"leader", None}:
                    return None  # "supports Iran and its right": which one?
                r = self.subject(self.verb_group_start(i))
                break
            i -= 1
        else:  # no verb before it in its clause: the parenthesis, or the possessor before
            r = self.ref_ending(i - 1) if i >= 1 and tokens[i].text == "," else None
            if r is None:  # "Iran's reckless policy and its narrow alliances"
                start = max(i, 0) + (1 if i >= 0 else 0)
                for ref in sorted((x for x in self.refs if start <= x.first and x.last < k),
                                  key=lambda x: -x.last):
                    j = ref.first - 1
                    if j >= start and _low(tokens, j) in _PREPS:
                        continue
                    r = ref
                    break
            if r is None and i < 0:  # "Israel attacked. Its conduct is criminal."
                r = resolve_plural(tokens, k, [], self.previous, self.types, singular=True)
        if r is None or self.types.get(r.actor_id) in ("leader", None) or r.via == "first_person":
            return None
        t = tokens[k]
        return Ref(k, k, r.actor_id, "pronoun", t.start, t.end)

    def possessor_before(self, k: int) -> Ref | None:
        """The actor of a possessive ending just before token ``k`` ("Syria's", "its")."""
        if k <= 0:
            return None
        low = _low(self.tokens, k - 1)
        if low in ("'s", "'") and k >= 2:
            r = self.ref_ending(k - 2)
            if r is None and k >= 3 and low == "'s" and \
                    _low(self.tokens, k - 2) in self.lex.rules.get("possessor_heads", ()):
                return self.ref_ending(k - 3)  # "the South African regime's" (nineteenth round)
            if r is not None and (low == "'s" or self.tokens[k - 2].text.lower().endswith("s")):
                return r
            return None
        if low in _POSSESSIVE_PRONOUNS:
            return self.pronoun(k - 1)
        return None

    # -- noun phrases ---------------------------------------------------------------------
    def np_left(self, k: int) -> int:
        """First token of the modifiers before ``k`` (adjectives, adverbs, nouns, and commas
        or 'and' between adjectives)."""
        tokens = self.tokens
        i = k
        while i > 0:
            t = tokens[i - 1]
            low = t.text.lower()
            if i - 1 in self.ref_at:
                r = self.ref_at[i - 1]
                if r.via != "name" or _low(tokens, r.last + 1) in ("'s", "'"):
                    break
                i = r.first  # a name or demonym as modifier: "Israeli aggression"
                continue
            if (_modifier(t, tokens[i]) or i - 1 in self.eval_tokens) and low not in _PREPS \
                    and not _is_boundary(tokens, i - 1):
                i -= 1
                continue
            if low in (",", "and", "or") and i - 2 >= 0 and tokens[i - 2].tag.startswith(
                    ("JJ", "VBN")) and tokens[i].tag.startswith(("JJ", "VBN", "RB")):
                i -= 1
                continue
            break
        return i

    def np_head(self, k: int) -> int:
        """The head of the noun phrase ``k`` stands in: ``k`` itself, or the last noun (or
        actor mention) of the adjectives and nouns after it; -1 for a predicative adjective."""
        tokens = self.tokens
        head = k if tokens[k].tag.startswith("NN") or k in self.ref_at else -1
        i = k + 1
        while i < len(tokens):
            t = tokens[i]
            low = t.text.lower()
            if i in self.ref_at:
                r = self.ref_at[i]
                if r.via != "name" or _low(tokens, r.last + 1) in ("'s", "'"):
                    break
                head = r.last
                i = r.last + 1
                continue
            if t.tag.startswith("NN"):
                head = i
            elif low in (",", "and", "or") and i + 1 < len(tokens) and \
                    tokens[i + 1].tag.startswith(("JJ", "VBN")) and head == -1:
                pass
            elif not t.tag.startswith(("JJ", "VBN")) or head != -1:
                break
            i += 1
        return head

    # -- clauses --------------------------------------------------------------------------
    def verb_group_start(self, v: int) -> int:
        """First token of the verb group ending at ``v``: auxiliaries, modals, adverbs,
        negation, *to*, reflexives, and main verbs that govern a *to*-infinitive ("has begun
        to reassert itself"); not a finite verb of another clause ("which I think might")."""
        tokens = self.tokens
        i = v
        while i > 0:
            t = tokens[i - 1]
            low = t.text.lower()
            if t.tag.startswith(("VB", "MD", "RB")) or t.tag == "TO" or low in _REFLEXIVE or \
                    low in ("not", "never", "to"):
                if i - 1 in self.ref_at or _is_boundary(tokens, i - 1):
                    break
                if t.tag in ("VB", "VBP", "VBZ", "VBD") and low not in _AUXILIARIES and \
                        _low(tokens, i) != "to" and tokens[i].tag.startswith(("MD", "VB")):
                    break
                i -= 1
                continue
            if low in ("and", "or") and i >= 2 and tokens[i - 2].tag.startswith("VB") and \
                    tokens[i].tag.startswith("VB") and i - 2 not in self.ref_at:
                i -= 2  # coordinated verbs: "who induce and support"
                continue
            break
        return i

    def _first_conjunct(self, k: int) -> Ref | None:
        """The first of a list of actors ending at token ``k`` ("A, B, C"), or None."""
        r = self.ref_ending(k)
        first = r
        while r is not None and r.first >= 2 and _low(self.tokens, r.first - 1) in (",", "and"):
            j = r.first - 2
            while j >= 0 and self.tokens[j].tag in ("DT",) and j not in self.ref_at:
                j -= 1
            r = self.ref_ending(j)
            if r is not None:
                first = r
        return first

    def _relative_antecedent(self, comma: int) -> Ref | None:
        """The actor before a parenthetic relative clause closed by the comma at ``comma``
        ("permanent members of the Council, who have launched wars ..., now support")."""
        j = comma - 1
        while j > 0 and self.tokens[j].text not in (",", ";", ":", "(", ")"):
            j -= 1
        if j > 0 and self.tokens[j].text == "," and _low(self.tokens, j + 1) in ("who",
                                                                                 "which"):
            return self.ref_ending(j - 1)
        if j > 0 and self.tokens[j].text == "," and (
                _low(self.tokens, j + 1) in ("a", "an") or
                self.tokens[j + 1].tag == "IN" and _low(self.tokens, j + 1) != "of") \
                and comma - j <= 8 and not any(self.tokens[t].tag.startswith(("VB", "MD"))
                                               for t in range(j + 1, comma)):
            # "Pakistan, a peace-loving nation, has acted", "the Secretary of State, on behalf
            # of the three Powers, made": the subject before an apposition or a parenthesis
            return self.ref_ending(j - 1)
        return None

    def _possessor(self, r: Ref) -> bool:
        """Is ``r`` a possessor ("its prospects", "China's economy")?"""
        return _low(self.tokens, r.last) in _POSSESSIVE_PRONOUNS or \
            _low(self.tokens, r.last + 1) in ("'s", "’s", "'") or \
            _low(self.tokens, r.last).endswith(("'s", "’s"))

    def _other_head(self, j: int) -> bool:
        """Is token ``j``, after an actor's name inside a subject, a common noun that names
        something else than the actor, its parts or its conduct ("labour market", "umpire",
        "motives"; not "Government", "forces", "commanders", "imperialism", "today")?"""
        t = self.tokens[j]
        low = t.text.lower()
        if t.tag not in ("NN", "NNS") or not t.text.islower() or low in _TIME_NOUNS:
            return False
        rules = self.lex.rules
        if low in rules.get("actor_heads", ()) or low in rules.get("subject_heads", ()) or \
                low.endswith(_ACTION_ENDINGS):
            return False  # "The Israeli invasion of Lebanon": a nominalised action, its conduct
        return self.lex.lookup(low, t.tag) is None  # "American imperialism": its conduct

    def subject(self, v: int) -> Ref | None:
        """The actor of the subject of the verb group starting at ``v`` (see module docs)."""
        tokens = self.tokens
        end = v
        i = end
        while i > 0 and not _is_boundary(tokens, i - 1):
            i -= 1
        if i > 0 and _low(tokens, i - 1) in ("which", "who", "that") and i >= 2 and end == i:
            r = self.ref_ending(i - 2) or (self.ref_ending(i - 3) if _low(tokens, i - 2) == ","
                                           else None)
            if r is None and _low(tokens, i - 2) == "others" and _low(tokens, i - 3) == "and":
                r = self._first_conjunct(i - 4)  # "Qatar, France and others who support"
            if r is not None:  # "Israel, which violates": the relative's antecedent
                return r
        if i == end and i >= 2 and _low(tokens, i - 1) == ",":
            r = self._relative_antecedent(i - 1)
            if r is not None:  # "X, who launched wars, now support": X
                return r
        span = range(i, end)
        if not span or len(span) > 8 or any(tokens[k].tag.startswith(("VB", "MD"))
                                            for k in span):
            return None
        last = tokens[end - 1].text.lower()
        adjuncts = all(tokens[j].tag in ("RB", "CC") for j in range(i, end - 1))
        if last in _SUBJECT_PRONOUNS and (end - i == 1 or adjuncts):  # "Suddenly they"
            if last == "it" and _low(tokens, end) in _EXTRAPOSING and not (
                    _low(tokens, end) in _IT_AUXILIARIES and
                    _low(tokens, end + 1) not in _EXTRAPOSED_VERBS and
                    tokens[end + 1].tag.startswith("VB") if end + 1 < len(tokens) else False):
                return None  # "it is clear that", "it seems", "it has become clear"; not
                # "it has acted"
            return self.pronoun(end - 1)
        candidates = {}
        patient = self.lex.rules.get("of_patient", ())
        skipped_last = False
        for k in span:
            r = self.ref_starting(k)
            if r is None or r.last >= end:
                continue
            j = r.first - 1
            while j >= i and tokens[j].tag in ("DT", "PDT", "JJ", "CD"):
                j -= 1
            low = _low(tokens, j) if j >= i else ""
            if low in ("and", "or", ",") and (skipped_last or candidates):
                continue  # "Iran and Iraq": a conjunct shares the first one's fate
            skipped_last = (low in _PREPS and low not in ("of", "from") and not (
                low == "in" and _in_place(self, j - 1) == r)) or (
                low == "of" and _low(tokens, j - 1) in patient)  # "the invasion of Lebanon"
            if skipped_last:
                continue
            candidates.setdefault(r.actor_id, r)
        if not candidates:
            first = _low(tokens, i)
            if first in _POSSESSIVE_PRONOUNS:
                return self.pronoun(i)
            return None
        if len(candidates) == 1:
            r = next(iter(candidates.values()))
            coordinated = any(_low(tokens, j) in ("and", "or") for j in range(r.last + 1, end))
            if i >= 2 and r.first == i and _low(tokens, i - 1) == "," and coordinated:
                return self._first_conjunct(i - 2) or r  # "the US, France and Britain launched"
            if not coordinated and not self._possessor(r) and any(
                    self._other_head(j) for j in range(r.last + 1, end)):
                return None  # "the Australian labour market is failing", "Zimbabwean umpire
                # Ian Robinson made controversial decisions": a name inside a noun phrase
                # about something or someone else (sixteenth round)
            return r
        return None


#: Endings of nominalised actions ("invasion", "involvement", "interference", "seizure"): after
#: an actor's name inside a subject they are its conduct.
_ACTION_ENDINGS = ("ion", "ions", "ment", "ments", "ance", "ence", "ure", "ures")
#: Nouns of time the tagger reads as common nouns ("The world community today").
_TIME_NOUNS = frozenset({"today", "now", "yesterday", "tomorrow", "tonight", "year", "week",
                         "month", "time", "times"})


# ---------------------------------------------------------------------------------------------
# the rules
# ---------------------------------------------------------------------------------------------

def _rule_possessive(s: _Sentence, m) -> Ref | None:
    if m.entry.key in s.lex.rules.get("attitude_nouns", ()):
        return None  # "our admiration": the possessor holds the attitude
    if m.entry.kind == "label" and m.entry.key in s.lex.rules.get("of_patient", ()):
        return None  # "their oppressor", "its invaders": the possessor is the one acted upon
    k = m.first
    lo = s.np_left(k)
    r = s.possessor_before(lo)
    if r is not None and (s.np_head(m.last) != -1 or m.entry.pos == "noun"):
        return r
    if m.entry.pos == "noun" and _low(s.tokens, lo - 1) == "of" and lo >= 2:
        head = lo - 2
        if _low(s.tokens, head) in s.lex.rules.get("conduct_heads", ()):
            return s.possessor_before(s.np_left(head))
    return None


def _rule_modifier(s: _Sentence, m) -> Ref | None:
    if m.entry.key in s.lex.rules.get("attitude_nouns", ()):
        return None
    lo = s.np_left(m.first)
    head = s.np_head(m.last)
    if head == -1:
        return None
    if head != m.last and head not in s.ref_at and \
            _low(s.tokens, head) not in s.lex.rules.get("actor_heads", ()):
        return None  # "a fake British passport": the adjective evaluates a thing
    for k in range(lo, head + 1):
        r = s.ref_at.get(k)
        if r is not None and r.via == "name" and not (m.first <= k <= m.last) and \
                _low(s.tokens, r.last + 1) not in ("'s", "'"):
            if r.kind == "demonym" and s.tokens[r.last].text.endswith("s"):
                return None  # "Syrians" is a people, not a modifier ("against Syrians crimes")
            between = range(r.last + 1, m.first) if r.last < m.first else range(m.last + 1, r.first)
            if any(s.tokens[j].tag.startswith(("NN", "VB")) and j not in s.eval_tokens
                   for j in between):
                return None  # "Turkey support terrorism" is no noun phrase
            return r
    return None


#: Heads that stand for the actor their own of-phrase names ("the Government of India").
_CHAIN_HEADS = frozenset({"government", "governments", "people", "peoples", "leaders",
                          "leadership", "authorities", "delegation", "president", "regime",
                          "forces", "army", "administration", "state", "nation"})


def _past_determiners(s: _Sentence, k: int) -> int:
    """The first token from ``k`` on that is no determiner outside a reference."""
    while k < len(s.tokens) and s.tokens[k].tag in ("DT", "PDT") and k not in s.ref_at:
        k += 1
    return k


def _phrase_actor(s: _Sentence, k: int) -> Ref | None:
    """The reference that is the whole object of a preposition, starting at ``k``: not one
    that possesses (*of Syria's interests*) or only modifies a thing (*the pretext of Pakistani
    stamps*, *in the Lebanon border area*)."""
    tokens = s.tokens
    r = s.ref_starting(k)
    if r is None:
        return None
    after = r.last + 1
    if _low(tokens, after) in ("'s", "'"):
        return None
    if after < len(tokens) and tokens[after].tag.startswith("NN") and after not in s.ref_at \
            and _low(tokens, after) not in s.lex.rules.get("actor_heads", ()):
        return None
    return r


def _in_place(s: _Sentence, head: int) -> Ref | None:
    """The actor of *HEAD in (the) PLACE* when HEAD is a regime, Government, authorities …
    (``rules.in_heads``) and PLACE a state's name or capital: "the racist regime in South
    Africa" is South Africa; not a country after ``rules.ruled_adjectives`` ("the colonial
    regime in Angola")."""
    tokens = s.tokens
    rules = s.lex.rules
    if _low(tokens, head) not in rules.get("in_heads", ()) or _low(tokens, head + 1) != "in":
        return None
    r = _phrase_actor(s, _past_determiners(s, head + 2))
    if r is None or r.type != "state":
        return None
    if r.kind != "capital":
        j = head - 1
        while j >= 0 and head - j <= 5 and not _is_boundary(tokens, j) and \
                tokens[j].tag not in ("DT", "PDT", "PRP$", "IN"):
            if _low(tokens, j) in rules.get("ruled_adjectives", ()):
                return None
            j -= 1
    return r


def _of_object(s: _Sentence, k: int) -> Ref | None:
    """The actor of an of-phrase starting at token ``k`` (the word after "of")."""
    tokens = s.tokens
    k = _past_determiners(s, k)
    if s.ref_starting(k) is not None:
        return _phrase_actor(s, k)
    low = _low(tokens, k)
    if low in _POSSESSIVE_PRONOUNS and k + 1 < len(tokens) and \
            tokens[k + 1].tag.startswith("NN") and _low(tokens, k + 2) == ",":
        return s.ref_starting(k + 3)  # "of his predecessor, Bashar al-Assad"
    if low in _CHAIN_HEADS and _low(tokens, k + 1) == "of":
        return _of_object(s, k + 2)  # "of the Government of India", "of the people of Angola"
    return _in_place(s, k)  # "of the Government in Kabul"


def _rule_of(s: _Sentence, m) -> Ref | None:
    head = s.np_head(m.last)
    if head == -1:
        return None
    patient = s.lex.rules.get("of_patient", ())
    if _low(s.tokens, head) in patient or m.entry.key in patient or \
            _low(s.tokens, head) in s.lex.rules.get("quantity_heads", ()):
        return None  # "oppression of"; "a reasonable number of members"
    if _low(s.tokens, head + 1) == "of":
        return _of_object(s, head + 2)
    return _in_place(s, head)  # "the racist regime in South Africa"


def _rule_agent(s: _Sentence, m) -> Ref | None:
    head = s.np_head(m.last)
    if head == -1:
        return None
    k = head + 1
    if _low(s.tokens, k) in _AGENT_PARTICIPLES:
        k += 1
        if _low(s.tokens, k) == "out":
            k += 1
    if _low(s.tokens, k) != "by":
        return None
    k = _past_determiners(s, k + 1)
    r = s.ref_starting(k)
    if r is None:  # "by the (racist) regime of Pretoria" (nineteenth round)
        j = k
        while j < len(s.tokens) and s.tokens[j].tag.startswith("JJ") and j not in s.ref_at:
            j += 1
        if _low(s.tokens, j) in _CHAIN_HEADS and _low(s.tokens, j + 1) == "of":
            return _of_object(s, j + 2)
        return _in_place(s, j)  # "by the fascist junta in Chile"
    return r if _low(s.tokens, r.last + 1) not in ("'s", "'") else None


def _rule_apposition(s: _Sentence, m) -> Ref | None:
    tokens = s.tokens
    lo = s.np_left(m.first)
    if lo > 0 and tokens[lo - 1].tag in ("DT", "PDT"):
        lo -= 1
    head = s.np_head(m.last)
    if head == -1:
        return None
    after = _low(tokens, head + 1)
    # "ACTOR, a brutal dictator,"; a bare plural is a list's next item, no apposition
    # ("small States, friendly countries, hostile forces")
    if lo >= 2 and _low(tokens, lo - 1) == "," and after in (",", ".", ";", ")", "") and \
            tokens[lo].tag in ("DT", "PDT", "PRP$"):
        r = s.ref_ending(lo - 2)
        if r is not None and all(not tokens[k].tag.startswith(("VB", "MD"))
                                 for k in range(lo, head + 1)):
            return r
    # "the brutal dictator, ACTOR,"
    if after == "," and (lo == 0 or _is_boundary(tokens, lo - 1)) and \
            _low(tokens, lo - 1) not in _PREPS:
        r = s.ref_starting(head + 2)
        if r is not None and _low(tokens, r.last + 1) in (",", ".", ";", ")", ""):
            return r
    return None


def _copula_before(s: _Sentence, k: int) -> int:
    """Index of the copula (or "by" of "defined by", "as" of "itself as") that governs the
    predicate starting at ``k``, skipping coordinated predicates; -1 if none."""
    tokens = s.tokens
    i = k - 1
    commas = 0
    while i >= 0 and k - i <= 14:
        t = tokens[i]
        low = t.text.lower()
        if low in _COPULAS and t.tag.startswith("VB"):
            return i
        if low == "by" and _low(tokens, i - 1) in _BY_COPULAS:
            return i
        if low == "as" and (_low(tokens, i - 1) in _REFLEXIVE or _low(tokens, i - 1) in _AS_COPULAS):
            return i
        if low == ",":
            commas += 1
            if commas > 3:
                return -1
        elif low in ("and", "or", "not", "but") or t.tag.startswith(("JJ", "RB", "DT", "NN",
                                                                     "CD", "PRP$")) or \
                (t.tag == "VBN" and i in s.eval_tokens):
            if i in s.ref_at:
                return -1
        else:
            return -1
        i -= 1
    return -1


def _rule_copula(s: _Sentence, m) -> Ref | None:
    if m.entry.pos not in ("adjective", "noun", "phrase"):
        return None
    lo = s.np_left(m.first)
    c = _copula_before(s, lo)
    if c == -1:
        return None
    v = c
    low = _low(s.tokens, c)
    if low in ("by", "as"):
        v = c - 1
        if _low(s.tokens, v) in _REFLEXIVE:
            v -= 1
    r = s.subject(s.verb_group_start(v))
    if r is not None and r.via == "pronoun" and _low(s.tokens, r.first) == "it":
        return None  # "as if it were the most dangerous situation": it is mostly a thing
    return r


def _verb_near(s: _Sentence, k: int) -> int:
    for j in (k + 1, k - 1, k + 2, k - 2):
        if 0 <= j < len(s.tokens) and s.tokens[j].tag.startswith("VB") and j not in s.ref_at:
            return j
    return -1


def _rule_subject(s: _Sentence, m) -> Ref | None:
    tokens = s.tokens
    verb_phrase = m.entry.pos == "phrase" and tokens[m.first].tag.startswith("VB") and \
        m.entry.kind != "judgement"  # "they turn a blind eye": evaluates its subject
    if (m.entry.pos == "verb" and m.entry.kind == "act") or verb_phrase:
        start = s.verb_group_start(m.first)
        if tokens[m.first].tag in ("VBN", "VBD") and any(_low(tokens, j) in _COPULAS
                                                         for j in range(start, m.first)):
            return _passive_agent(s, m.last + 1)  # "hijacked by terrorists"; else the subject
            # is the one acted upon ("Norway will not be intimidated"): no target
        if tokens[m.first].tag == "VBG" and _low(tokens, m.first - 1) == "of":
            return _accused_of(s, m.first - 1)  # "accuses Pakistan of masterminding"
        return s.subject(start)
    if m.entry.pos == "adverb":
        v = _verb_near(s, m.first)
        if v == -1:
            return None
        if s.tokens[v].tag == "VBG" and _low(tokens, min(v, m.first) - 1) in _PREPS:
            return None  # "in successfully addressing": a gerund adjunct has no subject here
        # "brutally they decided": the subject stands between the adverb and its verb
        start = s.verb_group_start(v if v > m.first + 1 else min(v, m.first))
        if tokens[v].tag == "VBN" and any(_low(tokens, j) in _COPULAS for j in range(start, v)):
            return _passive_agent(s, max(v, m.first) + 1)  # "cynically ignored by the USSR"
        return s.subject(start)
    if m.entry.pos not in ("adjective", "noun", "phrase"):
        return None
    conduct = s.lex.rules.get("conduct_verbs", ())
    lo = s.np_left(m.first)
    if lo > 0 and tokens[lo - 1].tag in ("DT", "PDT", "PRP$"):
        lo -= 1
    if _low(tokens, lo - 1) == "of" and m.entry.kind != "label":
        r = _accused_of(s, lo - 1)
        if r is not None:
            return r  # "accused Iran of reckless behaviour": the accused
    head = s.np_head(m.last)
    manner = head != -1 and _low(tokens, head) in s.lex.rules.get("manner_heads", ()) and \
        _low(tokens, lo - 1) in ("on", "in", "with")
    i = lo - 1
    preps = 0
    while i >= 0 and lo - i <= 9:
        t = tokens[i]
        low = t.text.lower()
        if _is_boundary(tokens, i) or i in s.eval_tokens:
            return None
        if t.tag.startswith(("VB", "MD")):  # the nearest verb decides
            if m.entry.kind == "label" or m.entry.key in s.lex.rules.get("label_adjectives", ()):
                return None  # "support terrorists": the label names its own target
            sponsor = low in s.lex.rules.get("sponsor_verbs", ()) and preps == 0 and \
                m.entry.pos == "noun" and m.polarity < 0
            if low in _COPULAS or not (manner or sponsor or (low in conduct and preps <= 1)):
                return None
            if low in ("has", "have", "had", "having") and i + 1 < m.first and \
                    tokens[i + 1].tag in ("VBN", "VBD") and \
                    (lexical_tags().get(_low(tokens, i + 1)) or "").startswith("VB") and \
                    _low(tokens, i + 1) not in conduct and \
                    _low(tokens, i + 1) not in s.lex.rules.get("sponsor_verbs", ()):
                return None  # "has opposed flagrant aggression": an auxiliary, not "have";
                # "had undoubted successes": not a verb by the lexicon, so not a participle
            if _low(tokens, i + 1) in ("away", "off", "down", "back", "apart"):
                return None  # "have taken away terrorist safe havens"
            return s.subject(s.verb_group_start(i))
        if low in _PREPS:
            preps += 1
            if low not in ("on", "in", "with", "upon") and not manner:
                return None
        i -= 1
    return None


def _rule_adverbial(s: _Sentence, m) -> Ref | None:
    """An adverbial of conduct: *in (flagrant) violation of*, *under the pretext of* … (the
    ``adverbial_heads``) evaluates the subject of the clause it modifies, before it ("Ruritania
    seized the port, in flagrant violation of the truce") or after it ("Under the pretext of
    security, Ruritania seized the port")."""
    tokens = s.tokens
    if m.entry.pos != "noun" or _low(tokens, m.first) not in s.lex.rules.get(
            "adverbial_heads", ()) or _low(tokens, m.last + 1) != "of":
        return None
    lo = m.first
    while lo > 0 and tokens[lo - 1].tag in ("DT", "JJ", "RB") and lo - 1 not in s.ref_at:
        lo -= 1
    prep = _low(tokens, lo - 1)
    if prep not in ("in", "under") and not (prep in ("on", "upon") and
                                             _low(tokens, m.first).startswith("pretext")):
        return None  # not "speak our mind on violations of": a topic, not an adverbial
    pp = lo - 1
    if pp == 0 or (pp == 1 and tokens[0].tag == "CC"):
        # sentence-initial: the first clause after the of-phrase's closing comma
        for k in range(m.last + 2, len(tokens)):
            if _low(tokens, k) == ",":
                for v in range(k + 1, min(len(tokens), k + 10)):
                    if tokens[v].tag.startswith(("VB", "MD")) and v not in s.ref_at:
                        return s.subject(s.verb_group_start(v))
                return None
            if tokens[k].text in (";", ":", ".") or (_is_boundary(tokens, k) and
                                                     _low(tokens, k) not in ("that",)):
                return None
        return None
    # after its clause: a verb at most six words before it (over one comma just before the
    # PP); further back the verb is often another clause's (read on 200 unannotated speeches:
    # "we hear of the maltreatment of X, in defiance of" is X's, not ours)
    i = pp - 1
    if _low(tokens, i) == ",":
        i -= 1
    while i >= 0 and pp - i <= 7:
        t = tokens[i]
        if t.text in (";", ":", ".", "(", ")") or (_is_boundary(tokens, i) and t.text != ","
                                                    and _low(tokens, i) not in ("that",)):
            return None
        if t.tag.startswith(("VB", "MD")) and i not in s.ref_at and i not in s.eval_tokens:
            start = s.verb_group_start(i)
            if t.tag == "VBN" and any(_low(tokens, j) in _COPULAS for j in range(start, i)):
                return _passive_agent(s, i + 1)  # "being made by X in violation of"
            return s.subject(start)
        i -= 1
    return None


def _passive_agent(s: _Sentence, k: int) -> Ref | None:
    """The actor of "by (the) ACTOR" starting at token ``k``."""
    if _low(s.tokens, k) != "by":
        return None
    k += 1
    while k < len(s.tokens) and s.tokens[k].tag in ("DT", "PDT") and k not in s.ref_at:
        k += 1
    r = s.ref_starting(k)
    if r is not None:
        return None if _low(s.tokens, r.last + 1) in ("'s", "'") else r
    low = _low(s.tokens, k)
    if low in s.lex.labels:
        t = s.tokens[k]
        return Ref(k, k, f"other:{low}", "label", t.start, t.end)
    return None


def _accused_of(s: _Sentence, of: int) -> Ref | None:
    """The object of the judgement verb before "of" ("accused Iran of financing")."""
    for m in s.matches:
        if m.entry.kind == "judgement" and m.last < of:
            r = _rule_object(s, m)
            if r is not None and r.last < of:
                return r
    return None


def _rule_object(s: _Sentence, m) -> Ref | None:
    if m.entry.kind != "judgement":
        return None
    tokens = s.tokens
    k = m.last + 1
    if m.entry.pos == "phrase":
        if _low(tokens, k) != "to":
            return None
        k += 1
    first = k
    limit = k + 6
    patient = s.lex.rules.get("of_patient", ())
    while k < min(limit, len(tokens)):
        if _low(tokens, k) == "of" and _low(tokens, k - 1) in patient:
            # "condemned the invasion of Afghanistan by the USSR": the one acted upon is not
            # the object of the blame; the invader may follow
            j = k + 1
            while j < min(k + 5, len(tokens)) and _low(tokens, j) != "by" and \
                    not _is_boundary(tokens, j):
                j += 1
            return _passive_agent(s, j)
        if k in s.ref_at:
            r = s.ref_at[k]
            if m.entry.key in ("condemn", "welcome") and "to" in [_low(tokens, j) for j in
                                                               range(r.last + 1, r.last + 4)]:
                return None  # "condemning our children to ..." dooms; "welcome X to" greets
            return r
        t = tokens[k]
        low = t.text.lower()
        if low == "in" and k > first:
            r = _in_place(s, k - 1)
            if r is not None:
                return r  # "condemn the racist regime in South Africa" (nineteenth round)
        participle = (t.tag in ("VBN", "VBG") or (t.tag == "VBD" and k > first and
                                                   tokens[k - 1].tag == "DT")) and \
            k + 1 < len(tokens) and tokens[k + 1].tag.startswith(("NN", "JJ"))
        # "the continued attacks of", "the armed forces of": a participle modifying a noun
        if _is_boundary(tokens, k) or (low in _PREPS and low != "of") or \
                (t.tag.startswith("VB") and not participle):
            return None
        if low == "of":  # "welcome the initiative of the Government of Qatar": of-chains
            limit = min(limit + 3, first + 14)
        if low in _POSSESSIVE_PRONOUNS:  # the object's own determiner only ("praise its role")
            return s.pronoun(k) if k <= first + 1 and m.entry.key != "condemn" else None
        k += 1
    return None


def _named_as(s: _Sentence, k: int) -> Ref | None:
    """The actor of "under the name (of) X", "called X", "known as X" starting at ``k``."""
    low = [_low(s.tokens, j) for j in range(k, k + 4)]
    if low[:3] == ["under", "the", "name"]:
        k += 4 if low[3] == "of" else 3
    elif low[0] in ("called", "named"):
        k += 1
    elif low[:2] == ["known", "as"]:
        k += 2
    else:
        return None
    while k < len(s.tokens) and s.tokens[k].tag in ("DT", "PDT") and k not in s.ref_at:
        k += 1
    return s.ref_starting(k)


_INDEFINITE = frozenset({"a", "an", "any", "every", "each", "no", "another"})


def _rule_label(s: _Sentence, m) -> Ref | None:
    if m.negated:
        return None
    if m.entry.kind == "label":
        tokens = s.tokens
        k = m.first - 1
        while k >= 0 and tokens[k].tag in ("DT", "JJ", "PDT") and k not in s.eval_tokens:
            k -= 1
        if _low(tokens, k) == "as":  # "X acts as an aggressor", "condemned X as an aggressor"
            for j in range(k - 1, max(-1, k - 11), -1):
                if _is_boundary(tokens, j):
                    break
                r = s.ref_ending(j)
                if r is not None:
                    return r
        if not m.entry.key.endswith("s") and _low(tokens, m.first - 1) in _INDEFINITE:
            return None  # "an aggressor would be incapable", "any aggressor": no one named
        t = tokens[m.first]
        return Ref(m.first, m.last, f"other:{m.entry.key}", "label", t.start,
                   tokens[m.last].end)
    if m.entry.pos == "adjective" and m.entry.key in s.lex.rules.get("label_adjectives", ()):
        head = s.np_head(m.last)  # "armed terrorist groups" -> other:terrorists
        if head != -1 and _low(s.tokens, head) in s.lex.rules.get("label_heads", ()):
            named = _named_as(s, head + 1)  # "a terrorist group under the name of X"
            if named is not None:
                return named
            t = s.tokens[m.first]
            return Ref(m.first, head, f"other:{m.entry.key}s", "label", t.start,
                       s.tokens[head].end)
    return None


# ---------------------------------------------------------------------------------------------
# the chunk rules (fourth round): read from the phrase chunks (discourse.actors.chunks), tried
# only when none of the rules above fires
# ---------------------------------------------------------------------------------------------

_CHAIN_PREPS = ("of", "from", "between")
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "get", "got"})


def _chunk(s: _Sentence, k: int) -> Chunk | None:
    if not s.chunks:
        return None
    c = s.chunk_at.get(k)
    return s.chunks[c] if c is not None else None


def _np_head(s: _Sentence, ch: Chunk) -> int:
    """The head of a noun chunk: its last noun (or pronoun); -1 without one."""
    for k in range(ch.last, ch.first - 1, -1):
        if s.tokens[k].tag.startswith(("NN", "PRP")) and s.tokens[k].tag != "PRP$":
            return k
    return -1


def _np_actor(s: _Sentence, ch: Chunk, depth: int = 0, hops: int = 3) -> Ref | None:
    """The actor a noun chunk names: a subject pronoun; its possessor (*ACTOR's*, *its,
    their*); the one actor inside it that is its head or modifies an actor head ("the Israeli
    forces", "the new leadership"; coordinated actors: the first); else, through *of, from,
    between*, the noun chunk after it, unless its head names the one acted upon ("the invasion
    of Lebanon") or a quantity."""
    tokens = s.tokens
    if ch.first == ch.last and tokens[ch.first].tag == "PRP":
        low = _low(tokens, ch.first)
        if low == "it" and _low(tokens, ch.last + 1) in _EXTRAPOSING:
            return None
        return s.pronoun(ch.first) if low in _SUBJECT_PRONOUNS | {"they"} else None
    head = _np_head(s, ch)
    own = s.ref_at.get(head) if head != -1 else None
    if own is not None and own.last == head and own.first >= ch.first and not any(
            ch.first <= r.first and r.last < own.first for r in s.refs):  # coordinated: below
        return own  # the chunk names the actor itself: "our Organization", "the new leadership"
    if tokens[ch.first].tag == "PRP$":
        return s.pronoun(ch.first)
    j = ch.first - 1  # the possessor, before adjective chunks ("Pakistan's generous handling")
    while j >= 0 and (_low(tokens, j) in ("and", "or", ",") or (
            _chunk(s, j) is not None and _chunk(s, j).kind in ("ADJP", "ADVP"))):
        j -= 1
    if _low(tokens, j) in ("'s", "'") and j >= 1:
        r = s.ref_ending(j - 1)
        if r is not None:
            return r
    if head == -1:
        return None
    inside = [r for r in s.refs if ch.first <= r.first and r.last <= ch.last]
    if inside:
        r = inside[0]
        joined = all(_low(tokens, j) in ("and", "or", ",", "the")
                     for a, b in zip(inside, inside[1:]) for j in range(a.last + 1, b.first))
        if len({x.actor_id for x in inside}) > 1 and not joined:
            return None
        if r.last >= head or any(x.last >= head for x in inside) or \
                _low(tokens, head) in s.lex.rules.get("actor_heads", ()):
            return r
        return None
    low = _low(tokens, head)
    if depth >= hops or low in s.lex.rules.get("of_patient", ()) or \
            low in s.lex.rules.get("quantity_heads", ()):
        return None
    c = s.chunk_at[ch.last]
    if c + 2 < len(s.chunks) and s.chunks[c + 1].kind == "PP" and \
            s.chunks[c + 1].first == ch.last + 1 and \
            _low(tokens, s.chunks[c + 1].last) in _CHAIN_PREPS and s.chunks[c + 2].kind == "NP" \
            and s.chunks[c + 2].first == s.chunks[c + 1].last + 1:
        return _np_actor(s, s.chunks[c + 2], depth + 1, hops)
    return None


def _chunk_subject(s: _Sentence, v: int) -> Ref | None:
    """The actor of the subject of the verb chunk starting at token ``v``: walking back over
    adverbs, *to*, prepositional noun phrases, and — in a coordination of verb phrases
    ("Israel occupies the land and violates ...") — the earlier verbs and their objects, to the
    first noun chunk; a relative pronoun gives its antecedent. Stops at a clause edge."""
    tokens = s.tokens
    if not s.chunks:
        return None
    i = v - 1
    coordinated = crossed_to = False
    while i >= 0:
        low = _low(tokens, i)
        if low in ("which", "who", "that") and tokens[i].tag in ("WDT", "WP", "IN"):
            j = i - 1 if _low(tokens, i - 1) != "," else i - 2
            ch = _chunk(s, j)
            if ch is None or ch.kind != "NP" or ch.last != j:
                return None
            return _np_actor(s, ch)
        if low in ("and", "or") or (low == "," and coordinated):
            coordinated = True
            i -= 1
            continue
        if _is_boundary(tokens, i):
            return None
        ch = _chunk(s, i)
        if ch is None:
            return None
        if ch.kind == "NP":
            before = _chunk(s, ch.first - 1)
            if crossed_to:  # "urge the government to", "call upon the community to"
                return _np_actor(s, ch)
            if ch.pnp or (coordinated and before is not None and before.kind == "VP"):
                i = ch.first - 1  # the object of a preposition, or of an earlier conjunct
                continue
            return _np_actor(s, ch)
        if ch.kind == "VP":
            participle = ch.first == ch.last and tokens[ch.first].tag in ("VBN", "VBG")
            if not (coordinated or crossed_to or participle):
                return None
            crossed_to = False
        elif ch.kind == "PP":
            if ch.pnp:
                pass
            elif low == "to":
                crossed_to = True
            else:
                return None
        i = ch.first - 1
    return None


def _verb_chunk(s: _Sentence, m) -> Chunk | None:
    """The verb chunk of a verb match, or the one an adverb match stands in or next to."""
    ch = _chunk(s, m.first)
    if ch is None:
        return None
    if ch.kind == "VP":
        return ch
    if ch.kind == "ADVP":
        for k in (ch.last + 1, ch.first - 1):
            near = _chunk(s, k)
            if near is not None and near.kind == "VP":
                return near
    return None


def _passive(s: _Sentence, ch: Chunk) -> bool:
    tokens = s.tokens
    main = max((k for k in range(ch.first, ch.last + 1) if tokens[k].tag.startswith("VB")),
               default=-1)
    return main != -1 and tokens[main].tag in ("VBN", "VBD") and any(
        _low(tokens, k) in _BE_FORMS for k in range(ch.first, main))  # the tagger: "was VBD"


def _rule_chunk_subject(s: _Sentence, m) -> Ref | None:
    verb_phrase = m.entry.pos == "phrase" and s.tokens[m.first].tag.startswith("VB") and \
        m.entry.kind != "judgement"
    if not ((m.entry.pos == "verb" and m.entry.kind == "act") or verb_phrase or
            m.entry.pos == "adverb"):
        return None
    ch = _verb_chunk(s, m)
    if ch is None:
        return None
    if _passive(s, ch):
        return _passive_agent(s, ch.last + 1)
    before = _chunk(s, ch.first - 1)
    if ch.first == ch.last and s.tokens[ch.first].tag == "VBN" and before is not None and \
            before.kind == "NP":  # "nations divided artificially": a reduced passive
        # relative; the noun is the one acted upon, the agent (if any) follows
        return _passive_agent(s, max(ch.last, m.last) + 1)
    return _chunk_subject(s, ch.first)


def _rule_chunk_copula(s: _Sentence, m) -> Ref | None:
    if m.entry.pos not in ("adjective", "noun", "phrase") or m.entry.kind == "label":
        return None
    tokens = s.tokens
    ch = _chunk(s, m.first)
    if ch is None:
        return None
    if ch.kind == "VP":  # "was calculated": the predicate inside the verb chunk
        if any(_low(tokens, k) in _COPULAS for k in range(ch.first, m.first)) and \
                _low(tokens, m.last + 1) != "by":
            return _chunk_subject(s, ch.first)
        return None
    if ch.kind not in ("ADJP", "NP"):
        return None
    i = ch.first - 1
    while i >= 0 and m.first - i <= 12:  # back over coordinated predicates to the copula
        low = _low(tokens, i)
        c = _chunk(s, i)
        if c is not None and c.kind == "VP":
            if _low(tokens, c.last) in _COPULAS or (
                    tokens[c.last].tag.startswith("RB") and
                    any(_low(tokens, k) in _COPULAS for k in range(c.first, c.last))):
                return _chunk_subject(s, c.first)
            if i in s.eval_tokens:  # "calculated and composed"
                i = c.first - 1
                continue
            return None
        if low in ("and", "or", ",") or (c is not None and c.kind in ("ADJP", "ADVP")) or \
                i in s.eval_tokens or tokens[i].tag in ("DT", "RB"):
            i -= 1
            continue
        return None
    return None


def _rule_chunk_conduct(s: _Sentence, m) -> Ref | None:
    """EV in the object of a conduct verb, or in a prepositional phrase attached to that
    object ("X pursues a policy built on deceit"): the verb's subject."""
    if m.entry.pos not in ("adjective", "noun", "phrase") or m.entry.kind == "label" or \
            m.entry.key in s.lex.rules.get("label_adjectives", ()):
        return None
    ch = _chunk(s, m.first)
    if ch is None or ch.kind != "NP":
        return None
    tokens = s.tokens
    steps = 0
    while ch.pnp and steps < 3:  # up the chain of prepositional phrases to the object
        pp = _chunk(s, ch.first - 1)
        if pp is None or pp.kind != "PP" or _low(tokens, pp.first) not in (
                "of", "on", "in", "with", "upon"):
            return None
        prev = _chunk(s, pp.first - 1)
        if prev is not None and prev.kind == "VP" and prev.first == prev.last and \
                tokens[prev.first].tag == "VBN":
            prev = _chunk(s, prev.first - 1)  # "policies based on"
        if prev is None or prev.kind != "NP":
            return None
        ch = prev
        steps += 1
    if ch.pnp:
        return None
    vp = _chunk(s, ch.first - 1)
    if vp is None or vp.kind != "VP":
        return None
    verb = max((k for k in range(vp.first, vp.last + 1) if tokens[k].tag.startswith("VB")),
               default=-1)
    if verb == -1 or _low(tokens, verb) not in s.lex.rules.get("conduct_verbs", ()) or \
            _passive(s, vp):
        return None
    return _chunk_subject(s, vp.first)


def _rule_chunk_np(s: _Sentence, m) -> Ref | None:
    """EV inside a noun chunk: the actor that chunk names (see :func:`_np_actor`)."""
    if m.entry.pos not in ("adjective", "noun", "phrase") or m.entry.kind == "label" or \
            m.entry.key in s.lex.rules.get("attitude_nouns", ()) or \
            m.entry.key in s.lex.rules.get("label_adjectives", ()):
        return None
    ch = _chunk(s, m.first)
    if ch is None or ch.kind != "NP" or m.last > ch.last:
        return None
    head = _np_head(s, ch)
    if head == -1 or (head != m.last and _low(s.tokens, head) in
                      s.lex.rules.get("of_patient", ())):
        return None
    # an evaluative head noun's of-phrase is as often the one acted upon ("defiance of X") as
    # the actor: followed only from an adjective's head, and one step
    r = _np_actor(s, ch, hops=1 if head != m.last and _low(s.tokens, head) in
                  s.lex.rules.get("actor_heads", ()) else 0)  # not "the realistic assessment of X"
    if r is not None and ch.first <= r.first and r.last <= ch.last and \
            not (r.last >= head or _low(s.tokens, head) in s.lex.rules.get("actor_heads", ())):
        return None
    return r


def _noun_phrase_only(rule):
    def wrapped(s, m):
        return rule(s, m) if m.entry.pos in ("adjective", "noun", "phrase") else None
    wrapped.__name__ = rule.__name__
    return wrapped


_rule_possessive, _rule_modifier, _rule_of, _rule_agent, _rule_apposition = map(
    _noun_phrase_only, (_rule_possessive, _rule_modifier, _rule_of, _rule_agent,
                        _rule_apposition))

_RULES = [("possessive", _rule_possessive), ("modifier", _rule_modifier), ("of", _rule_of),
          ("agent", _rule_agent), ("apposition", _rule_apposition), ("copula", _rule_copula),
          ("subject", _rule_subject), ("adverbial", _rule_adverbial), ("object", _rule_object),
          ("label", _rule_label),
          ("chunk_subject", _rule_chunk_subject), ("chunk_copula", _rule_chunk_copula),
          ("chunk_conduct", _rule_chunk_conduct), ("chunk_np", _rule_chunk_np)]
assert tuple(name for name, _ in _RULES) == EVALUATION_RULES


#: the rules that read a clause's subject: a praise in a clause that asks for the conduct
#: (:func:`_asked_for`) names no property of that subject
_SUBJECT_RULES = frozenset({"copula", "subject", "adverbial", "chunk_subject", "chunk_copula",
                            "chunk_conduct"})
_DEONTIC = frozenset({"must", "should", "ought"})
_NEED = frozenset({"need", "needs", "needed", "have", "has"})
_DIRECTIVE = frozenset({"call", "calls", "called", "urge", "urges", "urged", "invite", "invites",
                        "invited", "appeal", "appeals", "appealed", "encourage", "encourages",
                        "encouraged", "request", "requests", "requested"})


def _asked_for(s: _Sentence, m) -> bool:
    """Is a positive evaluation in a clause governed by *must, should, ought*,
    *need / have to* or *call upon … to* (at most twelve words back, no clause boundary)? Then
    it names a conduct asked for, a goal (docs/annotation.md sec. 7: "value nouns named as
    goals"), not a praise of the clause's subject: *the international community must
    contribute constructively*, *we should be bold*, *we call upon all States to make a
    constructive contribution*. A blame keeps its target (*Israel must be aggressive*)."""
    if m.polarity <= 0:
        return False
    tokens = s.tokens
    k = m.first - 1
    while k >= 0 and m.first - k <= 12 and not _is_boundary(tokens, k):
        low = _low(tokens, k)
        if low in _DEONTIC or (low == "to" and _low(tokens, k - 1) in _NEED) or \
                (low in _DIRECTIVE and any(_low(tokens, t) == "to" for t in range(k + 1, m.first))):
            return True
        k -= 1
    return False


def attach(s: _Sentence, m) -> tuple[Ref | None, str | None]:
    """The first rule that finds the target of match ``m``: ``(ref, rule)`` or ``(None, None)``.
    The subject rules are skipped for a praise of a conduct asked for (:func:`_asked_for`)."""
    if m.entry.key in s.lex.rules.get("unattached", ()):
        return None, None
    goal = _asked_for(s, m)
    for name, rule in _RULES:
        if goal and name in _SUBJECT_RULES:
            continue
        r = rule(s, m)
        if r is not None and r.actor_id:
            return r, name
    return None, None


# ---------------------------------------------------------------------------------------------
# the table
# ---------------------------------------------------------------------------------------------

def _sentence_refs(tokens, mentions, ctx, types, others=None,
                   evaluative=frozenset(), attributive=frozenset()) -> list[Ref]:
    """Gazetteer mentions (by character span), descriptive references, and (``others``:
    ``(group heads, group memory, person names, lexicon rules)``) persons and groups the
    gazetteer lacks, as token refs."""
    refs = []
    taken = [False] * len(tokens)
    owners: dict[int, set] = {}
    for start, end, actor_id, _ in mentions:
        for k, t in enumerate(tokens):
            if t.start < end and t.end > start:
                owners.setdefault(k, set()).add(actor_id)
    for start, end, actor_id, kind in mentions:
        ks = [k for k, t in enumerate(tokens) if t.start < end and t.end > start]
        for k in ks:
            taken[k] = True
        if not ks or any(len(owners[k]) > 1 for k in ks):
            continue  # "Israeli-Palestinian violence": one word, two actors
        refs.append(Ref(ks[0], ks[-1], actor_id, "name", start, end, types.get(actor_id, ""),
                        kind))
    refs += description_refs(tokens, taken, ctx)
    if others is not None:
        heads, memory, people, rules = others
        refs += person_refs(tokens, taken, people)
        groups = group_refs(tokens, taken, heads, memory, evaluative, attributive, rules)
        # a partitive group absorbs the name of its whole ("members of the Security Council")
        refs = [r for r in refs if not any(g.first <= r.first and r.last <= g.last
                                           for g in groups)] + groups
    refs = [replace(r, prep=r.first > 0 and _low(tokens, r.first - 1) in _PREPS - {"by"})
            for r in refs]
    return sorted(refs, key=lambda r: r.first)


def _attributive(sa, lex) -> frozenset:
    """Token indices of the evaluative adjectives that may evaluate a group named after them
    ("brutal militias"): not label adjectives ("terrorist groups" is a label of its own),
    not those left unattached or predicative only, not negated."""
    skip = set(lex.rules.get("label_adjectives", ())) | set(lex.rules.get("unattached", ())) | \
        set(lex.rules.get("predicative_only", ()))
    return frozenset(k for m in sa.matches if m.entry.pos == "adjective" and not m.negated
                     and m.entry.key not in skip for k in range(m.first, m.last + 1))


def _word_before(text: str, pos: int, lo: int) -> str:
    """The lower-cased word before character ``pos`` (not before ``lo``), skipping "the"."""
    words = text[lo:pos].split()
    while words and words[-1].lower() in ("the", "a", "an"):
        words.pop()
    return words[-1].lower() if words else ""


def _person_names(doc) -> tuple[list[list[str]], frozenset]:
    """Runs of capitalised words the document gives as persons' names (as find_quotes reads
    them), and the surnames it uses after a title ("Mr Arafat", "President Musharraf")."""
    from ..rhetoric.reported import _CAPS_RUN, _person_runs, _strip_titles
    folded = parse(doc).folded
    titled = set()
    for m in _CAPS_RUN.finditer(folded):
        toks = m.group(0).split()
        stripped = _strip_titles(toks)
        if len(stripped) < len(toks) and \
                toks[len(toks) - len(stripped) - 1].lower().rstrip(".") in PERSON_TITLES:
            titled.add(stripped[-1])
    return _person_runs(folded, titled_ok=False), frozenset(titled)


def find_evaluations(data, gazetteer=None, *, lexicon=None, include_headings: bool = True,
                     progress: bool = False) -> pd.DataFrame:
    """Every evaluative expression with the actor it is predicated of (see the module docs).

    Parameters
    ----------
    data : Corpus or Document
    gazetteer : Gazetteer, path or None
    lexicon : EvaluationLexicon, name or path, optional
        Default: the shipped ``discourse/data/lexicons/evaluation.yaml``.
    include_headings : bool, default=True
        Read headings too (each one sentence), as :func:`~discourse.actors.mentions.find_mentions`.
    progress : bool, default=False

    Returns
    -------
    DataFrame
        :data:`EVALUATION_COLUMNS`, one row per evaluative expression, in text order.

    Examples
    --------
    >>> import discourse
    >>> ev = find_evaluations(discourse.load_article())
    >>> ev[ev.match == "rigid"][["actor_id", "rule"]].values.tolist()
    [['bashar_assad', 'of']]
    """
    from .matching import _scan

    corpus = as_corpus(data, "find_evaluations")
    gaz = gazetteer_or_default(gazetteer)
    lex = load_evaluation_lexicon(lexicon) if lexicon is not None else _shipped()
    info = gaz._by_id()
    types = {a: r["type"] for a, r in info.items()}
    kinds = dict(zip(gaz.aliases["alias"], gaz.aliases["kind"]))
    mentions, _ = _scan(corpus, gaz, include_headings=include_headings, progress=progress)
    by_doc = {d: part for d, part in mentions.groupby("doc_id", sort=False)}
    rows = []
    empty = mentions.iloc[:0]
    for doc in corpus:
        parsed = parse(doc)
        doc_mentions = by_doc.get(doc.id, empty)
        ctx = document_context(doc, gaz, doc_mentions)
        others = (lex.rules.get("group_heads", frozenset()), {}, _person_names(doc), lex.rules)
        per_sentence: dict[int, list] = {}
        for s, e, a, al, si in zip(doc_mentions["start"], doc_mentions["end"],
                                   doc_mentions["actor_id"], doc_mentions["alias"],
                                   doc_mentions["sentence"]):
            per_sentence.setdefault(int(si), []).append((int(s), int(e), a, kinds.get(al, "")))
        spans = parsed.sentences_with_headings if include_headings else parsed.sentences
        previous: list[Ref] = []
        for si, (a, b) in enumerate(spans):
            sa = sentence_analysis(parsed, a, b, lex)
            if sa is None:
                previous = [Ref(0, 0, x, "name", s, e, types.get(x, ""),
                                prep=_word_before(doc.text, s, a) in _PREPS - {"by"})
                            for s, e, x, _ in per_sentence.get(si, [])]
                continue
            refs = _sentence_refs(sa.tokens, per_sentence.get(si, []), ctx, types, others,
                                  frozenset(k for m in sa.matches
                                            for k in range(m.first, m.last + 1)),
                                  _attributive(sa, lex))
            sent = _Sentence(sa, refs, previous, ctx, types, lex)
            for m in sa.matches:
                ref, rule = attach(sent, m)
                start, end = sa.tokens[m.first].start, sa.tokens[m.last].end
                actor = ref.actor_id if ref is not None else None
                name = (info[actor]["name"] if actor in info else
                        actor.split(":", 1)[1].replace("_", " ") if actor else None)
                rows.append((doc.id, si, start, end, doc.text[start:end], m.entry.key,
                             m.entry.pos, m.entry.kind,
                             "positive" if m.polarity > 0 else "negative", m.entry.strength,
                             m.negated, actor, name, ref.start if ref else -1,
                             ref.end if ref else -1, ref.via if ref else None, rule,
                             m.entry.lexicon))
            previous = refs
    return pd.DataFrame(rows, columns=EVALUATION_COLUMNS)
