import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = Path(__import__("os").environ.get("CLAIMS_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def nlp():
    from extract.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_claims(nlp):
    """Claims of every seed article, extracted once per test session."""
    from extract.pipeline import article_from_source, extract_claims
    from extract.read import read_path

    out = {}
    for path in sorted(CORPUS.glob("*.txt")):
        art = article_from_source(read_path(str(path)))
        out[path.name] = extract_claims(art, path.name, nlp)
    return out


def run_claims(*args, check=True):
    """Run the real `claims` command line in a subprocess."""
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "claims", *args], capture_output=True, text=True, cwd=ROOT)
    if check and proc.returncode != 0:
        raise AssertionError(f"claims {' '.join(args)} exited {proc.returncode}: {proc.stderr}")
    return proc
