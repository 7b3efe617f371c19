"""The comparison family: a text against a reference set, on every measure.

``metrics`` (the per-document measures of every family side by side, the article's percentile
and effect size in a reference set), ``percentiles`` (the rhetoric profile placed in a
comparison corpus), ``explore`` (the interactive panel for JupyterLab).

May import: every analysis family (``corpus``, ``text``, ``keywords``, ``rhetoric``,
``actors``, ``topics``) and :mod:`discourse.plots`; nothing imports it but ``paper`` and
``cli``.
"""
