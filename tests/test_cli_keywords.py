"""`discourse keywords` and `discourse keyness` as subprocesses: column names as in the API."""
import io
import json
import os
import subprocess
import sys

import pandas as pd

from discourse.keywords.frequencies import FREQUENCY_COLUMNS
from discourse.keywords.keyness import KEYNESS_COLUMNS

from .conftest import ROOT


def run(*args):
    return subprocess.run([sys.executable, "-m", "discourse.cli", *args], cwd=ROOT,
                          env=dict(os.environ), capture_output=True, text=True, timeout=600)


def test_keywords_article_csv():
    out = run("keywords", "article", "--terms", "balanc*,sovereign*", "--by", "none",
              "--format", "csv")
    assert out.returncode == 0, out.stderr
    tab = pd.read_csv(io.StringIO(out.stdout))
    assert list(tab.columns) == FREQUENCY_COLUMNS
    assert tab.set_index("term").loc["balanc*", "count"] == 10


def test_keywords_ungdc_by_year(ungdc):
    out = run("keywords", "ungdc:SYR", "--dictionary", "frames", "--by", "year", "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert {r["group"] for r in rows} == set(ungdc.subset(country="SYR").meta["year"])


def test_keyness_article_against_syria(ungdc):
    out = run("keyness", "article", "--reference", "ungdc:SYR", "--top", "10", "--format", "csv")
    assert out.returncode == 0, out.stderr
    tab = pd.read_csv(io.StringIO(out.stdout))
    assert list(tab.columns) == KEYNESS_COLUMNS and len(tab) == 20
    assert "balanced" in set(tab.loc[tab.direction == "target", "term"])


def test_keyness_errors_are_one_line():
    out = run("keyness", "article", "--reference", "article")
    assert out.returncode == 2 and "reference contains 1 of the target's documents" in out.stderr
    out = run("keywords", "article")
    assert out.returncode == 2 and "exactly one of --terms or --dictionary" in out.stderr


def test_keyness_prior_uniform_and_background(ungdc):
    from discourse import load_article, load_ungdc, stat_keyness
    uniform = run("keyness", "article", "--reference", "ungdc:SYR:2020-2024", "--prior", "0.01",
                  "--format", "csv")
    assert uniform.returncode == 0, uniform.stderr
    tab = pd.read_csv(io.StringIO(uniform.stdout), keep_default_na=False)  # the term "null"
    api = stat_keyness(load_article(), load_ungdc("SYR", years=(2020, 2024)), min_count=3,
                       prior=0.01)
    assert tab["term"].tolist() == api["term"].tolist()
    assert tab["log_odds_z"].to_numpy() == __import__("pytest").approx(api["log_odds_z"].to_numpy(),
                                                                       rel=1e-12)
    background = run("keyness", "article", "--reference", "ungdc:SYR:2020-2024",
                     "--prior", "ungdc:USA:2024", "--format", "csv")
    assert background.returncode == 0, background.stderr
    other = pd.read_csv(io.StringIO(background.stdout), keep_default_na=False).set_index("term")["log_odds_z"]
    assert not (other.loc[tab["term"]].to_numpy() == tab["log_odds_z"].to_numpy()).all()
    bad = run("keyness", "article", "--reference", "ungdc:SYR:2024", "--prior", "-1")
    assert bad.returncode == 2 and "positive number" in bad.stderr
