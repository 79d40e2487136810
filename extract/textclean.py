"""Cleaning plain text: keep the article, drop navigation, widgets and footers.

Plain-text dumps of web pages carry their menus with them (three seed files open
with the same 60-line exchange menu). Claim offsets must stay true to the file, so
cleaning never edits the text: it returns the file's text unchanged with the list of
body regions. Rules live in data/textclean.toml.

The cascade, cheap first:
1. widget lines anywhere (counters on any line but a sentence, "Never miss a story",
   share and link lines, a figure with no word beside it);
2. boxes of other stories, and comment or sources sections that open with a header;
3. before the first paragraph and after the last, runs of menu-like lines (short,
   or without sentence punctuation), with blurb lines sandwiched between them;
4. lists of items outside the article's running prose (its paragraphs in a row):
   items that each carry a stamp (a date, "3 hours ago", "name says:"), headline-and-
   dek teasers, long link lists after the prose; numbered lists, lines built alike,
   dated timelines running on into the prose and lists bigger than the article stay;
5. across a corpus, lines that recur in several documents (`recurring_lines`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable, Optional

from extract.html import parse_date
from extract.pattern_screen import PatternList
from extract.plain_rules import WORDS, optional, read_plain_rules

# textclean.toml's keys (its model, TextcleanRules in extract/rule_files.py, is the schema;
# read without pydantic so that `claims clean` starts fast).
TEXTCLEAN = {
    "widget_patterns": WORDS, "counter_patterns": WORDS, "link_line": str, "paragraph_min_words": int,
    "menu_run_min_lines": int, "menu_line_max_words": int, "box_markers": WORDS, "comment_markers": WORDS,
    "closing_markers": WORDS, "date_stamps": WORDS, "item_stamps": WORDS, "item_stamp_min": int,
    "item_stamp_max_gap": int, "teaser_min_items": int, "teaser_max_lead_lines": int,
    "teaser_headline_min_words": int, "teaser_dek_min_words": int, "teaser_dek_max_words": int,
    "teaser_max_prose_ratio": float, "list_number": str, "link_list_min_lines": int,
    "link_list_line_max_words": int, "link_list_parallel_share": float, "claim_labels": optional(WORDS, []),
}

_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")
_CUT_SHORT = re.compile(r"\w(?:\.\.\.|…)\s*$")


@dataclass(frozen=True)
class _Rules:
    widgets: PatternList
    counters: PatternList
    link_line: re.Pattern
    paragraph_min_words: int
    menu_run_min_lines: int
    box_markers: tuple[re.Pattern, ...]
    comment_markers: tuple[re.Pattern, ...]
    closing_markers: tuple[re.Pattern, ...]
    menu_line_max_words: int
    date_stamps: tuple[re.Pattern, ...]
    item_stamps: tuple[re.Pattern, ...]
    item_stamp_min: int
    item_stamp_max_gap: int
    teaser_min_items: int
    teaser_max_lead_lines: int
    teaser_headline_min_words: int
    teaser_dek_words: tuple[int, int]
    teaser_max_prose_ratio: float
    list_number: re.Pattern
    link_list_min_lines: int
    link_list_line_max_words: int
    link_list_parallel_share: float
    claim_labels: frozenset[str]


# The rule file's pattern lists, each compiled case-blind unless its stamps are written in case.
_PATTERN_LISTS = {"widget_patterns": ("widgets", re.I), "counter_patterns": ("counters", re.I),
                  "box_markers": ("box_markers", re.I), "comment_markers": ("comment_markers", re.I),
                  "closing_markers": ("closing_markers", re.I), "date_stamps": ("date_stamps", 0),
                  "item_stamps": ("item_stamps", 0)}


@lru_cache(maxsize=None)
def _rules() -> _Rules:
    d = dict(read_plain_rules("textclean.toml", TEXTCLEAN))
    compiled = {field: tuple(re.compile(p, flags) for p in d.pop(key)) for key, (field, flags) in _PATTERN_LISTS.items()}
    # tried on every line: those that scan the whole line run only on lines holding their
    # words (extract/pattern_screen.py)
    compiled.update({field: PatternList(tuple((p, field) for p in compiled[field])) for field in ("widgets", "counters")})
    compiled.update(link_line=re.compile(d.pop("link_line"), re.I), list_number=re.compile(d.pop("list_number"), re.I),
                    claim_labels=frozenset(w.casefold() for w in d.pop("claim_labels")),
                    teaser_dek_words=(d.pop("teaser_dek_min_words"), d.pop("teaser_dek_max_words")))
    return _Rules(**d, **compiled)


@dataclass
class _Line:
    start: int
    end: int  # without the newline
    text: str

    @cached_property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        out.append(_Line(pos, pos + len(body), body))
        pos += len(raw)
    return out


def _is_paragraph(line: _Line, r: _Rules) -> bool:
    return line.words >= r.paragraph_min_words and bool(re.search(r"[.!?]", line.text))


def _is_sentence(line: _Line, r: _Rules) -> bool:
    """A paragraph that ends as a sentence does: reporting, not a meta line."""
    return line.words >= r.paragraph_min_words and bool(_SENTENCE_END.search(line.text))


def _is_menu_like(line: _Line, r: _Rules) -> bool:
    return line.words <= r.menu_line_max_words or not _SENTENCE_END.search(line.text)


def _is_widget(line: _Line, r: _Rules) -> bool:
    if not _is_sentence(line, r) and r.counters.search_any(line.text):
        return True
    return r.widgets.search_any(line.text) or bool(r.link_line.match(line.text))


def _is_date(line: _Line, r: _Rules) -> bool:
    text = line.text.strip()
    return any(p.search(text) for p in r.date_stamps)


def _is_stamp(line: _Line, r: _Rules) -> bool:
    text = line.text.strip()
    return _is_date(line, r) or any(p.search(text) for p in r.item_stamps)


def chrome_lines(text: str, recurring: frozenset[str] = frozenset()) -> set[int]:
    """Indexes of the lines of `text` that are not article body."""
    r = _rules()
    lines = split_lines(text)
    content = [i for i, ln in enumerate(lines) if ln.text.strip()]
    drop: set[int] = {i for i in content if _is_widget(lines[i], r)}
    drop |= {i for i in content if lines[i].text.strip() in recurring}
    paragraphs = [i for i in content if _is_paragraph(lines[i], r) and i not in drop]
    if not paragraphs:
        return drop
    drop |= _boxes(lines, content, paragraphs, r)
    paragraphs = [i for i in paragraphs if i not in drop]
    if not paragraphs:
        return drop
    first, last = paragraphs[0], paragraphs[-1]
    head = [i for i in content if i < first]
    tail = [i for i in content if i > last]
    drop |= _menu_runs(lines, head, r)
    drop |= _menu_runs(lines, tail, r, at_end=True)
    # Lists of items outside the article's running prose: stamped lists and teasers outside
    # its paragraphs in a row that end as sentences do; link lists only past the last two
    # paragraphs in a row of any ending (a product box in an article has bullet lines).
    strict = _prose_bounds(lines, content, drop, r, sentences=True)
    drop |= _stamped_lists(lines, content, drop, strict, r)
    if strict is not None:
        drop |= _teaser_lists(lines, content, drop, strict, r)
    prose = _prose_bounds(lines, content, drop, r, sentences=False)
    if prose is not None:
        drop |= _link_lists(lines, [i for i in content if i > prose[1] and i not in drop], r)
    return drop


def _paragraph_words(lines: list[_Line], idx: Iterable[int], r: _Rules) -> int:
    return sum(lines[i].words for i in idx if _is_paragraph(lines[i], r))


def _smaller_than_the_rest(lines: list[_Line], span: list[int], kept_words: int, drop: set[int],
                           r: _Rules, ratio: float = 1.0) -> bool:
    """A list holds less prose than the page around it (`ratio` times as much at most):
    else it is the article (a live blog's stamped entries, a listicle). `kept_words`: the
    paragraph words of the page's kept lines, counted once per pass (pages can hold
    thousands of lists)."""
    rest = kept_words - _paragraph_words(lines, (i for i in span if i not in drop), r)
    return _paragraph_words(lines, span, r) <= ratio * rest


def _stamped_lists(lines: list[_Line], content: list[int], drop: set[int], prose: Optional[tuple[int, int]],
                   r: _Rules) -> set[int]:
    """Items that each carry a stamp ("10H ago", "November 19, 2019 at 6:34 am", "joe
    says:"): teasers of other stories, readers' comments. The item before the first stamp
    and after the last (as long as the items between) go with the list, but not into
    two paragraphs in a row, which is the article's prose. A list inside the prose is
    dropped only when it holds less prose than the rest (a live blog is all stamps)."""
    out: set[int] = set()
    kept_words = _paragraph_words(lines, (i for i in content if i not in drop), r)
    stamps = [n for n, i in enumerate(content) if _is_stamp(lines[i], r)]
    for cluster in _clusters(stamps, r.item_stamp_max_gap):
        if len(cluster) < r.item_stamp_min:
            continue
        first = _extend(lines, content, cluster[0], -(cluster[1] - cluster[0] - 1), r)
        last = _extend(lines, content, cluster[-1], cluster[-1] - cluster[-2] - 1, r)
        span = content[first:last + 1]
        only_dates = all(_is_date(lines[content[n]], r) for n in range(first, last + 1)
                         if _is_stamp(lines[content[n]], r))
        if _outside(span, prose) or ((not only_dates or _apart(lines, content, first, last, drop, r))
                                     and _smaller_than_the_rest(lines, span, kept_words, drop, r)):
            out.update(span)
    return out


def _prose_at(lines: list[_Line], content: list[int], n: int, drop: set[int], r: _Rules) -> bool:
    """Is content position n a kept line of prose? (False off the page's ends.)"""
    return 0 <= n < len(content) and content[n] not in drop and not _is_menu_like(lines[content[n]], r)


def _apart(lines: list[_Line], content: list[int], first: int, last: int, drop: set[int], r: _Rules) -> bool:
    """No prose right before or after content[first:last + 1]: a dated list inside the
    article that runs on into its paragraphs (a timeline of events) is the article's."""
    return not _prose_at(lines, content, first - 1, drop, r) and not _prose_at(lines, content, last + 1, drop, r)


def _outside(span: list[int], prose: Optional[tuple[int, int]]) -> bool:
    """Is the span wholly before or after the article's running prose?"""
    return prose is not None and (span[0] > prose[1] or span[-1] < prose[0])


def _clusters(positions: list[int], max_gap: int) -> list[list[int]]:
    """Positions no more than `max_gap` apart; stamps on adjacent lines ("joe says:" over
    its date) count as one."""
    out: list[list[int]] = []
    for n in positions:
        if out and n - out[-1][-1] == 1:
            out[-1][-1] = n
        elif out and n - out[-1][-1] - 1 <= max_gap:
            out[-1].append(n)
        else:
            out.append([n])
    return out


def _extend(lines: list[_Line], content: list[int], n: int, by: int, r: _Rules) -> int:
    """Position n moved up to |by| content lines (back if by < 0), stopping before a
    paragraph that has a paragraph next to it on the far side."""
    step = -1 if by < 0 else 1
    for _ in range(abs(by)):
        nxt, beyond = n + step, n + 2 * step
        if not 0 <= nxt < len(content):
            break
        if (_is_paragraph(lines[content[nxt]], r) and 0 <= beyond < len(content)
                and _is_paragraph(lines[content[beyond]], r)):
            break
        n = nxt
    return n


def _prose_bounds(lines: list[_Line], content: list[int], drop: set[int], r: _Rules,
                  sentences: bool) -> Optional[tuple[int, int]]:
    """The first and last line of the article's running prose: the first and the last
    pair of paragraphs that stand next to each other, each ending as a sentence does
    (teasers, menus and comment headers come between paragraphs elsewhere, and a
    headline with a question mark in it ends without one) when `sentences`."""
    def ends_a_paragraph(i: int) -> bool:
        return _is_paragraph(lines[i], r) and (not sentences or bool(_SENTENCE_END.search(lines[i].text)))

    if sentences:
        # one line of furniture ("Advertisement") between two paragraphs does not part them;
        # a box header and its headline do
        content = [i for n, i in enumerate(content) if i not in drop or not _lone_between(content, n, drop)]
    pairs = [(a, b) for a, b in zip(content, content[1:]) if ends_a_paragraph(a) and ends_a_paragraph(b)]
    if not pairs:
        return None
    return pairs[0][0], pairs[-1][1]


def _lone_between(content: list[int], n: int, drop: set[int]) -> bool:
    """Is content[n] a dropped line with kept lines on both sides?"""
    return (0 < n < len(content) - 1 and content[n - 1] not in drop and content[n + 1] not in drop)


def _teaser_lists(lines: list[_Line], content: list[int], drop: set[int], prose: tuple[int, int],
                  r: _Rules) -> set[int]:
    """Teasers of other stories before or after the article's prose: items of a few
    menu-like lines (kicker, headline, source, section) then a one-line dek, repeated."""
    out: set[int] = set()
    kept_words = _paragraph_words(lines, (i for i in content if i not in drop), r)

    def is_prose(n: int) -> bool:
        return _prose_at(lines, content, n, drop, r)

    def apart_before(items: list[tuple[int, int]]) -> bool:
        # prose just before, unless the list opens with furniture ("Top stories", a box header)
        return not is_prose(items[0][0] - 1) or content[items[0][0]] in drop

    for run in _teaser_runs(lines, content, drop, r):
        # The item that runs into the prose (title, byline, first paragraph) is the
        # article's; on the far side the list must not touch prose either (items of
        # an article's own, a gift guide between its paragraphs).
        before, after = _before(run, content, prose[0]), _after(run, content, prose[1])
        lists = []
        if len(before) >= r.teaser_min_items and apart_before(before):
            lists.append(before)
        if len(after) >= r.teaser_min_items and not is_prose(after[-1][1] + 1):
            lists.append(after)
        # between two stretches of prose (a rail between the article and a second text),
        # only a list with no prose next to it on either side
        if not before and not after and apart_before(run) and not is_prose(run[-1][1] + 1):
            lists.append(run)
        for items in lists:
            span = content[items[0][0]:items[-1][1] + 1]
            if _numbered(lines, content, items, r):
                continue
            if _smaller_than_the_rest(lines, span, kept_words, drop, r, r.teaser_max_prose_ratio):
                out.update(span)
    return out


def _numbered(lines: list[_Line], content: list[int], items: list[tuple[int, int]], r: _Rules) -> bool:
    """Items headed "1.", "2.", "3." are the article's own list (a listicle), not teasers."""
    numbered = sum(1 for first, dek in items
                   if any(r.list_number.match(lines[content[n]].text) for n in range(first, dek)))
    return numbered * 2 > len(items)


def _before(items: list[tuple[int, int]], content: list[int], line: int) -> list[tuple[int, int]]:
    return [it for it in items if content[it[1]] < line]


def _after(items: list[tuple[int, int]], content: list[int], line: int) -> list[tuple[int, int]]:
    return [it for it in items if content[it[0]] > line]


def _teaser_runs(lines: list[_Line], content: list[int], drop: set[int],
                 r: _Rules) -> list[list[tuple[int, int]]]:
    """Runs of at least `teaser_min_items` items, each (first, dek) positions in content."""
    def is_prose(i: int) -> bool:
        return i not in drop and not _is_menu_like(lines[i], r)

    def is_lead(n: int) -> bool:
        # a headline cut short over its dek ("Microsoft offers Surface Go Kids Bundle plus JBL he...")
        i = content[n]
        return not is_prose(i) or (bool(_CUT_SHORT.search(lines[i].text)) and n + 1 < len(content)
                                   and is_prose(content[n + 1]))

    def is_dek(i: int) -> bool:
        lo, hi = r.teaser_dek_words
        return is_prose(i) and lo <= lines[i].words <= hi

    runs: list[list[tuple[int, int]]] = []
    items: list[tuple[int, int]] = []
    n = 0
    while n < len(content):
        m = n
        while m < len(content) and m - n < r.teaser_max_lead_lines and is_lead(m):
            m += 1
        headline = any(lines[content[j]].words >= r.teaser_headline_min_words for j in range(n, m))
        if n < m < len(content) and is_dek(content[m]) and headline:
            items.append((n, m))
            n = m + 1
            continue
        if len(items) >= r.teaser_min_items:
            runs.append(items)
        items = []
        n = max(m, n + 1)
    if len(items) >= r.teaser_min_items:
        runs.append(items)
    return runs


def _link_lists(lines: list[_Line], idx: list[int], r: _Rules) -> set[int]:
    """After the article's prose, long runs of menu-like lines of link length, unless
    built alike (`_parallel`)."""
    out: set[int] = set()
    run: list[int] = []
    for i in idx + [-1]:
        if i >= 0 and _is_menu_like(lines[i], r) and lines[i].words <= r.link_list_line_max_words:
            run.append(i)
            continue
        if len(run) >= r.link_list_min_lines and not _parallel(lines, run, r):
            out.update(run)
        run = []
    return out


def _skeleton(text: str) -> str:
    """The punctuation of a line: "June 17 – Nashville, TN @ Arena" -> "–,@"."""
    return re.sub(r"[\w\s'’]", "", text)


def _parallel(lines: list[_Line], run: list[int], r: _Rules) -> bool:
    """Lines built alike are the article's own list or table (tour dates "June 17 – City
    @ Venue", "England (Group A): 10th appearance", "16) Product"); links are not."""
    if sum(1 for i in run if r.list_number.match(lines[i].text)) * 2 > len(run):
        return True
    shapes = Counter(_skeleton(lines[i].text) for i in run)
    shapes.pop("", None)
    return bool(shapes) and shapes.most_common(1)[0][1] >= r.link_list_parallel_share * len(run)


def _boxes(lines: list[_Line], content: list[int], paragraphs: list[int], r: _Rules) -> set[int]:
    """Boxes inside or after the article: from a line that opens one ("Related
    articles", "More stories", "You may also like") to the next paragraph, its
    headlines and prices are other stories' figures; from a comments header ("12
    Comments", "Leave a reply") to the end, the page is readers' words, and from a
    sources header ("Sources:", "References") the titles of the works it cites."""
    out: set[int] = set()
    is_para = set(paragraphs)
    after_first = [i for i in content if i > paragraphs[0]]
    for k, i in enumerate(after_first):
        text = lines[i].text
        if i in is_para or i in out:
            continue
        if any(p.search(text) for p in r.comment_markers + r.closing_markers):
            # a header below the article, not the "Comments" link of a share bar above it
            before = sum(lines[j].words for j in paragraphs if j < i)
            if before >= sum(lines[j].words for j in paragraphs if j > i):
                return out | set(after_first[k:])
            continue
        if any(p.search(text) for p in r.box_markers):
            for j in after_first[k:]:
                if j in is_para:
                    break
                out.add(j)
    return out


def _is_claim_label(line: _Line, r: _Rules) -> bool:
    """A fact-check page's label for the claim it checks ("Claim", "The claim:")."""
    return line.text.strip().rstrip(":").strip().casefold() in r.claim_labels


def _menu_runs(lines: list[_Line], idx: list[int], r: _Rules, at_end: bool = False) -> set[int]:
    """Runs of menu-like lines (allowing one blurb between two menu-like lines)."""
    flags = [_is_menu_like(lines[i], r) for i in idx]
    # A single blurb sandwiched between menu-like lines belongs to the menu.
    orig = list(flags)
    for k in range(1, len(flags) - 1):
        inside_menu = (k >= 2 and orig[k - 2]) or (k + 2 < len(orig) and orig[k + 2])
        if not orig[k] and orig[k - 1] and orig[k + 1] and inside_menu:
            flags[k] = True
    for k in range(1, len(flags)):
        if _is_claim_label(lines[idx[k - 1]], r) and _SENTENCE_END.search(lines[idx[k]].text):
            flags[k] = False  # "Claim" / "Yovanovitch has a net worth of $17 million.": what is checked
    out: set[int] = set()
    run: list[int] = []
    min_run = 2 if at_end else r.menu_run_min_lines
    for i, f in zip(idx, flags):
        if f:
            run.append(i)
            continue
        if len(run) >= min_run:
            out.update(run)
        run = []
    if len(run) >= min_run:
        out.update(run)
    return out


@dataclass(frozen=True)
class TextPage:
    """A plain-text page's body regions (spans of its unchanged text), title, date, and the
    spans that state a claim a fact-check page checks; `extract.article.clean_text` makes
    the typed `Article` of it."""

    text: str
    regions: list[tuple[int, int]]
    title: Optional[str]
    date: Optional[dt.date]
    checked: list[tuple[int, int]]

    def body_text(self) -> str:
        """The body regions joined by newlines: what a reader would call the article."""
        return "\n".join(self.text[s:e] for s, e in self.regions)


def text_page(text: str, recurring: frozenset[str] = frozenset()) -> TextPage:
    """The article inside a plain-text page: `text` unchanged, body regions marked."""
    lines = split_lines(text)
    drop = chrome_lines(text, recurring)
    regions: list[tuple[int, int]] = []
    for i, ln in enumerate(lines):
        if i in drop or not ln.text.strip():
            continue
        if regions and _only_space_between(text, regions[-1][1], ln.start):
            regions[-1] = (regions[-1][0], ln.end)
        else:
            regions.append((ln.start, ln.end))
    title = _title(lines, drop, _rules())
    return TextPage(text=text, regions=regions, title=title, date=_dateline(lines, _rules()),
                    checked=_checked(lines, drop, _rules()))


def _checked(lines: list[_Line], drop: set[int], r: _Rules) -> list[tuple[int, int]]:
    """The claim a fact-check page checks: the kept sentence right after a claim label."""
    content = [i for i, ln in enumerate(lines) if ln.text.strip()]
    return [(lines[b].start, lines[b].end) for a, b in zip(content, content[1:])
            if _is_claim_label(lines[a], r) and b not in drop and _SENTENCE_END.search(lines[b].text)]


# A line that is a date and little else: "October 30, 2025 10:20 PM UTC", "Published
# Wed, Aug 27 2025 4:20 PM EDT", "Updated 19 November 2025".
_DATELINE_MAX_WORDS = 9


def _dateline(lines: list[_Line], r: _Rules) -> Optional[dt.date]:
    """The publication date a plain-text page states on a line of its own above its
    first paragraph (the nav menus, teasers and comments around it carry other dates,
    so only lines before the first paragraph count)."""
    for ln in lines:
        if _is_paragraph(ln, r):
            return None
        found = _dateline_date(ln)
        if found is not None:
            return found
    return None


def _dateline_date(ln: _Line) -> Optional[dt.date]:
    """The date a line states when it is a date and little else."""
    text = ln.text.strip()
    if text and ln.words <= _DATELINE_MAX_WORDS and re.search(r"\d{4}", text):
        return parse_date(text)
    return None


def _only_space_between(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip()


def _title(lines: list[_Line], drop: set[int], r: _Rules) -> Optional[str]:
    """The last kept line before the first paragraph, if it is short enough (a line that
    is only a date is skipped)."""
    candidate = None
    for i, ln in enumerate(lines):
        if i in drop or not ln.text.strip():
            continue
        if _dateline_date(ln) is not None:
            continue  # "October 30, 2025 10:20 PM UTC" above the text is its date, not its title
        if _is_paragraph(ln, r) and candidate is not None:
            break
        candidate = ln.text.strip().lstrip("#").strip()
        if _is_paragraph(ln, r):
            break
    return candidate if candidate and len(candidate.split()) <= 25 else None


def recurring_lines(texts: Iterable[str], min_docs: int = 3) -> frozenset[str]:
    """Lines that occur in at least `min_docs` documents: site furniture in a corpus."""
    counts: Counter[str] = Counter()
    for t in texts:
        counts.update({ln.strip() for ln in t.splitlines() if ln.strip()})
    return frozenset(line for line, n in counts.items() if n >= min_docs and len(line.split()) < 40)
