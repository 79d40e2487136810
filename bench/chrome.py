"""Claims from page chrome in plain-text dumps of real web pages, against spaCy alone.

The seed corpus is plain text copied from web pages, menus and footers included, and
so are the articles outside evaluations run on. This benchmark makes such dumps from
the Zyte article-extraction pages (181 real pages with hand-made article bodies,
shared/bench/article-extraction/): the page's visible text, one line per block
element, as a browser's select-all-and-copy gives it. Each system reads the dump;
each figure it finds is then placed:

- in the body when its line shares most of its words with the ground-truth article
  body (half or more of the line's 4-token shingles occur in the body), else in chrome;
- chrome share = figures in chrome / all figures found; body recall = figures found
  in body lines / figures the same system finds when it reads the ground-truth body
  alone (matched by surface, in order).

Peers on the same dumps: spaCy's NER alone (MONEY, PERCENT, QUANTITY, CARDINAL
entities, the numbers a pipeline without cleaning would surface) and quantulum3 with
--peers. Neither cleans text, which is the point of the comparison.

Usage:  python bench/chrome.py [--limit N] [--peers] [--json] [--show N]
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Optional

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.extraction import load_pages, shingles, tokens  # noqa: E402

# Block elements: each starts a new line in a copied page.
_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
           "section", "article", "header", "footer", "nav", "aside", "blockquote", "figure", "figcaption",
           "br", "dt", "dd", "form", "main", "pre", "address", "details", "summary", "option", "button"}
_INVISIBLE = ["script", "style", "noscript", "template", "svg", "head", "iframe", "select"]

BODY_SHARE = 0.5  # of a line's shingles found in the truth body, for the line to be body


def text_dump(html: str) -> str:
    """The visible text of a page, one line per block element, blank lines dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(_INVISIBLE):
        tag.decompose()
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().split("\n"))
    return "\n".join(line for line in lines if line)


def body_lines(dump: str, truth: str) -> list[bool]:
    """For each line of the dump: is it article body?"""
    body = shingles(tokens(truth))
    out = []
    for line in dump.split("\n"):
        sh = shingles(tokens(line))
        total = sum(sh.values())
        found = sum(min(n, body[s]) for s, n in sh.items())
        out.append(total > 0 and found / total >= BODY_SHARE)
    return out


def line_of(dump: str) -> Callable[[int], int]:
    """The index of the line a character offset falls in."""
    starts = [0] + [m.end() for m in re.finditer(r"\n", dump)]
    return lambda pos: bisect.bisect_right(starts, pos) - 1


# -- systems: text -> [(start, end, surface)] -------------------------------------------


def _ours() -> Callable[[str], list[tuple[int, int, str]]]:
    from extract.pipeline import article_from_source, extract_claims, load_nlp
    from extract.records import Source

    nlp = load_nlp()

    def run(text: str) -> list[tuple[int, int, str]]:
        art = article_from_source(Source(doc="dump.txt", raw=b"", media_type="text/plain", text=text,
                                         encoding="utf-8"))
        return [(c.start, c.end, c.surface) for c in extract_claims(art, "dump.txt", nlp)]
    return run


def _spacy_ner() -> Callable[[str], list[tuple[int, int, str]]]:
    from extract.pipeline import load_nlp

    nlp = load_nlp()
    labels = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}

    def run(text: str) -> list[tuple[int, int, str]]:
        return [(e.start_char, e.end_char, e.text) for e in nlp(text).ents if e.label_ in labels]
    return run


def _quantulum3() -> Callable[[str], list[tuple[int, int, str]]]:
    from quantulum3 import parser

    def run(text: str) -> list[tuple[int, int, str]]:
        out = []
        for q in parser.parse(text):
            s, e = q.span
            out.append((s, e, q.surface))
        return out
    return run


def score_system(run: Callable, ids: list[str], dumps: dict, truth: dict, show: int = 0) -> dict:
    found = chrome = body = truth_found = matched = 0
    examples: list[str] = []
    t0 = time.perf_counter()
    for i in ids:
        dump = dumps[i]
        is_body = body_lines(dump, truth[i])
        where = line_of(dump)
        lines = dump.split("\n")
        hits = run(dump)
        found += len(hits)
        in_body = Counter()
        for s, e, surface in hits:
            k = where(s)
            if is_body[k]:
                body += 1
                in_body[surface] += 1
            else:
                chrome += 1
                if len(examples) < show:
                    examples.append(f"{i[:8]} {surface!r} in: {lines[k][:110]}")
        from_truth = Counter(surface for _, _, surface in run(truth[i]))
        truth_found += sum(from_truth.values())
        matched += sum(min(n, in_body[s]) for s, n in from_truth.items())
    return {
        "figures": found,
        "in_chrome": chrome,
        "chrome_share": chrome / found if found else 0.0,
        "body_recall": matched / truth_found if truth_found else 1.0,
        "seconds": round(time.perf_counter() - t0, 1),
        "examples": examples,
    }


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages (by id)")
    ap.add_argument("--peers", action="store_true", help="also quantulum3 (slow)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="list N of our figures placed in chrome")
    args = ap.parse_args(argv)

    ids, html, truth, _ = load_pages(args.limit)
    ids = [i for i in ids if truth[i].strip()]
    dumps = {i: text_dump(html[i]) for i in ids}
    systems = [("claims (this project)", _ours()), ("spaCy NER alone", _spacy_ner())]
    if args.peers:
        systems.append(("quantulum3", _quantulum3()))
    rows = [(name, score_system(fn, ids, dumps, truth, args.show if name.startswith("claims") else 0))
            for name, fn in systems]
    if args.json:
        print(json.dumps({name: {k: v for k, v in r.items() if k != "examples"} for name, r in rows}, indent=1))
        return 0
    print(f"# Figures from chrome in plain-text dumps of {len(ids)} real pages (Zyte benchmark)\n")
    print("| system | figures found | in chrome | chrome share | body recall | seconds |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, r in rows:
        print(f"| {name} | {r['figures']} | {r['in_chrome']} | {r['chrome_share']:.3f} | {r['body_recall']:.3f} "
              f"| {r['seconds']} |")
    for name, r in rows:
        for line in r["examples"]:
            print(f"- chrome: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
