"""The report runner: parameters injected, executed copies kept out of notebooks/, failures named."""
import nbformat
import pytest

from discourse.errors import DiscourseError, InputError
from discourse.paper.report import build_report


def notebook(path, source):
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("SAMPLE = None\nSEED = 1\nOUT_DIR = 'x'")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell(source)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def test_report_runs_in_order_with_parameters(tmp_path):
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    notebook(nbs / "01_b.ipynb", "print('sample is', SAMPLE, 'seed', SEED)")
    notebook(nbs / "00_a.ipynb", "assert SEED == 7")
    original = (nbs / "01_b.ipynb").read_bytes()
    index = build_report(nbs, figures=tmp_path / "figs", build=tmp_path / "build", sample=5, seed=7)
    html = index.read_text(encoding="utf-8")
    assert html.index("00_a") < html.index("01_b")
    page = (tmp_path / "build" / "report" / "01_b.html").read_text(encoding="utf-8")
    assert "sample is 5 seed 7" in page
    assert (nbs / "01_b.ipynb").read_bytes() == original  # executed copies go to build/


def test_failing_notebook_is_named(tmp_path):
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    notebook(nbs / "00_bad.ipynb", "raise ValueError('boom')")
    with pytest.raises(DiscourseError, match="00_bad.ipynb: cell .* failed: ValueError: boom"):
        build_report(nbs, figures=tmp_path / "f", build=tmp_path / "b")
    with pytest.raises(InputError, match="no notebook to run"):
        build_report(tmp_path / "f", figures=tmp_path / "f", build=tmp_path / "b")
