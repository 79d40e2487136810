"""Who a story writes as a speaker: a name it writes mostly as the one who says or
claims something ("McKinley said", "said Lt. Matt Harris", "McKinley's comment") is
a source, not what the story's figures are about (frame/article.py, the story's topic).
The reporting verbs and claim nouns are in data/subject.toml [topic_speaker],
[topic_object], [topic_claims]."""

from __future__ import annotations
import re
from functools import lru_cache, partial
from extract.lexicon import alternation
from extract.phrase_trie import phrase_alternation
from extract.rule_files import SubjectRules
from extract.rules import load_rules
from extract.frame.whole_words import word_spans


def only_speaker(name: str, text: str) -> bool:
    """Whether `text` writes `name` only as the speaker of a reporting verb ("..., said
    Lt. Matt Harris, Columbus Police Department spokesman", "Harris said"): a source; or
    only as the one an act is done to ("later arrested Elizabeth A. Burton, 32")."""
    before, after = _speaker_patterns()
    mentions = word_spans(name, text)
    # each mention after a reporting verb (perhaps with a title: "said Lt. Matt Harris") or
    # before one ("Harris said"); the verb lists compiled once, not per name
    return bool(mentions) and all(before.search(text, max(0, start - _SPEAKER_REACH), start)
                                  or after.match(text, end) for start, end in mentions)


def mostly_source(name: str, body: str) -> bool:
    """Whether the story writes a person's name (by its last word: "McKinley" for "Rep.
    David McKinley") mostly as a source: the agent of a reporting verb ("McKinley said",
    "the figure McKinley cited", "said Bruce Bagley") or the owner of a claim ("McKinley's
    comment"), in at least half of its mentions and at least twice. A fact-check's
    speaker, an interviewed expert: who says a figure, not what the figure is about."""
    if not name or not name[0].isupper():
        return False
    before, after = _speaker_patterns()
    claim = _claim_after()
    word = name.split()[-1]
    mentions = word_spans(word, body)
    said = [start for start, end in mentions if before.search(body, max(0, start - _SPEAKER_REACH), start)
            or after.match(body, end) or claim.match(body, end)]
    return len(said) >= 2 and 2 * len(said) >= len(mentions)


@lru_cache(maxsize=None)
def _claim_after() -> re.Pattern:
    """A possessive before a claim noun ("McKinley's comment"), right after a name."""
    return re.compile(rf"[’']s\s+(?:{alternation(_rules().topic_claims.words)})\b")


# How far before a name its reporting verb and title may stand ("said Lt. Matt Harris").
_SPEAKER_REACH = 120


@lru_cache(maxsize=None)
def _speaker_patterns() -> tuple[re.Pattern, re.Pattern]:
    verbs, done_to = _rules().topic_speaker.words, _rules().topic_object.words
    _tree = partial(phrase_alternation, ignore_case=False)  # the same matches as a plain list, found faster
    return (re.compile(rf"\b(?:{_tree(verbs)}|{_tree(done_to)})\s+(?:[A-Z][\w.’'-]*\s+)*$"),
            re.compile(rf",?\s+(?:{_tree(verbs)})\b"))


def _rules() -> SubjectRules:
    return load_rules("subject.toml", SubjectRules)
