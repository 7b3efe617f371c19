"""Run every notebook in order and write the HTML report (``make report``).

``python -m discourse.paper.report --notebooks notebooks --figures figures --build build``
executes ``notebooks/*.ipynb`` in name order with papermill, injecting the parameters
``SAMPLE`` (``None`` = every document), ``SEED`` and ``OUT_DIR`` (the figure folder, relative to
the notebooks), writes the executed copies to ``build/notebooks/`` (never back into
``notebooks/``), converts each to an HTML page and writes ``build/report/index.html`` linking
them. A notebook that fails stops the report with its name and the error.

What the terminal shows while it runs: first what the run will do and about how long it
takes (cold, with an empty data directory, or warm), then for each notebook its cells as they
start (``cell i/n``, the time since the notebook started, the cell's first line), the time of
every cell slower than :data:`SLOW_CELL_S` and the progress bars of the package's long steps
(:mod:`discourse.paper.report_kernel`). Kernels talk to the runner over local IPC sockets
(no TCP, hence no "running over TCP without encryption" warning).

The pages: titled by the notebook's heading, code folded (a click on "code" opens it), each
figure inline with its number and caption (the registered figures of
:data:`discourse.paper.registry.FIGURES`, found by name in the cell that saves them, with links
to their PNG/PDF/SVG files), interactive widgets replaced by their static view, paths
relative to the report.
"""
from __future__ import annotations

import argparse
import base64
import html
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DiscourseError, InputError
from .figures import PRODUCER_ENV

__all__ = ["run_notebook", "build_report", "report_plan", "default_jobs", "PageInfo",
           "SLOW_CELL_S"]

_EMPTY_SCRIPT = re.compile(r'<script[^>]*\bsrc=""[^>]*>\s*</script>\s*')
_REMOTE = re.compile(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="(https?://[^"]+)"')
_WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
_STRING = re.compile(r"""(?<![A-Za-z0-9_])[rb]?(["'])([A-Za-z0-9][A-Za-z0-9_.\-]*)\1""")
#: A cell slower than this many seconds gets a "took ..." line.
SLOW_CELL_S = 10.0


def _kernel_setup(label: str, lines: bool) -> str:
    """The kernel's first line: progress bars to the terminal (discourse.paper.report_kernel)."""
    return (f"import discourse.paper.report_kernel as _report; "
            f"_report.setup(label={label!r}, lines={lines!r}); del _report")

# Measured on this project's 2-core machine (README, "Two commands"); printed before a run.
_TIMES = {"cold": "10.5 minutes measured on 2 idle cores (33 on a busy 2-core machine)",
          "warm": "about a minute (every model and table read from the caches)",
          "sample": "about 4 minutes"}


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _first_line(source: str, width: int = 72) -> str:
    r"""The first line of the cell's first statement that is not an import.

    >>> _first_line("from x import (a,\n    b)\nimport y\n\nresult = f(a)  # go\n")
    'result = f(a)  # go'
    """
    import ast

    lines = source.splitlines()
    try:
        body = ast.parse(source).body
    except SyntaxError:  # IPython syntax (magics): the first line that is not a comment
        body = []
    steps = [n for n in body if not isinstance(n, (ast.Import, ast.ImportFrom))]
    if steps:
        line = lines[steps[0].lineno - 1].strip()
    else:
        line = next((ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")),
                    "")
    return line if len(line) <= width else line[: width - 1] + "…"


class _Progress:
    """The runner's lines on the terminal: a notebook's cells as they start, slow cells' times.
    Every line names its notebook, so that two notebooks running side by side stay legible."""

    def __init__(self, stream=None, *, started: float | None = None):
        self.stream = stream or sys.stdout
        self.started = time.monotonic() if started is None else started
        self.name = ""

    def say(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def notebook(self, k: int, total: int, name: str, n_cells: int):
        self.name = Path(name).stem
        self.n_cells, self.cell, self.nb_started = n_cells, 0, time.monotonic()
        self.cpu_started = _children_cpu()
        self.say(f"[{k}/{total}] {name}: {n_cells} code cells "
                 f"(report at {_clock(self.nb_started - self.started)})")

    def cell_start(self, cell):
        self.cell += 1
        self.cell_started = time.monotonic()
        elapsed = _clock(self.cell_started - self.nb_started)
        tags = cell.get("metadata", {}).get("tags", [])
        if "injected-parameters" in tags or "parameters" in tags:
            kind = "parameters" if "injected-parameters" in tags else "defaults"
            what = f"{kind}: " + "; ".join(
                ln.split("#")[0].strip() for ln in cell.source.splitlines()
                if ln.split("#")[0].strip())
            what = what if len(what) <= 72 else what[:71] + "…"
        else:
            what = _first_line(cell.source)
        self.say(f"  {self.name} cell {self.cell:>2}/{self.n_cells} {elapsed:>7}  {what}")

    def cell_done(self):
        took = time.monotonic() - self.cell_started
        if took >= SLOW_CELL_S:
            self.say(f"  {self.name} cell {self.cell:>2}/{self.n_cells} took {_clock(took)}")

    def notebook_done(self):
        now = time.monotonic()
        cpu = _children_cpu() - self.cpu_started  # the kernel's, once it has exited
        self.say(f"  {self.name} done in {_clock(now - self.nb_started)}, kernel CPU "
                 f"{_clock(cpu)} (report at {_clock(now - self.started)})")


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (the kernels it has run)."""
    t = os.times()
    return t.children_user + t.children_system


def _code_cells(nb) -> int:
    return sum(1 for c in nb.cells if c.cell_type == "code" and c.source.strip())


def run_notebook(notebook: str | Path, output: str | Path, *, parameters: dict | None = None,
                 timeout: int = 3600, progress: _Progress | None = None,
                 bar_lines: bool = False) -> Path:
    """Execute one notebook with papermill into ``output`` (its folder is created).

    With ``progress``, each cell is announced as it starts and the kernel's progress bars go
    to the terminal (see the module docs); ``bar_lines``: one line per bar update (for logs
    and notebooks running side by side) instead of a bar redrawn in place.
    """
    import papermill as pm
    from traitlets.config import Config

    notebook, output = Path(notebook), Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    saved = {k: os.environ.get(k) for k in (PRODUCER_ENV, "MPLBACKEND")}
    os.environ[PRODUCER_ENV] = f"notebooks/{notebook.name}"  # the kernel inherits both
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"  # figures as PNG
    hooks = {}
    if progress is not None:
        async def on_cell_execute(cell, cell_index):
            progress.cell_start(cell)

        async def on_cell_executed(cell, cell_index, execute_reply):
            progress.cell_done()

        hooks = {"on_cell_execute": on_cell_execute, "on_cell_executed": on_cell_executed}
    with tempfile.TemporaryDirectory(prefix="discourse-kernel-") as sockets:
        config = Config()
        config.KernelManager.transport = "ipc"  # local sockets, private to this user
        config.KernelManager.ip = os.path.join(sockets, "kernel")
        # time to shut down cleanly on a busy machine (else it is interrupted, and says so)
        config.KernelManager.shutdown_wait_time = 30.0
        try:
            pm.execute_notebook(str(notebook), str(output), parameters=parameters or {},
                                cwd=str(notebook.parent), kernel_name="python3",
                                progress_bar=False, execution_timeout=timeout, config=config,
                                extra_arguments=[f"--IPKernelApp.exec_lines="
                                                 f"{_kernel_setup(notebook.stem, bar_lines)}"]
                                if progress is not None else [], **hooks)
        except pm.PapermillExecutionError as exc:
            raise DiscourseError(f"{notebook}: cell {exc.exec_count} failed: {exc.ename}: "
                                 f"{exc.evalue} (executed copy with the traceback: {output})"
                                 ) from None
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    return output


# -- the pages ------------------------------------------------------------------------------
@dataclass
class PageInfo:
    """One page of the report: its notebook, title, question and figures."""

    stem: str
    title: str
    question: str = ""
    #: the registered figures it shows: (number in the report, name, caption)
    figures: list[tuple[int, str, str]] = field(default_factory=list)
    seconds: float | None = None


_CSS = """
body.jp-Notebook { background: #fff; }
main { max-width: 64rem; margin: 0 auto; padding: 0.5rem 1.5rem 3rem; }
nav.discourse-nav { font: 0.85rem/1.4 system-ui, sans-serif; display: flex; gap: 1.2rem;
  justify-content: space-between; border-bottom: 1px solid #d0d7de; padding: 0.6rem 0;
  margin-bottom: 0.5rem; }
nav.discourse-nav a { color: #0b5cad; text-decoration: none; }
details.discourse-code { margin: 0.1rem 0 0.3rem; }
details.discourse-code > summary { cursor: pointer; color: #6a737d;
  font: 0.75rem/1.6 system-ui, sans-serif; list-style-position: inside; }
details.discourse-code[open] > summary { margin-bottom: 0.2rem; }
.jp-InputArea-editor pre, .jp-InputArea-editor .highlight pre { white-space: pre-wrap;
  overflow-wrap: anywhere; }
figure.discourse-figure { margin: 1rem 0 1.5rem; }
figure.discourse-figure img { max-width: 100%; height: auto; display: block; }
figure.discourse-figure figcaption { font: 0.9rem/1.45 system-ui, sans-serif; color: #24292f;
  max-width: 46rem; margin-top: 0.4rem; }
figure.discourse-figure figcaption code { font-size: 0.8rem; color: #57606a; }
figure.discourse-figure figcaption a { color: #0b5cad; }
.discourse-static { border-left: 3px solid #d0d7de; padding-left: 0.8rem; }
"""

_TEMPLATE = """{%- extends 'index.html.j2' -%}
{% block extra_css %}<style type="text/css">""" + _CSS + """</style>{% endblock extra_css %}
{%- block body_header -%}
{{ super() }}
<nav class="discourse-nav"><a href="index.html">discourse report</a>
<span>{% if resources.discourse_prev %}<a href="{{ resources.discourse_prev }}">&larr; previous</a>{% endif %}
{% if resources.discourse_next %}<a href="{{ resources.discourse_next }}">next &rarr;</a>{% endif %}</span></nav>
{%- endblock body_header -%}
{% block input_group -%}
{%- set tags = cell.metadata.get('tags', []) -%}
<details class="discourse-code"><summary>{{ 'parameters of this run' if 'injected-parameters' in tags else ('default parameters' if 'parameters' in tags else 'code') }}</summary>
{{ super() }}
</details>
{%- endblock input_group %}
"""


def _title(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return _plain(line[2:])
    return fallback


def _plain(markdown: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*_`]+", "", text).strip()


def _question(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for para in cell.source.split("\n\n"):
                if para.lstrip().startswith("**Question.**"):
                    return _plain(para.replace("**Question.**", "", 1)).replace("\n", " ")
    return ""


def _figure_names(source: str, known) -> list[str]:
    """Registered figure names that appear as string literals in a cell, in order."""
    names = [m.group(2) for m in _STRING.finditer(source)]
    return list(dict.fromkeys(n for n in names if n in known))


def _figure_html(png_b64: str, meta: dict, number: int | None, name: str | None,
                 caption: str, links: str) -> str:
    """A figure with its number and caption; an unregistered figure (no name) without."""
    size = "".join(f' {k}="{int(meta[k])}"' for k in ("width", "height") if k in meta)
    img = (f'<img src="data:image/png;base64,{png_b64}"{size} '
           f'alt="{html.escape(caption or "figure")}">')
    if not name:
        return f'<figure class="discourse-figure">{img}</figure>'
    text = f" {html.escape(caption)}." if caption else ""
    return (f'<figure class="discourse-figure" id="fig-{html.escape(name)}" '
            f'data-figure="{html.escape(name)}">{img}<figcaption><b>Figure {number}.</b>{text} '
            f"<code>{html.escape(name)}</code>{links}</figcaption></figure>")


def _static_outputs(cell, *, names, specs, next_number, figure_links) -> tuple[list, list]:
    """The cell's outputs for a static page: figures with captions, widgets as their static
    view (or nothing), the rest unchanged. Returns (outputs, [(number, name, caption)])."""
    from nbformat import NotebookNode

    outputs, figures = [], []
    pending = list(names)
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if _WIDGET_MIME in data:
            if "text/html" in data:  # the widget's own static view (e.g. the explore panel)
                out = NotebookNode({**out, "data": {"text/html": data["text/html"]}})
            else:  # a progress bar or a control with nothing to show on paper
                continue
        elif "image/png" in data and out.get("output_type") in ("display_data", "execute_result"):
            name = pending.pop(0) if pending else None
            caption = specs[name].description if name in specs else ""
            number = next_number + len(figures) if name else None
            png = data["image/png"]
            png = png if isinstance(png, str) else base64.b64encode(png).decode("ascii")
            meta = out.get("metadata", {}).get("image/png", {})
            body = _figure_html(png.replace("\n", ""), meta, number, name, caption,
                                figure_links(name) if name else "")
            out = NotebookNode({"output_type": "display_data", "metadata": {},
                                "data": {"text/html": body}})
            if name:
                figures.append((number, name, caption))
        outputs.append(out)
    return outputs, figures


def _to_html(executed: Path, target: Path, *, first_figure: int = 1, prev: str | None = None,
             next_: str | None = None, figures_dir: Path | None = None) -> PageInfo:
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    from .registry import FIGURES

    nb = nbformat.read(executed, as_version=4)
    # A static page cannot run widgets; with widget state in the metadata, nbconvert would add
    # a loader that fetches the widget renderer from a CDN. Widgets show their static view.
    nb.metadata.pop("widgets", None)
    info = PageInfo(executed.stem, _title(nb, executed.stem), _question(nb))

    def links(name: str) -> str:
        if figures_dir is None:
            return ""
        found = [ext for ext in ("png", "pdf", "svg") if (figures_dir / f"{name}.{ext}").exists()]
        rel = os.path.relpath(figures_dir, target.parent)
        return ("" if not found else " " + " · ".join(
            f'<a href="{html.escape(Path(rel, f"{name}.{ext}").as_posix())}">{ext.upper()}</a>'
            for ext in found))

    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs, figures = _static_outputs(cell, names=_figure_names(cell.source, FIGURES),
                                           specs=FIGURES,
                                           next_number=first_figure + len(info.figures),
                                           figure_links=links)
        cell.outputs = outputs
        info.figures += figures
    config = Config()
    # The report must work offline: no require.js or MathJax from a CDN (the notebooks use
    # neither); images are embedded as data URIs.
    config.HTMLExporter.mathjax_url = ""
    config.HTMLExporter.require_js_url = ""
    exporter = HTMLExporter(config=config, template_name="lab",
                            extra_loaders=[DictLoader({"discourse_report.html.j2": _TEMPLATE})])
    exporter.template_file = "discourse_report.html.j2"
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb, resources={
        "metadata": {"name": f"{info.title} · discourse report"},
        "discourse_prev": prev, "discourse_next": next_})
    body = _EMPTY_SCRIPT.sub("", body)
    remote = _REMOTE.findall(body)
    if remote:
        raise DiscourseError(f"{executed}: the HTML would load {remote[0]} from the network")
    _write(target, body)
    return info


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".html.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)


def _index(pages: list[PageInfo], *, target: Path, figures: Path, sample, seed) -> None:
    rel = Path(os.path.relpath(figures, target.parent)).as_posix()
    scope = ("every document" if sample is None
             else f"at most {sample:,} UN speeches per comparison set")
    sections = []
    for page in pages:
        figs = "".join(
            f'<li><a href="{html.escape(page.stem)}.html#fig-{html.escape(name)}">Figure {n}</a>'
            f' {html.escape(caption)}</li>' for n, name, caption in page.figures)
        took = f' <span class="took">({_clock(page.seconds)})</span>' if page.seconds else ""
        sections.append(
            f'<section><h2><a href="{html.escape(page.stem)}.html">{html.escape(page.title)}</a>'
            f"{took}</h2>"
            + (f'<p class="question">{html.escape(page.question)}</p>' if page.question else "")
            + (f'<ol class="figures">{figs}</ol>' if figs else "") + "</section>")
    css = ("body{font:16px/1.5 system-ui,sans-serif;color:#24292f;max-width:50rem;margin:0 auto;"
           "padding:1rem 1.5rem 3rem}h1{font-size:1.7rem;margin-bottom:.2rem}"
           "h2{font-size:1.15rem;margin:1.6rem 0 .3rem}a{color:#0b5cad;text-decoration:none}"
           ".meta{color:#57606a}.took{color:#8c959f;font-weight:normal;font-size:.85rem}"
           "ol.figures{padding-left:1.2rem;font-size:.92rem}ol.figures li{list-style:none;"
           "margin:.15rem 0}.question{margin:.2rem 0}")
    n_figures = sum(len(p.figures) for p in pages)
    _write(target, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           f"<title>discourse report</title><style>{css}</style></head><body>\n"
           "<h1>discourse report</h1>\n"
           f'<p class="meta">{len(pages)} notebooks run on {scope}, seed {seed}; '
           f'{n_figures} paper figures, also as files in <a href="{html.escape(rel)}/">'
           f'{html.escape(rel)}/</a> (PNG at 300 dpi, PDF, SVG; '
           f'<a href="{html.escape(rel)}/MANIFEST.json">MANIFEST.json</a> lists their inputs).'
           "</p>\n" + "\n".join(sections) + "\n</body></html>\n")


# -- the run --------------------------------------------------------------------------------
def _cache_state() -> tuple[str, int]:
    """The data directory and how many cache entries it holds."""
    from ..corpus.paths import cache_dir, data_home

    home = data_home(create=False)
    cache = Path(cache_dir()) if Path(home).exists() else None
    entries = len(list(cache.glob("*.parquet"))) if cache and cache.exists() else 0
    return home, entries


def report_plan(n_notebooks: int, *, sample: int | None, seed: int, jobs: int = 1) -> str:
    """What ``make report`` is about to do and about how long it takes (printed first)."""
    home, entries = _cache_state()
    if sample is not None:
        what = (f"{n_notebooks} notebooks on a sample (at most {sample:,} UN speeches per "
                f"comparison set), seed {seed}: {_TIMES['sample']} with warm caches.")
    else:
        what = (f"{n_notebooks} notebooks on the whole UN corpus (10,952 speeches) and the "
                f"article, seed {seed}.")
    state = ("empty: this is a cold first run" if entries == 0
             else f"{entries} cached results")
    lines = [f"make report: {what}", f"  data directory {home}: {state}."]
    if sample is None:
        lines += [
            "  A cold first run builds every cache once (the UN corpus, the rhetoric profiles,",
            "  the word2vec vectors of the emotion index, the topic vocabulary and models):",
            f"  {_TIMES['cold']}.",
            f"  A warm run takes {_TIMES['warm']}.",
            f"  For a quick look: make report SAMPLE=200 (at most 200 speeches per comparison "
            f"set, {_TIMES['sample']}).",
        ]
    lines.append("  Each notebook's cells are listed as they start; long steps show a progress "
                 "bar" + (f"; {jobs} notebooks run side by side (--jobs)." if jobs > 1 else "."))
    return "\n".join(lines)


def _run_one(task) -> float:
    """Run one notebook of the report in a worker process; return its seconds."""
    nb, output, params, k, total, n_cells, started, bar_lines = task
    progress = _Progress(started=started)
    progress.notebook(k, total, Path(nb).name, n_cells)
    run_notebook(nb, output, parameters=params, progress=progress, bar_lines=bar_lines)
    progress.notebook_done()
    return time.monotonic() - progress.nb_started


def default_jobs() -> int:
    """Notebooks run side by side by default: 2 on a machine with 2 cores or more."""
    return 2 if (os.cpu_count() or 1) >= 2 else 1


def build_report(notebooks: str | Path = "notebooks", *, figures: str | Path = "figures",
                 build: str | Path = "build", sample: int | None = None, seed: int = 1,
                 only: list[str] | None = None, stream=None, jobs: int | None = 1) -> Path:
    """Execute the notebooks and write ``<build>/report/index.html``; return it.

    ``jobs`` notebooks run at a time (each in its own kernel; ``None``: :func:`default_jobs`),
    in name order; the notebooks are independent (each reads its data, the caches are
    shared). The slow steps of a first run are single-threaded (word2vec, the topic models),
    so two notebooks side by side take about half the time on two cores. ``stream``
    receives the progress lines when ``jobs`` is 1 (default: standard output; with more
    jobs, the workers print to standard output).
    """
    import nbformat

    from .._validation import check_range

    jobs = default_jobs() if jobs is None else int(check_range("jobs", jobs, "build_report",
                                                                low=1, integer=True))
    notebooks = Path(notebooks).resolve()
    figures, build = Path(figures).resolve(), Path(build).resolve()
    files = sorted(p for p in notebooks.glob("*.ipynb") if not p.name.startswith("."))
    if only:
        files = [p for p in files if p.stem in only]
    if not files:
        raise InputError(f"{notebooks}: no notebook to run")
    progress = _Progress(stream)
    progress.say(report_plan(len(files), sample=sample, seed=seed, jobs=jobs))
    # OUT_DIR relative to the notebooks (their working directory): the executed notebooks
    # and the report show no path of this machine.
    out_dir = os.path.relpath(figures, notebooks)
    params = {"SAMPLE": sample, "SEED": seed, "OUT_DIR": out_dir}
    tasks = [(nb, build / "notebooks" / nb.name, params, k, len(files),
              _code_cells(nbformat.read(nb, as_version=4)) + 1,  # + the injected parameters
              progress.started, jobs > 1 or not _is_tty(progress.stream))
             for k, nb in enumerate(files, 1)]
    if jobs == 1:
        seconds = []
        for nb, output, params, k, total, n_cells, _, bar_lines in tasks:
            progress.notebook(k, total, nb.name, n_cells)
            run_notebook(nb, output, parameters=params, progress=progress, bar_lines=bar_lines)
            progress.notebook_done()
            seconds.append(time.monotonic() - progress.nb_started)
    else:
        seconds = _run_parallel(tasks, jobs)
    executed = [(task[1], sec) for task, sec in zip(tasks, seconds)]
    pages, number = [], 1
    for i, (path, sec) in enumerate(executed):
        prev = executed[i - 1][0].stem + ".html" if i else None
        next_ = executed[i + 1][0].stem + ".html" if i + 1 < len(executed) else None
        info = _to_html(path, build / "report" / f"{path.stem}.html", first_figure=number,
                        prev=prev, next_=next_, figures_dir=figures)
        info.seconds = sec
        number += len(info.figures)
        pages.append(info)
    index = build / "report" / "index.html"
    _index(pages, target=index, figures=figures, sample=sample, seed=seed)
    progress.say(f"report: {index} ({_clock(time.monotonic() - progress.started)} in all)")
    return index


def _is_tty(stream) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)())


def _run_parallel(tasks, jobs: int) -> list[float]:
    """Run the tasks ``jobs`` at a time in worker processes, in order; stop at the first
    failure (the running notebooks are finished, no new one is started)."""
    import multiprocessing
    from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait

    context = multiprocessing.get_context("spawn")  # a clean process: no inherited threads
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = [pool.submit(_run_one, task) for task in tasks]
        done, _ = wait(futures, return_when=FIRST_EXCEPTION)
        failed = [f for f in futures if f.done() and f.exception() is not None]
        if failed:
            for f in futures:
                f.cancel()
            raise failed[0].exception()
        return [f.result() for f in futures]


def _main(argv=None) -> int:
    from .._validation import int_argument, seed_argument

    parser = argparse.ArgumentParser(prog="python -m discourse.paper.report")
    parser.add_argument("--notebooks", default="notebooks")
    parser.add_argument("--figures", default="figures")
    parser.add_argument("--build", default="build")
    parser.add_argument("--sample", type=int_argument(1), default=None)  # SAMPLE= of make
    parser.add_argument("--seed", type=seed_argument(), default=1)  # SEED= of make
    parser.add_argument("--only", nargs="*", default=None, help="notebook stems to run")
    parser.add_argument("--jobs", type=int, default=None,
                        help=f"notebooks run side by side (default: {default_jobs()} here)")
    args = parser.parse_args(argv)
    try:
        build_report(args.notebooks, figures=args.figures, build=args.build, sample=args.sample,
                     seed=args.seed, only=args.only, jobs=args.jobs)
    except DiscourseError as exc:
        print(f"report: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(_main())
