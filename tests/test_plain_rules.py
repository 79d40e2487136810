"""The rule files `claims clean` reads without pydantic (extract/plain_rules.py) agree with
their pydantic models in extract/rule_files.py: the same keys, the same values read."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from extract.dates import URL_DATES
from extract.html.boilerplate import BOILERPLATE
from extract.months import CALENDAR
from extract.textclean import TEXTCLEAN
from extract.plain_rules import RuleFileError, read_plain_rules
from extract.rule_files import BoilerplateRules, CalendarRules, TextcleanRules, UrlDatesRules
from extract.rules import load_rules

PLAIN = [
    pytest.param("boilerplate.toml", BOILERPLATE, BoilerplateRules, id="boilerplate"),
    pytest.param("calendar.toml", CALENDAR, CalendarRules, id="calendar"),
    pytest.param("url_dates.toml", URL_DATES, UrlDatesRules, id="url_dates"),
    pytest.param("textclean.toml", TEXTCLEAN, TextcleanRules, id="textclean"),
]


def _keys(spec) -> dict:
    return {k: _keys(v) if isinstance(v, dict) else None for k, v in spec.items()}


def _model_keys(model: type[BaseModel]) -> dict:
    out = {}
    for name, field in model.model_fields.items():
        sub = field.annotation
        out[name] = _model_keys(sub) if isinstance(sub, type) and issubclass(sub, BaseModel) else None
    return out


def _plain(value):
    """Read-only mappings and tuples as the dicts and lists a model dump gives."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "items"):
        return {k: _plain(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize("name, spec, model", PLAIN)
def test_spec_names_the_models_keys(name, spec, model):
    assert _keys(spec) == _model_keys(model)


@pytest.mark.parametrize("name, spec, model", PLAIN)
def test_both_read_the_same_values(name, spec, model):
    assert _plain(read_plain_rules(name, spec)) == load_rules(name, model).model_dump()


@pytest.mark.parametrize("text, error", [
    pytest.param('patterns = ["/(?P<y>\\\\d{4})/"]\npatern = []\n', "url_dates.toml: patern: extra inputs are not permitted",
                 id="typo-in-a-key"),
    pytest.param("", "url_dates.toml: patterns: field required", id="missing-key"),
    pytest.param('patterns = "/(?P<y>\\\\d{4})/"\n', "url_dates.toml: patterns: should be a list of strings",
                 id="word-list-as-a-string"),
])
def test_a_file_that_does_not_fit_fails_naming_file_and_key(tmp_path, text, error):
    (tmp_path / "url_dates.toml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as e:
        read_plain_rules("url_dates.toml", URL_DATES, tmp_path)
    assert str(e.value) == error


def test_a_table_of_numbers_refuses_text(tmp_path):
    (tmp_path / "calendar.toml").write_text('[months]\njanuary = "one"\n[abbreviations]\n[weekdays]\nwords = []\n',
                                            encoding="utf-8")
    with pytest.raises(RuleFileError, match="calendar.toml: months.january: should be int"):
        read_plain_rules("calendar.toml", CALENDAR, tmp_path)
