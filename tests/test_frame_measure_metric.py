"""What a physical measure measures when no noun names it (extract/frame/unit_metric.py
[unit_metrics] and extract/frame/measure_metric.py; metrics.toml [measure_nouns],
[measure_contexts], [measure_defaults]): a torque, a frame rate, a car's range, its
acceleration, a screen's size, a moon's diameter, a gust's speed.

Sentences in the style of motoring, games, weather and science reporting (AP, LA Times,
Reuters, Eurogamer, trade press). Each case: id, passage, figure (by surface), fields.
"""

import pytest

from tests.test_frame import _claims, _find

CASES = [
    # --- the unit says it -----------------------------------------------------------
    ("torque-newton-metres-trade", "The engine develops 197 Nm of torque, Nissan said.", "197 Nm", {"metric": "torque"}),
    ("torque-convertible-review", "Output is 471 horsepower and 540 Nm.", "540 Nm", {"metric": "torque"}),
    ("frames-per-second-games", "Google promised games at 4K and 60fps when the service launched.", "60fps",
     {"metric": "frame rate"}),
    ("frames-per-second-spelled-tech", "Stadia will stream at up to 60 frames per second.", "60 frames per second",
     {"metric": "frame rate"}),
    ("fuel-economy-autos", "Toyota says it will get 38 kilometers per liter.", "38 kilometers per liter",
     {"metric": "fuel economy"}),
    # --- a measure before a noun: that thing's size ---------------------------------
    ("liter-engine-autos", "It gets a 2.0-liter four-cylinder engine that makes 149 horsepower.", "2.0-liter",
     {"metric": "engine size"}),
    ("inch-screen-autos", "In-car infotainment comes courtesy of an 8-inch touchscreen display.", "8-inch",
     {"metric": "display size"}),
    ("inch-screen-la", "The dashboard is dominated by a 15.6-inch touch screen.", "15.6-inch",
     {"metric": "screen size"}),
    ("mile-range-noun", "The SUV has a 300-mile range, the company says.", "300-mile", {"metric": "range"}),
    # --- the sentence says it ----------------------------------------------------------
    ("miles-on-a-charge-wire", "The wagon will be able to go 300 miles on a single battery charge.", "300 miles",
     {"metric": "range"}),
    ("electric-only-km-autos", "It can travel 63 kilometers on electric-only power.", "63 kilometers",
     {"metric": "range"}),
    ("zero-to-sixty-seconds-autos", "The car will go from zero to 60 mph in about 3.5 seconds.", "3.5 seconds",
     {"metric": "acceleration time"}),
    ("mile-wide-moon-space", "Astronomers studied the 1,900-mile-wide moon for 17 nights.", "1,900-mile",
     {"metric": "diameter"}),
    ("wind-gusts-mph-weather", "Winds could gust up to 55 mph in the Sierra foothills, the utility said.", "55 mph",
     {"metric": "wind speed"}),
    ("roof-speed-kmh-review", "The roof can close at speeds of up to 50 km/h.", "50 km/h", {"metric": "speed"}),
    # --- else a long way is a distance; a few inches are nothing said -----------------
    ("miles-from-city-wire", "The patient was treated about 185 miles from Beijing.", "185 miles",
     {"metric": "distance"}),
    ("inches-lower-autos", "New underpinnings lower it two inches.", "two inches", {"metric": None}),
]


@pytest.mark.parametrize("text,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_measure_metrics(nlp, text, surface, fields):
    c = _find(_claims(nlp, text, None), surface)
    got = c.model_dump(mode="json")
    for k, want in fields.items():
        assert got[k] == want, f"{k}: got {got[k]!r}, want {want!r} ({surface!r} in {text!r})"
