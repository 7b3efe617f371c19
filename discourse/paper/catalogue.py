"""The figure functions of the paper, registered in :data:`discourse.paper.registry.FIGURES`.

Each function builds one figure from package calls only; the notebook named in its
registration shows the same figure with the same calls.
"""
from __future__ import annotations

from ..text.describe import stat_documents
from .registry import PaperInputs, register
from ..plots.corpus import plot_documents_per_year, plot_lengths


@register("corpus_speeches_per_year", "UN General Debate speeches per year, with the years in "
          "which Syria spoke", "00_corpus.ipynb", inputs=("un",))
def corpus_speeches_per_year(inputs: PaperInputs):
    return plot_documents_per_year(stat_documents(inputs.un), highlight="SYR")


@register("corpus_lengths", "Length of UN speeches per year (median and interquartile range) "
          "with Syria's speeches", "00_corpus.ipynb", inputs=("un",))
def corpus_lengths(inputs: PaperInputs):
    return plot_lengths(stat_documents(inputs.un), highlight="SYR")


# -- keywords (notebook 01) ------------------------------------------------------------------
def _keyness_vs(inputs: PaperInputs, name: str):
    from ..corpus.comparisons import comparison_sets
    from ..keywords.keyness import stat_keyness

    reference = comparison_sets(inputs.un_with_syria, sample=inputs.sample,
                                seed=inputs.seed)[name]  # the same sets as notebook 01
    return stat_keyness(inputs.article, reference, min_count=3), reference


@register("keywords_frames_article", "Rates of the article's frames per 10,000 words with 95% "
          "intervals (dictionary 'frames')", "01_keywords.ipynb", inputs=("article",))
def keywords_frames_article(inputs: PaperInputs):
    from ..keywords.frequencies import keyword_frequencies
    from ..keywords.patterns import load_dictionary
    from ..plots.keywords import plot_frequency

    return plot_frequency(keyword_frequencies(inputs.article, load_dictionary("frames"), by=None))


@register("keywords_dispersion_article", "Where the key words fall in the article (lexical "
          "dispersion plot)", "01_keywords.ipynb", inputs=("article",))
def keywords_dispersion_article(inputs: PaperInputs):
    from ..keywords.kwic import kwic
    from ..plots.keywords import plot_dispersion

    return plot_dispersion(kwic(inputs.article, ["balanc*", "pragmati*", "rational*",
                                                 "sovereign*", "national interest*"]))


@register("keyness_article_vs_syria_before_2011", "Keyness (G²) of the article against "
          "Syria's UN statements 1946-2010", "01_keywords.ipynb", inputs=("article", "un_with_syria"))
def keyness_article_vs_syria_before_2011(inputs: PaperInputs):
    from ..plots.keywords import plot_keyness

    table, _ = _keyness_vs(inputs, "Syria before 2011")
    return plot_keyness(table, n=15, labels=("article", "Syria at the UN before 2011"))


@register("scatter_article_vs_syria_2011_2024", "Term rates in the article against Syria's UN "
          "statements 2011-2024, outliers labelled", "01_keywords.ipynb",
          inputs=("article", "un_with_syria"))
def scatter_article_vs_syria_2011_2024(inputs: PaperInputs):
    from ..plots.keywords import plot_frequency_scatter

    table, _ = _keyness_vs(inputs, "Syria 2011-2024")
    return plot_frequency_scatter(table, labels=("article", "Syria at the UN 2011-2024"))


def _trends(inputs: PaperInputs):
    from ..keywords.frequencies import stat_trend

    return stat_trend(inputs.un_with_syria, ["sovereign*", "balanc*", "pragmati*"],
                      countries=["SYR"])


@register("trend_sovereignty_syria_world", "'sovereign*' per 10,000 tokens per year: Syria "
          "against all statements", "01_keywords.ipynb", inputs=("un_with_syria",))
def trend_sovereignty_syria_world(inputs: PaperInputs):
    from ..plots.keywords import plot_trend

    return plot_trend(_trends(inputs), term="sovereign*")


@register("trend_balance_syria_world", "'balanc*' per 10,000 tokens per year: Syria against "
          "all statements", "01_keywords.ipynb", inputs=("un_with_syria",))
def trend_balance_syria_world(inputs: PaperInputs):
    from ..plots.keywords import plot_trend

    return plot_trend(_trends(inputs), term="balanc*")


# -- comparison (notebook 05) ----------------------------------------------------------------
@register("compare_article_percentiles", "The reference article's percentile on every measure "
          "in each comparison set", "05_compare.ipynb", inputs=("article", "un_with_syria", "lee"))
def compare_article_percentiles(inputs: PaperInputs):
    import pandas as pd

    from ..compare.metrics import compare_to_reference, key_metrics, stat_comparison_metrics
    from ..corpus.comparisons import comparison_sets
    from ..keywords.patterns import load_dictionary
    from ..plots.compare import plot_comparison

    frames = load_dictionary("frames")
    sets = comparison_sets(inputs.un_with_syria, lee=inputs.lee, sample=inputs.sample,
                           seed=inputs.seed)
    article = stat_comparison_metrics(inputs.article, dictionary=frames)
    table = pd.concat([compare_to_reference(article, stat_comparison_metrics(c, dictionary=frames),
                                            reference_name=name) for name, c in sets.items()],
                      ignore_index=True)
    return plot_comparison(table[table["metric"].isin(key_metrics(table["metric"]))])


# -- rhetoric (notebook 02) ------------------------------------------------------------------
@register("rhetoric_devices_article", "The article's text with its detected contrasts and lists "
          "of three highlighted", "02_rhetoric.ipynb", inputs=("article",))
def rhetoric_devices_article(inputs: PaperInputs):
    from ..rhetoric.devices import detect_devices
    from ..plots.rhetoric import plot_devices

    # the caption's devices: concessions (long clause pairs) would cover most of the text
    return plot_devices(inputs.article[0],
                        detect_devices(inputs.article, devices=["contrast", "tricolon"]))


@register("rhetoric_percentiles_article", "The article's percentile on the key rhetoric metrics "
          "in each comparison set", "02_rhetoric.ipynb", inputs=("article", "un_with_syria", "lee"))
def rhetoric_percentiles_article(inputs: PaperInputs):
    import pandas as pd

    from ..corpus.comparisons import comparison_sets
    from ..plots.compare import plot_comparison
    from ..compare.percentiles import percentiles
    from ..rhetoric.profile import KEY_METRICS, profile

    sets = comparison_sets(inputs.un_with_syria, lee=inputs.lee, sample=inputs.sample,
                           seed=inputs.seed)
    art = profile(inputs.article, progress=False)
    table = pd.concat([percentiles(art, profile(c, progress=False), reference_name=name)
                       for name, c in sets.items()], ignore_index=True)
    return plot_comparison(table[table["metric"].isin(KEY_METRICS)])


@register("rhetoric_emotion_trend_syria", "Emotion versus reason in Syria's UN statements "
          "1970-2024 (Gennaro & Ash index, word2vec on the UN corpus) with the article marked",
          "02_rhetoric.ipynb", inputs=("article", "un_with_syria"))
def rhetoric_emotion_trend_syria(inputs: PaperInputs):
    from ..rhetoric.emotion import score_emotion, stat_emotion_trend, train_emotion_model
    from ..plots.rhetoric import plot_emotion_trend

    un = inputs.un_with_syria
    model = train_emotion_model(un, seed=inputs.seed, progress=False)
    syria = un.subset(country="SYR", year=range(1970, 2025))
    trend = stat_emotion_trend(score_emotion(model, syria), syria.meta, by="year")
    article = float(score_emotion(model, inputs.article)["emotionality_z"].iloc[0])
    return plot_emotion_trend(trend, article=article, article_label="the article (2025)",
                              label="Syria's UN statements")


# -- actors (notebook 04) --------------------------------------------------------------------
@register("actors_attention_article_vs_un", "Share of actor mentions: the article against "
          "Syria's UN statements and the named states' 2024 statements", "04_actors.ipynb",
          inputs=("article", "un_with_syria"))
def actors_attention_article_vs_un(inputs: PaperInputs):
    from ..actors.mentions import stat_mentions
    from ..actors.balance import comparison_corpus
    from ..plots.actors import plot_attention

    corp = comparison_corpus(inputs.article, inputs.un_with_syria, sample=inputs.sample,
                             seed=inputs.seed)
    attention = stat_mentions(corp, by="set", level="party")
    return plot_attention(attention[attention["actor_id"] != "SYR"], n=12)


@register("actors_tone_article", "Tone (VADER) of the article's sentences naming each actor, "
          "with bootstrap intervals", "04_actors.ipynb", inputs=("article",))
def actors_tone_article(inputs: PaperInputs):
    from ..actors.mentions import stat_actor_tone
    from ..plots.actors import plot_actor_tone

    return plot_actor_tone(stat_actor_tone(inputs.article, level="party", n_boot=1000,
                                           seed=inputs.seed), n=12)


@register("actors_cooccurrence_article", "Actors named in the same sentence of the article",
          "04_actors.ipynb", inputs=("article",))
def actors_cooccurrence_article(inputs: PaperInputs):
    from ..actors.mentions import stat_cooccurrence, stat_mentions
    from ..plots.actors import plot_cooccurrence

    return plot_cooccurrence(stat_cooccurrence(inputs.article, level="party"),
                             counts=stat_mentions(inputs.article, level="party"), n=12)


@register("actors_ideological_square_article", "The ideological square of the article: its own "
          "side (Syria and its new leadership) and the others, praised and blamed, with the words",
          "04_actors.ipynb", inputs=("article",))
def actors_ideological_square_article(inputs: PaperInputs):
    from ..actors.square import stat_evaluation
    from ..plots.actors import plot_ideological_square

    return plot_ideological_square(stat_evaluation(inputs.article))


@register("actors_balance_entropy_syria_trend", "Attention entropy over the actors named: "
          "Syria's UN statements by year, the named states in 2024, the article",
          "04_actors.ipynb", inputs=("article", "un_with_syria"))
def actors_balance_entropy_syria_trend(inputs: PaperInputs):
    from ..actors.balance import stat_balance_comparison
    from ..plots.actors import plot_balance_trend

    comparison = stat_balance_comparison(inputs.article, inputs.un_with_syria,
                                         sample=inputs.sample, seed=inputs.seed, n_boot=300)
    return plot_balance_trend(comparison, measure="attention_entropy")


@register("actors_equidistance_russia_usa_syria_trend", "Equidistance between Russia and the "
          "United States (attention and tone): Syria's UN statements by year, the named states "
          "in 2024, the article", "04_actors.ipynb", inputs=("article", "un_with_syria"))
def actors_equidistance_russia_usa_syria_trend(inputs: PaperInputs):
    from ..actors.balance import stat_balance_comparison
    from ..plots.actors import plot_balance_trend

    comparison = stat_balance_comparison(inputs.article, inputs.un_with_syria,
                                         sample=inputs.sample, seed=inputs.seed, n_boot=300)
    return plot_balance_trend(comparison, measure="equidistance", pair="Russia–United States")


# -- topics (notebook 03) --------------------------------------------------------------------
TOPICS_K = 10  # the k the coherence and stability grid defends (notebook 03)
TOPICS_GRID_SAMPLE = 1500
TOPICS_K_GRID = [5, 10, 15, 20, 30]


def _topic_fit(inputs: PaperInputs) -> dict:
    return {"passes": 10 if inputs.sample is None else 5}


def _topic_model(inputs: PaperInputs):
    """The main model of notebook 03 (k = 20, LDA, seed of the build); fit_topics reuses a
    model already fitted in this process."""
    from ..topics import fit_topics, prepare_topics

    prepared = prepare_topics(inputs.un_with_syria, progress=False)
    return fit_topics(prepared, TOPICS_K, model="lda", seed=inputs.seed, progress=False,
                      **_topic_fit(inputs))


@register("topics_choosing_k", "Coherence (C_V, C_NPMI, C_UMass) and stability across seeds of "
          "LDA models over a grid of k", "03_topics.ipynb", inputs=("un_with_syria",))
def topics_choosing_k(inputs: PaperInputs):
    from ..plots.topics import plot_topic_selection
    from ..topics import prepare_topics, stat_coherence, stat_stability

    world = inputs.un_with_syria
    if inputs.sample is None and len(world) > TOPICS_GRID_SAMPLE:
        world = world.sample(TOPICS_GRID_SAMPLE, seed=inputs.seed)
    ks = TOPICS_K_GRID if inputs.sample is None else [4, 6, 8]
    grid = prepare_topics(world, progress=False)
    fit = _topic_fit(inputs)
    coherence = stat_coherence(grid, ks, seeds=[0, 1], model="lda", fit=fit, progress=False)
    stability = stat_stability(grid, ks, seeds=[0, 1], model="lda", fit=fit, progress=False)
    return plot_topic_selection(coherence, stability)


@register("topics_top_terms", "The most relevant terms (λ = 0.6) of each of the 10 LDA "
          "topics of the UN corpus", "03_topics.ipynb", inputs=("un_with_syria",))
def topics_top_terms(inputs: PaperInputs):
    from ..plots.topics import plot_top_terms

    return plot_top_terms(_topic_model(inputs).top_terms(10), n=8)


@register("topics_intertopic_map", "Intertopic distance map: Jensen-Shannon distances between "
          "topics by classical MDS, circle area = prevalence", "03_topics.ipynb",
          inputs=("un_with_syria",))
def topics_intertopic_map(inputs: PaperInputs):
    from ..plots.topics import plot_topic_map
    from ..topics import stat_topic_map

    return plot_topic_map(stat_topic_map(_topic_model(inputs)))


@register("topics_prevalence_by_year", "Mean topic proportions of UN speeches per year (the "
          "six most prevalent topics)", "03_topics.ipynb", inputs=("un_with_syria",))
def topics_prevalence_by_year(inputs: PaperInputs):
    from ..plots.topics import plot_topic_prevalence
    from ..topics import topic_prevalence

    return plot_topic_prevalence(topic_prevalence(_topic_model(inputs), by="year"), n=6)


@register("topics_article_vs_eras", "The article's topic mix against Syria's statements before "
          "2011, in 2011-2024, in 2024, and the named states' 2024 statements",
          "03_topics.ipynb", inputs=("article", "un_with_syria"))
def topics_article_vs_eras(inputs: PaperInputs):
    from ..corpus.comparisons import era_sets
    from ..plots.topics import plot_topic_mix
    from ..topics import stat_topic_mix

    sets = era_sets(inputs.un_with_syria, sample=inputs.sample, seed=inputs.seed)
    return plot_topic_mix(stat_topic_mix(_topic_model(inputs), inputs.article, sets))
