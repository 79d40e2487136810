"""The rule lemmatizer answering from sets and a cache (extract/lemmas.py) gives spaCy's
own lemma for every token: seed articles, news articles from other outlets, and
sentences whose words take each branch (base forms, proper nouns, exceptions, rules)."""

import pytest

from tests.conftest import CORPUS, SHARED


@pytest.fixture(scope="module")
def pipelines():
    import spacy

    from extract.attributes import with_array_attributes
    from extract.lemmas import with_fast_lemmas
    from extract.pipeline import DEFAULT_MODEL

    spacy_lemmas = with_array_attributes(spacy.load(DEFAULT_MODEL))
    fast_lemmas = with_fast_lemmas(with_array_attributes(spacy.load(DEFAULT_MODEL)))
    assert fast_lemmas.get_pipe("lemmatizer").lemmatize.__module__ == "extract.lemmas"
    return spacy_lemmas, fast_lemmas


def _texts():
    seed = sorted(CORPUS.glob("*.txt"))[:4]
    news = sorted((SHARED / "gold" / "news" / "articles").glob("*"))[:6]
    return [pytest.param(p, id=p.name) for p in seed + news]


def _lemmas(nlp, text):
    return [(t.text, t.pos_, t.lemma_) for t in nlp(text)]


@pytest.mark.parametrize("path", _texts())
def test_fast_lemmas_are_spacys_on_articles(pipelines, path):
    spacy_lemmas, fast_lemmas = pipelines
    text = path.read_text(encoding="utf-8")
    assert _lemmas(fast_lemmas, text) == _lemmas(spacy_lemmas, text)


@pytest.mark.parametrize("text", [
    pytest.param("Shares fell 4% after the companies said revenues had risen to $3.2 billion.", id="rules-and-index"),
    pytest.param("The mice were better fed than the geese; analysts went further and saw worse.", id="exceptions"),
    pytest.param("Ms. Okafor told Reuters that Globex's UK arm hired 1,200 workers in Lagos.", id="proper-nouns"),
    pytest.param("They're running, he's run, we ran: 3-for-1 splits and e-mails, re-elected CEOs.", id="hyphens-and-clitics"),
])
def test_fast_lemmas_are_spacys_on_each_branch(pipelines, text):
    spacy_lemmas, fast_lemmas = pipelines
    # twice: the second answer comes from the cache
    assert _lemmas(fast_lemmas, text) == _lemmas(spacy_lemmas, text) == _lemmas(fast_lemmas, text)
