"""Credit phrases: the name a sentence credits a figure to, read off its words.

"according to Alex Horton of the Washington Post", "data compiled by Bloomberg",
"'...,' said Will Tjernlund, a consultant", "Gartner, which estimates ...",
"Michigan health authorities are reporting ...": who is named, or the phrase of a
body with no name. source.py decides which sentence's credit a figure takes.
"""

from __future__ import annotations
from functools import lru_cache
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.lexicon import data_table
from extract.vocab import entity_table
from extract.frame.cues import Cues, framing_words, lowered
from extract.frame.context import doc_ents, doc_text, ents_between, sent_text, sent_tokens, span_ents
from extract.frame.expectation import compared_with_expectation, kind_words
from extract.frame.token_table import token_table
from extract.frame.sought_sentence import asking_verb
from extract.frame.syntax import active_subject, canon, clause_subject, company_word, entity_in, is_entity_text


def credited_source(sent: Span, cues: Cues) -> Optional[str]:
    doc = sent.doc
    text = sent_text(sent)
    for m in cues.source_prepositions.finditer(text):
        after = doc.char_span(sent.start_char + m.end(), sent.end_char, alignment_mode="expand")
        # "per" credits only a name right after it ("per Bloomberg"), not "per barrel",
        # "per cent" or "per gallon" (which may stand before "according to Toyota")
        if after is not None and not (m.group().strip().lower() == "per" and not (
                len(after) and after[0].pos_ == "PROPN" and after[0].ent_type_ in cues.source_labels)):
            name = _credited_after(after, cues)
            if name:
                return name
    quoted = speaker_after_quote(sent, cues)
    if quoted:
        return quoted
    published = _published_by(sent, cues)
    if published:
        return published
    for t in sent_tokens(sent):
        lemma = t.lemma_.lower()
        if lemma in cues.attribution_verbs and t.pos_ == "VERB" and not _directs(t) and not _puts_nothing_at(t) \
                and not compared_with_expectation(t):
            v = t
            subj = _nearest_subject(v)
            if subj is None and v.dep_ == "conj":
                subj = active_subject(v.head)
            if v.dep_ == "relcl" and subj is not None and subj.lower_ not in ("which", "that", "who") \
                    and not _numeric(v.head):
                continue  # "the visual quality Google promised": a credit for that noun alone
            if _expected_figure(v, subj) is not None:
                continue  # "above the 80 cents Wall Street had expected": that figure's alone (figure_credit)
            if subj is not None and subj.lower_ in ("which", "that", "who") and v.dep_ in ("relcl", "acl"):
                name = _antecedent_entity(v.head, doc, cues)
                if name:
                    return name
            elif subj is not None and subj.lower_ not in cues.pronouns and not company_speaks(subj, cues):
                name = speaker(subj, doc, cues)
                if name:
                    return name
        if t.lower_ in cues.source_nouns and t.pos_ in ("NOUN", "PROPN") and not _holds_a_figure(t, cues):
            for c in t.children:
                if c.dep_ == "poss" and c.pos_ in ("PROPN",):
                    name = entity_in(list(c.subtree), doc, cues, cues.source_labels)
                    if name:
                        return name
                if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                    for o in c.children:
                        if o.dep_ == "pobj":
                            name = entity_in(list(o.subtree), doc, cues, cues.source_labels)
                            if name:
                                return name
            names = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                     and c.text not in cues.not_entities and t.pos_ == "NOUN"
                     and (c.ent_type_ in cues.source_labels or entity_table().find(c.text))]
            if names:
                # "A Pew Research Center survey": the name the noun is compounded with,
                # after "from"/"by" and a possessive ("a Codex study from OpenAI")
                words = [x for c in names for x in c.subtree if x.pos_ == "PROPN" and x.text not in cues.not_entities]
                return entity_table().canonicalise(" ".join(x.text for x in sorted(words, key=lambda x: x.i)))
            # "X offered a calculation", "X published a report": the subject of the verb
            if t.dep_ == "dobj" and t.head.pos_ == "VERB":
                subj = clause_subject(t.head)
                if subj is not None and subj.lower_ not in cues.pronouns:
                    name = entity_in(subj.subtree, doc, cues, cues.source_labels)
                    if name:
                        return name
    # "Research firm Exponential View built a dataset ...": a subject described as a source
    root = sent.root
    subj = clause_subject(root) if root.pos_ in ("VERB", "AUX") else None
    if subj is not None:
        np = doc_text(doc)[subj.left_edge.idx:subj.idx + len(subj.text)]
        if cues.source_descriptors.search(np):
            name = entity_in(subj.subtree, doc, cues, cues.source_labels)
            if name:
                return name
    return _name_then_verb(sent, cues)


def _holds_a_figure(noun: Token, cues: Cues) -> bool:
    """"the Bank of England's forecast of 5.5%": the forecast credits its maker with that
    figure alone (`figure_credit`), not the sentence's other figures."""
    return any(_forecast_noun(t.head if t.dep_ in ("nummod", "quantmod") else t, cues) == noun
               for t in noun.subtree if t.like_num or any(ch.isdigit() for ch in t.text))


def company_speaks(subj: Token, cues: Cues) -> bool:
    """Is the subject a company word pointing back ("the company said", "the bank
    said"), not the first word of a name ("The Bank of England had forecast 2.1%",
    "the Group of Seven said")?"""
    if subj.pos_ == "PROPN" and any(e.start <= subj.i < e.end - 1 for e in doc_ents(subj.doc)):
        return False
    public = framing_words("public_body_modifiers")
    if any(c.dep_ in ("compound", "amod") and " ".join(x.lower_ for x in c.subtree).replace(" - ", "-") in public
           for c in subj.children):
        return False  # "the state broadcaster": a public outlet, not the company before
    return company_word(subj, cues)


def _directs(verb: Token) -> bool:
    """"The doctor told him to get rid of the duvet", "police warned residents to stay
    indoors": a reporting verb with an object and a to-infinitive gives an order; it
    reports nothing."""
    return any(c.dep_ in ("dobj", "dative") for c in verb.children) and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children) \
        and not any(c.dep_ == "ccomp" for c in verb.children)


def _puts_nothing_at(verb: Token) -> bool:
    """"The ministry put the toll at 200", "analysts peg the cost at $5 billion" report a
    figure; "Vogel has put the ball in James' hands" reports nothing: these verbs report
    only with "at"."""
    return verb.lemma_.lower() in _at_verbs() and not any(c.dep_ == "prep" and c.lower_ == "at"
                                                          for c in verb.children)


@lru_cache(maxsize=None)
def _at_verbs() -> frozenset[str]:
    return lowered(data_table("framing")["at_verbs"])


def _antecedent_entity(noun: Token, doc: Doc, cues: Cues) -> Optional[str]:
    """Who a relative clause's antecedent speaks for: a name in the antecedent phrase
    ("Gartner, which estimates ..."), else the subject of the clause the antecedent
    belongs to ("OpenAI partnered with Broadcom to launch a chip, which claims ...")."""
    name = entity_in([t for t in noun.subtree if t.i <= noun.i], doc, cues, cues.source_labels, propn=False)
    if name:
        return name
    v = noun.head
    for _ in range(6):
        if v.pos_ in ("VERB", "AUX"):
            subj = active_subject(v)
            if subj is not None and subj.lower_ not in cues.pronouns:
                return entity_in(subj.subtree, doc, cues, cues.source_labels)
        if v.head.i == v.i:
            break
        v = v.head
    return None


def _name_then_verb(sent: Span, cues: Cues) -> Optional[str]:
    """Fallback for misparses: a named source directly before an attribution verb
    ("Morgan Stanley and JPMorgan project ..."), where the small model often tags
    the verb as a noun. Surface order, not the parse, decides here."""
    ents = [e for e in span_ents(sent) if e.label_ in cues.source_labels and is_entity_text(e.text, cues)]
    for i, e in enumerate(ents):
        end = e.end
        nxt = sent.doc[end] if end < sent.end else None
        if nxt is not None and nxt.lower_ in ("and", "&") and i + 1 < len(ents) and ents[i + 1].start == end + 1:
            end = ents[i + 1].end
            nxt = sent.doc[end] if end < sent.end else None
        while nxt is not None and nxt.pos_ == "ADV" and end + 1 < sent.end:
            end += 1
            nxt = sent.doc[end]
        if nxt is None or e.root.dep_ == "poss" or sent.doc[e.end - 1].lower_ in ("'s", "’s"):
            continue  # "the Bank of England's forecast of 5.5%": a noun its owner's, no verb
        if nxt.dep_ == "relcl" and _numeric(nxt.head):
            continue  # "the 95% the World Health Organization says is needed": that figure's alone
        if nxt.lemma_.lower() in cues.attribution_verbs or nxt.lower_.rstrip("s") in cues.attribution_verbs:
            if nxt.tag_ in ("VB", "VBP", "VBZ", "VBD", "NN", "NNS"):
                return canon(e.text)
    return None


def _leading_name(span: Span, cues: Cues) -> Optional[str]:
    """The name at the start of `span` ("research firm Exponential View's analysis")."""
    toks = []
    for t in span:
        if t.is_punct and t.text not in ("'s", "’s", "&", "."):
            break
        # "$55.12 per barrel and Brent was ...": the name must lead the phrase; a
        # participle does not end it ("estimates compiled by Bloomberg")
        if t.pos_ in ("CCONJ", "AUX") or t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            break
        toks.append(t)
        if len(toks) >= 8:
            break
    return entity_in(toks, span.doc, cues, cues.source_labels)


@lru_cache(maxsize=None)
def source_words() -> tuple[frozenset[str], ...]:
    """(people and bodies that speak unnamed, words left out of their phrase, verbs
    that put their speaker after a quotation, verbs a company forecasts itself with,
    verbs a company discloses its own results with, the people a story is about),
    from framing.toml."""
    d = data_table("framing")
    return (lowered(d["source_people"]) | lowered(d["witness_people"]), lowered(d["source_phrase_drop"]),
            lowered(d["quotative_verbs"]), lowered(d["guidance_verbs"]), lowered(d["disclosure_verbs"]),
            lowered(d["witness_people"]), lowered(d["personal_pronouns"]))


def speaker(subj: Token, doc: Doc, cues: Cues) -> Optional[str]:
    """Who the subject of a reporting verb names: whoever ran the survey it describes
    ("analysts surveyed by Refinitiv" -> Refinitiv); else a name in the subject, not
    one inside a clause or an apposition that describes it ("Will Tjernlund, a
    consultant for Amazon sellers"); else, for people or a body with no name of their
    own ("Federal prosecutors", "the unions"), their phrase."""
    for c in subj.children:
        if c.dep_ == "acl":
            for agent in (a for a in c.children if a.dep_ == "agent"):
                name = entity_in(list(agent.subtree), doc, cues, cues.source_labels)
                if name:
                    return name
    described = {x.i for c in subj.children if c.dep_ in ("appos", "relcl", "acl") for x in c.subtree}
    own = [t for t in subj.subtree if t.i not in described] if subj.pos_ == "PROPN" else list(subj.subtree)
    people = subj.pos_ == "NOUN" and (subj.lower_ in source_words()[0] or subj.lemma_.lower() in source_words()[0])
    if people and subj.lower_ in _own_people_of_a_person() and any(
            c.dep_ == "poss" and c.lower_ in source_words()[6] | {"his", "her"} for c in subj.children):
        return None  # "His office said ...": the person's, named elsewhere
    styled = _styled_owner(subj) if people or subj.lemma_.lower() in _team_nouns() else None
    if styled:
        return styled
    if people and all(t.i < subj.i and t.ent_type_ in ("GPE", "NORP") if (t.ent_type_ and not t.like_num) or t.pos_ == "PROPN" else True
                      for t in own):
        # "Michigan health authorities", "Chinese officials": a place before them says where
        # they serve; a name after them is whom they work for ("analysts at Jefferies")
        return _common_phrase(subj)
    person = next((e for e in ents_between(doc, max(0, subj.i - 20), subj.i + 20)
                   if e.label_ == "PERSON" and e.start <= subj.i < e.end), None)
    if person is not None and is_entity_text(person.text, cues):
        # "Indiana State Teachers Association President Keith Gambill told ...": the
        # person speaks; the body before the title only says whom for
        return canon(person.text)
    name = entity_in(own, doc, cues, cues.source_labels)
    if name:
        return name
    return _common_phrase(subj) if people else None


def _styled_owner(head: Token) -> Optional[str]:
    """"the my6sense data analytics team": a brand written lower-case that modifies
    people or a team is whom they work for, as "the Google research team" is Google's."""
    styled = [t for t in head.subtree if t.i < head.i and t.dep_ in ("compound", "amod", "nmod") and styled_name(t)]
    return styled[0].text if styled else None


def styled_name(t: Token) -> bool:
    """A word styled as a name though it opens lower-case: a letter first, then a digit
    or a capital inside it ("my6sense", "eBay", "iRobot"), not a number with its unit
    ("5km", "4x") nor a word of the dictionary."""
    text = t.text
    return len(text) >= 4 and text[0].isalpha() and text[0].islower() and not t.like_num \
        and any(c.isdigit() or c.isupper() for c in text[1:]) and text.isalnum()


@lru_cache(maxsize=None)
def _team_nouns() -> frozenset[str]:
    return lowered(data_table("framing")["team_nouns"])


@lru_cache(maxsize=None)
def _own_people_of_a_person() -> frozenset[str]:
    return lowered(data_table("framing")["own_people_of_a_person"])


def _nearest_subject(verb: Token) -> Optional[Token]:
    """The active subject nearest before the verb: in "JOSEPH, Mich. (AP) — Michigan
    health authorities are reporting ..." the parser gives the dateline as a subject too."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def _definite_singular(head: Token) -> bool:
    """"the analyst", "the report": a singular noun that points back to one named before."""
    return head.tag_ == "NN" and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "his", "her", "their")
                                     for c in head.children)


def _common_phrase(head: Token) -> Optional[str]:
    """A source with no name, by its own words: the head noun and the modifiers before
    it, less counts and quantifiers ("multiple people familiar with the matter" ->
    "people", "Michigan health authorities", "federal prison records")."""
    drop = source_words()[1]
    words = {head}
    for c in head.children:
        if c.i < head.i and c.dep_ in ("compound", "amod", "nmod"):
            words.update(x for x in c.subtree if x.i < head.i)
    keep = [w for w in sorted(words, key=lambda w: w.i)
            if not (w.lower_ in drop or w.like_num or w.pos_ in ("DET", "NUM") or (w.is_punct and w.text != "-"))]
    # as written: "Washington-based analysts" keeps its hyphen
    text = "".join((w.text if w.pos_ == "PROPN" else w.lower_) + (w.whitespace_ if w is not keep[-1] else "")
                   for w in keep)
    return " ".join(text.split()) or None


def _credited_after(after: Span, cues: Cues) -> Optional[str]:
    """The source named by the phrase after "according to" / "data from": a name at its
    head ("Alex Horton of the Washington Post", "the TexAuto Facts report from
    InfoNation"), a name the data comes from ("data compiled by Bloomberg"), else the
    phrase itself when it names no one ("teachers unions", "a group representing rural
    counties in California", "reports")."""
    head = next((t for t in after[:10] if t.head.i < after.start and t.pos_ in ("NOUN", "PROPN")), None)
    if head is None:
        return _leading_name(after, cues)
    name = entity_in([t for t in head.subtree if t.i <= head.i], after.doc, cues, cues.source_labels)
    if name:
        return name
    if head.lemma_.lower() in _team_nouns() | source_words()[0]:
        name = _styled_owner(head)
        if name:
            return name
    if _definite_singular(head) and not (head.lower_ in source_words()[0] or head.lemma_.lower() in source_words()[0]):
        return _leading_name(after, cues)  # "according to the analyst": the one named before
    if head.pos_ == "PROPN" or head.lower_ in cues.source_nouns or head.lemma_.lower() in cues.source_nouns:
        name = _leading_name(after, cues)
        if name or head.pos_ == "PROPN" or any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
                                               for c in head.children):
            # "the report", "the researchers' calculations": a study already named
            return name
    return _common_phrase(head)


_CLOSING_QUOTES = ("”", "\"", "''", "’")


def speaker_after_quote(sent: Span, cues: Cues) -> Optional[str]:
    """"'...,' wrote Fadem in a research report", "'...,' said Will Tjernlund, a
    consultant": a quotative verb after a closing quotation mark with no subject
    before it puts its speaker after it."""
    verbs = source_words()[2]
    if not any(mark in sent_text(sent) for mark in _CLOSING_QUOTES):
        return None  # no token of the sentence is a closing quotation mark
    for t in sent_tokens(sent):
        if t.lemma_.lower() not in verbs or t.i + 1 >= sent.end or active_subject(t) is not None and active_subject(t).i < t.i:
            continue
        before = [x for x in sent.doc[max(sent.start, t.i - 2):t.i]]
        if not any(x.text in _CLOSING_QUOTES for x in before):
            continue
        nxt = sent.doc[t.i + 1]
        if nxt.pos_ == "PROPN" or nxt.ent_type_ in cues.source_labels:
            ent = next((e for e in span_ents(sent) if e.start <= nxt.i < e.end and e.label_ in cues.source_labels), None)
            if ent is not None and is_entity_text(ent.text, cues):
                return canon(ent.text)
            words = [nxt]
            while words[-1].i + 1 < sent.end and sent.doc[words[-1].i + 1].pos_ == "PROPN":
                words.append(sent.doc[words[-1].i + 1])
            return canon(" ".join(w.text for w in words))
    return None


def _numeric(t: Token) -> bool:
    """Is the token a figure, or a noun a figure stands in ("the $49.4 billion analysts had expected")?"""
    return t.like_num or t.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") or any(
        c.like_num or c.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") for c in t.children)


def _expected_figure(verb: Token, subj: Optional[Token]) -> Optional[Token]:
    """The figure a relative clause of saying or expecting hangs on: "the 80 cents Wall
    Street had expected", "the 95% the World Health Organization says is needed", or, as
    the parse often reads it, "the $2.05 analysts had forecast" with the figure inside the
    subject (framing.toml expecting_verbs)."""
    if subj is None:
        return None
    if verb.dep_ == "relcl" and _numeric(verb.head) and subj.lower_ not in ("which", "that", "who"):
        return verb.head
    if verb.lemma_.lower() not in kind_words()[1]:
        return None
    if verb.dep_ in ("pcomp", "relcl", "ccomp") and any(
            c.dep_ in ("nummod", "nmod") and (c.like_num or c.ent_type_ in ("MONEY", "PERCENT", "CARDINAL"))
            for c in subj.children):
        return subj
    return None


def _expectation_credit(sent: Span, figure: Token, cues: Cues) -> Optional[str]:
    """Who expected the figure, by the relative clause it stands before (`_expected_figure`)."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in cues.attribution_verbs:
            continue
        subj = _nearest_subject(verb)
        held = _expected_figure(verb, subj)
        if held is not None and (held.i == figure.i or figure.head.i == held.i) and subj.lower_ not in cues.pronouns:
            return speaker(subj, sent.doc, cues)
    return None


def figure_credit(sent: Span, start: int, end: int, cues: Cues) -> Optional[str]:
    """The credit inside the figure's own noun phrase, which beats the sentence's: "the
    $40-50 billion in purchases of farm goods touted by Trump" (in what an expert said),
    "the 3 million jobs promised by the governor": a participle of publishing or
    claiming with its agent, on the figure's noun or a noun it governs by a preposition."""
    doc = sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    verbs = _credit_participles()
    for t in _participles(sent):
        if t.dep_ != "acl" or t.tag_ != "VBN" or t.lemma_.lower() not in verbs:
            continue
        noun = t.head
        while noun.i != span.root.i and noun.pos_ not in ("VERB", "AUX") and noun.head.i != noun.i:
            noun = noun.head
        if noun.i != span.root.i:
            continue
        for agent in (a for a in t.children if a.dep_ == "agent"):
            name = _agent_name(agent, cues)
            if name:
                return name
    return _forecast_maker(span.root, cues) or _expectation_credit(sent, span.root, cues) or _asker(span, cues)


def _asker(span: Span, cues: Cues) -> Optional[str]:
    """"Prosecutors had asked for a sentence of 20 years", "his lawyers asked for 10 years":
    the side asking for a sentence says it (frame/sought_sentence.py)."""
    verb = asking_verb(span)
    subj = _nearest_subject(verb) if verb is not None else None
    if subj is None or subj.lower_ in cues.pronouns:
        return None
    return speaker(subj, span.doc, cues)


def _forecast_noun(figure: Token, cues: Cues) -> Optional[Token]:
    """The forecast or estimate noun a figure is the value of: "the central bank's
    forecast of 5.5%", "the IMF's 3.1% estimate" (framing.toml benchmark_nouns)."""
    noun = figure.head
    if figure.dep_ == "pobj" and noun.lower_ == "of":
        noun = noun.head
    elif figure.dep_ not in ("nummod", "compound", "amod", "quantmod", "nmod"):
        return None
    return noun if noun.pos_ == "NOUN" and noun.lower_ in cues.benchmark_nouns else None


def _forecast_maker(figure: Token, cues: Cues) -> Optional[str]:
    """Who made the forecast or estimate the figure is the value of, by its possessive:
    a name ("the Bank of England's forecast of 5.5%") or a description ("the central
    bank's"); none by a pronoun ("its forecast": the company speaking) or by forecasters
    in general ("analysts' average estimate of $53.14 billion, according to data compiled
    by LSEG": the consensus is its compiler's)."""
    noun = _forecast_noun(figure, cues)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) if noun is not None else None
    if owner is None or owner.pos_ == "PRON" or (owner.pos_ != "PROPN" and not any(
            c.dep_ == "det" for c in owner.children)):
        return None
    return entity_in(list(owner.subtree), owner.doc, cues, cues.source_labels) or _common_phrase(owner)


@lru_cache(maxsize=None)
def _credit_participles() -> frozenset[str]:
    return framing_words("publishing_verbs") | framing_words("claiming_verbs")


def _agent_name(agent: Token, cues: Cues) -> Optional[str]:
    """Who the agent phrase of a participle names ("by MOTIE", "by the ministry")."""
    name = entity_in(list(agent.subtree), agent.doc, cues, cues.source_labels)
    if name:
        return name
    body = next((o for o in agent.children if o.dep_ == "pobj"), None)
    if body is not None and (body.lower_ in source_words()[0] or body.lemma_.lower() in source_words()[0]):
        return _common_phrase(body)  # "identified by the ministry"
    return None


def _published_by(sent: Span, cues: Cues) -> Optional[str]:
    """"Sixteen priorities identified by MOTIE in the roadmap include ...", "figures
    compiled by the league": a participle of publishing on a noun of the main clause,
    with its agent, credits the agent."""
    verbs = framing_words("publishing_verbs")
    for t in _participles(sent):
        if t.dep_ != "acl" or t.tag_ != "VBN" or t.lemma_.lower() not in verbs:
            continue
        if t.head.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr"):
            continue  # a noun of the main clause, not one deep in a side phrase
        if t.head.head.i != sent.root.i and sent.root.lemma_.lower() in cues.attribution_verbs:
            continue  # "..., the Labor Department said, above the 140,000 economists polled by Reuters had expected"
        for agent in (a for a in t.children if a.dep_ == "agent"):
            name = _agent_name(agent, cues)
            if name:
                return name
    return None


def _participles(sent: Span) -> list[Token]:
    """The sentence's clauses that modify a noun ("compiled by", "touted by"), found with
    the doc's token table (extract/frame/token_table.py), not a Token made for each word."""
    dep = token_table(sent.doc).dep
    tokens = sent_tokens(sent)
    return [tokens[i - sent.start] for i in range(sent.start, sent.end) if dep[i] == "acl"]
