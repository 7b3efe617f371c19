"""An ipywidgets panel for JupyterLab: pick a comparison set, a term and a metric, and see the
term's trend in Syria's statements, the concordance lines and the article's percentile update.

Everything it shows comes from package functions (:func:`discourse.kwic`,
:func:`discourse.stat_trend`, :func:`discourse.compare.metrics.compare_to_reference`); the panel
only wires them to widgets. It also works headless (the notebooks are executed in the tests):
building it renders the first view, and a static page (the HTML report, where widgets cannot
run) shows that view as HTML.

The layout, top to bottom: the controls (their labels in full), the trend figure at its
natural size and aspect (:data:`TREND_SIZE_IN` at :data:`TREND_DPI`: 720 × 320 pixels, never
stretched by the panel), the concordance (one line per match, the left context right-aligned
against the match, the document named once above its lines) and the article's percentile.

>>> from discourse.corpus.documents import Corpus
>>> import pandas as pd
>>> art = Corpus.from_texts(["Balance, not rivalry."], ids=["art"])
>>> ref = Corpus.from_texts(["Peace and balance.", "Rivalry."], ids=["r1", "r2"],
...                         meta={"country": ["SYR", "RUS"], "year": [2020, 2020]})
>>> metrics = {"art": pd.DataFrame({"doc_id": ["art"], "x": [1.0]}),
...            "ref": pd.DataFrame({"doc_id": ["r1", "r2"], "x": [0.0, 2.0]})}
>>> panel = explore(art, {"ref": ref}, metrics={"article": metrics["art"], "ref": metrics["ref"]},
...                 trend_corpus=ref, terms=["balanc*"])
>>> controls, trend_view, kwic_view, metric_view = panel.children
>>> "balance" in kwic_view.value, trend_view.value[1:4] == b"PNG"
(True, True)
>>> (trend_view.layout.width, trend_view.layout.height)
('720px', '320px')
>>> controls.children[2].value = "x"  # a new metric updates the table
>>> "percentile" in metric_view.value
True
>>> "text/html" in panel._repr_mimebundle_()  # the static view for the HTML report
True
"""
from __future__ import annotations

import base64
import html
from collections.abc import Mapping, Sequence

import pandas as pd

from ..corpus.documents import Corpus

__all__ = ["explore", "concordance_html", "TREND_SIZE_IN", "TREND_DPI"]

#: The trend figure's size (inches) and resolution in the panel: 720 × 320 pixels.
TREND_SIZE_IN = (7.2, 3.2)
TREND_DPI = 100

_CSS = """<style>
.discourse-kwic { border-collapse: collapse; table-layout: fixed; width: 100%;
  font: 13px/1.45 system-ui, sans-serif; margin-bottom: 0.6em; }
.discourse-kwic td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  padding: 1px 4px; border: none; }
.discourse-kwic td.pre { text-align: right; color: #444; width: 44%; direction: rtl; }
.discourse-kwic td.pre span { direction: ltr; unicode-bidi: embed; }
.discourse-kwic td.match { text-align: center; font-weight: 600; width: 12%; }
.discourse-kwic td.post { text-align: left; color: #444; width: 44%; }
.discourse-kwic tr.doc td { color: #6a737d; font-size: 12px; padding-top: 5px;
  text-align: left; direction: ltr; }
.discourse-kwic caption { text-align: left; font-weight: 600; padding: 2px 4px; }
</style>"""


def concordance_html(table: pd.DataFrame, *, title: str = "") -> str:
    """A concordance (:func:`discourse.kwic` output) as a readable HTML table: one line per
    match, left context right-aligned against the match (cut on the left when long), the
    match in bold, the right context; each document named once, above its lines.

    >>> t = pd.DataFrame({"doc_id": ["a", "a", "b"], "pre": ["x y", "z", ""],
    ...                   "match": ["balance"] * 3, "post": ["p", "q", "r"]})
    >>> out = concordance_html(t, title="article")
    >>> out.count('class="doc"'), out.count('class="match"')
    (2, 3)
    """
    rows, last = [], None
    for doc, pre, match, post in zip(table["doc_id"], table["pre"], table["match"],
                                     table["post"]):
        if doc != last:
            rows.append(f'<tr class="doc"><td colspan="3">{html.escape(str(doc))}</td></tr>')
            last = doc
        rows.append(f'<tr><td class="pre"><span>{html.escape(pre)}</span></td>'
                    f'<td class="match">{html.escape(match)}</td>'
                    f'<td class="post">{html.escape(post)}</td></tr>')
    caption = f"<caption>{html.escape(title)}</caption>" if title else ""
    body = "".join(rows) or '<tr><td colspan="3">no match</td></tr>'
    return f'<table class="discourse-kwic">{caption}{body}</table>'


def _number(value) -> str:
    """A value for a table cell: 2,290 or 0.214 (no exponent)."""
    if pd.isna(value):
        return "–"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def _panel_class():
    import ipywidgets as widgets

    class ExplorePanel(widgets.VBox):
        """The panel; a static page shows its current view as HTML."""

        def _repr_mimebundle_(self, **kwargs):
            bundle = super()._repr_mimebundle_(**kwargs)
            bundle = dict(bundle) if bundle else {}
            bundle["text/html"] = self.static_html()
            return bundle

        def static_html(self) -> str:
            controls, trend, kwic_view, metric_view = self.children
            chosen = " · ".join(
                f"{c.description}: <b>{html.escape(str(getattr(c, 'label', None) or c.value))}</b>"
                for c in controls.children)
            png = base64.b64encode(trend.value).decode("ascii")
            width, height = (int(v.rstrip("px")) for v in (trend.layout.width,
                                                             trend.layout.height))
            return ('<div class="discourse-static">'
                    "<p><i>In JupyterLab this is an interactive panel: choose a comparison "
                    "set, a term and a measure. Its first view:</i> " + chosen + "</p>"
                    f'<img src="data:image/png;base64,{png}" width="{width}" '
                    f'height="{height}" alt="trend of the term" style="max-width:100%;'
                    'height:auto">' + kwic_view.value + metric_view.value + "</div>")

    return ExplorePanel


def explore(article: Corpus, sets: Mapping[str, Corpus], *, metrics: Mapping[str, pd.DataFrame],
            trend_corpus: Corpus, terms: Sequence[str] = ("balanc*", "sovereign*", "pragmati*"),
            countries: Sequence[str] = ("SYR",), window: int = 6, lines: int = 15):
    """Build the panel (an ``ipywidgets.VBox``: controls, trend, concordance, percentile).

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
        Context of the concordance lines (words on each side).
    lines : int
        Concordance lines shown per corpus.
    """
    import io

    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from .metrics import compare_to_reference
    from ..keywords.frequencies import stat_trend
    from ..keywords.kwic import kwic
    from ..plots.keywords import plot_trend
    from ..plots.labels import metric_label

    # The views are plain HTML and Image widgets whose values are replaced on each change
    # (no Output widgets: capturing display() output into them can stall a headless run).
    metric_names = [c for c in metrics["article"].columns if c != "doc_id"]
    label = {"description_width": "initial"}  # labels in full ("compare with", not "compa...")
    set_box = widgets.Dropdown(options=list(sets), description="compare with", style=label,
                               layout=widgets.Layout(width="auto"))
    term_box = widgets.Combobox(options=list(terms), value=terms[0], description="term",
                                ensure_option=False, style=label,
                                layout=widgets.Layout(width="14em"))
    metric_box = widgets.Dropdown(options=[(metric_label(m), m) for m in metric_names],
                                  description="measure", style=label,
                                  layout=widgets.Layout(width="auto"))
    width, height = (round(v * TREND_DPI) for v in TREND_SIZE_IN)
    # exactly its pixels, never stretched by the box around it (a flex column stretches its
    # children's width unless told otherwise)
    trend_view = widgets.Image(format="png", layout=widgets.Layout(
        width=f"{width}px", height=f"{height}px", object_fit="contain",
        align_self="flex-start", flex="0 0 auto"))
    kwic_view = widgets.HTML(layout=widgets.Layout(width="100%", max_width="60em"))
    metric_view = widgets.HTML(layout=widgets.Layout(width="100%"))

    def show_kwic(*_):
        parts = [_CSS]
        for name, corp in (("article", article), (set_box.value, sets[set_box.value])):
            found = kwic(corp, term_box.value, window=window)
            shown = found.head(lines)
            title = f"{name}: {len(found)} lines" + (f", the first {len(shown)} shown"
                                                     if len(found) > len(shown) else "")
            parts.append(concordance_html(shown, title=title))
        kwic_view.value = "".join(parts)

    def show_trend(*_):
        fig = plot_trend(stat_trend(trend_corpus, [term_box.value], countries=list(countries)))
        fig.set_size_inches(*TREND_SIZE_IN)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=TREND_DPI)  # no tight bbox: fixed pixel size
        plt.close(fig)
        trend_view.value = buffer.getvalue()

    def show_metric(*_):
        table = compare_to_reference(metrics["article"], metrics[set_box.value],
                                     reference_name=set_box.value, metrics=[metric_box.value])
        shown = pd.DataFrame({
            "article": table["doc_id"], "measure": table["metric"].map(metric_label),
            "value": table["value"].round(3), f"median in {set_box.value}": table["median"].round(3),
            "middle half of the set": [f"{_number(a)} – {_number(b)}"
                                       for a, b in zip(table["q1"], table["q3"])],
            "percentile": table["percentile"].round(1), "effect size": table["effect_size"].round(2)})
        metric_view.value = shown.to_html(index=False, border=0)

    def on_term(change):
        show_kwic()
        show_trend()

    set_box.observe(lambda c: (show_kwic(), show_metric()), names="value")
    term_box.observe(on_term, names="value")
    metric_box.observe(show_metric, names="value")
    show_kwic()
    show_trend()
    show_metric()
    for box in (set_box, term_box, metric_box):
        box.layout.margin = "2px 1.5em 2px 0"
    controls = widgets.HBox([set_box, term_box, metric_box],
                            layout=widgets.Layout(flex_flow="row wrap"))
    trend_view.layout.margin = "0.5em 0"
    return _panel_class()([controls, trend_view, kwic_view, metric_view])
