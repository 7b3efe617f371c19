"""The article's place in a comparison corpus on every rhetoric metric: :func:`percentiles`.

>>> import discourse
>>> art = discourse.profile(discourse.load_article(), progress=False)
>>> ref = discourse.profile(discourse.load_lee("test"), progress=False)
>>> table = percentiles(art, ref, reference_name="news")
>>> table.loc[table["metric"] == "hedges_per_1k", "group"].item()
'stance'
"""
from __future__ import annotations

import pandas as pd

from ..rhetoric.profile import PROFILE_GROUPS, profile
from .metrics import compare_to_reference

__all__ = ["percentiles"]


def percentiles(article, corpus, *, reference_name: str = "comparison",
                emotion_model=None, progress: bool = False, scheduler=None) -> pd.DataFrame:
    """The article's place in the comparison corpus, metric by metric.

    ``article`` and ``corpus`` are profiles (DataFrames from :func:`profile`) or anything
    :func:`profile` takes. Returns :data:`discourse.compare.metrics.COMPARISON_COLUMNS` plus ``group``
    (the component a metric comes from): value, median, IQR, the mid-rank percentile and a
    robust effect size. With ``scheduler`` (:mod:`discourse.scale.scheduler`) the comparison
    corpus is profiled on a cluster; its profile comes back whole (one row per document) and
    the medians, IQRs and percentiles are computed from it here, exactly (not Dask's
    approximate quantiles).
    """
    a = article if isinstance(article, pd.DataFrame) else profile(
        article, emotion_model=emotion_model, progress=progress)
    r = corpus if isinstance(corpus, pd.DataFrame) else profile(
        corpus, emotion_model=emotion_model, progress=progress, scheduler=scheduler)
    table = compare_to_reference(a, r, reference_name=reference_name)
    table["group"] = table["metric"].map(PROFILE_GROUPS).fillna("other")
    return table
