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


class StoryNames(Rules):
    kinds: list[str]  # "Emirates Airline" ... "Emirates": a kind word the story's short name drops
    offices: list[str]  # "NASA's Office of ...": an owner's office is named without the possessive


class RateOn(Rules):
    heads: list[str]  # "rate", "yield": a rate on something is that thing's
    not_objects: list[str]  # "on an annualized basis": a manner, not what the rate is on


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
    restatement: "Restatement"
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
    data_providers: Words  # firms that measure others ("Comscore", "Edmunds"): a source, never the subject
    nationality_nouns: Words
    transactions: "Transactions"
    topic_claims: Words
    subordinators: Words
    story_names: StoryNames  # one name per entity in a story (extract/frame/names.py)
    rate_on: RateOn  # "the rate on new financed vehicles" (extract/frame/noun_phrase.py)


class DescribedRules(Rules):
    """extract/data/described.toml: things described, not named ("the wagon"), and what they refer back to
    (extract/frame/described.py)."""

    any_class: list[str]
    kind_after_name: list[str]
    naming_verbs: list[str]
    max_tokens_back: int
    classes: dict[str, list[str]]
    parts: list[str]  # "engine", "screen": a part's figure is its product's (extract/frame/part_whole.py)
    having_verbs: list[str]  # "gets", "built on": the subject has the part its object names
    model_classes: list[str]  # the classes whose nouns name products with model names ("737 Max jet")
    title_classes: list[str]  # the classes whose things are named by a quoted title ("Barbie")
    unnamed_events: dict[str, str] = {}  # a disaster's kind word -> its name's word ("quake" -> "earthquake")
    disaster_figures: "DisasterFigures"  # the figures a disaster story's disaster owns


class Restatement(Rules):
    """subject.toml [restatement]: what points back to a figure stated before (extract/frame/article.py)."""

    words: list[str]  # "those 40,000 jobs"
    readings: list[str] = []  # units of readings a story states once: "magnitude 7.2" in headline and body


class DisasterFigures(Rules):
    """described.toml [disaster_figures]: the metrics a disaster story's figures belong to its disaster by
    (extract/frame/story_event.py)."""

    lead_sentences: int
    measured: list[str]  # read off the event itself ("magnitude")
    counts: list[str]  # tolls ("deaths", "people missing")
    not_after: list[str]  # "a storm of criticism": no disaster
    compound_heads: list[str] = []  # "quake death toll" names one; "wildfire risk" none


class PopulationRules(Rules):
    """extract/data/population.toml: populations and samples a figure is about (extract/frame/population.py)."""

    nouns: list[str]
    fractions: list[str]
    narrowing_preps: list[str]


class ScopeWords(Rules):
    national: list[str]  # "nationally", "across the country": the country of the story's place
    world: list[str]  # "worldwide", "around the world"
    state: list[str]  # "statewide": the state of the story's place
    world_name: str  # the subject a worldwide figure takes
    national_pointers: list[str]  # "the country's": the country its paragraph named last
    state_pointers: list[str]  # "the state's"
    place_preps: list[str]  # "in the U.S.", "across Britain": a country set as the figure's place
    credit_preps: list[str]  # "according to ...": the source's phrase, not the figure's clause
    national_adjectives: list[str]  # "the national median price"
    world_adjectives: list[str]  # "global sales"
    state_adjectives: list[str]  # "the statewide jobless rate"
    measure_nouns: list[str]  # what a scope adjective measures, besides the metric vocabulary
    nouns: list[str]  # "country", "world": a scope phrase's noun, no owner


class CountryNames(Rules):
    names: list[str]


class PlacesRules(Rules):
    """extract/data/places.toml: a figure's geographic scope and the places a story is about
    (extract/frame/scope.py): place -> state -> country."""

    scope: ScopeWords
    not_counted: Words  # "Washington": a state by dateline, not a place mention
    countries: CountryNames
    states: dict[str, str]  # state, province or home nation -> its country
    state_abbreviations: dict[str, str]  # "Ind.", "TX" -> the state's name
    cities: dict[str, str]  # city or capital -> its state, or its country


class Transactions(Rules):
    """subject.toml [transactions]: who buys in a deal (extract/frame/transaction.py)."""

    buy_verbs: list[str]
    sell_verbs: list[str]
    purchase_nouns: list[str]
    deal_nouns: list[str]
    price_preps: list[str]
    capitals: dict[str, str]  # a capital as written -> the state it acts for


class SoughtSentence(Rules):
    verbs: list[str] = []  # lemmas of asking: ask, seek, request ...
    nouns: list[str] = []  # lemmas of a sentence: sentence, term ...


class AccusedRules(Rules):
    """extract/data/accused.toml: whose a count of charges is (extract/frame/accused.py), and
    a sentence asked for (extract/frame/sought_sentence.py)."""

    verbs: list[str]  # lemmas: arrest, charge, indict ...
    charge_nouns: list[str]  # lemmas: charge, count, warrant ...
    sought: SoughtSentence = SoughtSentence()


class ReferPlaces(Rules):
    city: list[str]
    country: list[str]
    state: list[str]


class ReferOrganisations(Rules):
    heads: list[str]
    scope_possessives: list[str]  # "the country's largest utility": a ranking, not an owner


class ReferPeople(Rules):
    heads: list[str]
    described_first: list[str] = []  # a lede's person by role, named in a later paragraph (frame/lede_person.py)


class ReferRules(Rules):
    """extract/data/refer.toml: pronouns, nationalities and descriptions that refer back to a
    person, place or organisation named before (extract/frame/refer.py)."""

    third_person: list[str]
    paragraphs_back: int
    places: ReferPlaces
    organisations: ReferOrganisations
    people: ReferPeople
