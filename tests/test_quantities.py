"""Sentence in, quantities out: one case per rule of the recogniser.

Each case is (sentence, expected) where expected lists (surface, value-or-(low, high),
unit, approx) for every quantity the sentence holds. Sentences come from the seed
articles and from ordinary press copy.
"""

import pytest

from extract.quantities import find_quantities, recognise

B = 1e9
M = 1e6

CASES = [
    # money: symbols, codes, words, scales
    ("money-scale-word", "Amazon alone has committed $200 billion to AI infrastructure.",
     [("$200 billion", 200 * B, "USD", "exact")]),
    ("money-bn", "The deal is worth €2.5bn, sources said.", [("€2.5bn", 2.5 * B, "EUR", "exact")]),
    ("money-m-glued", "It paid £300m for the stake.", [("£300m", 300 * M, "GBP", "exact")]),
    ("money-us-dollar-sign", "Revenue reached US$1.2 billion.", [("US$1.2 billion", 1.2 * B, "USD", "exact")]),
    ("money-code-before", "The fund raised RMB 5 billion last year.", [("RMB 5 billion", 5 * B, "CNY", "exact")]),
    ("money-word-after", "a loan of 500 million yuan", [("500 million yuan", 500 * M, "CNY", "exact")]),
    ("money-spelled-out", "Six hundred billion dollars of spending without matching revenue.",
     [("Six hundred billion dollars", 600 * B, "USD", "exact")]),
    ("money-cents", "Shares rose 45 cents.", [("45 cents", 0.45, "USD", "exact")]),
    ("money-small", "ChatGPT Plus at $20 per month is already not cheap.", [("$20", 20, "USD", "exact")]),
    ("money-decimal", "spends $0.12 of every dollar of revenue", [("$0.12", 0.12, "USD", "exact")]),
    ("money-comma", "A developer who spends $10,000 building a product", [("$10,000", 10000, "USD", "exact")]),
    ("money-negative", "The unit posted a result of -$5 million.", [("-$5 million", -5 * M, "USD", "exact")]),
    # ranges
    ("range-between-and", "Alphabet has roughly doubled its guidance to between $175 and $185 billion.",
     [("doubled", 2, "times", "approximately"), ("$175 and $185 billion", (175 * B, 185 * B), "USD", "exact")]),
    ("range-hyphen", "Alphabet raised its 2026 capital expenditure guidance to $180-190 billion.",
     [("$180-190 billion", (180 * B, 190 * B), "USD", "exact")]),
    ("range-en-dash", "It examined approximately $30–40 billion in corporate spending.",
     [("$30–40 billion", (30 * B, 40 * B), "USD", "approximately")]),
    ("range-both-scaled", "on track to spend somewhere between $700 billion and $900 billion on AI",
     [("$700 billion and $900 billion", (700 * B, 900 * B), "USD", "approximately")]),
    ("range-scaled-ends", "US$1.2 billion-$1.5 billion in new bonds",
     [("US$1.2 billion-$1.5 billion", (1.2 * B, 1.5 * B), "USD", "exact")]),
    ("range-or-even", "training a single model could cost $5 billion or even $10 billion.",
     [("$5 billion or even $10 billion", (5 * B, 10 * B), "USD", "exact")]),
    ("range-percent-to", "capital intensity has reached 45 to 57% for these companies.",
     [("45 to 57%", (45, 57), "percent", "exact")]),
    ("range-percent-from-to", "Turnout rose from 45% to 57% in a decade.", [("45% to 57%", (45, 57), "percent", "exact")]),
    ("range-percent-hyphen-hedge", "gross margins of 70%-80% or higher", [("70%-80%", (70, 80), "percent", "at least")]),
    ("range-words-years", "could fundamentally improve within two to three years",
     [("two to three years", (2, 3), "year", "exact")]),
    ("range-scale-both-ends", "between 2 and 3 million people", [("2 and 3 million people", (2 * M, 3 * M), "count", "exact")]),
    # percent and points
    ("percent-sign", "95% of those pilots produced no measurable impact.", [("95%", 95, "percent", "exact")]),
    ("percent-spelled", "Ninety-five percent.", [("Ninety-five percent", 95, "percent", "exact")]),
    ("percent-word", "Unemployment fell to 4.1 per cent in May.", [("4.1 per cent", 4.1, "percent", "exact")]),
    ("percentage-points", "The margin widened by 3 percentage points.", [("3 percentage points", 3, "percentage_point", "exact")]),
    ("basis-points", "The Fed raised rates by 25 basis points.", [("25 basis points", 25, "basis_point", "exact")]),
    # multipliers
    ("times-comparative", "legal roles saw median monthly output tokens 13 times higher than November 2025",
     [("13 times", 13, "times", "exact")]),
    ("times-up-to", "Agentic coding tasks can consume up to 1000 times more tokens.",
     [("1000 times", 1000, "times", "up to")]),
    ("times-vary-by", "Token consumption for the same task can vary by 30 times across different runs.",
     [("30 times", 30, "times", "up to")]),
    ("times-x", "Inference got 1000x cheaper.", [("1000x", 1000, "times", "exact")]),
    ("fivefold", "active Codex users grew more than fivefold", [("fivefold", 5, "times", "more than")]),
    ("doubling", "more than doubling its 2025 outlay", [("doubling", 2, "times", "more than")]),
    ("order-of-magnitude", "has already fallen by an order of magnitude.", [("order of magnitude", 10, "times", "approximately")]),
    ("times-occurrences", "repeatedly scraping Claude 28.8 million times",
     [("28.8 million times", 28.8 * M, "count", "exact")]),
    # fractions
    ("fraction-nearly-half", "AI spending has been cut by nearly half.", [("half", 50, "percent", "approximately")]),
    ("fraction-two-thirds", "Two-thirds of respondents said so.", [("Two-thirds", 66.66666666667, "percent", "exact")]),
    # counts, units, durations
    ("count-noun", "data from over 1,000 companies", [("1,000 companies", 1000, "count", "more than")]),
    ("power-mw", "the Colossus-1 data center with 300MW capacity", [("300MW", 3e8, "W", "exact")]),
    ("power-gw", "15.2GW of capacity is under construction", [("15.2GW", 1.52e10, "W", "exact")]),
    ("energy-twh", "Data centres used 415 TWh of electricity.", [("415 TWh", 415 * 3.6e15, "J", "exact")]),
    ("duration-adjective", "over an approximate six-year usage cycle", [("six-year", 6, "year", "approximately")]),
    ("duration-less-than", "if the lifespan is shorter than six years", [("six years", 6, "year", "less than")]),
    ("duration-beyond", "The payback period stretches beyond ten years.", [("ten years", 10, "year", "more than")]),
    ("duration-minutes", "Karp vented for nearly twenty minutes on CNBC.", [("twenty minutes", 20, "minute", "approximately")]),
    # hedges
    ("hedge-crossed-a", "Microsoft's AI business crossed a $37 billion annual run rate, up 123% year-over-year.",
     [("$37 billion", 37 * B, "USD", "more than"), ("123%", 123, "percent", "exact")]),
    ("hedge-as-much-as", "Meta raised its full-year guidance to as much as $145 billion.",
     [("$145 billion", 145 * B, "USD", "up to")]),
    ("hedge-could-reach", "capital expenditure this year could reach $200 billion.", [("$200 billion", 200 * B, "USD", "up to")]),
    ("hedge-break-the", "flagship models are expected to break the $1 billion barrier.", [("$1 billion", 1 * B, "USD", "more than")]),
    ("hedge-at-least", "would need to produce at least $600 billion in annual revenue", [("$600 billion", 600 * B, "USD", "at least")]),
    ("hedge-something-in-the-range", "something in the range of $180 billion in GPU purchases",
     [("$180 billion", 180 * B, "USD", "approximately")]),
    ("hedge-tilde", "a market of ~$40 billion", [("$40 billion", 40 * B, "USD", "approximately")]),
    # vague magnitudes
    ("vague-hundreds-of-billions", "splurged on data centers for hundreds of billions of dollars",
     [("hundreds of billions of dollars", (1e11, 1e12), "USD", "approximately")]),
    ("vague-adjective", "Where does this trillion-dollar gamble end?", [("trillion-dollar", 1e12, "USD", "approximately")]),
    ("vague-count", "connects thousands of GPUs into a coherent system", [("thousands of GPUs", (1e3, 1e4), "count", "approximately")]),
]

NOT_QUANTITIES = [
    ("year", "In 2025, global tech giants' investments reached staggering proportions.", "2025"),
    ("year-adjective", "Alphabet raised its 2026 capital expenditure guidance.", "2026"),
    ("model-name-hyphen", "GPT-4's training cost was estimated", "4"),
    ("model-name-version", "open-source models like GLM 5.2 and Kimi 2.7", "2.7"),
    ("model-name-glued", "Zhipu GLM-5.2 is among the first", "5.2"),
    ("product-code", "Anthropic took over the Colossus-1 data center", "1"),
    ("list-numbering", "1. Continued Breakthroughs in Inference Efficiency", "1"),
    ("quarter-label", "AWS revenue grew in Q1 this year", "1"),
    ("ordinal", "In the 19th century railroad bubble", "19"),
    ("decade", "During the late 1990s, telecom companies borrowed", "1990"),
    ("time-of-day", "The market closed at 4:30 pm.", "4"),
    ("day-of-month", "The results came on June 5, 2026.", "5"),
    ("phone", "Call 555-123-4567 for details.", "555"),
    ("url", "Telegram subscription group: https://t.me/theblockbeats2024", "2024"),
    ("time-window-past", "the pace of gains over the past two years", "two"),
    ("time-window-ago", "If this news had come out three years ago", "three"),
    ("ticker-like", "a16z said many practitioners agree", "16"),
]


def _expected_value(v):
    return (None, v[0], v[1]) if isinstance(v, tuple) else (v, None, None)


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_recognises(sentence, expected):
    got = find_quantities(sentence)
    assert [q.surface for q in got] == [e[0] for e in expected]
    for q, (surface, v, unit, approx) in zip(got, expected):
        value, low, high = _expected_value(v)
        assert sentence[q.start:q.end] == q.surface == surface
        assert q.unit == unit
        assert q.approx.value == approx
        for got_v, want in ((q.value, value), (q.low, low), (q.high, high)):
            if want is None:
                assert got_v is None
            else:
                assert got_v == pytest.approx(want, rel=1e-9)


@pytest.mark.parametrize("sentence,number", [c[1:] for c in NOT_QUANTITIES], ids=[c[0] for c in NOT_QUANTITIES])
def test_refuses(sentence, number):
    quantities, rejected = recognise(sentence)
    start = sentence.index(number)
    assert not any(q.start <= start < q.end for q in quantities), quantities


def test_rejections_carry_a_reason():
    _, rejected = recognise("GPT-4 launched in 2023.")
    reasons = {r.surface: r.reason for r in rejected}
    assert reasons["2023"] == "a year"
    assert "name" in reasons["4"]


def test_offsets_are_into_the_original_text():
    text = "Menu\nAWS revenue grew 28% in Q1, reaching $37.6 billion."
    qs = find_quantities(text, start=5)
    assert [text[q.start:q.end] for q in qs] == ["28%", "$37.6 billion"]
