"""Conflict benchmark, end to end: the seed corpus, the news set and the stress set.

Three sets, each run through the real command line (`claims run DIR --db TMP`, `claims
query`, `claims conflicts`) and scored against its listed pairs:

- `seeds`: corpus/ against ../shared/gold/contradictions.jsonl (pairs of gold mentions
  of ../shared/gold/claims.jsonl);
- `news`: ../shared/gold/news/articles against ../shared/gold/news/contradictions.jsonl
  (pairs between articles that cover one story);
- `stress`: the multi-source stress set in tests/fixtures/conflicts/: short articles in
  wire, broadcast, trade-press, local and aggregator style telling the same figures from
  different angles (a range and a point inside it, rounded values, hedges, fiscal vs
  calendar periods, growth vs level, a part vs its whole, expectations vs the reported
  figure, revised tolls and counts, two currencies, restatements inside one article).
  `expected.json` there lists the figures and the verdict of each cross-document pair.

Per set, and pooled over the three (`all.*`):

- contradiction recall / precision of what `claims conflicts` prints by default (the
  confident `contradiction` tier): flagged pairs against the listed contradictions (a
  restatement listed with `same_as` counts as the figure it restates); precision counts
  every flagged pair, listed or not, so an unlisted pair lowers it;
- `with_possible.*`: the same with the `possible` tier (`claims conflicts --tier all`)
  counted as flagged too: what a reviewer working through the whole queue sees;
- false alarms: flagged pairs the list says are consistent / different-period /
  different-metric; unlisted: flagged pairs not in the list;
- consistent recognised: the share of listed consistent pairs the reconciler found to
  agree (a corroboration). Pairs listed with `compared: false` are left out;
- fields (stress only): the share of listed figures whose subject, metric and period
  (as the reconciler normalises them), kind and unit are as expected.

`--oracle-fields` also scores reconciliation alone on the stress set: every listed
figure's subject, metric, period and kind are set as expected and the claims reconciled
again, so the figures show what the reconciler makes of the set once framing is right.

Usage:  python bench/conflicts.py [--json] [--verbose] [--oracle-fields]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

STRESS = REPO / "tests" / "fixtures" / "conflicts"
SEED_CORPUS = REPO / "corpus"
CLI_TIMEOUT = 600


def shared_dir() -> Path:
    env = os.environ.get("CLAIMS_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def load_expected(folder: Path = STRESS) -> dict:
    return json.loads((folder / "expected.json").read_text("utf-8"))


def doc_file(folder: Path, prefix: str) -> Path:
    [path] = sorted(folder.glob(f"{prefix}_*.txt"))
    return path


def expected_span(folder: Path, spec: dict) -> tuple[str, int, int]:
    """(file name, start, end) of the spec's surface: its nth occurrence in the file."""
    path = doc_file(folder, spec["doc"])
    text = path.read_text("utf-8")
    at = -1
    for _ in range(spec.get("nth", 1)):
        at = text.find(spec["surface"], at + 1)
        if at < 0:
            raise ValueError(f"{path.name}: {spec['surface']!r} not found (nth={spec.get('nth', 1)})")
    return path.name, at, at + len(spec["surface"])


def claim_id_for(record: dict, spans: dict[str, tuple[str, int, int]]) -> Optional[str]:
    """The listed figure whose span overlaps the record's span most (same file)."""
    name = Path(str(record.get("doc", ""))).name
    best, best_overlap = None, 0
    for cid, (doc, start, end) in spans.items():
        if doc != name:
            continue
        overlap = min(end, record["end"]) - max(start, record["start"])
        if overlap > best_overlap:
            best, best_overlap = cid, overlap
    return best


def canonical(cid: str, claims: dict) -> str:
    seen = set()
    while claims[cid].get("same_as") and cid not in seen:
        seen.add(cid)
        cid = claims[cid]["same_as"]
    return cid


def pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def listed_verdicts(expected: dict) -> dict[tuple[str, str], str]:
    claims = expected["claims"]
    out: dict[tuple[str, str], str] = {}
    for p in expected["pairs"]:
        key = pair_key(canonical(p["a"], claims), canonical(p["b"], claims))
        if out.get(key) != "contradiction":
            out[key] = p["verdict"]
    return out


def compared_fields(record: dict) -> dict:
    """The record's subject, metric and period as the reconciler compares them."""
    from extract.records import Claim
    from claims.reconcile import normalised_fields

    claim = Claim(**{k: v for k, v in record.items() if k in Claim.model_fields})
    subject, metric, period = normalised_fields(claim)
    return {"subject": subject, "metric": metric, "period": period, "kind": record.get("kind"), "unit": record.get("unit")}


FIELDS = ("subject", "metric", "period", "kind", "unit")


def field_mismatches(spec: dict, record: Optional[dict]) -> dict[str, tuple]:
    """field -> (expected, got), for every field the spec names that the record gets
    wrong; both sides normalised alike (Microsoft's FY2026-Q1 is 2025-Q3 either way)."""
    if record is None:
        return {"found": (True, False)}
    got = compared_fields(record)
    want = compared_fields({**record, **{f: spec[f] for f in FIELDS if f in spec}})
    out = {}
    for f in FIELDS:
        if f in spec and (want[f] or "").lower() != (got[f] or "").lower():
            out[f] = (want[f], got[f])
    return out


@dataclass
class StressRun:
    claims: list[dict]
    conflicts: list[dict]
    corroborations: list[list[dict]] = field(default_factory=list)  # each: agreeing claims of 2+ documents
    possible: list[dict] = field(default_factory=list)  # the `possible` tier (`claims conflicts --tier possible`)
    published: dict[str, Optional[str]] = field(default_factory=dict)  # doc -> publication date (ISO), if known


def run_pipeline(folder: Path = STRESS, python: str = sys.executable, tiers: bool = True) -> StressRun:
    """`claims run` over the folder into a fresh database, then read claims and conflicts back."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "stress.db")

        def cli(*args: str) -> str:
            proc = subprocess.run([python, "-m", "claims", *args], capture_output=True, text=True, cwd=REPO,
                                  timeout=CLI_TIMEOUT)
            if proc.returncode != 0:
                raise RuntimeError(f"claims {' '.join(args)} exited {proc.returncode}: {proc.stderr}")
            return proc.stdout

        cli("run", str(folder), "--db", db)
        claims = [json.loads(line) for line in cli("query", "--db", db, "--format", "jsonl").splitlines() if line]
        conflicts = [json.loads(line) for line in cli("conflicts", "--db", db, "--format", "jsonl").splitlines()
                     if line]
        corroborations = stored_corroborations(db)
        published = stored_dates(db)
        possible = [json.loads(line) for line in
                    cli("conflicts", "--db", db, "--format", "jsonl", "--tier", "possible").splitlines()
                    if line] if tiers else []
    return StressRun(claims, conflicts, corroborations, possible, published)


def stored_corroborations(db: str) -> list[list[dict]]:
    """The corroborated figures the database holds (the command line prints them only as a table)."""
    from claims.store import ClaimStore

    with ClaimStore(db) as store:
        return [[c.contract_dict() for c in group] for group in store.corroborations()]


def stored_dates(db: str) -> dict[str, Optional[str]]:
    """Each document's publication date as the database holds it (ISO), None if unknown."""
    from claims.store import ClaimStore

    with ClaimStore(db) as store:
        return {d.doc: d.published.isoformat() if d.published else None for d in store.documents()}


@dataclass
class StressScore:
    contradictions: set[tuple[str, str]]
    flagged: set[tuple[str, str]]
    false_alarms: list[tuple[tuple[str, str], str]]
    unlisted: list[tuple[str, str]]
    unmapped: list[dict]
    records: dict[str, Optional[dict]]  # listed figure -> its extracted claim (None: not extracted)
    wrong_fields: dict[str, dict[str, tuple]] = field(default_factory=dict)
    corroborated: set[tuple[str, str]] = field(default_factory=set)  # listed pairs found agreeing
    consistent: set[tuple[str, str]] = field(default_factory=set)

    @property
    def consistent_recognised(self) -> float:
        """Share of the listed consistent pairs the reconciler found to agree."""
        return len(self.consistent & self.corroborated) / len(self.consistent) if self.consistent else 1.0

    @property
    def found(self) -> set[tuple[str, str]]:
        return self.flagged & self.contradictions

    @property
    def recall(self) -> float:
        return len(self.found) / len(self.contradictions) if self.contradictions else 1.0

    @property
    def precision(self) -> float:
        n = len(self.flagged) + len(self.unmapped)
        return len(self.found) / n if n else 1.0

    @property
    def fields_right(self) -> float:
        return 1 - len(self.wrong_fields) / len(self.records) if self.records else 1.0


@dataclass
class GoldSet:
    """A set's listed figures (id -> file name, start, end), restatements and pair verdicts."""

    name: str
    folder: Path
    spans: dict[str, tuple[str, int, int]]
    same_as: dict[str, Optional[str]]
    pairs: list[dict]

    def canonical(self, cid: str) -> str:
        seen = set()
        while self.same_as.get(cid) and cid not in seen:
            seen.add(cid)
            cid = self.same_as[cid]
        return cid

    def key(self, a: str, b: str) -> tuple[str, str]:
        return pair_key(self.canonical(a), self.canonical(b))

    def verdicts(self) -> dict[tuple[str, str], str]:
        out: dict[tuple[str, str], str] = {}
        for p in self.pairs:
            k = self.key(p["a"], p["b"])
            if out.get(k) != "contradiction":
                out[k] = p["verdict"]
        return out


def stress_gold(expected: dict, folder: Path = STRESS) -> GoldSet:
    specs = expected["claims"]
    return GoldSet("stress", folder, {cid: expected_span(folder, spec) for cid, spec in specs.items()},
                   {cid: spec.get("same_as") for cid, spec in specs.items()}, expected["pairs"])


def jsonl_gold(name: str, folder: Path, claims_file: Path, pairs_file: Path) -> GoldSet:
    """A gold set kept as JSONL: mentions with doc (file name), start, end, id, same_as; pairs a, b, verdict."""
    def rows(path: Path) -> list[dict]:
        return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]

    mentions = rows(claims_file)
    return GoldSet(name, folder, {m["id"]: (m["doc"], m["start"], m["end"]) for m in mentions},
                   {m["id"]: m.get("same_as") for m in mentions}, rows(pairs_file))


def seed_gold() -> GoldSet:
    gold = shared_dir() / "gold"
    return jsonl_gold("seeds", SEED_CORPUS, gold / "claims.jsonl", gold / "contradictions.jsonl")


def news_gold() -> GoldSet:
    news = shared_dir() / "gold" / "news"
    return jsonl_gold("news", news / "articles", news / "claims.jsonl", news / "contradictions.jsonl")


def score_gold(run: StressRun, gold: GoldSet, with_possible: bool = False) -> StressScore:
    """The run's flagged pairs and corroborations against the set's listed pairs."""
    spans = gold.spans
    records: dict[str, Optional[dict]] = {cid: None for cid in spans}
    for rec in run.claims:
        cid = claim_id_for(rec, spans)
        if cid is not None and records[cid] is None:
            records[cid] = rec
    verdicts = gold.verdicts()
    flagged, unmapped = set(), []
    for c in run.conflicts + (run.possible if with_possible else []):
        ia, ib = claim_id_for(c["a"], spans), claim_id_for(c["b"], spans)
        if ia is None or ib is None:
            unmapped.append(c)
            continue
        flagged.add(gold.key(ia, ib))
    contradictions = {k for k, v in verdicts.items() if v == "contradiction"}
    false_alarms = sorted((k, verdicts[k]) for k in flagged if k in verdicts and verdicts[k] != "contradiction")
    unlisted = sorted(k for k in flagged if k not in verdicts)
    corroborated = set()
    for group in run.corroborations:
        ids = {gold.canonical(cid) for rec in group if (cid := claim_id_for(rec, spans))}
        corroborated |= {pair_key(a, b) for a in ids for b in ids if a != b}
    consistent = {gold.key(p["a"], p["b"]) for p in gold.pairs
                  if p["verdict"] == "consistent" and p.get("compared", True)}
    return StressScore(contradictions, flagged, false_alarms, unlisted, unmapped, records, {}, corroborated,
                       consistent)


def score(run: StressRun, expected: dict, folder: Path = STRESS, with_possible: bool = False) -> StressScore:
    """The stress set's score, with each listed figure's fields checked too."""
    specs = expected["claims"]
    sc = score_gold(run, stress_gold(expected, folder), with_possible)
    sc.wrong_fields = {cid: bad for cid in specs if (bad := field_mismatches(specs[cid], sc.records[cid]))}
    return sc


def pooled(scores: list[StressScore]) -> StressScore:
    """Several sets' scores as one (pairs are told apart by their set)."""
    def tag(i: int, pairs) -> set:
        return {(i, k) for k in pairs}

    out = StressScore(set(), set(), [], [], [], {})
    for i, sc in enumerate(scores):
        out.contradictions |= tag(i, sc.contradictions)
        out.flagged |= tag(i, sc.flagged)
        out.false_alarms += [((i, k), v) for k, v in sc.false_alarms]
        out.unlisted += [(i, k) for k in sc.unlisted]
        out.unmapped += sc.unmapped
        out.corroborated |= tag(i, sc.corroborated)
        out.consistent |= tag(i, sc.consistent)
    return out


def with_expected_fields(run: StressRun, expected: dict, folder: Path = STRESS) -> StressRun:
    """The run with each listed figure's subject, metric, period and kind set as the
    list expects, reconciled again in process: what reconciliation makes of the set
    when framing is right (`--oracle-fields`)."""
    from extract.records import StoredClaim
    from claims.reconcile import reconcile

    specs = expected["claims"]
    spans = {cid: expected_span(folder, spec) for cid, spec in specs.items()}
    docs = {name: i for i, name in enumerate(sorted({r["doc"] for r in run.claims}), 1)}
    stored = []
    for i, rec in enumerate(run.claims, 1):
        cid = claim_id_for(rec, spans)
        fix = {f: specs[cid][f] for f in ("subject", "metric", "period", "kind") if cid and f in specs[cid]}
        fields = {k: v for k, v in rec.items() if k in StoredClaim.model_fields}
        stored.append(StoredClaim(**{**fields, **fix, "id": i, "document_id": docs[rec["doc"]]}))
    by_id = {c.id: c for c in stored}
    published = {docs[doc]: dt.date.fromisoformat(day) for doc, day in run.published.items() if day and doc in docs}
    result = reconcile(stored, published)
    conflicts = [{"a": by_id[v.a.id].model_dump(mode="json"), "b": by_id[v.b.id].model_dump(mode="json"),
                  "verdict": "contradiction", "why": v.why, "score": v.score} for v in result.conflicts]
    groups = [[by_id[i].model_dump(mode="json") for i in group] for group in result.corroborations]
    return StressRun([c.model_dump(mode="json") for c in stored], conflicts, groups, [], run.published)


def figures_of(sc: StressScore, prefix: str, fields: bool = True) -> dict:
    out = {
        f"{prefix}.contradictions": len(sc.contradictions),
        f"{prefix}.contradiction_recall": round(sc.recall, 3),
        f"{prefix}.contradiction_precision": round(sc.precision, 3),
        f"{prefix}.false_alarms": len(sc.false_alarms),
        f"{prefix}.unlisted": len(sc.unlisted) + len(sc.unmapped),
        f"{prefix}.consistent_recognised": round(sc.consistent_recognised, 3),
    }
    if fields:
        out[f"{prefix}.fields_right"] = round(sc.fields_right, 3)
    return out


def possible_figures(sc: StressScore, prefix: str) -> dict:
    return {
        f"{prefix}.with_possible.contradiction_recall": round(sc.recall, 3),
        f"{prefix}.with_possible.contradiction_precision": round(sc.precision, 3),
        f"{prefix}.with_possible.false_alarms": len(sc.false_alarms),
        f"{prefix}.with_possible.unlisted": len(sc.unlisted) + len(sc.unmapped),
    }


def print_details(sc: StressScore, title: str) -> None:
    print(f"\n{title}")
    for k in sorted(sc.contradictions - sc.flagged):
        print(f"  missed contradiction: {k[0]} vs {k[1]}")
    for k, v in sc.false_alarms:
        print(f"  false alarm ({v}): {k[0]} vs {k[1]}")
    for k in sorted(sc.consistent - sc.corroborated):
        print(f"  consistent, not recognised as agreeing: {k[0]} vs {k[1]}")
    for k in sc.unlisted:
        print(f"  unlisted: {k[0]} vs {k[1]}")
    for c in sc.unmapped:
        print(f"  unmapped: {c['a']['surface']!r} vs {c['b']['surface']!r}")
    for cid, bad in sc.wrong_fields.items():
        print(f"  fields {cid}: " + "; ".join(f"{f}: want {w!r}, got {g!r}" for f, (w, g) in bad.items()))


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--verbose", action="store_true", help="list misses, false alarms and wrong fields")
    ap.add_argument("--oracle-fields", action="store_true",
                    help="also score reconciliation with every listed figure's fields set as expected")
    ap.add_argument("--sets", default="seeds,news,stress", help="comma-separated: seeds, news, stress")
    ap.add_argument("--no-tiers", action="store_true",
                    help="only the default output (for a build whose `claims conflicts` has no --tier)")
    args = ap.parse_args(argv)
    expected = load_expected()
    golds = {"seeds": seed_gold, "news": news_gold, "stress": lambda: stress_gold(expected)}
    confident: dict[str, StressScore] = {}
    loose: dict[str, StressScore] = {}
    figures: dict = {}
    oracle = None
    for name in args.sets.split(","):
        gold = golds[name]()
        run = run_pipeline(gold.folder, tiers=not args.no_tiers)
        if name == "stress":
            confident[name], loose[name] = score(run, expected), score(run, expected, with_possible=True)
            if args.oracle_fields:
                oracle = score(with_expected_fields(run, expected), expected)
        else:
            confident[name], loose[name] = score_gold(run, gold), score_gold(run, gold, with_possible=True)
    for name in confident:
        figures.update(figures_of(confident[name], name, fields=name == "stress"))
        figures.update(possible_figures(loose[name], name))
    if len(confident) > 1:
        figures.update(figures_of(pooled(list(confident.values())), "all", fields=False))
        figures.update(possible_figures(pooled(list(loose.values())), "all"))
    if oracle is not None:
        figures.update(figures_of(oracle, "stress.oracle"))
    if args.json:
        print(json.dumps(figures))
    else:
        print("| figure | value |\n| --- | --- |")
        for k, v in figures.items():
            print(f"| {k} | {v} |")
    if args.verbose:
        for name, sc in confident.items():
            print_details(sc, name)
            print_details(loose[name], f"{name} (with possible)")
        if oracle is not None:
            print_details(oracle, "stress.oracle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
