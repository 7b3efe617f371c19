"""The article in corpus/, the Lee news corpus from gensim, countries, paths."""
import hashlib

import pandas as pd
import pytest

from discourse import load_article, load_articles, load_lee
from discourse.corpus.countries import country_name, country_table, resolve_country
from discourse.errors import InputError, ResourceError
from discourse.corpus.paths import data_home, ungdc_path

from .conftest import ROOT, SEED_ARTICLE


def test_article_is_the_seed_byte_for_byte():
    ours = ROOT / "corpus" / "mem-2025-10-syria-balanced-diplomacy.txt"
    assert hashlib.sha256(ours.read_bytes()).digest() == hashlib.sha256(SEED_ARTICLE.read_bytes()).digest()


def test_article_metadata_is_known_or_empty(article):
    meta = article.meta.iloc[0]
    assert meta["outlet"] == "Middle East Monitor" and meta["genre"] == "opinion"
    assert meta["language"] == "en" and meta["event_date"] == "2025-10-15"
    for unknown in ("title", "author", "date", "url"):
        assert pd.isna(meta[unknown]), f"{unknown} must stay empty, not be invented"


def test_article_structure(article):
    doc = article[0]
    kinds = [b.kind for b in doc.blocks]
    headings = [doc.text[b.start:b.end] for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        "Reaffirming relations with Russia through pragmatism, not former regime’s dependency",
        "Avoiding polarization and preserving sovereignty",
        "Balancing between Türkiye and the Arab states",
        "A foreign policy of rational interests"]
    assert kinds[-1] == "boilerplate" and kinds.count("boilerplate") == 1
    assert "Middle East Monitor" not in doc.body_text()
    assert "Avoiding polarization" in doc.body_text(include_headings=True)
    assert "Avoiding polarization" not in doc.body_text()
    assert doc.raw is not None and "’" in doc.text  # original typography kept


def test_user_articles_appear_without_code(tmp_path):
    (tmp_path / "x.txt").write_text("Another article.", encoding="utf-8")
    assert load_articles(tmp_path).ids == ["x"]
    with pytest.raises(ResourceError, match="reference article"):
        load_article(tmp_path)


def test_lee_corpus_from_gensim():
    lee = load_lee()
    assert len(lee) == 300 and lee.ids[0] == "lee_background_001"
    assert lee[0].text.startswith("Hundreds of people have been forced to vacate their homes")
    test_part = load_lee("test")
    assert len(test_part) == 50 and "£" in " ".join(test_part.texts)  # Latin-1 decoded
    with pytest.raises(InputError, match="'part' parameter of load_lee"):
        load_lee("news")


def test_country_table():
    table = country_table()
    assert table["iso3"].is_unique and {"SYR", "EU", "YUG", "DDR"} <= set(table["iso3"])
    assert resolve_country("Syria") == "SYR" == resolve_country(" syr ")
    assert country_name("TUR") == "Türkiye" and country_name("SYR", short=True) == "Syria"
    with pytest.raises(ResourceError, match="did you mean 'SYR'"):
        resolve_country("Syrai")


def test_paths(tmp_path, monkeypatch):
    monkeypatch.setenv("DISCOURSE_DATA", str(tmp_path / "d"))
    assert data_home() == str(tmp_path / "d") and (tmp_path / "d").is_dir()
    monkeypatch.setenv("DISCOURSE_UNGDC", str(tmp_path / "nowhere"))
    with pytest.raises(InputError, match="nowhere: no such file or folder"):
        ungdc_path()
    monkeypatch.delenv("DISCOURSE_UNGDC")
    assert ungdc_path() is None  # nothing downloaded into the fresh data directory
    (tmp_path / "u").mkdir()
    (tmp_path / "u" / "UNGDC_1946-2024.tgz").write_bytes(b"x")
    assert ungdc_path(tmp_path / "u").name == "UNGDC_1946-2024.tgz"
