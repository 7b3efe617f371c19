"""save_figure writes byte-identical files on every run, atomically; corpus plots read right."""
import hashlib
import os

import matplotlib.pyplot as plt
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
