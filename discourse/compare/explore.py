"""An ipywidgets panel for JupyterLab: pick a comparison set, a term and a metric, and see the
concordance lines, the term's trend in Syria's statements and the article's percentile update.

Everything it shows comes from package functions (:func:`discourse.kwic`,
:func:`discourse.stat_trend`, :func:`discourse.compare.metrics.compare_to_reference`); the panel
only wires them to widgets. It also works headless (the notebooks are executed in the tests):
building it renders the first view.

>>> from discourse.corpus.documents import Corpus
>>> import pandas as pd
>>> art = Corpus.from_texts(["Balance, not rivalry."], ids=["art"])
>>> ref = Corpus.from_texts(["Peace and balance.", "Rivalry."], ids=["r1", "r2"],
...                         meta={"country": ["SYR", "RUS"], "year": [2020, 2020]})
>>> metrics = {"art": pd.DataFrame({"doc_id": ["art"], "x": [1.0]}),
...            "ref": pd.DataFrame({"doc_id": ["r1", "r2"], "x": [0.0, 2.0]})}
>>> panel = explore(art, {"ref": ref}, metrics={"article": metrics["art"], "ref": metrics["ref"]},
...                 trend_corpus=ref, terms=["balanc*"])
>>> kwic_view, trend_view = panel.children[1].children
>>> "balance" in kwic_view.value, trend_view.value[1:4] == b"PNG"
(True, True)
>>> panel.children[0].children[2].value = "x"  # a new metric updates the table
>>> "percentile" in panel.children[2].value
True
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from ..corpus.documents import Corpus

__all__ = ["explore"]


def explore(article: Corpus, sets: Mapping[str, Corpus], *, metrics: Mapping[str, pd.DataFrame],
            trend_corpus: Corpus, terms: Sequence[str] = ("balanc*", "sovereign*", "pragmati*"),
            countries: Sequence[str] = ("SYR",), window: int = 6):
    """Build the panel (an ``ipywidgets.VBox``).

    Parameters
    ----------
    article : Corpus
        The article(s) under study.
    sets : mapping of name to Corpus
        The comparison sets to choose from.
    metrics : mapping
        ``"article"`` and each set name to a per-document metric table (``doc_id`` plus
        numeric columns, e.g. :func:`discourse.compare.metrics.stat_metrics`).
    trend_corpus : Corpus
        The corpus with ``year`` and ``country`` for the trend (e.g. the UN corpus).
    terms : sequence of str
        Patterns offered in the term box (any pattern can be typed).
    countries : sequence of str
        Countries drawn against the world in the trend.
    window : int
        Context of the concordance lines.
    """
    import io

    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from .metrics import compare_to_reference
    from ..keywords.frequencies import stat_trend
    from ..keywords.kwic import kwic, kwic_html
    from ..plots.keywords import plot_trend

    # The views are plain HTML and Image widgets whose values are replaced on each change
    # (no Output widgets: capturing display() output into them can stall a headless run).
    metric_names = [c for c in metrics["article"].columns if c != "doc_id"]
    set_box = widgets.Dropdown(options=list(sets), description="compare with")
    term_box = widgets.Combobox(options=list(terms), value=terms[0], description="term",
                                ensure_option=False)
    metric_box = widgets.Dropdown(options=metric_names, description="metric")
    kwic_view, metric_view = widgets.HTML(), widgets.HTML()
    trend_view = widgets.Image(format="png")

    def show_kwic(*_):
        parts = []
        for label, corp in (("article", article), (set_box.value, sets[set_box.value])):
            lines = kwic(corp, term_box.value, window=window).head(15)
            parts.append(f"<p><b>{label}</b>: {len(lines)} lines shown</p>{kwic_html(lines)}")
        kwic_view.value = "".join(parts)

    def show_trend(*_):
        fig = plot_trend(stat_trend(trend_corpus, [term_box.value], countries=list(countries)))
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=100)
        plt.close(fig)
        trend_view.value = buffer.getvalue()

    def show_metric(*_):
        table = compare_to_reference(metrics["article"], metrics[set_box.value],
                                     reference_name=set_box.value, metrics=[metric_box.value])
        metric_view.value = table.round(3).to_html(index=False)

    def on_term(change):
        show_kwic()
        show_trend()

    set_box.observe(lambda c: (show_kwic(), show_metric()), names="value")
    term_box.observe(on_term, names="value")
    metric_box.observe(show_metric, names="value")
    show_kwic()
    show_trend()
    show_metric()
    return widgets.VBox([widgets.HBox([set_box, term_box, metric_box]),
                         widgets.HBox([kwic_view, trend_view]), metric_view])
