"""claims/reconcile/bm25.py scores every row as SQLite's FTS5 bm25() does, bit for bit."""

import sqlite3

import pytest

from claims.reconcile.bm25 import WordRows, tokens
from claims.reconcile.candidates import index_words

WEIGHTS = (3.0, 1.0, 2.0)

# (stretch, sentence, fields) of figures from several outlets and kinds of story; a row is
# the index words of each, as candidates.EvidenceIndex builds it.
FIGURES = [
    ("the death toll rose to", "The death toll from the earthquake rose to 3,300, officials said.", "earthquake deaths"),
    ("killed at least people", "The quake killed at least 3,145 people, the health ministry said.", "quake deaths"),
    ("revenue grew year-over-year", "Revenue grew 20% year-over-year to $33 billion.", "Amazon Web Services revenue"),
    ("year over year revenue growth", "That was growth of 20.2% year over year, the company said.", "AWS revenue growth"),
    ("covid-19 cases rose", "Covid-19 cases rose to 1,200 in the week, the agency said.", "COVID-19 cases"),
    ("cases of covid rose", "Cases of Covid rose by 19 percent across the region.", "covid cases"),
    ("café sales fell", "Sales at the café chain fell 4% in the quarter.", "Café Nero sales"),
    ("cafe sales fell", "The cafe chain's sales fell 4% in the quarter.", "cafe sales"),
    ("the jury deliberated for", "The jury deliberated for 11 hours before the verdict.", "jury deliberation"),
    ("jurors deliberated for", "Jurors deliberated for about 11 hours over two days.", "jury deliberation"),
    ("the jury deliberated for", "The jury deliberated for 11 hours before the verdict.", "jury deliberation"),
    ("o'brien scored goals", "O'Brien scored 12 goals in the season, the club said.", "O'Brien goals"),
]

QUERIES = [
    pytest.param(["death", "toll", "earthquake", "rose"], id="disaster-toll"),
    pytest.param(["revenue", "year-over-year", "grew"], id="results-phrase-of-three-tokens"),
    pytest.param(["covid-19", "cases"], id="health-phrase-word-and-digits"),
    pytest.param(["café", "sales"], id="retail-diacritic-folded"),
    pytest.param(["jury", "deliberated", "hours"], id="court-tied-rows"),
    pytest.param(["o'brien", "goals"], id="sport-apostrophe-phrase"),
    pytest.param(["absent", "words"], id="no-row-holds-them"),
]


def _rows():
    return [tuple(" ".join(index_words(text)) for text in figure) for figure in FIGURES]


def _fts(rows):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE figures USING fts5(stretch, sentence, fields)")
    db.executemany("INSERT INTO figures (rowid, stretch, sentence, fields) VALUES (?, ?, ?, ?)",
                   [(i, *row) for i, row in enumerate(rows)])
    return db


@pytest.mark.parametrize("words", QUERIES)
def test_scores_are_fts5_bm25(words):
    rows = _rows()
    db = _fts(rows)
    query = " OR ".join(f'"{w}"' for w in sorted(words))
    want = db.execute(f"SELECT rowid, -bm25(figures, {', '.join(map(str, WEIGHTS))}) FROM figures "
                      "WHERE figures MATCH ? ORDER BY rowid", (query,)).fetchall()
    score, hit = WordRows(rows, WEIGHTS).scores(sorted(words))
    got = [(i, float(score[i])) for i in range(len(rows)) if hit[i]]
    assert got == want  # the same rows, the same doubles


@pytest.mark.parametrize("word", ["jury", "covid-19", "year-over-year", "café", "o'brien", "absent"])
def test_hits_are_fts5_phrase_counts(word):
    rows = _rows()
    want = _fts(rows).execute("SELECT count(*) FROM figures WHERE figures MATCH ?", (f'"{word}"',)).fetchone()[0]
    assert WordRows(rows, WEIGHTS).hits(word) == want


@pytest.mark.parametrize("text, want", [
    pytest.param("year-over-year", ("year", "over", "year"), id="hyphens-separate"),
    pytest.param("O’Brien's", ("o", "brien", "s"), id="apostrophes-separate"),
    pytest.param("Café Zürich", ("cafe", "zurich"), id="latin-diacritics-removed"),
    pytest.param("COVID-19", ("covid", "19"), id="digits-are-tokens"),
])
def test_tokens_are_unicode61s(text, want):
    assert tokens(text) == want
    rows = [(text, "", "")]
    db = _fts(rows)
    # FTS5 finds the row by each of the tokens cut here
    for t in want:
        assert db.execute("SELECT count(*) FROM figures WHERE figures MATCH ?", (f'"{t}"',)).fetchone()[0] == 1


@pytest.mark.parametrize("words", QUERIES)
def test_one_column_without_weights_is_fts5s_default(words):
    # bridges.StoryIndex: a row of names per document, bm25() with no weights given
    rows = [(" ".join(index_words(sentence)),) for _, sentence, _ in FIGURES]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE stories USING fts5(words)")
    db.executemany("INSERT INTO stories (rowid, words) VALUES (?, ?)", [(i, *row) for i, row in enumerate(rows)])
    query = " OR ".join(f'"{w}"' for w in sorted(words))
    want = db.execute("SELECT rowid, -bm25(stories) FROM stories WHERE stories MATCH ? ORDER BY rowid",
                      (query,)).fetchall()
    score, hit = WordRows(rows, (1.0,)).scores(sorted(words))
    assert [(i, float(score[i])) for i in range(len(rows)) if hit[i]] == want
