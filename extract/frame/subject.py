"""Subject: who or what a figure is about."""

from __future__ import annotations
import re
from dataclasses import dataclass
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.records import Quantity
from extract.vocab import entity_table
from extract.frame.cues import Cues, load_cues
from extract.frame.context import Context, POINTS_BACK, STRONG, WEAK, doc_text, sent_text, sent_tokens, span_ents
from extract.frame.syntax import (bracketed, canon, clause_subject, company_word, entity_in, is_entity_text,
                                  last_organisation_before, metric_tokens, mistagged_verb, shared_subject, tokens_of)
from extract.frame.described import DESCRIBED, described_referent, designated, introduced_referent
from extract.frame.population import population_subject
from extract.frame.figure_phrase import (agent_of_figure_noun, bracketed_share, changed_object, example_thing,
                                         place_amount, priced_for, sum_in_national_measure)
from extract.frame.article import reporting_body
from extract.frame.figure_owner import (Found, PERSONAL, antecedent, counted_from, goods_valued, holder_with,
                                        list_label, modified_name, owner_of_figure_phrase, partitive_whole, personal_possessor, event_of,
                                        possessor_above, recipient, share_to, speaker_self, valued_company)
from extract.frame.transaction import appositive_name, buyer_of_figure, goods_on_verb, inverted_clause
from extract.frame.noun_phrase import as_country, demonstrative_np, metric_head, name_np, np_phrase, without_article
from extract.frame.scope import scoped_subject
from extract.frame.place_measure import place_measure_owner
from extract.frame.possessed_title import possessed_title
from extract.frame.time_antecedent import time_antecedent
from extract.frame.accused import accused_of_figure
from extract.frame.sought_sentence import sought_sentence_subject
from extract.frame.crowd_metric import crowd_venue
from extract.frame.unnamed_event import unnamed_event
from extract.frame.refer import (base_of_part, described_back, described_owner, is_nationality_person, nationality_person, part_of_product,
                                 quotation_speaker, referred_person, referred_topic)




def figure_subject(doc: Doc, sent: Span, q: Quantity, cues: Cues, ctx: Context,
                   in_sent: list[Quantity], source: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
    """(subject, how) where how is STRONG (from the figure's clause) or WEAK: the
    figure's own phrase first, then the clauses above it, then what they point back
    to, then a name written before the figure. A country as its short name ("the
    United States" -> "US"), however it was found."""
    found = described_back(doc, sent, ctx, *_figure_subject(doc, sent, q, cues, ctx, in_sent, source))  # "the city"
    subject, how = scoped_subject(doc, sent, q, in_sent, ctx, *found)
    subject = place_measure_owner(doc, q, subject, how) or subject  # "Turnout was 60%": no party's
    subject = unnamed_event(doc, sent, subject) or subject  # "the strongest earthquake to hit Taiwan"
    return as_country(without_article(subject)), how


def _figure_subject(doc: Doc, sent: Span, q: Quantity, cues: Cues, ctx: Context,
                    in_sent: list[Quantity], source: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    span = tokens_of(doc, q)
    if span is None:
        return None, None
    found = list_label(doc, span, q) or _respectively(doc, sent, q, in_sent, cues) or _aged_person(doc, span, q, cues)
    if found:
        return found, STRONG
    for step in (buyer_of_figure, accused_of_figure, sought_sentence_subject, crowd_venue, bracketed_share, counted_from, event_of, population_subject,
                 modified_name, part_of_product, described_owner, recipient,
                 share_to, partitive_whole, goods_valued, goods_on_verb, agent_of_figure_noun, changed_object,
                 place_amount, example_thing, priced_for, sum_in_national_measure, holder_with, valued_company,
                 owner_of_figure_phrase,
                 personal_possessor, possessor_above):
        hit = step(doc, span, q, cues, ctx)
        if hit is not None:
            return hit
    found = speaker_self(span, source or quotation_speaker(span.root))  # the speaker credited after the quotation
    if found:
        return found, STRONG
    climb = _climb(doc, sent, span, q, cues, ctx, in_sent, source)
    if climb.found is not None:
        return climb.found
    hit = _pointed_back(sent, climb, cues, ctx)
    if hit is not None:
        return hit
    found = _noun_before_verb(doc, sent, span, cues)
    if found:
        return found, STRONG
    hit = _named_before(doc, sent, span, q, cues, source)
    if hit is not None:
        return hit
    found = _fronted_place(sent, span)
    if found:
        return found, WEAK
    if climb.foreseen and ctx.named and ctx.named_para >= ctx.para - 1 and ctx.named != source:
        # "Home Depot reported $2.53 a share. Wall Street predicted $2.52 a share.":
        # the reporters foresee a figure of the company just named
        return ctx.named, WEAK
    return None, None


@dataclass
class _Climb:
    """What the climb up the clauses above a figure found."""

    found: Found = None  # a (subject, how) settled on
    points_back: bool = False  # the clause's subject is an anaphor ("it", "the company")
    anaphor: Optional[Token] = None
    foreseen: bool = False  # the clause reports the figure ("X estimates ..."): X is no subject


def _climb(doc: Doc, sent: Span, span: Span, q: Quantity, cues: Cues, ctx: Context,
           in_sent: list[Quantity], source: Optional[str]) -> _Climb:
    """Up from the figure, clause by clause, to the first subject outside it."""
    root = span.root
    verb, below, out = root, None, _Climb()
    for _ in range(12):
        if verb.head.i == verb.i and not verb.pos_ in ("VERB", "AUX"):
            break
        subj = clause_subject(verb) if verb.pos_ in ("VERB", "AUX") or mistagged_verb(verb) else None
        if subj is None and verb.pos_ == "VERB":
            subj = shared_subject(verb)
        if subj is not None and source and _reports_on_another(doc, verb, subj, below, cues, span, source):
            out.found = _what_is_reported(doc, verb, cues, span)
            break
        if subj is not None and (_reporter(doc, verb, subj, root, cues) or _speaker(verb, subj, below, cues)
                                 or _estimate_at(verb, below, cues, root)):
            out.foreseen = True
            break
        if subj is not None and inverted_clause(verb, below):
            # "After Neumann left the company, SoftBank ... committed to a $9.5 billion
            # lifeline": the parse hung the main clause on the "after" clause, whose
            # subject is no owner of the main clause's figure
            break
        if subj is not None and _holds_other_figure(subj, q, in_sent, doc) and not base_of_part(span, verb):
            # "The $850 billion commitments correspond to $25 billion in revenue"
            break
        if subj is not None and base_of_part(span, verb):
            subj = None  # "75 to 100 people view his profile a week, out of 1,500 followers": whose the part is
        if subj is not None and _anyone_who(verb, subj):
            subj = None  # "offering oxygen to anyone who is ready to pay Rs 300": the clause above says whose
        if subj is not None and not (span.start <= subj.i < span.end):
            out.found = _outside_subject(doc, sent, span, verb, subj, cues, ctx, out)
            break
        if verb.head.i == verb.i:
            break
        if subj is not None and span.start <= subj.i < span.end and verb.head.lemma_.lower() in cues.attribution_verbs:
            # "NIDA estimated that 964,000 people reported ...": the figure is its own
            # clause's subject; the reporter above is its source, not what it is about
            break
        below, verb = verb, verb.head
    return out


def _anyone_who(verb: Token, subj: Token) -> bool:
    """A relative clause on an indefinite pronoun ("anyone who", "those who", "everyone
    that"): it names no owner of its figure."""
    return subj.lower_ in ("who", "that", "which") and verb.dep_ == "relcl" and verb.head.pos_ == "PRON"


def _reporter(doc: Doc, verb: Token, subj: Token, root: Token, cues: Cues) -> bool:
    """"Sightline Climate's statistics show 15.2GW ...", "X estimates ...": the
    subject of a reporting verb is the source, not what the figure is about."""
    return verb.lemma_.lower() in cues.attribution_verbs and bool(
        verb.i != root.i and subj.lower_ in cues.source_nouns
        or cues.source_descriptors.search(doc_text(doc)[subj.left_edge.idx:subj.idx + len(subj.text)]))



def _estimate_at(verb: Token, below: Optional[Token], cues: Cues, figure: Optional[Token] = None) -> bool:
    """"Karen Clark & Co put the figure at $63 billion", "The Red Cross put the toll at
    2,000", "Analysts pegged the cost at $3 billion": who puts a measure at a figure
    estimates it; the figure is the measure's, not the estimator's. The figure is what
    "at" governs ("announced an order at a value of $16 billion" is no estimate)."""
    return below is not None and below.dep_ == "prep" and below.lower_ == "at" \
        and verb.lemma_.lower() in cues.attribution_verbs and any(c.dep_ == "dobj" for c in verb.children) \
        and any(c.dep_ == "pobj" and (figure is None or c.i == figure.i) for c in below.children)


def _speaker(verb: Token, subj: Token, below: Optional[Token], cues: Cues) -> bool:
    """"There were more than 30 staff vacancies at the facility, said Serene Gregg": a
    person who says what the clause below states (its complement, not its object:
    "Meta expects capital expenditures of $66 billion", where NER may call Meta a
    person) is its source, not what the figure is about."""
    if below is None or verb.lemma_.lower() not in cues.attribution_verbs:
        return False
    # a reporting body says what the sentence states, however the parse hangs it
    # ("The unemployment rate held at 3.8%, ..., the department said": "rate" read as a
    # second subject of "said")
    return below.dep_ in ("ccomp", "parataxis") and subj.ent_type_ == "PERSON" or reporting_body(subj)



def _reports_on_another(doc: Doc, verb: Token, subj: Token, below: Optional[Token], cues: Cues, span: Span,
                        source: str) -> bool:
    """"U.S. consumer prices rose 0.2%, the Labor Department said, bringing the annual
    rate down to 2.9%": who reports the figure is not what it is about."""
    return below is not None and below.dep_ == "advcl" and below.tag_ == "VBG" \
        and verb.lemma_.lower() in cues.attribution_verbs \
        and without_article(name_np(subj, doc, cues, span)[0]) == without_article(source)


def _what_is_reported(doc: Doc, verb: Token, cues: Cues, span: Span) -> Found:
    """What the report is about: the subject of the reported clause."""
    for c in verb.children:
        inner = clause_subject(c) if c.dep_ == "ccomp" else None
        if inner is not None:
            name, _ = name_np(inner, doc, cues, span)
            if name:
                return name, WEAK
    return None


def _outside_subject(doc: Doc, sent: Span, span: Span, verb: Token, subj: Token, cues: Cues, ctx: Context,
                     out: _Climb) -> Found:
    """The subject of a clause above the figure, or whose measure it names ("for X");
    an anaphor is marked on `out` for `_pointed_back`."""
    if designated(subj):  # "the 787-9 jet": named in its own phrase
        return designated(subj), STRONG
    title = possessed_title(subj)  # "Disney and Pixar's "Inside Out 2" led the box office"
    if title:
        return title, STRONG
    referent = described_referent(subj) or introduced_referent(subj)  # "the wagon", "this bar": named before
    if referent:
        return referent, DESCRIBED
    if is_nationality_person(subj):
        # "Erling Haaland scored ... The Norwegian has now scored 25 goals": the person named
        # before, else the story's topic
        return nationality_person(subj, ctx)
    name, back = _relative_or_named(doc, sent, span, verb, subj, cues)
    if name:
        return name, STRONG
    if back:
        out.points_back, out.anaphor = True, subj
        # a company word, or a metric with no owner ("Oracle said cloud revenue
        # rose"), belongs to an organisation that speaks, not to a person who does
        found = _main_clause_subject(doc, verb, cues, span, company=company_word(subj, cues),
                                     person=not metric_head(subj))
        return (found, STRONG) if found else None
    if subj.dep_ == "csubj":
        # "training a single model could cost $5 billion": what is trained
        for o in subj.children:
            if o.dep_ == "dobj":
                name, _ = name_np(o, doc, cues, span)
                if name:
                    return name, STRONG
    # "Margins hit 30% for the retailer", "capital intensity has reached 45 to 57%
    # for these companies": the subject names a measure, "for X" whose it is.
    for_np = _for_object(verb, span)
    if for_np is not None:
        # "for these firms": whose measure it is, a group named before
        name, back = (None, True) if demonstrative_np(for_np) else name_np(for_np, doc, cues, span)
        if name:
            return name, STRONG
        if back and antecedent(ctx, for_np):
            return antecedent(ctx, for_np), WEAK
    if _bare_metric(subj) and ctx.subject and ctx.subject_para == ctx.para:
        # "Coinbase switched models. AI spending has been cut by half": a
        # measure with no owner in its clause belongs to the topic before.
        return ctx.subject, WEAK
    return None


def _relative_or_named(doc: Doc, sent: Span, span: Span, verb: Token, subj: Token,
                       cues: Cues) -> tuple[Optional[str], bool]:
    """(name, points back) for a clause subject: a relative pronoun stands for the
    noun its clause hangs on, "one" for the noun it counts."""
    if subj.lower_ in ("who", "that", "which") and verb.dep_ in ("relcl", "acl") and verb.head.lower_ == "one":
        return _nominal_one(sent, verb.head, doc, cues, span), False
    if subj.lower_ in ("who", "that", "which") and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        # "the investment firm Dunmore Capital, which holds a 12% stake": the firm's name
        head = time_antecedent(verb) or appositive_name(verb.head) or verb.head
        return name_np(head, doc, cues, span)
    if subj.lower_ == "one" and subj.pos_ in ("NOUN", "NUM", "PRON"):
        return _nominal_one(sent, subj, doc, cues, span), False
    head = _relative_antecedent(subj)
    if head is not None:
        return name_np(head, doc, cues, span)
    # "Dubai's flagship carrier Emirates Airline reported ...": the name beside the description
    return name_np(appositive_name(subj) or subj, doc, cues, span)


def _relative_antecedent(subj: Token) -> Optional[Token]:
    """The noun a relative pronoun the parse did not hang as one stands for ("the state budget
    approved by Republicans in April that boosted school spending by 2.5%", "that" read as
    the subject of a clause of its own): the head of the noun phrase right before it, past
    the phrases and participles that trail that noun ("in April", "approved by ...")."""
    if subj.lower_ not in ("that", "which") or subj.i == 0 or subj.head.dep_ in ("relcl", "acl"):
        return None
    tok = subj.doc[subj.i - 1]
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ == "DATE" and tok.dep_ != "pobj":
        return None
    for _ in range(6):
        if tok.dep_ not in ("pobj", "prep", "acl", "agent") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok if tok.pos_ in ("NOUN", "PROPN") else None


def _pointed_back(sent: Span, climb: _Climb, cues: Cues, ctx: Context) -> Found:
    """What an anaphoric clause subject ("it", "the company", "they") points back to."""
    anaphor = climb.anaphor
    if not climb.points_back or anaphor is None:
        return None
    if anaphor.lower_ in PERSONAL and referred_person(anaphor, ctx):
        # "said Singh Jabarjung, 24. ... He said he has spent Rs 24 lakh": the person
        # named last, not the story's topic
        return referred_person(anaphor, ctx), WEAK
    if anaphor.lower_ in ("it", "its"):
        # "OpenAI's revenue hit $13 billion, and it expects to burn through $115
        # billion": the organisation named before the pronoun in its own sentence
        named = last_organisation_before(sent, anaphor, cues)
        if named:
            return named, WEAK
    found = antecedent(ctx, anaphor)
    if found and not (company_word(anaphor, cues) and _one_thing(found)):
        return found, WEAK  # "the company" points back to a company's name, not to "the market"
    if (company_word(anaphor, cues) or anaphor.lower_ in ("it", "its")) and ctx.named and ctx.named_para >= ctx.para - 1:
        # "McClatchy reported a loss ... Most of the loss reflected a write-down. But
        # the company also reported long-term debt": a sentence that names nobody
        # leaves the company named before it as what "the company" points back to
        return ctx.named, WEAK
    if referred_topic(anaphor, ctx):  # '"It was down 60% ... If it can break above $13.60," Maley said'
        return referred_topic(anaphor, ctx), WEAK
    if company_word(anaphor, cues):
        # "the company had visibility into $500 billion" with nothing named before: the
        # article's topic, not another name in the sentence ("its Blackwell chips")
        return None, None
    return None


def _one_thing(phrase: str) -> bool:
    """A common noun phrase for one thing, no name and no group ("market", not "Home Depot"
    nor "big five hyperscalers"): what a company word ("the company") cannot point back to."""
    return not any(c.isupper() for c in phrase) and not phrase.endswith("s")


def _named_before(doc: Doc, sent: Span, span: Span, q: Quantity, cues: Cues, source: Optional[str]) -> Found:
    """A possessive or an organisation named before the figure in its sentence, unless
    it is the sentence's source ("Exponential View's analysis", "Bloomberg's data")."""
    before = [t for t in sent_tokens(sent) if t.i < span.start]
    for t in reversed(before):
        if t.dep_ == "poss" and t.pos_ == "PROPN" and t.head.lower_ not in cues.source_nouns:
            name = entity_in(list(t.subtree), doc, cues, cues.subject_labels)
            if name and name != source:
                return name, WEAK
    prefix = doc_text(doc)[sent.start_char:q.start]
    credited = _credited_spans(sent, cues)

    def is_credited(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in credited)

    def modifies(s: int, e: int) -> bool:
        # "beat Wall Street estimates": a name that modifies a common noun other than a clause's
        # subject owns that noun, not a figure later in the sentence ("AWS revenue grew 28%" does)
        words = doc.char_span(s, e, alignment_mode="expand")
        if words is None or words.root.dep_ != "compound":
            return False
        noun = words.root.head
        return noun.pos_ == "NOUN" and noun.i < span.start and noun.dep_ not in ("nsubj", "nsubjpass")

    for hit in reversed(entity_table().find(prefix)):
        at, end = sent.start_char + hit[0], sent.start_char + hit[1]
        if hit[2] != source and not is_credited(at, end) and not modifies(at, end) \
                and not (prefix[hit[0] - 1:hit[0]] == "(" and prefix[hit[1]:hit[1] + 1] == ")"):
            return hit[2], WEAK  # not "(Reuters)", a credit in brackets of its own
    for ent in reversed([e for e in span_ents(sent) if e.end_char <= q.start and e.label_ in cues.organisation_labels
                         and is_entity_text(e.text, cues) and not is_credited(e.start_char, e.end_char)
                         and not bracketed(e) and not modifies(e.start_char, e.end_char)]):
        name = canon(ent.text)
        if name != source:
            return name, WEAK
    return None


def _fronted_place(sent: Span, span: Span) -> Optional[str]:
    """"In Syria, more than 3,300 people have died", "In Florida, 1,200 new cases were
    reported": a place set before the clause with "In ..., " is where its figure is
    counted, when nothing in the clause owns the figure."""
    toks = [t for t in sent if t.i < span.start]
    for k, t in enumerate(toks[:-2]):
        starts = k == 0 or toks[k - 1].text in (",", ";", ":") or toks[k - 1].lower_ in ("and", "but", "while")
        if not (starts and t.lower_ == "in"):
            continue
        ent = next((e for e in sent.ents if e.label_ == "GPE" and e.start == t.i + 1), None)
        if ent is not None and ent.end < len(sent.doc) and sent.doc[ent.end].text == "," and ent.end <= span.start:
            return ent.text
    return None


def _aged_person(doc: Doc, span: Span, q: Quantity, cues: Cues) -> Optional[str]:
    """"Ma'Khia Bryant, 16, was shot": the person an appositive age follows."""
    if q.unit != "year" or not re.fullmatch(r"\d{1,3}", q.surface) or span.start < 2 or doc[span.start - 1].text != ",":
        return None
    before = doc[max(0, span.start - 6):span.start - 1]
    return entity_in(list(before), doc, cues, frozenset({"PERSON"}), propn=False) if len(before) else None


def _bare_metric(subj: Token) -> bool:
    """A subject that is a metric and nothing more ("Revenue", "AI spending", "the
    gross margin"): no owner, no qualifier ("global", "industry-wide")."""
    words = {t.i for t in metric_tokens(subj)}
    if not words:
        return False
    return all(t.i in words or t.dep_ == "det" for t in subj.subtree if t.i <= subj.i) and not any(
        c.dep_ == "prep" for c in subj.children)


def _for_object(verb: Token, span: Span) -> Optional[Token]:
    """The object of a "for" phrase on the verb (or on the figure itself) after the figure."""
    for head in (verb, span.root):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "for" and c.i >= span.end:
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return None


def _noun_before_verb(doc: Doc, sent: Span, span: Span, cues: Cues) -> Optional[str]:
    """For a misparsed clause whose verb has no subject ("..., global AI revenue
    (excluding China) reached $25 billion"): the noun phrase right before the verb
    that governs the figure, skipping a parenthesis and adverbs."""
    verb = span.root
    for _ in range(10):
        # the first finite verb above the figure ("reached $25 billion, surpassing the
        # $21 billion costs": "surpassing" has the subject of "reached")
        if verb.pos_ == "VERB" and (verb.tag_ not in ("VBG", "VBN") or verb.dep_ == "conj"):
            break
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    if verb.pos_ != "VERB" or verb.i >= span.start or clause_subject(verb) is not None:
        return None
    i = verb.i - 1
    depth = 0
    while i >= sent.start:
        t = doc[i]
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth -= 1
        elif depth == 0 and t.pos_ not in ("ADV", "AUX", "PART"):
            break
        i -= 1
    if i < sent.start or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    name, back = name_np(doc[i], doc, cues, span)
    return name


def _holds_other_figure(subj: Token, q: Quantity, in_sent: list[Quantity], doc: Doc) -> bool:
    s, e = subj.left_edge.idx, subj.idx + len(subj.text)
    return any(o is not q and s <= o.start < e and not (s <= q.start < e) for o in in_sent)


def _credited_spans(sent: Span, cues: Cues) -> list[tuple[int, int]]:
    """Character spans of the names a sentence credits as sources ("Sightline
    Climate's statistics show", "Bloomberg's data", "analysts at UBS estimate"):
    they are never the subject of the figures they report."""
    out = []
    for t in sent_tokens(sent):
        owner = None
        if t.dep_ == "poss" and t.head.lower_ in cues.source_nouns:
            owner = t
        elif t.dep_ == "nsubj" and t.head.lemma_.lower() in cues.attribution_verbs:
            owner = t
        elif t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in ("for", "to") \
                and t.head.head.lemma_.lower() in cues.attribution_verbs:
            owner = t  # "As Emily Feng reports for NPR", "told Reuters": the outlet reported to
        if owner is not None:
            out.append((owner.left_edge.idx, owner.right_edge.idx + len(owner.right_edge.text)))
    return out


def _nominal_one(sent: Span, one: Token, doc: Doc, cues: Cues, span: Span) -> Optional[str]:
    """"one" standing for a noun already used in the sentence ("A business that spends
    $0.12 ... than one that spends $0.50"): that noun."""
    for t in reversed([t for t in sent if t.i < one.i]):
        if t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and not metric_head(t) \
                and any(c.dep_ == "relcl" for c in t.children):
            return np_phrase(t, cues) or None
    return None


def _respectively(doc: Doc, sent: Span, q: Quantity, in_sent: list[Quantity], cues: Cues) -> Optional[str]:
    """"Meta and Microsoft ... reached $79 billion and $41 billion, respectively":
    the k-th figure belongs to the k-th name of the coordinated list."""
    text = sent_text(sent)
    if "respectively" not in text.lower():
        return None
    figs = sorted(in_sent, key=lambda x: x.start)
    if len(figs) < 2:
        return None
    first = figs[0].start - sent.start_char
    names = []
    for s, e, name in entity_table().find(text[:first]):
        names.append((s, e, name))
    for ent in span_ents(sent):
        s, e = ent.start_char - sent.start_char, ent.end_char - sent.start_char
        if e <= first and ent.label_ in cues.subject_labels and is_entity_text(ent.text, cues) \
                and not any(a < e and s < b for a, b, _ in names):
            names.append((s, e, canon(ent.text)))
    names.sort()
    # the last run of names joined only by commas and "and"
    run: list[tuple[int, int, str]] = []
    for n in names:
        if run and re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*", text[run[-1][1]:n[0]]):
            run.append(n)
        else:
            run = [n]
    if len(run) != len(figs):
        return None
    return run[figs.index(q)][2]


def _main_clause_subject(doc: Doc, verb: Token, cues: Cues, span: Span, company: bool = False,
                         person: bool = True) -> Optional[str]:
    """In "Acme said its revenue was $10 billion" the pronoun points to the subject of
    the clause that governs this one, in the same sentence, before the previous sentence's.
    The subject's own name counts, not one in a phrase hung on it ("demand for its
    Blackwell chips"); a company word ("the company") points only to an organisation,
    and a metric (person=False: "Revenue rose 5%, said Lisa Su") to no person."""
    labels = cues.organisation_labels if company else cues.subject_labels
    tok, hops = verb, 0
    while tok.dep_ in ("ccomp", "xcomp", "conj", "advcl", "relcl") and tok.head.i != tok.i and hops < 4:
        tok, hops = tok.head, hops + 1
        subj = clause_subject(tok) if tok.pos_ in ("VERB", "AUX") else None
        if subj is not None and subj.lower_ not in cues.pronouns:
            if company_word(subj, cues):
                return None  # "the Redmond, Washington-based company said": it points back in turn
            own = [t for t in subj.subtree if t.i <= subj.i or t.dep_ == "conj"]
            if not person and any(t.ent_type_ == "PERSON" for t in own):
                continue
            if tok.lemma_.lower() in cues.attribution_verbs and reporting_body(subj):
                continue  # "Gas prices averaged $3.52, the motoring group AAA said": it reports
            found = entity_in(own, doc, cues, labels, propn=not company)
            if found:
                return found
    return None


def sentence_subject(sent: Span, cues: Cues) -> tuple[Optional[str], Optional[str]]:
    """(topic, group): the entity a sentence is about, for the next sentence's
    pronouns, and that entity again if it is a group (a plural: "the big five
    hyperscalers", "Apple and Google"), for plural anaphors ("these companies",
    "they"). The topic is the subject of the main clause or, when the main verb
    attributes ("CreditSights has documented that capital expenditure for the big
    five ... exceeds"), of the reported clause, never the reporter. Anaphoric
    subjects ("the group", "Armstrong said the company ...") leave both unchanged."""
    root = sent.root
    subj = clause_subject(root) if root.pos_ in ("VERB", "AUX") else None
    span = sent.doc[sent.start:sent.start]  # an empty span: no figure to avoid
    if subj is not None and root.lemma_.lower() in cues.attribution_verbs:
        for c in root.children:
            if c.dep_ == "ccomp":
                inner = clause_subject(c)
                if inner is not None and described_referent(inner):
                    return described_referent(inner), None  # "says the wagon will ...": the wagon named before
                if inner is not None:
                    name, back = name_np(inner, sent.doc, cues, span)
                    if back:
                        return POINTS_BACK, None
                    if name:
                        return name, (name if _is_plural_name(sent, name) else None)
    if subj is None:
        return None, None
    at = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "at"), None)
    if _estimate_at(root, at, cues):
        return POINTS_BACK, None  # "The Red Cross put the toll at 2,000": the estimator is no topic
    if root.lemma_.lower() in cues.attribution_verbs and subj.ent_type_ == "PERSON" and \
            any(c.dep_ in ("ccomp", "parataxis") for c in root.children):
        return POINTS_BACK, None  # "McKinley said that ...": a person who says is a source, no topic
    described = cues.source_descriptors.search(doc_text(sent.doc)[subj.left_edge.idx:subj.idx + len(subj.text)])
    if root.lemma_.lower() in cues.attribution_verbs and described:
        return None, None  # "Analysts forecast revenue of $7 billion": the reporters are no topic
    if described:
        # "Wells Fargo analyst Zachary Fadem points out ...": an analyst's bank is no topic
        # either, whatever the verb; the story's topic stays what it was
        return POINTS_BACK, None
    if described_referent(subj):
        return described_referent(subj), None  # "The new version gets ...": the thing named before
    name, back = name_np(subj, sent.doc, cues, span)
    if back:
        return POINTS_BACK, None
    if name and (name in entity_table().canonical.values() or any(t.pos_ == "PROPN" for t in subj.subtree)
                 or _is_group_noun(subj)):
        reporter = root.lemma_.lower() in cues.attribution_verbs
        return name, (name if not reporter and _is_plural_name(sent, name) else None)
    return None, None


def _is_plural_name(sent: Span, name: str) -> bool:
    """Does the sentence write this name as a plural: its last word a plural noun
    ("hyperscalers"), or names joined ("Apple and Google")?"""
    last = name.split()[-1]
    for t in sent_tokens(sent):
        if t.text == last:
            return t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children) or t.dep_ == "conj"
    return False


def _is_group_noun(tok: Token) -> bool:
    """A plural common noun naming a group of actors ("the big five hyperscalers")."""
    if tok.lower_ in load_cues().measure_nouns or metric_head(tok):
        return False  # "Those gains", "sales": measures, not actors
    return tok.tag_ == "NNS" or any(t.like_num for t in tok.children)
