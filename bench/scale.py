"""Is framing linear in sentence length? `claims extract` timed on text without full stops.

    python bench/scale.py                      # 10k, 50k and 500k characters
    python bench/scale.py 10000 50000          # other sizes
    python bench/scale.py --cap 600 ...        # give up a size after 600 s
    python bench/scale.py --profile 50000      # cProfile of extraction in one process
    python bench/scale.py --figures-only       # only the news sentences with a digit
    python bench/scale.py --densest            # a claim every 31 characters, extraction alone
    python bench/scale.py --write FILE 50000   # only write the text of that size

The text is real news sentences (the 40-article news set, ../shared/gold/news/articles)
run together: each sentence's closing full stop taken off, every full stop and line
break inside one made a space, then all joined with commas and, every seventh, a
semicolon, with one full stop at the very end. One paragraph, one sentence as
written, every figure in real company.

Each size runs the whole command (`claims extract FILE`, a fresh process, the model
load included) and prints its seconds, wall clock and CPU, per 10k characters: linear
means that figure stays about the same from size to size, whatever the model load
adds to the smallest. The verdict reads CPU time, which other people's load on a
shared machine leaves alone.
Before the issue-18 work framing read every entity of the paragraph for each figure:
bench/long_sentences.py's phrase (a claim every 31 characters) took 9.9 s at 10k and
142 s at 50k characters on a loaded machine.
Timed thresholds live here, never in tests.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# Acceptance (issue 18): the time per 10k characters of the largest size at most this
# many times that of the middle one (the smallest carries the model load).
MAX_RATE_GROWTH = 1.5


def shared_dir() -> Path:
    env = os.environ.get("CLAIMS_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def news_sentences(figures_only: bool = False) -> list[str]:
    """Every sentence of the news set (or every one with a digit in it), without its
    full stop or any line break."""
    folder = shared_dir() / "gold" / "news" / "articles"
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"news articles not found in {folder} (set CLAIMS_SHARED)")
    out = []
    for f in files:
        for para in f.read_text(encoding="utf-8").split("\n"):
            for sent in re.split(r"(?<=[.!?])\s+", para.strip()):
                sent = re.sub(r"\b([A-Z])\.", r"\1", sent)  # "U.S." -> "US"
                sent = re.sub(r"\.(?!\d)", " ", sent).rstrip(" !?")
                sent = re.sub(r"\s+", " ", sent).strip()
                if len(sent) > 20 and (not figures_only or re.search(r"\d", sent)):
                    out.append(sent)
    return out


def text_without_stops(chars: int, figures_only: bool = False) -> str:
    """`chars` characters of news sentences run together (see the module's docstring)."""
    sents = news_sentences(figures_only)
    parts, n, i = [], 0, 0
    while n < chars:
        sep = "; " if i % 7 == 6 else ", "
        s = sents[i % len(sents)]
        parts.append(s + sep)
        n += len(s) + len(sep)
        i += 1
    # one full stop, at the very end: a line that ends as no sentence does and names
    # "1,500 followers" is a page's widget to the text cleaner, not its article
    return "".join(parts)[:chars - 2].rstrip(",; ") + ".\n"


def _cpu_of_children() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def time_extract(path: Path, cap: int) -> tuple[float, float, int]:
    """Seconds of `claims extract PATH` (whole process), wall clock and CPU, and the
    claims it printed. CPU time is what a shared machine's load leaves alone."""
    cmd = [sys.executable, "-m", "claims", "extract", str(path)]
    t0, cpu0 = time.perf_counter(), _cpu_of_children()
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=cap or None)
    took, cpu = time.perf_counter() - t0, _cpu_of_children() - cpu0
    if done.returncode != 0:
        raise SystemExit(f"claims extract failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return took, cpu, sum(1 for line in done.stdout.splitlines() if line.strip())


def _article(text: str):
    from extract.records import Article

    return Article(text=text, regions=[(0, len(text))])


def densest_text(chars: int) -> str:
    """bench/long_sentences.py's phrase over and over: a claim every 31 characters."""
    from bench.long_sentences import text_without_stops as phrase_text

    return phrase_text(chars)


def in_process(sizes: list[int]) -> None:
    """Extraction alone of the densest text, in one process (the model loaded and warmed
    first), in CPU seconds per 10k characters."""
    from extract.pipeline import extract_claims, load_nlp

    nlp = load_nlp()
    extract_claims(_article(densest_text(2000)), "warm", nlp)
    for size in sizes:
        t0, cpu0 = time.perf_counter(), time.process_time()
        claims = extract_claims(_article(densest_text(size)), f"{size}", nlp)
        took, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        print(f"{size:>9,} chars  {len(claims):>6} claims  {took:8.1f} s  CPU {cpu:8.1f} s "
              f"({cpu / size * 10_000:6.2f} s per 10k chars)", flush=True)


def profile(chars: int) -> None:
    """cProfile of one in-process extraction (the model loaded and warmed first)."""
    import cProfile
    import pstats
    from extract.pipeline import extract_claims, load_nlp

    nlp = load_nlp()
    extract_claims(_article(text_without_stops(2000)), "warm", nlp)
    text = text_without_stops(chars)
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    claims = extract_claims(_article(text), "profile", nlp)
    prof.disable()
    print(f"{chars:,} chars  {len(claims)} claims  {time.perf_counter() - t0:.1f} s (profiled)")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
    pstats.Stats(prof).sort_stats("tottime").print_stats(25)


def main(sizes: list[int], cap: int, figures_only: bool = False) -> int:
    rates = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"run_on_{size}.txt"
            path.write_text(text_without_stops(size, figures_only), encoding="utf-8")
            try:
                took, cpu, claims = time_extract(path, cap)
            except subprocess.TimeoutExpired:
                print(f"{size:>9,} chars  over the cap of {cap} s", flush=True)
                return 1
            rates.append(cpu / size * 10_000)
            print(f"{size:>9,} chars  {claims:>6} claims  {took:8.1f} s ({took / size * 10_000:6.2f} s per 10k chars)"
                  f"  CPU {cpu:8.1f} s ({rates[-1]:6.2f} s per 10k chars)", flush=True)
    if len(rates) >= 3:
        growth = rates[-1] / rates[-2]
        verdict = "linear" if growth <= MAX_RATE_GROWTH else "NOT linear"
        print(f"CPU time per character, largest / middle size: {growth:.2f} (at most {MAX_RATE_GROWTH}): {verdict}")
        return 0 if growth <= MAX_RATE_GROWTH else 1
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 50_000, 500_000])
    parser.add_argument("--cap", type=int, default=0, help="seconds allowed per size (0: no cap)")
    parser.add_argument("--profile", action="store_true", help="cProfile one in-process run of each size")
    parser.add_argument("--figures-only", action="store_true",
                        help="only the sentences with a digit in them: about three times the figures per character")
    parser.add_argument("--densest", action="store_true",
                        help="bench/long_sentences.py's phrase (a claim every 31 characters), extraction alone in "
                             "one process, CPU seconds")
    parser.add_argument("--write", type=Path, help="write the text of the (one) size to this file and stop")
    args = parser.parse_args()
    if args.write:
        args.write.write_text(text_without_stops(args.sizes[0], args.figures_only), encoding="utf-8")
    elif args.densest:
        in_process(args.sizes)
    elif args.profile:
        for s in args.sizes:
            profile(s)
    else:
        sys.exit(main(args.sizes, args.cap, args.figures_only))
