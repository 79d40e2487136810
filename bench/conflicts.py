"""Conflict benchmark on the multi-source stress set (tests/fixtures/conflicts/).

Fourteen short articles in the style of wire, TV-network and trade-press reports tell the
same earnings-season figures from different angles (a range and a point inside it,
rounded values, hedges, fiscal vs calendar periods, growth vs level, a part vs its
whole, analysts' expectations vs the reported figure, restatements inside one article)
and contain three real contradictions. `expected.json` there lists the figures and the
verdict of each cross-document pair.

This runs the real command line (`claims run DIR --db TMP`, `claims query`, `claims
conflicts`) and prints:

- contradiction recall / precision: flagged pairs against the listed contradictions
  (a restatement listed with `same_as` counts as the figure it restates);
- false alarms: flagged pairs the list says are consistent / different-period /
  different-metric / same-document; unlisted: flagged pairs not in the list;
- consistent recognised: the share of listed consistent pairs the reconciler found to
  agree (a corroboration); a miss means it never compared them (fields differ). Pairs
  listed with `compared: false` (no period, different speakers) are left out;
- fields: the share of listed figures whose subject, metric and period (as the
  reconciler normalises them), kind and unit are as expected.

`--oracle-fields` also scores reconciliation alone: every listed figure's subject,
metric, period and kind are set as expected and the claims reconciled again, so the
figures show what the reconciler makes of the set once framing is right.

Usage:  python bench/conflicts.py [--json] [--verbose] [--oracle-fields]
"""

from __future__ import annotations

import argparse
import json
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
CLI_TIMEOUT = 600


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


def run_pipeline(folder: Path = STRESS, python: str = sys.executable) -> StressRun:
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
    return StressRun(claims, conflicts, corroborations)


def stored_corroborations(db: str) -> list[list[dict]]:
    """The corroborated figures the database holds (the command line prints them only as a table)."""
    from claims.store import ClaimStore

    with ClaimStore(db) as store:
        return [[c.contract_dict() for c in group] for group in store.corroborations()]


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


def score(run: StressRun, expected: dict, folder: Path = STRESS) -> StressScore:
    specs = expected["claims"]
    spans = {cid: expected_span(folder, spec) for cid, spec in specs.items()}
    records: dict[str, Optional[dict]] = {cid: None for cid in specs}
    for rec in run.claims:
        cid = claim_id_for(rec, spans)
        if cid is not None and records[cid] is None:
            records[cid] = rec
    verdicts = listed_verdicts(expected)
    flagged, unmapped = set(), []
    for c in run.conflicts:
        ia, ib = claim_id_for(c["a"], spans), claim_id_for(c["b"], spans)
        if ia is None or ib is None:
            unmapped.append(c)
            continue
        flagged.add(pair_key(canonical(ia, specs), canonical(ib, specs)))
    contradictions = {k for k, v in verdicts.items() if v == "contradiction"}
    false_alarms = sorted((k, verdicts[k]) for k in flagged if k in verdicts and verdicts[k] != "contradiction")
    unlisted = sorted(k for k in flagged if k not in verdicts)
    wrong = {cid: bad for cid in specs if (bad := field_mismatches(specs[cid], records[cid]))}
    corroborated = set()
    for group in run.corroborations:
        ids = {canonical(cid, specs) for rec in group if (cid := claim_id_for(rec, spans))}
        corroborated |= {pair_key(a, b) for a in ids for b in ids if a != b}
    consistent = {pair_key(canonical(p["a"], specs), canonical(p["b"], specs)) for p in expected["pairs"]
                  if p["verdict"] == "consistent" and p.get("compared", True)}
    return StressScore(contradictions, flagged, false_alarms, unlisted, unmapped, records, wrong, corroborated,
                       consistent)


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
    result = reconcile(stored)
    conflicts = [{"a": by_id[v.a_id].model_dump(mode="json"), "b": by_id[v.b_id].model_dump(mode="json"),
                  "verdict": "contradiction", "why": v.why, "score": v.score} for v in result.conflicts]
    groups = [[by_id[i].model_dump(mode="json") for i in group] for group in result.corroborations]
    return StressRun([c.model_dump(mode="json") for c in stored], conflicts, groups)


def figures_of(sc: StressScore, prefix: str) -> dict:
    return {
        f"{prefix}.contradiction_recall": round(sc.recall, 3),
        f"{prefix}.contradiction_precision": round(sc.precision, 3),
        f"{prefix}.false_alarms": len(sc.false_alarms),
        f"{prefix}.unlisted": len(sc.unlisted) + len(sc.unmapped),
        f"{prefix}.fields_right": round(sc.fields_right, 3),
        f"{prefix}.consistent_recognised": round(sc.consistent_recognised, 3),
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
    args = ap.parse_args(argv)
    expected = load_expected()
    run = run_pipeline()
    scores = {"stress": score(run, expected)}
    if args.oracle_fields:
        scores["stress.oracle"] = score(with_expected_fields(run, expected), expected)
    figures = {k: v for prefix, sc in scores.items() for k, v in figures_of(sc, prefix).items()}
    if args.json:
        print(json.dumps(figures))
    else:
        print("| figure | value |\n| --- | --- |")
        for k, v in figures.items():
            print(f"| {k} | {v} |")
    if args.verbose:
        for prefix, sc in scores.items():
            print_details(sc, prefix)
    return 0


if __name__ == "__main__":
    sys.exit(main())
