"""trafilatura imported without the network stack and the fallbacks it does not run here.

`import trafilatura` loads, before any extraction, what only its other uses need: the
downloader (urllib3, ssl, http.client, certifi), courlan (URL checks, and through tld
urllib.request), htmldate (dates), justext (a fallback extractor), charset_normalizer
(decoding bytes), importlib.metadata (email, zipfile: to read its own version for TEI
output) and hashlib (for duplicate tests): ~0.25 of the ~0.3 CPU s its import costs, more than `claims clean` spends
cleaning a page. `bare_extraction` on a parsed tree, in fast mode and without metadata,
calls none of them on most pages.

Here trafilatura's own modules are imported with an `__import__` of their own: while they
are imported, a module of DEFERRED that is not imported yet is given to them as a
placeholder holding the names they import from it, and each name imports the real module
when first used (called, or an attribute read), so what trafilatura computes is
unchanged. Its version is its package's `__version__`, set before its modules are
imported (tests/test_lean_trafilatura.py checks that it is the installed distribution's).
The placeholders never enter sys.modules: any other import, on any thread, meanwhile or
later, gets the real module. Should a trafilatura release import a name not listed here,
the import is redone plainly: slower, never different. Same aim as extract/lean_spacy.py.
"""

from __future__ import annotations

import builtins
import importlib
import importlib.machinery
import importlib.util
import sys
import threading
import types
from typing import Any, Optional

PACKAGE = "trafilatura"
# Module -> the names trafilatura's modules import from it (trafilatura 2.x: utils,
# metadata, external, xml, deduplication, and the package's own `from .downloads import ...`).
DEFERRED: dict[str, tuple[str, ...]] = {
    "trafilatura.downloads": ("fetch_response", "fetch_url"),
    "courlan": ("extract_domain", "fix_relative_urls", "get_base_url", "is_valid_url", "normalize_url",
                "validate_url"),
    "htmldate": ("find_date",),
    "justext.core": ("ParagraphMaker", "classify_paragraphs", "revise_paragraph_classification"),
    "justext.utils": ("get_stoplist", "get_stoplists"),
    "charset_normalizer": ("from_bytes",),
    "urllib3.response": (),
    "importlib.metadata": (),
    # deduplication's, for its (optional) duplicate tests: OpenSSL's libcrypto is loaded for hashlib
    "hashlib": ("blake2b",),
    "difflib": ("SequenceMatcher",),
}
# Names trafilatura uses as classes (in `isinstance` and type unions): module -> name.
DEFERRED_CLASSES = {"urllib3.response": "HTTPResponse"}
# trafilatura.xml reads its version at import: `version("trafilatura")`.
VERSION_FROM = "importlib.metadata"

_lock = threading.Lock()
_importing: Optional[int] = None  # the thread importing trafilatura here, while it does


class _Deferred:
    """A name of a module not imported yet: the module is imported when the name is first used."""

    def __init__(self, module: str, name: str):
        self._module = module
        self._name = name

    def _target(self):
        return getattr(importlib.import_module(self._module), self._name)

    def __call__(self, *args, **kwargs):
        return self._target()(*args, **kwargs)

    def __getattr__(self, attr: str):
        return getattr(self._target(), attr)


class _DeferredClassMeta(type):
    """No object is an instance of a class whose module was never imported; once it is, the
    real class answers."""

    def __instancecheck__(cls, obj) -> bool:
        module = sys.modules.get(cls._module)
        return module is not None and isinstance(obj, getattr(module, cls.__name__))


class _Placeholder(types.ModuleType):
    """A deferred module as trafilatura's modules see it while they are imported. A name it
    does not hold is an ImportError, so that trafilatura is then imported plainly."""

    def __getattr__(self, name: str):
        if name.startswith("__"):  # the import system's own look-ups (__spec__, __path__ ...)
            raise AttributeError(name)
        raise ImportError(f"{self.__name__}.{name} is not deferred by extract/html/lean_trafilatura.py")


def _package_version(name: str) -> str:
    """The version of a package being imported, as its `__init__` states it."""
    version = getattr(sys.modules.get(name), "__version__", None)
    if not isinstance(version, str):
        raise ImportError(f"no __version__ of {name} to stand for its distribution's")
    return version


def _placeholder(module: str) -> _Placeholder:
    mod = _Placeholder(module)
    for name in DEFERRED[module]:
        setattr(mod, name, _Deferred(module, name))
    if module in DEFERRED_CLASSES:
        name = DEFERRED_CLASSES[module]
        setattr(mod, name, _DeferredClassMeta(name, (), {"_module": module}))
    if module == VERSION_FROM:
        mod.version = _package_version
    return mod


_PLACEHOLDERS = {name: _placeholder(name) for name in DEFERRED}


def _import(name: str, globals: Optional[dict] = None, locals: Any = None, fromlist: Any = (), level: int = 0):
    """`__import__` of trafilatura's modules: a deferred module not imported yet, named in a
    `from ... import ...`, is its placeholder while trafilatura is imported here."""
    if _importing == threading.get_ident() and fromlist:
        package = (globals or {}).get("__package__") if level else None
        absolute = importlib.util.resolve_name("." * level + name, package) if level else name
        if absolute in _PLACEHOLDERS and absolute not in sys.modules:
            return _PLACEHOLDERS[absolute]
    return builtins.__import__(name, globals, locals, fromlist, level)


# trafilatura's modules' builtins: Python's, with the `__import__` above.
_BUILTINS = {**builtins.__dict__, "__import__": _import}


class _LeanLoader:
    """trafilatura's own loader for its module, run with the builtins above (a plain class:
    importlib.abc imports importlib.resources)."""

    def __init__(self, inner: importlib.machinery.SourceFileLoader):
        self.inner = inner

    def create_module(self, spec):
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        module.__builtins__ = _BUILTINS
        exec(self.inner.get_code(module.__name__), module.__dict__)

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


class _LeanFinder:
    """Finds trafilatura's modules, imported here on this thread, for _LeanLoader."""

    def find_spec(self, fullname: str, path=None, target=None):
        if _importing != threading.get_ident() or fullname.split(".")[0] != PACKAGE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or type(spec.loader) is not importlib.machinery.SourceFileLoader:
            return spec
        spec.loader = _LeanLoader(spec.loader)
        return spec


def import_trafilatura() -> types.ModuleType:
    """The `trafilatura` module; imported here unless it already is."""
    global _importing
    with _lock:
        if PACKAGE in sys.modules:
            return importlib.import_module(PACKAGE)  # waits for another thread's import to end
        finder = _LeanFinder()
        sys.meta_path.insert(0, finder)
        _importing = threading.get_ident()
        try:
            return importlib.import_module(PACKAGE)
        except ImportError:
            _importing = None
            for name in [n for n in sys.modules if n.split(".")[0] == PACKAGE]:
                del sys.modules[name]
            return importlib.import_module(PACKAGE)  # a release importing other names: all of it
        finally:
            _importing = None
            sys.meta_path.remove(finder)
