"""Fixed costs of `claims clean`: trafilatura comes in without its downloader and the
modules only its fallbacks use (extract/html/lean_trafilatura.py); each of them is still
there when asked for, and trafilatura extracts the same text as when imported whole."""

import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED

_LEAN = "import sys\nfrom extract.html.lean_trafilatura import import_trafilatura\ntrafilatura = import_trafilatura()\n"
_NOT_LOADED = ("courlan", "htmldate", "justext", "charset_normalizer", "urllib3", "importlib.metadata", "ssl",
               "http.client", "hashlib", "difflib")

CHECKS = {
    "none-on-import": _LEAN + f"loaded = sorted(set(sys.modules) & set({_NOT_LOADED!r}))\n"
                              "assert not loaded and not hasattr(trafilatura, 'downloads'), loaded\n",
    # its version (TEI output) is the installed distribution's
    "version": _LEAN + "import importlib.metadata as md, trafilatura.xml\n"
                       "assert trafilatura.xml.PKG_VERSION == md.version('trafilatura'), trafilatura.xml.PKG_VERSION\n",
    # a name trafilatura took from courlan imports courlan when called, and answers as courlan does
    "courlan-when-called": _LEAN + "assert 'courlan' not in sys.modules\n"
                                   "assert trafilatura.utils.get_base_url('https://example.org/a/b') == 'https://example.org'\n"
                                   "import courlan\n"
                                   "assert type(courlan).__name__ == 'module' and callable(courlan.UrlStore)\n",
    "htmldate-when-called": _LEAN + "from lxml import html\n"
                                    "page = html.fromstring('<html><head><meta name=\"date\" content=\"2024-03-05\"></head>"
                                    "<body><p>x</p></body></html>')\n"
                                    "assert trafilatura.metadata.find_date(page) == '2024-03-05'\n"
                                    "import htmldate\n"
                                    "assert htmldate.find_date is not trafilatura.metadata.find_date\n",
    # a urllib3 response is still read as one (its data)
    "response-input": _LEAN + "import urllib3\n"
                              "body = b'<html><body><article><p>' + b'Sales rose 4% in March, the agency said. ' * 9 + b'</p></article></body></html>'\n"
                              "response = urllib3.response.HTTPResponse(body=body, preload_content=True)\n"
                              "assert isinstance(response, trafilatura.utils.HTTPResponse)\n"
                              "assert 'Sales rose 4%' in trafilatura.extract(response)\n",
    "downloads-later": _LEAN + "import trafilatura.downloads, urllib3\n"
                               "assert trafilatura.downloads.fetch_url is not trafilatura.fetch_url and callable(urllib3.PoolManager)\n",
    # a trafilatura release importing a name not listed: imported plainly
    "name-not-deferred": "import sys\nfrom extract.html import lean_trafilatura\n"
                         "lean_trafilatura._PLACEHOLDERS['htmldate'] = lean_trafilatura._Placeholder('htmldate')\n"
                         "trafilatura = lean_trafilatura.import_trafilatura()\n"
                         "import htmldate\n"
                         "assert trafilatura.metadata.find_date is htmldate.find_date and 'urllib3.util' in sys.modules\n",
    # no placeholder is ever in sys.modules, where another thread's import would find it
    "never-in-sys-modules": "import sys\nfrom extract.html import lean_trafilatura\nseen = []\n"
                            "def audit(event, args):\n"
                            "    if event == 'import':\n"
                            "        seen.extend(n for n, m in list(sys.modules.items()) "
                            "if isinstance(m, lean_trafilatura._Placeholder))\n"
                            "sys.addaudithook(audit)\n"
                            "trafilatura = lean_trafilatura.import_trafilatura()\n"
                            "import courlan\n"
                            "assert not seen and 'courlan' in sys.modules, seen\n",
    "already-imported": "import trafilatura, courlan\nfrom extract.html.lean_trafilatura import import_trafilatura\n"
                        "assert import_trafilatura() is trafilatura and trafilatura.utils.get_base_url is courlan.get_base_url\n",
}


@pytest.mark.parametrize("code", [pytest.param(c, id=k) for k, c in CHECKS.items()])
def test_trafilatura_without_its_network_stack(code):
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


_EXTRACT = ("import sys, json, gzip, lxml.html\n{imp}\n"
            "for path in sys.argv[1:]:\n"
            "    raw = open(path, 'rb').read()\n"
            "    root = lxml.html.fromstring(gzip.decompress(raw) if path.endswith('.gz') else raw)\n"
            "    doc = trafilatura.bare_extraction(root, fast=True, include_comments=False, with_metadata={meta})\n"
            "    print(json.dumps({{'text': doc.text, 'date': doc.date, 'url': doc.url}}))\n")


@pytest.mark.parametrize("with_metadata", [False, True], ids=["text", "text-and-metadata"])
def test_lean_trafilatura_extracts_what_trafilatura_does(with_metadata):
    pages = [str(p) for p in sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))]
    pages += [str(p) for p in sorted((SHARED / "bench" / "article-extraction" / "html").glob("*.html.gz"))[:4]]
    outputs = []
    for imp in ("import trafilatura", _LEAN):
        code = _EXTRACT.format(imp=imp, meta=with_metadata)
        done = subprocess.run([sys.executable, "-c", code, *pages], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and outputs[0].count("\n") == len(pages) >= 7
