"""Figures in tables (extract/tables.py): every numeric cell of a results table is a
claim, its quote keeps the row and column headings, a row that names a metric gives
it and a row that names a team or company is the subject.

Tables as they reach the recogniser: an HTML <table> (rows become "cell | cell"), a
table copied as text (tabs or runs of spaces), rows of a name and several figures.
"""

import pytest

from extract.article import clean_html
from extract.pipeline import extract_claims
from extract.records import Article
from extract.tables import table_cells


def claims(nlp, text):
    return extract_claims(Article(text=text, regions=[(0, len(text))]), "t.txt", nlp)


RESULTS_HTML = """<html><head><title>Retailer results</title></head><body><article>
<h1>Home Depot beats estimates as comparable sales rise</h1>
<p>Home Depot reported third-quarter results on Tuesday that topped analysts' estimates, while its
revenue fell short of expectations for the period.</p>
<table>
<tr><th>Measure</th><th>Q3 2019</th><th>Q3 2018</th><th>Change</th></tr>
<tr><td>Revenue</td><td>$27.2bn</td><td>$26.3bn</td><td>3.5%</td></tr>
<tr><td>Net income</td><td>$2.8bn</td><td>$2.9bn</td><td>-1.2%</td></tr>
</table>
<p>The company now expects sales growth of about 1.8 percent for the fiscal year.</p>
</article></body></html>"""


def test_every_cell_of_an_html_results_table_is_a_claim(nlp):
    article = clean_html(RESULTS_HTML)
    got = {c.surface: c for c in extract_claims(article, "t.html", nlp)}
    for surface, metric in (("$27.2bn", "revenue"), ("$26.3bn", "revenue"), ("3.5%", "revenue"),
                            ("$2.8bn", "net income"), ("$2.9bn", "net income"), ("-1.2%", "net income")):
        c = got[surface]
        assert article.text[c.start:c.end] == surface
        assert c.metric == metric
        assert "Q3 2019 | Q3 2018" in c.quote  # the column headings travel in the quote


STANDINGS = "Eastern Conference standings after Sunday's games.\n\nTeam\tW\tL\tPts\nBoston\t20\t5\t40\nToronto\t18\t7\t36\n"


def test_bare_numbers_in_a_copied_standings_table_are_claims(nlp):
    got = [(c.surface, c.subject, c.metric) for c in claims(nlp, STANDINGS)]
    assert got == [("20", "Boston", "wins"), ("5", "Boston", "losses"), ("40", "Boston", "points"),
                   ("18", "Toronto", "wins"), ("7", "Toronto", "losses"), ("36", "Toronto", "points")]


MARKETS = "Closing prices on Friday:\n\nSony 5,230 5,180 1.0%\nToyota 7,410 7,502 -1.2%\n"


def test_rows_of_a_name_and_figures_are_read_cell_by_cell(nlp):
    got = [(c.surface, c.subject) for c in claims(nlp, MARKETS)]
    assert got == [("5,230", "Sony"), ("5,180", "Sony"), ("1.0%", "Sony"),
                   ("7,410", "Toyota"), ("7,502", "Toyota"), ("-1.2%", "Toyota")]


NOT_TABLES = [
    ("prose-with-two-numbers", "He scored 20 of his 31 points in the first half.\nThe Lakers won 112-107.\n"),
    ("one-row-no-heading", "Revenue | $27.2bn | $26.3bn\n\nThe company said demand was strong.\n"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_TABLES], ids=[c[0] for c in NOT_TABLES])
def test_prose_is_no_table(text):
    assert table_cells(text) == []


# A row's name is its word cell wherever it stands: standings and charts lead with the
# position, a chart row may name a title and its studio or a candidate and a party.
NAMED_INSIDE = [
    ("football-standings-position-first",
     "Premier League table after Sunday's games.\n\nPos | Team | Played | Points\n"
     "1 | Arsenal | 17 | 39\n2 | Liverpool | 17 | 38\n",
     [("1", "Arsenal", "league position"), ("17", "Arsenal", "games played"), ("39", "Arsenal", "points"),
      ("2", "Liverpool", "league position"), ("17", "Liverpool", "games played"), ("38", "Liverpool", "points")]),
    ("box-office-chart-title-and-studio",
     "Top films at the North American box office, according to studio estimates.\n\n"
     "Rank | Film | Studio | Weekend | Total\n1 | Barbie | Warner Bros. | $93.0m | $351.4m\n"
     "2 | Oppenheimer | Universal | $46.2m | $174.2m\n",
     [("1", "Barbie", "rank"), ("$93.0m", "Barbie", "Weekend"), ("$351.4m", "Barbie", "Total"),
      ("2", "Oppenheimer", "rank"), ("$46.2m", "Oppenheimer", "Weekend"), ("$174.2m", "Oppenheimer", "Total")]),
    ("election-candidate-and-party",
     "Declared result in the constituency.\n\nPlace\tCandidate\tParty\tVotes\tShare\n"
     "1\tJane Hart\tLabour\t21,404\t48.2%\n2\tTom Reed\tConservative\t12,911\t29.1%\n",
     [("1", "Jane Hart", "Place"), ("21,404", "Jane Hart", "votes"), ("48.2%", "Jane Hart", "Share"),
      ("2", "Tom Reed", "Place"), ("12,911", "Tom Reed", "votes"), ("29.1%", "Tom Reed", "Share")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in NAMED_INSIDE], ids=[c[0] for c in NAMED_INSIDE])
def test_a_row_is_named_by_its_word_cell_wherever_it_stands(nlp, text, expected):
    assert [(c.surface, c.subject, c.metric) for c in claims(nlp, text)] == expected


# A count column's heading says what its cells measure and, for points, their unit
# (metrics.toml [table_headings]): football, hockey and basketball standings as pages give them.
HEADING_UNITS = [
    ("football-table-pts-copied",
     "Premier League table after Sunday's games.\n\nTeam\tP\tW\tD\tL\tGD\tPts\nArsenal\t17\t12\t3\t2\t25\t39\n"
     "Liverpool\t17\t11\t5\t1\t20\t38\n",
     "39", {"unit": "points", "metric": "points", "subject": "Arsenal"}),
    ("football-table-goal-difference",
     "Premier League table after Sunday's games.\n\nTeam\tP\tW\tD\tL\tGD\tPts\nArsenal\t17\t12\t3\t2\t25\t39\n"
     "Liverpool\t17\t11\t5\t1\t20\t38\n",
     "25", {"unit": "count", "metric": "goal difference"}),
    ("hockey-standings-html-points",
     "NHL standings.\n\nTeam | GP | W | L | Points\nWild | 30 | 19 | 8 | 41\nJets | 30 | 21 | 8 | 43\n",
     "41", {"unit": "points", "metric": "points", "subject": "Wild"}),
    ("basketball-standings-wins",
     "Eastern Conference standings after Sunday's games.\n\nTeam\tW\tL\tPts\nBoston\t20\t5\t40\nToronto\t18\t7\t36\n",
     "18", {"unit": "count", "metric": "wins", "subject": "Toronto"}),
]


@pytest.mark.parametrize("text,surface,fields", [c[1:] for c in HEADING_UNITS], ids=[c[0] for c in HEADING_UNITS])
def test_a_column_heading_names_what_its_cells_count(nlp, text, surface, fields):
    got = next(c for c in claims(nlp, text) if c.surface == surface).model_dump(mode="json")
    assert {k: got[k] for k in fields} == fields
