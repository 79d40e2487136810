"""How fast the review app answers on a large database (a benchmark, not a test).

Builds a database of synthetic but realistic claims through the store API (articles of
press-style sentences, each claim pointing at its figure in the text: companies, metrics,
periods, currencies and percentages, hedges and ranges, credited sources), reconciles it
as `claims run` does, records verdicts on a share of the conflicts, then serves the app
with `claims review` (waitress) on 127.0.0.1 and times the conflicts queue and the claims browser over
HTTP, each page a number of times (median, 95th percentile, worst).

Usage:  python bench/review_speed.py [--claims 100000] [--db FILE] [--repeat 15] [--json]

--db keeps the database (built only when the file does not exist yet).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.records import Article, Claim, Source  # noqa: E402
from claims.reconcile import reconcile  # noqa: E402
from claims.store import ClaimStore  # noqa: E402

TARGET_MS = 200.0
CLAIMS_PER_ARTICLE = 25

SECTORS = ["Semiconductors", "Cloud", "Retail", "Energy", "Telecom", "Pharma", "Banking", "Autos", "Media", "Airlines"]
STEMS = ["Acme", "Borealis", "Cobalt", "Dynamo", "Evergreen", "Fulcrum", "Granite", "Helix", "Ionic", "Juniper",
         "Keystone", "Lumen", "Meridian", "Northwind", "Orion", "Pinnacle", "Quasar", "Redwood", "Summit", "Tidal",
         "Umbra", "Vertex", "Westbrook", "Xenon", "Yarrow", "Zenith", "Alphabet", "Amazon", "Microsoft", "Meta",
         "Oracle", "Nvidia"]  # fmt: skip
METRICS = [
    ("revenue", "revenue", "USD"), ("capex", "capital expenditure", "USD"), ("net income", "net income", "USD"),
    ("operating income", "operating income", "USD"), ("cloud revenue", "cloud revenue", "USD"),
    ("gross margin", "gross margin", "percent"), ("revenue growth", "revenue growth", "percent"),
    ("headcount", "headcount", "count"),
]  # fmt: skip
PERIODS = [str(y) for y in range(2019, 2027)] + [f"{y}-Q{q}" for y in (2024, 2025, 2026) for q in (1, 2, 3, 4)]
SOURCES = [None, None, None, "Bloomberg", "Reuters", "the company", "analysts at Morgan Stanley", "IDC", "Gartner"]
PUBLISHERS = ["The Daily Ledger", "Market Wire", "Tech Courier", "Finance Post", "The Analyst"]
VERBS = ["reported", "said", "put", "estimated", "disclosed", "guided"]
HEDGES = [("", "exact"), ("about ", "approximately"), ("more than ", "more than"), ("up to ", "up to")]


def subjects(n: int = 320) -> list[str]:
    out = list(STEMS)
    i = 0
    while len(out) < n:
        out.append(f"{STEMS[i % len(STEMS)]} {SECTORS[i // len(STEMS) % len(SECTORS)]}")
        i += 1
    return out


def figure(rng: random.Random, unit: str, base: float) -> tuple[str, dict]:
    """A surface as a journalist would write it, and its parsed fields."""
    if unit == "USD":
        billions = base * rng.choice([1, 1, 1, 1.1, 0.9, 1.25])
        if rng.random() < 0.15:
            lo = round(billions, 0)
            hi = lo + rng.choice([5, 10, 20])
            return f"${lo:g}-{hi:g} billion", {"low": lo * 1e9, "high": hi * 1e9}
        v = round(billions, 1)
        return f"${v:g} billion", {"value": v * 1e9}
    if unit == "percent":
        v = round(base * rng.choice([1, 1, 1, 1.2, 0.8]), 1)
        return f"{v:g}%", {"value": v}
    v = int(base * rng.choice([1, 1, 1.05, 0.95]))
    return f"{v:,} employees", {"value": float(v)}


def article(rng: random.Random, n: int, names: list[str], bases: dict) -> tuple[Source, Article, list[Claim]]:
    doc = f"synthetic/{n:06d}.txt"
    title = f"{rng.choice(names)} and {rng.choice(names)}: what the numbers say"
    parts, claims, at = [title + "\n"], [], len(title) + 1
    for i in range(CLAIMS_PER_ARTICLE):
        subject = rng.choice(names[:120]) if rng.random() < 0.7 else rng.choice(names)
        metric, words, unit = rng.choice(METRICS)
        period = rng.choice(PERIODS)
        hedge_words, approx = rng.choice(HEDGES) if rng.random() < 0.3 else HEDGES[0]
        surface, fields = figure(rng, unit, bases[(subject, metric)])
        source = rng.choice(SOURCES)
        lead = f"{subject} {rng.choice(VERBS)} {period} {words} of {hedge_words}"
        tail = f", according to {source}." if source else "."
        sentence = lead + surface + tail
        start = at + len(lead)
        claims.append(
            Claim(
                doc=doc, start=start, end=start + len(surface), surface=surface, quote=sentence, unit=unit,
                approx=approx, subject=subject, metric=metric, period=period, source=source,
                kind=rng.choice(["fact", "fact", "estimate", "forecast"]), **fields,
            )
        )  # fmt: skip
        sep = "\n" if i % 4 == 3 else " "
        parts.append(sentence + sep)
        at += len(sentence) + len(sep)
    text = "".join(parts)
    raw = text.encode("utf-8")
    source = Source(doc=doc, raw=raw, media_type="text/plain", text=text, encoding="utf-8")
    art = Article(text=text, regions=[(0, len(text))], title=title, publisher=rng.choice(PUBLISHERS),
                  date=f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")  # fmt: skip
    return source, art, claims


def build(db: Path, n_claims: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    names = subjects()
    bases = {}
    for s in names:
        for metric, _, unit in METRICS:
            bases[(s, metric)] = {"USD": rng.uniform(1, 200), "percent": rng.uniform(2, 60), "count": rng.uniform(1e3, 2e5)}[unit]
    t0 = time.perf_counter()
    with ClaimStore(db) as store:
        for n in range(n_claims // CLAIMS_PER_ARTICLE):
            store.add_document(*article(rng, n, names, bases))
        t1 = time.perf_counter()
        found = reconcile(store.all_claims())
        store.replace_conflicts(found.conflicts)
        store.replace_corroborations(found.corroborations)
        t2 = time.perf_counter()
        # Editors have been at work: verdicts on one conflict in ten, some revised.
        entries, _ = store.conflict_queue(limit=None)
        statuses = ["confirmed", "a_wrong", "b_wrong", "needs_research", "not_comparable"]
        for e in rng.sample(entries, len(entries) // 10):
            for _ in range(rng.choice([1, 1, 2])):
                status = rng.choice(statuses)
                store.add_review(e.conflict.a.id, e.conflict.b.id, status, reviewer=rng.choice(["ana", "ben", "chen"]),
                                 reason="different scope" if status == "not_comparable" else None)  # fmt: skip
        t3 = time.perf_counter()
        counts = store.counts()
        counts["reviews"] = store.review_count()
    return {"counts": counts, "store_s": round(t1 - t0, 1), "reconcile_s": round(t2 - t1, 1), "reviews_s": round(t3 - t2, 1)}


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    """`claims review` on a free port of 127.0.0.1, once it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "claims", "review", "--db", str(db), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/login", timeout=5):
                return server, base
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.2)


def time_pages(db: Path, repeat: int) -> list[dict]:
    server, base = serve(db)
    with ClaimStore(db) as store:
        busiest = store.db.execute(
            "SELECT subject FROM claims GROUP BY subject ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        conflicted = store.conflict_queue(limit=1)[0][0].conflict.a.subject
        claims_total = store.counts()["claims"]
        last_claims_page = (claims_total + 49) // 50
        last_queue_page = (store.counts()["conflicts"] + 49) // 50
        top = store.conflict_queue(limit=1)[0][0].conflict
        a_conflict = f"/conflict/{top.a.id}-{top.b.id}"
        a_document = f"/document/{top.a.document_id}"
        a_fact = f"/fact/{store.db.execute('SELECT claim_id FROM corroboration_claims LIMIT 1').fetchone()[0]}"
    pages = [
        ("queue", "/"),
        ("queue, open", "/?status=open"),
        ("queue, confirmed", "/?status=confirmed"),
        ("queue, by subject", f"/?subject={urllib.request.quote(conflicted)}"),
        ("queue, by metric", "/?metric=revenue"),
        ("queue, open + subject + metric", f"/?status=open&subject={urllib.request.quote(conflicted)}&metric=capex"),
        ("queue, last page", f"/?page={last_queue_page}"),
        ("queue JSON", "/?format=json"),
        ("claims", "/claims"),
        ("claims, by subject", f"/claims?subject={urllib.request.quote(busiest)}"),
        ("claims, metric + period", "/claims?metric=capex&period=2026"),
        ("claims, by source", "/claims?source=Bloomberg"),
        ("claims, full text", "/claims?q=capital+expenditure"),
        ("claims, full text + subject", f"/claims?q=according+Reuters&subject={urllib.request.quote(busiest)}"),
        ("claims, last page", f"/claims?page={last_claims_page}"),
        ("claims JSON", "/claims?format=json"),
        # Not in the target, shown for scale:
        ("(other) a conflict", a_conflict),
        ("(other) a document", a_document),
        ("(other) a fact", a_fact),
        ("(other) facts", "/facts"),
        ("(other) audit log", "/audit"),
    ]
    results = []
    try:
        for name, path in pages:
            times = []
            for i in range(repeat + 1):
                t0 = time.perf_counter()
                with urllib.request.urlopen(base + path, timeout=60) as resp:
                    body = resp.read()
                    assert resp.status == 200, path
                if i:  # the first request warms the connection and caches
                    times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            results.append({
                "page": name, "path": path, "bytes": len(body),
                "median_ms": round(statistics.median(times), 1),
                "p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1),
                "max_ms": round(times[-1], 1),
            })  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=10)
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--db", help="keep the database here (built only if missing)")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "speed.db"
        built = None
        if not db.exists():
            built = build(db, args.claims)
        with ClaimStore(db) as store:
            counts = store.counts()
            counts["reviews"] = store.review_count()
        results = time_pages(db, args.repeat)
    slow = [r for r in results if r["p95_ms"] > TARGET_MS and not r["page"].startswith("(other)")]
    if args.json:
        print(json.dumps({"counts": counts, "build": built, "pages": results, "target_ms": TARGET_MS}, indent=2))
    else:
        if built:
            print(f"built in {built['store_s']}s (store) + {built['reconcile_s']}s (reconcile) + {built['reviews_s']}s (verdicts)")
        print(", ".join(f"{v:,} {k}" for k, v in counts.items()))
        print(f"{'page':34} {'median':>8} {'p95':>8} {'max':>8}  (ms, {args.repeat} requests each, HTTP on 127.0.0.1)")
        for r in results:
            print(f"{r['page']:34} {r['median_ms']:8.1f} {r['p95_ms']:8.1f} {r['max_ms']:8.1f}")
        print(f"target: queue and claims pages under {TARGET_MS:.0f} ms at p95 — {'met' if not slow else 'MISSED: ' + ', '.join(r['page'] for r in slow)}")


if __name__ == "__main__":
    main()
