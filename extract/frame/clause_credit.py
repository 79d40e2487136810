"""The speaker of a figure's own reported clause, when one sentence reports two speakers.

"Chancellor Jeremy Hunt said inflation was back to normal, while the Resolution Foundation
said real wages were still 1% below their peak": the 1% is the Resolution Foundation's,
though the sentence's first credit is Hunt's. "The mayor said the city was safe, but the
police union said officers were 12% fewer": the 12% is the union's. The sentence credit
(credit.credited_source) reads the first reporting verb; a figure inside the clause that a
LATER reporting verb governs is that verb's speaker's. A sentence with one reporting verb
is left to the sentence credit."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from extract.frame.credit import company_speaks, speaker
from extract.frame.cues import Cues


def clause_speaker(sent: Span, start: int, end: int, cues: Cues) -> Optional[str]:
    """The named speaker of the reporting verb nearest above the figure, when the
    sentence has another reporting verb before it; else None."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    verb = _reporting_verb_above(span.root, sent, cues)
    if verb is None or not any(_reports(t, cues) for t in sent if t.i < verb.i):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.lower_ in cues.pronouns or company_speaks(subj, cues):
        return None
    return speaker(subj, sent.doc, cues)


def _reporting_verb_above(tok: Token, sent: Span, cues: Cues) -> Optional[Token]:
    """The first reporting verb on the way from the figure to the sentence's root, when
    the figure is in the clause it reports (ccomp); not one whose object the figure is
    ("Amazon expects capital expenditures of $125 billion, its CFO said": Amazon's)."""
    below, head = tok, tok.head
    while head.i != below.i and sent.start <= head.i < sent.end:
        if _reports(head, cues):
            return head if below.dep_ == "ccomp" else None
        below, head = head, head.head
    return None


def _reports(t: Token, cues: Cues) -> bool:
    return t.pos_ == "VERB" and t.lemma_.lower() in cues.attribution_verbs
