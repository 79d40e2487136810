"""Property tests on number recognition (hypothesis).

Any figure the project can print in the press's usual forms parses back to the same
value, unit and surface; recognition never raises on arbitrary text, and every span it
reports is a true slice of the text it was given.
"""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract.quantities import find_quantities

SCALES = {"": 1, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SHORT_SCALES = {"k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12}
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP"}
SENTENCES = ["Revenue was {} last year.", "The company said it spent {} on chips.",
             "Analysts put the figure at {}, up from a year earlier."]

settings.register_profile("claims", max_examples=int(__import__("os").environ.get("HYPOTHESIS_EXAMPLES", 150)), deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("claims")

# Amounts as the press writes them: 1 to 999 with at most two decimals ("$1.25 billion").
amounts = st.decimals(min_value=Decimal("1"), max_value=Decimal("999"), places=2).map(
    lambda d: d.normalize() if d == d.to_integral() else d)


def _text(d: Decimal) -> str:
    s = format(d, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def _only(text: str, surface: str):
    qs = find_quantities(text)
    hits = [q for q in qs if q.surface == surface]
    assert len(hits) == 1, (text, [(q.surface, q.value) for q in qs])
    return hits[0]


@given(amount=amounts, symbol=st.sampled_from(sorted(CURRENCIES)), scale=st.sampled_from(sorted(SCALES)),
       frame=st.sampled_from(SENTENCES))
@example(amount=Decimal("1.2"), symbol="$", scale="billion", frame=SENTENCES[0])
def test_money_with_scale_word_round_trips(amount, symbol, scale, frame):
    surface = f"{symbol}{_text(amount)}" + (f" {scale}" if scale else "")
    q = _only(frame.format(surface), surface)
    assert q.unit == CURRENCIES[symbol]
    assert q.value == pytest.approx(float(amount) * SCALES[scale], rel=1e-12)


@given(amount=amounts, scale=st.sampled_from(sorted(SHORT_SCALES)), frame=st.sampled_from(SENTENCES))
@example(amount=Decimal("1.2"), scale="bn", frame=SENTENCES[0])
def test_money_with_abbreviated_scale_round_trips(amount, scale, frame):
    surface = f"${_text(amount)}{scale}"
    q = _only(frame.format(surface), surface)
    assert q.unit == "USD"
    assert q.value == pytest.approx(float(amount) * SHORT_SCALES[scale], rel=1e-12)


@given(n=st.integers(min_value=1000, max_value=999_999_999_999))
@example(n=1_200_000)
def test_thousands_separated_counts_round_trip(n):
    surface = f"{n:,} people"
    q = _only(f"The survey reached {surface} in total.", surface)
    assert q.unit == "count" and q.value == n


@given(amount=st.decimals(min_value=Decimal("0.1"), max_value=Decimal("99.9"), places=1))
def test_percent_round_trips(amount):
    surface = f"{_text(amount)}%"
    q = _only(f"Margins rose {surface} in the quarter.", surface)
    assert q.unit == "percent" and q.value == pytest.approx(float(amount))


@given(lo=st.integers(min_value=1, max_value=500), width=st.integers(min_value=1, max_value=400),
       scale=st.sampled_from(["million", "billion"]), dash=st.sampled_from(["-", "–", " to "]))
@example(lo=175, width=10, scale="billion", dash="–")
def test_ranges_round_trip_with_the_scale_on_both_ends(lo, width, scale, dash):
    hi = lo + width
    surface = f"${lo}{dash}{hi} {scale}"
    q = _only(f"It guided capex to {surface} for next year.", surface)
    assert q.value is None
    assert (q.low, q.high) == (pytest.approx(lo * SCALES[scale]), pytest.approx(hi * SCALES[scale]))


@given(st.text(max_size=400))
def test_arbitrary_text_never_raises_and_spans_are_true(text):
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.surface


@given(st.lists(st.sampled_from(["$", "€", "1", "2,", ".5", "%", " billion", " to ", "-", "–", "bn", "between ",
                                 " and ", "roughly ", "more than ", "twenty", "-five", " percent", "x", "\n", " "]),
                max_size=40).map("".join))
def test_number_like_noise_never_raises_and_spans_are_true(text):
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.surface
        if q.value is None:
            assert q.low is not None or q.high is not None
