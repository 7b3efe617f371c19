"""The rhetoric family: how a text argues.

``structure`` (sentences and paragraphs), ``readability`` (seven formulas), ``diversity``
(TTR … HD-D), ``stance`` (hedges, boosters, attitude, engagement, modality; each marker
attributed to the author or a quoted speaker), ``reported`` (quotations and reported speech:
who says what, in the text alone), ``devices``
(contrasts, tricolons, anaphora …, with evidence), ``sentiment`` (VADER), ``emotion`` (the
emotion–reason index), ``profile`` (one row per document with every measure above).

May import: :mod:`discourse.corpus`, :mod:`discourse.text`, :mod:`discourse.keywords` and the
base modules.
"""
