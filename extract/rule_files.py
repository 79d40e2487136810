"""Models of the shared rule files under extract/data, read through `extract.rules.load_rules`.

One model a file; a section that is one word list is `Words`. Tables whose keys are the
rules themselves (word -> value) are typed mappings. `int | float` keeps a whole number
as written, so a value read through the model is the value the file states.
"""

from __future__ import annotations


from typing import Annotated, Any

from pydantic import Field

from extract.period_rule_files import PeriodsRules
from extract.subject_rule_files import (AccusedRules, DescribedRules, PlacesRules, PopulationRules,  # noqa: F401 -- re-exported
                                        ReferRules, SubjectRules)
from extract.rules import Rules, Words

Number = int | float


class Before(Rules):
    before: list[str]


class CurrencyCodes(Rules):
    codes: list[str]
    aliases: dict[str, str] = {}
    lowercase_after: list[str] = []


class ScalesBare(Rules):
    glued: dict[str, Number]
    spaced: dict[str, Number]


class MultiplierSuffixes(Rules):
    suffixes: list[str]


class DurationFigures(Rules):
    hedges: list[str]
    short_units: list[str]
    superlatives: list[str]
    possessives: list[str]
    ordinals: list[str]
    events_after: list[str]
    tenure_after: list[str]


class HedgesPassing(Rules):
    words: list[str]
    threshold_nouns: list[str]


class Points(Rules):
    nouns: list[str]
    rate_words: list[str]
    fractions: dict[str, Number]


class MultiplesBefore(Rules):
    words: dict[str, Number]
    halves: dict[str, Number]
    followed_by: list[str]


class Ordinals(Rules):
    not_counts: list[str]
    place_after: list[str]
    before_counting: list[str]
    not_place_after: list[str]


class NamedScale(Rules):
    before: list[str]
    naming_before: list[str]
    after: list[str]
    naming_after: list[str]
    read_things: list[str] = []  # "the magnitude of the quake at 7.2" (extract/scale_readings.py)
    reading_verbs: list[str] = []  # "put it at 7.2" after a reading on the scale
    back_chars: int = 0


class QuoteWidgets(Rules):
    header_words: list[str]
    quote_words: list[str]


class FigureContext(Rules):
    multiple_verbs: list[str]
    proportion_before: list[str]
    fraction_time_before: list[str]
    fraction_time_after: list[str]
    fraction_time_glued: list[str]
    multiplier_particles: list[str]


class QuantityPatterns(Rules):
    """Regular expressions read around a number; the code sets their flags."""

    percent_of_before: str
    multiplier: str
    connector: str
    url: str
    time_after: str
    time_window_before: str
    time_window_after: str
    duration_in_before: str
    between_before: str
    benchmark_speed: str
    stated_before: str
    scaled: str
    number_before: str
    model_suffix: str
    code_before: str
    factor_of: str
    ratio: str
    out_of: str
    fraction_sentence_goes_on: str
    somewhere_before: str
    one_as_pronoun_after: str


class VagueBeforeScales(Rules):
    phrases: list[str]
    scales: list[str]


class QuantitiesRules(Rules):
    """extract/data/quantities.toml: the recogniser's word lists and patterns."""

    number_words: dict[str, Number]
    magnitudes: dict[str, Number]
    dozens: dict[str, Number]
    denominators: dict[str, Number]
    denominators_compound_only: Words
    sign_words: dict[str, Number]
    labels: Before
    pronoun_one_before: Words
    scales: dict[str, Number]
    scales_short: dict[str, Number]
    scales_bare: ScalesBare
    currency_signs: dict[str, str]
    currency_prefixes_spaced: dict[str, str]
    currency_signs_after: dict[str, str]
    currency_codes: CurrencyCodes
    currency_words: dict[str, str]
    currency_words_scaled: dict[str, str]
    currency_subunits: dict[str, list[str]]
    currency_words_need_number: Words
    percent: dict[str, str]
    fractions: dict[str, Number]
    multiplier_words: dict[str, Number]
    multiplier_suffixes: MultiplierSuffixes
    unit_symbols: dict[str, tuple[str, Number]]
    unit_names: dict[str, tuple[str, Number]]
    durations: dict[str, tuple[str, Number]]
    duration_fillers: Words
    duration_figures: DurationFigures
    ages: Before
    counted_peoples: Words
    changes_from: Words
    vague: dict[str, tuple[Number, Number]]
    hedges_before: dict[str, str]
    hedges_passing: HedgesPassing
    hedges_after: dict[str, str]
    points: Points
    and_a_half: Before
    multiples_before: MultiplesBefore
    ordinals: Ordinals
    quote_widgets: QuoteWidgets
    function_words: Words
    comparatives: Words
    figure_context: FigureContext
    patterns: QuantityPatterns
    unit_symbols_glued_only: Words
    vague_before_scales: VagueBeforeScales
    ratio_not_before: Words
    counted_people_endings: Words
    named_scales: dict[str, NamedScale]


class ChangeWordsBefore(Rules):
    up: list[str]
    down: list[str]
    rates_only: list[str]
    between: list[str]


class ChangeWordsAfter(Rules):
    up: list[str]
    down: list[str]
    comparatives_up: list[str]
    comparatives_down: list[str]


class PerWords(Rules):
    after_article: list[str]
    articles: list[str]
    not_after_per: list[str]
    adverbs: dict[str, str]


class ChangesRules(Rules):
    """extract/data/changes.toml: words that make a figure a change, and its basis."""

    before: ChangeWordsBefore
    after: ChangeWordsAfter
    basis: dict[str, list[str]]
    per: PerWords
    clause_joiners: Words


class Nouns(Rules):
    nouns: list[str]


class Verbs(Rules):
    verbs: list[str]


class ForecasterNouns(Verbs):
    nouns: list[str]


class ChangeAmounts(Verbs):
    count_subjects: list[str]


class ElidedCounts(Rules):
    from_words: list[str]
    between: list[str]


class Descriptors(Rules):
    before: list[str]
    nouns: list[str]


class AttributionDescriptors(Rules):
    nouns: list[str]
    after: list[str]


class OneCounts(Rules):
    after: list[str]


class WinLoss(Rules):
    verbs: list[str]
    events: list[str]
    count_words: list[str]
    tally_ends: list[str]


class ServiceNumbers(Rules):
    numbers: list[str]
    nouns: list[str]


class ObjectCounts(Verbs):
    """claim_filter.toml [object_counts]: verbs whose bare object counts people, and the hedges
    that may stand between ("killing at least nine")."""

    hedges: list[str] = []


class ClaimFilterRules(Rules):
    """extract/data/claim_filter.toml: figures that are names, tallies or labels, not claims."""

    descriptors: Descriptors
    kinds_named_by_term: Nouns
    same_plural: Nouns
    irregular_plurals: Nouns
    object_counts: "ObjectCounts"
    change_amounts: ChangeAmounts
    elided_counts: ElidedCounts
    named_by_number: Nouns
    attribution_descriptors: AttributionDescriptors
    one_counts: OneCounts
    win_loss: WinLoss
    service_numbers: ServiceNumbers
    forecaster_nouns: ForecasterNouns


class Titles(Rules):
    before_names: list[str]


class Placelines(Rules):
    dashes: list[str]


class PageMetadataKeys(Rules):
    meta_keys: dict[str, list[str]]
    jsonld_article_types: list[str]


class BoilerplateRules(Rules):
    """extract/data/boilerplate.toml: what page chrome looks like (extract/html/boilerplate.py)."""

    drop_tags: list[str]
    chrome_tags: list[str]
    drop_roles: list[str]
    class_tokens: list[str]
    class_substrings: list[str]
    line_max_chars: int
    line_patterns: list[str]
    metadata: PageMetadataKeys


class FiguresRules(Rules):
    """extract/data/figures.toml: where a figure stands in its sentence (extract/frame/figures.py)."""

    from_or_to: str
    level_now: str
    baseline_before: str
    from_level_just_before: str
    time_head: str


class SentencesRules(Rules):
    """extract/data/sentences.toml: abbreviations that do not end a sentence, and the
    placeline before a wire story's first sentence."""

    titles: Titles
    placelines: Placelines
    name_suffixes: Words


class ReportingRules(Rules):
    """extract/data/reporting.toml: words of a company's results and of a study's window."""

    results_words: list[str]
    research_verbs: list[str]


class GamePeriodsRules(Rules):
    """extract/data/game_periods.toml: words of a game being played (its halves and quarters)."""

    game_words: list[str]


class FiscalCalendarsRules(Rules):
    """extract/data/fiscal_calendars.toml: the month companies' fiscal years end in, and those
    that name a fiscal year by its first year."""

    named_by_start: list[str]
    year_ends: dict[str, Annotated[int, Field(ge=1, le=12)]] = {}


class UrlDatesRules(Rules):
    """extract/data/url_dates.toml: date patterns of URL paths (named groups y, m, d)."""

    patterns: list[str]


class FramingRules(Rules):
    """extract/data/framing.toml: cue words of subject, source, kind and metric framing
    (extract/frame/cues.py and the roles). Every key is a word or phrase list."""

    attribution_verbs: list[str]
    source_prepositions: list[str]
    source_nouns: list[str]
    source_descriptors: list[str]
    source_people: list[str]
    source_phrase_drop: list[str]
    quotative_verbs: list[str]
    contrast_marks: list[str]
    time_prepositions: list[str]
    guidance_verbs: list[str]
    disclosure_verbs: list[str]
    claim_nouns: list[str]
    publishing_verbs: list[str]
    claiming_verbs: list[str] = []
    contentless_verbs: list[str] = []
    person_nouns: list[str] = []
    at_verbs: list[str] = []
    source_carry: list[str]
    research_nouns: list[str]
    forecast_cues: list[str]
    weak_forecast_cues: list[str]
    verb_only_forecast_cues: list[str]
    expecting_verbs: list[str]
    done_before_prepositions: list[str]
    restated_change_words: list[str] = []
    own_people_of_a_person: list[str] = []
    team_nouns: list[str] = []
    public_body_modifiers: list[str] = []
    estimating_verbs: list[str]
    expecting_phrases: list[str]
    estimate_cues: list[str]
    weak_estimate_cues: list[str]
    illustrative_cues: list[str]
    illustration_openers: list[str]
    type_case_subjects: list[str]
    conditional_markers: list[str]
    pronoun_subjects: list[str]
    anaphoric_subjects: list[str]
    anaphoric_heads: list[str]
    subject_drop_words: list[str]
    not_entities: list[str]
    measure_nouns: list[str]
    guidance_cues: list[str]
    actual_cues: list[str]
    plan_verbs: list[str]
    plan_moving_verbs: list[str]
    subject_labels: list[str]
    source_labels: list[str]
    news_agencies: list[str]
    organisation_labels: list[str]
    not_line_words: list[str]
    segment_nouns: list[str]
    level_nouns: list[str]
    topic_heads: list[str]
    topic_stop_words: list[str]
    benchmark_nouns: list[str]
    benchmark_words: list[str]
    witness_people: list[str]
    agreement_verbs: list[str]
    price_nouns: list[str]
    plan_nouns: list[str]
    past_modals: list[str]
    imperative_cue_verbs: list[str]
    personal_pronouns: list[str]
    hedging_before_than: list[str] = []


# The model each shared file is checked against when read as a plain table (`data_table`).
MODELS: dict[str, type[Rules]] = {
    "quantities.toml": QuantitiesRules,
    "changes.toml": ChangesRules,
    "claim_filter.toml": ClaimFilterRules,
    "sentences.toml": SentencesRules,
    "figures.toml": FiguresRules,
    "boilerplate.toml": BoilerplateRules,
    "reporting.toml": ReportingRules,
    "game_periods.toml": GamePeriodsRules,
    "fiscal_calendars.toml": FiscalCalendarsRules,
    "url_dates.toml": UrlDatesRules,
    "framing.toml": FramingRules,
    "subject.toml": SubjectRules,
    "described.toml": DescribedRules,
    "population.toml": PopulationRules,
    "refer.toml": ReferRules,
    "accused.toml": AccusedRules,
}


class Entity(Rules):
    aliases: list[str] = []
    cased_aliases: list[str] = []  # matched only as written ("Spurs", not the verb "spurs")
    tickers: list[str] = []
    part_of: str | None = None


class EntitiesRules(Rules):
    """extract/data/entities.toml: organisations and products, their aliases and tickers."""

    entities: dict[str, Entity]


class Metric(Rules):
    synonyms: list[str] = []
    annualises: str | None = None
    counted: bool = False
    duration: bool = False
    stock: bool = False  # stands at a moment, not over a period (kind: no year's plan)
    place: bool = False  # only a place has it (turnout, inflation): frame/place_measure.py
    rate: bool = False  # itself a rate of change (inflation): a percent change on it is no growth of it


class MetricsRules(Rules):
    """extract/data/metrics.toml: canonical metrics and the word tables framing reads them with.

    The word tables are framing's (extract/frame); they are checked here only by name."""

    metrics: dict[str, Metric]
    growth: dict[str, Any]
    per_share: dict[str, Any]
    per_unit: dict[str, Any]
    priced: dict[str, Any]
    verb_objects: dict[str, Any]
    subject_verbs: dict[str, Any]
    nouns: dict[str, Any]
    spend_on: dict[str, Any]
    money_contexts: dict[str, Any] = {}
    money_earners: dict[str, Any] = {}
    unit_metrics: dict[str, str] = {}
    rank_contexts: dict[str, list[str]] = {}
    people_verbs: dict[str, Any] = {}
    damage_verbs: dict[str, Any] = {}
    crowd_metric: dict[str, Any] = {}
    duration_metrics: dict[str, Any] = {}
    estimated_at: dict[str, Any] = {}
    budgets: dict[str, list[str]] = {}
    revisions: dict[str, Any] = {}
    table_headings: dict[str, dict[str, str]] = {}
    measure_nouns: dict[str, list[str]] = {}
    measure_contexts: dict[str, dict[str, list[str]]] = {}
    measure_defaults: dict[str, dict[str, Any]] = {}
    indexes: dict[str, list[str]] = {}
    tariffed: dict[str, Any] = {}


class TextcleanRules(Rules):
    """extract/data/textclean.toml: what in a plain-text page is chrome, not body."""

    widget_patterns: list[str]
    counter_patterns: list[str]
    link_line: str
    paragraph_min_words: int
    menu_run_min_lines: int
    menu_line_max_words: int
    box_markers: list[str]
    comment_markers: list[str]
    closing_markers: list[str]
    date_stamps: list[str]
    item_stamps: list[str]
    item_stamp_min: int
    item_stamp_max_gap: int
    teaser_min_items: int
    teaser_max_lead_lines: int
    teaser_headline_min_words: int
    teaser_dek_min_words: int
    teaser_dek_max_words: int
    teaser_max_prose_ratio: float
    list_number: str
    link_list_min_lines: int
    link_list_line_max_words: int
    link_list_parallel_share: float
    claim_labels: list[str] = []


class PrefilterPatterns(Rules):
    time_words: str
    pronoun_opening: str
    part_of: str
    verb_after: str


class PrefilterRules(Rules):
    """extract/data/prefilter.toml: what makes a sentence worth the trained pipeline's time."""

    irregular_past: dict[str, str]
    patterns: PrefilterPatterns
    not_plurals: Words
    definite: Words


class CalendarRules(Rules):
    """extract/data/calendar.toml: the one month table (extract/months.py)."""

    months: dict[str, Annotated[int, Field(ge=1, le=12)]] = Field(min_length=12, max_length=12)
    abbreviations: dict[str, Annotated[int, Field(ge=1, le=12)]]
    weekdays: Words


MODELS.update({"periods.toml": PeriodsRules, "calendar.toml": CalendarRules, "prefilter.toml": PrefilterRules,
               "entities.toml": EntitiesRules, "metrics.toml": MetricsRules, "textclean.toml": TextcleanRules})
MODELS["places.toml"] = PlacesRules
