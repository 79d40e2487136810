"""How reconciliation reads a figure's framing: the key two figures must share to be
compared, names, metrics and periods as compared (canonical, calendar periods), whose
figure it is (the speaker), and the figure's own stretch of its sentence.

Everything here reads one claim (or a pair, `forecast_and_outcome`); the passes that
pair figures (the keyed pass in __init__.py, the evidence pass in pairs.py) read it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from extract.records import Claim, Kind, Period, PeriodKind, StoredClaim
from extract.vocab import entity_table, metric_vocabulary

from claims.reconcile.rules import _rules


def comparison_key(c: Claim) -> Optional[tuple]:
    """Claims with equal keys are about the same thing; None: never compared.

    A figure with no period has a key only when it measures a one-off event
    (`one_off_event_metric`); a disaster's figure is then compared only with reports
    published close to its own (events.same_news_cycle, read for each pair: a window of
    days is no equality a key can hold)."""
    if not (c.subject and c.metric and (c.period or one_off_event_metric(c.metric))):
        return None  # a one-off event (a trial, a verdict, a quake) is its own time
    if c.kind == Kind.illustrative:
        return None
    if c.value is None and c.low is None and c.high is None:
        return None
    if is_to_date(c):
        return None
    subject, metric, period = normalised_fields(c)
    return (subject.lower(), metric.lower(), period, c.unit, speaker(c))


def one_off_event_metric(metric: str) -> bool:
    """A one-off event's measure, compared with no period: a trial's length
    (reconcile.toml [events] metrics), a disaster's toll ([events.dated]: only between
    reports published close together, claims/reconcile/events.py)."""
    if metric.lower() in _rules().event_metrics:
        return True
    canonical = canonical_metric(metric)
    return bool(canonical) and canonical.lower() in _rules().dated_events


def speaker(c: Claim) -> Optional[str]:
    """The third party whose estimate or forecast this is; None for a reported figure
    and for the subject's own (a company's guidance, its results)."""
    if not c.source:
        return None
    return _speaker(c.source, c.kind, c.subject)


# Asked for both figures of every candidate pair: answered once per source, kind and subject.
@lru_cache(maxsize=16384)
def _speaker(source_name: str, kind: Kind, subject: Optional[str]) -> Optional[str]:
    table = entity_table()
    source = plain_name(source_name) or source_name
    if source.lower() in _rules().consensus:
        return source.lower()
    if kind not in (Kind.estimate, Kind.forecast) or source.lower() in _rules().relays:
        return None
    if subject and table.whole(source) == table.whole(plain_name(subject) or subject):
        return None
    return source.lower()


def normalised_fields(c: Claim) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(subject, metric, period) as reconciliation compares them.

    Names are canonical (extract/data/entities.toml, metrics.toml); a growth metric is
    the growth of its canonical level ("sales growth" is revenue growth); a metric
    named after a parent's unit is that unit's ("Alphabet" + "cloud revenue" is
    "Google Cloud" + "revenue"); a named entity's bare "growth" is its revenue growth;
    a fiscal period is its calendar period where the two align (`calendar_period`).
    """
    subject = plain_name(c.subject)
    metric = canonical_metric(c.metric)
    if subject and metric:
        subject, metric = segment_metric(subject, metric)
        if metric == "growth" and subject in entity_table().canonical.values():
            metric = _rules().bare_growth
    if metric and metric.endswith(GROWTH_SUFFIX):
        basis = growth_basis(c)
        if basis:
            metric = f"{metric} ({basis})"
    period = c.period.canonical() if c.period else None
    if period and subject:
        period = calendar_period(period, subject)
    return subject, metric, period


def calendar_period(period: Period, subject: str) -> Period:
    """A fiscal period as the calendar period it is, when the subject's fiscal quarters
    are calendar quarters: Microsoft FY2026-Q1 -> 2025-Q3, Alphabet FY2025 -> 2025."""
    fiscal = period.fiscal and period.kind in (PeriodKind.year, PeriodKind.quarter)
    end = _rules().fiscal_year_end.get(entity_table().whole(subject)) if fiscal else None
    if end is None or end % 3:
        return period  # a year ending in January (Nvidia's) has quarters of its own
    if period.kind == PeriodKind.year:
        return Period.of(period.year) if end == 12 else period
    # months since year 0 of the quarter's last month: Q4 ends with the fiscal year
    last_month = period.year * 12 + (end - 1) - 3 * (4 - period.quarter)
    return Period.of(last_month // 12, PeriodKind.quarter, last_month % 12 // 3 + 1)


@lru_cache(maxsize=16384)  # every figure's subject and source, read for each pair it is in
def plain_name(name: Optional[str]) -> Optional[str]:
    """The canonical name (extract/data/entities.toml), else the name without "the",
    a possessive and corporate suffixes: "Nebius Group N.V.'s" -> "Nebius"."""
    table = entity_table()
    canonical = table.canonicalise(name) or name
    if not canonical or canonical in table.canonical.values():
        return canonical
    plain = re.sub(r"(?:'s|’s)$", "", canonical.strip())
    plain = re.sub(r"^the\s+", "", plain, flags=re.I)
    plain = _rules().corporate_suffix.sub("", plain).strip(" ,.")
    return (table.canonicalise(plain) or plain) if plain else canonical


GROWTH_SUFFIX = " growth"
FIGURE = re.compile(r"\d")
# Where one figure's clause ends and a neighbour's begins.
CLAUSE_BREAK = re.compile(r"[,;]|\s(?:and|while|but|versus|vs\.?|compared with|compared to)\s", re.I)


def own_stretch(c: Claim) -> str:
    """The figure's own stretch of its sentence: its clause, cut at the figures beside it.

    "Revenue rose 62% from a year earlier and 22% from the previous quarter": the
    stretch of 22% is "22% from the previous quarter.", of 62% "Revenue rose 62% from a
    year earlier", so a cue about one figure is not read as the other's."""
    at = c.quote.find(c.surface)
    if at < 0:
        return c.quote
    before, after = c.quote[:at], c.quote[at + len(c.surface):]
    prev = list(FIGURE.finditer(before))
    if prev:
        before = before[prev[-1].end():]
        before = CLAUSE_BREAK.split(before)[-1]
    nxt = FIGURE.search(after)
    after = CLAUSE_BREAK.split(after[: nxt.start()] if nxt else after)[0]
    return before + c.surface + after


# The basis recognition read ("yoy", "qoq", "constant currency") as reconciliation names it:
# a year-on-year rate is the default outlets give, so it and an unstated basis are one.
BASIS_NAMES = {"qoq": "sequential", "constant currency": "constant currency"}


def growth_basis(c: Claim) -> Optional[str]:
    """"sequential" or "constant currency" when recognition read that basis; None: year on year."""
    return BASIS_NAMES.get(c.basis) if c.basis else None


def is_to_date(c: Claim) -> bool:
    """A part of its period so far ("$64 billion so far this year")."""
    return bool(_rules().to_date.search(own_stretch(c)))


@lru_cache(maxsize=16384)
def canonical_metric(metric: Optional[str]) -> Optional[str]:
    """The metric as reconciliation compares it (a pure function of the name and the rule
    files: asked for both figures of every candidate pair, answered once per name)."""
    vocab = metric_vocabulary()
    if not metric:
        return metric
    name = metric.strip().lower()
    if name in vocab.canonical:
        return vocab.canonicalise(name)
    if name.endswith(GROWTH_SUFFIX) and name != GROWTH_SUFFIX.strip():
        return canonical_metric(name[: -len(GROWTH_SUFFIX)]) + GROWTH_SUFFIX
    rules = _rules()
    if name in rules.metric_same_as:
        return canonical_metric(rules.metric_same_as[name])
    words = name.split()
    if len(words) > 1 and words[0] in rules.neutral_words:
        return canonical_metric(" ".join(words[1:]))
    # owner words only after a word naming the business: "segment revenue" may be any segment's
    kept = words[:1] + [w for w in words[1:] if w not in rules.owner_words]
    if len(kept) < len(words):
        return canonical_metric(" ".join(kept))
    return vocab.canonicalise(name)


def segment_metric(subject: str, metric: str) -> tuple[str, str]:
    """A metric named after one of the subject's business units is that unit's metric."""
    word, _, rest = metric.partition(" ")
    if not rest:
        return subject, metric
    table = entity_table()
    parent = table.whole(subject)
    unit = _rules().segments.get(parent, {}).get(word.lower())
    if unit is None or subject not in (parent, unit, table.part_of.get(unit)):
        return subject, metric  # the whole, the unit, or the company the unit is part of ("Google")
    return unit, canonical_metric(rest)


def is_vague(c: Claim) -> bool:
    """Vague magnitudes ("hundreds of billions") carry order-of-magnitude bands, not figures
    to compare: recognition marks them on the record."""
    return bool(c.vague)


def forecast_and_outcome(a: Claim, b: Claim) -> bool:
    """A forecast and a reported fact for one period are a plan and its outcome, both
    right as reported ("expects $54 billion" vs "reported $57.01 billion"), when their
    words say so too: the forecast's stretch has an outlook word, the fact's none."""
    if {a.kind, b.kind} != {Kind.forecast, Kind.fact}:
        return False
    forecast, fact = (a, b) if a.kind == Kind.forecast else (b, a)
    outlook = _rules().outlook
    return bool(outlook.search(own_stretch(forecast))) and not outlook.search(own_stretch(fact))


def revision_cue(c: Claim) -> Optional[str]:
    """The words in c's sentence that revise an earlier figure ("raised its guidance to")."""
    m = _rules().revision.search(c.quote)
    return m.group(0) if m else None


def grain(period: Optional[Period]) -> Optional[str]:
    """"quarter", "half" or "month": a part of a calendar year a run-rate scales by; None otherwise."""
    if period is None:
        return None  # a one-off event's figure (comparison_key)
    if period.kind == PeriodKind.month and period.fiscal:
        return None
    return period.kind.value if period.per_year else None


def annualised(c: StoredClaim, factor: int) -> StoredClaim:
    """c's value (or bounds) times `factor`: one period's level as a year's run-rate."""
    return c.model_copy(update={
        "value": c.value * factor if c.value is not None else None,
        "low": c.low * factor if c.low is not None else None,
        "high": c.high * factor if c.high is not None else None,
    })


@lru_cache(maxsize=1)
def run_rates() -> dict[str, str]:
    """Run-rate metric -> the level metric it annualises, both lower-cased
    (extract/data/metrics: "annualised revenue" -> "revenue")."""
    return {k.lower(): v.lower() for k, v in metric_vocabulary().annualises.items()}

