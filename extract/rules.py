"""The one rule loader: a TOML file under extract/data read into a validated pydantic model.

    from extract.rules import Rules, load_rules

    class FramingRules(Rules):
        expecting: list[str]

    cues = load_rules("framing.toml", FramingRules)   # read, validated and cached once

A rule file elsewhere (claims/data) goes through the same loader with its folder:
`load_rules("verdicts.toml", VerdictsRules, CLAIMS_DATA)`; `claims` may import `extract`.

A rule file that does not fit its model fails at load with a one-line `RuleFileError`
naming the file and the key: a typo in a section name (extra keys are errors), a word
list that is a string, a number that is text. Models are frozen, so one instance is
shared by every document, thread and worker without hidden state.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

# The reading half of the loader (and its error) is pydantic-free, for `claims clean`.
from extract.plain_rules import DATA, RuleFileError, read_toml

__all__ = ["DATA", "RuleFileError", "Rules", "Words", "load_rules", "read_toml", "validate"]


class Rules(BaseModel):
    """Base of every rule model: unknown keys are errors, and nothing changes after load.

    A model's validator is built when its file is first loaded, not when the class is
    defined (defer_build): a command that reads a few rule files (`claims clean`) does
    not pay for the schemas of all of them at import."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Words(Rules):
    """A section that is one word list: `words = [...]`."""

    words: list[str]


M = TypeVar("M", bound=BaseModel)


def validate(raw: dict, model: type[M], source: str) -> M:
    """`raw` as a `model`; every problem is raised on one line as 'file: key.path: message; ...'."""
    try:
        return model.model_validate(raw)
    except ValidationError as e:
        problems = "; ".join(f"{_key(err['loc'])}: {err['msg']}" for err in e.errors())
        raise RuleFileError(f"{source}: {problems}") from None


def _key(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or "(top level)"


@lru_cache(maxsize=None)
def load_rules(name: str, model: type[M], data_dir: Path = DATA) -> M:
    """extract/data/<name> (e.g. "framing.toml") as a validated, cached `model` instance."""
    # cached again under all three arguments: a file asked for with its folder
    # (extract/lexicon.py) and without it is read once, not twice
    return _load_rules(name, model, Path(data_dir))


@lru_cache(maxsize=None)
def _load_rules(name: str, model: type[M], data_dir: Path) -> M:
    return validate(read_toml(data_dir / name), model, name)
