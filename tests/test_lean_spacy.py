"""spaCy comes into a `claims extract` process without its command line
(extract/lean_spacy.py), and its command line still works when asked for."""

import subprocess
import sys

import pytest

from tests.conftest import ROOT

CHECKS = {
    "no-cli-on-import": "import sys, extract.pipeline\n"
                        "assert 'spacy.cli' not in sys.modules and 'typer' not in sys.modules, sorted(sys.modules)\n",
    "cli-imports-later": "import extract.pipeline, spacy.cli, sys\n"
                         "assert callable(spacy.cli.download) and 'typer' in sys.modules\n",
    "info-imports-later": "import extract.pipeline, spacy\n"
                          "assert spacy.info()['spacy_version'] == spacy.__version__\n",
    "model-loads": "from extract.pipeline import load_nlp\n"
                   "doc = load_nlp()('Revenue rose 4% to $2.1 billion, the company said.')\n"
                   "assert [t.pos_ for t in doc][:3] == ['NOUN', 'VERB', 'NUM'] and doc.ents\n",
}


@pytest.mark.parametrize("code", [pytest.param(c, id=k) for k, c in CHECKS.items()])
def test_spacy_without_its_command_line(code):
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
