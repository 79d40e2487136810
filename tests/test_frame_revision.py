"""A revision's size is its own measure (extract/frame/revision.py, metrics.toml
[revisions], [metrics.payrolls]): the figure a verb of revising takes by "by" measures
the revision of what the verb's subject names.

Sentences in the style of jobs reports and retail releases (AP, Reuters, Bloomberg
economy copy). Each case: id, passage, figure (by surface), fields.
"""

import pytest

from tests.test_frame import _claims, _find

CASES = [
    ("job-growth-revised-down-by-combined-ap",
     "Job growth in the prior two months was revised down by a combined 48,000, the Labor Department said.",
     "48,000", {"metric": "payrolls revision"}),
    ("payrolls-revised-lower-by-reuters",
     "Payrolls for August and September were revised lower by a combined 112,000.",
     "112,000", {"metric": "payrolls revision"}),
    ("retail-sales-revised-up-by-points-bloomberg",
     "Retail sales for September were revised up by 0.3 percentage point.",
     "0.3 percentage point", {"metric": "retail sales revision"}),
    ("job-growth-level-is-payrolls-wire", "Job growth slowed to 12,000 in October, the government said.",
     "12,000", {"metric": "payrolls"}),
    # a figure a revision moved from is the thing's level, not the revision
    ("revised-from-keeps-the-level-ap",
     "The economy added 223,000 jobs in September, revised from 254,000.", "223,000 jobs", {"metric": "employees"}),
]


@pytest.mark.parametrize("text,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_revision_metrics(nlp, text, surface, fields):
    c = _find(_claims(nlp, text, None), surface)
    got = c.model_dump(mode="json")
    for k, want in fields.items():
        assert got[k] == want, f"{k}: got {got[k]!r}, want {want!r} ({surface!r} in {text!r})"
