"""Feeds (RSS, Atom) and URL lists, from fixture files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from extract.records import Source
from extract.feeds import FeedError, UrlListError, feed_links, is_feed, parse_url_list, read_url_list
from extract.read import read_path

FIXTURES = Path(__file__).parent / "fixtures" / "fetch"


def source(name: str, url: str | None = "https://news.example.com/feed.rss") -> Source:
    return read_path(str(FIXTURES / name)).model_copy(update={"url": url, "final_url": url})


@pytest.mark.parametrize(
    "name, expected",
    [("feed.rss", True), ("feed.atom", True), ("feed-cp1252.rss", True), ("dtd-entities.rss", True),
     ("article.html", False), ("not-a-feed.xml", False), ("urls.txt", False)],
    ids=["rss", "atom", "rss-cp1252", "rss-with-dtd", "html", "sitemap", "text"],
)
def test_is_feed(name, expected):
    assert is_feed(source(name)) is expected


def test_is_feed_rss1_rdf():
    text = '<?xml version="1.0"?>\n<!-- x -->\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
    src = Source(doc="x", raw=text.encode(), media_type="text/plain", text=text, encoding="utf-8")
    assert is_feed(src)


@pytest.mark.parametrize(
    "name, url, links",
    [
        ("feed.rss", "https://news.example.com/feed.rss",
         ["https://news.example.com/2026/first", "https://news.example.com/2026/relative",
          "https://news.example.com/2026/guid", "https://news.example.com/2026/caf%C3%A9"]),
        ("feed.atom", "https://elsewhere.example.net/atom", ["https://blog.example.org/posts/one",
                                                              "https://blog.example.org/posts/two"]),
        ("feed-cp1252.rss", None, ["https://news.example.com/cafe"]),
    ],
    ids=["rss2", "atom-xml-base", "rss-cp1252-file"],
)
def test_feed_links(name, url, links):
    assert feed_links(source(name, url)) == links


def test_rss1_items():
    text = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://x.example/"><title>x</title><link>https://x.example/</link></channel>
  <item rdf:about="https://x.example/a"><title>a</title><link>https://x.example/a</link></item>
  <item rdf:about="https://x.example/b"><title>b</title><link>https://x.example/b</link></item>
</rdf:RDF>"""
    src = Source(doc="x", raw=text.encode(), media_type="application/xml", text=text, encoding="utf-8")
    assert feed_links(src) == ["https://x.example/a", "https://x.example/b"]


def test_non_http_links_dropped():
    text = ('<rss version="2.0"><channel><item><link>javascript:alert(1)</link></item>'
            '<item><link>mailto:a@b.c</link></item><item><link>https://ok.example/x</link></item></channel></rss>')
    src = Source(doc="x", raw=text.encode(), media_type="application/rss+xml", text=text, encoding="utf-8")
    assert feed_links(src) == ["https://ok.example/x"]


@pytest.mark.parametrize(
    "name, message",
    [
        ("dtd-entities.rss", "refused: the feed declares a DTD (<!DOCTYPE rss>)"),
        ("external-entity.rss", "refused: the feed declares a DTD (<!DOCTYPE rss>)"),
        ("malformed.rss", "malformed XML (line 2: mismatched tag)"),
        ("not-a-feed.xml", "not an RSS or Atom feed (root element <sitemap>)"),
        ("article.html", "malformed XML (line 1: syntax error)"),
    ],
    ids=["internal-dtd-entities", "external-dtd", "malformed", "not-a-feed", "html"],
)
def test_feed_errors(name, message):
    with pytest.raises(FeedError) as info:
        feed_links(source(name))
    assert str(info.value) == message


def test_billion_laughs_refused_fast():
    lol = ['<!ENTITY l0 "lol">'] + [f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    text = f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(lol)}]><rss><channel><item><link>&l9;</link></item></channel></rss>'
    src = Source(doc="x", raw=text.encode(), media_type="application/rss+xml", text=text, encoding="utf-8")
    t0 = time.monotonic()
    with pytest.raises(FeedError, match="DTD"):
        feed_links(src)
    assert time.monotonic() - t0 < 1.0


def test_entity_without_dtd_is_malformed():
    text = '<rss version="2.0"><channel><item><link>https://x.example/&nbsp;</link></item></channel></rss>'
    src = Source(doc="x", raw=text.encode(), media_type="application/rss+xml", text=text, encoding="utf-8")
    with pytest.raises(FeedError, match=r"^malformed XML \(line 1: undefined entity\)$"):
        feed_links(src)


# --- URL lists -----------------------------------------------------------------------------------

def test_read_url_list():
    assert read_url_list(FIXTURES / "urls.txt") == [
        "https://news.example.com/2026/first",
        "https://news.example.com/2026/second",
        "http://blog.example.org/posts/one",
    ]


def test_read_url_list_reports_bad_lines():
    path = FIXTURES / "urls-bad.txt"
    with pytest.raises(UrlListError) as info:
        read_url_list(str(path))
    assert info.value.lines == [2, 5, 6, 8]
    assert str(info.value) == f"{path}: not an http(s) URL on lines 2, 5, 6, 8"
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "content, message",
    [(b"https://a.example/\nnot a url\n", "not an http(s) URL on line 2"),
     (b"\xff\xfe\x00garbage", "not UTF-8 text"),
     ("\n".join(["x"] * 12).encode(), "not an http(s) URL on lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more")],
    ids=["one-bad-line", "not-utf8", "many-bad-lines"],
)
def test_read_url_list_errors(tmp_path, content, message):
    path = tmp_path / "urls.txt"
    path.write_bytes(content)
    with pytest.raises(UrlListError) as info:
        read_url_list(path)
    assert str(info.value) == f"{path}: {message}"


def test_read_url_list_missing_file(tmp_path):
    path = tmp_path / "nope.txt"
    with pytest.raises(UrlListError, match=r"nope\.txt: cannot read: No such file or directory$"):
        read_url_list(path)


def test_read_url_list_empty_and_bom(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_bytes(b"\xef\xbb\xbf# only comments\n\n")
    assert read_url_list(path) == []
    path.write_bytes(b"\xef\xbb\xbfhttps://a.example/x\r\n")
    assert read_url_list(path) == ["https://a.example/x"]


def test_parse_url_list_keeps_good_urls_and_names_each_bad_line():
    parsed = parse_url_list(FIXTURES / "urls-bad.txt")
    assert parsed.urls == ["https://news.example.com/ok", "https://news.example.com/also-ok"]
    assert parsed.bad_lines == [
        (2, "ftp://files.example.com/a.txt"),
        (5, "file:///etc/passwd"),
        (6, "news.example.com/no-scheme"),
        (8, "http://"),
    ]


def test_parse_url_list_unreadable_file_is_an_error(tmp_path):
    path = tmp_path / "latin1.urls"
    path.write_bytes("https://a.example/caf\xe9\n".encode("latin-1"))
    with pytest.raises(UrlListError, match="not UTF-8 text"):
        parse_url_list(path)
