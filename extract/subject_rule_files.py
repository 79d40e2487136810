"""Models of the rule files of who a figure is about: extract/data/subject.toml,
described.toml and population.toml, read through `extract.rules.load_rules`; registered with
the other rule files' models in `extract.rule_files.MODELS`."""

from __future__ import annotations

from extract.rules import Rules, Words


class GenericWords(Rules):
    roles: list[str]
    acts: list[str]
    segments: list[str]  # "Truck and SUV sales", "a new sedan": a market's segments, not owners


class OwnNames(Rules):
    kind_words: list[str]


class Locale(Rules):
    before: list[str]


class TopicModifier(Rules):
    before: list[str]
    not_heads: list[str]
    verb_endings: list[str]


class Goods(Rules):
    levies: list[str]
    goods: list[str]


class ListLabel(Rules):
    pattern: str


class Dateline(Rules):
    pattern: str


class Countries(Rules):
    demonyms: dict[str, str]  # "British" -> "UK": the adjective or abbreviation as written -> the country
    names: dict[str, str]  # "U.S." -> "US": the country's name as written -> its short name
    measures: list[str]  # "German industrial output": heads of a statistic the nation owns


class SubjectRules(Rules):
    """extract/data/subject.toml: who a figure is about (extract/frame/subject.py, noun_phrase.py, article.py)."""

    generic: GenericWords
    not_owners: Words
    own_names: OwnNames
    locale: Locale
    topic_modifier: TopicModifier
    topic_speaker: Words
    topic_object: Words
    topic_purpose: Words
    local_agencies: Words
    initials: Words
    restatement: Words
    dateline: Dateline
    goods: Goods
    list_label: ListLabel
    speaker_self: Words
    counted_people: Words
    countries: Countries
    tally_verbs: Words
    events: Words
    titles: Words
    change_of_object: Words
    place_amounts: Words
    reporting_bodies: Words
    nationality_nouns: Words
    transactions: "Transactions"
    topic_claims: Words
    subordinators: Words


class DescribedRules(Rules):
    """extract/data/described.toml: things described, not named ("the wagon"), and what they refer back to
    (extract/frame/described.py)."""

    any_class: list[str]
    kind_after_name: list[str]
    naming_verbs: list[str]
    max_tokens_back: int
    classes: dict[str, list[str]]


class PopulationRules(Rules):
    """extract/data/population.toml: populations and samples a figure is about (extract/frame/population.py)."""

    nouns: list[str]
    fractions: list[str]
    narrowing_preps: list[str]


class Transactions(Rules):
    """subject.toml [transactions]: who buys in a deal (extract/frame/transaction.py)."""

    buy_verbs: list[str]
    sell_verbs: list[str]
    purchase_nouns: list[str]
    deal_nouns: list[str]
    price_preps: list[str]
    capitals: dict[str, str]  # a capital as written -> the state it acts for
