"""Coverage on real fact-checked claims: QuanTemp's 2,495 test-split claim texts.

QuanTemp (factiverse/QuanTemp, CC BY-NC 4.0, read from shared/, never copied) holds
numerical claims collected from fact-checkers: "Twenty-three million Americans suffer
from addiction, but only 1 in 10 get treatment", "Biden's ban will kill 120,000 Texas
jobs". Its gold labels are not obtainable (shared/bench/quantemp/README.md), so this
measures what can be measured without them, for the project and its peers alike:

- coverage: the share of claims that state a number (a digit that is not a year, or a
  number word) for which the system finds at least one figure;
- false fire: the share of claims whose only numbers are years, dates or names
  ("Video from the January 6, 2021 riot", "COVID-19 vaccines") for which it reports
  a figure anyway (lower is better);
- crashes.

Coverage is not accuracy: a system that calls every number a quantity covers much
and fires falsely as much, which is why both figures stand side by side.
Peers: quantulum3 (any quantity), spaCy NER alone (any MONEY, PERCENT, QUANTITY or
CARDINAL entity) on the same pipeline the project loads.

Usage:  python bench/quantemp.py [--peers] [--json] [--misses N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

NUMBER_WORDS = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|half|third|quarter|dozen|"
    r"twice|double|triple|percent|fold)s?\b", re.I)
# Digits that are no figure by themselves: years, day-month dates, names like COVID-19.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
NOT_FIGURE_DIGITS = re.compile(
    rf"\b(?:1[89]\d\d|20\d\d)s?\b|[A-Za-z]+-\d+\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b")


def shared_dir() -> Path:
    env = os.environ.get("CLAIMS_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def load_claims() -> list[dict]:
    path = shared_dir() / "bench" / "quantemp" / "test_claims.jsonl"
    if not path.is_file():
        raise SystemExit(f"QuanTemp claims not found: {path} (set CLAIMS_SHARED)")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def states_a_number(text: str) -> bool:
    """A digit left after years, dates and name-numbers are taken out, or a number word."""
    rest = NOT_FIGURE_DIGITS.sub(" ", text)
    return bool(re.search(r"\d", rest) or NUMBER_WORDS.search(text))


@dataclass
class Score:
    system: str
    covered: int = 0
    numeric: int = 0
    fired: int = 0
    non_numeric: int = 0
    crashes: int = 0
    seconds: float = 0.0

    @property
    def coverage(self) -> float:
        return self.covered / self.numeric if self.numeric else 0.0

    @property
    def false_fire(self) -> float:
        return self.fired / self.non_numeric if self.non_numeric else 0.0


def run(system: str, finds: Callable[[str], int], rows: list[dict], misses: list[str] | None = None) -> Score:
    score = Score(system)
    t0 = time.perf_counter()
    for r in rows:
        text = r["claim"]
        numeric = states_a_number(text)
        try:
            n = finds(text)
        except Exception as e:  # noqa: BLE001 - a crash is counted and reported, the run goes on
            score.crashes += 1
            print(f"crash ({system}) {r['id']}: {type(e).__name__}: {e}", file=sys.stderr)
            n = 0
        if numeric:
            score.numeric += 1
            score.covered += n > 0
            if n == 0 and misses is not None:
                misses.append(text)
        else:
            score.non_numeric += 1
            score.fired += n > 0
    score.seconds = time.perf_counter() - t0
    return score


def ours() -> Callable[[str], int]:
    from extract.records import Article
    from extract.pipeline import extract_claims, load_nlp

    nlp = load_nlp()
    return lambda text: len(extract_claims(Article(text=text, regions=[(0, len(text))]), "quantemp", nlp))


def quantulum3() -> Callable[[str], int]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    def finds(text: str) -> int:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return len(parser.parse(text))

    return finds


def spacy_ner() -> Callable[[str], int]:
    import spacy

    from extract.pipeline import DEFAULT_MODEL, MODEL_ENV

    nlp = spacy.load(os.environ.get(MODEL_ENV) or DEFAULT_MODEL)
    labels = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
    return lambda text: sum(e.label_ in labels for e in nlp(text).ents)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--peers", action="store_true", help="also run quantulum3 and spaCy NER alone")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="list N claims with a number and no figure")
    args = ap.parse_args(argv)
    rows = load_claims()
    misses: list[str] = []
    scores = [run("claims (this project)", ours(), rows, misses)]
    if args.peers:
        scores.append(run("quantulum3", quantulum3(), rows))
        scores.append(run("spaCy NER alone", spacy_ner(), rows))
    mine = scores[0]
    if args.json:
        print(json.dumps({s.system: {"coverage": round(s.coverage, 4), "false_fire": round(s.false_fire, 4),
                                     "crashes": s.crashes, "seconds": round(s.seconds, 1)} for s in scores}))
        return 0
    print(f"# QuanTemp coverage ({len(rows)} claims; {mine.numeric} state a number, {mine.non_numeric} do not)\n")
    print("| system | coverage | ours / its | false fire | crashes | seconds |")
    print("| --- | --- | --- | --- | --- | --- |")
    for s in scores:
        ratio = f"{mine.coverage / s.coverage:.3f}" if s.coverage else "n/a"
        print(f"| {s.system} | {s.coverage:.3f} | {ratio} | {s.false_fire:.3f} | {s.crashes} | {s.seconds:.1f} |")
    for text in misses[:args.misses]:
        print(f"- miss: {text[:160]}")
    return 1 if mine.crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
