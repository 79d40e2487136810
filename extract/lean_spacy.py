"""spaCy imported without its command line.

`import spacy` runs `from .cli.info import info`, which imports the whole `spacy.cli`
package (typer, weasel, the training and project commands): ~0.4 CPU s of every
`claims extract` process, which never uses it (bench/throughput.py). While spaCy's
package is imported, `spacy.cli` and `spacy.cli.info` stand in sys.modules as empty
placeholders; they are taken out as soon as the import is done, so a later
`import spacy.cli` loads the real package, and `spacy.info` loads it when called.
Nothing else changes: `spacy.load` never reads `spacy.cli`.

Every registry look-up of spaCy and thinc (catalogue) asks for the installed entry points
of one group, and catalogue answers by filtering every entry point of the environment
again (`SelectableGroups.select`): ~0.1 CPU s of each model load. `index_entry_points`
groups them once, before spaCy is imported; catalogue reads such a dict as it is
(its own `else` branch), so each look-up finds the same entry points.

`Registry.get_all` (a namespace's functions) walks the whole registry and tests each key
a part at a time in a generator; srsly asks for its msgpack decoders so at each of the
model's 128 msgpack loads (~0.014 CPU s of each process). `_get_all` keeps the same
entries with one slice comparison a key: the same dict, in the same order.
"""

from __future__ import annotations

import importlib
import sys
import types

import catalogue

_PLACEHOLDERS = ("spacy.cli", "spacy.cli.info")


def _info(*args, **kwargs):
    """spaCy's `spacy.info`, imported on first use."""
    return importlib.import_module("spacy.cli.info").info(*args, **kwargs)


def index_entry_points() -> None:
    """catalogue's installed entry points as a dict of group -> entry points (once)."""
    found = catalogue.AVAILABLE_ENTRY_POINTS
    if hasattr(found, "select") and hasattr(found, "groups"):
        catalogue.AVAILABLE_ENTRY_POINTS = {group: found.select(group=group) for group in found.groups}


def _get_all(self: catalogue.Registry) -> dict:
    """catalogue.Registry.get_all, each key's namespace compared as one tuple."""
    result = {}
    if self.entry_points:
        result.update(self.get_entry_points())
    namespace = tuple(self.namespace)
    size = len(namespace) + 1
    for keys, value in catalogue.REGISTRY.copy().items():
        if len(keys) == size and keys[:-1] == namespace:
            result[keys[-1]] = value
    return result


def faster_registry_listing() -> None:
    """catalogue's Registry.get_all as `_get_all` (once)."""
    catalogue.Registry.get_all = _get_all


def import_spacy() -> types.ModuleType:
    """The `spacy` module; imported here (without `spacy.cli`) unless it already is."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    index_entry_points()
    faster_registry_listing()
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package with no submodules: nothing can be imported from it meanwhile
    info = types.ModuleType("spacy.cli.info")
    info.info = _info
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy
    finally:
        for name in _PLACEHOLDERS:
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy
