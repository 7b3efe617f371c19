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


# -- no wall-clock limit (#14 item 7) ---------------------------------------------------------
SHAPES = {"prose": "The delegation met Mr. Smith in Washington. It was cooperation, not "
                   "confrontation! Was it balanced? ",
          "dots": "a. ", "abbreviations": "Mr. Dr. U.S. ", "ellipses": "wait... and 1.5. ",
          "quotes": '"Yes." (No.) \u201cMaybe.\u201d '}


def _refuse_timed_regex(monkeypatch):
    """Make every NLTK time-limited regex call fail: what remains works without the limit."""
    from nltk import redos

    def refuse(self, *args, **kwargs):
        raise AssertionError(f"time-limited regex used: {self.pattern[:40]!r}")

    for name in ("search", "match", "fullmatch", "findall", "finditer", "split", "sub", "subn"):
        monkeypatch.setattr(redos.TimedPattern, name, refuse)


def test_long_paragraphs_use_no_time_limited_regex(monkeypatch):
    """A 1 MB paragraph of short sentences hit NLTK's 5 s wall-clock limit under load (the
    lazy finditer counts Punkt's own time between matches). Sentences and words now come
    from the same patterns without the limit: with every limited call refused, they work."""
    from discourse.text.tokens import word_spans

    _refuse_timed_regex(monkeypatch)
    for name, piece in SHAPES.items():
        text = piece * (20_000 // len(piece))
        spans = sentence_spans(Document(name, text))
        assert spans and spans[-1][1] == len(text.rstrip())
        assert word_spans(text)


def test_same_sentences_and_words_as_nltk_with_its_limit(article):
    """The untimed patterns are NLTK's own: the same sentences and word spans as NLTK's stock
    (time-limited) Punkt and RegexpTokenizer, on the article and on every shape above."""
    from nltk.tokenize import RegexpTokenizer
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    from discourse.corpus.normalize import fold_typography
    from discourse.text.sentences import _punkt
    from discourse.text.tokens import WORD_PATTERN, _word_tokenizer

    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    stock = PunktSentenceTokenizer(params)
    stock_words = RegexpTokenizer(WORD_PATTERN)
    texts = [fold_typography(article[0].text)] + [p * 40 for p in SHAPES.values()]
    for text in texts:
        assert list(_punkt().span_tokenize(text)) == list(stock.span_tokenize(text))
        assert [m.span() for m in _word_tokenizer().finditer(text)] == \
            list(stock_words.span_tokenize(text))


def test_sentence_count_grows_linearly_with_the_paragraph():
    """A paragraph ten times longer has ten times the sentences (segmentation is local)."""
    small = sentence_spans(Document("s", SHAPES["prose"] * 100))
    large = sentence_spans(Document("l", SHAPES["prose"] * 1_000))
    assert len(small) == 300 and len(large) == 10 * len(small)
