"""Time to extract claims from text without full stops, by length (issue 18, item 1).

    python bench/long_sentences.py            # 10k, 50k, 500k characters
    python bench/long_sentences.py 10000 20000
    python bench/long_sentences.py --cap 600 10000 50000 500000   # give up a size after 600 s

Framing reads a sentence per figure; before sentences were bounded in length, one
endless sentence made the time grow with the square of its length (8 s at 10k, 173 s
at 50k characters). Linear means the seconds per 10k characters stay about the same.
"""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract.pipeline import extract_claims, load_nlp  # noqa: E402
from extract.records import Article  # noqa: E402

PHRASE = "revenue rose 12% to $4.5 billion and the company hired 1,200 workers in 2024 while costs fell "


def text_without_stops(chars: int) -> str:
    return (PHRASE * (chars // len(PHRASE) + 1))[:chars]


def _article(text: str) -> Article:
    return Article(text=text, regions=[(0, len(text))])


class OverCap(Exception):
    pass


def _over_cap(signum, frame):
    raise OverCap


def main(sizes: list[int], cap: int = 0) -> None:
    """Each size timed; with `cap` (seconds) a size still running then is reported as
    over the cap (and the larger ones, which can only take longer, are not run)."""
    nlp = load_nlp()
    extract_claims(_article(text_without_stops(2000)), "warm", nlp)
    signal.signal(signal.SIGALRM, _over_cap)
    first_rate = 0.0
    for size in sizes:
        t0 = time.perf_counter()
        signal.alarm(cap)
        try:
            claims = extract_claims(_article(text_without_stops(size)), f"{size}", nlp)
        except OverCap:
            print(f"{size:>9,} chars  over the cap of {cap} s (linear from the first size: "
                  f"{first_rate * size / 10_000:.0f} s)" if sizes.index(size) else f"{size:>9,} chars  over {cap} s")
            return
        finally:
            signal.alarm(0)
        took = time.perf_counter() - t0
        last_rate = took / size * 10_000
        first_rate = first_rate if sizes.index(size) else last_rate
        print(f"{size:>9,} chars  {len(claims):>6} claims  {took:8.1f} s  {last_rate:6.2f} s per 10k chars",
              flush=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    cap = 0
    if args[:1] == ["--cap"]:
        cap, args = int(args[1]), args[2:]
    main([int(a) for a in args] or [10_000, 50_000, 500_000], cap)
