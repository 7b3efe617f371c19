"""Word classes from the Brill tagger's lexicon that ships inside ``textblob``
(``textblob/en/en-lexicon.txt``, no download): each word's most frequent Penn tag.

Used where a rule needs a word's class out of context: whether a word before a noun is an
adjective (*had undoubted successes*) or a participle (*has opposed aggression*), whether
the items of a list are adjectives (*Member States, large and small*).

>>> from discourse.text.brill import lexical_tags
>>> lexical_tags()["small"], lexical_tags()["opposed"]
('JJ', 'VBN')
"""
from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def lexical_tags() -> dict:
    """word (as written in the lexicon, capitalised forms included) -> its most frequent Penn
    tag."""
    import textblob

    out = {}
    with open(Path(textblob.__file__).parent / "en" / "en-lexicon.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and not line.startswith(";;;"):
                out.setdefault(parts[0], parts[1])
    return out
