"""Contrasts: one alternative rejected, the other affirmed (``device == "contrast"``).

The kinds are those of the annotation guidelines (``docs/annotation.md`` §2); ``part_a`` and
``part_b`` are the two alternatives in text order and ``rejected`` (``"a"`` or ``"b"``) the
one that is denied.

antithesis
    ``X, not Y`` / ``X and not Y`` / ``X, but not Y`` (rejected ``b``) and ``not X but Y``
    (rejected ``a``), with X and Y items of the same shape, or, for ``not X but Y``, parallel
    phrases of any length in one clause: the same first word, two adverbials, two wh-words, or
    two verb phrases after a negated auxiliary (*do not weaken a society but enrich it*; also
    after a comma when Y opens with its auxiliary: *have not weakened the regime, but have
    hurt the poor*), or any X and Y after *but rather*; not when *but* opens a clause (a
    concession), nor after *not limited to* (additive). Since the eighteenth round also: Y
    opening with *as* (*as a human right, not as a private business*) or a preposition and a
    pronoun (*within States, not between them*); two different prepositions, or an *-ly*
    adverb and a preposition (*through collaboration, not by forming blocs*; *passed
    unanimously, not by acclamation*); X as a noun phrase back to its determiner across *of*
    and *and* (*the diffusion of nuclear weapons, not the dissemination of knowledge*);
    *not X but Y* with a preposition or *as* of X repeated (*not take this vote as a defeat,
    but as a victory*), two determiners, or *not once but twice*; not *not a few* (unless X
    ends in *a few*). See ``docs/rhetoric.md``.
rather_than
    ``Y rather than X`` (rejected ``b``) and ``Rather than X, Y`` (rejected ``a``) opening a
    sentence, or after a comma or *that* when a clause starts after X's comma; with parallel
    phrases, Y from the preposition or *to* that opens X (*through collective measures,
    rather than through rival blocs*; *to trade fairly rather than to depend on aid*).
instead
    ``Y instead of X`` (``b``), ``Instead of X, Y`` (``a``), ``X. Instead, Y`` (``a``: the
    previous sentence, or the clause before a semicolon) and ``Y … instead`` (``a``: the
    conjunct before *and/but*, or the previous sentence: *unburdened by the past and focused
    instead on building …*).
correction
    A negated clause followed, after ``; : —`` or a full stop, by its replacement with the
    same subject and the same auxiliary (or the same verb): *We are not here to complain —
    we are here to propose*; *It is not a favour. It is a duty.* (rejected ``a``); also after
    a comma splice (*Reform should not mean expansion, it should mean restructuring*) and
    *I am not here to X. I have come to Y*. Not *not only/just X; it is Y* (additive).

Not contrasts (§2): *not only X but also Y* (a balanced pair, :mod:`discourse.rhetoric.pairs`).

>>> from discourse.rhetoric.devices import detect_devices
>>> t = detect_devices("They built nothing. Instead, they destroyed the city.", devices="contrast")
>>> t[["kind", "pattern", "part_a", "part_b", "rejected"]].values.tolist()
[['instead', 'X. Instead, Y', 'They built nothing', 'they destroyed the city', 'a']]
"""
from __future__ import annotations

import re

from .phrases import (AUXILIARIES, Found, SentenceView, backward_item, clause_end, compatible,
                      content_len, forward_item, is_ly, opener_kind, word_classes)

__all__ = ["find_contrasts", "CONTRAST_KINDS"]

#: The contrast kinds, in table order.
CONTRAST_KINDS = ("antithesis", "instead", "rather_than", "correction")

_NOT_FOLLOWERS = frozenset("only just merely simply least even yet necessarily always so too "
                           "because all many much more most every each any one quite exactly "
                           "entirely completely really once since until that this these those "
                           "enough far long".split())
_ADDITIVE = frozenset("only just merely simply".split())
#: quantifiers after *not* that contrast only when they open X too (*more X, not more Y*)
_QUANTIFIERS = frozenset("more many much most fewer less every each any".split())
#: where the first verb phrase of *X and does not Y* starts: after one of these
_RELATIVE_OR_SUBJECT = frozenset("which that who we they i you".split())
_AUX = AUXILIARIES
_DO = frozenset({"do", "does", "did"})
_NEG_AUX = {"isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were",
            "don't": "do", "doesn't": "does", "didn't": "did", "won't": "will",
            "wouldn't": "would", "can't": "can", "cannot": "can", "couldn't": "could",
            "shouldn't": "should", "mustn't": "must", "hasn't": "has", "haven't": "have",
            "hadn't": "had"}
_PRONOUN_SUBJECTS = frozenset("i we you he she it they this that there".split())
#: words after which *instead of / rather than X, Y* is preposed to its clause
_PREPOSING = frozenset("that and but so".split())
#: openers of the same kind for a parallel *not X but Y* (adverbials: prepositions and
#: subordinators; wh-words)
_WH = frozenset("what how why where when who whom whether which".split())
_ADVERBIAL = frozenset("because since as if when unless once until through by".split())
#: Y may be a time or place adverb when X is an adverbial (*not after the events, but today*)
_TIME_PLACE = frozenset("now today tomorrow here immediately".split())
_INDEFINITE = frozenset({"a", "an"})
_BARE_ARTICLES = frozenset({"a", "an", "the"})  # (series.py's _ARTICLES adds possessives)
#: adverbs that may stand between *but* and Y ("not for decades but perhaps for a century")
_BEFORE_Y = ("perhaps", "instead", "indeed", "actually", "mainly", "primarily", "chiefly",
             "essentially", "precisely")
#: main verbs that are also auxiliaries (*would not have a negative effect but would benefit*)
_MAIN_VERB_AUX = frozenset({"have", "has", "be"})
#: *not limited to X, but Y* adds, like *not only X but Y*
_RESTRICTED = frozenset("limited confined restricted".split())
#: a gap inside Y that a quoted phrase opens or closes (*but as a "diplomatic group" which*)
_QUOTE_SPACE = re.compile(r'^[ \t\n]*["\u201c\u201d][ \t\n]*$')
_CLAUSE_STOP = frozenset("that which who whom whose where when because if although though "
                         "while whereas since unless".split())


def find_contrasts(sentences: list[SentenceView], paragraph_breaks=frozenset()) -> list[Found]:
    """Every contrast of a document's body sentences, in text order (see the module docs).

    ``paragraph_breaks``: indices of the sentences that open a paragraph (a contrast never
    reaches back across a paragraph break)."""
    out: list[Found] = []
    for idx, s in enumerate(sentences):
        prev = sentences[idx - 1] if idx > 0 and idx not in paragraph_breaks else None
        seen = set()
        for f in _in_sentence(s, prev):
            if (f.start, f.end) not in seen:
                seen.add((f.start, f.end))
                out.append(f)
        nxt = sentences[idx + 1] if idx + 1 < len(sentences) and idx + 1 not in paragraph_breaks \
            else None
        out.extend(_corrections(s, nxt))
    return out


def _in_sentence(s: SentenceView, prev: SentenceView | None):
    lw, n = s.lower, len(s.words)
    for k, w in enumerate(lw):
        nxt = lw[k + 1] if k + 1 < n else ""
        if w == "not" and k + 1 < n:
            if nxt in _ADDITIVE:
                yield from _not_but_phrases(s, k)  # only "not just X but rather Y"
                continue
            yield from _not_but(s, k)
            if k > 0 and nxt not in _NOT_FOLLOWERS:
                yield from _x_not_y(s, k)
            elif k > 0 and nxt in _QUANTIFIERS:
                yield from _x_not_y(s, k, parallel=True)  # "more partners, not more opponents"
            if k >= 3 and lw[k - 1] == "does" and lw[k - 2] == "and":
                yield from _x_and_does_not_y(s, k)
        elif (w, nxt) in (("rather", "than"), ("instead", "of")) and s.space(k + 1):
            if k == 0 or (k == 1 and lw[0] in ("and", "but")):
                yield from _instead_of_x_y(s, k)
            else:
                # after a comma, an edge or "that": preposed when a clause follows X's comma
                preposed = list(_instead_of_x_y(s, k, strict=True)) \
                    if s.comma(k) or s.edge(k) or lw[k - 1] in _PREPOSING else []
                if preposed:
                    yield from preposed
                elif s.space(k) or s.comma(k):
                    found = list(_x_rather_than_y(s, k)) or list(_parallel_rather_than(s, k))
                    yield from found or _x_instead_of_gerund(s, k)
        elif w == "rather" and (k == 0 or s.edge(k)) and k + 1 < n and s.comma(k + 1):
            yield from _rather_correction(s, k, prev)
        elif w == "instead":
            yield from _instead_adverb(s, k, prev)


def _x_not_y(s, k, parallel=False):
    """``X, not Y``; with ``parallel``, Y opens with a quantifier (*more, many ...*) that
    must also open X (*more partners, not more opponents*)."""
    link = ""
    if s.comma(k):
        x_end = k - 1
    elif s.space(k) and k >= 2 and s.lower[k - 1] in ("and", "but") and \
            (s.space(k - 1) or s.comma(k - 1)):
        link, x_end = s.lower[k - 1], k - 2
        if link == "but" and not s.comma(k - 1):
            link = "but_"
    else:
        return
    y = _as_item(s, k + 1) or forward_item(s, k + 1, 4) or _preposition_pronoun(s, k + 1)
    if y is None:
        return
    first_y = s.lower[y[0] + (1 if y[2] else 0)]
    if (is_ly(first_y) and y[3] == 1) or s.lower[k + 1:k + 3] == ["a", "single"]:
        return
    if s.lower[k + 1:k + 3] == ["a", "few"] and not _few_before(s, x_end):
        return  # "not a few" is "many", unless X has "a few" too ("a few weeks, not a few months")
    n_y = y[3]
    y_all = forward_item(s, k + 1, 4, coordinate=True)  # "not division and confrontation"
    if y_all is not None and y_all[1] > y[1] and s.lower[y[1]] in ("and", "or"):
        y = y_all
    if y[2] is None and first_y.endswith("ing") and not s.lower[x_end].endswith("ing"):
        return  # a participle clause: "waited, not knowing what to do"
    x = backward_item(s, x_end, n_y)
    if x is not None and x[2] is None and y[2] == "<det>":
        wider = backward_item(s, x_end, n_y + 2)  # "a lasting political settlement, not a victory"
        if wider is not None and wider[2] == "<det>":
            x = wider
        else:  # "the diffusion of nuclear weapons, not the dissemination of ..." (eighteenth round)
            x = _noun_phrase_back(s, x_end) or x
    if x is not None and x[2] in (None, "<det>") and x[0] > 0 and s.lower[x[0] - 1] == "as" \
            and s.space(x[0]) and y[2] == "as":
        x = (x[0] - 1, x[1], "as", x[3])  # "as a human right, not as a private business"
    if x is not None and y[2] not in (None, "<det>") and not compatible(x[2], y[2]):
        x = _other_preposition(s, k, x, y, x_end)
    if x is None or not compatible(x[2], y[2]):
        return
    if y[1] < len(s.words) and s.lower[y[1]] == "of" and \
            ((y[2] == "<det>" and x[2] == "<det>") or "of" in s.lower[x[0]:x[1]]):
        y_of = forward_item(s, k + 1, 4, extend=_OF)  # Y's of-phrase: "not the source of ..."
        if y_of is not None and y_of[1] > y[1]:
            y = y_of
    if parallel and s.lower[x[0]] != s.lower[k + 1]:
        return  # "not more than ...", "not many": only a repeated quantifier contrasts
    if x[0] > 0 and s.lower[x[0] - 1] in ("not", "never") or s.lower[x[0]] in ("not", "never"):
        return  # X negated too: a list of negations ("not perfect, not cheap")
    if link in ("and", "but_") and (x[2] is None or y[2] is None):
        return  # "keep to that approach and not forget": two openers make two phrases
    if y[2] is None and x[2] is not None:  # X's opener is not part of the contrast
        x = (x[1] - content_len(s, x), *x[1:])
    (xs, xe), (ys, ye) = s.span(x[0], x[1]), s.span(y[0], y[1])
    pattern = {"": "X, not Y", "and": "X and not Y", "but": "X, but not Y",
               "but_": "X but not Y"}[link]
    yield Found("antithesis", pattern, "", xs, ye, [(xs, xe), (ys, ye)], s.index, s.index, "b")


_OF = frozenset({"of"})


def _as_item(s, i):
    """An item opening with *as* at word i (*as* is no preposition of the closed-class list):
    ``(i, j, "as", n_content)`` or None."""
    if i + 1 < len(s.words) and s.lower[i] == "as" and s.space(i + 1):
        rest = forward_item(s, i + 1, 4)
        if rest is not None and rest[2] in (None, "<det>"):
            return i, rest[1], "as", rest[3]
    return None


def _few_before(s, x_end) -> bool:
    """Does X, ending at word ``x_end``, end in *a few N*?"""
    return x_end >= 2 and s.lower[x_end - 2:x_end] == ["a", "few"]


def _noun_phrase_back(s, x_end, max_words=8):
    """X as a noun phrase back from word ``x_end`` to its determiner across *of* and an
    *and* between modifiers (*the diffusion of nuclear weapons*, *a new and fair financial
    architecture*): ``(i, x_end + 1, "<det>", n_content)`` or None. Only white space
    between the words; the determiner must not follow a content word of the same phrase."""
    lw, n_content = s.lower, 0
    for t in range(x_end, max(-1, x_end - max_words), -1):
        if t < x_end and not s.space(t + 1):
            return None
        if s.content[t]:
            n_content += 1
        elif opener_kind(lw[t]) == "det" and t < x_end:
            return t, x_end + 1, "<det>", n_content
        elif lw[t] not in ("of", "and"):
            return None
    return None


def _other_preposition(s, k, x, y, x_end):
    """X for a Y that opens with a preposition other than X's (eighteenth round): X's own
    prepositional phrase (*within States, not between them*; *through collaboration, not by
    forming blocs*), or an *-ly* adverb of manner right after its verb (*approached
    collectively, not through ...*; *passed unanimously, not by acclamation*). An X that
    opens with *of* is the of-phrase of a noun: X then runs back to Y's preposition (*for the
    flag of Israel and not for the flag of ...*), or there is none. Not with *to* on either
    side (an infinitive), nor when a *but* follows Y (*not at the expense of X but by Y* is
    *not X but Y*), and Y must hold no finite verb (a clause after *not* is no second
    alternative). Returns the new X or the old one."""
    lw, n = s.lower, len(s.words)
    if "to" in (x[2], y[2]) or _but_after_not(s, k) is not None or not s.space(k + 1) or \
            any(tuple(lw[y[0]:y[0] + len(c)]) == c for c in _CONNECTIVES):
        return x  # (not after "not," either: "and not, in any event, be an obstacle")
    if x[2] == "of":
        return _of_back(s, x, y) or x
    for t in range(y[0] + 1, min(n, y[1] + 2)):
        if not s.space(t):
            break
        if lw[t] in _AUX:
            return x  # "not by the time we have ...": a clause
    wide = backward_item(s, x_end, 4, coordinate=True)  # "through collaboration and cooperation"
    for cand in (x, wide):
        if cand is not None and cand[2] == "of":  # "the strength and resolve of the community"
            return _of_back(s, cand, y) or x
        if cand is not None and cand[2] is not None and \
                (opener_kind(cand[2]) == "prep" or cand[2] == "as"):
            return cand[0], cand[1], y[2], cand[3]
    if is_ly(lw[x_end]) and x_end > 0 and s.space(x_end) and s.content[x_end - 1] and \
            not is_ly(lw[x_end - 1]):
        return x_end, x_end + 1, y[2], 1
    return x


def _of_back(s, x, y):
    """An X opening with *of* (the of-phrase of a noun) run back to the preposition that opens
    Y, across white space only (*in the strength and resolve of the international community
    and not in ...*): the new X, or None."""
    for t in range(x[0] - 1, max(-1, x[0] - 9), -1):
        if not s.space(t + 1):
            return None
        if s.lower[t] == y[2]:
            return t, x[1], y[2], x[3]
    return None


def _preposition_pronoun(s, i):
    """A preposition and an object pronoun at word i (*between them*): an item of one word."""
    if i + 1 < len(s.words) and opener_kind(s.lower[i]) == "prep" and s.space(i + 1) and \
            s.lower[i + 1] in ("them", "it", "us", "him", "her", "you", "me", "themselves",
                               "itself", "ourselves") and \
            not (i + 2 < len(s.words) and s.lower[i + 2] == "to" and s.space(i + 2)):
        return i, i + 2, s.lower[i], 1  # not "for us to dictate": a subject of an infinitive
    return None


def _x_and_does_not_y(s, k):
    """``X and does not Y`` (rejected ``b``): two present-tense verb phrases of one subject,
    the second negated with *do/does*: *a movement which keeps pace with events and does not
    stand against the tide of history*. X runs back from *and* to a relative or subject
    pronoun (at most 12 words, no comma or clause edge between) and opens with a lower-case
    content word in *-s* (agreeing with *does*); Y is the verb phrase after *not* (a lower-case
    content word first), to the clause's end (at most 15 words). Not *do* (*that afflict
    Africa seem distant and do not seem to affect ...*: the relative pronoun is not found
    without a tagger) nor narrative *did* (*came and did not stay*)."""
    lw, n = s.lower, len(s.words)
    if k + 1 >= n or not (s.space(k - 1) and s.space(k) and s.space(k - 2)):
        return
    and_ = k - 2
    start = None
    for t in range(and_ - 1, max(-1, and_ - 13), -1):
        if not s.space(t + 1):
            return  # a comma or an edge inside X
        if lw[t] in _RELATIVE_OR_SUBJECT:
            start = t + 1
            break
    if start is None or start >= and_ - 1:
        return
    fx, fy = lw[start], lw[k + 1]
    if not (s.content[start] and s.content[k + 1]) or s.words[start][:1].isupper() or \
            s.words[k + 1][:1].isupper() or is_ly(fy) or fy in _NOT_FOLLOWERS:
        return
    if not (fx.endswith("s") and not fx.endswith("ss")):
        return
    e = clause_end(s, k + 1, 15)
    (xs, xe), (ys, ye) = s.span(start, and_), s.span(k + 1, e)
    yield Found("antithesis", "X and does not Y", "", xs, ye, [(xs, xe), (ys, ye)],
                s.index, s.index, "b")


def _not_but(s, k):
    if any(w in _RESTRICTED for w in s.lower[k + 1:k + 3]):
        return  # "is not limited to X, but goes further": additive, like "not only"
    found = list(_not_but_items(s, k))
    yield from found if found else _not_but_phrases(s, k)


def _but_after_not(s, k):
    """Index of the *but* of *not X but Y* (within 25 words, no second negator or clause edge
    between), or None. A dash may stand before *but* (*not because X – but because Y*) and
    a pair of dashes may enclose an aside in X (*not to unify them — an impossibility — but
    to ...*); a closing quotation mark may stand before its comma."""
    n, lw = len(s.words), s.lower
    t = k + 2
    while t < min(n, k + 26):
        if lw[t] in ("not", "never") or lw[t] in _NEG_AUX:
            return None
        if s.edge(t) and not s.dash(t):
            return None
        if lw[t] == "but":
            return t if s.space(t) or s.comma(t) or s.dash(t) else None
        if s.edge(t):  # a dash opening an aside: go on after the dash that closes it
            close = next((u for u in range(t + 1, min(n, t + 7)) if s.edge(u)), None)
            if close is None or not s.dash(close):
                return None
            if lw[close] == "but":
                return close
            t = close
        t += 1
    return None


def _cleft_pair(s, k, b, j) -> bool:
    """*It is not X who A, but Y who B*: a relative right after X's first words and again
    right after Y's (Y may then be a name: *not the people who are alienated, but Pakistan
    that is turning a blind eye*)."""
    lw, rel = s.lower, ("who", "that", "which")
    return any(lw[t] in rel for t in range(k + 2, min(b, k + 5))) and \
        any(lw[t] in rel and s.space(t) for t in range(j + 1, min(len(lw), j + 4)))


def _time_adverb(s, j) -> bool:
    """Does a time or place adverb open Y (*not after the events, but today*; *not in some
    distant future, but right now*)?"""
    w = s.lower[j]
    return w in _TIME_PLACE or (w == "right" and j + 1 < len(s.words) and
                                s.lower[j + 1] in ("now", "here", "away"))


def _not_but_phrases(s, k):
    """*not X but Y* with X and Y parallel phrases of any length in one clause: the same
    first word (or the preposition after a first verb or a noun: *not regarded as X, but as
    Y*, *not a question of X, but of Y*; *not for X but for Y*, where *but for* is otherwise
    "except for"), a cleft's focus (*It is not X that we ask for, but Y*),
    adverbials (*not as ... but because ...*), wh-words, or — after a negated
    auxiliary, with no comma before *but* — two verb phrases (*do not weaken a society but
    enrich it*). Not when *but* opens a clause (a pronoun, a name or a noun with its verb:
    a concession)."""
    n, lw = len(s.words), s.lower
    b = _but_after_not(s, k)
    if b is None:
        return
    j = b + 1
    if j < n and s.comma(j):  # "but, on the contrary, Y", "but, in the world of today, Y"
        close = next((t for t in range(j + 1, min(n, j + 8)) if not s.space(t)), None)
        if close is None or not s.comma(close):
            return
        j = close
    rather = False
    if j + 1 < n and lw[j] in ("rather", "merely", "simply", "only") + _BEFORE_Y and \
            s.space(j + 1):
        rather = lw[j] == "rather"
        j += 1  # "but rather Y", "but merely by way of Y", "but perhaps for a century"
    if j >= n or lw[j] == "also" or (lw[k + 1] in _ADDITIVE and not rather) or \
            (lw[j] == "for" and lw[k + 1] != "for"):
        return  # "but for" is "except for", unless X opens with "for" too
    fx, fy = lw[k + 1], lw[j]
    if lw[k + 1:k + 3] == ["so", "much"] and k + 3 < b:
        fx = lw[k + 3]  # "not so much because X, but precisely because Y"
    if fy in _PRONOUN_SUBJECTS and fy != fx and not (rather and fy == "that"):
        return
    function = word_classes()[0]
    # the second or third word after *not* opens X when the first is a verb or adverb before a
    # preposition: "not regarded as X, but as Y", "not perhaps for X, but for Y"
    # (or a noun phrase's head before its of-phrase: "not a question of X, but of Y")
    fx2 = None
    for t in range(k + 1, min(b, k + 5)):
        if t > k + 1 and (opener_kind(lw[t]) == "prep" or lw[t] == "as") and s.space(t):
            fx2 = lw[t]
            break
        if not s.space(t + 1) or s.words[t][:1].isupper() or not (
                s.content[t] or lw[t] in _AUX or lw[t] in ("be", "those", "that") or
                (t == k + 1 and lw[t] in ("a", "an", "the"))):
            break
    # a clause after Y's first words ("but the crews are tired") makes "but" a concession
    clause_after = any(lw[t] in _AUX for t in range(j + 1, min(n, j + 4)))
    # (with an article opening Y, the relative must follow X's first words: "It is not
    # recrimination which is called for, but a spirit of ..."; not "It is not known if they
    # resorted to X but a group of men could be seen")
    cleft = k >= 2 and lw[k - 2] == "it" and lw[k - 1] in ("is", "was") and \
        (not s.words[j][:1].isupper() or _cleft_pair(s, k, b, j)) and (
            (fy not in function and
             any(lw[t] in ("that", "who", "which", "we", "they", "i") for t in range(k + 2, b)))
            or (fy in _BARE_ARTICLES and not clause_after and
                any(lw[t] in ("that", "who", "which") for t in range(k + 2, min(b, k + 6)))))
    # the object after a negated verb and an elliptical Y with the same article ("is not
    # seeking a military solution, but a political solution"; sixteenth round)
    object_pair = (k + 2 < b and s.content[k + 1] and lw[k + 1] not in _AUX and
                   s.space(k + 2) and lw[k + 2] in _BARE_ARTICLES and not clause_after and
                   (lw[k + 2] == fy or (lw[k + 2] in _INDEFINITE and fy in _INDEFINITE)))
    same = object_pair or fx == fy or (fx in _WH and fy in _WH) or \
        (fx in _INDEFINITE and fy in _INDEFINITE) or \
        ((fx in _ADVERBIAL or opener_kind(fx) == "prep") and
         (fy in _ADVERBIAL or opener_kind(fy) == "prep" or _time_adverb(s, j))) or \
        (fx2 is not None and (fy == fx2 or (opener_kind(fx2) == "prep" and
                                            opener_kind(fy) == "prep" and
                                            not _connective_or_clause(s, j)))) or \
        (fx in _INDEFINITE and fy == "one" and not clause_after) or \
        _repeated_preposition(s, k, b, j) or \
        (opener_kind(fx) == "det" and opener_kind(fy) == "det" and not clause_after) or \
        (fx == "once" and fy in _MORE_THAN_ONCE)
    # two verb phrases of one subject; a comma before "but" only when Y opens with its
    # auxiliary ("is not of a general nature, but is explicitly embodied in ...")
    verb_phrase = (not same and k > 0 and lw[k - 1] in _AUX and
                   (not s.comma(b) or fy in _AUX) and
                   (fx not in function or fx in _MAIN_VERB_AUX) and
                   (fy not in function or fy in _AUX) and
                   not s.words[j][:1].isupper() and
                   not any(lw[t] in _AUX for t in range(j + 1, min(n, j + 3))))
    # "but rather" corrects what was denied, whatever the shapes of X and Y
    # ("not A, as some have said, but rather that it is B": a that-clause replaces A)
    corrective = rather and not s.words[j][:1].isupper() and (not clause_after or fy == "that")
    if not (same or verb_phrase or cleft or corrective):
        return  # (cleft: "It is not charity that we ask for, but justice")
    if lw[b - 1] in ("alone", "only", "solely", "merely"):
        return  # "does not depend on the Charter alone, but on ...": additive, like not only
    e = j + 1
    while e < n and e - j < 25 and (s.space(e) or _QUOTE_SPACE.match(s.gaps[e])):
        e += 1
    (xs, xe), (ys, ye) = s.span(k + 1, b), s.span(j, e)
    yield Found("antithesis", "not X but Y", "", s.spans[k][0], ye, [(xs, xe), (ys, ye)],
                s.index, s.index, "a")


_MORE_THAN_ONCE = frozenset("twice many several repeatedly again often".split())


def _repeated_preposition(s, k, b, j) -> bool:
    """Does Y (at word j) open with a preposition, or *as*, that opens a phrase inside X
    (between *not* at k and *but* at b), with no clause in Y (eighteenth round: *do not
    mention these things with joy, but with sorrow*; *should not take this vote as a
    defeat, but as a victory*)? Y's clause check stops at the first punctuation."""
    lw, n, fy = s.lower, len(s.words), s.lower[j]
    if not (opener_kind(fy) == "prep" or fy == "as") or fy in ("of", "to"):
        return False
    if not any(lw[t] == fy and s.space(t) and s.content[t - 1] for t in range(k + 2, b)):
        return False
    if any(tuple(lw[j:j + len(c)]) == c for c in _CONNECTIVES):
        return False
    for t in range(j + 1, min(n, j + 11)):
        if not s.space(t):
            break
        if lw[t] in _AUX:
            return False
    return True


#: prepositional connectives after *but* ("but at the same time it would be wise"): a
#: concession, not a second prepositional phrase
_CONNECTIVES = (("at", "least"), ("at", "the", "same", "time"), ("in", "fact"), ("of", "course"),
                ("in", "any", "case"), ("at", "any", "rate"), ("above", "all"), ("after", "all"),
                ("by", "contrast"), ("in", "addition"), ("at", "present"), ("at", "times"))


def _connective_or_clause(s, j) -> bool:
    """Does Y, opening at word j with a preposition, open with a connective or hold a finite
    auxiliary within ten words (a clause: a concession)?"""
    lw = s.lower
    if any(tuple(lw[j:j + len(c)]) == c for c in _CONNECTIVES):
        return True
    return any(lw[t] in _AUX for t in range(j + 1, min(len(lw), j + 11)))


def _not_but_items(s, k):
    x = forward_item(s, k + 1, 4, extend=True, coordinate=True)  # "not war and ruin, but"
    if x is None or x[1] >= len(s.words) or s.lower[x[1]] != "but":
        return
    b = x[1]
    if not (s.space(b) or s.comma(b)):
        return
    j = b + 1
    if j < len(s.words) and s.lower[j] in ("rather", "also") and s.space(j):
        if s.lower[j] == "also":
            return  # "not X but also Y": additive
        j += 1
    if j >= len(s.words) or not s.space(j):
        return
    y = forward_item(s, j, x[3] + 2, extend=True, coordinate=True)
    if y is None:
        return
    if y[1] < len(s.words) and s.space(y[1]) and s.lower[y[1]] in _AUX:
        return  # "did not fail but the crews are tired": a clause after "but"
    if (x[2] or y[2]) and x[2] != y[2] and not (x[2] == "<det>" and y[2] is None) \
            and not (y[2] == "<det>" and x[2] is None):
        return
    (xs, xe), (ys, ye) = s.span(x[0], x[1]), s.span(y[0], y[1])
    yield Found("antithesis", "not X but Y", "", s.spans[k][0], ye, [(xs, xe), (ys, ye)],
                s.index, s.index, "a")


def _x_rather_than_y(s, k):
    y = forward_item(s, k + 2, 4, coordinate=True)
    if y is None:
        return
    x = backward_item(s, k - 1, y[3], coordinate=True)
    if x is None or not compatible(x[2], y[2]):
        return
    if y[2] is None and x[2] is not None:
        x = (x[1] - content_len(s, x), *x[1:])
    rather = s.lower[k] == "rather"
    (xs, xe), (ys, ye) = s.span(x[0], x[1]), s.span(y[0], y[1])
    yield Found("rather_than" if rather else "instead",
                "X rather than Y" if rather else "X instead of Y", "", xs, ye,
                [(xs, xe), (ys, ye)], s.index, s.index, "b")


#: openers that make the two parts of *Y rather than X* parallel phrases when X opens with
#: one and Y with the same ("through X, rather than through Y"; "to X rather than to Y")
_PARALLEL_OPENERS = frozenset("to by through in on for with from at against into as "
                              "towards toward within under upon of about over between among "
                              "without".split())


def _parallel_rather_than(s, k):
    """*Y rather than X* whose X opens with a preposition or *to* that also opens Y earlier in
    the clause (*sought through collective measures, rather than through conversion*; *to
    participate in trade rather than to depend on aid*): Y from that opener, X to the end of
    its clause; at most 25 words each, one comma at most inside Y."""
    n = len(s.words)
    if k + 2 >= n or s.lower[k + 2] not in _PARALLEL_OPENERS or not s.space(k + 2):
        return
    opener = s.lower[k + 2]
    commas = 0
    y0 = None
    for t in range(k - 1, max(-1, k - 26), -1):
        if s.edge(t + 1) or (not s.space(t + 1) and not s.comma(t + 1)
                             and not _QUOTE_SPACE.match(s.gaps[t + 1])):
            break
        if s.comma(t + 1):  # (a closing quotation mark may stand before it: "“poles”, rather")
            commas += 1
            if commas > 1:
                break
        if s.lower[t] == opener:
            y0 = t
            break
    if y0 is None or y0 + 1 >= k:
        return
    x_end = clause_end(s, k + 2)
    if x_end - (k + 2) < 2:
        return
    (ys, ye), (xs, xe) = s.span(y0, k), s.span(k + 2, x_end)
    yield Found("rather_than", "X rather than Y", "", ys, xe, [(ys, ye), (xs, xe)],
                s.index, s.index, "b")


def _x_instead_of_gerund(s, k):
    """*X instead of / rather than Y-ing*, the rejected Y a gerund phrase to the end of its
    clause and X the clause before the marker, back to its start (at most 25 words, no
    comma but one just before the marker): *we have preferred to act on the basis of an
    individualistic outlook, instead of being guided by the principle of continental
    understanding* (sixteenth round)."""
    n, lw = len(s.words), s.lower
    g = k + 2
    if g >= n or not s.space(g) or not lw[g].endswith("ing") or len(lw[g]) < 5 or \
            lw[g] in ("nothing", "something", "anything", "everything", "thing", "during"):
        return
    x0 = k - 1
    while x0 > 0 and k - x0 < 25 and s.space(x0):
        x0 -= 1
    if k - x0 < 3 or (x0 > 0 and not s.edge(x0) and not s.comma(x0)):
        return  # X too short, or a stretch not at a clause's start
    y_end = clause_end(s, g)
    if y_end - g < 2:
        return
    (xs, xe), (ys, ye) = s.span(x0, k), s.span(g, y_end)
    rather = lw[k] == "rather"
    yield Found("rather_than" if rather else "instead",
                "X rather than Y" if rather else "X instead of Y", "", xs, ye,
                [(xs, xe), (ys, ye)], s.index, s.index, "b")


def _instead_of_x_y(s, k, strict=False):
    """*Instead of X, Y* / *Rather than X, Y*; ``strict`` (the marker inside a sentence):
    only when a clause starts after X's comma."""
    n = len(s.words)
    i = k + 2
    commas = []
    for t in range(i + 1, min(n, i + 25)):
        if not s.space(t):
            if not s.comma(t):
                break
            commas.append(t)
    if not commas:
        return
    # the comma after which the main clause starts (not one inside a list: "hate, fear and ...")
    c = next((t for t in commas if _clause_start(s, t)), None if strict else commas[0])
    if c is None:
        return
    if c - i > 12 and c == commas[0] and not _clause_start(s, c):
        return
    e = clause_end(s, c, 20)
    xs, xe = s.span(i, c)
    ys, ye = s.span(c, e)
    rather = s.lower[k] == "rather"
    yield Found("rather_than" if rather else "instead",
                "rather than X, Y" if rather else "instead of X, Y", "", s.spans[k][0], ye,
                [(xs, xe), (ys, ye)], s.index, s.index, "a")


def _clause_start(s, t) -> bool:
    """Does a main clause seem to start at word t (a subject pronoun, a determiner, *let*, a
    capitalised name)?"""
    w = s.lower[t]
    return w in _PRONOUN_SUBJECTS or w in word_classes()[1] or w == "let" or \
        (s.words[t][:1].isupper() and s.content[t])


def _edge_end(s, i, cap=40):
    """End (exclusive) of the clause that goes on from word i: the next ``; :`` or dash, a
    comma before a subject pronoun, or the sentence's end, at most ``cap`` words on."""
    n = len(s.words)
    k = i + 1
    while k < n and k - i < cap and not s.edge(k) and \
            not (s.comma(k) and s.lower[k] in _PRONOUN_SUBJECTS):
        k += 1
    return k


def _instead_adverb(s, k, prev):
    """*X. Instead, Y*, *X; instead Y* and *Y … instead* (the rejected X is the clause or
    sentence before)."""
    n = len(s.words)
    lw = s.lower
    # the clause holding "instead": back to a coordinator, an edge or the sentence start
    c = k
    while c > 0 and not s.edge(c) and lw[c - 1] not in ("and", "but") and k - c < 25:
        c -= 1
    if k - c >= 25:
        return
    y0 = k + 1 if c == k else c  # "Instead, Y": Y starts after the marker
    if y0 >= n:
        if c == k:
            return
        y0 = c
    e = _edge_end(s, y0)
    ys, ye = s.span(y0, e)
    if c == 0 or (c == 1 and lw[0] in ("and", "but")):
        if prev is None or not prev.words:
            return
        xs, xe = prev.span(0, len(prev.words))
        start, first = xs, prev.index
        pattern = "X. Instead, Y"
    else:
        if s.edge(c):  # "X; instead, Y": X is the clause before the edge
            x1 = c
        elif lw[c - 1] in ("and", "but"):
            x1 = c - 1  # the conjunct before "and"
        else:
            return
        x0 = x1 - 1
        function = word_classes()[0]
        while x0 > 0 and not s.edge(x0) and not s.comma(x0) and x1 - x0 < 20:
            w = lw[x0 - 1]
            if w in _AUX or w in _CLAUSE_STOP or w in _PRONOUN_SUBJECTS or w == "to" or \
                    (w in ("and", "but") and not (x0 >= 2 and s.content[x0] and s.content[x0 - 2])):
                break
            x0 -= 1
        if x1 - x0 < 2:  # "progress has been made and we have witnessed instead ...": the clause
            while x0 > 0 and not s.edge(x0) and not s.comma(x0) and x1 - x0 < 20 and \
                    lw[x0 - 1] not in ("and", "but") and lw[x0 - 1] not in _CLAUSE_STOP:
                x0 -= 1
        if x1 - x0 >= 20 or not any(s.content[t] for t in range(x0, x1)):
            return
        if all(lw[t] in function for t in range(x0, x1)):
            return
        xs, xe = s.span(x0, x1)
        start, first = xs, s.index
        pattern = "X; instead, Y" if s.edge(c) else "X and Y instead"
    if c == k and not (k + 1 < n):
        return
    yield Found("instead", pattern, "", start, ye, [(xs, xe), (ys, ye)], first, s.index, "a")


# --------------------------------------------------------------------------- corrections

def _rather_correction(s, k, prev):
    """*It is not X. Rather, Y* and *not X; rather, Y*: the negated clause before, then its
    replacement; X = the words after the last negator of that clause."""
    if k == 0:
        if prev is None or not prev.words:
            return
        src, lo, hi = prev, 0, len(prev.words)
        lo = max([t for t in range(1, hi) if prev.edge(t)], default=0)
    else:
        src, hi = s, k
        lo = max([t for t in range(1, k) if s.edge(t)], default=0)
    negs = [t for t in range(lo, hi) if src.lower[t] in ("not", "never") or
            src.lower[t] in _NEG_AUX or src.lower[t].endswith("n't")]
    if not negs or negs[-1] + 1 >= hi or src.lower[negs[-1] + 1] in _ADDITIVE:
        return
    xs, xe = src.span(negs[-1] + 1, hi)
    e = _edge_end(s, k + 1, 60)
    ys, ye = s.span(k + 1, e)
    pattern = "not X. Rather, Y" if k == 0 else "not X; rather, Y"
    yield Found("correction", pattern, "", xs, ye, [(xs, xe), (ys, ye)], src.index, s.index, "a")


def _negation(s, lo, hi):
    """(index of the negator, the auxiliary it follows) in words lo..hi-1, or None."""
    lw = s.lower
    for k in range(lo, hi):
        w = lw[k]
        if w in _NEG_AUX:
            return k, _NEG_AUX[w]
        if w in ("not", "never") and k > lo and lw[k - 1] in _AUX:
            return k, lw[k - 1]
        if w == "no" and k > lo and k + 1 < hi and lw[k + 1] == "longer" and lw[k - 1] in _AUX:
            return k + 1, lw[k - 1]  # "We are no longer colonies"
    return None


def _same_subject(a: str, b: str, a_is_name: bool) -> bool:
    if a == b:
        return True
    if b in ("it", "this") and (a in ("it", "this", "that") or a not in _PRONOUN_SUBJECTS):
        return True
    return b in ("they", "he", "she") and a_is_name


def _come_to(lw, v, end):
    """Index of *to* in a clause's *(have) come (here) to* right after its subject, or None:
    the replacement of *not here to X* (§2: *I am not here to X. I have come to Y*)."""
    t = v + (1 if v < end and lw[v] in ("have", "has", "had") else 0)
    if t < end and lw[t] in ("come", "came"):
        t += 2 if t + 2 < end and lw[t + 1] == "here" else 1
        if t + 1 < end and lw[t] == "to" and lw[t + 1] not in word_classes()[0]:
            return t  # (not "I have come to the point")
    return None


def _comma_splice(s, k) -> bool:
    """Does a clause start after a comma at word k, a subject pronoun and then an auxiliary
    (*Reform should not mean A, it should mean B*)?"""
    return s.comma(k) and s.lower[k] in _PRONOUN_SUBJECTS and s.lower[k + 1] in _AUX


def _corrections(s: SentenceView, nxt: SentenceView | None):
    """*We are not here to X — we are here to Y*; *It is not X. It is Y.*"""
    n = len(s.words)
    if n < 3:
        return
    # clauses of this sentence split at ; : and dashes, and the next sentence as one clause
    splices = {k for k in range(1, n - 1) if _comma_splice(s, k)}
    bounds = [0] + [k for k in range(1, n) if s.edge(k) or k in splices] + [n]
    clauses = [(s, a, b) for a, b in zip(bounds, bounds[1:]) if b - a >= 2]
    if nxt is not None and len(nxt.words) >= 2:
        b1 = next((k for k in range(1, len(nxt.words)) if nxt.edge(k)), len(nxt.words))
        clauses.append((nxt, 0, b1))
    for (sa, a0, a1), (sb, b0, b1) in zip(clauses, clauses[1:]):
        if sa is not s or a1 - a0 > 30 or b1 - b0 > 30 or b1 - b0 < 2:
            continue
        if sb is s and not s.edge(b0) and b0 not in splices:
            continue
        neg = _negation(sa, a0, min(a1, a0 + 6))
        if neg is None:
            continue
        k, aux = neg
        la, lb = sa.lower, sb.lower
        if k + 1 >= a1 or la[k + 1] in _ADDITIVE or la[k + 1] in ("even", "also", "yet"):
            continue
        subj_a, subj_b = la[a0], lb[b0]
        if subj_b in ("but", "and", "yet", "nor", "or") or subj_a in ("if", "when", "while"):
            continue
        name = sa.words[a0][:1].isupper() and subj_a not in _PRONOUN_SUBJECTS
        if not _same_subject(subj_a, subj_b, name or sa.content[a0]):
            continue
        # the subject of A is the words before the auxiliary; B's verb must come at once
        subj_len = (k - a0 - (0 if la[k] in _NEG_AUX else 2 if la[k] == "longer" else 1))
        if subj_len < 1 or subj_len > 3:
            continue
        v = b0 + 1
        if subj_len > 1 and lb[b0:b0 + subj_len] == la[a0:a0 + subj_len]:
            v = b0 + subj_len  # "The problem is not X; the problem is Y"
        if v >= b1 or any(lb[t] in ("not", "never", "also", "only", "too") or lb[t] in _NEG_AUX
                          for t in range(b0, min(b1, v + 2))):
            continue
        if aux in _DO:
            verb = la[k + 1] if k + 1 < a1 else ""
            if not (len(verb) >= 3 and lb[v].startswith(verb[:max(3, len(verb) - 1)])):
                continue
            y0 = v
        elif la[k + 1:k + 3] == ["here", "to"] and _come_to(lb, v, b1) is not None:
            y0 = v  # "We are not here to complain. We have come to propose."
        else:
            if lb[v] != aux or v + 1 >= b1 or k + 1 >= a1:
                continue
            y0 = v + 1
            # parallel complements: the same first word, or the same kind of opener
            x_first, y_first = la[k + 1], lb[y0]
            # "We are no longer colonies. We are free States": a former state replaced
            short_predicates = (la[k] == "longer" and a1 - (k + 1) <= 3 and sa.content[k + 1] and sb.content[y0]
                                and not sa.words[k + 1][:1].isupper() and a1 == len(sa.words)
                                and not is_ly(x_first) and not is_ly(y_first))
            if x_first != y_first and not short_predicates and \
                    (opener_kind(x_first) is None or opener_kind(x_first) != opener_kind(y_first)):
                continue
        if y0 >= b1:
            continue
        xs, xe = sa.span(k + 1, a1)
        ys, ye = sb.span(y0, b1)
        start = sa.spans[a0][0]
        pattern = "not X; Y" if sb is s else "not X. Y"
        yield Found("correction", pattern, "", start, ye, [(xs, xe), (ys, ye)], s.index,
                    sb.index, "a")
