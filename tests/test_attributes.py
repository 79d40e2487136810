"""The attribute ruler applied with arrays (extract/attributes.py) sets exactly what
spaCy's own ruler sets: POS, morphology, lemma, tag and dependency of every token."""

import pytest

from tests.conftest import CORPUS, SHARED

ATTRS = ("pos_", "morph", "lemma_", "tag_", "dep_")


@pytest.fixture(scope="module")
def pipelines():
    import spacy

    from extract.attributes import ArrayAttributeRuler, with_array_attributes
    from extract.pipeline import DEFAULT_MODEL

    spacy_ruler = spacy.load(DEFAULT_MODEL)
    array_ruler = with_array_attributes(spacy.load(DEFAULT_MODEL))
    assert isinstance(array_ruler.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    return spacy_ruler, array_ruler


def _texts():
    seed = sorted(CORPUS.glob("*.txt"))[:3]
    news = sorted((SHARED / "gold" / "news" / "articles").glob("*"))[:3]
    return [pytest.param(p, id=p.name) for p in seed + news]


@pytest.mark.parametrize("path", _texts())
def test_array_ruler_sets_what_spacy_ruler_sets(pipelines, path):
    spacy_ruler, array_ruler = pipelines
    text = path.read_text(encoding="utf-8")
    a, b = spacy_ruler(text), array_ruler(text)
    assert [[str(getattr(t, x)) for x in ATTRS] for t in a] == [[str(getattr(t, x)) for x in ATTRS] for t in b]


@pytest.mark.parametrize("text", [
    pytest.param("I ain't gonna say it wasn't there, y'all. Let's see what's nothin' here.", id="contractions"),
    pytest.param("There are 40 of them, and it is what it is: you and I saw it.\n\n  Gotta go.", id="expletive-spaces"),
    pytest.param("But the company did not say whether sales fell 3% because of that.", id="sconj-not"),
])
def test_array_ruler_on_the_ruler_exceptions(pipelines, text):
    spacy_ruler, array_ruler = pipelines
    a, b = spacy_ruler(text), array_ruler(text)
    assert [[str(getattr(t, x)) for x in ATTRS] for t in a] == [[str(getattr(t, x)) for x in ATTRS] for t in b]


def test_array_ruler_in_a_batch_sets_what_spacy_ruler_sets_per_doc(pipelines):
    """nlp.pipe hands the ruler a batch: a multi-token rule never matches across two docs
    ('y' + 'all', 'let' + "'s" end one doc and start the next here)."""
    spacy_ruler, array_ruler = pipelines
    texts = [p.values[0].read_text(encoding="utf-8")[:3000] for p in _texts()]
    texts += ["Thanks, y", "all of them came.", "We went there. Let", "'s see what is there", "is nothing."]
    a = [spacy_ruler(t) for t in texts]
    b = list(array_ruler.pipe(texts, batch_size=64))
    assert [[[str(getattr(t, x)) for x in ATTRS] for t in d] for d in a] == \
           [[[str(getattr(t, x)) for x in ATTRS] for t in d] for d in b]
