"""A claim's period is a typed record (extract.records.Period): parsed once, the contract's string everywhere."""

import json

import pytest

from extract.records import Claim, Period, PeriodKind, parse_period
from claims.store import ClaimStore
from tests.test_store import cnbc

# (id, the contract's string, kind, year, part, fiscal, one before, a year earlier)
PERIODS = [
    ("year", "2026", PeriodKind.year, 2026, None, False, "2025", "2025"),
    ("quarter", "2026-Q1", PeriodKind.quarter, 2026, 1, False, "2025-Q4", "2025-Q1"),
    ("half", "2025-H2", PeriodKind.half, 2025, 2, False, "2025-H1", "2024-H2"),
    ("month", "2026-01", PeriodKind.month, 2026, 1, False, "2025-12", "2025-01"),
    ("fiscal-year", "FY2024", PeriodKind.year, 2024, None, True, "FY2023", "FY2023"),
    ("fiscal-quarter", "FY2026-Q2", PeriodKind.quarter, 2026, 2, True, "FY2026-Q1", "FY2025-Q2"),
    ("day", "2026-07-14", PeriodKind.day, 2026, None, False, None, "2025-07-14"),
    ("other-kept-as-written", "the 1990s", PeriodKind.other, None, None, False, None, None),
]


@pytest.mark.parametrize("text,kind,year,part,fiscal,before,year_earlier", [p[1:] for p in PERIODS],
                         ids=[p[0] for p in PERIODS])
def test_period_parts(text, kind, year, part, fiscal, before, year_earlier):
    p = parse_period(text)
    assert p == text and str(p) == text
    assert (p.kind, p.year, p.part, p.fiscal) == (kind, year, part, fiscal)
    assert p.previous() == before
    assert p.year_earlier() == year_earlier


@pytest.mark.parametrize("parts,text", [
    ((2025, PeriodKind.quarter, 3), "2025-Q3"), ((2026, PeriodKind.month, 5), "2026-05"),
    ((2025, PeriodKind.year, None), "2025"),
], ids=["quarter", "month", "year"])
def test_period_of_parts_is_the_contract_string(parts, text):
    assert Period.of(*parts) == text


def test_claim_period_is_typed_and_dumps_as_the_string():
    claim = Claim(doc="d", start=0, end=3, surface="$5", quote="$5 in Q1", unit="USD", period="2026-Q1")
    assert isinstance(claim.period, Period) and claim.period.quarter == 1
    assert json.loads(claim.model_dump_json())["period"] == "2026-Q1"
    assert claim.contract_dict()["period"] == "2026-Q1"


def test_stored_claims_read_back_with_typed_periods(tmp_path):
    with ClaimStore(tmp_path / "claims.db") as store:
        store.add_document(*cnbc())
        periods = [c.period for c in store.claims() if c.period]
    assert periods and all(isinstance(p, Period) and p.kind != PeriodKind.other for p in periods)
