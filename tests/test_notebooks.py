"""Every notebook runs top to bottom on a small sample (papermill), saving its figures.

Each notebook has a cell tagged ``parameters`` with ``SAMPLE``, ``SEED`` and ``OUT_DIR``; here
``SAMPLE`` is small so that the whole suite stays fast. The notebooks are committed without
outputs (checked here too).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SAMPLE = 40


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ holds no notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_clean(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "exactly one cell must be tagged 'parameters'"
    for name in ("SAMPLE", "SEED", "OUT_DIR"):
        assert name in "".join(tagged[0]["source"]), f"parameters cell lacks {name}"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, \
                "notebooks are committed without outputs: run `make strip`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path):
    from discourse.report import run_notebook

    figures = tmp_path / "figures"
    run_notebook(path, tmp_path / path.name,
                 parameters={"SAMPLE": SAMPLE, "SEED": 1, "OUT_DIR": str(figures)}, timeout=600)
    pngs = sorted(figures.glob("*.png"))
    assert pngs, f"{path.name} saved no figure into OUT_DIR"
    assert all(p.stat().st_size > 1000 for p in pngs)
