"""The corpus family: documents and where they come from.

``documents`` (:class:`Document`, :class:`Corpus`), ``readers`` (your files: text, folders,
CSV, JSON lines), ``ungdc`` (the UN General Debate Corpus), ``datasets`` (the article, the Lee
news corpus), ``sources`` (the ``SOURCE`` strings of the CLI), ``download`` (the Dataverse
downloader), ``archive`` (tar archives read with their checksums and sizes checked),
``normalize`` (decoding and normalisation), ``cache`` (the content-keyed Parquet cache),
``paths`` (the data directory), ``countries`` (ISO codes and names), ``comparisons`` (the
comparison sets of UN speeches the notebooks and figures share).

May import: :mod:`discourse.errors`, :mod:`discourse._validation`; nothing else of the package.
"""
