"""News furniture (issue #11, item 5): wire datelines, bylines and editor's notes are
boilerplate blocks, out of sentence and word counts; the sentence after a dateline stays."""
from __future__ import annotations

import pytest

from discourse.corpus.documents import Document
from discourse.corpus.normalize import BYLINE_PATTERN, DATELINE_PATTERN, split_blocks
from discourse.text.parsed import parse

DATELINED = [
    ("MOSCOW, Oct 15 (Reuters) - Russian President Vladimir Putin met Al-Sharaa.",
     "MOSCOW, Oct 15 (Reuters) -"),
    ("MOSCOW, October 15. /TASS/. Russian President Vladimir Putin will meet Al-Sharaa.",
     "MOSCOW, October 15. /TASS/."),
    ("(AP) \u2014 The talks would address security.", "(AP) \u2014"),
    ("WASHINGTON (AP) \u2014 The talks would address security.", "WASHINGTON (AP) \u2014"),
    ("DAMASCUS, 15 October (SANA) \u2013 The President received the envoy.",
     "DAMASCUS, 15 October (SANA) \u2013"),
    ("GAZA CITY, Gaza Strip (AP) \u2014 Israeli troops moved in.",
     "GAZA CITY, Gaza Strip (AP) \u2014"),
    ("UNITED NATIONS, Oct. 15, 2025 (Reuters) -- The council met.",
     "UNITED NATIONS, Oct. 15, 2025 (Reuters) --"),
    ("BEIRUT, Oct 15 - Lebanon's cabinet met on Tuesday.", "BEIRUT, Oct 15 -"),
]


@pytest.mark.parametrize("text, dateline", DATELINED)
def test_dateline_is_a_boilerplate_block_and_the_sentence_stays(text, dateline):
    blocks = split_blocks(text)
    assert [b.kind for b in blocks] == ["boilerplate", "paragraph"]
    assert text[blocks[0].start:blocks[0].end] == dateline
    rest = text[len(dateline):].strip()
    assert text[blocks[1].start:blocks[1].end] == rest
    doc = Document("d", text)
    p = parse(doc)
    assert [doc.text[s:e] for s, e in p.sentences] == [rest]  # one sentence, not two
    assert p.n_words_in(0, len(text)) == p.n_words_in(blocks[1].start, blocks[1].end) + \
        p.n_words_in(blocks[0].start, blocks[0].end)
    assert sum(j - i for i, j in p.body_word_ranges) == p.n_words_in(blocks[1].start,
                                                                     blocks[1].end)


def test_issue_example_tass_dateline_no_longer_two_sentences():
    doc = Document("tass", "MOSCOW, October 15. /TASS/. Russian President Vladimir Putin and "
                           "Syrian President Ahmad al-Sharaa held talks in the Kremlin. The talks "
                           "would address security.")
    assert len(parse(doc).sentences) == 2
    assert parse(doc).body_terms[:2] == ["russian", "president"]


@pytest.mark.parametrize("text", [
    "By Jane Doe", "By JANE DOE, Associated Press", "By Jane Doe and John Roe",
    "By Jean-Luc de la Fontaine, Reuters",
])
def test_byline_blocks_are_boilerplate(text):
    doc = Document("d", f"{text}\n\nThe body. It has two sentences.")
    assert [b.kind for b in doc.blocks] == ["boilerplate", "paragraph"]
    assert len(parse(doc).sentences) == 2


@pytest.mark.parametrize("note", ["Editor's note: This story was updated on Friday.",
                                  "Editor\u2019s Note \u2014 An earlier version misspelt a name.",
                                  "EDITOR'S NOTE: The author is a former diplomat."])
def test_editors_note_blocks_are_boilerplate(note):
    doc = Document("d", f"The body.\n\n{note}\n\nMore body.")
    assert [b.kind for b in doc.blocks] == ["paragraph", "boilerplate", "paragraph"]


@pytest.mark.parametrize("text", [
    "Moscow said on Oct 15 that it would act. Reuters said so.",
    "Reuters said the talks would resume.",
    "MOSCOW - the text goes on without a date or an agency.",
    "By refusing to sever ties with Russia, Syria acted.",
    "By 2030 we will act.",
    "By God, we shall prevail over them.",
    "Mr. GROMYKO (Union of Soviet Socialist Republics) - the text of a verbatim record.",
    "The AP reported (AP) that the talks failed.",
    "IN THE NAME OF GOD, THE MERCIFUL - we begin.",
    "The editor's note said nothing.",
])
def test_ordinary_sentences_are_not_furniture(text):
    assert [b.kind for b in split_blocks(text)] == ["paragraph"]


def test_patterns_are_exported_and_anchored():
    assert DATELINE_PATTERN.match("WASHINGTON (AP) \u2014 x")
    assert DATELINE_PATTERN.match("text WASHINGTON (AP) \u2014 x") is None
    assert BYLINE_PATTERN.fullmatch("By Jane Doe")


def test_a_dateline_alone_in_its_block():
    text = "MOSCOW, Oct 15 (Reuters) -\n\nRussian President Vladimir Putin met Al-Sharaa."
    assert [b.kind for b in split_blocks(text)] == ["boilerplate", "paragraph"]
