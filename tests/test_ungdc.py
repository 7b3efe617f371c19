"""The UN General Debate Corpus, read from the real archive in ../shared/data/ungdc."""
import io
import tarfile
import warnings
from pathlib import Path

import pandas as pd
import pytest

from discourse import load_ungdc
from discourse.errors import CorpusFormatError, InputError, ResourceError
from discourse.corpus.ungdc import iter_ungdc_files, read_speakers

SMALL = ["TXT/Session 25 - 1970/SYR_25_1970.txt", "TXT/Session 50 - 1995/SYR_50_1995.txt",
         "TXT/Session 65 - 2010/SYR_65_2010.txt", "TXT/Session 79 - 2024/SYR_79_2024.txt",
         "TXT/Session 79 - 2024/RUS_79_2024.txt", "TXT/Session 79 - 2024/UKR_79_2024.txt",
         "TXT/Session 01 - 1946/ARG_01_1946.txt"]


def test_whole_corpus_as_distributed(ungdc):
    assert len(ungdc) == 10_952
    meta = ungdc.meta
    assert meta["year"].min() == 1946 and meta["year"].max() == 2024
    assert meta["session"].min() == 1 and meta["session"].max() == 79
    assert (meta["year"] - meta["session"] == 1945).all()
    # The corpus README says "200 countries and the EU"; the archive itself holds 200 distinct
    # codes, EU included (counted from the file names), so that is what we assert.
    assert meta["country"].nunique() == 200 and "EU" in set(meta["country"])
    assert meta["country_name"].notna().all() and meta["region"].notna().all()
    syria = meta[meta["country"] == "SYR"]
    assert len(syria) == 74  # as the corpus README says: 74 of 79 sessions
    assert meta.loc[meta["doc_id"] == "SYR_79_2024", "country_name"].item() == "Syrian Arab Republic"
    assert meta.loc[meta["doc_id"] == "SYR_79_2024", "region"].item() == "Asia"
    # speakers come from Speakers_by_session.xlsx for nearly every speech
    assert meta["speaker"].notna().mean() > 0.99
    texts = ungdc.texts
    assert not any(t.startswith("\ufeff") or "\r" in t for t in texts)
    assert all(t.strip() for t in texts)


def test_speakers_match_the_spreadsheet(ungdc, ungdc_source):
    spk = read_speakers(ungdc_source.parent / "Speakers_by_session.xlsx")
    row = spk[(spk["country"] == "SYR") & (spk["session"] == 79)].iloc[0]
    doc = ungdc["SYR_79_2024"]
    assert doc.meta["speaker"] == row["speaker"] and doc.meta["post"] == row["post"]
    assert not spk.duplicated(["country", "session"]).any()


def test_a_spreadsheet_bomb_or_a_broken_file_is_refused_before_it_is_read(tmp_path):
    """A speakers spreadsheet is a zip: one that would unpack 100 times its size (or past
    256 MB) is refused from the zip's directory, naming the file; so is a file that is no zip."""
    import zipfile

    from discourse.errors import CorpusFormatError

    bomb = tmp_path / "Speakers_by_session.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * 30_000_000)  # ~30 KB packed
    with pytest.raises(CorpusFormatError, match=r"Speakers_by_session.xlsx.*unpack to "
                                                r"30,000,000 bytes"):
        read_speakers(bomb)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip at all")
    with pytest.raises(CorpusFormatError, match=r"broken.xlsx.*not a readable speakers"):
        read_speakers(broken)


def test_filters(ungdc_source):
    syria = load_ungdc("SYR", years=(2000, 2024), path=ungdc_source, progress=False)
    assert set(syria.meta["country"]) == {"SYR"}
    assert syria.meta["year"].between(2000, 2024).all() and len(syria) == 25
    two = load_ungdc(["Russian Federation", "ukr"], years=2024, path=ungdc_source, progress=False)
    assert sorted(two.ids) == ["RUS_79_2024", "UKR_79_2024"]
    with pytest.raises(ResourceError, match="unknown country code or name 'XYZ'"):
        load_ungdc("XYZ", path=ungdc_source)
    with pytest.raises(InputError, match="first <= last"):
        load_ungdc("SYR", years=(2024, 2000), path=ungdc_source)


def test_raw_text_kept_on_request(ungdc_source):
    corp = load_ungdc("SYR", years=1995, path=ungdc_source, keep_raw=True, progress=False)
    doc = corp[0]
    assert doc.raw is not None and "\n" in doc.raw and doc.raw != doc.text
    assert load_ungdc("SYR", years=1995, path=ungdc_source, progress=False)[0].raw is None


def small_archive(tmp_path, ungdc_source, extra=None, name="UNGDC_small.tgz"):
    wanted = {m: d for m, d in iter_ungdc_files(ungdc_source) if m in SMALL}
    wanted.update(extra or {})
    path = tmp_path / name
    with tarfile.open(path, "w:gz") as tar:
        for member, data in wanted.items():
            info = tarfile.TarInfo(member)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_cache_is_used_then_rebuilt_when_corrupt(tmp_path, ungdc_source, monkeypatch):
    monkeypatch.setenv("DISCOURSE_DATA", str(tmp_path / "data"))
    archive = small_archive(tmp_path, ungdc_source)
    first = load_ungdc(path=archive, progress=False)
    assert len(first) == len(SMALL)
    # the entry is a dataset: one checksummed file per country and a manifest (#13)
    entries = list((tmp_path / "data" / "cache").glob("ungdc-*.dataset"))
    assert len(entries) == 1
    parts = sorted(entries[0].glob("part-*.parquet"))
    assert len(parts) == 4  # ARG, RUS, SYR, UKR
    stamp = (entries[0] / "_manifest.json").stat().st_mtime_ns
    second = load_ungdc(path=archive, progress=False)
    assert (entries[0] / "_manifest.json").stat().st_mtime_ns == stamp  # read, not rewritten
    pd.testing.assert_frame_equal(first.to_frame(), second.to_frame())
    # corrupt Syria's file: flip bytes in the middle, then truncate; both are detected and
    # rebuilt, when the whole corpus is read and when Syria's speeches alone are
    syria = parts[2]  # files follow the sorted countries: ARG, RUS, SYR, UKR
    for damage, countries in (("flip", None), ("truncate", "SYR")):
        data = bytearray(syria.read_bytes())
        if damage == "flip":
            mid = len(data) // 2
            data[mid:mid + 64] = bytes(b ^ 0xFF for b in data[mid:mid + 64])
        else:
            data = data[: len(data) // 3]
        syria.write_bytes(bytes(data))
        with pytest.warns(UserWarning, match="corrupt cache entry"):
            again = load_ungdc(countries, path=archive, progress=False)
        expected = first if countries is None else first.subset(country=countries)
        pd.testing.assert_frame_equal(expected.to_frame(), again.to_frame())
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            load_ungdc(path=archive, progress=False)  # rebuilt entry is clean


def test_cache_key_follows_content(tmp_path, ungdc_source, monkeypatch):
    monkeypatch.setenv("DISCOURSE_DATA", str(tmp_path / "data"))
    a = small_archive(tmp_path, ungdc_source, name="UNGDC_a.tgz")
    load_ungdc(path=a, progress=False)
    extra = {"TXT/Session 79 - 2024/FRA_79_2024.txt": b"Liberty.\n"}
    b = small_archive(tmp_path, ungdc_source, extra=extra, name="UNGDC_b.tgz")
    corp = load_ungdc(path=b, progress=False)  # new content -> new entry, not the stale one
    assert "FRA_79_2024" in corp.ids
    assert len(list((tmp_path / "data" / "cache").glob("ungdc-*.dataset"))) == 2


def test_bad_archives(tmp_path, ungdc_source, monkeypatch):
    monkeypatch.setenv("DISCOURSE_DATA", str(tmp_path / "data"))
    not_tar = tmp_path / "UNGDC_fake.tgz"
    not_tar.write_bytes(b"this is not an archive at all")
    with pytest.raises(CorpusFormatError, match="UNGDC_fake.tgz: not a readable tar archive"):
        load_ungdc(path=not_tar, progress=False)
    wrong = small_archive(tmp_path, ungdc_source,
                          extra={"speeches/syria_2024.txt": b"Text."}, name="UNGDC_w.tgz")
    with pytest.raises(CorpusFormatError, match="speeches/syria_2024.txt: not in the UN corpus layout"):
        load_ungdc(path=wrong, progress=False)
    unknown = small_archive(tmp_path, ungdc_source, name="UNGDC_u.tgz",
                            extra={"TXT/Session 79 - 2024/XYZ_79_2024.txt": b"Text."})
    with pytest.raises(ResourceError, match="XYZ_79_2024.txt: unknown country code 'XYZ'"):
        load_ungdc(path=unknown, progress=False)
    truncated = tmp_path / "UNGDC_t.tgz"
    truncated.write_bytes(small_archive(tmp_path, ungdc_source).read_bytes()[:5000])
    with pytest.raises(CorpusFormatError, match="truncated or corrupt"):
        load_ungdc(path=truncated, progress=False)
    with pytest.raises(InputError, match="no such file or folder"):
        load_ungdc(path=tmp_path / "missing.tgz")


def test_unpacked_folder_reads_like_the_archive(tmp_path, ungdc_source, monkeypatch):
    monkeypatch.setenv("DISCOURSE_DATA", str(tmp_path / "data"))
    archive = small_archive(tmp_path, ungdc_source)
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="data")
    from_folder = load_ungdc(path=tmp_path / "unpacked", progress=False)
    from_archive = load_ungdc(path=archive, progress=False)
    cols = ["doc_id", "text", "country", "year"]
    pd.testing.assert_frame_equal(from_folder.to_frame()[cols], from_archive.to_frame()[cols])


def test_archive_out_of_order_gives_the_sorted_corpus(tmp_path, ungdc_source, monkeypatch):
    """The texts come back from the workers in archive order and are put in year/country
    order with the metadata: an archive written in reverse order gives the same corpus."""
    monkeypatch.setenv("DISCOURSE_DATA", str(tmp_path / "data"))
    wanted = [(m, d) for m, d in iter_ungdc_files(ungdc_source) if m in SMALL]
    path = tmp_path / "UNGDC_reversed.tgz"
    with tarfile.open(path, "w:gz") as tar:
        for member, data in reversed(wanted):
            info = tarfile.TarInfo(member)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    ordered = load_ungdc(path=small_archive(tmp_path, ungdc_source), keep_raw=True,
                         use_cache=False, progress=False)
    backwards = load_ungdc(path=path, keep_raw=True, use_cache=False, progress=False)
    assert backwards.ids != [Path(m).stem for m, _ in reversed(wanted)] or len(wanted) < 2
    pd.testing.assert_frame_equal(ordered.to_frame().drop(columns="member"),
                                  backwards.to_frame().drop(columns="member"))
    doc = backwards[backwards.ids[0]]
    assert doc.text == ordered[ordered.ids[0]].text and doc.raw == ordered[ordered.ids[0]].raw
