"""The actors family: who is named, in what tone and role, and how balanced the attention is.

``gazetteer`` (states, leaders, blocs, non-state actors and their aliases), ``mentions``
(mentions, co-occurrence, tone, evaluative words, roles), ``quotes`` (who says what:
quotations and reported speech with the speaker's actor), ``balance`` (attention entropy, tone
dispersion, equidistance, with bootstrap intervals).

May import: :mod:`discourse.corpus`, :mod:`discourse.text`, :mod:`discourse.rhetoric` (sentence
tone) and the base modules.
"""
