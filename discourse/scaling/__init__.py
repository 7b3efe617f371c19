"""Text scaling: place documents on a latent dimension from their word counts.

The models, one module each:

* :func:`fit_wordfish` (:mod:`.wordfish`) — Slapin & Proksch's (2008) Poisson scaling model,
  unsupervised, with out-of-sample :meth:`WordfishFit.predict`;
* :func:`fit_wordscores` (:mod:`.wordscores`) — Laver, Benoit & Garry's (2003) Wordscores, with
  LBG and Martin & Vanberg (2008) rescaling;
* :func:`fit_ca` (:mod:`.ca`) — correspondence analysis (Greenacre 2007), also Wordfish's start;
* :func:`fit_lss` (:mod:`.lss`) — Latent Semantic Scaling with seed words on word vectors
  (Watanabe 2021);
* :mod:`.apply` — the UN application: trimmed counts, the article placed out of sample, Syria
  by year (imports the rest of the package lazily, inside its functions).

Every fit takes a :class:`~discourse.keywords.dtm.DocTermMatrix` (duck-typed: anything with ``counts``,
``doc_ids`` and ``terms``) or a pandas DataFrame of counts (documents x terms, the index
holding the document ids), and returns an object with tidy tables ``.documents`` (``doc_id``,
``theta``, ``se``, ``ci_low``, ``ci_high``) and ``.words``. The model modules import only
numpy, scipy and pandas plus :mod:`discourse.errors` and :mod:`discourse._validation` (and
PyYAML, lazily, for the shipped LSS seed list); they never import the counting stage.

See ``docs/scaling.md`` for the formulas, the identification and the oracle tests.

May import: the base modules; :mod:`.apply` also :mod:`discourse.corpus`,
:mod:`discourse.keywords` (the counts) and :mod:`discourse.topics` (the UN procedural words).

>>> import pandas as pd
>>> counts = pd.DataFrame([[9, 1, 0], [5, 5, 1], [1, 9, 6]], index=["a", "b", "c"],
...                       columns=["war", "peace", "trade"])
>>> fit_wordfish(counts, dir=("a", "c")).documents["doc_id"].tolist()
['a', 'b', 'c']
"""
from .ca import CAFit, fit_ca
from .lss import LSSFit, fit_lss, load_seed_words
from .wordfish import WordfishFit, fit_wordfish
from .wordscores import WordscoresFit, fit_wordscores

__all__ = ["fit_wordfish", "WordfishFit", "fit_wordscores", "WordscoresFit", "fit_ca", "CAFit",
           "fit_lss", "LSSFit", "load_seed_words"]
