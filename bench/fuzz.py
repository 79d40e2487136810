"""Coverage-guided fuzzing (atheris) of the stages that take untrusted input.

    python bench/fuzz.py --seconds 60 [--target decode|text|html|quantities|all]

Each target gets the same bytes through the public function a batch calls on a
file: `decode_bytes` (bytes → text or ReadError), `clean_text`, `clean_html`
(→ Article or CleanError) and `find_quantities`. Expected rejections (ReadError,
CleanError) are fine; any other exception, or a result whose offsets do not slice
the text, is a crash. Crashing inputs are written to tests/fixtures/fuzz/ where
tests/test_fuzz_regressions.py replays them in CI, so a crasher stays fixed.

Runs in a child process per target so atheris' instrumentation and its exit on a
crash do not end the whole run; the time budget is split between targets.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CRASHERS = ROOT / "tests" / "fixtures" / "fuzz"
SEEDS = [ROOT / "corpus", ROOT / "tests" / "fixtures" / "html"]
TARGETS = ["decode", "text", "html", "quantities"]


def check_one(target: str, data: bytes) -> None:
    """Run one input through one target; raise on anything but an expected rejection."""
    from extract.article import clean_html, clean_text
    from extract.html import CleanError
    from extract.quantities import find_quantities
    from extract.read import ReadError, decode_bytes

    if target == "decode":
        try:
            decode_bytes(data)
        except ReadError:
            pass  # a rejection with a reason is the correct outcome for non-text bytes
        return
    text = data.decode("utf-8", errors="replace")
    if target == "text":
        art = clean_text(text)
        for s, e in art.regions:
            assert 0 <= s <= e <= len(art.text), (s, e)
    elif target == "html":
        try:
            art = clean_html(data)
        except CleanError:
            return  # "no article text found" and the like: reported, not a crash
        for s, e in art.regions:
            assert 0 <= s <= e <= len(art.text), (s, e)
    elif target == "quantities":
        for q in find_quantities(text):
            assert text[q.start:q.end] == q.surface, (q.start, q.end, q.surface)
    else:
        raise ValueError(target)


def _child(target: str, seconds: int, corpus_dir: Path) -> int:
    import atheris

    with atheris.instrument_imports():
        import extract.html  # noqa: F401
        import extract.quantities  # noqa: F401
        import extract.read  # noqa: F401
        import extract.textclean  # noqa: F401

    def one(data: bytes) -> None:
        try:
            check_one(target, data)
        except Exception:
            CRASHERS.mkdir(parents=True, exist_ok=True)
            name = f"{target}-{hashlib.sha1(data).hexdigest()[:12]}.bin"
            (CRASHERS / name).write_bytes(data)
            raise

    args = [sys.argv[0], str(corpus_dir), f"-max_total_time={seconds}", "-max_len=20000",
            "-rss_limit_mb=4096", "-timeout=20", "-print_final_stats=1"]
    atheris.Setup(args, one)
    atheris.Fuzz()
    return 0


def _seed_corpus(target: str, work: Path) -> Path:
    d = work / f"corpus-{target}"
    d.mkdir(parents=True, exist_ok=True)
    for src in SEEDS:
        for p in sorted(src.glob("*")):
            if p.is_file():
                data = p.read_bytes()[:20000]
                (d / hashlib.sha1(data).hexdigest()).write_bytes(data)
    return d


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=int, default=60, help="total time budget")
    ap.add_argument("--target", default="all", choices=[*TARGETS, "all"])
    ap.add_argument("--work", default=str(ROOT / "bench" / "out" / "fuzz"))
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        return _child(a.child, a.seconds, Path(a.work))
    targets = TARGETS if a.target == "all" else [a.target]
    each = max(5, a.seconds // len(targets))
    failed = []
    print("| target | seconds | result |\n| --- | --- | --- |")
    for t in targets:
        corpus_dir = _seed_corpus(t, Path(a.work))
        proc = subprocess.run([sys.executable, __file__, "--child", t, "--seconds", str(each), "--work", str(corpus_dir)],
                              capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        stats = [ln for ln in proc.stderr.splitlines() if ln.startswith(("stat::number_of_executed_units", "Done "))]
        result = "no crash" if proc.returncode == 0 else f"CRASH (exit {proc.returncode}), input saved under {CRASHERS}"
        runs = stats[-1].split(":")[-1].strip() if stats else "?"
        print(f"| {t} | {each} | {result}; {runs} runs |")
        if proc.returncode != 0:
            failed.append(t)
            sys.stderr.write(proc.stderr[-3000:])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
