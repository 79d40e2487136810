"""Evidence that bridges fields framed apart (claims/reconcile/bridges.py) and agreement
that only corroborates: real-style sentences from two outlets or domains, framed as the
pipeline frames them today, and the verdict reconciliation reaches."""

import datetime as dt

import pytest

from claims.reconcile import reconcile
from tests.test_reconcile_evidence import BACKGROUND, said, verdict

# --------------------------------------------------------------- subject by its sentence
# A canonical subject the sentence never names yields to the one it names.
SENTENCE_SUBJECTS = [
    ("cloud-unit-named-in-full-wire-vs-blog",
     said("Amazon Web Services revenue rose 20.2% to $33 billion in the third quarter, the fastest growth since 2022.",
          "$33 billion", 33e9, 1, unit="USD", subject="Amazon", metric="revenue", period="2025-Q3"),
     said("AWS grew 20% year over year to $33.0 billion in the third quarter of 2025.", "$33.0 billion", 33e9, 2,
          unit="USD", subject="AWS", period="2025-Q3"),
     "agree"),
    ("chatbot-named-in-full-trade-vs-broadcast",
     said("ChatGPT Plus now has 10 million paying subscribers, its maker told reporters on Monday.",
          "10 million paying subscribers", 10e6, 1, subject="OpenAI", metric="paying subscribers"),
     said("ChatGPT has 10 million paying subscribers, its maker said on Tuesday.", "10 million paying subscribers",
          10e6, 2, subject="ChatGPT", metric="paying subscribers"),
     "agree"),
    ("a-sentence-naming-the-parent-keeps-it",  # the whole is named: framing stands, a part is not its whole
     said("Amazon's revenue rose 13% to $180.2 billion in the third quarter.", "$180.2 billion", 180.2e9, 1,
          unit="USD", subject="Amazon", metric="revenue", period="2025-Q3"),
     said("AWS revenue came in at $180 billion in the third quarter, an analyst wrote.", "$180 billion", 180e9, 2,
          unit="USD", subject="AWS", metric="revenue", period="2025-Q3"),
     None),
]


@pytest.mark.parametrize("a,b,want", [c[1:] for c in SENTENCE_SUBJECTS], ids=[c[0] for c in SENTENCE_SUBJECTS])
def test_subject_by_its_sentence(a, b, want):
    assert verdict(a, b) == want


# ------------------------------------------------------------------- cross-named subjects
# Each side's sentence names the other's subject: two sentences about the same people and
# places, so a disagreement is confident even when their other words differ.
CROSS_NAMED = [
    ("jury-deliberation-local-tv-vs-network",
     said("Webb confessed to the crime and the jury took just 15 minutes to find him guilty.", "15 minutes", 15, 1,
          unit="minute", subject="Fort Worth"),
     said("A federal jury in Fort Worth deliberated for less than 10 minutes before convicting Webb, 51, of "
          "kidnapping the girl.", "10 minutes", 10, 2, unit="minute", approx="less than", subject="Webb"),
     "contradiction"),
    ("rescue-duration-wire-vs-local",
     said("Divers from Marlow pulled the last of the Kessler crew from the flooded mine after 36 hours.", "36 hours",
          36, 1, unit="hour", subject="Kessler crew"),
     said("The Kessler crew spent 52 hours underground before rescuers reached them, Marlow officials said.",
          "52 hours", 52, 2, unit="hour", subject="Marlow"),
     "contradiction"),
    ("one-name-framed-alike-stays-possible",  # both sentences name one subject only: no second name
     said("The Kessler crew spent 36 hours underground before divers reached them, officials said.", "36 hours",
          36, 1, unit="hour", subject="Kessler crew"),
     said("Rescuers said the Kessler crew had been underground for 52 hours when the pumps failed.", "52 hours", 52, 2,
          unit="hour", subject="Kessler crew"),
     "possible"),
    ("names-that-do-not-cross-stay-possible",
     said("The Kessler crew spent 36 hours underground before divers reached them, officials said.", "36 hours",
          36, 1, unit="hour", subject="Kessler crew"),
     said("Divers spent 52 hours underground searching the flooded Marlow mine, officials said.", "52 hours", 52, 2,
          unit="hour", subject="divers"),
     "possible"),
]


@pytest.mark.parametrize("a,b,want", [c[1:] for c in CROSS_NAMED], ids=[c[0] for c in CROSS_NAMED])
def test_cross_named_subjects(a, b, want):
    assert verdict(a, b) == want


# ------------------------------------------------------------ fiscal and calendar years
# FY2019 and 2019 of a company whose fiscal calendar is not listed: possibly one year, so
# the same figure corroborates and a different one is no conflict.
FISCAL_YEARS = [
    ("retailer-guidance-same-figure",
     said("Looking ahead, Home Depot sees fiscal year 2019 comparable sales growth of 3.5 percent.", "3.5 percent",
          3.5, 1, unit="percent", subject="Home Depot", metric="comparable sales growth", period="FY2019",
          kind="forecast"),
     said("Home Depot management said comparable-store sales growth in 2019 will be 3.5%.", "3.5%", 3.5, 2,
          unit="percent", subject="Home Depot", metric="comparable sales growth", period="2019", kind="forecast"),
     "agree"),
    ("farm-machinery-outlook-same-figure",
     said("Deere expects fiscal 2024 net income of about $7 billion, the company said in its outlook.",
          "$7 billion", 7e9, 1, unit="USD", approx="approximately", subject="Deere", metric="net income",
          period="FY2024", kind="forecast"),
     said("Deere expects net income of $7 billion in 2024, down from a record the year before, its outlook said.",
          "$7 billion", 7e9, 2, unit="USD", subject="Deere", metric="net income", period="2024", kind="forecast"),
     "agree"),
    ("different-figures-are-no-conflict",
     said("Deere expects fiscal 2024 net income of about $7 billion, the company said in its outlook.",
          "$7 billion", 7e9, 1, unit="USD", approx="approximately", subject="Deere", metric="net income",
          period="FY2024", kind="forecast"),
     said("Deere expects net income of $10 billion in 2024, down from a record the year before, its outlook said.",
          "$10 billion", 10e9, 2, unit="USD", subject="Deere", metric="net income", period="2024", kind="forecast"),
     None),
]


@pytest.mark.parametrize("a,b,want", [c[1:] for c in FISCAL_YEARS], ids=[c[0] for c in FISCAL_YEARS])
def test_fiscal_and_calendar_years(a, b, want):
    assert verdict(a, b) == want


def test_a_percent_level_said_as_growth_meets_the_growth():
    a = said("Company management said comparable-store sales growth in 2019 will be 3.5%, compared with prior "
             "guidance of 4.0%.", "4.0%", 4.0, 1, unit="percent", subject="Home Depot", metric="comparable sales",
             period="2019", kind="forecast")
    b = said("Home Depot cut its comparable sales growth forecast, down from previous guidance of up 4 percent.",
             "4 percent", 4.0, 2, unit="percent", subject="Home Depot", metric="comparable sales growth",
             period="2019", kind="forecast")
    assert verdict(a, b) == "agree"


# --------------------------------------------------------------- market expectations
# Two providers of the market's expectation that agree corroborate; that differ, are both right.
MARKET = [
    ("eps-consensus-two-outlets",
     said("Wall Street predicted $2.52 a share.", "$2.52", 2.52, 1, unit="USD", subject="Home Depot",
          metric="earnings per share", period="FY2019-Q3", kind="estimate", source="Wall Street"),
     said("Wall Street analysts surveyed by Refinitiv were expecting $2.52 a share on revenue of $27.53 billion.",
          "$2.52", 2.52, 2, unit="USD", subject="Home Depot", metric="earnings per share", period="FY2019-Q3",
          kind="estimate", source="Refinitiv"),
     "agree"),
    ("payrolls-consensus-two-outlets",
     said("Economists polled by Reuters had forecast payrolls increasing by 180,000 jobs in May.", "180,000 jobs",
          180000, 1, subject="employers", metric="payrolls", period="2026-05", kind="estimate", source="economists"),
     said("Payrolls were expected to rise by 180,000 jobs in May, according to FactSet.", "180,000 jobs", 180000, 2,
          subject="employers", metric="payrolls", period="2026-05", kind="estimate", source="FactSet"),
     "agree"),
    ("two-providers-differing-are-both-right",
     said("Economists polled by Reuters had forecast payrolls increasing by 180,000 jobs in May.", "180,000 jobs",
          180000, 1, subject="employers", metric="payrolls", period="2026-05", kind="estimate", source="economists"),
     said("Payrolls were expected to rise by 165,000 jobs in May, according to FactSet.", "165,000 jobs", 165000, 2,
          subject="employers", metric="payrolls", period="2026-05", kind="estimate", source="FactSet"),
     None),
]


@pytest.mark.parametrize("a,b,want", [c[1:] for c in MARKET], ids=[c[0] for c in MARKET])
def test_market_expectations(a, b, want):
    assert verdict(a, b) == want


# ------------------------------------------------------------------ figures to date
TO_DATE = [
    ("shares-year-to-date-agree",
     said("Home Depot shares are up about 40% year to date, easily outpacing the Dow.", "40%", 40, 1,
          unit="percent", approx="approximately", subject="Home Depot", metric="share price growth", direction="up"),
     said("Home Depot shares are up 39 percent year-to-date while the S&P 500 is up 24.5 percent.", "39 percent", 39,
          2, unit="percent", subject="Home Depot", metric="share price growth", direction="up"),
     "agree"),
    ("rainfall-so-far-this-year-agree",
     said("San Diego has recorded 9.5 inches of rain so far this year, the weather service said.", "9.5 inches",
          0.2413, 1, unit="m", subject="San Diego", metric="rainfall"),
     said("Rainfall in San Diego so far this year stands at 9.5 inches, forecasters said.", "9.5 inches", 0.2413, 2,
          unit="m", subject="San Diego", metric="rainfall"),
     "agree"),
    ("to-date-figures-that-differ-are-no-conflict",  # most often to two different dates
     said("San Diego has recorded 9.5 inches of rain so far this year, the weather service said.", "9.5 inches",
          0.2413, 1, unit="m", subject="San Diego", metric="rainfall"),
     said("Rainfall in San Diego so far this year stands at 11 inches, forecasters said.", "11 inches", 0.2794, 2,
          unit="m", subject="San Diego", metric="rainfall"),
     None),
    ("to-date-vs-whole-year-never-paired",
     said("San Diego has recorded 9.5 inches of rain so far this year, the weather service said.", "9.5 inches",
          0.2413, 1, unit="m", subject="San Diego", metric="rainfall"),
     said("San Diego recorded 9.5 inches of rain last year, the weather service said.", "9.5 inches", 0.2413, 2,
          unit="m", subject="San Diego", metric="rainfall"),
     None),
]


@pytest.mark.parametrize("a,b,want", [c[1:] for c in TO_DATE], ids=[c[0] for c in TO_DATE])
def test_figures_to_date(a, b, want):
    assert verdict(a, b) == want


# ---------------------------------------------------------------- a rare value told alike
# Two documents of one story (their sentences name the same people, products, places)
# telling a value few documents tell: one fact, even in few shared words.
RARE_VALUES = [
    ("engine-power-in-two-units-car-press",
     said("The new Sentra gets a 149 horsepower four-cylinder engine, Nissan says.", "149 horsepower", 111109.3, 1,
          unit="W", subject="new version", metric="power"),
     said("It puts out 151 PS along with 197 Nm of torque, which Nissan claims beats the older Sentra.", "151 PS",
          111060.3, 2, unit="W", subject="Nissan"),
     "agree"),
    ("frame-rate-games-press",
     said("The subscription for Stadia gets players access to 4k streaming at 60 frames per second.",
          "60 frames per second", 60, 1, unit="fps", subject="Stadia"),
     said("Before launch Google promised Stadia players games at 60fps on high settings.", "60fps", 60, 2,
          unit="fps", subject="Alphabet", kind="forecast"),
     "agree"),
    ("same-value-other-stories-never-paired",  # a car two inches lower, two inches of rain
     said("The new underpinnings of the Sentra lower it two inches, Nissan says.", "two inches", 0.0508, 1, unit="m"),
     said("A storm dumped about 2 inches of rain on San Diego County, the National Weather Service said.",
          "2 inches", 0.0508, 2, unit="m", approx="approximately"),
     None),
]


@pytest.mark.parametrize("a,b,want", [c[1:] for c in RARE_VALUES], ids=[c[0] for c in RARE_VALUES])
def test_a_rare_value_told_alike(a, b, want):
    assert verdict(a, b) == want


def test_a_bridge_never_silences_a_keyed_conflict():
    """A pair framed alike in full is judged by key as before; a bridge adds, never removes."""
    a = said("Employers added 175,000 jobs in May, the Labor Department said.", "175,000 jobs", 175000, 1,
             subject="employers", metric="payrolls", period="2026-05")
    b = said("Nationally, employers added 210,000 jobs in May, the Labor Department reported.", "210,000 jobs",
             210000, 2, subject="employers", metric="payrolls", period="2026-05")
    [v] = reconcile([a, b, *BACKGROUND], {1: dt.date(2026, 6, 5), 2: dt.date(2026, 6, 5)}).conflicts
    assert v.tier == "contradiction"


# ------------------------------------------------------------------------- run-rates
# A run-rate and the level of one period, paired by words: the level times the periods in a year.
RUN_RATES = [
    ("cloud-run-rate-essay-vs-trade",
     said("Some of that revenue is real and growing: AWS is running at roughly $150 billion annualised.",
          "$150 billion", 150e9, 1, unit="USD", approx="approximately", subject="AWS", metric="run-rate revenue"),
     said("AWS revenue grew 28% in Q1, reaching $37.6 billion, a rare fast growth in recent years.", "$37.6 billion",
          37.6e9, 2, unit="USD", subject="AWS", metric="revenue", period="2026-Q1"),
     "agree"),
    ("ai-lab-run-rate-newsletter-vs-wire",
     said("Anthropic's annualised run-rate revenue has reached $5 billion, people familiar with its finances said.",
          "$5 billion", 5e9, 1, unit="USD", subject="Anthropic", metric="run-rate revenue"),
     said("Anthropic booked revenue of $1.25 billion in the second quarter, people familiar with its finances said.",
          "$1.25 billion", 1.25e9, 2, unit="USD", subject="Anthropic", metric="revenue", period="2025-Q2"),
     "agree"),
    ("a-level-with-no-period-is-no-run-rate",
     said("Anthropic's annualised run-rate revenue has reached $5 billion, people familiar with its finances said.",
          "$5 billion", 5e9, 1, unit="USD", subject="Anthropic", metric="run-rate revenue"),
     said("Anthropic booked revenue of $1.25 billion, people familiar with its finances said.",
          "$1.25 billion", 1.25e9, 2, unit="USD", subject="Anthropic", metric="revenue"),
     None),
]


@pytest.mark.parametrize("a,b,want", [c[1:] for c in RUN_RATES], ids=[c[0] for c in RUN_RATES])
def test_a_run_rate_against_one_period(a, b, want):
    assert verdict(a, b) == want
