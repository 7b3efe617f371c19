"""The scale family: the same analyses past one machine, on a Dask cluster.

``scheduler`` (the ``scheduler=`` option, ``--scheduler`` and ``DISCOURSE_SCHEDULER``: none,
``"processes"``, a scheduler address or a ``distributed.Client``), ``engine`` (a corpus's
partitions mapped with the very per-document functions of the local path; shared objects
broadcast once per worker; results gathered in corpus order; a failing document named).

The analysis families call it through one hook, :func:`discourse.scale.engine.plan`: it returns
``None`` when the local path applies (an in-memory corpus and no scheduler), so that the local
code path stays what it was. Dask itself is imported only when a cluster is asked for.
See ``docs/scale.md``.

May import: :mod:`discourse.corpus` and the base modules.
"""
