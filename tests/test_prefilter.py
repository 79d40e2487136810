"""The cheap first pass (extract/prefilter.py): the trained pipeline reads only the
sentences that can hold a claim, and the claims come out exactly as if it had read all."""

import pytest

from extract.pipeline import article_from_source, extract_claims
from extract.prefilter import compose, select, sentence_spans
from extract.quantities import find_quantities
from extract.read import read_path
from tests.conftest import CORPUS

SPLITS = [
    ("closing-quote-stays", "He said “it is six years.” Then it rose.", ["He said “it is six years.”", "Then it rose."]),
    ("abbreviation-before-lowercase", "Alphabet Inc. said revenue was $3B. Shares fell.",
     ["Alphabet Inc. said revenue was $3B.", "Shares fell."]),
    ("line-breaks", "First line\nSecond line. Third.", ["First line", "Second line.", "Third."]),
    ("figure-after-period", "Costs rose. $5 billion was spent.", ["Costs rose.", "$5 billion was spent."]),
    ("title-before-a-name", "Revenue rose 5%, said Dr. Lisa Su. Shares fell.",
     ["Revenue rose 5%, said Dr. Lisa Su.", "Shares fell."]),
    ("rank-before-a-name", "He was arrested, said Lt. Matt Harris.", ["He was arrested, said Lt. Matt Harris."]),
]


@pytest.mark.parametrize("text,sentences", [c[1:] for c in SPLITS], ids=[c[0] for c in SPLITS])
def test_sentence_spans(text, sentences):
    assert [text[s:e] for s, e in sentence_spans(text)] == sentences


def test_select_keeps_candidates_their_previous_sentence_and_time_context():
    text = ("The weather was fine. In 2026, the company changed course. Nobody expected it. "
            "It said revenue rose to $3 billion. Markets were calm.\n"
            "A new paragraph without figures. Another one.")
    kept = [text[s:e] for s, e in select(text, find_quantities(text))]
    assert kept == ["In 2026, the company changed course.", "Nobody expected it.",
                    "It said revenue rose to $3 billion."]


def test_select_reaches_back_past_a_sentence_that_points_back():
    text = ("Markets were calm. Coinbase is a case in point. Its chief executive said the company "
            "switched models. Spending has been cut by half.")
    kept = [text[s:e] for s, e in select(text, find_quantities(text))]
    assert kept == ["Coinbase is a case in point.", "Its chief executive said the company switched models.",
                    "Spending has been cut by half."]


def test_compose_maps_every_offset_back():
    text = "Intro. Skip me please. Before. It cost $3 billion. Skip too.\nNext para. It rose 5%."
    spans = select(text, find_quantities(text))
    composed = compose(text, spans)
    assert composed.text == "Before. It cost $3 billion.\nNext para. It rose 5%."
    for q in find_quantities(composed.text):
        s, e = composed.original(q.start), composed.original(q.end)
        assert text[s:e] == q.surface


def test_a_text_without_figures_needs_no_model():
    text = "Nothing to see here. Just words, and more words."
    assert select(text, find_quantities(text)) == []


# Counts the prefilter must pass to the parse, each the only figure of its text.
CANDIDATES = [
    ("quantity-across-a-sentence-cut", "Rs. 16 lakh was stolen from a Hyderabad CEO."),
    ("irregular-plural", "A woman beheaded six Muslim men who threatened her."),
    ("hyphenated-capitalised-modifier", "She shut down 125 RSS-affiliated schools in West Bengal."),
    ("listed-adjectives", "Obama puts 15 unelected, unaccountable bureaucrats in charge."),
    ("code-name-modifier", "He had a stroke after three COVID-19 vaccine doses."),
    ("headline-plural", "12,000 Doctors Just Urged the FDA to Put Cancer Warnings on Cheese"),
    ("object-of-counting-verb", "The blast at a religious school killed seven."),
    ("object-after-a-hedge-quake", "Strong earthquake rocks Taiwan, killing at least nine"),
    ("count-put-at-floods", "Authorities in Rio Grande do Sul put the death toll at 95 on Tuesday."),
    ("object-after-a-long-hedge-floods", "Floods in southern Brazil have killed as many as 83, officials said."),
]


@pytest.mark.parametrize("text", [c[1] for c in CANDIDATES], ids=[c[0] for c in CANDIDATES])
def test_prefilter_passes_counts_to_the_parse(nlp, text):
    from extract.records import Article

    art = Article(text=text, regions=[(0, len(text))])
    with_prefilter = [c.surface for c in extract_claims(art, "t.txt", nlp)]
    assert len(with_prefilter) == 1
    assert with_prefilter == [c.surface for c in extract_claims(art, "t.txt", nlp, prefilter=False)]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_claims_same_with_and_without_prefilter(nlp, path):
    """Identical, except a source credited more than a paragraph before the figure,
    which only the full parse carries that far."""
    art = article_from_source(read_path(str(path)))
    full = extract_claims(art, path.name, nlp, prefilter=False)
    fast = extract_claims(art, path.name, nlp, prefilter=True)
    drop = lambda c: {k: v for k, v in c.model_dump().items() if k != "source"}  # noqa: E731
    assert [drop(c) for c in fast] == [drop(c) for c in full]
    paragraphs = art.text.split("\n")
    for f, c in zip(fast, full):
        if f.source != c.source:
            at = art.text.count("\n", 0, c.start)
            near = "\n".join(paragraphs[max(0, at - 1):at + 1])
            assert c.source not in near, (c.surface, c.source, f.source)
