"""Source: who says a figure."""

from __future__ import annotations
import re
from functools import lru_cache
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.records import Kind, Quantity
from extract.vocab import entity_table
from extract.rules import load_rules
from extract.rule_files import ReportingRules
from extract.frame.cues import Cues, framing_words
from extract.frame.context import BY_PARAGRAPH, BY_POINTER, Context, Frame, ITS_OWN, doc_text, quote_open, sent_text, \
    sent_tokens, span_ents
from extract.frame.syntax import active_subject, canon, tokens_of, clause_subject, company_word, entity_in, is_entity_text, strip_possessive
from extract.frame.figures import is_money
from extract.frame.credit import company_speaks, credited_source, source_words, speaker, speaker_after_quote


def sentence_source(sent: Span, cues: Cues, ctx: Context, para: int) -> tuple[Optional[str], Optional[str]]:
    """(source, carried): the source this sentence credits (carried None), else one
    carried from before, and how (BY_POINTER or BY_PARAGRAPH); a carried source
    may give way to a figure's own company guidance."""
    own = credited_source(sent, cues)
    told = _told_through(sent, cues, ctx, para) if own else None
    if told:
        own = told
    named = _name_by_head(sent, own) if own and _definite_people(sent, own) else None
    if named:
        return named, None  # "the department said" after "the Labor Department said"
    if own and ctx.source and own != ctx.source and _definite_people(sent, own) and not (
            ctx.source.islower() and ctx.source.split()[-1] != own.split()[-1]) and _named_with(sent, own, ctx.source):
        # "..., the authors wrote", "The unions said ...": people named before, whose
        # source is the one last credited (a name, or a phrase with the same head:
        # "according to reports" is no one "the website" points back to)
        ctx.source_para = para
        return ctx.source, BY_POINTER
    if own:
        return own, None
    if ctx.source and _one_person(ctx) and _according_to_the_person(sent, cues):
        # "In the words of the patient: ... According to the man, the steroids had a
        # transformative effect within 2 days": "the man" is the one already quoted
        ctx.source_para = para
        return ctx.source, BY_POINTER
    speaker = _company_speaking(sent, cues)
    if speaker is not None:
        return (speaker or ITS_OWN), None
    if ctx.source and (_attributes_by_pronoun(sent, cues) or _points_back_to_source(sent, cues)
                       or ((ctx.source_para == para - 1 or ctx.quote_open) and _quote_goes_on(sent))):
        ctx.source_para = para
        return ctx.source, BY_POINTER
    if ctx.source and (ctx.source_para == para and not _another_person_acts(sent, ctx.source, cues)
                       or ctx.source_research and para > ctx.source_para):
        # the credit carries through its paragraph; a study the story opens with, through
        # its findings in the paragraphs after it until another source is credited
        return ctx.source, BY_PARAGRAPH
    if ctx.study_source and para > ctx.source_para:
        return ctx.study_source, BY_PARAGRAPH
    if not ctx.source and ctx.named and ctx.named_para >= para - 1 and _person_says(sent, cues) \
            and ctx.named not in entity_table().canonical.values():
        # "..., Mr. Trump wasn't satisfied. In a retelling, he said he pressed his team
        # to ask for up to $50 billion": with no source before, "he" or "she" who
        # reports is the person just named
        return ctx.named, None
    return None, None


def _another_person_acts(sent: Span, source: str, cues: Cues) -> bool:
    """"Keir Starmer ... said his party had a clear mandate. Rishi Sunak held his own seat
    with a majority of 12,185": a sentence whose main clause has another named person
    doing something tells that, it reports no more of what the speaker said."""
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.ent_type_ != "PERSON" or root.lemma_.lower() in cues.attribution_verbs:
        return False
    name = " ".join(t.text for t in subj.subtree if t.ent_type_ == "PERSON")
    return not (name in source or source in name or name.split()[-1] in source.split())


def _points_back_to_source(sent: Span, cues: Cues) -> bool:
    """"His figure", "the study", "the bank" (framing.toml source_carry) point back to the
    source last credited; inside a name they do not ("The Bank of England has held Bank
    Rate at 5.25%")."""
    ents = span_ents(sent)
    for m in cues.source_carry.finditer(sent.text):
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        if not any(e.start_char <= start and end <= e.end_char for e in ents):
            return True
    return False


def names_source(sent: Span, source: Optional[str]) -> bool:
    """Does the sentence name `source`, as written or by an alias ("a researcher at
    Pew" names the Pew Research Center)?"""
    text = sent_text(sent)
    return bool(source) and (source in text or any(hit[2] == source for hit in entity_table().find(text)))


def _told_through(sent: Span, cues: Cues, ctx: Context, para: int) -> Optional[str]:
    """The speaker of a reporting verb that the credit phrase hangs on: in "..., he said,
    according to the Intelligencer" and "according to NPR's Feng, Li Jifeng, a doctor,
    wrote in a blog post that ...", the outlet or reporter tells what the speaker said;
    the speaker is the source ("he" is the one credited or named last, in this paragraph
    or the one before)."""
    for m in cues.source_prepositions.finditer(sent_text(sent)):
        first = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        verb = first[0].head if first is not None else None
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in cues.attribution_verbs \
                or not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
            continue  # a verb with a clause of what is said ("Nvidia reported revenue of ..." discloses)
        subj = active_subject(verb)
        if subj is None or subj.i in range(first.start, first.end) or subj.lower_ in ("which", "that", "who"):
            continue
        if subj.lower_ in source_words()[6]:
            # "he": the source credited last, else the person named last, nearby
            if ctx.source and ctx.source_para >= para - 1:
                return ctx.source
            return ctx.person if ctx.person and ctx.person_para >= para - 1 else None
        return None if subj.lower_ in cues.pronouns else speaker(subj, sent.doc, cues)
    return None


def _one_person(ctx: Context) -> bool:
    """Is the last source one person (a name, "the patient", "the victim"), not a body
    ("police", "the ministry")?"""
    last = ctx.source.split()[-1].lower()
    return last in source_words()[5] or last in framing_words("person_nouns") \
        or bool(ctx.person and ctx.source in ctx.person)


def _according_to_the_person(sent: Span, cues: Cues) -> bool:
    """Does the sentence credit "the man", "the woman" (a person the story follows, with
    no name: the one it credited before)?"""
    people = framing_words("person_nouns")
    for m in cues.source_prepositions.finditer(sent_text(sent)):
        words = sent_text(sent)[m.end():].split(None, 2)
        if len(words) >= 2 and words[0].lower() == "the" and words[1].strip(",.;:").lower() in people:
            return True
    return False


def _person_says(sent: Span, cues: Cues) -> bool:
    """A reporting verb with a clause of what is said, whose subject is "he" or "she"."""
    people = source_words()[6]
    for t in sent_tokens(sent):
        if t.pos_ == "VERB" and t.lemma_.lower() in cues.attribution_verbs \
                and any(c.dep_ == "ccomp" for c in t.children):
            subj = active_subject(t)
            if subj is not None and subj.lower_ in people:
                return True
    return False


def credit_back(waiting: list[Frame], own: list[Frame], sent: Span, source: Optional[str], carried: object,
                cues: Cues) -> list[Frame]:
    """A credit that closes what came before it in its paragraph covers those figures
    too: "Consumers have purchased 208,560 new vehicles this year. Truck and SUV sales
    are down 2.6 percent. Dealers sold 303,417, according to InfoNation."; "The 2021
    RAV4 Prime will go 39 miles on battery power alone. It will get 90 miles per
    gallon, according to Toyota." `waiting` holds the paragraph's figures before this
    sentence that no credit reached; returns those still waiting after it. Only the
    first credit reaches back, and not one of those who expected a figure ("Revenue
    rose 5%. Analysts had expected 4%, according to X")."""
    if source is None:
        return waiting + [f for f in own if f.source is None]
    if (carried == BY_POINTER or (not carried and credits_main_clause(sent, cues) and not expects(sent))) \
            and credit_follows(sent, cues):
        for f in waiting:
            if f.source is None and f.kind != Kind.illustrative:
                f.source, f.source_how = source, "carried"
    return []


def credit_follows(sent: Span, cues: Cues) -> bool:
    """Does the credit follow what it credits, at the end of the sentence ("...,
    according to Toyota.", "..., Volkswagen says.", "..., the authors wrote in the
    paper.")? A credit that opens its sentence ("According to WHO, there were ...",
    "McClatchy said its finances ...") introduces what follows, not what came before."""
    doc = sent.doc
    last = max((t.i for t in sent if not (t.is_punct or t.is_space)), default=sent.start)
    for m in cues.source_prepositions.finditer(sent_text(sent)):
        head = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if m.group().strip().lower() != "per" and sent_text(sent)[:m.start()].rstrip().endswith(",") \
                and head is not None and max(x.right_edge.i for x in head) >= last:
            return True
    for t in sent_tokens(sent):
        if t.pos_ != "VERB" or t.lemma_.lower() not in cues.attribution_verbs or t.right_edge.i < last:
            continue  # "The key to its success, says Buser, is ...": a credit inside the sentence
        after = [c for c in t.children if c.i > t.i and c.dep_ not in ("punct", "nsubj", "prep", "npadvmod", "advmod")]
        if after or not any(c.dep_ in ("ccomp", "parataxis") and c.i < t.i for c in t.children) and t.dep_ != "parataxis":
            continue
        subj = active_subject(t)
        first = subj.left_edge.i if subj is not None and subj.i < t.i else t.i
        if first > sent.start and doc[first - 1].text in ("," , "”", "\"", "''"):
            return True
    return False


def credits_main_clause(sent: Span, cues: Cues) -> bool:
    """Does the sentence credit its whole claim to a source, so that the credit may
    carry on ("According to Bloomberg, ...", "Hood said ...", "Bloomberg's analysis
    shows ...")? Not when the source sits in a clause about another figure: "revenue
    grew 40%, beating the 38.2% analysts polled by Visible Alpha had expected"."""
    root = sent.root
    if root.lemma_.lower() in cues.attribution_verbs:
        return True
    if _quotes_a_speaker(sent, cues):
        return True
    subj = clause_subject(root) if root.pos_ in ("VERB", "AUX") else None
    if subj is not None and (subj.lower_ in cues.source_nouns or cues.source_descriptors.search(subj.text)):
        return True
    if any(c.dep_ in ("dobj", "attr") and c.lower_ in cues.source_nouns for c in root.children):
        return True  # "The IEA published its annual review", "The best evidence is a study from MIT"
    if cues.source_prepositions.search(sent_text(sent)):
        return True  # "According to X, ...", "a study from X", "data from X"
    # "..., Hood said.", "..., the company said in a statement": a reporting verb the parse hung lower
    return any(t.lemma_.lower() in cues.attribution_verbs and t.dep_ in ("ROOT", "conj", "parataxis")
               and t.head == root for t in sent if t is not root) or any(
        t.lemma_.lower() in cues.attribution_verbs and t.i > root.i and t.dep_ in ("parataxis", "ccomp")
        for t in root.children)


_QUOTE_MARKS = ("\"", "“", "”", "''", "``")


def _quotes_a_speaker(sent: Span, cues: Cues) -> bool:
    """'"This is a stock that had been getting clobbered," Maley said on Monday.': a
    quotation with its speaker credits what he goes on to say in the paragraph."""
    if not any(t.text in _QUOTE_MARKS for t in sent_tokens(sent)):
        return False
    verbs = source_words()[2]
    return any(t.lemma_.lower() in verbs and t.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lower_ not in cues.pronouns
                                                                     for c in t.children) for t in sent_tokens(sent)) \
        or speaker_after_quote(sent, cues) is not None


def leaves_quote_open(sent: Span) -> bool:
    """Does the sentence's paragraph end inside a quotation ("Tottenham said in a
    statement: "Jose is one of the world's most accomplished managers ...")? By the
    convention of quoting at length, the quotation goes on in the next paragraph that
    opens with a quotation mark, and the one quoted speaks there too."""
    text = doc_text(sent.doc)
    end = text.find("\n", sent.end_char)
    rest = text[sent.start_char:end if end >= 0 else len(text)]
    opened = text[:sent.start_char].rfind("\n") + 1
    para = text[opened:end if end >= 0 else len(text)]
    return bool(rest.strip()) and quote_open(para)


def _quote_goes_on(sent: Span) -> bool:
    """Does a paragraph open with a quotation no one is credited with in it ("The
    oxygen bar, “consists of an oxygen concentrator ...”" after "..., the description
    on the website reads.")? A quotation runs on from the speaker of the paragraph
    before; the caller checks that no credit of its own is made."""
    text = doc_text(sent.doc)
    before = text[:sent.start_char].rstrip(" \t")
    if before and not before.endswith("\n"):
        return False
    own = sent_text(sent).strip()
    # a quotation the sentence opens and leaves open, or one the paragraph opens with
    # (not "reports that depicted “cost increases”", the words of a document it names)
    return quote_open(own) or own[:1] in ("“", "\"")


def _company_speaking(sent: Span, cues: Cues) -> Optional[str]:
    """"Nvidia said ..., the company said": a company word that reports speaks for the
    organisation named before it in the sentence (returned), else for the company
    each figure is about ("": "OpenAI's annualized revenue hit $13 billion, the
    company said"); None when no company word reports. It never points back to the
    last source credited."""
    for t in sent_tokens(sent):
        if t.pos_ != "VERB" or t.lemma_.lower() not in cues.attribution_verbs:
            continue
        subj = active_subject(t)
        if subj is None or not company_speaks(subj, cues):
            continue
        # an organisation the parser recognises as one: "Azure revenue grew 33%, the
        # company said" speaks for Microsoft, not for its product
        orgs = [e for e in span_ents(sent) if e.end <= subj.left_edge.i and e.label_ in cues.organisation_labels
                and is_entity_text(e.text, cues)]
        return canon(orgs[-1].text) if orgs else ""
    return None


def _attributes_by_pronoun(sent: Span, cues: Cues) -> bool:
    """"However, it also emphasizes that ...", "It examined ... and found that ...",
    "He said ...", "As he related, '...'": a reporting verb whose subject points back
    to the last source."""
    for t in sent_tokens(sent):
        if t.pos_ == "VERB" and t.lemma_.lower() in cues.attribution_verbs \
                and any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "mark" and c.lower_ == "as") for c in t.children):
            v = t
            for _ in range(3):
                subj = active_subject(v)
                if subj is not None:
                    if subj.lower_ in ("which", "that", "who"):
                        break
                    if subj.lower_ in cues.pronouns or " ".join(x.lower_ for x in subj.subtree) in cues.anaphoric:
                        return True
                    break
                if v.dep_ != "conj":
                    break
                v = v.head
    return False


def gives_guidance(doc: Doc, sent: Span, subject: str, q: Quantity, cues: Cues) -> bool:
    """Is a forecast about `subject` its own guidance? A money forecast about an
    organisation (a known entity or an ORG the model recognises) that no one else
    is credited for, in a sentence with a word of guidance (framing.toml
    guidance_cues), is the organisation's own plan ("Alphabet raised its capital
    expenditure guidance to $180-190 billion", "Microsoft is tracking above $120
    billion" in a paragraph about 2026 budgets)."""
    if not is_money(q):
        return _forecast_by_itself(sent, subject, q, cues)
    if not cues.guidance.search(sent_text(sent)):
        # "Alibaba is set to raise up to $12.9bn from its listing": a deal the press
        # reports, not an outlook the company gives; guidance is told as one
        return False
    table = entity_table()
    return subject in table.canonical.values() or any(
        e.label_ in cues.organisation_labels and table.canonicalise(strip_possessive(e.text)) == subject
        for e in span_ents(sent))


def makers_claim(sent: Span, q: Quantity, cues: Cues) -> Optional[str]:
    """"Ford's Mustang Mach E SUV will go 230 miles per charge", "Boeing's 777X will be
    able to carry 426 passengers": what an organisation's own product will do, told with
    "will" and credited to no one, is the maker's claim (the organisation, returned)."""
    span = tokens_of(sent.doc, q)
    if span is None:
        return None
    for v in span.root.ancestors:
        subj = clause_subject(v) if v.pos_ in ("VERB", "AUX") else None
        if subj is None:
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "will" for c in v.children):
            return None  # a fact, or a conditional ("would raise at least ...")
        for owner in (c for c in subj.children if c.dep_ == "poss"):
            name = entity_in(list(owner.subtree), sent.doc, cues, cues.organisation_labels, propn=False)
            if name:
                return entity_table().canonicalise(strip_possessive(name))
        return None
    return None


def _definite_people(sent: Span, phrase: str) -> bool:
    """Was `phrase` (a source with no name) read off a definite noun phrase, "the
    authors", "the unions"?"""
    if phrase.split()[-1] in source_words()[5]:
        return False  # "the patient" is the one the story follows, not the body credited before
    return phrase.islower() and re.search(r"\b(?:the|these|those)\s+" + re.escape(phrase) + r"\b", sent_text(sent),
                                          re.I) is not None


def _name_by_head(sent: Span, phrase: str) -> Optional[str]:
    """The name a definite description points back to by its head noun: "the department"
    to the last "Labor Department" before the sentence, "the ministry" to "Ministry of
    Health", "the agency" to "International Energy Agency"; None when no name before ends
    (or begins) with that noun."""
    head = phrase.split()[-1]
    if len(phrase.split()) > 2 or not head.isalpha() or head.endswith("s"):
        return None  # "the authors", "the unions": people, not a body named before
    word = head.capitalize()
    name = r"(?!(?:The|A|An)\b)[A-Z][\w&'’.-]*"
    before = doc_text(sent.doc)[:sent.start_char]
    found = list(re.finditer(rf"(?<![\w-])(?:{name}\s+){{1,4}}{word}\b|\b{word}\s+of\s+(?:the\s+)?{name}(?:\s+{name}){{0,3}}",
                             before))
    return " ".join(found[-1].group(0).split()) if found else None


def _named_with(sent: Span, phrase: str, source: str) -> bool:
    """Were the people of `phrase` ("the analysts", "the authors") named near `source`,
    in the text up to its last mention before the sentence ("The authors of the
    research published in JAMA Psychiatry", "analysts at Jefferies", "researchers
    have detected ... study lead author Lucas Paganini")? "The analysts" after "...,
    Microsoft said" are others. A source not written as such (a canonical name) is
    taken to be."""
    before = doc_text(sent.doc)[:sent.start_char]
    at = before.rfind(source)
    if at < 0:
        return True
    head = phrase.split()[-1].lower()
    stem = head[:-1] if head.endswith("s") else head
    return re.search(r"\b" + re.escape(stem), before[max(0, at - 1000):].lower()) is not None


def _forecast_by_itself(sent: Span, subject: str, q: Quantity, cues: Cues) -> bool:
    """"Home Depot sees fiscal year 2019 sales growth of 1.8 percent", "The company
    expects margins of 12%": a verb of forecasting above the figure whose subject is
    the company the figure is about (or a company word pointing back to it)."""
    span = tokens_of(sent.doc, q)
    if span is None:
        return False
    for subj in _subjects_of(span.root.ancestors, source_words()[3]):
        if company_word(subj, cues):
            return True
        name = entity_in(_name_tokens(subj), sent.doc, cues, cues.organisation_labels)
        return name is not None and entity_table().canonicalise(strip_possessive(name)) == subject
    return False


def discloses_itself(sent: Span, source: str, cues: Cues) -> bool:
    """"McClatchy reported a loss of $304.7 million", "the company also reported
    long-term debt of $700 million": a verb of disclosure whose subject is the source
    (by name or a company word), which the figure is about too."""
    table = entity_table()
    for subj in _subjects_of(sent, source_words()[4]):
        if company_word(subj, cues):
            return True
        words = _name_tokens(subj)
        name = entity_in(words, sent.doc, cues, cues.organisation_labels)
        if name is not None and table.canonicalise(strip_possessive(name)) == source:
            return True
        # the subject's words are the source as credited, whatever the parser calls them
        if canon(" ".join(t.text for t in words)) == source:
            return True
    return False


def _subjects_of(tokens, verbs: frozenset[str]):
    """The active subjects of the verbs among `tokens` whose lemma is one of `verbs`, in order."""
    for t in tokens:
        if t.pos_ == "VERB" and t.lemma_.lower() in verbs:
            subj = active_subject(t)
            if subj is not None:
                yield subj


def _name_tokens(subj: Token) -> list[Token]:
    """The subject's own words, without what hangs on it: "Alden on Tuesday announced"
    is Alden's announcement ("on Tuesday" names no one)."""
    off = set()
    for c in subj.children:
        if c.dep_ in _NOT_THE_NAME:
            off.update(x.i for x in c.subtree)
    return [t for t in subj.subtree if t.i not in off]


_NOT_THE_NAME = ("prep", "acl", "relcl", "appos", "punct", "npadvmod")


def in_aside(sent: Span, q: Quantity) -> bool:
    """Is the figure inside a bracketed clause of the writer's own ("That's almost
    enough to fill an Olympic-size swimming pool (which contains about 2,750 tons of
    water)")? A bracket that only restates the figure before it ("2,300 tons (2,095
    metric tons)") has no verb and is no aside."""
    text = doc_text(sent.doc)
    opened = text.rfind("(", sent.start_char, q.start)
    if opened < 0 or text.rfind(")", opened, q.start) >= 0:
        return False
    closed = text.find(")", q.end, sent.end_char)
    end = closed if closed >= 0 else sent.end_char
    return any(t.pos_ in ("VERB", "AUX") and opened < t.idx < end for t in sent_tokens(sent))


# A story built on a study credits it in its lede or just after; a study cited further
# down is one piece of evidence in an argument, and its credit stays in its paragraph.
_STUDY_OPENS_WITHIN = 3  # paragraphs


def credits_research(sent: Span, source: str, para: int) -> bool:
    """Does the sentence, near the top of the story, credit research to a body, not a
    person: a noun of research ("according to a study", "the authors of the research
    published in the journal JAMA Psychiatry") or a verb of it ("the data analytics
    team analyzed billions of ad units")? A person who speaks of research ("said Jessica
    Caldwell, executive director of industry analysis") is credited for what the
    paragraph quotes."""
    if para >= _STUDY_OPENS_WITHIN or any(e.label_ == "PERSON" and source in e.text for e in span_ents(sent)):
        return False
    nouns = framing_words("research_nouns")
    def credited(t: Token) -> bool:
        # the research itself, not a kind of firm ("the fixed-income research firm") nor
        # where a speaker said it ("wrote Fadem in a Tuesday research report")
        return t.dep_ != "compound" and not (t.dep_ == "pobj" and t.head.lower_ in ("in", "on"))
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in nouns and credited(t) for t in sent_tokens(sent)) \
        or _research_verbs().search(sent_text(sent)) is not None


@lru_cache(maxsize=None)
def _research_verbs() -> re.Pattern:
    words = load_rules("reporting.toml", ReportingRules).research_verbs
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)


def expects(sent: Span) -> bool:
    """Does the sentence credit an expectation ("Wall Street analysts surveyed by
    Refinitiv were expecting $2.52 a share", "Wall Street predicted $2.52")?"""
    verbs = framing_words("expecting_verbs")
    # a finite verb with its subject, not a participle ("their projected cash flows")
    return any(t.pos_ == "VERB" and t.lemma_.lower() in verbs and active_subject(t) is not None for t in sent_tokens(sent))


