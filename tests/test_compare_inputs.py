"""The comparison with a user's own articles: an article without metadata appears beside the
reference article on every measure, with no code change; an empty articles folder is a clear
error."""
from __future__ import annotations

import shutil

import pytest

from discourse import load_articles, load_dictionary
from discourse.compare.metrics import compare_to_reference, key_metrics, stat_comparison_metrics
from discourse.errors import EmptyInputError
from discourse.plots import plot_comparison

from .conftest import ROOT

USER_TEXT = """Dialogue, not threats, will bring peace to the region. Our partners in Europe and
the Gulf states welcome the new approach, and Russia and the United States both say they
support it.

Is this neutrality? It is a choice: engagement rather than isolation."""


def test_users_article_without_metadata_is_compared(tmp_path, ungdc):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(ROOT / "corpus" / "mem-2025-10-syria-balanced-diplomacy.txt", folder)
    shutil.copy(ROOT / "corpus" / "metadata.csv", folder)
    (folder / "my-op-ed.txt").write_text(USER_TEXT, encoding="utf-8")  # no metadata row

    articles = load_articles(folder)
    assert sorted(articles.ids) == ["mem-2025-10-syria-balanced-diplomacy", "my-op-ed"]
    frames = load_dictionary("frames")
    metrics = stat_comparison_metrics(articles, dictionary=frames)
    reference = stat_comparison_metrics(ungdc.subset(country="SYR", year=range(2015, 2025)),
                                        dictionary=frames)
    summary = compare_to_reference(metrics, reference, reference_name="Syria 2015-2024")
    assert set(summary["doc_id"]) == set(articles.ids)
    mine = summary[summary["doc_id"] == "my-op-ed"].set_index("metric")
    assert mine.loc["contrast_count", "value"] == 2            # "X, not Y" and "X rather than Y"
    assert mine.loc["rhetorical_question_count", "value"] == 1
    assert mine.loc["first_person_plural_count", "value"] == 1  # "Our"
    assert 0 <= mine.loc["attention_entropy", "value"] <= 1
    fig = plot_comparison(summary[summary["metric"].isin(key_metrics(summary["metric"]))],
                          doc_id="my-op-ed", subject="my op-ed")
    assert "my op-ed" in fig.axes[0].get_xlabel()  # a human label, not the file id (#14 item 15)


def test_empty_articles_folder_is_a_clear_error(tmp_path):
    with pytest.raises(EmptyInputError, match=f"{tmp_path}: folder holds no .txt or .md document"):
        load_articles(tmp_path)
