"""The ``explore`` panel inside a real JupyterLab, in headless Chromium (#14 item 11).

A JupyterLab server is started on a free local port with a one-cell notebook that builds the
panel on a small sample of the real UN corpus; Chromium opens it, runs the cell through
JupyterLab's own command and measures what it draws:

* the trend figure at its natural size and aspect: the rendered image is the PNG's
  720 × 320 pixels (within 2 px), and a screenshot of it has that size and aspect ratio
  (it was drawn 720 × 1948: stretched by the panel's box);
* a readable concordance: every line on one line (not wrapped over 3-5 lines), the
  document named once above its lines, not on every row;
* the controls' labels in full ("compare with", not "compare ...").

Needs Debian's chromium and chromium-driver (``make browser``, part of ``make test``). The
screenshots are kept in ``build/test-artifacts/``.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "build" / "test-artifacts"
TOKEN = "discourse-test"
PANEL = """\
import discourse
from discourse.compare.explore import explore
from discourse.compare.metrics import stat_metrics
from discourse.corpus.comparisons import comparison_sets, sampled_world

world = sampled_world(discourse.load_ungdc(progress=False), sample=30, seed=1)
sets = comparison_sets(world, lee=discourse.load_lee(), sample=30, seed=1)
articles = discourse.load_articles()
metrics = {"article": stat_metrics(articles)}
metrics.update({name: stat_metrics(corp) for name, corp in sets.items()})
explore(articles, sets, metrics=metrics, trend_corpus=world)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory, ungdc_source):
    root = tmp_path_factory.mktemp("lab")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(PANEL)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, root / "panel.ipynb")
    port = _free_port()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(root / ".runtime"),
           "JUPYTERLAB_WORKSPACES_DIR": str(root / ".workspaces"),
           "JUPYTERLAB_SETTINGS_DIR": str(root / ".settings"),
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    env.pop("MPLBACKEND", None)  # the kernel's own default (inline), as a user has it
    log = open(root / "server.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={TOKEN}",
         f"--ServerApp.root_dir={root}", "--LabApp.expose_app_in_browser=True",
         "--ServerApp.port_retries=0", "--LabApp.extension_manager=readonly",
         *(["--allow-root"] if os.geteuid() == 0 else [])],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            assert server.poll() is None, (root / "server.log").read_text()
            assert time.monotonic() < deadline, "JupyterLab did not start in 120 s"
            time.sleep(1)
        yield url, root
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    driver_path = shutil.which("chromedriver")
    assert driver_path, "chromedriver is missing: `make test` installs chromium-driver"
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1400,1800",
                 "--force-device-scale-factor=1"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    yield driver
    driver.quit()


_WAIT_FOR_PANEL = """
const img = document.querySelector('.jp-OutputArea-output .widget-image');
return img && img.complete && img.naturalWidth > 0;
"""

_MEASURE = """
const img = document.querySelector('.jp-OutputArea-output .widget-image');
const r = img.getBoundingClientRect();
const lines = Array.from(document.querySelectorAll('table.discourse-kwic tr:not(.doc)'));
const docs = Array.from(document.querySelectorAll('table.discourse-kwic tr.doc'));
const labels = Array.from(document.querySelectorAll('.jp-OutputArea-output .widget-label'))
  .filter(l => l.offsetParent !== null)
  .map(l => ({text: l.textContent, scroll: l.scrollWidth, client: l.clientWidth}));
const cell = lines.length ? lines[0].querySelector('td.match') : null;
const lineHeight = cell ? parseFloat(getComputedStyle(cell).lineHeight) : 0;
return {natural: [img.naturalWidth, img.naturalHeight], shown: [r.width, r.height],
        lines: lines.map(l => l.getBoundingClientRect().height), lineHeight: lineHeight,
        docRows: docs.map(d => d.textContent), rowTexts: lines.map(l => l.textContent),
        labels: labels};
"""


def test_explore_panel_in_jupyterlab(lab, browser):
    from PIL import Image
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    url, root = lab
    browser.get(f"{url}/lab/tree/panel.ipynb?token={TOKEN}")
    WebDriverWait(browser, 180).until(lambda d: d.execute_script(
        "return !!(window.jupyterapp && document.querySelector('.jp-NotebookPanel .jp-Cell'))"))
    WebDriverWait(browser, 120).until(lambda d: d.execute_script(
        "const w = window.jupyterapp.shell.currentWidget;"
        "return !!(w && w.sessionContext && w.sessionContext.session &&"
        " w.sessionContext.session.kernel && w.sessionContext.session.kernel.status === 'idle');"))
    browser.execute_script("window.jupyterapp.commands.execute('notebook:run-all-cells');")
    try:
        WebDriverWait(browser, 300).until(lambda d: d.execute_script(_WAIT_FOR_PANEL))
    except Exception:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / "explore-lab-failed.png"))
        raise
    time.sleep(1)  # let the layout settle
    m = browser.execute_script(_MEASURE)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "explore-lab.png"))
    (ARTIFACTS / "explore-lab.json").write_text(json.dumps(m, indent=1), encoding="utf-8")

    # the trend figure: its natural 720 x 320 pixels, drawn as they are
    assert m["natural"] == [720, 320]
    width, height = m["shown"]
    assert abs(width - 720) <= 2 and abs(height - 320) <= 2, m["shown"]
    shot = Image.open(io.BytesIO(browser.find_element(
        By.CSS_SELECTOR, ".jp-OutputArea-output .widget-image").screenshot_as_png))
    assert abs(shot.width - 720) <= 2 and abs(shot.height - 320) <= 2, shot.size
    assert abs(shot.width / shot.height - 720 / 320) < 0.02
    assert len(shot.convert("L").getcolors(maxcolors=256 ** 2)) > 20  # a figure, not a blank

    # the concordance: each line on one line, each document named once above its lines
    assert m["lines"] and m["lineHeight"] > 0
    assert max(m["lines"]) < 1.7 * m["lineHeight"], (max(m["lines"]), m["lineHeight"])
    assert len(m["docRows"]) <= len(m["lines"])
    assert len(set(m["docRows"])) == len(m["docRows"])  # once each
    assert not any(doc in row for doc in m["docRows"] for row in m["rowTexts"])

    # the controls' labels in full
    labels = {lab["text"]: lab for lab in m["labels"]}
    assert {"compare with", "term", "measure"} <= set(labels), labels
    for lab_ in labels.values():
        assert lab_["scroll"] <= lab_["client"] + 1, f"label cut: {lab_}"
