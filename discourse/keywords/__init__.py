"""The keywords family: counts and what they show.

``patterns`` (glob/regex patterns and YAML dictionaries), ``dtm`` (the document-term matrix),
``frequencies`` (rates, intervals, dispersion, trends), ``keyness`` (G², χ², log ratio,
Fightin' Words ...), ``kwic`` (concordances), ``collocations`` (bigram measures).

May import: :mod:`discourse.corpus`, :mod:`discourse.text` and the base modules.
"""
