"""An expected figure measures what the actual figure it is set against measures, and its
credit is its own (extract/frame/benchmark_metric.py, extract/frame/credit.py): results
copy from retail and streaming, in wire and business-TV style."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    # the expectation takes the actual's metric; the actual keeps no one's credit
    ("eps-below-forecast-retail-wire",
     "Excluding items, Target earned $2.03 a share, below the $2.05 analysts had forecast.",
     "$2.05", dict(metric="earnings per share", source="analysts", kind="estimate")),
    ("actual-not-credited-retail-wire",
     "Excluding items, Target earned $2.03 a share, below the $2.05 analysts had forecast.",
     "$2.03", dict(metric="earnings per share", source=None, kind="fact")),
    ("eps-above-expected-streaming-tv",
     "Netflix earned $4.88 a share in the quarter, above the $4.68 that analysts had expected.",
     "$4.68", dict(metric="earnings per share", source="analysts", kind="estimate")),
    ("actual-not-credited-streaming-tv",
     "Netflix earned $4.88 a share in the quarter, above the $4.68 that analysts had expected.",
     "$4.88", dict(metric="earnings per share", source=None, kind="fact")),
    # of two actual figures in the unit, the one of its size
    ("nearest-in-size-bank-wire",
     "Net income was $942 million, or $2.03 per share, compared with the $1.95 analysts had expected.",
     "$1.95", dict(metric="earnings per share")),
    # a relative clause of saying credits its own figure too (vaccination coverage, a central
    # bank's target)
    ("says-is-needed-health",
     "Only 84.5% of children had received both doses of the MMR vaccine by age five in 2023, well below the "
     "95% the World Health Organization says is needed to stop the disease spreading.", "84.5%", dict(source=None)),
    ("says-is-needed-own-figure-health",
     "Only 84.5% of children had received both doses of the MMR vaccine by age five in 2023, well below the "
     "95% the World Health Organization says is needed to stop the disease spreading.", "95%", dict(source="World Health Organization")),
    ("says-it-targets-own-figure-macro",
     "Inflation rose to 3.4% in May, above the 2% the central bank says it aims for.", "3.4%", dict(source=None)),
    # an expected change with no metric of its own is the change its paragraph reported
    # (retail results, a software company's results)
    ("expected-drop-is-the-paragraphs-retail",
     "Comparable sales fell 3.7% in the three months ended May 4. Analysts had expected a drop of 3.4%, "
     "according to LSEG data.", "3.4%", dict(metric="comparable sales growth", kind="estimate")),
    ("expected-increase-is-the-paragraphs-software",
     "Oracle said revenue grew 12% in the quarter. Analysts had expected an increase of 10%.",
     "10%", dict(metric="revenue growth", kind="estimate")),
    ("own-metric-kept-chips",
     "Revenue rose 40% to $13.5 billion, beating the $11.2 billion analysts had expected.",
     "$11.2 billion", dict(metric="revenue", source="analysts")),
]


@pytest.mark.parametrize("text,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_expected_figure(nlp, text, surface, fields):
    assert_fields(nlp, text, None, surface, fields)
