"""Across an article: its topic, lent to figures whose text names no owner, and
restatements, which take what a figure's fullest mention established."""

from __future__ import annotations
import re
from functools import lru_cache
from itertools import islice
from typing import Iterable, Optional
from spacy.tokens import Token
from extract.article_time import may_be_lede
from extract.records import Kind, Quantity
from extract.rule_files import SubjectRules
from extract.rules import load_rules
from extract.lexicon import alternation
from extract.vocab import entity_table, metric_vocabulary
from extract.frame.cues import load_cues
from extract.frame.context import Frame, ITSELF, STRONG, TOPIC, WEAK
from extract.frame.figures import is_money
from extract.frame.whole_words import first_of_spans, has_word, word_spans
from extract.frame.story_speakers import mostly_source as _mostly_source, only_speaker as _only_speaker


_WORD = re.compile(r"[\w&’'-]+")


_DETERMINERS = frozenset({"the", "this", "its", "their", "our", "his", "her"})


def article_topic(body: str, title: Optional[str] = None, subjects: Iterable[str] = ()) -> Optional[str]:
    """What an article is about, for figures whose text names no owner ("The stock
    fell 4%", "The $600 billion gap will close"): the name its title or lede
    carries that its figures are most often about ("Home Depot" in an earnings
    story); else the industry its lede names ("at the centre of the AI industry").
    The lede is where news writing states what a story is about; a sector named
    later may be a comparison ("the telecom industry in 2000")."""
    paragraphs = list(islice((p for p in body.split("\n") if may_be_lede(p)), 2))  # only the first two are read
    if len(paragraphs) < 2:
        return None  # a single paragraph has no lede apart from its figures' own sentences
    lede = _without_dateline(paragraphs[0])
    # a person the story names mostly as who says or claims something is its source (a
    # fact-check's speaker), not what its figures are about
    # (asked once per name: a story's figures repeat their subjects)
    subjects = list(subjects)
    speaks = {s: _mostly_source(s, body) for s in dict.fromkeys(subjects)}
    subjects = [s for s in subjects if not speaks[s]]
    return _main_name(subjects, [title or "", lede]) or _industry(lede) or _one_subject(subjects) \
        or _repeated_name(body, lede) \
        or _lede_figure_name(subjects, lede) or _lede_opener(body, lede) \
        or _repeated_name(body, paragraphs[1], whole=True) \
        or _agency_place(lede + "\n" + paragraphs[1])


# A story whose figures are nearly all about one thing: at least this many of them, and
# this share of those with a subject.
_ONE_SUBJECT, _ONE_SUBJECT_SHARE = 3, 2 / 3


def _one_subject(subjects: list[str]) -> Optional[str]:
    """The subject nearly every framed figure has, named or not ("drugs" for a fact-check
    of "$53 million a week is coming across the border in drugs" that restates the figure
    and weighs it against seizure data): what the story is about, when its title and lede
    name nothing its figures are about."""
    counts: dict[str, int] = {}
    for name in subjects:
        if name and not is_generic(name):
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] >= _ONE_SUBJECT and counts[best] >= _ONE_SUBJECT_SHARE * len(subjects) else None


def _without_dateline(lede: str) -> str:
    """The lede without its dateline ("DUBAI, United Arab Emirates — ", "Washington, DC,
    United States: "): where a story was filed is not what it is about
    (data/subject.toml [dateline])."""
    return re.sub(subject_rules().dateline.pattern, "", lede, count=1)


# A lede that opens with a name, perhaps possessive, before a lower-case word: "Nike Inc on
# Thursday reported ...", "Erling Haaland scored ...", "U.S. consumer prices rose ...".
_OPENER = re.compile(r"([A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){0,3}?)(?:[’']s)?\s+(?=[a-z])")


def _lede_opener(body: str, lede: str) -> Optional[str]:
    """The name a lede opens with, when the story names it again (whole or by one of its
    words: "Nike" after "Nike Inc"): news writing puts who a story is about first. Not a
    role ("Police"), not a common word capitalised at the start ("The", "New")."""
    m = _OPENER.match(lede)
    if not m:
        return None
    words = m.group(1).rstrip("’'").split()
    if len(words) > 1 and words[-1].rstrip(".") in subject_rules().initials.words:
        words = words[:-1]  # "Nike Inc", "Home Depot Inc.": the company is Nike, Home Depot
    name = " ".join(words)
    if is_generic(name) or name in subject_rules().not_owners.words or _mostly_source(name, body) or \
            has_word(words[0].lower(), body):
        return None
    later = body[body.find(lede) + m.end():]
    if not any(mentions(w, later, alone=False) for w in dict.fromkeys([name, words[0], words[-1]]) if len(w) > 2):
        return None
    return name


def _lede_figure_name(subjects: list[str], lede: str) -> Optional[str]:
    """The place the lede's own figure is about ("New vehicle sales in the Houston area
    plunged 10 percent": Houston), when nothing else names the story's topic: a news
    lede states what a local story is about. The first subject of the article that is
    a name (not a role: "Local auto dealers") and that the lede writes in a place
    phrase ("in the Houston area", "across Maricopa County"; data/subject.toml
    [locale]); a company the lede names first may lead a round-up of many."""
    for name in subjects:
        if name and any(c.isupper() for c in name) and not is_generic(name) and _after_place_phrase(name, lede):
            return name
    return None


def _after_place_phrase(name: str, lede: str) -> bool:
    """Whether the lede writes `name`, not run on into a word, right after a locale word
    ("in the Houston area"): each place the name is written, the pattern of the words
    before it ending there."""
    place_phrase = _place_phrase_before()
    at = lede.find(name)
    while at >= 0:
        if not _WORD_CHAR.match(lede, at + len(name)) and place_phrase.search(lede, 0, at):
            return True
        at = lede.find(name, at + 1)
    return False


_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=None)
def _place_phrase_before() -> re.Pattern:
    """A locale word and its spaces ("in the", "across"), ending where a name begins: the
    pattern of _lede_figure_name before the name, compiled once and not once per name."""
    return re.compile(rf"(?i:\b(?:{alternation(subject_rules().locale.before)})\s+(?:the\s+)?)\Z")


def _agency_place(opening: str) -> Optional[str]:
    """The place of the first local agency a story's opening names ("Officers from the
    Columbus Police Department", "crews from the Maricopa County Fire Department"), when
    nothing else names its topic: a local story's arrests, fires and closures are the
    place's, and the agency that acts and reports is not what its figures are about.
    Agency heads in data/subject.toml [local_agencies]."""
    heads = alternation(subject_rules().local_agencies.words)
    m = re.search(rf"((?:[A-Z][\w.’'-]*[ \t]+){{1,3}}?)(?:{heads})(?![\w-])", opening)
    if not m:
        return None
    place = m.group(1).strip()
    return None if place.lower() in subject_rules().topic_modifier.before else place


def _main_name(subjects: Iterable[str], texts: list[str]) -> Optional[str]:
    """The subject most figures have (from their own clause or the sentences before:
    "The company expects revenue of $54 billion") among the names the title or lede
    writes, by canonical name or as written."""
    named = {hit[2] for t in texts for hit in entity_table().find(t)}
    counts: dict[str, int] = {}
    names = [n for n in subjects if n and any(c.isupper() for c in n) and not is_generic(n)]
    for name in names:
        if _only_modifier(name, texts):
            continue
        if name in named or any(has_word(name, t, hyphen=False) for t in texts):
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)  # ties: the first seen
    # a story about one company, not a round-up that names one first
    return best if counts[best] * 3 >= len(names) else None


# A run of capitalised words: a name as news writes it ("Lexus", "Michael Webb", "PG&E").
_NAME_RUN = re.compile(r"[A-Z][\w&’'.-]*(?:\s+(?:&\s+)?[A-Z][\w&’'.-]*)*")

_POSSESSIVE = re.compile(r"[’']s(?!\w)")

# A name the story keeps returning to: at least this many mentions in the body.
_REPEATED = 3


def _repeated_name(body: str, lede: str, whole: bool = False) -> Optional[str]:
    """When no figure's subject is named in the title or lede, the name the lede writes
    that the story mentions most often, at least three times ("Lexus" through a car
    review, "Webb" through a trial report, "NASA" through a contracts story). Not a
    word the text also writes in lower case ("Police arrested", "Now, at the show":
    a sentence's first word), not a role ("Officers"), not a month or weekday."""
    best: Optional[tuple[int, int, str]] = None
    # a possessive ends a name: "Europa’s plumes", "South Korea’s Ministry of Trade"
    runs = [part.strip() for run in _NAME_RUN.findall(lede) for part in _POSSESSIVE.split(run)]
    for run in filter(None, runs):
        if _only_modifier(run, [lede]):
            continue  # nor its words: "Worth" of "a Fort Worth girl"
        words = run.split()
        # the whole run, then its words from the last: a name's head comes last
        # ("Webb" in "Michael Webb"), and a tie goes to the first candidate seen
        for cand in dict.fromkeys([run, *reversed(words)]):
            cand = cand.rstrip(".’'")
            if len(cand) < 2 or is_generic(cand) or cand in subject_rules().not_owners.words \
                    or _only_speaker(cand, lede) or _mostly_source(cand, body):
                continue
            if has_word(cand.lower(), body):
                continue  # a common word capitalised where a sentence starts
            n = mentions(cand, body, alone=whole and cand != run)
            short = initials(cand) if cand == run.rstrip(".’'") else None
            if short and mentions(short, body, alone=False) > n:
                # "Pacific Gas & Electric Co." once, "PG&E" from then on: the story's own name
                cand, n = short, n + mentions(short, body, alone=False)
            key = (n, len(cand.split()), cand)
            if n >= _REPEATED and (best is None or key[:2] > best[:2]):
                best = key
    return best[2] if best else None


def initials(name: str) -> Optional[str]:
    """A name's initials as news abbreviates it after the first mention ("Pacific Gas &
    Electric Co." is "PG&E", "Ministry of Trade, Industry and Energy" is not a run of
    capitalised words); a company's legal suffix is no initial (data/subject.toml
    [initials] suffixes). None for a name of fewer than two words."""
    rules = subject_rules()
    # "The Federal ... Agency": no "T"; "Reserve Bank of India" is "RBI"
    words = [w for w in name.split() if w.rstrip(".") not in rules.initials.words
             and w.lower() not in rules.topic_modifier.before and not w.islower()]
    if len([w for w in words if w != "&"]) < 2:
        return None
    return "".join(w if w == "&" else w[0] for w in words)


_PREV_WORD = re.compile(r"([\w&’'.-]+)\s+$")
_NEXT_WORD = re.compile(r"\s+([\w’'-]+)")


def _only_modifier(name: str, texts: list[str]) -> bool:
    """Whether the texts write `name` only to modify a common noun ("help the PV industry",
    "The Jupiter moon Europa", "a kidnapped 8-year-old Fort Worth girl"): each time after a
    determiner or a lower-case word and before a lower-case noun, not a verb ("McKinley
    said"), a possessive ("Trump’s advisers") or a name. A name not written at all is not."""
    rules = subject_rules().topic_modifier
    seen = False
    for text in texts:
        for start, end in word_spans(name, text):
            seen = True
            before = _PREV_WORD.search(text, 0, start)
            after = _NEXT_WORD.match(text, end)
            if not before or not after:
                return False
            prev, head = before.group(1), after.group(1)
            if not (prev.lower() in rules.before or not any(c.isupper() for c in prev)):
                return False
            if not head[0].islower() or head in rules.not_heads or head.endswith(tuple(rules.verb_endings)):
                return False
    return seen


def mentions(name: str, body: str, alone: bool) -> int:
    """How often `body` writes `name`; a word of a longer name (`alone`) only where it
    stands as a name by itself: not "Department" in "Columbus Police Department", nor
    "South" in "South Korean", but "Webb" after "Michael Webb" and "Trump" after "Mr.".
    A country is mentioned by its adjective too ("South Korean manufacturers", "the
    British economy": data/subject.toml [countries])."""
    n = 0
    # the forms in the order an alternation of them tries them: the longest first
    forms = sorted([name, *_country_forms(name)], key=len, reverse=True)
    for at, end in first_of_spans(forms, body):
        if not alone:
            n += 1
            continue
        # The word before it, searched for from a little way back (from the body's start,
        # each mention cost a scan of all the text before it): further back only while
        # the word or the spaces before the mention may reach past where the search began.
        start = max(0, at - 64)
        before = _PREV_WORD.search(body, start, at)
        while start > 0 and (before.start() == start if before else re.fullmatch(r"\s+", body[start:at])):
            start = max(0, 2 * start - at)
            before = _PREV_WORD.search(body, start, at)
        if _CAPITAL_NEXT.match(body, end) or (
                before and before.group(1)[0].isupper() and not before.group(1).endswith(".")):
            continue
        n += 1
    return n


def _country_forms(name: str) -> list[str]:
    """The other ways news writes a country: its adjectives and long names ("South
    Korean" and "Korean" for South Korea, "U.S." and "American" for the US)."""
    countries = subject_rules().countries
    country = countries.names.get(name, name)  # "Britain" is the UK
    return [form for form in [country, *countries.demonyms, *countries.names]
            if form != name and countries.demonyms.get(form, countries.names.get(form, form)) == country]


_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")


def _industry(lede: str) -> Optional[str]:
    """The industry a lede names: a determined noun phrase with 1 to 3 modifiers
    before an industry noun ("the AI industry", "the global chip sector", "the U.S.
    economy"); not "the industry", not "an industry", not words across a preposition."""
    cues = load_cues()
    words = list(_WORD.finditer(lede))
    for k, w in enumerate(words):
        if w.group().lower() not in cues.topic_heads:
            continue
        j = k - 1
        while j >= 0 and k - j <= 4 and words[j].group().lower() not in _DETERMINERS:
            j -= 1
        if j < 0 or k - j > 4 or k - j < 2:
            continue
        mods = [m for m in words[j + 1:k] if m.group().lower() not in cues.drop_words]
        if not mods or any(m.group().lower() in cues.topic_stop for m in mods):
            continue
        if _purpose_object(words, j):
            continue  # "a plan to help the PV industry": whom the plan is for, not who acts
        # the phrase as written, from its first kept modifier to the head
        return lede[mods[0].start():w.end()]
    return None


def _purpose_object(words: list[re.Match], det: int) -> bool:
    """Whether the phrase whose determiner is words[det] is the object of an infinitive
    ("unveiled a plan to help the PV industry", "a fund to rescue the steel sector"):
    the one a plan is for. data/subject.toml [topic_purpose]."""
    markers = subject_rules().topic_purpose.words
    return det >= 2 and words[det - 2].group().lower() in markers and words[det - 1].group().islower()


def lend_topic(frames: list[Frame], topic: Optional[str]) -> None:
    """Give the article's topic to each figure still without a subject, or whose
    subject is only a role or group in the clause ("investors have been told",
    "a federal jury deliberated", "drivers can close the roof"); except an
    illustration's (a hypothetical developer's $1,000 is no industry's figure)."""
    if not topic:
        return
    name = entity_table().canonicalise(topic)
    for f in frames:
        if f.subject is None and f.kind != Kind.illustrative:
            f.subject, f.subject_how = name, TOPIC
            if f.source is None and f.source_how == ITSELF:
                f.source, f.source_how = name, "own"
        elif f.subject is not None and is_generic(f.subject):
            # "if underwriters buy 15 per cent more": a role in a condition is no owner either
            f.subject, f.subject_how = name, TOPIC


def subject_rules() -> SubjectRules:
    return load_rules("subject.toml", SubjectRules)


def reporting_body(subj: Token) -> bool:
    """"the department", "the Bureau of Labor Statistics", "the motoring group AAA": a body
    named or described by a word of reporting bodies (data/subject.toml [reporting_bodies]);
    "group" only as a description before the name, not as a company's last word."""
    words = subject_rules().reporting_bodies.words
    if subj.lemma_.lower() in words and not (subj.lower_ == "group" and subj.pos_ == "PROPN"):
        return True
    if data_provider(subj):
        return True
    return any(c.dep_ == "compound" and c.i < subj.i and c.is_lower and c.lemma_ in words for c in subj.children)


def data_provider(subj: Token) -> bool:
    """"Comscore said", "according to Edmunds", "LSEG data showed": a firm that measures
    others (ticket sales, car prices, analysts' estimates) reports figures it does not own
    (data/subject.toml [data_providers], names as written)."""
    names = subject_rules().data_providers.words
    phrase = " ".join(t.text for t in sorted(subj.subtree, key=lambda t: t.i)
                      if t.i <= subj.i and t.dep_ in ("compound", "flat", "poss", "case") or t.i == subj.i)
    return any(n == phrase or phrase.startswith(n + " ") for n in names)


@lru_cache(maxsize=None)
def _generic_heads() -> frozenset[str]:
    data = subject_rules().generic
    return frozenset(w.lower() for w in data.roles + data.acts + data.segments)


def is_generic(subject: str) -> bool:
    """A common noun phrase headed by a role, group or act noun ("Local auto dealers",
    "the federal jury", "the deal"): no name in it (only its first word may be
    capitalised, as a sentence starts) and its last word in data/subject.toml."""
    words = _WORD.findall(subject)
    if not words or words[-1].lower() not in _generic_heads():
        return False
    return not any(c.isupper() for w in words[1:] for c in w)


def link_restatements(frames: list[Frame]) -> None:
    """A figure stated again in the same article is the same fact: "The $600 billion
    gap will close" restates Cahn's "$600 billion" from paragraphs before. Within a
    group of mentions with the same money or percent figure, the fullest mention
    (most of subject, period, source, metric; then the earliest) lends each other
    mention what it lacks: a subject found only from context, a period, a source, a
    metric, and its kind (a restatement does not turn an estimate into a fact;
    only an "if" clause around the restatement makes it illustrative)."""
    groups: dict[tuple, list[Frame]] = {}
    for f in frames:
        key = _restatement_key(f.quantity)
        if key is not None:
            groups.setdefault(key, []).append(f)
    for members in groups.values():
        if len(members) < 2:
            continue

        # The first mention in running text states the figure; headings and later
        # mentions refer to it.
        best = min(members, key=lambda f: (f.heading, f.region, f.quantity.start))
        for f in members:
            if f is best or f.quote_start == best.quote_start:
                continue  # a figure repeated in its own sentence is a new statement
            if _may_restate(best, f):
                _restate(best, f)
    _link_pointed_back(frames)


def _restate(best: Frame, f: Frame) -> None:
    """`f` restates `best`: it takes what `best` established and it lacks."""
    if best.subject and (f.subject is None or f.subject_how != STRONG):
        f.subject, f.subject_how = best.subject, WEAK
    f.period = f.period or best.period
    if best.source and (f.source is None or f.source_how == "carried"):
        f.source = best.source
    f.metric = f.metric or best.metric
    if not f.in_conditional:
        f.kind = best.kind


def _link_pointed_back(frames: list[Frame]) -> None:
    """A figure after a demonstrative ("some of that 8.69 GW of Korean production lines",
    "those 40,000 jobs") points back to the earlier mention of the same value and unit,
    whatever its size: it restates it (data/subject.toml [restatement])."""
    words = alternation(subject_rules().restatement.words)
    for k, f in enumerate(frames):
        q = f.quantity
        before = f.quote[:max(0, q.start - f.quote_start)]
        if q.value is None or not re.search(rf"(?i:\b(?:{words}))\s+$", before):
            continue
        first = next((e for e in frames[:k] if e.region == f.region and e.quote_start != f.quote_start
                      and (e.quantity.unit, e.quantity.value) == (q.unit, q.value)), None)
        if first is not None and _may_restate(first, f):
            _restate(first, f)


def _metric_family(metric: Optional[str]) -> Optional[str]:
    """The vocabulary metric a metric name ends with ("cloud infrastructure revenue
    growth" -> "revenue"), or None for the text's own words ("gap")."""
    if not metric:
        return None
    words = (metric[:-len(" growth")] if metric.endswith(" growth") else metric).split()
    names = metric_vocabulary().canonical
    for k in range(len(words)):
        tail = " ".join(words[k:])
        if tail.lower() in names:
            return names[tail.lower()]
    return None


def _may_restate(first: Frame, later: Frame) -> bool:
    """Can `later` restate `first`? Not when both name metrics that share no word, one
    inside the other ("raised $18 billion in a bond sale" is funding, "cloud revenue
    will grow to $18 billion" revenue; "AI revenue" may be restated as "revenue"), nor
    when both name, from their own clauses, different subjects."""
    fa, fb = _metric_family(first.metric), _metric_family(later.metric)
    if fa and fb:
        a, b = set(fa.split()), set(fb.split())
        if not (a <= b or b <= a):
            return False
    return not (first.subject and later.subject and first.subject != later.subject
                and first.subject_how == STRONG and later.subject_how == STRONG)


def _restatement_key(q: Quantity) -> Optional[tuple]:
    """Figures distinctive enough that a second mention is the same fact: money in
    the millions or more, percentages of 10 or more, a reading on a named scale. Small prices ("$10 off") and
    small moves ("up 0.05%") recur by coincidence."""
    if q.value is None and q.low is None and q.high is None:
        return None
    if q.unit in subject_rules().restatement.readings:
        return (q.unit, q.value, q.low, q.high)  # "magnitude 7.2" in the headline and the lead
    if re.search(r"\b(?:hundreds|tens|thousands|millions|billions|trillions|dozens)\b", q.surface, re.I):
        return None
    size = max(abs(x) for x in (q.value, q.low, q.high) if x is not None)
    if is_money(q) and size >= 1e6:
        return (q.unit, q.value, q.low, q.high)
    if q.unit == "percent" and size >= 10:
        return (q.unit, q.value, q.low, q.high)
    return None
