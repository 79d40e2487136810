"""In a quotation, "his" or "her" is someone the speaker talks about, not the speaker: the
last person named acting before it. Sentences from basketball and politics reporting."""

import pytest

from extract.pipeline import extract_claims
from extract.records import Article

CASES = [
    ("basketball-coach-on-player",
     "LOS ANGELES (AP) — LeBron James had 31 points and 10 assists as the Lakers beat the Thunder.\n\n"
     "“He’s just playing terrific basketball,” Vogel said. “For him to be doing what he’s doing in his 17th "
     "year is just nothing short of remarkable.”\n", "17th", "LeBron James"),
    ("politics-leader-on-minister",
     "LONDON (Reuters) - Rachel Reeves cut the budget deficit to 4.1% of GDP, official figures showed.\n\n"
     "Starmer told reporters: “She has delivered on her 12 promises.”\n", "12 promises", "Rachel Reeves"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_quoted_pronoun_is_not_the_speaker(nlp, text, surface, subject):
    art = Article(text=text, regions=[(0, len(text))])
    assert {c.surface: c.subject for c in extract_claims(art, "t.txt", nlp)}[surface] == subject
