"""What a figure measures when its unit or its verb says it, not a noun
(extract/frame/unit_metric.py; word tables in extract/data/metrics.toml and the
[named_scales] and [ordinals] of extract/data/quantities.toml): a quake's magnitude, a
place in a table or a field, what befell a count of people, what a duration timed.

Sentences from wire copy of disasters, sport, courts and public safety.
Each case: id, passage, figure (by surface), fields.
"""

import pytest

from tests.test_frame import _claims, _find

CASES = [
    # --- a reading on a named scale is no count of quakes ---------------------------
    ("magnitude-before-number-wire", "The magnitude 7.8 quake was the deadliest in Turkey since 1999.",
     "magnitude 7.8", {"unit": "magnitude", "value": 7.8, "metric": "magnitude"}),
    ("magnitude-hyphenated-after", "A 6.4-magnitude earthquake struck off the coast of Japan on Monday.",
     "6.4-magnitude", {"unit": "magnitude", "value": 6.4, "metric": "magnitude"}),
    ("magnitude-richter-scale", "The tremor measured 5.9 on the Richter scale, the geological survey said.",
     "5.9", {"unit": "magnitude", "metric": "magnitude"}),
    ("magnitude-of", "The quake had a magnitude of 6.8, the U.S. Geological Survey said.",
     "6.8", {"unit": "magnitude", "metric": "magnitude"}),
    # --- an ordinal with nothing counted after it is a place ------------------------
    ("place-league-table-football", "Wolves remain 18th with 13 points from 17 matches, three points from safety.",
     "18th", {"unit": "rank", "metric": "league position"}),
    ("place-table-spurs", "Spurs have won just five matches this season and currently lie 14th in the table.",
     "14th", {"unit": "rank", "metric": "league position"}),
    ("place-finished-golf", "Scottie Scheffler finished 18th at the Masters, five shots behind the leader.",
     "18th", {"unit": "rank", "metric": "finishing position"}),
    ("ordinal-counts-a-noun", "He scored his 10th goal of the season on Saturday.",
     "10th", {"unit": "count"}),
    # --- what befell the people counted ------------------------------------------
    ("people-were-killed-quake", "In Turkey, 17,674 people were killed, Vice President Fuat Oktay said.",
     "17,674 people", {"metric": "deaths"}),
    ("people-have-died-syria", "In Syria, more than 3,300 people have died, according to the government.",
     "3,300 people", {"metric": "deaths"}),
    ("killed-people-object-tremor", "A tremor of similar strength killed more than 17,000 people in 1999.",
     "17,000 people", {"metric": "deaths"}),
    ("people-missing-hurricane", "Hundreds of people are still missing, officials said.",
     "Hundreds of people", {"metric": "people missing"}),
    ("people-arrested-police", "Police arrested six people Monday during a narcotics investigation.",
     "six people", {"metric": "people arrested"}),
    ("residents-evacuated-flood", "More than 4,000 residents were evacuated as the river burst its banks.",
     "4,000 residents", {"metric": "people evacuated"}),
    # --- jobs and staff a company cuts -------------------------------------------
    ("cut-jobs-paper", "The New York Times reported on Sunday that WeWork is preparing to cut 4,000 jobs.",
     "4,000 jobs", {"metric": "job cuts"}),
    ("laid-off-employees-union", "Gannett laid off 60 employees last year, the union said.",
     "60 employees", {"metric": "job cuts"}),
    ("eliminate-positions-autos", "Ford will eliminate 7,000 salaried positions by the end of August.",
     "7,000 salaried positions", {"metric": "job cuts"}),
    ("added-jobs-stay-employees", "The company added 500 jobs in May.", "500 jobs", {"metric": "employees"}),
    # --- what a duration timed ------------------------------------------------------
    ("deliberated-for-days-court", "The jury deliberated for three days before returning its verdict.",
     "three days", {"metric": "deliberation time"}),
    ("deliberating-for-hours-wire", "A federal jury convicted him after deliberating for about four hours.",
     "four hours", {"metric": "deliberation time"}),
    ("took-years-to-build", "The company took two years to build the platform, according to court filings.",
     "two years", {"metric": "construction time"}),
    ("trial-lasted-weeks", "The second trial, which lasted six weeks, ended on Thursday.",
     "six weeks", {"metric": "trial length"}),
    ("match-lasted-hours-tennis", "The match lasted more than four hours on Sunday.",
     "four hours", {"metric": "match length"}),
    ("years-in-prison", "The defendant faces up to 110 years in prison; sentencing is set for June.",
     "110 years", {"metric": "prison sentence"}),
    ("hours-on-court", "Medvedev had spent more than 20 hours on court in his six previous matches.",
     "20 hours", {"metric": "time on court"}),
    # --- what a purpose clause after a duration reaches: a verdict ------------------
    ("took-minutes-to-find-guilty-tv", "Webb confessed to the crime and the jury took just 15 minutes to find him guilty.",
     "15 minutes", {"metric": "deliberation time"}),
    ("needed-hours-to-convict-wire", "Jurors needed less than three hours to convict Chauvin of all three charges.",
     "three hours", {"metric": "deliberation time"}),
    ("took-hours-to-reach-a-verdict-paper", "It took the jury about two hours to reach a verdict on Friday.",
     "two hours", {"metric": "deliberation time"}),
    # --- a duration before a noun is how long that thing lasts ----------------------
    ("two-day-trial-tv", "Following a two-day trial in September, a federal jury convicted Webb.",
     "two-day", {"metric": "trial length"}),
    ("ninety-day-extension-wire", "The Commerce Department granted Huawei a 90-day license extension on Monday.",
     "90-day", {"metric": "extension length"}),
    ("hour-hold-police", "Blair was booked into the county jail on a 48-hour hold, police said.",
     "48-hour", {"metric": "hold length"}),
]


@pytest.mark.parametrize("text,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_unit_and_verb_metrics(nlp, text, surface, fields):
    c = _find(_claims(nlp, text, None), surface)
    got = c.model_dump(mode="json")
    for k, want in fields.items():
        assert got[k] == want, f"{k}: got {got[k]!r}, want {want!r} ({surface!r} in {text!r})"
