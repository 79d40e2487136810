"""A body that reports (a department, bureau, ministry, commission, a group described as
such) is the source of what it says, never what the figure is about; a company that says
its own revenue rose stays its revenue's owner (extract/frame/subject.py _reporting_body;
data/subject.toml [reporting_bodies]). Macro releases, consumer prices, company results."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("macro-department-misparsed-as-second-subject",
     "U.S. consumer prices rose more than expected in March, the Labor Department said on Wednesday.\n\n"
     "The unemployment rate held at 3.8% in March, while employers added 303,000 jobs, the department said "
     "in a separate report.",
     None, "3.8%", dict(subject="US", source="Labor Department")),
    ("macro-bureau-by-name",
     "Consumer prices rose 2.4% in the year to March, the Bureau of Labor Statistics said.",
     None, "2.4%", dict(subject=None, source="Bureau of Labor Statistics")),
    ("consumer-group-described",
     "Gasoline prices averaged $3.52 a gallon nationwide on Monday, up 12 cents from a week earlier, the "
     "motoring group AAA said.",
     None, "$3.52", dict(subject=None, source="AAA")),
    # a body that records cases is their source, the place they are in their subject (a US
    # measles count, a Japanese infection count)
    ("health-centers-recorded-cases",
     "In the United States, the Centers for Disease Control and Prevention has recorded 167 cases so far "
     "this year.", None, "167 cases",
     dict(subject="US", source="Centers for Disease Control and Prevention")),
    ("health-ministry-registered-cases",
     "Japan's health ministry registered 941 cases of the bacterial infection in the first six months.",
     None, "941 cases", dict(subject="Japan", source="health ministry")),
    # a company saying its own figure owns it
    ("results-company-owns-its-revenue",
     "Revenue rose 9% in the quarter, Alibaba Group said.",
     None, "9%", dict(subject="Alibaba")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_reporting_body_is_no_subject(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
