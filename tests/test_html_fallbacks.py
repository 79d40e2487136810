"""A fallback step of the HTML cleaner that fails is recorded on the Article with its reason, never swallowed."""

import pytest

from extract.article import clean_html

PAGES = [
    ("<html><head><title>Output</title></head><body><article><p>Factory output fell 5% in May from a year "
     "earlier, the statistics office said on Friday.</p></article></body></html>", "fell 5%"),
    ("<html><body><main><h1>Results</h1><p>The retailer said comparable sales rose 3.2% in the quarter, "
     "helped by a stronger holiday season.</p></main></body></html>", "rose 3.2%"),
]


@pytest.mark.parametrize("page, figure", PAGES, ids=["statistics-office", "retailer"])
def test_a_failing_extractor_is_recorded_and_ours_is_used(monkeypatch, page, figure):
    import trafilatura

    def broken(*args, **kwargs):
        raise RuntimeError("parser blew up")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    article = clean_html(page)
    assert figure in article.text
    assert "trafilatura: RuntimeError: parser blew up" in article.rejected


@pytest.mark.parametrize("page, figure", PAGES, ids=["statistics-office", "retailer"])
def test_a_page_whose_steps_all_work_records_nothing(page, figure):
    assert clean_html(page).rejected == []
