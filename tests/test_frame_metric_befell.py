"""What befell the people counted, when the count stands alone ("killing nine people and
injuring more than 1,000", "The storm killed 12"), when a total stands before them ("killed a
total of 346 people"), and for those trapped or stranded (extract/frame/unit_metric.py
`people_metric`, metrics.toml [people_verbs]). Earthquake, aviation, storm, flood copy."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("bare-count-injured-quake",
     "The strongest earthquake in 25 years struck Taiwan on Wednesday, killing at least nine people and "
     "injuring more than 1,000, officials said.",
     None, "1,000", dict(metric="people injured")),
    ("bare-count-killed-storm",
     "The storm killed 12 and left 40,000 without power.", None, "12", dict(metric="deaths")),
    ("bare-count-displaced-flood",
     "Floods have displaced more than 200,000 across the state.", None, "200,000", dict(metric="people displaced")),
    ("a-total-of-aviation",
     "Two crashes of the 737 Max jet killed a total of 346 people.", None, "346 people", dict(metric="deaths")),
    ("trapped-quake",
     "In Hualien, 77 people were trapped in tunnels, the fire department said.",
     None, "77 people", dict(metric="people trapped")),
    ("stranded-flood",
     "About 600 residents were stranded on rooftops as the river rose.",
     None, "600 residents", dict(metric="people stranded")),
    # those a company or a plant employs are its employees (retail results, a factory closure)
    ("employs-people-retail",
     "Target has about 1,950 stores in the United States and employs roughly 415,000 people.",
     None, "415,000 people", dict(metric="employees")),
    ("employs-workers-factory",
     "The plant, which employs 2,000 workers, will close next year, Ford said.",
     None, "2,000 workers", dict(metric="employees")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_what_befell_the_people_counted(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
