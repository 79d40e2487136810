"""A quoted title after its maker's possessive is what the clause is about.

"Disney and Pixar's "Inside Out 2" led the box office with $101 million", "Warner Bros'
"Dune: Part Two" earned $82.5 million", "Nintendo's "Super Mario Bros. Wonder" sold 4.3
million copies": the film, game or album earned or sold, not its studio or publisher. The
small parser often takes the makers for the clause's subject and loses the title, so the
title is read off the text right after the possessive: an opening quotation mark, a
capitalised title, the closing mark."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from extract.frame.context import doc_text, sentence_of

# the possessive ending the makers' names, then the quoted title
_TITLE_AFTER = re.compile(r"""\s*(?:'s|’s|'|’)\s*["“]([A-Z0-9][^"”\n]{0,80}?)["”]""")


def possessed_title(subj: Token) -> Optional[str]:
    """The quoted title right after the possessive that ends the makers' names the subject
    starts ("Disney and Pixar's", "Warner Bros'"); else None."""
    text = doc_text(subj.doc)
    for t in subj.doc[subj.i:min(subj.i + _REACH, sentence_of(subj).end)]:
        if t.pos_ != "PROPN" and t.lower_ not in ("and", "&"):
            return None
        m = _TITLE_AFTER.match(text, t.idx + len(t.text))
        if m and t.pos_ == "PROPN":
            return m.group(1).strip()
    return None


# how many words the makers' names may run to ("Walt Disney Studios and Pixar")
_REACH = 6
