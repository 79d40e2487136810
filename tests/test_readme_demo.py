"""The README's first screen shows what `./scripts/demo` prints: that text is checked
against what the two commands of the demo (`claims run corpus/`, then `claims conflicts`)
print on a fresh database, so the README cannot drift from the product."""

from __future__ import annotations

import re

from tests.conftest import ROOT, run_claims


def _readme_demo_output() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"`\./scripts/demo` prints:\s*```\n(.*?)```", readme, re.S)
    assert m, "the README shows the demo's output in a fenced block after '`./scripts/demo` prints:'"
    return m.group(1)


def test_the_readme_shows_what_the_demo_prints(tmp_path):
    db = tmp_path / "claims.db"
    ran = run_claims("run", "corpus/", "--db", str(db))
    conflicts = run_claims("conflicts", "--db", str(db))
    printed = ran.stdout + "\n" + conflicts.stdout
    assert printed.splitlines() == _readme_demo_output().splitlines()
