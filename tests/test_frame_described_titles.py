"""A film, game or album described by its maker ("The Warner Bros film", "the Nintendo
game") refers back to the last title in quotation marks, not to the maker. Sentences from
box-office, video-game and music reporting."""

import pytest

from extract.pipeline import extract_claims
from extract.records import Article

CASES = [
    ("box-office-studio-film",
     "\"Barbie\" dominated the box office for a second weekend, collecting $93 million from 4,337 theaters.\n\n"
     "The Warner Bros film has now earned $351.4 million domestically.\n", "$351.4 million", "Barbie"),
    ("video-game-maker",
     "“The Legend of Zelda: Tears of the Kingdom” went on sale on Friday.\n\n"
     "The Nintendo game sold 10 million copies in its first three days, the company said.\n",
     "10 million copies", "Legend of Zelda: Tears of the Kingdom"),  # a leading article dropped, as everywhere
    ("album-label",
     "Taylor Swift's “Midnights” topped the Billboard 200 chart for a fifth week.\n\n"
     "The Republic Records album has sold 1.6 million units in the United States.\n",
     "1.6 million units", "Midnights"),
    # a title with a number in it; a sequel described as one (box office, video games)
    ("box-office-numbered-sequel",
     "Disney and Pixar's \"Inside Out 2\" has grossed more than $1 billion at the worldwide box office.\n\n"
     "The animated sequel took $100.1 million in U.S. and Canadian theaters over the weekend.\n",
     "$100.1 million", "Inside Out 2"),
    ("video-game-numbered-sequel",
     "“Grand Theft Auto 6” will be released next year, Take-Two Interactive said.\n\n"
     "The sequel has drawn 90 million views for its first trailer.\n",
     "90 million views", "Grand Theft Auto 6"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_title_described_by_its_maker_is_the_title(nlp, text, surface, subject):
    art = Article(text=text, regions=[(0, len(text))])
    assert {c.surface: c.subject for c in extract_claims(art, "t.txt", nlp)}[surface] == subject
