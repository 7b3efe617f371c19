"""Shared fixtures. The UN corpus is the real archive: DISCOURSE_UNGDC must point at it
(``make test`` and ``.ci/run`` set it to ../shared/data/ungdc); a missing corpus is an error,
not a skip."""
from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED_ARTICLE = SHARED / "seeds" / "000_5f3cb541a499bd5a.txt"
NLTK_DATA = SHARED / "data" / "nltk_data"

os.environ.setdefault("DISCOURSE_UNGDC", str(SHARED / "data" / "ungdc"))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture(scope="session")
def ungdc_source() -> Path:
    """The real UN corpus archive (fails loudly when it is not configured)."""
    from discourse.corpus.paths import ungdc_path

    path = ungdc_path()
    assert path is not None and path.exists(), (
        "the UN General Debate Corpus is required: set DISCOURSE_UNGDC to the archive folder")
    return path


@pytest.fixture(scope="session")
def ungdc(ungdc_source):
    """The whole UN corpus, loaded once per test process (from the cache when warm)."""
    from discourse import load_ungdc

    return load_ungdc(path=ungdc_source, progress=False)


@pytest.fixture(scope="session")
def article():
    """The reference article as a one-document corpus."""
    from discourse import load_article

    return load_article()
