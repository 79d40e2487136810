"""Pruning page chrome (navigation, share bars, comments, hidden elements, link lists) from the tree."""

from __future__ import annotations

import re
from typing import Optional

from lxml import etree

from extract.html.boilerplate import Boilerplate, rules
from extract.html.tree import one_line, tag_of, text_of


# -- pruning -------------------------------------------------------------------------------

_SPLIT_CLASS = re.compile(r"[^a-z0-9]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_NEVER_PRUNE = frozenset({"html", "body", "main", "article"})


def direct_text(el) -> str:
    """Text an element holds itself, not inside child elements (paragraphs split by <br>)."""
    return one_line((el.text or "") + "".join(c.tail or "" for c in el))


def _raw_len(el) -> int:
    """A cheap upper bound of `_content_len`."""
    try:
        return len(el.text_content())
    except ValueError:
        return 0


def _content_len(el) -> int:
    """Characters of text under `el` outside links: what an article has and a menu has not."""
    n = len(text_of(el))
    if n:
        n -= sum(len(text_of(a)) for a in el.iter("a"))
    return max(0, n)


def _is_chrome(el, tag: str, r: Boilerplate) -> bool:
    if tag in r.chrome_tags:
        return True
    role = (el.get("role") or "").strip().lower()
    if role and role in r.drop_roles:
        return True
    if tag in _NEVER_PRUNE:
        return False
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    names = " ".join(v for v in (el.get("class"), el.get("id")) if v).lower()
    if not names:
        return False
    if r.class_tokens.intersection(_SPLIT_CLASS.split(names)):
        return True
    return bool(r.class_substrings and r.class_substrings.search(names))


def prune(root) -> None:
    """Remove page chrome in place, keeping tails (text after an element) intact."""
    r = rules()
    body = root.find("body")
    if body is None:
        body = root
    walker = etree.iterwalk(root, events=("start",))
    doomed = []
    for _, el in walker:
        if tag_of(el) in r.drop_tags:
            doomed.append(el)
            walker.skip_subtree()
    _drop_all(doomed)
    total = _content_len(body)
    doomed = []
    walker = etree.iterwalk(root, events=("start",))
    for _, el in walker:
        tag = tag_of(el)
        if tag is not None and _is_chrome(el, tag, r):
            # Veto: never remove the element that carries most of the article.
            if total and _raw_len(el) > 0.35 * total and _content_len(el) > 0.35 * total:
                continue
            doomed.append(el)
            walker.skip_subtree()
    _drop_all(doomed)
    _drop_link_lists(body)


def _drop_all(elements: list) -> None:
    for el in elements:
        if el.getparent() is not None:
            el.drop_tree()


def link_density(el, text_len: Optional[int] = None) -> float:
    n = text_len if text_len is not None else len(text_of(el))
    if not n:
        return 0.0
    return min(1.0, sum(len(text_of(a)) for a in el.iter("a")) / n)


def _drop_link_lists(body) -> None:
    """Lists made mostly of links (menus, related stories) go."""
    doomed = []
    for lst in body.iter("ul", "ol"):
        items = [c for c in lst if tag_of(c) == "li"]
        if len(items) >= 3 and link_density(lst) > 0.7:
            doomed.append(lst)
    _drop_all(doomed)


