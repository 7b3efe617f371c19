"""Run every notebook in order and write the HTML report (``make report``).

``python -m discourse.paper.report --notebooks notebooks --figures figures --build build``
executes ``notebooks/*.ipynb`` in name order with papermill, injecting the parameters
``SAMPLE`` (``None`` = every document), ``SEED`` and ``OUT_DIR`` (the figure folder), writes the
executed copies to ``build/notebooks/`` (never back into ``notebooks/``), converts each to
HTML and writes ``build/report/index.html`` linking them. A notebook that fails stops the
report with its name and the error.
"""
from __future__ import annotations

import argparse
import html
import os
import re
import sys
from pathlib import Path

from ..errors import DiscourseError, InputError
from .figures import PRODUCER_ENV

__all__ = ["run_notebook", "build_report"]

_EMPTY_SCRIPT = re.compile(r'<script[^>]*\bsrc=""[^>]*>\s*</script>\s*')
_REMOTE = re.compile(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="(https?://[^"]+)"')


def run_notebook(notebook: str | Path, output: str | Path, *, parameters: dict | None = None,
                 timeout: int = 3600) -> Path:
    """Execute one notebook with papermill into ``output`` (its folder is created)."""
    import papermill as pm

    notebook, output = Path(notebook), Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    saved = {k: os.environ.get(k) for k in (PRODUCER_ENV, "MPLBACKEND")}
    os.environ[PRODUCER_ENV] = f"notebooks/{notebook.name}"  # the kernel inherits both
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"  # figures as PNG
    try:
        pm.execute_notebook(str(notebook), str(output), parameters=parameters or {},
                            cwd=str(notebook.parent), kernel_name="python3",
                            progress_bar=False, execution_timeout=timeout)
    except pm.PapermillExecutionError as exc:
        raise DiscourseError(f"{notebook}: cell {exc.exec_count} failed: {exc.ename}: "
                             f"{exc.evalue} (executed copy with the traceback: {output})") from None
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return output


def _to_html(executed: Path, target: Path) -> Path:
    import nbformat
    from nbconvert import HTMLExporter

    from traitlets.config import Config

    nb = nbformat.read(executed, as_version=4)
    # A static page cannot run widgets; with widget state in the metadata, nbconvert would add
    # a loader that fetches the widget renderer from a CDN. The interactive panels show their
    # text summary in the report and run in JupyterLab.
    nb.metadata.pop("widgets", None)
    config = Config()
    # The report must work offline: no require.js or MathJax from a CDN (the notebooks use
    # neither); images are embedded as data URIs by nbconvert.
    config.HTMLExporter.mathjax_url = ""
    config.HTMLExporter.require_js_url = ""
    exporter = HTMLExporter(config=config)
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb)
    body = _EMPTY_SCRIPT.sub("", body)
    remote = _REMOTE.findall(body)
    if remote:
        raise DiscourseError(f"{executed}: the HTML would load {remote[0]} from the network")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".html.tmp")
    tmp.write_text(body, encoding="utf-8")
    os.replace(tmp, target)
    return target


def build_report(notebooks: str | Path = "notebooks", *, figures: str | Path = "figures",
                 build: str | Path = "build", sample: int | None = None, seed: int = 1,
                 only: list[str] | None = None) -> Path:
    """Execute the notebooks in order and write ``<build>/report/index.html``; return it."""
    notebooks, figures, build = Path(notebooks), Path(figures).resolve(), Path(build).resolve()
    files = sorted(p for p in notebooks.glob("*.ipynb") if not p.name.startswith("."))
    if only:
        files = [p for p in files if p.stem in only]
    if not files:
        raise InputError(f"{notebooks}: no notebook to run")
    params = {"SAMPLE": sample, "SEED": seed, "OUT_DIR": str(figures)}
    pages = []
    for nb in files:
        print(f"running {nb.name} ...", flush=True)
        executed = run_notebook(nb, build / "notebooks" / nb.name, parameters=params)
        pages.append(_to_html(executed, build / "report" / f"{nb.stem}.html"))
    index = build / "report" / "index.html"
    items = "\n".join(f'<li><a href="{html.escape(p.name)}">{html.escape(p.stem)}</a></li>'
                      for p in pages)
    index.write_text("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                     "<title>discourse report</title></head><body>\n<h1>discourse report</h1>\n"
                     f"<p>Figures: {html.escape(str(figures))}</p>\n<ol>\n{items}\n</ol>\n"
                     "</body></html>\n", encoding="utf-8")
    print(f"report: {index}")
    return index


def _main(argv=None) -> int:
    from .._validation import int_argument, seed_argument

    parser = argparse.ArgumentParser(prog="python -m discourse.paper.report")
    parser.add_argument("--notebooks", default="notebooks")
    parser.add_argument("--figures", default="figures")
    parser.add_argument("--build", default="build")
    parser.add_argument("--sample", type=int_argument(1), default=None)  # SAMPLE= of make
    parser.add_argument("--seed", type=seed_argument(), default=1)  # SEED= of make
    parser.add_argument("--only", nargs="*", default=None, help="notebook stems to run")
    args = parser.parse_args(argv)
    try:
        build_report(args.notebooks, figures=args.figures, build=args.build, sample=args.sample,
                     seed=args.seed, only=args.only)
    except DiscourseError as exc:
        print(f"report: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(_main())
