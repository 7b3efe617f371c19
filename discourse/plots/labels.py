"""Human labels for metric columns, for paper figures: ``words per sentence`` instead of
``sentence_tokens_mean``, ``hedges per 1,000 words`` instead of ``hedges_per_1k``.

:func:`metric_label` knows the rhetoric profile's key metrics, the comparison metrics and
the balance measures by name, and builds the rest from the column's pattern
(``rate_<frame>``, ``<marker>_per_1k``, ``equidistance_<pair>`` ...). Plots import nothing
from the analysis families, so the names live here as a table.

>>> metric_label("sentence_tokens_mean"), metric_label("hedges_per_1k")
('words per sentence', 'hedges per 1,000 words')
>>> metric_label("rate_national_interest"), metric_label("equidistance_russia_ukraine")
("'national interest' frame per 10,000 words", 'equidistance Russia–Ukraine')
>>> metric_label("some_new_measure")
'some new measure'
>>> group_label("SYR"), group_label("world"), group_label("news (Lee)")
('Syria', 'all UN statements', 'news (Lee)')
>>> measure_label("g2")
'log-likelihood G²'
"""
from __future__ import annotations

import csv
import functools
from importlib import resources

__all__ = ["metric_label", "group_label", "measure_label", "METRIC_LABELS", "MEASURE_LABELS"]

#: Keyness measures (columns of discourse.keywords.keyness.stat_keyness) -> axis label.
MEASURE_LABELS = {"g2": "log-likelihood G²", "chi2": "χ²", "chi2_yates": "χ² (Yates)",
                  "log_ratio": "log ratio", "pct_diff": "%DIFF", "bic": "BIC",
                  "log_odds_z": "log-odds z-score", "odds_ratio": "odds ratio"}

_PER_1K = "per 1,000 words"

#: Metric column -> label. Rates per 1,000 words are counted over the words of the text.
METRIC_LABELS: dict[str, str] = {
    "n_tokens": "length (words)",
    "n_sentences": "sentences",
    "n_paragraphs": "paragraphs",
    "sentence_tokens_mean": "words per sentence",
    "mean_sentence_tokens": "words per sentence",
    "sentence_tokens_median": "words per sentence (median)",
    "share_long_sentences": "share of long sentences",
    "flesch_reading_ease": "Flesch reading ease",
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "gunning_fog": "Gunning fog index",
    "smog": "SMOG grade",
    "coleman_liau": "Coleman–Liau index",
    "ari": "automated readability index",
    "dale_chall": "Dale–Chall score",
    "ttr": "type–token ratio",
    "mattr": "moving-average type–token ratio",
    "mtld": "lexical diversity (MTLD)",
    "hdd": "lexical diversity (HD-D)",
    "hedges_per_1k": f"hedges {_PER_1K}",
    "boosters_per_1k": f"boosters {_PER_1K}",
    "attitude_markers_per_1k": f"attitude markers {_PER_1K}",
    "engagement_markers_per_1k": f"engagement markers {_PER_1K}",
    "self_mentions_per_1k": f"self-mentions {_PER_1K}",
    "modal_high_per_1k": f"strong modals (must, will) {_PER_1K}",
    "modal_medium_per_1k": f"medium modals (should, would) {_PER_1K}",
    "modal_low_per_1k": f"weak modals (may, might) {_PER_1K}",
    "negation_per_1k": f"negations {_PER_1K}",
    "first_person_plural_per_1k": f"'we', 'our', 'us' {_PER_1K}",
    "third_person_per_1k": f"third-person pronouns {_PER_1K}",
    "antithesis_per_1k": f"contrasts {_PER_1K}",
    "tricolon_per_1k": f"lists of three {_PER_1K}",
    "anaphora_per_1k": f"anaphoras {_PER_1K}",
    "epistrophe_per_1k": f"epistrophes {_PER_1K}",
    "rhetorical_question_per_1k": f"rhetorical questions {_PER_1K}",
    "sentiment_compound": "tone (VADER compound, mean of sentences)",
    "share_positive_sentences": "share of positive sentences",
    "share_negative_sentences": "share of negative sentences",
    "emotionality_z": "emotion − reason (z)",
    "attention_entropy": "evenness of attention to actors (entropy)",
    "tone_dispersion": "spread of tone across actors",
}

# The balance pairs of discourse.actors.balance.BALANCE_PAIRS, by the slug of their name.
_PAIRS = {"russia_ukraine": "Russia–Ukraine", "turkiye_arab_states": "Türkiye–Arab states",
          "russia_united_states": "Russia–United States"}
_PAIR_MEASURES = {"equidistance": "equidistance", "attention_gap": "attention gap",
                  "tone_gap": "tone gap"}


def metric_label(name: str) -> str:
    """The label of a metric column in a paper figure (see the module docs)."""
    name = str(name)
    if name in METRIC_LABELS:
        return METRIC_LABELS[name]
    if name.startswith("rate_"):
        return f"'{name[5:].replace('_', ' ')}' frame per 10,000 words"
    for prefix, label in _PAIR_MEASURES.items():
        if name.startswith(prefix + "_"):
            slug = name[len(prefix) + 1:]
            pair = _PAIRS.get(slug, slug.replace("_", " "))
            return f"{label} {pair}"
    if name.endswith("_per_1k"):
        return f"{name[:-7].replace('_', ' ')} {_PER_1K}"
    return name.replace("_", " ")


def measure_label(measure: str) -> str:
    """The axis label of a keyness measure (``g2`` -> ``log-likelihood G²``)."""
    return MEASURE_LABELS.get(str(measure), str(measure).replace("_", " "))


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    table = resources.files("discourse.data").joinpath("tables", "countries.csv")
    with table.open(encoding="utf-8") as fh:
        return {row["iso3"]: row["short_name"] or row["name"] for row in csv.DictReader(fh)}


def group_label(group) -> str:
    """A group of a trend table in words: a country code becomes the country's everyday
    name (``SYR`` -> ``Syria``), ``world`` the baseline of every statement."""
    group = str(group)
    if group == "world":
        return "all UN statements"
    return _country_names().get(group, group)
