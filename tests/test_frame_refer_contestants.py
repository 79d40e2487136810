"""A role that tells two contestants apart ("the champion", "the incumbent") is not the person
named last: the story may have named the other one last (data/refer.toml [people]). Tennis,
an election."""

import pytest

from tests.test_frame import _claims, _find

CASES = [
    ("champion-after-the-loser-tennis",
     "Jannik Sinner came from two sets down to beat Daniil Medvedev in the Australian Open final on Sunday.\n\n"
     "Medvedev, the third seed, had spent more than 20 hours on court.\n\n"
     "The champion collects 3.15 million Australian dollars in prize money.",
     "3.15 million Australian dollars", "Medvedev"),
    ("incumbent-after-the-challenger-election",
     "Governor Laura Kelly faced Derek Schmidt in Tuesday's election.\n\n"
     "Schmidt conceded late on Tuesday night.\n\n"
     "The incumbent won 49.5% of the vote.",
     "49.5%", "Schmidt"),
]


@pytest.mark.parametrize("text,surface,not_subject", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_contestant_role_is_not_the_last_named(nlp, text, surface, not_subject):
    assert _find(_claims(nlp, text, None), surface).subject != not_subject
