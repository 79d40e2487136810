"""A count of homes or buildings by what befell them (extract/frame/damage_metric.py,
metrics.toml [damage_verbs]): the verb that takes the count names the toll ("destroyed
35,000 homes" -> homes destroyed), so two outlets' counts of one disaster compare; a count
of homes on any other verb is the housing market's and stays "homes". Storm, wildfire,
tsunami, flood, earthquake; wire, broadcaster and business copy."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("storm-destroyed-homes-wire", "The typhoon destroyed more than 35,000 homes in the province, officials said.",
     "35,000 homes", dict(metric="homes destroyed")),
    ("homes-were-damaged-passive-tv", "At least 2,000 homes were damaged, the civil defence agency said.",
     "2,000 homes", dict(metric="homes damaged")),
    ("wildfire-burned-homes", "The wildfire burned 1,300 homes in Paradise before crews contained it.",
     "1,300 homes", dict(metric="homes destroyed")),
    ("tsunami-swept-away-houses", "The tsunami swept away 5,000 houses along the coast.",
     "5,000 houses", dict(metric="homes destroyed")),
    ("destroyed-homes-adjective", "The fire left 300 destroyed homes in its wake.",
     "300 destroyed homes", dict(metric="homes destroyed")),
    ("floodwaters-inundated-homes", "Floodwaters inundated 12,000 homes across Rio Grande do Sul.",
     "12,000 homes", dict(metric="homes flooded")),
    ("quake-toppled-buildings", "The quake toppled 48 buildings in Hualien, the fire agency said.",
     "48 buildings", dict(metric="buildings destroyed")),
    # the housing market's homes stay homes
    ("sold-homes-stay-homes", "The builder sold 35,000 homes last year, up 8% from 2022.",
     "35,000 homes", dict(metric="homes")),
    ("completed-homes-stay-homes", "Builders completed 1.4 million homes in 2023, the Commerce Department said.",
     "1.4 million homes", dict(metric="homes")),
]


@pytest.mark.parametrize("text,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_count_of_homes_by_what_befell_them(nlp, text, surface, fields):
    assert_fields(nlp, text, None, surface, fields)
