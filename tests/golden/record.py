"""The golden output of the contract commands: what `claims extract` prints (every field)
and what `claims run` + `claims conflicts` flag, on the seed corpus, the news set and the
conflicts stress set.

A change that alters any line fails tests/test_golden.py. When the change is deliberate,
re-record and list what changed in the commit message:

    .venv/bin/python tests/golden/record.py          # rewrites tests/golden/*.jsonl
    git diff --stat tests/golden/
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("CLAIMS_SHARED", ROOT.parent / "shared"))

# name -> folder the commands are run on (relative to the repository, or the shared folder)
SETS = {
    "corpus": ROOT / "corpus",
    "news": SHARED / "gold" / "news" / "articles",
    "stress": ROOT / "tests" / "fixtures" / "conflicts",
}


def _claims(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "claims", *args], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"claims {' '.join(args)} exited {proc.returncode}: {proc.stderr.strip()}")
    return proc.stdout


def _portable(line: str, folder: Path, name: str) -> str:
    """A JSON line with the folder's absolute path replaced by the set's name."""
    return line.replace(str(folder), name)


def outputs() -> dict[str, list[str]]:
    """file name -> the lines the commands print now, in a stable order."""
    out: dict[str, list[str]] = {}
    for name, folder in SETS.items():
        lines = _claims("extract", str(folder), "--format", "jsonl").splitlines()
        out[f"extract_{name}.jsonl"] = [_portable(x, folder, name) for x in lines]
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "golden.db")
            _claims("run", str(folder), "--db", db)
            lines = _claims("conflicts", "--db", db, "--format", "jsonl").splitlines()
        out[f"conflicts_{name}.jsonl"] = sorted(_portable(x, folder, name) for x in lines)
    return out


def main() -> None:
    for fname, lines in outputs().items():
        (HERE / fname).write_text("".join(x + "\n" for x in lines), encoding="utf-8")
        print(f"{fname}: {len(lines)} lines")


if __name__ == "__main__":
    main()
