"""Fixed costs of a claims process: spaCy comes in without its command line
(extract/lean_spacy.py), which still works when asked for; catalogue's entry points are
grouped once, the same per group, and its registry listings are its own; the tokenizer is read from
the pipeline's files only, with the same settings and tokens as spaCy's load."""

import subprocess
import sys

import pytest

from tests.conftest import CORPUS, ROOT, SHARED

CHECKS = {
    "no-cli-on-import": "import sys, extract.pipeline\n"
                        "assert 'spacy.cli' not in sys.modules and 'typer' not in sys.modules, sorted(sys.modules)\n",
    "cli-imports-later": "import extract.pipeline, spacy.cli, sys\n"
                         "assert callable(spacy.cli.download) and 'typer' in sys.modules\n",
    "info-imports-later": "import extract.pipeline, spacy\n"
                          "assert spacy.info()['spacy_version'] == spacy.__version__\n",
    # catalogue's entry points, grouped once, are each group's as importlib lists them
    "entry-points-grouped": "import extract.pipeline, catalogue, importlib.metadata as md\n"
                            "found = catalogue.AVAILABLE_ENTRY_POINTS\n"
                            "assert type(found) is dict and 'console_scripts' in found, type(found)\n"
                            "for g in md.entry_points().groups:\n"
                            "    assert list(found[g]) == list(md.entry_points(group=g)), g\n",
    # catalogue's registry listings, each key's namespace compared as one tuple, are its own
    "registry-listing-same": "import catalogue\n"
                             "original = catalogue.Registry.get_all\n"
                             "import extract.pipeline, spacy, srsly.msgpack as m\n"
                             "assert catalogue.Registry.get_all is not original\n"
                             "regs = [getattr(spacy.registry, n) for n in dir(spacy.registry)]\n"
                             "regs = [r for r in regs if isinstance(r, catalogue.Registry)]\n"
                             "regs += [m.msgpack_decoders, m.msgpack_encoders]\n"
                             "assert len(regs) > 20\n"
                             "for r in regs:\n"
                             "    assert list(catalogue.Registry.get_all(r).items()) == list(original(r).items())\n",
    "model-loads": "from extract.pipeline import load_nlp\n"
                   "doc = load_nlp()('Revenue rose 4% to $2.1 billion, the company said.')\n"
                   "assert [t.pos_ for t in doc][:3] == ['NOUN', 'VERB', 'NUM'] and doc.ents\n",
}


@pytest.mark.parametrize("code", [pytest.param(c, id=k) for k, c in CHECKS.items()])
def test_spacy_without_its_command_line(code):
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


def _texts():
    seed = sorted(CORPUS.glob("*.txt"))[:3]
    news = sorted((SHARED / "gold" / "news" / "articles").glob("*"))[:3]
    return [pytest.param(p, id=p.name) for p in seed + news]


@pytest.fixture(scope="module")
def tokenizers():
    import spacy

    from extract.pipeline import DEFAULT_MODEL, load_nlp

    return load_nlp().tokenizer, spacy.load(DEFAULT_MODEL).tokenizer


def test_tokenizer_read_from_disk_has_spacys_settings(tokenizers):
    ours, spacys = tokenizers
    assert ours.rules == spacys.rules and len(ours.rules) > 1000
    for name in ("prefix_search", "suffix_search", "infix_finditer", "url_match"):
        assert getattr(ours, name).__self__.pattern == getattr(spacys, name).__self__.pattern, name
    assert (ours.token_match, ours.faster_heuristics) == (spacys.token_match, spacys.faster_heuristics)


@pytest.mark.parametrize("path", _texts())
def test_tokenizer_read_from_disk_splits_as_spacys(tokenizers, path):
    ours, spacys = tokenizers
    text = path.read_text(encoding="utf-8")
    assert [(t.text, t.idx) for t in ours(text)] == [(t.text, t.idx) for t in spacys(text)]
