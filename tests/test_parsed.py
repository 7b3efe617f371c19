"""The analysed document (discourse.text.parsed): words, terms and sentences computed once,
agreeing with the tokenisation policy of discourse.text.tokens."""
from __future__ import annotations

import pytest

from discourse.corpus.documents import Document
from discourse.text.parsed import parse
from discourse.text.sentences import sentence_spans
from discourse.text.tokens import count_tokens, term_list, word_spans

TEXTS = [
    "Syria’s policy: balance. It’s Russia's and the U.S.'s choice, isn't it?",
    "A Heading\n\nFirst paragraph, zero-sum and al-Assad's rule.\n\nSecond one: 2,000 troops.",
    "İstanbul's mayor said: \"we'll see\". Let's go.",
    "",
    "   \n\n  ",
]


@pytest.mark.parametrize("text", TEXTS)
def test_terms_equal_the_counting_policy(text):
    doc = Document("d", text)
    p = parse(doc)
    assert p.body_terms == term_list(doc.body_text())
    for s, e in p.sentences:
        assert p.terms_in(s, e) == term_list(text[s:e])
        assert p.n_words_in(s, e) == count_tokens(text[s:e])


@pytest.mark.parametrize("text", TEXTS)
def test_words_are_the_spans_of_the_policy(text):
    p = parse(Document("d", text))
    # word_spans splits possessives; the analysed document keeps whole words and splits terms
    whole = [(s, e) for s, e in p.word_spans(0, p.n_words)]
    assert [s for s, _ in whole] == [s for s, _ in word_spans(text)]
    assert all(text[s:e].strip() == text[s:e] and e > s for s, e in whole)


def test_sentences_are_shared_and_equal_the_sentence_splitter():
    doc = Document("d", TEXTS[1])
    p = parse(doc)
    assert list(p.sentences) == sentence_spans(doc)
    assert parse(doc) is p
    assert parse(Document("d", TEXTS[1])) is not p  # one per document object


def test_offsets_point_into_the_text():
    doc = Document("d", "Syria’s “balanced” diplomacy")
    p = parse(doc)
    assert [doc.text[s:e] for s, e in p.word_spans(0, p.n_words)] == ["Syria’s", "balanced",
                                                                        "diplomacy"]
    assert p.terms() == ["syria", "balanced", "diplomacy"]


def test_the_profile_tokenises_each_document_once(monkeypatch):
    """Structure, readability, diversity, stance and devices read one analysed document: the
    word pattern runs over the text once per document, not once per measure."""
    import discourse
    from discourse.text import parsed as parsed_module

    calls = []
    real = parsed_module.WORD_RE

    class Counting:
        def finditer(self, text, *a):
            calls.append(len(text))
            return real.finditer(text, *a)

        def __getattr__(self, name):  # fullmatch etc.: lexicons compiled on first use
            return getattr(real, name)

    monkeypatch.setattr(parsed_module, "WORD_RE", Counting())
    doc = Document("d", "We act. We will not wait, we will not fail! Balance, not rivalry.")
    discourse.profile(doc, progress=False)
    assert calls == [len(doc.text)]


@pytest.mark.parametrize("text", TEXTS)
def test_pieces_are_the_gazetteer_tokens_of_each_sentence(text):
    import re

    from discourse.corpus.normalize import fold_typography

    piece = re.compile(r"[^\W_]+|[^\w\s]")
    doc = Document("d", text)
    p = parse(doc)
    folded = fold_typography(text)
    assert list(p.sentences_with_headings) == sentence_spans(doc, include_headings=True)
    for s, e in p.sentences_with_headings:
        assert p.pieces_in(s, e) == [(m.group(), m.start(), m.end())
                                     for m in piece.finditer(folded, s, e)]


def test_every_measure_reads_the_analysed_document(ungdc):
    """Mentions, frames, emotion words and topic words come from the analysed document's
    terms and pieces: on real speeches they equal the policy's own functions."""
    from discourse.text.tokens import term_list

    for doc in list(ungdc.sample(40, seed=11)):
        p = parse(doc)
        assert p.body_terms == term_list(doc.body_text())
        assert sum(p.n_words_in(s, e) for s, e in p.sentences) == \
            sum(count_tokens(doc.text[s:e]) for s, e in sentence_spans(doc))


def test_the_underscore_free_word_pattern_finds_the_same_words(ungdc):
    from discourse.text.tokens import _WORDS_NO_UNDERSCORE, _WORDS_ONLY

    texts = [t for t in ungdc.texts[::5] if "_" not in t] + ["a-b c'd e--f 'g h'", "İx Σς 2,000"]
    for text in texts:
        assert _WORDS_NO_UNDERSCORE.findall(text) == _WORDS_ONLY.findall(text)
    assert term_list("snake_case and x_y") == ["snake", "case", "and", "x", "y"]


def test_prepare_sentences_splits_in_workers_and_caches(ungdc, tmp_path, monkeypatch):
    """Large corpora: sentences split in worker processes equal the ones split on demand,
    are cached by content, read back in a new corpus object, and rebuilt when the cache
    entry is corrupt."""
    from discourse.corpus.cache import cache_file
    from discourse.text import parsed as parsed_module
    from discourse.text.sentences import _compute_spans

    monkeypatch.setenv("DISCOURSE_DATA", str(tmp_path))
    sample = ungdc.sample(parsed_module.PARSE_CACHE_MIN_DOCUMENTS, seed=5)
    parsed_module.prepare_sentences(sample, n_jobs=2)
    docs = list(sample)
    for d in docs[::17]:
        assert sentence_spans(d) == _compute_spans(d, False)
        assert sentence_spans(d, include_headings=True) == _compute_spans(d, True)
        assert list(parse(d).sentences) == _compute_spans(d, False)
    key = parsed_module._cache_key(sample)
    from discourse.corpus.paths import cache_dir

    entry = cache_file(cache_dir(), "sentences", key)
    assert entry.exists()

    calls = []
    monkeypatch.setattr(parsed_module, "_sentence_chunk",
                        lambda items: calls.append(len(items)) or
                        [parsed_module._sentence_arrays(it) for it in items])
    again = ungdc.sample(parsed_module.PARSE_CACHE_MIN_DOCUMENTS, seed=5)  # new objects
    parsed_module.prepare_sentences(again, n_jobs=1)
    assert calls == []  # read from the cache
    assert [sentence_spans(d) for d in again][::17] == [sentence_spans(d) for d in docs][::17]

    data = bytearray(entry.read_bytes())
    data[len(data) // 2] ^= 0xFF
    entry.write_bytes(bytes(data))
    third = ungdc.sample(parsed_module.PARSE_CACHE_MIN_DOCUMENTS, seed=5)
    with pytest.warns(UserWarning, match="corrupt cache entry"):
        parsed_module.prepare_sentences(third, n_jobs=1)
    assert sum(calls) == len(third)  # corrupt entry: rebuilt
    assert [sentence_spans(d) for d in third][::17] == [sentence_spans(d) for d in docs][::17]


def test_memory_is_bounded_by_the_documents_kept():
    from discourse.text import parsed as parsed_module

    docs = [Document(f"d{i}", "We act. Balance, not rivalry.") for i in range(600)]
    for d in docs:
        parse(d).terms()
    assert len(parsed_module._PARSED) <= parsed_module.PARSED_KEPT
    assert parse(docs[-1]) is parse(docs[-1])
