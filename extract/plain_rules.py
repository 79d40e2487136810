"""Rule files read without pydantic: the part of the rule loader that `claims clean` uses.

`claims clean page.html` must start in a fraction of a second, and importing pydantic
and building models costs more than cleaning the page. The few rule files on its path
(boilerplate.toml, url_dates.toml, calendar.toml) are read here into read-only mappings,
checked against a plain spec of their keys and types: an unknown or missing key, a word
list that is a string, a number that is text fail at load with a one-line
`RuleFileError` naming the file and the key, as `extract.rules.load_rules` does.

Each such file also has its pydantic model in extract/rule_files.py (the one schema);
tests/test_plain_rules.py checks that every spec here names the same keys as its model
and that both read the same values, so the two cannot drift apart.

A spec maps each key to its kind: `str`, `int`, `float` (a whole number is read as one),
`WORDS` (a list of strings), `table(kind)` (a table of any keys to values of that kind),
`optional(kind, default)` (a key that may be left out), or a nested spec (a section).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping

DATA = Path(__file__).with_name("data")


class RuleFileError(ValueError):
    """A rule file that cannot be read or does not fit its model; the message names file and key."""


class _Table:
    """The kind of a TOML table whose keys are the rules themselves (word -> value)."""

    def __init__(self, values: Any):
        self.values = values


class _Optional:
    """The kind of a key that may be left out, and the value it then has."""

    def __init__(self, kind: Any, default: Any):
        self.kind, self.default = kind, default


WORDS = (list, str)


def table(values: Any) -> _Table:
    return _Table(values)


def optional(kind: Any, default: Any) -> _Optional:
    return _Optional(kind, default)


def read_toml(path: Path) -> dict:
    """A TOML file as a dict; a missing or malformed file is a RuleFileError naming it."""
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise RuleFileError(f"{path.name}: {e}") from None


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first so 'per cent' beats 'per'."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def read_plain_rules(name: str, spec: Mapping[str, Any], data_dir: Path = DATA) -> Mapping[str, Any]:
    """extract/data/<name> checked against `spec`, as read-only mappings and tuples."""
    return _checked(read_toml(data_dir / name), spec, name, ())


def _checked(value: Any, kind: Any, name: str, where: tuple) -> Any:
    if isinstance(kind, Mapping):
        if not isinstance(value, dict):
            _fail(name, where, "should be a table")
        for key in value:
            if key not in kind:
                _fail(name, (*where, key), "extra inputs are not permitted")
        missing = [key for key in kind if key not in value and not isinstance(kind[key], _Optional)]
        if missing:
            _fail(name, (*where, missing[0]), "field required")
        given = {k: _checked(v, kind[k], name, (*where, k)) for k, v in value.items()}
        defaults = {k: _checked(v.default, v, name, (*where, k)) for k, v in kind.items()
                    if isinstance(v, _Optional) and k not in value}
        return MappingProxyType({**given, **defaults})
    if isinstance(kind, _Optional):
        return _checked(value, kind.kind, name, where)
    if isinstance(kind, _Table):
        if not isinstance(value, dict):
            _fail(name, where, "should be a table")
        return MappingProxyType({k: _checked(v, kind.values, name, (*where, k)) for k, v in value.items()})
    if kind == WORDS:
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            _fail(name, where, "should be a list of strings")
        return tuple(value)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        _fail(name, where, f"should be {kind.__name__}")
    return value


def _fail(name: str, where: tuple, message: str) -> None:
    raise RuleFileError(f"{name}: {'.'.join(map(str, where)) or '(top level)'}: {message}")
