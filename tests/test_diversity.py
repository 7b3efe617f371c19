"""Lexical diversity: hand-computed cases, NaN policy, and agreement with lexicalrichness.

Oracle: lexicalrichness 0.5.1 (MIT), given OUR token list (tokenizer=None), so the only
possible differences are in the algorithms. Expected: identical to 1e-9 for TTR, root TTR,
MATTR, MTLD and HD-D (same algorithms; MATTR is summed in integers here and in floats there,
HD-D is a product here and scipy's hypergeom.pmf there: both differ by ~1e-15). MSTTR
differs by design only when the token count is a multiple of the segment: lexicalrichness
then drops the last *complete* segment too (its ``discard`` deletes the last score
unconditionally); we drop only an incomplete one.
"""
import math
import random
import warnings

import pytest

from discourse.corpus.documents import Corpus
from discourse.rhetoric.diversity import (DIVERSITY_COLUMNS, DIVERSITY_SCORES, hdd, lexical_diversity,
                                 mattr, msttr, mtld, stat_diversity)
from discourse.errors import InputError
from discourse.text.tokens import term_list


def _naive_mattr(tokens, w):
    return sum(len(set(tokens[i:i + w])) for i in range(len(tokens) - w + 1)) / \
        (w * (len(tokens) - w + 1))


def test_hand_computed():
    toks = "a b a c b a".split()  # 6 tokens, 3 types
    d = lexical_diversity(toks, window=3, segment=4, draws=2)
    assert d["ttr"] == 0.5 and d["root_ttr"] == pytest.approx(3 / math.sqrt(6))
    # windows aba(2) bac(3) acb(3) cba(3): 11 / (3 * 4)
    assert d["mattr"] == pytest.approx(11 / 12)
    # segments "a b a c" (3 types; "b a" left out): 3 / 4
    assert d["msttr"] == 0.75
    # HD-D, N = 6, draws = 2: P(X=0) = C(6-f, 2) / C(6, 2); a f=3: 3/15, b f=2: 6/15, c f=1: 10/15
    assert d["hdd"] == pytest.approx(((1 - 3 / 15) + (1 - 6 / 15) + (1 - 10 / 15)) / 2)
    # MTLD forward: a b a -> TTR 2/3 <= 0.72: factor 1; c b a -> TTR 1: partial 0 -> 1 factor
    # backward: a b c a -> 3/4 > 0.72, then b -> 3/5 <= 0.72: factor 1; a -> partial 0
    assert d["mtld"] == pytest.approx((6 / 1 + 6 / 1) / 2)
    # a partial factor: a b c a (no factor completed): (1 - 3/4) / 0.28 each way
    assert mtld("a b c a".split()) == pytest.approx(4 / (0.25 / 0.28))
    # a factor ends when the TTR reaches the threshold exactly (<=, as lexicalrichness):
    # forward, 18 new types then 7 repeats: 18/25 = 0.72 ends a factor on the last token (1
    # factor, 25); backward: "0 0" x3 are 3 factors, then 18 tokens, 18 types + "0" = 18/19
    # -> partial (1 - 18/19) / 0.28
    toks = [str(i) for i in range(18)] + ["0"] * 7
    backward = 3 + (1 - 18 / 19) / 0.28
    assert mtld(toks) == pytest.approx((25 / 1 + 25 / backward) / 2, abs=1e-12)
    from lexicalrichness import LexicalRichness

    assert mtld(toks) == pytest.approx(LexicalRichness(toks, None, None).mtld(0.72), abs=1e-12)


def test_mattr_sliding_equals_naive():
    rng = random.Random(3)
    for _ in range(50):
        toks = [rng.choice("abcdefghij") for _ in range(rng.randint(1, 120))]
        for w in (1, 5, 50):
            expected = _naive_mattr(toks, w) if len(toks) >= w else math.nan
            assert mattr(toks, w) == pytest.approx(expected, abs=1e-12, nan_ok=True)


BAD = {"empty": [], "single word": ["sovereignty"], "all distinct": ["a", "b", "c", "d"],
       "all caps": term_list("THE CAT SAT ON THE MAT"), "arabic": term_list("السياسة الخارجية السورية")}


@pytest.mark.parametrize("case", list(BAD))
def test_short_and_odd_input(case):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        d = lexical_diversity(BAD[case])
    # fewer than 42 tokens: no MATTR, MSTTR, HD-D
    assert math.isnan(d["mattr"]) and math.isnan(d["msttr"]) and math.isnan(d["hdd"])
    if case == "empty":
        assert (d["n_tokens"], d["n_types"]) == (0, 0)
        assert all(math.isnan(d[k]) for k in DIVERSITY_SCORES)
    elif case in ("single word", "all distinct", "arabic"):
        assert d["ttr"] == 1.0 and math.isnan(d["mtld"])  # no repetition: MTLD undefined
    else:  # all caps: lowercased by the tokens, "the" repeated
        assert d["n_types"] == 5 and d["ttr"] == 5 / 6 and math.isfinite(d["mtld"])


def test_thresholds_of_definition():
    toks = [str(i % 30) for i in range(50)]
    d = lexical_diversity(toks)
    assert d["mattr"] == 30 / 50 and d["msttr"] == 30 / 50 and math.isfinite(d["hdd"])
    assert math.isnan(lexical_diversity(toks[:49])["mattr"])
    assert math.isnan(lexical_diversity(toks[:41])["hdd"])
    assert math.isfinite(lexical_diversity(toks[:42])["hdd"])


def test_parameters_and_table():
    with pytest.raises(InputError, match="list of tokens, got a str"):
        lexical_diversity("a b c")
    with pytest.raises(InputError, match="list of str"):
        lexical_diversity([1, 2])
    with pytest.raises(InputError, match="'window' parameter of lexical_diversity"):
        lexical_diversity(["a"], window=0)
    with pytest.raises(InputError, match="'threshold' parameter"):
        lexical_diversity(["a"], threshold=1.0)
    with pytest.raises(InputError, match="expects a Corpus"):
        stat_diversity(["a"])
    with pytest.raises(InputError, match="unexpected parameter"):
        stat_diversity(Corpus.from_texts(["a"]), windw=3)
    corp = Corpus.from_texts(["Balance, balance and restraint in 2025.", ""], ids=["a", "b"])
    table = stat_diversity(corp)
    assert list(table.columns) == DIVERSITY_COLUMNS and table["doc_id"].tolist() == ["a", "b"]
    assert table.loc[0, "n_tokens"] == 5 and table.loc[0, "ttr"] == 0.8  # 2025 dropped
    assert table.loc[1, DIVERSITY_SCORES].isna().all()


def test_agreement_with_lexicalrichness(article, ungdc):
    from lexicalrichness import LexicalRichness

    docs = list(article) + list(ungdc.sample(50, seed=1))
    table = stat_diversity(Corpus.from_documents(docs))
    worst = dict.fromkeys(DIVERSITY_SCORES, 0.0)
    for doc, row in zip(docs, table.itertuples()):
        toks = term_list(doc.body_text(), numbers="drop")
        assert row.n_tokens == len(toks) >= 100
        lr = LexicalRichness(toks, preprocessor=None, tokenizer=None)
        ref = {"ttr": lr.ttr, "root_ttr": lr.rttr, "mattr": lr.mattr(window_size=50),
               "mtld": lr.mtld(threshold=0.72), "hdd": lr.hdd(draws=42)}
        if len(toks) % 50:
            ref["msttr"] = lr.msttr(segment_window=50)
        else:  # lexicalrichness drops the last complete segment too (BLZ_70_2015 here)
            assert lr.msttr(segment_window=50) == pytest.approx(msttr(toks[:-50], 50), abs=1e-12)
            segments = [toks[j:j + 50] for j in range(0, len(toks), 50)]
            ref["msttr"] = sum(len(set(s)) / 50 for s in segments) / len(segments)
        for name, value in ref.items():
            worst[name] = max(worst[name], abs(getattr(row, name) - value))
    print("\nmax |ours - lexicalrichness| over", len(docs), "texts:", worst)
    assert all(v <= 1e-9 for v in worst.values()), worst


def test_random_texts_exact_against_lexicalrichness():
    from lexicalrichness import LexicalRichness

    rng = random.Random(7)
    for _ in range(100):
        toks = [str(rng.randint(0, rng.randint(5, 200))) for _ in range(rng.randint(60, 400))]
        d = lexical_diversity(toks)
        lr = LexicalRichness(toks, preprocessor=None, tokenizer=None)
        assert d["mattr"] == pytest.approx(lr.mattr(50), abs=1e-9)
        assert d["mtld"] == pytest.approx(lr.mtld(0.72), abs=1e-9)
        assert d["hdd"] == pytest.approx(lr.hdd(42), abs=1e-9)
        assert hdd(toks) == d["hdd"] and mattr(toks) == d["mattr"]
