"""The comparison sets the project places the article against, defined once.

* Syria's UN General Debate statements in two periods (:data:`SYRIA_PERIODS`): before the
  uprising (1946-2010) and 2011-2024 (war; the last statement under Bashar al-Assad was made
  in September 2024);
* the 2024 statements of the states the article names (:data:`ARTICLE_STATES`);
* general news (the Lee corpus).

>>> sorted(SYRIA_PERIODS)
['2011-2024', 'before 2011']
"""
from __future__ import annotations

from .documents import Corpus
from ..errors import EmptyInputError

__all__ = ["SYRIA_PERIODS", "ARTICLE_STATES", "comparison_sets", "sampled_world", "era_sets"]

SYRIA_PERIODS = {"before 2011": (1946, 2010), "2011-2024": (2011, 2024)}
#: States the reference article names besides Syria, as ISO3 codes.
ARTICLE_STATES = ("RUS", "UKR", "TUR", "SAU", "EGY", "IRN", "USA")


def comparison_sets(un: Corpus, *, lee: Corpus | None = None, sample: int | None = None,
                    seed: int = 1) -> dict[str, Corpus]:
    """Named comparison corpora drawn from the UN corpus (and news, if ``lee`` is given).

    Keys: ``"Syria before 2011"``, ``"Syria 2011-2024"``, ``"named states 2024"`` and
    ``"news (Lee)"``. ``sample`` caps each set at that many documents (drawn with ``seed``).
    A set that selects no document raises :class:`~discourse.errors.EmptyInputError`.
    """
    syria = un.subset(country="SYR")
    sets = {f"Syria {label}": syria.subset(year=range(lo, hi + 1))
            for label, (lo, hi) in SYRIA_PERIODS.items()}
    sets["named states 2024"] = un.subset(country=list(ARTICLE_STATES), year=2024)
    if lee is not None:
        sets["news (Lee)"] = lee
    for name, corp in sets.items():
        if len(corp) == 0:
            raise EmptyInputError(f"the comparison set {name!r} selects no document from "
                                  f"{un.name or 'the corpus'}")
    if sample:
        sets = {k: v.sample(sample, seed=seed) for k, v in sets.items()}
    return sets


def sampled_world(un: Corpus, *, sample: int | None = None, seed: int = 1) -> Corpus:
    """The UN corpus for Syria-against-the-world comparisons: every Syrian statement, the
    2024 statements of :data:`ARTICLE_STATES`, and ``sample`` other statements drawn with
    ``seed`` (all of them when ``sample`` is None). Used by the notebooks and the paper
    figures alike, so that a sampled run keeps every set it needs."""
    if not sample:
        return un
    meta = un.meta
    always = (meta["country"] == "SYR") | (meta["country"].isin(ARTICLE_STATES) & (meta["year"] == 2024))
    rest = un.subset(~always.to_numpy())
    keep = set(un.subset(always.to_numpy()).ids) | set(rest.sample(sample, seed=seed).ids)
    return un.subset(lambda m: m["doc_id"].isin(keep))


def era_sets(un: Corpus, *, sample: int | None = None, seed: int = 1) -> dict[str, Corpus]:
    """The UN comparison sets by era, for placing the article in time: Syria before 2011,
    Syria 2011-2024, Syria 2024 alone (the last statement under Bashar al-Assad) and the named
    states' 2024 statements (:func:`comparison_sets` without news, plus ``"Syria 2024"``).
    """
    base = comparison_sets(un, sample=sample, seed=seed)
    syria_2024 = un.subset(country="SYR", year=2024)
    if len(syria_2024) == 0:
        raise EmptyInputError(f"the comparison set 'Syria 2024' selects no document from "
                              f"{un.name or 'the corpus'}")
    return {"Syria before 2011": base["Syria before 2011"],
            "Syria 2011-2024": base["Syria 2011-2024"],
            "Syria 2024": syria_2024,
            "named states 2024": base["named states 2024"]}
