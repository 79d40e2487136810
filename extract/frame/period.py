"""Period: when a figure holds."""

from __future__ import annotations
import re
from functools import lru_cache
from typing import Optional
from spacy.tokens import Span, Token
from extract.records import PeriodKind, Quantity, parse_period
from extract.periods import TimeRef
from extract.article_time import results_words
from extract.frame.cues import load_cues
from extract.period_rule_files import PeriodsRules
from extract.rules import load_rules
from extract.frame.context import Context, doc_text, sent_text, sentence_of
from extract.frame.syntax import clause_head, scope_of, tokens_of
from extract.frame.figures import FROM_LEVEL_JUST_BEFORE, baseline_figure, is_change, is_money, level_now


def unit_of(r: TimeRef) -> Optional[str]:
    """The kind of period a reference names ("year", "quarter", "half", "month"), as
    "the same quarter" asks for it; an undated reference's own unit."""
    if r.period is None:
        return r.unit
    kind = parse_period(r.period).kind
    return kind.value if kind in (PeriodKind.year, PeriodKind.quarter, PeriodKind.half) else "month"


def resolve_same(refs: list[TimeRef], ctx: Context) -> list[TimeRef]:
    """"the same period" is the period last mentioned; "the same quarter" only if that
    was a quarter. Updates the context as it goes, so a second "same period" in a
    sentence resolves too."""
    out = []
    last, last_unit = ctx.last_period, ctx.last_period_unit
    for r in refs:
        if r.role in ("same", "current"):
            fits = last is not None and (r.unit == "period" or r.unit == last_unit)
            reported = _reporting_of_unit(r.unit, ctx.reporting)
            # "in the quarter" in a results story: the quarter it reports, whatever was named
            # last ("... in fiscal 2025. Gross margin fell to 68% in the period.")
            period = reported if r.role == "current" and reported else last if fits else reported
            r = r._replace(period=period, role="period" if period else "unresolved")
        elif r.role == "previous":
            # "rose 0.5% last month. They rose 0.3% in the previous month."
            period = _one_before(last) if last is not None and r.unit == last_unit else r.period
            r = r._replace(period=period, role="period" if period else "unresolved")
        if r.role in ("period", "unresolved"):
            last, last_unit = r.period, unit_of(r)
        out.append(r)
    return out


def _reporting_of_unit(unit: Optional[str], reporting: Optional[str]) -> Optional[str]:
    """"Operating margin was 40% in the quarter", no quarter named before it: the
    quarter (or half) the results story reports, when it is one."""
    if reporting is None or unit not in ("period", "quarter", "half"):
        return None
    return reporting if unit == "period" or parse_period(reporting).kind.value == unit else None


def _one_before(period: str) -> Optional[str]:
    """The period one unit before: "2025-09" -> "2025-08", "2025-Q1" -> "2024-Q4",
    "2025-H1" -> "2024-H2", "FY2025" -> "FY2024"."""
    return parse_period(period).previous()


def _calendar_year(period: str) -> bool:
    p = parse_period(period)
    return p.kind == PeriodKind.year and not p.fiscal


def attributive(text: str, r: TimeRef, det: str = r"the") -> bool:
    """A year used as a modifier: "the 2001 telecom cycle" names an event, "its 2025
    outlay" the thing a change is measured against."""
    return bool(r.period and _calendar_year(r.period)
                and re.search(rf"\b(?:{det})\s+$", text[max(0, r.start - 8):r.start], re.I)
                and re.match(r"\s+[a-z]", text[r.end:r.end + 3]))


NOT_BOUND = object()


def figure_period(refs: list[TimeRef], q: Quantity, others: list[Quantity], sent: Span, ctx: Context,
            scope: list[Token], prev: object = NOT_BOUND) -> Optional[str]:
    """The figure's period (see _bound_period); a figure a change is measured from
    "a year earlier" ("rose 12% to $27.7 billion from $24.7 billion a year earlier")
    has the period a year before the one the sentence is about."""
    if level_now(sent, q):
        return None
    year_ago = [r for r in refs if r.role == "yearago"]
    refs = [r for r in refs if r.role != "yearago"]
    if not year_ago:
        return _bound_period(refs, q, others, sent, ctx, scope, prev)
    baseline = _measured_from(sent, q, year_ago)
    before = [o for o in others if o.end <= q.start]
    if baseline and prev is not NOT_BOUND and before and _measured_from(sent, before[-1], year_ago):
        return prev  # "compared with $19.3 billion, or 78 cents per share, a year earlier"
    if baseline and prev is not NOT_BOUND and prev is not None:
        current = prev  # "averaged 5.7 percent in October, down from 6.2 percent a year earlier"
    else:
        current = _bound_period(refs, q, others, sent, ctx, scope, prev)
    if current is None and not refs and ctx.last_period_unit in ("quarter", "half", "year", "month"):
        # "Data center revenue jumped 66% from a year earlier": a comparison with a year
        # before is about the period under discussion, the one last named
        current = ctx.last_period
    return _year_before(current) if baseline else current


@lru_cache(maxsize=None)
def _pattern(name: str) -> re.Pattern:
    """periods.toml [framing]'s pattern `name`, compiled once (case-insensitive)."""
    return re.compile(getattr(load_rules("periods.toml", PeriodsRules).framing, name), re.I)


def _measured_from(sent: Span, q: Quantity, year_ago: list[TimeRef]) -> bool:
    """"compared with $19.3 billion, or 78 cents per share, a year earlier": the figure
    follows a "from"/"compared with" (and no "to" after it) and a year-ago reference
    follows the figure."""
    text = doc_text(sent.doc)
    before = text[sent.start_char:q.start]
    marks = list(_pattern("from_level").finditer(before))
    if not marks or _pattern("to_level").search(before[marks[-1].end():]):
        return False
    return any(r.start >= q.end and not _pattern("year_ago_break").search(text[q.end:r.start]) for r in year_ago)


def _year_before(period: Optional[str]) -> Optional[str]:
    """"2025-Q3" -> "2024-Q3", "FY2026" -> "FY2025"."""
    return parse_period(period).year_earlier() if period is not None else None


def _chained(text: str, q: Quantity, o: Quantity, r: TimeRef, refs: list[TimeRef]) -> bool:
    """"reported a loss of $304.7 million on revenue of $167.4 million in the third
    quarter", "rose 62% to $57.01 billion in the third quarter": a time after a run of
    figures in one phrase dates each of them, not only the one next to it."""
    return q.end <= o.start and o.end <= r.start and not _pattern("phrase_end").search(text[q.end:r.start]) \
        and not FROM_LEVEL_JUST_BEFORE.search(text[max(0, q.start - 30):q.start]) \
        and not any(q.end <= x.start and x.end <= r.start for x in refs if x is not r)


def _before_the_level_reached(text: str, q: Quantity, o: Quantity, r: TimeRef) -> bool:
    """"grew 34% in the third quarter to $15.2 billion", "fell 0.2 points in May to 4.1%":
    a time between a change and the level it reaches ("to ...") dates both."""
    return q.end <= r.start and r.end <= o.start and not _pattern("phrase_end").search(text[q.end:r.start]) \
        and _pattern("to_level_after_time").fullmatch(text[r.end:o.start]) is not None


def _change_dated_after_start(text: str, reached: Quantity, start: Quantity, r: TimeRef) -> bool:
    """"The unemployment rate rose to 4.2% from 4.1% in February", "Exports fell to $9.1
    billion from $10.3 billion in March": a time right after the level a change started
    from dates the change, so the level it reached."""
    if not (reached.end <= start.start and start.end <= r.start):
        return False
    return _pattern("reached_before").search(text[max(0, reached.start - 30):reached.start]) is not None \
        and _pattern("level_then_from").fullmatch(text[reached.end:start.start]) is not None \
        and _pattern("time_of_change").fullmatch(text[start.end:r.start]) is not None


def _subject_phrase(sent: Span, q: Quantity) -> list[Token]:
    """The subject of the figure's clause with all it carries: "the average price of a
    new vehicle sold in October was $39,014" is the October price."""
    span = tokens_of(sent.doc, q)
    if span is None:
        return []
    head = clause_head(span.root)
    side = {t.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for x in c.subtree
            if x.dep_ in _SIDE_CLAUSES for t in x.subtree}
    return [t for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree if t.i not in side]


# Clauses inside a subject that tell its story, not the figure's: "Haaland, who joined
# in 2022, has now scored 97 goals", "The senator, first elected in 2012, won 54 percent".
# (extract/data/periods.toml [clauses])
_CLAUSES = load_rules("periods.toml", PeriodsRules).clauses
_SIDE_CLAUSES = frozenset(_CLAUSES.side_clauses)
# ... and a participle on a name ("Salah, signed from Roma for £36.9 million in 2017").
_ASIDES = frozenset(_CLAUSES.asides)


def _bound_period(refs: list[TimeRef], q: Quantity, others: list[Quantity], sent: Span, ctx: Context,
                  scope: list[Token], prev: object = NOT_BOUND) -> Optional[str]:
    """The time reference bound to the figure: the nearest one in its clause that is
    not nearer to another figure ("committed $200 billion, doubling its 2025 outlay"),
    nor a baseline or a publication date; else a reference fronted at the sentence
    start ("In the first half of 2026, ..."); else, when the sentence's references
    belong to other figures, the period of the figure before it ("grew 28% in Q1,
    reaching $37.6 billion"); else the paragraph's period, unless the sentence names
    a time of its own."""
    text = doc_text(sent.doc)
    any_change = any(is_change(o, sent) for o in others)
    in_scope = {t.idx for t in scope} | {t.idx for t in _subject_phrase(sent, q)}

    def usable(r: TimeRef) -> bool:
        if r.role in ("baseline", "publication") or _dates_the_report(sent, q, r) or any(
                _change_dated_after_start(text, o, q, r) for o in others):  # "to 4.2% from 4.1% in February"
            return False
        if any_change and attributive(text, r, r"its|their|last\s+year's"):
            return False  # "doubling its 2025 outlay": the year of the baseline
        return True

    def distance(r: TimeRef, x: Quantity) -> float:
        # A reference right after the figure ("$25 billion in Q1 2026") binds tighter;
        # a comma between them parts them ("reached $34.9 billion in the third quarter,
        # up 74%": the quarter is the $34.9 billion's).
        if r.end <= x.start:
            return (x.start - r.end) * 1.3 + (40 if re.search(r",(?!\d)", text[r.end:x.start]) else 0)
        return r.start - x.end + (40 if re.search(r",(?!\d)", text[x.end:r.start]) else 0)

    def scoped(r: TimeRef) -> bool:
        # "raised the price by 20% starting in July": a participle that dates the
        # clause it hangs on, though the parse gives it a clause of its own
        return any(r.start <= i < r.end for i in in_scope) or _pattern("dating_participle").search(
            text[max(sent.start_char, r.start - 25):r.start]) is not None

    scopes: dict[int, set[int]] = {}

    def _speaks_of(r: TimeRef, o: Quantity) -> bool:
        if id(o) not in scopes:
            scopes[id(o)] = {t.idx for t in scope_of(sent, o)}
        return any(r.start <= i < r.end for i in scopes[id(o)])

    cands = [r for r in refs if usable(r) and not (r.start < q.end and q.start < r.end)]
    best, best_d = None, None
    for r in cands:
        if not scoped(r):
            continue
        d = distance(r, q)
        if any(o is not q and distance(r, o) < d and not (r.start < o.end and o.start < r.end) and not _tolerance(o)
               and not (r.end <= o.start and baseline_figure(sent, o))
               and not (_chained(text, q, o, r, refs) and not baseline_figure(sent, o))
               and not _before_the_level_reached(text, q, o, r)
               and not _change_dated_after_start(text, q, o, r)
               and _speaks_of(r, o) for o in others):
            continue  # a nearer figure takes it (not a tolerance, a baseline after the time, a clause without it)
        if best_d is None or d < best_d:
            best, best_d = r, d
    if best is not None:
        return best.period
    first_fig = min(o.start for o in others) if others else q.start
    for r in cands:
        if r.end <= first_fig and r.role in ("period", "horizon") and _pattern("opening_time").fullmatch(
                text[sent.start_char:r.start]) \
                and re.match(r"\s*,", text[r.end:r.end + 2]):
            return r.period
    if prev is not NOT_BOUND and _prev_aside(sent, q, others):
        prev = NOT_BOUND  # "Haaland, who joined for £51 million in 2022, has now scored 97 goals"
    if prev is not NOT_BOUND and FROM_LEVEL_JUST_BEFORE.search(text[sent.start_char:q.start]):
        return None  # "grew to $5 billion in August from roughly $1 billion": not August's
    if prev is not NOT_BOUND and any(scoped(r) for r in cands):
        return prev  # the sentence's time belongs to the figure before this one
    if prev is not NOT_BOUND and cands:
        return prev
    if any(scoped(r) for r in cands):
        return None
    if _pattern("now_opener").match(sent_text(sent)):
        return None  # "In 2000, carriers spent $120 billion. Today, prices have dropped from $8 to $2."
    if is_money(q) or q.unit in ("percent", "percentage_point", "times"):
        return ctx.para_period or _horizon_carried(sent, scope) or _reported(sent, ctx) or _studied(q, ctx)
    return None


def _dates_the_report(sent: Span, q: Quantity, r: TimeRef) -> bool:
    """"Advocacy groups estimated this year that a 9% increase was needed", "In
    September 2017, the Department of Energy announced the benchmark had been achieved":
    a year or month that dates the verb of reporting, not the clause it reports, which
    holds the figure. (A quarter stays: "said in the third quarter that sales rose"; so
    does a year the sentence opens with.)"""
    if r.period is None or parse_period(r.period).kind not in (PeriodKind.year, PeriodKind.month):
        return False
    if parse_period(r.period).kind == PeriodKind.year and _pattern("opening_year").fullmatch(
            doc_text(sent.doc)[sent.start_char:r.start]):
        return False  # "In 2016, the department reported that use was 3.8 percent": the year the sentence is set in
    ref = [t for t in sent if r.start <= t.idx < r.end]
    fig = tokens_of(sent.doc, q)
    if not ref or fig is None:
        return False
    top = next((t for t in ref if not (r.start <= t.head.idx < r.end) or t.head.i == t.i), ref[0])
    verb = top.head if top.dep_ in ("npadvmod", "advmod") else top.head.head
    if top.dep_ not in ("npadvmod", "advmod") and (top.dep_ != "pobj" or top.head.lower_ not in _CLAUSES.report_date_prepositions):
        return False  # "Of this year's total, analysts estimate about $45 billion is ...": no date of the report
    if verb.lemma_.lower() not in _reporting_verbs() or not (fig.root.i in {t.i for t in verb.subtree}):
        return False
    said = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    return any(fig.root.i in {t.i for t in c.subtree} and not any(t.i in {x.i for x in c.subtree} for t in ref)
               for c in said)


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    return load_cues().attribution_verbs


def _prev_aside(sent: Span, q: Quantity, others: list[Quantity]) -> bool:
    """The figure before this one stands in a relative clause or apposition that this
    one is not in ("Haaland, who joined for £51 million in 2022, has now scored 97
    goals"): that clause's time is not this one's."""
    before = [o for o in others if o.end <= q.start]
    span = tokens_of(sent.doc, before[-1]) if before else None
    if span is None:
        return False
    for t in [span.root, *span.root.ancestors]:
        if t.dep_ in _ASIDES:
            side = t.subtree
            return not any(q.start <= x.idx < q.end for x in side)
        if t.i < sent.start:
            break
    return False


def _reported(sent: Span, ctx: Context) -> Optional[str]:
    """The period a results story reports, for a result with no period of its own
    ("The home-improvement retailer earned $2.8 billion")."""
    return ctx.reporting if ctx.reporting and results_words().search(sent_text(sent)) else None


def _studied(q: Quantity, ctx: Context) -> Optional[str]:
    """The window a research story's data covers, for a share or ratio it finds with no
    period of its own ("in-feed units are 20% less profitable")."""
    return ctx.study if q.unit in ("percent", "times") else None


def _horizon_carried(sent: Span, scope: list[Token]) -> Optional[str]:
    """"... will reduce GDP by 0.3 percent by 2020. If that holds up, that would work
    out to a $75.3 billion hit": a target date is no period of the paragraph, but a
    figure that goes on in the conditional goes on with it."""
    words = load_rules("periods.toml", PeriodsRules).framing
    if sent.start == 0 or not any(t.lower_ in words.modals for t in scope) \
            or not any(t.lower_ in words.pointing_back for t in sent[:3]):
        return None  # only a sentence that points back goes on with the figure before
    before = sentence_of(sent.doc[sent.start - 1])
    if "\n" in doc_text(sent.doc)[before.end_char:sent.start_char]:
        return None  # another paragraph
    years = _pattern("target_year").findall(before.text)
    return years[-1] if years else None


def _tolerance(q: Quantity) -> bool:
    """"revenue of $54 billion, plus or minus 2%, for the third quarter": a tolerance
    on the figure before it, which does not take that figure's period from it."""
    return bool(q.hedge) and _pattern("tolerance").search(q.hedge) is not None
