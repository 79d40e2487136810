"""Plain-text cleaning of what pages put around an article: counters, bare figures,
stamped lists (teasers with times, readers' comments), headline-and-dek teasers and
link lists, each by the shape of its lines, never by site."""

import time

import pytest

from extract.article import clean_text

# An article of four paragraphs in a row: the prose the lists stand around.
_ART = (
    "Home Depot reported third-quarter earnings that topped estimates, and its shares fell 4% before the bell.\n"
    "The home-improvement retailer earned $2.8 billion, or $2.53 per diluted share, as revenue rose 3.5 percent.\n"
    "Looking ahead, the company sees sales growth of 1.8 percent for the fiscal year, below its earlier outlook.\n"
    "Executives said about 20 stores would be remodelled next year, with spending of roughly $3 billion planned.\n"
)
_KEPT = ["4% before", "$2.8 billion", "1.8 percent", "$3 billion"]


def _in_body(article, start, end):
    return any(s <= start and end <= e for s, e in article.regions)


def _check(text, kept, dropped):
    art = clean_text(text)
    assert art.text == text
    for s in kept:
        k = text.index(s)
        assert _in_body(art, k, k + len(s)), f"dropped: {s!r}"
    for s in dropped:
        k = text.index(s)
        assert not _in_body(art, k, k + len(s)), f"kept: {s!r}"


COUNTER_AND_FIGURE_CASES = [
    ("counters-on-a-meta-line-with-icons",
     "📅 · 📁 Opinion · 👁 16 views · ⏱️ 9 min read\n" + _ART, _KEPT, ["16 views", "9 min read"]),
    ("counters-on-a-long-byline-bar",
     _ART + "By Jane Doe · Nov 19, 2019 · 1,234 views · 12 comments · Share this story on Facebook, Twitter and "
     "LinkedIn\n" + _ART, _KEPT, ["1,234 views", "12 comments"]),
    ("follower-counts-in-a-paragraph-are-reporting",
     _ART + "“I was stunned to see how many people visited my profile,” said Joseph Minga, who has about "
            "1,500 followers and posts twice a week.\n" + _ART,
     _KEPT + ["1,500 followers"], []),
    ("snap-share-cells-of-a-table", "Larry Ogunjobi\n85%\nMyles Garrett\n77%\n" + _ART, _KEPT, ["85%", "77%"]),
    ("ticker-changes", _ART + "Dow\n-1.41%\nS&P 500\n+0.23%\n" + _ART, _KEPT, ["-1.41%", "+0.23%"]),
    ("data-delayed-notice-in-a-footer",
     _ART + "Data is a real-time snapshot *Data is delayed at least 15 minutes. Global Business and Financial News.\n",
     _KEPT, ["15 minutes"]),
    ("labelled-related-link-inside-the-article",
     _ART + "Related: The 15 Weirdest Galaxies in Our Universe\n" + _ART, _KEPT, ["15 Weirdest"]),
    ("vote-counts-under-teasers", _ART + "Watch This Koala Get Rescued From A Bushfire\n20\ndiggs\n" + _ART,
     _KEPT, ["20\ndiggs"]),
]


@pytest.mark.parametrize("text,kept,dropped", [c[1:] for c in COUNTER_AND_FIGURE_CASES],
                         ids=[c[0] for c in COUNTER_AND_FIGURE_CASES])
def test_counters_and_bare_figures(text, kept, dropped):
    _check(text, kept, dropped)


_TEASERS_WITH_TIMES = (
    "Safety officials urge Boeing to redesign part on 737s\n"
    "Federal safety officials say the engine housing on 737 jets should be redeveloped after 1 death.\n"
    "10H ago\n"
    "Congress probes private equity's impact on employers\n"
    "Former Toys R Us worker wants Wall Street held accountable after 30,000 workers were laid off.\n"
    "12H ago\n"
    "Four shootings in 20 minutes leave 1 dead, 5 wounded, police say\n"
    "Authorities are investigating the shootings\n"
    "7H ago\n"
)
_COMMENTS_WITH_SAYS = (
    "theprocess12 says:\n"
    "November 19, 2019 at 6:58 am\n"
    "As usual too many mistakes by Rivers, who has lost 2 road playoff games in a row now.\n"
    "sammievee says:\n"
    "November 19, 2019 at 7:42 am\n"
    "Teams that spike the ball in the final minute give up 24 seconds and win maybe 15% of the time.\n"
    "shutupbrees says:\n"
    "November 19, 2019 at 9:47 am\n"
    "Two weeks in a row the Chargers run for over 5.0 yards per carry and still throw it.\n"
)
_BYLINED_TEASERS = (
    "Prince Andrew struggles to dispel allegations about his ties to Epstein\n"
    "Rob Crilly\n"
    "Wednesday November 20, 2019\n"
    "The television interview was devised as a chance to set the record straight after 17 years.\n"
    "Report claiming US has the world's highest rate of children in detention is bogus\n"
    "Becket Adams\n"
    "Tuesday November 19, 2019\n"
    "Various outlets reported that more than 100,000 children are held in detention in the United States.\n"
    "Marie Yovanovitch is the only impeachment witness so far with a legitimate gripe\n"
    "Eddie Scarry\n"
    "Tuesday November 19, 2019\n"
    "After three days of congressional hearings, only one witness has emerged so far with a gripe.\n"
)
_LIVE_BLOG = (
    "10:32 am\n"
    "The Federal Reserve held its benchmark rate at 5.25% on Wednesday, as most economists had expected.\n"
    "Officials signalled that two cuts remain likely next year, down from three at their June meeting.\n"
    "10:47 am\n"
    "Stocks rose after the decision, with the S&P 500 up 0.8% and the Nasdaq adding 1.1% by midday.\n"
    "Treasury yields fell, and the two-year note dropped 12 basis points to 4.71% in the first hour.\n"
    "11:05 am\n"
    "Chair Jerome Powell said inflation had eased to 3.2% but called the labour market still very tight.\n"
    "He added that the committee would not hesitate to act if price growth picked up again in spring.\n"
)

_TIMELINE = (
    "How the quarter unfolded\n"
    "March 3, 2026\n"
    "Nvidia reported data center revenue of $39 billion for the quarter, up 73% from a year earlier.\n"
    "April 9, 2026\n"
    "Washington restricted exports of the H20 chip to China, a charge Nvidia put at $5.5 billion.\n"
    "May 28, 2026\n"
    "Nvidia guided to revenue of $45 billion for the second quarter, above what analysts expected.\n"
)

STAMPED_CASES = [
    ("a-dated-timeline-running-on-into-the-article-is-its-own", _ART + _TIMELINE + _ART.replace("Home Depot", "Lowe's"),
     _KEPT + ["$39 billion", "$5.5 billion", "$45 billion"], []),
    ("teasers-with-times-after-the-article", _ART + _TEASERS_WITH_TIMES, _KEPT, ["1 death", "30,000 workers",
                                                                              "20 minutes"]),
    ("teasers-with-times-before-the-article", _TEASERS_WITH_TIMES + _ART, _KEPT, ["1 death", "30,000 workers"]),
    ("comments-with-says-and-dates", _ART + _COMMENTS_WITH_SAYS, _KEPT, ["2 road playoff", "24 seconds", "5.0 yards"]),
    ("bylined-teasers-longer-than-the-article", _ART + _BYLINED_TEASERS, _KEPT, ["17 years", "100,000 children",
                                                                              "three days"]),
    ("a-live-blog-is-the-article", "Fed holds rates\n" + _LIVE_BLOG, ["5.25%", "0.8%", "3.2%"], []),
]


@pytest.mark.parametrize("text,kept,dropped", [c[1:] for c in STAMPED_CASES], ids=[c[0] for c in STAMPED_CASES])
def test_stamped_lists_of_teasers_and_comments(text, kept, dropped):
    _check(text, kept, dropped)


_SOURCES = (
    'Wall Street Journal, "U.S. Collected $63 Billion in Tariffs Through June," Aug. 7, 2019\n'
    'PolitiFact Wisconsin, "No, China is not paying U.S. farmers $16B through tariffs," August 2, 2019\n'
    "Email interview with Daniel Anthony, vice president of the Trade Partnership, Nov. 5, 2019\n"
)

SOURCES_CASES = [
    ("sources-header-below-the-article", _ART + "Sources:\n" + _SOURCES, _KEPT, ["$63 Billion", "$16B"]),
    ("references-header-below-the-article", _ART + "References\n" + _SOURCES, _KEPT, ["$63 Billion", "$16B"]),
    ("a-sources-link-in-a-bar-near-the-top-is-no-header",
     _ART.split("\n", 1)[0] + "\nShare\nSources\nPrint\n" + _ART.split("\n", 1)[1] + _ART.replace("Home", "Lowe"),
     _KEPT, []),
]


@pytest.mark.parametrize("text,kept,dropped", [c[1:] for c in SOURCES_CASES], ids=[c[0] for c in SOURCES_CASES])
def test_sources_below_the_article(text, kept, dropped):
    _check(text, kept, dropped)


def test_comment_header_naming_the_article():
    comments = ("34 responses to “Anthony Lynn: “We needed to win this game””\n"
                "It’s a good thing we have no fans left, this team has lost 7 of its last 9 games at home.\n")
    text = _ART + comments
    _check(text, _KEPT, ["7 of its last 9"])


_HEADLINE_DEK_TEASERS = (
    "Deals\n"
    "Apple AirPods Pro already discounted, grab a pair for only $234.99\n"
    "Apple recently launched the new AirPods Pro for $250, but it is already possible to get a pair for less.\n"
    "Deal Alert: Newest iPad Pro up to $200 off\n"
    "Amazon is not waiting until Black Friday to offer deep iPad Pro discounts at its web store this week.\n"
    "Deal Alert: Get a massive $500 discount on the HP Spectre Folio\n"
    "The most interesting mainstream laptop of the last 12 months is still the HP Spectre Folio, in leather.\n"
)
# The same shape, subheading over one paragraph, inside an article is the article.
_SUBHEADED_ARTICLE = (
    "Where Are the Possible Ways Out?\n"
    "Although AI's economic equation looks unfavourable at present, this does not make AI a bubble at all.\n"
    "Continued breakthroughs in inference efficiency\n"
    "If inference costs fall fast enough, gross margins of AI services could improve by 30% within two years.\n"
    "The emergence of a killer application\n"
    "The internet's economic model only worked after search advertising and e-commerce took $100 billion.\n"
    "A shakeout among the model makers\n"
    "Of the 40 labs training frontier models today, analysts expect fewer than 10 to remain independent.\n"
)

# A listicle whose items are short, with two paragraphs in a row only at its end.
_LISTICLE = (
    "Five ways to cut your energy bill this winter\n"
    "By Jane Doe\n"
    "Nov 19, 2019\n"
    "1. Turn the thermostat down low\n"
    "Lowering the thermostat by one degree can cut a heating bill by up to 10% over a whole winter.\n"
    "2. Seal the draughts round doors\n"
    "Draught-proofing windows and doors costs about $200 and pays for itself within two years in most homes.\n"
    "3. Switch to LED light bulbs\n"
    "An LED bulb uses around 75% less electricity than an old incandescent one and lasts 25 times as long.\n"
    "4. Insulate the loft space properly\n"
    "A quarter of a home's heat is lost through the roof, so 270mm of loft insulation is the usual advice.\n"
    "5. Wash clothes at 30 degrees\n"
    "Most of the energy a washing machine uses goes on heating water, so a cooler wash can save about $50 a year.\n"
    "None of these steps needs a builder, and together they can take a noticeable amount off the bill.\n"
    "Check with your supplier too, since many offer free advice visits and grants for insulation work.\n"
)

# The same list without numbers, after a two-paragraph intro: the list is most of the page.
_UNNUMBERED = (
    "Winter is coming, and with it higher bills for the millions of households that heat with gas.\n"
    "Here are the steps that energy advisers say make the biggest difference for the least money.\n"
    + "".join(line + "\n" for line in _LISTICLE.splitlines()[3:13])
).replace("1. ", "").replace("2. ", "").replace("3. ", "").replace("4. ", "").replace("5. ", "") + "Share\nTweet\n"

_TOP_STORIES = (
    "Top stories\n"
    "French actor of Armenian descent Charles Gérard dies aged 96\n"
    "French actor of Armenian descent Charles Gérard died September 19 at the age of 96, Figaro reports.\n"
    "Urartu relics unearthed in Iran\n"
    "Archaeological relics of the Kingdom of Urartu (860 BC – 590 BC) have recently been found in Iran.\n"
    "Pentagon announces $10.1 mln deal for equipment supplies to Azerbaijan\n"
    "Work will be performed in Alexandria, Virginia and Azerbaijan, and is expected to end in September.\n"
    "Partner news\n"
)

TEASER_CASES = [
    ("teasers-under-a-box-header-right-after-the-article", _ART + _TOP_STORIES, _KEPT, ["age of 96", "$10.1 mln"]),
    ("teasers-between-the-article-and-a-second-text", _ART + _TOP_STORIES + _ART.replace("Home Depot", "Lowe's"),
     _KEPT, ["age of 96", "$10.1 mln"]),
    ("a-listicle-of-short-items-is-the-article", _LISTICLE, ["10%", "$200", "75%", "270mm", "$50 a year"], []),
    ("an-unnumbered-list-bigger-than-its-intro-is-the-article", _UNNUMBERED, ["10%", "$200", "75%", "$50 a year"],
     []),
    ("headline-and-dek-deals-after-the-article", _ART + _HEADLINE_DEK_TEASERS, _KEPT,
     ["$234.99", "$250", "$200 off", "$500", "12 months"]),
    ("headline-and-dek-before-the-article",
     _HEADLINE_DEK_TEASERS + "Home Depot beats estimates as shares slip\nBy Jane Doe\nNov 19, 2019\n" + _ART, _KEPT,
     ["$234.99", "$500"]),
    ("subheadings-over-single-paragraphs-are-the-article", "AI's economics\n" + _SUBHEADED_ARTICLE,
     ["30%", "$100 billion", "40 labs"], []),
    ("subheaded-section-between-paragraph-runs-is-kept", _ART + _SUBHEADED_ARTICLE + _ART,
     _KEPT + ["30%", "$100 billion", "40 labs"], []),
    ("two-teasers-are-not-a-list", _ART + _HEADLINE_DEK_TEASERS.split("Deal Alert: Get")[0] + "Share\nTweet\n"
     + _ART, _KEPT + ["$234.99", "$200 off"], []),
]


@pytest.mark.parametrize("text,kept,dropped", [c[1:] for c in TEASER_CASES], ids=[c[0] for c in TEASER_CASES])
def test_headline_and_dek_teasers(text, kept, dropped):
    _check(text, kept, dropped)


_LINK_LIST = (
    "Today's Headlines\n"
    "Three episodes of 'Servant' hit Apple TV+ on Nov. 28\n"
    "Apple spent 'billions' on revamped Maps service\n"
    "Apple working on new media apps for Windows\n"
    "Save up to $438 on Apple's brand new 16-inch MacBook Pro\n"
    "Apple AirPods & AirPods Pro on sale from $145\n"
    "Apple's 2019 10.2-inch iPad drops to just $299\n"
    "$150-$400 off Apple's new 2019 15\" MacBook Pro\n"
    "Free AppleCare with these 2019 MacBook Pros\n"
)
_FOOTER = ("AppleInsider has affiliate partnerships and may earn commission on products purchased through these "
           "links, which do not influence our editorial content.\n")

_QUALIFIED = "".join(f"{team} (Group {g}): {n} appearance\n" for team, g, n in [
    ("England", "A", "10th"), ("Czech Republic", "A", "Seventh"), ("Ukraine", "B", "Third"), ("Spain", "F", "11th"),
    ("Germany", "C", "13th"), ("Finland", "J", "Zero previous"), ("Italy", "J", "10th"), ("Belgium", "I", "Sixth"),
    ("Russia", "I", "12th")])
_NUMBERED = "".join(f"{n}) {item}\n" for n, item in enumerate([
    "Victorinox Swisschamp, colour red", "Polaroid 600 camera in 80s style", "Hasbro Gaming Taboo",
    "Monopoly travel edition", "Pesca pazza with 45 fish", "Lego Creator 3-in-1 set", "Uno card game deluxe",
    "Jenga classic stacking game"], start=16))

LINK_LIST_CASES = [
    ("a-table-of-teams-after-the-article-is-its-own", _ART + "Qualified teams\n" + _QUALIFIED + _FOOTER,
     _KEPT + ["10th appearance", "Zero previous appearance"], []),
    ("a-numbered-list-after-the-article-is-its-own", _ART + _NUMBERED + _FOOTER, _KEPT + ["45 fish"], []),
    ("headlines-between-the-article-and-a-footer-paragraph", _ART + _LINK_LIST + _FOOTER, _KEPT,
     ["Three episodes", "$438", "$145", "$299", "$150-$400"]),
    ("a-short-list-after-the-article-with-a-paragraph-after-it-is-kept",
     _ART + "Key figures\nRevenue up 3.5%\n20 stores to be remodelled\n" + _FOOTER, _KEPT + ["3.5%", "20 stores"], []),
]


@pytest.mark.parametrize("text,kept,dropped", [c[1:] for c in LINK_LIST_CASES], ids=[c[0] for c in LINK_LIST_CASES])
def test_link_lists_after_the_article(text, kept, dropped):
    _check(text, kept, dropped)


_PROSE = "A paragraph of prose long enough to count as one, with a full stop here at the end of it.\n"
# Pages of thousands of lists: the cleaning stays linear (one count of the page's prose a
# pass, not one a list), so a hostile page cannot tie up a worker. The bound is generous
# for a shared machine; a pass per list took two minutes here.
MANY_LISTS = [
    ("stamped-lists", ("1H ago\nx\n2H ago\nx\n3H ago\n" + _PROSE * 5) * 3000),
    ("teaser-lists", ("Headline number one about the markets today\n"
                      "A dek sentence for the item that explains what happened here today.\n" * 3 + _PROSE * 2) * 4000),
]


@pytest.mark.parametrize("text", [c[1] for c in MANY_LISTS], ids=[c[0] for c in MANY_LISTS])
def test_thousands_of_lists_clean_in_bounded_time(text):
    t0 = time.perf_counter()
    art = clean_text(text)
    assert art.regions
    assert time.perf_counter() - t0 < 20
