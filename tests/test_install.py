"""`pip install` of the built wheel alone gives a working `claims` (issue 19).

Builds the wheel, installs it into a fresh virtual environment (no editable checkout, no
setup script), and runs the contract commands there on an HTML page, a text file and a
folder. Slow-ish (a venv and pip's cache), so it runs once per session.
"""

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HTML = """<html><head><title>Rail strike</title></head><body><nav>Home | World | 24 comments</nav>
<article><h1>Rail strike enters second week</h1>
<p>The strike has cost operators about $53 million a week, the transport ministry said on Monday.</p>
<p>Ridership fell 40% in the first five days, according to the city's transit authority.</p>
</article></body></html>"""
TEXT = "Flood toll rises\n\nThe death toll from the floods rose to 3,300 on Tuesday, officials said.\n"


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The `claims` executable of a fresh venv holding only the built wheel and its dependencies."""
    tmp = tmp_path_factory.mktemp("install")
    wheels = tmp / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = wheels.glob("claims-*.whl")
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    proc = subprocess.run([str(py), "-m", "pip", "install", "--quiet", "-c", str(ROOT / "constraints.txt"), str(wheel)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return env_dir / "bin" / "claims", tmp


def _run(exe, *args, cwd):
    proc = subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_installed_wheel_extracts_from_html_and_text_and_runs_a_folder(installed):
    exe, tmp = installed
    folder = tmp / "articles"
    folder.mkdir()
    (folder / "strike.html").write_text(HTML, encoding="utf-8")
    (folder / "floods.txt").write_text(TEXT, encoding="utf-8")
    html = [json.loads(x) for x in _run(exe, "extract", "articles/strike.html", cwd=tmp).splitlines()]
    assert {c["surface"] for c in html} >= {"$53 million", "40%"}
    text = [json.loads(x) for x in _run(exe, "extract", "articles/floods.txt", cwd=tmp).splitlines()]
    assert [c["surface"] for c in text] == ["3,300"]
    _run(exe, "run", "articles", "--db", "claims.db", cwd=tmp)
    rows = [json.loads(x) for x in _run(exe, "query", "--db", "claims.db", "--format", "jsonl", cwd=tmp).splitlines()]
    assert {r["surface"] for r in rows} >= {"$53 million", "40%", "3,300"}
