"""Sentences, paragraphs, clauses and names: the parse helpers every framing role shares."""

from __future__ import annotations
import re
from functools import lru_cache
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.records import Quantity
from extract.vocab import entity_table, metric_vocabulary
from extract.lexicon import alternation, data_table
from extract.months import month_numbers, weekday_names
from extract.rule_files import FiguresRules
from extract.rules import load_rules
from extract.frame.cues import Cues
from extract.frame.context import doc_text, ents_between, kept, per_doc, sent_text, sent_tokens, span_ents
from extract.frame.token_table import TokenTable, descends, token_table


def index_of(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def paragraph_index(text: str):
    # a run of line breaks (blank lines between paragraphs) is one break
    starts = [-1] + [m.start() for m in re.finditer(r"\n\s*", text)]

    def index(pos: int) -> int:
        return index_of(starts, pos)

    return index


# A time span is what a figure is measured over, never what it is about ("next two months").
_TIME_HEAD = re.compile(load_rules("figures.toml", FiguresRules).time_head, re.I)


# A month or weekday is a time, never what a figure is about ("stayed below 6% in October").
_CALENDAR = re.compile(rf"(?i)(?:(?:early|mid|late)[- ])?(?:{alternation([*month_numbers(), *weekday_names()])})\.?")


def name_like(name: Optional[str]) -> bool:
    """At least two letters, starting with a letter or digit: not "=" or "$ 49", nor a
    time span ("next two months")."""
    return bool(name) and sum(ch.isalpha() for ch in name) >= 2 and name[0].isalnum() \
        and not re.search(r"[=$€£¥]", name) and not _TIME_HEAD.search(name) and not _CALENDAR.fullmatch(name) \
        and not _title_only().fullmatch(name)


@lru_cache(maxsize=None)
def _title_only() -> re.Pattern:
    """A title or rank, or a company suffix, with no name after it ("Lt .", "Inc."): a
    sentence split inside a name (data/sentences.toml, the list sentence splitting reads)."""
    d = data_table("sentences")
    words = d["titles"]["before_names"] + d["name_suffixes"]["words"]
    return re.compile(rf"(?i)(?:{alternation(words)})\s*\.?")


def is_heading(text: str, sent: Span) -> bool:
    """A line of its own without closing punctuation ("Commitments of $850 billion")."""
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    line_end = text.find("\n", sent.start_char)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    return bool(line) and line == sent_text(sent).strip() and not re.search(r"[.!?:;\"”’)]$", line)


def tokens_of(doc: Doc, q: Quantity) -> Optional[Span]:
    """The figure's tokens, found once per figure (each role asks, some several times)."""
    return kept(doc, "claims.tokens_of", (q.start, q.end),
                lambda: doc.char_span(q.start, q.end, alignment_mode="expand"))


_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "xcomp", "conj", "parataxis", "csubj", "pcomp"})


def _is_clause_head(t: Token) -> bool:
    return t.dep_ == "ROOT" or (t.pos_ in ("VERB", "AUX") and t.dep_ in _CLAUSE_DEPS)


def clause_head(t: Token) -> Token:
    for _ in range(30):
        if _is_clause_head(t) or t.head.i == t.i:
            return t
        t = t.head
    return t


def scope_of(sent: Span, q: Quantity) -> list[Token]:
    """The tokens that speak about the figure: those of its own clause and of the
    clauses it is embedded in ("X expects that ... <figure>"), not those of side
    clauses ("15.2GW is under construction, expected to be completed by 2027") nor
    of a coordinated clause before it ("... was estimated at $100 million, and the
    next generation is expected to break $1 billion")."""
    span = tokens_of(sent.doc, q)
    if span is None:
        return list(sent)
    chain = []
    c = clause_head(span.root)
    for _ in range(10):
        chain.append(c)
        if own_clause(c) or c.head.i == c.i or c.dep_ == "ROOT":
            break
        c = clause_head(c.head)
    if not own_clause(chain[-1]):
        # the main clause speaks about everything below it ("X offered a calculation —
        # ... would need $600 billion")
        chain.append(sent.root)
    allowed = {t.i for t in chain}
    # "the $300 billion they spent in 2024": a relative clause on the figure describes it
    np = span.root.head if span.root.dep_ in ("nummod", "compound", "quantmod", "amod") else span.root
    allowed |= {c.i for c in np.children if c.dep_ in ("relcl", "acl") and c.i >= span.end}
    # "X offered a calculation: the industry would need $600 billion": what comes
    # before a colon (or a lone dash) frames what it introduces.
    intro = [i for i in _introducers(sent) if i < span.start]
    cut = intro[-1] if intro else sent.start - 1
    return [t for t, head in zip(sent_tokens(sent), clause_heads(sent)) if head in allowed
            or span.start <= t.i < span.end or t.i < cut]


def _introducers(sent: Span) -> list[int]:
    """The colons of a sentence, and its dash if it has only one (see scope_of), found
    once per sentence."""
    made = sent.doc.user_data.setdefault("claims.introducers", {})
    marks = made.get((sent.start, sent.end))
    if marks is None:
        tokens = sent_tokens(sent)
        lone_dash = sum(t.text in ("—", "–") for t in tokens) == 1
        marks = made[(sent.start, sent.end)] = [t.i for t in tokens if t.text == ":" or (
            t.text in ("—", "–") and lone_dash)]
    return marks


def clause_heads(sent: Span) -> list[int]:
    """`clause_head(t).i` for every token of the sentence, found once per sentence:
    each figure's scope reads them all (framing grew with the square of a sentence's
    length, issue 18)."""
    made = sent.doc.user_data.setdefault("claims.clause_heads", {})
    heads = made.get((sent.start, sent.end))
    if heads is None:  # a Doc's parse never changes once made
        table = token_table(sent.doc)
        heads = made[(sent.start, sent.end)] = [_clause_head_at(table, i) for i in range(sent.start, sent.end)]
    return heads


def _clause_head_at(table: TokenTable, i: int) -> int:
    """`clause_head(doc[i]).i`, read off the doc's token table."""
    dep, pos, head = table.dep, table.pos, table.head
    for _ in range(30):
        if dep[i] == "ROOT" or (pos[i] in ("VERB", "AUX") and dep[i] in _CLAUSE_DEPS) or head[i] == i:
            return i
        i = head[i]
    return i


def own_clause(c: Token) -> bool:
    """A coordinated clause with a subject of its own ("..., and the next generation
    is expected to ..."); a verb that shares its subject with the one before ("would
    reduce GDP ..., while lowering wages and eliminating 195,600 jobs") goes on
    under the same framing."""
    return c.dep_ == "conj" and any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children)


def canon(name: str) -> str:
    """The canonical name for a name as written, possessive or not ("Moody's" is a
    name, "Nvidia's" a possessive)."""
    table = entity_table()
    found = table.canonicalise(name)
    if found in table.canonical.values():
        return found
    return table.canonicalise(strip_possessive(name))


def strip_possessive(s: str) -> str:
    return re.sub(r"\s*(?:'s|’s|')$", "", s.strip())


def is_entity_text(text: str, cues: Cues) -> bool:
    words = text.split()
    return bool(words) and not all(w.strip(".,'’") in cues.not_entities for w in words)


def entity_in(span_tokens, doc: Doc, cues: Cues, labels, propn: bool = True) -> Optional[str]:
    """The first known entity alias, else named entity, else proper noun in the tokens."""
    toks = sorted(span_tokens, key=lambda t: t.i)
    if not toks:
        return None
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    hits = _aliases_in(doc, s, e)
    if hits:
        return hits[0][2]
    ids = {t.i for t in toks}
    # a nationality as an adjective ("Japanese yen", "Glaswegian extras") names no one
    ents = [ent for ent in ents_between(doc, toks[0].i, toks[-1].i + 1) if ent.start in ids and ent.end - 1 in ids
            and ent.label_ in labels and is_entity_text(ent.text, cues)
            and not (ent.label_ == "NORP" and ent.root.tag_ == "JJ")]
    # an organisation before a person in it ("Economist Jane Lee of Moody's")
    for ent in sorted(ents, key=lambda e: (e.label_ != "ORG", e.start)):
        return canon(_with_name_words_before(ent, ids).text)
    propns = [t for t in toks if t.pos_ == "PROPN" and t.text not in cues.not_entities and not is_code(t)
              and not capital_only_for_the_sentence(t)] if propn else []
    if propns:
        t = propns[0]
        words = [x for x in t.subtree if x.pos_ == "PROPN" and x.i >= t.i - 3 and x.i in ids
                 and x.text not in cues.not_entities] or [t]
        # a name runs on through the proper nouns right after it ("Home" of "Home Depot",
        # when the parse hangs "Home" on "Depot")
        end = max(x.i for x in words)
        while end + 1 in ids and _name_goes_on(doc[end], doc[end + 1], cues):
            end += 1
            words.append(doc[end])
        name = " ".join(x.text for x in sorted(set(words), key=lambda x: x.i))
        return canon(name)
    return None


def _aliases_in(doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
    """`entity_table().find` of the doc's text[start:end], found once per stretch (kept on
    the doc: the roles ask of the same phrases for several figures)."""
    return kept(doc, "claims.aliases_in", (start, end), lambda: entity_table().find(doc_text(doc)[start:end]))


def _name_goes_on(last: Token, nxt: Token, cues: Cues) -> bool:
    """Is `nxt` the next word of the name `last` ends: a proper noun joined to it by
    the parse, one way or the other?"""
    return nxt.pos_ == "PROPN" and nxt.text not in cues.not_entities and not is_code(nxt) \
        and (last.head.i == nxt.i or nxt.head.i == last.i
             # compounds side by side on one head ("Red Dead Redemption": Red, Dead on Redemption)
             or (last.dep_ == "compound" and nxt.dep_ == "compound" and last.head.i == nxt.head.i))


def _with_name_words_before(ent: Span, ids: set[int]) -> Span:
    """The entity with the capitalised words around it that the NER left out but the parse
    joins to it as part of its name: "the Liberal Democrats" (NER: "Democrats", or in
    another context "Liberal"); only words of no entity of their own ("Texas" in "Texas
    Democrats" is one)."""
    start, end = ent.start, ent.end
    doc = ent.doc
    if ent.label_ == "PERSON":
        return ent  # "Mr. Trump", "President Trump": a title before a person is no part of the name

    def name_word(t: Token) -> bool:
        return t.i in ids and t.pos_ == "PROPN" and t.is_title and not t.ent_type_ \
            and t.lower_ not in ("the", "a", "an")

    while start - 1 >= 0 and name_word(doc[start - 1]) and doc[start - 1].dep_ == "compound" \
            and doc[start - 1].head.i in range(start, end):
        start -= 1
    # "the Liberal Democrats" with the NER's "Liberal": the head it modifies ends the name
    # (even one the NER marks apart: "The Liberal" ORG + "Democrats" NORP is one party)
    # ... but not a title before a person ("Indiana House Speaker Brian Bosma")
    while end < len(doc) and end in ids and doc[end].pos_ == "PROPN" and doc[end].is_title \
            and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end and doc[end].dep_ != "compound":
        end += 1
    return doc[start:end]


def capital_only_for_the_sentence(t: Token) -> bool:
    """"Spot gold added 0.1%", "Capital spending rose": a word that modifies a common
    noun, capitalised only where it opens a sentence and nowhere else in the
    document, is no sign of a name ("Stripe raised new money" is)."""
    if not t.is_sent_start or t.ent_type_ or t.dep_ not in ("compound", "amod", "nmod") \
            or t.head.pos_ != "NOUN" or not t.head.is_lower or entity_table().find(t.text):
        return False
    return t.text not in names_mid_sentence(t.doc)


def names_mid_sentence(doc: Doc) -> frozenset[str]:
    """The capitalised words of a document that stand inside a sentence."""
    return per_doc(doc, "claims.names_mid_sentence",
                   lambda d: frozenset(t.text for t in d if t.text[:1].isupper() and not t.is_sent_start))


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def company_word(tok: Token, cues: Cues) -> bool:
    """A noun phrase that points back to a company: "the company", "these companies"
    (framing.toml's anaphoric subjects) or a definite description ("the retailer").
    Read once per noun (kept on the doc: the roles ask of the same subjects per figure)."""
    return kept(tok.doc, "claims.company_word", (tok.i, id(cues)), lambda: _company_word(tok, cues))


def _company_word(tok: Token, cues: Cues) -> bool:
    if tok.ent_type_ and tok.text[:1].isupper() and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I":
        return False  # a name that runs on past its head: "the Bank of England", "the Museum of Modern Art"
    np_text = " ".join(t.lower_ for t in tok.subtree if t.i <= tok.i and t.dep_ != "punct")
    return np_text in cues.anaphoric or _definite_description(tok, cues)


def _definite_description(tok: Token, cues: Cues) -> bool:
    """"the home-improvement retailer", "the beauty brand", "the stock": a definite
    noun phrase whose head names a kind of company points back to one named before,
    unless it names one itself ("the Amazon unit"); a place or nationality is only
    a description ("the German carmaker", "the Seattle-based retailer")."""
    if tok.lower_ not in cues.anaphoric_heads:
        return False
    dets = [c for c in tok.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in _DEFINITE:
        return False
    if dets[0].lower_ == "the" and tok.tag_ in ("NNS", "NNPS"):
        return False  # "The big four accounting firms hired ...": a group named, not pointed back to
    for t in tok.subtree:
        if t.i >= tok.i:
            continue
        if t.ent_type_ in ("GPE", "LOC", "NORP"):
            continue
        if t.pos_ == "PROPN" or t.ent_type_ == "ORG" or entity_table().find(t.text):
            return False
    return True


def figure_inside(tok: Token, span: Span) -> bool:
    return any(span.start <= t.i < span.end for t in tok.subtree) and not (span.start <= tok.i < span.end) \
        and tok.i < span.start


def name_word(t: Token) -> bool:
    """A word of a name: an acronym ("AI"), a named entity, a proper noun that is more
    than a capital opening its sentence."""
    return t.is_upper and len(t.text) > 1 or bool(t.ent_type_) or t.pos_ == "PROPN" and not capital_only_for_the_sentence(t)


def metric_tokens(tok: Token) -> list[Token]:
    """The longest metric phrase ending at this noun: "capital expenditure", "lease
    obligation", "depreciation period" in "the hardware depreciation period". Found once
    per noun (kept on the doc; callers get a list of their own)."""
    return list(kept(tok.doc, "claims.metric_tokens", tok.i, lambda: _metric_tokens(tok)))


def _metric_tokens(tok: Token) -> list[Token]:
    vocab = metric_vocabulary()
    # the contiguous words right before the head that modify it (compounds and modifiers
    # in its subtree), read off the doc's token table
    table, doc = token_table(tok.doc), tok.doc
    chain: list[Token] = []
    i = tok.i - 1
    while i >= 0 and table.dep[i] in ("compound", "amod", "nmod") and descends(table.head, i, tok.i):
        chain.insert(0, doc[i])
        i -= 1
    for k in range(len(chain) + 1):
        words = chain[k:] + [tok]
        written = " ".join(t.text for t in words).lower()
        # the plural as its singular too: "Inventories were $9.3 billion" names inventory
        singular = " ".join([t.text for t in words[:-1]] + [tok.lemma_]).lower()
        if written in vocab.canonical or (tok.tag_ == "NNS" and singular in vocab.canonical):
            return words
    return []


def metric_of_tokens(words: list[Token]) -> str:
    """The canonical metric a `metric_tokens` phrase names, as written or by its last
    word's singular ("stocks" -> the metric of "stock")."""
    canonical = metric_vocabulary().canonical
    written = " ".join(t.text for t in words).lower()
    if written in canonical:
        return canonical[written]
    return canonical[" ".join([t.text for t in words[:-1]] + [words[-1].lemma_]).lower()]


_CODE = re.compile(r"[A-Z]{2,}[a-z]?\d+[A-Za-z\d]*|\S*=\S*")


def is_code(tok: Token) -> bool:
    """A market-data code, not a name: "CMCU3", "CLc1", the "RR" of "US10YT=RR"."""
    glued = tok.i > 0 and tok.doc[tok.i - 1].text.endswith("=") and not tok.doc[tok.i - 1].whitespace_
    return glued or bool(_CODE.fullmatch(tok.text)) and not entity_table().find(tok.text)


def clause_subject(verb: Token) -> Optional[Token]:
    """The verb's subject; of two (a misparse of "X and Y project the sector may
    need ..."), the one nearest the verb. Found once per verb (kept on the doc: the roles
    ask of the same verbs for each figure and sentence)."""
    return kept(verb.doc, "claims.clause_subject", verb.i, lambda: _clause_subject(verb))


def _clause_subject(verb: Token) -> Optional[Token]:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    before = [c for c in subjects if c.i < verb.i]
    if before:
        return before[-1]
    return subjects[0] if subjects else None


def shared_subject(verb: Token) -> Optional[Token]:
    """'Prosecutors alleged that Noel and Thomas "browsed the Internet," lingered in an office
    and appeared to sleep for two hours': clauses the parse lists side by side under one
    reporting verb, the later ones with no subject, share the subject of the one before."""
    if verb.dep_ != "ccomp":
        return None
    for sibling in sorted((c for c in verb.head.children if c.dep_ == "ccomp" and c.i < verb.i),
                          key=lambda t: -t.i):
        found = clause_subject(sibling) if sibling.pos_ in ("VERB", "AUX") else None
        if found is not None:
            return found
    return None


def coordinated_names(tok: Token, doc: Doc, cues: Cues) -> Optional[str]:
    """"Microsoft, Alphabet, Amazon and Meta are expected to spend a combined $350
    billion": names coordinated as one subject share the figure, so the subject is
    all of them ("respectively" splits them: see _respectively)."""
    if tok.pos_ != "PROPN":
        return None
    # the parse may read the second of a comma list as an apposition ("Microsoft, Alphabet, ...")
    members = [tok] + [c for c in _coordinated(tok) if c.pos_ == "PROPN" and (
        c.dep_ == "conj" or c.dep_ == "appos" and any(x.dep_ == "conj" for x in c.subtree))]
    if len(members) < 2 or not any(c.dep_ == "cc" for m in members for c in m.children):
        return None
    if _one_name(members):
        return None  # "Pacific Gas & Electric Co.", "Procter & Gamble": one company's name
    names = []
    for m in members:
        words = [t for t in m.subtree if t.i <= m.i and t.dep_ in ("compound", "flat") or t.i == m.i]
        if not entity_in(words, doc, cues, cues.subject_labels):
            return None  # "Johnson & Johnson", a name the parse split: not a list
        names.append(strip_possessive(" ".join(t.text for t in sorted(words, key=lambda t: t.i))))
    if len(set(names)) < 2:
        return None
    # as written: a group is named by its members, not canonicalised into another name
    return ", ".join(names[:-1]) + " and " + names[-1]


def _one_name(members: list[Token]) -> bool:
    """Whether coordinated proper nouns are one name: joined by "&" (a name's own
    conjunction: "Johnson & Johnson", "Marks & Spencer") or inside one named entity."""
    if any(c.dep_ == "cc" and c.text == "&" for m in members for c in m.children):
        return True
    lo, hi = min(m.i for m in members), max(m.i for m in members)
    doc = members[0].doc
    span = next((e for e in ents_between(doc, max(0, lo - 12), min(len(doc), hi + 12)) if e.start <= lo and hi < e.end), None)
    return span is not None


def _coordinated(tok: Token) -> list[Token]:
    """The names coordinated with `tok` (its conj and appos chain), not names inside a
    clause hung on it ("Editions, which come ... in 14 countries, including Canada, ...")."""
    out = []
    for c in tok.children:
        if c.dep_ in ("conj", "appos") and c.i > tok.i:
            out += [c] + _coordinated(c)
    return out


def bracketed(ent: Span) -> bool:
    """"WASHINGTON, Sept 11 (Reuters) -": a name in brackets of its own is a credit or
    an aside, never what a figure is about."""
    doc = ent.doc
    return ent.start > 0 and ent.end < len(doc) and doc[ent.start - 1].text == "(" and doc[ent.end].text == ")"


def last_organisation_before(sent: Span, tok: Token, cues: Cues) -> Optional[str]:
    """The organisation named last before `tok` in its sentence (alias table or NER); one
    that is a clause's subject first: in "Nike Inc reported revenue that beat Wall Street
    estimates, sending its shares up 6%" its is Nike's, not the modifier's."""
    start = sent.start_char
    prefix = doc_text(sent.doc)[start:tok.idx]
    hits = [(h[0] + start, h[1] + start, h[2]) for h in entity_table().find(prefix)
            if not _maker_of(sent.doc, h[1] + start)]
    hits += [(e.start_char, e.end_char, canon(e.text)) for e in span_ents(sent)
             if e.end_char <= tok.idx and e.label_ in cues.organisation_labels and is_entity_text(e.text, cues)
             and not _maker_of(sent.doc, e.end_char)]
    subjects = [h for h in hits if _is_clause_subject(sent.doc.char_span(h[0], h[1], alignment_mode="expand"))]
    return max(subjects or hits)[2] if hits else None


def _is_clause_subject(span: Optional[Span]) -> bool:
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def _maker_of(doc: Doc, end_char: int) -> bool:
    """Does the name ending at `end_char` only modify a common noun ("30 Boeing jets",
    "Airbus A350-900 jets")? A maker named on its product is no antecedent of "it"."""
    span = doc.char_span(end_char - 1, end_char, alignment_mode="expand")
    last = span[-1] if span is not None and len(span) else None
    return last is not None and last.dep_ == "compound" and last.head.pos_ == "NOUN" and last.head.i > last.i \
        and last.head.text[:1].islower()


def active_subject(verb: Token) -> Optional[Token]:
    """The subject of an active verb: "X estimated" credits X, "X was estimated" does not."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
    return None


def mistagged_verb(tok: Token) -> bool:
    """A clause's verb the tagger took for a plural noun ("that Red Dead Redemption 2 only
    renders at 30fps", "the chain sells 300 stores"): a clause of its own, with a subject."""
    return tok.tag_ == "NNS" and tok.dep_ in ("ccomp", "advcl", "ROOT") and any(c.dep_ == "nsubj" for c in tok.children)
