"""Punkt sentence segmentation with the shipped abbreviations; headings stay out."""
from discourse import Corpus, Document
from discourse.text.sentences import abbreviations, sentence_spans, sentences


def test_abbreviations_do_not_split():
    doc = Document("d", "Mr. Al-Sharaa met Dr. Smith in Washington, D.C. on Monday. "
                        "The U.S. delegation, i.e. three people, left at 4 p.m. yesterday.")
    assert sentences(doc) == [
        "Mr. Al-Sharaa met Dr. Smith in Washington, D.C. on Monday.",
        "The U.S. delegation, i.e. three people, left at 4 p.m. yesterday."]
    assert {"mr", "u.s", "i.e"} <= abbreviations()


def test_offsets_point_into_text_and_never_cross_blocks():
    first = "The first paragraph is long enough not to be a heading and ends without any stop"
    text = first + "\n\nSecond one. Two sentences!"
    doc = Document("d", text)
    spans = sentence_spans(doc)
    assert [text[s:e] for s, e in spans] == [first, "Second one.", "Two sentences!"]


def test_article_sentences_leave_out_headings(article):
    doc = article[0]
    body = sentences(doc)
    assert not any(s.startswith("Avoiding polarization") for s in body)
    assert not any("Middle East Monitor" in s for s in body)
    with_heads = sentences(doc, include_headings=True)
    assert len(with_heads) == len(body) + 4
    # 36 body sentences: the list was read in full by hand and every boundary is right
    assert len(body) == 36
    assert body[17] == "However, the response from Damascus was calculated and composed."
    assert body[23].endswith("in the Syrian revolution as of 2011.")
    assert body[24].startswith("Yet, it balanced such relations")
    assert body[-1].startswith("In an increasingly polarized world, Syria’s rational diplomacy")


def test_from_texts_corpus():
    corp = Corpus.from_texts(["One. Two? Three!"])
    assert sentences(corp[0]) == ["One.", "Two?", "Three!"]
