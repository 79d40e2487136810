"""The contract commands' output is unchanged unless a commit says why (tests/golden/record.py)."""

import difflib
import json

import pytest

from tests.golden.record import HERE, SETS, outputs


@pytest.fixture(scope="module")
def now():
    return outputs()


def _key(line: str) -> str:
    d = json.loads(line)
    if "a" in d:
        return f"{d['a']['doc']}:{d['a']['start']} ~ {d['b']['doc']}:{d['b']['start']}"
    return f"{d['doc']}:{d['start']}"


@pytest.mark.parametrize("fname", [f"{kind}_{name}.jsonl" for name in SETS for kind in ("extract", "conflicts")])
def test_output_matches_the_recorded_golden_output(now, fname):
    recorded = (HERE / fname).read_text(encoding="utf-8").splitlines()
    if now[fname] != recorded:
        diff = list(difflib.unified_diff(recorded, now[fname], "recorded", "now", n=0, lineterm=""))
        changed = sorted({_key(x[1:]) for x in diff[2:] if x[:1] in "+-" and x[1:2] == "{"})
        pytest.fail(f"{fname}: {len(changed)} figure(s) changed, e.g. {changed[:5]}; "
                    "if deliberate, re-record with tests/golden/record.py and say why in the commit\n"
                    + "\n".join(diff[:12]))
