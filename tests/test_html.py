"""extract/html: real HTML in, main text and metadata out."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import sys
from pathlib import Path

import pytest

from extract.rule_files import BoilerplateRules
from extract.rules import RuleFileError, load_rules, read_toml, validate

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # the repo is not an installed package
    sys.path.insert(0, str(REPO))

from extract import html as html_mod  # noqa: E402
from extract.article import clean_html  # noqa: E402
from extract.html import CleanError  # noqa: E402
from extract.read import read_path  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "html"
SHARED = Path(os.environ.get("CLAIMS_SHARED") or REPO.parent / "shared")
BENCH = SHARED / "bench" / "article-extraction"

META_URL = "https://www.dailyledger.example/markets/acme?utm_source=feed"
JSONLD_URL = "https://northernpost.example/energy/grid-winter?ref=home"


def fixture_text(name: str) -> str:
    return read_path(str(FIXTURES / name)).text


@pytest.fixture(scope="module")
def meta_page() -> tuple[str, "html_mod.Article"]:
    raw = fixture_text("news_meta.html")
    return raw, clean_html(raw, META_URL)


@pytest.fixture(scope="module")
def jsonld_page() -> tuple[str, "html_mod.Article"]:
    raw = fixture_text("news_jsonld.html")
    return raw, clean_html(raw, JSONLD_URL)


# -- body sentences kept, chrome dropped ----------------------------------------------------

KEPT = [
    pytest.param("Acme Cloud said on Tuesday that revenue rose 12% to $4.2 billion in the third quarter, its best quarter on record.", id="lead-paragraph"),
    pytest.param("The company plans to spend between $9 billion and $10 billion on new data centres next year", id="second-paragraph"),
    pytest.param("Capacity doubles", id="subheading"),
    pytest.param("Analysts at Northbridge Securities estimate the market for cloud infrastructure will exceed $400 billion in 2027.", id="after-related-box"),
    pytest.param("Shares of Acme rose 4.5% in after-hours trading.", id="last-paragraph"),
]

DROPPED = [
    pytest.param("Technology", id="nav-menu"),
    pytest.param("Subscribe for $1 a week", id="nav-subscribe"),
    pytest.param("Share on Twitter", id="share-bar"),
    pytest.param("Email this story", id="share-email"),
    pytest.param("Never miss a story", id="newsletter-box"),
    pytest.param("Rival Zenith cuts cloud prices by 20%", id="related-box"),
    pytest.param("I give it 18 months", id="comments"),
    pytest.param("Bought the stock at $40", id="comments-2"),
    pytest.param("We use cookies", id="cookie-banner"),
    pytest.param("Oil falls 3% on supply news", id="sidebar-popular"),
    pytest.param("All rights reserved", id="footer"),
    pytest.param("Privacy policy", id="footer-links"),
    pytest.param("alert(1)", id="script-in-body"),
    pytest.param("dataLayer", id="script-in-head"),
    pytest.param("font-family", id="style"),
]


@pytest.mark.parametrize("sentence", KEPT)
def test_body_sentence_kept(meta_page, sentence):
    raw, art = meta_page
    assert sentence in art.text


@pytest.mark.parametrize("chrome", DROPPED)
def test_chrome_dropped(meta_page, chrome):
    raw, art = meta_page
    assert chrome in raw, "fixture must contain the string for this test to mean anything"
    assert chrome not in art.text


def test_paragraph_order_kept(meta_page):
    _, art = meta_page
    marks = ["revenue rose 12%", "plans to spend", "Capacity doubles", "roughly double", "Q3 2025", "Northbridge", "Shares of Acme"]
    positions = [art.text.index(m) for m in marks]
    assert positions == sorted(positions)


def test_table_rows_kept_as_text(meta_page):
    _, art = meta_page
    lines = art.text.split("\n")
    assert "Quarter | Revenue | Growth" in lines
    assert "Q2 2025 | $3.9 billion | 9%" in lines
    assert "Q3 2025 | $4.2 billion | 12%" in lines


def test_one_block_per_line_and_whole_text_is_body(meta_page):
    _, art = meta_page
    lines = art.text.split("\n")
    assert all(line == line.strip() and line for line in lines)
    assert "Capacity doubles" in lines  # the heading is its own line
    assert art.regions == [(0, len(art.text))]
    assert art.body_text() == art.text


def test_headline_is_title_not_body(meta_page):
    _, art = meta_page
    assert art.title == "Acme Cloud posts record quarter as data-centre spending climbs"
    assert art.title not in art.text


def test_metadata_from_meta_tags(meta_page):
    _, art = meta_page
    assert art.author == "Priya Raman"
    assert art.date == dt.date(2025, 10, 28)
    assert art.publisher == "The Daily Ledger"
    # rel=canonical wins over og:url and the given URL, and is made absolute
    assert art.url == "https://www.dailyledger.example/markets/acme-cloud-record-quarter"


def test_metadata_from_jsonld(jsonld_page):
    raw, art = jsonld_page
    assert "<meta" not in raw  # only JSON-LD carries the metadata here
    assert art.title == "Grid operator warns of 2.5 GW winter shortfall"
    assert art.author == "Lena Fischer, Tomás Ruiz"
    assert art.date == dt.date(2024, 12, 3)
    assert art.publisher == "Northern Post"
    assert art.url == "https://northernpost.example/energy/grid-winter"


@pytest.mark.parametrize(
    "present,absent",
    [
        pytest.param("supply could fall 2.5 gigawatts short of peak demand", "Energy desk", id="role-navigation"),
        pytest.param("emergency budget of €300 million", "Share this", id="social-share"),
        pytest.param("Industry groups said the payments were too small", "Power prices hit a two-year high", id="read-more"),
        pytest.param("Reserve margins have shrunk to 4% from 7%", "Jobs at the Post", id="footer-links"),
        pytest.param("Reserve margins have shrunk", "Advertisement", id="ad-label-line"),
        pytest.param("Industry groups said", "Like this story?", id="share-prompt-line"),
    ],
)
def test_jsonld_page_body(jsonld_page, present, absent):
    raw, art = jsonld_page
    assert absent in raw
    assert present in art.text
    assert absent not in art.text


def test_metadata_fallbacks_without_tags():
    page = (
        "<html><head><title>Port volumes slip - Harbour Times</title></head><body>"
        "<article><p class='byline'>By Sam Okafor | 3 March 2023</p>"
        "<p>Container volumes at the port slipped 3% in February from a year earlier, officials said.</p>"
        "<p>Officials blamed weaker demand for consumer goods and fewer calls by large vessels.</p>"
        "</article></body></html>"
    )
    art = clean_html(page, "https://harbourtimes.example/2023/03/03/port-volumes")
    assert art.title == "Port volumes slip"
    assert art.author == "Sam Okafor"
    assert art.date == dt.date(2023, 3, 3)
    assert art.publisher == "harbourtimes.example"
    assert art.url == "https://harbourtimes.example/2023/03/03/port-volumes"
    assert "Container volumes at the port slipped 3% in February" in art.text


# -- decoding -----------------------------------------------------------------------------


def test_windows_1252_and_entities_decoded():
    src = read_path(str(FIXTURES / "cp1252.html"))
    assert src.encoding == "windows-1252"
    art = clean_html(src.text)
    assert "the average café now pays €1,850 a month – up 27% on last year." in art.text
    assert "“We cannot raise prices forever,” said Renée Dupont, who runs a bistro in Lyon & employs 14 people." in art.text
    assert "0.31 €/kWh for 2026, against 0.24 € in 2024–25." in art.text  # &nbsp; &#160; &#150;
    assert art.title == "Café owners fear “soaring” costs"
    assert "Tous droits" not in art.text and "Accueil" not in art.text


def test_cp1252_bytes_read_as_latin1_are_repaired():
    # Bytes 0x93/0x94/0x96 decoded as latin-1 become C1 controls; browsers show cp1252.
    page = "<html><body><p>Prices rose \x93sharply\x94 \x96 by 8% \x85 analysts said.</p></body></html>"
    assert clean_html(page).text == "Prices rose “sharply” – by 8% … analysts said."


def test_bytes_input_is_decoded():
    page = "<html><head><meta charset='utf-8'></head><body><p>Zürich grew 2% – a record.</p></body></html>"
    assert clean_html(page.encode("utf-8")).text == "Zürich grew 2% – a record."


# -- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page,reason",
    [
        pytest.param("", "empty", id="empty"),
        pytest.param("   \n\t ", "empty", id="whitespace"),
        pytest.param("\x00" * 500, "binary", id="nul-bytes"),
        pytest.param(bytes(range(256)).decode("latin-1") * 10, "binary", id="binary-garbage"),
        pytest.param("just words, no markup at all", "not HTML", id="plain-text"),
        pytest.param("<html><head><title>x</title></head><body></body></html>", "no main text", id="no-body-text"),
        pytest.param("<html><body><script>alert(1)</script><style>p{}</style></body></html>", "no main text", id="only-script"),
        pytest.param(None, "expected HTML text", id="none"),
        pytest.param(42, "expected HTML text", id="int"),
        pytest.param(b"\x00\x01\x02binary\xff\xfe", "binary", id="binary-bytes"),
    ],
)
def test_bad_input_raises_clean_error(page, reason):
    with pytest.raises(CleanError) as err:
        clean_html(page)
    assert isinstance(err.value, ValueError)
    assert reason in str(err.value)
    assert "\n" not in str(err.value)


def test_nul_bytes_inside_text_are_dropped():
    art = clean_html("<html><body><p>Output fell\x00 5% in May.</p></body></html>")
    assert art.text == "Output fell 5% in May."


def test_huge_page_refused():
    page = "<html><body>" + "<p>x</p>" * (html_mod.MAX_HTML_CHARS // 8 + 1) + "</body></html>"
    with pytest.raises(CleanError, match="too large"):
        clean_html(page)


def test_too_many_elements_refused():
    page = "<html><body>" + "<i>x</i>" * (html_mod.MAX_ELEMENTS + 10) + "</body></html>"
    with pytest.raises(CleanError, match="too large"):
        clean_html(page)


def test_deep_nesting_gives_bounded_result():
    depth = 50_000
    page = (
        "<html><body><p>The index rose 1.5% on Monday, its biggest gain in a month.</p>"
        + "<div>" * depth + "<p>deep</p>" + "</div>" * depth + "</body></html>"
    )
    art = clean_html(page)
    assert "The index rose 1.5% on Monday, its biggest gain in a month." in art.text
    assert len(art.text) < 1000


def test_fragment_without_html_element():
    art = clean_html("<p>Exports rose 7% in the year to June, the statistics office said.</p>")
    assert art.text == "Exports rose 7% in the year to June, the statistics office said."


# -- cascade and determinism --------------------------------------------------------------------


def test_own_extractor_alone_is_the_fallback(monkeypatch):
    raw = fixture_text("news_meta.html")
    monkeypatch.setattr(html_mod, "trafilatura_lines", lambda root, url, rejected: [])
    art = clean_html(raw, META_URL)
    assert "Acme Cloud said on Tuesday that revenue rose 12% to $4.2 billion" in art.text
    assert "Q3 2025 | $4.2 billion | 12%" in art.text
    assert "Shares of Acme rose 4.5% in after-hours trading." in art.text
    for chrome in ("Share on Twitter", "Never miss a story", "I give it 18 months", "Privacy policy", "alert(1)"):
        assert chrome not in art.text
    assert art.title not in art.text  # the headline is metadata, not body


def test_same_input_same_text():
    raw = fixture_text("news_meta.html")
    first = clean_html(raw, META_URL)
    assert all(clean_html(raw, META_URL).text == first.text for _ in range(3))


def test_boilerplate_rules_are_data():
    data = load_rules("boilerplate.toml", BoilerplateRules)
    assert "share" in data.class_tokens
    assert any("never miss a" in p for p in data.line_patterns)


def test_a_misspelt_boilerplate_key_fails_naming_file_and_key():
    raw = read_toml(REPO / "extract" / "data" / "boilerplate.toml")
    raw["class_token"] = raw.pop("class_tokens")
    with pytest.raises(RuleFileError, match=r"boilerplate.toml: .*class_token"):
        validate(raw, BoilerplateRules, "boilerplate.toml")


# -- pages from the shared benchmark ---------------------------------------------------------------

BENCH_CASES = [
    pytest.param(
        "08f7937627",
        "Browns DL Sheldon Richardson, however, decided to weigh in on Thursday's fight on Monday",
        "Prisco's Picks",
        id="cbssports",
    ),
    pytest.param("c7e39ac49f", "has avoided extradition to Sweden for seven years", "CBeebies", id="bbc"),
    pytest.param("b6906ca016", "the great betrayal is over", "Facebook Hoaxes", id="politifact"),
    pytest.param(
        "7ab16ade32",
        "who was the first pick of the 2017 National Football League draft",
        "Corporate Subscriptions",
        id="wsj",
    ),
]


@pytest.mark.parametrize("prefix,sentence,menu", BENCH_CASES)
def test_benchmark_page(prefix, sentence, menu):
    if not (BENCH / "ground-truth.json").is_file():
        pytest.skip(f"shared benchmark data not found at {BENCH} (set CLAIMS_SHARED)")
    files = sorted((BENCH / "html").glob(f"{prefix}*.html.gz"))
    assert len(files) == 1, f"expected one benchmark page starting {prefix}"
    with gzip.open(files[0], "rt", encoding="utf-8") as f:
        raw = f.read()
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))[files[0].name.split(".")[0]]
    assert sentence in truth["articleBody"] and menu in raw
    art = clean_html(raw, truth["url"])
    assert sentence in art.text
    assert menu not in art.text
