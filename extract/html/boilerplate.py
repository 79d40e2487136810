"""The pruning and line rules (extract/data/boilerplate.toml), compiled once."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping

from extract.plain_rules import WORDS, alternation, read_plain_rules, table

# boilerplate.toml's keys (its model, BoilerplateRules in extract/rule_files.py, is the
# schema; read without pydantic so that `claims clean` starts fast).
BOILERPLATE = {
    "drop_tags": WORDS, "chrome_tags": WORDS, "drop_roles": WORDS, "class_tokens": WORDS,
    "class_substrings": WORDS, "line_max_chars": int, "line_patterns": WORDS,
    "metadata": {"meta_keys": table(WORDS), "jsonld_article_types": WORDS},
}


# -- rules ---------------------------------------------------------------------------


class Boilerplate:
    """The data file, compiled once."""

    def __init__(self, data: Mapping):
        self.drop_tags = frozenset(data["drop_tags"])
        self.chrome_tags = frozenset(data["chrome_tags"])
        self.drop_roles = frozenset(data["drop_roles"])
        self.class_tokens = frozenset(data["class_tokens"])
        subs = data["class_substrings"]
        self.class_substrings = re.compile(alternation(subs)) if subs else None
        self.line_max = data["line_max_chars"]
        self.line_patterns = re.compile(
            "(?:" + "|".join(f"(?:{p})" for p in data["line_patterns"]) + r")[\s.!:|»›>-]*", re.I
        )
        meta = data["metadata"]
        self.meta_keys: dict[str, list[str]] = {k: [x.lower() for x in v] for k, v in meta["meta_keys"].items()}
        self.article_types = frozenset(meta["jsonld_article_types"])


@lru_cache(maxsize=1)
def rules() -> Boilerplate:
    return Boilerplate(read_plain_rules("boilerplate.toml", BOILERPLATE))


