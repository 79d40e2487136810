"""Orders and bookings are measures of the company that takes them, never an entity of
their own: "Orders climbed 4% to 22.5 billion euros" after "Siemens raised its
forecast" is Siemens' (extract/data/metrics.toml [metrics.orders]). Industrial results,
video-game results, aircraft makers."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("orders-industrial-results",
     "Siemens raises outlook as quarterly profit jumps\n\n"
     "Siemens raised its full-year earnings forecast on Thursday after net income rose 40%. "
     "Orders climbed 4% to 22.5 billion euros.",
     None, "22.5 billion euros", dict(subject="Siemens", metric="orders")),
    ("net-bookings-games-results",
     "Electronic Arts tops estimates on soccer game demand\n\n"
     "Electronic Arts beat Wall Street estimates on Tuesday as its soccer franchise drew players. "
     "Net bookings rose 15% to $2.1 billion in the quarter.",
     None, "$2.1 billion", dict(subject="Electronic Arts", metric="orders")),
    ("new-orders-aircraft",
     "Airbus deliveries rise in October\n\n"
     "Airbus delivered 63 jets in October, the planemaker said. "
     "New orders fell to 37 aircraft, from 66 a year earlier.",
     None, "37 aircraft", dict(subject="Airbus")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_orders_are_the_companys(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
