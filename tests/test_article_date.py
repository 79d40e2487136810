"""An article's publication date when the page states none: its URL's path, else --date."""

import datetime as dt
import json

import pytest

from extract.article import article_from_source
from extract.dates import date_from_url
from extract.records import Source
from tests.conftest import run_claims


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.example-times.com/2019/11/19/business/retail-sales.html", dt.date(2019, 11, 19)),
        ("https://www.example-broadcaster.co.uk/news/2019-11-19-retail-sales-rise", dt.date(2019, 11, 19)),
        ("https://example-guardian.com/business/2019/nov/19/retail-sales-rise", dt.date(2019, 11, 19)),
        ("https://wire.example.com/article/20191119/retail-sales", dt.date(2019, 11, 19)),
        ("https://wire.example.com/article/20191119-retail-sales", dt.date(2019, 11, 19)),
        ("https://www.example-times.com/2019/11/business/retail-sales.html", None),  # month only: no day invented
        ("https://wire.example.com/article/20191345/retail-sales", None),  # not a date
        ("https://wire.example.com/story/12345678/retail-sales", None),  # an id, not a year
        ("https://example.com/retail-sales?d=2019/11/19", None),  # the query is no path
        (None, None),
    ],
    ids=["newspaper-slashes", "broadcaster-dashes", "month-name", "eight-digits", "eight-digits-slug",
         "month-only", "impossible-month", "numeric-id", "query", "no-url"],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


def _page(head: str = "") -> str:
    return (
        f"<html><head><title>Retail sales rise</title>{head}</head><body><article>"
        "<p>Retail sales rose 5% in October, the statistics office said on Tuesday.</p>"
        "<p>Shops reported that footfall rose by 3% over the same period.</p>"
        "</article></body></html>"
    )


def _html_source(url: str, head: str = "", date: dt.date | None = None) -> Source:
    text = _page(head)
    return Source(doc=url, raw=text.encode(), media_type="text/html", text=text, encoding="utf-8",
                  url=url, final_url=url, date=date)


@pytest.mark.parametrize(
    "url, head, given, expected",
    [
        ("https://www.example-times.com/2019/11/19/business/retail-sales.html", "", None, dt.date(2019, 11, 19)),
        ("https://www.example-broadcaster.co.uk/news/2019-11-19-retail-sales", "", None, dt.date(2019, 11, 19)),
        ("https://www.example-times.com/2019/11/19/business/retail-sales.html",
         '<meta property="article:published_time" content="2019-11-20T08:00:00Z">', None, dt.date(2019, 11, 20)),
        ("https://www.example-broadcaster.co.uk/news/2019-11-19-retail-sales",
         '<meta name="date" content="2019-11-21">', dt.date(2020, 1, 1), dt.date(2019, 11, 21)),
        ("https://www.example-broadcaster.co.uk/news/2019-11-19-retail-sales", "", dt.date(2020, 1, 1),
         dt.date(2019, 11, 19)),
    ],
    ids=["newspaper-url", "broadcaster-url", "meta-date-kept", "meta-date-beats-given", "url-beats-given"],
)
def test_html_article_date(url, head, given, expected):
    assert article_from_source(_html_source(url, head, given)).date == expected


def test_text_source_url_date():
    text = "Retail sales rose 5% last month, the statistics office said.\n"
    url = "https://www.example-broadcaster.co.uk/news/2019-11-19-retail-sales.txt"
    source = Source(doc=url, raw=text.encode(), media_type="text/plain", text=text, encoding="utf-8", url=url)
    assert article_from_source(source).date == dt.date(2019, 11, 19)


@pytest.mark.parametrize(
    "sentence, given, period",
    [
        ("Sales rose 5% last month.", "2019-11-20", "2019-10"),
        ("The council said unemployment fell to 4.2% last month.", "2021-03-02", "2021-02"),
    ],
    ids=["retail-last-month", "council-last-month"],
)
def test_extract_date_option_resolves_relative_period(tmp_path, sentence, given, period):
    path = tmp_path / "story.txt"
    path.write_text(sentence + "\n", encoding="utf-8")
    out = run_claims("extract", str(path), "--date", given).stdout
    periods = [json.loads(line)["period"] for line in out.splitlines()]
    assert period in periods


def test_run_date_option_stores_published(tmp_path):
    import sqlite3

    path = tmp_path / "story.txt"
    path.write_text("Sales rose 5% last month.\n", encoding="utf-8")
    db = tmp_path / "c.db"
    run_claims("run", str(path), "--db", str(db), "--date", "2019-11-20")
    with sqlite3.connect(db) as conn:
        periods = [r[0] for r in conn.execute("select period from claims")]
    assert "2019-10" in periods


@pytest.mark.parametrize("command", ["extract", "run"], ids=["extract", "run"])
def test_invalid_date_is_one_line_error(tmp_path, command):
    path = tmp_path / "story.txt"
    path.write_text("Sales rose 5% last month.\n", encoding="utf-8")
    args = [command, str(path), "--date", "2019-13-45"] + (["--db", str(tmp_path / "c.db")] if command == "run" else [])
    proc = run_claims(*args, check=False)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "--date" in proc.stderr
