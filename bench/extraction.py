"""Benchmark the HTML main-text extractor against trafilatura, in one run.

Data: the Zyte/Scrapinghub article-extraction benchmark in shared/ (181 pages and
their ground-truth article bodies). Scoring follows that benchmark's own definition
(see shared/bench/article-extraction/README.md), implemented here from the description:

- tokens are the matches of `\\w+`; a text's shingles are the multiset of its 4-token
  windows (a text of 1-3 tokens has one shorter shingle, an empty text none);
- per page TP = sum of min(count_truth, count_pred), FP and FN the excess on each side,
  then normalised by TP+FP+FN so that every page weighs the same;
- precision and recall are means over pages, F1 = 2PR/(P+R) from those means;
- accuracy is the share of pages whose token list equals the truth's exactly;
- "±" is the bootstrap standard deviation of the figure over 1000 page resamples.

Usage:  python bench/extraction.py [--json] [--limit N] [--reference] [--repeat N]

The shared folder is found next to the repository (`../shared`), or at $CLAIMS_SHARED.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Optional

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

_TOKEN = re.compile(r"\w+")
SHINGLE = 4
BOOTSTRAP = 1000


def shared_dir() -> Path:
    env = os.environ.get("CLAIMS_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def bench_dir() -> Path:
    return shared_dir() / "bench" / "article-extraction"


def load_pages(limit: Optional[int] = None) -> tuple[list[str], dict[str, str], dict[str, str], dict[str, str]]:
    """(ids, html by id, truth by id, url by id), every page read into memory first."""
    base = bench_dir()
    truth_file = base / "ground-truth.json"
    if not truth_file.is_file():
        raise SystemExit(f"benchmark data not found: {truth_file} (set CLAIMS_SHARED)")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    ids = sorted(truth)
    if limit:
        ids = ids[:limit]
    html = {}
    for i in ids:
        with gzip.open(base / "html" / f"{i}.html.gz", "rt", encoding="utf-8") as f:
            html[i] = f.read()
    return ids, html, {i: truth[i]["articleBody"] for i in ids}, {i: truth[i]["url"] for i in ids}


# -- scoring -----------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(toks: list[str]) -> Counter:
    if not toks:
        return Counter()
    if len(toks) < SHINGLE:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1))


def page_counts(truth: str, pred: str) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of one page."""
    t, p = shingles(tokens(truth)), shingles(tokens(pred))
    tp = sum(min(n, p[s]) for s, n in t.items() if s in p)
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def page_pr(tp: float, fp: float, fn: float) -> tuple[Optional[float], Optional[float]]:
    """Per-page (precision, recall); None where the page is left out of that mean."""
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp > 0 else None
    recall = tp / (tp + fn) if tp + fn > 0 else None
    return precision, recall


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def aggregate(prs: list[tuple[Optional[float], Optional[float]]], exact: list[bool]) -> dict:
    p = _mean([x for x, _ in prs if x is not None])
    r = _mean([y for _, y in prs if y is not None])
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return {"f1": f1, "precision": p, "recall": r, "accuracy": _mean([1.0 if e else 0.0 for e in exact])}


def score(truth: dict[str, str], pred: dict[str, str], ids: list[str]) -> dict:
    prs, exact = [], []
    for i in ids:
        prs.append(page_pr(*page_counts(truth[i], pred.get(i) or "")))
        exact.append(tokens(truth[i]) == tokens(pred.get(i) or ""))
    out = aggregate(prs, exact)
    rng = random.Random(0)
    samples = {k: [] for k in out}
    n = len(ids)
    for _ in range(BOOTSTRAP if n > 1 else 0):
        pick = [rng.randrange(n) for _ in range(n)]
        agg = aggregate([prs[j] for j in pick], [exact[j] for j in pick])
        for k, v in agg.items():
            samples[k].append(v)
    for k, vs in samples.items():
        m = _mean(vs)
        out[k + "_std"] = math.sqrt(_mean([(v - m) ** 2 for v in vs])) if vs else 0.0
    return out


# -- extractors ----------------------------------------------------------------------


def _ours() -> Callable[[str, str], str]:
    from extract.article import clean_html
    from extract.html import CleanError

    def run(html: str, url: str) -> str:
        try:
            return clean_html(html, url).text
        except CleanError:
            return ""

    return run


def _trafilatura(**options) -> Callable[[str, str], str]:
    import trafilatura

    def run(html: str, url: str) -> str:
        return trafilatura.extract(html, url=url, **options) or ""

    return run


def extractors() -> list[tuple[str, Callable[[str, str], str]]]:
    return [
        ("claims clean_html", _ours()),
        ("trafilatura (default)", _trafilatura()),
        ("trafilatura (favor_precision)", _trafilatura(favor_precision=True)),
        # the settings clean_html uses for its trafilatura step: shows what our own steps add
        ("trafilatura (fast, no comments)", _trafilatura(fast=True, include_comments=False)),
    ]


def run_one(fn: Callable[[str, str], str], ids: list[str], html: dict, urls: dict, repeat: int) -> tuple[dict, float]:
    """Predictions and the best-of-`repeat` wall time for the whole set."""
    fn(html[ids[0]], urls[ids[0]])  # warm-up: imports, compiled patterns, caches
    best = math.inf
    preds: dict[str, str] = {}
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        preds = {i: fn(html[i], urls[i]) for i in ids}
        best = min(best, time.perf_counter() - t0)
    return preds, best


def reference_rows(truth: dict[str, str], ids: list[str]) -> Iterable[dict]:
    """Scores of the upstream reference outputs: a check of this scorer."""
    for f in sorted((bench_dir() / "reference-outputs").glob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        data = data.get("output", data)
        pred = {i: (data.get(i) or {}).get("articleBody", "") for i in ids}
        yield {"name": f"reference {f.stem}", **score(truth, pred, ids), "pages_per_s": None, "time_ratio": None}


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages (by id)")
    ap.add_argument("--repeat", type=int, default=1, help="time each extractor N times, keep the best")
    ap.add_argument("--reference", action="store_true", help="also score shared reference outputs")
    args = ap.parse_args(argv)

    ids, html, truth, urls = load_pages(args.limit)
    rows = []
    for name, fn in extractors():
        preds, seconds = run_one(fn, ids, html, urls, args.repeat)
        rows.append({"name": name, **score(truth, preds, ids), "seconds": seconds, "pages_per_s": len(ids) / seconds})
    base = next(r for r in rows if r["name"] == "trafilatura (default)")
    for r in rows:
        r["time_ratio"] = r["seconds"] / base["seconds"]
    if args.reference:
        rows.extend(reference_rows(truth, ids))

    ours = rows[0]
    summary = {
        "pages": len(ids),
        "rows": rows,
        "f1_ours": ours["f1"],
        "f1_trafilatura": base["f1"],
        "time_ratio": ours["time_ratio"],
        "gate": {"f1_at_least_trafilatura": ours["f1"] >= base["f1"], "time_ratio_at_most_1_5": ours["time_ratio"] <= 1.5},
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"Article extraction, {len(ids)} pages ({bench_dir()})\n")
    print("| extractor | F1 | precision | recall | accuracy | pages/s | time ratio |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        speed = f"{r['pages_per_s']:.1f}" if r["pages_per_s"] else "-"
        ratio = f"{r['time_ratio']:.2f}" if r["time_ratio"] else "-"
        cells = [f"{r[k]:.3f} ± {r[k + '_std']:.3f}" for k in ("f1", "precision", "recall", "accuracy")]
        print(f"| {r['name']} | " + " | ".join(cells) + f" | {speed} | {ratio} |")
    print("\ntime ratio = seconds per page / trafilatura (default)'s, same run.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
