"""The lexeme attribute functions of extract/lex_attrs.py give spaCy's own value for every
string: each word form of the seed and news texts, every character of the basic plane
(and a sample of the others), and forms
made to take each branch (signs, fractions, ordinals, URLs, runs of one shape)."""

import sys

import pytest

from extract.lex_attrs import FASTER, with_fast_lexeme_attributes
from tests.conftest import CORPUS, SHARED


def _forms() -> list[str]:
    paths = sorted(CORPUS.glob("*.txt")) + sorted((SHARED / "gold" / "news" / "articles").glob("*"))
    forms = {w for p in paths for w in p.read_text(encoding="utf-8", errors="replace").split()}
    forms |= {w.strip(".,;:!?\"'()[]“”‘’") for w in forms} - {""}
    forms |= {chr(c) for c in range(0x10000)} | {chr(c) for c in range(0x10000, sys.maxunicode + 1, 61)}
    forms |= {"+5", "-3.5", "±2", "~10", "1,000", "3/4", "1/2/3", "twenty", "Twentieth", "21st", "2nd", "x1st",
              "http://a", "https://b.c", "www.x", "www.", "a.com", "a.com:80", "b.zz", "x.y/", ".com", "com.",
              "a@b.com", "abc", "AAAAAAbbbbbb", "1234567", "x" * 99, "x" * 100, "Ünïcödé", "ǅemal", "²³",
              "!!!!!!!", "\n\n\n\n\n\n", "MiXeD-Case_99"}
    return sorted(forms)


@pytest.fixture(scope="module")
def forms():
    return _forms()


@pytest.mark.parametrize("spacy_getter", list(FASTER), ids=lambda f: f.__name__)
def test_each_faster_getter_gives_spacys_value(spacy_getter, forms):
    faster = FASTER[spacy_getter]
    differ = [w for w in forms if faster(w) != spacy_getter(w)]
    assert differ[:10] == []


def test_the_pipeline_vocabulary_takes_the_faster_getters():
    import spacy

    from extract.pipeline import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    before = dict(nlp.vocab.lex_attr_getters)
    with_fast_lexeme_attributes(nlp)
    after = nlp.vocab.lex_attr_getters
    assert after.keys() == before.keys()
    assert [attr for attr in before if before[attr] in FASTER and after[attr] is not FASTER[before[attr]]] == []
    assert sum(before[attr] is not after[attr] for attr in before) == len(FASTER)
    doc = nlp("Revenue rose 21% to $1,000.5 million in the 2nd quarter; see www.example.com.")
    assert [(t.like_num, t.like_url, t.shape_, t.is_ascii, t.lower_, t.prefix_, t.suffix_) for t in doc] == \
        [(t.like_num, t.like_url, t.shape_, t.is_ascii, t.lower_, t.prefix_, t.suffix_)
         for t in spacy.load(DEFAULT_MODEL)(doc.text)]
