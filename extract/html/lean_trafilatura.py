"""trafilatura imported without the network stack and the fallbacks it does not run here.

`import trafilatura` loads, before any extraction, what only its other uses need: the
downloader (urllib3, ssl, http.client, certifi), courlan (URL checks, and through tld
urllib.request), htmldate (dates), justext (a fallback extractor), charset_normalizer
(decoding bytes) and importlib.metadata (email, zipfile: to read its own version for TEI
output): ~0.25 of the ~0.3 CPU s its import costs, more than `claims clean` spends
cleaning a page. `bare_extraction` on a parsed tree, in fast mode and without metadata,
calls none of them on most pages.

While trafilatura's package is imported, each of those modules not imported yet stands
in sys.modules as a placeholder holding the names trafilatura imports from it; each name
imports the real module when first used (called, or an attribute read), so what
trafilatura computes is unchanged. Its version is its package's `__version__`, set before
its modules are imported (tests/test_lean_trafilatura.py checks that it is the installed
distribution's). The placeholders are taken out as soon as the import is done, so a later
`import courlan` (or `import trafilatura.downloads`) loads the real module. Should a
trafilatura release import a name not listed here, the import is redone plainly: slower,
never different. Same idea as extract/lean_spacy.py.
"""

from __future__ import annotations

import importlib
import sys
import types

# Module -> the names trafilatura's modules import from it (trafilatura 2.x: utils,
# metadata, external, and the package's own `from .downloads import ...`).
DEFERRED: dict[str, tuple[str, ...]] = {
    "trafilatura.downloads": ("fetch_response", "fetch_url"),
    "courlan": ("extract_domain", "fix_relative_urls", "get_base_url", "is_valid_url", "normalize_url",
                "validate_url"),
    "htmldate": ("find_date",),
    "justext": (),
    "justext.core": ("ParagraphMaker", "classify_paragraphs", "revise_paragraph_classification"),
    "justext.utils": ("get_stoplist", "get_stoplists"),
    "charset_normalizer": ("from_bytes",),
    "urllib3": (),
    "urllib3.response": (),
}
# Names trafilatura uses as classes (in `isinstance` and type unions): module -> name.
DEFERRED_CLASSES = {"urllib3.response": "HTTPResponse"}
# trafilatura.xml reads its version at import: `version("trafilatura")`.
METADATA = "importlib.metadata"


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
        if module is None or isinstance(module, _Placeholder):
            return False
        return isinstance(obj, getattr(module, cls.__name__))


class _Placeholder(types.ModuleType):
    """A module standing in sys.modules while trafilatura is imported."""


def _placeholder(module: str) -> _Placeholder:
    mod = _Placeholder(module)
    mod.__path__ = []  # a package with no submodules of its own: nothing real is imported through it
    for name in DEFERRED[module]:
        setattr(mod, name, _Deferred(module, name))
    if module in DEFERRED_CLASSES:
        name = DEFERRED_CLASSES[module]
        setattr(mod, name, _DeferredClassMeta(name, (), {"_module": module}))
    return mod


def _package_version(name: str) -> str:
    """The version of a package being imported, as its `__init__` states it."""
    version = getattr(sys.modules.get(name), "__version__", None)
    if not isinstance(version, str):
        raise ImportError(f"no __version__ of {name} to stand for its distribution's")
    return version


def _metadata_placeholder() -> _Placeholder:
    mod = _Placeholder(METADATA)
    mod.version = _package_version
    return mod


def _absent(module: str) -> bool:
    """Neither the module nor its top-level package is imported yet."""
    return module not in sys.modules and module.split(".")[0] not in sys.modules


def import_trafilatura() -> types.ModuleType:
    """The `trafilatura` module; imported here (with placeholders) unless it already is."""
    if "trafilatura" in sys.modules:
        return sys.modules["trafilatura"]
    placed = {name: _placeholder(name) for name in DEFERRED
              if _absent(name) or name == "trafilatura.downloads"}
    if METADATA not in sys.modules:
        placed[METADATA] = _metadata_placeholder()
    sys.modules.update(placed)
    try:
        import trafilatura
    except ImportError:
        _forget("trafilatura", placed)
        import trafilatura  # a release importing other names: imported as it is, all of it
    finally:
        _forget_placeholders(placed)
    if isinstance(getattr(trafilatura, "downloads", None), _Placeholder):
        del trafilatura.downloads
    return trafilatura


def _forget(package: str, placed: dict[str, types.ModuleType]) -> None:
    """Take out the placeholders and whatever of `package` a failed import left behind."""
    for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
        del sys.modules[name]
    _forget_placeholders(placed)


def _forget_placeholders(placed: dict[str, types.ModuleType]) -> None:
    for name, mod in placed.items():
        if sys.modules.get(name) is mod:
            del sys.modules[name]
