"""The text family: what every measure reads a document as.

``tokens`` (the tokenisation policy, :func:`tokenize`, :class:`Tokens`), ``sentences`` (Punkt
without downloads), ``syllables`` (CMU dictionary with a rule fallback), ``parsed`` (the
analysed document: blocks, sentences, words with offsets, folded forms, ids and syllables,
computed once and shared by every measure), ``describe`` (document and block statistics).

May import: :mod:`discourse.corpus` and the base modules (``errors``, ``_validation``).
"""
