"""The entity recogniser decoded with arrays (extract/greedy_ner.py) sets spaCy's own
entities on every token: whole seed articles and news articles from other outlets, many
at once as the pipeline streams them, and sentences that take each rule of the moves'
validity (entities at a doc's end, across a sentence start, around spaces, one-token
docs, empty docs); a doc with preset entities is left to spaCy's component."""

import pytest
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE

from tests.conftest import CORPUS, SHARED


@pytest.fixture(scope="module")
def pipelines():
    from extract import pipeline
    from extract.greedy_ner import GreedyEntityRecognizer

    ours = pipeline.load_nlp.__wrapped__()
    assert isinstance(ours.get_pipe("ner"), GreedyEntityRecognizer)
    with pytest.MonkeyPatch.context() as patch:  # the same pipeline with spaCy's own recogniser
        patch.setattr(pipeline, "with_greedy_ner", lambda nlp: nlp)
        spacys = pipeline.load_nlp.__wrapped__()
    assert not isinstance(spacys.get_pipe("ner"), GreedyEntityRecognizer)
    return spacys, ours


def _entities(docs):
    return [(d.to_array([ENT_IOB, ENT_TYPE, ENT_KB_ID]).tolist(), [(e.start, e.end, e.label_) for e in d.ents])
            for d in docs]


def _article_texts():
    seed = sorted(CORPUS.glob("*.txt"))
    news = sorted((SHARED / "gold" / "news" / "articles").glob("*"))
    return [p.read_text(encoding="utf-8") for p in seed + news]


def test_entities_are_spacys_on_articles_streamed_together(pipelines):
    spacys, ours = pipelines
    texts = _article_texts()
    assert len(texts) > 40
    ents = _entities(ours.pipe(texts, batch_size=16))
    assert ents == _entities(spacys.pipe(texts, batch_size=16))
    assert sum(len(e) for _, e in ents) > 1000


@pytest.mark.parametrize("text", [
    pytest.param("Revenue at Alphabet rose 12% to $88.3 billion, Sundar Pichai said on Tuesday.", id="ends-on-a-date"),
    pytest.param("Prime Minister Keir Starmer met the International Monetary Fund in Washington DC", id="entity-at-doc-end"),
    pytest.param("He joined the New York Times.\nThe Federal Reserve held rates at 4.5%.", id="sentence-start-next"),
    pytest.param("The  European   Central  Bank said   2,000  jobs went in  Paris .", id="spaces"),
    pytest.param("Microsoft", id="one-token"),
    pytest.param("", id="empty"),
    pytest.param("Shares of Tesla Inc. and Ford Motor Co. fell 3% on Wall Street, Reuters reported.", id="abbreviations"),
])
def test_entities_are_spacys_on_each_rule(pipelines, text):
    spacys, ours = pipelines
    assert _entities([ours(text)]) == _entities([spacys(text)])


def test_preset_entities_are_left_to_spacy(pipelines):
    from spacy.tokens import Span

    spacys, ours = pipelines
    text = "Janet Yellen told the Senate that inflation fell to 3% in March."

    def preset(nlp):
        doc = nlp.make_doc(text)
        doc.set_ents([Span(doc, 0, 2, label="PERSON")], default="unmodified")
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return doc

    assert _entities([preset(ours)]) == _entities([preset(spacys)])
