"""save_figure writes byte-identical files on every run, atomically; corpus plots read right."""
import hashlib
import os

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from discourse.errors import InputError
from discourse.paper.figures import save_figure
from discourse.plots import plot_documents_per_year, plot_lengths


def make_figure():
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([1, 2, 3], [3, 1, 2], label="line")
    ax.set_title("Türkiye — Syria")
    ax.legend()
    return fig


def digests(paths):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def test_same_figure_same_bytes(tmp_path):
    a = save_figure(make_figure(), "f", tmp_path / "a", formats=("png", "pdf", "svg"))
    b = save_figure(make_figure(), "f", tmp_path / "b", formats=("png", "pdf", "svg"))
    assert digests(a) == digests(b)
    assert b"CreationDate" not in a[1].read_bytes()
    assert not [p for p in (tmp_path / "a").iterdir() if p.name.endswith(".tmp")]


def test_bad_names_formats_and_folders(tmp_path):
    fig = make_figure()
    with pytest.raises(InputError, match="plain file stem"):
        save_figure(fig, "../escape", tmp_path)
    with pytest.raises(InputError, match="'formats' parameter"):
        save_figure(fig, "f", tmp_path, formats=("gif",))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError, match="cannot create the figure folder"):
        save_figure(fig, "f", blocker / "sub")
    if os.geteuid() != 0:  # root can write anywhere
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        with pytest.raises(InputError, match="not writable"):
            save_figure(fig, "f", ro)


def test_failed_write_leaves_previous_figure_intact(tmp_path, monkeypatch):
    good = save_figure(make_figure(), "f", tmp_path, formats=("png",))[0]
    before = good.read_bytes()
    fig = make_figure()

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fig, "savefig", broken)
    with pytest.raises(InputError, match="No space left"):
        save_figure(fig, "f", tmp_path, formats=("png",))
    assert good.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["MANIFEST.json", "f.png"]


def test_corpus_plots_read_back():
    table = pd.DataFrame({"year": [2000, 2000, 2001, 2002], "n_tokens": [10, 30, 20, 40],
                          "country": ["SYR", "RUS", "SYR", "RUS"]})
    fig = plot_documents_per_year(table, highlight="SYR")
    heights = [p.get_height() for p in fig.axes[0].patches]
    assert heights == [2, 1, 1]  # documents per year
    assert fig.axes[0].lines[0].get_xdata().tolist() == [2000, 2001]  # years Syria is present
    fig2, ax = plt.subplots()
    assert plot_lengths(table, ax=ax) is fig2
    assert list(ax.lines[0].get_ydata()) == [20.0, 20.0, 40.0]


def test_manifest_records_files_producer_inputs_and_is_reproducible(tmp_path, monkeypatch):
    import json

    from discourse import Corpus
    from discourse.paper.figures import input_hashes, read_manifest

    corp = Corpus.from_texts(["Balance."])
    for folder in ("a", "b"):
        save_figure(make_figure(), "f", tmp_path / folder, formats=("png", "svg"),
                    producer="tests.make_figure", inputs=input_hashes(corpus=corp),
                    params={"seed": 1})
    m = read_manifest(tmp_path / "a")
    entry = m["figures"]["f"]
    assert entry["producer"] == "tests.make_figure" and entry["params"] == {"seed": 1}
    assert entry["inputs"] == {"corpus": corp.content_hash()}
    png = (tmp_path / "a" / "f.png").read_bytes()
    assert entry["files"]["f.png"] == hashlib.sha256(png).hexdigest()
    assert {"python", "matplotlib", "pandas", "numpy", "gensim", "discourse"} <= set(entry["versions"])
    assert (tmp_path / "a" / "MANIFEST.json").read_bytes() == (tmp_path / "b" / "MANIFEST.json").read_bytes()
    monkeypatch.setenv("DISCOURSE_PRODUCER", "notebooks/00_corpus.ipynb")
    save_figure(make_figure(), "g", tmp_path / "a", formats=("png",))
    m = json.loads((tmp_path / "a" / "MANIFEST.json").read_text())
    assert set(m["figures"]) == {"f", "g"}
    assert m["figures"]["g"]["producer"] == "notebooks/00_corpus.ipynb"
    (tmp_path / "a" / "MANIFEST.json").write_text("{broken")
    with pytest.raises(InputError, match="not a readable figure manifest"):
        save_figure(make_figure(), "h", tmp_path / "a", formats=("png",))
    assert not (tmp_path / "a" / "h.png").exists()


# -- #14 items 12 and 15: figures a reviewer would not send back ---------------------------
from .figure_review import review  # noqa: E402


def test_device_highlights_sit_on_their_words():
    """The highlight of a run at the end of a long line starts and ends where the renderer
    draws its first and last letters (it drifted by several letters: boxes assumed a
    monospace advance the renderer does not use)."""
    from matplotlib.font_manager import FontProperties

    from discourse.corpus.documents import Document
    from discourse.plots import plot_devices

    line = "x" * 40 + " the new leadership recognises Russia's role, not its rule, today"
    doc = Document("d", line)
    start = line.index("not its rule")
    ev = pd.DataFrame({"doc_id": ["d"], "device": ["antithesis"], "start": [start],
                       "end": [start + len("not its rule")]})
    fig = plot_devices(doc, ev)
    fig.set_dpi(300)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    texts = [t for t in ax.texts if t.get_text().strip()]
    first = texts[0]
    font = FontProperties(family="DejaVu Sans Mono", size=first.get_fontsize())
    origin = first.get_window_extent(renderer).x0

    def width(s):
        return renderer.get_text_width_height_descent(s, font, ismath=False)[0]

    boxes = [p.get_window_extent(renderer) for p in ax.patches] + \
        [t.get_bbox_patch().get_window_extent(renderer) for t in ax.texts if t.get_bbox_patch()]
    assert len(boxes) == 1
    pad = 0.08 * first.get_fontsize() * 300 / 72
    x0, x1 = origin + width(line[:start]), origin + width(line[:start + len("not its rule")])
    assert abs(boxes[0].x0 + pad - x0) < 2 and abs(boxes[0].x1 - pad - x1) < 2  # pixels
    centre = first.get_window_extent(renderer)
    assert boxes[0].y0 < (centre.y0 + centre.y1) / 2 < boxes[0].y1


def test_keyness_scatter_labels_do_not_collide_and_zeros_are_marked():
    """Labels of nearby points ('balanced'/'leadership', 'are'/'the'/'we'/'their') are not
    piled up; a term absent from one side sits on a strip marked 0, apart from the log axis."""
    from discourse.plots import plot_frequency_scatter

    terms = ["balanced", "leadership", "are", "the", "we", "their", "al-sharaa", "ties"]
    t = pd.DataFrame({"term": terms,
                      "rate_target_per_10k": [80, 85, 0, 0, 0, 0, 120, 60],
                      "rate_reference_per_10k": [1.2, 1.3, 60, 62, 90, 95, 0, 0],
                      "log_ratio": [6, 6, -9, -9, -9, -9, 9, 9],
                      "log_odds_z": [5, 5.5, -6, -6.1, -7, -7.2, 8, 6],
                      "n_target": [8, 8, 0, 0, 0, 0, 12, 6], "n_reference": [3, 3, 90, 95, 130,
                                                                            140, 0, 0]})
    t = pd.concat([t, pd.DataFrame({"term": [f"w{i}" for i in range(50)],
                                    "rate_target_per_10k": np.geomspace(1, 300, 50),
                                    "rate_reference_per_10k": np.geomspace(0.5, 400, 50),
                                    "log_ratio": 0.0, "log_odds_z": 0.0, "n_target": 1,
                                    "n_reference": 1})], ignore_index=True)
    fig = plot_frequency_scatter(t, n_labels=8)
    assert review(fig) == []
    shown = " ".join(x.get_text() for x in fig.axes[0].texts)
    assert all(term in shown for term in terms)  # every label placed (coincident ones joined)
    for axis in (fig.axes[0].xaxis, fig.axes[0].yaxis):
        assert "0" in [lab.get_text() for lab in axis.get_ticklabels()]


def test_trend_lines_break_where_a_country_made_no_statement():
    """Syria made no statement 1958-61 (United Arab Republic): no line or band across."""
    from discourse.plots import plot_emotion_trend, plot_trend

    years = [1955, 1956, 1957, 1962, 1963]
    t = pd.DataFrame({"year": years * 2, "group": ["SYR"] * 5 + ["world"] * 5, "term": "x",
                      "rate_per_10k": [1.0, 2, 3, 4, 5] * 2, "ci_low": 0.5, "ci_high": 6.0})
    fig = plot_trend(t)
    syria = [ln for ln in fig.axes[0].lines if ln.get_label() == "Syria"][0]
    x, y = np.asarray(syria.get_xdata(), float), np.asarray(syria.get_ydata(), float)
    assert np.isnan(y[(x > 1957) & (x < 1962)]).all() and len(x) == 9
    labels = [tx.get_text() for tx in fig.legends[0].get_texts()]
    assert labels == ["Syria", "all UN statements", "95% interval"]  # names, not codes
    assert review(fig) == []
    e = pd.DataFrame({"year": years, "n_documents": 2, "mean_z": [0.1, 0.2, 0.3, 0.4, 0.5],
                      "sd_z": 0.1, "ci_low": [0, .1, .2, .3, .4], "ci_high": [.2, .3, .4, .5, .6]})
    fig = plot_emotion_trend(e, article=0.3)
    line = [ln for ln in fig.axes[0].lines if len(ln.get_xdata()) > 2][0]
    assert np.isnan(np.asarray(line.get_ydata(), float)).sum() == 4
    assert review(fig) == []


def test_percentile_figure_speaks_words_and_keys_its_band():
    from discourse.plots import plot_comparison
    from discourse.plots.labels import metric_label
    from discourse.rhetoric.profile import KEY_METRICS

    rows = [{"doc_id": "mem-2025-10-x", "reference": ref, "metric": m, "percentile": 100.0}
            for ref in ("Syria before 2011", "Syria 2011-2024", "named states 2024", "news")
            for m in KEY_METRICS + ["rate_national_interest", "equidistance_russia_ukraine"]]
    fig = plot_comparison(pd.DataFrame(rows))
    ax = fig.axes[0]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[0] == "words per sentence" and "hedges per 1,000 words" in ticks
    assert not [t for t in ticks if "_" in t]
    assert all(metric_label(m) != m.replace("_", " ") for m in KEY_METRICS)  # hand-written
    assert "mem-2025" not in ax.get_xlabel()
    keys = [t.get_text() for t in fig.legends[0].get_texts()]
    assert keys[-1] == "middle half of each set (25th–75th percentile)"
    # four sets at the same percentile: four distinct, non-overlapping markers in a row
    fig.set_dpi(300)
    fig.canvas.draw()
    sets = [line for line in ax.lines if line.get_marker() not in ("None", None)]
    ys = sorted(ax.transData.transform((100, line.get_ydata()[0]))[1] for line in sets)
    marker = 3.6 * 300 / 72
    assert len(ys) == 4 and min(np.diff(ys)) > marker
    assert len({line.get_marker() for line in sets}) == 4
    assert review(fig) == []


def test_keyness_axis_says_g_squared_and_frames_have_no_underscores():
    from discourse.keywords.keyness import keyness_from_counts
    from discourse.plots import plot_frequency, plot_keyness

    t = keyness_from_counts(["a", "b", "c"], [30, 1, 5], [2, 40, 5], 1000, 1000)
    fig = plot_keyness(t, n=2)
    assert fig.axes[0].get_xlabel().startswith("log-likelihood G²")
    assert all(not lab.get_text().startswith("−") for lab in fig.axes[0].get_xticklabels())
    f = pd.DataFrame({"group": "all", "term": ["national_interest", "balance"],
                      "rate_per_10k": [3.0, 5.0], "ci_low": [1.0, 2.0], "ci_high": [5.0, 8.0]})
    fig = plot_frequency(f)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["national interest", "balance"]
    assert review(fig) == []


def test_manifest_keeps_every_figure_when_processes_save_at_once(tmp_path):
    """make report runs notebooks side by side: their save_figure calls must not lose each
    other's manifest entries (read-modify-write under a lock on the folder)."""
    import json
    import subprocess
    import sys

    script = ("import sys, matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt\n"
              "from discourse.paper.figures import save_figure\n"
              "fig, ax = plt.subplots(figsize=(1, 1))\n"
              "for i in range(15):\n"
              "    save_figure(fig, f'{sys.argv[1]}_{i}', sys.argv[2], formats=('png',))\n")
    procs = [subprocess.Popen([sys.executable, "-c", script, name, str(tmp_path)])
             for name in ("a", "b", "c")]
    assert [p.wait(timeout=300) for p in procs] == [0, 0, 0]
    manifest = json.loads((tmp_path / "MANIFEST.json").read_text())
    assert len(manifest["figures"]) == 45
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".png")) == \
        ["MANIFEST.json"]
