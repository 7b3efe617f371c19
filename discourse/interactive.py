"""An ipywidgets panel for JupyterLab: pick a comparison set, a term and a metric, and see the
concordance lines, the term's trend in Syria's statements and the article's percentile update.

Everything it shows comes from package functions (:func:`discourse.kwic`,
:func:`discourse.stat_trend`, :func:`discourse.compare.compare_to_reference`); the panel
only wires them to widgets. It also works headless (the notebooks are executed in the tests):
building it renders the first view.

>>> from discourse.corpus import Corpus
>>> import pandas as pd
>>> art = Corpus.from_texts(["Balance, not rivalry."], ids=["art"])
>>> ref = Corpus.from_texts(["Peace and balance.", "Rivalry."], ids=["r1", "r2"],
...                         meta={"country": ["SYR", "RUS"], "year": [2020, 2020]})
>>> metrics = {"art": pd.DataFrame({"doc_id": ["art"], "x": [1.0]}),
...            "ref": pd.DataFrame({"doc_id": ["r1", "r2"], "x": [0.0, 2.0]})}
>>> import contextlib, io
>>> with contextlib.redirect_stdout(io.StringIO()):  # outside a kernel, outputs go to stdout
...     panel = explore(art, {"ref": ref}, metrics={"article": metrics["art"], "ref": metrics["ref"]},
...                     trend_corpus=ref, terms=["balanc*"])
>>> type(panel).__name__
'VBox'
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from .corpus import Corpus

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
        numeric columns, e.g. :func:`discourse.compare.stat_metrics`).
    trend_corpus : Corpus
        The corpus with ``year`` and ``country`` for the trend (e.g. the UN corpus).
    terms : sequence of str
        Patterns offered in the term box (any pattern can be typed).
    countries : sequence of str
        Countries drawn against the world in the trend.
    window : int
        Context of the concordance lines.
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.display import HTML, display

    from .compare import compare_to_reference
    from .frequencies import stat_trend
    from .kwic import kwic, kwic_html
    from .plots.keywords import plot_trend

    metric_names = [c for c in metrics["article"].columns if c != "doc_id"]
    set_box = widgets.Dropdown(options=list(sets), description="compare with")
    term_box = widgets.Combobox(options=list(terms), value=terms[0], description="term",
                                ensure_option=False)
    metric_box = widgets.Dropdown(options=metric_names, description="metric")
    out_kwic, out_trend, out_metric = widgets.Output(), widgets.Output(), widgets.Output()

    def show_kwic(*_):
        out_kwic.clear_output()
        with out_kwic:
            for label, corp in (("article", article), (set_box.value, sets[set_box.value])):
                lines = kwic(corp, term_box.value, window=window).head(15)
                display(HTML(f"<b>{label}</b>: {len(lines)} lines shown"))
                display(HTML(kwic_html(lines)))

    def show_trend(*_):
        out_trend.clear_output()
        with out_trend:
            table = stat_trend(trend_corpus, [term_box.value], countries=list(countries))
            fig = plot_trend(table)
            display(fig)
            plt.close(fig)

    def show_metric(*_):
        out_metric.clear_output()
        with out_metric:
            table = compare_to_reference(metrics["article"], metrics[set_box.value],
                                         reference_name=set_box.value, metrics=[metric_box.value])
            display(table)

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
                         widgets.HBox([out_kwic, out_trend]), out_metric])
