"""The two main-text extractors (trafilatura, our density extractor), the choice between them, and the line clean-up."""

from __future__ import annotations

import copy
import re
from typing import Any, Iterable, Optional

from extract.html.boilerplate import rules
from extract.html.lean_trafilatura import import_trafilatura
from extract.html.prune import direct_text, link_density
from extract.html.render import BLOCKS, render
from extract.html.tree import tag_of, text_of
from extract.html.page import PageMeta


# -- extractor 1: trafilatura ------------------------------------------------------------------


def trafilatura_lines(root, url: Optional[str], rejected: list[str]) -> list[str]:
    """Trafilatura's main text (public API, fast mode, no comments), on a copy of the tree.

    A failure inside trafilatura is recorded in `rejected` ("trafilatura: <reason>") and
    gives no lines, so our own extractor's lines are used."""
    trafilatura = import_trafilatura()
    try:
        doc = trafilatura.bare_extraction(
            copy.deepcopy(root),
            url=url,
            fast=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=False,
        )
    except Exception as e:  # a third-party step must not sink the cascade: ours is the fallback
        rejected.append(f"trafilatura: {type(e).__name__}: {e}".splitlines()[0])
        return []
    body = getattr(doc, "body", None) if doc is not None else None
    return render(body) if body is not None else []


# -- extractor 2: our density extractor -----------------------------------------------------------

_POSITIVE = re.compile(r"article|body|content|entry|main|post|story|text|blog", re.I)
_NEGATIVE = re.compile(r"comment|footer|sidebar|related|share|social|promo|widget|banner|meta|byline|nav", re.I)
_PARAS = ("p", "pre", "td", "blockquote")


def _class_weight(el) -> float:
    names = " ".join(v for v in (el.get("class"), el.get("id")) if v)
    if not names:
        return 0.0
    w = 0.0
    if _POSITIVE.search(names):
        w += 25
    if _NEGATIVE.search(names):
        w -= 25
    return w


def _ancestors(el, n: int) -> list:
    out = []
    while el is not None and len(out) < n:
        out.append(el)
        el = el.getparent()
    return out


def own_lines(root) -> list[str]:
    """Our extractor: the best-scoring container and its text-rich siblings, as lines."""
    body = root.find("body")
    if body is None:
        body = root
    scores: dict[Any, float] = {}
    for p in body.iter(*_PARAS, "div"):
        if tag_of(p) == "div":
            # Only divs that hold text themselves (paragraphs written with <br> or spans).
            own = direct_text(p)
            if len(own) < 25:
                if any(tag_of(c) in BLOCKS for c in p):
                    continue
                own = text_of(p)
                if len(own) < 25:
                    continue
            n = len(own)
        else:
            n = len(text_of(p))
            if n < 25:
                continue
            own = None
        parent = p.getparent()
        if parent is None:
            continue
        text = own if own is not None else text_of(p)
        base = (1 + text.count(",") + text.count("、") + min(n // 100, 3)) * (1 - link_density(p, n) if own is None else 1)
        for level, anc in enumerate(_ancestors(parent, 3)):
            if anc not in scores:
                scores[anc] = _class_weight(anc)
            scores[anc] += base / (level + 1)
    if not scores:
        return render(body)
    top = sorted(scores.items(), key=lambda kv: -kv[1])[:5]
    best, best_score = max(((el, s * (1 - link_density(el))) for el, s in top), key=lambda kv: kv[1])
    parent = best.getparent()
    chosen = [best]
    if parent is not None:
        threshold = max(10.0, best_score * 0.2)
        chosen = []
        for sib in parent:
            if sib is best:
                chosen.append(sib)
                continue
            tag = tag_of(sib)
            if tag is None:
                continue
            if scores.get(sib, 0.0) >= threshold:
                chosen.append(sib)
            elif tag == "p":
                t = text_of(sib)
                ld = link_density(sib, len(t))
                if (len(t) > 80 and ld < 0.25) or (0 < len(t) <= 80 and ld == 0 and t.endswith((".", "!", "?", "”", '"'))):
                    chosen.append(sib)
    lines: list[str] = []
    for el in chosen:
        render(el, lines)
    return lines


# -- choosing and finishing -----------------------------------------------------------------------


def _words(lines: Iterable[str]) -> int:
    return sum(len(line.split()) for line in lines)


def choose_lines(traf: list[str], own: list[str]) -> list[str]:
    """Trafilatura's lines, or ours when ours holds all of them and only a little more.

    Ours is cut to the span from the first to the last line trafilatura found, so what
    it adds is what trafilatura skipped inside the article (lists, tables, text written
    straight into divs), never the comments or teasers around it.
    """
    if not traf:
        return own
    if not own:
        return traf
    wanted = {_key(x) for x in traf}
    own_keys = [_key(x) for x in own]
    hits = [k for k, key in enumerate(own_keys) if key in wanted]
    if not hits:
        return traf
    found = {own_keys[k] for k in hits}
    kept = sum(len(x) for x in traf if _key(x) in found) / max(1, sum(len(x) for x in traf))
    span = own[hits[0] : hits[-1] + 1]
    if kept >= 0.95 and _words(span) <= 1.5 * _words(traf):
        return span
    return traf


def _key(s: Optional[str]) -> str:
    """A line's comparison key: case, punctuation and spacing ignored."""
    return re.sub(r"\W+", " ", (s or "").casefold()).strip()


def finish_lines(lines: list[str], meta: PageMeta, heads: Iterable[str]) -> list[str]:
    """Drop boilerplate lines (data file), the leading headline, and repeats."""
    r = rules()
    titles = {k for k in (_key(meta.title), *(_key(h) for h in heads)) if k}
    out: list[str] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if len(line) <= r.line_max and r.line_patterns.fullmatch(line):
            continue
        if i < 4 and not out and _key(line) in titles:
            continue  # the headline: it is `title`, not body text
        if out and out[-1] == line:
            continue
        if len(line) >= 50:
            if line in seen:
                continue  # a repeated long line is a caption or a teaser, not prose
            seen.add(line)
        out.append(line)
    return out


