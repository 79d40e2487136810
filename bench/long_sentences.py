"""Time to extract claims from text without full stops, by length (issue 18, item 1).

    python bench/long_sentences.py            # 10k, 50k, 500k characters
    python bench/long_sentences.py 10000 20000

Framing reads a sentence per figure; before sentences were bounded in length, one
endless sentence made the time grow with the square of its length (8 s at 10k, 173 s
at 50k characters). Linear means the seconds per 10k characters stay about the same.
"""

from __future__ import annotations

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


def main(sizes: list[int]) -> None:
    nlp = load_nlp()
    extract_claims(_article(text_without_stops(2000)), "warm", nlp)
    for size in sizes:
        t0 = time.perf_counter()
        claims = extract_claims(_article(text_without_stops(size)), f"{size}", nlp)
        took = time.perf_counter() - t0
        print(f"{size:>9,} chars  {len(claims):>6} claims  {took:8.1f} s  {took / size * 10_000:6.2f} s per 10k chars")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 50_000, 500_000])
