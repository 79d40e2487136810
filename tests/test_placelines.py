"""A wire story's placeline ("YANGON (AP) —", "WASHINGTON (Reuters) -", "NEW DELHI:")
is no part of the first sentence (extract/data/sentences.toml [placelines]): the parser
otherwise reads the city as the verb's subject and the agency as an apposition, so the
city became the figure's subject and the agency its source."""

import pytest

from extract.pipeline import _placeline, extract_claims
from extract.records import Article

# id, paragraph, figure, quote must start with, subject must not be, source must not be
CASES = [
    ("ap-disaster",
     "YANGON (AP) — The death toll from last week's 7.7-magnitude earthquake in Myanmar rose to "
     "3,300 on Thursday, the military government said, while 341 people remain missing.",
     "7.7-magnitude", "The death toll", "YANGON", "AP"),
    ("reuters-macro",
     "WASHINGTON (Reuters) - U.S. employers added 228,000 jobs in March, the Labor Department "
     "said on Friday.",
     "228,000 jobs", "U.S. employers", "WASHINGTON", "Reuters"),
    ("ap-sport",
     "BUFFALO, N.Y. — Hours before Zach Parise’s two-goal performance Tuesday, Wild coach Bruce "
     "Boudreau expressed confidence in the veteran winger.",
     "two-goal", "Hours before", "BUFFALO", None),
    ("toi-colon",
     "NEW DELHI: Their American dream shattered and huge savings wasted, nearly 150 Indians "
     "returned home broke on Wednesday after being deported.",
     "150 Indians", "Their American dream", "NEW DELHI", None),
]


@pytest.mark.parametrize("text,surface,quote_start,not_subject,not_source", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_placeline_is_not_part_of_the_sentence(nlp, text, surface, quote_start, not_subject, not_source):
    claims = extract_claims(Article(text=text, regions=[(0, len(text))], date=None), "case", nlp)
    claim = next(c for c in claims if c.surface == surface)
    assert claim.quote.startswith(quote_start)
    assert claim.subject != not_subject
    assert claim.source is None or claim.source != not_source


# id, line opening that is not a placeline (a headline or a sentence with a dash)
NOT_PLACELINES = [
    ("headline-dash", "US Economy Adds 228,000 Jobs - The Labor Department said so"),
    ("lowercase-words", "AI spending - The big picture is clear"),
    ("aside-dashes", "The CEO — Lisa Su — said sales rose"),
    ("wire-slug", "UPDATE 2-Nike shares slide after results"),
]


@pytest.mark.parametrize("line", [c[1] for c in NOT_PLACELINES], ids=[c[0] for c in NOT_PLACELINES])
def test_a_headline_with_a_dash_is_no_placeline(line):
    assert _placeline().search(line) is None
