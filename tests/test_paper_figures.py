"""Paper figures: the registry builds every figure, twice to identical bytes (reproducibility)."""
import hashlib
import json
import subprocess
import sys

import pytest

from discourse.errors import InputError
from discourse.paper.registry import build_figures, list_figures

from .conftest import ROOT


def digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_every_figure_twice_identical_and_passes_review(tmp_path, ungdc, monkeypatch):
    """Every registered figure, built twice from scratch: the same bytes both times, and
    nothing a reviewer sends back at print size (tests/figure_review.py: texts cut or piled
    up, column names, legends over data; #14 item 15)."""
    import matplotlib.pyplot as plt

    import discourse.paper.figures as figures

    from .figure_review import review

    kept, save = {}, figures.save_figure

    def keep(fig, name, *args, **kwargs):  # the first build's figures, reviewed below
        kept[name] = fig
        return save(fig, name, *args, **kwargs)

    monkeypatch.setattr(figures, "save_figure", keep)
    monkeypatch.setattr(plt, "close", lambda *args: None)
    monkeypatch.setitem(plt.rcParams, "figure.max_open_warning", 0)  # all kept for the review
    a = build_figures(tmp_path / "a", sample=60, seed=3, progress=False)
    monkeypatch.undo()
    problems = {name: review(fig) for name, fig in kept.items()}
    plt.close("all")
    assert set(kept) == {s.name for s in list_figures()}
    assert {name: p for name, p in problems.items() if p} == {}
    b = build_figures(tmp_path / "b", sample=60, seed=3, progress=False)
    names = {s.name for s in list_figures()}
    assert set(a["figures"]) == names
    files = digests(tmp_path / "a")
    assert files == digests(tmp_path / "b")  # PNG, PDF, SVG and MANIFEST.json, byte for byte
    assert {f"{n}.{ext}" for n in names for ext in ("png", "pdf", "svg")} <= set(files)
    for name, entry in a["figures"].items():
        assert entry["inputs"] and all(len(h) == 64 for h in entry["inputs"].values())
        assert entry["params"]["sample"] == 60 and entry["producer"].startswith("discourse.")
    assert a == b


def test_cli_lists_and_rejects_unknown(tmp_path):
    out = subprocess.run([sys.executable, "-m", "discourse.cli", "figures", "--list"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0 and "corpus_lengths" in out.stdout
    bad = subprocess.run([sys.executable, "-m", "discourse.cli", "figures", "--out",
                          str(tmp_path), "--only", "nope"], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert bad.returncode == 2 and "unknown figure(s) ['nope']" in bad.stderr
    with pytest.raises(InputError, match="'SAMPLE' parameter"):
        build_figures(tmp_path, sample=0)
    with pytest.raises(InputError, match="'seed' parameter of build_figures must be >= 0"):
        build_figures(tmp_path, seed=-1)  # before: numpy's "Seed must be between 0 and 2**32 - 1"


def test_cli_builds_into_folder(tmp_path, ungdc):
    out = subprocess.run([sys.executable, "-m", "discourse.cli", "figures", "--out",
                          str(tmp_path), "--sample", "30", "--only", "corpus_lengths"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    manifest = json.loads((tmp_path / "MANIFEST.json").read_text())
    assert list(manifest["figures"]) == ["corpus_lengths"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "MANIFEST.json", "corpus_lengths.pdf", "corpus_lengths.png", "corpus_lengths.svg"]
