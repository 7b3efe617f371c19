"""Reading users' files: folders with front matter and sidecar CSV, CSV, JSONL, bad input."""
import os

import pytest

from discourse import read_csv, read_file, read_folder, read_jsonl
from discourse.errors import CorpusFormatError, EmptyInputError, EncodingError, InputError


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def snapshot(folder):
    return {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_folder_with_front_matter_and_sidecar(tmp_path):
    write(tmp_path / "a.txt", "Cooperation, not confrontation.\n")
    write(tmp_path / "b.md", "---\noutlet: SANA\ndate: 2025-10-16\n---\nEngagement, not isolation.\n")
    write(tmp_path / "news" / "c.txt", "\ufeffBalance.\r\n")
    write(tmp_path / "README.md", "not a document")
    write(tmp_path / "_draft.txt", "not a document either")
    write(tmp_path / "metadata.csv", "file,genre,year\na.txt,opinion,2025\nb.md,news,\n")
    before = snapshot(tmp_path)
    corp = read_folder(tmp_path)
    assert corp.ids == ["a", "b", "news/c"]
    meta = corp.meta.set_index("doc_id")
    assert meta.loc["a", "genre"] == "opinion" and meta.loc["a", "year"] == 2025
    assert meta.loc["b", "outlet"] == "SANA" and meta.loc["b", "date"] == "2025-10-16"
    assert meta.loc["b", "genre"] == "news" and meta.isna().loc["b", "year"]
    assert corp["news/c"].text == "Balance."  # BOM and CRLF gone
    assert snapshot(tmp_path) == before  # reading never writes or moves the user's files


def test_sidecar_conflicts_and_unknown_files(tmp_path):
    write(tmp_path / "a.md", "---\ngenre: news\n---\nText.")
    write(tmp_path / "metadata.csv", "file,genre\na.md,opinion\n")
    with pytest.raises(CorpusFormatError, match="metadata.csv: 'genre' for a.md is 'opinion'"):
        read_folder(tmp_path)
    write(tmp_path / "metadata.csv", "file,genre\nmissing.txt,opinion\n")
    with pytest.raises(CorpusFormatError, match="line 2 names 'missing.txt'"):
        read_folder(tmp_path)
    write(tmp_path / "metadata.csv", "name,genre\na.md,opinion\n")
    with pytest.raises(CorpusFormatError, match="no 'file' column"):
        read_folder(tmp_path)


def test_duplicate_ids_in_folder(tmp_path):
    write(tmp_path / "a.txt", "One.")
    write(tmp_path / "a.md", "Two.")
    with pytest.raises(InputError, match="duplicate document id 'a'"):
        read_folder(tmp_path)


@pytest.mark.parametrize("front, message", [
    ("---\nouter: [unclosed\n---\nText.", "malformed YAML front matter at line"),
    ("---\n- a list\n---\nText.", "front matter must be a mapping"),
    ("---\ngenre: news\nText without the closing line.", "never closed"),
    ("---\ntext: sneaky\n---\nText.", "reserved"),
])
def test_malformed_front_matter(tmp_path, front, message):
    p = write(tmp_path / "bad.md", front)
    with pytest.raises(CorpusFormatError, match=message) as err:
        read_file(p)
    assert str(p) in str(err.value)


def test_missing_empty_binary_and_huge_files(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="no such folder"):
        read_folder(tmp_path / "nope")
    with pytest.raises(EmptyInputError, match="empty"):
        read_file(write(tmp_path / "empty.txt", ""))
    with pytest.raises(EmptyInputError, match="empty"):
        read_file(write(tmp_path / "blank.txt", "  \n\n \t\n"))
    with pytest.raises(EncodingError, match="binary"):
        read_file(write(tmp_path / "image.txt", bytes(range(256)) * 4))
    big = write(tmp_path / "big.txt", "word " * 300)
    with pytest.raises(InputError, match="over the limit of 1,000.*max_bytes=None"):
        read_file(big, max_bytes=1000)
    assert read_file(big, max_bytes=None).text.startswith("word word")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    with pytest.raises(EmptyInputError, match="no .txt or .md document"):
        read_folder(empty_dir)


def test_wrong_encoding_names_the_place_and_the_option(tmp_path):
    p = write(tmp_path / "latin.txt", "First line.\nCaf\xe9 au lait.".encode("cp1252"))
    with pytest.raises(EncodingError) as err:
        read_file(p)
    message = str(err.value)
    assert str(p) in message and "line 2" in message and "encoding=" in message
    assert isinstance(err.value, UnicodeError) and isinstance(err.value, ValueError)
    assert read_file(p, encoding="cp1252").text.endswith("Café au lait.")


def test_csv_and_jsonl(tmp_path):
    csv_path = write(tmp_path / "news.csv", 'id,text,outlet,year\n1,"Talks, resumed.",AP,2024\n2,Aid arrived.,,2025\n')
    corp = read_csv(csv_path, id_col="id")
    assert corp.ids == ["1", "2"] and corp["1"].text == "Talks, resumed."
    assert corp.meta["outlet"].tolist()[0] == "AP" and corp["2"].meta["outlet"] is None
    assert corp["2"].meta["year"] == 2025
    with pytest.raises(CorpusFormatError, match="no text column 'body'"):
        read_csv(csv_path, text_col="body")
    with pytest.raises(EmptyInputError, match="row 3"):
        read_csv(write(tmp_path / "gap.csv", "text\nfine\n\"  \"\n"))
    with pytest.raises(InputError, match="duplicate ids"):
        read_csv(write(tmp_path / "dup.csv", "id,text\n1,a\n1,b\n"), id_col="id")
    jl = write(tmp_path / "n.jsonl", '{"text": "One.", "k": 1}\n\n{"text": "Two.", "k": 2}\n')
    corp = read_jsonl(jl)
    assert corp.ids == ["n:1", "n:2"] and corp.meta["k"].tolist() == [1, 2]
    with pytest.raises(CorpusFormatError, match="line 2 is not valid JSON"):
        read_jsonl(write(tmp_path / "bad.jsonl", '{"text": "ok"}\n{oops\n'))
    with pytest.raises(EmptyInputError, match="line 1"):
        read_jsonl(write(tmp_path / "e.jsonl", '{"text": ""}\n'))
