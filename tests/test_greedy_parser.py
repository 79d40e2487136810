"""The dependency parser decoded with arrays (extract/greedy_parser.py) sets spaCy's own
heads, labels and sentence starts on every token: whole seed articles and news articles
from other outlets, many at once as the pipeline streams them, and texts that take each
rule of the moves' validity (sentence starts preset on lines, a line that opens with a
full stop or a quote, where a break may mark the word after a preset start and the next
run is decoded again; one-token and empty docs, spaces); a doc with preset heads, or a
parser of another kind, is left to spaCy's component."""

import pytest
from spacy.attrs import DEP, HEAD, SENT_START

from tests.conftest import CORPUS, SHARED


@pytest.fixture(scope="module")
def pipelines():
    from extract import pipeline
    from extract.greedy_parser import GreedyParser

    ours = pipeline.load_nlp.__wrapped__()
    assert isinstance(ours.get_pipe("parser"), GreedyParser)
    with pytest.MonkeyPatch.context() as patch:  # the same pipeline with spaCy's own parser
        patch.setattr(pipeline, "with_greedy_parser", lambda nlp: nlp)
        spacys = pipeline.load_nlp.__wrapped__()
    assert not isinstance(spacys.get_pipe("parser"), GreedyParser)
    return spacys, ours


def _parses(docs):
    return [(d.to_array([HEAD, DEP, SENT_START]).tolist(), [t.is_sent_start for t in d]) for d in docs]


def _article_texts():
    seed = sorted(CORPUS.glob("*.txt"))
    news = sorted((SHARED / "gold" / "news" / "articles").glob("*"))
    return [p.read_text(encoding="utf-8") for p in seed + news]


def test_parses_are_spacys_on_articles_streamed_together(pipelines):
    from extract.pipeline import COMPONENT_BATCH

    spacys, ours = pipelines
    texts = _article_texts()
    assert len(texts) > 40
    parses = _parses(ours.pipe(texts, batch_size=64, component_cfg=COMPONENT_BATCH))
    assert parses == _parses(spacys.pipe(texts, batch_size=64, component_cfg=COMPONENT_BATCH))
    assert sum(len(p) for p, _ in parses) > 20000


@pytest.mark.parametrize("text", [
    pytest.param("Prices rose.\n. The index fell 3% on Monday.\n\" Shares fell 2%.", id="break-after-a-preset-start"),
    pytest.param("He said:\n\" Yes. We will.\"\n- 5% more\n* 20 jobs", id="quote-lines"),
    pytest.param("Revenue at Alphabet, which Sundar Pichai runs, rose 12% to $88.3 billion, the company said.",
                 id="one-sentence"),
    pytest.param("YANGON (AP) — The death toll rose to 3,000.\nOfficials said Lt. Matt Harris left.", id="placeline"),
    pytest.param("The  European   Central  Bank said   2,000  jobs went in  Paris .", id="spaces"),
    pytest.param("Microsoft", id="one-token"),
    pytest.param("", id="empty"),
    pytest.param("rates " * 600, id="cut-every-250-tokens"),
])
def test_parses_are_spacys_on_each_rule(pipelines, text):
    spacys, ours = pipelines
    assert _parses([ours(text)]) == _parses([spacys(text)])


def test_a_break_after_a_preset_start_is_decoded_again(pipelines, monkeypatch):
    from extract import greedy_parser

    spacys, ours = pipelines
    again = []
    decode = greedy_parser._Decoder._decode_runs
    monkeypatch.setattr(greedy_parser._Decoder, "_decode_runs",
                        lambda self, runs: again.append(len(runs) < len(self.run_start)) or decode(self, runs))
    text = "Prices rose.\n. The index fell 3% on Monday.\n\" Shares fell 2%."
    assert _parses([ours(text)]) == _parses([spacys(text)])
    assert any(again)


def test_preset_heads_are_left_to_spacy(pipelines):
    spacys, ours = pipelines
    text = "Janet Yellen told the Senate that inflation fell to 3% in March."

    def preset(nlp):
        doc = nlp.make_doc(text)
        doc[0].head = doc[1]
        doc[0].dep_ = "compound"
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return doc

    assert _parses([preset(ours)]) == _parses([preset(spacys)])


def test_a_parser_of_another_kind_is_kept(pipelines):
    from extract.greedy_parser import with_greedy_parser

    spacys, _ = pipelines
    parser = spacys.get_pipe("parser")
    beam = parser.cfg["beam_width"]
    parser.cfg["beam_width"] = 4
    try:
        assert with_greedy_parser(spacys).get_pipe("parser") is parser
    finally:
        parser.cfg["beam_width"] = beam
