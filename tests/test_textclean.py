"""Plain-text cleaning on the seed articles: menus and widgets out, body in."""

import datetime as dt
import json
from pathlib import Path

import pytest

from extract.article import clean_text

from extract.textclean import recurring_lines

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def _read(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def _in_body(article, start, end):
    return any(s <= start and end <= e for s, e in article.regions)


# (doc, text that must be kept, text that must be dropped)
SEEDS = [
    ("000_e6b6c2c44118debd.txt", "According to research firm Exponential View", "10K+ Skills"),
    ("000_e6b6c2c44118debd.txt", "Commitments of $850 billion", "Access hundreds of perpetual contracts"),
    ("001_76ba3ce2e3939be2.txt", "Is the AI Economic Equation No Longer Adding Up?", "16 views"),
    ("002_68f7e8746d49bafe.txt", "The Debt Story Nobody Is Covering Adequately", "Never miss a story"),
    ("002_68f7e8746d49bafe.txt", "The $600 billion gap is the financial expression", "straight to your inbox, every week"),
    ("003_08f9275d7acdc05e.txt", "The prosperity of AI computing power", "Smartly choose from 40+ AI models"),
    ("004_51944aa16d256841.txt", "It belongs to those who can keep the machines running.", "Telegram subscription group"),
]


@pytest.mark.parametrize("doc,kept,dropped", SEEDS, ids=[f"{s[0][:3]}-{i}" for i, s in enumerate(SEEDS)])
def test_seed_body_and_chrome(doc, kept, dropped):
    text = _read(doc)
    art = clean_text(text)
    k, d = text.index(kept), text.index(dropped)
    assert _in_body(art, k, k + len(kept))
    assert not _in_body(art, d, d + len(dropped))


def test_text_is_unchanged_and_regions_are_true_offsets():
    text = _read("000_e6b6c2c44118debd.txt")
    art = clean_text(text)
    assert art.text == text
    assert all(0 <= s < e <= len(text) for s, e in art.regions)
    assert art.body_text().startswith("From office tasks") or art.body_text().startswith("Research:")


def test_gold_chrome_spans_are_outside_the_body():
    gold = Path(__file__).resolve().parents[2] / "shared" / "gold" / "chrome.jsonl"
    if not gold.exists():
        pytest.skip("shared/gold not present beside the checkout")
    for line in gold.read_text().splitlines():
        c = json.loads(line)
        art = clean_text(_read(c["doc"]))
        assert not _in_body(art, c["start"], c["end"]), c


def test_recurring_lines_across_a_site():
    texts = [_read(n) for n in ("000_e6b6c2c44118debd.txt", "003_08f9275d7acdc05e.txt", "004_51944aa16d256841.txt")]
    rec = recurring_lines(texts)
    assert "Gate Skills Hub" in rec
    assert not any("Exponential View" in line for line in rec)


def test_menu_inside_body_is_kept():
    text = ("Intro paragraph that is long enough to count as the article body, with a full stop at the end.\n"
            "Amazon\nAlphabet\nMeta\nMicrosoft\n"
            "Another long paragraph of the article follows here, and it also ends with a full stop.\n")
    art = clean_text(text)
    assert _in_body(art, text.index("Alphabet"), text.index("Alphabet") + 8)


_P1 = "Home Depot reported third-quarter earnings that topped estimates, and its shares fell 4% before the bell.\n"
_P2 = "The home-improvement retailer earned $2.8 billion, or $2.53 per diluted share, as revenue rose 3.5 percent.\n"
_P3 = "Looking ahead, the company sees sales growth of 1.8 percent for the fiscal year, below its earlier outlook.\n"
_COMMENT = "I bought a drill there for $99 last week and the staff were great, five stars from me and my family.\n"

BOX_CASES = [
    ("related-box-inside-the-article",
     _P1 + "Related articles\nLowe's shares drop 3% as sales slow\nTarget beats on $1.2 billion profit\n" + _P2 + _P3,
     ["$2.8 billion", "1.8 percent"], ["3% as sales", "$1.2 billion"]),
    ("more-stories-after-the-article",
     _P1 + _P2 + _P3 + "More stories\nWalmart raises outlook to $5 a share\nBest Buy sales up 2%\n",
     ["1.8 percent"], ["$5 a share", "up 2%"]),
    ("comments-after-the-article", _P1 + _P2 + _P3 + "12 Comments\n" + _COMMENT + _COMMENT,
     ["1.8 percent"], ["$99"]),
    ("comments-link-in-a-share-bar-is-no-header",
     "Share\nTweet\nComments\nPrint\n" + _P1 + _P2 + _P3, ["4% before", "$2.8 billion", "1.8 percent"], []),
    ("time-ago-stamps", _P1 + _P2 + "updated 16M ago\n32 minutes ago\n" + _P3, ["$2.8 billion"], ["16M ago", "32 minutes"]),
    ("lone-price-lines-of-a-deals-box", _P1 + "SAVE $250.00\n$164.99\n" + _P2 + _P3, ["$2.8 billion"], ["$250.00", "$164.99"]),
    ("delayed-quotes-notice", "All market data delayed 20 minutes.\n" + _P1 + _P2 + _P3, ["$2.8 billion"], ["20 minutes"]),
    ("comments-longer-than-the-article-are-kept", _P1 + "Comments\n" + _COMMENT + _COMMENT + _COMMENT,
     ["4% before"], []),
    # a fact-check page: the claim it checks sits under a label, amid rating labels
    ("claim-under-its-label-net-worth",
     "Claim\n\nFormer ambassador Marie Yovanovitch has a net worth of $17 million.\n\nRating\n\nUnproven\n\n"
     "About this rating\n\nOrigin\n\n" + _P1 + _P2 + _P3, ["$17 million", "$2.8 billion"], []),
    ("claim-under-its-label-crime",
     "The claim:\nViolent crime in the city rose 40% last year.\nOur rating:\nFalse\nRead more\n"
     + _P1 + _P2 + _P3, ["40% last", "$2.8 billion"], []),
]


@pytest.mark.parametrize("text,kept,dropped", [c[1:] for c in BOX_CASES], ids=[c[0] for c in BOX_CASES])
def test_boxes_of_other_stories_and_comments_are_furniture(text, kept, dropped):
    art = clean_text(text)
    for s in kept:
        assert _in_body(art, text.index(s), text.index(s) + len(s)), f"dropped: {s!r}"
    for s in dropped:
        assert not _in_body(art, text.index(s), text.index(s) + len(s)), f"kept: {s!r}"


@pytest.mark.parametrize("text,date", [
    ("Markets\nTech\n\nAlphabet sets hefty 2026 spending plan\n\nOctober 30, 2025 10:20 PM UTC\n\n"
     "Oct 30 (Reuters) - Alphabet raised its forecast for capital spending on Wednesday, the company said.\n",
     dt.date(2025, 10, 30)),
    ("Nvidia tops estimates\n\nPublished Wed, Aug 27 2025 4:20 PM EDT\n\n"
     "Nvidia reported revenue of $46.74 billion for its fiscal second quarter on Wednesday, above estimates.\n",
     dt.date(2025, 8, 27)),
    ("Nvidia tops estimates\n\nNvidia reported revenue of $46.74 billion for its fiscal second quarter on "
     "Wednesday, above the estimates of analysts polled by LSEG, and forecast more growth.\n\n"
     "Related: Nov 19, 2025 · Chip stocks slide\n", None),
    ("Opinion · 16 views · 9 min read\n\nThe AI industry faces a serious reckoning over economic sustainability "
     "this year, say investors.\n", None),
], ids=["dateline-with-time", "published-line", "a-date-below-the-first-paragraph-is-not-the-articles",
        "no-date-line"])
def test_a_plain_text_page_states_its_date_above_its_first_paragraph(text, date):
    assert clean_text(text).date == date
