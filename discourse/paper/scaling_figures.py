"""The text-scaling figures of the paper (issue #12), registered in
:data:`discourse.paper.registry.FIGURES`; ``notebooks/06_scaling.ipynb`` shows them with the same calls.

The design (see :mod:`discourse.scaling.apply`): Wordfish fitted once on the 2024 General
Debate speeches (the named states and Syria always, the other states sampled when
``sample`` is set), oriented with Russia left of the United States; the article and every
Syrian speech 1946-2024 placed out of sample on that dimension.

Imported by :mod:`discourse.paper` (the package) next to the catalogue, so that
``discourse figures`` lists these figures too.
"""
from __future__ import annotations

from .registry import PaperInputs, register

YEAR = 2024
_FITS: dict = {}  # (corpus hash, sample, seed) -> fit, so the three figures share one fit


def scaling_fit(inputs: PaperInputs):
    """The 2024 Wordfish fit of the paper (computed once per set of inputs)."""
    from ..scaling.apply import fit_un_wordfish, scaling_set

    un = inputs.un_with_syria
    key = (un.content_hash(), inputs.sample, inputs.seed)
    if key not in _FITS:
        _FITS.clear()
        _FITS[key] = fit_un_wordfish(scaling_set(un, year=YEAR, sample=inputs.sample,
                                                 seed=inputs.seed))
    return _FITS[key]


def article_on_2024_scale(inputs: PaperInputs):
    """The 2024 speeches and the article placed out of sample, one table."""
    from ..scaling.apply import place_documents, with_placed

    fit = scaling_fit(inputs)
    return with_placed(fit, place_documents(fit, inputs.article), placed_set="article")


@register("scaling_wordfish_2024_article", "Wordfish positions of the 2024 UN General Debate "
          "speeches (95% intervals) with the article placed out of sample; the named states "
          "labelled", "06_scaling.ipynb", inputs=("article", "un_with_syria"))
def scaling_wordfish_2024_article(inputs: PaperInputs):
    from ..plots.scaling import plot_scale1d
    from ..scaling.apply import NAMED_STATES

    table = article_on_2024_scale(inputs)
    named = table.loc[(table["set"] == "fit") & table["label"].isin(NAMED_STATES), "doc_id"]
    article = table.loc[table["set"] == "article", "doc_id"].tolist()
    return plot_scale1d(table.assign(label=table["label"].where(table["set"] == "fit", "article")),
                        label="label", highlight=article, annotate=list(named))


@register("scaling_syria_trend", "Syria's UN speeches 1946-2024 placed on the 2024 Wordfish "
          "dimension (word parameters fixed), with the article's position", "06_scaling.ipynb",
          inputs=("article", "syria", "un_with_syria"))
def scaling_syria_trend(inputs: PaperInputs):
    from ..plots.scaling import plot_scale_trend
    from ..scaling.apply import place_documents

    fit = scaling_fit(inputs)
    syria = place_documents(fit, inputs.syria)
    art = place_documents(fit, inputs.article).iloc[0]
    return plot_scale_trend(syria, x="year", label="Syria at the UN (placed on the 2024 dimension)",
                            marks={"the article": (art["theta"], art["ci_low"], art["ci_high"])})


@register("scaling_words", "The words of the 2024 Wordfish dimension: weight (beta) against "
          "fixed effect (psi), the most extreme words of each pole labelled", "06_scaling.ipynb",
          inputs=("un_with_syria",))
def scaling_words(inputs: PaperInputs):
    from ..plots.scaling import plot_word_scale

    return plot_word_scale(scaling_fit(inputs).words, label_top=12)
