"""The report runner: parameters injected, executed copies kept out of notebooks/, failures
named; what the terminal shows while it runs (cells as they start, the kernel's progress bars,
no kernel warnings); every figure of a kernel session shown; the pages a reader gets (titles,
figures with captions, code folded, no widget reprs, no path of this machine)."""
import io
from html import escape
import json
import re

import nbformat
import pytest

from discourse.errors import DiscourseError, InputError
from discourse.paper.report import build_report


def text_of(page: str) -> str:
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", page))


def notebook(path, *sources, title=None):
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("SAMPLE = None\nSEED = 1\nOUT_DIR = 'x'")
    params.metadata["tags"] = ["parameters"]
    head = [nbformat.v4.new_markdown_cell(f"# {title}\n\n**Question.** What is shown?")] \
        if title else []
    nb.cells = head + [params] + [nbformat.v4.new_code_cell(s) for s in sources]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def test_report_runs_in_order_with_parameters(tmp_path):
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    notebook(nbs / "01_b.ipynb", "print('sample is', SAMPLE, 'seed', SEED)")
    notebook(nbs / "00_a.ipynb", "assert SEED == 7")
    original = (nbs / "01_b.ipynb").read_bytes()
    index = build_report(nbs, figures=tmp_path / "figs", build=tmp_path / "build", sample=5,
                         seed=7, stream=io.StringIO())
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
        build_report(nbs, figures=tmp_path / "f", build=tmp_path / "b", stream=io.StringIO())
    with pytest.raises(InputError, match="no notebook to run"):
        build_report(tmp_path / "f", figures=tmp_path / "f", build=tmp_path / "b")


def test_terminal_shows_cells_and_progress_bars_without_kernel_noise(tmp_path, capfd):
    """#14 item 10: cell i of n with the elapsed time, the kernel's tqdm bars forwarded to the
    terminal (and kept out of the page), no 'running over TCP without encryption' warning."""
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    notebook(nbs / "00_steps.ipynb",
             "import time\nfrom tqdm.auto import tqdm\n"
             "for _ in tqdm(range(4), desc='a long step', delay=0):\n    time.sleep(0.05)",
             "x = 1 + 1  # a quick cell")
    out = io.StringIO()
    build_report(nbs, figures=tmp_path / "f", build=tmp_path / "b", sample=3, stream=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("make report: 1 notebooks on a sample (at most 3 UN speeches")
    assert lines[3].startswith("[1/1] 00_steps.ipynb: 4 code cells")
    cells = [ln for ln in lines if re.match(r"  00_steps cell +\d/4 +\d+:\d\d  ", ln)]
    assert [ln.split()[2] for ln in cells] == ["1/4", "2/4", "3/4", "4/4"]
    assert cells[1].endswith("parameters: SAMPLE = 3; SEED = 1; OUT_DIR = \"../f\"")
    assert cells[2].endswith("for _ in tqdm(range(4), desc='a long step', delay=0):")
    assert cells[3].endswith("x = 1 + 1  # a quick cell")
    assert re.search(r"^  00_steps done in \d+:\d\d, kernel CPU \d+:\d\d", out.getvalue(), re.M)
    err = capfd.readouterr().err
    assert "00_steps · a long step: 100%" in err  # the kernel's bar reached the terminal
    assert "without encryption" not in err and "IPKernelApp" not in err
    executed = nbformat.read(tmp_path / "b" / "notebooks" / "00_steps.ipynb", as_version=4)
    bar_cell = [c for c in executed.cells if "tqdm(range(4)" in c.source][0]
    assert bar_cell.outputs == []  # nothing of the bar inside the notebook


def test_shutdown_interrupt_line_is_dropped_and_other_kernel_errors_kept(tmp_path, capfd):
    """CI, 2026-12-02: jupyter_client interrupts the kernel before each shutdown, and when the
    SIGINT lands in a message handler ipykernel logs "KeyboardInterrupt caught in kernel." to
    the terminal at random. The line is dropped in the report's kernels, other errors are not."""
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    notebook(nbs / "00_log.ipynb",
             "log = get_ipython().kernel.log\n"
             "log.error('KeyboardInterrupt caught in kernel.')\n"
             "log.error('Exception in message handler: kept')")
    build_report(nbs, figures=tmp_path / "f", build=tmp_path / "b", sample=3,
                 stream=io.StringIO())
    err = capfd.readouterr().err
    assert "Exception in message handler: kept" in err  # the kernel's log reaches the terminal
    assert "KeyboardInterrupt caught" not in err


def test_every_figure_of_a_session_is_shown_with_its_caption(tmp_path):
    """#14 item 13: leaving paper_style() reset matplotlib's interactivity, so only the first
    figure of a kernel session appeared. Registered figures get their number and caption."""
    from discourse.paper import FIGURES

    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    table = ("import pandas as pd\nfrom discourse.plots import plot_documents_per_year, "
             "plot_lengths\nfrom discourse.paper.figures import save_figure\n"
             "t = pd.DataFrame({'year': [2000, 2001], 'n_tokens': [10, 20], "
             "'country': ['SYR', 'RUS']})")
    notebook(nbs / "00_figs.ipynb", table,
             "fig = plot_documents_per_year(t, highlight='SYR')\n"
             "save_figure(fig, 'corpus_speeches_per_year', OUT_DIR, formats=('png',));",
             "fig = plot_lengths(t, highlight='SYR')\n"
             "save_figure(fig, 'corpus_lengths', OUT_DIR, formats=('png', 'pdf'));",
             "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.plot([1, 2])",
             title="00 · Two figures")
    index = build_report(nbs, figures=tmp_path / "figures", build=tmp_path / "b",
                         stream=io.StringIO())
    executed = nbformat.read(tmp_path / "b" / "notebooks" / "00_figs.ipynb", as_version=4)
    images = [sum("image/png" in o.get("data", {}) for o in c.outputs) for c in executed.cells
              if c.cell_type == "code"]
    assert images == [0, 0, 0, 1, 1, 1]  # parameters, injected parameters, table, 3 figures
    page = (index.parent / "00_figs.html").read_text(encoding="utf-8")
    assert "<title>00 · Two figures · discourse report</title>" in page
    assert page.count('<figure class="discourse-figure"') == 3
    assert re.findall(r'data-figure="([^"]+)"', page) == ["corpus_speeches_per_year",
                                                          "corpus_lengths"]
    caption = FIGURES["corpus_lengths"].description
    assert f"<b>Figure 2.</b> {caption}." in page
    assert '<a href="../../figures/corpus_lengths.pdf">PDF</a>' in page
    assert page.count('<details class="discourse-code">') == 6  # every code cell folded
    assert str(tmp_path) not in page  # relative paths only (OUT_DIR too)
    assert 'OUT_DIR = "../figures"' in text_of(page)
    home = index.read_text(encoding="utf-8")
    assert "00 · Two figures" in home and "What is shown?" in home
    assert f'href="00_figs.html#fig-corpus_lengths">Figure 2</a> {escape(caption)}' in home
    assert str(tmp_path) not in home and 'href="../../figures/"' in home


def test_widgets_show_their_static_view_not_their_repr(tmp_path):
    """#14 item 13: a widget's raw repr (``VBox(children=...``) and dead progress bars are not
    shown in the static page; a widget with a static HTML view shows that view."""
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    notebook(nbs / "00_w.ipynb",
             "import ipywidgets as w\n"
             "class Panel(w.VBox):\n"
             "    def _repr_mimebundle_(self, **kwargs):\n"
             "        bundle = super()._repr_mimebundle_(**kwargs)\n"
             "        bundle['text/html'] = '<p>static summary of the panel</p>'\n"
             "        return bundle\n"
             "Panel([w.HTML('live')])",
             "w.VBox([w.IntProgress(value=0, max=10)])")
    index = build_report(nbs, figures=tmp_path / "f", build=tmp_path / "b", stream=io.StringIO())
    page = (index.parent / "00_w.html").read_text(encoding="utf-8")
    assert "static summary of the panel" in page
    assert "VBox(children" not in page and "Panel(children" not in page
    assert "children=" not in text_of(page)  # the code shows IntProgress(...), no output does
    executed = json.loads((tmp_path / "b" / "notebooks" / "00_w.ipynb").read_text())
    assert "application/vnd.jupyter.widget-view+json" in json.dumps(executed)  # live in Lab


def test_notebooks_side_by_side(tmp_path, capfd):
    """jobs=2: two kernels at a time, every line naming its notebook, pages in name order,
    every figure in the manifest (two notebooks save at the same moment)."""
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    save = ("import time, matplotlib.pyplot as plt\nfrom tqdm.auto import tqdm\n"
            "from discourse.paper.figures import save_figure\n"
            "for _ in tqdm(range(3), desc='step', delay=0):\n    time.sleep(0.3)\n"
            "fig, ax = plt.subplots()\nfor i in range(5):\n"
            "    save_figure(fig, f'{NAME}_{i}', OUT_DIR, formats=('png',))")
    for name in ("00_a", "01_b", "02_c"):
        notebook(nbs / f"{name}.ipynb", f"NAME = {name!r}", save, title=name)
    index = build_report(nbs, figures=tmp_path / "figures", build=tmp_path / "b", jobs=2)
    captured = capfd.readouterr()
    out, err = captured.out, captured.err
    assert "2 notebooks run side by side" in out
    for name in ("00_a", "01_b", "02_c"):
        assert re.search(rf"^  {name} cell  4/4 +\d+:\d\d  for _ in tqdm", out, re.M), out
        assert re.search(rf"^      {name} · step: 100%", err, re.M), err  # its bar, one line
        assert f"  {name} done in" in out
    home = index.read_text(encoding="utf-8")
    assert home.index("00_a.html") < home.index("01_b.html") < home.index("02_c.html")
    manifest = json.loads((tmp_path / "figures" / "MANIFEST.json").read_text())
    assert len(manifest["figures"]) == 15
    assert manifest["figures"]["01_b_3"]["producer"] == "notebooks/01_b.ipynb"
