"""A prison sentence asked for is the defendant's and the asking side's claim
(extract/frame/sought_sentence.py, data/accused.toml [sought]); every term is a prison
sentence (metrics.toml). US wire copy, a US local court story, a UK crown court report."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("asked-for-a-sentence-of-ap",
     "Michael Reyes was sentenced on Tuesday to 12 years in prison for fraud.\n\n"
     "Prosecutors had asked for a sentence of 20 years.", "20 years",
     dict(subject="Michael Reyes", source="prosecutors", metric="prison sentence")),
    ("sought-a-year-sentence-for-local",
     "Jones was convicted of murder in May.\n\n"
     "Prosecutors sought a 30-year sentence for Jones, while his lawyers asked for 10 years.", "30-year",
     dict(subject="Jones", source="prosecutors", metric="prison sentence")),
    ("defence-asked-for-years-local",
     "Jones was convicted of murder in May.\n\n"
     "Prosecutors sought a 30-year sentence for Jones, while his lawyers asked for 10 years.", "10 years",
     dict(subject="Jones", metric="prison sentence")),
    ("sought-a-term-crown-court",
     "Dean Hart, 35, was jailed for six years at Leeds Crown Court on Friday.\n\n"
     "The prosecution had sought a term of eight years.", "eight years", dict(subject="Dean Hart")),
    # the sentence handed down stays the defendant's fact
    ("handed-down-stays-ap",
     "Michael Reyes was sentenced on Tuesday to 12 years in prison for fraud.\n\n"
     "Prosecutors had asked for a sentence of 20 years.", "12 years",
     dict(subject="Michael Reyes", source=None, metric="prison sentence")),
]


@pytest.mark.parametrize("text,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_sentence_asked_for(nlp, text, surface, fields):
    assert_fields(nlp, text, None, surface, fields)
