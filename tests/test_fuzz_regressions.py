"""Inputs that once crashed a stage under `bench/fuzz.py` (tests/fixtures/fuzz/),
replayed through the same checks: each must now be handled or rejected with a reason."""

from pathlib import Path

import pytest

from bench.fuzz import TARGETS, check_one

CRASHERS = sorted((Path(__file__).parent / "fixtures" / "fuzz").glob("*.bin"))


@pytest.mark.parametrize("path", CRASHERS, ids=[p.stem for p in CRASHERS])
def test_fuzz_crasher_is_fixed(path):
    target = path.stem.split("-", 1)[0]
    assert target in TARGETS
    check_one(target, path.read_bytes())


@pytest.mark.parametrize("target", TARGETS)
def test_fuzz_harness_accepts_a_real_article(target):
    check_one(target, (Path(__file__).parents[1] / "corpus" / "003_08f9275d7acdc05e.txt").read_bytes())
