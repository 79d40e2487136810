"""What framing looks up once per doc or sentence (issue 18: framing was quadratic in the
length of a paragraph) gives exactly what spaCy's own walks give, on real articles from
two outlets and on the same sentences run together without full stops."""

from pathlib import Path

import pytest

from extract.frame.context import sent_text, sent_tokens, span_ents
from extract.frame.kind import _outside_other_figures
from extract.frame.syntax import clause_head, clause_heads
from extract.prefilter import compose, select
from extract.quantities import find_quantities

REPO = Path(__file__).resolve().parents[1]
ARTICLES = {
    "seed": REPO / "corpus" / "000_e6b6c2c44118debd.txt",
    "news": REPO.parent / "shared" / "gold" / "news" / "articles" / "05844573ca7e1fba.txt",
}


def _text(which: str, run_on: bool) -> str:
    path = ARTICLES[which]
    if not path.is_file():
        pytest.skip(f"{path} not found")
    text = path.read_text(encoding="utf-8")
    if run_on:  # one paragraph, no full stop ending a sentence
        text = " ".join(text.split()).replace(". ", ", ")
    return text


CASES = [pytest.param(which, run_on, id=f"{which}-{'run-on' if run_on else 'as-written'}")
         for which in ARTICLES for run_on in (False, True)]


@pytest.mark.parametrize("which,run_on", CASES)
def test_sentence_lookups_equal_spacys_walks(nlp, which, run_on):
    doc = nlp(_text(which, run_on))
    for sent in doc.sents:
        assert [(e.start, e.end, e.label_) for e in span_ents(sent)] == \
            [(e.start, e.end, e.label_) for e in sent.ents]
        assert sent_text(sent) == sent.text
        assert [t.i for t in sent_tokens(sent)] == [t.i for t in sent]
        assert clause_heads(sent) == [clause_head(t).i for t in sent]


def _outside_other_figures_walked(sent, q):
    """_outside_other_figures as it was, walking every token's children and ancestors."""
    span = sent.doc.char_span(q.start, q.end, alignment_mode="expand")
    mine = range(span.start, span.end) if span is not None else range(0)

    def on_other_figure(t):
        if any(c.dep_ in ("nummod", "compound") and (c.like_num or c.ent_type_ in ("MONEY", "PERCENT"))
               and c.i not in mine for c in t.children):
            return True
        return any(a.dep_ in ("relcl", "acl") and (a.head.like_num or a.head.ent_type_ in ("MONEY", "PERCENT"))
                   and a.head.i not in mine for a in [t] + list(t.ancestors))
    return [t.i for t in sent if not on_other_figure(t)]


@pytest.mark.parametrize("which,run_on", CASES)
def test_tokens_outside_other_figures_equal_the_walk(nlp, which, run_on):
    doc = nlp(_text(which, run_on))
    sents = list(doc.sents)
    figures = find_quantities(doc.text)
    assert figures
    for q in figures:
        sent = next(s for s in sents if s.start_char <= q.start < s.end_char)
        assert [t.i for t in _outside_other_figures(sent, q)] == _outside_other_figures_walked(sent, q)


@pytest.mark.parametrize("which", list(ARTICLES))
def test_composed_offsets_map_back_as_a_scan_of_every_piece_does(which):
    text = _text(which, run_on=False)
    figures = find_quantities(text)
    composed = compose(text, select(text, figures))
    assert len(composed.pieces) > 1
    for pos in range(len(composed.text) + 1):
        c, o, n = [p for p in composed.pieces if p[0] <= pos][-1]
        assert composed.original(pos) == o + min(pos - c, n)
    carried = composed.carry(figures)
    scanned = [(c + q.start - o, c + q.end - o) for q in figures for c, o, n in composed.pieces
               if o <= q.start and q.end <= o + n]
    assert [(q.start, q.end) for q in carried] == scanned
    assert all(composed.text[q.start:q.end] == q.surface for q in carried)
