"""Every notebook runs top to bottom on a small sample, and the HTML report they make works
in a real browser.

The notebooks are executed once (module fixture: ``build_report`` with ``SAMPLE=40``, the
same runner as ``make report``), into a temporary folder. Then:

* each notebook produced its HTML page and saved at least one figure into ``OUT_DIR``;
* each notebook saves exactly the figures the registry lists for it (one name per figure);
* headless Chromium (Debian's ``chromium`` and ``chromium-driver``, installed by ``make
  test``) opens the index and every page: no console errors, every image loaded, every
  registered figure of the notebook shown with its caption, no widget repr or frozen
  progress bar; a screenshot of each page is saved under ``build/test-artifacts/``.

The notebooks are committed without outputs (checked here too).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SAMPLE = 40
ARTIFACTS = ROOT / "build" / "test-artifacts"


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


@pytest.fixture(scope="module")
def report(tmp_path_factory, ungdc):
    from discourse.paper.report import build_report

    base = tmp_path_factory.mktemp("report")
    index = build_report(ROOT / "notebooks", figures=base / "figures", build=base / "build",
                         sample=SAMPLE, seed=1)
    return index, base / "figures"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_ran_and_saved_figures(report, path):
    index, figures = report
    page = index.parent / f"{path.stem}.html"
    assert page.exists() and page.stat().st_size > 10_000
    manifest = json.loads((figures / "MANIFEST.json").read_text(encoding="utf-8"))
    mine = [n for n, e in manifest["figures"].items()
            if e["producer"] == f"notebooks/{path.name}"]
    assert mine, f"{path.name} saved no figure through save_figure into OUT_DIR"
    # one name per figure: a notebook saves exactly the figures the registry lists for it
    # (`discourse figures --list`, the README's gallery)
    from discourse.paper import list_figures

    assert sorted(mine) == sorted(s.name for s in list_figures() if s.notebook == path.name)
    for name in mine:
        png = figures / f"{name}.png"
        assert png.exists() and png.stat().st_size > 1000


def test_report_in_headless_chromium(report):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    index, _ = report
    driver_path = shutil.which("chromedriver")
    assert driver_path, "chromedriver is missing: `make test` installs chromium-driver"
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1280,2000"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        pages = [index] + [index.parent / f"{p.stem}.html" for p in NOTEBOOKS]
        for page in pages:
            driver.get(page.as_uri())
            images = driver.execute_script(
                "return Array.from(document.images).map(i => [i.complete, i.naturalWidth]);")
            errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            driver.save_screenshot(str(ARTIFACTS / f"report-{page.stem}.png"))
            assert not errors, f"{page.name}: console errors {errors}"
            assert all(done and width > 0 for done, width in images), \
                f"{page.name}: an image did not load"
            if page != index:
                assert images, f"{page.name} shows no figure"
                # every registered figure of the notebook inline, with its caption (#14 item 13)
                from discourse.paper import list_figures

                shown = driver.execute_script(
                    "return Array.from(document.querySelectorAll('figure.discourse-figure"
                    "[data-figure]')).filter(f => f.querySelector('img').naturalWidth > 0 &&"
                    " f.querySelector('figcaption').textContent.length > 20)"
                    ".map(f => f.dataset.figure);")
                expected = [s.name for s in list_figures() if s.notebook == f"{page.stem}.ipynb"]
                assert sorted(shown) == sorted(expected), page.name
                assert driver.title.endswith("· discourse report") and "Notebook" not in driver.title
                assert not driver.execute_script(
                    "return Array.from(document.querySelectorAll('.jp-OutputArea-output'))"
                    ".some(o => /^(VBox|HBox)\\(children=|\\s*0%\\|/.test(o.textContent.trim()));")
    finally:
        driver.quit()
